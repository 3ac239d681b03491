"""The one way an article enters the workbench: validate, dedupe, store, extract.

Every caller (the `ingest` and `load_seeds` commands, the admin, the API) goes
through `ingest_article`, so the rules below hold for all of them.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from claims.extraction import ExtractedClaim, UnsupportedLanguage, extract_claims
from claims.extraction import detect_language as extraction_language
from claims.models import Article, Claim, ClaimOrigin, Speaker, SpeakerKind, language_code_validator
from claims.normalise import content_hash


class IngestError(ValueError):
    """The article cannot be stored; the message says why, for the user."""


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    claims: int = 0


def detect_language(text: str) -> str:
    """'ar' or 'en' from the script of the letters; 'und' (undetermined) otherwise.

    A language code given by the user always wins over this guess; an article
    in a script the extractor does not read is stored, just without claims.
    """
    try:
        return extraction_language(text)
    except UnsupportedLanguage:
        return "und"


def validate_text(text) -> str:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise IngestError(_("The text is not valid UTF-8 (byte %(pos)d).") % {"pos": exc.start}) from None
    if not isinstance(text, str):
        raise IngestError(_("The text must be a string."))
    if "\x00" in text:
        raise IngestError(_("The text contains a NUL character."))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise IngestError(_("The text contains an unpaired surrogate, which is not valid Unicode.")) from None
    if not text.strip():
        raise IngestError(_("The text is empty."))
    limit = settings.FACTCHECK_MAX_ARTICLE_CHARS
    if len(text) > limit:
        raise IngestError(
            _("The text has %(length)d characters; the limit is %(limit)d.")
            % {"length": len(text), "limit": limit}
        )
    return text


def default_title(text: str) -> str:
    """The first line of the text, shortened: every article needs a title."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= 200 else first[:199].rsplit(" ", 1)[0] + "…"


def ingest_article(
    text,
    *,
    title="",
    url="",
    publisher="",
    published_at=None,
    language=None,
    created_by=None,
) -> IngestResult:
    """Store an article once; the same text again returns the stored one.

    Raises IngestError with a user-facing reason when the input is bad; in that
    case nothing at all is stored.
    """
    text = validate_text(text)
    language = (language or "").strip() or detect_language(text)
    try:
        language_code_validator(language)
    except ValidationError:
        raise IngestError(_("“%(code)s” is not an ISO 639 language code.") % {"code": language}) from None

    digest = content_hash(text)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        return IngestResult(existing, created=False, claims=existing.claims.count())

    article = Article(
        title=(title or "").strip() or default_title(text),
        url=(url or "").strip(),
        publisher=(publisher or "").strip(),
        published_at=published_at,
        language=language,
        text=text,
        created_by=created_by,
    )
    try:
        article.full_clean(exclude=["content_hash", "slug", "created_by"], validate_unique=False)
    except ValidationError as exc:
        problems = [
            " ".join(messages) if field == "__all__" else f"{field}: {' '.join(messages)}"
            for field, messages in exc.message_dict.items()
        ]
        raise IngestError("; ".join(problems)) from None

    return save_new_article(article)


def save_new_article(article: Article) -> IngestResult:
    """Insert a validated, unsaved article and its claims in one transaction.

    When a concurrent request stored the same text first, returns that one.
    """
    try:
        with transaction.atomic():
            article.save()
            claims = store_claims(article)
    except IntegrityError:
        # Check-then-insert is racy: a concurrent request may have stored the
        # same text between our lookup and our insert. The unique hash decides.
        existing = Article.objects.filter(content_hash=content_hash(article.text)).first()
        if existing is not None:
            article.pk = None
            return IngestResult(existing, created=False, claims=existing.claims.count())
        if article.url and Article.objects.filter(url=article.url).exists():
            raise IngestError(
                _("Another article already has the URL %(url)s.") % {"url": article.url}
            ) from None
        raise
    return IngestResult(article, created=True, claims=claims)


def extract(article: Article) -> list[ExtractedClaim]:
    """The extractor's claims for an article; none for a language it does not read."""
    try:
        return extract_claims(article.text, language=article.language)
    except UnsupportedLanguage:
        return []


def store_claims(article: Article) -> int:
    """Extract the article's claims and store them; returns how many.

    This is the single place where ingestion hands an article to extraction.
    """
    claims = [claim_from_extraction(article, found) for found in extract(article)]
    for claim in claims:
        claim.save()
    return len(claims)


SPEAKER_KINDS = {"place": SpeakerKind.GOVERNMENT, "organization": SpeakerKind.ORGANISATION}


def claim_from_extraction(article: Article, found: ExtractedClaim) -> Claim:
    """An unsaved Claim for an extracted one, its speaker found or created."""
    speaker = None
    if found.speaker.strip():
        kind = SPEAKER_KINDS.get(found.speaker_kind, found.speaker_kind)
        if kind not in SpeakerKind.values:
            kind = SpeakerKind.PERSON
        speaker = Speaker.objects.resolve(found.speaker, found.aliases, kind=kind)
    return Claim(
        article=article,
        speaker=speaker,
        speaker_text=found.speaker[:300],
        speaker_role=found.speaker_role[:300],
        cue=found.cue[:100],
        content=found.content,
        kind=found.kind,
        start=found.start,
        end=found.end,
        sentence=found.sentence,
        confidence=found.confidence,
        headline=found.headline[:300],
        origin=ClaimOrigin.EXTRACTED,
    )


@dataclass(frozen=True)
class ReextractResult:
    added: list  # new Claim rows
    removed: list  # dicts describing the untouched claims that were replaced
    kept: list  # claims kept as they were because editors worked on them
    unchanged: list  # extracted claims found again, kept with their ids

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def reextract_article(article: Article, by=None) -> ReextractResult:
    """Run extraction again without losing editorial work.

    A claim that carries work is kept exactly as it is: verdicts, sources,
    notes, a status other than new, added by hand, or edited since it was
    extracted (its version moved on). An untouched claim the extractor finds
    again keeps its id; the other untouched ones are replaced by what the
    extractor finds now, except where a kept claim already covers the span.
    """
    with transaction.atomic():
        # One re-extraction of an article at a time: the second waits, then
        # sees the first one's claims as the existing ones.
        article = Article.objects.select_for_update().get(pk=article.pk)
        existing = list(article.claims.with_editorial_work().select_related("speaker"))
        kept = [c for c in existing if c.has_editorial_work]
        untouched = {_identity(c): c for c in existing if not c.has_editorial_work}

        unchanged, added = [], []
        for found in extract(article):
            same = untouched.pop(_identity(found), None)
            if same is not None:
                unchanged.append(same)
            elif not any(_overlaps(found, claim) for claim in kept):
                claim = claim_from_extraction(article, found)
                claim.created_by = by
                claim.save()
                added.append(claim)

        removed = []
        for claim in untouched.values():
            removed.append(
                {
                    "id": claim.pk,
                    "start": claim.start,
                    "end": claim.end,
                    "content": claim.content,
                    "speaker_text": claim.speaker_text,
                    "cue": claim.cue,
                }
            )
            claim.delete()
    return ReextractResult(added=added, removed=removed, kept=kept, unchanged=unchanged)


def _identity(claim) -> tuple:
    """What makes an extracted claim the same one again (a Claim or an ExtractedClaim)."""
    speaker = claim.speaker_text if isinstance(claim, Claim) else claim.speaker
    return (claim.start, claim.end, claim.kind, claim.cue[:100], speaker[:300], claim.speaker_role[:300])


def _overlaps(found: ExtractedClaim, claim: Claim) -> bool:
    """The scorer's rule: the spans share at least half of their union."""
    inter = min(found.end, claim.end) - max(found.start, claim.start)
    union = max(found.end, claim.end) - min(found.start, claim.start)
    return inter > 0 and inter / union >= 0.5
