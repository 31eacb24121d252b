"""write_graph / load_graph: every format parses in rdflib and pyoxigraph to the same triples; same bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from graphbuild.errors import GraphbuildError
from graphbuild.rdf import build_graph, load_graph, write_graph
from graphbuild.rdf.io import serialize
from graphbuild.rdf.sample import sample_records

FORMATS = {"turtle": (".ttl", ox.RdfFormat.TURTLE), "trig": (".trig", ox.RdfFormat.TRIG),
           "nt": (".nt", ox.RdfFormat.N_TRIPLES), "nquads": (".nq", ox.RdfFormat.N_QUADS), "json-ld": (".jsonld", ox.RdfFormat.JSON_LD)}


def _nt(term: object) -> str:
    """pyoxigraph term -> N-Triples text comparable to rdflib's n3()."""
    return str(term)


def oxigraph_triples(data: bytes, fmt: ox.RdfFormat) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(data, format=fmt)}


def rdflib_triples(g: Graph) -> set[tuple[str, str, str]]:
    # Compare through N-Triples written by our writer, re-parsed by pyoxigraph: one canonical text form.
    return oxigraph_triples(serialize(g, "nt"), ox.RdfFormat.N_TRIPLES)


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph(*sample_records())


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdf_io_roundtrip_rdflib_and_oxigraph(graph: Graph, fmt: str, tmp_path: Path) -> None:
    suffix, oxfmt = FORMATS[fmt]
    path = tmp_path / f"graph{suffix}"
    write_graph(graph, path, fmt)
    reloaded = load_graph(path)
    assert set(reloaded) == set(graph)
    ox_triples = oxigraph_triples(path.read_bytes(), oxfmt)
    assert len(ox_triples) == len(graph) == len(reloaded)
    assert ox_triples == rdflib_triples(graph)


def test_rdf_io_trig_one_named_graph_per_document(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.trig"
    write_graph(graph, path, "trig")
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
    names = {str(q.graph_name) for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert names == {"<https://w3id.org/graphbuild/id/doc/belarus-balance>",
                     "<https://w3id.org/graphbuild/id/doc/news/sanctions>", "<https://w3id.org/graphbuild/id/doc/talks>"}
    default = [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    assert any("Belarus" in str(q.object) for q in default)  # actors in the default graph


def test_rdf_io_nquads_has_the_named_graphs_of_trig(graph: Graph, tmp_path: Path) -> None:
    write_graph(graph, tmp_path / "graph.trig", "trig")
    write_graph(graph, tmp_path / "graph.nq", "nquads")
    trig = {str(q) for q in ox.parse(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG)}
    lines = (tmp_path / "graph.nq").read_text(encoding="utf-8").splitlines()
    assert {str(q) for q in ox.parse(path=str(tmp_path / "graph.nq"), format=ox.RdfFormat.N_QUADS)} == trig
    assert lines == sorted(set(lines))  # sorted, each quad once: a pure function of the dataset
    assert any(line.endswith("<https://w3id.org/graphbuild/id/doc/talks> .") for line in lines)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdf_io_same_bytes_across_processes(fmt: str, tmp_path: Path) -> None:
    script = (
        "import sys; from graphbuild.rdf import build_graph; from graphbuild.rdf.io import serialize;"
        "from graphbuild.rdf.sample import sample_records;"
        f"sys.stdout.buffer.write(serialize(build_graph(*sample_records()), {fmt!r}))"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outputs.add(subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True).stdout)
    assert len(outputs) == 1


def test_rdf_io_write_is_atomic_and_leaves_no_temp_files(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "out" / "graph.ttl"
    write_graph(graph, path)
    write_graph(graph, path)
    assert [p.name for p in path.parent.iterdir()] == ["graph.ttl"]


def test_rdf_io_unknown_format(graph: Graph, tmp_path: Path) -> None:
    with pytest.raises(GraphbuildError, match="unknown RDF format 'xml'"):
        write_graph(graph, tmp_path / "g.xml", "xml")


def test_rdf_io_load_directory_reads_graph_ttl(graph: Graph, tmp_path: Path) -> None:
    write_graph(graph, tmp_path / "graph.ttl")
    assert len(load_graph(tmp_path)) == len(graph)


def test_rdf_io_load_missing_and_bad_files(tmp_path: Path) -> None:
    with pytest.raises(GraphbuildError, match="graph file not found"):
        load_graph(tmp_path / "nope.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(GraphbuildError, match="bad.ttl: cannot parse as turtle"):
        load_graph(bad)


def test_rdf_io_jsonld_remote_context_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonld"
    path.write_text('{"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "http://x/a", "http://x/p": 1}')
    with pytest.raises(GraphbuildError, match="remote JSON-LD context"):
        load_graph(path)
