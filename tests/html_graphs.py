"""Graphs for the HTML tests, written in the contract's terms: one full of hostile text (every
literal a document could carry holds markup), and a hostile document for a real build."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from graph.core.namespaces import CG, DCTERMS, FOAF, ORG, PROV, RDF, SCHEMA, SKOS, TIME, XSD

ID = "https://w3id.org/councilgraph/id/"
SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror="window.__pwned=1">'
HOSTILE = [SCRIPT, IMG, "</script><!--", "<svg onload=alert(1)>", "\u2028 & &amp; <b>"]

HOSTILE_DOCUMENT = """Herefordshire Council

Minutes of the meeting of Audit and Governance Committee <script>alert(1)</script> held at Shire Hall \
"><img src=x onerror=alert(2)> on Tuesday 30 July 2024 at 10.00 am

Present: Councillor Mary <script>alert(3)</script> Jones (Chair)
Councillor Tom "><img src=x onerror=alert(4)> Smith

1. Minutes
RESOLVED: That the minutes <script>alert(5)</script> of the meeting held on 1 June 2024 \
"><img src=x onerror=alert(6)> be approved.
"""


def _iri(kind: str, n: int | str) -> URIRef:
    return URIRef(f"{ID}{kind}/{n}")


def hostile_graph() -> Graph:
    g = Graph()
    doc = _iri("document", 1)
    g.add((doc, RDF.type, FOAF.Document))
    g.add((doc, DCTERMS.identifier, Literal(f"minutes {IMG}.txt")))
    g.add((doc, DCTERMS.title, Literal(f"Minutes {SCRIPT}")))
    g.add((doc, DCTERMS.date, Literal("2019-05-01", datatype=XSD.date)))
    council = _iri("body", "council")
    g.add((council, RDF.type, ORG.Organization))
    g.add((council, SKOS.prefLabel, Literal("Shire Council")))
    body = _iri("body", 1)
    g.add((body, RDF.type, ORG.Organization))
    g.add((body, SKOS.prefLabel, Literal(f"Audit Committee {IMG}")))
    g.add((body, ORG.unitOf, council))
    people = []
    for i, text in enumerate(HOSTILE):
        p = _iri("person", i)
        people.append(p)
        g.add((p, RDF.type, FOAF.Person))
        g.add((p, FOAF.name, Literal(f"Person {i} {text}")))
        g.add((p, SKOS.altLabel, Literal(f"P. {i} {text}")))
    g.add((people[0], FOAF.name, Literal("Tina Russell")))
    g.remove((people[0], FOAF.name, Literal(f"Person 0 {HOSTILE[0]}")))
    role = _iri("role", 1)
    g.add((role, RDF.type, ORG.Role))
    g.add((role, RDF.type, ORG.Post))
    g.add((role, ORG.postIn, council))
    g.add((role, SKOS.prefLabel, Literal(f"Director {SCRIPT}")))
    _spells(g, people, council, role, doc)
    seat = _iri("role", 2)
    g.add((seat, RDF.type, ORG.Role))
    g.add((seat, SKOS.prefLabel, Literal("Chair")))
    m = _iri("membership", "seat")
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, people[3]))
    g.add((m, ORG.organization, body))
    g.add((m, ORG.role, seat))
    g.add((m, CG.attestedOn, Literal("2024-07-30", datatype=XSD.date)))
    g.add((m, CG.evidence, Literal(f"Chair: {HOSTILE[3]}")))
    _meeting_decision_action(g, body, people, doc)
    return g


def _spells(g: Graph, people: list[URIRef], council: URIRef, role: URIRef, doc: URIRef) -> None:
    """Three people hold the post in turn, the second as an interim, the third with no end."""
    spells = [
        ("2015-04-01", "2018-03-31", False),
        ("2018-04-01", "2018-09-30", True),
        ("2018-10-01", None, False),
    ]
    for i, (start, end, interim) in enumerate(spells):
        m = _iri("membership", i)
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, people[i]))
        g.add((m, ORG.organization, council))
        g.add((m, ORG.role, role))
        g.add((m, CG.evidence, Literal(f"{HOSTILE[i]} was appointed Director")))
        g.add((m, PROV.wasDerivedFrom, doc))
        g.add((m, CG.attestedOn, Literal(start, datatype=XSD.date)))
        if interim:
            g.add((m, CG.interim, Literal(True)))
        iv = URIRef(f"{m}/during")
        g.add((m, ORG.memberDuring, iv))
        g.add((iv, RDF.type, TIME.Interval))
        for pred, d, suffix in ((TIME.hasBeginning, start, "/start"), (TIME.hasEnd, end, "/end")):
            if d:
                inst = URIRef(f"{m}{suffix}")
                g.add((iv, pred, inst))
                g.add((inst, RDF.type, TIME.Instant))
                g.add((inst, TIME.inXSDDate, Literal(d, datatype=XSD.date)))


def _meeting_decision_action(g: Graph, body: URIRef, people: list[URIRef], doc: URIRef) -> None:
    """A meeting of the committee (chair, attendee, apologies), a decision at it and an action."""
    meeting = _iri("meeting", 1)
    g.add((meeting, RDF.type, CG.Meeting))
    g.add((meeting, CG.body, body))
    g.add((meeting, DCTERMS.date, Literal("2024-07-30", datatype=XSD.date)))
    g.add((meeting, SCHEMA.location, Literal(f"Shire Hall {IMG}")))
    g.add((meeting, SCHEMA.attendee, people[1]))
    g.add((meeting, CG.apologies, people[2]))
    g.add((meeting, CG.chair, people[3]))
    g.add((meeting, CG.evidence, Literal(f"Minutes of the meeting {SCRIPT}")))
    g.add((meeting, PROV.wasDerivedFrom, doc))
    dec = _iri("decision", 1)
    g.add((dec, RDF.type, CG.Decision))
    g.add((dec, CG.text, Literal(f"That the report {IMG} be noted")))
    g.add((dec, CG.kind, Literal("noted")))
    g.add((dec, CG.decidedBy, body))
    g.add((dec, CG.atMeeting, meeting))
    g.add((dec, DCTERMS.date, Literal("2024-07-30", datatype=XSD.date)))
    g.add((dec, CG.evidence, Literal(f"RESOLVED: That the report {IMG} be noted")))
    g.add((dec, PROV.wasDerivedFrom, doc))
    act = _iri("action", 1)
    g.add((act, RDF.type, CG.Action))
    g.add((act, CG.text, Literal(f"Review {SCRIPT} the plan")))
    g.add((act, CG.owner, people[4]))
    g.add((act, CG.timescale, Literal("March 2016")))
    g.add((act, CG.evidence, Literal(f"Review {SCRIPT} the plan - owner")))
    g.add((act, PROV.wasDerivedFrom, doc))
