"""Benchmark: the saved SPARQL queries on pyoxigraph (on-disk store) vs rdflib (in memory).

Builds a synthetic graph of about 1,000,000 triples shaped like graphbuild's own (actors,
documents, mentions, relation assertions with evidence, aggregated edges, direct triples,
summaries) with :func:`graphbuild.rdf.stream.stream_graph` (the build's writer), writes it as
N-Triples, then times
every saved query (``queries/*.rq``, default parameters rebound to actors that exist) on
both engines in one run, checks that both return the same rows, prints a table with the
ratios and writes it to the "## SPARQL" section of docs/PERFORMANCE.md.

    python benchmarks/bench_sparql.py                 # ~1M triples (a few minutes)
    python benchmarks/bench_sparql.py --triples 100000 --no-write
    python benchmarks/bench_sparql.py --baseline-rev 7115cf6   # also time that revision's queries/*.rq

With ``--baseline-rev``, each saved query as it was at that git revision is timed on the same store in the
same run (same rows required), so a rewrite's before/after figures share the machine's load.

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graphbuild.model import RELATION_TYPES, RESOLUTION_METHODS, Article, Entity, Mention, Relation  # noqa: E402

#: Triples per unit, measured on the output of build_graph (used to size the world).
_TRIPLES_PER_RELATION = 28.0
_MENTIONS_PER_RELATION = 2
_TRIPLES_PER_MENTION = 8


def synthetic_records(target_triples: int = 1_000_000, seed: int = 0):
    """(articles, entities, mentions, relations) whose graph has about ``target_triples`` triples."""
    rng = random.Random(seed)
    n_rel = int(target_triples / (_TRIPLES_PER_RELATION + _MENTIONS_PER_RELATION * _TRIPLES_PER_MENTION))
    n_docs = max(10, n_rel // 12)
    n_countries, n_orgs, n_people = 200, 300, max(100, n_rel // 40)
    entities: dict[str, Entity] = {}
    for i in range(n_countries):
        code = f"C{i:02d}" if i else "BLR"
        label = "Belarus" if i == 0 else ("Russia" if i == 1 else ("Ukraine" if i == 2 else f"Country {i}"))
        eid = f"country/{code}" if i > 2 else {0: "country/BLR", 1: "country/RUS", 2: "country/UKR"}[i]
        entities[eid] = Entity(eid, label, "Country", f"Q{1000 + i}", eid.split("/")[1], (f"{label} alias",))
    for i in range(n_orgs):
        eid = "org/NATO" if i == 0 else f"org/org-{i}"
        entities[eid] = Entity(eid, "NATO" if i == 0 else f"Organisation {i}", "Organization", f"Q{5000 + i}")
    for i in range(n_people):
        eid = f"person/person-{i}" if i else "person/andrei-porotnikov"
        entities[eid] = Entity(eid, "Andrei Porotnikov" if i == 0 else f"Person {i}", "Person", None,
                               in_gazetteer=bool(i % 3))
    ids = list(entities)
    # Skewed popularity: a few actors take part in most relations, as in news.
    weights = [1.0 / (1 + r) ** 0.8 for r in range(len(ids))]
    articles = [
        Article(f"doc-{d:06d}", "", title=f"Article {d}", date=f"20{20 + d % 5}-{1 + d % 12:02d}-{1 + d % 28:02d}")
        for d in range(n_docs)
    ]
    relations: list[Relation] = []
    mentions: list[Mention] = []
    for k in range(n_rel):
        doc = articles[rng.randrange(n_docs)].doc_id
        s, o = rng.choices(ids, weights, k=2)
        if s == o:
            o = ids[(ids.index(o) + 1) % len(ids)]
        rel = rng.choice(RELATION_TYPES)
        start = rng.randrange(0, 20000)
        speaker = rng.choice(ids[n_countries + n_orgs:]) if rng.random() < 0.15 else None
        relations.append(Relation(
            doc, s, rel, o, f"Sentence {k} about {entities[s].label} and {entities[o].label}.", start, start + 80,
            negated=rng.random() < 0.08, modality=rng.choice(("asserted",) * 6 + ("reported", "future", "desired")),
            speaker=speaker, confidence=round(rng.uniform(0.3, 0.95), 2), method=f"pattern_{rel}_{k % 7}",
        ))
        for j, ent in enumerate((s, o)):
            mentions.append(Mention(doc, start + j * 30, start + j * 30 + 10, entities[ent].label, ent,
                                    rng.choice(RESOLUTION_METHODS)))
    return articles, entities, mentions, relations


#: Parameters for queries whose defaults may not exist in the synthetic world.
PARAMS = {
    "both-sides-of-conflict": {"sideA": "Russia", "sideB": "Ukraine"},
    "memberships": {"actor": "Belarus"},
    "depends-on": {"actor": "Belarus"},
    "relations-between": {"actor": "Belarus", "other": "Russia"},
    "claims-by-speaker": {"speaker": "Andrei Porotnikov"},
    "conflictual-cooperative-ties": {"actor": "Russia"},
    "new-relations-since": {"since": "2024-06-01"},
}
AGGREGATION = {"conflictual-cooperative-ties", "top-actors-by-evidence", "relation-type-counts",
               "mentions-by-resolution-method"}


def main(argv: list[str] | None = None) -> int:
    from graphbuild.rdf.io import write_lines
    from graphbuild.rdf.query import open_rdflib, open_store
    from graphbuild.rdf.stream import stream_graph
    from graphbuild.rdf.saved import saved_queries, select_saved

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000, help="approximate graph size (default 1,000,000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per query on oxigraph (best is reported)")
    ap.add_argument("--no-write", action="store_true", help="do not update docs/PERFORMANCE.md")
    ap.add_argument("--rdflib-timeout", type=int, default=30, help="seconds before an rdflib query is abandoned")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse OUT/graph.nt from an earlier run instead of building the graph again")
    ap.add_argument("--out", type=Path, default=None, help="directory for the graph and store (default: temp)")
    ap.add_argument("--baseline-rev", metavar="REV",
                    help="also time queries/*.rq as they were at this git revision (before/after in one run)")
    ap.add_argument("--no-rdflib", action="store_true", help="skip rdflib (its load takes minutes)")
    args = ap.parse_args(argv)

    out = args.out or Path(tempfile.mkdtemp(prefix="bench-sparql-"))
    if args.reuse and (out / "graph.nt").is_file():
        with open(out / "graph.nt", "rb") as fh:
            n_triples = sum(1 for _ in fh)
        t_build = t_write = float("nan")
    else:
        t0 = time.perf_counter()
        records = synthetic_records(args.triples)
        graph = stream_graph(*records)
        n_triples = len(graph.sorted_lines())
        t_build = time.perf_counter() - t0
        t0 = time.perf_counter()
        write_lines(graph, out / "graph.nt", "nt")
        t_write = time.perf_counter() - t0
        del graph
    print(f"graph: {n_triples:,} triples, built in {t_build:.1f} s, written in {t_write:.1f} s ({out})", flush=True)

    t0 = time.perf_counter()
    open_store(out / "graph.nt")
    t_ox_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    if not args.no_rdflib:
        open_rdflib(out / "graph.nt")
    t_rd_load = time.perf_counter() - t0 if not args.no_rdflib else float("nan")
    print(f"load: oxigraph store {t_ox_load:.1f} s, rdflib in memory {t_rd_load:.1f} s", flush=True)

    rows = []
    baseline_rows = []
    for name in saved_queries():
        params = PARAMS.get(name)
        best, best_cpu, ox = _best_of(args.repeat, lambda: select_saved(name, params, out / "graph.nt", engine="oxigraph"))
        if args.baseline_rev:
            old_text = _query_at(args.baseline_rev, name)
            if old_text is not None:
                old_best, old_cpu, old_result = _best_of(args.repeat, _old_query(old_text, name, params, out / "graph.nt"))
                same_old = old_result.values() == ox.values()
                baseline_rows.append((name, old_best, best, old_cpu, best_cpu, same_old))
                print(f"{name:32s} {args.baseline_rev}: {old_best:8.3f}s ({old_cpu:.3f}s CPU) now: {best:8.3f}s "
                      f"({best_cpu:.3f}s CPU) {old_best / best:5.1f}x wall, {old_cpu / best_cpu:5.1f}x CPU, "
                      f"same rows={same_old}", flush=True)
        if args.no_rdflib:
            rows.append((name, len(ox.rows), best, float("nan"), float("nan"), None))
            continue
        signal.signal(signal.SIGALRM, _timeout)
        signal.alarm(args.rdflib_timeout)
        t0 = time.perf_counter()
        try:
            rd = select_saved(name, params, out / "graph.nt", engine="rdflib")
            t_rd = time.perf_counter() - t0
            same: bool | None = ox.values() == rd.values()
        except _Timeout:
            t_rd, same = float(args.rdflib_timeout), None
        finally:
            signal.alarm(0)
        rows.append((name, len(ox.rows), best, t_rd, t_rd / best if best else float("inf"), same))
        print(f"{name:32s} rows={len(ox.rows):5d} oxigraph={best:8.3f}s rdflib={t_rd:8.2f}s "
              f"ratio={t_rd / best:7.1f}x same={same}" + (" (rdflib timed out)" if same is None else ""), flush=True)

    table = ["| query | kind | rows | pyoxigraph (s) | rdflib (s) | rdflib / pyoxigraph | same rows |",
             "|---|---|---:|---:|---:|---:|---|"]
    for name, n, t_ox, t_rd, ratio, same in rows:
        kind = "aggregation" if name in AGGREGATION else "lookup"
        if t_rd != t_rd:
            table.append(f"| `{name}` | {kind} | {n} | {t_ox:.3f} | not run | | |")
        elif same is None:
            table.append(f"| `{name}` | {kind} | {n} | {t_ox:.3f} | > {t_rd:.0f} (stopped) | > {ratio:.0f}x | n/a |")
        else:
            table.append(f"| `{name}` | {kind} | {n} | {t_ox:.3f} | {t_rd:.2f} | {ratio:.0f}x | {'yes' if same else 'NO'} |")
    section = "\n".join([
        "## SPARQL",
        "",
        "`python benchmarks/bench_sparql.py` builds a synthetic graph shaped like graphbuild's (actors, documents,",
        "mentions, relation assertions with evidence, aggregated edges, direct triples, summaries) with the build's",
        "streaming writer (`stream_graph`), then runs",
        "every saved query in `queries/` on pyoxigraph (the on-disk store `graphbuild query` uses; best of "
        f"{args.repeat} runs, store already open) and on rdflib in memory (one run), checking both return the same rows.",
        "",
        (f"Graph: {n_triples:,} triples (reused from an earlier run's graph.nt and store); loading: "
         if t_build != t_build else
         f"Graph: {n_triples:,} triples (built in {t_build:.0f} s, N-Triples written in {t_write:.0f} s); loading: ")
        +
        f"pyoxigraph store {t_ox_load:.1f} s, rdflib {t_rd_load:.1f} s. Machine: {platform.machine()}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}.",
        "",
        *table,
        "",
        *(_baseline_table(args.baseline_rev, baseline_rows) if baseline_rows else []),
        "Times include the read-only safety check (rdflib's SPARQL parser parses every query first, ~0.1 s).",
        f"An rdflib query still running after {args.rdflib_timeout} s is stopped and reported as a lower bound.",
        "",
    ])
    print()
    print(section)
    if not args.no_write:
        write_section(REPO / "docs" / "PERFORMANCE.md", section)
    return 0


def _query_at(rev: str, name: str) -> str | None:
    """The text of saved query ``name`` at git revision ``rev`` (None: it did not exist there)."""
    done = subprocess.run(["git", "-C", str(REPO), "show", f"{rev}:queries/{name}.rq"], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def _best_of(repeat: int, run):
    """(best wall seconds, CPU seconds of the fastest run, result) of ``repeat`` calls of ``run``.

    CPU time counts this process's threads (pyoxigraph runs in-process here), so it is steadier than wall time
    on a machine shared with other jobs."""
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = run()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if wall < best:
            best, best_cpu = wall, cpu
    return best, best_cpu, result


def _old_query(text: str, name: str, params, graph: Path):
    from graphbuild.rdf.query import select
    from graphbuild.rdf.saved import bind_saved_query, parse_saved_query

    query = bind_saved_query(parse_saved_query(text, name), params)
    return lambda: select(query, graph, engine="oxigraph")


def _baseline_table(rev: str, rows) -> list[str]:
    out = [f"Each saved query as it was at `{rev}` and as it is now, same store, same run (pyoxigraph, best of the "
           "same number of runs; CPU seconds of that run):", "",
           f"| query | at `{rev}` (s) | now (s) | speed-up | at `{rev}` CPU (s) | now CPU (s) | CPU speed-up | same rows |",
           "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, old, new, old_cpu, new_cpu, same in rows:
        out.append(f"| `{name}` | {old:.3f} | {new:.3f} | {old / new:.1f}x | {old_cpu:.3f} | {new_cpu:.3f} | "
                   f"{old_cpu / new_cpu:.1f}x | {'yes' if same else 'NO'} |")
    return out + [""]


class _Timeout(BaseException):
    pass


def _timeout(*_args: object) -> None:
    raise _Timeout()


def write_section(path: Path, section: str) -> None:
    """Replace (or append) the "## SPARQL" section of ``path``, leaving other sections alone."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    pattern = re.compile(r"^## SPARQL\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
