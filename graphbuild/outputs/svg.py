"""graph.svg: a static picture of the top actors for briefings (readable labels, a legend, no script).

The ``TOP_ACTORS`` actors with the highest PageRank are laid out by the same code as graph.html
(:func:`graphbuild.outputs.layout.compute_layout`: ForceAtlas2 on their largest component), scaled into a fixed
canvas, and drawn with the page's colours and shapes.  Ties between two actors are merged into one line coloured
by their net sign.  Labels are 13 px with a white halo and are placed below, above, right or left of their actor,
whichever overlaps no label placed before (most central first; then one or two lines further out).  Every string is XML-escaped; the file holds no
script, link or external reference, so it pastes safely into a document.
"""

from __future__ import annotations

import html
import math
from pathlib import Path

import networkx as nx

from graphbuild.analysis import Analysis
from graphbuild.fileio import atomic_write_text
from graphbuild.outputs.html import BALANCING_BORDER, OTHER_STYLE, SIGN_COLOURS, TYPE_STYLE
from graphbuild.outputs.layout import compute_layout

TOP_ACTORS = 30
WIDTH, HEIGHT = 1200, 800
LEGEND_W = 230
MARGIN = 60
FONT = 13
CHAR_W = 0.58  # average glyph width of system-ui at FONT px, as a share of FONT (label box estimate)


def _x(text: object) -> str:
    return html.escape(str(text), quote=True)


def _shape(kind: str, x: float, y: float, r: float, fill: str, stroke: str, width: float) -> str:
    common = f'fill="{fill}" stroke="{stroke}" stroke-width="{width:.1f}"'
    if kind == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {common}/>'
    if kind == "triangle":
        pts = f"{x:.1f},{y - r * 1.15:.1f} {x + r:.1f},{y + r * 0.75:.1f} {x - r:.1f},{y + r * 0.75:.1f}"
        return f'<polygon points="{pts}" {common}/>'
    if kind == "diamond":
        pts = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
        return f'<polygon points="{pts}" {common}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {common}/>'


def top_actors(G: nx.MultiDiGraph, analysis: Analysis, n: int = TOP_ACTORS) -> list[str]:
    """The ``n`` actors with the highest PageRank (ties by id)."""
    return sorted(G, key=lambda v: (-analysis.pagerank.get(v, 0.0), v))[:n]


def _place_labels(items: list[tuple[str, float, float, float, str]]) -> dict[str, tuple[float, float, str]]:
    """Label positions: for each (id, x, y, radius, text), most important first, the first of below / above /
    right / left (then the same one and two lines further out) whose box overlaps no placed box (else below).  Returns id -> (x, y, text-anchor)."""
    placed: list[tuple[float, float, float, float]] = []
    out = {}
    for v, x, y, r, text in items:
        w, h = CHAR_W * FONT * len(text), FONT * 1.2
        options = []
        for k in (0.0, h, 2 * h):  # the four sides, then the same a line and two lines further out
            options += [
                (x, y + r + FONT + k, "middle", (x - w / 2, y + r + 2 + k, x + w / 2, y + r + 2 + h + k)),
                (x, y - r - 5 - k, "middle", (x - w / 2, y - r - 5 - h - k, x + w / 2, y - r - 5 - k)),
                (x + r + 4 + k, y + FONT / 3, "start", (x + r + 4 + k, y - h / 2, x + r + 4 + k + w, y + h / 2)),
                (x - r - 4 - k, y + FONT / 3, "end", (x - r - 4 - k - w, y - h / 2, x - r - 4 - k, y + h / 2)),
            ]
        choice = options[0]
        for opt in options:
            a = opt[3]
            if all(a[2] <= b[0] or a[0] >= b[2] or a[3] <= b[1] or a[1] >= b[3] for b in placed):
                choice = opt
                break
        placed.append(choice[3])
        out[v] = (choice[0], choice[1], choice[2])
    return out


def render_svg(G: nx.MultiDiGraph, analysis: Analysis, *, title: str = "graphbuild", n: int = TOP_ACTORS,
               seed: int = 0) -> str:
    """The SVG document as a string (see the module doc)."""
    keep = top_actors(G, analysis, n)
    kept = set(keep)
    pairs: dict[tuple[str, str], list[dict]] = {}
    for u, v, d in G.edges(data=True):
        if u in kept and v in kept and u != v:
            pairs.setdefault((u, v) if u < v else (v, u), []).append(d)
    pos = compute_layout(keep, list(pairs), analysis.communities, seed=seed) if keep else {}
    area_w, area_h = WIDTH - LEGEND_W - 2 * MARGIN, HEIGHT - 2 * MARGIN - 30
    if pos:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        span = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
        scale = min(area_w / span[0], area_h / span[1])
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        xy = {v: (MARGIN + area_w / 2 + (p[0] - cx) * scale, MARGIN + 30 + area_h / 2 + (p[1] - cy) * scale)
              for v, p in pos.items()}
    else:
        xy = {}
    prmax = max((analysis.pagerank.get(v, 0.0) for v in keep), default=0.0) or 1.0
    radius = {v: 6 + 14 * math.sqrt(analysis.pagerank.get(v, 0.0) / prmax) for v in keep}
    balancing = {d["actor"] for d in analysis.balancing}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"'
        f' font-family="system-ui, Helvetica, Arial, sans-serif" role="img">',
        f"<title>{_x(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="36" font-size="20" font-weight="600" fill="#222">{_x(title)}</text>',
        f'<text x="{MARGIN}" y="58" font-size="12" fill="#555">The {len(keep)} most central actors (PageRank) '
        f"and the relations among them</text>",
    ]
    for (a, b), ds in sorted(pairs.items()):
        live = [d for d in ds if not d["negated"]]
        net = sum(d["signed_weight"] for d in live)
        sign = "cooperative" if net > 0 else "conflictual" if net < 0 else "neutral"
        count = sum(d["count"] for d in ds)
        dash = ' stroke-dasharray="6 4"' if not live else ""
        (x1, y1), (x2, y2) = xy[a], xy[b]
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{SIGN_COLOURS[sign]}"'
                     f' stroke-width="{1 + 1.5 * math.log1p(count):.1f}" stroke-opacity="0.75"{dash}/>')
    for v in reversed(keep):  # most central drawn last, on top
        kind = G.nodes[v].get("type") or ""
        colour, shape = TYPE_STYLE.get(kind, OTHER_STYLE)
        x, y = xy[v]
        stroke, width = (BALANCING_BORDER, 4.0) if v in balancing else ("#333333", 1.0)
        parts.append(_shape(shape, x, y, radius[v], colour, stroke, width))
    labels = _place_labels([(v, *xy[v], radius[v], str(G.nodes[v].get("label") or v)) for v in keep])
    for v in keep:
        x, y, anchor = labels[v]
        parts.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{FONT}" fill="#111"'
                     f' stroke="#ffffff" stroke-width="3" paint-order="stroke">{_x(G.nodes[v].get("label") or v)}</text>')
    # legend
    lx, ly = WIDTH - LEGEND_W + 10, MARGIN + 30
    parts.append(f'<rect x="{lx - 10}" y="{ly - 22}" width="{LEGEND_W - 20}" height="270" fill="#fafafa" stroke="#ddd"/>')
    parts.append(f'<text x="{lx}" y="{ly}" font-size="14" font-weight="600" fill="#222">Legend</text>')
    row = ly + 24
    for kind, (colour, shape) in TYPE_STYLE.items():
        parts.append(_shape(shape, lx + 8, row - 4, 7, colour, "#333333", 1.0))
        parts.append(f'<text x="{lx + 24}" y="{row}" font-size="{FONT}" fill="#222">{_x(kind)}</text>')
        row += 24
    parts.append(_shape("dot", lx + 8, row - 4, 7, "#ffffff", BALANCING_BORDER, 3.0))
    parts.append(f'<text x="{lx + 24}" y="{row}" font-size="{FONT}" fill="#222">balancing actor</text>')
    row += 24
    for sign, colour in SIGN_COLOURS.items():
        parts.append(f'<line x1="{lx}" y1="{row - 4}" x2="{lx + 18}" y2="{row - 4}" stroke="{colour}" stroke-width="3"/>')
        parts.append(f'<text x="{lx + 24}" y="{row}" font-size="{FONT}" fill="#222">{sign} ties</text>')
        row += 24
    parts.append(f'<line x1="{lx}" y1="{row - 4}" x2="{lx + 18}" y2="{row - 4}" stroke="#555" stroke-width="3"'
                 ' stroke-dasharray="6 4"/>')
    parts.append(f'<text x="{lx + 24}" y="{row}" font-size="{FONT}" fill="#222">negated claims only</text>')
    row += 24
    parts.append(f'<text x="{lx}" y="{row}" font-size="12" fill="#555">size: PageRank; width: claims</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def write_svg(path: Path | str, G: nx.MultiDiGraph, analysis: Analysis, *, title: str = "graphbuild",
              n: int = TOP_ACTORS, seed: int = 0) -> None:
    """Write graph.svg (atomically): the ``n`` most central actors, readable labels, the legend."""
    atomic_write_text(Path(path), render_svg(G, analysis, title=title, n=n, seed=seed))
