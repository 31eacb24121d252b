"""Which resolved actor a token stands for, inside one parsed document.

The rules in :mod:`graphbuild.relations.patterns` reason over tokens; this module maps a token to the
actor mentions it denotes:

* a token inside a resolved mention's span -> that mention;
* an agent or member noun modified by an actor ("NATO countries", "Russian troops", "the government of
  Belarus") -> that actor (organisation-member compounds stand for the organisation);
* an apposition naming an actor ("the coordinator ..., Andrei Porotnikov") -> that actor;
* coordination: every conjunct's actors too ("Kazakhstan and Kyrgyzstan").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graphbuild.model import Entity, Mention, entity_type
from graphbuild.relations.lexicon import Lexicon

#: Dependency labels by which a modifier names the actor of its head noun.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A mention reached from a token, and how many dependency steps that took."""

    mention: Mention
    steps: int
    group: int = -1  # which conjunct of a coordination it came from (pairs are formed across groups)


class ActorIndex:
    """Token -> resolved mention lookups for one Doc.

    Args:
        doc: The parsed article (``doc.text`` must be the article text the mentions index into).
        mentions: Mentions of the article; unresolved ones (``entity_id is None``) are ignored.
        entities: entity id -> Entity (for actor types).
        lexicon: for the agent and member nouns.
    """

    def __init__(self, doc: Doc, mentions: Sequence[Mention], entities: Mapping[str, Entity], lexicon: Lexicon):
        self.doc = doc
        self.entities = entities
        self.lexicon = lexicon
        self.by_token: dict[int, Mention] = {}
        self.spans: dict[tuple[int, int], Span] = {}
        # sentence boundaries once: Token.sent walks the whole Doc on every call
        self._sents = list(doc.sents)
        self._sent_starts = [sent.start for sent in self._sents]
        #: token -> entity id of the speaker whose quotation contains it (set by the extractor)
        self.first_person: Callable[[Token], str | None] | None = None
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self._first: dict[str, int] | None = None
        datelines = dateline_regions(self.text)
        for m in mentions:
            if m.entity_id is None:
                continue
            if any(s <= m.start < e for s, e in datelines):
                continue  # "MANILA, 9 July 2024 —": where the story was filed, not an actor of the sentence
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self.spans[(m.start, m.end)] = span
            for tok in span:
                self.by_token.setdefault(tok.i, m)

    def first_start(self, entity_id: str | None) -> int:
        """Where the article first names ``entity_id`` (its earliest resolved mention), -1 if nowhere."""
        if self._first is None:
            self._first = {}
            for m in self.by_token.values():
                if m.entity_id and (m.entity_id not in self._first or m.start < self._first[m.entity_id]):
                    self._first[m.entity_id] = m.start
        return self._first.get(entity_id or "", -1)

    def sent_of(self, tok: Token | int) -> Span:
        """The sentence containing ``tok`` (a Token or token index)."""
        i = tok if isinstance(tok, int) else tok.i
        return self._sents[bisect_right(self._sent_starts, i) - 1]

    def mention_at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def span_of(self, m: Mention) -> Span:
        return self.spans[(m.start, m.end)]

    def head_of(self, m: Mention) -> Token:
        return self.span_of(m).root

    def type_of(self, m: Mention) -> str | None:
        ent = self.entities.get(m.entity_id or "")
        if ent is not None:
            return ent.type
        return entity_type(m.entity_id)

    def in_gazetteer(self, m: Mention) -> bool:
        ent = self.entities.get(m.entity_id or "")
        if ent is not None:
            return ent.in_gazetteer
        return m.method != "ner"

    def sentence_mentions(self, sent: Span) -> list[Mention]:
        seen: dict[tuple[int, int], Mention] = {}
        for tok in sent:
            m = self.by_token.get(tok.i)
            if m is not None:
                seen.setdefault((m.start, m.end), m)
        return list(seen.values())

    def conjunct_groups(self, tok: Token, start: int = 0) -> list[ActorRef]:
        """Actors of each conjunct of ``tok`` ("between NATO and Russia"), tagged with the conjunct's number.

        An apposition list under one conjunct ("consumers - China, India and Japan") stays one group."""
        conjuncts = [tok]
        i = 0
        while i < len(conjuncts):
            conjuncts.extend(c for c in conjuncts[i].children if c.dep_ == "conj")
            i += 1
        out = []
        for n, c in enumerate(conjuncts):
            out.extend(ActorRef(r.mention, r.steps, start + n) for r in self.actors_at(c, conj=False))
        return out

    def actors_at(self, tok: Token, _depth: int = 0, conj: bool = True) -> list[ActorRef]:
        """The actors the phrase headed by ``tok`` denotes (with conjuncts unless ``conj`` is False)."""
        if _depth > 6:
            return []
        out: list[ActorRef] = []
        m = self.by_token.get(tok.i)
        if m is not None:
            out.append(ActorRef(m, 0))
        else:
            lemma = tok.lemma_.lower()
            holders = [hm for c in tok.children if c.dep_ in ("appos", "compound")
                       and (hm := self.by_token.get(c.i)) is not None and self.type_of(hm) == "Person"]
            if holders and lemma in self.lexicon.leader_titles | self.lexicon.affiliated_titles:
                # "Venezuela's President Nicolas Maduro accused ...": the person acts, not the state he leads
                out.append(ActorRef(holders[0], 0))
            elif lemma in self.lexicon.member_nouns and any(c.lower_ == "other" for c in tok.children):
                pass  # "other members of the Contact Group": unnamed fellow members, not the group itself
            elif lemma in self.lexicon.agent_nouns or lemma in self.lexicon.member_nouns:
                for c in tok.children:
                    cm = self.by_token.get(c.i)
                    if cm is not None and c.dep_ in MODIFIER_DEPS:
                        out.append(ActorRef(cm, 1))
                    elif c.dep_ == "prep" and c.lower_ in ("of", "from"):
                        # "the military governments of Mali, Burkina Faso and Niger"
                        for p in c.children:
                            if p.dep_ == "pobj":
                                out.extend(ActorRef(r.mention, r.steps + 2) for r in self.actors_at(p, _depth + 1))
            if not out and tok.pos_ == "PROPN":
                # a name whose mention span stops short of the head ("President Xi" + "Jinping")
                for c in tok.children:
                    cm = self.by_token.get(c.i)
                    if cm is not None and c.dep_ == "compound" and self.type_of(cm) == "Person":
                        out.append(ActorRef(cm, 0))
                        break
            if not out and lemma in ANAPHORIC_NOUNS and tok.pos_ == "NOUN":
                out.extend(self.definite_anaphor(tok))
            if not out and tok.lower_ in RELATIVE_PRONOUNS:
                # "the EAEU, of which Armenia remains a member": which -> the noun the clause modifies
                for anc in tok.ancestors:
                    if anc.dep_ == "relcl":
                        out.extend(ActorRef(r.mention, r.steps + 1) for r in self.actors_at(anc.head, _depth + 1))
                        break
            if not out:
                for c in tok.children:
                    if c.dep_ == "appos":
                        out.extend(ActorRef(r.mention, r.steps + 1) for r in self.actors_at(c, _depth + 1))
        for c in tok.children:
            if c.dep_ == "conj" and conj:
                out.extend(ActorRef(r.mention, r.steps + 1) for r in self.actors_at(c, _depth + 1))
        # a multi-token mention whose conjuncts hang off its root, not off tok
        if m is not None and conj:
            root = self.span_of(m).root
            if root.i != tok.i:
                for c in root.children:
                    if c.dep_ == "conj" and c.i not in {t.i for t in self.span_of(m)}:
                        out.extend(ActorRef(r.mention, r.steps + 1) for r in self.actors_at(c, _depth + 1))
        return _unique(out)

    def object_actors(self, tok: Token, _depth: int = 0, *, leading: bool = False) -> list[ActorRef]:
        """Actors of an object slot: the phrase's own actors, else the actor that owns or qualifies it.

        "rejected the Philippine accusations", "condemned China's actions", "welcomed the German decision",
        "rejected the new measures by Brussels", "banned hundreds of Chinese apps".
        """
        own = self.actors_at(tok)
        if own or _depth > 2 or tok.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
            return own
        if tok.lemma_.lower() in BORDER_NOUNS:
            # "deployed troops to its border with Belarus": the neighbour, not the owner of "its"
            across = [ActorRef(r.mention, r.steps + 2) for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                      for p in c.children if p.dep_ == "pobj" for r in self.actors_at(p)]
            if across:
                return _unique(across)
        mods = [ActorRef(m, 1) for c in tok.children if c.dep_ in MODIFIER_DEPS
                and (m := self.by_token.get(c.i)) is not None]
        if not mods:
            # modifiers of a modifier: "Russian gas supplies" (but a "Russian-led alliance" is not Russia, unless
            # ``leading``: criticism of "the US-led coalition" is aimed at the US)
            mods = [ActorRef(m, 2) for c in tok.children if c.dep_ in ("compound", "amod")
                    and (leading or c.lemma_.lower() not in AGENTIVE_PARTICIPLES) for g in c.children
                    if g.dep_ in MODIFIER_DEPS and (m := self.by_token.get(g.i)) is not None]
        if not mods:
            # "its decision": the possessive pronoun's antecedent
            mods = [r for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" for r in self.antecedent(c)]
        if mods:
            for c in tok.children:
                if c.dep_ == "conj":
                    mods.extend(ActorRef(r.mention, r.steps + 1) for r in self.object_actors(c, _depth + 1))
            return _unique(mods)
        for preps in (("against",), ("by", "from"), ("of",), ("with",)):
            found = [ActorRef(r.mention, r.steps + 2) for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                     for p in c.children if p.dep_ == "pobj" for r in self.object_actors(p, _depth + 1)]
            if found:
                return _unique(found)
        return []

    def definite_anaphor(self, tok: Token) -> list[ActorRef]:
        """ "the two countries", "both sides", "the two leaders" -> the last two distinct actors of that kind
        named before this sentence (within two sentences); "the country" -> the last country named."""
        kids = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "preconj")}
        count = next((COUNT_WORDS[k] for k in kids if k in COUNT_WORDS), 0)
        counted = count > 0
        if any(c.dep_ in ("compound", "poss", "prep") or c.lower_ == "other"
               or (c.dep_ == "amod" and not counted) for c in tok.children):
            return []  # "the other countries", "the Baltic states": not an anaphor ("both Asian powers" is)
        want = ("Person",) if tok.lemma_.lower() in ("leader", "official", "minister") else ("Country", "Organization")
        if counted:
            n = count  # "the two countries", "both sides", "the three states"
        elif kids == {"the"} and tok.tag_ == "NN" and tok.lemma_.lower() in SINGULAR_ANAPHORS:
            n = 1
            if tok.lemma_.lower() == "government":
                want = ("Country",)  # "the government": the state named just before
            elif tok.lemma_.lower() != "country" and tok.lemma_.lower() != "nation":
                want = ("Organization",)
        else:
            return []
        sent = self.sent_of(tok)
        start = sent.start
        for _ in range(2):
            if start > 0:
                start = self.sent_of(start - 1).start
        # Clause subjects are the salient antecedents ("India is a member of the Quad with the United States,
        # Japan and Australia, and China has criticised it. Both Asian powers ..." -> India and China), so a
        # counted anaphor takes the nearest subject actors when there are enough, else the nearest actors.
        nearest: list[ActorRef] = []
        subjects: list[ActorRef] = []
        seen: set[str] = set()
        seen_subjects: set[str] = set()
        for i in range(sent.start - 1, start - 1, -1):
            m = self.by_token.get(i)
            if m is None or self.type_of(m) not in want:
                continue
            if n > 1 and m.entity_id not in seen_subjects and _is_clause_subject(self.doc[i]):
                seen_subjects.add(m.entity_id or "")
                subjects.append(ActorRef(m, 3, len(subjects)))
                if len(subjects) == n:
                    return subjects
            if m.entity_id not in seen and len(nearest) < n:
                seen.add(m.entity_id or "")
                nearest.append(ActorRef(m, 3, len(nearest)))
        return nearest if len(nearest) == n else []

    def antecedent(self, pron: Token) -> list[ActorRef]:
        """Actors a subject pronoun ("it", "they", "he", "she") refers to: the nearest preceding clause subject
        (same or previous sentence) that denotes type-compatible actors."""
        if pron.lower_ in ("we", "i") and self.first_person is not None:
            # "“We are ready to negotiate with Israel,” Abbas said": the quotation's speaker
            speaker = self.first_person(pron)
            mentions = [m for m in self.by_token.values() if m.entity_id == speaker]
            if mentions:
                best = min(mentions, key=lambda m: abs(m.start - pron.idx))
                return [ActorRef(best, 3)]
            return []
        want = {"it": ("Country", "Organization"), "they": ("Country", "Organization"),
                "its": ("Country", "Organization"), "their": ("Country", "Organization"),
                "he": ("Person",), "she": ("Person",), "his": ("Person",), "her": ("Person",)}.get(pron.lower_)
        if want is None:
            return []
        sent = self.sent_of(pron)
        start = sent.start
        if start > 0:
            start = self.sent_of(start - 1).start
        for i in range(pron.i - 1, start - 1, -1):
            t = self.doc[i]
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ == "PRON":
                continue
            actors = [r for r in self.actors_at(t) if self.type_of(r.mention) in want]
            if actors:
                return [ActorRef(r.mention, r.steps + 2) for r in actors]
        return []


def _is_clause_subject(tok: Token) -> bool:
    """Whether ``tok`` is, or is coordinated or compounded into, the subject of a clause."""
    seen = 0
    while tok.dep_ in ("conj", "compound", "appos", "cc") and tok.head != tok and seen < 10:
        tok = tok.head
        seen += 1
    return tok.dep_ in ("nsubj", "nsubjpass")


RELATIVE_PRONOUNS = frozenset({"which", "whom", "who"})
#: Nouns whose "with X" names the other side ("the border with Belarus").
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
#: Counted anaphors: "the two countries", "both sides", "the three states".
COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
SINGULAR_ANAPHORS = frozenset({"country", "nation", "state", "bloc", "alliance", "organisation", "organization",
                               "government"})
#: Definite descriptions that point back to actors named just before ("the two countries", "the country").
ANAPHORIC_NOUNS = frozenset({"country", "nation", "state", "side", "government", "leader", "official", "neighbour",
                             "neighbor", "power", "bloc", "alliance", "organisation", "organization", "minister"})
#: "Russian-led", "US-backed": the modifier's actor is not the phrase's actor.
AGENTIVE_PARTICIPLES = frozenset({"lead", "led", "back", "backed", "base", "based", "sponsor", "sponsored",
                                  "broker", "brokered", "own", "owned", "run", "funded", "fund", "register",
                                  "registered", "link", "linked"})
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z .'/-]{2,60}(?:,[^\n—–]{0,40})?)[ \t]*[—–][ \t]")


def dateline_regions(text: str) -> list[tuple[int, int]]:
    """Character spans of news datelines ("NEW DELHI, 19 December 2024 —") at paragraph starts."""
    return [(m.start(1), m.end(1)) for m in _DATELINE.finditer(text)]


def _unique(out: list[ActorRef]) -> list[ActorRef]:
    uniq: dict[tuple[int, int], ActorRef] = {}
    for r in out:
        key = (r.mention.start, r.mention.end)
        if key not in uniq or uniq[key].steps > r.steps:
            uniq[key] = r
    return list(uniq.values())
