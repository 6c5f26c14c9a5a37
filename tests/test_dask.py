"""`--executor dask`: extraction on a Dask cluster (a LocalCluster of 2 workers here) writes the
same facts files and the same graph, byte for byte, as the local build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.run.corpus import build_corpus

pytest.importorskip("distributed")

DEV = Path(__file__).resolve().parent.parent / "corpus" / "dev" / "docs"


def _files(out: Path) -> dict[str, bytes]:
    names = [
        "graph.ttl",
        "graph.nt",
        "problems.jsonl",
        *(f"facts/{p.name}" for p in (out / "facts").glob("*.jsonl")),
    ]
    return {n: (out / n).read_bytes() for n in sorted(names)}


def test_dask_local_cluster_builds_the_same_facts_and_graph(tmp_path, monkeypatch):
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for p in sorted(DEV.glob("*.txt"))[:4]:
        shutil.copy(p, corpus / p.name)
    local = build_corpus([corpus], tmp_path / "local", store=False, workers=0)
    dask = build_corpus([corpus], tmp_path / "dask", store=False, executor="dask", workers=2)
    assert dask.extracted == local.extracted == 4
    got, want = _files(tmp_path / "dask"), _files(tmp_path / "local")
    assert got.keys() == want.keys()
    for name in want:
        lines = [
            (a, b) for a, b in zip(got[name].splitlines(), want[name].splitlines(), strict=False) if a != b
        ]
        assert got[name] == want[name], f"{name} differs: dask {lines[:1]} local"
