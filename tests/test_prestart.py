"""A worker is started before the build lists its documents: the extraction takes it when its
options match, and a build with nothing to extract stops it."""

from __future__ import annotations

import multiprocessing as mp

import graph.run.prestart as prestart
from graph.run.corpus import build_corpus
from tests.conftest import change_document, dev_corpus


def test_a_waiting_worker_is_taken_only_with_the_options_it_was_started_with():
    options = prestart.worker_options(use_model=False, as_of=None, council=None)
    prestart.prestart(options)
    prestart.prestart(options)  # one is enough
    try:
        assert len(prestart._started) == 1
        assert prestart.take({**options, "council": "Elsewhere Council"}) is None
        proc, conn = prestart.take(options)
        assert proc.is_alive() and prestart.take(options) is None
        conn.close()
        proc.kill()
        proc.join()
    finally:
        prestart.discard()


def test_the_worker_started_first_extracts_the_changed_document(tmp_path, monkeypatch):
    corpus = dev_corpus(tmp_path, 3)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    changed = sorted(corpus.glob("*.txt"))[1]
    change_document(changed)
    taken = []
    take = prestart.take
    monkeypatch.setattr(prestart, "take", lambda options: taken.append(take(options)) or taken[-1])
    report = build_corpus([corpus], out, use_model=False, workers=1)
    assert report.extracted == 1 and len(taken) == 1 and taken[0] is not None
    fresh = tmp_path / "fresh"
    build_corpus([corpus], fresh, use_model=False, workers=0)
    assert (out / "graph.nt").read_bytes() == (fresh / "graph.nt").read_bytes()


def test_a_build_with_nothing_to_extract_stops_the_worker_it_started(tmp_path):
    corpus = dev_corpus(tmp_path, 2)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    report = build_corpus([corpus], out, use_model=False, workers=2)
    assert report.extracted == 0
    assert not prestart._started
    assert not [p for p in mp.active_children() if p.is_alive()]
