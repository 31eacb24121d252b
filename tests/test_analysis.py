"""Tests of graphbuild.analysis: graph building, metrics, the signed view and the balancing rule."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graphbuild.analysis import (
    analyze,
    balancing_actors,
    ego_network,
    paths,
    signed_graph,
    structural_balance,
    to_networkx,
)
from graphbuild.model import RELATION_TYPES, Entity
from graphbuild.rdf.from_records import write_metrics_to_rdf
from graphbuild.signs import SIGNS, sign_of
from tests.helpers import E, founding_relations, rel


def test_signs_cover_every_relation_type():
    assert set(SIGNS) == set(RELATION_TYPES)
    assert sign_of("fight").intensity == -10 and sign_of("aid").sign == "cooperative"
    assert sign_of("leaderOf").sign == "neutral"
    assert sign_of("no-such").intensity == 0


def test_to_networkx_aggregates_claims_with_evidence():
    G = to_networkx(E, founding_relations())
    assert isinstance(G, nx.MultiDiGraph)
    d = G.edges["country/BLR", "org/NATO", "consult"]
    assert d["count"] == 2 and d["weight"] == pytest.approx(1.6) and len(d["evidence"]) == 2
    assert G.nodes["country/BLR"]["label"] == "Belarus" and G.nodes["country/BLR"]["qid"] == "Q184"
    neg = G.edges["country/BLR", "org/NATO", "not:cooperate"]  # symmetric: stored with the smaller id first
    assert neg["negated"] and neg["signed_weight"] == 0


def test_to_networkx_unknown_entity_gets_a_node():
    G = to_networkx({}, [rel("person/x-y", "accuse", "country/RUS")])
    assert G.nodes["person/x-y"]["type"] == "Person" and G.nodes["country/RUS"]["type"] == "Country"


def test_to_networkx_dates_and_months():
    G = to_networkx(E, [rel("country/RUS", "threaten", "org/NATO", date=d) for d in ("2024-01-05", "2024-03-01")])
    d = G.edges["country/RUS", "org/NATO", "threaten"]
    assert (d["first_seen"], d["last_seen"]) == ("2024-01-05", "2024-03-01")
    assert d["months"] == {"2024-01": 1, "2024-03": 1}


def test_analyze_returns_plain_python_values():
    a = analyze(to_networkx(E, founding_relations()), seed=0)
    json.dumps(a.to_dict())  # numpy scalars would fail here

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                walk(k), walk(v)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)
        else:
            assert x is None or type(x) in (int, float, str, bool), type(x)

    walk(a.to_dict())
    assert a.nodes == 8 and sum(a.pagerank.values()) == pytest.approx(1.0)
    assert max(a.degree, key=a.degree.get) == "country/BLR"


def test_analyze_is_reproducible_with_a_seed():
    G = nx.MultiDiGraph()
    R = nx.gnm_random_graph(300, 900, seed=1, directed=True)
    ents = {f"country/C{i}": Entity(f"country/C{i}", f"C{i}", "Country") for i in R}
    rels = [rel(f"country/C{u}", "consult" if (u + v) % 3 else "accuse", f"country/C{v}") for u, v in R.edges]
    G = to_networkx(ents, rels)
    a1, a2 = analyze(G, seed=3), analyze(G, seed=3)
    assert a1.communities == a2.communities and a1.betweenness == a2.betweenness


def test_analyze_samples_betweenness_above_the_threshold(monkeypatch):
    import graphbuild.analysis as an

    monkeypatch.setattr(an, "EXACT_BETWEENNESS_MAX_NODES", 5)
    monkeypatch.setattr(an, "BETWEENNESS_SAMPLES", 3)
    a = an.analyze(to_networkx(E, founding_relations()), seed=1)
    assert a.betweenness_exact is False
    assert a.betweenness == an.analyze(to_networkx(E, founding_relations()), seed=1).betweenness


def test_signed_graph_ignores_negated_claims():
    S = signed_graph(to_networkx(E, [rel("org/NATO", "cooperate", "country/BLR", neg=True)]))
    assert S.number_of_edges() == 0


def test_structural_balance_counts_triangles():
    rels = [
        rel("country/RUS", "cooperate", "country/BLR"),
        rel("country/BLR", "consult", "org/NATO"),
        rel("country/RUS", "threaten", "org/NATO"),
    ]
    b = structural_balance(signed_graph(to_networkx(E, rels)))
    assert b["triangles"] == 1 and b["unbalanced"] == 1 and b["by_type"] == {"++-": 1} and b["ratio"] == 0.0


def test_balancing_founding_example_names_belarus():
    a = analyze(to_networkx(E, founding_relations()), seed=0)
    names = [d["actor"] for d in a.balancing]
    assert names[0] == "country/BLR"
    pair = {(p["a"], p["b"]) for p in a.balancing[0]["pairs"]}
    assert ("country/RUS", "org/NATO") in pair
    assert "country/KAZ" not in names and "org/NATO" not in names and "country/RUS" not in names


def test_balancing_conflict_triad():
    rels = [
        rel("country/KAZ", "cooperate", "country/RUS"),
        rel("country/KAZ", "agree", "org/NATO"),
        rel("country/RUS", "threaten", "org/NATO"),
    ]
    (d,) = balancing_actors(to_networkx(E, rels))
    assert d["actor"] == "country/KAZ" and d["pairs"][0]["kind"] == "conflict"


def test_balancing_requires_both_ties_cooperative():
    rels = [
        rel("country/BLR", "dependsOn", "country/RUS"),
        rel("country/BLR", "cooperate", "org/NATO", neg=True),  # a refusal is not a tie
    ]
    assert balancing_actors(to_networkx(E, rels)) == []


def test_balancing_not_between_aligned_blocs():
    rels = [
        rel("country/BLR", "memberOf", "org/EAEU"),
        rel("country/BLR", "consult", "org/CSTO"),
        rel("country/RUS", "memberOf", "org/EAEU"),
        rel("country/RUS", "memberOf", "org/CSTO"),
    ]
    assert balancing_actors(to_networkx(E, rels)) == []


def test_balancing_background_facts_inform_blocs():
    rels = [rel("country/KAZ", "memberOf", "org/EAEU"), rel("country/KAZ", "consult", "org/CSTO")]
    assert [d["actor"] for d in balancing_actors(to_networkx(E, rels))] == ["country/KAZ"]
    bg = [("country/KAZ", "memberOf", "org/CSTO")]
    assert balancing_actors(to_networkx(E, rels, background=bg)) == []


def test_brokers_and_communities_cover_every_node():
    a = analyze(to_networkx(E, founding_relations()), seed=0)
    assert sorted(v for c in a.communities for v in c) == sorted(a.pagerank)
    assert all(b["reaches"] for b in a.brokers)


def test_trends_per_month():
    rels = [rel("country/RUS", "threaten", "org/NATO", date="2024-01-05"), rel("country/BLR", "consult", "org/NATO",
                                                                                date="2024-02-01")]
    a = analyze(to_networkx(E, rels))
    assert a.trends == {"2024-01": 1, "2024-02": 1}
    assert a.trends_by_sign["2024-01"] == {"conflictual": 1}


def test_ego_network_keeps_the_graph_order_and_attributes():
    rels = [rel(f"country/C{i:02d}", "consult", f"country/C{(i * 7 + 3) % 60:02d}") for i in range(60)]
    G = to_networkx({}, rels, background=[("country/C01", "memberOf", "org/X")])
    ego = ego_network(G, "country/C10", 2)
    assert 2 < len(ego) < len(G) / 2  # small: nx.ego_graph would list it in set order (another page every run)
    assert list(ego) == [v for v in G if v in ego]
    assert list(ego.edges(keys=True)) == [e for e in G.edges(keys=True) if e[0] in ego and e[1] in ego]
    assert ego.graph["background"] == G.graph["background"] and ego.nodes["country/C10"] == G.nodes["country/C10"]


def test_ego_network_and_paths():
    G = to_networkx(E, founding_relations())
    ego = ego_network(G, "country/RUS", 1)
    assert set(ego) == {"country/RUS", "country/BLR", "org/NATO"}
    ps = paths(G, "person/alexander-lukashenko", "org/EAEU")
    assert ps[0]["nodes"] == ["person/alexander-lukashenko", "country/BLR", "org/EAEU"]
    assert ps[0]["steps"][0]["relations"] == ["leaderOf"]
    with pytest.raises(KeyError):
        ego_network(G, "country/XXX")


def test_write_metrics_to_rdf_is_idempotent():
    rdflib = pytest.importorskip("rdflib")
    G = to_networkx(E, founding_relations())
    a = analyze(G)
    g = rdflib.Graph()
    write_metrics_to_rdf(g, a)
    n = len(g)
    write_metrics_to_rdf(g, a)
    assert len(g) == n == 5 * 8
    gb = rdflib.Namespace("https://w3id.org/graphbuild/ontology#")
    blr = rdflib.URIRef("https://w3id.org/graphbuild/id/country/BLR")
    assert g.value(blr, gb.balancing).toPython() is True


def test_weighted_pagerank_matches_networkx_definition():
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python  # the reference, no scipy

    from graphbuild.analysis import weighted_digraph, weighted_pagerank

    G = to_networkx(E, founding_relations())
    D = weighted_digraph(G)
    ours, theirs = weighted_pagerank(D), _pagerank_python(D, weight="weight", tol=1e-12)
    assert all(abs(ours[v] - theirs[v]) < 1e-8 for v in D)


def test_weighted_pagerank_hand_example():
    from graphbuild.analysis import weighted_pagerank

    D = nx.DiGraph()
    D.add_edge("a", "b", weight=1.0)
    D.add_edge("b", "a", weight=1.0)
    pr = weighted_pagerank(D)
    assert pr == pytest.approx({"a": 0.5, "b": 0.5})
    D.add_node("c")  # dangling: gets only teleport + dangling mass
    pr = weighted_pagerank(D)
    assert sum(pr.values()) == pytest.approx(1.0) and pr["c"] < pr["a"]


def test_membership_facts_from_gazetteer_records():
    from graphbuild.analysis import membership_facts

    class FakeGazetteer:
        def record(self, eid):
            return {"org/CSTO": {"members": ["country/KAZ", "country/RUS", "country/KAZ"]}}.get(eid)

    facts = membership_facts(FakeGazetteer(), ["org/CSTO", "country/KAZ", "org/NATO"])
    assert facts == [("country/KAZ", "memberOf", "org/CSTO"), ("country/RUS", "memberOf", "org/CSTO")]


def test_balancing_founding_example_with_background_memberships():
    bg = [("country/RUS", "memberOf", o) for o in ("org/EAEU", "org/CSTO", "org/CIS")]
    bg += [("country/POL", "memberOf", "org/NATO"), ("country/KAZ", "memberOf", "org/CSTO")]
    a = analyze(to_networkx(E, founding_relations(), background=bg))
    assert [d["actor"] for d in a.balancing] == ["country/BLR"]


def test_network_from_read_back_records_matches_records():
    from graphbuild.model import Article
    from graphbuild.rdf.from_records import build_graph
    from graphbuild.rdf.readback import records_from_rdf

    rels = [r for r in founding_relations()]
    rdf = build_graph([Article("belarus-nato-balance", "text")], E, [], rels)
    records = records_from_rdf(rdf)
    G1, G2 = to_networkx(E, rels), to_networkx(records.entities, records.relations)
    assert sorted(G1.edges(keys=True)) == sorted(G2.edges(keys=True))
    assert G2.edges["country/BLR", "org/NATO", "consult"]["count"] == 2
    assert G2.nodes["country/BLR"]["label"] == "Belarus"
    assert [d["actor"] for d in analyze(G2).balancing] == ["country/BLR"]


def test_balancing_dependence_does_not_merge_blocs():
    # one NATO member that depends on Russia does not make NATO and Russia one camp
    rels = founding_relations() + [rel("country/HUN", "dependsOn", "country/RUS")]
    bg = [("country/HUN", "memberOf", "org/NATO")]
    a = analyze(to_networkx(E, rels, background=bg))
    pairs = {(p["a"], p["b"]) for p in a.balancing[0]["pairs"]}
    assert a.balancing[0]["actor"] == "country/BLR" and ("country/RUS", "org/NATO") in pairs


def test_balancing_shared_members_make_one_camp():
    rels = [rel("country/KAZ", "seeksMembershipIn", "org/NATO"), rel("country/KAZ", "cooperate", "org/EAEU")]
    assert [d["actor"] for d in balancing_actors(to_networkx(E, rels))] == ["country/KAZ"]
    bg = [("country/POL", "memberOf", "org/NATO"), ("country/POL", "memberOf", "org/EAEU")]
    assert balancing_actors(to_networkx(E, rels, background=bg)) == []


def test_write_metrics_to_rdf_uses_percent_encoded_actor_iris():
    rdflib = pytest.importorskip("rdflib")
    from graphbuild.rdf.namespace import iri_for

    odd = "person/José <x>"
    G = to_networkx({}, [rel(odd, "accuse", "country/RUS")])
    g = rdflib.Graph()
    write_metrics_to_rdf(g, analyze(G))
    assert (iri_for(odd), None, None) in g
    g2 = rdflib.Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert len(g2) == len(g)
