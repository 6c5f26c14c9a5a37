"""Facts + resolution -> RDF, in the terms of the graph contract.

Every Membership, Meeting, Decision and Action links to the document it came from
(`prov:wasDerivedFrom`) and carries the sentence as `cg:evidence`. Intervals and
instants get IRIs, not blank nodes, so the Turtle is byte-stable.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

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
    PostFact,
    Problem,
    SeatFact,
)
from extract.vocab.posts import is_abbreviation, role_of
from graph.core.iris import mint, norm
from graph.core.namespaces import CG, DCTERMS, FOAF, ORG, PROV, RDF, SCHEMA, SKOS, TIME, XSD
from graph.core.resolve import BodyEntity, PersonEntity, Resolution
from graph.core.tenure import (
    Posts,
    Spell,
    attach_mention,
    attach_role_only,
    before,
    infer_bounds,
    post_key,
    role_key,
    split_spells,
)
from graph.core.triples import Triples

SEAT_LABELS = {
    "chair": "Chair",
    "vice-chair": "Vice-chair",
    "member": "Member",
    "co-opted member": "Co-opted member",
    "substitute": "Substitute",
    "leader": "Leader",
    "deputy leader": "Deputy leader",
    "cabinet member": "Cabinet member",
}


@lru_cache(maxsize=1 << 16)  # pure; the same dates recur on thousands of facts
def date_literal(d: PartialDate) -> Literal:
    dtype = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[d.precision]
    return Literal(d.iso, datatype=dtype)


@lru_cache(maxsize=1 << 16)  # pure; a 1,000-document graph makes 50,000 string literals of 11,000 texts
def string_literal(value: str) -> Literal:
    """A plain string literal. rdflib's constructor checks and normalises each time (a fifth of
    building the graph); literals are immutable, so one object serves every triple with that text."""
    return Literal(value)


class EntityIris:
    """Each person's and body's IRI, worked out once in a build. An entity mints its IRI from its
    best written name (`PersonEntity.iri`), sorting its names each time it is asked, and the build
    asked some 40,000 times at 1,000 documents. Once resolution is done no entity's names change:
    a body the build itself makes (a meeting's committee no fact named) gets its one name as it
    is made, before anything asks its IRI."""

    def __init__(self) -> None:
        self._iris: dict[int, tuple[PersonEntity | BodyEntity, URIRef]] = {}

    def __call__(self, entity: PersonEntity | BodyEntity) -> URIRef:
        hit = self._iris.get(id(entity))
        if hit is None:  # the entity is kept beside its IRI, so its id cannot be reused meanwhile
            hit = self._iris[id(entity)] = (entity, entity.iri)
        return hit[1]


def _instant_pred(d: PartialDate) -> URIRef:
    return {"day": TIME.inXSDDate, "month": TIME.inXSDgYearMonth, "year": TIME.inXSDgYear}[d.precision]


def build_graph(
    docs: dict[str, dict],
    facts_by_doc: dict[str, list[Fact]],
    res: Resolution,
    *,
    include_private: bool = False,
) -> Graph:
    """The graph as an rdflib `Graph` (for callers that query it; the build writes `build_triples`)."""
    return build_triples(docs, facts_by_doc, res, include_private=include_private).to_rdflib()


def build_triples(
    docs: dict[str, dict],
    facts_by_doc: dict[str, list[Fact]],
    res: Resolution,
    *,
    include_private: bool = False,
) -> Triples:
    g = Triples()
    doc_iri: dict[str, URIRef] = {}
    for doc, h in sorted(docs.items()):
        d = doc_iri[doc] = mint("document", h.get("sha256") or doc, label=doc)
        g.add((d, RDF.type, FOAF.Document))
        g.add((d, DCTERMS.identifier, string_literal(doc)))
        if h.get("title"):
            g.add((d, DCTERMS.title, string_literal(h["title"])))
        if h.get("date"):
            g.add((d, DCTERMS.date, date_literal(PartialDate(h["date"]))))
        if h.get("url"):
            g.add((d, FOAF.page, URIRef(h["url"])))

    def person(doc: str, name: str | None) -> PersonEntity | None:
        p = res.person(doc, name)
        if p is None or (not p.public and not include_private):
            return None
        return p

    person_iris: dict[int, URIRef] = {}  # resolution is done: a person's names (and so IRI) stay put
    used_bodies: set[int] = set()
    iri_of = EntityIris()

    def add_person(p: PersonEntity) -> URIRef:
        iri = person_iris.get(id(p))
        if iri is None:
            iri = person_iris[id(p)] = p.iri
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

    def add_body(b: BodyEntity) -> URIRef:
        iri = iri_of(b)
        if id(b) not in used_bodies:
            used_bodies.add(id(b))
            name = b.name
            g.add((iri, RDF.type, ORG.Organization))
            if b.kind == OrgKind.COMMITTEE:
                g.add((iri, RDF.type, ORG.OrganizationalUnit))
            g.add((iri, SKOS.prefLabel, string_literal(name)))
            g.add((iri, CG.orgKind, string_literal(b.kind.value)))
            for n in sorted(b.names):
                if n != name and norm(n) != norm(name):
                    g.add((iri, SKOS.altLabel, string_literal(n)))
            if b.parent:
                parent = res.bodies.get(("", _key(b.parent)))
                if parent is not None and parent is not b:
                    g.add((iri, ORG.unitOf, add_body(parent)))
        return iri

    def body(doc: str, name: str | None, kind_hint: OrgKind | None = None) -> BodyEntity | None:
        b = res.body(doc, name)
        if b is None and name:
            council = res.councils.get(doc, "")
            kind = kind_hint or OrgKind.EXTERNAL
            scope = council if kind == OrgKind.COMMITTEE else ""
            b = res.bodies.setdefault((scope, _key(name)), BodyEntity(key=_key(name), scope=scope, kind=kind))
            b.names[name] += 1
        return b

    for doc in sorted(facts_by_doc):
        for f in facts_by_doc[doc]:
            if isinstance(f, OrganizationFact):
                b = res.body(doc, f.name)
                if b:
                    add_body(b)
            elif isinstance(f, PersonFact):
                p = person(doc, f.name)
                if p:
                    add_person(p)
    # --- memberships: one per person + role + organization + start -----------------------
    spells, role_forms = _spells(facts_by_doc, person, body, res, iri_of)
    roles: dict[tuple[int, str], URIRef] = {}
    for s in spells:
        pi, oi = add_person(s.person), add_body(s.org)
        rk = (id(s.org), norm(s.role_label))
        role = roles.get(rk)
        if role is None:
            role = roles[rk] = mint("role", s.role_label, iri_of(s.org), label=s.role_label)
            g.add((role, RDF.type, ORG.Role))
            if s.is_post:
                g.add((role, RDF.type, ORG.Post))
                g.add((role, ORG.postIn, oi))
            g.add((role, SKOS.prefLabel, string_literal(s.role_label)))
            for form in sorted(role_forms.get(rk, ())):  # "DCS", "Director for Children's Services"
                if norm(form) != rk[1]:
                    g.add((role, SKOS.altLabel, string_literal(form)))
        # minted from the *stated* start only: an inferred one moves as the corpus grows
        m = mint("membership", str(pi), s.role_label, str(oi), s.stated_start.iso if s.stated_start else "")
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, pi))
        g.add((m, ORG.organization, oi))
        g.add((m, ORG.role, role))
        if s.interim:
            g.add((m, CG.interim, Literal(True)))
        for d in sorted(s.attested):
            g.add((m, CG.attestedOn, date_literal(d)))
        for doc in sorted(s.docs):
            g.add((m, PROV.wasDerivedFrom, doc_iri[doc]))
        for e in sorted(s.evidence):
            g.add((m, CG.evidence, string_literal(e)))
        if s.start or s.end:
            iv = URIRef(str(m) + "/during")
            g.add((m, ORG.memberDuring, iv))
            g.add((iv, RDF.type, TIME.Interval))
            for pred, bound, suffix in ((TIME.hasBeginning, s.start, "/start"), (TIME.hasEnd, s.end, "/end")):
                if bound:
                    inst = URIRef(str(m) + suffix)
                    g.add((iv, pred, inst))
                    g.add((inst, RDF.type, TIME.Instant))
                    g.add((inst, _instant_pred(bound.date), date_literal(bound.date)))
                    g.add((inst, CG.dateBasis, string_literal(bound.basis)))
    # --- meetings and attendance --------------------------------------------------------
    meetings: dict[tuple, URIRef] = {}

    def meeting(doc: str, body_name: str, date: PartialDate | None) -> URIRef | None:
        b = body(doc, body_name, OrgKind.COMMITTEE)
        if b is None:
            return None
        key = (id(b), date.iso if date else doc)
        if key not in meetings:
            e = meetings[key] = mint("meeting", str(iri_of(b)), date.iso if date else doc)
            g.add((e, RDF.type, CG.Meeting))
            g.add((e, CG.body, add_body(b)))
            if date:
                g.add((e, DCTERMS.date, date_literal(date)))
        g.add((meetings[key], PROV.wasDerivedFrom, doc_iri[doc]))  # every meeting says where it came from
        return meetings[key]

    for doc in sorted(facts_by_doc):
        for f in facts_by_doc[doc]:
            if isinstance(f, MeetingFact):
                e = meeting(doc, f.body, f.date)
                if e is None:
                    continue
                if f.venue:
                    g.add((e, SCHEMA.location, string_literal(f.venue)))
                g.add((e, PROV.wasDerivedFrom, doc_iri[doc]))
                g.add((e, CG.evidence, string_literal(f.evidence.text)))
            elif isinstance(f, AttendanceFact):
                p = person(doc, f.person)
                e = meeting(doc, f.body, f.meeting_date)
                if p is None or e is None:
                    continue
                pred = CG.apologies if f.capacity == Capacity.APOLOGIES else SCHEMA.attendee
                g.add((e, pred, add_person(p)))
                if f.chair:
                    g.add((e, CG.chair, add_person(p)))
                g.add((e, PROV.wasDerivedFrom, doc_iri[doc]))
    # --- decisions and actions ----------------------------------------------------------
    for doc in sorted(facts_by_doc):
        for f in facts_by_doc[doc]:
            if isinstance(f, DecisionFact):
                d = mint("decision", doc, f.text)
                g.add((d, RDF.type, CG.Decision))
                if g.value(d, CG.text) is None:  # texts equal once normalised share an IRI: keep one
                    g.add((d, CG.text, string_literal(f.text)))
                g.add((d, CG.kind, string_literal(f.kind.value)))
                if f.date:
                    g.add((d, DCTERMS.date, date_literal(f.date)))
                maker = None
                if f.maker:
                    p = person(doc, f.maker)
                    b = res.body(doc, f.maker)
                    maker = (
                        add_person(p) if p and not b else add_body(b) if b else _office(g, f.maker, doc, res)
                    )
                    g.add((d, CG.decidedBy, maker))
                if f.meeting_date and f.maker:
                    e = meeting(doc, f.maker, f.meeting_date) if res.body(doc, f.maker) else None
                    if e:
                        g.add((d, CG.atMeeting, e))
                lead = person(doc, f.lead_officer)
                if lead:
                    g.add((d, CG.leadOfficer, add_person(lead)))
                g.add((d, PROV.wasDerivedFrom, doc_iri[doc]))
                g.add((d, CG.evidence, string_literal(f.evidence.text)))
            elif isinstance(f, ActionFact):
                a = mint("action", doc, f.text)
                g.add((a, RDF.type, CG.Action))
                if g.value(a, CG.text) is None:  # texts equal once normalised share an IRI: keep one
                    g.add((a, CG.text, string_literal(f.text)))
                for o in f.owners:
                    p = person(doc, o)
                    if p:
                        g.add((a, CG.owner, add_person(p)))
                        continue
                    if res.person(doc, o) is not None:  # a private individual: not published
                        continue
                    b = res.body(doc, o)
                    g.add((a, CG.owner, add_body(b) if b else _office(g, o, doc, res)))
                if f.timescale:
                    g.add((a, CG.timescale, string_literal(f.timescale)))
                if f.status:
                    g.add((a, CG.status, string_literal(f.status)))
                if f.plan:
                    plan = mint("plan", doc, f.plan, label=f.plan)
                    g.add((plan, RDF.type, CG.Plan))
                    g.add((plan, DCTERMS.title, string_literal(f.plan)))
                    g.add((plan, PROV.wasDerivedFrom, doc_iri[doc]))
                    g.add((a, CG.inPlan, plan))
                g.add((a, PROV.wasDerivedFrom, doc_iri[doc]))
                g.add((a, CG.evidence, string_literal(f.evidence.text)))
    g.add((URIRef("https://w3id.org/councilgraph"), RDF.type, OWL.Ontology))
    return g


def _office(g: Triples, label: str, doc: str, res: Resolution) -> URIRef:
    """An office or role named as owner or decision maker where no person is ("Chief executive")."""
    iri = mint("office", label, res.councils.get(doc, ""), label=label)
    g.add((iri, RDF.type, CG.Office))
    g.add((iri, RDF.type, ORG.Role))
    if g.value(iri, SKOS.prefLabel) is None:  # labels equal once normalised share an IRI: keep one
        g.add((iri, SKOS.prefLabel, string_literal(label)))
    return iri


def _key(name: str) -> str:
    from graph.core.resolve import body_key

    return body_key(name)


def _spells(
    facts_by_doc: dict[str, list[Fact]], person, body, res: Resolution, iri_of: EntityIris
) -> tuple[list[Spell], dict[tuple[int, str], set[str]]]:
    """Posts and seats -> spells (one per person + role + organization + stated start), with
    role-only statements and mentions attached to their one holder and every start and end dated.

    One post under several written forms ("DCS", "Director for Children's Services") is one role
    (`role_key`): its spells carry the most used written form (the fullest on a tie; a known
    post's own label where only abbreviations are written), and the other forms are returned,
    keyed by (organization, label), for the Role node's `skos:altLabel`."""
    bags: dict[tuple, list[Spell]] = {}
    forms: dict[tuple[int, str], Counter] = defaultdict(Counter)
    statements: list[tuple[str, PostFact]] = []
    mentions: list[tuple[str, PostFact]] = []
    for doc in sorted(facts_by_doc):
        for f in facts_by_doc[doc]:
            if isinstance(f, PostFact):
                if f.role_only or not f.person:
                    if f.start is None and f.end is None and f.date is not None:
                        mentions.append((doc, f))  # "the Chief Executive said": who, once spells are dated
                    else:
                        statements.append((doc, f))
                    continue
                p = person(doc, f.person)
                o = body(doc, f.org or res.councils.get(doc) or "Unknown organization")
                role_label, is_post = f.post, True
            elif isinstance(f, SeatFact):
                p = person(doc, f.person)
                o = body(doc, f.body, OrgKind.COMMITTEE)
                role_label, is_post = SEAT_LABELS[f.role.value], False
            else:
                continue
            if not p or not o:
                continue
            obs = Spell(
                p,
                role_label,
                o,
                is_post,
                stated_start=f.start,
                stated_end=f.end,
                interim=isinstance(f, PostFact) and f.interim,
            )
            if f.date:
                obs.attested.add(f.date)
            obs.docs.add(doc)
            obs.evidence.add(f.evidence.text)
            if not role_label:  # "Mark Smith left the council in March 2024": ends his open spells there
                statements.append((doc, f))
                continue
            rk = role_key(role_label) if is_post else post_key(role_label)
            if is_post:
                forms[(id(o), rk)][role_label] += 1
            bags.setdefault((id(p), rk, id(o)), []).append(obs)
    spells = [s for bag in bags.values() for s in split_spells(bag)]
    for doc, f in statements + mentions:  # a role-only wording of a role with holders is one of its forms too
        o = body(doc, f.org or res.councils.get(doc) or "Unknown organization")
        if f.post and o is not None and (id(o), role_key(f.post)) in forms:
            forms[(id(o), role_key(f.post))][f.post] += 1
    # one label per role: every holder's spell carries it, so the Role node is shared
    labels = {k: _role_label(c) for k, c in forms.items()}
    for s in spells:
        if s.is_post:
            s.role_label = labels[(id(s.org), role_key(s.role_label))]
    alt: dict[tuple[int, str], set[str]] = defaultdict(set)
    for (oid, rk), c in forms.items():
        alt[(oid, norm(labels[(oid, rk)]))] |= set(c)

    def attached(hit: Spell, doc: str, f: PostFact) -> None:
        hit.docs.add(doc)
        hit.evidence.add(f.evidence.text)
        alt[(id(hit.org), norm(hit.role_label))].add(f.post)

    posts = Posts(spells)  # role-only statements and mentions look among their organization's posts
    of_person: dict[int, list[Spell]] = defaultdict(list)
    for s in spells:
        of_person[id(s.person)].append(s)
    # statements of a start first: they date a holder, which an end-only statement may then rule out
    for doc, f in sorted(statements, key=lambda st: (st[1].start is None, st[0], st[1].evidence.start)):
        o = body(doc, f.org or res.councils.get(doc) or "Unknown organization")
        if f.person and f.start and not f.post:
            # "Ms Ellwood ... will take up the post on 1 August 2021": the one post this document names her in,
            # in that organization, starts then
            p = person(doc, f.person)
            fit = [
                s
                for s in of_person.get(id(p), ())
                if p is not None and s.org is o and s.is_post and doc in s.docs and s.stated_start is None
            ]
            if len(fit) == 1:
                fit[0].stated_start = f.start
                fit[0].docs.add(doc)
                fit[0].evidence.add(f.evidence.text)
            else:
                res.problems.append(
                    Problem(
                        doc_id=doc,
                        stage="graph.tenure",
                        code="W301",
                        message=f"{f.person!r} starts {f.start}: {len(fit)} posts of this "
                        f"document fit; not attached",
                    )
                )
            continue
        if f.person:
            p = person(doc, f.person)
            for s in of_person.get(id(p), ()):
                if (
                    p is not None
                    and s.org is o
                    and f.end
                    and s.stated_end is None
                    and (not s.attested or not before(f.end, s.last))
                ):
                    s.stated_end = f.end
                    s.docs.add(doc)
                    s.evidence.add(f.evidence.text)
            continue
        hit, why = attach_role_only(posts, o, f.post, f.start, f.end, doc)
        if hit is None:
            res.problems.append(
                Problem(
                    doc_id=doc,
                    stage="graph.tenure",
                    code="W301",
                    message=f"{f.post!r} ({f.start or '?'}..{f.end or '?'}): {why}; not attached",
                )
            )
            continue
        hit.stated_start = hit.stated_start or f.start
        hit.stated_end = f.end or hit.stated_end
        hit.interim = hit.interim or f.interim
        attached(hit, doc, f)
    infer_bounds(spells)
    # "the Chief Executive said" in a meeting of 2023-05-04: an attestation of the one holder then
    for doc, f in mentions:
        o = body(doc, f.org or res.councils.get(doc) or "Unknown organization")
        if f.date is None:  # not kept as a mention (see above); for the type checker
            continue
        hit, why = attach_mention(posts, o, f.post, f.date)
        if hit is None:
            code = "W302" if why.startswith("more than one") else "W303"
            res.problems.append(
                Problem(
                    doc_id=doc,
                    stage="graph.tenure",
                    code=code,
                    message=f"role-only mention {f.post!r} on {f.date}: {why}; not attached "
                    f"({f.evidence.text[:80]!r})",
                )
            )
            continue
        hit.attested.add(f.date)
        attached(hit, doc, f)
    return sorted(
        spells,
        key=lambda s: (
            str(iri_of(s.person)),
            s.role_label,
            str(iri_of(s.org)),
            s.stated_start.iso if s.stated_start else "",
        ),
    ), dict(alt)


def _role_label(written: Counter) -> str:
    """The label of a role from its written forms: the most used, then a known post's own label, then
    the longest; abbreviations ("DCS") only where nothing else is written."""
    role = next((r for r in map(role_of, sorted(written)) if r is not None), None)
    full = Counter({w: n for w, n in written.items() if not is_abbreviation(w)})
    if not full:
        return role.label if role else max(written, key=lambda w: (written[w], len(w), w))
    return max(full, key=lambda w: (full[w], role is not None and w == role.label, len(w), w))
