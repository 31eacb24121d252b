"""Incremental builds: the per-document cache, its keys, and corrupt or tampered entries."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import graphbuild.orchestration.cache as cache_mod
from graphbuild.orchestration.cache import CACHE_DIR, DocCache, dump_entry, load_entry, result_from_json, result_to_json
from graphbuild.config import Config
from graphbuild.model import Article, DocResult
from graphbuild.orchestration.extract_corpus import run_extraction
from tests.conftest import support_between_first_and_last_word

def _corpus(root: Path, docs: dict[str, str]) -> Path:
    root.mkdir(exist_ok=True)
    for name, text in docs.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def _relations(run) -> set[tuple[str, str, str]]:
    return {(r.doc_id, r.subject, r.object) for res in run.results for r in res.relations}


def test_cache_docresult_json_round_trip() -> None:
    result = support_between_first_and_last_word(Article("a/b", "Iran warns Israel.", "x.txt", "T", "2024-01-02"))
    result = DocResult(result.article, result.mentions, result.relations, result.new_entities, ("note",))
    assert result_from_json(json.loads(json.dumps(result_to_json(result)))) == result


def test_cache_unchanged_rebuild_does_not_load_the_model(tmp_path: Path, fake_pipeline) -> None:
    config = Config(corpus=_corpus(tmp_path / "c", {"a": "NATO met Belarus.", "b": "Russia backs Serbia."}),
                    output=tmp_path / "out")
    first = run_extraction(config)
    assert (first.summary.built, first.summary.from_cache, fake_pipeline) == (2, 0, [config.model])
    second = run_extraction(config)
    assert (second.summary.built, second.summary.from_cache, second.summary.model_loaded) == (0, 2, False)
    assert fake_pipeline == [config.model] and second.results == first.results


def test_cache_added_changed_and_deleted_documents(tmp_path: Path, fake_pipeline) -> None:
    corpus = _corpus(tmp_path / "c", {"a": "NATO met Belarus.", "b": "Russia backs Serbia.", "c": "China aids Laos."})
    config = Config(corpus=corpus, output=tmp_path / "out")
    run_extraction(config)
    (corpus / "b.txt").write_text("Russia backs Hungary.", encoding="utf-8")  # changed
    (corpus / "c.txt").unlink()  # deleted
    (corpus / "d.txt").write_text("Japan aids Philippines.", encoding="utf-8")  # added
    run = run_extraction(config)
    assert sorted(fake_pipeline.calls[3:]) == ["b", "d"]  # the second build extracts only these
    assert (run.summary.built, run.summary.from_cache, run.summary.removed) == (2, 1, 1)
    assert _relations(run) == {("a", "org/nato", "org/belarus"), ("b", "org/russia", "org/hungary"),
                               ("d", "org/japan", "org/philippines")}
    assert len(list((tmp_path / "out" / CACHE_DIR / "docs").glob("*/*.json"))) == 3


def test_cache_metadata_change_is_a_change(tmp_path: Path, fake_pipeline) -> None:
    corpus = _corpus(tmp_path / "c", {})
    (corpus / "a.md").write_text("---\ndate: 2024-01-01\n---\nNATO met Belarus.", encoding="utf-8")
    config = Config(corpus=corpus, output=tmp_path / "out")
    run_extraction(config)
    (corpus / "a.md").write_text("---\ndate: 2024-02-01\n---\nNATO met Belarus.", encoding="utf-8")
    assert run_extraction(config).summary.built == 1


def test_cache_version_change_reextracts_everything(tmp_path: Path, fake_pipeline, monkeypatch) -> None:
    config = Config(corpus=_corpus(tmp_path / "c", {"a": "NATO met Belarus.", "b": "Russia backs Serbia."}),
                    output=tmp_path / "out")
    run_extraction(config)
    monkeypatch.setattr(cache_mod, "lexicon_version", lambda layers=None: "a-new-lexicon")
    assert run_extraction(config).summary.built == 2
    monkeypatch.setattr(cache_mod, "pipeline_version", lambda model: "other-model==9")
    assert run_extraction(config).summary.built == 2
    assert run_extraction(config).summary.built == 0


def test_cache_full_forces_reextraction(tmp_path: Path, fake_pipeline) -> None:
    config = Config(corpus=_corpus(tmp_path / "c", {"a": "NATO met Belarus."}), output=tmp_path / "out")
    run_extraction(config)
    assert run_extraction(config, full=True).summary.built == 1


def _entry(tmp_path: Path, doc_id: str) -> Path:
    return DocCache(tmp_path / "out").path_for(doc_id)


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda raw: raw[: len(raw) // 2], "not valid JSON"),
        (lambda raw: raw.replace(b"Belarus", b"Belaruz"), "checksum mismatch"),
        (lambda raw: b"\x00\xff" * 10, "not valid JSON"),
        (lambda raw: b"[]", "not a format-1 cache entry"),
    ],
)
def test_cache_corrupt_entry_is_detected_and_rebuilt(tmp_path: Path, fake_pipeline, damage, problem) -> None:
    config = Config(corpus=_corpus(tmp_path / "c", {"a": "NATO met Belarus.", "b": "Russia backs Serbia."}),
                    output=tmp_path / "out")
    first = run_extraction(config)
    path = _entry(tmp_path, "a")
    path.write_bytes(damage(path.read_bytes()))
    run = run_extraction(config)
    assert (run.summary.built, run.summary.from_cache) == (1, 1)
    assert run.results == first.results
    assert any(problem in w.problem and w.path == str(path) for w in run.warnings)
    assert run_extraction(config).summary.built == 0  # the rebuilt entry is good again


def test_cache_tampered_entry_with_valid_checksum_but_bad_types_is_rejected(tmp_path: Path, fake_pipeline) -> None:
    config = Config(corpus=_corpus(tmp_path / "c", {"a": "NATO met Belarus."}), output=tmp_path / "out")
    run_extraction(config)
    path = _entry(tmp_path, "a")
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["result"]["relations"][0]["confidence"] = {"__reduce__": "os.system"}
    payload = json.dumps(entry["result"], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    import hashlib

    entry["sha256"] = hashlib.sha256(payload.encode()).hexdigest()
    path.write_text(json.dumps(entry), encoding="utf-8")
    with pytest.raises(cache_mod.CacheEntryError, match="confidence: expected float"):
        load_entry(path.read_bytes())
    run = run_extraction(config)
    assert run.summary.built == 1 and any("confidence" in w.problem for w in run.warnings)


def test_cache_entries_are_json_not_pickle(tmp_path: Path) -> None:
    result = support_between_first_and_last_word(Article("x", "Iran warns Israel."))
    text = dump_entry("k", result)
    assert json.loads(text)["key"] == "k" and load_entry(text.encode())["result"] == result


def test_cache_entry_path_stays_inside_cache_for_hostile_doc_ids(tmp_path: Path) -> None:
    cache = DocCache(tmp_path / "out")
    for doc_id in ("../../etc/x", "/abs", "a/../../b", "\x00", "é" * 500):
        assert (tmp_path / "out" / CACHE_DIR).resolve() in cache.path_for(doc_id).parents


@pytest.mark.model
def test_cache_unchanged_rebuild_does_not_import_spacy(tmp_path: Path) -> None:
    """A second build in a fresh process takes everything from the cache without importing spaCy."""
    import subprocess
    import sys

    corpus = _corpus(tmp_path / "c", {"a": "NATO and Belarus held talks in Minsk.",
                                      "b": "Russia criticised Poland over the border."})
    script = (
        "import sys, json\n"
        "from graphbuild.config import Config\n"
        "from graphbuild.orchestration.extract_corpus import run_extraction\n"
        f"run = run_extraction(Config(corpus={str(corpus)!r}, output={str(tmp_path / 'out')!r}))\n"
        "print(json.dumps([run.summary.built, run.summary.from_cache, 'spacy' in sys.modules]))\n"
    )
    outputs = [json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                         check=True).stdout) for _ in range(2)]
    assert outputs == [[2, 0, True], [0, 2, False]]


def test_cache_prune_never_follows_symlinks_out_of_the_cache(tmp_path: Path, fake_pipeline) -> None:
    project = tmp_path / "project" / "app"
    project.mkdir(parents=True)
    (project / "package.json").write_text('{"name": "app"}', encoding="utf-8")
    (project / ".keep.tmp").write_text("x", encoding="utf-8")
    victim = tmp_path / "victim.json"
    victim.write_text("precious", encoding="utf-8")
    config = Config(corpus=_corpus(tmp_path / "c", {"a": "NATO met Belarus.", "b": "Russia backs Serbia."}),
                    output=tmp_path / "out")
    run_extraction(config)
    docs = tmp_path / "out" / CACHE_DIR / "docs"
    (docs / "zz").symlink_to(project)                       # a planted shard folder
    (docs / "ab").mkdir(exist_ok=True)
    (docs / "ab" / "0123.json").symlink_to(victim)          # a planted entry file
    entry_a = _entry(tmp_path, "a")
    entry_a.unlink()
    entry_a.symlink_to(victim)                              # a planted link where a live entry belongs
    run = run_extraction(config)
    assert (project / "package.json").read_text(encoding="utf-8") == '{"name": "app"}'
    assert (project / ".keep.tmp").exists()
    assert victim.read_text(encoding="utf-8") == "precious"
    assert run.summary.built == 1 and run.summary.from_cache == 1
    assert any("symbolic link" in w.problem and w.path == str(entry_a) for w in run.warnings)
    assert not (docs / "zz").exists() and not (docs / "ab" / "0123.json").is_symlink()
    assert not entry_a.is_symlink() and run_extraction(config).summary.built == 0


def test_cache_linked_cache_folder_is_not_used(tmp_path: Path, fake_pipeline) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "aa").mkdir(parents=True)
    (elsewhere / "aa" / "package.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    (out / CACHE_DIR).mkdir(parents=True)
    (out / CACHE_DIR / "docs").symlink_to(elsewhere)
    config = Config(corpus=_corpus(tmp_path / "c", {"a": "NATO met Belarus."}), output=out)
    for _ in range(2):
        run = run_extraction(config)
        assert run.summary.built == 1
        assert any("cache folder is a symbolic link" in w.problem for w in run.warnings)
    assert sorted(p.relative_to(elsewhere).as_posix() for p in elsewhere.rglob("*")) == ["aa", "aa/package.json"]


def test_cache_non_utf8_file_name_is_a_warning_and_the_rest_is_built(tmp_path: Path, fake_pipeline) -> None:
    corpus = _corpus(tmp_path / "c", {"good": "NATO met Belarus."})
    bad = os.fsdecode(os.fsencode(corpus) + b"/caf\xe9.txt")
    Path(bad).write_text("Russia backs Serbia.", encoding="utf-8")
    config = Config(corpus=corpus, output=tmp_path / "out")
    run = run_extraction(config)
    assert sorted(r.article.doc_id for r in run.results) == ["caf\\xe9", "good"]
    (warning,) = [w for w in run.warnings if "not valid UTF-8" in w.problem]
    assert warning.path == str(corpus) + "/caf\\xe9.txt"
    assert run_extraction(config).summary.built == 0  # cached under a key that encodes


def _forge(path: Path, edit) -> None:
    """Edit a cache entry as an attacker would, recomputing its checksum."""
    import hashlib

    entry = json.loads(path.read_text(encoding="utf-8"))
    edit(entry["result"])
    payload = json.dumps(entry["result"], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    entry["sha256"] = hashlib.sha256(payload.encode()).hexdigest()
    path.write_text(json.dumps(entry), encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda r: r["relations"].append({**r["relations"][0], "subject": "country/FRA", "relation": "assault",
                                          "object": "country/USA", "sentence": "France assault USA."}),
         "not in the article"),
        (lambda r: r["relations"][0].update(subject="country/FRA", object="country/USA"), "does not mention"),
        (lambda r: r["mentions"][0].update(text="France", entity_id="country/FRA"), "not in the article"),
        (lambda r: r["mentions"][0].update(start=10_000, end=10_006), "not in the article"),
    ],
)
def test_cache_forged_entry_with_recomputed_checksum_is_rejected(tmp_path: Path, fake_pipeline, edit,
                                                                  problem) -> None:
    config = Config(corpus=_corpus(tmp_path / "c", {"a": "NATO met Belarus."}), output=tmp_path / "out")
    first = run_extraction(config)
    _forge(_entry(tmp_path, "a"), edit)
    run = run_extraction(config)
    assert run.summary.built == 1
    assert any(problem in w.problem for w in run.warnings), run.warnings
    assert _relations(run) == _relations(first)
    assert not any(r.subject == "country/FRA" for res in run.results for r in res.relations)


def test_cache_output_folder_inside_the_corpus_is_not_read_back(tmp_path: Path, fake_pipeline) -> None:
    corpus = _corpus(tmp_path / "c", {"a": "NATO met Belarus."})
    out = corpus / "out"
    config = Config(corpus=corpus, output=out)
    first = run_extraction(config)
    (out / "report.md").write_text("Russia backs Serbia.", encoding="utf-8")      # what a build leaves there
    (out / "changelog.md").write_text("China met India.", encoding="utf-8")
    older = corpus / "old-build"                                                   # another build's output
    older.mkdir()
    (older / ".graphbuild.lock").touch()
    (older / "report.md").write_text("Iran warns Israel.", encoding="utf-8")
    run = run_extraction(config)
    assert [r.article.doc_id for r in run.results] == [r.article.doc_id for r in first.results] == ["a"]
    notes = {w.path: w.problem for w in run.warnings}
    assert notes[str(out)] == "the output folder of this build; not read as part of the corpus"
    assert notes[str(older)] == "a graphbuild output folder; not read as part of the corpus"


def test_cache_source_files_lists_the_rdf_writer_and_refuses_missing_names() -> None:
    def names(sources):
        return {p.relative_to(cache_mod.PACKAGE_DIR).as_posix() for p in cache_mod.source_files(sources)}

    assert {"orchestration/extractor.py", "relations/patterns.py"} <= names(cache_mod.EXTRACTION_SOURCES)
    assert {"rdf/stream.py", "rdf/io.py", "model.py"} <= names(cache_mod.RDF_SOURCES)
    with pytest.raises(ValueError, match="no such module"):
        cache_mod.source_files(["extract.py"])  # the name before the move into orchestration/


def test_cache_code_version_hashes_every_extraction_source() -> None:
    missing = [n for n in cache_mod.EXTRACTION_SOURCES if not (cache_mod.PACKAGE_DIR / n).exists()]
    assert not missing, f"extraction sources not found (the cache key would ignore edits to them): {missing}"
    assert (cache_mod.PACKAGE_DIR / "relations" / "learned.py").is_file()


def test_cache_extraction_sources_cover_every_module_the_extraction_imports() -> None:
    # A module the extractor imports but the cache key does not hash (graphbuild/anaphora.py was one) lets an
    # edit to it leave stale entries in every output folder.
    import ast

    pkg = cache_mod.PACKAGE_DIR
    hashed = {p.relative_to(pkg).as_posix() for p in cache_mod.source_files(cache_mod.EXTRACTION_SOURCES)}
    todo, reached = list(hashed), set()
    while todo:
        for node in ast.walk(ast.parse((pkg / todo.pop()).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("graphbuild"):
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names if a.name.startswith("graphbuild")]
            else:
                continue
            for name in names:
                base = pkg.joinpath(*name.split(".")[1:])
                path = base / "__init__.py" if (base / "__init__.py").is_file() else base.with_suffix(".py")
                rel = path.relative_to(pkg).as_posix()
                if path.is_file() and rel not in reached:
                    reached.add(rel)
                    if rel not in cache_mod.NOT_EXTRACTION:
                        todo.append(rel)
    assert reached - hashed - set(cache_mod.NOT_EXTRACTION) == set()


def test_cache_load_reads_a_result_again_without_the_article(tmp_path: Path, fake_pipeline) -> None:
    config = Config(corpus=_corpus(tmp_path / "c", {"a": "NATO met Belarus.", "b": "Russia backs Serbia."}),
                    output=tmp_path / "out")
    run = run_extraction(config)
    cache, versions = DocCache(config.output), cache_mod.Versions.current(
        config.model, run.gazetteer.version, None)
    (article,) = [s.article for s in run.summaries if s.doc_id == "a"]
    assert article.text == ""  # summaries keep no text
    key = load_entry(cache.path_for("a").read_bytes())["key"]
    assert key == cache_mod.article_key(run.results[0].article, versions)
    assert cache.load("a", key, versions) == run.results[0]
    assert cache.load("a", "0" * 64, versions) is None and not cache.problems  # another key: a miss
    # An entry for another article under this article's key (checksum recomputed) does not verify.
    other = support_between_first_and_last_word(Article("a", "Iran warns Israel.", str(tmp_path / "c" / "a.txt")))
    cache.path_for("a").write_text(dump_entry(key, other), encoding="utf-8")
    assert cache.load("a", key, versions) is None
    assert "does not match its article" in cache.problems[-1].problem
