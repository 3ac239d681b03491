"""The Markdown report, to paste into a repository, a wiki or a chat.

Everything that comes from users or articles is escaped, so a quote holding
`*`, `[…](…)`, `<script>` or a line starting with `#` or `1.` shows as written
and cannot reshape the report. Arabic passes through untouched: escaping only
ever adds a backslash before ASCII punctuation.
"""

import re
from collections.abc import Iterator
from datetime import UTC

from django.utils.translation import gettext as _

from claims.models import ClaimKind, ClaimStatus, Stance, VerdictStatus
from claims.reports.html import SCALE_NAMES, language_name, safe_url
from claims.reports.records import Report, newsroom

# Inline syntax anywhere in a line: emphasis, code, links, raw HTML, tables,
# strikethrough, entities and the escape character itself.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
# Block syntax, only where a line starts: headings and quotes are covered by
# the inline set; lists, rules and setext underlines are not.
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])", re.MULTILINE)


def escape(text) -> str:
    """Text as Markdown that renders exactly as the text."""
    if text is None:
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INLINE.sub(r"\\\1", text)
    # Leading blanks would make an indented code block; a blank line would end the block we are in.
    text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    return _LINE_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), text
    )


def inline(text) -> str:
    """One-line text (a name, a title): escaped, line breaks folded into spaces."""
    return " ".join(escape(text).split("\n"))


def block(text, prefix="") -> str:
    """Multi-line text under a prefix (a quote's "> " or a list item's indent)."""
    return "\n".join(prefix + line for line in escape(text).split("\n"))


def link(label, url) -> str:
    href = safe_url(url)
    if href is None:
        return inline(label or url)
    # Angle brackets let a URL hold spaces and parentheses; only <, > and \ need escaping inside them.
    href = href.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace("\n", "")
    return f"[{inline(label or url)}](<{href}>)"


def _label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def article_lines(article):
    lines = []
    if article["publisher"]:
        lines.append(f"- **{_('Publisher')}:** {inline(article['publisher'])}")
    if article["published_at"]:
        lines.append(f"- **{_('Published on')}:** {article['published_at']}")
    if article["url"]:
        lines.append(f"- **{_('Address')}:** {link(article['url'], article['url'])}")
    lines.append(f"- **{_('Language')}:** {inline(language_name(article['language']))}")
    return lines


def verdict_lines(verdict, public):
    marks = ""
    if not public and verdict["status"] == VerdictStatus.DRAFT:
        marks += f" *({_('draft, not published')})*"
    if verdict["corrects"]:
        marks += f" *({_('corrects an earlier verdict')})*"
    scale = SCALE_NAMES.get(verdict["scale"], verdict["scale"])
    lines = [f"**{inline(scale)}:** **{inline(verdict['rating_label'])}**{marks}"]
    if verdict["explanation"]:
        lines += ["", block(verdict["explanation"])]
    return lines


def claim_lines(number, record, public):
    speaker = inline(record["speaker_name"]) or _("Unknown speaker")
    role = f" ({inline(record['speaker_role'])})" if record["speaker_role"] else ""
    lines = [f"### {number}. {speaker}{role}", ""]
    details = []
    if record["cue"]:
        details.append(f"{_('Cue')}: {inline(record['cue'])}")
    details.append(f"{_('Kind')}: {inline(_label(ClaimKind, record['kind']))}")
    lines += [" · ".join(details), "", block(record["content"], "> "), ""]
    current = [v for v in (record["content_verdict"], record["attribution"]) if v]
    for verdict in current:
        lines += [*verdict_lines(verdict, public), ""]
    if not current:
        lines += [f"*{_('No verdict yet.')}*", ""]
    if record["sources"]:
        lines += [f"**{_('Sources')}:**", ""]
        for source in record["sources"]:
            item = f"- {inline(_label(Stance, source['stance']))}: {link(source['title'], source['url'])}"
            if source["publisher"]:
                item += f" ({inline(source['publisher'])})"
            lines.append(item)
            if source["excerpt"]:
                lines.append(block(source["excerpt"], "  > "))
        lines.append("")
    if not public:
        assignee = inline(record["assignee"]) if record["assignee"] else _("nobody")
        lines += [
            f"- **{_('Status')}:** {inline(_label(ClaimStatus, record['status']))}",
            f"- **{_('Assignee')}:** {assignee}",
            "",
        ]
        if record["notes"]:
            lines += [f"**{_('Notes')}:**", ""]
            for note in record["notes"]:
                author = inline(note["author"]) if note["author"] else _("unknown")
                body = block(note["body"], "  ")
                lines.append(f"- **{author}:** {body.lstrip()}")
            lines.append("")
    return lines


def render(report: Report) -> Iterator[str]:
    public = report.is_public
    head = [f"# {inline(report.title)}", ""]
    if not public:
        head += [
            f"**{_('Internal report: it contains notes, drafts and assignments. Do not publish.')}**",
            "",
        ]
    head += [
        f"{inline(newsroom()['name'])} · {report.generated_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC",
        "",
    ]
    yield "\n".join(head) + "\n"
    articles = list(report.articles())
    records = {}
    for record in report.records():
        records.setdefault(record["article"], []).append(record)
    for article in articles:
        lines = []
        if report.article is None:
            lines += [f"## {inline(article['title'])}", ""]
        else:
            lines += [f"## {_('Article')}", ""]
        lines += [*article_lines(article), ""]
        claims = records.get(article["id"], [])
        if not claims:
            lines += [f"*{_('No claims to report.')}*", ""]
        for number, record in enumerate(claims, start=1):
            lines += claim_lines(number, record, public)
        yield "\n".join(lines)
