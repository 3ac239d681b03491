"""speakers/: search, claim counts, edits and merging."""

import pytest

from claims.api.etags import etag_of
from claims.models import Claim, Speaker
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim

pytestmark = pytest.mark.django_db


def test_speakers_are_searched_by_any_spelling_with_claim_counts(api, viewer):
    peskov = Speaker.objects.create(name="ديمتري بيسكوف", aliases=["Dmitry Peskov"])
    Speaker.objects.create(name="Jane Smith")
    make_claim(make_article(ARABIC_TEXT), "الاقتصاد ينمو بسرعة", speaker=peskov)
    client = api(viewer)
    for query in ("بيسكوف", "بِيسكوف", "peskov"):
        rows = client.get("/api/speakers/", {"q": query}).json()["results"]
        assert [r["id"] for r in rows] == [peskov.pk], query
    detail = client.get(f"/api/speakers/{peskov.pk}/").json()
    assert detail["claim_count"] == 1
    assert detail["aliases"] == ["Dmitry Peskov"]


def test_a_speaker_name_must_be_new(api, factchecker):
    Speaker.objects.create(name="Jane Smith")
    response = api(factchecker).post("/api/speakers/", {"name": "jane  SMITH"}, format="json")
    assert response.status_code == 400
    assert "already exists" in response.json()["detail"]
    assert Speaker.objects.count() == 1


def test_an_editor_merges_two_speakers(api, editor):
    article = make_article(ENGLISH_TEXT)
    jane = Speaker.objects.create(name="Jane Smith")
    duplicate = Speaker.objects.create(name="J. Smith", description="Minister of finance")
    claim = make_claim(article, "Unemployment fell", speaker=duplicate)
    response = api(editor).post(f"/api/speakers/{jane.pk}/merge/", {"other": duplicate.pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["claim_count"] == 1
    assert "J. Smith" in response.json()["aliases"]
    assert Claim.objects.get(pk=claim.pk).speaker == jane
    assert not Speaker.objects.filter(pk=duplicate.pk).exists()


def test_a_speaker_is_not_merged_into_itself(api, editor):
    jane = Speaker.objects.create(name="Jane Smith")
    response = api(editor).post(f"/api/speakers/{jane.pk}/merge/", {"other": jane.pk}, format="json")
    assert response.status_code == 400
    assert Speaker.objects.filter(pk=jane.pk).exists()


def test_a_speaker_with_claims_cannot_be_deleted(api, editor):
    jane = Speaker.objects.create(name="Jane Smith")
    make_claim(make_article(ENGLISH_TEXT), "Unemployment fell", speaker=jane)
    response = api(editor).delete(f"/api/speakers/{jane.pk}/", HTTP_IF_MATCH=etag_of(jane))
    assert response.status_code == 409
    assert "still used" in response.json()["detail"]
    assert Speaker.objects.filter(pk=jane.pk).exists()


def test_aliases_must_be_names(api, factchecker):
    response = api(factchecker).post("/api/speakers/", {"name": "Omar", "aliases": "Omar K"}, format="json")
    assert response.status_code == 400
    response = api(factchecker).post("/api/speakers/", {"name": "Omar", "aliases": [{"x": 1}]}, format="json")
    assert response.status_code == 400
    assert not Speaker.objects.exists()
