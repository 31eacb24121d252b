"""graphbuild serve against a hostile web page and runaway queries (issue 14, item 7).

A separate `graphbuild serve` process on a free loopback port, with a 2 s query time limit and
a 50-row cap, so that nothing here waits on the 30 s default.
"""

from __future__ import annotations

import http.client
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuild.rdf import build_graph, write_graph
from graphbuild.rdf.sample import sample_records
from tests.helpers import start_server, stop_server

CROSS4 = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ASK = "ASK { ?s ?p ?o }"
LIMIT_S = 2.0


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("limits")
    write_graph(build_graph(*sample_records()), out / "graph.ttl")
    return out


@pytest.fixture(scope="module")
def server(graph_dir: Path) -> Iterator[tuple[str, int]]:
    proc, endpoint = start_server(graph_dir, "--timeout", str(LIMIT_S), "--max-rows", "50",
                                  "--allow-origin", "http://localhost:8000")
    try:
        yield "127.0.0.1", urllib.parse.urlsplit(endpoint).port  # type: ignore[misc]
    finally:
        stop_server(proc)


def request(server: tuple[str, int], method: str, path: str, headers: dict[str, str] | None = None,
            body: bytes | None = None, timeout: float = 30.0) -> tuple[int, str]:
    """One raw HTTP request (http.client sends exactly the headers given, Host included)."""
    conn = http.client.HTTPConnection(*server, timeout=timeout)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in (headers or {"Host": f"127.0.0.1:{server[1]}"}).items():
            conn.putheader(name, value)
        conn.endheaders(body)
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


def get(server: tuple[str, int], query: str, **headers: str) -> tuple[int, str]:
    hdrs = {"Host": f"127.0.0.1:{server[1]}", **{k.replace("_", "-"): v for k, v in headers.items()}}
    return request(server, "GET", "/sparql?" + urllib.parse.urlencode({"query": query}), hdrs)


@pytest.mark.parametrize("host", ["rebind.attacker.example", "rebind.attacker.example:7878", "10.0.0.5"])
def test_serve_limits_refuses_a_rebound_host_name(server: tuple[str, int], host: str) -> None:
    status, body = get(server, ASK, Host=host)
    assert status == 403, body
    assert "rebinding" in body
    assert "true" not in body


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_serve_limits_accepts_loopback_host_names(server: tuple[str, int], host: str) -> None:
    status, body = get(server, ASK, Host=f"{host}:{server[1]}")
    assert (status, body.strip()) == (200, '{"head": {}, "boolean": true}')


def test_serve_limits_refuses_missing_or_doubled_host(server: tuple[str, int]) -> None:
    assert request(server, "GET", "/sparql?query=ASK%7B%7D", {"Accept": "*/*"})[0] == 400
    doubled = {"Host": f"127.0.0.1:{server[1]}"}
    conn = http.client.HTTPConnection(*server, timeout=30)
    conn.putrequest("GET", "/sparql?query=ASK%7B%7D", skip_host=True)
    conn.putheader("Host", doubled["Host"])
    conn.putheader("Host", "rebind.attacker.example")
    conn.endheaders()
    assert conn.getresponse().status == 400
    conn.close()


@pytest.mark.parametrize("origin", ["http://rebind.attacker.example", "null", "http://localhost:9999"])
def test_serve_limits_refuses_cross_origin_requests(server: tuple[str, int], origin: str) -> None:
    status, body = get(server, ASK, Origin=origin)
    assert status == 403 and "cross-origin" in body


@pytest.mark.parametrize("origin", ["own", "http://localhost:8000"])
def test_serve_limits_accepts_own_and_configured_origins(server: tuple[str, int], origin: str) -> None:
    origin = f"http://127.0.0.1:{server[1]}" if origin == "own" else origin
    assert get(server, ASK, Origin=origin)[0] == 200


@pytest.mark.parametrize("length", ["abc", "-1", "+5", "1e3", " ", "0x10"])
def test_serve_limits_malformed_content_length_is_400(server: tuple[str, int], length: str) -> None:
    status, body = request(server, "POST", "/sparql", {
        "Host": f"127.0.0.1:{server[1]}", "Content-Type": "application/sparql-query", "Content-Length": length},
        b"ASK { ?s ?p ?o }")
    assert status == 400, body
    assert "Content-Length" in body


def test_serve_limits_oversized_and_chunked_bodies_are_refused_unread(server: tuple[str, int]) -> None:
    host = {"Host": f"127.0.0.1:{server[1]}", "Content-Type": "application/sparql-query"}
    # A claimed 300 MB body is refused before a byte of it is read (we send none).
    assert request(server, "POST", "/sparql", {**host, "Content-Length": str(300_000_000)})[0] == 413
    status, _ = request(server, "POST", "/sparql", {**host, "Transfer-Encoding": "chunked"}, b"0\r\n\r\n")
    assert status == 400
    # The server still answers.
    assert get(server, ASK)[0] == 200


def test_serve_limits_cross_product_is_cut_off_and_next_request_answered(server: tuple[str, int]) -> None:
    t0 = time.monotonic()
    status, body = get(server, CROSS4)
    elapsed = time.monotonic() - t0
    assert status == 503, body
    assert "cut off" in body
    assert elapsed < LIMIT_S + 15, f"cut off only after {elapsed:.1f} s"
    t0 = time.monotonic()
    assert get(server, ASK)[0] == 200
    status, body = get(server, "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(?n) LIMIT 3")
    assert status == 200 and '"n"' in body


def test_serve_limits_row_cap_is_a_clear_400(server: tuple[str, int]) -> None:
    status, body = get(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 400, body
    assert "more than 50 rows" in body
    assert get(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 50")[0] == 200


def test_serve_limits_query_command_time_and_row_limits(graph_dir: Path) -> None:
    cmd = [sys.executable, "-m", "graphbuild", "query", "--graph", str(graph_dir)]
    t0 = time.monotonic()
    proc = subprocess.run(cmd + [CROSS4, "--timeout", "2"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("Error: query cut off after 2 s (the time limit); make it more selective "
                                   "or raise the limit with --timeout")
    assert time.monotonic() - t0 < 60
    proc = subprocess.run(cmd + ["SELECT * WHERE { ?s ?p ?o }", "--max-rows", "5"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1
    assert "more than 5 rows" in proc.stderr and "Traceback" not in proc.stderr
