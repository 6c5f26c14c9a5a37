"""A build starts its first extraction worker before it lists its documents (`WorkerSupply`): the
extraction takes that one, and a build with nothing to extract stops it."""

from __future__ import annotations

import multiprocessing as mp

import graph.run.workers
from graph.run.build import build
from graph.run.options import BuildOptions
from graph.run.workers import WorkerSupply
from tests.conftest import change_document, dev_corpus

NO_MODEL = BuildOptions(use_model=False, workers=0)


def test_the_worker_started_first_is_the_one_taken_and_one_is_enough():
    supply = WorkerSupply(NO_MODEL)
    supply.start_one()
    supply.start_one()  # one is enough
    with supply:
        first = supply._waiting[0]
        assert len(supply._waiting) == 1
        proc, conn = supply.take()
        assert (proc, conn) == first and proc.is_alive() and not supply._waiting
        conn.close()
        proc.kill()
        proc.join()


def test_the_worker_started_first_extracts_the_changed_document(tmp_path, monkeypatch):
    corpus = dev_corpus(tmp_path, 3)
    out = tmp_path / "out"
    build([corpus], out, NO_MODEL)
    changed = sorted(corpus.glob("*.txt"))[1]
    change_document(changed)
    spawned, waiting_when_taken = [], []
    spawn, take = graph.run.workers.spawn, WorkerSupply.take
    monkeypatch.setattr(graph.run.workers, "spawn", lambda options: spawned.append(1) or spawn(options))
    monkeypatch.setattr(
        WorkerSupply, "take", lambda self: waiting_when_taken.append(bool(self._waiting)) or take(self)
    )
    report = build([corpus], out, BuildOptions(use_model=False, workers=1))
    assert report.extracted == 1 and waiting_when_taken == [True] and len(spawned) == 1
    fresh = tmp_path / "fresh"
    build([corpus], fresh, NO_MODEL)
    assert (out / "graph.nt").read_bytes() == (fresh / "graph.nt").read_bytes()


def test_a_build_with_nothing_to_extract_stops_the_worker_it_started(tmp_path):
    corpus = dev_corpus(tmp_path, 2)
    out = tmp_path / "out"
    build([corpus], out, NO_MODEL)
    report = build([corpus], out, BuildOptions(use_model=False, workers=2))
    assert report.extracted == 0
    assert not [p for p in mp.active_children() if p.is_alive()]
