"""Saved queries: ``queries/*.rq`` with a header of ``# key: value`` comments.

Header keys: ``title``, ``description`` and one ``param`` line per parameter
(``# param: actor  Label, entity id or ISO3 code of the actor``).  Each parameter has a
default in the query body, ``VALUES ?actor { "Belarus" }``, so every file runs as is in
any SPARQL tool.  :func:`run_saved_query` binds parameters without pasting user text
into the query unchecked: the value is typed like the default (string, ``xsd:date``,
integer or IRI), validated, escaped and written into that parameter's VALUES block, so
both engines run the same text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from graphbuild import resources
from graphbuild.errors import QueryError

QUERIES_DIR = resources.queries_dir()
_HEADER = re.compile(r"^#\s*(title|description|param|example):\s*(.*)$")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_VALUES = r"VALUES\s+\?{name}\s*\{{\s*([^}}]*?)\s*\}}"
# BIND (default AS ?name): joins that follow a BIND are evaluated with the value bound in rdflib,
# where VALUES blocks joined with other groups are not (rdflib evaluates them unbound).
_BIND = r'BIND\s*\(\s*("(?:[^"\\]|\\.)*"(?:\^\^\S+?)?|[+-]?\d+|<[^>]*>)\s+AS\s+\?{name}\s*\)'
_DEFAULT = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:\^\^(xsd:\w+|<[^>]+>))?$|^([+-]?\d+)$|^<([^>]*)>$')


@dataclass(frozen=True)
class SavedQuery:
    """One saved query: its header and text."""

    name: str
    title: str
    description: str
    text: str
    #: parameter name -> (default term, description)
    params: dict[str, tuple[Node, str]] = field(default_factory=dict)
    examples: tuple[str, ...] = ()


def _parse_default(raw: str, name: str) -> Node:
    m = _DEFAULT.match(raw.strip())
    if not m:
        raise QueryError(f"saved query parameter ?{name}: cannot read its default {raw!r}")
    if m.group(3) is not None:
        return Literal(int(m.group(3)))
    if m.group(4) is not None:
        return URIRef(m.group(4))
    value = re.sub(r"\\(.)", r"\1", m.group(1))
    dt = m.group(2)
    if dt:
        dt_iri = XSD[dt[4:]] if dt.startswith("xsd:") else URIRef(dt[1:-1])
        return Literal(value, datatype=dt_iri)
    return Literal(value)


def parse_saved_query(text: str, name: str = "") -> SavedQuery:
    """Read the header and parameter defaults of a saved query's text."""
    title = description = ""
    params: dict[str, tuple[Node, str]] = {}
    examples: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description = (description + " " + value).strip()
        elif key == "example":
            examples.append(value)
        else:
            pname, _, doc = value.partition(" ")
            pname = pname.lstrip("?")
            block = re.search(_VALUES.format(name=re.escape(pname)), text) or re.search(
                _BIND.format(name=re.escape(pname)), text
            )
            if not block:
                raise QueryError(
                    f"saved query {name or '?'}: parameter ?{pname} has no VALUES ?{pname} {{ default }} "
                    f"or BIND (default AS ?{pname})"
                )
            params[pname] = (_parse_default(block.group(1), pname), doc.strip())
    return SavedQuery(name, title, description, text, params, tuple(examples))


def saved_query_path(name: str) -> Path | None:
    """``queries/<name>.rq`` if ``name`` is a saved query name, else None."""
    name = name.removesuffix(".rq")
    if not _NAME.fullmatch(name):
        return None
    path = QUERIES_DIR / f"{name}.rq"
    return path if path.is_file() else None


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query by name, sorted."""
    return {
        p.stem: parse_saved_query(p.read_text(encoding="utf-8"), p.stem) for p in sorted(QUERIES_DIR.glob("*.rq"))
    }


def get_saved_query(name: str) -> SavedQuery:
    """The saved query ``name``; QueryError listing the names when it does not exist."""
    path = saved_query_path(name)
    if path is None:
        names = ", ".join(sorted(p.stem for p in QUERIES_DIR.glob("*.rq")))
        raise QueryError(f"no saved query named {name!r}; saved queries: {names}")
    return parse_saved_query(path.read_text(encoding="utf-8"), path.stem)


def _coerce(value: object, default: Node, pname: str) -> Node:
    if isinstance(value, (URIRef, Literal)):
        return value
    text = str(value)
    if isinstance(default, URIRef):
        from graphbuild.rdf.namespace import iri_for

        return URIRef(text) if re.match(r"https?://[^\s<>\"{}|^`\\]+$", text) else iri_for(text)
    assert isinstance(default, Literal)
    if default.datatype == XSD.date:
        try:
            date.fromisoformat(text)
        except ValueError:
            raise QueryError(f"parameter {pname}: {text!r} is not a date; expected YYYY-MM-DD") from None
        return Literal(text, datatype=XSD.date)
    if default.datatype == XSD.integer:
        try:
            return Literal(int(text))
        except ValueError:
            raise QueryError(f"parameter {pname}: {text!r} is not an integer") from None
    return Literal(text)


def sparql_term(term: Node) -> str:
    """SPARQL text for a parameter value; values cannot break out of their VALUES block.

    A backslash is refused in values: SPARQL processes ``\\u`` escapes before parsing,
    so without backslashes the only escapes in the text are the ones written here.
    """
    if isinstance(term, URIRef):
        value = str(term)
        if re.search(r'[\x00-\x20<>"{}|^`\\]', value):
            raise QueryError(f"parameter value {value!r} is not a valid IRI")
        return f"<{value}>"
    assert isinstance(term, Literal)
    lexical = str(term)
    if "\\" in lexical:
        raise QueryError(f"parameter value {lexical!r}: a backslash is not allowed in query parameters")
    escaped = lexical.replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    escaped = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", escaped)
    if term.datatype is not None and term.datatype != XSD.string:
        return f'"{escaped}"^^<{term.datatype}>'
    return f'"{escaped}"'


def bind_saved_query(saved: SavedQuery, params: Mapping[str, object] | None) -> str:
    """Return the query text with each of ``params`` bound in its VALUES block (typed like the default).

    The same text runs on both engines, so their results stay comparable.

    Raises:
        QueryError: a parameter the query does not have, or a value of the wrong type.
    """
    text = saved.text
    for pname, value in (params or {}).items():
        if pname not in saved.params:
            known = ", ".join(sorted(saved.params)) or "none"
            raise QueryError(f"saved query {saved.name!r} has no parameter {pname!r}; its parameters: {known}")
        default, _ = saved.params[pname]
        term = sparql_term(_coerce(value, default, pname))
        text = re.sub(_VALUES.format(name=re.escape(pname)), lambda _m: f"VALUES ?{pname} {{ {term} }}", text)
        text = re.sub(_BIND.format(name=re.escape(pname)), lambda _m: f"BIND ({term} AS ?{pname})", text)
    return text


def select_saved(
    name: str, params: Mapping[str, object] | None = None, graph: Path | str = "output", *, engine: str = "oxigraph"
):
    """Run saved query ``name`` with ``params`` and return a :class:`graphbuild.rdf.query.QueryResult`."""
    from graphbuild.rdf.query import select

    return select(bind_saved_query(get_saved_query(name), params), graph, engine=engine)


def run_saved_query(
    name: str,
    params: Mapping[str, object] | None = None,
    graph: Path | str = "output",
    format: str = "table",
    engine: str = "oxigraph",
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
) -> str:
    """Run saved query ``name`` (``queries/<name>.rq``) with ``params`` and render the results.

    ``timeout`` and ``max_rows`` are the limits of :func:`graphbuild.rdf.query.run_query`.

    Example:
        >>> print(run_saved_query("memberships", {"actor": "Belarus"}, "output"))  # doctest: +SKIP
    """
    if not timeout and not max_rows:
        return select_saved(name, params, graph, engine=engine).format(format)
    from graphbuild.rdf.query import run_query

    return run_query(bind_saved_query(get_saved_query(name), params), graph, format, engine,
                     timeout=timeout, max_rows=max_rows)
