"""claims/{id}/notes/: internal notes, editable by their author only."""

import pytest

from claims.api.etags import etag_of
from claims.models import Note
from tests.factories import ENGLISH_TEXT, make_article, make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_claim(make_article(ENGLISH_TEXT), "Unemployment fell")


def test_a_note_is_written_by_the_requester(api, factchecker, claim):
    response = api(factchecker).post(
        f"/api/claims/{claim.pk}/notes/", {"body": "Call the ministry."}, format="json"
    )
    assert response.status_code == 201, response.content
    note = Note.objects.get()
    assert (note.author, note.body, note.claim) == (factchecker, "Call the ministry.", claim)
    assert response.json()["can_edit"] is True


def test_the_author_cannot_be_set_by_the_client(api, factchecker, editor, claim):
    response = api(factchecker).post(
        f"/api/claims/{claim.pk}/notes/", {"body": "Mine.", "author": editor.pk}, format="json"
    )
    assert response.status_code == 201
    assert Note.objects.get().author == factchecker


def test_only_the_author_edits_or_deletes(api, factchecker, editor, claim):
    note = Note.objects.create(claim=claim, author=editor, body="Editor's note.")
    client = api(factchecker)
    path = f"/api/claims/{claim.pk}/notes/{note.pk}/"
    assert (
        client.patch(path, {"body": "Hijacked"}, format="json", HTTP_IF_MATCH=etag_of(note)).status_code
        == 403
    )
    assert client.delete(path, HTTP_IF_MATCH=etag_of(note)).status_code == 403
    assert client.get(path).json()["can_edit"] is False
    note.refresh_from_db()
    assert note.body == "Editor's note."
    assert (
        api(editor).patch(path, {"body": "Edited"}, format="json", HTTP_IF_MATCH=etag_of(note)).status_code
        == 200
    )


def test_notes_are_listed_in_writing_order(api, viewer, editor, factchecker, claim):
    first = Note.objects.create(claim=claim, author=editor, body="First")
    second = Note.objects.create(claim=claim, author=factchecker, body="Second")
    rows = api(viewer).get(f"/api/claims/{claim.pk}/notes/").json()["results"]
    assert [r["id"] for r in rows] == [first.pk, second.pk]
    assert rows[0]["author"]["username"] == editor.username


def test_an_empty_note_is_refused(api, factchecker, claim):
    response = api(factchecker).post(f"/api/claims/{claim.pk}/notes/", {"body": ""}, format="json")
    assert response.status_code == 400
    assert not Note.objects.exists()
