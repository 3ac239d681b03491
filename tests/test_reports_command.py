"""manage.py export_report: a report to a file, whole or not at all."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.reports_support import NOTE_ON_DRAFT, NOTE_ON_PUBLISHED


def export(*args):
    err = io.StringIO()
    call_command("export_report", *args, stderr=err)
    return err.getvalue()


def test_it_writes_an_articles_report_by_id_or_slug(reviewed_seed, tmp_path):
    by_id, by_slug = tmp_path / "by-id.json", tmp_path / "by-slug.json"

    message = export(
        "--article",
        str(reviewed_seed.article.pk),
        "--format",
        "json",
        "--audience",
        "internal",
        "-o",
        str(by_id),
    )
    export(
        "--article",
        reviewed_seed.article.slug,
        "--format",
        "json",
        "--audience",
        "internal",
        "-o",
        str(by_slug),
    )

    assert "Wrote" in message
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (by_id, by_slug))
    assert first["claims"] == second["claims"]
    assert len(first["claims"]) == reviewed_seed.article.claims.count()


def test_it_defaults_to_the_public_audience(reviewed_seed, tmp_path):
    out = tmp_path / "public.csv"

    export("--format", "csv", "-o", str(out))

    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [int(r["claim_id"]) for r in rows] == [reviewed_seed.published.pk]
    assert NOTE_ON_PUBLISHED not in text and NOTE_ON_DRAFT not in text


def test_it_selects_claims_by_status(reviewed_seed, tmp_path):
    out = tmp_path / "review.json"

    export("--status", "in_review", "--format", "json", "--audience", "internal", "-o", str(out))

    assert [c["id"] for c in json.loads(out.read_text())["claims"]] == [reviewed_seed.drafted.pk]


def test_it_writes_to_stdout_with_a_dash(reviewed_seed, capfdbinary):
    call_command("export_report", "--status", "published", "--format", "jsonld", "-o", "-")

    reviews = json.loads(capfdbinary.readouterr().out.decode())
    assert [r["claimReviewed"] for r in reviews] == [reviewed_seed.published.content]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--article", "999999", "--format", "csv"], "There is no article 999999"),
        (["--article", "no-such-slug", "--format", "csv"], "There is no article no-such-slug"),
        (["--format", "csv", "-o", "/no/such/folder/out.csv"], "is not a folder"),
    ],
)
def test_it_fails_with_a_message(seed_article, args, message):
    with pytest.raises(CommandError, match=message):
        export(*args)


def test_it_leaves_no_half_written_file_when_the_export_fails(reviewed_seed, tmp_path, monkeypatch):
    out = tmp_path / "report.json"
    out.write_text("the previous report")

    def broken(report):
        yield "{"
        raise RuntimeError("the database went away")

    monkeypatch.setattr("claims.reports.json.render", broken)
    with pytest.raises(RuntimeError):
        export("--format", "json", "-o", str(out))

    assert out.read_text() == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
