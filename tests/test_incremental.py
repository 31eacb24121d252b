"""Incremental outputs: a rebuild where nothing changed keeps every output and writes only its changelog."""

from __future__ import annotations

import json
from pathlib import Path

from graphbuild.config import Config
from graphbuild.orchestration.build import build
from graphbuild.orchestration.incremental import MANIFEST, OutputManifest, inputs_digest


def _corpus(root: Path) -> Path:
    root.mkdir()
    for name, text in {"a": "NATO met Belarus.", "b": "Russia backs Serbia.", "c": "China aids Laos."}.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def _stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file() and not p.name.startswith("change")
            and p.name != "snapshot.json"}


def test_incremental_unchanged_rebuild_keeps_every_output(tmp_path: Path, fake_pipeline) -> None:
    config = Config(corpus=_corpus(tmp_path / "c"), output=tmp_path / "out")
    first = build(config)
    assert not first.unchanged and (tmp_path / "out" / ".cache" / MANIFEST).is_file()
    before = _stamps(config.output)
    second = build(config)
    assert second.unchanged and second.records is None and second.summary.unchanged
    assert (second.documents, second.relations, second.entities) == (first.documents, first.relations, first.entities)
    assert _stamps(config.output) == before  # no output file written again
    assert fake_pipeline == [config.model] and fake_pipeline.calls == ["a", "b", "c"]  # nothing extracted again
    changes = json.loads((config.output / "changelog.json").read_text(encoding="utf-8"))
    assert not changes["first_build"] and changes["relations"] == {"added": [], "removed": []}


def test_incremental_changed_document_setting_or_output_file_writes_again(tmp_path: Path, fake_pipeline) -> None:
    corpus = _corpus(tmp_path / "c")
    config = Config(corpus=corpus, output=tmp_path / "out")
    build(config)
    relations = (config.output / "relations.csv").read_text(encoding="utf-8")
    (config.output / "relations.csv").write_text("edited\n", encoding="utf-8")
    assert not build(config).unchanged  # an output that is not the one written is written again
    assert (config.output / "relations.csv").read_text(encoding="utf-8") == relations
    (config.output / "graph.html").unlink()
    assert not build(config).unchanged and (config.output / "graph.html").is_file()
    assert not build(config.with_overrides(title="Another title")).unchanged  # a setting of the outputs
    (corpus / "b.txt").write_text("Russia backs Hungary.", encoding="utf-8")
    changed = build(config)
    assert not changed.unchanged and fake_pipeline.calls[-1] == "b"
    assert [c[0] for c in changed.changelog.added_relations] == ["org/russia"]
    assert build(config).unchanged and not build(config, full=True).unchanged


def test_incremental_failed_document_is_tried_again(tmp_path: Path, fake_extraction) -> None:
    from tests.conftest import support_between_first_and_last_word

    def flaky(article):
        if article.doc_id == "b":
            raise RuntimeError("boom")
        return support_between_first_and_last_word(article)

    calls = fake_extraction(flaky)
    config = Config(corpus=_corpus(tmp_path / "c"), output=tmp_path / "out")
    assert build(config).summary.failed
    tried = calls.calls.count("b")
    assert not build(config).unchanged and calls.calls.count("b") > tried


def test_incremental_digest_covers_documents_and_output_settings(tmp_path: Path) -> None:
    config = Config(corpus=tmp_path, output=tmp_path / "out")
    keys = [("a", "k1"), ("b", "k2")]
    digest = inputs_digest(config, keys)
    assert inputs_digest(config, list(reversed(keys))) == digest  # order of reading does not matter
    assert inputs_digest(config.with_overrides(workers=4), keys) == digest  # nor the number of processes
    assert inputs_digest(config, [("a", "k1"), ("b", "k3")]) != digest
    assert inputs_digest(config.with_overrides(seed=1), keys) != digest
    assert inputs_digest(config.with_overrides(min_confidence=0.5), keys) != digest
    assert OutputManifest(tmp_path / "out").unchanged(digest) is None  # no build yet


def test_incremental_manifest_edited_by_someone_else_is_not_trusted(tmp_path: Path, fake_pipeline) -> None:
    from graphbuild.orchestration.incremental import file_digest

    config = Config(corpus=_corpus(tmp_path / "c"), output=tmp_path / "out")
    build(config)
    relations = (config.output / "relations.csv").read_text(encoding="utf-8")
    planted = config.output / "relations.csv"
    planted.write_text("doc_id,subject\nx,=HYPERLINK(\"http://evil\")\n", encoding="utf-8")
    manifest = config.output / ".cache" / MANIFEST
    record = json.loads(manifest.read_text(encoding="utf-8"))
    record["files"]["relations.csv"] = file_digest(planted)  # the hash of the planted file, without the key
    manifest.write_text(json.dumps(record), encoding="utf-8")
    assert not build(config).unchanged
    assert planted.read_text(encoding="utf-8") == relations


def test_incremental_rebuild_takes_unchanged_documents_summaries_from_the_sealed_file(
        tmp_path: Path, fake_pipeline, monkeypatch) -> None:
    from graphbuild.orchestration.cache import DocCache
    from graphbuild.orchestration.summaries import NAME

    corpus = _corpus(tmp_path / "c")
    config = Config(corpus=corpus, output=tmp_path / "out")
    first = build(config)
    parsed: list[str] = []
    real_get = DocCache.get
    monkeypatch.setattr(DocCache, "get", lambda self, a, k: parsed.append(a.doc_id) or real_get(self, a, k))
    (corpus / "b.txt").write_text("Russia backs Hungary.", encoding="utf-8")
    second = build(config)
    assert parsed == ["b"] and fake_pipeline.calls[-1] == "b"  # a and c: summaries, not entries
    assert "org/hungary" in second.records.entities and "org/serbia" not in second.records.entities
    assert (second.entities, second.mentions) == (first.entities, first.mentions)
    # An edited summaries file does not verify: every entry is read again (and the result is the same).
    summaries = config.output / ".cache" / NAME
    summaries.write_bytes(summaries.read_bytes().replace(b"Belarus", b"Belaruz"))
    (corpus / "c.txt").write_text("China aids Cambodia.", encoding="utf-8")
    parsed.clear()
    third = build(config)
    assert sorted(parsed) == ["a", "b", "c"] and (third.mentions, third.relations) == (second.mentions, 3)
    assert "org/cambodia" in third.records.entities
    # An entry that changed since its summary was sealed is read (and checked) again.
    entry = DocCache(config.output).path_for("a")
    entry.write_bytes(entry.read_bytes().replace(b'"sha256"', b'"sha256" '))
    (corpus / "c.txt").write_text("China aids Laos.", encoding="utf-8")
    parsed.clear()
    build(config)
    assert sorted(parsed) == ["a", "c"]
