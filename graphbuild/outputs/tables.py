"""CSV tables: relations.csv, entities.csv, mentions.csv.

They are written by :func:`graphbuild.fileio.atomic_write_csv`, which makes cells that a spreadsheet would run as
a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) start with an apostrophe (OWASP's
advice against CSV injection).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from graphbuild.fileio import atomic_write_csv
from graphbuild.orchestration.merge import CorpusRecords

RELATIONS_HEADER = (
    "doc_id,subject,subject_type,subject_qid,subject_iso3,relation,object,object_type,object_qid,object_iso3,"
    "negated,modality,speaker,confidence,sentence,start,end"
).split(",")
ENTITIES_HEADER = "id,label,type,qid,iso3,aliases,mentions,documents".split(",")
MENTIONS_HEADER = "doc_id,start,end,text,entity_id,label,type,method".split(",")

def relations_rows(records: CorpusRecords) -> Iterable[list[object]]:
    ents = records.entities
    for r in records.relations:
        s, o = ents[r.subject], ents[r.object]
        speaker = ents[r.speaker].label if r.speaker and r.speaker in ents else ""
        yield [r.doc_id, s.label, s.type, s.qid, s.iso3, r.relation, o.label, o.type, o.qid, o.iso3,
               r.negated, r.modality, speaker, r.confidence, r.sentence, r.start, r.end]


def entities_rows(records: CorpusRecords) -> Iterable[list[object]]:
    for entity_id, e in sorted(records.entities.items()):
        yield [e.id, e.label, e.type, e.qid, e.iso3, "|".join(e.aliases), records.mention_counts[entity_id],
               records.document_counts[entity_id]]


def mentions_rows(records: CorpusRecords) -> Iterable[list[object]]:
    for m in records.mentions:
        e = records.entities.get(m.entity_id) if m.entity_id else None
        yield [m.doc_id, m.start, m.end, m.text, m.entity_id or "", e.label if e else "", e.type if e else "",
               m.method]


def write_tables(records: CorpusRecords, directory: Path) -> dict[str, Path]:
    """Write the three CSV files into ``directory``, row by row; return their paths by name."""
    tables = {
        "relations.csv": (RELATIONS_HEADER, relations_rows(records)),
        "entities.csv": (ENTITIES_HEADER, entities_rows(records)),
        "mentions.csv": (MENTIONS_HEADER, mentions_rows(records)),
    }
    paths = {name: directory / name for name in tables}
    for name, (header, rows) in tables.items():
        atomic_write_csv(paths[name], header, rows)
    return paths


def entities_overview(output: Path | str, *, top: int = 30) -> str:
    """What ``graphbuild entities`` prints: actors with aliases and counts, then frequent unresolved names.

    Reads ``entities.csv`` and ``mentions.csv`` of a finished build.

    Raises:
        GraphbuildError: the build's tables are missing.
    """
    from collections import Counter

    from graphbuild.errors import GraphbuildError

    output = Path(output)
    tables = {}
    for name in ("entities.csv", "mentions.csv"):
        path = output / name
        if not path.is_file():
            raise GraphbuildError(f"no {name} in {output}; run graphbuild build first (or pass --out)")
        with path.open(encoding="utf-8", newline="") as handle:
            tables[name] = list(csv.DictReader(handle))
    actors = sorted(tables["entities.csv"], key=lambda r: (-int(r["mentions"] or 0), r["id"]))
    unresolved = Counter(r["text"] for r in tables["mentions.csv"] if not r["entity_id"])
    methods = Counter(r["method"] for r in tables["mentions.csv"] if r["entity_id"])

    lines = [f"{len(actors)} actors, {sum(methods.values())} resolved mentions "
             f"({', '.join(f'{m} {n}' for m, n in methods.most_common())}), "
             f"{sum(unresolved.values())} unresolved", ""]
    width = max((len(r["label"]) for r in actors), default=5)
    lines.append(f"{'actor'.ljust(width)}  {'type':<12} {'qid':<10} {'mentions':>8} {'docs':>5}  aliases seen")
    for r in actors:
        aliases = r["aliases"].replace("|", ", ")
        if len(aliases) > 80:
            aliases = aliases[:77] + "..."
        lines.append(f"{r['label'].ljust(width)}  {r['type']:<12} {r['qid'] or '-':<10} {r['mentions']:>8} "
                     f"{r['documents']:>5}  {aliases}")
    if unresolved:
        lines += ["", "Frequent unresolved mentions (add them to a gazetteer extension file if they are actors):"]
        for text, count in unresolved.most_common(top):
            lines.append(f"  {count:>4}  {text}")
    return "\n".join(lines)
