"""SPARQL over a built graph with pyoxigraph, opened by `graph.read.open.open_graph` (the build's
store when it is fresh, else its N-Triples or Turtle loaded in memory).

Saved queries live in `graph/read/queries/*.rq`, each opening with a comment that states the
question; `$NAME` placeholders are filled from `--param NAME=VALUE` as escaped literals.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pyoxigraph

from graph.core.namespaces import PREFIXES
from graph.read.open import open_graph

PREFIX_BLOCK = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))


def saved_queries() -> dict[str, str]:
    folder = resources.files("graph.read").joinpath("queries")
    return {p.name[:-3]: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".rq")}


def query_question(text: str) -> str:
    lines = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
    return " ".join(lines)


def load_query(name: str) -> str:
    queries = saved_queries()
    if name not in queries:
        raise SystemExit(f"no saved query {name!r}; known: {', '.join(sorted(queries))}")
    return queries[name]


def _literal(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f'"{value}"^^xsd:date'
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def parameters(text: str) -> list[str]:
    """The `$NAME` placeholders of a saved query (outside its comment lines), in order."""
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    return list(dict.fromkeys(re.findall(r"\$([A-Z][A-Z0-9_]*)\b", body)))


def fill(text: str, params: dict[str, str]) -> str:
    """The query with each `$NAME` replaced by its value as an escaped literal (a `$NAME` left is a SPARQL
    variable: a user's own query may use that syntax)."""
    for k, v in params.items():
        literal = _literal(v)
        text = re.sub(r"\$" + re.escape(k) + r"\b", lambda _m: literal, text)  # noqa: B023 (called at once)
    return text


def with_prefixes(text: str) -> str:
    declared = set(re.findall(r"(?im)^\s*PREFIX\s+(\w*):", text))
    missing = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()) if p not in declared)
    return missing + text


def open_store(graph: Path) -> pyoxigraph.Store:
    """The store `graph.read.open.open_graph` answers a build folder or file from."""
    return open_graph(graph).store


def term_text(term) -> str | None:
    if term is None:
        return None
    return term.value


def run_query(
    graph: Path,
    text: str,
    params: dict[str, str] | None = None,
    store: pyoxigraph.Store | None = None,
    iris: dict[str, str] | None = None,
) -> tuple[list[str], list[list[str | None]]]:
    """Columns and rows of a query: `params` fill `$NAME` placeholders with literals, `iris` bind the
    variables `?NAME` to IRIs (so a query can ask about one thing and still run alone, about all)."""
    store = store or open_store(graph)
    q = with_prefixes(fill(text, params or {}))
    bound: dict[
        pyoxigraph.Variable,
        pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple,
    ] = {pyoxigraph.Variable(k): pyoxigraph.NamedNode(v) for k, v in (iris or {}).items()}
    result = store.query(q, substitutions=bound or None)
    if isinstance(result, bool | pyoxigraph.QueryBoolean):
        return ["result"], [["true" if bool(result) else "false"]]
    if isinstance(result, pyoxigraph.QuerySolutions):
        columns = [v.value for v in result.variables]
        rows = [[term_text(sol[c]) for c in columns] for sol in result]
        return columns, rows
    rows = [[str(t.subject), str(t.predicate), str(t.object)] for t in result]
    return ["subject", "predicate", "object"], rows
