"""The subject after a verb in verb-first clauses (Arabic VSO): a name with
its title and place of work ("المتحدث باسم الكرملين ديمتري بيسكوف"), an
organisation, a quoted name, an appositive, and where the subject stops."""

from __future__ import annotations

from .document import OPEN, Sentence
from .lexicon import Cue
from .names import arabic_name_end, skip_descriptors
from .rules.base import OBJECT
from .speakers import ROLE_PREPOSITIONS, place_size


class SubjectAfterVerb:
    """Methods of the Extractor (see pipeline.py); `self` has `lex`, `doc`, `t`,
    `verb_first` and the claims of the sentence being read."""

    def subject_after_verb(self, sent: Sentence, j: int, cue: Cue, coordinated: bool):
        """The subject after a verb: (start, end, next token, role span)."""
        lex = self.lex
        n = sent.n
        if j < n and sent.mark[j] == OPEN:
            q = sent.quote_at(j)
            close = sent.token_at(q.close) if q is not None and q.closed else n
            if close - j <= 6 and close + 1 < n and sent.word(close + 1):
                # "واتهم «التيار الوطني الحر» خصومه", "وقالت «الجبهة» إن": a quoted name
                return self._appositive(sent, j, close + 1)
        if j >= n or self._elided_start(sent, j, cue):
            return (j, j, j, None)
        if cue.verb.kind == OBJECT:
            return self.object_subject(sent, j, cue, coordinated)
        x = j
        abbreviations = lex.rules.abbreviations
        while x < n and x - j < 16 and not sent.quoted(x):
            if not sent.word(x):
                if sent.w[x] == "." and x > j and sent.k[x - 1] in abbreviations and sent.word(x + 1):
                    x += 1  # "د. محمد علي"
                    continue
                if sent.w[x] == "(" and x > j:
                    close = next((z for z in range(x + 1, min(n, x + 5)) if sent.w[z] == ")"), -1)
                    if (
                        close > x + 1
                        and all(sent.word(z) for z in range(x + 1, close))
                        and sent.word(close + 1)
                        and not self._subject_stop(sent, close + 1)
                    ):
                        x = close + 1  # "وزارة الدفاع الأمريكية (البنتاغون) بات رايدر"
                        continue
                break
            if x > j and sent.k[x - 1] in lex.same_markers:
                break
            if (
                x > j
                and sent.k[x].startswith("لل")
                and not (sent.k[x - 1].startswith("ال") or sent.k[x - 1] in lex.title_words)
            ):
                break  # "أولغا تشيريفكو للجزيرة": an addressee after the name
            if (
                x > j
                and sent.k[x].startswith("لل")
                and lex.title_at(sent.k, j, x)
                and sent.word(x + 1)
                and not sent.is_complementiser(x + 1)
                and sent.cue[x + 1] is None
                and sent.k[x + 1] not in lex.time_words
            ):
                x += 1  # "المديرة الإقليمية للبرنامج في ...": the title's complement
                continue
            if x > j and x - j <= 3 and self._carrier(sent.k[j]) and self._issuer_word(sent.k[x]):
                # "تقرير أولي لشبكة «سي إن إن»": the document and whose it is
                x += 1
                if x < n and sent.mark[x] == OPEN:
                    q = sent.quote_at(x)
                    if q is not None and q.closed and sent.token_at(q.close) - x <= 5:
                        x = sent.token_at(q.close) + 1
                        break
                continue
            if x > j and self._subject_stop(sent, x):
                if sent.bare(x) in ("في", "من", "ب") and x + 1 < n and sent.k[x + 1] in lex.org_heads:
                    x += 2
                    if x < n and sent.mark[x] == OPEN:
                        q = sent.quote_at(x)  # "النائب في كتلة «الجمهورية القوية» X"
                        if q is not None and q.closed and sent.token_at(q.close) - x <= 6:
                            x = sent.token_at(q.close) + 1
                    continue
                if sent.k[x] == "عن" and sent.k[x - 1] in lex.source_of:
                    x += 1  # "التقرير الصادر عن البنك الدولي"
                    continue
                break
            x += 1
        if j < x < n and sent.k[x] in ROLE_PREPOSITIONS and self.lex.title_at(sent.k, j, x):
            found = self._role_with_place(sent, j, x)
            if found is not None:
                return found
        return self._appositive(sent, j, x)

    def _role_with_place(self, sent: Sentence, j: int, x: int):
        """A title with a place of work before the name: "النائب عن الحزب غسان
        حاصباني", "المديرة الإقليمية للبرنامج في شرق أفريقيا، ليني كينزلي،"."""
        n = sent.n
        y = x + 1
        while (
            y < n and y - x <= 6 and sent.word(y) and not sent.quoted(y) and not self._subject_stop(sent, y)
        ):
            y += 1
        if y < n and sent.comma(y) and y > x + 1:
            first = skip_descriptors(sent, y + 1, n)
            end = arabic_name_end(sent, first, n)
            if end > first and (
                end >= n or sent.comma(end) or self._subject_stop(sent, end) or sent.w[end] == ":"
            ):
                return (j, y, end, (y + 1, end))
            return None
        z = x + 1
        place = place_size(sent.k, z, n, self.lex)
        if place and not all(sent.word(y) for y in range(z, z + place + 1)):
            place = 0
        if place:
            # "مدير مستشفى الشفاء في غزة محمد أبو سلمية": the town, then the name
            first = skip_descriptors(sent, z + place, n)
            end = arabic_name_end(sent, first, n)
            if end > first and (end >= n or not sent.word(end) or self._subject_stop(sent, end)):
                return self._appositive(sent, j, end)
            return None
        if z + 1 < n and sent.word(z) and not sent.k[z].startswith("ال") and sent.k[z + 1].startswith("ال"):
            z += 1  # "الخبير في شؤون المياه": an annexation
        while z < n and z - x <= 5 and sent.k[z].startswith("ال") and sent.word(z):
            z += 1
        if z == x + 1 or not sent.k[z - 1].startswith("ال"):
            return None
        end = arabic_name_end(sent, z, n)
        if end <= z:
            return None
        return self._appositive(sent, j, end)

    def _carrier(self, k: str) -> bool:
        """A document or page an organisation speaks through: تقرير، بيان، الموقع."""
        lex = self.lex
        return k in lex.documents or k in lex.media_nouns or k in lex.carriers

    def _issuer_word(self, k: str) -> bool:
        """ "لشبكة", "للجيش", "لوزارة": an organisation with the preposition ل."""
        lex = self.lex
        if k.startswith("لل"):
            return ("ا" + k[1:]) in lex.org_heads or ("ا" + k[1:]) in lex.recipients
        return k[:1] == "ل" and (k[1:] in lex.org_heads or k[1:] in lex.recipients)

    def _subject_stop(self, sent: Sentence, x: int) -> bool:
        lex = self.lex
        kx = sent.k[x]
        bx = sent.bare(x)
        if sent.is_name_ali(x):
            return False  # the name علي, not the preposition على (they fold alike)
        if kx in lex.time_words and x > 0 and lex.title_at(sent.k, x - 1, x + 1) == 2:
            return False  # "المدير العام": part of a title, not "the year"
        if self._proposition_head(bx) and x > 0 and (sent.k[x - 1].startswith("ال") or not sent.word(x - 1)):
            return True  # "وأكد الوزير جاهزية الفريق": the object after a complete subject
        return (
            sent.is_complementiser(x)
            or (kx in lex.comp_prepositions and sent.is_complementiser(x + 1))
            or self._recipient(sent, x)
            or kx in lex.prepositions
            or bx in lex.prepositions
            or kx in lex.time_words
            or sent.cue[x] is not None
            or kx in lex.relay_nouns
            or bx in lex.non_claim
            or kx in lex.relatives
        )

    def _appositive(self, sent: Sentence, a: int, x: int):
        """ "X، مدرب فريق Y، إن" / "X، صادرة عن Y،": role or source after a comma."""
        lex = self.lex
        n = sent.n
        if x < n and sent.comma(x) and x + 1 < n and sent.word(x + 1):
            y = x + 1
            while y < n and sent.word(y) and not sent.quoted(y) and y - x <= 8:
                if sent.is_complementiser(y):
                    break
                y += 1
            first = x + 1
            if sent.k[first] in lex.source_of:
                return (a, y, y, None)
            if y < n and sent.comma(y) and y > first:
                kf = sent.bare(first)
                if (
                    not self._subject_stop(sent, first)
                    and sent.k[first] not in lex.time_words
                    and kf not in lex.according
                    and kf not in lex.relay_verbs
                ):
                    if sent.k[first][:1].isdigit() and y - first == 2:
                        return (a, x, y, None)  # "سامي خليل، 45 عاماً،": an age, no role
                    if sent.k[first] in ("وهو", "وهي", "وهم") and y - first > 1:
                        first += 1  # "سارة محمود، وهي ناشطة حقوقية،": the role after the pronoun
                    return (a, x, y, (first, y))
                z = y + 1
                if z < n and (sent.is_complementiser(z) or sent.w[z] == ":"):
                    return (a, x, y, None)  # "مسؤول، طلب عدم ذكر اسمه، إن": a parenthesis
        elif x < n and sent.mark[x] == OPEN:
            # "صحيفة "نيويورك تايمز" إن": a quoted name belongs to the subject
            q = sent.quote_at(x)
            if q is not None and q.closed and not self._clause_final(sent, q):
                close = sent.token_at(q.close)
                if close - x <= 5:
                    return self._appositive(sent, a, close + 1)
        return (a, x, x, None)
