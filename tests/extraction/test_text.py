"""Folding with offsets, quotations, sentences, skipped spans, the result type."""

from __future__ import annotations

import dataclasses

import pytest

from claims.extraction import ExtractedClaim, extract_claims, make_headline, skipped_spans
from claims.extraction.text import Folded, fold, paragraphs, quotations, sentences


def test_folding_maps_offsets_back_to_the_original():
    original = "وأكّدَ الوزيرُ أنّ الاتفاقَ نهائيٌّ"
    f = Folded.of(original)
    assert f.text == "واكد الوزير ان الاتفاق نهائي"
    i = f.text.index("الاتفاق")
    s, e = f.span(i, i + len("الاتفاق"))
    assert original[s:e] == "الاتفاقَ"


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("أكّد", "اكد"),
        ("إنّ", "ان"),
        ("آخر", "اخر"),
        ("مستشفى", "مستشفي"),
        ("الوزارة", "الوزاره"),
        ("قـال", "قال"),
    ],
)
def test_hamza_alef_maqsura_taa_marbuta_and_tatweel_fold(variant, plain):
    assert fold(variant) == plain


def test_the_same_cue_matches_with_and_without_diacritics():
    plain = extract_claims("وأكد الوزير أن الاتفاق نهائي.", "ar")
    marked = extract_claims("وأكّدَ الوزيرُ أنّ الاتفاقَ نهائيٌّ.", "ar")
    assert [c.cue for c in plain] == ["أكد"]
    assert [c.cue for c in marked] == ["أكّدَ"]


def test_quotations_of_every_style():
    text = "«a b» “c d” „e f“ \"g h\" 'i j,' k’s"
    qs = quotations(text, 0, len(text))
    assert [text[q.open + 1 : q.close] for q in qs] == ["a b", "c d", "e f", "g h", "i j,"]


def test_an_unclosed_quotation_runs_to_the_end_of_the_paragraph():
    text = "He said: “one. two. three"
    (q,) = quotations(text, 0, len(text))
    assert not q.closed and q.close == len(text)


def test_a_quotation_spanning_sentences_stays_one_sentence():
    text = "He said: “One. Two.” Then he left. Dr. Who came at 4.05 p.m. today."
    qs = quotations(text, 0, len(text))
    spans = sentences(text, 0, len(text), qs, frozenset({"dr", "p.m"}), True)
    assert [text[s:e] for s, e in spans] == [
        "He said: “One. Two.”",
        "Then he left.",
        "Dr. Who came at 4.05 p.m. today.",
    ]


def test_paragraphs_are_non_blank_lines():
    text = " a \n\n  b\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["a", "b"]


def test_skipped_spans_label_furniture_captions_and_agency_lines():
    text = "صورة أرشيفية للرئيس (AFP)\nتابعنا\n\nوقال الوزير إن الاتفاق نهائي.\n\nTRT عربي - وكالات"
    labels = [(text[s:e], label) for s, e, label in skipped_spans(text, "ar")]
    assert labels == [
        ("صورة أرشيفية للرئيس (AFP)", "caption"),
        ("تابعنا", "furniture"),
        ("TRT عربي - وكالات", "agency"),
    ]


def test_english_bylines_and_furniture():
    text = "By Jane Smith\nADVERTISEMENT\nRead more: other news\nOfficials said it was over."
    labels = [label for _, _, label in skipped_spans(text, "en")]
    assert labels == ["byline", "furniture", "furniture"]


def test_claim_is_frozen_and_serialisable():
    (c,) = extract_claims("Police said the road would reopen.", "en")
    assert isinstance(c, ExtractedClaim)
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.speaker = "x"
    d = c.to_dict()
    assert d["aliases"] == [] and d["kind"] == "indirect" and d["headline"] == c.headline


def test_headlines_are_short_and_in_the_article_language():
    long = "word " * 60
    h = make_headline("Someone", long, "en", "says")
    assert len(h) <= 121 and h.endswith("…") and h.startswith("Someone says word")
    assert make_headline("موسكو", "وجود خطط", "ar", "تنفي") == "موسكو تنفي وجود خطط"
    assert make_headline("الوزير", "لن نتراجع", "ar", kind="direct") == "الوزير: «لن نتراجع»"


def test_input_text_is_not_modified():
    text = "وقال المتحدّث باسم الكرملين ديمتري بيسكوف: «العمل جارٍ»."
    before = str(text)
    claims = extract_claims(text, "ar")
    assert text == before
    assert [(c.speaker, c.content) for c in claims] == [("ديمتري بيسكوف", "العمل جارٍ")]
