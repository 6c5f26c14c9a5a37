"""The documents name everything a user meets (datasette's documentation test): a problem code written in
`extract/` or `graph/` without a row in `extract/problems.py` and a mention in the README fails here, and so
do a command or a make target that no document mentions."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _codes_in_code() -> set[str]:
    """Codes as the code writes them: a quoted code, or a message that opens with one ("E401 unknown ...")."""
    found: set[str] = set()
    for path in [*ROOT.joinpath("extract").rglob("*.py"), *ROOT.joinpath("graph").rglob("*.py")]:
        if path.name != "problems.py":
            found |= set(re.findall(r"""["'](?:f)?([EW]\d{3})\b""", path.read_text(encoding="utf-8")))
    return found


def test_every_problem_code_the_code_writes_has_a_row_with_a_remedy():
    from extract.problems import PROBLEMS

    missing = sorted(_codes_in_code() - set(PROBLEMS))
    assert not missing, f"codes with no row in extract/problems.py: {missing}"
    assert all(row.means and row.remedy for row in PROBLEMS.values())


def test_every_problem_code_is_in_the_readme():
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([EW]\d{3})`", readme))
    ranges = re.findall(r"`([EW])(\d{3})`\s*[–-]\s*`[EW](\d{3})`", readme)  # "`E020`–`E023`"
    for letter, lo, hi in ranges:
        documented |= {f"{letter}{n:03d}" for n in range(int(lo), int(hi) + 1)}
    from extract.problems import PROBLEMS

    missing = sorted((_codes_in_code() | set(PROBLEMS)) - documented)
    assert not missing, f"problem codes the README does not list: {missing}"


def test_every_command_is_in_the_readme():
    from graph.cli import app

    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    missing = sorted(n for n in names if not re.search(rf"(?:\$cg|councilgraph) {n}\b", readme))
    assert names and not missing, f"commands the README does not show: {missing}"


def test_every_make_target_a_user_runs_is_in_the_readme_or_docs():
    makefile = ROOT.joinpath("Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M)) - {"install", "lint", "browser", "clean"}
    text = ROOT.joinpath("README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in ROOT.joinpath("docs").glob("*.md")
    )
    missing = sorted(t for t in targets if f"make {t}" not in text)
    assert not missing, f"make targets no document mentions: {missing}"
