"""Language detection and unsupported languages."""

from __future__ import annotations

import pytest

from claims.extraction import SUPPORTED_LANGUAGES, UnsupportedLanguage, detect_language, extract_claims
from claims.extraction.rules import get_rules


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("قال الوزير إن الاتفاق نهائي.", "ar"),
        ("قالت وكالة TRT عربي إن CNN نقلت الخبر.", "ar"),
        ("The minister said the deal was final.", "en"),
        ("Le ministre a déclaré que l'accord était définitif.", "en"),
        ("12345 !!! ...", "en"),
    ],
)
def test_it_detects_the_language_by_script(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text", ["Министр заявил, что соглашение окончательное.", "部长说协议是最终的。", "Ο υπουργός είπε"]
)
def test_text_in_another_script_is_unsupported(text):
    with pytest.raises(UnsupportedLanguage) as err:
        extract_claims(text)
    assert "ar, en" in str(err.value)


@pytest.mark.parametrize("code", ["fr", "ru", "zz", ""])
def test_an_unknown_code_is_unsupported_and_lists_the_supported_ones(code):
    with pytest.raises(UnsupportedLanguage) as err:
        extract_claims("Some text.", code)
    message = str(err.value)
    assert all(c in message for c in SUPPORTED_LANGUAGES)


def test_an_unknown_code_is_refused_even_for_empty_text():
    with pytest.raises(UnsupportedLanguage):
        extract_claims("", "de")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_gives_no_claims(text):
    assert extract_claims(text) == []
    assert extract_claims(text, "ar") == []


def test_region_subtags_are_accepted():
    assert get_rules("en-GB").code == "en"
    assert get_rules("AR_eg").code == "ar"


def test_supported_languages():
    assert SUPPORTED_LANGUAGES == ("ar", "en")
