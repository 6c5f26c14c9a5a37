"""Posts: sentence -> (person, post, org) facts, including sentences that must give nothing."""

from __future__ import annotations

import pytest

from tests.conftest import facts_of


def posts(text: str, **meta) -> set[tuple[str, str, str]]:
    return {(f.person, f.post, f.org) for f in facts_of(text, "holds_post", **meta)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Tina Russell (Corporate Director Children and Young People) presented the report.",
     {("Tina Russell", "Corporate Director Children and Young People", "Herefordshire Council")}),
    # the first name of a sentence-list is found though the sentence runs into it
    ("Apologies for absence had been received from Ross Cook (Corporate Director, Economy and Environment), "
     "Kate Coughtrie (Head of Law).",
     {("Ross Cook", "Corporate Director, Economy and Environment", "Herefordshire Council"),
      ("Kate Coughtrie", "Head of Law", "Herefordshire Council")}),
    # a title with its own commas, before the name (FOI responses, reports)
    ("In 2023 the Corporate Director, Children and Young People, Darryl Freeman, said the service had improved.",
     {("Darryl Freeman", "Corporate Director, Children and Young People", "Herefordshire Council")}),
    ("The committee heard from Sue Harris, Director of Strategy, People and Culture, and David Thomas, "
     "Associate Director, Primary Care.",
     {("Sue Harris", "Director of Strategy, People and Culture", "Herefordshire Council"),
      ("David Thomas", "Associate Director, Primary Care", "Herefordshire Council")}),
    # a chain of names and titles in a table cell (forward plans)
    ("Cabinet member children Victoria Gibbs, Service Director Early Help, Rachel Gillott, Service Director, "
     "Safeguarding and Family Support, Bart Popelier, Project Lead <small>x@y.gov.uk</small>",
     {("Victoria Gibbs", "Service Director Early Help", "Herefordshire Council"),
      ("Rachel Gillott", "Service Director, Safeguarding and Family Support", "Herefordshire Council"),
      ("Bart Popelier", "Project Lead", "Herefordshire Council")}),
    # press releases and minutes on appointments
    ("The Chair advised that Paul Marshall had been appointed as Deputy Chief Executive.",
     {("Paul Marshall", "Deputy Chief Executive", "Herefordshire Council")}),
    ("The role of permanent Director of Children's Services was offered to Sue Butcher.",
     {("Sue Butcher", "Director of Children's Services", "Herefordshire Council")}),
    # contact lines give a job without a head word
    ("Contact: Ben Baugh, Democratic Services \n", {("Ben Baugh", "Democratic Services", "Herefordshire Council")}),
    ("Contact: Committee Services Officer - Rushena Miah Email:\n",
     {("Rushena Miah", "Committee Services Officer", "Herefordshire Council")}),
    # nothing
    ("The councillor thanked the officers for the report.", set()),
    ("Councillor Fagan (Chairperson) opened the meeting.", set()),
])
def test_posts(text, expected):
    assert posts(text) == expected


def test_interim_is_flagged_and_dropped_from_the_post():
    facts = facts_of("Tina Russell, interim Director of Children's Services, said.", "holds_post")
    assert [(f.person, f.post, f.interim) for f in facts] == [("Tina Russell", "Director of Children's Services", True)]


def test_cabinet_portfolios():
    text = ("Current cabinet members are listed below.\n\n"
            "Councillor Ann Green\tCorporate Strategy and Budget (Leader of the Council)\n"
            "Councillor Bob White\tRoads and Regulatory Services\n")
    assert posts(text) >= {("Ann Green", "Cabinet member Corporate Strategy and Budget", "Herefordshire Council"),
                           ("Bob White", "Cabinet member Roads and Regulatory Services", "Herefordshire Council")}
