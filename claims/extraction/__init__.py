"""Claim extraction for Arabic and English news: who said what, where.

    >>> from claims.extraction import extract_claims
    >>> [c.speaker for c in extract_claims("Peskov said the talks were useful.", "en")]
    ['Peskov']

Pure Python, no Django: usable and testable on its own.
"""

from __future__ import annotations

from .claim import KINDS, SPEAKER_KINDS, ExtractedClaim
from .headline import make_headline
from .language import detect_language
from .pipeline import extract_claims, skipped_spans
from .rules import SUPPORTED_LANGUAGES, UnsupportedLanguage

__all__ = [
    "KINDS",
    "SPEAKER_KINDS",
    "SUPPORTED_LANGUAGES",
    "ExtractedClaim",
    "UnsupportedLanguage",
    "detect_language",
    "extract_claims",
    "make_headline",
    "skipped_spans",
]
