"""Shareable views (issue 12): the ``focus`` setting and ``graphbuild render --focus`` (the URL hash is exercised in
tests/test_browser_view_hash.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graphbuild.analysis import analyze, find_actor, to_networkx
from graphbuild.cli import main
from graphbuild.config import load_config
from graphbuild.outputs.html import render_html
from tests.helpers import E, founding_relations


def _data(path: Path) -> dict:
    return json.loads(re.search(r'id="graph-data">(.*?)</script>', path.read_text(encoding="utf-8"), re.S).group(1))


def test_analysis_find_actor_by_label_iso3_alias_or_id():
    G = to_networkx(E, founding_relations())
    assert find_actor(G, "belarus") == find_actor(G, "BLR") == find_actor(G, "country/BLR") == "country/BLR"
    assert find_actor(G, "Atlantis") is None


def test_render_focus_goes_into_the_page(tmp_path):
    G = to_networkx(E, founding_relations())
    render_html(G, analyze(G), tmp_path / "g.html", focus="country/BLR")
    assert _data(tmp_path / "g.html")["view"]["focus"] == "country/BLR"
    render_html(G, analyze(G), tmp_path / "h.html")
    assert _data(tmp_path / "h.html")["view"]["focus"] is None


def test_config_focus_setting(tmp_path):
    (tmp_path / "graphbuild.toml").write_text('focus = "Belarus"\n', encoding="utf-8")
    assert load_config(tmp_path / "graphbuild.toml").focus == "Belarus"


@pytest.mark.model
def test_cli_render_focus(sample_build, tmp_path, capsys):
    out = sample_build.files["graph.ttl"].parent
    page = tmp_path / "g.html"
    assert main(["render", "--out", str(out), "--html", str(page), "--focus", "Belarus", "-q"]) == 0
    assert _data(page)["view"]["focus"] == "country/BLR"
    assert main(["render", "--out", str(out), "--html", str(page), "--focus", "Atlantis", "-q"]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "Error: no actor 'Atlantis' in the graph (try an entity id such as country/BLR, a label or ISO3 code;"
        " graphbuild entities lists them)")
