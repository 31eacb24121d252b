"""graphbuild.gazetteer: loading, merging, validation, lookup tables, offices (no spaCy model needed)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from graphbuild.errors import GazetteerError
from graphbuild.gazetteer import DEFAULT_DATA_DIR, Gazetteer, data_files, normalize

FIXTURE = Path(__file__).parent / "fixtures" / "gazetteer"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(data_dir=FIXTURE)


def _write(path: Path, *records: dict | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------- loading order and merging
def test_gazetteer_files_load_generated_then_curated(tmp_path: Path) -> None:
    for name in ("curated_b.jsonl", "curated_a.jsonl", "organizations.jsonl", "countries.jsonl", "extra.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.name for p in data_files(tmp_path)] == [
        "countries.jsonl",
        "organizations.jsonl",
        "extra.jsonl",
        "curated_a.jsonl",
        "curated_b.jsonl",
    ]


def test_gazetteer_merges_records_with_the_same_id(gaz: Gazetteer) -> None:
    # org/NATO: names from organizations.jsonl, context aliases from curated_actors.jsonl
    assert gaz.get("org/NATO").qid == "Q7184"
    assert [c.entity_id for c in gaz.context_aliases("the Alliance")] == ["org/NATO"]
    # country/BLR: the office comes from the curated file
    assert gaz.office_holder("country/BLR", "president", "2020-01-01") == "person/alexander-lukashenko"


def test_gazetteer_extension_adds_and_corrects_an_actor(tmp_path: Path) -> None:
    """Issue 3 point 6: an analyst corrects an actor in a data file; the next load uses it."""
    ext = _write(
        tmp_path / "my_actors.jsonl",
        {"id": "country/BLR", "aliases": ["Bielarus"], "qid": "Q184"},
        {"id": "person/andrei-porotnikov", "type": "Person", "label": "Andrei Porotnikov", "aliases": ["Porotnikov"]},
        {"id": "org/NATO", "label": "NATO"},
    )
    gaz = Gazetteer.load([ext], data_dir=FIXTURE)
    assert [c.entity_id for c in gaz.lookup("Bielarus")] == ["country/BLR"]
    assert "Byelorussia" in gaz.get("country/BLR").aliases  # earlier list kept, extended
    assert gaz.get("org/NATO").label == "NATO"  # scalar overridden
    assert gaz.get("person/andrei-porotnikov").type == "Person"
    assert gaz.version != Gazetteer.load(data_dir=FIXTURE).version


def test_gazetteer_version_is_stable_content_hash(gaz: Gazetteer) -> None:
    again = Gazetteer.load(data_dir=FIXTURE)
    assert gaz.version == again.version and len(gaz.version) == 64


# ---------------------------------------------------------------------- validation
@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"type": "Country", "label": "X"}', "bad or missing 'id'"),
        ('{"id": "place/X", "type": "Country", "label": "X"}', "bad or missing 'id'"),
        ('{"id": "country/XXX", "type": "State", "label": "X"}', "'type' 'State' is not one of"),
        ('{"id": "country/XXX", "type": "Country", "label": "X", "qid": "184"}', "is not a Wikidata id"),
        ('{"id": "country/XXX", "type": "Country", "label": "X", "iso3": "xx"}', "'iso3'"),
        ('{"id": "country/XXX", "type": "Country", "label": "X", "aliases": "Ex"}', "'aliases' must be a list"),
        ('{"id": "country/XXX", "type": "Country", "label": "X", "alises": ["Ex"]}', "unknown field(s) alises"),
        (
            '{"id": "org/X", "type": "Organization", "label": "X", "context_aliases": [{"alias": "the X"}]}',
            "context_aliases[0]",
        ),
        (
            '{"id": "country/XXX", "type": "Country", "label": "X", "offices": [{"role": "head_of_state", '
            '"titles": ["president"], "holder": "person/a-b", "start": "2020-13", "end": null}]}',
            "offices[0].start",
        ),
        (
            '{"id": "country/XXX", "type": "Country", "label": "X", "offices": [{"role": "head_of_state", '
            '"titles": ["president"], "holder": "Putin"}]}',
            "offices[0].holder",
        ),
    ],
)
def test_gazetteer_bad_line_names_file_line_and_problem(tmp_path: Path, line: str, problem: str) -> None:
    good = '{"id": "country/BLR", "type": "Country", "label": "Belarus"}'
    _write(tmp_path / "countries.jsonl", good, "", line)
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load(data_dir=tmp_path)
    message = str(info.value)
    assert "countries.jsonl:3: " in message
    assert problem in message


def test_gazetteer_record_without_label_after_merge_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path / "curated_x.jsonl", {"id": "org/ABC", "aliases": ["ABC"]})
    with pytest.raises(GazetteerError, match=r"curated_x.jsonl:1: record 'org/ABC' has no 'label'"):
        Gazetteer.load(data_dir=tmp_path)


def test_gazetteer_missing_extension_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="my_actors.jsonl: gazetteer extension file not found"):
        Gazetteer.load([tmp_path / "my_actors.jsonl"], data_dir=FIXTURE)


# ---------------------------------------------------------------------- lookup tables
@pytest.mark.parametrize(
    ("surface", "entity_id", "method"),
    [
        ("Belarus", "country/BLR", "exact"),
        ("Republic of Belarus", "country/BLR", "alias"),
        ("Byelorussia", "country/BLR", "alias"),
        ("BELARUS", "country/BLR", "exact"),
        ("Belarusian", "country/BLR", "demonym"),
        ("Minsk", "country/BLR", "metonym"),
        ("the Kremlin", "country/RUS", "metonym"),
        ("EAEU", "org/EAEU", "alias"),
        ("Eurasian economic Union", "org/EAEU", "exact"),
        ("Francois Hollande", "person/francois-hollande", "exact"),
        ("François Hollande", "person/francois-hollande", "exact"),
    ],
)
def test_gazetteer_lookup_methods(gaz: Gazetteer, surface: str, entity_id: str, method: str) -> None:
    best = gaz.lookup(surface)[0]
    assert (best.entity_id, best.method) == (entity_id, method)


def test_gazetteer_context_alias_is_not_a_plain_name(gaz: Gazetteer) -> None:
    assert gaz.lookup("the Alliance") == ()
    assert {c.entity_id for c in gaz.context_aliases("the Union")} == {"org/EU", "org/EAEU"}


def test_gazetteer_surname_index(gaz: Gazetteer) -> None:
    assert gaz.persons_with_surname("Lukashenka") == {"person/alexander-lukashenko"}
    assert gaz.persons_with_surname("Zelensky") == {"person/volodymyr-zelensky"}


@pytest.mark.parametrize(
    ("country", "title", "date", "holder"),
    [
        ("country/FRA", "president", "2015-06-01", "person/francois-hollande"),
        ("country/FRA", "President", "2020-06-01", "person/emmanuel-macron"),
        ("country/FRA", "president", "2017-05-14", "person/emmanuel-macron"),  # handover day: the newcomer
        ("country/RUS", "leader", "2010-01-01", "person/dmitry-medvedev"),
        ("country/RUS", "head of state", "2020-01-01", "person/vladimir-putin"),
        ("country/FRA", "leader", "2020-06-01", None),  # "leader" is not a French title in the data
        ("country/FRA", "president", "2001-01-01", None),  # nobody recorded then
        ("country/BEL", "president", "2020-01-01", None),
    ],
)
def test_gazetteer_office_holder_at_date(gaz: Gazetteer, country, title, date, holder) -> None:
    assert gaz.office_holder(country, title, date) == holder


def test_gazetteer_role_holder_and_offices_held(gaz: Gazetteer) -> None:
    assert gaz.role_holder("country/RUS", "head_of_state", "2010-01-01") == "person/dmitry-medvedev"
    assert gaz.role_holder("country/RUS", "head_of_government", "2010-01-01") is None
    assert [o.country_id for o in gaz.offices_held("person/vladimir-putin")] == ["country/RUS"]


def test_gazetteer_office_holder_defaults_to_today(gaz: Gazetteer) -> None:
    assert gaz.office_holder("country/BLR", "leader") == "person/alexander-lukashenko"


def test_gazetteer_normalize_folds_accents_case_and_quotes() -> None:
    assert normalize("  Lukashenka’s\n") == "lukashenka's"
    assert normalize("Élysée  Palace") == "elysee palace"


# ---------------------------------------------------------------------- the shipped data
def test_gazetteer_shipped_data_loads() -> None:
    assert sorted(p.name for p in DEFAULT_DATA_DIR.glob("*.jsonl")), f"no gazetteer data in {DEFAULT_DATA_DIR}"
    gaz = Gazetteer.load()
    assert gaz.get("country/BLR").qid == "Q184"
    assert gaz.get("org/NATO").qid == "Q7184"
    for surface, entity_id in [("Minsk", "country/BLR"), ("Moscow", "country/RUS"), ("the Kremlin", "country/RUS")]:
        assert entity_id in {c.entity_id for c in gaz.lookup(surface)}, surface


@pytest.mark.skipif(not (SHARED / "reference" / "countries.csv").exists(), reason="../shared/reference is absent")
def test_gazetteer_shipped_data_covers_every_reference_country() -> None:
    """Issue 3 point 1: every country and territory of ../shared/reference/countries.csv, with its QID."""
    gaz = Gazetteer.load()
    with open(SHARED / "reference" / "countries.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = [r["iso3"] for r in rows if gaz.get(f"country/{r['iso3']}") is None]
    assert not missing, missing
    wrong_qid = [r["iso3"] for r in rows if r["wikidata_qid"] and gaz.get(f"country/{r['iso3']}").qid != r["wikidata_qid"]]
    assert not wrong_qid, wrong_qid
