"""The documents' summaries of the last build, in one sealed file, so that a rebuild need not parse every entry.

A rebuild after a few documents changed needs every document's :class:`~graphbuild.orchestration.merge.DocSummary`
for the merge; reading them from the cache means parsing each full entry (text, mentions, relations). The build
therefore also keeps all summaries in ``<output>/.cache/summaries.json``, each under the cache key it was made from,
with the SHA-256 of the cache entry it was read from, and a MAC under the output folder's key
(:class:`graphbuild.orchestration.cache.FragmentStore`): a file someone else edited does not verify and is not used
(the entries are then read as before). A summary is used only for a document whose key is unchanged and whose
cache entry is still the same file (its mentions are read from it later, and checked then).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.fileio import atomic_write_bytes
from graphbuild.model import Article, Entity, Relation
from graphbuild.orchestration.merge import DocSummary

if TYPE_CHECKING:
    from graphbuild.orchestration.cache import FragmentStore

log = logging.getLogger("graphbuild")

NAME = "summaries.json"
#: Bump when the layout of a summary changes.
FORMAT = 1


def summary_to_json(summary: DocSummary) -> dict[str, Any]:
    return {"article": asdict(summary.article), "new_entities": [asdict(e) for e in summary.new_entities],
            "names": [list(n) for n in summary.names], "relations": [asdict(r) for r in summary.relations],
            "mentions": summary.mentions}


def summary_from_json(data: Mapping[str, Any]) -> DocSummary:
    """A summary from :func:`summary_to_json` data (sealed by this build's key, so of the shape written)."""
    return DocSummary(
        article=Article(**data["article"]),
        new_entities=tuple(Entity(**{**e, "aliases": tuple(e["aliases"])}) for e in data["new_entities"]),
        names=tuple((eid, text, bool(anaphora), int(n)) for eid, text, anaphora, n in data["names"]),
        relations=tuple(Relation(**r) for r in data["relations"]),
        mentions=int(data["mentions"]),
    )


class SummaryStore:
    """``<output>/.cache/summaries.json``: every document's summary by doc id, with the key it was made under."""

    def __init__(self, output: Path | str, keys: FragmentStore) -> None:
        from graphbuild.orchestration.cache import CACHE_DIR

        self.path = Path(output) / CACHE_DIR / NAME
        self.keys = keys

    def load(self) -> dict[str, tuple[str, str, DocSummary]]:
        """``{doc id: (cache key, SHA-256 of the entry, summary)}`` of the last build, or nothing when the file is
        absent or does not verify."""
        if self.keys.cache.disabled or self.path.is_symlink() or not self.path.is_file():
            return {}
        raw = self.path.read_bytes()
        mac, _, body = raw.partition(b"\n")
        if not self.keys.verifies(body, mac.decode("ascii", "replace")):
            log.info("%s does not verify (edited, or sealed with another key); not used", self.path)
            return {}
        try:
            data = json.loads(body)
            if data.get("format") != FORMAT:
                return {}
            return {doc_id: (entry["key"], entry["entry"], summary_from_json(entry["summary"]))
                    for doc_id, entry in data["docs"].items()}
        except (ValueError, KeyError, TypeError):
            return {}

    def save(self, entries: Iterable[tuple[str, str, DocSummary]]) -> None:
        """Store ``(cache key, SHA-256 of the entry, summary)`` of every document of this build (nothing without a
        key)."""
        docs = {s.doc_id: {"key": key, "entry": digest, "summary": summary_to_json(s)} for key, digest, s in entries}
        body = json.dumps({"format": FORMAT, "docs": docs}, ensure_ascii=False, sort_keys=True).encode(
            "utf-8", "surrogatepass")
        mac = self.keys.seal(body)
        if mac is None or self.keys.cache.disabled or self.path.parent.is_symlink():
            return
        atomic_write_bytes(self.path, mac.encode() + b"\n" + body, durable=False)
