"""Reading records back from a built graph, so analysis and rendering run on any graphbuild RDF file.

``graphbuild analyze`` and ``graphbuild render`` use this: they need neither the corpus nor spaCy,
only ``graph.ttl`` (or any format :func:`graphbuild.rdf.io.load_graph` reads).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphbuild.model import Article, Entity, Relation

_TYPES = {"Country", "Organization", "Person"}


@dataclass(frozen=True)
class GraphRecords:
    """The records a built graph holds (mentions are not needed downstream and are not read)."""

    articles: tuple[Article, ...]
    entities: dict[str, Entity]
    relations: tuple[Relation, ...]


def _local(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def records_from_rdf(graph) -> GraphRecords:
    """Rebuild Article, Entity and Relation records from a graphbuild RDF graph."""
    from urllib.parse import unquote

    from rdflib import OWL, RDF, RDFS, URIRef
    from rdflib.namespace import DCTERMS, PROV, SKOS

    from graphbuild.rdf.namespace import GB, ID

    id_base = str(ID)

    def entity_id(node) -> str:
        text = str(node)
        return unquote(text[len(id_base):]) if text.startswith(id_base) else text

    def one(node, prop):
        return next(iter(graph.objects(node, prop)), None)

    entities: dict[str, Entity] = {}
    for node, _, cls in graph.triples((None, RDF.type, None)):
        kind = _local(cls)
        if str(cls).startswith(str(GB)) and kind in _TYPES and isinstance(node, URIRef):
            eid = str(one(node, DCTERMS.identifier) or entity_id(node))
            same = one(node, OWL.sameAs)
            iso3 = one(node, GB.iso3)
            in_gaz = one(node, GB.inGazetteer)
            entities[eid] = Entity(
                id=eid,
                label=str(one(node, RDFS.label) or eid),
                type=kind,
                qid=_local(same) if same is not None else None,
                iso3=str(iso3) if iso3 is not None else None,
                aliases=tuple(sorted(str(a) for a in graph.objects(node, SKOS.altLabel))),
                in_gazetteer=bool(in_gaz.toPython()) if in_gaz is not None else True,
            )
    ids: dict[object, str] = {}
    for node in graph.subjects(RDF.type, None):
        ident = one(node, DCTERMS.identifier)
        if ident is not None and str(ident) in entities:
            ids[node] = str(ident)

    articles: list[Article] = []
    doc_ids: dict[object, str] = {}
    for node in graph.subjects(RDF.type, GB.Document):
        doc_id = str(one(node, DCTERMS.identifier) or entity_id(node))
        doc_ids[node] = doc_id
        title, date, url, source = (one(node, p) for p in (DCTERMS.title, DCTERMS.date, DCTERMS.source,
                                                          DCTERMS.publisher))
        articles.append(Article(doc_id=doc_id, text="", title=str(title) if title else None,
                                date=str(date) if date else None, url=str(url) if url else None,
                                source=str(source) if source else None))

    relations: list[Relation] = []
    for node in graph.subjects(RDF.type, GB.RelationAssertion):
        evidence = one(node, GB.evidence)
        speaker = one(node, PROV.wasAttributedTo)
        doc = one(node, PROV.wasDerivedFrom)
        date = one(node, DCTERMS.date)
        relations.append(Relation(
            doc_id=doc_ids.get(doc, entity_id(doc) if doc else ""),
            subject=ids.get(one(node, GB.subject), entity_id(one(node, GB.subject))),
            relation=_local(one(node, GB.relation)),
            object=ids.get(one(node, GB.object), entity_id(one(node, GB.object))),
            sentence=str(one(evidence, GB.sentence) or "") if evidence else "",
            start=int(one(evidence, GB.start) or 0) if evidence else 0,
            end=int(one(evidence, GB.end) or 0) if evidence else 0,
            negated=bool(one(node, GB.negated).toPython()) if one(node, GB.negated) is not None else False,
            modality=str(one(node, GB.modality) or "asserted"),
            speaker=ids.get(speaker, entity_id(speaker)) if speaker is not None else None,
            confidence=float(one(node, GB.confidence) or 0.5),
            method=str(one(node, GB.method) or ""),
            trigger=str(one(node, GB.trigger) or ""),
            date=str(date) if date else None,
        ))
    relations.sort(key=lambda r: (r.doc_id, r.start, r.subject, r.relation, r.object, r.negated))
    articles.sort(key=lambda a: a.doc_id)
    return GraphRecords(tuple(articles), entities, tuple(relations))


def load_records(graph_path: Path | str) -> GraphRecords:
    """Load a built graph (a file, or an output folder holding graph.ttl) and read its records back.

    Raises:
        GraphbuildError: the file is missing or does not parse (named in the message).
    """
    from graphbuild.rdf.io import load_graph, resolve_graph_path

    return records_from_rdf(load_graph(resolve_graph_path(graph_path)))
