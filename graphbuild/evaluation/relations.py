"""Score relation extraction against public gold (../shared/eval) and the team's dev gold, beside a baseline.

Sets (each read at run time; a missing file is reported as skipped, never an error):

``petrarch`` / ``petrarch-newswire``
    UniversalPetrarch validation sentences (petrarch_gold.jsonl; all 78 and the 35 ``text_origin=newswire``).
    An event matches a prediction when source and target agree at country level and the CAMEO code, mapped to
    PLOVER with cameo2plover_2021.txt (most specific code listed), equals our relation type.  Country level:
    the gold actor code's first three letters (the full code for IGO/NGO codes, e.g. ``IGOWSTNAT``) against our
    actor's code: ISO3 for countries, the gazetteer's CAMEO code for organisations, the country a person
    leads or serves (leaderOf/affiliatedWith in the same text, or the gazetteer's office holders).  Only
    non-negated interaction predictions count (CAMEO has no negated events).  Symmetric types match either
    direction.  An interaction announced rather than done (modality desired/future, e.g. "Syria is willing
    to withdraw its troops") is scored as PLOVER's AGREE ("express intent to ..."), except threats, demands,
    requests, rejections, accusations and protests, which keep their type.
``plover``
    PLOVER gold records whose actors are all states (a CAMEO country code) or international organisations
    (``IGO``).  Gold pairs: source x target, or every pair of sources when the target is empty (joint
    actors).  Pair recall (direction-free), pair precision, and type accuracy on found pairs (any of our
    relations on the pair has the gold PLOVER type; DISAPPROVE counts as accuse).
``redocred``
    Re-DocRED geo documents: P463 -> memberOf(head, tail) when the member is a state or organisation, and
    affiliatedWith(head, tail) when it is a person (graphbuild's type for a person's party or body);
    P35/P6 -> leaderOf(tail, head).  Our actors are
    matched to gold entities by overlapping mention spans, or by the same (folded) name.
``dev``
    eval/dev/relations.jsonl: typed, directed relations (symmetric types direction-free) in an overlapping
    evidence sentence; a true positive also needs the right ``negated``.  Accuracy of negated / modality /
    speaker on relations matched on (sentence, subject, relation, object).

Baseline (every set): every pair of distinct resolved actors in a sentence, in text order, typed with the most
frequent gold type of the set.  It uses the same parse and the same resolved mentions as graphbuild, so the
difference is the relation extractor alone.

Runtime: every text goes once through ``nlp.pipe``; on 2 cores the whole evaluation takes about a minute or two
(timed in the report).  Re-DocRED is not sampled unless ``redocred_limit`` is given (first N documents by id).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.model import INTERACTION_RELATIONS, SYMMETRIC_RELATIONS, Article, Entity, Mention, Relation
from graphbuild.text import fold

if TYPE_CHECKING:
    from graphbuild.orchestration.extractor import Extractor

__all__ = ["Score", "SetResult", "RelationEvalResults", "evaluate_relations", "format_relation_report"]


# ------------------------------------------------------------------------------------------------ records
@dataclass(frozen=True, slots=True)
class Score:
    """Counts behind precision and recall (predictions and gold items are matched separately)."""

    pred: int = 0
    pred_correct: int = 0
    gold: int = 0
    gold_found: int = 0

    @property
    def precision(self) -> float:
        return self.pred_correct / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.pred + other.pred, self.pred_correct + other.pred_correct, self.gold + other.gold,
                     self.gold_found + other.gold_found)


@dataclass(frozen=True)
class SetResult:
    """Scores on one evaluation set.

    ``system``/``baseline`` map ``"all"`` and each relation type to a :class:`Score`; ``extra`` holds
    set-specific figures (pair recall, type accuracy, attribute accuracy ...).
    """

    name: str
    description: str
    items: int
    system: dict[str, Score]
    baseline: dict[str, Score]
    baseline_type: str
    extra: dict[str, float | int | str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    skipped: str | None = None


@dataclass(frozen=True)
class RelationEvalResults:
    sets: tuple[SetResult, ...]
    seconds: float


# ------------------------------------------------------------------------------------------------ running
@dataclass
class _Processed:
    article: Article
    doc: Any
    mentions: list[Mention]
    entities: dict[str, Entity]
    relations: list[Relation]


def _run(extractor: Extractor, articles: Sequence[Article], batch_size: int = 32) -> list[_Processed]:
    gazetteer = extractor.gazetteer
    out = []
    for article, doc in zip(articles, extractor.nlp.pipe((a.text for a in articles), batch_size=batch_size),
                            strict=True):
        result = extractor.analyse(doc, article)
        entities = {e.id: e for e in result.new_entities}
        for m in result.mentions:
            if m.entity_id and m.entity_id not in entities and (known := gazetteer.get(m.entity_id)) is not None:
                entities[known.id] = known
        out.append(_Processed(article, doc, list(result.mentions), entities, list(result.relations)))
    return out


def cooccurrence_baseline(p: _Processed, relation: str) -> list[Relation]:
    """Every pair of distinct resolved actors in a sentence (text order), typed ``relation``."""
    by_sent: dict[int, list[Mention]] = defaultdict(list)
    for m in p.mentions:
        if m.entity_id is None:
            continue
        span = p.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        by_sent[span.sent.start_char].append(m)
    out = []
    for start, ms in by_sent.items():
        sent = p.doc.char_span(start, start + 1, alignment_mode="expand")[0].sent
        order: list[str] = []
        for m in sorted(ms, key=lambda m: m.start):
            if m.entity_id not in order:
                order.append(m.entity_id)
        for i, a in enumerate(order):
            for b in order[i + 1:]:
                s, o = (a, b) if relation not in SYMMETRIC_RELATIONS or a < b else (b, a)
                out.append(Relation(p.article.doc_id, s, relation, o, sent.text, sent.start_char, sent.end_char,
                                    method="baseline:cooccurrence"))
    return out


# ------------------------------------------------------------------------------------------------ codes
def load_cameo2plover(path: Path) -> dict[str, str]:
    """CAMEO code (any depth) -> our relation type, from cameo2plover_2021.txt."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, _, rest = line.partition(":")
        plover = rest.split(",", 1)[0].strip()
        if code.strip().isdigit() and plover:
            table.setdefault(code.strip(), _plover_to_type(plover))
    return table


def _plover_to_type(plover: str) -> str:
    p = plover.strip().upper()
    return {"DISAPPROVE": "accuse"}.get(p, p.lower())


def cameo_to_type(code: str, table: Mapping[str, str]) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def country_level(code: str) -> str:
    code = (code or "").strip().upper()
    if code.startswith(("IGO", "NGO", "IMG", "NGM")):
        return code
    return code[:3]


class _Coder:
    """Our entity id -> CAMEO-style country-level code (see the module docstring)."""

    def __init__(self, gazetteer: object | None):
        self.gazetteer = gazetteer
        self.holders: dict[str, str] = {}
        record = getattr(gazetteer, "record", None)
        if gazetteer is not None and record is not None:
            for ent in gazetteer.entities():
                rec = record(ent.id) or {}
                for office in rec.get("offices", []) or []:
                    holder = office.get("holder")
                    if holder and ent.id.startswith("country/"):
                        self.holders.setdefault(holder, ent.id)

    def code(self, entity_id: str, entities: Mapping[str, Entity], relations: Sequence[Relation] = (),
             igo_generic: bool = False) -> str | None:
        kind = entity_id.split("/", 1)[0]
        if kind == "country":
            ent = entities.get(entity_id)
            tail = entity_id.split("/", 1)[1]
            return (ent.iso3 if ent is not None and ent.iso3 else tail if len(tail) == 3 else None)
        if kind == "org":
            if igo_generic:
                return "IGO"
            record = getattr(self.gazetteer, "record", None)
            rec = record(entity_id) if record else None
            return (rec or {}).get("cameo") or "IGO"
        for r in relations:
            if r.subject == entity_id and r.relation in ("leaderOf", "affiliatedWith") and not r.negated:
                c = self.code(r.object, entities, (), igo_generic)
                if c:
                    return c
        if entity_id in self.holders:
            return self.code(self.holders[entity_id], entities, (), igo_generic)
        return None


def _date(raw: str | None) -> str | None:
    if raw and len(raw) == 8 and raw.isdigit():
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _per_type(items: Iterable[tuple[str, bool, bool]]) -> dict[str, Score]:
    """(type, is_prediction, correct) -> per-type and overall Scores."""
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for rel_type, is_pred, ok in items:
        for key in ("all", rel_type):
            a = acc[key]
            if is_pred:
                a[0] += 1
                a[1] += int(ok)
            else:
                a[2] += 1
                a[3] += int(ok)
    return {k: Score(*v) for k, v in acc.items()}


#: Types that keep their own PLOVER category when announced rather than done (a threat is a threat).
_INTENT_KEEPS = frozenset({"threaten", "demand", "request", "reject", "accuse", "protest", "agree"})


def plover_type(r: Relation) -> str:
    """Our relation as a PLOVER category: an announced future or desired interaction ("Syria is willing to
    withdraw", "will provide aid") is PLOVER's AGREE (CAMEO 03, "express intent to ...")."""
    if r.modality in ("desired", "future") and r.relation not in _INTENT_KEEPS:
        return "agree"
    return r.relation


# ------------------------------------------------------------------------------------------------ PETRARCH
def _event_keys(rels: Sequence[Relation], p: _Processed, coder: _Coder) -> set[tuple[str, str, str]]:
    keys = set()
    for r in rels:
        if r.relation not in INTERACTION_RELATIONS or r.negated:
            continue
        s = coder.code(r.subject, p.entities, p.relations)
        o = coder.code(r.object, p.entities, p.relations)
        if not s or not o or s == o:
            continue
        t = plover_type(r)
        keys.add((country_level(s), t, country_level(o)))
        if t in SYMMETRIC_RELATIONS:
            keys.add((country_level(o), t, country_level(s)))
    return keys


def _score_events(records: list[dict], processed: list[_Processed], coder: _Coder, table: Mapping[str, str],
                  baseline_type: str) -> tuple[dict[str, Score], dict[str, Score]]:
    sys_items: list[tuple[str, bool, bool]] = []
    base_items: list[tuple[str, bool, bool]] = []
    for rec, p in zip(records, processed, strict=True):
        gold = set()
        for e in rec.get("events", []):
            t = cameo_to_type(e.get("cameo_code") or e.get("cameo_root") or "", table)
            if t:
                gold.add((country_level(e["source"]), t, country_level(e["target"])))
        for items, rels in ((sys_items, p.relations), (base_items, cooccurrence_baseline(p, baseline_type))):
            pred = _event_keys(rels, p, coder)
            # a symmetric prediction is one claim: count it once, matched if either direction is gold
            seen = set()
            for s, t, o in sorted(pred):
                if t in SYMMETRIC_RELATIONS:
                    key = (t, *sorted((s, o)))
                    if key in seen:
                        continue
                    seen.add(key)
                    ok = (s, t, o) in gold or (o, t, s) in gold
                else:
                    ok = (s, t, o) in gold
                items.append((t, True, ok))
            for s, t, o in gold:
                items.append((t, False, (s, t, o) in pred))
    return _per_type(sys_items), _per_type(base_items)


def _eval_petrarch(shared: Path, extractor: Extractor, coder: _Coder) -> list[SetResult]:
    path = shared / "eval" / "petrarch_gold.jsonl"
    mapping = shared / "reference" / "cameo2plover_2021.txt"
    if not path.exists() or not mapping.exists():
        return [SetResult("petrarch", "PETRARCH validation", 0, {}, {}, "", skipped=f"{path} or {mapping} not found")]
    table = load_cameo2plover(mapping)
    records = _read_jsonl(path)
    articles = [Article(f"petrarch/{r['id']}", r["text"], date=_date(r.get("date"))) for r in records]
    processed = _run(extractor, articles)
    counts = Counter(t for r in records for e in r.get("events", [])
                     if (t := cameo_to_type(e.get("cameo_code") or "", table)))
    baseline_type = counts.most_common(1)[0][0] if counts else "consult"
    out = []
    subsets = (("petrarch", lambda r: True), ("petrarch-newswire", lambda r: r.get("text_origin") == "newswire"))
    for name, keep in subsets:
        idx = [i for i, r in enumerate(records) if keep(r)]
        sys_s, base_s = _score_events([records[i] for i in idx], [processed[i] for i in idx], coder, table,
                                      baseline_type)
        out.append(SetResult(
            name, f"PETRARCH validation sentences ({'newswire subset' if 'news' in name else 'all'}), country level, "
            "CAMEO->PLOVER type", len(idx), sys_s, base_s, baseline_type,
            notes=("gold events whose actors are not states/IGOs (e.g. rebels, generic agents) stay in the "
                   "recall denominator",)))
    return out


# ------------------------------------------------------------------------------------------------ PLOVER
def _country_codes(shared: Path) -> set[str]:
    path = shared / "reference" / "cameo_countries.tsv"
    codes = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            codes.add(line.split("\t", 1)[0].strip())
    return codes


def _eval_plover(shared: Path, extractor: Extractor, coder: _Coder) -> SetResult:
    path = shared / "eval" / "plover_gsr_gold.jsonl"
    if not path.exists():
        return SetResult("plover", "PLOVER gold", 0, {}, {}, "", skipped=f"{path} not found")
    states = _country_codes(shared)

    def ok_code(c: str | None) -> bool:
        return bool(c) and (c in states or c == "IGO")

    records = []
    for rec in _read_jsonl(path):
        pairs: list[tuple[frozenset[str], str]] = []
        fine = bool(rec.get("events"))
        for e in rec.get("events", []):
            src = [a.get("code") for a in e.get("source", [])]
            tgt = [a.get("code") for a in e.get("target", [])]
            if not all(ok_code(c) for c in src + tgt):
                fine = False
                break
            t = _plover_to_type(e.get("event", ""))
            if tgt:
                pairs += [(frozenset((a, b)), t) for a in src for b in tgt if a != b]
            else:
                pairs += [(frozenset((a, b)), t) for i, a in enumerate(src) for b in src[i + 1:] if a != b]
        if fine and pairs:
            records.append((rec, pairs))
    articles = [Article(f"plover/{r['id']}", r["text"]) for r, _ in records]
    processed = _run(extractor, articles)
    counts = Counter(t for _, pairs in records for _, t in pairs)
    baseline_type = counts.most_common(1)[0][0]

    def score(which: str) -> tuple[dict[str, Score], dict[str, float | int]]:
        items: list[tuple[str, bool, bool]] = []
        found = typed = gold_n = 0
        pred_pairs_n = pred_pairs_ok = 0
        for (_rec, pairs), p in zip(records, processed, strict=True):
            rels = p.relations if which == "system" else cooccurrence_baseline(p, baseline_type)
            pred: dict[frozenset[str], set[str]] = defaultdict(set)
            for r in rels:
                if r.relation not in INTERACTION_RELATIONS:
                    continue
                s = coder.code(r.subject, p.entities, p.relations, igo_generic=True)
                o = coder.code(r.object, p.entities, p.relations, igo_generic=True)
                if s and o and s != o:
                    pred[frozenset((s, o))].add(plover_type(r))
            gold_pairs = {pair for pair, _ in pairs}
            for pair, t in pairs:
                gold_n += 1
                hit = pair in pred
                found += hit
                typed += hit and t in pred[pair]
                items.append((t, False, hit and t in pred[pair]))
            for pair, types in pred.items():
                pred_pairs_n += 1
                pred_pairs_ok += pair in gold_pairs
                for t in types:
                    items.append((t, True, any(pair == gp and t == gt for gp, gt in pairs)))
        extra = {
            "gold pairs": gold_n,
            "pair recall": found / gold_n if gold_n else 0.0,
            "pair precision": pred_pairs_ok / pred_pairs_n if pred_pairs_n else 0.0,
            "type accuracy on found pairs": typed / found if found else 0.0,
        }
        return _per_type(items), extra

    sys_s, sys_extra = score("system")
    base_s, base_extra = score("baseline")
    extra: dict[str, float | int | str] = {k: v for k, v in sys_extra.items()}
    extra.update({f"baseline {k}": v for k, v in base_extra.items() if k != "gold pairs"})
    return SetResult("plover", "PLOVER gold records with state/IGO actors only (direction-free pairs)",
                     len(records), sys_s, base_s, baseline_type, extra,
                     notes=("organisations are compared as the generic code IGO, as in the gold",))


# ------------------------------------------------------------------------------------------------ Re-DocRED
REDOCRED_TYPES = {"P463": "memberOf", "P35": "leaderOf", "P6": "leaderOf"}


def _redocred_type(x: dict, ents: Mapping[int, dict]) -> str | None:
    """Gold type in our vocabulary: P463 with a state/organisation member -> memberOf; P463 with a person
    member (party, band, academy) -> affiliatedWith, which is how graphbuild types a person's membership."""
    t = REDOCRED_TYPES.get(x["type"])
    if t == "memberOf" and ents.get(x["head"], {}).get("type") == "PER":
        return "affiliatedWith"
    return t


def _eval_redocred(shared: Path, extractor: Extractor, limit: int | None) -> SetResult:
    path = shared / "eval" / "redocred_geo_gold.jsonl"
    if not path.exists():
        return SetResult("redocred", "Re-DocRED geo", 0, {}, {}, "", skipped=f"{path} not found")
    records = sorted(_read_jsonl(path), key=lambda r: str(r["id"]))
    if limit is not None:
        records = records[:limit]
    articles = [Article(f"redocred/{r['id']}", r["text"]) for r in records]
    processed = _run(extractor, articles)
    baseline_type = Counter(t for r in records for x in r["relations"]
                            if (t := _redocred_type(x, {e["id"]: e for e in r["entities"]}))).most_common(1)[0][0]

    def align(rec: dict, p: _Processed) -> dict[str, set[int]]:
        spans = [(m["start"], m["end"], e["id"]) for e in rec["entities"] for m in e["mentions"]]
        names: dict[str, set[int]] = defaultdict(set)
        for e in rec["entities"]:
            for m in e["mentions"]:
                names[fold(m["text"])].add(e["id"])
        out: dict[str, set[int]] = defaultdict(set)
        for m in p.mentions:
            if m.entity_id is None:
                continue
            for s, e, gid in spans:
                if s < m.end and m.start < e:
                    out[m.entity_id].add(gid)
            ent = p.entities.get(m.entity_id)
            if ent is not None:
                out[m.entity_id] |= names.get(fold(ent.label), set())
        return out

    def score(which: str) -> tuple[dict[str, Score], int]:
        items: list[tuple[str, bool, bool]] = []
        mapped_pred = 0
        for rec, p in zip(records, processed, strict=True):
            ents = {e["id"]: e for e in rec["entities"]}
            gold = {(x["head"], t, x["tail"]) if x["type"] == "P463" else (x["tail"], t, x["head"])
                    for x in rec["relations"] if (t := _redocred_type(x, ents))}
            amap = align(rec, p)
            rels = p.relations if which == "system" else cooccurrence_baseline(p, baseline_type)
            found = set()
            for r in rels:
                if r.relation not in ("memberOf", "leaderOf", "affiliatedWith") or r.negated:
                    continue
                if r.relation == "affiliatedWith" and not r.object.startswith("org/"):
                    continue  # a person's country affiliation has no P463 counterpart
                subj, obj = amap.get(r.subject, set()), amap.get(r.object, set())
                mapped_pred += bool(subj and obj)
                hits = {(s, r.relation, o) for s in subj for o in obj} & gold
                found |= hits
                items.append((r.relation, True, bool(hits)))
            for g in gold:
                items.append((g[1], False, g in found))
        return _per_type(items), mapped_pred

    sys_s, mapped = score("system")
    base_s, _ = score("baseline")
    return SetResult("redocred", "Re-DocRED geo documents: P463 -> memberOf (state/organisation members) or "
                     "affiliatedWith (person members), P35/P6 -> leaderOf", len(records),
                     sys_s, base_s, baseline_type,
                     {"predictions with both actors aligned to gold entities": mapped},
                     notes=("affiliatedWith here counts only person -> organisation predictions (P463 has no "
                            "person -> country counterpart)",) +
                     ((f"sampled: first {limit} documents by id",) if limit is not None else ()))


# ------------------------------------------------------------------------------------------------ dev gold
def dev_split(doc: str, split: Mapping[str, Any]) -> str:
    """``"tune"`` or ``"test"`` for a dev gold document, by ``eval/dev/split.json`` (see its description).

    Documents the rules were tuned on before the split existed are tune; any other document goes to test by a
    hash of its path, so a newly annotated document lands in a split nobody chose by looking at it.
    """
    if doc in set(split.get("tuned_before_split", ())):
        return "tune"
    digest = int(hashlib.sha1(doc.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if digest % 100 < int(split.get("test_percent", 50)) else "tune"


def load_dev_split(repo: Path) -> dict[str, Any]:
    path = repo / "eval" / "dev" / "split.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _eval_dev(repo: Path, extractor: Extractor, *, errors: list[str] | None = None) -> list[SetResult]:
    path = repo / "eval" / "dev" / "relations.jsonl"
    if not path.exists():
        return [SetResult("dev", "dev gold", 0, {}, {}, "", skipped=f"{path} not found")]
    gold = _read_jsonl(path)
    docs = sorted({g["doc"] for g in gold})
    missing = [d for d in docs if not (repo / d).exists()]
    docs = [d for d in docs if (repo / d).exists()]
    gold = [g for g in gold if g["doc"] in docs]
    articles = []
    for d in docs:
        with open(repo / d, encoding="utf-8", newline="") as fh:
            text = fh.read()
        articles.append(Article(d, blank_front_matter(text), path=str(repo / d), date=_doc_date(text)))
    processed = _run(extractor, articles)
    baseline_type = Counter(g["relation"] for g in gold).most_common(1)[0][0] if gold else "cooperate"

    split = load_dev_split(repo)
    splits = {d: dev_split(d, split) for d in docs}

    def score(which: str, part: str | None = None) -> tuple[dict[str, Score], dict[str, float | int]]:
        items: list[tuple[str, bool, bool]] = []
        attr = Counter()
        for d, p in zip(docs, processed, strict=True):
            if part is not None and splits[d] != part:
                continue
            gs = [g for g in gold if g["doc"] == d]
            rels = p.relations if which == "system" else cooccurrence_baseline(p, baseline_type)
            strict, strict_gold = _match_document(gs, rels, attr)
            for i, r in enumerate(rels):
                items.append((r.relation, True, strict.get(i, False)))
            for j, g in enumerate(gs):
                items.append((g["relation"], False, j in strict_gold))
            if errors is not None and which == "system" and part == "tune":
                errors.extend(_error_lines(d, p, gs, rels, strict, strict_gold))
        n = attr["matched"]
        extra = {"matched (ignoring negation)": n}
        if n:
            extra.update({f"{k} accuracy": attr[k] / n for k in ("negated", "modality", "speaker")})
        return _per_type(items), extra

    notes = ("gold: eval/dev/relations.jsonl (guideline docs/ANNOTATION.md)",)
    if missing:
        notes += (f"skipped {len(missing)} gold document(s) not found: {', '.join(missing)}",)
    results = []
    for part in (None, "tune", "test"):
        n_docs = sum(1 for d in docs if part is None or splits[d] == part)
        n_gold = sum(1 for g in gold if part is None or splits[g["doc"]] == part)
        sys_s, sys_extra = score("system", part)
        base_s, _ = score("baseline", part)
        name = "dev" if part is None else f"dev-{part}"
        what = "all documents" if part is None else f"{part} split (eval/dev/split.json)"
        results.append(SetResult(name, f"dev gold, {what}: {n_gold} relations in {n_docs} documents "
                                       "(typed, directed, negation)", n_docs, sys_s, base_s, baseline_type,
                                 dict(sys_extra), notes if part is None else ()))
    return results


def _same(g: dict, r: Relation) -> bool:
    """A gold relation and a predicted one agree: type, overlapping evidence, direction (either for symmetric)."""
    if g["relation"] != r.relation or not (r.start < g["end"] and g["start"] < r.end):
        return False
    if (g["subject"], g["object"]) == (r.subject, r.object):
        return True
    return r.relation in SYMMETRIC_RELATIONS and (g["subject"], g["object"]) == (r.object, r.subject)


def _match_document(gold: Sequence[dict], rels: Sequence[Relation], attr: Counter) -> tuple[dict[int, bool], set[int]]:
    """Match one document's predictions to its gold one to one: first exact matches (negation included), then
    loose ones (for the attribute accuracies, counted into ``attr``).

    Returns:
        (prediction index -> matched exactly?, the indices of the gold relations matched exactly)
    """
    used_g: set[int] = set()
    strict: dict[int, bool] = {}
    for strict_pass in (True, False):
        for i, r in enumerate(rels):
            if i in strict:
                continue
            for j, g in enumerate(gold):
                if j in used_g or not _same(g, r) or (strict_pass and g["negated"] != r.negated):
                    continue
                used_g.add(j)
                strict[i] = strict_pass
                attr["matched"] += 1
                attr["negated"] += g["negated"] == r.negated
                attr["modality"] += g["modality"] == r.modality
                attr["speaker"] += g.get("speaker") == r.speaker
                break
    strict_gold: set[int] = set()
    for i, ok in strict.items():
        if ok:
            for j, g in enumerate(gold):
                if j in used_g and j not in strict_gold and _same(g, rels[i]) and g["negated"] == rels[i].negated:
                    strict_gold.add(j)
                    break
    return strict, strict_gold


def _error_lines(doc: str, p: _Processed, gold: Sequence[dict], rels: Sequence[Relation],
                 strict: Mapping[int, bool], strict_gold: set[int]) -> list[str]:
    """Misses and false positives of one tune document, for ``graphbuild eval --errors``."""
    text = p.article.text
    lines = []
    for j, g in enumerate(gold):
        if j not in strict_gold:
            neg = " (negated)" if g["negated"] else ""
            lines.append(f"MISS {doc}: {g['subject']} {g['relation']} {g['object']}{neg}\n"
                         f"     | {' '.join(text[g['start']:g['end']].split())}")
    for i, r in enumerate(rels):
        if not strict.get(i, False):
            neg = " (negated)" if r.negated else ""
            lines.append(f"FP   {doc}: {r.subject} {r.relation} {r.object}{neg} [{r.method}]\n"
                         f"     | {' '.join(r.sentence.split())}")
    return lines


def blank_front_matter(text: str) -> str:
    """Markdown front matter ("---\ntitle: ...\n---") replaced by spaces, so that offsets into the file stay
    valid while the metadata is not read as article text (the build strips it too)."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return text
    end = text.find("\n", end + 4)
    end = len(text) if end < 0 else end
    return "".join(c if c == "\n" else " " for c in text[:end]) + text[end:]


def _doc_date(text: str) -> str | None:
    """An ISO date from front matter or a dateline in the first lines ("MINSK, 12 April 2019 —"), if any."""
    import re

    head = text[:600]
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", head)
    if m:
        return m.group(0)
    months = ("january february march april may june july august september october november december").split()
    m = re.search(r"\b(\d{1,2}) (" + "|".join(months) + r") (\d{4})\b", head, re.IGNORECASE)
    if m:
        return f"{m.group(3)}-{months.index(m.group(2).lower()) + 1:02d}-{int(m.group(1)):02d}"
    return None


# ------------------------------------------------------------------------------------------------ API
def evaluate_relations(shared_dir: str | Path, repo_dir: str | Path, extractor: Extractor, *,
                       sets: Sequence[str] = ("dev", "petrarch", "plover", "redocred"),
                       redocred_limit: int | None = None, errors: list[str] | None = None) -> RelationEvalResults:
    """Run graphbuild and the co-occurrence baseline over every evaluation set.

    Args:
        shared_dir: The ../shared directory (eval/ and reference/ are read from it).
        repo_dir: The repository root (eval/dev/relations.jsonl and the sample corpus).
        extractor: The :class:`graphbuild.orchestration.extractor.Extractor` under test (its gazetteer gives CAMEO codes and
            offices).
        sets: Which sets to run.
        redocred_limit: Score only the first N Re-DocRED documents by id (None: all 356).
        errors: If a list, the dev gold's misses and false positives on the *tune* split are appended to it
            (never the test split's: nobody reads test documents sentence by sentence).

    Returns:
        :class:`RelationEvalResults`; sets whose files are missing carry ``skipped`` with the reason.
    """
    t0 = time.perf_counter()
    shared, repo = Path(shared_dir), Path(repo_dir)
    coder = _Coder(extractor.gazetteer)
    results: list[SetResult] = []
    if "dev" in sets:
        results.extend(_eval_dev(repo, extractor, errors=errors))
    if "petrarch" in sets:
        results.extend(_eval_petrarch(shared, extractor, coder))
    if "plover" in sets:
        results.append(_eval_plover(shared, extractor, coder))
    if "redocred" in sets:
        results.append(_eval_redocred(shared, extractor, redocred_limit))
    return RelationEvalResults(tuple(results), time.perf_counter() - t0)


def _fmt(s: Score | None) -> str:
    if s is None:
        return f"{'':>5} {'':>5} {'':>5} {'':>5}"
    return f"{s.pred:>5} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}"


def format_relation_report(results: RelationEvalResults) -> str:
    """Plain-text report: per set, P/R/F1 overall and per relation type, graphbuild beside the baseline."""
    lines = [f"graphbuild relation evaluation ({results.seconds:.0f} s)", ""]
    for r in results.sets:
        lines.append(f"== {r.name}: {r.description}")
        if r.skipped:
            lines += [f"   skipped: {r.skipped}", ""]
            continue
        lines.append(f"   items: {r.items}; baseline = co-occurrence typed {r.baseline_type!r}")
        lines.append(f"   {'type':<18} {'gold':>5}  {'pred':>5} {'P':>5} {'R':>5} {'F1':>5}   "
                     f"{'pred':>5} {'P':>5} {'R':>5} {'F1':>5}")
        lines.append(f"   {'':<18} {'':>5}  {'graphbuild':^23}   {'baseline':^23}")
        keys = ["all"] + sorted(k for k in set(r.system) | set(r.baseline) if k != "all")
        for k in keys:
            s, b = r.system.get(k), r.baseline.get(k)
            gold = (s or b or Score()).gold
            lines.append(f"   {k:<18} {gold:>5}  {_fmt(s)}   {_fmt(b)}")
        for k, v in r.extra.items():
            lines.append(f"   {k}: {v:.3f}" if isinstance(v, float) else f"   {k}: {v}")
        for n in r.notes:
            lines.append(f"   note: {n}")
        lines.append("")
    return "\n".join(lines)
