"""An extraction worker started before the build has listed its documents.

A worker spends about three seconds importing spaCy and loading the model before it reads its
first document. In a rebuild after one changed document that wait was most of the extraction
stage, and it began only after the command had imported the build and hashed every input. The
command (or `build_corpus`) starts one worker first thing; the extraction takes it when the
options match, and a build with nothing to extract stops it. This module imports nothing heavy,
so starting the worker costs the command only the process spawn.
"""

from __future__ import annotations

import contextlib

_started: list[tuple[dict, object, object]] = []  # (options, process, connection), not yet taken


def worker_options(*, use_model: bool, as_of: object, council: str | None) -> dict:
    """The options every extraction worker of a build runs with (the model name is the build's)."""
    from extract.nlp import model_name

    return {"use_model": use_model, "as_of": as_of, "council": council, "model": model_name()}


def _run(conn, options: dict, memory_mb: int | None) -> None:
    from graph.run.workers import WORKER_MEMORY_MB, _worker_main

    _worker_main(conn, options, WORKER_MEMORY_MB if memory_mb is None else memory_mb)


def forkserver():
    """The multiprocessing context of every process beside the build: one forkserver, a clean
    single-threaded parent with extraction imported (`graph.run.workers`)."""
    import multiprocessing as mp

    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["graph.run.workers"])
    return ctx


def spawn(options: dict, memory_mb: int | None = None) -> tuple[object, object]:
    """A new guarded extraction worker with `options`, as (process, connection); its memory cap
    is `memory_mb`, else `graph.run.workers.WORKER_MEMORY_MB` as the worker reads it."""
    ctx = forkserver()
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_run, args=(child, options, memory_mb), daemon=True)
    proc.start()
    child.close()
    return proc, parent


def prestart(options: dict) -> None:
    """Start one guarded worker with `options`, unless one is already waiting with them."""
    if not any(o == options for o, _p, _c in _started):
        _started.append((options, *spawn(options)))


def take(options: dict) -> tuple[object, object] | None:
    """A waiting worker started with `options` as (process, connection), or None."""
    for i, (o, proc, conn) in enumerate(_started):
        if o == options:
            del _started[i]
            return proc, conn
    return None


def discard() -> None:
    """Stop the workers nobody took (the build had fewer documents to extract, or none)."""
    while _started:
        _o, proc, conn = _started.pop()
        conn.close()
        with contextlib.suppress(Exception):
            proc.kill()
            proc.join()
