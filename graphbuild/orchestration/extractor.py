"""The one owner of the extraction components: pipeline, gazetteer, lexicon, resolver, triage and versions.

An :class:`Extractor` is built once from an :class:`ExtractorSpec` (itself read from :class:`~graphbuild.config.Config`)
and passed explicitly to whatever extracts: the runner in this process, each worker process, each Dask worker.
The spec is small and picklable; the extractor it builds is not sent anywhere.

    extractor = Extractor(ExtractorSpec.from_config(config))
    result = extractor.extract(article)              # one DocResult
    for outcome in extractor.extract_many(articles):  # DocResult or ExtractionFailure, streaming
        ...

The spaCy pipeline is loaded on first use, so a build whose every article comes from the cache never loads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild.model import Article, DocResult
from graphbuild.nlp.pipeline import BATCH_CHARS, CHUNK_CHARS, Triage, parse_selectively
from graphbuild.orchestration.extract_document import ExtractionFailure, analyse_doc, make_doc

if TYPE_CHECKING:
    from spacy.language import Language

    from graphbuild.config import Config
    from graphbuild.orchestration.cache import Versions
    from graphbuild.relations.learned import LearnedModel
    from graphbuild.relations.lexicon import Lexicon
    from graphbuild.resolve import Resolver


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """What an :class:`Extractor` is built from (picklable: sent once to every worker)."""

    model: str
    gazetteer_extensions: tuple[str, ...] = ()
    #: Relation lexicon layers (:data:`graphbuild.relations.lexicon.LAYERS`); None: all of them.
    lexicon_layers: tuple[str, ...] | None = None
    #: Read the gazetteer's compiled PETRARCH persons.
    compiled_persons: bool = True
    parse: str = "selective"
    #: Run the learned fallback after the relation rules.
    learned_relations: bool = True

    @classmethod
    def from_config(cls, config: Config) -> ExtractorSpec:
        from graphbuild.config import LEXICON_LAYERS

        layers = tuple(x for x in LEXICON_LAYERS if x in config.lexicon_layers)  # the load order
        return cls(
            model=config.model,
            gazetteer_extensions=tuple(str(Path(p)) for p in config.gazetteer_extensions),
            lexicon_layers=None if layers in ((), LEXICON_LAYERS) else layers,
            compiled_persons=config.compiled_persons,
            parse=config.parse,
            learned_relations=config.learned_relations,
        )


class Extractor:
    """Article -> :class:`DocResult`, with every component built once.

    Args:
        spec: What to build.
        nlp: An already loaded pipeline to use instead of loading ``spec.model`` (tests, evaluation).
    """

    def __init__(self, spec: ExtractorSpec, *, nlp: Language | None = None) -> None:
        from graphbuild.gazetteer import Gazetteer

        self.spec = spec
        self.gazetteer: Gazetteer = Gazetteer.load(extensions=spec.gazetteer_extensions,
                                                   compiled=spec.compiled_persons)
        self._nlp = nlp

    @cached_property
    def versions(self) -> Versions:
        """The versions a cache entry made by this extractor is keyed by (neither spaCy nor the model needed)."""
        from graphbuild.orchestration.cache import Versions

        return Versions.current(self.spec.model, self.gazetteer.version, self.spec.lexicon_layers,
                                learned=self.spec.learned_relations)

    @cached_property
    def lexicon(self) -> Lexicon:
        from graphbuild.relations.lexicon import load_lexicon

        return load_lexicon(layers=self.spec.lexicon_layers)

    @cached_property
    def learned(self) -> LearnedModel | None:
        """The learned fallback's model (None when the setting turns it off)."""
        if not self.spec.learned_relations:
            return None
        from graphbuild.relations.learned import load_model

        return load_model()

    @property
    def model_loaded(self) -> bool:
        return self._nlp is not None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from graphbuild.nlp.pipeline import load_pipeline

            self._nlp = load_pipeline(self.spec.model)
        return self._nlp

    @cached_property
    def resolver(self) -> Resolver:
        from graphbuild.resolve import Resolver

        return Resolver(self.gazetteer, self.nlp)

    @cached_property
    def triage(self) -> Triage | None:
        """The cheap first pass that picks the lines worth a full analysis (None: analyse every line)."""
        from graphbuild.anaphora import ANAPHOR_WORDS

        if self.spec.parse != "selective":
            return None
        # The resolver's matcher over the gazetteer's names (and their ASCII-folded forms) serves as the cheap
        # pass's too: the resolver is needed anyway, and a second matcher took about a second to build.
        return Triage(self.nlp, anaphors=ANAPHOR_WORDS, matcher=self.resolver.finder.matcher)

    # ------------------------------------------------------------------ extraction
    def analyse(self, doc, article: Article) -> DocResult:
        """Resolve actors and extract relations from an already parsed article."""
        return analyse_doc(doc, article, self.resolver, self.lexicon, self.learned)

    def extract(self, article: Article) -> DocResult:
        """Extract everything from one article."""
        return self.analyse(make_doc(self.nlp, article.text, self.triage), article)

    def extract_many(self, articles: Iterable[Article], *, batch_size: int = 16
                     ) -> Iterator[DocResult | ExtractionFailure]:
        """Extract from many articles, streaming, with spaCy's batched ``nlp.pipe`` for short ones (at most
        ``batch_size`` articles and :data:`~graphbuild.nlp.pipeline.BATCH_CHARS` characters a batch).

        An article that makes a stage raise becomes an :class:`ExtractionFailure` (a batch that fails is redone
        one article at a time, so one bad article costs only itself).
        """
        batch: list[Article] = []
        chars = 0
        for article in articles:
            if len(article.text) > CHUNK_CHARS:
                yield from self._safely(batch, batch_size)
                batch, chars = [], 0
                yield from self._safely([article], batch_size)
                continue
            if batch and chars + len(article.text) > BATCH_CHARS:  # bounded memory: see BATCH_CHARS
                yield from self._safely(batch, batch_size)
                batch, chars = [], 0
            batch.append(article)
            chars += len(article.text)
            if len(batch) >= batch_size:
                yield from self._safely(batch, batch_size)
                batch, chars = [], 0
        yield from self._safely(batch, batch_size)

    def _safely(self, batch: list[Article], batch_size: int) -> Iterator[DocResult | ExtractionFailure]:
        if not batch:
            return
        try:
            done = list(self._batch(batch, batch_size))
        except Exception:  # noqa: BLE001 - any bug in a stage must not stop the corpus
            done = [self._one(article) for article in batch]
        yield from done

    def _batch(self, batch: list[Article], batch_size: int) -> Iterator[DocResult]:
        if len(batch) == 1 and len(batch[0].text) > CHUNK_CHARS:
            yield self.extract(batch[0])
            return
        texts = [a.text for a in batch]
        docs = (parse_selectively(self.nlp, texts, self.triage, batch_size=batch_size) if self.triage is not None
                else self.nlp.pipe(texts, batch_size=batch_size))
        for article, doc in zip(batch, docs, strict=True):
            yield self.analyse(doc, article)

    def _one(self, article: Article) -> DocResult | ExtractionFailure:
        try:
            return self.extract(article)
        except Exception as exc:  # noqa: BLE001
            return ExtractionFailure(article, f"extraction failed: {type(exc).__name__}: {exc}"[:500])
