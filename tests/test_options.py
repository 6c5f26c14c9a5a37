"""`BuildOptions` is the one reader of the COUNCILGRAPH_* settings: from a mapping the test gives, with
the table (`SETTINGS`) as the one list of them, the README's "Settings" section showing each, and no
other module reading or writing them in the environment."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.run.build import build
from graph.run.options import SETTINGS, BuildOptions, settings_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_the_settings_are_read_from_the_mapping_given_and_typed():
    env = {
        "COUNCILGRAPH_MODEL": "en_other_model",
        "COUNCILGRAPH_DOC_TIMEOUT": "12.5",
        "COUNCILGRAPH_WORKER_MEMORY_MB": "512",
        "COUNCILGRAPH_MAX_BYTES": "1000",
    }
    options = BuildOptions.from_env(env)
    assert (options.model, options.doc_timeout, options.worker_memory_mb, options.max_bytes) == (
        "en_other_model",
        12.5,
        512,
        1000,
    )
    assert BuildOptions.from_env({}) == BuildOptions()
    assert BuildOptions.from_env(env, model="given").model == "given"  # the command line wins


def test_a_setting_that_is_not_its_type_is_an_error_naming_it():
    with pytest.raises(ValueError, match="COUNCILGRAPH_DOC_TIMEOUT"):
        BuildOptions.from_env({"COUNCILGRAPH_DOC_TIMEOUT": "soon"})


def test_the_options_are_frozen_and_check_the_executor():
    with pytest.raises(dataclasses.FrozenInstanceError):
        BuildOptions().workers = 3  # type: ignore[misc]
    with pytest.raises(ValueError, match="E401"):
        BuildOptions(executor="cloud")


def test_every_setting_fills_a_field_with_the_same_default():
    import extract.load

    assert BuildOptions().max_bytes == extract.load.MAX_BYTES  # the reader's default is the build's
    defaults = {f.name: f.default for f in dataclasses.fields(BuildOptions)}
    for s in SETTINGS:
        assert s.env.startswith("COUNCILGRAPH_")
        assert defaults[s.name] == s.default, s.name


def test_the_readme_lists_every_setting_with_its_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Settings" in readme
    section = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    missing = [row for row in settings_markdown().splitlines() if row not in section]
    assert not missing, (
        "README's Settings section lacks (regenerate with settings_markdown()):\n" + "\n".join(missing)
    )


def test_no_module_but_the_options_reads_or_writes_a_setting_in_the_environment():
    reads = re.compile(r"(?:environ(?:\.get)?|getenv)\s*[\[(]\s*[\"']COUNCILGRAPH_")
    writes = re.compile(r"environ\s*\[[^\]]+\]\s*=|environ\.(?:update|setdefault)\(|putenv\(")
    found = []
    for path in sorted([*(ROOT / "graph").rglob("*.py"), *(ROOT / "extract").rglob("*.py")]):
        text = path.read_text(encoding="utf-8")
        if reads.search(text) or writes.search(text):
            found.append(str(path.relative_to(ROOT)))
    assert not found


def test_the_model_reaches_the_worker_as_an_argument(tmp_path):
    """A model that is not installed, named only in the options, is what the worker process tried to
    load (E100 names it): the worker read the options, not its environment."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Westbury Borough Council\n\nAnna Price, Director of Housing.\n", encoding="utf-8"
    )
    report = build([docs], tmp_path / "out", BuildOptions(model="no_such_model_here", workers=1, store=False))
    assert any("E100" in p.message and "no_such_model_here" in p.message for p in report.problems)


def test_the_graph_command_builds_the_same_graph_from_the_facts_folder_alone(dev_build, tmp_path):
    """The facts folder is an interface: `graph` on a build's facts gives that build's graph."""
    again = tmp_path / "again"
    result = CliRunner().invoke(app, ["graph", str(dev_build / "facts"), "--out", str(again)])
    assert result.exit_code in (0, 1), result.output
    assert (again / "graph.nt").read_bytes() == (dev_build / "graph.nt").read_bytes()
    assert (again / "graph.ttl").read_bytes() == (dev_build / "graph.ttl").read_bytes()
    assert (again / "html" / "index.html").is_file() and (again / "problems.jsonl").is_file()
    assert not (again / "facts").exists()  # the facts stay where they are


def test_the_graph_command_refuses_a_folder_that_is_not_there(tmp_path):
    result = CliRunner().invoke(app, ["graph", str(tmp_path / "missing"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
