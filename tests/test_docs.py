"""The README names every problem code the code can report (datasette's documentation test): a code added
in `extract/` or `graph/` without a line in the README's code list fails here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _codes_in_code() -> set[str]:
    found: set[str] = set()
    for path in [*ROOT.joinpath("extract").rglob("*.py"), *ROOT.joinpath("graph").rglob("*.py")]:
        found |= set(re.findall(r"""["']([EW]\d{3})["']""", path.read_text(encoding="utf-8")))
    return found


def test_every_problem_code_is_in_the_readme():
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([EW]\d{3})`", readme))
    ranges = re.findall(r"`([EW])(\d{3})`\s*[–-]\s*`[EW](\d{3})`", readme)  # "`E020`–`E023`"
    for letter, lo, hi in ranges:
        documented |= {f"{letter}{n:03d}" for n in range(int(lo), int(hi) + 1)}
    missing = sorted(_codes_in_code() - documented)
    assert not missing, f"problem codes the README does not list: {missing}"


def test_every_make_target_a_user_runs_is_in_the_readme_or_docs():
    makefile = ROOT.joinpath("Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M)) - {"install", "lint", "browser", "clean"}
    text = ROOT.joinpath("README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in ROOT.joinpath("docs").glob("*.md")
    )
    missing = sorted(t for t in targets if f"make {t}" not in text)
    assert not missing, f"make targets no document mentions: {missing}"
