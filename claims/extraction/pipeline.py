"""The language-neutral pipeline: paragraphs -> skipped furniture and
headlines -> sentences -> reporting cues -> speaker and content spans.

Word order and vocabulary come from the language's rules; this module only
knows the shapes of attribution:

- verb first (Arabic VSO): "وقال المتحدث باسم X ديمتري بيسكوف: «...»"
- subject first: "Peskov said ...", "الرئيس التنفيذي قال إن ...", "وكان X صرّح ..."
- quotation first: "“...,” he said", "«...»، يضيف المدرب"
- "according to X", بحسب، وفق، نقلاً عن
- adverbial participles: "مشيراً إلى أنّ", ", adding that"
- headlines "Speaker: statement", quote-only continuation paragraphs,
  quotations split by their attribution, several cues in one sentence.

The Extractor reads the article; clause-level work lives beside it:
`verb_first` (Arabic subjects), `subject_first` (English noun phrases),
`content` (where the content after a cue begins and ends) and
`content_first` (content before its attribution). Speakers are resolved
afterwards by `resolver`.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator

from .claim import ExtractedClaim
from .content import ContentSpans
from .content_first import ContentFirst
from .document import CLOSE, DASHES, ENDS, OPEN, Document, Paragraph, Sentence
from .lexicon import Cue, Lexicon
from .rules.base import OBJECT
from .spans import (
    FINITE,
    PARTICIPLE_AFTER,
    Raw,
    capitalised,
    participle_modifier,
    trim_span,
)
from .speakers import Mention, mention_from_tokens, sentence_subject
from .subject_first import SubjectFirstPhrases
from .text import fold
from .verb_first import VerbFirstSubjects


class Extractor(ContentSpans, ContentFirst, VerbFirstSubjects, SubjectFirstPhrases):
    def __init__(self, text: str, lex: Lexicon):
        self.lex = lex
        self.doc = Document(text, lex)
        self.t = self.doc.t
        self.claims: list[Raw] = []
        self.skipped: list[tuple[int, int, str]] = []
        self.sentences: list[Sentence] = []
        self.verb_first = lex.rules.verb_first
        self.claims_in_sentence: list[Raw] = []  # claims found so far in the sentence being read
        # their token ends and cue offsets, sorted: look-ups stay logarithmic on long sentences
        self._ends: list[int] = []
        self._cues: list[int] = []

    # ================================================================ driver

    def run(self) -> list[Raw]:
        index = 0
        last_content_para: Paragraph | None = None
        pending = None
        for para, label in zip(self.doc.paragraphs, self.paragraph_labels(), strict=True):
            if label:
                self.skipped.append((para.start, para.end, label))
                continue
            before = len(self.claims)
            head = self.headline(para, index)
            if head:
                self.claims.append(head)
                index += 1
                last_content_para = para
                continue
            sents = self.doc.sentences_of(para, index)
            index += len(sents)
            self.sentences.extend(sents)
            prev: Sentence | None = None
            for sent in sents:
                found = list(self.sentence_claims(sent))
                if len(found) > 1:
                    found.sort(key=lambda r: r.cue_pos)
                if not found and prev is not None:
                    self.extend_split_quote(sent)
                self.claims.extend(found)
                prev = sent
            if len(self.claims) == before and last_content_para is not None:
                self.continuation(para, sents, last_content_para)
            if len(self.claims) == before:
                pending = self._open_quotation(para, sents)
            else:
                if pending is not None:
                    self._quotation_before_attribution(pending, para, before)
                pending = None
            last_content_para = para
        return self.claims

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

    # ================================================================ furniture

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

    def _link_title(self, para: Paragraph) -> bool:
        """A short line with no sentence end: the title of a linked article."""
        return para.end - para.start <= 160 and self.t[para.end - 1] not in '.!?؟…»”"'

    def _has_cue(self, para: Paragraph) -> bool:
        sent = Sentence(self.doc, -1, para, para.start, para.end)
        return any(c is not None for c in sent.cue) or any(
            sent.bare(j) in self.lex.according for j in range(sent.n)
        )

    # ================================================================ headline "Speaker: statement"

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

    # ================================================================ sentences

    def sentence_claims(self, sent: Sentence) -> Iterator[Raw]:
        covered = bytearray(sent.n)  # tokens inside a claim found in this sentence
        here: list[Raw] = []
        self.claims_in_sentence = here
        self._ends, self._cues = [], []
        lex = self.lex
        according, relay = lex.according, lex.relay_verbs
        k, bk, cues = sent.k, sent.bk, sent.cue
        candidates = [
            j
            for j in range(sent.n)
            if sent.isw[j]
            and (cues[j] is not None or k[j] in according or bk[j] in according or bk[j] in relay)
        ]
        if len(candidates) > 1 and not self.verb_first:
            last = max((i for i, j in enumerate(candidates) if cues[j] is not None), default=-1)
            if last > 0 and self._trailing_attribution(sent, candidates[last]):
                # "The research found X, the authors wrote.": the last attribution holds the others
                candidates.insert(0, candidates.pop(last))
        for j in candidates:
            if sent.quoted(j) or covered[j]:
                continue
            raw = None
            cue = sent.cue[j]
            bare = sent.bare(j)
            if cue is not None:
                if cue.participle:
                    raw = self.participle(sent, j, cue, here)
                else:
                    raw = self.finite(sent, j, cue, here)
            elif (sent.k[j] in lex.according or bare in lex.according) and sent.k[j] != "ف" + bare:
                raw = self.according(sent, j, here)
            elif bare in lex.relay_verbs:
                raw = self.relay(sent, j)
            if raw is not None:
                lo, hi = max(0, raw.tok_start), min(sent.n, raw.tok_end)
                if hi > lo:
                    covered[lo:hi] = b"\x01" * (hi - lo)
                here.append(raw)
                insort(self._ends, raw.tok_end)
                insort(self._cues, raw.cue_pos)
                yield raw

    def _trailing_attribution(self, sent: Sentence, j: int) -> bool:
        """Does the sentence end with ", <subject> <cue> [time, place]." after a
        clause that holds another cue?"""
        cue = sent.cue[j]
        if cue is None or cue.participle or sent.quoted(j):
            return False
        subj = self.np_before(sent, j - 1)
        if subj is None or subj[0] < 2 or not sent.comma(subj[0] - 1):
            return False
        x = j + cue.size
        if cue.verb.recipient:
            x = self._skip_recipient(sent, x)
        return self._terminal(sent, x) and any(
            sent.cue[y] is not None and not sent.quoted(y) for y in range(0, subj[0] - 1)
        )

    # ---------------------------------------------------------------- finite verbs

    def finite(self, sent: Sentence, j: int, cue: Cue, here: list[Raw]) -> Raw | None:
        if self.verb_first:
            return self.finite_verb_first(sent, j, cue, here)
        return self.finite_subject_first(sent, j, cue, here)

    def _cue_text(self, sent: Sentence, j: int, size: int) -> tuple[str, int]:
        """The cue as written, without a conjunction prefix: وقال -> قال."""
        k = sent.k[j]
        conj, _ = self.lex.strip_conj(k)
        if k in self.lex.according or k in self.lex.cues:
            conj = ""  # وفقاً، وصف: the و belongs to the word
        start = sent.s[j] + len(conj)
        return self.doc.original_text(start, sent.e[j + size - 1]), sent.s[j]

    # ---------------------------------------------------------------- English noun phrases

    # ---------------------------------------------------------------- quotation first

    # ---------------------------------------------------------------- content after the cue

    # ---------------------------------------------------------------- participles, according to, relays

    def participle(self, sent: Sentence, j: int, cue: Cue, here: list[Raw]) -> Raw | None:
        lex = self.lex
        k = sent.k
        size = cue.size
        if j == 0 and not self.verb_first:
            return None
        if not self.verb_first and not (
            sent.comma(j - 1)
            or sent.mark[j - 1] == CLOSE
            or sent.w[j - 1] in DASHES
            or k[j - 1] in PARTICIPLE_AFTER
        ):
            return None  # "before the German warning": a noun
        if j > 0 and (k[j - 1][:1].isdigit() or k[j - 1] in lex.rules.extra.get("number_words", ())):
            return None  # "12 متهماً", "ثلاثة متهمين": counted nouns
        if not self.verb_first and j >= 2 and k[j - 1] == "as" and k[j - 2] == "quoted":
            subj = self.np_before(sent, j - 4) if j >= 4 else None
            mention = mention_from_tokens(sent, subj[0], subj[1]) if subj else None
        elif here or (self.verb_first and self._clause_verb(sent, j - 1)):
            # "وسأله صحافي عن X، فردّ قائلاً": the one who answers was quoted last
            mention = Mention("elided", pos=sent.s[j])
        else:
            mention = sentence_subject(sent, self) or Mention("elided", pos=sent.s[j])
        if mention is None:
            return None
        after = j + size
        if cue.verb.preposition and after < sent.n and k[after] == fold(cue.verb.preposition):
            after += 1
            size += 1
        cue_text, cue_pos = self._cue_text(sent, j, size)
        if self.verb_first and self._clause_verb(sent, j - 1):
            # "فردّ قائلاً", "فاكتفى بالقول": the verb and its manner are one cue
            conj, _ = lex.strip_conj(k[j - 1])
            cue_text = self.doc.original_text(sent.s[j - 1] + len(conj), sent.e[j + size - 1])
        conf = 0.8
        if (
            not self.verb_first
            and after < sent.n
            and (k[after] in lex.prepositions or (k[after] in lex.determiners and cue.verb.lemma != "say"))
            and k[after] != "that"
            and cue.verb.kind != OBJECT
            and not (k[after] in lex.determiners and self._clause_follows(sent, after))
        ):
            return None  # "adding to the pressure", "noting the date" (not "insisting the veteran has ...")
        return self.content_after(sent, j, after, cue, mention, cue_text, cue_pos, conf)

    def _clause_verb(self, sent: Sentence, x: int) -> bool:
        """A verb opening its clause with a conjunction, directly before a
        participle: only a verb stands there (a subject would follow it)."""
        if x < 0 or not sent.word(x) or sent.quoted(x):
            return False
        k = sent.k[x]
        conj, bare = self.lex.strip_conj(k)
        if not conj or k.startswith(("وال", "فال")) or bare in self.lex.prepositions:
            return False
        return x == 0 or sent.comma(x - 1) or not sent.word(x - 1)

    def according(self, sent: Sentence, j: int, here: list[Raw]) -> Raw | None:
        lex = self.lex
        n = sent.n
        k = sent.k
        bare = k[j] if k[j] in lex.according else sent.bare(j)
        phrase = next(
            (p for p in lex.according[bare] if all(j + i < n and k[j + i] == p[i] for i in range(1, len(p)))),
            None,
        )
        if phrase is None:
            return None
        x = j + len(phrase)
        size = len(phrase)
        if x < n and k[x] in ("ل", "لـ", "عن", "الي", "الى", "إلى"):
            if k[x] == "عن":
                size += 1  # "نقلاً عن": the preposition is part of the cue
            x += 1
        if (
            x + 1 < n
            and k[x] == "ما"
            and (
                sent.cue[x + 1] is not None or self._cue_with_pronoun(k[x + 1]) or self._relay_word(k[x + 1])
            )
        ):
            x += 1  # بحسب ما أفاد به X, بحسب ما أعلنه X, وفق ما نقلته X
        relayed = False
        if (
            x < n
            and self.verb_first
            and (sent.cue[x] is not None or self._cue_with_pronoun(k[x]) or self._relay_word(k[x]))
        ):
            relayed = sent.cue[x] is None and self._relay_word(k[x])
            x += 1  # حسبما أفاد X, بحسب ما أعلنه X
            if x < n and k[x] in ("به", "بها", "بهم"):
                x += 1
        strip = 0
        if x < n and bare in ("وفقا", "طبقا", "استنادا", "وفق") and k[x].startswith("ل") and len(k[x]) > 3:
            strip = 1
        a = x
        while x < n and x - a < 12:
            head = k[x - 1][1:] if x > a and k[x - 1][:1] in lex.prep_prefixes else k[x - 1]
            if sent.mark[x] == OPEN and x > a and (head in lex.org_heads or head in lex.documents):
                q = sent.quote_at(x)
                close = sent.token_at(q.close) if q is not None and q.closed else n
                if close - x > 5 or close >= n:
                    break
                x = close + 1  # "تقرير لشركة «فاليوسترات»": a quoted name
                continue
            if sent.w[x] == "." and x > a and k[x - 1] in lex.rules.abbreviations and sent.word(x + 1):
                x += 1  # "according to the U.S. Geological Survey"
                continue
            if not sent.word(x) or sent.quoted(x):
                break
            if x > a and (sent.is_complementiser(x) or sent.cue[x] is not None or k[x] in ("فان", "فانه")):
                break
            if not self.verb_first and x > a and (k[x] in lex.subordinators or k[x] in FINITE):
                break
            if (
                not self.verb_first
                and x > a + 1
                and (self._skip_time(sent, x) > x or participle_modifier(sent, x))
            ):
                break  # "according to a study of 8,000 adults published on Tuesday"
            if self.verb_first and x > a and (k[x] in lex.prepositions or k[x] in lex.time_words):
                if sent.bare(x) in ("في", "من", "ب") and x + 1 < n and sent.k[x + 1] in lex.org_heads:
                    x += 2  # "مصادر في الهيئة"
                    continue
                if k[x] in ("عن", "من") and k[x - 1] in lex.source_of:
                    x += 1  # "تقرير صادر عن البنك الدولي"
                    continue
                break
            x += 1
        if x == a:
            return None
        if relayed and x + 1 < n and k[x] == "عن" and sent.word(x + 1):
            # "وفق ما نقلته وكالة رويترز عن متعاملين": the agency relays, the traders are the source
            a, x, strip = x + 1, x + 1, 0
            while x < n and x - a < 9 and sent.word(x) and not sent.quoted(x):
                if sent.is_complementiser(x) or sent.cue[x] is not None or k[x] in lex.relay_nouns:
                    break
                x += 1
        mention = mention_from_tokens(sent, a, x, strip_prefix=strip)
        if mention is None:
            return None
        if not self.verb_first and sent.comma(x):
            # "..., according to the state weather bureau, PAGASA.": the name in apposition
            z = x + 1
            while z < n and sent.word(z) and capitalised(sent.w[z]) and z - x <= 4:
                z += 1
            if z > x + 1 and (z >= n or sent.w[z] in ENDS):
                named = mention_from_tokens(sent, x + 1, z)
                if named is not None and named.kind == "name":
                    named.roles = ((mention.start, mention.end), *named.roles)
                    mention, x = named, z
        if bare in lex.rules.extra.get("reason_or_source", ()) and not self._source_like(sent, a, x):
            return None  # "citing stronger growth": a reason given, not a source
        cue_text, cue_pos = self._cue_text(sent, j, size)
        opening = all(not sent.word(y) or sent.bare(y) in ("", "و") for y in range(0, j))
        if opening:
            y = x
            # "وبحسب وزارة الصحة في غزة، فإن": the comma or فإن closes the source
            for z in range(x, min(n, x + 5)):
                if sent.comma(z) or sent.k[z] in ("فان", "فانه", "فانها"):
                    y = z
                    break
                if not sent.word(z) or sent.cue[z] is not None or sent.is_complementiser(z):
                    break
            while y < n and (
                sent.comma(y) or sent.k[y] in ("فان", "فانه", "فانها", "that") or sent.is_complementiser(y)
            ):
                y += 1
            if y >= n:
                return None
            got = self.content_from(sent, y, self.content_end(sent, y))
        else:
            end = j
            while end > 0 and (sent.comma(end - 1) or sent.w[end - 1] in DASHES or sent.k[end - 1] == "وذلك"):
                end -= 1  # "، وذلك بحسب": the pointer back is not content
            first = self._clause_start(sent, end)
            i = bisect_left(self._cues, sent.s[first])
            if first >= end or (i < len(self._cues) and self._cues[i] < sent.e[end - 1]):
                return None  # "ذكرت، نقلاً عن مصادر، أن": the phrase belongs to that attribution
            got = self.content_from(sent, first, end)
        if got is None:
            return None
        s, e, kind, ts, te = got
        raw = Raw(cue_text, cue_pos, s, e, mention, sent.index, sent.para.index, kind, 0.75, None)
        raw.tok_start, raw.tok_end = min(ts, j), max(te, x)
        return raw

    def _source_like(self, sent: Sentence, a: int, x: int) -> bool:
        """Does sent[a:x] name a source: a name, sources or officials, a document?"""
        lex = self.lex
        for z in range(a, x):
            kz = sent.k[z]
            if sent.word(z) and (
                capitalised(sent.w[z]) or kz in lex.group_nouns or kz in lex.unnamed or kz in lex.documents
            ):
                return True
        return False

    def _relay_word(self, k: str) -> bool:
        """ "نقلته", "نقلت": a verb of relaying, with or without its object pronoun."""
        relay = self.lex.relay_verbs
        return k in relay or any(k.endswith(p) and k[: -len(p)] in relay for p in ("ه", "ها", "ته", "تها"))

    def _cue_with_pronoun(self, k: str) -> bool:
        """ "أعلنه", "ذكرته": a cue verb with its object pronoun attached."""
        cues = self.lex.cues
        return any(k.endswith(p) and k[: -len(p)] in cues for p in ("ه", "ها", "ته", "تها", "وه"))

    def relay(self, sent: Sentence, j: int) -> Raw | None:
        """ "ونقلت وكالة X عن مسؤول قوله إنّ ...": the source follows عن."""
        lex = self.lex
        n = sent.n
        k = sent.k
        an = next((x for x in range(j + 1, min(n, j + 10)) if k[x] == "عن"), -1)
        if an < 0:
            return None
        a = an + 1
        x = a
        while x < n and x - a < 9 and sent.word(x) and not sent.quoted(x):
            if k[x] in lex.relay_nouns or sent.is_complementiser(x):
                break
            x += 1
        if x == a or x >= n:
            return None
        mention = mention_from_tokens(sent, a, x)
        if mention is None:
            return None
        if sent.comma(x):
            # "عن مسؤول، طلب عدم الكشف عن هويته، قوله": a parenthesis before قوله
            z = next((z for z in range(x + 1, min(n, x + 10)) if sent.comma(z)), -1)
            if z < 0 or z + 1 >= n or k[z + 1] not in lex.relay_nouns:
                return None
            x = z + 1
        cue_end = x + 1 if k[x] in lex.relay_nouns else x
        y = cue_end
        if (y < n and sent.is_complementiser(y)) or (y < n and sent.w[y] == ":"):
            y += 1
        elif not (y < n and sent.mark[y] == OPEN):
            return None
        got = self.content_from(sent, y, self.content_end(sent, y))
        if got is None:
            return None
        s, e, kind, ts, te = got
        cue_text, _ = self._cue_text(sent, j, 1)
        raw = Raw(cue_text, sent.s[j], s, e, mention, sent.index, sent.para.index, kind, 0.75, None)
        raw.tok_start, raw.tok_end = ts, te
        return raw

    # ---------------------------------------------------------------- continuation paragraphs

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


# ==================================================================== entry points


def _prepare(text: str, language: str | None) -> Extractor | None:
    from .language import detect_language
    from .lexicon import lexicon
    from .rules import get_rules

    if not text or not text.strip():
        if language is not None:
            get_rules(language)
        return None
    code = get_rules(language).code if language is not None else detect_language(text)
    return Extractor(text, lexicon(code))


def extract_claims(text: str, language: str | None = None) -> list[ExtractedClaim]:
    """All attributed claims of an article, in text order.

    `language` is a code ("ar", "en"); None detects it from the script.
    Raises UnsupportedLanguage for other languages or scripts.
    """
    from .entities import scan_entities
    from .headline import headline_verb, make_headline
    from .resolver import Resolver

    ex = _prepare(text, language)
    if ex is None:
        return []
    raws = ex.run()
    if not raws:
        return []
    code = ex.lex.rules.code
    speakers = Resolver(ex.doc, raws, scan_entities(ex.doc, ex.sentences)).resolve()
    out = []
    seen = set()
    body = {speakers[id(r)].name for r in raws if not r.headline}
    for r in sorted(raws, key=lambda r: (r.start, r.end)):
        if (
            r.headline
            and r.kind == "indirect"
            and speakers[id(r)].kind == "place"
            and speakers[id(r)].name not in body
        ):
            continue  # "ليبيا: ارتفاع حصيلة الضحايا": a place that labels the story (not "مصر: «...»")
        s, e = ex.doc.orig(r.start, r.end)
        content = text[s:e]
        if not content.strip() or (s, e) in seen:
            continue
        seen.add((s, e))
        sp = speakers[id(r)]
        verb = headline_verb(r.verb, r.cue, code, plural=sp.kind == "unnamed" and code == "en")
        out.append(
            ExtractedClaim(
                speaker=sp.name,
                speaker_role=sp.role,
                cue=r.cue,
                content=content,
                kind=r.kind,
                start=s,
                end=e,
                sentence=r.sentence,
                confidence=r.confidence if sp.name else round(r.confidence / 2, 2),
                headline=make_headline(sp.name, content, code, verb, r.kind),
                speaker_kind=sp.kind,
                aliases=sp.aliases,
            )
        )
    return out


def skipped_spans(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """Page furniture, captions, bylines and agency lines: (start, end, label)
    in the original text, for the reviewer to dim."""
    ex = _prepare(text, language)
    if ex is None:
        return []
    out = []
    for para, label in zip(ex.doc.paragraphs, ex.paragraph_labels(), strict=True):
        if label:
            s, e = ex.doc.orig(para.start, para.end)
            out.append((s, e, label))
    return out
