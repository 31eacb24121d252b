"""Saved queries: expected rows on the sample graph, identical in pyoxigraph and rdflib; parameters; formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.errors import QueryError
from graphbuild.rdf import build_graph, write_graph
from graphbuild.rdf.query import open_store, run_query, select, short
from graphbuild.rdf.saved import QUERIES_DIR, run_saved_query, saved_queries, select_saved
from graphbuild.rdf.sample import sample_records

BAL, SAN, TALKS = "id:doc/belarus-balance", "id:doc/news/sanctions", "id:doc/talks"
NOT_ALL = "Not all NATO countries are ready to expand cooperation with Belarus."

#: name -> (params, expected rows rendered with query.short)
EXPECTED: dict[str, tuple[dict[str, str], list[tuple[str, ...]]]] = {
    "memberships": ({"actor": "Belarus"}, [
        ("id:org/CSTO", "Collective Security Treaty Organization", "1", "2024-01-10", "2024-01-10"),
        ("id:org/EAEU", "Eurasian Economic Union", "1", "2024-01-10", "2024-01-10"),
    ]),
    "depends-on": ({"actor": "country/BLR"}, [("id:country/RUS", "Russia", "1", "0.7")]),
    "relations-between": ({"actor": "BLR", "other": "NATO"}, [
        ("Belarus", "gb:consult", "NATO", "false", "asserted", "", "0.8", BAL, "120",
         "Minsk held talks with the Alliance."),
        ("NATO", "gb:cooperate", "Belarus", "true", "asserted", "", "0.6", BAL, "160", NOT_ALL),
        ("Belarus", "gb:consult", "NATO", "false", "asserted", "", "0.7", TALKS, "0",
         "Belarusian diplomats met NATO officials."),
    ]),
    "negated-claims": ({}, [("NATO", "gb:cooperate", "Belarus", "asserted", "", BAL, "160", NOT_ALL)]),
    "claims-by-speaker": ({"speaker": "Andrei Porotnikov"}, [
        ("Belarus", "gb:dependsOn", "Russia", "false", "reported", BAL, "60",
         "Belarus depends on Russian gas, said Andrei Porotnikov."),
    ]),
    "conflictual-cooperative-ties": ({"actor": "Russia"}, [
        ("id:org/NATO", "NATO", "1", "1", "0"),
        ("id:country/POL", "Poland", "0", "1", "0"),
        ("id:country/UKR", "Ukraine", "0", "1", "0"),
        ("id:country/USA", "United States", "0", "1", "0"),
        ("id:country/BLR", "Belarus", "1", "0", "1"),
    ]),
    "both-sides-of-conflict": ({"sideA": "RUS", "sideB": "Ukraine"}, [
        ("id:country/BLR", "Belarus", "gb:cooperate", "gb:consult"),
        ("id:country/BLR", "Belarus", "gb:dependsOn", "gb:consult"),
        ("id:country/POL", "Poland", "gb:threaten", "gb:aid"),
        ("id:country/USA", "United States", "gb:sanction", "gb:aid"),
    ]),
    "new-relations-since": ({"since": "2024-03-01"}, [
        ("2024-03-04", "Belarus", "gb:consult", "Ukraine", "false", "1", "2024-03-04"),
        ("2024-03-05", "Belarus", "gb:cooperate", "Russia", "false", "1", "2024-03-05"),
    ]),
    "top-actors-by-evidence": ({}, [
        ("id:country/BLR", "Belarus", "10", "3"),
        ("id:country/RUS", "Russia", "7", "3"),
        ("id:org/NATO", "NATO", "5", "3"),
        ("id:country/UKR", "Ukraine", "4", "2"),
        ("id:country/POL", "Poland", "2", "1"),
        ("id:country/USA", "United States", "2", "1"),
        ("id:person/alexander-lukashenko", "Alexander Lukashenko", "1", "1"),
        ("id:org/CSTO", "Collective Security Treaty Organization", "1", "1"),
        ("id:org/EAEU", "Eurasian Economic Union", "1", "1"),
        ("id:org/EU", "European Union", "1", "1"),
    ]),
    "relation-type-counts": ({}, [
        ("gb:consult", "4", "0", "3", "2"),
        ("gb:aid", "2", "0", "2", "1"),
        ("gb:cooperate", "2", "1", "2", "2"),
        ("gb:memberOf", "2", "0", "2", "1"),
        ("gb:sanction", "2", "0", "2", "1"),
        ("gb:accuse", "1", "0", "1", "1"),
        ("gb:dependsOn", "1", "0", "1", "1"),
        ("gb:fight", "1", "0", "1", "1"),
        ("gb:leaderOf", "1", "0", "1", "1"),
        ("gb:threaten", "1", "0", "1", "1"),
    ]),
    "mentions-by-resolution-method": ({}, [
        ("alias", "3", "3", "0"),
        ("metonym", "3", "2", "0"),
        ("ner", "3", "2", "1"),
        ("exact", "2", "2", "0"),
        ("context", "1", "1", "0"),
        ("demonym", "1", "1", "0"),
    ]),
}


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    write_graph(build_graph(*sample_records()), out / "graph.ttl")
    return out


def test_query_every_saved_query_has_expected_rows() -> None:
    assert set(saved_queries()) == set(EXPECTED)
    assert len(EXPECTED) >= 10


def test_query_saved_queries_have_headers_and_readme_entries() -> None:
    readme = (QUERIES_DIR / "README.md").read_text(encoding="utf-8")
    for name, saved in saved_queries().items():
        assert saved.title and saved.description, name
        assert f"`{name}`" in readme, f"queries/README.md does not document {name}"
        for param in saved.params:
            assert f"{param}=" in readme, f"README example for {name} lacks parameter {param}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_saved_query_rows(out_dir: Path, name: str, engine: str) -> None:
    params, expected = EXPECTED[name]
    result = select_saved(name, params, out_dir, engine=engine)
    assert [tuple(short(t) for t in row) for row in result.rows] == expected


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_query_saved_queries_read_nquads_like_turtle(out_dir: Path, tmp_path: Path, engine: str) -> None:
    # N-Quads keeps one named graph per document; queries see the union of the graphs, as with TriG.
    graph_file = tmp_path / "graph.nq"
    write_graph(build_graph(*sample_records()), graph_file, "nquads")
    for name in ("relations-between", "claims-by-speaker", "negated-claims"):
        params = EXPECTED[name][0]
        assert select_saved(name, params, graph_file, engine=engine).rows == \
            select_saved(name, params, out_dir, engine=engine).rows


@pytest.mark.parametrize("name", ["memberships", "relation-type-counts", "new-relations-since"])
def test_query_engines_agree_on_defaults(out_dir: Path, name: str) -> None:
    ox = select_saved(name, None, out_dir, engine="oxigraph")
    rd = select_saved(name, None, out_dir, engine="rdflib")
    assert ox.variables == rd.variables
    assert ox.values() == rd.values()


def test_query_parameter_with_quotes_and_unicode(out_dir: Path) -> None:
    rows = select_saved("claims-by-speaker", {"speaker": 'Zoë "Q" O\'Brien <analyst>'}, out_dir).rows
    assert [short(r[1]) for r in rows] == ["gb:threaten"]


def test_query_parameter_errors(out_dir: Path) -> None:
    with pytest.raises(QueryError, match="has no parameter 'country'; its parameters: actor"):
        select_saved("memberships", {"country": "Belarus"}, out_dir)
    with pytest.raises(QueryError, match="is not a date; expected YYYY-MM-DD"):
        select_saved("new-relations-since", {"since": "last week"}, out_dir)
    with pytest.raises(QueryError, match="backslash is not allowed"):
        select_saved("memberships", {"actor": 'x\\u0022 } SERVICE'}, out_dir)
    with pytest.raises(QueryError, match="no saved query named 'nope'"):
        select_saved("nope", {}, out_dir)


def test_query_injection_attempt_is_just_a_string(out_dir: Path) -> None:
    evil = 'Belarus" } ?x ?p ?o . VALUES ?actor { "Belarus'
    assert select_saved("memberships", {"actor": evil}, out_dir).rows == ()


def test_query_formats(out_dir: Path) -> None:
    csv_text = run_saved_query("depends-on", {"actor": "Belarus"}, out_dir, format="csv")
    assert csv_text == "target,targetLabel,evidenceCount,maxConfidence\r\nhttps://w3id.org/graphbuild/id/country/RUS,Russia,1,0.7\r\n"
    data = json.loads(run_saved_query("depends-on", {"actor": "Belarus"}, out_dir, format="json"))
    assert data["head"]["vars"] == ["target", "targetLabel", "evidenceCount", "maxConfidence"]
    assert data["results"]["bindings"][0]["targetLabel"] == {"type": "literal", "value": "Russia"}
    table = run_saved_query("depends-on", {"actor": "Belarus"}, out_dir)
    assert "id:country/RUS" in table and table.endswith("(1 row)\n")


def test_query_run_query_accepts_text_file_and_name(out_dir: Path, tmp_path: Path) -> None:
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/graphbuild/ontology#Country> }"
    assert run_query(text, out_dir, format="csv") == "n\r\n5\r\n"
    rq = tmp_path / "q.rq"
    rq.write_text(text, encoding="utf-8")
    assert run_query(str(rq), out_dir, format="csv") == "n\r\n5\r\n"
    assert "Belarus" in run_query("memberships", out_dir) or "Collective" in run_query("memberships", out_dir)
    assert run_query("ASK { ?s ?p ?o }", out_dir / "graph.ttl") == "true\n"


def test_query_construct(out_dir: Path) -> None:
    q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . FILTER(?p = <https://w3id.org/graphbuild/ontology#dependsOn>) }"
    for engine in ("oxigraph", "rdflib"):
        res = select(q, out_dir, engine=engine)
        assert res.kind == "graph" and len(res.triples) == 1


def test_query_store_is_persisted_and_rebuilt_when_graph_changes(tmp_path: Path) -> None:
    articles, entities, mentions, relations = sample_records()
    write_graph(build_graph(articles, entities, mentions, relations), tmp_path / "graph.ttl")
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/graphbuild/ontology#RelationAssertion> }"
    assert run_query(q, tmp_path, format="csv") == f"n\r\n{len(relations)}\r\n"
    assert (tmp_path / "store" / "SOURCE").is_file()
    write_graph(build_graph(articles, entities, mentions, relations[:3]), tmp_path / "graph.ttl")
    open_store(tmp_path)  # re-opened because the graph changed
    assert run_query(q, tmp_path, format="csv") == "n\r\n3\r\n"
    assert run_query(q, tmp_path, format="csv", engine="rdflib") == "n\r\n3\r\n"


def test_query_bad_query_message(out_dir: Path) -> None:
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        run_query("SELEC ?x WHERE { ?x ?y ?z }", out_dir)
    with pytest.raises(QueryError, match="unknown engine 'jena'"):
        run_query("ASK {}", out_dir, engine="jena")
    with pytest.raises(QueryError, match="unknown result format 'xml'"):
        run_query("ASK {}", out_dir, format="xml")


def test_query_conflictual_cooperative_ties_counts_each_assertion_once_per_actor(tmp_path: Path) -> None:
    # The actor's name matches it twice (an alias that is also its ISO3 code); each assertion counts once, and
    # both directions of a symmetric relation (one aggregated edge) count for the pair.
    from graphbuild.model import Article, Entity, Relation

    usa = Entity("country/USA", "United States", "Country", "Q30", "USA", ("USA", "US"))
    fra = Entity("country/FRA", "France", "Country", "Q142", "FRA")
    rels = [Relation("d", "country/USA", "sanction", "country/FRA", "s1", 0, 2),
            Relation("d", "country/USA", "sanction", "country/FRA", "s2", 3, 5),
            Relation("d", "country/FRA", "cooperate", "country/USA", "s3", 6, 8),
            Relation("d", "country/USA", "cooperate", "country/FRA", "s4", 9, 11),
            Relation("d", "country/FRA", "memberOf", "country/USA", "s5", 12, 14, negated=True)]
    write_graph(build_graph([Article("d", "")], {e.id: e for e in (usa, fra)}, [], rels), tmp_path / "graph.ttl")
    for engine in ("oxigraph", "rdflib"):
        rows = select_saved("conflictual-cooperative-ties", {"actor": "USA"}, tmp_path, engine=engine).rows
        assert [tuple(short(t) for t in row) for row in rows] == [("id:country/FRA", "France", "2", "2", "0")]
