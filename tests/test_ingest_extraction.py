"""Ingestion stores the extractor's claims; re-extraction never loses editorial work."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from claims.ingest import ingest_article, reextract_article
from claims.models import Claim, ClaimOrigin, ClaimSource, ClaimStatus, Note, Scale, Speaker, Verdict
from tests.factories import make_source, rating

pytestmark = pytest.mark.django_db

MOSCOW_DENIES = "وجود خطط لغزو أوكرانيا"


def test_it_stores_the_seed_articles_claims_with_true_offsets(seed_article):
    claims = list(seed_article.claims.select_related("speaker"))
    assert len(claims) >= 15
    for claim in claims:
        assert seed_article.text[claim.start : claim.end] == claim.content
        assert claim.origin == ClaimOrigin.EXTRACTED and claim.status == ClaimStatus.NEW
    denial = next(c for c in claims if c.content == MOSCOW_DENIES)
    assert denial.speaker.name == "موسكو"
    assert denial.kind == "indirect"
    assert "تنفي" in denial.cue
    assert denial.headline.startswith("موسكو تنفي")


def test_it_links_the_same_speaker_across_articles(seed_article):
    peskov = Speaker.objects.get(name="ديمتري بيسكوف")
    result = ingest_article(
        "وقال بيسكوف للصحفيين إن الاجتماع سيعقد قريباً.\n\nوأضاف أن الجانبين متفقان على الموعد.",
        language="ar",
    )
    assert result.created and result.claims >= 1
    assert {c.speaker_id for c in result.article.claims.all()} == {peskov.pk}


def test_it_stores_no_claims_for_a_language_the_extractor_does_not_read():
    result = ingest_article("Le ministre a déclaré que l'économie progresse.", language="fr")
    assert result.created and result.claims == 0


@pytest.fixture
def worked_on(seed_article, factchecker):
    """Editorial work on five claims of the seed; the rest stay untouched."""
    claims = list(seed_article.claims.order_by("start"))
    with_verdict, with_source, with_note, in_review, edited = claims[:5]
    Verdict.objects.create(claim=with_verdict, scale=Scale.CONTENT, rating=rating("content", "true"))
    ClaimSource.objects.create(claim=with_source, source=make_source())
    Note.objects.create(claim=with_note, body="تحقق من التاريخ", author=factchecker)
    in_review.set_status(ClaimStatus.IN_REVIEW)
    in_review.save()
    edited.headline = "عنوان كتبه المحرر"
    edited.save()
    text = seed_article.text
    start = text.index("يأتي ذلك في ذروة التوتّر")
    manual = Claim.objects.create(
        article=seed_article,
        content=text[start : start + 24],
        start=start,
        end=start + 24,
        origin=ClaimOrigin.MANUAL,
        speaker_text="محرر",
    )
    return [*claims[:5], manual]


def snapshot(claims):
    return {c.pk: Claim.objects.filter(pk=c.pk).values().get() for c in claims}


def test_reextraction_keeps_editorial_work_and_ids(seed_article, worked_on):
    before_ids = set(seed_article.claims.values_list("pk", flat=True))
    kept_before = snapshot(worked_on)

    result = reextract_article(seed_article)

    assert snapshot(worked_on) == kept_before
    assert {c.pk for c in result.kept} == set(kept_before)
    assert not result.added and not result.removed
    assert set(seed_article.claims.values_list("pk", flat=True)) == before_ids
    assert len(result.unchanged) == len(before_ids) - len(worked_on)


def test_reextraction_replaces_only_untouched_claims(seed_article, worked_on):
    untouched = seed_article.claims.exclude(pk__in=[c.pk for c in worked_on]).order_by("start")
    lost = untouched[0]
    lost_span = (lost.start, lost.end)
    lost.delete()
    # A stale row the extractor would not produce (changed behind its back).
    stale = untouched[1]
    Claim.objects.filter(pk=stale.pk).update(cue="قديم")

    result = reextract_article(seed_article)

    assert [(c.start, c.end) for c in result.added] == sorted([lost_span, (stale.start, stale.end)])
    assert [r["id"] for r in result.removed] == [stale.pk]
    assert not Claim.objects.filter(pk=stale.pk).exists()
    assert all(Claim.objects.filter(pk=c.pk).exists() for c in worked_on)


def test_the_command_prints_claims_of_a_file_as_json(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    out = io.StringIO()
    call_command("extract_claims", str(path), "--format", "json", stdout=out)
    claims = json.loads(out.getvalue())
    assert {"speaker", "speaker_role", "cue", "content", "kind", "start", "end"} <= set(claims[0])
    assert all(seed_text[c["start"] : c["end"]] == c["content"] for c in claims)
    assert Claim.objects.count() == 0


def test_the_command_prints_a_table(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    out = io.StringIO()
    call_command("extract_claims", str(path), stdout=out)
    assert MOSCOW_DENIES in out.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "No such file"),
        (["--article", "999"], "no article 999"),
        ([], "either a FILE or --article"),
        (["x.txt", "--save"], "--save works with --article only"),
    ],
)
def test_the_command_fails_with_a_message(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("extract_claims", *args, stdout=io.StringIO())


def test_the_command_refuses_an_unsupported_language(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text("Министр заявил, что экономика растёт.", encoding="utf-8")
    with pytest.raises(CommandError, match="ar"):
        call_command("extract_claims", str(path), stdout=io.StringIO())


def test_the_command_reextracts_a_stored_article(seed_article, worked_on):
    out = io.StringIO()
    call_command("extract_claims", "--article", str(seed_article.pk), "--save", stdout=out)
    assert "0 added, 0 removed" in out.getvalue()
    assert f"{len(worked_on)} kept" in out.getvalue()
