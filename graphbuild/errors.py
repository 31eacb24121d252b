"""One exception hierarchy; messages name the bad file or value and what was expected."""

from __future__ import annotations

from dataclasses import dataclass


class GraphbuildError(Exception):
    """Base class for every error graphbuild reports to a user (the CLI prints it without a traceback)."""


class ConfigError(GraphbuildError):
    """A bad configuration key or value."""


class CorpusError(GraphbuildError):
    """The corpus as a whole cannot be read (missing path, nothing to read)."""


class GazetteerError(GraphbuildError):
    """A gazetteer data file is malformed (names the file and line)."""


class QueryError(GraphbuildError):
    """A SPARQL query is malformed or not allowed."""


class QueryLimitError(QueryError):
    """A query ran past its time limit (``kind="timeout"``), found no free worker (``"busy"``)
    or returned more rows than allowed (``"rows"``)."""

    def __init__(self, message: str, kind: str = "timeout"):
        super().__init__(message)
        self.kind = kind


class ModelError(GraphbuildError):
    """The spaCy pipeline named in config cannot be loaded."""


@dataclass(frozen=True, slots=True)
class CorpusWarning:
    """A per-file problem: the file is skipped (or partly read) and the build goes on."""

    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"
