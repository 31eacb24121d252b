"""Records -> N-Triples lines, streamed without an rdflib Graph: the writer of big graphs.

The RDF model is the one :func:`graphbuild.rdf.from_records.build_graph` builds (docs/RDF.md), written
straight as N-Triples lines, the syntax :mod:`graphbuild.rdf.io` sorts and hands to pyoxigraph (Turtle) or to
its own TriG and JSON-LD writers.  Terms are rendered exactly as :func:`graphbuild.rdf.io.nt_term` renders
build_graph's, so both paths write the same bytes; build_graph stays the reference implementation, and
``tests/test_rdf_stream.py`` checks the two give the same graph.

Two parts, so that a rebuild reuses the first:

* :func:`document_fragment`: one document's triples -- its ``gb:Document`` node (default graph) and its
  mentions, assertions and evidence (its named graph).  Every node is an IRI minted from content (no blank
  nodes), so fragments made in different builds or processes concatenate into one graph.  The build caches
  them beside the extraction results (:mod:`graphbuild.orchestration.cache`).
* :func:`corpus_lines`: what depends on the whole corpus -- actors, aggregated edges, direct triples, actor
  counts, the per-relation and per-resolution-method summaries, and the analysis metrics.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from rdflib import OWL, RDF, RDFS, SKOS, XSD
from rdflib.namespace import DCTERMS, PROV

from graphbuild.model import Article, Entity, Mention, Relation
from graphbuild.rdf.from_records import (
    ACTOR_CLASSES,
    actor_counts,
    assertion_digest,
    clean_text,
    content_hash,
    date_literal,
    edge_dates,
    edge_groups,
    fallback_entity,
    mention_key,
    relation_summaries,
    resolution_summaries,
    summary_iri,
    used_actors,
)
from graphbuild.rdf.io import TripleLines, escape_string, graph_lines, nt_term
from graphbuild.rdf.namespace import GB, ID_IRI, RELATION_IRIS, iri_for, wikidata_iri

if TYPE_CHECKING:
    from graphbuild.analysis import Analysis

_XSD_INTEGER = f"<{XSD.integer}>"
_XSD_DOUBLE = f"<{XSD.double}>"
_TRUE = f'"true"^^<{XSD.boolean}>'
_FALSE = f'"false"^^<{XSD.boolean}>'
_RELATIONS = {name: f"<{iri}>" for name, iri in RELATION_IRIS.items()}


def _p(term) -> str:
    return f"<{term}>"


# Predicates and classes in N-Triples form (namespace IRIs need no escaping).
TYPE, LABEL, ALT_LABEL, SAME_AS = _p(RDF.type), _p(RDFS.label), _p(SKOS.altLabel), _p(OWL.sameAs)
IDENTIFIER, TITLE, DATE = _p(DCTERMS.identifier), _p(DCTERMS.title), _p(DCTERMS.date)
SOURCE, PUBLISHER = _p(DCTERMS.source), _p(DCTERMS.publisher)
DERIVED, ATTRIBUTED = _p(PROV.wasDerivedFrom), _p(PROV.wasAttributedTo)
G = {name: _p(GB[name]) for name in GB.__annotations__}


def text(value: str) -> str:
    """A plain string literal, cleaned like :func:`graphbuild.rdf.from_records.text_literal`."""
    return f'"{escape_string(clean_text(str(value)))}"'


def integer(value: int) -> str:
    """An ``xsd:integer`` literal."""
    return f'"{int(value)}"^^{_XSD_INTEGER}'


def double(value: float) -> str:
    """An ``xsd:double`` literal."""
    return f'"{float(value)!r}"^^{_XSD_DOUBLE}'  # rdflib's lexical form of a float is its repr


def boolean(value: bool) -> str:
    """An ``xsd:boolean`` literal."""
    return _TRUE if value else _FALSE


@lru_cache(maxsize=4096)
def date(value: str) -> str:
    """``xsd:date`` for a valid ISO date, else a plain literal (:func:`graphbuild.rdf.from_records.date_literal`)."""
    return nt_term(date_literal(value))


@lru_cache(maxsize=65536)
def iri(entity_id: str) -> str:
    """The minted IRI of an entity id (or ``doc/<doc_id>``), in N-Triples form."""
    return f"<{iri_for(entity_id)}>"


def _minted(kind: str, digest: str) -> str:
    return f"<{ID_IRI}{kind}/{digest}>"  # a hex digest needs no percent-encoding


@dataclass(frozen=True)
class Fragment:
    """One document's N-Triples lines, each part sorted and without repeats.

    Attributes:
        doc: The document IRI in N-Triples form (the name of its TriG graph).
        default: Its ``gb:Document`` node (the default graph).
        named: Its mentions, assertions and evidence (its named graph).
    """

    doc: str
    default: tuple[str, ...]
    named: tuple[str, ...]


def _lines(subject: str, pairs: Iterable[tuple[str, str | None]]) -> list[str]:
    return [f"{subject} {p} {o} .\n" for p, o in pairs if o is not None]


def _document(doc: str, art: Article) -> list[str]:
    return _lines(doc, [
        (TYPE, G["Document"]),
        (IDENTIFIER, text(art.doc_id)),
        (TITLE, text(art.title) if art.title else None),
        (DATE, date(art.date) if art.date else None),
        (SOURCE, text(art.url) if art.url else None),
        (PUBLISHER, text(art.source) if art.source else None),
    ])


def _mention(doc: str, m: Mention) -> list[str]:
    return _lines(_minted("mention", content_hash(*mention_key(m))), [
        (TYPE, G["Mention"]),
        (DERIVED, doc),
        (G["surfaceForm"], text(m.text)),
        (G["start"], integer(m.start)),
        (G["end"], integer(m.end)),
        (G["sentenceStart"], integer(m.sent_start)),
        (G["resolutionMethod"], text(m.method)),
        (G["mentionOf"], iri(m.entity_id) if m.entity_id else None),
        (G["nerLabel"], text(m.ner_label) if m.ner_label else None),
    ])


def _assertion(doc: str, rel: Relation) -> list[str]:
    digest = assertion_digest(rel)
    node, evidence = _minted("assertion", digest), _minted("evidence", digest)
    return _lines(node, [
        (TYPE, G["RelationAssertion"]),
        (G["subject"], iri(rel.subject)),
        (G["relation"], _RELATIONS[rel.relation]),
        (G["object"], iri(rel.object)),
        (G["negated"], boolean(bool(rel.negated))),
        (G["modality"], text(rel.modality)),
        (G["confidence"], double(rel.confidence)),
        (G["method"], text(rel.method)),
        (G["trigger"], text(rel.trigger) if rel.trigger else None),
        (ATTRIBUTED, iri(rel.speaker) if rel.speaker else None),
        (DATE, date(rel.date) if rel.date else None),
        (DERIVED, doc),
        (G["evidence"], evidence),
    ]) + _lines(evidence, [
        (TYPE, G["Evidence"]),
        (G["sentence"], text(rel.sentence)),
        (G["start"], integer(rel.start)),
        (G["end"], integer(rel.end)),
        (DERIVED, doc),
    ])


def document_fragment(article: Article, mentions: Iterable[Mention], relations: Iterable[Relation]) -> Fragment:
    """The lines of one document: its node, and its mentions, assertions and evidence.

    (Relation types are checked where a Relation is made, as for build_graph.)
    """
    doc = iri("doc/" + article.doc_id)
    named: set[str] = set()
    for m in mentions:
        named.update(_mention(doc, m))
    for rel in relations:
        named.update(_assertion(doc, rel))
    return Fragment(doc, tuple(sorted(set(_document(doc, article)))), tuple(sorted(named)))


_ARTICLE_FIELDS = attrgetter("doc_id", "title", "date", "url", "source")  # what _document reads
_MENTION_FIELDS = attrgetter(*(f.name for f in fields(Mention)))
_RELATION_FIELDS = attrgetter(*(f.name for f in fields(Relation)))


def fragment_digest(article: Article, mentions: Sequence[Mention], relations: Sequence[Relation]) -> str:
    """A digest of everything :func:`document_fragment` reads: a cached fragment with it can stand in for one."""
    # Field values are strings (enums too), numbers, booleans and None: JSON writes each distinctly, in C.
    data = json.dumps([_ARTICLE_FIELDS(article), [_MENTION_FIELDS(m) for m in mentions],
                       [_RELATION_FIELDS(r) for r in relations]])
    return hashlib.blake2b(data.encode("ascii"), digest_size=20).hexdigest()


def _actor(ent: Entity) -> list[str]:
    node = iri(ent.id)
    wd = wikidata_iri(ent.qid)
    lines = _lines(node, [
        (TYPE, _p(ACTOR_CLASSES.get(ent.type, GB.Actor))),
        (LABEL, text(ent.label)),
        (IDENTIFIER, text(ent.id)),
        (G["inGazetteer"], boolean(bool(ent.in_gazetteer))),
        (SAME_AS, _p(wd) if wd is not None else None),
        (G["iso3"], text(ent.iso3) if ent.iso3 else None),
    ])
    for alias in ent.aliases:
        alias = clean_text(alias)
        if alias and alias != ent.label:
            lines.append(f"{node} {ALT_LABEL} {text(alias)} .\n")
    return lines


def _edges(relations: Iterable[Relation], doc_dates: Mapping[str, str], digest: Callable[[Relation], str]) -> list[str]:
    lines: list[str] = []
    for key, rels in edge_groups(relations).items():
        s, relation, o, negated = key
        node = _minted("edge", content_hash(*key))
        assertions = {_minted("assertion", digest(r)) for r in rels}
        dates = edge_dates(rels, doc_dates)
        lines += _lines(node, [
            (TYPE, G["AggregatedRelation"]),
            (G["subject"], iri(s)),
            (G["relation"], _RELATIONS[relation]),
            (G["object"], iri(o)),
            (G["negated"], boolean(negated)),
            (G["evidenceCount"], integer(len(assertions))),
            (G["documentCount"], integer(len({r.doc_id for r in rels}))),
            (G["maxConfidence"], double(max(float(r.confidence) for r in rels))),
            (G["firstSeen"], date(dates[0]) if dates else None),
            (G["lastSeen"], date(dates[-1]) if dates else None),
        ])
        lines += [f"{node} {G['hasAssertion']} {a} .\n" for a in assertions]
        if not negated:
            lines.append(f"{iri(s)} {_RELATIONS[relation]} {iri(o)} .\n")
    return lines


def _summaries(mentions: Sequence[Mention], relations: Sequence[Relation], digest: Callable[[Relation], str],
               ) -> list[str]:
    lines: list[str] = []
    for name, counts in relation_summaries(relations, digest).items():
        lines += _lines(f"<{summary_iri('relation', name)}>", [
            (TYPE, G["RelationTypeSummary"]), (G["summaryRelation"], _RELATIONS[name]),
            *((G[prop], integer(n)) for prop, n in counts.items())])
    for method, counts in resolution_summaries(mentions).items():
        lines += _lines(f"<{summary_iri('resolution-method', method)}>", [
            (TYPE, G["ResolutionMethodSummary"]), (G["summaryResolutionMethod"], text(method)),
            *((G[prop], integer(n)) for prop, n in counts.items())])
    return lines


def _metrics(analysis: Analysis) -> list[str]:
    """The metric triples :func:`graphbuild.rdf.from_records.write_metrics_to_rdf` adds (a few per actor)."""
    from graphbuild.rdf.from_records import new_graph, write_metrics_to_rdf

    graph = new_graph()
    write_metrics_to_rdf(graph, analysis)
    return graph_lines(graph).default


def corpus_lines(
    articles: Sequence[Article],
    entities: Mapping[str, Entity],
    mentions: Sequence[Mention],
    relations: Sequence[Relation],
    analysis: Analysis | None = None,
) -> list[str]:
    """The default-graph lines that depend on the whole corpus (see the module doc), unsorted."""
    digest = cache(assertion_digest)  # each relation's digest once (edges, actor counts, summaries)
    lines: list[str] = []
    for entity_id in used_actors(mentions, relations):
        lines += _actor(entities.get(entity_id) or fallback_entity(entity_id))
    lines += _edges(relations, {a.doc_id: a.date for a in articles if a.date}, digest)
    for actor, (n_assertions, n_documents) in actor_counts(relations, digest).items():
        lines.append(f"{iri(actor)} {G['assertionCount']} {integer(n_assertions)} .\n")
        lines.append(f"{iri(actor)} {G['assertionDocumentCount']} {integer(n_documents)} .\n")
    lines += _summaries(mentions, relations, digest)
    if analysis is not None:
        lines += _metrics(analysis)
    return lines


FragmentMaker = Callable[[Article, Sequence[Mention], Sequence[Relation]], Fragment]


def stream_graph(
    articles: Sequence[Article],
    entities: Mapping[str, Entity],
    mentions: Sequence[Mention],
    relations: Sequence[Relation],
    analysis: Analysis | None = None,
    *,
    fragment: FragmentMaker = document_fragment,
) -> TripleLines:
    """The lines of the whole graph: what ``build_graph`` (plus ``write_metrics_to_rdf``) builds, by document.

    Args:
        articles, entities, mentions, relations: As for :func:`graphbuild.rdf.from_records.build_graph`; a
            document that mentions or relations name but ``articles`` lacks gets a bare ``gb:Document``.
        analysis: When given, its metrics are written too.
        fragment: Makes one document's :class:`Fragment` (the build passes one that reads the cache).
    """
    by_doc: dict[str, tuple[list[Mention], list[Relation]]] = defaultdict(lambda: ([], []))
    for m in mentions:
        by_doc[m.doc_id][0].append(m)
    for rel in relations:
        by_doc[rel.doc_id][1].append(rel)
    known = {a.doc_id: a for a in articles}
    graph = TripleLines(default=corpus_lines(articles, entities, mentions, relations, analysis))
    for doc_id in sorted(known.keys() | by_doc.keys()):
        doc_mentions, doc_relations = by_doc.get(doc_id, ([], []))
        part = fragment(known.get(doc_id) or Article(doc_id=doc_id, text=""), doc_mentions, doc_relations)
        graph.default.extend(part.default)
        if part.named:
            graph.named[part.doc] = list(part.named)
    return graph
