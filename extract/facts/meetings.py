"""Meetings: the one a document records (or convenes), and the ones it refers to.

A minutes document opens with its meeting ("Minutes of the meeting of X held at V on D");
an agenda gives "Date:" and "Place:" lines; a saved ModernGov page gives "Venue:". Later
meetings are referred to by date ("the minutes of the meeting held on 7 May 2024", "At
Cabinet on 26 November 2020"). `meeting_spans` also tells every other module which
meeting a passage belongs to.
"""

from __future__ import annotations

import re

from extract.dates import find_dates, parse_date
from extract.mentions import classify_body, find_bodies, normalise_body
from extract.records import MeetingFact, OrgKind, PartialDate
from extract.segment import MeetingSpan, Segmented, line_matches

_MINUTES_HEAD = re.compile(
    r"(?:Minutes|MINUTES|Record|Notes) of (?:the |an? )?(?:(?:extraordinary|annual|special|ordinary|reconvened|"
    r"virtual|remote|informal)\s+)*meeting of (?:the )?(?P<body>[^\n]+?)\s+held\s+"
    r"(?:(?:at|in|via|on|remotely)\s+(?P<rest>[^\n]*))",
    re.I,
)
_VENUE_LINE = re.compile(
    r"^\s*(?:Venue|Place|Location|Proposed venue|NEW Venue)\s*:\s*\**(?P<v>[^\n*]+?)\**\s*$", re.I | re.M
)
_DATE_LINE = re.compile(
    r"^\s*(?:Date(?: of (?:meeting|hearing))?|Meeting date|Hearing date|Held on|Date and time|"
    r"Time and date)\s*:\s*\**"
    r"(?P<d>[^\n*]+)",
    re.I | re.M,
)
# a heading line that is only a date, or "Minutes – 30 January 2024" under the body's name
_DATED_HEAD = re.compile(
    r"^\s*(?:(?:Minutes|Agenda|Notes|Decisions?|Meeting)\s*(?:[-–—:,]\s*|\s+of\s+)?)?(?:[A-Z][a-z]+day,?\s+)?"
    r"(?P<d>\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{4})(?:,?\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"(?:,\s*(?P<v>[A-Z][^\n]{2,80}))?\s*$",
    re.M,
)
# "Minutes of the Combined Authority Board" as a heading, without "meeting ... held"
_MINUTES_OF_LINE = re.compile(
    r"^\s*(?:Minutes|Notes|Record of (?:the )?proceedings) of (?:the |a )?(?:meeting of (?:the )?)?"
    r"(?P<body>[^\n]{3,90})$",
    re.I | re.M,
)
# "Minutes of the meeting held on ...": the body is the heading above
_MINUTES_NO_BODY = re.compile(
    r"(?:Minutes|MINUTES|Record|Notes) of (?:the |an? )?(?:(?:extraordinary|annual|special|ordinary|reconvened|"
    r"virtual|remote|informal)\s+)*(?P<pre>(?:[A-Z][\w'\u2019]*\s+){0,4}?)(?i:meeting)\s+held\s+(?P<rest>[^\n]*)",
    re.I,
)
# a decision notice: "Decision taken by: Cabinet" / "Decision maker: Laura Penhaligon, Director of Place"
_MAKER_LINE = re.compile(
    r"^\s*(?:Decision (?:taken by|maker|made by)|Decided by)\s*:\s*(?P<b>[^\n]+)$", re.I | re.M
)
_DECISION_DATE_LINE = re.compile(
    r"^\s*(?:Date of decision|Decision date|Date decision (?:taken|made))\s*:\s*(?P<d>[^\n]+)$", re.I | re.M
)
_BODY_DATE_HEAD = re.compile(
    r"^(?P<body>[A-Z][^\n]{2,80}?)\s+[-\u2013]\s+(?P<d>[A-Z][a-z]+day,?\s+[^\n]+)$", re.M
)
_HELD_ON = re.compile(
    r"\b(?:minutes of the (?:previous |last )?meetings? (?:of (?:the )?(?P<body>[A-Z][^\n,.;]*?) )?held on|"
    r"(?:next|previous|last|briefing) meeting (?:will be |is )?(?:held )?on|meeting (?:held )?on|"
    r"(?:DATE OF THE )?NEXT MEETING\**\s*\n?|meetings on|meeting of (?:the )?(?P<body2>Council|Cabinet) held on|"
    r"(?P<body3>council|cabinet)['\u2019]s (?:[a-z]+ )?meeting (?:held )?on)\s+(?P<d>[^\n]{0,60})",
    re.I,
)
_COUNCIL_IN = re.compile(
    r"\b(?:(?:extraordinary|annual|budget|full)\s+(?:full\s+)?(?:council\s+)?meeting|(?:by|at)\s+(?:full\s+)?council)"
    r"\s+in\s+(?P<d>(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})",
    re.I,
)
_CMIS_SUMMARY = re.compile(
    r"^[ \t]*Meeting Summary[ \t]*\n[ \t]*(?P<body>[A-Z][^\n]{2,100}?)[ \t]*\n[ \t]*(?P<d>\d{1,2} [A-Z][a-z]{2,8} "
    r"\d{4}[^\n]{0,40})$",
    re.M,
)
_DAY_MONTH = re.compile(
    r"(?:[A-Z][a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)
_MEETING_OF_ON = re.compile(
    r"\b(?:annual|full|extraordinary|special|ordinary|statutory)\s+(?:general\s+|council\s+)?meeting\s+of\s+(?:the\s+)?"
    r"(?:full\s+)?(?P<body>[Cc]ouncil|[A-Z][\w'\u2019&-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w'\u2019&-]*){0,5}\s+Council)"
    r"(?:\s+held)?\s+on\s+(?P<d>(?:[A-Z][a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)(?:,?\s+\d{4})?)"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# a body's name: at most 25 capitalised words, none of 60 characters without a space (open-ended, a rule
# re-read a long run of capitalised words, or a long hyphenated word, from each of its words: quadratic time)
_WORD = r"(?![\w'\u2019&-]{60})[A-Z][\w'\u2019&-]*"
_BODY_PHRASE = rf"(?P<body>{_WORD}(?: (?:and |of |for |& )?{_WORD}){{0,24}})"
_ACTED = r"(?:agreed|approved|considered|resolved|decided|noted|endorsed|discussed|reviewed|met)"
# "Employment Panel on 14 January agreed", "in September 2023 the X Committee had discussed",
# "will be considered by the Member Development & Training Group in early February"
_BODY_ON_ACTED = re.compile(
    rf"\b(?:the )?{_BODY_PHRASE} on (?P<d>\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})(?: \d{{4}})?)"
    rf",? (?:had )?{_ACTED}\b"
)
_IN_MONTH_BODY = re.compile(rf"\b[Ii]n (?P<d>(?:{_MONTHS}) \d{{4}}),? the {_BODY_PHRASE} (?:had )?{_ACTED}\b")
_ACTED_BY_IN = re.compile(
    rf"\b{_ACTED} by (?:the |its )?(?:(?:council|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,24}} Council)['\u2019]s )?"
    rf"{_BODY_PHRASE} (?:in|on|at its meeting (?:in|on)) (?:(?:early|mid|late|"
    rf"mid-) )?(?P<d>(?:{_MONTHS})(?: \d{{4}})?|\d{{1,2}} (?:{_MONTHS}) \d{{4}})"
)
_MET = re.compile(
    r"\b(?P<body>(?:Full |The )?Council|Cabinet|(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+"
    r"(?: (?:and |of |for )?(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+){0,24} "
    r"(?:Committee|Board|Panel|Sub-Committee))\s+met\s+(?P<when>today|on\s+[^\n]{0,40})"
)
_AT_BODY_ON = re.compile(
    rf"\b(?:[Aa]t|by|of|to) (?:the |its )?(?P<body>(?:{_WORD}(?: (?:and|of|for|&) | )){{0,24}}?"
    r"(?:Cabinet|Council|Committee|Board|Panel|Group))(?: meeting| session)? (?:held )?on (?P<d>[^\n]{0,40})"
)


def _first_date(text: str) -> PartialDate | None:
    for _s, _e, d in find_dates(text):
        return d
    return None


_COUNCIL_MEETING = re.compile(
    r"^(?:the )?(?:(?:annual|extraordinary|full|special|ordinary|budget|reconvened|"
    r"adjourned)\s+)*(?:meeting of (?:the )?)?council(?: meeting)?$",
    re.I,
)


def council_or(seg: Segmented, body: str | None) -> str | None:
    """ "Annual Council", "Full Council", "Council" name a meeting of the document's council."""
    if body and _COUNCIL_MEETING.match(body.strip()) and seg.council:
        return seg.council
    return body


def _title_caps(text: str) -> str:
    """ "PLANNING COMMITTEE" -> "Planning Committee": a heading in capitals, as the body grammar reads names."""
    if not re.search(r"[A-Z]{3}", text) or re.search(r"[a-z]", text):
        return text
    minor = {"AND", "OF", "FOR", "THE", "ON", "IN", "TO"}
    return " ".join(w.lower() if i and w in minor else w.capitalize() for i, w in enumerate(text.split(" ")))


def _body_from(text: str) -> str | None:
    text = _title_caps(text.strip())
    of_council = re.match(
        r"^(?:(?:the |full |annual |extraordinary )*council of (?:the )?)(?P<c>.+\bCouncil)$", text, re.I
    )
    if of_council:  # "Full Council of Marlow Heath District Council": a meeting of that council
        text = of_council.group("c")
    bodies = [b for b in find_bodies(text) if b.kind in (OrgKind.COMMITTEE, OrgKind.COUNCIL)]
    if bodies:
        return bodies[0].name
    name = normalise_body(text.split(",")[0].split("(")[0])
    if not name or name.lower() == "council" or classify_body(name) == OrgKind.EXTERNAL:
        return None
    return name


def _main_body(seg: Segmented) -> str | None:
    """The body whose meeting this document records: its title first, then its opening lines."""
    doc = seg.document
    m = _MINUTES_HEAD.search(seg.text)
    if m:
        raw = m.group("body").strip()
        if raw.lower() in ("council", "full council", "the council") and seg.council:
            return seg.council
        body = _body_from(raw)
        if body:
            return body
    if doc.title:
        if (
            _COUNCIL_MEETING.match(
                re.split(r"(?<!\s)\s+(?:minutes|agenda|meeting|decisions?)\b", doc.title, flags=re.I)[
                    0
                ].strip()
            )
            and seg.council
        ):
            return seg.council
        whole = [b for b in find_bodies(doc.title) if b.kind == OrgKind.COMMITTEE and b.start == 0]
        if whole:
            return whole[0].name
        title = re.split(r"\s[(:]|,\s|\s[-\u2013]\s", doc.title)[0]
        title = re.sub(
            r"(?<!\s)\s+(minutes|agenda.*|decisions?|meeting|online meeting|committee details|details)$",
            "",
            title,
            flags=re.I,
        )
        if re.match(r"^(Annual |Extraordinary )?Council( meeting)?$", title, re.I) and seg.council:
            return seg.council
        body = _body_from(title)
        if body:
            return body
    m = _MINUTES_OF_LINE.search(seg.text[:3000])
    if m and not re.match(r"(?:the )?(?:meeting|previous|last)\b", m.group("body"), re.I):
        body = _body_from(re.split(r"\s+held\b", m.group("body"), flags=re.I)[0])
        if body:
            return body
    # the opening lines: a committee's name under the council's masthead is the body the paper is about
    council_line = None
    for line in seg.lines[:40]:
        t = _title_caps(line.text.strip())
        if re.match(r"^\d+\.?\s|^[A-Z]{1,4}/?\d", t):
            break  # the first numbered item: the head is over
        if t and not re.match(
            r"^(agenda|minutes|decisions?|committee details|skip to main content)\b", t, re.I
        ):
            bodies = find_bodies(t)
            if bodies and bodies[0].start < 5 and bodies[0].kind != OrgKind.EXTERNAL:
                # a heading line naming a committee, alone or after its council ("X Council – Y Board")
                committees = [b for b in bodies if b.kind == OrgKind.COMMITTEE]
                if committees and len(t) < 120 and not t.endswith("."):
                    return _FROM_LINES + committees[-1].name
                council_line = council_line or bodies[0].name
    return _FROM_LINES + council_line if council_line else None


def _joined(text: str) -> str:
    """`text` with each single line break made a space (offsets kept): a heading wrapped over lines by a PDF."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text)


_TIME = r"\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|noon)"


def _venue_from(rest: str) -> str | None:
    r"""The venue of "held at V on D", "held on D at 10.00 am in V", "held in V on D". (The lookbehinds let a
    match start only once in a run of spaces: from each of them, `\s+` re-read the run, quadratic in it.)"""
    m = (
        (
            re.match(r"(?P<v>.+?)(?:(?<!\s)|(?!\s)|(?<=^\s))\s+(?i:on)\s+[A-Z]", rest)
            if not re.match(r"^(?i:on|via)\b", rest)
            else None
        )
        or re.search(rf"\b(?i:at)\s+{_TIME}\s+(?i:in|at)\s+(?P<v>.+)$", rest)
        or re.search(r"\d{4},?\s+(?i:in|at)\s+(?P<v>(?!\d).+)$", rest)
        or re.search(r"\d{4},\s+(?P<v>[A-Z][^,\d][^\n]+)$", rest)
    )
    if not m:
        return None
    venue = re.sub(rf"(?:(?<!\s)|(?!\s)),?\s+(?i:at)\s+{_TIME}.*$", "", m.group("v")).strip(" ,.")
    venue = re.sub(r"^(?i:the)\s+", "", _title_caps(venue))
    return venue or None


def _heading_above(seg: Segmented, offset: int) -> str | None:
    """The body named by a heading line just above `offset` ("PLANNING COMMITTEE" over "Minutes of the meeting held
    on ..."): a committee before the council's masthead."""
    i = seg.line_index(offset)
    council = None
    for ln in reversed(seg.lines[max(0, i - 8) : i]):
        t = ln.text.strip()
        if not t:
            continue
        body = _body_from(t) if len(t) < 100 else None
        committees = (
            [b for b in find_bodies(_title_caps(t)) if b.kind == OrgKind.COMMITTEE] if len(t) < 100 else []
        )
        if committees:  # "Greyfield Council – Children's Services Improvement Board"
            return committees[-1].name
        if body and classify_body(body) == OrgKind.COMMITTEE:
            return body
        if body and classify_body(body) == OrgKind.COUNCIL:
            council = council or body
    return council


def _maker_meeting(seg: Segmented) -> tuple[str | None, PartialDate | None, re.Match[str] | None] | None:
    """A decision notice's maker: a body whose meeting took the decision (with the date of decision), or None
    for a decision an officer or a single member took (no meeting). Not a decision notice: None."""
    head = seg.text[:4000]
    m = _MAKER_LINE.search(head)
    if not m or len(list(line_matches(_MAKER_LINE, seg.text))) > 1:  # findall, linear in runs of blank lines
        return None  # a list of decisions (a forward plan) is not the notice of one
    maker = m.group("b").strip()
    dm = _DECISION_DATE_LINE.search(head)
    date = _first_date(dm.group("d")) if dm else None
    if (
        "," in maker
        or re.search(r"\b(?:Director|Officer|Head|Manager|Member|Leader|Executive|Holder)\b", maker)
        and not re.search(r"\b(?:Committee|Board|Panel|Cabinet|Council)$", maker)
    ):
        return (None, None, None)
    body = council_or(seg, maker) if _COUNCIL_MEETING.match(maker) else _body_from(maker)
    if not body or classify_body(body) == OrgKind.EXTERNAL:
        return (None, None, None)
    return (body, date, dm or m)


_FROM_LINES = "\x00"  # marks a body read from the opening lines only, not from a title or heading


def meeting_spans(seg: Segmented) -> list[MeetingSpan]:
    """The meetings the document records, each with where its record starts."""
    spans: list[MeetingSpan] = []
    body = _main_body(seg)
    weak = bool(body and body.startswith(_FROM_LINES))
    body = body.lstrip(_FROM_LINES) if body else body
    if weak or not body:
        notice = _maker_meeting(seg)
        if notice is not None:
            nb, nd, anchor = notice
            if nb and anchor:
                spans.append(
                    MeetingSpan(
                        0,
                        nb,
                        nd,
                        None,
                        seg.sentence_evidence(anchor.start(), anchor.end(), "meeting.decision-notice"),
                    )
                )
            return spans
    heads = list(_MINUTES_HEAD.finditer(seg.text))
    if not any(h.start() < 3000 for h in heads):
        # a heading a PDF wrapped over lines, or "Minutes of the meeting held on ..." under the body's name
        joined = _joined(seg.text[:3000])
        m = re.compile(
            _MINUTES_HEAD.pattern.replace(r"[^\n]+?)\s+held", r"[^\n]{3,120}?)\s+held"), _MINUTES_HEAD.flags
        ).search(joined)
        if m is None:
            nb = _MINUTES_NO_BODY.search(joined)
            above = None
            if nb and nb.group("pre").strip():
                # "Minutes of the Parish Council Meeting held on ...", "Minutes of the Planning Committee Meeting ..."
                pre = nb.group("pre").strip()
                if re.fullmatch(
                    r"(?:(?:parish|town|city|full|annual|ordinary|extraordinary)\s+)*council", pre, re.I
                ):
                    above = seg.council
                else:
                    above = _body_from(pre)
            elif nb:
                above = _heading_above(seg, nb.start())
            if nb and above:
                rest = nb.group("rest")
                spans.append(
                    MeetingSpan(
                        nb.start(),
                        above,
                        _first_date(rest),
                        _venue_from(rest),
                        seg.sentence_evidence(nb.start(), nb.end(), "meeting.minutes-head"),
                    )
                )
        else:
            heads.insert(0, m)
    for m in heads:
        raw = m.group("body").strip()
        b = (
            seg.council
            if raw.lower() in ("council", "full council") and seg.council
            else (_body_from(raw) or body)
        )
        if not b:
            continue
        rest = m.group("rest")
        date = _first_date(rest)
        venue = _venue_from(rest)
        spans.append(
            MeetingSpan(
                m.start(), b, date, venue, seg.sentence_evidence(m.start(), m.end(), "meeting.minutes-head")
            )
        )
    if body:
        first = min((s.start for s in spans), default=len(seg.text))
        head_text = seg.text[:first]
        venue_m = next(line_matches(_VENUE_LINE, head_text), None)  # search, linear in runs of blank lines
        date_m = next(line_matches(_DATE_LINE, head_text), None)
        bd = _BODY_DATE_HEAD.search(head_text[:2000])
        date = None
        dh = _DATED_HEAD.search(head_text[:2000])
        if date_m:
            date = _first_date(date_m.group("d"))
        elif bd:
            date = _first_date(bd.group("d"))
        elif dh:
            date = _first_date(dh.group("d"))
        if date is None and seg.date and (not spans or spans[0].date != seg.date):
            date = seg.date
        if date is not None or venue_m or not spans:
            anchor = date_m or venue_m or bd or dh
            if anchor:
                ev = seg.sentence_evidence(anchor.start(), anchor.end(), "meeting.header")
            else:
                ev = seg.line_evidence(next(ln for ln in seg.lines if ln.text.strip()), "meeting.title")
            venue = (
                venue_m.group("v").strip().rstrip(".").replace(" View directions", "") if venue_m else None
            )
            if venue is None and dh is not None and anchor is dh and dh.group("v"):
                venue = dh.group("v").strip(" .")
            if venue:
                venue = re.sub(r"\s+View directions$", "", venue).strip(" .")
            if not any(s.date == date and s.body == body for s in spans) and not (weak and not anchor):
                # a body named only by the opening lines, with no date or venue line, is what the document is
                # about (a plan, a report), not a meeting it records
                spans.insert(0, MeetingSpan(0, body, date, venue, ev))
    spans = [
        MeetingSpan(
            sp.start, council_or(seg, sp.body) or sp.body, sp.date, sp.venue, sp.evidence, sp.recorded
        )
        for sp in spans
    ]
    if not spans:
        spans += _cmis_summary(seg)
    implied = _implied_by_attendance(seg, None if weak else body, spans)
    return sorted(spans + ([implied] if implied else []), key=lambda s: s.start)


# a line opening an attendance record: "Present:", "PRESENT: The Mayor ...", "In Attendance", "Attending: ..."
_ATTENDANCE_LABEL = re.compile(
    r"^[ \t]*(?:(?:members|councillors)[ \t]+)?(?:present|in attendance|attending)"
    r"(?=[ \t]*(?::|-|\u2013|$|Councillors?\b|Cllrs?\b|The\b))",
    re.I | re.M,
)


_NOT_RECORDS = {"report", "news", "foi", "forward-plan", "leadership-page", "decision"}  # manifest kinds
_REPORT_TITLE = re.compile(r"\b(?:report|plan|strategy|policy|news|press release)\b", re.I)


def _cmis_summary(seg: Segmented) -> list[MeetingSpan]:
    """A CMIS meeting page: "Meeting Summary" / the body / "19 Feb 2020 - 13:00 to 14:00"."""
    summary = _CMIS_SUMMARY.search(seg.text, 0, 4000)
    date = _first_date(summary.group("d")) if summary else None
    if summary is None or date is None:
        return []
    owner = council_or(seg, _body_from(summary.group("body")) or summary.group("body").strip())
    if not owner:
        return []
    evidence = seg.sentence_evidence(summary.start("body"), summary.end("d"), "meeting.cmis-summary")
    return [MeetingSpan(summary.start(), owner, date, None, evidence)]


def _implied_by_attendance(seg: Segmented, body: str | None, spans: list[MeetingSpan]) -> MeetingSpan | None:
    """A record with a Present or In attendance list is the record of a meeting, even where its heading names
    no body or says it differently ("Minutes of meeting in County Buildings ... on 6th October 2016", "At the
    Ordinary Meeting of the District Council ... held in the Council Chamber"): the meeting of the body its
    title or opening lines name, else of its council, on the first date above the list, else the document's
    (with no date at all, no meeting)."""
    doc = seg.document
    if doc.kind in _NOT_RECORDS or (doc.title and _REPORT_TITLE.search(doc.title)):
        return None
    label = _ATTENDANCE_LABEL.search(seg.text, 0, 6000)
    if label is None or any(sp.start <= label.start() and sp.recorded for sp in spans):
        return None
    owner = council_or(seg, body) or seg.council
    if not owner:
        return None
    date = _first_date(seg.text[: label.start()]) or seg.date
    if (
        date is None
    ):  # a list with neither a date above it nor a dated document: not enough to call it a meeting
        return None
    return MeetingSpan(
        0,
        owner,
        date,
        None,
        seg.sentence_evidence(label.start(), label.end(), "meeting.implied-by-attendance"),
    )


def _join_wrapped(text: str) -> str:
    return " ".join(text.split())


def meetings(seg: Segmented) -> list[MeetingFact]:
    """The recorded meetings plus every earlier or later meeting the text dates."""
    out: list[MeetingFact] = [
        MeetingFact(body=s.body, date=s.date, venue=s.venue and _join_wrapped(s.venue), evidence=s.evidence)
        for s in seg.meetings
        if s.recorded
    ]
    seen = {(f.body, f.date) for f in out}

    def add(body: str | None, date: PartialDate | None, start: int, end: int, rule: str) -> None:
        body = council_or(seg, body)
        if not body or date is None or (body, date) in seen:
            return
        seen.add((body, date))
        out.append(MeetingFact(body=body, date=date, evidence=seg.sentence_evidence(start, end, rule)))

    for m in _HELD_ON.finditer(seg.text):
        current = seg.meeting_at(m.start())
        body = current.body if current else None
        if m.group(0).lower().startswith("meeting"):
            # "presented at the Children and Young People Scrutiny Committee meeting on 26 July 2022"
            pre = seg.text[max(0, m.start() - 120) : m.start()]
            named = [b for b in find_bodies(pre) if b.kind != OrgKind.EXTERNAL and not pre[b.end :].strip()]
            if named:
                body = named[-1].name
        if m.group("body"):
            body = _body_from(m.group("body")) or body
        elif m.group("body2") or m.group("body3"):
            b = (m.group("body2") or m.group("body3")).capitalize()
            body = seg.council if b == "Council" else b
        tail = m.group("d")
        dates = [d for _s, _e, d in find_dates(tail)]
        if not dates and _DAY_MONTH.match(
            tail
        ):  # "the council's annual meeting on 15 May": the document's year
            dates = [d for d in [_date_in_year(_DAY_MONTH.match(tail).group(0), seg.date)] if d]
        # "7 May and 13 June 2024": the first date borrows the year of the second
        short = re.match(r"(\d{1,2})(?:st|nd|rd|th)? ([A-Z][a-z]+) and ", tail)
        if (
            short
            and dates
            and dates[0].precision == "day"
            and not re.match(r"\d{1,2}\w* [A-Z][a-z]+ \d{4}", tail)
        ):
            extra = parse_date(f"{short.group(1)} {short.group(2)} {dates[0].iso[:4]}")
            if extra:
                dates.insert(0, extra)
        for d in dates[:2]:
            add(body, d, m.start(), m.end(), "meeting.held-on")
    for m in _MET.finditer(seg.text):
        when = m.group("when")
        date = seg.date if when == "today" and seg.date and seg.date.precision == "day" else _first_date(when)
        add(council_or(seg, m.group("body")), date, m.start(), m.end(), "meeting.met")
    for rx, rule in (
        (_BODY_ON_ACTED, "meeting.body-on-acted"),
        (_IN_MONTH_BODY, "meeting.in-month-body"),
        (_ACTED_BY_IN, "meeting.acted-by-in"),
    ):
        for m in rx.finditer(seg.text):
            bodies = [b for b in find_bodies(m.group("body")) if b.kind != OrgKind.EXTERNAL]
            date = _date_in_year(m.group("d"), seg.date)
            if bodies and date:
                add(council_or(seg, bodies[-1].name), date, m.start(), m.end(), rule)
    for m in _AT_BODY_ON.finditer(seg.text):
        raw = m.group("body")
        body = normalise_body(raw)
        if body and body.lower() == "council" and seg.council:
            body = seg.council
        # "to Herefordshire Council on 21 September" is the council as an organisation, "to Council on" its meeting
        if body and classify_body(body) == OrgKind.COUNCIL and not _COUNCIL_MEETING.match(raw.strip()):
            continue
        if body and classify_body(body) != OrgKind.EXTERNAL:
            add(body, _first_date(m.group("d")), m.start(), m.end(), "meeting.at-body-on")
    for m in _MEETING_OF_ON.finditer(seg.text):
        # news of an annual meeting: "at the annual meeting of Council held on Wednesday 15 May"
        date = _date_in_year(m.group("d"), seg.date)
        add(
            council_or(seg, _body_from(m.group("body")) or m.group("body")),
            date,
            m.start(),
            m.end(),
            "meeting.meeting-of-on",
        )
    for m in _COUNCIL_IN.finditer(seg.text):
        date = _first_date(m.group("d"))
        if date and date.precision != "year":
            add(seg.council, date, m.start(), m.end(), "meeting.council-in-month")
    return out


def _date_in_year(text: str, doc_date: PartialDate | None) -> PartialDate | None:
    """A date as written; one without a year ("14 January", "February") takes the document's year."""
    d = _first_date(text)
    if d is not None:
        return d
    if doc_date is None:
        return None
    plain = re.sub(r"(?<=\d)(?:st|nd|rd|th)", "", text)
    return parse_date(f"{plain} {doc_date.iso[:4]}")
