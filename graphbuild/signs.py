"""The signed view of relation types: cooperative, conflictual or neutral, with an intensity.

The table is data (one row per relation type) in the spirit of the Goldstein (1992) conflict-cooperation scale used
with CAMEO: each PLOVER interaction takes the approximate Goldstein value of the CAMEO root codes it maps from
(``../shared/reference/cameo2plover_2021.txt``), rounded; structural relations get values chosen for this project
and documented in docs/ANALYSIS.md.  Intensities run from -10 (most conflictual) to +10 (most cooperative).

``alignment`` marks the structural relations that put two actors in the same camp (membership, alliance,
dependence, affiliation, a bid for membership); the balancing rule in :mod:`graphbuild.analysis` builds blocs from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from graphbuild.model import RELATION_TYPES

SignClass = Literal["cooperative", "conflictual", "neutral"]


@dataclass(frozen=True, slots=True)
class RelationSign:
    """How one relation type counts in the signed view."""

    relation: str
    sign: SignClass
    intensity: float  # Goldstein-style, -10..+10
    alignment: bool  # a structural tie that puts both actors in one camp
    basis: str  # where the value comes from


# relation, class, intensity, alignment, basis (CAMEO root -> Goldstein value, or the project's choice)
_TABLE: tuple[tuple[str, SignClass, float, bool, str], ...] = (
    # structural
    ("memberOf", "cooperative", 5.0, True, "project: membership of a bloc or organisation"),
    ("seeksMembershipIn", "cooperative", 4.0, True, "project: a bid to join (CAMEO 03 intent to cooperate ~ +4)"),
    ("dependsOn", "cooperative", 3.0, True, "project: dependence aligns the dependant with its patron"),
    ("leaderOf", "neutral", 0.0, False, "project: identity of office, not a tie between independent actors"),
    ("affiliatedWith", "cooperative", 2.0, True, "project: a loose affiliation"),
    ("alliedWith", "cooperative", 8.0, True, "project: alliance (CAMEO 06 material cooperation ~ +6 and more)"),
    # PLOVER interactions, Goldstein value of the CAMEO roots they come from
    ("agree", "cooperative", 4.0, False, "CAMEO 03 express intent to cooperate: +4.0"),
    ("consult", "cooperative", 1.0, False, "CAMEO 04 consult: +1.0"),
    ("support", "cooperative", 3.5, False, "CAMEO 05 engage in diplomatic cooperation: +3.5"),
    ("concede", "cooperative", 5.0, False, "CAMEO 08 yield: +5.0"),
    ("cooperate", "cooperative", 6.0, False, "CAMEO 06 engage in material cooperation: +6.0"),
    ("aid", "cooperative", 7.0, False, "CAMEO 07 provide aid: +7.0"),
    ("retreat", "cooperative", 4.0, False, "CAMEO 08 yield (military de-escalation), lowered: +4.0"),
    ("request", "cooperative", 3.0, False, "CAMEO 02 appeal: +3.0"),
    ("investigate", "conflictual", -2.0, False, "CAMEO 09 investigate: -2.0"),
    ("accuse", "conflictual", -2.0, False, "CAMEO 11 disapprove: -2.0"),
    ("reject", "conflictual", -4.0, False, "CAMEO 12 reject: -4.0"),
    ("demand", "conflictual", -5.0, False, "CAMEO 10 demand: -5.0"),
    ("sanction", "conflictual", -6.0, False, "CAMEO 16 reduce relations / 163 embargo: -4.0..-8.0"),
    ("threaten", "conflictual", -6.0, False, "CAMEO 13 threaten: -6.0"),
    ("protest", "conflictual", -6.5, False, "CAMEO 14 protest: -6.5"),
    ("coerce", "conflictual", -7.0, False, "CAMEO 17 coerce: -7.0"),
    ("mobilize", "conflictual", -7.2, False, "CAMEO 15 exhibit force posture: -7.2"),
    ("assault", "conflictual", -9.0, False, "CAMEO 18 assault: -9.0"),
    ("fight", "conflictual", -10.0, False, "CAMEO 19 fight: -10.0"),
)

SIGNS: dict[str, RelationSign] = {row[0]: RelationSign(*row) for row in _TABLE}

#: How much an assertion of each modality counts in the signed view (a hope or a hypothesis is weaker evidence).
MODALITY_FACTORS: dict[str, float] = {
    "asserted": 1.0,
    "reported": 1.0,
    "future": 0.5,
    "desired": 0.5,
    "hypothetical": 0.25,
}

#: Relations that are structural alignments (bloc-forming ties).
ALIGNMENT_RELATIONS: frozenset[str] = frozenset(s.relation for s in SIGNS.values() if s.alignment)

#: Alignments that make blocs: two actors sharing a member, an organisation or an ally by these are one camp.
FORMAL_ALIGNMENT: frozenset[str] = frozenset({"memberOf", "alliedWith"})

_NEUTRAL = RelationSign("?", "neutral", 0.0, False, "unknown relation type")


def sign_of(relation: str) -> RelationSign:
    """Return the signed-view row for ``relation`` (an unknown type counts as neutral, intensity 0)."""
    return SIGNS.get(relation, _NEUTRAL)


def _check_table() -> None:
    missing = set(RELATION_TYPES) - set(SIGNS)
    if missing:  # pragma: no cover - guarded by tests
        raise AssertionError(f"relation types without a sign: {sorted(missing)}")


_check_table()
