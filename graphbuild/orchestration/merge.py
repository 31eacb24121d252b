"""Merging per-document results into the records of the whole corpus (:class:`CorpusRecords`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from graphbuild.model import ActorType, Article, DocResult, Entity, Mention, Relation, ResolutionMethod, entity_type
from graphbuild.quality import clean_results


@dataclass
class CorpusRecords:
    """Everything extracted from a corpus, keyed for the writers.

    Attributes:
        entities: Every actor that has at least one resolved mention or relation, by id.
        mention_counts / document_counts / surface_forms: Per-entity statistics for entities.csv (names only:
            anaphora mentions -- "he", "the two countries" -- are in ``mentions`` but not counted here).
    """

    articles: list[Article] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    mention_counts: Counter[str] = field(default_factory=Counter)
    document_counts: Counter[str] = field(default_factory=Counter)
    surface_forms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    unresolved: Counter[str] = field(default_factory=Counter)


def merge_results(results: Iterable[DocResult], gazetteer, *, min_confidence: float = 0.0) -> CorpusRecords:
    """Merge document results in doc-id order into a :class:`CorpusRecords`.

    Actors outside the gazetteer that several documents mint under the same id merge into one
    entity (the first label seen wins; aliases accumulate).
    """
    results = sorted(results, key=lambda r: r.article.doc_id)
    results = _merge_minted_persons(results)
    results = clean_results(results, gazetteer)  # entity quality pass (graphbuild/quality.py)
    records = CorpusRecords()
    minted: dict[str, Entity] = {}
    for result in results:
        records.articles.append(result.article)
        for entity in result.new_entities:
            if entity.id not in minted:
                minted[entity.id] = entity
        docs_seen: set[str] = set()
        for mention in result.mentions:
            records.mentions.append(mention)
            if mention.entity_id is None:
                records.unresolved[mention.text] += 1
                continue
            if mention.method != ResolutionMethod.ANAPHORA:  # the statistics count names ("he" names nobody)
                records.mention_counts[mention.entity_id] += 1
                records.surface_forms[mention.entity_id][mention.text] += 1
            if mention.entity_id not in docs_seen:
                docs_seen.add(mention.entity_id)
                records.document_counts[mention.entity_id] += 1
        records.relations.extend(r for r in result.relations if r.confidence >= min_confidence)

    needed = {m.entity_id for m in records.mentions if m.entity_id}
    for relation in records.relations:
        needed.update(x for x in (relation.subject, relation.object, relation.speaker) if x)
    for entity_id in sorted(needed):
        entity = gazetteer.get(entity_id) or minted.get(entity_id)
        if entity is None:
            # Should not happen: a stage produced an id nobody defined. Keep the records whole.
            entity = Entity(id=entity_id, label=entity_id.rsplit("/", 1)[-1], type=_type_from_id(entity_id),
                            in_gazetteer=False)
        # The names this corpus used, most frequent first: what an analyst reviews. (The
        # gazetteer's full alias lists, misspellings included, stay in the gazetteer.)
        seen = tuple(form for form, _ in records.surface_forms.get(entity_id, Counter()).most_common())
        records.entities[entity_id] = replace(entity, aliases=tuple(f for f in seen if f != entity.label))
    records.mentions.sort(key=lambda m: (m.doc_id, m.start, m.end))
    records.relations.sort(key=lambda r: (r.doc_id, r.start, r.subject, r.relation, r.object, r.negated))
    return records


def _merge_minted_persons(results: list[DocResult]) -> list[DocResult]:
    """Give persons outside the gazetteer one id across documents when their names are spelling variants.

    Within a document the resolver already links "Andrew Porotnikov" to "Andrei Porotnikov"; across
    documents each document mints its own id, so the variants are merged here and every mention,
    relation and speaker is rewritten to the canonical id.
    """
    from graphbuild.resolve import merge_person_variants

    counts: Counter[str] = Counter(m.entity_id for r in results for m in r.mentions if m.entity_id)
    mapping = merge_person_variants([e for r in results for e in r.new_entities], counts)
    if not mapping:
        return results

    def fix(entity_id: str | None) -> str | None:
        return mapping.get(entity_id, entity_id) if entity_id else entity_id

    merged = []
    for r in results:
        merged.append(replace(
            r,
            mentions=tuple(replace(m, entity_id=fix(m.entity_id)) if m.entity_id in mapping else m for m in r.mentions),
            relations=tuple(
                replace(x, subject=fix(x.subject), object=fix(x.object), speaker=fix(x.speaker))
                if {x.subject, x.object, x.speaker} & mapping.keys() else x
                for x in r.relations
            ),
            new_entities=tuple(e for e in r.new_entities if e.id not in mapping),
        ))
    return merged


def _type_from_id(entity_id: str) -> ActorType:
    return entity_type(entity_id) or ActorType.ORGANIZATION
