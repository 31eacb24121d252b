"""graphbuild serve under load: a fresh server process, 20 concurrent clients, mixed saved queries.

Loopback only, bounded in count (500 requests) and time (each request times out after 60 s).
The figures (p50/p95/p99) are printed; docs/PERFORMANCE.md records one run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuild.rdf import build_graph, write_graph
from graphbuild.rdf.saved import bind_saved_query, saved_queries
from tests.helpers import AGGREGATE, ask, records_of_200_articles, start_server, stop_server

CLIENTS = 20
PER_CLIENT = 25


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
