"""The examples of a fact module's rule table (`extract/patterns/<module>.jsonl`), and what the whole
pipeline reads from each: every rule of a table has an example, and each example gives its fact."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from tests.conftest import facts_of


def examples(module: str) -> list[dict]:
    """The {"id", "example", "expect"} lines of `patterns/<module>.jsonl` (lines without an example skipped;
    "title" gives the document's title, "model" says the rule reads the statistical model's entities)."""
    text = resources.files("extract").joinpath(f"patterns/{module}.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [r for r in rows if "example" in r and isinstance(r.get("expect"), dict)]


def read_by_rule(example: dict) -> list[dict]:
    """The facts the rule of `example` reads from its sentence, as their JSON fields (without the evidence)."""
    out = []
    for f in facts_of(example["example"], title=example.get("title"), use_model=example.get("model", False)):
        if f.evidence.rule == example["id"]:
            d = f.to_json()
            d.pop("evidence", None)
            out.append(d)
    return out


def gives(example: dict) -> bool:
    return any(all(f.get(k) == v for k, v in example["expect"].items()) for f in read_by_rule(example))


def rule_ids_in_source(module_path: str, prefix: str) -> set[str]:
    """Every rule id the module writes as a string literal ("seat.elected"): each must be in its table."""
    source = (Path(__file__).resolve().parent.parent / module_path).read_text(encoding="utf-8")
    return set(re.findall(rf'"({re.escape(prefix)}\.[a-z][a-z-]*)"', source))
