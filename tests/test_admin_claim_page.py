"""The claim page: context, inlines (verdicts, sources, notes) and workflow."""

import re

import pytest
from django.urls import reverse

from claims.models import ClaimSource, ClaimStatus, Note, Scale, Speaker, Verdict, VerdictStatus
from tests.admin_support import claim_url, messages_of, open_claim
from tests.factories import ARABIC_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    article = make_article(ARABIC_TEXT)
    return make_claim(article, "الاقتصاد ينمو بسرعة", speaker=Speaker.objects.resolve("الوزير"), cue="قال")


def new_row(data, prefix, **values):
    """Fill the empty extra row of an inline formset."""
    index = int(data[f"{prefix}-TOTAL_FORMS"]) - 1
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = value
    return data


def test_the_page_shows_the_claim_in_its_sentence_right_to_left(client, factchecker, claim):
    client.force_login(factchecker)
    html = client.get(claim_url(claim)).content.decode()

    assert (
        '<blockquote class="fc-context" dir="rtl" lang="ar">وقال الوزير إن <mark class="fc-span fc-current">الاقتصاد ينمو بسرعة</mark>.'
        in html
    )
    for inline in ("verdicts-TOTAL_FORMS", "claim_sources-TOTAL_FORMS", "notes-TOTAL_FORMS"):
        assert f'name="{inline}"' in html
    assert 'name="opened_version" value="1"' in html
    assert "/admin/claims/speaker/autocomplete/" in html or "data-model-name" in html  # speaker autocomplete
    assert 'class="admin-autocomplete' in html


def test_a_fact_checker_adds_a_verdict_a_source_and_a_note_in_one_save(client, factchecker, claim):
    source = make_source(title="Central bank bulletin")
    client.force_login(factchecker)
    _, data = open_claim(client, claim)
    new_row(data, "verdicts", rating=rating("content", "mostly-false").pk, explanation="الأرقام لا تؤيد ذلك")
    new_row(data, "claim_sources", source=source.pk, stance="refutes", excerpt="GDP fell 1%")
    new_row(data, "notes", body="اتصلت بالوزارة")

    response = client.post(claim_url(claim), data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    verdict = claim.verdicts.get()
    assert (verdict.scale, verdict.author, verdict.status) == (
        Scale.CONTENT,
        factchecker,
        VerdictStatus.DRAFT,
    )
    link = ClaimSource.objects.get(claim=claim)
    assert (link.source, link.stance, link.added_by) == (source, "refutes", factchecker)
    assert Note.objects.get(claim=claim).author == factchecker
    claim.refresh_from_db()
    assert claim.version == 2  # the page changed, so the claim's version moved on


def test_saving_an_unchanged_page_writes_nothing(client, factchecker, claim):
    client.force_login(factchecker)
    _, data = open_claim(client, claim)

    assert client.post(claim_url(claim), data).status_code == 302

    claim.refresh_from_db()
    assert claim.version == 1 and claim.history.count() == 1


def test_verdicts_are_listed_current_first_then_history(client, factchecker, claim):
    old = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    attribution = Verdict.objects.create(
        claim=claim, scale=Scale.ATTRIBUTION, rating=rating("attribution", "misquoted")
    )
    new = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    client.force_login(factchecker)

    response = client.get(claim_url(claim))
    shown = [f.instance.pk for f in response.context["inline_admin_formsets"][0].formset.initial_forms]

    assert shown == [attribution.pk, new.pk, old.pk]
    assert "superseded" in response.content.decode()


def test_a_published_verdict_is_read_only_and_cannot_be_deleted(client, editor, claim):
    verdict = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    verdict.publish()
    client.force_login(editor)
    response, data = open_claim(client, claim)
    form = response.context["inline_admin_formsets"][0].formset.initial_forms[0]

    assert form.instance == verdict
    assert all(form.fields[name].disabled for name in ("rating", "explanation", "opened_version", "DELETE"))
    assert re.search(
        r'<input type="checkbox" name="verdicts-0-DELETE"[^>]* disabled[ >]', response.content.decode()
    )
    # A forged post changing and deleting it changes nothing.
    data["verdicts-0-rating"] = rating("content", "false").pk
    data["verdicts-0-explanation"] = "rewritten"
    data["verdicts-0-DELETE"] = "on"
    assert client.post(claim_url(claim), data).status_code == 302

    verdict.refresh_from_db()
    assert verdict.rating.slug == "true" and verdict.explanation == ""
    # Nor on the verdict's own pages.
    assert (
        client.post(reverse("admin:claims_verdict_delete", args=[verdict.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert Verdict.objects.filter(pk=verdict.pk).exists()


def test_bulk_deleting_never_takes_a_published_verdict(client, editor, claim):
    published = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    published.publish()
    draft = Verdict.objects.create(
        claim=claim, scale=Scale.ATTRIBUTION, rating=rating("attribution", "misquoted")
    )
    client.force_login(editor)
    url = reverse("admin:claims_verdict_changelist")

    both = {"action": "delete_selected", "_selected_action": [published.pk, draft.pk]}
    assert "Cannot delete" in client.post(url, both).content.decode()
    assert client.post(url, {**both, "post": "yes"}).status_code == 403
    assert Verdict.objects.count() == 2

    client.post(url, {"action": "delete_selected", "_selected_action": [draft.pk], "post": "yes"})
    assert list(Verdict.objects.all()) == [published]


def test_a_new_verdict_over_a_published_one_records_what_it_corrects(client, editor, claim):
    published = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    published.publish()
    client.force_login(editor)
    _, data = open_claim(client, claim)
    new_row(data, "verdicts", rating=rating("content", "half-true").pk, explanation="New figures")

    assert client.post(claim_url(claim), data).status_code == 302

    correction = claim.verdicts.latest("id")
    assert correction.corrects == published and correction.status == VerdictStatus.DRAFT


def test_the_correct_page_creates_a_correction(client, factchecker, claim):
    published = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    published.publish()
    url = reverse("admin:claims_claim_correct_verdict", args=[claim.pk, published.pk])
    client.force_login(factchecker)

    assert url in client.get(claim_url(claim)).content.decode()
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"rating": rating("content", "misleading").pk, "explanation": "Context was missing"}
    )

    assert response.status_code == 302
    correction = claim.verdicts.latest("id")
    assert (correction.corrects, correction.author, correction.rating.slug) == (
        published,
        factchecker,
        "misleading",
    )
    published.refresh_from_db()
    assert published.status == VerdictStatus.PUBLISHED  # still on the record


def test_the_correct_page_refuses_a_draft(client, factchecker, claim):
    draft = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    client.force_login(factchecker)

    response = client.get(
        reverse("admin:claims_claim_correct_verdict", args=[claim.pk, draft.pk]), follow=True
    )

    assert any("edit the draft" in m for m in messages_of(response))
    assert claim.verdicts.count() == 1


def test_a_note_can_be_changed_only_by_its_author(client, factchecker, editor, claim):
    mine = Note.objects.create(claim=claim, author=factchecker, body="mine")
    theirs = Note.objects.create(claim=claim, author=editor, body="theirs")
    client.force_login(factchecker)
    response, data = open_claim(client, claim)
    forms = response.context["inline_admin_formsets"][2].formset.initial_forms
    assert [f.instance for f in forms] == [mine, theirs]
    assert not forms[0].fields["body"].disabled and forms[1].fields["body"].disabled
    assert forms[1].fields["DELETE"].disabled
    # A forged post is ignored for their note and applied to mine.
    data["notes-0-body"] = "mine, edited"
    data["notes-1-body"] = "hijacked"
    data["notes-1-DELETE"] = "on"
    assert client.post(claim_url(claim), data).status_code == 302

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.body, theirs.body) == ("mine, edited", "theirs")
    # The note's own page is read-only for anyone but its author.
    assert (
        client.post(reverse("admin:claims_note_change", args=[theirs.pk]), {"body": "x"}).status_code == 403
    )
    assert (
        client.post(reverse("admin:claims_note_delete", args=[theirs.pk]), {"post": "yes"}).status_code == 403
    )


def test_an_impossible_status_move_is_a_form_error(client, factchecker, claim):
    claim.status = ClaimStatus.READY
    claim.save()
    client.force_login(factchecker)
    _, data = open_claim(client, claim)
    data["status"] = ClaimStatus.NEW

    response = client.post(claim_url(claim), data)

    assert response.status_code == 200
    assert "cannot go from “ready to publish” to “new”" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.READY


def test_publishing_through_the_status_field_is_refused(client, editor, claim):
    client.force_login(editor)
    _, data = open_claim(client, claim)
    data["status"] = ClaimStatus.PUBLISHED

    response = client.post(claim_url(claim), data)

    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW


def test_a_fact_checker_can_take_a_claim_but_not_give_it_to_someone_else(client, factchecker, editor, claim):
    client.force_login(factchecker)
    _, data = open_claim(client, claim)

    data["assignee"] = editor.pk
    assert client.post(claim_url(claim), data).status_code == 200
    data["assignee"] = factchecker.pk
    assert client.post(claim_url(claim), data).status_code == 302

    claim.refresh_from_db()
    assert claim.assignee == factchecker
