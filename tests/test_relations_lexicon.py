"""The relation lexicon is data: it loads, covers all 25 types, and rejects malformed entries (no model)."""

from __future__ import annotations

import tomllib

import pytest

from graphbuild.errors import GraphbuildError
from graphbuild.model import RELATION_TYPES
from graphbuild.relations.lexicon import DEFAULT_LEXICON, LexiconError, load_lexicon, parse_lexicon


def _data() -> dict:
    with DEFAULT_LEXICON.open("rb") as fh:
        return tomllib.load(fh)


def test_relations_lexicon_covers_every_type() -> None:
    lex = load_lexicon()
    assert set(lex.types) == set(RELATION_TYPES)
    for name in RELATION_TYPES:
        triggers = [t for table in (lex.verbs, lex.nouns, lex.adjectives) for ts in table.values() for t in ts
                    if t.relation == name]
        assert triggers or name == "leaderOf" and lex.leader_titles, f"no trigger for {name}"


def test_relations_lexicon_pattern_ids_are_stable() -> None:
    lex = load_lexicon()
    assert [t.pattern_id for t in lex.verbs["criticize"]] == ["verb:accuse:criticize"]
    assert "verb:not-memberOf:leave" in [t.pattern_id for t in lex.verbs["leave"]]
    assert "verb:request:call_on" in [t.pattern_id for t in lex.verbs["call"]]


def test_relations_lexicon_reads_verb_objects_particle_runs_and_cosubjects() -> None:
    lex = load_lexicon()
    accept = {t.pattern_id: t for t in lex.verbs["accept"]}
    assert accept["verb:concede:accept/demand"].obj_noun == "demand"
    # the object noun's prepositions carry the object too ("imposed restrictions on X")
    impose = next(t for t in lex.verbs["impose"] if t.obj_noun == "sanction")
    assert impose.role_of("on") == "object"
    hit = next(t for t in lex.verbs["hit"] if t.relation == "accuse")
    assert (hit.particle, hit.pattern_id) == ("out at", "verb:accuse:hit_out_at")
    assert next(t for t in lex.verbs["form"]).role_of("with") == "cosubject"


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        (lambda d: d["types"].__setitem__("acuse", d["types"]["accuse"]), "unknown relation type"),
        (lambda d: d["types"]["accuse"].__setitem__("prior", 1.5), "prior must be in (0, 1]"),
        (lambda d: d["types"]["accuse"].__setitem__("nouns", ["criticism:of=target"]), "role must be"),
        (lambda d: d["types"]["accuse"].__setitem__("modality", "maybe"), "modality must be one of"),
        (lambda d: d["types"].pop("fight"), "no entry for relation types fight"),
        (lambda d: d["types"]["memberOf"].__setitem__("verb_preps", ["with=partner"]), "role must be one of"),
    ],
)
def test_relations_lexicon_rejects_bad_entries(patch, message, tmp_path) -> None:
    data = _data()
    patch(data)
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        parse_lexicon(data, tmp_path / "lexicon.toml")
    assert isinstance(info.value, GraphbuildError)
    assert "lexicon.toml" in str(info.value)


def test_relations_lexicon_missing_file_is_a_graphbuild_error(tmp_path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon(tmp_path / "nope.toml")
