"""The dev gold relations, by document and sentence number (input to build_gold.py).

Sentences are numbered by ``annotate_tool.sentence_spans`` (0-based, front matter skipped), so this
file holds no article text: build_gold.py turns each entry into the sentence's character offsets.
Each entry is ``R(sentence, subject, relation, object, negated, modality, speaker)``; the guideline
is docs/ANNOTATION.md.
"""

from __future__ import annotations

from typing import NamedTuple

from mention_spec import BBC, FOUNDING, SAMPLE


class R(NamedTuple):
    """One gold relation: evidence sentence number, typed triple and its attributes."""

    sent: int
    subject: str
    relation: str
    object: str
    negated: bool = False
    modality: str = "asserted"
    speaker: str | None = None


def _c(code: str) -> str:
    return f"country/{code}"


def _o(code: str) -> str:
    return f"org/{code}"


def _p(slug: str) -> str:
    return f"person/{slug}"


BLR, RUS, UKR, USA, DEU, CHN, IND = map(_c, ("BLR", "RUS", "UKR", "USA", "DEU", "CHN", "IND"))
HUN, PHL, JPN, AUS, MLI, BFA, NER = map(_c, ("HUN", "PHL", "JPN", "AUS", "MLI", "BFA", "NER"))
FRA, ARM, AZE, KAZ, KGZ, TJK, GBR = map(_c, ("FRA", "ARM", "AZE", "KAZ", "KGZ", "TJK", "GBR"))
TWN, PRK, CYP, HRV, ISR, SYR, IRN = map(_c, ("TWN", "PRK", "CYP", "HRV", "ISR", "SYR", "IRN"))
VEN, EGY, ISL, LUX, TUR, PSE = map(_c, ("VEN", "EGY", "ISL", "LUX", "TUR", "PSE"))
NATO, EU, EAEU, CSTO, CIS, G7, QUAD = map(_o, ("NATO", "EU", "EAEU", "CSTO", "CIS", "G7", "QUAD"))
BRICS, SCO, ASEAN, ECOWAS, AES, ICC = map(_o, ("BRICS", "SCO", "ASEAN", "ECOWAS", "AES", "ICC"))
UN, WTO, OPEC = map(_o, ("UN", "WTO", "OPEC"))
UNION_STATE = _o("union-state-of-russia-and-belarus")
UDCG = _o("ukraine-defense-contact-group")
GAZPROM, ONGC, ROSNEFT, YUKOS, NIOC = map(_o, ("gazprom", "ongc", "rosneft", "yukos", "nioc"))
CNPC, HRW, TORY = _o("china-national-petroleum-corporation"), _o("human-rights-watch"), _o("conservative-party")

LUKASHENKO, KAVAL, POROTNIKOV = _p("alexander-lukashenko"), _p("maryna-kaval"), _p("andrei-porotnikov")
BIDEN, PUTIN, ORBAN, HARTMANN = _p("joe-biden"), _p("vladimir-putin"), _p("viktor-orban"), _p("lena-hartmann")
ZELENSKY = _p("volodymyr-zelensky")
SCHOLZ, PESKOV, STOLTENBERG = _p("olaf-scholz"), _p("dmitry-peskov"), _p("jens-stoltenberg")
MARCOS, DIZON = _p("ferdinand-marcos-jr"), _p("carla-dizon")
DOVAL, WANG, MODI, XI = _p("ajit-doval"), _p("wang-yi"), _p("narendra-modi"), _p("xi-jinping")
JAISHANKAR, MENON = _p("s-jaishankar"), _p("arjun-menon")
GOITA, TRAORE, TIANI = _p("assimi-goita"), _p("ibrahim-traore"), _p("abdourahamane-tiani")
LAVROV, DIALLO = _p("sergei-lavrov"), _p("aminata-diallo")
PASHINYAN, SARGSYAN = _p("nikol-pashinyan"), _p("hovik-sargsyan")
KAMIKAWA, TEODORO, KISHIDA, REYES = _p("yoko-kamikawa"), _p("gilberto-teodoro"), _p("fumio-kishida"), _p("daniel-reyes")
STRAW, LI, ANCRAM, MACHIMURA = _p("jack-straw"), _p("li-zhaoxing"), _p("michael-ancram"), _p("nobutaka-machimura")
ADAMS, SCHROEDER, CHIRAC, BOLTON = _p("brad-adams"), _p("gerhard-schroeder"), _p("jacques-chirac"), _p("john-bolton")
BLAIR, ERDOGAN, ABBAS = _p("tony-blair"), _p("recep-tayyip-erdogan"), _p("mahmoud-abbas")
RICE, ANNAN, SHORT, BUSH = _p("condoleezza-rice"), _p("kofi-annan"), _p("clare-short"), _p("george-w-bush")
RAHA, MILLER, AIYAR, KHRISTENKO = _p("subir-raha"), _p("aleksey-miller"), _p("mani-shankar-aiyar"), _p("viktor-khristenko")
CHAVEZ, MUBARAK, SHARON, JOHANNESSON = _p("hugo-chavez"), _p("hosni-mubarak"), _p("ariel-sharon"), _p("stefan-johannesson")

A, D, F, H, REP = "asserted", "desired", "future", "hypothetical", "reported"
NEG = True

RELATIONS: dict[str, list[R]] = {
    SAMPLE + "belarus-balance.txt": [
        R(1, BLR, "consult", NATO, modality=D),
        R(2, BLR, "consult", NATO, modality=D, speaker=LUKASHENKO),
        R(2, LUKASHENKO, "leaderOf", BLR),
        R(3, BLR, "cooperate", NATO),
        R(3, BLR, "consult", NATO),
        R(4, BLR, "alliedWith", RUS),
        R(5, BLR, "memberOf", EAEU),
        R(5, BLR, "memberOf", CSTO),
        R(5, BLR, "memberOf", CIS),
        R(5, BLR, "memberOf", UNION_STATE),
        R(5, RUS, "memberOf", UNION_STATE),
        R(6, RUS, "demand", BLR),
        R(6, LUKASHENKO, "reject", RUS),
        R(7, BLR, "dependsOn", RUS),
        R(8, BLR, "dependsOn", RUS),
        R(9, RUS, "aid", BLR),
        R(10, BLR, "dependsOn", RUS, modality=REP, speaker=KAVAL),
        R(11, NATO, "cooperate", BLR, NEG, REP, KAVAL),
        R(11, BLR, "cooperate", RUS, modality=REP, speaker=KAVAL),
        R(12, NATO, "cooperate", BLR, modality=H, speaker=KAVAL),
        R(13, BLR, "cooperate", RUS, modality=REP, speaker=KAVAL),
        R(14, NATO, "request", RUS),
        R(14, NATO, "request", BLR),
        R(14, RUS, "cooperate", BLR),
        R(15, LUKASHENKO, "accuse", RUS),
        R(15, LUKASHENKO, "accuse", EAEU),
        R(18, EU, "sanction", BLR),
        R(18, EU, "retreat", BLR),
    ],
    SAMPLE + "eu-us-sanctions-russia.txt": [
        R(0, EU, "sanction", RUS),
        R(0, USA, "sanction", RUS),
        R(1, EU, "sanction", RUS),
        R(1, USA, "sanction", RUS),
        R(1, RUS, "assault", UKR),
        R(2, EU, "sanction", RUS),
        R(4, EU, "sanction", RUS, speaker=EU),
        R(5, USA, "sanction", RUS),
        R(6, BIDEN, "accuse", PUTIN),
        R(7, USA, "sanction", RUS),
        R(8, G7, "sanction", RUS),
        R(9, G7, "sanction", RUS),
        R(9, EU, "sanction", RUS),
        R(9, G7, "agree", EU),
        R(10, EU, "aid", UKR, modality=H),
        R(10, G7, "aid", UKR, modality=H),
        R(11, RUS, "reject", EU),
        R(11, RUS, "reject", USA),
        R(12, RUS, "sanction", EU),
        R(12, RUS, "sanction", USA),
        R(14, HUN, "dependsOn", RUS),
        R(14, HUN, "accuse", EU),
        R(14, ORBAN, "leaderOf", HUN),
        R(15, HUN, "reject", EU, NEG),
        R(17, ZELENSKY, "support", EU),
        R(17, ZELENSKY, "support", USA),
        R(17, ZELENSKY, "request", EU),
        R(17, ZELENSKY, "request", USA),
        R(18, UKR, "request", EU),
        R(18, EU, "sanction", RUS, modality=D, speaker=UKR),
        R(21, USA, "sanction", RUS, modality=H, speaker=HARTMANN),
    ],
    SAMPLE + "ukraine-military-aid.md": [
        R(0, BIDEN, "aid", UKR),
        R(3, USA, "support", UKR, modality=F, speaker=BIDEN),
        R(3, USA, "aid", UKR),
        R(4, ZELENSKY, "support", BIDEN),
        R(4, ZELENSKY, "support", USA),
        R(5, RUS, "assault", UKR),
        R(6, DEU, "aid", UKR),
        R(6, USA, "aid", UKR),
        R(7, DEU, "aid", UKR, modality=F, speaker=SCHOLZ),
        R(7, DEU, "aid", UKR),
        R(8, ZELENSKY, "support", DEU),
        R(9, DEU, "aid", UKR, NEG),
        R(11, RUS, "accuse", USA),
        R(12, PESKOV, "affiliatedWith", RUS),
        R(13, RUS, "accuse", USA),
        R(13, RUS, "accuse", DEU),
        R(13, USA, "reject", RUS),
        R(13, DEU, "reject", RUS),
        R(15, STOLTENBERG, "leaderOf", NATO),
        R(16, USA, "consult", DEU, modality=F),
        R(16, USA, "memberOf", UDCG),
        R(16, DEU, "memberOf", UDCG),
        R(17, UKR, "seeksMembershipIn", NATO, modality=REP, speaker=ZELENSKY),
    ],
    SAMPLE + "south-china-sea-philippines.txt": [
        R(0, PHL, "accuse", CHN),
        R(0, CHN, "accuse", PHL),
        R(1, PHL, "accuse", CHN),
        R(1, CHN, "coerce", PHL),
        R(5, PHL, "protest", CHN),
        R(6, PHL, "threaten", CHN, modality=F, speaker=MARCOS),
        R(7, CHN, "reject", PHL),
        R(8, CHN, "accuse", PHL, speaker=CHN),
        R(8, CHN, "coerce", PHL, speaker=CHN),
        R(9, CHN, "accuse", PHL),
        R(9, CHN, "threaten", PHL),
        R(11, PHL, "accuse", CHN),
        R(13, USA, "support", PHL),
        R(13, USA, "alliedWith", PHL),
        R(14, USA, "accuse", CHN),
        R(14, USA, "alliedWith", PHL),
        R(16, PHL, "consult", CHN),
        R(20, ASEAN, "consult", CHN),
        R(20, ASEAN, "agree", CHN, NEG),
    ],
    SAMPLE + "india-china-border-talks.txt": [
        R(0, IND, "agree", CHN),
        R(0, IND, "consult", CHN, modality=F),
        R(1, IND, "agree", CHN),
        R(1, IND, "consult", CHN),
        R(2, DOVAL, "consult", WANG),
        R(2, WANG, "affiliatedWith", CHN),
        R(3, DOVAL, "consult", WANG, modality=F, speaker=IND),
        R(4, IND, "agree", CHN, speaker=IND),
        R(6, MODI, "consult", XI),
        R(7, IND, "fight", CHN),
        R(8, IND, "accuse", CHN),
        R(8, CHN, "accuse", IND),
        R(9, IND, "sanction", CHN),
        R(10, IND, "consult", CHN),
        R(11, IND, "memberOf", QUAD),
        R(11, USA, "memberOf", QUAD),
        R(11, JPN, "memberOf", QUAD),
        R(11, AUS, "memberOf", QUAD),
        R(11, CHN, "accuse", QUAD),
        R(12, IND, "memberOf", BRICS),
        R(12, CHN, "memberOf", BRICS),
        R(12, IND, "memberOf", SCO),
        R(12, CHN, "memberOf", SCO),
        R(14, IND, "reject", CHN, modality=F, speaker=JAISHANKAR),
        R(15, IND, "agree", CHN, speaker=CHN),
        R(15, CHN, "cooperate", IND, modality=D, speaker=CHN),
        R(17, IND, "cooperate", CHN, modality=H, speaker=MENON),
    ],
    SAMPLE + "sahel-juntas-ecowas.md": [
        R(0, MLI, "memberOf", ECOWAS, NEG),
        R(0, BFA, "memberOf", ECOWAS, NEG),
        R(0, NER, "memberOf", ECOWAS, NEG),
        R(1, MLI, "accuse", ECOWAS),
        R(1, BFA, "accuse", ECOWAS),
        R(1, NER, "accuse", ECOWAS),
        R(1, MLI, "accuse", FRA),
        R(1, BFA, "accuse", FRA),
        R(1, NER, "accuse", FRA),
        R(2, ECOWAS, "sanction", NER),
        R(3, ECOWAS, "sanction", MLI),
        R(3, ECOWAS, "sanction", BFA),
        R(3, ECOWAS, "sanction", NER),
        R(3, ECOWAS, "threaten", NER),
        R(4, ECOWAS, "retreat", NER),
        R(4, ECOWAS, "request", MLI),
        R(4, ECOWAS, "request", BFA),
        R(4, ECOWAS, "request", NER),
        R(6, MLI, "memberOf", AES),
        R(6, BFA, "memberOf", AES),
        R(6, NER, "memberOf", AES),
        R(6, MLI, "alliedWith", BFA),
        R(6, MLI, "alliedWith", NER),
        R(6, BFA, "alliedWith", NER),
        R(7, GOITA, "leaderOf", MLI),
        R(7, TRAORE, "leaderOf", BFA),
        R(7, TIANI, "leaderOf", NER),
        R(8, MLI, "cooperate", RUS),
        R(8, BFA, "cooperate", RUS),
        R(8, NER, "cooperate", RUS),
        R(9, MLI, "demand", FRA),
        R(9, BFA, "demand", FRA),
        R(9, NER, "demand", FRA),
        R(9, NER, "cooperate", USA, NEG),
        R(10, RUS, "aid", NER),
        R(10, RUS, "cooperate", MLI),
        R(12, LAVROV, "affiliatedWith", RUS),
        R(15, ECOWAS, "cooperate", MLI, modality=F, speaker=DIALLO),
        R(15, ECOWAS, "cooperate", BFA, modality=F, speaker=DIALLO),
        R(15, ECOWAS, "cooperate", NER, modality=F, speaker=DIALLO),
    ],
    SAMPLE + "armenia-csto-eu.txt": [
        R(0, ARM, "cooperate", EU),
        R(1, ARM, "seeksMembershipIn", EU),
        R(1, ARM, "alliedWith", RUS),
        R(3, ARM, "memberOf", EU, NEG, F),
        R(4, RUS, "accuse", ARM),
        R(5, ARM, "memberOf", EAEU),
        R(6, ARM, "dependsOn", RUS),
        R(8, ARM, "accuse", CSTO),
        R(8, CSTO, "aid", ARM, NEG, REP, ARM),
        R(8, RUS, "memberOf", CSTO),
        R(8, AZE, "assault", ARM),
        R(9, PASHINYAN, "accuse", RUS),
        R(10, ARM, "cooperate", CSTO, NEG, REP, PASHINYAN),
        R(11, ARM, "protest", CSTO),
        R(11, RUS, "memberOf", CSTO),
        R(11, _c("BLR"), "memberOf", CSTO),
        R(11, KAZ, "memberOf", CSTO),
        R(11, KGZ, "memberOf", CSTO),
        R(11, TJK, "memberOf", CSTO),
        R(12, ARM, "memberOf", CSTO, NEG, H, PASHINYAN),
        R(13, ARM, "reject", RUS),
        R(13, RUS, "accuse", ARM),
        R(13, ARM, "memberOf", ICC),
        R(13, ICC, "investigate", PUTIN),
        R(15, ARM, "cooperate", EU),
        R(16, EU, "aid", ARM),
        R(16, EU, "aid", ARM, modality=F),
        R(16, EU, "consult", ARM, modality=F),
        R(17, ARM, "agree", EU),
        R(19, PESKOV, "affiliatedWith", RUS),
        R(20, RUS, "sanction", ARM),
        R(21, RUS, "support", ARM, NEG, REP, SARGSYAN),
        R(21, EU, "support", ARM, NEG, F, SARGSYAN),
        R(22, ARM, "memberOf", EAEU, NEG, H, SARGSYAN),
    ],
    SAMPLE + "japan-philippines-us.txt": [
        R(0, JPN, "agree", PHL),
        R(1, JPN, "agree", PHL),
        R(1, JPN, "cooperate", PHL, modality=F),
        R(2, KAMIKAWA, "agree", TEODORO),
        R(2, KAMIKAWA, "affiliatedWith", JPN),
        R(2, TEODORO, "affiliatedWith", PHL),
        R(4, JPN, "agree", AUS),
        R(4, JPN, "agree", GBR),
        R(5, JPN, "alliedWith", USA),
        R(5, PHL, "alliedWith", USA),
        R(6, JPN, "alliedWith", USA),
        R(6, PHL, "alliedWith", USA),
        R(7, BIDEN, "consult", KISHIDA),
        R(7, BIDEN, "consult", MARCOS),
        R(7, KISHIDA, "consult", MARCOS),
        R(8, BIDEN, "agree", KISHIDA),
        R(8, BIDEN, "agree", MARCOS),
        R(8, KISHIDA, "agree", MARCOS),
        R(10, PHL, "cooperate", JPN),
        R(10, PHL, "cooperate", USA),
        R(10, PHL, "cooperate", AUS),
        R(10, JPN, "cooperate", USA),
        R(10, JPN, "cooperate", AUS),
        R(10, USA, "cooperate", AUS),
        R(11, JPN, "aid", PHL),
        R(12, JPN, "aid", PHL),
        R(15, CHN, "accuse", PHL),
        R(15, CHN, "coerce", PHL, modality=REP, speaker=PHL),
        R(15, PHL, "accuse", CHN),
        R(18, PHL, "consult", FRA),
        R(19, JPN, "alliedWith", PHL, NEG, REP, REYES),
    ],
}

RELATIONS[FOUNDING] = [
    R(2, LUKASHENKO, "leaderOf", BLR),
    R(3, BLR, "cooperate", NATO, modality=D, speaker=LUKASHENKO),
    R(6, BLR, "consult", NATO, modality=D, speaker=POROTNIKOV),
    R(7, NATO, "cooperate", BLR, NEG, REP, POROTNIKOV),
    R(7, NATO, "consult", RUS, modality=REP, speaker=POROTNIKOV),
    R(7, NATO, "consult", BLR, modality=REP, speaker=POROTNIKOV),
    R(8, BLR, "cooperate", NATO, modality=D, speaker=POROTNIKOV),
    R(8, BLR, "memberOf", CSTO, modality=REP, speaker=POROTNIKOV),
    R(8, KAZ, "memberOf", CSTO, modality=REP, speaker=POROTNIKOV),
    R(8, ARM, "memberOf", CSTO, modality=REP, speaker=POROTNIKOV),
    R(8, AZE, "memberOf", CIS, modality=REP, speaker=POROTNIKOV),
    R(8, KAZ, "cooperate", NATO, modality=REP, speaker=POROTNIKOV),
    R(8, ARM, "cooperate", NATO, modality=REP, speaker=POROTNIKOV),
    R(8, AZE, "cooperate", NATO, modality=REP, speaker=POROTNIKOV),
    R(13, BLR, "dependsOn", RUS, modality=REP, speaker=POROTNIKOV),
    R(14, NATO, "cooperate", BLR, NEG, REP, POROTNIKOV),
    R(17, BLR, "consult", NATO, modality=H),
    R(18, BLR, "consult", NATO, modality=D, speaker=POROTNIKOV),
    R(19, NATO, "consult", RUS, modality=REP, speaker=POROTNIKOV),
    R(19, NATO, "consult", BLR, NEG, REP, POROTNIKOV),
    R(20, BLR, "cooperate", NATO, modality=D, speaker=POROTNIKOV),
    R(32, BLR, "memberOf", EAEU, modality=REP, speaker=POROTNIKOV),
    R(32, KAZ, "memberOf", EAEU, modality=REP, speaker=POROTNIKOV),
    R(32, KGZ, "memberOf", EAEU, modality=REP, speaker=POROTNIKOV),
    R(32, BLR, "cooperate", KAZ, modality=F, speaker=POROTNIKOV),
    R(32, BLR, "cooperate", KGZ, modality=F, speaker=POROTNIKOV),
    R(32, BLR, "coerce", RUS, modality=F, speaker=POROTNIKOV),
]

RELATIONS[BBC + "bbc_politics_386.txt"] = [
    R(1, EU, "sanction", CHN),
    R(1, STRAW, "affiliatedWith", GBR),
    R(1, USA, "reject", EU),
    R(1, JPN, "reject", EU),
    R(2, STRAW, "consult", CHN),
    R(2, STRAW, "accuse", PRK),
    R(3, EU, "sanction", CHN),
    R(4, STRAW, "agree", CHN),
    R(7, STRAW, "consult", LI),
    R(7, LI, "affiliatedWith", CHN),
    R(11, ANCRAM, "affiliatedWith", TORY),
    R(12, ANCRAM, "accuse", STRAW),
    R(14, MACHIMURA, "affiliatedWith", JPN),
    R(14, MACHIMURA, "consult", STRAW),
    R(15, CHN, "threaten", TWN, modality=H, speaker=USA),
    R(16, CHN, "threaten", TWN, speaker=CHN),
    R(17, USA, "aid", TWN),
    R(18, USA, "accuse", CHN),
    R(20, ADAMS, "affiliatedWith", HRW),
]

RELATIONS[BBC + "bbc_politics_058.txt"] = [
    R(1, EU, "sanction", CHN),
    R(1, USA, "reject", EU),
    R(1, STRAW, "affiliatedWith", GBR),
    R(6, CHN, "support", EU),
    R(7, SCHROEDER, "leaderOf", DEU),
    R(7, CHIRAC, "leaderOf", FRA),
    R(10, GBR, "memberOf", EU),
    R(10, LUX, "memberOf", EU),
    R(16, CHN, "threaten", TWN, modality=H, speaker=USA),
    R(18, BOLTON, "affiliatedWith", USA),
    R(18, BOLTON, "consult", GBR),
]

RELATIONS[BBC + "bbc_politics_064.txt"] = [
    R(0, TUR, "agree", EU),
    R(1, TUR, "seeksMembershipIn", EU),
    R(2, BLAIR, "support", TUR),
    R(4, EU, "demand", TUR),
    R(4, EU, "consult", TUR, modality=F),
    R(5, ERDOGAN, "leaderOf", TUR),
    R(6, TUR, "memberOf", EU, modality=H),
    R(10, TUR, "support", CYP, modality=F),
    R(11, CYP, "memberOf", EU),
    R(11, TUR, "coerce", CYP),
    R(11, TUR, "support", CYP, NEG, speaker=TUR),
    R(13, EU, "consult", HRV, modality=F),
    R(14, HRV, "cooperate", UN, modality=H),
]

RELATIONS[BBC + "bbc_politics_209.txt"] = [
    R(1, ABBAS, "leaderOf", PSE),
    R(5, ISR, "cooperate", PSE, modality=REP, speaker=ABBAS),
    R(6, ISR, "accuse", SYR),
    R(7, ISR, "accuse", SYR),
    R(8, STRAW, "affiliatedWith", GBR),
    R(8, STRAW, "accuse", SYR),
    R(9, ABBAS, "consult", ISR, modality=D, speaker=ABBAS),
    R(11, BLAIR, "leaderOf", GBR),
    R(12, RICE, "affiliatedWith", USA),
    R(12, ANNAN, "leaderOf", UN),
]

RELATIONS[BBC + "bbc_politics_191.txt"] = [
    R(0, SHORT, "accuse", USA),
    R(1, SHORT, "accuse", USA),
    R(2, USA, "cooperate", IND, modality=F, speaker=BUSH),
    R(2, USA, "cooperate", AUS, modality=F, speaker=BUSH),
    R(2, USA, "cooperate", JPN, modality=F, speaker=BUSH),
    R(2, IND, "cooperate", AUS, modality=F, speaker=BUSH),
    R(2, IND, "cooperate", JPN, modality=F, speaker=BUSH),
    R(2, AUS, "cooperate", JPN, modality=F, speaker=BUSH),
    R(6, SHORT, "accuse", USA),
    R(11, SHORT, "accuse", USA),
    R(11, SHORT, "accuse", IND),
    R(12, USA, "cooperate", UN, NEG, REP, SHORT),
]

RELATIONS[BBC + "bbc_business_181.txt"] = [
    R(0, IND, "consult", RUS),
    R(1, IND, "cooperate", RUS, modality=F),
    R(2, ONGC, "affiliatedWith", IND),
    R(6, IND, "agree", RUS, modality=REP),
    R(6, IND, "cooperate", RUS, modality=REP),
    R(6, RAHA, "consult", MILLER, modality=REP),
    R(6, RAHA, "consult", AIYAR, modality=REP),
    R(6, MILLER, "consult", AIYAR, modality=REP),
    R(6, RAHA, "affiliatedWith", ONGC),
    R(6, MILLER, "affiliatedWith", GAZPROM),
    R(6, AIYAR, "affiliatedWith", IND),
    R(14, AIYAR, "consult", KHRISTENKO, modality=F),
    R(14, AIYAR, "affiliatedWith", IND),
    R(14, KHRISTENKO, "affiliatedWith", RUS),
    R(16, ROSNEFT, "agree", CNPC),
    R(16, CNPC, "affiliatedWith", CHN),
]

RELATIONS[BBC + "bbc_business_420.txt"] = [
    R(0, IND, "agree", IRN),
    R(1, IND, "agree", IRN),
    R(2, ONGC, "cooperate", IRN, modality=F),
    R(3, IRN, "agree", CHN),
    R(4, YUKOS, "affiliatedWith", RUS),
    R(5, IND, "agree", IRN),
    R(6, IRN, "memberOf", OPEC),
    R(7, IRN, "cooperate", IND, modality=F),
    R(8, ONGC, "agree", NIOC),
]

RELATIONS[BBC + "bbc_business_340.txt"] = [
    R(0, VEN, "agree", CHN),
    R(1, CHAVEZ, "cooperate", CHN, modality=D),
    R(1, CHAVEZ, "leaderOf", VEN),
    R(2, VEN, "agree", CHN),
    R(2, VEN, "cooperate", CHN, modality=F),
    R(3, VEN, "cooperate", CHN, modality=D),
    R(5, VEN, "dependsOn", USA),
    R(11, CHAVEZ, "consult", CHN),
    R(11, VEN, "cooperate", CHN, modality=F, speaker=CHAVEZ),
    R(13, VEN, "cooperate", CHN, modality=F),
    R(15, VEN, "agree", CHN),
]

RELATIONS[BBC + "bbc_business_478.txt"] = [
    R(0, EGY, "agree", ISR),
    R(1, EGY, "agree", ISR),
    R(1, EGY, "agree", USA),
    R(1, ISR, "agree", USA),
    R(3, ISR, "cooperate", EGY, modality=H),
    R(4, EGY, "agree", ISR, modality=REP, speaker=USA),
    R(8, EGY, "cooperate", ISR),
    R(8, EGY, "retreat", ISR),
    R(9, MUBARAK, "leaderOf", EGY),
    R(9, SHARON, "leaderOf", ISR),
    R(9, MUBARAK, "support", SHARON),
]

RELATIONS[BBC + "bbc_business_178.txt"] = [
    R(1, RUS, "seeksMembershipIn", WTO),
    R(1, RUS, "consult", WTO),
    R(2, JOHANNESSON, "affiliatedWith", ISL),
    R(3, USA, "support", RUS, modality=REP, speaker=BUSH),
    R(4, BUSH, "demand", RUS),
    R(5, BUSH, "consult", PUTIN, modality=F),
    R(6, RUS, "seeksMembershipIn", WTO),
]
