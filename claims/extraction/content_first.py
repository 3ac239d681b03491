"""Claims whose content comes before the attribution: "“A,” she said",
"A, officials said", "«...»، يضيف المدرب"; whether anything that could be
content follows the cue, and a quotation that the same speaker goes on with
after it ("“A,” she said, “B.”", "“A,” she said. “B.”")."""

from __future__ import annotations

from bisect import bisect_right

from .document import CLOSE, ENDS, OPEN, Sentence
from .lexicon import Cue
from .spans import FINITE, Raw, capitalised, negative, trim_span
from .speakers import Mention, mention_from_tokens

# nouns and verbs ending like superlatives: ", the interest rate ...", ", the protest ..."
_EST_NOUNS = frozenset(
    [
        "interest",
        "request",
        "protest",
        "forest",
        "contest",
        "arrest",
        "harvest",
        "suggest",
        "inquest",
        "conquest",
    ]
)


class ContentFirst:
    """Methods of the Extractor (see pipeline.py); `self` has `lex`, `doc`, `t`,
    `verb_first` and the claims of the sentence being read."""

    def quote_first(
        self, sent: Sentence, b: int, j: int, after: int, cue: Cue, mention: Mention | None, cue_text, cue_pos
    ) -> Raw | None:
        """Content before the attribution: "“A,” she said" or "A, said X"."""
        p = b
        close = -1
        comma = -1
        steps = 0
        while p >= 0 and steps < 3 and (sent.comma(p) or sent.mark[p] == CLOSE or sent.w[p] in "?!"):
            if sent.mark[p] == CLOSE and close < 0:
                close = p
            if sent.comma(p) and comma < 0:
                comma = p
            p -= 1
            steps += 1
        if close < 0 and comma < 0:
            return None
        x = after
        role = None
        if mention is None and not self.verb_first and cue.verb.recipient:
            return None  # "“...,” X told reporters": what follows "told" is its addressee, never its subject
        if mention is None:
            if self.verb_first:
                subj = self.subject_after_verb(sent, after, cue, False)
            else:
                subj = self.np_after(sent, after)
            if subj is not None and subj[0] < subj[1]:
                a, z, x, role = subj
                mention = mention_from_tokens(sent, a, z, role=role)
            else:
                mention = None
        if mention is None:
            return None
        if cue.verb.recipient:
            x = self._skip_recipient(sent, x)
        terminal = self._terminal(sent, x)
        if not terminal and cue.verb.recipient and not self.verb_first:
            terminal = self._only_addressee(sent, x)  # "“...,” X told a regular news briefing in Beijing."
        if close >= 0:
            q = sent.quote_at(close)
            if q is None:
                return None
            if not terminal and not self._split_quote_follows(sent, x) and not sent.comma(x):
                return None
            s, e = trim_span(self.t, q.open + 1, q.close)
            if s >= e:
                return None
            ts = sent.token_at(q.open)
            raw = Raw(cue_text, cue_pos, s, e, mention, sent.index, sent.para.index, "direct", 0.9, cue.verb)
            raw.tok_start, raw.tok_end = ts, close + 1
            self._extend_same_sentence(sent, raw, x)
            return raw
        if not terminal:
            return None
        first = self._clause_start(sent, comma)
        if sum(1 for z in range(first, comma) if sent.word(z)) < 3:
            return None  # "من جانبه، نفى": an opening phrase, not content
        if self._question_at(sent, first):
            return None  # "Asked whether he would resign, X said ...": the question is not his
        if not self.verb_first and self._appositive_subject(sent, first, comma):
            return None  # "The state's health commissioner, Dr. James McDonald, said": no clause
        got = self.content_from(sent, first, comma)
        if got is None:
            return None
        s, e, kind, ts, te = got
        raw = Raw(cue_text, cue_pos, s, e, mention, sent.index, sent.para.index, kind, 0.7, cue.verb)
        raw.tok_start, raw.tok_end = ts, te
        return raw

    def _only_addressee(self, sent: Sentence, x: int) -> bool:
        """Only the addressee of "told" and where it was follow: no content."""
        lex = self.lex
        for y in range(x, sent.n):
            ky = sent.k[y]
            if sent.mark[y] or sent.w[y] == ":" or ky == "that" or sent.cue[y] is not None or ky in FINITE:
                return False
            if sent.comma(y) or ky in lex.subordinators:
                return False
        return True

    def _appositive_subject(self, sent: Sentence, a: int, b: int) -> bool:
        """Is sent[a:b] "<description>, <Name>" (a subject with its name in
        apposition) rather than a clause?"""
        c = max((y for y in range(a, b) if sent.comma(y)), default=-1)
        if c < 0 or b - c > 6:
            return False
        name = [y for y in range(c + 1, b) if sent.word(y)]
        if not name or not all(capitalised(sent.w[y]) for y in name):
            return False
        return not self._has_verb(sent, a, c)

    def _has_verb(self, sent: Sentence, a: int, b: int) -> bool:
        """Does sent[a:b] hold a clause, not just a noun phrase?"""
        irregular = self.lex.rules.extra.get("past_tense", ())
        for y in range(a, b):
            ky = sent.k[y]
            if sent.quoted(y) or ky in FINITE or ky in irregular or negative(ky, self.lex):
                return True
            if sent.word(y) and sent.w[y].islower() and len(ky) > 4 and ky.endswith(("ed", "es")):
                return True
        return False

    def _question_at(self, sent: Sentence, x: int) -> bool:
        for phrase in self.lex.rules.extra.get("question_openers", ()):
            parts = phrase.split()
            if all(x + i < sent.n and sent.bare(x + i) == p for i, p in enumerate(parts)):
                return True
        return False

    def _clause_start(self, sent: Sentence, limit: int) -> int:
        """Where content preceding an attribution starts: after the last claim in the sentence."""
        first = 0 if self.verb_first else self.dateline_end(sent)  # "MANILA (AP) — ..."
        i = bisect_right(self._ends, limit)
        if i:
            first = max(first, self._ends[i - 1])
        while first < limit and not sent.word(first) and not sent.mark[first]:
            first += 1
        return first

    def _terminal(self, sent: Sentence, x: int) -> bool:
        """Nothing that could be content follows the attribution."""
        lex = self.lex
        n = sent.n
        if not self.verb_first:
            x = self._skip_time(sent, x)  # "..., an industry body said last month."
        while x < n and sent.w[x] in ENDS:
            x += 1
        if x >= n:
            return True
        kx = sent.k[x]
        if kx in lex.prepositions or kx in lex.time_words or sent.bare(x) in lex.prepositions:
            if not self.verb_first:
                # "..., she said on Tuesday.", not "..., she told reporters on a call: “...”"
                return not any(sent.w[y] == ":" and not sent.quoted(y) for y in range(x, n))
            # "«...»، أضاف المطيري خلال مؤتمر صحافي": unless content follows after all
            marks = (":", "«", '"', "“")
            return not any(
                sent.w[y] in marks or sent.cue[y] is not None or sent.is_complementiser(y)
                for y in range(x, n)
            )
        if sent.comma(x):
            if x + 1 >= n or sent.cue[x + 1] is not None or sent.mark[x + 1] == OPEN:
                return True
            if sent.k[x + 1] in lex.according or sent.bare(x + 1) in lex.according:
                return True  # "..., the newspaper reported, citing sources."
            # "..., officials said on Wednesday, in a new blow to ...", "..., as rain returned",
            # "..., a year after a previous round failed": the narrator goes on
            if self.verb_first:
                return False
            if not (
                sent.k[x + 1] in lex.prepositions
                or sent.k[x + 1] in ("as", "while", "when", "after", "before", "amid")
                or self._time_aside(sent, x + 1)
                or self._summary_aside(sent, x + 1)
            ):
                return False
            return not any(sent.w[y] == ":" or sent.mark[y] or sent.k[y] == "that" for y in range(x + 1, n))
        return sent.cue[x] is not None and sent.cue[x].participle

    def _summary_aside(self, sent: Sentence, x: int) -> bool:
        """ "..., the office said, the highest level in a year.", "..., up from 3%":
        the narrator sums up the figure; it is not what follows the cue."""
        k = sent.k
        if x + 1 >= sent.n or not sent.word(x + 1):
            return False
        if k[x] in ("up", "down") and k[x + 1] == "from":
            return True
        heads = self.lex.rules.extra.get("summary_heads", ())
        return k[x] in ("the", "a", "its", "their") and (
            k[x + 1] in heads
            or (k[x + 1].endswith("est") and len(k[x + 1]) > 4 and k[x + 1] not in _EST_NOUNS)
        )

    def _split_quote_follows(self, sent: Sentence, x: int) -> bool:
        return x + 1 < sent.n and sent.comma(x) and sent.mark[x + 1] == OPEN

    def _extend_same_sentence(self, sent: Sentence, raw: Raw, x: int) -> None:
        """ "“A,” she said, “B.”": one claim from A to B."""
        n = sent.n
        y = x
        while y < n and not sent.mark[y] and (not sent.word(y) or sent.k[y] in self.lex.prepositions):
            if sent.w[y] in ENDS:
                return
            y += 1
        if y < n and sent.mark[y] == OPEN and sent.comma(y - 1):
            q = sent.quote_at(y)
            if q is not None:
                _, e = trim_span(self.t, q.open + 1, q.close)
                if e > raw.end:
                    raw.end = e
                    raw.tok_end = sent.token_at(q.close) + 1

    def extend_split_quote(self, sent: Sentence) -> None:
        """ "“A,” she said. “B.”": a quote-only sentence extends the claim before it."""
        if not self.claims:
            return
        last = self.claims[-1]
        if last.para != sent.para.index or last.kind != "direct" or last.headline:
            return
        if not sent.n or sent.mark[0] != OPEN:
            return
        q = sent.quote_at(0)
        if q is None:
            return
        tail = self.t[q.close + 1 : sent.end] if q.closed else ""
        if tail.strip(" .,!?؟،"):
            return
        s, e = trim_span(self.t, q.open + 1, q.close)
        if e > last.end and s < e:
            last.end = e
