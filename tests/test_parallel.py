"""Parallel extraction: local worker processes and a Dask cluster give the same results as a serial run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graphbuild.config import Config
from graphbuild.model import Article
from graphbuild.orchestration.parallel import chunk_size_for, chunked
from graphbuild.orchestration.extract_corpus import run_extraction

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def test_parallel_chunks_cover_every_article_in_order() -> None:
    articles = [Article(str(i), "x") for i in range(23)]
    chunks = chunked(articles, 5)
    assert [start for start, _ in chunks] == [0, 5, 10, 15, 20]
    assert [a for _, chunk in chunks for a in chunk] == articles
    assert chunk_size_for(500, 2) == 31 and chunk_size_for(3, 2) == 1


def _sample(tmp_path: Path, count: int) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(SAMPLE.glob("*.txt"))[:count]:
        shutil.copy(path, corpus / path.name)
    return corpus


@pytest.mark.model
def test_parallel_local_workers_match_serial(tmp_path: Path) -> None:
    config = Config(corpus=_sample(tmp_path, 4), output=tmp_path / "out")
    serial = run_extraction(config, use_cache=False)
    parallel = run_extraction(config.with_overrides(workers=2), use_cache=False)
    assert parallel.summary.built == serial.summary.built == 4
    assert parallel.results == serial.results
    assert sum(len(r.relations) for r in serial.results) > 0


@pytest.mark.model
def test_parallel_dask_local_cluster_matches_local_build(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed")
    config = Config(corpus=_sample(tmp_path, 3), output=tmp_path / "out")
    local = run_extraction(config, use_cache=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            on_dask = run_extraction(config, scheduler=client, use_cache=False)
            by_address = run_extraction(config.with_overrides(output=tmp_path / "out2"), scheduler=cluster.scheduler_address)
    assert on_dask.summary.built == 3 and on_dask.results == local.results
    assert by_address.results == local.results


# --- Dask failures, simulated in process (tests/test_dask_deployed.py kills a real worker) --------------------


class _Future:
    """Stands for a distributed Future whose chunk ended with ``error``."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def result(self):
        raise self.error


def _killed_worker():
    from types import SimpleNamespace

    distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed")
    return distributed.KilledWorker("graphbuild-chunk-0-1", SimpleNamespace(address="tcp://10.0.0.7:40111"), 3)


def test_parallel_dask_chunk_that_killed_its_workers_becomes_failures_naming_each_document() -> None:
    from graphbuild.orchestration.extract_document import ExtractionFailure
    from graphbuild.orchestration.parallel import _chunk_result

    chunk = [Article("a", "x", path="a.txt"), Article("b", "y", path="b.txt")]
    result = _chunk_result(_Future(_killed_worker()), chunk, "tcp://10.0.0.5:8786")
    assert result.versions is None
    assert [(o.article.path, type(o)) for o in result.outcomes] == [("a.txt", ExtractionFailure), ("b.txt", ExtractionFailure)]
    assert result.outcomes[0].reason == (
        "every Dask worker that extracted it died (4 tries, the last on tcp://10.0.0.7:40111); "
        "see the worker logs (memory limit?)"
    )


def test_parallel_dask_other_cluster_error_names_the_documents() -> None:
    from graphbuild.errors import GraphbuildError
    from graphbuild.orchestration.parallel import _chunk_result

    chunk = [Article("a", "x", path="a.txt")]
    with pytest.raises(GraphbuildError) as info:
        _chunk_result(_Future(ModuleNotFoundError("No module named 'graphbuild'")), chunk, "tcp://10.0.0.5:8786")
    assert str(info.value) == (
        "the Dask cluster at tcp://10.0.0.5:8786 could not extract a.txt: ModuleNotFoundError: No module named "
        "'graphbuild'; check that graphbuild and the model are installed on every worker"
    )


def test_parallel_dask_lost_chunk_is_reported_by_the_build_not_raised(tmp_path: Path, monkeypatch, capsys) -> None:
    import graphbuild.orchestration.parallel as parallel
    from graphbuild.cli import main

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Belarus and NATO held talks.", encoding="utf-8")

    def dead_cluster(articles, spec, address, **kwargs):
        yield 0, parallel.lost_chunk(articles, "every Dask worker that extracted it died (4 tries)")

    monkeypatch.setattr(parallel, "run_dask", dead_cluster)
    code = main(["build", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", "tcp://10.0.0.5:8786", "-q"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"Warning: {corpus / 'a.txt'}: every Dask worker that extracted it died (4 tries)" in err
    assert "Traceback" not in err


def test_parallel_dask_scheduler_without_workers_is_an_error(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed")
    from graphbuild.errors import GraphbuildError
    from graphbuild.orchestration.extractor import ExtractorSpec
    from graphbuild.orchestration.parallel import run_dask

    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        with pytest.raises(GraphbuildError) as info:
            list(run_dask([Article("a", "x", path="a.txt")], ExtractorSpec("none"), address, worker_wait=0.5))
    assert str(info.value) == (
        f"the Dask scheduler at {address} has no workers (waited 0.5 s, 1 documents to extract); "
        f"start some with: dask worker {address}"
    )
