"""Layout: which meeting each passage of a document records, found once a document, before any fact is read.

A minutes document opens with its meeting ("Minutes of the meeting of X held at V on D"); an agenda gives
"Date:" and "Place:" lines; a saved ModernGov page gives "Venue:"; a decision notice its maker; a CMIS page a
"Meeting Summary". `meeting_spans` says where the record of each meeting starts, so that every fact module
dates and places what it reads by the same meeting (`Segmented.meeting_at`). Each rule of `SPAN_RULES` has
an example in `patterns/meetings.jsonl`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extract.dates import find_dates
from extract.mentions import classify_body, find_bodies, normalise_body
from extract.news import news_meeting
from extract.records import OrgKind, PartialDate
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
_CMIS_SUMMARY = re.compile(
    r"^[ \t]*Meeting Summary[ \t]*\n[ \t]*(?P<body>[A-Z][^\n]{2,100}?)[ \t]*\n[ \t]*(?P<d>\d{1,2} [A-Z][a-z]{2,8} "
    r"\d{4}[^\n]{0,40})$",
    re.M,
)


# a ModernGov meeting page's heading: "Council - Thursday, 26 July 2012 2.00 p.m.", or the body's name over
# "Monday, 13th July, 2015 7.00 pm"
_MG_HEAD = re.compile(
    r"^[ \t]*(?P<body>[A-Z][^\n]{1,80}?)(?:[ \t]+[-\u2013][ \t]+|[ \t]*\n[ \t]*)"
    r"(?P<d>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+,?[ \t]+"
    r"\d{4}\b[^\n]*)$",
    re.M,
)
# a ModernGov issue or decision page: "Meeting: 19/05/2021 - Council (Item 5)", "Decided at meeting: 12/09/2024 -
# Executive"; each line starts the record of that meeting's item
_MG_ITEM = re.compile(
    r"^[ \t]*(?:Meeting|Decided at meeting)[ \t]*:[ \t]*(?P<d>\d{1,2}/\d{1,2}/\d{4})[ \t]+[-\u2013][ \t]+"
    r"(?P<body>[A-Z][^\n(]{1,100}?)[ \t]*(?:\((?:Item|Minute)[^)\n]{0,20}\))?[ \t]*$",
    re.M,
)
# what a title says before its date or topic: "Council 26 July 2012: presentations", "Council AGM 2023/24 (remote)"
_TITLE_TAIL = re.compile(
    r"(?:\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d{2}(?:/\d{2,4})?"
    r"|\s+(?:minutes|agenda|decisions?|meeting))+$",
    re.I,
)


def first_date(text: str) -> PartialDate | None:
    for _s, _e, d in find_dates(text):
        return d
    return None


_COUNCIL_MEETING = re.compile(
    r"^(?:the )?(?:(?:annual|extraordinary|full|special|ordinary|budget|reconvened|adjourned|virtual|online|"
    r"hybrid|monthly|statutory|general)\s+)*(?:meeting of (?:the )?)?council(?: meeting| agm)?$"
    r"|^(?:(?:the|council)\s+)?(?:agm|annual general meeting)$",
    re.I,
)
# "the County Council", "the Town Council": the document's council when its name has that word
_KIND_COUNCIL = re.compile(r"^(?:the )?(?P<kind>county|city|borough|district|town|parish) council$", re.I)


def is_council_meeting(text: str) -> bool:
    """ "Annual Council", "Full Council", "the meeting of Council": a meeting of the document's council."""
    return bool(_COUNCIL_MEETING.match(text))


def council_or(seg: Segmented, body: str | None) -> str | None:
    """ "Annual Council", "Full Council", "Council" name a meeting of the document's council."""
    if body and _COUNCIL_MEETING.match(body.strip()) and seg.council:
        return seg.council
    kind = _KIND_COUNCIL.match(body.strip()) if body else None
    if kind and seg.council and re.search(rf"\b{kind.group('kind')}\b", seg.council, re.I):
        return seg.council
    return body


def title_caps(text: str) -> str:
    """ "PLANNING COMMITTEE" -> "Planning Committee": a heading in capitals, as the body grammar reads names."""
    if not re.search(r"[A-Z]{3}", text) or re.search(r"[a-z]", text):
        return text
    minor = {"AND", "OF", "FOR", "THE", "ON", "IN", "TO"}
    return " ".join(w.lower() if i and w in minor else w.capitalize() for i, w in enumerate(text.split(" ")))


def body_from(text: str) -> str | None:
    """The body `text` names: a committee or council, or a name the body grammar takes for one; "Executive"
    alone is a council's executive (its cabinet under another name)."""
    text = title_caps(text.strip())
    if re.fullmatch(r"(?:the )?Executive", text, re.I):
        return "Executive"
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


def _heading_body(seg: Segmented, raw: str) -> str | None:
    """The body of a ModernGov heading: "Annual General Meeting, Full Council" and "Annual, Council" are the
    council's meetings."""
    parts = [p.strip() for p in raw.split(",")]
    if seg.council and any(council_or(seg, p) == seg.council for p in parts if p):
        return seg.council
    return body_from(raw) or body_from(parts[-1])


def _title_is_council(seg: Segmented, title: str) -> bool:
    """A title that names a meeting of the council before its date or topic: "Council 26 July 2012: ...",
    "County Council: ...", "Council AGM 2023/24 (remote): ...", "Borough Council agenda 2017: ..."."""
    head = re.split(r"[:(\u2013]|\s-\s", title, maxsplit=1)[0].strip()
    head = _TITLE_TAIL.sub("", head).strip()
    return bool(head and seg.council and council_or(seg, head) == seg.council)


def _main_body(seg: Segmented) -> str | None:
    """The body whose meeting this document records: a ModernGov heading, then its title, then its opening
    lines."""
    doc = seg.document
    mg = _MG_HEAD.search(seg.text, 0, 1500)
    if mg:
        body = _heading_body(seg, mg.group("body"))
        if body:
            return body
    if doc.title and _title_is_council(seg, doc.title):
        return seg.council
    m = _MINUTES_HEAD.search(seg.text)
    if m:
        raw = m.group("body").strip()
        if raw.lower() in ("council", "full council", "the council") and seg.council:
            return seg.council
        body = body_from(raw)
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
        body = body_from(title)
        if body:
            return body
    m = _MINUTES_OF_LINE.search(seg.text[:3000])
    if m and not re.match(r"(?:the )?(?:meeting|previous|last)\b", m.group("body"), re.I):
        body = body_from(re.split(r"\s+held\b", m.group("body"), flags=re.I)[0])
        if body:
            return body
    # the opening lines: a committee's name under the council's masthead is the body the paper is about
    council_line = None
    for line in seg.lines[:40]:
        t = title_caps(line.text.strip())
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
    venue = re.sub(r"^(?i:the)\s+", "", title_caps(venue))
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
        body = body_from(t) if len(t) < 100 else None
        committees = (
            [b for b in find_bodies(title_caps(t)) if b.kind == OrgKind.COMMITTEE] if len(t) < 100 else []
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
    date = first_date(dm.group("d")) if dm else None
    if not re.fullmatch(r"(?:the )?Executive(?: Committee)?", maker, re.I) and (
        "," in maker
        or re.search(r"\b(?:Director|Officer|Head|Manager|Member|Leader|Executive|Holder)\b", maker)
        and not re.search(r"\b(?:Committee|Board|Panel|Cabinet|Council)$", maker)
    ):
        return (None, None, None)
    body = council_or(seg, maker) if _COUNCIL_MEETING.match(maker) else body_from(maker)
    if not body or classify_body(body) == OrgKind.EXTERNAL:
        return (None, None, None)
    return (body, date, dm or m)


_FROM_LINES = "\x00"  # marks a body read from the opening lines only, not from a title or heading


@dataclass(frozen=True, slots=True)
class _Head:
    """What the document's title and opening lines say it records: a body (`weak`: named by the opening lines
    only), and for a decision notice (a document that names no body, or only so), its maker's meeting."""

    body: str | None
    weak: bool
    notice: tuple[str | None, PartialDate | None, re.Match[str] | None] | None


def _head(seg: Segmented) -> _Head:
    body = _main_body(seg)
    weak = bool(body and body.startswith(_FROM_LINES))
    body = body.lstrip(_FROM_LINES) if body else body
    return _Head(body, weak, _maker_meeting(seg) if weak or not body else None)


def _decision_notice(seg: Segmented, head: _Head, spans: list[MeetingSpan]) -> list[MeetingSpan]:
    """A decision notice's maker, where a meeting of a body took the decision: "Decision taken by: Cabinet"."""
    if head.notice is None:
        return spans
    nb, nd, anchor = head.notice
    if (
        not nb or not anchor
    ):  # an officer's or a member's decision, unless a meeting is named ("Decided at meeting:")
        return _moderngov_items(seg, head, spans)
    evidence = seg.sentence_evidence(anchor.start(), anchor.end(), "meeting.decision-notice")
    return [*spans, MeetingSpan(0, nb, nd, None, evidence)]


def _wrapped_head(seg: Segmented, heads: list[re.Match[str]]) -> MeetingSpan | None:
    """With no minutes heading in the opening text: a heading a PDF wrapped over lines (put first in `heads`),
    or "Minutes of the meeting held on ..." under the body's name, or naming it just before ("Minutes of the
    Planning Committee Meeting held on ...")."""
    joined = _joined(seg.text[:3000])
    m = re.compile(
        _MINUTES_HEAD.pattern.replace(r"[^\n]+?)\s+held", r"[^\n]{3,120}?)\s+held"), _MINUTES_HEAD.flags
    ).search(joined)
    if m is not None:
        heads.insert(0, m)
        return None
    nb = _MINUTES_NO_BODY.search(joined)
    if nb is None or _in_sentence(joined, nb.start()):
        return None
    above = None
    pre = nb.group("pre").strip()
    if pre:
        if re.fullmatch(r"(?:(?:parish|town|city|full|annual|ordinary|extraordinary)\s+)*council", pre, re.I):
            above = seg.council
        else:
            above = body_from(pre)
    else:
        above = _heading_above(seg, nb.start())
    if not above:
        return None
    rest = nb.group("rest")
    evidence = seg.sentence_evidence(nb.start(), nb.end(), "meeting.minutes-head")
    return MeetingSpan(nb.start(), above, first_date(rest), _venue_from(rest), evidence)


def _in_sentence(text: str, start: int) -> bool:
    """Whether "Minutes of the meeting of X held on D" at `start` is a sentence's words ("That the minutes of the
    meeting of the Council held on 18th October 2016 be approved", "Consideration was given to the minutes of
    ..."), which refer to an earlier meeting, not a heading that starts the record of one."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[max(line_start, start - 40) : start]
    return bool(
        re.search(r"\b(?:the|that|to|of|and|approve[sd]?|confirm(?:ed)?|sign(?:ed)?|from)\s*$", prefix, re.I)
    )


def _minutes_heads(seg: Segmented, head: _Head, spans: list[MeetingSpan]) -> list[MeetingSpan]:
    """ "Minutes of the meeting of X held at V on D": each heading starts the record of a meeting."""
    spans = list(spans)
    heads = list(_MINUTES_HEAD.finditer(seg.text))
    if not any(h.start() < 3000 for h in heads):
        wrapped = _wrapped_head(seg, heads)
        if wrapped:
            spans.append(wrapped)
    for m in heads:
        if _in_sentence(seg.text, m.start()):
            continue
        raw = m.group("body").strip()
        b = (
            seg.council
            if raw.lower() in ("council", "full council") and seg.council
            else (body_from(raw) or head.body)
        )
        if not b:
            continue
        rest = m.group("rest")
        evidence = seg.sentence_evidence(m.start(), m.end(), "meeting.minutes-head")
        spans.append(MeetingSpan(m.start(), b, first_date(rest), _venue_from(rest), evidence))
    return spans


def _moderngov_items(seg: Segmented, head: _Head, spans: list[MeetingSpan]) -> list[MeetingSpan]:
    """A ModernGov issue or decision page: "Meeting: 19/05/2021 - Council (Item 5)" starts the record of what
    that meeting did with the issue; the first such line (a decision page puts "Decided at meeting:" last) is the
    meeting of everything above it too."""
    out = list(spans)
    first = not spans
    for m in _MG_ITEM.finditer(seg.text):  # `^[ \t]*`: a run of blank lines is not re-read
        date = first_date(m.group("d"))
        raw = m.group("body").strip()
        body = council_or(seg, raw) if is_council_meeting(raw) else body_from(raw)
        if body and date:
            evidence = seg.sentence_evidence(m.start(), m.end(), "meeting.moderngov-item")
            out.append(MeetingSpan(0 if first else m.start(), body, date, None, evidence))
            first = False
    return out


_APPROVE_MINUTES = re.compile(
    r"\b(?:(?:approve|confirm|sign|agree|receive|note|adopt)\w*\b[^.\n]{0,30}\b|that\s+(?:the\s+)?)minutes\b[^.\n]{0,80}$"
    r"|\bmeetings?\s+(?:held\s+)?on\s+(?:the\s+)?$",
    re.I,
)


def _dated_by_other(seg: Segmented) -> bool:
    """Whether the document's date was guessed (no manifest date) from the first date of its text, and that
    date is another meeting's ("To approve the minutes of the meetings held on 28th March 2017")."""
    if seg.document.date is not None or seg.date is None:
        return False
    for s, _e, d in find_dates(seg.text[:3000]):
        if d == seg.date:
            before = seg.text[max(0, s - 120) : s]
            return bool(_APPROVE_MINUTES.search(before))
    return False


def _header_venue(venue_m: re.Match[str] | None, dh: re.Match[str] | None, anchor: object) -> str | None:
    venue = venue_m.group("v").strip().rstrip(".").replace(" View directions", "") if venue_m else None
    if venue is None and dh is not None and anchor is dh and "v" in dh.re.groupindex and dh.group("v"):
        venue = dh.group("v").strip(" .")
    if venue:
        venue = re.sub(r"\s+View directions$", "", venue).strip(" .")
    return venue


# what a story says when it reports a meeting of its council, or what its councillors decided together
_STORY_MEETING = re.compile(
    r"\b(?:full council|council meeting|meeting of (?:the )?(?:full )?council|(?:councillors|members of the council)"
    r" (?:have |had )?(?:unanimously )?(?:agreed|voted|approved|backed|endorsed|confirmed))\b",
    re.I,
)


def _story_of_no_meeting(seg: Segmented) -> bool:
    """A page that names a body without recording its meeting, so the manifest says: a leadership page ("Cabinet
    Members", "Executive Management Team"), or a news story that reports no meeting of its council nor a decision
    of its councillors ("The chief executive of Fife Council has announced he is to step down"). Its title is no
    meeting's."""
    kind = seg.document.kind
    return kind == "leadership-page" or (kind == "news" and not _STORY_MEETING.search(seg.text))


def _header(seg: Segmented, head: _Head, spans: list[MeetingSpan]) -> list[MeetingSpan]:
    """The meeting the title names, dated and placed by the lines above the first minutes heading ("Date:",
    "Venue:", "Planning Committee - Monday 3 June 2024", a dated heading); then every span so far that names
    a meeting of the council ("Annual Council") named as the council."""
    body = head.body
    spans = list(spans)
    if body:
        first = min((s.start for s in spans), default=len(seg.text))
        head_text = seg.text[:first]
        venue_m = next(line_matches(_VENUE_LINE, head_text), None)  # search, linear in runs of blank lines
        date_m = next(line_matches(_DATE_LINE, head_text), None)
        bd = _BODY_DATE_HEAD.search(head_text[:2000])
        dh = _DATED_HEAD.search(head_text[:2000]) or _MG_HEAD.search(head_text[:1500])
        dated = date_m or bd or dh
        date = first_date(dated.group("d")) if dated else None
        if (
            date is None
            and seg.date
            and (not spans or spans[0].date != seg.date)
            and not _dated_by_other(seg)
        ):
            date = seg.date
        anchor = date_m or venue_m or bd or dh
        # a story about its council that reports no meeting of it: its title names no meeting
        no_meeting = anchor is None and _story_of_no_meeting(seg)
        if (date is not None or venue_m or not spans) and not (head.weak and not anchor) and not no_meeting:
            if anchor:
                ev = seg.sentence_evidence(anchor.start(), anchor.end(), "meeting.header")
            else:
                ev = seg.line_evidence(next(ln for ln in seg.lines if ln.text.strip()), "meeting.title")
            venue = _header_venue(venue_m, dh, anchor)
            if not any(s.date == date and s.body == body for s in spans):
                # a body named only by the opening lines, with no date or venue line, is what the document is
                # about (a plan, a report), not a meeting it records
                spans.insert(0, MeetingSpan(0, body, date, venue, ev))
    return [
        MeetingSpan(
            sp.start, council_or(seg, sp.body) or sp.body, sp.date, sp.venue, sp.evidence, sp.recorded
        )
        for sp in spans
    ]


def _cmis(seg: Segmented, head: _Head, spans: list[MeetingSpan]) -> list[MeetingSpan]:
    return spans or _cmis_summary(seg)


# a ModernGov agenda item page ("mgAi"): the item's record, without its meeting's heading
_ITEM_PAGE = re.compile(r"\A\s*Agenda item[ \t]*\n")
_APOLOGIES = re.compile(r"\b(?:[Aa]polog(?:y|ies)\b[^.\n]{0,60}\breceived|apologised for)\b")


def _agenda_item_page(seg: Segmented, head: _Head, spans: list[MeetingSpan]) -> list[MeetingSpan]:
    """An agenda item page that records who sent apologies records a meeting: of the body its title names, else of
    its council, on the document's date (if any)."""
    if spans or not _ITEM_PAGE.match(seg.text):
        return spans
    m = _APOLOGIES.search(seg.text, 0, 3000)
    body = head.body or seg.council
    if head.body is None and re.search(
        r"\b(?:Members|[Mm]eeting|Chair(?:man)?) of the (?:Board|Committee|Sub-Committee|Panel)\b",
        seg.text[:3000],
    ):
        return spans  # the meeting of a board or committee the page does not name, not the council's
    if m is None or not body:
        return spans
    evidence = seg.sentence_evidence(m.start(), m.end(), "meeting.agenda-item-page")
    return [MeetingSpan(0, body, seg.document.date, None, evidence)]


_NEWS_KINDS = {None, "news"}  # manifest kinds of a page that may be a story (None: no manifest says)


def _news_report(seg: Segmented, head: _Head, spans: list[MeetingSpan]) -> list[MeetingSpan]:
    """A story that reports a meeting of its council ("stepped down at a meeting of the full council on Tuesday
    night", "at the council's annual meeting on 15 May") and records no other: the whole story is the record of
    that meeting, so what a councillor did "at the meeting" is their attendance (`extract/news.py`)."""
    if spans or seg.document.kind not in _NEWS_KINDS or not seg.council:
        return spans
    if _ATTENDANCE_LABEL.search(seg.text, 0, 6000):
        return spans  # a record with a Present list is minutes, not a story
    found = news_meeting(seg.text, seg.document.date or seg.date)
    if found is None:
        return spans
    evidence = seg.sentence_evidence(found.start, found.end, "meeting.news-report")
    return [MeetingSpan(0, seg.council, found.date, None, evidence)]


def _implied(seg: Segmented, head: _Head, spans: list[MeetingSpan]) -> list[MeetingSpan]:
    implied = _implied_by_attendance(seg, None if head.weak else head.body, spans)
    return [*spans, implied] if implied else spans


@dataclass(frozen=True, slots=True)
class SpanRule:
    """A rule that finds where the record of a meeting starts: it gets the spans found so far, and returns them
    with what it adds."""

    id: str
    read: Callable[[Segmented, _Head, list[MeetingSpan]], list[MeetingSpan]]
    also: tuple[str, ...] = ()  # other rule ids its spans can carry


SPAN_RULES: tuple[SpanRule, ...] = (
    SpanRule("meeting.decision-notice", _decision_notice),
    SpanRule("meeting.minutes-head", _minutes_heads),
    SpanRule("meeting.moderngov-item", _moderngov_items),
    SpanRule("meeting.header", _header, ("meeting.title",)),
    SpanRule("meeting.cmis-summary", _cmis),
    SpanRule("meeting.agenda-item-page", _agenda_item_page),
    SpanRule("meeting.news-report", _news_report),
    SpanRule("meeting.implied-by-attendance", _implied),
)


def meeting_spans(seg: Segmented) -> list[MeetingSpan]:
    """The meetings the document records, each with where its record starts. A decision notice records the
    one decision: the meeting that took it is its only span."""
    head = _head(seg)
    spans: list[MeetingSpan] = []
    for rule in SPAN_RULES[:1] if head.notice is not None else SPAN_RULES[1:]:
        spans = rule.read(seg, head, spans)
    return sorted(spans, key=lambda s: s.start)


# a line opening an attendance record: "Present:", "PRESENT: The Mayor ...", "In Attendance", "Attending: ..."
_ATTENDANCE_LABEL = re.compile(
    r"^[ \t]*(?:(?:members|councillors)[ \t]+)?(?:present|in attendance|attending)"
    r"(?=[ \t]*(?::|-|\u2013|$|Councillors?\b|Cllrs?\b|The\b))",
    re.I | re.M,
)


# the same label inside a line, where a PDF ran the record together ("... at 10.00 a.m. Present: Councillors ...")
# (without its colon: "PRESENT" in capitals or "Members Present" before a name, as `attendance` reads it)
_INLINE_LABEL = re.compile(
    r"(?<![A-Za-z])(?:(?:PRESENT|Present)[ \t]*:|(?:PRESENT(?: IN)?|Members Present)[ \t]+"
    r"(?=[A-Z](?:[a-z]|[ \t]))(?!(?:IN|TO|AT|ON|OF|THE)\b))"
)
_NOT_RECORDS = {"report", "news", "foi", "forward-plan", "leadership-page", "decision"}  # manifest kinds
_REPORT_TITLE = re.compile(r"\b(?:report|plan|strategy|policy|news|press release)\b", re.I)


def _cmis_summary(seg: Segmented) -> list[MeetingSpan]:
    """A CMIS meeting page: "Meeting Summary" / the body / "19 Feb 2020 - 13:00 to 14:00"."""
    summary = _CMIS_SUMMARY.search(seg.text, 0, 4000)
    date = first_date(summary.group("d")) if summary else None
    if summary is None or date is None:
        return []
    owner = council_or(seg, body_from(summary.group("body")) or summary.group("body").strip())
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
    label = _ATTENDANCE_LABEL.search(seg.text, 0, 6000) or _INLINE_LABEL.search(seg.text, 0, 6000)
    if label is None or any(sp.start <= label.start() and sp.recorded for sp in spans):
        return None
    owner = council_or(seg, body) or seg.council
    if not owner:
        return None
    date = first_date(seg.text[: label.start()]) or seg.date
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
