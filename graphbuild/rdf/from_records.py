"""Records -> rdflib Graph (the RDF model of docs/ARCHITECTURE.md and docs/RDF.md).

Three layers, in the spirit of Wikidata's truthy/full split:

* **truthy**: one direct triple ``<actor> gb:<relation> <actor>`` per non-negated
  (subject, relation, object); symmetric relations once per pair, subject = the smaller IRI;
* **assertions**: one ``gb:RelationAssertion`` node per Relation record with its full
  provenance (document, evidence sentence and offsets, negated, modality, speaker,
  confidence, method, trigger);
* **aggregated edges**: one ``gb:AggregatedRelation`` per (subject, relation, object,
  negated) with ``gb:evidenceCount``, ``gb:documentCount``, ``gb:firstSeen``/``gb:lastSeen``
  and ``gb:hasAssertion`` links to every assertion behind it;
* **actor counts**: ``gb:assertionCount`` and ``gb:assertionDocumentCount`` on every actor
  that is the subject or object of an assertion (what ``top-actors-by-evidence`` ranks by;
  counting them in SPARQL took seconds on a million-triple graph).

Every minted node is an IRI (no blank nodes) derived from content, so the same records
give the same graph whatever their order.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date as _date
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

if TYPE_CHECKING:
    from graphbuild.analysis import Analysis

from graphbuild.model import SYMMETRIC_RELATIONS, ActorType, Article, Entity, Mention, Relation, entity_type
from graphbuild.rdf.namespace import GB, PREFIXES, RELATION_IRIS, doc_iri, iri_for, wikidata_iri

ACTOR_CLASSES = {"Country": GB.Country, "Organization": GB.Organization, "Person": GB.Person}

# Characters XML 1.0 forbids, plus the C0/C1 control characters it merely discourages
# (tab, LF and CR are kept).  Literals are cleaned of them so every syntax round-trips.
_BAD_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def clean_text(value: str) -> str:
    """Return ``value`` without characters that are invalid in XML 1.0 or are control characters."""
    return _BAD_CHARS.sub("", value)


def text_literal(value: str) -> Literal:
    """A plain string literal, cleaned with :func:`clean_text`."""
    return Literal(clean_text(value))


def date_literal(value: str) -> Literal:
    """``xsd:date`` for a valid ISO ``YYYY-MM-DD`` date, else a plain (cleaned) string."""
    value = value.strip()
    if ISO_DATE.fullmatch(value):
        try:
            _date.fromisoformat(value)
            return Literal(value, datatype=XSD.date)
        except ValueError:
            pass
    return text_literal(value)


def content_key(*parts: object) -> str:
    """The parts joined with an ASCII unit separator (None as ""): what :func:`content_hash` hashes."""
    return "\x1f".join(["" if p is None else str(p) for p in parts])


def content_hash(*parts: object) -> str:
    """sha1 hex of :func:`content_key` (stable across runs)."""
    return hashlib.sha1(content_key(*parts).encode("utf-8", "surrogatepass")).hexdigest()


def mention_key(mention: Mention) -> tuple[object, ...]:
    """The content key a mention IRI is hashed from: (doc_id, start, end, entity_id)."""
    return (mention.doc_id, mention.start, mention.end, mention.entity_id)


def mention_iri(mention: Mention) -> URIRef:
    """``id/mention/<sha1>`` of :func:`mention_key`."""
    return iri_for("mention/" + content_hash(*mention_key(mention)))


def assertion_key(rel: Relation) -> tuple[object, ...]:
    """The content key an assertion IRI is hashed from (every field of the record)."""
    return (
        rel.doc_id, rel.subject, rel.relation, rel.object, rel.negated, rel.modality, rel.speaker,
        rel.start, rel.end, rel.method, rel.trigger, repr(float(rel.confidence)), rel.date, rel.sentence,
    )


def assertion_digest(rel: Relation) -> str:
    """The sha1 of :func:`assertion_key` that names an assertion and its evidence."""
    return content_hash(*assertion_key(rel))


def assertion_iri(rel: Relation) -> URIRef:
    """``id/assertion/<sha1>`` of :func:`assertion_key`."""
    return iri_for("assertion/" + assertion_digest(rel))


def evidence_iri(rel: Relation) -> URIRef:
    """``id/evidence/<sha1>``: the text position of an assertion (same hash as the assertion)."""
    return iri_for("evidence/" + content_hash(*assertion_key(rel)))


def edge_key(rel: Relation) -> tuple[str, str, str, bool]:
    """Aggregation key (subject, relation, object, negated); symmetric pairs in canonical order."""
    s, o = rel.subject, rel.object
    if rel.relation in SYMMETRIC_RELATIONS and str(iri_for(o)) < str(iri_for(s)):
        s, o = o, s
    return (s, rel.relation, o, bool(rel.negated))


def edge_iri(key: tuple[str, str, str, bool]) -> URIRef:
    """``id/edge/<sha1>`` of the aggregation key."""
    return iri_for("edge/" + content_hash(*key))


def relation_iri(relation: str) -> URIRef:
    """The ontology property of a relation type; ValueError for a name outside RELATION_TYPES."""
    try:
        return RELATION_IRIS[relation]
    except KeyError:
        raise ValueError(f"unknown relation type {relation!r}; expected one of {sorted(RELATION_IRIS)}") from None


def new_graph() -> Graph:
    """An empty Graph with graphbuild's prefixes bound (and rdflib's defaults replaced)."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def fallback_entity(entity_id: str) -> Entity:
    """A minimal actor for an id that the entity table lacks (so every IRI used is described)."""
    _, _, tail = entity_id.partition("/")
    return Entity(id=entity_id, label=tail or entity_id, type=entity_type(entity_id) or ActorType.ORGANIZATION,
                  in_gazetteer=False)


def _add_actor(g: Graph, ent: Entity) -> None:
    node = iri_for(ent.id)
    g.add((node, RDF.type, ACTOR_CLASSES.get(ent.type, GB.Actor)))
    g.add((node, RDFS.label, text_literal(ent.label)))
    g.add((node, DCTERMS.identifier, text_literal(ent.id)))
    g.add((node, GB.inGazetteer, Literal(bool(ent.in_gazetteer))))
    wd = wikidata_iri(ent.qid)
    if wd is not None:
        g.add((node, OWL.sameAs, wd))
    if ent.iso3:
        g.add((node, GB.iso3, text_literal(ent.iso3)))
    for alias in ent.aliases:
        alias = clean_text(alias)
        if alias and alias != ent.label:
            g.add((node, SKOS.altLabel, Literal(alias)))


def _add_properties(g: Graph, node: URIRef, properties: Iterable[tuple[URIRef, Node | None]]) -> None:
    """Add ``node predicate object`` for every pair whose object is not None (optional fields are left out)."""
    for predicate, obj in properties:
        if obj is not None:
            g.add((node, predicate, obj))


def _add_document(g: Graph, art: Article) -> None:
    _add_properties(g, doc_iri(art.doc_id), [
        (RDF.type, GB.Document),
        (DCTERMS.identifier, text_literal(art.doc_id)),
        (DCTERMS.title, text_literal(art.title) if art.title else None),
        (DCTERMS.date, date_literal(art.date) if art.date else None),
        (DCTERMS.source, text_literal(art.url) if art.url else None),
        (DCTERMS.publisher, text_literal(art.source) if art.source else None),
    ])


def _add_mention(g: Graph, m: Mention) -> None:
    _add_properties(g, mention_iri(m), [
        (RDF.type, GB.Mention),
        (PROV.wasDerivedFrom, doc_iri(m.doc_id)),
        (GB.surfaceForm, text_literal(m.text)),
        (GB.start, Literal(int(m.start))),
        (GB.end, Literal(int(m.end))),
        (GB.sentenceStart, Literal(int(m.sent_start))),
        (GB.resolutionMethod, text_literal(m.method)),
        (GB.mentionOf, iri_for(m.entity_id) if m.entity_id else None),
        (GB.nerLabel, text_literal(m.ner_label) if m.ner_label else None),
    ])


def _add_assertion(g: Graph, rel: Relation) -> URIRef:
    node = assertion_iri(rel)
    ev = evidence_iri(rel)
    g.add((node, RDF.type, GB.RelationAssertion))
    g.add((node, GB.subject, iri_for(rel.subject)))
    g.add((node, GB.relation, relation_iri(rel.relation)))
    g.add((node, GB.object, iri_for(rel.object)))
    g.add((node, GB.negated, Literal(bool(rel.negated))))
    g.add((node, GB.modality, text_literal(rel.modality)))
    g.add((node, GB.confidence, Literal(float(rel.confidence), datatype=XSD.double)))
    g.add((node, GB.method, text_literal(rel.method)))
    if rel.trigger:
        g.add((node, GB.trigger, text_literal(rel.trigger)))
    if rel.speaker:
        g.add((node, PROV.wasAttributedTo, iri_for(rel.speaker)))
    if rel.date:
        g.add((node, DCTERMS.date, date_literal(rel.date)))
    g.add((node, PROV.wasDerivedFrom, doc_iri(rel.doc_id)))
    g.add((node, GB.evidence, ev))
    g.add((ev, RDF.type, GB.Evidence))
    g.add((ev, GB.sentence, text_literal(rel.sentence)))
    g.add((ev, GB.start, Literal(int(rel.start))))
    g.add((ev, GB.end, Literal(int(rel.end))))
    g.add((ev, PROV.wasDerivedFrom, doc_iri(rel.doc_id)))
    return node


def edge_groups(relations: Iterable[Relation]) -> dict[tuple[str, str, str, bool], list[Relation]]:
    """Relations by aggregation key (:func:`edge_key`): one aggregated edge each."""
    groups: dict[tuple[str, str, str, bool], list[Relation]] = defaultdict(list)
    for rel in relations:
        groups[edge_key(rel)].append(rel)
    return groups


def edge_dates(rels: Iterable[Relation], doc_dates: Mapping[str, str]) -> list[str]:
    """The ISO dates of an edge's assertions (assertion date, else its document's), sorted."""
    return sorted(d for d in (r.date or doc_dates.get(r.doc_id) for r in rels) if d and ISO_DATE.fullmatch(d.strip()))


def _add_edges(g: Graph, relations: Iterable[Relation], doc_dates: Mapping[str, str]) -> None:
    for key, rels in edge_groups(relations).items():
        s, relation, o, negated = key
        node = edge_iri(key)
        g.add((node, RDF.type, GB.AggregatedRelation))
        g.add((node, GB.subject, iri_for(s)))
        g.add((node, GB.relation, relation_iri(relation)))
        g.add((node, GB.object, iri_for(o)))
        g.add((node, GB.negated, Literal(negated)))
        assertions = {assertion_iri(r) for r in rels}
        g.add((node, GB.evidenceCount, Literal(len(assertions))))
        g.add((node, GB.documentCount, Literal(len({r.doc_id for r in rels}))))
        g.add((node, GB.maxConfidence, Literal(max(float(r.confidence) for r in rels), datatype=XSD.double)))
        dates = edge_dates(rels, doc_dates)
        if dates:
            g.add((node, GB.firstSeen, date_literal(dates[0])))
            g.add((node, GB.lastSeen, date_literal(dates[-1])))
        for a in assertions:
            g.add((node, GB.hasAssertion, a))
        if not negated:
            g.add((iri_for(s), relation_iri(relation), iri_for(o)))


def used_actors(mentions: Iterable[Mention], relations: Iterable[Relation]) -> list[str]:
    """The actors the graph describes, sorted: every one mentioned, related or quoted as a speaker."""
    used = {m.entity_id for m in mentions if m.entity_id}
    for rel in relations:
        used.update((rel.subject, rel.object))
        if rel.speaker:
            used.add(rel.speaker)
    return sorted(used)


def actor_counts(relations: Iterable[Relation], digest: Callable[[Relation], str] = assertion_digest,
                 ) -> dict[str, tuple[int, int]]:
    """Actor -> (distinct assertions with it as subject or object, distinct documents of those), by actor.

    ``digest``: :func:`assertion_digest`, or a memoised one (the stream computes it once per relation).
    """
    assertions: dict[str, set[str]] = defaultdict(set)
    documents: dict[str, set[str]] = defaultdict(set)
    for rel in relations:
        digest_of_rel = digest(rel)
        for actor in (rel.subject, rel.object):
            assertions[actor].add(digest_of_rel)
            documents[actor].add(rel.doc_id)
    return {actor: (len(assertions[actor]), len(documents[actor])) for actor in sorted(assertions)}


def _add_actor_counts(g: Graph, relations: Iterable[Relation]) -> None:
    for actor, (n_assertions, n_documents) in actor_counts(relations).items():
        g.add((iri_for(actor), GB.assertionCount, Literal(n_assertions)))
        g.add((iri_for(actor), GB.assertionDocumentCount, Literal(n_documents)))


def summary_iri(kind: str, name: str) -> URIRef:
    """``id/summary/<kind>/<name>``: the summary node of one relation type or resolution method."""
    return iri_for(f"summary/{kind}/{name}")


def relation_summaries(relations: Iterable[Relation], digest: Callable[[Relation], str] = assertion_digest,
                       ) -> dict[str, dict[str, int]]:
    """Relation type -> its ``gb:RelationTypeSummary`` counts: distinct assertions, negated assertions,
    aggregated edges and documents (what ``relation-type-counts`` reports). ``digest``: as for actor_counts."""
    sets: dict[str, tuple[set[str], set[str], set[tuple], set[str]]] = defaultdict(lambda: (set(), set(), set(), set()))
    for rel in relations:
        assertions, negated, edges, documents = sets[rel.relation]
        digest_of_rel = digest(rel)
        assertions.add(digest_of_rel)
        if rel.negated:
            negated.add(digest_of_rel)
        edges.add(edge_key(rel))
        documents.add(rel.doc_id)
    return {name: dict(zip(("assertionTotal", "negatedAssertionTotal", "edgeTotal", "documentTotal"),
                           map(len, sets[name]))) for name in sorted(sets)}


def resolution_summaries(mentions: Iterable[Mention]) -> dict[str, dict[str, int]]:
    """Resolution method (as written) -> its ``gb:ResolutionMethodSummary`` counts: distinct mentions, distinct
    actors, distinct unresolved mentions (what ``mentions-by-resolution-method`` reports)."""
    sets: dict[str, tuple[set[str], set[str], set[str]]] = defaultdict(lambda: (set(), set(), set()))
    for m in mentions:
        found, actors, unresolved = sets[clean_text(m.method)]
        key = content_key(*mention_key(m))  # distinct keys <=> distinct mention IRIs
        found.add(key)
        if m.entity_id:
            actors.add(m.entity_id)
        else:
            unresolved.add(key)
    return {method: dict(zip(("mentionTotal", "actorTotal", "unresolvedMentionTotal"), map(len, sets[method])))
            for method in sorted(sets)}


def _add_summaries(g: Graph, mentions: Iterable[Mention], relations: Iterable[Relation]) -> None:
    for name, counts in relation_summaries(relations).items():
        node = summary_iri("relation", name)
        g.add((node, RDF.type, GB.RelationTypeSummary))
        g.add((node, GB.summaryRelation, relation_iri(name)))
        for prop, n in counts.items():
            g.add((node, GB[prop], Literal(n)))
    for method, counts in resolution_summaries(mentions).items():
        node = summary_iri("resolution-method", method)
        g.add((node, RDF.type, GB.ResolutionMethodSummary))
        g.add((node, GB.summaryResolutionMethod, Literal(method)))
        for prop, n in counts.items():
            g.add((node, GB[prop], Literal(n)))


def build_graph(
    articles: Sequence[Article],
    entities: Mapping[str, Entity],
    mentions: Sequence[Mention],
    relations: Sequence[Relation],
) -> Graph:
    """Return the RDF graph of the records (see docs/RDF.md).

    Args:
        articles: The documents; each becomes a ``gb:Document``.
        entities: Actors by entity id.  Only actors that are mentioned, related or quoted
            as speakers are written (a gazetteer of thousands of unused actors is not).
        mentions: Mention records (unresolved ones are kept, without ``gb:mentionOf``).
        relations: Relation records; relation names must be in ``model.RELATION_TYPES``.

    Returns:
        An rdflib Graph with graphbuild's prefixes bound; deterministic for the same
        records in any order.

    Raises:
        ValueError: A relation type outside ``model.RELATION_TYPES``.
    """
    g = new_graph()
    for entity_id in used_actors(mentions, relations):
        _add_actor(g, entities.get(entity_id) or fallback_entity(entity_id))

    doc_dates: dict[str, str] = {}
    for art in articles:
        _add_document(g, art)
        if art.date:
            doc_dates[art.doc_id] = art.date
    known_docs = {a.doc_id for a in articles}
    for doc_id in sorted(({m.doc_id for m in mentions} | {r.doc_id for r in relations}) - known_docs):
        _add_document(g, Article(doc_id=doc_id, text=""))

    for m in mentions:
        _add_mention(g, m)
    for rel in relations:
        _add_assertion(g, rel)
    _add_edges(g, relations, doc_dates)
    _add_actor_counts(g, relations)
    _add_summaries(g, mentions, relations)
    return g


def write_metrics_to_rdf(graph: Graph, analysis: Analysis) -> None:
    """Add ``gb:pageRank``, ``gb:degree``, ``gb:betweenness``, ``gb:community`` and ``gb:balancing`` to each actor,
    and ``gb:contested true`` to each contested ``gb:AggregatedRelation`` (:func:`contested_claims`).

    Actor IRIs are minted by :func:`graphbuild.rdf.namespace.iri_for` (the same percent-encoding as the graph
    builder) and the terms come from the checked ``GB`` namespace.  Existing values of these properties are
    replaced, so running it twice gives the same graph.
    """
    props = (GB.pageRank, GB.degree, GB.betweenness, GB.community, GB.balancing)
    balancing = {d["actor"] for d in analysis.balancing}
    for v in analysis.pagerank:
        iri = iri_for(v)
        for p in props:
            graph.remove((iri, p, None))
        graph.add((iri, GB.pageRank, Literal(analysis.pagerank[v], datatype=XSD.double)))
        graph.add((iri, GB.degree, Literal(analysis.degree.get(v, 0), datatype=XSD.integer)))
        graph.add((iri, GB.betweenness, Literal(analysis.betweenness.get(v, 0.0), datatype=XSD.double)))
        if v in analysis.community:
            graph.add((iri, GB.community, Literal(analysis.community[v], datatype=XSD.integer)))
        graph.add((iri, GB.balancing, Literal(v in balancing, datatype=XSD.boolean)))
    for c in analysis.contested:
        node = edge_iri((c["subject"], c["relation"], c["object"], c["negated"]))
        graph.remove((node, GB.contested, None))
        graph.add((node, GB.contested, Literal(True, datatype=XSD.boolean)))
