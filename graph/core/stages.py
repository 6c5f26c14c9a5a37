"""Facts -> graph: the three graph stages in order (resolve -> tenure -> build) behind one call, so
orchestration needs to know neither their order nor what passes between them.

Each stage reads the records of the stages before it and returns its own, with the problems it
found: `resolve` -> `Resolution`, `attach_tenures` -> `Tenures`, `build_triples` -> `Triples`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from extract.records import Fact, Problem
from graph.core.build import build_triples
from graph.core.resolve import resolve
from graph.core.tenure import attach_tenures
from graph.core.triples import Triples


@dataclass(frozen=True, slots=True)
class GraphResult:
    """The graph and what the stages found on the way, in the order they found it."""

    triples: Triples
    problems: tuple[Problem, ...]
    seconds: tuple[tuple[str, float], ...]  # (stage, seconds) in the order the stages ran


def graph_from_facts(
    docs: dict[str, dict], facts_by_doc: dict[str, list[Fact]], *, include_private: bool
) -> GraphResult:
    """Resolve the people and bodies the facts name, attach tenures, and write the triples."""
    started = time.perf_counter()
    res = resolve(docs, facts_by_doc)
    resolved = time.perf_counter()
    tenures = attach_tenures(facts_by_doc, res, include_private=include_private)
    attached = time.perf_counter()
    triples = build_triples(docs, facts_by_doc, res, tenures, include_private=include_private)
    seconds = (
        ("resolve", resolved - started),
        ("tenure", attached - resolved),
        ("graph", time.perf_counter() - attached),
    )
    return GraphResult(triples, res.problems + tenures.problems, seconds)
