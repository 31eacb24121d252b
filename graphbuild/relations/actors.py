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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graphbuild.model import Entity, Mention
from graphbuild.relations.lexicon import Lexicon

#: Dependency labels by which a modifier names the actor of its head noun.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A mention reached from a token, and how many dependency steps that took."""

    mention: Mention
    steps: int


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
        for m in mentions:
            if m.entity_id is None:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self.spans[(m.start, m.end)] = span
            for tok in span:
                self.by_token.setdefault(tok.i, m)

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
        prefix = (m.entity_id or "").split("/", 1)[0]
        return {"country": "Country", "org": "Organization", "person": "Person"}.get(prefix)

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

    def actors_at(self, tok: Token, _depth: int = 0) -> list[ActorRef]:
        """The actors the phrase headed by ``tok`` denotes (with conjuncts)."""
        if _depth > 6:
            return []
        out: list[ActorRef] = []
        m = self.by_token.get(tok.i)
        if m is not None:
            out.append(ActorRef(m, 0))
        else:
            lemma = tok.lemma_.lower()
            if lemma in self.lexicon.agent_nouns or lemma in self.lexicon.member_nouns:
                for c in tok.children:
                    cm = self.by_token.get(c.i)
                    if cm is not None and c.dep_ in MODIFIER_DEPS:
                        out.append(ActorRef(cm, 1))
                    elif c.dep_ == "prep" and c.lower_ in ("of", "from"):
                        for p in c.children:
                            if p.dep_ == "pobj" and (pm := self.by_token.get(p.i)) is not None:
                                out.append(ActorRef(pm, 2))
            if not out:
                for c in tok.children:
                    if c.dep_ == "appos" and (cm := self.by_token.get(c.i)) is not None:
                        out.append(ActorRef(cm, 1))
        for c in tok.children:
            if c.dep_ == "conj":
                out.extend(ActorRef(r.mention, r.steps + 1) for r in self.actors_at(c, _depth + 1))
        # a multi-token mention whose conjuncts hang off its root, not off tok
        if m is not None:
            root = self.span_of(m).root
            if root.i != tok.i:
                for c in root.children:
                    if c.dep_ == "conj" and c.i not in {t.i for t in self.span_of(m)}:
                        out.extend(ActorRef(r.mention, r.steps + 1) for r in self.actors_at(c, _depth + 1))
        uniq: dict[tuple[int, int], ActorRef] = {}
        for r in out:
            key = (r.mention.start, r.mention.end)
            if key not in uniq or uniq[key].steps > r.steps:
                uniq[key] = r
        return list(uniq.values())
