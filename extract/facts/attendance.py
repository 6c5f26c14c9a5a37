"""Attendance: who was present, who was in attendance, who sent apologies.

Minutes record this in blocks ("Present:", "Councillors:", "In attendance:",
"Apologies for absence were received from ...") and in passing ("Councillor X proposed",
"the report was presented by Dr Y", "Z attended as a substitute for W").

The labelled blocks are read line by line (`LINE_RULES`: the first rule whose label a line is takes the
line and its block), then the sentences and tables over the whole text (`RULES`). Each rule has an example,
with the fact expected from it, in `patterns/attendance.jsonl` (a test runs every example); the first
mention of a person at a meeting in a capacity is the one kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from extract.mentions import ListedPerson, split_people
from extract.names import fold_surnames
from extract.records import AttendanceFact, Capacity
from extract.rules import Rule
from extract.segment import Line, Segmented, header_tables

# an attendance fact with the list item it was read from (its honorific and note)
Listed = list[tuple[AttendanceFact, ListedPerson]]

_PRESENT = re.compile(
    r"^\s*(?:Present|PRESENT|Members present|Attendees|(?i:(?:members|councillors|board members|"
    r"committee members|voting members|cabinet members|panel members) present|in the chair|(?:non-)?constituent (?:council )?members)"
    r"(?=\s*:|\s*$))\s*:?\s*(?P<rest>.*)$"
)
_IN_CHAIR = re.compile(r"^\s*in the chair\b", re.I)
_MEMBERS_LINE = re.compile(
    r"^\s*(?:Members|Panel(?: members)?|Sub-Committee members|Committee members)\s*:\s*"
    r"(?P<rest>(?:Councillors?|Cllrs?)\b.+)$"
)
_AGENDA = re.compile(r"\b(?:agenda|summons|notice of (?:the )?meeting|membership)\b", re.I)
_CONTINUATION = re.compile(
    r"^\s*(?P<label>Councillors?|Cllrs?|Co-opted Members?|Co-optees?|Members?|"
    r"Independent Members?|Parent Governors?|Substitutes?)\s*:\s*(?P<rest>.+)$",
    re.I,
)
_IN_ATTENDANCE = re.compile(
    r"^\s*(?:Also |Others |Officers |Officers also )?(?:in attendance|In Attendance|IN ATTENDANCE|"
    r"Officers(?: present)?|(?:Also|Others) (?:present|attending)|(?:Council )?Officers attending|"
    r"Other attendees|Other (?:members|councillors) present|(?:Legal advis[eo]r|Licensing officer|"
    r"Clerk(?: to the [A-Za-z -]{3,40})?|Democratic services officer|Committee (?:clerk|officer|"
    r"administrator)|Minute taker)(?=\s*:\s*[A-Z]))"
    r"(?:\s*:\s*|\s*$)(?P<rest>.*)$",
    re.I,
)  # CMIS: the label alone on its line, no colon
_APOLOGIES = re.compile(
    r"\bApologies(?: for absence)?(?: were| had been| have been)? (?:received|submitted|given|tendered)"
    r"(?: on behalf of| from)?\s*:?\s*(?P<rest>[^\n]+)",
    re.I,
)
_APOLOGIES_LINE = re.compile(
    r"^\s*(?:Apologies(?: for absence)?(?: received(?: from)?)?|Absent(?: with apologies)?)"
    r"(?:\s*:\s*|\s*$)(?P<rest>.*)$",
    re.I,
)
# "Councillor Tom Everley (Westbury City Council), substituted by Councillor Rita Hambleton"
# (a match never starts inside a run of spaces: from there `\s*` re-read the run from each of its characters)
_SUBSTITUTED_BY = re.compile(
    r"(?:(?<!\s)|(?!\s)),?\s*\b(?:substituted by|represented by|(?:with )?substitute:)\s+(?P<who>(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})",
    re.I,
)
# one person a line, with a note after a dash: "Jane Whitlock – Chief Finance Officer"
# (the name ends at the start of the spaces before the dash, not at each of them: a line of spaces was quadratic)
_DASH_NOTE = re.compile(
    r"^(?P<who>[^\t\u2013\u2014]+?)(?:(?<!\s)|(?<=^\s))\s++[\u2013\u2014-]\s++(?P<note>\S.*)$"
)
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\.?|[A-Z]{1,4}\s*/?\s*\d+(?:/\d+)?\.?|MIN\s+\d+(?:/\d+)?)\s+\S")
# a word of a name is under 60 characters without a space (_W): inside a longer run, a rule read the rest of the
# run again from each capital in it, quadratic in a 120 kB hyphenated "word"
_W = r"(?![\w'\u2019-]{60})"
_SUBSTITUTE = re.compile(
    rf"(?P<who>(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+)?{_W}[A-Z][\w'\u2019-]+(?:\s+{_W}[A-Z][\w'\u2019-]+){{0,2}})"
    r"\s+attended(?: the meeting)? as (?:a |the )?(?:named )?substitute(?: member)? for",
    re.M,
)
_SUBS_LIST = re.compile(r"\b(?P<list>(?:Cllrs?|Councillors)\s+[^\n.]+?)\s+attended as substitutes")
_NAMED_SUBS = re.compile(r"named substitutes were present:\s*(?P<rest>[^\n]+)", re.I)
_PROPOSED = re.compile(
    r"\b(?P<hon>Councillor|Cllr)\.?\s+(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+"
    r"(?:proposed|seconded|moved|declared|had a dispensation|made the statutory declaration|assumed the Chair)"
)
_PRESENTED_BY = re.compile(
    r"\b(?:presented|introduced) by (?P<list>(?:(?:Dr|Mr|Mrs|Ms|Professor)\.?\s+)?[A-Z][\w'\u2019-]+"
    r"(?:\s+[A-Z][\w'\u2019-]+){1,2})"
)
_INTRODUCED = re.compile(
    rf"(?:^|\.\s+)(?P<who>(?:(?:Dr|Mr|Mrs|Ms|Professor)\.?\s+)?[A-Z][a-z]+(?:[- ]{_W}[A-Z][\w'\u2019-]+){{1,2}}),"
    r"[^.\n]{3,120}?,\s+(?:introduced|presented) the",
    re.M,
)
_NAME_NOTE_PRESENTED = re.compile(
    rf"(?:^|(?<=[.:]\s))(?P<who>(?:(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Professor)\.?[ \t]+)?[A-Z][a-z]+(?:[- ]{_W}[A-Z][\w'\u2019-]+)"
    r"{1,2})[ \t]*\([^()\n]{2,120}\)[ \t]+(?:introduced|presented|gave|outlined)\b",
    re.M,
)
_INVITED = re.compile(
    rf"\binvited (?P<who>(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Professor)\.?[ \t]+[A-Z][a-z]+(?:[- ]{_W}[A-Z][\w'\u2019-]+){{1,2}})"
    r"(?:[ \t]*\([^()\n]{2,120}\))?[ \t]+to\b"
)
_FROM_NAMES = re.compile(
    r"\b(?:received|heard|welcomed)\b[^.\n]{0,200}?\bfrom (?P<rest>(?:Dr |Mr |Mrs |Ms )?[A-Z][a-z]+ [A-Z][\w'\u2019-]+,[^\n]+)"
)
_BLOCK_END = re.compile(
    r"^\s*(?:\d+\.|(?-i:[A-Z][A-Z ]{8,}$)|Apologies|Minutes|Item|Agenda|In attendance|Officers|Absent\b)",
    re.I,
)


# a Present label inside a line (a PDF flattened the record): the list runs to the next label or numbered item
_INLINE_PRESENT = re.compile(
    r"(?<![A-Za-z])(?<!Also )(?<!ALSO )(?<!Officers )(?<!OFFICERS )(?:PRESENT|Present|Members Present)(?: IN CHAMBER| in Chamber)?\s*:-?\s*"
    r"(?:IN CHAMBER\s*:\s*)?(?=\S)"
)
_INLINE_END = re.compile(
    r"(?<![A-Za-z])(?:In [Aa]ttendance|IN ATTENDANCE|Also [Pp]resent|ALSO PRESENT|"
    r"Officers [Pp]resent|OFFICERS PRESENT|Officers [Ii]n [Aa]ttendance|Attending|"
    r"Apologies|APOLOGIES)\b|\s\d{1,3}\.?\s+[A-Z]{3,}"
)


def _inline_present(seg: Segmented, line: Line) -> Listed | None:
    """ "... held on 27 January 2020 PRESENT: The Mayor (Alderman J Smyth) ...": a record flattened into one line;
    the Present list runs to the next label, then the officers or apologies after it. None: no such label."""
    m = _INLINE_PRESENT.search(line.text)
    if m is None:
        return None
    rest = line.text[m.end() :]
    end = _INLINE_END.search(rest)
    rest = rest[: end.start()] if end else rest
    people = split_people(rest, line.start + m.end())
    facts = _facts(seg, people, Capacity.PRESENT, "attendance.inline-present", chair_notes=True)
    return facts + (_inline_attendance(seg, line, m.end() + end.start()) if end else [])


def _inline_attendance(seg: Segmented, line: Line, at: int) -> Listed:
    """The officers or apologies after an inline Present list, to the next label or numbered item."""
    text = line.text[at:]
    label = re.match(r"(?P<label>[^:\n]{0,40}?)\s*:-?\s*", text)
    if label is None:
        return []
    cap = Capacity.APOLOGIES if label.group("label").lower().startswith("apolog") else Capacity.IN_ATTENDANCE
    rest = text[label.end() :]
    end = _INLINE_END.search(rest)
    rest = rest[: end.start()] if end else rest
    return _facts(seg, split_people(rest, line.start + at + label.end()), cap, "attendance.inline-present")


def _line_people(text: str, offset: int, honorific: str = "") -> list[ListedPerson]:
    """The people of one line of a block: a list ("A, B and C"), or one person with a note after a dash."""
    m = _DASH_NOTE.match(text)
    if m and "," not in m.group("who"):
        who = split_people(m.group("who"), offset + m.start("who"), honorific)
        if len(who) == 1:
            p = who[0]
            return [
                ListedPerson(
                    p.start, p.end, p.name, p.honorific, m.group("note").strip(), offset + m.start("note")
                )
            ]
    return split_people(text, offset, honorific)


def _block(seg: Segmented, i: int, rest_start: int, cap: Capacity, rule: str) -> tuple[Listed, int]:
    """An In attendance / Apologies label's people: the rest of its line, then (when the line has no one) the lines
    below it, one entry or list a line, until a blank line, a label, a numbered item or a line naming no one."""
    lines = seg.lines
    line = lines[i]
    out: Listed = []
    rest = seg.text[rest_start : line.end]
    if rest.strip():
        return _facts_with_subs(seg, rest, rest_start, cap, rule), i + 1
    j = i + 1
    while j < len(lines) and not lines[j].text.strip() and j - i < 2:
        j += 1
    skipped = False
    while j < len(lines):
        ln = lines[j]
        t = ln.text
        listing = len(t) <= 200 or (len(t) <= 3000 and len(re.findall(r"[,;]", t)) * 60 >= len(t))
        if not t.strip() or _label_of(t) or _NUMBERED.match(t) or not listing:
            break
        found = _facts_with_subs(seg, t, ln.start, cap, rule)
        if not found and not out and not skipped and len(t) < 60:
            skipped = True  # "Apologies" / "Apologies from members." / "Councillors Dowling and K MacLaren."
            j += 1
            continue
        if not found:
            break
        out += found
        j += 1
    return out, j


def _facts_with_subs(seg: Segmented, text: str, offset: int, cap: Capacity, rule: str) -> Listed:
    """The people of a list; "X, substituted by Y" in an apologies list makes Y present."""
    out = []
    sub = _SUBSTITUTED_BY.search(text) if cap == Capacity.APOLOGIES else None
    if sub:
        out += _facts(
            seg,
            split_people(sub.group("who"), offset + sub.start("who")),
            Capacity.PRESENT,
            "attendance.substituted-by",
        )
        text = text[: sub.start()]
    return _facts(seg, _line_people(text, offset), cap, rule) + out


def _label_of(text: str) -> bool:
    return bool(_PRESENT.match(text) or _IN_ATTENDANCE.match(text) or _APOLOGIES_LINE.match(text))


_CHAIR_NOTE = re.compile(r"^(?:(?:independent|acting|interim) )?(?:chair(?:person|man|woman)?|in the chair)$")


def _facts(
    seg: Segmented, people: list[ListedPerson], cap: Capacity, rule: str, chair_notes: bool = False
) -> Listed:
    out = []
    for p in people:
        meeting = seg.meeting_at(p.start)
        if meeting is None:
            continue
        note = (p.note or "").lower()
        out.append(
            (
                AttendanceFact(
                    person=p.name,
                    body=meeting.body,
                    meeting_date=meeting.date,
                    capacity=cap,
                    chair=chair_notes and bool(_CHAIR_NOTE.match(note)),
                    evidence=seg.sentence_evidence(p.start, p.end, rule),
                ),
                p,
            )
        )
    return out


# an attendance table (ModernGov "Attendance details", CMIS): a name column and a column saying Present / Apologies
_COL_WHO = re.compile(r"^(?:attendee|name|member|board member|councillor|committee member)s?$", re.I)
_COL_ROLE = re.compile(r"^(?:role|position|capacity|title)$", re.I)
_COL_ATTENDED = re.compile(r"^(?:attendance|attended|status|present(?:/apologies)?)$", re.I)
_ATTENDED = [
    (re.compile(r"^(?:present|attended|in attendance|yes|expected)\b", re.I), Capacity.PRESENT),
    (re.compile(r"^(?:apologies|apologies received|sent apologies|absent)\b", re.I), Capacity.APOLOGIES),
]


def _table_attendance(seg: Segmented) -> Listed:
    out: list[tuple[AttendanceFact, ListedPerson]] = []
    cols_rx = {"who": _COL_WHO, "role": _COL_ROLE, "attended": _COL_ATTENDED}
    for cols, rows in header_tables(seg, cols_rx, {"who", "attended"}):
        for cells in rows:
            if len(cells) <= max(cols.values()):
                continue
            said = cells[cols["attended"]].text
            cap = next((c for rx, c in _ATTENDED if rx.match(said)), None)
            who = cells[cols["who"]]
            people = split_people(who.text, who.start)
            if cap is None or len(people) != 1:
                continue
            p = people[0]
            if "role" in cols and not p.note:
                role = cells[cols["role"]]
                p = ListedPerson(p.start, p.end, p.name, p.honorific, role.text or None, role.start)
            out += _facts(seg, [p], cap, "attendance.table-row", chair_notes=True)
    return out


# --- labelled blocks, read line by line ------------------------------------------------------


def _present_line(seg: Segmented, i: int, j: int) -> Listed:
    """The people of line j of a Present block that opens at line i: after the label on the first line, after
    a "Councillors:" / "Co-opted Members:" label or none below it."""
    ln = seg.lines[j]
    text = ln.text
    cm = _PRESENT.match(text) if j == i else _CONTINUATION.match(text)
    rest_start = ln.start + (cm.start("rest") if cm else 0)
    rest = text[rest_start - ln.start :]
    hon = "councillor" if cm and "councillor" in (cm.groupdict().get("label") or "").lower() else ""
    listed = _line_people(rest, rest_start, hon)
    if j == i and _IN_CHAIR.match(text):  # "In the Chair: Mayor Jo Prentice"
        listed = [
            ListedPerson(p.start, p.end, p.name, p.honorific, p.note or "in the chair", p.note_start)
            for p in listed
        ]
    return _facts(seg, listed, Capacity.PRESENT, "attendance.present-block", chair_notes=True)


def _present_block(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    """ "Present:" and the lines below it, until an attendance label, a heading, a second Present label, a
    numbered item or two blank lines."""
    lines = seg.lines
    m = _PRESENT.match(lines[i].text)
    if not m or not (m.group("rest").strip() or i + 1 < len(lines)):
        return None
    facts: Listed = []
    j, blanks = i, 0
    while j < len(lines):
        text = lines[j].text
        if j > i and (_IN_ATTENDANCE.match(text) or _BLOCK_END.match(text)):
            break
        blanks = blanks + 1 if not text.strip() else 0
        if blanks >= 2:
            break
        if j > i and _PRESENT.match(text):
            break  # a second Present label: a block of its own
        if j > i and _NUMBERED.match(text) and not _CONTINUATION.match(text):
            break
        facts += _present_line(seg, i, j)
        j += 1
    return facts, j


def _members_line(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    """ "Members: Councillors A, B and C" in minutes (in an agenda or a summons it is the membership)."""
    line = seg.lines[i]
    m = _MEMBERS_LINE.match(line.text)
    if not m or _AGENDA.search(seg.text[:1500]):
        return None
    rest_start = line.start + m.start("rest")
    people = split_people(m.group("rest"), rest_start)
    return _facts(seg, people, Capacity.PRESENT, "attendance.members-line", chair_notes=True), i + 1


def _labelled(
    seg: Segmented, i: int, rx: re.Pattern[str], cap: Capacity, rule: str
) -> tuple[Listed, int] | None:
    """A label's people (`_block`); a label with people on its own line is one line."""
    line = seg.lines[i]
    m = rx.match(line.text)
    if not m:
        return None
    found, nxt = _block(seg, i, line.start + m.start("rest"), cap, rule)
    return found, max(i + 1, nxt if not m.group("rest").strip() else i + 1)


def _in_attendance_block(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    """ "In attendance:", "Officers present:", "Clerk: ..." and the people after it or below it."""
    return _labelled(seg, i, _IN_ATTENDANCE, Capacity.IN_ATTENDANCE, "attendance.in-attendance-block")


def _apologies_line(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    """ "Apologies for absence:" and the people after it or below it ("X, substituted by Y": Y present)."""
    return _labelled(seg, i, _APOLOGIES_LINE, Capacity.APOLOGIES, "attendance.apologies-line")


def _inline_present_line(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    inline = _inline_present(seg, seg.lines[i])
    return None if inline is None else (inline, i + 1)


# a rule that reads a labelled block from the line it starts on: the facts and the line after the block,
# or None when the line is not its label. The first rule that reads a line takes it (and its block).
LineRead = Callable[[Segmented, int], tuple[Listed, int] | None]

LINE_RULES: tuple[Rule[LineRead], ...] = (
    Rule("attendance.present-block", _present_block),
    Rule("attendance.members-line", _members_line),
    Rule("attendance.in-attendance-block", _in_attendance_block),
    Rule("attendance.apologies-line", _apologies_line, ("attendance.substituted-by",)),
    Rule("attendance.inline-present", _inline_present_line),
)


def _labelled_blocks(seg: Segmented) -> Listed:
    facts: Listed = []
    i = 0
    while i < len(seg.lines):
        for rule in LINE_RULES:
            read = rule.read(seg, i)
            if read is not None:
                found, i = read
                facts += found
                break
        else:
            i += 1
    return facts


# --- sentences and tables, read over the whole text --------------------------------------------


def _apologies_sentence(seg: Segmented) -> Listed:
    """ "Apologies for absence were received from Councillors A and B." (to the sentence's end)."""
    facts: Listed = []
    for m in _APOLOGIES.finditer(seg.text):
        rest = m.group("rest")
        cut = re.search(
            r"\.\s+(?=[A-Z][a-z]+ [a-z]|[^.]*\b(?:attended|were|was|had|has|is|are|sent)\b)|\.$", rest
        )
        if cut:
            rest = rest[: cut.start()]
        people = split_people(rest, m.start("rest"))
        facts += _facts(seg, people, Capacity.APOLOGIES, "attendance.apologies-sentence")
    return facts


def _substitute(seg: Segmented) -> Listed:
    """ "Councillor A attended the meeting as a substitute for Councillor B": A was present."""
    facts: Listed = []
    for m in _SUBSTITUTE.finditer(seg.text):
        people = split_people(m.group("who"), m.start("who"))
        facts += _facts(seg, people, Capacity.PRESENT, "attendance.substitute")
    return facts


def _substitutes(seg: Segmented) -> Listed:
    """ "Councillors A and B attended as substitutes"."""
    facts: Listed = []
    for m in _SUBS_LIST.finditer(seg.text):
        people = split_people(m.group("list"), m.start("list"))
        facts += _facts(seg, people, Capacity.PRESENT, "attendance.substitutes")
    return facts


def _named_substitutes(seg: Segmented) -> Listed:
    """ "The following named substitutes were present: Cllr A for Cllr B; Cllr C for Cllr D"."""
    facts: Listed = []
    for m in _NAMED_SUBS.finditer(seg.text):
        for part_m in re.finditer(r"[^;]+", m.group("rest")):
            who = re.split(r",|\s+for\s+", part_m.group(0))[0]
            people = split_people(who, m.start("rest") + part_m.start())
            facts += _facts(seg, people, Capacity.PRESENT, "attendance.named-substitutes")
    return facts


def _spoke(seg: Segmented) -> Listed:
    """ "Councillor A proposed", "Cllr B seconded", "Councillor C declared ...": a councillor who spoke was there."""
    facts: Listed = []
    for m in _PROPOSED.finditer(seg.text):
        people = split_people(m.group(0)[: m.end("name") - m.start()], m.start())
        facts += _facts(seg, people, Capacity.PRESENT, "attendance.spoke")
    return facts


def _presented(seg: Segmented) -> Listed:
    """Who presented or introduced an item, or was invited to speak: a councillor present, anyone else in
    attendance ("Dr Y (Director of Public Health) introduced the report", "presented by Ms Z", "an overview
    from Sue Harris, Director of Strategy, and David Thomas, Associate Director")."""
    facts: Listed = []
    for rx in (_NAME_NOTE_PRESENTED, _INVITED):
        for m in rx.finditer(seg.text):
            councillor = re.match(r"(?:Councillor|Cllr)\b", m.group("who"))
            cap = Capacity.PRESENT if councillor else Capacity.IN_ATTENDANCE
            facts += _facts(seg, split_people(m.group("who"), m.start("who")), cap, "attendance.presented")
    for m in _FROM_NAMES.finditer(seg.text):
        rest = m.group("rest")
        end = re.search(r"\.(?:\s|$)", rest)
        rest = rest[: end.start()] if end else rest
        for nm in re.finditer(
            r"(?:^|,? and )(?P<who>(?:(?:Dr|Mr|Mrs|Ms) )?[A-Z][a-z]+(?: [A-Z][\w'\u2019-]+){1,2}),", rest
        ):
            people = split_people(nm.group("who"), m.start("rest") + nm.start("who"))
            facts += _facts(seg, people, Capacity.IN_ATTENDANCE, "attendance.presented")
    for rx in (_PRESENTED_BY, _INTRODUCED):
        for m in rx.finditer(seg.text):
            g = "list" if "list" in m.groupdict() else "who"
            people = split_people(m.group(g), m.start(g))
            facts += _facts(seg, people, Capacity.IN_ATTENDANCE, "attendance.presented")
    return facts


Read = Callable[[Segmented], Listed]


# read after the labelled blocks (LINE_RULES), in this order: the first mention of a person is the evidence
RULES: tuple[Rule[Read], ...] = (
    Rule("attendance.table-row", _table_attendance),
    Rule("attendance.apologies-sentence", _apologies_sentence),
    Rule("attendance.substitute", _substitute),
    Rule("attendance.substitutes", _substitutes),
    Rule("attendance.named-substitutes", _named_substitutes),
    Rule("attendance.spoke", _spoke),
    Rule("attendance.presented", _presented),
)


def attendance_listed(seg: Segmented) -> Listed:
    """Each attendance fact with the list item it was read from (its honorific and note), one per person,
    meeting and capacity (apologies or there)."""
    facts = _labelled_blocks(seg)
    for rule in RULES:
        facts += rule.read(seg)
    # "Councillor Delaney declared ..." after "Councillors ... R Delaney" in the Present block: one person
    fold = fold_surnames({f.person for f, _p in facts})
    facts = [(replace(f, person=fold.get(f.person, f.person)), p) for f, p in facts]
    # one fact per person, meeting and capacity: the first mention is the evidence
    seen: set[tuple] = set()
    out = []
    for f, p in facts:
        key = (f.person, f.body, f.meeting_date, f.capacity == Capacity.APOLOGIES)
        if key not in seen:
            seen.add(key)
            out.append((f, p))
    return out
