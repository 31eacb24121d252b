"""Running extraction over a corpus: reading, the cache, and serial, multi-process or Dask extraction.

``run_extraction`` streams the corpus, takes every article whose cache entry matches its key (see
:mod:`graphbuild.orchestration.cache`) from the cache, and extracts only the rest: in this process, in
``config.workers`` local processes, or on a Dask cluster (``scheduler``). The spaCy pipeline is
loaded only when there is something to extract, so a rebuild where nothing changed never loads it.
Results are returned in doc-id order whatever the back end, so every output is identical.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphbuild.config import Config
from graphbuild.errors import CorpusWarning, GraphbuildError
from graphbuild.model import Article, DocResult
from graphbuild.orchestration.extract_document import ExtractionFailure
from graphbuild.orchestration.extractor import Extractor, ExtractorSpec
from graphbuild.orchestration.merge import DocSummary
from graphbuild.orchestration.progress import BuildSummary, Progress

if TYPE_CHECKING:
    from graphbuild.gazetteer import Gazetteer
    from graphbuild.orchestration.cache import DocCache, Versions
    from graphbuild.orchestration.summaries import SummaryStore

log = logging.getLogger("graphbuild")

class ResultStore:
    """Each extracted document's full result, to read again after extraction (for the mention stream of
    :class:`graphbuild.orchestration.merge.CorpusRecords`): from the cache, which verifies it again, or held here
    when it is not in the cache (no cache, ``use_cache=False``, or made with other versions)."""

    def __init__(self, cache: DocCache | None, versions: Versions) -> None:
        self._cache, self._versions = cache, versions
        self._keys: dict[str, str] = {}
        self._held: dict[str, DocResult] = {}

    def keep(self, result: DocResult, key: str | None) -> None:
        """Remember where ``result`` is: in the cache under ``key``, or (``key`` None, no cache) here."""
        if key is not None and self._cache is not None and not self._cache.disabled:
            self._keys[result.article.doc_id] = key
        else:
            self._held[result.article.doc_id] = result

    def keep_key(self, doc_id: str, key: str) -> None:
        """Remember that the result of ``doc_id`` is in the cache under ``key`` (not read yet)."""
        self._keys[doc_id] = key

    def cached_key(self, doc_id: str) -> str | None:
        """The cache key of ``doc_id``'s result, or None when it is held here."""
        return self._keys.get(doc_id)

    def load(self, doc_id: str) -> DocResult:
        """The result of ``doc_id``.

        Raises:
            GraphbuildError: its cache entry was removed or changed since it was read or written in this build.
        """
        held = self._held.get(doc_id)
        if held is not None:
            return held
        assert self._cache is not None
        result = self._cache.load(doc_id, self._keys[doc_id], self._versions)
        if result is None:
            raise GraphbuildError(f"the cache entry of {doc_id} ({self._cache.path_for(doc_id)}) was removed or changed "
                                  "during the build; build again")
        return result


@dataclass
class ExtractionRun:
    """The outcome of the extraction stage: one summary per document (doc-id order) and where the full results are."""

    summaries: list[DocSummary]
    store: ResultStore
    warnings: list[CorpusWarning]
    gazetteer: Gazetteer
    summary: BuildSummary = field(default_factory=BuildSummary)

    @property
    def results(self) -> list[DocResult]:
        """Every full result, read again (doc-id order): for tests and small corpora."""
        return [self.store.load(s.doc_id) for s in self.summaries]


@dataclass
class CorpusScan:
    """A corpus read and keyed, before anything is extracted: enough to tell whether anything changed."""

    extractor: Extractor
    #: ``(article, cache key)`` in corpus order (:func:`run_extraction` takes them over).
    articles: list[tuple[Article, str]]
    warnings: list[CorpusWarning]
    started: float = field(default_factory=time.perf_counter)

    @property
    def keys(self) -> list[tuple[str, str]]:
        """``(doc id, cache key)`` of every article."""
        return [(article.doc_id, key) for article, key in self.articles]


def scan_corpus(config: Config) -> CorpusScan:
    """Read the corpus and compute every article's cache key (no cache read, no model loaded).

    Raises:
        CorpusError: the corpus does not exist.
    """
    from graphbuild.corpus import read_corpus, with_corpus_dates
    from graphbuild.orchestration.cache import article_key

    started = time.perf_counter()
    extractor = Extractor(ExtractorSpec.from_config(config))
    versions = extractor.versions
    read: list[Article] = []
    warnings: list[CorpusWarning] = []
    for item in read_corpus(config.corpus, max_bytes=config.max_file_bytes,
                            follow_outside_links=config.follow_outside_links, exclude=(config.output,)):
        if isinstance(item, CorpusWarning):
            log.warning("%s", item)
            warnings.append(item)
        else:
            read.append(item)
    # an undated article's office phrases are dated by its corpus (part of its key: a new span re-extracts it)
    articles = [(item, article_key(item, versions)) for item in with_corpus_dates(read)]
    return CorpusScan(extractor, articles, warnings, started)


def run_extraction(
    config: Config,
    *,
    full: bool = False,
    scheduler: Any = None,
    progress: Progress | None = None,
    use_cache: bool = True,
    scan: CorpusScan | None = None,
    summaries: SummaryStore | None = None,
) -> ExtractionRun:
    """Read the corpus and extract every article that is not already cached.

    Each result is summarised (:class:`~graphbuild.orchestration.merge.DocSummary`) and let go; the merge reads
    the full results again from the cache when it needs them, so memory does not grow with the mentions.

    Args:
        config: corpus, output (the cache lives in ``<output>/.cache``), model, gazetteer, workers.
        full: Ignore the cache and re-extract everything (the cache is rewritten).
        scheduler: A Dask scheduler address or ``distributed.Client``: extract on that cluster.
        progress: A :class:`~graphbuild.orchestration.progress.Progress`, or None for silence.
        use_cache: False: neither read nor write the cache (for benchmarks and tests; results stay in memory).
        scan: The corpus already read by :func:`scan_corpus` (its articles are taken over), or None: read it.
        summaries: The output folder's :class:`~graphbuild.orchestration.summaries.SummaryStore`: documents whose
            key is unchanged take their summary from it instead of parsing their entry, and it is written anew.

    Raises:
        CorpusError: the corpus does not exist.
        ModelError: the pipeline is needed and cannot be loaded.
        GraphbuildError: a Dask worker runs another model, gazetteer or graphbuild version.
    """
    from graphbuild.orchestration.cache import DocCache
    from graphbuild.orchestration.incremental import file_digest

    scan = scan or scan_corpus(config)
    articles, scan.articles = scan.articles, []
    extractor = scan.extractor
    gazetteer, versions = extractor.gazetteer, extractor.versions
    cache = DocCache(config.output)
    store = ResultStore(cache if use_cache else None, versions)
    summary = BuildSummary(skipped=list(scan.warnings))
    warnings: list[CorpusWarning] = list(scan.warnings)
    summary_store, summaries = summaries, []
    known = summary_store.load() if (summary_store is not None and use_cache and not full) else {}
    doc_ids = [article.doc_id for article, _ in articles]
    todo, entry_digests = _take_cached(articles, cache, store, summaries, known, read=use_cache and not full)
    del articles  # the cached articles' text is not needed any more
    summary.from_cache = len(summaries)
    warnings.extend(cache.problems)
    if progress:
        progress.start(len(todo), cached=len(summaries))

    for outcome, key in _extract(config, extractor, todo, scheduler, summary):
        if isinstance(outcome, ExtractionFailure):
            failure = CorpusWarning(outcome.article.path or outcome.article.doc_id, outcome.reason)
            log.warning("%s", failure)
            warnings.append(failure)
            summary.failed.append(failure)
        else:
            summaries.append(DocSummary.of(outcome))
            summary.built += 1
            if use_cache and key is not None:
                cache.put(key, outcome)
            summary.uncached += use_cache and key is None
            store.keep(outcome, key if use_cache else None)
        if progress:
            progress.advance(failed=isinstance(outcome, ExtractionFailure))
    if use_cache:
        summary.removed = cache.prune(doc_ids)
    summaries.sort(key=lambda s: s.doc_id)
    if summary_store is not None and use_cache:
        summary_store.save(
            (key, entry_digests.get(s.doc_id) or file_digest(cache.path_for(s.doc_id)), s)
            for s in summaries if (key := store.cached_key(s.doc_id)) is not None)
    summary.seconds = time.perf_counter() - scan.started
    return ExtractionRun(summaries, store, warnings, gazetteer, summary)


def _take_cached(
    articles: Sequence[tuple[Article, str]], cache: Any, store: ResultStore, summaries: list[DocSummary],
    known: dict, *, read: bool,
) -> tuple[list[tuple[Article, str]], dict[str, str]]:
    """Take the summaries of unchanged documents (from ``known``, the summary store, or else their cache entry)
    into ``summaries`` and ``store``; return the documents left to extract and the entry digests used."""
    from graphbuild.orchestration.incremental import file_digest

    todo: list[tuple[Article, str]] = []
    entry_digests: dict[str, str] = {}
    for item, key in articles:
        found = known.get(item.doc_id)
        if found is not None and found[0] == key and file_digest(cache.path_for(item.doc_id)) == found[1]:
            summaries.append(found[2])  # its entry is read (and checked) when its mentions are written
            store.keep_key(item.doc_id, key)
            entry_digests[item.doc_id] = found[1]
            continue
        hit = cache.get(item, key) if read else None
        if hit is not None:
            summaries.append(DocSummary.of(hit))
            store.keep(hit, key)
        else:
            todo.append((item, key))
    return todo, entry_digests


def _extract(
    config: Config, extractor: Extractor, todo: Sequence[tuple[Article, str]], scheduler, summary: BuildSummary
) -> Iterator[tuple[DocResult | ExtractionFailure, str | None]]:
    """Yield ``(outcome, cache key or None: not cacheable)`` for every article, in completion order."""
    if not todo:
        return
    articles = [article for article, _ in todo]
    keys = [key for _, key in todo]
    workers = max(1, config.workers)
    if scheduler is not None or (workers > 1 and len(articles) >= 2 * workers):
        from graphbuild.orchestration.parallel import run_dask, run_local

        spec, versions = extractor.spec, extractor.versions
        expected = (versions.code, versions.pipeline, versions.gazetteer, versions.lexicon)
        chunks = run_dask(articles, spec, scheduler) if scheduler is not None else run_local(
            articles, spec, workers=workers)
        summary.model_loaded = True
        warned = False
        for start, chunk in chunks:
            cacheable = chunk.versions == expected
            if not cacheable and chunk.versions is not None:  # None: a lost chunk, its documents failed
                difference = _version_diff(expected, chunk.versions)
                if scheduler is not None:
                    raise GraphbuildError(
                        f"a worker extracts with other versions than this build: {difference}; "
                        "install the same graphbuild, model and gazetteer files on every worker"
                    )
                if not warned:  # local files edited during the build: keep the results, do not cache them
                    log.warning("source or data files changed during the build (%s); results not cached", difference)
                    warned = True
            for offset, outcome in enumerate(chunk.outcomes):
                yield outcome, (keys[start + offset] if cacheable else None)
        return
    summary.model_loaded = True
    yield from zip(extractor.extract_many(articles), keys)


def _version_diff(expected: tuple[str, ...], got: tuple[str, ...]) -> str:
    names = ("graphbuild", "pipeline", "gazetteer", "lexicon")
    return "; ".join(f"{n} {g} (here {e})" for n, e, g in zip(names, expected, got) if e != g)

