"""The first view and the balancing actors on real news (issue 12): 200 and 500 BBC articles at 1440 x 900.

Must show: the 10 most connected actors on screen, at least 8 of them labelled at >= 9 px, no two within 24 px,
the page interactive within 5 s.  Each size is built once per module from ../shared/corpus/bbc (sorted file
names, the first N); the geometry is checked from the page's data without a browser, and in headless Chromium
(network blocked) when /usr/bin/chromium exists, with a screenshot written next to the build.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.first_view import ARGS, first_view_metrics, open_page, simulated_first_view
from tests.helpers import hub_and_fragments

BBC = SHARED / "corpus" / "bbc"
CHROMIUM = Path("/usr/bin/chromium")
needs_bbc = pytest.mark.skipif(not BBC.is_dir(), reason=f"../shared/corpus/bbc is not present at {BBC}")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium")
#: The issue's bound on "interactive" (first frame drawn, every edge loaded), measured generously from navigation.
INTERACTIVE_S = 5.0


@pytest.fixture(scope="module")
def bbc_build(tmp_path_factory):
    """``bbc_build(n)``: the graph.html of the first ``n`` BBC articles, built once per module and size."""
    builds: dict[int, Path] = {}

    def get(n: int) -> Path:
        if n not in builds:
            from graphbuild.orchestration.build import build
            from graphbuild.config import Config

            files = sorted(BBC.glob("*.txt"))[:n]
            if len(files) < n:
                pytest.skip(f"../shared/corpus/bbc has {len(files)} articles, fewer than {n}")
            src = tmp_path_factory.mktemp(f"bbc{n}-src")
            for f in files:
                (src / f.name).symlink_to(f)
            out = tmp_path_factory.mktemp(f"bbc{n}")
            build(Config(corpus=src, output=out, follow_outside_links=True))  # the links point into ../shared
            builds[n] = out / "graph.html"
        return builds[n]

    return get


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _data(path: Path) -> dict:
    return json.loads(re.search(r'id="graph-data">(.*?)</script>', path.read_text(encoding="utf-8"), re.S).group(1))


def _assert_first_view(view: dict) -> None:
    rows = [(r["label"], round(r["x"]), round(r["y"]), round(r["labelPx"], 1)) for r in view["rows"]]
    assert view["onScreen"] == 10, rows
    assert view["labelled9"] >= 8, rows
    assert view["minDist"] >= 24, rows


@pytest.mark.browser
@needs_chromium
def test_browser_first_view_hub_graph(tmp_path, browser):
    from graphbuild.analysis import analyze
    from graphbuild.outputs.html import render_html

    G = hub_and_fragments()
    render_html(G, analyze(G), tmp_path / "g.html")
    page, foreign, _ = open_page(browser, tmp_path / "g.html", 1440, 900)
    _assert_first_view(first_view_metrics(page))
    assert foreign == []
    # fragments behind the toggle: off hides the two-actor pairs, on brings them back
    shown = page.evaluate("window.graphbuild.visibleNodeCount()")
    page.uncheck("#gb-show-fragments")
    assert page.evaluate("window.graphbuild.visibleNodeCount()") == shown - 120
    page.check("#gb-show-fragments")
    assert page.evaluate("window.graphbuild.visibleNodeCount()") == shown
    page.close()


@pytest.mark.parametrize("n", [200, 500])
@pytest.mark.model
@pytest.mark.shared
@needs_bbc
def test_render_first_view_bbc_geometry(bbc_build, n):
    _assert_first_view(simulated_first_view(_data(bbc_build(n)), 1440, 900))


@pytest.mark.parametrize("n", [200, 500])
@pytest.mark.browser
@pytest.mark.model
@pytest.mark.shared
@needs_bbc
@needs_chromium
def test_browser_first_view_bbc(bbc_build, browser, n):
    path = bbc_build(n)
    page, foreign, interactive = open_page(browser, path, 1440, 900)
    view = first_view_metrics(page)
    shot = path.with_name(f"first-view-bbc{n}.png")
    page.screenshot(path=str(shot))
    _assert_first_view(view)
    assert interactive < INTERACTIVE_S
    assert foreign == []
    assert shot.stat().st_size > 10_000  # a drawn page, not a blank one
    keep = Path(tempfile.gettempdir()) / f"graphbuild-first-view-bbc{n}.png"
    shutil.copyfile(shot, keep)  # for the README / a person to look at
    page.close()


@pytest.mark.parametrize("n", [200, 500])
@pytest.mark.model
@pytest.mark.shared
@needs_bbc
def test_report_bbc_balancing_actors_are_states_or_igos(bbc_build, n):
    """On news about everything, no person, party or company is named as balancing (issue 12)."""
    from graphbuild.gazetteer import Gazetteer

    data = _data(bbc_build(n))
    N = data["nodes"]
    gaz = Gazetteer.load()
    actors = {N["id"][i] for i in N["balancing"]}
    actors |= {N["id"][j] for _, pairs in N["balancingPairs"] for a, b, _ in pairs for j in (a, b)}
    assert actors  # the rule still finds some on 200 BBC articles
    for v in actors:
        rec = gaz.record(v)
        assert rec is not None and rec["type"] in ("Country", "Organization") and not rec.get("kind"), v
    md = bbc_build(n).with_name("report.md").read_text(encoding="utf-8")
    section = md.split("## Balancing actors")[1].split("\n## ")[0]
    assert "Tony Blair" not in section and "Yukos" not in section
