"""Entity quality pass: table-driven checks on labels, and the rewrite of document results."""

from __future__ import annotations

import pytest

from graphbuild.model import Article, DocResult, Entity, Mention, Relation
from graphbuild.quality import assess, clean_results, generic_noun, person_name, tokenisation_junk

GIVEN = frozenset({"nicola", "philippe", "louise", "paul", "vince", "alan"})


@pytest.mark.parametrize("label, kind, fixed", [
    ("ofNew Labour", "relabel", "New Labour"),
    ("British British Casino Association", "relabel", "British Casino Association"),
    ("pro-Iraq war Labour MP", "junk", None),
    ("working party", "junk", None),
    ("--", "junk", None),
    ("Yukos's", "relabel", "Yukos"),
    ("DaimlerChrysler", "ok", None),   # inner capitals are a name, not glue
    ("McLetchie", "ok", None),
    ("European Union", "ok", None),
])
def test_quality_tokenisation_junk(label, kind, fixed):
    v = tokenisation_junk(label)
    assert (v.kind, v.label) == (kind, fixed)


@pytest.mark.parametrize("label, kind", [
    ("Government", "generic"), ("Crown", "generic"), ("Budget", "generic"), ("Cabinet", "generic"),
    ("Home Affairs", "generic"), ("Trade and Industry", "generic"), ("State for Culture", "generic"),
    ("Labour MPs", "generic"), ("UKIP MEP", "generic"),
    ("Home Office", "ok"), ("Department for Constitutional Affairs", "ok"), ("Yukos", "ok"),
    ("Federal Reserve", "ok"), ("Scottish National Party", "ok"),
])
def test_quality_generic_noun(label, kind):
    assert generic_noun(label).kind == kind


@pytest.mark.parametrize("label, name", [
    ("Nicola Sturgeon", "Nicola Sturgeon"), ("Philippe Sands QC", "Philippe Sands"),
    ("Lawyer Louise Christian", "Louise Christian"), ("Paul Boateng MP", "Paul Boateng"),
    ("Rinat Akhmetov", None),            # unknown given name: left alone
    ("Alan Association", None),          # an organisation word
    ("Liberal Democrats", None), ("Vince", None),
])
def test_quality_person_name(label, name):
    assert person_name(label, GIVEN) == name


def test_quality_assess_types_and_gazetteer_actors():
    org = Entity("org/nicola-sturgeon", "Nicola Sturgeon", "Organization", in_gazetteer=False)
    v = assess(org, GIVEN)
    assert (v.kind, v.label, v.type) == ("retype", "Nicola Sturgeon", "Person")
    party = Entity("person/new-labour", "New Labour", "Person", in_gazetteer=False)
    assert (assess(party, GIVEN).kind, assess(party, GIVEN).type) == ("retype", "Organization")
    assert assess(Entity("org/budget", "Budget", "Organization", in_gazetteer=False)).kind == "generic"
    # a gazetteer actor is never touched, whatever its label
    assert assess(Entity("org/G8", "Group", "Organization"), GIVEN).kind == "ok"


class _Gaz:
    def get(self, eid):
        return None

    def entities(self):
        return iter([Entity("person/nicola-x", "Nicola X", "Person")])


def test_quality_clean_results_drops_merges_and_retypes():
    text = "Budget. Nicola Sturgeon met Paul Boateng MP and Paul Boateng."
    ents = (
        Entity("org/budget", "Budget", "Organization", in_gazetteer=False),
        Entity("org/nicola-sturgeon", "Nicola Sturgeon", "Organization", in_gazetteer=False),
        Entity("person/paul-boateng-mp", "Paul Boateng MP", "Person", in_gazetteer=False),
        Entity("person/paul-boateng", "Paul Boateng", "Person", in_gazetteer=False),
    )
    mentions = (
        Mention("d", 0, 6, "Budget", "org/budget", "ner"),
        Mention("d", 8, 23, "Nicola Sturgeon", "org/nicola-sturgeon", "ner"),
    )
    rels = (
        Relation("d", "org/budget", "threaten", "org/nicola-sturgeon", text, 0, 10),
        Relation("d", "org/nicola-sturgeon", "consult", "person/paul-boateng-mp", text, 0, 10),
        Relation("d", "person/paul-boateng", "consult", "person/paul-boateng-mp", text, 0, 10),
    )
    out = clean_results([DocResult(Article("d", text), mentions, rels, ents)], _Gaz())
    (r,) = out
    assert [(x.subject, x.relation, x.object) for x in r.relations] == [
        ("person/nicola-sturgeon", "consult", "person/paul-boateng")]  # Budget's claim and the self-loop are gone
    assert [m.entity_id for m in r.mentions] == [None, "person/nicola-sturgeon"]
    ids = {e.id: e for e in r.new_entities}
    assert set(ids) == {"person/paul-boateng", "person/nicola-sturgeon"}
    assert ids["person/nicola-sturgeon"].type == "Person"
