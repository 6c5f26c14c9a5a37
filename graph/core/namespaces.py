"""The vocabularies of the graph contract, closed where the project owns them.

`CG` is a closed namespace: a misspelt term fails at import time rather than
producing a graph the analysts' queries silently miss.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace
from rdflib.term import URIRef

SCHEMA = Namespace("https://schema.org/")
ID = Namespace("https://w3id.org/councilgraph/id/")


class CG(DefinedNamespace):
    """The councilgraph vocabulary: terms of the contract that no standard vocabulary has."""

    _NS = Namespace("https://w3id.org/councilgraph#")
    _fail = True

    Meeting: URIRef
    Decision: URIRef
    Action: URIRef
    Plan: URIRef
    Office: URIRef
    CanonicalRole: URIRef
    body: URIRef
    chair: URIRef
    apologies: URIRef
    text: URIRef
    decidedBy: URIRef
    atMeeting: URIRef
    kind: URIRef
    leadOfficer: URIRef
    owner: URIRef
    timescale: URIRef
    inPlan: URIRef
    status: URIRef
    evidence: URIRef
    dateBasis: URIRef
    attestedOn: URIRef
    interim: URIRef
    orgKind: URIRef
    rule: URIRef
    extractorVersion: URIRef
    nameKey: URIRef
    heldFrom: URIRef
    heldUntil: URIRef


def _materialise(*namespaces: type[DefinedNamespace]) -> None:
    """Make each declared term a plain class attribute. rdflib answers `ORG.member` through its
    metaclass's `__getattr__` every time (a few microseconds); the build and the HTML view read
    such terms some 500,000 times at 1,000 documents. The values are the same URIRefs."""
    for ns in namespaces:
        for name in getattr(ns, "__annotations__", {}):
            if not name.startswith("_") and name not in vars(ns):
                type.__setattr__(ns, name, ns[name])


_materialise(CG, DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD)

# every term of the vocabulary as one object each, which a reader of graph.nt gives for its IRIs
# (`graph.core.triples.read_nt`), so that look-ups by these terms find the same object
VOCABULARY: tuple[URIRef, ...] = tuple(
    term
    for ns in (CG, DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD)
    for term in vars(ns).values()
    if type(term) is URIRef
)

PREFIXES = {
    "org": ORG,
    "foaf": FOAF,
    "skos": SKOS,
    "time": TIME,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "prov": PROV,
    "xsd": XSD,
    "cg": CG._NS,
    "rdfs": RDFS,
    "rdf": RDF,
    "id": ID,
}

__all__ = [
    "CG",
    "DCTERMS",
    "FOAF",
    "ID",
    "ORG",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "TIME",
    "VOCABULARY",
    "XSD",
]
