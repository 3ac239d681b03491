"""ClaimFilter: the claim filters shared by the claims list and the claims export."""

from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.utils import timezone

from claims.api.filters import ClaimFilter
from claims.models import Claim, ClaimStatus, Scale, Speaker, Verdict
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(factchecker):
    """Two articles, four claims, two speakers and a few verdicts."""
    ar = make_article(ARABIC_TEXT, title="خبر")
    en = make_article(ENGLISH_TEXT, title="Story", language="en")
    minister = Speaker.objects.create(name="ديمتري بيسكوف")
    smith = Speaker.objects.create(name="Jane Smith")
    claims = {
        "economy_ar": make_claim(ar, "الاقتصاد ينمو بسرعة", speaker=minister, kind="indirect"),
        "jobs_ar": make_claim(ar, "البطالة تراجعت", status=ClaimStatus.IN_REVIEW, assignee=factchecker),
        "economy_en": make_claim(en, "the economy was growing fast", speaker=smith, kind="indirect"),
        "jobs_en": make_claim(en, "Unemployment fell", kind="direct", headline="Jobless rate"),
    }
    Verdict.objects.create(claim=claims["economy_en"], scale=Scale.CONTENT, rating=rating("content", "false"))
    # A later verdict replaces the earlier one: only "true" is current.
    Verdict.objects.create(claim=claims["jobs_en"], scale=Scale.CONTENT, rating=rating("content", "false"))
    Verdict.objects.create(claim=claims["jobs_en"], scale=Scale.CONTENT, rating=rating("content", "true"))
    Verdict.objects.create(
        claim=claims["economy_ar"], scale=Scale.ATTRIBUTION, rating=rating("attribution", "misquoted")
    )
    return claims


def found(query, user=None):
    request = RequestFactory().get("/api/claims/")
    request.user = user
    filterset = ClaimFilter(QueryDict(query), queryset=Claim.objects.all(), request=request)
    assert filterset.is_valid(), filterset.errors
    return {claim.content for claim in filterset.qs}


def errors(query):
    filterset = ClaimFilter(QueryDict(query), queryset=Claim.objects.all())
    assert not filterset.is_valid()
    return set(filterset.errors)


def test_it_filters_by_article_speaker_status_and_kind(desk):
    article = desk["jobs_en"].article_id
    assert found(f"article={article}") == {"the economy was growing fast", "Unemployment fell"}
    assert found(f"speaker={desk['economy_ar'].speaker_id}") == {"الاقتصاد ينمو بسرعة"}
    assert found("status=in_review") == {"البطالة تراجعت"}
    assert found("status=in_review&status=new&kind=direct") == {"Unemployment fell"}


def test_it_filters_by_the_articles_language(desk):
    assert found("language=ar") == {"الاقتصاد ينمو بسرعة", "البطالة تراجعت"}
    assert found("language=en") == {"the economy was growing fast", "Unemployment fell"}


def test_it_filters_by_assignee_including_me_and_none(desk, factchecker, editor):
    assert found(f"assignee={factchecker.pk}") == {"البطالة تراجعت"}
    assert found("assignee=me", user=factchecker) == {"البطالة تراجعت"}
    assert found("assignee=me", user=editor) == set()
    assert len(found("assignee=none")) == 3


def test_it_filters_on_the_current_verdict_only(desk):
    assert found("content_rating=false") == {"the economy was growing fast"}
    assert found("content_rating=true") == {"Unemployment fell"}
    assert found("attribution_rating=misquoted") == {"الاقتصاد ينمو بسرعة"}
    assert found("attribution_rating=misquoted&content_rating=false") == set()


def test_it_filters_by_having_a_verdict(desk):
    assert found("has_verdict=true") == {
        "الاقتصاد ينمو بسرعة",
        "the economy was growing fast",
        "Unemployment fell",
    }
    assert found("has_verdict=false") == {"البطالة تراجعت"}


def test_it_filters_by_creation_time(desk):
    Claim.objects.filter(pk=desk["jobs_ar"].pk).update(created_at=timezone.now() - timedelta(days=10))
    week_ago = (timezone.now() - timedelta(days=7)).date().isoformat()
    assert found(f"created_before={week_ago}") == {"البطالة تراجعت"}
    assert "البطالة تراجعت" not in found(f"created_after={week_ago}")
    assert len(found(f"created_after={week_ago}")) == 3


def test_it_searches_claim_text_in_english_and_arabic(desk):
    assert found("q=economy") == {"the economy was growing fast"}
    assert found("q=الاقتصاد") == {"الاقتصاد ينمو بسرعة"}
    assert found("q=jobless") == {"Unemployment fell"}  # the headline counts too


def test_it_searches_speaker_names(desk):
    assert found("q=Smith") == {"the economy was growing fast"}
    assert found("q=بيسكوف") == {"الاقتصاد ينمو بسرعة"}


def test_it_searches_with_stemming_and_misspelt_names_on_postgresql(desk):
    if connection.vendor != "postgresql":
        pytest.skip("full-text search and trigram matching need PostgreSQL; SQLite matches substrings")
    assert found("q=grows") == {"the economy was growing fast"}  # English stemming
    assert found("q=Smitth") == {"the economy was growing fast"}  # a misspelt name
    assert found("q=بيسكوب") == {"الاقتصاد ينمو بسرعة"}  # a misspelt Arabic name
    assert found('q="economy was" -fell') == {"the economy was growing fast"}  # web search syntax


def test_it_puts_the_best_matches_first_on_postgresql(desk):
    if connection.vendor != "postgresql":
        pytest.skip("relevance ranking needs PostgreSQL")
    filterset = ClaimFilter(QueryDict("q=economy OR fell"), queryset=Claim.objects.all())
    ranks = [claim.search_rank for claim in filterset.qs]
    assert len(ranks) == 2
    assert ranks == sorted(ranks, reverse=True)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("content_rating=no-such-rating", "content_rating"),
        ("attribution_rating=false", "attribution_rating"),  # a content rating, wrong scale
        ("assignee=someone", "assignee"),
        ("article=10000000000000000000000000", "article"),
        ("article=-1", "article"),
        ("status=finished", "status"),
        ("has_verdict=maybe", "has_verdict"),
        ("created_after=yesterday", "created_after"),
        ("q=" + "x" * 201, "q"),
        ("q=nul%00here", "q"),
        ("language=<script>", "language"),
    ],
)
def test_it_rejects_bad_parameters_with_a_reason(desk, query, field):
    assert field in errors(query)
