"""Precision of each lexicon layer on the relation gold sets (dev tune split, plover, petrarch).

    python benchmarks/bench_lexicon_layers.py --shared ../shared [--by type|source|code|object-type]

Runs the relation evaluation with the curated verbs alone, the compiled PETRARCH2 verbs alone, both, all three
layers (with the compiled agent nouns), and then
the curated lexicon plus one slice of the compiled layer at a time (one relation type, one source class or one
two-digit CAMEO class): the slice's marginal predictions and correct predictions over curated-only.  With
``--by object-type`` the base is the curated lexicon plus the compiled plain verbs, and each slice adds the
compiled verb + object entries ("- * SANCTIONS") of one type.  The dev gold is read on its tune split only (the
test split is for the final figures).  The spaCy parse is shared; only the lexicon changes between runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETS = ("dev-tune", "plover", "petrarch")


def _write(entries: list[dict], path: Path) -> None:
    lines = ["verbs = ["]
    for e in entries:
        parts = [f'{k} = "{e[k]}"' for k in ("lemma", "particle", "object", "type", "code", "source") if e.get(k)]
        lines.append("  {" + ", ".join(parts) + "},")
    path.write_text("\n".join(lines + ["]"]) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--by", choices=("type", "source", "code", "object-type"), default="type")
    args = ap.parse_args(argv)
    from graphbuild.config import DEFAULT_MODEL
    from graphbuild.evaluation.relations import evaluate_relations
    from graphbuild.orchestration.extractor import Extractor, ExtractorSpec
    from graphbuild.nlp.pipeline import load_pipeline
    from graphbuild.relations import lexicon as lexmod

    nlp = load_pipeline(DEFAULT_MODEL)  # one parse model for every layer setting
    compiled = tomllib.loads(lexmod.DEFAULT_COMPILED.read_text(encoding="utf-8"))["verbs"]
    original = lexmod.DEFAULT_COMPILED

    def run(layers: str, entries: list[dict] | None = None) -> dict[str, tuple[int, int, int, int]]:
        spec = ExtractorSpec(DEFAULT_MODEL, lexicon_layers=tuple(x for x in layers.split(",") if x))
        with tempfile.TemporaryDirectory() as tmp:
            if entries is not None:
                lexmod.DEFAULT_COMPILED = Path(tmp) / "slice.toml"
                _write(entries, lexmod.DEFAULT_COMPILED)
            lexmod._load.cache_clear()
            try:
                res = evaluate_relations(args.shared, REPO, Extractor(spec, nlp=nlp), sets=("dev", "plover", "petrarch"))
            finally:
                lexmod.DEFAULT_COMPILED = original
                lexmod._load.cache_clear()
        out = {}
        for s in res.sets:
            a = s.system.get("all")
            if a is not None and s.name in SETS:
                out[s.name] = (a.pred, a.pred_correct, a.gold, a.gold_found)
        return out

    def row(name: str, r: dict) -> str:
        cells = []
        for s in SETS:
            p, c, g, f = r.get(s, (0, 0, 0, 0))
            cells.append(f"{p:4d} {c / p if p else 0:5.2f} {f / g if g else 0:5.2f}")
        return f"{name:<24} | " + " | ".join(cells)

    print(f"{'layers':<24} | " + " | ".join(f"{s:^16}" for s in SETS))
    print(f"{'':<24} | " + " | ".join(f"{'pred':>4} {'P':>5} {'R':>5}" for _ in SETS))
    plain = [e for e in compiled if e["source"] != "object"]
    base = run("curated")
    for name, layers, entries in (("curated", None, None), ("compiled verbs", "petrarch", None),
                                  ("compiled plain+curated", "petrarch,curated", plain),
                                  ("compiled verbs+curated", "petrarch,curated", None),
                                  ("all (+compiled agents)", "petrarch,petrarch-agents,curated", None)):
        print(row(name, base if layers is None else run(layers, entries)), flush=True)
    by_object = args.by == "object-type"
    if by_object:
        base = run("petrarch,curated", plain)
    print(f"\nmarginal over {'curated + compiled plain verbs' if by_object else 'curated'}, one slice of the "
          f"compiled layer at a time (by {args.by}): +pred / +correct (+gold found)")
    slices: dict[str, list[dict]] = defaultdict(list)
    for e in compiled:
        if by_object and e["source"] != "object":
            continue
        key = {"type": e["type"], "source": e["source"], "code": e["code"][:2], "object-type": e["type"]}[args.by]
        slices[key].append(e)
    for key in sorted(slices):
        r = run("petrarch,curated", (plain if by_object else []) + slices[key])
        cells = []
        for s in SETS:
            p0, c0, _, f0 = base.get(s, (0, 0, 0, 0))
            p, c, _, f = r.get(s, (0, 0, 0, 0))
            cells.append(f"+{p - p0:<3d} +{c - c0:<3d} (+{f - f0})")
        print(f"{key:<14} n={len(slices[key]):<4d} | " + " | ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
