"""General rules for news nobody here has read (the recall issue): sentences of our own, one rule each.

Every case runs the real pipeline: resolution (shipped gazetteer, NER for unknown people) and relation rules.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


#: Sentences of our own and what they must yield (the pattern families of the recall issue, one group each).
CASES = [
    # --- titles give offices ----------------------------------------------------------------------
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
    # --- interim offices --------------------------------------------------------------------------
        ("Iraqi interim leader Iyad Allawi criticised the nations.",
         {("person/iyad-allawi", "leaderOf", "country/IRQ", False)}),
    # --- phrases events and stated membership -----------------------------------------------------
        # phrases outside the old lexicon
        ("Britain placed sanctions on Russian banks.", {("country/GBR", "sanction", "country/RUS", False)}),
        ("Canada slapped sanctions on Iran.", {("country/CAN", "sanction", "country/IRN", False)}),
        ("Russia called off talks with Ukraine.", {("country/RUS", "consult", "country/UKR", True)}),
        ("Germany cancelled the visit to China.", {("country/CHN", "consult", "country/DEU", True)}),
        ("Armenia suspended its participation in the CSTO.", {("country/ARM", "memberOf", "org/CSTO", True)}),
        ("China voted against Japan's resolution.", {("country/CHN", "reject", "country/JPN", False)}),
        ("Ahmed Kuru was elected president of Somalia in May.",
         {("person/ahmed-kuru", "leaderOf", "country/SOM", False)}),
        # coordination on the subject side
        ("The EU, Canada and Japan imposed sanctions on Belarus.",
         {("org/EU", "sanction", "country/BLR", False), ("country/CAN", "sanction", "country/BLR", False),
          ("country/JPN", "sanction", "country/BLR", False)}),
        # event nouns as objects: the actor of the event
        ("The United States condemned the coup in Niger.", {("country/USA", "accuse", "country/NER", False)}),
        ("North Korea launched a missile on Monday. Japan condemned the test.",
         {("country/JPN", "accuse", "country/PRK", False)}),
        ("The coup in Niger drew condemnation from ECOWAS.", {("org/ECOWAS", "accuse", "country/NER", False)}),
        ("Poland termed Russia's decision provocative.", {("country/POL", "accuse", "country/RUS", False)}),
        ("Sweden described the Russian drills as dangerous.", {("country/SWE", "accuse", "country/RUS", False)}),
        ("Turkey is frustrated with Greece's stance.", {("country/TUR", "accuse", "country/GRC", False)}),
        # membership stated in passing
        ("Estonia, one of NATO's frontline states, called for more troops.",
         {("country/EST", "memberOf", "org/NATO", False)}),
        ("Ghana and Gabon, both members of the African Union, backed the plan.",
         {("country/GHA", "memberOf", "org/AU", False), ("country/GAB", "memberOf", "org/AU", False)}),
        ("Turkmenistan, which quit the CIS, stayed neutral.", {("country/TKM", "memberOf", "org/CIS", True)}),
        # receiving from a giver, lending to a list, a list of subjects the parser broke up
        ("Ukraine received its first fighter jets from Denmark and the Netherlands.",
         {("country/DNK", "aid", "country/UKR", False), ("country/NLD", "aid", "country/UKR", False)}),
        ("Beijing has lent billions of dollars to Venezuela, Ecuador and Argentina.",
         {("country/CHN", "aid", "country/VEN", False), ("country/CHN", "aid", "country/ARG", False)}),
        ("Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan held a summit with Germany.",
         {("country/DEU", "consult", "country/UZB", False), ("country/DEU", "consult", "country/KGZ", False)}),
        ("India and Pakistan exchanged fire along the border.", {("country/IND", "fight", "country/PAK", False)}),
        # a denied claim is negated; a claimed one is not
        ("Ankara denied it had supplied weapons to Azerbaijan.", {("country/TUR", "aid", "country/AZE", True)}),
        ("Ankara said it had supplied weapons to Azerbaijan.", {("country/TUR", "aid", "country/AZE", False)}),
    # --- parties judgements and reciprocal acts ---------------------------------------------------
        # parties are actors
        ("Tory leader Michael Howard attacked Labour's record on crime.",
         {("person/michael-howard", "accuse", "org/labour-party", False),
          ("person/michael-howard", "leaderOf", "org/conservative-party", False)}),
        ("Charles Kennedy said the Conservatives were wrong.",
         {("person/charles-kennedy", "accuse", "org/conservative-party", False)}),
        # reciprocal accusations go both ways
        ("Armenia and Azerbaijan blamed one another for the clashes.",
         {("country/ARM", "accuse", "country/AZE", False), ("country/AZE", "accuse", "country/ARM", False)}),
    # --- bids reactions borders and requests ------------------------------------------------------
        ("Moldova and Ukraine applied for EU membership in 2022.",
         {("country/MDA", "seeksMembershipIn", "org/EU", False), ("country/UKR", "seeksMembershipIn", "org/EU", False)}),
        ("Georgia's parliament passed a foreign agents law, prompting criticism from Washington.",
         {("country/USA", "accuse", "country/GEO", False)}),
        ("Poland deployed 10,000 troops to its border with Belarus.",
         {("country/POL", "mobilize", "country/BLR", False)}),
        ("Kazakhstan requested CSTO assistance during the unrest.", {("country/KAZ", "request", "org/CSTO", False)}),
        ("Azerbaijan and Armenia exchanged accusations over the ceasefire violations.",
         {("country/ARM", "accuse", "country/AZE", False), ("country/AZE", "accuse", "country/ARM", False)}),
        # a titled person acts as himself, not as his state
        ("Venezuela's President Nicolas Maduro accused Washington of plotting a coup.",
         {("person/nicolas-maduro", "accuse", "country/USA", False)}),
        # criticism of what a state leads is aimed at the state
        ("Clare Short has criticised the US-led aid coalition.", {("person/clare-short", "accuse", "country/USA", False)}),
        # an office held "as"
        ("George W Bush will begin his second term as US President in January.",
         {("person/george-w-bush", "leaderOf", "country/USA", False)}),
        ("Sergei Lavrov served as Russia's ambassador to the UN for ten years.",
         {("person/sergei-lavrov", "affiliatedWith", "country/RUS", False)}),
        # an organisation's officials stand for it
        ("The EU foreign policy chief criticised Minsk.", {("org/EU", "accuse", "country/BLR", False)}),
        # "the government": the state named just before
        ("Belarus held a presidential election on Sunday. The government rejected criticism from the European Union.",
         {("country/BLR", "reject", "org/EU", False)}),
        ("China is Russia's main trading partner.", {("country/CHN", "cooperate", "country/RUS", False)}),
        ("The Turkey-EU talks began on Monday.", {("country/TUR", "consult", "org/EU", False)}),
        ("The parts are the product of Israeli-Egyptian cooperation.", {("country/EGY", "cooperate", "country/ISR", False)}),
        # British spellings stay one word: "co-ordinate" is no "co" + "ordinate"
        ("An alliance of the US, India and Japan will co-ordinate the relief effort.",
         {("country/IND", "cooperate", "country/USA", False), ("country/IND", "cooperate", "country/JPN", False)}),
        ("Egypt's president described Israel's prime minister as the best chance for peace.",
         {("country/EGY", "support", "country/ISR", False)}),
        ("Japan is America's closest ally in Asia.", {("country/JPN", "alliedWith", "country/USA", False)}),
        ("Russia and Belarus form the Union State.",
         {("country/RUS", "memberOf", "org/union-state-of-russia-and-belarus", False)}),
        ("Mali, Burkina Faso and Niger left ECOWAS. The bloc called on the three states to reconsider.",
         {("org/ECOWAS", "request", "country/MLI", False), ("org/ECOWAS", "request", "country/NER", False)}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_recall_finds(relations_of, text, expected) -> None:
    got = relations_of(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_recall_an_alliance_is_not_placed_in_a_state(relations_of) -> None:
    got = relations_of("Russia's CSTO allies met in Moscow.")
    assert not {t for t in got if t[0] == "org/CSTO" and t[1] == "affiliatedWith"}, got


def test_recall_office_phrase_names_the_country_where_the_holder_holds_office(relations_of) -> None:
    got = relations_of("The French president told reporters that Europe needs unity.", date="2005-01-10")
    assert ("person/jacques-chirac", "leaderOf", "country/FRA", False) in got
    assert not {t for t in got if t[2] == "country/ATF"}, got


def test_recall_title_run_does_not_cross_a_coordination(relations_of) -> None:
    got = relations_of("India's petroleum minister Ravi Mehta and Russian energy minister Ivan Petrovsky met.")
    assert ("person/ivan-petrovsky", "affiliatedWith", "country/IND", False) not in got
    assert ("person/ivan-petrovsky", "affiliatedWith", "country/RUS", False) in got


def test_recall_former_or_deputy_holders_are_not_leaders(relations_of) -> None:
    got = relations_of("Former Georgian President Eduard Kvaratskhelia and Deputy Prime Minister of Moldova Ion Rusu met.")
    assert not {t for t in got if t[1] == "leaderOf" and not t[3]}, got
    # a former office is the office relation, negated (docs/ANNOTATION.md)
    assert ("person/eduard-kvaratskhelia", "leaderOf", "country/GEO", True) in got


def test_recall_title_without_country_takes_the_article_country(relations_of) -> None:
    text = ("Kazakhstan holds elections in March. Kazakhstan's parliament backed the plan, and Kazakhstan's "
            "economy is growing. President Nurlan Abenov said the vote would be fair.")
    assert ("person/nurlan-abenov", "leaderOf", "country/KAZ", False) in relations_of(text)


def test_recall_title_without_country_stays_silent_when_the_article_has_several(relations_of) -> None:
    text = "Kazakhstan and Russia signed a deal. China and Japan objected. President Nurlan Abenov said it was fair."
    assert not {t for t in relations_of(text) if t[0] == "person/nurlan-abenov" and t[1] == "leaderOf"}


def test_recall_blocking_anothers_funding_is_not_the_others_sanction(relations_of) -> None:
    got = relations_of("Hungary blocked EU funding for Ukraine.")
    assert ("org/EU", "sanction", "country/UKR", False) not in got


def test_recall_asking_a_person_to_serve_is_no_request_of_a_state(relations_of) -> None:
    got = relations_of("Israel has asked a US banker to run its central bank.")
    assert not {t for t in got if t[1] == "request"}, got


def test_recall_military_attack_stays_an_assault(relations_of) -> None:
    got = relations_of("Israeli jets attacked Hamas positions in Gaza. Russia attacked Ukraine in February.")
    assert ("country/RUS", "assault", "country/UKR", False) in got
    assert not {t for t in got if t[1] == "accuse"}, got


def test_recall_a_denied_judgement_is_no_accusation(relations_of) -> None:
    assert not {t for t in relations_of("Mr Straw said China was not a threat.") if t[1] == "accuse"}


def test_recall_welcoming_a_decision_does_not_guess_whose(relations_of) -> None:
    got = relations_of("Hungary did not veto the package. Ukraine welcomed the decision.")
    assert not {t for t in got if t[0] == "country/UKR" and t[1] == "support"}, got


def test_recall_a_threat_to_veto_anothers_package_is_not_the_others_threat(relations_of) -> None:
    got = relations_of("Hungary threatened to veto the EU's aid package for Ukraine.")
    assert ("org/EU", "threaten", "country/UKR", False) not in got
    assert ("country/HUN", "threaten", "org/EU", False) in got


def test_recall_an_attack_in_a_city_does_not_accuse_its_country(relations_of) -> None:
    got = relations_of("Germany condemned the attack in France.")
    assert ("country/DEU", "accuse", "country/FRA", False) not in got
