"""Build seeds, dev and dev2 with this checkout and with another revision, and compare the outputs byte for byte.

    .venv/bin/python scripts/compare_builds.py --base REV [--only seeds dev dev2] [--keep DIR]
    .venv/bin/python scripts/compare_builds.py --before DIR --after DIR   # two finished builds

A refactoring step promises the same outputs: `facts/*.jsonl`, `graph.nt`, `graph.ttl` and
`problems.jsonl` byte-identical. One difference is expected and ignored: the `extractor` field of
each facts file's header line is a digest of the extractor's own source, so any edit under
`extract/` changes it by design (that is what re-extracts a document after a rule changes).
The base revision is checked out with `git worktree` in a temporary folder and built with this
checkout's virtual environment; its source is imported through PYTHONPATH. Exit 1 when a file differs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import SHARED, _stage, corpora, councilgraph  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COMPARED = ("graph.nt", "graph.ttl", "problems.jsonl")
IGNORED_HEADER_FIELDS = ("extractor",)


def _build(source: Path, docs: Path, out: Path) -> None:
    """Build DOCS into OUT with the package found at SOURCE (a checkout's root)."""
    councilgraph(
        ["build", str(docs), "--out", str(out)], source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _facts_text(path: Path) -> str:
    """A facts file with the header's ignored fields removed (the rest as written)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines:
        header = json.loads(lines[0])
        for key in IGNORED_HEADER_FIELDS:
            header.pop(key, None)
        lines[0] = json.dumps(header, ensure_ascii=False, sort_keys=True)
    return "\n".join(lines)


def compare(before: Path, after: Path) -> list[str]:
    """The output files that differ between two builds (empty when they are the same)."""
    differ = []
    for name in COMPARED:
        a, b = before / name, after / name
        if a.is_file() != b.is_file() or (a.is_file() and a.read_bytes() != b.read_bytes()):
            differ.append(name)
    names = {p.name for p in (before / "facts").glob("*.jsonl")} | {
        p.name for p in (after / "facts").glob("*.jsonl")
    }
    for name in sorted(names):
        a, b = before / "facts" / name, after / "facts" / name
        if not (a.is_file() and b.is_file()) or _facts_text(a) != _facts_text(b):
            differ.append(f"facts/{name}")
    return differ


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", help="the revision to compare with (a commit, tag or branch)")
    ap.add_argument("--only", nargs="*", default=["seeds", "dev", "dev2"], help="corpus names")
    ap.add_argument("--keep", type=Path, help="keep the builds under DIR/{before,after}/<corpus>")
    ap.add_argument("--before", type=Path, help="a finished build to compare (with --after)")
    ap.add_argument("--after", type=Path, help="a finished build to compare (with --before)")
    args = ap.parse_args()
    if args.before and args.after:
        differ = compare(args.before, args.after)
        print("\n".join(differ) or "byte-identical")
        return 1 if differ else 0
    if not args.base:
        ap.error("give --base REV, or --before DIR --after DIR")
    if not (SHARED / "corpus").is_dir():
        print(f"{SHARED} is missing (no corpora beside this clone): nothing to compare")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="cg-compare-"))
    base = tmp / "base"
    keep = args.keep or tmp
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base), args.base], check=True
    )
    failed = 0
    try:
        for corpus in (c for c in corpora() if c.name in args.only):
            docs = _stage(corpus, tmp / "stage" / corpus.name, manifest=True)
            _build(base, docs, keep / "before" / corpus.name)
            _build(ROOT, docs, keep / "after" / corpus.name)
            differ = compare(keep / "before" / corpus.name, keep / "after" / corpus.name)
            print(f"{corpus.name}: " + ("byte-identical" if not differ else f"{len(differ)} differ"))
            for name in differ:
                print(f"  {name}")
            failed += bool(differ)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
