"""Reading the workbench's JSON report back into the database.

    result = import_report(json.load(file))        # or `manage.py import_report FILE`

The report is the one `claims.reports.json` writes, for the internal
audience: a public report lacks the notes, drafts, versions and user names, so
it cannot restore the work and is refused. Everything keeps what the report
says: primary keys, versions, statuses, slugs, content hashes, timestamps,
verdict histories with their corrections, evidence links, notes and speakers.

All or nothing: the whole report is checked before anything is written, and
written in one transaction, so any problem (a wrong structure, a claim whose
offsets do not match its article, a rating neither stored nor in the report,
an article or id already stored) stores nothing and raises ReportImportError
naming the item.

Rows are inserted as they are, as loaddata does (a raw insert, a batch per
query): that keeps the given versions and timestamps (auto_now would put "now"
in their place) and bypasses Verdict.save's lock (a published verdict is
restored as published, which is what the report records). So the checks that
save() and clean() make are made here instead. Each row then gets one history
entry with the change reason "imported".

Users are named by username: those the database lacks are created without a
usable password and without admin access. Ratings are matched by (scale,
slug); those the database lacks are created from the report's `ratings` (a
stored rating keeps its own label and colour). Text fields that may be blank
default to "" when absent; everything else the internal format writes is
required.

The format is described by schemas/report-v1.json for other tools; the
import does not need jsonschema (not a dependency of the workbench) and makes
its own checks, which name the claim or verdict at fault.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.api.cache import bump
from claims.models import (
    Article,
    Claim,
    ClaimKind,
    ClaimOrigin,
    ClaimSource,
    ClaimStatus,
    Note,
    Rating,
    Scale,
    Source,
    SourceKind,
    Speaker,
    SpeakerKind,
    Stance,
    Verdict,
    VerdictStatus,
)
from claims.normalise import content_hash, name_key
from claims.reports.json import FORMAT, VERSION
from claims.reports.records import Audience

BATCH_SIZE = 500
CHANGE_REASON = "imported"


class ReportImportError(ValueError):
    """The report cannot be imported; the message names the item at fault."""


@dataclass
class ImportResult:
    articles: int = 0
    claims: int = 0
    verdicts: int = 0
    sources: int = 0
    links: int = 0
    notes: int = 0
    speakers: int = 0
    ratings_created: list[str] = field(default_factory=list)
    users_created: list[str] = field(default_factory=list)

    def summary(self):
        return gettext(
            "Imported %(articles)s article(s), %(claims)s claim(s), %(verdicts)s verdict(s), "
            "%(sources)s source(s) with %(links)s link(s) to claims, %(notes)s note(s), "
            "%(speakers)s speaker(s); created %(users)s user(s) and %(ratings)s rating(s)."
        ) % {
            "articles": self.articles,
            "claims": self.claims,
            "verdicts": self.verdicts,
            "sources": self.sources,
            "links": self.links,
            "notes": self.notes,
            "speakers": self.speakers,
            "users": len(self.users_created),
            "ratings": len(self.ratings_created),
        }


# --- reading one record ---------------------------------------------------------


def _fail(where, problem):
    raise ReportImportError(gettext("%(item)s: %(problem)s") % {"item": where, "problem": problem})


class _Record:
    """One JSON object of the report, read field by field with its name in every message."""

    def __init__(self, value, where):
        if not isinstance(value, dict):
            _fail(where, gettext("expected an object, found %(type)s") % {"type": _type_name(value)})
        self.value = value
        self.where = where

    def get(self, key, kind, null=False, default=...):
        if key not in self.value:
            if default is not ...:
                return default
            _fail(self.where, gettext("the field “%(key)s” is missing") % {"key": key})
        value = self.value[key]
        if value is None and null:
            return None
        valid = {
            "str": lambda v: isinstance(v, str),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
            "list": lambda v: isinstance(v, list),
        }[kind](value)
        if not valid:
            _fail(
                self.where,
                gettext("the field “%(key)s” should be %(kind)s, not %(value)s")
                % {"key": key, "kind": _KIND_NAMES[kind], "value": _type_name(value)},
            )
        return value

    def text(self, key, null=False, default=...):
        return self.get(key, "str", null, default)

    def id(self, key="id", null=False):
        value = self.get(key, "int", null)
        if value is not None and value < 1:
            _fail(self.where, gettext("the field “%(key)s” should be a positive id") % {"key": key})
        return value

    def count(self, key, default=..., null=False):
        value = self.get(key, "int", null, default)
        if value is not None and value < 0:
            _fail(self.where, gettext("the field “%(key)s” cannot be negative") % {"key": key})
        return value

    def choice(self, key, choices, default=...):
        value = self.text(key, default=default)
        if value not in choices.values:
            _fail(
                self.where,
                gettext("“%(value)s” is not a known %(key)s (one of %(choices)s)")
                % {"value": value, "key": key, "choices": ", ".join(choices.values)},
            )
        return value

    def moment(self, key, null=False):
        value = self.text(key, null)
        if value is None:
            return None
        try:
            parsed = parse_datetime(value)
        except ValueError:
            parsed = None
        if parsed is None:
            _fail(self.where, gettext("“%(value)s” is not a date and time") % {"value": value})
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        return parsed

    def day(self, key):
        value = self.text(key, null=True)
        if value is None:
            return None
        try:
            parsed = parse_date(value)
        except ValueError:
            parsed = None
        if parsed is None:
            _fail(self.where, gettext("“%(value)s” is not a date") % {"value": value})
        return parsed

    def user(self, key, users):
        username = self.text(key, null=True)
        if username is None:
            return None
        if not username:
            _fail(self.where, gettext("the field “%(key)s” has an empty user name") % {"key": key})
        users.add(username)
        return username

    def items(self, key, where):
        return [_Record(item, where(item)) for item in self.get(key, "list")]


_KIND_NAMES = {"str": _("a string"), "int": _("an integer"), "number": _("a number"), "list": _("a list")}


def _type_name(value):
    return {
        dict: _("an object"),
        list: _("a list"),
        str: _("a string"),
        bool: _("a boolean"),
        int: _("an integer"),
        float: _("a number"),
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _label(kind, item):
    """ "claim 12", or "claim (without an id)" when the item has none."""
    if isinstance(item, dict) and isinstance(item.get("id"), int):
        return f"{kind} {item['id']}"
    return f"{kind} (without an id)"


def _fit(instance, where):
    """What the columns and validators would refuse, refused with the item's name."""
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname)
        if not isinstance(value, str):
            continue
        if isinstance(model_field, models.CharField) and len(value) > model_field.max_length:
            _fail(
                where,
                gettext("the field “%(key)s” is longer than %(max)s characters")
                % {"key": model_field.name, "max": model_field.max_length},
            )
        if model_field.name in ("language", "colour"):
            try:
                model_field.run_validators(value)
            except ValidationError as exc:
                _fail(where, "; ".join(exc.messages))


# --- the report as rows ---------------------------------------------------------


class _Plan:
    """The report read into unsaved model instances, checked, before any write."""

    def __init__(self, data):
        report = _Record(data, gettext("the report"))
        self.read_header(report)
        self.users = set()  # usernames; the instances carry them until the users exist
        self.user_fields = []  # (instance, attname, username)
        self.ratings = self.read_ratings(report)
        self.speakers = self.read_speakers(report)
        self.articles = self.read_articles(report)
        self.sources = self.read_sources(report)
        self.claims, self.verdicts, self.links, self.notes = [], [], [], []
        self.rating_keys = set()
        self.read_claims(report)
        self.check_verdicts()

    def read_header(self, report):
        found = report.value.get("format")
        if found != FORMAT:
            _fail(
                gettext("the report"),
                gettext("this is not a workbench report (format %(found)r, expected %(expected)r)")
                % {"found": found, "expected": FORMAT},
            )
        version = report.value.get("version")
        if version != VERSION:
            _fail(
                gettext("the report"),
                gettext(
                    "version %(found)r of the report format is not supported (this workbench reads %(v)s)"
                )
                % {"found": version, "v": VERSION},
            )
        audience = report.value.get("audience")
        if audience == Audience.PUBLIC:
            # A public report has only the published verdicts and no notes,
            # drafts, versions or user names: importing it would pass a partial
            # copy off as the newsroom's work.
            _fail(
                gettext("the report"),
                gettext(
                    "this is a public report: it lacks the notes, drafts, versions and user names, "
                    "so it cannot restore the work. Export the report for the internal audience."
                ),
            )
        if audience != Audience.INTERNAL:
            _fail(gettext("the report"), gettext("unknown audience %(found)r") % {"found": audience})

    def set_user(self, instance, attname, record, key):
        username = record.user(key, self.users)
        if username is not None:
            self.user_fields.append((instance, attname, username))

    @staticmethod
    def unique(items, where, fields=()):
        """{pk: item}, refusing an id, or a value of a unique field, given twice."""
        seen = {}
        for item in items:
            for name in ("pk", *fields):
                value = getattr(item, name)
                if value == "":
                    continue
                other = seen.setdefault((name, value), item)
                if other is not item:
                    if name == "pk":
                        _fail(where(item), gettext("appears twice in the report"))
                    _fail(
                        where(item),
                        gettext("has the same %(field)s as %(other)s")
                        % {"field": name.replace("_", " "), "other": where(other)},
                    )
        return {item.pk: item for item in items}

    def read_ratings(self, report):
        ratings = {}
        for record in report.items(
            "ratings",
            lambda r: gettext("rating %(slug)s") % {"slug": r.get("slug") if isinstance(r, dict) else "?"},
        ):
            rating = Rating(
                scale=record.choice("scale", Scale),
                slug=record.text("slug"),
                label=record.text("label"),
                value=record.get("value", "int"),
                colour=record.text("colour", default="#6e7781"),
                description=record.text("description", default=""),
                order=record.count("order", default=0),
            )
            _fit(rating, record.where)
            ratings[(rating.scale, rating.slug)] = rating
        return ratings

    def read_speakers(self, report):
        speakers = []
        for record in report.items("speakers", lambda r: _label(gettext("speaker"), r)):
            aliases = record.get("aliases", "list")
            if not all(isinstance(alias, str) for alias in aliases):
                _fail(record.where, gettext("aliases must be a list of names"))
            speaker = Speaker(
                id=record.id(),
                name=record.text("name"),
                aliases=aliases,
                kind=record.choice("kind", SpeakerKind),
                description=record.text("description", default=""),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            # What Speaker.save derives, which bulk_create does not run.
            speaker.key = name_key(speaker.name)
            if not speaker.key:
                _fail(record.where, gettext("a speaker needs a name with letters in it"))
            speaker.search_keys = "|" + "|".join([speaker.key, *(name_key(a) for a in aliases)]) + "|"
            _fit(speaker, record.where)
            speakers.append(speaker)
        return self.unique(speakers, lambda s: _label(gettext("speaker"), {"id": s.pk}), ["key"])

    def read_articles(self, report):
        articles = []
        for record in report.items("articles", lambda r: _label(gettext("article"), r)):
            article = Article(
                id=record.id(),
                slug=record.text("slug"),
                title=record.text("title"),
                url=record.text("url", default=""),
                publisher=record.text("publisher", default=""),
                published_at=record.day("published_at"),
                language=record.text("language"),
                text=record.text("text"),
                content_hash=record.text("content_hash"),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            if not article.slug:
                _fail(record.where, gettext("the slug is empty"))
            if content_hash(article.text) != article.content_hash:
                _fail(record.where, gettext("the content hash does not match the article's text"))
            self.set_user(article, "created_by_id", record, "created_by")
            _fit(article, record.where)
            articles.append(article)
        return self.unique(
            articles, lambda a: _label(gettext("article"), {"id": a.pk}), ["slug", "content_hash", "url"]
        )

    def read_sources(self, report):
        sources = []
        for record in report.items("sources", lambda r: _label(gettext("source"), r)):
            source = Source(
                id=record.id(),
                url=record.text("url", default=""),
                title=record.text("title"),
                publisher=record.text("publisher", default=""),
                kind=record.choice("kind", SourceKind),
                published_at=record.day("published_at"),
                accessed_at=record.moment("accessed_at", null=True),
                archive_url=record.text("archive_url", default=""),
                version=record.count("version"),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            self.set_user(source, "created_by_id", record, "created_by")
            _fit(source, record.where)
            sources.append(source)
        return self.unique(sources, lambda s: _label(gettext("source"), {"id": s.pk}), ["url"])

    def read_claims(self, report):
        for record in report.items("claims", lambda r: _label(gettext("claim"), r)):
            claim = Claim(
                id=record.id(),
                article_id=record.id("article"),
                speaker_id=record.id("speaker", null=True),
                speaker_text=record.text("speaker_text", default=""),
                speaker_role=record.text("speaker_role", default=""),
                cue=record.text("cue", default=""),
                content=record.text("content"),
                kind=record.choice("kind", ClaimKind),
                start=record.count("start"),
                end=record.count("end"),
                sentence=record.count("sentence", null=True),
                confidence=record.get("confidence", "number", null=True),
                headline=record.text("headline", default=""),
                status=record.choice("status", ClaimStatus),
                origin=record.choice("origin", ClaimOrigin),
                version=record.count("version"),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            self.set_user(claim, "assignee_id", record, "assignee")
            self.set_user(claim, "created_by_id", record, "created_by")
            article = self.articles.get(claim.article_id)
            if article is None:
                _fail(
                    record.where,
                    gettext("its article %(id)s is not in the report") % {"id": claim.article_id},
                )
            if claim.speaker_id is not None and claim.speaker_id not in self.speakers:
                _fail(
                    record.where,
                    gettext("its speaker %(id)s is not in the report") % {"id": claim.speaker_id},
                )
            # The check Claim.save makes: the span is the claim's link to the evidence.
            if not (0 <= claim.start < claim.end <= len(article.text)) or (
                article.text[claim.start : claim.end] != claim.content
            ):
                _fail(
                    record.where,
                    gettext("its offsets %(start)s–%(end)s do not match the text of article %(article)s")
                    % {"start": claim.start, "end": claim.end, "article": article.pk},
                )
            _fit(claim, record.where)
            self.claims.append(claim)
            self.read_verdicts(record, claim)
            self.read_links(record, claim)
            self.read_notes(record, claim)
        self.claims = self.unique(self.claims, lambda c: _label(gettext("claim"), {"id": c.pk}))

    def read_verdicts(self, claim_record, claim):
        for record in claim_record.items("verdicts", lambda r: _label(gettext("verdict"), r)):
            verdict = Verdict(
                id=record.id(),
                claim_id=claim.pk,
                scale=record.choice("scale", Scale),
                explanation=record.text("explanation", default=""),
                status=record.choice("status", VerdictStatus),
                published_at=record.moment("published_at", null=True),
                corrects_id=record.id("corrects", null=True),
                version=record.count("version"),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            verdict.rating_slug = record.text("rating")
            self.rating_keys.add((verdict.scale, verdict.rating_slug))
            self.set_user(verdict, "author_id", record, "author")
            if verdict.status == VerdictStatus.PUBLISHED and verdict.published_at is None:
                _fail(record.where, gettext("a published verdict needs its publication time"))
            _fit(verdict, record.where)
            self.verdicts.append(verdict)

    def read_links(self, claim_record, claim):
        for record in claim_record.items("sources", lambda r: _label(gettext("claim source"), r)):
            link = ClaimSource(
                id=record.id(),
                claim_id=claim.pk,
                source_id=record.id("source"),
                stance=record.choice("stance", Stance),
                excerpt=record.text("excerpt", default=""),
                note=record.text("note", default=""),
                version=record.count("version"),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            if link.source_id not in self.sources:
                _fail(
                    record.where, gettext("its source %(id)s is not in the report") % {"id": link.source_id}
                )
            self.set_user(link, "added_by_id", record, "added_by")
            _fit(link, record.where)
            self.links.append(link)

    def read_notes(self, claim_record, claim):
        for record in claim_record.items("notes", lambda r: _label(gettext("note"), r)):
            note = Note(
                id=record.id(),
                claim_id=claim.pk,
                body=record.text("body"),
                version=record.count("version"),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            self.set_user(note, "author_id", record, "author")
            _fit(note, record.where)
            self.notes.append(note)

    def check_verdicts(self):
        """What Verdict.clean checks of a correction, across the whole report."""
        self.verdicts = self.unique(self.verdicts, lambda v: _label(gettext("verdict"), {"id": v.pk}))
        self.links = self.unique(self.links, lambda link: _label(gettext("claim source"), {"id": link.pk}))
        self.notes = self.unique(self.notes, lambda n: _label(gettext("note"), {"id": n.pk}))
        pairs = set()
        for link in self.links.values():
            if (link.claim_id, link.source_id) in pairs:
                _fail(
                    _label(gettext("claim source"), {"id": link.pk}),
                    gettext("source %(source)s is linked to claim %(claim)s twice")
                    % {"source": link.source_id, "claim": link.claim_id},
                )
            pairs.add((link.claim_id, link.source_id))
        for verdict in self.verdicts.values():
            if verdict.corrects_id is None:
                continue
            where = _label(gettext("verdict"), {"id": verdict.pk})
            corrected = self.verdicts.get(verdict.corrects_id)
            if corrected is None:
                _fail(
                    where,
                    gettext("the verdict it corrects, %(id)s, is not in the report")
                    % {"id": verdict.corrects_id},
                )
            if corrected.claim_id != verdict.claim_id or corrected.scale != verdict.scale:
                _fail(where, gettext("a correction must be of the same claim and scale"))
            if corrected.status != VerdictStatus.PUBLISHED:
                _fail(where, gettext("only a published verdict can be corrected"))


# --- writing --------------------------------------------------------------------


def _batches(items, size=BATCH_SIZE):
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def _taken(model, field_name, values, describe):
    """Refuse values of a unique field that the database already holds."""
    values = [v for v in values if v not in (None, "")]
    for batch in _batches(values):
        taken = model._base_manager.filter(**{f"{field_name}__in": batch}).values_list(field_name, flat=True)
        for value in taken[:1]:
            _fail(describe(value), gettext("already exists in the database"))


def _check_free(plan):
    # Articles first: a report imported twice is best told by its articles.
    by_hash = {a.content_hash: a.pk for a in plan.articles.values()}
    _taken(
        Article,
        "content_hash",
        by_hash,
        lambda v: (
            gettext("article %(id)s (the same text, content hash %(hash)s)")
            % {"id": by_hash[v], "hash": v[:12]}
        ),
    )
    _taken(Article, "pk", plan.articles, lambda v: _label(gettext("article"), {"id": v}))
    _taken(
        Article, "slug", [a.slug for a in plan.articles.values()], lambda v: gettext("article slug %s") % v
    )
    _taken(Article, "url", [a.url for a in plan.articles.values()], lambda v: gettext("article URL %s") % v)
    _taken(Speaker, "pk", plan.speakers, lambda v: _label(gettext("speaker"), {"id": v}))
    _taken(
        Speaker,
        "key",
        [s.key for s in plan.speakers.values()],
        lambda v: (
            gettext("a speaker named like “%(name)s”")
            % {"name": next(s.name for s in plan.speakers.values() if s.key == v)}
        ),
    )
    _taken(Source, "pk", plan.sources, lambda v: _label(gettext("source"), {"id": v}))
    _taken(Source, "url", [s.url for s in plan.sources.values()], lambda v: gettext("source URL %s") % v)
    _taken(Claim, "pk", plan.claims, lambda v: _label(gettext("claim"), {"id": v}))
    _taken(Verdict, "pk", plan.verdicts, lambda v: _label(gettext("verdict"), {"id": v}))
    _taken(ClaimSource, "pk", plan.links, lambda v: _label(gettext("claim source"), {"id": v}))
    _taken(Note, "pk", plan.notes, lambda v: _label(gettext("note"), {"id": v}))


def _ratings(plan, result):
    """{(scale, slug): rating id}, creating the report's ratings the database lacks."""
    known = {(r.scale, r.slug): r.pk for r in Rating.objects.all()}
    for key in sorted(plan.rating_keys):
        if key not in known and key not in plan.ratings:
            _fail(
                gettext("rating %(slug)s on the %(scale)s scale") % {"slug": key[1], "scale": key[0]},
                gettext("neither in the database nor in the report's ratings"),
            )
    for key, rating in plan.ratings.items():
        if key not in known:
            rating.save()
            known[key] = rating.pk
            result.ratings_created.append(f"{rating.scale}/{rating.slug}")
    return known


def _users(plan, result):
    User = get_user_model()
    field_name = User.USERNAME_FIELD
    ids = {}
    for batch in _batches(sorted(plan.users)):
        ids |= dict(
            User._default_manager.filter(**{f"{field_name}__in": batch}).values_list(field_name, "pk")
        )
    for username in sorted(plan.users - ids.keys()):
        # Someone named in the work, not a member: no password, no admin access.
        user = User._default_manager.create_user(**{field_name: username}, password=None)
        ids[username] = user.pk
        result.users_created.append(username)
    return ids


def _insert(model, objs, by):
    """Insert the rows as they are, then give each one history entry."""
    objs = list(objs)
    fields = model._meta.local_concrete_fields
    size = max(1, min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, objs)))
    for batch in _batches(objs, size):
        # A raw insert, as loaddata's save_base(raw=True) makes, one batch per query:
        # auto_now/auto_now_add would put "now" in place of the report's timestamps
        # (bulk_create runs them; restoring with bulk_update took 3/5 of the import).
        model._base_manager._insert(batch, fields=fields, raw=True)
    model.history.bulk_history_create(
        objs, batch_size=BATCH_SIZE, default_user=by, default_change_reason=CHANGE_REASON
    )


def import_report(data: dict, by=None) -> ImportResult:
    """Store the work a JSON report (parsed) holds; `by` is recorded as the history's user."""
    plan = _Plan(data)
    result = ImportResult()
    restored = [Speaker, Article, Source, Claim, Verdict, ClaimSource, Note]
    try:
        with transaction.atomic():
            _check_free(plan)
            ratings = _ratings(plan, result)
            users = _users(plan, result)
            for instance, attname, username in plan.user_fields:
                setattr(instance, attname, users[username])
            for verdict in plan.verdicts.values():
                verdict.rating_id = ratings[(verdict.scale, verdict.rating_slug)]
            _insert(Speaker, plan.speakers.values(), by)
            _insert(Article, plan.articles.values(), by)
            _insert(Source, plan.sources.values(), by)
            _insert(Claim, plan.claims.values(), by)
            # The corrected verdict first is not needed: foreign keys are checked at commit.
            _insert(Verdict, plan.verdicts.values(), by)
            _insert(ClaimSource, plan.links.values(), by)
            _insert(Note, plan.notes.values(), by)
            # The rows came with their ids: PostgreSQL's sequences must move past them
            # or the next ordinary insert collides (SQLite needs nothing).
            statements = connection.ops.sequence_reset_sql(no_style(), restored)
            if statements:
                with connection.cursor() as cursor:
                    for statement in statements:
                        cursor.execute(statement)
            bump()
    except DatabaseError as exc:
        # A constraint the checks above do not cover; the transaction is undone.
        raise ReportImportError(
            gettext("the database refused the report: %(error)s") % {"error": exc}
        ) from exc
    result.articles = len(plan.articles)
    result.claims = len(plan.claims)
    result.verdicts = len(plan.verdicts)
    result.sources = len(plan.sources)
    result.links = len(plan.links)
    result.notes = len(plan.notes)
    result.speakers = len(plan.speakers)
    return result


__all__ = ["ImportResult", "ReportImportError", "import_report"]
