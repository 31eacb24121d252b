"""Queries never reach the network or the file system: a loopback HTTP server must receive nothing."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuild.errors import GraphbuildError, QueryError
from graphbuild.rdf import build_graph, load_graph, write_graph
from graphbuild.rdf.query import run_query, select
from graphbuild.rdf.sample import sample_records
from graphbuild.rdf.serve import serve_in_thread


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def _any(self) -> None:
        type(self).hits.append(f"{self.command} {self.path}")
        body = b'<urn:leak> <urn:leak> "LEAKED" .'
        self.send_response(200)
        self.send_header("Content-Type", "text/turtle")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _any

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def trap() -> Iterator[str]:
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("safe")
    write_graph(build_graph(*sample_records()), out / "graph.ttl")
    (out / "secret.ttl").write_text('<urn:secret> <urn:secret> "TOP SECRET" .\n', encoding="utf-8")
    return out


def _attacks(trap: str, secret: Path) -> list[str]:
    file_iri = secret.resolve().as_uri()
    return [
        f"SELECT * WHERE {{ SERVICE <{trap}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{trap}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z . OPTIONAL {{ SERVICE <{trap}/x> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ BIND(<{trap}/s> AS ?svc) SERVICE ?svc {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{trap}/escaped> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{trap}/from> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{trap}/named> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{file_iri}> WHERE {{ ?s ?p ?o }}",
        f"ASK FROM <{file_iri}> {{ ?s ?p \"TOP SECRET\" }}",
        f"LOAD <{trap}/load>",
        f"LOAD <{file_iri}> INTO GRAPH <urn:g>",
        f"PREFIX x: <urn:x>\nLOAD SILENT <{trap}/load2>",
        "CLEAR ALL",
        "DROP ALL",
        "CREATE GRAPH <urn:g>",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "# comment\nWITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_safety_attacks_refused_and_nothing_fetched(trap: str, out_dir: Path, engine: str) -> None:
    for query in _attacks(trap, out_dir / "secret.ttl"):
        with pytest.raises(QueryError) as err:
            select(query, out_dir, engine=engine)
        assert "Traceback" not in str(err.value)
    assert _Recorder.hits == []


def test_query_safety_messages() -> None:
    with pytest.raises(QueryError, match="SERVICE .federated query. is not allowed"):
        select("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "unused")
    with pytest.raises(QueryError, match="FROM / FROM NAMED are not allowed"):
        select("SELECT * FROM <http://127.0.0.1:9/> WHERE { ?s ?p ?o }", "unused")
    with pytest.raises(QueryError, match=r"updates are not allowed \(LOAD\)"):
        select("LOAD <http://127.0.0.1:9/>", "unused")


def test_query_safety_word_service_in_string_is_refused_conservatively(out_dir: Path) -> None:
    with pytest.raises(QueryError, match="the word SERVICE is not allowed"):
        select('SELECT * WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), "service")) }', out_dir)
    assert select('SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "servic[e]")) }', out_dir).rows == ()


def test_query_safety_jsonld_remote_context_not_fetched(trap: str, tmp_path: Path) -> None:
    doc = {"@context": f"{trap}/context.jsonld", "@id": "urn:a", "name": "x"}
    (tmp_path / "graph.jsonld").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(GraphbuildError, match="remote JSON-LD context"):
        load_graph(tmp_path / "graph.jsonld")
    for engine in ("oxigraph", "rdflib"):
        with pytest.raises(GraphbuildError, match="remote JSON-LD context"):
            run_query("ASK { ?s ?p ?o }", tmp_path, engine=engine)
    nested = {"@context": [{"ex": "urn:ex:"}, {"@import": f"{trap}/imported.jsonld"}], "@id": "urn:a"}
    (tmp_path / "graph.jsonld").write_text(json.dumps(nested), encoding="utf-8")
    with pytest.raises(GraphbuildError, match="remote JSON-LD context"):
        load_graph(tmp_path / "graph.jsonld")
    assert _Recorder.hits == []


def test_query_safety_endpoint_refuses_service(trap: str, out_dir: Path) -> None:
    server, _ = serve_in_thread(out_dir)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        for query in _attacks(trap, out_dir / "secret.ttl"):
            req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(), method="POST")
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(req, timeout=10)
            assert err.value.code in (400, 405)
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.hits == []
