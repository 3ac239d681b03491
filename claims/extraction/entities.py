"""The people and organisations an article names: introduced with a title or
an appositive, organisations by their head noun, and acronyms; and the kind
of source each entity is (`kind_of`). `resolver` matches each speaker mention
against them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import Lexicon, key
from .names import agrees, arabic_name_end, arabic_org_end, skip_descriptors, strip_honorifics
from .rules.base import OBJECT

if TYPE_CHECKING:
    from .document import Document, Sentence
from .speakers import _nk, title_extent


@dataclass
class Entity:
    """A source of the article with every way it is mentioned."""

    keys: tuple[str, ...]
    start: int
    end: int
    text: str = ""
    role: tuple[int, int] | None = None
    person: bool = False
    positions: list[int] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    acronym: str = ""
    claims: int = 0
    extra_roles: tuple[tuple[int, int], ...] = ()
    headline: bool = False  # known only from a headline "Disaster agency:"


def scan_entities(doc: Document, sentences: list[Sentence]) -> list[Entity]:
    """People introduced with a title or an appositive, and acronyms."""
    lex = doc.lex
    out: list[Entity] = []
    for sent in sentences:
        if lex.rules.cased:
            out.extend(_scan_english(sent))
        else:
            out.extend(_scan_arabic(sent))
    return out


def _scan_english(sent: Sentence) -> list[Entity]:
    lex = sent.lex
    w, k = sent.w, sent.k
    n = sent.n
    found: list[Entity] = []
    capitals = [j for j in range(n) if w[j][0].isupper() and sent.isw[j]]
    if not capitals:
        return found
    j = j0 = sent.dateline_end()  # "WELLINGTON, New Zealand (AP) —": places, not sources
    for start in capitals:
        if start < j or sent.quoted(start):
            continue
        j = start
        x = j
        while (
            x < n
            and sent.word(x)
            and (
                w[x][:1].isupper()
                or (
                    k[x] in lex.connectors
                    and x + 1 < n
                    and w[x + 1][:1].isupper()
                    and k[x + 1] not in lex.time_words  # "the Commission on Tuesday"
                )
            )
        ):
            if k[x].endswith("'s"):
                x += 1  # "David Warner's place": the name, its possessive dropped by the keys
                break
            x += 1
            if x + 1 < n and w[x] == "." and "." in k[x - 1] and sent.word(x + 1) and w[x + 1][:1].isupper():
                x += 1  # "the U.S. Food and Drug Administration": the abbreviation's stop
        a, b = j, x
        j = max(x, j + 1)
        while a < b and (k[a] in lex.determiners or k[a] in lex.subordinators or k[a] in lex.prepositions):
            a += 1
        if b - a < 1:
            continue
        # a title inside the run ("Interior Minister Omar Haddad") or just before it
        t_end = a
        for i in range(a, b - 1):
            t = lex.title_at(k, i, b)
            if t and i + t < b:
                t_end = i + t
        role = None
        if t_end > a:
            role = (a, t_end)
            a = t_end
        else:
            p = a - 1
            while p >= 0 and sent.word(p) and a - p <= 3 and not lex.title_at(k, p, a):
                p -= 1
            if p >= 0 and sent.word(p) and lex.title_at(k, p, a):
                q = p
                while q - 1 >= 0 and sent.word(q - 1) and (k[q - 1].endswith("'s") or w[q - 1][:1].isupper()):
                    q -= 1
                if p + lex.title_at(k, p, a) == a:
                    role = (q, a)
        if b - a < 1:
            continue
        if a == 0 and role is None and b - a < 2:
            continue
        if role is None and b < n - 1 and sent.comma(b):
            c = b + 1
            if (c < n and k[c] in ("the", "a", "an")) or (c < n and lex.title_at(k, c, n)):
                y = c
                while y < n and sent.word(y) and y - c < 8 and sent.cue[y] is None:
                    y += 1
                if y >= n or sent.comma(y) or not sent.word(y):
                    # not "..., the agency said": the subject of a verb is no appositive
                    role = (c + (1 if k[c] in ("the", "a", "an") else 0), y)
        place = tuple(k[z] for z in range(a, b) if sent.word(z))
        if role is None and a >= 2 and sent.comma(a - 1) and (place in lex.regions or place in lex.places):
            continue  # "the mayor of Springfield, Illinois,": the state of a town, no one's name
        if role is None and a >= 2 and sent.comma(a - 1):
            y = a - 2
            while y >= 0 and sent.word(y) and a - y < 9:
                y -= 1
            c = y + 1
            if c < a - 1 and k[c] in ("the", "a", "an") and (y < 0 or not sent.word(y)):
                role = (c + 1, a - 1)
            elif (
                c < a - 1 and (y < 0 or not sent.word(y)) and any(lex.is_title(k[z]) for z in range(c, a - 1))
            ):
                role = (c, a - 1)  # "Hughes' sister, Tamika Hughes,"
        keys = tuple(_nk(k[z], lex) for z in range(a, b) if sent.word(z))
        end = sent.e[b - 1] - (2 if k[b - 1].endswith("'s") else 0)  # "Dan Ward's place": the name
        ent = Entity(keys, sent.s[a], end)
        if role:
            ent.role = (sent.s[role[0]], sent.e[role[1] - 1])
            ent.person = not _organisation_role(k, role[0], role[1], lex)
        elif b + 2 < n and sent.comma(b) and w[b + 1].isdigit() and sent.comma(b + 2):
            ent.person = True  # "Mark Jones, 34, was at the scene"
        ent.positions.append(sent.s[a])
        if b < n - 2 and w[b] == "(" and w[b + 2] == ")" and w[b + 1].isupper():
            ent.acronym = k[b + 1]
        if role is None and a == j0 and b - a >= 4 and k[a + 1] == "of" and k[a] not in lex.org_heads:
            # "Shares of Northwind Bank fell": the sentence's first word is capitalised, not a name
            c = a + 2 + (1 if k[a + 2] in lex.determiners else 0)
            if 2 <= b - c <= 3:
                a, keys = c, tuple(_nk(x, lex) for x in k[c:b])
                ent = Entity(keys, sent.s[a], end)
                ent.positions.append(sent.s[a])
        named_org = role is None and a > 0 and k[a - 1] in lex.org_heads and w[a - 1].islower()
        org_name = 2 <= len(keys) <= 6 and any(k[z] in lex.org_heads for z in range(a, b))
        if role is None and not ent.acronym and not (2 <= len(keys) <= 3) and not named_org and not org_name:
            continue  # but "company Voltaris": an organisation named after its kind
        found.append(ent)
    return found


def _scan_arabic(sent: Sentence) -> list[Entity]:
    lex = sent.lex
    k = sent.k
    n = sent.n
    found = []
    j = 0
    titles = lex.titles
    while j < n:
        if sent.quoted(j) or not sent.isw[j]:
            j += 1
            continue
        if k[j] not in titles and sent.bk[j] not in titles:
            y = _arabic_organisation(sent, j, found)
            j = max(y, j + 1)
            continue
        x = j
        while x < n and x - j < 12 and sent.word(x):
            x += 1
        x = title_extent(k, j, x, lex)
        if x == j:
            j += 1
            continue
        first = x
        if sent.comma(x):
            # "رئيس نادي الصقور، ماجد بن حمد الشهري،": the name in apposition
            first = skip_descriptors(sent, x + 1, n)
            y = arabic_name_end(sent, first, n)
            if y < n and sent.word(y):
                y = first
        else:
            first = skip_descriptors(sent, x, n)
            before = sent.cue[j - 1] if j > 0 else None
            y = arabic_name_end(
                sent, first, n, object_follows=before is not None and before.verb.kind == OBJECT
            )
        for z in range(j + 1, x):
            # "الرئيس التنفيذي لشركة أرامكو": the organisation in a role, which "الشركة" may stand for
            if sent.word(z) and (sent.bk[z] in lex.org_heads or sent.k[z][1:] in lex.org_heads):
                _arabic_organisation(sent, z, found, x)
        if y > first:
            ent = Entity(tuple(_nk(z, lex) for z in k[first:y]), sent.s[first], sent.e[y - 1])
            role_end = strip_honorifics(k, j, x, lex.honorifics)
            if role_end > j:
                ent.role = (sent.s[j], sent.e[role_end - 1])
            ent.person = True
            ent.positions.append(sent.s[j])
            found.append(ent)
        j = max(y, j + 1)
    return found


def _arabic_organisation(sent: Sentence, j: int, found: list[Entity], limit: int = 0) -> int:
    """An organisation named at token j, which a bare "الوزارة", "الشركة",
    "الحكومة" may stand for later: "وزارة الصحة", "لشركة أرامكو" (after a
    preposition), "الحكومة الأردنية" (a definite head and its nisba adjectives).
    Adds it to `found`; returns the token after it (j when there is none)."""
    lex = sent.lex
    k = sent.k
    n = limit or sent.n
    kj = k[j]
    bj = kj if kj in lex.org_heads else sent.bk[j]  # "وزارة" starts with و
    if bj not in lex.org_heads and kj[:1] in lex.prep_prefixes and kj[1:] in lex.org_heads:
        bj = kj[1:]  # "لشركة", "بوزارة"
    if bj not in lex.org_heads:
        return j
    if bj.startswith("ال"):
        y = j + 1
        while y < n and y - j <= 2 and sent.word(y) and _nisba(k[y]) and agrees(bj, k[y - 1], k[y]):
            y += 1  # "الحكومة الأردنية", "الجيش الإسرائيلي"
    else:
        before = sent.cue[j - 1] if j > 0 else None
        # "واتهمت حركة حماس إسرائيل بـ": the object of نفى/اتهم follows the name
        y = min(
            arabic_org_end(sent, j, sent.n, object_follows=before is not None and before.verb.kind == OBJECT),
            n,
        )
        while y < n and sent.word(y) and y - j < 8 and not sent.quoted(y) and y > j + 1:
            ky = k[y]
            if ky[:1] not in lex.prep_prefixes or sent.is_complementiser(y) or _recipient_word(ky, lex):
                break
            if ky.startswith("لل") and len(ky) > 4:
                y += 1  # "شركة نسيم للطيران", "الهيئة العامة للاستثمار"
            elif ky[1:] in lex.org_heads and not ky[1:].startswith("ال"):
                y = max(y + 1, min(arabic_org_end(sent, y, sent.n), n))  # "كلية الطب بجامعة دمشق"
            elif ky[:1] == "ل" and y + 1 < n and sent.word(y + 1) and k[y + 1].startswith("ال"):
                y += 2  # "المرصد السوري لحقوق الإنسان"
            else:
                break
    if y <= j + 1:
        return j
    start = sent.s[j] + (len(kj) - len(bj))
    ent = Entity(tuple(_nk(z, lex) for z in (bj, *k[j + 1 : y])), start, sent.e[y - 1])
    ent.positions.append(start)
    found.append(ent)
    return y


def _recipient_word(k: str, lex: Lexicon) -> bool:
    """ "للصحفيين", "لوكالة": an addressee after a name, not part of it."""
    rest = k[1:]
    return rest in lex.recipients or (k.startswith("لل") and "ا" + rest in lex.recipients)


def _nisba(k: str) -> bool:
    """A definite adjective of origin (folded): "الأردنية", "الإسرائيلي"."""
    return k.startswith("ال") and len(k) > 4 and k.endswith(("ي", "يه"))


def _organisation_role(k, a: int, b: int, lex: Lexicon) -> bool:
    """Does the appositive k[a:b] describe an organisation ("a solar panel maker
    based in Texas", "the country's largest lender"), not a person ("the chief
    executive of Acme")? Its head noun is read before any preposition or participle."""
    described = lex.rules.extra.get("organisation_descriptions", ())
    for x in range(a, b):
        kx = k[x]
        if kx in lex.prepositions or kx in ("which", "that", "who") or kx.endswith("ed"):
            break
        if kx in lex.org_heads or kx in described:
            return True
    return False


def kind_of(e: Entity, lex: Lexicon, doc: Document) -> str:
    """The kind of source `e` is: person, organisation, place, document or unnamed."""
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
