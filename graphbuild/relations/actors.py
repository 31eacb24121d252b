"""Which resolved actor a token stands for, inside one parsed document.

The rules in :mod:`graphbuild.relations.patterns` reason over tokens; this module maps a token to the
actor mentions it denotes:

* a token inside a resolved mention's span -> that mention;
* an agent or member noun modified by an actor ("NATO countries", "Russian troops", "the government of
  Belarus") -> that actor (organisation-member compounds stand for the organisation);
* an apposition naming an actor ("the coordinator ..., Andrei Porotnikov") -> that actor;
* coordination: every conjunct's actors too ("Kazakhstan and Kyrgyzstan");
* a pronoun or definite description ("it", "the two countries"): the actors of its anaphora mentions
  (:mod:`graphbuild.anaphora`; the Resolver makes them, and mentions made elsewhere -- by hand in tests -- get
  them here), and "we"/"I" in a quotation: its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graphbuild.anaphora import ANAPHORA, PRONOUNS, resolve_anaphora
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
        #: spans that name several actors ("the two countries": one anaphora mention per actor)
        self.shared: dict[tuple[int, int], list[Mention]] = {}
        # sentence boundaries once: Token.sent walks the whole Doc on every call
        self._sents = list(doc.sents)
        self._sent_starts = [sent.start for sent in self._sents]
        #: token -> entity id of the speaker whose quotation contains it (set by the extractor)
        self.first_person: Callable[[Token], str | None] | None = None
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self._first: dict[str, int] | None = None
        datelines = dateline_regions(self.text)
        if not any(m.method == ANAPHORA for m in mentions):
            mentions = [*mentions, *resolve_anaphora(doc, mentions, type_of=self._type_of_id)]
        for m in mentions:
            if m.entity_id is None:
                continue
            if any(s <= m.start < e for s, e in datelines):
                continue  # "MANILA, 9 July 2024 —": where the story was filed, not an actor of the sentence
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if (m.start, m.end) in self.spans:
                self.shared.setdefault((m.start, m.end), [self.by_token[span.start]]).append(m)
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

    def type_of(self, m: Mention) -> str | None:
        return self._type_of_id(m.entity_id)

    def _type_of_id(self, entity_id: str | None) -> str | None:
        ent = self.entities.get(entity_id or "")
        if ent is not None:
            return ent.type
        return entity_type(entity_id)

    def named_at(self, m: Mention) -> list[Mention]:
        """Every mention on ``m``'s span: ``m`` itself, or each actor of "the two countries"."""
        return self.shared.get((m.start, m.end), [m])

    def in_gazetteer(self, m: Mention) -> bool:
        ent = self.entities.get(m.entity_id or "")
        if ent is not None:
            return ent.in_gazetteer
        return m.method != "ner"

    def sentence_mentions(self, sent: Span) -> list[Mention]:
        seen: dict[tuple[int, int, str | None], Mention] = {}
        for tok in sent:
            m = self.by_token.get(tok.i)
            if m is not None:
                for x in self.named_at(m):
                    seen.setdefault((x.start, x.end, x.entity_id), x)
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
            out.extend(self._refs(m))
            if tok.lemma_.lower() in self.lexicon.agent_nouns:
                # "Indian and Russian troops": a mention "Russian troops" with another demonym before it
                out.extend(r for c in tok.children if c.dep_ in ("amod", "compound")
                           and any(g.dep_ == "conj" for g in c.children)
                           and (cm := self.by_token.get(c.i)) is not None and cm is not m
                           for r in self._as_modifier(cm, 1))
        else:
            lemma = tok.lemma_.lower()
            holders = [hm for c in tok.children if c.dep_ in ("appos", "compound")
                       and (hm := self.by_token.get(c.i)) is not None and self.type_of(hm) == "Person"]
            if holders and lemma in self.lexicon.leader_titles | self.lexicon.affiliated_titles:
                # "Venezuela's President Nicolas Maduro accused ...": the person acts, not the state he leads
                out.append(ActorRef(holders[0], 0))
            elif lemma in self.lexicon.member_nouns and any(c.lower_ == "other" for c in tok.children):
                pass  # "other members of the Contact Group": unnamed fellow members, not the group itself
            elif (lemma in self.lexicon.agent_nouns or lemma in self.lexicon.member_nouns
                  or tok.lower_ in self.lexicon.agent_nouns):  # "media" (lemma "medium")
                for c in tok.children:
                    cm = self.by_token.get(c.i)
                    if cm is not None and c.dep_ in MODIFIER_DEPS:
                        out.extend(self._as_modifier(cm, 1))
                        # "Indian and Russian troops": the modifier's conjuncts qualify the noun too
                        out.extend(r for g in c.children if g.dep_ == "conj" and (gm := self.by_token.get(g.i))
                                   is not None for r in self._as_modifier(gm, 1))
                    elif (cm is None and c.dep_ == "compound" and c.lemma_.lower() in self.lexicon.agent_nouns
                          and any(g.dep_ in MODIFIER_DEPS for g in c.children)):
                        # "Panamanian army officers", "Iraqi police officers": the body's actor is its members'
                        out.extend(ActorRef(r.mention, r.steps + 1) for r in self.actors_at(c, _depth + 1))
                    elif c.dep_ == "prep" and (c.lower_ in ("of", "from")
                                               or c.lower_ == "for" and lemma in SPEAKING_FOR):
                        # "the military governments of Mali, Burkina Faso and Niger", "a spokesman for the ministry"
                        for p in c.children:
                            if p.dep_ == "pobj":
                                out.extend(ActorRef(r.mention, r.steps + 2) for r in self.actors_at(p, _depth + 1))
                if not out and lemma in SEATED_AGENTS:
                    # "officials in Beijing", "the authorities in Minsk": a state's own organs where it sits (not
                    # "diplomats in Moscow", who are foreign)
                    out.extend(ActorRef(r.mention, r.steps + 2) for c in tok.children
                               if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"
                               for r in self.actors_at(p, _depth + 1, conj=False)
                               if self.type_of(r.mention) == "Country")
            if not out and tok.pos_ == "PROPN":
                # a name whose mention span stops short of the head ("President Xi" + "Jinping")
                for c in tok.children:
                    cm = self.by_token.get(c.i)
                    if cm is not None and c.dep_ == "compound" and self.type_of(cm) == "Person":
                        out.append(ActorRef(cm, 0))
                        break
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
            # ("closed its border with Belarus" may hang "with" on the verb)
            owners = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
            across = [ActorRef(r.mention, r.steps + 2) for o in owners for c in o.children
                      if c.dep_ == "prep" and c.lower_ == "with"
                      for p in c.children if p.dep_ == "pobj" for r in self.actors_at(p)]
            if across:
                return _unique(across)
        # "China's actions", "its decision"
        mods = [r for c in tok.children if c.dep_ in MODIFIER_DEPS
                and (m := self.by_token.get(c.i)) is not None for r in self._as_modifier(m, 1)]
        if not mods:
            # modifiers of a modifier: "Russian gas supplies" (but a "Russian-led alliance" is not Russia, unless
            # ``leading``: criticism of "the US-led coalition" is aimed at the US)
            mods = [ActorRef(m, 2) for c in tok.children if c.dep_ in ("compound", "amod")
                    and (leading or c.lemma_.lower() not in AGENTIVE_PARTICIPLES) for g in c.children
                    if g.dep_ in MODIFIER_DEPS and (m := self.by_token.get(g.i)) is not None]
        if mods:
            for c in tok.children:
                if c.dep_ == "conj":
                    mods.extend(ActorRef(r.mention, r.steps + 1) for r in self.object_actors(c, _depth + 1))
            return _unique(mods)
        # "the withdrawal of Serbian forces from Bosnia": the event's own actor ("of") before its source ("from")
        for preps in (("against",), ("by",), ("of",), ("from",), ("with",)):
            found = [ActorRef(r.mention, r.steps + 2) for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                     for p in c.children if p.dep_ == "pobj" for r in self.object_actors(p, _depth + 1)]
            if found:
                return _unique(found)
        return []

    def _refs(self, m: Mention) -> list[ActorRef]:
        """The actors a mention names; an anaphor's are a few steps away (the antecedent is elsewhere), and the
        actors of "the two countries" are separate groups, so that pairs form between them."""
        if m.method != ANAPHORA:
            return [ActorRef(m, 0)]
        steps = ANAPHOR_STEPS if self.text[m.start:m.end].lower() in PRONOUNS else DESCRIPTION_STEPS
        return [ActorRef(x, steps, group) for group, x in enumerate(self.named_at(m))]

    def _as_modifier(self, m: Mention, steps: int) -> list[ActorRef]:
        """The actors of a mention that modifies a noun ("Russian troops", "their troops")."""
        return self._refs(m) if m.method == ANAPHORA else [ActorRef(m, steps)]

    def antecedent(self, pron: Token) -> list[ActorRef]:
        """Actors a pronoun refers to: its anaphora mention's ("it", "they", "he", "she"; see
        :mod:`graphbuild.anaphora`), or for "we"/"I" in a quotation the quotation's speaker."""
        if pron.lower_ in ("we", "i") and self.first_person is not None:
            # "“We are ready to negotiate with Israel,” Abbas said": the quotation's speaker
            speaker = self.first_person(pron)
            mentions = [m for m in self.by_token.values() if m.entity_id == speaker]
            if mentions:
                best = min(mentions, key=lambda m: abs(m.start - pron.idx))
                return [ActorRef(best, 3)]
            return []
        m = self.by_token.get(pron.i)
        return self._refs(m) if m is not None and m.method == ANAPHORA else []


RELATIVE_PRONOUNS = frozenset({"which", "whom", "who"})
#: Agent nouns whose "for X" names whom they speak for ("a spokesman for the Russian foreign ministry").
SPEAKING_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"})
#: Agent nouns that stand for the state whose capital or country follows "in" ("officials in Beijing").
SEATED_AGENTS = frozenset({"official", "authority", "government", "leadership", "administration", "regime",
                           "leader", "ruler", "policymaker", "lawmaker"})
#: Nouns whose "with X" names the other side ("the border with Belarus").
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
#: Dependency steps of an actor reached through a pronoun ("it", "he") and through a description ("the country").
ANAPHOR_STEPS = 2
DESCRIPTION_STEPS = 3
#: "Russian-led", "US-backed": the modifier's actor is not the phrase's actor.
AGENTIVE_PARTICIPLES = frozenset({"lead", "led", "back", "backed", "base", "based", "sponsor", "sponsored",
                                  "broker", "brokered", "own", "owned", "run", "funded", "fund", "register",
                                  "registered", "link", "linked"})
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z .'/-]{2,60}(?:,[^\n—–]{0,40})?)[ \t]*[—–][ \t]")


def dateline_regions(text: str) -> list[tuple[int, int]]:
    """Character spans of news datelines ("NEW DELHI, 19 December 2024 —") at paragraph starts."""
    return [(m.start(1), m.end(1)) for m in _DATELINE.finditer(text)]


def _unique(out: list[ActorRef]) -> list[ActorRef]:
    uniq: dict[tuple[int, int, str | None], ActorRef] = {}
    for r in out:
        key = (r.mention.start, r.mention.end, r.mention.entity_id)
        if key not in uniq or uniq[key].steps > r.steps:
            uniq[key] = r
    return list(uniq.values())
