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
