"""Node positions computed in Python, so the browser draws a still graph (no physics) at any size.

First view (issue 12): the largest connected component is laid out on its own by ForceAtlas2 (repulsion
weighted by degree + 1, so hubs push each other apart instead of collapsing into one corner), its most connected
actors are then pushed apart to a minimum distance, and every other component (the "fragments": two-node pairs and
small islands) is packed in a compact band under it.  The page fits its first view to the main component.  A main
component above ``FA2_MAX_NODES`` (ForceAtlas2 here is O(n^2) per iteration) falls back to the layout below.

Each community is laid out by Fruchterman-Reingold, then the communities are packed side by side in rows, largest
first; actors in communities of one or two sit in a grid block.  The force loop is our own numpy code, one loop for
all communities, with sampled repulsion: networkx's spring_layout needs scipy from 500 nodes on (graphbuild does not
depend on scipy) and below that runs one n^2 loop per community (measured: 0.2 s per 150-node community, 10 s for
5,000 nodes in 44 communities; this loop: about 0.3 s).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

#: Each node is repelled by this many nodes of its community, drawn afresh at every iteration.
REPULSION_SAMPLES = 32
#: Pixels between neighbouring nodes in the drawing.
NODE_SPACING = 60.0
ITERATIONS = 40


#: Up to this many nodes each connected component is laid out by networkx's spring_layout (exact forces).
SMALL_GRAPH = 300
SMALL_SPACING = 150.0


def _small_layout(nodes: list[str], edges: Iterable[tuple[str, str]], seed: int) -> dict[str, tuple[float, float]]:
    """Each connected component by networkx's spring_layout (exact forces), scaled to about SMALL_SPACING px
    between neighbours, then the components packed side by side (a far-off pair no longer squeezes the rest)."""
    import networkx as nx
    import numpy as np

    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((u, v) for u, v in edges if u != v and u in H and v in H)
    blocks = []
    comps = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
    for i, comp in enumerate(comps):
        if len(comp) == 1:
            pos = np.zeros(1, dtype=complex)
        else:
            xy = nx.spring_layout(H.subgraph(comp), seed=seed + i, iterations=100, method="force")
            pos = np.array([complex(*xy[v]) for v in comp])
            pos -= complex((pos.real.max() + pos.real.min()) / 2, (pos.imag.max() + pos.imag.min()) / 2)
            extent = max(pos.real.max() - pos.real.min(), pos.imag.max() - pos.imag.min()) or 1.0
            pos *= SMALL_SPACING * max(1.0, math.sqrt(len(comp))) * 1.1 / extent
        blocks.append((float(np.abs(pos).max()) + SMALL_SPACING / 2, comp, pos))
    return _pack(blocks)


#: ForceAtlas2 on the main component up to this many nodes (dense: n^2 per iteration; measured 0.3 s at 300,
#: ~2 s at 600 and 9 s at 1,200 on a loaded 2-core machine), above it the sampled layout below.
FA2_MAX_NODES = 600
FA2_ITERATIONS = 120
#: The most connected actors of the main component kept at least this share of its extent apart.
SPREAD_TOP = 20
SPREAD_SHARE = 0.06
#: Spacing of nodes inside fragments, relative to the main component's spacing (fragments are packed tightly).
FRAGMENT_SHARE = 0.55


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components (edge direction ignored), largest first, each sorted; ties by first id."""
    import networkx as nx

    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((u, v) for u, v in edges if u != v and u in H and v in H)
    return sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))


def main_component(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> set[str]:
    """The nodes of the largest connected component, or every node when no component has 3 or more."""
    comps = components(nodes, edges)
    if not comps or len(comps[0]) < 3:
        return set(nodes)
    return set(comps[0])


def spread_apart(pos, movers: Sequence[int], min_dist: float, carry: Sequence[Sequence[int]] = (),
                 rounds: int = 60):
    """Push the ``movers`` (indices into complex array ``pos``) apart until each pair is ``min_dist`` apart.

    Each mover takes the nodes listed in ``carry`` (same order as ``movers``: e.g. its leaves) along with it.
    Returns a new array; deterministic.
    """
    import numpy as np

    pos = pos.copy()
    movers = list(movers)
    for _ in range(rounds):
        moved = False
        for i in range(len(movers)):
            for j in range(i + 1, len(movers)):
                a, b = movers[i], movers[j]
                d = pos[b] - pos[a]
                dist = abs(d)
                if dist >= min_dist:
                    continue
                if dist < 1e-9:  # same spot: split along a fixed direction per pair
                    d, dist = complex(math.cos(i + 2 * j), math.sin(i + 2 * j)), 1.0
                push = d / dist * (min_dist - abs(pos[b] - pos[a])) / 2 * 1.05
                for k, sign in ((i, -1), (j, 1)):
                    pos[movers[k]] += sign * push
                    for c in carry[k] if k < len(carry) else ():
                        pos[c] += sign * push
                moved = True
        if not moved:
            break
    return np.asarray(pos)


def _main_layout(comp: list[str], edges: list[tuple[str, str]], spacing: float, seed: int):
    """ForceAtlas2 (degree-weighted repulsion, size-aware) on one component; complex positions centred on 0."""
    import networkx as nx
    import numpy as np

    H = nx.Graph()
    H.add_nodes_from(comp)
    H.add_edges_from(edges)
    deg = dict(H.degree())
    index = {v: i for i, v in enumerate(comp)}
    pairs = [(index[u], index[v]) for u, v in H.edges() if u != v]
    pos = forceatlas2(len(comp), pairs, np.array([deg[v] for v in comp], dtype=float), np.random.default_rng(seed))
    pos -= complex((pos.real.max() + pos.real.min()) / 2, (pos.imag.max() + pos.imag.min()) / 2)
    extent = max(pos.real.max() - pos.real.min(), pos.imag.max() - pos.imag.min()) or 1.0
    target = math.sqrt(len(comp)) * spacing * 1.2
    pos *= target / extent
    top = sorted(comp, key=lambda v: (-deg[v], v))[:SPREAD_TOP]
    carry = [[index[w] for w in H[v] if deg[w] == 1] for v in top]
    pos = spread_apart(pos, [index[v] for v in top], SPREAD_SHARE * target, carry)
    return pos


def forceatlas2(n: int, edges: list[tuple[int, int]], degree, rng, iterations: int = FA2_ITERATIONS):
    """ForceAtlas2 (Jacomy et al. 2014) in a few dense numpy operations per iteration; complex positions.

    Repulsion between every pair is ``k_r (deg_i + 1)(deg_j + 1) / d`` (degree-weighted: hubs push each other
    apart, leaves stay near their hub), attraction along edges is linear in distance, and gravity
    ``(deg_i + 1)`` pulls every node to the centre so that loose parts stay close.  Steps are capped by a
    temperature that cools linearly, as in Fruchterman-Reingold, instead of FA2's adaptive speeds (deterministic,
    and fast to converge on the few hundred nodes this is used for).  networkx's ``forceatlas2_layout`` computes
    the same forces on n x n x 2 arrays and was 5-10x slower here (33 s for 1,200 nodes on a loaded 2-core machine).
    """
    import numpy as np

    mass = np.asarray(degree, dtype=float) + 1.0
    pos = (rng.random(n) - 0.5 + 1j * (rng.random(n) - 0.5)) * math.sqrt(n)
    src = np.array([a for a, _ in edges], dtype=np.int64)
    dst = np.array([b for _, b in edges], dtype=np.int64)
    k_r, gravity = 1.0, 1.0
    t = math.sqrt(n) / 4
    dt = t / (iterations + 1)
    for _ in range(iterations):
        x, y = pos.real, pos.imag
        dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]  # real arrays: complex matmul is ~10x slower
        inv = dx * dx + dy * dy
        np.fill_diagonal(inv, 1.0)
        inv = 1.0 / np.maximum(inv, 1e-4)
        # sum_j m_i m_j (p_i - p_j) / d^2
        disp = k_r * mass * (((dx * inv) @ mass) + 1j * ((dy * inv) @ mass))
        if len(src):
            f = pos[src] - pos[dst]
            disp -= np.bincount(src, weights=f.real, minlength=n) + 1j * np.bincount(src, weights=f.imag, minlength=n)
            disp += np.bincount(dst, weights=f.real, minlength=n) + 1j * np.bincount(dst, weights=f.imag, minlength=n)
        r = np.abs(pos)
        disp -= gravity * mass * pos / np.maximum(r, 1e-9)
        length = np.maximum(np.abs(disp), 1e-9)
        pos = pos + disp * (np.minimum(length, t) / length)
        t -= dt
    return pos


def _fragment_blocks(comps: list[list[str]], edges: list[tuple[str, str]], spacing: float, seed: int):
    """Each small component laid out compactly: pairs side by side, larger ones by spring_layout."""
    import networkx as nx
    import numpy as np

    blocks = []
    H = nx.Graph()
    H.add_edges_from(edges)
    for i, comp in enumerate(comps):
        if len(comp) == 1:
            pos = np.zeros(1, dtype=complex)
        elif len(comp) == 2:
            pos = np.array([-spacing / 2, spacing / 2], dtype=complex)
        else:
            xy = nx.spring_layout(H.subgraph(comp), seed=seed + i, iterations=60, method="force")
            pos = np.array([complex(*xy[v]) for v in comp])
            pos -= complex((pos.real.max() + pos.real.min()) / 2, (pos.imag.max() + pos.imag.min()) / 2)
            extent = max(pos.real.max() - pos.real.min(), pos.imag.max() - pos.imag.min()) or 1.0
            pos *= spacing * math.sqrt(len(comp)) / extent
        blocks.append((float(np.abs(pos).max()) + spacing / 2, comp, pos))
    return blocks


def _first_view_layout(nodes: list[str], edges: list[tuple[str, str]], seed: int):
    """The main component by ForceAtlas2, the fragments packed in rows under it; None when it does not apply."""
    comps = components(nodes, edges)
    if not comps or len(comps[0]) < 3 or len(comps[0]) > FA2_MAX_NODES:
        return None
    if any(len(c) > SMALL_GRAPH for c in comps[1:]):
        return None
    main = comps[0]
    spacing = spacing_for(len(nodes))
    in_main = set(main)
    pos = _main_layout(main, [(u, v) for u, v in edges if u in in_main and v in in_main], spacing, seed)
    out = {v: (float(p.real), float(p.imag)) for v, p in zip(main, pos)}
    if len(comps) > 1:
        frag_spacing = spacing * FRAGMENT_SHARE
        blocks = _fragment_blocks(comps[1:], [(u, v) for u, v in edges if u not in in_main], frag_spacing, seed)
        width = max(pos.real.max() - pos.real.min(), max(2 * r for r, _, _ in blocks))
        packed = _pack(blocks, width=width, centre=False)
        top = pos.imag.max() + 2 * spacing
        left = pos.real.min()
        for v, (x, y) in packed.items():
            out[v] = (x + left, y + top)
    return {v: (round(x, 1), round(y, 1)) for v, (x, y) in out.items()}


def spacing_for(n: int) -> float:
    """Pixel spacing between neighbours for a graph of ``n`` nodes (small graphs get more room for labels)."""
    return 180.0 if n <= 60 else 110.0 if n <= 600 else NODE_SPACING


def compute_layout(
    nodes: Sequence[str],
    edges: Iterable[tuple[str, str]],
    communities: Sequence[Sequence[str]],
    *,
    seed: int = 0,
) -> dict[str, tuple[float, float]]:
    """Positions in vis-network pixel coordinates for every node.

    Args:
        nodes: Every node id.
        edges: Pairs of node ids (direction and repeats do not matter; self-loops are ignored).
        communities: A partition of the nodes (as from :func:`graphbuild.analysis.analyze`); nodes missing from
            it are laid out as singletons.
        seed: Seed of every random choice; the same inputs give the same positions.
    """
    import numpy as np

    node_set = set(nodes)
    edges = [(u, v) for u, v in edges if u != v and u in node_set and v in node_set]
    first = _first_view_layout(sorted(node_set), edges, seed)
    if first is not None:
        return first
    if len(node_set) <= SMALL_GRAPH:
        return _small_layout(sorted(node_set), edges, seed)
    spacing = spacing_for(len(node_set))
    seen: set[str] = set()
    groups: list[list[str]] = []
    for c in communities:
        g = sorted(v for v in c if v in node_set and v not in seen)
        seen.update(g)
        if g:
            groups.append(g)
    groups.extend([v] for v in sorted(node_set - seen))
    big = sorted((g for g in groups if len(g) > 2), key=lambda g: (-len(g), g[0]))
    small = [v for g in groups if len(g) <= 2 for v in g]

    # all communities in one flat array: node i belongs to community comm[i], slots start[c] .. start[c]+size[c]
    index: dict[str, int] = {}
    group_of: dict[str, int] = {}
    for gi, g in enumerate(big):
        for v in g:
            index[v] = len(index)
            group_of[v] = gi
    sizes = np.array([len(g) for g in big], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])) if len(big) else np.zeros(0, dtype=np.int64)
    comm = np.repeat(np.arange(len(big)), sizes)
    pairs = [(index[u], index[v]) for u, v in edges if u != v and u in group_of and group_of[u] == group_of.get(v)]
    flat = fruchterman_reingold(comm, starts, sizes, pairs, np.random.default_rng(seed)) if len(big) else None

    blocks: list[tuple[float, list[str], np.ndarray]] = []
    for gi, g in enumerate(big):
        pos = flat[starts[gi] : starts[gi] + sizes[gi]]
        centre = (pos.real.max() + pos.real.min()) / 2 + 1j * (pos.imag.max() + pos.imag.min()) / 2
        extent = max(pos.real.max() - pos.real.min(), pos.imag.max() - pos.imag.min()) or 1.0
        pos = (pos - centre) * (math.sqrt(len(g)) * spacing * 1.2 / extent)
        blocks.append((float(np.abs(pos).max()) + spacing / 2, g, pos))
    if small:
        side = math.ceil(math.sqrt(len(small)))
        idx = np.arange(len(small))
        pos = ((idx % side - (side - 1) / 2) + 1j * (idx // side - (side - 1) / 2)) * spacing
        blocks.append((float(np.abs(pos).max()) + spacing / 2, small, pos))
    return _pack(blocks)


def fruchterman_reingold(comm, starts, sizes, edges: list[tuple[int, int]], rng, iterations: int = ITERATIONS):
    """Fruchterman-Reingold for many communities at once, each in its own unit square; complex positions.

    Args:
        comm: Community of each node (numpy int array, nodes grouped by community).
        starts, sizes: First node and node count of each community.
        edges: Pairs of node indices inside one community.

    Each node is repelled by ``REPULSION_SAMPLES`` nodes of its community drawn afresh every iteration (scaled by
    size/samples) instead of all of them -- O(n * samples) in a handful of numpy calls per iteration, which is
    what keeps 5,000 nodes well under a second.  Attraction along edges is exact.
    """
    import numpy as np

    n = len(comm)
    pos = rng.random(n) + 1j * rng.random(n)
    size = sizes[comm].astype(float)  # per node
    k2 = 1.0 / size
    src = np.array([a for a, _ in edges], dtype=np.int64)
    dst = np.array([b for _, b in edges], dtype=np.int64)
    k_edge = np.sqrt(k2[src]) if len(src) else np.zeros(0)
    m = REPULSION_SAMPLES
    scale = (size / m) * k2
    t, dt = 0.1, 0.1 / (iterations + 1)
    for _ in range(iterations):
        other = starts[comm][:, None] + (rng.random((n, m)) * size[:, None]).astype(np.int64)  # n x m
        delta = pos[:, None] - pos[other]
        dist2 = np.maximum(delta.real**2 + delta.imag**2, 1e-6)
        disp = (delta / dist2).sum(axis=1) * scale
        if len(src):
            d = pos[src] - pos[dst]
            f = d * (np.abs(d) / k_edge)
            disp -= np.bincount(src, weights=f.real, minlength=n) + 1j * np.bincount(src, weights=f.imag, minlength=n)
            disp += np.bincount(dst, weights=f.real, minlength=n) + 1j * np.bincount(dst, weights=f.imag, minlength=n)
        length = np.maximum(np.abs(disp), 1e-9)
        pos = pos + disp * (np.minimum(length, t) / length)
        t -= dt
    return pos


def _pack(blocks, *, width: float | None = None, centre: bool = True) -> dict[str, tuple[float, float]]:
    """Shelf-pack the blocks (as squares of side 2r) in rows of about equal width, largest first; centre on 0
    (or, with ``centre=False``, top-left corner at 0)."""
    if not blocks:
        return {}
    area = sum((2 * r) ** 2 for r, _, _ in blocks)
    width = max(width or math.sqrt(area) * 1.1, max(2 * r for r, _, _ in blocks))
    placed = []
    x = y = row_h = 0.0
    for r, names, pos in blocks:
        side = 2 * r
        if x > 0 and x + side > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        placed.append((names, pos + complex(x + r, y + r)))
        x += side
        row_h = max(row_h, side)
    xs = [p.real.min() for _, p in placed] + [p.real.max() for _, p in placed]
    ys = [p.imag.min() for _, p in placed] + [p.imag.max() for _, p in placed]
    shift = complex((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2) if centre else complex(min(xs), min(ys))
    out: dict[str, tuple[float, float]] = {}
    for names, pos in placed:
        pos = pos - shift
        for v, re_, im in zip(names, pos.real.round(1).tolist(), pos.imag.round(1).tolist()):
            out[v] = (re_, im)
    return out
