"""Every rule of a rule table has an example, and every example gives the fact its rule states.

The tables are `RULES` in `extract/facts/{posts,actions,organizations,people}.py`; the examples are in
`extract/patterns/<module>_examples.jsonl` as {"id", "example", "expect"}: the example runs through the whole
pipeline (`tests/rule_examples.py`, the runner the other fact modules' tests use too), and one fact with that
rule id must hold every expected field. An example says "model" when its rule reads the statistical model's
entities (the only examples that load it).
"""

from __future__ import annotations

import json
from importlib import import_module, resources

import pytest

from tests.rule_examples import examples, gives, read_by_rule

MODULES = ("posts", "actions", "organizations", "people")


def _examples(module: str) -> list[dict]:
    return examples(f"{module}_examples")


def _rule_ids(module: str) -> set[str]:
    found = import_module(f"extract.facts.{module}")
    rules = (*found.RULES, *getattr(found, "DERIVED", ()))  # DERIVED: rules that read the facts already read
    return {i for r in rules for i in (r.id, *getattr(r, "also", ()))}


EXAMPLES = [(m, e) for m in MODULES for e in _examples(m)]


@pytest.mark.parametrize(("module", "example"), EXAMPLES, ids=[f"{m}:{e['id']}" for m, e in EXAMPLES])
def test_every_example_gives_its_fact(module, example):
    assert gives(example), (example["expect"], read_by_rule(example))


@pytest.mark.parametrize("module", MODULES)
def test_every_rule_has_an_example(module):
    assert _rule_ids(module) <= {e["id"] for e in _examples(module)}


@pytest.mark.parametrize("module", MODULES)
def test_every_example_names_a_rule(module):
    assert {e["id"] for e in _examples(module)} <= _rule_ids(module)


def test_every_tenure_rule_has_an_example():
    """The tenure rules keep their examples in `patterns/tenures.jsonl` (run by tests/test_tenure.py)."""
    text = resources.files("extract").joinpath("patterns/tenures.jsonl").read_text(encoding="utf-8")
    ids = {json.loads(line)["id"] for line in text.splitlines() if line.strip()}
    assert _rule_ids("tenures") == ids


def test_no_fact_module_imports_another():
    """A fact module reads a document with the shared vocabulary (`extract/vocab/`), never through another
    fact module: each can be read, and changed, on its own."""
    import ast
    from pathlib import Path

    facts = Path(__file__).parent.parent / "extract" / "facts"
    for path in sorted(facts.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            assert not [n for n in names if n.startswith("extract.facts")], path.name


def test_no_suffix_tests_outside_the_readers():
    """Which reader reads a file is the reader table's to say (`extract/readers/`): a suffix compared
    anywhere else in `extract/` is a second table that the next reader would have to find."""
    import re
    from pathlib import Path

    root = Path(__file__).parent.parent / "extract"
    test = re.compile(
        r"suffix(?:\.lower\(\))?\s*(?:==|!=|in\b|not in\b)|\.endswith\(\s*\(?[\"']\.[a-z]{2,4}[\"']"
    )
    own_source = (
        root / "__init__.py"
    )  # the extractor's digest picks its own source files by suffix, no document
    for path in sorted(root.rglob("*.py")):
        if "readers" not in path.relative_to(root).parts and path != own_source:
            assert not test.search(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize(
    ("module", "prefix"),
    [
        ("posts", "post"),
        ("actions", "action"),
        ("organizations", "organization"),
        ("people", "person"),
        ("tenures", "tenure"),
        ("holders", "holder"),
    ],
)
def test_every_rule_id_written_in_a_module_is_in_its_table(module, prefix):
    """A rule id written anywhere in a fact module is one of its table's: no rule outside the table."""
    import re

    source = resources.files("extract").joinpath(f"facts/{module}.py").read_text(encoding="utf-8")
    written = set(re.findall(rf"[\"']({prefix}\.[a-z][a-z_-]*)[\"']", source))
    assert written and written <= _rule_ids(module)
