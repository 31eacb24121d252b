"""Merging document results: cross-document identity of actors outside the gazetteer."""

from __future__ import annotations

from graphbuild.orchestration.merge import merge_results
from graphbuild.model import Article, DocResult, Entity, Mention, Relation


class _NoGazetteer:
    def get(self, entity_id: str) -> None:
        return None


def _doc(doc_id: str, person: Entity) -> DocResult:
    text = f"{person.label} said Belarus depends on Russia."
    return DocResult(
        article=Article(doc_id=doc_id, text=text),
        mentions=(Mention(doc_id, 0, len(person.label), person.label, person.id, "ner"),),
        relations=(Relation(doc_id, "country/BLR", "dependsOn", "country/RUS", text, 0, len(text),
                            speaker=person.id),),
        new_entities=(person,),
    )


def test_merge_spelling_variants_of_minted_persons_become_one_actor() -> None:
    andrei = Entity("person/andrei-porotnikov", "Andrei Porotnikov", "Person", in_gazetteer=False)
    andrew = Entity("person/andrew-porotnikov", "Andrew Porotnikov", "Person", in_gazetteer=False)
    graph = merge_results([_doc("a", andrei), _doc("b", andrei), _doc("c", andrew)], _NoGazetteer())
    persons = [e for e in graph.entities.values() if e.type == "Person"]
    assert [p.id for p in persons] == ["person/andrei-porotnikov"]
    assert {r.speaker for r in graph.relations} == {"person/andrei-porotnikov"}
    assert graph.mention_counts["person/andrei-porotnikov"] == 3
    assert "Andrew Porotnikov" in persons[0].aliases


def test_merge_different_people_stay_apart() -> None:
    a = Entity("person/maryna-kaval", "Maryna Kaval", "Person", in_gazetteer=False)
    b = Entity("person/ivan-petrov", "Ivan Petrov", "Person", in_gazetteer=False)
    graph = merge_results([_doc("a", a), _doc("b", b)], _NoGazetteer())
    assert sorted(e.id for e in graph.entities.values() if e.type == "Person") == [
        "person/ivan-petrov", "person/maryna-kaval"]
