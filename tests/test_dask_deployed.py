"""Dask as users deploy it: ``dask scheduler`` and ``dask worker`` in their own processes, ``graphbuild build
--scheduler`` in another, and no Dask client anywhere else (the test's own client only watches the cluster).

Outputs must equal a local build byte for byte; a worker killed in the middle of a build is replaced by its
nanny and its chunk runs again elsewhere, and the build neither fails nor prints a traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed (pip install '.[dask]')")

from tests.conftest import SAMPLE_CORPUS  # noqa: E402

COMPARED = ("relations.csv", "entities.csv", "mentions.csv", "events.csv", "graph.ttl")
START_TIMEOUT = 60.0
BUILD_TIMEOUT = 240.0

# Extra articles, short but with relations between actors the gazetteer knows, so that the corpus has
# more documents (21) than the cluster has workers many times over.
PAIRS = [
    ("Belarus", "Russia", "signed a defence agreement with"),
    ("Poland", "Belarus", "accused"),
    ("China", "India", "held border talks with"),
    ("Japan", "the Philippines", "agreed to supply radar systems to"),
    ("France", "Mali", "withdrew its troops from"),
    ("Turkey", "Sweden", "blocked the NATO application of"),
    ("Armenia", "Azerbaijan", "condemned"),
    ("The United States", "Taiwan", "approved an arms sale to"),
    ("Germany", "Ukraine", "sent air defence systems to"),
    ("Iran", "Israel", "threatened"),
    ("Brazil", "Argentina", "signed a trade deal with"),
    ("Vietnam", "China", "protested to"),
    ("Kenya", "Somalia", "deployed soldiers to"),
]


def _article(index: int, subject: str, obj: str, verb: str) -> str:
    return (
        f"Capital, 12 March 2024 - {subject} {verb} {obj} on Tuesday, officials said.\n\n"
        f"The foreign minister of {obj} said the step would not change its policy. "
        f"Analysts said {subject} and {obj} have disagreed for years over trade and security.\n\n"
        f"Report number {index} of a generated test corpus.\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask-corpus")
    for path in sorted(SAMPLE_CORPUS.iterdir()):
        shutil.copy(path, root / path.name)
    for index, (subject, obj, verb) in enumerate(PAIRS):
        (root / f"generated-{index:02d}.txt").write_text(_article(index, subject, obj, verb), encoding="utf-8")
    assert len(list(root.iterdir())) == 21
    return root


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    """Stop a process started here (and the children it started in its session), by its id."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    """A scheduler and a ``--nworkers 2`` worker started with the ``dask`` command; a watching client."""
    scratch = tmp_path_factory.mktemp("dask-cluster")
    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = [sys.executable, "-m", "dask"]
    logs = [open(scratch / name, "wb") for name in ("scheduler.log", "worker.log")]  # noqa: SIM115
    procs: list[subprocess.Popen] = []
    client = None
    try:
        procs.append(subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1], "--no-dashboard"],
            stdout=logs[0], stderr=subprocess.STDOUT, start_new_session=True, cwd=scratch))
        procs.append(subprocess.Popen(
            [*dask, "worker", address, "--nworkers", "2", "--nthreads", "1", "--host", "127.0.0.1",
             "--no-dashboard", "--local-directory", str(scratch)],
            stdout=logs[1], stderr=subprocess.STDOUT, start_new_session=True, cwd=scratch))
        client = distributed.Client(address, timeout=f"{START_TIMEOUT:.0f}s", set_as_default=False)
        client.wait_for_workers(2, timeout=START_TIMEOUT)
        yield address, client
    finally:
        if client is not None:
            client.close()
        for proc in reversed(procs):
            _stop(proc)
        for log in logs:
            log.close()


def _graphbuild(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graphbuild", "build", *args, "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen) -> str:
    try:
        out, err = proc.communicate(timeout=BUILD_TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, f"build failed ({proc.returncode}):\n{out}\n{err}"
    assert "Traceback" not in err, err
    return err


@pytest.fixture(scope="module")
def local_build(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    _finish(_graphbuild(str(corpus), "--out", str(out)))
    return out


def _assert_same_outputs(got: Path, expected: Path) -> None:
    for name in COMPARED:
        assert (got / name).read_bytes() == (expected / name).read_bytes(), f"{name} differs from the local build"
    relations = (expected / "relations.csv").read_text(encoding="utf-8").splitlines()
    assert len(relations) > 21, "the corpus should yield relations from most documents"


def _worker_pids(client) -> dict[str, int]:
    return client.run(os.getpid)


def _executed(client) -> dict[str, int]:
    """Tasks each worker has run (a lambda: pickled by value, the workers cannot import tests/)."""
    return client.run(lambda dask_worker: dask_worker.state.executed_count)


@pytest.mark.model
def test_dask_deployed_cluster_build_equals_local_build(corpus: Path, cluster, local_build: Path,
                                                        tmp_path: Path) -> None:
    address, client = cluster
    before = _executed(client)
    out = tmp_path / "out"
    _finish(_graphbuild(str(corpus), "--out", str(out), "--scheduler", address))
    _assert_same_outputs(out, local_build)
    # Both worker processes ran chunks (not the client, and not one worker alone).
    after = _executed(client)
    assert len(after) == 2 and all(after[w] > before.get(w, 0) for w in after), (before, after)


@pytest.mark.model
def test_dask_deployed_worker_killed_mid_build_is_retried(corpus: Path, cluster, local_build: Path,
                                                          tmp_path: Path) -> None:
    address, client = cluster
    before = _worker_pids(client)
    out = tmp_path / "out"
    build = _graphbuild(str(corpus), "--out", str(out), "--scheduler", address, "--full")
    killed = None
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while killed is None and time.monotonic() < deadline and build.poll() is None:
            busy = {worker: keys for worker, keys in client.processing().items()
                    if any(str(key).startswith("graphbuild-chunk-") for key in keys)}
            if busy:
                victim = sorted(busy)[0]
                killed = before[victim]
                os.kill(killed, signal.SIGKILL)  # a worker process this test's cluster fixture started
            else:
                time.sleep(0.05)
    finally:
        if killed is None and build.poll() is None:
            build.kill()
            build.wait()
    assert killed is not None, "no chunk was seen running on a worker before the build ended"
    err = _finish(build)
    _assert_same_outputs(out, local_build)
    assert "failed" not in err.lower(), err
    client.wait_for_workers(2, timeout=START_TIMEOUT)  # the nanny replaced the killed process
    assert killed not in _worker_pids(client).values()
