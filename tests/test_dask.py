"""`--executor dask`: extraction on a Dask cluster (a LocalCluster of 2 workers here) writes the
same facts files and the same graph, byte for byte, as the local build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.run.corpus import build_corpus
from tests.conftest import synthetic_copies

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


def test_dask_graph_stages_by_council_write_the_local_graph_and_pages(tmp_path, monkeypatch):
    """`--executor dask` runs each council's graph stages as a Dask task (its facts files -> its part
    file): the graph files, problems and pages are the local build's, byte for byte."""

    from graph.run.build import build_graph
    from graph.run.options import BuildOptions

    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for p in sorted(DEV.glob("*.txt"))[:3]:
        shutil.copy(p, corpus / p.name)
    build_corpus([corpus], tmp_path / "src", store=False, workers=0)
    synthetic_copies(tmp_path / "src" / "facts", 6, tmp_path / "facts")  # two copies: two councils at least
    councils = {
        (f.read_text(encoding="utf-8").split("\n", 1)[0].split('"council": ')[1].split(",")[0])
        for f in (tmp_path / "facts").glob("*.jsonl")
    }
    assert len(councils) >= 2
    local = build_graph(tmp_path / "facts", tmp_path / "local", BuildOptions(store=False, workers=0))
    dask = build_graph(
        tmp_path / "facts", tmp_path / "dask", BuildOptions(store=False, executor="dask", workers=2)
    )
    assert (dask.triples, dask.people, dask.facts) == (local.triples, local.people, local.facts)
    for out in ("local", "dask"):
        assert not list((tmp_path / out).glob(".parts.*"))  # the part files are gone
    pages = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local" / "html").rglob("*.html"))
    assert pages
    for name in ["graph.nt", "graph.ttl", "problems.jsonl", *map(str, pages)]:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
