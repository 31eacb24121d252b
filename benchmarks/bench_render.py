"""Python render time of graph.html vs plain pyvis on the same graph, in one run.

    python benchmarks/bench_render.py [--nodes 5000] [--edges 15000] [--seed 0]

Builds a synthetic actor graph (power-law-ish degrees, evidence sentences, dates), then times
  - graphbuild: render_html(G, analysis, path)  (layout in Python + JSON payload + page; analysis timed apart)
  - pyvis 0.3.2: Network(directed=True); add_node per actor, add_edge per claim (label, title); write_html
and prints both times and the ratio (target: graphbuild >= 10x faster).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphbuild.analysis import analyze, to_networkx  # noqa: E402
from graphbuild.model import INTERACTION_RELATIONS, Entity, Relation  # noqa: E402
from graphbuild.outputs.html import render_html  # noqa: E402


def synthetic(nodes: int, edges: int, seed: int = 0):
    """Entities and relations: preferential attachment for endpoints, one relation per aggregated edge."""
    rng = random.Random(seed)
    types = ("Country", "Organization", "Person")
    ents = {}
    for i in range(nodes):
        t = types[i % 3]
        eid = f"{t.lower()[:3]}/a{i}"
        ents[eid] = Entity(eid, f"Actor {i} <{t}>", t, qid=f"Q{i}" if i % 2 else None)
    ids = list(ents)
    weights = [1.0 / (1 + i) ** 0.6 for i in range(nodes)]
    rels, seen = [], set()
    # every node gets at least one edge so that nothing is isolated
    pairs = [(ids[i], ids[rng.randrange(nodes)]) for i in range(nodes)]
    while len(pairs) < edges * 1.3:
        a, b = rng.choices(ids, weights=weights, k=2)
        pairs.append((a, b))
    for a, b in pairs:
        if a == b:
            continue
        r = rng.choice(INTERACTION_RELATIONS)
        key = (a, r, b)
        if key in seen:
            continue
        seen.add(key)
        month = rng.randrange(1, 13)
        for k in range(rng.choice((1, 1, 1, 2, 3))):
            rels.append(
                Relation(f"doc{rng.randrange(500)}", a, r, b, f"{ents[a].label} {r} {ents[b].label}, said someone "
                         f"in sentence {k} of a long article about things.", 0, 80, negated=rng.random() < 0.05,
                         confidence=rng.random(), date=f"2024-{month:02d}-{rng.randrange(1, 28):02d}")
            )
        if len(seen) >= edges:
            break
    return ents, rels


def _clock():
    return time.perf_counter(), time.process_time()


def _since(start):
    return time.perf_counter() - start[0], time.process_time() - start[1]


def time_graphbuild(G, analysis, out: Path) -> tuple[float, float]:
    t = _clock()
    render_html(G, analysis, out, title="benchmark")
    return _since(t)


def time_pyvis(G, out: Path, *, directed: bool) -> tuple[float, float]:
    """Plain pyvis as its docs show it: Network(), add_node per actor, add_edge per claim, write_html."""
    from pyvis.network import Network

    t = _clock()
    net = Network(height="800px", width="100%", directed=directed)
    for v, d in G.nodes(data=True):
        net.add_node(v, label=d["label"], title=d["label"], group=d["type"])
    for u, v, d in G.edges(data=True):
        net.add_edge(u, v, label=d["relation"], title=d["evidence"][0]["sentence"], value=d["count"])
    with contextlib.chdir(out.parent):  # pyvis copies its lib/ folder into the working directory
        net.write_html(str(out), notebook=False)
    return _since(t)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=15000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="graphbuild runs (best is reported)")
    ap.add_argument("--skip-pyvis", action="store_true", help="only time graphbuild")
    ap.add_argument("--skip-undirected", action="store_true",
                    help="skip pyvis's default undirected Network (its add_edge scans all edges: minutes)")
    args = ap.parse_args(argv)
    ents, rels = synthetic(args.nodes, args.edges, args.seed)
    t = _clock()
    G = to_networkx(ents, rels)
    t_graph = _since(t)
    t = _clock()
    a = analyze(G, seed=args.seed)
    t_an = _since(t)
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges from {len(rels)} assertions")
    print(f"to_networkx: {t_graph[0]:.2f} s   analyze: {t_an[0]:.2f} s wall, {t_an[1]:.2f} s CPU "
          f"(betweenness exact={a.betweenness_exact})")
    print("times: wall / CPU seconds")
    with tempfile.TemporaryDirectory() as tmp:
        runs = [time_graphbuild(G, a, Path(tmp) / "graph.html") for _ in range(max(1, args.repeat))]
        ours = min(runs, key=lambda r: r[1])
        size = (Path(tmp) / "graph.html").stat().st_size
        print(f"graphbuild render_html (best of {len(runs)}): {ours[0]:.2f} / {ours[1]:.2f} ({size / 1e6:.1f} MB)")
        if args.skip_pyvis:
            return 0
        directed = time_pyvis(G, Path(tmp) / "pyvis-directed.html", directed=True)
        print(f"pyvis Network(directed=True) add_node/add_edge + write_html: {directed[0]:.2f} / {directed[1]:.2f}")
        print(f"  ratio pyvis(directed) / graphbuild: {directed[0] / ours[0]:.1f}x wall, "
              f"{directed[1] / ours[1]:.1f}x CPU")
        if not args.skip_undirected:
            plain = time_pyvis(G, Path(tmp) / "pyvis.html", directed=False)
            print(f"pyvis Network() (default, undirected) add_node/add_edge + write_html: "
                  f"{plain[0]:.2f} / {plain[1]:.2f}")
            print(f"  ratio pyvis(default) / graphbuild: {plain[0] / ours[0]:.1f}x wall, {plain[1] / ours[1]:.1f}x CPU")
    print("target: >= 10x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
