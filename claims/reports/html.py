"""The printable HTML report: one self-contained page (no external assets, no
network) that the browser shows, a desk prints, and WeasyPrint turns into the
PDF.

The interface (headings, labels) speaks the current translation; the page's
direction and fonts follow the article, so an Arabic article reads right to
left even in the English interface. User text carries `dir="auto"` so an
English source title inside an Arabic report keeps its own direction.
"""

import json
import re
import unicodedata
from collections.abc import Iterator

from django.template.loader import render_to_string
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi, get_language_info
from django.utils.translation import gettext_lazy as _

from claims.models import Article, ClaimKind, ClaimStatus, Rating, Scale, SpeakerKind, Stance, VerdictStatus
from claims.reports.chart import bar_chart
from claims.reports.records import Report, newsroom

TEMPLATE = "reports/report.html"
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLOUR = "#6e7781"
# Shorter than the scales' own labels ("content (is it true?)"), which read
# badly beside a badge and mirror oddly in a right-to-left line.
SCALE_NAMES = {Scale.CONTENT.value: _("Content"), Scale.ATTRIBUTION.value: _("Attribution")}

# The characters that could end a <script> element or open a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script_json(value):
    """JSON that is safe inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(value, ensure_ascii=False, indent=2).translate(_SCRIPT_ESCAPES))


def safe_url(url):
    """The URL when it is an ordinary web address, else None: never a javascript: link."""
    if url and url.split(":", 1)[0].lower() in ("http", "https"):
        return url
    return None


def text_colour(background):
    """Black or white, whichever reads better on the badge's colour (WCAG luminance)."""
    red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(channel):
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    # Contrast against white is (1.05)/(L+0.05), against black (L+0.05)/0.05.
    return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 else "#1f2328"


def _label(choices, value):
    try:
        return choices(value).label
    except ValueError:
        return value


def first_strong_direction(text):
    """The direction of the text's first strong character, as dir="auto" finds it: "ltr", "rtl" or None."""
    for char in text or "":
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


class Directions:
    """The `dir` of user text: "auto" for browsers; worked out here for WeasyPrint,
    which does not implement dir="auto" (an English note in an Arabic report would
    otherwise get its full stop at the wrong end)."""

    def __init__(self, resolve=False, fallback="ltr"):
        self.resolve, self.fallback = resolve, fallback

    def __call__(self, text):
        if not self.resolve:
            return "auto"
        return first_strong_direction(text) or self.fallback

    def of(self, record):
        """The record with `dirs`: a direction for each of its text values."""
        return record | {"dirs": {k: self(v) for k, v in record.items() if isinstance(v, str)}}


def _verdict(verdict, direction):
    if verdict is None:
        return None
    colour = verdict["colour"] if COLOUR.match(verdict["colour"] or "") else DEFAULT_COLOUR
    return direction.of(verdict) | {
        "colour": colour,
        "scale_label": SCALE_NAMES.get(verdict["scale"], verdict["scale"]),
        "text_colour": text_colour(colour),
        "is_draft": verdict["status"] == VerdictStatus.DRAFT,
        "published_on": parse_datetime(verdict["published_at"]) if verdict["published_at"] else None,
    }


def claim_view(record, direction=None):
    """The record with the display values the templates need."""
    direction = direction or Directions()
    return direction.of(record) | {
        "kind_label": _label(ClaimKind, record["kind"]),
        "status_label": _label(ClaimStatus, record["status"]),
        "speaker_kind_label": _label(SpeakerKind, record["speaker_kind"]) if record["speaker_kind"] else "",
        "current": [
            v
            for v in (
                _verdict(record["content_verdict"], direction),
                _verdict(record["attribution"], direction),
            )
            if v
        ],
        "notes": [direction.of(note) for note in record.get("notes", [])],
        "links": [
            direction.of(link)
            | {
                "href": safe_url(link["url"]),
                "archive_href": safe_url(link["archive_url"]),
                "stance_label": _label(Stance, link["stance"]),
            }
            for link in record["sources"]
        ],
    }


def verdict_counts(claims, scale):
    """{rating slug: number of claims whose current verdict on the scale has it}."""
    key = "content_verdict" if scale == Scale.CONTENT else "attribution"
    counts = {}
    for claim in claims:
        verdict = claim[key]
        if verdict is not None:
            counts[verdict["rating"]] = counts.get(verdict["rating"], 0) + 1
    return counts


def charts(claims, rtl):
    """An SVG bar chart per scale that has verdicts, content first."""
    found = []
    ratings = Rating.objects.order_by("scale", "order", "id")
    for scale, title in (
        (Scale.CONTENT, _("Content verdicts")),
        (Scale.ATTRIBUTION, _("Attribution verdicts")),
    ):
        counts = verdict_counts(claims, scale)
        if not counts:
            continue
        rows = [
            (rating.slug, rating.display_label, rating.colour, counts.get(rating.slug, 0))
            for rating in ratings
            if rating.scale == scale
        ]
        found.append({"scale": scale.value, "title": title, "svg": bar_chart(rows, title, rtl=rtl)})
    return found


def is_rtl(language):
    return Article(language=language).is_rtl


def language_name(code):
    """The language's name in the interface language ("Arabic", "العربية"), or its code."""
    for candidate in (code, code.split("-")[0]):
        try:
            return get_language_info(candidate)["name_translated"]
        except KeyError:
            continue
    return code


def _date(value):
    if not value:
        return None
    return parse_date(value) if len(value) == 10 else parse_datetime(value)


def context(report: Report, json_ld=None, resolve_directions=False):
    direction = Directions(resolve_directions, "rtl" if report.is_rtl else "ltr")
    claims = [claim_view(record, direction) for record in report.records()]
    by_article = {}
    for claim in claims:
        by_article.setdefault(claim["article"], []).append(claim)
    articles = []
    for article in report.articles():
        article = direction.of(article) | {
            "published_on": _date(article["published_at"]),
            "href": safe_url(article["url"]),
            "rtl": is_rtl(article["language"]),
            "language_name": language_name(article["language"]),
        }
        articles.append({"article": article, "claims": by_article.get(article["id"], [])})
    language = get_language() or "en"
    return {
        "report": report,
        "title": report.title,
        "title_dir": direction(report.title),
        "newsroom_dir": direction(newsroom()["name"]),
        "is_public": report.is_public,
        "ui_language": language,
        "ui_dir": "rtl" if get_language_bidi() else "ltr",
        "language": report.language,
        "rtl": report.is_rtl,
        "arabic_font": report.is_rtl or language.split("-")[0] == "ar",
        "newsroom": newsroom(),
        "generated_at": report.generated_at,
        "articles": articles,
        "claim_count": len(claims),
        "charts": charts(claims, report.is_rtl),
        "json_ld": script_json(json_ld) if json_ld is not None else None,
    }


def document(report: Report, json_ld=None, resolve_directions=False) -> str:
    """The whole page; `json_ld` (a list of ClaimReview dicts) is embedded when given.
    `resolve_directions` writes each user text's direction out instead of "auto" (for WeasyPrint)."""
    return render_to_string(TEMPLATE, context(report, json_ld, resolve_directions))


def render(report: Report) -> Iterator[str]:
    yield document(report)
