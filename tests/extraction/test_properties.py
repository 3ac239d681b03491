"""Property tests: any text gives true offsets, no exception and the same answer twice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import UnsupportedLanguage, extract_claims, skipped_spans


def _words(text: str) -> list[str]:
    return text.split()


AR_WORDS = [
    *_words(
        "وقال قال وأكد أكّدَ وأضاف مشيراً إلى أنّ إن بأن إنه الوزير وزير الخارجية المتحدث باسم الكرملين ديمتري "
        "موسكو وتنفي وتتّهم وجود بحسب وفقاً لـ المصدر ذاته وكان قد صرّح الذي تابعنا وكالات - ـ ً ّ ( ) ؟ نقلاً "
        "عن قوله ونفت لم"
    ),
    *["، ", ": ", ".", "«", "»", '"', "“", "”", "\n", "\n\n"],
]
EN_WORDS = [
    *_words(
        "said says told added adding that according to he she they The the minister Minister spokesman John "
        "Smith Smith, Reuters denied accused of urged not did . “ ” \" ' ‘ ’ By (AP) - — ? Mr. U.S. it "
        "was first "
        "report CEO who WHO (WHO)"
    ),
    *[", ", ": ", "\n", "\n\n", "Read more"],
]


def _check(text, language):
    try:
        first = extract_claims(text, language)
    except UnsupportedLanguage:
        assert language is None
        return
    assert extract_claims(text, language) == first
    for c in first:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.content
        assert c.kind in ("direct", "indirect", "mixed")
        assert 0.0 <= c.confidence <= 1.0
        assert c.speaker_kind in ("person", "organisation", "place", "document", "unnamed")
        assert len(c.headline) <= 121
    for s, e, label in skipped_spans(text, language or "en"):
        assert 0 <= s < e <= len(text) and label


common = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@common
@given(st.text(max_size=400), st.sampled_from(["ar", "en", None]))
def test_any_unicode_text(text, language):
    _check(text, language)


@common
@given(st.lists(st.sampled_from(AR_WORDS), max_size=80))
def test_arabic_like_text(words):
    text = " ".join(words)
    _check(text, "ar")
    _check(text, None)


@common
@given(st.lists(st.sampled_from(EN_WORDS), max_size=80))
def test_english_like_text(words):
    text = " ".join(words)
    _check(text, "en")
    _check(text, None)


@common
@given(st.lists(st.sampled_from(AR_WORDS + EN_WORDS), max_size=60), st.sampled_from(["", " ", "\u200f", "ـ"]))
def test_mixed_text_and_separators(words, sep):
    _check(sep.join(words), "ar")


def test_long_degenerate_input_stays_fast():
    """No quadratic scans: long runs of cues, titles or quotes finish quickly."""
    import time

    texts = [
        ("وقال الوزير إن الخطة نجحت، وقال المدير إن " * 2000, "ar"),
        ("“a,” he said, “b” " * 2000, "en"),
        ("وزير " * 40000, "ar"),
        ("Minister Smith said " * 20000, "en"),
    ]
    for text, language in texts:
        started = time.perf_counter()
        extract_claims(text, language)
        assert time.perf_counter() - started < 20
