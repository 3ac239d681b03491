"""Report downloads through the API: who may read which audience, and the filters."""

import csv
import io
import json

import pytest

from claims.models import Claim
from tests.reports_support import NOTE_ON_DRAFT


def article_url(article, fmt, audience=None):
    url = f"/api/articles/{article.pk}/report.{fmt}"
    return f"{url}?audience={audience}" if audience else url


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonld"])
def test_it_refuses_anonymous_requests(api, reviewed_seed, fmt):
    assert api().get(article_url(reviewed_seed.article, fmt)).status_code == 401
    assert api().get(f"/api/claims/export.{fmt}").status_code == 401


@pytest.mark.parametrize("who", ["outsider", "viewer", "factchecker", "editor"])
def test_it_gives_the_public_report_to_any_signed_in_user(api, reviewed_seed, who, request):
    user = request.getfixturevalue(who)

    response = api(user).get(article_url(reviewed_seed.article, "json"))

    assert response.status_code == 200
    data = json.loads(body(response))
    assert data["audience"] == "public"
    assert [c["id"] for c in data["claims"]] == [reviewed_seed.published.pk]


@pytest.mark.parametrize(
    ("who", "allowed"), [("outsider", False), ("viewer", False), ("factchecker", True), ("editor", True)]
)
def test_it_keeps_the_internal_report_for_fact_checkers_and_editors(
    api, reviewed_seed, who, allowed, request
):
    user = request.getfixturevalue(who)

    response = api(user).get(article_url(reviewed_seed.article, "csv", "internal"))
    export = api(user).get("/api/claims/export.csv?audience=internal")

    if allowed:
        assert response.status_code == export.status_code == 200
        assert NOTE_ON_DRAFT in body(response)
    else:
        assert response.status_code == export.status_code == 403
        assert "Fact-checkers and Editors" in response.json()["detail"]


def test_it_streams_csv_as_an_attachment_named_after_the_article(api, reviewed_seed, factchecker):
    response = api(factchecker).get(article_url(reviewed_seed.article, "csv", "internal"))

    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "internal.csv" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert len(rows) == reviewed_seed.article.claims.count()


def test_it_exports_the_claims_the_filters_select(api, reviewed_seed, factchecker):
    response = api(factchecker).get("/api/claims/export.json?audience=internal&status=in_review")

    data = json.loads(body(response))
    assert [c["id"] for c in data["claims"]] == [reviewed_seed.drafted.pk]


def test_it_exports_everything_published(api, reviewed_seed, viewer):
    response = api(viewer).get("/api/claims/export.jsonld?status=published")

    reviews = json.loads(body(response))
    assert [r["claimReviewed"] for r in reviews] == [reviewed_seed.published.content]


@pytest.mark.parametrize(
    ("url", "status", "reason"),
    [
        ("/api/claims/export.xlsx", 404, "no report format"),
        ("/api/claims/export.csv?audience=everyone", 400, "audience"),
        ("/api/claims/export.csv?status=nonsense", 400, "status"),
        ("/api/articles/999999/report.csv", 404, ""),
    ],
)
def test_it_explains_bad_requests(api, reviewed_seed, factchecker, url, status, reason):
    response = api(factchecker).get(url)

    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert reason in json.dumps(response.json())


def test_it_serves_every_format_of_the_seed_report(api, reviewed_seed, editor):
    for fmt, content_type in [
        ("csv", "text/csv"),
        ("json", "application/json"),
        ("jsonld", "application/ld+json"),
    ]:
        response = api(editor).get(article_url(reviewed_seed.article, fmt, "internal"))
        assert response.status_code == 200, fmt
        assert response["Content-Type"].startswith(content_type)
        assert "وجود خطط لغزو أوكرانيا" in body(response)


def test_it_is_in_the_openapi_schema(api):
    schema = api().get("/api/schema/?format=json").json()

    assert "/api/articles/{id}/report.{fmt}" in schema["paths"]
    assert "/api/claims/export.{fmt}" in schema["paths"]


def test_it_does_not_count_exports_as_claim_rows(api, reviewed_seed, factchecker):
    # claims/export.csv must not be read as claims/{id}/
    assert api(factchecker).get("/api/claims/export.csv").status_code == 200
    assert Claim.objects.count() == reviewed_seed.article.claims.count()
