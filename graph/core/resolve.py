"""Mentions -> entities: who is who, and which body is which, across all documents.

Extraction writes names as each document gives them ("Cllr Fagan", "Toni Fagan",
"Jess Karia"); only this stage decides that two names are one person. The rules, in
order of strength:
  1. the same full name (honorifics dropped, case folded) in the same council's papers;
  2. a partial name ("Fagan", "J Rathmell", "Jess Karia") folds into the one full name
     of that council whose surname and first initial fit, looking first in the same
     document, then in the council's other papers; where two full names fit, a
     councillor's title ("Cllr Powell") picks the one councillor among them, else the
     partial name is reported (W300) and published as no one rather than guessed;
  1b. a familiar first name ("Nicky Turvey") folds into the one formal form of the same
     document ("Nicola Turvey"); across documents the two stay apart (no evidence joins them);
  1c. initials ("TF") stand for the one person of the same document with those initials;
  3. bodies: the same normalised name (or a defined acronym); committees only within
     one council ("Cabinet" of two councils is two bodies).
People of different councils stay apart unless nothing but their name is known of
either (an external official named in two councils' papers is one person).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from extract.names import clean_name, name_key
from extract.records import (
    ActionFact,
    Fact,
    MentionSource,
    OrganizationFact,
    OrgKind,
    PersonFact,
    Problem,
    SeatFact,
)
from extract.vocab.bodies import acronym_fits
from graph.core.iris import mint, norm


@dataclass(slots=True)
class PersonEntity:
    key: str
    council: str
    names: Counter = field(default_factory=Counter)
    public: bool = False
    docs: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The best written form of the entity's own full name ("Nicola Turvey", not "Nicky Turvey")."""
        own = Counter({n: c for n, c in self.names.items() if name_key(n) == self.key.split(" #")[0]})
        return best_form(own or self.names)

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
    return min(names, key=lambda n: (-len(n.split()), -names[n], n))


# familiar -> formal first names, the pairs English council papers use; both sides lower case
NICKNAMES: dict[str, set[str]] = {
    "nicky": {"nicola", "nicholas"},
    "nick": {"nicholas", "nicola"},
    "liz": {"elizabeth"},
    "beth": {"elizabeth"},
    "lizzie": {"elizabeth"},
    "betty": {"elizabeth"},
    "kath": {"katherine", "kathryn", "catherine", "kathleen"},
    "kate": {"katherine", "kathryn", "catherine"},
    "katie": {"katherine", "kathryn", "catherine"},
    "cathy": {"catherine"},
    "jo": {"joanne", "joanna", "josephine"},
    "jess": {"jessica"},
    "jack": {"john"},
    "jim": {"james"},
    "jimmy": {"james"},
    "bill": {"william"},
    "will": {"william"},
    "bob": {"robert"},
    "rob": {"robert"},
    "bobby": {"robert"},
    "dick": {"richard"},
    "rick": {"richard"},
    "dave": {"david"},
    "mike": {"michael"},
    "mick": {"michael"},
    "tony": {"anthony"},
    "toni": {"antonia"},
    "andy": {"andrew"},
    "steve": {"stephen", "steven"},
    "chris": {"christopher", "christine", "christina"},
    "pete": {"peter"},
    "tom": {"thomas"},
    "tim": {"timothy"},
    "ted": {"edward"},
    "ed": {"edward", "edwin"},
    "sam": {"samantha", "samuel"},
    "sue": {"susan", "suzanne"},
    "sally": {"sarah"},
    "jenny": {"jennifer"},
    "jen": {"jennifer"},
    "maggie": {"margaret"},
    "meg": {"margaret"},
    "peggy": {"margaret"},
    "pat": {"patricia", "patrick"},
    "becky": {"rebecca"},
    "bex": {"rebecca"},
    "vicky": {"victoria"},
    "vicki": {"victoria"},
    "di": {"diana", "diane"},
    "debbie": {"deborah"},
    "deb": {"deborah"},
    "mandy": {"amanda"},
    "fran": {"frances", "francesca"},
    "alex": {"alexander", "alexandra"},
    "ben": {"benjamin"},
    "dan": {"daniel"},
    "danny": {"daniel"},
    "matt": {"matthew"},
    "phil": {"philip", "phillip"},
    "greg": {"gregory"},
    "ron": {"ronald"},
    "don": {"donald"},
    "les": {"leslie", "lesley"},
    "jackie": {"jacqueline"},
    "jacqui": {"jacqueline"},
    "gill": {"gillian"},
    "val": {"valerie"},
    "pam": {"pamela"},
    "tina": {"christina", "valentina"},
    "ellie": {"eleanor"},
    "nell": {"eleanor", "helen"},
    "harry": {"henry", "harold"},
    "hal": {"henry"},
    "charlie": {"charles", "charlotte"},
    "len": {"leonard"},
    "ray": {"raymond"},
    "terry": {"terence"},
    "gerry": {"gerald", "geraldine"},
}

_COUNCILLOR = re.compile(r"^\s*(?:councillors?|cllrs?)\b\.?", re.I)
_INITIALS = re.compile(r"^[A-Z]{2,3}$")


def familiar_fits(formal_key: str, familiar_key: str) -> bool:
    """ "nicky turvey" may be "nicola turvey": same surname, a known familiar form of the first name."""
    ft, pt = formal_key.split(), familiar_key.split()
    return (
        len(ft) == len(pt) >= 2
        and ft[1:] == pt[1:]
        and ft[0] != pt[0]
        and ft[0] in NICKNAMES.get(pt[0], set())
    )


def is_person_name(name: str) -> bool:
    """A mention resolution will treat as a person: a name `clean_name` accepts, or an initial + surname."""
    return clean_name(name) is not None or bool(re.match(r"^[A-Z]\.?\s+[A-Z][a-z]", name))


def _weak(fact: Fact) -> bool:
    """A person mention read only by the model or from an owner/maker cell: needs a name's shape."""
    return isinstance(fact, PersonFact) and fact.source in (MentionSource.MODEL, MentionSource.CELL)


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


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who is who and which body is which: the resolve stage's record. The stages after it read it
    and add nothing to it (a body only they name is theirs: `graph.core.bodies.BodyTable`)."""

    people: dict[tuple[str, str], PersonEntity]  # (council, key) -> entity
    person_of: dict[tuple[str, str], PersonEntity]  # (doc, name as extracted) -> entity
    bodies: dict[tuple[str, str], BodyEntity]  # (scope, key) -> entity
    body_alias: dict[tuple[str, str], BodyEntity]  # (scope, alias key) -> entity
    councils: dict[str, str]  # doc -> council
    problems: tuple[Problem, ...]

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


@lru_cache(maxsize=1 << 16)  # pure; the build keys every body name of every fact
def body_key(name: str) -> str:
    k = norm(name)
    k = re.sub(r"^the ", "", k)
    k = k.replace("childrens", "children s").replace("sub committee", "subcommittee")
    return k


@dataclass(frozen=True, slots=True)
class Joins:
    """What resolution decides from more than one council, worked out once over the whole corpus so
    that each council's papers can be resolved on their own (`graph.core.councils`): the first names
    rule-read people have anywhere (`_model_only`), and the bodies of the national scope "" (every
    body but a council's committees: their best name, aliases and merges count every council's papers)."""

    first_names: frozenset[str]
    bodies: dict[tuple[str, str], BodyEntity]  # ("", key) -> entity
    body_alias: dict[tuple[str, str], BodyEntity]  # ("", alias key) -> entity


def resolve(
    docs: dict[str, dict], facts_by_doc: dict[str, list[Fact]], joins: Joins | None = None
) -> Resolution:
    """Documents' headers and facts -> the people and bodies they name, and the names left unresolved.
    With `joins`, the documents are one council's (or those with no council) and the corpus-wide
    decisions come from it: the result is this council's share of the whole corpus's resolution."""
    councils = {d: (h.get("council") or "") for d, h in docs.items()}
    problems: list[Problem] = []
    m = _gather_mentions(facts_by_doc, councils)
    ambiguous = _run_together(m)  # reported or run-together names: published as no one
    alias_of = _spilt_words(m, ambiguous)
    known = {ck for ck in m.forms if not _is_partial(ck[1]) and ck not in ambiguous}
    full_keys = sorted(ck for ck in known if ck not in alias_of)
    ambiguous |= _model_only(m, full_keys, joins.first_names if joins else frozenset())
    by_surname: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for ck in full_keys:
        by_surname[(ck[0], ck[1].split()[-1])].append(ck)
    _fold_shortened(m, full_keys, by_surname, alias_of)
    problems += _fold_partials(m, by_surname, alias_of, ambiguous)
    people = _people(m, alias_of)
    person_of: dict[tuple[str, str], PersonEntity] = {}
    for doc, keys in m.per_doc_keys.items():
        for k in keys:
            if (councils.get(doc, ""), k) not in ambiguous:  # reported, and published as no one
                person_of[(doc, k)] = people[(councils.get(doc, ""), k)]
    _split_by_era({d: (h.get("date") or "") for d, h in docs.items()}, person_of)
    _resolve_initials(facts_by_doc, councils, person_of)
    if joins is None:
        bodies, body_alias = _bodies(facts_by_doc, councils)
    else:  # this council's committees here; the national scope from the whole corpus
        bodies, body_alias = _bodies(facts_by_doc, councils, national=False)
        bodies.update(joins.bodies)
        body_alias.update(joins.body_alias)
    return Resolution(
        people=people,
        person_of=person_of,
        bodies=bodies,
        body_alias=body_alias,
        councils=councils,
        problems=tuple(problems),
    )


CouncilKey = tuple[str, str]  # (council, name key)


@dataclass(slots=True)
class _Mentions:
    """What the corpus says of each (council, name key), gathered in one pass over the facts."""

    forms: dict[CouncilKey, Counter] = field(default_factory=lambda: defaultdict(Counter))  # written forms
    public: dict[CouncilKey, bool] = field(default_factory=dict)
    docs_of: dict[CouncilKey, set[str]] = field(default_factory=lambda: defaultdict(set))
    per_doc_keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    councillor: set[CouncilKey] = field(default_factory=set)  # with a councillor's title, or holding a seat
    strong: set[CouncilKey] = field(default_factory=set)  # read once by more than the model or an owner cell
    not_model: set[CouncilKey] = field(default_factory=set)  # read at least once by a rule


def _gather_mentions(facts_by_doc: dict[str, list[Fact]], councils: dict[str, str]) -> _Mentions:
    m = _Mentions()
    body_names: dict[str, set[str]] = defaultdict(set)
    for doc, facts in sorted(facts_by_doc.items()):
        for f in facts:
            if isinstance(f, OrganizationFact):
                body_names[doc] |= {name_key(n) for n in (f.name, *f.aliases)}
    for doc, facts in sorted(facts_by_doc.items()):
        council = councils.get(doc, "")
        for f in facts:
            for name, pub in _person_names(f):
                k = name_key(name)
                if not k or _INITIALS.match(name.strip()):  # "TF", "CEO": only as initials of a known person
                    continue
                if _weak(f) and (not is_person_name(name) or k in body_names[doc]):  # "Grant Thornton"
                    continue
                ck = (council, k)
                if not _weak(f):
                    m.strong.add(ck)
                if not (isinstance(f, PersonFact) and f.source == MentionSource.MODEL):
                    m.not_model.add(ck)
                if _COUNCILLOR.match(getattr(f, "written", "") or "") or isinstance(f, SeatFact):
                    m.councillor.add(ck)
                m.forms[ck][name] += 1
                m.docs_of[ck].add(doc)
                m.per_doc_keys[doc].add(k)
                if pub is not None:
                    m.public[ck] = m.public.get(ck, False) or pub
    return m


def _run_together(m: _Mentions) -> set[CouncilKey]:
    """Two names run together ("Dylan Harrison Rachel Gillott", from a table cell) are two people,
    not a third: such names name no one."""
    out = set()
    for ck in sorted(m.forms):
        toks = ck[1].split()
        if (
            len(toks) == 4
            and (ck[0], " ".join(toks[:2])) in m.forms
            and (ck[0], " ".join(toks[2:])) in m.forms
        ):
            out.add(ck)
    return out


def _spilt_words(m: _Mentions, ambiguous: set[CouncilKey]) -> dict[CouncilKey, CouncilKey]:
    """Words spilt from the next cell ("Please Call Simon Cann", "Dave Greenow Full") onto a known
    name: the one known name inside it, named in a document with it, is who it is."""
    alias_of: dict[CouncilKey, CouncilKey] = {}
    known = {ck for ck in m.forms if not _is_partial(ck[1]) and ck not in ambiguous}
    for ck in sorted(known):
        toks = ck[1].split()
        if len(toks) < 3:
            continue
        inner = [
            (ck[0], " ".join(toks[i:j]))
            for i in range(len(toks))
            for j in range(i + 2, len(toks) + 1)
            if j - i < len(toks)
        ]
        fits = sorted({o for o in inner if o in known and m.docs_of[o] & m.docs_of[ck]})
        if len(fits) == 1:
            alias_of[ck] = fits[0]
    return alias_of


def rule_first_names(docs: dict[str, dict], facts_by_doc: dict[str, list[Fact]]) -> set[str]:
    """The first names of the full names a rule read in these papers: the share of one council (or of
    the papers with no council) in what `_model_only` asks of the whole corpus."""
    return first_names_read_and_asked(docs, facts_by_doc)[0]


def first_names_read_and_asked(
    docs: dict[str, dict], facts_by_doc: dict[str, list[Fact]]
) -> tuple[set[str], set[str]]:
    """`rule_first_names`, and the first names `_model_only` asks the corpus about when it resolves
    these papers: a council's resolution reads of the corpus's first names only these, so a rebuild
    keeps its graph while another council's papers bring first names it never asks about."""
    m = _gather_mentions(facts_by_doc, {d: (h.get("council") or "") for d, h in docs.items()})
    ambiguous = _run_together(m)
    alias_of = _spilt_words(m, ambiguous)
    known = {ck for ck in m.forms if not _is_partial(ck[1]) and ck not in ambiguous}
    full_keys = [ck for ck in known if ck not in alias_of]
    read = {ck[1].split()[0] for ck in full_keys if ck in m.not_model}
    asked = {ck[1].split()[0] for ck in full_keys if ck not in m.not_model and sum(m.forms[ck].values()) == 1}
    return read, asked


def _model_only(
    m: _Mentions, full_keys: list[CouncilKey], elsewhere: frozenset[str] = frozenset()
) -> set[CouncilKey]:
    """The model alone, once, with a first name no rule-read person has ("Early Help", "Foster
    Carers"): too little to publish a person on; "Simon Trickett" keeps his, as the corpus knows a Simon
    (here, or in another council's papers: `elsewhere`)."""
    first_names = (
        {ck[1].split()[0] for ck in full_keys if ck in m.not_model}
        | elsewhere
        | set(NICKNAMES)
        | {n for forms in NICKNAMES.values() for n in forms}
    )
    return {
        ck
        for ck in full_keys
        if ck not in m.not_model and sum(m.forms[ck].values()) == 1 and ck[1].split()[0] not in first_names
    }


def _fold_shortened(
    m: _Mentions,
    full_keys: list[CouncilKey],
    by_surname: dict[CouncilKey, list[CouncilKey]],
    alias_of: dict[CouncilKey, CouncilKey],
) -> None:
    """Shortened first names ("Jess Karia" -> "Jessica Karia") fold into the one longer form; a
    familiar one ("Nicky Turvey" -> "Nicola Turvey") into the one formal form of the same document."""
    for ck in full_keys:
        cands = [
            o
            for o in by_surname[(ck[0], ck[1].split()[-1])]
            if o != ck
            and len(o[1].split()) == len(ck[1].split())
            and len(o[1]) > len(ck[1])
            and _fits(o[1], ck[1])
            and len(ck[1].split()[0]) >= 3
        ]
        if not cands:
            cands = [
                o
                for o in by_surname[(ck[0], ck[1].split()[-1])]
                if familiar_fits(o[1], ck[1]) and m.docs_of[o] & m.docs_of[ck]
            ]
        if len(cands) == 1:
            alias_of[ck] = cands[0]


def _fold_partials(
    m: _Mentions,
    by_surname: dict[CouncilKey, list[CouncilKey]],
    alias_of: dict[CouncilKey, CouncilKey],
    ambiguous: set[CouncilKey],
) -> list[Problem]:
    """A partial name folds into the one full name that fits, looking in its own documents first;
    several that fit are reported (W300) and the name is no one."""
    problems = []
    for ck in sorted(m.forms):
        if ck in alias_of or not _is_partial(ck[1]):
            continue
        council, k = ck
        cands = [o for o in by_surname[(council, k.split()[-1])] if _fits(o[1], k) and o not in alias_of]
        same_doc = [o for o in cands if m.docs_of[o] & m.docs_of[ck]]
        pick = same_doc if len(same_doc) >= 1 else cands
        if len(pick) > 1 and ck in m.councillor:  # "Cllr Powell": the one councillor among them
            pick = [o for o in pick if o in m.councillor] or pick
        if len(pick) == 1:
            alias_of[ck] = pick[0]
        elif not pick and ck not in m.strong:  # "Leadership", "Col" from an owner cell: names no one
            ambiguous.add(ck)
        elif len(pick) > 1:
            ambiguous.add(ck)
            problems.append(
                Problem(
                    doc_id=sorted(m.docs_of[ck])[0],
                    stage="graph.resolve",
                    code="W300",
                    message=f"{sorted(m.forms[ck])[0]!r} could be any of "
                    f"{', '.join(sorted(best_form(m.forms[o]) for o in pick))}; kept apart",
                )
            )
    return problems


def _people(m: _Mentions, alias_of: dict[CouncilKey, CouncilKey]) -> dict[CouncilKey, PersonEntity]:
    """One entity per name that is no other's alias; every name leads to its entity."""
    people: dict[CouncilKey, PersonEntity] = {}
    for ck in sorted(m.forms):
        target = alias_of.get(ck, ck)
        while target in alias_of:
            target = alias_of[target]
        ent = people.get(target)
        if ent is None:
            ent = people[target] = PersonEntity(key=target[1], council=target[0])
        ent.names.update(m.forms[ck])
        ent.public = ent.public or m.public.get(ck, False)
        ent.docs |= m.docs_of[ck]
        people[ck] = ent
    return people


OrgMention = tuple[str, str, OrgKind, str, tuple[str, ...]]  # (doc, council, kind, name, aliases)


def org_mentions(facts_by_doc: dict[str, list[Fact]], councils: dict[str, str]) -> list[OrgMention]:
    """The organization facts of these documents, in order, as `bodies_of` reads them."""
    return [
        (doc, councils.get(doc, ""), f.kind, f.name, f.aliases)
        for doc, facts in sorted(facts_by_doc.items())
        for f in facts
        if isinstance(f, OrganizationFact)
    ]


def _bodies(
    facts_by_doc: dict[str, list[Fact]], councils: dict[str, str], national: bool | None = None
) -> tuple[dict[tuple[str, str], BodyEntity], dict[tuple[str, str], BodyEntity]]:
    """Organization facts -> bodies by (scope, key) and by (scope, alias key); with `national` True
    only the national scope "", False only the councils' committees (each scope is resolved alone)."""
    return bodies_of(org_mentions(facts_by_doc, councils), national)


def bodies_of(
    mentions: list[OrgMention], national: bool | None = True
) -> tuple[dict[tuple[str, str], BodyEntity], dict[tuple[str, str], BodyEntity]]:
    """Organization mentions (in document order) -> bodies by (scope, key) and by (scope, alias key):
    by default those of the national scope "" only, which `Joins` carries to every council."""
    bodies: dict[tuple[str, str], BodyEntity] = {}
    body_alias: dict[tuple[str, str], BodyEntity] = {}
    for doc, council, kind, name, aliases in mentions:
        scope = council if kind == OrgKind.COMMITTEE else ""
        if national is not None and (scope == "") != national:
            continue
        k = body_key(name)
        ent = bodies.get((scope, k)) or body_alias.get((scope, k))
        if ent is None:
            ent = bodies[(scope, k)] = BodyEntity(
                key=k, scope=scope, kind=kind, parent=council if kind == OrgKind.COMMITTEE else None
            )
        ent.names[name] += 1
        ent.docs.add(doc)
        for a in aliases:
            body_alias.setdefault((scope, body_key(a)), ent)
    _merge_near_bodies(bodies)
    _merge_subset_names(bodies, body_alias)
    _merge_short_forms(bodies, body_alias)
    return bodies, body_alias


ERA_GAP_YEARS = 10


def _split_by_era(doc_dates: dict[str, str], person_of: dict[tuple[str, str], PersonEntity]) -> None:
    """One name in one council's papers a decade or more apart, with nothing between, is two people:
    nothing but the name joins them. Each later era becomes its own entity (key + first year)."""
    by_entity: dict[int, list[tuple[str, str]]] = defaultdict(list)
    ents: dict[int, PersonEntity] = {}
    for (doc, k), ent in person_of.items():
        by_entity[id(ent)].append((doc, k))
        ents[id(ent)] = ent
    for eid, refs in sorted(by_entity.items(), key=lambda kv: ents[kv[0]].key):
        ent = ents[eid]
        years = sorted({int(doc_dates[d][:4]) for d in ent.docs if doc_dates.get(d)})
        cuts = [b for a, b in zip(years, years[1:], strict=False) if b - a >= ERA_GAP_YEARS]
        if not cuts:
            continue
        eras: dict[int, PersonEntity] = {}
        for doc, k in refs:
            date = doc_dates.get(doc)
            if not date:
                continue
            era = max((c for c in cuts if c <= int(date[:4])), default=None)
            if era is None:
                continue
            new = eras.get(era)
            if new is None:
                new = eras[era] = PersonEntity(
                    key=f"{ent.key} #{era}", council=ent.council, names=Counter(ent.names), public=ent.public
                )
            new.docs.add(doc)
            ent.docs.discard(doc)
            person_of[(doc, k)] = new


def _resolve_initials(
    facts_by_doc: dict[str, list[Fact]],
    councils: dict[str, str],
    person_of: dict[tuple[str, str], PersonEntity],
) -> None:
    """ "TF" in a plan is the one person of that document whose initials are TF (a key line
    "TF - Toni Fagan" puts her there); two such people, or none, leave it unresolved."""
    initials_of: dict[str, set[str]] = {}
    for doc, facts in facts_by_doc.items():
        written = {
            o for f in facts if isinstance(f, ActionFact) for o in f.owners if _INITIALS.match(o.strip())
        }
        written |= {
            v for f in facts for v in (getattr(f, "person", None),) if v and _INITIALS.match(v.strip())
        }
        written |= {f.name for f in facts if isinstance(f, PersonFact) and _INITIALS.match(f.name.strip())}
        if written:
            initials_of[doc] = written
    # each document's people, in one pass (asked per document, this scanned every document's people
    # for each document with initials: quadratic in the corpus)
    people_of: dict[str, dict[int, PersonEntity]] = defaultdict(dict)
    for (d, _k), e in person_of.items():
        if d in initials_of:
            people_of[d][id(e)] = e

    def letters(e: PersonEntity) -> str | None:  # "TF" for Toni Fagan; None for a name of one word
        words = e.name.split()
        return "".join(t[0] for t in words).upper() if len(words) >= 2 else None

    for doc, written in initials_of.items():
        here = {i: (e, letters(e)) for i, e in people_of[doc].items()}
        for ini in sorted(written):
            fits = [e for e, known in here.values() if known in {ini, ini[0] + ini[-1]}]
            if len(fits) == 1 and (doc, ini.lower()) not in person_of:
                person_of[(doc, ini.lower())] = fits[0]
                fits[0].names[ini] += 1
                here[id(fits[0])] = (fits[0], letters(fits[0]))  # a name added can change the name it goes by


_BODY_FILLER = frozenset({"and", "of", "the", "for", "s"})


def _merge_near_bodies(bodies: dict[tuple[str, str], BodyEntity]) -> None:
    """Spelling variants of one body in one scope ("Children's" / "Childrens") become one entity,
    and so do word-order variants of a name of three words or more ("Herefordshire Children
    Safeguarding Partnership" / "Herefordshire Safeguarding Children Partnership")."""
    scopes: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k in sorted(bodies):  # pairs within a scope only: the work grows with the largest council, not all
        scopes[k[0]].append(k)
    for keys in scopes.values():
        _merge_near_in_scope(bodies, keys)


def _merge_near_in_scope(bodies: dict[tuple[str, str], BodyEntity], keys: list[tuple[str, str]]) -> None:
    words = {k: frozenset(k[1].split()) - _BODY_FILLER for k in keys}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if bodies[a] is bodies[b]:
                continue
            same_words = len(words[a]) >= 3 and words[a] == words[b]
            if same_words or (fuzz.ratio(a[1], b[1]) >= 96 and len(a[1]) > 12):
                keep, drop = bodies[a], bodies[b]
                keep.names.update(drop.names)
                keep.docs |= drop.docs
                bodies[b] = keep


def _fold_body(short: BodyEntity, keep: BodyEntity, *tables: dict[tuple[str, str], BodyEntity]) -> None:
    """`short` is `keep` under another name: its names and documents move over, and every key
    of `tables` that led to `short` now leads to `keep`."""
    keep.names.update(short.names)
    keep.docs |= short.docs
    for table in tables:
        for k, e in list(table.items()):
            if e is short:
                table[k] = keep


def _merge_subset_names(
    bodies: dict[tuple[str, str], BodyEntity], body_alias: dict[tuple[str, str], BodyEntity]
) -> None:
    """A shortened name ("Safeguarding Partnership", "Safeguarding Children Partnership") is the one
    body of its scope, named in the same document, whose name holds all its words and ends with the
    same head word; where two bodies fit, all stay apart."""
    entities = sorted({id(e): e for e in bodies.values()}.values(), key=lambda e: (e.scope, e.key))
    words = {id(e): frozenset(e.key.split()) - _BODY_FILLER for e in entities}
    for short in entities:
        w = words[id(short)]
        if len(w) < 2:
            continue
        fits = [
            e
            for e in entities
            if e is not short
            and e.scope == short.scope
            and w < words[id(e)]
            and e.key.split()[-1] == short.key.split()[-1]
            and e.docs & short.docs
        ]
        if len(fits) != 1:
            continue
        _fold_body(short, fits[0], bodies, body_alias)
        words[id(short)] = frozenset()


def _merge_short_forms(
    bodies: dict[tuple[str, str], BodyEntity], body_alias: dict[tuple[str, str], BodyEntity]
) -> None:
    """A short form with an acronym ("CYP Scrutiny", named so in a document that never spells it out) is
    the one body of the same scope whose full name it fits ("Children and Young People Scrutiny
    Committee"); where two fit, both stay apart."""
    entities = {id(e): e for e in bodies.values()}
    for short in sorted(entities.values(), key=lambda e: (e.scope, e.key)):
        if not re.search(r"\b[A-Z]{2,5}\b", short.name):
            continue
        fits = [
            e
            for e in entities.values()
            if e is not short
            and e.scope == short.scope
            and not re.search(r"\b[A-Z]{2,5}\b", e.name)
            and acronym_fits(short.name, e.name)
        ]
        if len({id(e) for e in fits}) != 1:
            continue
        _fold_body(short, fits[0], bodies, body_alias)
        del entities[id(short)]


def _person_names(fact: Fact) -> list[tuple[str, bool | None]]:
    if isinstance(fact, PersonFact):
        return [(fact.name, fact.public)]
    out: list[tuple[str, bool | None]] = []
    for attr in ("person", "lead_officer"):
        v = getattr(fact, attr, None)
        if v:
            out.append((v, None))
    return out
