"""Corpus reading: doc ids, decoding, bad files, boilerplate, sanitising."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.corpus import read_corpus, sanitize, strip_boilerplate
from graphbuild.errors import CorpusError, CorpusWarning
from graphbuild.model import Article


def _read(root: Path) -> tuple[list[Article], list[CorpusWarning]]:
    items = list(read_corpus(root))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, CorpusWarning)]


def test_corpus_doc_ids_are_relative_paths_without_extension(tmp_path: Path) -> None:
    (tmp_path / "europe").mkdir()
    (tmp_path / "europe" / "minsk.txt").write_text("Minsk talks with NATO.", encoding="utf-8")
    (tmp_path / "note.md").write_text("Belarus and Russia.", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("a,b", encoding="utf-8")
    articles, warnings = _read(tmp_path)
    assert [a.doc_id for a in articles] == ["europe/minsk", "note"]
    assert warnings == []


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n ", "file is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_corpus_bad_file_warns_and_rest_is_read(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("The EU sanctioned Russia.", encoding="utf-8")
    articles, warnings = _read(tmp_path)
    assert [a.doc_id for a in articles] == ["good"]
    assert len(warnings) == 1
    assert warnings[0].path.endswith(name)
    assert problem in warnings[0].problem


def test_corpus_latin1_file_is_read_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Le président de la République à Paris.".encode("latin-1"))
    articles, warnings = _read(tmp_path)
    assert articles[0].text.startswith("Le président")
    assert "not valid UTF-8" in warnings[0].problem and warnings[0].path.endswith("latin.txt")


def test_corpus_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes("Kyiv and Warsaw agreed.".encode("utf-16"))
    articles, warnings = _read(tmp_path)
    assert articles[0].text == "Kyiv and Warsaw agreed." and warnings == []


def test_corpus_missing_root_raises_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        list(read_corpus(tmp_path / "nope"))


def test_corpus_oversized_file_is_skipped_with_warning(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    items = list(read_corpus(tmp_path, max_bytes=1000))
    assert len(items) == 1 and isinstance(items[0], CorpusWarning)
    assert "over the limit" in items[0].problem


def test_corpus_front_matter_sets_metadata_and_offsets_index_the_body(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Talks\ndate: 2024-03-01\n---\nNATO met Belarus.", encoding="utf-8")
    (article,), _ = _read(tmp_path)
    assert (article.title, article.date, article.text) == ("Talks", "2024-03-01", "NATO met Belarus.")


def test_corpus_footer_boilerplate_is_cut() -> None:
    body = "Belarus and NATO held talks.\n" * 5
    text = body + "Show More\n\nRelated Articles\n\nLeave a Reply\nBack to top button"
    assert strip_boilerplate(text) == body.rstrip()


def test_corpus_sanitize_keeps_length_and_blanks_controls_and_punctuation_runs() -> None:
    text = "A\x00B\u200bC" + "!" * 8000 + "D"
    clean = sanitize(text)
    assert len(clean) == len(text)
    assert "\x00" not in clean and "\u200b" not in clean
    assert clean.count("!") == 3


def test_corpus_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "a.txt").write_text("Armenia and the CSTO.", encoding="utf-8")
    articles, _ = _read(tmp_path)
    assert [a.doc_id for a in articles] == ["sub/a"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Minsk looks west\n\nMINSK, 12 April 2019 — Belarus wants dialogue.", "2019-04-12"),
        ("WASHINGTON, April 12, 2019 (AP) - The US said.", "2019-04-12"),
        ("NEW DELHI, 19 December 2024 — India and China agreed.", "2024-12-19"),
        ("MINSK, 31 February 2019 — an impossible date.", None),
        ("Talks in Minsk on 12 April 2019 went well.", None),
    ],
)
def test_corpus_dateline_gives_the_article_date(tmp_path: Path, text: str, date: str | None) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,), _ = _read(tmp_path)
    assert article.date == date


def test_corpus_front_matter_date_wins_over_dateline(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ndate: 2025-01-29\n---\nABUJA, 3 March 2020 — text.", encoding="utf-8")
    (article,), _ = _read(tmp_path)
    assert article.date == "2025-01-29"
