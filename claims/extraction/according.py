"""Sources named by a phrase rather than as the subject of a speaking verb:
"according to X", بحسب، وفق، نقلاً عن، حسبما أفاد, before or after the content,
and relays "ونقلت وكالة X عن مسؤول قوله إنّ ...", where the source follows عن."""

from __future__ import annotations

from bisect import bisect_left

from .document import DASHES, ENDS, OPEN, Sentence
from .spans import FINITE, Raw, capitalised, participle_modifier
from .speakers import mention_from_tokens


class AccordingTo:
    """Methods of the Extractor (see pipeline.py); `self` has `lex`, `doc`, `t`,
    `verb_first` and the claims of the sentence being read."""

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
