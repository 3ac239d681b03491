"""Concurrent clients on PostgreSQL: one edit wins, the rest are told; one article per text.

Real threads, each with its own database connection, released together by a
barrier. SQLite is skipped: it serialises writers with a file lock, so the
threads would exercise that lock rather than the conditional UPDATE and the
unique constraint under test. CI runs the suite on PostgreSQL too.
"""

import threading
from importlib import import_module

import pytest
from django.db import connection, connections

from claims.api.etags import etag_of
from claims.models import Article, Claim
from tests.factories import ENGLISH_TEXT, make_article, make_claim

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers with a file lock (CI runs this on PostgreSQL)",
    ),
]


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    """The roles and rating scales of the data migrations.

    A transactional test database is flushed after each test; the flush
    brings back content types and permissions, not the migrations' rows.
    """
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    import_module("claims.migrations.0002_default_ratings").add_ratings(apps, None)
    for name, codenames in import_module("claims.migrations.0003_groups").GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        )


def run_together(count, request):
    """Call request(i) from `count` threads at once; return their results in thread order."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def worker(i):
        try:
            barrier.wait(timeout=30)
            results[i] = request(i)
        except Exception as exc:  # reported by the assertions, not lost in a thread
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_twenty_editors_with_the_same_etag_one_wins(api, factchecker):
    claim = make_claim(make_article(ENGLISH_TEXT), "Unemployment fell")
    etag = etag_of(claim)
    clients = [api(factchecker) for _ in range(20)]

    def edit(i):
        response = clients[i].patch(
            f"/api/claims/{claim.pk}/", {"headline": f"Headline {i}"}, format="json", HTTP_IF_MATCH=etag
        )
        return response.status_code, response.json()

    results = run_together(20, edit)
    statuses = sorted(status for status, _ in results)
    assert statuses == [200] + [412] * 19, results
    winner = next(body for status, body in results if status == 200)
    final = Claim.objects.get(pk=claim.pk)
    assert final.headline == winner["headline"]
    assert final.version == 2
    assert final.history.count() == 2  # created, and the one winning edit
    for status, body in results:
        if status == 412:
            assert body["current_etag"] == etag_of(final)


def test_ten_clients_ingesting_one_article_store_one_row(api, factchecker):
    clients = [api(factchecker) for _ in range(10)]

    def ingest(i):
        response = clients[i].post(
            "/api/articles/", {"text": ENGLISH_TEXT, "title": f"Copy {i}"}, format="json"
        )
        return response.status_code, response.json()

    results = run_together(10, ingest)
    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * 9 + [201], results
    assert Article.objects.count() == 1
    assert {body["id"] for _, body in results} == {Article.objects.get().pk}
