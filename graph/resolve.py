"""Mentions -> entities: who is who, and which body is which, across all documents.

Extraction writes names as each document gives them ("Cllr Fagan", "Toni Fagan",
"Jess Karia"); only this stage decides that two names are one person. The rules, in
order of strength:
  1. the same full name (honorifics dropped, case folded) in the same council's papers;
  2. a partial name ("Fagan", "J Rathmell", "Jess Karia") folds into the one full name
     of that council whose surname and first initial fit, looking first in the same
     document, then in the council's other papers; where two full names fit it stays
     apart and the ambiguity is reported;
  3. bodies: the same normalised name (or a defined acronym); committees only within
     one council ("Cabinet" of two councils is two bodies).
People of different councils stay apart unless nothing but their name is known of
either (an external official named in two councils' papers is one person).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extract.names import name_key
from extract.records import Fact, OrganizationFact, OrgKind, PersonFact, Problem
from graph.iris import mint, norm


@dataclass(slots=True)
class PersonEntity:
    key: str
    council: str
    names: Counter = field(default_factory=Counter)
    public: bool = False
    docs: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return best_form(self.names)

    @property
    def iri(self):
        return mint("person", self.key, self.council, label=self.name)


@dataclass(slots=True)
class BodyEntity:
    key: str
    scope: str
    kind: OrgKind
    names: Counter = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    parent: str | None = None

    @property
    def name(self) -> str:
        return best_form(self.names)

    @property
    def iri(self):
        return mint("body", self.key, self.scope, label=self.name)


def best_form(names: Counter) -> str:
    """The fullest, most used written form: more words first, then more uses, then the text."""
    return sorted(names, key=lambda n: (-len(n.split()), -names[n], n))[0]


def _is_partial(key: str) -> bool:
    toks = key.split()
    return len(toks) == 1 or all(len(t) <= 2 for t in toks[:-1])


def _fits(full: str, partial: str) -> bool:
    """A full name the partial form may stand for: same surname; initials or a shortened first name fit."""
    ft, pt = full.split(), partial.split()
    if len(ft) < 2 or ft[-1] != pt[-1]:
        return False
    if len(pt) == 1:
        return True
    first = pt[0]
    if len(first) <= 2:
        return ft[0][0] == first[0]
    return ft[0].startswith(first) or first.startswith(ft[0])


@dataclass(slots=True)
class Resolution:
    people: dict[tuple[str, str], PersonEntity]          # (council, key) -> entity
    person_of: dict[tuple[str, str], PersonEntity]       # (doc, name as extracted) -> entity
    bodies: dict[tuple[str, str], BodyEntity]            # (scope, key) -> entity
    body_alias: dict[tuple[str, str], BodyEntity]        # (scope, alias key) -> entity
    councils: dict[str, str]                             # doc -> council
    problems: list[Problem]

    def person(self, doc: str, name: str | None) -> PersonEntity | None:
        if not name:
            return None
        return self.person_of.get((doc, name_key(name)))

    def body(self, doc: str, name: str | None) -> BodyEntity | None:
        if not name:
            return None
        council = self.councils.get(doc, "")
        k = body_key(name)
        for scope in (council, ""):
            hit = self.bodies.get((scope, k)) or self.body_alias.get((scope, k))
            if hit:
                return hit
        return None


def body_key(name: str) -> str:
    k = norm(name)
    k = re.sub(r"^the ", "", k)
    k = k.replace("childrens", "children s").replace("sub committee", "subcommittee")
    return k


def resolve(docs: dict[str, dict], facts_by_doc: dict[str, list[Fact]]) -> Resolution:
    councils = {d: (h.get("council") or "") for d, h in docs.items()}
    problems: list[Problem] = []
    # --- people -------------------------------------------------------------------------
    mentions: dict[tuple[str, str], Counter] = defaultdict(Counter)   # (council, key) -> written forms
    public: dict[tuple[str, str], bool] = {}
    docs_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    per_doc_keys: dict[str, set[str]] = defaultdict(set)
    for doc, facts in sorted(facts_by_doc.items()):
        council = councils.get(doc, "")
        for f in facts:
            for name, pub in _person_names(f):
                k = name_key(name)
                if not k:
                    continue
                ck = (council, k)
                mentions[ck][name] += 1
                docs_of[ck].add(doc)
                per_doc_keys[doc].add(k)
                if pub is not None:
                    public[ck] = public.get(ck, False) or pub
    # full names first; partial names fold into exactly one fitting full name
    people: dict[tuple[str, str], PersonEntity] = {}
    alias_of: dict[tuple[str, str], tuple[str, str]] = {}
    full_keys = sorted(ck for ck in mentions if not _is_partial(ck[1]))
    by_surname: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for ck in full_keys:
        by_surname[(ck[0], ck[1].split()[-1])].append(ck)
    # shortened first names ("Jess Karia" -> "Jessica Karia") fold into the longer form
    for ck in full_keys:
        cands = [o for o in by_surname[(ck[0], ck[1].split()[-1])]
                 if o != ck and len(o[1].split()) == len(ck[1].split()) and len(o[1]) > len(ck[1])
                 and _fits(o[1], ck[1]) and len(ck[1].split()[0]) >= 3]
        if len(cands) == 1:
            alias_of[ck] = cands[0]
    for ck in sorted(mentions):
        if ck in alias_of or not _is_partial(ck[1]):
            continue
        council, k = ck
        cands = [o for o in by_surname[(council, k.split()[-1])] if _fits(o[1], k) and o not in alias_of]
        same_doc = [o for o in cands if docs_of[o] & docs_of[ck]]
        pick = same_doc if len(same_doc) >= 1 else cands
        if len(pick) == 1:
            alias_of[ck] = pick[0]
        elif len(pick) > 1:
            problems.append(Problem(doc_id=sorted(docs_of[ck])[0], stage="graph.resolve", code="W300",
                                    message=f"{sorted(mentions[ck])[0]!r} could be any of "
                                            f"{', '.join(sorted(best_form(mentions[o]) for o in pick))}; kept apart"))
    for ck in sorted(mentions):
        target = alias_of.get(ck, ck)
        while target in alias_of:
            target = alias_of[target]
        ent = people.get(target)
        if ent is None:
            ent = people[target] = PersonEntity(key=target[1], council=target[0])
        ent.names.update(mentions[ck])
        ent.public = ent.public or public.get(ck, False)
        ent.docs |= docs_of[ck]
        people[ck] = ent
    person_of: dict[tuple[str, str], PersonEntity] = {}
    for doc, keys in per_doc_keys.items():
        for k in keys:
            person_of[(doc, k)] = people[(councils.get(doc, ""), k)]
    # --- bodies -------------------------------------------------------------------------
    bodies: dict[tuple[str, str], BodyEntity] = {}
    body_alias: dict[tuple[str, str], BodyEntity] = {}
    for doc, facts in sorted(facts_by_doc.items()):
        council = councils.get(doc, "")
        for f in facts:
            if not isinstance(f, OrganizationFact):
                continue
            scope = council if f.kind == OrgKind.COMMITTEE else ""
            k = body_key(f.name)
            ent = bodies.get((scope, k)) or body_alias.get((scope, k))
            if ent is None:
                ent = bodies[(scope, k)] = BodyEntity(key=k, scope=scope, kind=f.kind,
                                                      parent=council if f.kind == OrgKind.COMMITTEE else None)
            ent.names[f.name] += 1
            ent.docs.add(doc)
            for a in f.aliases:
                body_alias.setdefault((scope, body_key(a)), ent)
    _merge_near_bodies(bodies)
    return Resolution(people=people, person_of=person_of, bodies=bodies, body_alias=body_alias,
                      councils=councils, problems=problems)


def _merge_near_bodies(bodies: dict[tuple[str, str], BodyEntity]) -> None:
    """Spelling variants of one body in one scope ("Children's" / "Childrens") become one entity."""
    keys = sorted(bodies)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if a[0] != b[0] or bodies[a] is bodies[b]:
                continue
            if fuzz.ratio(a[1], b[1]) >= 96 and len(a[1]) > 12:
                keep, drop = bodies[a], bodies[b]
                keep.names.update(drop.names)
                keep.docs |= drop.docs
                bodies[b] = keep


def _person_names(fact: Fact) -> list[tuple[str, bool | None]]:
    if isinstance(fact, PersonFact):
        return [(fact.name, fact.public)]
    out: list[tuple[str, bool | None]] = []
    for attr in ("person", "lead_officer"):
        v = getattr(fact, attr, None)
        if v:
            out.append((v, None))
    return out
