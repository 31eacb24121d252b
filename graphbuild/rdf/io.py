"""Serialise and load graphs: Turtle (default), TriG, N-Triples, JSON-LD.

Every writer works on N-Triples lines (:class:`TripleLines`): the lines of an rdflib Graph
(:func:`graph_lines`, for the ontology, small graphs and tests) or the lines
:mod:`graphbuild.rdf.stream` writes straight from the records (the build).  The writers are
not rdflib's serializers, so that the bytes are a pure function of the set of triples:
subjects, predicates and objects are sorted, prefixes are fixed
(:data:`graphbuild.rdf.namespace.PREFIXES`), no blank nodes are relabelled and nothing
depends on Python's hash seed.  Rebuild diffs are then meaningful.  Turtle is the sorted
lines serialised by pyoxigraph in the order given (faster); TriG and JSON-LD are written in
Python from the same lines.

Files are written atomically (temporary file in the same directory, then
``os.replace``), so a reader never sees half a graph.
"""

from __future__ import annotations

import io
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO

from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, XSD
from rdflib.term import Node

from graphbuild.errors import GraphbuildError
from graphbuild.fileio import atomic_write_bytes, atomic_writer
from graphbuild.rdf.namespace import GB, PREFIXES

#: format name -> (canonical name, file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("turtle", ".ttl"),
    "ttl": ("turtle", ".ttl"),
    "trig": ("trig", ".trig"),
    "nt": ("nt", ".nt"),
    "ntriples": ("nt", ".nt"),
    "n-triples": ("nt", ".nt"),
    "nquads": ("nquads", ".nq"),
    "nq": ("nquads", ".nq"),
    "n-quads": ("nquads", ".nq"),
    "json-ld": ("json-ld", ".jsonld"),
    "jsonld": ("json-ld", ".jsonld"),
}
_SUFFIX_FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
                   ".jsonld": "json-ld",
                   ".json": "json-ld"}

# Prefixed names are used only for local names that every Turtle parser reads the same.
_SIMPLE_LOCAL = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_TO_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_IRI_TO_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "'": "'"}
_RDF_TYPE = f"<{RDF.type}>"
_XSD_BOOLEAN, _XSD_INTEGER, _XSD_STRING = str(XSD.boolean), str(XSD.integer), str(XSD.string)
#: Classes whose instances belong to their document's named graph in TriG.
_PER_DOCUMENT = (GB.RelationAssertion, GB.Mention, GB.Evidence)


def normalize_format(fmt: str) -> tuple[str, str]:
    """Return (canonical format, suffix) for a format name; GraphbuildError for an unknown one."""
    try:
        return FORMATS[fmt.lower()]
    except KeyError:
        raise GraphbuildError(f"unknown RDF format {fmt!r}; expected one of turtle, trig, nt, nquads, json-ld") from None


def escape_string(value: str) -> str:
    """The body of an N-Triples / Turtle string literal: quotes, backslashes and control characters escaped."""
    return _TO_ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), value)


def _iri(value: str) -> str:
    return "<" + _IRI_TO_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04X}", value) + ">"


def nt_term(node: Node) -> str:
    """One rdflib term in N-Triples syntax (the form every line of this module uses)."""
    if isinstance(node, URIRef):
        return _iri(str(node))
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, Literal):
        lex = escape_string(str(node))
        if node.language:
            return f'"{lex}"@{node.language}'
        dt = node.datatype
        if dt is None or dt == XSD.string:
            return f'"{lex}"'
        return f'"{lex}"^^{_iri(str(dt))}'
    raise TypeError(f"cannot serialise {node!r}")


@dataclass
class TripleLines:
    """A graph as N-Triples lines (``"<s> <p> <o> .\\n"``): the default graph, and one named graph per document.

    Lines may come in any order and repeat; the writers sort them and drop repeats, so the bytes are a pure
    function of the set of triples (and of the document each per-document triple belongs to).

    Attributes:
        default: Lines of the default graph (actors, documents, aggregated edges, direct triples, summaries).
        named: Document IRI (N-Triples form, ``<...>``) -> lines of its mentions, assertions and evidence.
    """

    default: list[str] = field(default_factory=list)
    named: dict[str, list[str]] = field(default_factory=dict)

    def sorted_lines(self) -> list[str]:
        """Every line once, sorted (so grouped by subject, then predicate)."""
        lines = list(self.default)
        for part in self.named.values():
            lines.extend(part)
        return _unique_sorted(lines)


def _unique_sorted(lines: list[str]) -> list[str]:
    lines.sort()  # Timsort: concatenated sorted fragments merge in about linear time
    return [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None
                         else _UNESCAPES[m.group(3)], text) if "\\" in text else text


class _Terms:
    """Reads back the N-Triples terms of :func:`nt_term`: their sort keys and their compact Turtle/TriG/JSON-LD forms.

    Sort keys order IRIs before blank nodes before literals, each by value (then literals by datatype and
    language).  ``used`` collects the prefixes a compact form used, so only those are declared.
    """

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._ns = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
        self._parsed: dict[str, tuple[int, str, str, str]] = {}
        self._keys: dict[str, tuple[int, str, str]] = {}
        self._compact: dict[str, str] = {}

    def parse(self, term: str) -> tuple[int, str, str, str]:
        """(kind 0 IRI / 1 blank node / 2 literal, value, datatype IRI, language) of an N-Triples term."""
        try:
            return self._parsed[term]
        except KeyError:
            pass
        if term[0] == "<":
            parsed = (0, _unescape(term[1:-1]), "", "")
        elif term[0] == "_":
            parsed = (1, term[2:], "", "")
        else:
            end = term.rindex('"')
            suffix = term[end + 1:]
            datatype = _unescape(suffix[3:-1]) if suffix.startswith("^^") else ""
            language = suffix[1:] if suffix.startswith("@") else ""
            parsed = (2, _unescape(term[1:end]), datatype, language)
        self._parsed[term] = parsed
        return parsed

    def key(self, term: str) -> tuple[int, str, str]:
        try:
            return self._keys[term]
        except KeyError:
            kind, value, datatype, language = self.parse(term)
            key = self._keys[term] = (kind, value, f"{datatype}@{language}" if kind == 2 else "")
            return key

    def iri(self, value: str) -> str:
        """A prefixed name when a prefix covers ``value`` with a simple local name, else ``<value>``."""
        for prefix, ns in self._ns:
            if value.startswith(ns) and _SIMPLE_LOCAL.fullmatch(value[len(ns):]):
                self.used.add(prefix)
                return f"{prefix}:{value[len(ns):]}"
        return _iri(value)

    def compact(self, term: str) -> str:
        """The Turtle form: prefixed names, bare booleans and integers."""
        try:
            return self._compact[term]
        except KeyError:
            pass
        kind, value, datatype, language = self.parse(term)
        if kind == 0:
            text = self.iri(value)
        elif kind == 1 or language or not datatype:
            text = term
        elif (datatype == _XSD_BOOLEAN and value in ("true", "false")) or (
                datatype == _XSD_INTEGER and _INTEGER.fullmatch(value)):
            text = value
        else:
            text = term[:term.rindex('"') + 1] + "^^" + self.iri(datatype)
        self._compact[term] = text
        return text


def _split(line: str) -> tuple[str, str, str]:
    s, p, o = line[:-3].split(" ", 2)  # IRIs and blank nodes hold no space; the object is the rest
    return s, p, o


def _by_subject(lines: Iterable[str]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Sorted unique lines -> (subject, [(predicate, object), ...]) (a subject's lines are consecutive)."""
    for subject, group in groupby(map(_split, lines), key=itemgetter(0)):
        yield subject, [(p, o) for _, p, o in group]


def _turtle_block(lines: list[str], terms: _Terms, indent: str = "") -> list[str]:
    """Turtle statements for sorted unique lines: subjects, predicates (``a`` first) and objects sorted by value."""
    key, compact = terms.key, terms.compact
    blocks = []
    for subject, pairs in _by_subject(lines):
        props: dict[str, list[str]] = defaultdict(list)
        for p, o in pairs:
            props[p].append(o)
        parts = []
        for p in sorted(props, key=lambda p: (p != _RDF_TYPE, key(p))):
            objects = props[p]
            if len(objects) > 1:
                objects.sort(key=key)
            parts.append(f"{'a' if p == _RDF_TYPE else compact(p)} {', '.join(map(compact, objects))}")
        blocks.append((key(subject), f"{indent}{compact(subject)} " + f" ;\n{indent}    ".join(parts) + " .\n"))
    blocks.sort(key=itemgetter(0))
    return [text for _, text in blocks]


def _prefix_lines(used: set[str]) -> list[str]:
    return [f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in sorted(used)]


def turtle_from_lines(lines: list[str], output: BinaryIO | None = None) -> bytes | None:
    """Turtle for sorted unique N-Triples lines, by pyoxigraph's serialiser in the order given.

    pyoxigraph groups consecutive triples by subject and predicate and keeps their order, so the bytes are a
    pure function of the set of triples; it is about 2x faster than a Python writer on a million triples
    (docs/PERFORMANCE.md).  (A pyoxigraph ``Store`` dumps in its internal order instead: not deterministic.)
    The lines are read as a stream and, with ``output``, the Turtle is written to it (None is returned): neither the
    N-Triples nor the Turtle of a big graph is held whole beside its lines.
    """
    import pyoxigraph as ox

    triples = ox.parse(_LineStream(lines), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, output, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


class _LineStream(io.RawIOBase):
    """Lines of text as a binary stream, encoded a few thousand lines at a time."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while len(self._pending) < len(buffer):
            chunk = "".join(itertools.islice(self._lines, 4096))
            if not chunk:
                break
            self._pending += chunk.encode("utf-8")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def trig_from_lines(graph: TripleLines) -> str:
    """TriG: the default graph, then each document's named graph in IRI order (sorted Turtle statements)."""
    terms = _Terms()
    body = ["{\n", "\n".join(_turtle_block(_unique_sorted(list(graph.default)), terms, "    ")), "}\n"]
    for doc in sorted((d for d in graph.named if graph.named[d]), key=terms.key):
        body += ["\n", f"{terms.compact(doc)} {{\n",
                 "\n".join(_turtle_block(_unique_sorted(list(graph.named[doc])), terms, "    ")), "}\n"]
    return "".join(_prefix_lines(terms.used) + ["\n"] + body)


def nquads_from_lines(graph: TripleLines) -> Iterator[str]:
    """N-Quads: the default graph's lines, then each document's lines with the document IRI as graph, all sorted."""
    quads = _unique_sorted(list(graph.default))
    for doc, lines in graph.named.items():
        quads.extend(f"{line[:-3]} {doc} .\n" for line in lines)  # "<s> <p> <o> .\n" -> "<s> <p> <o> <g> .\n"
    return iter(_unique_sorted(quads))


def _jsonld_value(term: str, terms: _Terms) -> dict[str, str]:
    kind, value, datatype, language = terms.parse(term)
    if kind != 2:
        return {"@id": value if kind == 0 else f"_:{value}"}
    item = {"@value": value}
    if language:
        item["@language"] = language
    elif datatype and datatype != _XSD_STRING:
        item["@type"] = terms.iri(datatype)
    return item


def _jsonld_node(subject: str, pairs: list[tuple[str, str]], terms: _Terms) -> dict[str, object]:
    kind, value, _, _ = terms.parse(subject)
    item: dict[str, object] = {"@id": value if kind == 0 else f"_:{value}"}
    props: dict[str, list[str]] = defaultdict(list)
    for p, o in pairs:
        props[p].append(o)
    for p, objects in props.items():
        objects.sort(key=terms.key)
        if p == _RDF_TYPE and all(terms.parse(o)[0] == 0 for o in objects):
            item["@type"] = [terms.iri(terms.parse(o)[1]) for o in objects]
        else:
            name = terms.iri(terms.parse(p)[1])
            item[name[1:-1] if name.startswith("<") else name] = [_jsonld_value(o, terms) for o in objects]
    return item


def jsonld_from_lines(lines: list[str]) -> str:
    """Flattened JSON-LD with an inline ``@context`` of the prefixes used (never a remote one)."""
    terms = _Terms()
    nodes = sorted(((terms.key(s), _jsonld_node(s, pairs, terms)) for s, pairs in _by_subject(lines)),
                   key=itemgetter(0))
    doc = {"@context": {p: PREFIXES[p] for p in sorted(terms.used)}, "@graph": [node for _, node in nodes]}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def serialize_lines(graph: TripleLines, fmt: str = "turtle") -> bytes:
    """The graph in ``fmt`` (turtle, trig, nt, nquads, json-ld) as UTF-8 bytes: a pure function of its lines' set."""
    name, _ = normalize_format(fmt)
    if name == "trig":
        return trig_from_lines(graph).encode("utf-8")
    if name == "nquads":
        return "".join(nquads_from_lines(graph)).encode("utf-8")
    lines = graph.sorted_lines()
    if name == "turtle":
        return turtle_from_lines(lines)
    if name == "nt":
        return "".join(lines).encode("utf-8")
    return jsonld_from_lines(lines).encode("utf-8")


def write_lines(graph: TripleLines, path: Path, format: str = "turtle") -> None:
    """Write ``graph`` to ``path`` in ``format``, atomically (see :func:`serialize_lines`; Turtle and N-Quads are
    streamed)."""
    name = normalize_format(format)[0]
    if name == "nquads":
        with atomic_writer(Path(path)) as handle:
            handle.writelines(line.encode("utf-8") for line in nquads_from_lines(graph))
        return
    if name != "turtle":
        atomic_write_bytes(Path(path), serialize_lines(graph, format))
        return
    with atomic_writer(Path(path)) as handle:
        turtle_from_lines(graph.sorted_lines(), handle)


def graph_lines(graph: Graph, *, by_document: bool = False) -> TripleLines:
    """The N-Triples lines of an rdflib graph; ``by_document``: per-document triples in their named graph."""
    written: dict[Node, str] = {}  # graphs repeat their terms: each is escaped once

    def term(node: Node) -> str:
        try:
            return written[node]
        except KeyError:
            written[node] = text = nt_term(node)
            return text

    owner = document_of(graph) if by_document else {}
    result = TripleLines()
    for s, p, o in graph:
        line = f"{term(s)} {term(p)} {term(o)} .\n"
        doc = owner.get(s)
        if doc is None:
            result.default.append(line)
        else:
            result.named.setdefault(term(doc), []).append(line)
    return result


def ntriples_lines(graph: Graph) -> list[str]:
    """The graph's N-Triples lines, sorted (so grouped by subject, then predicate)."""
    return graph_lines(graph).sorted_lines()


def to_turtle(graph: Graph) -> str:
    """Sorted Turtle for ``graph`` (see :func:`turtle_from_lines`)."""
    return turtle_from_lines(ntriples_lines(graph)).decode("utf-8")


def to_ntriples(graph: Graph) -> str:
    """Return N-Triples, one triple per line, lines sorted."""
    return "".join(ntriples_lines(graph))


def document_of(graph: Graph) -> dict[Node, URIRef]:
    """Map each per-document node (assertion, mention, evidence) to its document IRI."""
    docs = set(graph.subjects(RDF.type, GB.Document))
    result: dict[Node, URIRef] = {}
    for cls in _PER_DOCUMENT:
        for node in graph.subjects(RDF.type, cls):
            sources = [d for d in graph.objects(node, PROV.wasDerivedFrom) if d in docs]
            if len(sources) == 1 and isinstance(sources[0], URIRef):
                result[node] = sources[0]
    return result


def to_trig(graph: Graph) -> str:
    """Return TriG: actors, documents, aggregated edges and direct triples in the default graph;
    each document's assertions, evidence and mentions in a named graph named by the document IRI."""
    return trig_from_lines(graph_lines(graph, by_document=True))


def to_jsonld(graph: Graph) -> str:
    """Return flattened JSON-LD with an inline ``@context`` of prefixes only (never a remote one)."""
    return jsonld_from_lines(ntriples_lines(graph))


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """Return the graph in ``fmt`` as UTF-8 bytes (deterministic)."""
    return serialize_lines(graph_lines(graph, by_document=normalize_format(fmt)[0] in ("trig", "nquads")), fmt)


def write_graph(graph: Graph, path: Path, format: str = "turtle") -> None:
    """Write ``graph`` to ``path`` in ``format`` (turtle, trig, nt, nquads, json-ld), atomically.

    The same set of triples always gives the same bytes.

    Raises:
        GraphbuildError: an unknown format.
    """
    atomic_write_bytes(Path(path), serialize(graph, format))


def format_for_path(path: Path) -> str:
    """Guess the RDF format from a file suffix (GraphbuildError when unknown)."""
    try:
        return _SUFFIX_FORMATS[Path(path).suffix.lower()]
    except KeyError:
        raise GraphbuildError(
            f"{path}: cannot tell the RDF format from the suffix; expected .ttl, .trig, .nt or .jsonld"
        ) from None


def check_jsonld_contexts(data: object, where: str = "JSON-LD") -> None:
    """Raise GraphbuildError if a JSON-LD document refers to any context by IRI (remote or file).

    Only inline (object) contexts are allowed, so parsing never fetches anything.
    """
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in ("@context", "@import"):
                    values = value if isinstance(value, list) else [value]
                    for ctx in values:
                        if isinstance(ctx, str):
                            raise GraphbuildError(f"{where}: remote JSON-LD context {ctx!r} refused; inline the context")
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)


def load_graph(path: Path | str) -> Graph:
    """Load a graph file written by :func:`write_graph` (or any Turtle/TriG/N-Triples/N-Quads/JSON-LD file).

    ``path`` may be an output directory, in which case its ``graph.ttl`` is read.  TriG and N-Quads
    are loaded as the union of their graphs.  JSON-LD documents that name a remote context
    are refused (nothing is fetched).

    Raises:
        GraphbuildError: a missing file, unknown suffix or a syntax error (with the parser's message).
    """
    path = resolve_graph_path(path)
    fmt = format_for_path(path)
    try:
        if fmt == "json-ld":
            data = json.loads(path.read_text(encoding="utf-8"))
            check_jsonld_contexts(data, str(path))
            g = Graph(bind_namespaces="none")
            g.parse(data=json.dumps(data), format="json-ld")
        elif fmt in ("trig", "nquads"):
            ds = Dataset()
            ds.parse(path, format=fmt)
            g = Graph(bind_namespaces="none")
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g = Graph(bind_namespaces="none")
            g.parse(path, format=fmt)
    except GraphbuildError:
        raise
    except Exception as exc:  # rdflib raises many types for syntax errors
        raise GraphbuildError(f"{path}: cannot parse as {fmt}: {exc}") from None
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.nt", "graph.nq", "graph.jsonld")


def resolve_graph_path(path: Path | str) -> Path:
    """An output directory -> its graph file (graph.ttl first); a file -> itself.

    Raises:
        GraphbuildError: nothing to read there.
    """
    path = Path(path)
    if path.is_dir():
        for name in GRAPH_FILES:
            if (path / name).is_file():
                return path / name
        raise GraphbuildError(f"{path}: no graph file in this directory (expected graph.ttl; run `graphbuild build`)")
    if not path.is_file():
        raise GraphbuildError(f"{path}: graph file not found (run `graphbuild build` or pass --graph)")
    return path
