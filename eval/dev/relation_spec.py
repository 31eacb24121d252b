"""The dev gold relations, by document and sentence number (input to build_gold.py).

An entry names its evidence sentence (as split by ``annotate_tool.sentence_spans``) either by the
sentence's opening words (sample corpus: our own text, robust to later edits of the articles) or by
its 0-based number (BBC and ../shared articles, whose text must not be copied here).  build_gold.py
turns each entry into the sentence's character offsets.
Each entry is ``R(sentence, subject, relation, object, negated, modality, speaker)``; the guideline
is docs/ANNOTATION.md.
"""

from __future__ import annotations

from typing import NamedTuple

from mention_spec import BBC, FOUNDING, SAMPLE


class R(NamedTuple):
    """One gold relation: evidence sentence number, typed triple and its attributes."""

    sent: int | str
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
EUROPEAN_COMMISSION = _o("european-commission")
UN, WTO, OPEC = map(_o, ("UN", "WTO", "OPEC"))
UNION_STATE = _o("union-state-of-russia-and-belarus")
UDCG = _o("ukraine-defense-contact-group")
GAZPROM, ROSNEFT, YUKOS = map(_o, ("gazprom", "rosneft", "yukos"))
ONGC, NIOC = _o("oil-and-natural-gas-corporation"), _o("national-iranian-oil-company")
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
ADAMS, SCHROEDER, CHIRAC, BOLTON = _p("brad-adams"), _p("gerhard-schroder"), _p("jacques-chirac"), _p("john-bolton")
BLAIR, ERDOGAN, ABBAS = _p("tony-blair"), _p("recep-tayyip-erdogan"), _p("mahmoud-abbas")
RICE, ANNAN, SHORT, BUSH = _p("condoleezza-rice"), _p("kofi-annan"), _p("clare-short"), _p("george-w-bush")
RAHA, MILLER, AIYAR, KHRISTENKO = _p("subir-raha"), _p("aleksey-miller"), _p("mani-shankar-aiyar"), _p("viktor-khristenko")
CHAVEZ, MUBARAK, SHARON, JOHANNESSON = _p("hugo-chavez"), _p("hosni-mubarak"), _p("ariel-sharon"), _p("stefan-johannesson")

A, D, F, H, REP = "asserted", "desired", "future", "hypothetical", "reported"
NEG = True

RELATIONS: dict[str, list[R]] = {
    SAMPLE + "belarus-balance.txt": [
        R("MINSK, 12 April 2019 — Belarus wants a steadi", BLR, "consult", NATO, modality=D),
        R("President Alexander Lukashenko told a meeting", BLR, "consult", NATO, modality=D, speaker=LUKASHENKO),
        R("President Alexander Lukashenko told a meeting", LUKASHENKO, "leaderOf", BLR),
        R("Minsk has taken part in NATO's Partnership fo", BLR, "cooperate", NATO),
        R("Minsk has taken part in NATO's Partnership fo", BLR, "consult", NATO),
        R("Yet Belarus remains the closest ally of Russi", BLR, "alliedWith", RUS),
        R("It is a member of the Eurasian Economic Union", BLR, "memberOf", EAEU),
        R("It is a member of the Eurasian Economic Union", BLR, "memberOf", CSTO),
        R("It is a member of the Eurasian Economic Union", BLR, "memberOf", CIS),
        R("It is a member of the Eurasian Economic Union", BLR, "memberOf", UNION_STATE),
        R("It is a member of the Eurasian Economic Union", RUS, "memberOf", UNION_STATE),
        R("Moscow has pressed for \"deeper integration\" u", RUS, "demand", BLR),
        R("Moscow has pressed for \"deeper integration\" u", LUKASHENKO, "reject", RUS),
        R("Belarus's dependence on Russia is above all e", BLR, "dependsOn", RUS),
        R("Belarus buys nearly all of its natural gas fr", BLR, "dependsOn", RUS),
        R("Moscow also lent Minsk up to 10 billion dolla", RUS, "aid", BLR),
        R("\"Minsk needs Western partners to soften its d", BLR, "dependsOn", RUS, modality=REP, speaker=KAVAL),
        R("According to Kaval, NATO members are not read", NATO, "cooperate", BLR, NEG, REP, KAVAL),
        R("According to Kaval, NATO members are not read", BLR, "cooperate", RUS, modality=REP, speaker=KAVAL),
        R("Kaval: “Brussels could offer more exchanges a", NATO, "cooperate", BLR, modality=H, speaker=KAVAL),
        R("But the Alliance will not treat Belarus as an", BLR, "cooperate", RUS, modality=REP, speaker=KAVAL),
        R("NATO, for its part, has kept the door to dial", NATO, "request", RUS),
        R("NATO, for its part, has kept the door to dial", NATO, "request", BLR),
        R("NATO, for its part, has kept the door to dial", RUS, "cooperate", BLR),
        R("Lukashenko has also criticised Moscow over tr", LUKASHENKO, "accuse", RUS),
        R("Lukashenko has also criticised Moscow over tr", LUKASHENKO, "accuse", EAEU),
        R("The European Union has kept some sanctions on", EU, "sanction", BLR),
        R("The European Union has kept some sanctions on", EU, "retreat", BLR),
    ],
    SAMPLE + "eu-us-sanctions-russia.txt": [
        R("EU and US widen sanctions against Russia on w", EU, "sanction", RUS),
        R("EU and US widen sanctions against Russia on w", USA, "sanction", RUS),
        R("BRUSSELS, 24 February 2024 — The European Uni", EU, "sanction", RUS),
        R("BRUSSELS, 24 February 2024 — The European Uni", USA, "sanction", RUS),
        R("BRUSSELS, 24 February 2024 — The European Uni", RUS, "assault", UKR),
        R("EU member states approved the bloc's 13th pac", EU, "sanction", RUS),
        R("The European Commission said the measures wer", EU, "sanction", RUS, speaker=EUROPEAN_COMMISSION),
        R("On the same day Washington announced more tha", USA, "sanction", RUS),
        R("President Joe Biden said the measures were al", BIDEN, "accuse", PUTIN),
        R("Sanctions against Russia have been coordinate", G7, "sanction", RUS),
        R("In December 2022 the G7 and the EU agreed a p", G7, "sanction", RUS),
        R("In December 2022 the G7 and the EU agreed a p", EU, "sanction", RUS),
        R("In December 2022 the G7 and the EU agreed a p", G7, "agree", EU),
        R("EU and G7 leaders have discussed using profit", EU, "aid", UKR, modality=H),
        R("EU and G7 leaders have discussed using profit", G7, "aid", UKR, modality=H),
        R("EU and G7 leaders have discussed using profit", EU, "consult", G7),
        R("The Kremlin rejected the new measures by Brus", RUS, "reject", EU),
        R("The Kremlin rejected the new measures by Brus", RUS, "reject", USA),
        R("Russian officials said Western sanctions were", RUS, "sanction", EU),
        R("Russian officials said Western sanctions were", RUS, "sanction", USA),
        R("Hungary, which still buys most of its oil and", HUN, "dependsOn", RUS),
        R("Hungary, which still buys most of its oil and", ORBAN, "leaderOf", HUN),
        R("Budapest has nevertheless not vetoed any EU p", HUN, "reject", EU, NEG),
        R("President Volodymyr Zelensky thanked Brussels", ZELENSKY, "support", EU),
        R("President Volodymyr Zelensky thanked Brussels", ZELENSKY, "support", USA),
        R("President Volodymyr Zelensky thanked Brussels", ZELENSKY, "request", EU),
        R("President Volodymyr Zelensky thanked Brussels", ZELENSKY, "request", USA),
        R("Ukrainian officials want the EU to sanction R", UKR, "request", EU),
    ],
    SAMPLE + "ukraine-military-aid.md": [
        R("WASHINGTON/BERLIN — President Joe Biden signe", BIDEN, "aid", UKR),
        R("Biden said the United States would stand with", USA, "support", UKR, modality=F, speaker=BIDEN),
        R("Biden said the United States would stand with", USA, "aid", UKR),
        R("President Volodymyr Zelenskyy thanked Biden a", ZELENSKY, "support", BIDEN),
        R("President Volodymyr Zelenskyy thanked Biden a", ZELENSKY, "support", USA),
        R("Zelensky has asked Western partners for more ", RUS, "assault", UKR),
        R("Germany is the second-largest supplier of mil", DEU, "aid", UKR),
        R("Germany is the second-largest supplier of mil", USA, "aid", UKR),
        R("Earlier in April, Chancellor Olaf Scholz said", DEU, "aid", UKR, modality=F, speaker=SCHOLZ),
        R("Earlier in April, Chancellor Olaf Scholz said", DEU, "aid", UKR),
        R("The German decision was welcomed by Zelensky,", ZELENSKY, "support", DEU),
        R("But Berlin has refused to supply Kyiv with it", DEU, "aid", UKR, NEG),
        R("Russia condemned the new American aid.", RUS, "accuse", USA),
        R("Kremlin spokesman Dmitry Peskov said the US p", PESKOV, "affiliatedWith", RUS),
        R("Moscow has accused Washington and Berlin of b", RUS, "accuse", USA),
        R("Moscow has accused Washington and Berlin of b", RUS, "accuse", DEU),
        R("Moscow has accused Washington and Berlin of b", USA, "reject", RUS),
        R("Moscow has accused Washington and Berlin of b", DEU, "reject", RUS),
        R("NATO Secretary General Jens Stoltenberg urged", STOLTENBERG, "leaderOf", NATO),
        R("Talks between the United States, Germany and ", USA, "consult", DEU, modality=F),
        R("Talks between the United States, Germany and ", USA, "memberOf", UDCG),
        R("Talks between the United States, Germany and ", DEU, "memberOf", UDCG),
        R("Zelensky said Ukraine would use the aid to st", UKR, "seeksMembershipIn", NATO, modality=REP, speaker=ZELENSKY),
    ],
    SAMPLE + "south-china-sea-philippines.txt": [
        R("Manila and Beijing trade accusations after wa", PHL, "accuse", CHN),
        R("Manila and Beijing trade accusations after wa", CHN, "accuse", PHL),
        R("MANILA, 29 March 2024 — The Philippines accus", PHL, "accuse", CHN),
        R("MANILA, 29 March 2024 — The Philippines accus", CHN, "coerce", PHL),
        R("The Philippine Department of Foreign Affairs ", PHL, "protest", CHN),
        R("President Ferdinand Marcos Jr said the Philip", PHL, "threaten", CHN, modality=F, speaker=MARCOS),
        R("Beijing rejected the Philippine accusations.", CHN, "reject", PHL),
        R("The Chinese coast guard said the Philippine v", CHN, "accuse", PHL, speaker=CHN),
        R("The Chinese coast guard said the Philippine v", CHN, "coerce", PHL, speaker=CHN),
        R("A spokesman of the Chinese Foreign Ministry a", CHN, "accuse", PHL),
        R("A spokesman of the Chinese Foreign Ministry a", CHN, "threaten", PHL),
        R("In 2016 an arbitral tribunal in The Hague rul", PHL, "accuse", CHN),
        R("Washington backed its ally Manila.", USA, "support", PHL),
        R("Washington backed its ally Manila.", USA, "alliedWith", PHL),
        R("The US State Department condemned China's \"da", USA, "accuse", CHN),
        R("The US State Department condemned China's \"da", USA, "alliedWith", PHL),
        R("The Philippines and China have held talks und", PHL, "consult", CHN),
        R("The Association of Southeast Asian Nations (A", ASEAN, "consult", CHN),
        R("The Association of Southeast Asian Nations (A", ASEAN, "agree", CHN, NEG),
    ],
    SAMPLE + "india-china-border-talks.txt": [
        R("India and China agree to keep talking as bord", IND, "agree", CHN),
        R("India and China agree to keep talking as bord", IND, "consult", CHN, modality=F),
        R("NEW DELHI, 19 December 2024 — India and China", IND, "agree", CHN),
        R("NEW DELHI, 19 December 2024 — India and China", IND, "consult", CHN),
        R("National Security Adviser Ajit Doval and Chin", DOVAL, "consult", WANG),
        R("National Security Adviser Ajit Doval and Chin", WANG, "affiliatedWith", CHN),
        R("The two officials discussed peace and stabili", DOVAL, "consult", WANG, modality=F, speaker=IND),
        R("The meeting was the latest sign of a thaw sin", IND, "agree", CHN, speaker=IND),
        R("Prime Minister Narendra Modi and President Xi", MODI, "consult", XI),
        R("Relations between New Delhi and Beijing colla", IND, "fight", CHN),
        R("Both India and China have deployed tens of tho", IND, "mobilize", CHN),
        R("Both India and China have deployed tens of tho", CHN, "mobilize", IND),
        R("India accused China of trying to change the s", IND, "accuse", CHN),
        R("India accused China of trying to change the s", CHN, "accuse", IND),
        R("Since then, India has banned hundreds of Chin", IND, "sanction", CHN),
        R("The talks between India and China are being w", IND, "consult", CHN),
        R("India is a member of the Quad with the United", IND, "memberOf", QUAD),
        R("India is a member of the Quad with the United", USA, "memberOf", QUAD),
        R("India is a member of the Quad with the United", JPN, "memberOf", QUAD),
        R("India is a member of the Quad with the United", AUS, "memberOf", QUAD),
        R("India is a member of the Quad with the United", CHN, "accuse", QUAD),
        R("Both Asian powers are members of BRICS and th", IND, "memberOf", BRICS),
        R("Both Asian powers are members of BRICS and th", CHN, "memberOf", BRICS),
        R("Both Asian powers are members of BRICS and th", IND, "memberOf", SCO),
        R("Both Asian powers are members of BRICS and th", CHN, "memberOf", SCO),
        R("External Affairs Minister S. Jaishankar told ", IND, "reject", CHN, modality=F, speaker=JAISHANKAR),
        R("The Chinese side said the two countries had r", IND, "agree", CHN, speaker=CHN),
        R("The Chinese side said the two countries had r", CHN, "cooperate", IND, modality=D, speaker=CHN),
        R("According to Menon, India and China could res", IND, "cooperate", CHN, modality=H, speaker=MENON),
    ],
    SAMPLE + "sahel-juntas-ecowas.md": [
        R("ABUJA — The military governments of Mali, Bur", MLI, "memberOf", ECOWAS, NEG),
        R("ABUJA — The military governments of Mali, Bur", BFA, "memberOf", ECOWAS, NEG),
        R("ABUJA — The military governments of Mali, Bur", NER, "memberOf", ECOWAS, NEG),
        R("The three juntas announced in January 2024 th", MLI, "accuse", ECOWAS),
        R("The three juntas announced in January 2024 th", BFA, "accuse", ECOWAS),
        R("The three juntas announced in January 2024 th", NER, "accuse", ECOWAS),
        R("The three juntas announced in January 2024 th", MLI, "accuse", FRA),
        R("The three juntas announced in January 2024 th", BFA, "accuse", FRA),
        R("The three juntas announced in January 2024 th", NER, "accuse", FRA),
        R("They also accused the bloc of imposing \"illeg", ECOWAS, "sanction", NER),
        R("ECOWAS had suspended Mali, Burkina Faso and N", ECOWAS, "sanction", MLI),
        R("ECOWAS had suspended Mali, Burkina Faso and N", ECOWAS, "sanction", BFA),
        R("ECOWAS had suspended Mali, Burkina Faso and N", ECOWAS, "sanction", NER),
        R("ECOWAS had suspended Mali, Burkina Faso and N", ECOWAS, "threaten", NER),
        R("In February 2024 the bloc lifted most of its ", ECOWAS, "retreat", NER),
        R("In February 2024 the bloc lifted most of its ", ECOWAS, "request", MLI),
        R("In February 2024 the bloc lifted most of its ", ECOWAS, "request", BFA),
        R("In February 2024 the bloc lifted most of its ", ECOWAS, "request", NER),
        R("Instead, Mali, Burkina Faso and Niger have fo", MLI, "memberOf", AES),
        R("Instead, Mali, Burkina Faso and Niger have fo", BFA, "memberOf", AES),
        R("Instead, Mali, Burkina Faso and Niger have fo", NER, "memberOf", AES),
        R("Instead, Mali, Burkina Faso and Niger have fo", MLI, "alliedWith", BFA),
        R("Instead, Mali, Burkina Faso and Niger have fo", MLI, "alliedWith", NER),
        R("Instead, Mali, Burkina Faso and Niger have fo", BFA, "alliedWith", NER),
        R("Mali's leader Assimi Goita, Burkina Faso's Ca", GOITA, "leaderOf", MLI),
        R("Mali's leader Assimi Goita, Burkina Faso's Ca", TRAORE, "leaderOf", BFA),
        R("Mali's leader Assimi Goita, Burkina Faso's Ca", TIANI, "leaderOf", NER),
        R("At the same time the three countries have tur", MLI, "cooperate", RUS),
        R("At the same time the three countries have tur", BFA, "cooperate", RUS),
        R("At the same time the three countries have tur", NER, "cooperate", RUS),
        R("The three governments demanded the withdrawal", MLI, "demand", FRA),
        R("The three governments demanded the withdrawal", BFA, "demand", FRA),
        R("The three governments demanded the withdrawal", NER, "demand", FRA),
        R("The three governments demanded the withdrawal", NER, "cooperate", USA, NEG),
        R("Russian military instructors from the Africa ", RUS, "aid", NER),
        R("Russian military instructors from the Africa ", RUS, "cooperate", MLI),
        R("Russian Foreign Minister Sergei Lavrov has vi", LAVROV, "affiliatedWith", RUS),
        R("According to Diallo, ECOWAS will try to keep ", ECOWAS, "cooperate", MLI, modality=F, speaker=DIALLO),
        R("According to Diallo, ECOWAS will try to keep ", ECOWAS, "cooperate", BFA, modality=F, speaker=DIALLO),
        R("According to Diallo, ECOWAS will try to keep ", ECOWAS, "cooperate", NER, modality=F, speaker=DIALLO),
    ],
    SAMPLE + "armenia-csto-eu.txt": [
        R("Armenia turns towards the EU as rift with Mos", ARM, "cooperate", EU),
        R("YEREVAN, 27 March 2025 — Armenia's parliament", ARM, "seeksMembershipIn", EU),
        R("YEREVAN, 27 March 2025 — Armenia's parliament", ARM, "alliedWith", RUS),
        R("It does not mean that Armenia will join the E", ARM, "memberOf", EU, NEG, F),
        R("But the Armenian vote was criticised by Mosco", RUS, "accuse", ARM),
        R("Russian officials have repeatedly warned that", ARM, "memberOf", EAEU),
        R("Russia is still Armenia's biggest trading par", ARM, "dependsOn", RUS),
        R("Armenia accused the Collective Security Treat", ARM, "accuse", CSTO),
        R("Armenia accused the Collective Security Treat", CSTO, "aid", ARM, NEG, REP, ARM),
        R("Armenia accused the Collective Security Treat", RUS, "memberOf", CSTO),
        R("Armenia accused the Collective Security Treat", AZE, "assault", ARM),
        R("After Azerbaijan took full control of Nagorno", PASHINYAN, "accuse", RUS),
        R("In February 2024 Pashinyan said Armenia had f", ARM, "cooperate", CSTO, NEG, REP, PASHINYAN),
        R("In February 2024 Pashinyan said Armenia had", ARM, "memberOf", CSTO, modality=REP, speaker=PASHINYAN),
        R("Yerevan has since stopped paying its share of", ARM, "protest", CSTO),
        R("Yerevan has since stopped paying its share of", RUS, "memberOf", CSTO),
        R("Yerevan has since stopped paying its share of", _c("BLR"), "memberOf", CSTO),
        R("Yerevan has since stopped paying its share of", KAZ, "memberOf", CSTO),
        R("Yerevan has since stopped paying its share of", KGZ, "memberOf", CSTO),
        R("Yerevan has since stopped paying its share of", TJK, "memberOf", CSTO),
        R("Pashinyan has said Armenia could leave the or", ARM, "memberOf", CSTO, NEG, H, PASHINYAN),
        R("In April 2024 Yerevan agreed to return four bor", ARM, "concede", AZE),
        R("In April 2024 Yerevan agreed to return four bor", ARM, "agree", AZE),
        R("Armenia has also rejected Russian criticism o", ARM, "reject", RUS),
        R("Armenia has also rejected Russian criticism o", RUS, "accuse", ARM),
        R("Armenia has also rejected Russian criticism o", ARM, "memberOf", ICC),
        R("Armenia has also rejected Russian criticism o", ICC, "investigate", PUTIN),
        R("Meanwhile, Armenia's cooperation with the EU ", ARM, "cooperate", EU),
        R("An EU civilian monitoring mission has been de", EU, "aid", ARM),
        R("An EU civilian monitoring mission has been de", EU, "aid", ARM, modality=F),
        R("An EU civilian monitoring mission has been de", EU, "consult", ARM, modality=F),
        R("Armenia and the EU agreed in 2024 to launch a", ARM, "agree", EU),
        R("Kremlin spokesman Dmitry Peskov said Armenia ", PESKOV, "affiliatedWith", RUS),
        R("Moscow has also accused Western governments o", RUS, "sanction", ARM),
        R("\"Yerevan wants security guarantees that Russi", RUS, "support", ARM, NEG, REP, SARGSYAN),
        R("\"Yerevan wants security guarantees that Russi", EU, "support", ARM, NEG, F, SARGSYAN),
        R("According to Sargsyan, Armenia would lose muc", ARM, "memberOf", EAEU, NEG, H, SARGSYAN),
    ],
    SAMPLE + "japan-philippines-us.txt": [
        R("Japan and the Philippines sign defence pact a", JPN, "agree", PHL),
        R("MANILA, 9 July 2024 — Japan and the Philippin", JPN, "agree", PHL),
        R("MANILA, 9 July 2024 — Japan and the Philippin", JPN, "cooperate", PHL, modality=F),
        R("The pact was signed in Manila by Japanese For", KAMIKAWA, "agree", TEODORO),
        R("The pact was signed in Manila by Japanese For", KAMIKAWA, "affiliatedWith", JPN),
        R("The pact was signed in Manila by Japanese For", TEODORO, "affiliatedWith", PHL),
        R("Japan has signed similar agreements with Aust", JPN, "agree", AUS),
        R("Japan has signed similar agreements with Aust", JPN, "agree", GBR),
        R("Japan and the Philippines are both treaty all", JPN, "alliedWith", USA),
        R("Japan and the Philippines are both treaty all", PHL, "alliedWith", USA),
        R("Tokyo has been allied with Washington since t", JPN, "alliedWith", USA),
        R("Tokyo has been allied with Washington since t", PHL, "alliedWith", USA),
        R("In April, President Joe Biden hosted Prime Mi", BIDEN, "consult", KISHIDA),
        R("In April, President Joe Biden hosted Prime Mi", BIDEN, "consult", MARCOS),
        R("In April, President Joe Biden hosted Prime Mi", KISHIDA, "consult", MARCOS),
        R("The leaders agreed to expand maritime coopera", BIDEN, "agree", KISHIDA),
        R("The leaders agreed to expand maritime coopera", BIDEN, "agree", MARCOS),
        R("The leaders agreed to expand maritime coopera", KISHIDA, "agree", MARCOS),
        R("In April, ships from the Philippines, Japan, ", PHL, "cooperate", JPN),
        R("In April, ships from the Philippines, Japan, ", PHL, "cooperate", USA),
        R("In April, ships from the Philippines, Japan, ", PHL, "cooperate", AUS),
        R("In April, ships from the Philippines, Japan, ", JPN, "cooperate", USA),
        R("In April, ships from the Philippines, Japan, ", JPN, "cooperate", AUS),
        R("In April, ships from the Philippines, Japan, ", USA, "cooperate", AUS),
        R("Japan is also helping to strengthen the Phili", JPN, "aid", PHL),
        R("Tokyo has supplied patrol vessels to Manila t", JPN, "aid", PHL),
        R("Beijing accuses Manila of provoking confronta", CHN, "accuse", PHL),
        R("Beijing accuses Manila of provoking confronta", CHN, "coerce", PHL, modality=REP, speaker=PHL),
        R("Beijing accuses Manila of provoking confronta", PHL, "accuse", CHN),
        R("The Philippines has also been discussing a si", PHL, "consult", FRA),
        R("\"Japan and the Philippines are not forming an", JPN, "alliedWith", PHL, NEG, REP, REYES),
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
    R(32, BLR, "memberOf", EAEU, modality=REP, speaker=POROTNIKOV),
    R(32, KAZ, "memberOf", EAEU, modality=REP, speaker=POROTNIKOV),
    R(32, KGZ, "memberOf", EAEU, modality=REP, speaker=POROTNIKOV),
    R(32, BLR, "cooperate", KAZ, modality=F, speaker=POROTNIKOV),
    R(32, BLR, "cooperate", KGZ, modality=F, speaker=POROTNIKOV),
    R(32, BLR, "coerce", RUS, modality=F, speaker=POROTNIKOV),
]

RELATIONS[BBC + "bbc_politics_386.txt"] = [
    R(1, EU, "sanction", CHN),
    R(1, EU, "retreat", CHN, modality=F),
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
    R(1, EU, "retreat", CHN, modality=H, speaker=STRAW),
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
    R(5, ERDOGAN, "concede", EU),
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
    R(1, IND, "agree", RUS),
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
    R(3, IRN, "agree", CHN),
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
    R(0, RUS, "consult", WTO),
    R(1, RUS, "consult", WTO),
    R(2, JOHANNESSON, "affiliatedWith", ISL),
    R(3, USA, "support", RUS, modality=REP, speaker=BUSH),
    R(4, BUSH, "demand", RUS),
    R(5, BUSH, "consult", PUTIN, modality=F),
    R(6, RUS, "seeksMembershipIn", WTO),
]

# --- BBC articles added in the second annotation round (30+ documents) ---------------------------

ITA, NLD, AUT, SWE, PAK, AFG, SAU, IRQ = map(_c, ("ITA", "NLD", "AUT", "SWE", "PAK", "AFG", "SAU", "IRQ"))
PARIS_CLUB = _o("paris-club")
BERLUSCONI, HOWARD, BARROSO = _p("silvio-berlusconi"), _p("michael-howard"), _p("jose-manuel-barroso")
JIBOURI, OMAR, TROJAN, NATH = _p("mohammed-mustafa-al-jibouri"), _p("assad-omar"), _p("carlo-trojan"), _p("kamal-nath")

RELATIONS[BBC + "bbc_politics_035.txt"] = [
    R(0, TUR, "seeksMembershipIn", EU),
    R(1, BLAIR, "consult", BERLUSCONI),
    R(1, BLAIR, "consult", SCHROEDER),
    R(1, BERLUSCONI, "leaderOf", ITA),
    R(1, SCHROEDER, "leaderOf", DEU),
    R(1, TUR, "seeksMembershipIn", EU),
    R(3, BLAIR, "support", TUR),
    R(3, TUR, "seeksMembershipIn", EU),
    R(9, BLAIR, "support", TUR),
    R(9, GBR, "support", TUR),
    R(9, BLAIR, "demand", TUR),
    R(9, GBR, "demand", TUR),
    R(10, BLAIR, "consult", BERLUSCONI, modality=REP),
    R(10, BLAIR, "consult", SCHROEDER, modality=REP),
]

RELATIONS[BBC + "bbc_politics_358.txt"] = [
    R(0, GBR, "reject", EU, modality=F),
    R(1, GBR, "reject", EU, speaker=STRAW),
    R(3, BARROSO, "leaderOf", EUROPEAN_COMMISSION),
    R(6, GBR, "memberOf", EU, modality=REP, speaker=STRAW),
    R(9, GBR, "request", EU, modality=D),
    R(9, FRA, "request", EU, modality=D),
    R(9, DEU, "request", EU, modality=D),
    R(9, AUT, "request", EU, modality=D),
    R(9, NLD, "request", EU, modality=D),
    R(9, SWE, "request", EU, modality=D),
    R(10, STRAW, "accuse", EUROPEAN_COMMISSION),
    R(12, EU, "consult", TUR, modality=D, speaker=STRAW),
    R(12, TUR, "seeksMembershipIn", EU, modality=REP, speaker=STRAW),
]

RELATIONS[BBC + "bbc_politics_161.txt"] = [
    R(1, EU, "agree", TUR),
    R(1, TUR, "seeksMembershipIn", EU),
    R(4, HOWARD, "leaderOf", TORY),
    R(5, TUR, "memberOf", EU, modality=H, speaker=HOWARD),
    R(6, HOWARD, "leaderOf", TORY),
    R(7, BLAIR, "support", TUR),
    R(8, BLAIR, "support", TUR),
    R(9, EU, "agree", TUR),
    R(9, EU, "consult", TUR, modality=F),
    R(9, EU, "demand", TUR),
    R(9, TUR, "support", CYP, modality=D),
    R(10, ERDOGAN, "leaderOf", TUR),
    R(10, ERDOGAN, "concede", EU),
    R(10, TUR, "seeksMembershipIn", EU),
    R(11, CYP, "memberOf", EU),
    R(11, TUR, "coerce", CYP),
    R(11, TUR, "support", CYP, NEG, speaker=TUR),
    R(14, EU, "consult", HRV, modality=F),
    R(15, HRV, "cooperate", UN, modality=H),
]

RELATIONS[BBC + "bbc_politics_139.txt"] = [
    R(1, GBR, "support", IND),
    R(1, GBR, "support", PAK),
    R(1, IND, "agree", PAK),
    R(1, IND, "cooperate", PAK),
    R(3, IND, "agree", PAK),
    R(5, IND, "consult", PAK),
    R(9, STRAW, "support", IND, speaker=STRAW),
    R(9, STRAW, "support", PAK, speaker=STRAW),
    R(9, IND, "cooperate", PAK, modality=REP, speaker=STRAW),
    R(12, STRAW, "consult", IND, modality=F),
    R(13, IND, "cooperate", PAK, modality=F),
    R(14, IND, "agree", PAK),
    R(14, IND, "consult", PAK, modality=F),
    R(14, IND, "cooperate", PAK, modality=F),
]

RELATIONS[BBC + "bbc_business_320.txt"] = [
    R(0, IRQ, "consult", WTO),
    R(0, AFG, "consult", WTO),
    R(1, WTO, "consult", IRQ, modality=F),
    R(1, WTO, "consult", AFG, modality=F),
    R(1, IRQ, "seeksMembershipIn", WTO),
    R(1, AFG, "seeksMembershipIn", WTO),
    R(2, IRN, "seeksMembershipIn", WTO),
    R(2, USA, "reject", IRN),
    R(2, WTO, "reject", IRN),
    R(7, JIBOURI, "affiliatedWith", IRQ),
    R(7, PARIS_CLUB, "aid", IRQ),
    R(8, OMAR, "affiliatedWith", AFG),
    R(12, USA, "reject", IRN, speaker=USA),
    R(13, TROJAN, "affiliatedWith", EU),
]

RELATIONS[BBC + "bbc_business_347.txt"] = [
    R(0, IND, "cooperate", PAK),
    R(1, IND, "cooperate", PAK),
    R(5, IND, "retreat", PAK),
    R(5, PAK, "retreat", IND),
    R(6, IND, "cooperate", PAK),
    R(7, NATH, "affiliatedWith", IND),
]

ZWE, MMR, ARE = map(_c, ("ZWE", "MMR", "ARE"))
KERRY, ALLAWI, REYNOLDS = _p("john-kerry"), _p("iyad-allawi"), _p("paul-reynolds")

RELATIONS[BBC + "bbc_politics_136.txt"] = [
    R(1, EU, "sanction", CHN),
    R(1, EU, "retreat", CHN, modality=D),
    R(1, TORY, "accuse", EU),
    R(3, STRAW, "affiliatedWith", GBR),
    R(4, HRW, "accuse", EU, speaker=HRW),
    R(9, ADAMS, "affiliatedWith", HRW),
    R(19, ANCRAM, "affiliatedWith", TORY),
    R(21, ANCRAM, "accuse", GBR, speaker=ANCRAM),
    R(21, GBR, "concede", FRA, modality=REP, speaker=ANCRAM),
    R(21, GBR, "concede", DEU, modality=REP, speaker=ANCRAM),
    R(21, FRA, "coerce", GBR, modality=REP, speaker=ANCRAM),
    R(21, DEU, "coerce", GBR, modality=REP, speaker=ANCRAM),
    R(22, ANCRAM, "accuse", CHN, speaker=ANCRAM),
    R(23, STRAW, "consult", CHN),
    R(24, STRAW, "consult", LI, modality=F),
    R(24, LI, "affiliatedWith", CHN),
    R(24, CHN, "consult", PRK),
]

RELATIONS[BBC + "bbc_politics_126.txt"] = [
    R(0, BLAIR, "request", EU),
    R(5, CHIRAC, "leaderOf", FRA),
    R(5, CHIRAC, "reject", BLAIR),
    R(8, BLAIR, "request", USA, speaker=BLAIR),
    R(12, GBR, "alliedWith", USA, modality=REP, speaker=BLAIR),
    R(15, CHIRAC, "reject", BLAIR),
    R(16, CHIRAC, "leaderOf", FRA),
    R(18, ALLAWI, "leaderOf", IRQ),
    R(19, CHIRAC, "consult", ALLAWI, modality=D, speaker=CHIRAC),
    R(20, EU, "support", IRQ),
    R(22, EU, "support", BUSH),
    R(24, GBR, "cooperate", EU, modality=H, speaker=BLAIR),
    R(24, TORY, "accuse", BLAIR),
    R(24, BLAIR, "concede", EU, modality=REP, speaker=TORY),
]

RELATIONS[BBC + "bbc_politics_149.txt"] = [
    R(2, BLAIR, "consult", SHARON),
    R(2, BLAIR, "consult", ABBAS),
    R(2, SHARON, "leaderOf", ISR),
    R(2, ABBAS, "leaderOf", PSE),
    R(4, BLAIR, "consult", IRQ),
    R(8, ABBAS, "leaderOf", PSE, modality=F, speaker=REYNOLDS),
    R(9, ABBAS, "consult", BLAIR),
    R(9, ABBAS, "support", BLAIR, speaker=ABBAS),
    R(9, BLAIR, "leaderOf", GBR),
    R(10, ABBAS, "support", BLAIR, speaker=ABBAS),
    R(12, ISR, "demand", PSE, modality=REP, speaker=BLAIR),
    R(14, SHARON, "accuse", PSE, speaker=SHARON),
    R(15, BLAIR, "consult", ISR),
    R(15, BLAIR, "consult", IRQ),
    R(17, GBR, "mobilize", IRQ),
]

UKIP = _o("uk-independence-party")
BRADY, KNAPMAN = _p("graham-brady"), _p("roger-knapman")
MANDELSON, ZOELLICK, GOOCH = _p("peter-mandelson"), _p("robert-zoellick"), _p("anthony-gooch")

RELATIONS[BBC + "bbc_politics_373.txt"] = [
    R(0, CHIRAC, "accuse", GBR),
    R(1, CHIRAC, "leaderOf", FRA),
    R(1, CHIRAC, "accuse", GBR),
    R(3, STRAW, "affiliatedWith", GBR),
    R(5, CHIRAC, "demand", GBR, speaker=CHIRAC),
    R(12, BRADY, "affiliatedWith", TORY),
    R(13, BARROSO, "leaderOf", EUROPEAN_COMMISSION),
    R(15, GBR, "request", EU, modality=D),
    R(15, FRA, "request", EU, modality=D),
    R(15, DEU, "request", EU, modality=D),
    R(15, AUT, "request", EU, modality=D),
    R(15, NLD, "request", EU, modality=D),
    R(15, SWE, "request", EU, modality=D),
    R(16, STRAW, "accuse", EUROPEAN_COMMISSION),
    R(22, KNAPMAN, "leaderOf", UKIP),
    R(26, BLAIR, "leaderOf", GBR),
    R(26, BLAIR, "consult", EU),
]

RELATIONS[BBC + "bbc_politics_280.txt"] = [
    R(1, BUSH, "leaderOf", USA),
    R(5, RICE, "affiliatedWith", USA),
    R(6, BLAIR, "consult", BUSH),
    R(8, USA, "assault", IRN, modality=H),
    R(10, GBR, "demand", IRN, modality=REP, speaker=BLAIR),
    R(10, FRA, "demand", IRN, modality=REP, speaker=BLAIR),
    R(10, DEU, "demand", IRN, modality=REP, speaker=BLAIR),
    R(10, GBR, "cooperate", FRA, modality=REP, speaker=BLAIR),
    R(10, GBR, "cooperate", DEU, modality=REP, speaker=BLAIR),
    R(10, FRA, "cooperate", DEU, modality=REP, speaker=BLAIR),
]

RELATIONS[BBC + "bbc_business_446.txt"] = [
    R(0, USA, "accuse", EU),
    R(1, USA, "request", WTO),
    R(1, WTO, "investigate", EU, modality=D),
    R(1, USA, "accuse", EU),
    R(2, USA, "accuse", EU, speaker=USA),
    R(6, USA, "retreat", EU),
    R(6, EU, "retreat", USA),
    R(7, MANDELSON, "affiliatedWith", EU),
    R(7, USA, "agree", EU, modality=REP, speaker=MANDELSON),
    R(7, USA, "consult", EU, modality=F, speaker=MANDELSON),
    R(7, USA, "accuse", EU),
    R(7, EU, "accuse", USA),
    R(8, USA, "request", WTO, speaker=USA),
    R(10, USA, "cooperate", EU, speaker=USA),
    R(11, ZOELLICK, "affiliatedWith", USA),
    R(11, USA, "accuse", EU, speaker=ZOELLICK),
    R(12, USA, "accuse", EU),
    R(12, EU, "reject", USA),
    R(13, EU, "reject", USA, speaker=GOOCH),
    R(14, EU, "reject", USA, speaker=GOOCH),
]

ZAF, BRA = map(_c, ("ZAF", "BRA"))
G8, IMF, OXFAM = _o("G8"), _o("IMF"), _o("oxfam")
AIRBUS, BOEING, UPS = _o("airbus"), _o("boeing"), _o("united-parcel-service")
EADS, BAE = _o("european-aeronautic-defence-and-space-company"), _o("bae-systems")
LIBDEM, DEMOCRATS = _o("liberal-democrats"), _o("democratic-party")
KENNEDY, CAMPBELL, BAKER = _p("charles-kennedy"), _p("menzies-campbell"), _p("norman-baker")
BROWN, LAWSON, TAYLOR = _p("gordon-brown"), _p("max-lawson"), _p("john-taylor")
MANUEL, MANDELA = _p("trevor-manuel"), _p("nelson-mandela")

RELATIONS[BBC + "bbc_business_424.txt"] = [
    R(0, EU, "agree", USA, modality=D),
    R(1, EU, "agree", USA, speaker=MANDELSON),
    R(1, EU, "consult", USA, modality=F, speaker=MANDELSON),
    R(1, MANDELSON, "affiliatedWith", EU),
    R(2, EU, "agree", USA, modality=D, speaker=MANDELSON),
    R(3, AIRBUS, "accuse", BOEING),
    R(3, BOEING, "accuse", AIRBUS),
    R(5, EU, "agree", USA, speaker=MANDELSON),
    R(7, USA, "agree", EU, NEG),
    R(8, USA, "accuse", EU),
    R(8, EU, "accuse", USA),
    R(8, USA, "aid", BOEING),
    R(9, USA, "agree", EU),
    R(9, USA, "retreat", EU),
    R(9, EU, "retreat", USA),
    R(9, USA, "consult", EU),
    R(10, EADS, "support", MANDELSON),
    R(10, BAE, "support", MANDELSON),
    R(12, UPS, "agree", AIRBUS, speaker=UPS),
]

RELATIONS[BBC + "bbc_politics_189.txt"] = [
    R(0, BLAIR, "support", BUSH),
    R(1, BLAIR, "cooperate", BUSH, modality=D),
    R(7, BLAIR, "request", USA),
    R(10, BLAIR, "support", KERRY),
    R(10, KERRY, "affiliatedWith", DEMOCRATS),
    R(11, GBR, "alliedWith", USA, modality=REP, speaker=BLAIR),
    R(11, BUSH, "leaderOf", USA),
    R(12, HOWARD, "leaderOf", TORY),
    R(12, HOWARD, "support", BUSH),
    R(13, KENNEDY, "leaderOf", LIBDEM),
    R(16, CAMPBELL, "affiliatedWith", LIBDEM),
    R(16, CAMPBELL, "accuse", BLAIR),
    R(16, BLAIR, "leaderOf", GBR),
    R(20, BAKER, "affiliatedWith", LIBDEM),
]

RELATIONS[BBC + "bbc_business_241.txt"] = [
    R(2, BROWN, "affiliatedWith", GBR),
    R(4, USA, "support", BROWN, NEG, speaker=USA),
    R(11, LAWSON, "affiliatedWith", OXFAM),
    R(11, LAWSON, "support", G7),
    R(12, LAWSON, "demand", G7),
    R(19, G7, "support", BROWN, modality=D),
    R(22, TAYLOR, "affiliatedWith", USA),
    R(27, MANUEL, "affiliatedWith", ZAF),
    R(28, MANUEL, "accuse", USA),
    R(29, GBR, "memberOf", G8),
    R(29, RUS, "memberOf", G8),
    R(31, MANDELA, "support", BROWN),
    R(31, MANDELA, "leaderOf", ZAF, NEG),
]

GRC, HKG = map(_c, ("GRC", "HKG"))
EPP, G20 = _o("european-people-s-party"), _o("G20")
EICHEL, GAYMARD, RADWAN, ALMUNIA = _p("hans-eichel"), _p("herve-gaymard"), _p("alexander-radwan"), _p("joaquin-almunia")
CHIDAMBARAM = _p("palaniappan-chidambaram")
WB = _o("WB")

RELATIONS[BBC + "bbc_business_413.txt"] = [
    R(1, EUROPEAN_COMMISSION, "retreat", FRA),
    R(1, EUROPEAN_COMMISSION, "retreat", DEU),
    R(1, EUROPEAN_COMMISSION, "accuse", FRA),
    R(1, EUROPEAN_COMMISSION, "accuse", DEU),
    R(2, FRA, "concede", EU),
    R(2, DEU, "concede", EU),
    R(3, EUROPEAN_COMMISSION, "threaten", FRA),
    R(3, EUROPEAN_COMMISSION, "threaten", DEU),
    R(7, FRA, "memberOf", EU),
    R(7, DEU, "memberOf", EU),
    R(8, EUROPEAN_COMMISSION, "accuse", FRA),
    R(8, EUROPEAN_COMMISSION, "accuse", DEU),
    R(9, EU, "retreat", FRA),
    R(9, EU, "retreat", DEU),
    R(9, EU, "demand", FRA),
    R(9, EU, "demand", DEU),
    R(13, DEU, "support", EUROPEAN_COMMISSION),
    R(13, EICHEL, "affiliatedWith", DEU),
    R(14, GAYMARD, "affiliatedWith", FRA),
    R(15, EPP, "accuse", EUROPEAN_COMMISSION),
    R(16, RADWAN, "affiliatedWith", EPP),
    R(16, DEU, "coerce", EUROPEAN_COMMISSION, modality=REP, speaker=RADWAN),
    R(16, FRA, "coerce", EUROPEAN_COMMISSION, modality=REP, speaker=RADWAN),
    R(16, EUROPEAN_COMMISSION, "concede", DEU, modality=REP, speaker=RADWAN),
    R(16, EUROPEAN_COMMISSION, "concede", FRA, modality=REP, speaker=RADWAN),
]

RELATIONS[BBC + "bbc_business_008.txt"] = [
    R(1, IND, "consult", G7),
    R(2, CHIDAMBARAM, "affiliatedWith", IND),
    R(2, CHIDAMBARAM, "accuse", G7),
    R(4, CHIDAMBARAM, "request", UN),
    R(4, CHIDAMBARAM, "request", WB),
    R(4, CHIDAMBARAM, "request", IMF),
    R(5, CHIDAMBARAM, "affiliatedWith", IND),
    R(5, CHIDAMBARAM, "request", UN),
    R(5, CHIDAMBARAM, "request", WB),
    R(5, CHIDAMBARAM, "request", IMF),
    R(7, CHIDAMBARAM, "consult", G7),
    R(8, BROWN, "affiliatedWith", GBR),
    R(10, IND, "consult", G7, modality=F),
    R(10, CHN, "consult", G7, modality=F),
    R(10, BRA, "consult", G7, modality=F),
    R(10, ZAF, "consult", G7, modality=F),
    R(10, RUS, "consult", G7, modality=F),
    R(11, G7, "accuse", CHN),
    R(11, USA, "accuse", CHN),
    R(11, USA, "memberOf", G7),
    R(14, IMF, "accuse", IND),
]

RELATIONS[BBC + "bbc_business_505.txt"] = [
    R(0, CHN, "cooperate", JPN),
    R(1, CHN, "cooperate", JPN, modality=REP, speaker=JPN),
    R(1, JPN, "cooperate", USA, modality=REP, speaker=JPN),
    R(2, CHN, "cooperate", JPN),
    R(2, JPN, "cooperate", USA),
    R(5, JPN, "cooperate", CHN),
    R(5, JPN, "cooperate", HKG),
    R(6, JPN, "cooperate", CHN),
    R(9, CHN, "cooperate", JPN, modality=F),
    R(11, CHN, "memberOf", WTO),
    R(12, JPN, "cooperate", USA),
]

TKM = _c("TKM")
NAFTOHAZ, TURKCELL, MTN, TAV = _o("naftohaz"), _o("turkcell"), _o("mtn-group"), _o("tav")
BABACAN, RATO, NIYAZOV, BOYKO = _p("ali-babacan"), _p("rodrigo-de-rato"), _p("saparmurat-niyazov"), _p("yury-boyko")
OLMERT, DOGUSOY = _p("ehud-olmert"), _p("ruhi-dogusoy")

RELATIONS[BBC + "bbc_business_469.txt"] = [
    R(0, IMF, "agree", TUR),
    R(0, IMF, "aid", TUR, modality=F),
    R(1, TUR, "agree", IMF),
    R(1, IMF, "aid", TUR, modality=F),
    R(1, IMF, "aid", TUR),
    R(2, TUR, "agree", IMF),
    R(2, IMF, "aid", TUR),
    R(2, IMF, "aid", TUR, modality=F),
    R(6, TUR, "dependsOn", IMF),
    R(7, BABACAN, "affiliatedWith", TUR),
    R(7, TUR, "agree", IMF, speaker=BABACAN),
    R(8, RATO, "leaderOf", IMF),
    R(8, IMF, "aid", TUR, modality=F, speaker=RATO),
    R(13, TUR, "seeksMembershipIn", EU),
    R(14, EU, "consult", TUR, modality=H),
    R(15, USA, "memberOf", IMF),
    R(15, USA, "support", TUR),
]

RELATIONS[BBC + "bbc_business_378.txt"] = [
    R(0, UKR, "agree", TKM),
    R(1, UKR, "agree", TKM),
    R(1, UKR, "concede", TKM),
    R(1, UKR, "dependsOn", TKM),
    R(2, UKR, "agree", TKM),
    R(2, TKM, "coerce", UKR),
    R(3, UKR, "dependsOn", TKM),
    R(4, TKM, "agree", RUS, modality=D),
    R(4, RUS, "dependsOn", TKM, NEG),
    R(5, NIYAZOV, "leaderOf", TKM),
    R(7, BOYKO, "leaderOf", NAFTOHAZ),
    R(7, NAFTOHAZ, "affiliatedWith", UKR),
    R(8, TKM, "coerce", UKR),
    R(8, TKM, "threaten", UKR),
    R(9, TKM, "demand", RUS, modality=F, speaker=NIYAZOV),
    R(10, RUS, "dependsOn", TKM, modality=REP),
    R(10, GAZPROM, "affiliatedWith", RUS, modality=REP),
]

RELATIONS[BBC + "bbc_business_074.txt"] = [
    R(0, TUR, "agree", IRN),
    R(1, TUR, "cooperate", IRN, NEG, F),
    R(1, TURKCELL, "affiliatedWith", TUR),
    R(1, IRN, "coerce", TURKCELL),
    R(2, IRN, "coerce", TURKCELL),
    R(8, MTN, "agree", IRN, modality=H),
]

RELATIONS[BBC + "bbc_business_092.txt"] = [
    R(1, TURKCELL, "affiliatedWith", TUR),
    R(1, TURKCELL, "cooperate", IRN, NEG, H),
    R(1, IRN, "coerce", TURKCELL),
    R(9, IRN, "accuse", TURKCELL),
    R(9, TURKCELL, "cooperate", ISR, modality=REP, speaker=IRN),
    R(15, TUR, "cooperate", ISR),
    R(16, OLMERT, "affiliatedWith", ISR),
    R(16, OLMERT, "consult", DOGUSOY, modality=REP),
    R(16, DOGUSOY, "affiliatedWith", TURKCELL),
    R(19, TAV, "cooperate", ISR, modality=REP),
]

VNM, SDN = map(_c, ("VNM", "SDN"))
VEB, YUGANSK = _o("vnesheconombank"), _o("yuganskneftegas")
OGANESYAN, KHODORKOVSKY, LUKASHOV = _p("sergei-oganesyan"), _p("mikhail-khodorkovsky"), _p("dmitry-lukashov")
WESTWOOD = _p("john-westwood")

RELATIONS[BBC + "bbc_business_077.txt"] = [
    R(1, CHN, "aid", RUS),
    R(1, RUS, "coerce", YUKOS),
    R(2, VEB, "affiliatedWith", RUS, speaker=RUS),
    R(2, VEB, "aid", ROSNEFT, speaker=RUS),
    R(3, ROSNEFT, "agree", CHN, modality=REP, speaker=RUS),
    R(4, CNPC, "aid", ROSNEFT),
    R(4, CNPC, "affiliatedWith", CHN),
    R(7, YUKOS, "accuse", CNPC, modality=H),
    R(9, ROSNEFT, "agree", CNPC, modality=REP, speaker=OGANESYAN),
    R(9, OGANESYAN, "affiliatedWith", RUS),
    R(17, ROSNEFT, "agree", CNPC),
    R(19, CHN, "coerce", RUS, modality=D, speaker=LUKASHOV),
]

RELATIONS[BBC + "bbc_business_399.txt"] = [
    R(1, ONGC, "affiliatedWith", IND),
    R(2, RAHA, "affiliatedWith", ONGC),
    R(2, ONGC, "consult", RUS, speaker=RAHA),
    R(4, RUS, "coerce", YUKOS),
    R(7, AIYAR, "affiliatedWith", IND),
    R(7, AIYAR, "consult", RUS),
    R(7, PUTIN, "leaderOf", RUS),
    R(7, PUTIN, "consult", IND),
    R(19, ONGC, "affiliatedWith", IND),
    R(20, ONGC, "cooperate", ROSNEFT),
    R(24, PUTIN, "coerce", KHODORKOVSKY),
    R(24, KHODORKOVSKY, "leaderOf", YUKOS, NEG),
    R(25, YUKOS, "accuse", RUS),
]

CIV, ESP, CAN = map(_c, ("CIV", "ESP", "CAN"))
GBAGBO, MCCAIN = _p("laurent-gbagbo"), _p("john-mccain")

RELATIONS[BBC + "bbc_politics_129.txt"] = [
    R(0, GBR, "mobilize", CIV),
    R(1, GBR, "mobilize", CIV, speaker=GBR),
    R(3, CHIRAC, "assault", CIV),
    R(3, CHIRAC, "leaderOf", FRA),
    R(8, FRA, "mobilize", CIV),
    R(8, GBAGBO, "leaderOf", CIV),
    R(8, GBAGBO, "assault", FRA),
]

RELATIONS[BBC + "bbc_politics_017.txt"] = [
    R(5, G8, "demand", WB, modality=REP),
    R(5, G8, "demand", IMF, modality=REP),
    R(6, BROWN, "consult", G8),
    R(6, GBR, "memberOf", G8),
]

RELATIONS[BBC + "bbc_politics_197.txt"] = [
    R(0, BLAIR, "demand", USA),
    R(1, BLAIR, "demand", USA, speaker=GBR),
    R(2, BLAIR, "consult", MCCAIN),
    R(3, GBR, "memberOf", G8),
    R(3, GBR, "memberOf", EU),
    R(5, BLAIR, "leaderOf", GBR),
    R(5, BLAIR, "agree", USA, modality=D),
    R(6, BLAIR, "consult", MCCAIN, modality=REP),
    R(7, BLAIR, "accuse", USA, modality=REP),
]

PRT, CZE = map(_c, ("PRT", "CZE"))
LABOUR, CARE, RESPECT = _o("labour-party"), _o("care-international"), _o("respect-coalition")
GALLOWAY, HASSAN = _p("george-galloway"), _p("margaret-hassan")
BLUNKETT, DAVIS, OATEN = _p("david-blunkett"), _p("david-davis"), _p("mark-oaten")

RELATIONS[BBC + "bbc_politics_093.txt"] = [
    R(1, KENNEDY, "request", BLAIR),
    R(1, KENNEDY, "leaderOf", LIBDEM),
    R(1, BLAIR, "retreat", IRQ, modality=D, speaker=KENNEDY),
    R(5, GBR, "mobilize", IRQ, modality=REP, speaker=KENNEDY),
    R(5, USA, "mobilize", IRQ, modality=REP, speaker=KENNEDY),
    R(7, NLD, "mobilize", IRQ, modality=REP, speaker=KENNEDY),
    R(7, PRT, "mobilize", IRQ, modality=REP, speaker=KENNEDY),
    R(7, CZE, "mobilize", IRQ, modality=REP, speaker=KENNEDY),
    R(7, NLD, "retreat", IRQ, modality=F, speaker=KENNEDY),
    R(7, PRT, "retreat", IRQ, modality=F, speaker=KENNEDY),
    R(7, CZE, "retreat", IRQ, modality=F, speaker=KENNEDY),
    R(8, KENNEDY, "accuse", GBR),
    R(9, KENNEDY, "request", BLAIR),
    R(10, KENNEDY, "request", BLAIR),
    R(11, GBR, "mobilize", IRQ),
    R(11, GBR, "retreat", IRQ, modality=D, speaker=KENNEDY),
]

RELATIONS[BBC + "bbc_politics_150.txt"] = [
    R(1, GALLOWAY, "affiliatedWith", LABOUR, NEG),
    R(2, HASSAN, "affiliatedWith", CARE),
    R(3, GALLOWAY, "affiliatedWith", LABOUR, NEG),
    R(3, LABOUR, "sanction", GALLOWAY),
    R(5, GALLOWAY, "affiliatedWith", RESPECT),
    R(10, HASSAN, "request", GBR),
    R(10, GBR, "retreat", IRQ, modality=D),
    R(11, HASSAN, "request", CARE),
    R(11, HASSAN, "affiliatedWith", CARE),
]

RELATIONS[BBC + "bbc_politics_193.txt"] = [
    R(0, TORY, "accuse", EU),
    R(2, DAVIS, "affiliatedWith", TORY),
    R(6, GBR, "memberOf", EU, modality=REP, speaker=BLUNKETT),
    R(7, DAVIS, "affiliatedWith", TORY),
    R(8, DAVIS, "accuse", GBR),
    R(13, DAVIS, "accuse", GBR),
    R(14, GBR, "agree", EU, modality=REP, speaker=DAVIS),
    R(18, BLUNKETT, "consult", EU),
    R(20, GBR, "memberOf", EU),
    R(22, OATEN, "affiliatedWith", LIBDEM),
]

MENATEP, LUFTHANSA = _o("group-menatep"), _o("lufthansa")
OSBORNE, GAILLARD, LAMBERTY = _p("tim-osborne"), _p("emmanuel-gaillard"), _p("michael-lamberty")

RELATIONS[BBC + "bbc_business_127.txt"] = [
    R(0, MENATEP, "accuse", RUS),
    R(1, MENATEP, "accuse", RUS),
    R(2, RUS, "coerce", YUKOS),
    R(4, MENATEP, "request", ROSNEFT),
    R(5, RUS, "accuse", YUKOS),
    R(6, RUS, "accuse", YUKOS),
    R(6, RUS, "coerce", YUKOS),
    R(8, MENATEP, "accuse", RUS, speaker=MENATEP),
    R(9, MENATEP, "threaten", RUS, speaker=OSBORNE),
    R(9, OSBORNE, "affiliatedWith", MENATEP),
    R(9, RUS, "coerce", YUKOS, modality=REP, speaker=OSBORNE),
    R(12, GAILLARD, "affiliatedWith", MENATEP),
    R(20, KHODORKOVSKY, "affiliatedWith", MENATEP),
]

RELATIONS[BBC + "bbc_business_064.txt"] = [
    R(1, LUFTHANSA, "accuse", DEU, modality=H),
    R(1, BUSH, "leaderOf", USA),
    R(5, LAMBERTY, "affiliatedWith", LUFTHANSA),
    R(7, LUFTHANSA, "accuse", DEU, modality=H, speaker=LAMBERTY),
    R(10, BUSH, "consult", DEU),
]

ARG, BOL, LVA, SUN, POL = map(_c, ("ARG", "BOL", "LVA", "SUN", "POL"))
AEA, SUEZ, AGUAS = _o("association-of-european-airlines"), _o("suez"), _o("aguas-argentinas")
SCHULTE, DEVIDO, LAVAGNA, KIRCHNER = (_p("ulrich-schulte-strathaus"), _p("julio-de-vido"), _p("roberto-lavagna"),
                                      _p("nestor-kirchner"))
MAKAROV, GORDIEVSKY, KAHN = _p("viktor-makarov"), _p("oleg-gordievsky"), _p("david-kahn")

RELATIONS[BBC + "bbc_business_065.txt"] = [
    R(8, SCHULTE, "leaderOf", AEA),
    R(13, FRA, "cooperate", DEU),
    R(13, EU, "support", FRA, modality=REP),
    R(13, EU, "support", DEU, modality=REP),
]

RELATIONS[BBC + "bbc_business_501.txt"] = [
    R(1, SUEZ, "affiliatedWith", FRA),
    R(3, ARG, "reject", AGUAS),
    R(3, ARG, "demand", AGUAS, modality=D),
    R(7, ARG, "consult", AGUAS, speaker=DEVIDO),
    R(8, AGUAS, "reject", ARG, speaker=AGUAS),
    R(9, DEVIDO, "threaten", AGUAS, modality=H),
    R(11, LAVAGNA, "affiliatedWith", ARG),
    R(11, ARG, "concede", AGUAS, modality=H, speaker=LAVAGNA),
    R(11, ARG, "aid", AGUAS, modality=H, speaker=LAVAGNA),
    R(18, AGUAS, "accuse", ARG),
    R(19, KIRCHNER, "leaderOf", ARG),
    R(22, AGUAS, "agree", ARG),
    R(25, KIRCHNER, "consult", CHIRAC),
    R(25, CHIRAC, "leaderOf", FRA),
    R(26, EU, "coerce", ARG),
    R(26, IMF, "coerce", ARG),
]

RELATIONS[BBC + "bbc_politics_053.txt"] = [
    R(2, MAKAROV, "accuse", GBR),
    R(8, GORDIEVSKY, "affiliatedWith", GBR),
    R(8, GORDIEVSKY, "support", GBR),
    R(9, GORDIEVSKY, "accuse", MAKAROV, speaker=GORDIEVSKY),
    R(10, KAHN, "support", MAKAROV),
    R(11, KAHN, "accuse", GBR, speaker=KAHN),
    R(16, SUN, "coerce", POL),
    R(17, MAKAROV, "cooperate", GBR),
    R(18, MAKAROV, "affiliatedWith", GBR),
    R(19, MAKAROV, "consult", GBR),
    R(22, MAKAROV, "accuse", GBR),
    R(22, MAKAROV, "agree", GBR),
    R(24, GBR, "agree", MAKAROV, modality=REP),
]

CITIGROUP, DEUTSCHE, GAZPROMNEFT = _o("citigroup"), _o("deutsche-bank"), _o("gazpromneft")
YUSHCHENKO, KUCHMA, YANUKOVYCH = _p("viktor-yushchenko"), _p("leonid-kuchma"), _p("viktor-yanukovych")
RYBACHUK, VERON = _p("oleg-rybachuk"), _p("claude-veron-reville")
FISCHER, NETANYAHU, SHULTZ = _p("stanley-fischer"), _p("binyamin-netanyahu"), _p("george-shultz")
BUTLER, MISAMORE, CLARK = _p("william-butler"), _p("bruce-misamore"), _p("letitia-clark")

RELATIONS[BBC + "bbc_business_217.txt"] = [
    R(3, KUCHMA, "leaderOf", UKR, NEG),
    R(3, UKR, "cooperate", EU, modality=D),
    R(4, EU, "request", USA, speaker=EU),
    R(4, USA, "support", UKR, modality=D, speaker=EU),
    R(4, UKR, "seeksMembershipIn", WTO),
    R(5, YUSHCHENKO, "consult", BUSH, modality=F),
    R(5, YUSHCHENKO, "consult", NATO, modality=F),
    R(5, BUSH, "leaderOf", USA),
    R(5, USA, "memberOf", NATO),
    R(6, NATO, "consult", YUSHCHENKO, modality=F),
    R(7, RUS, "support", YANUKOVYCH),
    R(14, RYBACHUK, "request", EU),
    R(14, RYBACHUK, "affiliatedWith", UKR),
    R(15, UKR, "memberOf", EU, NEG, REP, RYBACHUK),
    R(15, UKR, "request", EU, speaker=RYBACHUK),
    R(19, EU, "support", UKR, speaker=VERON),
    R(19, UKR, "seeksMembershipIn", WTO),
    R(19, UKR, "memberOf", WTO, modality=D, speaker=VERON),
    R(19, VERON, "affiliatedWith", EU),
    R(19, MANDELSON, "affiliatedWith", EU),
    R(20, EU, "consult", USA, speaker=VERON),
    R(21, UKR, "memberOf", WTO, modality=D, speaker=VERON),
    R(22, YUSHCHENKO, "cooperate", RUS, modality=D, speaker=YUSHCHENKO),
    R(23, RUS, "cooperate", UKR, modality=REP, speaker=YUSHCHENKO),
]

RELATIONS[BBC + "bbc_business_423.txt"] = [
    R(2, FISCHER, "affiliatedWith", CITIGROUP),
    R(2, FISCHER, "affiliatedWith", ISR, modality=F),
    R(2, FISCHER, "agree", ISR),
    R(3, SHARON, "support", FISCHER),
    R(7, NETANYAHU, "support", FISCHER),
    R(7, SHARON, "support", FISCHER),
    R(10, FISCHER, "affiliatedWith", USA, NEG),
    R(10, SHULTZ, "affiliatedWith", USA, NEG),
    R(11, FISCHER, "affiliatedWith", WB, NEG),
    R(11, FISCHER, "aid", ISR),
]

RELATIONS[BBC + "bbc_business_192.txt"] = [
    R(2, USA, "agree", RUS, NEG, REP, BUTLER),
    R(3, RUS, "concede", USA, NEG, H, BUTLER),
    R(5, RUS, "coerce", YUGANSK),
    R(8, DEUTSCHE, "reject", USA),
    R(8, GAZPROMNEFT, "reject", USA),
    R(8, GAZPROM, "agree", ROSNEFT, modality=F),
    R(9, DEUTSCHE, "reject", USA, speaker=DEUTSCHE),
    R(9, MISAMORE, "affiliatedWith", YUKOS),
    R(10, YUKOS, "accuse", DEUTSCHE),
    R(11, DEUTSCHE, "agree", GAZPROMNEFT),
    R(11, DEUTSCHE, "aid", GAZPROMNEFT),
    R(12, CLARK, "affiliatedWith", USA),
    R(13, YUKOS, "accuse", RUS, speaker=YUKOS),
    R(14, YUKOS, "accuse", RUS, speaker=YUKOS),
    R(14, RUS, "coerce", YUKOS, modality=REP, speaker=YUKOS),
    R(14, RUS, "investigate", KHODORKOVSKY),
    R(15, MENATEP, "accuse", RUS),
]

CSK = _c("CSK")
VERITAS, CATHOLIC_EW = _o("veritas"), _o("catholic-church-in-england-and-wales")
NATTRASS, KILROY, FARAGE, BATTEN = (_p("mike-nattrass"), _p("robert-kilroy-silk"), _p("nigel-farage"),
                                    _p("gerard-batten"))
MURPHY, WILLIAMS = _p("cormac-murphy-o-connor"), _p("rowan-williams")

RELATIONS[BBC + "bbc_politics_292.txt"] = [
    R(2, NATTRASS, "affiliatedWith", UKIP),
    R(3, NATTRASS, "accuse", DEU, NEG, speaker=NATTRASS),
    R(5, KILROY, "affiliatedWith", UKIP, NEG),
    R(6, KILROY, "affiliatedWith", UKIP, NEG),
    R(6, KILROY, "accuse", UKIP),
    R(8, NATTRASS, "accuse", DEU, speaker=NATTRASS),
    R(11, NATTRASS, "accuse", EU, speaker=NATTRASS),
    R(12, NATTRASS, "accuse", EU, speaker=NATTRASS),
    R(13, NATTRASS, "accuse", DEU, NEG, speaker=NATTRASS),
    R(20, KNAPMAN, "leaderOf", UKIP),
    R(21, KILROY, "affiliatedWith", UKIP, modality=REP, speaker=KILROY),
    R(22, KILROY, "accuse", FARAGE, speaker=KILROY),
    R(23, KILROY, "accuse", FARAGE, speaker=KILROY),
    R(24, UKIP, "accuse", KILROY),
    R(26, KILROY, "reject", UKIP, speaker=KILROY),
    R(30, BATTEN, "affiliatedWith", UKIP),
    R(30, KILROY, "accuse", UKIP, modality=REP, speaker=BATTEN),
    R(33, KILROY, "leaderOf", VERITAS, modality=F),
]

RELATIONS[BBC + "bbc_politics_060.txt"] = [
    R(2, MURPHY, "leaderOf", CATHOLIC_EW),
    R(13, WILLIAMS, "accuse", GBR),
    R(17, BLAIR, "leaderOf", GBR),
    R(17, GBR, "memberOf", G8),
]
