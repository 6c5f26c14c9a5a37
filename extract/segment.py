"""Document -> Segmented: lines with offsets, typed sections and what the document is about.

Fact modules ask questions of the layout ("which lines form the Present block?",
"which meeting does this offset belong to?") rather than of raw text, so the answer is
computed once here and every module agrees on it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

from extract.dates import find_dates
from extract.records import Document, Evidence, PartialDate, Problem


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
class Cell:
    """A table cell: its text, stripped, and where that text is."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class MeetingSpan:
    """From `start` on (until the next span), the text is the record of this meeting."""

    start: int
    body: str
    date: PartialDate | None
    venue: str | None
    evidence: Evidence
    recorded: bool = (
        True  # False: only the body a passage is about (no meeting of it is recorded or convened)
    )


@dataclass(slots=True)
class Segmented:
    document: Document
    lines: list[Line]
    council: str | None
    date: PartialDate | None
    meetings: list[MeetingSpan] = field(default_factory=list)
    # per line index, where its sentences end (see `_sentence_ends`): worked out once a line, not once a fact
    sentence_ends: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict, repr=False)
    # per line index, its table cells (see `table_cells`): every module that reads tables asks, each line is split once
    cells: dict[int, list[Cell]] = field(default_factory=dict, repr=False)
    # per sentence (start, end), the day it states after "On" (see `stated_date_at`): read once a sentence, not once
    # a fact (a flattened list puts many readings in one long sentence)
    said_on: dict[tuple[int, int], PartialDate | None] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.document.text

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        start, end = _trim(self.text, start, end)
        return Evidence(
            doc_id=self.document.doc_id, start=start, end=end, text=self.text[start:end], rule=rule
        )

    def line_evidence(self, line: Line, rule: str) -> Evidence:
        return self.evidence(line.start, line.end, rule)

    def sentence_evidence(self, start: int, end: int, rule: str) -> Evidence:
        """The sentence around start..end, within its line: the evidence a reader would quote.

        What `_SENTENCE_END` finds in line[:start] and in line[end:], read from the line's sentence ends,
        found once: searching the line again for each fact was quadratic in the length of a line with
        20,000 names in it."""
        i = self.line_index(start)
        line = self.lines[i]
        s, e = line.start, max(line.end, end)
        marks, reach = self._sentence_ends(i)
        k = bisect_left(marks, start) - 1
        while k >= 0 and reach[k] >= start:  # its capital is past `start`: a search ending there misses it
            k -= 1
        if k >= 0:
            s = marks[k] + 1
        k = bisect_left(marks, end)
        if end <= line.end and k < len(marks):
            e = marks[k] + 1
        return self.evidence(s, e, rule)

    def _sentence_ends(self, i: int) -> tuple[list[int], list[int]]:
        """Where `_SENTENCE_END` matches in line i (searched to the line's end), and for each the offset of the
        capital its lookahead needs (a tab needs none: its own offset)."""
        if i not in self.sentence_ends:
            line, text = self.lines[i], self.text
            marks, reach = [], []
            for m in _SENTENCE_END.finditer(text, line.start, line.end):
                marks.append(m.start())
                spaces = _SPACES.match(text, m.end(), line.end)  # `\s*`: always a match
                reach.append(m.start() if m.group(0) == "\t" or spaces is None else spaces.end())
            self.sentence_ends[i] = (marks, reach)
        return self.sentence_ends[i]

    def table_cells(self, i: int) -> list[Cell]:
        """Line `i` as table cells with their offsets: tab-separated, or a pipe table's "| a | b |"; else []."""
        if i not in self.cells:
            self.cells[i] = _split_cells(self.lines[i])
        return self.cells[i]

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

    def stated_date_at(self, offset: int) -> PartialDate | None:
        """The date the sentence around `offset` gives itself ("On the 21st August 2023 Mr Walker, CEO,
        responded"), else the meeting's or the document's: what a statement attests is dated by its clause."""
        sentence = self.sentence_evidence(offset, offset + 1, "")
        key = (sentence.start, sentence.end)
        if key not in self.said_on:
            self.said_on[key] = next(
                (
                    date
                    for s, _e, date in find_dates(sentence.text)
                    if date.precision == "day" and re.search(r"\b[Oo]n(?:\s+the)?\s*$", sentence.text[:s])
                ),
                None,
            )
        return self.said_on[key] or self._letter_date(offset) or self.date_at(offset)

    def _letter_date(self, offset: int) -> PartialDate | None:
        """A signature below "Yours sincerely" is dated by the letter's own date line ("15 May 2014" above "Dear
        Councillor"), not by the meeting the letter summons: the signer held the post when signing."""
        close = _CLOSING.search(self.text, max(0, offset - 400), offset)
        if close is None:
            return None
        dated = None
        at = self.line_index(close.start())
        for line in self.lines[max(0, at - 80) : at]:  # the letter's head, a bounded look back
            found = list(find_dates(line.text))
            if len(found) == 1 and found[0][2].precision == "day":
                s, e, date = found[0]
                rest = (line.text[:s] + " " + line.text[e:]).replace(",", " ").lower().split()
                if all(w in _DATE_LINE_WORDS for w in rest):
                    dated = date
        return dated

    def line_index(self, offset: int) -> int:
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def _split_cells(ln: Line) -> list[Cell]:
    text = ln.text
    if "\t" in text:
        sep = "\t"
    elif text.strip().startswith("|") and text.count("|") >= 3:
        sep = "|"
    else:
        return []
    cells, pos = [], 0
    for part in text.split(sep):
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        cells.append(Cell(ln.start + pos + lead, ln.start + pos + lead + len(stripped), stripped))
        pos += len(part) + 1
    if sep == "|":
        cells = cells[1:-1]
    return cells


def header_tables(
    seg: Segmented, columns: dict[str, re.Pattern[str]], need: set[str]
) -> Iterator[tuple[dict[str, int], list[list[Cell]]]]:
    """Tables whose header row names the `need`ed columns: each as {column: index} and its rows below.

    A layout question asked by several fact modules (attendance tables, cabinet columns, forward plans):
    it lives with the layout so that no fact module imports another, and the cells of a line are split once."""
    i = 0
    while i < len(seg.lines):
        head = seg.table_cells(i)
        cols: dict[str, int] = {}
        for n, c in enumerate(head):
            # (a "(" right after another is never where a match starts: a run of them was read to its end from each)
            name = " ".join(re.sub(r"(?<!\()\([^)\n]*\)|\*", "", c.text).split()).strip(" :")
            for key, rx in columns.items():
                if key not in cols and rx.match(name):
                    cols[key] = n
                    break
        if not need <= set(cols):
            i += 1
            continue
        rows = []
        j = i + 1
        while j < len(seg.lines):
            cells = seg.table_cells(j)
            if not cells:
                if seg.lines[j].text.strip():
                    break
                j += 1
                continue
            if not re.fullmatch(r"[\s|:+=_-]*", seg.lines[j].text):
                rows.append(cells)
            j += 1
        yield cols, rows
        i = j


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])[.!?](?=\s+[A-Z(])|\t")
_SPACES = re.compile(r"\s*")
# a letter's close, and a line that is only its date ("15 May 2014", "Date: 15th May 2014")
_CLOSING = re.compile(r"\bYours\s+(?:sincerely|faithfully)\b", re.I)
_DATE_LINE_WORDS = frozenset(
    "date date: dated dated: monday tuesday wednesday thursday friday saturday sunday".split()
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_matches(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""`rx.finditer(text)` for a MULTILINE pattern that opens `^\s*` and then needs a character that is not a
    space ("Venue:", "Date:"): the same matches, but a line start is not tried when the line above it was tried
    (or stands for one that was) and is blank, since from both `\s*` reaches the same place. finditer read a
    run of n blank lines from each of its n line starts: quadratic in the run."""
    pos = 0
    while (m := _next_line_match(rx, text, pos)) is not None:
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def _next_line_match(rx: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    p = pos if pos == 0 or text[pos - 1] == "\n" else text.find("\n", pos) + 1
    if p == 0 and pos > 0:
        return None
    blank_above = False
    while True:
        line_end = text.find("\n", p)
        if not blank_above and (m := rx.match(text, p)):
            return m
        if line_end < 0:
            return None
        blank_above = p == line_end or text[p:line_end].isspace()
        p = line_end + 1


# the place words of a council's name: "Tonbridge and Malling", "Lisburn & Castlereagh", "Kingston upon Thames",
# "Newry, Mourne and Down" (a comma only in a list that ends in "and"/"&"). At most 24 words (an open-ended run
# re-read a long run of capitalised words from each of its words: 120 kB of "Mr Mr Mr" took 8 s here alone).
_PLACE = (
    r"[A-Z][a-z]+(?:(?:[ -]|,[ ](?=(?:[A-Z][a-z]+[ ]){1,3}(?:and|&)[ ])|[ ](?:and|&|upon|on|under)[ ])"
    r"[A-Z][a-z]+){0,24}"
)
_COUNCIL_RX = re.compile(
    r"\b((?:London|Royal) Borough of " + _PLACE + r"|"
    r"(?:City|County|Borough|District) of " + _PLACE + r" Council|"
    r"City and County of " + _PLACE + r"|"
    r"Metropolitan Borough of (?P<met>" + _PLACE + r")|"
    r"(?P<place>"
    + _PLACE
    + r") (?:(?:City|County|Borough|District|Metropolitan Borough) )?(?:Council|Combined "
    r"Authority))\b"
)
# words that open a run of capitals before "Council" without being its name: "Annual Council", "That Mid Ulster
# District Council regrets", "Your Council", "Open Council"
_NOT_NAME_START = {
    "The", "This", "That", "These", "Your", "Our", "Their", "Its", "His", "Her", "A", "An", "Each", "Every", "Whole",
    "Full", "Annual", "General", "Open", "Approve", "Special", "Extraordinary", "Ordinary", "Budget", "Statutory",
    "Monthly", "Reconvened", "Adjourned", "Virtual", "Hybrid", "Remote", "Online", "Shadow", "Youth", "Unitary",
    "Dear", "Welcome", "Minutes", "Agenda", "Meeting", "Members", "Member", "Councillors", "Councillor", "Cllr",
    "Mayor", "Leader", "Deputy", "Chair", "Chairman", "Cabinet", "Executive", "Chief", "Former", "Previous",
    "Next", "Local", "Whilst", "While", "When", "If", "As", "At", "Of", "On", "In", "To", "For", "By", "And",
    "Parish", "Town", "City", "County", "Borough", "District", "Metropolitan",
}  # fmt: skip
# a masthead in capitals: "EASTMOOR BOROUGH COUNCIL", "MINUTES ... OF MARLOW HEATH DISTRICT COUNCIL"
_CAPS_COUNCIL_RX = re.compile(
    r"\b((?:(?![A-Z'-]{60})(?:[A-Z][A-Z'-]+,?|&) ){1,24}?(?:COUNCIL|COMBINED AUTHORITY)|(?:LONDON|ROYAL) BOROUGH OF "
    r"[A-Z][A-Z'-]+(?: (?:AND |UPON )?[A-Z][A-Z'-]+)*)\b"
)
_CAPS_NOT_NAME = {
    "OF",
    "THE",
    "FULL",
    "MINUTES",
    "MEETING",
    "AGENDA",
    "NOTICE",
    "ANNUAL",
    "EXTRAORDINARY",
    "SPECIAL",
    "AT",
    "TO",
    "BY",
    "FOR",
    "IN",
    "ON",
    "A",
    "AN",
    "HELD",
    "YOUTH",
}
# a news story's lead, its first words in capitals: "WYCOMBE District Council's chief executive", "BRADFORD Council
# chief executive Richard Penn" (`segment.lead-caps-council`)
_LEAD_CAPS_COUNCIL = re.compile(
    r"\b(?<![A-Z'-])(?P<place>[A-Z][A-Z'-]{1,30}(?: (?:AND|UPON|&) [A-Z][A-Z'-]{1,30}| [A-Z][A-Z'-]{1,30}){0,3}) "
    r"(?P<kind>(?:(?:City|County|Borough|District|Metropolitan Borough|County Borough) )?Council)\b"
)
_DESCRIPTOR_WORDS = {
    "City",
    "County",
    "Borough",
    "District",
    "Metropolitan",
    "Council",
    "Combined",
    "Authority",
    "Town",
    "Parish",
}


def _caps_councils(text: str) -> list[str]:
    out = []
    for m in _CAPS_COUNCIL_RX.finditer(text):
        words = m.group(1).split()
        if words[1:3] == ["BOROUGH", "OF"]:
            out.append(" ".join(w.lower() if w in ("OF", "AND", "UPON") else w.capitalize() for w in words))
            continue
        head = 2 if words[-1] == "AUTHORITY" else 1
        keep: list[str] = []
        for i in range(len(words) - head - 1, -1, -1):
            if words[i] in _CAPS_NOT_NAME:
                if words[i] == "OF" and i and words[i - 1] in ("CITY", "COUNTY", "BOROUGH"):
                    keep[:0] = words[i - 1 : i + 1]  # "THE CITY OF EDINBURGH COUNCIL"
                break
            keep.insert(0, words[i])
        name = " ".join(
            w.lower() if n and w in ("OF", "AND", "UPON") else w.capitalize()
            for n, w in enumerate([*keep, *words[-head:]])
        )
        if any(w not in _DESCRIPTOR_WORDS for w in name.split()):
            out.append(name)
    return out


def _lead_caps_council(m: re.Match[str]) -> str | None:
    """ "WYCOMBE District Council" -> "Wycombe District Council": a place of two letters or three ("LDF Council") is an
    initialism, not a name, and a word of a masthead ("MINUTES", "THE") is none of the place."""
    words = m.group("place").split()
    if words[0] in _CAPS_NOT_NAME or len(words[0]) < 4:
        return None
    place = " ".join(w.lower() if w in ("AND", "UPON") else w.capitalize() for w in words)
    return f"{place} {m.group('kind')}"


def _council_named(m: re.Match[str]) -> str | None:
    """The council a match of `_COUNCIL_RX` names, without the words that open it but are no part of a name
    ("Annual Council", "That Mid Ulster District Council"); "Metropolitan Borough of Gateshead" is "Gateshead
    Metropolitan Borough Council"."""
    if m.group("met"):
        return f"{m.group('met')} Metropolitan Borough Council"
    name = m.group(1)
    if m.group("place") is None:
        return name
    words = name.split(" ")
    while words and words[0] in _NOT_NAME_START:
        words.pop(0)
    if words and words[0] in ("and", "&", "upon", "on", "under"):
        return None
    if not any(w.strip(",") not in _DESCRIPTOR_WORDS for w in words):
        return None
    return " ".join(words)


# a council's web or e-mail address: "democratic.services@scambs.gov.uk", "www.leeds.gov.uk"
_GOV_UK = re.compile(r"[@.]([a-z][a-z0-9-]{1,40})\.gov\.uk\b", re.I)
_SLUG_KIND = {
    "cc": "City Council",
    "dc": "District Council",
    "bc": "Borough Council",
    "mbc": "Metropolitan Borough Council",
}
_NOT_SLUGS = {"www", "democracy", "moderngov", "councillors", "committees", "mycouncil", "services"}
_CAPS_RUN = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}")


def _squash(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _slugs(text: str) -> list[str]:
    """The names of gov.uk addresses in `text` ("scambs", "leeds"), without the words every council's has."""
    out = []
    for m in _GOV_UK.finditer(text):
        slug = m.group(1).lower().split(".")[-1]
        if slug not in _NOT_SLUGS:
            out.append(slug)
    return out


def _from_slug(text: str, slug: str) -> str | None:
    """ "leeds" -> "Leeds Council", "portsmouthcc" -> "Portsmouth City Council": a council named by its address,
    where the text has the place's words ("Civic Hall, Leeds"); the address alone spells no name."""
    stem, kind = slug.replace("-", ""), "Council"
    for end, k in _SLUG_KIND.items():
        if stem.endswith(end) and len(stem) > len(end) + 3:
            stem, kind = stem[: -len(end)], k
            break
    if len(stem) < 4:
        return None
    for m in _CAPS_RUN.finditer(text[:200_000]):
        words = m.group(0).split(" ")
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if _squash("".join(words[i:j])) == stem:
                    return " ".join([*words[i:j], kind])
    return None


# a page that gives its council's kind but not its name ("the District Council"), and a building named for the place
# where the meeting is held ("held in the Council Chamber, Ryedale House, Malton", "Venue: Council Chamber - South
# Cambs Hall"): the council is the place's (`segment.venue-council`)
_COUNCIL_KIND = re.compile(
    r"\bthe (?P<kind>City|County|Borough|District|County Borough|Metropolitan Borough) Council\b"
)
_VENUE = re.compile(r"(?:\bVenue:|\bheld (?:in|at) the\b)[^\n]{0,120}")
_VENUE_BUILDING = re.compile(r"\b(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) (?:House|Hall|Civic Centre)\b")
_NOT_PLACE = frozenset(
    "Council Civic Town City County Shire Guild Municipal Assembly Community Village Memorial Parish Church Market "
    "Members Committee Mansion Custom Trinity Corn Exchange Public Main Old New The".split()
)


def _venue_council(text: str) -> str | None:
    """ "Ryedale District Council" from "the District Council" and "Ryedale House" in the venue: only where the page
    says which kind of council it is, and the building's first word is no building's word ("Town Hall", "Civic
    Centre", "Shire Hall")."""
    kind = _COUNCIL_KIND.search(text, 0, 200_000)
    venue = _VENUE.search(text, 0, 3000)
    if kind is None or venue is None:
        return None
    for m in _VENUE_BUILDING.finditer(venue.group(0)):
        words = m.group("place").split()
        while words and words[0] in _NOT_PLACE:
            words.pop(0)
        if words:
            return f"{' '.join(words)} {kind.group('kind')} Council"
    return None


def find_council(text: str) -> str | None:
    """The council a document is most about: the most frequent "X Council" (or "X Combined Authority") name in
    it, a name in the masthead (the opening lines) counting double and one its gov.uk address spells (an e-mail
    domain, a web address) counting triple; a name that is the end of another ("South Oxfordshire District
    Council" in "New South Oxfordshire District Council leader elected") counts that one's mentions too. With no
    name but an address, the place the address spells, where the text has its words ("Civic Hall, Leeds",
    leeds.gov.uk: "Leeds Council")."""
    counts: dict[str, int] = {}
    head_end, seen = 0, 0  # the masthead: the first two lines that have text
    for ln in text[:300].split("\n"):
        head_end += len(ln) + 1
        seen += bool(ln.strip())
        if seen == 2:
            break
    names = [(m.start(), n) for m in _COUNCIL_RX.finditer(text[:200_000]) if (n := _council_named(m))]
    names += [
        (m.start(), n) for m in _CAPS_COUNCIL_RX.finditer(text[:20_000]) for n in _caps_councils(m.group(0))
    ]
    names += [(0, n) for m in _LEAD_CAPS_COUNCIL.finditer(text, 0, head_end) if (n := _lead_caps_council(m))]
    for start, name in names:
        counts[name] = counts.get(name, 0) + (2 if start < head_end else 1)
    slugs = _slugs(text[:200_000])
    if not counts:
        return next((named for s in slugs if (named := _from_slug(text, s))), None) or _venue_council(text)
    for longer, times in list(counts.items()):
        for name in counts:
            if longer.endswith(" " + name) and len(longer.split()) == len(name.split()) + 1:
                counts[name] += times
    for slug in slugs:
        stem = slug.replace("-", "")
        for name in counts:
            if len(stem) >= 4 and stem in _squash(name):
                counts[name] += 3
    return max(sorted(counts), key=lambda k: counts[k])


# longer than any line of a real paper (the longest in the corpora is 2,239 characters): the rules read a
# line at a time and some cost more than linear time in the length of a line, so a longer one is cut
MAX_LINE = 5_000


def bounded(document: Document) -> tuple[Document, Problem | None]:
    """`document` with every line over MAX_LINE characters cut into lines (the space after a sentence's end, else
    a space, else any character, at the cut becomes a line break: offsets stay, and only hostile or broken files
    change), and a W011 Problem saying so. A 1 MB text on one line then costs what 200 lines cost, not what a
    rule that is quadratic in a line's length would make of a megabyte."""
    lines = document.text.split("\n")
    if all(len(line) <= MAX_LINE for line in lines):
        return document, None
    longest, cuts = max(len(line) for line in lines), 0
    out = []
    for line in lines:
        chars = list(line) if len(line) > MAX_LINE else None
        start = 0
        while chars is not None and len(line) - start > MAX_LINE:
            window = line[start + MAX_LINE // 2 : start + MAX_LINE + 1]
            at = max(
                window.rfind(". "), window.rfind("? "), window.rfind("! ")
            )  # a sentence's end, else a space
            at = at + 1 if at >= 0 else max(window.rfind(" "), window.rfind("\t"))
            cut = start + MAX_LINE // 2 + at if at >= 0 else start + MAX_LINE
            chars[cut] = "\n"
            cuts += 1
            start = cut + 1
        out.append("".join(chars) if chars is not None else line)
    problem = Problem(
        doc_id=document.doc_id,
        stage="extract.segment",
        code="W011",
        message=f"a line of {longest:,} characters (over {MAX_LINE:,}) was cut into lines "
        f"({cuts:,} cuts); what it says is read, but a fact across a cut is not",
    )
    return replace(document, text="\n".join(out)), problem


def segment(document: Document) -> Segmented:
    lines: list[Line] = []
    pos = 0
    for raw in document.text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    council = document.council or find_council(document.text)
    date = document.date or page_date(document.text)
    return Segmented(document=document, lines=lines, council=council, date=date)


# a line that says what date the page is of: "Date of meeting: ...", "Date: ...", "Notice of proposed decision first
# published: 03/01/2023", "PUBLISHED: 16:02 19 July 2019 | UPDATED: ..." ("Decision published:" is not: on a list
# of decisions each has its own, and the page is of the first line's date)
_PAGE_DATE_LINE = re.compile(
    r"^\s*(?:(?:Notice of proposed decision first|First|Date) )?"
    r"(?:Date of (?:meeting|decision)|Meeting date|Decision date|Date|Published(?: on)?)[ \t]*:[ \t]*"
    r"(?:\d{1,2}[:.]\d{2}[ \t]+)?(?P<d>[^\n]{6,60})",
    re.I | re.M,
)
# the words before a date that is another meeting's: "To approve the minutes of the meeting held on 21 September
# 2016", "That the minutes of the meetings held on"
_OTHER_MEETING = re.compile(
    r"\b(?:(?:approve|confirm|sign|agree|receive|note|adopt)\w*\b[^.\n]{0,30}\b|that\s+(?:the\s+)?)minutes\b"
    r"[^.\n]{0,80}$",
    re.I,
)


# what only the record of a meeting of the whole council says (`page.council-business`): "COUNCIL RESOLVED", "RESOLVED
# that Council ...", "Council noted", "Election of Mayor", "To elect a Chair of Council", "Civic Mayor's announcements",
# "To elect a Member of the Council to be Mayor"; and what a committee's record says of its own body, which the
# council's does not ("The Committee RESOLVED", "members of the Board")
_COUNCIL_BUSINESS = re.compile(
    r"\b(?:COUNCIL RESOLVED|Council RESOLVED|RESOLVED[:,]? (?:that|That|THAT) (?:the )?Council\b"
    r"|(?:^|[.:][ \t]+|\band |\bseconded, )(?:[Tt]he )?Council (?:unanimously|resolved|noted|agreed|approved|received|considered)\b"
    r"|Election of (?:the )?(?:Lord |Civic )?(?:Mayor|Chair(?:man)?|Provost)\b|Chair(?:man)? of (?:the )?Council\b"
    r"|(?:Lord |Civic )?Mayor'?s? [Aa]nnouncements|Civic [Aa]nnouncements?\b|[Mm]embers? of (?:the )?Council\b"
    r"|\bbe elected (?:Lord |Civic )?Mayor\b)",
    re.M,
)
_BODY_BUSINESS = re.compile(
    r"\b(?:(?:Committee|Board|Panel|Cabinet|Sub-Committee|Executive) (?:RESOLVED|resolved|noted|agreed|approved|received|"
    r"considered)\b|[Mm]embers of the (?:Committee|Board|Panel|Cabinet|Sub-Committee)\b)"
)


# the Executive as a body, where a council calls its cabinet so ("serve on the Executive", "Decision Maker: Executive"),
# not an executive director, member or team
_EXECUTIVE_BODY = re.compile(
    r"\b[Tt]he[ \t]+Executive\b(?![ \t]+(?:Director|Member|Officer|Head|Manager|Assistant|Team|Board|Committee|"
    r"Councillor|Support|Lead|Leader|Management))|^[ \t]*Decision [Mm]aker:[ \t]*Executive[ \t]*$",
    re.M,
)


def page_cabinet(text: str) -> str:
    """What the page calls the council's cabinet: "Executive" where it names the Executive as a body and never
    writes "Cabinet" (Anglesey's "Members of the Executive", Woking's "The Executive RESOLVED"), else "Cabinet".
    Every seat in the cabinet a page reads, whichever rule reads it, is in the body the page names."""
    if _EXECUTIVE_BODY.search(text) and not re.search(r"\bCabinet\b", text):
        return "Executive"
    return "Cabinet"


def page_title(text: str) -> str | None:
    """The title of a page that no manifest titles, where its text says what meeting it records and no heading
    does: "Council" for the items of a meeting of the whole council (a ModernGov "Agenda and minutes" page keeps
    only "Venue:" above items that say "COUNCIL RESOLVED" or "Election of Mayor"), unless the page also speaks
    of a committee's or board's own business (then it is that body's record, whose name the page never gave)."""
    head = text[:20_000]
    if _COUNCIL_BUSINESS.search(head) and not _BODY_BUSINESS.search(head):
        return "Council"
    return None


def page_date(text: str) -> PartialDate | None:
    """The date of a page that no manifest dates, read from its opening text (3,000 characters): a line that
    labels it ("Date of meeting:", "Date:", "Date of decision:", "PUBLISHED:"), else its first full date that
    is not another meeting's ("To approve the minutes of the meeting held on 21 September 2016" dates the last
    meeting, not this one)."""
    head = text[:3000]
    for m in line_matches(_PAGE_DATE_LINE, head):
        for _s, _e, d in find_dates(m.group("d")):
            if d.precision == "day":
                return d
            break
    for s, _e, d in find_dates(head):
        if d.precision == "day" and not _OTHER_MEETING.search(head[max(0, s - 120) : s]):
            return d
    return None
