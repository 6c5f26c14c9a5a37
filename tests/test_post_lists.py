"""Posts in flattened lists and news appositions (issue 21, seventh round): each sentence is shaped like the real
pages' (never copied), and states the posts it gives and the wrong readings it must not give."""

from __future__ import annotations

import pytest

from extract.facts.holders import _last_post
from tests.conftest import facts_of


def _posts(text: str, council: str = "Calder Borough Council", title: str = "Council meeting") -> set[tuple]:
    return {
        (f.person, f.post, f.org)
        for f in facts_of(text, "holds_post", council=council, title=title)
        if f.person
    }


@pytest.mark.parametrize(
    ("title", "last"),
    [
        (
            "Chief Executive Director of Regeneration Director of Finance Head of Communications",
            "Head of Communications",
        ),
        # a qualifier ("Executive") does not end a title
        ("Executive Director of Resources", "Executive Director of Resources"),
        ("Chief Finance Officer", "Chief Finance Officer"),  # an officer ends a title, never starts one
        ("Head of Legal and Democratic Services", "Head of Legal and Democratic Services"),
        ("Service Director for Early Help", "Service Director for Early Help"),
    ],
)
def test_the_holder_in_brackets_holds_the_last_title_of_a_run(title, last):
    assert _last_post(title) == last


def test_a_names_first_list_gives_no_title_before_name_readings():
    # a minutes' page a PDF flattened into one line: the officers' list comes after the councillors'
    text = (
        "MARSH DISTRICT COUNCIL Minutes of the meeting held on 2 May 2018 in the Hall, Marsh Civic Centre, "
        "Councillor A Burns Councillor B Kerr (Officials) Mr. K Doyle, Chief Executive Mr. P Rafferty, Director "
        "of Operations Mrs Ann Toal, Head of Finance Ms Orla Keane, Democratic Services Officer"
    )
    posts = _posts(text, council="Marsh District Council")
    assert ("Orla Keane", "Democratic Services Officer", "Marsh District Council") in posts
    # the title-first reading took the title before each name, honorific and all
    assert not any(post.endswith(("Mr", "Mrs", "Ms")) for _person, post, _org in posts)
    assert ("Ann Toal", "Director of Operations") not in {(p, t) for p, t, _o in posts}


def test_a_deputy_leader_with_a_portfolio_holds_the_seat_and_the_post_not_one_joined_title():
    text = "Deputy Leader of the Council and Cabinet Member for Parks and Leisure - Councillor Nia Garside\n"
    facts = facts_of(text, council="Calder Borough Council", title="Cabinet")
    posts = {f.post for f in facts if f.fact_type == "holds_post"}
    seats = {f.role.value for f in facts if f.fact_type == "membership"}
    assert posts == {"Cabinet Member for Parks and Leisure"}
    assert "deputy leader" in seats


def test_the_officer_who_answers_a_councillor_is_no_post_of_the_councillor():
    text = "In response to a query by Councillor Hegarty, the Lead Legal Officer advised that it could."
    assert not any(person == "Hegarty" for person, _post, _org in _posts(text))


def test_a_remit_after_a_pronoun_post_is_part_of_the_title_not_a_body():
    text = (
        "Kirsty Bryce has been appointed Depute Chief Executive, which she will take on alongside her new role "
        "of Director of Corporate Services."
    )
    assert ("Kirsty Bryce", "Director of Corporate Services", "Calder Borough Council") in _posts(text)


def test_a_remit_in_brackets_stays_but_a_council_in_brackets_goes():
    posts = _posts(
        "Contact: Rhona Pike, Director (Housing and Communities), Owen Tate, Chief Executive (Calder Borough "
        "Council), Ann Lee, Manager (Labour)."
    )
    titles = {(p, t) for p, t, _o in posts}
    assert ("Rhona Pike", "Director (Housing and Communities)") in titles
    assert ("Rhona Pike", "Director") not in titles
    assert ("Owen Tate", "Chief Executive") in titles


def test_formerly_is_when_not_what():
    text = "Owen Price, formerly head of planning at Marsh Council, has been tipped by the council to be the new chief executive."
    posts = _posts(text)
    assert ("Owen Price", "Head of planning", "Marsh Council") in posts
    assert ("Owen Price", "Chief executive", "Calder Borough Council") in posts


def test_a_page_that_calls_its_cabinet_the_executive_seats_its_portfolio_holders_there():
    text = (
        "Membership of the Executive\n"
        "The Leader named the following as the Members chosen to serve on the Executive with their portfolios:-\n"
        "Councillor Owain Pryce with Portfolio responsibility for Highways and Waste\n"
    )
    seats = {
        (f.person, f.body)
        for f in facts_of(text, "membership", council="Isle of Calder County Council")
        if f.role.value == "cabinet member"
    }
    assert seats == {("Owain Pryce", "Executive")}


def test_a_decision_records_lead_member_fields_give_the_portfolio_not_the_label():
    text = (
        "Decision due: 12 June 2019 by Cabinet\n\nLead Member: Councillor Hetty Marsh\n\n"
        "Lead member: Housing and Regeneration Portfolio Holder\n\nLead director: Corporate Director, Place\n"
    )
    assert _posts(text, title="Decision") == {
        ("Hetty Marsh", "Housing and Regeneration Portfolio Holder", "Calder Borough Council")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Council noted that Rhian Moss was recommended by the Appointments\nSub-Committee as the new Director of Place.",
        "Rhian Moss has been tipped by the council to be the new Director of Place.",
    ],
)
def test_a_recommendation_names_the_post_not_who_recommended(text):
    assert {t for p, t, _o in _posts(text, title="News") if p == "Rhian Moss"} == {"Director of Place"}


def test_a_shorter_reading_of_a_post_already_read_adds_nothing():
    text = (
        "Walter Pugh has stepped up from his role as assistant director for early help to fill the top job."
    )
    assert {t for p, t, _o in _posts(text, title="News")} == {"Assistant director for early help"}
