"""build_graph: the RDF model of docs/RDF.md on the hand-made sample records."""

from __future__ import annotations

import random

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from graphbuild.model import Relation
from graphbuild.rdf import build_graph
from graphbuild.rdf.from_records import assertion_iri, clean_text
from graphbuild.rdf.io import serialize
from graphbuild.rdf.namespace import GB, WD, iri_for
from graphbuild.rdf.sample import sample_records

BLR, RUS, NATO, UKR = (iri_for(x) for x in ("country/BLR", "country/RUS", "org/NATO", "country/UKR"))


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph(*sample_records())


def test_rdf_build_actor_description(graph: Graph) -> None:
    assert (BLR, RDF.type, GB.Country) in graph
    assert (BLR, RDFS.label, Literal("Belarus")) in graph
    assert (BLR, OWL.sameAs, WD.Q184) in graph
    assert (BLR, GB.iso3, Literal("BLR")) in graph
    assert (NATO, RDF.type, GB.Organization) in graph
    assert (iri_for("person/andrei-porotnikov"), OWL.sameAs, None) not in graph


def test_rdf_build_direct_triples_only_for_non_negated(graph: Graph) -> None:
    assert (BLR, GB.dependsOn, RUS) in graph
    assert (BLR, GB.consult, NATO) in graph
    # "Not all NATO countries are ready to expand cooperation with Belarus": negated -> no direct triple.
    assert (NATO, GB.cooperate, BLR) not in graph
    assert (BLR, GB.cooperate, NATO) not in graph


def test_rdf_build_symmetric_relation_once_in_iri_order(graph: Graph) -> None:
    # UKR fight RUS is stored once, subject = the smaller IRI.
    assert (RUS, GB.fight, UKR) in graph
    assert (UKR, GB.fight, RUS) not in graph
    # consult is symmetric: NATO consult BLR stored as BLR consult NATO (country/ < org/).
    assert (NATO, GB.consult, BLR) not in graph


def test_rdf_build_assertion_provenance(graph: Graph) -> None:
    _, _, _, relations = sample_records()
    rel = next(r for r in relations if r.relation == "dependsOn")
    node = assertion_iri(rel)
    assert (node, RDF.type, GB.RelationAssertion) in graph
    assert graph.value(node, GB.subject) == BLR
    assert graph.value(node, GB.relation) == GB.dependsOn
    assert graph.value(node, GB.object) == RUS
    assert graph.value(node, GB.negated) == Literal(False)
    assert graph.value(node, GB.modality) == Literal("reported")
    assert graph.value(node, PROV.wasAttributedTo) == iri_for("person/andrei-porotnikov")
    assert graph.value(node, GB.confidence) == Literal(0.7, datatype=XSD.double)
    assert graph.value(node, GB.method) == Literal("depends_on")
    assert graph.value(node, PROV.wasDerivedFrom) == iri_for("doc/belarus-balance")
    ev = graph.value(node, GB.evidence)
    assert graph.value(ev, GB.sentence) == Literal(rel.sentence)
    assert graph.value(ev, GB.start).toPython() == rel.start
    assert graph.value(ev, GB.end).toPython() == rel.end


def test_rdf_build_aggregated_edge_counts_and_dates(graph: Graph) -> None:
    edges = [e for e in graph.subjects(RDF.type, GB.AggregatedRelation)
             if graph.value(e, GB.subject) == BLR and graph.value(e, GB.relation) == GB.consult
             and graph.value(e, GB.object) == NATO]
    assert len(edges) == 1
    edge = edges[0]
    assert graph.value(edge, GB.evidenceCount).toPython() == 2
    assert graph.value(edge, GB.documentCount).toPython() == 2
    assert graph.value(edge, GB.firstSeen) == Literal("2024-01-10", datatype=XSD.date)
    assert graph.value(edge, GB.lastSeen) == Literal("2024-03-05", datatype=XSD.date)
    assert len(list(graph.objects(edge, GB.hasAssertion))) == 2


def test_rdf_build_negated_edge_kept_separately(graph: Graph) -> None:
    negated = [e for e in graph.subjects(GB.negated, Literal(True)) if (e, RDF.type, GB.AggregatedRelation) in graph]
    assert len(negated) == 1
    assert graph.value(negated[0], GB.relation) == GB.cooperate


def test_rdf_build_documents_and_mentions(graph: Graph) -> None:
    doc = iri_for("doc/news/sanctions")
    assert (doc, RDF.type, GB.Document) in graph
    assert graph.value(doc, URIRef("http://purl.org/dc/terms/date")) == Literal("2024-02-20", datatype=XSD.date)
    minsk = [m for m in graph.subjects(GB.surfaceForm, Literal("Minsk"))]
    assert len(minsk) == 2
    assert all(graph.value(m, GB.mentionOf) == BLR for m in minsk)
    assert all(graph.value(m, GB.resolutionMethod) == Literal("metonym") for m in minsk)
    trojan = next(graph.subjects(GB.surfaceForm, Literal("Trojan")))
    assert graph.value(trojan, GB.mentionOf) is None


def test_rdf_build_same_graph_for_any_record_order() -> None:
    articles, entities, mentions, relations = sample_records()
    first = serialize(build_graph(articles, entities, mentions, relations))
    rng = random.Random(7)
    for _ in range(3):
        shuffled = [list(x) for x in (articles, mentions, relations)]
        for lst in shuffled:
            rng.shuffle(lst)
        again = build_graph(shuffled[0], dict(reversed(list(entities.items()))), shuffled[1], shuffled[2])
        assert serialize(again) == first


def test_rdf_build_strips_invalid_xml_characters_from_literals() -> None:
    assert clean_text("a\x00b\x1fc\x7fd\ufffee\tf\ng") == "abcde\tf\ng"
    rel = Relation("d", "country/BLR", "consult", "org/NATO", "bad\x00 \x0bsentence", 0, 5)
    g = build_graph([], {}, [], [rel])
    ev = g.value(assertion_iri(rel), GB.evidence)
    assert g.value(ev, GB.sentence) == Literal("bad sentence")


def test_rdf_build_unknown_relation_type_is_an_error() -> None:
    # the vocabulary is enforced where the record is made, before any graph sees it
    with pytest.raises(ValueError, match="Relation.relation: 'befriends' is not one of"):
        build_graph([], {}, [], [Relation("d", "a/x", "befriends", "a/y", "s", 0, 1)])


def test_rdf_build_missing_entity_gets_minimal_description() -> None:
    g = build_graph([], {}, [], [Relation("d", "country/XYZ", "consult", "person/jane-doe", "s", 0, 1)])
    assert (iri_for("country/XYZ"), RDF.type, GB.Country) in g
    assert (iri_for("person/jane-doe"), RDFS.label, Literal("jane-doe")) in g
    assert isomorphic(g, build_graph([], {}, [], [Relation("d", "country/XYZ", "consult", "person/jane-doe", "s", 0, 1)]))


def test_rdf_build_actor_counts_equal_counting_the_assertions(graph: Graph) -> None:
    counted = {
        (row.actor, row.assertions.toPython(), row.documents.toPython())
        for row in graph.query("""
            PREFIX gb: <https://w3id.org/graphbuild/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?actor (COUNT(DISTINCT ?a) AS ?assertions) (COUNT(DISTINCT ?document) AS ?documents) WHERE {
              ?a a gb:RelationAssertion ; prov:wasDerivedFrom ?document .
              { ?a gb:subject ?actor } UNION { ?a gb:object ?actor }
            } GROUP BY ?actor""")
    }
    stored = {(actor, count.toPython(), graph.value(actor, GB.assertionDocumentCount).toPython())
              for actor, count in graph.subject_objects(GB.assertionCount)}
    assert stored == counted
    assert (BLR, 10, 3) in stored  # as queries/README.md shows for top-actors-by-evidence


#: The counting queries the relation-type and resolution-method summaries replace (the saved queries before).
COUNTING_QUERIES = {
    GB.RelationTypeSummary: ("""
        PREFIX gb: <https://w3id.org/graphbuild/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?key (COUNT(DISTINCT ?a) AS ?n1) (COUNT(DISTINCT ?negatedAssertion) AS ?n2)
               (COUNT(DISTINCT ?edge) AS ?n3) (COUNT(DISTINCT ?document) AS ?n4) WHERE {
          ?a a gb:RelationAssertion ; gb:relation ?key ; prov:wasDerivedFrom ?document .
          OPTIONAL { ?a gb:negated true . BIND (?a AS ?negatedAssertion) }
          OPTIONAL { ?edge gb:hasAssertion ?a }
        } GROUP BY ?key""", GB.summaryRelation,
        (GB.assertionTotal, GB.negatedAssertionTotal, GB.edgeTotal, GB.documentTotal)),
    GB.ResolutionMethodSummary: ("""
        PREFIX gb: <https://w3id.org/graphbuild/ontology#>
        SELECT ?key (COUNT(DISTINCT ?m) AS ?n1) (COUNT(DISTINCT ?actor) AS ?n2)
               (SUM(IF(BOUND(?actor), 0, 1)) AS ?n3) WHERE {
          ?m a gb:Mention ; gb:resolutionMethod ?key .
          OPTIONAL { ?m gb:mentionOf ?actor }
        } GROUP BY ?key""", GB.summaryResolutionMethod, (GB.mentionTotal, GB.actorTotal, GB.unresolvedMentionTotal)),
}


@pytest.mark.parametrize("cls", sorted(COUNTING_QUERIES))
def test_rdf_build_summaries_equal_counting_the_graph(graph: Graph, cls: URIRef) -> None:
    query, key, props = COUNTING_QUERIES[cls]
    counted = {tuple(row) for row in graph.query(query)}
    stored = {(graph.value(node, key), *(graph.value(node, p) for p in props))
              for node in graph.subjects(RDF.type, cls)}
    assert stored == counted and len(stored) > 3
    assert all(term.datatype == XSD.integer for row in stored for term in row[1:])
