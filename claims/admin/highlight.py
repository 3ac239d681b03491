"""An article's text as HTML, with its claim spans (and skipped text) marked in place.

The text is walked once from boundary to boundary. Spans may nest (a quote
inside a longer indirect claim) or cross each other; the output is always
well-formed: when an outer span closes while an inner one is still open, the
inner one is closed and reopened after it ("clipped"), and the reopened piece
carries the class `fc-cont`. A span's badge comes right after its last piece.

Every piece of text sits in `<span class="fc-t" data-o="N">` where N is the
code-point offset of its first character in `article.text`: the browser
script that turns a selection into offsets counts from there (JavaScript
strings count UTF-16 units, Python counts code points). Pieces also start at
every line, so a CR that the HTML parser folds away can never shift an
offset past the end of its line.
"""

from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Span:
    """One marked range of the text. `open_html`/`badge_html` must be safe HTML."""

    start: int
    end: int
    open_html: str
    close_html: str
    continued_html: str = ""  # the opening tag used when a clipped span resumes
    badge_html: str = ""
    rank: int = 0  # at equal offsets, a lower rank is the outer element
    key: object = field(default=None, compare=False)

    def sort_key(self):
        # Outer first: earlier start, then longer span, then lower rank.
        return (self.start, -self.end, self.rank)


def render(text: str, spans) -> SafeString:
    """The whole text as safe HTML with the spans marked; spans outside the text are dropped."""
    length = len(text)
    spans = sorted(
        (s for s in spans if 0 <= s.start < s.end <= length),
        key=Span.sort_key,
    )
    points = {0, length}
    for span in spans:
        points.add(span.start)
        points.add(span.end)
    position = text.find("\n")
    while position != -1:
        points.add(position + 1)
        position = text.find("\n", position + 1)
    points = sorted(p for p in points if p <= length)

    starting = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)

    out = []
    stack = []  # the spans open right now, outermost first
    active = []  # the spans covering the current position, in sort order
    for index, point in enumerate(points):
        active = [s for s in active if s.end > point]
        active.extend(starting.get(point, ()))
        active.sort(key=Span.sort_key)

        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        for span in reversed(stack[keep:]):
            out.append(span.close_html)
            if span.end == point:
                out.append(span.badge_html)
        stack = stack[:keep]
        for span in active[keep:]:
            out.append(span.open_html if span.start == point else (span.continued_html or span.open_html))
            stack.append(span)

        if index + 1 < len(points):
            following = points[index + 1]
            if following > point:
                out.append(
                    format_html('<span class="fc-t" data-o="{}">{}</span>', point, text[point:following])
                )
    for span in reversed(stack):
        out.append(span.close_html)
        out.append(span.badge_html)
    return mark_safe("".join(out))


def context_html(before: str, claim: str, after: str) -> SafeString:
    """A claim's paragraph with the claim itself marked."""
    return format_html('{}<mark class="fc-span fc-current">{}</mark>{}', before, claim, after)
