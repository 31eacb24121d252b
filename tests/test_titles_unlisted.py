"""Offices of people nobody listed, read off titles (graphbuild.relations.titles): sentences of our own.

Every case runs the real pipeline (shipped gazetteer, NER for the unknown people, the relation rules); the names
are made up, so only the title can tell the office.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CASES = [
    # the office's actor after the name
    ("Junta leader Min Aung Hlaing of Myanmar visited Russia.",
     {("person/min-aung-hlaing", "leaderOf", "country/MMR", False)}),
    ("Prime Minister Omar Kamara of Senegal said so.", {("person/omar-kamara", "leaderOf", "country/SEN", False)}),
    # the office before an apposed name
    ("The foreign minister of Senegal, Omar Kamara, said so.",
     {("person/omar-kamara", "affiliatedWith", "country/SEN", False)}),
    ("NATO's secretary general, Lars Vikander, spoke in Riga.",
     {("person/lars-vikander", "leaderOf", "org/NATO", False)}),
    # a plural title shared by coordinated names, with the actor before or after them
    ("Kenya's defence and foreign ministers Omar Kamara and Ali Musa arrived.",
     {("person/omar-kamara", "affiliatedWith", "country/KEN", False),
      ("person/ali-musa", "affiliatedWith", "country/KEN", False)}),
    ("Presidents Omar Kamara and Ali Musa of Kenya met.",
     {("person/omar-kamara", "leaderOf", "country/KEN", False), ("person/ali-musa", "leaderOf", "country/KEN", False)}),
    # "chief": the head of an organisation, an official of a state
    ("NATO chief Lars Vikander spoke in Riga.", {("person/lars-vikander", "leaderOf", "org/NATO", False)}),
    ("Kenyan army chief Omar Kamara spoke.", {("person/omar-kamara", "affiliatedWith", "country/KEN", False)}),
    # a portfolio spaCy tags ORG is part of the title, not an organisation; the country is the article's own
    ("Senegal held a vote on Sunday. Senegal is calm. Interior Minister Omar Kamara said Senegal would act.",
     {("person/omar-kamara", "affiliatedWith", "country/SEN", False)}),
    # a person placed in an organisation of a state
    ("Lena Morrow, from the UK's Human Rights Watch, said it was a signal.",
     {("person/lena-morrow", "affiliatedWith", "org/human-rights-watch", False)}),
    # possessives and demonyms before the title, appositions after the name
    ("Senegal's defence minister Omar Kamara said so.",
     {("person/omar-kamara", "affiliatedWith", "country/SEN", False)}),
    ("Omar Kamara, the foreign minister of Senegal, said so.",
     {("person/omar-kamara", "affiliatedWith", "country/SEN", False)}),
    ("Omar Kamara, Senegal's foreign minister, and Ali Musa, Kenya's defence minister, met in Dakar.",
     {("person/omar-kamara", "affiliatedWith", "country/SEN", False),
      ("person/ali-musa", "affiliatedWith", "country/KEN", False)}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_titles_give_offices_of_people_nobody_listed(relations_of, text, expected) -> None:
    got = relations_of(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_titles_a_junta_leader_without_a_country_takes_the_article_country(relations_of) -> None:
    text = ("Myanmar's army seized power in February. The junta leader Min Aung Hlaing met Chinese officials. "
            "Myanmar is poor, and Myanmar's neighbours are worried.")
    assert ("person/min-aung-hlaing", "leaderOf", "country/MMR", False) in relations_of(text)


@pytest.mark.parametrize("text", ["Kenyan opposition leader Raila Ngugi spoke.",
                                  "The Kenyan opposition leader, Raila Ngugi, spoke.",
                                  "Chechen rebel leader Aslan Dudayev was killed."])
def test_titles_an_opposition_or_rebel_leader_does_not_lead_the_state(relations_of, text) -> None:
    got = relations_of(text)
    assert not {t for t in got if t[1] in ("leaderOf", "affiliatedWith") and t[2].startswith("country/")}, got


def test_titles_a_singular_title_is_not_shared_by_the_next_name(relations_of) -> None:
    got = relations_of("Kenyan President Ali Musa and Omar Kamara met.")
    assert ("person/ali-musa", "leaderOf", "country/KEN", False) in got
    assert not {t for t in got if t[0] == "person/omar-kamara" and t[1] == "leaderOf"}, got


def test_titles_a_name_cut_short_by_the_tagger_is_whole(pipeline, shipped_gazetteer) -> None:
    from graphbuild.nlp.mentions import MentionFinder

    cands = MentionFinder(shipped_gazetteer, pipeline)(pipeline("Junta leader Min Aung Hlaing met the envoy on Monday."))
    assert "Min Aung Hlaing" in [c.text for c in cands]


def test_titles_a_portfolio_is_no_organisation(relations_of) -> None:
    got = relations_of("Defence Minister Omar Kamara said Senegal would act.")
    assert not {t for t in got if "org/defence" in (t[0], t[2])}, got



def test_titles_a_later_office_phrase_names_the_person_introduced_with_it(pipeline, shipped_gazetteer) -> None:
    # "the Tory leader" in the second sentence names the one person the article introduced as "Tory leader",
    # and carries his office again there
    from graphbuild.model import Article
    from graphbuild.relations import extract_relations
    from graphbuild.resolve import Resolver

    text = "Tory leader Martin Oakley met the envoy. But the Tory leader argued that Turkey was too large."
    article = Article("t", text, date="2005-01-01")
    doc = pipeline(text)
    mentions, minted = Resolver(shipped_gazetteer, pipeline)(doc, article)
    second = text.index("But")
    assert {(m.text, m.entity_id) for m in mentions if m.start > second and m.entity_id
            and m.entity_id.startswith("person/")} == {("leader", "person/martin-oakley")}
    entities = {e.id: e for e in minted} | {e.id: e for e in (shipped_gazetteer.get("org/conservative-party"),) if e}
    rels = extract_relations(doc, article, mentions, entities, gazetteer=shipped_gazetteer)
    assert any(r.start >= second and (r.subject, r.relation, r.object) ==
               ("person/martin-oakley", "leaderOf", "org/conservative-party") for r in rels), rels


def test_titles_a_known_holder_s_implied_office_needs_the_state_in_the_sentence(relations_of) -> None:
    got = relations_of("President George W Bush said the US backed the plan.", date="2005-01-10")
    assert ("person/george-w-bush", "leaderOf", "country/USA", False) in got, got
    got = relations_of("His comments came as President George W Bush spoke to reporters.", date="2005-01-10")
    assert not {t for t in got if t[1] == "leaderOf"}, got
