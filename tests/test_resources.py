"""Shipped data: found through graphbuild.resources, and every data file declared as package data.

The wheel itself is built, installed and run from outside the checkout by .ci/wheel-smoke (CI).
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from graphbuild import resources
from graphbuild.outputs.events import load_cameo_igos

ROOT = Path(__file__).resolve().parent.parent


def test_resources_resolve_to_existing_files():
    for parts in (("gazetteer",), (resources.ONTOLOGY,), (resources.SHAPES,), resources.LEXICON, resources.CAMEO_IGOS):
        assert resources.data_path(*parts).exists(), parts
    assert sorted(resources.queries_dir().glob("*.rq")), "no saved queries shipped"


def test_cameo_igo_table_is_shipped_not_read_from_shared():
    table = load_cameo_igos()
    assert table["united nations"] == "IGOUNO"
    assert str(resources.data_path(*resources.CAMEO_IGOS)).endswith("events/cameo_igos.tsv")


def _declared(config: dict, packages: set[str], pkg_parts: tuple[str, ...], name_parts: tuple[str, ...]) -> bool:
    """Whether a package-data glob of ``pkg_parts`` or of a package above it matches the file (setuptools' rule:
    a glob may name a subfolder of its package, ``templates/*.j2``)."""
    for cut in range(len(pkg_parts), 0, -1):
        pkg, rel = ".".join(pkg_parts[:cut]), "/".join((*pkg_parts[cut:], *name_parts))
        if pkg in packages and any(fnmatch.fnmatch(rel, g) for g in config["package-data"].get(pkg, [])):
            return True
    return False


def test_every_data_file_is_declared_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    dirs = {"graphbuild": ROOT / "graphbuild"} | {pkg: ROOT / folder for pkg, folder in config["package-dir"].items()}
    packages = set(config["packages"])
    missing = []
    for top_pkg, top_dir in dirs.items():
        for path in top_dir.rglob("*"):
            if not path.is_file() or path.suffix in {".py", ".pyc"}:
                continue
            rel = path.parent.relative_to(top_dir)
            if not _declared(config, packages, (*top_pkg.split("."), *rel.parts), (path.name,)):
                missing.append(str(path.relative_to(ROOT)))
    assert not missing, f"data files the wheel would leave out: {missing}"


def test_output_templates_are_shipped_and_found():
    from graphbuild.outputs.templating import environment

    folder = ROOT / "graphbuild" / "outputs" / resources.TEMPLATES
    names = sorted(p.name for p in folder.iterdir())
    assert {"graph.html.j2", "graph.js", "graph.css", "report.html.j2", "report.md.j2", "report.css"} <= set(names)
    for name in names:
        assert resources.template_text(name) == (folder / name).read_text(encoding="utf-8")
        if name.endswith(".j2"):
            environment().get_template(name)  # parses


def test_pyvis_is_the_pinned_version_whose_vis_network_graph_html_inlines():
    from importlib.metadata import version

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pinned = [d.split("==")[1] for d in deps if d.startswith("pyvis==")]
    assert pinned == [version("pyvis")], "pyproject pins one pyvis version, the installed one"
    assert resources.VIS_NETWORK[-1] == "vis-9.1.2"
    js, css = resources.vis_network_text("vis-network.min.js"), resources.vis_network_text("vis-network.css")
    assert len(js) > 100_000 and ".vis-network" in css
