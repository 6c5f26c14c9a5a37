"""The read model: people, bodies, posts and seats, tenures, meetings, decisions and actions of a
built graph, as typed records that know nothing of any output format.

`who`/`person`/`turnover` (graph.read.people), the exports (graph.read.export) and the scorer
(graph.read.evaluate) read these records instead of each asking the graph its own way, so a fact
reads the same in a timeline, a CSV table and a score. Each kind of record is filled by one saved
query (`graph/read/queries/NAME.rq`), so an analyst can run the very question a command asked.
Field names are the query's columns; a multi-valued field is a tuple in the query's order.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph
import rdflib

from graph.read.open import OpenGraph, from_rdflib, open_graph
from graph.read.sparql import load_query, run_query

SEP = "; "  # how the queries join the values of a multi-valued column

Table = tuple[list[str], list[list[str]]]
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    alt_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Body:
    id: str
    name: str
    kind: str = ""
    parent_id: str = ""
    alt_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Membership:
    """One row of memberships.rq: a spell in a post (`is_post`) or a seat, as the graph states it."""

    id: str
    person_id: str
    person: str
    organization_id: str
    organization: str
    role_id: str
    role: str
    is_post: bool
    start: str = ""
    start_basis: str = ""
    end: str = ""
    end_basis: str = ""
    interim: bool = False
    attested_on: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    body_id: str
    body: str
    date: str = ""
    location: str = ""
    chairs: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attendance:
    meeting_id: str
    body: str
    date: str
    person_id: str
    person: str
    capacity: str  # "attended" or "apologies"
    chair: bool


@dataclass(frozen=True, slots=True)
class Decision:
    id: str
    date: str
    kind: str
    text: str
    decided_by_id: str = ""
    decided_by: str = ""
    meeting_id: str = ""
    lead_officer_id: str = ""
    lead_officer: str = ""
    documents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Action:
    id: str
    text: str
    owner_ids: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    timescale: str = ""
    status: str = ""
    plan_id: str = ""
    plan: str = ""
    documents: tuple[str, ...] = ()


@dataclass(slots=True)
class Tenure:
    """One Membership with its evidence gathered: what `who`, `person` and `turnover` reason over."""

    iri: str
    person: str
    name: str
    role: str
    is_post: bool
    org: str
    start: str = ""
    start_basis: str = ""
    end: str = ""
    end_basis: str = ""
    interim: bool = False
    attested: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    org_id: str = ""

    @property
    def first(self) -> str:
        return min(self.attested) if self.attested else ""

    @property
    def last(self) -> str:
        return max(self.attested) if self.attested else ""

    def row(self) -> list[str]:
        seen = f"{self.first}..{self.last}" if self.first and self.first != self.last else self.first
        return [
            self.role,
            self.org,
            self.name,
            self.start,
            self.start_basis,
            self.end,
            self.end_basis,
            "yes" if self.interim else "",
            seen,
            "; ".join(sorted(self.sources)),
        ]


def _value(kind: str, text: str | None) -> Any:
    """A query cell as the record field of type `kind` wants it (the annotation, as text)."""
    if kind == "bool":
        return text == "true"
    if kind.startswith("tuple"):
        return tuple(text.split(SEP)) if text else ()
    return text or ""


def cell(value: object) -> str:
    """A record field as a table cell: booleans as SPARQL writes them, tuples joined as the queries join."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return SEP.join(value)
    return str(value)


def table(kind: type, records: list) -> Table:
    """Records of one kind as a table: columns are the field names, cells as `cell` writes them."""
    return [f.name for f in fields(kind)], [[cell(v) for v in astuple(r)] for r in records]


# the saved query that fills each kind of record
QUERIES: dict[type, str] = {
    Person: "people",
    Body: "bodies",
    Membership: "memberships",
    Meeting: "meetings",
    Attendance: "attendance",
    Decision: "decisions",
    Action: "actions",
}


class ReadModel:
    """The records of one opened graph; each kind is read once, on first use."""

    def __init__(self, graph: OpenGraph) -> None:
        self.graph = graph
        self._read: dict[str, list] = {}

    @classmethod
    def open(cls, graph: Path | str | rdflib.Graph | OpenGraph) -> ReadModel:
        """The model of a build folder or file (opened by `open_graph`), or of a graph already open."""
        if isinstance(graph, OpenGraph):
            return cls(graph)
        if isinstance(graph, rdflib.Graph):
            return cls(from_rdflib(graph))
        return cls(open_graph(graph))

    @property
    def store(self) -> pyoxigraph.Store:
        return self.graph.store

    def ask(self, name: str, **iris: str) -> Table:
        """The saved query NAME's columns and rows (None as ""), with `?VAR` bound to the IRI given as VAR:
        the whole listing, where the saved query is paged (the model reads every record)."""
        columns, rows = run_query(self.graph.asked, load_query(name, whole=True), store=self.store, iris=iris)
        return columns, [["" if v is None else v for v in r] for r in rows]

    def records(self, kind: type[R]) -> list[R]:
        """Every record of one kind (a key of QUERIES), in its query's order."""
        name = QUERIES[kind]
        if name not in self._read:
            columns, rows = self.ask(name)
            types = {f.name: str(f.type) for f in fields(kind)}  # type: ignore[arg-type]
            self._read[name] = [
                kind(**{c: _value(types[c], v) for c, v in zip(columns, r, strict=True)}) for r in rows
            ]
        return self._read[name]

    def people(self) -> list[Person]:
        return self.records(Person)

    def bodies(self) -> list[Body]:
        return self.records(Body)

    def memberships(self) -> list[Membership]:
        return self.records(Membership)

    def meetings(self) -> list[Meeting]:
        return self.records(Meeting)

    def attendance(self) -> list[Attendance]:
        return self.records(Attendance)

    def decisions(self) -> list[Decision]:
        return self.records(Decision)

    def actions(self) -> list[Action]:
        return self.records(Action)

    def tenures(self) -> list[Tenure]:
        """One `Tenure` per Membership, ordered by organization, role, start (else first evidence), holder."""
        out: dict[str, Tenure] = {}
        for m in self.memberships():
            t = out.get(m.id)
            if t is None:
                t = out[m.id] = Tenure(
                    iri=m.id,
                    person=m.person_id,
                    name=m.person,
                    role=m.role,
                    is_post=m.is_post,
                    org=m.organization,
                    start=m.start,
                    start_basis=m.start_basis,
                    end=m.end,
                    end_basis=m.end_basis,
                    interim=m.interim,
                    org_id=m.organization_id,
                )
            t.attested.update(m.attested_on)
            t.sources.update(m.documents)
        return sorted(out.values(), key=lambda t: (t.org, t.role, t.start or t.first or "9999", t.name))

    def of_person(self, name: str, iri: str) -> Table:
        """The saved query NAME (one of person-meetings, -decisions, -actions) about one person, without
        the person column."""
        columns, rows = self.ask(name, person=iri)
        return columns[1:], [r[1:] for r in rows]
