"""graph.html: self-contained, no network, every string from data escaped; caps announce pruning."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser


from graphbuild.analysis import analyze, to_networkx
from graphbuild.model import Relation
from graphbuild.outputs.html import json_for_script, render_html, vis_assets
from tests.helpers import BREAKOUT, hostile_graph, XSS


def _render(tmp_path, title="graphbuild " + XSS, **kw):
    ents, rels = hostile_graph()
    G = to_networkx(ents, rels)
    a = analyze(G)
    out = tmp_path / "graph.html"
    render_html(G, a, out, title=title, **kw)
    return out.read_text(encoding="utf-8")


def page_data(page):
    """The JSON block of a page, with its columns expanded to one dict per node and edge (as the script does)."""
    data = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1))
    N, E, S = data["nodes"], data["edges"], data["strings"]
    nodes = [{k: N[k][i] for k in N if k not in ("balancing", "balancingPairs")} for i in range(len(N["id"]))]
    for i in N["balancing"]:
        nodes[i]["balancing"] = True
    edges = []
    for i in range(len(E["from"])):
        e = {k: E[k][i] for k in E}
        e["from"], e["to"], e["negated"] = N["id"][e["from"]], N["id"][e["to"]], bool(e["negated"])
        e["evidence"] = [{"sentence": S[a], "doc": S[b], "date": c, "speaker": S[d] if d >= 0 else None,
                          "modality": m, "confidence": conf, "spans": spans}
                         for a, b, c, d, m, conf, spans in e["evidence"]]
        edges.append(e)
    data["nodes"], data["edges"] = nodes, edges
    return data


def test_render_html_contains_no_raw_payload(tmp_path):
    page = _render(tmp_path)
    for p in (XSS, BREAKOUT, "<a href=x>", "<!--"):
        assert p not in page
    # exactly our three script elements, and the data block holds all the data
    assert page.count("</script>") == 3
    assert "<title>graphbuild &lt;img src=x onerror=document.title=&#39;pwned&#39;&gt;</title>" in page


def test_render_html_json_block_round_trips(tmp_path):
    page = _render(tmp_path)
    data = page_data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert "Atlantis " + XSS in labels and "Bloc " + BREAKOUT in labels
    assert any(ev["doc"] == "doc/" + BREAKOUT for e in data["edges"] for ev in e["evidence"])


def test_json_for_script_escapes_markup_and_separators():
    s = json_for_script({"a": "</script><!-- \u2028 \u2029 & \ud800"})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in s
    assert json.loads(s)["a"].startswith("</script><!--")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_render_html_makes_no_network_reference(tmp_path):
    page = _render(tmp_path)
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "a"), tag
        assert not {"src", "href", "action", "srcset"} & set(attrs), (tag, attrs)
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    assert [t for t, a in parser.tags if t == "script"] == ["script"] * 3
    assert "@import" not in page


def test_render_html_csp_hashes_match_inline_scripts(tmp_path):
    page = _render(tmp_path)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    for body in re.findall(r"<script>(.*?)</script>", page, re.S):
        h = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{h}'" in csp


def test_render_html_inlines_vis_network_from_pyvis():
    js, css = vis_assets()
    assert "vis-network" in js[:2000] or "vis" in js[:200]
    assert len(js) > 100_000 and "</script" not in js


def test_render_html_cap_shows_notice(tmp_path):
    page = _render(tmp_path, max_nodes=2, max_edges=1)
    assert "showing the 2 most central of 4 actors" in page
    assert 'id="gb-notice" class="notice" role="status">' in page  # not hidden
    data = page_data(page)
    assert len(data["nodes"]) == 2 and len(data["edges"]) <= 1


def test_render_html_no_notice_without_pruning(tmp_path):
    page = _render(tmp_path)
    assert 'role="status" hidden></div>' in page


def test_render_html_styles_edges_by_sign_and_negation(tmp_path):
    page = _render(tmp_path)
    data = page_data(page)
    by_rel = {(e["relation"], e["negated"]): e for e in data["edges"]}
    colours = data["signColours"]
    assert colours[by_rel[("threaten", False)]["sign"]] == "#c62828" and by_rel[("threaten", False)]["count"] == 2
    assert colours[by_rel[("consult", False)]["sign"]] == "#2e7d32"
    assert by_rel[("cooperate", True)]["negated"] is True
    assert by_rel[("threaten", False)]["width"] > by_rel[("consult", False)]["width"]
    assert data["dateRange"] == ["2024-01-10", "2024-04-01"]
    groups = data["options"]["vis"]["groups"]
    assert {n["type"] for n in data["nodes"]} == {"Country", "Organization", "Person"}
    assert len({groups[t]["shape"] for t in ("Country", "Organization", "Person")}) == 3


def test_render_html_layout_positions_every_node(tmp_path):
    G = to_networkx(
        {}, [Relation("d", f"country/N{i}", "consult", f"country/N{(i * 7 + 1) % 900}", "s", 0, 1) for i in range(900)]
    )
    a = analyze(G)
    render_html(G, a, tmp_path / "g.html")
    page = (tmp_path / "g.html").read_text()
    data = page_data(page)
    xy = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xy) == G.number_of_nodes()  # no two nodes on one spot
    assert data["options"]["vis"]["physics"]["enabled"] is False


def test_render_layout_is_deterministic_and_separates_components():
    from graphbuild.outputs.layout import compute_layout

    nodes = [f"n{i}" for i in range(40)]
    edges = [(f"n{i}", f"n{i + 1}") for i in range(30)] + [("n35", "n36")]
    comms = [nodes[:31], nodes[31:]]
    a = compute_layout(nodes, edges, comms, seed=1)
    assert a == compute_layout(nodes, edges, comms, seed=1)
    assert set(a) == set(nodes) and len(set(a.values())) == len(nodes)
    big = [f"n{i}" for i in range(400)]
    b = compute_layout(big, [(big[i], big[(i * 7 + 3) % 400]) for i in range(400)], [big[:200], big[200:]], seed=2)
    assert b == compute_layout(big, [(big[i], big[(i * 7 + 3) % 400]) for i in range(400)], [big[:200], big[200:]],
                               seed=2)
    assert len(set(b.values())) == 400
