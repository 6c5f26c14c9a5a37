"""Facts of N documents written straight as facts files, for the graph stages at a scale no extraction run
reaches (issue 24: 100,000 documents).

Each written file is a real build's facts file (e.g. the 10,000-document benchmark's) copied under another
name, with its council and its people renamed by copy (the council's first word becomes a made-up place): copy k of a file is another council's paper about
other people, so resolution, tenures and the graph grow as they would with k more councils, while the shape
of each paper (facts per document, people per meeting, rules) stays the real one. The same source and N
always give the same files.

    .venv/bin/python bench/synthetic_facts.py SOURCE_FACTS N OUT_FACTS
    /usr/bin/time -v .venv/bin/councilgraph graph OUT_FACTS --out OUT
"""

from __future__ import annotations

import argparse
import json
import re
import string
from collections.abc import Callable
from pathlib import Path

# the fields that name a person (in a person record, "name" does too)
_PERSON_FIELDS = ("person", "chair", "owner")


def copy_tag(k: int) -> str:
    """Copy 0 is the source itself; copy k appends letters to each person's words ("Walker" -> "Walkerab")."""
    letters, tag = string.ascii_lowercase, ""
    while k:
        k, r = divmod(k, 26)
        tag = letters[r] + tag
    return tag


_SYLLABLES = "ash bel cor dun el fal gar hol ing kel lin mor nor os pen rad sel tor ul wen".split()


def place(k: int) -> str:
    """Copy k's council: a made-up place ("Belashcor"), far enough from every other copy's that no fuzzy
    match of body names joins two councils (names one letter apart would be one body)."""
    parts = [_SYLLABLES[(k // 20**i) % 20] for i in range(3)]
    return "".join(parts).capitalize()


def _words(records: list[dict]) -> set[str]:
    """The capitalised words of the people's names: what a copy renames by its tag."""
    out: set[str] = set()
    for rec in records:
        names = [rec.get(key) for key in _PERSON_FIELDS]
        if rec.get("type") == "person":
            names.append(rec.get("name"))
        for v in names:
            if isinstance(v, str):
                out.update(re.findall(r"[A-Z][\w'\u2019-]+", v))
    return out - {"Council", "Councillor", "Cllr", "Mr", "Mrs", "Ms", "Dr"}


def _rename(value: object, sub: Callable[[str], str], prefix: str) -> object:
    """Every string inside `value` renamed; an evidence's end follows its text, its document takes `prefix`."""
    if isinstance(value, str):
        return sub(value)
    if isinstance(value, list):
        return [_rename(v, sub, prefix) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: (prefix + v if k == "doc_id" else _rename(v, sub, prefix)) for k, v in value.items()}
    if {"start", "end", "text"} <= out.keys() and isinstance(out["text"], str):
        out["end"] = out["start"] + len(out["text"])
    return out


def renamed(raw: list[str], k: int, prefix: str) -> list[str]:
    """The lines of one facts file as copy k: its people and council renamed, its document under `prefix`."""
    tag = copy_tag(k)
    if not tag:
        return raw
    records = [json.loads(line) for line in raw]
    council = str(records[0].get("council") or "") if records else ""
    renames = {w: w + tag for w in _words(records)}
    if council:
        renames[council.split()[0]] = place(k)
    words = sorted(map(re.escape, renames), key=len, reverse=True)
    rx = re.compile(r"\b(" + "|".join(words) + r")\b") if words else None

    def sub(text: str) -> str:
        return rx.sub(lambda m: renames[m.group(1)], text) if rx else text

    return [json.dumps(_rename(r, sub, prefix), ensure_ascii=False, sort_keys=True) for r in records]


def write(source: Path, n: int, out: Path) -> int:
    """Write N facts files into `out` (copies of `source`'s, round robin); return the bytes written."""
    files = sorted(source.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"{source}: no facts files (*.jsonl); give a build's OUT/facts folder")
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        k, at = divmod(i, len(files))
        src = files[at]
        prefix = f"s{k:03d}_" if k else ""
        raw = src.read_text(encoding="utf-8").splitlines()
        text = "\n".join(renamed(raw, k, prefix)) + "\n"
        (out / f"{prefix}{src.name}").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path, help="a build's facts folder")
    ap.add_argument("n", type=int, help="number of facts files to write")
    ap.add_argument("out", type=Path, help="the facts folder to write")
    args = ap.parse_args()
    size = write(args.source, args.n, args.out)
    print(f"{args.n} facts files, {size / 1e6:.0f} MB -> {args.out}")


if __name__ == "__main__":
    main()
