"""Node positions computed in Python, so the browser draws a still graph (no physics) at any size.

Communities are laid out one by one (Fruchterman-Reingold in numpy: exact repulsion below ``DENSE_MAX`` nodes,
sampled repulsion above), then packed side by side in rows, largest first.  Our own numpy loop: networkx's
spring_layout needs scipy from 500 nodes on (graphbuild does not depend on scipy) and below that spends most of its
time in per-iteration overhead (measured: 0.2 s per 150-node community vs 0.02 s here).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import networkx as nx

#: Up to this many nodes a community's repulsion is exact (n x n); above, sampled.
DENSE_MAX = 400
#: Pixels between neighbouring nodes in the drawing (small graphs get more room for labels).
NODE_SPACING = 60.0


def spacing_for(n: int) -> float:
    """Pixel spacing between neighbours for a graph of ``n`` nodes."""
    return 180.0 if n <= 60 else 110.0 if n <= 600 else NODE_SPACING


def compute_layout(U: nx.Graph, communities: Sequence[Sequence[str]], *, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Positions in vis-network pixel coordinates for every node of ``U``.

    Args:
        U: Undirected graph with an optional ``weight`` on edges.
        communities: A partition of the nodes (as from :func:`graphbuild.analysis.analyze`); nodes missing from
            it are laid out as singletons.
        seed: Seed of every random choice; the same inputs give the same positions.
    """
    spacing = spacing_for(U.number_of_nodes())
    seen: set[str] = set()
    groups: list[list[str]] = []
    for c in communities:
        g = [v for v in c if v in U and v not in seen]
        seen.update(g)
        if g:
            groups.append(g)
    rest = sorted(v for v in U if v not in seen)
    groups.extend([v] for v in rest)
    # Singletons and pairs pack better as one grid block than as thousands of tiny discs.
    big = [g for g in groups if len(g) > 2]
    small = [v for g in groups if len(g) <= 2 for v in g]

    blocks: list[tuple[float, dict[str, tuple[float, float]]]] = []  # (radius, local positions centred on 0)
    for i, g in enumerate(sorted(big, key=lambda g: (-len(g), g[0]))):
        local = _layout_group(U.subgraph(g), seed + i, spacing)
        blocks.append((_radius(local, spacing), local))
    if small:
        side = math.ceil(math.sqrt(len(small)))
        local = {
            v: ((j % side - (side - 1) / 2) * spacing, (j // side - (side - 1) / 2) * spacing)
            for j, v in enumerate(small)
        }
        blocks.append((_radius(local, spacing), local))
    return _pack(blocks)


def _radius(local: dict[str, tuple[float, float]], spacing: float) -> float:
    return max((math.hypot(x, y) for x, y in local.values()), default=0.0) + spacing / 2


def _layout_group(H: nx.Graph, seed: int, spacing: float) -> dict[str, tuple[float, float]]:
    """Lay out one community, centred on (0, 0), scaled so that nodes sit about ``spacing`` apart."""
    n = H.number_of_nodes()
    if n == 1:
        return {next(iter(H)): (0.0, 0.0)}
    xy = fruchterman_reingold(H, seed)
    xs = [p[0] for p in xy.values()]
    ys = [p[1] for p in xy.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = math.sqrt(n) * spacing * 1.2 / extent
    return {v: ((x - cx) * scale, (y - cy) * scale) for v, (x, y) in xy.items()}


def fruchterman_reingold(H: nx.Graph, seed: int, iterations: int = 50, sample: int = 256) -> dict:
    """Fruchterman-Reingold in numpy, unit square.  Repulsion is exact up to ``DENSE_MAX`` nodes; above, each
    node is repelled by a fresh random sample of ``sample`` nodes per iteration, scaled up (O(n * sample))."""
    import numpy as np

    rng = np.random.default_rng(seed)
    nodes = sorted(H)
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    pos = rng.random(n) + 1j * rng.random(n)  # complex positions: no slow length-2 axis in the reductions
    src = np.array([index[u] for u, v in H.edges() if u != v], dtype=np.int64)
    dst = np.array([index[v] for u, v in H.edges() if u != v], dtype=np.int64)
    k2 = 1.0 / n
    k = math.sqrt(k2)
    t = 0.1
    dt = t / (iterations + 1)
    exact = n <= DENSE_MAX
    m = n if exact else min(sample, n)
    for _ in range(iterations):
        other = pos if exact else pos[rng.choice(n, size=m, replace=False)]
        delta = pos[:, None] - other[None, :]  # n x m
        dist2 = np.maximum(delta.real**2 + delta.imag**2, 1e-6)
        disp = (delta / dist2).sum(axis=1) * (k2 * n / m)
        if len(src):
            d = pos[src] - pos[dst]
            f = d * (np.abs(d) / k)
            disp -= np.bincount(src, weights=f.real, minlength=n) + 1j * np.bincount(src, weights=f.imag, minlength=n)
            disp += np.bincount(dst, weights=f.real, minlength=n) + 1j * np.bincount(dst, weights=f.imag, minlength=n)
        length = np.maximum(np.abs(disp), 1e-9)
        pos += disp * (np.minimum(length, t) / length)
        t -= dt
    return {v: (float(pos[i].real), float(pos[i].imag)) for i, v in enumerate(nodes)}


def _pack(blocks: list[tuple[float, dict[str, tuple[float, float]]]]) -> dict[str, tuple[float, float]]:
    """Shelf-pack the blocks (as squares of side 2r) in rows of about equal width, largest first."""
    if not blocks:
        return {}
    area = sum((2 * r) ** 2 for r, _ in blocks)
    width = max(math.sqrt(area) * 1.1, max(2 * r for r, _ in blocks))
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for r, local in blocks:
        side = 2 * r
        if x > 0 and x + side > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        cx, cy = x + r, y + r
        for v, (px, py) in local.items():
            out[v] = (round(cx + px, 1), round(cy + py, 1))
        x += side
        row_h = max(row_h, side)
    # centre the drawing on (0, 0)
    xs = [p[0] for p in out.values()]
    ys = [p[1] for p in out.values()]
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {v: (round(px - mx, 1), round(py - my, 1)) for v, (px, py) in out.items()}
