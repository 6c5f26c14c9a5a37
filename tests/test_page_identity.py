"""What a page says of its own council and date when no manifest does (`extract/segment.py`: `find_council`,
`page_date`), and the meetings the layout then finds (`extract/layout.py`). The sentences are written for these
tests, in the shapes council pages use."""

from __future__ import annotations

import pytest

from extract.layout import meeting_spans
from extract.pipeline import UNNAMED_COUNCIL, extract_document
from extract.records import AttendanceFact, Document, MeetingFact, PersonFact, PostFact, SeatFact
from extract.segment import find_council, page_date, page_title, segment
from tests.conftest import make_document


@pytest.mark.parametrize(
    ("text", "council"),
    [
        # the words that open a run of capitals are no part of the name
        (
            "Annual Council\n\nThat Upper Marsh District Council notes the report.",
            "Upper Marsh District Council",
        ),
        ("Your Council\nOpen Council\nApprove Council\n", None),
        # "&", "and", "upon", and a list with commas that ends in "and"
        ("Welcome to Ashby & Coleford City Council. The council met.", "Ashby & Coleford City Council"),
        ("Minutes of Brackley, Fenn and Stowe District Council", "Brackley, Fenn and Stowe District Council"),
        (
            "to be Mayor of the Royal Borough of Marlow upon Avon for the year",
            "Royal Borough of Marlow upon Avon",
        ),
        # "City of X Council", in words and in capitals
        ("Report to the City of Westbury Council", "City of Westbury Council"),
        ("THE CITY OF WESTBURY COUNCIL\nMinutes", "City of Westbury Council"),
        ("NORTHWOLD, ESK & DOWN DISTRICT COUNCIL\nMinutes", "Northwold, Esk & Down District Council"),
        # the borough a mayor is elected for names its council
        (
            "That Councillor A Smith be elected Mayor of the Metropolitan Borough of Eastmoor for the ensuing year.",
            "Eastmoor Metropolitan Borough Council",
        ),
        # a headline word before the name: the name that ends it, said again below, is the council
        (
            "New Upper Marsh District Council leader elected\nUpper Marsh District Council has elected a leader.",
            "Upper Marsh District Council",
        ),
        # the council its e-mail address names, among the councils the page names
        (
            "Councillor B sits for Westbury City Council on the board.\nThe Kelsworth Borough Council report was "
            "noted.\nContact: Jo Bloggs, jo.bloggs@kelsworth.gov.uk",
            "Kelsworth Borough Council",
        ),
        # no name but an address and the place's word: the place's council
        ("Venue: Civic Hall, Kelsworth\nContact: Jo Bloggs jo.bloggs@kelsworth.gov.uk", "Kelsworth Council"),
        (
            "Contact: democratic.services@westburycc.gov.uk\nVenue: Guildhall, Westbury",
            "Westbury City Council",
        ),
        # an address the text has no word for names nothing
        ("Contact: democratic.services@kwbc.gov.uk", None),
        ("Councillor Smith thanked the council.", None),
    ],
)
def test_the_council_a_page_names(text, council):
    assert find_council(text) == council


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Decision details\nDate of decision: 12/09/2024\nSummary: text", "2024-09-12"),
        (
            "Islington news\nPUBLISHED: 16:02 19 July 2019 | UPDATED: 16:19 19 July 2019\nThe council ...",
            "2019-07-19",
        ),
        (
            "Notice of proposed decision first published: 03/01/2023\nDecision due: 14 March 2023",
            "2023-01-03",
        ),
        # the date of the minutes a meeting approves is the last meeting's, not the page's
        ("Agenda and minutes\nTo approve the minutes of the meeting held on 21 September 2016.\n", None),
        (
            "That the minutes of the meeting held on 4 May 2023 be approved.\nThe next meeting is on 6 June 2023.",
            "2023-06-06",
        ),
        ("Cabinet - Thursday, 26 July 2012 2.00 p.m.\nVenue: Town Hall", "2012-07-26"),
        ("A page with no date at all.", None),
    ],
)
def test_the_date_a_page_gives(text, date):
    found = page_date(text)
    assert (found.iso if found else None) == date


def _doc(text: str) -> Document:
    return Document(doc_id="x.txt", path="x.txt", text=text, sha256="0")


def test_a_meeting_of_a_council_the_page_never_names_is_not_given_a_name():
    """With no council named anywhere, the record of "the COUNCIL" is of no body the graph could name: no
    meeting (a placeholder "Council" was tried: it found 23 more people on p1 but made 80 attendance rows and 10
    meetings of a body no gold names, and every batch scored lower). The pipeline reads such a page with a council
    of no name and publishes none of its meetings (the next test)."""
    text = (
        "MINUTES of the PROCEEDINGS of the MEETING of the COUNCIL HELD in the CIVIC CENTRE on MONDAY 27 JANUARY "
        "2020 at 6.30 PM\nPresent: Councillors A Brown, C Dunn and E Fox\n"
    )
    seg = segment(_doc(text))
    assert seg.council is None
    assert meeting_spans(seg) == []


def test_a_page_that_names_its_council_keeps_the_name():
    text = "Council - Friday, 8th July, 2022 10.30 am\nApologies were received from Councillor A Brown.\n"
    seg = segment(_doc("Kelsworth Borough Council\n" + text))
    assert [s.body for s in meeting_spans(seg)] == ["Kelsworth Borough Council"]


@pytest.mark.parametrize(
    ("text", "council"),
    [
        # segment.lead-caps-council: a story's lead opens in capitals, the council's kind in ordinary case
        (
            "WESTBURY District Council's chief executive is to leave after eight years.\nShe said the council...",
            "Westbury District Council",
        ),
        ("KELSWORTH Council chief executive Jo Bloggs is to retire.", "Kelsworth Council"),
        # an initialism before "Council" is no place, and only the lead is read so
        ("The LDF Council working group met.", None),
        (
            "Minutes\nItem 4: Planning\nThe report went to the LDF Council and KELSWORTH Council in March.",
            None,
        ),
        # segment.venue-council: the kind the page gives, the place its venue is named for
        (
            "At the Ordinary Meeting of the District Council of held in the Council Chamber, Marlow House, Eastham on "
            "Thursday 14 April 2016",
            "Marlow District Council",
        ),
        (
            "Council - Thursday, 26 July 2012\nVenue: Council Chamber - Upper Fenn Hall.\nthe District Council noted",
            "Upper Fenn District Council",
        ),
        # a building word is no place ("Town Hall", "Civic Centre"), and with no kind the venue names nothing
        ("Venue: Council Chamber, Town Hall, Eastham\nthe Borough Council noted the report", None),
        ("Venue: Council Chamber - Upper Fenn Hall.\nThe council noted the report.", None),
    ],
)
def test_the_council_a_story_lead_or_a_venue_names(text, council):
    assert find_council(text) == council


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # page.council-business: the items of a meeting of the whole council, under no heading
        (
            "Agenda and minutes\nVenue: Council Chamber, Civic Centre\nElection of Mayor To elect a Member of the "
            "Council to be Mayor. Minutes: COUNCIL RESOLVED - That Councillor A Brown be elected Mayor.",
            "Council",
        ),
        (
            "Agenda and minutes\nVenue: Shire Hall\nMinutes: Council noted the report of the Leader.",
            "Council",
        ),
        (
            "To elect a Chair of Council for the Civic Year 2024/25 Minutes: The Chair of Council thanked all.",
            "Council",
        ),
        (
            "Civic Announcement\nCouncillor A Brown moved, Councillor C Dunn seconded, and Council unanimously\n"
            "Resolved: That Councillor E Fox be elected Lord Mayor of the City of Westbury for the ensuing year.",
            "Council",
        ),
        # a committee's own business: the record is that body's, whose name the page does not give
        (
            "Agenda and minutes\nVenue: Room 1\nApologies were received from members of the Committee.\nMinutes: "
            "The Committee RESOLVED that the report be noted and referred to Council.",
            None,
        ),
        ("Agenda and minutes\nVenue: Room 1\nMinutes: Members of the Board noted the report.", None),
        ("A page about bins.", None),
    ],
)
def test_the_title_a_page_gives_itself(text, title):
    assert page_title(text) == title


def test_a_page_that_never_names_its_council_keeps_its_people_and_posts():
    """The record of "the COUNCIL" of a council the page never names: the people of its Present list and the posts
    they hold stay (a post with no organization), and no meeting, attendance, seat or body names a council the
    page did not (`extract/pipeline.py`, UNNAMED_COUNCIL)."""
    text = (
        "MINUTES of the PROCEEDINGS of the MEETING of the COUNCIL HELD in the CIVIC CENTRE on MONDAY 27 JANUARY "
        "2020 at 6.30 PM\nIn the Chair: The Mayor (Alderman J Brown)\nMembers Present: Aldermen - F Dunn, P Fox\n"
        "Councillors - A Green, C Hill and E Irwin\nOfficers Present: Chief Executive - J Kerr\n"
    )
    result = extract_document(make_document(text, council=None, date=None), use_model=False)
    people = {f.name for f in result.facts if isinstance(f, PersonFact)}
    assert {"A Green", "C Hill", "E Irwin", "F Dunn", "J Kerr"} <= people
    posts = {(f.person, f.post, f.org) for f in result.facts if isinstance(f, PostFact)}
    assert ("J Kerr", "Chief Executive", "") in posts
    assert not [f for f in result.facts if isinstance(f, MeetingFact | AttendanceFact | SeatFact)]
    assert UNNAMED_COUNCIL not in repr(result)
    assert result.document.council is None
