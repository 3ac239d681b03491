"""The public report page /reports/<id or slug>/: open to anyone, published work only."""

import json

import pytest
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from claims.admin.articles import report_links
from claims.models import ClaimSource, Scale, Verdict
from tests.factories import make_article, make_claim, make_source, rating
from tests.reports_support import (
    DRAFT_CONTENT,
    DRAFT_EXPLANATION,
    NOTE_ON_DRAFT,
    NOTE_ON_PUBLISHED,
    PUBLISHED_CONTENT,
    parse_html,
    squash,
    work_on_seed,
)


@pytest.fixture
def worked(seed_article, editor, factchecker):
    return work_on_seed(seed_article, editor, factchecker)


def url(key):
    return reverse("reports:article", args=[key])


def json_ld(response):
    document = parse_html(response.content.decode())
    scripts = list(document.find_all("script", type="application/ld+json"))
    assert len(scripts) == 1
    return json.loads(scripts[0].text())


def test_it_serves_the_public_report_by_its_arabic_slug_to_anyone(client, worked):
    response = client.get(url(worked.article.slug))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    document = parse_html(response.content.decode())
    assert document.find("html").attrs["dir"] == "rtl"
    assert [squash(q.text()) for q in document.find_all("blockquote", class_="content")] == [
        PUBLISHED_CONTENT
    ]
    page = response.content.decode()
    for private in (NOTE_ON_PUBLISHED, NOTE_ON_DRAFT, DRAFT_CONTENT, DRAFT_EXPLANATION, "fatima", "edward"):
        assert private not in page


def test_it_serves_the_same_report_by_id(client, worked):
    by_id = client.get(url(worked.article.pk))
    assert by_id.status_code == 200
    assert PUBLISHED_CONTENT in by_id.content.decode()


def test_it_embeds_one_claim_review_per_published_content_verdict(client, worked):
    reviews = json_ld(client.get(url(worked.article.slug)))
    assert isinstance(reviews, list) and len(reviews) == 1
    assert reviews[0]["@type"] == "ClaimReview"


def test_it_keeps_quotes_from_closing_the_json_ld_script(client, editor):
    content = "</script><script>alert(1)</script> is harmless"
    article = make_article(text=f"The minister said {content}.", title="Script")
    claim = make_claim(article, content)
    Verdict.objects.create(claim=claim, scale=Scale.CONTENT, rating=rating("content", "false"))
    ClaimSource.objects.create(claim=claim, source=make_source())
    claim.publish(by=editor)
    response = client.get(url(article.slug))
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld(response)[0]["@type"] == "ClaimReview"


def test_it_hides_an_article_without_published_claims(client, seed_article):
    assert seed_article.claims.exists()
    assert client.get(url(seed_article.slug)).status_code == 404
    assert client.get(url(seed_article.pk)).status_code == 404


@pytest.mark.parametrize("key", ["no-such-article", "999999", "9" * 40, "١٢", "لا-يوجد"])
def test_it_answers_404_for_unknown_articles(client, worked, key):
    assert client.get(url(key)).status_code == 404


def test_it_answers_head_but_refuses_writes(client, worked):
    assert client.head(url(worked.article.slug)).status_code == 200
    assert client.post(url(worked.article.slug)).status_code == 405


def test_it_speaks_the_interface_language_of_the_visitor(client, worked):
    response = client.get(url(worked.article.slug), HTTP_ACCEPT_LANGUAGE="ar")
    document = parse_html(response.content.decode())
    assert document.find("html").attrs["lang"] == "ar"
    bar = document.find("figure", data_scale="content").find("g", data_rating="false")
    assert bar.find("text").text() == "خاطئ"


def test_it_is_the_page_the_admin_links_to(client, worked, viewer):
    links = dict((url_, label) for label, url_ in report_links(worked.article, viewer))
    public = iri_to_uri(f"/reports/{worked.article.slug}/")
    assert public in links
    assert client.get(public).status_code == 200
