"""Importing the JSON report: an internal export read back into an empty database
restores every row as it was, and a faulty report stores nothing."""

import copy
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection

import claims.reports
from claims.models import (
    Article,
    Claim,
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
)
from claims.reports import Audience, Report
from claims.reports.importer import ReportImportError, import_report
from tests.factories import make_article, make_claim, make_source, rating

TRAM_TEXT = (
    "City council spokesperson Maria Santos said on Monday that the new tram line had cut "
    "commuting times by a third. The transport union disputed that, saying delays had doubled "
    "since March. Santos added that ridership reached 40,000 a day."
)

MODELS = [Speaker, Article, Source, Claim, Verdict, ClaimSource, Note]


def dump():
    """Every row of the workbench's models, users by username and ratings by (scale, slug)."""
    users = dict(User.objects.values_list("pk", "username"))
    ratings = {r.pk: (r.scale, r.slug) for r in Rating.objects.all()}
    rows = {}
    for model in MODELS:
        rows[model.__name__] = [
            {
                f.name: (
                    users.get(getattr(obj, f.attname))
                    if f.is_relation and f.related_model is User
                    else ratings[obj.rating_id]
                    if f.is_relation and f.related_model is Rating
                    else getattr(obj, f.attname)
                )
                for f in model._meta.concrete_fields
            }
            for obj in model._base_manager.order_by("pk")
        ]
    rows["Rating"] = sorted(
        tuple((f.name, getattr(r, f.name)) for f in Rating._meta.concrete_fields if f.name != "id")
        for r in Rating.objects.all()
    )
    return rows


def export():
    report = Report.for_claims(Claim.objects.all(), Audience.INTERNAL)
    return "".join(claims.reports.render(report, "json"))


def flush(usernames=()):
    """Delete the work, the published verdicts too (their pre_delete lock bypassed)."""
    Note.objects.all().delete()
    ClaimSource.objects.all().delete()
    Verdict.objects.all()._raw_delete(Verdict.objects.db)
    Claim.objects.all().delete()
    Source.objects.all().delete()
    Speaker.objects.all().delete()
    Article.objects.all().delete()
    Rating.objects.filter(slug="satire").delete()
    User.objects.filter(username__in=usernames).delete()
    # Id sequences back at their start, as in a new database (PostgreSQL's would
    # otherwise still be past the deleted rows' ids).
    with connection.cursor() as cursor:
        sequences = [
            sequence
            for model in MODELS
            for sequence in connection.introspection.get_sequences(
                cursor, model._meta.db_table, model._meta.local_fields
            )
        ]
        for statement in connection.ops.sequence_reset_by_name_sql(no_style(), sequences):
            cursor.execute(statement)


def stored_counts():
    return {model.__name__: model._base_manager.count() for model in [*MODELS, User, Rating]}


@pytest.fixture
def work(seed_article, factchecker, editor, viewer):
    """A newsroom's work across an Arabic and an English article."""
    tram = make_article(TRAM_TEXT, title="Tram line", url="https://news.example/tram", publisher="Daily")
    Article.objects.filter(pk=tram.pk).update(published_at=date(2024, 5, 6))
    santos = Speaker.objects.resolve("Maria Santos", aliases=["Santos", "M. Santos"])
    union = Speaker.objects.resolve("transport union", kind=SpeakerKind.ORGANISATION)
    union.description = "The city's largest transport workers' union."
    union.save()
    commute = make_claim(
        tram,
        "the new tram line had cut commuting times by a third",
        speaker=santos,
        speaker_text="Maria Santos",
        speaker_role="City council spokesperson",
        cue="said",
        sentence=0,
        confidence=0.875,
        created_by=factchecker,
    )
    delays = make_claim(tram, "delays had doubled since March", speaker=union, kind="indirect", sentence=1)
    ridership = make_claim(
        tram,
        "ridership reached 40,000 a day",
        speaker=santos,
        origin=ClaimOrigin.MANUAL,
        created_by=editor,
        assignee=viewer,
        headline="Tram ridership",
    )
    satire = Rating.objects.create(
        scale=Scale.CONTENT, slug="satire", label="Satire", value=0, colour="#123456", order=99
    )

    timetable = make_source(
        title="Tram timetable survey",
        url="https://stats.example/tram",
        publisher="Statistics office",
        kind=SourceKind.DATASET,
        published_at=date(2024, 4, 1),
        accessed_at=datetime(2024, 5, 7, 9, 30, 15, 123456, tzinfo=UTC),
        archive_url="https://archive.example/tram",
        created_by=factchecker,
    )
    union_statement = make_source(title="Union statement", kind=SourceKind.OFFICIAL, created_by=editor)
    ClaimSource.objects.create(
        claim=commute,
        source=timetable,
        stance=Stance.REFUTES,
        excerpt="Times fell 12%.",
        added_by=factchecker,
    )
    link = ClaimSource.objects.create(claim=delays, source=timetable, stance=Stance.SUPPORTS, note="Table 3")
    link.excerpt = "Average delay: 9 minutes, up from 4."
    link.save()
    ClaimSource.objects.create(claim=delays, source=union_statement, stance=Stance.CONTEXT, added_by=editor)

    first = Verdict.objects.create(
        claim=commute, scale=Scale.CONTENT, rating=rating("content", "false"), author=factchecker
    )
    commute.publish(by=editor)
    first.refresh_from_db()
    correction = first.correct(rating("content", "mostly-false"), "The survey was revised.", by=editor)
    correction.publish(by=editor)
    Verdict.objects.create(
        claim=commute, scale=Scale.ATTRIBUTION, rating=rating("attribution", "accurate-quote"), author=editor
    )
    Verdict.objects.create(claim=delays, scale=Scale.CONTENT, rating=satire, explanation="Draft only.")

    note = Note.objects.create(claim=commute, author=factchecker, body="Asked the council for the data.")
    note.body = "Asked the council for the data; no answer yet."
    note.save()
    Note.objects.create(claim=commute, author=editor, body="تحقّقوا من الأرقام مع النقابة.")
    Note.objects.create(claim=ridership, author=None, body="Left by a removed account.")
    delays.status = ClaimStatus.IN_REVIEW
    delays.assignee = factchecker
    delays.save()

    # Distinct past timestamps, so that a restored "now" would show.
    for index, model in enumerate(MODELS):
        model.objects.update(
            created_at=datetime(2023, 1 + index, 2, 3, 4, 5, 678901, tzinfo=UTC),
            updated_at=datetime(2023, 1 + index, 9, 3, 4, 5, 1, tzinfo=UTC),
        )
    Claim.objects.filter(pk=ridership.pk).update(updated_at=datetime(2024, 2, 29, 23, 59, 59, tzinfo=UTC))
    assert seed_article.claims.exists()
    return {"users": ["fatima", "edward", "vera"]}


def test_it_restores_every_row_of_an_internal_report(work):
    before = dump()
    text = export()
    flush(work["users"])
    assert Claim.objects.count() == 0

    result = import_report(json.loads(text))

    assert dump() == before
    assert sorted(result.users_created) == sorted(work["users"])
    assert result.ratings_created == ["content/satire"]
    assert result.claims == len(before["Claim"])
    assert result.verdicts == len(before["Verdict"])
    published = Verdict.objects.filter(status="published")
    assert published.filter(corrects__isnull=False).exists()


def test_it_creates_named_users_without_password_or_admin_access(work):
    text = export()
    flush(work["users"])
    import_report(json.loads(text))
    for user in User.objects.filter(username__in=work["users"]):
        assert not user.has_usable_password()
        assert not user.is_staff and not user.is_superuser


def test_it_records_one_imported_history_entry_per_row(work):
    text = export()
    flush(work["users"])
    import_report(json.loads(text))
    for model in MODELS:
        imported = model.history.filter(history_change_reason="imported")
        assert imported.count() == model.objects.count()
        entry = imported.order_by("history_id").first()
        assert entry.created_at == model.objects.get(pk=entry.id).created_at


def test_it_lets_new_rows_follow_the_imported_ones(work):
    text = export()
    flush(work["users"])
    import_report(json.loads(text))
    highest = max(Claim.objects.values_list("pk", flat=True))
    article = Article.objects.get(url="https://news.example/tram")
    claim = make_claim(article, "Santos")
    assert claim.pk > highest
    source = make_source(title="A new bulletin")
    assert source.pk > max(ClaimSource.objects.values_list("source_id", flat=True))
    Note.objects.create(claim=claim, body="New work after the import.")


def test_it_prints_a_summary_of_what_it_stored(work, tmp_path):
    path = tmp_path / "report.json"
    path.write_text(export(), encoding="utf-8")
    counts = stored_counts()
    flush(work["users"])
    out = io.StringIO()
    call_command("import_report", str(path), stdout=out)
    output = out.getvalue()
    assert f"{counts['Article']} article(s), {counts['Claim']} claim(s)" in output
    assert f"{counts['Verdict']} verdict(s)" in output
    assert f"{counts['Note']} note(s), {counts['Speaker']} speaker(s)" in output
    assert f"created {len(work['users'])} user(s)" in output
    assert "edward" in output


def _mutate(data, change):
    data = copy.deepcopy(data)
    change(data)
    return data


def _first_claim_with(data, key):
    return next(claim for claim in data["claims"] if claim[key])


def _shift_claim(data):
    data["claims"][0]["start"] += 1


def _unknown_rating(data):
    _first_claim_with(data, "verdicts")["verdicts"][0]["rating"] = "pants-on-fire"


def _drop_content(data):
    del data["claims"][-1]["content"]


def _claims_not_a_list(data):
    data["claims"] = {"claim": 1}


def _newer_version(data):
    data["version"] = 2


def _public(data):
    data["audience"] = "public"


def _correcting_a_draft(data):
    claim = _first_claim_with(data, "verdicts")
    claim["verdicts"][0]["corrects"] = next(
        v["id"] for c in data["claims"] for v in c["verdicts"] if v["status"] == "draft"
    )


def _long_headline(data):
    data["claims"][0]["headline"] = "A headline that goes on. " * 20


def _article_twice(data):
    data["articles"].append(dict(data["articles"][0], id=999999))


def _rating_not_an_object(data):
    data["ratings"][0] = "true"


def _missing_source(data):
    _first_claim_with(data, "sources")["sources"][0]["source"] = 999999


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_shift_claim, "do not match the text of article"),
        (_unknown_rating, "rating pants-on-fire on the .* scale: neither in the database nor in the report"),
        (_drop_content, "the field “content” is missing"),
        (_claims_not_a_list, "should be a list"),
        (_newer_version, "version 2 of the report format is not supported"),
        (_public, "public report"),
        (_correcting_a_draft, "verdict"),
        (_missing_source, "its source 999999 is not in the report"),
        (_long_headline, "the field “headline” is longer than 300 characters"),
        (_rating_not_an_object, "rating \\?: expected an object, found a string"),
        (_article_twice, "article 999999: has the same slug as article"),
    ],
)
def test_it_refuses_a_faulty_report_and_stores_nothing(work, tmp_path, change, message):
    data = json.loads(export())
    flush(work["users"])
    counts = stored_counts()
    path = tmp_path / "report.json"
    path.write_text(json.dumps(_mutate(data, change)), encoding="utf-8")

    with pytest.raises(CommandError, match=message) as raised:
        call_command("import_report", str(path), stdout=io.StringIO())

    assert "Nothing was stored" in str(raised.value)
    assert stored_counts() == counts


def test_it_names_the_claim_whose_offsets_do_not_match(work):
    data = json.loads(export())
    flush(work["users"])
    claim = data["claims"][3]
    claim["end"] -= 1
    with pytest.raises(ReportImportError, match=rf"^claim {claim['id']}: its offsets"):
        import_report(data)


def test_it_refuses_an_article_already_stored(work):
    data = json.loads(export())
    flush(work["users"])
    make_article(TRAM_TEXT, title="Tram line again")
    counts = stored_counts()
    tram = next(a for a in data["articles"] if a["text"] == TRAM_TEXT)
    with pytest.raises(ReportImportError, match=rf"article {tram['id']} \(the same text"):
        import_report(data)
    assert stored_counts() == counts


def test_it_refuses_ids_already_taken(work):
    data = json.loads(export())
    flush(work["users"])
    taken = data["claims"][0]["notes"] or next(c["notes"] for c in data["claims"] if c["notes"])
    other = make_article("A council meeting is planned for Friday.", id=999999)
    claim = make_claim(other, "A council meeting", id=999999)
    Note.objects.create(id=taken[0]["id"], claim=claim, body="Already here.")
    counts = stored_counts()
    with pytest.raises(ReportImportError, match=rf"note {taken[0]['id']}: already exists"):
        import_report(data)
    assert stored_counts() == counts


def test_it_refuses_a_file_that_is_not_json(db, tmp_path):
    path = tmp_path / "report.json"
    path.write_text('{"format": "factcheck-workbench/report", "claims": [', encoding="utf-8")
    with pytest.raises(CommandError, match="is not a JSON report"):
        call_command("import_report", str(path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_report", str(tmp_path / "missing.json"), stdout=io.StringIO())


def test_it_records_who_imported_in_the_history(work, tmp_path, superuser):
    path = tmp_path / "report.json"
    path.write_text(export(), encoding="utf-8")
    flush(work["users"])
    call_command("import_report", str(path), "--by", "admin", stdout=io.StringIO())
    entries = Claim.history.filter(history_change_reason="imported")
    assert entries.exists()
    assert set(entries.values_list("history_user__username", flat=True)) == {"admin"}
    with pytest.raises(CommandError, match="There is no user 'nobody'"):
        call_command("import_report", str(path), "--by", "nobody", stdout=io.StringIO())


SCHEMA_PATH = Path(claims.reports.__file__).parent / "schemas" / "report-v1.json"


@pytest.mark.parametrize("audience", [Audience.INTERNAL, Audience.PUBLIC])
def test_it_describes_the_exported_format_in_the_json_schema(work, audience):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    report = Report.for_claims(Claim.objects.all(), audience)
    data = json.loads("".join(claims.reports.render(report, "json")))
    jsonschema.validate(data, schema)
    if audience == Audience.INTERNAL:
        # What the import needs beyond a public report is required of an internal one.
        del data["claims"][0]["assignee"]
        with pytest.raises(jsonschema.ValidationError, match="'assignee' is a required property"):
            jsonschema.validate(data, schema)
