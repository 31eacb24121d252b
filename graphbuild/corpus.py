"""Corpus reading: paths -> :class:`~graphbuild.model.Article` records.

Every per-file problem (empty, binary, undecodable, too large, unreadable) becomes a
:class:`~graphbuild.errors.CorpusWarning` naming the file, and the rest of the corpus is read.
Only a corpus that does not exist raises :class:`~graphbuild.errors.CorpusError`.

Formats: ``.txt``; ``.md`` (``key: value`` front matter); ``.html``/``.htm`` (main text extracted
with trafilatura, boilerplate dropped, title/date/url from the page's metadata); ``.json`` (one
record or a list of records) and ``.jsonl`` (one record a line). A record is an object with
``text`` (required) and optional ``title``, ``date``, ``url``, ``source``, ``id``; its doc id is
``<file doc id>/<record id or line number>``, sanitised so that it cannot climb out of a folder
when it becomes a path. A malformed record is a warning naming ``file:line``; the other records of
the file are read.

HTML is parsed with lxml's HTML parser (no DTD entity processing) with network access off and the
huge-tree guard on, and a document that declares its own entities (``<!ENTITY``, the shape of
billion-laughs and external-entity attacks) is refused before any parser sees it.

Article text is *sanitised without changing its length*, so character offsets stay meaningful
against the cleaned text: control characters and zero-width characters become spaces, and runs of
punctuation longer than :data:`MAX_PUNCT_RUN` (and "words" longer than :data:`MAX_TOKEN_CHARS`) are
blanked (spaCy's tokenizer is quadratic on them: 8,000 "!" take seconds, 4,000 "?!" minutes).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from graphbuild.errors import CorpusError, CorpusWarning
from graphbuild.model import Article

#: File extensions read by default.
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
DEFAULT_MAX_FILE_BYTES = 20_000_000
MAX_PUNCT_RUN = 20

# Characters that are neither printable text nor ordinary whitespace: C0/C1 controls (but tab,
# newline, carriage return), zero-width and bidi-override characters, BOM, line/paragraph separators.
_BAD_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffe\uffff]"
)
#: Longest run of non-space characters kept whole; longer "words" (no real word or URL is this
#: long) are blanked too, as the tokenizer's affix search is quadratic in token length.
MAX_TOKEN_CHARS = 300
# Runs of punctuation (any mix, "!!!!" or "?!?!?!") longer than MAX_PUNCT_RUN, or non-space runs
# longer than MAX_TOKEN_CHARS.
_PUNCT_RUN = re.compile(r"(?:[^\w\s]|_){%d,}" % (MAX_PUNCT_RUN + 1))
_LONG_TOKEN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))

#: Footer lines of web pages that are not part of the article. Text is cut at the first of these
#: lines that sits in the last part of the document.
BOILERPLATE_LINES = re.compile(
    r"^\s*(show more|related articles?|related posts?|leave a reply|leave a comment|back to top( button)?|"
    r"your email address will not be published.*|share this( article)?:?|read more:?|advertisement|"
    r"subscribe to our newsletter.*|comments?\s*\(\d+\))\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file found under the corpus root, with the doc id derived from its path."""

    path: Path
    doc_id: str


def shown(path: Path | str) -> str:
    r"""``path`` as valid Unicode: bytes of a non-UTF-8 file name appear as ``\xe9`` escapes.

    Python keeps such bytes as lone surrogates, which no UTF-8 output (cache key, Turtle, CSV,
    the terminal) can encode.

    >>> shown(b"caf\xe9.txt".decode("utf-8", "surrogateescape"))
    'caf\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def doc_id_for(path: Path, root: Path) -> str:
    """Return the document id of ``path``: its path relative to ``root`` without extension.

    Bytes of a non-UTF-8 file name become backslash escapes (see :func:`shown`).

    >>> doc_id_for(Path("/c/news/a.txt"), Path("/c"))
    'news/a'
    """
    relative = path.relative_to(root) if root.is_dir() else Path(path.name)
    return shown(relative.with_suffix("").as_posix())


def iter_source_files(
    root: Path, suffixes: tuple[str, ...] = TEXT_SUFFIXES, *, exclude: Iterable[Path] = (),
    notes: list[CorpusWarning] | None = None,
) -> Iterator[SourceFile]:
    """Yield the readable files under ``root`` in a stable (sorted) order.

    Symlinked directories are not followed, so a symlink loop cannot hang the walk. Folders in
    ``exclude`` (the build's own output) and folders holding a graphbuild build (a
    ``.graphbuild.lock`` file) are not entered: a build must not read its own reports back in.
    Each skipped folder is added to ``notes``.

    Raises:
        CorpusError: ``root`` does not exist.
    """
    from graphbuild.fileio import LOCK_NAME

    if not root.exists():
        raise CorpusError(f"corpus path does not exist: {root}")
    if root.is_file():
        yield SourceFile(root, doc_id_for(root, root))
        return
    excluded = {os.path.realpath(p) for p in exclude}
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        if dirpath != str(root) and (os.path.realpath(dirpath) in excluded or LOCK_NAME in filenames):
            dirnames[:] = []
            if notes is not None:
                why = "the output folder of this build" if os.path.realpath(dirpath) in excluded else \
                    "a graphbuild output folder"
                notes.append(CorpusWarning(shown(dirpath), f"{why}; not read as part of the corpus"))
            continue
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(suffixes):
                continue
            found.append(Path(dirpath) / name)
    for path in sorted(found):
        yield SourceFile(path, doc_id_for(path, root))


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes; return the text and a warning when it was not plain UTF-8.

    UTF-8 (with or without BOM) and UTF-16 (with a BOM, or recognised by its zero bytes) are read
    as such; UTF-8 text with a few stray NUL bytes is kept (they are blanked) with a warning;
    anything else is read as Windows-1252 (falling back to Latin-1), which never fails, and a
    warning says so.

    Raises:
        ValueError: the bytes look binary (NUL bytes that are neither UTF-16 nor stray).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        return text, ("invalid UTF-16 sequences replaced" if "\ufffd" in text else None)
    head = data[:8192]
    nuls = head.count(b"\x00")
    if nuls:
        even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
        if len(head) >= 4 and odd > 0.4 * len(head) / 2 and even < 0.05 * len(head) / 2:
            return data.decode("utf-16-le", errors="replace"), "UTF-16 without byte-order mark; read as UTF-16-LE"
        if len(head) >= 4 and even > 0.4 * len(head) / 2 and odd < 0.05 * len(head) / 2:
            return data.decode("utf-16-be", errors="replace"), "UTF-16 without byte-order mark; read as UTF-16-BE"
        if nuls > max(2, len(head) // 100):
            raise ValueError("looks like a binary file (NUL bytes), skipped")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if nuls:
            raise ValueError("looks like a binary file (NUL bytes, not UTF-8), skipped") from None
        where = f"byte {exc.start}"
    else:
        return text, (f"contains {data.count(0)} NUL bytes (blanked)" if nuls else None)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text, f"not valid UTF-8 (first bad {where}); read as Windows-1252"


def sanitize(text: str) -> str:
    """Blank control/zero-width characters and overlong punctuation runs, keeping the length."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BAD_CHARS.sub(" ", text)

    def _blank_run(match: re.Match[str]) -> str:
        run = match.group(0)
        return run[:3] + " " * (len(run) - 3)

    return _LONG_TOKEN.sub(_blank_run, _PUNCT_RUN.sub(_blank_run, text))


def strip_boilerplate(text: str) -> str:
    """Cut web-page footer boilerplate ("Show More", "Related Articles", "Leave a Reply"...).

    Only a marker in the last half of the text cuts it, so a headline that happens to read
    "Read more" cannot empty an article.
    """
    for match in BOILERPLATE_LINES.finditer(text):
        if match.start() >= len(text) // 2:
            return text[: match.start()].rstrip()
    return text


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split simple ``key: value`` front matter off a Markdown document.

    Returns the metadata and the body. The body keeps no front matter, so offsets index the body.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, text[match.end() :]


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _clean_date(value: str | None) -> str | None:
    if isinstance(value, str) and _DATE.match(value):
        return value[:10]
    return None


def numeric_date(value: object) -> str | None:
    """An ISO date from a number in a JSON record: ``20190412`` (YYYYMMDD) or epoch seconds; else None.

    >>> numeric_date(20190412), numeric_date(1555027200), numeric_date(True), numeric_date(7)
    ('2019-04-12', '2019-04-12', None, None)
    """
    import datetime as dt

    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return None
    if isinstance(value, int) and 10000101 <= value <= 29991231:
        try:
            return dt.date(value // 10000, value // 100 % 100, value % 100).isoformat()
        except ValueError:
            return None
    if 1e8 <= value < 1e11:  # epoch seconds from 1973 to 5138
        return dt.datetime.fromtimestamp(value, tz=dt.timezone.utc).date().isoformat()
    return None


_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
#: A news dateline at the start of a line: "MINSK, 12 April 2019 —", "WASHINGTON, April 12, 2019 (AP) -".
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'\-]{1,40},\s+(?:(?P<d1>\d{1,2})\s+" + _MONTH + r"\s+(?P<y1>\d{4})"
    r"|" + _MONTH.replace("(", "(?P<m2>", 1) + r"\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4}))\b",
    re.MULTILINE,
)


def with_corpus_dates(articles: Sequence[Article]) -> list[Article]:
    """``articles`` with the span of the corpus' dates set on each undated one (``corpus_dates``), so that its
    office phrases are never read at a date outside the corpus (:func:`graphbuild.resolve.office_dates`).

    >>> [a.corpus_dates for a in with_corpus_dates([Article("a", "", date="2005-02-01"), Article("b", ""),
    ...                                             Article("c", "", date="2004-11-30")])]
    [None, '2004-11-30/2005-02-01', None]
    """
    dates = sorted(a.date[:10] for a in articles if a.date)
    if not dates:
        return list(articles)
    span = f"{dates[0]}/{dates[-1]}"
    return [a if a.date else replace(a, corpus_dates=span) for a in articles]


def dateline_date(text: str) -> str | None:
    """The ISO date of a news dateline in the first lines of ``text`` ("MINSK, 12 April 2019 —"), or None.

    >>> dateline_date("Headline\n\nMINSK, 12 April 2019 — Belarus wants...")
    '2019-04-12'
    """
    import datetime as _dt

    match = _DATELINE.search(text[:600])
    if not match:
        return None
    if match.group("d1"):
        day, month, year = match.group("d1"), match.group(2), match.group("y1")
    else:
        day, month, year = match.group("d2"), match.group("m2"), match.group("y2")
    try:
        return _dt.date(int(year), _MONTHS[month.lower()], int(day)).isoformat()
    except ValueError:
        return None


_FILE_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a regular file of at most ``max_bytes``; anything else is a ValueError saying why.

    The file is opened non-blocking (a FIFO would otherwise wait for a writer for ever) and must be a
    regular file; the read itself stops at ``max_bytes + 1`` whatever ``st_size`` says (``/dev/zero``
    and files that grow report less than they give).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ValueError(f"cannot read file ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
            raise ValueError(f"{kind}, not a regular file; skipped")
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise ValueError(f"file is {size:,} bytes, over the limit of {max_bytes:,} (max_file_bytes)")
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise ValueError(f"cannot read file ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise ValueError(f"file gives more than the limit of {max_bytes:,} bytes (max_file_bytes); skipped")
    return data


def outside_link(path: Path, root: Path) -> str | None:
    """If ``path`` is (or passes through) a symbolic link to somewhere outside the folder ``root``,
    return where it leads; else None."""
    real = os.path.realpath(path)
    real_root = os.path.realpath(root)
    if real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep):
        return None
    return real


def _make_article(doc_id: str, text: str, path: Path, meta: dict[str, str], *, empty_problem: str) -> Article:
    text = sanitize(strip_boilerplate(text))
    if not text.strip():
        raise ValueError(empty_problem)
    return Article(
        doc_id=doc_id,
        text=text,
        path=shown(path),
        title=_clean_meta(meta.get("title")) or _first_line(text),
        date=_clean_date(meta.get("date")) or dateline_date(text),
        url=_clean_meta(meta.get("url")),
        source=_clean_meta(meta.get("source")),
    )


def _clean_meta(value: object) -> str | None:
    if value is None:
        return None
    text = sanitize(str(value)).strip()
    return " ".join(text.split())[:1000] or None


def read_article(source: SourceFile, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Article:
    """Read one single-article file (``.txt``, ``.md``, ``.html``) into an Article.

    Raises:
        ValueError: the file cannot yield an article; the message says why (the caller adds the path).
    """
    data = _read_bytes(source.path, max_bytes)
    suffix = source.path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        text, meta = extract_html(data)
        empty = "file is empty" if not data.strip() else "HTML page has no main text"
        return _make_article(source.doc_id, text, source.path, meta, empty_problem=empty)
    text, note = decode_bytes(data)
    meta: dict[str, str] = {}
    if suffix == ".md":
        meta, text = parse_front_matter(text)
    empty = "file is empty" if not data.strip() else "file has no text after cleaning"
    article = _make_article(source.doc_id, text, source.path, meta, empty_problem=empty)
    if note:
        # Decoding succeeded with a fallback: keep the article, but tell the user.
        raise _DecodedWithWarning(article, note)
    return article


class _DecodedWithWarning(Exception):
    def __init__(self, article: Article, note: str) -> None:
        super().__init__(note)
        self.article = article
        self.note = note


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


# --- HTML ---------------------------------------------------------------------------------------

HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".json", ".jsonl")
_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_SKIP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form")


def refuse_entity_declarations(data: bytes) -> None:
    """Refuse markup that declares entities: the carrier of entity bombs and external entities.

    Raises:
        ValueError: ``data`` contains ``<!ENTITY`` (also in UTF-16).
    """
    probe = data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        probe = data.decode("utf-16", errors="replace").encode("utf-8")
    if _ENTITY_DECL.search(probe):
        raise ValueError(
            "document declares XML entities (<!ENTITY); refused: entity expansion and external entities "
            "are never processed"
        )


def parse_html(data: bytes):
    """Parse HTML bytes into an lxml tree without entities, network or unbounded trees.

    Raises:
        ValueError: the markup declares entities, or cannot be parsed.
    """
    from lxml import etree, html

    refuse_entity_declarations(data)
    # libxml2's HTML parser has no DTD entity processing to turn off (lxml's HTMLParser takes no
    # resolve_entities), so entity declarations are refused above; network and huge trees are off here.
    parser = html.HTMLParser(no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)
    text, _ = decode_bytes(data) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else (None, None)
    try:
        tree = html.document_fromstring(text if text is not None else data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ValueError(f"cannot parse HTML ({exc})") from None
    return tree


def extract_html(data: bytes) -> tuple[str, dict[str, str]]:
    """Return the main text of an HTML page and its metadata (title, date, url, source).

    The main text comes from trafilatura (maintained, and the best-scoring open-source main-text
    extractor in its authors' and ScrapingHub's benchmarks): navigation, footers, comments and
    "related articles" blocks are dropped. When it finds no main text, the visible text of the
    page's ``<body>`` without navigation elements is used.

    Raises:
        ValueError: the markup is refused (entity declarations) or unparseable.
    """
    import trafilatura

    tree = parse_html(data)
    meta: dict[str, str] = {}
    # trafilatura edits the tree it is given; keep our own copy for the fallback and metadata.
    from copy import deepcopy

    document = trafilatura.bare_extraction(
        deepcopy(tree),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = ""
    if document is not None:
        text = getattr(document, "text", None) or ""
        for key, attr in (("title", "title"), ("date", "date"), ("url", "url"), ("source", "sitename")):
            value = getattr(document, attr, None)
            if value:
                meta[key] = str(value)
    if not text.strip():
        text = _visible_text(tree)
    if "title" not in meta:
        title = tree.findtext(".//title")
        if title and title.strip():
            meta["title"] = title.strip()
    return text, meta


def _visible_text(tree) -> str:
    for bad in tree.xpath("|".join(f"//{tag}" for tag in _SKIP_TAGS)):
        bad.drop_tree()
    body = tree.find("body")
    node = body if body is not None else tree
    lines = [" ".join(t.split()) for t in node.itertext()]
    return "\n".join(line for line in lines if line)


# --- JSON records -------------------------------------------------------------------------------

RECORD_FIELDS = ("text", "title", "date", "url", "source", "id")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def record_doc_id(file_doc_id: str, record_id: object, number: int) -> str:
    """Return ``<file doc id>/<record id>``; the record id is sanitised to one safe path segment.

    Slashes, ``..``, leading dots and anything outside ``[A-Za-z0-9._-]`` cannot survive, so a
    record id like ``../../etc/x`` becomes ``etc-x``; an empty id falls back to the line number.

    >>> record_doc_id("feeds/day1", "../../etc/passwd", 3)
    'feeds/day1/etc-passwd'
    """
    segment = _ID_UNSAFE.sub("-", str(record_id)) if record_id not in (None, "") else ""
    segment = re.sub(r"\.{2,}", "-", segment).strip("-.")[:120].strip("-.")
    return f"{file_doc_id}/{segment or number}"


def _iter_json_records(data: bytes, path: Path) -> Iterator[tuple[int, object]]:
    """Yield ``(line number, parsed value)`` for a .jsonl file, or ``(index, record)`` for .json."""
    text, note = decode_bytes(data)
    if note:
        raise ValueError(f"records file {note}; expected UTF-8")
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                yield number, _Malformed(f"malformed JSON ({getattr(exc, 'msg', 'nested too deeply')})")
        return
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f"line {exc.lineno}: " if isinstance(exc, json.JSONDecodeError) else ""
        raise ValueError(f"{where}malformed JSON ({getattr(exc, 'msg', 'nested too deeply')})") from None
    if isinstance(value, list):
        yield from enumerate(value, 1)
    else:
        yield 1, value


@dataclass(frozen=True, slots=True)
class _Malformed:
    problem: str


def read_records(source: SourceFile, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Iterator[Article | CorpusWarning]:
    """Yield the articles of a ``.json``/``.jsonl`` file and a warning (``file:line``) per bad record.

    Raises:
        ValueError: the whole file is unusable (too large, unreadable, not JSON).
    """
    data = _read_bytes(source.path, max_bytes)
    if not data.strip():
        raise ValueError("file is empty")
    jsonl = source.path.suffix.lower() == ".jsonl"
    seen: set[str] = set()
    for number, record in _iter_json_records(data, source.path):
        where = f"{shown(source.path)}:{number}" if jsonl else f"{shown(source.path)}:record {number}"
        if isinstance(record, _Malformed):
            yield CorpusWarning(where, record.problem)
            continue
        if not isinstance(record, dict):
            yield CorpusWarning(where, f"expected a JSON object with a \"text\" field, got {type(record).__name__}")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield CorpusWarning(where, 'record has no "text" string; skipped')
            continue
        doc_id = record_doc_id(source.doc_id, record.get("id"), number)
        if doc_id in seen:
            yield CorpusWarning(where, f"duplicate record id {record.get('id')!r}; using the record number")
            doc_id = f"{source.doc_id}/{number}"
        seen.add(doc_id)
        meta = {k: str(record[k]) for k in ("title", "url", "source")
                if isinstance(record.get(k), str | int) and not isinstance(record.get(k), bool)}
        date = record.get("date")
        if isinstance(date, str):
            meta["date"] = date
        elif date is not None:
            parsed = numeric_date(date)
            if parsed is None:
                yield CorpusWarning(where, f'"date": {json.dumps(date)[:40]} is not a date (expected "YYYY-MM-DD", '
                                    "YYYYMMDD or epoch seconds); ignored")
            else:
                meta["date"] = parsed
        try:
            yield _make_article(doc_id, text, source.path, meta, empty_problem="record has no text after cleaning")
        except ValueError as exc:
            yield CorpusWarning(where, str(exc))


def read_source(source: SourceFile, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Iterator[Article | CorpusWarning]:
    """Yield the article(s) of one file and its warnings; never raises for a bad file."""
    try:
        if source.path.suffix.lower() in RECORD_SUFFIXES:
            yield from read_records(source, max_bytes=max_bytes)
        else:
            yield read_article(source, max_bytes=max_bytes)
    except _DecodedWithWarning as done:
        yield CorpusWarning(shown(source.path), done.note)
        yield done.article
    except ValueError as exc:
        yield CorpusWarning(shown(source.path), str(exc))
    except RecursionError:
        yield CorpusWarning(shown(source.path), "markup nested too deeply; skipped")


def read_corpus(
    root: Path | str, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES, suffixes: tuple[str, ...] = TEXT_SUFFIXES,
    follow_outside_links: bool = False, exclude: Iterable[Path] = (),
) -> Iterator[Article | CorpusWarning]:
    """Yield every article under ``root`` in file order, and a warning for every bad file or record.

    Articles stream (one file in memory at a time). Two files with one doc id (``a.txt`` and
    ``a.md``) cannot both be kept: the second is skipped with a warning. A file that is a symbolic
    link to somewhere outside ``root`` is skipped with a warning unless ``follow_outside_links``
    (a corpus folder others can write to must not pull private files into the outputs). Folders
    in ``exclude`` and graphbuild output folders are skipped with a note (see :func:`iter_source_files`).

    Raises:
        CorpusError: ``root`` does not exist.
    """
    root = Path(root)
    seen: dict[str, str] = {}
    notes: list[CorpusWarning] = []
    sources = iter_source_files(root, suffixes, exclude=exclude, notes=notes)
    first = next(sources, None)  # the walk is done before the first file is yielded
    yield from notes
    for source in itertools.chain([first] if first else [], sources):
        if shown(source.path) != str(source.path):
            yield CorpusWarning(shown(source.path), f"file name is not valid UTF-8; read as doc id {source.doc_id!r}")
        target = outside_link(source.path, root) if root.is_dir() and not follow_outside_links else None
        if target is not None:
            yield CorpusWarning(shown(source.path), f"symbolic link to {target}, outside the corpus; skipped "
                                "(set follow_outside_links = true to read such files)")
            continue
        for item in read_source(source, max_bytes=max_bytes):
            if isinstance(item, Article):
                if item.doc_id in seen:
                    yield CorpusWarning(
                        shown(source.path), f"doc id {item.doc_id!r} already read from {seen[item.doc_id]}; skipped"
                    )
                    continue
                seen[item.doc_id] = item.path
            yield item
