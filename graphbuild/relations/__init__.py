"""Doc + resolved mentions -> typed, directed :class:`~graphbuild.model.Relation` assertions.

Rule-based over spaCy's dependency parse with a lexicon kept as data (``ontologies/relations/lexicon.toml``).
Only sentences with at least two resolved actor mentions (or one office mention such as "the Belarusian
leader") are read, and a relation needs a lexicon trigger linking its two actors in the parse: co-occurrence
alone never yields an edge.

Rule families: :mod:`graphbuild.relations.patterns`.  Negation, modality and speaker:
:mod:`graphbuild.relations.attributes`.

Confidence (``Relation.confidence``) estimates how likely the assertion is a correct reading of its sentence
(not whether the claim is true)::

    confidence = prior(pattern)                      # per relation type, from the lexicon (0.65-0.85)
               * 0.9 ** max(0, steps - 2)            # dependency steps between trigger and both actors
               * 0.85 ** (number of NER-only actors)  # actors outside the gazetteer are less certain
               * 0.8 if modality is hypothetical
               * 0.95 for coordination/list/"within" rules (their priors already carry this factor)

rounded to 3 decimals.  ``Relation.method`` is the pattern id (e.g. ``noun:consult:dialogue+between``).

Symmetric types (:data:`graphbuild.model.SYMMETRIC_RELATIONS`) are stored once per pair and sentence, with
subject and object in sorted entity-id order.

Example:
    >>> rels = extract_relations(doc, article, mentions, entities)   # doctest: +SKIP
    >>> [(r.subject, r.relation, r.object, r.negated) for r in rels]  # doctest: +SKIP
    [('country/BLR', 'dependsOn', 'country/RUS', False)]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from graphbuild.model import SYMMETRIC_RELATIONS, Article, Entity, Mention, Relation, entity_type
from graphbuild.anaphora import COUNT_WORDS
from graphbuild.relations.actors import ActorIndex
from graphbuild.relations.attributes import SpeakerIndex, is_negated, modality_of
from graphbuild.relations.events import (
    REGIME_EVENTS,
    apposition_membership,
    evaluative_relations,
    joint_relations,
    judgement_relations,
    membership_bid_relations,
    predicate_noun_relations,
    reaction_relations,
    reciprocal_relations,
    receipt_relations,
)
from graphbuild.relations.patterns import (
    Candidate,
    adjective_relations,
    deontic_demands,
    list_relations,
    noun_relations,
    title_relations,
    verb_relations,
)
from graphbuild.relations.lexicon import Lexicon, LexiconError, load_lexicon

if TYPE_CHECKING:
    from graphbuild.gazetteer import Gazetteer
    from graphbuild.relations.learned import LearnedModel

__all__ = ["extract_relations", "load_lexicon", "Lexicon", "LexiconError", "candidates_in_sentence"]


class GazetteerView:
    """What the relation rules read from the gazetteer: surface lookup (the country inside an office mention such
    as "the Belarusian leader") and the offices a person holds."""

    def __init__(self, gazetteer: Gazetteer):
        self._lookup = getattr(gazetteer, "lookup", None)
        self._offices_held = getattr(gazetteer, "offices_held", None)

    def held_countries(self, person_id: str | None) -> frozenset[str]:
        """Every country whose office the gazetteer records ``person_id`` as holding (any title, any time)."""
        if self._offices_held is None or not person_id:
            return frozenset()
        return frozenset(o.country_id for o in self._offices_held(person_id))

    def office_countries(self, person_id: str | None, title: str) -> frozenset[str]:
        """The countries whose office called ``title`` the gazetteer records ``person_id`` as holding (any time)."""
        if self._offices_held is None or not person_id:
            return frozenset()
        return frozenset(o.country_id for o in self._offices_held(person_id) if title in o.titles)

    def lookup(self, text: str) -> list[tuple[str, str]]:
        if self._lookup is None:
            return []
        try:
            return [(c.entity_id, c.method) for c in self._lookup(text)]
        except Exception:  # a surface form the gazetteer cannot normalise
            return []


def candidates_in_sentence(sent: Span, index: ActorIndex, lex: Lexicon, view: GazetteerView | None = None
                           ) -> Iterator[Candidate]:
    """Every rule family over one sentence."""
    yield from verb_relations(sent, index, lex)
    yield from noun_relations(sent, index, lex)
    yield from adjective_relations(sent, index, lex)
    yield from title_relations(sent, index, lex, view)
    yield from list_relations(sent, index, lex)
    yield from deontic_demands(sent, index, lex, view)
    yield from reaction_relations(sent, index, lex)
    yield from evaluative_relations(sent, index, lex)
    yield from apposition_membership(sent, index, lex)
    yield from receipt_relations(sent, index, lex)
    yield from judgement_relations(sent, index, lex)
    yield from reciprocal_relations(sent, index, lex)
    yield from membership_bid_relations(sent, index, lex)
    yield from predicate_noun_relations(sent, index, lex)
    yield from joint_relations(sent, index, lex)


def _type_ok(c: Candidate, index: ActorIndex, lex: Lexicon) -> bool:
    info = lex.types[c.relation]
    st, ot = index.type_of(c.subject), index.type_of(c.object)
    if c.relation in SYMMETRIC_RELATIONS:
        return st in info.subject_types and ot in info.subject_types | info.object_types
    return st in info.subject_types and ot in info.object_types


def extract_relations(doc: Doc, article: Article, mentions: Sequence[Mention], entities: Mapping[str, Entity],
                      *, lexicon: Lexicon | None = None, gazetteer: Gazetteer | None = None,
                      learned: LearnedModel | None = None) -> list[Relation]:
    """Extract relation assertions from one parsed article.

    Args:
        doc: ``nlp(article.text)`` (character offsets of mentions index into it).
        article: The article (doc_id and date are copied onto each relation).
        mentions: The article's mentions; unresolved ones are ignored.
        entities: entity id -> Entity for every id the mentions use (gazetteer and new entities).
        lexicon: Override the default lexicon (tests, user lexicons).
        gazetteer: The build's gazetteer (:class:`graphbuild.gazetteer.Gazetteer`): the country inside office
            mentions ("the Belarusian leader") and the offices persons hold; None: rules that need it stay silent.
        learned: The learned fallback (:mod:`graphbuild.relations.learned`) for the pairs the rules leave
            unrelated; None: rules only.

    Returns:
        Relations sorted by (start, subject, relation, object), at most one per (subject, relation, object,
        negated) and sentence.
    """
    lex = lexicon or load_lexicon()
    view = GazetteerView(gazetteer) if gazetteer is not None else None
    index = ActorIndex(doc, mentions, entities, lex)
    speakers: SpeakerIndex | None = None
    best: dict[tuple, Relation] = {}
    for sent in doc.sents:
        units = [u for u in paragraph_units(sent) if _worth_reading(u, index.sentence_mentions(u))]
        if not units:
            continue
        if speakers is None:
            speakers = SpeakerIndex(doc, index, lex)
            index.first_person = speakers.quote_speaker
        for c in candidates_in_sentence(sent, index, lex, view):
            if c.subject.entity_id == c.object.entity_id or not _type_ok(c, index, lex):
                continue
            unit = next((u for u in units if u.start_char <= c.trigger.idx < u.end_char), None)
            if unit is None or not all(unit.start_char <= m.start < unit.end_char or m.start < sent.start_char
                                       for m in (c.subject, c.object)):
                # a parse that runs across a paragraph break (headline + first line); actors named in earlier
                # sentences are fine (pronouns and "the two countries" point back to them)
                continue
            rel = _to_relation(c, unit, article, index, speakers, lex)
            key = (unit.start_char, *rel.key)
            if key not in best or best[key].confidence < rel.confidence:
                best[key] = rel
    found = list(best.values())
    if learned is not None:
        from graphbuild.relations.learned import learned_relations

        found += learned_relations(doc, article, mentions, index, found, lex, learned)
    return sorted(found, key=lambda r: (r.start, r.subject, r.relation, r.object, r.negated))


_ANAPHORS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "country", "we", "government"}) | frozenset(COUNT_WORDS)


def _worth_reading(unit: Span, mentions: Sequence[Mention]) -> bool:
    """Two distinct actors, or an office mention ("the Belarusian leader") that names two by itself, or a person
    whose title may name the article's country ("President X said"), or one actor (or none) plus a pronoun /
    "the two countries" that may point back to another."""
    ids = {m.entity_id for m in mentions}
    if len(ids) >= 2 or any(m.method == "office" or entity_type(m.entity_id) == "Person" for m in mentions):
        return True
    # "Japan condemned the test": an event reported in the sentence before
    return any(t.lower_ in _ANAPHORS or t.lemma_.lower() in REGIME_EVENTS for t in unit)


def paragraph_units(sent: Span) -> list[Span]:
    """``sent`` split at line breaks: spaCy sometimes runs a headline into the first sentence."""
    text = sent.text  # built in C: most sentences hold no line break, and need no walk over their tokens
    if "\n" not in text:
        return [sent] if text.strip() else []
    units, start = [], sent.start
    for tok in sent:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            end = tok.i if tok.is_space else tok.i + 1
            if end > start:
                units.append(sent.doc[start:end])
            start = tok.i + 1
    if start < sent.end:
        units.append(sent.doc[start:sent.end])
    return [u for u in units if u.text.strip()]


def _to_relation(c: Candidate, sent: Span, article: Article, index: ActorIndex, speakers: SpeakerIndex,
                 lex: Lexicon) -> Relation:
    subject, obj = c.subject.entity_id or "", c.object.entity_id or ""
    if c.relation in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    noun_phrase_fact = c.pattern.startswith(("title:", "list:", "appos:"))
    if noun_phrase_fact:
        # "Russian Foreign Minister Sergei Lavrov", "CSTO members X, Y": facts stated inside a noun phrase do
        # not take the clause's negation or modality
        negated, modality = c.negates, "asserted"
    else:
        negated = is_negated(c.trigger, [c.subject_token, c.object_token], lex, c.retyped_by) != c.negates
        modality = modality_of(c.trigger, lex)
    if modality == "asserted" and lex.types[c.relation].modality != "asserted":
        modality = lex.types[c.relation].modality
    if c.relation == "seeksMembershipIn" and modality == "desired":
        modality = "asserted"  # the wish is the relation itself ("wants to join")
    speaker = speakers.speaker_for(c.trigger)
    if speaker is not None and modality == "asserted" and speaker not in (subject, obj):
        modality = "reported"
    confidence = c.prior * 0.9 ** max(0, c.steps - 2)
    confidence *= 0.85 ** sum(1 for m in (c.subject, c.object) if not index.in_gazetteer(m))
    if modality == "hypothetical":
        confidence *= 0.8
    return Relation(
        doc_id=article.doc_id,
        subject=subject,
        relation=c.relation,
        object=obj,
        sentence=sent.text.strip(),
        start=sent.start_char,
        end=sent.start_char + len(sent.text.rstrip()),
        negated=negated,
        modality=modality,
        speaker=speaker,
        confidence=round(min(1.0, confidence), 3),
        method=c.pattern,
        trigger=c.trigger.text,
        date=article.date,
    )
