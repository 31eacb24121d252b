"""graph.svg for briefings (issue 12): well-formed, top actors with readable, non-overlapping labels, the legend,
article text escaped, nothing active."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from graphbuild.analysis import analyze, to_networkx
from graphbuild.cli import main
from graphbuild.model import Relation
from graphbuild.outputs.svg import CHAR_W, HEIGHT, WIDTH, render_svg, top_actors, write_svg
from tests.helpers import E, founding_relations, hostile_graph, XSS
from tests.conftest import FOUNDING, needs_shared

NS = "{http://www.w3.org/2000/svg}"


def _boxes(root):
    out = []
    for t in root.iter(NS + "text"):
        if t.get("stroke") != "#ffffff":  # node labels carry the white halo
            continue
        size, x, y, text = float(t.get("font-size")), float(t.get("x")), float(t.get("y")), t.text or ""
        w = CHAR_W * size * len(text)
        left = {"middle": x - w / 2, "start": x, "end": x - w}[t.get("text-anchor")]
        out.append((text, size, (left, y - size, left + w, y)))
    return out


def test_render_svg_founding_example_labels_legend_and_balancing(tmp_path):
    G = to_networkx(E, founding_relations())
    a = analyze(G)
    write_svg(tmp_path / "g.svg", G, a, title="Belarus")
    root = ET.parse(tmp_path / "g.svg").getroot()
    labels = _boxes(root)
    assert {t for t, _, _ in labels} == {G.nodes[v]["label"] for v in G}  # 8 actors, all labelled
    assert all(size >= 12 for _, size, _ in labels)
    for i, (_, _, p) in enumerate(labels):
        assert 0 <= p[0] and p[2] <= WIDTH and 0 <= p[1] and p[3] <= HEIGHT
        for _, _, q in labels[i + 1:]:
            assert p[2] <= q[0] or p[0] >= q[2] or p[3] <= q[1] or p[1] >= q[3], (p, q)
    texts = " ".join(t.text or "" for t in root.iter(NS + "text"))
    for item in ("Legend", "Country", "Organization", "Person", "balancing actor", "cooperative ties",
                 "conflictual ties"):
        assert item in texts
    gold = [e for e in root.iter() if e.get("stroke") == "#e6a700" and e.get("stroke-width") == "4.0"]
    assert len(gold) == 1  # Belarus, the one balancing actor


def test_render_svg_keeps_the_top_actors_and_escapes_names():
    ents, rels = hostile_graph()
    rels += [Relation("d", f"country/N{i:02d}", "consult", f"country/N{i + 1:02d}", "s", 0, 1) for i in range(40)]
    G = to_networkx(ents, rels)
    a = analyze(G)
    svg = render_svg(G, a, n=30, title="T " + XSS)
    root = ET.fromstring(svg)
    assert len(_boxes(root)) == 30
    assert {t for t, _, _ in _boxes(root)} == {str(G.nodes[v]["label"]) for v in top_actors(G, a, 30)}
    assert XSS not in svg and "<script" not in svg and "href" not in svg and "<img" not in svg
    assert not [e for e in root.iter() if any(k.startswith("on") for k in e.attrib)]


@pytest.mark.model
def test_cli_render_svg_writes_graph_svg(sample_build, tmp_path):
    out = sample_build.files["graph.ttl"].parent
    assert main(["render", "--out", str(out), "--html", str(tmp_path / "g.html"), "--svg", "-q"]) == 0
    root = ET.parse(tmp_path / "g.svg").getroot()
    assert root.tag == NS + "svg" and len(_boxes(root)) >= 5


@pytest.mark.model
@pytest.mark.shared
@needs_shared
def test_build_writes_graph_svg_when_configured(tmp_path):
    from graphbuild.orchestration.build import build
    from graphbuild.config import Config

    result = build(Config(corpus=FOUNDING, output=tmp_path / "out", svg=True))
    root = ET.parse(result.files["graph.svg"]).getroot()
    assert "Belarus" in {t for t, _, _ in _boxes(root)}
