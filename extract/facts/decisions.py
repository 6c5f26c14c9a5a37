"""Decisions: what a body or a decision maker resolved, recommended, noted or decided.

Read from resolution blocks ("RESOLVED: That ...", numbered or lettered items after
"RESOLVED"), recommendation blocks of reports, decision records ("Decision Maker:",
"Lead officer:") and sentences in which a body agreed, approved or decided something.
"""

from __future__ import annotations

import re

from extract.dates import find_dates
from extract.mentions import classify_body, find_bodies
from extract.names import clean_name
from extract.records import DecisionFact, DecisionKind, OrgKind, PartialDate
from extract.segment import Segmented

_RESOLVED = re.compile(r"(?:^|\bMinutes:\s*)\s*(?:It was\s+)?(?P<kw>RESOLVED|Resolved|ORDERED|AGREED|Agreed|DECIDED|Decided)"
                       r"(?:\s+(?:unanimously|that))?\s*[:\u2013\-]?\s*(?P<rest>.*)$", re.M)
_RECOMMEND_HEAD = re.compile(r"^\s*(?:Recommendations?|RECOMMENDATIONS?|Recommended|RECOMMENDED|Decision|"
                             r"The (?:committee|board|panel|cabinet) is (?:asked|recommended) to)\s*:?\s*(?P<rest>.*)$")
_ITEM = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+|[\u2022\u00b7\-*]\s+)(?P<text>\S.*)$")
_DECISION_MAKER = re.compile(r"^\s*Decision [Mm]aker\s*:\s*(?P<v>.+)$", re.M)
_LEAD_OFFICER = re.compile(r"^\s*Lead officer\s*:\s*(?P<v>.+)$", re.M)
_RECORD_HEAD = re.compile(r"^\s*(?P<d>\d{1,2}/\d{1,2}/\d{4})\s+-\s+(?P<title>.+?)(?:\s+ref:\s*\d+.*)?$", re.M)
_AGREED_SENTENCE = re.compile(
    r"(?P<s>(?:(?:The|the|Full) )?(?P<body>(?:[A-Z][\w'\u2019&-]*(?: (?:and|of|for|&) | ))*?"
    r"(?:Committee|Board|Panel|Cabinet|Council|Group|Partnership|Executive)) (?:also |had |has |then |unanimously )?"
    r"(?P<verb>agreed|approved|resolved|decided|noted|endorsed|adopted|appointed|established|requested|agrees|approves)"
    r"\b[^.\n]{5,300}[.\n])")
_PASSIVE = re.compile(
    r"(?P<s>[A-Z][^.\n]{5,200}?\b(?:was|were|been|be) (?P<verb>agreed|approved|noted|endorsed|adopted)"
    r"(?: by (?:the )?(?P<body>[^.\n,]{3,80}?))?(?: (?:on|in|at) [^.\n]{0,60})?[.\n])")


def _kind(text: str, default: DecisionKind) -> DecisionKind:
    if default == DecisionKind.RECOMMENDATION or default == DecisionKind.DELEGATED:
        return default
    if re.search(r"\b(?:be|was|were|is|are|been)\s+noted\b|^(?:that )?(?:the )?\w+ (?:received and )?noted\b", text, re.I) \
            and not re.search(r"\b(?:approved|agreed|resolved)\b", text, re.I):
        return DecisionKind.NOTED
    return default


def _block_items(seg: Segmented, first: int, first_rest: str, first_rest_start: int) -> list[tuple[int, int, str]]:
    """The resolutions following a RESOLVED keyword: the rest of its line, or the items below it."""
    items: list[tuple[int, int, str]] = []
    if len(first_rest.strip(" :.-")) > 8:
        items.append((first_rest_start, first_rest_start + len(first_rest), first_rest))
        # a lettered list may follow on the next lines
    blanks = 0
    for ln in seg.lines[first + 1:first + 40]:
        text = ln.text.strip()
        if not text:
            blanks += 1
            if blanks >= 3 or (blanks >= 2 and items):
                break
            continue
        blanks = 0
        m = _ITEM.match(ln.text)
        if m:
            s = ln.start + m.start("text")
            items.append((s, ln.end, m.group("text")))
        elif not items and re.match(r"^(?:That|To|The|For)\b", text):
            items.append((ln.start, ln.end, ln.text))
        elif items and not re.match(r"^(?:\d+\.|[A-Z][A-Z ]{6,})", text) and len(items) == 1 and text[0].islower():
            continue
        else:
            break
    return items


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" |")
    text = re.sub(r"^(?:that|That)\s*[:\-]?\s*(?=[A-Z(])", "That ", text)
    return text


def decisions(seg: Segmented) -> list[DecisionFact]:
    out: list[DecisionFact] = []
    seen: set[str] = set()

    def add(text: str, kind: DecisionKind, start: int, end: int, rule: str, maker: str | None = None,
            date: PartialDate | None = None, lead: str | None = None) -> None:
        text = _clean(text)
        key = text.lower()[:120]
        if len(text) < 12 or key in seen:
            return
        seen.add(key)
        meeting = seg.meeting_at(start)
        out.append(DecisionFact(
            text=text, kind=_kind(text, kind), maker=maker or (meeting.body if meeting else None),
            date=date or (meeting.date if meeting else seg.date), meeting_date=meeting.date if meeting else None,
            lead_officer=lead, evidence=seg.sentence_evidence(start, end, rule)))

    # resolution blocks
    for m in _RESOLVED.finditer(seg.text):
        i = seg.line_index(m.start())
        kind = DecisionKind.RESOLVED
        for s, e, text in _block_items(seg, i, m.group("rest"), m.start("rest")):
            add(text, kind, s, e, "decision.resolved-block")
    # recommendation blocks
    for i, ln in enumerate(seg.lines):
        m = _RECOMMEND_HEAD.match(ln.text)
        if m and len(ln.text) < 200:
            for s, e, text in _block_items(seg, i, m.group("rest"), ln.start + m.start("rest")):
                if re.match(r"^(?:That|To|The|For|Approve|Recommend|Agree|Note)\b", text.strip(), re.I):
                    add(text, DecisionKind.RECOMMENDATION, s, e, "decision.recommendation-block")
    # decision records (ModernGov delegated / cabinet decision pages)
    for m in _DECISION_MAKER.finditer(seg.text):
        maker = m.group("v").strip()
        head = None
        for h in _RECORD_HEAD.finditer(seg.text, 0, m.start()):
            head = h
        if not head:
            continue
        date = None
        for _s, _e, d in find_dates(head.group("d")):
            date = d
        window = seg.text[m.end():m.end() + 400]
        lead_m = _LEAD_OFFICER.search(window)
        lead = clean_name(lead_m.group("v")) if lead_m else None
        kind = DecisionKind.RESOLVED if classify_body(maker) != OrgKind.EXTERNAL or maker == "Cabinet" \
            else DecisionKind.DELEGATED
        if re.search(r"\b(?:Director|Officer|Executive|Head|Manager|Member)\b", maker):
            kind = DecisionKind.DELEGATED
        add(head.group("title"), kind, head.start("title"), head.end("title"), "decision.record", maker=maker,
            date=date, lead=lead)
    # sentences in which a body agreed or decided something
    for m in _AGREED_SENTENCE.finditer(seg.text):
        body_raw = m.group("body")
        bodies = find_bodies(body_raw)
        body = bodies[-1].name if bodies else None
        if body_raw.strip().lower() in ("council", "full council") or (body and body.lower() == "council"):
            body = seg.council
        if body is None:
            meeting = seg.meeting_at(m.start())
            body = meeting.body if meeting else None
        dates = [d for _s, _e, d in find_dates(m.group("s"))]
        add(m.group("s"), DecisionKind.RESOLVED, m.start("s"), m.end("s"), "decision.body-agreed", maker=body,
            date=dates[0] if dates else None)
    return out
