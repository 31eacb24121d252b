"""SHACL: the sample graph conforms; broken graphs give readable violations."""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal

from graphbuild.model import Relation
from graphbuild.rdf import build_graph, write_graph
from graphbuild.rdf.from_records import assertion_iri
from graphbuild.rdf.namespace import GB, iri_for
from graphbuild.rdf.sample import sample_records
from graphbuild.rdf.validate import validate, validate_graph


def test_rdf_validate_sample_graph_conforms(tmp_path: Path) -> None:
    write_graph(build_graph(*sample_records()), tmp_path / "graph.ttl")
    report = validate(tmp_path)
    assert report.conforms, report.text()
    assert report.errors == ()


def test_rdf_validate_reports_bad_modality_and_iso3() -> None:
    articles, entities, mentions, relations = sample_records()
    g = build_graph(articles, entities, mentions, relations)
    node = assertion_iri(relations[0])
    g.set((node, GB.modality, Literal("certain")))
    g.set((iri_for("country/BLR"), GB.iso3, Literal("by")))
    report = validate_graph(g)
    assert not report.conforms
    text = report.text()
    assert "gb:modality must be one of asserted, desired, future, hypothetical, reported" in text
    assert "id:country/BLR gb:iso3: gb:iso3 must be three capital letters (value by)" in text


def test_rdf_validate_leader_of_non_person_is_a_warning_only() -> None:
    rel = Relation("d", "country/BLR", "leaderOf", "country/RUS", "s", 0, 1)
    report = validate_graph(build_graph([], {}, [], [rel]))
    assert report.conforms
    assert any("gb:leaderOf is not a gb:Person" in w.message for w in report.warnings)


def test_rdf_validate_shapes_closed_lists_equal_the_model_vocabularies() -> None:
    # The shapes repeat the model's vocabularies in sh:in lists; a value added to the model (the resolution method
    # "anaphora") must be added to every list, or graphs with it stop conforming.
    from rdflib import Graph
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    from graphbuild import resources
    from graphbuild.model import RELATION_TYPES, RESOLUTION_METHODS

    shapes = Graph().parse(resources.data_path(resources.SHAPES), format="turtle")
    expected = {GB.resolutionMethod: {str(m) for m in RESOLUTION_METHODS},
                GB.summaryResolutionMethod: {str(m) for m in RESOLUTION_METHODS},
                GB.relation: {str(GB[r]) for r in RELATION_TYPES}, GB.summaryRelation: {str(GB[r]) for r in RELATION_TYPES}}
    seen = set()
    for prop_shape, path in shapes.subject_objects(SH.path):
        values = shapes.value(prop_shape, SH["in"])
        if path in expected and values is not None:
            assert {str(v) for v in Collection(shapes, values)} == expected[path], path
            seen.add(path)
    assert seen == set(expected)
