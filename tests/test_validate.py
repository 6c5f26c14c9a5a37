"""SHACL: the bundled builds conform to the contract's shapes, and the shapes catch what
breaks the contract (each broken graph below names the rule it breaks)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from graph.read.validate import format_report, validate_graph

CLI = Path(sys.executable).parent / "councilgraph"

PREFIXES = """
@prefix org: <http://www.w3.org/ns/org#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix time: <http://www.w3.org/2006/time#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix schema: <https://schema.org/> .
@prefix cg: <https://w3id.org/councilgraph#> . @prefix : <https://example.org/> .
"""
GOOD = (
    PREFIXES
    + """
:doc a foaf:Document ; dcterms:identifier "minutes.txt" ; dcterms:date "2024-07-30"^^xsd:date .
:council a org:Organization ; skos:prefLabel "Example Council" .
:cttee a org:Organization , org:OrganizationalUnit ; skos:prefLabel "Example Committee" ; org:unitOf :council .
:dcs a org:Role , org:Post ; skos:prefLabel "Director of Children's Services" ; org:postIn :council .
:ann a foaf:Person ; foaf:name "Ann Able" .
:m1 a org:Membership ; org:member :ann ; org:role :dcs ; org:organization :council ; cg:interim true ;
    cg:attestedOn "2024-07"^^xsd:gYearMonth ; prov:wasDerivedFrom :doc ; cg:evidence "Ann Able, interim DCS" ;
    org:memberDuring :i1 .
:i1 a time:Interval ; time:hasBeginning :s1 .
:s1 a time:Instant ; time:inXSDDate "2024-07-01"^^xsd:date ; cg:dateBasis "stated" .
:e1 a cg:Meeting ; cg:body :cttee ; dcterms:date "2024-07-30"^^xsd:date ; schema:attendee :ann ; cg:chair :ann ;
    prov:wasDerivedFrom :doc .
:d1 a cg:Decision ; cg:text "That the minutes be approved." ; cg:kind "resolved" ; cg:decidedBy :cttee ;
    cg:atMeeting :e1 ; dcterms:date "2024-07-30"^^xsd:date ; prov:wasDerivedFrom :doc .
:a1 a cg:Action ; cg:text "Review the plan" ; cg:owner :ann ; cg:timescale "March 2025" ; prov:wasDerivedFrom :doc .
"""
)


def _graph(ttl: str) -> Graph:
    return Graph().parse(data=ttl, format="turtle")


def test_bundled_seeds_build_conforms(seeds_build):
    report = validate_graph(seeds_build)
    assert report.conforms, format_report(report)


def test_bundled_dev_build_conforms(dev_build):
    report = validate_graph(dev_build)
    assert report.conforms, format_report(report)


def test_a_good_graph_conforms():
    report = validate_graph(_graph(GOOD))
    assert report.conforms and not report.results, format_report(report)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (":bob a foaf:Person .", "exactly one foaf:name"),
        (":m1 org:member :council .", "exactly one org:member"),
        (
            ":m2 a org:Membership ; org:member :ann ; org:role :dcs ; org:organization :ann ; prov:wasDerivedFrom :doc .",
            "org:organization, an org:Organization",
        ),
        (
            ":m2 a org:Membership ; org:member :ann ; org:role :dcs ; org:organization :council .",
            "prov:wasDerivedFrom",
        ),
        (':s1 time:inXSDgYear "2024"^^xsd:gYear .', "an instant has one date"),
        (':m1 cg:attestedOn "30 July 2024" .', "cg:attestedOn is an xsd:date"),
        (':d1 cg:kind "agreed" .', "cg:kind is one of"),
        (":e1 cg:apologies :council .", "cg:apologies is a foaf:Person"),
        (':x a org:OrganizationalUnit ; skos:prefLabel "Loose Panel" .', "typed org:Organization too"),
        (':doc dcterms:date "2024-07-30" .', "dcterms:date is one xsd:date"),
        (':a1 cg:text "Another text" .', "exactly one cg:text"),
    ],
)
def test_shapes_catch_contract_breaks(extra, message):
    report = validate_graph(_graph(GOOD + extra))
    assert not report.conforms
    text = format_report(report)
    assert message in text, text


def test_missing_meeting_date_is_a_warning_not_a_violation():
    report = validate_graph(_graph(GOOD + ":e2 a cg:Meeting ; cg:body :cttee ; prov:wasDerivedFrom :doc ."))
    assert report.conforms and [w.message for w in report.warnings] == [
        "a meeting should have a dcterms:date"
    ]


def test_report_names_the_focus_by_its_label():
    report = validate_graph(_graph(GOOD + ':ann foaf:name "Ann B. Able" .'))
    text = format_report(report)
    assert text.startswith("DOES NOT CONFORM") and '"Ann' in text and "https://example.org/ann" in text


def test_cli_validate(seeds_build, tmp_path):
    r = subprocess.run([str(CLI), "validate", str(seeds_build)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("conforms"), r.stdout + r.stderr
    bad = tmp_path / "bad.ttl"
    bad.write_text(GOOD + ":bob a foaf:Person .", encoding="utf-8")
    r = subprocess.run([str(CLI), "validate", str(bad)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "exactly one foaf:name" in r.stdout
