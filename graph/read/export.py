"""Exports of a built graph for the tools people already use.

| format  | what                                                                           |
|---------|--------------------------------------------------------------------------------|
| ttl, nt, jsonld | the whole graph re-serialised by rdflib (JSON-LD with the contract's prefixes) |
| csv     | tables via pandas: people, bodies, memberships (with dates), meetings, attendance, decisions, actions |
| graphml | networkx: people and bodies as nodes, memberships (with dates) and unit-of as edges |
| popolo  | Popolo JSON: persons, organizations, posts, memberships (for civic-tech tools)  |

Tables are the read model's records (graph.read.model), each filled by a saved query in the
contract's terms, so what an export holds is exactly what an analyst's query sees.
Multi-valued cells are joined with "; ".
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
from rdflib import Graph

from graph.core.namespaces import PREFIXES
from graph.core.store import write_atomic
from graph.read.model import (
    Action,
    Attendance,
    Body,
    Decision,
    Meeting,
    Membership,
    Person,
    ReadModel,
    cell,
    table,
)
from graph.read.open import open_graph

FORMATS = ("ttl", "nt", "jsonld", "csv", "graphml", "popolo")
SEP = "; "

# the CSV tables: file name -> the read model's records of that kind (graph.read.model)
TABLES: dict[str, type] = {
    "people": Person,
    "bodies": Body,
    "memberships": Membership,
    "meetings": Meeting,
    "attendance": Attendance,
    "decisions": Decision,
    "actions": Action,
}


def tables(graph: Path | ReadModel) -> dict[str, pd.DataFrame]:
    """The CSV tables as DataFrames (strings; empty cells are "")."""
    model = graph if isinstance(graph, ReadModel) else ReadModel.open(graph)
    out = {}
    for name, kind in TABLES.items():
        columns, rows = table(kind, model.records(kind))
        out[name] = pd.DataFrame(rows, columns=columns, dtype=str)
    return out


def rdf_graph(graph: Path) -> Graph:
    return open_graph(graph).rdf()


def _model(graph: Path | ReadModel) -> ReadModel:
    return graph if isinstance(graph, ReadModel) else ReadModel.open(graph)


def graphml(graph: Path | ReadModel) -> nx.MultiDiGraph:
    """People and bodies as nodes; memberships (person -> body, with role and dates) and
    unit-of (committee -> council) as edges. Missing values are "" (GraphML has no null)."""
    model = _model(graph)
    g = nx.MultiDiGraph(name="councilgraph")
    for p in model.people():
        g.add_node(p.id, kind="person", label=p.name, alt_names=cell(p.alt_names))
    for b in model.bodies():
        g.add_node(b.id, kind="body", label=b.name, org_kind=b.kind, alt_names=cell(b.alt_names))
    for b in model.bodies():
        if b.parent_id:
            g.add_edge(b.id, b.parent_id, key=f"{b.id}#unitOf", kind="unitOf")
    for m in model.memberships():
        g.add_edge(
            m.person_id,
            m.organization_id,
            key=m.id,
            kind="membership",
            role=m.role,
            is_post=cell(m.is_post),
            start=m.start,
            end=m.end,
            interim=cell(m.interim),
            attested_on=cell(m.attested_on),
        )
    return g


def _popolo_membership(m: Membership) -> dict:
    """One Membership as Popolo has it; `interim` is not a Popolo field but the contract's cg:interim."""
    out: dict = {"id": m.id, "person_id": m.person_id, "organization_id": m.organization_id, "role": m.role}
    if m.is_post:
        out["post_id"] = m.role_id
    if m.start:
        out["start_date"] = m.start
    if m.end:
        out["end_date"] = m.end
    if m.interim:
        out["interim"] = True
    if m.documents:
        out["sources"] = [{"note": d} for d in m.documents]
    return out


def popolo(graph: Path | ReadModel) -> dict:
    """Popolo JSON (https://www.popoloproject.com/specs/): persons, organizations, posts, memberships.
    Dates keep their precision (YYYY, YYYY-MM or YYYY-MM-DD), as Popolo allows."""
    model = _model(graph)

    def others(names: tuple[str, ...]) -> dict:
        kept = [{"name": n} for n in names if n]
        return {"other_names": kept} if names else {}

    persons = [{"id": p.id, "name": p.name, **others(p.alt_names)} for p in model.people()]
    organizations = [
        {
            "id": b.id,
            "name": b.name,
            "classification": b.kind or "organization",
            **({"parent_id": b.parent_id} if b.parent_id else {}),
            **others(b.alt_names),
        }
        for b in model.bodies()
    ]
    posts: dict[str, dict] = {}
    for m in model.memberships():
        if m.is_post:
            posts.setdefault(
                m.role_id, {"id": m.role_id, "label": m.role, "organization_id": m.organization_id}
            )
    return {
        "persons": persons,
        "organizations": organizations,
        "posts": sorted(posts.values(), key=lambda p: p["id"]),
        "memberships": [_popolo_membership(m) for m in model.memberships()],
    }


def export_graph(graph: Path, fmt: str, out: Path | None = None) -> list[Path]:
    """Write the export; return the files written. `out` is a folder for csv, else a file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    folder = graph if graph.is_dir() else graph.parent
    if fmt == "csv":
        target = out or folder / "export" / "csv"
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in tables(graph).items():
            path = target / f"{name}.csv"
            write_atomic(path, df.to_csv(index=False).encode("utf-8"))
            written.append(path)
        return written
    ext = {"ttl": "ttl", "nt": "nt", "jsonld": "jsonld", "graphml": "graphml", "popolo": "popolo.json"}[fmt]
    path = out or folder / "export" / f"graph.{ext}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("ttl", "nt", "jsonld"):
        g = rdf_graph(graph)
        for p, ns in PREFIXES.items():
            g.bind(p, ns, override=True)
        if fmt == "jsonld":
            context = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
            data = g.serialize(format="json-ld", context=context, auto_compact=True, indent=1)
        elif fmt == "nt":
            data = "".join(sorted(g.serialize(format="nt").splitlines(keepends=True)))
        else:
            data = g.serialize(format="longturtle", canon=True)
        write_atomic(path, data.encode("utf-8"))
    elif fmt == "graphml":
        import io

        buf = io.BytesIO()
        nx.write_graphml(graphml(graph), buf, encoding="utf-8")
        write_atomic(path, buf.getvalue())
    else:
        write_atomic(path, (json.dumps(popolo(graph), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return [path]
