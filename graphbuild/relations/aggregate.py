"""Cross-document aggregation: many assertions of one claim -> one :class:`AggregatedEdge`.

The same (subject, relation, object, negated) asserted in several sentences or documents becomes one edge with
its evidence count, first/last seen dates and all its evidence; each assertion stays available on its own
(``AggregatedEdge.evidence``).  Pure functions: no I/O, deterministic order.

Example:
    >>> from graphbuild.model import Relation
    >>> r1 = Relation("a", "country/BLR", "dependsOn", "country/RUS", "s1", 0, 2, date="2019-01-02", confidence=0.8)
    >>> r2 = Relation("b", "country/BLR", "dependsOn", "country/RUS", "s2", 0, 2, date="2020-05-01", confidence=0.6)
    >>> (edge,) = aggregate([r1, r2])
    >>> edge.evidence_count, edge.first_seen, edge.last_seen, edge.mean_confidence
    (2, '2019-01-02', '2020-05-01', 0.7)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graphbuild.model import SYMMETRIC_RELATIONS, Relation


@dataclass(frozen=True, slots=True)
class AggregatedEdge:
    """One claim across the corpus.

    Attributes:
        subject, relation, object, negated: The aggregation key (symmetric relations in sorted id order).
        evidence_count: Number of assertions (sentences) supporting the claim.
        document_count: Number of distinct documents among them.
        first_seen, last_seen: Earliest and latest article date among the assertions (None if undated).
        mean_confidence: Mean of the assertions' confidences (rounded to 3 decimals).
        max_confidence: Highest confidence among them.
        modalities: Sorted distinct modalities.
        speakers: Sorted distinct speakers (entity ids).
        evidence: The assertions, ordered by (date, doc_id, start).
    """

    subject: str
    relation: str
    object: str
    negated: bool
    evidence_count: int
    document_count: int
    first_seen: str | None
    last_seen: str | None
    mean_confidence: float
    max_confidence: float
    modalities: tuple[str, ...]
    speakers: tuple[str, ...]
    evidence: tuple[Relation, ...]

    @property
    def key(self) -> tuple[str, str, str, bool]:
        return (self.subject, self.relation, self.object, self.negated)


def edge_key(relation: Relation) -> tuple[str, str, str, bool]:
    """The aggregation key; symmetric relations are direction-free (sorted ids)."""
    s, o = relation.subject, relation.object
    if relation.relation in SYMMETRIC_RELATIONS and o < s:
        s, o = o, s
    return (s, relation.relation, o, relation.negated)


def aggregate(relations: Iterable[Relation]) -> list[AggregatedEdge]:
    """Group assertions by (subject, relation, object, negated).

    Args:
        relations: Assertions from any number of documents.

    Returns:
        One edge per key, sorted by (-evidence_count, subject, relation, object, negated).
    """
    groups: dict[tuple[str, str, str, bool], list[Relation]] = {}
    for r in relations:
        groups.setdefault(edge_key(r), []).append(r)
    edges = []
    for (s, rel, o, neg), rs in groups.items():
        rs.sort(key=lambda r: (r.date or "", r.doc_id, r.start, r.end))
        dates = sorted(r.date for r in rs if r.date)
        confs = [r.confidence for r in rs]
        edges.append(
            AggregatedEdge(
                subject=s,
                relation=rel,
                object=o,
                negated=neg,
                evidence_count=len(rs),
                document_count=len({r.doc_id for r in rs}),
                first_seen=dates[0] if dates else None,
                last_seen=dates[-1] if dates else None,
                mean_confidence=round(sum(confs) / len(confs), 3),
                max_confidence=max(confs),
                modalities=tuple(sorted({r.modality for r in rs})),
                speakers=tuple(sorted({r.speaker for r in rs if r.speaker})),
                evidence=tuple(rs),
            )
        )
    edges.sort(key=lambda e: (-e.evidence_count, e.subject, e.relation, e.object, e.negated))
    return edges
