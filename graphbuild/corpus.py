"""Corpus reading: paths -> :class:`~graphbuild.model.Article` records.

Every per-file problem (empty, binary, undecodable, too large, unreadable) becomes a
:class:`~graphbuild.errors.CorpusWarning` naming the file, and the rest of the corpus is read.
Only a corpus that does not exist raises :class:`~graphbuild.errors.CorpusError`.

Article text is *sanitised without changing its length*, so character offsets stay meaningful
against the cleaned text: control characters and zero-width characters become spaces, and runs of
repeated punctuation longer than :data:`MAX_PUNCT_RUN` are blanked (spaCy's tokenizer is quadratic
on them).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graphbuild.errors import CorpusError, CorpusWarning
from graphbuild.model import Article

#: File extensions read by default.
TEXT_SUFFIXES = (".txt", ".md")
DEFAULT_MAX_FILE_BYTES = 20_000_000
MAX_PUNCT_RUN = 20

# Characters that are neither printable text nor ordinary whitespace: C0/C1 controls (but tab,
# newline, carriage return), zero-width and bidi-override characters, BOM, line/paragraph separators.
_BAD_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffe\uffff]"
)
_PUNCT_RUN = re.compile(r"([^\w\s])\1{%d,}" % MAX_PUNCT_RUN)

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


def doc_id_for(path: Path, root: Path) -> str:
    """Return the document id of ``path``: its path relative to ``root`` without extension.

    >>> doc_id_for(Path("/c/news/a.txt"), Path("/c"))
    'news/a'
    """
    relative = path.relative_to(root) if root.is_dir() else Path(path.name)
    return relative.with_suffix("").as_posix()


def iter_source_files(root: Path, suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> Iterator[SourceFile]:
    """Yield the readable files under ``root`` in a stable (sorted) order.

    Symlinked directories are not followed, so a symlink loop cannot hang the walk.

    Raises:
        CorpusError: ``root`` does not exist.
    """
    if not root.exists():
        raise CorpusError(f"corpus path does not exist: {root}")
    if root.is_file():
        yield SourceFile(root, doc_id_for(root, root))
        return
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(suffixes):
                continue
            found.append(Path(dirpath) / name)
    for path in sorted(found):
        yield SourceFile(path, doc_id_for(path, root))


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes; return the text and a warning when it was not plain UTF-8.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; anything else is read as
    Windows-1252 (falling back to Latin-1), which never fails, and a warning says so.

    Raises:
        ValueError: the bytes look binary (NUL bytes outside UTF-16).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    if b"\x00" in data[:8192]:
        raise ValueError("looks like a binary file (NUL bytes), skipped")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
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

    return _PUNCT_RUN.sub(_blank_run, text)


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
    if value and _DATE.match(value):
        return value[:10]
    return None


def read_article(source: SourceFile, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Article:
    """Read one file into an Article.

    Raises:
        ValueError: the file cannot yield an article; the message says why (the caller adds the path).
    """
    try:
        size = source.path.stat().st_size
    except OSError as exc:
        raise ValueError(f"cannot read file ({exc.strerror})") from None
    if size > max_bytes:
        raise ValueError(f"file is {size:,} bytes, over the limit of {max_bytes:,} (max_file_bytes)")
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read file ({exc.strerror})") from None
    text, note = decode_bytes(data)
    meta: dict[str, str] = {}
    if source.path.suffix.lower() == ".md":
        meta, text = parse_front_matter(text)
    text = sanitize(strip_boilerplate(text))
    if not text.strip():
        raise ValueError("file is empty" if not data.strip() else "file has no text after cleaning")
    title = meta.get("title") or _first_line(text)
    article = Article(
        doc_id=source.doc_id,
        text=text,
        path=str(source.path),
        title=title,
        date=_clean_date(meta.get("date")),
        url=meta.get("url"),
        source=meta.get("source"),
    )
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


def read_corpus(
    root: Path | str, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES, suffixes: tuple[str, ...] = TEXT_SUFFIXES
) -> Iterator[Article | CorpusWarning]:
    """Yield every article under ``root`` in doc-id order, and a warning for every bad file.

    Raises:
        CorpusError: ``root`` does not exist.
    """
    root = Path(root)
    for source in iter_source_files(root, suffixes):
        try:
            yield read_article(source, max_bytes=max_bytes)
        except _DecodedWithWarning as done:
            yield CorpusWarning(str(source.path), done.note)
            yield done.article
        except ValueError as exc:
            yield CorpusWarning(str(source.path), str(exc))


def load_jsonl(path: Path) -> Iterator[dict]:
    """Yield the JSON objects of a JSON Lines file, naming file and line on a malformed record."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{number}: malformed JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise CorpusError(f"{path}:{number}: expected a JSON object, got {type(record).__name__}")
            yield record
