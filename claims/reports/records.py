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
from django.contrib.auth import get_user_model
from django.db import connections, models
from django.db.models import Func
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
    Source,
    Speaker,
    Verdict,
    VerdictStatus,
)

CHUNK_SIZE = 1000


# The internal audience (notes, drafts, assignees) is for those who may edit
# claims: Fact-checkers and Editors. The admin and the API both ask here.
INTERNAL_PERMISSION = "claims.change_claim"


class Audience(models.TextChoices):
    INTERNAL = "internal", _("internal (everything, notes and drafts included)")
    PUBLIC = "public", _("public (published verdicts only)")

    @classmethod
    def readable_by(cls, user):
        """The audiences whose reports the user may read, internal first."""
        return [cls.INTERNAL, cls.PUBLIC] if user.has_perm(INTERNAL_PERMISSION) else [cls.PUBLIC]


def newsroom():
    return {"name": settings.FACTCHECK_NEWSROOM_NAME, "url": settings.FACTCHECK_NEWSROOM_URL}


def _iso(value):
    if value is None:
        return None
    if isinstance(value, str):  # written by PostgreSQL (IsoTimestamp), microseconds always
        return value[:19] + value[26:] if value[19:26] == ".000000" else value
    return value.isoformat()


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
        # Rows of values, not model instances: an export of 100,000 claims
        # spends most of its time building objects it reads a few fields of.
        claims = self.claim_queryset().values_list(*self._columns(Claim, self._claim_fields()))
        claims = claims.iterator(chunk_size=chunk_size)
        while chunk := list(islice(claims, chunk_size)):
            ids = [row[0] for row in chunk]
            verdicts = self._verdicts(ids, ratings)
            links = self._links(ids)
            notes = self._notes(ids) if not self.is_public else {}
            for row in chunk:
                pk = row[0]
                yield self._claim_record(row, verdicts.get(pk, []), links.get(pk, []), notes.get(pk, []))

    def sources(self) -> Iterator[dict]:
        """The evidence the claims are linked to, each once, by id (the JSON format's own list)."""
        links = ClaimSource.objects.filter(claim__in=self.claim_queryset().order_by().values("pk"))
        fields = ["id", "url", "title", "publisher", "kind", "published_at", "accessed_at", "archive_url"]
        if not self.is_public:
            fields += [_user_field("created_by"), "version", "created_at", "updated_at"]
        sources = Source.objects.filter(pk__in=links.values("source_id")).order_by("id")
        for row in sources.values_list(*self._columns(Source, fields)).iterator(chunk_size=CHUNK_SIZE):
            pk, url, title, publisher, kind, published_at, accessed_at, archive_url = row[:8]
            record = {
                "id": pk,
                "url": url,
                "title": title,
                "publisher": publisher,
                "kind": kind,
                "published_at": _iso(published_at),
                "accessed_at": _iso(accessed_at),
                "archive_url": archive_url,
            }
            if not self.is_public:
                created_by, version, created_at, updated_at = row[8:]
                record |= {
                    "created_by": created_by,
                    "version": version,
                    "created_at": _iso(created_at),
                    "updated_at": _iso(updated_at),
                }
            yield record

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
            record = {
                "id": speaker.pk,
                "name": speaker.name,
                "aliases": list(speaker.aliases),
                "kind": speaker.kind,
                "description": speaker.description,
                "created_at": _iso(speaker.created_at),
                "updated_at": _iso(speaker.updated_at),
            }
            if not self.is_public:
                record["version"] = speaker.version
            yield record

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
            record |= {"created_by": _username(article.created_by), "version": article.version}
        return record

    # --- per chunk ------------------------------------------------------------
    # Each query reads the columns a record shows as rows of values; users
    # appear by username (what `get_username()` answers), joined in the query.

    def _verdicts(self, ids, ratings):
        fields = [
            "claim_id",
            "id",
            "scale",
            "rating_id",
            "explanation",
            "status",
            "published_at",
            "corrects_id",
            "created_at",
        ]
        if not self.is_public:
            fields += [_user_field("author"), "version", "updated_at"]
        verdicts = _of_claims(Verdict.objects.all(), ids)
        if self.is_public:
            verdicts = verdicts.filter(status=VerdictStatus.PUBLISHED)
        # The rating's part of a record once per chunk: its label is translated.
        shown = {
            pk: {
                "rating": rating.slug,
                "rating_label": rating.display_label,
                "rating_value": rating.value,
                "colour": rating.colour,
            }
            for pk, rating in ratings.items()
        }
        found = {}
        for row in verdicts.order_by("claim_id", "-id").values_list(*self._columns(Verdict, fields)):
            claim_id, pk, scale, rating_id, explanation, status, published_at, corrects, created_at = row[:9]
            record = {"id": pk, "scale": scale}
            record |= shown[rating_id]
            record |= {
                "explanation": explanation,
                "status": status,
                "published_at": _iso(published_at),
                "corrects": corrects,
                "created_at": _iso(created_at),
            }
            if self.is_public:
                record["author"] = settings.FACTCHECK_NEWSROOM_NAME
            else:
                author, version, updated_at = row[9:]
                record |= {"author": author, "version": version, "updated_at": _iso(updated_at)}
            found.setdefault(claim_id, []).append(record)
        return found

    def _links(self, ids):
        fields = [
            "claim_id",
            "id",
            "source_id",
            "source__url",
            "source__title",
            "source__publisher",
            "source__kind",
            "source__published_at",
            "source__accessed_at",
            "source__archive_url",
            "stance",
            "excerpt",
            "note",
        ]
        if not self.is_public:
            fields += [
                _user_field("added_by"),
                "version",
                "created_at",
                "updated_at",
            ]
        links = _of_claims(ClaimSource.objects.all(), ids).order_by("claim_id", "id")
        links = links.values_list(*self._columns(ClaimSource, fields))
        found = {}
        for row in links:
            claim_id, pk, source_id, url, title, publisher, kind, published_at, accessed_at, archive_url = (
                row[:10]
            )
            published_at, accessed_at = _iso(published_at), _iso(accessed_at)
            record = {
                "id": pk,
                "source": source_id,
                "url": url,
                "title": title,
                "publisher": publisher,
                "kind": kind,
                "published_at": published_at,
                "accessed_at": accessed_at,
                "archive_url": archive_url,
                "stance": row[10],
                "excerpt": row[11],
                "note": row[12],
            }
            if not self.is_public:
                added_by, version, created_at, updated_at = row[13:]
                record |= {
                    "added_by": added_by,
                    "version": version,
                    "created_at": _iso(created_at),
                    "updated_at": _iso(updated_at),
                }
            found.setdefault(claim_id, []).append(record)
        return found

    def _notes(self, ids):
        notes = (
            _of_claims(Note.objects.all(), ids)
            .order_by("created_at", "id")
            .values_list(
                *self._columns(
                    Note,
                    ["claim_id", "id", _user_field("author"), "body", "version", "created_at", "updated_at"],
                )
            )
        )
        found = {}
        for claim_id, pk, author, body, version, created_at, updated_at in notes:
            found.setdefault(claim_id, []).append(
                {
                    "id": pk,
                    "author": author,
                    "body": body,
                    "version": version,
                    "created_at": _iso(created_at),
                    "updated_at": _iso(updated_at),
                }
            )
        return found

    def _columns(self, model, fields):
        """The fields to read, the timestamps as text where PostgreSQL can write them.

        Django parses timestamps in Python: 430,000 of them were 40% of the time
        of an export of 100,000 claims, only to be written back as text.
        """
        connection = connections[self.claims.db]
        if connection.vendor != "postgresql" or not settings.USE_TZ or connection.timezone_name != "UTC":
            return fields
        return [IsoTimestamp(name) if _is_timestamp(model, name) else name for name in fields]

    def _claim_fields(self):
        fields = list(CLAIM_FIELDS)
        if not self.is_public:
            fields += [_user_field("assignee"), _user_field("created_by"), "version"]
        return fields

    def _claim_record(self, row, verdicts, links, notes):
        """The record of a row of `_claim_fields()`."""
        (
            pk,
            article_id,
            speaker_id,
            speaker_name,
            speaker_kind,
            speaker_text,
            speaker_role,
            cue,
            content,
            kind,
            start,
            end,
            sentence,
            confidence,
            headline,
            status,
            origin,
            created_at,
            updated_at,
        ) = row[:19]
        current = {}
        for verdict in verdicts:  # newest first
            current.setdefault(verdict["scale"], verdict)
        record = {
            "id": pk,
            "article": article_id,
            "speaker": speaker_id,
            "speaker_name": speaker_name if speaker_id else speaker_text,
            "speaker_kind": speaker_kind if speaker_id else "",
            "speaker_text": speaker_text,
            "speaker_role": speaker_role,
            "cue": cue,
            "content": content,
            "kind": kind,
            "start": start,
            "end": end,
            "sentence": sentence,
            "confidence": confidence,
            "headline": headline,
            "status": status,
            "origin": origin,
            "created_at": _iso(created_at),
            "updated_at": _iso(updated_at),
            "attribution": current.get(ATTRIBUTION),
            "content_verdict": current.get(CONTENT),
            "verdicts": verdicts,
            "sources": links,
        }
        if not self.is_public:
            assignee, created_by, version = row[19:]
            record |= {"assignee": assignee, "created_by": created_by, "version": version, "notes": notes}
        return record


CLAIM_FIELDS = (
    "id",
    "article_id",
    "speaker_id",
    "speaker__name",
    "speaker__kind",
    "speaker_text",
    "speaker_role",
    "cue",
    "content",
    "kind",
    "start",
    "end",
    "sentence",
    "confidence",
    "headline",
    "status",
    "origin",
    "created_at",
    "updated_at",
)
ATTRIBUTION = Scale.ATTRIBUTION.value
CONTENT = Scale.CONTENT.value


class IsoTimestamp(Func):
    """A UTC timestamp as text, as `datetime.isoformat()` writes it but with microseconds
    always (`_iso` drops ".000000" as isoformat does)."""

    template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
    output_field = models.TextField()


def _is_timestamp(model, path):
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return isinstance(model._meta.get_field(name), models.DateTimeField)


def _of_claims(queryset, ids):
    """The rows of a chunk's claims.

    On PostgreSQL the ids go as one array parameter: an IN list of a thousand
    parameters took four times as long to send and plan. Joined from `unnest`,
    so that PostgreSQL looks each claim up in the index rather than scanning
    the whole table once per chunk, which grows with the square of the claims.
    """
    if connections[queryset.db].vendor == "postgresql":
        table = connections[queryset.db].ops.quote_name(queryset.model._meta.db_table)
        # As an array literal: psycopg's list adapter is slower than a join.
        array = "{" + ",".join(map(str, ids)) + "}"
        return queryset.extra(where=[f'{table}."claim_id" IN (SELECT unnest(%s::bigint[]))'], params=[array])
    return queryset.filter(claim_id__in=ids)


def _user_field(relation):
    """The lookup of a related user's username, whatever the user model calls it."""
    return f"{relation}__{get_user_model().USERNAME_FIELD}"
