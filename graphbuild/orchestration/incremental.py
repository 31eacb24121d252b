"""Incremental outputs: a rebuild where nothing changed writes nothing but its changelog.

Every build records in ``<output>/.cache/outputs.json`` a digest of everything its outputs are made from -- each
document's cache key (its text and metadata, and the versions of the extraction), the settings that shape the
outputs, graphbuild's source and data files, and the versions of the libraries that write files -- with the
SHA-256 of every file it wrote. The next build computes the digest before extracting anything (the keys need no
cache read and no model); when it equals the recorded one and every file is still the one written, the build skips
extraction, merge and all writers, and only records a changelog without changes. Otherwise every output is
written again (``graphbuild build --full`` always writes everything).

The manifest lives in the output folder, which others may be able to write (docs/SECURITY.md, S17): it carries a
MAC under the folder's cache key (``.cache/fragments.key``, :class:`graphbuild.orchestration.cache.FragmentStore`),
so a manifest someone else edited (to keep a file they replaced) does not verify and every output is written
again; so are files that are missing or differ from their recorded hash.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.config import Config
from graphbuild.fileio import atomic_write_text

if TYPE_CHECKING:
    from graphbuild.orchestration.cache import FragmentStore

log = logging.getLogger("graphbuild")

MANIFEST = "outputs.json"
#: Bump when the manifest layout changes.
FORMAT = 1
#: Settings that do not change what the output files contain (where things are, how many processes).
NOT_OUTPUT_SETTINGS = frozenset({"corpus", "output", "workers", "extra"})
#: Libraries whose version can change the bytes of an output file.
WRITER_LIBRARIES = ("networkx", "rdflib", "pyoxigraph", "pyvis", "jinja2", "numpy", "scipy")


@lru_cache(maxsize=1)
def software_version() -> str:
    """A hash of graphbuild's Python source, its shipped data files and the writer libraries' versions."""
    from importlib import metadata

    from graphbuild import resources

    digest = hashlib.sha256()
    for root in (Path(__file__).resolve().parents[1], resources.data_path(), resources.queries_dir()):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(f"{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    for name in WRITER_LIBRARIES:
        try:
            digest.update(f"{name}=={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent\0".encode())
    return digest.hexdigest()


def inputs_digest(config: Config, keys: Iterable[tuple[str, str]]) -> str:
    """The digest of a build's inputs: ``(doc id, cache key)`` of every document, the output settings, the software."""
    settings = {f.name: getattr(config, f.name) for f in fields(config) if f.name not in NOT_OUTPUT_SETTINGS}
    data = json.dumps([FORMAT, software_version(), sorted(keys), settings], default=str, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def file_digest(path: Path) -> str | None:
    """SHA-256 of a regular file (not followed through a link), or None when there is none."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    digest = hashlib.sha256()
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class OutputManifest:
    """What the last build of an output folder was made from and wrote (``.cache/outputs.json``)."""

    def __init__(self, output: Path | str, keys: FragmentStore | None = None) -> None:
        """``keys``: the build's FragmentStore, whose key seals the manifest (one is made if None)."""
        from graphbuild.orchestration.cache import CACHE_DIR, FragmentStore

        self.output = Path(output)
        self.path = self.output / CACHE_DIR / MANIFEST
        self.keys = keys or FragmentStore(self.output)

    def unchanged(self, digest: str) -> dict[str, Any] | None:
        """The record of the last build (``files``: name -> SHA-256, ``counts``) when it was made from ``digest`` and
        its files are intact, else None."""
        recorded = self._load()
        if recorded is None or recorded.get("inputs") != digest:
            return None
        if not self.keys.verifies(_sealed_part(recorded), recorded.get("mac")):
            log.warning("%s does not verify (edited, or sealed with another key); writing every output again", self.path)
            return None
        files = recorded.get("files")
        if not isinstance(files, dict) or not files:
            return None
        for name, expected in files.items():
            if Path(name).name != name or file_digest(self.output / name) != expected:
                log.info("%s changed since the last build; writing every output again", name)
                return None
        return recorded if isinstance(recorded.get("counts"), dict) else None

    def record(self, digest: str, files: Iterable[Path], counts: Mapping[str, int]) -> None:
        """Record a finished build: its inputs digest, the hash of each file it wrote, its counts."""
        written = {p.name: file_digest(p) for p in sorted(set(files), key=lambda p: p.name) if p.parent == self.output}
        data: dict[str, Any] = {"format": FORMAT, "inputs": digest, "files": written, "counts": dict(counts)}
        data["mac"] = self.keys.seal(_sealed_part(data))
        if data["mac"] is not None and not self.path.parent.is_symlink():
            atomic_write_text(self.path, json.dumps(data, sort_keys=True) + "\n")

    def forget(self) -> None:
        """Remove the record (before writing outputs: a build killed half-way is never taken as complete)."""
        if self.path.is_file() and not self.path.is_symlink() and not self.path.parent.is_symlink():
            self.path.unlink()

    def _load(self) -> dict[str, Any] | None:
        if self.path.parent.is_symlink() or self.path.is_symlink() or not self.path.is_file():
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def _sealed_part(record: Mapping[str, Any]) -> bytes:
    return json.dumps({k: v for k, v in record.items() if k != "mac"}, sort_keys=True).encode()
