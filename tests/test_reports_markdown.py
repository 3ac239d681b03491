"""The Markdown report: read back through a CommonMark parser, as a repository or chat shows it."""

import pytest
from django.utils import translation
from markdown_it import MarkdownIt

from claims.models import Claim, ClaimSource, Scale, Verdict
from claims.reports import Audience, Report, render
from claims.reports.markdown import escape
from tests.factories import make_article, make_claim, make_source, rating
from tests.reports_support import (
    DRAFT_CONTENT,
    DRAFT_EXPLANATION,
    NOTE_ON_DRAFT,
    NOTE_ON_PUBLISHED,
    PUBLISHED_CONTENT,
    PUBLISHED_EXPLANATION,
    SOURCE_EXCERPT,
    SOURCE_TITLE,
    SOURCE_URL,
    parse_html,
    squash,
    work_on_seed,
)


@pytest.fixture
def worked(seed_article, editor, factchecker):
    return work_on_seed(seed_article, editor, factchecker)


def markdown(article, audience):
    with translation.override("en"):
        return "".join(render(Report.for_article(article, audience), "md"))


def shown(text):
    """The Markdown as the HTML a viewer would render (GFM tables and strikethrough on)."""
    return parse_html(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text))


def quotes(text, claims_only=False):
    """The block quotes: each claim's content, and the sources' excerpts (inside their list items)."""
    found = shown(text).find_all("blockquote")
    if claims_only:
        found = [quote for quote in found if quote.parent.tag != "li"]
    return [squash(quote.text()) for quote in found]


def test_it_reports_the_published_claim_with_verdict_explanation_and_source(worked):
    text = markdown(worked.article, Audience.PUBLIC)
    document = shown(text)
    assert document.find("h1").text() == worked.article.title
    assert quotes(text) == [PUBLISHED_CONTENT, SOURCE_EXCERPT], "the claim, then the source's excerpt"
    heading = document.find("h3").text()
    assert worked.published.speaker_text in heading
    assert "**Content:** **False**" in text
    assert PUBLISHED_EXPLANATION in squash(document.text())
    [link] = [a for a in document.find_all("a") if a.attrs["href"] == SOURCE_URL]
    assert link.text() == SOURCE_TITLE
    assert "refutes" in link.parent.text()
    assert "TRT عربي" in text and "2021-12-03" in text


def test_it_leaks_no_notes_drafts_or_names_to_the_public(worked):
    text = markdown(worked.article, Audience.PUBLIC)
    for private in (NOTE_ON_PUBLISHED, NOTE_ON_DRAFT, DRAFT_CONTENT, DRAFT_EXPLANATION, "fatima", "edward"):
        assert private not in text
    assert "draft" not in text.lower() and "Assignee" not in text


def test_it_shows_status_assignee_notes_and_drafts_internally(worked):
    text = markdown(worked.article, Audience.INTERNAL)
    assert "Internal report" in text
    section = text.split(DRAFT_CONTENT, 1)[1].split("### ", 1)[0]
    assert "**Unproven** *(draft, not published)*" in section
    assert DRAFT_EXPLANATION in section and NOTE_ON_DRAFT in section
    assert "**Status:** in review" in section and "**Assignee:** fatima" in section
    assert NOTE_ON_PUBLISHED in text.split(PUBLISHED_CONTENT, 1)[1]


def test_it_keeps_every_arabic_claim_intact_and_in_order(worked):
    expected = [squash(c.content) for c in Claim.objects.filter(article=worked.article).order_by("start")]
    assert quotes(markdown(worked.article, Audience.INTERNAL), claims_only=True) == expected


def test_it_escapes_markdown_in_user_text(editor):
    content = (
        "*all* of [this](https://evil.example) <b>rose</b> | ~~by~~ `10` & #1\n# Heading\n1. item\n- point"
    )
    article = make_article(text=f"The minister said {content}\nThe end.", title="_Wages_ [x](y)")
    claim = make_claim(article, content, speaker_text="Jo *Bloggs*")
    Verdict.objects.create(
        claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"), explanation="<script>x</script>"
    )
    ClaimSource.objects.create(claim=claim, source=make_source(title="[Bulletin](javascript:alert(1))"))
    ClaimSource.objects.create(
        claim=claim, source=make_source(title="Evil", url="javascript:alert(1)", publisher="*P*")
    )
    claim.publish(by=editor)
    text = markdown(article, Audience.PUBLIC)
    document = shown(text)
    for tag in ("em", "strong", "code", "s", "del", "table", "ol", "h2", "b", "script"):
        found = [n for n in document.find_all(tag) if not n.text().endswith(":")]  # our own bold labels
        if tag == "strong":
            found = [n for n in found if n.text() != "False"]
        if tag == "h2":
            found = [n for n in found if n.text() != "Article"]
        assert not found, (tag, [n.text() for n in found])
    assert [a.attrs["href"] for a in document.find_all("a")] == []
    assert document.find("h1").text() == "_Wages_ [x](y)"
    assert quotes(text)[0] == squash(content)
    assert "Jo *Bloggs*" in document.find("h3").text()
    assert "<script>x</script>" in document.text()


@pytest.mark.parametrize(
    "text",
    ["1. not a list", "- not a list", "+ nor this", "=== nor a heading", "> nor a quote", "    nor code"],
)
def test_it_keeps_line_starts_from_becoming_blocks(text):
    document = shown(f"Before\n\n{escape(text)}\n")
    assert squash(document.text()) == f"Before {text.strip()}"
    assert [n.tag for n in document.children if not isinstance(n, str)] == ["p", "p"]


def test_it_reports_published_fact_checks_across_articles_under_their_titles(worked):
    with translation.override("en"):
        text = "".join(render(Report.published(), "md"))
    assert [h.text() for h in shown(text).find_all("h2")] == [worked.article.title]
    assert quotes(text)[0] == PUBLISHED_CONTENT
