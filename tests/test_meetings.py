"""Meetings: the one a document records, and the ones it refers to by date."""

from __future__ import annotations

import pytest

from extract.facts.meetings import RULES
from extract.layout import SPAN_RULES
from tests.conftest import facts_of
from tests.rule_examples import examples, gives, read_by_rule, rule_ids_in_source


def meetings(text: str, **meta) -> set[tuple[str, str | None]]:
    return {(f.body, f.date.iso if f.date else None) for f in facts_of(text, "meeting", **meta)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Minutes of the meeting of Audit and Governance Committee held at Shire Hall on Monday 3 June 2024\n",
            {("Audit and Governance Committee", "2024-06-03")},
        ),
        (
            "Minutes of the meeting of Council held at Plough Lane, Hereford on Friday 30 September 2022\n",
            {("Herefordshire Council", "2022-09-30")},
        ),
        (
            "It was presented at the Children and Young People Scrutiny Committee meeting on 26 July 2022.",
            {("Children and Young People Scrutiny Committee", "2022-07-26")},
        ),
        ("At Cabinet on 26 November 2020 the decision was taken.", {("Cabinet", "2020-11-26")}),
        (
            "an update on the work of the Cabinet since the meeting of Council held on 12 July 2019.",
            {("Herefordshire Council", "2019-07-12")},
        ),
        (
            "followed by an extraordinary full council meeting in April 2021 and the annual meeting in May 2021",
            {("Herefordshire Council", "2021-04"), ("Herefordshire Council", "2021-05")},
        ),
        (
            "in September 2023 the Children and Young People Scrutiny Committee had discussed the report",
            {("Children and Young People Scrutiny Committee", "2023-09")},
        ),
        # the council as an organisation, not its meeting
        ("The Secretary of State issued a direction to Herefordshire Council on 21 September 2022.", set()),
        ("The report was noted.", set()),
    ],
)
def test_meetings(text, expected):
    assert meetings(text, date=None) == expected


def test_year_less_date_takes_the_document_year():
    assert meetings("The Employment Panel on 14 January agreed to recruit.", date="2015") == {
        ("Employment Panel", "2015-01-14")
    }


def test_press_release_full_council_met_today():
    assert meetings(
        "Full Council met today (Friday May 20) to decide.", date="2022-05-20", title="Council news release"
    ) == {("Herefordshire Council", "2022-05-20")}


def test_agenda_header_date_and_venue():
    text = (
        "Audit and Governance Committee\n\nDate: Tuesday 17 September 2024\nTime: 2.00 pm\n"
        "Place: Conference Room 1, Plough Lane, Hereford\n"
    )
    facts = facts_of(text, "meeting", title="Audit and Governance Committee agenda")
    assert [(f.body, f.date.iso, f.venue) for f in facts] == [
        ("Audit and Governance Committee", "2024-09-17", "Conference Room 1, Plough Lane, Hereford")
    ]


def test_annual_council_is_the_council():
    facts = facts_of(
        "Venue: Shire Hall\n\nItems\n", "meeting", title="Annual Council meeting May 2025", date="2025-05"
    )
    assert {f.body for f in facts} == {"Herefordshire Council"}


def test_a_plan_is_not_a_meeting():
    text = "Area for Improvement\tActions\tOwner\nAdults Safeguarding Board\tReview the terms\tJD\n"
    assert facts_of(text, "meeting", title="Annual Governance Statement action plan", date="2015") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a printed ModernGov PDF wraps its heading over lines
        (
            "Public Document Pack\n\nLindford County Council\n\nMinutes of the Meeting of the\nAudit and Standards Committee\n"
            "held on Wednesday 6 November 2019\nat 10.00 am in Committee Room 2, County Hall, Lindford\n\nPresent:\n",
            {("Audit and Standards Committee", "2019-11-06", "Committee Room 2, County Hall, Lindford")},
        ),
        # CMIS: the heading in capitals
        (
            "EASTMOOR BOROUGH COUNCIL\n\nMINUTES of a meeting of the COMMUNITIES AND HOUSING COMMITTEE held at the Civic "
            "Centre, Market Street, Eastmoor on Tuesday, 14 March 2023 at 7.00 pm\n",
            {("Communities and Housing Committee", "2023-03-14", "Civic Centre, Market Street, Eastmoor")},
        ),
        (
            "MINUTES OF THE MEETING OF FULL COUNCIL OF MARLOW HEATH DISTRICT COUNCIL HELD IN THE COUNCIL CHAMBER, HEATH "
            "HOUSE ON WEDNESDAY 27 SEPTEMBER 2023 AT 7.30PM\n",
            {("Marlow Heath District Council", "2023-09-27", "Council Chamber, Heath House")},
        ),
        # the body's name is the heading above "Minutes of the meeting held on ..."
        (
            "KESTON VALE DISTRICT COUNCIL\n\nPLANNING COMMITTEE\n\nMinutes of the meeting held on Thursday 22 June 2017 at "
            "6.30pm in the Council Chamber, Vale House, Keston\n",
            {("Planning Committee", "2017-06-22", "Council Chamber, Vale House, Keston")},
        ),
        # "Minutes of the X" heading, "Held on:" and "Venue:" lines
        (
            "WEST ARDEN COMBINED AUTHORITY\n\nMINUTES OF THE COMBINED AUTHORITY BOARD\nHeld on: Friday 8 July 2016 at "
            "11.00 am\nVenue: Boardroom, Arden House\n",
            {("Combined Authority Board", "2016-07-08", "Boardroom, Arden House")},
        ),
        # the body's name under the council's masthead, then a line that is only a date
        (
            "Harrowby Metropolitan Borough Council\n\nChildren and Young People Scrutiny Panel\n\nMinutes \u2013 30 January "
            "2024\n\nPresent:\n",
            {("Children and Young People Scrutiny Panel", "2024-01-30", None)},
        ),
        # a decision notice: a body's decision is taken at its meeting; an officer's at none
        (
            "Northfold County Council\n\nRECORD OF DECISION\n\nDecision taken by: Cabinet\nDate of decision: 12 February "
            "2025\n",
            {("Cabinet", "2025-02-12", None)},
        ),
        (
            "Ashcombe District Council\nOFFICER DELEGATED DECISION RECORD\n\nDecision maker: Laura Penhaligon, Director of "
            "Place\nDate of decision: 9 August 2021\n\nSigned: L Penhaligon\nDate: 9 August 2021\n",
            set(),
        ),
    ],
)
def test_meeting_headings_of_other_councils(text, expected):
    facts = facts_of(text, "meeting", council=None, date=None)
    assert {(f.body, f.date.iso if f.date else None, f.venue) for f in facts} == expected


def test_a_forward_plan_is_not_a_decision_notice():
    text = (
        "Forthcoming decisions\n\n14/08/2019 - Title\n\nDecision Maker: Cabinet\n\nDecision due date: 26/09/2019\n\n"
        "13/08/2019 - Leader's report\n\nDecision Maker: Council\n\nDecision due date: 11/10/2019\n"
    )
    assert facts_of(text, "meeting", title="Forthcoming decisions Aug 2019", date="2019-08-14") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dated heading with its time and venue, under the board's name
        (
            "Stoneleigh Council\n\nHealth and Wellbeing Board\nThursday 11 July 2019 2.00 pm, Stoneleigh Civic Offices\n\n"
            "Attendance details\n",
            {("Health and Wellbeing Board", "2019-07-11", "Stoneleigh Civic Offices")},
        ),
        # the body after its council on one heading line, the venue after the date
        (
            "Greyfield Council \u2013 Children's Services Improvement Board\nNotes of meeting held on 15 January 2024, "
            "Greyfield Town Hall\n",
            {("Children's Services Improvement Board", "2024-01-15", "Greyfield Town Hall")},
        ),
        (
            "BRAMPTON ST MARY PARISH COUNCIL\n\nMinutes of the Parish Council Meeting held on Monday 9 March 2015 at 7.30pm "
            "in the Village Hall, Church Lane\n",
            {("Brampton St Mary Parish Council", "2015-03-09", "Village Hall, Church Lane")},
        ),
        (
            "LONDON BOROUGH OF KELSWORTH\n\nMINUTES OF THE OVERVIEW AND SCRUTINY COMMITTEE\nHELD ON TUESDAY, 4TH NOVEMBER 2014, "
            "7.00PM\n",
            {("Overview and Scrutiny Committee", "2014-11-04", None)},
        ),
        (
            "Fernley Borough Council\nLicensing Sub-Committee \u2013 Notice of Determination\n\nDate of hearing: 2 May 2024\n",
            {("Licensing Sub-Committee", "2024-05-02", None)},
        ),
        (
            "The appointment was approved by the council's Appointments Panel on 1 October 2025.\n",
            {("Appointments Panel", "2025-10-01", None)},
        ),
        # a record of a single member's decision is no meeting, and its title no body
        (
            "RECORD OF EXECUTIVE DECISION BY THE LEADER OF THE COUNCIL\n\nHarlington Borough Council\n\nDecision: To approve "
            "the grants.\nDecision taken by: Councillor Margaret Ellery, Leader of the Council\nDate: 14 April 2020\n",
            set(),
        ),
    ],
)
def test_meeting_headings_more_layouts(text, expected):
    facts = facts_of(text, "meeting", council=None, date=None)
    assert {(f.body, f.date.iso if f.date else None, f.venue) for f in facts} == expected


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("EASTMOOR BOROUGH COUNCIL\n\nMINUTES of a meeting", "Eastmoor Borough Council"),
        (
            "MINUTES OF THE MEETING OF FULL COUNCIL OF MARLOW HEATH DISTRICT COUNCIL HELD",
            "Marlow Heath District Council",
        ),
        ("LONDON BOROUGH OF KELSWORTH\n\nMINUTES", "London Borough of Kelsworth"),
        (
            "WEST ARDEN COMBINED AUTHORITY\n\nMINUTES OF THE COMBINED AUTHORITY BOARD\n\nCouncillor A \u2013 Westbury City "
            "Council\nCouncillor B (Westbury City Council)",
            "West Arden Combined Authority",
        ),
        ("BRAMPTON ST MARY PARISH COUNCIL\n", "Brampton St Mary Parish Council"),
        ("MINUTES OF THE MEETING OF FULL COUNCIL\n", None),
    ],
)
def test_the_council_of_a_masthead_in_capitals(text, council):
    from extract.segment import find_council

    assert find_council(text) == council


# pages of councils the rules were not written on (the pool): records whose heading names no body,
# and news of a council's annual meeting with or without the year
@pytest.mark.parametrize(
    ("text", "meta", "expected"),
    [
        (
            "Minutes of meeting in the Civic Centre, High Street, on 3rd March 2021 at 2.00 p.m.\n\n"
            "Present: Councillors Rhian Jones, Tom Okoye and Ana Pires.\n",
            {"title": None, "date": None},
            {("Herefordshire Council", "2021-03-03")},
        ),
        (
            "Councillor Ann Beale was re-elected at the annual meeting of the council held on Thursday 12 May.\n",
            {"title": "news", "date": "2022-05-13"},
            {("Herefordshire Council", "2022-05-12")},
        ),
        (
            "She won the vote at the council's annual meeting on 15 May to lead the authority.\n",
            {"title": "news", "date": "2025-05-16"},
            {("Herefordshire Council", "2025-05-15")},
        ),
    ],
)
def test_meetings_on_other_councils_pages(text, meta, expected):
    assert meetings(text, **meta) == expected


def test_a_present_list_with_no_date_anywhere_is_no_meeting():
    assert meetings("Present: Councillors Rhian Jones and Tom Okoye.\n", title=None, date=None) == set()


def test_a_cmis_meeting_page_names_its_body_and_date():
    text = (
        "Meeting Details\n\nMeeting Summary\nHousing and Communities Policy Board\n4 Mar 2019 - 13:00 to 14:00\n"
        "  • Documents\n  • Attendance\n"
    )
    assert meetings(text, title=None, date=None) == {("Housing and Communities Policy Board", "2019-03-04")}


# --- every rule of the tables reads its own example --------------------------------------------

RULE_EXAMPLES = examples("meetings")


@pytest.mark.parametrize("example", RULE_EXAMPLES, ids=[e["id"] for e in RULE_EXAMPLES])
def test_every_rule_example_gives_its_fact(example):
    assert gives(example), (example["expect"], read_by_rule(example))


def test_every_rule_is_in_the_tables_and_has_an_example():
    table = {r.id for r in RULES} | {i for r in SPAN_RULES for i in (r.id, *r.also)}
    in_source = rule_ids_in_source("extract/facts/meetings.py", "meeting")
    assert in_source | rule_ids_in_source("extract/layout.py", "meeting") == table
    assert table <= {e["id"] for e in RULE_EXAMPLES}


# --- other councils' pages (issue 21) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "meta", "expected"),
    [
        # a ModernGov meeting page: "Body - Weekday, date time" over its venue
        (
            "Agenda and minutes\n\nCouncil - Thursday, 12th March, 2020 7.00 pm\n\nVenue: Council Chamber, Town Hall\n",
            {"council": "Eastmoor District Council"},
            {("Eastmoor District Council", "2020-03-12", "Council Chamber, Town Hall")},
        ),
        # the body's name over the date line
        (
            "Agenda and minutes\n\nLicensing Committee\nMonday, 13th July, 2015 7.00 pm\n\nVenue: Room 2, Town Hall\n",
            {"council": "Eastmoor District Council"},
            {("Licensing Committee", "2015-07-13", "Room 2, Town Hall")},
        ),
        # a ModernGov issue page: each "Meeting:" line is a meeting
        (
            "Issue - meetings\n\nMeeting: 19/05/2021 - Council (Item 5)\n\nThe Leader named the Cabinet.\n\n"
            "Meeting: 20/05/2020 - Council (Item 6)\n\nThe Leader named the Cabinet.\n",
            {"council": "Eastmoor District Council"},
            {("Eastmoor District Council", "2021-05-19"), ("Eastmoor District Council", "2020-05-20")},
        ),
        # a page with only its venue: the title names the council's meeting before its topic
        (
            "Agenda and minutes\n\nVenue: Council Chamber, Town Hall\n\nItems\n",
            {"council": "Eastmoor District Council", "title": "Council AGM 2023/24 (remote): apologies"},
            {("Eastmoor District Council", None, "Council Chamber, Town Hall")},
        ),
        # every date of a list of earlier meetings
        (
            "Minutes of the meeting of the Audit Committee held at the Town Hall on 3 June 2017\n\n"
            "To approve the minutes of the meetings held on 28th March 2017, 4th April 2017 and 23rd May 2017.\n",
            {"council": "Eastmoor District Council"},
            {
                ("Audit Committee", "2017-06-03", None),
                ("Audit Committee", "2017-03-28"),
                ("Audit Committee", "2017-04-04"),
                ("Audit Committee", "2017-05-23"),
            },
        ),
        # "the minutes of the meeting of X held on" in a sentence is an earlier meeting, not a heading
        (
            "Venue: Council Chamber, Town Hall\n\nThat the minutes of the meeting of the Council held on 18th October "
            "2016 be approved.\n",
            {"council": "Eastmoor District Council", "title": "Council: apologies and petitions"},
            {
                ("Eastmoor District Council", None, "Council Chamber, Town Hall"),
                ("Eastmoor District Council", "2016-10-18"),
            },
        ),
        # a key decision due at a meeting; a council's name before its cabinet dropped
        (
            "Key decision\n\nDecision due: 14 Feb 2017 by Eastmoor Cabinet\n",
            {"council": "Eastmoor District Council"},
            {("Cabinet", "2017-02-14")},
        ),
        # due to a member: no meeting
        ("Key decision\n\nDecision due: 14 Feb 2017 by Cabinet Member for Housing\n", {}, set()),
    ],
)
def test_meetings_of_other_layouts(text, meta, expected):
    facts = facts_of(text, "meeting", **{"date": None, **meta})
    got = {(f.body, f.date.iso if f.date else None, f.venue) for f in facts}
    got |= {(f.body, f.date.iso if f.date else None) for f in facts if f.venue is None}
    assert expected <= got
    assert len(facts) == len(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the story is dated Friday 18 December 2020
        ("Cllr Avery stepped down at a meeting of the full council on Tuesday night.", "2020-12-15"),
        ("A full council meeting will convene on Thursday to decide.", "2020-12-24"),
        ("She takes the chain at Northvale Borough Council's AGM tomorrow.", "2020-12-19"),
    ],
)
def test_news_dates_a_meeting_from_the_day_of_the_story(sentence, expected):
    facts = facts_of(
        sentence, "meeting", date="2020-12-18", title="News", council="Eastmoor District Council"
    )
    # the story's own meeting is the one it records (a span, "meeting.news-report"); others are mentions
    assert [f.date.iso for f in facts if f.evidence.rule in ("meeting.news-day", "meeting.news-report")] == [
        expected
    ]


def test_news_without_a_date_dates_no_meeting_by_weekday():
    facts = facts_of("A full council meeting will convene on Thursday.", "meeting", date=None, title="News")
    assert not [f for f in facts if f.evidence.rule == "meeting.news-day"]


def test_an_agenda_item_page_of_an_unnamed_board_is_no_council_meeting():
    text = (
        "Agenda item\n\nApologies were received from Ann Price.\n\nAll Members of the Board should attend.\n"
    )
    assert meetings(text, date=None, title="Apologies") == set()


# --- a record a PDF ran into one line: its Present label inside the line --------------------------------


def test_a_present_label_inside_a_line_implies_the_meeting():
    text = (
        "EASTMOOR COUNCIL. Minutes of meeting in the Town Hall, Eastmoor, on 18th May 2017 at 10.00 a.m. "
        "Present: Councillors Ann Bell (Provost), Tom Cray and Ola Dunn. Attending: E. Howe, Chief Executive; "
        "V. Ames, Director of Resources; L. Bird, Clerk.\n"
    )
    facts = facts_of(text, council="Eastmoor Council", date=None)
    assert {(f.body, f.date.iso) for f in facts if f.fact_type == "meeting"} == {
        ("Eastmoor Council", "2017-05-18")
    }
    assert {f.person for f in facts if f.fact_type == "attendance"} >= {"Ann Bell", "Tom Cray", "E. Howe"}


def test_a_present_label_in_an_undated_report_is_no_meeting():
    text = "The working group (Present: officers of three services) met twice to draft the plan.\n"
    assert facts_of(text, "meeting", council="Eastmoor Council", date=None) == []


def test_minutes_of_the_council_named_by_its_kind():
    # "the City Council" in minutes of an earlier meeting is the document's own council
    text = (
        "Reference was made to the minute of the Statutory Meeting of the City Council of 24th May, 2007.\n"
    )
    got = facts_of(text, "meeting", council="Eastmoor City Council", date="2007-09-24")
    assert ("Eastmoor City Council", "2007-05-24") in {(f.body, f.date.iso if f.date else None) for f in got}
    # a kind the council's name does not have is no council of the document's
    other = facts_of(
        text.replace("City", "County"), "meeting", council="Eastmoor City Council", date="2007-09-24"
    )
    assert ("Eastmoor City Council", "2007-05-24") not in {
        (f.body, f.date.iso if f.date else None) for f in other
    }


def test_an_agenda_list_of_minutes_gives_each_body_and_date_until_the_list_ends():
    text = (
        "Agenda item\n\nCommittees\n\nTo receive the minutes of the following bodies:\n\n"
        "(a)      Council – 12 March 2021\n\n(b)      Cabinet – 2 April 2021, 23 April 2021\n\n"
        "The Leader reported on 30 April 2021 that the plan was agreed.\n"
    )
    got = {
        (f.body, f.date.iso) for f in facts_of(text, "meeting") if f.evidence.rule == "meeting.minutes-list"
    }
    assert got == {
        ("Herefordshire Council", "2021-03-12"),
        ("Cabinet", "2021-04-02"),
        ("Cabinet", "2021-04-23"),
    }
    # minutes named without such an opening are not a list of meetings
    plain = "Planning Committee 4 May 2021 Audit Committee 6 May 2021\n"
    assert not [f for f in facts_of(plain, "meeting") if f.evidence.rule == "meeting.minutes-list"]
