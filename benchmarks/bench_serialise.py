"""Benchmark: writing the ~1M-triple synthetic graph (benchmarks/bench_sparql.py) as Turtle and N-Triples.

Compares, in one process on the same graph:

* ``build_graph`` (records -> rdflib Graph), the fixed cost before any writer;
* the Python Turtle writer (``to_turtle_python``: sorted subjects/predicates/objects, our own escaping);
* the path graphbuild uses now (``to_turtle``): sorted N-Triples lines (each distinct term escaped once), parsed
  and serialised as Turtle by pyoxigraph in the order given (deterministic);
* N-Triples: the old writer (escaping every term of every triple) and ``to_ntriples`` now;
* pyoxigraph bulk-loading the N-Triples into an in-memory Store and dumping Turtle (fast, but in the store's
  internal order, not sorted: not used for the output files).

    python benchmarks/bench_serialise.py                    # ~1M triples (several minutes)
    python benchmarks/bench_serialise.py --triples 100000

Prints seconds and ratios of one run. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def _timed(label: str, fn, results: dict[str, float]):
    t0 = time.perf_counter()
    value = fn()
    results[label] = time.perf_counter() - t0
    print(f"{label:58s} {results[label]:7.1f} s", flush=True)
    return value


def _old_ntriples(graph) -> str:
    """The N-Triples writer before term memoisation (every term escaped for every triple)."""
    from graphbuild.rdf.io import _Writer

    w = _Writer(compact=False)
    return "".join(sorted(f"{w.term(s)} {w.term(p)} {w.term(o)} .\n" for s, p, o in graph))


def main(argv: list[str] | None = None) -> int:
    import pyoxigraph as ox
    from bench_sparql import synthetic_records

    from graphbuild.rdf import build_graph
    from graphbuild.rdf.io import to_ntriples, to_turtle, to_turtle_python
    from graphbuild.rdf.namespace import PREFIXES

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000, help="approximate graph size (default 1,000,000)")
    args = ap.parse_args(argv)

    r: dict[str, float] = {}
    records = synthetic_records(args.triples)
    graph = _timed("build_graph (records -> rdflib Graph)", lambda: build_graph(*records), r)
    print(f"graph: {len(graph):,} triples", flush=True)
    python_ttl = _timed("Turtle, Python writer (to_turtle_python)", lambda: to_turtle_python(graph), r)
    ox_ttl = _timed("Turtle, sorted N-Triples -> pyoxigraph (to_turtle)", lambda: to_turtle(graph), r)
    old_nt = _timed("N-Triples, old writer", lambda: _old_ntriples(graph), r)
    nt = _timed("N-Triples, to_ntriples (terms escaped once)", lambda: to_ntriples(graph), r)
    assert nt == old_nt, "the N-Triples writers disagree"

    def store_dump() -> bytes:
        store = ox.Store()
        store.bulk_load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)

    _timed("pyoxigraph Store bulk_load N-Triples + dump Turtle", store_dump, r)
    same = set(ox.parse(ox_ttl.encode(), format=ox.RdfFormat.TURTLE)) == set(
        ox.parse(python_ttl.encode(), format=ox.RdfFormat.TURTLE))
    again = hashlib.sha256(to_turtle(graph).encode()).hexdigest() == hashlib.sha256(ox_ttl.encode()).hexdigest()
    print(f"Turtle: same triples as the Python writer: {same}; same bytes when written again: {again}")
    t_py = r["Turtle, Python writer (to_turtle_python)"]
    t_ox = r["Turtle, sorted N-Triples -> pyoxigraph (to_turtle)"]
    t_build = r["build_graph (records -> rdflib Graph)"]
    print(f"Turtle writer: {t_py / t_ox:.2f}x; build_graph + Turtle: {(t_build + t_py) / (t_build + t_ox):.2f}x; "
          f"N-Triples writer: {r['N-Triples, old writer'] / r['N-Triples, to_ntriples (terms escaped once)']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
