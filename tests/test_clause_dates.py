"""Dates from the holder's own clause before the page's (issue 22): a relative time the page's date places
("last week", "last month", "yesterday"), a predecessor's "who said ..." clause, and a letter's date line for
the signature under it. Each test states the date a reader takes from the words."""

from __future__ import annotations

import pytest

from extract.records import PartialDate
from extract.terms import relative_dates
from tests.conftest import facts_of


@pytest.mark.parametrize(
    ("text", "anchor", "placed"),
    [
        ("who said she would resign last week", "2021-10-07", "2021-09-30"),
        ("the job vacated by her last month", "2018-08-24", "2018-07"),
        ("the job vacated by her last month", "2018-01", "2017-12"),
        ("at yesterday's full council meeting", "2020-01-01", "2019-12-31"),
        ("announced earlier this year", "2020-05-02", "2020"),
        ("stood down last year", "2019", "2018"),
    ],
)
def test_a_relative_time_is_placed_by_the_page_date(text, anchor, placed):
    assert [d.iso for _s, _e, d in relative_dates(text, PartialDate(anchor))] == [placed]


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("she said last week", "2020-05"),  # a week is finer than a page dated by its month
        ("yesterday", None),  # an undated page places nothing
        ("at the last meeting of the year", "2020-05-02"),  # no relative time
    ],
)
def test_a_relative_time_finer_than_the_page_date_is_not_placed(text, anchor):
    assert relative_dates(text, PartialDate(anchor) if anchor else None) == []


def _seats(text: str, date: str | None = "2021-10-07") -> dict[str, tuple[str | None, str | None]]:
    return {
        f.person: (f.date and f.date.iso, f.end and f.end.iso)
        for f in facts_of(text, "membership", date=date)
        if f.role == "leader"
    }


def test_a_predecessor_who_said_last_week_is_attested_then():
    seats = _seats(
        "Ashcombe District Council has elected Priya Lamb as its new leader.\n"
        "She has immediately taken over from Tom Barrow, who said he would stand down last week."
    )
    assert seats["Tom Barrow"] == ("2021-09-30", "2021-10-07")


def test_a_predecessor_without_a_dated_clause_is_attested_on_the_page_date():
    seats = _seats(
        "Ashcombe District Council has elected Priya Lamb as its new leader.\n"
        "She has immediately taken over from Tom Barrow, who led the council for two years."
    )
    assert seats["Tom Barrow"][0] == "2021-10-07"


def _post_dates(text: str) -> dict[str, str | None]:
    return {f.person: f.date and f.date.iso for f in facts_of(text, "holds_post", date="2014-05-23")}


SUMMONS = (
    "Our Ref: Council\n{dated}\nDear Councillor\n"
    "You are hereby summoned to attend the meeting of the Council to be held on Friday 23 May 2014 at the Guildhall.\n"
    "Yours sincerely Mary Okafor\nMARY OKAFOR HEAD OF LEGAL SERVICES"
)


@pytest.mark.parametrize("dated", ["15 May 2014", "Date: Thursday, 15th May 2014"])
def test_a_signature_is_dated_by_the_letter_date_line(dated):
    assert _post_dates(SUMMONS.format(dated=dated)) == {"Mary Okafor": "2014-05-15"}


def test_a_date_inside_a_sentence_is_no_letter_date():
    text = SUMMONS.format(dated="The papers were sent on 15 May 2014 to all members.")
    assert _post_dates(text) == {"Mary Okafor": "2014-05-23"}
