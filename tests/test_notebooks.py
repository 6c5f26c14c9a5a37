"""The notebooks run end to end on the bundled corpus: a notebook that fails is a failing test.

They share one build folder (COUNCILGRAPH_NOTEBOOK_OUT), so the first builds the corpus and
the others reuse its unchanged facts files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip(
    "nbformat", reason="nbformat is not installed: run .venv/bin/pip install -e '.[test]'"
)
nbclient = pytest.importorskip(
    "nbclient", reason="nbclient is not installed: run .venv/bin/pip install -e '.[test]'"
)

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("notebook_build")


def test_there_are_at_least_three_notebooks():
    names = {p.stem for p in NOTEBOOKS}
    assert {"leadership_turnover", "sparql_cookbook", "network_analysis"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, build_dir: Path, monkeypatch):
    monkeypatch.setenv("COUNCILGRAPH_NOTEBOOK_OUT", str(build_dir))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute(env=dict(os.environ))
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"
    ]
    assert errors == []
    assert (build_dir / "graph.ttl").is_file()
