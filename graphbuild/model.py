"""Immutable records that travel between the stages of the pipeline.

text -> :class:`Article` -> spaCy Doc -> :class:`Mention` -> :class:`Entity`
-> :class:`Relation` -> RDF graph -> analysis / HTML / CSV.

Every stage takes and returns these records (or tuples of them); no dicts of
dicts travel between stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ActorType = Literal["Country", "Organization", "Person"]
ACTOR_TYPES: tuple[str, ...] = ("Country", "Organization", "Person")

Modality = Literal["asserted", "desired", "future", "hypothetical", "reported"]
MODALITIES: tuple[str, ...] = ("asserted", "desired", "future", "hypothetical", "reported")

#: How a mention was linked to its actor (kept in mentions.csv and the RDF).
RESOLUTION_METHODS: tuple[str, ...] = (
    "exact",  # the actor's canonical name
    "alias",  # a listed alternative name, acronym or spelling
    "metonym",  # a capital or seat of government standing for its state
    "demonym",  # an adjective or demonym ("Belarusian")
    "office",  # a role ("the Belarusian leader") resolved to its holder at the article's date
    "context",  # a context-dependent alias ("the Alliance") licensed by the document
    "coreference",  # a surname or short form pointing back to a full name in the document
    "fuzzy",  # a spelling variant matched by similarity
    "ner",  # an actor not in the gazetteer, kept with spaCy's entity type
    "unresolved",  # a name that may be an actor but could not be linked (listed by `graphbuild entities`)
)

STRUCTURAL_RELATIONS: tuple[str, ...] = (
    "memberOf",
    "seeksMembershipIn",
    "dependsOn",
    "leaderOf",
    "affiliatedWith",
    "alliedWith",
)
#: PLOVER event types, in PLOVER's order.
INTERACTION_RELATIONS: tuple[str, ...] = (
    "agree",
    "consult",
    "support",
    "concede",
    "cooperate",
    "aid",
    "retreat",
    "request",
    "demand",
    "accuse",
    "reject",
    "threaten",
    "protest",
    "sanction",
    "mobilize",
    "coerce",
    "assault",
    "fight",
    "investigate",
)
RELATION_TYPES: tuple[str, ...] = STRUCTURAL_RELATIONS + INTERACTION_RELATIONS
#: Relation types whose direction carries no meaning; stored once per pair.
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"consult", "cooperate", "agree", "alliedWith", "fight"})


#: Entity id prefix -> actor type (ids are ``country/...``, ``org/...``, ``person/...``).
ID_PREFIX_TYPES: dict[str, str] = {"country": "Country", "org": "Organization", "person": "Person"}


def entity_type(entity_id: str | None) -> str | None:
    """The actor type an entity id names by its prefix (``"person/x"`` -> ``"Person"``), None if it names none."""
    if not entity_id:
        return None
    return ID_PREFIX_TYPES.get(entity_id.partition("/")[0])


@dataclass(frozen=True, slots=True)
class Article:
    """One input document.

    Attributes:
        doc_id: Path relative to the corpus root, without extension, with ``/`` separators.
        text: The article text (already decoded and cleaned of boilerplate).
        path: Where the article was read from (for messages).
        title, date, url, source: Optional metadata; ``date`` is ISO 8601 ``YYYY-MM-DD``.
    """

    doc_id: str
    text: str
    path: str = ""
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor: one node of the graph.

    ``id`` is a stable, path-like key (``country/BLR``, ``org/NATO``,
    ``person/alexander-lukashenko``); the RDF IRI is minted from it.
    """

    id: str
    label: str
    type: str
    qid: str | None = None
    iso3: str | None = None
    aliases: tuple[str, ...] = ()
    in_gazetteer: bool = True


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of an article that names an actor.

    ``start``/``end`` are character offsets into ``Article.text``.
    ``entity_id`` is None while unresolved.
    """

    doc_id: str
    start: int
    end: int
    text: str
    entity_id: str | None
    method: str
    sent_start: int = 0
    ner_label: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation assertion: a typed, directed claim with its evidence.

    ``subject``/``object``/``speaker`` are entity ids.  ``start``/``end`` are the
    character offsets of the evidence sentence in the article.
    """

    doc_id: str
    subject: str
    relation: str
    object: str
    sentence: str
    start: int
    end: int
    negated: bool = False
    modality: str = "asserted"
    speaker: str | None = None
    confidence: float = 0.5
    method: str = ""
    trigger: str = ""
    date: str | None = None

    @property
    def key(self) -> tuple[str, str, str, bool]:
        """The aggregation key: the same claim from many sentences is one edge."""
        return (self.subject, self.relation, self.object, self.negated)


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything extracted from one article; the unit that is cached and merged."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    #: Entities minted for actors outside the gazetteer (gazetteer actors are looked up by id).
    new_entities: tuple[Entity, ...] = ()
    warnings: tuple[str, ...] = field(default=())
