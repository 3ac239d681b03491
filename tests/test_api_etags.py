"""Never lose an edit: ETags on reads, If-Match required on every write."""

import pytest

from claims.api.etags import etag_of, parse_if_match
from claims.models import Claim, ClaimSource, Note, Scale, Source, Speaker, Verdict
from tests.factories import ENGLISH_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(factchecker):
    article = make_article(ENGLISH_TEXT, title="Growth")
    claim = make_claim(article, "Unemployment fell")
    source = make_source(url="https://example.org/lfs")
    return {
        "article": article,
        "claim": claim,
        "verdict": Verdict.objects.create(
            claim=claim, scale=Scale.CONTENT, rating=rating("content", "false")
        ),
        "source": source,
        "link": ClaimSource.objects.create(claim=claim, source=source),
        "note": Note.objects.create(claim=claim, author=factchecker, body="Ask the ministry."),
        "speaker": Speaker.objects.create(name="Jane Smith"),
    }


RESOURCES = {
    "claim": (lambda r: f"/api/claims/{r['claim'].pk}/", {"headline": "Jobs"}, "headline"),
    "verdict": (
        lambda r: f"/api/claims/{r['claim'].pk}/verdicts/{r['verdict'].pk}/",
        {"explanation": "Figures show a rise."},
        "explanation",
    ),
    "source": (lambda r: f"/api/sources/{r['source'].pk}/", {"publisher": "Statistics office"}, "publisher"),
    "link": (
        lambda r: f"/api/claims/{r['claim'].pk}/sources/{r['link'].pk}/",
        {"stance": "refutes"},
        "stance",
    ),
    "note": (
        lambda r: f"/api/claims/{r['claim'].pk}/notes/{r['note'].pk}/",
        {"body": "Called them."},
        "body",
    ),
    "article": (lambda r: f"/api/articles/{r['article'].pk}/", {"publisher": "Daily Example"}, "publisher"),
    "speaker": (lambda r: f"/api/speakers/{r['speaker'].pk}/", {"description": "Economist"}, "description"),
}


def writer(kind, method, factchecker, editor):
    """Deleting needs an editor, except for the fact-checker's own note and source links."""
    return editor if method == "delete" and kind not in ("note", "link") else factchecker


def fresh(row):
    return type(row)._base_manager.get(pk=row.pk)


@pytest.mark.parametrize("kind", RESOURCES)
def test_reads_carry_the_etag_of_the_row(api, factchecker, rows, kind):
    path, _, _ = RESOURCES[kind]
    response = api(factchecker).get(path(rows))
    assert response.status_code == 200
    assert response["ETag"] == etag_of(fresh(rows[kind]))
    assert response["ETag"].startswith(f'"{rows[kind].pk}-')


@pytest.mark.parametrize("kind", RESOURCES)
@pytest.mark.parametrize("method", ["patch", "put", "delete"])
def test_it_requires_if_match_and_changes_nothing_without_it(api, factchecker, editor, rows, kind, method):
    path, body, field = RESOURCES[kind]
    before = fresh(rows[kind])
    history = before.history.count()
    user = writer(kind, method, factchecker, editor)
    response = getattr(api(user), method)(path(rows), body, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    after = fresh(rows[kind])
    assert getattr(after, field) == getattr(before, field)
    assert etag_of(after) == etag_of(before)
    assert after.history.count() == history


@pytest.mark.parametrize("kind", RESOURCES)
@pytest.mark.parametrize("method", ["patch", "delete"])
def test_it_rejects_stale_if_match_and_changes_nothing(api, factchecker, editor, rows, kind, method):
    path, body, field = RESOURCES[kind]
    stale = etag_of(fresh(rows[kind]))
    # Someone else saves first.
    first = api(factchecker).patch(path(rows), body, format="json", HTTP_IF_MATCH=stale)
    assert first.status_code == 200, first.content
    current = fresh(rows[kind])
    history = current.history.count()

    late = {**body, field: "Late edit"} if field != "stance" else {"stance": "supports"}
    user = writer(kind, method, factchecker, editor)
    response = getattr(api(user), method)(path(rows), late, format="json", HTTP_IF_MATCH=stale)
    assert response.status_code == 412
    assert response.json()["current_etag"] == etag_of(current)
    assert response["ETag"] == etag_of(current)
    after = fresh(rows[kind])
    assert getattr(after, field) == getattr(current, field)
    assert after.history.count() == history


@pytest.mark.parametrize("kind", RESOURCES)
def test_a_current_if_match_saves_and_returns_the_new_etag(api, factchecker, rows, kind):
    path, body, field = RESOURCES[kind]
    before = etag_of(fresh(rows[kind]))
    response = api(factchecker).patch(path(rows), body, format="json", HTTP_IF_MATCH=before)
    assert response.status_code == 200, response.content
    after = fresh(rows[kind])
    assert getattr(after, field) == body[field]
    assert response["ETag"] == etag_of(after) != before


def test_the_stale_answer_says_who_saved_first(api, factchecker, editor, rows):
    claim = rows["claim"]
    stale = etag_of(claim)
    api(editor).patch(
        f"/api/claims/{claim.pk}/", {"headline": "Editor's"}, format="json", HTTP_IF_MATCH=stale
    )
    response = api(factchecker).patch(
        f"/api/claims/{claim.pk}/", {"headline": "Mine"}, format="json", HTTP_IF_MATCH=stale
    )
    assert response.status_code == 412
    assert response.json()["changed_by"] == editor.username
    assert Claim.objects.get(pk=claim.pk).headline == "Editor's"


def test_a_delete_with_the_current_etag_deletes(api, factchecker, rows):
    note = rows["note"]
    response = api(factchecker).delete(
        f"/api/claims/{rows['claim'].pk}/notes/{note.pk}/", HTTP_IF_MATCH=etag_of(note)
    )
    assert response.status_code == 204
    assert not Note.objects.filter(pk=note.pk).exists()


def test_an_etag_of_another_row_does_not_match(api, factchecker, rows):
    claim = rows["claim"]
    other = make_claim(claim.article, "the economy was growing fast")
    assert other.version == claim.version
    response = api(factchecker).patch(
        f"/api/claims/{claim.pk}/", {"headline": "Jobs"}, format="json", HTTP_IF_MATCH=etag_of(other)
    )
    assert response.status_code == 412


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ('W/"{pk}-1"', 200),  # a proxy weakened it: still the same version
        ('"{pk}-7", "{pk}-1"', 200),  # any of a list
        ("*", 428),  # "whatever is there" is no protection
        ("{pk}-1", 428),  # unquoted: not an entity tag
        ('"{pk}-2"', 412),
    ],
)
def test_if_match_forms(api, factchecker, rows, header, status):
    claim = rows["claim"]
    response = api(factchecker).patch(
        f"/api/claims/{claim.pk}/",
        {"headline": "Jobs"},
        format="json",
        HTTP_IF_MATCH=header.format(pk=claim.pk),
    )
    assert response.status_code == status, response.content


def test_parse_if_match():
    assert parse_if_match(None) is None
    assert parse_if_match('"1-2"') == ["1-2"]
    assert parse_if_match(' W/"1-2" , "3-4"') == ["1-2", "3-4"]
    assert parse_if_match("garbage") == []


def test_a_post_verb_honours_a_stale_if_match(api, editor, rows):
    claim = rows["claim"]
    Claim.objects.get(pk=claim.pk).save()  # someone edits: version 2
    response = api(editor).post(f"/api/claims/{claim.pk}/publish/", HTTP_IF_MATCH=etag_of(claim))
    assert response.status_code == 412
    assert Claim.objects.get(pk=claim.pk).status == "new"


def test_the_etag_of_an_article_moves_when_its_metadata_changes(api, factchecker, rows):
    article = rows["article"]
    first = api(factchecker).get(f"/api/articles/{article.pk}/")["ETag"]
    response = api(factchecker).patch(
        f"/api/articles/{article.pk}/", {"title": "Growth, revised"}, format="json", HTTP_IF_MATCH=first
    )
    assert response.status_code == 200
    assert response["ETag"] != first
    stale = api(factchecker).patch(
        f"/api/articles/{article.pk}/", {"title": "Again"}, format="json", HTTP_IF_MATCH=first
    )
    assert stale.status_code == 412


def test_a_source_deleted_with_a_stale_etag_stays(api, editor):
    source = make_source(url="https://example.org/x")
    stale = etag_of(source)
    Source.objects.get(pk=source.pk).save()
    response = api(editor).delete(f"/api/sources/{source.pk}/", HTTP_IF_MATCH=stale)
    assert response.status_code == 412
    assert Source.objects.filter(pk=source.pk).exists()
