"""graphbuild serve: a read-only SPARQL 1.1 Protocol endpoint, exercised with SPARQLWrapper."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuild.errors import GraphbuildError
from graphbuild.rdf import build_graph, write_graph
from graphbuild.rdf.sample import sample_records
from graphbuild.rdf.serve import make_server, serve_in_thread

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

Q = """PREFIX gb: <https://w3id.org/graphbuild/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?orgLabel WHERE { ?x rdfs:label "Belarus" ; gb:memberOf ?org . ?org rdfs:label ?orgLabel } ORDER BY ?orgLabel"""


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("serve")
    write_graph(build_graph(*sample_records()), out / "graph.ttl")
    server, _ = serve_in_thread(out)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/sparql"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_serve_select_json_with_sparqlwrapper(endpoint: str, method: str) -> None:
    from SPARQLWrapper import JSON, POST, GET, SPARQLWrapper as SW

    sw = SW(endpoint)
    sw.setQuery(Q)
    sw.setMethod(POST if method == "POST" else GET)
    sw.setReturnFormat(JSON)
    data = sw.query().convert()
    assert [b["orgLabel"]["value"] for b in data["results"]["bindings"]] == [
        "Collective Security Treaty Organization", "Eurasian Economic Union"]


def test_serve_xml_csv_and_ask(endpoint: str) -> None:
    from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper as SW

    sw = SW(endpoint)
    sw.setQuery(Q)
    sw.setReturnFormat(XML)
    doc = sw.query().convert()
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == [
        "Collective Security Treaty Organization", "Eurasian Economic Union"]
    sw.setReturnFormat(CSV)
    assert sw.query().convert().decode("utf-8").splitlines()[0] == "orgLabel"
    sw.setQuery("ASK { ?s ?p ?o }")
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["boolean"] is True


def test_serve_sparql_query_body(endpoint: str) -> None:
    req = urllib.request.Request(endpoint, data=Q.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.headers["Content-Type"].startswith("text/csv")
        assert "Eurasian Economic Union" in resp.read().decode("utf-8")


@pytest.mark.parametrize(
    ("data", "ctype", "status"),
    [
        ("update=" + urllib.parse.quote("INSERT DATA { <urn:a> <urn:b> <urn:c> }"), "application/x-www-form-urlencoded", 405),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update", 405),
        ("query=" + urllib.parse.quote("DROP ALL"), "application/x-www-form-urlencoded", 400),
        ("query=" + urllib.parse.quote("SELEC ?x"), "application/x-www-form-urlencoded", 400),
    ],
)
def test_serve_refuses_updates_and_bad_queries(endpoint: str, data: str, ctype: str, status: int) -> None:
    req = urllib.request.Request(endpoint, data=data.encode("utf-8"), method="POST", headers={"Content-Type": ctype})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == status


def test_serve_update_through_sparqlwrapper_fails(endpoint: str) -> None:
    from SPARQLWrapper import POST, SPARQLWrapper as SW

    sw = SW(endpoint)
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(Exception):
        sw.query()
    sw2 = SW(endpoint)
    sw2.setQuery("ASK { <urn:a> <urn:b> <urn:c> }")
    sw2.setReturnFormat("json")
    assert sw2.query().convert()["boolean"] is False


def test_serve_refuses_non_loopback_host(tmp_path: Path) -> None:
    write_graph(build_graph(*sample_records()), tmp_path / "graph.ttl")
    with pytest.raises(GraphbuildError, match="binds to localhost only"):
        make_server(tmp_path, host="0.0.0.0", port=0)
