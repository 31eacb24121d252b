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


def test_every_data_file_is_declared_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    dirs = {pkg: ROOT / folder for pkg, folder in config["package-dir"].items()}
    packages = set(config["packages"])
    missing = []
    for top_pkg, top_dir in dirs.items():
        for path in top_dir.rglob("*"):
            if not path.is_file() or path.suffix in {".py", ".pyc"}:
                continue
            rel = path.parent.relative_to(top_dir)
            pkg = ".".join((top_pkg, *rel.parts))
            globs = config["package-data"].get(pkg, [])
            if pkg not in packages or not any(fnmatch.fnmatch(path.name, g) for g in globs):
                missing.append(str(path.relative_to(ROOT)))
    assert not missing, f"data files the wheel would leave out: {missing}"
