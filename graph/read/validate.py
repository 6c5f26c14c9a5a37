"""SHACL validation of a built graph against the contract's shapes (`graph/core/shapes.ttl`).

`validate_graph` runs pyshacl (no inference: the graph must state its types itself) and
returns the results as plain records; `format_report` prints them grouped by what is
wrong, with a few examples each named by their label, so a reader sees the fix rather
than a results graph.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from graph.core.namespaces import FOAF, SKOS


@dataclass(frozen=True, slots=True, kw_only=True)
class Violation:
    severity: str  # "Violation", "Warning" or "Info"
    shape: str
    focus: str
    focus_label: str
    path: str
    value: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    conforms: bool  # no result of severity Violation
    triples: int
    results: tuple[Violation, ...]

    @property
    def violations(self) -> list[Violation]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        return [r for r in self.results if r.severity != "Violation"]


def shapes_graph(path: Path | None = None) -> Graph:
    g = Graph()
    if path is None:
        g.parse(
            data=resources.files("graph.core").joinpath("shapes.ttl").read_text(encoding="utf-8"),
            format="turtle",
        )
    else:
        g.parse(path, format="turtle")
    return g


def load_graph(graph: Path) -> Graph:
    """The graph at a build folder or file, as rdflib reads it (`graph.read.open.open_graph` picks the file)."""
    from graph.read.open import open_graph

    return open_graph(graph).rdf()


def validate_graph(graph: Path | Graph, shapes: Path | None = None) -> Report:
    from pyshacl import validate

    data = graph if isinstance(graph, Graph) else load_graph(graph)
    _conforms, results_graph, _text = validate(
        data, shacl_graph=shapes_graph(shapes), inference="none", allow_warnings=True, abort_on_first=False
    )
    results = []
    for r in results_graph.subjects(SH.resultSeverity, None):
        focus = results_graph.value(r, SH.focusNode)
        shape = results_graph.value(r, SH.sourceShape)
        # a property shape written inline is a blank node: name it by its node shape and path
        path = results_graph.value(r, SH.resultPath)
        value = results_graph.value(r, SH.value)
        severity = str(results_graph.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        messages = sorted(str(m) for m in results_graph.objects(r, SH.resultMessage))
        results.append(
            Violation(
                severity=severity,
                shape=_short(data, shape) if isinstance(shape, URIRef) else "",
                focus=str(focus),
                focus_label=_label(data, focus),
                path=_short(data, path) if path is not None else "",
                value=str(value) if value is not None else "",
                message=messages[0] if messages else "",
            )
        )
    results.sort(key=lambda v: (v.severity != "Violation", v.message, v.path, v.focus, v.value))
    conforms = not any(v.severity == "Violation" for v in results)
    return Report(conforms=conforms, triples=len(data), results=tuple(results))


def _short(g: Graph, term) -> str:
    try:
        return g.namespace_manager.normalizeUri(term)
    except (ValueError, KeyError):
        return str(term)


def _label(g: Graph, node) -> str:
    for p in (FOAF.name, SKOS.prefLabel):
        v = g.value(node, p)
        if v is not None:
            return str(v)
    return ""


def format_report(report: Report, examples: int = 5) -> str:
    n_v, n_w = len(report.violations), len(report.warnings)
    head = (
        "conforms" if report.conforms else "DOES NOT CONFORM"
    ) + f": {report.triples} triples, {n_v} violations, {n_w} warnings"
    groups: dict[tuple[str, str, str], list[Violation]] = defaultdict(list)
    for v in report.results:
        groups[(v.severity, v.message, v.path)].append(v)
    lines = [head]
    for (severity, message, path), vs in groups.items():
        lines.append(f"\n{severity} ({len(vs)}): {message}" + (f"  [path {path}]" if path else ""))
        for v in vs[:examples]:
            who = f'"{v.focus_label}" ' if v.focus_label else ""
            lines.append(f"  - {who}<{v.focus}>" + (f"  value: {v.value[:120]}" if v.value else ""))
        if len(vs) > examples:
            lines.append(f"  ... and {len(vs) - examples} more")
    return "\n".join(lines)
