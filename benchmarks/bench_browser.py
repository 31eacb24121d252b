"""Time from page load to a settled, interactive graph.html in headless Chromium (network blocked).

    python benchmarks/bench_browser.py [--sizes 500 5000] [--edges-per-node 3] [--repeat 3]

For each size: render a synthetic graph (as bench_render.py), open it from file:// with every non-file request
aborted, and measure, per run:
  ready     ms from navigation start to the first drawn frame (window.graphbuild.readyAt: the page's own
            performance.now() at vis-network's first afterDrawing; positions come from Python and physics is off,
            so nothing moves afterwards: from here the page pans, zooms, hovers, searches and filters)
  complete  ms from navigation start until every edge is drawn (large graphs hand vis-network their edges in
            chunks of EDGE_CHUNK, strongest first, so that the page is usable while vis builds edge objects)
  frame     ms for one full redraw afterwards (network.redraw() -> afterDrawing)
  filter    ms to apply a relation-type filter and draw the result (uncheck a type -> afterDrawing)
  hover     ms from a pointer move onto a node to its tooltip shown
Target: 5,000 nodes interactive (ready) within 5 s of load.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_render import synthetic  # noqa: E402

from graphbuild.analysis import analyze, to_networkx  # noqa: E402
from graphbuild.outputs.html import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

MEASURE = """async () => {
  const g = window.graphbuild, net = g.network;
  const drawn = () => new Promise(r => net.once("afterDrawing", () => r(performance.now())));
  let t = performance.now(); let p = drawn(); net.redraw(); const frame = (await p) - t;
  const cb = document.querySelector("input.gb-rel");
  t = performance.now(); p = drawn(); cb.click(); const filter = (await p) - t;
  p = drawn(); cb.click(); await p;
  return { ready: g.readyAt, frame, filter, nodes: g.visibleNodeCount(), edges: g.visibleEdgeCount() };
}"""


def measure(ctx, path: Path) -> dict:
    page = ctx.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => window.graphbuild && window.graphbuild.ready === true", timeout=120000)
    page.wait_for_function("() => window.graphbuild.complete === true", timeout=300000)
    out = page.evaluate(MEASURE)
    out["complete"] = page.evaluate("window.graphbuild.completeAt")
    # hover: the most central node, via real pointer events
    xy = page.evaluate("""() => { const n = window.graphbuild.network; const ids = n.body.data.nodes.getIds();
        const id = ids.reduce((a, b) => (n.body.nodes[a].options.size >= n.body.nodes[b].options.size ? a : b));
        n.focus(id, {scale: 1.5, animation: false}); n.redraw();
        const d = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.getElementById("gb-network").getBoundingClientRect(); return [r.left + d.x, r.top + d.y]; }""")
    page.mouse.move(xy[0] - 40, xy[1] - 40)
    t0 = page.evaluate("performance.now()")
    page.mouse.move(xy[0], xy[1])
    page.wait_for_function("() => !document.getElementById('gb-tooltip').hidden", timeout=30000)
    out["hover"] = page.evaluate("performance.now()") - t0
    out["foreign_requests"] = len([u for u in requests if not u.startswith("file://")])
    out["errors"] = errors
    page.close()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    ap.add_argument("--edges-per-node", type=float, default=3.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(Path(tmp) / "profile"), executable_path=CHROMIUM, args=ARGS,
                                                   headless=True, viewport={"width": 1280, "height": 800})
        for n in args.sizes:
            ents, rels = synthetic(n, int(n * args.edges_per_node))
            G = to_networkx(ents, rels)
            path = Path(tmp) / f"graph-{n}.html"
            render_html(G, analyze(G), path, title=f"benchmark {n}")
            runs = [measure(ctx, path) for _ in range(args.repeat)]
            med = {k: statistics.median(r[k] for r in runs) for k in ("ready", "complete", "frame", "filter", "hover")}
            per_run = ", ".join(f"{r['ready']:.0f}" for r in runs)
            print(f"{n} nodes / {G.number_of_edges()} edges ({path.stat().st_size / 1e6:.1f} MB): "
                  f"ready {med['ready']:.0f} ms, all edges drawn {med['complete']:.0f} ms, redraw {med['frame']:.0f} ms, filter {med['filter']:.0f} ms, "
                  f"hover->tooltip {med['hover']:.0f} ms (median of {len(runs)}; ready per run: "
                  f"{per_run}); "
                  f"network requests {max(r['foreign_requests'] for r in runs)}, "
                  f"errors {sum(len(r['errors']) for r in runs)}")
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
