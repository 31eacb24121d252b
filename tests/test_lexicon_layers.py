"""Lexicon verb layers (curated lexicon.toml over the compiled petrarch_verbs.toml) and the gazetteer's compiled
layer: curated entries win, layers can be switched off (no model)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from graphbuild.gazetteer import Gazetteer
from graphbuild.relations.lexicon import DEFAULT_LEXICON, LexiconError, load_lexicon, parse_lexicon


def test_gazetteer_curated_record_wins_over_compiled(tmp_path) -> None:
    (tmp_path / "countries.jsonl").write_text(
        '{"id": "country/XYZ", "type": "Country", "label": "Xyzland", "iso3": "XYZ"}\n', encoding="utf-8")
    (tmp_path / "petrarch_persons.jsonl").write_text(
        '{"id": "person/a-b", "type": "Person", "label": "A B compiled", "names": ["A B"]}\n', encoding="utf-8")
    (tmp_path / "curated_persons.jsonl").write_text(
        '{"id": "person/a-b", "type": "Person", "label": "A B", "names": ["A B"]}\n', encoding="utf-8")
    assert Gazetteer.load(data_dir=tmp_path).get("person/a-b").label == "A B"


def _layer_file(tmp_path: Path, entries: str) -> Path:
    path = tmp_path / "compiled.toml"
    path.write_text(f"verbs = [\n{entries}\n]\n", encoding="utf-8")
    return path


def test_lexicon_curated_verbs_override_compiled_ones(tmp_path) -> None:
    compiled = _layer_file(tmp_path, '{lemma = "criticize", type = "support", code = "051", source = "block"},\n'
                                     '{lemma = "pummel", type = "assault", code = "182", source = "block"},\n'
                                     '{lemma = "call", particle = "off", type = "retreat", code = "087", '
                                     'source = "pattern"},')
    both = load_lexicon(DEFAULT_LEXICON, layers=("petrarch", "curated"), compiled_path=compiled)
    assert [t.relation for t in both.verbs["criticize"]] == ["accuse"]   # curated wins on the lemma
    assert [t.relation for t in both.verbs["pummel"]] == ["assault"]     # compiled fills the gap
    assert "verb:retreat:call_off" not in [t.pattern_id for t in both.verbs["call"]]  # curated owns "call"
    assert both.verbs["pummel"][0].prior == both.types["assault"].prior

    curated = load_lexicon(DEFAULT_LEXICON, layers=("curated",), compiled_path=compiled)
    assert "pummel" not in curated.verbs and [t.relation for t in curated.verbs["criticize"]] == ["accuse"]

    alone = load_lexicon(DEFAULT_LEXICON, layers=("petrarch",), compiled_path=compiled)
    assert [t.relation for t in alone.verbs["criticize"]] == ["support"]
    assert "condemn" not in alone.verbs   # curated verbs off; nouns and types stay
    assert alone.nouns == curated.nouns


def test_lexicon_curated_suppress_list_removes_compiled_verbs(tmp_path) -> None:
    with DEFAULT_LEXICON.open("rb") as fh:
        data = tomllib.load(fh)
    data["suppress"] = {"verbs": ["pummel"]}
    entries = [{"lemma": "pummel", "type": "assault"}, {"lemma": "smite", "type": "assault"}]
    lex = parse_lexicon(data, DEFAULT_LEXICON, entries)
    assert "pummel" not in lex.verbs and "smite" in lex.verbs


def test_lexicon_layers_are_checked(tmp_path) -> None:
    with pytest.raises(LexiconError, match="expected some of petrarch, petrarch-agents, curated"):
        load_lexicon(layers=("cureted",))
    with pytest.raises(LexiconError, match="unknown relation type 'asault'"):
        parse_lexicon(tomllib.loads(DEFAULT_LEXICON.read_text(encoding="utf-8")), DEFAULT_LEXICON,
                      [{"lemma": "pummel", "type": "asault"}])


def test_lexicon_default_loads_the_shipped_compiled_layer() -> None:
    lex = load_lexicon()
    shipped = tomllib.loads((DEFAULT_LEXICON.parent / "petrarch_verbs.toml").read_text(encoding="utf-8"))["verbs"]
    curated_only = load_lexicon(layers=("curated",))
    added = {lemma for lemma in lex.verbs if lemma not in curated_only.verbs}
    assert added and added <= {e["lemma"] for e in shipped}


def test_lexicon_compiled_agents_join_the_agent_nouns_unless_suppressed() -> None:
    data = tomllib.loads(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    agents = [{"noun": "garrison"}, {"noun": "gendarme"}]
    lex = parse_lexicon(data, DEFAULT_LEXICON, agents=agents)
    assert {"garrison", "gendarme", "police"} <= lex.agent_nouns
    data["suppress"] = {"agent_nouns": ["gendarme"]}
    lex = parse_lexicon(data, DEFAULT_LEXICON, agents=agents)
    assert "garrison" in lex.agent_nouns and "gendarme" not in lex.agent_nouns
    assert "garrison" not in parse_lexicon(data, DEFAULT_LEXICON).agent_nouns


def test_lexicon_default_layers_include_the_shipped_agents() -> None:
    assert "garrison" in load_lexicon().agent_nouns
    assert "garrison" not in load_lexicon(layers=("petrarch", "curated")).agent_nouns
