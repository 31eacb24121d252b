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


def test_merge_build_records_read_mentions_from_the_cache_and_equal_an_in_memory_merge(tmp_path, fake_pipeline):
    from graphbuild.config import Config
    from graphbuild.orchestration.extract_corpus import run_extraction
    from graphbuild.orchestration.merge import MentionStream, merge_summaries

    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in {"b": "Russia backs Serbia and Russia.", "a": "NATO met Belarus.", "c": "China aids Laos."}.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    config = Config(corpus=corpus, output=tmp_path / "out")
    run = run_extraction(config)
    records = merge_summaries(run.summaries, run.gazetteer, run.store.load)
    assert isinstance(records.mentions, MentionStream) and not run.store._held  # nothing held in memory
    expected = merge_results(run.results, run.gazetteer)
    assert [a.doc_id for a in records.articles] == ["a", "b", "c"] and all(not a.text for a in records.articles)
    assert list(records.mentions) == list(expected.mentions) and len(records.mentions) == len(expected.mentions)
    assert records.relations == expected.relations and records.entities == expected.entities
    assert (records.mention_counts, records.document_counts) == (expected.mention_counts, expected.document_counts)
    fresh = run_extraction(config, use_cache=False)
    assert list(merge_summaries(fresh.summaries, fresh.gazetteer, fresh.store.load).mentions) == list(records.mentions)


def test_merge_plan_applies_person_variants_then_the_quality_pass() -> None:
    from graphbuild.orchestration.merge import DocSummary, Plan

    andrei = Entity("person/andrei-porotnikov", "Andrei Porotnikov", "Person", in_gazetteer=False)
    andrew = Entity("person/andrew-porotnikov", "Andrew Porotnikov", "Person", in_gazetteer=False)
    budget = Entity("org/budget", "Budget", "Organization", in_gazetteer=False)
    docs = [_doc("a", andrei), _doc("b", andrew), _doc("c", budget)]
    plan = Plan.make([DocSummary.of(d) for d in docs], _NoGazetteer())
    assert plan.variants == {"person/andrew-porotnikov": "person/andrei-porotnikov"}
    assert plan.quality == {"org/budget": None}
    assert plan.entity("person/andrew-porotnikov") == "person/andrei-porotnikov" and plan.entity("org/budget") is None
    assert set(plan.minted) == {"person/andrei-porotnikov"}
    (m,) = plan.mentions(docs[2].mentions)
    assert (m.entity_id, m.method) == (None, "unresolved")
    assert plan.relation(docs[2].relations[0]).speaker is None  # a dropped speaker is cleared
