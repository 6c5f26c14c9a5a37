"""Exports round-trip: each format is written by `councilgraph export`, read back with an
independent reader and compared with the graph it came from."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic

from graph.read.export import FORMATS, TABLES, export_graph, graphml, popolo, tables
from graph.read.validate import load_graph

CLI = Path(sys.executable).parent / "councilgraph"
CYP = "Children and Young People Scrutiny Committee"


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_formats_round_trip(seeds_build, tmp_path, fmt, rdflib_format):
    [path] = export_graph(seeds_build, fmt, tmp_path / f"graph.{fmt}")
    back = Graph().parse(path, format=rdflib_format)
    original = load_graph(seeds_build)
    if not isomorphic(back, original):
        _both, only_back, only_orig = graph_diff(back, original)
        pytest.fail(f"{fmt}: only in export {sorted(only_back)[:5]}; only in graph {sorted(only_orig)[:5]}")


def test_csv_tables_round_trip(seeds_build, tmp_path):
    written = export_graph(seeds_build, "csv", tmp_path / "csv")
    assert sorted(p.stem for p in written) == sorted(TABLES)
    expected = tables(seeds_build)
    for path in written:
        back = pd.read_csv(path, dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(back, expected[path.stem], check_dtype=False)


def test_csv_tables_hold_the_documents_facts(seeds_build):
    t = tables(seeds_build)
    assert {"people", "bodies", "memberships", "meetings", "attendance", "decisions", "actions"} == set(t)
    m = t["memberships"]
    tina = m[(m.person == "Tina Russell") & (m.role == "Corporate Director Children and Young People")]
    assert not tina.empty and tina.iloc[0].organization == "Herefordshire Council"
    assert "2024-07-30" in tina.iloc[0].attested_on and tina.iloc[0].is_post == "true"
    a = t["attendance"]
    mtg = a[(a.body == CYP) & (a.date == "2024-07-30")]
    assert {"Toni Fagan"} == set(mtg[mtg.chair == "true"].person)
    assert {"Frank Cornthwaite", "Rob Williams"} <= set(mtg[mtg.capacity == "apologies"].person)
    d = t["decisions"]
    assert d.text.str.contains("review and revise the information on its website").any()
    acts = t["actions"]
    assert (
        acts[acts.owners.str.contains("Tina Russell")]
        .text.str.startswith("Deliver against the Leeds improvement programme")
        .any()
    )
    meetings = t["meetings"]
    assert (meetings[(meetings.body == CYP) & (meetings.date == "2024-07-30")].chairs == "Toni Fagan").all()


def test_graphml_round_trip(seeds_build, tmp_path):
    [path] = export_graph(seeds_build, "graphml", tmp_path / "graph.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    original = graphml(seeds_build)
    assert dict(back.nodes(data=True)) == dict(original.nodes(data=True))
    assert sorted(
        (u, v, k, tuple(sorted(d.items()))) for u, v, k, d in back.edges(keys=True, data=True)
    ) == sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in original.edges(keys=True, data=True))
    people = {n for n, d in back.nodes(data=True) if d["kind"] == "person"}
    bodies = {n: d["label"] for n, d in back.nodes(data=True) if d["kind"] == "body"}
    toni = next(n for n in people if back.nodes[n]["label"] == "Toni Fagan")
    seats = {(bodies[v], d["role"]) for _u, v, d in back.out_edges(toni, data=True)}
    assert (CYP, "Chair") in seats


def test_popolo_round_trip_and_references(seeds_build, tmp_path):
    [path] = export_graph(seeds_build, "popolo", tmp_path / "graph.popolo.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc == json.loads(json.dumps(popolo(seeds_build)))
    person_ids = {p["id"] for p in doc["persons"]}
    org_ids = {o["id"] for o in doc["organizations"]}
    post_ids = {p["id"] for p in doc["posts"]}
    assert len(person_ids) == len(doc["persons"]) and len(org_ids) == len(doc["organizations"])
    for m in doc["memberships"]:
        assert m["person_id"] in person_ids and m["organization_id"] in org_ids
        assert m.get("post_id", next(iter(post_ids))) in post_ids
    names = {p["id"]: p["name"] for p in doc["persons"]}
    orgs = {o["id"]: o["name"] for o in doc["organizations"]}
    assert any(
        names[m["person_id"]] == "Toni Fagan" and orgs[m["organization_id"]] == CYP and m["role"] == "Chair"
        for m in doc["memberships"]
    )
    assert any(names[m["person_id"]] == "Tina Russell" and "post_id" in m for m in doc["memberships"])


def test_cli_export_every_format(seeds_build, tmp_path):
    for fmt in FORMATS:
        out = tmp_path / fmt
        r = subprocess.run(
            [str(CLI), "export", str(seeds_build), "--format", fmt, "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        assert "wrote" in r.stderr and r.stdout == ""
        assert out.exists()
    r = subprocess.run(
        [str(CLI), "export", str(seeds_build), "--format", "xlsx"], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 2 and "choose one of" in r.stderr


def test_each_csv_table_is_a_saved_query_of_the_read_model(seeds_build):
    """The CSV tables are the read model's records, and each is what an analyst gets from the saved
    query of the same name: an export never holds a fact a query does not show."""
    from graph.read.sparql import load_query, run_query

    for name, df in tables(seeds_build).items():
        columns, rows = run_query(seeds_build, load_query(name, whole=True))
        assert list(df.columns) == columns, name
        assert df.values.tolist() == [["" if v is None else v for v in r] for r in rows], name
