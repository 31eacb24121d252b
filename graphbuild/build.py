"""Orchestration: a corpus folder in, every output file out.

``build(config)`` reads the corpus, extracts each article, merges the results, and writes the
graph (RDF), the tables (CSV), the analysis (report) and the interactive HTML into
``config.output``. Each file is written atomically under an output-directory lock, so a build
that dies leaves the previous outputs complete and readable.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.config import Config
from graphbuild.errors import CorpusWarning
from graphbuild.merge import CorpusGraph, merge_results

log = logging.getLogger("graphbuild")

RDF_FILE_NAMES = {"turtle": "graph.ttl", "trig": "graph.trig", "nt": "graph.nt", "json-ld": "graph.jsonld"}


@dataclass
class BuildResult:
    """What a build did: its outputs, counts and the per-file warnings."""

    output: Path
    files: dict[str, Path] = field(default_factory=dict)
    documents: int = 0
    entities: int = 0
    relations: int = 0
    mentions: int = 0
    warnings: list[CorpusWarning] = field(default_factory=list)
    seconds: float = 0.0
    graph: CorpusGraph | None = None


def write_outputs(graph: CorpusGraph, config: Config) -> dict[str, Path]:
    """Write every output of a merged corpus graph into ``config.output``."""
    from graphbuild.analysis import analyze, to_networkx, write_metrics_to_rdf
    from graphbuild.rdf.build import build_graph
    from graphbuild.rdf.io import write_graph
    from graphbuild.render.html import render_html
    from graphbuild.report import write_report_md
    from graphbuild.tables import write_tables

    out = Path(config.output)
    files = write_tables(graph, out)
    rdf = build_graph(graph.articles, graph.entities, graph.mentions, graph.relations)
    G = to_networkx(graph.entities, graph.relations)
    analysis = analyze(G, seed=config.seed)
    write_metrics_to_rdf(rdf, analysis)
    for fmt in config.formats:
        path = out / RDF_FILE_NAMES[fmt]
        write_graph(rdf, path, format=fmt)
        files[path.name] = path
    files["graph.html"] = out / "graph.html"
    render_html(G, analysis, files["graph.html"], title=config.title)
    files["report.md"] = out / "report.md"
    write_report_md(files["report.md"], G, analysis, graph.relations, graph.articles)
    return files


def build(config: Config, *, progress=None) -> BuildResult:
    """Build the knowledge graph of ``config.corpus`` into ``config.output``.

    Raises:
        CorpusError: the corpus path does not exist.
        ModelError: the spaCy pipeline cannot be loaded.
        GraphbuildError: another build holds the output directory.
    """
    from graphbuild.errors import CorpusError
    from graphbuild.fileio import output_lock

    started = time.perf_counter()
    if not Path(config.corpus).exists():
        raise CorpusError(f"corpus path does not exist: {config.corpus}")
    out = Path(config.output)
    with output_lock(out):
        from graphbuild.runner import extract_corpus

        results, warnings, gazetteer = extract_corpus(config, progress=progress)
        graph = merge_results(results, gazetteer, min_confidence=config.min_confidence)
        files = write_outputs(graph, config)
    return BuildResult(
        output=out,
        files=files,
        documents=len(graph.articles),
        entities=len(graph.entities),
        relations=len(graph.relations),
        mentions=len(graph.mentions),
        warnings=warnings,
        seconds=time.perf_counter() - started,
        graph=graph,
    )
