"""Train the learned relation fallback (graphbuild.relations.learned) and write its model file.

    pip install -e '.[train]'
    python scripts/train_relation_classifier.py                 # writes ontologies/relations/learned_model.json
    python scripts/train_relation_classifier.py --search        # cross-validation table only, writes nothing

Training data: the dev gold's TUNE split only (eval/dev/relations.jsonl, eval/dev/split.json). Test-split
documents are dropped before anything else is read: neither their text nor their gold is opened.  Run from the
checkout's root (gold documents are paths relative to it; ../shared beside it).

Each example is a pair of distinct resolved actors in one sentence unit (graphbuild.relations.learned.Pair), read
with the rules on and the fallback off, labelled with the gold relations between them in that sentence
(duplicated rows where there are several; ``none`` where there is none).  The classifier is scikit-learn's
multinomial LogisticRegression over binary string features.  The probability threshold is chosen by
document-grouped cross-validation on the tune split: the threshold that maximises the tune F1 of rules plus
fallback among those whose added predictions keep at least --min-precision precision.

The model file is JSON with sorted keys and weights rounded to 4 decimals; weights below --prune are dropped.
The same data and settings give the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from graphbuild.config import DEFAULT_MODEL
from graphbuild.evaluation.relations import _doc_date, _run, blank_front_matter, dev_split, load_dev_split
from graphbuild.orchestration.extractor import Extractor, ExtractorSpec
from graphbuild.model import SYMMETRIC_RELATIONS, Article
from graphbuild.relations import paragraph_units
from graphbuild.relations.actors import ActorIndex
from graphbuild.relations.attributes import is_negated
from graphbuild.relations.learned import (NONE, all_labels, direction_features, label_for, model_from_json,
                                          pair_features, pair_trigger, pairs_in_unit, parse_label, related_pairs,
                                          type_allowed)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ontologies" / "relations" / "learned_model.json"


@dataclass(frozen=True)
class Example:
    doc: str
    features: tuple[str, ...]
    labels: frozenset[str]            # gold labels of the pair in its sentence (learned.label_for)
    gold_negated: dict[str, set[bool]]  # label -> negation of the gold relations with that label
    negated: bool                     # what the attributes module reads at the pair's trigger
    allowed: frozenset[str]           # labels the lexicon's actor types allow
    related: bool                     # the rules already relate the pair in this sentence


def tune_documents(repo: Path) -> tuple[list[Article], list[dict]]:
    """The tune split's articles and gold (test documents are dropped before their text is read)."""
    split = load_dev_split(repo)
    gold = []
    with (repo / "eval" / "dev" / "relations.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                if dev_split(record["doc"], split) == "tune":
                    gold.append(record)
    articles = []
    for doc in sorted({g["doc"] for g in gold}):
        with open(repo / doc, encoding="utf-8", newline="") as fh:
            text = fh.read()
        articles.append(Article(doc, blank_front_matter(text), path=str(repo / doc), date=_doc_date(text)))
    return articles, gold


def examples_of(extractor: Extractor, articles: list[Article], gold: list[dict]) -> tuple[list[Example], dict]:
    """Pair examples of every article, and the rules' own counts on them (predictions, correct, gold)."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    lex = extractor.lexicon
    out: list[Example] = []
    rules = {"pred": 0, "correct": 0, "gold": len(gold)}
    for p in _run(extractor, articles):
        gs = by_doc[p.article.doc_id]
        rules["pred"] += len(p.relations)
        rules["correct"] += sum(any(_matches(g, r.subject, r.relation, r.object, r.negated, r.start, r.end)
                                    for g in gs) for r in p.relations)
        index = ActorIndex(p.doc, p.mentions, p.entities, lex)
        for sent in p.doc.sents:
            for unit in paragraph_units(sent):
                for pair in pairs_in_unit(unit, p.mentions, index):
                    out.append(_example(p.article.doc_id, pair, unit, gs, index, lex, p.relations))
    return out, rules


def _matches(g: dict, subject: str, relation: str, obj: str, negated: bool, start: int, end: int) -> bool:
    if g["relation"] != relation or g["negated"] != negated or not (start < g["end"] and g["start"] < end):
        return False
    return (g["subject"], g["object"]) == (subject, obj) or (
        relation in SYMMETRIC_RELATIONS and (g["subject"], g["object"]) == (obj, subject))


def _example(doc, pair, unit, gs, index, lex, rules) -> Example:
    a, b = pair.first.entity_id, pair.second.entity_id
    labels: dict[str, set[bool]] = defaultdict(set)
    for g in gs:
        if g["start"] < unit.end_char and unit.start_char < g["end"] and {g["subject"], g["object"]} == {a, b}:
            labels[label_for(g["relation"], g["subject"] == a)].add(g["negated"])
    negated = is_negated(pair_trigger(pair, index), [pair.first_head, pair.second_head], lex)
    allowed = frozenset(c for c in all_labels() if type_allowed(c, pair, index, lex))
    return Example(doc, tuple(pair_features(pair, index, lex, rules)), frozenset(labels), dict(labels), negated,
                   allowed, (unit.start_char, frozenset((a, b))) in related_pairs(rules))


# ------------------------------------------------------------------------------------------------ learning
def fit_linear(rows: list[tuple[list[str], str]], c: float, min_count: int, prune: float) -> dict:
    """A :class:`graphbuild.relations.learned.Linear` as JSON data, from (features, class) rows."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = defaultdict(int)
    for features, _ in rows:
        for f in set(features):
            counts[f] += 1
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in features if counts[f] >= min_count} for features, _ in rows])
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(x, [label for _, label in rows])
    classes = [str(k) for k in clf.classes_]
    if len(classes) == 2:  # binary: one row of weights, for the second class
        coef, intercepts, targets = clf.coef_, [0.0, float(clf.intercept_[0])], classes[1:]
    else:
        coef, intercepts, targets = clf.coef_, [float(v) for v in clf.intercept_], classes
    weights: dict[str, dict[str, float]] = {}
    for j, feature in enumerate(vec.get_feature_names_out()):
        row = {cls: round(float(coef[k, j]), 4) for k, cls in enumerate(targets) if abs(coef[k, j]) >= prune}
        if row:
            weights[str(feature)] = row
    return {"classes": classes, "intercepts": [round(v, 4) for v in intercepts], "weights": weights}


def fit(train: list[Example], direction_train: list[Example], c: float, min_count: int, prune: float) -> dict:
    """A model file's data (threshold not yet set): the type model from ``train``, the direction model from
    the asymmetric gold relations of ``direction_train`` whose direction the actor types leave open."""
    type_rows = [(list(ex.features), t) for ex in train
                 for t in sorted({parse_label(x)[0] for x in ex.labels}) or [NONE]]
    direction_rows = []
    for ex in direction_train:
        for label in sorted(ex.labels):
            relation, first = parse_label(label)
            if label_for(relation, True) in ex.allowed and label_for(relation, False) in ex.allowed and (
                    relation not in SYMMETRIC_RELATIONS):
                direction_rows.append((direction_features(ex.features, relation), ">" if first else "<"))
    return {"type": fit_linear(type_rows, c, min_count, prune),
            "direction": fit_linear(direction_rows, c, min_count, prune), "threshold": 1.0}


def out_of_fold(examples: list[Example], c: float, min_count: int, prune: float, folds: int,
                train_related: bool) -> list[tuple[Example, dict[str, float]]]:
    """Label probabilities of every unrelated pair from a model trained without its document's fold."""
    docs = sorted({ex.doc for ex in examples})
    fold_of = {d: i % folds for i, d in enumerate(docs)}
    out = []
    for k in range(folds):
        rest = [ex for ex in examples if fold_of[ex.doc] != k]
        model = model_from_json(fit([ex for ex in rest if train_related or not ex.related], rest, c, min_count,
                                    prune))
        out += [(ex, model.scores(ex.features, ex.allowed)) for ex in examples
                if fold_of[ex.doc] == k and not ex.related]
    return out


def added_at(scored: list[tuple[Example, dict[str, float]]], threshold: float) -> tuple[int, int]:
    """(predictions, correct ones) the fallback adds at ``threshold``."""
    pred = correct = 0
    for ex, probs in scored:
        for cls, p in probs.items():
            if p >= threshold:
                pred += 1
                correct += ex.negated in ex.gold_negated.get(cls, ())
    return pred, correct


def sweep(scored, rules: dict, min_precision: float) -> tuple[float, list[str]]:
    """The chosen threshold and a table of the sweep."""
    best, best_f1, lines = 1.0, -1.0, []
    for step in range(20, 100, 5):
        th = step / 100
        pred, correct = added_at(scored, th)
        p_all = (rules["correct"] + correct) / max(1, rules["pred"] + pred)
        r_all = (rules["correct"] + correct) / max(1, rules["gold"])
        f1 = 2 * p_all * r_all / (p_all + r_all) if p_all + r_all else 0.0
        prec = correct / pred if pred else 0.0
        lines.append(f"  threshold {th:.2f}: adds {pred:4} predictions, {correct:4} right (P {prec:.2f}); "
                     f"tune P {p_all:.3f} R {r_all:.3f} F1 {f1:.3f}")
        if pred and prec >= min_precision and f1 > best_f1:
            best, best_f1 = th, f1
    return best, lines


def dump_model(data: dict) -> str:
    """Model JSON for people and diffs: sorted keys, one line per feature."""
    def one(value: object) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    lines = ["{"]
    for i, key in enumerate(sorted(data)):
        comma = "," if i < len(data) - 1 else ""
        value = data[key]
        if isinstance(value, dict) and "weights" in value:
            lines.append(f" {one(key)}: {{")
            lines.append(f"  \"classes\": {one(value['classes'])},")
            lines.append(f"  \"intercepts\": {one(value['intercepts'])},")
            lines.append("  \"weights\": {")
            rows = sorted(value["weights"].items())
            lines += [f"   {one(f)}: {one(row)}{',' if j < len(rows) - 1 else ''}" for j, (f, row) in enumerate(rows)]
            lines.append(f"  }}\n }}{comma}")
        else:
            lines.append(f" {one(key)}: {one(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--repo", type=Path, default=ROOT)
    ap.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--min-count", type=int, default=2, help="features seen in fewer examples are dropped")
    ap.add_argument("--prune", type=float, default=0.02, help="weights of smaller magnitude are dropped")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-precision", type=float, default=0.75,
                    help="least cross-validated precision of the added predictions")
    ap.add_argument("--train-related", action="store_true",
                    help="also train on pairs the rules relate (the fallback only ever sees unrelated ones)")
    ap.add_argument("--search", action="store_true", help="print a cross-validation grid; write nothing")
    args = ap.parse_args(argv)

    extractor = Extractor(ExtractorSpec(model=DEFAULT_MODEL, learned_relations=False))
    articles, gold = tune_documents(args.repo)
    examples, rules = examples_of(extractor, articles, gold)
    positives = sum(1 for ex in examples if ex.labels)
    print(f"tune: {len(articles)} documents, {len(gold)} gold relations, {len(examples)} pairs "
          f"({sum(ex.related for ex in examples)} related by the rules; {positives} with a gold relation); "
          f"rules: {rules['pred']} predictions, {rules['correct']} right", file=sys.stderr)
    grid = ([(c, tr) for c in (0.1, 0.3, 1.0, 3.0) for tr in (False, True)] if args.search
            else [(args.C, args.train_related)])
    for c, train_related in grid:
        scored = out_of_fold(examples, c, args.min_count, args.prune, args.folds, train_related)
        threshold, lines = sweep(scored, rules, args.min_precision)
        print(f"C={c} train_related={train_related}: threshold {threshold:.2f}", file=sys.stderr)
        print("\n".join(lines), file=sys.stderr)
    if args.search:
        return 0
    pred, correct = added_at(scored, threshold)
    data = fit([ex for ex in examples if args.train_related or not ex.related], examples, args.C, args.min_count,
               args.prune)
    data["threshold"] = threshold
    data["info"] = {
        "trained_on": "eval/dev tune split only (eval/dev/split.json)",
        "documents": len(articles), "pairs": len(examples), "pairs_with_gold": positives,
        "C": args.C, "min_count": args.min_count, "prune": args.prune, "train_related": args.train_related,
        "cross_validation": f"{args.folds} folds by document: at the threshold the fallback adds {pred} "
                            f"predictions, {correct} right",
        "script": "scripts/train_relation_classifier.py",
    }
    args.out.write_text(dump_model(data), encoding="utf-8")
    print(f"wrote {args.out} ({len(data['type']['weights'])} type features, {len(data['direction']['weights'])} "
          f"direction features, threshold {threshold:.2f})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
