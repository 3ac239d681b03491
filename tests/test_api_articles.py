"""articles/: ingestion, listing, reading with claims, metadata edits."""

from datetime import date

import pytest

from claims.api.etags import etag_of
from claims.models import Article
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim

pytestmark = pytest.mark.django_db


def test_it_ingests_an_article_with_201_and_its_location(api, factchecker):
    response = api(factchecker).post(
        "/api/articles/",
        {
            "text": ENGLISH_TEXT,
            "title": "Growth",
            "url": "https://example.org/growth",
            "publisher": "Daily Example",
            "published_at": "2024-05-01",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    article = Article.objects.get()
    body = response.json()
    assert body["id"] == article.pk
    assert response["Location"].endswith(f"/api/articles/{article.pk}/")
    assert response["ETag"] == etag_of(article)
    assert (article.title, article.publisher, article.published_at) == (
        "Growth",
        "Daily Example",
        date(2024, 5, 1),
    )
    assert article.language == "en"  # detected
    assert article.created_by == factchecker
    assert body["text"] == ENGLISH_TEXT
    # The claims extracted at ingestion come with it.
    assert {c["content"] for c in body["claims"]} >= {"the economy was growing fast"}
    assert body["claim_count"] == len(body["claims"]) == article.claims.count()


def test_the_same_text_again_returns_the_stored_article_with_200(api, factchecker, editor):
    first = api(factchecker).post("/api/articles/", {"text": ENGLISH_TEXT, "title": "One"}, format="json")
    again = api(editor).post(
        "/api/articles/",
        {"text": "\n" + ENGLISH_TEXT.replace(" ", "  ") + "\n", "title": "Two"},
        format="json",
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["title"] == "One"
    assert Article.objects.count() == 1


def test_a_second_article_with_the_same_url_is_a_conflict(api, factchecker):
    api(factchecker).post(
        "/api/articles/", {"text": ENGLISH_TEXT, "url": "https://example.org/a"}, format="json"
    )
    response = api(factchecker).post(
        "/api/articles/", {"text": ARABIC_TEXT, "url": "https://example.org/a"}, format="json"
    )
    assert response.status_code == 409
    assert "https://example.org/a" in response.json()["detail"]
    assert Article.objects.count() == 1


def test_a_language_given_wins_over_detection(api, factchecker):
    response = api(factchecker).post(
        "/api/articles/", {"text": ENGLISH_TEXT, "language": "en-GB"}, format="json"
    )
    assert response.json()["language"] == "en-GB"


def test_text_over_the_configured_length_is_refused(api, factchecker, settings):
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 50
    response = api(factchecker).post("/api/articles/", {"text": ENGLISH_TEXT}, format="json")
    assert response.status_code == 400
    assert "limit is 50" in response.json()["errors"]["text"][0]
    assert not Article.objects.exists()


def test_the_list_filters_by_language_publisher_and_dates(api, viewer):
    ar = make_article(ARABIC_TEXT, publisher="وكالة", published_at=date(2024, 1, 10))
    en = make_article(ENGLISH_TEXT, publisher="Daily Example", published_at=date(2024, 6, 1))
    client = api(viewer)

    def ids(query):
        response = client.get(f"/api/articles/?{query}")
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids("language=ar") == [ar.pk]
    assert ids("publisher=Daily Example") == [en.pk]
    assert ids("published_after=2024-03-01") == [en.pk]
    assert ids("published_before=2024-03-01") == [ar.pk]
    assert ids("q=unemployment") == [en.pk]  # in the text
    assert ids("q=البطالة") == [ar.pk]
    assert ids("ordering=published_at") == [ar.pk, en.pk]
    assert set(ids("")) == {ar.pk, en.pk}


def test_the_list_never_carries_the_text_and_counts_claims(api, viewer):
    article = make_article(ENGLISH_TEXT)
    make_claim(article, "Unemployment fell")
    row = api(viewer).get("/api/articles/").json()["results"][0]
    assert "text" not in row
    assert row["claim_count"] == 1


def test_the_detail_has_the_text_and_the_claims_in_order(api, viewer):
    article = make_article(ENGLISH_TEXT)
    second = make_claim(article, "Unemployment fell")
    first = make_claim(article, "the economy was growing fast")
    body = api(viewer).get(f"/api/articles/{article.pk}/").json()
    assert body["text"] == ENGLISH_TEXT
    assert [c["id"] for c in body["claims"]] == [first.pk, second.pk]
    assert body["claims"][0]["start"] == ENGLISH_TEXT.index("the economy")


def test_metadata_can_be_edited_but_never_the_text(api, factchecker):
    article = make_article(ENGLISH_TEXT, title="Growth")
    client = api(factchecker)
    response = client.patch(
        f"/api/articles/{article.pk}/",
        {"title": "Growth (updated)", "text": ENGLISH_TEXT},  # the same text echoed back is fine
        format="json",
        HTTP_IF_MATCH=etag_of(article),
    )
    assert response.status_code == 200, response.content
    article.refresh_from_db()
    assert article.title == "Growth (updated)"

    response = client.patch(
        f"/api/articles/{article.pk}/",
        {"text": "Another text altogether."},
        format="json",
        HTTP_IF_MATCH=etag_of(article),
    )
    assert response.status_code == 400
    assert "never changes" in response.json()["errors"]["text"][0]
    article.refresh_from_db()
    assert article.text == ENGLISH_TEXT


@pytest.mark.parametrize("field", ["slug", "content_hash", "created_at", "created_by"])
def test_server_fields_cannot_be_written(api, factchecker, field):
    article = make_article(ENGLISH_TEXT, title="Growth")
    before = Article.objects.filter(pk=article.pk).values(field).get()
    response = api(factchecker).patch(
        f"/api/articles/{article.pk}/", {field: "2000-01-01"}, format="json", HTTP_IF_MATCH=etag_of(article)
    )
    assert response.status_code == 200
    assert Article.objects.filter(pk=article.pk).values(field).get() == before


def test_an_unknown_article_is_404_json(api, viewer):
    response = api(viewer).get("/api/articles/999999/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
