"""Attributes of an assertion: negation, modality and speaker.

Definitions (what an analyst can rely on):

negated
    True when the trigger, or a governor on its clause chain (xcomp/acomp/dobj/pobj/prep/attr up to the clause
    head, never across a reporting verb), has a negator ("not", "n't", "never", "no longer", "no <noun>",
    "without"), when a governor negates its complement ("refused to", "declined to", "failed to", "denied"),
    or when the subject is negated ("not all NATO countries", "no country", "neither X nor Y").

modality (first rule that applies wins)
    hypothetical  the clause is conditional ("if", "unless", "whether") or hedged ("possibly", "likely")
    desired       a governor expresses wish or readiness (want, would like, seek, hope, ready to, intend, plan)
    desired       a deontic modal (must, should, ought to)
    hypothetical  a modal auxiliary (could, might, may, would, can) on the chain -- except "would" in a clause
                  reported by a past-tense reporting verb ("said it would free them"), which is future
    future        will / shall / 'll, "going to", "due to", "set to"
    reported      none of the above, the claim is inside attributed speech (a speaker was found) and the speaker
                  is a third party: neither the subject nor the object of the relation
    asserted      otherwise (the article states it, or an actor states it about itself)

speaker
    The entity whose statement contains the claim: the subject of a reporting verb governing the trigger
    ("X said ...", "... , said X", "X is quoted by ..."), "according to X", or for a quotation (which may span
    sentences) its attribution: "X: “...”" at the start of a paragraph, a reporting verb next to the closing
    or opening quotation mark, or a parenthetical "— says X" inside it.  Persons are preferred over
    organisations, organisations over countries.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from graphbuild.model import Mention
from graphbuild.relations.actors import ActorIndex
from graphbuild.relations.lexicon import Lexicon, forms

#: Labels along which negation and modality of a governor reach the trigger.
CHAIN_DEPS = frozenset({"xcomp", "acomp", "dobj", "pobj", "prep", "attr", "oprd", "conj", "amod", "compound",
                        "nsubjpass", "pcomp", "acl", "dative"})
_TYPE_RANK = {"Person": 0, "Organization": 1, "Country": 2}
_OPEN = {"“": "”", "«": "»", "„": "“"}
_CLOSE = {"”", "»"}


def governors(trigger: Token) -> list[Token]:
    """The trigger and its governors up to its clause head (stops at a ccomp/advcl/relcl boundary)."""
    chain = [trigger]
    cur = trigger
    for _ in range(8):
        if cur.head == cur or cur.dep_ not in CHAIN_DEPS:
            break
        # a prepositional modifier of a noun ("the expansion of cooperation") does not inherit the noun's
        # clause: "the objective, which is not the first year for the expansion of cooperation" is not a
        # negated cooperation
        if cur.dep_ == "prep" and cur.head.pos_ in ("NOUN", "PROPN", "PRON") and cur != trigger.head:
            break
        if cur.dep_ == "prep" and cur.lower_ in ("under", "despite", "amid", "amidst"):
            break  # "refused despite pressure from the EU": the pressure is not what the verb denies  # "Iran, under UN sanctions, refused": the actor's circumstances, not what its verb denies
        cur = cur.head
        chain.append(cur)
    return chain


def _negating_phrasal(tok: Token, lex: Lexicon) -> bool:
    phrasal = lex.cue("negating_phrasal")
    return any(f"{tok.lemma_.lower()} {c.lower_}" in phrasal for c in tok.children if c.dep_ in ("prt", "advmod", "prep"))


def _is_negator(tok: Token, lex: Lexicon) -> bool:
    return tok.dep_ in ("neg", "det", "preconj", "advmod") and tok.lower_ in lex.cue("negators")


def is_negated(trigger: Token, arg_tokens: Sequence[Token | None], lex: Lexicon,
               retyped_by: Token | None = None) -> bool:
    """See the module docstring.  ``retyped_by``: a governor that already changed the type ("lifted
    sanctions" is a retreat, not a negated sanction), so it does not negate."""
    chain = governors(trigger)
    # a negating verb does not undo an event someone else performed ("rejected Russian criticism"); a possessive
    # pronoun is the governing verb's own subject ("Armenia suspended its participation")
    own_subject = any(a is not None and a.head == trigger and a.pos_ != "PRON" for a in arg_tokens[:1])
    for i, tok in enumerate(chain):
        if i > 0 and chain[i - 1].dep_ == "conj":
            break  # "stopped paying ... and boycotted": the first verb's negation is not the second's
        for c in tok.children:
            if _is_negator(c, lex):
                # "no longer" is a negator; "not only" is not
                if c.lower_ == "not" and any(s.lower_ == "only" for s in c.doc[c.i + 1:c.i + 2]):
                    continue
                return True
            if c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
                return True
        if i > 0 and tok != retyped_by and _negating_phrasal(tok, lex):
            return True  # "called off talks", "broke off ties"
        if (i > 0 and forms(tok) & lex.cue("negating_governors") and tok != retyped_by
                and not (own_subject and trigger.pos_ in ("NOUN", "PROPN"))):
            # "refused to meet", "denied attacking", "ruled out talks"
            if tok.lemma_.lower() != "rule" or any(c.lower_ == "out" for c in tok.children):
                return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "without":
            return True
        if (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.cue("denying") and i == len(chain) - 1
                and not any(c.dep_ == "dobj" for c in tok.head.children)):
            # "Ankara denied it had supplied weapons": the clause is the denied claim (but not in "X accused Y,
            # a charge Z denies", where the denial has its own object)
            return True
    for arg in arg_tokens:
        if arg is None:
            continue
        for c in arg.children:
            if _is_negator(c, lex):
                return True
    return False


def modality_of(trigger: Token, lex: Lexicon) -> str:
    """Grammatical modality of the trigger's clause (without ``reported``; see the module docstring)."""
    chain = governors(trigger)
    clause_heads = chain + [t for t in chain[-1].ancestors][:2] if chain[-1].dep_ in ("advcl",) else chain
    for tok in clause_heads:
        for c in tok.children:
            if c.dep_ in ("mark", "advmod") and c.lower_ in lex.cue("hypothetical_markers"):
                return "hypothetical"
    desired = lex.cue("desired")
    for tok in chain[1:]:
        if forms(tok) & desired and not _negating_phrasal(tok, lex):
            return "desired"
    for tok in chain:
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in ("would", "'d") and any(
                    g.lemma_.lower() == "like" for g in [tok]):
                return "desired"
            if c.dep_ == "aux" and c.lower_ in lex.cue("desired_aux"):
                return "desired"
    head = chain[-1]
    reported_clause = head.dep_ == "ccomp" and bool(forms(head.head) & lex.cue("reporting"))
    for tok in chain:
        for c in tok.children:
            if c.dep_ in ("aux",) and c.lower_ in lex.cue("hypothetical_aux"):
                if c.lower_ in ("would", "'d") and reported_clause:
                    # "Israel announced it would free the prisoners": the future seen from the past
                    return "future"
                return "hypothetical"
    for tok in chain:
        for c in tok.children:
            if c.dep_ in ("aux",) and c.lower_ in lex.cue("future_aux"):
                return "future"
        if tok is not trigger and tok.lower_ in lex.cue("future_governors"):
            return "future"
    for below, tok in zip(chain, chain[1:], strict=False):
        if tok.lemma_ == "be" and below.dep_ == "xcomp" and any(c.lower_ == "to" for c in below.children):
            return "future"  # "India and Russia are to work together"
    return "asserted"


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    speaker: str | None


class SpeakerIndex:
    """Who says what in one document: quotations with their attribution, and reporting verbs."""

    def __init__(self, doc: Doc, index: ActorIndex, lex: Lexicon):
        self.doc = doc
        self.index = index
        self.lex = lex
        self.reporting = lex.cue("reporting")
        self.starts = doc.to_array("IDX").tolist() if len(doc) else []
        self.quotes: list[Quote] = [Quote(s, e, self._attribute(s, e)) for s, e in self._quote_spans(index.text)]

    # -- quotations ------------------------------------------------------------------------------------------
    @staticmethod
    def _quote_spans(text: str) -> list[tuple[int, int]]:
        """Outermost quotation spans (curly, guillemets, straight); an unclosed quote ends with its paragraph."""
        spans: list[tuple[int, int]] = []
        depth, start, straight_open = 0, -1, -1
        for i, ch in enumerate(text):
            if ch == "\n":
                # quotations in news text do not run across paragraphs; an unclosed one ends here
                if depth:
                    spans.append((start, i))
                depth, straight_open = 0, -1
            elif ch in _OPEN and (depth == 0 or text[i - 1:i] in (" ", "(", "—", "-", "[")):
                if depth == 0:
                    start = i
                depth += 1
            elif ch in _CLOSE or (ch == "“" and depth):
                if depth:
                    depth -= 1
                    if depth == 0:
                        spans.append((start, i + 1))
            elif ch == '"':
                if straight_open < 0 and depth == 0:
                    straight_open = i
                elif straight_open >= 0:
                    spans.append((straight_open, i + 1))
                    straight_open = -1
        if depth:
            spans.append((start, len(text)))
        return spans

    def _best(self, mentions: list[Mention], near: int) -> str | None:
        ranked = sorted((m for m in mentions if self.index.type_of(m) in _TYPE_RANK),
                        key=lambda m: (_TYPE_RANK[self.index.type_of(m) or "Country"], abs(m.start - near)))
        return ranked[0].entity_id if ranked else None

    def _reporting_speaker(self, verb: Token, exclude: tuple[int, int] | None = None) -> str | None:
        """The actor of a reporting verb: its subject (or the subject of "X is quoted by")."""
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and verb.dep_ in ("conj",):
            subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
        cands: list[Mention] = []
        for s in subj:
            for t in s.subtree:
                m = self.index.mention_at(t)
                if m is not None and (exclude is None or not exclude[0] <= m.start < exclude[1]):
                    cands.append(m)
        if not cands and exclude is not None:
            # "— said in an interview with RFI, the coordinator ... Andrei Porotnikov": the subject after the verb
            for t in verb.subtree:
                m = self.index.mention_at(t)
                if m is not None and not exclude[0] <= m.start < exclude[1] and t.i > verb.i:
                    cands.append(m)
        return self._best(cands, verb.idx)

    def _attribute(self, start: int, end: int) -> str | None:
        doc, text = self.doc, self.index.text
        # 1. "Andrei Porotnikov: “..." at the start of a paragraph
        para_start = text.rfind("\n", 0, start) + 1
        lead = text[para_start:start]
        if lead.strip().endswith(":") and len(lead) < 120:
            ms = [m for t in doc.char_span(para_start, start, alignment_mode="expand") or []
                  if (m := self.index.mention_at(t)) is not None]
            if ms:
                return self._best(ms, start)
        # 2. a reporting verb after the closing mark, in the same sentence ("...,” said X")
        after = _token_at(doc, self.starts, end)
        if after is not None:
            sent = self.index.sent_of(after)
            for tok in sent:
                if tok.idx >= end and tok.lemma_.lower() in self.reporting:
                    sp = self._reporting_speaker(tok, (start, end))
                    if sp:
                        return sp
        # 3. a reporting verb before the opening mark ("X said: “...")
        before = _token_at(doc, self.starts, start)
        if before is not None:
            sent = self.index.sent_of(before)
            for tok in sent:
                if tok.idx < start and tok.lemma_.lower() in self.reporting:
                    sp = self._reporting_speaker(tok, (start, end))
                    if sp:
                        return sp
        # 4. a parenthetical attribution inside the quotation ("— says X", "X is quoted by")
        inner = doc.char_span(start, end, alignment_mode="contract")
        if inner is not None:
            for tok in inner:
                parenthetical = tok.i > 0 and doc[tok.i - 1].text in ("—", "–", ",", "-")
                quoted_by = any(c.dep_ == "nsubjpass" for c in tok.children)  # "X is quoted by ..."
                if tok.lemma_.lower() in self.reporting and (parenthetical or quoted_by):
                    sp = self._reporting_speaker(tok)
                    if sp is None:
                        sp = self._best([m for t in tok.subtree if (m := self.index.mention_at(t)) is not None
                                         and t.i > tok.i], tok.idx)
                    if sp:
                        return sp
        return None

    def quote_speaker(self, tok: Token) -> str | None:
        """The speaker of the quotation containing ``tok`` (None outside quotations)."""
        for q in self.quotes:
            if q.start <= tok.idx < q.end:
                return q.speaker
        return None

    # -- per trigger -------------------------------------------------------------------------------------------
    def speaker_for(self, trigger: Token) -> str | None:
        """The speaker of the claim expressed by ``trigger`` (see the module docstring)."""
        for anc in trigger.ancestors:
            if anc.lemma_.lower() in self.reporting and not anc.i == trigger.i:
                # the trigger must be in what is said, not in the speaker phrase
                if any(trigger.i in {t.i for t in c.subtree} for c in anc.children if c.dep_ in ("nsubj",
                                                                                                  "nsubjpass")):
                    continue
                sp = self._reporting_speaker(anc)
                if sp:
                    return sp
        pos = trigger.idx
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q.speaker
        sent = self.index.sent_of(trigger)
        for tok in sent:
            if tok.lower_ == "according":
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "to":
                        ms = [m for p in c.subtree if (m := self.index.mention_at(p)) is not None]
                        sp = self._best(ms, tok.idx)
                        if sp:
                            return sp
        return None


def _token_at(doc: Doc, starts: list[int], char: int) -> Token | None:
    """The token covering ``char``, else the first token after it (None past the end)."""
    i = bisect_right(starts, char) - 1
    if i >= 0 and doc[i].idx <= char < doc[i].idx + len(doc[i].text):
        return doc[i]
    return doc[i + 1] if i + 1 < len(doc) else None
