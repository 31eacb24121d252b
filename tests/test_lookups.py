"""The table lookups standing in for spaCy's attribute-ruler matching and rule lemmatizer give spaCy's results."""

from __future__ import annotations

import pytest

from graphbuild.corpus import read_corpus
from graphbuild.model import Article
from tests.conftest import SAMPLE_CORPUS

#: Sentences with what the ruler's set, regex and two-token patterns look for ("ai n't", "gon na", "let 's",
#: "y' all", "nothin'", expletive "there is", auxiliaries, "that" as a pronoun, objects "it"/"you"/"me").
TRICKY = (
    "There is no deal, and there are no talks. We ai n't gon na sign it, let's be clear; y'all know nothin' yet.\n"
    "That is what they said: you have to ask it, because I did not. Have you done that? She has, and he'd do it."
)


@pytest.fixture(scope="module")
def plain_nlp():
    """The model as graphbuild sets it up, without the lookups."""
    import spacy

    from graphbuild.config import DEFAULT_MODEL
    from graphbuild.nlp.pipeline import adapt

    return adapt(spacy.load(DEFAULT_MODEL), lookups=False)


def _texts() -> list[str]:
    return [TRICKY, *(a.text for a in read_corpus(SAMPLE_CORPUS) if isinstance(a, Article))]


@pytest.mark.model
def test_lookups_attribute_matches_equal_spacy_matcher(plain_nlp) -> None:
    from graphbuild.nlp.lookups import AttributeLookup

    ruler = plain_nlp.get_pipe("attribute_ruler")
    lookup = AttributeLookup(ruler)
    assert len(lookup.rest) < len(ruler.patterns) // 5  # most patterns are answered by the tables
    for doc in plain_nlp.pipe(_texts(), disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert sorted(set(lookup(doc))) == sorted(set(ruler.match(doc)))


@pytest.mark.model
def test_lookups_pipeline_tokens_equal_plain_spacy(plain_nlp, pipeline) -> None:
    from graphbuild.nlp.lookups import AttributeLookup, LemmaMemo

    assert isinstance(pipeline.get_pipe("attribute_ruler").match, AttributeLookup)
    assert isinstance(pipeline.get_pipe("lemmatizer").pipe, LemmaMemo)
    index = pipeline.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())  # sets, same answers below
    texts = _texts()

    def tokens(docs):
        return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc] for doc in docs]

    expected = tokens(plain_nlp.pipe(texts))
    assert tokens(pipeline.pipe(texts)) == expected
    assert tokens(pipeline.pipe(texts)) == expected  # the second time from the memo
    assert tokens(pipeline(t) for t in texts) == expected
    assert {"be", "go", "us", "nothing"} <= {t[4] for doc in expected for t in doc}
