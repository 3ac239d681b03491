"""Normal forms of text used for matching, never for storage.

Article text is stored exactly as ingested; these functions only build keys:
the content hash that spots the same article twice, and the name key that
finds the same speaker across articles ("بيسكوف" and "بِيسكوف" are one key).
"""

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")
# Hamza forms of alef, alef maqsura and teh marbuta are spelt both ways in the
# wild; the scorer and the newsroom both treat them as the same letter.
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_TATWEEL = "\u0640"


def content_hash(text: str) -> str:
    """SHA-256 of the text with every run of whitespace collapsed to one space."""
    normalised = _WHITESPACE.sub(" ", text).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def name_key(name: str) -> str:
    """A speaker name reduced for comparison: no diacritics, tatweel, case or punctuation."""
    name = unicodedata.normalize("NFKC", name or "")
    name = "".join(c for c in name if c != _TATWEEL and unicodedata.category(c) != "Mn")
    name = name.translate(_ARABIC_LETTERS).casefold()
    return " ".join(_NON_WORD.sub(" ", name).split())
