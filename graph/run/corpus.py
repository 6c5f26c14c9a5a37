"""Paths -> a built output folder: extraction per document (cached by input hash and
extractor version), then resolution and the graph from the facts files alone.

Documents stream through extraction (worker processes, one document each at a time, or a
Dask cluster); only this process writes, each facts file atomically as its document
finishes, and the graph is built from what is on disk. So a crash loses at most the
documents in flight and a re-run resumes; a document that hangs or exhausts a worker is a
Problem, never a stopped build.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract import extractor_key
from extract.load import discover, doc_id_for, file_hash, manifest_for
from extract.records import Fact, PartialDate, Problem
from graph.core.stages import graph_from_facts
from graph.core.store import build_lock, facts_path, read_facts, read_header, write_facts, write_problems
from graph.run.prestart import discard, prestart, worker_options
from graph.run.uptodate import forget_record, inputs_key, read_record, write_record
from graph.run.workers import (
    DOC_TIMEOUT,
    EXECUTORS,
    Background,
    GraphWriter,
    Outcome,
    Task,
    extract_one,
    run_dask,
    run_guarded,
)


@dataclass(slots=True)
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

    def lap(self, stage: str, since: float) -> float:
        """Record `stage` as having taken from `since` until now; returns now."""
        now = time.perf_counter()
        self.stages[stage] = self.stages.get(stage, 0.0) + now - since
        return now

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.code.startswith("E")]


def _remove_temporaries(out: Path) -> None:
    """Temporary files a killed build left behind (a finished write is always renamed)."""
    for folder in (out, out / "facts"):
        for tmp in folder.glob(".*.tmp"):
            if tmp.is_file():
                tmp.unlink()


def _doc_ids(files: list[Path]) -> dict[Path, str]:
    """File name as the document id; a name used twice is told apart by its folder."""
    names = Counter(p.name for p in files)
    return {p: doc_id_for(p) if names[p.name] == 1 else f"{p.parent.name}/{p.name}" for p in files}


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often while the build runs. The graph stages make millions
    of small objects that all live to the end of the build; at Python's default thresholds the
    collector walked them over and over (about a fifth of the graph stages at 1,000 documents)."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def build_corpus(
    paths: list[Path],
    out: Path,
    *,
    include_private: bool = False,
    use_model: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
    wait: bool = False,
    store: bool = True,
    as_of: PartialDate | None = None,
    council: str | None = None,
    executor: str = "local",
    workers: int | None = None,
    doc_timeout: float | None = None,
) -> BuildReport:
    """Build OUT from PATHS. `workers`: extraction processes (None: one per core, 0: in this
    process, unguarded); `executor="dask"` runs extraction on a Dask cluster instead (a
    LocalCluster of `workers` processes, or the scheduler in DASK_SCHEDULER_ADDRESS)."""
    if executor not in EXECUTORS:
        raise RuntimeError(f"E401 unknown executor {executor!r}; use one of {', '.join(EXECUTORS)}")
    started = time.perf_counter()
    options = worker_options(use_model=use_model, as_of=as_of, council=council)
    if executor == "local" and workers != 0:
        prestart(options)  # the model loads while the inputs are listed and hashed
    try:
        return _build(
            paths,
            out,
            options,
            started,
            include_private=include_private,
            progress=progress,
            wait=wait,
            store=store,
            executor=executor,
            workers=workers,
            doc_timeout=doc_timeout,
        )
    finally:
        discard()


def _build(
    paths: list[Path],
    out: Path,
    options: dict,
    started: float,
    *,
    include_private: bool,
    progress: Callable[[str, int, int], None] | None,
    wait: bool,
    store: bool,
    executor: str,
    workers: int | None,
    doc_timeout: float | None,
) -> BuildReport:
    report = BuildReport()
    with build_lock(out, wait=wait), _fewer_collections():
        t = time.perf_counter()
        _remove_temporaries(out)
        files, problems = discover(paths)
        report.problems.extend(problems)
        ids = _doc_ids(files)
        report.documents = len(files)
        manifests: dict = {}
        keep: set[Path] = set()
        tasks: list[Task] = []
        for path in files:
            doc_id = ids[path]
            fpath = facts_path(out, doc_id)
            digest = file_hash(path)
            header = read_header(fpath) if fpath.exists() else None
            if (
                digest
                and header
                and header.get("sha256") == digest
                and header.get("extractor") == extractor_key()
                and header.get("path") == str(path)
                and path.suffix.lower() != ".xml"
            ):
                # (a feed's facts depend on --as-of/--council too; it re-reads in milliseconds)
                keep.add(fpath)
                report.reused += 1
                continue
            tasks.append(Task(path=path, doc_id=doc_id, manifest=manifest_for(path, manifests)))
        t = report.lap("discover", t)

        def done(task: Task, outcome: Outcome) -> None:
            result, probs = outcome
            if progress:
                progress(task.doc_id, report.reused + report.extracted + report.failed + 1, len(files))
            if result is None:
                report.problems.extend(probs)
                report.failed += 1
                return
            write_facts(out, result, extractor_key())
            keep.add(facts_path(out, task.doc_id))
            report.extracted += 1

        count = min(len(tasks), workers if workers is not None else os.cpu_count() or 1)
        reused = sorted(keep)
        cached: dict[Path, tuple[dict, list[Fact], list[Problem]]] = {}
        if count == 0 or len(tasks) == 0:
            discard()  # the worker started for extraction has nothing to do
            for task in tasks:
                done(task, extract_one(task, **options))
        else:  # the workers extract (and load the model) while this process reads the unchanged facts
            extraction = Background(
                lambda: (
                    run_dask(tasks, options, max(count, 1), done)
                    if executor == "dask"
                    else run_guarded(tasks, options, count, doc_timeout or DOC_TIMEOUT, done)
                )
            )
            try:
                for fpath in reused:
                    cached[fpath] = read_facts(fpath)
            finally:
                extraction.join()
        t = report.lap("extract", t)
        # facts files of documents no longer in the input are not part of this build
        facts_dir = out / "facts"
        if facts_dir.exists():
            for stale in facts_dir.glob("*.jsonl"):
                if stale not in keep:
                    stale.unlink()
        inputs = inputs_key(keep, {"include_private": include_private})
        record = read_record(out, inputs, store)
        if record is not None:  # no facts file changed since the last build: its graph, store and pages stand
            report.facts.update(record.facts)
            report.people, report.bodies, report.triples = record.people, record.bodies, record.triples
            report.problems.extend(record.problems)
            report.lap("graph unchanged", t)
        else:
            forget_record(out)
            _graph_stages(
                out, sorted(keep), cached, report, t, inputs, include_private=include_private, store=store
            )
        report.problems.sort(key=lambda p: (p.doc_id, p.code, p.message))
        write_problems(out, report.problems)
    report.seconds = time.perf_counter() - started
    return report


def _graph_stages(
    out: Path,
    facts_files: list[Path],
    cached: dict[Path, tuple[dict, list[Fact], list[Problem]]],
    report: BuildReport,
    t: float,
    inputs: str,
    *,
    include_private: bool,
    store: bool,
) -> None:
    """Facts files -> graph, its files, the store and the pages, reported in `report`; then the
    record that lets a build with the same inputs skip all this (`graph.run.uptodate`)."""
    graph_problems_from = len(report.problems)  # what the record keeps: problems from here on
    docs: dict[str, dict] = {}
    facts_by_doc: dict[str, list[Fact]] = {}
    for fpath in facts_files:
        header, facts, probs = cached.pop(fpath, None) or read_facts(fpath)
        docs[header["doc_id"]] = header
        facts_by_doc[header["doc_id"]] = facts
        report.problems.extend(probs)
        for f in facts:
            report.facts[f.fact_type] += 1
    t = report.lap("read facts", t)
    result = graph_from_facts(docs, facts_by_doc, include_private=include_private)
    graph = result.triples
    report.problems.extend(result.problems)
    for stage, seconds in result.seconds:
        report.stages[stage] = report.stages.get(stage, 0.0) + seconds
    report.triples = len(graph)
    from graph.core.namespaces import FOAF, ORG, RDF

    kinds = Counter(
        o for (_s, p), objects in graph.by_subject_predicate().items() if p == RDF.type for o in objects
    )  # one pass: subjects per rdf:type
    report.people, report.bodies = kinds[FOAF.Person], kinds[ORG.Organization]
    del docs, facts_by_doc, result  # the pages need only the graph: the facts go before the view is built
    t = time.perf_counter()
    writer = GraphWriter(out, graph, store)  # graph.nt, graph.ttl and the store, beside the pages
    from graph.pages.site import mark_rendered, render_html

    try:  # the pages are a view: a failure to render is reported, and the graph stands
        render_html(out, graph)
        rendered = True
    except Exception as exc:  # noqa: BLE001
        rendered = False
        report.problems.append(
            Problem(
                doc_id="html",
                stage="graph.html",
                code="W900",
                message=f"HTML pages not written: {type(exc).__name__}: {exc}",
            )
        )
    t = report.lap("html", t)
    nt_digest = writer.join()
    if rendered:  # the pages and the graph.nt they show are both written
        mark_rendered(out, nt_digest)
    report.lap("write graph and store", t)
    write_record(
        out,
        inputs,
        store,
        facts=report.facts,
        people=report.people,
        bodies=report.bodies,
        triples=report.triples,
        problems=report.problems[graph_problems_from:],
    )
