"""Document -> Segmented: lines with offsets, typed sections and what the document is about.

Fact modules ask questions of the layout ("which lines form the Present block?",
"which meeting does this offset belong to?") rather than of raw text, so the answer is
computed once here and every module agrees on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from extract.dates import find_dates
from extract.records import Document, Evidence, PartialDate


class SectionKind(StrEnum):
    PRESENT = "present"
    IN_ATTENDANCE = "in attendance"
    APOLOGIES = "apologies"
    SUBSTITUTES = "substitutes"
    MEMBERSHIP = "membership"
    RESOLUTION = "resolution"
    TABLE = "table"
    KEY = "key"


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def cells(self) -> list[str]:
        return [c.strip() for c in self.text.split("\t")]


@dataclass(frozen=True, slots=True)
class MeetingSpan:
    """From `start` on (until the next span), the text is the record of this meeting."""

    start: int
    body: str
    date: PartialDate | None
    venue: str | None
    evidence: Evidence
    recorded: bool = True  # False: only the body a passage is about (no meeting of it is recorded or convened)


@dataclass(slots=True)
class Segmented:
    document: Document
    lines: list[Line]
    council: str | None
    date: PartialDate | None
    meetings: list[MeetingSpan] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        start, end = _trim(self.text, start, end)
        return Evidence(doc_id=self.document.doc_id, start=start, end=end, text=self.text[start:end], rule=rule)

    def line_evidence(self, line: Line, rule: str) -> Evidence:
        return self.evidence(line.start, line.end, rule)

    def sentence_evidence(self, start: int, end: int, rule: str) -> Evidence:
        """The sentence around start..end, within its line: the evidence a reader would quote."""
        line = self.lines[self.line_index(start)]
        s, e = line.start, max(line.end, end)
        for m in _SENTENCE_END.finditer(self.text, s, start):
            s = m.end()
        m = _SENTENCE_END.search(self.text, end, e)
        if m:
            e = m.start() + 1
        return self.evidence(s, e, rule)

    def meeting_at(self, offset: int) -> MeetingSpan | None:
        current = None
        for m in self.meetings:
            if m.start <= offset:
                current = m
            else:
                break
        return current

    def date_at(self, offset: int) -> PartialDate | None:
        m = self.meeting_at(offset)
        return m.date if m and m.date else self.date

    def line_index(self, offset: int) -> int:
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])[.!?](?=\s+[A-Z(])|\t")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_COUNCIL_RX = re.compile(
    r"\b(London Borough of [A-Z][a-z]+(?: [A-Z][a-z]+)*|Royal Borough of [A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*|"
    r"(?:[A-Z][a-z]+(?:[ -](?:and |upon |on |under )?[A-Z][a-z]+)*) (?:City|County|Borough|District|Metropolitan Borough)? ?Council|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)* Combined Authority)\b"
)


# a masthead in capitals: "EASTMOOR BOROUGH COUNCIL", "MINUTES ... OF MARLOW HEATH DISTRICT COUNCIL"
_CAPS_COUNCIL_RX = re.compile(r"\b((?:[A-Z][A-Z'-]+ )+?(?:COUNCIL|COMBINED AUTHORITY)|(?:LONDON|ROYAL) BOROUGH OF "
                              r"[A-Z][A-Z'-]+(?: (?:AND |UPON )?[A-Z][A-Z'-]+)*)\b")
_CAPS_NOT_NAME = {"OF", "THE", "FULL", "MINUTES", "MEETING", "AGENDA", "NOTICE", "ANNUAL", "EXTRAORDINARY", "SPECIAL",
                  "AT", "TO", "BY", "FOR", "IN", "ON", "A", "AN", "HELD", "YOUTH"}
_DESCRIPTOR_WORDS = {"City", "County", "Borough", "District", "Metropolitan", "Council", "Combined", "Authority",
                     "Town", "Parish"}


def _caps_councils(text: str) -> list[str]:
    out = []
    for m in _CAPS_COUNCIL_RX.finditer(text):
        words = m.group(1).split()
        if words[1:3] == ["BOROUGH", "OF"]:
            out.append(" ".join(w.lower() if w in ("OF", "AND", "UPON") else w.capitalize() for w in words))
            continue
        head = 2 if words[-1] == "AUTHORITY" else 1
        keep: list[str] = []
        for w in reversed(words[:-head]):
            if w in _CAPS_NOT_NAME:
                break
            keep.insert(0, w)
        name = " ".join(w.capitalize() for w in [*keep, *words[-head:]])
        if any(w not in _DESCRIPTOR_WORDS for w in name.split()):
            out.append(name)
    return out


def find_council(text: str) -> str | None:
    """The council a document is most about: the most frequent "X Council" (or "X Combined Authority") name in
    it, a name in the masthead (the opening lines) counting double."""
    counts: dict[str, int] = {}
    head_end, seen = 0, 0  # the masthead: the first two lines that have text
    for ln in text[:300].split("\n"):
        head_end += len(ln) + 1
        seen += bool(ln.strip())
        if seen == 2:
            break
    names = [(m.start(), m.group(1)) for m in _COUNCIL_RX.finditer(text[:200_000])]
    names += [(m.start(), n) for m in _CAPS_COUNCIL_RX.finditer(text[:20_000]) for n in _caps_councils(m.group(0))]
    for start, name in names:
        first = name.split()[0]
        if first in {"The", "This", "Full", "Town", "Parish", "Our", "A", "Each", "County", "City", "Borough",
                     "District", "Youth", "Unitary"}:
            continue
        counts[name] = counts.get(name, 0) + (2 if start < head_end else 1)
    if not counts:
        return None
    return max(sorted(counts), key=lambda k: counts[k])


def segment(document: Document) -> Segmented:
    lines: list[Line] = []
    pos = 0
    for raw in document.text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    council = document.council or find_council(document.text)
    date = document.date
    if date is None:
        for _s, _e, d in find_dates(document.text[:3000]):
            if d.precision == "day":
                date = d
                break
    return Segmented(document=document, lines=lines, council=council, date=date)
