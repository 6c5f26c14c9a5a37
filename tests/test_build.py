"""Whole builds: determinism, the evidence invariant, the cache, and the contract's terms."""

from __future__ import annotations

import json
import shutil

from rdflib import Graph, Literal
from rdflib.namespace import RDF

from extract.load import load_document
from graph.core.namespaces import CG, DCTERMS, FOAF, ORG, PROV, SCHEMA, SKOS, TIME, XSD
from graph.run.corpus import build_corpus
from tests.conftest import SEEDS


def test_two_builds_are_byte_identical(seeds_build, tmp_path):
    build_corpus([SEEDS], tmp_path / "again")
    for name in ("graph.ttl", "graph.nt", "problems.jsonl"):
        assert (seeds_build / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
    for facts in sorted((seeds_build / "facts").glob("*.jsonl")):
        assert facts.read_bytes() == (tmp_path / "again" / "facts" / facts.name).read_bytes(), facts.name


def test_rerun_skips_unchanged_documents_and_gives_the_same_graph(seeds_build, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(seeds_build, copy)
    report = build_corpus([SEEDS], copy)
    assert report.extracted == 0
    assert report.reused == report.documents == 5
    assert (copy / "graph.ttl").read_bytes() == (seeds_build / "graph.ttl").read_bytes()


def test_every_fact_quotes_its_document_exactly(seeds_build):
    texts = {}
    for path in sorted(SEEDS.glob("*.txt")):
        doc, _problems = load_document(path)
        texts[doc.doc_id] = doc.text
    checked = 0
    for facts_file in sorted((seeds_build / "facts").glob("*.jsonl")):
        for line in facts_file.read_text(encoding="utf-8").splitlines():
            data = json.loads(line)
            if "evidence" not in data:
                continue
            ev = data["evidence"]
            assert texts[ev["doc_id"]][ev["start"] : ev["end"]] == ev["text"], (facts_file.name, data)
            checked += 1
    assert checked > 500


def _graph(folder) -> Graph:
    g = Graph()
    g.parse(folder / "graph.ttl")
    return g


def test_graph_uses_every_term_of_the_contract_with_its_types(seeds_build):
    g = _graph(seeds_build)
    people = set(g.subjects(RDF.type, FOAF.Person))
    assert people and all(g.value(p, FOAF.name) for p in people)
    bodies = set(g.subjects(RDF.type, ORG.Organization))
    assert bodies and all(g.value(b, SKOS.prefLabel) for b in bodies)
    memberships = set(g.subjects(RDF.type, ORG.Membership))
    assert memberships
    for m in memberships:
        assert g.value(m, ORG.member) in people
        assert g.value(m, ORG.organization) in bodies
        role = g.value(m, ORG.role)
        assert (role, RDF.type, ORG.Role) in g and g.value(role, SKOS.prefLabel)
        assert g.value(m, PROV.wasDerivedFrom) is not None and g.value(m, CG.evidence) is not None
    dated = [m for m in memberships if g.value(m, ORG.memberDuring)]
    assert dated, "no membership has a stated interval"
    for m in dated:
        iv = g.value(m, ORG.memberDuring)
        assert (iv, RDF.type, TIME.Interval) in g
        for edge in (TIME.hasBeginning, TIME.hasEnd):
            inst = g.value(iv, edge)
            if inst is not None:
                assert (inst, RDF.type, TIME.Instant) in g
                assert g.value(inst, CG.dateBasis) in (Literal("stated"), Literal("inferred"))
                values = [g.value(inst, p) for p in (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear)]
                assert any(v is not None for v in values)
    assert any(g.value(m, CG.interim) == Literal(True) for m in memberships)
    assert all(o.datatype in (XSD.date, XSD.gYearMonth, XSD.gYear) for o in g.objects(None, CG.attestedOn))
    meetings = set(g.subjects(RDF.type, CG.Meeting))
    assert meetings and all(g.value(e, CG.body) in bodies for e in meetings)
    assert any(g.value(e, SCHEMA.attendee) for e in meetings)
    assert any(g.value(e, CG.apologies) for e in meetings)
    assert any(g.value(e, CG.chair) for e in meetings)
    assert any(g.value(e, SCHEMA.location) for e in meetings)
    decisions = set(g.subjects(RDF.type, CG.Decision))
    assert decisions
    for d in decisions:
        assert g.value(d, CG.text) and g.value(d, CG.kind) and g.value(d, CG.evidence)
        assert str(g.value(d, CG.kind)) in ("resolved", "recommendation", "noted", "delegated decision")
    assert any(g.value(d, CG.decidedBy) for d in decisions)
    actions = set(g.subjects(RDF.type, CG.Action))
    assert (
        actions
        and any(g.value(a, CG.owner) for a in actions)
        and any(g.value(a, CG.timescale) for a in actions)
    )
    assert any(g.value(a, CG.inPlan) for a in actions)
    docs = set(g.subjects(RDF.type, FOAF.Document))
    assert docs and all(g.value(d, DCTERMS.identifier) for d in docs)
    committees = [b for b in bodies if (b, RDF.type, ORG.OrganizationalUnit) in g]
    assert any(g.value(c, ORG.unitOf) in bodies for c in committees)


def test_people_of_the_public_are_not_published(seeds_build):
    g = _graph(seeds_build)
    names = {str(n) for n in g.objects(None, FOAF.name)} | {str(n) for n in g.objects(None, SKOS.altLabel)}
    # the question askers of the agenda pack and the council minutes, and the FOI requester
    for private in ("Hannah Currie", "James McGeown", "Maggie Steel", "Sam Taylor", "Griffiths"):
        assert not any(private in n for n in names), private


def test_include_private_publishes_them(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "questions.txt").write_text(
        "Minutes of the meeting of Cabinet held at Plough Lane on Tuesday 30 July 2024\n\n"
        "Present: Councillor Toni Fagan (chairperson)\n\n"
        "PQ 1 Ms. Hannah Currie Hereford\n",
        encoding="utf-8",
    )
    build_corpus([corpus], tmp_path / "default", use_model=False, store=False)
    build_corpus([corpus], tmp_path / "all", include_private=True, use_model=False, store=False)
    assert "Hannah Currie" not in {str(n) for n in _graph(tmp_path / "default").objects(None, FOAF.name)}
    assert "Hannah Currie" in {str(n) for n in _graph(tmp_path / "all").objects(None, FOAF.name)}
