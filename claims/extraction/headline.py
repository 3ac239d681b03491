"""One-line headlines for claims: "موسكو تنفي وجود خطط لغزو أوكرانيا"."""

from __future__ import annotations

from .lexicon import key
from .rules.base import OBJECT, CueVerb

LIMIT = 120


def shorten(text: str, limit: int = LIMIT) -> str:
    """Cut at a word boundary with an ellipsis when longer than `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit - 1
    return text[:cut].rstrip(" ,،;:.-–—") + "…"


def make_headline(
    speaker: str,
    content: str,
    language: str,
    verb: str = "",
    kind: str = "indirect",
    limit: int = LIMIT,
) -> str:
    """Speaker + present-tense verb + content, in the article's language.

    A fully quoted claim reads "Speaker: «content»"; without a verb the
    speaker is followed by a colon.
    """
    content = " ".join(content.split())
    if not speaker:
        return shorten(content, limit)
    if kind == "direct":
        quoted = f"«{content}»" if language == "ar" else f"“{content}”"
        return shorten(f"{speaker}: {quoted}", limit)
    if verb:
        return shorten(f"{speaker} {verb} {content}", limit)
    return shorten(f"{speaker}: {content}", limit)


def headline_verb(verb: CueVerb | None, cue: str, language: str, plural: bool = False) -> str:
    """The present-tense verb for a headline, agreeing with the cue as written."""
    if verb is None or not verb.present[0]:
        return ""
    if language != "ar":
        return verb.present[1] if plural else verb.present[0]
    present = verb.present[1] if _feminine(verb, cue) else verb.present[0]
    if verb.kind == OBJECT or verb.clitic:
        return present  # "موسكو تنفي وجود خطط"
    link = "إن" if present in ("يقول", "تقول") else "أن"
    if verb.preposition and present not in ("يقول", "تقول"):
        link = f"{verb.preposition} {link}"  # "يشير إلى أن"
    return f"{present} {link}"


def _feminine(verb: CueVerb, cue: str) -> bool:
    forms = {key(f) for f in verb.forms}
    word = key(cue.split()[0]) if cue.split() else ""
    for p in ("و", "ف"):
        if word.startswith(p) and word[1:] in forms | {key(f) for f in verb.participles}:
            word = word[1:]
            break
    if word.startswith("ت") and "ي" + word[1:] in forms:
        return True
    if word.endswith("ت") and (word[:-1] in forms or word[:-1] + "ي" in forms):
        return True
    return word.endswith("ه") and word in {key(f) for f in verb.participles}
