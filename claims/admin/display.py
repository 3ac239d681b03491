"""Small HTML pieces the review desk shows everywhere: verdict pills, status
chips, speaker names, and the marks that put claims into an article's text.

Claims passed here carry the annotations of `ClaimQuerySet.with_current_ratings()`
and the ratings come from one `ratings_by_id()` lookup, so a page of any
length costs the same number of queries.
"""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.admin.highlight import Span
from claims.models import ClaimKind, ClaimStatus, Rating, Scale

SHORT_SCALE = {Scale.ATTRIBUTION: _("Attribution"), Scale.CONTENT: _("Content")}
SKIP_REASONS = {
    "caption": _("photo caption"),
    "furniture": _("page furniture"),
    "agency": _("agency line"),
    "byline": _("byline"),
    "dateline": _("dateline"),
}


def ratings_by_id():
    return {rating.pk: rating for rating in Rating.objects.all()}


def current_ratings(claim, ratings):
    """[(scale, rating)] of the claim's current verdicts, attribution first."""
    found = []
    for scale in Scale:
        rating = ratings.get(getattr(claim, f"current_{scale.value}_rating_id", None))
        if rating is not None:
            found.append((scale, rating))
    return found


def verdict_pill(scale, rating):
    return format_html(
        '<span class="fc-pill fc-scale-{}" style="--fc-c: {}" title="{}: {}">{}</span>',
        scale.value,
        rating.colour,
        Scale(scale).label,
        rating.display_label,
        rating.display_label,
    )


def verdict_pills(claim, ratings, empty=""):
    pills = [verdict_pill(scale, rating) for scale, rating in current_ratings(claim, ratings)]
    if not pills:
        return format_html('<span class="fc-none">{}</span>', empty) if empty else mark_safe("")
    return mark_safe("".join(pills))


def status_chip(status):
    return format_html('<span class="fc-status fc-status-{}">{}</span>', status, ClaimStatus(status).label)


def speaker_name(claim):
    if claim.speaker_id is not None:
        return claim.speaker.name
    return claim.speaker_text or gettext("unknown speaker")


def speaker_html(claim):
    return format_html('<bdi class="fc-speaker">{}</bdi>', speaker_name(claim))


def claim_summary(claim, ratings):
    """The tooltip of a claim: speaker, cue, kind, verdicts and status, one per line."""
    lines = [gettext("Speaker: %(name)s") % {"name": speaker_name(claim)}]
    if claim.speaker_role:
        lines[0] += f" ({claim.speaker_role})"
    if claim.cue:
        lines.append(gettext("Cue: %(cue)s") % {"cue": claim.cue})
    lines.append(gettext("Kind: %(kind)s") % {"kind": ClaimKind(claim.kind).label})
    verdicts = dict(current_ratings(claim, ratings))
    for scale in Scale:
        rating = verdicts.get(scale)
        label = rating.display_label if rating else gettext("no verdict yet")
        lines.append(f"{SHORT_SCALE[scale]}: {label}")
    lines.append(gettext("Status: %(status)s") % {"status": ClaimStatus(claim.status).label})
    return "\n".join(lines)


def claim_spans(claims, ratings):
    """A Span per claim, numbered in reading order (the order given)."""
    spans = []
    for number, claim in enumerate(claims, start=1):
        url = reverse("admin:claims_claim_change", args=[claim.pk])
        summary = f"#{number} · {claim_summary(claim, ratings)}"
        attrs = {"kind": claim.kind, "id": claim.pk, "url": url, "title": summary}
        opening = (
            '<mark class="fc-span fc-kind-{kind}{extra}" data-claim="{id}" data-href="{url}" title="{title}">'
        )
        spans.append(
            Span(
                start=claim.start,
                end=claim.end,
                open_html=format_html(opening, extra="", **attrs),
                continued_html=format_html(opening, extra=" fc-cont", **attrs),
                close_html="</mark>",
                badge_html=format_html(
                    '<a class="fc-badge" id="claim-{}" href="{}" data-claim="{}" data-o="{}" title="{}">'
                    '<span class="fc-num">{}</span>{}</a>',
                    claim.pk,
                    url,
                    claim.pk,
                    claim.end,
                    summary,
                    number,
                    verdict_pills(claim, ratings),
                ),
                rank=1,
                key=claim.pk,
            )
        )
    return spans


def skipped_spans_html(skipped):
    """Spans that dim text the extractor skipped: (start, end, reason) triples."""
    spans = []
    for start, end, reason in skipped:
        label = SKIP_REASONS.get(reason, reason)
        title = gettext("Skipped by extraction: %(reason)s") % {"reason": label}
        opening = format_html('<span class="fc-skipped" data-reason="{}" title="{}">', reason, title)
        spans.append(Span(start=start, end=end, open_html=opening, close_html="</span>", rank=0))
    return spans


def pills_legend():
    return format_html_join(
        "",
        '<span class="fc-legend-item"><span class="fc-pill fc-scale-{}" style="--fc-c: #6e7781">{}</span></span>',
        ((scale.value, SHORT_SCALE[scale]) for scale in Scale),
    )
