"""Rules compiled for fast look-up: folded, lower-cased word sets and tables.

Built once per language (cheap, at first use) from the plain data in
`rules/`. Nothing here knows about any particular language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .rules import get_rules
from .rules.base import CueVerb, LanguageRules
from .text import fold


@lru_cache(maxsize=1 << 16)
def key(word: str) -> str:
    """How a token is looked up: folded, lower case, one apostrophe."""
    return fold(word).lower().replace("’", "'")


def _keys(words) -> frozenset[str]:
    return frozenset(key(w) for w in words)


def _phrases(words) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word entries indexed by their first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        parts = tuple(key(p) for p in w.split())
        table.setdefault(parts[0], []).append(parts)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@dataclass(frozen=True)
class Cue:
    verb: CueVerb
    participle: bool
    size: int = 1  # tokens: "pointed out" is two
    bare: bool = False  # "report": only after "to" or a modal


@dataclass(frozen=True)
class Lexicon:
    rules: LanguageRules
    cues: dict[str, tuple[tuple[tuple[str, ...], Cue], ...]]
    according: dict[str, tuple[tuple[str, ...], ...]]
    relay_verbs: frozenset[str]
    relay_nouns: frozenset[str]
    non_claim: frozenset[str]
    complementisers: frozenset[str]
    comp_prepositions: frozenset[str]
    not_comp_after: frozenset[str]
    conj: tuple[str, ...]
    prep_prefixes: tuple[str, ...]
    titles: dict[str, tuple[tuple[str, ...], ...]]
    title_words: frozenset[str]
    synonyms: dict[str, frozenset[str]]
    pronouns: dict[str, str]
    same_source: dict[str, tuple[tuple[str, ...], ...]]
    same_markers: frozenset[str]
    relatives: frozenset[str]
    auxiliaries: frozenset[str]
    particles: frozenset[str]
    negations: frozenset[str]
    subordinators: frozenset[str]
    clause_openers: frozenset[str]
    prepositions: frozenset[str]
    time_words: frozenset[str]
    recipients: frozenset[str]
    recipient_phrases: dict[str, tuple[tuple[str, ...], ...]]
    media_nouns: frozenset[str]
    org_heads: frozenset[str]
    institutions: frozenset[tuple[str, ...]]
    group_nouns: frozenset[str]
    unnamed: frozenset[str]
    documents: frozenset[str]
    places: frozenset[tuple[str, ...]]
    source_of: frozenset[str]
    determiners: frozenset[str]
    connectors: frozenset[str]
    object_heads: frozenset[str]
    honorifics: frozenset[str]  # الدكتور، السيد, "Dr": left out of a role when they close it
    carriers: frozenset[str]  # الموقع، حساب, "website": what an organisation speaks through
    name_particles: frozenset[str]  # "de Vries", "van der Berg": lower-case words inside personal names
    nouns_after: frozenset[str]  # عدم: a cue word after it is a verbal noun ("عدم ذكر اسمه")
    manner: frozenset[str]  # قائلاً، بالقول: "ردّ قائلاً" is one cue
    proposition_heads: frozenset[str]  # ارتفاع، جاهزية: a noun object that states a fact
    appeal_nouns: frozenset[str]  # ضرورة، أهمية: "شدد على ضرورة ..." is an appeal
    descriptive: frozenset[str]  # اقتصادي، أمني: "خبير اقتصادي" is a description, not a name
    regions: frozenset[tuple[str, ...]]  # "Illinois", "Ill.": a state after a town, in its commas
    headline_labels: frozenset[tuple[str, ...]]  # "Report:", "عاجل:": a genre before a colon, no speaker
    skip_patterns: tuple[tuple[str, re.Pattern], ...]

    def strip_conj(self, k: str) -> tuple[str, str]:
        """("و", "قال") for "وقال"; ("", k) when there is no conjunction."""
        if len(k) > 2 and k[0] in self.conj:
            return k[0], k[1:]
        return "", k

    def is_title(self, k: str) -> bool:
        return k in self.title_words

    def title_at(self, keys: Sequence[str], i: int, end: int) -> int:
        """Length in tokens of the title starting at keys[i] (0 if none)."""
        for cand in (keys[i], self.strip_conj(keys[i])[1]):
            for phrase in self.titles.get(cand, ()):
                n = len(phrase)
                if i + n <= end and all(keys[i + j] == phrase[j] for j in range(1, n)):
                    return n
        return 0


def _cue_table(rules: LanguageRules):
    table: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    for verb in rules.cue_verbs:
        for forms, participle, bare in (
            (verb.forms, False, False),
            (verb.participles, True, False),
            (verb.bare, False, True),
        ):
            for form in forms:
                parts = tuple(key(p) for p in form.split())
                table.setdefault(parts[0], []).append((parts, Cue(verb, participle, len(parts), bare)))
    return {k: tuple(sorted(v, key=lambda e: len(e[0]), reverse=True)) for k, v in table.items()}


@cache
def lexicon(language: str) -> Lexicon:
    r = get_rules(language)
    flags = re.IGNORECASE if r.cased else 0
    skips = []
    for label, pats in (
        ("caption", r.captions),
        ("agency", r.agency_lines),
        ("byline", r.bylines),
        ("furniture", r.furniture),
    ):
        # one alternation per label: a line is tested four times, not forty
        skips.append((label, re.compile("|".join(f"(?:{fold(p)})" for p in pats), flags)))
    synonyms: dict[str, set[str]] = {}
    for a, b in r.title_synonyms:
        synonyms.setdefault(key(a), set()).add(key(b))
        synonyms.setdefault(key(b), set()).add(key(a))
    return Lexicon(
        rules=r,
        cues=_cue_table(r),
        according=_phrases(r.according_to),
        relay_verbs=_keys(r.relay_verbs),
        relay_nouns=_keys(r.relay_nouns),
        non_claim=_keys(r.non_claim_verbs),
        complementisers=_complementisers(r),
        comp_prepositions=_keys(r.complementiser_prepositions),
        not_comp_after=_keys(r.not_complementiser_after),
        conj=tuple(key(p) for p in r.conjunction_prefixes),
        prep_prefixes=tuple(key(p) for p in r.preposition_prefixes),
        titles=_phrases(r.titles),
        title_words=frozenset(key(w) for t in r.titles for w in t.split()),
        synonyms={k: frozenset(v) for k, v in synonyms.items()},
        pronouns={key(w): kind for w, kind in r.pronouns},
        same_source=_phrases(r.same_source),
        same_markers=_keys(r.same_source_markers),
        relatives=_keys(r.relative_pronouns),
        auxiliaries=_keys(r.auxiliaries),
        particles=_keys(r.particles),
        negations=_keys(r.negations),
        subordinators=_keys(r.subordinators),
        clause_openers=_keys(r.clause_openers),
        prepositions=_keys(r.prepositions),
        time_words=_keys(r.time_words),
        recipients=_keys(w for w in r.recipients if " " not in w),
        recipient_phrases=_phrases(w for w in r.recipients if " " in w),
        media_nouns=_keys(r.media_nouns),
        org_heads=_keys(w for w in r.org_heads),
        institutions=frozenset(tuple(key(p) for p in w.split()) for w in r.institutions),
        group_nouns=_keys(r.group_nouns),
        unnamed=_keys(r.unnamed_sources),
        documents=_keys(r.document_nouns),
        places=frozenset(tuple(key(p) for p in w.split()) for w in r.places),
        source_of=_keys(w.split()[0] for w in r.source_of),
        determiners=_keys(r.determiners),
        connectors=_keys(r.name_connectors),
        object_heads=_keys(r.extra.get("object_heads", ())),
        honorifics=_keys(r.extra.get("honorifics", ())),
        carriers=_keys(r.extra.get("carriers", ())),
        name_particles=_keys(r.extra.get("name_particles", ())),
        nouns_after=_keys(r.extra.get("nouns_after", ())),
        manner=_keys(r.extra.get("manner_participles", ())),
        proposition_heads=_keys(r.extra.get("proposition_heads", ())),
        appeal_nouns=_keys(r.extra.get("appeal_nouns", ())),
        descriptive=_keys(
            [w for a in r.extra.get("descriptive_adjectives", ()) for w in (a, a + "ة", a + "ون", a + "ين")]
        ),
        regions=frozenset(tuple(key(p) for p in w.rstrip(".").split()) for w in r.extra.get("regions", ())),
        headline_labels=frozenset(
            tuple(key(p) for p in w.split()) for w in r.extra.get("headline_labels", ())
        ),
        skip_patterns=tuple(skips),
    )


def _complementisers(r: LanguageRules) -> frozenset[str]:
    out = set()
    for c in r.complementisers:
        c = key(c)
        out.add(c)
        for s in r.complementiser_suffixes:
            out.add(c + key(s))
    # "إنّه" may be spelled with a doubled nun before the pronoun: إننا، أنني
    return frozenset(out)
