"""The seed article (TRT Arabic): its 17 annotated claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.extraction import extract_claims

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_6b4dfa315d9bbecf.txt"
GOLD = Path("/work/shared/eval/dev/seed-trt-kremlin-video-call.json")


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, extract_claims(text, "ar")


def _by_content(claims, content):
    found = [c for c in claims if c.content == content]
    assert found, f"no claim with content {content!r}"
    return found[0]


def test_it_finds_seventeen_claims_with_true_offsets(seed):
    text, claims = seed
    assert len(claims) == 17
    for c in claims:
        assert text[c.start : c.end] == c.content


def test_moscow_denies_plans_to_invade(seed):
    _, claims = seed
    c = _by_content(claims, "وجود خطط لغزو أوكرانيا")
    assert (c.speaker, c.cue, c.kind) == ("موسكو", "تنفي", "indirect")
    assert c.headline == "موسكو تنفي وجود خطط لغزو أوكرانيا"
    assert c.speaker_kind == "place"


def test_elided_subject_keeps_the_previous_speaker(seed):
    _, claims = seed
    c = _by_content(claims, "كييف بتعزيز قواتها لمهاجمة الأراضي الّتي يسيطر عليها الانفصاليون الموالون لروسيا")
    assert (c.speaker, c.cue, c.kind) == ("موسكو", "تتّهم", "indirect")


def test_title_and_name_split_into_role_and_speaker(seed):
    _, claims = seed
    c = _by_content(claims, "العمل جارٍ، سيكون مؤتمراً عبر الفيديو")
    assert (c.speaker, c.speaker_role, c.cue, c.kind) == (
        "ديمتري بيسكوف",
        "المتحدّث باسم الكرملين",
        "قال",
        "direct",
    )
    assert "بيسكوف" in c.aliases
    assert c.speaker_kind == "person"


def test_same_source_and_surname_resolve_to_the_full_name(seed):
    _, claims = seed
    same = [c for c in claims if c.cue == "أورد"]
    assert [c.speaker for c in same] == ["يوري أوشاكوف"]
    added = [c for c in claims if c.cue == "أضاف"]
    assert [(c.speaker, c.speaker_role, c.kind) for c in added] == [
        ("يوري أوشاكوف", "مستشار الكرملين", "mixed")
    ]


def test_participle_starts_a_second_claim(seed):
    _, claims = seed
    c = _by_content(claims, "المواقف متباينة في عدة مواضيع")
    assert (c.speaker, c.cue, c.kind) == ("ديمتري بيسكوف", "مُشيراً إلى", "direct")


def test_organisations_stay_as_written(seed):
    _, claims = seed
    first = claims[0]
    assert (first.speaker, first.cue, first.kind) == ("الكرملين", "أعلن", "indirect")
    assert first.content.startswith("روسيا والولايات المتحدة تعملان")


def test_caption_and_agency_line_are_not_claims(seed):
    _, claims = seed
    assert all("Semansky" not in c.content and "وكالات" not in c.content for c in claims)


@pytest.mark.skipif(not GOLD.exists(), reason="the shared gold annotations are not available")
def test_it_matches_the_gold_annotation(seed):
    text, claims = seed
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert gold["text"] == text
    assert len(claims) == len(gold["claims"])
    for g in gold["claims"]:
        matches = [c for c in claims if _overlap((c.start, c.end), (g["start"], g["end"])) >= 0.5]
        assert matches, f"missed: {g['content']}"
        c = matches[0]
        assert c.kind == g["kind"]
        assert c.speaker in {g["speaker"], *g.get("aliases", ())}


def _overlap(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))
