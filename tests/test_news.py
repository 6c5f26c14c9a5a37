"""News of a council meeting: the meeting a story reports, dated from the story or, undated, from its years."""

from __future__ import annotations

import pytest

from extract.news import latest_year, news_meeting, year_for
from extract.records import PartialDate
from tests.conftest import facts_of


def meetings(text: str, **meta) -> set[tuple[str, str | None]]:
    return {(f.body, f.date.iso if f.date else None) for f in facts_of(text, "meeting", **meta)}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("She stepped down at a meeting of the full council on Tuesday night.", "2020-12-18", "2020-12-15"),
        (
            "He was appointed at the local authority's annual general meeting held on Thursday, May 19.",
            "2022-05-20",
            "2022-05-19",
        ),
        ("He was elected at the council's annual meeting this morning (May 19).", "2022-05-19", "2022-05-19"),
        (
            "She was chosen at the annual meeting of Council held on Wednesday 15 May.",
            "2019-05-16",
            "2019-05-15",
        ),
    ],
)
def test_the_day_a_story_names(text, date, expected):
    found = news_meeting(text, PartialDate(date))
    assert found is not None and found.date == PartialDate(expected)


def test_an_undated_story_takes_the_year_its_weekday_fits_from_its_latest_year_on():
    text = "Labour won in 2021. He was appointed at the council's annual general meeting held on Thursday, May 19."
    found = news_meeting(text, None)
    assert found is not None and found.date == PartialDate("2022-05-19")
    assert year_for(5, 19, "Thursday", latest_year("first elected in 2012")) == 2016


@pytest.mark.parametrize(
    "text",
    [
        # no year anywhere, or no weekday to test a year by: no date
        "He was appointed at the council's annual general meeting held on Thursday, May 19.",
        "Elected in 2019, he was chosen at the council's annual meeting on 19 May.",
        # a residents' meeting is not the council's
        "He spoke at a meeting of residents on Tuesday, May 17, 2022.",
    ],
)
def test_no_dated_council_meeting(text):
    assert news_meeting(text, None) is None


def test_a_story_records_the_meeting_it_reports():
    text = "Cllr Rhian Tegid was chosen as leader at the council's annual meeting on 16 May.\n"
    assert meetings(text) == {("Herefordshire Council", "2024-05-16")}
    # minutes with a Present list are no story: the sentence names an earlier meeting, and records none
    minutes = "Present: Councillors Ann Bell and Tom Cray\n\nThe leader chosen at the council's annual meeting on 16 May.\n"
    assert ("Herefordshire Council", "2024-05-16") not in {
        (f.body, f.date.iso) for f in facts_of(minutes, "meeting") if f.evidence.rule == "meeting.news-report"
    }


def test_the_day_in_brackets_beats_this_morning():
    # a story published the next day keeps the day it wrote in brackets, not its own date
    text = "He was elected at the council's annual meeting this morning (May 19)."
    found = news_meeting(text, PartialDate("2022-05-20"))
    assert found is not None and found.date == PartialDate("2022-05-19")
