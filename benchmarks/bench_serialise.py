"""Benchmark: writing the ~1M-triple synthetic graph (benchmarks/bench_sparql.py), the rdflib path vs the stream.

Compares, in one process on the same records:

* the rdflib path (graphbuild's writer until issue 15, the baseline): ``build_graph`` (records -> rdflib
  Graph), then the graph's sorted N-Triples lines -> pyoxigraph -> Turtle;
* the streaming path the build uses now: ``stream_graph`` (records -> N-Triples lines, no rdflib Graph) ->
  the same Turtle writer; on a first build, where every document's fragment is made and stored in a
  :class:`~graphbuild.orchestration.cache.FragmentStore`, and on a rebuild, where the fragments are read back
  (MAC-checked) and only the corpus-level lines (actors, aggregated edges, summaries) are made again;
* the other formats from the stream (TriG, N-Triples; JSON-LD with ``--jsonld``, slow: Python's JSON encoder
  with indentation).

Every path must give the same Turtle bytes (checked). Prints wall and CPU seconds and the ratios of one run.

    python benchmarks/bench_serialise.py                    # ~1M triples (a few minutes: build_graph is slow)
    python benchmarks/bench_serialise.py --triples 100000

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


class Clock:
    """Wall and CPU seconds of named steps (the machine may be shared: CPU time is the steadier figure)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def __call__(self, label: str, fn):
        t0, c0 = time.perf_counter(), time.process_time()
        value = fn()
        self.wall[label], self.cpu[label] = time.perf_counter() - t0, time.process_time() - c0
        print(f"{label:62s} {self.wall[label]:7.1f} s wall {self.cpu[label]:7.1f} s CPU", flush=True)
        return value

    def total(self, *labels: str) -> tuple[float, float]:
        return sum(self.wall[k] for k in labels), sum(self.cpu[k] for k in labels)


def main(argv: list[str] | None = None) -> int:
    from bench_sparql import synthetic_records

    from graphbuild.orchestration.cache import FragmentStore
    from graphbuild.rdf import build_graph
    from graphbuild.rdf.io import serialize, serialize_lines
    from graphbuild.rdf.stream import stream_graph

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000, help="approximate graph size (default 1,000,000)")
    ap.add_argument("--jsonld", action="store_true", help="also time JSON-LD from the stream")
    args = ap.parse_args(argv)

    clock = Clock()
    records = synthetic_records(args.triples)
    graph = clock("rdflib path: build_graph (records -> rdflib Graph)", lambda: build_graph(*records))
    n_triples = len(graph)
    baseline = clock("rdflib path: Turtle (sorted lines -> pyoxigraph)", lambda: serialize(graph, "turtle"))
    del graph

    lines = clock("stream: stream_graph (records -> N-Triples lines)", lambda: stream_graph(*records))
    turtle = clock("stream: Turtle (same writer)", lambda: serialize_lines(lines, "turtle"))
    clock("stream: TriG (one named graph per document)", lambda: serialize_lines(lines, "trig"))
    clock("stream: N-Triples", lambda: serialize_lines(lines, "nt"))
    if args.jsonld:
        clock("stream: JSON-LD", lambda: serialize_lines(lines, "json-ld"))
    del lines

    with tempfile.TemporaryDirectory(prefix="bench-serialise-") as tmp:
        first = FragmentStore(tmp)
        lines = clock("first build: stream_graph, fragments made and stored",
                      lambda: stream_graph(*records, fragment=first.fragment))
        del lines
        again = FragmentStore(tmp)
        lines = clock("rebuild: stream_graph, fragments read from the store",
                      lambda: stream_graph(*records, fragment=again.fragment))
        rebuilt = clock("rebuild: Turtle", lambda: serialize_lines(lines, "turtle"))
        print(f"fragments: {first.made} made, then {again.reused} reused and {again.made} made again; "
              f"problems: {len(first.problems) + len(again.problems)}")

    same = baseline == turtle == rebuilt
    print(f"graph: {n_triples:,} triples; Turtle {len(turtle) / 1e6:.1f} MB, identical on every path: {same}; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    old_wall, old_cpu = clock.total("rdflib path: build_graph (records -> rdflib Graph)",
                                    "rdflib path: Turtle (sorted lines -> pyoxigraph)")
    new_wall, new_cpu = clock.total("stream: stream_graph (records -> N-Triples lines)", "stream: Turtle (same writer)")
    re_wall, re_cpu = clock.total("rebuild: stream_graph, fragments read from the store", "rebuild: Turtle")
    print(f"records -> Turtle: rdflib path {old_wall:.1f} s wall / {old_cpu:.1f} s CPU; "
          f"stream {new_wall:.1f} s / {new_cpu:.1f} s: {old_wall / new_wall:.1f}x wall, {old_cpu / new_cpu:.1f}x CPU; "
          f"rebuild from cached fragments {re_wall:.1f} s / {re_cpu:.1f} s: "
          f"{old_wall / re_wall:.1f}x wall, {old_cpu / re_cpu:.1f}x CPU")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
