"""The article page shows the text with every claim in place."""

import html as html_module
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from claims.admin import articles
from claims.admin.highlight import Span, render
from claims.models import Scale, Speaker, Verdict
from tests.factories import ARABIC_TEXT, ENGLISH_TEXT, make_article, make_claim, rating


def span(start, end, name):
    return Span(
        start=start,
        end=end,
        open_html=f'<mark data-n="{name}">',
        continued_html=f'<mark data-n="{name}" class="cont">',
        close_html="</mark>",
        badge_html=f'<a data-badge="{name}"></a>',
    )


class Tree(HTMLParser):
    """Checks that tags nest properly and collects each mark's text."""

    def __init__(self):
        super().__init__()
        self.stack, self.text, self.marks = [], [], {}

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for tag, attrs in self.stack:
            if tag == "mark":
                name = attrs.get("data-n") or attrs.get("data-claim")
                self.marks[name] = self.marks.get(name, "") + data


def parse(html):
    tree = Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == []
    return tree


def test_the_rendered_text_is_the_article_text_exactly():
    text = "Line one <b>&amp;</b>\nline two\r\n\nthree 😀 end"
    html = render(text, [span(5, 12, "a")])
    assert "".join(parse(html).text) == text
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_each_piece_carries_its_code_point_offset():
    text = "😀😀 ab\ncd"
    html = render(text, [span(3, 4, "a")])
    offsets = [int(o) for o in re.findall(r'data-o="(\d+)"', html)]
    pieces = re.findall(r'<span class="fc-t" data-o="\d+">(.*?)</span>', html, re.S)
    assert offsets == [0, 3, 4, 6]  # the emoji count one each, as in Python
    assert pieces == ["😀😀 ", "a", "b\n", "cd"]


def test_nested_spans_nest():
    text = "0123456789"
    tree = parse(render(text, [span(0, 10, "outer"), span(3, 6, "inner")]))
    assert tree.marks == {"outer": text, "inner": "345"}


def test_crossing_spans_are_clipped_and_stay_well_formed():
    text = "0123456789ABCDEF"
    html = render(text, [span(0, 10, "a"), span(5, 15, "b")])
    tree = parse(html)
    assert tree.marks == {"a": "0123456789", "b": "56789ABCDE"}
    assert html.count('data-n="b" class="cont"') == 1  # b resumes once after a closes


def test_each_badge_follows_the_last_piece_of_its_span():
    html = render("0123456789ABCDEF", [span(0, 10, "a"), span(5, 15, "b")])
    assert html.count('data-badge="a"') == html.count('data-badge="b"') == 1
    # a ends after "9" (b is clipped there) and b after "E".
    assert '>56789</span></mark></mark><a data-badge="a"></a><mark data-n="b" class="cont">' in html
    assert '>ABCDE</span></mark><a data-badge="b"></a>' in html


def test_identical_spans_and_spans_outside_the_text():
    text = "abcdef"
    tree = parse(render(text, [span(1, 4, "x"), span(1, 4, "y"), span(4, 99, "bad"), span(3, 3, "empty")]))
    assert tree.marks == {"x": "bcd", "y": "bcd"}


@pytest.mark.django_db
def test_the_article_page_highlights_every_claim_with_its_kind_and_verdicts(client, factchecker):
    article = make_article(ARABIC_TEXT)
    minister = Speaker.objects.resolve("الوزير")
    growth = make_claim(article, "الاقتصاد ينمو بسرعة", speaker=minister, cue="قال", kind="indirect")
    jobs = make_claim(article, "البطالة تراجعت", speaker=minister, cue="أضاف", kind="direct")
    Verdict.objects.create(claim=growth, scale=Scale.CONTENT, rating=rating("content", "false"))
    client.force_login(factchecker)

    html = client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()

    assert 'id="fc-text" dir="rtl" lang="ar"' in html
    marks = re.findall(
        r'<mark class="fc-span fc-kind-(\w+)" data-claim="(\d+)" data-href="([^"]+)" title="([^"]*)"', html
    )
    assert [(kind, int(pk)) for kind, pk, _, _ in marks] == [("indirect", growth.pk), ("direct", jobs.pk)]
    assert marks[0][2] == reverse("admin:claims_claim_change", args=[growth.pk])
    tooltip = marks[0][3]
    assert "الوزير" in tooltip and "قال" in tooltip and "False" in tooltip
    badge = re.search(rf'<a class="fc-badge" id="claim-{growth.pk}"[^>]*>(.*?)</a>', html, re.S).group(1)
    assert "fc-scale-content" in badge and "#a40e26" in html  # the rating's colour
    # The claims beside the text, in reading order, with the speaker isolated.
    listed = re.findall(r'<li class="fc-claim-item[^"]*" data-claim="(\d+)"', html)
    assert listed == [str(growth.pk), str(jobs.pk)]
    assert '<bdi class="fc-speaker">الوزير</bdi>' in html


@pytest.mark.django_db
def test_an_english_article_is_left_to_right_and_its_text_is_escaped(client, factchecker):
    article = make_article(
        'Evil <script>alert("x")</script> said the minister. ' + ENGLISH_TEXT, language="en"
    )
    make_claim(article, "<script>alert")
    client.force_login(factchecker)

    html = client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()

    assert 'id="fc-text" dir="ltr" lang="en"' in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


@pytest.mark.django_db
def test_overlapping_claims_on_the_page_stay_well_formed(client, factchecker):
    article = make_article(ENGLISH_TEXT)
    make_claim(article, "The minister said the economy")
    make_claim(article, "the economy was growing fast")
    make_claim(article, "economy")
    client.force_login(factchecker)

    html = client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()
    pane = re.search(r'<div class="fc-text" id="fc-text"[^>]*>(.*?)</div>\s*\n', html, re.S).group(1)

    tree = Tree()
    tree.feed(pane)
    assert tree.stack == []
    pieces = re.findall(r'<span class="fc-t" data-o="\d+">(.*?)</span>', pane, re.S)
    assert html_module.unescape("".join(pieces)) == article.text
    assert pane.count("fc-cont") == 1  # the crossing claim resumes once


@pytest.mark.django_db
def test_text_the_extractor_skipped_is_dimmed(client, factchecker, monkeypatch):
    article = make_article("Photo: a caption (AP)\nThe minister said the economy was growing.")
    monkeypatch.setattr(articles, "skipped_spans", lambda text, language: [(0, 21, "caption")])
    client.force_login(factchecker)

    html = client.get(reverse("admin:claims_article_change", args=[article.pk])).content.decode()

    assert (
        '<span class="fc-skipped" data-reason="caption" title="Skipped by extraction: photo caption">' in html
    )
    pane = html[html.index('id="fc-text"') :]
    dimmed = re.search(r'class="fc-skipped"[^>]*>(.*?)</span></span>', pane, re.S).group(1)
    assert "a caption (AP)" in dimmed


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "und"])
def test_an_article_in_a_language_the_extractor_does_not_read_still_shows(client, factchecker, language):
    article = make_article("Le ministre a dit que l'économie croît.", language=language)
    make_claim(article, "l'économie croît")
    client.force_login(factchecker)

    response = client.get(reverse("admin:claims_article_change", args=[article.pk]))

    assert response.status_code == 200
    assert (
        'data-claim="' in response.content.decode()
        and "fc-skipped" not in response.content.decode().split('id="fc-text"')[1]
    )
