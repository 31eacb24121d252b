"""Where a build's time goes, against bare ``nlp.pipe``, in one process (CPU seconds, best of ``--repeat``).

For the first N articles of ../shared/corpus/bbc, with one loaded model:

* ``bare nlp.pipe``: every component over every text, the model as spaCy loads it (what ``bench_build.py``
  compares the build with);
* the build's spaCy stage, step by step: the tokenizer and NER over every text, the cheap pass that picks the
  sentences worth a full analysis, the full analysis of those runs (tok2vec, tagger, parser, attribute ruler,
  lemmatizer), and writing their annotations into the NER Docs;
* graphbuild's own analysis of each Doc: mentions and actor resolution, then the relation rules (with anaphora
  and the learned fallback).

Fixed costs are printed apart: importing spaCy and loading the model, and building the extractor's tables (the
gazetteer's name matcher, the relation lexicon, the learned model). Outputs are timed by ``bench_build.py``'s
builds (``BuildResult.timings``); this script is about extraction.

Usage: ``python benchmarks/profile_build.py [--docs 200] [--repeat 2]`` (about 3 minutes on 2 idle cores).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"


def cpu(step, repeat: int):
    """(least CPU seconds over ``repeat`` calls of ``step``, its last result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.process_time()
        result = step()
        best = min(best, time.process_time() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    started = time.process_time()
    import spacy  # noqa: F401  (timed: the import is a fixed cost of every build that extracts)

    from graphbuild.config import DEFAULT_MODEL
    from graphbuild.corpus import read_corpus
    from graphbuild.model import Article
    from graphbuild.nlp.pipeline import _annotate, token_offsets
    from graphbuild.orchestration.extractor import Extractor, ExtractorSpec

    ex = Extractor(ExtractorSpec(DEFAULT_MODEL))
    nlp = ex.nlp
    fixed = {"import spaCy and graphbuild, load the model": time.process_time() - started}
    for name in ("gazetteer", "resolver", "triage", "lexicon", "learned"):
        fixed[f"build the extractor's {name}"], _ = cpu(lambda name=name: getattr(ex, name), 1)

    files = sorted(CORPUS.glob("*.txt"))[: args.docs]
    articles = [a for f in files for a in read_corpus(f) if isinstance(a, Article)]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words:,} words; CPU seconds, best of {args.repeat}")
    for label, seconds in fixed.items():
        print(f"  fixed: {label:48s} {seconds:6.2f}")

    plain = spacy.load(DEFAULT_MODEL)  # as bench_build.py's bare side: spaCy's own components, nothing changed
    bare, _ = cpu(lambda: [None for _ in plain.pipe(texts, batch_size=16)], args.repeat)
    ner = nlp.get_pipe("ner")
    t_ner, light = cpu(lambda: list(ner.pipe((nlp.make_doc(t) for t in texts), batch_size=16)), args.repeat)
    t_plan, plans = cpu(lambda: [ex.triage.plan(d) for d in light], args.repeat)
    offsets = [token_offsets(d, len(t)) for d, t in zip(light, texts)]
    runs = [t[o[s]:o[e]] for t, o, plan in zip(texts, offsets, plans) for s, e, deep, _ in plan if deep]
    t_deep, deep_docs = cpu(lambda: list(nlp.pipe(runs, batch_size=64, disable=["ner"])), args.repeat)

    def annotate():
        it = iter(deep_docs)
        return [_annotate(nlp, d, t, o, [(s, e, next(it) if deep else None, st) for s, e, deep, st in plan])
                for d, t, o, plan in zip(light, texts, offsets, plans)]

    t_annotate, docs = cpu(annotate, 1)  # writes into the NER Docs: once
    t_resolve, resolved = cpu(lambda: [ex.resolver(d, a) for d, a in zip(docs, articles)], args.repeat)
    t_all, _ = cpu(lambda: [ex.analyse(d, a) for d, a in zip(docs, articles)], args.repeat)
    deep_share = sum(len(d) for d in deep_docs) / max(1, sum(len(d) for d in light))
    rows = [
        ("bare nlp.pipe, every component", bare),
        ("build: tokenizer + NER over every text", t_ner),
        ("build: cheap pass (sentences, name matcher, anaphors)", t_plan),
        (f"build: full analysis of the runs picked ({deep_share:.0%} of tokens)", t_deep),
        ("build: annotations written into the NER Docs", t_annotate),
        ("build: mentions and actor resolution", t_resolve),
        ("build: relation rules, anaphora, learned fallback", t_all - t_resolve),
    ]
    for label, seconds in rows:
        print(f"  {label:58s} {seconds:6.2f}  {seconds / bare:5.0%} of bare")
    spacy_part = t_ner + t_plan + t_deep + t_annotate
    print(f"  RATIO build's spaCy stage vs bare nlp.pipe: {bare / spacy_part:.2f}x; "
          f"with graphbuild's analysis: {bare / (spacy_part + t_all):.2f}x (fixed costs and outputs apart)")


if __name__ == "__main__":
    main()
