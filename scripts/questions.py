"""Ask the turnover researcher's questions of builds of the papers they were written from; print how many
come back right.

    .venv/bin/python scripts/questions.py [--only seeds dev2 pool] [--wrong] [--json] [--code DIR] [--keep DIR]

Questions live in tests/questions/*.jsonl (post, council, date -> holders, "not known" or "vacant"; the
`corpus` field says which papers answer them, seeds when absent). Each corpus is built alone: seeds and
dev2 whole, the pool as every page of the councils its questions name (read from ../shared through links
in a temporary folder, never copied). Each question goes through `councilgraph who POST --org ORG --on DATE`,
as a researcher would ask it. `--code DIR` runs another checkout's source (e.g. a `git worktree` of an
earlier revision, for first-contact figures). Where ../shared is missing, it says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import SHARED, Corpus, _stage, corpora, councilgraph  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "questions"


def load_questions() -> dict[str, list[dict]]:
    """corpus name -> its questions, in file order."""
    found: dict[str, list[dict]] = {}
    for path in sorted(QUESTIONS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)
                found.setdefault(q.get("corpus", "seeds"), []).append(q)
    return found


def _pool_corpus(questions: list[dict]) -> Corpus:
    """Every pool page of the councils the questions' pages belong to."""
    manifest = SHARED / "corpus/pool/manifest.tsv"
    rows = list(csv.DictReader(manifest.open(encoding="utf-8"), delimiter="\t"))
    council_of = {r["file"]: r["council"] for r in rows}
    councils = {council_of.get(q.get("doc", ""), "") for q in questions} - {""}
    docs = frozenset(r["file"] for r in rows if r["council"] in councils)
    return Corpus("pool", SHARED / "corpus/pool/docs", manifest, (), docs)


def answer(graph: Path, q: dict, code: Path | None = None) -> list[str] | str:
    """The holders `who` names for the question, else "vacant" or "not known" as it says."""
    args = ["who", q["post"], "--graph", str(graph), "--org", q["org"], "--on", q["on"], "--format", "csv"]
    done = councilgraph(args, code, capture_output=True, text=True)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))  # `who` answers the post as worded, else its role
    if rows:
        return sorted({r["holder"] for r in rows})
    return "vacant" if "vacant" in done.stderr else "not known"


def ask(
    corpus: Corpus, questions: list[dict], code: Path | None = None, keep: Path | None = None
) -> list[tuple[dict, list[str] | str]]:
    """Build the corpus alone and ask it each question: (question, what came back). With `keep`, the
    build stays in KEEP/NAME (and a later run rebuilds it incrementally there)."""
    tmp = Path(tempfile.mkdtemp(prefix="cg-questions-"))
    try:
        docs = _stage(corpus, tmp, manifest=True)
        out = keep / corpus.name if keep else tmp / "out"
        build = ["build", str(docs), "--out", str(out)]
        councilgraph(build, code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return [(q, answer(out, q, code)) for q in questions]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _fold(answer: list[str] | str) -> list[str] | str:
    """An answer as compared: names with typographic apostrophes folded, in order."""
    return answer if isinstance(answer, str) else sorted(a.replace("\u2019", "'") for a in answer)


def right(q: dict, got: list[str] | str) -> bool:
    return _fold(got) == _fold(q["answer"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="corpus names (seeds, dev2, pool)")
    ap.add_argument("--wrong", action="store_true", help="list the questions answered wrong")
    ap.add_argument("--json", action="store_true", help="print every answer as JSON")
    ap.add_argument("--code", type=Path, help="run the councilgraph source in DIR instead of this install")
    ap.add_argument("--keep", type=Path, help="keep each corpus's build in KEEP/NAME (rebuilt incrementally)")
    args = ap.parse_args()
    if not (SHARED / "corpus").is_dir():
        print(f"{SHARED} is missing (no corpora beside this clone): nothing to ask")
        return 0
    known = {c.name: c for c in corpora()}
    results: dict[str, list[tuple[dict, list[str] | str]]] = {}
    for name, questions in load_questions().items():
        if args.only and name not in args.only:
            continue
        corpus = _pool_corpus(questions) if name == "pool" else known[name]
        results[name] = ask(corpus, questions, args.code, args.keep)
    if args.json:
        print(
            json.dumps(
                {n: [{"q": q["q"], "got": g, "right": right(q, g)} for q, g in r] for n, r in results.items()}
            )
        )
        return 0
    print("| corpus | questions | right | share |\n|---|---|---|---|")
    for name, answered in results.items():
        good = sum(right(q, g) for q, g in answered)
        print(f"| {name} | {len(answered)} | {good} | {good / len(answered):.2f} |")
    if args.wrong:
        for name, answered in results.items():
            for q, got in answered:
                if not right(q, got):
                    print(f"{name}: {q['q']} -> {got} (the papers: {q['answer']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
