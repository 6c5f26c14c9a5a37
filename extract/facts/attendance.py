"""Attendance: who was present, who was in attendance, who sent apologies.

Minutes record this in blocks ("Present:", "Councillors:", "In attendance:",
"Apologies for absence were received from ...") and in passing ("Councillor X proposed",
"the report was presented by Dr Y", "Z attended as a substitute for W").
"""

from __future__ import annotations

import re

from extract.mentions import ListedPerson, split_people
from extract.records import AttendanceFact, Capacity
from extract.segment import Segmented

_PRESENT = re.compile(r"^\s*(?:Present|PRESENT|Members present|Attendees)\s*:?\s*(?P<rest>.*)$")
_CONTINUATION = re.compile(r"^\s*(?P<label>Councillors?|Cllrs?|Co-opted Members?|Co-optees?|Members?|"
                           r"Independent Members?|Parent Governors?|Substitutes?)\s*:\s*(?P<rest>.+)$", re.I)
_IN_ATTENDANCE = re.compile(r"^\s*(?:Also |Others |Officers |Officers also )?(?:in attendance|In Attendance|IN ATTENDANCE|"
                            r"Officers(?: present)?)"
                            r"\s*:\s*(?P<rest>.*)$", re.I)
_APOLOGIES = re.compile(
    r"\bApologies(?: for absence)?(?: were| had been| have been)? (?:received|submitted|given|tendered)"
    r"(?: on behalf of| from)?\s*:?\s*(?P<rest>[^\n]+)", re.I)
_APOLOGIES_LINE = re.compile(r"^\s*Apologies(?: for absence)?\s*:\s*(?P<rest>.+)$", re.I)
_SUBSTITUTE = re.compile(
    r"(?P<who>(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})"
    r"\s+attended(?: the meeting)? as (?:a |the )?(?:named )?substitute(?: member)? for", re.M)
_SUBS_LIST = re.compile(r"\b(?P<list>(?:Cllrs?|Councillors)\s+[^\n.]+?)\s+attended as substitutes")
_NAMED_SUBS = re.compile(r"named substitutes were present:\s*(?P<rest>[^\n]+)", re.I)
_PROPOSED = re.compile(
    r"\b(?P<hon>Councillor|Cllr)\.?\s+(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+"
    r"(?:proposed|seconded|moved|declared|had a dispensation|made the statutory declaration|assumed the Chair)")
_PRESENTED_BY = re.compile(
    r"\b(?:presented|introduced) by (?P<list>(?:(?:Dr|Mr|Mrs|Ms|Professor)\.?\s+)?[A-Z][\w'\u2019-]+"
    r"(?:\s+[A-Z][\w'\u2019-]+){1,2})")
_INTRODUCED = re.compile(
    r"(?:^|\.\s+)(?P<who>(?:(?:Dr|Mr|Mrs|Ms|Professor)\.?\s+)?[A-Z][a-z]+(?:[- ][A-Z][\w'\u2019-]+){1,2}),"
    r"[^.\n]{3,120}?,\s+(?:introduced|presented) the", re.M)
_NAME_NOTE_PRESENTED = re.compile(
    r"(?:^|(?<=[.:]\s))(?P<who>(?:(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Professor)\.?[ \t]+)?[A-Z][a-z]+(?:[- ][A-Z][\w'\u2019-]+)"
    r"{1,2})[ \t]*\([^()\n]{2,120}\)[ \t]+(?:introduced|presented|gave|outlined)\b", re.M)
_INVITED = re.compile(
    r"\binvited (?P<who>(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Professor)\.?[ \t]+[A-Z][a-z]+(?:[- ][A-Z][\w'\u2019-]+){1,2})"
    r"(?:[ \t]*\([^()\n]{2,120}\))?[ \t]+to\b")
_FROM_NAMES = re.compile(
    r"\b(?:received|heard|welcomed)\b[^.\n]{0,200}?\bfrom (?P<rest>(?:Dr |Mr |Mrs |Ms )?[A-Z][a-z]+ [A-Z][\w'\u2019-]+,[^\n]+)")
_BLOCK_END = re.compile(r"^\s*(?:\d+\.|(?-i:[A-Z][A-Z ]{8,}$)|Apologies|Minutes|Item|Agenda|In attendance|Officers)", re.I)


def _facts(seg: Segmented, people: list[ListedPerson], cap: Capacity, rule: str,
           chair_notes: bool = False) -> list[tuple[AttendanceFact, ListedPerson]]:
    out = []
    for p in people:
        meeting = seg.meeting_at(p.start)
        if meeting is None:
            continue
        note = (p.note or "").lower()
        out.append((AttendanceFact(
            person=p.name, body=meeting.body, meeting_date=meeting.date, capacity=cap,
            chair=chair_notes and note in ("chairperson", "chair", "chairman", "in the chair"),
            evidence=seg.sentence_evidence(p.start, p.end, rule)), p))
    return out


def attendance(seg: Segmented) -> list[AttendanceFact]:
    return [f for f, _p in attendance_listed(seg)]


def attendance_listed(seg: Segmented) -> list[tuple[AttendanceFact, ListedPerson]]:
    """Each attendance fact with the list item it was read from (its honorific and note)."""
    facts: list[tuple[AttendanceFact, ListedPerson]] = []
    lines = seg.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _PRESENT.match(line.text)
        if m and (m.group("rest").strip() or i + 1 < len(lines)):
            # the block runs until an attendance label, a heading or two blank lines
            j, blanks = i, 0
            while j < len(lines):
                ln = lines[j]
                text = ln.text
                if j > i and (_IN_ATTENDANCE.match(text) or _BLOCK_END.match(text)):
                    break
                blanks = blanks + 1 if not text.strip() else 0
                if blanks >= 2:
                    break
                cm = _PRESENT.match(text) if j == i else _CONTINUATION.match(text)
                rest_start = ln.start + (cm.start("rest") if cm else 0)
                rest = text[rest_start - ln.start:]
                hon = "councillor" if cm and "councillor" in (cm.groupdict().get("label") or "").lower() else ""
                facts += _facts(seg, split_people(rest, rest_start, hon), Capacity.PRESENT, "attendance.present-block",
                                chair_notes=True)
                j += 1
            i = j
            continue
        m = _IN_ATTENDANCE.match(line.text)
        if m:
            rest_start = line.start + m.start("rest")
            facts += _facts(seg, split_people(m.group("rest"), rest_start), Capacity.IN_ATTENDANCE,
                            "attendance.in-attendance-block")
        m = _APOLOGIES_LINE.match(line.text)
        if m:
            facts += _facts(seg, split_people(m.group("rest"), line.start + m.start("rest")), Capacity.APOLOGIES,
                            "attendance.apologies-line")
        i += 1
    for m in _APOLOGIES.finditer(seg.text):
        rest = m.group("rest")
        cut = re.search(r"\.\s+(?=[A-Z][a-z]+ [a-z]|[^.]*\b(?:attended|were|was|had|has|is|are|sent)\b)|\.$", rest)
        if cut:
            rest = rest[:cut.start()]
        facts += _facts(seg, split_people(rest, m.start("rest")), Capacity.APOLOGIES, "attendance.apologies-sentence")
    for m in _SUBSTITUTE.finditer(seg.text):
        facts += _facts(seg, split_people(m.group("who"), m.start("who")), Capacity.PRESENT, "attendance.substitute")
    for m in _SUBS_LIST.finditer(seg.text):
        facts += _facts(seg, split_people(m.group("list"), m.start("list")), Capacity.PRESENT, "attendance.substitutes")
    for m in _NAMED_SUBS.finditer(seg.text):
        for part_m in re.finditer(r"[^;]+", m.group("rest")):
            part = part_m.group(0)
            who = re.split(r",|\s+for\s+", part)[0]
            facts += _facts(seg, split_people(who, m.start("rest") + part_m.start()), Capacity.PRESENT,
                            "attendance.named-substitutes")
    for m in _PROPOSED.finditer(seg.text):
        facts += _facts(seg, split_people(m.group(0)[:m.end("name") - m.start()], m.start()), Capacity.PRESENT,
                        "attendance.spoke")
    for rx in (_NAME_NOTE_PRESENTED, _INVITED):
        for m in rx.finditer(seg.text):
            cap = Capacity.PRESENT if re.match(r"(?:Councillor|Cllr)\b", m.group("who")) else Capacity.IN_ATTENDANCE
            facts += _facts(seg, split_people(m.group("who"), m.start("who")), cap, "attendance.presented")
    for m in _FROM_NAMES.finditer(seg.text):
        # "... an overview from Sue Harris, Director of Strategy, and David Thomas, Associate Director."
        rest = m.group("rest")
        end = re.search(r"\.(?:\s|$)", rest)
        rest = rest[:end.start()] if end else rest
        for nm in re.finditer(r"(?:^|,? and )(?P<who>(?:(?:Dr|Mr|Mrs|Ms) )?[A-Z][a-z]+(?: [A-Z][\w'\u2019-]+){1,2}),", rest):
            facts += _facts(seg, split_people(nm.group("who"), m.start("rest") + nm.start("who")),
                            Capacity.IN_ATTENDANCE, "attendance.presented")
    for rx in (_PRESENTED_BY, _INTRODUCED):
        for m in rx.finditer(seg.text):
            g = "list" if "list" in m.groupdict() else "who"
            facts += _facts(seg, split_people(m.group(g), m.start(g)), Capacity.IN_ATTENDANCE, "attendance.presented")
    # one fact per person, meeting and capacity: the first mention is the evidence
    seen: set[tuple] = set()
    out = []
    for f, p in facts:
        key = (f.person, f.body, f.meeting_date, f.capacity == Capacity.APOLOGIES)
        if key not in seen:
            seen.add(key)
            out.append((f, p))
    return out
