"""Two people editing the same claim: the later save is refused, never silently applied."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.admin.versioning import VersionedFormMixin
from claims.models import Claim, Note, Scale, Speaker, Verdict
from tests.admin_support import claim_url, form_data, open_claim
from tests.factories import ARABIC_TEXT, make_article, make_claim, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    article = make_article(ARABIC_TEXT)
    return make_claim(article, "الاقتصاد ينمو بسرعة", speaker=Speaker.objects.resolve("الوزير"))


def test_a_stale_save_names_who_changed_the_claim_and_overwrites_nothing(client, factchecker, editor, claim):
    client.force_login(factchecker)
    _, mine = open_claim(client, claim)
    other = Client()
    other.force_login(editor)
    _, theirs = open_claim(other, claim)

    theirs["headline"] = "Their headline"
    assert other.post(claim_url(claim), theirs).status_code == 302
    mine["headline"] = "My headline"
    mine["notes-0-body"] = "my note"
    response = client.post(claim_url(claim), mine)

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "“edward” changed this claim after you opened it" in errors
    assert "Nothing was saved" in errors
    claim.refresh_from_db()
    assert claim.headline == "Their headline" and claim.version == 2
    assert not Note.objects.exists()  # the inlines of the refused page were not saved either
    # What the user typed is still on the page.
    assert 'value="My headline"' in response.content.decode()


def test_a_save_that_loses_the_race_after_validation_is_still_refused(
    client, factchecker, editor, claim, monkeypatch
):
    client.force_login(factchecker)
    _, data = open_claim(client, claim)
    data["headline"] = "Mine"
    rival = Claim.objects.get(pk=claim.pk)
    rival.headline = "Theirs"
    rival._history_user = editor
    rival.save()
    # The form check ran just before the rival's save committed: it saw no conflict.
    checks = []

    def clean_that_ran_too_early(self):
        if isinstance(self.instance, Claim) and not checks:
            checks.append("missed")
            return super(VersionedFormMixin, self).clean()
        return check_version(self)

    check_version = VersionedFormMixin.clean
    monkeypatch.setattr(VersionedFormMixin, "clean", clean_that_ran_too_early)

    response = client.post(claim_url(claim), data)

    assert checks == ["missed"]
    assert response.status_code == 200
    assert "“edward” changed this claim" in " ".join(response.context["adminform"].form.non_field_errors())
    claim.refresh_from_db()
    assert claim.headline == "Theirs"


def test_a_stale_verdict_row_is_refused_too(client, factchecker, editor, claim):
    verdict = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "true"))
    client.force_login(factchecker)
    _, data = open_claim(client, claim)
    # Someone changes the verdict on its own page (the claim's version stays).
    verdict.explanation = "theirs"
    verdict._history_user = editor
    verdict.save()
    data["verdicts-0-explanation"] = "mine"

    response = client.post(claim_url(claim), data)

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert "“edward” changed this verdict after you opened it" in " ".join(
        formset.forms[0].non_field_errors()
    )
    verdict.refresh_from_db()
    assert verdict.explanation == "theirs"


def test_the_hidden_version_is_required(client, factchecker, claim):
    client.force_login(factchecker)
    _, data = open_claim(client, claim)
    del data["opened_version"]
    data["headline"] = "x"

    response = client.post(claim_url(claim), data)

    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.headline == ""


def open_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response)


@pytest.mark.parametrize("model", ["article", "speaker"])
def test_a_stale_save_of_an_article_or_speaker_is_refused_too(client, factchecker, editor, claim, model):
    row = claim.article if model == "article" else claim.speaker
    field = "title" if model == "article" else "description"
    url = reverse(f"admin:claims_{model}_change", args=[row.pk])
    client.force_login(factchecker)
    mine = open_page(client, url)
    other = Client()
    other.force_login(editor)
    theirs = open_page(other, url)

    theirs[field] = "Theirs"
    assert other.post(url, theirs).status_code == 302
    mine[field] = "Mine"
    response = client.post(url, mine)

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert f"“edward” changed this {model} after you opened it" in errors
    row.refresh_from_db()
    assert getattr(row, field) == "Theirs" and row.version == 2
