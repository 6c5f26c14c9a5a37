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
from extract.segment import MeetingSpan, Segmented

_MINUTES_HEAD = re.compile(
    r"(?:Minutes|MINUTES|Record|Notes) of (?:the |an? )?(?:(?:extraordinary|annual|special|ordinary|reconvened|"
    r"virtual|remote|informal)\s+)*meeting of (?:the )?(?P<body>[^\n]+?)\s+held\s+"
    r"(?:(?:at|in|via|on|remotely)\s+(?P<rest>[^\n]*))", re.I)
_VENUE_LINE = re.compile(r"^\s*(?:Venue|Place|Location|Proposed venue|NEW Venue)\s*:\s*\**(?P<v>[^\n*]+?)\**\s*$",
                         re.I | re.M)
_DATE_LINE = re.compile(r"^\s*(?:Date(?: of meeting)?|Meeting date)\s*:\s*\**(?P<d>[^\n*]+)", re.I | re.M)
_BODY_DATE_HEAD = re.compile(r"^(?P<body>[A-Z][^\n]{2,80}?)\s+[-\u2013]\s+(?P<d>[A-Z][a-z]+day,?\s+[^\n]+)$", re.M)
_HELD_ON = re.compile(
    r"\b(?:minutes of the (?:previous |last )?meetings? (?:of (?:the )?(?P<body>[A-Z][^\n,.;]*?) )?held on|"
    r"(?:next|previous|last|briefing) meeting (?:will be |is )?(?:held )?on|meeting (?:held )?on|"
    r"(?:DATE OF THE )?NEXT MEETING\**\s*\n?|meetings on|meeting of (?:the )?(?P<body2>Council|Cabinet) held on|"
    r"(?P<body3>council|cabinet)['\u2019]s (?:[a-z]+ )?meeting (?:held )?on)\s+(?P<d>[^\n]{0,60})", re.I)
_COUNCIL_IN = re.compile(
    r"\b(?:(?:extraordinary|annual|budget|full)\s+(?:full\s+)?(?:council\s+)?meeting|(?:by|at)\s+(?:full\s+)?council)"
    r"\s+in\s+(?P<d>(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})",
    re.I)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_BODY_PHRASE = r"(?P<body>[A-Z][\w'\u2019&-]*(?: (?:and |of |for |& )?[A-Z][\w'\u2019&-]*)*)"
_ACTED = r"(?:agreed|approved|considered|resolved|decided|noted|endorsed|discussed|reviewed|met)"
# "Employment Panel on 14 January agreed", "in September 2023 the X Committee had discussed",
# "will be considered by the Member Development & Training Group in early February"
_BODY_ON_ACTED = re.compile(rf"\b(?:the )?{_BODY_PHRASE} on (?P<d>\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})(?: \d{{4}})?)"
                            rf",? (?:had )?{_ACTED}\b")
_IN_MONTH_BODY = re.compile(rf"\b[Ii]n (?P<d>(?:{_MONTHS}) \d{{4}}),? the {_BODY_PHRASE} (?:had )?{_ACTED}\b")
_ACTED_BY_IN = re.compile(rf"\b{_ACTED} by (?:the )?{_BODY_PHRASE} (?:in|on|at its meeting (?:in|on)) (?:(?:early|mid|late|"
                          rf"mid-) )?(?P<d>(?:{_MONTHS})(?: \d{{4}})?|\d{{1,2}} (?:{_MONTHS}) \d{{4}})")
_MET = re.compile(r"\b(?P<body>(?:Full |The )?Council|Cabinet|[A-Z][\w'\u2019-]+(?: (?:and |of |for )?[A-Z][\w'\u2019-]+)* "
                  r"(?:Committee|Board|Panel|Sub-Committee))\s+met\s+(?P<when>today|on\s+[^\n]{0,40})")
_AT_BODY_ON = re.compile(
    r"\b(?:[Aa]t|by|of|to) (?:the |its )?(?P<body>(?:[A-Z][\w'\u2019&-]*(?: (?:and|of|for|&) | ))*?"
    r"(?:Cabinet|Council|Committee|Board|Panel|Group))(?: meeting| session)? (?:held )?on (?P<d>[^\n]{0,40})")


def _first_date(text: str) -> PartialDate | None:
    for _s, _e, d in find_dates(text):
        return d
    return None


_COUNCIL_MEETING = re.compile(r"^(?:the )?(?:(?:annual|extraordinary|full|special|ordinary|budget|reconvened|"
                              r"adjourned)\s+)*(?:meeting of (?:the )?)?council(?: meeting)?$", re.I)


def council_or(seg: Segmented, body: str | None) -> str | None:
    """ "Annual Council", "Full Council", "Council" name a meeting of the document's council."""
    if body and _COUNCIL_MEETING.match(body.strip()) and seg.council:
        return seg.council
    return body


def _body_from(text: str) -> str | None:
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
        if _COUNCIL_MEETING.match(re.split(r"\s+(?:minutes|agenda|meeting|decisions?)\b", doc.title, flags=re.I)[0]
                                  .strip()) and seg.council:
            return seg.council
        whole = [b for b in find_bodies(doc.title) if b.kind == OrgKind.COMMITTEE and b.start == 0]
        if whole:
            return whole[0].name
        title = re.split(r"\s[(:]|,\s|\s[-\u2013]\s", doc.title)[0]
        title = re.sub(r"\s+(minutes|agenda.*|decisions?|meeting|online meeting|committee details|details)$",
                       "", title, flags=re.I)
        if re.match(r"^(Annual |Extraordinary )?Council( meeting)?$", title, re.I) and seg.council:
            return seg.council
        body = _body_from(title)
        if body:
            return body
    for line in seg.lines[:40]:
        t = line.text.strip()
        if t and not re.match(r"^(agenda|minutes|decisions?|committee details|skip to main content)\b", t, re.I):
            bodies = find_bodies(t)
            if bodies and bodies[0].start < 5 and bodies[0].kind != OrgKind.EXTERNAL:
                return _FROM_LINES + bodies[0].name
    return None


_FROM_LINES = "\x00"  # marks a body read from the opening lines only, not from a title or heading


def meeting_spans(seg: Segmented) -> list[MeetingSpan]:
    """The meetings the document records, each with where its record starts."""
    spans: list[MeetingSpan] = []
    body = _main_body(seg)
    weak = bool(body and body.startswith(_FROM_LINES))
    body = body.lstrip(_FROM_LINES) if body else body
    for m in _MINUTES_HEAD.finditer(seg.text):
        raw = m.group("body").strip()
        b = seg.council if raw.lower() in ("council", "full council") and seg.council else (_body_from(raw) or body)
        if not b:
            continue
        rest = m.group("rest")
        date = _first_date(rest)
        venue = None
        vm = re.match(r"(?P<v>.+?)\s+on\s+[A-Z]", rest)
        if vm and not re.match(r"^(on|via)\b", rest):
            venue = vm.group("v").strip(" ,")
        spans.append(MeetingSpan(m.start(), b, date, venue, seg.sentence_evidence(m.start(), m.end(), "meeting.minutes-head")))
    if body:
        first = min((s.start for s in spans), default=len(seg.text))
        head_text = seg.text[:first]
        venue_m = _VENUE_LINE.search(head_text)
        date_m = _DATE_LINE.search(head_text)
        bd = _BODY_DATE_HEAD.search(head_text[:2000])
        date = None
        if date_m:
            date = _first_date(date_m.group("d"))
        elif bd:
            date = _first_date(bd.group("d"))
        if date is None and seg.date and (not spans or spans[0].date != seg.date):
            date = seg.date
        if date is not None or venue_m or not spans:
            anchor = date_m or venue_m or bd
            if anchor:
                ev = seg.sentence_evidence(anchor.start(), anchor.end(), "meeting.header")
            else:
                ev = seg.line_evidence(next(ln for ln in seg.lines if ln.text.strip()), "meeting.title")
            venue = venue_m.group("v").strip().rstrip(".").replace(" View directions", "") if venue_m else None
            if venue:
                venue = re.sub(r"\s+View directions$", "", venue).strip(" .")
            if not any(s.date == date and s.body == body for s in spans) and not (weak and not anchor):
                # a body named only by the opening lines, with no date or venue line, is what the document is
                # about (a plan, a report), not a meeting it records
                spans.insert(0, MeetingSpan(0, body, date, venue, ev))
    spans = [MeetingSpan(sp.start, council_or(seg, sp.body) or sp.body, sp.date, sp.venue, sp.evidence, sp.recorded)
             for sp in spans]
    return sorted(spans, key=lambda s: s.start)


def _join_wrapped(text: str) -> str:
    return " ".join(text.split())


def meetings(seg: Segmented) -> list[MeetingFact]:
    """The recorded meetings plus every earlier or later meeting the text dates."""
    out: list[MeetingFact] = [MeetingFact(body=s.body, date=s.date, venue=s.venue and _join_wrapped(s.venue),
                                          evidence=s.evidence) for s in seg.meetings if s.recorded]
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
            pre = seg.text[max(0, m.start() - 120):m.start()]
            named = [b for b in find_bodies(pre) if b.kind != OrgKind.EXTERNAL and not pre[b.end:].strip()]
            if named:
                body = named[-1].name
        if m.group("body"):
            body = _body_from(m.group("body")) or body
        elif m.group("body2") or m.group("body3"):
            b = (m.group("body2") or m.group("body3")).capitalize()
            body = seg.council if b == "Council" else b
        tail = m.group("d")
        dates = [d for _s, _e, d in find_dates(tail)]
        # "7 May and 13 June 2024": the first date borrows the year of the second
        short = re.match(r"(\d{1,2})(?:st|nd|rd|th)? ([A-Z][a-z]+) and ", tail)
        if short and dates and dates[0].precision == "day" and not re.match(r"\d{1,2}\w* [A-Z][a-z]+ \d{4}", tail):
            extra = parse_date(f"{short.group(1)} {short.group(2)} {dates[0].iso[:4]}")
            if extra:
                dates.insert(0, extra)
        for d in dates[:2]:
            add(body, d, m.start(), m.end(), "meeting.held-on")
    for m in _MET.finditer(seg.text):
        when = m.group("when")
        date = seg.date if when == "today" and seg.date and seg.date.precision == "day" else _first_date(when)
        add(council_or(seg, m.group("body")), date, m.start(), m.end(), "meeting.met")
    for rx, rule in ((_BODY_ON_ACTED, "meeting.body-on-acted"), (_IN_MONTH_BODY, "meeting.in-month-body"),
                     (_ACTED_BY_IN, "meeting.acted-by-in")):
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
