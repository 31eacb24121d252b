"""The saved queries on a real build of the sample corpus (examples/corpus): expected rows, both engines equal,
and the graph conforms to the SHACL shapes. Expectations are subsets, so better extraction does not break them."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.rdf.query import short
from graphbuild.rdf.saved import saved_queries, select_saved
from graphbuild.rdf.validate import validate

REPO = Path(__file__).resolve().parent.parent
PARAMS = {
    "memberships": {"actor": "Belarus"},
    "depends-on": {"actor": "Belarus"},
    "relations-between": {"actor": "Belarus", "other": "NATO"},
    "conflictual-cooperative-ties": {"actor": "Belarus"},
    "both-sides-of-conflict": {"sideA": "Russia", "sideB": "Ukraine"},
    "claims-by-speaker": {"speaker": "Alexander Lukashenko"},
    "new-relations-since": {"since": "2024-01-01"},
}

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from graphbuild.orchestration.build import build
    from graphbuild.config import Config

    out = tmp_path_factory.mktemp("sample-build")
    build(Config(corpus=REPO / "examples" / "corpus", output=out))
    return out


def _rows(out: Path, name: str, engine: str = "oxigraph") -> list[tuple[str, ...]]:
    return [tuple(short(t) for t in row) for row in select_saved(name, PARAMS.get(name), out, engine=engine).rows]


def test_query_sample_corpus_graph_conforms(sample_build: Path) -> None:
    report = validate(sample_build)
    assert report.conforms, report.text()


def test_query_sample_corpus_belarus_rows(sample_build: Path) -> None:
    orgs = {r[0] for r in _rows(sample_build, "memberships")}
    assert {"id:org/EAEU", "id:org/CSTO", "id:org/CIS"} <= orgs
    assert "id:country/RUS" in {r[0] for r in _rows(sample_build, "depends-on")}
    between = {(r[1], r[3]) for r in _rows(sample_build, "relations-between")}
    assert ("gb:consult", "false") in between  # Belarus consults NATO
    assert ("gb:cooperate", "true") in between  # "not ready to expand cooperation with Belarus"
    negated = {(r[0], r[1], r[2]) for r in _rows(sample_build, "negated-claims")}
    assert any(rel == "gb:cooperate" and "Belarus" in (s, o) for s, rel, o in negated)


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_query_sample_corpus_engines_agree(sample_build: Path, name: str) -> None:
    ox = select_saved(name, PARAMS.get(name), sample_build, engine="oxigraph")
    rd = select_saved(name, PARAMS.get(name), sample_build, engine="rdflib")
    assert ox.variables == rd.variables
    assert ox.values() == rd.values()
