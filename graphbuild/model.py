"""Immutable records that travel between the stages of the pipeline.

text -> :class:`Article` -> spaCy Doc -> :class:`Mention` -> :class:`Entity`
-> :class:`Relation` -> RDF graph -> analysis / HTML / CSV.

Every stage takes and returns these records (or tuples of them); no dicts of
dicts travel between stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ActorType(StrEnum):
    """What kind of actor an entity is (the RDF class ``gb:<value>``)."""

    COUNTRY = "Country"
    ORGANIZATION = "Organization"
    PERSON = "Person"


class Modality(StrEnum):
    """How a claim is put: as fact, as a wish, as a plan, as a possibility, or as someone's report."""

    ASSERTED = "asserted"
    DESIRED = "desired"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"


class ResolutionMethod(StrEnum):
    """How a mention was linked to its actor (kept in mentions.csv and the RDF)."""

    EXACT = "exact"  # the actor's canonical name
    ALIAS = "alias"  # a listed alternative name, acronym or spelling
    METONYM = "metonym"  # a capital or seat of government standing for its state
    DEMONYM = "demonym"  # an adjective or demonym ("Belarusian")
    OFFICE = "office"  # a role ("the Belarusian leader") resolved to its holder at the article's date
    CONTEXT = "context"  # a context-dependent alias ("the Alliance") licensed by the document
    COREFERENCE = "coreference"  # a surname or short form pointing back to a full name in the document
    ANAPHORA = "anaphora"  # a pronoun or definite description ("he", "the country", "the two countries")
    FUZZY = "fuzzy"  # a spelling variant matched by similarity
    NER = "ner"  # an actor not in the gazetteer, kept with spaCy's entity type
    UNRESOLVED = "unresolved"  # a name that may be an actor but could not be linked (`graphbuild entities`)


class RelationType(StrEnum):
    """The 25 relation types: six structural ones, then the PLOVER event types in PLOVER's order."""

    MEMBER_OF = "memberOf"
    SEEKS_MEMBERSHIP_IN = "seeksMembershipIn"
    DEPENDS_ON = "dependsOn"
    LEADER_OF = "leaderOf"
    AFFILIATED_WITH = "affiliatedWith"
    ALLIED_WITH = "alliedWith"
    AGREE = "agree"
    CONSULT = "consult"
    SUPPORT = "support"
    CONCEDE = "concede"
    COOPERATE = "cooperate"
    AID = "aid"
    RETREAT = "retreat"
    REQUEST = "request"
    DEMAND = "demand"
    ACCUSE = "accuse"
    REJECT = "reject"
    THREATEN = "threaten"
    PROTEST = "protest"
    SANCTION = "sanction"
    MOBILIZE = "mobilize"
    COERCE = "coerce"
    ASSAULT = "assault"
    FIGHT = "fight"
    INVESTIGATE = "investigate"


ACTOR_TYPES: tuple[str, ...] = tuple(ActorType)
MODALITIES: tuple[str, ...] = tuple(Modality)
RESOLUTION_METHODS: tuple[str, ...] = tuple(ResolutionMethod)
RELATION_TYPES: tuple[str, ...] = tuple(RelationType)
STRUCTURAL_RELATIONS: tuple[str, ...] = RELATION_TYPES[:6]
#: PLOVER event types, in PLOVER's order.
INTERACTION_RELATIONS: tuple[str, ...] = RELATION_TYPES[6:]
#: Relation types whose direction carries no meaning; stored once per pair.
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"consult", "cooperate", "agree", "alliedWith", "fight"})


#: Entity id prefix -> actor type (ids are ``country/...``, ``org/...``, ``person/...``).
ID_PREFIX_TYPES: dict[str, ActorType] = {"country": ActorType.COUNTRY, "org": ActorType.ORGANIZATION,
                                         "person": ActorType.PERSON}


def entity_type(entity_id: str | None) -> ActorType | None:
    """The actor type an entity id names by its prefix (``"person/x"`` -> ``Person``), None if it names none."""
    if not entity_id:
        return None
    return ID_PREFIX_TYPES.get(entity_id.partition("/")[0])


def _checked(record: object, name: str, vocabulary: type[StrEnum]) -> None:
    """Enforce a vocabulary at the boundary: a record's field holds a member of it (plain strings converted)."""
    value = getattr(record, name)
    if not isinstance(value, vocabulary):
        try:
            object.__setattr__(record, name, vocabulary(value))
        except ValueError:
            raise ValueError(f"{type(record).__name__}.{name}: {value!r} is not one of "
                             f"{', '.join(vocabulary)}") from None


@dataclass(frozen=True, slots=True)
class Article:
    """One input document.

    Attributes:
        doc_id: Path relative to the corpus root, without extension, with ``/`` separators.
        text: The article text (already decoded and cleaned of boilerplate).
        path: Where the article was read from (for messages).
        title, date, url, source: Optional metadata; ``date`` is ISO 8601 ``YYYY-MM-DD``.
        corpus_dates: For an undated article, the span of the dates its corpus gives (ISO 8601 interval
            ``YYYY-MM-DD/YYYY-MM-DD``, set by the build): the last resort for dating its office phrases
            (:func:`graphbuild.resolve.office_dates`); None otherwise.
    """

    doc_id: str
    text: str
    path: str = ""
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    corpus_dates: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor: one node of the graph.

    ``id`` is a stable, path-like key (``country/BLR``, ``org/NATO``,
    ``person/alexander-lukashenko``); the RDF IRI is minted from it.
    """

    id: str
    label: str
    type: ActorType
    qid: str | None = None
    iso3: str | None = None
    aliases: tuple[str, ...] = ()
    in_gazetteer: bool = True

    def __post_init__(self) -> None:
        _checked(self, "type", ActorType)


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
    method: ResolutionMethod
    sent_start: int = 0
    ner_label: str | None = None

    def __post_init__(self) -> None:
        _checked(self, "method", ResolutionMethod)


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation assertion: a typed, directed claim with its evidence.

    ``subject``/``object``/``speaker`` are entity ids.  ``start``/``end`` are the
    character offsets of the evidence sentence in the article.
    """

    doc_id: str
    subject: str
    relation: RelationType
    object: str
    sentence: str
    start: int
    end: int
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    speaker: str | None = None
    confidence: float = 0.5
    method: str = ""
    trigger: str = ""
    date: str | None = None

    def __post_init__(self) -> None:
        _checked(self, "relation", RelationType)
        _checked(self, "modality", Modality)

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
