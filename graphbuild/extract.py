"""Per-document extraction: Article -> spaCy Doc -> mentions -> relations -> :class:`DocResult`.

This is the unit of work that is cached and sent to worker processes: it depends only on the
article, the pipeline and the gazetteer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from graphbuild.model import Article, DocResult
from graphbuild.nlp.pipeline import CHUNK_CHARS, Triage, parse_selectively, selective_enabled, split_paragraphs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from graphbuild.resolve import Resolver


def make_doc(nlp: "Language", text: str, triage: "Triage | None" = None) -> "Doc":
    """Run the pipeline over ``text``; long texts are processed in paragraph chunks and joined.

    The joined Doc has exactly ``text`` as its text, so offsets stay valid, while spaCy's memory
    stays bounded by the chunk size. With a ``triage``, only lines with actor candidates get the
    full analysis (see :func:`graphbuild.nlp.pipeline.parse_selectively`).
    """
    if len(text) <= CHUNK_CHARS:
        return parse_selectively(nlp, [text], triage)[0] if triage is not None else nlp(text)
    from spacy.tokens import Doc

    chunks = [chunk for _, chunk in split_paragraphs(text)]
    docs = parse_selectively(nlp, chunks, triage) if triage is not None else list(nlp.pipe(chunks))
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"])


_TRIAGES: dict[tuple[int, int], tuple[object, object, "Triage"]] = {}


def triage_for(nlp: "Language", resolver: "Resolver") -> "Triage | None":
    """The cheap first-pass filter for this pipeline and gazetteer (built once), or None when disabled."""
    if not selective_enabled():
        return None
    gazetteer = getattr(resolver, "gazetteer", None)
    if gazetteer is None or not hasattr(gazetteer, "surface_forms"):
        return None
    key = (id(nlp), id(gazetteer))
    if key not in _TRIAGES:
        _TRIAGES[key] = (nlp, gazetteer, Triage.for_gazetteer(nlp, gazetteer))
    return _TRIAGES[key][2]


def analyse_doc(doc: "Doc", article: Article, resolver: "Resolver") -> DocResult:
    """Resolve actors and extract relations from a parsed article."""
    from graphbuild.relations import extract_relations

    mentions, new_entities = resolver(doc, article)
    entities = {e.id: e for e in new_entities}
    for mention in mentions:
        if mention.entity_id and mention.entity_id not in entities:
            known = resolver.gazetteer.get(mention.entity_id)
            if known is not None:
                entities[known.id] = known
    relations = extract_relations(doc, article, mentions, entities, gazetteer=resolver.gazetteer)
    if article.date:
        relations = [r if r.date else replace(r, date=article.date) for r in relations]
    return DocResult(
        article=article,
        mentions=tuple(mentions),
        relations=tuple(relations),
        new_entities=tuple(new_entities),
    )


def extract_article(nlp: "Language", resolver: "Resolver", article: Article) -> DocResult:
    """Extract everything from one article."""
    return analyse_doc(make_doc(nlp, article.text, triage_for(nlp, resolver)), article, resolver)


@dataclass(frozen=True, slots=True)
class ExtractionFailure:
    """An article whose extraction raised; the build reports it and goes on."""

    article: Article
    reason: str


def extract_safely(
    nlp: "Language", resolver: "Resolver", articles: Iterable[Article], *, batch_size: int = 16
) -> Iterator[DocResult | ExtractionFailure]:
    """Like :func:`extract_articles`, but an article that makes a stage raise becomes a failure record.

    A batch that fails is redone one article at a time, so one bad article costs only itself.
    """
    batch: list[Article] = []

    def one(article: Article) -> DocResult | ExtractionFailure:
        try:
            return extract_article(nlp, resolver, article)
        except Exception as exc:  # noqa: BLE001 - any bug in a stage must not stop the corpus
            return ExtractionFailure(article, f"extraction failed: {type(exc).__name__}: {exc}"[:500])

    def flush() -> Iterator[DocResult | ExtractionFailure]:
        try:
            done = list(extract_articles(nlp, resolver, batch, batch_size=batch_size))
        except Exception:  # noqa: BLE001
            done = [one(article) for article in batch]
        batch.clear()
        yield from done

    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


def extract_articles(
    nlp: "Language", resolver: "Resolver", articles: Iterable[Article], *, batch_size: int = 16
) -> Iterator[DocResult]:
    """Extract from many articles, streaming, with spaCy's batched ``nlp.pipe`` for short ones."""
    batch: list[Article] = []
    triage = triage_for(nlp, resolver)

    def flush() -> Iterator[DocResult]:
        texts = [a.text for a in batch]
        docs = parse_selectively(nlp, texts, triage, batch_size=batch_size) if triage is not None else nlp.pipe(
            texts, batch_size=batch_size)
        for article, doc in zip(batch, docs):
            yield analyse_doc(doc, article, resolver)
        batch.clear()

    for article in articles:
        if len(article.text) > CHUNK_CHARS:
            yield from flush()
            yield extract_article(nlp, resolver, article)
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()
