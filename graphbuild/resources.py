"""The data files graphbuild ships, found through :mod:`importlib.resources`.

Everything the package reads at run time lives in two data packages that install with it:

``graphbuild.ontologies`` (the repository's ``ontologies/`` folder)
    ``graphbuild.ttl`` (the ontology), ``shapes.ttl`` (SHACL), ``gazetteer/*.jsonl``, ``relations/`` (the
    relation lexicon) and ``events/cameo_igos.tsv`` (CAMEO codes of international organisations).
``graphbuild.queries`` (the repository's ``queries/`` folder)
    the saved SPARQL queries.
``graphbuild.outputs`` (``templates/``)
    the Jinja2 templates, stylesheets and scripts of graph.html, report.html and report.md
    (:mod:`graphbuild.outputs.templating`).

One file comes from another package: vis-network's JavaScript and CSS, inlined into graph.html from the copy
bundled inside pyvis (:data:`VIS_NETWORK`; ``pyproject.toml`` pins the pyvis version whose copy the tests check).

``pyproject.toml`` maps both folders into the package, so a wheel, ``pip install .`` and an editable install
all find them here, and nothing at run time looks next to the source checkout or in ``../shared``.
Installed packages are plain directories, so paths are returned as :class:`pathlib.Path`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def data_path(*parts: str) -> Path:
    """A path inside the shipped ontologies data: ``data_path("gazetteer")``, ``data_path("shapes.ttl")``."""
    return _package_dir("graphbuild.ontologies").joinpath(*parts)


def queries_dir() -> Path:
    """The folder of saved SPARQL queries (``*.rq`` plus their README)."""
    return _package_dir("graphbuild.queries")


def template_text(name: str) -> str:
    """The text of a shipped output template, stylesheet or script: ``template_text("report.md.j2")``."""
    return (resources.files("graphbuild.outputs") / TEMPLATES / name).read_text(encoding="utf-8")


def vis_network_text(name: str) -> str:
    """A file of the vis-network copy bundled with pyvis: ``vis_network_text("vis-network.min.js")``."""
    return (resources.files("pyvis").joinpath(*VIS_NETWORK) / name).read_text(encoding="utf-8")


ONTOLOGY = "graphbuild.ttl"
SHAPES = "shapes.ttl"
GAZETTEER = "gazetteer"
LEXICON = ("relations", "lexicon.toml")
COMPILED_VERBS = ("relations", "petrarch_verbs.toml")
COMPILED_AGENTS = ("relations", "petrarch_agents.toml")
CAMEO_IGOS = ("events", "cameo_igos.tsv")
TEMPLATES = "templates"
#: Inside the pyvis package (the version pinned in pyproject.toml): vis-network 9.1.2's min.js and css.
VIS_NETWORK = ("templates", "lib", "vis-9.1.2")
