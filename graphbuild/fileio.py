"""Safe output: atomic writes, an output-directory lock, and paths that cannot escape a directory."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from typing import BinaryIO, TextIO
from pathlib import Path

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
