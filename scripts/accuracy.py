"""Build every corpus that has gold and print one table of what the graph gets right.

    .venv/bin/python scripts/accuracy.py [--only NAME ...] [--no-manifest] [--json] [--keep DIR]

Corpora: seeds, dev, dev2 (gold in ../shared/gold) and each pool batch (gold in
tests/gold/pool/<batch>.jsonl; its pages are the documents that gold names, read from
../shared/corpus/pool/docs through links in a temporary folder, never copied into the project).
Each corpus is built alone with `councilgraph build` and scored by ../shared/tools/score.py.
`--no-manifest` builds without any manifest.tsv, so council and dates come from the pages alone.
The pool batch named `final` is the last first-contact batch: it is scored only with `--only final`.
Where ../shared is missing, it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POOL_GOLD = ROOT / "tests" / "gold" / "pool"
CLI = Path(sys.executable).parent / "councilgraph"


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    docs: Path  # the folder of documents
    manifest: Path | None  # the manifest.tsv that names their councils and dates
    gold: tuple[Path, ...]
    only: frozenset[str] | None = None  # the documents to build (a pool batch), else all


def corpora() -> list[Corpus]:
    """The corpora with gold, in the order the table prints them."""
    gold = SHARED / "gold"
    found = [
        Corpus(
            "seeds",
            SHARED / "corpus/seeds",
            SHARED / "corpus/seeds/manifest.tsv",
            (gold / "seed_001.jsonl", gold / "seed_others.jsonl"),
        ),
        Corpus("dev", SHARED / "corpus/dev/docs", SHARED / "corpus/dev/manifest.tsv", (gold / "dev.jsonl",)),
        Corpus(
            "dev2", SHARED / "corpus/dev2/docs", SHARED / "corpus/dev2/manifest.tsv", (gold / "dev2.jsonl",)
        ),
    ]
    for path in sorted(POOL_GOLD.glob("*.jsonl")):
        docs = {
            json.loads(line)["doc"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        }
        found.append(
            Corpus(
                f"pool/{path.stem}",
                SHARED / "corpus/pool/docs",
                SHARED / "corpus/pool/manifest.tsv",
                (path,),
                frozenset(docs),
            )
        )
    return found


def _stage(corpus: Corpus, tmp: Path, manifest: bool) -> Path:
    """A folder holding links to the corpus's documents (and its manifest, unless left out)."""
    docs = tmp / "corpus" / "docs"
    docs.mkdir(parents=True)
    for src in sorted(corpus.docs.iterdir()):
        if src.is_file() and src.name != "manifest.tsv" and (corpus.only is None or src.name in corpus.only):
            (docs / src.name).symlink_to(src)
    if manifest and corpus.manifest and corpus.manifest.is_file():
        (tmp / "corpus" / "manifest.tsv").symlink_to(corpus.manifest)
    return docs


def councilgraph(args: list[str], code: Path | None = None, **run: Any) -> subprocess.CompletedProcess:
    """Run `councilgraph ARGS` with this install, or with the source of the checkout at CODE (a `git
    worktree` of another revision: its package is imported from there)."""
    if code is None:
        return subprocess.run([str(CLI), *args], check=False, **run)
    main = "import sys; from graph.cli import main; sys.argv[0] = 'councilgraph'; main()"
    env = {**os.environ, "PYTHONPATH": str(code)}
    return subprocess.run([sys.executable, "-c", main, *args], cwd=code, env=env, check=False, **run)


def score(corpus: Corpus, manifest: bool = True, keep: Path | None = None) -> dict:
    """Build one corpus alone and return the shared scorer's figures (`--json`)."""
    tmp = Path(tempfile.mkdtemp(prefix="cg-accuracy-"))
    try:
        docs = _stage(corpus, tmp, manifest)
        out = keep / corpus.name if keep else tmp / "out"
        councilgraph(
            ["build", str(docs), "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        done = subprocess.run(
            [
                sys.executable,
                str(SHARED / "tools/score.py"),
                str(out / "graph.ttl"),
                *map(str, corpus.gold),
                "--json",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(done.stdout)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


TYPES = ("person", "organization", "membership", "meeting", "attendance", "decision", "action")


def row(name: str, figures: dict) -> str:
    cells = [f"{figures['all']['f1']:.3f}"]
    cells += [f"{figures[t]['f1']:.2f}" if figures[t]["gold"] else "–" for t in TYPES]
    posts, dates = figures["posts"], figures["tenure_dates"]
    cells.append(f"{posts['recall']:.2f} ({posts['found']}/{posts['gold']})")
    cells.append(f"{dates['right']}/{dates['gold_with_dates']}")
    cells.append(str(len(figures["private_leaks"])))
    return f"| {name} | " + " | ".join(cells) + " |"


HEADER = (
    "| corpus | F1 | " + " | ".join(TYPES) + " | posts recall | tenure dates | private exposed |\n"
    "|---|---|" + "---|" * len(TYPES) + "---|---|---|"
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="corpus names (seeds, dev, dev2, pool/p1, ...)")
    ap.add_argument("--no-manifest", action="store_true", help="build without manifest.tsv")
    ap.add_argument("--json", action="store_true", help="print the scorer's figures as JSON")
    ap.add_argument("--keep", type=Path, help="keep each build under DIR/<corpus>")
    args = ap.parse_args()
    if not (SHARED / "tools/score.py").is_file():
        print(f"{SHARED} is missing (no corpora, gold or scorer beside this clone): nothing to measure")
        return 0
    chosen = [
        c
        for c in corpora()
        if (args.only and c.name in args.only) or (not args.only and c.name != "pool/final")
    ]
    results = {c.name: score(c, not args.no_manifest, args.keep) for c in chosen}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(HEADER)
    for name, figures in results.items():
        print(row(name, figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
