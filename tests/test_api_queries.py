"""Lists cost the same number of queries at any page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim, ClaimSource, Note, Scale, Speaker, Verdict
from tests.factories import make_article, make_source, rating

pytestmark = pytest.mark.django_db

# Token, the user's permissions (user and group), the count and the page,
# plus what each list adds (the ratings of claims): a fixed budget.
LIST_BUDGET = 7


@pytest.fixture
def desk(editor, factchecker):
    """120 claims over 12 articles, with speakers, assignees, verdicts, sources and notes."""
    source = make_source()
    for a in range(12):
        text = " ".join(f"Speaker{a}x{i} said the figure was {i}." for i in range(10))
        article = make_article(text, title=f"Article {a}", language="en", publisher="Daily Example")
        speaker = Speaker.objects.create(name=f"Person {a}")
        for i in range(10):
            content = f"the figure was {i}"
            start = text.index(content)
            claim = Claim.objects.create(
                article=article,
                content=content,
                start=start,
                end=start + len(content),
                speaker=speaker,
                assignee=factchecker if i % 2 else editor,
            )
            Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
            Verdict.objects.create(
                claim=claim, scale=Scale.ATTRIBUTION, rating=rating("attribution", "misquoted")
            )
            ClaimSource.objects.create(claim=claim, source=source)
            Note.objects.create(claim=claim, author=editor, body="n")


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured), response.json()


@pytest.mark.parametrize(
    "path",
    [
        "/api/claims/",
        "/api/claims/?status=new&content_rating=false",
        "/api/claims/?q=figure",
        "/api/articles/",
        "/api/articles/?language=en",
        "/api/speakers/",
        "/api/sources/",
    ],
)
def test_a_list_costs_the_same_queries_at_page_size_1_and_100(
    api, viewer, desk, path, django_assert_max_num_queries
):
    client = api(viewer)
    joiner = "&" if "?" in path else "?"
    one, small = queries(client, f"{path}{joiner}page_size=1")
    with django_assert_max_num_queries(LIST_BUDGET):
        hundred, large = queries(client, f"{path}{joiner}page_size=100")
    assert one == hundred
    assert len(small["results"]) == 1
    assert len(large["results"]) == min(100, large["count"])


def test_a_claim_detail_has_a_fixed_cost(api, viewer, desk, django_assert_max_num_queries):
    claim, client = Claim.objects.first(), api(viewer)
    with django_assert_max_num_queries(6):
        response = client.get(f"/api/claims/{claim.pk}/")
    assert response.json()["notes_count"] == 1


def test_an_article_detail_has_a_fixed_cost(api, viewer, desk, django_assert_max_num_queries):
    article, client = Claim.objects.first().article, api(viewer)
    with django_assert_max_num_queries(5):
        response = client.get(f"/api/articles/{article.pk}/")
    assert len(response.json()["claims"]) == 10
