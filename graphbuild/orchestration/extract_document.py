"""Per-document extraction steps: text -> spaCy Doc, and Doc -> mentions -> relations -> :class:`DocResult`.

The unit of work that is cached and sent to worker processes; :class:`graphbuild.orchestration.extractor.Extractor` owns the
components these functions take and runs them over a corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from graphbuild.model import Article, DocResult
from graphbuild.nlp.pipeline import CHUNK_CHARS, Triage, parse_selectively, split_paragraphs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from graphbuild.relations.learned import LearnedModel
    from graphbuild.relations.lexicon import Lexicon
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


def analyse_doc(doc: "Doc", article: Article, resolver: "Resolver", lexicon: "Lexicon",
                learned: "LearnedModel | None" = None) -> DocResult:
    """Resolve actors and extract relations from a parsed article (the resolver's gazetteer reads offices);
    ``learned``: the learned fallback after the rules (None: rules only)."""
    from graphbuild.relations import extract_relations

    mentions, new_entities = resolver(doc, article)
    entities = {e.id: e for e in new_entities}
    for mention in mentions:
        if mention.entity_id and mention.entity_id not in entities:
            known = resolver.gazetteer.get(mention.entity_id)
            if known is not None:
                entities[known.id] = known
    relations = extract_relations(doc, article, mentions, entities, lexicon=lexicon, gazetteer=resolver.gazetteer,
                                  learned=learned)
    if article.date:
        relations = [r if r.date else replace(r, date=article.date) for r in relations]
    return DocResult(
        article=article,
        mentions=tuple(mentions),
        relations=tuple(relations),
        new_entities=tuple(new_entities),
    )


@dataclass(frozen=True, slots=True)
class ExtractionFailure:
    """An article whose extraction raised; the build reports it and goes on."""

    article: Article
    reason: str
