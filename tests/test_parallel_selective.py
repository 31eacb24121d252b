"""Speed by design: the full analysis runs only where a relation can be, without changing what is found."""

from __future__ import annotations


import pytest

from graphbuild.corpus import read_corpus
from graphbuild.model import Article

from graphbuild.config import DEFAULT_MODEL
from graphbuild.orchestration.extractor import Extractor, ExtractorSpec
from tests.conftest import FOUNDING


@pytest.fixture(scope="module")
def extractors(pipeline):
    """The same pipeline behind a selective and a full extractor (setting ``parse``)."""
    return (Extractor(ExtractorSpec(DEFAULT_MODEL, parse="selective"), nlp=pipeline),
            Extractor(ExtractorSpec(DEFAULT_MODEL, parse="full"), nlp=pipeline))


TEXT = ("Belarus and NATO held talks in Vilnius.\nThe weather was mild. Stocks rose.\n\n"
        "Alexander Lukashenko criticised Poland and Lithuania. Nothing else happened today!\n"
        "\"Russia will help,\" he said. Prices fell.")


@pytest.mark.model
def test_selective_doc_keeps_text_tokens_entities_and_line_sentences(extractors) -> None:
    from graphbuild.nlp.pipeline import parse_selectively

    selective, _ = extractors
    nlp = selective.nlp
    full = nlp(TEXT)
    (doc,) = parse_selectively(nlp, [TEXT], selective.triage)
    assert doc.text == TEXT and [t.text for t in doc] == [t.text for t in full]
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in full.ents]
    assert all("\n" not in s.text.strip() for s in doc.sents)
    analysed = {t.text for t in doc if t.pos_}
    assert {"criticised", "held"} <= analysed and "weather" not in analysed  # only candidate sentences parsed


@pytest.mark.model
@pytest.mark.shared
def test_selective_founding_example_relations_unchanged(extractors) -> None:
    if not FOUNDING.is_file():
        pytest.skip(f"founding example not found: {FOUNDING} (needs ../shared)")
    (article,) = [a for a in read_corpus(FOUNDING) if isinstance(a, Article)]
    selective, full = (next(e.extract_many([article])) for e in extractors)
    assert extractors[1].triage is None  # parse = "full": every line analysed
    assert {r.key for r in selective.relations} == {r.key for r in full.relations}
    assert len(full.relations) > 0
