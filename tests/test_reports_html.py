"""The printable HTML report: what a reader of the page (or its print) sees."""

import json
import re
from collections import Counter

import pytest
from django.utils import translation

from claims.models import Claim, ClaimSource, Scale, Verdict
from claims.reports import Audience, Report, render
from claims.reports.html import script_json
from tests.factories import make_article, make_claim, make_source, rating
from tests.reports_support import (
    DRAFT_CONTENT,
    DRAFT_EXPLANATION,
    NOTE_ON_DRAFT,
    NOTE_ON_PUBLISHED,
    PUBLISHED_CONTENT,
    PUBLISHED_EXPLANATION,
    SOURCE_TITLE,
    SOURCE_URL,
    parse_html,
    squash,
    work_on_seed,
)


@pytest.fixture
def worked(seed_article, editor, factchecker):
    return work_on_seed(seed_article, editor, factchecker)


def page(article, audience):
    with translation.override("en"):
        return "".join(render(Report.for_article(article, audience), "html"))


def claim_items(markup):
    return list(parse_html(markup).find_all("li", class_="claim"))


def expected_counts(article, scale, public):
    """Per rating, the claims whose current verdict on the scale has it, from the models themselves."""
    counts = Counter()
    for claim in Claim.objects.filter(article=article):
        if public and claim.status != "published":
            continue
        verdict = claim.current_verdict(scale, published_only=public)
        if verdict is not None:
            counts[verdict.rating.slug] += 1
    return counts


def chart_counts(markup, scale):
    figure = parse_html(markup).find("figure", data_scale=scale)
    assert figure is not None, f"no {scale} chart"
    counts = {}
    for bar in figure.find_all("g", class_="bar"):
        shown = int(bar.find("text", class_="count").text())
        assert shown == int(bar.attrs["data-count"])
        counts[bar.attrs["data-rating"]] = shown
    return counts


def test_it_shows_the_published_claim_with_its_verdict_badge_and_sources_to_the_public(worked):
    markup = page(worked.article, Audience.PUBLIC)
    [claim] = claim_items(markup)
    assert squash(claim.find("blockquote", class_="content").text()) == PUBLISHED_CONTENT
    assert claim.find("blockquote", class_="content").attrs["dir"] == "auto"
    assert claim.find("bdi", class_="speaker").text() == worked.published.speaker_text
    verdict = claim.find("div", class_="verdict", data_scale="content")
    badge = verdict.find("span", class_="badge")
    assert badge.text() == "False"
    assert rating("content", "false").colour in badge.attrs["style"]
    assert squash(verdict.find("div", class_="explanation").text()) == PUBLISHED_EXPLANATION
    link = claim.find("li", class_="source").find("a")
    assert link.attrs["href"] == SOURCE_URL and link.text() == SOURCE_TITLE
    assert claim.find("span", class_="stance").text() == "refutes"


def test_it_leaks_no_notes_drafts_or_names_to_the_public(worked):
    markup = page(worked.article, Audience.PUBLIC)
    for private in (NOTE_ON_PUBLISHED, NOTE_ON_DRAFT, DRAFT_CONTENT, DRAFT_EXPLANATION, "fatima", "edward"):
        assert private not in markup
    body = parse_html(markup).find("body")
    assert "draft" not in body.text().lower()
    assert body.find(class_="draft-mark") is None and body.find(class_="desk") is None


def test_it_shows_status_assignee_notes_and_draft_marks_internally(worked):
    markup = page(worked.article, Audience.INTERNAL)
    items = {squash(li.find("blockquote").text()): li for li in claim_items(markup)}
    assert len(items) == Claim.objects.filter(article=worked.article).count()
    drafted = items[DRAFT_CONTENT]
    assert drafted.find("dd", class_="assignee").text() == "fatima"
    assert drafted.find("dd", class_="status").text() == "in review"
    assert drafted.find("span", class_="draft-mark") is not None
    assert squash(drafted.find("span", class_="body").text()) == NOTE_ON_DRAFT
    published = items[PUBLISHED_CONTENT]
    assert published.find("span", class_="draft-mark") is None
    assert NOTE_ON_PUBLISHED in published.find("ul", class_="notes").text()
    assert parse_html(markup).find("p", class_="internal-mark") is not None


def test_it_lays_an_arabic_article_out_right_to_left_with_an_arabic_font(worked):
    markup = page(worked.article, Audience.PUBLIC)
    document = parse_html(markup)
    html = document.find("html")
    assert html.attrs["dir"] == "rtl" and html.attrs["lang"] == "en"  # interface language, article direction
    assert document.find("section", class_="article").attrs["lang"] == "ar"
    assert "arabic" in document.find("body").attrs["class"].split()
    assert re.search(r'body\.arabic \{\s*font-family: "Noto Naskh Arabic", "Noto Sans Arabic"', markup)
    assert document.find("h1").attrs["dir"] == "auto"


def test_it_lays_an_english_article_out_left_to_right(editor):
    article = make_article(title="Economy", publisher="The Daily")
    claim = make_claim(article, "the economy was growing fast")
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "mostly-true"))
    ClaimSource.objects.create(claim=claim, source=make_source())
    claim.publish(by=editor)
    document = parse_html(page(article, Audience.PUBLIC))
    assert document.find("html").attrs["dir"] == "ltr"
    assert "arabic" not in document.find("body").attrs["class"].split()


def test_it_counts_current_verdicts_per_rating_in_the_chart(worked, factchecker):
    # A correction drafted over the published verdict: the desk sees it, the public still the original.
    published_verdict = worked.published.current_verdict(Scale.CONTENT)
    published_verdict.correct(rating("content", "mostly-false"), "Corrected wording", by=factchecker)
    for audience, public in ((Audience.INTERNAL, False), (Audience.PUBLIC, True)):
        markup = page(worked.article, audience)
        for scale in (Scale.CONTENT, Scale.ATTRIBUTION):
            counts = chart_counts(markup, scale.value)
            expected = expected_counts(worked.article, scale, public)
            assert {slug: n for slug, n in counts.items() if n} == dict(expected), (audience, scale)
            # Every rating of the scale has its bar, even at zero.
            assert len(counts) == rating_count(scale)
    internal = chart_counts(page(worked.article, Audience.INTERNAL), "content")
    assert internal["mostly-false"] == 1 and internal["unproven"] == 1 and internal["false"] == 0


def rating_count(scale):
    from claims.models import Rating

    return Rating.objects.filter(scale=scale).count()


def test_it_translates_the_chart_labels_with_the_interface(worked):
    with translation.override("ar"):
        markup = "".join(render(Report.for_article(worked.article, Audience.PUBLIC), "html"))
    document = parse_html(markup)
    assert document.find("html").attrs["lang"] == "ar"
    bar = document.find("figure", data_scale="content").find("g", data_rating="false")
    assert bar.find("text").text() == "خاطئ"


def test_it_draws_bars_in_proportion_to_the_counts(worked, factchecker):
    other = Claim.objects.get(article=worked.article, content="المواقف متباينة في عدة مواضيع")
    Verdict.objects.create(claim=other, scale=Scale.CONTENT, rating=rating("content", "false"))
    figure = parse_html(page(worked.article, Audience.INTERNAL)).find("figure", data_scale="content")
    widths = {
        bar.attrs["data-rating"]: float(bar.find("rect").attrs["width"])
        for bar in figure.find_all("g", class_="bar")
    }
    assert widths["false"] == pytest.approx(2 * widths["unproven"]) and widths["true"] == 0


def test_it_needs_nothing_from_outside_the_page(worked):
    markup = page(worked.article, Audience.INTERNAL)
    document = parse_html(markup)
    assert document.find("link") is None and document.find("img") is None
    assert not [s for s in document.find_all("script")]
    assert "@import" not in markup and not re.search(r"url\(", markup)


def test_it_escapes_user_text_and_links_only_web_addresses(editor):
    text = 'The minister said <b>wages</b> rose & "<script>alert(1)</script>" was fine.'
    article = make_article(text=text, title="<i>Wages</i>")
    claim = make_claim(article, "<b>wages</b> rose")
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    ClaimSource.objects.create(
        claim=claim, source=make_source(title="<em>Bulletin</em>", url="javascript:alert(1)")
    )
    claim.publish(by=editor)
    markup = page(article, Audience.PUBLIC)
    assert "<b>" not in markup and "<i>" not in markup and "<em>" not in markup
    document = parse_html(markup)
    assert squash(document.find("blockquote", class_="content").text()) == "<b>wages</b> rose"
    assert not [a for a in document.find_all("a") if a.attrs.get("href", "").startswith("javascript")]


def test_it_escapes_json_ld_for_a_script_element():
    escaped = script_json([{"claimReviewed": "</script><script>alert('x')</script> & <!--"}])
    assert "<" not in escaped and ">" not in escaped and "&" not in escaped
    assert json.loads(escaped)[0]["claimReviewed"] == "</script><script>alert('x')</script> & <!--"


def test_it_reports_published_fact_checks_across_articles_under_their_titles(worked, editor):
    article = make_article(title="Economy", publisher="The Daily")
    claim = make_claim(article, "the economy was growing fast")
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "mostly-true"))
    ClaimSource.objects.create(claim=claim, source=make_source(url="https://example.org/other"))
    claim.publish(by=editor)
    with translation.override("en"):
        markup = "".join(render(Report.published(), "html"))
    sections = list(parse_html(markup).find_all("section", class_="article"))
    by_title = {squash(s.find("h2").text()): s for s in sections}
    assert set(by_title) == {worked.article.title, "Economy"}
    assert by_title["Economy"].attrs["dir"] == "ltr" and by_title[worked.article.title].attrs["dir"] == "rtl"
    assert squash(by_title["Economy"].find("blockquote").text()) == "the economy was growing fast"
    counts = chart_counts(markup, "content")
    assert counts["false"] == 1 and counts["mostly-true"] == 1 and sum(counts.values()) == 2
