"""claims/: lists with filters, the detail, manual claims, editorial edits, workflow."""

import pytest

from claims.api.etags import etag_of
from claims.models import (
    Claim,
    ClaimOrigin,
    ClaimSource,
    ClaimStatus,
    Note,
    Scale,
    Speaker,
    Verdict,
    VerdictStatus,
)
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(ENGLISH_TEXT, title="Growth")


@pytest.fixture
def claim(article):
    return make_claim(
        article, "the economy was growing fast", speaker=Speaker.objects.create(name="Jane Smith")
    )


def patch(client, claim, data):
    claim = Claim.objects.get(pk=claim.pk)
    return client.patch(f"/api/claims/{claim.pk}/", data, format="json", HTTP_IF_MATCH=etag_of(claim))


def test_the_list_shows_current_ratings_and_filters(api, viewer, claim, article):
    other = make_claim(article, "Unemployment fell")
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    client = api(viewer)
    body = client.get("/api/claims/?content_rating=false").json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["id"] == claim.pk
    assert row["content_rating"]["slug"] == "false"
    assert row["attribution_rating"] is None
    assert row["speaker"]["name"] == "Jane Smith"
    assert row["language"] == "en"
    assert [r["id"] for r in client.get("/api/claims/?has_verdict=false").json()["results"]] == [other.pk]


def test_the_list_searches_and_orders(api, viewer, claim, article):
    other = make_claim(article, "Unemployment fell")
    client = api(viewer)
    assert [r["id"] for r in client.get("/api/claims/?q=unemployment").json()["results"]] == [other.pk]
    assert [r["id"] for r in client.get("/api/claims/?ordering=start").json()["results"]] == [
        claim.pk,
        other.pk,
    ]
    assert [r["id"] for r in client.get("/api/claims/?ordering=-start").json()["results"]] == [
        other.pk,
        claim.pk,
    ]


def test_the_list_paginates(api, viewer, article):
    for word in ("minister", "economy", "growing", "fast", "Unemployment", "added"):
        make_claim(article, word)
    client = api(viewer)
    page = client.get("/api/claims/?page_size=4").json()
    assert (page["count"], len(page["results"])) == (6, 4)
    assert "page=2" in page["next"]
    second = client.get("/api/claims/?page_size=4&page=2").json()
    assert len(second["results"]) == 2 and second["next"] is None
    assert client.get("/api/claims/?page_size=4&page=3").status_code == 404


def test_the_detail_has_speaker_current_verdicts_sources_and_notes_count(api, viewer, editor, claim):
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "mostly-true"))
    latest = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    source = make_source(title="Survey")
    ClaimSource.objects.create(claim=claim, source=source, stance="refutes", excerpt="Table 2")
    Note.objects.create(claim=claim, author=editor, body="One")
    Note.objects.create(claim=claim, author=editor, body="Two")
    body = api(viewer).get(f"/api/claims/{claim.pk}/").json()
    assert body["speaker"] == {"id": claim.speaker_id, "name": "Jane Smith", "kind": "person"}
    assert body["current_verdicts"]["content"]["id"] == latest.pk
    assert body["current_verdicts"]["content"]["rating"]["slug"] == "false"
    assert body["current_verdicts"]["attribution"] is None
    assert body["content_rating"]["slug"] == "false"
    assert body["sources"][0]["source"]["title"] == "Survey"
    assert body["sources"][0]["stance"] == "refutes"
    assert body["notes_count"] == 2
    assert body["article_title"] == "Growth"


def test_a_manual_claim_takes_offsets_and_fills_in_the_content(api, factchecker, article):
    start = ENGLISH_TEXT.index("Unemployment")
    response = api(factchecker).post(
        "/api/claims/",
        {
            "article": article.pk,
            "start": start,
            "end": start + 17,
            "kind": "direct",
            "speaker_role": "minister",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    claim = Claim.objects.get(pk=response.json()["id"])
    assert claim.content == "Unemployment fell"
    assert claim.origin == ClaimOrigin.MANUAL
    assert claim.created_by == factchecker
    assert response["ETag"] == etag_of(claim)


def test_a_manual_claim_in_arabic_keeps_character_offsets(api, factchecker):
    article = make_article(ARABIC_TEXT)
    content = "الاقتصاد ينمو بسرعة"
    start = ARABIC_TEXT.index(content)
    response = api(factchecker).post(
        "/api/claims/",
        {"article": article.pk, "start": start, "end": start + len(content), "content": content},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Claim.objects.get().content == content


def test_editorial_fields_are_edited_with_a_history(api, factchecker, claim):
    speaker = Speaker.objects.create(name="Omar Khalil")
    response = patch(
        api(factchecker),
        claim,
        {"headline": "Growth claim", "speaker": speaker.pk, "speaker_role": "adviser", "kind": "direct"},
    )
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert (claim.headline, claim.speaker, claim.speaker_role, claim.kind) == (
        "Growth claim",
        speaker,
        "adviser",
        "direct",
    )
    assert claim.history.first().history_user == factchecker
    assert response.json()["speaker"]["name"] == "Omar Khalil"


def test_the_offsets_of_an_extracted_claim_cannot_change(api, factchecker, claim):
    response = patch(api(factchecker), claim, {"start": 0, "end": 3, "content": "The"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"start", "end", "content"}
    claim.refresh_from_db()
    assert claim.content == "the economy was growing fast"


def test_echoing_the_offsets_back_unchanged_is_fine(api, factchecker, claim):
    response = patch(api(factchecker), claim, {"start": claim.start, "end": claim.end, "headline": "H"})
    assert response.status_code == 200


def test_a_manual_claims_offsets_can_be_corrected(api, factchecker, article):
    claim = make_claim(article, "economy", origin=ClaimOrigin.MANUAL)
    start = ENGLISH_TEXT.index("the economy")
    response = patch(api(factchecker), claim, {"start": start, "end": start + 11})
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert claim.content == "the economy"


@pytest.mark.parametrize("field", ["version", "created_at", "origin", "id"])
def test_server_fields_are_not_written(api, factchecker, claim, field):
    before = Claim.objects.filter(pk=claim.pk).values("version", "created_at", "origin", "id").get()
    response = patch(api(factchecker), claim, {field: 99, "headline": "H"})
    assert response.status_code == 200
    after = Claim.objects.filter(pk=claim.pk).values("version", "created_at", "origin", "id").get()
    assert after["version"] == before["version"] + 1  # the save, not the client
    assert {k: after[k] for k in ("created_at", "origin", "id")} == {
        k: before[k] for k in ("created_at", "origin", "id")
    }


def test_a_claim_cannot_move_to_another_article(api, factchecker, claim):
    other = make_article(ARABIC_TEXT)
    response = patch(api(factchecker), claim, {"article": other.pk})
    assert response.status_code == 400
    assert Claim.objects.get(pk=claim.pk).article_id == claim.article_id


def test_status_transitions_are_validated(api, factchecker, claim):
    client = api(factchecker)
    assert patch(client, claim, {"status": "ready"}).status_code == 200
    response = patch(client, claim, {"status": "new"})
    assert response.status_code == 400
    assert "cannot go from" in response.json()["detail"]
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.READY


def test_assigning_needs_the_assign_permission(api, factchecker, editor, claim):
    response = patch(api(factchecker), claim, {"assignee": factchecker.pk})
    assert response.status_code == 403
    assert "claims.assign_claim" in response.json()["detail"]
    assert patch(api(editor), claim, {"assignee": factchecker.pk}).status_code == 200
    assert Claim.objects.get(pk=claim.pk).assignee == factchecker
    # Changing something else keeps the assignment without the permission.
    assert patch(api(factchecker), claim, {"assignee": factchecker.pk, "headline": "H"}).status_code == 200


def test_publishing_lists_what_is_missing(api, editor, claim):
    response = api(editor).post(f"/api/claims/{claim.pk}/publish/")
    assert response.status_code == 400
    problems = response.json()["errors"]["status"]
    assert any("content verdict" in p for p in problems)
    assert any("source" in p for p in problems)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.NEW


def test_publishing_publishes_the_claim_and_its_draft_verdicts(api, editor, claim):
    verdict = Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    ClaimSource.objects.create(claim=claim, source=make_source())
    response = api(editor).post(f"/api/claims/{claim.pk}/publish/", HTTP_IF_MATCH=etag_of(claim))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published"
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.PUBLISHED
    verdict.refresh_from_db()
    assert verdict.status == VerdictStatus.PUBLISHED


def test_publishing_by_status_needs_an_editor(api, factchecker, editor, claim):
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    ClaimSource.objects.create(claim=claim, source=make_source())
    response = patch(api(factchecker), claim, {"status": "published"})
    assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.NEW
    assert patch(api(editor), claim, {"status": "published"}).status_code == 200
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.PUBLISHED


def test_a_claim_with_a_published_verdict_cannot_be_deleted(api, editor, claim):
    Verdict.objects.create(
        claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"), status=VerdictStatus.PUBLISHED
    )
    response = api(editor).delete(f"/api/claims/{claim.pk}/", HTTP_IF_MATCH=etag_of(claim))
    assert response.status_code == 409
    assert Claim.objects.filter(pk=claim.pk).exists()
    assert Verdict.objects.filter(claim=claim).count() == 1
