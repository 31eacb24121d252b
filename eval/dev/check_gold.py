"""Validate the dev gold (relations.jsonl, mentions.jsonl) and print its counts.

Checks every record's fields and types; that offsets lie inside the document read from disk (UTF-8,
no newline translation) and, for mentions, that the span starts and ends on word boundaries and
does not cross another mention (nesting is allowed); that relation names are in ``graphbuild.model.RELATION_TYPES``,
modalities in ``MODALITIES`` and entity ids follow the id scheme; that each relation span is a whole
sentence of ``annotate_tool.sentence_spans``; that ``sentence`` text, where present, equals the
slice; and that no BBC or ../shared record carries text.  Exits 1 on any problem.

    /work/venv/bin/python eval/dev/check_gold.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from annotate_tool import REPO, entity_type, read_text, sentence_spans  # noqa: E402
from graphbuild.model import ACTOR_TYPES, MODALITIES, RELATION_TYPES  # noqa: E402

_ID = re.compile(r"^(country/([A-Z]{3}|[a-z0-9-]+)|org/[A-Za-z0-9-]+|person/[a-z0-9-]+)$")
RELATION_KEYS = {"doc", "start", "end", "subject", "relation", "object", "negated", "modality", "speaker"}
MENTION_KEYS = {"doc", "start", "end", "entity_id", "type"}
SAMPLE_PREFIX = "examples/corpus/"


def load(path: Path) -> list[dict]:
    """Read a JSON Lines file; a malformed line is reported with its number."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path.name}:{number}: not JSON ({exc})") from exc
    return records


class Checker:
    """Collects problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._texts: dict[str, str] = {}
        self._sentences: dict[str, set[tuple[int, int]]] = {}

    def text(self, doc: str) -> str | None:
        if doc not in self._texts:
            path = REPO / doc
            self._texts[doc] = read_text(doc) if path.is_file() else None  # type: ignore[assignment]
        return self._texts[doc]

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def check_common(self, where: str, rec: dict, keys: set[str]) -> str | None:
        missing = keys - rec.keys()
        if missing:
            self.fail(where, f"missing fields {sorted(missing)}")
            return None
        doc = rec["doc"]
        if not (doc.startswith(SAMPLE_PREFIX) or doc.startswith("../shared/corpus/")):
            self.fail(where, f"doc {doc!r} is neither examples/corpus/... nor ../shared/corpus/...")
        if not doc.startswith(SAMPLE_PREFIX) and ("sentence" in rec or "text" in rec):
            self.fail(where, "a ../shared record must carry offsets only, no text")
        text = self.text(doc)
        if text is None:
            self.fail(where, f"document {doc} not found")
            return None
        start, end = rec["start"], rec["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            self.fail(where, f"offsets {start}-{end} outside 0-{len(text)}")
            return None
        return text

    def check_id(self, where: str, value: str | None, *, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) or not _ID.match(value):
            self.fail(where, f"bad entity id {value!r}")

    def relation(self, number: int, rec: dict) -> None:
        where = f"relations.jsonl:{number}"
        text = self.check_common(where, rec, RELATION_KEYS)
        if text is None:
            return
        if rec["relation"] not in RELATION_TYPES:
            self.fail(where, f"relation {rec['relation']!r} not in RELATION_TYPES")
        if rec["modality"] not in MODALITIES:
            self.fail(where, f"modality {rec['modality']!r} not in MODALITIES")
        if not isinstance(rec["negated"], bool):
            self.fail(where, "negated must be true or false")
        for key in ("subject", "object"):
            self.check_id(where, rec[key])
        self.check_id(where, rec["speaker"], optional=True)
        if rec["subject"] == rec["object"]:
            self.fail(where, "subject equals object")
        if rec["doc"] not in self._sentences:
            self._sentences[rec["doc"]] = set(sentence_spans(text))
        if (rec["start"], rec["end"]) not in self._sentences[rec["doc"]]:
            self.fail(where, f"{rec['start']}-{rec['end']} is not a sentence span")
        if "sentence" in rec and rec["sentence"] != text[rec["start"]:rec["end"]]:
            self.fail(where, "sentence text differs from the slice at its offsets")

    def mentions(self, records: list[dict]) -> None:
        by_doc: dict[str, list[tuple[int, int, int]]] = {}
        for number, rec in enumerate(records, 1):
            where = f"mentions.jsonl:{number}"
            text = self.check_common(where, rec, MENTION_KEYS)
            if text is None:
                continue
            self.check_id(where, rec["entity_id"])
            if rec["type"] not in ACTOR_TYPES or rec["type"] != entity_type(rec["entity_id"]):
                self.fail(where, f"type {rec['type']!r} does not fit {rec['entity_id']}")
            start, end = rec["start"], rec["end"]
            span = text[start:end]
            if span != span.strip() or (start > 0 and text[start - 1].isalnum()) or (
                end < len(text) and text[end].isalnum()
            ):
                self.fail(where, f"span {span!r} does not sit on word boundaries")
            by_doc.setdefault(rec["doc"], []).append((start, end, number))
        # Spans may nest (an office phrase around its demonym) but never cross.
        for doc, spans in by_doc.items():
            spans.sort(key=lambda span: (span[0], -span[1]))
            for i, (s1, e1, n1) in enumerate(spans):
                for s2, e2, n2 in spans[i + 1:]:
                    if s2 >= e1:
                        break
                    if e2 > e1 or (s1, e1) == (s2, e2):
                        self.fail(f"mentions.jsonl:{n2}", f"crosses or repeats line {n1} in {doc}")


def main() -> int:
    relations = load(HERE / "relations.jsonl")
    mentions = load(HERE / "mentions.jsonl")
    checker = Checker()
    for number, rec in enumerate(relations, 1):
        checker.relation(number, rec)
    checker.mentions(mentions)

    def shared(rec: dict) -> bool:
        return not rec["doc"].startswith(SAMPLE_PREFIX)

    bbc = [r for r in relations if "/bbc/" in r["doc"]]
    print(f"relations: {len(relations)} in {len({r['doc'] for r in relations})} documents "
          f"({len(bbc)} in BBC articles, {sum(1 for r in relations if shared(r)) - len(bbc)} in the founding "
          f"article, {sum(1 for r in relations if not shared(r))} in the sample corpus)")
    print(f"  negated: {sum(r['negated'] for r in relations)}; with speaker: "
          f"{sum(r['speaker'] is not None for r in relations)}")
    print("  modality: " + ", ".join(f"{k} {v}" for k, v in Counter(r["modality"] for r in relations).most_common()))
    print("  relation: " + ", ".join(f"{k} {v}" for k, v in Counter(r["relation"] for r in relations).most_common()))
    unused = [t for t in RELATION_TYPES if t not in {r["relation"] for r in relations}]
    print(f"  relation types without an example: {', '.join(unused) or 'none'}")
    print(f"mentions: {len(mentions)} in {len({m['doc'] for m in mentions})} documents "
          f"({sum(1 for m in mentions if '/bbc/' in m['doc'])} in BBC articles); by type: "
          + ", ".join(f"{k} {v}" for k, v in Counter(m["type"] for m in mentions).most_common()))
    print(f"  distinct actors: {len({m['entity_id'] for m in mentions})}")
    if checker.problems:
        print(f"{len(checker.problems)} problems:")
        for problem in checker.problems:
            print("  " + problem)
        return 1
    print("OK: all offsets in range, relation names and modalities valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
