"""The workbench's own JSON report: versioned, complete for the newsroom, clean for the public."""

import json

from claims.models import Claim
from claims.reports import Audience, Report, render
from claims.reports.json import FORMAT, VERSION
from tests.reports_support import (
    DRAFT_EXPLANATION,
    NOTE_ON_DRAFT,
    NOTE_ON_PUBLISHED,
    PUBLISHED_EXPLANATION,
    SOURCE_EXCERPT,
    SOURCE_TITLE,
)


def document(report):
    return json.loads("".join(render(report, "json")))


def test_it_is_a_versioned_document_of_the_seed_claims(reviewed_seed):
    data = document(Report.for_article(reviewed_seed.article, Audience.INTERNAL))

    assert data["format"] == FORMAT and data["version"] == VERSION
    assert data["audience"] == "internal"
    claims = list(reviewed_seed.article.claims.order_by("start"))
    assert [c["content"] for c in data["claims"]] == [c.content for c in claims]
    (article,) = data["articles"]
    assert article["text"] == reviewed_seed.article.text, "the Arabic text byte for byte"
    assert {s["id"] for s in data["speakers"]} == {c.speaker_id for c in claims if c.speaker_id}
    assert {r["slug"] for r in data["ratings"]} >= {"false", "accurate-quote"}


def test_it_holds_the_verdict_history_sources_and_notes(reviewed_seed, factchecker):
    correction = reviewed_seed.content.correct(reviewed_seed.draft.rating, "Newer evidence", by=factchecker)
    data = document(Report.for_article(reviewed_seed.article, Audience.INTERNAL))

    denial = next(c for c in data["claims"] if c["id"] == reviewed_seed.published.pk)
    assert [v["id"] for v in denial["verdicts"]] == [
        correction.pk,
        reviewed_seed.attribution.pk,
        reviewed_seed.content.pk,
    ], "newest first"
    assert denial["verdicts"][0]["corrects"] == reviewed_seed.content.pk
    assert denial["verdicts"][0]["status"] == "draft"
    assert denial["verdicts"][2]["author"] == "fatima"
    assert denial["verdicts"][2]["explanation"] == PUBLISHED_EXPLANATION
    (link,) = denial["sources"]
    assert link["source"] == reviewed_seed.source.pk and link["stance"] == "refutes"
    assert link["excerpt"] == SOURCE_EXCERPT
    assert "source_record" not in link
    (source,) = data["sources"]
    assert source["title"] == SOURCE_TITLE and source["created_by"] == "fatima"
    assert [n["body"] for n in denial["notes"]] == [NOTE_ON_PUBLISHED]


def test_it_gives_the_public_no_notes_drafts_assignees_or_user_names(reviewed_seed, settings):
    settings.FACTCHECK_NEWSROOM_NAME = "Newsroom"
    text = "".join(render(Report.for_article(reviewed_seed.article, Audience.PUBLIC), "json"))
    data = json.loads(text)

    assert [c["id"] for c in data["claims"]] == [reviewed_seed.published.pk]
    (claim,) = data["claims"]
    assert "notes" not in claim and "assignee" not in claim and "created_by" not in claim
    assert {v["status"] for v in claim["verdicts"]} == {"published"}
    assert {v["author"] for v in claim["verdicts"]} == {"Newsroom"}
    for secret in (NOTE_ON_PUBLISHED, NOTE_ON_DRAFT, DRAFT_EXPLANATION, "fatima", "edward"):
        assert secret not in text


def test_it_streams_a_large_selection_in_pieces(seed_article):
    chunks = list(render(Report.for_claims(Claim.objects.all(), Audience.INTERNAL), "json"))

    assert len(chunks) > seed_article.claims.count(), "a chunk per claim, not one string"
    assert len(json.loads("".join(chunks))["claims"]) == seed_article.claims.count()


def test_it_keeps_an_article_without_claims(db):
    from tests.factories import make_article

    article = make_article("Nothing is attributed here at all.")
    data = document(Report.for_article(article, Audience.INTERNAL))

    assert data["claims"] == [] and [a["id"] for a in data["articles"]] == [article.pk]


def test_it_writes_timestamps_as_python_would_whichever_database_formats_them(db):
    # On PostgreSQL the timestamps are formatted by the database (much faster
    # than parsing them); the text must be what isoformat() gives, with and
    # without microseconds.
    import datetime as dt

    from tests.factories import make_article, make_claim

    article = make_article("The mayor said the bridge was safe. The clerk said it was not.")
    whole = make_claim(article, "the bridge was safe")
    fraction = make_claim(article, "it was not")
    Claim.objects.filter(pk=whole.pk).update(created_at=dt.datetime(2024, 2, 29, 23, 59, 1, tzinfo=dt.UTC))
    Claim.objects.filter(pk=fraction.pk).update(
        created_at=dt.datetime(2024, 3, 1, 0, 0, 0, 1500, tzinfo=dt.UTC)
    )

    data = document(Report.for_article(article, Audience.INTERNAL))

    created = {c["id"]: c["created_at"] for c in data["claims"]}
    assert created[whole.pk] == "2024-02-29T23:59:01+00:00"
    assert created[fraction.pk] == "2024-03-01T00:00:00.001500+00:00"
