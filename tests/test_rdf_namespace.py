"""The code's vocabulary (graphbuild.rdf.namespace.GB) is exactly the ontology's gb: terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef

from graphbuild.model import RELATION_TYPES, SYMMETRIC_RELATIONS
from graphbuild.rdf.namespace import GB, GB_IRI, ID_IRI, gb_terms, iri_for

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontologies" / "graphbuild.ttl"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def _declared(ontology: Graph) -> set[str]:
    return {
        str(s)[len(GB_IRI):]
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(GB_IRI)
    }


def test_rdf_namespace_terms_equal_ontology_terms(ontology: Graph) -> None:
    code_terms = set(gb_terms())
    declared = _declared(ontology)
    assert code_terms - declared == set(), "terms used in code but missing from ontologies/graphbuild.ttl"
    assert declared - code_terms == set(), "terms declared in the ontology but missing from namespace.GB"


def test_rdf_namespace_every_gb_iri_in_ontology_is_declared(ontology: Graph) -> None:
    used = {str(t) for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(GB_IRI)}
    assert {u[len(GB_IRI):] for u in used} <= _declared(ontology)


def test_rdf_namespace_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        GB.dependOn  # noqa: B018
    with pytest.raises(AttributeError):
        GB["dependOn"]


def test_rdf_namespace_relation_properties(ontology: Graph) -> None:
    for name in RELATION_TYPES:
        prop = GB[name]
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology
        assert ontology.value(prop, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) is not None
        assert ontology.value(prop, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) is not None
        assert ontology.value(prop, URIRef("http://www.w3.org/2000/01/rdf-schema#domain")) is not None
        assert ontology.value(prop, URIRef("http://www.w3.org/2000/01/rdf-schema#range")) is not None
        assert ((prop, RDF.type, OWL.SymmetricProperty) in ontology) == (name in SYMMETRIC_RELATIONS), name


@pytest.mark.parametrize(
    ("entity_id", "expected"),
    [
        ("country/BLR", "country/BLR"),
        ("person/andrei-porotnikov", "person/andrei-porotnikov"),
        ("person/José O'Neil", "person/Jos%C3%A9%20O%27Neil"),
        ('org/<"a">{b}|c^`\\', "org/%3C%22a%22%3E%7Bb%7D%7Cc%5E%60%5C"),
        ("x/\x00\n\t", "x/%00%0A%09"),
        ("a/../.", "a/%2E%2E/%2E"),
        ("q?x#y:z", "q%3Fx%23y%3Az"),
    ],
)
def test_rdf_namespace_iri_for_encodes_segments(entity_id: str, expected: str) -> None:
    assert str(iri_for(entity_id)) == ID_IRI + expected
