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

``--build CORPUS OUTPUT`` measures a real corpus instead: the records come from a build's extraction cache
(``graphbuild build CORPUS --out OUTPUT`` first; uncached documents are extracted), merged as the build merges
them, with the analysis metrics the build writes into the graph.

    python benchmarks/bench_serialise.py                    # ~1M triples (a few minutes: build_graph is slow)
    python benchmarks/bench_serialise.py --triples 100000
    python benchmarks/bench_serialise.py --build ../shared/corpus/bbc /tmp/bbc-out

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
    """Wall and CPU seconds of named steps, the least of ``repeat`` runs (the machine may be shared: CPU time is
    the steadier figure)."""

    def __init__(self, repeat: int = 1) -> None:
        self.repeat = repeat
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def __call__(self, label: str, fn, *, once: bool = False):
        self.wall[label] = self.cpu[label] = float("inf")
        for _ in range(1 if once else self.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            value = fn()
            self.wall[label] = min(self.wall[label], time.perf_counter() - t0)
            self.cpu[label] = min(self.cpu[label], time.process_time() - c0)
        print(f"{label:62s} {self.wall[label]:7.1f} s wall {self.cpu[label]:7.1f} s CPU", flush=True)
        return value

    def total(self, *labels: str) -> tuple[float, float]:
        return sum(self.wall[k] for k in labels), sum(self.cpu[k] for k in labels)


def built_records(corpus: Path, output: Path):
    """(articles, entities, mentions, relations, analysis) of a build, from its extraction cache."""
    from graphbuild.analysis import analyze, membership_facts, to_networkx
    from graphbuild.config import Config
    from graphbuild.orchestration.extract_corpus import run_extraction
    from graphbuild.orchestration.merge import merge_results

    config = Config(corpus=corpus, output=output)
    run = run_extraction(config)
    print(f"{run.summary.from_cache} documents from the cache, {run.summary.built} extracted", flush=True)
    records = merge_results(run.results, run.gazetteer, min_confidence=config.min_confidence)
    G = to_networkx(records.entities, records.relations, background=membership_facts(run.gazetteer, records.entities))
    return records.articles, records.entities, records.mentions, records.relations, analyze(G, seed=config.seed)


def main(argv: list[str] | None = None) -> int:
    from bench_sparql import synthetic_records

    from graphbuild.orchestration.cache import FragmentStore
    from graphbuild.rdf import build_graph
    from graphbuild.rdf.from_records import write_metrics_to_rdf
    from graphbuild.rdf.io import serialize, serialize_lines
    from graphbuild.rdf.stream import stream_graph

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000, help="approximate graph size (default 1,000,000)")
    ap.add_argument("--jsonld", action="store_true", help="also time JSON-LD from the stream")
    ap.add_argument("--build", nargs=2, type=Path, metavar=("CORPUS", "OUTPUT"),
                    help="measure the records of a build (its extraction cache) instead of the synthetic graph")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each stream step, the least reported (the rdflib path runs once; default 3)")
    args = ap.parse_args(argv)

    clock = Clock(args.repeat)
    if args.build:
        *records, analysis = built_records(*args.build)
    else:
        records, analysis = synthetic_records(args.triples), None

    def rdflib_graph():
        graph = build_graph(*records)
        if analysis is not None:
            write_metrics_to_rdf(graph, analysis)
        return graph

    graph = clock("rdflib path: build_graph (records -> rdflib Graph)", rdflib_graph, once=True)
    n_triples = len(graph)
    baseline = clock("rdflib path: Turtle (sorted lines -> pyoxigraph)", lambda: serialize(graph, "turtle"), once=True)
    del graph

    lines = clock("stream: stream_graph (records -> N-Triples lines)", lambda: stream_graph(*records, analysis))
    turtle = clock("stream: Turtle (same writer)", lambda: serialize_lines(lines, "turtle"))
    clock("stream: TriG (one named graph per document)", lambda: serialize_lines(lines, "trig"))
    clock("stream: N-Triples", lambda: serialize_lines(lines, "nt"))
    if args.jsonld:
        clock("stream: JSON-LD", lambda: serialize_lines(lines, "json-ld"), once=True)
    del lines

    with tempfile.TemporaryDirectory(prefix="bench-serialise-") as tmp:
        stores: list[FragmentStore] = []

        def first_build():
            stores.append(FragmentStore(Path(tmp) / str(len(stores))))  # an empty cache each run
            return stream_graph(*records, analysis, fragment=stores[-1].fragment)

        def rebuild():
            stores.append(FragmentStore(Path(tmp) / "0"))
            return stream_graph(*records, analysis, fragment=stores[-1].fragment)

        clock("first build: stream_graph, fragments made and stored", first_build)
        made = stores[0].made
        stores.clear()
        lines = clock("rebuild: stream_graph, fragments read from the store", rebuild)
        rebuilt = clock("rebuild: Turtle", lambda: serialize_lines(lines, "turtle"))
        print(f"fragments: {made} made, then {stores[-1].reused} reused and {stores[-1].made} made again; "
              f"problems: {sum(len(s.problems) for s in stores)}")

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
