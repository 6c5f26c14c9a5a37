"""The command line: every command explains itself with an example, and query prints tables."""

from __future__ import annotations

import json

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from graph.cli import app

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)


def test_the_commands_the_readme_promises_exist():
    assert {"build", "query", "score"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"{name} --help shows no example"


def test_query_prints_json_rows(seeds_build):
    q = "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name"
    result = runner.invoke(app, ["query", q, "--graph", str(seeds_build / "graph.ttl"), "--format", "json"])
    assert result.exit_code == 0, result.output
    names = [row["name"] for row in json.loads(result.output)]
    assert "Tina Russell" in names and names == sorted(names)


def test_a_malformed_query_is_a_clear_error_not_a_traceback(seeds_build):
    result = runner.invoke(app, ["query", "SELECT WHERE {", "--graph", str(seeds_build / "graph.ttl")])
    assert result.exit_code == 2
    assert "query failed" in result.output


def test_the_progress_bar_of_a_terminal_build_runs_no_thread_of_its_own():
    """The bar redraws as each document is done, with no refresh thread beside the build's."""
    import io
    import os

    from rich.console import Console

    from graph.cli import progress_display

    def threads() -> int:  # the process's threads, native ones included
        return len(os.listdir("/proc/self/task"))

    before = threads()
    shown = io.StringIO()
    bar = progress_display(Console(file=shown, force_terminal=True))
    bar.start()
    try:
        task = bar.add_task("extracting", total=3)
        bar.update(task, completed=1, description="extracting a.txt", refresh=True)
        assert threads() == before
        assert "extracting a.txt" in shown.getvalue()
    finally:
        bar.stop()


def test_explain_says_what_a_code_means_and_the_fix():
    from typer.testing import CliRunner

    from graph.cli import app

    said = CliRunner().invoke(app, ["explain", "e501"])
    assert said.exit_code == 0
    assert "E501 (error)" in said.stdout and "COUNCILGRAPH_DOC_TIMEOUT" in said.stdout
    unknown = CliRunner().invoke(app, ["explain", "E999"])
    assert unknown.exit_code == 2 and "E501" in unknown.stderr


def test_a_saved_listing_answers_a_page_and_the_whole_when_asked(seeds_build):
    """`query --name` of a listing prints one page (and says how to get the next), `--page N` the
    Nth, `--whole` all of it: the pages hold the whole listing's rows."""

    def ask(*extra: str) -> list[dict]:
        args = ["query", "--name", "people", "--graph", str(seeds_build), "--format", "json", *extra]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    whole = ask("--whole")
    first, second = ask(), ask("--page", "2")
    assert first and len(first) + len(second) <= len(whole)
    assert all(row in whole for row in first + second)
    result = runner.invoke(app, ["query", "--name", "people", "--graph", str(seeds_build), "--page", "2"])
    assert "page 2 of 'people'" in result.output and "--page 3" in result.output
    result = runner.invoke(app, ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--whole"])
    assert result.exit_code == 2 and "for a saved query" in result.output
