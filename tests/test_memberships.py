"""Seats: sentence -> (person, body, role) facts, including layouts that must give nothing."""

from __future__ import annotations

import pytest

from tests.conftest import facts_of


def seats(text: str, **meta) -> set[tuple[str, str, str]]:
    return {(f.person, f.body, f.role.value) for f in facts_of(text, "membership", **meta)}


@pytest.mark.parametrize(("text", "expected"), [
    # every councillor named in a council's papers sits on the council
    ("Councillor Toni Fagan proposed the motion.", {("Toni Fagan", "Herefordshire Council", "member")}),
    # elections and appointments
    ("Councillor Brian Wilcox is Chairman of the Council.",
     {("Brian Wilcox", "Herefordshire Council", "chair"), ("Brian Wilcox", "Herefordshire Council", "member")}),
    ("Councillor Jonathan Lester has been elected Leader of Herefordshire Council.",
     {("Jonathan Lester", "Herefordshire Council", "leader"), ("Jonathan Lester", "Herefordshire Council", "member")}),
    # a press release listing chairs under body headings, two labels on one line
    ("  \u2022 Children and young people scrutiny committee\n\n"
     "Chairperson: Cllr Phillip Howells / Vice-chairperson: Cllr Jennie Hewitt\n",
     {("Phillip Howells", "Children and Young People Scrutiny Committee", "chair"),
      ("Jennie Hewitt", "Children and Young People Scrutiny Committee", "vice-chair"),
      ("Phillip Howells", "Herefordshire Council", "member"), ("Jennie Hewitt", "Herefordshire Council", "member")}),
    # one label a line, the body on the line above
    ("Audit and governance committee\n\nChair: Councillor Paul Newman\nVice-Chair: Councillor Chris Chappell\n",
     {("Paul Newman", "Audit and Governance Committee", "chair"),
      ("Chris Chappell", "Audit and Governance Committee", "vice-chair"),
      ("Paul Newman", "Herefordshire Council", "member"), ("Chris Chappell", "Herefordshire Council", "member")}),
    # nothing: no person, or a person with no office
    ("The committee noted the report.", set()),
    ("Mr Smith asked about potholes on the A49.", set()),
])
def test_seats(text, expected):
    assert seats(text) == expected


def test_cabinet_page_listing():
    """A ModernGov committee page: each member, the party in parentheses, the portfolio."""
    text = ("Cabinet\n\nCllr Ann Green (Leader)\n\n(Independents for Herefordshire)\n\nCorporate Strategy\n\n"
            "Cllr Bob White\n\n(The Green Party)\n\nChildren and families\n")
    got = seats(text, title="Cabinet committee details")
    assert ("Ann Green", "Cabinet", "cabinet member") in got
    assert ("Bob White", "Cabinet", "cabinet member") in got
    assert ("Ann Green", "Herefordshire Council", "leader") in got


def test_portfolio_table_rows():
    text = ("Current cabinet members are listed below.\n\n"
            "Councillor Ann Green\tCorporate Strategy and Budget (Leader of the Council)\n"
            "Councillor Bob White\tRoads and Regulatory Services\n")
    got = seats(text)
    assert {("Ann Green", "Cabinet", "cabinet member"), ("Bob White", "Cabinet", "cabinet member"),
            ("Ann Green", "Herefordshire Council", "leader")} <= got


def test_cmis_members_table_row_keeps_dates():
    text = ("Council\n\nMembers\n\nPartyNameRoleMembership DatesAttendance\nLabour\n"
            "Councillor Stephen Foster Member 10/06/2014 - 19/05/2015 75%\n")
    facts = [f for f in facts_of(text, "membership", council="Sunderland City Council", title="Council")
             if f.evidence.rule == "seat.members-table-row"]
    assert [(f.person, f.role.value, f.start.iso, f.end.iso) for f in facts] == [
        ("Stephen Foster", "member", "2014-06-10", "2015-05-19")]


@pytest.mark.parametrize(("text", "expected"), [
    # a member present sits on the committee; an officer listed with a job title does not
    ("Minutes of the meeting of Audit Committee held at Shire Hall on Monday 3 June 2024\n\n"
     "Present: Councillor A Smith (Chairperson), Councillors B Jones and C Brown\n\n"
     "In attendance: Jane Doe (Head of Audit)\n",
     {("A Smith", "Audit Committee", "chair"), ("B Jones", "Audit Committee", "member"),
      ("C Brown", "Audit Committee", "member"), ("A Smith", "Herefordshire Council", "member"),
      ("B Jones", "Herefordshire Council", "member"), ("C Brown", "Herefordshire Council", "member")}),
    # "A attended as a substitute for B": B sits on the body
    ("Minutes of the meeting of Health and Wellbeing Board held at Shire Hall on Monday 3 June 2024\n\n"
     "Amy Pitt attended the meeting as a substitute member for Paul Smith (Acting Director).\n",
     {("Paul Smith", "Health and Wellbeing Board", "member")}),
])
def test_seats_from_attendance(text, expected):
    assert seats(text) >= expected
    assert ("Jane Doe", "Audit Committee", "member") not in seats(text)


def test_every_seat_has_exact_evidence():
    text = "Councillor Brian Wilcox is Chairman of the Council and Councillor Philip Edwards is Vice-Chairman."
    for f in facts_of(text, "membership"):
        assert text[f.evidence.start:f.evidence.end] == f.evidence.text
