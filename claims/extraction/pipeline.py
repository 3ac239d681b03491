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

The Extractor reads the article sentence by sentence and handles finite
verbs and participles; the rest lives beside it: `paragraphs` (furniture,
headlines, quotations across paragraphs), `according` ("according to X" and
relays), `verb_first` (Arabic subjects), `subject_first` (English noun
phrases), `content` (where the content after a cue begins and ends) and
`content_first` (content before its attribution). Speakers are resolved
afterwards by `resolver`.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterator

from .according import AccordingTo
from .claim import ExtractedClaim
from .content import ContentSpans
from .content_first import ContentFirst
from .document import CLOSE, DASHES, Document, Paragraph, Sentence
from .lexicon import Cue, Lexicon
from .paragraphs import ParagraphShapes
from .rules.base import OBJECT
from .spans import PARTICIPLE_AFTER, Raw
from .speakers import Mention, mention_from_tokens, sentence_subject
from .subject_first import SubjectFirstPhrases
from .text import fold
from .verb_first import VerbFirstSubjects


class Extractor(
    ParagraphShapes, AccordingTo, ContentSpans, ContentFirst, VerbFirstSubjects, SubjectFirstPhrases
):
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

    # ---------------------------------------------------------------- participles

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
