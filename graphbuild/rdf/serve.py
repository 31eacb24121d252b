"""A read-only SPARQL 1.1 Protocol endpoint over a built graph (stdlib http.server + pyoxigraph).

    graphbuild serve output/ --port 3030      ->  http://127.0.0.1:3030/sparql

* ``GET /sparql?query=...``, ``POST`` with ``application/x-www-form-urlencoded`` (``query=``)
  or ``application/sparql-query`` (the query as the body);
* results by ``Accept``: SPARQL JSON (default), SPARQL XML, CSV, TSV; CONSTRUCT/DESCRIBE
  give N-Triples;
* updates are refused: ``update=`` and ``application/sparql-update`` get 405, an update
  sent as a query gets 400; SERVICE and FROM are refused (400) as in ``graphbuild query``;
* bound to a loopback address only.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef

from graphbuild.errors import GraphbuildError, QueryError
from graphbuild.rdf.io import resolve_graph_path
from graphbuild.rdf.query import QueryResult, open_store, select

LOOPBACK = ("127.0.0.1", "localhost", "::1")
MAX_BODY = 1_000_000
_JSON = "application/sparql-results+json"
_XML = "application/sparql-results+xml"
_CSV = "text/csv"
_TSV = "text/tab-separated-values"
_NT = "application/n-triples"


def _choose(accept: str) -> str:
    accept = (accept or "").lower()
    best = (0.0, _JSON)
    for i, part in enumerate(accept.split(",")):
        fields = part.strip().split(";")
        media = fields[0].strip()
        q = 1.0
        for f in fields[1:]:
            if f.strip().startswith("q="):
                try:
                    q = float(f.strip()[2:])
                except ValueError:
                    q = 0.0
        kind = {
            _JSON: _JSON, "application/json": _JSON, _XML: _XML, "application/xml": _XML, "text/xml": _XML,
            _CSV: _CSV, _TSV: _TSV,
        }.get(media)
        if kind and q - i * 1e-6 > best[0]:
            best = (q - i * 1e-6, kind)
    return best[1]


def _xml_term(term: object) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    assert isinstance(term, Literal)
    attrs = ""
    if term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype is not None:
        attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{escape(str(term))}</literal>"


def to_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if result.kind == "ask":
        out += ["</head>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    out += ["</head>", "<results>"]
    for row in result.rows:
        out.append("<result>")
        for var, term in zip(result.variables, row):
            if term is not None:
                out.append(f"<binding name={quoteattr(var)}>{_xml_term(term)}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV results (terms in N-Triples syntax)."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else t.n3().replace("\t", "\\t").replace("\n", "\\n") for t in row))
    return "\n".join(lines) + "\n"


def render(result: QueryResult, media: str) -> tuple[str, bytes]:
    """(content type, body) for a result in the negotiated media type."""
    if result.kind == "graph":
        return _NT + "; charset=utf-8", result.format("table").encode("utf-8")
    if media == _XML:
        return _XML + "; charset=utf-8", to_xml(result).encode("utf-8")
    if media == _CSV:
        return _CSV + "; charset=utf-8", (result.format("csv") if result.kind == "select" else result.format("table")).encode("utf-8")
    if media == _TSV and result.kind == "select":
        return _TSV + "; charset=utf-8", to_tsv(result).encode("utf-8")
    return _JSON + "; charset=utf-8", json.dumps(json.loads(result.format("json")), ensure_ascii=False).encode("utf-8")


class SparqlHandler(BaseHTTPRequestHandler):
    """Request handler; the graph path is set on the server (``server.graph``)."""

    server_version = "graphbuild-sparql/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"))

    def _path_ok(self) -> bool:
        path = urlsplit(self.path).path
        if path not in ("/sparql", "/sparql/", "/"):
            self._error(HTTPStatus.NOT_FOUND, f"not found: {path}; the SPARQL endpoint is /sparql")
            return False
        return True

    def do_GET(self) -> None:  # noqa: N802
        if not self._path_ok():
            return
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        self._dispatch(params)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        if not self._path_ok():
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only: SPARQL updates are not allowed")
            return
        if ctype == "application/sparql-query":
            params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
            params["query"] = [body]
        elif ctype in ("application/x-www-form-urlencoded", ""):
            params = parse_qs(body, keep_blank_values=True)
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported Content-Type {ctype!r}")
            return
        self._dispatch(params)

    def do_PUT(self) -> None:  # noqa: N802
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT

    def _dispatch(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only: SPARQL updates are not allowed")
            return
        if any(k in params for k in ("default-graph-uri", "named-graph-uri")):
            self._error(HTTPStatus.BAD_REQUEST, "default-graph-uri / named-graph-uri are not supported: one local graph")
            return
        queries = params.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "expected exactly one 'query' parameter (SPARQL 1.1 Protocol)")
            return
        try:
            result = select(queries[0], self.server.graph, engine="oxigraph")  # type: ignore[attr-defined]
        except QueryError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        except GraphbuildError as exc:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
            return
        ctype, body = render(result, _choose(self.headers.get("Accept", "")))
        self._send(HTTPStatus.OK, body, ctype)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], graph: Path, verbose: bool = False):
        self.graph = graph
        self.verbose = verbose
        super().__init__(address, SparqlHandler)


def make_server(graph_dir: Path | str, host: str = "127.0.0.1", port: int = 3030, *, verbose: bool = False) -> SparqlServer:
    """Create (not start) the endpoint; ``port=0`` picks a free port (``server.server_address``).

    Raises:
        GraphbuildError: a non-loopback host, or no graph to serve.
    """
    if host not in LOOPBACK:
        raise GraphbuildError(f"refusing to serve on {host!r}: the endpoint binds to localhost only (127.0.0.1 or ::1)")
    graph = resolve_graph_path(graph_dir)
    open_store(graph)  # build or refresh the store before the first request
    if host == "::1":
        import socket

        class V6(SparqlServer):
            address_family = socket.AF_INET6

        return V6((host, port), graph, verbose)
    return SparqlServer(("127.0.0.1" if host == "localhost" else host, port), graph, verbose)


def serve(graph_dir: Path | str = "output", host: str = "127.0.0.1", port: int = 3030, *, verbose: bool = True) -> None:
    """Serve ``graph_dir`` until interrupted (Ctrl-C)."""
    server = make_server(graph_dir, host, port, verbose=verbose)
    h, p = server.server_address[:2]
    print(f"SPARQL endpoint: http://{'[' + h + ']' if ':' in h else h}:{p}/sparql  (read-only; Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def serve_in_thread(graph_dir: Path | str, port: int = 0) -> tuple[SparqlServer, threading.Thread]:
    """Start the endpoint on a background thread (tests); stop with ``server.shutdown()``."""
    server = make_server(graph_dir, "127.0.0.1", port, verbose=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
