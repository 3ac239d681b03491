"""History pages show who changed what, readably, and cannot rewrite the past."""

import pytest
from django.urls import reverse

from claims.admin.history import word_diff
from claims.models import ClaimSource, ClaimStatus, Note, Scale, Source, Speaker, Verdict
from tests.admin_support import claim_url, open_claim
from tests.factories import ARABIC_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    article = make_article(ARABIC_TEXT)
    return make_claim(article, "الاقتصاد ينمو بسرعة", speaker=Speaker.objects.resolve("الوزير"))


def test_word_diff_marks_removed_and_added_words_and_escapes():
    assert word_diff("the <b>old</b> claim", "the new claim") == (
        "the <del>&lt;b&gt;old&lt;/b&gt;</del><ins>new</ins> claim"
    )


def test_a_claims_history_shows_labels_and_text_diffs_by_whom(client, factchecker, claim):
    client.force_login(factchecker)
    _, data = open_claim(client, claim)
    data["headline"] = "الاقتصاد ينمو"
    data["status"] = ClaimStatus.IN_REVIEW
    client.post(claim_url(claim), data)

    html = client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()

    assert "<strong>Status:</strong>" in html
    assert (
        '<span dir="auto">new</span> <span class="fc-arrow" aria-hidden="true">→</span> <span dir="auto">in review</span>'
        in html
    )
    assert "<ins>الاقتصاد ينمو</ins>" in html
    assert "<bdi>fatima</bdi>" in html
    assert "Version:</strong>" not in html and "Updated at" not in html  # bookkeeping is left out


def test_the_claim_history_includes_its_verdicts_sources_and_notes(client, editor, claim):
    verdict = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    verdict.rating = rating("content", "false")
    verdict.save()
    ClaimSource.objects.create(claim=claim, source=make_source(title="Bank bulletin"))
    Note.objects.create(claim=claim, body="Called the ministry")
    client.force_login(editor)

    html = client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()
    related = html.split("Related changes")[1]

    assert "Verdict: " in related and "<strong>Rating:</strong>" in related
    assert 'True</span> <span class="fc-arrow"' in related and "False</span>" in related
    assert "Bank bulletin" in related and "Called the ministry" in related


def test_history_of_sources_and_notes_pages_answer(client, editor, claim):
    source = make_source(title="Old title")
    source.title = "New title"
    source.save()
    client.force_login(editor)

    html = client.get(reverse("admin:claims_source_history", args=[source.pk])).content.decode()
    assert "<del>Old</del><ins>New</ins> title" in html
    note = Note.objects.create(claim=claim, author=editor, body="n")
    assert client.get(reverse("admin:claims_note_history", args=[note.pk])).status_code == 200
    article = claim.article
    article_history = client.get(reverse("admin:claims_article_history", args=[article.pk])).content.decode()
    assert "الاقتصاد ينمو بسرعة" in article_history  # the article's claims came and went here


def test_an_old_version_cannot_be_restored_from_the_history(client, editor, claim):
    claim.headline = "second"
    claim.save()
    first = claim.history.earliest("history_date")
    client.force_login(editor)
    url = reverse("admin:claims_claim_simple_history", args=[claim.pk, first.history_id])

    assert client.get(url).status_code == 200
    assert client.post(url, {"headline": ""}).status_code == 403
    claim.refresh_from_db()
    assert claim.headline == "second" and Source.objects.count() == 0
