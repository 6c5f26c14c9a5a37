"""Shared fixtures: one build of each bundled corpus per test session, and a helper that
extracts the facts of a sentence, so extraction tests read as sentence -> fact tables."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from pathlib import Path

import pytest

from extract.pipeline import extract_document
from extract.records import Document, Fact, PartialDate
from graph.run.corpus import build_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "herefordshire"
DEV = ROOT / "corpus" / "dev" / "docs"
GOLD = ROOT / "tests" / "gold"


def make_document(
    text: str,
    *,
    doc_id: str = "test.txt",
    council: str | None = "Herefordshire Council",
    date: str | None = "2024-07-30",
    title: str | None = None,
) -> Document:
    return Document(
        doc_id=doc_id,
        path=doc_id,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        council=council,
        date=PartialDate(date) if date else None,
        title=title,
    )


def facts_of(text: str, fact_type: str | None = None, *, use_model: bool = False, **meta) -> list[Fact]:
    """The facts extracted from `text` (optionally only one type), without the spaCy model."""
    result = extract_document(make_document(text, **meta), use_model=use_model)
    assert not result.problems, result.problems
    return [f for f in result.facts if fact_type is None or f.fact_type == fact_type]


def dev_corpus(tmp_path: Path, n: int) -> Path:
    """A folder of the first `n` dev documents, to build and change."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(DEV.glob("*.txt"))[:n]:
        shutil.copy(p, corpus / p.name)
    return corpus


def change_document(path: Path) -> None:
    """Change one document as an editor would: a line added that names someone new."""
    path.write_text(
        path.read_text(encoding="utf-8") + "\nCouncillor Ffion Ackroyd gave apologies.\n", encoding="utf-8"
    )


def synthetic_copies(facts: Path, n: int, out: Path) -> Path:
    """`n` facts files in OUT written by `bench/synthetic_facts.py` from the facts in FACTS: copy k of each
    file is another council's paper (the benchmark's own generator, loaded from its file)."""
    spec = importlib.util.spec_from_file_location("synthetic_facts", ROOT / "bench" / "synthetic_facts.py")
    assert spec and spec.loader
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    synthetic.write(facts, n, out)
    return out


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    build_corpus([SEEDS], out)
    return out


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dev")
    build_corpus([DEV], out)
    return out
