"""A read-only SPARQL 1.1 Protocol endpoint over a built graph (stdlib http.server + pyoxigraph).

    graphbuild serve output/ --port 3030      ->  http://127.0.0.1:3030/sparql

* ``GET /sparql?query=...``, ``POST`` with ``application/x-www-form-urlencoded`` (``query=``)
  or ``application/sparql-query`` (the query as the body);
* results by ``Accept``: SPARQL JSON (default), SPARQL XML, CSV, TSV; CONSTRUCT/DESCRIBE
  give N-Triples;
* updates are refused: ``update=`` and ``application/sparql-update`` get 405, an update
  sent as a query gets 400; SERVICE and FROM are refused (400) as in ``graphbuild query``;
* bound to a loopback address only, and answers only requests whose ``Host`` is a loopback
  name (``localhost``, ``127.0.0.1``, ``[::1]``): a web page that rebinds its own DNS name to
  127.0.0.1 gets 403. Browser requests from another origin (an ``Origin`` header other than
  the endpoint's own) get 403 unless that origin is allowed (``--allow-origin``);
* every query runs in a worker process (a small pool, warmed up at start) with a time limit
  (``--timeout``, default 30 s; the worker is killed and replaced, 503) and a row limit
  (``--max-rows``, default 100,000; 400); results are read lazily up to the cap;
* a malformed ``Content-Length`` (not digits, negative, repeated with other values) or a
  chunked body gets 400, a body over 1 MB gets 413.
"""

from __future__ import annotations

import json
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef

from graphbuild.errors import GraphbuildError, QueryError, QueryLimitError
from graphbuild.rdf.io import resolve_graph_path
from graphbuild.rdf.query import QueryResult, open_store, select
from graphbuild.rdf.worker import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, WorkerPool

LOOPBACK = ("127.0.0.1", "localhost", "::1")
#: Host header names accepted (without the port): anything else may be a DNS-rebinding page.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
MAX_BODY = 1_000_000
_DIGITS = re.compile(r"[0-9]{1,15}")
_HOST = re.compile(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?")
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


def answer(query: str, graph: str, media: str, max_rows: int | None) -> tuple[str, bytes]:
    """Run ``query`` and render it: the job a worker process does for each request."""
    return render(select(query, graph, engine="oxigraph", max_rows=max_rows), media)


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

    def _error(self, status: int, message: str, *, close: bool = False) -> None:
        if close:  # the request body was not read: the connection cannot carry another request
            self.close_connection = True
        self._send(status, (message + "\n").encode("utf-8"))

    def _headers_ok(self) -> bool:
        """Host must be a loopback name (DNS rebinding); Origin, if sent, ours or an allowed one."""
        hosts = self.headers.get_all("Host") or []
        m = _HOST.fullmatch(hosts[0].strip()) if len(hosts) == 1 else None
        if m is None:
            self._error(HTTPStatus.BAD_REQUEST, "expected exactly one well-formed Host header", close=True)
            return False
        if m.group(1).lower() not in self.server.allowed_hosts:  # type: ignore[attr-defined]
            self._error(HTTPStatus.FORBIDDEN, f"Host {m.group(1)!r} is not served here: use "
                        "http://127.0.0.1 or http://localhost (requests for other names may come from a "
                        "page rebinding its DNS name)", close=True)
            return False
        origins = self.headers.get_all("Origin") or []
        if origins:
            origin = origins[0].strip().rstrip("/").lower()
            if len(origins) > 1 or origin not in self.server.allowed_origins:  # type: ignore[attr-defined]
                self._error(HTTPStatus.FORBIDDEN, f"cross-origin request from {origins[0]!r} refused "
                            "(allow an origin with graphbuild serve --allow-origin)", close=True)
                return False
        return True

    def _path_ok(self) -> bool:
        path = urlsplit(self.path).path
        if path not in ("/sparql", "/sparql/", "/"):
            self._error(HTTPStatus.NOT_FOUND, f"not found: {path}; the SPARQL endpoint is /sparql")
            return False
        return True

    def do_GET(self) -> None:  # noqa: N802
        if not self._headers_ok() or not self._path_ok():
            return
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        self._dispatch(params)

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        if not self._headers_ok() or not self._path_ok():
            self.close_connection = True
            return
        if self.headers.get_all("Transfer-Encoding"):
            self._error(HTTPStatus.BAD_REQUEST, "Transfer-Encoding is not supported: send a Content-Length", close=True)
            return
        values = {v.strip() for v in self.headers.get_all("Content-Length") or []}
        if len(values) > 1 or not all(_DIGITS.fullmatch(v) for v in values):
            self._error(HTTPStatus.BAD_REQUEST, "malformed Content-Length: expected one non-negative integer",
                        close=True)
            return
        length = int(values.pop()) if values else 0
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes", close=True)
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
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only", close=True)

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
        server = self.server
        media = _choose(self.headers.get("Accept", ""))
        try:
            ctype, body = server.pool.run(  # type: ignore[attr-defined]
                answer, (queries[0], str(server.graph), media, server.max_rows), server.timeout)  # type: ignore[attr-defined]
        except QueryLimitError as exc:
            status = HTTPStatus.BAD_REQUEST if exc.kind == "rows" else HTTPStatus.SERVICE_UNAVAILABLE
            self._error(status, str(exc))
            return
        except QueryError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        except GraphbuildError as exc:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
            return
        self._send(HTTPStatus.OK, body, ctype)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], graph: Path, verbose: bool = False, *,
                 timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS, workers: int = 2,
                 allow_origins: tuple[str, ...] = (), host: str = "127.0.0.1"):
        self.graph = graph
        self.verbose = verbose
        self.timeout = timeout
        self.max_rows = max_rows
        super().__init__(address, SparqlHandler)
        port = self.server_address[1]
        names = {*LOOPBACK_HOSTS, f"[{host}]" if ":" in host else host.lower()}
        self.allowed_hosts = frozenset(names)
        self.allowed_origins = frozenset(
            {f"http://{n}:{port}" for n in names} | {o.strip().rstrip("/").lower() for o in allow_origins})
        self.pool = WorkerPool(graph, workers)
        try:
            self.pool.start()
        except BaseException:
            self.pool.close()
            super().server_close()
            raise

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(graph_dir: Path | str, host: str = "127.0.0.1", port: int = 3030, *, verbose: bool = False,
                timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS, workers: int = 2,
                allow_origins: tuple[str, ...] = ()) -> SparqlServer:
    """Create (not start) the endpoint; ``port=0`` picks a free port (``server.server_address``).

    Args:
        timeout: Seconds a query may run before its worker process is killed (0: no limit).
        max_rows: Most rows (or triples) a result may have (0: no cap).
        workers: Query worker processes (queries beyond that wait for a free one).
        allow_origins: Browser origins (``http://host:port``) allowed besides the endpoint's own.

    Raises:
        GraphbuildError: a non-loopback host, or no graph to serve.
    """
    if host not in LOOPBACK:
        raise GraphbuildError(f"refusing to serve on {host!r}: the endpoint binds to localhost only (127.0.0.1 or ::1)")
    if workers < 1:
        raise GraphbuildError(f"--workers: expected at least 1, got {workers}")
    graph = resolve_graph_path(graph_dir)
    open_store(graph)  # build or refresh the store before the first request (the workers open it read-only)
    options = {"timeout": timeout, "max_rows": max_rows, "workers": workers, "allow_origins": tuple(allow_origins),
               "host": host}
    if host == "::1":
        import socket

        class V6(SparqlServer):
            address_family = socket.AF_INET6

        return V6((host, port), graph, verbose, **options)
    return SparqlServer(("127.0.0.1" if host == "localhost" else host, port), graph, verbose, **options)


def serve(graph_dir: Path | str = "output", host: str = "127.0.0.1", port: int = 3030, *, verbose: bool = True,
          timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS, workers: int = 2,
          allow_origins: tuple[str, ...] = ()) -> None:
    """Serve ``graph_dir`` until interrupted (Ctrl-C); the options are those of :func:`make_server`."""
    server = make_server(graph_dir, host, port, verbose=verbose, timeout=timeout, max_rows=max_rows,
                         workers=workers, allow_origins=allow_origins)
    h, p = server.server_address[:2]
    print(f"SPARQL endpoint: http://{'[' + h + ']' if ':' in h else h}:{p}/sparql  (read-only; Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def serve_in_thread(graph_dir: Path | str, port: int = 0, **options: object) -> tuple[SparqlServer, threading.Thread]:
    """Start the endpoint on a background thread (tests); stop with ``server.shutdown()`` and ``server_close()``."""
    server = make_server(graph_dir, "127.0.0.1", port, verbose=False, **options)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
