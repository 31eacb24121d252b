"""Classes of relations news states in ways the first recall round missed (issue 11, second round).

Sentences of our own, one or two per rule; every case runs the real pipeline (resolution and relation rules).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


#: (text, relations that must be found); each group is one general rule.
FINDS = [
    # --- a negating governor with a different actor does not undo the event ----------------------
    ("Armenia rejected Russian criticism of its decision.", {("country/RUS", "accuse", "country/ARM", False)}),
    # a governor that retyped the trigger does not negate it as well: ending sanctions is a retreat
    ("Germany wants to end the European Union's arms embargo on China.",
     {("org/EU", "retreat", "country/CHN", False)}),
    # --- an -ing clause takes the subject of its main clause -------------------------------------
    ("Mali left the bloc last year, accusing France of meddling.", {("country/MLI", "accuse", "country/FRA", False)}),
]


@pytest.mark.parametrize(("text", "expected"), FINDS)
def test_classes_find(relations_of, text, expected) -> None:
    got = relations_of(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_classes_refusing_own_act_still_negates(relations_of) -> None:
    got = relations_of("Russia refused to hold talks with Ukraine.")
    assert ("country/RUS", "consult", "country/UKR", True) in got
