"""Resolution of mentions to the sources of an article: the fullest name of
each source, its role, its kind and the other names it goes by.

Resolution follows the guidelines: the speaker is the fullest name of the
source anywhere in the article, titles left out; pronouns, elided subjects,
"the same source" and bare surnames resolve to it; organisations and places
stay as written. Entities are indexed by their words, their role words and
the order of their mentions, so that resolving stays near linear in the
length of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .entities import Entity, _organisation_role
from .lexicon import Lexicon, key
from .speakers import Mention, _nk

if TYPE_CHECKING:
    from .document import Document
    from .spans import Raw

# how far back along the article's mentions a pronoun or "the company" looks,
# and how many entities sharing a word a name is compared with
_LOOKBACK = 400
_CANDIDATES = 256

_ROLE_STOP = frozenset({"of", "the", "for", "and", "a", "an", "باسم", "في", "ب", "،", ","})


@dataclass
class Speaker:
    name: str
    role: str
    kind: str
    aliases: tuple[str, ...]


class Resolver:
    """Resolve every claim's mention to an entity of the article."""

    def __init__(self, doc: Document, raws: list[Raw], scanned: list[Entity]):
        self.doc = doc
        self.lex = doc.lex
        self.raws = sorted(raws, key=lambda r: r.cue_pos)
        self.entities: list[Entity] = []
        self._by_keys: dict[tuple[str, ...], Entity] = {}
        self._by_word: dict[str, list[Entity]] = defaultdict(list)  # a word -> entities whose name has it
        self._by_role_word: dict[str, list[Entity]] = defaultdict(list)  # a role word -> entities
        self._role_words: dict[int, frozenset[str]] = {}  # id(entity) -> its role words
        self._by_acronym: dict[str, Entity] = {}
        self._timeline: list[tuple[int, int, Entity]] = []  # every mention, in text order
        self._seq = 0
        self._occurrences: dict[str, list[int]] = {}
        for r in self.raws:
            m = r.mention
            if m.kind == "name" and not m.headline and not (m.determiner and len(m.keys) == 1):
                role = m.roles[0] if m.roles else None
                text = self._written(m)
                person = m.person or (role is not None and self._person_role(role))
                ent = Entity(m.keys, m.start, m.end, text, role, person, [m.pos], extra_roles=m.roles[1:])
                ent.claims = 1
                self._add(ent)
        for ent in scanned:
            self._add(ent)

    def _person_role(self, role: tuple[int, int]) -> bool:
        """ "Johnson, a former banker, said": a name described by an appositive
        that is no organisation's ("Voltaris, a panel maker") is a person's."""
        if not self.lex.rules.cased:
            return False
        words = [key(w.strip(",.;:")) for w in self.doc.t[role[0] : role[1]].split()]
        if not words or (words[0] not in ("a", "an", "the") and not self.lex.title_words & set(words)):
            return False
        return not _organisation_role(words, 0, len(words), self.lex)

    # ------------------------------------------------------------ the entity table

    def _add(self, ent: Entity) -> Entity:
        if not ent.keys:
            return ent
        e = self._by_keys.get(ent.keys)
        if e is not None:
            for p in ent.positions:
                self._mentioned(e, p)
            e.person = e.person or ent.person
            e.headline = e.headline and ent.headline
            e.claims += ent.claims
            roles_changed = bool(ent.extra_roles) or (e.role is None and ent.role is not None)
            if e.role is None and ent.role is not None:
                e.role = ent.role
            if ent.extra_roles:
                e.extra_roles = tuple(e.extra_roles) + tuple(ent.extra_roles)
            e.acronym = e.acronym or ent.acronym
            if e.acronym:
                self._by_acronym.setdefault(e.acronym, e)
            if roles_changed:
                self._index_roles(e)
            return e
        positions = sorted(ent.positions)
        ent.positions = []
        for p in positions:
            self._mentioned(ent, p)
        self.entities.append(ent)
        self._by_keys[ent.keys] = ent
        for k in set(ent.keys):
            self._by_word[k].append(ent)
        if ent.acronym:
            self._by_acronym.setdefault(ent.acronym, ent)
        if ent.role or ent.extra_roles:
            self._index_roles(ent)
        return ent

    def _mentioned(self, ent: Entity, pos: int) -> None:
        """Record that `ent` is mentioned at `pos` (its positions stay sorted)."""
        insort(ent.positions, pos)
        self._seq += 1
        insort(self._timeline, (pos, self._seq, ent))

    def _index_roles(self, ent: Entity) -> None:
        words = frozenset(self._roles_keys(ent))
        old = self._role_words.get(id(ent), frozenset())
        for k in words - old:
            self._by_role_word[k].append(ent)
        self._role_words[id(ent)] = words | old

    def _roles_keys(self, ent: Entity) -> set[str]:
        out: set[str] = set()
        for span in ((ent.role,) if ent.role else ()) + tuple(ent.extra_roles):
            out.update(_role_keys(self.doc.t[span[0] : span[1]], self.lex))
        return out

    # ------------------------------------------------------------ finding entities

    def by_name(
        self, keys: tuple[str, ...], exclude: Entity | None = None, headline: bool = False
    ) -> Entity | None:
        """The fullest name containing `keys`: "بيسكوف" -> "ديمتري بيسكوف"."""
        if not keys:
            return None
        n = len(keys)
        if n == 1 and keys[0] in self._by_acronym and self._by_acronym[keys[0]] is not exclude:
            return self._by_acronym[keys[0]]
        best = None
        rarest = min(keys, key=lambda k: len(self._by_word.get(k, ())))
        for e in self._by_word.get(rarest, ())[-_CANDIDATES:]:
            ek = e.keys
            if e is exclude or len(ek) < n or not _contains(ek, keys):
                continue
            if len(ek) > n and not (
                headline
                or e.person
                or ek[:n] == keys
                or (n == 1 and self._personal_name(e))
                or (n == 1 and ek[-1] == keys[0] and keys[0] in self.lex.org_heads)  # "the Commission"
            ):
                continue
            if best is None or self._fuller(e, best, keys, headline):
                best = e
        return best

    @staticmethod
    def _fuller(e: Entity, best: Entity, keys: tuple[str, ...], headline: bool) -> bool:
        """Is `e` a better owner of the name `keys` than `best`? The fullest
        name; in a headline first the one that ends with it ("الصحة:" is
        "وزارة الصحة" rather than "هيئة الصحة العامة")."""
        if headline:
            n = len(keys)
            ends, best_ends = e.keys[-n:] == keys, best.keys[-n:] == keys
            if ends != best_ends:
                return ends
        return len(e.keys) > len(best.keys)

    def _personal_name(self, e: Entity) -> bool:
        """Two to four name words without connectors or organisation words."""
        lex = self.lex
        words = self.doc.t[e.start : e.end].split()
        if lex.rules.cased:
            if not 2 <= len(e.keys) <= 4:
                return False
            if any(key(w) in lex.connectors or key(w) in lex.org_heads for w in words):
                return False
            return all(w[:1].isupper() and not w.isupper() for w in words)
        # "خالد بن سعد المطيري", "ناصر عبد الله الراشد": connectors bind name words
        core = [w for w in words if key(w) not in lex.connectors]
        if not 2 <= len(core) <= 5:
            return False
        return not any(key(w) in lex.org_heads for w in words)

    def by_role(self, keys: tuple[str, ...], pos: int, headline: bool) -> Entity | None:
        wanted = _role_keys(" ".join(keys), self.lex)
        if not wanted:
            return None
        variants = [wanted]
        joined = " ".join(sorted(wanted))
        for a, bs in self.lex.synonyms.items():
            if a in wanted or a == joined:
                for b in bs:
                    variants.append((wanted - {a}) | set(b.split()))
            parts = set(a.split())
            if len(parts) > 1 and parts <= wanted:
                for b in bs:
                    variants.append((wanted - parts) | set(b.split()))

        def fits(e: Entity) -> bool:
            roles = self._role_words.get(id(e))
            if not roles:
                return False
            return any(v <= roles for v in variants) or (headline and len(wanted & roles) >= 2)

        return self._nearest(fits, pos, headline)

    def by_head(self, keys: tuple[str, ...], pos: int) -> Entity | None:
        if self.lex.rules.cased:
            # "spokesperson for Attorney General X": the head comes before its complement
            cut = next(
                (i for i, k in enumerate(keys) if k in ("for", "of", "at", "with", "from") and i), len(keys)
            )
            keys = keys[:cut]
        heads = [k for k in keys if k not in _ROLE_STOP]
        if not heads:
            return None
        head = heads[-1] if self.lex.rules.cased else heads[0]
        return self._nearest(lambda e: head in e.keys and e.keys != keys and not e.headline, pos, False)

    def _nearest(self, fits, pos: int, headline: bool) -> Entity | None:
        """The entity that `fits` mentioned last before `pos`, else the first one
        after (in a headline: the first one the article mentions)."""
        timeline = self._timeline
        if headline:
            return next((e for _, _, e in timeline[:_LOOKBACK] if fits(e)), None)
        i = bisect_left(timeline, (pos,))
        found = None
        for p, _, e in reversed(timeline[max(0, i - _LOOKBACK) : i]):
            if found is not None and p < found[0]:
                break
            if fits(e) and (found is None or len(e.keys) > len(found[1].keys)):
                found = (p, e)  # at one place, the fullest name
        if found is not None:
            return found[1]
        return next((e for _, _, e in timeline[i : i + _LOOKBACK] if fits(e)), None)

    def last_person(self, pos: int, inside: tuple[int, int] = (0, 0)) -> Entity | None:
        """The person mentioned last before `pos` (not within the span `inside`,
        the phrase being resolved: "the Red Lions manager")."""
        i = bisect_left(self._timeline, (pos,))
        for p, _, e in reversed(self._timeline[max(0, i - _LOOKBACK) : i]):
            if inside[0] <= p < inside[1]:
                continue
            if e.person or self._looks_like_person(e):
                return e
        for _, _, e in self._timeline[:_LOOKBACK]:
            if e.person:
                return e  # the first person of the article
        return None

    def _titled(self, keys: tuple[str, ...]) -> bool:
        """Does a description hold a title ("the spokesman", "المتحدث")? "their
        union" is no role of the union's chief executive."""
        titles = self.lex.title_words
        return any(k in titles or "ال" + k in titles for k in keys)

    def _definite_person(self, m: Mention) -> bool:
        """ "the head coach", "المدرب": a title standing for someone already named."""
        lex = self.lex
        if not (m.person or _is_title_only(m.keys, lex)) or len(m.keys) > 4:
            return False
        if lex.rules.cased:
            return (m.determiner or m.headline) and not any(k in lex.prepositions for k in m.keys)
        return False  # Arabic titles are matched against roles only

    @staticmethod
    def _definite(k: str) -> bool:
        return k.startswith("ال")

    def last_organisation(self, pos: int) -> Entity | None:
        """ "the company": the organisation the article is most about before `pos`
        (the one named most often, the latest on a tie); else one named just after."""
        i = bisect_left(self._timeline, (pos,))
        best = None
        seen: set[int] = set()
        for p, _, e in reversed(self._timeline[max(0, i - _LOOKBACK) : i]):
            if id(e) in seen:
                continue
            seen.add(id(e))
            if not self._organisation(e):
                continue
            rank = (self._count_before(e.keys[0], pos), p)
            if best is None or rank > best[0]:
                best = (rank, e)
        if best:
            return best[1]
        # "..., their union said. The New Zealand Nurses Organisation said": named just after
        for p, _, e in self._timeline[i : i + _LOOKBACK]:
            if p >= pos + 300:
                break
            if p > pos and self._organisation(e):
                return e
        return None

    def _organisation(self, e: Entity) -> bool:
        if e.person or kind_of(e, self.lex, self.doc) != "organisation":
            return False
        # "Patel" is Maya Patel's surname, not a company
        return not any(
            o.person and len(o.keys) > len(e.keys) and _contains(o.keys, e.keys)
            for o in self._by_word.get(e.keys[0], ())[-_CANDIDATES:]
        )

    def _count_before(self, word: str, pos: int) -> int:
        """How often `word` occurs in the article before `pos`."""
        found = self._occurrences.get(word)
        if found is None:
            found = []
            kt = self.doc.kt
            i = kt.find(word)
            while i >= 0:
                found.append(i)
                i = kt.find(word, i + 1)
            self._occurrences[word] = found
        return bisect_left(found, pos)

    def issuer(self, m: Mention, r: Raw, resolved: dict[int, Entity | None]) -> Entity | None:
        """ "بحسب التقرير", "the statement said": the source of an earlier claim
        made in that document ("ذكرت الهيئة، في تقريرها الأسبوعي، أن")."""
        lex = self.lex
        words = [k for k in m.raw_keys if k not in lex.determiners]
        if not 1 <= len(words) <= 2 or not (words[0] in lex.documents or words[-1] in lex.documents):
            return None
        head = _nk(words[0] if words[0] in lex.documents else words[-1], lex)
        pattern = _mention_of(head, lex.rules.cased)
        kt = self.doc.kt
        earlier = [q for q in self.raws if q.cue_pos < r.cue_pos][-50:]  # the last claims before it
        for q in reversed(earlier):
            if resolved.get(id(q)) is None:
                continue
            para = self.doc.paragraphs[q.para]
            if pattern.search(kt, para.start, q.start) or pattern.search(kt, q.end, para.end):
                return resolved[id(q)]
        # "وأصدرت الوزارة بياناً ... وأوضح البيان أن": issued just before by an organisation
        para = self.doc.paragraphs[r.para]
        if pattern.search(kt, para.start, m.start):
            return self._nearest(self._organisation, m.start, False)
        return None

    def _looks_like_person(self, e: Entity) -> bool:
        return kind_of(e, self.lex, self.doc) == "person" and e.claims > 0

    # ------------------------------------------------------------ the walk

    def resolve(self) -> dict[int, Speaker]:
        """Speaker of every claim, keyed by id() of the raw claim."""
        lex = self.lex
        out: dict[int, Entity | None] = {}
        last: Entity | None = None
        for r in self.raws:
            m = r.mention
            ent: Entity | None = None
            if m.kind in ("elided", "same"):
                ent = last
            elif m.kind == "pronoun":
                if m.pronoun == "person":
                    ent = self.last_person(r.cue_pos)
                    if last is not None and (last.person or self._looks_like_person(last)):
                        lp = _last_before(last.positions, r.cue_pos)
                        ep = _last_before(ent.positions, r.cue_pos) if ent else -1
                        if ent is None or lp >= ep:
                            ent = last
                else:
                    ent = last
            elif m.kind == "name":
                if m.headline:
                    # "الصحة:" is "وزارة الصحة" before it is "وزير الصحة"'s role
                    ent = self.by_name(m.keys, headline=True)
                    if ent is None or ent.keys[-len(m.keys) :] != m.keys:
                        ent = self.by_role(m.keys, m.pos, True)
                if ent is None:
                    ent = self.by_name(m.keys, headline=m.headline)
                    if (
                        ent is not None
                        and ent.keys == m.keys
                        and len(m.keys) > 1
                        and not self.lex.rules.cased
                    ):
                        # "وختم كريم اللقاء": a known name followed by the verb's object
                        for i in range(len(m.keys) - 1, 0, -1):
                            if not all(self._definite(x) for x in m.raw_keys[i:]):
                                continue
                            if m.raw_keys[0] in self.lex.org_heads:
                                break  # "منظمة الصحة العالمية": an organisation's name, no object
                            e = self.by_name(m.keys[:i], exclude=ent)
                            if e is not None and e.keys[:i] == m.keys[:i] and (e.person or e.claims):
                                ent = e
                                break
                if ent is None and m.determiner and len(m.keys) == 1 and _demonym(m.keys[0], lex):
                    ent = self.last_person(r.cue_pos, (m.start, m.end))  # "the Spaniard"
                if ent is None:
                    ent = self._own(m)
            elif m.kind == "description":
                ent = self.issuer(m, r, out)
                if ent is None and not m.generic and (m.headline or self._titled(m.keys)):
                    ent = self.by_role(m.keys, m.pos, m.headline)
                if ent is None:
                    ent = self.by_head(m.keys, m.pos)
                if ent is None and self._definite_person(m):
                    ent = self.last_person(r.cue_pos, (m.start, m.end))
                if ent is None and m.generic and lex.rules.cased:
                    ent = self.last_organisation(r.cue_pos)
                if ent is None:
                    ent = self._own(m)
            else:  # group
                ent = self._own(m)
            if ent is not None and ent is not last and m.kind not in ("elided", "same"):
                ent.claims += 1  # a source that spoke: "he" may stand for it later
            if ent is not None and m.kind in ("name", "description", "group"):
                surface = self._surface(m)
                if surface:
                    ent.surfaces.append(surface)
                self._mentioned(ent, r.cue_pos)
                if m.roles and ent.role is None:
                    ent.role = m.roles[0]
                    self._index_roles(ent)
            out[id(r)] = ent
            last = ent if ent is not None else last
        made: dict[int, Speaker] = {}
        result = {}
        for k, e in out.items():
            if id(e) not in made:
                made[id(e)] = self._speaker(e)
            result[k] = made[id(e)]
        return result

    def _own(self, m: Mention) -> Entity:
        ent = Entity(
            m.keys or (self._surface(m),),
            m.start,
            m.end,
            self._written(m),
            m.roles[0] if m.roles else None,
            m.person,
        )
        ent.extra_roles = m.roles[1:]
        ent.positions.append(m.pos)
        ent.headline = m.headline
        return self._add(ent)

    def _written(self, m: Mention) -> str:
        """The name of a mention that is not a plain slice of the article."""
        if not m.prefix:
            return ""
        return m.prefix + self.doc.original_text(m.start, m.end)

    def _surface(self, m: Mention) -> str:
        if m.prefix:
            return self._written(m)
        return _clean_name(self.doc.original_text(m.start, m.end), self.lex)

    def _speaker(self, e: Entity | None) -> Speaker:
        if e is None:
            return Speaker("", "", "unnamed", ())
        name = e.text or _clean_name(self.doc.original_text(e.start, e.end), self.lex)
        roles = [r for r in ((e.role,) if e.role else ()) + tuple(e.extra_roles)]
        sep = "، " if not self.lex.rules.cased else ", "
        role_texts = []
        for r in roles:
            t = _clean_name(self.doc.original_text(*r), self.lex)
            if t and t not in role_texts:
                role_texts.append(t)
        aliases = []
        seen = {key(name)}
        for s in e.surfaces + ([e.acronym.upper()] if e.acronym else []):
            ks = key(s)
            if ks and ks not in seen:
                seen.add(ks)
                aliases.append(s)
        return Speaker(name, sep.join(role_texts), kind_of(e, self.lex, self.doc), tuple(aliases))


@lru_cache(maxsize=256)
def _mention_of(head: str, cased: bool) -> re.Pattern:
    """A document noun with its article, prefixes and attached pronouns: تقريرها، التقرير."""
    if cased:
        return re.compile(rf"\b{re.escape(head)}s?\b")
    return re.compile(rf"(?<!\w)[وفبل]?(?:ال)?{re.escape(head)}(?:ه|ها|هم|هما|ات|ا)?(?!\w)")


def _demonym(k: str, lex: Lexicon) -> bool:
    """ "Spaniard", "Brazilian", "Portuguese": a person named by their origin
    (not "the Netherlands", "the Commission")."""
    return (k,) not in lex.places and k not in lex.org_heads and k.endswith(_DEMONYM_ENDINGS)


_DEMONYM_ENDINGS = ("ian", "ard", "ese", "ish", "an", "i", "er", "ic", "ite")


def _last_before(positions: list[int], pos: int) -> int:
    """The last of the sorted `positions` before `pos`, -1 when none."""
    i = bisect_left(positions, pos)
    return positions[i - 1] if i else -1


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _role_keys(text: str, lex: Lexicon) -> set[str]:
    out = set()
    for word in text.replace("’", "'").split():
        k = _nk(key(word.strip(",،.:;\"'“”«»()")), lex)
        if k and k not in _ROLE_STOP and k not in lex.determiners:
            out.add(k)
    return out


def _is_title_only(keys: tuple[str, ...], lex: Lexicon) -> bool:
    return bool(keys) and any(lex.title_at(list(keys), i, len(keys)) for i in range(len(keys)))


def _clean_name(text: str, lex: Lexicon) -> str:
    text = text.strip(" ,،:;")
    if text.count("(") > text.count(")"):
        text += ")"  # "وزارة الدفاع الأمريكية (البنتاغون": the span ends at the last word
    if lex.rules.cased:
        for det in ("the ", "The "):
            if text.startswith(det) and len(text) > len(det) + 1:
                text = text[len(det) :]
    return text


def kind_of(e: Entity, lex: Lexicon, doc: Document) -> str:
    keys = tuple(key(k) for k in e.keys)
    if not keys:
        return "unnamed"
    if e.person:
        return "person"
    if keys in lex.places or (len(keys) == 2 and keys[0] in ("ال",)):
        return "place"
    raw = tuple(key(w) for w in doc.t[e.start : e.end].split())
    if raw in lex.places:
        return "place"
    if any(k in lex.unnamed or k in lex.group_nouns for k in raw[:2]):
        return "unnamed"
    if any(k in lex.documents for k in raw[:1]):
        return "document"
    if (
        any(k in lex.org_heads for k in raw)
        or e.acronym
        or (len(raw) == 1 and doc.t[e.start : e.end].isupper())
    ):
        return "organisation"
    if lex.rules.cased:
        if e.role:
            role = [key(w.strip(",.;:")) for w in doc.t[e.role[0] : e.role[1]].split()]
            if _organisation_role(role, 0, len(role), lex):
                return "organisation"  # "Voltaris Energy, a solar panel maker,"
        words = doc.t[e.start : e.end].split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return "person"
        return "organisation"
    if raw and raw[0].startswith("ال"):
        return "organisation"
    return "person"
