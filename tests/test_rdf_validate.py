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
