"""Where the content of a claim that follows its cue begins and ends: a
colon, a complementiser, a quotation, a noun phrase object, and the clauses,
contrasts and narrator's asides that end it. Content before the attribution
("“A,” she said") is in `content_first`."""

from __future__ import annotations

from .document import DASHES, ENDS, OPEN, Sentence
from .lexicon import Cue
from .rules.base import OBJECT, REPORT, CueVerb
from .spans import (
    FINITE,
    SUBJECT_PRONOUNS,
    Raw,
    capitalised,
    span_kind,
    trim_span,
)
from .speakers import Mention
from .text import fold


class ContentSpans:
    """Methods of the Extractor (see pipeline.py); `self` has `lex`, `doc`, `t`,
    `verb_first` and the claims of the sentence being read."""

    def _characterisation(self, sent: Sentence, a: int, b: int) -> bool:
        """ "called the budget “a betrayal”", "called it an insult": an object
        and what it is called, not just a name ("called John Smith")."""
        k = sent.k
        if any(sent.word(z) and not sent.quoted(z) and (k[z] in FINITE or sent.cue[z]) for z in range(a, b)):
            return False  # "a group called X said ...": the name of the subject of another verb
        if any(sent.mark[z] for z in range(a, b)):
            return True
        words = [z for z in range(a, b) if sent.word(z)]
        lower = [z for z in words if sent.w[z][:1].islower() and sent.k[z] not in self.lex.connectors]
        return (len(words) >= 2 and len(lower) >= 1 and not capitalised(sent.w[words[0]])) or len(lower) >= 2

    def content_after(
        self,
        sent: Sentence,
        j: int,
        x: int,
        cue: Cue,
        mention: Mention,
        cue_text: str,
        cue_pos: int,
        conf: float,
    ) -> Raw | None:
        start = self.content_start(sent, j, x, cue)
        if start is None:
            return None
        x, offset = start
        got = self.content_from(sent, x, self.content_end(sent, x), offset)
        if got is None:
            return None
        s, e, kind, ts, te = got
        if cue.verb.not_before and not self._characterisation(sent, ts, te):
            return None  # "a man called John Smith": a name, not a judgement
        needed = self.lex.rules.extra.get("needs_word", {}).get(cue.verb.lemma)
        if needed and not any(sent.k[z] == needed and not sent.quoted(z) for z in range(ts, te)):
            return None  # "described the scene" is no characterisation; "described it as chaos" is
        if mention.kind == "elided":
            conf -= 0.05
        if cue.verb.kind == OBJECT:
            conf -= 0.1
        raw = Raw(
            cue_text, cue_pos, s, e, mention, sent.index, sent.para.index, kind, round(conf, 2), cue.verb
        )
        raw.tok_start, raw.tok_end = ts, te
        return raw

    def content_start(self, sent: Sentence, j: int, x: int, cue: Cue):
        """First token of the content (and a character offset into it)."""
        lex = self.lex
        n = sent.n
        verb = cue.verb
        if x >= n:
            return None
        if verb.clitic:
            clitic = fold(verb.clitic)
            if sent.k[x].startswith(clitic) and len(sent.k[x]) > len(clitic) + 1:
                return x, len(clitic)
            return None
        if self.verb_first:
            if verb.lemma in lex.rules.extra.get("object_then_b", ()):
                return self._object_start(sent, x), 0  # the object is part of the content
            found = self._marked_start_verb_first(sent, x, verb)
            if found is not None:
                return found, 0
            if verb.kind != OBJECT:
                # "أكد جاهزية اللاعب", "أعلنت، الجمعة، ارتفاع الحصيلة": a noun phrase that states a fact
                y = self._skip_setting(sent, x)
                if y < n and verb.preposition and sent.k[y] == fold(verb.preposition):
                    y += 1  # "لفت إلى نقص الكوادر"
                if y < n and self._proposition_head(sent.bare(y)) and not sent.quoted(y):
                    return y, 0
                return None
            return self._object_start(sent, x), 0
        # subject-first languages
        if verb.recipient:
            x = self._skip_recipient(sent, x)
        elif verb.lemma in lex.rules.extra.get("object_then_that", ()):
            x = self._object_before_that(sent, x)
        found = self._marked_start_subject_first(sent, x)
        if found is not None:
            return found, 0
        x = self._skip_time(sent, x)
        while x < n and sent.comma(x):
            x += 1
        if x >= n or not (sent.word(x) or sent.mark[x] == OPEN):
            return None
        if verb.kind == REPORT and not self._clause_follows(sent, x):
            return None
        k = sent.k
        approximately = x + 1 < n and k[x] in ("about", "around", "nearly") and k[x + 1][:1].isdigit()
        if (sent.k[x] in lex.prepositions or sent.k[x] == "to") and verb.kind != OBJECT and not approximately:
            return None  # "said to be worth", "warned of a crisis" (not "said about 40,000 tonnes ...")
        return x, 0

    def _marked_start_verb_first(self, sent: Sentence, x: int, verb: CueVerb) -> int | None:
        """A colon, a complementiser or the quotation that holds the content."""
        lex = self.lex
        n = sent.n
        limit = min(n, x + 25)
        y = x
        words = 0
        while y < limit:
            if sent.mark[y] == OPEN:
                q = sent.quote_at(y)
                after_recipient = y > x and self._recipient(sent, y - 1)
                if q is not None and ((words == 0 and not after_recipient) or self._clause_final(sent, q)):
                    return y
                if q is None or not q.closed:
                    return None
                y = sent.token_at(q.close) + 1
                words += 1
                continue
            wy = sent.w[y]
            if wy == ":":
                return y + 1
            if wy in ENDS and not (y > 0 and sent.k[y - 1] in self.lex.rules.abbreviations):
                return None
            if sent.is_complementiser(y):
                return y + 1
            if sent.k[y] in lex.comp_prepositions and sent.is_complementiser(y + 1):
                return y + 2
            if verb.kind == OBJECT and y > x + 1:
                return None
            if sent.comma(y):
                z = self._parenthesis_end(sent, y)
                if z > y:
                    y = z  # "، طلب عدم ذكر اسمه خوفاً من الملاحقة،": an aside before the content
                    continue
            if y > x and (sent.cue[y] is not None or sent.bare(y) in lex.non_claim):
                return None
            if sent.bare(y) in lex.appeal_nouns:
                return None  # "شدد على ضرورة «...»": an appeal, not a statement
            if sent.word(y) and sent.k[y] not in lex.prepositions:
                words += 1
            y += 1
        return None

    def _parenthesis_end(self, sent: Sentence, y: int) -> int:
        """The comma closing an aside opened by the comma at `y` that holds a
        verb of its own ("، طلب عدم ذكر اسمه،"); `y` when there is none."""
        lex = self.lex
        verb = False
        for z in range(y + 1, min(sent.n, y + 12)):
            if sent.comma(z):
                return z if verb else y
            if not sent.word(z) or sent.is_complementiser(z) or sent.quoted(z):
                return y
            if sent.bare(z) in lex.non_claim or sent.cue[z] is not None:
                verb = True
        return y

    def _marked_start_subject_first(self, sent: Sentence, x: int) -> int | None:
        lex = self.lex
        n = sent.n
        y = x
        in_frame = False
        while y < n and y - x < 15:
            if sent.mark[y] == OPEN:
                q = sent.quote_at(y)
                if q is not None and (y == x or not any(sent.word(z) for z in range(x, y)) or in_frame):
                    return y
                return None
            wy, ky = sent.w[y], sent.k[y]
            if wy == ":":
                return y + 1
            if ky == "that":
                return y + 1 if (y == x or in_frame) else None
            if sent.comma(y):
                y += 1
                continue
            if not sent.word(y):
                return None
            frame = ky in lex.prepositions and ky not in ("of", "about", "for", "against", "over")
            if y == x and not (frame or ky in lex.time_words or ky in lex.recipients):
                return None
            if ky in SUBJECT_PRONOUNS and y > x:
                return y
            if sent.cue[y] is not None or ky in lex.non_claim or ky in FINITE:
                return None
            if ky in lex.subordinators and ky != "that" and not (ky == "as" and sent.k[y - 1] == "known"):
                return None  # (not "on X, formerly known as Twitter, that")
            in_frame = True
            y += 1
        return None

    def _skip_time(self, sent: Sentence, x: int) -> int:
        """ "on Tuesday", "last week", "earlier this month", "yesterday"."""
        lex = self.lex
        n = sent.n
        k = sent.k
        while x < n:
            if k[x] in lex.time_words:
                x += 1
            elif (
                k[x] in ("on", "last", "this", "next", "late", "early", "in")
                and x + 1 < n
                and (k[x + 1] in lex.time_words)
            ):
                x += 2
            else:
                break
        return x

    def _object_before_that(self, sent: Sentence, x: int) -> int:
        """ "warned ministers that", "assured investors that": the one warned,
        a short noun phrase right before "that", is not the content."""
        k = sent.k
        if x >= sent.n or k[x] == "that" or not sent.word(x):
            return x
        for y in range(x + 1, min(sent.n, x + 5)):
            if k[y] == "that" and sent.word(y):
                return y
            if not sent.word(y) or sent.quoted(y) or sent.cue[y] is not None or k[y] in FINITE:
                break
        return x

    def _skip_recipient(self, sent: Sentence, x: int) -> int:
        """ "told the Orlando Sentinel", "told reporters", "told him"."""
        lex = self.lex
        n = sent.n
        k, w = sent.k, sent.w
        if x >= n:
            return x
        # "told an industry conference in Stavanger that": what the content follows
        for y in range(x, min(n, x + 12)):
            if k[y] == "that" or sent.w[y] == ":" or sent.mark[y] == OPEN:
                if (y > x and sent.word(y - 1)) or sent.w[y] == ":":
                    return y
                break
            if not sent.word(y) or sent.cue[y] is not None or k[y] in FINITE:
                break
        for phrase in lex.recipient_phrases.get(k[x], ()):
            if all(x + i < n and k[x + i] == p for i, p in enumerate(phrase)):
                return x + len(phrase)
        if k[x] in lex.recipients or k[x] in ("him", "her", "them", "us", "me"):
            return x + 1
        y = x
        if k[y] in ("the", "a", "an") and y + 1 < n and capitalised(w[y + 1]):
            y += 1
        z = y
        while z < n and sent.word(z) and (capitalised(w[z]) or (k[z] in lex.connectors and z > y)):
            z += 1
        if z > y:
            return z
        return x

    def _clause_follows(self, sent: Sentence, x: int) -> bool:
        """A finite clause (not a noun phrase) starts at x: "confirmed it is ..."."""
        if sent.mark[x] == OPEN:
            return True
        if sent.k[x] in SUBJECT_PRONOUNS:
            return True
        irregular = self.lex.rules.extra.get("past_tense", ())
        for y in range(x + 1, min(sent.n, x + 7)):
            ky = sent.k[y]
            if ky in FINITE or ky.endswith("n't") or ky.endswith("n’t"):
                return True
            if sent.k[y - 1] not in self.lex.determiners and (
                ky in irregular or (ky.endswith("ed") and len(ky) > 4)
            ):
                return True  # "noted the conference regularly drew ..."
            if not sent.word(y) and not sent.mark[y]:  # a quotation may hold the verb
                break
        return False

    def _object_start(self, sent: Sentence, x: int) -> int:
        """After "نفت الوزارة": skip a place or time phrase before the object."""
        lex = self.lex
        n = sent.n
        last = -1
        for z in range(x, min(n, x + 7)):
            if not sent.word(z) or sent.quoted(z):
                break
            if sent.k[z] in lex.time_words or sent.bare(z) in lex.time_words:
                last = z
        if last >= 0:
            return last + 1
        if x + 1 < n and sent.k[x] in lex.prepositions and sent.k[x + 1] in lex.media_nouns:
            return x + 2
        return x

    def _clause_final(self, sent: Sentence, q) -> bool:
        """Only punctuation (or a new attribution) follows the quotation."""
        if not q.closed:
            return True
        y = sent.token_at(q.close) + 1
        while y < sent.n:
            if sent.word(y):
                return self._split_at(sent, y, after_comma=sent.comma(y - 1))
            if sent.mark[y] == OPEN:
                return False
            y += 1
        return True

    def content_end(self, sent: Sentence, x: int) -> int:
        """Token index where the content starting at x stops."""
        n = sent.n
        y = x + 1
        while y < n:
            if sent.quoted(y):
                y += 1
                continue
            if (sent.comma(y) or sent.w[y] in DASHES) and y + 1 < n and self._split_at(sent, y + 1, True):
                return y
            if sent.comma(y) and self._contrast_follows(sent, y + 1):
                return y
            if sent.word(y) and self._split_at(sent, y, False):
                return y
            y += 1
        return n

    def _contrast_follows(self, sent: Sentence, y: int) -> bool:
        """ ", while X called on ...", "، في حين لم تعلق واشنطن": the outlet's own
        contrasting clause, or a clause with another attribution, ends the content."""
        lex = self.lex
        contrast = lex.rules.extra.get("contrast", ())
        k = sent.k
        if self._time_aside(sent, y):
            return True
        for phrase in contrast:
            parts = phrase.split()
            if all(y + i < sent.n and k[y + i] == p for i, p in enumerate(parts)):
                return True
        if y < sent.n and k[y] in lex.rules.extra.get("clause_links", ()):
            for z in range(y + 1, min(sent.n, y + 9)):
                if sent.quoted(z) or sent.w[z] in ENDS:
                    return False
                if sent.cue[z] is not None or sent.bk[z] in lex.non_claim:
                    return True
                if sent.k[z] in lex.rules.extra.get("no_comment", ()):
                    return True  # "، بينما لم تعلق واشنطن"
        return False

    def _time_aside(self, sent: Sentence, y: int) -> bool:
        """ ", a day after protesters stormed parliament": the narrator dates the statement."""
        spans = self.lex.rules.extra.get("time_asides")
        if not spans:
            return False
        counts, units, links = spans
        k = sent.k
        x = y
        if x < sent.n and k[x] in ("just", "only", "barely", "some", "about"):
            x += 1
        if x + 1 < sent.n and k[x] in units and k[x + 1] in links:
            return True  # ", hours after the vote"
        if x < sent.n and (k[x] in counts or k[x].isdigit()):
            x += 1
        return x + 1 < sent.n and k[x] in units and k[x + 1] in links

    def _split_at(self, sent: Sentence, y: int, after_comma: bool) -> bool:
        """Does a new attribution (or an appeal) start at token y?"""
        lex = self.lex
        if y >= sent.n or sent.quoted(y):
            return False
        cue = sent.cue[y]
        ky = sent.k[y]
        if cue is not None and cue.participle:
            return after_comma or self.verb_first
        if self.verb_first:
            conj, bare = lex.strip_conj(ky)
            if conj and (cue is not None or bare in lex.non_claim or bare in lex.relay_verbs):
                return True
            # "، مناشداً المؤسسات": an appeal after a comma ends the reported speech
            return after_comma and (bare in lex.according or ky in lex.non_claim)
        if ky in ("and", "but") and y + 1 < sent.n:
            k2 = sent.k[y + 1]
            if k2 in ("also", "then", "later"):
                k2 = sent.k[y + 2] if y + 2 < sent.n else ""
                c2 = sent.cue[y + 2] if y + 2 < sent.n else None
            else:
                c2 = sent.cue[y + 1]
            if (c2 is not None and not c2.participle) or k2 in lex.non_claim:
                return True
        if after_comma and ky in lex.according:
            phrase = lex.according[ky][0]
            return all(y + i < sent.n and sent.k[y + i] == p for i, p in enumerate(phrase))
        return False

    def content_from(self, sent: Sentence, x: int, end: int, offset: int = 0):
        """Content span from token x to token `end` (exclusive): trimmed,
        unquoted when it is one whole quotation, with its kind."""
        t = self.t
        n = sent.n
        while x < end and (sent.comma(x) or sent.w[x] in ":;"):
            x += 1
        if x >= end:
            return None
        if sent.mark[x] == OPEN:
            q = sent.quote_at(x)
            if q is not None:
                close_tok = sent.token_at(q.close) if q.closed else n
                rest = [y for y in range(close_tok + 1, end) if sent.word(y) or sent.mark[y]]
                if not rest:
                    s, e = trim_span(t, q.open + 1, min(q.close, sent.e[end - 1]))
                    if s < e:
                        return s, e, "direct", x, max(end, close_tok + 1)
        s = sent.s[x] + offset
        e = sent.e[end - 1]
        s, e = trim_span(t, s, e, keep_close=True, quotes=sent.quotes)
        if s >= e:
            return None
        return s, e, span_kind(t, s, e, sent.quotes), x, end
