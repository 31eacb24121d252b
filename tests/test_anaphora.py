"""graphbuild.anaphora: pronouns and definite descriptions -> the actors they point back to.

Sentences written for these tests, resolved by the real Resolver against the shipped gazetteer; each case names
the anaphor's surface text and the actors it must (or must not) get.
"""

from __future__ import annotations

import pytest

from graphbuild.anaphora import ANAPHOR_WORDS, resolve_anaphora
from graphbuild.model import Article, Mention

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolver(pipeline, shipped_gazetteer):
    from graphbuild.resolve import Resolver

    return Resolver(shipped_gazetteer, pipeline)


def anaphors(resolver, text: str, date: str | None = "2005-06-01") -> dict[str, set[str]]:
    """surface text (lower case) -> the actors its anaphora mentions name."""
    mentions, _ = resolver(resolver.nlp(text), Article("t", text, date=date))
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.method == "anaphora":
            out.setdefault(m.text.lower(), set()).add(m.entity_id)
    return out


RESOLVED = [
    ("it_subject", "Belarus depends on Russian gas. It is a member of the Eurasian Economic Union.",
     "it", {"country/BLR"}),
    ("its_own_clause", "Poland closed its border with Belarus on Monday.", "its", {"country/POL"}),
    ("he_previous_subject", "Jack Straw visited Beijing on Monday. He said the talks went well.",
     "he", {"person/jack-straw"}),
    ("she_gender_from_title", "Ms Clare Short met Mr Jack Straw in London. She said the UN must lead.",
     "she", {"person/clare-short"}),
    ("he_gender_skips_her", "Ms Clare Short met Mr Jack Straw in London. He said the UN must lead.",
     "he", {"person/jack-straw"}),
    ("they_coordination", "Mali and Niger left the bloc in January. They said they would form a new pact.",
     "they", {"country/MLI", "country/NER"}),
    ("them_plural_object", "Volodymyr Zelensky thanked the EU and Washington and urged them to go further.",
     "them", {"org/EU", "country/USA"}),
    ("the_country", "Croatia hopes to join the EU. Talks will begin only if the country co-operates with the UN.",
     "the country", {"country/HRV"}),
    ("the_country_not_own_subject", "Poland closed the border. Russia criticised the country for the move.",
     "the country", {"country/POL"}),
    ("two_countries", "Venezuela and China signed an oil deal on Monday. The two countries also agreed to build a "
     "refinery.", "the two countries", {"country/VEN", "country/CHN"}),
    ("three_juntas", "Mali, Burkina Faso and Niger left ECOWAS in January. The three juntas accused the bloc of "
     "serving France.", "the three juntas", {"country/MLI", "country/BFA", "country/NER"}),
    ("counted_prefers_subjects", "India is a member of the Quad with the United States, Japan and Australia, and "
     "China has criticised the grouping. Both Asian powers are members of BRICS.", "both asian powers",
     {"country/IND", "country/CHN"}),
    ("plural_with_clause_subject", "President Joe Biden hosted Prime Minister Fumio Kishida and President "
     "Ferdinand Marcos at the White House. The leaders agreed to expand maritime cooperation.", "the leaders",
     {"person/joe-biden", "person/fumio-kishida", "person/ferdinand-marcos"}),
    ("persons_state_from_text", "Venezuelan president Hugo Chavez visited Beijing. Mr Chavez said his country "
     "would sell more oil to China.", "country", {"country/VEN"}),
    ("persons_state_from_gazetteer", "Alexander Lukashenko spoke in Minsk on Friday. He said his government "
     "would not join the alliance.", "government", {"country/BLR"}),
    ("the_party", "Michael Howard leads the Conservative Party. He said the party would cut taxes.", "the party",
     {"org/conservative-party"}),
    ("named_body", "The UN Security Council met on Monday. Russia and China argued for hours. Ghana spoke. "
     "Ghana and Gabon, both members of the council, backed the resolution.", "the council", {"org/UNSC"}),
    ("named_body_commission", "The European Commission proposed new rules. Britain said the commission had gone "
     "too far.", "the commission", {"org/european-commission"}),
    ("home_state", "Tony Blair said Britain would act. Mr Blair met the Queen. Jack Straw agreed. The weather was "
     "cold. Rowan Williams later criticised the government.", "the government", {"country/GBR"}),
    ("speaker_after_quotation", "Tony Blair praised George W Bush on Friday. \"He is there for four years,\" he "
     "argued.", "he", {"person/tony-blair"}),
]


@pytest.mark.parametrize("text, surface, expected", [c[1:] for c in RESOLVED], ids=[c[0] for c in RESOLVED])
def test_anaphora_resolves(resolver, text: str, surface: str, expected: set[str]) -> None:
    assert anaphors(resolver, text).get(surface) == expected


UNRESOLVED = [
    ("pleonastic_it", "Belarus held talks with Poland. It is likely that the border will reopen.", "it"),
    ("it_reported", "Russia cut gas supplies. It was reported that Belarus would pay more.", "it"),
    ("raised_it", "Jack Straw visited Beijing. He said he wanted it to end soon.", "it"),
    ("they_blocked_by_plural_noun", "Russia cut gas supplies. Analysts in Moscow said they expected a deal.",
     "they"),
    ("he_blocked_by_person_noun", "Vladimir Putin met officials on Monday. The minister said he would resign.",
     "he"),
    ("indefinite", "Russia criticised Poland. A country cannot act alone.", "a country"),
    ("other", "Russia criticised Poland. The other countries stayed silent.", "the other countries"),
    ("named_right_there", "Egypt signed the deal. The government in Cairo welcomed it.", "the government"),
    ("nothing_before", "He said the talks went well. Jack Straw left.", "he"),
    ("named_body_needs_the_word", "NATO met in Brussels. Poland criticised the council.", "the council"),
    ("home_state_needs_one_dominant", "France met Germany. Germany met France. The talks were long. The weather "
     "was cold. Rowan Williams later criticised the government.", "the government"),
    ("bloc_is_no_party", "The Conservative Party met on Monday. The bloc said nothing.", "the bloc"),
]


@pytest.mark.parametrize("text, surface", [c[1:] for c in UNRESOLVED], ids=[c[0] for c in UNRESOLVED])
def test_anaphora_leaves_unresolved(resolver, text: str, surface: str) -> None:
    assert surface not in anaphors(resolver, text)


def test_anaphora_mentions_share_the_span_of_a_plural_anaphor(resolver) -> None:
    text = "Venezuela and China signed an oil deal. The two countries also agreed to build a refinery."
    mentions, _ = resolver(resolver.nlp(text), Article("t", text, date="2005-01-01"))
    spans = {(m.start, m.end) for m in mentions if m.method == "anaphora"}
    assert spans == {(text.index("The two"), text.index(" also"))}


def test_anaphora_needs_a_parse(pipeline) -> None:
    """Tokens without a parse (a flat line of selective parsing, a blank pipeline) are left alone."""
    import spacy

    doc = spacy.blank("en")("Belarus depends on Russian gas. It is a member of the EAEU.")
    mentions = [Mention("t", 0, 7, "Belarus", "country/BLR", "exact")]
    assert resolve_anaphora(doc, mentions) == []


def test_anaphora_relations_read_them(relations_of) -> None:
    """The relation rules see the anaphora mentions: both actors of "the two countries", "it" as a subject."""
    got = relations_of("Venezuela and China held talks on Monday. The two countries signed an agreement on oil.")
    assert ("country/CHN", "agree", "country/VEN", False) in got
    got = relations_of("Belarus depends on Russian gas. It is a member of the Collective Security Treaty "
                       "Organization.")
    assert ("country/BLR", "memberOf", "org/CSTO", False) in got


def test_anaphora_words_feed_selective_parsing(pipeline, shipped_gazetteer) -> None:
    """A line with one name and an anaphor is analysed, and so is the line before it when it names an actor."""
    from graphbuild.nlp.pipeline import Triage

    text = "Vladimir Putin visited Beijing.\nThe weather was mild.\nPutin left early.\nHe said China was helpful."
    doc = pipeline.get_pipe("ner")(pipeline.make_doc(text))
    deep = {doc[s:e].text.strip() for s, e, is_deep, _ in Triage.for_gazetteer(pipeline, shipped_gazetteer,
                                                                                ANAPHOR_WORDS).plan(doc) if is_deep}
    assert any("He said" in d for d in deep) and any("Putin left" in d for d in deep)
    assert not any("weather" in d for d in deep)
    names_only = Triage.for_gazetteer(pipeline, shipped_gazetteer).plan(doc)
    assert not any(is_deep and "He said" in doc[s:e].text for s, e, is_deep, _ in names_only)
