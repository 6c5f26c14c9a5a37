"""Exports of a built graph for the tools people already use.

| format  | what                                                                           |
|---------|--------------------------------------------------------------------------------|
| ttl, nt, jsonld | the whole graph re-serialised by rdflib (JSON-LD with the contract's prefixes) |
| csv     | tables via pandas: people, bodies, memberships (with dates), meetings, attendance, decisions, actions |
| graphml | networkx: people and bodies as nodes, memberships (with dates) and unit-of as edges |
| popolo  | Popolo JSON: persons, organizations, posts, memberships (for civic-tech tools)  |

Tables are read from the graph with SPARQL in the contract's terms, so what an export
holds is exactly what an analyst's query sees. Multi-valued cells are joined with "; ".
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
from rdflib import Graph

from graph.core.namespaces import PREFIXES
from graph.core.store import write_atomic

FORMATS = ("ttl", "nt", "jsonld", "csv", "graphml", "popolo")
SEP = "; "
_DATE = "(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear)"

TABLES: dict[str, str] = {
    "people": """
SELECT ?id ?name (GROUP_CONCAT(DISTINCT ?alt; separator="; ") AS ?alt_names) WHERE {
  ?id a foaf:Person ; foaf:name ?name . OPTIONAL { ?id skos:altLabel ?alt }
} GROUP BY ?id ?name ORDER BY ?name ?id""",
    "bodies": """
SELECT ?id ?name ?kind ?parent_id (GROUP_CONCAT(DISTINCT ?alt; separator="; ") AS ?alt_names) WHERE {
  ?id a org:Organization ; skos:prefLabel ?name .
  OPTIONAL { ?id cg:orgKind ?kind } OPTIONAL { ?id org:unitOf ?parent_id } OPTIONAL { ?id skos:altLabel ?alt }
} GROUP BY ?id ?name ?kind ?parent_id ORDER BY ?name ?id""",
    "memberships": f"""
SELECT ?id ?person_id ?person ?organization_id ?organization ?role_id ?role ?is_post ?start ?start_basis
       ?end ?end_basis ?interim
       (GROUP_CONCAT(DISTINCT STR(?att); separator="; ") AS ?attested_on)
       (GROUP_CONCAT(DISTINCT ?doc; separator="; ") AS ?documents) WHERE {{
  ?id a org:Membership ; org:member ?person_id ; org:organization ?organization_id ; org:role ?role_id .
  ?person_id foaf:name ?person . ?organization_id skos:prefLabel ?organization . ?role_id skos:prefLabel ?role .
  BIND(EXISTS {{ ?role_id a org:Post }} AS ?is_post)
  OPTIONAL {{ ?id org:memberDuring/time:hasBeginning ?b . ?b {_DATE} ?start . OPTIONAL {{ ?b cg:dateBasis ?start_basis }} }}
  OPTIONAL {{ ?id org:memberDuring/time:hasEnd ?e . ?e {_DATE} ?end . OPTIONAL {{ ?e cg:dateBasis ?end_basis }} }}
  OPTIONAL {{ ?id cg:interim ?i }} BIND(COALESCE(?i, false) AS ?interim)
  OPTIONAL {{ ?id cg:attestedOn ?att }}
  OPTIONAL {{ ?id prov:wasDerivedFrom/dcterms:identifier ?doc }}
}} GROUP BY ?id ?person_id ?person ?organization_id ?organization ?role_id ?role ?is_post ?start ?start_basis
           ?end ?end_basis ?interim
ORDER BY ?person ?organization ?role ?start ?id""",
    "meetings": """
SELECT ?id ?body_id ?body ?date ?location (GROUP_CONCAT(DISTINCT ?chair; separator="; ") AS ?chairs)
       (GROUP_CONCAT(DISTINCT ?doc; separator="; ") AS ?documents) WHERE {
  ?id a cg:Meeting ; cg:body ?body_id . ?body_id skos:prefLabel ?body .
  OPTIONAL { ?id dcterms:date ?date } OPTIONAL { ?id schema:location ?location }
  OPTIONAL { ?id cg:chair/foaf:name ?chair } OPTIONAL { ?id prov:wasDerivedFrom/dcterms:identifier ?doc }
} GROUP BY ?id ?body_id ?body ?date ?location ORDER BY ?body ?date ?id""",
    "attendance": """
SELECT ?meeting_id ?body ?date ?person_id ?person ?capacity ?chair WHERE {
  ?meeting_id a cg:Meeting ; cg:body/skos:prefLabel ?body .
  OPTIONAL { ?meeting_id dcterms:date ?date }
  { ?meeting_id schema:attendee ?person_id . BIND("attended" AS ?capacity) }
  UNION { ?meeting_id cg:apologies ?person_id . BIND("apologies" AS ?capacity) }
  ?person_id foaf:name ?person .
  BIND(EXISTS { ?meeting_id cg:chair ?person_id } AS ?chair)
} ORDER BY ?body ?date ?meeting_id ?capacity ?person""",
    "decisions": """
SELECT ?id ?date ?kind ?text ?decided_by_id ?decided_by ?meeting_id ?lead_officer_id ?lead_officer
       (GROUP_CONCAT(DISTINCT ?doc; separator="; ") AS ?documents) WHERE {
  ?id a cg:Decision ; cg:text ?text ; cg:kind ?kind .
  OPTIONAL { ?id dcterms:date ?date }
  OPTIONAL { ?id cg:decidedBy ?decided_by_id . ?decided_by_id foaf:name|skos:prefLabel ?decided_by }
  OPTIONAL { ?id cg:atMeeting ?meeting_id }
  OPTIONAL { ?id cg:leadOfficer ?lead_officer_id . ?lead_officer_id foaf:name ?lead_officer }
  OPTIONAL { ?id prov:wasDerivedFrom/dcterms:identifier ?doc }
} GROUP BY ?id ?date ?kind ?text ?decided_by_id ?decided_by ?meeting_id ?lead_officer_id ?lead_officer
ORDER BY ?date ?id""",
    "actions": """
SELECT ?id ?text (GROUP_CONCAT(DISTINCT STR(?owner_id); separator="; ") AS ?owner_ids)
       (GROUP_CONCAT(DISTINCT ?owner; separator="; ") AS ?owners) ?timescale ?status ?plan_id ?plan
       (GROUP_CONCAT(DISTINCT ?doc; separator="; ") AS ?documents) WHERE {
  ?id a cg:Action ; cg:text ?text .
  OPTIONAL { ?id cg:owner ?owner_id . ?owner_id foaf:name|skos:prefLabel ?owner }
  OPTIONAL { ?id cg:timescale ?timescale } OPTIONAL { ?id cg:status ?status }
  OPTIONAL { ?id cg:inPlan ?plan_id . ?plan_id dcterms:title ?plan }
  OPTIONAL { ?id prov:wasDerivedFrom/dcterms:identifier ?doc }
} GROUP BY ?id ?text ?timescale ?status ?plan_id ?plan ORDER BY ?plan ?id""",
}


def tables(graph: Path) -> dict[str, pd.DataFrame]:
    """The CSV tables as DataFrames (strings; empty cells are "")."""
    from graph.read.sparql import open_store, run_query

    store = open_store(graph)
    out = {}
    for name, text in TABLES.items():
        columns, rows = run_query(graph, text, store=store)
        out[name] = pd.DataFrame(
            [["" if v is None else v for v in r] for r in rows], columns=columns, dtype=str
        )
    return out


def rdf_graph(graph: Path) -> Graph:
    from graph.core.validate import load_graph

    return load_graph(graph)


def graphml(graph: Path) -> nx.MultiDiGraph:
    """People and bodies as nodes; memberships (person -> body, with role and dates) and
    unit-of (committee -> council) as edges. Missing values are "" (GraphML has no null)."""
    t = tables(graph)
    g = nx.MultiDiGraph(name="councilgraph")
    for r in t["people"].itertuples():
        g.add_node(r.id, kind="person", label=r.name, alt_names=r.alt_names)
    for r in t["bodies"].itertuples():
        g.add_node(r.id, kind="body", label=r.name, org_kind=r.kind, alt_names=r.alt_names)
    for r in t["bodies"].itertuples():
        if r.parent_id:
            g.add_edge(r.id, r.parent_id, key=f"{r.id}#unitOf", kind="unitOf")
    for r in t["memberships"].itertuples():
        g.add_edge(
            r.person_id,
            r.organization_id,
            key=r.id,
            kind="membership",
            role=r.role,
            is_post=r.is_post,
            start=r.start,
            end=r.end,
            interim=r.interim,
            attested_on=r.attested_on,
        )
    return g


def popolo(graph: Path) -> dict:
    """Popolo JSON (https://www.popoloproject.com/specs/): persons, organizations, posts, memberships.
    Dates keep their precision (YYYY, YYYY-MM or YYYY-MM-DD), as Popolo allows."""
    t = tables(graph)

    def others(cell: str) -> list[dict]:
        return [{"name": n} for n in cell.split(SEP) if n] if cell else []

    persons = [
        {"id": r.id, "name": r.name, **({"other_names": others(r.alt_names)} if r.alt_names else {})}
        for r in t["people"].itertuples()
    ]
    organizations = [
        {
            "id": r.id,
            "name": r.name,
            "classification": r.kind or "organization",
            **({"parent_id": r.parent_id} if r.parent_id else {}),
            **({"other_names": others(r.alt_names)} if r.alt_names else {}),
        }
        for r in t["bodies"].itertuples()
    ]
    posts: dict[str, dict] = {}
    memberships = []
    for r in t["memberships"].itertuples():
        m = {"id": r.id, "person_id": r.person_id, "organization_id": r.organization_id, "role": r.role}
        if r.is_post == "true":
            posts.setdefault(
                r.role_id, {"id": r.role_id, "label": r.role, "organization_id": r.organization_id}
            )
            m["post_id"] = r.role_id
        if r.start:
            m["start_date"] = r.start
        if r.end:
            m["end_date"] = r.end
        if r.interim == "true":
            m["interim"] = True  # not a Popolo field: the contract's cg:interim
        if r.documents:
            m["sources"] = [{"note": d} for d in r.documents.split(SEP)]
        memberships.append(m)
    return {
        "persons": persons,
        "organizations": organizations,
        "posts": sorted(posts.values(), key=lambda p: p["id"]),
        "memberships": memberships,
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
