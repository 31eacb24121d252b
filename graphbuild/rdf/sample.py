"""A small hand-made world of records: the fixture for the RDF tests, the saved-query
examples in queries/README.md and docs/RDF.md.

Three articles about Belarus, sanctions and the war in Ukraine; the expected rows of
every saved query are written against these records.
"""

from __future__ import annotations

from graphbuild.model import Article, Entity, Mention, Relation

ARTICLES: tuple[Article, ...] = (
    Article("belarus-balance", "", title="Belarus between NATO and Russia", date="2024-01-10",
            url="https://example.org/belarus", source="Example Wire"),
    Article("news/sanctions", "", title="New sanctions", date="2024-02-20"),
    Article("talks", "", title="Talks in Minsk", date="2024-03-05"),
)

ENTITIES: dict[str, Entity] = {
    e.id: e
    for e in (
        Entity("country/BLR", "Belarus", "Country", "Q184", "BLR", ("Byelorussia", "Belorussia")),
        Entity("country/RUS", "Russia", "Country", "Q159", "RUS", ("Russian Federation",)),
        Entity("country/UKR", "Ukraine", "Country", "Q212", "UKR"),
        Entity("country/USA", "United States", "Country", "Q30", "USA", ("US", "USA")),
        Entity("country/POL", "Poland", "Country", "Q36", "POL"),
        Entity("org/NATO", "NATO", "Organization", "Q7184", None, ("North Atlantic Treaty Organization",)),
        Entity("org/EAEU", "Eurasian Economic Union", "Organization", "Q4173083", None, ("EAEU",)),
        Entity("org/CSTO", "Collective Security Treaty Organization", "Organization", "Q189127", None, ("CSTO",)),
        Entity("org/EU", "European Union", "Organization", "Q458", None, ("EU",)),
        Entity("person/alexander-lukashenko", "Alexander Lukashenko", "Person", "Q8446", None,
               ("Lukashenka", "Alyaksandr Lukashenka")),
        Entity("person/andrei-porotnikov", "Andrei Porotnikov", "Person", None, None, ("Andrew Porotnikov",),
               in_gazetteer=False),
        # An NER-only actor with an awkward name: quotes, <>, spaces, unicode.
        Entity('person/x-odd', 'Zoë "Q" O\'Brien <analyst>', "Person", None, None, (), in_gazetteer=False),
    )
}

MENTIONS: tuple[Mention, ...] = (
    Mention("belarus-balance", 0, 5, "Minsk", "country/BLR", "metonym"),
    Mention("belarus-balance", 20, 30, "Belarusian", "country/BLR", "demonym"),
    Mention("belarus-balance", 40, 51, "the Kremlin", "country/RUS", "metonym"),
    Mention("belarus-balance", 60, 72, "the Alliance", "org/NATO", "context"),
    Mention("belarus-balance", 80, 91, "Lukashenka", "person/alexander-lukashenko", "alias"),
    Mention("belarus-balance", 100, 117, "Andrei Porotnikov", "person/andrei-porotnikov", "ner", ner_label="PERSON"),
    Mention("belarus-balance", 120, 124, "EAEU", "org/EAEU", "alias"),
    Mention("news/sanctions", 0, 2, "EU", "org/EU", "alias"),
    Mention("news/sanctions", 10, 16, "Russia", "country/RUS", "exact"),
    Mention("news/sanctions", 30, 47, "Zoë O'Brien", "person/x-odd", "ner", ner_label="PERSON"),
    Mention("talks", 0, 5, "Minsk", "country/BLR", "metonym"),
    Mention("talks", 10, 14, "NATO", "org/NATO", "exact"),
    Mention("talks", 20, 25, "Trojan", None, "ner", ner_label="ORG"),
)


def _r(doc: str, s: str, rel: str, o: str, sentence: str, start: int, **kw: object) -> Relation:
    return Relation(doc, s, rel, o, sentence, start, start + len(sentence), **kw)  # type: ignore[arg-type]


RELATIONS: tuple[Relation, ...] = (
    _r("belarus-balance", "country/BLR", "memberOf", "org/EAEU", "Belarus is a member of the EAEU.", 0,
       confidence=0.9, method="member_of_copula", trigger="member"),
    _r("belarus-balance", "country/BLR", "memberOf", "org/CSTO", "Minsk belongs to the CSTO.", 33,
       confidence=0.8, method="member_of_belong", trigger="belongs"),
    _r("belarus-balance", "country/BLR", "dependsOn", "country/RUS",
       "Belarus depends on Russian gas, said Andrei Porotnikov.", 60, confidence=0.7, method="depends_on",
       trigger="depends on", speaker="person/andrei-porotnikov", modality="reported"),
    _r("belarus-balance", "country/BLR", "consult", "org/NATO", "Minsk held talks with the Alliance.", 120,
       confidence=0.8, method="talks_with", trigger="talks"),
    _r("belarus-balance", "org/NATO", "cooperate", "country/BLR",
       "Not all NATO countries are ready to expand cooperation with Belarus.", 160, negated=True,
       confidence=0.6, method="cooperate_noun", trigger="cooperation"),
    _r("belarus-balance", "person/alexander-lukashenko", "leaderOf", "country/BLR",
       "Belarusian President Alexander Lukashenko spoke.", 230, confidence=0.9, method="office_title"),
    _r("belarus-balance", "org/NATO", "consult", "country/RUS", "NATO and Moscow kept a channel open.", 280,
       confidence=0.5, method="talks_with"),
    _r("news/sanctions", "org/EU", "sanction", "country/BLR", "The EU imposed sanctions on Minsk.", 0,
       confidence=0.9, method="sanction_verb", trigger="imposed sanctions"),
    _r("news/sanctions", "country/USA", "sanction", "country/RUS", "Washington sanctioned Moscow.", 40,
       confidence=0.9, method="sanction_verb"),
    _r("news/sanctions", "country/RUS", "accuse", "org/NATO", "The Kremlin accused NATO of escalation.", 80,
       confidence=0.7, method="accuse_verb", speaker="person/alexander-lukashenko", modality="reported"),
    _r("news/sanctions", "country/UKR", "fight", "country/RUS", "Ukraine and Russia fought near the border.", 130,
       confidence=0.8, method="fight_verb"),
    _r("news/sanctions", "country/POL", "aid", "country/UKR", "Poland sent aid to Ukraine.", 180,
       confidence=0.8, method="aid_verb"),
    _r("news/sanctions", "country/RUS", "threaten", "country/POL", "Russia threatened Poland.", 210,
       confidence=0.6, method="threaten_verb", modality="asserted", speaker="person/x-odd"),
    _r("news/sanctions", "country/USA", "aid", "country/UKR", "Washington may send more aid to Kyiv.", 240,
       confidence=0.5, method="aid_verb", modality="hypothetical"),
    _r("talks", "country/BLR", "consult", "org/NATO", "Belarusian diplomats met NATO officials.", 0,
       confidence=0.7, method="met_with", trigger="met"),
    _r("talks", "country/BLR", "cooperate", "country/RUS", "Minsk and Moscow expanded cooperation.", 50,
       confidence=0.8, method="cooperate_noun"),
    _r("talks", "country/BLR", "consult", "country/UKR", "Minsk also held talks with Kyiv.", 100,
       confidence=0.6, method="talks_with", date="2024-03-04"),
)


def sample_records() -> tuple[tuple[Article, ...], dict[str, Entity], tuple[Mention, ...], tuple[Relation, ...]]:
    """Return (articles, entities, mentions, relations) of the sample world."""
    return ARTICLES, dict(ENTITIES), MENTIONS, RELATIONS
