"""report.md and report.html: counts, central actors, communities, balancing actors, strongest relations.

Every string that comes from an article (actor names, sentences, document ids, speakers) is escaped for the target
format: Markdown punctuation and HTML markup in report.md, HTML in report.html.  report.html is self-contained:
charts are inline SVG (no plotting dependency, no network), and a Content-Security-Policy forbids every fetch.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.analysis import Analysis, dyad_timelines, edge_key
from graphbuild.fileio import atomic_write_text
from graphbuild.model import STRUCTURAL_RELATIONS, Article, Relation

TOP_ACTORS = 10
TOP_RELATIONS = 15
TOP_COMMUNITIES = 10
TOP_DYADS = 5

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def md_escape(text: Any) -> str:
    """Escape text for inline Markdown: markup characters backslash-escaped, HTML tags as entities, one line."""
    s = _CONTROL.sub("", str(text))
    s = " ".join(s.split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


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
    types = Counter(str(d.get("type") or "?") for _, d in G.nodes(data=True))
    rows = [
        ("Articles", len(articles)),
        ("Actors in relations", analysis.nodes),
        *((f"  {t}", c) for t, c in sorted(types.items())),
        ("Relation assertions", len(relations)),
        ("  of which negated", sum(1 for r in relations if r.negated)),
        ("Aggregated relations (edges)", analysis.edges),
        ("Communities", len(analysis.communities)),
        ("Balancing actors", len(analysis.balancing)),
    ]
    return rows


# --------------------------------------------------------------------------------------------------------------
# Markdown


def render_report_md(
    G: nx.MultiDiGraph, analysis: Analysis, relations: Sequence[Relation], articles: Sequence[Article],
    *, title: str = "graphbuild report",
) -> str:
    """The Markdown report as a string (see :func:`write_report_md`)."""
    L = G.nodes
    out = [f"# {md_escape(title)}", ""]
    out += ["## Counts", "", "| | count |", "|---|---:|"]
    out += [f"| {md_escape(k.strip()) if not k.startswith('  ') else '&nbsp;&nbsp;' + md_escape(k.strip())} | {v} |"
            for k, v in _counts(G, analysis, relations, articles)]
    out += ["", "## Most central actors", "",
            "PageRank on the weighted relation graph (weight = evidence count x mean confidence); betweenness "
            + ("exact." if analysis.betweenness_exact else "estimated from sampled pivots (seed %d)." % analysis.seed),
            "", "| # | actor | type | PageRank | degree | betweenness | community |", "|---:|---|---|---:|---:|---:|---:|"]
    for i, (v, pr) in enumerate(analysis.top("pagerank", TOP_ACTORS), 1):
        out.append(
            f"| {i} | {md_escape(_label(G, v))} | {md_escape(L[v].get('type') or '')} | {pr:.4f} | "
            f"{analysis.degree.get(v, 0)} | {analysis.betweenness.get(v, 0.0):.4f} | {analysis.community.get(v, -1)} |"
        )
    out += ["", "## Communities", "", f"Louvain (seed {analysis.seed}); members by PageRank.", ""]
    for i, members in enumerate(analysis.communities[:TOP_COMMUNITIES]):
        ranked = sorted(members, key=lambda v: (-analysis.pagerank.get(v, 0.0), v))
        names = ", ".join(md_escape(_label(G, v)) for v in ranked[:12])
        more = f" and {len(ranked) - 12} more" if len(ranked) > 12 else ""
        out.append(f"- **{i}** ({len(members)}): {names}{more}")
    if len(analysis.communities) > TOP_COMMUNITIES:
        out.append(f"- ... {len(analysis.communities) - TOP_COMMUNITIES} smaller communities")
    out += ["", "## Balancing actors", "",
            "Tied cooperatively to two actors that are in conflict, or aligned with one bloc while cooperating with "
            "another (rule in docs/ANALYSIS.md).", ""]
    if not analysis.balancing:
        out.append("None found.")
    for d in analysis.balancing[:TOP_ACTORS]:
        pairs = "; ".join(
            f"{md_escape(_label(G, p['a']))} and {md_escape(_label(G, p['b']))} ({p['kind']})" for p in d["pairs"][:5]
        )
        more = f"; and {len(d['pairs']) - 5} more pairs" if len(d["pairs"]) > 5 else ""
        out.append(f"- **{md_escape(d['label'])}** (score {d['score']:.2f}): between {pairs}{more}")
    out += ["", "## Brokers between communities", ""]
    if not analysis.brokers:
        out.append("None found.")
    for b in analysis.brokers[:TOP_ACTORS]:
        out.append(
            f"- {md_escape(_label(G, b['actor']))} (community {b['community']}) reaches communities "
            f"{', '.join(map(str, b['reaches']))}; betweenness {b['betweenness']:.4f}"
        )
    bal = analysis.balance
    out += ["", "## Signed ties and structural balance", ""]
    coop = sum(1 for t in analysis.signed_ties if t["sign"] == "cooperative")
    out.append(f"{coop} cooperative and {len(analysis.signed_ties) - coop} conflictual pairs (negated claims excluded). "
               + (f"{bal['balanced']} of {bal['triangles']} signed triangles are balanced ({bal['ratio']:.0%})."
                  if bal["triangles"] else "No signed triangles."))
    out += ["", "## Strongest relations", "", "Interactions (agree, consult, threaten...); structural ties are in the "
            "next table.", ""]
    strongest = _strongest(G, TOP_RELATIONS)
    if not strongest:
        out.append("None found.")
    for u, v, d in strongest:
        rel = ("not " if d["negated"] else "") + d["relation"]
        out.append(
            f"- **{md_escape(_label(G, u))}** {md_escape(rel)} **{md_escape(_label(G, v))}** "
            f"({d['count']} assertion{'s' if d['count'] != 1 else ''}, mean confidence {d['confidence']:.2f}, "
            f"{'negated claim' if d['negated'] else d['sign']})"
        )
        for e in d["evidence"][:2]:
            meta = [f"document {md_escape(e['doc_id'])}"]
            if e.get("date"):
                meta.append(md_escape(e["date"]))
            if e.get("speaker_label"):
                meta.append(f"speaker {md_escape(e['speaker_label'])}")
            out.append(f"  - \u201c{md_escape(e['sentence'])}\u201d ({', '.join(meta)})")
    out += ["", "## Contested relations", "", "Claims the corpus disputes: the same claim asserted and denied, or "
            "speakers who disagree about the same two actors.", ""]
    if not analysis.contested:
        out.append("None found.")
    for c in analysis.contested[:TOP_RELATIONS]:
        d = G.edges[c["subject"], c["object"], edge_key(c["relation"], c["negated"])]
        rel = ("not " if c["negated"] else "") + c["relation"]
        speakers = f"; speakers: {', '.join(md_escape(s) for s in d['speakers'])}" if d["speakers"] else ""
        out.append(f"- **{md_escape(_label(G, c['subject']))}** {md_escape(rel)} **{md_escape(_label(G, c['object']))}**"
                   f" — contested ({md_escape(c['reason'])}; {d['count']} assertion"
                   f"{'s' if d['count'] != 1 else ''}{speakers})")
    out += ["", "## Structural ties", "", "Leadership, membership, affiliation, dependence and alliance, heaviest first.", ""]
    structural = _strongest(G, TOP_RELATIONS, structural=True)
    if not structural:
        out.append("None found.")
    else:
        out += ["| actor | tie | actor | assertions | mean confidence |", "|---|---|---|---:|---:|"]
    for u, v, d in structural:
        rel = ("not " if d["negated"] else "") + d["relation"]
        out.append(f"| {md_escape(_label(G, u))} | {md_escape(rel)} | {md_escape(_label(G, v))} | {d['count']} | "
                   f"{d['confidence']:.2f} |")
    out += ["", "## Strongest dyads over time", "", "The strongest pairs of actors by the weight of their interaction "
            "claims; claims per month, cooperative vs conflictual (negated claims left out).", ""]
    dyads = dyad_timelines(G, TOP_DYADS)
    if not dyads:
        out.append("None found.")
    for dy in dyads:
        out.append(f"**{md_escape(_label(G, dy['a']))} – {md_escape(_label(G, dy['b']))}** "
                   f"(weight {dy['weight']:.2f}{'; ' + str(dy['undated']) + ' undated' if dy['undated'] else ''})")
        out.append("")
        if dy["months"]:
            out += ["| month | cooperative | conflictual | neutral |", "|---|---:|---:|---:|"]
            out += [f"| {md_escape(m)} | {c['cooperative']} | {c['conflictual']} | {c['neutral']} |"
                    for m, c in dy["months"].items()]
        else:
            out.append("No dated claims.")
        out.append("")
    if analysis.trends:
        out += ["", "## Relations per month", "", "| month | assertions |", "|---|---:|"]
        out += [f"| {md_escape(m)} | {c} |" for m, c in analysis.trends.items()]
    out.append("")
    return "\n".join(out)


def write_report_md(
    path: Path | str, G: nx.MultiDiGraph, analysis: Analysis, relations: Sequence[Relation],
    articles: Sequence[Article], *, title: str = "graphbuild report",
) -> None:
    """Write report.md: counts, most central actors, communities, balancing actors, brokers, signed balance,
    strongest relations with their evidence, relations per month (atomically)."""
    atomic_write_text(Path(path), render_report_md(G, analysis, relations, articles, title=title))


# --------------------------------------------------------------------------------------------------------------
# HTML with inline SVG charts

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; color: #222; max-width: 980px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 24px; } h2 { font-size: 18px; margin-top: 28px; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 8px 0; } td, th { border: 1px solid #ddd; padding: 3px 8px; }
td.n { text-align: right; } .ev { color: #444; margin: 2px 0 2px 18px; font-size: 14px; }
.meta { color: #777; } figure { margin: 12px 0; } figcaption { font-size: 13px; color: #555; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
svg text { font: 11px system-ui, sans-serif; fill: #333; }
"""
_COOP, _CONF, _NEUT, _BAR = "#2e7d32", "#c62828", "#8a8a8a", "#4e79a7"


def _e(text: Any) -> str:
    return html.escape(_CONTROL.sub("", str(text)), quote=True)


def svg_bar_chart(items: Sequence[tuple[str, float, str]], *, width: int = 460, fmt: str = "{:.3g}") -> str:
    """A horizontal bar chart as inline SVG; ``items`` are (label, value, colour); labels are escaped."""
    if not items:
        return "<p>No data.</p>"
    bar_h, gap, label_w = 16, 4, 170
    height = len(items) * (bar_h + gap) + 4
    vmax = max(abs(v) for _, v, _ in items) or 1.0
    rows = []
    for i, (label, value, colour) in enumerate(items):
        y = i * (bar_h + gap) + 2
        w = max(1.0, (width - label_w - 60) * abs(value) / vmax)
        short = label if len(label) <= 28 else label[:27] + "\u2026"
        rows.append(
            f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{_e(short)}<title>{_e(label)}</title></text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}"></rect>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 12}">{_e(fmt.format(value))}</text>'
        )
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">'
            + "".join(rows) + "</svg>")


def svg_timeline(trends_by_sign: dict[str, dict[str, int]], *, width: int = 920, height: int = 200) -> str:
    """Stacked monthly columns (cooperative / conflictual / neutral / negated) as inline SVG."""
    months = sorted(trends_by_sign)
    if not months:
        return "<p>No dated relations.</p>"
    order = (("cooperative", _COOP), ("conflictual", _CONF), ("neutral", _NEUT), ("negated", "#bbbbbb"))
    vmax = max(sum(c.values()) for c in trends_by_sign.values()) or 1
    left, bottom = 36, 24
    cw = (width - left - 10) / len(months)
    parts = [f'<line x1="{left}" y1="{height - bottom}" x2="{width - 5}" y2="{height - bottom}" stroke="#999"></line>',
             f'<text x="2" y="12">{vmax}</text><text x="2" y="{height - bottom}">0</text>']
    step = max(1, len(months) // 12)
    for i, m in enumerate(months):
        x = left + i * cw
        y = height - bottom
        for key, colour in order:
            c = trends_by_sign[m].get(key, 0)
            if c:
                h = (height - bottom - 8) * c / vmax
                y -= h
                parts.append(f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(cw - 2, 1):.1f}" height="{h:.1f}" '
                             f'fill="{colour}"><title>{_e(m)}: {c} {key}</title></rect>')
        if i % step == 0:
            parts.append(f'<text x="{x + 1:.1f}" y="{height - 8}">{_e(m)}</text>')
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">{"".join(parts)}</svg>'


def render_report_html(
    G: nx.MultiDiGraph, analysis: Analysis, relations: Sequence[Relation], articles: Sequence[Article],
    *, title: str = "graphbuild report",
) -> str:
    """The HTML report as a string (see :func:`write_report_html`)."""
    h: list[str] = []
    h.append("<table>" + "".join(
        f"<tr><td>{'&nbsp;&nbsp;' if k.startswith('  ') else ''}{_e(k.strip())}</td><td class=n>{v}</td></tr>"
        for k, v in _counts(G, analysis, relations, articles)) + "</table>")
    top = analysis.top("pagerank", TOP_ACTORS)
    rel_items = [(k, float(c), _sign_colour(k)) for k, c in list(analysis.relation_counts.items())[:15]]
    ties = analysis.signed_ties[:15]
    tie_items = [(f"{_label(G, t['source'])} \u2013 {_label(G, t['target'])}", t["value"],
                  _COOP if t["sign"] == "cooperative" else _CONF) for t in ties]
    h.append('<h2>Charts</h2><div class="charts">')
    h.append("<figure>" + svg_bar_chart([(_label(G, v), pr, _BAR) for v, pr in top], fmt="{:.3f}")
             + "<figcaption>Top actors by PageRank</figcaption></figure>")
    h.append("<figure>" + svg_bar_chart(rel_items, fmt="{:.0f}")
             + "<figcaption>Relation types (assertions; not: = negated)</figcaption></figure>")
    h.append("<figure>" + svg_bar_chart(tie_items, fmt="{:+.1f}")
             + "<figcaption>Strongest signed ties (net Goldstein-style weight; green cooperative, red "
               "conflictual)</figcaption></figure>")
    h.append("</div>")
    h.append("<figure>" + svg_timeline(analysis.trends_by_sign)
             + "<figcaption>Relations per month by sign</figcaption></figure>")
    h.append("<h2>Most central actors</h2><table><tr><th>#</th><th>actor</th><th>type</th><th>PageRank</th>"
             "<th>degree</th><th>betweenness</th><th>community</th></tr>")
    for i, (v, pr) in enumerate(top, 1):
        h.append(f"<tr><td class=n>{i}</td><td>{_e(_label(G, v))}</td><td>{_e(G.nodes[v].get('type') or '')}</td>"
                 f"<td class=n>{pr:.4f}</td><td class=n>{analysis.degree.get(v, 0)}</td>"
                 f"<td class=n>{analysis.betweenness.get(v, 0.0):.4f}</td><td class=n>{analysis.community.get(v, -1)}</td></tr>")
    h.append("</table>")
    h.append("<h2>Communities</h2><ul>")
    for i, members in enumerate(analysis.communities[:TOP_COMMUNITIES]):
        ranked = sorted(members, key=lambda v: (-analysis.pagerank.get(v, 0.0), v))
        more = f" and {len(ranked) - 12} more" if len(ranked) > 12 else ""
        h.append(f"<li><b>{i}</b> ({len(members)}): {_e(', '.join(_label(G, v) for v in ranked[:12]))}{more}</li>")
    h.append("</ul>")
    h.append("<h2>Balancing actors</h2>")
    if not analysis.balancing:
        h.append("<p>None found.</p>")
    else:
        h.append("<ul>")
        for d in analysis.balancing[:TOP_ACTORS]:
            pairs = "; ".join(f"{_e(_label(G, p['a']))} and {_e(_label(G, p['b']))} ({_e(p['kind'])})"
                              for p in d["pairs"][:5])
            h.append(f"<li><b>{_e(d['label'])}</b> (score {d['score']:.2f}): between {pairs}</li>")
        h.append("</ul>")
    h.append("<h2>Brokers between communities</h2><ul>")
    for b in analysis.brokers[:TOP_ACTORS]:
        h.append(f"<li>{_e(_label(G, b['actor']))} (community {b['community']}) reaches "
                 f"{_e(', '.join(map(str, b['reaches'])))}; betweenness {b['betweenness']:.4f}</li>")
    h.append("</ul>")
    bal = analysis.balance
    h.append("<h2>Structural balance</h2><p>" + (
        f"{bal['balanced']} of {bal['triangles']} signed triangles are balanced ({bal['ratio']:.0%}); by type: "
        + _e(", ".join(f"{k}: {v}" for k, v in bal["by_type"].items())) if bal["triangles"] else "No signed triangles.")
        + "</p>")
    h.append("<h2>Strongest relations</h2><p>Interactions (agree, consult, threaten...); structural ties are in "
             "the next table.</p><ul>")
    for u, v, d in _strongest(G, TOP_RELATIONS):
        rel = ("not " if d["negated"] else "") + d["relation"]
        h.append(f"<li><b>{_e(_label(G, u))}</b> {_e(rel)} <b>{_e(_label(G, v))}</b> "
                 f"<span class=meta>({d['count']} assertion(s), mean confidence {d['confidence']:.2f}, "
                 f"{'negated claim' if d['negated'] else _e(d['sign'])})</span>")
        for e in d["evidence"][:2]:
            meta = [f"document {e['doc_id']}"] + ([e["date"]] if e.get("date") else []) + (
                [f"speaker {e['speaker_label']}"] if e.get("speaker_label") else [])
            h.append(f'<div class="ev">\u201c{_e(e["sentence"])}\u201d <span class=meta>({_e(", ".join(meta))})</span></div>')
        h.append("</li>")
    h.append("</ul>")
    h.append("<h2>Contested relations</h2>")
    if not analysis.contested:
        h.append("<p>None found.</p>")
    else:
        h.append("<ul>")
        for c in analysis.contested[:TOP_RELATIONS]:
            d = G.edges[c["subject"], c["object"], edge_key(c["relation"], c["negated"])]
            rel = ("not " if c["negated"] else "") + c["relation"]
            speakers = f"; speakers: {', '.join(d['speakers'])}" if d["speakers"] else ""
            h.append(f"<li><b>{_e(_label(G, c['subject']))}</b> {_e(rel)} <b>{_e(_label(G, c['object']))}</b> "
                     f"<span class=meta>contested ({_e(c['reason'])}; {d['count']} assertion(s){_e(speakers)})</span></li>")
        h.append("</ul>")
    h.append("<h2>Strongest dyads over time</h2><p>The strongest pairs of actors by the weight of their interaction "
             "claims; claims per month (green cooperative, red conflictual, grey neutral; negated claims left out).</p>")
    dyads = dyad_timelines(G, TOP_DYADS)
    if not dyads:
        h.append("<p>None found.</p>")
    for dy in dyads:
        caption = f"{_label(G, dy['a'])} – {_label(G, dy['b'])} (weight {dy['weight']:.2f}" + (
            f"; {dy['undated']} undated claim(s))" if dy["undated"] else ")")
        chart = svg_timeline(dy["months"], width=460, height=120) if dy["months"] else "<p>No dated claims.</p>"
        h.append(f'<figure class="dyad">{chart}<figcaption>{_e(caption)}</figcaption></figure>')
    h.append("<h2>Structural ties</h2>")
    structural = _strongest(G, TOP_RELATIONS, structural=True)
    if not structural:
        h.append("<p>None found.</p>")
    else:
        h.append("<table><tr><th>actor</th><th>tie</th><th>actor</th><th>assertions</th><th>mean confidence</th></tr>")
        for u, v, d in structural:
            rel = ("not " if d["negated"] else "") + d["relation"]
            h.append(f"<tr><td>{_e(_label(G, u))}</td><td>{_e(rel)}</td><td>{_e(_label(G, v))}</td>"
                     f"<td class=n>{d['count']}</td><td class=n>{d['confidence']:.2f}</td></tr>")
        h.append("</table>")
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}"><meta name="referrer" content="no-referrer">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><h1>{_e(title)}</h1>"
        + "\n".join(h) + "\n</body></html>\n"
    )


def _sign_colour(key: str) -> str:
    from graphbuild.signs import sign_of

    if key.startswith("not:"):
        return "#bbbbbb"
    return {"cooperative": _COOP, "conflictual": _CONF}.get(sign_of(key).sign, _NEUT)


def write_report_html(
    path: Path | str, G: nx.MultiDiGraph, analysis: Analysis, relations: Sequence[Relation],
    articles: Sequence[Article], *, title: str = "graphbuild report",
) -> None:
    """Write report.html: the report.md content plus inline-SVG charts (top actors, relation types, signed ties,
    timeline); self-contained, scripts-free, every article string escaped (atomically)."""
    atomic_write_text(Path(path), render_report_html(G, analysis, relations, articles, title=title))

