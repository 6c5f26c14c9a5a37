"""Tenure statements + attestations -> spells with a start and an end, each saying how it is known.

The input is what the documents say about one person in one post (or seat) of one
organization: the dates on which a document attests the holding, and any stated start
or end ("appointed ... from 1 July 2024 until 31 March 2025", "left the council in March
2024", "was elected Chairperson at the annual meeting"). The output is one `Spell` per
stated start (a second appointment to the same post is a second spell), with:

- a start: the stated one (`basis="stated"`), else the first attestation (`"inferred"`)
  unless that comes after a stated end (a later document naming someone who had left);
- an end: the stated one, else the start of the next holder of a post only one person
  holds at a time (or of the same holder's substantive spell after an acting or interim one, which is a
  spell of its own), when that successor starts after this spell's last attestation
  (`"inferred"`); a spell with neither stays open: the corpus does not say it ended.

Dates stay at their precision (`2024`, `2024-03`, `2024-03-05`); two dates of different
precision are compared on their common prefix, so "March 2024" is neither before nor
after "2024-03-14".

A statement that names only the post ("the Director ... left in March 2024") is attached
by `attach_role_only` to the one holder whose spell fits its dates; none or several is a
problem (W301), never a guess. A mention that names only the post ("the Chief Executive
said", on a meeting's date) is attached by `attach_mention`, once the spells are dated, to
the one holder whose spell covers that date: an attestation of that holder; several is a
problem (W302), none a W303.

`attach_tenures` is the graph's tenure stage, between resolve and build: facts + `Resolution` in,
`Tenures` out (frozen `Tenure` records, the bodies it made for names no organization fact gives,
and its problems), so who held what can be asked of it without writing any RDF.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from rapidfuzz import fuzz

from extract.records import Fact, OrgKind, PartialDate, PostFact, Problem, SeatFact
from extract.vocab.posts import is_abbreviation, role_of
from graph.core.bodies import BodyKey, BodyTable
from graph.core.iris import EntityIris, norm
from graph.core.resolve import BodyEntity, PersonEntity, Resolution

# posts (and seats) that one person holds at a time: a later holder ends the earlier one
SINGLE_HOLDER_SEATS = {"chair", "vice chair", "leader", "deputy leader"}


@dataclass(frozen=True, slots=True)
class Bound:
    date: PartialDate
    basis: str  # "stated" | "inferred"


@dataclass(slots=True)
class Spell:
    """One spell of one person in one role of one organization (the graph's org:Membership)."""

    person: object
    role_label: str
    org: object
    is_post: bool
    stated_start: PartialDate | None = None
    stated_end: PartialDate | None = None
    interim: bool = False
    attested: set[PartialDate] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    evidence: set[str] = field(default_factory=set)
    start: Bound | None = None
    end: Bound | None = None

    @property
    def first(self) -> PartialDate | None:
        return min(self.attested) if self.attested else None

    @property
    def last(self) -> PartialDate | None:
        return max(self.attested) if self.attested else None


def before(a: PartialDate, b: PartialDate) -> bool:
    """a is strictly earlier than b, compared at the precision both have."""
    n = min(len(a.iso), len(b.iso))
    return a.iso[:n] < b.iso[:n]


def within(d: PartialDate, start: PartialDate | None, end: PartialDate | None) -> bool:
    return (start is None or not before(d, start)) and (end is None or not before(end, d))


@lru_cache(maxsize=1 << 16)  # pure in its strings; _holders asks it for every spell of every mention
def post_key(label: str) -> str:
    """ "Director of Children's Services" and "Director of Childrens Services" are one post."""
    k = norm(label).replace(" s ", "s ")
    return k[:-2] + "s" if k.endswith(" s") else k


@lru_cache(maxsize=1 << 16)  # pure in its strings; _holders asks it for every spell of every mention
def role_key(label: str) -> str:
    """The key of the Role node a written post title belongs to: a known post's id
    (`extract/patterns/roles.jsonl`: "DCS", "Director for Children's Services" -> `role.dcs`), else
    the title's own key. A statutory title and a job title stay two keys however alike they read."""
    role = role_of(label)
    return role.id if role else post_key(label)


_FILLER = {"of", "and", "the", "for", "s"}


@lru_cache(maxsize=1 << 16)  # pure in its strings; _holders asks it for every spell of every mention
def same_post(a: str, b: str) -> bool:
    """One post under two wordings: one known post (`role_key`), the same key, a near spelling, or
    every word of the shorter (three words at least, the same head word first) in the longer:
    "Director of Children's Services" is "Director of Children and Young People Services"."""
    ra, rb = role_of(a), role_of(b)
    if ra and rb:
        return ra.id == rb.id
    ka, kb = post_key(a), post_key(b)
    if ka == kb or fuzz.ratio(ka, kb) >= 92:
        return True
    ta, tb = ([w for w in k.split() if w not in _FILLER] for k in (ka, kb))
    short, long_ = sorted((ta, tb), key=len)
    return (
        len(short) >= 3
        and short[0] == long_[0]
        and all(any(fuzz.ratio(w, x) >= 90 for x in long_) for w in short)
    )


def split_spells(spells: list[Spell]) -> list[Spell]:
    """One observation bag per person+role+org -> one spell per stated start, and an acting or interim
    holding seen before the holder's first substantive start as a spell of its own.

    `spells` all belong to one person, role and organization; each carries what one
    statement or one attestation said. Attestations go to the latest spell that started on
    or before them (before the first stated start: the first spell)."""
    early, spells = _interim_before_substantive(spells)
    return ([_one_spell(early)] if early else []) + _by_start(spells)


def _interim_before_substantive(spells: list[Spell]) -> tuple[list[Spell], list[Spell]]:
    """ "the current Interim Chief Executive, Paul Satoor" on a page before his permanent appointment from a
    stated date: the observations of the interim holding dated before that start, apart from the rest."""
    firm = [s.stated_start for s in spells if s.stated_start and not s.interim]
    if not firm:
        return [], spells
    first = min(firm, key=lambda d: d.iso)

    def early(s: Spell) -> bool:
        dates = [*s.attested, *([s.stated_end] if s.stated_end else [])]
        return s.interim and not s.stated_start and bool(dates) and all(before(d, first) for d in dates)

    return [s for s in spells if early(s)], [s for s in spells if not early(s)]


def _one_spell(spells: list[Spell]) -> Spell:
    out = Spell(spells[0].person, spells[0].role_label, spells[0].org, spells[0].is_post)
    for s in spells:
        _absorb(out, s)
        if s.stated_end and (out.stated_end is None or before(out.stated_end, s.stated_end)):
            out.stated_end = s.stated_end
    return out


def _by_start(spells: list[Spell]) -> list[Spell]:
    """One spell per stated start (see `split_spells`)."""
    starts = sorted({s.stated_start for s in spells if s.stated_start})
    if len(starts) <= 1:
        out = _one_spell(spells)
        out.stated_start = starts[0] if starts else None
        return [out]
    outs = [
        Spell(spells[0].person, spells[0].role_label, spells[0].org, spells[0].is_post, stated_start=d)
        for d in starts
    ]

    def home(d: PartialDate) -> Spell:
        fit = [o for o in outs if o.stated_start and not before(d, o.stated_start)]
        return fit[-1] if fit else outs[0]

    for s in spells:
        if s.stated_start:
            target = outs[starts.index(s.stated_start)]
        elif s.stated_end:
            target = home(s.stated_end)
        else:
            target = home(min(s.attested)) if s.attested else outs[0]
        if s.stated_end:
            target.stated_end = s.stated_end
        for d in s.attested:
            home(d).attested.add(d)
        target.docs |= s.docs
        target.evidence |= s.evidence
        target.interim = target.interim or s.interim
    return outs


def _absorb(into: Spell, s: Spell) -> None:
    into.attested |= s.attested
    into.docs |= s.docs
    into.evidence |= s.evidence
    into.interim = into.interim or s.interim


def attach_role_only(
    spells: list[Spell] | Posts,
    org: object,
    post: str,
    start: PartialDate | None,
    end: PartialDate | None,
    doc: str | None = None,
) -> tuple[Spell | None, str]:
    """The spell of the one holder of `post` in `org` whose dates fit the statement.

    Fits: with a stated start, the holder is attested within start..end; with only an
    end, the holder's last attestation is on or before it. Where no holder fits so, a
    holder the same document names (a document dated after a departure still names the
    one who left) whose stated start does not come after the end. Returns (spell, "") or
    (None, why)."""
    if start is None and end is None:
        return None, "states no date"
    key = post_key(post)
    for holders in _holders(spells, org, post):
        if start is not None:
            cands = [
                s
                for s in holders
                if any(within(d, start, end) for d in s.attested)
                or (s.stated_start is not None and s.stated_start == start)
            ]
        else:
            assert end is not None  # a statement with neither date was answered above
            cands = [s for s in holders if s.last is not None and not before(end, s.last)]
            if not cands and doc is not None:
                cands = [
                    s
                    for s in holders
                    if doc in s.docs
                    and s.stated_end is None
                    and not (s.stated_start is not None and before(end, s.stated_start))
                ]
        people = {id(s.person) for s in cands}
        if len(people) == 1:
            return max(cands, key=lambda s: (fuzz.ratio(post_key(s.role_label), key), s.role_label)), ""
        if people:
            return None, "more than one holder fits its dates"
    return None, "no known holder fits its dates"


class Posts:
    """The post spells of a corpus by organization and written label, in their list order.

    A role-only statement or mention is compared with the labels of its own organization, each
    label once, instead of with every spell of the corpus: that scan made attaching them grow
    with (mentions x spells), a minute at 10,000 documents."""

    def __init__(self, spells: list[Spell]) -> None:
        self._labels: dict[int, dict[str, list[tuple[int, Spell]]]] = {}
        for i, s in enumerate(spells):
            if s.is_post:
                self._labels.setdefault(id(s.org), {}).setdefault(s.role_label, []).append((i, s))

    def holders(self, org: object, post: str) -> tuple[list[Spell], list[Spell]]:
        """The spells of `post` in `org`: as worded (same key, near spelling, one known post) first,
        then its longer wordings."""
        key, rk = post_key(post), role_key(post)
        strict: list[tuple[int, Spell]] = []
        looser: list[tuple[int, Spell]] = []
        for label, spells in self._labels.get(id(org), {}).items():
            if same_post(label, post):
                as_worded = (
                    post_key(label) == key or role_key(label) == rk or fuzz.ratio(post_key(label), key) >= 92
                )
                (strict if as_worded else looser).extend(spells)
        return [s for _i, s in sorted(strict, key=lambda t: t[0])], [
            s for _i, s in sorted(looser, key=lambda t: t[0])
        ]


def _holders(spells: list[Spell] | Posts, org: object, post: str) -> tuple[list[Spell], list[Spell]]:
    return (spells if isinstance(spells, Posts) else Posts(spells)).holders(org, post)


# an open spell (no end known) still fits a mention this many years after its last attestation
OPEN_SPELL_YEARS = 3


def _fits_on(s: Spell, date: PartialDate) -> bool:
    """The spell covers `date`: on or after its start, on or before its end; an open spell up to
    OPEN_SPELL_YEARS after it was last attested (a holder seen once in 2015 is no evidence for 2024)."""
    if s.start is None and s.end is None:
        return False
    if not within(date, s.start.date if s.start else None, s.end.date if s.end else None):
        return False
    if s.end is None:
        last = s.last or (s.start.date if s.start else date)
        return int(date.iso[:4]) - int(last.iso[:4]) <= OPEN_SPELL_YEARS
    return True


def attach_mention(
    spells: list[Spell] | Posts, org: object, post: str, date: PartialDate
) -> tuple[Spell | None, str]:
    """The spell of the one person who held `post` in `org` on `date`, for a mention that names
    only the post ("the Chief Executive said", in a meeting of that date). Run after
    `infer_bounds`: a spell covers its start..end. Returns (spell, "") or (None, why)."""
    for holders in _holders(spells, org, post):
        cands = [s for s in holders if _fits_on(s, date)]
        people = {id(s.person) for s in cands}
        if len(people) == 1:
            return max(
                cands, key=lambda s: (fuzz.ratio(post_key(s.role_label), post_key(post)), s.role_label)
            ), ""
        if people:
            names = sorted({getattr(s.person, "name", "?") for s in cands})
            return None, f"more than one holder on that date ({', '.join(names)})"
    return None, "no known holder on that date"


def infer_bounds(spells: list[Spell]) -> None:
    """Set `start` and `end` on every spell: stated where the text says, else inferred."""
    for s in spells:
        if s.stated_start:
            s.start = Bound(s.stated_start, "stated")
        elif s.first:
            s.start = Bound(s.first, "inferred")
        if s.stated_end:
            s.end = Bound(s.stated_end, "stated")
            if s.start and s.start.basis == "inferred" and before(s.end.date, s.start.date):
                s.start = None  # named by a later document after leaving: the first mention is no start
    # a successor's start ends the spell before it, in posts one person holds at a time
    groups: dict[tuple[int, str], list[Spell]] = {}
    for s in spells:
        if s.is_post or norm(s.role_label) in SINGLE_HOLDER_SEATS:
            groups.setdefault(
                (id(s.org), role_key(s.role_label) if s.is_post else post_key(s.role_label)), []
            ).append(s)
    for group in groups.values():
        _end_at_successors(group)


def _end_at_successors(group: list[Spell]) -> None:
    """End each open spell of one post at the next holder's first evidence: their start, or an earlier
    attestation (named as incoming), or the same holder's substantive spell after an interim one. The
    later spells' first evidences are kept sorted while walking back, so each spell finds its successor
    by bisection instead of scanning every later holder (a post with thousands of holders)."""
    dated = sorted(
        ((s.start.date, s) for s in group if s.start), key=lambda ds: (ds[0].iso, str(ds[1].role_label))
    )
    later: list[tuple[str, int]] = []  # (first evidence, index in dated) of the spells after the current one
    for i in range(len(dated) - 1, -1, -1):
        start, s = dated[i]
        if s.end is None:
            last = (s.last or start).iso
            # before(last, d) for a date d at any precision is d.iso > last.iso + "~" ("~" sorts after digits)
            k = bisect_right(later, (last + "~", -1))
            while k < len(later):
                iso, j = later[k]
                t = dated[j][1]
                if t.person is not s.person or (s.interim and not t.interim):
                    s.end = Bound(PartialDate(iso), "inferred")
                    break
                k += 1
        insort(later, (_first_evidence(s).iso, i))


def _first_evidence(s: Spell) -> PartialDate:
    """A dated spell's earliest evidence: its start, or an attestation before it. An inferred end of the
    spell before never passes it."""
    assert s.start is not None
    return s.first if s.first is not None and before(s.first, s.start.date) else s.start.date


# --- the stage: facts + resolution -> dated spells -------------------------------------------------

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


@dataclass(frozen=True, slots=True)
class Tenure:
    """One dated spell of one person in one role of one organization: the graph's org:Membership."""

    person: PersonEntity
    role_label: str
    org: BodyEntity
    is_post: bool
    stated_start: PartialDate | None  # what the membership's IRI is minted from: an inferred start moves
    start: Bound | None
    end: Bound | None
    interim: bool
    attested: frozenset[PartialDate]
    docs: frozenset[str]
    evidence: frozenset[str]
    role_forms: frozenset[str]  # every written form of the role in this organization ("DCS", ...)


@dataclass(frozen=True, slots=True)
class Tenures:
    """The tenure stage's record: the spells, the bodies it made for names no organization fact
    gives (a post's organization, a seat's committee), and what it could not attach."""

    spells: tuple[Tenure, ...]  # by person IRI, role label, organization IRI, stated start
    made: Mapping[BodyKey, BodyEntity]
    problems: tuple[Problem, ...]


class _People:
    """The person a name is in a document, if the graph may publish them."""

    def __init__(self, res: Resolution, include_private: bool) -> None:
        self._res, self._include_private = res, include_private

    def __call__(self, doc: str, name: str | None) -> PersonEntity | None:
        p = self._res.person(doc, name)
        if p is None or (not p.public and not self._include_private):
            return None
        return p


@dataclass(slots=True)
class _Read:
    """Posts and seats as read: one observation bag per person + role + organization, the written
    forms of each post, and the statements and mentions that name no holder (or no post)."""

    bags: dict[tuple[int, str, int], list[Spell]] = field(default_factory=dict)
    forms: dict[tuple[int, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    statements: list[tuple[str, PostFact]] = field(default_factory=list)
    mentions: list[tuple[str, PostFact]] = field(default_factory=list)


def attach_tenures(
    facts_by_doc: dict[str, list[Fact]], res: Resolution, *, include_private: bool = False
) -> Tenures:
    """Posts and seats -> spells (one per person + role + organization + stated start), with
    role-only statements and mentions attached to their one holder and every start and end dated.

    One post under several written forms ("DCS", "Director for Children's Services") is one role
    (`role_key`): its spells carry the most used written form (the fullest on a tie; a known
    post's own label where only abbreviations are written), and every form rides on each spell
    (`Tenure.role_forms`) for the Role node's `skos:altLabel`."""
    bodies, person = BodyTable(res), _People(res, include_private)
    read = _read_posts_and_seats(facts_by_doc, person, bodies, res)
    spells = [s for bag in read.bags.values() for s in split_spells(bag)]
    alt = _label_roles(read, spells, bodies, res)
    posts = Posts(spells)  # role-only statements and mentions look among their organization's posts
    problems = _attach_statements(read.statements, spells, posts, person, bodies, res, alt)
    infer_bounds(spells)
    problems += _attach_mentions(read.mentions, posts, bodies, res, alt)
    iri_of = EntityIris()
    spells.sort(
        key=lambda s: (
            str(iri_of(cast(PersonEntity, s.person))),
            s.role_label,
            str(iri_of(cast(BodyEntity, s.org))),
            s.stated_start.iso if s.stated_start else "",
        )
    )
    return Tenures(tuple(_tenure(s, alt) for s in spells), bodies.made(), tuple(problems))


def _tenure(s: Spell, alt: dict[tuple[int, str], set[str]]) -> Tenure:
    return Tenure(
        person=cast(PersonEntity, s.person),
        role_label=s.role_label,
        org=cast(BodyEntity, s.org),
        is_post=s.is_post,
        stated_start=s.stated_start,
        start=s.start,
        end=s.end,
        interim=s.interim,
        attested=frozenset(s.attested),
        docs=frozenset(s.docs),
        evidence=frozenset(s.evidence),
        role_forms=frozenset(alt.get((id(s.org), norm(s.role_label)), ())),
    )


def post_org_name(f: PostFact, council: str) -> str:
    """The name of a post's organization: the one it names, else the document's council (the
    graph stages by council ask it too, to find the organizations several councils name)."""
    return f.org or council or "Unknown organization"


def _org_of(f: PostFact, doc: str, bodies: BodyTable, res: Resolution) -> BodyEntity | None:
    return bodies.find(doc, post_org_name(f, res.councils.get(doc, "")))


def _read_posts_and_seats(
    facts_by_doc: dict[str, list[Fact]], person: _People, bodies: BodyTable, res: Resolution
) -> _Read:
    read = _Read()
    for doc in sorted(facts_by_doc):
        for f in facts_by_doc[doc]:
            if isinstance(f, PostFact):
                if f.role_only or not f.person:
                    if f.start is None and f.end is None and f.date is not None:
                        read.mentions.append(
                            (doc, f)
                        )  # "the Chief Executive said": who, once spells are dated
                    else:
                        read.statements.append((doc, f))
                    continue
                p = person(doc, f.person)
                o = _org_of(f, doc, bodies, res)
                role_label, is_post = f.post, True
            elif isinstance(f, SeatFact):
                p = person(doc, f.person)
                o = bodies.find(doc, f.body, OrgKind.COMMITTEE)
                role_label, is_post = SEAT_LABELS[f.role.value], False
            else:
                continue
            if not p or not o:
                continue
            if not role_label:  # "Mark Smith left the council in March 2024": ends his open spells there
                if isinstance(f, PostFact):
                    read.statements.append((doc, f))
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
            rk = role_key(role_label) if is_post else post_key(role_label)
            if is_post:
                read.forms[(id(o), rk)][role_label] += 1
            read.bags.setdefault((id(p), rk, id(o)), []).append(obs)
    return read


def _label_roles(
    read: _Read, spells: list[Spell], bodies: BodyTable, res: Resolution
) -> dict[tuple[int, str], set[str]]:
    """One label per role, on every holder's spell (so the Role node is shared); returns the
    written forms of each role, by (organization, label)."""
    for doc, f in read.statements + read.mentions:  # a role-only wording of a role with holders is a form too
        o = _org_of(f, doc, bodies, res)
        if f.post and o is not None and (id(o), role_key(f.post)) in read.forms:
            read.forms[(id(o), role_key(f.post))][f.post] += 1
    labels = {k: _role_label(c) for k, c in read.forms.items()}
    for s in spells:
        if s.is_post:
            s.role_label = labels[(id(s.org), role_key(s.role_label))]
    alt: dict[tuple[int, str], set[str]] = defaultdict(set)
    for (oid, rk), c in read.forms.items():
        alt[(oid, norm(labels[(oid, rk)]))] |= set(c)
    return alt


def _attached(hit: Spell, doc: str, f: PostFact, alt: dict[tuple[int, str], set[str]]) -> None:
    hit.docs.add(doc)
    hit.evidence.add(f.evidence.text)
    alt[(id(hit.org), norm(hit.role_label))].add(f.post)


def _attach_statements(
    statements: list[tuple[str, PostFact]],
    spells: list[Spell],
    posts: Posts,
    person: _People,
    bodies: BodyTable,
    res: Resolution,
    alt: dict[tuple[int, str], set[str]],
) -> list[Problem]:
    """Statements of a start or an end that name no post, or no holder, onto the spells they date:
    starts first, as they date a holder an end-only statement may then rule out."""
    problems: list[Problem] = []
    of_person: dict[int, list[Spell]] = defaultdict(list)
    for s in spells:
        of_person[id(s.person)].append(s)
    for doc, f in sorted(statements, key=lambda st: (st[1].start is None, st[0], st[1].evidence.start)):
        o = _org_of(f, doc, bodies, res)
        if f.person and f.start and not f.post:
            problems += _named_start(doc, f, o, of_person.get(id(person(doc, f.person)), []))
        elif f.person:
            _named_end(doc, f, o, of_person.get(id(person(doc, f.person)), []))
        else:
            hit, why = attach_role_only(posts, o, f.post, f.start, f.end, doc)
            if hit is None:
                problems.append(
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
            _attached(hit, doc, f, alt)
    return problems


def _named_start(doc: str, f: PostFact, o: BodyEntity | None, theirs: list[Spell]) -> list[Problem]:
    """ "Ms Ellwood ... will take up the post on 1 August 2021": the one post this document names
    her in, in that organization, starts then."""
    fit = [s for s in theirs if s.org is o and s.is_post and doc in s.docs and s.stated_start is None]
    if len(fit) == 1:
        fit[0].stated_start = f.start
        fit[0].docs.add(doc)
        fit[0].evidence.add(f.evidence.text)
        return []
    return [
        Problem(
            doc_id=doc,
            stage="graph.tenure",
            code="W301",
            message=f"{f.person!r} starts {f.start}: {len(fit)} posts of this document fit; not attached",
        )
    ]


def _named_end(doc: str, f: PostFact, o: BodyEntity | None, theirs: list[Spell]) -> None:
    """ "Mark Smith left the council in March 2024": his open spells in that organization, last
    attested no later, end then."""
    for s in theirs:
        if s.org is o and f.end and s.stated_end is None and (s.last is None or not before(f.end, s.last)):
            s.stated_end = f.end
            s.docs.add(doc)
            s.evidence.add(f.evidence.text)


def _attach_mentions(
    mentions: list[tuple[str, PostFact]],
    posts: Posts,
    bodies: BodyTable,
    res: Resolution,
    alt: dict[tuple[int, str], set[str]],
) -> list[Problem]:
    """ "the Chief Executive said" in a meeting of 2023-05-04: an attestation of the one holder then. A
    meeting's minutes name the post many times on one date, so the answer for (organization, post, date)
    is kept until an attestation moves some spell's last evidence (which can change what fits)."""
    problems = []
    answers: dict[tuple[int, str, str], tuple[Spell | None, str]] = {}
    for doc, f in mentions:
        o = _org_of(f, doc, bodies, res)
        if f.date is None:  # not kept as a mention (see `_read_posts_and_seats`); for the type checker
            continue
        key = (id(o), f.post, f.date.iso)
        if key not in answers:
            answers[key] = attach_mention(posts, o, f.post, f.date)
        hit, why = answers[key]
        if hit is None:
            code = "W302" if why.startswith("more than one") else "W303"
            problems.append(
                Problem(
                    doc_id=doc,
                    stage="graph.tenure",
                    code=code,
                    message=f"role-only mention {f.post!r} on {f.date}: {why}; not attached "
                    f"({f.evidence.text[:80]!r})",
                )
            )
            continue
        last = hit.last
        hit.attested.add(f.date)
        if hit.last != last:
            answers.clear()
        _attached(hit, doc, f, alt)
    return problems


def _role_label(written: Counter) -> str:
    """The label of a role from its written forms: the most used, then a known post's own label, then
    the longest; abbreviations ("DCS") only where nothing else is written."""
    role = next((r for r in map(role_of, sorted(written)) if r is not None), None)
    full = Counter({w: n for w, n in written.items() if not is_abbreviation(w)})
    if not full:
        return role.label if role else max(written, key=lambda w: (written[w], len(w), w))
    return max(full, key=lambda w: (full[w], role is not None and w == role.label, len(w), w))
