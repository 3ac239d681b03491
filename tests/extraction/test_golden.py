"""Golden cases per language: speaker, role, cue, content, kind and offsets."""

from __future__ import annotations

import pytest

from claims.extraction import extract_claims

from . import golden_ar, golden_en


def _params(module, language):
    return [pytest.param(language, case, id=f"{language}-{case.id}") for case in module.CASES]


@pytest.mark.parametrize(("language", "case"), _params(golden_en, "en") + _params(golden_ar, "ar"))
def test_golden_case(language, case):
    got = extract_claims(case.text, language)
    found = [(c.speaker, c.speaker_role, c.cue, c.content, c.kind, c.start, c.end) for c in got]
    wanted = [(e.speaker, e.role, e.cue, e.content, e.kind, *e.span(case.text)) for e in case.claims]
    assert found == wanted
    for c in got:
        assert case.text[c.start : c.end] == c.content


@pytest.mark.parametrize(("language", "case"), _params(golden_en, "en") + _params(golden_ar, "ar"))
def test_golden_case_detects_its_language(language, case):
    """Without a language code the script decides, with the same result."""
    assert extract_claims(case.text) == extract_claims(case.text, language)
