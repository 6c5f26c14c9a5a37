"""Decision records' dates, resolutions laid out as a table's cells, and bodies' names that earlier rules cut short.

Every text here is written for the test, shaped like the pages it stands for (ModernGov lists of decisions and forward
plans, minutes converted from HTML tables, committees named with a bracketed remit)."""

from __future__ import annotations

import pytest

from extract.mentions import find_bodies, find_honorific_people
from tests.conftest import facts_of


def _decisions(text: str, **meta) -> list[tuple[str, str | None]]:
    return [(f.text, f.date.iso if f.date else None) for f in facts_of(text, "decision", **meta)]


# --- which date a ModernGov record's decision carries ---------------------------------------------------------

_TAKEN = "Decisions\n\n{head} - Fees for the Riverside allotments ref: 5120    Recommendations Approved\n\n"


@pytest.mark.parametrize(
    ("fields", "date"),
    [
        # published days after it was taken: the day it was taken, which its list line gives
        ("Decision published: 14/05/2024\n\nEffective from: 22/05/2024\n", "2024-03-13"),
        ("Decision published: 14/03/2024\n\nEffective from: 13/03/2024\n", "2024-03-13"),
        # a list of decisions taken still showing the due date the forward plan gave: the day the list has
        ("Decision due date: 30/05/2024\n\nNotice of decision: 13/03/2024\n", "2024-03-13"),
        # its own date of decision wins
        ("Date of decision: 12/03/2024\n\nDecision published: 14/03/2024\n", "2024-03-12"),
    ],
)
def test_a_record_in_a_list_of_decisions_taken(fields, date):
    text = _TAKEN.format(head="13/03/2024") + (
        "To set the allotment fees for 2024/25.\n\nDecision Maker: Cabinet member environment\n\n" + fields
    )
    found = _decisions(text)
    assert [d for _t, d in found] == [date], found


def test_a_forward_plan_record_is_dated_when_it_is_due():
    text = (
        "Forthcoming decisions\n\n13/03/2024 - Fees for the Riverside allotments\n\n"
        "To set the allotment fees for 2024/25.\n\nDecision Maker: Cabinet member environment\n\n"
        "Decision due date: 30/05/2024\n\nNotice of decision: 13/03/2024\n"
    )
    assert _decisions(text) == [
        ("Fees for the Riverside allotments - To set the allotment fees for 2024/25", "2024-05-30")
    ]


def test_a_records_status_is_not_its_title():
    text = (
        "Decisions\n\n13/03/2024 - Fees for the Riverside allotments    Recommendations Approved\n\n"
        "Decision Maker: Cabinet member environment\n\nDecision due date: 30/05/2024\n"
    )
    assert _decisions(text) == [("Fees for the Riverside allotments", "2024-03-13")]


def test_lettered_items_under_a_records_fields_are_its_decisions_whatever_their_verb():
    text = _TAKEN.format(head="13/03/2024") + (
        "To seek approval to join the regional warm homes scheme.\n\nDecision Maker: Director for economy\n\n"
        "Decision published: 14/03/2024\n\nEffective from: 22/03/2024\n\n\n\n"
        "(a)     The council join the regional warm homes scheme; and\n\n"
        "(b)     The council publishes a statement of intent (Appendix 1).\n"
    )
    assert _decisions(text) == [
        ("The council join the regional warm homes scheme", "2024-03-13"),
        ("The council publishes a statement of intent (Appendix 1).", "2024-03-13"),
    ]


def test_a_date_line_under_the_keyword_dates_the_resolutions_and_is_none():
    text = _TAKEN.format(head="13/03/2024") + (
        "Decision Maker: Corporate Director - Place\n\nDecision published: 14/03/2024\n\n"
        "Effective from: 13/03/2024\n\nDecision:\n\nOn 4 September 2023\n\n"
        "The Corporate Director Place be given delegated authority to award the design contract for the depot;\n\n"
        "the Corporate Director Place be delegated authority to make all operational decisions for the depot "
        "project.\n"
    )
    assert _decisions(text) == [
        (
            "The Corporate Director Place be given delegated authority to award the design contract for the depot",
            "2023-09-04",
        ),
        (
            "the Corporate Director Place be delegated authority to make all operational decisions for the depot "
            "project.",
            "2023-09-04",
        ),
    ]


# --- resolutions whose number and text were two cells of a table -----------------------------------------------


def test_numbers_alone_on_their_lines_then_the_resolutions():
    text = (
        "Minutes of the meeting of the Staffing Panel held on 3 June 2024\n\n"
        "The Panel agreed -\n\n \n\n(1)\n\nthe interim cover arrangements as set out in the report;\n\n \n\n"
        "(2)\n\nto receive a further update on the permanent recruitment at its next meeting.\n\n"
        "14.\n\nQuestions from members of the public\n\nNone were received.\n"
    )
    assert [t for t, _d in _decisions(text)] == [
        "the interim cover arrangements as set out in the report",
        "to receive a further update on the permanent recruitment at its next meeting.",
    ]


# --- bodies --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a remit in brackets is part of the name; an acronym, an item or pages in brackets are not
        (
            "the constitution requires the Scrutiny Board (Adult Social Care) to include",
            ["Scrutiny Board (Adult Social Care)"],
        ),
        ("the Integrated Care Board (ICB) met", ["Integrated Care Board"]),
        ("the Planning Committee (Pages 5 - 10)", ["Planning Committee"]),
        ("Cabinet (Item 61)", ["Cabinet"]),
        # "Statement of" opens the name; "Inspection of" only introduces it
        (
            "the Statement of Accounts Approval Sub-Committee met",
            ["Statement of Accounts Approval Sub-Committee"],
        ),
        ("the Inspection of Kingsmead Partnership Board", ["Kingsmead Partnership Board"]),
        # a council's theme is no council: "Stronger Council" names the select committee that scrutinises it
        ("a member of the Stronger Council Select Committee", ["Stronger Council Select Committee"]),
        ("a member of the Greener Council Scrutiny Panel", ["Greener Council Scrutiny Panel"]),
        # a person whose surname is a head word; the people of a body, not its name
        ("the current Deputy Mayor, Councillor G Court, said", []),
        ("a Panel of Members will interview, and the Board of Trustees of Riverside Leisure agreed", []),
    ],
)
def test_body_names_kept_whole(text, names):
    assert [b.name for b in find_bodies(text)] == names


def test_a_board_with_a_bracketed_remit_is_a_committee():
    (body,) = find_bodies("the Scrutiny Board (Adult Social Care) met")
    assert body.kind.value == "committee"


def test_a_decision_pages_title_is_no_resolution_and_its_items_after_and_are_siblings():
    text = (
        "Decision - Appointment of Director of Place\nskip navigation and tools\nDecision details\n"
        "Appointment of Director of Place\nDecision Maker: Staffing Committee\n"
        "Decision status: Recommendations Approved\n"
        "(1)          That the Council be recommended to:\n"
        "(i)          Appoint Mr Owen Hale as Director of Place;\n"
        "(ii)         Approve the salary for the post; and\n"
        "(iii)        Approve the appointment to take effect on 2nd May 2016\n"
        "Report author: Ann Lee\nDate of decision: 11/03/2016\n"
    )
    assert _decisions(text) == [
        ("That the Council be recommended to: (i) Appoint Mr Owen Hale as Director of Place", "2016-03-11"),
        ("Approve the salary for the post", "2016-03-11"),
        ("Approve the appointment to take effect on 2nd May 2016", "2016-03-11"),
    ]


# --- names in minutes' procedure and in lists a PDF ran together ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Councillor Ormsby Moved, Councillor Quill Seconded and the Council", ["Ormsby", "Quill"]),
        (
            "Councillor Fenwick MOVED and Councillor Tully SECONDED that the meeting be adjourned",
            ["Fenwick", "Tully"],
        ),
        ("PROPOSED by Councillor T R Vane Seconded by Councillor P Aske, and", ["T R Vane", "P Aske"]),
        (
            "Councillor D AlcornCouncillor F Brady Councillor K CorrCouncillor S Devlin",
            ["D Alcorn", "F Brady", "K Corr", "S Devlin"],
        ),
    ],
)
def test_honorific_names_stop_at_procedure_and_at_the_next_honorific(text, names):
    assert [p.name for p in find_honorific_people(text)] == names


# --- the cabinet a page names -------------------------------------------------------------------------------


def _cabinet_seats(text: str) -> list[tuple[str, str]]:
    return [(f.person, f.body) for f in facts_of(text, "membership") if f.role.value == "cabinet member"]


def test_a_page_that_calls_its_cabinet_the_executive_seats_its_portfolio_holders_there():
    text = (
        "Decision Maker: Executive\n\nThe Executive RESOLVED\n"
        "That the draft parking strategy be approved for consultation.\n\nCllr Marsh, Portfolio Holder.\n"
    )
    assert _cabinet_seats(text) == [("Marsh", "Executive")]


def test_an_executive_director_does_not_make_the_executive_the_cabinet():
    text = (
        "The Executive Director of Place attended.\n\nThe Cabinet RESOLVED\n"
        "That the draft parking strategy be approved for consultation.\n\nCllr Marsh, Portfolio Holder.\n"
    )
    assert _cabinet_seats(text) == [("Marsh", "Cabinet")]


def test_a_member_appointed_in_place_of_another_for_one_meeting_is_a_substitute_not_a_member():
    text = (
        "Minutes of the meeting of the Scrutiny Committee held at the Guildhall on 9 May 2023\n\n"
        "It was noted that Councillor Fay Orme had been appointed to the Committee in place of Councillor Ned Ash for "
        "this meeting only.\n"
    )
    seats = {(f.person, f.body, f.role.value) for f in facts_of(text, "membership")}
    assert ("Fay Orme", "Scrutiny Committee", "substitute") in seats
    assert ("Fay Orme", "Scrutiny Committee", "member") not in seats


def test_the_outgoing_council_chairman_chairs_the_council_not_a_body_called_outgoing_council():
    text = "Outgoing council chairman Cllr Gwen Pryce thanked Cllr Rhodri Bevan for his service as a cabinet member.\n"
    seats = {
        (f.person, f.body, f.role.value) for f in facts_of(text, "membership", council="Ceredig Council")
    }
    assert ("Gwen Pryce", "Ceredig Council", "chair") in seats
    assert not any(body.startswith("Outgoing") for _p, body, _r in seats)


def test_a_records_status_with_its_call_in_note_is_not_its_title():
    text = (
        "Decisions\n\n12/05/2025 - Adoption of the Street Tree Policy    Recommendations Approved (subject to call-in)"
        "\n\nDecision Maker: Environment Portfolio Holder\n\nDecision published: 10/07/2025\n"
    )
    assert _decisions(text) == [("Adoption of the Street Tree Policy", "2025-05-12")]
