"""A small horizontal bar chart as inline SVG, for the HTML and PDF reports.

Drawn here rather than by a charting library so that the report stays one
self-contained page: no script, no external file, and WeasyPrint draws it too.
The coordinates are absolute and the SVG's own direction is left-to-right;
for a right-to-left report the chart is mirrored by computing positions from
the right, so labels sit on the reading side in both.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 460
LABEL_WIDTH = 150
GAP = 8
ROW = 19
BAR = 13
COUNT_ROOM = 36  # for the number after the longest bar


def bar_chart(rows, title, rtl=False):
    """rows: [(key, label, colour, count)] in display order -> SVG markup (safe)."""
    most = max((count for *_, count in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - GAP - COUNT_ROOM
    height = ROW * len(rows) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" direction="ltr" '
        f'font-size="11" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (key, label, colour, count) in enumerate(rows):
        top = 2 + index * ROW
        middle = top + ROW / 2
        width = round(span * count / most, 1)
        if rtl:
            bar_end = WIDTH - LABEL_WIDTH - GAP
            label_x, label_anchor = WIDTH - LABEL_WIDTH, "start"
            bar_x = bar_end - width
            count_x, count_anchor = bar_x - 5, "end"
        else:
            label_x, label_anchor = LABEL_WIDTH, "end"
            bar_x = LABEL_WIDTH + GAP
            count_x, count_anchor = bar_x + width + 5, "start"
        parts.append(
            f'<g class="bar" data-rating="{escape(key)}" data-count="{count}">'
            f'<text x="{label_x}" y="{middle}" text-anchor="{label_anchor}" '
            f'dominant-baseline="central">{escape(label)}</text>'
            f'<rect x="{bar_x}" y="{top + (ROW - BAR) / 2}" width="{width}" height="{BAR}" '
            f'rx="2" fill="{escape(colour)}"/>'
            f'<text x="{count_x}" y="{middle}" text-anchor="{count_anchor}" '
            f'dominant-baseline="central" class="count">{count}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
