"""Records -> RDF, in the terms of the graph contract: the last graph stage, after resolve and tenure.

It writes what the earlier stages decided and decides nothing about who is who or who held
what. Every Membership, Meeting, Decision and Action links to the document it came from
(`prov:wasDerivedFrom`) and carries the sentence as `cg:evidence`. Intervals and
instants get IRIs, not blank nodes, so the Turtle is byte-stable.
"""

from __future__ import annotations

import calendar
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import OWL
from rdflib.term import Node

from extract.names import strip_honorific
from extract.records import (
    ActionFact,
    AttendanceFact,
    Capacity,
    DecisionFact,
    Fact,
    MeetingFact,
    OrganizationFact,
    OrgKind,
    PartialDate,
    PersonFact,
)
from extract.vocab.canonical import canonical_role
from graph.core.bodies import BodyTable
from graph.core.iris import EntityIris, mint, norm
from graph.core.namespaces import CG, DCTERMS, FOAF, ID, ORG, PROV, RDF, SCHEMA, SKOS, TIME, XSD
from graph.core.resolve import BodyEntity, PersonEntity, Resolution
from graph.core.tenure import Tenure, Tenures
from graph.core.triples import Triples, objects_of


@lru_cache(maxsize=1 << 16)  # pure; the same dates recur on thousands of facts
def date_literal(d: PartialDate) -> Literal:
    dtype = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[d.precision]
    return Literal(d.iso, datatype=dtype)


@lru_cache(maxsize=1 << 16)  # pure; a 1,000-document graph makes 50,000 string literals of 11,000 texts
def string_literal(value: str) -> Literal:
    """A plain string literal. rdflib's constructor checks and normalises each time (a fifth of
    building the graph); literals are immutable, so one object serves every triple with that text."""
    return Literal(value)


@lru_cache(maxsize=1 << 16)  # pure; a label is keyed once per node, a parameter once per query
def search_key(text: str) -> str:
    """The `cg:nameKey` of a name or label, and of a saved query's name parameter: `norm` (lower
    case, accents folded, punctuation and runs of space one space) of the text with its apostrophes
    dropped as `extract.names.name_key` drops them ("Children's" -> "childrens", "O'Brien" -> "obrien")."""
    return norm(text.replace("\u2019", "'").replace("'", ""))


def _day_bounds(lit: Node) -> tuple[str, str]:
    """The first and last day of an xsd:date, xsd:gYearMonth or xsd:gYear ("2015" -> 2015-01-01, 2015-12-31)."""
    iso = str(lit)
    if len(iso) == 4:
        return f"{iso}-01-01", f"{iso}-12-31"
    if len(iso) == 7:
        last = calendar.monthrange(int(iso[:4]), int(iso[5:7]))[1]
        return f"{iso}-01", f"{iso}-{last:02d}"
    return iso, iso


def _instant_pred(d: PartialDate) -> URIRef:
    return {"day": TIME.inXSDDate, "month": TIME.inXSDgYearMonth, "year": TIME.inXSDgYear}[d.precision]


def build_triples(
    docs: dict[str, dict],
    facts_by_doc: dict[str, list[Fact]],
    res: Resolution,
    tenures: Tenures,
    *,
    include_private: bool = False,
) -> Triples:
    """The graph of the documents, the resolution's people and bodies and the tenure stage's spells."""
    b = _Builder(docs, res, tenures, include_private)
    b.documents()
    b.named(facts_by_doc)
    for t in tenures.spells:
        b.membership(t)
    b.meetings(facts_by_doc)
    b.decisions_and_actions(facts_by_doc)
    b.g.add((URIRef("https://w3id.org/councilgraph"), RDF.type, OWL.Ontology))
    b.lookup_keys()
    return b.g


class _Builder:
    """One build's graph and what it has written so far (each person, body, role and meeting once)."""

    def __init__(
        self, docs: dict[str, dict], res: Resolution, tenures: Tenures, include_private: bool
    ) -> None:
        self.g = Triples()
        self.docs, self.res, self.include_private = docs, res, include_private
        # the bodies the spells hold have their IRI and labels: the build names no more forms of them
        self.bodies = BodyTable(res, tenures.made, settled={id(t.org) for t in tenures.spells})
        self.doc_iri: dict[str, URIRef] = {}
        self.person_iris: dict[int, URIRef] = {}  # resolution is done: a person's names (and IRI) stay put
        self.used_bodies: set[int] = set()
        self.iri_of = EntityIris()
        self.roles: dict[tuple[int, str], URIRef] = {}
        self.meeting_iris: dict[tuple[int, str], URIRef] = {}

    def lookup_keys(self) -> None:
        """What a saved query looks things up by, written last from the graph itself: `cg:nameKey`
        (`search_key`) on each person (its foaf:name, honorific dropped), body and role (its
        skos:prefLabel) and plan (its dcterms:title); and on each membership the days it is known
        held between, `cg:heldFrom` / `cg:heldUntil` (xsd:date): the first day of its start, else of its
        first attestation, and the last day of its end, else of its last attestation. "Held on D" is
        then `heldFrom <= D <= heldUntil`, the docs' rule at common precision in one typed range test."""
        g = self.g
        keys: list[tuple[Node, str]] = []
        held: list[tuple[Node, URIRef, str]] = []
        for s, predicates in g.by_subject().items():  # looked up by predicate: no term compared per pair
            keys += [
                (s, search_key(strip_honorific(str(o))[1])) for o in objects_of(predicates.get(FOAF.name))
            ]
            labels = [predicates.get(SKOS.prefLabel)]
            types = objects_of(predicates.get(RDF.type))
            if CG.Plan in types:
                labels.append(predicates.get(DCTERMS.title))
            keys += [(s, search_key(str(o))) for held in labels for o in objects_of(held)]
            if ORG.Membership in types:
                start, end = self._held_between(s)
                held += [(s, pred, day) for pred, day in ((CG.heldFrom, start), (CG.heldUntil, end)) if day]
        for s, key in keys:
            g.add((s, CG.nameKey, string_literal(key)))
        for s, pred, day in held:
            g.add((s, pred, Literal(day, datatype=XSD.date)))

    def _held_between(self, m: Node) -> tuple[str | None, str | None]:
        """The first and last day a membership is known held (`lookup_keys`)."""
        g = self.g
        iv = g.value(m, ORG.memberDuring)
        bounds = []
        for edge in (TIME.hasBeginning, TIME.hasEnd):
            inst = g.value(iv, edge) if iv is not None else None
            preds = (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear)
            bounds.append(
                next((_day_bounds(d) for q in preds for d in g.objects(inst, q)), None) if inst else None
            )
        attested = [_day_bounds(d) for d in g.objects(m, CG.attestedOn)]
        start = bounds[0][0] if bounds[0] else min((a for a, _z in attested), default=None)
        end = bounds[1][1] if bounds[1] else max((z for _a, z in attested), default=None)
        return start, end

    def documents(self) -> None:
        g = self.g
        for doc, h in sorted(self.docs.items()):
            d = self.doc_iri[doc] = mint("document", h.get("sha256") or doc, label=doc)
            g.add((d, RDF.type, FOAF.Document))
            g.add((d, DCTERMS.identifier, string_literal(doc)))
            if h.get("title"):
                g.add((d, DCTERMS.title, string_literal(h["title"])))
            if h.get("date"):
                g.add((d, DCTERMS.date, date_literal(PartialDate(h["date"]))))
            if h.get("url"):
                g.add((d, FOAF.page, URIRef(h["url"])))

    def person(self, doc: str, name: str | None) -> PersonEntity | None:
        """The person `name` is in `doc`, if the graph may publish them."""
        p = self.res.person(doc, name)
        if p is None or (not p.public and not self.include_private):
            return None
        return p

    def add_person(self, p: PersonEntity) -> URIRef:
        iri = self.person_iris.get(id(p))
        if iri is None:
            g = self.g
            iri = self.person_iris[id(p)] = p.iri
            name = p.name
            g.add((iri, RDF.type, FOAF.Person))
            # one foaf:name per IRI even when two entities mint the same one (the second is an altLabel)
            g.add(
                (iri, FOAF.name if g.value(iri, FOAF.name) is None else SKOS.altLabel, string_literal(name))
            )
            for n in sorted(p.names):
                if n != name:
                    g.add((iri, SKOS.altLabel, string_literal(n)))
        return iri

    def add_body(self, b: BodyEntity) -> URIRef:
        iri = self.iri_of(b)
        if id(b) not in self.used_bodies:
            g = self.g
            self.used_bodies.add(id(b))
            name = b.name
            g.add((iri, RDF.type, ORG.Organization))
            if b.kind == OrgKind.COMMITTEE:
                g.add((iri, RDF.type, ORG.OrganizationalUnit))
            g.add((iri, SKOS.prefLabel, string_literal(name)))
            g.add((iri, CG.orgKind, string_literal(b.kind.value)))
            for n in sorted(b.names):
                if n != name and norm(n) != norm(name):
                    g.add((iri, SKOS.altLabel, string_literal(n)))
            parent = self.bodies.parent(b)
            if parent is not None and parent is not b:
                g.add((iri, ORG.unitOf, self.add_body(parent)))
        return iri

    def named(self, facts_by_doc: dict[str, list[Fact]]) -> None:
        """Every body and person a fact of their own names, whatever else names them."""
        for doc in sorted(facts_by_doc):
            for f in facts_by_doc[doc]:
                if isinstance(f, OrganizationFact):
                    b = self.res.body(doc, f.name)
                    if b:
                        self.add_body(b)
                elif isinstance(f, PersonFact):
                    p = self.person(doc, f.name)
                    if p:
                        self.add_person(p)

    def canonical_link(self, role: URIRef, t: Tenure) -> None:
        """The canonical role a post or seat is (`extract/vocab/canonical.py`), as `skos:broader`: a layer
        over posts, never a merge ("Director Children's Wellbeing" stays its own Role)."""
        seat_on = t.org.kind.value
        link = (
            canonical_role(t.role_label) if t.is_post else canonical_role(t.role_label, seat_on, t.org.name)
        )
        if link is not None:
            c = ID[f"canonical-role/{link.role.id}"]
            self.g.add((role, SKOS.broader, c))
            self.g.add((c, RDF.type, CG.CanonicalRole))
            self.g.add((c, RDF.type, SKOS.Concept))
            self.g.add((c, SKOS.prefLabel, string_literal(link.role.label)))

    def membership(self, t: Tenure) -> None:
        """One membership per person + role + organization + stated start, with its Role node."""
        g = self.g
        pi, oi = self.add_person(t.person), self.add_body(t.org)
        rk = (id(t.org), norm(t.role_label))
        role = self.roles.get(rk)
        if role is None:
            role = self.roles[rk] = mint("role", t.role_label, self.iri_of(t.org), label=t.role_label)
            g.add((role, RDF.type, ORG.Role))
            if t.is_post:
                g.add((role, RDF.type, ORG.Post))
                g.add((role, ORG.postIn, oi))
            g.add((role, SKOS.prefLabel, string_literal(t.role_label)))
            for form in sorted(t.role_forms):  # "DCS", "Director for Children's Services"
                if norm(form) != rk[1]:
                    g.add((role, SKOS.altLabel, string_literal(form)))
            self.canonical_link(role, t)
        # minted from the *stated* start only: an inferred one moves as the corpus grows
        m = mint("membership", str(pi), t.role_label, str(oi), t.stated_start.iso if t.stated_start else "")
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, pi))
        g.add((m, ORG.organization, oi))
        g.add((m, ORG.role, role))
        if t.interim:
            g.add((m, CG.interim, Literal(True)))
        for d in sorted(t.attested):
            g.add((m, CG.attestedOn, date_literal(d)))
        for doc in sorted(t.docs):
            g.add((m, PROV.wasDerivedFrom, self.doc_iri[doc]))
        for e in sorted(t.evidence):
            g.add((m, CG.evidence, string_literal(e)))
        if t.start or t.end:
            iv = URIRef(str(m) + "/during")
            g.add((m, ORG.memberDuring, iv))
            g.add((iv, RDF.type, TIME.Interval))
            for pred, bound, suffix in ((TIME.hasBeginning, t.start, "/start"), (TIME.hasEnd, t.end, "/end")):
                if bound:
                    inst = URIRef(str(m) + suffix)
                    g.add((iv, pred, inst))
                    g.add((inst, RDF.type, TIME.Instant))
                    g.add((inst, _instant_pred(bound.date), date_literal(bound.date)))
                    g.add((inst, CG.dateBasis, string_literal(bound.basis)))

    def meeting(self, doc: str, body_name: str, date: PartialDate | None) -> URIRef | None:
        """The meeting of a body on a date (or, undated, in a document), made on first mention."""
        b = self.bodies.find(doc, body_name, OrgKind.COMMITTEE)
        if b is None:
            return None
        key = (id(b), date.iso if date else doc)
        if key not in self.meeting_iris:
            e = self.meeting_iris[key] = mint("meeting", str(self.iri_of(b)), date.iso if date else doc)
            self.g.add((e, RDF.type, CG.Meeting))
            self.g.add((e, CG.body, self.add_body(b)))
            if date:
                self.g.add((e, DCTERMS.date, date_literal(date)))
        self.g.add(
            (self.meeting_iris[key], PROV.wasDerivedFrom, self.doc_iri[doc])
        )  # says where it came from
        return self.meeting_iris[key]

    def meetings(self, facts_by_doc: dict[str, list[Fact]]) -> None:
        """Meetings, their venues and who attended, sent apologies or chaired."""
        g = self.g
        for doc in sorted(facts_by_doc):
            for f in facts_by_doc[doc]:
                if isinstance(f, MeetingFact):
                    e = self.meeting(doc, f.body, f.date)
                    if e is None:
                        continue
                    if f.venue:
                        g.add((e, SCHEMA.location, string_literal(f.venue)))
                    g.add((e, PROV.wasDerivedFrom, self.doc_iri[doc]))
                    g.add((e, CG.evidence, string_literal(f.evidence.text)))
                elif isinstance(f, AttendanceFact):
                    p = self.person(doc, f.person)
                    e = self.meeting(doc, f.body, f.meeting_date)
                    if p is None or e is None:
                        continue
                    pred = CG.apologies if f.capacity == Capacity.APOLOGIES else SCHEMA.attendee
                    g.add((e, pred, self.add_person(p)))
                    if f.chair:
                        g.add((e, CG.chair, self.add_person(p)))
                    g.add((e, PROV.wasDerivedFrom, self.doc_iri[doc]))

    def decisions_and_actions(self, facts_by_doc: dict[str, list[Fact]]) -> None:
        for doc in sorted(facts_by_doc):
            for f in facts_by_doc[doc]:
                if isinstance(f, DecisionFact):
                    self.decision(doc, f)
                elif isinstance(f, ActionFact):
                    self.action(doc, f)

    def decision(self, doc: str, f: DecisionFact) -> None:
        g, res = self.g, self.res
        d = mint("decision", doc, f.text)
        g.add((d, RDF.type, CG.Decision))
        if g.value(d, CG.text) is None:  # texts equal once normalised share an IRI: keep one
            g.add((d, CG.text, string_literal(f.text)))
        g.add((d, CG.kind, string_literal(f.kind.value)))
        if f.date:
            g.add((d, DCTERMS.date, date_literal(f.date)))
        if f.maker:
            p = self.person(doc, f.maker)
            b = res.body(doc, f.maker)
            maker = (
                self.add_person(p) if p and not b else self.add_body(b) if b else self.office(f.maker, doc)
            )
            g.add((d, CG.decidedBy, maker))
        if f.meeting_date and f.maker:
            e = self.meeting(doc, f.maker, f.meeting_date) if res.body(doc, f.maker) else None
            if e:
                g.add((d, CG.atMeeting, e))
        lead = self.person(doc, f.lead_officer)
        if lead:
            g.add((d, CG.leadOfficer, self.add_person(lead)))
        g.add((d, PROV.wasDerivedFrom, self.doc_iri[doc]))
        g.add((d, CG.evidence, string_literal(f.evidence.text)))

    def action(self, doc: str, f: ActionFact) -> None:
        g, res = self.g, self.res
        a = mint("action", doc, f.text)
        g.add((a, RDF.type, CG.Action))
        if g.value(a, CG.text) is None:  # texts equal once normalised share an IRI: keep one
            g.add((a, CG.text, string_literal(f.text)))
        for o in f.owners:
            p = self.person(doc, o)
            if p:
                g.add((a, CG.owner, self.add_person(p)))
                continue
            if res.person(doc, o) is not None:  # a private individual: not published
                continue
            b = res.body(doc, o)
            g.add((a, CG.owner, self.add_body(b) if b else self.office(o, doc)))
        if f.timescale:
            g.add((a, CG.timescale, string_literal(f.timescale)))
        if f.status:
            g.add((a, CG.status, string_literal(f.status)))
        if f.plan:
            plan = mint("plan", doc, f.plan, label=f.plan)
            g.add((plan, RDF.type, CG.Plan))
            g.add((plan, DCTERMS.title, string_literal(f.plan)))
            g.add((plan, PROV.wasDerivedFrom, self.doc_iri[doc]))
            g.add((a, CG.inPlan, plan))
        g.add((a, PROV.wasDerivedFrom, self.doc_iri[doc]))
        g.add((a, CG.evidence, string_literal(f.evidence.text)))

    def office(self, label: str, doc: str) -> URIRef:
        """An office or role named as owner or decision maker where no person is ("Chief executive")."""
        g = self.g
        iri = mint("office", label, self.res.councils.get(doc, ""), label=label)
        g.add((iri, RDF.type, CG.Office))
        g.add((iri, RDF.type, ORG.Role))
        if g.value(iri, SKOS.prefLabel) is None:  # labels equal once normalised share an IRI: keep one
            g.add((iri, SKOS.prefLabel, string_literal(label)))
        return iri
