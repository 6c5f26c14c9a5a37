"""`councilgraph query --endpoint URL`: the saved queries sent to a SPARQL endpoint over HTTP answer
what the embedded store answers. The endpoint is Oxigraph's own server (the `oxigraph` binary of
the PyPI package `oxigraph`, in the test extras) on 127.0.0.1, bulk-loaded with the build's graph.nt."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.read.sparql import example_parameters, open_store, run_query, run_remote, saved_queries


def _oxigraph() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(seeds_build, tmp_path_factory) -> Iterator[str]:
    binary = _oxigraph()
    if binary is None:
        pytest.skip("no `oxigraph` server binary: pip install oxigraph (in the test extras)")
    location = tmp_path_factory.mktemp("oxigraph-server")
    subprocess.run(
        [binary, "load", "--location", str(location), "--file", str(seeds_build / "graph.nt")],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    proc = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                run_remote(url, "ASK { ?s ?p ?o }", timeout=5)
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("the oxigraph server did not answer within 30 s")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def _table(columns: list[str], rows: list[list[str | None]]) -> tuple[list[str], list[tuple[str, ...]]]:
    return columns, sorted(tuple("" if v is None else v for v in r) for r in rows)


def test_every_saved_query_through_the_endpoint_answers_as_the_embedded_store(seeds_build, endpoint):
    store = open_store(seeds_build)
    examples = example_parameters(seeds_build, store)
    for name, text in sorted(saved_queries().items()):
        params = examples.get(name, {})
        local = _table(*run_query(seeds_build, text, params, store=store))
        remote = _table(*run_remote(endpoint, text, params))
        assert remote == local, name
        assert local[1] or name in {"chair-changes"}, f"{name} answered nothing on the seeds"


def test_the_query_command_sends_to_an_endpoint(seeds_build, endpoint):
    from typer.testing import CliRunner

    from graph.cli import app

    args = ["query", "--name", "person-posts", "--param", "PERSON=Tina Russell", "--format", "csv"]
    remote = CliRunner().invoke(app, [*args, "--endpoint", endpoint])
    local = CliRunner().invoke(app, [*args, "--graph", str(seeds_build)])
    assert remote.exit_code == 0 and local.exit_code == 0, remote.output
    assert "Tina Russell" in remote.stdout
    assert sorted(remote.stdout.splitlines()) == sorted(local.stdout.splitlines())


def test_an_endpoint_that_does_not_answer_is_a_clear_error():
    from typer.testing import CliRunner

    from graph.cli import app

    url = f"http://127.0.0.1:{_free_port()}/query"
    r = CliRunner().invoke(app, ["query", "ASK { ?s ?p ?o }", "--endpoint", url])
    assert r.exit_code == 2 and "query failed" in r.stderr
