"""A read-only SPARQL 1.1 Protocol endpoint over a built graph (`councilgraph serve DIR`).

HTTP is Starlette's (ASGI) served by uvicorn: no hand-written request parsing. Queries run
in a small pool of worker *processes*, each holding the store open read-only, so a query
that exceeds the timeout is stopped by ending its worker (a thread could not be stopped),
and the endpoint stays responsive while it runs.

Routes: `GET /` a query page: a form, the saved queries as a menu with a field per parameter, and
the answer to `?query=...` (or `?name=SAVED&PARAM=...`) as an HTML table with a CSV download;
`GET|POST /sparql` the protocol
(`query=` in the URL or form, or a `application/sparql-query` body); `GET /queries/NAME.rq`
the text of a saved query. Updates are refused (403), `SERVICE` is refused (400: no
outbound requests), a malformed query gets 400 with the parser's message, a query over
the time limit gets 503, results beyond the row cap are cut (header `X-Result-Truncated`).
"""

from __future__ import annotations

import contextlib
import copy
import html
import json
import multiprocessing as mp
import queue
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from graph.core.namespaces import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# media type -> short name, for solutions (SELECT/ASK) and for graphs (CONSTRUCT/DESCRIBE)
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
}
MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
# `format=` shortcut in the URL or form, as many endpoints accept
FORMAT_PARAM = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}

READ_ONLY = "this endpoint is read-only: SPARQL Update is refused"
MAX_DEPTH = 400  # brackets nested deeper than this are refused: the query parser recurses on them
GRACE = 2  # seconds a request still running at SIGTERM is given before the server stops anyway


def nesting_depth(text: str) -> int:
    """The deepest nesting of `{` and `(` in the text (strings included: an upper bound), in one pass."""
    depth = deepest = 0
    for ch in text:
        if ch in "{(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})":
            depth = max(0, depth - 1)
    return deepest


def _parse(text: str, parse) -> object | None:
    """rdflib's parse tree of the text, or None where rdflib cannot parse it."""
    from pyparsing import ParseBaseException

    try:
        return parse(text)
    except (ParseBaseException, RecursionError, ValueError, TypeError):
        return None


# An IRIREF as SPARQL writes it (Oxigraph also reads \uXXXX and \UXXXXXXXX escapes inside one).
_IRIREF = re.compile(r"<(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>")
# the code just before an IRI that can only be a prologue's: `PREFIX name:` or `BASE`
_PROLOGUE = re.compile(r"(?:^|\s)(?:prefix\s+[^\s:]*:|base)\s*$", re.IGNORECASE)


def service_keyword_possible(text: str) -> bool:
    """Whether the query text may hold the SERVICE keyword: False only when every "service" in it
    is inside a string, an IRI or a comment, or ends a variable's name (then no parse is needed).

    Read in one pass, as a SPARQL lexer reads it. One ambiguity needs care: a `<...>` span without
    spaces is an IRI where a term is expected but a less-than in an expression (`?a<?b#>`), and the
    two readings go on differently when the span holds a `#` (a comment in the second) or a `'` (a
    string). Such a span is read as an IRI only after `PREFIX name:` or `BASE`, where it can be
    nothing else; elsewhere the answer is True (the caller parses). ("service" inside a span is no
    risk: a SERVICE clause started there would need a `{`, a space or a `#` before the span's `>`.)
    A short string that runs into a line end, or a string left open, is True too. So a keyword is
    never missed: True means "parse it", not "it has one"."""
    if "service" not in text.casefold():
        return False
    code: list[str] = []  # the text with strings, IRIs and comments blanked
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = min((j for j in (text.find("\n", i), text.find("\r", i)) if j >= 0), default=n)
            code.append(" ")
            i = end
        elif c in "'\"":
            long = text.startswith(c * 3, i)
            j = i + (3 if long else 1)
            while True:
                if j >= n:
                    return True  # an open string: Oxigraph refuses it, but the caller should decide
                if text[j] == "\\":
                    j += 2
                elif long and text.startswith(c * 3, j):
                    j += 3
                    break
                elif not long and text[j] == c:
                    j += 1
                    break
                elif not long and text[j] in "\r\n":
                    return True
                else:
                    j += 1
            code.append(" ")
            i = j
        elif c == "<" and (m := _IRIREF.match(text, i)):
            span = m.group()
            tail = ("" if len(code) <= 300 else "x") + "".join(code[-300:])  # "x": not a start
            if ("#" in span or "'" in span) and not _PROLOGUE.search(tail):
                return True
            code.append(" ")
            i = m.end()
        else:
            code.append(c)
            i += 1
    read = "".join(code)
    return any(not _variable_end(read, m.start()) for m in re.finditer("service", read, re.IGNORECASE))


def _variable_end(code: str, start: int) -> bool:
    """Whether the word at code[start] is inside a variable's name (`?`/`$` then name characters up to it)."""
    j = start
    while j > 0 and (code[j - 1].isalnum() or code[j - 1] == "_"):
        j -= 1
    return j > 0 and code[j - 1] in "?$"


def uses_service(text: str) -> bool | None:
    """Whether the parsed query holds a SERVICE pattern (None: it could not be parsed).

    Only a query whose text may hold the keyword outside strings, IRIs and comments
    (`service_keyword_possible`) is parsed: rdflib's parser takes 10-100 ms, and a saved query
    asking for "Children's Services" need not pay it. (Oxigraph would make the outbound request
    itself.)"""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    if not service_keyword_possible(text):
        return False
    tree = _parse(text, parseQuery)
    if tree is None:
        return None
    stack: list[object] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            stack.extend(dict.values(node))
        elif isinstance(node, list | tuple | ParseResults):
            stack.extend(node)
    return False


def is_update(text: str) -> bool:
    """Whether the text parses as SPARQL Update (asked only of a text the query parser refused)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    return _parse(text, parseUpdate) is not None


def negotiate(accept: str, offered: dict[str, str]) -> str | None:
    """The best short format in `offered` for an Accept header (q-values, wildcards), or None."""
    best: tuple[float, int, str] | None = None
    for part in (accept or "*/*").split(","):
        bits = [b.strip() for b in part.split(";")]
        media, q = bits[0].lower(), 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if media in offered:
            name = offered[media]
        elif media in ("*/*", "application/*") or (
            media == "text/*" and any(m.startswith("text/") for m in offered)
        ):
            name = (
                next(iter(offered.values()))
                if media != "text/*"
                else next(v for m, v in offered.items() if m.startswith("text/"))
            )
        else:
            continue
        specific = 0 if "*" in media else 1
        key = (q, specific, name)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


# --- serialisation of a (capped) result -------------------------------------------------


def _json_term(t) -> dict:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(t.subject),
            "predicate": _json_term(t.predicate),
            "object": _json_term(t.object),
        },
    }


class _Full(Exception):
    """Raised by `_Lines` to stop a serialiser once the row cap is passed."""


class _Lines:
    """A binary writer that keeps what it is given and stops the writer (raising `_Full`) once it holds
    more than `limit` lines: pyoxigraph writes TSV results one line per row, in 8 KB chunks."""

    def __init__(self, limit: int) -> None:
        self.limit, self.lines = limit, 0
        self.chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        self.lines += data.count(b"\n")
        if self.lines > self.limit:
            raise _Full
        return len(data)

    def flush(self) -> None:
        pass


SOLUTION_FORMATS = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}


def serialize_solutions(result, fmt: str, max_rows: int) -> tuple[bytes, bool]:
    """A SELECT's solutions in `fmt` (json, xml, csv or tsv), cut after `max_rows` rows, and whether
    they were cut. pyoxigraph writes them (in Rust: at 1,000 documents `memberships` as CSV 0.32 s,
    where turning each term into a Python value and writing it in Python took 0.60 s): first as TSV,
    one line per row, stopped once a row beyond the cap is written (so a query that streams is not
    run to its end), then read back and written in `fmt` (TSV as it is)."""
    import pyoxigraph as ox

    out = _Lines(max_rows + 1)  # the header line, then the rows
    try:
        result.serialize(output=out, format=ox.QueryResultsFormat.TSV)
        truncated = False
    except _Full:
        truncated = True
    data = b"".join(out.chunks)
    if truncated:
        data = b"".join(line + b"\n" for line in data.split(b"\n", max_rows + 1)[: max_rows + 1])
    if fmt == "tsv":
        return data, truncated
    solutions = ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV)
    written = solutions.serialize(format=getattr(ox.QueryResultsFormat, SOLUTION_FORMATS[fmt]))
    return written or b"", truncated


def serialize_boolean(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return (
            f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
            f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n"
        ).encode()
    # CSV/TSV have no boolean form in the standard; the common convention is one cell
    return (("true" if value else "false") + "\n").encode()


def serialize_triples(triples: list, fmt: str) -> bytes:
    import pyoxigraph as ox

    rdf = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "rdfxml": ox.RdfFormat.RDF_XML,
        "jsonld": ox.RdfFormat.JSON_LD,
    }[fmt]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if fmt in ("turtle", "jsonld") else None
    if fmt == "jsonld":
        return ox.serialize(triples, format=rdf) or b""
    return ox.serialize(triples, format=rdf, prefixes=prefixes) or b""


# --- the worker processes -------------------------------------------------------------


@dataclass(slots=True)
class Reply:
    status: int
    body: bytes
    media_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def _text(status: int, message: str) -> Reply:
    return Reply(status, (message.rstrip() + "\n").encode())


def execute(
    store,
    text: str,
    accept: str,
    max_rows: int,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> Reply:
    """Run one query on an open pyoxigraph store and serialise the answer for `accept`."""
    import pyoxigraph as ox

    service = uses_service(text)
    if service is None:
        return _text(
            400,
            "the query could not be parsed, so it could not be checked for SERVICE "
            "(this endpoint makes no outbound requests)",
        )
    if service:
        return _text(400, "SERVICE is refused: this endpoint makes no outbound requests")
    kwargs: dict = {"prefixes": {p: str(ns) for p, ns in PREFIXES.items()}}
    if default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        result = store.query(text, **kwargs)
        if isinstance(result, ox.QueryBoolean | bool):
            fmt = negotiate(accept, RESULT_TYPES)
            if fmt is None:
                return _text(
                    406,
                    "ASK results come as " + ", ".join(sorted(set(MEDIA[v] for v in RESULT_TYPES.values()))),
                )
            return Reply(200, serialize_boolean(bool(result), fmt), MEDIA[fmt])
        if isinstance(result, ox.QuerySolutions):
            fmt = negotiate(accept, RESULT_TYPES)
            if fmt is None:
                return _text(406, "SELECT results come as " + ", ".join(sorted(set(RESULT_TYPES))))
            body, truncated = serialize_solutions(result, fmt, max_rows)
            headers = {"X-Result-Truncated": "true"} if truncated else {}
            return Reply(200, body, MEDIA[fmt], headers)
        fmt = negotiate(accept, GRAPH_TYPES)
        if fmt is None:
            return _text(406, "CONSTRUCT/DESCRIBE results come as " + ", ".join(sorted(GRAPH_TYPES)))
        triples: list = []
        truncated = False
        for t in result:
            if len(triples) >= max_rows:
                truncated = True
                break
            triples.append(t)
        headers = {"X-Result-Truncated": "true"} if truncated else {}
        return Reply(200, serialize_triples(triples, fmt), MEDIA[fmt], headers)
    except SyntaxError as exc:
        if is_update(text):
            return _text(403, READ_ONLY)
        return _text(400, f"malformed query: {exc}")
    except OSError as exc:
        return _text(500, f"query failed: {exc}")


def open_graph_store(graph: Path):
    """The store `graph.read.open.open_graph` answers the graph from, as every other command does."""
    from graph.read.open import open_graph

    return open_graph(graph).store


def _worker_main(conn, graph: str) -> None:
    store = open_graph_store(Path(graph))
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(execute(store, *job))


class _Worker:
    def __init__(self, graph: Path) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, str(graph)), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        """Whether the worker has opened its store (it is still starting if not, within `timeout`)."""
        if not self.ready:
            if not self.conn.poll(timeout):
                return False
            msg = self.conn.recv()
            if msg != "ready":
                raise RuntimeError(f"the SPARQL worker failed: {msg}")
            self.ready = True
        return True

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class QueryPool:
    """`size` worker processes; a query over `timeout` seconds ends its worker, which is replaced."""

    def __init__(self, graph: Path, *, size: int = 2, timeout: float = 10.0, max_rows: int = 10_000) -> None:
        # fail now, in the parent, if there is no graph; a graph file (or a folder without a fresh store)
        # is not loaded here, since each worker loads its own copy in memory (at 10,000 documents:
        # 11 s and some 600 MB)
        from graph.read.open import graph_file, store_is_fresh

        graph_file(graph)
        if graph.is_dir() and store_is_fresh(graph):
            open_graph_store(graph)
        self.graph, self.timeout, self.max_rows = graph, timeout, max_rows
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.workers: set[_Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(max(1, size)):
            self._spawn()

    def _spawn(self) -> None:
        w = _Worker(self.graph)
        with self.lock:
            self.workers.add(w)
        self.idle.put(w)

    def _take(self, deadline: float) -> _Worker | None:
        """An idle worker, waiting in short slices so that `close` frees a waiting request at once."""
        while not self.closed:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                return self.idle.get(timeout=min(left, 0.25))
            except queue.Empty:
                continue
        return None

    def run(
        self,
        text: str,
        accept: str,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Reply:
        """The reply to one query within `timeout` seconds of the call, waiting included."""
        deadline = time.monotonic() + self.timeout
        w = self._take(deadline)
        if w is None:
            return _text(503, f"the endpoint is busy: no worker free within {self.timeout:g}s; try again")
        try:
            if not w.wait_ready(max(0.0, deadline - time.monotonic())):
                self.idle.put(w)
                return _text(
                    503, f"the endpoint is busy: a worker is starting; try again in {self.timeout:g}s"
                )
            w.conn.send((text, accept, self.max_rows, default_graphs, named_graphs))
            if w.conn.poll(max(0.0, deadline - time.monotonic())):
                reply = w.conn.recv()
                self.idle.put(w)
                return reply
        except (RuntimeError, OSError, EOFError) as exc:
            self._retire(w)
            return _text(500, f"query failed: {exc}")
        self._retire(w)
        return _text(
            503,
            f"query stopped: it ran longer than the {self.timeout:g}s limit (councilgraph serve --timeout)",
        )

    def _retire(self, w: _Worker) -> None:
        w.stop()
        with self.lock:
            self.workers.discard(w)
        if not self.closed:
            self._spawn()

    def close(self) -> None:
        """Stop every worker; a request waiting on one gets its reply (an error) at once."""
        self.closed = True
        with self.lock:
            workers = list(self.workers)
            self.workers.clear()
        for w in workers:
            w.stop()


# --- HTTP -----------------------------------------------------------------------------


# what the query page asks the pool for: solutions as JSON, graphs as N-Triples (both drawn as a table)
PAGE_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
PAGE_ROWS = 1000  # rows the page's table shows; the CSV download has them all (up to the row cap)
DEFAULT_QUERY = "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name LIMIT 20"


@dataclass(frozen=True, slots=True)
class PageAsk:
    """What the query page was asked: a query (typed, or a saved one filled with its parameters),
    or why it cannot run."""

    text: str = DEFAULT_QUERY
    run: bool = False  # False: show the form only
    name: str | None = None  # the saved query chosen
    values: tuple[tuple[str, str], ...] = ()  # its parameters as given
    error: str | None = None


def page_ask(params: dict[str, str], queries: dict[str, str]) -> PageAsk:
    """Read `GET /?query=...` or `GET /?name=SAVED&PARAM=value...`: a saved query with a parameter
    left empty is not run (it would answer nothing, silently) and the page names the parameter."""
    from graph.read.sparql import fill, page_size, parameters

    name = params.get("name") or None
    if name is not None:
        if name not in queries:
            return PageAsk(error=f"no saved query {name!r}")
        wanted = parameters(queries[name])
        values = tuple((p, params.get(p, "").strip()) for p in wanted)
        missing = [p for p, v in values if not v]
        if missing:
            error = f"the saved query {name!r} needs " + ", ".join(f"${p}" for p in missing)
            return PageAsk(text=queries[name], name=name, values=values, error=error)
        if page_size(queries[name]) is not None:  # a listing: a page of it, the first unless asked
            values += (("PAGE", params.get("PAGE", "").strip() or "1"),)
        try:
            text = fill(queries[name], dict(values))
        except ValueError as exc:  # a page that is not a whole number from 1
            return PageAsk(text=queries[name], name=name, values=values, error=str(exc))
        return PageAsk(text=text, run=True, name=name, values=values)
    typed = params.get("query")
    if typed is None:
        return PageAsk()
    if not typed.strip():
        return PageAsk(text=typed, error="give a query")
    return PageAsk(text=typed, run=True)


def _short_iri(iri: str) -> str:
    """An IRI as `prefix:local` under the longest predeclared namespace it starts with."""
    best = max(
        ((p, str(ns)) for p, ns in PREFIXES.items() if iri.startswith(str(ns))),
        key=lambda x: len(x[1]),
        default=None,
    )
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else iri


def _cell(term: dict | None) -> str:
    if term is None:
        return ""
    if term.get("type") == "uri":
        return f'<span title="{html.escape(term["value"])}">{html.escape(_short_iri(term["value"]))}</span>'
    return html.escape(str(term.get("value", "")))


def reply_table(reply: Reply) -> str:
    """A query's reply as an HTML table (every value escaped), or its error as a paragraph."""
    if reply.status != 200:
        return (
            f'<p class="error">Error {reply.status}: {html.escape(reply.body.decode("utf-8", "replace"))}</p>'
        )
    if reply.media_type.startswith("application/n-triples"):
        import pyoxigraph as ox

        columns = ["subject", "predicate", "object"]
        rows = [
            [_json_term(t.subject), _json_term(t.predicate), _json_term(t.object)]
            for t in ox.parse(reply.body, format=ox.RdfFormat.N_TRIPLES)
        ]
    else:
        answer = json.loads(reply.body)
        if "boolean" in answer:
            return f'<p class="answer">{"yes" if answer["boolean"] else "no"}</p>'
        columns = answer["head"]["vars"]
        rows = [[b.get(c) for c in columns] for b in answer["results"]["bindings"]]
    cut = reply.headers.get("X-Result-Truncated") == "true"
    note = f"{len(rows)} row{'s' if len(rows) != 1 else ''}" + (
        " (cut at the endpoint's row cap)" if cut else ""
    )
    if len(rows) > PAGE_ROWS:
        note += f"; the first {PAGE_ROWS} shown, the CSV has them all"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_cell(t)}</td>" for t in r) + "</tr>" for r in rows[:PAGE_ROWS])
    return f'<p class="muted">{note}</p><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _saved_menu(queries: dict[str, str], ask: PageAsk) -> str:
    """The saved queries as a menu: each with its question, a field per parameter and a Run button."""
    from graph.read.sparql import page_size, parameters, query_question

    given = dict(ask.values)
    items = []
    for name, text in sorted(queries.items()):
        body = "\n".join(ln for ln in text.splitlines() if not ln.startswith("#")).strip()
        e = html.escape(name)
        fields = "".join(
            f'<label>${html.escape(p)} <input name="{html.escape(p)}" required '
            f'value="{html.escape(given.get(p, "") if ask.name == name else "")}"></label> '
            for p in parameters(text)
        )
        if page_size(text) is not None:  # a listing comes a page at a time; the field asks for one
            at = given.get("PAGE", "1") if ask.name == name else "1"
            fields += (
                f'<label>page <input name="PAGE" type="number" min="1" value="{html.escape(at)}"></label> '
            )
        items.append(
            f'<li id="{e}"><form method="get" action="./"><input type="hidden" name="name" value="{e}">'
            f"<strong>{e}</strong> <span>{html.escape(query_question(text))}</span><br>{fields}"
            f'<button>Run</button> <a href="queries/{e}.rq">.rq</a></form>'
            f"<details><summary>the query</summary><pre>{html.escape(body)}</pre></details></li>"
        )
    return '<ul class="saved">' + "".join(items) + "</ul>"


def _next_page(ask: PageAsk) -> str:
    """For a page of a saved listing: which page it is, and a link to the next (escaped)."""
    import urllib.parse

    given = dict(ask.values)
    if not ask.name or not given.get("PAGE", "").isdigit():
        return ""
    at = int(given["PAGE"])
    href = "./?" + urllib.parse.urlencode({"name": ask.name, **given, "PAGE": str(at + 1)})
    return (
        f' <span class="muted">page {at}, in the store\'s order:</span> '
        f'<a href="{html.escape(href)}#results">next page</a>'
    )


def _page(queries: dict[str, str], ask: PageAsk | None = None, reply: Reply | None = None) -> str:
    """The query page: a form, the saved queries as a menu, and the asked query's answer as a table
    with a CSV download. No script: a form and links do it all."""
    import urllib.parse

    ask = ask or PageAsk()
    prefixes = "".join(
        f"PREFIX {p}: &lt;{html.escape(str(ns))}&gt;<br>" for p, ns in sorted(PREFIXES.items())
    )
    result = ""
    if ask.error:
        result = f'<p class="error">{html.escape(ask.error)}</p>'
    elif reply is not None:
        csv_href = "sparql?" + urllib.parse.urlencode({"query": ask.text, "format": "csv"})
        title = f"Results of {html.escape(ask.name)}" if ask.name else "Results"
        result = (
            f'<h2 id="results">{title}</h2><p><a href="{html.escape(csv_href)}" download="results.csv">Download CSV</a>'
            f"{_next_page(ask)}</p>" + reply_table(reply)
        )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>councilgraph SPARQL</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'self'">
<style>body{{font-family:sans-serif;max-width:72rem;margin:1rem auto;padding:0 1rem}}
textarea{{width:100%;font-family:monospace}}pre{{background:#f4f4f4;padding:.5rem;overflow:auto}}
table{{border-collapse:collapse}}th,td{{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}}
th{{background:#f4f6f8}}.error{{color:#a00}}.muted{{color:#666}}ul.saved li{{margin:6px 0}}</style></head>
<body><h1>councilgraph SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 at <code>/sparql</code> (GET or POST).</p>
<details><summary>The prefixes every query has without declaring them</summary><code>{prefixes}</code></details>
<form method="get" action="./"><textarea id="q" name="query" rows="10">{html.escape(ask.text)}</textarea>
<button>Run</button> <span class="muted">or get the raw results as</span>
<select name="format"><option>csv</option><option>json</option><option>tsv</option><option>xml</option><option>turtle</option></select>
<button formaction="sparql">Download</button></form>
{result}
<h2>Saved queries</h2>{_saved_menu(queries, ask)}</body></html>"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """What one request may cost: the endpoint's answer to untrusted queries."""

    timeout: float = 10.0  # seconds a query may run in its worker before the worker is replaced
    max_rows: int = 10_000  # result rows (or triples) returned; the rest is cut with X-Result-Truncated
    workers: int = 4  # query worker processes: a hostile query holds one until its deadline
    max_query_chars: int = 1_000_000  # a longer query (or POST body) is refused with 413

    def __post_init__(self) -> None:
        if self.timeout <= 0 or self.max_rows < 1 or self.workers < 1 or self.max_query_chars < 1:
            raise ValueError(f"limits must be positive: {self}")


@dataclass(slots=True)
class _Asked:
    """One protocol request's query and options, as read from the URL, form or body."""

    text: str | None
    fmt: str | None
    default_graphs: list[str]
    named_graphs: list[str]


def _refuse(status: int, message: str) -> Response:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status)


async def _read_post(request: Request, asked: _Asked, max_bytes: int) -> Response | None:
    """Fill `asked` from a POST body of at most `max_bytes` (known from Content-Length before reading)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/sparql-update":
        return _refuse(403, READ_ONLY)
    length = request.headers.get("content-length", "")
    if not length.isdigit():
        return _refuse(411, "POST needs a Content-Length")
    if int(length) > max_bytes:
        return _refuse(413, f"the request body is longer than {max_bytes:,} bytes")
    if ctype == "application/sparql-query":
        asked.text = (await request.body()).decode("utf-8", "replace")
    elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        if "update" in form:
            return _refuse(403, READ_ONLY)
        asked.text = str(form["query"]) if form.get("query") is not None else asked.text
        asked.fmt = str(form["format"]) if form.get("format") else asked.fmt
        asked.default_graphs += [str(v) for v in form.getlist("default-graph-uri")]
        asked.named_graphs += [str(v) for v in form.getlist("named-graph-uri")]
    else:
        return _refuse(415, "POST a query as application/sparql-query or as a form field `query`")
    return None


async def _read(request: Request, limits: Limits) -> _Asked | Response:
    """The request's query, or the refusal that answers it without running anything."""
    params = request.query_params
    asked = _Asked(
        params.get("query"),
        params.get("format"),
        params.getlist("default-graph-uri"),
        params.getlist("named-graph-uri"),
    )
    if request.method == "POST":
        refused = await _read_post(request, asked, 4 * limits.max_query_chars)
        if refused is not None:
            return refused
    elif "update" in params:
        return _refuse(403, READ_ONLY)
    if not asked.text or not asked.text.strip():
        return _refuse(400, "give a query: /sparql?query=...")
    if len(asked.text) > limits.max_query_chars:
        return _refuse(413, f"the query is longer than {limits.max_query_chars:,} characters")
    if nesting_depth(asked.text) > MAX_DEPTH:
        return _refuse(400, f"the query nests brackets deeper than {MAX_DEPTH}")
    return asked


def create_app(graph: Path, limits: Limits | None = None) -> Starlette:
    """The endpoint's routes; every query is parsed and run in a worker process, off the event loop."""
    from graph.read.sparql import saved_queries

    limits = limits or Limits()
    pool = QueryPool(graph, size=limits.workers, timeout=limits.timeout, max_rows=limits.max_rows)
    queries = saved_queries()

    async def page(request: Request) -> Response:
        ask = page_ask(dict(request.query_params), queries)
        if ask.run and len(ask.text) > limits.max_query_chars:
            ask = PageAsk(text="", error=f"the query is longer than {limits.max_query_chars:,} characters")
        elif ask.run and nesting_depth(ask.text) > MAX_DEPTH:
            ask = PageAsk(text=ask.text, error=f"the query nests brackets deeper than {MAX_DEPTH}")
        if not ask.run or ask.error:
            return HTMLResponse(_page(queries, ask), status_code=400 if ask.error else 200)
        reply = await anyio.to_thread.run_sync(pool.run, ask.text, PAGE_ACCEPT, None, None)
        return HTMLResponse(_page(queries, ask, reply), status_code=reply.status)

    async def saved(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in queries:
            return _refuse(404, f"no saved query {name!r}")
        return Response(queries[name], media_type="application/sparql-query")

    async def sparql(request: Request) -> Response:
        asked = await _read(request, limits)
        if isinstance(asked, Response):
            return asked
        accept = (
            FORMAT_PARAM.get(asked.fmt.lower(), asked.fmt)
            if asked.fmt
            else request.headers.get("accept", "*/*")
        )
        reply = await anyio.to_thread.run_sync(
            pool.run, asked.text or "", accept, asked.default_graphs or None, asked.named_graphs or None
        )
        return Response(
            reply.body,
            status_code=reply.status,
            media_type=reply.media_type,
            headers={"Vary": "Accept", **reply.headers},
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        pool.close()

    app = Starlette(
        routes=[
            Route("/", page),
            Route("/queries/{name}.rq", saved),
            Route("/sparql", sparql, methods=["GET", "POST"]),
        ],
        lifespan=lifespan,
    )
    app.state.pool = pool
    return app


def serve(graph: Path, *, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None) -> None:
    """Run the endpoint until SIGTERM or Ctrl-C; requests still running then get `GRACE` seconds."""
    import uvicorn

    app = create_app(graph, limits)
    log_config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    log_config["handlers"]["access"]["stream"] = "ext://sys.stderr"  # logs on stderr, never stdout
    uvicorn.run(
        app, host=host, port=port, log_level="info", log_config=log_config, timeout_graceful_shutdown=GRACE
    )
