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


@dataclass
class WorkedSeed:
    article: object
    published: Claim
    drafted: Claim


def work_on_seed(article, editor, factchecker):
    published = Claim.objects.get(article=article, content=PUBLISHED_CONTENT)
    Verdict.objects.create(
        claim=published,
        scale=Scale.CONTENT,
        rating=rating("content", "false"),
        explanation=PUBLISHED_EXPLANATION,
        author=factchecker,
    )
    Verdict.objects.create(
        claim=published, scale=Scale.ATTRIBUTION, rating=rating("attribution", "accurate-quote")
    )
    ClaimSource.objects.create(
        claim=published,
        source=make_source(title=SOURCE_TITLE, url=SOURCE_URL, publisher="MID"),
        stance=Stance.REFUTES,
        added_by=factchecker,
    )
    Note.objects.create(claim=published, author=factchecker, body=NOTE_ON_PUBLISHED)
    published.assignee = factchecker
    published.save()
    published.publish(by=editor)

    drafted = Claim.objects.get(article=article, content=DRAFT_CONTENT)
    Verdict.objects.create(
        claim=drafted,
        scale=Scale.CONTENT,
        rating=rating("content", "unproven"),
        explanation=DRAFT_EXPLANATION,
        author=factchecker,
    )
    Note.objects.create(claim=drafted, author=editor, body=NOTE_ON_DRAFT)
    drafted.assignee = factchecker
    drafted.status = ClaimStatus.IN_REVIEW
    drafted.save()
    published.refresh_from_db()
    return WorkedSeed(article, published, drafted)
