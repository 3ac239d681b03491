"""Subject-first clauses (English): the noun phrase before the cue, the
inverted subject after it ("said Smith, a spokesman for ..."), appositives,
possessives and the dateline that opens a story."""

from __future__ import annotations

from .document import CLOSE, DASHES, Sentence
from .lexicon import Cue
from .spans import (
    FINITE,
    PASSIVE,
    SUBJECT_PRONOUNS,
    Raw,
    adverb,
    capitalised,
    negative,
)
from .speakers import Mention, sentence_subject


class SubjectFirstPhrases:
    """Methods of the Extractor (see pipeline.py); `self` has `lex`, `doc`, `t`,
    `verb_first` and the claims of the sentence being read."""

    def finite_subject_first(self, sent: Sentence, j: int, cue: Cue, here: list[Raw]) -> Raw | None:
        lex = self.lex
        k, w = sent.k, sent.w
        size = cue.size
        b = j - 1
        if b >= 0:
            if k[b] in lex.determiners or k[b] in PASSIVE:
                return None
            if k[b] == "to" and not (b >= 1 and k[b - 1] == "first"):
                return None  # "declined to say", "wants to tell"
        if b >= 1 and k[b] in ("himself", "herself", "itself", "themselves"):
            b -= 1  # "Warner himself said"
        bare_ok = b >= 0 and k[b] in ("will", "would", "could", "might", "may", "to")
        if k[j] in cue.verb.bare and not bare_ok:
            return None  # "say" alone is no report; "will say", "first to report" are
        while b >= 0 and sent.word(b) and (k[b] in lex.auxiliaries or adverb(w[b]) or negative(k[b], lex)):
            if negative(k[b], lex):
                return None
            b -= 1
        if b >= 1 and k[b] in lex.time_words and k[b - 1] in ("on", "last", "this", "early", "late"):
            b -= 2  # "The Commission on Tuesday said"
        after = j + size
        cue_text, cue_pos = self._cue_text(sent, j, size)
        # 1. "“...,” said X." / "..., said X."
        if b >= 0 and (sent.comma(b) or sent.mark[b] == CLOSE):
            raw = self.quote_first(sent, b, j, after, cue, None, cue_text, cue_pos)
            if raw:
                return raw
        # 2. subject before the verb
        if b >= 2 and k[b] in ("who", "which") and sent.comma(b - 1):
            # "a warning from the regulator, which said ...": the antecedent speaks
            subj = self.np_before(sent, b - 2)
            if subj is None or not any(
                sent.word(z) and k[z] not in lex.determiners for z in range(subj[0], subj[1])
            ):
                return None
            mention = self._subject_mention(sent, subj[0], subj[1], None)
            if mention is None:
                return None
            return self.content_after(sent, j, after, cue, mention, cue_text, cue_pos, 0.8)
        subj = self.np_before(sent, b)
        if subj is None:
            if b >= 0 and k[b] in ("and", "but"):
                # "X kept rates unchanged and warned that ...": the sentence's subject
                mention = Mention("elided", pos=cue_pos) if here else sentence_subject(sent, self)
                if mention is None:
                    return None
                return self.content_after(sent, j, after, cue, mention, cue_text, cue_pos, 0.75)
            return None
        a, z, role = subj
        if a - 1 >= 0 and (sent.comma(a - 1) or sent.mark[a - 1] == CLOSE):
            mention = self._subject_mention(sent, a, z, role)
            raw = self.quote_first(sent, a - 1, j, after, cue, mention, cue_text, cue_pos)
            if raw:
                return raw
        mention = self._subject_mention(sent, a, z, role)
        if mention is None:
            return None
        return self.content_after(sent, j, after, cue, mention, cue_text, cue_pos, 0.85)

    def np_before(self, sent: Sentence, b: int):
        """The subject noun phrase ending at token b: (start, end, role span)."""
        lex = self.lex
        w, k = sent.w, sent.k
        role = None
        if b < 0:
            return None
        if b >= 1 and w[b] == "." and k[b - 1] in lex.rules.abbreviations and sent.word(b - 1):
            b -= 1  # "Acme Corp. said", "John Smith Jr. said": the abbreviation's stop
        if sent.comma(b):
            # "Smith, the party's leader, said": an appositive between commas
            p = self._comma_before(sent, b - 1, b)
            if p < 1:
                return None
            first = p + 1
            town = False
            if self._place_tail(sent, first, b) and sent.word(p - 1) and capitalised(w[p - 1]):
                # "the mayor of Springfield, Illinois,": the state completes the town before it
                q = self._comma_before(sent, p - 1, b)
                kq = k[q + 1] if q >= 1 else ""
                if q >= 1 and (
                    kq in lex.determiners
                    or lex.title_at(k, q + 1, p)
                    or kq in lex.prepositions
                    or kq in ("who", "which")
                    or kq.endswith(("ed", "ing"))
                ):
                    # "the mayor of Springfield, Illinois,", ", of Springfield, Illinois,",
                    # ", based in Austin, Texas,": the appositive runs from the earlier comma
                    p, first = q, q + 1
                else:
                    town = True  # "Police in Dayton, Ohio, said": the subject ends at the town
            if town:
                pass
            elif not (
                k[first] in lex.determiners
                or k[first] in ("who", "which")
                or k[first].isdigit()
                or lex.title_at(k, first, b)
                or (w[first][:1].isupper() and k[first] not in ("however", "meanwhile"))
            ):
                adverb = k[first] in ("however", "meanwhile", "too", "though", "also")
                if not adverb and not k[first].endswith(("ed", "ing")) and k[first] not in lex.prepositions:
                    return None  # ", published in Nature," / ", speaking on condition of anonymity,"
            else:
                role = (first, b)
            if (
                k[first] in ("who", "which")
                or k[first].isdigit()
                or k[first].endswith(("ed", "ing"))
                or k[first] in lex.prepositions
            ):
                role = None
            b = p - 1
            if (
                (role is not None or k[first] in lex.prepositions)
                and b >= 2
                and k[b].isdigit()
                and sent.comma(b - 1)
            ):
                b -= 2  # "Peter Jones, 54, a farmer from Kent, said": the age before the role
        end = b + 1
        seg = end  # where the noun phrase after the last preposition taken in ends
        x = b
        while x >= 0:
            wx, kx = w[x], k[x]
            if wx == ")" and end - 1 == x:
                p = x - 1
                while p >= 0 and w[p] != "(" and x - p < 8:
                    p -= 1
                if p >= 0 and w[p] == "(":
                    x = p - 1
                    end = seg = x + 1
                    continue
                break
            if wx in DASHES and end - 1 == x:
                p = x - 1
                while p >= 0 and w[p] not in DASHES and x - p < 30:
                    p -= 1
                if p >= 1 and w[p] in DASHES:
                    x = p - 1
                    end = seg = x + 1
                    continue
                break
            if (
                wx == "."
                and x < end - 1
                and x > 0
                and k[x - 1] in lex.rules.abbreviations
                and not sent.quoted(x)
            ):
                x -= 1  # "Assistant U.S. Attorney Rachel Kim"
                continue
            if self._possessive_mark(sent, x) and x < end - 1:
                x -= 1  # "the teachers' union"
                continue
            if not sent.word(x) or sent.quoted(x):
                break
            if (
                kx in lex.connectors
                and x < end - 1
                and x > 0
                and capitalised(w[x - 1])
                and capitalised(w[x + 1])
                and k[x + 1] not in lex.time_words
            ):
                x -= 1
                continue
            if kx in lex.prepositions and x < end - 1 and self._np_preposition(sent, x):
                seg = x  # "Dr. Severine Sabia of the French national health research institute Inserm"
                x -= 1
                continue
            acronym = len(wx) > 1 and wx.isupper()  # "WHO" is a name, "who" a pronoun
            function_word = kx in lex.subordinators or kx in lex.clause_openers or kx in lex.prepositions
            if function_word and not acronym:
                break
            if sent.cue[x] is not None or kx in lex.non_claim or kx in FINITE or negative(kx, lex):
                break
            if seg - x > 8:
                return None
            if kx in lex.determiners:
                if x >= 2 and sent.k[x - 1] in lex.prepositions and self._np_preposition(sent, x - 1):
                    seg = x - 1
                    x -= 2  # "a spokesman for the airline"
                    continue
                x -= 1
                break
            if kx in SUBJECT_PRONOUNS or kx in lex.pronouns:
                x -= 1
                break
            x -= 1
        a = x + 1
        if a >= end:
            return None
        return (a, end, role)

    @staticmethod
    def _comma_before(sent: Sentence, x: int, b: int) -> int:
        """The comma at or before token x, at most 12 tokens before b, outside
        quotations; -1 when there is none."""
        while x >= 0 and not sent.comma(x) and b - x <= 12 and not sent.quoted(x):
            x -= 1
        return x if x >= 0 and sent.comma(x) else -1

    def _town_tail(self, sent: Sentence, c: int) -> int:
        """After the comma c that follows a town: the end of the state that
        completes it ("Springfield, Illinois"); 0 when none follows."""
        if c < 1 or not capitalised(sent.w[c - 1]) or not sent.word(c - 1):
            return 0
        y = c + 1
        while y < sent.n and y - c <= 5 and (sent.word(y) or (sent.w[y] == "." and y < sent.n - 1)):
            y += 1
        for end in range(y, c + 1, -1):
            if self._place_tail(sent, c + 1, end):
                return end
        return 0

    def _place_tail(self, sent: Sentence, a: int, b: int) -> bool:
        """Is sent[a:b] a state or country that completes a town ("Illinois",
        "Ill.", "New South Wales")?"""
        if not 1 <= b - a <= 4:
            return False
        words = tuple(sent.k[y] for y in range(a, b) if sent.word(y))
        if not words or not all(capitalised(sent.w[y]) for y in range(a, b) if sent.word(y)):
            return False
        return words in self.lex.places or words in self.lex.regions

    def dateline_end(self, sent: Sentence) -> int:
        """Token after a dateline such as "LONDON (Reuters) -" or "DENVER, Colo. -"."""
        return sent.dateline_end()

    def np_after(self, sent: Sentence, j: int):
        """Inverted subject: "said Smith", "said police spokesman John Hart"."""
        lex = self.lex
        n = sent.n
        x = j
        abbreviations = lex.rules.abbreviations
        while x < n and not sent.quoted(x) and x - j < 10:
            kx, wx = sent.k[x], sent.w[x]
            if self._possessive_mark(sent, x):
                x += 1  # "the teachers' union"
                continue
            if wx == "." and x > j and sent.k[x - 1] in abbreviations and sent.word(x + 1):
                x += 1  # "Gov. Kathy Hochul"
                continue
            if not sent.word(x):
                break
            if x > j and kx in lex.prepositions and not self._np_preposition(sent, x):
                break
            if kx in lex.subordinators or sent.cue[x] is not None or kx in FINITE:
                break
            if x > j and kx in lex.time_words:
                break
            if not (
                capitalised(wx)
                or kx in lex.determiners
                or kx in lex.connectors
                or kx in lex.title_words
                or lex.title_at(sent.k, x, n)
                or kx in lex.group_nouns
                or (kx[-1:] == "s" and kx[:-1] in lex.title_words)
                or kx in lex.org_heads
                or kx.endswith("'s")
                or kx in lex.pronouns
                or (kx in lex.prepositions and self._np_preposition(sent, x))
                or self._modifier_of_head(sent, x)
            ):
                break
            x += 1
        while x > j and (sent.k[x - 1] in lex.determiners or sent.k[x - 1] in lex.prepositions):
            x -= 1
        if x == j:
            return None
        return self._appositive_en(sent, j, x)

    def _modifier_of_head(self, sent: Sentence, x: int) -> bool:
        """A lower-case noun before the head of its phrase: "School nutrition
        directors", "state education officials"."""
        lex = self.lex
        for y in range(x, min(sent.n, x + 3)):
            ky = sent.k[y]
            if not sent.word(y) or ky in lex.prepositions or ky in FINITE or sent.cue[y] is not None:
                return False
            if ky in lex.non_claim or ky.endswith(("ed", "ing", "ly")) or ky in lex.determiners:
                return False  # "urged residents": a verb and its object
            if (
                ky in lex.group_nouns
                or ky in lex.title_words
                or (ky[-1:] == "s" and ky[:-1] in lex.title_words)
            ):
                return True  # "directors", "teachers": a group named by its members' title
        return False

    @staticmethod
    def _possessive_mark(sent: Sentence, x: int) -> bool:
        """The apostrophe of a plural possessive, written apart: "teachers' union"."""
        return (
            0 < x < sent.n - 1
            and sent.w[x] in ("'", "’")
            and sent.e[x - 1] == sent.s[x]
            and sent.k[x - 1].endswith("s")
            and sent.word(x - 1)
            and sent.word(x + 1)
            and not sent.mark[x]
        )

    def _np_preposition(self, sent: Sentence, x: int) -> bool:
        """ "spokesman for the airline", "officials at the ministry", "Ministry of Health"."""
        lex = self.lex
        kx = sent.k[x]
        if x == 0 or x + 1 >= sent.n:
            return False
        prev = sent.k[x - 1]
        if prev in lex.rules.extra.get("source_modifiers", ()) and kx in (
            "with",
            "to",
            "on",
            "about",
            "of",
            "in",
        ):
            return True  # "a person familiar with the talks", "sources close to the minister"
        if kx not in ("for", "of", "at", "in", "from"):
            return False
        if (
            kx in lex.connectors
            and capitalised(sent.w[x - 1])
            and capitalised(sent.w[x + 1])
            and sent.k[x + 1] not in lex.time_words
        ):
            return True
        if (
            kx in ("of", "at", "from")
            and x >= 2
            and capitalised(sent.w[x - 1])
            and capitalised(sent.w[x - 2])
        ):
            return True  # "Severine Sabia of the institute Inserm": a person and where she works
        return prev in lex.title_words or prev in lex.group_nouns or bool(lex.title_at(sent.k, x - 1, x))

    def _appositive_en(self, sent: Sentence, a: int, x: int):
        n = sent.n
        c = x
        if c + 3 < n and sent.comma(c) and sent.k[c + 1].isdigit() and sent.comma(c + 2):
            c += 2  # "said Peter Jones, 54, a farmer from Kent": the age before the role
        if c < n and sent.comma(c) and c + 1 < n:
            first = c + 1
            y = first
            while y < n and sent.word(y) and not sent.quoted(y) and y - first < 10:
                y += 1
            if y + 1 < n and sent.comma(y) and self._town_tail(sent, y):
                y = self._town_tail(sent, y)  # "the mayor of Springfield, Illinois, on Monday"
            role_like = sent.k[first] in self.lex.determiners or self.lex.title_at(sent.k, first, y)
            if role_like and (y >= n or not sent.word(y)):
                return (a, x, y, (first, y))
            head = a + 1 if sent.k[a] in self.lex.determiners else a
            if (
                c == x
                and head < x
                and self.lex.title_at(sent.k, head, x)
                and 2 <= y - first <= 4
                and all(capitalised(sent.w[z]) for z in range(first, y))
                and (y >= n or not sent.word(y))
            ):
                return (first, y, y, (head, x))  # "said the Secretary of State, Karen Bass, on Monday"
        return (a, x, x, None)
