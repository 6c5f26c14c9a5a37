"""Dates as English councils write them, day first, kept at the precision the text gives.

A hand-written grammar rather than dateparser: council papers use a handful of forms
("Tuesday 17 September 2024", "17th July 24", "22/07/2021", "March 2015"), and a
grammar that finds them *with their spans* in running text is both faster and stricter
than a general parser that guesses (dateparser reads "May" alone as a date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.records import PartialDate

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2}|'?\d{2})"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

PATTERNS = [
    ("dmy", re.compile(_WEEKDAY + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I)),
    ("mdy", re.compile(_MONTH + r"\s+" + _DAY + r",\s+" + _YEAR + r"\b", re.I)),
    ("numeric", re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d{2}|\d{2})\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("my", re.compile(r"\b" + _MONTH + r"\s+(?P<year>(?:19|20)\d{2})\b", re.I)),
]
_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_YEAR_ONLY = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")


def _year(text: str) -> int:
    text = text.lstrip("'")
    y = int(text)
    return y + 2000 if y < 100 else y


def _month(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def _build(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return PartialDate(f"{year:04d}")
    if not 1 <= month <= 12:
        return None
    if day is None:
        return PartialDate(f"{year:04d}-{month:02d}")
    if not 1 <= day <= 31:
        return None
    return PartialDate(f"{year:04d}-{month:02d}-{day:02d}")


def find_dates(text: str, *, years: bool = False) -> Iterator[tuple[int, int, PartialDate]]:
    """Every date in `text` as (start, end, date), left to right, longest form first."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, PartialDate]] = []
    for _form, rx in PATTERNS:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groupdict()
            date = _build(_year(g["year"]), _month(g["month"]), int(g["day"]) if g.get("day") else None)
            if date:
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end(), date))
    if years:
        for m in _YEAR_ONLY.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                date = _build(int(m.group("year")))
                if date:
                    found.append((m.start(), m.end(), date))
    yield from sorted(found, key=lambda t: t[0])


def parse_date(text: str) -> PartialDate | None:
    """The first date in `text` (a bare year counts), or None."""
    if not text:
        return None
    if _ISO_PREFIX.match(text.strip()):
        return _build(*(int(p) for p in text.strip().split("-")))
    for _s, _e, date in find_dates(text, years=True):
        return date
    return None


def as_of_date(text: str) -> PartialDate | None:
    """`--as-of` as given: ISO 2024-05-01 / 2024-05 / 2024, or an English date ("1 May 2024")."""
    text = text.strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return PartialDate(text)
    return parse_date(text)
