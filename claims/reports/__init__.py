"""Reports: a selection of claims for an audience, in CSV, JSON, ClaimReview
JSON-LD, Markdown, HTML or PDF.

    report = Report.for_article(article, Audience.PUBLIC)
    response = http_response(report, "pdf")            # in a view
    for chunk in render(report, "csv"): ...            # anywhere else

Every format module has `render(report)`, an iterator of str (or bytes for
PDF) chunks; CSV and JSON stream, the others are small enough to build whole.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import import_module

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from claims.reports.records import Audience, Report

__all__ = ["FORMATS", "Audience", "Format", "Report", "UnknownFormat", "http_response", "render"]


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    content_type: str
    extension: str
    module: str
    streams: bool = False
    inline: bool = False  # shown in the browser rather than downloaded


FORMATS = {
    f.key: f
    for f in [
        Format("csv", _("CSV"), "text/csv; charset=utf-8", "csv", "csv", streams=True),
        Format("json", _("JSON"), "application/json; charset=utf-8", "json", "json", streams=True),
        Format("jsonld", _("ClaimReview JSON-LD"), "application/ld+json; charset=utf-8", "jsonld", "jsonld"),
        Format("md", _("Markdown"), "text/markdown; charset=utf-8", "md", "markdown"),
        Format("html", _("HTML"), "text/html; charset=utf-8", "html", "html", inline=True),
        Format("pdf", _("PDF"), "application/pdf", "pdf", "pdf"),
    ]
}


class UnknownFormat(ValueError):
    def __init__(self, key):
        super().__init__(f"unknown report format {key!r}; choose one of {', '.join(FORMATS)}")
        self.key = key


def get_format(key) -> Format:
    try:
        return FORMATS[key]
    except KeyError:
        raise UnknownFormat(key) from None


def render(report: Report, key: str) -> Iterator[str | bytes]:
    fmt = get_format(key)
    # Imported on use: the PDF format brings WeasyPrint, which is slow to load.
    return import_module(f"claims.reports.{fmt.module}").render(report)


def filename(report: Report, key: str) -> str:
    if report.article is not None:
        stem = f"report-{report.article.slug}"
    else:
        stem = f"claims-{timezone.localtime(report.generated_at):%Y%m%d-%H%M}"
    return f"{stem}-{report.audience.value}.{get_format(key).extension}"


def http_response(report: Report, key: str, attachment=None):
    fmt = get_format(key)
    chunks = render(report, key)
    if fmt.streams:
        response = StreamingHttpResponse(c.encode() if isinstance(c, str) else c for c in chunks)
    else:
        response = HttpResponse(b"".join(c.encode() if isinstance(c, str) else c for c in chunks))
    response["Content-Type"] = fmt.content_type
    as_attachment = not fmt.inline if attachment is None else attachment
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename(report, key))
    # Internal reports hold notes and drafts: never into a shared cache.
    response["Cache-Control"] = "private, no-store" if not report.is_public else "private, max-age=0"
    return response
