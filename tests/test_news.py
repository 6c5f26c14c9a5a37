"""News of a council meeting: the meeting a story reports, dated from the story or, undated, from its years."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.news import latest_year, news_meeting, year_for
from extract.pipeline import extract_document
from extract.records import PartialDate
from tests.conftest import facts_of, make_document


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


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # the day written as a possessive before the meeting, counted back from the story's day
        ("He told members at Friday's meeting that the year would be hard.", "2020-11-20", "2020-11-20"),
        ("Two councillors resigned ahead of yesterday's full council meeting.", "2019-05-09", "2019-05-08"),
        ("She spoke at Monday's council meeting.", "2024-07-31", "2024-07-29"),
    ],
)
def test_the_day_before_the_meeting_as_a_possessive(text, date, expected):
    found = news_meeting(text, PartialDate(date))
    assert found is not None and found.date == PartialDate(expected)


@pytest.mark.parametrize(
    "text",
    [
        "He told members at Friday's meeting that the year would be hard.",  # an undated story: no day to count from
        "Friday's weather was fine, and the meeting went ahead.",  # no possessive day before "meeting"
    ],
)
def test_no_day_for_a_possessive_meeting(text):
    assert news_meeting(text, None) is None


def _story_meetings(text: str, title: str, kind: str = "news") -> set[tuple[str, str | None]]:
    """The meetings of `text` as a page of the manifest's `kind`, undated."""
    doc = replace(make_document(text, date=None, title=title), kind=kind)
    return {
        (f.body, f.date.iso if f.date else None)
        for f in extract_document(doc).facts
        if f.fact_type == "meeting"
    }


def test_a_story_that_reports_no_meeting_records_none():
    story = "The chief executive of Herefordshire Council has announced he is to retire after nine years.\n"
    title = "Herefordshire Council chief executive to retire"
    assert _story_meetings(story, title) == set()
    # the same title over a story of a council meeting is that meeting, undated
    met = story + "His successor will be chosen at a full council meeting.\n"
    assert ("Herefordshire Council", None) in _story_meetings(met, title)


def test_a_leadership_page_records_no_meeting():
    page = "Cabinet Members\nThe Cabinet is the part of the council that makes most decisions.\n"
    assert _story_meetings(page, "The Cabinet: leader and cabinet members", "leadership-page") == set()
