"""A benchmark corpus: the real bundled and dev documents scaled to N documents.

Each generated document is a real one with its people renamed and its years moved, so the
text, layout and density of names are the councils' own while no two documents repeat:
resolution, the graph and the store grow as they would with a real archive. The same N and
seed always give the same files (the benchmark compares runs).

    python bench/make_corpus.py 1000 /tmp/bench-1000
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpus" / "herefordshire", ROOT / "corpus" / "dev" / "docs"]

_SURNAMES = (
    "Abbott Ashworth Bainbridge Barrow Beckett Blackwood Bramley Carver Chadwick Cresswell Dalton "
    "Ellison Fairbairn Fenwick Garside Goodall Hargreaves Hartley Holden Ingham Kershaw Lister "
    "Marsden Naylor Oldroyd Pickles Ramsden Rowntree Sutcliffe Thwaite Uttley Varley Whitaker "
    "Wilkinson Yardley Ackroyd Brearley Crabtree Denby Earnshaw Firth Greenwood Haigh Illingworth "
    "Jagger Lumb Mellor Netherwood Priestley Redfearn Shackleton Tetley Walsh Womersley"
).split()
_GIVEN = (
    "Alys Bronwen Cerys Dafydd Eirian Ffion Gethin Huw Iolo Jac Kerys Llinos Mared Nia Owain Pryderi "
    "Rhian Siôn Tegwen Wyn Amara Bilal Chidi Deepa Emeka Farah Gurpreet Hamza Imani Jaspreet"
).split()
# "Councillor Jane Smith", "Mr J. Smith", "Cllr Smith": the surname after an honorific and given names
_PERSON = re.compile(
    r"\b(?:Councillors?|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?) +((?:[A-Z][a-z'\u2019-]+ +){0,2})"
    r"([A-Z][a-z'\u2019-]{2,})\b"
)
_YEAR = re.compile(r"\b(20[0-3]\d)\b")


def sources() -> list[tuple[Path, dict[str, str]]]:
    """The real documents and their manifest rows."""
    out = []
    for folder in SOURCES:
        manifest = folder / "manifest.tsv"
        if not manifest.exists():
            manifest = folder.parent / "manifest.tsv"
        rows = {}
        if manifest.exists():
            with manifest.open(encoding="utf-8", newline="") as fh:
                rows = {r["file"]: r for r in csv.DictReader(fh, delimiter="\t")}
        for p in sorted(folder.iterdir()):
            if p.is_file() and p.name != "manifest.tsv" and not p.name.startswith("."):
                out.append((p, rows.get(p.name, {})))
    return out


def _variant(text: str, rng: random.Random, shift: int) -> str:
    surnames: dict[str, str] = {}
    given: dict[str, str] = {}

    def person(m: re.Match[str]) -> str:
        first = " ".join(given.setdefault(g, rng.choice(_GIVEN)) for g in m.group(1).split())
        last = surnames.setdefault(m.group(2), rng.choice(_SURNAMES) + rng.choice(("", "-Hughes", "son", "")))
        head = m.group(0)[: m.start(1) - m.start(0)]
        return head + (first + " " if first else "") + last

    text = _PERSON.sub(person, text)
    for old, new in surnames.items():  # the same people named later without an honorific
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    return _YEAR.sub(lambda m: str(2010 + (int(m.group(1)) - 2010 + shift) % 20), text)


def make_corpus(n: int, out: Path, seed: int = 8) -> list[Path]:
    """Write N documents (copies 0.. of the real ones, each varied) into `out` with a manifest."""
    out.mkdir(parents=True, exist_ok=True)
    src = sources()
    written = []
    rows = []
    for i in range(n):
        path, row = src[i % len(src)]
        rng = random.Random(f"{seed}:{i}")
        shift = 0 if i < len(src) else rng.randrange(1, 20)
        text = path.read_text(encoding="utf-8", errors="replace")
        text = text if i < len(src) else _variant(text, rng, shift)
        name = f"{i:05d}_{path.stem}{path.suffix}"
        target = out / name
        if not target.exists() or target.read_text(encoding="utf-8", errors="replace") != text:
            target.write_text(text, encoding="utf-8")
        written.append(target)
        date = row.get("date") or ""
        if date and shift:
            date = str(2010 + (int(date[:4]) - 2010 + shift) % 20) + date[4:]
        rows.append(
            {
                "file": name,
                "council": row.get("council", ""),
                "date": date,
                "url": "",
                "title": row.get("title", ""),
                "kind": row.get("kind", ""),
            }
        )
    with (out / "manifest.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "council", "date", "url", "title", "kind"], delimiter="\t")
        w.writeheader()
        w.writerows(rows)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("out", type=Path, help="folder to write (created)")
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    files = make_corpus(args.n, args.out, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    print(f"{len(files)} documents, {words} words -> {args.out}")


if __name__ == "__main__":
    main()
