"""Running extraction over a corpus: reading, the per-document stage, and (later) caching and workers."""

from __future__ import annotations

import logging
from collections.abc import Callable

from graphbuild.config import Config
from graphbuild.errors import CorpusWarning
from graphbuild.model import Article, DocResult

log = logging.getLogger("graphbuild")

Progress = Callable[[int, Article], None]


def load_components(config: Config):
    """Load the spaCy pipeline, gazetteer and resolver named by ``config``."""
    from graphbuild.gazetteer import Gazetteer
    from graphbuild.nlp.pipeline import load_pipeline
    from graphbuild.resolve import Resolver

    nlp = load_pipeline(config.model)
    gazetteer = Gazetteer.load(extensions=config.gazetteer_extensions)
    return nlp, gazetteer, Resolver(gazetteer, nlp)


def extract_corpus(config: Config, *, progress: Progress | None = None) -> tuple[list[DocResult], list[CorpusWarning], object]:
    """Read and extract every article of the corpus; return results, warnings and the gazetteer."""
    from graphbuild.corpus import read_corpus
    from graphbuild.extract import extract_articles

    warnings: list[CorpusWarning] = []
    articles: list[Article] = []
    for item in read_corpus(config.corpus, max_bytes=config.max_file_bytes):
        if isinstance(item, CorpusWarning):
            log.warning("%s", item)
            warnings.append(item)
        else:
            articles.append(item)
    nlp, gazetteer, resolver = load_components(config)
    results: list[DocResult] = []
    for index, result in enumerate(extract_articles(nlp, resolver, articles), 1):
        results.append(result)
        if progress:
            progress(index, result.article)
    return results, warnings, gazetteer


