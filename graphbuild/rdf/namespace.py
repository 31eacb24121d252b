"""Vocabulary of the graphbuild RDF model.

``GB`` is the ontology namespace (``ontologies/graphbuild.ttl``).  It is a
:class:`rdflib.namespace.DefinedNamespace` with ``_fail = True``: a misspelt term
(``GB.dependOn``) raises ``AttributeError`` instead of minting an IRI the ontology does
not define.  ``tests/test_rdf_namespace.py`` checks that the terms listed here and the
terms the ontology declares are the same set, in both directions.

``ID`` is the namespace of everything graphbuild mints (actors, documents, mentions,
assertions, edges); :func:`iri_for` turns any entity id into a valid IRI in it.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from graphbuild.model import RELATION_TYPES

GB_IRI = "https://w3id.org/graphbuild/ontology#"
ID_IRI = "https://w3id.org/graphbuild/id/"
WD_IRI = "http://www.wikidata.org/entity/"
WDT_IRI = "http://www.wikidata.org/prop/direct/"


class GB(DefinedNamespace):
    """Terms of ``https://w3id.org/graphbuild/ontology#`` (see ontologies/graphbuild.ttl)."""

    _NS = Namespace(GB_IRI)
    _fail = True

    # Classes
    Actor: URIRef
    Country: URIRef
    Organization: URIRef
    Person: URIRef
    Document: URIRef
    Mention: URIRef
    Evidence: URIRef
    RelationAssertion: URIRef
    AggregatedRelation: URIRef
    RelationProperty: URIRef
    RelationTypeSummary: URIRef
    ResolutionMethodSummary: URIRef

    # Parents of the relation properties
    structuralRelation: URIRef
    interactionRelation: URIRef

    # Structural relations
    memberOf: URIRef
    seeksMembershipIn: URIRef
    dependsOn: URIRef
    leaderOf: URIRef
    affiliatedWith: URIRef
    alliedWith: URIRef
    # Interactions (PLOVER event types)
    agree: URIRef
    consult: URIRef
    support: URIRef
    concede: URIRef
    cooperate: URIRef
    aid: URIRef
    retreat: URIRef
    request: URIRef
    demand: URIRef
    accuse: URIRef
    reject: URIRef
    threaten: URIRef
    protest: URIRef
    sanction: URIRef
    mobilize: URIRef
    coerce: URIRef
    assault: URIRef
    fight: URIRef
    investigate: URIRef

    # Assertion / aggregated-edge structure
    subject: URIRef
    relation: URIRef
    object: URIRef
    evidence: URIRef
    hasAssertion: URIRef
    mentionOf: URIRef

    # Datatype properties
    negated: URIRef
    modality: URIRef
    confidence: URIRef
    method: URIRef
    trigger: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    sentenceStart: URIRef
    iso3: URIRef
    inGazetteer: URIRef
    surfaceForm: URIRef
    resolutionMethod: URIRef
    nerLabel: URIRef
    evidenceCount: URIRef
    documentCount: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    maxConfidence: URIRef
    assertionCount: URIRef
    assertionDocumentCount: URIRef
    # Graph-wide summaries (what the aggregate saved queries read)
    summaryRelation: URIRef
    assertionTotal: URIRef
    negatedAssertionTotal: URIRef
    edgeTotal: URIRef
    documentTotal: URIRef
    summaryResolutionMethod: URIRef
    mentionTotal: URIRef
    actorTotal: URIRef
    unresolvedMentionTotal: URIRef
    # Metrics written back by analysis
    pageRank: URIRef
    betweenness: URIRef
    degree: URIRef
    community: URIRef
    balancing: URIRef
    contested: URIRef

    # Annotation properties on the relation properties
    ploverCategory: URIRef
    ploverMode: URIRef
    cameoRootCode: URIRef
    quadClass: URIRef
    polarity: URIRef


ID = Namespace(ID_IRI)
WD = Namespace(WD_IRI)
WDT = Namespace(WDT_IRI)

#: IRI of each relation type, keyed by its name in ``graphbuild.model.RELATION_TYPES``.
RELATION_IRIS: dict[str, URIRef] = {name: GB[name] for name in RELATION_TYPES}
#: Reverse of :data:`RELATION_IRIS`.
RELATION_NAMES: dict[URIRef, str] = {iri: name for name, iri in RELATION_IRIS.items()}

_UNRESERVED = "-._~"  # plus ASCII letters and digits, which quote() never escapes
_QID = re.compile(r"Q[1-9][0-9]*")


def _segment(segment: str) -> str:
    if segment in (".", ".."):
        # Dot segments would be removed by IRI resolution; keep them literal.
        return segment.replace(".", "%2E")
    return quote(segment.encode("utf-8", "surrogatepass"), safe=_UNRESERVED)


def iri_path(entity_id: str) -> str:
    """Return ``entity_id`` as an IRI path: each ``/``-separated segment percent-encoded.

    Every character outside RFC 3986 "unreserved" (ASCII letters, digits, ``-._~``) is
    UTF-8 percent-encoded, so the result is plain ASCII and safe in every RDF syntax:
    ``"person/José O'Neil <x>"`` -> ``"person/Jos%C3%A9%20O%27Neil%20%3Cx%3E"``.
    """
    return "/".join(_segment(part) for part in entity_id.split("/"))


def iri_for(entity_id: str) -> URIRef:
    """Return the IRI minted for ``entity_id`` (always a valid absolute IRI).

    Example:
        >>> iri_for("country/BLR")
        rdflib.term.URIRef('https://w3id.org/graphbuild/id/country/BLR')
    """
    return URIRef(ID_IRI + iri_path(entity_id))


def doc_iri(doc_id: str) -> URIRef:
    """Return the IRI of the document ``doc_id`` (``id/doc/<doc_id>``)."""
    return iri_for("doc/" + doc_id)


def wikidata_iri(qid: str | None) -> URIRef | None:
    """Return ``wd:Qnnn`` for a well-formed QID, else None (never mint a junk Wikidata IRI)."""
    if qid and _QID.fullmatch(qid.strip()):
        return WD[qid.strip()]
    return None


PREFIXES: dict[str, str] = {
    "gb": GB_IRI,
    "wd": WD_IRI,
    "wdt": WDT_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}


def gb_terms() -> frozenset[str]:
    """Local names of every term of :class:`GB`."""
    return frozenset(GB.__annotations__)
