"""The facts folder's cache key is the extractor itself: a digest of its source and pattern files and the
model, so editing a rule re-reads every document (a hand-bumped version number let stale facts stand)."""

from __future__ import annotations

import shutil
from pathlib import Path

from extract import extractor_key
from graph.run.corpus import build_corpus

ROOT = Path(__file__).resolve().parent.parent


def test_editing_a_pattern_file_changes_the_key(tmp_path):
    copy = tmp_path / "extract"
    shutil.copytree(ROOT / "extract", copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = extractor_key(copy)
    assert extractor_key(copy) == before  # the same files give the same key
    rules = copy / "patterns" / "holders.jsonl"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    extractor_key.cache_clear()  # a build reads the files once per process; this test edits them between
    assert extractor_key(copy) != before


def test_a_changed_extractor_reads_every_document_again(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Westbury Borough Council\n\nAnna Price, Director of Housing, presented the report.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    first = build_corpus([docs], out, workers=0, use_model=False, wait=True)
    again = build_corpus([docs], out, workers=0, use_model=False, wait=True)
    assert (first.extracted, again.reused, again.extracted) == (1, 1, 0)
    monkeypatch.setattr("graph.run.steps.extractor_key", lambda **_model: "an edited rule")
    edited = build_corpus([docs], out, workers=0, use_model=False, wait=True)
    assert (edited.reused, edited.extracted) == (0, 1)


def test_another_model_reads_every_document_again(tmp_path):
    """The key names the build's model (`BuildOptions.model`): facts read with one model do not stand for another."""
    from graph.run.build import build
    from graph.run.options import BuildOptions

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Westbury Borough Council\n\nAnna Price, Director of Housing.\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert build([docs], out, BuildOptions(use_model=False, workers=0)).extracted == 1
    assert build([docs], out, BuildOptions(use_model=False, workers=0)).reused == 1
    other = build([docs], out, BuildOptions(use_model=False, workers=0, model="en_other_model"))
    assert (other.reused, other.extracted) == (0, 1)
