"""A build killed at any moment leaves the previous outputs whole; two builds cannot share an output folder."""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphbuild.cli import main
from graphbuild.fileio import output_lock

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "corpus"
CSV_FILES = ("relations.csv", "entities.csv", "mentions.csv")


def test_robust_two_builds_on_one_output_cannot_interleave(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Belarus and NATO held talks.", encoding="utf-8")
    out = tmp_path / "out"
    with output_lock(out):
        assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: another graphbuild process is writing to {out} (lock ")
    assert "wait for it to finish or choose another --out" in err


def _build(corpus: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graphbuild", "build", str(corpus), "--out", str(out), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _snapshot(out: Path) -> dict[str, object]:
    """Parse every output a reader depends on; fail if one is torn."""
    import rdflib

    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    state: dict[str, object] = {"graph.ttl": len(graph)}
    for name in CSV_FILES:
        text = (out / name).read_text(encoding="utf-8")
        assert text.endswith("\n"), f"{name} is truncated"
        rows = list(csv.reader(io.StringIO(text)))
        assert rows and all(len(r) == len(rows[0]) for r in rows), f"{name} has a torn row"
        state[name] = text
    return state


@pytest.mark.model
def test_robust_sigkill_at_random_moments_leaves_previous_outputs_readable(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for path in sorted(SAMPLE.glob("*.txt"))[:3]:
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "out"
    started = time.perf_counter()
    first = _build(corpus, out)
    assert first.wait(timeout=300) == 0, first.stderr.read().decode()
    full_seconds = time.perf_counter() - started
    before = _snapshot(out)

    rng = random.Random(8)
    for attempt in range(4):
        if attempt % 2 == 0:
            shutil.rmtree(out / ".cache", ignore_errors=True)  # a slow build: extraction, then every output
            window = full_seconds
        else:
            window = 3.0  # a cached rebuild: mostly writing outputs
        proc = _build(corpus, out)
        time.sleep(rng.uniform(0.1, window))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        assert _snapshot(out) == before, f"outputs changed after a kill (attempt {attempt})"

    final = _build(corpus, out)  # the lock is free again and the cache is usable
    assert final.wait(timeout=300) == 0, final.stderr.read().decode()
    assert _snapshot(out) == before
