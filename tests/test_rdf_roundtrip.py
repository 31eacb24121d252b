"""Property: any actor name (unicode, quotes, <>, spaces, control characters) -> IRI and literals ->
every format -> rdflib and pyoxigraph parse back the same triples."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graphbuild.model import Article, Entity, Mention, Relation
from graphbuild.rdf import build_graph
from graphbuild.rdf.io import serialize
from graphbuild.rdf.namespace import ID_IRI, iri_for

OX = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
      "json-ld": ox.RdfFormat.JSON_LD}
RDFLIB = {"turtle": "turtle", "trig": "trig", "nt": "nt", "json-ld": "json-ld"}

names = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),  # any unicode scalar, including controls and U+FFFE/FFFF
        st.sampled_from(list(" \"'<>{}|^`\\#?%/:.\x00\x01\x1f\x7f\t\n\r\u2028\ufeff")),
    ),
    max_size=30,
)


def _ox_set(data: bytes, fmt: str) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(data, format=OX[fmt])}


def records_named(name: str, doc: str, speaker: str):
    """(articles, entities, mentions, relations) with ``name``, ``doc`` and ``speaker`` in every id and literal."""
    a, b, s = "person/" + name, "org/" + name + "x", "person/" + speaker
    entities = {
        a: Entity(a, name or "?", "Person", aliases=(name + " alias",)),
        b: Entity(b, name + "x", "Organization", iso3=None),
    }
    rel = Relation(doc, a, "memberOf", b, f"{name} joined {name}x.", 0, 10, speaker=s, method=name, trigger=name)
    mention = Mention(doc, 0, 3, name, a, "ner", ner_label=name)
    return [Article(doc, "", title=name, date=name, url=name, source=name)], entities, [mention], [rel]


def _graph(name: str, doc: str, speaker: str) -> Graph:
    return build_graph(*records_named(name, doc, speaker))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names, doc=names, speaker=names)
def test_rdf_roundtrip_any_name_every_format(name: str, doc: str, speaker: str) -> None:
    g = _graph(name, doc, speaker)
    reference = _ox_set(serialize(g, "nt"), "nt")
    assert len(reference) == len(g)
    for fmt in OX:
        data = serialize(g, fmt)
        assert _ox_set(data, fmt) == reference, fmt
        parsed = Graph().parse(data=data.decode("utf-8"), format=RDFLIB[fmt])
        if fmt == "trig":
            from rdflib import Dataset

            ds = Dataset()
            ds.parse(data=data.decode("utf-8"), format="trig")
            parsed = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                parsed.add((s, p, o))
        assert set(parsed) == set(g), fmt


@given(entity_id=st.text(max_size=40))
def test_rdf_roundtrip_iri_for_is_valid_ascii_iri(entity_id: str) -> None:
    iri = str(iri_for(entity_id))
    assert iri.startswith(ID_IRI)
    assert iri.isascii()
    assert not any(c in iri[len(ID_IRI):] for c in ' "<>{}|^`\\#?') and all(ord(c) > 0x20 for c in iri)
    ox.NamedNode(iri)  # pyoxigraph validates IRIs


@given(a=st.text(max_size=20), b=st.text(max_size=20))
def test_rdf_roundtrip_distinct_ids_distinct_iris(a: str, b: str) -> None:
    if a != b:
        assert iri_for(a) != iri_for(b)
