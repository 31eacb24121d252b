"""Relation rule families of graphbuild/relations/patterns.py on hand-built parses: no statistical model loads.

Each case is a parse as en_core_web_sm gives it (words, dependency labels, heads, coarse POS, lemmas), written
out by hand, so a rule is tested on the tree it reads, whatever a model version makes of the sentence.  The
model-backed tests (tests/test_relations*.py) check that real parses reach the rules.
"""

from __future__ import annotations

import pytest

from graphbuild.model import Article
from graphbuild.relations import extract_relations
from graphbuild.relations import patterns
from graphbuild.relations.actors import ActorIndex

# (family, rows, expected (subject, relation, object, pattern family)) -- rows: (word, dep, head, pos[, lemma])
CASES = {
    "verb_active": (patterns.verb_relations, [
        ("Russia", "nsubj", 1, "PROPN"), ("threatened", "ROOT", 1, "VERB", "threaten"),
        ("Ukraine", "dobj", 1, "PROPN"), (".", "punct", 1, "PUNCT"),
    ], {("country/RUS", "threaten", "country/UKR", "verb")}),
    "verb_passive_agent_is_the_subject": (patterns.verb_relations, [
        ("Ukraine", "nsubjpass", 2, "PROPN"), ("was", "auxpass", 2, "AUX", "be"),
        ("attacked", "ROOT", 2, "VERB", "attack"), ("by", "agent", 2, "ADP"), ("Russia", "pobj", 3, "PROPN"),
        (".", "punct", 2, "PUNCT"),
    ], {("country/RUS", "assault", "country/UKR", "verb")}),
    "verb_control_chain_retyped_by_its_governor": (patterns.verb_relations, [
        ("Ukraine", "nsubj", 1, "PROPN"), ("wants", "ROOT", 1, "VERB", "want"), ("to", "aux", 3, "PART"),
        ("join", "xcomp", 1, "VERB"), ("NATO", "dobj", 3, "PROPN"), (".", "punct", 1, "PUNCT"),
    ], {("country/UKR", "seeksMembershipIn", "org/NATO", "verb")}),
    "noun_object_of_a_support_verb": (patterns.noun_relations, [
        ("The", "det", 1, "DET", "the"), ("EU", "nsubj", 2, "PROPN"), ("imposed", "ROOT", 2, "VERB", "impose"),
        ("sanctions", "dobj", 2, "NOUN", "sanction"), ("on", "prep", 3, "ADP"), ("Russia", "pobj", 4, "PROPN"),
        (".", "punct", 2, "PUNCT"),
    ], {("org/EU", "sanction", "country/RUS", "noun")}),
    "noun_with_prepositional_partner": (patterns.noun_relations, [
        ("NATO", "nsubj", 1, "PROPN"), ("held", "ROOT", 1, "VERB", "hold"), ("talks", "dobj", 1, "NOUN", "talk"),
        ("with", "prep", 2, "ADP"), ("Russia", "pobj", 3, "PROPN"), (".", "punct", 1, "PUNCT"),
    ], {("org/NATO", "consult", "country/RUS", "noun")}),
    "noun_pair_preposition_between": (patterns.noun_relations, [
        ("Talks", "nsubj", 5, "NOUN", "talk"), ("between", "prep", 0, "ADP"), ("NATO", "pobj", 1, "PROPN"),
        ("and", "cc", 2, "CCONJ"), ("Russia", "conj", 2, "PROPN"), ("resumed", "ROOT", 5, "VERB", "resume"),
        (".", "punct", 5, "PUNCT"),
    ], {("org/NATO", "consult", "country/RUS", "noun")}),
    "adjective_predicate": (patterns.adjective_relations, [
        ("Belarus", "nsubj", 1, "PROPN"), ("is", "ROOT", 1, "AUX", "be"), ("dependent", "acomp", 1, "ADJ"),
        ("on", "prep", 2, "ADP"), ("Russia", "pobj", 3, "PROPN"), (".", "punct", 1, "PUNCT"),
    ], {("country/BLR", "dependsOn", "country/RUS", "adj")}),
    "member_list_after_an_organisation_noun": (patterns.list_relations, [
        ("CSTO", "compound", 1, "PROPN"), ("countries", "nsubj", 5, "NOUN", "country"),
        ("Kazakhstan", "appos", 1, "PROPN"), ("and", "cc", 2, "CCONJ"), ("Armenia", "conj", 2, "PROPN"),
        ("met", "ROOT", 5, "VERB", "meet"), (".", "punct", 5, "PUNCT"),
    ], {("country/KAZ", "memberOf", "org/CSTO", "list"), ("country/ARM", "memberOf", "org/CSTO", "list")}),
    "within_an_organisation": (patterns.list_relations, [
        ("Belarus", "nsubj", 1, "PROPN"), ("formed", "ROOT", 1, "VERB", "form"), ("a", "det", 3, "DET"),
        ("group", "dobj", 1, "NOUN"), ("within", "prep", 1, "ADP"), ("the", "det", 6, "DET"),
        ("CSTO", "pobj", 4, "NOUN"), (".", "punct", 1, "PUNCT"),
    ], {("country/BLR", "memberOf", "org/CSTO", "within")}),
    "deontic_clause_is_a_demand": (patterns.deontic_demands, [
        ("Britain", "nsubj", 1, "PROPN"), ("said", "ROOT", 1, "VERB", "say"), ("Libya", "nsubj", 4, "PROPN"),
        ("must", "aux", 4, "AUX"), ("hand", "ccomp", 1, "VERB"), ("over", "prt", 4, "ADP"),
        ("the", "det", 7, "DET"), ("suspects", "dobj", 4, "NOUN", "suspect"), (".", "punct", 1, "PUNCT"),
    ], {("country/GBR", "demand", "country/LBY", "clause")}),
}


def _found(family, rows, handbuilt, lexicon) -> set[tuple[str, str, str, str]]:
    doc, mentions, entities = handbuilt(rows)
    index = ActorIndex(doc, mentions, entities, lexicon)
    (sent,) = doc.sents
    return {(c.subject.entity_id, c.relation, c.object.entity_id, c.pattern.split(":")[0])
            for c in family(sent, index, lexicon)}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rules_handbuilt_family_reads_its_parse(case, handbuilt, lexicon) -> None:
    family, rows, expected = CASES[case]
    assert _found(family, rows, handbuilt, lexicon) == expected


def test_rules_handbuilt_no_argument_no_relation(handbuilt, lexicon) -> None:
    # "Russia threatened retaliation": a lexicon verb whose object is no actor
    rows = [("Russia", "nsubj", 1, "PROPN"), ("threatened", "ROOT", 1, "VERB", "threaten"),
            ("retaliation", "dobj", 1, "NOUN"), (".", "punct", 1, "PUNCT")]
    assert _found(patterns.verb_relations, rows, handbuilt, lexicon) == set()


def test_rules_handbuilt_extract_relations_negation_and_evidence(handbuilt, lexicon) -> None:
    rows = [("Russia", "nsubj", 3, "PROPN"), ("did", "aux", 3, "AUX", "do"), ("not", "neg", 3, "PART"),
            ("threaten", "ROOT", 3, "VERB"), ("Ukraine", "dobj", 3, "PROPN"), (".", "punct", 3, "PUNCT")]
    doc, mentions, entities = handbuilt(rows)
    article = Article("t", doc.text, date="2024-05-01")
    (r,) = extract_relations(doc, article, mentions, entities, lexicon=lexicon)
    assert (r.subject, r.relation, r.object, r.negated) == ("country/RUS", "threaten", "country/UKR", True)
    assert (r.sentence, r.start, r.date, r.trigger) == ("Russia did not threaten Ukraine.", 0, "2024-05-01", "threaten")
