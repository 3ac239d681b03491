"""The read cache: repeated reads cost nothing, and no change is ever missed."""

import pytest
from django.contrib.auth.models import Group

from claims.api.cache import store
from claims.api.etags import etag_of
from claims.models import Claim, Scale, Verdict
from tests.factories import ENGLISH_TEXT, make_article, make_claim, rating

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def read_cache(settings):
    settings.API_READ_CACHE = True
    store.clear()
    yield
    store.clear()


@pytest.fixture
def claim():
    return make_claim(make_article(ENGLISH_TEXT), "Unemployment fell")


def test_a_repeated_read_asks_the_database_nothing(api, viewer, claim, django_assert_num_queries):
    client = api(viewer)
    for path in (f"/api/claims/{claim.pk}/", "/api/claims/?status=new", "/api/articles/"):
        first = client.get(path)
        with django_assert_num_queries(0):
            again = client.get(path)
        assert again.status_code == 200
        assert again.content == first.content
        assert again.get("ETag") == first.get("ETag")


def test_an_edit_through_the_api_is_seen_at_once(api, viewer, factchecker, claim):
    reader = api(viewer)
    assert reader.get(f"/api/claims/{claim.pk}/").json()["headline"] == ""
    response = api(factchecker).patch(
        f"/api/claims/{claim.pk}/", {"headline": "Jobs"}, format="json", HTTP_IF_MATCH=etag_of(claim)
    )
    assert response.status_code == 200
    fresh = reader.get(f"/api/claims/{claim.pk}/")
    assert fresh.json()["headline"] == "Jobs"
    assert fresh["ETag"] == response["ETag"]


def test_a_change_made_elsewhere_is_seen_at_once(api, viewer, claim):
    reader = api(viewer)
    assert reader.get("/api/claims/?has_verdict=true").json()["count"] == 0
    Verdict.objects.create(
        claim=claim, scale=Scale.CONTENT, rating=rating("content", "false")
    )  # e.g. the admin
    assert reader.get("/api/claims/?has_verdict=true").json()["count"] == 1
    Claim.objects.get(pk=claim.pk).delete()
    assert reader.get(f"/api/claims/{claim.pk}/").status_code == 404


def test_a_deleted_token_stops_working_at_once(api, viewer, claim):
    from rest_framework.authtoken.models import Token

    reader = api(viewer)
    assert reader.get("/api/claims/").status_code == 200
    Token.objects.filter(user=viewer).delete()
    assert reader.get("/api/claims/").status_code == 401


def test_leaving_a_group_applies_at_once(api, viewer, claim):
    reader = api(viewer)
    assert reader.get("/api/claims/").status_code == 200
    viewer.groups.remove(Group.objects.get(name="Viewer"))
    assert reader.get("/api/claims/").status_code == 403


def test_answers_are_kept_per_user(api, factchecker, editor, claim):
    Claim.objects.filter(pk=claim.pk).update(assignee=factchecker)
    mine = api(factchecker).get("/api/claims/?assignee=me").json()
    theirs = api(editor).get("/api/claims/?assignee=me").json()
    assert (mine["count"], theirs["count"]) == (1, 0)


def test_writes_are_never_answered_from_the_cache(api, factchecker, claim):
    client = api(factchecker)
    client.get(f"/api/claims/{claim.pk}/")
    stale = client.patch(f"/api/claims/{claim.pk}/", {"headline": "x"}, format="json", HTTP_IF_MATCH='"0-0"')
    assert stale.status_code == 412


def test_without_the_read_cache_every_read_goes_to_the_database(api, viewer, claim, settings):
    settings.API_READ_CACHE = False
    client = api(viewer)
    client.get(f"/api/claims/{claim.pk}/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(f"/api/claims/{claim.pk}/")
    assert len(queries) > 0


def test_answers_are_kept_per_language(api, viewer, claim):
    # Rating labels and messages are translated: an answer in English is not
    # served to a reader who asked for Arabic.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api(viewer)
    client.get(f"/api/claims/{claim.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    with CaptureQueriesContext(connection) as arabic:
        client.get(f"/api/claims/{claim.pk}/", HTTP_ACCEPT_LANGUAGE="ar")
    with CaptureQueriesContext(connection) as english_again:
        client.get(f"/api/claims/{claim.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert len(arabic) > 0
    assert len(english_again) == 0


def test_kept_answers_expire_and_are_bounded(api, viewer, claim, settings):
    settings.API_READ_CACHE_ENTRIES = 2
    client = api(viewer)
    for path in ("/api/claims/", "/api/articles/", "/api/speakers/"):
        client.get(path)
    assert len(store.entries) == 2  # the token's entry and the newest answer were kept
    settings.API_READ_CACHE_SECONDS = -1
    store.put("k", "value")
    assert store.get("k") is None
