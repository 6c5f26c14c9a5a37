"""News of a council meeting: the meeting a story reports, and the day it names without a year.

A local paper or a council's press office reports a meeting in prose, with no heading of its own: "Cllr Luxton
stepped down at a meeting of the full council on Tuesday night", "was appointed at the local authority's annual
general meeting held on Thursday, May 19", "at the council's annual meeting on 15 May". The layout stage makes
the meeting so reported the meeting the whole story records (`extract/layout.py`, rule "meeting.news-report"),
so that what councillors did "at the meeting" dates and places their attendance. A story gives the day as a
weekday counted from its own date ("on Tuesday"), or a day and month without a year: the year is the story's
(the manifest's or the page's date); a page with no date of its own takes the first year, from the latest year
it mentions on, in which that day falls on the weekday it names (no weekday, or no year mentioned: no date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as calendar_day
from datetime import timedelta

from extract.dates import MONTHS
from extract.records import PartialDate

_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD = "|".join(WEEKDAYS)
# the council's own meeting, as a story names it
_WHICH = (
    r"(?:(?:a|the) (?:special |extraordinary |annual |budget )?meeting of (?:the )?(?:full )?council|"
    r"(?:a|the) (?:special |extraordinary |annual |budget )?full council meeting|"
    r"(?:the )?(?:council|authority|local authority)['\u2019]s (?:special |extraordinary |annual |budget )?"
    r"(?:general )?meeting|(?:the|its) annual (?:general )?meeting of (?:the )?(?:full )?[Cc]ouncil)"
)
# when: "on Tuesday night", "yesterday", "this morning (May 19)", "held on Thursday, May 19", "on 15 May"
_WHEN = (
    rf"(?:,? (?:held |which took place )?(?:on )?(?:(?P<wd>{_WD}),? )?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? "
    rf"(?P<m1>{_MONTH_NAMES})|(?P<m2>{_MONTH_NAMES}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)(?:,? (?P<y>(?:19|20)\d{{2}}))?"
    rf"|,? (?:on )?(?P<rel>yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening)|"
    rf"(?:last )?(?:{_WD})))"
)
NEWS_MEETING = re.compile(rf"\b(?:at|during) {_WHICH}{_WHEN}")
# the day before the meeting, as a possessive: "at Friday's meeting", "ahead of yesterday's full council meeting", "At
# Tuesdays council AGM" (the apostrophe dropped; "AGM" a council's annual general meeting, as Northern Irish papers say)
_DAY_S_MEETING = re.compile(
    rf"\b(?i:at|during|ahead of|after) (?P<rel>yesterday|last night|today|tonight|(?:last )?(?:{_WD}))['\u2019]?s "
    r"(?:special |extraordinary |annual |budget )?(?:full )?(?:council )?(?:meeting|AGM)\b"
)
_PAREN_DAY = re.compile(
    rf" \((?P<m>{_MONTH_NAMES}) (?P<d>\d{{1,2}})\)| \((?P<d2>\d{{1,2}}) (?P<m2>{_MONTH_NAMES})\)"  # `match` anchors it
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_LOOKS_AHEAD = re.compile(r"\bwill\b|\bnext\b")


@dataclass(frozen=True, slots=True)
class NewsMeeting:
    """The council meeting a story reports: its day (None where the story gives none that can be dated) and where
    the words are."""

    date: PartialDate | None
    start: int
    end: int


def latest_year(text: str) -> int | None:
    """The latest year a page mentions (read once a page: every undated day of it is placed from it)."""
    return max((int(y) for y in _YEAR.findall(text)), default=None)


def year_for(month: int, day: int, weekday: str | None, latest: int | None) -> int | None:
    """The year of a day written without one on a page with no date: the first year, from the latest year the page
    mentions on (a story is written after what it recounts), in which that day is the weekday written."""
    if weekday is None or latest is None:
        return None
    for year in range(latest, latest + 7):
        try:
            if WEEKDAYS[calendar_day(year, month, day).weekday()] == weekday:
                return year
        except ValueError:  # 29 February
            continue
    return None


def _relative(when: str, wd: str | None, doc: PartialDate | None, ahead: bool) -> PartialDate | None:
    """ "yesterday", "on Tuesday", "this morning", counted from the story's own day."""
    if doc is None or doc.precision != "day":
        return None
    day = calendar_day.fromisoformat(doc.iso)
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(when, 0)
    if wd:
        gap = (WEEKDAYS.index(wd) - day.weekday()) % 7
        shift = (gap or 7) if ahead else (gap - 7 if gap else 0)
    return PartialDate((day + timedelta(days=shift)).isoformat())


def _dated(m: re.Match[str], text: str, doc: PartialDate | None, latest: int | None) -> PartialDate | None:
    """The day a match names: written in full, or a day and month in the story's year (or the year `year_for`
    finds), or a weekday or "yesterday" counted from the story's day."""
    month_name, day = m.group("m1") or m.group("m2"), m.group("d1") or m.group("d2")
    rel = m.group("rel")
    paren = _PAREN_DAY.match(text, m.end()) if rel and rel.startswith("this") else None
    if paren:  # "this morning (May 19)"
        month_name, day, rel = (
            paren.group("m") or paren.group("m2"),
            paren.group("d") or paren.group("d2"),
            None,
        )
    if rel:
        wd = next((w for w in WEEKDAYS if rel.endswith(w)), None)
        ahead = bool(_LOOKS_AHEAD.search(text, max(0, m.start() - 60), m.end()))
        return _relative(rel, wd, doc, ahead)
    if not (month_name and day):
        return None
    month = MONTHS[month_name.lower()]
    if m.group("y"):
        year: int | None = int(m.group("y"))
    elif doc is not None:
        year = int(doc.iso[:4])
    else:
        year = year_for(month, int(day), m.group("wd"), latest)
    if year is None:
        return None
    try:
        return PartialDate(calendar_day(year, month, int(day)).isoformat())
    except ValueError:
        return None


def news_meeting(text: str, doc: PartialDate | None) -> NewsMeeting | None:
    """The first dated report of a meeting of the council in `text` (a story dated `doc`, or undated)."""
    latest = latest_year(text) if doc is None else None
    found = [(m.start(), m.end(), _dated(m, text, doc, latest)) for m in NEWS_MEETING.finditer(text)]
    for m in _DAY_S_MEETING.finditer(text):
        rel = m.group("rel")
        wd = next((w for w in WEEKDAYS if rel.endswith(w)), None)
        ahead = bool(_LOOKS_AHEAD.search(text, max(0, m.start() - 60), m.end()))
        found.append((m.start(), m.end(), _relative(rel, wd, doc, ahead)))
    start, end, date = min(
        ((s, e, d) for s, e, d in found if d is not None), key=lambda f: f[0], default=(0, 0, None)
    )
    return NewsMeeting(date, start, end) if date is not None else None
