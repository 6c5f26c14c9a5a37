"""The view model: the records every page is drawn from (nodes, dated edges, the facts each node
shows and the tenures the timelines chart), read from the graph once.

The pages never read the graph themselves: they are a function of a `View`, so what a page shows
can be keyed (`graph.pages.render`) without drawing it, and the graph's vocabulary is read here
alone. The graph is read through a dict of subject -> predicate -> objects, in the order the graph
gives them: the build's `Triples` holds that dict already, and an rdflib `Graph` is read into one
through its public API (`_by_subject`): a dict lookup per read, where an rdflib
query each would cost more than the rest of the render.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node as Term

from graph.core.namespaces import CG, DCTERMS, FOAF, ORG, PROV, RDF, SCHEMA, SKOS, TIME
from graph.core.triples import Triples, objects_of

YEAR_MIN, YEAR_MAX = 2014, 2026
# the class of the canonical roles a post links to (docs/GRAPH_CONTRACT.md), named without the closed
# namespace's check so that a graph from before the term reads the same
CANONICAL_ROLE = CG._NS["CanonicalRole"]

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
PAGE_KINDS = {"person": "person", "body": "body", "post": "post"}  # kind -> its pages' folder

# (from node, to node, label, first year, last year): as the main page's data carries it
Edge = tuple[int, int, str, int | None, int | None]


@dataclass(frozen=True, slots=True)
class Fact:
    """One line of a node's facts table (and of its facts file)."""

    relation: str
    other: int | None = None  # node index
    other_label: str = ""
    dates: str = ""
    years: tuple[int, int] | None = None
    note: str = ""
    # the facts read from one sentence share these two lists: page keys digest each list once
    evidence: list[str] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)  # document node indices


@dataclass(frozen=True, slots=True)
class Node:
    """A node of the main page, and the page of its own for people, bodies and posts."""

    index: int
    iri: str
    kind: str
    label: str
    alt: list[str] = field(default_factory=list)
    years: frozenset[int] = frozenset()
    facts: tuple[Fact, ...] = ()
    page: str | None = None
    detail: str = ""  # a line under the title: a document's title and date, a post's organization
    # a hash of the IRI (of a document's identifier): how facts files name the node (its index moves)
    ref: str = ""


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class View:
    """Everything the pages show: nodes by index (facts name others by index), edges, tenures."""

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    tenures: tuple[Tenure, ...] = ()
    # (post node, the id of the canonical role the graph links it to: `skos:broader` a cg:CanonicalRole)
    canonical: tuple[tuple[int, str], ...] = ()


# --- small readings of terms and dates ---------------------------------------------------


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def sorted_terms(terms: Iterable[Term]) -> list[Term]:
    """`sorted(terms)`, rdflib's order, without its comparison (a Python call) in the usual case:
    IRIs alone, which rdflib orders by their text. The view sorts once or more per record read."""
    items = list(terms)
    if len(items) < 2:
        return items
    if all(type(t) is URIRef for t in items):
        return sorted(items, key=str)
    return sorted(items)  # type: ignore[type-var]


_YEAR = re.compile(r"\d{4}")  # compiled once: `re.match` looks its pattern up at each of a million calls


def year(value: str | None) -> int | None:
    if value and _YEAR.match(value):
        return int(value[:4])
    return None


def span(*values: str | None) -> tuple[int, int] | None:
    match = _YEAR.match
    years = [int(v[:4]) for v in values if v and match(v)]
    return (min(years), max(years)) if years else None


def date_range(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


def short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# --- reading the graph -------------------------------------------------------------------


def _by_subject(g: Graph | Triples) -> Mapping[Term, Mapping[Term, Term | dict[Term, None]]]:
    """subject -> predicate -> its objects (one term, or a dict of several), per pair in the order
    `g.objects(s, p)` gives them (the view takes the first interval or instant of several). The
    build's `Triples` holds this; an rdflib graph is asked subject by subject, the one public read
    that keeps that order."""
    if isinstance(g, Triples):
        return g.by_subject()
    nested: dict[Term, dict[Term, dict[Term, None]]] = defaultdict(dict)
    for s in g.subjects(unique=True):
        for p, o in g.predicate_objects(s):
            nested[s].setdefault(p, {})[o] = None
    return nested


_NO_PREDICATES: Mapping[Term, Term | dict[Term, None]] = MappingProxyType({})


class _Reader:
    """The reads the view makes (`objects(s, p)`, subjects of an rdf:type, `(s, p, o) in`), each a
    dict lookup by subject, then by predicate. Subjects are indexed by type only: the view asks for
    no other."""

    def __init__(self, g: Graph | Triples) -> None:
        self._subjects = _by_subject(g)
        self._typed: dict[Term, list[Term]] = defaultdict(list)  # class -> subjects of that rdf:type
        for s, predicates in self._subjects.items():
            for o in objects_of(predicates.get(RDF.type)):
                self._typed[o].append(s)

    def objects(self, s: Term, p: Term) -> Iterator[Term]:
        return iter(objects_of(self._subjects.get(s, _NO_PREDICATES).get(p)))

    def _held(self, s: Term, p: Term) -> Term | dict[Term, None] | None:
        """The objects of (s, p) as the graph holds them: none, one term, or a dict of several."""
        return self._subjects.get(s, _NO_PREDICATES).get(p)

    def typed(self, cls: Term) -> list[Term]:
        """The subjects of rdf:type `cls`, each once, in rdflib's order."""
        return sorted_terms(set(self._typed.get(cls, ())))

    def __contains__(self, triple: tuple[Term, Term, Term]) -> bool:
        s, p, o = triple
        return o in objects_of(self._subjects.get(s, _NO_PREDICATES).get(p))

    def first(self, s: Term, p: Term) -> Term | None:
        """The least object of (s, p) in rdflib's order, or None."""
        held = self._held(s, p)
        if type(held) is not dict:  # none or one: most pairs, read without sorting
            return held  # type: ignore[return-value]
        return next(iter(sorted_terms(held)), None)

    def text(self, s: Term | None, p: Term) -> str:
        """The least of the texts of (s, p) (one value, mostly), or ""."""
        if s is None:
            return ""
        held = self._held(s, p)
        if held is None:
            return ""
        if type(held) is not dict:
            return str(held)
        return min((str(o) for o in held), default="")

    def instant(self, interval: Term, pred: Term) -> str | None:
        """The date of the interval's beginning or end (`pred`), the first instant that has one."""
        for inst in self.objects(interval, pred):
            for tp in (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear):
                v = self.text(inst, tp)
                if v:
                    return v
        return None

    def evidence(self, s: Term) -> list[str]:
        held = self._held(s, CG.evidence)
        if type(held) is not dict:
            return [] if held is None else [str(held)]
        return sorted(str(o) for o in held)


# --- building the view -------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    """A node while the view is read: its facts and years grow as later records name it."""

    index: int
    iri: str
    kind: str
    label: str
    alt: list[str] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    facts: list[Fact] = field(default_factory=list)
    detail: str = ""


# Where a record of the view was read in the whole graph's order: (the record: its phase and its
# subject's IRI, as the view reads them in turn), then the call within the record. A view read from
# one council's part of the graph keys what it made, so that views of several parts can be put in
# the order the whole graph's view has (`graph.pages.bycouncil`).
Record = tuple[int | str, ...]
Key = tuple[Record, int]


@dataclass(slots=True)
class ViewKeys:
    """The whole-graph order of what a view made (`keyed_view`): each node's, edge's and tenure's
    key, and the keys of the facts of the nodes asked for (`tracked`)."""

    nodes: list[Key] = field(default_factory=list)
    edges: list[Key] = field(default_factory=list)
    tenures: list[Key] = field(default_factory=list)
    facts: dict[int, list[Key]] = field(default_factory=dict)
    record: Record = ()
    calls: int = 0

    def at(self, record: Record) -> None:
        self.record, self.calls = record, 0

    def next(self) -> Key:
        self.calls += 1
        return self.record, self.calls


class _Builder:
    """The view as it is read: nodes by IRI, edges, tenures and the documents' node indices."""

    def __init__(
        self,
        g: Graph | Triples,
        *,
        keys: ViewKeys | None = None,
        tracked: frozenset[str] = frozenset(),
        repeated: frozenset[str] = frozenset(),
    ) -> None:
        self.g = _Reader(g)
        self.nodes: list[_Draft] = []
        self.by_iri: dict[str, int] = {}
        self.edges: list[Edge] = []
        self.tenures: list[Tenure] = []
        self.docs: dict[Term, int] = {}
        self.canonical: dict[int, str] = {}
        self.keys = keys
        self.tracked = tracked  # the IRIs of the nodes whose facts are keyed
        self.repeated = repeated  # document identifiers that other parts of the graph hold too

    def at(self, *record: int | str) -> None:
        """The record read next (keyed views only)."""
        if self.keys is not None:
            self.keys.at(record)

    def node(self, iri: Term, kind: str, label: str) -> int:
        key = str(iri)
        keys = self.keys
        if key not in self.by_iri:
            self.by_iri[key] = len(self.nodes)
            self.nodes.append(_Draft(len(self.nodes), key, kind, label or _tail(key)))
            if keys is not None:
                keys.nodes.append(keys.next())
                if key in self.tracked:
                    keys.facts[len(self.nodes) - 1] = []
        elif keys is not None:
            keys.next()
        return self.by_iri[key]

    def index(self, term: Term | None) -> int | None:
        return self.by_iri.get(str(term)) if term is not None else None

    def label(self, i: int) -> str:
        return self.nodes[i].label

    def edge(self, a: int, b: int, label: str, years: tuple[int, int] | None) -> None:
        # one text per label: a meeting's attendees' edges all read "attended <date>", and the edges
        # are kept for the whole corpus's pages after each council's view goes (`graph.pages.bycouncil`)
        label = sys.intern(label)
        self.edges.append((a, b, label, years[0] if years else None, years[1] if years else None))
        if self.keys is not None:
            self.keys.edges.append(self.keys.next())

    def fact(self, i: int, fact: Fact) -> None:
        self.nodes[i].facts.append(fact)
        if self.keys is not None:
            key = self.keys.next()
            if i in self.keys.facts:
                self.keys.facts[i].append(key)

    def tenure(self, t: Tenure) -> None:
        self.tenures.append(t)
        if self.keys is not None:
            self.keys.tenures.append(self.keys.next())

    def sources(self, s: Term) -> list[int]:
        return sorted(self.docs[d] for d in self.g.objects(s, PROV.wasDerivedFrom) if d in self.docs)

    def role(self, r: Term, org: int | None) -> int:
        """The node of a post, office or seat, labelled with its organization when one is known."""
        label = self.g.text(r, SKOS.prefLabel)
        post_in = self.g.first(r, ORG.postIn)
        if org is None and post_in is not None and str(post_in) in self.by_iri:
            org = self.by_iri[str(post_in)]
        known = str(r) in self.by_iri
        i = self.node(r, "post", f"{label}, {self.label(org)}" if org is not None else label)
        if not known:
            for c in sorted_terms(self.g.objects(r, SKOS.broader)):
                if (c, RDF.type, CANONICAL_ROLE) in self.g:
                    self.canonical[i] = _tail(str(c))
                    break
            self.nodes[i].detail = (
                "post"
                if (r, RDF.type, ORG.Post) in self.g
                else "office"
                if (r, RDF.type, CG.Office) in self.g
                else "seat"
            )
        return i

    def person_or_body(self, x: Term) -> int | None:
        if str(x) in self.by_iri:
            return self.by_iri[str(x)]
        if (x, RDF.type, ORG.Role) in self.g:
            return self.role(x, None)
        return None

    def freeze(self) -> View:
        """The finished view: each node with its ref, page and frozen facts."""
        # a document's IRI is the hash of its content, so it moves with every edit, and every fact it
        # sourced would name it anew in its facts file: a document is referred to by its identifier
        identifiers = Counter(n.label for n in self.nodes if n.kind == "document")
        identifiers.update({i: 1 for i in self.repeated})  # held by another part of the graph too
        nodes = []
        for n in self.nodes:
            key = f"document\0{n.label}" if n.kind == "document" and identifiers[n.label] == 1 else n.iri
            ref = hashlib.sha1(key.encode()).hexdigest()[:16]
            page = None
            if n.kind in PAGE_KINDS:
                slug = re.sub(r"[^a-z0-9]+", "-", n.label.lower()).strip("-")[:40] or n.kind
                page = f"{PAGE_KINDS[n.kind]}/{slug}-{ref[:8]}.html"
            nodes.append(
                Node(
                    n.index,
                    n.iri,
                    n.kind,
                    n.label,
                    n.alt,
                    frozenset(n.years),
                    tuple(n.facts),
                    page,
                    n.detail,
                    ref,
                )
            )
        return View(
            tuple(nodes), tuple(self.edges), tuple(self.tenures), tuple(sorted(self.canonical.items()))
        )


def graph_view(g: Graph | Triples) -> View:
    """Read the graph (contract terms only) into nodes, edges and per-node facts."""
    return _read(_Builder(g))


def keyed_view(
    g: Graph | Triples, *, tracked: frozenset[str], repeated: frozenset[str]
) -> tuple[View, ViewKeys]:
    """`graph_view` of one part of a graph, with the whole graph's order of what it made (`ViewKeys`):
    the keys of the facts of the nodes named in `tracked` (those other parts name too), documents
    whose identifier is in `repeated` referred to as one of several (as the whole graph's view does)."""
    keys = ViewKeys()
    return _read(_Builder(g, keys=keys, tracked=tracked, repeated=repeated)), keys


def _read(b: _Builder) -> View:
    _documents(b)
    _people_and_bodies(b)
    _units(b)
    _memberships(b)
    _meetings(b)
    for phase, kind, cls in ((6, "decision", CG.Decision), (7, "action", CG.Action)):
        for x in b.g.typed(cls):
            b.at(phase, str(x))
            _decision_or_action(b, kind, x)
    return b.freeze()


def _documents(b: _Builder) -> None:
    for d in b.g.typed(FOAF.Document):
        b.at(0, str(d))
        ident = b.g.text(d, DCTERMS.identifier) or _tail(str(d))
        i = b.docs[d] = b.node(d, "document", ident)
        n = b.nodes[i]
        title, when = b.g.text(d, DCTERMS.title), b.g.text(d, DCTERMS.date)
        n.detail = " · ".join(x for x in (title, when) if x)
        y = year(when)
        if y:
            n.years.add(y)


def _people_and_bodies(b: _Builder) -> None:
    for p in b.g.typed(FOAF.Person):
        b.at(1, str(p))
        i = b.node(p, "person", b.g.text(p, FOAF.name))
        b.nodes[i].alt = sorted(str(o) for o in b.g.objects(p, SKOS.altLabel))
    for o in b.g.typed(ORG.Organization):
        b.at(2, str(o))
        i = b.node(o, "body", b.g.text(o, SKOS.prefLabel))
        b.nodes[i].alt = sorted(str(x) for x in b.g.objects(o, SKOS.altLabel))
        b.nodes[i].detail = b.g.text(o, CG.orgKind)


def _units(b: _Builder) -> None:
    """org:unitOf, both ways."""
    for o in b.g.typed(ORG.Organization):
        for parent in sorted_terms(b.g.objects(o, ORG.unitOf)):
            b.at(3, str(o), str(parent))
            u, w = b.index(o), b.index(parent)
            if u is not None and w is not None:
                b.edge(u, w, "unit of", None)
                b.fact(u, Fact("unit of", w, b.label(w)))
                b.fact(w, Fact("has unit", u, b.label(u)))


def _memberships(b: _Builder) -> None:
    """Memberships: person -> post (holds, dates) and post -> body, and a tenure each."""
    post_org_linked: set[int] = set()
    for m in b.g.typed(ORG.Membership):
        b.at(4, str(m))
        pm, om, rm = (b.g.first(m, pred) for pred in (ORG.member, ORG.organization, ORG.role))
        pi, oi = b.index(pm), b.index(om)
        if pi is None or oi is None:
            continue
        ri = (
            b.role(rm, oi)
            if rm is not None
            else b.node(URIRef(str(om) + "#member"), "post", f"Member, {b.label(oi)}")
        )
        tenure = _tenure(b, m, pi, ri, oi)
        b.tenure(tenure)
        role_label = b.g.text(rm, SKOS.prefLabel) if rm is not None else "Member"
        _membership_facts(b, tenure, role_label, link_post=ri not in post_org_linked)
        post_org_linked.add(ri)


def _tenure(b: _Builder, m: Term, pi: int, ri: int, oi: int) -> Tenure:
    """A membership's dates (the first stated start and end of its intervals), how they are known,
    whether it was interim, and its evidence."""
    start = end = None
    bases: set[str] = set()
    for iv in b.g.objects(m, ORG.memberDuring):
        start = start or b.g.instant(iv, TIME.hasBeginning)
        end = end or b.g.instant(iv, TIME.hasEnd)
        for pred in (TIME.hasBeginning, TIME.hasEnd):
            bases.update(str(x) for inst in b.g.objects(iv, pred) for x in b.g.objects(inst, CG.dateBasis))
    attested = sorted(str(x) for x in b.g.objects(m, CG.attestedOn))
    interim = any(bool(x.toPython()) if isinstance(x, Literal) else False for x in b.g.objects(m, CG.interim))
    stated = bool(start or end) and bases != {"inferred"}
    return Tenure(pi, ri, oi, start, end, attested, interim, b.g.evidence(m), b.sources(m), stated=stated)


def _membership_facts(b: _Builder, t: Tenure, role_label: str, *, link_post: bool) -> None:
    """A tenure's years on its holder, post and body, its edge, and the fact on each of the three;
    the post's link to its body with its first tenure (`link_post`)."""
    years = span(t.start, t.end, *t.attested)
    dates = date_range(t.start, t.end)
    if t.attested:
        dates = "; ".join(x for x in (dates, "attested " + ", ".join(t.attested)) if x)
    note = "interim / acting" if t.interim else ""
    if years:
        lo, hi = years
        if t.start and not t.end:
            span_years = range(lo, max(hi, min(lo + 1, YEAR_MAX)) + 1)
        else:
            span_years = range(lo, hi + 1)
        for n in (t.person, t.role, t.org):
            b.nodes[n].years.update(span_years)
    edge_label = (
        role_label + (" (interim)" if t.interim else "") + (f" {years[0]}–{years[1]}" if years else "")
    )
    b.edge(t.person, t.role, edge_label, years)
    if link_post:
        b.edge(t.role, t.org, "in", None)
        b.fact(t.role, Fact("post in", t.org, b.label(t.org)))
    ev, src = t.evidence, t.sources
    b.fact(t.person, Fact(role_label, t.org, b.label(t.org), dates, years, note, ev, src))
    b.fact(t.role, Fact("held by", t.person, b.label(t.person), dates, years, note, ev, src))
    b.fact(t.org, Fact(role_label, t.person, b.label(t.person), dates, years, note, ev, src))


def _meetings(b: _Builder) -> None:
    """Meetings: of their body, and chaired, attended or sent apologies to by people."""
    for e in b.g.typed(CG.Meeting):
        b.at(5, str(e))
        bi = b.index(b.g.first(e, CG.body))
        when = b.g.text(e, DCTERMS.date)
        label = " ".join(x for x in ((b.label(bi) if bi is not None else "Meeting"), when) if x)
        ei = b.node(e, "meeting", label)
        ev, src, years = b.g.evidence(e), b.sources(e), span(when)
        where = b.g.text(e, SCHEMA.location)
        b.nodes[ei].detail = where
        if years:
            b.nodes[ei].years.add(years[0])
        if bi is not None:
            b.edge(ei, bi, f"meeting {when}".strip(), years)
            b.fact(ei, Fact("meeting of", bi, b.label(bi), when, years, where, ev, src))
            b.fact(bi, Fact("meeting", ei, label, when, years, where, ev, src))
            if years:
                b.nodes[bi].years.add(years[0])
        for pred, rel in ((CG.chair, "chaired"), (SCHEMA.attendee, "attended"), (CG.apologies, "apologies")):
            for p in sorted_terms(b.g.objects(e, pred)):
                pi = b.index(p)
                if pi is None:
                    continue
                b.edge(pi, ei, f"{rel} {when}".strip(), years)
                b.fact(pi, Fact(rel, ei, label, when, years, "", ev, src))
                b.fact(ei, Fact(rel, pi, b.label(pi), when, years, "", ev, src))
                if years:
                    b.nodes[pi].years.add(years[0])
        for d in src:
            b.edge(ei, d, "source", None)


# a decision's or action's links: (predicate, the relation on its own facts, the one on the other's)
_LINKS = (
    (CG.decidedBy, "decided by", "decision"),
    (CG.leadOfficer, "lead officer", "lead officer of"),
    (CG.atMeeting, "at meeting", "decision"),
    (CG.owner, "owner", "owns action"),
)


def _decision_or_action(b: _Builder, kind: str, x: Term) -> None:
    """A decision or action, linked to the people, bodies, posts and meetings it names."""
    text = b.g.text(x, CG.text)
    xi = b.node(x, kind, short(text) or kind)
    when = b.g.text(x, DCTERMS.date)
    ev, src = b.g.evidence(x), b.sources(x)
    timescale = b.g.text(x, CG.timescale)
    years = _decision_years(b, x, when, timescale)
    note = _decision_note(b, kind, x, timescale)
    b.nodes[xi].detail = text
    if years:
        b.nodes[xi].years.update(range(years[0], years[1] + 1))
    own_fact = False
    for pred, rel, back in _LINKS:
        for o in sorted_terms(b.g.objects(x, pred)):
            oi = b.person_or_body(o)
            if oi is None:
                continue
            b.edge(xi, oi, rel, years)
            b.fact(xi, Fact(rel, oi, b.label(oi), when or timescale, years, note, ev, src))
            b.fact(oi, Fact(back, xi, b.label(xi), when or timescale, years, note, ev, src))
            own_fact = True
            if years:
                b.nodes[oi].years.update(range(years[0], years[1] + 1))
    if not own_fact:
        b.fact(xi, Fact(kind, None, "", when or timescale, years, note, ev, src))
    for d in src:
        b.edge(xi, d, "source", None)


def _decision_years(b: _Builder, x: Term, when: str, timescale: str) -> tuple[int, int] | None:
    """Its date's year; else the years its timescale names; else its source documents' years."""
    return (
        span(when)
        or span(*[m.group(0) for m in re.finditer(r"\b(?:19|20)\d\d\b", timescale)])
        or span(*[b.g.text(s, DCTERMS.date) for s in b.g.objects(x, PROV.wasDerivedFrom)])
    )


def _decision_note(b: _Builder, kind: str, x: Term, timescale: str) -> str:
    """A decision's kind; an action's timescale, status and plans."""
    notes = []
    if kind == "decision":
        notes.append(b.g.text(x, CG.kind))
    else:
        status = b.g.text(x, CG.status)
        notes += [f"timescale: {timescale}" if timescale else "", f"status: {status}" if status else ""]
        notes += [f"plan: {b.g.text(pl, DCTERMS.title)}" for pl in sorted_terms(b.g.objects(x, CG.inPlan))]
    return "; ".join(n for n in notes if n)
