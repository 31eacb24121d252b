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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from graphbuild.config import Config
from graphbuild.errors import CorpusWarning
from graphbuild.orchestration.merge import CorpusRecords, merge_summaries

log = logging.getLogger("graphbuild")

RDF_FILE_NAMES = {"turtle": "graph.ttl", "trig": "graph.trig", "nt": "graph.nt", "nquads": "graph.nq", "json-ld": "graph.jsonld"}


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
    #: Seconds per stage (scan, extract, merge, tables, analysis, rdf, pages, changelog), for benchmarks.
    timings: dict[str, float] = field(default_factory=dict)
    #: Nothing changed since the last build: every output was kept (``records`` is then None).
    unchanged: bool = False


class _Stopwatch:
    """Seconds per stage, into a dict."""

    def __init__(self, into: dict[str, float]) -> None:
        self.into, self.last = into, time.perf_counter()

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        self.into[stage] = self.into.get(stage, 0.0) + now - self.last
        self.last = now


def write_rdf(records: CorpusRecords, analysis: Any, config: Config, *, reuse: bool = True,
              warnings: list[CorpusWarning] | None = None, store: Any = None) -> dict[str, Path]:
    """Write the RDF graph of ``records`` (and the metrics of ``analysis``) in each of ``config.formats``.

    The graph is streamed as N-Triples lines (:func:`graphbuild.rdf.stream.stream_graph`), not built as an
    rdflib Graph. Each document's fragment comes from the cache when it was made from the same records by the
    same writer, and is cached otherwise (:class:`graphbuild.orchestration.cache.FragmentStore`); ``reuse=False``
    (``--full``) makes every fragment again. Problems met with cached fragments (a replaced key, a fragment that
    does not verify) are logged and appended to ``warnings``. ``store``: the build's FragmentStore, if it has one.
    """
    from graphbuild.orchestration.cache import FragmentStore
    from graphbuild.rdf.io import write_lines
    from graphbuild.rdf.stream import stream_graph

    out = Path(config.output)
    store = store or FragmentStore(out, reuse=reuse)
    graph = stream_graph(records.articles, records.entities, records.mentions, records.relations, analysis,
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
                  warnings: list[CorpusWarning] | None = None, timings: dict[str, float] | None = None,
                  fragments: Any = None) -> dict[str, Path]:
    """Write every output of the merged corpus records into ``config.output``; return them by file name.

    ``full``: make every cached RDF fragment again (``graphbuild build --full``); ``warnings``: gets the
    problems met with cached fragments; ``timings``: gets the seconds of each stage; ``fragments``: the build's
    :class:`~graphbuild.orchestration.cache.FragmentStore` (one is made if None).
    """
    from graphbuild.analysis import analyze, membership_facts, to_networkx
    from graphbuild.outputs.events import write_events_csv
    from graphbuild.outputs.exports import write_gexf, write_graphml
    from graphbuild.outputs.html import render_html
    from graphbuild.outputs.report import write_report_html, write_report_md
    from graphbuild.outputs.tables import write_tables

    out = Path(config.output)
    lap = _Stopwatch({} if timings is None else timings)
    # The RDF writer holds every line of the graph until it is written: the mentions are read once, for both.
    records = replace(records, mentions=list(records.mentions))
    files = write_tables(records, out)
    files["events.csv"] = out / "events.csv"
    write_events_csv(records.relations, records.entities, files["events.csv"], gazetteer=gazetteer)
    lap("tables")
    # Membership facts from the gazetteer tell the balancing rule which blocs exist; they are not drawn.
    background = membership_facts(gazetteer, records.entities) if gazetteer is not None else ()
    G = to_networkx(records.entities, records.relations, background=background)
    analysis = analyze(G, seed=config.seed)
    lap("analysis")
    files.update(write_rdf(records, analysis, config, reuse=not full, warnings=warnings, store=fragments))
    lap("rdf")

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
    lap("pages")
    return files


def build(config: Config, *, progress: Any = None, full: bool = False, scheduler: Any = None) -> BuildResult:
    """Build the knowledge graph of ``config.corpus`` into ``config.output``.

    When nothing changed since the last build into ``config.output`` (same documents, settings and software,
    output files intact; :mod:`graphbuild.orchestration.incremental`), every output is kept and only the changelog
    is written.

    Args:
        config: What to read, where to write, which model and gazetteer to use.
        progress: A :class:`graphbuild.orchestration.progress.Progress` (bar or plain lines) or None.
        full: Re-extract every document and write every output, ignoring the cache.
        scheduler: A Dask scheduler address: extract on that cluster.

    Raises:
        CorpusError: the corpus path does not exist.
        ModelError: the spaCy pipeline cannot be loaded.
        GraphbuildError: another build holds the output directory.
    """
    from graphbuild.errors import CorpusError
    from graphbuild.fileio import output_lock
    from graphbuild.orchestration.cache import FragmentStore
    from graphbuild.orchestration.extract_corpus import run_extraction, scan_corpus
    from graphbuild.orchestration.incremental import OutputManifest, inputs_digest
    from graphbuild.orchestration.summaries import SummaryStore
    from graphbuild.outputs.changelog import load_snapshot, write_changelog

    if not Path(config.corpus).exists():
        raise CorpusError(f"corpus path does not exist: {config.corpus}")
    out = Path(config.output)
    timings: dict[str, float] = {}
    lap = _Stopwatch(timings)
    with output_lock(out):
        scan = scan_corpus(config)
        fragments = FragmentStore(out, reuse=not full)  # its key also seals the output manifest
        manifest = OutputManifest(out, fragments)
        digest = inputs_digest(config, scan.keys)
        recorded = None if full else manifest.unchanged(digest)
        lap("scan")
        if recorded is not None and _readable_snapshot(out, load_snapshot):
            return _unchanged(config, scan, recorded, progress, timings)
        manifest.forget()
        run = run_extraction(config, full=full, scheduler=scheduler, progress=progress, scan=scan,
                             summaries=SummaryStore(out, fragments))
        if hasattr(progress, "finish"):
            progress.finish(run.summary)
        lap("extract")
        records = merge_summaries(run.summaries, run.gazetteer, run.store.load, min_confidence=config.min_confidence)
        lap("merge")
        files = write_outputs(records, config, gazetteer=run.gazetteer, full=full, warnings=run.warnings,
                              timings=timings, fragments=fragments)
        lap.last = time.perf_counter()
        # Last, so a build killed before this point is diffed against the last complete build.
        changelog = write_changelog(out, records)
        counts = {"documents": len(records.articles), "entities": len(records.entities),
                  "relations": len(records.relations), "mentions": len(records.mentions)}
        if not run.summary.failed and not run.summary.uncached:
            manifest.record(digest, files.values(), counts)  # a failed document is tried again next time
        files["changelog.md"] = out / "changelog.md"
        files["changelog.json"] = out / "changelog.json"
        lap("changelog")
    return BuildResult(output=out, files=files, warnings=run.warnings, seconds=sum(timings.values()),
                       records=records, summary=run.summary, changelog=changelog, timings=timings, **counts)


def _readable_snapshot(out: Path, load_snapshot) -> bool:
    from graphbuild.errors import GraphbuildError

    try:
        return load_snapshot(out) is not None
    except GraphbuildError:
        return False


def _unchanged(config: Config, scan: Any, recorded: dict[str, Any], progress: Any, timings: dict[str, float]
               ) -> BuildResult:
    """The result of a build where nothing changed: the outputs stay, the changelog says so."""
    from graphbuild.orchestration.progress import BuildSummary
    from graphbuild.outputs.changelog import write_changelog

    out = Path(config.output)
    lap = _Stopwatch(timings)
    summary = BuildSummary(from_cache=len(scan.articles), skipped=list(scan.warnings), unchanged=True,
                           seconds=time.perf_counter() - scan.started)
    if hasattr(progress, "finish"):
        progress.finish(summary)
    changelog = write_changelog(out, None)
    lap("changelog")
    files = {name: out / name for name in (*recorded["files"], "changelog.md", "changelog.json")}
    known = {k: int(v) for k, v in recorded["counts"].items() if k in ("documents", "entities", "relations", "mentions")}
    return BuildResult(output=out, files=files, warnings=list(scan.warnings), seconds=sum(timings.values()),
                       summary=summary, changelog=changelog, timings=timings, unchanged=True, **known)
