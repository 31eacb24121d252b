"""Progress feedback for builds: a bar on a terminal, plain lines in CI, nothing when quiet.

On a TTY the bar redraws in place (``\\r``) at most ten times a second and shows documents done,
documents per second and the time left. Elsewhere (CI logs, a file) a plain line is printed every
``interval`` seconds, so logs stay readable. At the end :meth:`Progress.finish` prints the
:class:`BuildSummary`: built, taken from the cache, failed (with reasons).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

from graphbuild.errors import CorpusWarning


@dataclass
class BuildSummary:
    """What the extraction stage of a build did."""

    built: int = 0
    from_cache: int = 0
    failed: list[CorpusWarning] = field(default_factory=list)
    skipped: list[CorpusWarning] = field(default_factory=list)
    removed: int = 0
    model_loaded: bool = False
    seconds: float = 0.0
    #: Results not stored in the cache (made with other versions than the build's).
    uncached: int = 0
    #: Nothing changed since the last build: no document was read from the cache and every output was kept.
    unchanged: bool = False

    def lines(self) -> list[str]:
        """The summary as printable lines."""
        if self.unchanged:
            out = [f"nothing changed since the last build: {self.from_cache} documents, outputs kept, "
                   f"{len(self.skipped)} files skipped ({self.seconds:.1f}s, model not loaded)"]
        else:
            out = [
                f"{self.built} built, {self.from_cache} from cache, {len(self.failed)} failed, "
                f"{len(self.skipped)} files skipped, {self.removed} removed from cache "
                f"({self.seconds:.1f}s{', model loaded' if self.model_loaded else ', model not loaded'})"
            ]
        out.extend(f"  failed: {w}" for w in self.failed)
        out.extend(f"  skipped: {w}" for w in self.skipped)
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


class Progress:
    """Report documents as they are extracted.

    Args:
        stream: Where to write (default stderr).
        quiet: Print nothing at all (``--quiet``).
        tty: Force bar (True) or plain-line (False) mode; default: ``stream.isatty()``.
        interval: Seconds between plain lines when not on a TTY.

    Example:
        >>> p = Progress(quiet=True); p.start(total=2, cached=5); p.advance(); p.advance(); p.finish()
    """

    def __init__(
        self, stream: TextIO | None = None, *, quiet: bool = False, tty: bool | None = None, interval: float = 10.0
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval
        self.total = 0
        self.done = 0
        self.failed = 0
        self.summary = BuildSummary()
        self._started = time.perf_counter()
        self._last_draw = 0.0

    def start(self, total: int, cached: int = 0) -> None:
        """Begin: ``total`` documents to extract, ``cached`` reused."""
        self.total, self.done, self.failed = total, 0, 0
        self._started = time.perf_counter()
        self._last_draw = 0.0
        if self.quiet:
            return
        if total == 0:
            self._write(f"graphbuild: nothing to extract ({cached} documents from cache)\n")
        else:
            self._write(f"graphbuild: extracting {total} documents ({cached} from cache)\n")

    def advance(self, count: int = 1, *, failed: bool = False) -> None:
        """Count ``count`` more documents as done (``failed`` ones included)."""
        self.done += count
        if failed:
            self.failed += count
        if self.quiet:
            return
        now = time.perf_counter()
        if self.tty:
            if now - self._last_draw >= 0.1 or self.done >= self.total:
                self._last_draw = now
                self._write("\r" + self.line(now) + "\x1b[K")
        elif now - self._last_draw >= self.interval:
            self._last_draw = now
            self._write(self.line(now) + "\n")

    def line(self, now: float | None = None) -> str:
        """The status text: bar (TTY only), counts, docs/s, ETA."""
        elapsed = max((now or time.perf_counter()) - self._started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        pct = 100.0 * self.done / self.total if self.total else 100.0
        text = f"{self.done}/{self.total} docs ({pct:.0f}%) {rate:.1f} docs/s ETA {_clock(left)}"
        if self.failed:
            text += f", {self.failed} failed"
        if self.tty:
            width = 24
            filled = int(width * self.done / self.total) if self.total else width
            text = "[" + "#" * filled + "." * (width - filled) + "] " + text
        return text

    def finish(self, summary: BuildSummary | None = None) -> None:
        """End the bar and print the summary."""
        if summary is not None:
            self.summary = summary
        if self.quiet:
            return
        if self.tty and self.total:
            self._write("\r" + self.line() + "\x1b[K\n")
        for text in self.summary.lines():
            self._write(f"graphbuild: {text}\n" if not text.startswith("  ") else text + "\n")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed pipe must not fail the build
            self.quiet = True
