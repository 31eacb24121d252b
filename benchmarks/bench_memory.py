"""Peak memory of builds: 5,000 documents vs 500 (the BBC set replicated), and one 5 MB document.

Each measurement runs in a fresh subprocess; its peak resident set size comes from
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` read by a small wrapper process, so numbers
never mix. Corpora are generated in a temporary folder outside the repository.

Measured:
1. ``graphbuild build`` (every output) on 500 and on 5,000 documents: ratio (target <= 1.5x).
2. The extraction stage alone (``graphbuild.orchestration.extract_corpus.run_extraction``) on the same corpora: ratio.
3. ``graphbuild build`` on a single 5 MB document (paragraph chunks keep spaCy's memory bounded).

Usage: ``python benchmarks/bench_memory.py [--copies 10] [--skip-huge]``.
"""

from __future__ import annotations

import argparse
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
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

EXTRACT = """
import sys
from graphbuild.config import Config
from graphbuild.orchestration.extract_corpus import run_extraction
run = run_extraction(Config(corpus=sys.argv[1], output=sys.argv[2]))
print(len(run.results), file=sys.stderr)
"""


def peak_mb(cmd: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of ``cmd`` run in a fresh wrapper process."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024, time.perf_counter() - started


def replicate(source: Path, target: Path, copies: int, limit: int | None = None) -> int:
    files = sorted(source.glob("*.txt"))[:limit]
    for copy in range(copies):
        folder = target / f"copy{copy:02d}"
        folder.mkdir(parents=True)
        for path in files:
            # A distinct first line per copy keeps documents distinct (no cache sharing, own doc ids).
            text = path.read_text(encoding="utf-8")
            (folder / path.name).write_text(text if copy == 0 else f"{text}\n(copy {copy})\n", encoding="utf-8")
    return copies * len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=10, help="replication factor for the large corpus")
    parser.add_argument("--limit", type=int, help="use only the first N articles (a quicker run)")
    parser.add_argument("--skip-huge", action="store_true", help="skip the 5 MB document")
    parser.add_argument("--skip-build", action="store_true", help="measure the extraction stage only")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (needs ../shared/corpus/bbc)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="graphbuild-mem-") as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        n_small = replicate(args.corpus, small, 1, args.limit)
        n_large = replicate(args.corpus, large, args.copies, args.limit)
        print(f"corpora: {n_small} and {n_large} documents in {tmp}")
        results: dict[str, float] = {}
        for name, corpus, count in (("small", small, n_small), ("large", large, n_large)):
            mb, secs = peak_mb([sys.executable, "-c", EXTRACT, str(corpus), str(Path(tmp) / f"x-{name}")])
            results[f"extract-{name}"] = mb
            print(f"extraction only, {count:5d} docs: peak {mb:7.0f} MB  ({secs:.0f} s)")
        print(f"RATIO extraction peak {n_large} vs {n_small} docs: "
              f"{results['extract-large'] / results['extract-small']:.2f}x")
        if not args.skip_build:
            for name, corpus, count in (("small", small, n_small), ("large", large, n_large)):
                out = Path(tmp) / f"out-{name}"
                mb, secs = peak_mb([sys.executable, "-m", "graphbuild", "build", str(corpus), "--out", str(out),
                                    "--quiet"])
                results[f"build-{name}"] = mb
                print(f"graphbuild build, {count:5d} docs: peak {mb:7.0f} MB  ({secs:.0f} s)")
            print(f"RATIO build peak {n_large} vs {n_small} docs: "
                  f"{results['build-large'] / results['build-small']:.2f}x  (target <= 1.5x)")
        if not args.skip_huge:
            huge = Path(tmp) / "huge"
            huge.mkdir()
            texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
            body, size = [], 0
            while size < 5_000_000:
                for text in texts:
                    body.append(text)
                    size += len(text) + 2
                    if size >= 5_000_000:
                        break
            (huge / "five-megabytes.txt").write_text("\n\n".join(body), encoding="utf-8")
            mb, secs = peak_mb([sys.executable, "-c", EXTRACT, str(huge), str(Path(tmp) / "x-huge")])
            print(f"extraction only, one 5 MB document: peak {mb:7.0f} MB  ({secs:.0f} s); "
                  f"vs {n_small} docs: {mb / results['extract-small']:.2f}x")
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
