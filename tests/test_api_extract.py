"""Ingestion through the API extracts claims; articles/{id}/extract/ re-extracts without losing work."""

import pytest

from claims.api.etags import etag_of
from claims.models import Article, Claim, ClaimOrigin, Scale, Verdict
from tests.factories import rating

pytestmark = pytest.mark.django_db

STORY = (
    "Finance minister Jane Smith said the economy grew by 3 percent last year.\n\n"
    '"Unemployment fell to its lowest level in a decade," Smith told reporters on Monday.\n\n'
    "The opposition leader, Omar Khalil, said the figures were misleading."
)


@pytest.fixture
def article(api, factchecker):
    response = api(factchecker).post("/api/articles/", {"text": STORY, "title": "Growth"}, format="json")
    assert response.status_code == 201, response.content
    return Article.objects.get(pk=response.json()["id"])


def test_ingestion_stores_the_extracted_claims_with_true_offsets(api, factchecker, article):
    body = api(factchecker).get(f"/api/articles/{article.pk}/").json()
    assert body["claim_count"] >= 2
    for claim in body["claims"]:
        assert STORY[claim["start"] : claim["end"]] == claim["content"]
        assert claim["origin"] == ClaimOrigin.EXTRACTED
    assert any(c["speaker"] and "Smith" in c["speaker"]["name"] for c in body["claims"])


def test_reextracting_an_unchanged_article_changes_nothing(api, factchecker, article):
    ids = set(article.claims.values_list("pk", flat=True))
    response = api(factchecker).post(f"/api/articles/{article.pk}/extract/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["added"] == [] and body["removed"] == []
    assert {c["id"] for c in body["unchanged"]} == ids
    assert set(article.claims.values_list("pk", flat=True)) == ids


def test_reextracting_keeps_editorial_work_and_drops_untouched_strays(api, factchecker, article):
    worked, *_ = article.claims.order_by("start")
    Verdict.objects.create(claim=worked, scale=Scale.CONTENT, rating=rating("content", "false"))
    start = STORY.index("last year")
    stray = Claim.objects.create(article=article, content="last year", start=start, end=start + 9)

    response = api(factchecker).post(f"/api/articles/{article.pk}/extract/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert worked.pk in {c["id"] for c in body["kept"]}
    assert [r["id"] for r in body["removed"]] == [stray.pk]
    assert body["removed"][0]["content"] == "last year"
    assert not Claim.objects.filter(pk=stray.pk).exists()
    assert Claim.objects.get(pk=worked.pk).verdicts.count() == 1


def test_reextraction_honours_a_stale_if_match(api, factchecker, article):
    stale = etag_of(article)
    api(factchecker).patch(
        f"/api/articles/{article.pk}/", {"publisher": "Daily Example"}, format="json", HTTP_IF_MATCH=stale
    )
    response = api(factchecker).post(f"/api/articles/{article.pk}/extract/", HTTP_IF_MATCH=stale)
    assert response.status_code == 412


def test_viewers_cannot_reextract(api, viewer, article):
    assert api(viewer).post(f"/api/articles/{article.pk}/extract/").status_code == 403
