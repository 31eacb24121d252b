"""Claims behind an edge and contested claims (issue 12): analysis, RDF, report, page data."""

from __future__ import annotations

import json
import re

import rdflib

from graphbuild.analysis import analyze, contested_claims, to_networkx
from graphbuild.outputs.html import name_spans, render_html
from graphbuild.outputs.report import render_report_html, render_report_md
from graphbuild.rdf.from_records import build_graph, edge_iri, write_metrics_to_rdf
from tests.helpers import ARTICLES, ENTS, claims


def test_analysis_contested_claims_negation_and_disagreeing_speakers():
    G = to_networkx(ENTS, claims())
    found = contested_claims(G)
    assert found == {
        ("country/AAA", "country/BBB", "cooperate"): "claim and negation",
        ("country/AAA", "country/BBB", "not:cooperate"): "claim and negation",
        ("country/CCC", "country/AAA", "aid"): "speakers disagree",
        ("country/CCC", "country/AAA", "threaten"): "speakers disagree",
    }
    assert G.edges["country/BBB", "country/CCC", "aid"]["contested"] == ""
    a = analyze(G)
    assert {(c["subject"], c["relation"], c["negated"]) for c in a.contested} == {
        ("country/AAA", "cooperate", False), ("country/AAA", "cooperate", True),
        ("country/CCC", "aid", False), ("country/CCC", "threaten", False)}


def test_rdf_marks_contested_aggregated_relations():
    rels = claims()
    G = to_networkx(ENTS, rels)
    g = build_graph(ARTICLES, ENTS, [], rels)
    write_metrics_to_rdf(g, analyze(G))
    gb = rdflib.Namespace("https://w3id.org/graphbuild/ontology#")
    contested = {s for s, o in g.subject_objects(gb.contested) if o.toPython() is True}
    assert edge_iri(("country/AAA", "cooperate", "country/BBB", True)) in contested
    assert edge_iri(("country/CCC", "threaten", "country/AAA", False)) in contested
    assert edge_iri(("country/BBB", "aid", "country/CCC", False)) not in contested
    assert len(contested) == 4


def test_report_lists_contested_relations():
    rels = claims()
    G = to_networkx(ENTS, rels)
    md = render_report_md(G, analyze(G), rels, ARTICLES)
    section = md.split("## Contested relations")[1].split("\n## ")[0]
    assert "**Aland** not cooperate **Borduria** \u2014 contested (claim and negation" in section
    assert "speakers disagree" in section and "Kim Lee" in section and "Ana Ruiz" in section
    assert "Contested relations</h2>" in render_report_html(G, analyze(G), rels, ARTICLES)


def test_render_name_spans_marks_both_actors_whole_words():
    s = "Alanders said Aland's envoy met Borduria in Alandia."
    spans = name_spans(s, ["Aland's", "Alanders", "Aland"], ["Borduria"])
    assert [(s[a:b], w) for a, b, w in spans] == [("Alanders", 0), ("Aland's", 0), ("Borduria", 1)]


def test_render_page_carries_every_claim_with_titles_spans_and_contested(tmp_path):
    rels = claims()
    G = to_networkx(ENTS, rels)
    render_html(G, analyze(G), tmp_path / "g.html", articles=ARTICLES)
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', (tmp_path / "g.html").read_text(), re.S).group(1))
    E, N, S = data["edges"], data["nodes"], data["strings"]
    i = next(k for k in range(len(E["from"])) if N["id"][E["from"][k]] == "country/AAA"
             and E["relation"][k] == "cooperate" and not E["negated"][k])
    assert E["contested"][i] == "claim and negation"
    rows = E["evidence"][i]
    assert len(rows) == 2 and {S[r[0]] for r in rows} == {"Aland will cooperate with Borduria.",
                                                          "Alanders said they cooperate with Borduria."}
    for row in rows:
        sentence, spans = S[row[0]], row[6]
        assert {sentence[a:b] for a, b, w in spans if w == 0} <= {"Aland", "Alanders"}
        assert [sentence[a:b] for a, b, w in spans if w == 1] == ["Borduria"]
        assert isinstance(row[5], float) and row[4] == "asserted"
    assert data["documents"]["d1"] == ["Aland and Borduria sign <b>pact</b>", "2024-01-05"]
    j = next(k for k in range(len(E["from"])) if E["relation"][k] == "aid" and N["id"][E["from"][k]] == "country/BBB")
    assert E["contested"][j] == 0


def test_analysis_dyad_timelines_count_claims_by_month_and_sign():
    from graphbuild.analysis import dyad_timelines

    G = to_networkx(ENTS, claims())
    dyads = {(d["a"], d["b"]): d for d in dyad_timelines(G, 10)}
    ac = dyads[("country/AAA", "country/CCC")]
    assert ac["months"] == {"2024-01": {"cooperative": 1, "conflictual": 0, "neutral": 0},
                            "2024-03": {"cooperative": 0, "conflictual": 1, "neutral": 0}}
    ab = dyads[("country/AAA", "country/BBB")]
    assert ab["months"] == {"2024-01": {"cooperative": 1, "conflictual": 0, "neutral": 0},
                            "2024-02": {"cooperative": 1, "conflictual": 0, "neutral": 0}}  # the denial left out
    bc = dyads[("country/BBB", "country/CCC")]
    assert bc["months"] == {} and bc["undated"] == 2
    assert list(dyads)[0] in {("country/AAA", "country/BBB"), ("country/AAA", "country/CCC")}


def test_report_strongest_dyads_over_time():
    rels = claims()
    G = to_networkx(ENTS, rels)
    md = render_report_md(G, analyze(G), rels, ARTICLES)
    section = md.split("## Strongest dyads over time")[1].split("\n## ")[0]
    assert "**Aland \u2013 Carpathia**" in section and "| 2024\\-03 | 0 | 1 | 0 |" in section
    assert "**Borduria \u2013 Carpathia** (weight 1.60; 2 undated)" in section and "No dated claims." in section
    html = render_report_html(G, analyze(G), rels, ARTICLES)
    dyads = html.split("<h2>Strongest dyads over time</h2>")[1].split("<h2>")[0]
    assert dyads.count("<svg") == 2 and "2024-03: 1 conflictual" in dyads


def test_render_page_carries_months_and_play_control(tmp_path):
    rels = claims()
    G = to_networkx(ENTS, rels)
    render_html(G, analyze(G), tmp_path / "g.html", articles=ARTICLES)
    page = (tmp_path / "g.html").read_text()
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', page, re.S).group(1))
    E, N = data["edges"], data["nodes"]
    months = {(N["id"][E["from"][i]], E["relation"][i], E["negated"][i]): E["months"][i] for i in range(len(E["from"]))}
    assert months[("country/CCC", "threaten", 0)] == {"2024-03": 1}
    assert months[("country/AAA", "cooperate", 0)] == {"2024-01": 1, "2024-02": 1}
    assert 'id="gb-play"' in page and 'id="gb-dyad-chart"' in page
