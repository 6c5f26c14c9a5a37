"""Bodies: the council, its committees, and every external body a document names.

Each distinct name in a document is one fact; an acronym the document defines
("Herefordshire Safeguarding Children Partnership (HSCP)") becomes an alias, and a
later bare use of the acronym is the same body.

The rules are `RULES`, read in order (the first reading of a name gives its kind and evidence);
each has an example in `patterns/organizations_examples.jsonl` that a test runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract.mentions import BodyMention, classify_body, find_bodies, find_member_listing
from extract.records import Fact, OrganizationFact, OrgKind, PersonFact
from extract.rules import Rule
from extract.segment import Segmented
from extract.vocab.bodies import STOP_WORDS, acronym_fits, parties

# a kind of meeting of the council, not a body of its own: "Annual Council", "Special Council", "Budget Council"
_MEETING_OF_COUNCIL = re.compile(
    r"^(?:(?:Annual|General|Special|Ordinary|Extraordinary|Extra-ordinary|Full|Budget|Approve|Adjourned|Reconvened|"
    r"Statutory|Emergency|Inquorate)\s+)+Council$",
    re.I,
)
_ACRONYM_AFTER = re.compile(r"\s*\(\s*(?P<acr>[A-Z][A-Za-z&]{1,9})\s*\)")
# a seat on a body written before its name: "Trustees of Charles Cooper Trust", "Vice Convener of Capital Programme
# Committee" (the seat is the memberships' to read; the body is what follows "of")
_SEAT_BEFORE = re.compile(
    r"^(?:(?:Vice|Depute|Deputy)[- ])?(?:Trustees?|Governors?|Conven[eo]r|Directors?|Patrons?|Representatives?)"
    r"\s+(?:of|on|to)\s+(?:the\s+)?(?=[A-Z])"
)
# a kind of school, college or club with no name of its own ("the Primary School", "a Sixth Form College",
# "Shortage of Secondary School places")
_KIND_OF_PLACE = re.compile(
    r"^(?:[A-Z][a-z]+\s+of\s+(?:the\s+)?)?(?:(?:My|Our|Your|Their|His|Her|The|Primary|Secondary|High|Grammar|"
    r"Special|Infant|Junior|Nursery|Community|Free|Faith|Local|Sixth|Form|Further|Higher|Education|Teacher|Training|Social|Work|Care|Youth|Sports?|Book|Breakfast|After|Homework)\s+)*"
    r"(?:School|College|Academy|Club)s?$"
)


def _key(name: str) -> str:
    low = name.lower().replace("&", " and ").replace("\u2019", "'").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", low).split())


@dataclass(frozen=True, slots=True)
class Body:
    """One reading of a body: its name as written, its kind, where, and the acronym written right after it."""

    name: str
    kind: OrgKind
    start: int
    end: int
    acronym: str | None = None


def _council(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """The document's council, where the text names it (else at its start)."""
    if seg.council:
        idx = seg.text.find(seg.council)
        s = idx if idx >= 0 else 0
        e = s + len(seg.council) if idx >= 0 else min(len(seg.text), 1)
        yield Body(seg.council, OrgKind.COUNCIL, s, e)


def _mentions(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """Every body the body grammar reads ("Herefordshire Safeguarding Children Partnership (HSCP)"), without a
    person's name a layout glued in front of it, nor the words of a seat, an event or a sentence around it."""
    text = seg.text
    people = sorted({f.name for f in facts if isinstance(f, PersonFact)}, key=len, reverse=True)
    for b in find_bodies(text):
        name = _without_person(b.name, people)
        if name is None or _MEETING_OF_COUNCIL.match(name):
            continue
        if b.name in parties() and _party_span(text, b):
            continue  # "Scottish Labour Party": the party-group rule reads the whole name
        if name.endswith("Executive") and _EXECUTIVE_POST.match(text, b.end):
            continue  # "Acting Executive Director" is a post
        if _STAFF_POST.match(text, b.end) and re.search(r"(?:Committee|Board|Panel|Cabinet)$", name):
            continue  # "Senior Committee Services Officer" is a post
        name = _trimmed(name)
        if name is not None:
            m = _ACRONYM_AFTER.match(text, b.end, min(len(text), b.end + 16))
            yield Body(name, b.kind, b.start, b.end, m.group("acr") if m else None)


# a party one goes to, not one a councillor belongs to: "the Royal Garden Party", "the Christmas Party"
_EVENT = re.compile(
    r"\b(?:Garden|Tea|Christmas|Birthday|Street|Summer|Launch|Farewell|Retirement|Dinner) Party$"
)
# a sentence's end inside a run of capitalised words: "Social Workers. The Social Work Academy"
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")
# two names joined by "and" where the second is plainly a name of its own: it opens with "The", or the first has
# a word in lower case that no name of a trust or council joins ("Veterans in Sefton and North West Boroughs
# Healthcare NHS Foundation Trust")
_TWO_NAMES = re.compile(
    r"^(?:.+\sand\s+The\s+|(?=.*\s(?:in|on|at|with)\s).+?\sand\s+"
    r"(?=(?:\S+\s+){2,}\S*(?:Trust|Council|Ltd|Limited|plc)$))(?P<last>[A-Z].*\S)$"
)
# "Leader on Cabinet appointments", "Other Members in Cabinet": the body is the cabinet
_ON_CABINET = re.compile(r"^[A-Z][\w\s]*?\s(?:on|in|to)\s(Cabinet)$")
# an item's heading in capitals a flattened agenda runs into the name after it ("8 ADOPTION OF MINUTES OF COMMITTEES
# Governance and Audit Committee", "THE CITY OF EXAMPLE COUNCIL Committee Minutes"): capitals with a joining word
# in them ("OF", "AND", "THE") are words of a heading, never of a name written in title case after them
_HEADING_BEFORE = re.compile(
    r"^(?:(?!(?:OF|AND|THE|FOR|TO|IN)\b)[A-Z]{2,}[ \t]+)*(?:OF|AND|THE|FOR|TO|IN)[ \t]+(?:[A-Z]{2,}[ \t]+)*(?=[A-Z][a-z])"
)
# "Acting Executive Director", "Exempt Executive Reports": the word after "Executive" makes it a post or a thing
_EXECUTIVE_POST = re.compile(
    r"[ \t]+(?:Director|Head|Officer|Member|Manager|Assistant|Lead|Support|Reports?|Summary)\b"
)


# "Senior Committee Services Officer", "Assistant Committee Clerk": the staff post named after the kind of body it
# serves; the words before the head are the post's grade, not a body's name
_STAFF_POST = re.compile(
    r"[ \t]++(?:(?:Services?|Support|and Member Services|& Member Services)[ \t]++)?"
    r"(?:Officer|Clerk|Manager|Administrator|Assistant|Secretary|Co-ordinator|Coordinator)s?\b"
)


def _trimmed(name: str) -> str | None:
    """The body's name without what the grammar read around it; None when no name is left."""
    heading = _HEADING_BEFORE.match(name)
    if heading:
        name = name[heading.end() :]
        if len(name.split()) < 2:
            return None
    tail = re.sub(r"^The\s+", "", _SENTENCE_END.split(name)[-1])
    if tail != name and len(tail.split()) < 2:
        return None
    seat = _SEAT_BEFORE.match(tail)
    if seat:
        tail = tail[seat.end() :]
        if len(tail.split()) < 2:
            return None
    if _KIND_OF_PLACE.match(tail) or _EVENT.search(tail):
        return None
    pair = _TWO_NAMES.match(tail)
    if pair:
        tail = pair.group("last")
    on_body = _ON_CABINET.match(tail)
    return on_body.group(1) if on_body else tail


# a party named with its nation before it or its group after it: "Scottish Labour Party", "Welsh Labour", "the
# Conservative group", "Liberal Democrat Group" (the group of a party's councillors is the body a member sits in)
_PARTY_BEFORE = re.compile(r"(?:Scottish|Welsh|Ulster|Northern Ireland)\s+$")
_PARTY_AFTER = re.compile(r"\s+(?:Group|group|Party)s?\b")


def _party_span(text: str, b: BodyMention) -> tuple[int, int] | None:
    """The longer name a party's name is part of ("Scottish Labour Party", "Conservative group"), if any."""
    before = _PARTY_BEFORE.search(text, max(0, b.start - 20), b.start)
    after = None if b.name.endswith("Party") else _PARTY_AFTER.match(text, b.end)
    if not before and not after:
        return None
    return (before.start() if before else b.start, after.end() if after else b.end)


def _party_groups(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """A party the text names as part of a longer name: the nation before it, the group or party after it."""
    text = seg.text
    for b in find_bodies(text):
        span = _party_span(text, b) if b.name in parties() else None
        if span:  # "the Independent and Liberal Democrat groups": each party's group
            name = re.sub(r"(?<=[Gg]roup)s$", "", " ".join(text[span[0] : span[1]].split()))
            yield Body(name, OrgKind.EXTERNAL, *span)


# "serve on the Executive", "Members of the Executive", "the Executive had approved": the council's executive as a
# body, where the sentence sits on it or has it act ("the Executive Director", "Chief Executive" are posts)
_THE_EXECUTIVE = re.compile(
    r"(?:\b(?:Members?|Membership|members?|membership)\s+of|\b(?:serve|sit|sits|served|appointed)\s+on|\bby|"
    r"\bfrom)\s+the\s+(?P<body>Executive)\b(?![ \t]*[A-Z(\u2019'-])"
    r"|\bthe\s+(?P<body2>Executive)\s+(?=(?:had|has|have)?\s*(?:approved|agreed|decided|resolved|noted|"
    r"considered|endorsed)\b)"
)


# a committee written in lower case, as news writes it: "the planning, protective services and licensing committee",
# "the council's policy and resources committee" (the coordination is what marks a committee's name; "the relevant
# committee" is none)
_LOWER_CASE_COMMITTEE = re.compile(
    r"\b(?:[Tt]he|council's|council\u2019s)\s+(?P<name>(?:[A-Za-z]{3,}(?:,[ \t]+|[ \t]+))*?[A-Za-z]{3,}[ \t]+(?:and|&)"
    r"[ \t]+[A-Za-z]{3,}(?:[ \t]+[a-z]{3,})?[ \t]+(?:committee|sub-committee|panel|board))\b"
)
_NOT_TITLED = {"and", "of", "for", "the"}
# a committee named in lower case by what it does ("the pre-birth panel", "the youth justice board", "a seven-member
# panel"): two words, or a hyphenated one, before the head ("the management board", "the executive committee" read
# a kind of body as often as a name); a word that says which one or what kind ("the relevant committee", "a political
# group", "an interview panel") names none
_LOWER_CASE_KIND = re.compile(
    r"\b(?:(?:[Tt]he|[Aa])[ \t]+(?:[Cc]ouncil['\u2019]s[ \t]+)?|[Cc]ouncil['\u2019]s[ \t]+)"
    r"(?P<name>(?:[a-z][a-z'\u2019]+-[a-z][a-z'\u2019-]+[ \t]+|(?:[a-z][a-z'\u2019-]+[ \t]+){2,3})"
    r"(?:committee|sub-committee|panel|board))\b"
)
_NOT_A_NAME = {
    *"relevant same new full whole this that which each every other appropriate next last first previous said above "
    "following main current local existing proposed special such joint independent political respective focus interview deputy "
    "recognised different formal its their our his her any some both single wider entire of the to on in for with "
    "and by at from as into is was be council council's council\u2019s councils members member scrutiny working steering cross-party "
    "multi-agency project advisory programme task partnership appeal appeals hearing selection planning licensing "
    "audit standards".split()
}


def _lower_case_committees(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """A committee named in lower case, with its words coordinated ("the policy and resources committee")."""
    for m in _LOWER_CASE_COMMITTEE.finditer(seg.text):
        words = m.group("name").split()
        name = " ".join(w if w in _NOT_TITLED or w[:1].isupper() else w[:1].upper() + w[1:] for w in words)
        yield Body(name, OrgKind.COMMITTEE, m.start("name"), m.end("name"))
    for m in _LOWER_CASE_KIND.finditer(seg.text):
        if not set(m.group("name").split()[:-1]) & _NOT_A_NAME:
            name = m.group("name")
            yield Body(name[:1].upper() + name[1:], OrgKind.COMMITTEE, m.start("name"), m.end("name"))


# the council's cabinet as news and reports write it in lower case: "brought in by the cabinet", "appointed to his
# cabinet", "the council's cabinet will decide" (a possessive or "the" before it: "a cabinet" is any)
_LOWER_CASE_CABINET = re.compile(
    r"\b(?:[Tt]he|his|her|its|their|[Cc]ouncil['\u2019]s)[ \t]+(?:new[ \t]+)?(?P<body>cabinet)\b(?![ \t]*-?[ \t]*member)"
)


def _lower_case_cabinet(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """The council's Cabinet, written in lower case ("brought in by the cabinet")."""
    for m in _LOWER_CASE_CABINET.finditer(seg.text):
        yield Body("Cabinet", OrgKind.COMMITTEE, m.start("body"), m.end("body"))


def _the_executive(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """The council's executive, named "the Executive" where a sentence has members sit on it or has it act."""
    for m in _THE_EXECUTIVE.finditer(seg.text):
        group = "body" if m.group("body") else "body2"
        yield Body("Executive", OrgKind.COMMITTEE, m.start(group), m.end(group))


def _listing_parties(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """The party a member listing gives each councillor ("(Independents for Herefordshire)")."""
    for entry in find_member_listing(seg.lines):
        if entry.party and len(entry.party.split()) <= 6 and entry.party[:1].isupper():
            start = seg.text.find(entry.party, entry.person.end)
            if start >= 0:
                yield Body(entry.party, OrgKind.EXTERNAL, start, start + len(entry.party))


def _from_facts(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """The body or organization another fact names (a seat's body, a post's organization)."""
    for f in facts:
        body = getattr(f, "body", None) or getattr(f, "org", None)
        if body:
            kind = classify_body(body) if body != seg.council else OrgKind.COUNCIL
            yield Body(body, kind, f.evidence.start, f.evidence.end)


Read = Callable[[Segmented, list[Fact]], Iterator[Body]]


# in this order: the first reading of a name gives its kind and evidence
RULES: tuple[Rule[Read], ...] = (
    Rule("organization.council", _council),
    Rule("organization.party-group", _party_groups),
    Rule("organization.mention", _mentions),
    Rule("organization.the-executive", _the_executive),
    Rule("organization.lower-case-committee", _lower_case_committees),
    Rule("organization.lower-case-cabinet", _lower_case_cabinet),
    Rule("organization.listing-party", _listing_parties),
    Rule("organization.from-fact", _from_facts),
)


def organizations(seg: Segmented, facts: list[Fact]) -> list[OrganizationFact]:
    """One fact per body named in the document (or named by another fact about it)."""
    first: dict[str, OrganizationFact] = {}
    aliases: dict[str, set[str]] = {}
    for rule in RULES:
        for body in rule.read(seg, facts):
            key = _key(body.name)
            if key and len(key) >= 3 and key not in first:
                evidence = seg.sentence_evidence(body.start, body.end, rule.id)
                first[key] = OrganizationFact(name=body.name, kind=body.kind, evidence=evidence)
                aliases[key] = set()
            if body.acronym:
                aliases[key].add(body.acronym)
    _short_forms_in_text(seg.text, first, aliases)
    _drop_parties_with_group(first, aliases, facts)
    _fold_council_forms(first, aliases, seg.council)
    for _round in range(2):  # variants fold first, so a short form then has one long name left to fold into
        _fold_short_forms(first, aliases, seg.council)
    out = []
    for key, fact in first.items():
        if aliases[key]:
            fact = OrganizationFact(
                name=fact.name, kind=fact.kind, aliases=tuple(sorted(aliases[key])), evidence=fact.evidence
            )
        out.append(fact)
    return out


def _drop_parties_with_group(
    first: dict[str, OrganizationFact], aliases: dict[str, set[str]], facts: list[Fact]
) -> None:
    """A party named bare in a page that names its group ("three Conservative councillors" beside "the Conservative
    group") is that group, the body the page is about: not a second body. It is dropped, not made the group's
    alias: a group is one council's, and the alias would join every other page's bare party to it. A party another
    fact names (a member's seat in it) stays, so that fact keeps its body."""
    party_keys = {_key(p) for p in parties()}
    named = {_key(b) for f in facts if (b := getattr(f, "body", None) or getattr(f, "org", None))}
    for key in list(first):
        if key not in party_keys or key in named or first[key].evidence.rule != "organization.mention":
            continue
        stem = key[:-1] if key.endswith("s") else key
        if {f"{key} group", f"{stem} group"} & first.keys():
            del first[key]
            del aliases[key]


def _without_person(name: str, people: list[str]) -> str | None:
    """A body name with a person's name glued in front by a layout ("Tori Lynch Corporate Parenting
    Board", "Nicola Turvey and EH Partnership") loses the name; None when nothing is left."""
    for person in people:
        if len(person.split()) >= 2 and name.startswith(person + " "):
            rest = re.sub(r"^(?:and|&|,)\s+", "", name[len(person) + 1 :]).strip()
            if re.match(r"^(?:UK |\(UK\) )?(?:Ltd|Limited|LLP|plc|PLC)\b", rest):
                return name  # "Grant Thornton UK LLP": a firm named after people
            return rest if len(rest.split()) >= 2 or rest in ("Cabinet",) else None
    return name


def _bag(key: str) -> list[str]:
    return sorted(w[:-1] if w.endswith("s") and len(w) > 4 else w for w in key.split() if w not in STOP_WORDS)


_SHORT_FORM = re.compile(
    r"(?<![\w-])(?P<short>[A-Z]{2,5}(?:\s+(?:&\s+)?[A-Z][a-z]+(?:-[A-Za-z]+)?){1,3})(?![\w-])"
)


def _short_forms_in_text(text: str, first: dict[str, OrganizationFact], aliases: dict[str, set[str]]) -> None:
    """A short form the body grammar does not read as a body ("the CYP Scrutiny agreed ...") is an alias of
    the one body of the document whose full name it fits."""
    for m in _SHORT_FORM.finditer(text):
        short = m.group("short")
        if _key(short) in first:
            continue
        fits = [k for k, f in first.items() if f.kind != OrgKind.COUNCIL and acronym_fits(short, f.name)]
        if len(fits) == 1:
            aliases[fits[0]].add(short)


_COUNCIL_GENERIC = {
    "city",
    "county",
    "borough",
    "district",
    "council",
    "metropolitan",
    "of",
    "the",
    "royal",
    "london",
}
_COUNCIL_LIKE = re.compile(
    r"^(?:City|County|Royal Borough|London Borough|Borough|Metropolitan Borough) of |\bCouncil\b"
)


def _fold_council_forms(
    first: dict[str, OrganizationFact], aliases: dict[str, set[str]], council: str | None
) -> None:
    """The document's council written shorter or with words around it ("City of York" for City of York Council,
    "Castlereagh City Council" for Lisburn & Castlereagh City Council, "Dear Gwynedd Council") is that council: an
    alias, not a second council."""
    council_key = _key(council) if council else None
    if not council_key or council_key not in first:
        return
    for key in list(first):
        fact = first[key]
        if key == council_key or not _COUNCIL_LIKE.search(fact.name):
            continue
        shorter = council_key.startswith(key + " ") or council_key.endswith(" " + key)
        if set(key.split()) - _COUNCIL_GENERIC and (shorter or f" {council_key} " in f" {key} "):
            if shorter:  # a short form is a name of the council; words around its name ("Dear ...") are none
                aliases[council_key].add(fact.name)
            aliases[council_key] |= aliases.pop(key)
            del first[key]


def _fold_short_forms(
    first: dict[str, OrganizationFact], aliases: dict[str, set[str]], council: str | None
) -> None:
    """Within one document a shortened name ("Improvement Board") stands for the one longer name that ends
    with it ("Children's Improvement Board") or that adds only a remit in brackets ("Scrutiny Board (Children's
    Services)"): one body, the short form an alias."""
    keys = list(first)
    council_key = _key(council) if council else None
    for short in keys:
        if short not in first or short == council_key or first[short].kind == OrgKind.COUNCIL:
            continue
        # the same words in another order ("Adults Safeguarding Board" / "Safeguarding Adults Board") or the
        # tail of exactly one longer name
        core = re.sub(r" (?:ltd|limited|llp|plc)$", "", short)
        longer = [
            k
            for k in keys
            if k in first
            and k != short
            and (
                first[k].kind == first[short].kind
                and (
                    k.endswith(" " + short)
                    or _key(_BRACKETED_REMIT.sub("", first[k].name)) == short
                    or _subsequence(short, k)
                    or re.fullmatch(re.escape(short) + r"(?: uk)? (?:ltd|limited|llp|plc)", k)
                    or _bag(k) == _bag(short)
                    and k < short
                    or acronym_fits(first[short].name, first[k].name)
                )
                or core in {_key(a) for a in aliases[k]}
            )
        ]
        if len(longer) == 1:
            aliases[longer[0]].add(first[short].name)
            aliases[longer[0]] |= aliases.pop(short)
            del first[short]


# a committee's remit in brackets after its name: "Scrutiny Board (Children's Services)" is the page's "Scrutiny Board"
_BRACKETED_REMIT = re.compile(r" ?\([^()]{2,60}\)$")


def _subsequence(short: str, long: str) -> bool:
    """ "wye valley trust" in "wye valley nhs trust": same first and last word, the rest in order."""
    s, words = short.split(), long.split()
    if len(s) < 2 or len(s) >= len(words) or s[0] != words[0] or s[-1] != words[-1]:
        return False
    it = iter(words)
    return all(w in it for w in s)
