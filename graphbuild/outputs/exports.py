"""GEXF and GraphML for Gephi, Cytoscape and yEd: typed attributes, valid XML whatever the article text holds.

networkx's writers escape ``<``/``&`` but copy XML-invalid characters (NUL, most C0 controls, U+FFFE/FFFF, lone
surrogates) into the file, which then fails to parse.  We strip them from every string first, and flatten the
evidence lists into a few scalar attributes, because both formats only carry scalars.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.analysis import Analysis
from graphbuild.fileio import atomic_write_stream

# XML 1.0 Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_INVALID_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (controls, U+FFFE/FFFF, lone surrogates)."""
    return _INVALID_XML.sub("", text)


def export_graph(G: nx.MultiDiGraph, analysis: Analysis | None = None) -> nx.MultiDiGraph:
    """A copy of ``G`` with scalar, typed, XML-safe attributes only (and the metrics on nodes if given).

    Node attributes: label, type, qid, iso3 (``""`` when unknown), mentions (int), and with an analysis
    pagerank, betweenness (float), degree, community (int), balancing (bool).  Edge attributes: relation, negated
    (bool), count (int), confidence, weight, intensity, signed_weight (float), sign, first_seen, last_seen,
    doc_ids, speakers, evidence (the strongest sentence) as strings.
    """
    H = nx.MultiDiGraph()
    balancing = {d["actor"] for d in analysis.balancing} if analysis else set()
    for v, d in G.nodes(data=True):
        attrs: dict[str, Any] = {
            "label": xml_safe(str(d.get("label") or v)),
            "type": xml_safe(str(d.get("type") or "")),
            "qid": xml_safe(str(d.get("qid") or "")),
            "iso3": xml_safe(str(d.get("iso3") or "")),
            "mentions": int(d.get("mentions", 0)),
        }
        if analysis is not None:
            attrs.update(
                pagerank=float(analysis.pagerank.get(v, 0.0)),
                betweenness=float(analysis.betweenness.get(v, 0.0)),
                degree=int(analysis.degree.get(v, 0)),
                community=int(analysis.community.get(v, -1)),
                balancing=v in balancing,
            )
        H.add_node(xml_safe(v), **attrs)
    for u, v, k, d in G.edges(keys=True, data=True):
        ev = d.get("evidence") or []
        H.add_edge(
            xml_safe(u),
            xml_safe(v),
            key=xml_safe(str(k)),
            relation=xml_safe(d["relation"]),
            label=xml_safe(("not " if d["negated"] else "") + d["relation"]),
            negated=bool(d["negated"]),
            count=int(d["count"]),
            confidence=float(d["confidence"]),
            weight=float(d["weight"]),
            intensity=float(d["intensity"]),
            signed_weight=float(d["signed_weight"]),
            sign=xml_safe(d["sign"]),
            first_seen=d.get("first_seen") or "",
            last_seen=d.get("last_seen") or "",
            doc_ids=xml_safe("; ".join(d.get("doc_ids", []))),
            speakers=xml_safe("; ".join(s for s in d.get("speakers", []) if s)),
            evidence=xml_safe(ev[0]["sentence"] if ev else ""),
        )
    return H


def write_graphml(G: nx.MultiDiGraph, path: Path | str, analysis: Analysis | None = None) -> None:
    """Write GraphML with typed ``<key>`` declarations (string, int, double, boolean), atomically."""
    H = export_graph(G, analysis)
    atomic_write_stream(Path(path),
                        lambda f: nx.write_graphml(H, f, encoding="utf-8", prettyprint=True, named_key_ids=True))


def write_gexf(G: nx.MultiDiGraph, path: Path | str, analysis: Analysis | None = None) -> None:
    """Write GEXF 1.2 with typed attributes, atomically."""
    H = export_graph(G, analysis)
    atomic_write_stream(Path(path),
                        lambda f: nx.write_gexf(H, f, encoding="utf-8", prettyprint=True, version="1.2draft"))

