"""scripts/compile_petrarch.py on a synthetic dictionary (tests/fixtures/petrarch): verbs mapped through PLOVER,
persons with clean dated offices, and a compiled person whose office resolves only within its dates (no model)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import tomllib
from pathlib import Path

import pytest

from graphbuild.gazetteer import Gazetteer

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "petrarch"


def _compiler():
    spec = importlib.util.spec_from_file_location("compile_petrarch", REPO / "scripts" / "compile_petrarch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ontologies")
    assert _compiler().main(["--shared", str(FIXTURE), "--out", str(out), "--gazetteer", str(FIXTURE)]) == 0
    return out


def _verbs(path: Path) -> set[tuple]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {(e["lemma"], e.get("particle"), e["type"], e["code"], e["source"]) for e in data["verbs"]}


def test_compile_petrarch_verbs_map_codes_through_plover() -> None:
    cp = _compiler()
    plover = cp.load_cameo2plover(FIXTURE / "reference" / "cameo2plover_2021.txt")
    text = (FIXTURE / "reference" / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8")
    entries, dropped = cp.compile_verbs(text, plover, drop_types=frozenset(), drop_sources=frozenset(),
                                        drop_object_types=frozenset())
    got = {(e["lemma"], e["particle"], e["type"], e["code"], e["source"]) for e in entries if e["source"] != "object"}
    assert got == {
        ("pound", None, "assault", "190", "block"),      # synonym inherits the block's code
        ("pound", "on", "assault", "190", "pattern"),    # "- * ON +": verb + particle, for the verb named
        ("journey", None, "consult", "042", "own"),      # the verb line's own code
        ("travel", "to", "consult", "042", "pattern"),   # "042:043": the source->target code
        ("scold", None, "accuse", "111", "block"),
        ("ink", None, "agree", "057", "block"),          # 057 sign formal agreement -> agree (override)
    }
    objects = {(e["lemma"], e["particle"], e["object"], e["type"]) for e in entries if e["source"] == "object"}
    assert objects == {
        ("impose", None, "sanction", "sanction"),       # "- * SANCTIONS": the verb with its object noun (singular)
        ("impose", None, "troop", "mobilize"),          # "- * &MILITARY": one entry per member of the synonym set
        ("shut", "down", "television", "coerce"),       # "- * DOWN TELEVISION": particle and object
    }
    assert dropped["lemma: maps to two or more types"] == 1          # SHELL: assault and accuse
    assert dropped["verb: multiword other than verb + particle"] == 1  # +OPEN_FIRE_ON
    assert dropped["pattern: written for a verb outside its block"] == 1
    assert dropped["pattern: no source->target code"] == 1           # [:111]
    # "(WITH &MILITARY)", "(FOR TALKS)", "(ON ALERT)": prepositional phrases; "&MILITARY *": a source phrase
    assert dropped["pattern: other words than the verb, one particle and one object noun"] == 4


def test_compile_petrarch_object_entries_trigger_with_their_object_only(compiled) -> None:
    from graphbuild.relations.lexicon import load_lexicon

    lex = load_lexicon(compiled_path=compiled / "relations" / "petrarch_verbs.toml")
    impose = {(t.relation, t.obj_noun) for t in lex.verbs.get("impose", ())}
    assert ("sanction", "sanction") in impose
    # only the measured types of verb + object entries are kept (KEEP_OBJECT_TYPES)
    assert ("mobilize", "troop") not in impose
    assert not {t for t in lex.verbs.get("shut", ()) if t.relation == "coerce"}


def test_compile_petrarch_measured_drop_types_are_left_out(compiled) -> None:
    got = _verbs(compiled / "relations" / "petrarch_verbs.toml")
    types = {t for _, _, t, _, _ in got}
    assert "assault" in types  # "pound on": a pattern of its own
    assert not types & {"accuse", "consult"}, types  # DROP_TYPES of the script
    assert {source for *_, source in got} <= {"own", "pattern", "object"}, got  # DROP_SOURCES: no block defaults


def test_compile_petrarch_agents_keep_single_words_of_state_sectors(compiled) -> None:
    data = tomllib.loads((compiled / "relations" / "petrarch_agents.toml").read_text(encoding="utf-8"))
    got = [(e["noun"], e["code"], e["sector"]) for e in data["agent_nouns"]]
    # BORDER_GUARD: multiword; FARMER: not the state; LAWYER: private profession; B-52: not a plain word
    assert got == [("garrison", "MIL", "military"), ("gendarme", "COP", "police"),
                   ("magistrate", "JUD", "judiciary")]


def test_compile_petrarch_is_deterministic(compiled, tmp_path) -> None:
    assert _compiler().main(["--shared", str(FIXTURE), "--out", str(tmp_path), "--gazetteer", str(FIXTURE)]) == 0
    for rel in ("relations/petrarch_verbs.toml", "relations/petrarch_agents.toml", "gazetteer/petrarch_persons.jsonl"):
        assert (tmp_path / rel).read_bytes() == (compiled / rel).read_bytes(), rel


def test_compile_petrarch_persons_keep_only_clean_dated_offices(compiled) -> None:
    records = [json.loads(line) for line in (compiled / "gazetteer" / "petrarch_persons.jsonl").open()]
    persons = {r["id"]: r for r in records if r.get("type") == "Person"}
    # Trentino: only titled names; Groucho: open range; Chicolini: no title; Harpo: both titles;
    # Dumont: two terms; Zeppo: overlaps the curated office of the fixture gazetteer (curated wins)
    assert set(persons) == {"person/rufus-t-firefly"}
    assert persons["person/rufus-t-firefly"]["names"] == ["Rufus T. Firefly"]
    assert persons["person/rufus-t-firefly"]["aliases"] == ["Rufus Firefly"]
    assert persons["person/rufus-t-firefly"]["qid"] is None
    (office_rec,) = [r for r in records if r["id"] == "country/XYZ"]
    (office,) = office_rec["offices"]
    assert (office["role"], office["holder"], office["start"], office["end"]) == (
        "head_of_state", "person/rufus-t-firefly", "1933-01-01", "1933-12-31")


def test_compile_petrarch_person_office_resolves_only_within_its_dates(compiled, tmp_path) -> None:
    data = tmp_path / "gazetteer"
    data.mkdir()
    shutil.copy(FIXTURE / "gazetteer.jsonl", data / "countries.jsonl")
    shutil.copy(compiled / "gazetteer" / "petrarch_persons.jsonl", data / "petrarch_persons.jsonl")
    gaz = Gazetteer.load(data_dir=data)
    assert gaz.office_holder("country/XYZ", "president", "1933-06-01") == "person/rufus-t-firefly"
    assert gaz.office_holder("country/XYZ", "president", "1932-12-31") is None
    assert gaz.office_holder("country/XYZ", "president", "1934-01-01") is None
    assert [c.entity_id for c in gaz.lookup("Rufus Firefly")] == ["person/rufus-t-firefly"]
    without = Gazetteer.load(data_dir=data, compiled=False)
    assert without.get("person/rufus-t-firefly") is None
    assert without.office_holder("country/XYZ", "president", "1933-06-01") is None
