"""The structure of personal and organisation names, for finding where a name
ends when nothing but the words themselves marks it.

Arabic names are runs of name words: given names, بن/بنت/ابن + father,
عبد + a divine name (عبد الله، عبد الرحمن), أبو/أم + name, آل + family, and a
final definite family name or nisba (الراشد، المطيري). A name ends at a
verb, a preposition, a comma, a complementiser, a title, a time word, a
relative pronoun; before the object of نفى/اتهم it also ends at a definite
noun that does not look like a family name.

Organisation names are a head noun (وزارة، هيئة، حزب) and its complement:
definite words and proper names (وزارة الصحة، بنك الكويت المركزي).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Sentence

# word endings of Arabic sound plurals and of the feminine (folded ة is ه)
_PLURAL_ENDINGS = ("ين", "ون", "ات")
_DEFINITE_PREPOSITIONS = ("لل", "بال", "كال", "وال", "فال", "وبال", "ولل")
# a name word after which the next word always belongs to the name
_BINDING = frozenset(["بن", "بنت", "ابن", "ابو", "ابي", "ال", "عبد", "ولد", "ام", "ذو", "ذي"])
_NAME_OPENERS = frozenset(["ابو", "ام", "ابن", "بنت", "ال", "عبد"])


def _stop_word(sent: Sentence, y: int) -> bool:
    """A word that can never be inside an Arabic personal name."""
    lex = sent.lex
    k, b = sent.k[y], sent.bk[y]
    if sent.is_name_ali(y):
        return False  # "حسين علي الجبوري"
    return (
        sent.cue[y] is not None
        or sent.is_complementiser(y)
        or k in lex.prepositions
        or b in lex.prepositions
        or k in lex.time_words
        or k in lex.relatives
        or b in lex.subordinators
        or b in lex.particles
        or b in lex.negations
        or b in lex.auxiliaries
        or b in lex.non_claim
        or k in lex.same_markers
        or k in lex.relay_nouns
        or k in lex.media_nouns
        or k in lex.org_heads
        or k in lex.documents
        or k in lex.group_nouns
        or k in lex.unnamed
        or k in lex.object_heads
        or b in lex.proposition_heads
        or k.startswith(_DEFINITE_PREPOSITIONS)
        or (k[:1] in "لب" and len(k) > 2 and (k[1:] in lex.recipients or k[1:] in lex.org_heads))
    )


def _title_starts(sent: Sentence, y: int, limit: int) -> bool:
    """A title opens a new phrase: "الدكتور", "وزير الخارجية" (not the name أمين)."""
    lex = sent.lex
    t = lex.title_at(sent.k, y, limit)
    if not t:
        return False
    k = sent.k[y]
    if k.startswith("ال") or t > 1:
        return True
    return y + 1 < limit and sent.word(y + 1) and sent.k[y + 1].startswith("ال")


def arabic_name_end(sent: Sentence, x: int, limit: int, object_follows: bool = False) -> int:
    """Token index where the Arabic personal name starting at token x ends
    (x itself when no name starts there). `object_follows`: the name is the
    subject of a verb whose object comes next (نفى، اتهم), so a definite noun
    after the name is taken for the object unless it looks like a family name."""
    lex = sent.lex
    y = x
    core = 0  # name words, connectors not counted
    definite_run = 0
    bound = False  # the previous word binds this one: بن، عبد، أبو، آل
    family = False  # a family name after آل closes the name
    while y < limit and y - x < 10:
        if not sent.word(y) or sent.quoted(y):
            break
        k = sent.k[y]
        if bound:
            family = sent.k[y - 1] == "ال"
            bound = k in _BINDING and k != "ال"
            core += 0 if bound else 1
            y += 1
            continue
        if family and not k.startswith("ال"):
            break  # "تميم بن حمد آل ثاني تلقى": the verb after the family name
        if k in _BINDING and (y > x or k in _NAME_OPENERS):
            if not (y + 1 < limit and sent.word(y + 1) and not sent.quoted(y + 1)):
                break
            bound = True
            definite_run = 0
            y += 1
            continue
        if _stop_word(sent, y) or (y > x and _title_starts(sent, y, limit)):
            break
        if y > x and (k,) in lex.places:
            break  # "اتهمت واشنطن موسكو": a second name is another party
        definite = k.startswith("ال") and len(k) > 3
        if definite:
            if y == x:
                break  # a name does not start with the article (a title complement does)
            if definite_run >= 2:
                break
            if object_follows and not k.endswith("ي"):
                break  # "نفى سامي الحادثة", "وصف X الاتفاق": the object (a nisba ends in ي)
            definite_run += 1
        else:
            if definite_run:
                break  # a given name does not follow the family name
            if object_follows and core >= 1 and k.endswith("ه") and len(k) > 3 and y + 1 < limit:
                break  # "نفى بايدن قيامه": a verbal noun, the object
        core += 1
        if core > 5:
            break
        y += 1
    while y > x and sent.k[y - 1] in _BINDING:
        y -= 1  # a dangling بن / عبد is not a name
    return y


def arabic_org_end(sent: Sentence, x: int, limit: int, object_follows: bool = False) -> int:
    """Token index where the organisation name whose head noun is token x
    ends: "وزارة الصحة", "بنك الكويت المركزي", "حزب جبهة العمل الإسلامي",
    "حزب العدالة والتنمية", "حركة «النهضة»"."""
    lex = sent.lex
    head = sent.k[x]
    y = x + 1
    proper = 0
    while y < limit and y - x < 8:
        if sent.mark[y] == 1 and not proper and y == x + 1:
            q = sent.quote_at(y)
            if q is not None and q.closed:
                close = sent.token_at(q.close)
                if close - y <= 5:
                    return close + 1  # حركة «النهضة»
            break
        if not sent.word(y) or sent.quoted(y):
            break
        k = sent.k[y]
        if k.startswith(("وال", "فال")) and y > x + 1 and sent.k[y - 1].startswith(("ال", "وال")):
            y += 1  # "الموارد المائية والري": coordination inside the name
            continue
        if (
            k[:1] == "و"
            and len(k) > 3
            and y > x + 1
            and sent.k[y - 1].startswith("ال")
            and y + 1 < limit
            and sent.word(y + 1)
            and sent.k[y + 1].startswith("ال")
            and not sent.is_complementiser(y)
        ):
            y += 2  # "وزارة التجارة الداخلية وحماية المستهلك"
            continue
        if _stop_word(sent, y) and k not in lex.org_heads:
            break
        if k.startswith("ال") and len(k) > 2:
            if object_follows and y > x + 1 and not agrees(head, sent.k[y - 1], k):
                break
            if object_follows and k in lex.object_heads:
                break
            if object_follows and y > x + 1 and (k,) in lex.places:
                break  # "اتهمت حركة الشعب الحرة السودان بـ": the country is the object
            y += 1
            continue
        if y == x + proper + 1 and proper < 2 and not sent.k[y - 1].startswith("ال"):
            if (k,) in lex.places and object_follows and proper:
                break
            proper += 1  # "بنك الكويت", "شركة أرامكو", "حزب جبهة ..."
            y += 1
            continue
        break
    return y


def skip_descriptors(sent: Sentence, x: int, limit: int) -> int:
    """First token of a personal name after the nationality or honorific
    words that may precede it: "التونسي سامي بن عمار", "الدكتور فهد"."""
    lex = sent.lex
    y = x
    while y < limit - 1 and sent.word(y) and sent.word(y + 1) and not sent.quoted(y):
        k = sent.k[y]
        if k in lex.honorifics or (k.startswith("ال") and k.endswith("ي") and len(k) > 4):
            y += 1
            continue
        break
    if y > x and sent.k[y].startswith("ال"):
        return x  # "الاتحاد الأوروبي": all definite, not a person
    return y


def strip_honorifics(keys, i0: int, i1: int, honorifics) -> int:
    """End of a role keys[i0:i1] without the honorifics that close it:
    "المتحدث باسم الوزارة الدكتور" -> "المتحدث باسم الوزارة"."""
    while i1 > i0 and keys[i1 - 1] in honorifics:
        i1 -= 1
    return i1


def leading_nisbas(keys, honorifics) -> int:
    """Number of leading descriptive words before a personal name: a
    nationality or honorific ("التونسي سامي بن عمار", "الدكتور فهد")."""
    i = 0
    n = len(keys)
    while i < n - 1:
        k = keys[i]
        if k in honorifics or (k.startswith("ال") and k.endswith("ي") and len(k) > 4):
            i += 1
            continue
        break
    if i and (i >= n or keys[i].startswith("ال")):
        return 0  # "الاتحاد الأوروبي": all definite, an organisation
    return i


def agrees(head: str, prev: str, nxt: str) -> bool:
    """Can the definite word `nxt` be an adjective (or genitive) after `prev`
    in a phrase headed by `head`? "الحكومة الأردنية" yes, "الوزارة المواطنين" no."""
    if nxt.endswith(_PLURAL_ENDINGS):
        return head.endswith(nxt[-2:]) or prev.endswith(nxt[-2:])
    if head.endswith("ه") and head.startswith("ال") and head == prev:
        return nxt.endswith("ه")  # a feminine noun takes a feminine adjective
    return True
