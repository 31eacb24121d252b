"""report.md and report.html: counts, central actors, communities, balancing actors, strongest relations.

Both reports show one context (:func:`report_context`: plain values, article strings as they are) through their
templates, ``templates/report.md.j2`` and ``templates/report.html.j2`` (:mod:`graphbuild.outputs.templating`).
Every string that comes from an article (actor names, sentences, document ids, speakers) is escaped for the
target format there: Markdown punctuation and HTML markup in report.md (the ``md`` filter), HTML in report.html
(autoescape).  report.html is self-contained: charts are inline SVG drawn by ``templates/charts.html.j2`` from
the geometry computed here (no plotting dependency, no network), and a Content-Security-Policy forbids every
fetch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.analysis import Analysis, dyad_timelines, edge_key
from graphbuild.fileio import atomic_write_text
from graphbuild.model import STRUCTURAL_RELATIONS, Article, Relation
from graphbuild.outputs import templating

TOP_ACTORS = 10
TOP_RELATIONS = 15
TOP_COMMUNITIES = 10
TOP_DYADS = 5
#: Names listed per community, and balancing pairs per actor.
COMMUNITY_NAMES = 12
BALANCING_PAIRS = 5


def _label(G: nx.MultiDiGraph, v: str) -> str:
    return str(G.nodes[v].get("label", v)) if v in G else v


def _strongest(G: nx.MultiDiGraph, n: int, *, structural: bool = False) -> list[tuple[str, str, dict]]:
    """The ``n`` heaviest claims among interactions (what actors did to each other: consult, threaten...) or,
    with ``structural=True``, among structural ties (leaderOf, memberOf, affiliatedWith, dependsOn...): a
    leader's tie to his country is not a relation between two independent actors and would fill the list."""
    edges = sorted((e for e in G.edges(data=True) if (e[2]["relation"] in STRUCTURAL_RELATIONS) == structural),
                   key=lambda e: (-e[2]["weight"], e[0], e[2]["relation"], e[1]))
    return edges[:n]


def _counts(G, analysis: Analysis, relations: Sequence[Relation], articles: Sequence[Article]) -> list[tuple]:
    """``(name, count, indented)`` rows of the counts table."""
    types = Counter(str(d.get("type") or "?") for _, d in G.nodes(data=True))
    return [
        ("Articles", len(articles), False),
        ("Actors in relations", analysis.nodes, False),
        *((t, c, True) for t, c in sorted(types.items())),
        ("Relation assertions", len(relations), False),
        ("of which negated", sum(1 for r in relations if r.negated), True),
        ("Aggregated relations (edges)", analysis.edges, False),
        ("Communities", len(analysis.communities), False),
        ("Balancing actors", len(analysis.balancing), False),
    ]


def _claim(G: nx.MultiDiGraph, u: str, v: str, d: Mapping[str, Any]) -> dict[str, Any]:
    """An aggregated claim as the reports show it (``relation`` reads ``not consult`` when negated)."""
    return {"subject": _label(G, u), "relation": ("not " if d["negated"] else "") + d["relation"],
            "object": _label(G, v), "count": d["count"], "confidence": d["confidence"],
            "sign": "negated claim" if d["negated"] else d["sign"],
            "evidence": [{"sentence": e["sentence"], "doc_id": e["doc_id"], "date": e.get("date"),
                          "speaker": e.get("speaker_label")} for e in d["evidence"][:2]]}


def _contested(G: nx.MultiDiGraph, analysis: Analysis) -> list[dict[str, Any]]:
    out = []
    for c in analysis.contested[:TOP_RELATIONS]:
        d = G.edges[c["subject"], c["object"], edge_key(c["relation"], c["negated"])]
        out.append({**_claim(G, c["subject"], c["object"], d), "reason": c["reason"], "speakers": d["speakers"]})
    return out


def _groups(G: nx.MultiDiGraph, analysis: Analysis) -> dict[str, Any]:
    """Communities, balancing actors and brokers, labelled."""
    communities = []
    for i, members in enumerate(analysis.communities[:TOP_COMMUNITIES]):
        ranked = sorted(members, key=lambda v: (-analysis.pagerank.get(v, 0.0), v))
        communities.append({"index": i, "size": len(members), "names": [_label(G, v) for v in ranked[:COMMUNITY_NAMES]],
                            "more": max(0, len(ranked) - COMMUNITY_NAMES)})
    balancing = [{"label": d["label"], "score": d["score"], "more_pairs": max(0, len(d["pairs"]) - BALANCING_PAIRS),
                  "pairs": [{"a": _label(G, p["a"]), "b": _label(G, p["b"]), "kind": p["kind"]}
                            for p in d["pairs"][:BALANCING_PAIRS]]}
                 for d in analysis.balancing[:TOP_ACTORS]]
    brokers = [{"label": _label(G, b["actor"]), "community": b["community"], "betweenness": b["betweenness"],
                "reaches": ", ".join(map(str, b["reaches"]))} for b in analysis.brokers[:TOP_ACTORS]]
    return {"communities": communities, "more_communities": max(0, len(analysis.communities) - TOP_COMMUNITIES),
            "balancing": balancing, "brokers": brokers}


def report_context(G: nx.MultiDiGraph, analysis: Analysis, relations: Sequence[Relation],
                   articles: Sequence[Article], *, title: str) -> dict[str, Any]:
    """What both reports show, as plain values; article strings are left as they are (the templates escape)."""
    central = [{"rank": i, "label": _label(G, v), "type": G.nodes[v].get("type") or "", "pagerank": pr,
                "degree": analysis.degree.get(v, 0), "betweenness": analysis.betweenness.get(v, 0.0),
                "community": analysis.community.get(v, -1)}
               for i, (v, pr) in enumerate(analysis.top("pagerank", TOP_ACTORS), 1)]
    cooperative = sum(1 for t in analysis.signed_ties if t["sign"] == "cooperative")
    dyads = [{**dy, "a": _label(G, dy["a"]), "b": _label(G, dy["b"])} for dy in dyad_timelines(G, TOP_DYADS)]
    return {
        "title": title,
        "analysis": analysis,
        "counts": _counts(G, analysis, relations, articles),
        "central": central,
        **_groups(G, analysis),
        "cooperative": cooperative,
        "conflictual": len(analysis.signed_ties) - cooperative,
        "strongest": [_claim(G, u, v, d) for u, v, d in _strongest(G, TOP_RELATIONS)],
        "contested": _contested(G, analysis),
        "structural": [_claim(G, u, v, d) for u, v, d in _strongest(G, TOP_RELATIONS, structural=True)],
        "dyads": dyads,
    }


def render_report_md(
    G: nx.MultiDiGraph, analysis: Analysis, relations: Sequence[Relation], articles: Sequence[Article],
    *, title: str = "graphbuild report",
) -> str:
    """The Markdown report as a string (see :func:`write_report_md`)."""
    return templating.render("report.md.j2", **report_context(G, analysis, relations, articles, title=title))


def write_report_md(
    path: Path | str, G: nx.MultiDiGraph, analysis: Analysis, relations: Sequence[Relation],
    articles: Sequence[Article], *, title: str = "graphbuild report",
) -> None:
    """Write report.md: counts, most central actors, communities, balancing actors, brokers, signed balance,
    strongest relations with their evidence, relations per month (atomically)."""
    atomic_write_text(Path(path), render_report_md(G, analysis, relations, articles, title=title))


# --------------------------------------------------------------------------------------------------------------
# Chart geometry for report.html (drawn by templates/charts.html.j2)

_COOP, _CONF, _NEUT, _BAR = "#2e7d32", "#c62828", "#8a8a8a", "#4e79a7"
_SIGN_ORDER = (("cooperative", _COOP), ("conflictual", _CONF), ("neutral", _NEUT), ("negated", "#bbbbbb"))


def bar_chart(items: Sequence[tuple[str, float, str]], *, width: int = 460, fmt: str = ".3g") -> dict | None:
    """A horizontal bar chart: ``items`` are (label, value, colour); ``fmt`` formats the values; None if empty."""
    if not items:
        return None
    bar_h, gap, label_w = 16, 4, 170
    vmax = max(abs(v) for _, v, _ in items) or 1.0
    bars = []
    for i, (label, value, colour) in enumerate(items):
        w = max(1.0, (width - label_w - 60) * abs(value) / vmax)
        bars.append({"y": i * (bar_h + gap) + 2, "w": w, "label": label, "colour": colour,
                     "short": label if len(label) <= 28 else label[:27] + "\u2026", "value": format(value, fmt)})
    return {"width": width, "height": len(items) * (bar_h + gap) + 4, "bar_h": bar_h, "label_w": label_w,
            "bars": bars}


def timeline(trends_by_sign: Mapping[str, Mapping[str, int]], *, width: int = 920, height: int = 200) -> dict | None:
    """Stacked monthly columns (cooperative / conflictual / neutral / negated); None without months."""
    months = sorted(trends_by_sign)
    if not months:
        return None
    vmax = max(sum(c.values()) for c in trends_by_sign.values()) or 1
    left, bottom = 36, 24
    cw = (width - left - 10) / len(months)
    step = max(1, len(months) // 12)
    columns = []
    for i, m in enumerate(months):
        x, y, rects = left + i * cw, height - bottom, []
        for key, colour in _SIGN_ORDER:
            c = trends_by_sign[m].get(key, 0)
            if c:
                h = (height - bottom - 8) * c / vmax
                y -= h
                rects.append({"y": y, "h": h, "colour": colour, "title": f"{m}: {c} {key}"})
        columns.append({"month": m, "x": x + 1, "w": max(cw - 2, 1), "rects": rects, "tick": i % step == 0})
    return {"width": width, "height": height, "left": left, "bottom": bottom, "vmax": vmax, "columns": columns}


def _sign_colour(key: str) -> str:
    from graphbuild.signs import sign_of

    if key.startswith("not:"):
        return "#bbbbbb"
    return {"cooperative": _COOP, "conflictual": _CONF}.get(sign_of(key).sign, _NEUT)


def _charts(G: nx.MultiDiGraph, analysis: Analysis) -> dict[str, Any]:
    ties = [(f"{_label(G, t['source'])} \u2013 {_label(G, t['target'])}", t["value"],
             _COOP if t["sign"] == "cooperative" else _CONF) for t in analysis.signed_ties[:15]]
    return {
        "actors": bar_chart([(_label(G, v), pr, _BAR) for v, pr in analysis.top("pagerank", TOP_ACTORS)], fmt=".3f"),
        "relations": bar_chart([(k, float(c), _sign_colour(k)) for k, c in list(analysis.relation_counts.items())[:15]],
                               fmt=".0f"),
        "ties": bar_chart(ties, fmt="+.1f"),
        "timeline": timeline(analysis.trends_by_sign),
    }


def render_report_html(
    G: nx.MultiDiGraph, analysis: Analysis, relations: Sequence[Relation], articles: Sequence[Article],
    *, title: str = "graphbuild report",
) -> str:
    """The HTML report as a string (see :func:`write_report_html`)."""
    context = report_context(G, analysis, relations, articles, title=title)
    for dy in context["dyads"]:
        dy["chart"] = timeline(dy["months"], width=460, height=120)
    return templating.render("report.html.j2", css=templating.asset("report.css"), charts=_charts(G, analysis),
                             **context)


def write_report_html(
    path: Path | str, G: nx.MultiDiGraph, analysis: Analysis, relations: Sequence[Relation],
    articles: Sequence[Article], *, title: str = "graphbuild report",
) -> None:
    """Write report.html: the report.md content plus inline-SVG charts (top actors, relation types, signed ties,
    timeline); self-contained, scripts-free, every article string escaped (atomically)."""
    atomic_write_text(Path(path), render_report_html(G, analysis, relations, articles, title=title))
