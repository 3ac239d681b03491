"""ClaimReview JSON-LD: one review per published content verdict, valid as Google reads it."""

import json
from pathlib import Path

import jsonschema
import pytest

from claims.models import Claim, Rating, Verdict
from claims.reports import Audience, Report, render
from tests.reports_support import DRAFT_EXPLANATION

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "claims/reports/schemas/claimreview.json").read_text(encoding="utf-8")
)


def reviews_of(report):
    return json.loads("".join(render(report, "jsonld")))


@pytest.fixture
def dated_seed(reviewed_seed):
    article = reviewed_seed.article
    article.url = "https://www.example.com/news/kremlin-video-call"
    article.published_at = "2021-12-04"
    article.save()
    return reviewed_seed


def test_it_validates_against_the_claimreview_schema(dated_seed):
    reviews = reviews_of(Report.for_article(dated_seed.article, Audience.PUBLIC))

    assert len(reviews) == 1
    jsonschema.validate(reviews[0], SCHEMA)


def test_it_describes_the_published_claim(dated_seed, settings):
    settings.FACTCHECK_NEWSROOM_NAME = "مرصد التحقق"
    settings.FACTCHECK_NEWSROOM_URL = "https://factcheck.example.org/"
    denial = dated_seed.published

    (review,) = reviews_of(Report.for_article(dated_seed.article, Audience.PUBLIC))

    assert review["claimReviewed"] == denial.content
    assert review["inLanguage"] == "ar"
    assert review["author"] == {
        "@type": "Organization",
        "name": "مرصد التحقق",
        "url": "https://factcheck.example.org/",
    }
    assert (
        review["url"] == f"https://factcheck.example.org/reports/{dated_seed.article.slug}/#claim-{denial.pk}"
    )
    assert review["datePublished"] == dated_seed.content.published_at.date().isoformat()
    rating = review["reviewRating"]
    assert rating["alternateName"] == "False"
    assert rating["ratingValue"] == 1 and rating["bestRating"] == 6 and rating["worstRating"] == 1
    assert review["itemReviewed"]["author"]["name"] == denial.speaker.name
    appearance = review["itemReviewed"]["appearance"]
    assert appearance["url"] == "https://www.example.com/news/kremlin-video-call"
    assert appearance["headline"] == dated_seed.article.title
    assert appearance["publisher"] == {"@type": "Organization", "name": "TRT عربي"}
    assert appearance["datePublished"] == "2021-12-04"


def test_it_writes_the_context_inline(dated_seed):
    (review,) = reviews_of(Report.for_article(dated_seed.article, Audience.PUBLIC))

    assert isinstance(review["@context"], dict), "no context document to fetch"
    assert review["@context"]["@vocab"] == "https://schema.org/"


def test_it_leaves_out_drafts_even_for_internal_readers(dated_seed):
    reviews = reviews_of(Report.for_article(dated_seed.article, Audience.INTERNAL))

    assert [r["claimReviewed"] for r in reviews] == [dated_seed.published.content]
    assert DRAFT_EXPLANATION not in json.dumps(reviews, ensure_ascii=False)


def test_it_keeps_the_published_rating_while_a_correction_is_drafted(dated_seed, factchecker):
    dated_seed.content.correct(Rating.objects.get(scale="content", slug="true"), "Corrected", by=factchecker)

    (review,) = reviews_of(Report.for_article(dated_seed.article, Audience.INTERNAL))

    assert review["reviewRating"]["alternateName"] == "False"


def test_it_gives_an_off_scale_rating_no_value(dated_seed, editor):
    correction = dated_seed.content.correct(
        Rating.objects.get(scale="content", slug="unproven"), "", by=editor
    )
    correction.publish(by=editor)

    (review,) = reviews_of(Report.for_article(dated_seed.article, Audience.PUBLIC))

    assert review["reviewRating"]["alternateName"] == "Unproven"
    assert "ratingValue" not in review["reviewRating"]
    jsonschema.validate(review, SCHEMA)


def test_it_names_organisations_as_organisations_and_people_with_their_title(dated_seed):
    speaker = dated_seed.published.speaker  # "موسكو": a government speaks as an organisation
    (review,) = reviews_of(Report.for_article(dated_seed.article, Audience.PUBLIC))
    assert speaker.kind == "government"
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": speaker.name}

    speaker.kind = "person"
    speaker.save()
    Claim.objects.filter(pk=dated_seed.published.pk).update(speaker_role="المتحدث باسم الكرملين")
    (review,) = reviews_of(Report.for_article(dated_seed.article, Audience.PUBLIC))
    assert review["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": speaker.name,
        "jobTitle": "المتحدث باسم الكرملين",
    }


def test_it_reviews_nothing_before_anything_is_published(seed_article):
    assert reviews_of(Report.for_claims(Claim.objects.all(), Audience.INTERNAL)) == []
    assert not Verdict.objects.exists()
