"""An article prepared for matching: folded text, paragraphs, quotations and
tokenised sentences with per-token look-ups."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .lexicon import Cue, Lexicon
from .text import Folded, Quote, quotations, sentences, tokens

OPEN, CLOSE = 1, 2
COMMAS = frozenset(",،")
DASHES = frozenset("-–—")
ENDS = frozenset(".!?؟…")
BARE_AFTER = frozenset(
    ("to", "will", "would", "could", "might", "may", "did", "does", "do", "should", "must")
)


class Paragraph:
    __slots__ = ("end", "index", "quotes", "start")

    def __init__(self, index: int, start: int, end: int, quotes: list[Quote]):
        self.index, self.start, self.end, self.quotes = index, start, end, quotes


class Sentence:
    """Tokens of one sentence with what the pipeline asks about each."""

    __slots__ = (
        "bk",
        "cue",
        "doc",
        "e",
        "end",
        "index",
        "isw",
        "k",
        "lex",
        "mark",
        "marks",
        "n",
        "para",
        "qid",
        "quotes",
        "s",
        "start",
        "t",
        "w",
    )

    def __init__(
        self,
        doc: Document,
        index: int,
        para: Paragraph,
        start: int,
        end: int,
        spans: list[tuple[int, int]] | None = None,
    ):
        self.index, self.para, self.start, self.end = index, para, start, end
        self.doc = doc
        self.lex = lex = doc.lex
        self.t = t = doc.t
        kt = doc.kt
        if spans is None:
            spans = tokens(t, start, end)
        self.s = [a for a, _ in spans]
        self.e = [b for _, b in spans]
        self.w = [t[a:b] for a, b in spans]
        self.k = keys = [kt[a:b] for a, b in spans]
        self.isw = [w[0].isalnum() for w in self.w]
        if lex.conj:
            conj = lex.conj
            self.bk = [k[1:] if len(k) > 2 and k[0] in conj else k for k in keys]
        else:
            self.bk = keys
        self.n = n = len(spans)
        self.qid = [-1] * n
        self.mark = [0] * n
        self.quotes = [q for q in para.quotes if q.open < end and q.close >= start]
        self.marks: dict[int, Quote] = {}
        for qi, q in enumerate(self.quotes):
            self.marks[q.open] = q
            if q.closed:
                self.marks[q.close] = q
            lo = bisect_left(self.s, q.open)
            hi = bisect_right(self.s, q.close)
            for j in range(lo, hi):
                if self.s[j] == q.open:
                    self.mark[j] = OPEN
                elif self.s[j] == q.close and q.closed:
                    self.mark[j] = CLOSE
                else:
                    self.qid[j] = qi
        cues = lex.cues
        self.cue: list[Cue | None] = [
            _cue(lex, keys, j) if self.isw[j] and (keys[j] in cues or self.bk[j] in cues) else None
            for j in range(n)
        ]
        if lex.determiners:
            for j in range(n):
                c = self.cue[j]
                if c is None:
                    continue
                prev = self.k[j - 1] if j else ""
                if prev in lex.determiners or (c.bare and prev not in BARE_AFTER):
                    self.cue[j] = None  # "the report", "the claims": nouns
                elif c.verb.not_before and j + c.size < n and keys[j + c.size] in c.verb.not_before:
                    self.cue[j] = None  # "called on", "called for": appeals
        if lex.nouns_after:
            for j in range(1, n):
                if self.cue[j] is not None and keys[j - 1] in lex.nouns_after:
                    self.cue[j] = None  # "طالباً عدم ذكر اسمه": a verbal noun

    # ------------------------------------------------------------ predicates

    def dateline_end(self) -> int:
        """Token after a dateline such as "LONDON (Reuters) -", "DENVER, Colo. -" or
        "OTTAWA, April 10 (Reuters) -"; 0 when the sentence has none."""
        if self.start != self.para.start:
            return 0
        w = self.w
        x = 0
        while x < self.n and x < 10:
            if w[x] in DASHES:
                return x + 1 if x > 0 and w[0].isupper() and len(w[0]) > 1 else 0
            if not (w[x].isupper() or w[x] in ",.()" or (x > 0 and (w[x][:1].isupper() or w[x].isdigit()))):
                return 0
            x += 1
        return 0

    def is_name_ali(self, j: int) -> bool:
        """The name علي, not the preposition على: they fold alike."""
        return self.k[j] == "علي" and self.doc.original_text(self.s[j], self.e[j]).endswith("ي")

    def word(self, j: int) -> bool:
        return 0 <= j < self.n and self.isw[j]

    def comma(self, j: int) -> bool:
        return 0 <= j < self.n and self.w[j] in COMMAS

    def quoted(self, j: int) -> bool:
        """Inside a quotation or one of its marks."""
        return self.qid[j] >= 0 or self.mark[j] != 0

    def bare(self, j: int) -> str:
        """The key without a conjunction prefix: وقال -> قال."""
        return self.bk[j]

    def quote_at(self, j: int) -> Quote | None:
        """The quotation opened or closed by the mark at token j."""
        if not self.mark[j]:
            return None
        return self.marks.get(self.s[j])

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_left(self.s, offset)

    def is_complementiser(self, j: int) -> bool:
        if not self.word(j) or self.quoted(j):
            return False
        lex = self.lex
        k = self.k[j]
        return k in lex.complementisers and not (j > 0 and self.k[j - 1] in lex.not_comp_after)


def _cue(lex: Lexicon, keys: list[str], j: int) -> Cue | None:
    k = keys[j]
    entries = lex.cues.get(k)
    if entries is None and lex.conj:
        _, bare = lex.strip_conj(k)
        if bare != k:
            entries = lex.cues.get(bare)
    if not entries:
        return None
    for parts, cue in entries:
        n = len(parts)
        if n == 1:
            return cue
        if j + n <= len(keys) and all(keys[j + i] == parts[i] for i in range(1, n)):
            return cue
    return None


class Document:
    """The folded article split into paragraphs (sentences are made lazily)."""

    def __init__(self, text: str, lex: Lexicon):
        self.original = text
        self.folded = Folded.of(text)
        self.t = self.folded.text
        # lookup keys: lower case, one apostrophe, same length as the text
        self.kt = self.t.lower().replace("’", "'") if lex.rules.cased else self.t
        if len(self.kt) != len(self.t):
            self.kt = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.t).replace("’", "'")
        self.lex = lex
        self.paragraphs: list[Paragraph] = []
        from .text import paragraphs

        for i, (s, e) in enumerate(paragraphs(self.t)):
            self.paragraphs.append(Paragraph(i, s, e, quotations(self.t, s, e)))

    def sentences_of(self, para: Paragraph, first_index: int) -> list[Sentence]:
        r = self.lex.rules
        cuts = sentences(self.t, para.start, para.end, para.quotes, r.abbreviations, r.cased)
        toks = tokens(self.t, para.start, para.end)
        starts = [a for a, _ in toks]
        out = []
        for i, (s, e) in enumerate(cuts):
            part = toks[bisect_left(starts, s) : bisect_left(starts, e)]
            out.append(Sentence(self, first_index + i, para, s, e, part))
        return out

    def orig(self, start: int, end: int) -> tuple[int, int]:
        return self.folded.span(start, end)

    def original_text(self, start: int, end: int) -> str:
        return self.folded.original_slice(start, end)
