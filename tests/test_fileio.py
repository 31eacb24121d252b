"""Safe output: atomic writes, output lock, contained paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.errors import GraphbuildError
from graphbuild.fileio import atomic_write_text, contained_path, output_lock


def test_fileio_atomic_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_fileio_second_lock_on_same_output_is_refused(tmp_path: Path) -> None:
    with output_lock(tmp_path):
        with pytest.raises(GraphbuildError, match="another graphbuild process is writing"):
            with output_lock(tmp_path):
                pass


@pytest.mark.parametrize("bad", ["../../etc/x", "/etc/passwd", "a/../../b"])
def test_fileio_contained_path_refuses_escapes(tmp_path: Path, bad: str) -> None:
    with pytest.raises(GraphbuildError, match="outside"):
        contained_path(tmp_path, bad)


def test_fileio_contained_path_allows_nested(tmp_path: Path) -> None:
    assert contained_path(tmp_path, "docs/a.ttl") == (tmp_path / "docs" / "a.ttl").resolve()


@pytest.mark.parametrize("target", ["missing-start-up-file", "existing.txt"])
def test_fileio_lock_refuses_a_planted_symlink(tmp_path: Path, target: str) -> None:
    victim = tmp_path / target
    if target == "existing.txt":
        victim.write_text("keep\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".graphbuild.lock").symlink_to(victim)
    with pytest.raises(GraphbuildError, match="is a symbolic link"):
        with output_lock(out):
            pass
    assert (victim.read_text(encoding="utf-8") == "keep\n") if target == "existing.txt" else not victim.exists()


def test_fileio_lock_file_is_created_as_a_regular_file(tmp_path: Path) -> None:
    with output_lock(tmp_path / "out"):
        lock = tmp_path / "out" / ".graphbuild.lock"
        assert lock.is_file() and not lock.is_symlink()
