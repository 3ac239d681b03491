"""Who may do what: every endpoint and method for each newsroom role.

Anonymous requests get 401, users in no group 403; Viewers read; Fact-checkers
also create and edit claims, draft verdicts, sources and notes (their own
notes only); Editors also publish, assign, delete and merge speakers.
"""

import pytest

from claims.api.etags import etag_of
from claims.models import ClaimSource, Note, Scale, Source, Speaker, Verdict, VerdictStatus
from tests.factories import ENGLISH_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "viewer", "factchecker", "editor"]


@pytest.fixture
def colleague(db):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("carla", "carla@example.org", "correct horse battery")
    user.groups.add(Group.objects.get(name="Fact-checker"))
    return user


@pytest.fixture
def world(editor, colleague):
    article = make_article(ENGLISH_TEXT, title="Growth")
    speaker = Speaker.objects.create(name="Jane Smith")
    claim = make_claim(article, "the economy was growing fast", speaker=speaker)
    other_claim = make_claim(article, "Unemployment fell")
    source = make_source(title="Labour force survey", url="https://example.org/lfs")
    spare_source = make_source(title="Bulletin", url="https://example.org/bulletin")
    link = ClaimSource.objects.create(claim=claim, source=source, stance="refutes")
    verdict = Verdict.objects.create(
        claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"), author=editor
    )
    published = Verdict.objects.create(
        claim=other_claim,
        scale=Scale.ATTRIBUTION,
        rating=rating("attribution", "accurate-quote"),
        status=VerdictStatus.PUBLISHED,
    )
    lone_speaker = Speaker.objects.create(name="Omar Khalil")
    colleagues_note = Note.objects.create(claim=claim, author=colleague, body="Check the survey.")
    return {
        "article": article,
        "claim": claim,
        "other_claim": other_claim,
        "speaker": speaker,
        "lone_speaker": lone_speaker,
        "source": source,
        "spare_source": spare_source,
        "link": link,
        "verdict": verdict,
        "published": published,
        "colleagues_note": colleagues_note,
    }


def own_note(world, user):
    """A note written by the requesting user (anonymous requests get a colleague's)."""
    if user is None:
        return world["colleagues_note"]
    return Note.objects.create(claim=world["claim"], author=user, body="My note.")


# (name, method, path(world, user), body(world), row whose ETag goes in If-Match,
#  expected status for anonymous, outsider, viewer, fact-checker, editor)
CASES = [
    # Service
    ("health", "get", lambda w, u: "/api/health/", None, None, (200, 200, 200, 200, 200)),
    ("me", "get", lambda w, u: "/api/me/", None, None, (401, 200, 200, 200, 200)),
    ("schema", "get", lambda w, u: "/api/schema/", None, None, (200, 200, 200, 200, 200)),
    ("docs", "get", lambda w, u: "/api/docs/", None, None, (200, 200, 200, 200, 200)),
    # Articles
    ("article list", "get", lambda w, u: "/api/articles/", None, None, (401, 403, 200, 200, 200)),
    (
        "article ingest",
        "post",
        lambda w, u: "/api/articles/",
        lambda w: {"text": "The mayor said the bridge would open in May.", "title": "Bridge"},
        None,
        (401, 403, 403, 201, 201),
    ),
    (
        "article detail",
        "get",
        lambda w, u: f"/api/articles/{w['article'].pk}/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "article patch",
        "patch",
        lambda w, u: f"/api/articles/{w['article'].pk}/",
        lambda w: {"publisher": "Daily Example"},
        "article",
        (401, 403, 403, 200, 200),
    ),
    (
        "article put",
        "put",
        lambda w, u: f"/api/articles/{w['article'].pk}/",
        lambda w: {"title": "Growth, revised", "language": "en"},
        "article",
        (401, 403, 403, 200, 200),
    ),
    (
        "article delete",
        "delete",
        lambda w, u: f"/api/articles/{w['article'].pk}/",
        None,
        "article",
        # The article has a published verdict: even an editor gets 409, never a
        # half-deleted article. A deletable article is checked separately.
        (401, 403, 403, 403, 409),
    ),
    (
        "article re-extract",
        "post",
        lambda w, u: f"/api/articles/{w['article'].pk}/extract/",
        None,
        None,
        (401, 403, 403, 200, 200),
    ),
    # Claims
    ("claim list", "get", lambda w, u: "/api/claims/", None, None, (401, 403, 200, 200, 200)),
    (
        "claim create",
        "post",
        lambda w, u: "/api/claims/",
        lambda w: {"article": w["article"].pk, "start": 4, "end": 12},
        None,
        (401, 403, 403, 201, 201),
    ),
    (
        "claim detail",
        "get",
        lambda w, u: f"/api/claims/{w['claim'].pk}/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "claim patch",
        "patch",
        lambda w, u: f"/api/claims/{w['claim'].pk}/",
        lambda w: {"headline": "Economy not growing", "status": "in_review"},
        "claim",
        (401, 403, 403, 200, 200),
    ),
    (
        "claim put",
        "put",
        lambda w, u: f"/api/claims/{w['claim'].pk}/",
        lambda w: {"headline": "Growth", "kind": "direct"},
        "claim",
        (401, 403, 403, 200, 200),
    ),
    (
        "claim assign",
        "patch",
        lambda w, u: f"/api/claims/{w['claim'].pk}/",
        lambda w: {"assignee": w["verdict"].author_id},
        "claim",
        (401, 403, 403, 403, 200),
    ),
    (
        "claim publish",
        "post",
        lambda w, u: f"/api/claims/{w['claim'].pk}/publish/",
        None,
        None,
        (401, 403, 403, 403, 200),
    ),
    (
        "claim delete",
        "delete",
        lambda w, u: f"/api/claims/{w['claim'].pk}/",
        None,
        "claim",
        (401, 403, 403, 403, 204),
    ),
    # Verdicts
    (
        "verdict list",
        "get",
        lambda w, u: f"/api/claims/{w['claim'].pk}/verdicts/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "verdict draft",
        "post",
        lambda w, u: f"/api/claims/{w['claim'].pk}/verdicts/",
        lambda w: {"scale": "attribution", "rating": "misquoted", "explanation": "Not in the transcript."},
        None,
        (401, 403, 403, 201, 201),
    ),
    (
        "verdict published",
        "post",
        lambda w, u: f"/api/claims/{w['claim'].pk}/verdicts/",
        lambda w: {"scale": "attribution", "rating": "misquoted", "status": "published"},
        None,
        (401, 403, 403, 403, 201),
    ),
    (
        "verdict detail",
        "get",
        lambda w, u: f"/api/claims/{w['claim'].pk}/verdicts/{w['verdict'].pk}/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "verdict patch",
        "patch",
        lambda w, u: f"/api/claims/{w['claim'].pk}/verdicts/{w['verdict'].pk}/",
        lambda w: {"rating": "mostly-false", "explanation": "Growth was 0.1%."},
        "verdict",
        (401, 403, 403, 200, 200),
    ),
    (
        "verdict publish",
        "post",
        lambda w, u: f"/api/claims/{w['claim'].pk}/verdicts/{w['verdict'].pk}/publish/",
        None,
        None,
        (401, 403, 403, 403, 200),
    ),
    (
        "verdict delete",
        "delete",
        lambda w, u: f"/api/claims/{w['claim'].pk}/verdicts/{w['verdict'].pk}/",
        None,
        "verdict",
        (401, 403, 403, 403, 204),
    ),
    # Evidence links
    (
        "link list",
        "get",
        lambda w, u: f"/api/claims/{w['claim'].pk}/sources/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "link create",
        "post",
        lambda w, u: f"/api/claims/{w['claim'].pk}/sources/",
        lambda w: {"source": w["spare_source"].pk, "stance": "supports"},
        None,
        (401, 403, 403, 201, 201),
    ),
    (
        "link detail",
        "get",
        lambda w, u: f"/api/claims/{w['claim'].pk}/sources/{w['link'].pk}/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "link patch",
        "patch",
        lambda w, u: f"/api/claims/{w['claim'].pk}/sources/{w['link'].pk}/",
        lambda w: {"stance": "context", "excerpt": "Table 2"},
        "link",
        (401, 403, 403, 200, 200),
    ),
    (
        "link delete",
        "delete",
        lambda w, u: f"/api/claims/{w['claim'].pk}/sources/{w['link'].pk}/",
        None,
        "link",
        (401, 403, 403, 204, 204),
    ),
    # Notes
    (
        "note list",
        "get",
        lambda w, u: f"/api/claims/{w['claim'].pk}/notes/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "note create",
        "post",
        lambda w, u: f"/api/claims/{w['claim'].pk}/notes/",
        lambda w: {"body": "Called the ministry."},
        None,
        (401, 403, 403, 201, 201),
    ),
    (
        "note detail",
        "get",
        lambda w, u: f"/api/claims/{w['claim'].pk}/notes/{w['colleagues_note'].pk}/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "own note patch",
        "patch",
        lambda w, u: f"/api/claims/{w['claim'].pk}/notes/{own_note(w, u).pk}/",
        lambda w: {"body": "Called the ministry twice."},
        "note",
        (401, 403, 403, 200, 200),
    ),
    (
        "own note delete",
        "delete",
        lambda w, u: f"/api/claims/{w['claim'].pk}/notes/{own_note(w, u).pk}/",
        None,
        "note",
        (401, 403, 403, 204, 204),
    ),
    (
        "someone else's note patch",
        "patch",
        lambda w, u: f"/api/claims/{w['claim'].pk}/notes/{w['colleagues_note'].pk}/",
        lambda w: {"body": "Rewritten by someone else."},
        "colleagues_note",
        (401, 403, 403, 403, 403),
    ),
    (
        "someone else's note delete",
        "delete",
        lambda w, u: f"/api/claims/{w['claim'].pk}/notes/{w['colleagues_note'].pk}/",
        None,
        "colleagues_note",
        (401, 403, 403, 403, 403),
    ),
    # Sources
    ("source list", "get", lambda w, u: "/api/sources/", None, None, (401, 403, 200, 200, 200)),
    (
        "source create",
        "post",
        lambda w, u: "/api/sources/",
        lambda w: {"title": "Central bank report", "url": "https://example.org/cb", "kind": "official"},
        None,
        (401, 403, 403, 201, 201),
    ),
    (
        "source detail",
        "get",
        lambda w, u: f"/api/sources/{w['source'].pk}/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "source patch",
        "patch",
        lambda w, u: f"/api/sources/{w['source'].pk}/",
        lambda w: {"publisher": "Statistics office"},
        "source",
        (401, 403, 403, 200, 200),
    ),
    (
        "source delete",
        "delete",
        lambda w, u: f"/api/sources/{w['spare_source'].pk}/",
        None,
        "spare_source",
        (401, 403, 403, 403, 204),
    ),
    # Speakers
    ("speaker list", "get", lambda w, u: "/api/speakers/", None, None, (401, 403, 200, 200, 200)),
    (
        "speaker create",
        "post",
        lambda w, u: "/api/speakers/",
        lambda w: {"name": "Layla Haddad", "aliases": ["L. Haddad"], "kind": "person"},
        None,
        (401, 403, 403, 201, 201),
    ),
    (
        "speaker detail",
        "get",
        lambda w, u: f"/api/speakers/{w['speaker'].pk}/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "speaker patch",
        "patch",
        lambda w, u: f"/api/speakers/{w['speaker'].pk}/",
        lambda w: {"description": "Finance minister"},
        "speaker",
        (401, 403, 403, 200, 200),
    ),
    (
        "speaker delete",
        "delete",
        lambda w, u: f"/api/speakers/{w['lone_speaker'].pk}/",
        None,
        "lone_speaker",
        (401, 403, 403, 403, 204),
    ),
    (
        "speaker merge",
        "post",
        lambda w, u: f"/api/speakers/{w['speaker'].pk}/merge/",
        lambda w: {"other": w["lone_speaker"].pk},
        None,
        (401, 403, 403, 403, 200),
    ),
    # Ratings (read-only)
    ("rating list", "get", lambda w, u: "/api/ratings/", None, None, (401, 403, 200, 200, 200)),
    (
        "rating detail",
        "get",
        lambda w, u: f"/api/ratings/{rating('content', 'false').pk}/",
        None,
        None,
        (401, 403, 200, 200, 200),
    ),
    (
        "rating create",
        "post",
        lambda w, u: "/api/ratings/",
        lambda w: {"scale": "content", "slug": "pants-on-fire"},
        None,
        (401, 405, 405, 405, 405),
    ),
]


def etag_header(world, key, path):
    if key is None:
        return {}
    if key == "note":  # the note in the path, which own_note just created
        note = Note.objects.get(pk=int(path.rstrip("/").rsplit("/", 1)[1]))
        return {"HTTP_IF_MATCH": etag_of(note)}
    row = world[key]
    return {"HTTP_IF_MATCH": etag_of(type(row).objects.get(pk=row.pk))}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "path", "body", "etag_row", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_permission_matrix(request, api, world, role, name, method, path, body, etag_row, expected):
    user = None if role == "anonymous" else request.getfixturevalue(role)
    url = path(world, user)
    headers = etag_header(world, etag_row, url)
    response = getattr(api(user), method)(url, body(world) if body else None, format="json", **headers)
    assert response.status_code == expected[ROLES.index(role)], response.content
    if response.status_code in (401, 403):
        assert response.json()["detail"]
    if response.status_code == 401:
        assert response.headers["WWW-Authenticate"] == "Token"


def test_an_editor_deletes_an_article_without_published_work(api, editor):
    article = make_article(ENGLISH_TEXT)
    make_claim(article, "Unemployment fell")
    response = api(editor).delete(f"/api/articles/{article.pk}/", HTTP_IF_MATCH=etag_of(article))
    assert response.status_code == 204
    assert not type(article).objects.filter(pk=article.pk).exists()


def test_a_source_in_use_cannot_be_deleted(api, editor, world):
    source = world["source"]
    response = api(editor).delete(f"/api/sources/{source.pk}/", HTTP_IF_MATCH=etag_of(source))
    assert response.status_code == 409
    assert Source.objects.filter(pk=source.pk).exists()


def test_group_permissions_changed_in_the_admin_apply_to_the_api(api, viewer, world):
    from django.contrib.auth.models import Group, Permission

    Group.objects.get(name="Viewer").permissions.add(Permission.objects.get(codename="add_note"))
    response = api(viewer).post(f"/api/claims/{world['claim'].pk}/notes/", {"body": "Seen."}, format="json")
    assert response.status_code == 201


def test_a_token_is_created_with_the_management_command(api, viewer):
    import io

    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    call_command("drf_create_token", viewer.username, stdout=io.StringIO())
    token = Token.objects.get(user=viewer)
    client = api()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/claims/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/claims/").status_code == 401


def test_session_authentication_works_for_the_admin_users(client, viewer):
    client.force_login(viewer)
    assert client.get("/api/claims/").status_code == 200
