"""Regenerate relations.jsonl and mentions.jsonl from mention_spec.py and relation_spec.py.

Offsets are computed here, never typed by hand: mentions from their surface strings, relations from
their sentence numbers.  Text is copied into the gold only for documents of the project's own sample
corpus (``examples/corpus/``); BBC and ../shared documents get offsets only.

Run from anywhere (needs ../shared next to the repository)::

    /work/venv/bin/python eval/dev/build_gold.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from annotate_tool import entity_type, find_mentions, read_text, sentence_spans  # noqa: E402
from mention_spec import (  # noqa: E402
    COUNTRY_NAMES, DEMONYMS, DOCS, METONYMS, OFFICE_SKIP, OFFICES, ORGS, SAMPLE, SKIP,
)
from relation_spec import RELATIONS  # noqa: E402


def surfaces_for(doc: str) -> dict[str, str]:
    """All surface strings to look for in ``doc``: shared tables plus the document's own."""
    spec = DOCS[doc]
    merged: dict[str, str] = {}
    for table in (COUNTRY_NAMES, METONYMS, DEMONYMS, ORGS, spec["extra"], spec["persons"]):
        merged.update(table)
    return merged


def mention_records(doc: str) -> list[dict]:
    """Gold mentions of ``doc`` with offsets found by annotate_tool.find_mentions."""
    text = read_text(doc)
    found = find_mentions(text, surfaces_for(doc), SKIP.get(doc, {}))
    # Office phrases are found on their own: they nest around the demonym that names the state.
    found += find_mentions(text, OFFICES.get(doc, {}), OFFICE_SKIP.get(doc, {}))
    found.sort(key=lambda m: (m[0], -m[1]))
    return [{"doc": doc, "start": s, "end": e, "entity_id": eid, "type": entity_type(eid)} for s, e, eid in found]


def relation_records(doc: str) -> list[dict]:
    """Gold relations of ``doc`` with the offsets of their evidence sentences."""
    text = read_text(doc)
    spans = sentence_spans(text)
    records = []
    for rel in RELATIONS[doc]:
        start, end = _sentence(text, spans, rel.sent, doc)
        record = {
            "doc": doc, "start": start, "end": end, "subject": rel.subject, "relation": rel.relation,
            "object": rel.object, "negated": rel.negated, "modality": rel.modality, "speaker": rel.speaker,
        }
        if doc.startswith(SAMPLE):
            record["sentence"] = text[start:end]
        records.append(record)
    return records


def _sentence(text: str, spans: list[tuple[int, int]], ref: int | str, doc: str) -> tuple[int, int]:
    """Resolve a sentence reference: its number, or the words it starts with (exactly one match)."""
    if isinstance(ref, int):
        return spans[ref]
    hits = [(s, e) for s, e in spans if text.startswith(ref, s)]
    if len(hits) != 1:
        raise SystemExit(f"{doc}: {len(hits)} sentences start with {ref!r}")
    return hits[0]


def write_jsonl(path: Path, records: list[dict]) -> None:
    """Write one JSON object per line, UTF-8, keys in a fixed order."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> int:
    mentions = [m for doc in DOCS for m in mention_records(doc)]
    relations = [r for doc in RELATIONS for r in relation_records(doc)]
    write_jsonl(HERE / "mentions.jsonl", mentions)
    write_jsonl(HERE / "relations.jsonl", relations)
    print(f"wrote {len(mentions)} mentions and {len(relations)} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
