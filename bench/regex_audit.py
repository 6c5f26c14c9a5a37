"""Audit of the reader's regular expressions for super-linear time (issue 20).

    .venv/bin/python bench/regex_audit.py            # every pattern, every hostile line, sizes 1,000 and 2,000
    .venv/bin/python bench/regex_audit.py --size 2500 --show 40

Collects every compiled pattern of `extract/` and `graph/` (module attributes, the patterns the
`lru_cache`d builders return, and those compiled on the fly while a sample document is read), then
times each on lines made of one hostile unit repeated ("Mr ", "Ab-", tabs, brackets, blank lines ...)
at two sizes. A pattern whose time grows by more than 3x when the line doubles, and takes over
10 ms, is listed: it backtracks super-linearly on that shape. Lines are at most 5,000 characters
after `extract.segment.bounded`, so the sizes here are what a rule can meet.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UNITS = (
    "Mr ",
    "Mr. ",
    "A",
    "Ab",
    "Ab-",
    "Ab ",
    "AB ",
    "A. ",
    "Ab, ",
    "Ab and ",
    "and ",
    "of the ",
    "\t",
    " ",
    "\n",
    " \n",
    "\t\n",
    "(",
    ")",
    "()",
    "(Ab ",
    "[",
    "'",
    '"',
    "\u201c",
    "\u2019s ",
    "-",
    ".",
    ". ",
    "Ab. ",
    ",",
    ", ",
    "a ",
    "1 ",
    "1.",
    "1/",
    "Councillor ",
    "Cllr ",
    "Councillors Ab, ",
    "Ab Committee ",
    "Council ",
    "Ab Council ",
    "COUNCIL ",
    "AB-",
    "The ",
    "x",
    "_",
    "*",
    "\u2013 ",
    "Present: ",
    "Apologies ",
    "RESOLVED ",
    "May 2024 ",
    "1 May ",
    "\u2022 ",
    "Ab: ",
    ":",
    ";",
    "Ab (Ab) ",
    "Ab\u2019",
    "<b>",
    "&amp;",
    "A-B ",
)
SKIP_MODULES = {"graph.serve.endpoint"}  # the endpoint's query screen is another part of issue 20


def _modules() -> list[object]:
    out = []
    for pkg in (
        "extract",
        "extract.facts",
        "graph",
        "graph.core",
        "graph.read",
        "graph.serve",
        "graph.pages",
        "graph.run",
    ):
        base = importlib.import_module(pkg)
        for info in pkgutil.iter_modules(base.__path__):
            name = f"{pkg}.{info.name}"
            if name in SKIP_MODULES or info.ispkg:
                continue
            try:
                out.append(importlib.import_module(name))
            except ImportError as exc:  # an optional dependency: its patterns are not audited, and it says so
                print(f"skipped {name}: {exc}", file=sys.stderr)
    return out


def patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern the reader uses, by where it was found."""
    found: dict[str, re.Pattern[str]] = {}
    for mod in _modules():
        for attr, value in vars(mod).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[f"{mod.__name__}.{attr}"] = value
            elif callable(value) and attr.endswith("_rx") and getattr(value, "cache_info", None):
                rx = value()
                if isinstance(rx, re.Pattern):
                    found[f"{mod.__name__}.{attr}()"] = rx
            elif isinstance(value, list | tuple):
                for i, item in enumerate(value):
                    rx = item[1] if isinstance(item, tuple) and len(item) > 1 else item
                    if isinstance(rx, re.Pattern) and isinstance(rx.pattern, str):
                        found[f"{mod.__name__}.{attr}[{i}]"] = rx
    for key, rx in _compiled_while_reading().items():
        if rx.pattern not in {p.pattern for p in found.values()}:
            found[key] = rx
    return found


def _compiled_while_reading() -> dict[str, re.Pattern[str]]:
    """The patterns `extract/` and `graph/` compile on the fly (`re.search(r"...", text)`), recorded while
    the development corpus is read."""
    from extract.load import iter_documents
    from extract.pipeline import extract_document

    seen: dict[str, re.Pattern[str]] = {}
    compile_ = re._compile  # type: ignore[attr-defined]

    def recording(pattern, flags):  # noqa: ANN001, ANN202  # re's own signature
        rx = compile_(pattern, flags)
        caller = sys._getframe(2).f_code.co_filename
        if isinstance(rx.pattern, str) and caller.startswith((str(ROOT / "extract"), str(ROOT / "graph"))):
            seen.setdefault(f"(on the fly) {Path(caller).name}: {rx.pattern[:50]!r}", rx)
        return rx

    re._compile = recording  # type: ignore[attr-defined]
    try:
        for _path, doc, _problems in iter_documents([ROOT / "corpus" / "dev" / "docs"]):
            if doc is not None:
                extract_document(doc, use_model=False)
    finally:
        re._compile = compile_  # type: ignore[attr-defined]
    return seen


def _time(rx: re.Pattern[str], text: str) -> float:
    start = time.perf_counter()
    for _m in rx.finditer(text):
        pass
    rx.match(text)
    return time.perf_counter() - start


def audit(
    found: dict[str, re.Pattern[str]], size: int, threshold: float = 0.01
) -> list[tuple[float, float, str, str]]:
    """(seconds at 2x size, growth, pattern's name, unit) for each super-linear pair."""
    slow = []
    for name, rx in sorted(found.items()):
        for unit in UNITS:
            line = unit * (size // len(unit))
            small = _time(rx, line)
            if small > 2.0:  # already too slow to double
                slow.append((small, float("inf"), name, unit))
                continue
            big = _time(rx, line * 2)
            if big > threshold and big > 3 * max(small, 1e-4):
                slow.append((big, big / max(small, 1e-6), name, unit))
    return sorted(slow, reverse=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--size", type=int, default=1000, help="characters of the smaller line (the other is twice)"
    )
    ap.add_argument("--show", type=int, default=60)
    args = ap.parse_args()
    rxs = patterns()
    found = audit(rxs, args.size)
    print(
        f"{len(rxs)} patterns x {len(UNITS)} hostile lines of {args.size:,} and {2 * args.size:,} characters: "
        f"{len(found)} super-linear"
    )
    for big, growth, name, unit in found[: args.show]:
        print(f"{big:8.3f}s  x{growth:5.1f}  {unit!r:18} {name}")


if __name__ == "__main__":
    main()
