"""How long a term ran, from the words around a holder: annual civic offices and stated durations.

A mayor, provost or chair of the council serves a municipal year and hands over at the annual meeting,
so "the retiring Mayor, Councillor X" or "the Lord Mayor reported on his year in office" in that meeting's
minutes ends X's term on the meeting's date and began it about a year before. A stated length ("a period
as mayor spanning 19 months", "stepped down after two years", "has held the post for six-and-a-half
years") dates the start back from the end; "elected Mayor for the ensuing municipal year" ends the term a
year after the election. A date so found has the precision of a month: the text gives a length, not a day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extract.records import PartialDate

# offices held for a municipal year and handed over at the annual meeting
_ANNUAL_OFFICE = re.compile(
    r"^(?:(?:Lord|Deputy|Depute|Lady|Vice)\s+)?(?:Mayor(?:ess)?|Provost|Lord Provost|Convener|Convenor|"
    r"Chair(?:man|person|woman)?(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w ]+\s+)?Council)?)(?:['\u2019]s\s+\w+)?$",
    re.I,
)
# the words that close a term at this meeting: "the retiring Mayor", "her year in office", "the preceding year"
_OUTGOING = r"(?:retiring|outgoing|out-going)"
_TERM_ENDS = re.compile(
    r"\b(?:(?:his|her|their)\s+(?:(?:deputy\s+)?mayoral\s+year|year\s+(?:in|of)\s+office)|during\s+the\s+preceding\s+year|"
    r"(?:over|during)\s+the\s+(?:past|previous|last)\s+(?:year|12\s+months|twelve\s+months)|"
    r"after\s+a\s+year\s+in\s+office|marking\s+the\s+end\s+of|(?:stepped|stood|steps|stands)\s+down)\b",
    re.I,
)
# the term an election gives: "for the ensuing municipal year", "for the Municipal Year 2004/2005"
_THE_YEAR = re.compile(
    r"\bfor\s+the\s+(?:(?:ensuing|coming|forthcoming|following)\s+(?:municipal\s+|civic\s+|council\s+)?year\b|"
    r"(?:municipal|civic|council)\s+year\s+(?P<first>(?:19|20)\d\d)\s*/\s*(?:19|20)?\d\d\b)",
    re.I,
)
_NUMBER = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
}  # fmt: skip
_DURATION = re.compile(
    r"\b(?:spanning|after|lasting|for|over\s+the\s+(?:past|last))\s+(?:almost\s+|nearly\s+|more\s+than\s+|over\s+)?"
    r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)"
    r"(?P<half>[- ]and[- ]a[- ]half)?[- ](?P<unit>years?|months?)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Term:
    """What the words say of a reading's term: where the reading is, its post, and the dates found so far."""

    sentence: str
    title_at: int  # where the post's title starts in the sentence
    post: str
    began: PartialDate | None
    ended: PartialDate | None


def term_dates(term: Term, meeting_date: PartialDate | None) -> tuple[PartialDate | None, PartialDate | None]:
    """The term's start and end once the civic year and any stated length are read: the dates the text states
    are kept; an annual office closed by the words ends on the meeting's date; a length dates the start."""
    began, ended = term.began, term.ended
    annual = bool(_ANNUAL_OFFICE.match(term.post))
    closed = _closed_here(term) if annual and ended is None else False
    if closed and meeting_date is not None:
        ended = meeting_date
    year = _THE_YEAR.search(term.sentence) if annual and ended is None else None
    if year and year.group("first"):  # "for the Municipal Year 2004/2005"
        first = int(year.group("first"))
        began = (
            began
            if began is not None and began.iso[:4] == f"{first:04d}"
            else PartialDate(iso=f"{first:04d}")
        )
        return began, PartialDate(iso=f"{first + 1:04d}")
    if (
        year and began is not None
    ):  # "be elected Mayor for the ensuing municipal year": a year from the election
        return began, months_before(began, -12)
    if ended is None or began is not None:
        return began, ended
    months = _months(term.sentence) or (12 if closed else None)
    return (months_before(ended, months) if months else None), ended


def _closed_here(term: Term) -> bool:
    """ "The retiring Mayor", "outgoing mayor Cllr X", "reported on his year in office": this meeting ends it."""
    before = term.sentence[max(0, term.title_at - 30) : term.title_at]
    return bool(re.search(rf"\b{_OUTGOING}\s+(?:the\s+)?$", before, re.I) or _TERM_ENDS.search(term.sentence))


def _months(sentence: str) -> int | None:
    """The length a sentence states, in months ("spanning 19 months" 19, "six-and-a-half years" 78)."""
    m = _DURATION.search(sentence)
    if m is None:
        return None
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _NUMBER[n]
    months = count * 12 if m.group("unit").lower().startswith("year") else count
    return months + (6 if m.group("half") and months >= 12 else 0)


def months_before(date: PartialDate, months: int) -> PartialDate:
    """The month `months` before `date` (after it, when negative), or its year where the date has no month."""
    year = int(date.iso[:4])
    if date.precision == "year":
        return PartialDate(iso=f"{year - round(months / 12):04d}")
    at = year * 12 + int(date.iso[5:7]) - 1 - months
    return PartialDate(iso=f"{at // 12:04d}-{at % 12 + 1:02d}")


# a time the page's own date places: "last week", "yesterday", "last month", "earlier this year"
_RELATIVE = re.compile(
    r"\b(?:(?P<yesterday>yesterday)|last\s+(?P<last>week|month|year)|earlier\s+this\s+(?P<this>month|year))\b",
    re.I,
)


def relative_dates(text: str, anchor: PartialDate | None) -> list[tuple[int, int, PartialDate]]:
    """The times `text` gives relative to the page's date, as (start, end, date) like `find_dates`: a news
    story dated 7 October that says "she said last week" places the saying a week before. "Last week" is
    the day a week before (a day of that week); a month or year keeps its own precision; a time finer than
    the anchor's precision is not placed."""
    if anchor is None:
        return []
    out = []
    for m in _RELATIVE.finditer(text):
        unit = (m.group("last") or m.group("this") or "day").lower()
        date = _placed(anchor, unit, back=m.group("this") is None)
        if date is not None:
            out.append((m.start(), m.end(), date))
    return out


def _placed(anchor: PartialDate, unit: str, *, back: bool) -> PartialDate | None:
    """The anchor moved back one `unit` (or kept, for "earlier this ..."), at the unit's precision."""
    if unit in ("day", "week"):
        if anchor.precision != "day":
            return None
        day = dt.date.fromisoformat(anchor.iso) - dt.timedelta(days=1 if unit == "day" else 7)
        return PartialDate(iso=day.isoformat())
    if unit == "month":
        if anchor.precision == "year":
            return None
        return months_before(PartialDate(iso=anchor.iso[:7]), 1 if back else 0)
    return PartialDate(iso=f"{int(anchor.iso[:4]) - (1 if back else 0):04d}")
