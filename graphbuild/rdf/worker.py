"""Queries in child processes, so that a runaway query can be stopped.

pyoxigraph evaluates a query in Rust with no time limit and no way to interrupt it from
Python (a cross-product with GROUP BY or ORDER BY does all its work inside one call), so
a query that overruns its limit is stopped the only sure way: its process is killed, and
a fresh one takes its place. ``graphbuild query`` runs its query in one such process;
``graphbuild serve`` keeps a small pool of them, warmed up before the first request.

Each child is single-threaded: it also parses queries (rdflib's pyparsing grammar, which
is not thread-safe) without sharing a grammar with any other thread.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graphbuild.config import DEFAULT_MAX_ROWS, DEFAULT_QUERY_TIMEOUT
from graphbuild.errors import GraphbuildError, QueryError, QueryLimitError

DEFAULT_TIMEOUT = DEFAULT_QUERY_TIMEOUT
#: A request waits for a free worker at most this many times the query time limit.
QUEUE_WAIT = 10
__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT", "QueryWorker", "WorkerPool"]


def _child_main(conn: Any, graph: str | None) -> None:
    """Loop of a child: receive ``(fn, args)``, send back ``("ok", value)`` or ``("error", kind, message)``."""
    try:
        if graph is not None:
            from graphbuild.rdf.query import open_store

            open_store(graph)
        conn.send(("ready",))
    except GraphbuildError as exc:
        conn.send(("error", "GraphbuildError", str(exc)))
        return
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[Any, ...] = ("ok", fn(*args))
        except QueryLimitError as exc:
            reply = ("error", "QueryLimitError", str(exc), exc.kind)
        except QueryError as exc:
            reply = ("error", "QueryError", str(exc))
        except GraphbuildError as exc:
            reply = ("error", "GraphbuildError", str(exc))
        except Exception as exc:  # a bug in one query must not end the worker loop
            reply = ("error", "GraphbuildError", f"query failed: {type(exc).__name__}: {exc}")
        conn.send(reply)


_ERRORS: dict[str, type[GraphbuildError]] = {
    "QueryLimitError": QueryLimitError, "QueryError": QueryError, "GraphbuildError": GraphbuildError,
}


class QueryWorker:
    """One child process that runs query jobs; killed and replaced when a job overruns.

    Args:
        graph: Output folder or graph file whose store the child opens while warming up.
    """

    def __init__(self, graph: Path | str | None = None):
        self._graph = None if graph is None else str(graph)
        self._proc: Any = None
        self._conn: Any = None

    def start(self) -> None:
        """Start the child and wait until it has imported the engines and opened the store."""
        if self._proc is not None and self._proc.is_alive():
            return
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_child_main, args=(child, self._graph), daemon=True, name="graphbuild-query")
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        reply = self._recv()  # no limit: opening a large graph's store the first time takes a while
        if reply[0] != "ready":
            self.kill()
            raise _ERRORS[reply[1]](reply[2])

    def _recv(self) -> tuple[Any, ...]:
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            code = self._proc.exitcode if self._proc is not None else None
            self.kill()
            raise GraphbuildError(f"the query process ended unexpectedly (exit code {code}); try a smaller query") from None

    def run(self, fn: Callable[..., Any], args: tuple[Any, ...], timeout: float | None) -> Any:
        """Run ``fn(*args)`` in the child; return its value or raise its error.

        Raises:
            QueryLimitError: the job ran longer than ``timeout`` seconds (the child is killed).
        """
        self.start()
        try:
            self._conn.send((fn, args))
        except (OSError, ValueError):
            self.kill()
            raise GraphbuildError("the query process is gone; try again") from None
        if not self._conn.poll(timeout if timeout and timeout > 0 else None):
            self.kill()
            raise QueryLimitError(
                f"query cut off after {timeout:g} s (the time limit); make it more selective "
                "or raise the limit with --timeout", kind="timeout")
        reply = self._recv()
        if reply[0] == "ok":
            return reply[1]
        raise _ERRORS[reply[1]](*reply[2:])

    def kill(self) -> None:
        """Stop the child at once (SIGKILL); the next :meth:`run` starts a new one."""
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(timeout=10)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    close = kill

    def __enter__(self) -> "QueryWorker":
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


class WorkerPool:
    """A fixed number of :class:`QueryWorker` s shared by the endpoint's request threads."""

    def __init__(self, graph: Path | str, size: int = 2):
        if size < 1:
            raise GraphbuildError(f"query workers: expected at least 1, got {size}")
        self._workers = [QueryWorker(graph) for _ in range(size)]
        self._idle: queue.Queue[QueryWorker] = queue.Queue()
        self._lock = threading.Lock()
        for w in self._workers:
            self._idle.put(w)

    def start(self) -> None:
        """Warm every worker up (imports, store) before the first request."""
        for w in self._workers:
            w.start()

    def run(self, fn: Callable[..., Any], args: tuple[Any, ...], timeout: float | None) -> Any:
        """Run ``fn(*args)`` on the next free worker within ``timeout`` seconds.

        Waiting for a free worker is bounded too, by :data:`QUEUE_WAIT` times the time limit (a burst of
        clients queues; only a flood that keeps every worker busy that long gets "busy").
        """
        wait = timeout * QUEUE_WAIT if timeout and timeout > 0 else None
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            raise QueryLimitError(
                f"every query process stayed busy for {wait:g} s; try again later", kind="busy") from None
        try:
            return worker.run(fn, args, timeout)
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        for w in self._workers:
            w.kill()
