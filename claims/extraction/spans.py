"""What the clause-level modules share: a claim before its speaker is known,
the small closed word classes of English clauses, and the trimming and
kind of a content span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Sentence
from .lexicon import Lexicon
from .rules.base import CueVerb
from .speakers import Mention

FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "did",
        "does",
        "do",
        "'s",
        "'re",
        "'ve",
        "'d",
        "'ll",
    ]
)
SUBJECT_PRONOUNS = frozenset(["it", "they", "he", "she", "we", "i", "there", "this", "these", "those", "you"])
PASSIVE = frozenset(["is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"])


@dataclass
class Raw:
    """A claim before its speaker is resolved (folded offsets)."""

    cue: str
    cue_pos: int
    start: int
    end: int
    mention: Mention
    sentence: int
    para: int
    kind: str = "indirect"
    confidence: float = 0.8
    verb: CueVerb | None = None
    headline: bool = False
    tok_start: int = -1
    tok_end: int = -1


# words after which an English participle still reports: ", adding", "and adding", "quoted as saying"
PARTICIPLE_AFTER = frozenset(["and", "also", "while", "by", "then", "as", "again", "before", "after"])


def participle_modifier(sent: Sentence, x: int) -> bool:
    """ "published", "released": a past participle that modifies the noun before it."""
    w = sent.w[x]
    return (
        w.islower()
        and len(w) > 5
        and w.endswith("ed")
        and sent.k[x - 1] not in sent.lex.determiners
        and not (x + 1 < sent.n and sent.k[x + 1] == "by")
    )


def b_phrase(k: str) -> bool:
    """A word with the preposition بـ attached: بالتحضير، بتعزيز."""
    return k.startswith("ب") and len(k) > 3 and k != "باسم"


def capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word.isalpha() and word.islower()


def negative(k: str, lex: Lexicon) -> bool:
    return k in lex.negations or k.endswith("n't") or k == "cannot"


_TRIM_CHARS = " \t\r\n.,،:;؛"
_QUOTE_MARKS = "\"“”„‟«»‹›'‘’「」『』"


def trim_span(t: str, s: int, e: int, keep_close: bool = False, quotes=()) -> tuple[int, int]:
    """Drop spaces and punctuation at both ends (a closing quotation mark whose
    quotation opens inside the span stays)."""
    while s < e and (t[s] in _TRIM_CHARS or t[s] in "-–—"):
        s += 1
    while e > s:
        c = t[e - 1]
        if c in _TRIM_CHARS or c in "-–—":
            e -= 1
            continue
        if c in _QUOTE_MARKS:
            if keep_close and any(q.close == e - 1 and q.open >= s for q in quotes):
                break
            e -= 1
            continue
        break
    while (
        s < e
        and t[s] in _QUOTE_MARKS
        and not (keep_close and any(q.open == s and q.close < e for q in quotes))
    ):
        s += 1
    return s, e


_ALNUM = re.compile(r"[^\W_]")


def span_kind(t: str, s: int, e: int, quotes) -> str:
    """direct: every letter of the span is quoted; indirect: none is; mixed otherwise."""
    inside = outside = False
    pos = s
    for q in quotes:
        a, b = max(q.open + 1, s), min(q.close, e)
        if b <= a:
            continue
        outside = outside or (a > pos and _ALNUM.search(t, pos, a) is not None)
        inside = inside or _ALNUM.search(t, a, b) is not None
        pos = max(pos, b)
    outside = outside or (e > pos and _ALNUM.search(t, pos, e) is not None)
    if not inside:
        return "indirect"
    if not outside:
        return "direct"
    return "mixed"
