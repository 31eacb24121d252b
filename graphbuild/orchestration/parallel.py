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
import time
from collections.abc import Iterator, Sequence
from typing import Any
from dataclasses import dataclass
from functools import lru_cache

from graphbuild.errors import GraphbuildError
from graphbuild.model import Article, DocResult
from graphbuild.orchestration.extract_document import ExtractionFailure
from graphbuild.orchestration.extractor import Extractor, ExtractorSpec

Outcome = DocResult | ExtractionFailure


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """A worker's answer for one chunk: the versions it ran under and one outcome per article."""

    versions: tuple[str, str, str, str] | None  # None: no worker finished the chunk (see lost_chunk)
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
def worker_extractor(spec: ExtractorSpec) -> Extractor:
    """This process's :class:`Extractor` for ``spec`` (built once per process and spec; the model loaded)."""
    extractor = Extractor(spec)
    extractor.resolver  # load the pipeline now, not in the first chunk  # noqa: B018
    return extractor


def extract_chunk(spec: ExtractorSpec, articles: Sequence[Article]) -> ChunkResult:
    """Extract one chunk in this process (the task function of both back ends)."""
    # One spaCy pipeline per process is not made for concurrent calls (Dask workers may run tasks
    # in several threads): extraction in a process is serialised.
    with _LOCK:
        extractor = worker_extractor(spec)
        v = extractor.versions
        outcomes = tuple(extractor.extract_many(articles))
    return ChunkResult((v.code, v.pipeline, v.gazetteer, v.lexicon), outcomes)


_SPEC: ExtractorSpec | None = None


def _init_worker(spec: ExtractorSpec) -> None:
    """Process-pool initializer: load the model once, before the first chunk arrives."""
    global _SPEC
    _SPEC = spec
    worker_extractor(spec)


def _pool_task(articles: list[Article]) -> ChunkResult:
    assert _SPEC is not None, "worker not initialised"
    return extract_chunk(_SPEC, articles)


# --- back ends ----------------------------------------------------------------------------------


def run_local(
    articles: Sequence[Article], spec: ExtractorSpec, *, workers: int, chunk_size: int | None = None
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
    articles: Sequence[Article],
    spec: ExtractorSpec,
    address,
    *,
    chunk_size: int | None = None,
    worker_wait: float = 60.0,
) -> Iterator[tuple[int, ChunkResult]]:
    """Extract on a Dask distributed cluster; yield ``(start index, ChunkResult)`` as chunks finish.

    The client is never made the process-wide default one (a library must not change its caller's
    Dask setup), so everything here goes through it explicitly: a deployed scheduler
    (``dask scheduler`` + ``dask worker``) works without any other client in this process.

    A worker that dies while extracting a chunk is handled by the scheduler, which runs the chunk
    again on another worker; a chunk that killed every worker it was given (``KilledWorker``, e.g.
    a document that exhausts memory) comes back as one :class:`ExtractionFailure` per document, and
    the build goes on without them.

    Args:
        address: A scheduler address (``tcp://host:8786``) or an existing ``distributed.Client``
            (or ``LocalCluster``). graphbuild and the model must be installed on the workers; the
            gazetteer extension files must be readable there at the same paths.
        worker_wait: Seconds to wait for a worker when the cluster has none (at the start, or after
            every worker died) before giving up.

    Raises:
        GraphbuildError: the scheduler cannot be reached, has no workers for ``worker_wait``
            seconds, or a chunk fails on the cluster for another reason than a dead worker (for
            example graphbuild is not installed there); the message names the documents.
    """
    try:
        from distributed import as_completed
    except ImportError:
        raise GraphbuildError(
            "--scheduler needs Dask distributed: pip install 'dask[distributed]'"
        ) from None

    client, own_client = _connect(address)
    where = client.scheduler.address if client.scheduler is not None else str(address)
    try:
        workers = _wait_for_workers(client, where, worker_wait, articles)
        size = chunk_size or chunk_size_for(len(articles), workers)
        chunks = chunked(articles, size)
        futures = [client.submit(extract_chunk, spec, chunk, pure=False, key=f"graphbuild-chunk-{start}-{id(chunk)}")
                   for start, chunk in chunks]
        by_key = {future.key: (start, chunk) for future, (start, chunk) in zip(futures, chunks)}
        # ``as_completed`` looks up a *default* client for its event loop unless given one ("ValueError:
        # No clients found" when ours is the only client in the process).
        completed = as_completed(futures, loop=client.loop)
        del futures
        watch = _WorkerWatch(client, where, worker_wait)
        while not completed.is_empty():
            batch = completed.next_batch(block=False)
            if not batch:
                time.sleep(0.1)
                watch.check(by_key)
                continue
            for future in batch:
                start, chunk = by_key.pop(future.key)
                result = _chunk_result(future, chunk, where)
                future.release()
                yield start, result
    finally:
        if own_client:
            client.close()


def _connect(address) -> tuple[Any, bool]:
    """(client, whether we made it) for a scheduler address, a LocalCluster or an existing Client."""
    from distributed import Client

    if isinstance(address, Client):
        return address, False
    target = getattr(address, "scheduler_address", address)  # a LocalCluster
    try:
        return Client(target, timeout="20s", set_as_default=False), True
    except (OSError, TimeoutError, ValueError) as exc:
        raise GraphbuildError(f"cannot reach the Dask scheduler at {target}: {exc}") from None


class _WorkerWatch:
    """Notices, every few seconds while waiting for results, a cluster left without workers for too long."""

    def __init__(self, client: Any, where: str, worker_wait: float) -> None:
        self.client, self.where, self.worker_wait = client, where, worker_wait
        self.idle_since: float | None = None
        self.last_check = time.monotonic()

    def check(self, waiting: dict[str, tuple[int, Sequence[Article]]]) -> None:
        """Raise GraphbuildError naming the documents of the ``waiting`` chunks when no worker was seen for
        ``worker_wait`` seconds."""
        now = time.monotonic()
        if now - self.last_check < _WORKER_CHECK_SECONDS:
            return
        self.last_check = now
        if _worker_count(self.client, self.where):
            self.idle_since = None
            return
        self.idle_since = self.idle_since or now
        if now - self.idle_since >= self.worker_wait:
            pending = [a for _, chunk in waiting.values() for a in chunk]
            raise GraphbuildError(
                f"every Dask worker of {self.where} is gone and none came back in {self.worker_wait:g} s; "
                f"{len(pending)} documents were not extracted: {_names(pending)}"
            )


_WORKER_CHECK_SECONDS = 2.0


def _names(articles: Sequence[Article], limit: int = 10) -> str:
    names = [a.path or a.doc_id for a in articles[:limit]]
    more = f" and {len(articles) - limit} more" if len(articles) > limit else ""
    return ", ".join(names) + more


def _worker_count(client, where: str) -> int:
    try:
        return len(client.nthreads())
    except (OSError, TimeoutError) as exc:  # CommClosedError is an OSError
        raise GraphbuildError(f"lost the connection to the Dask scheduler at {where}: {exc}") from None


def _wait_for_workers(client, where: str, seconds: float, articles: Sequence[Article]) -> int:
    """The number of workers, after waiting up to ``seconds`` for the first one."""
    count = _worker_count(client, where)
    if count:
        return count
    try:
        client.wait_for_workers(1, timeout=seconds)
    except (TimeoutError, OSError):
        raise GraphbuildError(
            f"the Dask scheduler at {where} has no workers (waited {seconds:g} s, {len(articles)} documents to extract); "
            f"start some with: dask worker {where}"
        ) from None
    return max(1, _worker_count(client, where))


def _chunk_result(future, chunk: Sequence[Article], where: str) -> ChunkResult:
    """The chunk's result; the chunk's documents as failures when the workers running it died."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as exc:
        last = getattr(getattr(exc, "last_worker", None), "address", None) or "unknown"
        tries = getattr(exc, "allowed_failures", 0) + 1
        return lost_chunk(chunk, f"every Dask worker that extracted it died ({tries} tries, the last on {last}); "
                                 "see the worker logs (memory limit?)")
    except Exception as exc:  # noqa: BLE001 - anything else is the cluster's setup, not the document
        raise GraphbuildError(
            f"the Dask cluster at {where} could not extract {_names(chunk)}: {type(exc).__name__}: {exc}"[:1000]
            + "; check that graphbuild and the model are installed on every worker"
        ) from None


def lost_chunk(chunk: Sequence[Article], reason: str) -> ChunkResult:
    """A chunk no worker could finish: one failure per document it held (no versions: nothing is cached)."""
    return ChunkResult(None, tuple(ExtractionFailure(article, reason) for article in chunk))
