"""GEXF / GraphML: typed attributes, valid XML whatever the text holds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx

from graphbuild.analysis import analyze, to_networkx
from graphbuild.model import Entity, Relation
from graphbuild.outputs.exports import write_gexf, write_graphml, xml_safe
from tests.helpers import hostile_graph

NASTY = "a\x00b\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800c <&> ]]> \"'"


def nasty_graph():
    ents, rels = hostile_graph()
    ents["country/EEE"] = Entity("country/EEE", "E" + NASTY, "Country", qid=None)
    rels.append(Relation("doc" + NASTY, "country/EEE", "aid", "country/AAA", "s" + NASTY, 0, 1,
                         speaker="person/ccc", confidence=0.5))
    return to_networkx(ents, rels)


def test_xml_safe_strips_invalid_characters():
    assert xml_safe(NASTY) == "abc <&> ]]> \"'"
    assert xml_safe("tab\tnl\ncr\r\U0001F600") == "tab\tnl\ncr\r\U0001F600"


def test_graphml_is_valid_xml_with_typed_keys(tmp_path):
    G = nasty_graph()
    a = analyze(G)
    write_graphml(G, tmp_path / "g.graphml", a)
    ET.parse(tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    n = H.nodes["country/EEE"]
    assert n["label"] == "Eabc <&> ]]> \"'" and isinstance(n["pagerank"], float) and isinstance(n["degree"], int)
    assert isinstance(n["balancing"], bool)
    e = next(d for _, _, d in H.edges(data=True) if d["relation"] == "threaten")
    assert e["count"] == 2 and isinstance(e["confidence"], float) and e["negated"] is False


def test_gexf_is_valid_xml_with_typed_attributes(tmp_path):
    G = nasty_graph()
    write_gexf(G, tmp_path / "g.gexf", analyze(G))
    ET.parse(tmp_path / "g.gexf")
    H = nx.read_gexf(tmp_path / "g.gexf")
    assert H.number_of_nodes() == G.number_of_nodes()
    assert any(d.get("relation") == "aid" for _, _, d in H.edges(data=True))
    n = H.nodes["country/EEE"]
    assert isinstance(n["pagerank"], float) and isinstance(n["community"], int)


def test_exports_without_analysis(tmp_path):
    G = nasty_graph()
    write_graphml(G, tmp_path / "g.graphml")
    write_gexf(G, tmp_path / "g.gexf")
    ET.parse(tmp_path / "g.graphml"), ET.parse(tmp_path / "g.gexf")


def test_exports_are_written_with_the_mode_of_every_other_output(tmp_path):
    import os

    from graphbuild.fileio import atomic_write_text

    G = nasty_graph()
    write_gexf(G, tmp_path / "graph.gexf", analyze(G))
    write_graphml(G, tmp_path / "graph.graphml", analyze(G))
    atomic_write_text(tmp_path / "graph.ttl", "")
    umask = os.umask(0)
    os.umask(umask)
    modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
    assert modes == dict.fromkeys(("graph.gexf", "graph.graphml", "graph.ttl"), 0o666 & ~umask)
