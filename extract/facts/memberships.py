"""Seats: a person sits on a body in a capacity (chair, vice-chair, member, co-opted
member, substitute, leader, deputy leader, cabinet member).

Read from membership blocks of agendas, the chair notes of a Present block, elections
and appointments ("Councillor X was elected Chairperson of the Council"), lists of
chairs ("Chairperson: Cllr X / Vice-chairperson: Cllr Y"), and the plain fact that a
councillor named in a council's papers is a member of that council.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.dates import parse_date
from extract.facts.attendance import attendance_listed
from extract.facts.decisions import header_tables
from extract.mentions import (
    classify_body,
    find_bodies,
    find_honorific_people,
    find_member_listing,
    find_portfolio_rows,
    split_people,
)
from extract.names import fold_surnames
from extract.records import Capacity, OrgKind, SeatFact, SeatRole
from extract.segment import Segmented
from extract.vocab.posts import is_post

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
_ELECTED = re.compile(
    r"(?P<who>(?:Councillor|Cllr)\.?\s+[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+"
    r"(?:(?:was|is|be|has been|had been|were)?\s*(?:duly |re-?)?(?:elected|appointed|remains|remains as|continues as)|"
    r"is|was|will be)\s+"
    r"(?:as\s+)?(?:the\s+)?(?P<role>Vice[- ]Chair(?:person|man)?|Chair(?:person|man)?|Deputy Leader|Leader)"
    r"(?:\s+of\s+(?:the\s+)?(?P<body>[A-Z][^\n.,;]*?))?(?=[\n.,;]|\s+for\b|\s+and\b|$)"
)
_RESPECTIVELY = re.compile(
    r"(?P<a>(?:Councillor|Cllr)\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+and\s+(?P<b>(?:Councillor|Cllr)\.?\s+[A-Z][\w'-]+"
    r"(?:\s+[A-Z][\w'-]+)?)\s+(?:are|were|will be)\s+(?:the\s+)?(?P<r1>Vice[- ]Chair\w*|Chair\w*)\s+and\s+"
    r"(?P<r2>Vice[- ]Chair\w*|Chair\w*)(?:\s+of\s+(?P<body>[A-Z][^\n.,;]*?))?\s+respectively",
    re.I,
)
_CHAIR_LIST = re.compile(
    r"(?P<role>Vice[- ]chair(?:person|man)?|Chair(?:person|man)?)[ \t]*:[ \t]*(?P<who>(?:Councillor|Cllr)\.?[ \t]+"
    r"[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+){0,2})",
    re.I,
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
    if re.fullmatch(r"(?:full |the )?council", t, re.I):
        return seg.council
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


# (a word of a name is under 60 characters without a space: inside a longer run, the rule read the rest of the
# run again from each capital in it)
_OWN_MEMBERSHIP = re.compile(
    r"(?P<who>(?:(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Professor)\.?[ \t]+)?(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+"
    r"(?:[ \t]+(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+){0,2})"
    r"[ \t]+(?:reminded|informed|advised|declared|noted|reported)[^.\n]{0,60}?\b(?:his|her|their)[ \t]+membership[ \t]+of"
    r"[ \t]+(?:the[ \t]+)?(?P<body>[A-Z][^.,;\n]{3,100})"
)


_CO_OPTED_LABEL = re.compile(
    r"^\s*(?:co-?opted|independent|parent governor)[\w ]{0,30}(?:members?|persons?|"
    r"representatives?)\s*:",
    re.I,
)
_CO_OPTED_NOTE = re.compile(r"\bco-?opted\b|\bindependent (?:member|person)\b|\bparent governor\b", re.I)
_CABINET = "Cabinet"
_CABINET_COL = re.compile(
    r"^(?:Cabinet Member|Portfolio Holder|Executive Member|Lead Member)s?(?: responsible)?$", re.I
)
_EXEC_ROLE = (
    r"(?:Cabinet Member|Portfolio Holder|Executive Member|Executive Councillor|Lead Member|Leader|"
    r"Deputy Leader)"
)
# "Councillor Adrian Bell, Leader of the Council", "Councillor F Mbeki (Cabinet Member for Housing)",
# "Councillor Sandra Kettering – Cabinet Member for Children's Services"
_APPOSITIVE_ROLE = re.compile(
    r"(?P<who>\b(?:Councillor|Cllr)\.?[ \t]+(?:[A-Z]\.?[ \t]+)?[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})"
    rf"[ \t]*(?:,|\(|[\u2013\u2014-])[ \t]*(?:the[ \t]+)?(?P<role>{_EXEC_ROLE})"
    r"(?=[ \t]+(?:for|of|with)\b|[ \t]*[),:.;\n]|$)"
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


def seats(seg: Segmented) -> list[SeatFact]:
    out: list[SeatFact] = []
    seen: set[tuple[str, str, SeatRole]] = set()

    def add(name: str, body: str | None, role: SeatRole, start: int, end: int, rule: str, date=None) -> None:
        if not body or not name:
            return
        key = (name, body, role)
        if key in seen:
            return
        seen.add(key)
        out.append(
            SeatFact(
                person=name,
                body=body,
                role=role,
                date=date or seg.date_at(start),
                evidence=seg.sentence_evidence(start, end, rule),
            )
        )

    # membership blocks: "Chairperson<TAB>Councillor X", "<TAB>Councillor Y", "Co-opted Members<TAB>Name<TAB>Body"
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
                add(p.name, body, current, p.start, p.end, "seat.membership-block")
            if label in (SeatRole.CHAIR, SeatRole.VICE_CHAIR):
                current = SeatRole.MEMBER
    # attendance at a meeting: chair notes, and committee members present or with apologies
    # a member listed by the council they represent (a joint committee, a combined authority's board):
    # "Councillor Andrew Falconer – Westbury City Council" sits on that council
    listed_all = attendance_listed(seg)
    represents: dict[str, str] = {}
    for a, listed in listed_all:
        note = (listed.note or "").strip()
        if (
            note
            and listed.honorific == "councillor"
            and find_bodies(note)
            and find_bodies(note)[0].start == 0
            and len(find_bodies(note)[0].name) >= len(note) - 2
            and classify_body(find_bodies(note)[0].name) == OrgKind.COUNCIL
        ):
            represents[a.person] = find_bodies(note)[0].name
            add(
                a.person,
                represents[a.person],
                SeatRole.MEMBER,
                a.evidence.start,
                a.evidence.end,
                "seat.represents-council",
                a.meeting_date,
            )
    for name in represents:
        seen.add((name, seg.council or "", SeatRole.MEMBER))  # not a member of the host council
    for a, listed in listed_all:
        councillor = listed.honorific in ("councillor", "councillors", "cllr", "cllrs")
        if councillor and seg.council:
            add(
                a.person,
                seg.council,
                SeatRole.MEMBER,
                a.evidence.start,
                a.evidence.end,
                "seat.councillor-attending",
                a.meeting_date,
            )
        if a.capacity == Capacity.IN_ATTENDANCE:
            continue
        # a co-opted member: listed under a "Co-opted Members:" label, or so noted ("Mr A Pryce (Independent Member)")
        label_line = seg.lines[seg.line_index(listed.start)].text
        if (
            not councillor
            and a.capacity == Capacity.PRESENT
            and (_CO_OPTED_LABEL.match(label_line) or _CO_OPTED_NOTE.search(listed.note or ""))
        ):
            add(
                a.person,
                a.body,
                SeatRole.CO_OPTED,
                a.evidence.start,
                a.evidence.end,
                "seat.co-opted-listed",
                a.meeting_date,
            )
            continue
        # an officer listed with a job title attends; a member sits on the body
        if (
            listed.note
            and is_post(listed.note)
            and not role_of(listed.note)
            and not councillor
            and not a.chair
        ):
            continue
        if a.capacity == Capacity.APOLOGIES and not councillor and not listed.note:
            continue
        ev = a.evidence
        line = seg.text[ev.start : ev.end]
        role = SeatRole.CABINET_MEMBER if _is_cabinet(a.body) else SeatRole.MEMBER
        after = seg.text[ev.start : ev.end].lower()
        if a.chair:
            role = SeatRole.CHAIR
        elif role_of(listed.note or "") == SeatRole.VICE_CHAIR:
            role = SeatRole.VICE_CHAIR
        elif (
            re.search(r"vice[- ]chair", after)
            and a.person.split()[-1].lower() in line.lower()
            and re.search(re.escape(a.person) + r"\s*\(vice[- ]chair", seg.text[ev.start : ev.end + 40], re.I)
        ):
            role = SeatRole.VICE_CHAIR
        elif re.search(r"co-opted", line, re.I) and re.search(
            r"co-opted[^\n]*" + re.escape(a.person) + "|" + re.escape(a.person) + r"[^\n]{0,5}\(co-opted",
            line,
            re.I,
        ):
            role = SeatRole.CO_OPTED
        elif re.search(r"substitute", line, re.I) and a.capacity == Capacity.PRESENT:
            role = SeatRole.SUBSTITUTE
        add(a.person, a.body, role, ev.start, ev.end, "seat.from-attendance", a.meeting_date)
    for m in _APPOSITIVE_ROLE.finditer(seg.text):
        role = _appositive_role(m.group("role"))
        body = seg.council if role in (SeatRole.LEADER, SeatRole.DEPUTY_LEADER) else _CABINET
        for p in split_people(m.group("who"), m.start("who")):
            add(p.name, body, role, m.start(), m.end(), "seat.appositive-role")
    for m in _ROLE_LABEL_WHO.finditer(seg.text):
        for p in split_people(m.group("who"), m.start("who")):
            add(p.name, _CABINET, SeatRole.CABINET_MEMBER, m.start(), m.end(), "seat.cabinet-member-label")
    # a table column of cabinet members (a forward plan's "Cabinet Member" / "Portfolio Holder")
    for cols, rows in header_tables(seg, {"cabinet": _CABINET_COL}, {"cabinet"}):
        for cells in rows:
            if len(cells) > cols["cabinet"]:
                c = cells[cols["cabinet"]]
                for p in split_people(c.text, c.start):
                    if p.honorific == "councillor":
                        add(
                            p.name,
                            _CABINET,
                            SeatRole.CABINET_MEMBER,
                            c.start,
                            c.end,
                            "seat.cabinet-member-column",
                        )
    for m in _CABINET_IS.finditer(seg.text):
        for p in split_people(m.group("list"), m.start("list"), "councillor"):
            add(p.name, _CABINET, SeatRole.CABINET_MEMBER, m.start(), m.end(), "seat.cabinet-list")
    for m in _ELECTED.finditer(seg.text):
        role = role_of(m.group("role")) or SeatRole.MEMBER
        meeting = seg.meeting_at(m.start())
        default = seg.council if _council_level(role) or not meeting else meeting.body
        body = _body_named(seg, m.group("body"), default)
        for p in split_people(m.group("who"), m.start("who")):
            add(p.name, body, role, m.start(), m.end(), "seat.elected")
    for m in _RESPECTIVELY.finditer(seg.text):
        body = _body_named(seg, m.group("body"), seg.council)
        for g, rg in (("a", "r1"), ("b", "r2")):
            role = role_of(m.group(rg))
            for p in split_people(m.group(g), m.start(g)):
                if role:
                    add(p.name, body, role, m.start(), m.end(), "seat.respectively")
    for m in _CHAIR_LIST.finditer(seg.text):
        # the body is named just before ("Licensing sub-committee Chairperson: Cllr X") or on a line above
        # ("Audit and governance committee" / "Chair: Councillor X" / "Vice-Chair: Councillor Y")
        line_i = seg.line_index(m.start())
        before = seg.text[seg.lines[line_i].start : m.start()]
        label = _ROLE_LABEL.search(before)
        before = before[: label.start()] if label else before
        body = _heading_body(seg, before)
        j = line_i - 1
        while body is None and j >= max(0, line_i - 6):
            t = seg.lines[j].text
            if t.strip() and not t.strip().startswith("(") and not _ROLE_LABEL.search(t):
                body = _heading_body(seg, t)
                if body is None:
                    break
            j -= 1
        role = role_of(m.group("role"))
        for p in split_people(m.group("who"), m.start("who")):
            if role and body:
                add(p.name, body, role, m.start(), m.end(), "seat.chair-list")
    # "Dr Ian Tait reminded the board of his membership of the Worcestershire Health and Wellbeing Board"
    for m in _OWN_MEMBERSHIP.finditer(seg.text):
        bodies = [b for b in find_bodies(m.group("body")) if b.start == 0]
        for p in split_people(m.group("who"), m.start("who")):
            if bodies:
                add(p.name, bodies[0].name, SeatRole.MEMBER, m.start(), m.end(), "seat.own-membership")
    # a listing of members one a line: seats on the body the page is about; on a Cabinet or an Executive
    # every listed member (leader and deputy leader too) is a cabinet member
    for entry in find_portfolio_rows(seg.lines):
        add(
            entry.person.name,
            "Cabinet",
            SeatRole.CABINET_MEMBER,
            entry.person.start,
            entry.end,
            "seat.portfolio-row",
        )
        note = _PAREN_ROLE.match(entry.person.note or "")
        role = role_of(note.group("role")) if note else None
        if role in (SeatRole.LEADER, SeatRole.DEPUTY_LEADER):
            add(entry.person.name, seg.council, role, entry.person.start, entry.end, "seat.portfolio-row")
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
        add(entry.person.name, body, role, entry.person.start, entry.end, "seat.listing")
    # "A attended as a substitute for B": B sits on the body
    for m in _SUBSTITUTE_FOR.finditer(seg.text):
        meeting = seg.meeting_at(m.start())
        if meeting:
            for p in split_people(m.group("who"), m.start("who")):
                add(
                    p.name,
                    meeting.body,
                    SeatRole.MEMBER,
                    m.start(),
                    m.end(),
                    "seat.substituted-for",
                    meeting.date,
                )
    # a members table row (CMIS): "Councillor Margaret Forbes Member 10/06/2014 - 19/05/2015 75%"
    for m in _MEMBER_ROW.finditer(seg.text):
        meeting = seg.meeting_at(m.start())
        body = meeting.body if meeting else seg.council
        role = role_of(m.group("role"))
        if role is None or not body:
            continue
        for p in split_people(m.group("who"), m.start("who")):
            start, end = parse_date(m.group("s")), parse_date(m.group("e") or "")
            key = (p.name, body, role)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                SeatFact(
                    person=p.name,
                    body=body,
                    role=role,
                    date=seg.date_at(m.start()),
                    start=start,
                    end=end,
                    evidence=seg.evidence(m.start(), m.end(), "seat.members-table-row"),
                )
            )
    # "Cllr David Hitchiner (Leader)"
    for line in seg.lines:
        if "(" not in line.text:
            continue
        for p in split_people(line.text, line.start):
            if p.note and p.honorific == "councillor":
                pm = _PAREN_ROLE.match(p.note)
                if pm:
                    role = role_of(pm.group("role")) or SeatRole.MEMBER
                    body = _body_named(seg, pm.group("body"), seg.council if _council_level(role) else None)
                    add(p.name, body, role, p.start, p.note_start + len(p.note), "seat.paren-role")
    # every councillor named in a council's papers sits on that council
    if seg.council:
        for m in find_honorific_people(seg.text):
            if m.honorific in ("councillor", "councillors", "cllr", "cllrs"):
                add(m.name, seg.council, SeatRole.MEMBER, m.start, m.end, "seat.councillor")
        for line in seg.lines:
            lm = re.match(r"^\s*(?:Councillors|Cllrs)\s*:?\s+(?P<rest>.+)$", line.text)
            if lm:
                for p in split_people(lm.group("rest"), line.start + lm.start("rest"), "councillor"):
                    add(p.name, seg.council, SeatRole.MEMBER, p.start, p.end, "seat.councillor-list")
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
