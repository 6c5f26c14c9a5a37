"""The synthetic facts of `bench/synthetic_facts.py` (issue 24's 100,000-document run): each copy of a real
facts file is another council's paper about other people, so the graph stages see k councils, not one council
k times over."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from graph.run.build import build_graph
from graph.run.options import BuildOptions

ROOT = Path(__file__).resolve().parent.parent


def _module():
    spec = importlib.util.spec_from_file_location("synthetic_facts", ROOT / "bench" / "synthetic_facts.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_copies_are_other_councils_with_other_people(seeds_build, tmp_path):
    synthetic = _module()
    n = len(list((seeds_build / "facts").glob("*.jsonl")))
    synthetic.write(seeds_build / "facts", 3 * n, tmp_path / "facts")
    one = build_graph(seeds_build / "facts", tmp_path / "one", BuildOptions(store=False))
    three = build_graph(tmp_path / "facts", tmp_path / "three", BuildOptions(store=False))
    # no copy's people join another's (a few more: a form a copy renames apart from its other forms)
    assert 3 * one.people <= three.people <= 3.1 * one.people
    assert three.facts == one.facts + one.facts + one.facts
    ttl = (tmp_path / "three" / "graph.ttl").read_text(encoding="utf-8")
    for k in (1, 2):
        assert f'"{synthetic.place(k)} Council"' in ttl


def test_a_copy_keeps_each_evidence_span_whole():
    synthetic = _module()
    raw = [
        '{"council": "Ashcombe Council", "doc_id": "d.txt", "type": "document"}',
        '{"evidence": {"doc_id": "d.txt", "end": 17, "start": 0, "text": "Cllr Tom Barrow said"},'
        ' "name": "Tom Barrow", "type": "person"}',
    ]
    doc, person = (__import__("json").loads(line) for line in synthetic.renamed(raw, 2, "s002_"))
    assert doc["council"] == f"{synthetic.place(2)} Council" and doc["doc_id"] == "s002_d.txt"
    assert person["name"] == "Tomc Barrowc"
    ev = person["evidence"]
    assert ev["text"] == "Cllr Tomc Barrowc said" and ev["end"] - ev["start"] == len(ev["text"])
