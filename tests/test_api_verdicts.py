"""claims/{id}/verdicts/: the history, drafts, publishing and corrections."""

import pytest

from claims.api.etags import etag_of
from claims.models import Scale, Verdict, VerdictStatus
from tests.factories import ENGLISH_TEXT, make_article, make_claim, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_claim(make_article(ENGLISH_TEXT), "Unemployment fell")


def url(claim, verdict=None, verb=""):
    base = f"/api/claims/{claim.pk}/verdicts/"
    return base + (f"{verdict.pk}/" if verdict else "") + (f"{verb}/" if verb else "")


def test_the_list_is_the_history_newest_first_with_the_current_ones_marked(api, viewer, claim):
    old = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "mostly-true"))
    new = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    quote = Verdict.objects.create(
        claim=claim, scale=Scale.ATTRIBUTION, rating=rating("attribution", "misquoted")
    )
    rows = api(viewer).get(url(claim)).json()["results"]
    assert [r["id"] for r in rows] == [quote.pk, new.pk, old.pk]
    assert {r["id"]: r["is_current"] for r in rows} == {quote.pk: True, new.pk: True, old.pk: False}


def test_a_fact_checker_drafts_a_verdict(api, factchecker, claim):
    response = api(factchecker).post(
        url(claim),
        {"scale": "content", "rating": "false", "explanation": "The survey shows a rise."},
        format="json",
    )
    assert response.status_code == 201, response.content
    verdict = Verdict.objects.get()
    assert (verdict.status, verdict.author, verdict.rating.slug) == (
        VerdictStatus.DRAFT,
        factchecker,
        "false",
    )
    assert response["ETag"] == etag_of(verdict)
    assert response.json()["rating"]["label"] == "False"


def test_only_editors_publish(api, factchecker, editor, claim):
    body = {"scale": "content", "rating": "false", "status": "published"}
    refused = api(factchecker).post(url(claim), body, format="json")
    assert refused.status_code == 403
    assert not Verdict.objects.exists()
    response = api(editor).post(url(claim), body, format="json")
    assert response.status_code == 201
    verdict = Verdict.objects.get()
    assert verdict.status == VerdictStatus.PUBLISHED and verdict.published_at is not None


def test_publishing_a_draft(api, editor, claim):
    draft = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    response = api(editor).post(url(claim, draft, "publish"), HTTP_IF_MATCH=etag_of(draft))
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.status == VerdictStatus.PUBLISHED


def test_a_published_verdict_is_locked(api, editor, claim):
    published = Verdict.objects.create(
        claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"), status=VerdictStatus.PUBLISHED
    )
    client = api(editor)
    edit = client.patch(
        url(claim, published), {"explanation": "Changed"}, format="json", HTTP_IF_MATCH=etag_of(published)
    )
    assert edit.status_code == 409
    assert "correction" in edit.json()["detail"]
    delete = client.delete(url(claim, published), HTTP_IF_MATCH=etag_of(published))
    assert delete.status_code == 409
    published.refresh_from_db()
    assert published.explanation == ""


def test_a_new_verdict_after_a_published_one_is_a_correction(api, factchecker, claim):
    published = Verdict.objects.create(
        claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"), status=VerdictStatus.PUBLISHED
    )
    response = api(factchecker).post(url(claim), {"scale": "content", "rating": "half-true"}, format="json")
    assert response.status_code == 201
    assert response.json()["corrects"] == published.pk
    assert response.json()["is_current"] is True


def test_a_correction_must_be_of_the_same_claim(api, factchecker, claim):
    other = make_claim(claim.article, "the economy was growing fast")
    foreign = Verdict.objects.create(
        claim=other, scale=Scale.CONTENT, rating=rating("content", "false"), status=VerdictStatus.PUBLISHED
    )
    response = api(factchecker).post(
        url(claim), {"scale": "content", "rating": "true", "corrects": foreign.pk}, format="json"
    )
    assert response.status_code == 400
    assert not Verdict.objects.filter(claim=claim).exists()


def test_a_draft_is_edited_on_its_own_scale_only(api, factchecker, claim):
    draft = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    client = api(factchecker)
    response = client.patch(
        url(claim, draft), {"rating": "mostly-false"}, format="json", HTTP_IF_MATCH=etag_of(draft)
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.rating.slug == "mostly-false"
    wrong = client.patch(
        url(claim, draft), {"rating": "misquoted"}, format="json", HTTP_IF_MATCH=etag_of(draft)
    )
    assert wrong.status_code == 400
    assert "misquoted" in wrong.json()["detail"]


def test_verdicts_of_another_claim_are_not_found_here(api, viewer, claim):
    other = make_claim(claim.article, "the economy was growing fast")
    verdict = Verdict.objects.create(claim=other, scale=Scale.CONTENT, rating=rating("content", "false"))
    assert api(viewer).get(url(claim, verdict)).status_code == 404
    assert api(viewer).get("/api/claims/999999/verdicts/").status_code == 404


def test_the_ratings_are_listed_per_scale(api, viewer):
    rows = api(viewer).get("/api/ratings/?scale=attribution").json()["results"]
    assert [r["slug"] for r in rows][:2] == ["accurate-quote", "paraphrase-faithful"]
    assert {r["scale"] for r in rows} == {"attribution"}
