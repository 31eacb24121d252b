"""General rules for news nobody here has read (the recall issue): sentences of our own, one rule each.

Every case runs the real pipeline: resolution (shipped gazetteer, NER for unknown people) and relation rules.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # <demonym/country/organisation> <title> <Name>, for people the gazetteer never heard of
        ("Uzbek Prime Minister Abdulla Aripov arrived in Tashkent.",
         {("person/abdulla-aripov", "leaderOf", "country/UZB", False)}),
        ("NATO Secretary-General Jens Stoltenberg spoke in Brussels.",
         {("person/jens-stoltenberg", "leaderOf", "org/NATO", False)}),
        ("Senegalese President Macky Sall, who also chairs the African Union, visited Moscow.",
         {("person/macky-sall", "leaderOf", "country/SEN", False), ("person/macky-sall", "leaderOf", "org/AU", False)}),
        ("Russia's energy minister Ivan Petrovsky and Indian oil minister Ravi Mehta met in Delhi.",
         {("person/ivan-petrovsky", "affiliatedWith", "country/RUS", False),
          ("person/ravi-mehta", "affiliatedWith", "country/IND", False)}),
        ("Talks were led by Maria Novak, the Slovak foreign minister, and others.",
         {("person/maria-novak", "affiliatedWith", "country/SVK", False)}),
        ("US Undersecretary of State Paul Whitford met the envoy.",
         {("person/paul-whitford", "affiliatedWith", "country/USA", False)}),
        ("Kremlin spokesman Dmitry Peskov declined to comment.",
         {("person/dmitry-peskov", "affiliatedWith", "country/RUS", False)}),
    ],
)
def test_recall_titles_give_offices(relations_of, text, expected) -> None:
    got = relations_of(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_recall_title_run_does_not_cross_a_coordination(relations_of) -> None:
    got = relations_of("India's petroleum minister Ravi Mehta and Russian energy minister Ivan Petrovsky met.")
    assert ("person/ivan-petrovsky", "affiliatedWith", "country/IND", False) not in got
    assert ("person/ivan-petrovsky", "affiliatedWith", "country/RUS", False) in got


def test_recall_former_or_deputy_holders_are_not_leaders(relations_of) -> None:
    got = relations_of("Former Georgian President Eduard Kvaratskhelia and Deputy Prime Minister of Moldova Ion Rusu met.")
    assert not {t for t in got if t[1] == "leaderOf"}, got


def test_recall_title_without_country_takes_the_article_country(relations_of) -> None:
    text = ("Kazakhstan holds elections in March. Kazakhstan's parliament backed the plan, and Kazakhstan's "
            "economy is growing. President Nurlan Abenov said the vote would be fair.")
    assert ("person/nurlan-abenov", "leaderOf", "country/KAZ", False) in relations_of(text)


def test_recall_title_without_country_stays_silent_when_the_article_has_several(relations_of) -> None:
    text = "Kazakhstan and Russia signed a deal. China and Japan objected. President Nurlan Abenov said it was fair."
    assert not {t for t in relations_of(text) if t[0] == "person/nurlan-abenov" and t[1] == "leaderOf"}
