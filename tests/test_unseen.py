"""A held-out set: papers of councils and layouts the seeds and the dev corpus lack (CMIS minutes, printed
ModernGov PDFs, decision notices, officer and leader decision records, planning and licensing hearings, a
combined authority, a parish council, forward plans, action plans, attendance tables, press releases), all names
and bodies invented. The gold (tests/gold/unseen.jsonl) was written from the text before the extractor ran on
it, in three batches (u01-u11, u12-u16, u17-u20); each later batch was scored blind before any fix it
prompted. Floors sit just under what was measured, so a rule that only fits the bundled corpora shows here."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.read.evaluate import evaluate, load_gold
from graph.run.corpus import build_corpus
from tests.conftest import GOLD, ROOT

UNSEEN = ROOT / "tests" / "data" / "unseen"

# measured: all 0.967 (person 1.0, organization 0.887, membership 0.954, meeting 0.976, attendance 1.0,
# decision 0.954, action 1.0; 0.947 since a resolution delegating authority is read as an action, which the real
# pages' gold writes down (dev2 h01/h03, pool b001/b031) and this gold does not for u13's "(b) authority be delegated")
FLOORS = {
    "all": 0.95,
    "person": 0.97,
    "organization": 0.86,
    "membership": 0.93,
    "meeting": 0.94,
    "attendance": 0.97,
    "decision": 0.92,
    "action": 0.94,
}


@pytest.fixture(scope="module")
def unseen_rows(tmp_path_factory) -> dict:
    out: Path = tmp_path_factory.mktemp("unseen")
    build_corpus([UNSEEN], out)
    rows, _detail = evaluate(out / "graph.ttl", load_gold([GOLD / "unseen.jsonl"]))
    return rows


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_unseen_f1_stays_above_the_floor(unseen_rows, kind):
    assert unseen_rows[kind]["f1"] >= FLOORS[kind], (kind, unseen_rows[kind])


def test_unseen_exposes_no_private_individual(unseen_rows):
    assert unseen_rows["private_leaks"] == []


def test_every_unseen_document_has_gold():
    docs = {p.name for p in UNSEEN.glob("*.txt")}
    gold_docs = {
        line.split('"doc": "')[1].split('"')[0]
        for line in (GOLD / "unseen.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert docs == gold_docs
