"""A report read into unsaved rows, checked as save() and clean() would check
them, before anything is written (see importer.py)."""

from __future__ import annotations

from django.utils.translation import gettext

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
from claims.reports.import_fields import Record, fail, fit, label
from claims.reports.json import FORMAT, VERSION
from claims.reports.records import Audience

BATCH_SIZE = 500
CHANGE_REASON = "imported"


# --- the report as rows ---------------------------------------------------------


class Plan:
    """The report read into unsaved model instances, checked, before any write."""

    def __init__(self, data):
        report = Record(data, gettext("the report"))
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
            fail(
                gettext("the report"),
                gettext("this is not a workbench report (format %(found)r, expected %(expected)r)")
                % {"found": found, "expected": FORMAT},
            )
        version = report.value.get("version")
        if version != VERSION:
            fail(
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
            fail(
                gettext("the report"),
                gettext(
                    "this is a public report: it lacks the notes, drafts, versions and user names, "
                    "so it cannot restore the work. Export the report for the internal audience."
                ),
            )
        if audience != Audience.INTERNAL:
            fail(gettext("the report"), gettext("unknown audience %(found)r") % {"found": audience})

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
                        fail(where(item), gettext("appears twice in the report"))
                    fail(
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
            fit(rating, record.where)
            ratings[(rating.scale, rating.slug)] = rating
        return ratings

    def read_speakers(self, report):
        speakers = []
        for record in report.items("speakers", lambda r: label(gettext("speaker"), r)):
            aliases = record.get("aliases", "list")
            if not all(isinstance(alias, str) for alias in aliases):
                fail(record.where, gettext("aliases must be a list of names"))
            speaker = Speaker(
                id=record.id(),
                name=record.text("name"),
                aliases=aliases,
                kind=record.choice("kind", SpeakerKind),
                description=record.text("description", default=""),
                version=record.count("version"),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            # What Speaker.save derives, which bulk_create does not run.
            speaker.key = name_key(speaker.name)
            if not speaker.key:
                fail(record.where, gettext("a speaker needs a name with letters in it"))
            speaker.search_keys = "|" + "|".join([speaker.key, *(name_key(a) for a in aliases)]) + "|"
            fit(speaker, record.where)
            speakers.append(speaker)
        return self.unique(speakers, lambda s: label(gettext("speaker"), {"id": s.pk}), ["key"])

    def read_articles(self, report):
        articles = []
        for record in report.items("articles", lambda r: label(gettext("article"), r)):
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
                version=record.count("version"),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            if not article.slug:
                fail(record.where, gettext("the slug is empty"))
            if content_hash(article.text) != article.content_hash:
                fail(record.where, gettext("the content hash does not match the article's text"))
            self.set_user(article, "created_by_id", record, "created_by")
            fit(article, record.where)
            articles.append(article)
        return self.unique(
            articles, lambda a: label(gettext("article"), {"id": a.pk}), ["slug", "content_hash", "url"]
        )

    def read_sources(self, report):
        sources = []
        for record in report.items("sources", lambda r: label(gettext("source"), r)):
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
            fit(source, record.where)
            sources.append(source)
        return self.unique(sources, lambda s: label(gettext("source"), {"id": s.pk}), ["url"])

    def read_claims(self, report):
        for record in report.items("claims", lambda r: label(gettext("claim"), r)):
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
                fail(
                    record.where,
                    gettext("its article %(id)s is not in the report") % {"id": claim.article_id},
                )
            if claim.speaker_id is not None and claim.speaker_id not in self.speakers:
                fail(
                    record.where,
                    gettext("its speaker %(id)s is not in the report") % {"id": claim.speaker_id},
                )
            # The check Claim.save makes: the span is the claim's link to the evidence.
            if not (0 <= claim.start < claim.end <= len(article.text)) or (
                article.text[claim.start : claim.end] != claim.content
            ):
                fail(
                    record.where,
                    gettext("its offsets %(start)s–%(end)s do not match the text of article %(article)s")
                    % {"start": claim.start, "end": claim.end, "article": article.pk},
                )
            fit(claim, record.where)
            self.claims.append(claim)
            self.read_verdicts(record, claim)
            self.read_links(record, claim)
            self.read_notes(record, claim)
        self.claims = self.unique(self.claims, lambda c: label(gettext("claim"), {"id": c.pk}))

    def read_verdicts(self, claim_record, claim):
        for record in claim_record.items("verdicts", lambda r: label(gettext("verdict"), r)):
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
                fail(record.where, gettext("a published verdict needs its publication time"))
            fit(verdict, record.where)
            self.verdicts.append(verdict)

    def read_links(self, claim_record, claim):
        for record in claim_record.items("sources", lambda r: label(gettext("claim source"), r)):
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
                fail(record.where, gettext("its source %(id)s is not in the report") % {"id": link.source_id})
            self.set_user(link, "added_by_id", record, "added_by")
            fit(link, record.where)
            self.links.append(link)

    def read_notes(self, claim_record, claim):
        for record in claim_record.items("notes", lambda r: label(gettext("note"), r)):
            note = Note(
                id=record.id(),
                claim_id=claim.pk,
                body=record.text("body"),
                version=record.count("version"),
                created_at=record.moment("created_at"),
                updated_at=record.moment("updated_at"),
            )
            self.set_user(note, "author_id", record, "author")
            fit(note, record.where)
            self.notes.append(note)

    def check_verdicts(self):
        """What Verdict.clean checks of a correction, across the whole report."""
        self.verdicts = self.unique(self.verdicts, lambda v: label(gettext("verdict"), {"id": v.pk}))
        self.links = self.unique(self.links, lambda link: label(gettext("claim source"), {"id": link.pk}))
        self.notes = self.unique(self.notes, lambda n: label(gettext("note"), {"id": n.pk}))
        pairs = set()
        for link in self.links.values():
            if (link.claim_id, link.source_id) in pairs:
                fail(
                    label(gettext("claim source"), {"id": link.pk}),
                    gettext("source %(source)s is linked to claim %(claim)s twice")
                    % {"source": link.source_id, "claim": link.claim_id},
                )
            pairs.add((link.claim_id, link.source_id))
        for verdict in self.verdicts.values():
            if verdict.corrects_id is None:
                continue
            where = label(gettext("verdict"), {"id": verdict.pk})
            corrected = self.verdicts.get(verdict.corrects_id)
            if corrected is None:
                fail(
                    where,
                    gettext("the verdict it corrects, %(id)s, is not in the report")
                    % {"id": verdict.corrects_id},
                )
            if corrected.claim_id != verdict.claim_id or corrected.scale != verdict.scale:
                fail(where, gettext("a correction must be of the same claim and scale"))
            if corrected.status != VerdictStatus.PUBLISHED:
                fail(where, gettext("only a published verdict can be corrected"))
