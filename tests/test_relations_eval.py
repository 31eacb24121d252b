"""Relation evaluation helpers: scores, CAMEO -> PLOVER mapping, country-level codes, report (no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.evaluation.relations import (
    RelationEvalResults,
    Score,
    SetResult,
    cameo_to_type,
    country_level,
    format_relation_report,
    load_cameo2plover,
    plover_type,
)
from graphbuild.model import Relation

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CAMEO2PLOVER = SHARED / "reference" / "cameo2plover_2021.txt"


def test_relations_eval_score_arithmetic() -> None:
    s = Score(pred=10, pred_correct=8, gold=20, gold_found=8) + Score(pred=0, pred_correct=0, gold=0, gold_found=0)
    assert (s.precision, s.recall) == (0.8, 0.4)
    assert round(s.f1, 4) == round(2 * 0.8 * 0.4 / 1.2, 4)
    assert Score().f1 == 0.0


@pytest.mark.parametrize(("code", "level"), [("USAGOV", "USA"), ("IGOWSTNAT", "IGOWSTNAT"), ("rus", "RUS"),
                                             ("---REB", "---")])
def test_relations_eval_country_level(code, level) -> None:
    assert country_level(code) == level


def test_relations_eval_announced_interaction_is_plover_agree() -> None:
    r = Relation("d", "country/SYR", "retreat", "country/LBN", "s", 0, 1, modality="desired")
    assert plover_type(r) == "agree"
    assert plover_type(Relation("d", "country/IRN", "threaten", "country/IRQ", "s", 0, 1, modality="future")) == "threaten"
    assert plover_type(Relation("d", "country/IRN", "assault", "country/IRQ", "s", 0, 1)) == "assault"


@pytest.mark.skipif(not CAMEO2PLOVER.exists(), reason=f"../shared is absent ({CAMEO2PLOVER} not found)")
def test_relations_eval_cameo2plover_most_specific_code() -> None:
    table = load_cameo2plover(CAMEO2PLOVER)
    assert cameo_to_type("042", table) == "consult"
    assert cameo_to_type("0811", table) == "concede"
    assert cameo_to_type("085", table) == "retreat"  # ease economic sanctions
    assert cameo_to_type("112", table) == "accuse"  # DISAPPROVE is our accuse
    assert cameo_to_type("190", table) == "assault"


def test_relations_eval_report_lists_sets_types_and_baseline() -> None:
    res = RelationEvalResults(
        (
            SetResult("dev", "dev gold", 3, {"all": Score(4, 3, 5, 3), "consult": Score(4, 3, 5, 3)},
                      {"all": Score(9, 1, 5, 1)}, "cooperate", {"modality accuracy": 0.5}),
            SetResult("plover", "PLOVER", 0, {}, {}, "", skipped="file not found"),
        ),
        1.0,
    )
    text = format_relation_report(res)
    assert "== dev" in text and "consult" in text and "baseline" in text and "0.75" in text
    assert "modality accuracy: 0.500" in text
    assert "skipped: file not found" in text
