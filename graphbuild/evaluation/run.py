"""``graphbuild eval``: every evaluation in one run, printed as the tables of docs/EVALUATION.md."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from graphbuild.config import Config
from graphbuild.errors import GraphbuildError

ENTITY_SETS = ("dev", "redocred", "conll04", "crossre")
RELATION_SETS = ("dev", "petrarch", "plover", "redocred")
ALL_SETS = tuple(dict.fromkeys((*ENTITY_SETS, *RELATION_SETS)))


def run_evaluation(shared: Path, *, sets: Sequence[str] | None = None, config: Config | None = None,
                   checkout: Path = Path("."), errors: bool = False) -> str:
    """Score actor resolution and relation extraction; return the printed report.

    Args:
        shared: The shared data folder holding ``eval/`` and ``reference/``.
        sets: Which sets to score (default: all). ``dev`` is the team's gold in ``eval/dev``.
        config: The settings whose extraction is scored (model, lexicon layers, gazetteer; default: defaults).
        checkout: The source checkout holding ``eval/dev`` and ``examples/corpus`` (default: the working
            directory); gold documents are paths relative to it.
        errors: Append the dev gold's misses and false positives on the tune split (never the test split).

    Raises:
        GraphbuildError: an unknown set name, or the shared folder is missing.
    """
    from graphbuild.evaluation.entities import evaluate_entities, format_entity_report
    from graphbuild.evaluation.relations import evaluate_relations, format_relation_report
    from graphbuild.orchestration.extractor import Extractor, ExtractorSpec

    chosen = tuple(sets or ALL_SETS)
    unknown = [s for s in chosen if s not in ALL_SETS]
    if unknown:
        raise GraphbuildError(f"unknown evaluation set {unknown[0]!r}; expected some of {', '.join(ALL_SETS)}")
    if not (shared / "eval").is_dir():
        raise GraphbuildError(f"no eval/ folder under {shared}; pass --shared DIR (the folder with eval/ and reference/)")
    started = time.perf_counter()
    config = config or Config()
    extractor = Extractor(ExtractorSpec.from_config(config))
    nlp, resolver = extractor.nlp, extractor.resolver
    parts = ["# graphbuild evaluation", ""]
    entity_sets = [s for s in chosen if s in ENTITY_SETS]
    if entity_sets:
        results = evaluate_entities(shared, checkout, nlp=nlp, resolver=resolver, sets=entity_sets)
        parts += ["## Actor resolution", "", format_entity_report(results), ""]
    relation_sets = [s for s in chosen if s in RELATION_SETS]
    if relation_sets:
        error_lines: list[str] | None = [] if errors else None
        results = evaluate_relations(shared, checkout, extractor, sets=relation_sets, errors=error_lines)
        parts += ["## Relation extraction", "", format_relation_report(results), ""]
        if error_lines is not None:
            parts += ["## Dev tune split: misses and false positives", "", *error_lines, ""]
    parts.append(f"({time.perf_counter() - started:.0f}s, model {config.model})")
    return "\n".join(parts)
