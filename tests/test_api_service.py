"""health/, me/, tokens, throttles and pagination defaults."""

import pytest
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from tests.factories import ENGLISH_TEXT, make_article

pytestmark = pytest.mark.django_db


def test_health_answers_without_touching_the_database(api, django_assert_num_queries):
    client = api()
    with django_assert_num_queries(0):
        response = client.get("/api/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_me_shows_the_user_groups_and_permissions(api, factchecker):
    body = api(factchecker).get("/api/me/").json()
    assert body["username"] == factchecker.username
    assert body["groups"] == ["Fact-checker"]
    assert body["is_superuser"] is False
    assert "claims.add_claim" in body["permissions"]
    assert "claims.publish_verdict" not in body["permissions"]


def test_me_for_a_user_in_no_group_explains_why_everything_is_forbidden(api, outsider):
    body = api(outsider).get("/api/me/").json()
    assert (body["groups"], body["permissions"]) == ([], [])


def test_an_inactive_users_token_is_refused(api, viewer):
    client = api(viewer)
    viewer.is_active = False
    viewer.save()
    response = client.get("/api/claims/")
    assert response.status_code == 401
    assert "inactive" in response.json()["detail"]


def test_token_authentication_reads_token_user_and_permissions_in_one_query(api, viewer):
    from django.db import connection

    client = api(viewer)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/ratings/").status_code == 200
    # The token with its user and permissions, the count and the page.
    assert len(queries) == 3


def test_throttle_rates_come_from_the_settings(api, viewer, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "user": "2/minute"},
    }
    client = api(viewer)
    assert [client.get("/api/ratings/").status_code for _ in range(3)] == [200, 200, 429]
    refused = client.get("/api/ratings/")
    assert refused.json()["code"] == "throttled"
    assert int(refused["Retry-After"]) > 0


def test_ingestion_has_its_own_rate(api, factchecker, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "ingest": "1/minute"},
    }
    client = api(factchecker)
    assert client.post("/api/articles/", {"text": ENGLISH_TEXT}, format="json").status_code == 201
    assert client.post("/api/articles/", {"text": "Another text."}, format="json").status_code == 429
    assert client.get("/api/articles/").status_code == 200  # reading is not limited by it


def test_lists_show_50_rows_unless_asked_and_at_most_200(api, viewer):
    article = make_article("word " * 300, language="en")
    Claim.objects.bulk_create(
        [Claim(article=article, content="word", start=i * 5, end=i * 5 + 4) for i in range(210)]
    )
    client = api(viewer)
    assert len(client.get("/api/claims/").json()["results"]) == 50
    assert len(client.get("/api/claims/?page_size=200").json()["results"]) == 200
    assert client.get("/api/claims/?page_size=201").status_code == 400


def test_an_unexpected_error_is_a_json_500_and_is_logged(api, viewer, monkeypatch, caplog):
    from claims.api import views

    def broken(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.HealthView, "get", broken)
    response = api().get("/api/health/")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "boom" not in response.content.decode()  # no internals leak to the client
    assert any("Unhandled error" in record.message for record in caplog.records)
