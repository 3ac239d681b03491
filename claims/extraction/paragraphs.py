"""Paragraph-level shapes: page furniture, captions and bylines to skip,
headlines "Speaker: statement", and quotations that run across paragraphs
(a quote-only paragraph after a speaker's quotation, a quotation opened in one
paragraph and attributed in the next)."""

from __future__ import annotations

from .document import ENDS, Paragraph, Sentence
from .spans import Raw, trim_span
from .speakers import Mention, mention_from_tokens


class ParagraphShapes:
    """Methods of the Extractor (see pipeline.py); `self` has `lex`, `doc`, `t`,
    `verb_first` and the claims found so far."""

    # ---------------------------------------------------------------- furniture

    def paragraph_labels(self) -> list[str]:
        """Why each paragraph is skipped ("caption", "furniture"...), "" when it is not."""
        labels = []
        listing = False  # inside the list of links after "Read more:"
        for para in self.doc.paragraphs:
            label = self.skip_label(para)
            if not label and listing and self._link_title(para):
                label = "furniture"
            listing = label == "furniture" and (listing or self.t[para.end - 1] in ":：")
            labels.append(label)
        return labels

    def skip_label(self, para: Paragraph) -> str:
        line = self.t[para.start : para.end]
        if len(line) > 300:
            return ""
        low = line.lower()
        if any(low.startswith(p) for p in self.lex.rules.extra.get("link_prefixes", ())):
            return "furniture"  # "Read more: X says ...": a link to another article
        has_cue = None
        for label, pat in self.lex.skip_patterns:
            if pat.fullmatch(line):
                if label != "caption":
                    if has_cue is None:
                        has_cue = self._has_cue(para)
                    if has_cue:
                        continue
                return label
        return ""

    def _link_title(self, para: Paragraph) -> bool:
        """A short line with no sentence end: the title of a linked article."""
        return para.end - para.start <= 160 and self.t[para.end - 1] not in '.!?؟…»”"'

    def _has_cue(self, para: Paragraph) -> bool:
        sent = Sentence(self.doc, -1, para, para.start, para.end)
        return any(c is not None for c in sent.cue) or any(
            sent.bare(j) in self.lex.according for j in range(sent.n)
        )

    # ---------------------------------------------------------------- headline "Speaker: statement"

    def headline(self, para: Paragraph, index: int) -> Raw | None:
        t = self.t
        line = t[para.start : para.end]
        if line[-1] in ENDS or len(line) > 250 or ":" not in line:
            return None
        sent = Sentence(self.doc, index, para, para.start, para.end)
        colon = -1
        for j in range(sent.n):
            if sent.w[j] == ":" and not sent.quoted(j):
                colon = j
                break
        if colon < 1 or colon + 2 >= sent.n:
            return None
        left_words = [j for j in range(colon) if sent.word(j)]
        right_words = [j for j in range(colon + 1, sent.n) if sent.word(j) or sent.quoted(j)]
        if not 1 <= len(left_words) <= 7 or len(right_words) < 2:
            return None
        if any(sent.cue[j] for j in range(colon)) or any(sent.k[j].isdigit() for j in left_words):
            return None
        if sent.e[colon] < para.end and not t[sent.e[colon]].isspace():
            return None  # 18:18, http://
        labels = self.lex.headline_labels
        first = 0
        if (
            len(left_words) > 1
            and (sent.k[left_words[0]],) in labels
            and left_words[1] > left_words[0] + 1
            and all(sent.w[y] in ".|-–—…/" for y in range(left_words[0] + 1, left_words[1]))
        ):
            # "بالفيديو.. وزير الخارجية: ...", "WATCH | Minister: ...": the label, then the headline
            first = left_words[1]
            left_words = left_words[1:]
        if (sent.k[left_words[0]],) in labels or tuple(sent.k[j] for j in left_words) in labels:
            return None  # "Report: ...", "Fact check: ...", "عاجل: ...": a genre, not a speaker
        mention = mention_from_tokens(sent, first, colon, headline=True)
        if mention is None:
            return None
        start = self.content_from(sent, colon + 1, sent.n)
        if start is None:
            return None
        s, e, kind, ts, te = start
        return Raw(":", sent.s[colon], s, e, mention, index, para.index, kind, 0.6, None, True, ts, te)

    # ---------------------------------------------------------------- quotations across paragraphs

    def continuation(self, para: Paragraph, sents: list[Sentence], prev: Paragraph) -> None:
        """A paragraph that is only a quotation, right after a speaker's quotation."""
        if not self.claims or not para.quotes:
            return
        last = self.claims[-1]
        if last.para != prev.index or last.kind == "indirect":
            return
        q = para.quotes[0]
        if q.open != para.start:
            return
        tail = self.t[q.close + 1 : para.end] if q.closed else ""
        if tail.strip(" .,!?؟،"):
            return
        s, e = trim_span(self.t, q.open + 1, q.close)
        if s >= e:
            return
        index = sents[0].index if sents else last.sentence + 1
        raw = Raw("", s, s, e, Mention("elided", pos=s), index, para.index, "direct", 0.7, None)
        self.claims.append(raw)

    def _open_quotation(self, para: Paragraph, sents: list[Sentence]):
        """A paragraph that opens a quotation and never closes it: the
        quotation goes on in the next paragraph, which may name the speaker."""
        if len(para.quotes) != 1 or para.quotes[0].closed or para.quotes[0].open != para.start:
            return None
        s, e = trim_span(self.t, para.start + 1, para.end)
        if s >= e:
            return None
        return (para, s, e, sents[0].index if sents else 0)

    def _quotation_before_attribution(self, pending, para: Paragraph, first_new: int) -> None:
        """ "“A. B.¶“C,” he said.": the first paragraph is the same speaker's quotation."""
        first = self.claims[first_new]
        if first.kind != "direct" or not para.quotes or para.quotes[0].open != para.start:
            return
        if not para.quotes[0].open < first.start <= para.quotes[0].open + 2:
            return
        prev, s, e, index = pending
        raw = Raw("", first.cue_pos, s, e, Mention("elided", pos=s), index, prev.index, "direct", 0.65, None)
        self.claims.append(raw)
