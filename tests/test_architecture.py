"""The house rules a newcomer relies on (`docs/architecture.md`): what may import what, and no function
so long it cannot be read at once. Each rule reads the source with `ast`, so a late import inside a
function counts as much as one at the top."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FUNCTION_LINES = 80

# room -> the rooms it may import (besides itself and the standard library / third-party packages)
ALLOWED: dict[str, set[str]] = {
    "extract": set(),
    "extract.facts": {"extract"},
    "graph.core": {"extract"},
    "graph.read": {"extract", "graph.core"},
    "graph.serve": {"extract", "graph.core", "graph.read"},
    "graph.pages": {"extract", "graph.core", "graph.read"},
    "graph.run": {"extract", "extract.facts", "graph.core", "graph.read", "graph.pages"},
    "graph.cli": {"extract", "graph.core", "graph.read", "graph.serve", "graph.pages", "graph.run"},
}


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _room(module: str) -> str | None:
    """The room a module of this project sits in, or None for anything else."""
    if module == "graph.cli" or module.startswith("graph.cli."):
        return "graph.cli"
    for room in sorted(ALLOWED, key=len, reverse=True):
        if module == room or module.startswith(room + "."):
            return room
    return None


def _sources() -> list[Path]:
    return sorted([*ROOT.joinpath("extract").rglob("*.py"), *ROOT.joinpath("graph").rglob("*.py")])


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def test_every_module_imports_only_the_rooms_below_it():
    broken = []
    for path in _sources():
        module = _module(path)
        if module == "graph":
            continue  # the package's own empty __init__
        room = _room(module)
        assert room is not None, f"{module} sits in no room of docs/architecture.md"
        for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            target = _room(name)
            if target is None or target == room or target in ALLOWED[room]:
                continue
            if room == "extract" and target == "extract.facts" and module == "extract.pipeline":
                continue  # the pipeline is the one place that runs the fact modules
            broken.append(f"{module} imports {name} ({room} may import {sorted(ALLOWED[room]) or 'nothing'})")
    assert not broken, "\n".join(broken)


def test_no_fact_module_imports_another():
    broken = []
    for path in sorted(ROOT.joinpath("extract", "facts").glob("*.py")):
        module = _module(path)
        for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if name.startswith("extract.facts.") and not name.startswith(module):
                other = ".".join(name.split(".")[:3])
                if other != module:
                    broken.append(f"{module} imports {name}")
    assert not broken, "\n".join(broken)


def test_no_function_is_longer_than_a_screen():
    long = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{_module(path)}.{node.name}: {lines} lines")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(long)


def test_the_rule_catches_a_layer_reaching_up():
    """The import rule itself: a core module that imported the pages would be caught."""
    tree = ast.parse("from graph.pages.render import render_html\n")
    targets = {_room(n) for n in _imports(tree)}
    assert "graph.pages" in targets and "graph.pages" not in ALLOWED["graph.core"]
