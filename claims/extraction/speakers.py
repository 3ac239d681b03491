"""Speakers: what a subject phrase is (a name, a title and a name, a
pronoun, "the same source"...). The people and organisations an article
names are found in `entities`; whom each mention designates is decided in
`resolver`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import Lexicon
from .names import leading_nisbas, strip_honorifics
from .rules.base import OBJECT, CueVerb
from .text import QUOTE_CHARS

if TYPE_CHECKING:
    from .document import Sentence


@dataclass
class Mention:
    """A phrase naming (or standing for) a source."""

    kind: str  # name | description | pronoun | elided | same | group
    start: int = 0  # folded span of the name (or of the whole phrase)
    end: int = 0
    roles: tuple[tuple[int, int], ...] = ()
    pos: int = 0
    pronoun: str = ""
    keys: tuple[str, ...] = ()
    raw_keys: tuple[str, ...] = ()  # keys of the whole phrase as written (with the Arabic article)
    prefix: str = ""  # written before the slice [start, end) to make the name: للوزارة -> ال + وزارة
    headline: bool = False
    person: bool = False  # a title or he/she says it is a person
    determiner: bool = False  # "the Spaniard": a description after all when no name matches
    generic: bool = False  # "الوزارة", "the company": an organisation named by its head noun


# ================================================================ analysis of a subject phrase


def _nk(k: str, lex: Lexicon) -> str:
    """Comparison key of a name token: Arabic article and English possessive dropped."""
    if not lex.rules.cased:
        if k.startswith("ال") and len(k) > 4:
            return k[2:]
        if k.startswith("لل") and len(k) > 4:
            return k[2:]
        return k
    if k.endswith("'s"):
        return k[:-2]
    return k


def mention_from_tokens(
    sent: Sentence,
    a: int,
    b: int,
    role: tuple[int, int] | None = None,
    headline: bool = False,
    strip_prefix: int = 0,
) -> Mention | None:
    """Analyse the subject phrase sent[a:b] (token indices)."""
    lex = sent.lex
    words = [j for j in range(a, b) if sent.word(j)]
    if not words:
        return None
    keys = [sent.k[j] for j in words]
    pos = sent.s[words[0]]
    extra = ((sent.s[role[0]], sent.e[role[1] - 1]),) if role and role[1] > role[0] else ()
    lead = 0  # characters of the first word left out of the name
    prefix = ""  # and written before it instead: للوزارة -> الوزارة
    if strip_prefix:
        if keys[0].startswith("لل"):
            keys[0] = "ا" + keys[0][1:]
            lead, prefix = 2, "ال"
        else:
            keys[0] = keys[0][strip_prefix:]
            lead = strip_prefix

    def span(i0: int, i1: int, skip: int = 0) -> tuple[int, int]:
        s, e = sent.s[words[i0]] + (lead if i0 == 0 else skip), sent.e[words[i1 - 1]]
        if (
            e < len(sent.t)
            and sent.t[e] in QUOTE_CHARS
            and sum(sent.t[s:e].count(c) for c in QUOTE_CHARS) % 2
        ):
            e += 1  # صحيفة "نيويورك تايمز": keep the closing mark of a quoted name
        return s, e

    def make(kind: str, i0: int, i1: int, roles=(), skip: int = 0, pre: str = "", **kw) -> Mention:
        s, e = span(i0, i1, skip)
        return Mention(
            kind,
            s,
            e,
            tuple(roles) + extra,
            pos,
            prefix=prefix if i0 == 0 else pre,
            headline=headline,
            raw_keys=tuple(keys[i0:i1]),
            **kw,
        )

    n = len(keys)
    if n == 1 and keys[0] in lex.pronouns:
        return make("pronoun", 0, 1, pronoun=lex.pronouns[keys[0]])
    for phrase in lex.same_source.get(keys[0], ()):
        if tuple(keys[: len(phrase)]) == phrase:
            return make("same", 0, n)
    if keys[-1] in lex.same_markers and n <= 3:
        return make("same", 0, n)
    if lex.rules.cased and n >= 3 and keys[0] == "the" and keys[1] == "same":
        return make("same", 0, n)
    i0 = 0
    while i0 < n - 1 and keys[i0] in lex.determiners:
        i0 += 1
    if lex.rules.cased:
        return _english(sent, words, keys, i0, make)
    return _arabic(sent, keys, make)


# prepositions that attach a place of work to a title: "النائب عن الحزب", "الخبير في جامعة X"
ROLE_PREPOSITIONS = frozenset(["في", "لدي", "من", "عن"])


def title_extent(keys: list[str] | tuple[str, ...], i: int, n: int, lex: Lexicon) -> int:
    """End of an Arabic title and its complement starting at keys[i]:
    "نائب وزير الخارجية الروسي", "المتحدث باسم الكرملين", "الرئيس التنفيذي لشركة أبل"."""
    t = lex.title_at(keys, i, n)
    if not t:
        return i
    x = i + t
    k = keys[x - 1]
    if (
        x < n
        and not lex.strip_conj(keys[i])[1].startswith("ال")
        and keys[x] in lex.descriptive
        and k not in lex.honorifics
    ):
        x += 1  # "خبير اقتصادي", "محلل مالي": an adjective, not a name
    while x < n:
        kx = keys[x]
        if kx in lex.complementisers or (kx in lex.time_words and lex.title_at(keys, x - 1, x + 1) != 2):
            break
        if kx.startswith(("ال", "لل")) or kx in lex.title_words or kx == "باسم":
            x += 1  # "الخارجية الروسي", "للشركة" (definite), "باسم"
        elif kx.startswith("وال") and x > i + 1 and keys[x - 1].startswith(("ال", "وال")):
            x += 1  # "وزير الموارد المائية والري"
        elif kx in lex.org_heads or (kx[:1] in "لب" and kx[1:] in lex.org_heads):
            x += 2  # "لشركة أبل", "بجامعة الكويت"
        elif kx in ROLE_PREPOSITIONS and place_size(keys, x + 1, n, lex):
            x += 1 + place_size(keys, x + 1, n, lex)  # "مدير مستشفى الشفاء في غزة": where the post is
        elif kx in ROLE_PREPOSITIONS and x + 2 < n and keys[x + 1] in lex.org_heads:
            # "الخبير الاقتصادي في جامعة الكويت"; "النائب عن الكتلة" needs no complement
            x += 2 if keys[x + 1].startswith("ال") else 3
        elif (
            kx in ROLE_PREPOSITIONS
            and x + 2 < n
            and (keys[x + 1].startswith("ال") or keys[x + 2].startswith("ال"))
        ):
            z = x + 1 if keys[x + 1].startswith("ال") else x + 2  # "في شؤون المياه": an annexation
            while z < n and keys[z].startswith("ال"):
                z += 1
            x = z  # "النائب عن الحزب غسان حاصباني", "القيادي في الجبهة", "الخبير في شؤون المياه"
        elif kx[:1] == "ل" and len(kx) > 3 and x > i and _complement_with_li(keys, x, n, lex):
            x += 1  # "مدرب المنتخب لكرة القدم", "المدير العام لسوناطراك"
        else:
            break
    return min(x, n)


def place_size(keys, x: int, n: int, lex: Lexicon) -> int:
    """Length of the known place named at keys[x] with a word after it (0 if
    none), with a point of the compass before it: "غزة", "جنوب لبنان"."""
    compass = 1 if x + 1 < n and keys[x] in lex.rules.extra.get("compass_words", ()) else 0
    for size in (3, 2, 1):
        if x + compass + size < n and tuple(keys[x + compass : x + compass + size]) in lex.places:
            return compass + size
    return 0


def _complement_with_li(keys, x: int, n: int, lex: Lexicon) -> bool:
    """Is keys[x], a word starting with ل, the complement of the title before
    it ("لكرة القدم", "المدير العام لسوناطراك") rather than a name (ليلى)?"""
    if x + 1 < n and keys[x + 1].startswith("ال"):
        return True  # an annexation: "لكرة القدم", "لشؤون اللاجئين"
    if keys[x][1:] in lex.title_words or keys[x][1:] in lex.org_heads:
        return True  # "المستشار الإعلامي لقائد قوات الدعم السريع"
    return keys[x - 1] in lex.title_words and keys[x - 1].startswith("ال")


def _english(sent, words, keys, i0, make) -> Mention:
    lex = sent.lex
    w = [sent.w[j] for j in words]
    n = len(keys)
    for p in range(i0 + 2, n - 1):
        if keys[p] in ("of", "at", "from") and w[p - 1][:1].isupper() and w[p - 2][:1].isupper():
            # "Dr. Severine Sabia of the institute Inserm": the person, then where she works
            head = _english(sent, words[:p], keys[:p], i0, make)
            if head.kind == "name" and head.person:
                return head
            break
    issuer = _english_issuer(w, keys, i0, lex)
    if issuer is not None:
        # "a statement from the Interior Ministry", "CDC data": who issued the document speaks
        a, b = issuer
        return _english(sent, words[:b], keys[:b], a, make) if b < n else _english(sent, words, keys, a, make)
    nk = tuple(_nk(k, lex) for k in keys)
    if keys[-1] in lex.group_nouns and not all(x[:1].isupper() for x in w[i0:]):
        return make("group", i0, n)
    first = last = None  # the first title with a name after it, the last one before the name
    i = i0
    while i < n:
        if keys[i] in ("for", "of", "at", "with") and first is None and i > i0 and lex.is_title(keys[i - 1]):
            break  # "a spokesperson for Attorney General Dave Yost": the name is in the complement
        t = lex.title_at(keys, i, n)
        if t and _name_words(w[i + t :], keys[i + t :], lex):
            first = first or (i, t)
            if i + t < n:
                last = (i, t)  # "Assistant U.S. Attorney Rachel Kim": the name follows the last title
            i += t
            continue
        i += 1
    if last is not None:
        i, t = last
        role_end = strip_honorifics(keys, i0, i + t, lex.honorifics)  # "lead author Dr." -> "lead author"
        roles = (_span_of(sent, words, i0, role_end),) if role_end > i0 else ()
        return make("name", i + t, n, roles=roles, keys=nk[i + t :], person=True)

    if first is not None:
        return make("description", i0, n, keys=nk[i0:], person=True, determiner=keys[0] == "the")
    c = _described_name(w, keys, i0, lex)
    if c:
        # "Consumer group HomeSafe Europe", "retired schoolteacher Linda Park"
        person = keys[c - 1] not in lex.org_heads and 2 <= n - c <= 3
        return make("name", c, n, roles=(_span_of(sent, words, i0, c),), keys=nk[c:], person=person)
    capital = all(
        x[:1].isupper() or x[:1].isdigit() or k in lex.connectors
        for x, k in zip(w[i0:], keys[i0:], strict=True)
    )
    if capital:
        return make("name", i0, n, keys=nk[i0:], determiner=i0 > 0)
    if w[i0][:1].isupper() and any(x[:1].isupper() for x in w[i0 + 1 :]):
        return make("group", i0, n)
    # "the company", "their union": an organisation named by its head noun
    generic = keys[0] in ("the", "its", "their", "our") and n - i0 <= 2 and keys[-1] in lex.org_heads
    return make("description", i0, n, keys=nk[i0:], determiner=keys[0] == "the", generic=generic)


def _english_issuer(w, keys, i0: int, lex: Lexicon) -> tuple[int, int] | None:
    """(start, end) of the issuer inside a document phrase: "a statement from
    the Interior Ministry", "data released by the statistics agency", "CDC
    data"; None when the phrase is not one ("court records" stays)."""
    n = len(keys)

    def carrier(k: str) -> bool:
        return k in lex.documents or k in lex.media_nouns or k in lex.carriers

    if i0 < n - 1 and carrier(keys[i0]):
        x = i0 + 1
        if x < n and keys[x].endswith("ed") and x + 1 < n and keys[x + 1] == "by":
            x += 1  # "released by", "issued by"
        if x < n - 1 and keys[x] in ("from", "by", "of"):
            y = x + 1
            while y < n - 1 and keys[y] in lex.determiners:
                y += 1
            if w[y][:1].isupper() or keys[-1] in lex.org_heads or keys[-1] in lex.group_nouns:
                return y, n
    if n - i0 >= 2 and carrier(keys[-1]) and w[-1].islower() and all(x[:1].isupper() for x in w[i0 : n - 1]):
        return i0, n - 1  # "CDC data", "Labour Ministry figures" (not "the Geological Survey")
    return None


def _described_name(w, keys, i0: int, lex: Lexicon) -> int:
    """Start of a name closing a phrase that opens with lower-case words
    describing it ("smart-home company Voltaris"); 0 when there is none."""
    n = len(keys)
    c = n
    while c > i0 and (
        w[c - 1][:1].isupper()
        or (keys[c - 1] in lex.connectors and c < n and c - 1 > i0 and w[c - 2][:1].isupper())
    ):
        c -= 1
    if not i0 < c < n or not w[c][:1].isupper():
        return 0
    before = keys[c - 1]
    if (
        before in lex.prepositions
        or before in lex.determiners
        or before.endswith("'s")
        or before in lex.connectors
    ):
        return 0  # "analysts at Rijnmond Securities", "the country's Foo"
    if not all(x.islower() or (i == i0 and x[:1].isupper()) for i, x in enumerate(w[i0:c], i0)):
        return 0
    return c


def _name_words(w, keys, lex: Lexicon) -> bool:
    """Capitalised words, with the particles of personal names ("Sanne de Vries")."""
    return all(
        x[:1].isupper() or (k in lex.name_particles and i + 1 < len(w) and w[i + 1][:1].isupper())
        for i, (x, k) in enumerate(zip(w, keys, strict=True))
    )


def _arabic(sent, keys, make) -> Mention:
    lex = sent.lex
    n = len(keys)
    k0 = keys[0]
    nk = tuple(_nk(k, lex) for k in keys)
    if k0 in lex.group_nouns and n <= 4:
        return make("group", 0, n)
    issuer = _issuer_in_carrier(keys, lex)
    if issuer:
        # "بيانات الإدارة المركزية للإحصاء", "تقرير أولي لشبكة X": the issuer speaks
        i, skip = issuer
        k = keys[i][skip:]
        pre = "ال" if skip == 2 else ""
        return make("name", i, n, keys=(_nk(pre + k, lex), *nk[i + 1 :]), skip=skip, pre=pre)
    x = title_extent(keys, 0, n, lex)
    if x:
        if x < n:
            # "المتحدث باسم الوزارة الدكتور خالد": the courtesy title is in neither
            role_end = strip_honorifics(keys, 0, x, lex.honorifics)
            roles = (_span_words(make, 0, role_end),) if role_end else ()
            return make("name", x, n, roles=roles, keys=nk[x:], person=True)
        return make("description", 0, n, keys=nk, person=True)
    d = leading_nisbas(keys, lex.honorifics)
    if d:
        # "التونسي سامي بن عمار": a nationality before the name is a description
        return make("name", d, n, keys=nk[d:], person=True)
    if (
        k0.startswith("ال")
        and n <= 2
        and (k0 in lex.org_heads or k0 in lex.unnamed or k0 in lex.documents)
        and not any((k,) in lex.places or (k,) in lex.institutions for k in keys)
    ):
        return make("description", 0, n, keys=nk, generic=True)
    return make("name", 0, n, keys=nk)


def _issuer_in_carrier(keys, lex: Lexicon) -> tuple[int, int] | None:
    """(index, prefix length) of the organisation that issued the document or
    runs the page named first: "بيان صادر عن مكتب X", "الموقع الرسمي لنادي X",
    "بيانات الإدارة المركزية"; None when the phrase is not such a carrier."""
    n = len(keys)
    first = 1 if n > 2 and keys[0] in lex.rules.extra.get("latest", ()) else 0  # "أحدث أرقام المنظمة"
    k0 = keys[first]
    if n - first < 2 or not (k0 in lex.documents or k0 in lex.media_nouns or k0 in lex.carriers):
        return None
    i = first + 1
    while i < min(n, 4) and not (keys[i] in lex.org_heads or keys[i] in lex.source_of or keys[i][:1] == "ل"):
        i += 1  # adjectives: "الرسمي", "الأخير", "أولي"
    if i < n and keys[i] in lex.source_of:
        i += 1  # "صادرة عن", "الصادر عن"
        if i < n and keys[i] in ("عن", "من"):
            i += 1
    if i >= n:
        return None
    k = keys[i]
    if k in lex.org_heads or (k,) in lex.places or (k,) in lex.institutions:
        return i, 0
    if k.startswith("لل") and len(k) > 3:
        return i, 2  # "بيان للجيش": the army
    if k[:1] == "ل" and len(k) > 3:
        return i, 1  # "الموقع الرسمي لنادي الصقور", "تقرير أولي لشبكة «سي إن إن»", "تقرير لمرصد «حقوق»"
    return None


def _span_of(sent, words, i0, i1) -> tuple[int, int]:
    last = words[i1 - 1]
    e = sent.e[last]
    if e < len(sent.t) and sent.t[e] == "." and sent.k[last] in sent.lex.rules.abbreviations:
        e += 1  # "Gov.", "Dr."
    return sent.s[words[i0]], e


def _span_words(make, i0, i1) -> tuple[int, int]:
    m = make("name", i0, i1)
    return m.start, m.end


_SUBJECT_VERB = CueVerb("", (), (), OBJECT)


class _FakeCue:
    verb = _SUBJECT_VERB
    participle = False
    size = 1


def sentence_subject(sent: Sentence, extractor) -> Mention | None:
    """Subject of a sentence's first verb, for a participle with no cue before it."""
    lex = sent.lex
    n = sent.n
    j = 0
    while j < n and not sent.word(j):
        j += 1
    if j >= n - 1:
        return None
    if not lex.rules.cased:
        # "في المقابل، رحبت الغرفة": past an opening phrase
        opener = sent.bare(j) in lex.prepositions or sent.k[j] in lex.time_words
        c = next((c for c in range(j + 1, min(n, j + 5)) if sent.comma(c)), -1) if opener else -1
        if c > 0 and c + 1 < n and not any(sent.cue[y] is not None for y in range(j, c)):
            j = c + 1
        conj, bare = lex.strip_conj(sent.k[j])
        k0 = sent.k[j]
        # "أعلنت الجماعة ...", "رحبت غرفة الصناعة ...": an Arabic sentence opens with its verb
        verb = (
            conj
            or sent.cue[j] is not None
            or not (
                k0.startswith("ال")
                or k0 in lex.prepositions
                or k0 in lex.time_words
                or k0 in lex.org_heads
                or k0 in lex.title_words
                or k0 in lex.particles
                or k0 in lex.negations
                or k0 in lex.subordinators
                or k0 in lex.clause_openers
                or (k0,) in lex.places
                or len(k0) < 3
            )
        )
        if not verb or bare in lex.prepositions or sent.k[j].startswith(("وال", "فال")):
            return None
        if sent.cue[j + 1] is not None:
            return None  # "فردّ قائلاً": the verb has no subject of its own
        subj = extractor.object_subject(sent, j + 1, _FakeCue, False)
        if subj is None or subj[0] == subj[1]:
            return None
        return mention_from_tokens(sent, subj[0], subj[1])
    subj = extractor.np_after(sent, extractor.dateline_end(sent))
    if subj is None:
        return None
    return mention_from_tokens(sent, subj[0], subj[1], role=subj[3])
