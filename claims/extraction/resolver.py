"""Resolution of mentions to the sources of an article: the fullest name of
each source, its role, its kind and the other names it goes by.

Resolution follows the guidelines: the speaker is the fullest name of the
source anywhere in the article, titles left out; pronouns, elided subjects,
"the same source" and bare surnames resolve to it; organisations and places
stay as written. Entities are indexed by their words, their role words and
the order of their mentions, so that resolving stays near linear in the
length of the article; the look-ups through those indexes are in `lookup`.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .entities import Entity, _organisation_role, kind_of
from .lexicon import Lexicon, key
from .lookup import EntityLookup, _role_keys
from .speakers import Mention

if TYPE_CHECKING:
    from .document import Document
    from .spans import Raw


@dataclass
class Speaker:
    name: str
    role: str
    kind: str
    aliases: tuple[str, ...]


class Resolver(EntityLookup):
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


def _demonym(k: str, lex: Lexicon) -> bool:
    """ "Spaniard", "Brazilian", "Portuguese": a person named by their origin
    (not "the Netherlands", "the Commission")."""
    return (k,) not in lex.places and k not in lex.org_heads and k.endswith(_DEMONYM_ENDINGS)


_DEMONYM_ENDINGS = ("ian", "ard", "ese", "ish", "an", "i", "er", "ic", "ite")


def _last_before(positions: list[int], pos: int) -> int:
    """The last of the sorted `positions` before `pos`, -1 when none."""
    i = bisect_left(positions, pos)
    return positions[i - 1] if i else -1


def _clean_name(text: str, lex: Lexicon) -> str:
    text = text.strip(" ,،:;")
    if text.count("(") > text.count(")"):
        text += ")"  # "وزارة الدفاع الأمريكية (البنتاغون": the span ends at the last word
    if lex.rules.cased:
        for det in ("the ", "The "):
            if text.startswith(det) and len(text) > len(det) + 1:
                text = text[len(det) :]
    return text
