"""Parallel extraction: local worker processes and a Dask cluster give the same results as a serial run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graphbuild.config import Config
from graphbuild.model import Article
from graphbuild.parallel import chunk_size_for, chunked
from graphbuild.runner import run_extraction

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
