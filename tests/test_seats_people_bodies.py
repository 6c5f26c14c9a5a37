"""Seats declared with an interest, contact officers, body names read as people, and the page's cabinet:
sentence -> facts, including sentences that must give nothing (seventh round, issue 21)."""

from __future__ import annotations

import pytest

from extract.facts.people import _is_body_name
from extract.mentions import find_bodies
from extract.segment import page_cabinet
from tests.conftest import facts_of

MINUTES = "Minutes of the meeting of the Council held at the Guildhall on 14 April 2016\n"


def seats(text: str, **meta) -> set[tuple[str, str, str]]:
    return {(f.person, f.body, f.role.value) for f in facts_of(text, "membership", **meta)}


def people(text: str, **meta) -> dict[str, bool]:
    return {f.name: f.public for f in facts_of(text, "person", **meta)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Councillor Dora Vance declared a personal interest in item 6 as a governor of Millbrook Primary School.",
            ("Dora Vance", "Millbrook Primary School", "member"),
        ),
        (
            "Councillor Ffion Reese declared an interest in item 8 as Vice-Chairman of the Wyeford Canal Trust.",
            ("Ffion Reese", "Wyeford Canal Trust", "vice-chair"),
        ),
        (
            "Councillor Ben Alder declared a personal interest in his capacity as a member of the Fire Authority.",
            ("Ben Alder", "Fire Authority", "member"),
        ),
    ],
)
def test_a_declaration_gives_the_seat_it_is_made_for(text, expected):
    assert expected in seats(MINUTES + text + "\n")


@pytest.mark.parametrize(
    "text",
    [
        # an office held "in his capacity as" is a post (posts.py reads it), not a seat
        "Councillor Selwyn Hart declared a personal interest in his capacity as chairman of Ashgrove Rugby Club.",
        # another councillor between the declarer and the seat: not the declarer's seat
        "Councillor Ann Lee declared an interest in item 4 as Councillor Tom Vale was a member of the Arts Trust.",
        # no body named after the seat
        "Councillor Ann Lee declared an interest as a member of a Town Council.",
    ],
)
def test_a_declaration_gives_no_seat_it_does_not_state(text):
    got = {s for s in seats(MINUTES + text + "\n") if s[1] != "Herefordshire Council"}
    assert not {s for s in got if s[2] in ("chair", "member") and "Council" not in s[1]}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Venue: Council Chamber, Riverside House\n\nContact: Elin Haworth Tel: 01632 960123\n",
            {"Elin Haworth"},
        ),
        ("Contact: Rhodri Pask  Email: rhodri.pask@example.gov.uk\n", {"Rhodri Pask"}),
        ("Contact: Mair Tudor on 020 7946 0000 or Email: mair.tudor@example.gov.uk\n", {"Mair Tudor"}),
        (
            "Lead officer: Owain Price, Seren Lloyd, Gwen Harri\n",
            {"Owain Price", "Seren Lloyd", "Gwen Harri"},
        ),
        ("Contact: Nerys Bell, Democratic Services Officer\n", {"Nerys Bell"}),
    ],
)
def test_a_contact_line_names_public_officers(text, names):
    got = people(text)
    assert names <= set(got) and all(got[n] for n in names)


@pytest.mark.parametrize(
    "text",
    ["Contact: Democratic Services 01632 960123\n", "Contact: Governance Services\n", "Contact: Email:\n"],
)
def test_a_contact_line_that_names_no_one_gives_no_person(text):
    assert people(text) == {}


@pytest.mark.parametrize(
    ("name", "is_body"),
    [
        ("Wyeford Roads Alliance", True),
        ("Lib Dems", True),
        ("Ofsted", True),
        ("G Court", False),  # "Councillor G Court": a surname that is a head word
        ("Sam England", False),
        ("Mark Boleat", False),
    ],
)
def test_a_body_read_as_a_name_is_no_person(name, is_body):
    assert _is_body_name(name) is is_body


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("She met the Chief Executive of NHS Wyeshire on Monday.", []),
        ("The Trade Union was consulted on the changes.", []),
        ("The regional secretary of Mr Penn's Union wrote to the council.", []),
        (
            "Wye Valley NHS Trust and the Police and Crime Panel met.",
            ["Wye Valley NHS Trust", "Police and Crime Panel"],
        ),
    ],
)
def test_posts_and_persons_things_are_no_bodies(text, bodies):
    assert [b.name for b in find_bodies(text)] == bodies


def test_a_short_form_without_its_remit_is_the_same_board():
    text = (
        "Scrutiny Board (Children's Services)\n\nThe Scrutiny Board considered the report on school places.\n"
    )
    orgs = {f.name: f.aliases for f in facts_of(text, "organization")}
    assert "Scrutiny Board" not in orgs and orgs["Scrutiny Board (Children's Services)"] == (
        "Scrutiny Board",
    )


def test_every_seat_in_the_cabinet_is_in_the_body_the_page_names():
    """A page that calls its cabinet "the Executive" seats its portfolio holders there, whichever rule reads them."""
    text = (
        "Isle of Wyeford County Council\nMembership of the Executive\n"
        "The Leader named the following as the Members she had chosen to serve on the Executive along with their "
        "Portfolio responsibilities :-\n\n"
        "Councillor Alun Pryce with Portfolio responsibility for Housing and Community Safety;\n\n"
        "Councillor Nia Rowlands with Portfolio responsibility for Finance.\n"
    )
    assert page_cabinet(text) == "Executive"
    got = seats(text)
    assert {
        ("Alun Pryce", "Executive", "cabinet member"),
        ("Nia Rowlands", "Executive", "cabinet member"),
    } <= got
    assert not {s for s in got if s[1] == "Cabinet"}
    assert page_cabinet("The Executive approved it. The Cabinet met.") == "Cabinet"


def test_a_double_barrelled_irish_surname_is_one_name():
    """ "Councillor Mrs Nora Fitzgerald-O’Dowd": the whole name, not "Nora" and a stray "Mrs"."""
    got = people("Present:\nCouncillor Mrs Nora Fitzgerald-O\u2019Dowd\nCouncillor Jean Pask\n")
    assert "Nora Fitzgerald-O'Dowd" in got and "Nora" not in got and "Mrs" not in got


def test_a_contact_line_stops_at_the_title_after_the_name():
    """ "Ana Pryce, Head of Committee and Member Support": the title's last words are no second name."""
    got = people("Contact: Ana Pryce, Head of Committee and Member Support  Tel: 01632 960555\n")
    assert "Ana Pryce" in got and "Member Support" not in got


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("Participation in Community Councils is set by each council.", []),
        ("A response was sent to the Parliamentary Committee today.", []),
        ("Tollcross Community Council wrote to the council.", ["Tollcross Community Council"]),
        # a unit of staff named for its work is no body; a unit that serves the public is one
        ("A report of the Corporate Director, Chief Executive's Delivery Unit, was noted.", []),
        ("The Wyeford Pupil Referral Unit was inspected.", ["Wyeford Pupil Referral Unit"]),
    ],
)
def test_a_kind_of_body_is_no_name(text, bodies):
    assert [b.name for b in find_bodies(text)] == bodies
