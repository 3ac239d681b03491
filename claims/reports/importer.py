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
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext

from claims.api.cache import bump
from claims.models import (
    Article,
    Claim,
    ClaimSource,
    Note,
    Rating,
    Source,
    Speaker,
    Verdict,
)
from claims.reports.import_fields import ReportImportError, fail, label
from claims.reports.import_plan import BATCH_SIZE, CHANGE_REASON, Plan

__all__ = ["ImportResult", "ReportImportError", "import_report"]


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
            fail(describe(value), gettext("already exists in the database"))


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
    _taken(Article, "pk", plan.articles, lambda v: label(gettext("article"), {"id": v}))
    _taken(
        Article, "slug", [a.slug for a in plan.articles.values()], lambda v: gettext("article slug %s") % v
    )
    _taken(Article, "url", [a.url for a in plan.articles.values()], lambda v: gettext("article URL %s") % v)
    _taken(Speaker, "pk", plan.speakers, lambda v: label(gettext("speaker"), {"id": v}))
    _taken(
        Speaker,
        "key",
        [s.key for s in plan.speakers.values()],
        lambda v: (
            gettext("a speaker named like “%(name)s”")
            % {"name": next(s.name for s in plan.speakers.values() if s.key == v)}
        ),
    )
    _taken(Source, "pk", plan.sources, lambda v: label(gettext("source"), {"id": v}))
    _taken(Source, "url", [s.url for s in plan.sources.values()], lambda v: gettext("source URL %s") % v)
    _taken(Claim, "pk", plan.claims, lambda v: label(gettext("claim"), {"id": v}))
    _taken(Verdict, "pk", plan.verdicts, lambda v: label(gettext("verdict"), {"id": v}))
    _taken(ClaimSource, "pk", plan.links, lambda v: label(gettext("claim source"), {"id": v}))
    _taken(Note, "pk", plan.notes, lambda v: label(gettext("note"), {"id": v}))


def _ratings(plan, result):
    """{(scale, slug): rating id}, creating the report's ratings the database lacks."""
    known = {(r.scale, r.slug): r.pk for r in Rating.objects.all()}
    for key in sorted(plan.rating_keys):
        if key not in known and key not in plan.ratings:
            fail(
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
    plan = Plan(data)
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
