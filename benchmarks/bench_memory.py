"""Peak memory of builds: how it grows with the corpus; and one large replicated corpus.

Each measurement runs in a fresh subprocess; its peak resident set size comes from
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` read by a small wrapper process, so numbers
never mix. Corpora are generated in a temporary folder outside the repository.

Modes:

* default: ``graphbuild build`` (every output) and the extraction stage alone
  (``graphbuild.orchestration.extract_corpus.run_extraction``) on the first ``--sizes`` articles of the BBC
  corpus (default 100 and 500), and the ratio of the peaks (target: 500 vs 100 <= 1.3x);
* ``--copies K``: one build of K copies of the corpus (each copy in its own folder, with its own last line, so
  every document has its own id and cache entry): wall time, CPU time and peak memory; ``--dask N`` builds the
  same corpus again through ``--scheduler`` on a Dask LocalCluster of N single-threaded worker processes;
* ``--huge``: the extraction of one 5 MB document (paragraph chunks keep spaCy's memory bounded).

Usage: ``python benchmarks/bench_memory.py [--sizes 100 500] [--copies 10 [--dask 2]] [--huge]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc"

WRAPPER = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""

EXTRACT = """
import sys
from graphbuild.config import Config
from graphbuild.orchestration.extract_corpus import run_extraction
run = run_extraction(Config(corpus=sys.argv[1], output=sys.argv[2]))
print(len(run.summaries), file=sys.stderr)
"""


def peak(cmd: list[str]) -> tuple[float, float, float]:
    """(peak RSS in MB, wall seconds, CPU seconds) of ``cmd`` run in a fresh wrapper process."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], check=True, capture_output=True, text=True)
    rss, cpu = out.stdout.strip().splitlines()[-1].split()
    return int(rss) / 1024, time.perf_counter() - started, float(cpu)


def build_cmd(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "graphbuild", "build", str(corpus), "--out", str(out), "--quiet", *extra]


def replicate(source: Path, target: Path, copies: int, limit: int | None = None) -> int:
    files = sorted(source.glob("*.txt"))[:limit]
    for copy in range(copies):
        folder = target / f"copy{copy:02d}" if copies > 1 else target
        folder.mkdir(parents=True)
        for path in files:
            # A distinct last line per copy keeps documents distinct (no cache sharing, own doc ids).
            text = path.read_text(encoding="utf-8")
            (folder / path.name).write_text(text if copy == 0 else f"{text}\n(copy {copy})\n", encoding="utf-8")
    return copies * len(files)


def growth(args: argparse.Namespace, tmp: Path) -> None:
    small_n, large_n = args.sizes
    corpora = {}
    for n in (small_n, large_n):
        corpora[n] = tmp / f"bbc{n}"
        replicate(args.corpus, corpora[n], 1, n)
    peaks: dict[str, float] = {}
    for stage in ("extraction only", "graphbuild build"):
        for n, corpus in corpora.items():
            out = tmp / f"{stage.split()[0]}-{n}"
            cmd = ([sys.executable, "-c", EXTRACT, str(corpus), str(out)] if stage == "extraction only"
                   else build_cmd(corpus, out))
            mb, wall, cpu = peak(cmd)
            peaks[f"{stage}-{n}"] = mb
            print(f"{stage:16s} {n:5d} articles: peak {mb:6.0f} MB  ({wall:.0f} s wall, {cpu:.0f} s CPU)", flush=True)
        print(f"RATIO {stage} peak, {large_n} vs {small_n} articles: "
              f"{peaks[f'{stage}-{large_n}'] / peaks[f'{stage}-{small_n}']:.2f}x"
              + ("  (target <= 1.3x)" if stage == "graphbuild build" else ""), flush=True)


def large(args: argparse.Namespace, tmp: Path) -> None:
    corpus = tmp / "large"
    n = replicate(args.corpus, corpus, args.copies, args.limit)
    mb, wall, cpu = peak(build_cmd(corpus, tmp / "out-large"))
    print(f"graphbuild build, {n:,} articles ({args.copies} copies): {wall:.0f} s wall, {cpu:.0f} s CPU, "
          f"peak {mb:.0f} MB", flush=True)
    if args.dask:
        from dask.distributed import LocalCluster

        with LocalCluster(n_workers=args.dask, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            mb, wall, cpu = peak(build_cmd(corpus, tmp / "out-dask", "--scheduler", cluster.scheduler_address))
        print(f"graphbuild build --scheduler (LocalCluster, {args.dask} workers), {n:,} articles: {wall:.0f} s wall, "
              f"build process {cpu:.0f} s CPU and peak {mb:.0f} MB (the workers' not counted)", flush=True)


def huge(args: argparse.Namespace, tmp: Path) -> None:
    folder = tmp / "huge"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    body, size = [], 0
    while size < 5_000_000:
        for text in texts:
            body.append(text)
            size += len(text) + 2
            if size >= 5_000_000:
                break
    (folder / "five-megabytes.txt").write_text("\n\n".join(body), encoding="utf-8")
    mb, wall, cpu = peak([sys.executable, "-c", EXTRACT, str(folder), str(tmp / "x-huge")])
    print(f"extraction only, one 5 MB document: peak {mb:.0f} MB ({wall:.0f} s wall, {cpu:.0f} s CPU)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs=2, default=[100, 500], help="the two corpus sizes compared")
    parser.add_argument("--copies", type=int, help="instead: one build of this many copies of the corpus")
    parser.add_argument("--limit", type=int, help="with --copies: copy only the first N articles")
    parser.add_argument("--dask", type=int, help="with --copies: build again on a LocalCluster of N workers")
    parser.add_argument("--huge", action="store_true", help="also extract one 5 MB document")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (needs ../shared/corpus/bbc)", file=sys.stderr)
        return 1
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    tmp = Path(tempfile.mkdtemp(prefix="graphbuild-mem-"))
    try:
        if args.copies:
            large(args, tmp)
        else:
            growth(args, tmp)
        if args.huge:
            huge(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
