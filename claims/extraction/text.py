"""Text handling: a folded copy for matching with offsets back to the original,
paragraphs, quotations, sentences and tokens.

The article text is never changed. Matching runs on a *folded* copy in which
Arabic diacritics, tatweel and invisible marks are removed and hamza, alef
maqsura and taa marbuta forms are unified (one character for one character).
`Folded.orig()` maps a folded offset back to the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# Removed from the folded copy: Arabic harakat, Quranic marks, superscript alef,
# tatweel, zero-width and directional marks, soft hyphen, BOM.
_REMOVABLE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff]+"
)
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The folded form of a short string (a lexicon entry, a name)."""
    return _REMOVABLE.sub("", text).translate(_LETTERS)


@dataclass(frozen=True)
class Folded:
    """A folded copy of `original` with a mapping of offsets back to it."""

    original: str
    text: str
    _at: tuple[int, ...]  # folded offsets at which removed characters had been
    _shift: tuple[int, ...]  # characters removed up to and including that run

    @classmethod
    def of(cls, original: str) -> Folded:
        parts, at, shift = [], [], []
        last = removed = 0
        for m in _REMOVABLE.finditer(original):
            parts.append(original[last : m.start()])
            removed += m.end() - m.start()
            at.append(m.start() - (removed - (m.end() - m.start())))
            shift.append(removed)
            last = m.end()
        if not at:
            return cls(original, original.translate(_LETTERS), (), ())
        parts.append(original[last:])
        return cls(original, "".join(parts).translate(_LETTERS), tuple(at), tuple(shift))

    def orig(self, i: int) -> int:
        """Original offset of folded offset `i` (marks after a letter stay with it)."""
        if not self._at:
            return i
        k = bisect_right(self._at, i)
        return i + (self._shift[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.orig(start), self.orig(end)

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


# ---------------------------------------------------------------- paragraphs

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), without surrounding spaces."""
    out = []
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


# ---------------------------------------------------------------- quotations

DOUBLE_QUOTES = '"“”„‟〝〞＂'
SINGLE_QUOTES = "'‘’‚‛"
ANGLE_OPEN, ANGLE_CLOSE = "«‹", "»›"
CJK = {"「": "」", "『": "』"}
QUOTE_CHARS = DOUBLE_QUOTES + SINGLE_QUOTES + ANGLE_OPEN + ANGLE_CLOSE + "".join(CJK) + "".join(CJK.values())
_QUOTE_RE = re.compile("[" + re.escape(QUOTE_CHARS) + "]")
_ANGLE_PAIR = {"«": "»", "‹": "›"}


@dataclass(frozen=True)
class Quote:
    """A quotation: `open` is the index of its opening mark, `close` of its
    closing mark, or the paragraph end when it is never closed."""

    open: int
    close: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    def contains(self, i: int) -> bool:
        return self.open < i < self.close


def _is_word_char(c: str) -> bool:
    return c.isalnum()


def quotations(text: str, start: int, end: int) -> list[Quote]:
    """Top-level quotations of the paragraph text[start:end].

    Double quotes of any style toggle (articles mix “ ” and ” ” freely);
    guillemets pair up; single quotes count only where they cannot be an
    apostrophe. A quotation left open runs to the end of the paragraph.
    """
    found: list[Quote] = []
    double_open = -1
    angle_stack: list[tuple[int, str]] = []
    single_open = -1
    for m in _QUOTE_RE.finditer(text, start, end):
        i = m.start()
        c = text[i]
        if c in DOUBLE_QUOTES:
            if double_open < 0:
                double_open = i
            else:
                found.append(Quote(double_open, i, True))
                double_open = -1
        elif c in _ANGLE_PAIR or c in CJK:
            angle_stack.append((i, _ANGLE_PAIR.get(c) or CJK[c]))
        elif c in ANGLE_CLOSE or c in CJK.values():
            if angle_stack and angle_stack[-1][1] == c:
                j, _ = angle_stack.pop()
                found.append(Quote(j, i, True))
        else:  # single quotes
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if _is_word_char(before) and _is_word_char(after):
                continue  # an apostrophe: don't, Sheriff’s
            if single_open < 0:
                if c in "'‘‛" and not _is_word_char(before) and _is_word_char(after):
                    single_open = i
            elif (
                c in "'’"
                and not before.isspace()
                and not _is_word_char(after)
                and (before in ",.!?" or (before != "s" and i - single_open > 3))
            ):
                found.append(Quote(single_open, i, True))
                single_open = -1
    if double_open >= 0:
        found.append(Quote(double_open, end, False))
    for j, _ in angle_stack[:1]:
        found.append(Quote(j, end, False))
    found.sort(key=lambda q: (q.open, -q.close))
    top: list[Quote] = []
    for q in found:
        if top and q.open < top[-1].close:
            continue  # nested inside the previous quotation
        top.append(q)
    return top


# ---------------------------------------------------------------- sentences

_END = re.compile(r"([.!?؟…]+)([\"”’»)\]“'›]*)(\s+)")


def sentences(
    text: str, start: int, end: int, quotes: list[Quote], abbreviations: frozenset[str], cased: bool
) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences; a quotation is never split."""
    out = []
    s = start
    opens = [q.open for q in quotes]
    for m in _END.finditer(text, start, end):
        cut = m.end(2)
        k = bisect_right(opens, cut - 1) - 1
        if k >= 0 and quotes[k].open < cut <= quotes[k].close:
            continue  # inside a quotation: one unit
        nxt = m.end()
        if nxt >= end:
            break
        if m.group(1) == ".":
            w = re.search(r"([\w.’']+)$", text[max(start, m.start() - 20) : m.start()])
            word = w.group(1).lower() if w else ""
            if word in abbreviations or (len(word) == 1 and word.isalpha() and cased):
                continue
            if cased:
                c = text[nxt]
                if c.isalpha() and c.islower():
                    continue
        out.append((s, cut))
        s = nxt
    if s < end:
        out.append((s, end))
    return out


# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*|\S")
# "8,000" and "2,100.5" are one token: a thousands separator is no comma
_NUMBER_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|\w+(?:['’.\-]\w+)*|\S")
_THOUSANDS = re.compile(r"\d,\d{3}")


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pattern = _NUMBER_TOKEN if _THOUSANDS.search(text, start, end) else _TOKEN
    return [m.span() for m in pattern.finditer(text, start, end)]
