"""Progress feedback: a bar on a terminal, plain lines in CI, nothing when quiet; an end summary."""

from __future__ import annotations

import io

from graphbuild.errors import CorpusWarning
from graphbuild.orchestration.progress import BuildSummary, Progress


def _run(progress: Progress, total: int = 3) -> None:
    progress.start(total=total, cached=2)
    for i in range(total):
        progress.advance(failed=i == 1)
    progress.finish(BuildSummary(built=2, from_cache=2, failed=[CorpusWarning("b.txt", "extraction failed: boom")],
                                 model_loaded=True, seconds=1.5))


def test_progress_tty_draws_a_bar_with_rate_and_eta() -> None:
    stream = io.StringIO()
    _run(Progress(stream, tty=True))
    text = stream.getvalue()
    assert "\r[" in text and "docs/s" in text and "ETA" in text and "3/3 docs (100%)" in text
    assert "1 failed" in text


def test_progress_plain_lines_when_not_a_tty() -> None:
    stream = io.StringIO()
    _run(Progress(stream, tty=False, interval=0.0))
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue() and "\x1b" not in stream.getvalue()
    assert lines[0] == "graphbuild: extracting 3 documents (2 from cache)"
    assert lines[1].startswith("1/3 docs (33%)") and "ETA" in lines[1]
    assert "graphbuild: 2 built, 2 from cache, 1 failed, 0 files skipped" in stream.getvalue()
    assert "  failed: b.txt: extraction failed: boom" in lines


def test_progress_quiet_prints_nothing() -> None:
    stream = io.StringIO()
    _run(Progress(stream, quiet=True))
    assert stream.getvalue() == ""


def test_progress_closed_stream_does_not_fail_the_build() -> None:
    stream = io.StringIO()
    stream.close()
    _run(Progress(stream, tty=False, interval=0.0))
