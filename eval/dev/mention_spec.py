"""Which surface strings name which actor, per gold document (input to build_gold.py).

Only names, metonyms, demonyms and acronyms are listed here (no article text). ``SKIP`` lists, per
document and surface, the 0-based occurrences (in text order, after longer surfaces have taken their
spans) that are *not* mentions of the actor: a capital used as a place ("talks in Beijing"), a
demonym that qualifies people, goods or companies rather than the state ("Chinese tourists"), or
an ambiguous word. See docs/ANNOTATION.md, section "Mentions".
"""

from __future__ import annotations

SAMPLE = "examples/corpus/"
FOUNDING = "../shared/corpus/belarus-nato-balance.txt"
BBC = "../shared/corpus/bbc/"

#: Country names: always a mention of the country, whatever its role in the sentence.
COUNTRY_NAMES: dict[str, str] = {
    "Belarus": "country/BLR", "Russia": "country/RUS", "Ukraine": "country/UKR",
    "United States": "country/USA", "US": "country/USA", "America": "country/USA",
    "Germany": "country/DEU", "China": "country/CHN", "India": "country/IND", "Turkey": "country/TUR",
    "Hungary": "country/HUN", "Philippines": "country/PHL", "Japan": "country/JPN",
    "Australia": "country/AUS", "Mali": "country/MLI", "Burkina Faso": "country/BFA",
    "Niger": "country/NER", "France": "country/FRA", "Armenia": "country/ARM",
    "Azerbaijan": "country/AZE", "Kazakhstan": "country/KAZ", "Kyrgyzstan": "country/KGZ",
    "Tajikistan": "country/TJK", "United Kingdom": "country/GBR", "UK": "country/GBR",
    "Britain": "country/GBR", "Taiwan": "country/TWN", "North Korea": "country/PRK",
    "Burma": "country/MMR", "Zimbabwe": "country/ZWE", "Cyprus": "country/CYP",
    "Croatia": "country/HRV", "Israel": "country/ISR", "Syria": "country/SYR", "Iran": "country/IRN",
    "South Korea": "country/KOR", "Venezuela": "country/VEN", "Egypt": "country/EGY",
    "Iceland": "country/ISL", "Luxembourg": "country/LUX", "Poland": "country/POL",
    "Italy": "country/ITA", "Netherlands": "country/NLD", "Hong Kong": "country/HKG", "Iraq": "country/IRQ",
}

#: Capitals and seats of government: a mention only where they stand for the state (see SKIP).
METONYMS: dict[str, str] = {
    "Minsk": "country/BLR", "Moscow": "country/RUS", "Kremlin": "country/RUS",
    "Washington": "country/USA", "White House": "country/USA", "Pentagon": "country/USA",
    "Kyiv": "country/UKR", "Berlin": "country/DEU", "Beijing": "country/CHN",
    "Manila": "country/PHL", "New Delhi": "country/IND", "Bamako": "country/MLI",
    "Yerevan": "country/ARM", "Tokyo": "country/JPN", "Budapest": "country/HUN",
    "Ankara": "country/TUR", "Cairo": "country/EGY",
}

#: Demonyms: a mention only where they denote the state, its government, organs, officials or forces.
DEMONYMS: dict[str, str] = {
    "Belarusian": "country/BLR", "Russian": "country/RUS", "Ukrainian": "country/UKR",
    "American": "country/USA", "German": "country/DEU", "Chinese": "country/CHN",
    "Indian": "country/IND", "Turkish": "country/TUR", "Philippine": "country/PHL",
    "Filipino": "country/PHL", "Japanese": "country/JPN", "Malian": "country/MLI",
    "French": "country/FRA", "Armenian": "country/ARM", "Azerbaijani": "country/AZE",
    "British": "country/GBR", "Israeli": "country/ISR", "Palestinian": "country/PSE",
    "Iranian": "country/IRN", "Venezuelan": "country/VEN", "Egyptian": "country/EGY",
    "Italian": "country/ITA",
}

#: International organisations, alliances, parties and companies acting in the articles.
ORGS: dict[str, str] = {
    "NATO": "org/NATO", "Nato": "org/NATO", "European Union": "org/EU", "EU": "org/EU",
    "European Commission": "org/european-commission", "Eurasian Economic Union": "org/EAEU",
    "Eurasian economic Union": "org/EAEU", "EAEU": "org/EAEU",
    "Collective Security Treaty Organization": "org/CSTO", "CSTO": "org/CSTO",
    "Commonwealth of Independent States": "org/CIS", "CIS": "org/CIS",
    "Union State": "org/union-state-of-russia-and-belarus",
    "Union state": "org/union-state-of-russia-and-belarus",
    "Group of Seven": "org/G7", "G7": "org/G7", "Quad": "org/QUAD", "BRICS": "org/BRICS",
    "Shanghai Cooperation Organisation": "org/SCO", "SCO": "org/SCO",
    "Association of Southeast Asian Nations": "org/ASEAN", "ASEAN": "org/ASEAN",
    "Economic Community of West African States": "org/ECOWAS", "ECOWAS": "org/ECOWAS",
    "Alliance of Sahel States": "org/AES", "AES": "org/AES",
    "International Criminal Court": "org/ICC", "UN": "org/UN",
    "World Trade Organisation": "org/WTO", "WTO": "org/WTO", "Opec": "org/OPEC",
    "World Bank": "org/WB", "Human Rights Watch": "org/human-rights-watch",
    "Ukraine Defense Contact Group": "org/ukraine-defense-contact-group",
    "Gazprom": "org/gazprom", "Rosneft": "org/rosneft", "Yukos": "org/yukos",
    "Yuganskneftegas": "org/yuganskneftegas", "Yugansk": "org/yuganskneftegas",
    "ONGC": "org/oil-and-natural-gas-corporation",
    "Oil and Natural Gas Corporation": "org/oil-and-natural-gas-corporation",
    "Oil & Natural Gas Corporation": "org/oil-and-natural-gas-corporation",
    "National Iranian Oil Company": "org/national-iranian-oil-company",
    "NIOC": "org/national-iranian-oil-company",
    "National Petroleum Corporation": "org/china-national-petroleum-corporation",
    "Rosatom": "org/rosatom", "Wagner group": "org/wagner-group", "Africa Corps": "org/africa-corps",
    "Civil Contract": "org/civil-contract", "Republicans": "org/republican-party",
    "Tory": "org/conservative-party", "Conservatives": "org/conservative-party",
    "Palestinian Authority": "country/PSE", "PA": "country/PSE",
}


def _people(*pairs: tuple[str, ...]) -> dict[str, str]:
    """("Alexander Lukashenko", "Lukashenko", ...) -> every surface mapped to the slug of the first."""
    out: dict[str, str] = {}
    for names in pairs:
        slug = "person/" + "-".join(names[0].lower().replace(".", "").split())
        out.update({name: slug for name in names})
    return out


#: Per document: persons (surface -> id), context-dependent extra surfaces, and SKIP lists.
DOCS: dict[str, dict[str, dict]] = {
    SAMPLE + "belarus-balance.txt": {
        "persons": _people(("Alexander Lukashenko", "Lukashenko", "Lukashenka"), ("Maryna Kaval", "Kaval")),
        "extra": {"Alliance": "org/NATO", "Brussels": "org/NATO", "bloc": "org/EAEU"},
    },
    SAMPLE + "eu-us-sanctions-russia.txt": {
        "persons": _people(("Joe Biden",), ("Alexei Navalny",), ("Vladimir Putin",), ("Viktor Orban",),
                           ("Volodymyr Zelensky",), ("Lena Hartmann", "Hartmann")),
        "extra": {"Brussels": "org/EU", "bloc": "org/EU"},
    },
    SAMPLE + "ukraine-military-aid.md": {
        "persons": _people(("Joe Biden", "Biden"), ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskyy", "Zelensky"),
                           ("Olaf Scholz", "Scholz"), ("Dmitry Peskov",), ("Jens Stoltenberg",)),
        "extra": {"Alliance": "org/NATO", "Congress": "country/USA"},
    },
    SAMPLE + "south-china-sea-philippines.txt": {
        "persons": _people(("Ferdinand Marcos Jr",), ("Carla Dizon", "Dizon")),
        "extra": {},
    },
    SAMPLE + "india-china-border-talks.txt": {
        "persons": _people(("Ajit Doval",), ("Wang Yi",), ("Vikram Misri",), ("Narendra Modi",),
                           ("Xi Jinping",), ("S. Jaishankar",), ("Arjun Menon", "Menon")),
        "extra": {},
    },
    SAMPLE + "sahel-juntas-ecowas.md": {
        "persons": _people(("Abdourahamane Tiani", "Tiani"), ("Mohamed Bazoum", "Bazoum"),
                           ("Assimi Goita",), ("Ibrahim Traore",), ("Sergei Lavrov",),
                           ("Aminata Diallo", "Diallo")),
        "extra": {"bloc": "org/ECOWAS"},
    },
    SAMPLE + "armenia-csto-eu.txt": {
        "persons": _people(("Nikol Pashinyan", "Pashinyan"), ("Vladimir Putin",), ("Dmitry Peskov",),
                           ("Hovik Sargsyan", "Sargsyan")),
        "extra": {"Brussels": "org/EU", "bloc": "org/CSTO"},
    },
    SAMPLE + "japan-philippines-us.txt": {
        "persons": _people(("Yoko Kamikawa",), ("Gilberto Teodoro",), ("Ferdinand Marcos Jr", "Marcos"),
                           ("Joe Biden",), ("Fumio Kishida",), ("Daniel Reyes", "Reyes")),
        "extra": {},
    },
    FOUNDING: {
        "persons": _people(("Alexander Lukashenko", "Lukashenko", "Lukashenka"),
                           ("Andrei Porotnikov", "Andrew Porotnikov")),
        "extra": {"Alliance": "org/NATO", "EurAsEC": "org/EURASEC", "Customs Union": "org/customs-union-of-the-eurasian-economic-union"},
    },
    BBC + "bbc_politics_386.txt": {
        "persons": _people(("Jack Straw", "Straw"), ("Li Zhaoxing",), ("Michael Ancram",),
                           ("Nobutaka Machimura",), ("Brad Adams",)),
        "extra": {},
    },
    BBC + "bbc_politics_058.txt": {
        # Gerhard Schroeder keeps the gazetteer's id (slug of "Gerhard Schröder").
        "persons": _people(("Jack Straw", "Straw"), ("Jacques Chirac",), ("John Bolton",))
        | {"Gerhard Schroeder": "person/gerhard-schroder"},
        "extra": {},
    },
    BBC + "bbc_politics_064.txt": {
        "persons": _people(("Tony Blair", "Blair"), ("Recep Tayyip Erdogan", "Recep Erdogan")),
        "extra": {"Greek Cypriot": "country/CYP"},
    },
    BBC + "bbc_politics_209.txt": {
        "persons": _people(("Mahmoud Abbas", "Abbas"), ("Jack Straw", "Straw"), ("Tony Blair", "Blair"),
                           ("Condoleezza Rice",), ("Kofi Annan",)),
        "extra": {"Israelis": "country/ISR"},  # "we, the Israelis, or the world": the parties
    },
    BBC + "bbc_politics_191.txt": {
        "persons": _people(("Clare Short", "Short"), ("George W Bush", "Bush")),
        "extra": {},
    },
    BBC + "bbc_business_181.txt": {
        "persons": _people(("Subir Raha", "Raha"), ("Aleksey Miller",), ("Mani Shankar Aiyar", "Aiyar"),
                           ("Viktor Khristenko",)),
        "extra": {},
    },
    BBC + "bbc_business_420.txt": {"persons": {}, "extra": {}},
    BBC + "bbc_business_340.txt": {
        "persons": _people(("Hugo Chavez", "Chavez")),
        "extra": {},
    },
    BBC + "bbc_business_478.txt": {
        "persons": _people(("Hosni Mubarak",), ("Ariel Sharon", "Sharon")),
        "extra": {"Palestinians": "country/PSE"},  # the party to the peace process
    },
    BBC + "bbc_business_178.txt": {
        "persons": _people(("George W Bush",), ("Vladimir Putin",), ("Stefan Johannesson", "Johannesson")),
        "extra": {},
    },
}

#: Office phrases that name a person by role alone (no name next to them), per document. They are
#: extra mentions of the office holder; the demonym inside stays a mention of the state, so these
#: spans nest around a country mention (docs/ANNOTATION.md, section 2).
OFFICES: dict[str, dict[str, str]] = {
    SAMPLE + "belarus-balance.txt": {"Belarusian leader": "person/alexander-lukashenko"},
    FOUNDING: {
        "Belarusian head of state": "person/alexander-lukashenko",
        "Belarusian leader": "person/alexander-lukashenko",
        "President": "person/alexander-lukashenko",  # "the press service of the President"
    },
    BBC + "bbc_politics_386.txt": {"British minister": "person/jack-straw"},
    BBC + "bbc_politics_209.txt": {"Prime Minister": "person/tony-blair"},
}

#: doc -> office phrase -> occurrences that are titles before a name, not office-only mentions.
OFFICE_SKIP: dict[str, dict[str, list[int | str]]] = {
    BBC + "bbc_politics_209.txt": {"Prime Minister": [0]},
}

#: doc -> surface -> hits that are not actor mentions: the text right after the hit (sample corpus, whose
#: text we own) or the 0-based occurrence index (BBC articles, whose text must not be copied here).
SKIP: dict[str, dict[str, list[int | str]]] = {
    SAMPLE + "belarus-balance.txt": {
        "Minsk": [" say", " Centre"],  # "analysts in Minsk say" (place); part of an institute's name
        "Russian": [" oil", " state company"],  # a commodity; a company
        "Belarusian": [" refineries", " companies"],
    },
    SAMPLE + "eu-us-sanctions-russia.txt": {
        "Russian": [" banks", " arms", " seaborne", " liquefied"],  # the economy, not the state
        "Berlin": [" Institute"],  # part of a name
    },
    SAMPLE + "south-china-sea-philippines.txt": {
        "Filipino": [" sailor"],  # a person
        "Manila": [" think tank"],
    },
    SAMPLE + "india-china-border-talks.txt": {
        "Beijing": [" on 18 December"],  # talks in Beijing (place)
        "Chinese": [" apps"],
        "New Delhi": [" foreign policy institute"],
    },
    SAMPLE + "sahel-juntas-ecowas.md": {"Russian": [" companies"]},
    SAMPLE + "armenia-csto-eu.txt": {
        "Russian": [" gas"],
        "Armenian": [" opposition"],  # a party, not the state
        "Yerevan": [". According"],  # an analyst in Yerevan
    },
    SAMPLE + "japan-philippines-us.txt": {
        "Manila": [" by Japanese", ". According"],  # signed in Manila; an analyst in Manila
        "White House": [" for the first"],  # the summit's venue
        "Philippine": [" infrastructure"],
    },
    BBC + "bbc_politics_386.txt": {"Beijing": [0], "Chinese": [0], "Tokyo": [0]},
    BBC + "bbc_politics_209.txt": {"Israeli": [0], "Palestinian": [3], "British": [1]},
    BBC + "bbc_business_181.txt": {"Russian": [0, 1, 2], "Indian": [0]},
    BBC + "bbc_business_420.txt": {"Iranian": [0], "Russian": [0], "New Delhi": [0], "Indian": [0]},
    BBC + "bbc_business_340.txt": {"Chinese": [0, 1], "Venezuela": [5]},  # 5: the Gulf of Venezuela
    BBC + "bbc_business_478.txt": {
        "Egyptian": [0, 3], "Israeli": [0, 2], "American": [0], "Cairo": [0],
    },
    BBC + "bbc_business_178.txt": {"Russian": [1]},
}

# --- BBC articles added in the second annotation round -------------------------------------------

COUNTRY_NAMES.update({
    "Pakistan": "country/PAK", "Afghanistan": "country/AFG", "Saudi Arabia": "country/SAU",
    "Austria": "country/AUT", "Sweden": "country/SWE",
})
DEMONYMS.update({"Pakistani": "country/PAK", "Iraqi": "country/IRQ", "Afghan": "country/AFG"})
ORGS.update({"United Nations": "org/UN", "Paris Club": "org/paris-club"})

DOCS.update({
    BBC + "bbc_politics_035.txt": {
        "persons": _people(("Tony Blair", "Blair"), ("Silvio Berlusconi",))
        | {"Gerhard Schroeder": "person/gerhard-schroder"},
        "extra": {},
    },
    BBC + "bbc_politics_358.txt": {
        "persons": _people(("Jack Straw", "Straw"), ("Margaret Thatcher",), ("Jose Manuel Barroso",)),
        "extra": {"European commission": "org/european-commission", "EU commission": "org/european-commission",
                  "Commission": "org/european-commission"},
    },
    BBC + "bbc_politics_161.txt": {
        "persons": _people(("Tony Blair", "Blair"), ("Michael Howard", "Howard"))
        | {"Recep Erdogan": "person/recep-tayyip-erdogan"},
        "extra": {},
    },
    BBC + "bbc_politics_139.txt": {"persons": _people(("Jack Straw", "Straw")), "extra": {}},
    BBC + "bbc_business_320.txt": {
        "persons": _people(("Mohammed Mustafa al-Jibouri",), ("Assad Omar",), ("Carlo Trojan",)),
        "extra": {},
    },
    BBC + "bbc_business_347.txt": {"persons": _people(("Kamal Nath",)), "extra": {}},
})

OFFICES.update({
    BBC + "bbc_politics_035.txt": {"prime minister": "person/tony-blair"},
    BBC + "bbc_politics_358.txt": {"foreign secretary": "person/jack-straw"},
    BBC + "bbc_politics_161.txt": {"Tory leader": "person/michael-howard"},
})
OFFICE_SKIP.update({
    BBC + "bbc_politics_161.txt": {"Tory leader": [0]},  # a title before the name
})
SKIP.update({
    BBC + "bbc_politics_139.txt": {"Indian": [0], "Pakistani": [0]},  # bread; a city
    BBC + "bbc_business_347.txt": {"Pakistani": [0]},  # firms
})

COUNTRY_NAMES.update({"United Arab Emirates": "country/ARE"})
DOCS.update({
    BBC + "bbc_politics_136.txt": {
        "persons": _people(("Jack Straw", "Straw"), ("Brad Adams",), ("Michael Ancram", "Ancram"), ("Li Zhaoxing",)),
        "extra": {"Conservative": "org/conservative-party"},
    },
    BBC + "bbc_politics_126.txt": {
        "persons": _people(("Tony Blair", "Blair"), ("Jacques Chirac", "Chirac"), ("Iyad Allawi", "Allawi"),
                           ("John Kerry", "Kerry")) | {"Bush": "person/george-w-bush"},
        "extra": {"Tories": "org/conservative-party"},
    },
    BBC + "bbc_politics_149.txt": {
        "persons": _people(("Tony Blair", "Blair"), ("Ariel Sharon", "Sharon"),
                           ("Mahmoud Abbas", "Abbas", "Abu Mazen"), ("Paul Reynolds",)),
        "extra": {"Israelis": "country/ISR", "Palestinians": "country/PSE"},
    },
})
OFFICES.update({
    BBC + "bbc_politics_126.txt": {"prime minister": "person/tony-blair", "French president": "person/jacques-chirac"},
    BBC + "bbc_politics_149.txt": {"British prime minister": "person/tony-blair"},
})
SKIP.update({
    BBC + "bbc_politics_136.txt": {"Beijing": [0]},  # talks in Beijing (place)
    BBC + "bbc_politics_126.txt": {"American": [0, 1]},  # the voters; the polls
})

ORGS.update({"UK Independence Party": "org/uk-independence-party"})
DOCS.update({
    BBC + "bbc_politics_373.txt": {
        "persons": _people(("Jacques Chirac", "Chirac"), ("Jack Straw", "Straw"), ("Margaret Thatcher",),
                           ("Graham Brady", "Brady"), ("Jose Manuel Barroso",), ("Roger Knapman",), ("Tony Blair",)),
        "extra": {"Conservative": "org/conservative-party", "EU Commission": "org/european-commission",
                  "EU commission": "org/european-commission", "bloc": "org/EU"},
    },
    BBC + "bbc_politics_280.txt": {
        "persons": _people(("George W Bush", "Bush"), ("Tony Blair", "Blair"), ("Condoleezza Rice",)),
        "extra": {"SAS": "country/GBR"},  # the armed forces resolve to the state
    },
    BBC + "bbc_business_446.txt": {
        "persons": _people(("Peter Mandelson",), ("Robert Zoellick",), ("Anthony Gooch",)),
        "extra": {},
    },
})
OFFICES.update({
    BBC + "bbc_politics_373.txt": {"foreign secretary": "person/jack-straw"},
    BBC + "bbc_politics_280.txt": {"prime minister": "person/tony-blair", "president": "person/george-w-bush"},
})
SKIP.update({
    BBC + "bbc_politics_373.txt": {"British": [2]},  # the taxpayer
    BBC + "bbc_politics_280.txt": {"Washington": [0]},  # Washington DC, a place
    BBC + "bbc_business_446.txt": {"Washington": [0]},  # a spokesman in Washington
})

COUNTRY_NAMES.update({"South Africa": "country/ZAF", "Brazil": "country/BRA"})
DEMONYMS.update({"South African": "country/ZAF"})
ORGS.update({
    "IMF": "org/IMF", "International Monetary Fund": "org/IMF", "G8": "org/G8", "Group of Eight": "org/G8",
    "Oxfam": "org/oxfam", "Airbus": "org/airbus", "Boeing": "org/boeing", "UPS": "org/united-parcel-service",
    "EADS": "org/european-aeronautic-defence-and-space-company", "BAE Systems": "org/bae-systems",
    "Liberal Democrat": "org/liberal-democrats", "Lib Dem": "org/liberal-democrats",
    "Liberal Democrats": "org/liberal-democrats", "G7": "org/G7",
})
DOCS.update({
    BBC + "bbc_business_424.txt": {
        "persons": _people(("Peter Mandelson", "Mandelson")),
        "extra": {"Brussels": "org/EU"},
    },
    BBC + "bbc_politics_189.txt": {
        "persons": _people(("Tony Blair", "Blair"), ("George W Bush", "George Bush", "Bush"), ("John Kerry", "Kerry"),
                           ("Michael Howard",), ("Charles Kennedy", "Kennedy"), ("Menzies Campbell",),
                           ("Norman Baker",), ("Margaret Beckett",), ("Myron Ebell",)),
        "extra": {"Democrat": "org/democratic-party"},
    },
    BBC + "bbc_business_241.txt": {
        "persons": _people(("Gordon Brown", "Brown"), ("Max Lawson",), ("John Taylor",), ("Trevor Manuel",),
                           ("Nelson Mandela",), ("Patrick Bartlett",)),
        "extra": {},
    },
})
OFFICES.update({
    BBC + "bbc_politics_189.txt": {"prime minister": "person/tony-blair", "president": "person/george-w-bush",
                                   "UK premier": "person/tony-blair", "US president": "person/george-w-bush"},
})
OFFICE_SKIP.update({BBC + "bbc_politics_189.txt": {"president": [0]}})  # a predicate, not a mention
SKIP.update({
    BBC + "bbc_business_424.txt": {"Airbus": [4, 5]},  # aircraft models (A380, A300), not the company
    BBC + "bbc_politics_189.txt": {"American": [0]},  # the political system, not the state
})

COUNTRY_NAMES.update({"Greece": "country/GRC"})
ORGS.update({"European People's Party": "org/european-people-s-party", "EPP": "org/european-people-s-party",
             "G20": "org/G20"})
DOCS.update({
    BBC + "bbc_business_413.txt": {
        "persons": _people(("Hans Eichel",), ("Herve Gaymard",), ("Alexander Radwan",), ("Joaquin Almunia",)),
        "extra": {"EC": "org/european-commission", "commission": "org/european-commission",
                  "Commission": "org/european-commission", "Paris": "country/FRA"},
    },
    BBC + "bbc_business_008.txt": {
        "persons": _people(("Palaniappan Chidambaram", "Chidambaram"), ("Gordon Brown",)),
        "extra": {},
    },
    BBC + "bbc_business_505.txt": {"persons": {}, "extra": {}},
})
OFFICES.update({BBC + "bbc_business_008.txt": {"finance minister": "person/palaniappan-chidambaram"}})
OFFICE_SKIP.update({BBC + "bbc_business_008.txt": {"finance minister": [1, 2]}})  # next to a name
SKIP.update({
    BBC + "bbc_business_008.txt": {"Chinese": [0], "Indian": [0]},  # exports; the economy
    BBC + "bbc_business_505.txt": {"Japanese": [0, 1]},  # the country's trade (economy)
})

COUNTRY_NAMES.update({"Turkmenistan": "country/TKM"})
DEMONYMS.update({"Turkmen": "country/TKM"})
ORGS.update({"Naftohaz": "org/naftohaz", "Turkcell": "org/turkcell", "MTN": "org/mtn-group"})
DOCS.update({
    BBC + "bbc_business_469.txt": {"persons": _people(("Ali Babacan",), ("Rodrigo de Rato",)), "extra": {}},
    BBC + "bbc_business_378.txt": {
        "persons": _people(("Saparmurat Niyazov", "Niyazov"), ("Yury Boyko",)),
        "extra": {},
    },
    BBC + "bbc_business_074.txt": {"persons": _people(("Atinc Ozkan",)), "extra": {}},
    BBC + "bbc_business_092.txt": {
        "persons": _people(("Ehud Olmert",), ("Ruhi Dogusoy",)),
        "extra": {"TAV": "org/tav"},
    },
})
SKIP.update({
    BBC + "bbc_business_469.txt": {"Turkish": [1]},  # economic prospects
    BBC + "bbc_business_378.txt": {"Ukrainian": [0], "Turkmen": [3]},  # the economy; the gas
    BBC + "bbc_business_074.txt": {"Turkish": [0, 1, 2], "South African": [0]},  # investment, firms
    BBC + "bbc_business_092.txt": {  # firms, networks; Iranian conservatives, not the British party
        "Turkish": [0, 1], "Israeli": [0, 2], "Conservatives": [0],
    },
})

COUNTRY_NAMES.update({"Vietnam": "country/VNM", "Sudan": "country/SDN"})
ORGS.update({"VEB": "org/vnesheconombank", "CNPC": "org/china-national-petroleum-corporation",
             "Oil & Natural Gas Corp": "org/oil-and-natural-gas-corporation"})
DOCS.update({
    BBC + "bbc_business_077.txt": {
        "persons": _people(("Sergei Oganesyan",), ("Mikhail Khodorkovsky", "Khodorkovsky"),
                           ("Dmitry Lukashov", "Lukashov")),
        "extra": {"Chinese": "country/CHN"},
    },
    BBC + "bbc_business_399.txt": {
        "persons": _people(("Subir Raha",), ("Mani Shankar Aiyar", "Aiyar"), ("Vladimir Putin", "Putin"),
                           ("John Westwood", "Westwood"), ("Mikhail Khodorkovsky",)),
        # the company name is the longest match, so its "China" is no country mention
        "extra": {"China National Petroleum": "org/china-national-petroleum-corporation"},
    },
})
SKIP.update({
    # a state bank, a newspaper, an oil company; Chinese banks, CNPC's decision
    BBC + "bbc_business_077.txt": {"Russian": [1, 3, 5], "Chinese": [0, 1]},
    # Yukos, unnamed Russian bodies (unclear which); a firm, production; places (trips, visits)
    BBC + "bbc_business_399.txt": {"Russian": [0, 1], "Indian": [0, 2], "Chinese": [0], "Moscow": [0],
                                   "New Delhi": [0], "Westwood": [0, 1],  # the firm Douglas-Westwood
                                   "China National Petroleum": [0]},  # named, but not acting
})

COUNTRY_NAMES.update({"Ivory Coast": "country/CIV", "Canada": "country/CAN"})
DOCS.update({
    BBC + "bbc_politics_129.txt": {
        "persons": _people(("Tony Blair",), ("Jacques Chirac",), ("Laurent Gbagbo",)),
        "extra": {"Downing Street": "country/GBR", "Spanish": "country/ESP"},
    },
    BBC + "bbc_politics_017.txt": {
        "persons": _people(("Gordon Brown", "Brown"), ("Jack Straw",)),
        "extra": {},
    },
    BBC + "bbc_politics_197.txt": {
        "persons": _people(("Tony Blair", "Blair"), ("John McCain", "McCain")) | {"Bush": "person/george-w-bush"},
        "extra": {"Downing Street": "country/GBR"},
    },
})
OFFICES.update({BBC + "bbc_politics_197.txt": {"prime minister": "person/tony-blair", "UK leader": "person/tony-blair"}})
SKIP.update({
    # nationals; a compound adjective (against France or the French?)
    BBC + "bbc_politics_129.txt": {"British": [1], "French": [0, 3]},
})

COUNTRY_NAMES.update({"Portugal": "country/PRT", "Czech Republic": "country/CZE"})
DOCS.update({
    BBC + "bbc_politics_093.txt": {
        "persons": _people(("Tony Blair", "Blair"), ("Charles Kennedy", "Kennedy"), ("George W Bush",)),
        "extra": {},
    },
    BBC + "bbc_politics_150.txt": {
        "persons": _people(("George Galloway", "Galloway"), ("Margaret Hassan", "Hassan")),
        "extra": {"Labour": "org/labour-party", "Care International": "org/care-international",
                  "Care": "org/care-international", "Respect Coalition": "org/respect-coalition"},
    },
    BBC + "bbc_politics_193.txt": {
        "persons": _people(("David Blunkett", "Blunkett"), ("David Davis", "Davis"), ("Tony Blair", "Blair"),
                           ("Mark Oaten", "Oaten")),
        "extra": {"Tories": "org/conservative-party"},
    },
})
OFFICES.update({
    BBC + "bbc_politics_093.txt": {"prime minister": "person/tony-blair"},
    BBC + "bbc_politics_193.txt": {"home secretary": "person/david-blunkett"},
})
SKIP.update({
    BBC + "bbc_politics_150.txt": {"Iraqi": [0]},  # prisoners
    BBC + "bbc_politics_193.txt": {"British": [0]},  # the people
})

ORGS.update({"Group Menatep": "org/group-menatep", "Menatep": "org/group-menatep", "Lufthansa": "org/lufthansa"})
DOCS.update({
    BBC + "bbc_business_127.txt": {
        "persons": _people(("Tim Osborne",), ("Emmanuel Gaillard", "Gaillard"), ("Mikhail Khodorkovsky", "Khodorkovsky")),
        "extra": {"Yuganskneftegaz": "org/yuganskneftegas"},
    },
    BBC + "bbc_business_064.txt": {
        "persons": _people(("George W Bush", "Bush"), ("Michael Lamberty", "Lamberty")),
        "extra": {},
    },
})
SKIP.update({
    BBC + "bbc_business_127.txt": {"Russian": [0]},  # the oil firm
    BBC + "bbc_business_064.txt": {"German": [0, 2]},  # the airline; a leg of a tour (place)
})

COUNTRY_NAMES.update({"Argentina": "country/ARG", "Bolivia": "country/BOL", "Spain": "country/ESP",
                      "Latvia": "country/LVA"})
DEMONYMS.update({"Argentine": "country/ARG"})
ORGS.update({"Association of European Airlines": "org/association-of-european-airlines"})
DOCS.update({
    BBC + "bbc_business_065.txt": {"persons": _people(("Ulrich Schulte-Strathaus",)), "extra": {}},
    BBC + "bbc_business_501.txt": {
        "persons": _people(("Julio De Vido", "De Vido"), ("Roberto Lavagna",), ("Nestor Kirchner", "Kirchner"),
                           ("Jacques Chirac",)),
        "extra": {"Suez": "org/suez", "Aguas Argentinas": "org/aguas-argentinas"},
    },
    BBC + "bbc_politics_053.txt": {
        "persons": _people(("Viktor Makarov", "Victor Makarov", "Makarov"), ("Oleg Gordievsky",),
                           ("David Kahn", "Kahn"), ("Vladimir Putin",)),
        "extra": {"MI6": "country/GBR", "M16": "country/GBR", "Soviet": "country/SUN"},  # intelligence service -> state
    },
})
OFFICES.update({BBC + "bbc_business_501.txt": {"Planning Minister": "person/julio-de-vido"}})
OFFICE_SKIP.update({BBC + "bbc_business_501.txt": {"Planning Minister": [0]}})  # title before the name
SKIP.update({
    BBC + "bbc_business_501.txt": {"French": [0], "Argentine": [2]},  # media; a newspaper
    # a citizen; a place; a labour camp
    BBC + "bbc_politics_053.txt": {"British": [1], "Moscow": [0], "Soviet": [1]},
})

ORGS.update({"North Atlantic Treaty Organisation": "org/NATO", "Citigroup": "org/citigroup",
             "Deutsche Bank": "org/deutsche-bank", "Gazpromneft": "org/gazpromneft", "Menatep Group": "org/group-menatep"})
DOCS.update({
    BBC + "bbc_business_217.txt": {
        "persons": _people(("Viktor Yushchenko", "Yushchenko"), ("Leonid Kuchma", "Kuchma"), ("George W Bush",),
                           ("Viktor Yanukovych",), ("Yulia Tymoshenko",), ("Viktor Pinchuk",), ("Rinat Akhmetov",),
                           ("Oleg Rybachuk", "Rybachuk"), ("Claude Veron-Reville",), ("Peter Mandelson",)),
        "extra": {"Brussels": "org/EU", "Americans": "country/USA"},
    },
    BBC + "bbc_business_423.txt": {
        "persons": _people(("Stanley Fischer", "Fischer"), ("Ariel Sharon", "Sharon"), ("David Klein",),
                           ("Binyamin Netanyahu",), ("George Shultz",)),
        "extra": {"Bank of Israel": "country/ISR"},  # the central bank, an organ of the state
    },
    BBC + "bbc_business_192.txt": {
        "persons": _people(("William Butler",), ("Bruce Misamore",), ("Letitia Clark",))
        | {"Mihkail Khodorkovsky": "person/mikhail-khodorkovsky"},
        "extra": {},
    },
})
SKIP.update({
    BBC + "bbc_business_217.txt": {"Ukrainian": [0], "Brussels": [0]},  # a steel producer; a place
    BBC + "bbc_business_423.txt": {"Israeli": [0]},  # a citizen
    BBC + "bbc_business_192.txt": {"Russian": [2]},  # a company
})

DOCS.update({
    BBC + "bbc_politics_292.txt": {
        "persons": _people(("Mike Nattrass", "Nattrass", "Mike"), ("Robert Kilroy-Silk", "Kilroy-Silk", "Robert"),
                           ("Nigel Farage", "Farage", "Nigel"), ("Roger Knapman",), ("Gerard Batten",)),
        "extra": {"UKIP": "org/uk-independence-party", "Germans": "country/DEU", "Veritas": "org/veritas",
                  "Czechoslovakia": "country/CSK"},
    },
    BBC + "bbc_politics_060.txt": {
        "persons": _people(("Rowan Williams", "Williams"), ("Tony Blair",))
        | {"Cormac Murphy-O'Connor": "person/cormac-murphy-o-connor"},  # slugify: the apostrophe -> "-"
        "extra": {"Downing Street": "country/GBR",
                  "Catholic Church in England and Wales": "org/catholic-church-in-england-and-wales"},
    },
})
OFFICES.update({
    BBC + "bbc_politics_060.txt": {"Cardinal": "person/cormac-murphy-o-connor",
                                   "cardinal": "person/cormac-murphy-o-connor"},
})
OFFICE_SKIP.update({BBC + "bbc_politics_060.txt": {"Cardinal": [1]}})  # title before the name
SKIP.update({BBC + "bbc_politics_292.txt": {"German": [2, 3]}})  # a compound noun: people or state, unclear
