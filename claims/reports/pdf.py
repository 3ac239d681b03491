"""The PDF report: WeasyPrint lays out the same page as the HTML report.

WeasyPrint shapes text with HarfBuzz and orders it with the Unicode bidi
algorithm, so Arabic comes out joined and right to left, provided an Arabic
font is installed (fonts-noto-core: the page asks for Noto Naskh Arabic).

The page needs no file and no network; WeasyPrint is given a fetcher that
refuses every URL, so nothing in a report can make the server fetch anything.
"""

from collections.abc import Iterator

from claims.reports.html import document
from claims.reports.records import Report


class FetchRefused(ValueError):
    pass


def refuse(url, *args, **kwargs):
    raise FetchRefused(f"reports fetch nothing: {url}")


def pdf_bytes(report: Report) -> bytes:
    # Imported here: WeasyPrint takes a while to load and only PDFs need it.
    from weasyprint import HTML

    html = HTML(string=document(report, resolve_directions=True), url_fetcher=refuse, base_url=None)
    return html.write_pdf()


def render(report: Report) -> Iterator[bytes]:
    yield pdf_bytes(report)
