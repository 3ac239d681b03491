"""CSV for the desk's spreadsheet: one row per claim, streamed.

UTF-8 with a byte-order mark, so that Excel reads the Arabic as UTF-8. A cell
that a spreadsheet would take for a formula (it begins with =, +, -, @, a tab
or a carriage return) is prefixed with an apostrophe, as OWASP advises against
CSV injection: a quote from an article must never run as a formula.
"""

import csv
from collections.abc import Iterator
from itertools import islice

from claims.models import Article
from claims.reports.records import CHUNK_SIZE, Report

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = [
    "claim_id",
    "article_id",
    "article",
    "article_url",
    "speaker",
    "speaker_role",
    "cue",
    "content",
    "kind",
    "headline",
    "status",
    "attribution_rating",
    "content_rating",
    "explanation",
    "source_urls",
]
INTERNAL_COLUMNS = ["assignee", "notes"]


def neutralise(value):
    """The cell as text, defused when a spreadsheet would evaluate it."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Line:
    """A file-like object that hands back what the csv writer writes."""

    def write(self, value):
        return value


def columns(report: Report):
    return COLUMNS if report.is_public else COLUMNS + INTERNAL_COLUMNS


def rows(report: Report) -> Iterator[list]:
    records = report.records()
    while chunk := list(islice(records, CHUNK_SIZE)):
        # Titles and URLs of the chunk's articles in one query: one per article
        # was a third of a large export's time.
        articles = _article_briefs({record["article"] for record in chunk})
        for record in chunk:
            yield _row(report, record, articles.get(record["article"], ("", "")))


def _row(report, record, article):
    content = record["content_verdict"] or {}
    attribution = record["attribution"] or {}
    row = [
        record["id"],
        record["article"],
        article[0],
        article[1],
        record["speaker_name"],
        record["speaker_role"],
        record["cue"],
        record["content"],
        record["kind"],
        record["headline"],
        record["status"],
        attribution.get("rating_label", ""),
        content.get("rating_label", ""),
        content.get("explanation", ""),
        "\n".join(link["url"] for link in record["sources"] if link["url"]),
    ]
    if not report.is_public:
        row += [record["assignee"] or "", "\n\n".join(note["body"] for note in record["notes"])]
    return row


def _article_briefs(ids):
    return {
        pk: (title, url)
        for pk, title, url in Article.objects.filter(pk__in=ids).values_list("pk", "title", "url")
    }


def render(report: Report) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(columns(report))
    for row in rows(report):
        yield writer.writerow([neutralise(cell) for cell in row])
