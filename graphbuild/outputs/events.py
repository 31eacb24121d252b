"""Interaction assertions -> PLOVER/CAMEO-style event rows (CSV), for users of GDELT/ICEWS/PLOVER data.

One row per directed dyad: an assertion of an interaction type (model.INTERACTION_RELATIONS) gives a row
source -> target; a symmetric type (consult, cooperate, agree, fight) gives two rows, one per direction, as
event data sets code both sides of a meeting.  Structural relations (memberOf, leaderOf, ...) are not events
and are left out.

Actor codes (CAMEO style):
    Country       its ISO3 code (CAMEO country codes are ISO3 for current states): ``BLR``
    Organization  the gazetteer record's ``cameo`` field (``IGOWSTNAT`` for NATO), else a name match in
                  the shipped CAMEO table (ontologies/events/cameo_igos.tsv), else ``IGO``
    Person        the code of the country/organisation they lead or are affiliated with (from leaderOf /
                  affiliatedWith assertions in the same set) plus ``GOV`` for country leaders (``BLRGOV``),
                  else empty
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from graphbuild import resources
from graphbuild.fileio import atomic_write_csv
from graphbuild.model import INTERACTION_RELATIONS, SYMMETRIC_RELATIONS, Entity, Relation
from graphbuild.text import fold

HEADER = ("date", "source", "source_code", "target", "target_code", "event_type", "mode", "negated", "modality",
          "speaker", "confidence", "method", "evidence", "doc_id", "start", "end")

#: PLOVER mode from the trigger word, where the trigger says it.
MODES: dict[tuple[str, str], str] = {
    ("consult", "visit"): "visit", ("consult", "visited"): "visit", ("consult", "host"): "visit",
    ("consult", "hosted"): "visit", ("consult", "phone"): "phone", ("consult", "telephone"): "phone",
    ("consult", "negotiations"): "negotiate", ("consult", "negotiated"): "negotiate",
    ("assault", "bombed"): "aerial", ("assault", "airstrike"): "aerial", ("assault", "airstrikes"): "aerial",
    ("assault", "shelled"): "bombard", ("assault", "shelling"): "bombard",
    ("sanction", "embargo"): "embargo", ("sanction", "expelled"): "expel",
    ("aid", "weapons"): "military", ("aid", "arms"): "military", ("aid", "loan"): "economic",
    ("aid", "loans"): "economic",
}

def load_cameo_igos(path: str | Path | None = None) -> dict[str, str]:
    """Folded organisation name -> CAMEO IGO code.

    Read from the table shipped with the package (``ontologies/events/cameo_igos.tsv``, compiled from the
    Phoenix international actors dictionary by ``scripts/build_gazetteer.py``), or from ``path``.
    """
    path = Path(path) if path is not None else resources.data_path(*resources.CAMEO_IGOS)
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "code\t")):
                continue
            code, _, names = line.rstrip("\n").partition("\t")
            for name in names.split("|"):
                key = fold(name.strip())
                if key and key not in table:
                    table[key] = code.strip()
    return table


def actor_codes(relations: Sequence[Relation], entities: Mapping[str, Entity], *, gazetteer: object | None = None,
                igo_table: Mapping[str, str] | None = None) -> dict[str, str]:
    """Entity id -> CAMEO-style actor code for every actor in ``relations`` (see the module docstring)."""
    igos = igo_table if igo_table is not None else load_cameo_igos()
    record = getattr(gazetteer, "record", None)
    ids = {r.subject for r in relations} | {r.object for r in relations}
    codes: dict[str, str] = {}

    def code_of(eid: str) -> str:
        ent = entities.get(eid)
        kind = eid.split("/", 1)[0]
        rec = record(eid) if record else None
        if rec and rec.get("cameo"):
            return str(rec["cameo"])
        if kind == "country":
            if ent is not None and ent.iso3:
                return ent.iso3
            tail = eid.split("/", 1)[1]
            return tail if len(tail) == 3 and tail.isupper() else ""
        if kind == "org":
            names = [eid.split("/", 1)[1]]
            if ent is not None:
                names = [ent.label, *ent.aliases, *names]
            for n in names:
                c = igos.get(fold(n))
                if c:
                    return c
            return "IGO"
        return ""

    for eid in sorted(ids):
        if not eid.startswith("person/"):
            codes[eid] = code_of(eid)
    for eid in sorted(ids):
        if eid.startswith("person/"):
            code = ""
            for r in relations:
                if r.subject == eid and r.relation in ("leaderOf", "affiliatedWith") and not r.negated:
                    base = codes.get(r.object) or code_of(r.object)
                    if base:
                        code = base + ("GOV" if r.object.startswith("country/") else "")
                        if r.relation == "leaderOf":
                            break
            codes[eid] = code
    return codes


def event_rows(relations: Sequence[Relation], entities: Mapping[str, Entity], *, gazetteer: object | None = None,
               igo_table: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """The event rows (dicts keyed by :data:`HEADER`), sorted by (date, doc_id, start, source, target)."""
    codes = actor_codes(relations, entities, gazetteer=gazetteer, igo_table=igo_table)
    rows = []
    for r in relations:
        if r.relation not in INTERACTION_RELATIONS:
            continue
        dyads = [(r.subject, r.object)]
        if r.relation in SYMMETRIC_RELATIONS:
            dyads.append((r.object, r.subject))
        for src, tgt in dyads:
            rows.append({
                "date": r.date or "",
                "source": src,
                "source_code": codes.get(src, ""),
                "target": tgt,
                "target_code": codes.get(tgt, ""),
                "event_type": r.relation.upper(),
                "mode": MODES.get((r.relation, r.trigger.lower()), ""),
                "negated": "true" if r.negated else "false",
                "modality": r.modality,
                "speaker": r.speaker or "",
                "confidence": f"{r.confidence:.3f}",
                "method": r.method,
                "evidence": " ".join(r.sentence.split()),
                "doc_id": r.doc_id,
                "start": str(r.start),
                "end": str(r.end),
            })
    rows.sort(key=lambda x: (x["date"], x["doc_id"], int(x["start"]), x["source"], x["target"], x["event_type"]))
    return rows


def write_events_csv(relations: Sequence[Relation], entities: Mapping[str, Entity], path: str | Path, *,
                     gazetteer: object | None = None, igo_table: Mapping[str, str] | None = None) -> int:
    """Write the PLOVER-style event table to ``path`` (UTF-8, header :data:`HEADER`); returns the row count.

    Args:
        relations: Relation assertions (structural ones are skipped).
        entities: entity id -> Entity (for ISO3 codes and organisation names).
        path: Output CSV file.
        gazetteer: Optional :class:`graphbuild.gazetteer.Gazetteer`; its records' ``cameo`` fields win.
        igo_table: Optional name -> IGO code table (default: the table shipped with the package).
    """
    rows = event_rows(relations, entities, gazetteer=gazetteer, igo_table=igo_table)
    # The one CSV writer: formula-safe cells (doc ids, evidence and speakers come from articles), a fresh
    # temporary name (never a fixed, plantable one), then os.replace.
    atomic_write_csv(Path(path), HEADER, ([row[k] for k in HEADER] for row in rows))
    return len(rows)
