"""Verb-first clauses (Arabic VSO): the finite cue verb, the subject before
it ("X قال", "أما X فـ"), the subject of نفى/اتهم before their object,
addressees after the subject. The subject after the verb, with its title and
place of work, is in `subject_after_verb`."""

from __future__ import annotations

from .document import CLOSE, OPEN, Sentence
from .lexicon import Cue
from .names import agrees, arabic_name_end, arabic_org_end, skip_descriptors
from .spans import Raw, b_phrase
from .speakers import Mention, mention_from_tokens, sentence_subject, title_extent
from .subject_after_verb import SubjectAfterVerb
from .text import fold


class VerbFirstSubjects(SubjectAfterVerb):
    """Methods of the Extractor (see pipeline.py); `self` has `lex`, `doc`, `t`,
    `verb_first` and the claims of the sentence being read."""

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
        if self._impersonal(sent, j, cue_text, after):
            return None
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

    def _impersonal(self, sent: Sentence, j: int, cue_text: str, after: int) -> bool:
        """A passive with no one named: "أُعلن أن" (a damma written on its first
        letter), or "ويذكر أن" / "ويُتوقع أن" opening a sentence (it is mentioned,
        it is expected): the outlet's own narration, no source."""
        if len(cue_text) > 2 and cue_text[1] == "\u064f" and cue_text[0] not in "يتن":
            return True
        if j != 0 or after >= sent.n or not sent.is_complementiser(after):
            return False
        extra = self.lex.rules.extra
        bare = self.lex.strip_conj(sent.k[j])[1]
        if bare in extra.get("impersonal_cues", ()):
            return True
        # "ويتوقع أن" goes on with the last speaker's words in the paragraph that quoted them
        spoke = bool(self.claims) and self.claims[-1].para == sent.para.index
        return bare in extra.get("impersonal_unless_speaking", ()) and not spoke

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
        asides = lex.rules.extra.get("aside_words", ())
        while end - first > 1 and (k[end - 1] in lex.time_words or k[end - 1] in asides):
            end -= 1  # "الحكومة بدورها أكدت", "الحكومة من جهتها أكدت": an aside, not the name
            if end - first > 1 and k[end] in asides and k[end - 1] == "من":
                end -= 1
        if self._verb_with_conjunction(k[first]):
            return None  # "ويأتي ذلك ..." starts with a verb
        return mention_from_tokens(sent, first, end)

    def _subject_mention(self, sent: Sentence, a: int, z: int, role) -> Mention | None:
        """ "المتحدث باسم الجيش، العقيد سامي فارس،": the name in apposition to a title."""
        mention = mention_from_tokens(sent, a, z, role=role)
        if mention is None or not role:
            return mention
        # "المديرة الإقليمية للبرنامج في شرق أفريقيا": a title whose "name" is its place of work
        lex = self.lex
        head = next((y for y in range(a, z) if sent.word(y) and sent.k[y] not in lex.determiners), z)
        titled = (
            mention.kind == "description"
            or (mention.kind == "name" and bool(mention.roles) and mention.raw_keys[0] in lex.prepositions)
            # "The Secretary of State, Karen Bass, said": a capitalised title, then the name
            or (lex.rules.cased and mention.determiner and head < z and bool(lex.title_at(sent.k, head, z)))
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
                        sent.word(x) and not sent.is_complementiser(x) and not b_phrase(k[x])
                        for x in range(j, c)
                    )
                    and any(b_phrase(k[x]) for x in range(c + 1, min(n, c + 4)) if sent.word(x))
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
        bpos = next((x for x in range(j, min(n, j + 8)) if sent.word(x) and b_phrase(k[x])), -1)
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
