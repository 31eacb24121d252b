"""Fuzzing the whole pipeline: generated articles (unicode, markup, quotes, huge, empty) never crash a build,
and the outputs stay valid (Turtle parses in rdflib and pyoxigraph, CSV parses with whole rows)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ACTORS = ["Russia", "NATO", "Belarus", "the European Union", "Vladimir Putin", "China", "Kyiv", "Minsk",
          "the Kremlin", "Japan", "the Philippines", "ECOWAS"]
VERBS = ["sanctioned", "criticised", "met", "signed an agreement with", "threatened", "supports", "accused",
         "did not attack", "may join", "is a member of"]
HOSTILE = ['<script>alert(1)</script>', '</script>', '<img src=x onerror=alert(1)>', '"', "'", '"""', "\\",
           '\\u0022', "@prefix x: <http://evil/> .", "<>", "{{x}}", "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM",
           "\u202e", "\x00", "\u200b", "é", "日本", "🙂", "&amp;", "<!ENTITY x SYSTEM 'file:///etc/passwd'>",
           "\r\n", "\t", "^^", "_:b0", "#", "%20", "..", "/"]

sentence = st.builds(lambda a, v, b, junk: f"{a} {v} {b}{junk}.", st.sampled_from(ACTORS), st.sampled_from(VERBS),
                     st.sampled_from(ACTORS), st.sampled_from(["", *HOSTILE]))
piece = st.one_of(sentence, st.sampled_from(HOSTILE), st.text(max_size=40))
article_text = st.one_of(st.text(max_size=200), st.lists(piece, max_size=25).map(" ".join))
name = st.text(alphabet="abcdefghij-_.", min_size=1, max_size=8).filter(lambda n: not n.startswith("."))
documents = st.lists(
    st.tuples(name, st.sampled_from(["txt", "md", "jsonl", "html"]), article_text, st.sampled_from(["", *HOSTILE])),
    min_size=1, max_size=3, unique_by=lambda d: d[0])


def _write(corpus: Path, docs) -> None:
    for stem, kind, text, extra in docs:
        path = corpus / f"{stem}.{kind}"
        if kind == "md":
            path.write_text(f"---\ntitle: {extra}{text[:20]}\ndate: 2024-02-30\n---\n{text}", encoding="utf-8",
                            errors="surrogatepass")
        elif kind == "jsonl":
            records = [{"id": extra or "../../x", "text": text, "title": extra, "url": extra}, {"text": extra}]
            path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        elif kind == "html":
            path.write_text(f"<html><head><title>{extra}</title></head><body><article><p>{text}</p></article>"
                            "</body></html>", encoding="utf-8", errors="surrogatepass")
        else:
            path.write_text(text, encoding="utf-8", errors="surrogatepass")


def _check_outputs(out: Path) -> None:
    import pyoxigraph
    import rdflib

    turtle = (out / "graph.ttl").read_bytes()
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    store = pyoxigraph.Store()
    store.load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)
    written = sorted(p.name for p in out.glob("*.csv"))
    assert {"relations.csv", "entities.csv", "mentions.csv", "events.csv"} <= set(written), written
    for name in written:  # every CSV the build writes
        rows = list(csv.reader(io.StringIO((out / name).read_text(encoding="utf-8"))))
        assert rows and all(len(r) == len(rows[0]) for r in rows)
        for row in rows[1:]:
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row


@pytest.mark.model
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(docs=documents)
@example(docs=[("huge", "txt", ("Russia sanctioned Belarus. " * 40 + "\n\n") * 60, "")])
@example(docs=[("empty", "txt", "", ""), ("blank", "md", " \n ", "")])
def test_fuzz_whole_pipeline_never_crashes_and_outputs_stay_valid(docs) -> None:
    from graphbuild.orchestration.build import build
    from graphbuild.config import Config

    with tempfile.TemporaryDirectory(prefix="graphbuild-fuzz-") as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        corpus.mkdir()
        _write(corpus, docs)
        result = build(Config(corpus=corpus, output=out))
        assert result.documents <= sum(2 if kind == "jsonl" else 1 for _, kind, _, _ in docs)
        _check_outputs(out)
