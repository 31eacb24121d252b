"""Changelog: actors and relations added and removed between builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.outputs.changelog import Snapshot, diff, load_snapshot, show, write_changelog
from graphbuild.config import Config
from graphbuild.errors import GraphbuildError
from graphbuild.orchestration.merge import merge_results
from graphbuild.orchestration.extract_corpus import run_extraction


def _build(config: Config):
    run = run_extraction(config)
    graph = merge_results(run.results, run.gazetteer)
    return write_changelog(config.output, graph)


def test_changelog_changed_and_deleted_documents_update_graph_and_changelog(tmp_path: Path, fake_pipeline) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Nato met Belarus.", encoding="utf-8")
    (corpus / "b.txt").write_text("Russia backs Serbia.", encoding="utf-8")
    config = Config(corpus=corpus, output=tmp_path / "out")
    first = _build(config)
    assert first.first_build and len(first.added_relations) == 2

    (corpus / "b.txt").write_text("Russia backs Hungary.", encoding="utf-8")  # changed
    (corpus / "a.txt").unlink()  # deleted
    (corpus / "c.txt").write_text("Japan aids Philippines.", encoding="utf-8")  # added
    changes = _build(config)
    assert fake_pipeline.calls[-2:] == ["b", "c"]
    assert not changes.first_build
    assert changes.added_relations == [("org/japan", "support", "org/philippines", False),
                                       ("org/russia", "support", "org/hungary", False)]
    assert changes.removed_relations == [("org/nato", "support", "org/belarus", False),
                                         ("org/russia", "support", "org/serbia", False)]
    assert [i for i, _ in changes.added_actors] == ["org/hungary", "org/japan", "org/philippines"]
    assert [i for i, _ in changes.removed_actors] == ["org/belarus", "org/nato", "org/serbia"]
    data = json.loads((tmp_path / "out" / "changelog.json").read_text(encoding="utf-8"))
    assert data["relations"]["added"][0]["subject_label"] == "Japan"
    text = show(tmp_path / "out")
    assert "## Relations removed" in text and "Russia support serbia" in text

    assert _build(config).empty  # nothing changed: an empty changelog
    assert "No actors or relations changed." in show(tmp_path / "out")


def test_changelog_diff_between_two_output_folders(tmp_path: Path) -> None:
    old = Snapshot({"country/BLR": "Belarus"}, frozenset({("country/BLR", "dependsOn", "country/RUS", False)}), 1, "t0")
    new = Snapshot({"country/RUS": "Russia"}, frozenset(), 1, "t1")
    for name, snap in (("old", old), ("new", new)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "snapshot.json").write_text(json.dumps(snap.to_json()), encoding="utf-8")
    changes = diff(tmp_path / "old", tmp_path / "new")
    assert changes.added_actors == [("country/RUS", "Russia")]
    assert changes.removed_actors == [("country/BLR", "Belarus")]
    assert changes.removed_relations == [("country/BLR", "dependsOn", "country/RUS", False)]
    assert "Belarus dependsOn Russia" in show(tmp_path / "new", against=tmp_path / "old")
    assert load_snapshot(tmp_path / "new" / "snapshot.json") == new


def test_changelog_errors_name_the_folder(tmp_path: Path) -> None:
    with pytest.raises(GraphbuildError, match="run graphbuild build first"):
        show(tmp_path)
    (tmp_path / "snapshot.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(GraphbuildError, match="not a graphbuild snapshot"):
        diff(None, tmp_path)


def test_changelog_markdown_neutralises_markup_in_names() -> None:
    snap = Snapshot({"person/x": "<img src=x onerror=alert(1)> [a](javascript:x)"}, frozenset(), 1, "t")
    text = diff(None, snap).markdown()
    import re

    assert re.search(r"(?<!\\)[<\[]", text) is None  # every < and [ is backslash-escaped
    assert "\\<img" in text


def _tampered(folder: Path, created: str, relation: str) -> Path:
    folder.mkdir()
    data = {"format": 1, "created": created, "documents": 1, "actors": {"country/BLR": "Belarus\x1b]0;pwned\x07"},
            "relations": [["country/BLR", relation, "country/BLR", False]]}
    (folder / "snapshot.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_changelog_tampered_snapshot_fields_are_escaped_or_refused(tmp_path: Path) -> None:
    payload = "<img src=x onerror=alert(1)>\x1b[2J[click](javascript:alert(1))"
    old = _tampered(tmp_path / "old", payload, "dependsOn")
    new = Snapshot({"country/RUS": "Russia"}, frozenset(), 1, "2026-01-01T00:00:00+00:00")
    text = diff(old, new).markdown()
    assert "\x1b" not in text and "\x07" not in text
    import re

    assert re.search(r"(?<!\\)<", text) is None, text  # no tag: every < is escaped
    assert re.search(r"(?<!\\)\]\(", text) is None, text  # no link: ]( is escaped
    assert "- previous: \\<img src=x onerror=alert\\(1\\)\\>" in text
    # A relation name is an ontology term: anything else makes the file "not a snapshot".
    bad = _tampered(tmp_path / "bad", "2026-01-01T00:00:00+00:00", "x](javascript:alert(1))")
    with pytest.raises(GraphbuildError, match="not a graphbuild snapshot .bad relation name"):
        diff(bad, new)
    # changelog.md itself, edited in a shared folder, reaches the terminal without escape sequences.
    (old / "changelog.md").write_text("# Changes\x1b[2J\x1b]0;pwned\x07\n- ok\n", encoding="utf-8")
    assert show(old) == "# Changes [2J ]0;pwned \n- ok\n"
