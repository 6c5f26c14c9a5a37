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
import hashlib
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from extract import EXTRACTOR_VERSION
from extract.load import ManifestRow, discover, doc_id_for, file_hash, load_document, manifest_for
from extract.moderngov import is_feed, snapshot
from extract.nlp import ModelMissing, model_name
from extract.pipeline import extract_document
from extract.records import DocumentResult, Fact, PartialDate, Problem
from graph.build import build_triples
from graph.resolve import resolve
from graph.store import (
    build_lock,
    facts_path,
    read_facts,
    read_header,
    write_facts,
    write_graph,
    write_problems,
    write_store,
)
from graph.triples import nt_bytes


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


# --- extraction of one document, and the executors that run it ---------------------------

EXECUTORS = ("local", "dask")
DOC_TIMEOUT = float(os.environ.get("COUNCILGRAPH_DOC_TIMEOUT", 300))
WORKER_MEMORY_MB = int(os.environ.get("COUNCILGRAPH_WORKER_MEMORY_MB", 4096))

_Outcome = tuple[DocumentResult | None, list[Problem]]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Task:
    path: Path
    doc_id: str
    manifest: ManifestRow | None


def extract_one(task: _Task, *, use_model: bool = True, as_of: PartialDate | None = None,
                council: str | None = None, model: str | None = None) -> _Outcome:
    """One file -> its DocumentResult (None when unreadable) and the problems on the way.
    Pure of the output folder, so it runs in this process, a worker process or a Dask worker;
    `model` is the build's model name, which a worker started elsewhere may not have in its environment."""
    if model and os.environ.get("COUNCILGRAPH_MODEL") != model:
        os.environ["COUNCILGRAPH_MODEL"] = model
    try:
        doc, probs = load_document(task.path, task.manifest)
        if doc is None:
            return None, probs
        if doc.doc_id != task.doc_id:
            doc = replace(doc, doc_id=task.doc_id)
        if is_feed(doc):  # snapshot date and council: manifest row, else --as-of / --council
            doc, more = snapshot(doc, as_of=as_of, council=council)
            probs = [*probs, *more]
        result = extract_document(doc, use_model=use_model)
    except ModelMissing:
        raise  # no model: the build cannot run at all
    except (Exception, MemoryError, RecursionError) as exc:  # a document that breaks a stage is its problem
        return None, [Problem(doc_id=str(task.path), stage="extract", code="E500",
                              message=f"extraction failed: {type(exc).__name__}: {str(exc)[:200]}")]
    # load warnings travel in the facts file, so a cached re-run reports them too
    return replace(result, problems=(*probs, *result.problems)), []


def _worker_main(conn, options: dict, memory_mb: int) -> None:
    """A guarded worker: address space capped, tasks in, outcomes out, until the pipe closes."""
    import resource

    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    if options.get("use_model"):  # load the model before the first document arrives
        if options.get("model"):
            os.environ["COUNCILGRAPH_MODEL"] = options["model"]
        with contextlib.suppress(Exception):  # a missing model is reported by the first document
            from extract.nlp import load

            load()
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("done", extract_one(task, **options)))
        except RuntimeError as exc:
            conn.send(("fatal", str(exc)))
            return


@dataclass(slots=True)
class _Worker:
    proc: object
    conn: object
    task: _Task | None = None
    since: float = 0.0


def _start_worker(ctx, options: dict) -> _Worker:
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_worker_main, args=(child, options, WORKER_MEMORY_MB), daemon=True)
    proc.start()
    child.close()
    return _Worker(proc=proc, conn=parent)


def _stop_worker(w: _Worker) -> None:
    w.conn.close()
    if w.proc.is_alive():
        w.proc.kill()
    w.proc.join()


def _run_guarded(tasks: list[_Task], options: dict, count: int, timeout: float,
                 done: Callable[[_Task, _Outcome], None]) -> None:
    """Documents over `count` worker processes. A document that runs past `timeout` seconds,
    or kills its worker (memory cap, a crash in a C library), becomes a Problem and the
    worker is replaced: no input can stop or hang the build."""
    import multiprocessing as mp
    from collections import deque
    from multiprocessing.connection import wait as wait_any

    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["graph.corpus"])  # workers start with extraction imported
    pending = deque(tasks)
    pool = [_start_worker(ctx, options) for _ in range(count)]

    def give_up(w: _Worker, code: str, message: str) -> None:
        task = w.task
        _stop_worker(w)
        pool[pool.index(w)] = _start_worker(ctx, options)
        if task is not None:
            done(task, (None, [Problem(doc_id=str(task.path), stage="extract", code=code, message=message)]))

    try:
        while True:
            for w in pool:
                if w.task is None and pending:
                    w.task, w.since = pending.popleft(), time.monotonic()
                    try:
                        w.conn.send(w.task)
                    except OSError:  # the worker died idle; its replacement takes the next document
                        give_up(w, "E502", "the extraction worker died before it could start this document")
            busy = [w for w in pool if w.task is not None]
            if not busy:
                if pending:
                    continue  # a worker was replaced while idle: hand out again
                return
            now = time.monotonic()
            ready = wait_any([w.conn for w in busy], timeout=max(0.0, min(w.since for w in busy) + timeout - now))
            for w in busy:
                if w.conn in ready:
                    try:
                        kind, payload = w.conn.recv()
                    except (EOFError, OSError):
                        w.proc.join(1)
                        code = w.proc.exitcode
                        give_up(w, "E502", f"the extraction worker died (exit {code}); over "
                                           f"{WORKER_MEMORY_MB} MB (COUNCILGRAPH_WORKER_MEMORY_MB) or a crash")
                        continue
                    if kind == "fatal":
                        raise RuntimeError(payload)
                    task, w.task = w.task, None
                    done(task, payload)
                elif time.monotonic() - w.since > timeout:
                    give_up(w, "E501", f"gave up after {timeout:.0f} s (COUNCILGRAPH_DOC_TIMEOUT); "
                                       "the document is too large or too tangled to read")
    finally:
        for w in pool:
            _stop_worker(w)


def _run_dask(tasks: list[_Task], options: dict, count: int, done: Callable[[_Task, _Outcome], None]) -> None:
    """Documents over a Dask bag: on the cluster at DASK_SCHEDULER_ADDRESS when set, else on a
    LocalCluster of `count` processes. Results stream back a partition at a time; this process
    alone writes the output, so workers need to read the inputs but never see OUT."""
    try:
        import dask
        import dask.bag as db
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise RuntimeError("E402 --executor dask needs Dask: pip install 'councilgraph[dask]'") from exc
    size = max(1, min(16, len(tasks) // (count * 4) or 1))
    chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    address = dask.config.get("scheduler-address", None)
    cluster = None if address else LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                                                dashboard_address=None)
    try:
        with Client(address or cluster) as client:
            bag = db.from_sequence(tasks, partition_size=size).map(extract_one, **options)
            parts = client.compute(bag.to_delayed())
            index = {f.key: i for i, f in enumerate(parts)}
            for fut in as_completed(parts):
                chunk = chunks[index[fut.key]]
                try:
                    outcomes = fut.result()
                except Exception as exc:  # a lost partition (its worker died) is a problem per document
                    outcomes = [(None, [Problem(doc_id=str(t.path), stage="extract", code="E502",
                                                message=f"the Dask task failed: {type(exc).__name__}: {exc}")])
                                for t in chunk]
                fut.release()
                for task, outcome in zip(chunk, outcomes, strict=True):
                    done(task, outcome)
    finally:
        if cluster is not None:
            cluster.close()


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


def _write_graph_files(out: Path, nt: bytes, store: bool) -> None:
    change = write_graph(out, nt)  # (a file already holding the same bytes is not rewritten)
    if store:
        write_store(out, if_changed=True, change=change)  # kept, or updated by the change to graph.nt


def _writer_main(conn, out: Path, store: bool) -> None:
    try:
        _write_graph_files(out, conn.recv_bytes(), store)
        conn.send(None)
    except BaseException as exc:  # noqa: BLE001 - reported by the build process
        conn.send(f"{type(exc).__name__}: {exc}")


class _GraphWriter:
    """graph.ttl, graph.nt and the store written by another process while the build renders the
    pages, so the two stages share the machine's cores. The process comes from the forkserver the
    extraction workers come from (a clean, single-threaded parent: forking the build itself, with
    the threads of native libraries in it, can deadlock) and is handed only the N-Triples bytes.
    When the files already hold these bytes nothing is started."""

    def __init__(self, out: Path, nt: bytes, store: bool) -> None:
        import multiprocessing as mp

        self._proc = self._conn = None
        if _graph_files_hold(out, nt, store):
            return
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["graph.corpus"])
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_writer_main, args=(child, out, store), daemon=True)
        self._proc.start()
        child.close()
        self._conn.send_bytes(nt)

    def join(self) -> None:
        """Wait for the files; raise RuntimeError with the writer's reason when they could not be written."""
        if self._proc is None:
            return
        try:
            error = self._conn.recv()
        except EOFError:
            error = f"the process writing them died (exit {self._proc.exitcode})"
        self._proc.join()
        self._conn.close()
        if error is not None:
            raise RuntimeError(f"E403 graph.ttl, graph.nt or the store could not be written: {error}")


def _graph_files_hold(out: Path, nt: bytes, store: bool) -> bool:
    """graph.nt holds `nt` (so graph.ttl was written from it) and the store was loaded from it."""
    from graph.store import store_digest

    try:
        if not (out / "graph.ttl").is_file() or (out / "graph.nt").read_bytes() != nt:
            return False
    except OSError:
        return False
    return not store or store_digest(out) == hashlib.sha256(nt).hexdigest()


class _Background:
    """A function run in a thread; `join` waits for it and raises what it raised."""

    def __init__(self, fn: Callable[[], None]) -> None:
        self._error: BaseException | None = None

        def run() -> None:
            try:
                fn()
            except BaseException as exc:  # noqa: BLE001 - handed to the joining thread
                self._error = exc

        self._thread = threading.Thread(target=run, name="councilgraph-extract", daemon=True)
        self._thread.start()

    def join(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


def build_corpus(paths: list[Path], out: Path, *, include_private: bool = False, use_model: bool = True,
                 progress: Callable[[str, int, int], None] | None = None, wait: bool = False,
                 store: bool = True, as_of: PartialDate | None = None, council: str | None = None,
                 executor: str = "local", workers: int | None = None,
                 doc_timeout: float | None = None) -> BuildReport:
    """Build OUT from PATHS. `workers`: extraction processes (None: one per core, 0: in this
    process, unguarded); `executor="dask"` runs extraction on a Dask cluster instead (a
    LocalCluster of `workers` processes, or the scheduler in DASK_SCHEDULER_ADDRESS)."""
    if executor not in EXECUTORS:
        raise RuntimeError(f"E401 unknown executor {executor!r}; use one of {', '.join(EXECUTORS)}")
    started = time.perf_counter()
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
        tasks: list[_Task] = []
        for path in files:
            doc_id = ids[path]
            fpath = facts_path(out, doc_id)
            digest = file_hash(path)
            header = read_header(fpath) if fpath.exists() else None
            if digest and header and header.get("sha256") == digest and header.get("extractor") == EXTRACTOR_VERSION \
                    and header.get("path") == str(path) and path.suffix.lower() != ".xml":
                # (a feed's facts depend on --as-of/--council too; it re-reads in milliseconds)
                keep.add(fpath)
                report.reused += 1
                continue
            tasks.append(_Task(path=path, doc_id=doc_id, manifest=manifest_for(path, manifests)))
        t = report.lap("discover", t)

        def done(task: _Task, outcome: _Outcome) -> None:
            result, probs = outcome
            if progress:
                progress(task.doc_id, report.reused + report.extracted + report.failed + 1, len(files))
            if result is None:
                report.problems.extend(probs)
                report.failed += 1
                return
            write_facts(out, result, EXTRACTOR_VERSION)
            keep.add(facts_path(out, task.doc_id))
            report.extracted += 1

        options = {"use_model": use_model, "as_of": as_of, "council": council, "model": model_name()}
        count = min(len(tasks), workers if workers is not None else os.cpu_count() or 1)
        reused = sorted(keep)
        cached: dict[Path, tuple[dict, list[Fact], list[Problem]]] = {}
        if count == 0 or len(tasks) == 0:
            for task in tasks:
                done(task, extract_one(task, **options))
        else:  # the workers extract (and load the model) while this process reads the unchanged facts
            extraction = _Background(lambda: _run_dask(tasks, options, max(count, 1), done) if executor == "dask"
                                     else _run_guarded(tasks, options, count, doc_timeout or DOC_TIMEOUT, done))
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
        docs: dict[str, dict] = {}
        facts_by_doc: dict[str, list[Fact]] = {}
        for fpath in sorted(keep):
            header, facts, probs = cached.pop(fpath, None) or read_facts(fpath)
            docs[header["doc_id"]] = header
            facts_by_doc[header["doc_id"]] = facts
            report.problems.extend(probs)
            for f in facts:
                report.facts[f.fact_type] += 1
        t = report.lap("read facts", t)
        res = resolve(docs, facts_by_doc)
        t = report.lap("resolve", t)
        report.problems.extend(res.problems)
        graph = build_triples(docs, facts_by_doc, res, include_private=include_private)
        report.problems.extend(p for p in res.problems if p.stage == "graph.tenure")  # found while building
        report.triples = len(graph)
        from graph.namespaces import FOAF, ORG, RDF

        report.people = len(set(graph.subjects(RDF.type, FOAF.Person)))
        report.bodies = len(set(graph.subjects(RDF.type, ORG.Organization)))
        nt = nt_bytes(graph)
        t = report.lap("graph", t)
        writer = _GraphWriter(out, nt, store)  # graph.ttl, graph.nt and the store, beside the pages
        try:  # the pages are a view: a failure to render is reported, and the graph stands
            from graph.html import render_html

            render_html(out, graph, skip_unchanged=True, nt=nt)
        except Exception as exc:  # noqa: BLE001
            report.problems.append(Problem(doc_id="html", stage="graph.html", code="W900",
                                           message=f"HTML pages not written: {type(exc).__name__}: {exc}"))
        t = report.lap("html", t)
        writer.join()
        t = report.lap("write graph and store", t)
        report.problems.sort(key=lambda p: (p.doc_id, p.code, p.message))
        write_problems(out, report.problems)
    report.seconds = time.perf_counter() - started
    return report
