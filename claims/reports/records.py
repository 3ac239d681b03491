"""What a report holds, read once and shared by every format.

A `Report` is a selection of claims (one article, a filtered set, or
everything published) for an audience. `Report.records()` walks the claims in
reading order in chunks: one query for the claims of a chunk and one each for
their verdicts, evidence and notes, so memory stays flat however many claims
there are, and the number of queries grows with chunks, not with claims.

Records are plain dicts of JSON-ready values; each format picks what it shows.
The audience is applied here, once, so no format can leak what it should not:
a public record has no notes, no drafts, no assignee and no user names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.models import (
    Article,
    Claim,
    ClaimSource,
    ClaimStatus,
    Note,
    Rating,
    Scale,
    Speaker,
    Verdict,
    VerdictStatus,
)

CHUNK_SIZE = 1000


class Audience(models.TextChoices):
    INTERNAL = "internal", _("internal (everything, notes and drafts included)")
    PUBLIC = "public", _("public (published verdicts only)")


def newsroom():
    return {"name": settings.FACTCHECK_NEWSROOM_NAME, "url": settings.FACTCHECK_NEWSROOM_URL}


def _iso(value):
    return value.isoformat() if value is not None else None


def _username(user):
    return user.get_username() if user is not None else None


@dataclass
class Report:
    """A selection of claims for an audience, with a title for the formats that show one."""

    claims: models.QuerySet
    audience: Audience = Audience.INTERNAL
    title: str = ""
    article: Article | None = None
    generated_at: object = field(default_factory=timezone.now)

    @classmethod
    def for_article(cls, article, audience=Audience.INTERNAL):
        return cls(Claim.objects.filter(article=article), Audience(audience), article.title, article)

    @classmethod
    def for_claims(cls, claims, audience=Audience.INTERNAL, title=""):
        return cls(claims, Audience(audience), title or gettext("Claims"))

    @classmethod
    def published(cls, audience=Audience.PUBLIC):
        return cls(Claim.objects.published(), Audience(audience), gettext("Published fact-checks"))

    @property
    def is_public(self):
        return self.audience == Audience.PUBLIC

    @property
    def language(self):
        """The article's language, or the interface's for a report across articles."""
        return self.article.language if self.article is not None else settings.LANGUAGE_CODE

    @property
    def is_rtl(self):
        if self.article is not None:
            return self.article.is_rtl
        return self.language.split("-")[0] in ("ar", "fa", "he", "ur")

    def claim_queryset(self):
        """The claims in reading order, public ones only for the public."""
        claims = Claim.objects.filter(pk__in=self.claims.order_by().values("pk"))
        if self.is_public:
            claims = claims.filter(status=ClaimStatus.PUBLISHED)
        return claims.order_by("article_id", "start", "id")

    def ratings(self):
        return {rating.pk: rating for rating in Rating.objects.all()}

    def records(self, chunk_size=CHUNK_SIZE) -> Iterator[dict]:
        """Each claim as a record, in reading order, a chunk of queries at a time."""
        ratings = self.ratings()
        claims = (
            self.claim_queryset()
            .select_related("speaker", "assignee", "created_by")
            .iterator(chunk_size=chunk_size)
        )
        while chunk := list(islice(claims, chunk_size)):
            ids = [claim.pk for claim in chunk]
            verdicts = self._verdicts(ids, ratings)
            links = self._links(ids)
            notes = self._notes(ids) if not self.is_public else {}
            for claim in chunk:
                yield self._claim_record(
                    claim, verdicts.get(claim.pk, []), links.get(claim.pk, []), notes.get(claim.pk, [])
                )

    def articles(self, with_text=True) -> Iterator[dict]:
        """The articles the claims come from (the single article even when it has no claims)."""
        if self.article is not None:
            articles = Article.objects.filter(pk=self.article.pk)
        else:
            articles = Article.objects.filter(pk__in=self.claim_queryset().order_by().values("article_id"))
        articles = articles.select_related("created_by").order_by("id")
        if not with_text:
            articles = articles.defer("text")
        for article in articles.iterator(chunk_size=100):
            yield self.article_record(article, with_text)

    def speakers(self) -> Iterator[dict]:
        speakers = Speaker.objects.filter(pk__in=self.claim_queryset().order_by().values("speaker_id"))
        for speaker in speakers.order_by("id").iterator(chunk_size=CHUNK_SIZE):
            yield {
                "id": speaker.pk,
                "name": speaker.name,
                "aliases": list(speaker.aliases),
                "kind": speaker.kind,
                "description": speaker.description,
                "created_at": _iso(speaker.created_at),
                "updated_at": _iso(speaker.updated_at),
            }

    def article_record(self, article, with_text=True):
        record = {
            "id": article.pk,
            "slug": article.slug,
            "title": article.title,
            "url": article.url,
            "publisher": article.publisher,
            "published_at": _iso(article.published_at),
            "language": article.language,
            "content_hash": article.content_hash,
            "created_at": _iso(article.created_at),
            "updated_at": _iso(article.updated_at),
        }
        if with_text:
            record["text"] = article.text
        if not self.is_public:
            record["created_by"] = _username(article.created_by)
        return record

    # --- per chunk ------------------------------------------------------------

    def _verdicts(self, ids, ratings):
        verdicts = (
            Verdict.objects.filter(claim_id__in=ids).select_related("author").order_by("claim_id", "-id")
        )
        if self.is_public:
            verdicts = verdicts.filter(status=VerdictStatus.PUBLISHED)
        found = {}
        for verdict in verdicts:
            found.setdefault(verdict.claim_id, []).append(
                self._verdict_record(verdict, ratings[verdict.rating_id])
            )
        return found

    def _verdict_record(self, verdict, rating):
        record = {
            "id": verdict.pk,
            "scale": verdict.scale,
            "rating": rating.slug,
            "rating_label": rating.display_label,
            "rating_value": rating.value,
            "colour": rating.colour,
            "explanation": verdict.explanation,
            "status": verdict.status,
            "published_at": _iso(verdict.published_at),
            "corrects": verdict.corrects_id,
            "created_at": _iso(verdict.created_at),
        }
        if self.is_public:
            record["author"] = settings.FACTCHECK_NEWSROOM_NAME
        else:
            record |= {
                "author": _username(verdict.author),
                "version": verdict.version,
                "updated_at": _iso(verdict.updated_at),
            }
        return record

    def _links(self, ids):
        links = ClaimSource.objects.filter(claim_id__in=ids).select_related("source__created_by", "added_by")
        found = {}
        for link in links.order_by("claim_id", "id"):
            source = link.source
            record = {
                "id": link.pk,
                "source": source.pk,
                "url": source.url,
                "title": source.title,
                "publisher": source.publisher,
                "kind": source.kind,
                "published_at": _iso(source.published_at),
                "accessed_at": _iso(source.accessed_at),
                "archive_url": source.archive_url,
                "stance": link.stance,
                "excerpt": link.excerpt,
                "note": link.note,
            }
            if not self.is_public:
                record |= {
                    "added_by": _username(link.added_by),
                    "version": link.version,
                    "created_at": _iso(link.created_at),
                    "updated_at": _iso(link.updated_at),
                }
            record["source_record"] = self._source_record(source)
            found.setdefault(link.claim_id, []).append(record)
        return found

    def _source_record(self, source):
        """The evidence row itself, for the JSON format's own list of sources."""
        record = {
            "id": source.pk,
            "url": source.url,
            "title": source.title,
            "publisher": source.publisher,
            "kind": source.kind,
            "published_at": _iso(source.published_at),
            "accessed_at": _iso(source.accessed_at),
            "archive_url": source.archive_url,
        }
        if not self.is_public:
            record |= {
                "created_by": _username(source.created_by),
                "version": source.version,
                "created_at": _iso(source.created_at),
                "updated_at": _iso(source.updated_at),
            }
        return record

    def _notes(self, ids):
        found = {}
        for note in (
            Note.objects.filter(claim_id__in=ids).select_related("author").order_by("created_at", "id")
        ):
            found.setdefault(note.claim_id, []).append(
                {
                    "id": note.pk,
                    "author": _username(note.author),
                    "body": note.body,
                    "version": note.version,
                    "created_at": _iso(note.created_at),
                    "updated_at": _iso(note.updated_at),
                }
            )
        return found

    def _claim_record(self, claim, verdicts, links, notes):
        current = {}
        for verdict in verdicts:  # newest first
            current.setdefault(verdict["scale"], verdict)
        record = {
            "id": claim.pk,
            "article": claim.article_id,
            "speaker": claim.speaker_id,
            "speaker_name": claim.speaker.name if claim.speaker_id else claim.speaker_text,
            "speaker_kind": claim.speaker.kind if claim.speaker_id else "",
            "speaker_text": claim.speaker_text,
            "speaker_role": claim.speaker_role,
            "cue": claim.cue,
            "content": claim.content,
            "kind": claim.kind,
            "start": claim.start,
            "end": claim.end,
            "sentence": claim.sentence,
            "confidence": claim.confidence,
            "headline": claim.headline,
            "status": claim.status,
            "origin": claim.origin,
            "created_at": _iso(claim.created_at),
            "updated_at": _iso(claim.updated_at),
            "attribution": current.get(Scale.ATTRIBUTION.value),
            "content_verdict": current.get(Scale.CONTENT.value),
            "verdicts": verdicts,
            "sources": links,
        }
        if not self.is_public:
            record |= {
                "assignee": _username(claim.assignee),
                "created_by": _username(claim.created_by),
                "version": claim.version,
                "notes": notes,
            }
        return record
