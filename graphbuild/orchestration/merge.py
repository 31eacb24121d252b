"""Merging per-document results into the records of the whole corpus (:class:`CorpusRecords`).

The merge works from one compact :class:`DocSummary` per document -- the article's metadata (not its text), the
actors it minted, the names it used for each actor with their counts, its relations -- so its memory grows with the
actors and relations of the corpus, not with its text or its mentions:

1. a :class:`Plan` decides, from all summaries, the corpus-wide renaming of minted actors: persons whose names are
   spelling variants get one id (:func:`graphbuild.resolve.merge_person_variants`), then the entity quality pass
   drops, relabels or retypes junk (:mod:`graphbuild.quality`);
2. the entity table, its statistics and the relations are read off the summaries through the plan;
3. mentions are not kept: ``records.mentions`` reads each document's result again (from the cache, or from memory
   when there is none) while a writer walks it, and renames its actors through the plan.

The records equal those of merging every full result at once (``tests/test_merge.py`` checks it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from graphbuild.model import ActorType, Article, DocResult, Entity, Mention, Relation, ResolutionMethod, entity_type
from graphbuild.quality import quality_plan, renamed_mention, renamed_relation

#: Reads a document's full result again (:meth:`graphbuild.orchestration.extract_corpus.ResultStore.load`).
Loader = Callable[[str], DocResult]


@dataclass(frozen=True, slots=True)
class DocSummary:
    """What the merge needs of one document.

    Attributes:
        article: The article without its text (``text`` is empty).
        new_entities: The actors the document minted.
        names: ``(entity id or None, surface text, anaphora?, count)`` of its mentions, in order of first use.
        relations: Its relations, as extracted.
        mentions: How many mentions it has.
    """

    article: Article
    new_entities: tuple[Entity, ...]
    names: tuple[tuple[str | None, str, bool, int], ...]
    relations: tuple[Relation, ...]
    mentions: int

    @classmethod
    def of(cls, result: DocResult) -> DocSummary:
        names: dict[tuple[str | None, str, bool], int] = {}
        for m in result.mentions:
            name = (m.entity_id, m.text, m.method == ResolutionMethod.ANAPHORA)
            names[name] = names.get(name, 0) + 1
        return cls(replace(result.article, text=""), result.new_entities,
                   tuple((*name, n) for name, n in names.items()), result.relations, len(result.mentions))

    @property
    def doc_id(self) -> str:
        return self.article.doc_id


@dataclass(frozen=True)
class Plan:
    """The corpus-wide renaming of minted actors.

    Attributes:
        variants: Person id -> the id of the spelling variant it merges into.
        quality: Id -> new id, or None for a dropped actor (after ``variants``; :func:`graphbuild.quality.plan`).
        minted: Every minted actor that stays, by final id (the first document's record of an id wins).
    """

    variants: dict[str, str] = field(default_factory=dict)
    quality: dict[str, str | None] = field(default_factory=dict)
    minted: dict[str, Entity] = field(default_factory=dict)

    @classmethod
    def make(cls, summaries: Sequence[DocSummary], gazetteer) -> Plan:
        from graphbuild.resolve import merge_person_variants

        counts: Counter[str] = Counter()
        for s in summaries:
            for eid, _, _, n in s.names:
                if eid:
                    counts[eid] += n
        variants = merge_person_variants([e for s in summaries for e in s.new_entities], counts)
        minted: dict[str, Entity] = {}
        for s in summaries:
            for e in s.new_entities:
                if e.id not in variants:
                    minted.setdefault(e.id, e)
        quality, added = quality_plan(minted, gazetteer)
        kept = {eid: e for eid, e in minted.items() if eid not in quality}
        return cls(variants, quality, {**kept, **added})

    def entity(self, eid: str | None) -> str | None:
        """The final id of an actor (None: dropped, or ``eid`` was None)."""
        if not eid:
            return eid
        eid = self.variants.get(eid, eid)
        return self.quality.get(eid, eid)

    def relation(self, r: Relation) -> Relation | None:
        """``r`` with its actors renamed; None when the quality pass removes it."""
        if {r.subject, r.object, r.speaker} & self.variants.keys():
            fix = self.variants.get
            r = replace(r, subject=fix(r.subject, r.subject), object=fix(r.object, r.object),
                        speaker=fix(r.speaker, r.speaker) if r.speaker else r.speaker)
        return renamed_relation(r, self.quality)

    def mentions(self, mentions: Iterable[Mention]) -> list[Mention]:
        """A document's mentions with their actors renamed (an anaphora mention of a dropped actor goes), sorted by
        offsets."""
        out = []
        for m in mentions:
            if m.entity_id in self.variants:
                m = replace(m, entity_id=self.variants[m.entity_id])
            renamed = renamed_mention(m, self.quality)
            if renamed is not None:
                out.append(renamed)
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def relations(self, relations: Iterable[Relation], min_confidence: float = 0.0) -> list[Relation]:
        """A document's relations renamed, without those removed or below ``min_confidence``, sorted."""
        out = [x for x in map(self.relation, relations) if x is not None and x.confidence >= min_confidence]
        out.sort(key=lambda r: (r.start, r.subject, r.relation, r.object, r.negated))
        return out


class MentionStream:
    """``records.mentions`` of a build: every document's mentions, read again and renamed while it is walked.

    Iterating reads each document's result through ``load`` (in doc-id order), so no more than one document's
    mentions are held at a time; ``len`` is known without reading.
    """

    def __init__(self, summaries: Sequence[DocSummary], plan: Plan, load: Loader, count: int) -> None:
        self._summaries, self._plan, self._load, self._count = summaries, plan, load, count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Mention]:
        for summary in self._summaries:
            if summary.mentions:
                yield from self._plan.mentions(self._load(summary.doc_id).mentions)

    def __repr__(self) -> str:
        return f"<MentionStream of {self._count} mentions in {len(self._summaries)} documents>"


@dataclass
class CorpusRecords:
    """Everything extracted from a corpus, keyed for the writers.

    Attributes:
        articles: Every article, in doc-id order (a build's articles carry metadata only, not their text).
        entities: Every actor that has at least one resolved mention or relation, by id.
        mentions: Every mention in doc-id and offset order (a build's is a :class:`MentionStream`).
        relations: Every relation in doc-id and offset order.
        mention_counts / document_counts / surface_forms: Per-entity statistics for entities.csv (names only:
            anaphora mentions -- "he", "the two countries" -- are in ``mentions`` but not counted here).
    """

    articles: list[Article] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: Sequence[Mention] | MentionStream = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    mention_counts: Counter[str] = field(default_factory=Counter)
    document_counts: Counter[str] = field(default_factory=Counter)
    surface_forms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    unresolved: Counter[str] = field(default_factory=Counter)


def merge_summaries(summaries: Iterable[DocSummary], gazetteer, load: Loader, *,
                    min_confidence: float = 0.0) -> CorpusRecords:
    """Merge document summaries (any order) into a :class:`CorpusRecords`; ``load`` reads a full result again.

    Actors outside the gazetteer that several documents mint under the same id merge into one entity (the first
    document's label wins; the names the corpus used become its aliases, most frequent first).
    """
    summaries = sorted(summaries, key=lambda s: s.doc_id)
    plan = Plan.make(summaries, gazetteer)
    records = CorpusRecords()
    needed: set[str] = set()
    dropped = 0
    for summary in summaries:
        records.articles.append(summary.article)
        in_document: set[str] = set()
        for eid, text, anaphora, n in summary.names:
            final = plan.entity(eid)
            if final is None:
                if eid is None or not anaphora:
                    records.unresolved[text] += n
                else:  # "he" of a dropped actor is no name left to review: the mention goes
                    dropped += n
                continue
            if not anaphora:  # the statistics count names ("he" names nobody)
                records.mention_counts[final] += n
                records.surface_forms[final][text] += n
            if final not in in_document:
                in_document.add(final)
                records.document_counts[final] += 1
            needed.add(final)
        records.relations.extend(plan.relations(summary.relations, min_confidence))
    records.mentions = MentionStream(summaries, plan, load, sum(s.mentions for s in summaries) - dropped)
    for relation in records.relations:
        needed.update(x for x in (relation.subject, relation.object, relation.speaker) if x)
    for entity_id in sorted(needed):
        entity = gazetteer.get(entity_id) or plan.minted.get(entity_id)
        if entity is None:
            # Should not happen: a stage produced an id nobody defined. Keep the records whole.
            entity = Entity(id=entity_id, label=entity_id.rsplit("/", 1)[-1], type=_type_from_id(entity_id),
                            in_gazetteer=False)
        # The names this corpus used, most frequent first: what an analyst reviews. (The
        # gazetteer's full alias lists, misspellings included, stay in the gazetteer.)
        seen = tuple(form for form, _ in records.surface_forms.get(entity_id, Counter()).most_common())
        records.entities[entity_id] = replace(entity, aliases=tuple(f for f in seen if f != entity.label))
    return records


def merge_results(results: Iterable[DocResult], gazetteer, *, min_confidence: float = 0.0) -> CorpusRecords:
    """Merge full document results held in memory (see :func:`merge_summaries`)."""
    by_id = {r.article.doc_id: r for r in results}
    return merge_summaries([DocSummary.of(r) for r in by_id.values()], gazetteer, by_id.__getitem__,
                           min_confidence=min_confidence)


def _type_from_id(entity_id: str) -> ActorType:
    return entity_type(entity_id) or ActorType.ORGANIZATION
