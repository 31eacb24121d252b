"""The founding example (issue 2, point 8): ../shared/corpus/belarus-nato-balance.txt comes out right."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import needs_shared

pytestmark = [needs_shared, pytest.mark.model]


def _rows(build, name: str) -> list[dict[str, str]]:
    with open(build.files[name], encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _entity_of(build, surface: str) -> set[str]:
    """The entity ids that mentions with exactly this surface text resolve to."""
    return {m["entity_id"] for m in _rows(build, "mentions.csv") if m["text"] == surface}


@pytest.mark.parametrize(
    ("surfaces", "entity_id", "qid"),
    [
        (("Minsk", "Belarusian"), "country/BLR", "Q184"),
        (("Moscow",), "country/RUS", "Q159"),
        (("the Kremlin", "Kremlin"), "country/RUS", "Q159"),
        (("the Alliance", "Alliance"), "org/NATO", "Q7184"),
    ],
)
def test_founding_metonyms_and_demonyms_resolve(founding_build, surfaces, entity_id, qid) -> None:
    resolved = set().union(*(_entity_of(founding_build, s) for s in surfaces))
    assert resolved == {entity_id}, f"{surfaces} resolved to {resolved}"
    entity = founding_build.records.entities[entity_id]
    assert entity.qid == qid


@pytest.mark.parametrize("variants", [("Lukashenko", "Lukashenka"), ("Andrei Porotnikov", "Andrew Porotnikov")])
def test_founding_spelling_variants_are_one_person(founding_build, variants) -> None:
    ids = [_entity_of(founding_build, v) for v in variants]
    assert all(len(i) == 1 for i in ids), ids
    assert ids[0] == ids[1]
    (entity_id,) = ids[0]
    assert founding_build.records.entities[entity_id].type == "Person"


def _has(build, subject: str, relation: str, obj: str, *, negated: bool = False, symmetric: bool = False) -> bool:
    for r in build.records.relations:
        if r.relation != relation or r.negated != negated:
            continue
        if (r.subject, r.object) == (subject, obj) or (symmetric and (r.object, r.subject) == (subject, obj)):
            return True
    return False


@pytest.mark.parametrize(
    ("subject", "relation", "obj", "symmetric"),
    [
        ("country/BLR", "consult", "org/NATO", True),
        ("country/BLR", "dependsOn", "country/RUS", False),
        ("country/BLR", "memberOf", "org/EAEU", False),
        ("org/NATO", "consult", "country/RUS", True),
    ],
)
def test_founding_relations_are_found(founding_build, subject, relation, obj, symmetric) -> None:
    assert _has(founding_build, subject, relation, obj, symmetric=symmetric), [
        (r.subject, r.relation, r.object, r.negated) for r in founding_build.records.relations
    ]


def test_founding_lukashenko_leads_belarus(founding_build) -> None:
    (luka,) = _entity_of(founding_build, "Lukashenko")
    assert _has(founding_build, luka, "leaderOf", "country/BLR")


def test_founding_negated_cooperation_is_negated(founding_build) -> None:
    rows = [
        r
        for r in _rows(founding_build, "relations.csv")
        if r["relation"] == "cooperate" and "not all NATO countries are ready" in r["sentence"]
    ]
    assert rows, "no cooperate assertion from 'not all NATO countries are ready to expand cooperation'"
    assert all(r["negated"] == "true" for r in rows)
    assert {r["subject_qid"] for r in rows} | {r["object_qid"] for r in rows} >= {"Q184", "Q7184"}


def test_founding_no_junk_persons(founding_build) -> None:
    persons = {e.label for e in founding_build.records.entities.values() if e.type == "Person"}
    assert not persons & {"Belarus", "Trojan", "Western", "Eastern"}, persons
    for row in _rows(founding_build, "mentions.csv"):
        if row["type"] == "Person":
            assert row["text"] not in {"Belarus", "Trojan"}, row
