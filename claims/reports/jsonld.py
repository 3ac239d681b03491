"""schema.org ClaimReview markup, for the CMS and for search engines.

One ClaimReview per claim with a published content verdict (its latest
published one: a correction still in draft does not replace what readers were
told). Drafts never appear here, whatever the audience asked for, because
ClaimReview is by nature published markup.

The `@context` is written inline rather than as the address of schema.org's
context document, so that reading the markup never needs the network.
"""

import json
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Max, Min

from claims.models import ClaimStatus, Rating, Scale, SpeakerKind, VerdictStatus
from claims.reports.records import Report, newsroom

CONTEXT = {"@vocab": "https://schema.org/", "schema": "https://schema.org/"}

# Speakers that are people are a Person; every other kind speaks as an organisation.
PERSON_KINDS = {SpeakerKind.PERSON.value, SpeakerKind.UNNAMED.value}


def rating_bounds():
    """(worst, best) ratingValue of the content scale; off-scale ratings (0) excluded."""
    bounds = Rating.objects.filter(scale=Scale.CONTENT, value__gt=0).aggregate(
        worst=Min("value"), best=Max("value")
    )
    return bounds["worst"] or 1, bounds["best"] or 1


def review_url(article_record, claim_record):
    base = getattr(settings, "FACTCHECK_PUBLIC_URL", "") or settings.FACTCHECK_NEWSROOM_URL
    return f"{base.rstrip('/')}/reports/{article_record['slug']}/#claim-{claim_record['id']}"


def _published_content_verdict(record):
    for verdict in record["verdicts"]:  # newest first
        if verdict["scale"] == Scale.CONTENT and verdict["status"] == VerdictStatus.PUBLISHED:
            return verdict
    return None


def claim_review(record, article, bounds):
    if record["status"] != ClaimStatus.PUBLISHED:
        return None
    verdict = _published_content_verdict(record)
    if verdict is None:
        return None
    worst, best = bounds
    rating = {
        "@type": "Rating",
        "alternateName": verdict["rating_label"],
        "bestRating": best,
        "worstRating": worst,
    }
    # A rating off the ordinal scale (such as Unproven) has no honest value;
    # Google then reads alternateName alone.
    if verdict["rating_value"] > 0:
        rating["ratingValue"] = verdict["rating_value"]
    if verdict["explanation"]:
        rating["ratingExplanation"] = verdict["explanation"]
    speaker = {
        "@type": "Person"
        if record["speaker_kind"] in PERSON_KINDS or not record["speaker_kind"]
        else "Organization",
        "name": record["speaker_name"] or record["speaker_text"],
    }
    if record["speaker_role"] and speaker["@type"] == "Person":
        speaker["jobTitle"] = record["speaker_role"]
    appearance = {"@type": "NewsArticle", "headline": article["title"]}
    if article["url"]:
        appearance["url"] = article["url"]
    if article["publisher"]:
        appearance["publisher"] = {"@type": "Organization", "name": article["publisher"]}
    if article["published_at"]:
        appearance["datePublished"] = article["published_at"]
    item = {"@type": "Claim", "author": speaker, "appearance": appearance}
    if article["published_at"]:
        item["datePublished"] = article["published_at"]
    org = newsroom()
    review = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": review_url(article, record),
        "claimReviewed": record["content"],
        "datePublished": (verdict["published_at"] or verdict["created_at"])[:10],
        "inLanguage": article["language"],
        "author": {"@type": "Organization", "name": org["name"], "url": org["url"]},
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if record["headline"]:
        review["name"] = record["headline"]
    return review


def claim_reviews(report: Report) -> list[dict]:
    """The report's ClaimReviews, in reading order."""
    articles = {article["id"]: article for article in report.articles(with_text=False)}
    bounds = rating_bounds()
    reviews = (claim_review(record, articles[record["article"]], bounds) for record in report.records())
    return [review for review in reviews if review is not None]


def render(report: Report) -> Iterator[str]:
    yield json.dumps(claim_reviews(report), ensure_ascii=False, indent=2)
