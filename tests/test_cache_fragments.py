"""Per-document RDF fragments cached beside the extraction entries: reuse, invalidation, and forgery."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import graphbuild.orchestration.cache as cache_mod
import graphbuild.rdf.stream as stream_mod
from graphbuild.config import Config
from graphbuild.orchestration.build import build
from graphbuild.orchestration.cache import CACHE_DIR, KEY_FILE, FragmentStore
from graphbuild.rdf.sample import sample_records
from graphbuild.rdf.stream import stream_graph

GRAPH_FILES = ("graph.ttl", "graph.trig")
DOCS = {"a": "Nato met Belarus.", "b": "Russia backs Serbia.", "c": "China aids Laos."}


@pytest.fixture(autouse=True)
def outputs_always_written(monkeypatch) -> None:
    """These tests rebuild unchanged corpora to watch the fragments: never keep the outputs of the last build
    (graphbuild.orchestration.incremental would, and no fragment would be read)."""
    from graphbuild.orchestration.incremental import OutputManifest

    monkeypatch.setattr(OutputManifest, "unchanged", lambda self, digest: None)


@pytest.fixture
def made(monkeypatch) -> list[str]:
    """Doc ids whose fragment was made (not read from the cache) in this test."""
    calls: list[str] = []
    real = stream_mod.document_fragment

    def counting(article, mentions, relations):
        calls.append(article.doc_id)
        return real(article, mentions, relations)

    monkeypatch.setattr(stream_mod, "document_fragment", counting)
    return calls


def _config(tmp_path: Path, **changes) -> Config:
    corpus = tmp_path / "c"
    if not corpus.exists():
        corpus.mkdir()
        for name, text in DOCS.items():
            (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    return Config(corpus=corpus, output=tmp_path / "out", formats=("turtle", "trig"), **changes)


def _graphs(config: Config) -> dict[str, bytes]:
    return {name: (Path(config.output) / name).read_bytes() for name in GRAPH_FILES}


def _fragment_files(config: Config) -> list[Path]:
    return sorted((Path(config.output) / CACHE_DIR / "docs").glob("*/*.rdf"))


def test_cache_fragments_rebuild_reuses_every_fragment_and_writes_the_same_bytes(
        tmp_path: Path, fake_pipeline, made) -> None:
    config = _config(tmp_path)
    build(config)
    first = _graphs(config)
    assert sorted(made) == ["a", "b", "c"] and len(_fragment_files(config)) == 3
    result = build(config)
    assert sorted(made) == ["a", "b", "c"]  # nothing made again
    assert _graphs(config) == first and result.warnings == []


def test_cache_fragments_changed_document_remakes_its_fragment_only(tmp_path: Path, fake_pipeline, made) -> None:
    config = _config(tmp_path)
    build(config)
    (Path(config.corpus) / "b.txt").write_text("Russia backs Hungary.", encoding="utf-8")
    (Path(config.corpus) / "c.txt").unlink()
    build(config)
    assert made[3:] == ["b"]
    assert len(_fragment_files(config)) == 2  # c's fragment was pruned with its entry
    assert b"hungary" in (Path(config.output) / "graph.ttl").read_bytes()


def test_cache_fragments_follow_the_records_not_the_extraction(tmp_path: Path, fake_pipeline, made) -> None:
    # min_confidence drops relations at merge: the fragments are of the records written, not of the cache entry
    config = _config(tmp_path)
    build(config)
    strict = _config(tmp_path, min_confidence=0.9)
    build(strict)
    assert sorted(made[3:]) == ["a", "b", "c"]
    assert b"RelationAssertion" not in (Path(strict.output) / "graph.ttl").read_bytes()
    build(config)
    assert b"RelationAssertion" in (Path(config.output) / "graph.ttl").read_bytes()


def test_cache_fragments_another_writer_version_remakes_them_silently(
        tmp_path: Path, fake_pipeline, made, monkeypatch) -> None:
    config = _config(tmp_path)
    build(config)
    monkeypatch.setattr(cache_mod, "rdf_version", lambda: "0.0.0+another-writer")
    result = build(config)
    assert sorted(made) == ["a", "a", "b", "b", "c", "c"] and result.warnings == []


def test_cache_fragments_full_build_reads_none(tmp_path: Path, fake_pipeline, made) -> None:
    config = _config(tmp_path)
    build(config)
    build(config, full=True)
    assert len(made) == 6


def _edit(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new))


def test_cache_fragments_edited_fragment_is_reported_and_remade(tmp_path: Path, fake_pipeline, made) -> None:
    config = _config(tmp_path)
    build(config)
    clean = _graphs(config)
    target = next(p for p in _fragment_files(config) if b"Nato met Belarus." in p.read_bytes())
    _edit(target, b"Nato met Belarus.", b"Nato attacked Belarus.")
    result = build(config)
    assert _graphs(config) == clean and made[3:] == ["a"]
    assert [w.path for w in result.warnings] == [str(target)]
    assert "does not verify" in result.warnings[0].problem


def test_cache_fragments_forged_with_another_key_are_rejected(tmp_path: Path, fake_pipeline, made) -> None:
    # Someone who can write the cache but not read the key: a fragment made with their own key does not verify.
    config = _config(tmp_path)
    build(config)
    clean = _graphs(config)
    forger = FragmentStore(tmp_path / "forger")
    target = next(p for p in _fragment_files(config) if b"Nato met Belarus." in p.read_bytes())
    header, _, body = target.read_bytes().partition(b"\n")
    fields = json.loads(header)
    forged = body.replace(b"Nato met Belarus.", b"Nato invaded Belarus.")
    fields["mac"] = forger._mac(fields, forged)
    target.write_bytes(json.dumps(fields, sort_keys=True).encode() + b"\n" + forged)
    result = build(config)
    assert _graphs(config) == clean and b"invaded" not in (Path(config.output) / "graph.ttl").read_bytes()
    assert "does not verify" in result.warnings[0].problem


def _key(config: Config) -> Path:
    return Path(config.output) / CACHE_DIR / KEY_FILE


def test_cache_fragments_key_is_private_to_the_user(tmp_path: Path, fake_pipeline) -> None:
    config = _config(tmp_path)
    build(config)
    info = _key(config).stat()
    assert info.st_mode & 0o777 == 0o600 and info.st_uid == os.geteuid() and info.st_size == 32


@pytest.mark.parametrize("spoil, problem", [
    (lambda key, tmp: key.chmod(0o644), "can be read or written by other users"),
    (lambda key, tmp: (key.unlink(), key.symlink_to(tmp / "elsewhere")), "is a symbolic link"),
    (lambda key, tmp: key.write_bytes(b"short"), "is not a key"),
])
def test_cache_fragments_a_key_others_could_know_is_replaced(tmp_path: Path, fake_pipeline, made, spoil,
                                                               problem) -> None:
    config = _config(tmp_path)
    build(config)
    clean = _graphs(config)
    (tmp_path / "elsewhere").write_bytes(b"x" * 32)
    old_key = _key(config).read_bytes() if not _key(config).is_symlink() else None
    spoil(_key(config), tmp_path)
    result = build(config)
    assert any(problem in w.problem and "every RDF fragment is rebuilt" in w.problem for w in result.warnings)
    assert len(made) == 6 and _graphs(config) == clean  # every fragment remade, none read
    assert _key(config).stat().st_mode & 0o777 == 0o600 and _key(config).read_bytes() != old_key
    assert (tmp_path / "elsewhere").read_bytes() == b"x" * 32  # a link's target is never written


def test_cache_fragments_key_of_another_user_is_replaced(tmp_path: Path, fake_pipeline, made, monkeypatch) -> None:
    config = _config(tmp_path)
    build(config)
    uid = os.geteuid()
    monkeypatch.setattr(cache_mod.os, "geteuid", lambda: uid + 1)
    result = build(config)
    assert any("belongs to another user" in w.problem for w in result.warnings) and len(made) == 6


def test_cache_fragments_store_round_trip_keeps_lines_with_line_separators(tmp_path: Path) -> None:
    # U+2028 in a literal is one N-Triples line, not two (str.splitlines would break it)
    articles, entities, mentions, relations = sample_records()
    article = articles[0].__class__("odd", "", title="one\u2028two\x85three")
    store = FragmentStore(tmp_path)
    made = store.fragment(article, [], [])
    again = FragmentStore(tmp_path)
    assert again.fragment(article, [], []) == made and (again.reused, again.made) == (1, 0)
    assert any("one\u2028two" in line for line in made.default)


def test_cache_fragments_whole_graph_from_the_store_equals_the_stream(tmp_path: Path) -> None:
    records = sample_records()
    first = FragmentStore(tmp_path)
    made = stream_graph(*records, fragment=first.fragment)
    second = FragmentStore(tmp_path)
    reused = stream_graph(*records, fragment=second.fragment)
    assert reused == made == stream_graph(*records)
    assert second.reused == first.made == 3 and second.made == 0
