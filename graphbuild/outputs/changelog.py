"""What changed between two builds: actors and relations added and removed.

Every build saves a small :class:`Snapshot` of its graph (``<output>/snapshot.json``: actor ids and
labels, relation aggregation keys) and writes ``changelog.json`` and ``changelog.md`` comparing it
with the snapshot the previous build left. Relations are compared by their aggregation key
(subject, relation, object, negated), the unit of an edge: a new sentence repeating a known claim
is not a change, a claim that no article supports any more is a removal.

Example:
    >>> from graphbuild.outputs.changelog import diff
    >>> print(diff("output-monday", "output").markdown())     # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.errors import GraphbuildError
from graphbuild.fileio import atomic_write_text

if TYPE_CHECKING:
    from graphbuild.orchestration.merge import CorpusRecords

SNAPSHOT_NAME = "snapshot.json"
CHANGELOG_JSON = "changelog.json"
CHANGELOG_MD = "changelog.md"
SNAPSHOT_FORMAT = 1

RelationKey = tuple[str, str, str, bool]

# snapshot.json lives in the output folder, which may be shared: fields read back are checked.
_RELATION_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")
#: C0/C1 control characters but newline and tab: terminal escape sequences, bidi overrides.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Snapshot:
    """The comparable state of a built graph."""

    actors: dict[str, str] = field(default_factory=dict)  # id -> label
    relations: frozenset[RelationKey] = frozenset()
    documents: int = 0
    created: str = ""

    @classmethod
    def of(cls, records: CorpusRecords) -> "Snapshot":
        """Take the snapshot of a :class:`~graphbuild.orchestration.merge.CorpusRecords`."""
        return cls(
            actors={eid: e.label for eid, e in sorted(records.entities.items())},
            relations=frozenset(r.key for r in records.relations),
            documents=len(records.articles),
            created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SNAPSHOT_FORMAT,
            "created": self.created,
            "documents": self.documents,
            "actors": self.actors,
            "relations": [list(k) for k in sorted(self.relations)],
        }

    @classmethod
    def from_json(cls, data: Any, where: str) -> "Snapshot":
        try:
            if data.get("format") != SNAPSHOT_FORMAT:
                raise ValueError("unknown format")
            actors = {str(k): str(v) for k, v in dict(data["actors"]).items()}
            relations = frozenset((str(s), str(r), str(o), bool(n)) for s, r, o, n in data["relations"])
            bad = next((r for _, r, _, _ in relations if not _RELATION_NAME.fullmatch(r)), None)
            if bad is not None:
                raise ValueError(f"relation name {bad[:40]!r}")
            # created, ids and labels are free text: escaped wherever they are shown (_md).
            return cls(actors, relations, int(data.get("documents", 0)), str(data.get("created", ""))[:100])
        except ValueError as exc:
            if str(exc) == "unknown format" or not str(exc):
                raise GraphbuildError(f"{where}: not a graphbuild snapshot (expected format {SNAPSHOT_FORMAT})") from None
            raise GraphbuildError(f"{where}: not a graphbuild snapshot (bad {exc})") from None
        except (AttributeError, KeyError, TypeError):
            raise GraphbuildError(f"{where}: not a graphbuild snapshot (expected format {SNAPSHOT_FORMAT})") from None


@dataclass(frozen=True)
class Changelog:
    """Actors and relations added and removed between two snapshots."""

    added_actors: list[tuple[str, str]]
    removed_actors: list[tuple[str, str]]
    added_relations: list[RelationKey]
    removed_relations: list[RelationKey]
    labels: dict[str, str]
    previous: str
    current: str
    first_build: bool = False

    @property
    def empty(self) -> bool:
        return not (self.added_actors or self.removed_actors or self.added_relations or self.removed_relations)

    def to_json(self) -> dict[str, Any]:
        def rel(key: RelationKey) -> dict[str, Any]:
            s, r, o, n = key
            return {"subject": s, "subject_label": self.labels.get(s, s), "relation": r, "object": o,
                    "object_label": self.labels.get(o, o), "negated": n}

        return {
            "previous": self.previous,
            "current": self.current,
            "first_build": self.first_build,
            "actors": {"added": [{"id": i, "label": lb} for i, lb in self.added_actors],
                       "removed": [{"id": i, "label": lb} for i, lb in self.removed_actors]},
            "relations": {"added": [rel(k) for k in self.added_relations],
                          "removed": [rel(k) for k in self.removed_relations]},
        }

    def markdown(self) -> str:
        """The changelog as Markdown (what ``graphbuild diff`` prints)."""
        lines = ["# Changes since the previous build", ""]
        if self.first_build:
            lines += ["First build: no previous snapshot, so everything is new.", ""]
        lines += [f"- previous: {_md(self.previous) or 'none'}", f"- current: {_md(self.current)}",
                  f"- actors: +{len(self.added_actors)} / -{len(self.removed_actors)}",
                  f"- relations: +{len(self.added_relations)} / -{len(self.removed_relations)}", ""]
        for title, actors in (("Actors added", self.added_actors), ("Actors removed", self.removed_actors)):
            if actors:
                lines += [f"## {title}", ""] + [f"- {_md(label)} (`{_md(i)}`)" for i, label in actors] + [""]
        for title, keys in (("Relations added", self.added_relations), ("Relations removed", self.removed_relations)):
            if keys:
                lines += [f"## {title}", ""] + [f"- {self._relation(k)}" for k in keys] + [""]
        if self.empty:
            lines += ["No actors or relations changed.", ""]
        return "\n".join(lines)

    def _relation(self, key: RelationKey) -> str:
        s, r, o, n = key
        return f"{_md(self.labels.get(s, s))} {'NOT ' if n else ''}{_md(r)} {_md(self.labels.get(o, o))}"


def _md(text: str) -> str:
    """Neutralise Markdown/HTML syntax in data (a name cannot inject links or tags into the page)."""
    out = []
    for ch in _CONTROL.sub(" ", text):
        out.append("\\" + ch if ch in "\\`*_[]<>#|!()" else ch)
    return " ".join("".join(out).split())


def load_snapshot(source: Path | str) -> Snapshot | None:
    """Load a snapshot from a file or from an output folder (its ``snapshot.json``); None if absent.

    Raises:
        GraphbuildError: the file exists but is not a snapshot.
    """
    path = Path(source)
    if path.is_dir():
        path = path / SNAPSHOT_NAME
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GraphbuildError(f"{path}: cannot read snapshot ({exc})") from None
    return Snapshot.from_json(data, str(path))


def diff(previous: Snapshot | Path | str | None, current: Snapshot | Path | str) -> Changelog:
    """Compare two builds.

    Args:
        previous: A snapshot, an output folder or a snapshot file; None (or a folder without a
            snapshot) means a first build.
        current: A snapshot, an output folder or a snapshot file.

    Raises:
        GraphbuildError: ``current`` has no snapshot, or a file is not a snapshot.
    """
    prev_name = "" if previous is None else (str(previous) if not isinstance(previous, Snapshot) else previous.created)
    if not isinstance(previous, Snapshot) and previous is not None:
        previous = load_snapshot(previous)
    if not isinstance(current, Snapshot):
        where = current
        current = load_snapshot(current)
        if current is None:
            raise GraphbuildError(f"no build found in {where} (expected {SNAPSHOT_NAME}); run graphbuild build first")
    first = previous is None
    previous = previous or Snapshot()
    labels = {**previous.actors, **current.actors}
    return Changelog(
        added_actors=sorted((i, lb) for i, lb in current.actors.items() if i not in previous.actors),
        removed_actors=sorted((i, lb) for i, lb in previous.actors.items() if i not in current.actors),
        added_relations=sorted(current.relations - previous.relations),
        removed_relations=sorted(previous.relations - current.relations),
        labels=labels,
        previous=previous.created or prev_name,
        current=current.created,
        first_build=first,
    )


def write_changelog(output: Path | str, records: CorpusRecords | None) -> Changelog:
    """Compare ``records`` with the previous build in ``output``; write changelog.json/.md and the new snapshot.

    ``records`` None: the build changed nothing (:mod:`graphbuild.orchestration.incremental`), so the new snapshot
    is the previous one, taken now. Call it after the other outputs are written (the snapshot is replaced last,
    atomically, so a build killed before it compares against the last complete build next time).
    """
    output = Path(output)
    try:
        previous = load_snapshot(output)
    except GraphbuildError:
        previous = None  # an unreadable snapshot: report as a first build rather than fail the build
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    if records is None:
        current = Snapshot(previous.actors, previous.relations, previous.documents, now) if previous else Snapshot()
    else:
        current = Snapshot.of(records)
    changes = diff(previous, current)
    atomic_write_text(output / CHANGELOG_JSON, json.dumps(changes.to_json(), ensure_ascii=False, indent=1) + "\n")
    atomic_write_text(output / CHANGELOG_MD, changes.markdown())
    atomic_write_text(output / SNAPSHOT_NAME, json.dumps(current.to_json(), ensure_ascii=False) + "\n")
    return changes


def show(output: Path | str, against: Path | str | None = None) -> str:
    """What ``graphbuild diff`` prints: the last build's changelog, or a diff against another build.

    Raises:
        GraphbuildError: ``output`` holds no build.
    """
    output = Path(output)
    if against is not None:
        return diff(Path(against), output).markdown()
    path = output / CHANGELOG_MD
    if not path.is_file():
        raise GraphbuildError(f"no changelog in {output} (expected {CHANGELOG_MD}); run graphbuild build first")
    # changelog.md may have been edited in a shared output folder: no terminal escapes reach the screen.
    return _CONTROL.sub(" ", path.read_text(encoding="utf-8", errors="replace"))
