"""Meetings: the one a document records, and the ones it refers to by date."""

from __future__ import annotations

import pytest

from tests.conftest import facts_of


def meetings(text: str, **meta) -> set[tuple[str, str | None]]:
    return {(f.body, f.date.iso if f.date else None) for f in facts_of(text, "meeting", **meta)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Minutes of the meeting of Audit and Governance Committee held at Shire Hall on Monday 3 June 2024\n",
     {("Audit and Governance Committee", "2024-06-03")}),
    ("Minutes of the meeting of Council held at Plough Lane, Hereford on Friday 30 September 2022\n",
     {("Herefordshire Council", "2022-09-30")}),
    ("It was presented at the Children and Young People Scrutiny Committee meeting on 26 July 2022.",
     {("Children and Young People Scrutiny Committee", "2022-07-26")}),
    ("At Cabinet on 26 November 2020 the decision was taken.", {("Cabinet", "2020-11-26")}),
    ("an update on the work of the Cabinet since the meeting of Council held on 12 July 2019.",
     {("Herefordshire Council", "2019-07-12")}),
    ("followed by an extraordinary full council meeting in April 2021 and the annual meeting in May 2021",
     {("Herefordshire Council", "2021-04"), ("Herefordshire Council", "2021-05")}),
    ("in September 2023 the Children and Young People Scrutiny Committee had discussed the report",
     {("Children and Young People Scrutiny Committee", "2023-09")}),
    # the council as an organisation, not its meeting
    ("The Secretary of State issued a direction to Herefordshire Council on 21 September 2022.", set()),
    ("The report was noted.", set()),
])
def test_meetings(text, expected):
    assert meetings(text, date=None) == expected


def test_year_less_date_takes_the_document_year():
    assert meetings("The Employment Panel on 14 January agreed to recruit.", date="2015") == {
        ("Employment Panel", "2015-01-14")}


def test_press_release_full_council_met_today():
    assert meetings("Full Council met today (Friday May 20) to decide.", date="2022-05-20",
                    title="Council news release") == {("Herefordshire Council", "2022-05-20")}


def test_agenda_header_date_and_venue():
    text = ("Audit and Governance Committee\n\nDate: Tuesday 17 September 2024\nTime: 2.00 pm\n"
            "Place: Conference Room 1, Plough Lane, Hereford\n")
    facts = facts_of(text, "meeting", title="Audit and Governance Committee agenda")
    assert [(f.body, f.date.iso, f.venue) for f in facts] == [
        ("Audit and Governance Committee", "2024-09-17", "Conference Room 1, Plough Lane, Hereford")]


def test_annual_council_is_the_council():
    facts = facts_of("Venue: Shire Hall\n\nItems\n", "meeting", title="Annual Council meeting May 2025", date="2025-05")
    assert {f.body for f in facts} == {"Herefordshire Council"}


def test_a_plan_is_not_a_meeting():
    text = "Area for Improvement\tActions\tOwner\nAdults Safeguarding Board\tReview the terms\tJD\n"
    assert facts_of(text, "meeting", title="Annual Governance Statement action plan", date="2015") == []
