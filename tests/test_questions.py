"""The turnover researcher's questions, asked through `councilgraph who` of a build of the bundled corpus:
post, council, date -> the holders a careful reader finds in the papers, or "not known" / "vacant".

The answers in tests/questions/*.jsonl were written from the papers, not from the tool's output, so some
are still answered wrong (the statutory directors under their job titles, the vacancy between them): the
test holds a floor just under what is measured (docs/resolution.md), and lists what it got wrong."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from graph.cli import app

ALL_QUESTIONS = [
    json.loads(line)
    for path in sorted((Path(__file__).parent / "questions").glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
QUESTIONS = [q for q in ALL_QUESTIONS if q.get("corpus", "seeds") == "seeds"]  # on the bundled papers
FLOOR = 0.70  # measured 9 of 12 (0.75)


def _answer(graph: Path, q: dict) -> list[str] | str:
    r = CliRunner().invoke(
        app, ["who", q["post"], "--graph", str(graph), "--org", q["org"], "--on", q["on"], "--format", "csv"]
    )
    rows = [row for row in csv.DictReader(io.StringIO(r.stdout)) if row["post"].lower() == q["post"].lower()]
    if rows:
        return sorted({row["holder"] for row in rows})
    return "vacant" if "vacant" in r.stderr else "not known"


def test_the_questions_are_answered_right_above_the_floor(seeds_build):
    wrong = []
    for q in QUESTIONS:
        got = _answer(seeds_build, q)
        want = q["answer"] if isinstance(q["answer"], str) else sorted(q["answer"])
        if got != want:
            wrong.append(f"{q['q']} -> {got} (the papers: {want})")
    right = 1 - len(wrong) / len(QUESTIONS)
    assert right >= FLOOR, f"{right:.2f} right; wrong:\n" + "\n".join(wrong)
