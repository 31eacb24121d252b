"""Corpus ingest of HTML, JSON and JSON Lines; record doc ids; hostile markup."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from graphbuild.corpus import read_corpus, record_doc_id
from graphbuild.errors import CorpusWarning
from graphbuild.fileio import contained_path
from graphbuild.model import Article

FIXTURES = Path(__file__).parent / "fixtures"


def _read(root: Path) -> tuple[list[Article], list[CorpusWarning]]:
    items = list(read_corpus(root))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, CorpusWarning)]


def test_corpus_html_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes((FIXTURES / "news_page.html").read_bytes())
    (article,), warnings = _read(tmp_path)
    assert warnings == []
    assert article.doc_id == "page"
    assert "Belarus and NATO held talks in Vilnius" in article.text
    assert (article.title, article.date, article.url, article.source) == (
        "Belarus and NATO hold talks", "2024-03-05", "https://news.example/belarus-nato", "Example News")


def test_corpus_html_boilerplate_is_not_extracted(tmp_path: Path) -> None:
    (tmp_path / "page.htm").write_bytes((FIXTURES / "news_page.html").read_bytes())
    (article,), _ = _read(tmp_path)
    for junk in ("Show More", "Related Articles", "Leave a Reply", "Subscribe", "China sanctions Japan",
                 "Russia threatens Ukraine"):
        assert junk not in article.text


def test_corpus_jsonl_records_metadata_and_ids(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    lines = [
        {"id": "a1", "text": "NATO met Belarus.", "title": "Talks", "date": "2024-03-01T10:00:00Z",
         "url": "https://x.example/a1", "source": "Wire"},
        {"text": "Russia and China agreed."},
        {"id": "../../etc/passwd", "text": "Poland protested."},
    ]
    (tmp_path / "feeds" / "day1.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    articles, warnings = _read(tmp_path)
    assert warnings == []
    assert [a.doc_id for a in articles] == ["feeds/day1/a1", "feeds/day1/2", "feeds/day1/etc-passwd"]
    first = articles[0]
    assert (first.title, first.date, first.url, first.source) == ("Talks", "2024-03-01", "https://x.example/a1", "Wire")
    assert articles[1].title == "Russia and China agreed."


def test_corpus_malformed_jsonl_record_warns_with_file_and_line_rest_read(tmp_path: Path) -> None:
    text = '{"text": "NATO met Belarus."}\n{"text": broken\n[1, 2]\n{"title": "no text"}\n{"text": "EU and Japan."}\n'
    (tmp_path / "f.jsonl").write_text(text, encoding="utf-8")
    articles, warnings = _read(tmp_path)
    assert [a.doc_id for a in articles] == ["f/1", "f/5"]
    assert [w.path.rsplit("/", 1)[-1] for w in warnings] == ["f.jsonl:2", "f.jsonl:3", "f.jsonl:4"]
    assert "malformed JSON" in warnings[0].problem and "expected a JSON object" in warnings[1].problem


def test_corpus_json_single_record_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": "x", "text": "Iran threatened Israel."}), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": "A and B."}, {"id": "b", "text": "C met D."}]),
                                        encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    articles, warnings = _read(tmp_path)
    assert [a.doc_id for a in articles] == ["many/1", "many/b", "one/x"]
    assert len(warnings) == 1 and warnings[0].path.endswith("bad.json") and "malformed JSON" in warnings[0].problem


@pytest.mark.parametrize("record_id", ["../../etc/x", "/abs/path", "..", "a/../../b", "C:\\win", "\x00", "é" * 300])
def test_corpus_record_doc_id_cannot_escape_a_directory(tmp_path: Path, record_id: str) -> None:
    doc_id = record_doc_id("feeds/day1", record_id, 7)
    assert doc_id.startswith("feeds/day1/") and ".." not in doc_id and doc_id.count("/") == 2
    assert tmp_path.resolve() in contained_path(tmp_path, doc_id).parents


def test_corpus_duplicate_doc_id_is_skipped_with_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("NATO met Belarus.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Russia met China.", encoding="utf-8")
    articles, warnings = _read(tmp_path)
    assert [a.text for a in articles] == ["Russia met China."]
    assert "already read" in warnings[0].problem


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><p>&lol9;</p></body></html>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_corpus_billion_laughs_is_refused_quickly(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "bomb.html").write_bytes(BILLION_LAUGHS.decode().encode(encoding))
    (tmp_path / "good.txt").write_text("Belarus and NATO held talks.", encoding="utf-8")
    started = time.perf_counter()
    articles, warnings = _read(tmp_path)
    assert time.perf_counter() - started < 1.0
    assert [a.doc_id for a in articles] == ["good"]
    assert warnings[0].path.endswith("bomb.html") and "<!ENTITY" in warnings[0].problem


def test_corpus_external_entity_does_not_read_a_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.key"
    secret.write_text("TOP-SECRET-7731", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    payload = (f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file://{secret}">]>'
               "<html><body><article><p>Leak: &xxe; Belarus and NATO held talks in Minsk on Monday.</p>"
               "</article></body></html>")
    (corpus / "xxe.html").write_text(payload, encoding="utf-8")
    (corpus / "xxe.jsonl").write_text(json.dumps({"text": payload}), encoding="utf-8")
    items = list(read_corpus(corpus))
    assert all("TOP-SECRET" not in (getattr(i, "text", "") + str(i)) for i in items)
    assert [i.path.rsplit("/", 1)[-1] for i in items if isinstance(i, CorpusWarning)] == ["xxe.html"]
    # A record's text is plain text, never parsed as markup: the entity reference stays literal.
    assert [i.text.count("&xxe;") for i in items if isinstance(i, Article)] == [1]


def test_corpus_html_parser_itself_does_not_expand_entities() -> None:
    """Defence in depth: even past the <!ENTITY screen, the HTML parser does not expand or fetch."""
    from lxml import html

    from graphbuild.corpus import _visible_text

    parser = html.HTMLParser(no_network=True, huge_tree=False)
    started = time.perf_counter()
    tree = html.document_fromstring(BILLION_LAUGHS, parser=parser)
    assert time.perf_counter() - started < 1.0
    assert "lollol" not in _visible_text(tree)


def test_corpus_numeric_and_boolean_dates_in_records_warn_or_parse(tmp_path) -> None:
    from graphbuild.corpus import read_corpus
    from graphbuild.errors import CorpusWarning
    from graphbuild.model import Article

    lines = [{"id": "ymd", "text": "Russia warned Ukraine.", "date": 20190412},
             {"id": "epoch", "text": "Russia warned Ukraine.", "date": 1555027200},
             {"id": "bool", "text": "Russia warned Ukraine.", "date": True},
             {"id": "small", "text": "Russia warned Ukraine.", "date": 7},
             {"id": "list", "text": "Russia warned Ukraine.", "date": [2019], "title": 12}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    items = list(read_corpus(tmp_path))
    dates = {a.doc_id: a.date for a in items if isinstance(a, Article)}
    assert dates == {"feed/ymd": "2019-04-12", "feed/epoch": "2019-04-12", "feed/bool": None, "feed/small": None,
                     "feed/list": None}
    warned = sorted(w.path.rsplit(":", 1)[1] for w in items if isinstance(w, CorpusWarning))
    assert warned == ["3", "4", "5"]
    assert all("is not a date" in w.problem and w.path.startswith(str(tmp_path / "feed.jsonl"))
               for w in items if isinstance(w, CorpusWarning))
