"""The report on a general corpus (issue 12): balancing only among states and IGOs; interactions apart from
structural ties."""

from __future__ import annotations

from graphbuild.analysis import analyze, balancing_actors, is_state_or_igo, membership_facts, to_networkx
from graphbuild.model import Entity, Relation
from graphbuild.outputs.report import render_report_html, render_report_md

ENTS = {
    "country/AAA": Entity("country/AAA", "Aland", "Country", iso3="AAA"),
    "country/BBB": Entity("country/BBB", "Borduria", "Country", iso3="BBB"),
    "country/CCC": Entity("country/CCC", "Carpathia", "Country", iso3="CCC"),
    "org/PACT": Entity("org/PACT", "Pact", "Organization"),
    "org/gasco": Entity("org/gasco", "Gasco", "Organization"),
    "person/pat-smith": Entity("person/pat-smith", "Pat Smith", "Person", in_gazetteer=False),
    "org/yukco": Entity("org/yukco", "Yukco", "Organization", in_gazetteer=False),
    "country/state": Entity("country/state", "State", "Country", in_gazetteer=False),
}


def rel(s, r, o, n=1, neg=False):
    return [Relation(f"d{i}", s, r, o, f"{s} {r} {o}", 0, 5, negated=neg, confidence=0.8) for i in range(n)]


class Gaz:
    def record(self, eid):
        return {"org/gasco": {"kind": "company"}, "org/PACT": {"members": ["country/CCC"]}}.get(eid)


def general_relations():
    rels = []
    # a conflict between two states, and cooperative ties to both sides from a person, a NER-only company,
    # a gazetteer company and a state
    rels += rel("country/AAA", "threaten", "country/BBB", 2)
    for x in ("person/pat-smith", "org/yukco", "org/gasco", "country/CCC"):
        rels += rel(x, "cooperate", "country/AAA") + rel(x, "cooperate", "country/BBB")
    # a state between a person and a company in conflict: not a balancing pair either
    rels += rel("person/pat-smith", "accuse", "org/yukco", 2) + rel("country/AAA", "aid", "org/yukco")
    # structural ties outweigh every interaction
    rels += rel("person/pat-smith", "leaderOf", "country/AAA", 6) + rel("country/CCC", "memberOf", "org/PACT", 5)
    return rels


def _graph():
    rels = general_relations()
    actors = {r.subject for r in rels} | {r.object for r in rels}
    return to_networkx(ENTS, rels, background=membership_facts(Gaz(), actors)), rels


def test_analysis_state_or_igo_excludes_persons_companies_and_ner_only_actors():
    G, _ = _graph()
    assert {v for v in G if is_state_or_igo(G, v)} == {"country/AAA", "country/BBB", "country/CCC", "org/PACT"}


def test_analysis_balancing_only_among_states_and_igos(monkeypatch):
    G, _ = _graph()
    found = balancing_actors(G)
    assert [d["actor"] for d in found] == ["country/CCC"]
    assert {(p["a"], p["b"], p["kind"]) for p in found[0]["pairs"]} == {("country/AAA", "country/BBB", "conflict")}
    # without the restriction the person and both companies would qualify: the fixture does exercise it
    import graphbuild.analysis as analysis

    monkeypatch.setattr(analysis, "is_state_or_igo", lambda G, v: True)
    unrestricted = {d["actor"] for d in analysis.balancing_actors(G)}
    assert {"person/pat-smith", "org/yukco", "org/gasco", "country/CCC"} <= unrestricted


def test_report_strongest_relations_are_interactions_and_structural_ties_have_their_table():
    G, rels = _graph()
    md = render_report_md(G, analyze(G), rels, [])
    strongest = md.split("## Strongest relations")[1].split("\n## ")[0]
    structural = md.split("## Structural ties")[1].split("\n## ")[0]
    assert "leaderOf" not in strongest and "memberOf" not in strongest
    assert "threaten" in strongest
    assert "| Pat Smith | leaderOf | Aland | 6 |" in structural and "| Carpathia | memberOf | Pact | 5 |" in structural
    assert structural.index("leaderOf") < structural.index("memberOf")  # heaviest first
    balancing = md.split("## Balancing actors")[1].split("\n## ")[0]
    assert "**Carpathia**" in balancing and "Pat Smith" not in balancing and "Gasco" not in balancing
    html = render_report_html(G, analyze(G), rels, [])
    assert "<h2>Structural ties</h2>" in html
    assert "leaderOf" not in html.split("<h2>Strongest relations</h2>")[1].split("<h2>")[0]
