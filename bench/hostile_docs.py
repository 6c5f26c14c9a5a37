"""Hostile documents: texts shaped to find super-linear rules in the reader (issue 20).

    .venv/bin/python bench/hostile_docs.py /tmp/hostile          # writes the set, prints name and size
    .venv/bin/python bench/hostile_docs.py seeds --scale 0.02    # the same shapes, small: `make fuzz` seeds
    .venv/bin/python bench/hostile_docs.py /tmp/ordinary --ordinary   # ordinary text of the same sizes
    for f in /tmp/hostile/*; do /usr/bin/time -f "$f %e s" timeout 320 \
        .venv/bin/councilgraph build "$f" --out /tmp/hostile_out/$(basename "$f"); done

Each file is what an ordinary council paper never is but an untrusted one can be: a line of one
honorific repeated, an apologies sentence naming 20,000 councillors, a hyphenated name of 120 KB,
runs of separators, brackets, quotes and tabs, a 1.2 MB line, a megabyte of short lines, and bytes
in several encodings at once. Sizes run from 10 KB to 1.2 MB. The text is made from a fixed seed,
so two runs write the same bytes and timings compare across changes.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

_FIRST = (
    "Anne",
    "Brian",
    "Carol",
    "David",
    "Elaine",
    "Frank",
    "Gwen",
    "Harry",
    "Iris",
    "John",
    "Kate",
    "Liam",
)
_LAST = ("Smith", "Jones", "Baker", "Hughes", "Price", "Morgan", "Evans", "Lloyd", "Powell", "Watkins")
_SENTENCE = (
    "The Committee considered the report of the Director of Resources on the budget for 2024 and "
    "Councillor Anne Smith proposed that the recommendations be approved. "
)
_HEAD = "HEREFORDSHIRE COUNCIL\nMinutes of the meeting of Cabinet held on Tuesday 17 September 2024\n\n"


def _names(n: int, rng: random.Random) -> list[str]:
    """`n` names as councillors are written ("K Morave"), surnames made of syllables so most differ."""
    syllables = ("ba", "ke", "lo", "mi", "nu", "ra", "so", "ta", "ve", "wi", "do", "ge")
    return [
        f"{rng.choice(_FIRST)[0]} " + "".join(rng.choice(syllables) for _ in range(3)).capitalize()
        for _ in range(n)
    ]


def _honorifics(size: int) -> str:
    return _HEAD + "Present: " + "Mr " * (size // 3) + "Smith\n"


def _honorific_mix(size: int) -> str:
    words = ("Councillor", "Cllr.", "Mr", "Mrs", "Dr", "Councillors", "Sir", "County Councillor")
    run = " ".join(words[i % len(words)] for i in range(size // 6))
    return _HEAD + "Apologies for absence were received from " + run + " Jones.\n"


def _apologies(n: int) -> str:
    names = _names(n, random.Random(20))
    return (
        _HEAD
        + "Apologies for absence were received from Councillors "
        + ", ".join(names[:-1])
        + " and "
        + names[-1]
        + ".\n"
    )


def _hyphenated(size: int) -> str:
    rng = random.Random(21)
    parts = []
    while sum(len(p) + 1 for p in parts) < size:
        parts.append(rng.choice(_LAST))
    return _HEAD + "Present: Councillor Anne " + "-".join(parts) + " (Chairman)\n"


def _separators(size: int) -> str:
    line = "-=_*.~|/\\:;, " * 8
    body = "\n".join((line * (1 + i % 7))[: 60 + 37 * (i % 11)] for i in range(size // 200))
    return (
        _HEAD + body + "\n" + "-" * (size // 4) + "\n" + ". " * (size // 8) + "\n" + "=" * (size // 4) + "\n"
    )


def _brackets(size: int) -> str:
    q = size // 8
    return (
        _HEAD
        + "Present: Councillor "
        + "(" * q
        + "Smith"
        + ")" * q
        + "\n"
        + "[" * q
        + "]" * q
        + "\n"
        + "(Mr " * (q // 4)
        + "\n"
        + "{<" * (q // 2)
        + "\n"
    )


def _quotes(size: int) -> str:
    q = size // 8
    return (
        _HEAD
        + "RESOLVED: that "
        + '"' * q
        + "\n"
        + "'" * q
        + "\n"
        + "\u201c\u201d\u2018\u2019" * (q // 4)
        + "\nCouncillor "
        + "'s" * (q // 2)
        + " Smith's\n"
    )


def _tabs(size: int) -> str:
    row = "\t".join(("Action", "Owner", "Timescale", "RAG")) + "\n"
    cells = "\t".join(f"{rng_name} to report" for rng_name in _names(size // 40, random.Random(22)))
    return _HEAD + row + "\t" * (size // 4) + "x\n" + cells + "\n" + "\t \t" * (size // 12) + "\n"


def _single_line(size: int) -> str:
    return _HEAD.replace("\n", " ") + _SENTENCE * (size // len(_SENTENCE)) + "\n"


def _short_lines(size: int) -> str:
    rng = random.Random(23)
    lines = [_HEAD]
    total = len(_HEAD)
    kinds = (
        "Present:",
        "Councillor {n}",
        "Apologies",
        "{n} (Chairman)",
        "",
        "1.",
        "RESOLVED:",
        "Mr {n}",
        "-",
    )
    while total < size:
        line = rng.choice(kinds).format(n=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}")
        lines.append(line + "\n")
        total += len(line) + 1
    return "".join(lines)


def _capitalised(size: int) -> str:
    rng = random.Random(24)
    words = [rng.choice(_FIRST + _LAST) for _ in range(size // 6)]
    return _HEAD + "Present: " + " ".join(words) + "\n" + "\n" * (size // 20) + "   \n" * (size // 40)


def _mixed_encodings(size: int) -> bytes:
    """UTF-8, Windows-1252, UTF-8 read as Windows-1252 (mojibake) and a stray BOM, in one file."""
    parts = [
        "Present: Councillor Ren\u00e9e O\u2019Neill \u2013 Chairman\n".encode(),
        "Apologies: Councillor Zo\u00eb Br\u00fbl\u00e9e \u2013 caf\u00e9\n".encode("cp1252"),
        "Mr Se\u00e1n \u201cJack\u201d M\u00fcller\n".encode().decode("cp1252", errors="replace").encode(),
        b"\xef\xbb\xbfCouncillor J Smith\xa0\xa0(Vice-Chairman)\xff\xfe\n",
    ]
    out = bytearray(_HEAD.encode())
    i = 0
    while len(out) < size:
        out += parts[i % len(parts)]
        i += 1
    return bytes(out)


# name -> (size in bytes, maker): the set documented in docs/reliability.md
_MAKERS: dict[str, tuple[int, Callable[[int], str | bytes]]] = {
    "honorifics_10k.txt": (10_000, _honorifics),
    "honorifics_120k.txt": (120_000, _honorifics),
    "honorific_mix_150k.txt": (120_000, _honorific_mix),
    "apologies_20000.txt": (20_000, _apologies),
    "hyphenated_120k.txt": (120_000, _hyphenated),
    "separators_360k.txt": (200_000, _separators),
    "brackets_150k.txt": (200_000, _brackets),
    "quotes_150k.txt": (200_000, _quotes),
    "tabs_200k.txt": (200_000, _tabs),
    "capitalised_230k.txt": (200_000, _capitalised),
    "single_line_1200k.txt": (1_200_000, _single_line),
    "short_lines_1m.txt": (1_000_000, _short_lines),
    "mixed_encodings_300k.txt": (300_000, _mixed_encodings),
}


def hostile_text(name: str, scale: float = 1.0) -> str | bytes:
    """One hostile document's content by file name (a key of the set), for tests that need one alone."""
    size, make = _MAKERS[name]
    return make(max(200, int(size * scale)))


def hostile_documents(out_dir: Path, scale: float = 1.0) -> list[Path]:
    """Write the hostile set into `out_dir` and return the paths, sorted (`scale` < 1: smaller, as seeds)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in sorted(_MAKERS):
        content = hostile_text(name, scale)
        path = out_dir / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        paths.append(path)
    return paths


def ordinary_documents(out_dir: Path) -> list[Path]:
    """For scale, ordinary text of the same sizes: the bundled corpora (corpus/herefordshire, corpus/dev/docs)
    repeated to 200 kB and 1.2 MB, and the 1.2 MB one again as a single line (its whitespace made single spaces)."""
    root = Path(__file__).resolve().parent.parent / "corpus"
    papers = sorted((root / "herefordshire").glob("*.txt")) + sorted((root / "dev" / "docs").glob("*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in papers)
    out_dir.mkdir(parents=True, exist_ok=True)
    made = {f"ordinary_{n // 1000}k.txt": (text * (n // len(text) + 1))[:n] for n in (200_000, 1_200_000)}
    made["ordinary_1200k_one_line.txt"] = " ".join(made["ordinary_1200k.txt"].split()) + "\n"
    for name, content in made.items():
        (out_dir / name).write_text(content, encoding="utf-8")
    return sorted(out_dir / name for name in made)


def main() -> None:
    ap = argparse.ArgumentParser(description="Write the hostile documents of issue 20.")
    ap.add_argument("out", nargs="?", default="output/hostile", type=Path)
    ap.add_argument("--scale", type=float, default=1.0, help="size factor (0.02: seeds for `make fuzz`)")
    ap.add_argument(
        "--ordinary", action="store_true", help="write the ordinary documents to compare with instead"
    )
    args = ap.parse_args()
    for p in ordinary_documents(args.out) if args.ordinary else hostile_documents(args.out, scale=args.scale):
        print(f"{p}\t{p.stat().st_size}")


if __name__ == "__main__":
    main()
