"""sources/ and claims/{id}/sources/: evidence and its stance."""

import pytest

from claims.api.etags import etag_of
from claims.models import ClaimSource, Source
from tests.factories import ENGLISH_TEXT, make_article, make_claim, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_claim(make_article(ENGLISH_TEXT), "Unemployment fell")


def test_a_source_is_created_with_its_author(api, factchecker):
    response = api(factchecker).post(
        "/api/sources/",
        {
            "title": "Labour force survey",
            "url": "https://example.org/lfs",
            "kind": "dataset",
            "published_at": "2024-04-30",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    source = Source.objects.get()
    assert source.created_by == factchecker
    assert response.json()["claim_count"] == 0


def test_two_sources_cannot_share_a_url(api, factchecker):
    make_source(url="https://example.org/lfs")
    response = api(factchecker).post(
        "/api/sources/", {"title": "Copy", "url": "https://example.org/lfs"}, format="json"
    )
    assert response.status_code == 400
    assert "already exists" in response.json()["errors"]["url"][0]
    assert Source.objects.count() == 1


def test_linking_a_source_with_a_stance(api, factchecker, claim):
    source = make_source()
    response = api(factchecker).post(
        f"/api/claims/{claim.pk}/sources/",
        {"source": source.pk, "stance": "refutes", "excerpt": "Unemployment rose 0.2 points."},
        format="json",
    )
    assert response.status_code == 201, response.content
    link = ClaimSource.objects.get()
    assert (link.claim, link.source, link.stance, link.added_by) == (claim, source, "refutes", factchecker)
    assert response.json()["source"]["title"] == source.title


def test_a_source_is_linked_once(api, factchecker, claim):
    source = make_source()
    ClaimSource.objects.create(claim=claim, source=source)
    response = api(factchecker).post(f"/api/claims/{claim.pk}/sources/", {"source": source.pk}, format="json")
    assert response.status_code == 400
    assert "already linked" in response.json()["detail"]
    assert ClaimSource.objects.count() == 1


def test_unlinking_keeps_the_source(api, factchecker, claim):
    source = make_source()
    link = ClaimSource.objects.create(claim=claim, source=source)
    response = api(factchecker).delete(
        f"/api/claims/{claim.pk}/sources/{link.pk}/", HTTP_IF_MATCH=etag_of(link)
    )
    assert response.status_code == 204
    assert not ClaimSource.objects.exists()
    assert Source.objects.filter(pk=source.pk).exists()


def test_a_link_cannot_be_pointed_at_another_source(api, factchecker, claim):
    link = ClaimSource.objects.create(claim=claim, source=make_source())
    other = make_source(title="Other", url="https://example.org/other")
    response = api(factchecker).patch(
        f"/api/claims/{claim.pk}/sources/{link.pk}/",
        {"source": other.pk},
        format="json",
        HTTP_IF_MATCH=etag_of(link),
    )
    assert response.status_code == 400


def test_sources_are_searched_and_filtered(api, viewer, claim):
    survey = make_source(title="Labour force survey", kind="dataset")
    make_source(title="Press release", kind="official", url="https://example.org/pr")
    ClaimSource.objects.create(claim=claim, source=survey)
    client = api(viewer)
    assert [r["id"] for r in client.get("/api/sources/?q=labour").json()["results"]] == [survey.pk]
    assert [r["id"] for r in client.get("/api/sources/?kind=dataset").json()["results"]] == [survey.pk]
    rows = client.get(f"/api/sources/?claim={claim.pk}").json()["results"]
    assert [(r["id"], r["claim_count"]) for r in rows] == [(survey.pk, 1)]
