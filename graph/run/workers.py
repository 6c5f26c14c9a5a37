"""Where documents are extracted and the graph files written: processes beside the build.

`run_guarded` hands documents one at a time to worker processes with a memory cap and a time
limit, so no input can stop or hang the build; `run_dask` runs the same `extract_one` on a Dask
cluster. Both yield each document's outcome to the build, which alone writes the output folder.
`WorkerSupply` starts a build's first worker before the build lists its documents: a worker spends
seconds importing spaCy and loading the model, and in a rebuild after one changed document that
wait was most of the extraction. `GraphWriter` writes graph.ttl, graph.nt and the store from
another process (one of the same forkserver) while the build renders the pages. Every process beside the build comes from one forkserver (`forkserver`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from extract import nlp
from extract.records import DocumentResult, Problem
from graph.run.options import BuildOptions

if TYPE_CHECKING:
    from extract.load import ManifestRow

# what a worker runs, imported by the forkserver before it forks one (`forkserver`); the build itself
# imports it only when it extracts in its own process, so its first worker starts before these load
_EXTRACTION = ("extract.load", "extract.readers", "extract.pipeline")

Outcome = tuple[DocumentResult | None, list[Problem]]
T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    path: Path
    doc_id: str
    manifest: ManifestRow | None


def extract_one(task: Task, options: BuildOptions) -> Outcome:
    """One file -> its DocumentResult (None when unreadable) and the problems on the way.
    Pure of the output folder, so it runs in this process, a worker process or a Dask worker."""
    from extract.load import load_document
    from extract.pipeline import extract_document
    from extract.readers import reader_of

    try:
        doc, probs = load_document(task.path, task.manifest, max_bytes=options.max_bytes)
        if doc is None:
            return None, probs
        if doc.doc_id != task.doc_id:
            doc = replace(doc, doc_id=task.doc_id)
        reader = reader_of(doc)
        if reader.snapshot is not None:  # a feed's date and council: manifest row, else --as-of / --council
            doc, more = reader.snapshot(doc, as_of=options.as_of, council=options.council)
            probs = [*probs, *more]
        result = extract_document(doc, use_model=options.use_model, model=options.model)
    except nlp.ModelMissing:
        raise  # no model: the build cannot run at all
    except (Exception, MemoryError, RecursionError) as exc:  # a document that breaks a stage is its problem
        return None, [
            Problem(
                doc_id=str(task.path),
                stage="extract",
                code="E500",
                message=f"extraction failed: {type(exc).__name__}: {str(exc)[:200]}",
            )
        ]
    # load warnings travel in the facts file, so a cached re-run reports them too
    return replace(result, problems=(*probs, *result.problems)), []


def _worker_main(conn, options: BuildOptions) -> None:
    """A guarded worker: address space capped, tasks in, outcomes out, until the pipe closes."""
    import resource

    if options.worker_memory_mb > 0:
        limit = options.worker_memory_mb * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(
            resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard)
        )
    if options.use_model:  # load the model before the first document arrives
        with contextlib.suppress(Exception):  # a missing model is reported by the first document
            nlp.load(options.model)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("done", extract_one(task, options)))
        except RuntimeError as exc:
            conn.send(("fatal", str(exc)))
            return


def forkserver():
    """The multiprocessing context of every process beside the build: one forkserver, a clean
    single-threaded parent with extraction imported."""
    import multiprocessing as mp

    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["graph.run.workers", *_EXTRACTION])
    return ctx


def spawn(options: BuildOptions) -> tuple[object, object]:
    """A new guarded extraction worker, as (process, connection)."""
    ctx = forkserver()
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_worker_main, args=(child, options), daemon=True)
    proc.start()
    child.close()
    return proc, parent


class WorkerSupply:
    """The guarded workers of one build. `start_one` starts the first as the build begins, so its
    model loads while the build lists and hashes the inputs; `take` hands it to the extraction (and
    spawns the others); `close` stops one nobody took (the build had nothing to extract)."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self._waiting: list[tuple[object, object]] = []

    def start_one(self) -> None:
        if not self._waiting:
            self._waiting.append(spawn(self.options))

    def take(self) -> tuple[object, object]:
        """A worker as (process, connection): the one started first when it is still waiting."""
        return self._waiting.pop() if self._waiting else spawn(self.options)

    def close(self) -> None:
        while self._waiting:
            proc, conn = self._waiting.pop()
            conn.close()  # type: ignore[attr-defined]
            with contextlib.suppress(Exception):
                proc.kill()  # type: ignore[attr-defined]
                proc.join()  # type: ignore[attr-defined]

    def __enter__(self) -> WorkerSupply:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@dataclass(slots=True)
class _Worker:
    proc: object
    conn: object
    task: Task | None = None
    since: float = 0.0


def _stop_worker(w: _Worker) -> None:
    w.conn.close()  # type: ignore[attr-defined]
    if w.proc.is_alive():  # type: ignore[attr-defined]
        w.proc.kill()  # type: ignore[attr-defined]
    w.proc.join()  # type: ignore[attr-defined]


def _give_up(pool: list[_Worker], w: _Worker, supply: WorkerSupply, code: str, message: str):
    """Stop `w` and put a new worker in its place; its document, if any, is a Problem."""
    task = w.task
    _stop_worker(w)
    pool[pool.index(w)] = _Worker(*supply.take())
    if task is None:
        return None
    return task, (None, [Problem(doc_id=str(task.path), stage="extract", code=code, message=message)])


def _answer(w: _Worker, pool: list[_Worker], supply: WorkerSupply):
    """What the worker `w` sent when its connection became readable: its document's outcome."""
    try:
        kind, payload = w.conn.recv()  # type: ignore[attr-defined]
    except (EOFError, OSError):
        w.proc.join(1)  # type: ignore[attr-defined]
        message = (
            f"the extraction worker died (exit {w.proc.exitcode}); over "  # type: ignore[attr-defined]
            f"{supply.options.worker_memory_mb} MB (COUNCILGRAPH_WORKER_MEMORY_MB) or a crash"
        )
        return _give_up(pool, w, supply, "E502", message)
    if kind == "fatal":
        raise RuntimeError(payload)
    task, w.task = w.task, None
    return task, payload


def run_guarded(
    tasks: list[Task], supply: WorkerSupply, count: int
) -> Generator[tuple[Task, Outcome], None, None]:
    """Documents over `count` worker processes, each outcome yielded as it arrives. A document
    that runs past the options' `doc_timeout`, or kills its worker (memory cap, a crash in a C
    library), becomes a Problem and the worker is replaced: no input can stop or hang the build."""
    from multiprocessing.connection import wait as wait_any

    timeout = supply.options.doc_timeout
    pending = deque(tasks)
    pool = [_Worker(*supply.take()) for _ in range(count)]
    try:
        while pending or any(w.task is not None for w in pool):
            for w in pool:
                if w.task is None and pending:
                    w.task, w.since = pending.popleft(), time.monotonic()
                    try:
                        w.conn.send(w.task)  # type: ignore[attr-defined]
                    except OSError:  # the worker died idle; its replacement takes the next document
                        message = "the extraction worker died before it could start this document"
                        if done := _give_up(pool, w, supply, "E502", message):
                            yield done
            busy = [w for w in pool if w.task is not None]
            if not busy:
                continue  # a worker was replaced while idle: hand out again
            wait = max(0.0, min(w.since for w in busy) + timeout - time.monotonic())
            ready = wait_any([w.conn for w in busy], timeout=wait)  # type: ignore[misc]
            for w in busy:
                if w.conn in ready:
                    done = _answer(w, pool, supply)
                elif time.monotonic() - w.since > timeout:
                    message = (
                        f"gave up after {timeout:.0f} s (COUNCILGRAPH_DOC_TIMEOUT); "
                        "the document is too large or too tangled to read"
                    )
                    done = _give_up(pool, w, supply, "E501", message)
                else:
                    continue
                if done:
                    yield done
    finally:
        for w in pool:
            _stop_worker(w)


def _lost(chunk: list[Task], exc: Exception) -> list[Outcome]:
    """The outcomes of a Dask partition whose worker died: a problem per document."""
    message = f"the Dask task failed: {type(exc).__name__}: {exc}"
    return [
        (None, [Problem(doc_id=str(t.path), stage="extract", code="E502", message=message)]) for t in chunk
    ]


def run_dask(
    tasks: list[Task], options: BuildOptions, count: int
) -> Generator[tuple[Task, Outcome], None, None]:
    """Documents over a Dask bag: on the cluster at DASK_SCHEDULER_ADDRESS when set, else on a
    LocalCluster of `count` processes. Results stream back a partition at a time; this process
    alone writes the output, so workers need to read the inputs but never see OUT."""
    size = max(1, min(16, len(tasks) // (count * 4) or 1))
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    with _dask_client(count) as client:  # E402 here when Dask is not installed
        import dask.bag as db
        from distributed import as_completed

        bag = db.from_sequence(tasks, partition_size=size).map(extract_one, options=options)
        parts = client.compute(bag.to_delayed())
        index = {f.key: i for i, f in enumerate(parts)}
        for fut in as_completed(parts):
            chunk = chunks[index[fut.key]]
            try:
                outcomes = fut.result()
            except Exception as exc:  # a lost partition (its worker died) is a problem per document
                outcomes = _lost(chunk, exc)
            fut.release()
            yield from zip(chunk, outcomes, strict=True)


@contextlib.contextmanager
def _dask_client(count: int) -> Generator[Any, None, None]:
    """A client of the cluster at DASK_SCHEDULER_ADDRESS when set, else of a LocalCluster of `count`
    processes of one thread each (spaCy and the graph stages are CPU-bound), closed after."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError("E402 --executor dask needs Dask: pip install 'councilgraph[dask]'") from exc
    address = dask.config.get("scheduler-address", None)
    cluster = (
        None
        if address
        else LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None)
    )
    try:
        with Client(address or cluster) as client:
            yield client
    finally:
        if cluster is not None:
            cluster.close()


def map_groups(
    fn: Callable[..., T], tasks: list[tuple], kwargs: dict[str, Any], options: BuildOptions
) -> list[T]:
    """`fn(*task, **kwargs)` for each task, results in the tasks' order: in this process, or with
    `--executor dask` as one Dask task each (the graph stages of a council: `graph.run.bycouncil`).
    A Dask worker reads the facts files and writes its part file in OUT, so on a cluster OUT must be
    on a file system the workers share; `kwargs["cached"]` (facts read already) stays here."""
    if options.executor != "dask" or len(tasks) < 2:
        return [fn(*task, **kwargs) for task in tasks]
    kwargs = {k: v for k, v in kwargs.items() if k != "cached"}
    count = min(len(tasks), options.workers or os.cpu_count() or 1)
    with _dask_client(count) as client:
        futures = [client.submit(fn, *task, pure=False, **kwargs) for task in tasks]
        return client.gather(futures)


# --- the graph files, written beside the page render --------------------------------------


def _writer_main(conn, out: Path, store: bool) -> None:
    """graph.ttl, graph.nt and the store from the N-Triples file the build names, once it does."""
    try:
        message = conn.recv()
    except EOFError:  # the build stopped before it had a graph
        return
    try:
        # imported here, not by the module: a worker's start (the forkserver preloads this module) is
        # on the path of every rebuild, and rdflib and pyoxigraph are no part of extraction
        from graph.core.store import write_graph_from, write_store

        tmp, digest, lines = message
        change = write_graph_from(out, Path(tmp), digest, lines)
        if store:
            write_store(out, if_changed=True, change=change)
        conn.send(None)
    except BaseException as exc:  # noqa: BLE001 - reported by the build process
        conn.send(f"{type(exc).__name__}: {exc}"[:2000])


class GraphWriter:
    """graph.nt, graph.ttl and the store, written while the build renders the pages, so the two
    share the machine's cores. The build writes the sorted N-Triples to a temporary file itself
    (`write`, a subject at a time: `graph.core.triples.nt_chunks`); a process of the extraction
    forkserver, started before the graph stages so that its start is off their path, writes
    graph.ttl from that file, renames it to graph.nt and loads the store. `join` waits and gives
    graph.nt's digest (the pages' stamp names it); files that already hold the graph are left as
    they are.

    The writer was a fork of the build until this round: a fork starts with the build's whole
    memory (1 GB at 10,000 documents, all of it counted again in the child's resident size) and
    copies each page of the graph it reads. The forkserver's process holds only what it writes."""

    def __init__(self, out: Path, store: bool) -> None:
        ctx = forkserver()
        self._out = out
        self._conn, child = ctx.Pipe()
        self._proc: Any = ctx.Process(target=_writer_main, args=(child, out, store), daemon=True)
        self._proc.start()
        child.close()
        self._digest: str | None = None

    def write(self, graph) -> None:
        """The graph's sorted N-Triples into a temporary file in OUT, handed to the writer."""
        import tempfile

        from graph.core.triples import nt_chunks

        h, lines = hashlib.sha256(), 0
        fd, tmp = tempfile.mkstemp(dir=self._out, prefix=".graph.nt.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            for chunk in nt_chunks(graph):
                h.update(chunk)
                lines += chunk.count(b"\n")
                fh.write(chunk)
        self.hand(Path(tmp), h.hexdigest(), lines)

    def hand(self, tmp: Path, digest: str, lines: int) -> None:
        """A sorted N-Triples temporary file in OUT, written already (its sha256 and line count
        given), handed to the writer, which renames it to graph.nt."""
        self._digest = digest
        self._conn.send((str(tmp), digest, lines))

    def join(self) -> str:
        """graph.nt's digest once the files are written; RuntimeError with the writer's reason when
        they could not be."""
        try:
            error = self._conn.recv()
        except EOFError:
            error = f"the process writing them died (exit {self._proc.exitcode})"
        self.close()
        if error is not None:
            raise RuntimeError(f"E403 graph.ttl, graph.nt or the store could not be written: {error}")
        return self._digest  # type: ignore[return-value]

    def close(self) -> None:
        """Let the writer go (it stops unasked when the build never `write`s) and wait for it."""
        self._conn.close()
        self._proc.join()

    def __enter__(self) -> GraphWriter:
        return self

    def __exit__(self, *_exc: object) -> None:
        if not self._conn.closed:
            self.close()


class Background(Generic[T]):
    """A function run in a thread; `join` waits for it and gives what it returned (or raises what it
    raised): the thread's outcome reaches the caller as a value, never by changing the caller's objects."""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._error: BaseException | None = None
        self._value: T | None = None

        def run() -> None:
            try:
                self._value = fn()
            except BaseException as exc:  # noqa: BLE001 - handed to the joining thread
                self._error = exc

        self._thread = threading.Thread(target=run, name="councilgraph-extract", daemon=True)
        self._thread.start()

    def join(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]
