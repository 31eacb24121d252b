"""The first view of graph.html (issue 12): main component fitted and spread, fragments packed, top labels readable.

The geometry is checked on the page's own data with :func:`tests.first_view.simulated_first_view` (vis-network's fit
rule, no browser); tests/test_browser_first_view.py measures the real page in headless Chromium.
"""

from __future__ import annotations

import json
import math
import re

from graphbuild.analysis import analyze, to_networkx
from graphbuild.model import Relation
from graphbuild.outputs.html import render_html
from graphbuild.outputs.layout import compute_layout, main_component, spread_apart
from tests.first_view import simulated_first_view
from tests.helpers import hub_and_fragments


def page_data(path):
    return json.loads(re.search(r'id="graph-data">(.*?)</script>', path.read_text(), re.S).group(1))


def test_render_first_view_fits_spread_and_labels_the_main_component(tmp_path):
    G = hub_and_fragments()
    render_html(G, analyze(G), tmp_path / "g.html")
    data = page_data(tmp_path / "g.html")
    N = data["nodes"]
    main = {N["id"][i] for i in data["view"]["main"]}
    assert main == {v for v in G if v.startswith(("country/H", "person/l"))}
    hubs = {f"country/H{h:02d}" for h in range(12)}
    assert hubs <= {N["id"][i] for i in data["view"]["labelled"]}
    view = simulated_first_view(data, 1440, 900)
    assert view["onScreen"] == 10
    assert view["labelled9"] >= 8
    assert view["minDist"] >= 24, view["rows"]


def test_render_first_view_places_fragments_below_the_main_component():
    G = hub_and_fragments()
    nodes = list(G)
    edges = [(u, v) for u, v, _ in G.edges(keys=True)]
    pos = compute_layout(nodes, edges, analyze(G).communities, seed=0)
    main = main_component(nodes, edges)
    main_bottom = max(pos[v][1] for v in main)
    fragments = [v for v in nodes if v not in main]
    assert len(fragments) == 120
    assert min(pos[v][1] for v in fragments) > main_bottom
    # packed: the fragments take less height than the main component
    frag_h = max(pos[v][1] for v in fragments) - min(pos[v][1] for v in fragments)
    assert frag_h < main_bottom - min(pos[v][1] for v in main)
    assert len(set(pos.values())) == len(nodes)
    assert pos == compute_layout(nodes, edges, analyze(G).communities, seed=0)


def test_render_spread_apart_keeps_movers_at_the_minimum_distance():
    import numpy as np

    pos = np.array([0j, 1 + 0j, 0.5 + 0.5j, 10 + 10j, 0.2 + 0j])
    out = spread_apart(pos, [0, 1, 2], 5.0, carry=[[4], [], []])
    for i, j in ((0, 1), (0, 2), (1, 2)):
        assert abs(out[i] - out[j]) >= 5.0 - 1e-6
    assert out[3] == pos[3]  # not a mover, not carried
    assert math.isclose(abs(out[4] - out[0]), 0.2, abs_tol=1e-9)  # the leaf moved with its hub


def test_render_first_view_without_fragments_fits_everything(tmp_path):
    rels = [Relation("d", f"country/N{i}", "consult", f"country/N{i + 1}", "s", 0, 1) for i in range(30)]
    G = to_networkx({}, rels)
    render_html(G, analyze(G), tmp_path / "g.html")
    data = page_data(tmp_path / "g.html")
    assert data["view"]["main"] is None  # one component: nothing to toggle
    N = data["nodes"]
    by_rank = sorted(range(len(N["id"])), key=lambda i: (-N["pagerank"][i], -N["degree"][i], N["id"][i]))
    # the 20 highest PageRank plus the 10 most connected (overlapping or not)
    assert set(by_rank[:20]) <= set(data["view"]["labelled"]) and 20 <= len(data["view"]["labelled"]) <= 30
