"""The shape of a language's rules: plain data, no behaviour.

Every list here is written as a reader would spell it (with hamza, shadda or
capitals); the pipeline folds it the same way it folds the article before
matching, so spelling variants in articles still match.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# What a cue verb introduces.
SAY = "say"  # a clause or a quotation ("said that ...", "قال إن ...")
REPORT = "report"  # only with a complementiser, colon, quotation or clear clause ("announced that")
OBJECT = "object"  # a noun phrase is enough ("denied the reports", "نفى وجود خطط")


@dataclass(frozen=True)
class CueVerb:
    """A reporting verb with all the forms an article may use."""

    lemma: str
    forms: tuple[str, ...]
    participles: tuple[str, ...] = ()  # adverbial: "مؤكداً أنّ", "adding that"
    kind: str = SAY
    # Headline verb, present tense: (masculine, feminine) in Arabic, (singular, plural) in English.
    present: tuple[str, str] = ("", "")
    preposition: str = ""  # belongs to the cue when it follows: أشار إلى، لفت إلى
    clitic: str = ""  # a proclitic preposition that must start the content: دفع بـ
    recipient: bool = False  # "told reporters ...": the indirect object follows the verb
    bare: tuple[str, ...] = ()  # English bare forms, allowed after "first to" and modals
    not_before: tuple[str, ...] = ()  # no report when one of these follows: "called on", "called for"


@dataclass(frozen=True)
class LanguageRules:
    code: str
    name: str
    script: str  # "arabic" or "latin": used by detection
    verb_first: bool  # default word order puts the verb before its subject (Arabic VSO)
    cased: bool  # proper names are capitalised (English)

    quote_pairs: tuple[tuple[str, str], ...]
    sentence_ends: str
    abbreviations: frozenset[str]

    cue_verbs: tuple[CueVerb, ...]
    according_to: tuple[str, ...]  # "according to X", "بحسب X": the source follows
    relay_verbs: tuple[str, ...]  # "نقلت وكالة عن مسؤول قوله": the source follows عن
    relay_nouns: tuple[str, ...]  # قوله، قولها
    non_claim_verbs: tuple[str, ...]  # appeals and orders: دعا، طالب، urged

    complementisers: tuple[str, ...]
    complementiser_suffixes: tuple[str, ...]  # إنه، أنها: attached pronouns go with the complementiser
    complementiser_prepositions: tuple[str, ...]  # أشار إلى أن، شدد على أن
    not_complementiser_after: tuple[str, ...]  # بعد أن، قبل أن: temporal, not reported speech
    conjunction_prefixes: tuple[str, ...]  # و، ف
    preposition_prefixes: tuple[str, ...]  # ل، ب

    titles: tuple[str, ...]
    title_synonyms: tuple[tuple[str, str], ...]
    pronouns: tuple[tuple[str, str], ...]  # word -> "person" | "group"
    same_source: tuple[str, ...]  # "the same source", "المصدر ذاته"
    same_source_markers: tuple[str, ...]  # ذاته، نفسه: "<noun> ذاته"
    relative_pronouns: tuple[str, ...]
    auxiliaries: tuple[str, ...]  # between subject and verb: has, was, كان
    particles: tuple[str, ...]  # قد، لقد
    negations: tuple[str, ...]
    subordinators: tuple[str, ...]  # a verb follows: عندما، بينما، after
    clause_openers: tuple[str, ...]  # words that start a clause: and, but, لكن
    prepositions: tuple[str, ...]
    time_words: tuple[str, ...]
    recipients: tuple[str, ...]  # reporters, الصحفيين
    media_nouns: tuple[str, ...]  # statement, interview, بيان، تصريح
    org_heads: tuple[str, ...]  # ministry, وزارة: generic heads of organisation names
    institutions: tuple[str, ...]  # the Kremlin, البيت الأبيض: names used as sources
    group_nouns: tuple[str, ...]  # officials, police, مصادر
    unnamed_sources: tuple[str, ...]  # source, مصدر
    document_nouns: tuple[str, ...]  # report, data, بيان، تقرير
    places: tuple[str, ...]
    source_of: tuple[str, ...]  # "صادرة عن X": the source is X
    determiners: tuple[str, ...]
    name_connectors: tuple[str, ...]  # "of", "for", "and" inside capitalised names

    furniture: tuple[str, ...]  # regexes matched against a whole line
    captions: tuple[str, ...]
    agency_lines: tuple[str, ...]
    bylines: tuple[str, ...]
    extra: dict = field(default_factory=dict, compare=False, hash=False)
