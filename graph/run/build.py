"""Paths -> a built output folder, in one place: the plan, the stages in the order they run, and the
report (as pupa's `update`: plan, scrape, import, report).

    build(paths, out, options) -> BuildReport
        discover   which documents are new or changed (a facts file keyed by the input's digest and
                   the extractor's own digest stands for each of the others)
        extract    the new and changed documents, in worker processes or on Dask; this process
                   alone writes, each facts file atomically as its document finishes
        graph      resolution, the triples, graph.nt, graph.ttl, the store and the pages, from the
                   facts files alone (`build_graph` runs this half on a facts folder by itself)

A crash loses at most the documents in flight and a re-run resumes; a document that hangs or
exhausts a worker is a Problem, never a stopped build. Each stage gives its outcome back as a
typed value (`Plan`, `Extracted`, `GraphOutcome`, in `graph.run.steps`, which does the work); the
report is made from them at the end, so no thread beside the build writes into it. The worker
processes, Dask and the graph-file writer are `graph.run.workers`; the options, `graph.run.options`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.core.collect import fewer_collections
from graph.run.options import BuildOptions
from graph.run.workers import WorkerSupply

if TYPE_CHECKING:
    from extract.records import Problem
    from graph.run.steps import GraphOutcome

Progress = Callable[[str, int, int], None]  # (document id, documents done, documents in all)


@dataclass(slots=True, kw_only=True)
class BuildReport:
    documents: int = 0
    extracted: int = 0
    reused: int = 0
    failed: int = 0
    facts: Counter = field(default_factory=Counter)
    people: int = 0
    bodies: int = 0
    triples: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, in the order they ran

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.code.startswith("E")]


def build(
    paths: list[Path], out: Path, options: BuildOptions, progress: Progress | None = None
) -> BuildReport:
    """Build OUT from PATHS: discover, extract, graph; `progress` hears of each document extracted."""
    started = time.perf_counter()
    with WorkerSupply(options) as supply:
        if options.executor == "local" and options.workers != 0:
            supply.start_one()  # its model loads while the steps are imported and the inputs hashed
        # imported once the worker is on its way: rdflib, the rules and the pages take a second or two
        from graph.core.store import build_lock, write_problems
        from graph.run import steps

        with build_lock(out, wait=options.wait), fewer_collections():
            clock = steps.Clock()
            steps.remove_temporaries(out)
            plan = steps.plan_extraction(paths, out, options)
            clock.lap("discover")
            extracted, cached = steps.extract(plan, out, options, supply, progress)
            steps.remember_inputs(out, plan, extracted)
            clock.lap("extract")
            keep = {*plan.reused, *extracted.written}
            steps.remove_stale(out, keep)
            graph = steps.graph_or_record(out, sorted(keep), cached, options, clock)
            problems = _sorted([*plan.problems, *extracted.problems, *graph.problems])
            write_problems(out, problems)
    report = _report(graph, problems, started, clock.stages)
    report.documents, report.reused = plan.documents, len(plan.reused)
    report.extracted, report.failed = len(extracted.written), extracted.failed
    return report


def build_graph(facts_dir: Path, out: Path, options: BuildOptions) -> BuildReport:
    """The graph half of `build` on its own: OUT's graph files, store, pages and problems.jsonl from
    the facts files in FACTS_DIR (a build's OUT/facts, or facts written by any other extractor)."""
    from graph.core.store import build_lock, write_problems
    from graph.run import steps

    started = time.perf_counter()
    with build_lock(out, wait=options.wait), fewer_collections():
        clock = steps.Clock()
        steps.remove_temporaries(out)
        files = sorted(facts_dir.glob("*.jsonl"))
        clock.lap("discover")
        graph = steps.graph_or_record(out, files, {}, options, clock)
        problems = _sorted(graph.problems)
        write_problems(out, problems)
    report = _report(graph, problems, started, clock.stages)
    report.documents = report.reused = len(files)
    return report


def _report(
    graph: GraphOutcome, problems: list[Problem], started: float, stages: dict[str, float]
) -> BuildReport:
    """The report of what the graph stages made, timed from `started`."""
    return BuildReport(
        facts=graph.facts,
        people=graph.people,
        bodies=graph.bodies,
        triples=graph.triples,
        problems=problems,
        seconds=time.perf_counter() - started,
        stages=stages,
    )


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.doc_id, p.code, p.message))
