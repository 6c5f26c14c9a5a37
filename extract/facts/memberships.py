"""Seats: a person sits on a body in a capacity (chair, vice-chair, member, co-opted
member, substitute, leader, deputy leader, cabinet member).

Read from membership blocks of agendas, the chair notes of a Present block, elections
and appointments ("Councillor X was elected Chairperson of the Council"), lists of
chairs ("Chairperson: Cllr X / Vice-chairperson: Cllr Y"), and the plain fact that a
councillor named in a council's papers is a member of that council.

Each rule of `RULES` reads one layout or phrasing and has an example, with the seat expected from it, in
`patterns/memberships.jsonl` (a test runs every example). The rules run in the table's order and the first
reading of a (person, body, role) is kept. What attendance lists imply is read from the attendance facts
the pipeline read once (`attendance.attendance_listed`), passed in: no fact module imports another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from extract.dates import parse_date
from extract.mentions import (
    ListedPerson,
    classify_body,
    find_bodies,
    find_honorific_people,
    find_member_listing,
    find_portfolio_rows,
    split_people,
)
from extract.names import clean_name, fold_surnames
from extract.records import AttendanceFact, Capacity, OrgKind, PartialDate, SeatFact, SeatRole
from extract.rules import Rule
from extract.segment import Segmented, header_tables, page_cabinet
from extract.vocab.posts import PORTFOLIO_TITLE, is_post

_ROLE_WORDS = [
    (re.compile(r"^vice[- ]?chair(?:person|man|woman)?s?$", re.I), SeatRole.VICE_CHAIR),
    (re.compile(r"^(?:chair(?:person|man|woman)?|in the chair)s?$", re.I), SeatRole.CHAIR),
    (re.compile(r"^co-?opted (?:members?|non-voting members?)|co-optees?$", re.I), SeatRole.CO_OPTED),
    (re.compile(r"^deputy leader\b", re.I), SeatRole.DEPUTY_LEADER),
    (re.compile(r"^leader\b", re.I), SeatRole.LEADER),
    (re.compile(r"^substitutes?(?: members?)?$", re.I), SeatRole.SUBSTITUTE),
    (re.compile(r"^(?:councillors?|members?)$", re.I), SeatRole.MEMBER),
]
_MEMBERSHIP_HEAD = re.compile(r"^\s*(?:Membership|Members|Committee members(?:hip)?)\s*:?\s*$", re.I)
_RESPECTIVELY = re.compile(
    r"(?P<a>(?:Councillor|Cllr)\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+and\s+(?P<b>(?:Councillor|Cllr)\.?\s+[A-Z][\w'-]+"
    r"(?:\s+[A-Z][\w'-]+)?)\s+(?:are|were|will be)\s+(?:the\s+)?(?P<r1>Vice[- ]Chair\w*|Chair\w*)\s+and\s+"
    r"(?P<r2>Vice[- ]Chair\w*|Chair\w*)(?:\s+of\s+(?P<body>[A-Z][^\n.,;]*?))?\s+respectively",
    re.I,
)
# a councillor as lists and minutes write one: "Cllr Mrs J R Gooding", "Councillor LO Barnett", "Cllr. V.J. Bailey",
# "County Councillor Laura Wright"; the name stops before a word that starts the next label ("Vice-Chairman")
_CLLR_TITLE = (
    r"(?:(?:County|Borough|City|Town)[ \t]+)?(?:Councillor|Cllr)\.?[ \t]+(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)?"
)
_CLLR_NAME = (
    _CLLR_TITLE + r"(?:(?:[A-Z]\.[ \t]*){1,4}|[A-Z]{1,3}[ \t]+|(?:[A-Z][ \t]+){2,4})?"
    r"(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+"
    r"(?:[ \t]+(?!(?:Vice|Deputy|Chair\w*|Councillor|Cllr|Leader|Mayor|Provost|Convener|In|The|And)\b)"
    r"(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+){0,2}"
)
_ELECTED = re.compile(
    rf"(?P<who>{_CLLR_NAME}|(?:Dr|Mr|Mrs|Ms|Miss|Professor)\.?[ \t]+[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){{0,2}})\s+"
    r"(?:(?:was|is|be|has been|had been|were)?\s*(?:duly |re-?)?(?:elected|appointed|remains|remains as|continues as)|"
    r"is|was|will be)\s+"
    r"(?:as\s+)?(?:the\s+)?(?P<role>Vice[- ]Chair(?:person|man)?|Chair(?:person|man)?|Deputy Leader|Leader)"
    r"(?:\s+of\s+(?:the\s+)?(?P<body>[A-Z][^\n.,;]*?))?(?=[\n.,;]|\s+for\b|\s+and\b|$)"
)
_PAST_PAIR = re.compile(r"\b(?:previous|former|outgoing|retiring|past)\b[^.;\n]{0,70}\band\s*$")
# "Chairman: Cllr R Milne", "Vice-Chairman: Cllr S A Wilson", and without the colon before a councillor's title
# ("Chairman Councillor LO Barnett Vice -Chairman Councillor ACR Chappell"); never a past holder ("former Chairman")
_CHAIR_LIST = re.compile(
    r"(?<!former )(?<!previous )(?<!outgoing )(?<!retiring )(?<![\w-])"
    r"(?P<role>[Vv]ice[ \t]*[- ][ \t]*[Cc]hair(?:person|man|woman)?|[Cc]hair(?:person|man|woman)?)[ \t]*:?[ \t]*"
    rf"(?P<who>{_CLLR_NAME})"
)
_PAREN_ROLE = re.compile(
    r"^(?P<role>Leader|Deputy Leader|Chair(?:person|man)?|Vice[- ]Chair(?:person|man)?)"
    r"(?: of (?:the )?(?P<body>.+?))?(?: and (?:Cabinet|Portfolio|Executive) .+)?$",
    re.I,
)


_ROLE_LABEL = re.compile(r"\b(?:Vice[- ])?Chair(?:person|man|woman)?\s*:", re.I)
_MINOR = {"and", "of", "for", "the", "on", "in", "with", "&", "to"}


def title_case(text: str) -> str:
    """ "Children and young people scrutiny committee" -> "Children and Young People Scrutiny Committee"."""
    words = text.split()
    return " ".join(
        w if (i and w in _MINOR) or w[:1].isupper() else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _heading_body(seg: Segmented, text: str) -> str | None:
    """The body a heading line names: "  \u2022 Audit and governance committee" -> its name."""
    t = " ".join(text.replace("\u2022", " ").replace("\u00b7", " ").split()).strip(" :-\u2013/")
    if not t or len(t.split()) > 9 or t.endswith(".") or re.search(r"\d", t):
        return None
    if re.fullmatch(r"(?:full |the |(?:the )?(?:outgoing|incoming|retiring|new|former) )?council", t, re.I):
        return (
            seg.council
        )  # "Outgoing council chairman Cllr X": the council's chair, as of the day she leaves
    t = title_case(t)
    bodies = [b for b in find_bodies(t) if b.kind != OrgKind.EXTERNAL]
    if bodies:
        return bodies[-1].name
    if not re.match(r"^[A-Z][\w'\u2019-]*(?: (?:[A-Z][\w'\u2019-]*|and|of|for|&))*$", t):
        return None
    # a heading in a list of "committee chairs" that leaves out the head word ("Audit and Governance")
    return f"{t} Committee" if re.search(r"\bcommittee", seg.text[:2000], re.I) else t


def role_of(text: str) -> SeatRole | None:
    t = " ".join(text.strip(" :,.()").split())
    for rx, role in _ROLE_WORDS:
        if rx.match(t):
            return role
    return None


def _body_named(seg: Segmented, raw: str | None, default: str | None) -> str | None:
    if not raw:
        return default
    raw = raw.strip()
    if raw.lower() in ("council", "the council", "full council") or raw.lower().startswith("council"):
        return seg.council or default
    bodies = find_bodies(raw)
    return bodies[0].name if bodies else default


_SUBSTITUTE_FOR = re.compile(
    r"\battended(?: the meeting)? as (?:a |the )?(?:named )?substitute(?: member)? for\s+"
    r"(?P<who>(?:(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})"
)
_MEMBER_ROW = re.compile(
    r"^[ \t]*(?P<who>(?:Councillor|Cllr)\.?[ \t]+[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,3}?)[ \t]+"
    r"(?P<role>Vice[- ]Chair(?:person|man)?|Chair(?:person|man)?|Member|Co-opted Member|Substitute(?: Member)?)"
    r"[ \t]+(?P<s>\d{1,2}/\d{1,2}/\d{4})(?:[ \t]*-[ \t]*(?P<e>\d{1,2}/\d{1,2}/\d{4}))?",
    re.M,
)


_OF_BODY = (
    r"(?:[ \t]+of[ \t]+(?:the[ \t]+|this[ \t]+)?(?P<body>Council\b|[A-Z][\w'\u2019&-]*"
    r"(?:[ \t]+(?:and|of|for|&|[A-Z][\w'\u2019&-]*)){0,8}))?"
)
_CHAIR_ROLE = r"(?P<role>(?:[Vv]ice[- ]|[Dd]eputy[ \t]+)?(?:Chair(?:man|person|woman)?|Leader))"
# "The Chairman, Councillor Ifan Davies extended ...", "the Vice-Chairman Cllr. Cheryl Cashmore made ...", "The Chair of
# Council, County Councillor Laura Wright opened ..."; never a past holder ("the previous Chairman")
_ROLE_THEN_CLLR = re.compile(
    r"(?<!former )(?<!previous )(?<!outgoing )(?<!retiring )(?<!late )\b[Tt]he[ \t]+"
    rf"{_CHAIR_ROLE}{_OF_BODY}[ \t]*,?[ \t]*(?P<who>{_CLLR_NAME})"
)
# "Councillor Keith Evans, Chair of the Council extended ...", "Councillor John Chatt, Chair of the Overview and
# Scrutiny Committee"
_CLLR_THEN_CHAIR = re.compile(
    rf"(?P<who>{_CLLR_NAME}),[ \t]*(?:the[ \t]+)?(?P<role>(?:[Vv]ice[- ])?Chair(?:man|person|woman)?){_OF_BODY}"
    r"(?=[ \t]*[,.;:)\n]|[ \t]+[a-z]|$)"
)
# a person as minutes name the one in the chair: "Alderman J Smyth", "Provost L Cameron", "Councillor V.J. Bailey"
_CHAIR_TITLE = r"(?:(?:Alderman|Councillor|Cllr|Provost|Bailie|Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)"
_CHAIR_NAME = (
    rf"{_CHAIR_TITLE}{{0,2}}(?:(?:[A-Z]\.[ \t]*){{1,4}}|[A-Z]{{1,3}}[ \t]+|(?:[A-Z][ \t]+){{1,4}})?"
    r"(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+"
    r"(?:[ \t]+(?!(?:In|Members|Present|Also|Officers|Apologies|Councillors?)\b)(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+){0,2}"
)
# "In the Chair: The Mayor (Alderman J Smyth)", "Councillor Sue Haffenden - in the chair", "Presiding P McLean",
# "Provost L Cameron, Convener, presided"
_IN_THE_CHAIR = re.compile(
    r"\b(?i:in the chair)[ \t]*:?[ \t]*(?:(?:The[ \t]+)?(?:Lord[ \t]+|Deputy[ \t]+)?(?:Mayor|Provost|Chair\w*)[ \t]*)?"
    rf"\(?(?P<a>{_CHAIR_NAME})\)?"
    rf"|(?P<b>{_CHAIR_NAME})\)?[ \t]*(?:[-\u2013\u2014,][ \t]*)?(?:was[ \t]+)?(?i:in the chair)\b"
    rf"|\bPresiding:?[ \t]+(?P<c>{_CHAIR_NAME})"
    rf"|(?P<d>{_CHAIR_NAME}),[ \t]*(?:(?:Depute[ \t]+|Vice[- ])?(?:Convener|Provost|Chair\w*),[ \t]*)?presided\b"
)
# (a word of a name is under 60 characters without a space: inside a longer run, the rule read the rest of the
# run again from each capital in it)
_OWN_MEMBERSHIP = re.compile(
    r"(?P<who>(?:(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Professor)\.?[ \t]+)?(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+"
    r"(?:[ \t]+(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+){0,2})"
    r"[ \t]+(?:reminded|informed|advised|declared|noted|reported)[^.\n]{0,60}?\b(?:his|her|their)[ \t]+membership[ \t]+of"
    r"[ \t]+(?:the[ \t]+)?(?P<body>[A-Z][^.,;\n]{3,100})"
)

# a declaration of interest that gives the seat it is declared for: "Councillor Bailey declared a personal interest in
# item 10 ... as a Member of the North York Moors National Park Authority", "Stephen Brewster declared an other interest
# as a member of the Board of Trustees of Halo Leisure", "... as Chairman of Ryedale Cycle Forum"; one declarer (no
# other declaration or councillor between the name and the seat), and never an office "in his capacity as" (a post,
# posts.py's), save a plain membership
_DECLARED_SEAT = re.compile(
    r"(?P<who>(?P<title>(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Professor)\.?[ \t]+(?:[A-Z]\.?[ \t]+){0,3})?"
    r"(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+(?:[ \t]+(?!Councillor\b|Cllr\b)(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+){0,2})"
    r"[ \t]+declared[ \t]+(?:(?!declared\b|Councillor\b|Cllr\b)[^\n;]){0,220}?"
    r"[ \t](?:as|being|(?P<capacity>capacity[ \t]+as))[ \t]+(?:a[ \t]+|an[ \t]+|the[ \t]+)?"
    r"(?P<role>[Mm]ember|[Tt]rustee|[Gg]overnor|[Vv]ice[- ][Cc]hair(?:man|person|woman)?|[Cc]hair(?:man|person|woman)?)"
    r"s?[ \t]+(?:of|on)[ \t]+(?:the[ \t]+)?(?:(?:Board|Court|Council)[ \t]+of[ \t]+(?:Trustees|Directors|Governors)"
    r"[ \t]+of[ \t]+(?:the[ \t]+)?)?(?P<body>[A-Z][\w'\u2019&-]*(?:[ \t]+(?:of|and|for|the|&|[A-Z][\w'\u2019&-]*)){0,8})"
)
_DECLARED_ROLE = {"member": SeatRole.MEMBER, "trustee": SeatRole.MEMBER, "governor": SeatRole.MEMBER}


_CO_OPTED_LABEL = re.compile(
    r"^\s*(?:co-?opted|independent|parent governor)[\w ]{0,30}(?:members?|persons?|"
    r"representatives?)\s*:",
    re.I,
)
_CO_OPTED_NOTE = re.compile(r"\bco-?opted\b|\bindependent (?:member|person)\b|\bparent governor\b", re.I)
_CABINET = "Cabinet"
_CABINET_COL = re.compile(rf"^{PORTFOLIO_TITLE}s?(?: responsible)?$", re.I)
_EXEC_ROLE = rf"(?:{PORTFOLIO_TITLE}|Executive Councillor|Leader|Deputy Leader)"
# "Councillor Adrian Bell, Leader of the Council", "Councillor F Mbeki (Cabinet Member for Housing)",
# "Councillor Sandra Kettering – Cabinet Member for Children's Services"
_APPOSITIVE_ROLE = re.compile(
    r"(?P<who>\b(?:Councillor|Cllr)\.?[ \t]+(?:[A-Z]\.?[ \t]+)?[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})"
    rf"[ \t]*(?:,|\(|[\u2013\u2014-])[ \t]*(?:the[ \t]+)?(?P<role>{_EXEC_ROLE})"
    r"(?=[ \t]+[a-z]|[ \t]*[),:.;\n]|$)"
    r"(?![ \t]+of[ \t]+(?:the[ \t]+)?(?!Council\b|(?:[A-Z][a-z]+ )+Council\b)[A-Z])",
    re.M,
)
# "Cabinet Member: Councillor Ruth Oyelaran", "Portfolio Holder: Cllr X"
_ROLE_LABEL_WHO = re.compile(
    r"^[ \t]*(?:Cabinet Member|Portfolio Holder|Executive Member)s?(?: consulted)?[ \t]*:[ \t]*"
    r"(?P<who>(?:Councillor|Cllr)\.?[ \t]+[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})",
    re.M,
)
# "The new Cabinet is: Councillor Lorna Fitch (Finance and Resources), Councillor Dev Mistry (...) and ..."
_CABINET_IS = re.compile(
    r"\b(?:The |the )?(?:new )?(?:Cabinet|Executive)(?: members)? (?:is|are|will be|comprises|consists of)"
    r"[ \t]*:[ \t]*(?P<list>(?:Councillor|Cllr)[^\n]+?)(?:\.(?:\s|$)|$)",
    re.M,
)


def _appositive_role(text: str) -> SeatRole:
    low = text.lower()
    if low == "deputy leader":
        return SeatRole.DEPUTY_LEADER
    if low == "leader":
        return SeatRole.LEADER
    return SeatRole.CABINET_MEMBER


def _is_cabinet(body: str) -> bool:
    return body in ("Cabinet", "Executive") or body.endswith((" Cabinet", " Executive"))


def _council_level(role: SeatRole) -> bool:
    return role in (SeatRole.LEADER, SeatRole.DEPUTY_LEADER)


Listed = list[tuple[AttendanceFact, ListedPerson]]


@dataclass(frozen=True, slots=True)
class Seat:
    """One reading of a seat: who, on which body, in what role, where the words are, and the rule that read it.

    `held=False` says the person does NOT sit there (a member listed by the council they represent is no
    member of the host council): no fact, but no later rule may give that seat."""

    name: str
    body: str | None
    role: SeatRole
    start: int
    end: int
    rule: str
    date: PartialDate | None = None
    began: PartialDate | None = None
    ended: PartialDate | None = None
    exact: bool = False  # the evidence is start..end as matched, not the sentence around it
    held: bool = True


def _membership_block(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A membership block of an agenda: "Chairperson<TAB>Councillor X", "<TAB>Councillor Y",
    "Co-opted Members<TAB>Name<TAB>Body", under a "Membership" heading, on the meeting's body."""
    lines = seg.lines
    for i, line in enumerate(lines):
        if not _MEMBERSHIP_HEAD.match(line.text):
            continue
        meeting = seg.meeting_at(line.start)
        body = meeting.body if meeting else None
        current = SeatRole.MEMBER
        blanks = 0
        for ln in lines[i + 1 : i + 60]:
            cells = ln.text.split("\t")
            if not ln.text.strip():
                blanks += 1
                if blanks >= 2:
                    break
                continue
            blanks = 0
            if (
                len(cells) == 1
                and not re.match(r"^\s*(Councillor|Cllr)", ln.text)
                and role_of(cells[0]) is None
            ):
                break
            label = role_of(cells[0]) if cells[0].strip() else None
            if label:
                current = label
            elif cells[0].strip():
                current = SeatRole.MEMBER if current in (SeatRole.CHAIR, SeatRole.VICE_CHAIR) else current
            people_cell = next(
                (c for c in (cells[1:] if label or not cells[0].strip() else cells) if c.strip()), ""
            )
            offset = ln.start + ln.text.find(people_cell) if people_cell else ln.start
            for p in split_people(people_cell, offset):
                yield Seat(p.name, body, current, p.start, p.end, "seat.membership-block")
            if label in (SeatRole.CHAIR, SeatRole.VICE_CHAIR):
                current = SeatRole.MEMBER


def _council_represented(note: str | None) -> str | None:
    """The council a list item's note names and nothing else: "Councillor Andrew Falconer – Westbury City Council"."""
    note = (note or "").strip()
    if not note:
        return None
    bodies = find_bodies(note)
    if (
        bodies
        and bodies[0].start == 0
        and len(bodies[0].name) >= len(note) - 2
        and classify_body(bodies[0].name) == OrgKind.COUNCIL
    ):
        return bodies[0].name
    return None


def _represents_council(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A member listed by the council they represent (a joint committee, a combined authority's board) sits on
    that council, and not on the host council."""
    represents: dict[str, str] = {}
    for a, item in listed:
        council = _council_represented(item.note) if item.honorific == "councillor" else None
        if council:
            represents[a.person] = council
            ev = a.evidence
            yield Seat(
                a.person,
                council,
                SeatRole.MEMBER,
                ev.start,
                ev.end,
                "seat.represents-council",
                a.meeting_date,
            )
    for name in represents:
        yield Seat(name, seg.council or "", SeatRole.MEMBER, 0, 0, "seat.represents-council", held=False)


def _is_councillor(item: ListedPerson) -> bool:
    return item.honorific in ("councillor", "councillors", "cllr", "cllrs")


def _attendance_role(seg: Segmented, a: AttendanceFact, item: ListedPerson) -> SeatRole:
    """The seat an attendance list gives: chair, vice-chair, co-opted or substitute as noted, else member
    (of the cabinet, on a Cabinet or an Executive)."""
    ev = a.evidence
    line = seg.text[ev.start : ev.end]
    role = SeatRole.CABINET_MEMBER if _is_cabinet(a.body) else SeatRole.MEMBER
    if a.chair:
        return SeatRole.CHAIR
    if role_of(item.note or "") == SeatRole.VICE_CHAIR:
        return SeatRole.VICE_CHAIR
    if (
        re.search(r"vice[- ]chair", line.lower())
        and a.person.split()[-1].lower() in line.lower()
        and re.search(re.escape(a.person) + r"\s*\(vice[- ]chair", seg.text[ev.start : ev.end + 40], re.I)
    ):
        return SeatRole.VICE_CHAIR
    if re.search(r"co-opted", line, re.I) and re.search(
        r"co-opted[^\n]*" + re.escape(a.person) + "|" + re.escape(a.person) + r"[^\n]{0,5}\(co-opted",
        line,
        re.I,
    ):
        return SeatRole.CO_OPTED
    if re.search(r"substitute", line, re.I) and a.capacity == Capacity.PRESENT:
        return SeatRole.SUBSTITUTE
    return role


def _councillor_attending(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A councillor in an attendance list sits on the council."""
    for a, item in listed:
        if _is_councillor(item) and seg.council:
            ev = a.evidence
            yield Seat(
                a.person,
                seg.council,
                SeatRole.MEMBER,
                ev.start,
                ev.end,
                "seat.councillor-attending",
                a.meeting_date,
            )


def _is_co_opted(seg: Segmented, a: AttendanceFact, item: ListedPerson) -> bool:
    """Present and listed under a "Co-opted Members:" label, or so noted ("Mr A Pryce (Independent Member)")."""
    label_line = seg.lines[seg.line_index(item.start)].text
    return (
        not _is_councillor(item)
        and a.capacity == Capacity.PRESENT
        and bool(_CO_OPTED_LABEL.match(label_line) or _CO_OPTED_NOTE.search(item.note or ""))
    )


def _co_opted_listed(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A co-opted member in an attendance list sits on the meeting's body as one."""
    for a, item in listed:
        if _is_co_opted(seg, a, item):
            ev = a.evidence
            yield Seat(
                a.person, a.body, SeatRole.CO_OPTED, ev.start, ev.end, "seat.co-opted-listed", a.meeting_date
            )


def _from_attendance(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A member present or sending apologies sits on the meeting's body; an officer listed with a job title,
    or anyone in attendance, only attends."""
    for a, item in listed:
        councillor = _is_councillor(item)
        if a.capacity == Capacity.IN_ATTENDANCE or _is_co_opted(seg, a, item):
            continue
        if item.note and is_post(item.note) and not role_of(item.note) and not councillor and not a.chair:
            continue
        if a.capacity == Capacity.APOLOGIES and not councillor and not item.note:
            continue
        ev = a.evidence
        role = _attendance_role(seg, a, item)
        yield Seat(a.person, a.body, role, ev.start, ev.end, "seat.from-attendance", a.meeting_date)


def _appositive(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "Councillor Adrian Bell, Leader of the Council", "Councillor F Mbeki (Cabinet Member for Housing)"."""
    for m in _APPOSITIVE_ROLE.finditer(seg.text):
        role = _appositive_role(m.group("role"))
        body = seg.council if role in (SeatRole.LEADER, SeatRole.DEPUTY_LEADER) else _CABINET
        for p in split_people(m.group("who"), m.start("who")):
            yield Seat(p.name, body, role, m.start(), m.end(), "seat.appositive-role")


def _cabinet_member_label(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "Cabinet Member: Councillor Ruth Oyelaran", "Portfolio Holder: Cllr X"."""
    for m in _ROLE_LABEL_WHO.finditer(seg.text):
        for p in split_people(m.group("who"), m.start("who")):
            yield Seat(
                p.name, _CABINET, SeatRole.CABINET_MEMBER, m.start(), m.end(), "seat.cabinet-member-label"
            )


def _cabinet_member_column(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A table column of cabinet members (a forward plan's "Cabinet Member" / "Portfolio Holder")."""
    for cols, rows in header_tables(seg, {"cabinet": _CABINET_COL}, {"cabinet"}):
        for cells in rows:
            if len(cells) > cols["cabinet"]:
                c = cells[cols["cabinet"]]
                for p in split_people(c.text, c.start):
                    if p.honorific == "councillor":
                        yield Seat(
                            p.name,
                            _CABINET,
                            SeatRole.CABINET_MEMBER,
                            c.start,
                            c.end,
                            "seat.cabinet-member-column",
                        )


def _cabinet_list(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "The new Cabinet is: Councillor Lorna Fitch (Finance and Resources), Councillor Dev Mistry (...)"."""
    for m in _CABINET_IS.finditer(seg.text):
        for p in split_people(m.group("list"), m.start("list"), "councillor"):
            yield Seat(p.name, _CABINET, SeatRole.CABINET_MEMBER, m.start(), m.end(), "seat.cabinet-list")


def _elected(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "Councillor X was elected Chairperson of the Council", "Councillor Y is Vice-Chair": of the body named,
    else the meeting's (a leader or deputy leader: of the council)."""
    for m in _ELECTED.finditer(seg.text):
        role = role_of(m.group("role")) or SeatRole.MEMBER
        meeting = seg.meeting_at(m.start())
        default = seg.council if _council_level(role) or not meeting else meeting.body
        body = _body_named(seg, m.group("body"), default)
        name = clean_name(m.group("who"))
        if name:
            yield Seat(name, body, role, m.start(), m.end(), "seat.elected")


def _respectively(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "Councillors A and B were Chair and Vice-Chair of the X Committee respectively"."""
    for m in _RESPECTIVELY.finditer(seg.text):
        body = _body_named(seg, m.group("body"), seg.council)
        for g, rg in (("a", "r1"), ("b", "r2")):
            role = role_of(m.group(rg))
            for p in split_people(m.group(g), m.start(g)):
                if role:
                    yield Seat(p.name, body, role, m.start(), m.end(), "seat.respectively")


def _chair_list_body(seg: Segmented, m: re.Match[str]) -> str | None:
    """The body a chair label is for: named just before it ("Licensing sub-committee Chairperson: Cllr X") or
    on a line above ("Audit and governance committee" / "Chair: Councillor X" / "Vice-Chair: Councillor Y")."""
    line_i = seg.line_index(m.start())
    before = seg.text[seg.lines[line_i].start : m.start()]
    label = _ROLE_LABEL.search(before)
    before = before[: label.start()] if label else before
    if re.search(r"\b(?:Councillor|Cllr)\b", before):
        before = ""  # the label follows another on its line ("Chairman Councillor A Lee Vice-Chairman ...")
    body = _heading_body(seg, before)
    j = line_i - 1
    while body is None and j >= max(0, line_i - 6):
        t = seg.lines[j].text
        if _MEMBERSHIP_HEAD.match(t) or re.match(r"\s*(?:Present|Attendance)\b", t, re.I):
            break  # "Membership": the meeting's own body, not a body called "Membership"
        if (
            t.strip()
            and not t.strip().startswith("(")
            and not _ROLE_LABEL.search(t)
            and not _CHAIR_LIST.search(t)
        ):
            body = _heading_body(seg, t)
            if body is None:
                break
        j -= 1
    return body


def _chair_list(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A list of chairs under body headings: "Chairperson: Cllr X / Vice-chairperson: Cllr Y"; with no heading,
    of the meeting the words are in ("Membership: Chairman Councillor A Lee Vice-Chairman Councillor B Khan")."""
    for m in _CHAIR_LIST.finditer(seg.text):
        if _PAST_PAIR.search(seg.text[max(0, m.start() - 80) : m.start()]):
            continue  # "the previous Chairman of this Committee A and Vice-Chairman Councillor B": both past
        meeting = seg.meeting_at(m.start())
        body = _chair_list_body(seg, m) or (meeting.body if meeting else None)
        role = role_of(re.sub(r"\s*-\s*", "-", m.group("role")))
        name = clean_name(m.group("who"))
        if role and body and name:
            yield Seat(name, body, role, m.start(), m.end(), "seat.chair-list")


def _role_appositive(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "The Chairman, Councillor Ifan Davies", "Councillor Keith Evans, Chair of the Council", "The Leader, Cllr.
    Terry Richardson": a chair of the body named, else of the meeting's; a leader of the council."""
    for rx in (_ROLE_THEN_CLLR, _CLLR_THEN_CHAIR):
        for m in rx.finditer(seg.text):
            role = role_of(m.group("role").replace(" ", "-") if "ice" in m.group("role") else m.group("role"))
            meeting = seg.meeting_at(m.start())
            default = (
                seg.council
                if role in (SeatRole.LEADER, SeatRole.DEPUTY_LEADER) or not meeting
                else meeting.body
            )
            body = _body_named(seg, m.group("body"), None) if m.group("body") else default
            name = clean_name(m.group("who"))
            if role and body and name:
                yield Seat(name, body, role, m.start(), m.end(), "seat.role-appositive")


def _in_the_chair(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """The one minutes say was in the chair, presiding or presided chairs the meeting's body (the council's
    when no meeting is found): "In the Chair: Councillor M Murnin", "Provost L Cameron, Convener, presided"."""
    for m in _IN_THE_CHAIR.finditer(seg.text):
        who = m.group("a") or m.group("b") or m.group("c") or m.group("d")
        name = clean_name(who)
        meeting = seg.meeting_at(m.start())
        body = meeting.body if meeting else seg.council
        if name and body:
            yield Seat(name, body, SeatRole.CHAIR, m.start(), m.end(), "seat.in-the-chair")


def _own_membership(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "Dr Ian Tait reminded the board of his membership of the Worcestershire Health and Wellbeing Board"."""
    for m in _OWN_MEMBERSHIP.finditer(seg.text):
        bodies = [b for b in find_bodies(m.group("body")) if b.start == 0]
        for p in split_people(m.group("who"), m.start("who")):
            if bodies:
                yield Seat(p.name, bodies[0].name, SeatRole.MEMBER, m.start(), m.end(), "seat.own-membership")


def _declared_seat(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A declaration of interest made as a member, trustee, governor or chair of another body: that seat."""
    for m in _DECLARED_SEAT.finditer(seg.text):
        word = m.group("role").lower()
        role = _DECLARED_ROLE.get(word) or role_of(word.replace(" ", "-"))
        if role is None or m.group("capacity") and role != SeatRole.MEMBER:
            continue  # "in his capacity as chairman of X": an office, read as a post
        body = re.sub(r"(?:[ \t]+(?:of|and|for|the|&))+$", "", m.group("body"))
        named = [b for b in find_bodies(body) if b.start == 0]
        body = named[0].name if named else body
        name = clean_name(m.group("who"))
        # a bare surname is a name only after a title ("Councillor Cleary"), never alone ("Brewster declared")
        if name and len(body.split()) >= 2 and (len(name.split()) >= 2 or m.group("title")):
            yield Seat(name, body, role, m.start(), m.end(), "seat.declared-interest")


def _portfolio_row(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A cabinet listed one member a line with their portfolio: every one a cabinet member, the leader and
    deputy leader (so noted) also the council's."""
    for entry in find_portfolio_rows(seg.lines):
        p = entry.person
        yield Seat(p.name, "Cabinet", SeatRole.CABINET_MEMBER, p.start, entry.end, "seat.portfolio-row")
        note = _PAREN_ROLE.match(p.note or "")
        role = role_of(note.group("role")) if note else None
        if role in (SeatRole.LEADER, SeatRole.DEPUTY_LEADER):
            yield Seat(p.name, seg.council, role, p.start, entry.end, "seat.portfolio-row")


def _listing(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A listing of members one a line: seats on the body the page is about (on a Cabinet or an Executive every
    listed member is a cabinet member)."""
    for entry in find_member_listing(seg.lines):
        meeting = seg.meeting_at(entry.person.start)
        body = meeting.body if meeting else None
        if not body or body == seg.council:
            continue
        role = (
            SeatRole.CABINET_MEMBER
            if _is_cabinet(body)
            else (role_of(entry.person.note or "") or SeatRole.MEMBER)
        )
        yield Seat(entry.person.name, body, role, entry.person.start, entry.end, "seat.listing")


def _substituted_for(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "A attended as a substitute for B": B sits on the body."""
    for m in _SUBSTITUTE_FOR.finditer(seg.text):
        meeting = seg.meeting_at(m.start())
        if meeting:
            for p in split_people(m.group("who"), m.start("who")):
                yield Seat(
                    p.name,
                    meeting.body,
                    SeatRole.MEMBER,
                    m.start(),
                    m.end(),
                    "seat.substituted-for",
                    meeting.date,
                )


# a member sitting for another at one meeting: "Councillor David Wilmshurst (in place of Councillor David Nimmo-Smith)",
# "Councillor Billy Brookes had been appointed to the Committee in place of Councillor Danny Brookes"
_IN_PLACE_OF = re.compile(
    r"(?P<who>\b(?:Councillor|Cllr)\.?[ \t]+(?:[A-Z]\.?[ \t]+){0,2}[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})"
    r"(?:[ \t]*\(|[ \t]+(?:had been|has been|was|were) appointed to the [A-Z][A-Za-z &'-]{2,60}?[ \t]+|[ \t]+)"
    r"in place of[ \t]+(?:Councillor|Cllr)\b"
)


def _in_place_of(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "A (in place of Councillor B)": A sits on the meeting's body as a substitute (and not as a member)."""
    for m in _IN_PLACE_OF.finditer(seg.text):
        meeting = seg.meeting_at(m.start())
        if meeting:
            for p in split_people(m.group("who"), m.start("who")):
                yield Seat(p.name, meeting.body, SeatRole.SUBSTITUTE, m.start(), m.end(), "seat.in-place-of")


def _members_table_row(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """A members table row (CMIS): "Councillor Margaret Forbes Member 10/06/2014 - 19/05/2015 75%", with the
    seat's start and end."""
    for m in _MEMBER_ROW.finditer(seg.text):
        meeting = seg.meeting_at(m.start())
        body = meeting.body if meeting else seg.council
        role = role_of(m.group("role"))
        if role is None or not body:
            continue
        for p in split_people(m.group("who"), m.start("who")):
            start, end = parse_date(m.group("s")), parse_date(m.group("e") or "")
            yield Seat(
                p.name,
                body,
                role,
                m.start(),
                m.end(),
                "seat.members-table-row",
                seg.date_at(m.start()),
                start,
                end,
                exact=True,
            )


def _paren_role(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "Cllr David Hitchiner (Leader)", "Councillor Ann Lee (Chairman of the Planning Committee)"."""
    for line in seg.lines:
        if "(" not in line.text:
            continue
        for p in split_people(line.text, line.start):
            if p.note and p.honorific == "councillor":
                pm = _PAREN_ROLE.match(p.note)
                if pm:
                    role = role_of(pm.group("role")) or SeatRole.MEMBER
                    body = _body_named(seg, pm.group("body"), seg.council if _council_level(role) else None)
                    yield Seat(p.name, body, role, p.start, p.note_start + len(p.note), "seat.paren-role")


def _councillor(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """Every councillor named in a council's papers sits on that council."""
    if seg.council:
        for m in find_honorific_people(seg.text):
            if m.honorific in ("councillor", "councillors", "cllr", "cllrs"):
                yield Seat(m.name, seg.council, SeatRole.MEMBER, m.start, m.end, "seat.councillor")


def _councillor_list(seg: Segmented, listed: Listed) -> Iterator[Seat]:
    """ "Councillors: A Lee, B Khan and C Ng": each sits on the council."""
    if seg.council:
        for line in seg.lines:
            # a list opens with a name or an initial, never a verb ("Councillors were advised that ...")
            lm = re.match(r"^\s*(?:Councillors|Cllrs)\s*:?\s+(?P<rest>[A-Z].+)$", line.text)
            if lm:
                for p in split_people(lm.group("rest"), line.start + lm.start("rest"), "councillor"):
                    yield Seat(p.name, seg.council, SeatRole.MEMBER, p.start, p.end, "seat.councillor-list")


Read = Callable[[Segmented, Listed], Iterator[Seat]]


# in this order: the first reading of a (person, body, role) is the one kept
RULES: tuple[Rule[Read], ...] = (
    Rule("seat.in-place-of", _in_place_of),
    Rule("seat.membership-block", _membership_block),
    Rule("seat.represents-council", _represents_council),
    Rule("seat.councillor-attending", _councillor_attending),
    Rule("seat.co-opted-listed", _co_opted_listed),
    Rule("seat.from-attendance", _from_attendance),
    Rule("seat.appositive-role", _appositive),
    Rule("seat.cabinet-member-label", _cabinet_member_label),
    Rule("seat.cabinet-member-column", _cabinet_member_column),
    Rule("seat.cabinet-list", _cabinet_list),
    Rule("seat.elected", _elected),
    Rule("seat.respectively", _respectively),
    Rule("seat.chair-list", _chair_list),
    Rule("seat.in-the-chair", _in_the_chair),
    Rule("seat.role-appositive", _role_appositive),
    Rule("seat.own-membership", _own_membership),
    Rule("seat.declared-interest", _declared_seat),
    Rule("seat.portfolio-row", _portfolio_row),
    Rule("seat.listing", _listing),
    Rule("seat.substituted-for", _substituted_for),
    Rule("seat.members-table-row", _members_table_row),
    Rule("seat.paren-role", _paren_role),
    Rule("seat.councillor", _councillor),
    Rule("seat.councillor-list", _councillor_list),
)


def _fact(seg: Segmented, s: Seat, body: str) -> SeatFact:
    evidence = (seg.evidence if s.exact else seg.sentence_evidence)(s.start, s.end, s.rule)
    return SeatFact(
        person=s.name,
        body=body,
        role=s.role,
        date=s.date or seg.date_at(s.start),
        start=s.began,
        end=s.ended,
        evidence=evidence,
    )


def seats(seg: Segmented, listed: Listed) -> list[SeatFact]:
    """Every seat the rules read, once per (person, body, role): `listed` is the document's attendance, each
    fact with the list item it was read from (read once, by `attendance.attendance_listed`)."""
    out: list[SeatFact] = []
    seen: set[tuple[str, str, SeatRole]] = set()
    cabinet = page_cabinet(seg.text)
    for rule in RULES:
        for s in rule.read(seg, listed):
            if s.body == _CABINET:
                s = replace(s, body=cabinet)
            if not s.held:
                seen.add((s.name, s.body or "", s.role))
                continue
            if not s.body or not s.name or (s.name, s.body, s.role) in seen:
                continue
            if s.role == SeatRole.MEMBER and (s.name, s.body, SeatRole.SUBSTITUTE) in seen:
                continue  # a substitute at this meeting is no member of the body
            seen.add((s.name, s.body, s.role))
            out.append(_fact(seg, s, s.body))
    # "Councillor Delaney" is the "R Delaney" the document names in full: one seat, not two
    fold = fold_surnames({f.person for f in out})
    folded: list[SeatFact] = []
    kept: set[tuple[str, str, SeatRole]] = set()
    for f in out:
        f = replace(f, person=fold.get(f.person, f.person))
        if (f.person, f.body, f.role) not in kept:
            kept.add((f.person, f.body, f.role))
            folded.append(f)
    return folded
