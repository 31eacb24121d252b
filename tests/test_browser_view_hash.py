"""The URL hash holds the view (issue 12): open a link, get the same view; change the view, get a new link."""

from __future__ import annotations

import pytest

from graphbuild.analysis import analyze, to_networkx
from graphbuild.outputs.html import render_html
from tests.helpers import CHROMIUM, E, founding_relations, hostile_graph, Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium"),
]


def open_at(ctx, path, hash):
    """Like :class:`tests.test_browser_graph.Page`, opened at ``path`` + ``hash``."""
    page = Page.__new__(Page)
    page.requests, page.console = [], []
    page.page = ctx.new_page()
    page.page.on("request", lambda r: page.requests.append(r.url))
    page.page.on("console", lambda m: page.console.append((m.type, m.text)))
    page.page.on("pageerror", lambda e: page.console.append(("pageerror", str(e))))
    page.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                    else route.abort())
    page.url = path.resolve().as_uri()
    page.page.goto(page.url + hash)
    page.page.wait_for_function("() => window.graphbuild && window.graphbuild.complete === true", timeout=60000)
    return page


def _state(page):
    return page.eval("""() => ({ nodes: window.graphbuild.visibleNodeCount(), edges: window.graphbuild.visibleEdgeCount(),
        ego: document.getElementById('gb-ego-status').textContent, from: document.getElementById('gb-date-from').value,
        negated: document.getElementById('gb-show-negated').checked,
        types: Array.from(document.querySelectorAll('input.gb-rel')).filter(c => c.checked).map(c => c.value) })""")


def test_browser_hash_opens_the_view_it_names(tmp_path, browser_context):  # noqa: F811
    G = to_networkx(E, founding_relations())
    out = tmp_path / "g.html"
    render_html(G, analyze(G), out)
    page = open_at(browser_context, out, "#actor=country/RUS&radius=1&types=consult,dependsOn")
    s = _state(page)
    assert "Russia" in s["ego"] and s["types"] == ["consult", "dependsOn"]
    assert s["nodes"] == 3  # Russia, Belarus, NATO
    assert page.errors() == [] and page.foreign_requests() == []


def test_browser_hash_round_trip(tmp_path, browser_context):  # noqa: F811
    ents, rels = hostile_graph()
    G = to_networkx(ents, rels)
    out = tmp_path / "g.html"
    render_html(G, analyze(G), out)
    page = open_at(browser_context, out, "")
    assert page.eval("location.hash") == ""
    page.page.fill("#gb-date-from", "2024-02-01")
    page.page.uncheck("#gb-show-negated")
    page.page.uncheck("input.gb-rel[value=consult]")
    page.eval("window.graphbuild.showEgo('org/BBB')")
    link = page.eval("location.href")
    assert "from=2024-02-01" in link and "negated=0" in link and "actor=org/BBB" in link and "types=" in link
    before = _state(page)
    other = browser_context.new_page()
    other.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    other.goto(link)
    other.wait_for_function("() => window.graphbuild && window.graphbuild.complete === true", timeout=60000)
    shared = Page.__new__(Page)
    shared.page, shared.requests, shared.console, shared.url = other, [], [], link
    assert _state(shared) == before
    assert other.evaluate("location.href") == link  # opening the link does not rewrite it
    # a hash typed into the address bar applies too
    other.evaluate("location.hash = 'min=2'")
    other.wait_for_function("() => window.graphbuild.visibleEdgeCount() === 1")
    assert page.errors() == []


def test_browser_focus_opens_centred_on_the_actor(tmp_path, browser_context):  # noqa: F811
    G = to_networkx(E, founding_relations())
    out = tmp_path / "g.html"
    render_html(G, analyze(G), out, focus="country/BLR")
    page = open_at(browser_context, out, "")
    assert page.eval("window.graphbuild.network.getSelectedNodes()") == ["country/BLR"]
    x, y = page.node_dom_xy("country/BLR")
    box = page.eval("(() => { const r = document.getElementById('gb-network').getBoundingClientRect();"
                    " return [r.left, r.top, r.width, r.height]; })()")
    assert box[0] <= x <= box[0] + box[2] and box[1] <= y <= box[1] + box[3]
    assert page.eval("window.graphbuild.visibleNodeCount()") == 8  # centred, not filtered
    assert "Belarus" in page.page.text_content("#gb-search-status")
