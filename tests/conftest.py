"""Shared fixtures: paths, the ../shared data, and one build of the founding example."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FOUNDING = SHARED / "corpus" / "belarus-nato-balance.txt"
SAMPLE_CORPUS = REPO / "examples" / "corpus"

needs_shared = pytest.mark.skipif(
    not FOUNDING.exists(), reason=f"../shared is not present at {SHARED} (it ships with CI, not with every clone)"
)


@pytest.fixture(scope="session")
def founding_build(tmp_path_factory: pytest.TempPathFactory):
    """Build the founding example once per session (library API, default model)."""
    if not FOUNDING.exists():
        pytest.skip(f"../shared is not present at {SHARED}")
    from graphbuild.orchestration.build import build
    from graphbuild.config import Config

    out = tmp_path_factory.mktemp("founding")
    return build(Config(corpus=FOUNDING, output=out))


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory):
    """Build the shipped sample corpus once per session."""
    from graphbuild.orchestration.build import build
    from graphbuild.config import Config

    out = tmp_path_factory.mktemp("sample")
    return build(Config(corpus=SAMPLE_CORPUS, output=out, formats=("turtle", "trig", "nt", "json-ld")))


@pytest.fixture(scope="session")
def pipeline():
    """The default spaCy pipeline, loaded once through graphbuild's own loader."""
    from graphbuild.config import DEFAULT_MODEL
    from graphbuild.nlp.pipeline import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def shipped_gazetteer():
    from graphbuild.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def relations_of(pipeline, shipped_gazetteer):
    """text -> {(subject, relation, object, negated)} through the real resolver and relation rules."""
    from graphbuild.model import Article
    from graphbuild.relations import extract_relations
    from graphbuild.resolve import Resolver

    resolver = Resolver(shipped_gazetteer, pipeline)

    def run(text: str, date: str | None = "2020-06-01") -> set[tuple[str, str, str, bool]]:
        article = Article("t", text, date=date)
        doc = pipeline(text)
        mentions, minted = resolver(doc, article)
        entities = {e.id: e for e in minted}
        for m in mentions:
            if m.entity_id and m.entity_id not in entities and (known := shipped_gazetteer.get(m.entity_id)):
                entities[known.id] = known
        rels = extract_relations(doc, article, mentions, entities, gazetteer=shipped_gazetteer)
        return {(r.subject, r.relation, r.object, r.negated) for r in rels}

    return run


def support_between_first_and_last_word(article):
    """A stand-in extraction: '<A> ... <B>.' -> A support B, with both actors mentioned (as the cache checks)."""
    from graphbuild.model import DocResult, Entity, Mention, Relation

    words = article.text.split()
    first, last = words[0], words[-1].strip(".")
    at = article.text.rfind(last)
    return DocResult(
        article,
        mentions=(Mention(article.doc_id, 0, len(first), first, f"org/{first.lower()}", "ner"),
                  Mention(article.doc_id, at, at + len(last), last, f"org/{last.lower()}", "ner")),
        relations=(Relation(article.doc_id, f"org/{first.lower()}", "support", f"org/{last.lower()}",
                            article.text, 0, len(article.text), confidence=0.75),),
        new_entities=(Entity(f"org/{first.lower()}", first, "Organization", in_gazetteer=False),),
    )


class FakeExtraction(list):
    """The models a build loaded (the list itself) and the documents it extracted (``calls``)."""

    calls: list[str]


@pytest.fixture
def fake_extraction(monkeypatch):
    """Stand-ins for the spaCy pipeline and the per-document stages: no model is loaded.

    Returns ``install(extract_one)``; ``extract_one(article) -> DocResult`` may raise, as a stage does on a bad
    article.  ``install`` returns a :class:`FakeExtraction`: the models the build would have loaded, and the
    doc ids extracted.
    """
    from graphbuild.orchestration.extractor import Extractor

    record = FakeExtraction()
    record.calls = []

    def nlp(self):
        if self._nlp is None:
            record.append(self.spec.model)
            self._nlp = object()
        return self._nlp

    def install(extract_one):
        def extract(self, article):
            self.nlp  # noqa: B018 - a real extraction needs the pipeline
            record.calls.append(article.doc_id)
            return extract_one(article)

        monkeypatch.setattr(Extractor, "nlp", property(nlp))
        monkeypatch.setattr(Extractor, "extract", extract)
        monkeypatch.setattr(Extractor, "_batch", lambda self, batch, size: [self.extract(a) for a in batch])
        return record

    return install


@pytest.fixture
def fake_pipeline(fake_extraction):
    """Builds without spaCy: every article yields '<first word> support <last word>' (see above)."""
    return fake_extraction(support_between_first_and_last_word)


@pytest.fixture(scope="module")
def browser_context():
    """A headless Chromium (Debian's, never a downloaded one) for the page tests of a module."""
    import shutil
    import tempfile

    from tests.helpers import ARGS, CHROMIUM

    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    profile = tempfile.mkdtemp(prefix="gb-chromium-")
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=ARGS, headless=True, viewport={"width": 1200, "height": 800}
        )
        try:
            yield ctx
        finally:
            ctx.close()
            shutil.rmtree(profile, ignore_errors=True)


#: Actors of the hand-built Docs (tests/test_rules_handbuilt.py): a token with this text is a resolved mention.
HANDBUILT_ACTORS = {
    "Russia": ("country/RUS", "Country"), "Ukraine": ("country/UKR", "Country"), "Belarus": ("country/BLR", "Country"),
    "Kazakhstan": ("country/KAZ", "Country"), "Armenia": ("country/ARM", "Country"),
    "Britain": ("country/GBR", "Country"), "Libya": ("country/LBY", "Country"), "NATO": ("org/NATO", "Organization"),
    "EU": ("org/EU", "Organization"), "CSTO": ("org/CSTO", "Organization"),
    "Lukashenko": ("person/alexander-lukashenko", "Person"),
}


@pytest.fixture(scope="session")
def lexicon():
    """The shipped relation lexicon, loaded once."""
    from graphbuild.relations.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def handbuilt():
    """A parsed sentence without the statistical model: ``handbuilt(rows)`` -> ``(doc, mentions, entities)``.

    ``rows`` are ``(word, dep, head index, pos[, lemma])`` (lemma defaults to the word); a word that is a key of
    :data:`HANDBUILT_ACTORS` becomes a resolved mention (and a named entity of the Doc).  Tokens are separated by
    a space, except before punctuation.
    """
    import spacy
    from spacy.tokens import Doc

    from graphbuild.model import Entity, Mention

    vocab = spacy.blank("en").vocab
    ner = {"Country": "GPE", "Organization": "ORG", "Person": "PERSON"}

    def make(rows):
        words = [r[0] for r in rows]
        spaces = [i + 1 < len(rows) and rows[i + 1][3] != "PUNCT" for i in range(len(rows))]
        doc = Doc(vocab, words=words, spaces=spaces, heads=[r[2] for r in rows], deps=[r[1] for r in rows],
                  pos=[r[3] for r in rows], lemmas=[r[4] if len(r) > 4 else r[0] for r in rows],
                  ents=[f"B-{ner[HANDBUILT_ACTORS[w][1]]}" if w in HANDBUILT_ACTORS else "O" for w in words])
        mentions, entities = [], {}
        for tok in doc:
            if tok.text in HANDBUILT_ACTORS:
                eid, kind = HANDBUILT_ACTORS[tok.text]
                mentions.append(Mention("t", tok.idx, tok.idx + len(tok), tok.text, eid, "exact"))
                entities[eid] = Entity(eid, tok.text, kind)
        return doc, mentions, entities

    return make
