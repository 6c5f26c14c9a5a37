"""SPARQL over a built graph with pyoxigraph, opened by `graph.read.open.open_graph` (the build's
store when it is fresh, else its N-Triples or Turtle loaded in memory).

Saved queries live in `graph/read/queries/*.rq`, each opening with a comment that states the
question; `$NAME` placeholders are filled from `--param NAME=VALUE` as escaped literals,
`cg:key($NAME)` with the value's lookup key (`graph.core.build.search_key`, the normalisation the
build writes as each person's, body's, role's and plan's `cg:nameKey`), and `cg:iri($NAME)` with the
value as an IRI (so a query about one fact looks it up instead of comparing every fact's text).
A long listing is saved as a page (`page_size`, `at_page`, `PAGE=k`), so that asking it costs the
same however large the graph; its whole listing is `load_query(name, whole=True)` (docs/sparql.md,
"Listings a page at a time").
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pyoxigraph

from graph.core.build import search_key
from graph.core.namespaces import PREFIXES
from graph.read.open import open_graph

PREFIX_BLOCK = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))


def saved_queries() -> dict[str, str]:
    """The saved queries by name, as `query --name` and the endpoint's menu run them (a listing's
    first page: `load_query(name, whole=True)` gives the whole listing)."""
    folder = resources.files("graph.read").joinpath("queries")
    return {p.name[:-3]: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".rq")}


def query_question(text: str) -> str:
    lines = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
    return " ".join(lines)


def load_query(name: str, whole: bool = False) -> str:
    """A saved query's text; with `whole`, the whole listing where the saved query is paged
    (`graph/read/queries/whole/NAME.rq`), so a reader of everything (the read model, the exports)
    asks for everything by name and the default stays bounded."""
    queries = saved_queries()
    if name not in queries:
        raise SystemExit(f"no saved query {name!r}; known: {', '.join(sorted(queries))}")
    if whole:
        full = resources.files("graph.read").joinpath("queries", "whole", f"{name}.rq")
        if full.is_file():
            return full.read_text(encoding="utf-8")
    return queries[name]


# A paged saved query picks its ids in a sub-SELECT ending `LIMIT n OFFSET 0  # page`: the ids come
# in the store's index order, so a page costs the lookups of its n ids (and the skipping of the ids
# before it), not the whole listing; `PAGE=k` moves the offset to the k-th page.
_PAGE = re.compile(r"\bLIMIT\s+(\d+)\s+OFFSET\s+0\b(?=[^\n]*#\s*page\b)", re.IGNORECASE)


def page_size(text: str) -> int | None:
    """How many ids a page of a paged saved query holds (None: the query is not paged)."""
    found = _PAGE.search(text)
    return int(found.group(1)) if found else None


def at_page(text: str, page: int | str, size: int | None = None) -> str:
    """The paged query at page `page` (1 is the first), `size` ids a page (default: the query's)."""
    number = int(page) if str(page).strip().isdigit() else 0
    if number < 1:
        raise ValueError(f"a page is a whole number from 1, not {page!r}")

    def move(m: re.Match) -> str:
        n = size or int(m.group(1))
        return f"LIMIT {n} OFFSET {(number - 1) * n}"

    return _PAGE.sub(move, text)


def _literal(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f'"{value}"^^xsd:date'
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def parameters(text: str) -> list[str]:
    """The `$NAME` placeholders of a saved query (outside its comment lines), in order."""
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    return list(dict.fromkeys(re.findall(r"\$([A-Z][A-Z0-9_]*)\b", body)))


def _iri(value: str) -> str:
    """The value as an IRI term, or as a literal where it cannot be one (a literal matches no
    subject, so a query asked about a malformed IRI answers nothing, as it would about an unknown one)."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*", value):
        return f"<{value}>"
    return _literal(value)


def fill(text: str, params: dict[str, str]) -> str:
    """The query with each `cg:key($NAME)` replaced by the value's `search_key` as a string literal,
    each `cg:iri($NAME)` by the value as an IRI, and each `$NAME` by the value as an escaped literal
    (a `$NAME` left is a SPARQL variable, as is a `cg:key($NAME)` or `cg:iri($NAME)` left: a user's
    own query may use that syntax). A `PAGE` of a paged query sets its page (`at_page`)."""
    if "PAGE" in params and page_size(text) is not None:
        text = at_page(text, params["PAGE"])
        params = {k: v for k, v in params.items() if k != "PAGE"}
    for k, v in params.items():
        key = '"' + search_key(v) + '"'  # lower-case letters, digits and single spaces: nothing to escape
        text = re.sub(r"cg:key\(\s*\$" + re.escape(k) + r"\s*\)", lambda _m: key, text)  # noqa: B023
        iri = _iri(v)
        text = re.sub(r"cg:iri\(\s*\$" + re.escape(k) + r"\s*\)", lambda _m: iri, text)  # noqa: B023
        literal = _literal(v)
        text = re.sub(r"\$" + re.escape(k) + r"\b", lambda _m: literal, text)  # noqa: B023 (called at once)
    return re.sub(r"cg:(?:key|iri)\(\s*(\$[A-Z][A-Z0-9_]*)\s*\)", r"\1", text)  # not given: the variable


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


# One real thing per parameterised saved query, so that a benchmark or a test asks what a reader
# would: a person who holds posts, a post held on a date, a body that met on a date, ...
# (columns are parameter names; the middle row of those found is used, the same on every run).
_EXAMPLES = {
    "post-holder-on-date": """SELECT DISTINCT ?POST ?ORG ?DATE WHERE {
        ?m a org:Membership ; org:role ?r ; org:organization/skos:prefLabel ?ORG ; cg:attestedOn ?DATE ;
           cg:heldFrom ?from ; cg:heldUntil ?until .
        ?r a org:Post ; skos:prefLabel ?POST . FILTER(DATATYPE(?DATE) = xsd:date && ?from <= ?DATE && ?DATE <= ?until) }""",
    "post-holders-in-order": """SELECT DISTINCT ?POST WHERE { ?m org:role ?r . ?r a org:Post ; skos:prefLabel ?POST }""",
    "posts-vacant-or-interim-on-date": """SELECT DISTINCT ?DATE WHERE {
        ?m a org:Membership ; cg:attestedOn ?DATE . FILTER(DATATYPE(?DATE) = xsd:date) }""",
    "owners-at-inspection": """SELECT DISTINCT ?DATE WHERE {
        ?m a org:Membership ; org:role/rdf:type org:Post ; cg:attestedOn ?DATE . FILTER(DATATYPE(?DATE) = xsd:date) }""",
    "decisions-by-body": """SELECT DISTINCT ?BODY (CONCAT(SUBSTR(STR(?d), 1, 4), "-01-01") AS ?FROM)
        (CONCAT(SUBSTR(STR(?d), 1, 4), "-12-31") AS ?TO) WHERE {
        ?x a cg:Decision ; cg:decidedBy/skos:prefLabel ?BODY ; dcterms:date ?d }""",
    "actions-by-owner": """SELECT DISTINCT ?OWNER WHERE { ?a a cg:Action ; cg:owner/(foaf:name|skos:prefLabel) ?OWNER }""",
    "fact-sources": """SELECT DISTINCT ?PERSON WHERE { ?m org:member/foaf:name ?PERSON }""",
    "person-posts": """SELECT DISTINCT ?PERSON WHERE { ?m org:member/foaf:name ?PERSON }""",
    "document-of-fact": """SELECT DISTINCT (STR(?m) AS ?FACT) WHERE { ?m a org:Membership ; prov:wasDerivedFrom [] }""",
    "meeting-attendance": """SELECT DISTINCT ?BODY ?DATE WHERE {
        ?e a cg:Meeting ; cg:body/skos:prefLabel ?BODY ; dcterms:date ?DATE ; schema:attendee [] .
        FILTER(DATATYPE(?DATE) = xsd:date) }""",
    "members-of-body": """SELECT DISTINCT ?BODY WHERE { ?m a org:Membership ; org:organization/skos:prefLabel ?BODY }""",
    "plan-actions": """SELECT DISTINCT ?PLAN WHERE { ?a cg:inPlan/dcterms:title ?PLAN }""",
}


def example_parameters(graph: Path, store: pyoxigraph.Store | None = None) -> dict[str, dict[str, str]]:
    """Parameters drawn from the graph for each saved query that takes some (query name -> values)."""
    out: dict[str, dict[str, str]] = {}
    for name, query in _EXAMPLES.items():
        columns, rows = run_query(graph, query, store=store)
        found = sorted(tuple(v or "" for v in row) for row in rows)
        if found:
            out[name] = dict(zip(columns, found[len(found) // 2], strict=True))
    return out


def run_remote(
    endpoint: str, text: str, params: dict[str, str] | None = None, timeout: float = 300
) -> tuple[list[str], list[list[str | None]]]:
    """Columns and rows of a query sent to a SPARQL 1.1 endpoint over HTTP (a POSTed form, as the
    protocol defines it): the same filling and prefixes as `run_query`, the same table back."""
    import json
    import urllib.parse
    import urllib.request

    body = urllib.parse.urlencode({"query": with_prefixes(fill(text, params or {}))}).encode("utf-8")
    request = urllib.request.Request(
        endpoint,
        data=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        },
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (the user's endpoint)
        kind = response.headers.get_content_type()
        data = response.read()
    if kind == "application/n-triples":
        triples = pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
        return ["subject", "predicate", "object"], [
            [str(t.subject), str(t.predicate), str(t.object)] for t in triples
        ]
    answer = json.loads(data)
    if "boolean" in answer:
        return ["result"], [["true" if answer["boolean"] else "false"]]
    columns = list(answer["head"]["vars"])
    rows = [[(b.get(c) or {}).get("value") for c in columns] for b in answer["results"]["bindings"]]
    return columns, rows
