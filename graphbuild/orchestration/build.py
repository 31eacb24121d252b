"""Orchestration: a corpus folder in, every output file out.

``build(config)`` reads the corpus, extracts each article (or takes it from the per-document
cache), merges the results, and writes the graph (RDF), the tables (CSV), the analysis (reports),
the interactive HTML, Gephi exports, event rows and a changelog into ``config.output``. Each file
is written atomically under an output-directory lock, so a build that dies leaves the previous
outputs complete and readable, and two builds cannot interleave.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphbuild.config import Config
from graphbuild.errors import CorpusWarning
from graphbuild.orchestration.merge import CorpusRecords, merge_summaries

log = logging.getLogger("graphbuild")

RDF_FILE_NAMES = {"turtle": "graph.ttl", "trig": "graph.trig", "nt": "graph.nt", "json-ld": "graph.jsonld"}


@dataclass
class BuildResult:
    """What a build did: its outputs, counts, the per-file warnings and the extraction summary."""

    output: Path
    files: dict[str, Path] = field(default_factory=dict)
    documents: int = 0
    entities: int = 0
    relations: int = 0
    mentions: int = 0
    warnings: list[CorpusWarning] = field(default_factory=list)
    seconds: float = 0.0
    records: CorpusRecords | None = None
    summary: Any = None
    changelog: Any = None


def write_rdf(records: CorpusRecords, analysis: Any, config: Config, *, reuse: bool = True,
              warnings: list[CorpusWarning] | None = None) -> dict[str, Path]:
    """Write the RDF graph of ``records`` (and the metrics of ``analysis``) in each of ``config.formats``.

    The graph is streamed as N-Triples lines (:func:`graphbuild.rdf.stream.stream_graph`), not built as an
    rdflib Graph. Each document's fragment comes from the cache when it was made from the same records by the
    same writer, and is cached otherwise (:class:`graphbuild.orchestration.cache.FragmentStore`); ``reuse=False``
    (``--full``) makes every fragment again. Problems met with cached fragments (a replaced key, a fragment that
    does not verify) are logged and appended to ``warnings``.
    """
    from graphbuild.orchestration.cache import FragmentStore
    from graphbuild.rdf.io import write_lines
    from graphbuild.rdf.stream import stream_graph

    out = Path(config.output)
    store = FragmentStore(out, reuse=reuse)
    # The graph's lines are held until written anyway; the mentions are read once (a build streams them).
    graph = stream_graph(records.articles, records.entities, list(records.mentions), records.relations, analysis,
                         fragment=store.fragment)
    files = {}
    for fmt in config.formats:
        path = out / RDF_FILE_NAMES[fmt]
        write_lines(graph, path, format=fmt)
        files[path.name] = path
    if warnings is not None:
        warnings.extend(store.problems)
    return files


def write_outputs(records: CorpusRecords, config: Config, *, gazetteer: Any = None, full: bool = False,
                  warnings: list[CorpusWarning] | None = None) -> dict[str, Path]:
    """Write every output of the merged corpus records into ``config.output``; return them by file name.

    ``full``: make every cached RDF fragment again (``graphbuild build --full``); ``warnings``: gets the
    problems met with cached fragments.
    """
    from graphbuild.analysis import analyze, membership_facts, to_networkx
    from graphbuild.outputs.events import write_events_csv
    from graphbuild.outputs.exports import write_gexf, write_graphml
    from graphbuild.outputs.html import render_html
    from graphbuild.outputs.report import write_report_html, write_report_md
    from graphbuild.outputs.tables import write_tables

    out = Path(config.output)
    files = write_tables(records, out)
    # Membership facts from the gazetteer tell the balancing rule which blocs exist; they are not drawn.
    background = membership_facts(gazetteer, records.entities) if gazetteer is not None else ()
    G = to_networkx(records.entities, records.relations, background=background)
    analysis = analyze(G, seed=config.seed)
    files.update(write_rdf(records, analysis, config, reuse=not full, warnings=warnings))

    def target(name: str) -> Path:
        files[name] = out / name
        return files[name]

    focus = None
    if config.focus:
        from graphbuild.analysis import find_actor
        from graphbuild.errors import ConfigError

        focus = find_actor(G, config.focus)
        if focus is None:
            raise ConfigError(f"focus = {config.focus!r}: no such actor among the {G.number_of_nodes()} actors in "
                              "relations (give a label, alias, ISO3 code, QID or entity id)")
    render_html(G, analysis, target("graph.html"), title=config.title, max_nodes=config.html_max_nodes,
                max_edges=config.html_max_edges, seed=config.seed, articles=records.articles, focus=focus)
    if config.svg:
        from graphbuild.outputs.svg import write_svg

        write_svg(target("graph.svg"), G, analysis, title=config.title, seed=config.seed)
    write_report_md(target("report.md"), G, analysis, records.relations, records.articles)
    write_report_html(target("report.html"), G, analysis, records.relations, records.articles,
                      title=f"{config.title} report")
    write_gexf(G, target("graph.gexf"), analysis)
    write_graphml(G, target("graph.graphml"), analysis)
    write_events_csv(records.relations, records.entities, target("events.csv"), gazetteer=gazetteer)
    return files


def build(config: Config, *, progress: Any = None, full: bool = False, scheduler: Any = None) -> BuildResult:
    """Build the knowledge graph of ``config.corpus`` into ``config.output``.

    Args:
        config: What to read, where to write, which model and gazetteer to use.
        progress: A :class:`graphbuild.orchestration.progress.Progress` (bar or plain lines) or None.
        full: Re-extract every document, ignoring the cache.
        scheduler: A Dask scheduler address: extract on that cluster.

    Raises:
        CorpusError: the corpus path does not exist.
        ModelError: the spaCy pipeline cannot be loaded.
        GraphbuildError: another build holds the output directory.
    """
    from graphbuild.errors import CorpusError
    from graphbuild.fileio import output_lock
    from graphbuild.orchestration.extract_corpus import run_extraction
    from graphbuild.outputs.changelog import write_changelog

    started = time.perf_counter()
    if not Path(config.corpus).exists():
        raise CorpusError(f"corpus path does not exist: {config.corpus}")
    out = Path(config.output)
    with output_lock(out):
        run = run_extraction(config, full=full, scheduler=scheduler, progress=progress)
        if hasattr(progress, "finish"):
            progress.finish(run.summary)
        records = merge_summaries(run.summaries, run.gazetteer, run.store.load, min_confidence=config.min_confidence)
        files = write_outputs(records, config, gazetteer=run.gazetteer, full=full, warnings=run.warnings)
        # Last, so a build killed before this point is diffed against the last complete build.
        changelog = write_changelog(out, records)
        files["changelog.md"] = out / "changelog.md"
        files["changelog.json"] = out / "changelog.json"
    return BuildResult(
        output=out,
        files=files,
        documents=len(records.articles),
        entities=len(records.entities),
        relations=len(records.relations),
        mentions=len(records.mentions),
        warnings=run.warnings,
        seconds=time.perf_counter() - started,
        records=records,
        summary=run.summary,
        changelog=changelog,
    )
