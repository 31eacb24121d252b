"""The streaming writer (records -> N-Triples lines) against the reference, build_graph (records -> rdflib Graph)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graphbuild.analysis import analyze, to_networkx
from graphbuild.model import Relation
from graphbuild.rdf import build_graph
from graphbuild.rdf.from_records import write_metrics_to_rdf
from graphbuild.rdf.io import FORMATS, serialize, serialize_lines
from graphbuild.rdf.sample import sample_records
from graphbuild.rdf.stream import document_fragment, stream_graph
from tests.test_rdf_roundtrip import names, records_named

FORMAT_NAMES = sorted({name for name, _ in FORMATS.values()})


def _parsed(data: bytes) -> Graph:
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def assert_isomorphic(expected: Graph, got: Graph) -> None:
    """Isomorphic graphs, or the triples each one alone has (rdflib's GraphHelper way)."""
    if not isomorphic(expected, got):
        _, only_expected, only_got = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        pytest.fail(f"only in build_graph: {sorted(only_expected)[:5]}\nonly in the stream: {sorted(only_got)[:5]}")


def _with_metrics(records):
    articles, entities, mentions, relations = records
    analysis = analyze(to_networkx(entities, relations))
    graph = build_graph(*records)
    write_metrics_to_rdf(graph, analysis)
    return graph, stream_graph(*records, analysis)


def test_rdf_stream_sample_records_isomorphic_to_build_graph_with_metrics() -> None:
    graph, lines = _with_metrics(sample_records())
    assert_isomorphic(graph, _parsed(serialize_lines(lines, "nt")))
    assert len(lines.sorted_lines()) == len(graph)


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_rdf_stream_same_bytes_as_build_graph_in_every_format(fmt: str) -> None:
    graph, lines = _with_metrics(sample_records())
    assert serialize_lines(lines, fmt) == serialize(graph, fmt)


def test_rdf_stream_sample_corpus_build_isomorphic_to_build_graph(sample_build) -> None:
    records = sample_build.records
    parts = (records.articles, records.entities, records.mentions, records.relations)
    graph = build_graph(*parts)
    lines = stream_graph(*parts)
    assert_isomorphic(graph, _parsed(serialize_lines(lines, "nt")))
    assert serialize_lines(lines, "trig") == serialize(graph, "trig")  # one named graph per document, same bytes


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names, doc=names, speaker=names)
def test_rdf_stream_any_name_same_bytes_as_build_graph(name: str, doc: str, speaker: str) -> None:
    records = records_named(name, doc, speaker)  # quotes, controls, <>, unicode in ids, labels and literals
    graph, lines = build_graph(*records), stream_graph(*records)
    for fmt in FORMAT_NAMES:
        assert serialize_lines(lines, fmt) == serialize(graph, fmt), fmt


def test_rdf_stream_fragments_concatenate_in_any_order() -> None:
    articles, entities, mentions, relations = sample_records()
    expected = serialize_lines(stream_graph(articles, entities, mentions, relations), "trig")
    rng = random.Random(3)
    for _ in range(3):
        shuffled = [list(x) for x in (articles, mentions, relations)]
        for part in shuffled:
            rng.shuffle(part)
        again = stream_graph(shuffled[0], entities, shuffled[1], shuffled[2])
        assert serialize_lines(again, "trig") == expected


def test_rdf_stream_a_document_fragment_depends_on_its_own_records_only() -> None:
    articles, entities, mentions, relations = sample_records()
    whole = stream_graph(articles, entities, mentions, relations)
    for art in articles:
        alone = document_fragment(art, [m for m in mentions if m.doc_id == art.doc_id],
                                  [r for r in relations if r.doc_id == art.doc_id])
        assert list(alone.named) == sorted(whole.named[alone.doc])
        assert set(alone.default) <= set(whole.default)
        assert all(line.startswith(alone.doc + " ") for line in alone.default)


def test_rdf_stream_document_named_only_by_records_gets_a_bare_node() -> None:
    rel = Relation("d", "country/XYZ", "consult", "person/jane-doe", "s", 0, 1)
    assert_isomorphic(build_graph([], {}, [], [rel]), _parsed(serialize_lines(stream_graph([], {}, [], [rel]), "nt")))
