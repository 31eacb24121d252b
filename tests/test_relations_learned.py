"""The learned fallback after the relation rules (graphbuild.relations.learned): features read off a parse,
the shipped model file, the stage itself with small hand-made models, and the setting that turns it off.

Docs are built by hand (words, heads, labels, lemmas) so that no statistical model is loaded.
"""

from __future__ import annotations

import json
import math

import pytest
import spacy
from spacy.tokens import Doc

from graphbuild.config import Config, load_config
from graphbuild.errors import ConfigError
from graphbuild.model import RELATION_TYPES, Article, Entity, Mention, Relation
from graphbuild.relations import extract_relations, paragraph_units
from graphbuild.relations.actors import ActorIndex
from graphbuild.relations.learned import (DEFAULT_MODEL, LearnedModelError, all_labels, load_model,
                                          model_from_json, pair_features, pair_trigger, pairs_in_unit,
                                          rule_features)
from graphbuild.relations.lexicon import load_lexicon

VOCAB = spacy.blank("en").vocab
ENTITIES = {
    "country/RUS": Entity("country/RUS", "Russia", "Country"),
    "country/MLI": Entity("country/MLI", "Mali", "Country"),
    "country/FRA": Entity("country/FRA", "France", "Country"),
}


def parsed(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A Doc from (word, head index, dependency label, part of speech, lemma) rows."""
    words, heads, deps, pos, lemmas = (list(x) for x in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def mentions_of(doc: Doc, names: dict[str, str]) -> list[Mention]:
    return [Mention("t", t.idx, t.idx + len(t), t.text, names[t.text], "exact") for t in doc if t.text in names]


# "Russia did not glimp weapons to Mali ."  (glimp: a verb no lexicon lists)
NEGATED = [("Russia", 3, "nsubj", "PROPN", "Russia"), ("did", 3, "aux", "AUX", "do"), ("not", 3, "neg", "PART", "not"),
           ("glimp", 3, "ROOT", "VERB", "glimp"), ("weapons", 3, "dobj", "NOUN", "weapon"),
           ("to", 3, "dative", "ADP", "to"), ("Mali", 5, "pobj", "PROPN", "Mali"), (".", 3, "punct", "PUNCT", ".")]
# "Russia glimped Mali ."
PLAIN = [("Russia", 1, "nsubj", "PROPN", "Russia"), ("glimped", 1, "ROOT", "VERB", "glimp"),
         ("Mali", 1, "dobj", "PROPN", "Mali"), (".", 1, "punct", "PUNCT", ".")]
NAMES = {"Russia": "country/RUS", "Mali": "country/MLI", "France": "country/FRA"}


def one_pair(rows):
    doc = parsed(rows)
    mentions = mentions_of(doc, NAMES)
    lex = load_lexicon()
    index = ActorIndex(doc, mentions, ENTITIES, lex)
    unit = paragraph_units(next(iter(doc.sents)))[0]
    pairs = list(pairs_in_unit(unit, mentions, index))
    assert len(pairs) == 1
    return doc, mentions, index, lex, pairs[0]


def tiny_model(type_weights: dict, direction_weights: dict | None = None, threshold: float = 0.5,
               classes: tuple[str, ...] = ("none", "consult")) -> dict:
    return {"type": {"classes": list(classes), "intercepts": [0.0] * len(classes), "weights": type_weights},
            "direction": {"classes": ["<", ">"], "intercepts": [0.0, 0.0], "weights": direction_weights or {}},
            "threshold": threshold}


# ------------------------------------------------------------------------------------------------ features
def test_learned_features_read_the_path_between_the_actors() -> None:
    _, _, index, lex, pair = one_pair(NEGATED)
    assert (pair.first.entity_id, pair.second.entity_id) == ("country/RUS", "country/MLI")
    assert pair_trigger(pair, index).text == "glimp"
    feats = set(pair_features(pair, index, lex))
    assert {"trigger=glimp", "types=Country>Country", "a_dep=nsubj", "b_dep=pobj", "path=nsubj^pobj/dative",
            "negation", "lca=other", "path_word=to", "between=glimp", "between=weapon"} <= feats
    assert not any(f.startswith(("lex=", "clause_cross", "quote_between")) for f in feats)


def test_learned_features_trigger_climbs_out_of_a_coordination() -> None:
    # "Russia and France glimped ." : the common ancestor is Russia itself; the trigger is the verb above it
    rows = [("Russia", 3, "nsubj", "PROPN", "Russia"), ("and", 0, "cc", "CCONJ", "and"),
            ("France", 0, "conj", "PROPN", "France"), ("glimped", 3, "ROOT", "VERB", "glimp"),
            (".", 3, "punct", "PUNCT", ".")]
    _, _, index, lex, pair = one_pair(rows)
    assert pair_trigger(pair, index).text == "glimped"
    feats = set(pair_features(pair, index, lex))
    assert {"lca=A", "trigger=glimp", "path=^conj", "gap=1"} <= feats
    assert "negation" not in feats and "between=and" not in feats  # function words between are not read


def test_learned_rule_features_name_what_the_rules_found_with_a_third_actor() -> None:
    _, _, _, _, pair = one_pair(PLAIN)
    end = len("Russia glimped Mali .")
    rules = [Relation("t", "country/FRA", "consult", "country/MLI", "s", 0, end, method="x"),
             Relation("t", "country/FRA", "consult", "country/RUS", "s", 0, end, method="x"),
             Relation("t", "country/RUS", "accuse", "country/FRA", "s", 0, end, method="x"),
             Relation("t", "country/RUS", "accuse", "country/FRA", "s", end + 5, end + 9, method="x")]
    assert sorted(rule_features(pair, rules)) == ["rule_a=accuse:s", "rule_a=consult:o", "rule_b=consult:o",
                                                  "shared=consult"]


# ------------------------------------------------------------------------------------------------ model file
def test_learned_model_file_loads_and_is_valid() -> None:
    data = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    model = load_model()
    assert 0.0 < model.threshold <= 1.0
    assert "none" in model.type.classes and set(model.type.classes) <= {"none", *RELATION_TYPES}
    assert model.direction.classes == ("<", ">")
    assert len(model.type.weights) > 100 and all(math.isfinite(w) for row in model.type.weights.values()
                                                 for w in row.values())
    assert "tune split" in str(model.info["trained_on"])
    probs = model.type.probabilities(["types=Country>Country", "trigger=meet"])
    assert set(probs) == set(model.type.classes) and abs(sum(probs.values()) - 1.0) < 1e-9
    assert model_from_json(data) == model


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("direction"), "expected an object with type, direction and threshold"),
    (lambda d: d["type"]["classes"].append("befriend"), "unknown class 'befriend'"),
    (lambda d: d["type"].update(classes=["consult", "agree"]), "expected 'none' among the classes"),
    (lambda d: d["type"]["weights"].update({"x": {"consult": float("nan")}}), "weights['x']"),
    (lambda d: d["type"]["weights"].update({"x": {"agree": 1.0}}), "weights['x']"),
    (lambda d: d["type"].update(intercepts=[0.0]), "type.intercepts"),
    (lambda d: d.update(threshold=1.5), "threshold = 1.5"),
])
def test_learned_model_file_errors_name_the_problem(change, message) -> None:
    data = tiny_model({"trigger=meet": {"consult": 1.0}})
    change(data)
    with pytest.raises(LearnedModelError, match="my.json: .*" + message.replace("[", r"\[").replace("(", r"\(")):
        model_from_json(data, "my.json")


def test_learned_model_missing_file_is_reported(tmp_path) -> None:
    with pytest.raises(LearnedModelError, match="not found"):
        load_model(tmp_path / "absent.json")


def test_learned_direction_is_read_only_where_the_types_leave_it_open() -> None:
    model = model_from_json(tiny_model({"trigger=glimp": {"accuse": 4.0}}, {"a_dep=nsubj": {">": 2.0}},
                                       threshold=0.3, classes=("none", "accuse", "leaderOf")))
    feats = ["trigger=glimp", "a_dep=nsubj"]
    p_type = model.type.probabilities(feats)["accuse"]
    first = 1 / (1 + math.exp(-2.0))
    scores = model.scores(feats, set(all_labels()))
    assert scores["accuse>"] == pytest.approx(p_type * first) and scores["accuse<"] == pytest.approx(
        p_type * (1 - first))
    assert model.scores(feats, {"accuse<"}) == {"accuse<": pytest.approx(p_type)}
    assert [label for label, _ in model.predict(feats, set(all_labels()))] == ["accuse>"]


# ------------------------------------------------------------------------------------------------ the stage
def _extract(rows, model, **kwargs) -> list[Relation]:
    doc = parsed(rows)
    return extract_relations(doc, Article("t", doc.text), mentions_of(doc, NAMES), ENTITIES, learned=model, **kwargs)


def test_learned_stage_adds_a_relation_the_rules_miss() -> None:
    assert _extract(PLAIN, None) == []
    model = model_from_json(tiny_model({"trigger=glimp": {"consult": 5.0}}))
    [rel] = _extract(PLAIN, model)
    assert (rel.subject, rel.relation, rel.object, rel.negated) == ("country/MLI", "consult", "country/RUS", False)
    assert rel.method == "learned:consult" and rel.trigger == "glimped"
    assert rel.confidence == pytest.approx(1 / (1 + math.exp(-5.0)), abs=1e-3)


def test_learned_stage_reads_negation_at_the_trigger() -> None:
    model = model_from_json(tiny_model({"trigger=glimp": {"aid": 5.0}}, {"a_dep=nsubj": {">": 5.0}},
                                       classes=("none", "aid")))
    [rel] = _extract(NEGATED, model)
    assert (rel.subject, rel.relation, rel.object, rel.negated) == ("country/RUS", "aid", "country/MLI", True)


def test_learned_stage_below_threshold_or_on_pairs_the_rules_relate_adds_nothing() -> None:
    weak = model_from_json(tiny_model({"trigger=glimp": {"consult": 5.0}}, threshold=1.0))
    assert _extract(PLAIN, weak) == []
    # "Russia criticised Mali": the rules find the accusation; the fallback leaves the pair alone
    rows = [("Russia", 1, "nsubj", "PROPN", "Russia"), ("criticised", 1, "ROOT", "VERB", "criticise"),
            ("Mali", 1, "dobj", "PROPN", "Mali"), (".", 1, "punct", "PUNCT", ".")]
    eager = model_from_json(tiny_model({"types=Country>Country": {"consult": 9.0}}))
    rels = _extract(rows, eager)
    assert [(r.relation, r.method.split(":")[0]) for r in rels] == [("accuse", "verb")]


# ------------------------------------------------------------------------------------------------ setting
def test_learned_setting_turns_the_stage_off(tmp_path) -> None:
    from graphbuild.orchestration.cache import Versions
    from graphbuild.orchestration.extractor import Extractor, ExtractorSpec

    assert Config().learned_relations is True
    path = tmp_path / "graphbuild.toml"
    path.write_text("learned_relations = false\n", encoding="utf-8")
    spec = ExtractorSpec.from_config(load_config(path))
    assert spec.learned_relations is False
    assert Extractor(spec).learned is None
    assert Extractor(ExtractorSpec.from_config(Config())).learned == load_model()
    on, off = (Versions.current("m", "g", None, learned=flag) for flag in (True, False))
    assert on.digest != off.digest


def test_learned_setting_must_be_a_boolean(tmp_path) -> None:
    path = tmp_path / "graphbuild.toml"
    path.write_text('learned_relations = "no"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="learned_relations = 'no' is not a valid value"):
        load_config(path)
