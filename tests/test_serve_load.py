"""graphbuild serve under load: a fresh server process, 20 concurrent clients, mixed saved queries.

Loopback only, bounded in count (500 requests) and time (each request times out after 60 s).
The figures (p50/p95/p99) are printed; docs/PERFORMANCE.md records one run.
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuild.model import Article, Entity, Mention, Relation
from graphbuild.rdf import build_graph, write_graph
from graphbuild.rdf.saved import bind_saved_query, saved_queries

AGGREGATE = "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(?n) LIMIT 10"
CLIENTS = 20
PER_CLIENT = 25
_RELATIONS = ("consult", "cooperate", "sanction", "aid", "accuse", "threaten", "memberOf", "dependsOn", "fight")


def records_of_200_articles(seed: int = 0):
    """A synthetic build of 200 articles, 60 actors and about 2,000 relation assertions."""
    rng = random.Random(seed)
    entities = {f"country/C{i:02d}": Entity(f"country/C{i:02d}", f"Country {i}", "Country", None, f"C{i:02d}")
                for i in range(40)}
    entities["country/BLR"] = Entity("country/BLR", "Belarus", "Country", "Q184", "BLR")
    entities.update({f"org/org-{i}": Entity(f"org/org-{i}", f"Organisation {i}", "Organization") for i in range(20)})
    ids = sorted(entities)
    articles, mentions, relations = [], [], []
    for d in range(200):
        doc = f"article-{d:03d}"
        articles.append(Article(doc, "", title=f"Article {d}", date=f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}"))
        for k in range(10):
            s, o = rng.sample(ids, 2)
            rel = rng.choice(_RELATIONS)
            if rel == "memberOf":
                o = rng.choice([i for i in ids if i.startswith("org/")])
            sentence = f"{entities[s].label} and {entities[o].label} ({rel})."
            start = k * 100
            relations.append(Relation(doc, s, rel, o, sentence, start, start + len(sentence),
                                      confidence=round(rng.random(), 2), method="synthetic"))
            mentions.append(Mention(doc, start, start + len(entities[s].label), entities[s].label, s, "exact"))
    return articles, entities, mentions, relations


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(graph_dir: Path, *extra: str, log: Path | None = None) -> tuple[subprocess.Popen, str]:
    """``graphbuild serve`` as a separate process on a free loopback port; returns (process, endpoint URL).

    Its output goes to a file (a pipe nobody reads would fill up and block the server's log lines).
    """
    port = free_port()
    log = log or graph_dir / f"serve-{port}.log"
    with open(log, "w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "graphbuild", "serve", "--graph", str(graph_dir), "--port", str(port), *extra],
            stdout=sink, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 120
    while "SPARQL endpoint" not in log.read_text() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if "SPARQL endpoint" not in log.read_text():
        proc.kill()
        proc.wait(timeout=10)
        raise AssertionError(f"graphbuild serve did not start: {log.read_text()}")
    return proc, f"http://127.0.0.1:{port}/sparql"


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def ask(endpoint: str, query: str, timeout: float = 60.0) -> tuple[int, bytes]:
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.fixture(scope="module")
def graph_200(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("load")
    write_graph(build_graph(*records_of_200_articles()), out / "graph.ttl")
    return out


@pytest.fixture()
def fresh_server(graph_200: Path) -> Iterator[str]:
    proc, endpoint = start_server(graph_200)
    try:
        yield endpoint
    finally:
        stop_server(proc)


def mixed_queries() -> list[str]:
    """The aggregate of the issue plus every saved query with its default parameters."""
    return [AGGREGATE] + [bind_saved_query(q, None) for _, q in sorted(saved_queries().items())]


def test_serve_load_twenty_concurrent_clients_no_errors(fresh_server: str) -> None:
    queries = mixed_queries()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(CLIENTS)

    def client(n: int) -> None:
        barrier.wait()  # every client's first request is the aggregate, all at once
        for i in range(PER_CLIENT):
            query = AGGREGATE if i == 0 else queries[(n + i) % len(queries)]
            t0 = time.perf_counter()
            try:
                status, body = ask(fresh_server, query)
            except OSError as exc:
                status, body = -1, str(exc).encode()
            with lock:
                latencies.append(time.perf_counter() - t0)
                if status != 200:
                    errors.append(f"{status}: {body[:200]!r}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not any(t.is_alive() for t in threads), "clients still running after 600 s"
    assert len(latencies) == CLIENTS * PER_CLIENT
    assert errors == [], f"{len(errors)} of {len(latencies)} requests failed, e.g. {errors[:3]}"
    # Aggregate queries still answer afterwards.
    status, body = ask(fresh_server, AGGREGATE)
    assert status == 200 and b'"n"' in body
    ordered = sorted(latencies)
    pct = {p: ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] for p in (50, 95, 99)}
    print(f"\nload: {len(latencies)} requests, {len(errors)} errors, "
          + ", ".join(f"p{p} {v * 1000:.0f} ms" for p, v in pct.items()))
