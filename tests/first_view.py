"""Measuring the first view of graph.html in headless Chromium (shared by the browser tests and scripts/).

What an analyst sees on opening the page: where the most connected actors are on screen, how large their labels
are drawn, how close they are to each other.  Everything is read from vis-network's own state after the first
frame (positions through ``canvasToDOM``, label size = font size x zoom, and vis's own rule for drawing a label).
"""

from __future__ import annotations

import time
from pathlib import Path

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

FIRST_VIEW_JS = """(k) => {
  const g = window.graphbuild, net = g.network, D = g.data;
  const rect = document.getElementById('gb-network').getBoundingClientRect();
  const scale = net.getScale();
  // the k most connected actors (degree, ties by id), as the report counts them
  const top = D.nodes.slice().sort((a, b) => (b.degree - a.degree) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
                     .slice(0, k);
  const rows = top.map(n => {
    const node = net.body.nodes[n.id];
    const p = net.canvasToDOM(net.getPositions([n.id])[n.id]);
    const x = rect.left + p.x, y = rect.top + p.y;
    const onScreen = !!node && node.options.hidden === false && net.body.nodeIndices.includes(n.id) &&
      x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
    const px = node ? node.labelModule.fontOptions.size * scale : 0;
    const drawn = !!node && node.labelModule.visible();
    return { id: n.id, label: n.label, degree: n.degree, x: x, y: y, onScreen: onScreen, labelPx: px,
             labelDrawn: drawn };
  });
  let minDist = Infinity;
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      minDist = Math.min(minDist, Math.hypot(rows[i].x - rows[j].x, rows[i].y - rows[j].y));
    }
  }
  return { scale: scale, rows: rows, onScreen: rows.filter(r => r.onScreen).length,
           labelled9: rows.filter(r => r.onScreen && r.labelDrawn && r.labelPx >= 9).length,
           minDist: minDist, readyMs: g.readyAt, viewport: [rect.width, rect.height] };
}"""


def open_page(browser_or_context, path: Path, width: int = 1440, height: int = 900, *, hash: str = ""):
    """A new page at ``width`` x ``height`` showing ``path`` with every non-file: request aborted.

    Returns ``(page, foreign_requests, seconds_until_interactive)``; the page is ready (first frame drawn and
    every edge loaded) when this returns.
    """
    foreign: list[str] = []
    page = browser_or_context.new_page(viewport={"width": width, "height": height})
    url = Path(path).resolve().as_uri()

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    start = time.monotonic()
    page.goto(url + hash)
    page.wait_for_function("() => window.graphbuild && window.graphbuild.ready === true", timeout=60000)
    interactive = time.monotonic() - start
    page.wait_for_function("() => window.graphbuild.complete === true", timeout=60000)
    return page, foreign, interactive


def first_view_metrics(page, k: int = 10) -> dict:
    """On-screen position, drawn label size and spacing of the ``k`` most connected actors (see module doc)."""
    return page.evaluate(FIRST_VIEW_JS, k)


#: The graph canvas of a 1440 x 900 window: the side panel (260 px + padding + border) and the header (44 px).
def canvas_size(width: int, height: int) -> tuple[float, float]:
    return width - 281.0, height - 45.0


def simulated_first_view(payload: dict, width: int = 1440, height: int = 900, k: int = 10) -> dict:
    """The first view computed from the page's data the way vis-network 9.1 fits it, without a browser.

    vis ``fit({nodes})`` takes the bounding box of the nodes' shapes (position +/- size) and zooms to
    ``min(W / (1.1 w), H / (1.1 h))`` around its centre; a label is drawn when font size x zoom >= its draw
    threshold - 1.  The page fits the main component (``nodes.main``) when the graph has fragments, and sets the
    always-labelled actors' font to ``max(font, labelMinPx / zoom)``.  This is the geometry only (a label's own
    box is not part of the shape's box here, so the real zoom is at most this one); the browser test measures
    the page itself.
    """
    import math

    N = payload["nodes"]
    opts = payload["options"]
    ids = N["id"]
    view = payload.get("view") or {}
    fit = view["main"] if view.get("main") is not None else list(range(len(ids)))
    xs = [N["x"][i] for i in fit]
    ys = [N["y"][i] for i in fit]
    sizes = [N["size"][i] for i in fit]
    min_x = min(x - s for x, s in zip(xs, sizes))
    max_x = max(x + s for x, s in zip(xs, sizes))
    min_y = min(y - s for y, s in zip(ys, sizes))
    max_y = max(y + s for y, s in zip(ys, sizes))
    W, H = canvas_size(width, height)
    scale = min(W / (1.1 * max(max_x - min_x, 1e-9)), H / (1.1 * max(max_y - min_y, 1e-9)))
    cx, cy = (min_x + max_x) / 2, (min_y + max_y) / 2
    font = opts["vis"]["nodes"]["font"]["size"]
    threshold = opts["vis"]["nodes"].get("scaling", {}).get("label", {}).get("drawThreshold", 5)
    labelled = set(view.get("labelled") or [])
    order = sorted(range(len(ids)), key=lambda i: (-N["degree"][i], ids[i]))[:k]
    rows = []
    for i in order:
        x = (N["x"][i] - cx) * scale + W / 2
        y = (N["y"][i] - cy) * scale + H / 2
        size = max(font, opts.get("labelMinPx", 0) / scale) if i in labelled else font
        px = size * scale
        rows.append({"id": ids[i], "label": N["label"][i], "x": x, "y": y,
                     "onScreen": 0 <= x <= W and 0 <= y <= H, "labelPx": px, "labelDrawn": px >= threshold - 1})
    dists = [math.hypot(a["x"] - b["x"], a["y"] - b["y"]) for j, a in enumerate(rows) for b in rows[j + 1:]]
    return {"scale": scale, "rows": rows, "onScreen": sum(r["onScreen"] for r in rows),
            "labelled9": sum(1 for r in rows if r["onScreen"] and r["labelDrawn"] and r["labelPx"] >= 9),
            "minDist": min(dists) if dists else math.inf}
