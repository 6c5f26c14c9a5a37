"""The graph as HTML pages that work offline from `file://`: an interactive graph, per-post
tenure timelines and per-person / per-body / per-post pages.

`render_html(out)` reads `out/graph.nt` (or takes the Graph the build holds) and writes
`out/html/`:

- `index.html`: self-contained (vis-network from the pyvis package inlined, no CDN). The
  graph's nodes and edges travel as JSON in a `<script type="application/json">` block, escaped
  so no text can close it; the page's script puts document text on the page with `textContent`
  only, never as markup.
- `data/facts-NNNN.js`: every node's facts, with their evidence, in files of about
  `SHARD_NODES` nodes each, which the main page loads when a node is clicked. They are nine
  tenths of the data: inlined, they made the main page 22 MB at 1,000 documents (200 MB at
  10,000) for the browser to parse before it drew anything, and a rebuild after one changed
  document encoded and wrote all of it again. A node's file is chosen by its `ref` (a hash of
  its IRI; of a document's identifier, as its IRI is its content's hash), and facts name other
  nodes by `ref`, so a node added elsewhere, or a document edited, changes no other file.
- `people.html`, `bodies.html`, `timelines.html`, and `person/`, `body/`, `post/` pages,
  written from Jinja templates with autoescape on; the SVG (ego diagrams, Gantt bars) is
  built here with every text passed through `markupsafe.escape`.

At size the main page shows the best-connected nodes that pass the filters (a limit the
reader can raise), so 10,000 nodes open as fast as 500; search and a click bring any node
and its neighbours in.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import marshal
import math
import os
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.memory import Memory

from graph.core.namespaces import CG, DCTERMS, FOAF, ORG, PROV, RDF, SCHEMA, SKOS, TIME
from graph.core.store import HTML_STAMP, write_atomic
from graph.core.triples import Triples

YEAR_MIN, YEAR_MAX = 2014, 2026
DEFAULT_LIMIT = 500

# kind -> (legend label, colour, vis-network shape); the legend and the SVG use the same table
KINDS: dict[str, tuple[str, str, str]] = {
    "person": ("Person", "#1f77b4", "dot"),
    "body": ("Body", "#2ca02c", "square"),
    "post": ("Post / seat", "#ff7f0e", "diamond"),
    "meeting": ("Meeting", "#9467bd", "triangle"),
    "decision": ("Decision", "#d62728", "star"),
    "action": ("Action", "#8c564b", "triangleDown"),
    "document": ("Document", "#7f7f7f", "hexagon"),
}
PAGE_KINDS = {"person": "person", "body": "body", "post": "post"}
SHARD_DIR = "data"  # in html/: the facts files the main page loads (`facts_shards`)


# --- the view model: nodes, edges and the facts each node shows --------------------------


@dataclass(slots=True)
class Fact:
    relation: str
    other: int | None = None  # node index
    other_label: str = ""
    dates: str = ""
    years: tuple[int, int] | None = None
    note: str = ""
    evidence: list[str] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)  # document node indices


@dataclass(slots=True)
class Node:
    index: int
    iri: str
    kind: str
    label: str
    alt: list[str] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    facts: list[Fact] = field(default_factory=list)
    page: str | None = None
    detail: str = ""  # a line under the title: a document's title and date, a post's organization
    ref: str = (
        ""  # a hash of the IRI (a document's identifier): how facts files name the node (its index moves)
    )


@dataclass(slots=True)
class Tenure:
    """One Membership, as a Gantt row."""

    person: int
    role: int
    org: int
    start: str | None
    end: str | None
    attested: list[str]
    interim: bool
    evidence: list[str]
    sources: list[int]
    stated: bool = True  # False where every known start/end was inferred, not stated


@dataclass(slots=True)
class View:
    nodes: list[Node] = field(default_factory=list)
    edges: list[tuple[int, int, str, int | None, int | None]] = field(default_factory=list)
    tenures: list[Tenure] = field(default_factory=list)
    by_iri: dict[str, int] = field(default_factory=dict)

    def node(self, iri: URIRef, kind: str, label: str) -> int:
        key = str(iri)
        if key not in self.by_iri:
            self.by_iri[key] = len(self.nodes)
            self.nodes.append(Node(len(self.nodes), key, kind, label or _tail(key)))
        return self.by_iri[key]

    def edge(self, a: int, b: int, label: str, years: tuple[int, int] | None) -> None:
        self.edges.append((a, b, label, years[0] if years else None, years[1] if years else None))


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _text(g: Graph, s, p) -> str:
    """The least of the texts of (s, p) (one value, mostly), or ""."""
    return min((str(o) for o in g.objects(s, p)), default="")


def _sorted_terms(terms: Iterable) -> list:
    """`sorted(terms)`, rdflib's order, without its comparison (a Python call) in the usual case:
    IRIs alone, which rdflib orders by their text. The view sorts 160,000 times at 1,000 documents."""
    items = list(terms)
    if len(items) < 2:
        return items
    if all(type(t) is URIRef for t in items):
        return sorted(items, key=str)
    return sorted(items)


def _year(value: str | None) -> int | None:
    if value and re.match(r"\d{4}", value):
        return int(value[:4])
    return None


def _span(*values: str | None) -> tuple[int, int] | None:
    years = [y for y in (_year(v) for v in values) if y is not None]
    return (min(years), max(years)) if years else None


def _date_range(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


def _instant(g: Graph, interval, pred) -> str | None:
    for inst in g.objects(interval, pred):
        for tp in (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear):
            v = _text(g, inst, tp)
            if v:
                return v
    return None


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class _Lookup:
    """The three reads `graph_view` makes (`objects(s, p)`, `subjects(rdf:type, class)`,
    `(s, p, o) in`), answered from dicts filled in one pass over the graph instead of an rdflib
    query each (some 360,000 of them at 1,000 documents). Objects come in the order the graph
    itself gives them. Subjects are indexed by type only: the view asks for no other."""

    def __init__(self, g: Graph | Triples) -> None:
        self._subjects: dict[object, list] = defaultdict(list)  # class -> subjects of that rdf:type
        if isinstance(g, Triples):  # the build's own graph holds (s, p) -> objects already
            self._objects = g.by_subject_predicate()
            for (s, p), objects in self._objects.items():
                if p == RDF.type:
                    for o in objects:
                        self._subjects[o].append(s)
            return
        self._objects = defaultdict(list)
        for s, p, o in self._in_order(g):  # per (s, p) the order g.objects(s, p) gives
            self._objects[(s, p)].append(o)
            if p == RDF.type:
                self._subjects[o].append(s)

    @staticmethod
    def _in_order(g: Graph):
        """Every triple, grouped by subject and predicate in the graph's own order. rdflib's
        in-memory store keeps them so in one dict; reading it costs a tenth of a query per
        subject. Any other graph (another store, several contexts) is asked subject by subject."""
        spo = (
            getattr(g.store, "_Memory__spo", None)
            if type(g) is Graph and isinstance(g.store, Memory)
            else None
        )
        if spo is not None and sum(len(objects) for ps in spo.values() for objects in ps.values()) == len(g):
            return ((s, p, o) for s, ps in spo.items() for p, objects in ps.items() for o in objects)
        return ((s, p, o) for s in g.subjects(unique=True) for p, o in g.predicate_objects(s))

    def objects(self, s, p):
        return iter(self._objects.get((s, p), ()))

    def subjects(self, p, o):
        if p != RDF.type:
            raise ValueError(f"the page view indexes subjects by rdf:type only, not by {p}")
        return iter(self._subjects.get(o, ()))

    def __contains__(self, triple: tuple) -> bool:
        s, p, o = triple
        return o in self._objects.get((s, p), ())


def graph_view(g: Graph) -> View:
    """Read the graph (contract terms only) into nodes, edges and per-node facts."""
    g = _Lookup(g)  # type: ignore[assignment]
    v = View()
    docs: dict[URIRef, int] = {}
    for d in _sorted_terms(set(g.subjects(RDF.type, FOAF.Document))):
        ident = _text(g, d, DCTERMS.identifier) or _tail(str(d))
        i = docs[d] = v.node(d, "document", ident)
        n = v.nodes[i]
        title, when = _text(g, d, DCTERMS.title), _text(g, d, DCTERMS.date)
        n.detail = " · ".join(x for x in (title, when) if x)
        if _year(when):
            n.years.add(_year(when))  # type: ignore[arg-type]

    def sources(s) -> list[int]:
        return sorted(docs[d] for d in g.objects(s, PROV.wasDerivedFrom) if d in docs)

    def evidence(s) -> list[str]:
        return sorted(str(o) for o in g.objects(s, CG.evidence))

    for p in _sorted_terms(set(g.subjects(RDF.type, FOAF.Person))):
        i = v.node(p, "person", _text(g, p, FOAF.name))
        v.nodes[i].alt = sorted(str(o) for o in g.objects(p, SKOS.altLabel))
    for o in _sorted_terms(set(g.subjects(RDF.type, ORG.Organization))):
        i = v.node(o, "body", _text(g, o, SKOS.prefLabel))
        v.nodes[i].alt = sorted(str(x) for x in g.objects(o, SKOS.altLabel))
        v.nodes[i].detail = _text(g, o, CG.orgKind)

    def person_or_body(x) -> int | None:
        if str(x) in v.by_iri:
            return v.by_iri[str(x)]
        if (x, RDF.type, ORG.Role) in g:
            return role(x, None)
        return None

    def role(r, org: int | None) -> int:
        label = _text(g, r, SKOS.prefLabel)
        post_in = next(iter(_sorted_terms(g.objects(r, ORG.postIn))), None)
        if org is None and post_in is not None and str(post_in) in v.by_iri:
            org = v.by_iri[str(post_in)]
        known = str(r) in v.by_iri
        i = v.node(r, "post", f"{label}, {v.nodes[org].label}" if org is not None else label)
        if not known:
            v.nodes[i].detail = (
                "post"
                if (r, RDF.type, ORG.Post) in g
                else "office"
                if (r, RDF.type, CG.Office) in g
                else "seat"
            )
        return i

    # org:unitOf
    for o in _sorted_terms(set(g.subjects(RDF.type, ORG.Organization))):
        for parent in _sorted_terms(g.objects(o, ORG.unitOf)):
            a, b = v.by_iri.get(str(o)), v.by_iri.get(str(parent))
            if a is not None and b is not None:
                v.edge(a, b, "unit of", None)
                v.nodes[a].facts.append(Fact("unit of", b, v.nodes[b].label))
                v.nodes[b].facts.append(Fact("has unit", a, v.nodes[a].label))
    # memberships: person -> post (holds, dates) and post -> body
    post_org_linked: set[int] = set()
    for m in _sorted_terms(set(g.subjects(RDF.type, ORG.Membership))):
        pm, om, rm = (
            next(iter(_sorted_terms(g.objects(m, pred))), None)
            for pred in (ORG.member, ORG.organization, ORG.role)
        )
        if pm is None or om is None or str(pm) not in v.by_iri or str(om) not in v.by_iri:
            continue
        pi, oi = v.by_iri[str(pm)], v.by_iri[str(om)]
        ri = (
            role(rm, oi)
            if rm is not None
            else v.node(URIRef(str(om) + "#member"), "post", f"Member, {v.nodes[oi].label}")
        )
        start = end = None
        bases: set[str] = set()
        for iv in g.objects(m, ORG.memberDuring):
            start = start or _instant(g, iv, TIME.hasBeginning)
            end = end or _instant(g, iv, TIME.hasEnd)
            for pred in (TIME.hasBeginning, TIME.hasEnd):
                bases.update(str(b) for inst in g.objects(iv, pred) for b in g.objects(inst, CG.dateBasis))
        attested = sorted(str(x) for x in g.objects(m, CG.attestedOn))
        interim = any(
            bool(x.toPython()) if isinstance(x, Literal) else False for x in g.objects(m, CG.interim)
        )
        ev, src = evidence(m), sources(m)
        v.tenures.append(
            Tenure(
                pi,
                ri,
                oi,
                start,
                end,
                attested,
                interim,
                ev,
                src,
                stated=bool(start or end) and bases != {"inferred"},
            )
        )
        years = _span(start, end, *attested)
        dates = _date_range(start, end)
        if attested:
            dates = "; ".join(x for x in (dates, "attested " + ", ".join(attested)) if x)
        role_label = _text(g, rm, SKOS.prefLabel) if rm is not None else "Member"
        note = "interim / acting" if interim else ""
        if years:
            lo, hi = years
            if start and end:
                span_years = range(lo, hi + 1)
            elif start and not end:
                span_years = range(lo, max(hi, min(lo + 1, YEAR_MAX)) + 1)
            else:
                span_years = range(lo, hi + 1)
            for n in (pi, ri, oi):
                v.nodes[n].years.update(span_years)
        edge_label = (
            role_label + (" (interim)" if interim else "") + (f" {years[0]}–{years[1]}" if years else "")
        )
        v.edge(pi, ri, edge_label, years)
        if ri not in post_org_linked:
            post_org_linked.add(ri)
            v.edge(ri, oi, "in", None)
            v.nodes[ri].facts.append(Fact("post in", oi, v.nodes[oi].label))
        v.nodes[pi].facts.append(Fact(role_label, oi, v.nodes[oi].label, dates, years, note, ev, src))
        v.nodes[ri].facts.append(Fact("held by", pi, v.nodes[pi].label, dates, years, note, ev, src))
        v.nodes[oi].facts.append(Fact(role_label, pi, v.nodes[pi].label, dates, years, note, ev, src))
    # meetings
    for e in _sorted_terms(set(g.subjects(RDF.type, CG.Meeting))):
        body = next(iter(_sorted_terms(g.objects(e, CG.body))), None)
        bi = v.by_iri.get(str(body)) if body is not None else None
        when = _text(g, e, DCTERMS.date)
        label = " ".join(x for x in ((v.nodes[bi].label if bi is not None else "Meeting"), when) if x)
        ei = v.node(e, "meeting", label)
        ev, src, years = evidence(e), sources(e), _span(when)
        where = _text(g, e, SCHEMA.location)
        v.nodes[ei].detail = where
        if years:
            v.nodes[ei].years.add(years[0])
        if bi is not None:
            v.edge(ei, bi, f"meeting {when}".strip(), years)
            v.nodes[ei].facts.append(Fact("meeting of", bi, v.nodes[bi].label, when, years, where, ev, src))
            v.nodes[bi].facts.append(Fact("meeting", ei, label, when, years, where, ev, src))
            if years:
                v.nodes[bi].years.add(years[0])
        for pred, rel in ((CG.chair, "chaired"), (SCHEMA.attendee, "attended"), (CG.apologies, "apologies")):
            for p in _sorted_terms(g.objects(e, pred)):
                pi = v.by_iri.get(str(p))
                if pi is None:
                    continue
                v.edge(pi, ei, f"{rel} {when}".strip(), years)
                v.nodes[pi].facts.append(Fact(rel, ei, label, when, years, "", ev, src))
                v.nodes[ei].facts.append(Fact(rel, pi, v.nodes[pi].label, when, years, "", ev, src))
                if years:
                    v.nodes[pi].years.add(years[0])
        for d in src:
            v.edge(ei, d, "source", None)
    # decisions and actions
    for kind, cls in (("decision", CG.Decision), ("action", CG.Action)):
        for x in _sorted_terms(set(g.subjects(RDF.type, cls))):
            text = _text(g, x, CG.text)
            xi = v.node(x, kind, _short(text) or kind)
            when = _text(g, x, DCTERMS.date)
            ev, src = evidence(x), sources(x)
            timescale = _text(g, x, CG.timescale)
            years = (
                _span(when)
                or _span(*[_m.group(0) for _m in re.finditer(r"\b(?:19|20)\d\d\b", timescale)])
                or _span(*[_text(g, s, DCTERMS.date) for s in g.objects(x, PROV.wasDerivedFrom)])
            )
            notes = []
            if kind == "decision":
                notes.append(_text(g, x, CG.kind))
            else:
                notes += [
                    f"timescale: {timescale}" if timescale else "",
                    f"status: {_text(g, x, CG.status)}" if _text(g, x, CG.status) else "",
                ]
                notes += [
                    f"plan: {_text(g, pl, DCTERMS.title)}" for pl in _sorted_terms(g.objects(x, CG.inPlan))
                ]
            note = "; ".join(n for n in notes if n)
            v.nodes[xi].detail = text
            if years:
                v.nodes[xi].years.update(range(years[0], years[1] + 1))
            links = [
                (CG.decidedBy, "decided by", "decision"),
                (CG.leadOfficer, "lead officer", "lead officer of"),
                (CG.atMeeting, "at meeting", "decision"),
                (CG.owner, "owner", "owns action"),
            ]
            own_fact = False
            for pred, rel, back in links:
                for o in _sorted_terms(g.objects(x, pred)):
                    oi = person_or_body(o)
                    if oi is None:
                        continue
                    v.edge(xi, oi, rel, years)
                    v.nodes[xi].facts.append(
                        Fact(rel, oi, v.nodes[oi].label, when or timescale, years, note, ev, src)
                    )
                    v.nodes[oi].facts.append(
                        Fact(back, xi, v.nodes[xi].label, when or timescale, years, note, ev, src)
                    )
                    own_fact = True
                    if years:
                        v.nodes[oi].years.update(range(years[0], years[1] + 1))
            if not own_fact:
                v.nodes[xi].facts.append(Fact(kind, None, "", when or timescale, years, note, ev, src))
            for d in src:
                v.edge(xi, d, "source", None)
    # a document's IRI is the hash of its content, so it moves with every edit, and every fact it
    # sourced would name it anew in its facts file: a document is referred to by its identifier
    identifiers = Counter(n.label for n in v.nodes if n.kind == "document")
    for n in v.nodes:
        key = f"document\0{n.label}" if n.kind == "document" and identifiers[n.label] == 1 else n.iri
        n.ref = hashlib.sha1(key.encode()).hexdigest()[:16]
        if n.kind in PAGE_KINDS:
            slug = re.sub(r"[^a-z0-9]+", "-", n.label.lower()).strip("-")[:40] or n.kind
            n.page = f"{PAGE_KINDS[n.kind]}/{slug}-{n.ref[:8]}.html"
    return v


# --- the main page's data: JSON that can sit inside <script> -----------------------------


def script_json(data: object) -> str:
    """JSON for a `<script type="application/json">` block: no `<`, `>` or `&` appear raw, so
    neither `</script>` nor `<!--` in a document's text can end or bend the block. Every character
    beyond ASCII is written as an escape too (U+2028 and U+2029 among them): the text stays one
    byte a character, where one `…` in a document's text made the whole main page's data two
    (and an emoji four), and each replace below copied all of it."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


SHARD_NODES = 256  # about this many nodes' facts in each file the main page loads on a click


def shard_count(nodes: int) -> int:
    """How many facts files: a power of two, so the count (and every node's file) changes only
    when the graph doubles or halves."""
    count = 1
    while count * SHARD_NODES < nodes:
        count *= 2
    return count


def shard_of(ref: str, count: int) -> int:
    """The facts file of the node with `ref`; the main page's script works it out the same way."""
    return int(ref[:8], 16) % count


def page_data(v: View, limit: int = DEFAULT_LIMIT) -> dict:
    """The main page's own data: nodes (with their `ref` and detail line) and edges; the facts
    are in `facts_shards`."""
    degree = [0] * len(v.nodes)
    for a, b, *_ in v.edges:
        degree[a] += 1
        degree[b] += 1
    nodes = []
    for n in v.nodes:
        ys = sorted(n.years)
        nodes.append(
            {
                "i": n.index,
                "k": n.kind,
                "l": n.label,
                "y": [ys[0], ys[-1]] if ys else None,
                "g": n.page,
                "n": degree[n.index],
                "h": n.ref,
                "d": n.detail,
            }
        )
    all_years = [y for n in v.nodes for y in n.years]
    lo = min([YEAR_MIN, *all_years]) if all_years else YEAR_MIN
    hi = max([YEAR_MAX, *all_years]) if all_years else YEAR_MAX
    return {
        "kinds": {k: {"label": lab, "color": col, "shape": shape} for k, (lab, col, shape) in KINDS.items()},
        "nodes": nodes,
        "edges": [list(e) for e in v.edges],
        "shards": shard_count(len(v.nodes)),
        "limit": limit,
        "years": [max(lo, 1990), min(hi, 2100)],
        "default_years": [YEAR_MIN, YEAR_MAX],
    }


def shard_members(v: View) -> list[list[Node]]:
    """Per facts file, the nodes it holds: those with other names or facts, by `shard_of` their ref."""
    members: list[list[Node]] = [[] for _ in range(shard_count(len(v.nodes)))]
    for n in v.nodes:
        if n.facts or n.alt:
            members[shard_of(n.ref, len(members))].append(n)
    return members


def shard_data(v: View, nodes: list[Node]) -> dict[str, dict]:
    """One facts file's data: ref -> the node's other names and facts, other nodes and source
    documents named by ref."""
    return {
        n.ref: {
            "alt": n.alt,
            "f": [
                {
                    "r": f.relation,
                    "o": v.nodes[f.other].ref if f.other is not None else None,
                    "ol": f.other_label,
                    "dt": f.dates,
                    "nt": f.note,
                    "ev": f.evidence,
                    "src": [v.nodes[s].ref for s in f.sources],
                }
                for f in n.facts
            ],
        }
        for n in nodes
    }


def facts_shards(v: View) -> list[dict[str, dict]]:
    """Every facts file's data (`shard_members`, `shard_data`)."""
    return [shard_data(v, nodes) for nodes in shard_members(v)]


class _SharedLists:
    """Digests of the lists that facts share, each worked out once for a render. The view gives
    all the facts read from one sentence one evidence list and one list of sources (a meeting's
    evidence is on every attendee's facts, and on the meeting's for each of them): at 1,000
    documents the page keys marshalled 54,000 evidence texts (46 MB) of 5,200 distinct ones."""

    def __init__(self, v: View) -> None:
        self._v = v
        self._memo: dict[tuple[str, int], tuple[list, bytes]] = {}

    def _digest(self, kind: str, items: list, shown: Callable[[], object]) -> bytes:
        hit = self._memo.get((kind, id(items)))
        if hit is None:  # the list is kept beside its digest, so its id cannot be reused meanwhile
            hit = self._memo[(kind, id(items))] = (items, hashlib.sha1(marshal.dumps(shown(), 2)).digest())
        return hit[1]

    def evidence(self, texts: list[str]) -> bytes:
        return self._digest("evidence", texts, lambda: texts)

    def sources(self, docs: list[int]) -> bytes:
        """As an ego page prints them: each source document's label and detail."""
        return self._digest(
            "sources", docs, lambda: [(self._v.nodes[d].label, self._v.nodes[d].detail) for d in docs]
        )

    def source_refs(self, docs: list[int]) -> bytes:
        """As a facts file names them: by ref."""
        return self._digest("refs", docs, lambda: [self._v.nodes[d].ref for d in docs])

    def page_facts(self, n: Node) -> list[tuple]:
        """What an ego page prints of the node's facts (`_facts_rows`), for its key."""
        nodes = self._v.nodes
        return [
            (
                f.relation,
                f.other_label,
                nodes[f.other].page if f.other is not None else None,
                f.dates,
                f.note,
                self.evidence(f.evidence),
                self.sources(f.sources),
            )
            for f in n.facts
        ]

    def shard(self, nodes: list[Node]) -> list[tuple]:
        """What a facts file holds (`shard_data`), for its key."""
        every = self._v.nodes
        return [
            (
                n.ref,
                n.alt,
                [
                    (
                        f.relation,
                        every[f.other].ref if f.other is not None else None,
                        f.other_label,
                        f.dates,
                        f.note,
                        self.evidence(f.evidence),
                        self.source_refs(f.sources),
                    )
                    for f in n.facts
                ],
            )
            for n in nodes
        ]


def shard_script(k: int, shard: dict[str, dict]) -> str:
    """A facts file: one call of the main page's `cgFacts` with the data as escaped JSON."""
    return f"cgFacts({k},{script_json(shard)});\n"


# --- SVG: ego diagrams and tenure Gantt charts -------------------------------------------


def _frac_year(value: str | None, end: bool = False) -> float | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo is None:
        return y + (1.0 if end else 0.0)
    if d is None:
        return y + (int(mo) - (0 if end else 1)) / 12
    try:
        return y + (date(y, int(mo), int(d)).timetuple().tm_yday - 1) / 365.25
    except ValueError:
        return y + (int(mo) - 1) / 12


GanttRow = tuple[str, str | None, str | None, str | None, tuple[str, ...], bool, bool]


def gantt_rows(v: View, rows: list[Tenure]) -> tuple[GanttRow, ...]:
    """All a post's chart shows of its tenures: per row the holder's label and page, start, end,
    attested dates, interim and stated. A page's key is made of these, not of the drawn SVG."""
    return tuple(
        (
            v.nodes[t.person].label,
            v.nodes[t.person].page,
            t.start,
            t.end,
            tuple(t.attested),
            t.interim,
            t.stated,
        )
        for t in rows
    )


def draw_gantt(rows: tuple[GanttRow, ...], *, link_prefix: str = "../") -> Markup:
    """Who held a post when, from its `gantt_rows` alone: a bar per Membership; solid where a
    start/end is stated, pale and dashed where it was inferred or only attested dates bound it;
    interim bars orange and labelled."""
    if not rows:
        return Markup("")
    spans = []
    for _label, _page, start, end, attested, _interim, row_stated in rows:
        s, e = _frac_year(start), _frac_year(end, end=True)
        att = [x for x in (_frac_year(a) for a in attested) if x is not None]
        stated = (s is not None or e is not None) and row_stated
        lo = s if s is not None else (min(att) if att else e)
        hi = e if e is not None else (max(att) + 1 / 12 if att else (s + 0.25 if s is not None else None))
        spans.append((lo, hi, stated, att))
    known = [x for sp in spans for x in sp[:2] if x is not None]
    y0 = math.floor(min([YEAR_MIN, *known]))
    y1 = math.ceil(max([YEAR_MAX + 1, *known]))
    label_w, width, row_h = 210, 900, 22
    plot_w = width - label_w - 10
    height = 30 + row_h * len(rows)

    def x(year: float) -> float:
        return label_w + (year - y0) / (y1 - y0) * plot_w

    parts = [
        f'<svg class="gantt" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for yr in range(y0, y1 + 1):
        parts.append(f'<line x1="{x(yr):.1f}" y1="18" x2="{x(yr):.1f}" y2="{height}" stroke="#ddd"/>')
        if yr < y1:
            parts.append(f'<text x="{x(yr) + 2:.1f}" y="13" font-size="10" fill="#555">{yr}</text>')
    order = sorted(
        range(len(rows)), key=lambda i: (spans[i][0] if spans[i][0] is not None else 9999, rows[i][0])
    )
    for row, i in enumerate(order):
        (person_label, person_page, start, end, attested, interim, _stated), (lo, hi, stated, att) = (
            rows[i],
            spans[i],
        )
        top = 22 + row * row_h
        name = escape(_short(person_label, 32))
        label = f'<text x="4" y="{top + 14}" font-size="12">{name}</text>'
        if person_page:
            label = f'<a href="{escape(link_prefix + person_page)}">{label}</a>'
        parts.append(label)
        tip = escape(
            f"{person_label}: {_date_range(start, end) or 'dates not stated'}"
            + (f"; attested {', '.join(attested)}" if attested else "")
            + ("; interim" if interim else "")
        )
        if lo is not None and hi is not None:
            colour = "#ff7f0e" if interim else "#1f77b4"
            style = (
                f'fill="{colour}"'
                if stated
                else f'fill="{colour}" fill-opacity="0.35" stroke="{colour}" stroke-dasharray="3,2"'
            )
            w = max(x(hi) - x(lo), 3)
            parts.append(
                f'<rect x="{x(lo):.1f}" y="{top + 3}" width="{w:.1f}" height="{row_h - 8}" {style}>'
                f"<title>{tip}</title></rect>"
            )
            if interim:
                parts.append(
                    f'<text x="{x(lo) + w + 4:.1f}" y="{top + 14}" font-size="11" fill="#b35900">'
                    "interim</text>"
                )
        else:
            parts.append(
                f'<text x="{label_w + 4}" y="{top + 14}" font-size="11" fill="#777">'
                f"no dates in the documents</text>"
            )
        for a in att:
            parts.append(f'<circle cx="{x(a):.1f}" cy="{top + row_h / 2 - 1:.1f}" r="2.5" fill="#222"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


EgoInputs = tuple[str, str, tuple[tuple[str, str, str | None], ...], int]


def ego_inputs(v: View, n: Node, max_neighbours: int = 30) -> EgoInputs:
    """All a node's diagram shows: its kind and label, the kind, label and page of each neighbour
    drawn (the first `max_neighbours` in the order of its facts), and how many more there are."""
    others: dict[int, None] = {}
    for f in n.facts:
        if f.other is not None and f.other != n.index:
            others[f.other] = None
    drawn = tuple((v.nodes[o].kind, v.nodes[o].label, v.nodes[o].page) for o in list(others)[:max_neighbours])
    return n.kind, n.label, drawn, len(others) - len(drawn)


def draw_ego(inputs: EgoInputs, *, link_prefix: str = "../") -> Markup:
    """A node and its neighbours on a circle, from its `ego_inputs` alone."""
    kind, label, shown, more = inputs
    width, size, cx, cy, r = 960, 560, 480, 280, 210
    parts = [
        f'<svg class="ego" role="img" viewBox="0 0 {width} {size}" width="{width}" height="{size}" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    coords = []
    for k, other in enumerate(shown):
        angle = 2 * math.pi * k / max(len(shown), 1) - math.pi / 2
        coords.append((other, cx + r * math.cos(angle), cy + r * math.sin(angle)))
    for _o, ox, oy in coords:
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{ox:.1f}" y2="{oy:.1f}" stroke="#bbb"/>')
    for (other_kind, other_label, other_page), ox, oy in coords:
        colour = KINDS[other_kind][1]
        anchor = "start" if ox >= cx + 5 else "end" if ox <= cx - 5 else "middle"
        dx = 9 if anchor == "start" else -9 if anchor == "end" else 0
        item = (
            f'<circle cx="{ox:.1f}" cy="{oy:.1f}" r="7" fill="{colour}"><title>{escape(other_label)}</title>'
            f'</circle><text x="{ox + dx:.1f}" y="{oy + 4:.1f}" font-size="11" text-anchor="{anchor}">'
            f"{escape(_short(other_label, 30))}</text>"
        )
        if other_page:
            item = f'<a href="{escape(link_prefix + other_page)}">{item}</a>'
        parts.append(item)
    parts.append(
        f'<circle cx="{cx}" cy="{cy}" r="12" fill="{KINDS[kind][1]}"/>'
        f'<text x="{cx}" y="{cy - 18}" font-size="14" font-weight="bold" text-anchor="middle">'
        f"{escape(_short(label, 50))}</text>"
    )
    if more:
        parts.append(
            f'<text x="8" y="{size - 8}" font-size="11" fill="#555">and {more} more (see the table)</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def legend_svg(kind: str) -> Markup:
    colour, shape = KINDS[kind][1], KINDS[kind][2]
    shapes = {
        "dot": '<circle cx="8" cy="8" r="6"/>',
        "square": '<rect x="2" y="2" width="12" height="12"/>',
        "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
        "triangle": '<polygon points="8,1 15,14 1,14"/>',
        "star": '<polygon points="8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6"/>',
        "triangleDown": '<polygon points="1,2 15,2 8,15"/>',
        "hexagon": '<polygon points="4,1 12,1 15,8 12,15 4,15 1,8"/>',
    }
    return Markup(
        f'<svg width="16" height="16" aria-hidden="true"><g fill="{colour}">{shapes[shape]}</g></svg>'
    )


# --- writing the pages -------------------------------------------------------------------


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("graph.pages", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(KINDS=KINDS, legend_svg=legend_svg)
    return env


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """The vis-network script pyvis ships, found without importing pyvis (its import costs more
    than a rebuild's whole page render)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed: its vis-network script is inlined in index.html")
    path = Path(spec.submodule_search_locations[0]) / "lib" / "vis-9.1.2" / "vis-network.min.js"
    js = path.read_text(encoding="utf-8")
    if "</script" in js.lower() or "<!--" in js:
        raise ValueError("vis-network.min.js contains </script or <!--: cannot be inlined safely")
    return js


def _facts_rows(v: View, n: Node, prefix: str) -> list[dict]:
    rows = []
    for f in n.facts:
        other = v.nodes[f.other] if f.other is not None else None
        rows.append(
            {
                "relation": f.relation,
                "other": f.other_label,
                "other_href": prefix + other.page if other is not None and other.page else None,
                "dates": f.dates,
                "note": f.note,
                "evidence": f.evidence,
                "sources": [{"id": v.nodes[s].label, "detail": v.nodes[s].detail} for s in f.sources],
            }
        )
    return rows


def _source_key(code: str, nt_digest: str) -> str:
    """What the pages are a function of: graph.nt (by the SHA-256 of its bytes) and the code (`_code_key`)."""
    return hashlib.sha256(f"{code}\n{nt_digest}".encode()).hexdigest()


def mark_rendered(out: Path, nt_digest: str, *, limit: int = DEFAULT_LIMIT) -> None:
    """Record that `out/html/` was rendered (by `render_html`, with `limit`) from a graph.nt whose
    bytes have the SHA-256 `nt_digest`. The build calls it once both the pages and graph.nt are
    written; the next build keeps its outputs only when the stamp still says so."""
    (Path(out) / HTML_STAMP).write_text(_source_key(_code_key(limit), nt_digest) + "\n", encoding="utf-8")


PAGES_MANIFEST = ".pages.json"  # in html/: the renderer's key and, per page, the key of what it shows


def _code_key(limit: int) -> str:
    """What every page is a function of besides the graph: the limit, this module, its templates and
    the vis-network script the main page inlines."""
    h = hashlib.sha256(f"limit={limit}\n".encode())
    h.update(Path(__file__).read_bytes())
    h.update(_vis_js().encode("utf-8"))
    for tpl in sorted(Path(__file__).with_name("templates").glob("*.html")):
        h.update(tpl.name.encode() + b"\0" + tpl.read_bytes())
    return h.hexdigest()


def _key(*parts: object) -> str:
    """A digest of plain values (str, int, None, lists, tuples, dicts): `marshal` format 2, which
    writes every value out (no references to objects met before, so equal values give equal
    bytes) and is several times faster than JSON (a page's facts carry all their evidence)."""
    return hashlib.sha256(marshal.dumps(parts, 2)).hexdigest()


def _pages(v: View, limit: int) -> Iterator[tuple[str, str, Callable[[], str]]]:
    """Every page as (path under html/, key of what it shows, how to render it). A page's key is
    worked out from the values its template prints, without rendering it, so a rebuild renders
    and writes only the pages whose key changed."""
    env = _env()
    counts = {k: sum(1 for n in v.nodes if n.kind == k) for k in KINDS}
    data = script_json(page_data(v, limit))
    # a nonce derived from the content keeps the page byte-stable; with it the CSP refuses any
    # script or inline handler the page did not write itself
    nonce = hashlib.sha256(data.encode()).hexdigest()[:32]
    yield (
        "index.html",
        _key(nonce, counts),
        lambda: env.get_template("index.html").render(
            data=Markup(data), vis_js=Markup(_vis_js()), counts=counts, nonce=nonce
        ),
    )
    shared = _SharedLists(v)
    for k, nodes in enumerate(shard_members(v)):  # keyed by their values: built and encoded only when written
        yield (
            f"{SHARD_DIR}/facts-{k:04d}.js",
            _key(k, shared.shard(nodes)),
            lambda k=k, nodes=nodes: shard_script(k, shard_data(v, nodes)),
        )
    for rel, title, kind in (("people.html", "People", "person"), ("bodies.html", "Bodies", "body")):
        items = sorted((n for n in v.nodes if n.kind == kind), key=lambda n: n.label.lower())
        yield (
            rel,
            _key([(n.label, n.page, n.detail, n.alt) for n in items]),
            lambda title=title, items=items: env.get_template("list.html").render(title=title, items=items),
        )
    by_role: dict[int, list[Tenure]] = defaultdict(list)
    roles_of_org: dict[int, set[int]] = defaultdict(set)
    for t in v.tenures:
        by_role[t.role].append(t)
        roles_of_org[t.org].add(t.role)
    # every post's chart shows in timelines.html; a post's page and its body's show it again
    charts = {r: gantt_rows(v, rows) for r, rows in by_role.items()}

    # the posts that changed hands most first
    posts = [
        {
            "node": v.nodes[r],
            "holders": len({t.person for t in by_role[r]}),
            "interims": sum(t.interim for t in by_role[r]),
            "role": r,
        }
        for r in sorted(
            by_role, key=lambda r: (-len({t.person for t in by_role[r]}), v.nodes[r].label.lower())
        )
    ]

    def timelines_page() -> str:
        return env.get_template("timelines.html").render(
            title="Post timelines",
            posts=[{**p, "svg": draw_gantt(charts[p["role"]], link_prefix="")} for p in posts],
        )

    # a page's key is made of what its charts show (`gantt_rows`, `ego_inputs`), not of the drawn SVG:
    # the drawing (most of a page's work) is done only for the pages written
    yield (
        "timelines.html",
        _key(
            [
                (
                    p["node"].label,
                    p["node"].page,
                    p["node"].detail,
                    p["holders"],
                    p["interims"],
                    charts[p["role"]],
                )
                for p in posts
            ]
        ),
        timelines_page,
    )
    ego = env.get_template("ego.html")

    def ego_page(n: Node, timelines: list[Node], ego_shown: EgoInputs) -> str:
        return ego.render(
            node=n,
            kind_label=KINDS[n.kind][0],
            ego=draw_ego(ego_shown),
            facts=_facts_rows(v, n, "../"),
            timelines=[{"node": r, "svg": draw_gantt(charts[r.index])} for r in timelines],
        )

    for n in v.nodes:
        if not n.page:
            continue
        timelines: list[Node] = []
        if n.kind == "post" and by_role.get(n.index):
            timelines.append(n)
        elif n.kind == "body":
            timelines.extend(
                v.nodes[r] for r in sorted(roles_of_org.get(n.index, ()), key=lambda r: v.nodes[r].label)
            )
        ego_shown = ego_inputs(v, n)
        shown = [
            n.label,
            n.detail,
            n.alt,
            min(n.years, default=None),
            max(n.years, default=None),
            KINDS[n.kind][0],
            ego_shown,
            [(r.page, r.label, r is n, charts[r.index]) for r in timelines],
            shared.page_facts(n),
        ]
        yield n.page, _key(*shown), partial(ego_page, n, timelines, ego_shown)


def _read_manifest(final: Path, code: str) -> dict[str, str] | None:
    """The page keys of the pages in `final`, when they were rendered by this code; else None."""
    try:
        data = json.loads((final / PAGES_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("code") != code or not isinstance(data.get("pages"), dict):
        return None
    return data["pages"]


def render_html(out: Path, graph: Graph | Triples | None = None, *, limit: int = DEFAULT_LIMIT) -> Path:
    """Write `out/html/` from the graph (read from `out/graph.nt` when not given); return the path
    of `index.html`. The pages' stamp is removed first; the build writes it again (`mark_rendered`)
    once graph.nt, which another process writes meanwhile, is written too.

    A first render (or one by changed code) writes the folder beside and swaps it in whole. Later
    renders rewrite, each atomically, only the pages whose key (`_pages`) differs from the one in
    `html/.pages.json`, and delete the pages no node has any more; the manifest is removed first
    and written last, so a render killed half-way leaves the next one to rewrite every page."""
    out = Path(out)
    code = _code_key(limit)
    with contextlib.suppress(FileNotFoundError):
        (out / HTML_STAMP).unlink()
    if graph is None:
        graph = Graph()
        nt, ttl = out / "graph.nt", out / "graph.ttl"
        if nt.is_file():
            graph.parse(nt, format="nt")
        elif ttl.is_file():
            graph.parse(ttl, format="turtle")
        else:
            raise FileNotFoundError(f"no graph in {out}: run `councilgraph build PATH --out {out}` first")
    v = graph_view(graph)
    final = out / "html"
    previous = _read_manifest(final, code)
    keys: dict[str, str] = {}
    if previous is None:  # everything new: written beside, swapped in whole
        tmp = out / "html.tmp"
        if tmp.exists():
            shutil.rmtree(tmp)
        for sub in (*PAGE_KINDS.values(), SHARD_DIR):
            (tmp / sub).mkdir(parents=True, exist_ok=True)
        for rel, page_key, render in _pages(v, limit):
            (tmp / rel).write_text(render(), encoding="utf-8")
            keys[rel] = page_key
        (tmp / PAGES_MANIFEST).write_text(
            json.dumps({"code": code, "pages": keys}, sort_keys=True), encoding="utf-8"
        )
        old = out / "html.old"
        if old.exists():
            shutil.rmtree(old)
        if final.exists():
            os.replace(final, old)
        os.replace(tmp, final)
        if old.exists():
            shutil.rmtree(old)
    else:  # only the pages whose key changed
        (final / PAGES_MANIFEST).unlink()
        for rel, page_key, render in _pages(v, limit):
            keys[rel] = page_key
            if previous.get(rel) != page_key or not (final / rel).is_file():
                write_atomic(final / rel, render().encode("utf-8"))
        for rel in previous.keys() - keys.keys():
            with contextlib.suppress(OSError):
                (final / rel).unlink()
        write_atomic(
            final / PAGES_MANIFEST, json.dumps({"code": code, "pages": keys}, sort_keys=True).encode()
        )
    return final / "index.html"
