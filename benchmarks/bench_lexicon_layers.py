"""Precision of each lexicon layer on the relation gold sets (dev, plover, petrarch).

    python benchmarks/bench_lexicon_layers.py --shared ../shared [--by type|source|code]

Runs the relation evaluation with the curated verbs alone, the compiled PETRARCH2 verbs alone, both, all three
layers (with the compiled agent nouns), and then
the curated lexicon plus one slice of the compiled layer at a time (one relation type, one source class or one
two-digit CAMEO class): the slice's marginal predictions and correct predictions over curated-only.  The
spaCy parse is shared; only the lexicon changes between runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETS = ("dev", "plover", "petrarch")


def _write(entries: list[dict], path: Path) -> None:
    lines = ["verbs = ["]
    for e in entries:
        parts = [f'{k} = "{e[k]}"' for k in ("lemma", "particle", "type", "code", "source") if e.get(k)]
        lines.append("  {" + ", ".join(parts) + "},")
    path.write_text("\n".join(lines + ["]"]) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--by", choices=("type", "source", "code"), default="type")
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
                res = evaluate_relations(args.shared, REPO, Extractor(spec, nlp=nlp), sets=SETS)
            finally:
                lexmod.DEFAULT_COMPILED = original
                lexmod._load.cache_clear()
        out = {}
        for s in res.sets:
            a = s.system.get("all")
            if a is not None and s.name in ("dev", "plover", "petrarch"):
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
    base = run("curated")
    for name, layers in (("curated", None), ("compiled verbs", "petrarch"),
                         ("compiled verbs+curated", "petrarch,curated"),
                         ("all (+compiled agents)", "petrarch,petrarch-agents,curated")):
        print(row(name, base if layers is None else run(layers)), flush=True)
    print(f"\nmarginal over curated, one slice of the compiled layer at a time (by {args.by}): "
          "+pred / +correct (+gold found)")
    slices: dict[str, list[dict]] = defaultdict(list)
    for e in compiled:
        key = {"type": e["type"], "source": e["source"], "code": e["code"][:2]}[args.by]
        slices[key].append(e)
    for key in sorted(slices):
        r = run("petrarch,curated", slices[key])
        cells = []
        for s in SETS:
            p0, c0, _, f0 = base.get(s, (0, 0, 0, 0))
            p, c, _, f = r.get(s, (0, 0, 0, 0))
            cells.append(f"+{p - p0:<3d} +{c - c0:<3d} (+{f - f0})")
        print(f"{key:<14} n={len(slices[key]):<4d} | " + " | ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
