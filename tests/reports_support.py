"""The seed article worked on by the desk, for the report tests: one claim
published with a verdict and a source, another still a draft, notes on both."""

from dataclasses import dataclass

from claims.models import Claim, ClaimSource, ClaimStatus, Note, Scale, Stance, Verdict
from tests.factories import make_source, rating

PUBLISHED_CONTENT = "وجود خطط لغزو أوكرانيا"
PUBLISHED_EXPLANATION = "لم تنشر الحكومة أي خطة، والبيان الرسمي ينفي ذلك."
DRAFT_CONTENT = "العمل جارٍ، سيكون مؤتمراً عبر الفيديو"
DRAFT_EXPLANATION = "Still waiting for the Kremlin transcript (draft wording)."
NOTE_ON_PUBLISHED = "Ask the Moscow stringer for the full statement."
NOTE_ON_DRAFT = "ملاحظة داخلية: لا تنشر قبل التحقق"
SOURCE_TITLE = "Statement of the Russian foreign ministry"
SOURCE_URL = "https://example.org/statements/2021-12-03"
SOURCE_EXCERPT = "نص البيان"


@dataclass
class WorkedSeed:
    article: object
    published: Claim
    drafted: Claim
    content: Verdict  # the published claim's content verdict
    attribution: Verdict
    draft: Verdict  # the drafted claim's content verdict
    source: object
    notes: list


def work_on_seed(article, editor, factchecker):
    published = Claim.objects.get(article=article, content=PUBLISHED_CONTENT)
    content = Verdict.objects.create(
        claim=published,
        scale=Scale.CONTENT,
        rating=rating("content", "false"),
        explanation=PUBLISHED_EXPLANATION,
        author=factchecker,
    )
    attribution = Verdict.objects.create(
        claim=published, scale=Scale.ATTRIBUTION, rating=rating("attribution", "accurate-quote")
    )
    source = make_source(title=SOURCE_TITLE, url=SOURCE_URL, publisher="MID", created_by=factchecker)
    ClaimSource.objects.create(
        claim=published, source=source, stance=Stance.REFUTES, excerpt=SOURCE_EXCERPT, added_by=factchecker
    )
    published_note = Note.objects.create(claim=published, author=factchecker, body=NOTE_ON_PUBLISHED)
    published.assignee = factchecker
    published.save()
    published.publish(by=editor)

    drafted = Claim.objects.get(article=article, content=DRAFT_CONTENT)
    draft = Verdict.objects.create(
        claim=drafted,
        scale=Scale.CONTENT,
        rating=rating("content", "unproven"),
        explanation=DRAFT_EXPLANATION,
        author=factchecker,
    )
    drafted_note = Note.objects.create(claim=drafted, author=editor, body=NOTE_ON_DRAFT)
    drafted.assignee = factchecker
    drafted.status = ClaimStatus.IN_REVIEW
    drafted.save()
    for row in (published, content, attribution):
        row.refresh_from_db()
    return WorkedSeed(
        article, published, drafted, content, attribution, draft, source, [published_note, drafted_note]
    )


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, **attrs):
        """Descendants by tag and attributes; class_ matches one of the element's classes."""
        wanted_class = attrs.pop("class_", None)
        for node in self.iter():
            if tag and node.tag != tag:
                continue
            if wanted_class and wanted_class not in node.attrs.get("class", "").split():
                continue
            if all(node.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                yield node

    def find(self, tag=None, **attrs):
        return next(self.find_all(tag, **attrs), None)


VOID = {"meta", "link", "br", "img", "input", "hr", "rect", "path", "circle", "line"}


def parse_html(markup):
    """A small DOM of the page (the standard library's parser; no extra dependency)."""
    from html.parser import HTMLParser

    root = Node("#document", {})

    class Builder(HTMLParser):
        current = root

        def handle_starttag(self, tag, attrs):
            node = Node(tag, attrs, self.current)
            self.current.children.append(node)
            if tag not in VOID:
                self.current = node

        def handle_startendtag(self, tag, attrs):
            self.current.children.append(Node(tag, attrs, self.current))

        def handle_endtag(self, tag):
            node = self.current
            while node is not root and node.tag != tag:
                node = node.parent
            if node is not root:
                self.current = node.parent

        def handle_data(self, data):
            self.current.children.append(data)

    builder = Builder(convert_charrefs=True)
    builder.feed(markup)
    builder.close()
    return root


def squash(text):
    """Whitespace folded, for comparing text that a layout may have wrapped."""
    return " ".join(text.split())
