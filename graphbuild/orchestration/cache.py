"""The per-document cache behind incremental builds.

Each :class:`~graphbuild.model.DocResult` is stored as one JSON file under ``<output>/.cache/docs/``,
named by a hash of its doc id. The entry records the *key* it was computed under: a hash of the
article (text and metadata) and of every version that can change an extraction (graphbuild and
the source of its extraction modules, spaCy and the pipeline package, the gazetteer's content
hash, the relation lexicon). A rebuild reuses an entry only when its key matches; anything else
is re-extracted.

Entries are JSON, never pickle (a cache file could be edited by anyone who can write the output
folder, and unpickling runs code); loading checks a SHA-256 checksum of the payload and the type of
every field, so a truncated, edited or corrupt entry is reported and rebuilt, never trusted.
Writes go through :func:`graphbuild.fileio.atomic_write_text`, so a killed build leaves whole
entries only.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import json
import logging
import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild import resources
from graphbuild.errors import CorpusWarning
from graphbuild.fileio import atomic_write_bytes, atomic_write_text
from graphbuild.model import Article, DocResult, Entity, Mention, Relation

if TYPE_CHECKING:
    from graphbuild.rdf.stream import Fragment

log = logging.getLogger("graphbuild")

CACHE_DIR = ".cache"
#: Bump when the entry layout changes; old entries are then simply rebuilt.
FORMAT = 1

PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: Modules whose code decides what a DocResult contains (paths in the package); their source is part of the cache
#: key, so editing the extractor invalidates old entries even without a version bump.
EXTRACTION_SOURCES = ("model.py", "orchestration/extract_document.py", "orchestration/extractor.py", "resolve.py",
                      "anaphora.py", "gazetteer.py", "text.py", "nlp", "relations")
#: Modules the extraction imports that do not decide what it finds (settings, errors, I/O, data paths, this cache).
NOT_EXTRACTION = ("__init__.py", "config.py", "errors.py", "fileio.py", "resources.py", "orchestration/cache.py")
#: Modules whose code decides what a document's RDF fragment contains (its cache entry records their hash).
RDF_SOURCES = ("model.py", "text.py", "rdf")
LEXICON_DIR = resources.data_path(resources.LEXICON[0])


class CacheEntryError(ValueError):
    """A cache entry is unreadable, tampered with or of another layout (it is rebuilt)."""


# --- versions -----------------------------------------------------------------------------------


def _hash_files(paths: Iterable[Path], base: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        if path.is_file():
            digest.update(path.relative_to(base).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:16]


def source_files(names: Iterable[str]) -> list[Path]:
    """The Python files of the package modules and folders ``names`` (ValueError for a name that is missing)."""
    paths: list[Path] = []
    for name in names:
        target = PACKAGE_DIR / name
        if not target.exists():
            raise ValueError(f"{target}: no such module in the package (update the list of cached sources)")
        paths.extend(target.rglob("*.py") if target.is_dir() else [target])
    return paths


@lru_cache(maxsize=1)
def code_version() -> str:
    """graphbuild's version plus a hash of the source of its extraction modules."""
    from graphbuild import __version__

    return f"{__version__}+{_hash_files(source_files(EXTRACTION_SOURCES), PACKAGE_DIR)}"


@lru_cache(maxsize=1)
def rdf_version() -> str:
    """graphbuild's version plus a hash of the source of the RDF writer (fragments of another writer are rebuilt)."""
    from graphbuild import __version__

    return f"{__version__}+{_hash_files(source_files(RDF_SOURCES), PACKAGE_DIR)}"


@lru_cache(maxsize=4)
def lexicon_version(layers: tuple[str, ...] | None = None) -> str:
    """A hash of the relation lexicon data (``ontologies/relations/``) and of the layers in use (None: all)."""
    if not LEXICON_DIR.is_dir():
        return "none"
    digest = _hash_files((p for p in LEXICON_DIR.rglob("*") if p.is_file()), LEXICON_DIR)
    return f"{digest}+{','.join(layers)}" if layers is not None else digest


@lru_cache(maxsize=8)
def pipeline_version(model: str) -> str:
    """The spaCy pipeline's name and version, found *without* importing spaCy or loading the model.

    An installed package is versioned by its distribution metadata; a pipeline folder by its
    ``meta.json`` (plus its size, so a retrained model in place is noticed).
    """
    from importlib import metadata

    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy_version = "none"
    path = Path(model)
    if path.is_dir() and (path / "meta.json").is_file():
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        return f"{meta.get('lang')}_{meta.get('name')}=={meta.get('version')}/{size}; spacy=={spacy_version}"
    try:
        model_version = metadata.version(model)
    except metadata.PackageNotFoundError:
        model_version = "unknown"
    return f"{model}=={model_version}; spacy=={spacy_version}"


@dataclass(frozen=True, slots=True)
class Versions:
    """Everything besides the article that an extraction depends on."""

    code: str
    pipeline: str
    gazetteer: str
    lexicon: str

    @classmethod
    def current(cls, model: str, gazetteer_version: str, lexicon_layers: tuple[str, ...] | None = None,
                learned: bool = True) -> "Versions":
        """``lexicon_layers``: the relation lexicon's layers when not all of them are in use; ``learned``: whether
        the learned fallback runs after the rules (its model file is part of the lexicon's data)."""
        lexicon = lexicon_version(lexicon_layers) + ("" if learned else "+no-learned")
        return cls(code_version(), pipeline_version(model), gazetteer_version, lexicon)

    @property
    def digest(self) -> str:
        raw = json.dumps([FORMAT, self.code, self.pipeline, self.gazetteer, self.lexicon])
        return hashlib.sha256(raw.encode()).hexdigest()


def article_key(article: Article, versions: Versions) -> str:
    """The cache key of an article: its content and metadata, and the versions."""
    digest = hashlib.sha256(versions.digest.encode())
    # surrogatepass: lone surrogates (JSON text can carry them) must not abort the build.
    digest.update(_canonical(_record_to_json(article)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# --- JSON (de)serialisation ---------------------------------------------------------------------


def _record_to_json(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def result_to_json(result: DocResult) -> dict[str, Any]:
    """A DocResult as plain JSON data (lists for tuples)."""
    return {
        "article": _record_to_json(result.article),
        "mentions": [_record_to_json(m) for m in result.mentions],
        "relations": [_record_to_json(r) for r in result.relations],
        "new_entities": [_record_to_json(e) for e in result.new_entities],
        "warnings": list(result.warnings),
    }


_TYPES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (float, int), "bool": (bool,)}


@lru_cache(maxsize=None)
def _field_types(cls: type) -> dict[str, tuple[str, bool]]:
    """``{field: (declared base type, None allowed)}`` of a record class, read once from its annotations."""
    out = {}
    for f in fields(cls):
        declared = str(f.type).replace(" ", "")
        out[f.name] = (declared.split("|")[0], "None" in declared)
    return out


def _build(cls: type, data: Any) -> Any:
    """Make a record of ``cls`` from JSON data, checking that every field has its declared type."""
    if not isinstance(data, dict):
        raise CacheEntryError(f"{cls.__name__}: expected an object")
    known = _field_types(cls)
    if not data.keys() <= known.keys():
        raise CacheEntryError(f"{cls.__name__}: unknown fields {sorted(set(data) - set(known))}")
    values: dict[str, Any] = {}
    for name, value in data.items():
        base, optional = known[name]
        if value is None:
            if not optional:
                raise CacheEntryError(f"{cls.__name__}.{name}: null not allowed")
        elif base.startswith("tuple[str"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise CacheEntryError(f"{cls.__name__}.{name}: expected a list of strings")
            value = tuple(value)
        else:
            expected = _TYPES.get(base, (str,))
            if not isinstance(value, expected) or (base == "int" and isinstance(value, bool)):
                raise CacheEntryError(f"{cls.__name__}.{name}: expected {base}, got {type(value).__name__}")
            if base == "float":
                value = float(value)
        values[name] = value
    try:
        return cls(**values)
    except TypeError as exc:
        raise CacheEntryError(f"{cls.__name__}: {exc}") from None


def result_from_json(data: Any) -> DocResult:
    """Rebuild a DocResult from :func:`result_to_json` data.

    Raises:
        CacheEntryError: the data is not the shape a DocResult serialises to.
    """
    if not isinstance(data, dict) or set(data) != {"article", "mentions", "relations", "new_entities", "warnings"}:
        raise CacheEntryError("not a DocResult")
    for name in ("mentions", "relations", "new_entities", "warnings"):
        if not isinstance(data[name], list):
            raise CacheEntryError(f"{name}: expected a list")
    if not all(isinstance(w, str) for w in data["warnings"]):
        raise CacheEntryError("warnings: expected strings")
    return DocResult(
        article=_build(Article, data["article"]),
        mentions=tuple(_build(Mention, m) for m in data["mentions"]),
        relations=tuple(_build(Relation, r) for r in data["relations"]),
        new_entities=tuple(_build(Entity, e) for e in data["new_entities"]),
        warnings=tuple(data["warnings"]),
    )


# --- the store ----------------------------------------------------------------------------------


def _entry_name(doc_id: str) -> str:
    digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{digest[:2]}/{digest[2:34]}.json"



def _read_or_report(path: Path, problem: Callable[[Path, str], None]) -> bytes | None:
    """The bytes of the cache file at ``path``; None when there is none, or (after ``problem`` is told why) when
    it cannot be read safely."""
    try:
        return read_cache_file(path)
    except CacheEntryError as exc:
        problem(path, str(exc))
        return None

def read_cache_file(path: Path) -> bytes | None:
    """The bytes of a cache file, or None when there is none; never through a symbolic link.

    Raises:
        CacheEntryError: the file or its folder is a link, it is not a regular file, or it cannot be read.
    """
    if path.parent.is_symlink():
        raise CacheEntryError("lies in a folder that is a symbolic link")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CacheEntryError("is a symbolic link" if exc.errno == errno.ELOOP else f"unreadable ({exc.strerror})")
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CacheEntryError("is not a regular file")
        try:
            return handle.read()
        except OSError as exc:
            raise CacheEntryError(f"unreadable ({exc.strerror})") from None


def _unlink_planted_shard(path: Path) -> None:
    """Remove a link (or file) planted in place of ``path``'s shard folder: the link itself, never its target."""
    if path.parent.is_symlink() or (path.parent.exists() and not path.parent.is_dir()):
        os.unlink(path.parent)


class DocCache:
    """Per-document results under ``<output>/.cache/docs``, keyed by doc id and checked by key.

    Example:
        >>> cache = DocCache(Path("output"))                    # doctest: +SKIP
        >>> cache.get(article, key) or cache.put(key, extract(article))  # doctest: +SKIP
    """

    def __init__(self, output: Path | str) -> None:
        self.root = Path(output) / CACHE_DIR / "docs"
        #: Problems met while reading entries (corrupt or tampered files), for the build summary.
        self.problems: list[CorpusWarning] = []
        # A shared output folder may hold planted links: the cache never reads, writes, lists or
        # deletes through one. A linked cache folder turns the cache off for this build.
        self.disabled = False
        for folder in (self.root.parent, self.root):
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                self.disabled = True
                warning = CorpusWarning(str(folder), "cache folder is a symbolic link or not a folder; the cache is "
                                        "not used (nothing is read, written or deleted through it)")
                log.warning("%s", warning)
                self.problems.append(warning)
                break

    def path_for(self, doc_id: str) -> Path:
        """The entry file of ``doc_id``: two hex path segments under the cache root (cannot escape it)."""
        return self.root / _entry_name(doc_id)

    def get(self, article: Article, key: str) -> DocResult | None:
        """Return the cached result for ``article`` if it was computed under ``key``, else None.

        A corrupt entry is logged, remembered in :attr:`problems`, and treated as a miss. Entries are
        opened without following symbolic links and must be regular files.
        """
        if self.disabled:
            return None
        path = self.path_for(article.doc_id)
        raw = _read_or_report(path, self._problem)
        if raw is None:
            return None
        try:
            entry = load_entry(raw)
        except CacheEntryError as exc:
            self._problem(path, str(exc))
            return None
        if entry["key"] != key:
            return None
        result = entry["result"]
        if result.article != article:
            # Same key with a different article can only mean a hash collision or an edited entry.
            self._problem(path, "entry does not match its article")
            return None
        problem = forged_span(result)
        if problem:
            self._problem(path, problem)
            return None
        return result

    def load(self, doc_id: str, key: str, versions: Versions) -> DocResult | None:
        """The result stored for ``doc_id`` under ``key``, checked without the article: the article the entry
        holds must have that key (so it is the one the build read) and the spans must lie in it. For reading a
        result again, after :meth:`get` or :meth:`put`, without keeping the article's text; None (a problem is
        recorded) when the entry no longer verifies."""
        if self.disabled:
            return None
        path = self.path_for(doc_id)
        try:
            raw = read_cache_file(path)
            entry = load_entry(raw) if raw is not None else None
        except CacheEntryError as exc:
            self._problem(path, str(exc))
            return None
        if entry is None or entry["key"] != key:
            return None
        result = entry["result"]
        problem = ("entry does not match its article" if result.article.doc_id != doc_id
                   or article_key(result.article, versions) != key else forged_span(result))
        if problem:
            self._problem(path, problem)
            return None
        return result

    def put(self, key: str, result: DocResult) -> None:
        """Store ``result`` under ``key`` (atomically; a planted link in place of a shard folder is removed)."""
        if self.disabled:
            return
        path = self.path_for(result.article.doc_id)
        _unlink_planted_shard(path)
        atomic_write_text(path, dump_entry(key, result), durable=False)  # checked when read: no fsync per entry

    def prune(self, keep_doc_ids: Iterable[str]) -> int:
        """Delete entries of documents that are no longer in the corpus; return how many.

        Lists with ``os.scandir`` and never follows a symbolic link: a link planted in the cache is
        removed as a name (what it points to is untouched), a linked shard folder is not entered.
        """
        if self.disabled or not self.root.is_dir():
            return 0
        keep = {_entry_name(d) for d in keep_doc_ids}
        removed = 0
        with os.scandir(self.root) as shards:
            for shard in shards:
                if shard.is_symlink():
                    os.unlink(shard.path)
                    continue
                if not shard.is_dir(follow_symlinks=False):
                    continue
                with os.scandir(shard.path) as files:
                    for entry in files:
                        stem, _, suffix = entry.name.rpartition(".")
                        # An extraction entry (.json) and its RDF fragment (.rdf) go together.
                        stale = suffix in ("json", FRAGMENT_SUFFIX) and f"{shard.name}/{stem}.json" not in keep
                        leftover = entry.name.startswith(".") and suffix == "tmp"  # left by a killed build
                        if (stale or leftover) and not entry.is_dir(follow_symlinks=False):
                            with contextlib.suppress(FileNotFoundError):
                                os.unlink(entry.path)
                            removed += stale and suffix == "json"
        return removed

    def _problem(self, path: Path, problem: str) -> None:
        warning = CorpusWarning(str(path), f"cache entry {problem}; rebuilding it")
        log.warning("%s", warning)
        self.problems.append(warning)


# --- RDF fragments ------------------------------------------------------------------------------

FRAGMENT_SUFFIX = "rdf"
#: Bump when the fragment file layout changes.
FRAGMENT_FORMAT = 1
KEY_FILE = "fragments.key"
_KEY_BYTES = 32


class FragmentStore:
    """Each document's RDF fragment (:class:`graphbuild.rdf.stream.Fragment`), beside its extraction entry.

    A fragment file is ``<entry>.rdf``: a JSON header line, then the fragment's N-Triples lines. The header
    records the fragment format, the RDF writer's version (:func:`rdf_version`), a digest of the records the
    fragment was made from, and a MAC: HMAC-SHA256 keyed with ``.cache/fragments.key``, 32 random bytes in a file
    that only this user can read (mode 0600, owned by the user running the build). Fragments are copied into the
    graph files as they are, so unlike extraction entries they cannot be checked against the article: the MAC is
    what makes them trustworthy. Someone who can write the output folder but cannot read the key cannot make a
    fragment that verifies; a key file that is a link, not a regular file, not the user's, or readable by others is
    replaced (with a warning), which invalidates every fragment (they are rebuilt).

    Example:
        >>> store = FragmentStore(Path("output"))                                      # doctest: +SKIP
        >>> stream_graph(articles, entities, mentions, relations, fragment=store.fragment)  # doctest: +SKIP
    """

    def __init__(self, output: Path | str, *, reuse: bool = True) -> None:
        """``reuse=False``: store fragments but read none (``graphbuild build --full``)."""
        self.cache = DocCache(output)  # a linked cache folder turns fragments off too (extraction warned of it)
        self.reuse = reuse
        #: Problems met (a replaced key, fragments that do not verify), for the build's warnings.
        self.problems: list[CorpusWarning] = []
        #: Fragments taken from the store / made, in this build.
        self.reused = self.made = 0
        self._fresh_key = False
        self._key = None if self.cache.disabled else self._load_key(self.cache.root.parent / KEY_FILE)

    def path_for(self, doc_id: str) -> Path:
        return self.cache.path_for(doc_id).with_suffix("." + FRAGMENT_SUFFIX)

    def fragment(self, article: Article, mentions: Sequence[Mention], relations: Sequence[Relation]) -> Fragment:
        """The document's fragment: the stored one if it was made from these records by this writer, else a new
        one (then stored). A :data:`graphbuild.rdf.stream.FragmentMaker`."""
        from graphbuild.rdf.stream import document_fragment, fragment_digest

        digest = fragment_digest(article, mentions, relations)
        found = self.get(article.doc_id, digest) if self.reuse else None
        if found is not None:
            self.reused += 1
            return found
        made = document_fragment(article, mentions, relations)
        self.put(article.doc_id, digest, made)
        self.made += 1
        return made

    def get(self, doc_id: str, digest: str) -> Fragment | None:
        """The fragment stored for ``doc_id`` if it was made from records with ``digest`` by this writer."""
        if self._key is None or self._fresh_key:
            return None  # without a key, or with a new one, nothing stored can verify
        path = self.path_for(doc_id)
        raw = _read_or_report(path, self._problem)
        if raw is None:
            return None
        head, _, body = raw.partition(b"\n")
        try:
            header = json.loads(head)
            expected = {"format": FRAGMENT_FORMAT, "rdf": rdf_version(), "input": digest}
            if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
                return None  # made by another writer or from other records: silently rebuilt
            if not hmac.compare_digest(str(header.get("mac")), self._mac(header, body)):
                self._problem(path, "does not verify (edited, or made with another key)")
                return None
            return _fragment_from(header, body.decode("utf-8", "surrogatepass"))
        except (ValueError, TypeError, KeyError) as exc:
            self._problem(path, f"unreadable ({exc})")
            return None

    def put(self, doc_id: str, digest: str, fragment: Fragment) -> None:
        """Store ``fragment`` (made from records with ``digest``), atomically."""
        if self._key is None:
            return
        header = {"format": FRAGMENT_FORMAT, "rdf": rdf_version(), "input": digest, "doc": fragment.doc,
                  "default": len(fragment.default)}
        body = "".join(fragment.default + fragment.named).encode("utf-8", "surrogatepass")
        header["mac"] = self._mac(header, body)
        path = self.path_for(doc_id)
        _unlink_planted_shard(path)
        atomic_write_bytes(path, json.dumps(header, sort_keys=True).encode() + b"\n" + body, durable=False)

    def seal(self, data: bytes) -> str | None:
        """HMAC-SHA256 of ``data`` under this output folder's key, for other records the build keeps in the folder
        (the output manifest of :mod:`graphbuild.orchestration.incremental`); None without a key."""
        return None if self._key is None else hmac.new(self._key, data, "sha256").hexdigest()

    def verifies(self, data: bytes, mac: object) -> bool:
        """Whether ``mac`` is :meth:`seal` of ``data`` under a key older than this build."""
        sealed = None if self._fresh_key else self.seal(data)
        return sealed is not None and isinstance(mac, str) and hmac.compare_digest(mac, sealed)

    def _mac(self, header: Mapping[str, Any], body: bytes) -> str:
        signed = {k: v for k, v in header.items() if k != "mac"}
        mac = hmac.new(self._key, json.dumps(signed, sort_keys=True).encode() + b"\n", "sha256")
        mac.update(body)
        return mac.hexdigest()

    def _load_key(self, path: Path) -> bytes | None:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except FileNotFoundError:
            return self._new_key(path)
        except OSError as exc:
            problem = "is a symbolic link" if exc.errno == errno.ELOOP else f"is unreadable ({exc.strerror})"
            return self._replace_key(path, problem)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                problem = "is not a regular file"
            elif info.st_uid != os.geteuid():
                problem = "belongs to another user"
            elif info.st_mode & 0o077:
                problem = "can be read or written by other users"
            else:
                key = handle.read(_KEY_BYTES + 1)
                if len(key) == _KEY_BYTES:
                    return key
                problem = "is not a key"
        return self._replace_key(path, problem)

    def _replace_key(self, path: Path, problem: str) -> bytes | None:
        self._problem(path, f"{problem}; a new key is made and every RDF fragment is rebuilt", what="fragment key")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)  # the name only: a link's target is untouched
        return self._new_key(path)

    def _new_key(self, path: Path) -> bytes | None:
        key = os.urandom(_KEY_BYTES)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except OSError as exc:  # someone else created it in between, or the folder is not writable
            self._problem(path, f"cannot be created ({exc.strerror}); RDF fragments are not cached", what="fragment key")
            return None
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
            handle.flush()
            os.fsync(fd)
        self._fresh_key = True
        return key

    def _problem(self, path: Path, problem: str, what: str = "cache fragment") -> None:
        warning = CorpusWarning(str(path), f"{what} {problem}" + ("; rebuilding it" if what == "cache fragment" else ""))
        log.warning("%s", warning)
        self.problems.append(warning)


def _fragment_from(header: Mapping[str, Any], text: str) -> Fragment:
    from graphbuild.rdf.stream import Fragment

    lines = text.splitlines(keepends=True)
    if len(lines) != text.count("\n"):  # a literal holds U+2028 or another break splitlines() also splits on
        lines = [line + "\n" for line in text.split("\n")[:-1]]
    split = header["default"]
    if not isinstance(split, int) or not 0 <= split <= len(lines) or not isinstance(header["doc"], str):
        raise ValueError("bad header")
    return Fragment(header["doc"], tuple(lines[:split]), tuple(lines[split:]))


def forged_span(result: DocResult) -> str | None:
    """Why ``result`` cannot have come from its article, or None.

    Anyone who can write the cache can recompute its checksum, so an entry is also checked against
    the article it claims to describe: every mention's text must be ``article.text[start:end]``,
    every relation's sentence the (stripped) text at its offsets, and its subject, object and
    speaker actors the document mentions -- except the state or organisation of an office, which a title
    may only imply ("the Belarusian leader", "President X" of the country the gazetteer records). An edit
    that keeps all of that true (a relation type changed within a real sentence between actors it names) is
    not caught: see docs/SECURITY.md.
    """
    article = result.article
    text = article.text
    mentioned = {m.entity_id for m in result.mentions if m.entity_id}
    for m in result.mentions:
        if m.doc_id != article.doc_id or not 0 <= m.start <= m.end <= len(text) or text[m.start:m.end] != m.text:
            return f"mention {m.text[:60]!r} at {m.start}-{m.end} is not in the article (the entry was edited)"
    for r in result.relations:
        if r.doc_id != article.doc_id or not 0 <= r.start <= r.end <= len(text) \
                or text[r.start:r.end].strip() != r.sentence:
            return f"relation sentence at {r.start}-{r.end} is not in the article (the entry was edited)"
        implied_object = r.relation in ("leaderOf", "affiliatedWith") and r.method.startswith("title:")
        actors = [r.subject] + ([] if implied_object else [r.object]) + ([r.speaker] if r.speaker else [])
        if any(a not in mentioned for a in actors):
            return (f"relation {r.subject} {r.relation} {r.object} names an actor the article does not mention "
                    "(the entry was edited)")
    return None


def dump_entry(key: str, result: DocResult) -> str:
    """Serialise a cache entry: format, key, checksum of the payload, payload."""
    payload = _canonical(result_to_json(result))
    checksum = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
    return f'{{"format":{FORMAT},"key":{json.dumps(key)},"sha256":"{checksum}","result":{payload}}}\n'


def load_entry(raw: bytes) -> Mapping[str, Any]:
    """Parse and verify a cache entry.

    Raises:
        CacheEntryError: not JSON, another format, checksum mismatch, or a malformed DocResult.
    """
    try:
        entry = json.loads(raw.decode("utf-8", "surrogatepass"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise CacheEntryError("not valid JSON (truncated or corrupt)") from None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT:
        raise CacheEntryError(f"not a format-{FORMAT} cache entry")
    if not isinstance(entry.get("key"), str) or not isinstance(entry.get("sha256"), str):
        raise CacheEntryError("missing key or checksum")
    # dump_entry writes the canonical payload verbatim between this prefix and "}\n": hash those bytes (the same
    # as re-serialising the parsed payload, without doing it); a file laid out otherwise is re-serialised.
    prefix = f'{{"format":{FORMAT},"key":{json.dumps(entry["key"])},"sha256":"{entry["sha256"]}","result":'.encode()
    if raw.startswith(prefix) and raw.endswith(b"}\n"):
        payload = raw[len(prefix):-2]
    else:
        payload = _canonical(entry.get("result")).encode("utf-8", "surrogatepass")
    if hashlib.sha256(payload).hexdigest() != entry["sha256"]:
        raise CacheEntryError("checksum mismatch (the entry was modified or corrupted)")
    return {"key": entry["key"], "result": result_from_json(entry["result"])}


def clear(output: Path | str) -> None:
    """Remove every cache entry under ``output`` (``--full`` does not need this: it overwrites)."""
    import shutil

    root = Path(output) / CACHE_DIR
    if root.is_dir() and not root.is_symlink():
        shutil.rmtree(root)
    elif root.is_symlink():
        os.unlink(root)
