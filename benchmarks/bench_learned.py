"""Cost and yield of the learned relation fallback (graphbuild.relations.learned) on ../shared/corpus/bbc.

    python benchmarks/bench_learned.py [--corpus DIR] [--limit 150]

The articles are parsed once; then actor resolution + relation extraction runs over the same Docs with the
fallback off and on, alternating, three times each.  Prints the ratio of the two times (on / off; best of three)
and how many relations each setting yields (the fallback's share by type).  No gold is read.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=150, help="first N articles by name")
    args = ap.parse_args(argv)
    from graphbuild.config import DEFAULT_MODEL
    from graphbuild.orchestration.extractor import Extractor, ExtractorSpec
    from graphbuild.model import Article

    paths = sorted(args.corpus.glob("*.txt"))[: args.limit]
    if not paths:
        raise SystemExit(f"no .txt articles under {args.corpus}")
    articles = [Article(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    off = Extractor(ExtractorSpec(DEFAULT_MODEL, learned_relations=False))
    on = Extractor(ExtractorSpec(DEFAULT_MODEL, learned_relations=True), nlp=off.nlp)
    docs = list(off.nlp.pipe((a.text for a in articles), batch_size=16))
    best = {"off": float("inf"), "on": float("inf")}
    methods: dict[str, Counter] = {}
    for _ in range(3):
        for name, ex in (("off", off), ("on", on)):
            started = time.perf_counter()
            results = [ex.analyse(doc, a) for doc, a in zip(docs, articles, strict=True)]
            best[name] = min(best[name], time.perf_counter() - started)
            methods[name] = Counter(r.method if r.method.startswith("learned:") else "rules"
                                    for res in results for r in res.relations)
    print(f"{len(articles)} articles from {args.corpus}")
    print(f"resolve + relations, fallback on / off: {best['on'] / best['off']:.2f}x the time")
    print(f"relations: off {sum(methods['off'].values())}, on {sum(methods['on'].values())} "
          f"(fallback {sum(n for m, n in methods['on'].items() if m != 'rules')})")
    for method, n in sorted(methods["on"].items(), key=lambda x: -x[1]):
        if method != "rules":
            print(f"  {method:28} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
