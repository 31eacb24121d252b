"""Checks on the gazetteer data files (ontologies/gazetteer/*.jsonl), independent of the loader code.

The merge rule is the one documented in ontologies/gazetteer/README.md: generated files first, then
``curated_*.jsonl`` by name; a later record with the same id extends lists and overrides scalars.
Tests that compare against ../shared/reference are skipped when that directory is absent.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "ontologies" / "gazetteer"
SHARED_REF = ROOT.parent / "shared" / "reference"
GENERATED = ("countries.jsonl", "organizations.jsonl")

TYPES = {"Country", "Organization", "Person"}
ROLES = {"head_of_state", "head_of_government"}
LIST_KEYS = ("names", "aliases", "demonyms", "metonyms", "ambiguous_names", "members", "sources", "context_aliases",
             "offices")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ID_RE = re.compile(r"^(country|org|person)/[A-Za-z0-9][A-Za-z0-9._-]*$")

needs_shared = pytest.mark.skipif(not SHARED_REF.is_dir(), reason="../shared/reference not available")


def data_files() -> list[Path]:
    rest = sorted(p for p in GAZ.glob("*.jsonl") if p.name not in GENERATED and not p.name.startswith("curated_"))
    curated = sorted(GAZ.glob("curated_*.jsonl"))
    return [GAZ / name for name in GENERATED] + rest + curated


def read(path: Path) -> list[dict]:
    records = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:  # pragma: no cover - the assertion message is the point
            pytest.fail(f"{path.name}:{lineno}: invalid JSON: {exc}")
        assert isinstance(rec, dict), f"{path.name}:{lineno}: not an object"
        assert isinstance(rec.get("id"), str) and ID_RE.match(rec["id"]), f"{path.name}:{lineno}: bad id {rec.get('id')!r}"
        records.append(rec)
    return records


def merged() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in data_files():
        for rec in read(path):
            cur = out.setdefault(rec["id"], {"id": rec["id"]})
            for key, value in rec.items():
                if key in LIST_KEYS:
                    items = cur.setdefault(key, [])
                    items.extend(v for v in value if v not in items)
                elif key != "id":
                    cur[key] = value
    return out


@pytest.fixture(scope="module")
def gaz() -> dict[str, dict]:
    return merged()


def test_gazetteer_data_every_line_parses():
    files = data_files()
    assert {p.name for p in files} >= {"countries.jsonl", "organizations.jsonl", "curated_countries.jsonl",
                                       "curated_organizations.jsonl", "curated_persons.jsonl"}
    for path in files:
        assert read(path), f"{path.name} is empty"


def test_gazetteer_data_ids_unique_within_generated_files():
    for name in GENERATED:
        ids = [r["id"] for r in read(GAZ / name)]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        assert not dupes, f"{name}: duplicate ids {dupes}"


def test_gazetteer_data_merged_records_are_complete_and_typed(gaz):
    for eid, rec in gaz.items():
        assert rec.get("type") in TYPES, f"{eid}: type {rec.get('type')!r}"
        assert (rec.get("label") or "").strip(), f"{eid}: no label after merging"
        prefix = {"Country": "country/", "Organization": "org/", "Person": "person/"}[rec["type"]]
        assert eid.startswith(prefix), f"{eid}: id does not match type {rec['type']}"
        assert rec.get("sources"), f"{eid}: no sources"
        for key in LIST_KEYS:
            assert isinstance(rec.get(key, []), list), f"{eid}: {key} is not a list"


def test_gazetteer_data_generated_files_are_sorted():
    for name in GENERATED:
        ids = [r["id"] for r in read(GAZ / name)]
        assert ids == sorted(ids), f"{name} is not sorted by id"


def test_gazetteer_data_qids_well_formed(gaz):
    for eid, rec in gaz.items():
        qid = rec.get("qid")
        assert qid is None or QID_RE.match(qid), f"{eid}: bad QID {qid!r}"
    qids = defaultdict(list)
    for eid, rec in gaz.items():
        if rec.get("qid"):
            qids[rec["qid"]].append(eid)
    assert not {q: ids for q, ids in qids.items() if len(ids) > 1}


def test_gazetteer_data_iso_codes_well_formed(gaz):
    for eid, rec in gaz.items():
        if rec.get("iso3") is not None:
            assert re.fullmatch(r"[A-Z]{3}", rec["iso3"]), eid
        if rec.get("iso2") is not None:
            assert re.fullmatch(r"[A-Z]{2}", rec["iso2"]), eid


def test_gazetteer_data_references_resolve(gaz):
    for eid, rec in gaz.items():
        for member in rec.get("members", []):
            assert gaz.get(member, {}).get("type") == "Country", f"{eid}: member {member} is not a country"
        for off in rec.get("offices", []):
            assert gaz.get(off["holder"], {}).get("type") == "Person", f"{eid}: holder {off['holder']} missing"
        for ctx in rec.get("context_aliases", []):
            assert ctx.get("alias") and ctx.get("requires_any"), f"{eid}: bad context alias {ctx}"


def test_gazetteer_data_no_iso_codes_or_tiny_aliases_in_generated_countries():
    codes = set()
    for rec in read(GAZ / "countries.jsonl"):
        codes.update(c for c in (rec.get("iso2"), rec.get("iso3")) if c)
    for rec in read(GAZ / "countries.jsonl"):
        for alias in rec.get("aliases", []):
            assert alias not in codes, f"{rec['id']}: ISO code {alias!r} used as alias"
            assert sum(c.isalpha() for c in alias) >= 3 or "." in alias, f"{rec['id']}: short alias {alias!r}"


def test_gazetteer_data_offices_well_formed_and_not_overlapping(gaz):
    for eid, rec in gaz.items():
        by_role = defaultdict(list)
        for off in rec.get("offices", []):
            assert rec["type"] == "Country", f"{eid}: offices on a {rec['type']}"
            assert off["role"] in ROLES, f"{eid}: role {off['role']!r}"
            assert off.get("titles") and all(isinstance(t, str) and t for t in off["titles"]), eid
            assert off.get("source"), f"{eid}: office of {off['holder']} has no source"
            assert DATE_RE.match(off["start"] or ""), f"{eid}: start {off.get('start')!r}"
            assert off["end"] is None or DATE_RE.match(off["end"]), f"{eid}: end {off['end']!r}"
            assert off["end"] is None or off["end"] >= off["start"], f"{eid}: {off['holder']} ends before it starts"
            by_role[off["role"]].append(off)
        for role, offs in by_role.items():
            offs.sort(key=lambda o: o["start"])
            for prev, nxt in zip(offs, offs[1:]):
                # a handover on the same day is allowed (end == next start)
                assert prev["end"] is not None and prev["end"] <= nxt["start"], (
                    f"{eid} {role}: {prev['holder']} ({prev['start']}..{prev['end']}) overlaps "
                    f"{nxt['holder']} ({nxt['start']}..)")


def test_gazetteer_data_leader_title_is_unambiguous(gaz):
    """On any date, 'leader' names at most one office of a country (else 'the X leader' is ambiguous)."""
    for eid, rec in gaz.items():
        leaders = [o for o in rec.get("offices", []) if "leader" in o["titles"]]
        for a in leaders:
            for b in leaders:
                if a is b or a["role"] == b["role"]:
                    continue
                overlap = a["start"] < (b["end"] or "9999") and b["start"] < (a["end"] or "9999")
                assert not overlap, f"{eid}: 'leader' on both {a['holder']} and {b['holder']}"


G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
POST_SOVIET = "ARM AZE BLR EST GEO KAZ KGZ LVA LTU MDA RUS TJK TKM UKR UZB".split()


@pytest.mark.parametrize("iso3", sorted(set(G20 + POST_SOVIET)))
def test_gazetteer_data_g20_and_post_soviet_have_current_head_of_state(gaz, iso3):
    offices = gaz[f"country/{iso3}"].get("offices", [])
    assert any(o["role"] == "head_of_state" and o["end"] is None for o in offices), iso3
    assert min(o["start"] for o in offices) <= "2001-01-01", f"{iso3}: coverage does not reach back to 2000"


def test_gazetteer_data_founding_example_entities(gaz):
    blr = gaz["country/BLR"]
    assert "Minsk" in blr["metonyms"]
    assert {"Belarusian", "Byelorussian", "Belarussian"} <= set(blr["demonyms"])
    rus = gaz["country/RUS"]
    assert {"the Kremlin", "Moscow"} <= set(rus["metonyms"])
    for eid in ("org/NATO", "org/EAEU", "org/CSTO", "org/CIS", "org/union-state-of-russia-and-belarus"):
        assert gaz[eid]["type"] == "Organization", eid
    assert "Union State" in gaz["org/union-state-of-russia-and-belarus"]["aliases"] + \
        gaz["org/union-state-of-russia-and-belarus"]["names"]
    luka = gaz["person/alexander-lukashenko"]
    assert {"Lukashenko", "Lukashenka", "Lukaschenko"} <= set(luka["aliases"])
    assert any(o["holder"] == "person/alexander-lukashenko" and o["end"] is None for o in blr["offices"])
    nato_ctx = {c["alias"] for c in gaz["org/NATO"]["context_aliases"]}
    assert "the Alliance" in nato_ctx


def test_gazetteer_data_ambiguous_names_are_names_of_the_record(gaz):
    for eid, rec in gaz.items():
        own = {n for k in ("names", "aliases", "demonyms", "metonyms") for n in rec.get(k, [])}
        missing = [n for n in rec.get("ambiguous_names", []) if n not in own and n != rec.get("label")]
        assert not missing, f"{eid}: ambiguous_names not among its names: {missing}"


@needs_shared
def test_gazetteer_data_every_shared_country_present(gaz):
    with (SHARED_REF / "countries.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 251
    for row in rows:
        rec = gaz.get(f"country/{row['iso3']}")
        assert rec is not None, row["iso3"]
        assert rec.get("qid") == (row["wikidata_qid"] or None), row["iso3"]


@needs_shared
def test_gazetteer_data_every_shared_organization_present(gaz):
    with (SHARED_REF / "organizations.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    labels = {fold for rec in gaz.values() if rec["type"] == "Organization"
              for fold in [n.casefold() for n in rec.get("names", []) + [rec["label"]]]}
    qids = {rec.get("qid") for rec in gaz.values() if rec["type"] == "Organization"}
    for row in rows:
        name = re.sub(r"\s*\(.*\)$", "", row["name"]).casefold()
        assert name in labels, row["name"]
        if row["wikidata_qid"]:
            assert row["wikidata_qid"] in qids, row["name"]


@needs_shared
def test_gazetteer_data_generator_is_deterministic(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "gaz"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--shared", str(SHARED_REF.parent),
                    "--out", str(out)], check=True, capture_output=True)
    for name in GENERATED:
        assert (out / name).read_bytes() == (GAZ / name).read_bytes(), f"{name} differs from a fresh build"


def test_gazetteer_data_brexit_correction_applied(gaz):
    assert "country/GBR" not in gaz["org/EU"].get("members", [])


def test_gazetteer_data_membership_corrections_applied(gaz):
    sco = set(gaz["org/SCO"]["members"])
    assert {"country/IND", "country/IRN", "country/BLR", "country/PAK"} <= sco
    brics = set(gaz["org/BRICS"]["members"])
    assert "country/IDN" in brics and "country/SAU" not in brics
