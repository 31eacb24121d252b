"""graph.html in real headless Chromium with the network blocked: draws, stays offline, stays inert, filters work."""

from __future__ import annotations


import pytest

from graphbuild.analysis import analyze, to_networkx
from graphbuild.outputs.html import render_html
from tests.helpers import CHROMIUM, E, founding_relations, hostile_graph, Page, XSS


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium"),
]


def _build(tmp_path, ents, rels, title="graphbuild", hostile_relation=None):
    G = to_networkx(ents, rels)
    if hostile_relation is not None:
        # a relation name from a tampered graph file: records refuse it (model.RelationType), so it is planted
        # in the graph the page is drawn from
        _, _, data = next(iter(G.edges(data=True)))
        G.add_edge("country/DDD", "person/ccc", key="hostile", **{**data, "relation": hostile_relation})
    a = analyze(G)
    out = tmp_path / "graph.html"
    render_html(G, a, out, title=title)
    return out


def _nonblank_pixels(page) -> int:
    return page.eval(
        """() => { const c = document.querySelector('#gb-network canvas');
             const x = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
             for (let i = 0; i < x.length; i += 4) { if (x[i+3] > 0 && (x[i] < 240 || x[i+1] < 240 || x[i+2] < 240)) n++; }
             return n; }"""
    )


def test_browser_founding_graph_draws_offline(tmp_path, browser_context):
    page = Page(browser_context, _build(tmp_path, E, founding_relations()))
    assert _nonblank_pixels(page) > 2000
    # a screenshot differs from a blank page too (what a person sees)
    shot = page.page.screenshot()
    blank = browser_context.new_page()
    blank.set_content("<html><body style='background:#fff'></body></html>")
    assert shot != blank.screenshot()
    blank.close()
    assert page.errors() == []
    assert page.foreign_requests() == []
    assert page.eval("window.graphbuild.visibleNodeCount()") == 8
    # hovering the balancing actor tells between whom
    x, y = page.node_dom_xy("country/BLR")
    page.page.mouse.move(x, y)
    page.page.wait_for_timeout(200)
    tip = page.eval("document.getElementById('gb-tooltip').textContent")
    assert "balancing actor" in tip and "balances between Russia and NATO (bloc)" in tip


def test_browser_payloads_stay_inert(tmp_path, browser_context):
    ents, rels = hostile_graph()
    # a relation type from data lands in the filter menu: it must stay text too
    title = "graphbuild " + XSS + "</title><script>document.title='pwned'</script>"
    page = Page(browser_context, _build(tmp_path, ents, rels, title=title, hostile_relation=XSS))
    before_title = page.eval("document.title")
    assert "pwned" not in before_title.replace("document.title='pwned'", "")  # the text, not an effect
    counts = page.eval("() => [document.querySelectorAll('img,a,iframe,object,embed').length,"
                       " document.querySelectorAll('script').length]")
    # hover every node and every edge midpoint, then click every node
    ids = page.eval("window.graphbuild.network.body.data.nodes.getIds()")
    for nid in ids:
        x, y = page.node_dom_xy(nid)
        page.page.mouse.move(x, y)
        page.page.wait_for_timeout(150)
        assert page.eval("!document.getElementById('gb-tooltip').hidden")
    edge_xy = page.eval(
        """() => { const n = window.graphbuild.network; const r = document.getElementById('gb-network').getBoundingClientRect();
             return n.body.data.edges.getIds().map(id => { const e = n.body.edges[id];
               const a = n.canvasToDOM(n.getPositions([e.fromId])[e.fromId]), b = n.canvasToDOM(n.getPositions([e.toId])[e.toId]);
               return [r.left + (a.x + b.x) / 2, r.top + (a.y + b.y) / 2]; }); }"""
    )
    hovered_edge = False
    for x, y in edge_xy:
        page.page.mouse.move(x, y)
        page.page.wait_for_timeout(120)
        hovered_edge |= "assertion" in page.eval("document.getElementById('gb-tooltip').textContent")
    assert hovered_edge, "no edge tooltip appeared"
    for nid in ids:
        x, y = page.node_dom_xy(nid)
        page.page.mouse.click(x, y)
        page.page.wait_for_timeout(100)
        page.eval("window.graphbuild.reset()")
    # search with a payload, relation menu clicked
    page.page.fill("#gb-search", XSS)
    page.page.press("#gb-search", "Enter")
    page.page.click("#gb-rel-none")
    page.page.click("#gb-rel-all")
    assert page.eval("document.title") == before_title
    assert page.eval("() => [document.querySelectorAll('img,a,iframe,object,embed').length,"
                     " document.querySelectorAll('script').length]") == counts
    assert counts[0] == 0
    tip = page.eval("document.getElementById('gb-tooltip').textContent")
    assert tip  # the payload text shows as text
    assert page.errors() == []
    assert page.foreign_requests() == []
    # the heading and the relation menu show the payloads as text
    assert XSS in page.eval("document.getElementById('gb-title').textContent")
    assert XSS in page.eval("document.getElementById('gb-relations').textContent")


def test_browser_filters_change_visible_edges(tmp_path, browser_context):
    ents, rels = hostile_graph()
    page = Page(browser_context, _build(tmp_path, ents, rels))
    total = page.eval("window.graphbuild.visibleEdgeCount()")
    assert total == 5
    drawn = lambda: page.eval("window.graphbuild.network.body.edgeIndices.length")  # noqa: E731
    assert drawn() == total
    # relation type off
    page.page.uncheck("input.gb-rel[value=threaten]")
    assert page.eval("window.graphbuild.visibleEdgeCount()") == total - 1 and drawn() == total - 1
    page.page.check("input.gb-rel[value=threaten]")
    # minimum evidence
    page.page.fill("#gb-min-evidence", "2")
    assert page.eval("window.graphbuild.visibleEdgeCount()") == 1
    page.page.fill("#gb-min-evidence", "1")
    # date range: February only (undated edges hidden while a range is set)
    page.page.fill("#gb-date-from", "2024-02-01")
    page.page.fill("#gb-date-to", "2024-02-28")
    assert page.eval("window.graphbuild.visibleEdgeCount()") == 1
    page.page.fill("#gb-date-from", "")
    page.page.fill("#gb-date-to", "")
    # negated claims
    page.page.uncheck("#gb-show-negated")
    assert page.eval("window.graphbuild.visibleEdgeCount()") == total - 1
    page.page.check("#gb-show-negated")
    assert page.eval("window.graphbuild.visibleEdgeCount()") == total
    assert "of 5 relations" in page.page.text_content("#gb-counts")
    assert page.errors() == []


def test_browser_search_finds_a_node_and_ego_view(tmp_path, browser_context):
    page = Page(browser_context, _build(tmp_path, E, founding_relations()))
    page.page.fill("#gb-search", "kazakh")
    page.page.press("#gb-search", "Enter")
    assert page.eval("window.graphbuild.network.getSelectedNodes()") == ["country/KAZ"]
    assert "Kazakhstan" in page.page.text_content("#gb-search-status")
    page.page.fill("#gb-search", "no such actor")
    page.page.press("#gb-search", "Enter")
    assert "No actor" in page.page.text_content("#gb-search-status")
    # ego view by clicking Russia: Russia, Belarus, NATO
    page.eval("window.graphbuild.network.fit({animation: false})")
    x, y = page.node_dom_xy("country/RUS")
    page.page.mouse.click(x, y)
    assert page.eval("window.graphbuild.visibleNodeCount()") == 3
    assert "Russia" in page.page.text_content("#gb-ego-status")
    page.page.click("#gb-reset")
    assert page.eval("window.graphbuild.visibleNodeCount()") == 8
    assert page.errors() == []


def test_browser_cap_notice_is_visible(tmp_path, browser_context):
    G = to_networkx(E, founding_relations())
    out = tmp_path / "graph.html"
    render_html(G, analyze(G), out, max_nodes=4, max_edges=3)
    page = Page(browser_context, out)
    assert page.page.is_visible("#gb-notice")
    assert "most central of 8 actors" in page.page.text_content("#gb-notice")
    assert page.eval("window.graphbuild.visibleNodeCount()") <= 4
    assert page.errors() == [] and page.foreign_requests() == []
