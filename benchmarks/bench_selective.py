"""Selective analysis with and without anaphors in the cheap pass, against the full analysis, in one process.

For the first N articles of ../shared/corpus/bbc: the share of tokens that get the full analysis, extraction CPU
(the best of ``--repeat`` runs, each side in turn, one loaded model) and the relation keys each finds, for

* ``full``: every sentence analysed (``parse = "full"``);
* ``names``: the cheap pass counts actor names only (the Triage before anaphora);
* ``anaphors``: it also counts anaphors ("he", "it", "the two countries": graphbuild.anaphora.ANAPHOR_WORDS) and
  analyses the sentence before one (the shipped setting).

Usage: ``python benchmarks/bench_selective.py [--docs 100] [--repeat 3]`` (about 3 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"


def main() -> None:
    from graphbuild.anaphora import ANAPHOR_WORDS
    from graphbuild.config import DEFAULT_MODEL
    from graphbuild.corpus import read_corpus
    from graphbuild.orchestration.extractor import Extractor, ExtractorSpec
    from graphbuild.model import Article
    from graphbuild.nlp.pipeline import Triage

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))[: args.docs]
    articles = [a for f in files for a in read_corpus(f) if isinstance(a, Article)]
    full = Extractor(ExtractorSpec(DEFAULT_MODEL, parse="full"))
    sides = {"full": full}
    for name, words in (("names", ()), ("anaphors", ANAPHOR_WORDS)):
        ex = Extractor(ExtractorSpec(DEFAULT_MODEL, parse="selective"), nlp=full.nlp)
        ex.__dict__["triage"] = Triage.for_gazetteer(full.nlp, ex.gazetteer, words)  # the cached property
        sides[name] = ex

    ner = full.nlp.get_pipe("ner")
    light = list(ner.pipe(full.nlp.make_doc(a.text) for a in articles))
    total = sum(len(d) for d in light)
    for name in ("names", "anaphors"):
        deep = sum(e - s for d in light for s, e, is_deep, _ in sides[name].triage.plan(d) if is_deep)
        print(f"{name:9} tokens analysed: {deep / total:.3f} of {total:,}")

    keys: dict[str, set] = {}
    cpu: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, ex in sides.items():
            started = time.process_time()
            found = {(r.article.doc_id, *x.key) for r in ex.extract_many(articles) for x in r.relations}
            cpu[name] = min(cpu.get(name, float("inf")), time.process_time() - started)
            keys[name] = found
    for name in ("names", "anaphors"):
        print(f"{name:9} relations {len(keys[name])} of full's {len(keys['full'])} "
              f"({len(keys[name] & keys['full'])} shared); CPU {cpu[name]:.1f} s")
        print(f"RATIO full / {name} extraction CPU: {cpu['full'] / cpu[name]:.2f}x")


if __name__ == "__main__":
    main()
