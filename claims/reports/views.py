"""The public report page of an article: /reports/<id or slug>/.

Open to anyone: it shows the public audience's report, the published
fact-checks only, with their ClaimReview JSON-LD in the page for search
engines. An article without published fact-checks is a 404, the same 404 as
an article that does not exist, so the page never reveals work in progress.
"""

import re

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from claims.models import Article
from claims.reports import jsonld
from claims.reports.html import document
from claims.reports.records import Audience, Report

# Longer numbers are not ids (and would overflow the database's integer).
ID = re.compile(r"[0-9]{1,18}")


def find_article(key):
    """The article by slug (slugs may be Unicode), or by id when the key is ASCII digits."""
    article = Article.objects.filter(slug=key).first()
    if article is None and ID.fullmatch(key):
        article = Article.objects.filter(pk=int(key)).first()
    return article


@require_safe
def article_report(request, key):
    article = find_article(key)
    if article is None:
        raise Http404
    report = Report.for_article(article, Audience.PUBLIC)
    if not report.claim_queryset().exists():
        raise Http404
    return HttpResponse(document(report, json_ld=jsonld.claim_reviews(report)))
