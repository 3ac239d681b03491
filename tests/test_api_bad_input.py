"""Bad input: a JSON 4xx with a reason every time, and nothing stored half-way."""

import io
import json

import pytest
from django.apps import apps

from claims.api.etags import etag_of
from claims.models import Article, Speaker
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim, make_source

pytestmark = pytest.mark.django_db

LIMIT = 2 * 1024 * 1024


def row_counts():
    """Rows in every table of the app, history tables included."""
    return {
        model.__name__: model._base_manager.count() for model in apps.get_app_config("claims").get_models()
    }


@pytest.fixture
def desk(factchecker):
    article = make_article(ENGLISH_TEXT, title="Growth")
    claim = make_claim(article, "Unemployment fell")
    speaker = Speaker.objects.create(name="Jane Smith")
    source = make_source(url="https://example.org/lfs")
    return {"article": article, "claim": claim, "speaker": speaker, "source": source}


def raw(client, method, url, body, content_type="application/json", **extra):
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogatepass")
    return client.generic(method, url, body, content_type=content_type, **extra)


def nested(depth):
    return "[" * depth + "]" * depth


# (name, method, path(desk), body: bytes/str sent as-is or dict sent as JSON, extra environ, statuses)
CASES = [
    # Malformed JSON
    ("truncated JSON", "post", lambda d: "/api/articles/", '{"text": "The mayor said', {}, {400}),
    ("trailing garbage", "post", lambda d: "/api/articles/", '{"text": "The mayor said so."} x', {}, {400}),
    ("not UTF-8", "post", lambda d: "/api/articles/", b'{"text": "\xff\xfe bad bytes"}', {}, {400}),
    ("NaN", "post", lambda d: "/api/sources/", '{"title": "Report", "published_at": NaN}', {}, {400}),
    ("top-level list", "post", lambda d: "/api/articles/", '["The mayor said so."]', {}, {400}),
    ("empty body", "post", lambda d: "/api/articles/", " ", {}, {400}),
    # Deep nesting: past the parser's limit, and deep enough to exhaust the stack
    (
        "nested 40 levels",
        "post",
        lambda d: "/api/speakers/",
        '{"name": "X", "aliases": ' + nested(40) + "}",
        {},
        {400},
    ),
    (
        "nested 100000 levels",
        "post",
        lambda d: "/api/articles/",
        '{"text": ' + nested(100_000) + "}",
        {},
        {400},
    ),
    # NUL and lone surrogates, in text fields, JSON fields and keys
    ("NUL in text", "post", lambda d: "/api/articles/", {"text": "The mayor\u0000 said so."}, {}, {400}),
    ("NUL in a title", "post", lambda d: "/api/sources/", {"title": "Rep\u0000ort"}, {}, {400}),
    (
        "NUL in an alias",
        "post",
        lambda d: "/api/speakers/",
        {"name": "Omar", "aliases": ["O\u0000mar"]},
        {},
        {400},
    ),
    ("NUL in a key", "post", lambda d: "/api/sources/", '{"ti\\u0000tle": "Report"}', {}, {400}),
    (
        "escaped lone surrogate",
        "post",
        lambda d: "/api/articles/",
        '{"text": "A lone \\ud800 half"}',
        {},
        {400},
    ),
    (
        "escaped low surrogate",
        "post",
        lambda d: f"/api/claims/{d['claim'].pk}/notes/",
        '{"body": "x\\udc00y"}',
        {},
        {400},
    ),
    (
        "surrogate in an alias",
        "post",
        lambda d: "/api/speakers/",
        '{"name": "Omar", "aliases": ["\\ud83d"]}',
        {},
        {400},
    ),
    (
        "surrogate in a key",
        "post",
        lambda d: "/api/sources/",
        '{"\\udfff": "Report", "title": "Report"}',
        {},
        {400},
    ),
    # Query parameters
    ("NUL in a query parameter", "get", lambda d: "/api/claims/?q=%00", None, {}, {400}),
    ("NUL in a filter value", "get", lambda d: "/api/articles/?publisher=a%00b", None, {}, {400}),
    ("surrogate in a query parameter", "get", lambda d: "/api/claims/?q=%ED%A0%80", None, {}, {400}),
    ("stray byte in a query parameter", "get", lambda d: "/api/speakers/?q=%FF", None, {}, {400}),
    ("NUL in a query key", "get", lambda d: "/api/claims/?st%00atus=new", None, {}, {400}),
    # Sizes
    ("body over the limit", "post", lambda d: "/api/articles/", {"text": "x" * (LIMIT + 10)}, {}, {413}),
    (
        "Content-Length over the limit",
        "post",
        lambda d: "/api/articles/",
        '{"text": "short"}',
        {"CONTENT_LENGTH": str(LIMIT + 1)},
        {413},
    ),
    (
        "Content-Length not a number",
        "post",
        lambda d: "/api/articles/",
        '{"text": "short"}',
        {"CONTENT_LENGTH": "lots"},
        {400},
    ),
    (
        "Content-Length shorter than the body",
        "post",
        lambda d: "/api/articles/",
        json.dumps({"text": "The mayor said the bridge would open. " * 100}),
        {"CONTENT_LENGTH": "20"},
        {400},
    ),
    # Offsets
    (
        "offsets past the end",
        "post",
        lambda d: "/api/claims/",
        lambda d: {"article": d["article"].pk, "start": 10, "end": 10_000},
        {},
        {400},
    ),
    (
        "empty span",
        "post",
        lambda d: "/api/claims/",
        lambda d: {"article": d["article"].pk, "start": 10, "end": 10},
        {},
        {400},
    ),
    (
        "negative offset",
        "post",
        lambda d: "/api/claims/",
        lambda d: {"article": d["article"].pk, "start": -1, "end": 5},
        {},
        {400},
    ),
    (
        "offsets as text",
        "post",
        lambda d: "/api/claims/",
        lambda d: {"article": d["article"].pk, "start": "4", "end": "x"},
        {},
        {400},
    ),
    (
        "fractional offset",
        "post",
        lambda d: "/api/claims/",
        lambda d: {"article": d["article"].pk, "start": 4.5, "end": 12},
        {},
        {400},
    ),
    (
        "huge offset",
        "post",
        lambda d: "/api/claims/",
        lambda d: {"article": d["article"].pk, "start": 4, "end": 10**30},
        {},
        {400},
    ),
    (
        "content not the span",
        "post",
        lambda d: "/api/claims/",
        lambda d: {"article": d["article"].pk, "start": 4, "end": 12, "content": "Minister"},
        {},
        {400},
    ),
    (
        "no offsets",
        "post",
        lambda d: "/api/claims/",
        lambda d: {"article": d["article"].pk, "content": "minister"},
        {},
        {400},
    ),
    (
        "missing article",
        "post",
        lambda d: "/api/claims/",
        {"article": 10**30, "start": 1, "end": 2},
        {},
        {400},
    ),
    # Ratings
    (
        "unknown rating",
        "post",
        lambda d: f"/api/claims/{d['claim'].pk}/verdicts/",
        {"scale": "content", "rating": "pants-on-fire"},
        {},
        {400},
    ),
    (
        "rating of the other scale",
        "post",
        lambda d: f"/api/claims/{d['claim'].pk}/verdicts/",
        {"scale": "content", "rating": "misquoted"},
        {},
        {400},
    ),
    (
        "unknown scale",
        "post",
        lambda d: f"/api/claims/{d['claim'].pk}/verdicts/",
        {"scale": "vibes", "rating": "false"},
        {},
        {400},
    ),
    ("unknown rating filter", "get", lambda d: "/api/claims/?content_rating=pants-on-fire", None, {}, {400}),
    # Bidi controls in short names
    (
        "override in a speaker name",
        "post",
        lambda d: "/api/speakers/",
        {"name": "Omar \u202eKhalil"},
        {},
        {400},
    ),
    (
        "isolate in an alias",
        "post",
        lambda d: "/api/speakers/",
        {"name": "Omar", "aliases": ["\u2066Omar K\u2069"]},
        {},
        {400},
    ),
    ("embedding in a source title", "post", lambda d: "/api/sources/", {"title": "\u202aReport"}, {}, {400}),
    (
        "override in a publisher",
        "post",
        lambda d: "/api/sources/",
        {"title": "Report", "publisher": "Agency\u202d"},
        {},
        {400},
    ),
    (
        "isolate in an article title",
        "post",
        lambda d: "/api/articles/",
        {"text": ARABIC_TEXT, "title": "خبر\u2067"},
        {},
        {400},
    ),
    (
        "override in an article publisher",
        "post",
        lambda d: "/api/articles/",
        {"text": ARABIC_TEXT, "publisher": "\u202bوكالة"},
        {},
        {400},
    ),
    # Other refusals
    (
        "not JSON",
        "post",
        lambda d: "/api/sources/",
        "title=Report",
        {"content_type": "application/x-www-form-urlencoded"},
        {415},
    ),
    ("unknown field", "post", lambda d: "/api/sources/", {"title": "Report", "tittle": "Report"}, {}, {400}),
    (
        "bad URL",
        "post",
        lambda d: "/api/sources/",
        {"title": "Report", "url": "javascript:alert(1)"},
        {},
        {400},
    ),
    (
        "bad language",
        "post",
        lambda d: "/api/articles/",
        {"text": "The mayor said so.", "language": "Klingon!"},
        {},
        {400},
    ),
    ("blank text", "post", lambda d: "/api/articles/", {"text": "   \n\t"}, {}, {400}),
    ("bad page size", "get", lambda d: "/api/claims/?page_size=0", None, {}, {400}),
    ("page size over 200", "get", lambda d: "/api/claims/?page_size=201", None, {}, {400}),
    ("bad ordering", "get", lambda d: "/api/claims/?ordering=password", None, {}, {400}),
]


@pytest.mark.parametrize(
    ("name", "method", "path", "body", "extra", "statuses"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_input_is_refused_with_a_reason_and_stores_nothing(
    api, factchecker, desk, name, method, path, body, extra, statuses
):
    client = api(factchecker)
    before = row_counts()
    extra = dict(extra)
    content_type = extra.pop("content_type", "application/json")
    if callable(body):
        body = body(desk)
    if isinstance(body, dict):
        body = json.dumps(body)
    if body is None:
        response = getattr(client, method)(path(desk), **extra)
    else:
        response = raw(client, method.upper(), path(desk), body, content_type=content_type, **extra)
    assert response.status_code in statuses, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    payload = json.loads(response.content)
    assert payload["detail"] and payload["code"]
    assert row_counts() == before


def test_a_chunked_body_over_the_limit_gets_413(api, factchecker):
    before = row_counts()
    body = json.dumps({"text": "x" * (LIMIT + 10)}).encode()
    response = api(factchecker).generic(
        "POST",
        "/api/articles/",
        b"",
        content_type="application/json",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True},
    )
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]
    assert row_counts() == before


def test_a_chunked_body_within_the_limit_is_read(api, factchecker):
    body = json.dumps({"text": ENGLISH_TEXT, "title": "Chunked"}).encode()
    response = api(factchecker).generic(
        "POST",
        "/api/articles/",
        b"",
        content_type="application/json",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True},
    )
    assert response.status_code == 201, response.content
    assert Article.objects.get().title == "Chunked"


def test_the_limit_comes_from_the_settings(api, factchecker, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = api(factchecker).post("/api/articles/", {"text": "y" * 2000}, format="json")
    assert response.status_code == 413
    assert "1000" in response.json()["detail"]


def test_arabic_text_is_stored_byte_for_byte(api, factchecker):
    # Diacritics, tatweel, directional marks, a zero-width joiner, CRLF and
    # trailing spaces: all of it must come back exactly.
    text = "\u200fقالَ الوزيرُ ـ في بيانٍ ـ إنّ «الاقتصاد ينمو».\r\n\u200dسطر ثانٍ   \n\n"
    response = api(factchecker).post("/api/articles/", {"text": text, "title": "بيان"}, format="json")
    assert response.status_code == 201, response.content
    stored = Article.objects.get(pk=response.json()["id"])
    assert stored.text.encode("utf-8") == text.encode("utf-8")
    assert response.json()["text"] == text
    assert stored.language == "ar"


def test_bidi_marks_that_arabic_needs_are_allowed_in_names(api, factchecker):
    # U+200F (RLM) and U+061C (ALM) are ordinary in Arabic names; only the
    # embedding/override/isolate controls are refused.
    response = api(factchecker).post("/api/speakers/", {"name": "دميتري\u200f بيسكوف\u061c"}, format="json")
    assert response.status_code == 201, response.content


def test_a_bidi_control_is_refused_on_edit_too(api, factchecker, desk):
    source = desk["source"]
    response = api(factchecker).patch(
        f"/api/sources/{source.pk}/", {"title": "Report\u202e"}, format="json", HTTP_IF_MATCH=etag_of(source)
    )
    assert response.status_code == 400
    assert "U+202E" in response.json()["detail"]
    source.refresh_from_db()
    assert source.title == "Statistics office bulletin"


def test_unknown_addresses_answer_json(api, viewer):
    response = api(viewer).get("/api/nowhere/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_missing_final_slash_is_a_404_with_a_hint_not_a_redirect(api, factchecker):
    before = row_counts()
    response = api(factchecker).post("/api/articles", {"text": ENGLISH_TEXT}, format="json")
    assert response.status_code == 404
    assert "/api/articles/" in response.json()["detail"]
    assert row_counts() == before


def test_an_address_with_a_newline_answers_json(api, viewer):
    response = api(viewer).get("/api/claims/1%0A/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
