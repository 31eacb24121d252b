"""Running the per-document stage in worker processes or on a Dask cluster.

Both back ends send *chunks* of articles to workers that load the spaCy pipeline, gazetteer and
resolver **once per worker process** (a process-pool initializer locally; a per-process cached
loader on Dask workers) and return :class:`~graphbuild.model.DocResult` records. Results come back
tagged with their position, so callers get them in input order whatever the scheduling, and the
merged outputs are identical to a serial build.

Workers report the versions they extracted under (code, pipeline, gazetteer, lexicon); a Dask
worker with another gazetteer or model than the client is an error, not a silently different graph.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graphbuild.errors import GraphbuildError
from graphbuild.extract import ExtractionFailure
from graphbuild.model import Article, DocResult

Outcome = DocResult | ExtractionFailure


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """What a worker needs to build its components (picklable, sent once per worker)."""

    model: str
    gazetteer_extensions: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config) -> "WorkerSpec":
        return cls(config.model, tuple(str(Path(p)) for p in config.gazetteer_extensions))


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """A worker's answer for one chunk: the versions it ran under and one outcome per article."""

    versions: tuple[str, str, str, str]
    outcomes: tuple[Outcome, ...]


def chunked(items: Sequence[Article], size: int) -> list[tuple[int, list[Article]]]:
    """Split ``items`` into ``(start index, chunk)`` pairs of at most ``size`` articles."""
    size = max(1, size)
    return [(start, list(items[start : start + size])) for start in range(0, len(items), size)]


def chunk_size_for(count: int, workers: int) -> int:
    """Small enough to balance the load (about 8 chunks per worker), big enough for nlp.pipe batches."""
    return max(1, min(32, count // max(1, workers * 8) or 1))


# --- worker side --------------------------------------------------------------------------------

_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def components(spec: WorkerSpec):
    """Load (once per process and spec) the pipeline, gazetteer and resolver, and their versions."""
    from graphbuild.cache import Versions
    from graphbuild.gazetteer import Gazetteer
    from graphbuild.nlp.pipeline import load_pipeline
    from graphbuild.resolve import Resolver

    nlp = load_pipeline(spec.model)
    gazetteer = Gazetteer.load(extensions=spec.gazetteer_extensions)
    versions = Versions.current(spec.model, gazetteer.version)
    key = (versions.code, versions.pipeline, versions.gazetteer, versions.lexicon)
    return nlp, Resolver(gazetteer, nlp), key


def extract_chunk(spec: WorkerSpec, articles: Sequence[Article]) -> ChunkResult:
    """Extract one chunk in this process (the task function of both back ends)."""
    from graphbuild.extract import extract_safely

    # One spaCy pipeline per process is not made for concurrent calls (Dask workers may run tasks
    # in several threads): extraction in a process is serialised.
    with _LOCK:
        nlp, resolver, key = components(spec)
        outcomes = tuple(extract_safely(nlp, resolver, articles))
    return ChunkResult(key, outcomes)


_SPEC: WorkerSpec | None = None


def _init_worker(spec: WorkerSpec) -> None:
    """Process-pool initializer: load the model once, before the first chunk arrives."""
    global _SPEC
    _SPEC = spec
    components(spec)


def _pool_task(articles: list[Article]) -> ChunkResult:
    assert _SPEC is not None, "worker not initialised"
    return extract_chunk(_SPEC, articles)


# --- back ends ----------------------------------------------------------------------------------


def run_local(
    articles: Sequence[Article], spec: WorkerSpec, *, workers: int, chunk_size: int | None = None
) -> Iterator[tuple[int, ChunkResult]]:
    """Extract with ``workers`` local processes; yield ``(start index, ChunkResult)`` as chunks finish.

    Processes are started with ``spawn`` (no inherited locks or threads) and each loads the model
    once in its initializer.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    size = chunk_size or chunk_size_for(len(articles), workers)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                             initargs=(spec,)) as pool:
        futures = {pool.submit(_pool_task, chunk): start for start, chunk in chunked(articles, size)}
        for future in as_completed(futures):
            yield futures[future], future.result()


def run_dask(
    articles: Sequence[Article], spec: WorkerSpec, address, *, chunk_size: int | None = None
) -> Iterator[tuple[int, ChunkResult]]:
    """Extract on a Dask distributed cluster; yield ``(start index, ChunkResult)`` as chunks finish.

    Args:
        address: A scheduler address (``tcp://host:8786``) or an existing ``distributed.Client``
            (or ``LocalCluster``). graphbuild and the model must be installed on the workers; the
            gazetteer extension files must be readable there at the same paths.

    Raises:
        GraphbuildError: the scheduler cannot be reached.
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise GraphbuildError(
            "--scheduler needs Dask distributed: pip install 'dask[distributed]'"
        ) from None

    own_client = not isinstance(address, Client)
    if own_client:
        try:
            client = Client(address, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise GraphbuildError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    else:
        client = address
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = chunk_size or chunk_size_for(len(articles), workers)
        chunks = chunked(articles, size)
        futures = [client.submit(extract_chunk, spec, chunk, pure=False, key=f"graphbuild-chunk-{start}-{id(chunk)}")
                   for start, chunk in chunks]
        starts = {future.key: start for future, (start, _) in zip(futures, chunks)}
        for future in as_completed(futures):
            result = future.result()
            start = starts[future.key]
            future.release()
            yield start, result
    finally:
        if own_client:
            client.close()
