"""The claims panel and the contested marker in headless Chromium (network blocked)."""

from __future__ import annotations

import pytest

from graphbuild.analysis import analyze, to_networkx
from graphbuild.outputs.html import render_html
from tests.helpers import ARTICLES, CHROMIUM, claims, ENTS, Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium"),
]

EDGE_ID = """([from, rel, neg]) => window.graphbuild.data.edges.find(
    e => e.from === from && e.relation === rel && e.negated === neg).id"""


@pytest.fixture
def claims_page(tmp_path, browser_context):  # noqa: F811
    G = to_networkx(ENTS, claims())
    out = tmp_path / "graph.html"
    render_html(G, analyze(G), out, articles=ARTICLES)
    return Page(browser_context, out)


def test_browser_click_on_an_edge_opens_its_claims(claims_page):
    page = claims_page
    assert page.page.is_hidden("#gb-claims")
    # a real click on the middle of a straight edge
    edge, x, y = page.eval(
        """() => { const n = window.graphbuild.network, r = document.getElementById('gb-network').getBoundingClientRect();
             const e = window.graphbuild.data.edges.find(e => !e.curve);
             const a = n.canvasToDOM(n.getPositions([e.from])[e.from]), b = n.canvasToDOM(n.getPositions([e.to])[e.to]);
             return [e.id, r.left + (a.x + b.x) / 2, r.top + (a.y + b.y) / 2]; }"""
    )
    page.page.mouse.click(x, y)
    page.page.wait_for_timeout(200)
    assert page.page.is_visible("#gb-claims")
    want = page.eval("(id) => window.graphbuild.data.edges.find(e => e.id === id).evidence.length", edge)
    assert page.eval("document.querySelectorAll('#gb-claims-list li').length") == want >= 1
    assert page.errors() == [] and page.foreign_requests() == []


def test_browser_claims_panel_lists_highlights_and_sorts(claims_page):
    page = claims_page
    eid = page.eval(EDGE_ID, ["country/AAA", "cooperate", False])
    page.eval("(id) => window.graphbuild.openClaims(id)", eid)
    assert "Aland" in page.page.text_content("#gb-claims-title")
    assert "Borduria" in page.page.text_content("#gb-claims-title")
    items = page.eval("Array.from(document.querySelectorAll('#gb-claims-list li')).map(li => li.textContent)")
    assert len(items) == 2
    text = " ".join(items)
    # title (article text, shown as text) and date, speaker, modality, negated, confidence
    assert "Aland and Borduria sign <b>pact</b> (d1)" in text and "date: 2024-01-05" in text
    assert "speaker: not attributed" in text and "modality: asserted" in text and "negated: no" in text
    assert "confidence: 0.90" in text
    assert page.eval("document.querySelectorAll('#gb-claims b, #gb-claims img, #gb-claims script').length") == 0
    subjects = page.eval("Array.from(document.querySelectorAll('#gb-claims mark.gb-subject')).map(m => m.textContent)")
    objects = page.eval("Array.from(document.querySelectorAll('#gb-claims mark.gb-object')).map(m => m.textContent)")
    assert sorted(subjects) == ["Aland", "Alanders"] and objects == ["Borduria", "Borduria"]
    dates = lambda: page.eval(  # noqa: E731
        "Array.from(document.querySelectorAll('#gb-claims-list li')).map(li => li.getAttribute('data-date'))")
    assert dates() == ["2024-01-05", "2024-02-01"]
    page.page.select_option("#gb-claims-sort", "date-desc")
    assert dates() == ["2024-02-01", "2024-01-05"]
    page.page.click("#gb-claims-close")
    assert page.page.is_hidden("#gb-claims")
    assert page.errors() == [] and page.foreign_requests() == []


def test_browser_contested_edges_are_marked(claims_page):
    page = claims_page
    marked = page.eval(
        """() => window.graphbuild.data.edges.map(e => [e.from, e.relation, e.negated,
             !!window.graphbuild.network.body.edges[e.id].options.shadow.enabled])"""
    )
    glowing = {(f, r, n) for f, r, n, on in marked if on}
    assert glowing == {("country/AAA", "cooperate", False), ("country/AAA", "cooperate", True),
                       ("country/CCC", "aid", False), ("country/CCC", "threaten", False)}
    eid = page.eval(EDGE_ID, ["country/AAA", "cooperate", True])
    page.eval("(id) => window.graphbuild.openClaims(id)", eid)
    assert page.page.is_visible("#gb-claims-contested")
    assert "claim and negation" in page.page.text_content("#gb-claims-contested")
    assert "negated: yes" in page.page.text_content("#gb-claims-list")
    assert "contested" in page.page.text_content("#gb-panel")  # the legend explains the marker
    assert page.errors() == []


def test_browser_dyad_chart_in_the_claims_panel(claims_page):
    page = claims_page
    eid = page.eval(EDGE_ID, ["country/CCC", "aid", False])
    page.eval("(id) => window.graphbuild.openClaims(id)", eid)
    bars = page.eval("""() => Array.from(document.querySelectorAll('#gb-dyad-chart rect.gb-bar')).map(r =>
        [r.getAttribute('data-month'), r.getAttribute('class'), r.getAttribute('data-count')])""")
    assert bars == [["2024-01", "gb-bar gb-cooperative", "1"], ["2024-03", "gb-bar gb-conflictual", "1"]]
    box = page.eval("(() => { const b = document.getElementById('gb-dyad-chart').getBoundingClientRect();"
                    " return [b.width, b.height]; })()")
    assert box[0] > 100 and box[1] > 50  # drawn, visible in the panel
    assert "Carpathia" in page.page.text_content("#gb-dyad-caption")
    assert page.errors() == []


def test_browser_play_steps_the_date_filter_month_by_month(claims_page):
    page = claims_page
    assert page.eval("window.graphbuild.monthEnds()") == ["2024-01-31", "2024-02-29", "2024-03-31"]
    seen = []
    while page.eval("window.graphbuild.playStep()"):
        seen.append((page.eval("document.getElementById('gb-date-to').value"),
                     page.eval("window.graphbuild.visibleEdgeCount()")))
    assert seen == [("2024-01-31", 2), ("2024-02-29", 2), ("2024-03-31", 4)]
    # the button runs the same steps on a timer and stops at the last month
    page.page.fill("#gb-date-to", "")
    page.page.click("#gb-play")
    assert page.eval("window.graphbuild.playing()")
    page.page.wait_for_function("() => !window.graphbuild.playing()", timeout=30000)
    assert page.eval("document.getElementById('gb-date-to').value") == "2024-03-31"
    assert "to=2024-03-31" in page.eval("location.hash")
    assert page.errors() == []
