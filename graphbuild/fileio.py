"""Safe output: the one atomic writer, formula-safe CSV, an output-directory lock, contained paths.

Every file graphbuild writes goes through :func:`atomic_write_bytes` (text, CSV and the streams of other
libraries' writers through the helpers below it), so a killed build leaves whole files and one file mode.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from graphbuild.errors import GraphbuildError

LOCK_NAME = ".graphbuild.lock"


@contextlib.contextmanager
def atomic_writer(path: Path, *, durable: bool = True) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` when the block ends, so that readers see the old file or the new one,
    never a torn one; if the block raises, ``path`` is untouched.

    The bytes go to a temporary file in the same directory, are flushed to disk (``durable=False``: left to the
    operating system -- for files that are checked when read, such as cache entries; a crash may then leave an
    empty file, never a torn one), and replace the target with ``os.replace`` (atomic on POSIX and Windows).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600 files; outputs are meant to be shared like any other file.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path, durable=durable) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_text_writer(path: Path) -> Iterator[TextIO]:
    """:func:`atomic_writer` for UTF-8 text written piece by piece (lone surrogates as in :func:`atomic_write_text`)."""
    with atomic_writer(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
        yield text
        text.flush()
        text.detach()


def atomic_write_text(path: Path, text: str, *, durable: bool = True) -> None:
    """Atomically write UTF-8 text (see :func:`atomic_write_bytes`).

    Lone surrogates (JSON input can carry them) become U+FFFD instead of failing the build.
    """
    atomic_write_bytes(path, text.encode("utf-8", errors="replace"), durable=durable)


def atomic_write_stream(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Atomically write what ``write(file object)`` writes (for writers that want a file, such as networkx's
    GEXF and GraphML): the bytes are collected in memory, then written by :func:`atomic_write_bytes`."""
    buffer = io.BytesIO()
    write(buffer)
    atomic_write_bytes(path, buffer.getvalue())


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Render a CSV cell; neutralise text a spreadsheet would evaluate as a formula.

    Cells starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return get an apostrophe in front (OWASP's
    advice against CSV injection); ``None`` is empty, booleans are ``true``/``false``, floats have 3 decimals.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.3f}"
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def write_csv(handle: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write CSV (RFC 4180 quoting, ``\\n`` line ends, :func:`safe_cell` cells) to a text file, row by row."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])


def render_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (see :func:`write_csv`) for the header and rows."""
    buffer = io.StringIO()
    write_csv(buffer, header, rows)
    return buffer.getvalue()


def atomic_write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Atomically write a CSV table (see :func:`write_csv`), row by row as the rows come: every CSV graphbuild
    writes goes through here."""
    with atomic_text_writer(path) as handle:
        write_csv(handle, header, rows)


@contextlib.contextmanager
def output_lock(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on an output directory for the duration of a build.

    Raises:
        GraphbuildError: another process holds the lock.
    """
    import fcntl

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOCK_NAME
    try:
        # O_NOFOLLOW: a link planted in a shared output folder must not make us create or lock its target.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise GraphbuildError(f"{path} is a symbolic link; remove it (graphbuild creates its own lock file)") from None
        raise GraphbuildError(f"cannot open the lock file {path}: {exc.strerror}") from None
    handle = os.fdopen(fd, "r+b")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise GraphbuildError(f"{path} is not a regular file; remove it (graphbuild creates its own lock file)")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise GraphbuildError(
                f"another graphbuild process is writing to {directory} (lock {directory / LOCK_NAME}); "
                "wait for it to finish or choose another --out"
            ) from None
        yield
    finally:
        handle.close()


def contained_path(root: Path, relative: str) -> Path:
    """Join ``relative`` under ``root``, refusing anything that would land outside it.

    Raises:
        GraphbuildError: ``relative`` is absolute or climbs out of ``root`` (``../../etc/x``).
    """
    root = Path(root).resolve()
    candidate = (root / relative).resolve()
    if candidate != root and root not in candidate.parents:
        raise GraphbuildError(f"refusing to write {relative!r}: it points outside {root}")
    return candidate
