"""Seats: sentence -> (person, body, role) facts, including layouts that must give nothing."""

from __future__ import annotations

import pytest

from extract.facts.memberships import RULES
from tests.conftest import facts_of
from tests.rule_examples import examples, gives, read_by_rule, rule_ids_in_source


def seats(text: str, **meta) -> set[tuple[str, str, str]]:
    return {(f.person, f.body, f.role.value) for f in facts_of(text, "membership", **meta)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every councillor named in a council's papers sits on the council
        ("Councillor Toni Fagan proposed the motion.", {("Toni Fagan", "Herefordshire Council", "member")}),
        # elections and appointments
        (
            "Councillor Brian Wilcox is Chairman of the Council.",
            {
                ("Brian Wilcox", "Herefordshire Council", "chair"),
                ("Brian Wilcox", "Herefordshire Council", "member"),
            },
        ),
        (
            "Councillor Jonathan Lester has been elected Leader of Herefordshire Council.",
            {
                ("Jonathan Lester", "Herefordshire Council", "leader"),
                ("Jonathan Lester", "Herefordshire Council", "member"),
            },
        ),
        # a press release listing chairs under body headings, two labels on one line
        (
            "  \u2022 Children and young people scrutiny committee\n\n"
            "Chairperson: Cllr Phillip Howells / Vice-chairperson: Cllr Jennie Hewitt\n",
            {
                ("Phillip Howells", "Children and Young People Scrutiny Committee", "chair"),
                ("Jennie Hewitt", "Children and Young People Scrutiny Committee", "vice-chair"),
                ("Phillip Howells", "Herefordshire Council", "member"),
                ("Jennie Hewitt", "Herefordshire Council", "member"),
            },
        ),
        # one label a line, the body on the line above
        (
            "Audit and governance committee\n\nChair: Councillor Paul Newman\nVice-Chair: Councillor Chris Chappell\n",
            {
                ("Paul Newman", "Audit and Governance Committee", "chair"),
                ("Chris Chappell", "Audit and Governance Committee", "vice-chair"),
                ("Paul Newman", "Herefordshire Council", "member"),
                ("Chris Chappell", "Herefordshire Council", "member"),
            },
        ),
        # nothing: no person, or a person with no office
        ("The committee noted the report.", set()),
        ("Mr Smith asked about potholes on the A49.", set()),
    ],
)
def test_seats(text, expected):
    assert seats(text) == expected


def test_cabinet_page_listing():
    """A ModernGov committee page: each member, the party in parentheses, the portfolio."""
    text = (
        "Cabinet\n\nCllr Ann Green (Leader)\n\n(Independents for Herefordshire)\n\nCorporate Strategy\n\n"
        "Cllr Bob White\n\n(The Green Party)\n\nChildren and families\n"
    )
    got = seats(text, title="Cabinet committee details")
    assert ("Ann Green", "Cabinet", "cabinet member") in got
    assert ("Bob White", "Cabinet", "cabinet member") in got
    assert ("Ann Green", "Herefordshire Council", "leader") in got


def test_portfolio_table_rows():
    text = (
        "Current cabinet members are listed below.\n\n"
        "Councillor Ann Green\tCorporate Strategy and Budget (Leader of the Council)\n"
        "Councillor Bob White\tRoads and Regulatory Services\n"
    )
    got = seats(text)
    assert {
        ("Ann Green", "Cabinet", "cabinet member"),
        ("Bob White", "Cabinet", "cabinet member"),
        ("Ann Green", "Herefordshire Council", "leader"),
    } <= got


def test_cmis_members_table_row_keeps_dates():
    text = (
        "Council\n\nMembers\n\nPartyNameRoleMembership DatesAttendance\nLabour\n"
        "Councillor Stephen Foster Member 10/06/2014 - 19/05/2015 75%\n"
    )
    facts = [
        f
        for f in facts_of(text, "membership", council="Sunderland City Council", title="Council")
        if f.evidence.rule == "seat.members-table-row"
    ]
    assert [(f.person, f.role.value, f.start.iso, f.end.iso) for f in facts] == [
        ("Stephen Foster", "member", "2014-06-10", "2015-05-19")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a member present sits on the committee; an officer listed with a job title does not
        (
            "Minutes of the meeting of Audit Committee held at Shire Hall on Monday 3 June 2024\n\n"
            "Present: Councillor A Smith (Chairperson), Councillors B Jones and C Brown\n\n"
            "In attendance: Jane Doe (Head of Audit)\n",
            {
                ("A Smith", "Audit Committee", "chair"),
                ("B Jones", "Audit Committee", "member"),
                ("C Brown", "Audit Committee", "member"),
                ("A Smith", "Herefordshire Council", "member"),
                ("B Jones", "Herefordshire Council", "member"),
                ("C Brown", "Herefordshire Council", "member"),
            },
        ),
        # "A attended as a substitute for B": B sits on the body
        (
            "Minutes of the meeting of Health and Wellbeing Board held at Shire Hall on Monday 3 June 2024\n\n"
            "Amy Pitt attended the meeting as a substitute member for Paul Smith (Acting Director).\n",
            {("Paul Smith", "Health and Wellbeing Board", "member")},
        ),
    ],
)
def test_seats_from_attendance(text, expected):
    assert seats(text) >= expected
    assert ("Jane Doe", "Audit Committee", "member") not in seats(text)


def test_every_seat_has_exact_evidence():
    text = (
        "Councillor Brian Wilcox is Chairman of the Council and Councillor Philip Edwards is Vice-Chairman."
    )
    for f in facts_of(text, "membership"):
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office after the name: leader of the council, a portfolio (a seat in the Cabinet)
        (
            "Response by Councillor Adrian Bell, Leader of the Council: the homes are in use.\n",
            {
                ("Adrian Bell", "Herefordshire Council", "leader"),
                ("Adrian Bell", "Herefordshire Council", "member"),
            },
        ),
        (
            "Councillor Sandra Kettering \u2013 Cabinet Member for Children's Services\n",
            {
                ("Sandra Kettering", "Cabinet", "cabinet member"),
                ("Sandra Kettering", "Herefordshire Council", "member"),
            },
        ),
        (
            "Consultation: Councillor Graham Tuckett, Portfolio Holder for Environment\n",
            {
                ("Graham Tuckett", "Cabinet", "cabinet member"),
                ("Graham Tuckett", "Herefordshire Council", "member"),
            },
        ),
        (
            "Cabinet Member: Councillor Ruth Oyelaran\n",
            {
                ("Ruth Oyelaran", "Cabinet", "cabinet member"),
                ("Ruth Oyelaran", "Herefordshire Council", "member"),
            },
        ),
        (
            "The new Cabinet is: Councillor Lorna Fitch (Finance and Resources) and Councillor Dev Mistry (Housing).\n",
            {
                ("Lorna Fitch", "Cabinet", "cabinet member"),
                ("Dev Mistry", "Cabinet", "cabinet member"),
                ("Lorna Fitch", "Herefordshire Council", "member"),
                ("Dev Mistry", "Herefordshire Council", "member"),
            },
        ),
        # a forward plan's column of cabinet members
        (
            "Decision\tDecision maker\tCabinet Member\nAdoption of the Homelessness Strategy\tCabinet\tCouncillor Peter Oduya\n",
            {
                ("Peter Oduya", "Cabinet", "cabinet member"),
                ("Peter Oduya", "Herefordshire Council", "member"),
            },
        ),
        # nothing: the leader of another body, an office with no councillor
        (
            "Councillor Ann Green, Leader of the Opposition Group, spoke.\n",
            {("Ann Green", "Herefordshire Council", "member")},
        ),
        ("The Cabinet Member for Housing was thanked.\n", set()),
    ],
)
def test_seats_from_an_office_named_beside_a_councillor(text, expected):
    assert seats(text) == expected


HEAD = "Minutes of the meeting of Audit Committee held at Shire Hall on Monday 3 June 2024\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # co-opted members: under their own label, or so noted
        (
            "Present:\nCouncillors: Liam Proudfoot (Chair)\nCo-opted Members: Father Michael Doyle (Diocese "
            "representative), Mrs Yvonne Tait (Parent Governor representative)\n",
            {
                ("Liam Proudfoot", "Audit Committee", "chair"),
                ("Liam Proudfoot", "Herefordshire Council", "member"),
                ("Michael Doyle", "Audit Committee", "co-opted member"),
                ("Yvonne Tait", "Audit Committee", "co-opted member"),
            },
        ),
        (
            "Present: Councillor Ann Green (Vice Chairman), Mr Alan Pryce (Independent Member)\n",
            {
                ("Ann Green", "Audit Committee", "vice-chair"),
                ("Ann Green", "Herefordshire Council", "member"),
                ("Alan Pryce", "Audit Committee", "co-opted member"),
            },
        ),
        # a member listed by the council they represent sits on that council, not on the host authority
        (
            "Present:\nCouncillor Andrew Falconer \u2013 Westbury City Council\n",
            {
                ("Andrew Falconer", "Audit Committee", "member"),
                ("Andrew Falconer", "Westbury City Council", "member"),
            },
        ),
        # a board member who is an officer, listed by their employer: a seat on the board, not on the council
        (
            "Apologies:\nRichard Ball (Herefordshire Council)\n",
            {("Richard Ball", "Audit Committee", "member")},
        ),
        # "Councillor Delaney" is the "R Delaney" of the Present block
        (
            "Present: Councillors R Delaney and P Szymanski\n\nCouncillor Delaney declared an interest.\n",
            {
                ("R Delaney", "Audit Committee", "member"),
                ("R Delaney", "Herefordshire Council", "member"),
                ("P Szymanski", "Audit Committee", "member"),
                ("P Szymanski", "Herefordshire Council", "member"),
            },
        ),
    ],
)
def test_seats_from_attendance_blocks(text, expected):
    assert seats(HEAD + text) == expected


def test_an_independent_chair_chairs_the_board():
    text = "Attendees: Sir Alan Tremlett (Independent Chair) (AT), Cllr Naomi Bright, Lead Member for Children (NB)\n"
    assert ("Alan Tremlett", "Audit Committee", "chair") in seats(HEAD + text)


def test_a_role_column_gives_the_vice_chair():
    text = "Attendee\tRole\tAttendance\nCouncillor Gareth Penn\tChair\tPresent\nCouncillor Imogen Hart\tVice-Chair\tPresent\n"
    got = seats(HEAD + text)
    assert ("Gareth Penn", "Audit Committee", "chair") in got and (
        "Imogen Hart",
        "Audit Committee",
        "vice-chair",
    ) in got


# --- every rule of the table reads its own example ---------------------------------------------

RULE_EXAMPLES = examples("memberships")


@pytest.mark.parametrize("example", RULE_EXAMPLES, ids=[e["id"] for e in RULE_EXAMPLES])
def test_every_rule_example_gives_its_fact(example):
    assert gives(example), (example["expect"], read_by_rule(example))


def test_every_rule_is_in_the_table_and_has_an_example():
    table = {r.id for r in RULES}
    assert rule_ids_in_source("extract/facts/memberships.py", "seat") == table
    assert table <= {e["id"] for e in RULE_EXAMPLES}


def test_a_sentence_that_opens_with_councillors_is_no_list_of_them():
    """ "Councillors were advised that ..." is prose: no seat for the words after it, nor for a name in it."""
    seats = [
        f
        for f in facts_of(
            "Councillors were advised that the Section 151 Officer, Nadia Brook, had reported.\n",
            title="Council meeting",
        )
        if f.fact_type == "membership" and f.evidence.rule == "seat.councillor-list"
    ]
    assert seats == []
    listed = [
        f.person
        for f in facts_of("Councillors: A Lee, B Khan and C Ng\n", title="Council meeting")
        if f.fact_type == "membership" and f.evidence.rule == "seat.councillor-list"
    ]
    assert listed == ["A Lee", "B Khan", "C Ng"]
