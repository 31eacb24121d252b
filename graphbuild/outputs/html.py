"""graph.html: one self-contained page (vis-network inlined from pyvis's own copy) that makes no network request.

The page template is ours, not pyvis's: pyvis's default template loads vis-network from a CDN (a blank page
offline), ``cdn_resources="local"`` points at files that are not written next to the page, and its templates set
text as HTML (``title`` -> innerHTML, select menus built from strings).  pyvis's add_edge also scans every edge
on insert (quadratic).  We keep pyvis for what it does well here: the vendored, version-pinned vis-network assets
(read through :func:`graphbuild.resources.vis_network_text`) and vis's node/edge dict shapes.  See docs/ANALYSIS.md.

The page is ``templates/graph.html.j2`` with ``graph.css`` and ``graph.js`` inlined (:mod:`graphbuild.outputs.
templating`); this module computes what goes into it: the JSON payload (:func:`graph_payload`), the caps'
notice and the Content-Security-Policy that lets exactly the page's two inline scripts run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from markupsafe import Markup

from graphbuild import resources
from graphbuild.analysis import Analysis
from graphbuild.fileio import atomic_write_text
from graphbuild.model import SYMMETRIC_RELATIONS
from graphbuild.outputs import templating
from graphbuild.outputs.layout import compute_layout, main_component

#: Default caps: beyond them the most central actors and the heaviest ties are kept, and the page says so.
MAX_NODES = 5000
MAX_EDGES = 20000
#: Above this many edges, edge labels are drawn only on hover (tooltips) and curves are straight (speed).
LARGE_EDGES = 1500
#: Edges handed to vis-network with the first frame, strongest first; the rest follow in steps of twice as many
#: after it, so the page pans, zooms and searches while vis builds its edge objects (~0.5 ms each on a loaded CI
#: machine; 2,000 in the first step cost ~1 s more before the first frame than 1,000).
EDGE_CHUNK = 1000
#: Evidence items per edge in the page (the claims panel lists them all; tooltips show the first three), and the
#: longest sentence kept (characters).
EVIDENCE_PER_EDGE = 50
MAX_SENTENCE = 400
#: Actors whose labels are always drawn (highest PageRank first), at no less than LABEL_MIN_PX screen pixels;
#: other labels appear once the zoom draws them at OTHER_LABEL_MIN_PX or more (and in tooltips on hover).
ALWAYS_LABELLED = 20
LABEL_MIN_PX = 12
OTHER_LABEL_MIN_PX = 9

TYPE_STYLE: dict[str, tuple[str, str]] = {  # type -> (colour, vis shape)
    "Country": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "square"),
    "Person": ("#b07aa1", "triangle"),
}
OTHER_STYLE = ("#9c9c9c", "diamond")
SIGN_COLOURS = {"cooperative": "#2e7d32", "conflictual": "#c62828", "neutral": "#8a8a8a"}
BALANCING_BORDER = "#e6a700"


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, read from the copy shipped inside the pyvis package."""
    js = resources.vis_network_text("vis-network.min.js")
    css = resources.vis_network_text("vis-network.css")
    # Inline <script>/<style> end at the first "</script" or "</style"; the vendored files contain none, but
    # make sure a future copy cannot break out of its element.
    js = js.replace("</script", "<\\/script").replace("<!--", "<\\!--")
    css = css.replace("</style", "<\\/style")
    return js, css


def json_for_script(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&``, U+2028/2029 raw.

    ``ensure_ascii`` escapes U+2028/2029 and lone surrogates; the three markup characters become ``\\u003c``
    etc., so neither ``</script>`` nor ``<!--`` can appear in the block.
    """
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(*scripts: str) -> str:
    """The page's CSP: nothing may load or connect; only our own inline scripts (by hash) run."""
    return (
        "default-src 'none'; "
        f"script-src {' '.join(_sha256(s) for s in scripts)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def _clip(text: str | None, limit: int = MAX_SENTENCE) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def actor_names(G: nx.MultiDiGraph, v: str) -> list[str]:
    """The names of actor ``v`` to highlight in a sentence: label, the names the corpus used, a person's surname."""
    node = G.nodes[v] if v in G else {}
    label = str(node.get("label") or v)
    names = {label, *(str(a) for a in node.get("aliases") or ())}
    if node.get("type") == "Person" and len(label.split()) > 1 and len(label.split()[-1]) >= 3:
        names.add(label.split()[-1])
    return sorted((n for n in names if len(n) >= 2), key=lambda n: (-len(n), n))


def name_spans(sentence: str, names_a: Sequence[str], names_b: Sequence[str]) -> list[list[int]]:
    """Where the two actors are named in ``sentence``: ``[start, end, 0 | 1]`` (0 = subject, 1 = object), sorted,
    non-overlapping, whole words only; longer names first."""
    import re

    taken: list[list[int]] = []
    for which, names in ((0, names_a), (1, names_b)):
        for name in names:
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", sentence):
                if all(m.end() <= s or m.start() >= e for s, e, _ in taken):
                    taken.append([m.start(), m.end(), which])
    return sorted(taken)


def prune(G: nx.MultiDiGraph, analysis: Analysis, max_nodes: int, max_edges: int) -> nx.MultiDiGraph:
    """Keep the ``max_nodes`` actors with the highest PageRank and the ``max_edges`` heaviest claims among them."""
    n_edges = G.number_of_edges()
    if G.number_of_nodes() <= max_nodes and n_edges <= max_edges:
        return G
    ranked = sorted(G, key=lambda v: (-analysis.pagerank.get(v, 0.0), v))[:max_nodes]
    keep = set(ranked)
    edges = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u in keep and v in keep]
    edges.sort(key=lambda e: (-e[3]["weight"], e[0], e[1], e[2]))
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from((v, G.nodes[v]) for v in ranked)
    H.add_edges_from(edges[:max_edges])
    return H


class _Strings:
    """The payload's string table: each distinct article string (sentence, document id, speaker) once."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, text: str, limit: int) -> int:
        text = _clip(text, limit)
        j = self._index.get(text)
        if j is None:
            j = self._index[text] = len(self.items)
            self.items.append(text)
        return j


def _node_columns(G: nx.MultiDiGraph, analysis: Analysis, node_ids: list[str], pos: Mapping[str, tuple]) -> dict:
    """The ``nodes`` columns of the payload: one list per field, in ``node_ids`` order."""
    index = {v: i for i, v in enumerate(node_ids)}
    pagerank = analysis.pagerank
    prmax = max((pagerank.get(v, 0.0) for v in node_ids), default=0.0) or 1.0
    balancing = {d["actor"] for d in analysis.balancing}
    xy = [pos.get(v, (0.0, 0.0)) for v in node_ids]
    return {
        "id": node_ids,
        "label": [str(G.nodes[v].get("label") or v) for v in node_ids],
        "type": [t if (t := (G.nodes[v].get("type") or "")) in TYPE_STYLE else "Actor" for v in node_ids],
        "qid": [G.nodes[v].get("qid") for v in node_ids],
        "iso3": [G.nodes[v].get("iso3") for v in node_ids],
        "x": [p[0] for p in xy],
        "y": [p[1] for p in xy],
        "size": [round(7 + 23 * math.sqrt(pagerank.get(v, 0.0) / prmax), 1) for v in node_ids],
        "pagerank": [round(pagerank.get(v, 0.0), 6) for v in node_ids],
        "degree": [analysis.degree.get(v, 0) for v in node_ids],
        "community": [analysis.community.get(v, -1) for v in node_ids],
        "balancing": [index[v] for v in node_ids if v in balancing],
        # the strongest pairs each balancing actor sits between: [actor, [[a, b, kind], ...]] as node indices
        "balancingPairs": [
            [index[d["actor"]], [[index[p["a"]], index[p["b"]], p["kind"]] for p in d["pairs"]
                                 if p["a"] in index and p["b"] in index][:3]]
            for d in analysis.balancing if d["actor"] in index
        ],
    }


def _first_view(analysis: Analysis, node_ids: list[str], main: set[str]) -> dict[str, Any]:
    """The first view: fitted to the largest connected component (None: the graph is one component; the rest are
    "fragments"), and the actors whose labels are always drawn (node indices)."""
    index = {v: i for i, v in enumerate(node_ids)}
    pagerank, degree = analysis.pagerank, analysis.degree
    by_rank = sorted(node_ids, key=lambda v: (-pagerank.get(v, 0.0), -degree.get(v, 0), v))
    # the always-labelled actors come from the main component: the first view is fitted to it
    # and so do the ten most connected actors (those an analyst looks for first)
    labelled = [v for v in by_rank if v in main][:ALWAYS_LABELLED]
    labelled += [v for v in sorted(main, key=lambda v: (-degree.get(v, 0), v))[:10] if v not in labelled]
    return {"main": [index[v] for v in node_ids if v in main] if len(main) < len(node_ids) else None,
            "labelled": [index[v] for v in labelled]}


def _evidence_rows(G: nx.MultiDiGraph, u: str, v: str, evidence: Sequence[dict], strings: _Strings) -> list[list]:
    """An edge's evidence for the page: ``[sentence, document, date, speaker, modality, confidence, spans]``, the
    strings as indices into the string table (speaker -1: none), spans ``[[start, end, 0 subject | 1 object]]``."""
    names_u, names_v = actor_names(G, u), actor_names(G, v)
    rows = []
    for e in evidence[:EVIDENCE_PER_EDGE]:
        sentence = _clip(e["sentence"], MAX_SENTENCE)
        speaker = e.get("speaker_label")
        rows.append([strings.ref(e["sentence"], MAX_SENTENCE), strings.ref(e["doc_id"], 200), e.get("date"),
                     -1 if speaker is None else strings.ref(speaker, 200), e.get("modality") or "asserted",
                     round(float(e.get("confidence", 0)), 3), name_spans(sentence, names_u, names_v)])
    return rows


def _edge_columns(G: nx.MultiDiGraph, edge_data: list[tuple[str, str, dict]], index: Mapping[str, int],
                  strings: _Strings, *, large: bool) -> dict[str, list[Any]]:
    """The ``edges`` columns of the payload, in ``edge_data`` order (strongest first)."""
    maxcount = max((d["count"] for _, _, d in edge_data), default=1)
    log_max = math.log1p(maxcount) if maxcount > 1 else 0.0
    cols: dict[str, list[Any]] = {k: [] for k in (
        "from", "to", "relation", "negated", "sign", "width", "count", "confidence", "first", "last", "curve",
        "evidence", "contested", "months")}
    parallel: dict[tuple[str, str], int] = {}
    for u, v, d in edge_data:
        pair = (u, v) if u < v else (v, u)
        nth = parallel.get(pair, 0)
        parallel[pair] = nth + 1
        count = d["count"]
        cols["from"].append(index[u])
        cols["to"].append(index[v])
        cols["relation"].append(d["relation"])
        cols["negated"].append(1 if d["negated"] else 0)
        cols["sign"].append(d["sign"])
        cols["width"].append(round(1 + 5 * math.log1p(count) / log_max, 1) if log_max else 1.5)
        cols["count"].append(count)
        cols["confidence"].append(round(d["confidence"], 3))
        cols["first"].append(d.get("first_seen"))
        cols["last"].append(d.get("last_seen"))
        # parallel claims between one pair fan out as curves (small graphs only: curves cost at scale)
        cols["curve"].append(0 if large else nth)
        cols["contested"].append(d.get("contested") or 0)
        cols["months"].append(d.get("months") or {})  # assertions per YYYY-MM: the dyad chart of the claims panel
        cols["evidence"].append(_evidence_rows(G, u, v, d["evidence"], strings))
    return cols


def vis_options(*, seed: int, large: bool) -> dict[str, Any]:
    """vis-network's options: no physics (positions come from our layout); big graphs drop costly drawing."""
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": seed},
        "interaction": {
            "hover": True,
            "tooltipDelay": 100,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": OTHER_LABEL_MIN_PX}}},
        "edges": {"font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}, "smooth": False,
                  "scaling": {"label": {"drawThreshold": 4}},
                  # above LARGE_EDGES arrowheads are not drawn (a third of the frame time; direction is in tooltips)
                  "arrows": {"to": {"enabled": not large, "scaleFactor": 0.5}}, "selectionWidth": 2, "hoverWidth": 1,
                  "color": {"inherit": False, "opacity": 0.85}},
        "groups": {
            t: {"shape": shape, "color": {"background": colour, "border": "#333333",
                                          "highlight": {"background": colour, "border": "#000000"},
                                          "hover": {"background": colour, "border": "#000000"}}}
            for t, (colour, shape) in {**TYPE_STYLE, "Actor": OTHER_STYLE}.items()
        },
    }


def graph_payload(
    G: nx.MultiDiGraph, analysis: Analysis, *, seed: int = 0, edge_labels: bool | None = None,
    documents: Mapping[str, tuple[str | None, str | None]] | None = None,
) -> dict[str, Any]:
    """The JSON the page reads, column by column (fast to encode and parse at 15,000 edges).

    ``nodes`` and ``edges`` map a field name to one list per field; ``strings`` holds every article string that
    appears in evidence (sentences, documents, speakers), referenced by index; the page's script rebuilds one
    object per node and edge.  Layout positions, sizes and colours are computed here, not in the browser.
    ``documents`` (doc id -> (title, date)) gives the claims panel the title of each document.
    """
    node_ids = list(G)
    pairs = [(u, v) for u, v, _ in G.edges(keys=True)]
    pos = compute_layout(node_ids, pairs, analysis.communities, seed=seed)
    # strongest first: the page adds edges to the drawing in this order (in chunks, for large graphs)
    edge_data = sorted(G.edges(data=True), key=lambda e: -e[2]["weight"])
    large = len(edge_data) > LARGE_EDGES
    if edge_labels is None:
        edge_labels = not large
    strings = _Strings()
    edges = _edge_columns(G, edge_data, {v: i for i, v in enumerate(node_ids)}, strings, large=large)
    relation_counts = dict(Counter(d["relation"] for _, _, d in edge_data))
    dates = [x for _, _, d in edge_data for x in (d.get("first_seen"), d.get("last_seen")) if x]
    docs_used = {e["doc_id"] for _, _, d in edge_data for e in d["evidence"][:EVIDENCE_PER_EDGE]}
    documents = documents or {}
    return {
        "nodes": _node_columns(G, analysis, node_ids, pos),
        "edges": edges,
        "strings": strings.items,
        "relations": sorted(relation_counts),
        "relationCounts": relation_counts,
        "symmetric": sorted(SYMMETRIC_RELATIONS),
        "signColours": SIGN_COLOURS,
        "dateRange": [min(dates), max(dates)] if dates else None,
        # doc id -> [title, date] for the claims panel (titles are article text: set as textContent)
        "documents": {doc: [_clip(documents[doc][0], 300) or None, documents[doc][1]]
                      for doc in sorted(docs_used) if doc in documents},
        "view": _first_view(analysis, node_ids, main_component(node_ids, pairs)),
        "options": {"vis": vis_options(seed=seed, large=large), "edgeLabels": bool(edge_labels),
                    "balancingBorder": BALANCING_BORDER, "edgeChunk": EDGE_CHUNK, "large": large,
                    "labelMinPx": LABEL_MIN_PX},
    }


def render_html(
    G: nx.MultiDiGraph,
    analysis: Analysis,
    path: Path | str,
    *,
    title: str = "graphbuild",
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    seed: int = 0,
    articles: Sequence[Any] = (),
    focus: str | None = None,
) -> None:
    """Write the interactive graph page to ``path`` (atomically).

    Args:
        G: A graph from :func:`graphbuild.analysis.to_networkx`.
        analysis: Its :func:`graphbuild.analysis.analyze` result (sizes, communities, balancing actors).
        path: The HTML file to write.
        title: Page title and heading (escaped; may come from data).
        max_nodes, max_edges: Caps; when they prune the graph the page shows a notice saying how much is shown.
        seed: Seed of the layout.
        articles: The corpus's :class:`graphbuild.model.Article` records (their titles and dates label the claims
            in the claims panel; without them the panel names documents by id).
        focus: An actor id the page opens centred on (its neighbourhood fitted, the actor selected) unless the
            URL hash names a view.
    """
    shown = prune(G, analysis, max_nodes, max_edges)
    documents = {a.doc_id: (a.title, a.date) for a in articles}
    payload = graph_payload(shown, analysis, seed=seed, documents=documents)
    payload["view"]["focus"] = focus if focus in shown else None
    notice = ""
    if shown is not G:
        notice = (
            f"Large graph: showing the {shown.number_of_nodes():,} most central of {G.number_of_nodes():,} actors "
            f"and the {shown.number_of_edges():,} strongest of {G.number_of_edges():,} relations "
            f"(caps: max_nodes={max_nodes:,}, max_edges={max_edges:,})."
        )
    vis_js, vis_css = vis_assets()
    app_js = templating.asset("graph.js")
    # Markup: text made safe for its place here (the CSP is our keywords and base64 hashes; JSON for a script
    # block; vis-network's code and ours); every other value, article text included, is escaped by the template.
    page = templating.render(
        "graph.html.j2",
        csp=Markup(content_security_policy(vis_js, app_js)),
        title=title,
        vis_css=Markup(vis_css),
        css=templating.asset("graph.css"),
        notice=notice,
        type_style=TYPE_STYLE,
        sign_colours=SIGN_COLOURS,
        balancing_border=BALANCING_BORDER,
        data=Markup(json_for_script(payload)),
        vis_js=Markup(vis_js),
        app_js=app_js,
    )
    atomic_write_text(Path(path), page)
