"""The OpenAPI schema, the docs page, and schemathesis against the live app.

schemathesis generates requests from the schema (valid and invalid ones) for
every operation and calls the app in-process, inside the test's database
transaction (a throwaway database). Every answer must be documented, conform
to its documented shape, and never be a 5xx. Examples are bounded so the
suite stays quick; the database holds a small newsroom so that generated ids
sometimes hit real rows.
"""

import json

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings

from claims.models import ClaimSource, Note, Scale, Speaker, Verdict
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim, make_source, rating

pytestmark = pytest.mark.django_db


def openapi_document():
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


DOCUMENT = openapi_document()
schema = schemathesis.openapi.from_dict(DOCUMENT)
schema.app = get_wsgi_application()
schema.config.generation.update(max_examples=12, deterministic=True)


@pytest.fixture
def newsroom(editor, factchecker):
    en = make_article(ENGLISH_TEXT, title="Growth")
    ar = make_article(ARABIC_TEXT, title="خبر")
    speaker = Speaker.objects.create(name="Jane Smith")
    claim = make_claim(en, "Unemployment fell", speaker=speaker)
    make_claim(ar, "الاقتصاد ينمو بسرعة")
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    ClaimSource.objects.create(claim=claim, source=make_source())
    Note.objects.create(claim=claim, author=editor, body="Check.")


@pytest.fixture
def editor_token(editor):
    from rest_framework.authtoken.models import Token

    return Token.objects.create(user=editor).key


# Business rules legitimately refuse some schema-valid requests (offsets past
# the end of the article, a claim that cannot be published yet) with a
# documented 400, so "valid data must be accepted" is not among the checks;
# everything else is, including "invalid data must be refused".
CHECKS_NOT_RUN = [schemathesis.checks.positive_data_acceptance]


@pytest.fixture
def in_test_transaction():
    """Keep the test's connection across the app's requests, as Django's test client does.

    The WSGI handler closes "old" connections when a request starts and ends;
    inside the test transaction that would drop the connection (PostgreSQL).
    """
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_the_api_keeps_to_its_schema(case, newsroom, editor_token, in_test_transaction):
    case.call_and_validate(headers={"Authorization": f"Token {editor_token}"}, excluded_checks=CHECKS_NOT_RUN)


def operation(path, method):
    return DOCUMENT["paths"][path][method]


@pytest.mark.parametrize(
    ("path", "method", "codes"),
    [
        ("/api/claims/{id}/", "patch", {"200", "400", "401", "403", "404", "412", "413", "428"}),
        ("/api/claims/{id}/", "delete", {"204", "401", "403", "404", "409", "412", "428"}),
        ("/api/articles/", "post", {"200", "201", "400", "401", "403", "409", "413"}),
        ("/api/claims/{claim_pk}/verdicts/{id}/", "put", {"200", "400", "409", "412", "428"}),
        ("/api/claims/{claim_pk}/notes/{id}/", "patch", {"403", "412", "428"}),
        ("/api/sources/{id}/", "delete", {"409", "412", "428"}),
        ("/api/speakers/{id}/merge/", "post", {"200", "400", "403", "404", "409", "412"}),
        ("/api/claims/", "get", {"200", "400", "401", "403"}),
    ],
)
def test_the_error_answers_are_documented_where_they_occur(path, method, codes):
    assert codes <= set(operation(path, method)["responses"])


def test_writes_document_the_if_match_header():
    parameters = operation("/api/claims/{id}/", "patch")["parameters"]
    if_match = next(p for p in parameters if p["name"] == "If-Match")
    assert if_match["in"] == "header" and if_match["required"] is True


def test_server_fields_are_read_only_in_the_schema():
    components = DOCUMENT["components"]["schemas"]
    writable = set(components["PatchedClaimWriteRequest"]["properties"])
    assert not {"version", "created_at", "origin", "created_by"} & writable
    assert "author" not in components["NoteRequest"]["properties"]


def test_the_schema_and_docs_are_served(client):
    schema_response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema_response.status_code == 200
    assert json.loads(schema_response.content)["info"]["title"] == "Fact-checking workbench API"
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    # Swagger UI comes from our own static files, not a CDN.
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn." not in html and "unpkg" not in html
