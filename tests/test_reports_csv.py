"""CSV for the desk: one row per claim, Arabic readable in Excel, no formula injection."""

import csv
import io

import pytest

from claims.models import Claim
from claims.reports import Audience, Report, render
from claims.reports.csv import neutralise
from tests.factories import make_article, make_claim
from tests.reports_support import (
    DRAFT_EXPLANATION,
    NOTE_ON_DRAFT,
    NOTE_ON_PUBLISHED,
    PUBLISHED_EXPLANATION,
    SOURCE_URL,
)


def rows_of(report):
    text = "".join(render(report, "csv"))
    assert text.startswith("\ufeff"), "the byte-order mark lets Excel read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_it_has_a_row_per_seed_claim_in_reading_order(reviewed_seed):
    rows = rows_of(Report.for_article(reviewed_seed.article, Audience.INTERNAL))

    claims = list(reviewed_seed.article.claims.order_by("start"))
    assert [int(row["claim_id"]) for row in rows] == [c.pk for c in claims]
    assert [row["content"] for row in rows] == [c.content for c in claims]
    assert all(row["article"] == reviewed_seed.article.title for row in rows)


def test_it_carries_the_current_verdicts_explanation_and_sources(reviewed_seed):
    rows = rows_of(Report.for_article(reviewed_seed.article, Audience.INTERNAL))

    row = next(r for r in rows if int(r["claim_id"]) == reviewed_seed.published.pk)
    assert "وجود خطط لغزو أوكرانيا" in row["content"]
    assert row["speaker"] == reviewed_seed.published.speaker.name
    assert row["cue"] == reviewed_seed.published.cue
    assert row["attribution_rating"] == "Accurate quote"
    assert row["content_rating"] == "False"
    assert row["explanation"] == PUBLISHED_EXPLANATION
    assert row["source_urls"] == SOURCE_URL
    assert row["status"] == "published"


def test_it_gives_the_public_only_published_claims_without_notes_or_drafts(reviewed_seed):
    text = "".join(render(Report.for_article(reviewed_seed.article, Audience.PUBLIC), "csv"))
    rows = list(csv.DictReader(io.StringIO(text[1:])))

    assert [int(row["claim_id"]) for row in rows] == [reviewed_seed.published.pk]
    assert "assignee" not in rows[0] and "notes" not in rows[0]
    for secret in (NOTE_ON_PUBLISHED, NOTE_ON_DRAFT, DRAFT_EXPLANATION, "fatima", "edward"):
        assert secret not in text


def test_it_shows_internal_readers_the_assignee_and_notes(reviewed_seed):
    rows = rows_of(Report.for_article(reviewed_seed.article, Audience.INTERNAL))

    drafted = next(r for r in rows if int(r["claim_id"]) == reviewed_seed.drafted.pk)
    assert drafted["assignee"] == "fatima"
    assert drafted["notes"] == NOTE_ON_DRAFT
    assert drafted["content_rating"] == "Unproven", "internal readers see the draft"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_it_neutralises_cells_a_spreadsheet_would_run(db, start):
    article = make_article(f'The mayor said "{start}HYPERLINK(1)" loudly. {start}cmd|calc said the clerk.')
    make_claim(article, f"{start}HYPERLINK(1)", speaker_text=f"{start}cmd|calc", headline=f"{start}SUM(A1)")

    row = rows_of(Report.for_claims(Claim.objects.all(), Audience.INTERNAL))[0]

    for column in ("content", "speaker", "headline"):
        assert row[column].startswith("'" + start), column


def test_it_leaves_ordinary_text_alone():
    assert neutralise("قال الوزير") == "قال الوزير"
    assert neutralise("5-4 win") == "5-4 win"
    assert neutralise("-3%") == "'-3%"
    assert neutralise(None) == ""


def test_it_quotes_commas_quotes_and_line_breaks_inside_cells(db):
    article = make_article('She said "one, two\nthree" and left.')
    make_claim(article, '"one, two\nthree"')

    row = rows_of(Report.for_claims(Claim.objects.all(), Audience.INTERNAL))[0]

    assert row["content"] == '"one, two\nthree"'
