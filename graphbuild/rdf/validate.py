"""SHACL validation of a built graph against ontologies/shapes.ttl (pyshacl).

``validate(path)`` returns a :class:`ValidationReport` whose ``violations`` list is
readable: focus node (shortened), property, message, severity.  Warnings (doubtful
extractions) do not make a graph non-conforming.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, Namespace
from rdflib.term import Node

from graphbuild import resources
from graphbuild.errors import GraphbuildError
from graphbuild.rdf.io import load_graph

SHAPES = resources.data_path(resources.SHAPES)
ONTOLOGY = resources.data_path(resources.ONTOLOGY)
SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One SHACL result."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus} {self.path}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`."""

    conforms: bool
    graph_path: str
    triples: int
    violations: tuple[Violation, ...] = field(default=())

    @property
    def errors(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.severity == "Violation")

    @property
    def warnings(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.severity != "Violation")

    def text(self, limit: int = 50) -> str:
        """A readable summary: one line per result (the first ``limit``), errors first."""
        head = (
            f"{self.graph_path}: {self.triples} triples, "
            + ("conforms" if self.conforms else f"does NOT conform: {len(self.errors)} violation(s)")
            + (f", {len(self.warnings)} warning(s)" if self.warnings else "")
        )
        ordered = sorted(self.violations, key=lambda v: (v.severity != "Violation", v.focus, v.path, v.message))
        lines = [head] + [f"  {v}" for v in ordered[:limit]]
        if len(ordered) > limit:
            lines.append(f"  ... and {len(ordered) - limit} more")
        return "\n".join(lines) + "\n"


def _short(node: Node | None, graph: Graph) -> str:
    if node is None:
        return ""
    from graphbuild.rdf.query import short

    if isinstance(node, Graph):
        return "(path)"
    text = short(node)  # type: ignore[arg-type]
    return text if len(text) < 100 else text[:97] + "..."


def validate_graph(data: Graph, *, graph_path: str = "<graph>", shapes: Path | None = None) -> ValidationReport:
    """Validate an rdflib graph against the SHACL shapes (the ontology supplies rdfs:subClassOf)."""
    from pyshacl import validate as shacl_validate

    shapes_graph = Graph().parse(shapes or SHAPES)
    ontology = Graph().parse(ONTOLOGY)
    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes_graph, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        violations.append(
            Violation(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=_short(results.value(result, SH.focusNode), results),
                path=_short(results.value(result, SH.resultPath), results),
                message=str(results.value(result, SH.resultMessage) or ""),
                value=_short(results.value(result, SH.value), results),
            )
        )
    violations.sort(key=lambda v: (v.severity != "Violation", v.focus, v.path, v.message, v.value))
    return ValidationReport(bool(conforms), graph_path, len(data), tuple(violations))


def validate(graph_path: Path | str, *, shapes: Path | None = None) -> ValidationReport:
    """Validate a graph file (or an output directory's graph.ttl) against ontologies/shapes.ttl.

    Returns:
        A :class:`ValidationReport`; ``report.conforms`` is False when any sh:Violation is found.

    Raises:
        GraphbuildError: the graph or the shapes cannot be read.
    """
    data = load_graph(graph_path)
    if shapes is not None and not Path(shapes).is_file():
        raise GraphbuildError(f"{shapes}: shapes file not found")
    return validate_graph(data, graph_path=str(graph_path), shapes=shapes)
