"""Finding the entity a mention refers to: by name (the fullest name that
contains it), by role or head noun ("the minister", "the company"), the last
person or organisation mentioned before a pronoun, and the issuer of a
document ("the report"). Entities are looked up through the Resolver's
indexes of words, role words and mentions in text order."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

from .entities import Entity, kind_of
from .lexicon import Lexicon, key
from .speakers import Mention, _nk

if TYPE_CHECKING:
    from .spans import Raw

# how far back along the article's mentions a pronoun or "the company" looks,
# and how many entities sharing a word a name is compared with
_LOOKBACK = 400
_CANDIDATES = 256

_ROLE_STOP = frozenset({"of", "the", "for", "and", "a", "an", "باسم", "في", "ب", "،", ","})


class EntityLookup:
    """Methods of the Resolver (see resolver.py); `self` has `doc`, `lex`,
    `entities` and their indexes."""

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


@lru_cache(maxsize=256)
def _mention_of(head: str, cased: bool) -> re.Pattern:
    """A document noun with its article, prefixes and attached pronouns: تقريرها، التقرير."""
    if cased:
        return re.compile(rf"\b{re.escape(head)}s?\b")
    return re.compile(rf"(?<!\w)[وفبل]?(?:ال)?{re.escape(head)}(?:ه|ها|هم|هما|ات|ا)?(?!\w)")


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
