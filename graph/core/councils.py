"""The graph stages one council at a time: what each council's papers tell the others, and what a
council hands to the one stage that must see several councils at once.

People are resolved within a council, committees belong to their council and tenures to their
(organization, post), so the graph of a corpus is the union of its councils' graphs, but for three
joins, which the whole-corpus stages decided from every council's papers at once:

- the first names rule-read people have anywhere (a model-only name is published when the corpus
  knows its first name: `resolve._model_only`);
- the bodies of the national scope "" (every body but a council's committees): one entity, best
  name, aliases and merges over every paper that names it;
- the posts and seats of an organization named in more than one council's papers ("Chief Executive
  of Ofsted", a council's post named in a neighbour's report): one post's holders end each other's
  spells, a role-only mention is attached to the one holder of the day, and the role's label counts
  every form written.

`council_digest` reads the first two, and the organizations a council's posts and seats are in,
from one council's facts; `council_joins` makes the corpus-wide `Joins` and the set of shared
organizations from every council's digest (a first pass over the facts). Each council is then
resolved with the joins (`resolve(..., joins)`), its posts and seats in a shared organization are
set aside (`split_shared`) and their tenures attached once for all councils (`shared_resolution`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass

from extract.names import name_key
from extract.records import Fact, OrgKind, PostFact, SeatFact
from graph.core.resolve import (
    BodyEntity,
    Joins,
    OrgMention,
    PersonEntity,
    Resolution,
    bodies_of,
    body_key,
    first_names_read_and_asked,
    org_mentions,
)
from graph.core.tenure import post_org_name

BodyKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class CouncilDigest:
    """What one council's papers (or the papers with no council) bring to the corpus-wide joins."""

    first_names: frozenset[str]
    orgs: tuple[OrgMention, ...]  # the organization facts of the national scope, in document order
    held_in: frozenset[tuple[str, str]]  # ("post" | "seat", body key) no committee of the council answers
    unit_of: str | None = None  # the key of the council its committees are units of (`BodyTable.parent`)
    asks: frozenset[str] = frozenset()  # the first names its resolution asks the corpus about (`_model_only`)


@dataclass(frozen=True, slots=True)
class CouncilJoins:
    """The joins; the groups (by their index among the digests) whose graph stages must run together;
    and the organizations (national keys) whose posts and seats several of those name."""

    joins: Joins
    shared: frozenset[BodyKey]
    together: tuple[tuple[int, ...], ...]


def council_digest(docs: dict[str, dict], facts_by_doc: dict[str, list[Fact]]) -> CouncilDigest:
    """One council's share of the joins (the documents are that council's, or those with no council)."""
    councils = {d: (h.get("council") or "") for d, h in docs.items()}
    mentions = org_mentions(facts_by_doc, councils)
    local, local_alias = bodies_of(mentions, national=False)
    held_in: set[tuple[str, str]] = set()
    for doc, facts in facts_by_doc.items():
        council = councils.get(doc, "")
        for f in facts:
            named = _held_in(f, council)
            if named is None:
                continue
            k = body_key(named[1])
            if (council, k) not in local and (council, k) not in local_alias:
                held_in.add((named[0], k))
    national = tuple(m for m in mentions if m[1] == "" or m[2] != OrgKind.COMMITTEE)
    council = next((c for c in councils.values() if c), "")
    read, asked = first_names_read_and_asked(docs, facts_by_doc)
    return CouncilDigest(
        frozenset(read),
        national,
        frozenset(held_in),
        body_key(council) if council and local else None,
        frozenset(asked),
    )


def _held_in(f: Fact, council: str) -> tuple[str, str] | None:
    """The organization a post or seat fact is held in, as the tenure stage names it."""
    if isinstance(f, PostFact):
        return "post", post_org_name(f, council)
    if isinstance(f, SeatFact) and f.body:
        return "seat", f.body
    return None


def council_joins(digests: list[CouncilDigest]) -> CouncilJoins:
    """The corpus-wide joins from every council's digest, the groups that run together, and the
    organizations held in by several of those."""
    mentions = sorted((m for d in digests for m in d.orgs), key=lambda m: m[0])  # document order
    bodies, body_alias = bodies_of(mentions)
    for b in {id(b): b for b in bodies.values()}.values():
        b.docs = set()  # read by the merges only: every council would otherwise carry every paper's id
    targets = [
        {t for kind, key in d.held_in if (t := _target(kind, key, bodies, body_alias))} for d in digests
    ]
    together = _together(digests, targets, bodies, body_alias)
    users: Counter[BodyKey] = Counter()
    for members in together:
        users.update(set().union(*(targets[i] for i in members)))
    first_names = frozenset(n for d in digests for n in d.first_names)
    return CouncilJoins(
        Joins(first_names=first_names, bodies=bodies, body_alias=body_alias),
        frozenset(k for k, n in users.items() if n > 1),
        together,
    )


def national_digest(index: CouncilJoins) -> str:
    """A digest of the joins every council's graph reads whole: the national bodies (each council's
    graph carries them all) and the shared organizations (`joins_share`)."""
    joins = index.joins
    data = [
        [[list(k), _body_state(b)] for k, b in sorted(joins.bodies.items())],
        [[list(k), _body_state(b)] for k, b in sorted(joins.body_alias.items())],
        sorted(list(k) for k in index.shared),
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def joins_share(index: CouncilJoins, asks: frozenset[str] | None, national: str) -> str:
    """A digest of what the graph stages of a group read of the joins, its resolution asking the corpus
    about the first names `asks` (None: any): those of the corpus's first names, and the national part
    (`national`, `national_digest`). A group whose files and share are both unchanged makes the same
    part file (`graph.run.bycouncil`), however the rest of the corpus changed."""
    names = index.joins.first_names if asks is None else index.joins.first_names & asks
    data = [sorted(names), national]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def _body_state(b: BodyEntity) -> list:
    """Every field of a body as plain, ordered data (`joins_share`): Counters keep their order, sets are sorted."""
    return [b.key, b.scope, str(b.kind), list(b.names.items()), sorted(b.docs), b.parent]


def _together(
    digests: list[CouncilDigest],
    targets: list[set[BodyKey]],
    bodies: dict[BodyKey, BodyEntity],
    body_alias: dict[BodyKey, BodyEntity],
) -> tuple[tuple[int, ...], ...]:
    """Each group alone, but a council whose committees are units of a body only posts name (no
    organization fact does): the tenure stage makes that body for the posts, and the committees'
    `org:unitOf` needs the one it made, so the council runs with every group whose posts name it."""
    root = list(range(len(digests)))

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i

    for i, d in enumerate(digests):
        if d.unit_of is None or ("", d.unit_of) in bodies or ("", d.unit_of) in body_alias:
            continue
        for j, held in enumerate(targets):
            if j != i and ("", d.unit_of) in held:
                root[find(j)] = find(i)
    members: dict[int, list[int]] = {}
    for i in range(len(digests)):
        members.setdefault(find(i), []).append(i)
    return tuple(tuple(m) for m in sorted(members.values()))


def _target(
    kind: str, key: str, bodies: dict[BodyKey, BodyEntity], body_alias: dict[BodyKey, BodyEntity]
) -> BodyKey | None:
    """The national body a post or seat is in: a resolved one by its own key, else (a post) the body
    the tenure stage makes for the name; a seat no national body answers is in its council's committee."""
    hit = bodies.get(("", key)) or body_alias.get(("", key))
    if hit is not None:
        return ("", hit.key)
    return ("", key) if kind == "post" else None


@dataclass(frozen=True, slots=True)
class SharedShare:
    """One council's posts and seats in shared organizations, with what the tenure stage asks of them."""

    facts: dict[str, list[Fact]]  # doc -> its post and seat facts in a shared organization
    docs: dict[str, dict]  # their documents' headers
    person_of: dict[tuple[str, str], PersonEntity]  # (doc, name key) -> the council's person


def split_shared(
    docs: dict[str, dict], facts_by_doc: dict[str, list[Fact]], res: Resolution, shared: frozenset[BodyKey]
) -> tuple[dict[str, list[Fact]], SharedShare]:
    """A council's facts without its posts and seats in shared organizations, and those set aside."""
    if not shared:
        return facts_by_doc, SharedShare({}, {}, {})
    local: dict[str, list[Fact]] = {}
    aside: dict[str, list[Fact]] = {}
    for doc, facts in facts_by_doc.items():
        council = res.councils.get(doc, "")
        kept: list[Fact] = []
        for f in facts:
            named = _held_in(f, council)
            if named is not None and _in_shared(res, doc, named, shared):
                aside.setdefault(doc, []).append(f)
            else:
                kept.append(f)
        local[doc] = kept
    slim: dict[int, PersonEntity] = {}  # each person once, without the set of every paper naming them
    person_of = {
        (doc, k): slim.get(id(p)) or slim.setdefault(id(p), _slim(p))
        for doc, facts in aside.items()
        for f in facts
        if (k := name_key(getattr(f, "person", "") or "")) and (p := res.person_of.get((doc, k))) is not None
    }
    headers = {d: {k: docs[d][k] for k in _HEADER if k in docs[d]} for d in aside}
    return local, SharedShare(aside, headers, person_of)


_HEADER = ("council", "date", "doc_id", "sha256", "title", "url")  # what the build writes of a document


def _slim(p: PersonEntity) -> PersonEntity:
    """A person as the shared organizations' stages read them: name, key, council and whether public."""
    return PersonEntity(key=p.key, council=p.council, names=p.names, public=p.public)


def _in_shared(res: Resolution, doc: str, named: tuple[str, str], shared: frozenset[BodyKey]) -> bool:
    b = res.body(doc, named[1])
    if b is not None:
        return b.scope == "" and ("", b.key) in shared
    return named[0] == "post" and ("", body_key(named[1])) in shared


def shared_resolution(shares: list[SharedShare], joins: Joins) -> tuple[dict[str, dict], dict, Resolution]:
    """The documents, facts and resolution the tenure stage reads for the shared organizations' posts."""
    docs: dict[str, dict] = {}
    facts: dict[str, list[Fact]] = {}
    person_of: dict[tuple[str, str], PersonEntity] = {}
    for share in shares:
        docs.update(share.docs)
        facts.update(share.facts)
        person_of.update(share.person_of)
    res = Resolution(
        people={},
        person_of=person_of,
        bodies=joins.bodies,
        body_alias=joins.body_alias,
        councils={d: (h.get("council") or "") for d, h in docs.items()},
        problems=(),
    )
    return docs, facts, res
