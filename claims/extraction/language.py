"""Which language an article is in, by script."""

from __future__ import annotations

import unicodedata
from collections import Counter

from .rules import UnsupportedLanguage


def _script(c: str) -> str:
    o = ord(c)
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF or 0xFB50 <= o <= 0xFEFF:
        return "arabic"
    if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
        return "latin"
    try:
        return unicodedata.name(c).split()[0].lower()
    except ValueError:
        return "unknown"


def detect_language(text: str) -> str:
    """ "ar" or "en" by the share of Arabic and Latin letters.

    Text mostly in another script (Cyrillic, CJK, Greek...) raises
    UnsupportedLanguage; text without letters counts as English.
    """
    counts: Counter[str] = Counter()
    for c in text[:20000]:
        if c.isalpha():
            counts[_script(c)] += 1
    arabic, latin = counts.pop("arabic", 0), counts.pop("latin", 0)
    other = sum(counts.values())
    if other > arabic + latin:
        script = counts.most_common(1)[0][0]
        raise UnsupportedLanguage(f"{script} script")
    if arabic and arabic >= 0.4 * (arabic + latin):
        return "ar"
    return "en"
