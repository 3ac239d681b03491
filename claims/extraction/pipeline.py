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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass

from .claim import ExtractedClaim
from .document import CLOSE, DASHES, ENDS, OPEN, Document, Paragraph, Sentence
from .lexicon import Cue, Lexicon
from .names import agrees, arabic_name_end, arabic_org_end, skip_descriptors
from .rules.base import OBJECT, REPORT, CueVerb
from .speakers import Mention, mention_from_tokens, sentence_subject, title_extent
from .text import fold

FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "did",
        "does",
        "do",
        "'s",
        "'re",
        "'ve",
        "'d",
        "'ll",
    ]
)
SUBJECT_PRONOUNS = frozenset(["it", "they", "he", "she", "we", "i", "there", "this", "these", "those", "you"])
PASSIVE = frozenset(["is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"])


@dataclass
class Raw:
    """A claim before its speaker is resolved (folded offsets)."""

    cue: str
    cue_pos: int
    start: int
    end: int
    mention: Mention
    sentence: int
    para: int
    kind: str = "indirect"
    confidence: float = 0.8
    verb: CueVerb | None = None
    headline: bool = False
    tok_start: int = -1
    tok_end: int = -1


class Extractor:
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
                found = sorted(self.sentence_claims(sent), key=lambda r: r.cue_pos)
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
        s, e = _trim(self.t, para.start + 1, para.end)
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
        if sent.k[left_words[0]] in self.lex.rules.extra.get("headline_labels", ()):
            return None
        mention = mention_from_tokens(sent, 0, colon, headline=True)
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
        while b >= 0 and sent.word(b) and (k[b] in lex.auxiliaries or _adverb(w[b]) or _negative(k[b], lex)):
            if _negative(k[b], lex):
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

    def finite_verb_first(self, sent: Sentence, j: int, cue: Cue, here: list[Raw]) -> Raw | None:
        lex = self.lex
        k = sent.k
        size = cue.size
        conj, _ = lex.strip_conj(k[j])
        b = j - 1
        while b >= 0 and sent.bare(b) in lex.particles:
            b -= 1
        if b >= 0 and (sent.bare(b) in lex.negations):
            return None
        after = j + size
        cue_text, cue_pos = self._cue_text(sent, j, size)
        # «...»، يضيف المدرب
        if b >= 0 and (sent.comma(b) or sent.mark[b] == CLOSE) and not conj:
            raw = self.quote_first(sent, b, j, after, cue, None, cue_text, cue_pos)
            if raw:
                return raw
        mention = None
        coordinated = bool(here) and b >= 0 and (sent.comma(b) or conj)
        if not conj and b >= 0:
            pre = self.subject_before_verb(sent, b, j, after)
            if pre == "skip":
                return None
            if pre is not None:
                mention = pre
        elif conj == "ف" and b >= 0:
            mention = self._topic_subject(sent, j)  # "أما حركة الشعب فرأت أن"
        if mention is None:
            subj = self.subject_after_verb(sent, after, cue, coordinated)
            if subj is None:
                return None
            a, z, nxt, role = subj
            if a == z:
                mention = Mention("elided", pos=cue_pos)
                if not here and not conj and b >= 0 and not self.claims:
                    # "أعلنت الجماعة استهداف سفينة قالت إنها ...": no one spoke before, the sentence's subject
                    mention = sentence_subject(sent, self) or mention
                manner = sent.cue[nxt] if nxt < sent.n and sent.bare(nxt) in lex.manner else None
                if manner is not None:
                    # "فردّ قائلاً:": one cue
                    cue_text = self.doc.original_text(sent.s[j] + len(conj), sent.e[nxt + manner.size - 1])
                    nxt += manner.size
            else:
                mention = self._subject_mention(sent, a, z, role)
                if mention is None:
                    return None
            after = nxt
        prep = cue.verb.preposition
        if prep and after == j + size and after < sent.n and k[after] == fold(prep):
            # "وأشار إلى أن", "لفت إلى نقص": the preposition next to the verb is part of the cue
            cue_text = self.doc.original_text(sent.s[j] + len(conj), sent.e[after])
        return self.content_after(sent, j, after, cue, mention, cue_text, cue_pos, 0.85)

    def _skip_setting(self, sent: Sentence, x: int) -> int:
        """Past commas, time words and the occasion: "، الجمعة،", "في تصريح صحفي"."""
        lex = self.lex
        n = sent.n
        y = x
        while y < n:
            if sent.comma(y) or sent.k[y] in lex.time_words or sent.bare(y) in lex.time_words:
                y += 1
            elif y + 1 < n and sent.bare(y) in ("في", "خلال") and sent.k[y + 1] in lex.media_nouns:
                y += 2  # "في تصريح صحفي", "خلال مؤتمر"
                while (
                    y < n
                    and sent.word(y)
                    and sent.k[y][-1:] == "ي"
                    and sent.bare(y) not in lex.proposition_heads
                ):
                    y += 1  # "صحفي", "صحافي": its adjective
            else:
                break
        return y

    def _proposition_head(self, k: str) -> bool:
        """ارتفاع، جاهزية، استعداده: a verbal noun that states a fact (a pronoun may be attached)."""
        heads = self.lex.proposition_heads
        if k in heads:
            return True
        for suffix in ("ه", "ها", "هم", "هما", "نا"):
            if k.endswith(suffix) and k[: -len(suffix)] in heads:
                return True
        return False

    def _topic_subject(self, sent: Sentence, j: int) -> Mention | None:
        """ "أما X فـVERB": the topic X is the subject of the verb."""
        topics = self.lex.rules.extra.get("topic_markers", ())
        start = self._clause_start(sent, j)
        for x in range(j - 1, max(start - 1, j - 14), -1):
            if sent.quoted(x) or sent.cue[x] is not None:
                return None
            if sent.bare(x) in topics or sent.k[x] in topics:
                end = j
                while end > x + 1 and not sent.word(end - 1):
                    end -= 1
                return mention_from_tokens(sent, x + 1, end) if end > x + 1 else None
        return None

    def subject_before_verb(self, sent: Sentence, b: int, j: int, after: int):
        """Subject-first order in a verb-first language: "X قال", "وكان X صرّح",
        "X، الذي قال". Returns a Mention, None (verb-first after all) or "skip"."""
        lex = self.lex
        k = sent.k
        kb = sent.bare(b)
        if kb in lex.relatives:
            nxt = after
            if nxt < sent.n and (
                sent.is_complementiser(nxt) or sent.w[nxt] == ":" or sent.mark[nxt] == OPEN or sent.comma(nxt)
            ):
                return self.relative_antecedent(sent, b)
            return None
        if kb in lex.subordinators or kb in lex.prepositions or k[b] in lex.prepositions:
            return None
        x = b
        if sent.comma(x):
            x -= 1
        end = x + 1
        while x >= 0 and sent.word(x) and not sent.quoted(x) and end - x <= 9:
            if sent.bare(x) in lex.clause_openers or sent.cue[x] is not None:
                break
            x -= 1
        first = x + 1
        if first >= end:
            return None
        if sent.bare(first) in lex.auxiliaries:
            if first + 1 < end:
                return mention_from_tokens(sent, first + 1, end)
            return None
        if sent.comma(b):
            return None
        if x >= 0 and sent.word(x) and sent.bare(x) not in lex.clause_openers:
            return None  # too far from a clause start
        if x >= 0 and sent.comma(x):
            before = [y for y in range(self._clause_start(sent, x), x) if sent.word(y)]
            if len(before) > 4 or any(sent.cue[y] is not None for y in before):
                # "أعلنت الجماعة، مساء الثلاثاء، استهداف سفينة قالت إنها": a relative clause
                return None
        fb = sent.bare(first)
        if fb in lex.prepositions or k[first] in lex.prepositions or fb in lex.subordinators:
            return None
        if self._verb_with_conjunction(k[first]):
            return None  # "ويأتي ذلك ..." starts with a verb
        return mention_from_tokens(sent, first, end)

    def _subject_mention(self, sent: Sentence, a: int, z: int, role) -> Mention | None:
        """ "المتحدث باسم الجيش، العقيد سامي فارس،": the name in apposition to a title."""
        mention = mention_from_tokens(sent, a, z, role=role)
        if mention is None or not role:
            return mention
        # "المديرة الإقليمية للبرنامج في شرق أفريقيا": a title whose "name" is its place of work
        titled = mention.kind == "description" or (
            mention.kind == "name" and bool(mention.roles) and mention.raw_keys[0] in self.lex.prepositions
        )
        if titled:
            named = mention_from_tokens(sent, role[0], role[1])
            if named is not None and named.kind == "name":
                words = [y for y in range(a, z) if sent.word(y)]
                named.roles = ((sent.s[words[0]], sent.e[words[-1]]), *named.roles)
                named.person = True
                return named
        return mention

    def _verb_with_conjunction(self, k: str) -> bool:
        """ "ويأتي", "وأعلنت" (a verb after و/ف), not "وزير", "وكالة", "واشنطن"."""
        lex = self.lex
        conj, bare = lex.strip_conj(k)
        if not conj or k.startswith(("وال", "فال")):
            return False
        if k in lex.title_words or k in lex.org_heads or (k,) in lex.places or k in lex.recipients:
            return False
        return bare in lex.cues or bare in lex.non_claim or bare[:1] in "يتنا"

    def relative_antecedent(self, sent: Sentence, rel: int) -> Mention | None:
        """ "الخبير أحمد سامي، الذي قال": the noun phrase before the relative."""
        lex = self.lex
        x = rel - 1
        if sent.comma(x):
            x -= 1
        end = x + 1
        while x >= 0 and sent.word(x) and end - x <= 6:
            kx = sent.k[x]
            if kx in lex.prepositions or sent.cue[x] is not None:
                break
            if x < end - 1 and kx[:1] in lex.prep_prefixes and len(kx) > 3 and not kx.startswith("ال"):
                m = mention_from_tokens(sent, x, end, strip_prefix=1)
                return m
            x -= 1
        if x + 1 >= end:
            return None
        return mention_from_tokens(sent, x + 1, end)

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
        if j < x < n and sent.k[x] in _ROLE_PREPOSITIONS and self.lex.title_at(sent.k, j, x):
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

    def object_subject(self, sent: Sentence, j: int, cue: Cue, coordinated: bool):
        """Subject of "نفى/اتهم" when no punctuation marks where it ends."""
        lex = self.lex
        n = sent.n
        k = sent.k
        # a comma closes a long subject when the object follows it:
        # "وتتّهم دول الاتحاد وحلفاؤها في المنطقة، الحكومة بدعم الهجمات"
        for c in range(j + 1, min(n, j + 12)):
            if sent.comma(c):
                if (
                    all(
                        sent.word(x) and not sent.is_complementiser(x) and not _b_phrase(k[x])
                        for x in range(j, c)
                    )
                    and any(_b_phrase(k[x]) for x in range(c + 1, min(n, c + 4)) if sent.word(x))
                    and sent.word(c + 1)
                    and sent.cue[c + 1] is None
                ):
                    return (j, c, c + 1, None)
                break
            if not sent.word(c):
                break
        if cue.verb.clitic and k[j].startswith(fold(cue.verb.clitic)):
            return (j, j, j, None)
        for phrase in lex.same_source.get(k[j], ()):
            if all(j + i < n and k[j + i] == p for i, p in enumerate(phrase)):
                return (j, j + len(phrase), j + len(phrase), None)  # "نفى المصدر ذاته"
        # accusation: object precedes the بـ phrase
        bpos = next((x for x in range(j, min(n, j + 8)) if sent.word(x) and _b_phrase(k[x])), -1)
        if cue.verb.lemma in lex.rules.extra.get("object_then_b", ()) and bpos > j:
            if bpos - j >= 2 and not coordinated:
                return (j, bpos - 1, bpos - 1, None)
            return (j, j, j, None)
        if coordinated:
            t = lex.title_at(k, j, n)
            if not t:
                return (j, j, j, None)
        t = lex.title_at(k, j, n)
        x = j
        if t:
            end = j
            while end < n and end - j < 12 and sent.word(end):
                end += 1
            x = title_extent(k, j, end, lex)
            if sent.comma(x):
                # "نفى رئيس النادي، ماجد بن حمد الشهري، الأنباء": the name in apposition
                first = skip_descriptors(sent, x + 1, n)
                y = arabic_name_end(sent, first, n)
                if y > first and sent.comma(y):
                    return (j, x, y + 1, (x + 1, y))
                return (j, x, x, None)
            first = skip_descriptors(sent, x, n)
            y = arabic_name_end(sent, first, n, object_follows=True)
            x = y if y > first else x
        elif (k[j] in lex.org_heads or sent.bare(j) in lex.org_heads) and not k[j].startswith("ال"):
            # "حزب جبهة العمل الإسلامي", "حزب «الوفد»": the organisation's name, then the object
            x = arabic_org_end(sent, j, n, object_follows=True)
            while x > j + 1 and self._object_head(sent, x - 1):
                x -= 1
        elif k[j] in lex.org_heads:
            x = j + 1
            while x < n and sent.word(x) and k[x].startswith("ال") and not self._object_head(sent, x):
                if not agrees(k[j], k[x - 1], k[x]):
                    break
                x += 1
        elif k[j].startswith("ال"):
            x = j + 1
            while (
                x < n
                and x - j < 3
                and sent.word(x)
                and k[x].startswith("ال")
                and not self._object_head(sent, x)
                and agrees(k[j], k[x - 1], k[x])
            ):
                x += 1
        elif self._object_head(sent, j):
            return (j, j, j, None)
        else:
            first = skip_descriptors(sent, j, n)
            x = max(j + 1, arabic_name_end(sent, first, n, object_follows=True))
        return (j, x, x, None)

    def _object_head(self, sent: Sentence, x: int) -> bool:
        k = sent.k[x]
        return k in self.lex.object_heads or (len(k) > 4 and k.endswith(("ته", "تها", "تهم")))

    def _elided_start(self, sent: Sentence, j: int, cue: Cue) -> bool:
        lex = self.lex
        kj = sent.k[j]
        return (
            not sent.word(j)
            or sent.quoted(j)
            or sent.is_complementiser(j)
            or (kj in lex.comp_prepositions and sent.is_complementiser(j + 1))
            or self._recipient(sent, j)
            or kj in lex.prepositions
            or kj in lex.time_words
            or sent.cue[j] is not None
            or kj in lex.relay_nouns
            or (cue.verb.preposition and kj == fold(cue.verb.preposition))
        )

    def _recipient(self, sent: Sentence, x: int) -> bool:
        """ "للصحفيين", "لوكالة", "لـ«الشرق الأوسط»", "له": an addressee, not a subject."""
        lex = self.lex
        k = sent.k[x]
        if k in ("ل", "لـ"):
            return True
        if k[:1] == "ل" and len(k) > 1 and lex.prep_prefixes:
            rest = k[1:]
            if (
                rest in lex.recipients
                or ("ال" + rest[1:] if rest.startswith("ل") else rest) in lex.recipients
            ):
                return True
            if k.startswith("لل") and ("ا" + k[1:]) in lex.recipients:
                return True
        return False

    # ---------------------------------------------------------------- English noun phrases

    def np_before(self, sent: Sentence, b: int):
        """The subject noun phrase ending at token b: (start, end, role span)."""
        lex = self.lex
        w, k = sent.w, sent.k
        role = None
        if b < 0:
            return None
        if sent.comma(b):
            # "Smith, the party's leader, said": an appositive between commas
            p = b - 1
            while p >= 0 and not sent.comma(p) and b - p <= 12 and not sent.quoted(p):
                p -= 1
            if p < 1 or not sent.comma(p):
                return None
            first = p + 1
            if not (
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
                and _capital(w[x - 1])
                and _capital(w[x + 1])
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
            if sent.cue[x] is not None or kx in lex.non_claim or kx in FINITE or _negative(kx, lex):
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
                _capital(wx)
                or kx in lex.determiners
                or kx in lex.connectors
                or kx in lex.title_words
                or lex.title_at(sent.k, x, n)
                or kx in lex.group_nouns
                or kx in lex.org_heads
                or kx.endswith("'s")
                or kx in lex.pronouns
                or (kx in lex.prepositions and self._np_preposition(sent, x))
            ):
                break
            x += 1
        while x > j and (sent.k[x - 1] in lex.determiners or sent.k[x - 1] in lex.prepositions):
            x -= 1
        if x == j:
            return None
        return self._appositive_en(sent, j, x)

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
            and _capital(sent.w[x - 1])
            and _capital(sent.w[x + 1])
            and sent.k[x + 1] not in lex.time_words
        ):
            return True
        if kx in ("of", "at", "from") and x >= 2 and _capital(sent.w[x - 1]) and _capital(sent.w[x - 2]):
            return True  # "Severine Sabia of the institute Inserm": a person and where she works
        return prev in lex.title_words or prev in lex.group_nouns or bool(lex.title_at(sent.k, x - 1, x))

    def _appositive_en(self, sent: Sentence, a: int, x: int):
        n = sent.n
        if x < n and sent.comma(x) and x + 1 < n:
            first = x + 1
            y = first
            while y < n and sent.word(y) and not sent.quoted(y) and y - first < 10:
                y += 1
            role_like = sent.k[first] in self.lex.determiners or self.lex.title_at(sent.k, first, y)
            if role_like and (y >= n or not sent.word(y)):
                return (a, x, y, (first, y))
        return (a, x, x, None)

    # ---------------------------------------------------------------- quotation first

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
            s, e = _trim(self.t, q.open + 1, q.close)
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
        if not name or not all(_capital(sent.w[y]) for y in name):
            return False
        return not self._has_verb(sent, a, c)

    def _has_verb(self, sent: Sentence, a: int, b: int) -> bool:
        """Does sent[a:b] hold a clause, not just a noun phrase?"""
        irregular = self.lex.rules.extra.get("past_tense", ())
        for y in range(a, b):
            ky = sent.k[y]
            if sent.quoted(y) or ky in FINITE or ky in irregular or _negative(ky, self.lex):
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
        return (len(words) >= 2 and len(lower) >= 1 and not _capital(sent.w[words[0]])) or len(lower) >= 2

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
            ):
                return False
            return not any(sent.w[y] == ":" or sent.mark[y] or sent.k[y] == "that" for y in range(x + 1, n))
        return sent.cue[x] is not None and sent.cue[x].participle

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
                _, e = _trim(self.t, q.open + 1, q.close)
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
        s, e = _trim(self.t, q.open + 1, q.close)
        if e > last.end and s < e:
            last.end = e

    # ---------------------------------------------------------------- content after the cue

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
            if y > x and (sent.cue[y] is not None or sent.bare(y) in lex.non_claim):
                return None
            if sent.word(y) and sent.k[y] not in lex.prepositions:
                words += 1
            y += 1
        return None

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
        if k[y] in ("the", "a", "an") and y + 1 < n and _capital(w[y + 1]):
            y += 1
        z = y
        while z < n and sent.word(z) and (_capital(w[z]) or (k[z] in lex.connectors and z > y)):
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
                    s, e = _trim(t, q.open + 1, min(q.close, sent.e[end - 1]))
                    if s < e:
                        return s, e, "direct", x, max(end, close_tok + 1)
        s = sent.s[x] + offset
        e = sent.e[end - 1]
        s, e = _trim(t, s, e, keep_close=True, quotes=sent.quotes)
        if s >= e:
            return None
        return s, e, _kind(t, s, e, sent.quotes), x, end

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
            or k[j - 1] in _PARTICIPLE_AFTER
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
        if x + 1 < n and k[x] == "ما" and sent.cue[x + 1] is not None:
            x += 1  # بحسب ما أفاد به X
        if x < n and sent.cue[x] is not None and self.verb_first:
            x += 1  # حسبما أفاد X
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
            if not sent.word(x) or sent.quoted(x):
                break
            if x > a and (sent.is_complementiser(x) or sent.cue[x] is not None or k[x] in ("فان", "فانه")):
                break
            if not self.verb_first and x > a and (k[x] in lex.subordinators or k[x] in FINITE):
                break
            if (
                not self.verb_first
                and x > a + 1
                and (self._skip_time(sent, x) > x or _participle_modifier(sent, x))
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
        mention = mention_from_tokens(sent, a, x, strip_prefix=strip)
        if mention is None:
            return None
        if not self.verb_first and sent.comma(x):
            # "..., according to the state weather bureau, PAGASA.": the name in apposition
            z = x + 1
            while z < n and sent.word(z) and _capital(sent.w[z]) and z - x <= 4:
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
                _capital(sent.w[z]) or kz in lex.group_nouns or kz in lex.unnamed or kz in lex.documents
            ):
                return True
        return False

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
        s, e = _trim(self.t, q.open + 1, q.close)
        if s >= e:
            return
        index = sents[0].index if sents else last.sentence + 1
        raw = Raw("", s, s, e, Mention("elided", pos=s), index, para.index, "direct", 0.7, None)
        self.claims.append(raw)


# ==================================================================== helpers


# prepositions that attach a place of work to a title: "النائب عن الحزب", "الخبير في جامعة X"
_ROLE_PREPOSITIONS = frozenset(["في", "عن", "من", "لدي"])

# words after which an English participle still reports: ", adding", "and adding", "quoted as saying"
_PARTICIPLE_AFTER = frozenset(["and", "also", "while", "by", "then", "as", "again", "before", "after"])


def _participle_modifier(sent: Sentence, x: int) -> bool:
    """ "published", "released": a past participle that modifies the noun before it."""
    w = sent.w[x]
    return (
        w.islower()
        and len(w) > 5
        and w.endswith("ed")
        and sent.k[x - 1] not in sent.lex.determiners
        and not (x + 1 < sent.n and sent.k[x + 1] == "by")
    )


def _b_phrase(k: str) -> bool:
    """A word with the preposition بـ attached: بالتحضير، بتعزيز."""
    return k.startswith("ب") and len(k) > 3 and k != "باسم"


def _capital(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word.isalpha() and word.islower()


def _negative(k: str, lex: Lexicon) -> bool:
    return k in lex.negations or k.endswith("n't") or k == "cannot"


_TRIM_CHARS = " \t\r\n.,،:;؛"
_QUOTE_MARKS = "\"“”„‟«»‹›'‘’「」『』"


def _trim(t: str, s: int, e: int, keep_close: bool = False, quotes=()) -> tuple[int, int]:
    """Drop spaces and punctuation at both ends (a closing quotation mark whose
    quotation opens inside the span stays)."""
    while s < e and (t[s] in _TRIM_CHARS or t[s] in "-–—"):
        s += 1
    while e > s:
        c = t[e - 1]
        if c in _TRIM_CHARS or c in "-–—":
            e -= 1
            continue
        if c in _QUOTE_MARKS:
            if keep_close and any(q.close == e - 1 and q.open >= s for q in quotes):
                break
            e -= 1
            continue
        break
    while (
        s < e
        and t[s] in _QUOTE_MARKS
        and not (keep_close and any(q.open == s and q.close < e for q in quotes))
    ):
        s += 1
    return s, e


_ALNUM = re.compile(r"[^\W_]")


def _kind(t: str, s: int, e: int, quotes) -> str:
    """direct: every letter of the span is quoted; indirect: none is; mixed otherwise."""
    inside = outside = False
    pos = s
    for q in quotes:
        a, b = max(q.open + 1, s), min(q.close, e)
        if b <= a:
            continue
        outside = outside or (a > pos and _ALNUM.search(t, pos, a) is not None)
        inside = inside or _ALNUM.search(t, a, b) is not None
        pos = max(pos, b)
    outside = outside or (e > pos and _ALNUM.search(t, pos, e) is not None)
    if not inside:
        return "indirect"
    if not outside:
        return "direct"
    return "mixed"


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
    from .headline import headline_verb, make_headline
    from .resolver import Resolver
    from .speakers import scan_entities

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
