"""SPARQL over a built graph: pyoxigraph on disk (fast) or rdflib in memory (the reference).

Safety: queries are read-only and never reach the network or the file system.

* Updates (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD) are refused.
* Every query is parsed with rdflib's SPARQL parser first and its parse tree is checked:
  ``SERVICE`` (federated query) and ``FROM`` / ``FROM NAMED`` (which make rdflib fetch
  and parse the named IRI, and which pyoxigraph would otherwise accept) are refused.
  pyoxigraph has no switch to turn SERVICE off, so this check is what keeps it offline.
* As a second line of defence, a query in which the word ``SERVICE`` appears anywhere
  (after ``\\u`` escapes are decoded) is refused even if the parse tree shows no SERVICE
  clause: two SPARQL parsers could disagree on an adversarial query, and this costs only
  the odd false positive (use ``regex(?x, "servic[e]")`` to search for the word).
* Graph files in JSON-LD that name a remote ``@context`` are refused (see io.load_graph).

The oxigraph store lives in ``<graph dir>/store/`` and is rebuilt when the graph file
changes (its path, size and modification time are recorded in ``store/SOURCE``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.term import Node

from graphbuild.errors import GraphbuildError, QueryError, QueryLimitError
from graphbuild.rdf.io import check_jsonld_contexts, format_for_path, resolve_graph_path
from graphbuild.rdf.namespace import PREFIXES

ENGINES = ("oxigraph", "rdflib")
RESULT_FORMATS = ("table", "csv", "json")
STORE_DIR = "store"
_STORE_VERSION = "1"
_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_PROLOGUE = re.compile(
    r"\s*(?:#[^\n]*\n\s*|PREFIX\s+[^\s:]*:\s*<[^>]*>\s*|BASE\s*<[^>]*>\s*)*", re.IGNORECASE
)
_WORD_SERVICE = re.compile(r"(?<![A-Za-z0-9_])SERVICE(?![A-Za-z0-9_])", re.IGNORECASE)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OX_FORMATS = {"turtle": "TURTLE", "trig": "TRIG", "nt": "N_TRIPLES", "nquads": "N_QUADS", "json-ld": "JSON_LD"}


# ----------------------------------------------------------------------------------------------
# Results
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryResult:
    """The result of a query, engine-independent (terms are rdflib terms).

    ``kind`` is ``"select"`` (``variables`` and ``rows``), ``"ask"`` (``boolean``) or
    ``"graph"`` for CONSTRUCT/DESCRIBE (``triples``).
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Node, Node, Node], ...] = field(default=())

    def format(self, fmt: str = "table") -> str:
        """Render as ``table`` (aligned text), ``csv`` (SPARQL 1.1 CSV) or ``json`` (SPARQL 1.1 JSON).

        CONSTRUCT/DESCRIBE results are sorted N-Triples (``table``, ``csv``) or a JSON list of
        N-Triples lines (``json``).
        """
        if fmt not in RESULT_FORMATS:
            raise QueryError(f"unknown result format {fmt!r}; expected one of {', '.join(RESULT_FORMATS)}")
        if self.kind == "ask":
            if fmt == "json":
                return json.dumps({"head": {}, "boolean": bool(self.boolean)}) + "\n"
            return ("true" if self.boolean else "false") + "\n"
        if self.kind == "graph":
            from graphbuild.rdf.io import nt_term

            lines = sorted(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in self.triples)
            return json.dumps(lines, ensure_ascii=False, indent=1) + "\n" if fmt == "json" else "\n".join(lines) + "\n"
        if fmt == "csv":
            return self.to_csv()
        if fmt == "json":
            return json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n"
        return self.to_table()

    def to_json(self) -> dict[str, Any]:
        """SPARQL 1.1 Query Results JSON."""
        bindings = []
        for row in self.rows:
            b = {}
            for var, term in zip(self.variables, row):
                if term is not None:
                    b[var] = term_to_json(term)
            bindings.append(b)
        return {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV (plain values, CRLF line ends)."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
        return buf.getvalue()

    def to_table(self) -> str:
        """Aligned text table; IRIs shortened with graphbuild's prefixes."""
        header = list(self.variables)
        body = [[short(t) for t in row] for row in self.rows]
        widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
        widths = [min(w, 80) for w in widths]

        def line(cells: list[str]) -> str:
            return "  ".join(c[:80].ljust(w) for c, w in zip(cells, widths)).rstrip()

        out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in body]
        out.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
        return "\n".join(out) + "\n"

    def values(self) -> list[tuple[str | None, ...]]:
        """Rows as N-Triples-style strings (for comparing engines)."""
        return [tuple(None if t is None else t.n3() for t in row) for row in self.rows]


def term_to_json(term: Node) -> dict[str, str]:
    """One RDF term in SPARQL JSON results form."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = str(term.datatype)
    return out


_SHORT = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_ID_IRI = "https://w3id.org/graphbuild/id/"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def short(term: Node | None) -> str:
    """A compact display form: ``gb:consult``, ``id:country/BLR``, literal values as is."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        value = str(term)
        if value.startswith(_ID_IRI):
            return "id:" + value[len(_ID_IRI):]
        for prefix, ns in _SHORT:
            if value.startswith(ns):
                return f"{prefix}:{value[len(ns):]}"
        return f"<{value}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term).replace("\n", " ")


# ----------------------------------------------------------------------------------------------
# Checking queries
# ----------------------------------------------------------------------------------------------


def _decode_codepoints(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except ValueError:
            return m.group()

    return _CODEPOINT.sub(repl, text)


def _walk(node: Any) -> Iterable[Any]:
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(list(item))


# rdflib's SPARQL grammar is one pyparsing object per process, and pyparsing is not thread-safe:
# parse actions find their arity on the first calls by trial and error, and concurrent first
# parses (20 clients sending the same aggregate query to `graphbuild serve`) left them
# mis-wired for good ("Param.postParse2() missing 1 required positional argument").
_parse_lock = threading.Lock()


def check_query(query: str) -> Any:
    """Parse ``query`` and refuse what is not allowed; return rdflib's parse tree.

    Thread-safe: parsing is serialised by a lock (the grammar is shared by every thread).

    Raises:
        QueryError: a syntax error (with the parser's message), an update, SERVICE or FROM.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    if not query.strip():
        raise QueryError("empty query")
    for text in (query, _decode_codepoints(query)):
        first = text[_PROLOGUE.match(text).end():].lstrip()[:10].upper()  # type: ignore[union-attr]
        word = re.match(r"[A-Z]+", first)
        if word and word.group() in _UPDATE_WORDS:
            raise QueryError(f"updates are not allowed ({word.group()}): the query command and endpoint are read-only")
    try:
        with _parse_lock:
            tree = parseQuery(query)
    except ParseException as exc:
        try:
            with _parse_lock:
                parseUpdate(query)
        except Exception:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        raise QueryError("updates are not allowed: the query command and endpoint are read-only") from None
    except Exception as exc:  # rdflib raises a few other types for bad prefixes and the like
        raise QueryError(f"SPARQL error: {exc}") from None
    for node in _walk(tree):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            raise QueryError("SERVICE (federated query) is not allowed: queries never leave the local graph")
        if name == "DatasetClause" or (isinstance(node, dict) and "datasetClause" in node):
            raise QueryError(
                "FROM / FROM NAMED are not allowed: queries run over the built graph "
                "(use GRAPH <document IRI> { ... } to select one document's named graph)"
            )
    if _WORD_SERVICE.search(query) or _WORD_SERVICE.search(_decode_codepoints(query)):
        raise QueryError(
            "the word SERVICE is not allowed anywhere in a query (federated queries are disabled); "
            'to match the word in text use e.g. regex(?x, "servic[e]", "i")'
        )
    return tree


# ----------------------------------------------------------------------------------------------
# Engines
# ----------------------------------------------------------------------------------------------


def _stamp(graph_file: Path) -> str:
    st = graph_file.stat()
    return f"{_STORE_VERSION}\n{graph_file.resolve()}\n{st.st_size}\n{st.st_mtime_ns}\n"


_store_lock = threading.Lock()
_open_stores: dict[str, tuple[str, Any]] = {}


def _load_into(store: Any, graph_file: Path) -> None:
    import pyoxigraph as ox

    fmt = format_for_path(graph_file)
    if fmt == "json-ld":
        check_jsonld_contexts(json.loads(graph_file.read_text(encoding="utf-8")), str(graph_file))
    store.bulk_load(path=str(graph_file), format=getattr(ox.RdfFormat, _OX_FORMATS[fmt]))


def open_store(graph: Path | str) -> Any:
    """Return a pyoxigraph Store over ``graph`` (an output directory or graph file).

    The store is persisted in ``<dir>/store/`` and rebuilt when the graph file changed;
    if that directory cannot be written, an in-memory store is used.
    """
    import pyoxigraph as ox

    graph_file = resolve_graph_path(graph)
    store_dir = graph_file.parent / STORE_DIR
    stamp = _stamp(graph_file)
    key = str(store_dir.resolve())
    with _store_lock:
        cached = _open_stores.get(key)
        if cached and cached[0] == stamp:
            return cached[1]
        _open_stores.pop(key, None)
        source = store_dir / "SOURCE"
        try:
            if not (source.is_file() and source.read_text(encoding="utf-8") == stamp):
                _rebuild_store(graph_file, store_dir, stamp)
            store = ox.Store.read_only(str(store_dir))
        except GraphbuildError:
            raise
        except (OSError, SyntaxError, ValueError) as exc:
            if isinstance(exc, SyntaxError):
                raise GraphbuildError(f"{graph_file}: cannot load into the SPARQL store: {exc}") from None
            store = ox.Store()
            try:
                _load_into(store, graph_file)
            except SyntaxError as exc2:
                raise GraphbuildError(f"{graph_file}: cannot load into the SPARQL store: {exc2}") from None
        _open_stores[key] = (stamp, store)
        return store


def _rebuild_store(graph_file: Path, store_dir: Path, stamp: str) -> None:
    import gc

    import pyoxigraph as ox

    tmp = store_dir.parent / f".{STORE_DIR}-tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        store = ox.Store(str(tmp))
        _load_into(store, graph_file)
        store.flush()
        del store
        gc.collect()
        (tmp / "SOURCE").write_text(stamp, encoding="utf-8")
        old = None
        if store_dir.exists():
            old = store_dir.parent / f".{STORE_DIR}-old-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            os.replace(store_dir, old)
        os.replace(tmp, store_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


_rdflib_cache: dict[str, tuple[str, Graph]] = {}


def open_rdflib(graph: Path | str) -> Graph:
    """Return an rdflib graph over ``graph``, cached per file version.

    TriG is loaded as a Dataset whose default graph is the union of all its graphs (as
    pyoxigraph is queried), so GRAPH ?g { } works too; other formats as a plain Graph.
    """
    graph_file = resolve_graph_path(graph)
    stamp = _stamp(graph_file)
    key = str(graph_file.resolve())
    cached = _rdflib_cache.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    fmt = format_for_path(graph_file)
    ds: Graph = Dataset(default_union=True) if fmt in ("trig", "nquads") else Graph(bind_namespaces="none")
    try:
        if fmt == "json-ld":
            data = json.loads(graph_file.read_text(encoding="utf-8"))
            check_jsonld_contexts(data, str(graph_file))
            ds.parse(data=json.dumps(data), format="json-ld")
        else:
            ds.parse(str(graph_file), format=fmt)
    except GraphbuildError:
        raise
    except Exception as exc:
        raise GraphbuildError(f"{graph_file}: cannot parse as {fmt}: {exc}") from None
    _rdflib_cache.clear()  # keep one graph in memory
    _rdflib_cache[key] = (stamp, ds)
    return ds


def _from_ox(term: Any) -> Node | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise QueryError(f"unsupported result term {term!r}")


def _to_ox(term: Node) -> Any:
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot bind {term!r}")


_named_cache: dict[int, bool] = {}


def _has_named_graphs(store: Any) -> bool:
    key = id(store)
    if key not in _named_cache:
        _named_cache[key] = next(iter(store.named_graphs()), None) is not None
    return _named_cache[key]


def _capped(items: Iterable[Any], max_rows: int | None, what: str = "rows") -> Iterable[Any]:
    """Yield from ``items`` lazily; raise once there are more than ``max_rows`` (None or 0: no cap)."""
    for i, item in enumerate(items):
        if max_rows and i >= max_rows:
            raise QueryLimitError(
                f"the query returns more than {max_rows:,} {what} (the row limit); add a LIMIT "
                "or raise the limit with --max-rows", kind="rows")
        yield item


def _run_oxigraph(query: str, graph: Path | str, bindings: Mapping[str, Node], max_rows: int | None = None) -> QueryResult:
    import pyoxigraph as ox

    store = open_store(graph)
    subs = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
    # The union default graph costs time; only TriG builds have named graphs.
    union = _has_named_graphs(store)
    try:
        result = store.query(query, use_default_graph_as_union=union, substitutions=subs or None)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            # Building an rdflib Literal parses its value (most of the time of a query with thousands of rows);
            # results repeat terms (labels, relations, dates), so each distinct term is converted once.
            converted: dict[Any, Node | None] = {}

            def term(value: Any) -> Node | None:
                try:
                    return converted[value]
                except KeyError:
                    converted[value] = node = _from_ox(value)
                    return node

            rows = tuple(tuple(term(sol[i]) for i in range(len(variables))) for sol in _capped(result, max_rows))
            return QueryResult("select", variables, rows)
        triples = tuple((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object))
                        for t in _capped(result, max_rows, "triples"))
        return QueryResult("graph", triples=triples)  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from None


def _run_rdflib(tree: Any, graph: Path | str, bindings: Mapping[str, Node], max_rows: int | None = None) -> QueryResult:
    from rdflib.plugins.sparql.algebra import translateQuery

    ds = open_rdflib(graph)
    try:
        prepared = translateQuery(tree)
        result = ds.query(prepared, initBindings={Variable(k): v for k, v in bindings.items()})
    except Exception as exc:
        raise QueryError(f"query failed: {exc}") from None
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult("graph", triples=tuple(_capped(result.graph, max_rows, "triples")))  # type: ignore[union-attr]
    variables = tuple(str(v) for v in result.vars or ())
    rows = tuple(tuple(row[i] if i < len(row) else None for i in range(len(variables)))  # type: ignore[misc]
                 for row in _capped(result, max_rows))
    return QueryResult("select", variables, rows)


def select(
    query: str,
    graph: Path | str,
    *,
    engine: str = "oxigraph",
    bindings: Mapping[str, Node] | None = None,
    max_rows: int | None = None,
) -> QueryResult:
    """Run a read-only SPARQL query over a built graph and return a :class:`QueryResult`.

    Args:
        query: SPARQL 1.1 query text (SELECT, ASK, CONSTRUCT, DESCRIBE).
        graph: An output directory (its graph.ttl is used) or a graph file.
        engine: ``"oxigraph"`` (on-disk store, fast) or ``"rdflib"`` (in memory).
        bindings: Variable name -> RDF term, substituted before evaluation (rdflib ``initBindings``;
            pyoxigraph ``substitutions``, which requires the variable to be projected). Saved
            queries bind their parameters in the query text instead (see graphbuild.rdf.saved).
        max_rows: Refuse a result of more rows (or triples) than this; rows are read lazily up to
            the cap, never all at once. None or 0: no cap. No time limit here: see :func:`run_query`.

    Raises:
        QueryError: bad syntax, an update, SERVICE or FROM, an unknown engine.
        QueryLimitError: more than ``max_rows`` rows.
        GraphbuildError: no graph to read.
    """
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    tree = check_query(query)
    if engine == "rdflib":
        return _run_rdflib(tree, graph, bindings or {}, max_rows)
    return _run_oxigraph(query, graph, bindings or {}, max_rows)


def load_query(query_or_file: str) -> str:
    """Query text from a ``.rq`` file, a saved query name (``memberships``) or the text itself."""
    from graphbuild.rdf.saved import saved_query_path

    candidate = query_or_file.strip()
    if "\n" not in candidate and len(candidate) < 4096:
        path = Path(candidate)
        if path.suffix in (".rq", ".sparql") or path.is_file():
            try:
                return path.read_text(encoding="utf-8")
            except OSError as exc:
                raise QueryError(f"{path}: cannot read query file: {exc.strerror or exc}") from None
        saved = saved_query_path(candidate)
        if saved is not None:
            return saved.read_text(encoding="utf-8")
    return query_or_file


def run_query(
    query: str,
    graph_path_or_dir: Path | str = "output",
    format: str = "table",
    engine: str = "oxigraph",
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
) -> str:
    """Run a query (text, ``.rq`` file or saved query name) and return its results rendered as text.

    Args:
        timeout: Seconds the query may run; it then runs in a child process that is killed at the
            limit (pyoxigraph cannot be interrupted otherwise). None or 0: in this process, no limit.
        max_rows: Refuse results of more rows than this (None or 0: no cap).

    Raises:
        QueryLimitError: the time or row limit was reached.

    Example:
        >>> print(run_query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "output"))  # doctest: +SKIP
    """
    if format not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {format!r}; expected one of {', '.join(RESULT_FORMATS)}")
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    # A saved query run this way uses its parameters' defaults (its VALUES blocks).
    text = load_query(query)
    if not timeout or timeout <= 0:
        return format_query(text, str(graph_path_or_dir), format, engine, max_rows)
    from graphbuild.rdf.worker import QueryWorker

    resolve_graph_path(graph_path_or_dir)  # a missing graph is reported here, not by the child
    with QueryWorker(graph_path_or_dir if engine == "oxigraph" else None) as worker:
        return worker.run(format_query, (text, str(graph_path_or_dir), format, engine, max_rows), timeout)


def format_query(query: str, graph: str, format: str, engine: str, max_rows: int | None) -> str:
    """``select(...).format(format)``: the job :func:`run_query` sends to its query process."""
    return select(query, graph, engine=engine, max_rows=max_rows).format(format)


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """(result, seconds) of one call (used by the benchmark)."""
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - t0
