"""Posts: sentence -> (person, post, org) facts, including sentences that must give nothing."""

from __future__ import annotations

import pytest

from tests.conftest import facts_of


def posts(text: str, **meta) -> set[tuple[str, str, str]]:
    return {(f.person, f.post, f.org) for f in facts_of(text, "holds_post", **meta)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tina Russell (Corporate Director Children and Young People) presented the report.",
            {("Tina Russell", "Corporate Director Children and Young People", "Herefordshire Council")},
        ),
        # the first name of a sentence-list is found though the sentence runs into it
        (
            "Apologies for absence had been received from Ross Cook (Corporate Director, Economy and Environment), "
            "Kate Coughtrie (Head of Law).",
            {
                ("Ross Cook", "Corporate Director, Economy and Environment", "Herefordshire Council"),
                ("Kate Coughtrie", "Head of Law", "Herefordshire Council"),
            },
        ),
        # a title with its own commas, before the name (FOI responses, reports)
        (
            "In 2023 the Corporate Director, Children and Young People, Darryl Freeman, said the service had improved.",
            {("Darryl Freeman", "Corporate Director, Children and Young People", "Herefordshire Council")},
        ),
        (
            "The committee heard from Sue Harris, Director of Strategy, People and Culture, and David Thomas, "
            "Associate Director, Primary Care.",
            {
                ("Sue Harris", "Director of Strategy, People and Culture", "Herefordshire Council"),
                ("David Thomas", "Associate Director, Primary Care", "Herefordshire Council"),
            },
        ),
        # a chain of names and titles in a table cell (forward plans)
        (
            "Cabinet member children Victoria Gibbs, Service Director Early Help, Rachel Gillott, Service Director, "
            "Safeguarding and Family Support, Bart Popelier, Project Lead <small>x@y.gov.uk</small>",
            {
                ("Victoria Gibbs", "Service Director Early Help", "Herefordshire Council"),
                (
                    "Rachel Gillott",
                    "Service Director, Safeguarding and Family Support",
                    "Herefordshire Council",
                ),
                ("Bart Popelier", "Project Lead", "Herefordshire Council"),
            },
        ),
        # press releases and minutes on appointments
        (
            "The Chair advised that Paul Marshall had been appointed as Deputy Chief Executive.",
            {("Paul Marshall", "Deputy Chief Executive", "Herefordshire Council")},
        ),
        (
            "The role of permanent Director of Children's Services was offered to Sue Butcher.",
            {("Sue Butcher", "Director of Children's Services", "Herefordshire Council")},
        ),
        # contact lines give a job without a head word
        (
            "Contact: Ben Baugh, Democratic Services \n",
            {("Ben Baugh", "Democratic Services", "Herefordshire Council")},
        ),
        (
            "Contact: Committee Services Officer - Rushena Miah Email:\n",
            {("Rushena Miah", "Committee Services Officer", "Herefordshire Council")},
        ),
        # signature and contact cells: name, dash, title (and body)
        (
            "Paul Walker - Herefordshire Council Chief Executive\n",
            {("Paul Walker", "Chief Executive", "Herefordshire Council")},
        ),
        (
            "Rachel Jones \u2013 Assistant Chief Constable \u2013 West Mercia Constabulary\n",
            {("Rachel Jones", "Assistant Chief Constable", "West Mercia Constabulary")},
        ),
        # a trailing acronym is the body only where the document names a body with those initials
        (
            "Simon Trickett \u2013 Chief Executive ICB\nThe Integrated Care Board met.\n",
            {("Simon Trickett", "Chief Executive", "Integrated Care Board")},
        ),
        (
            "Hilary Jones - Service Manager SEND\n",
            {("Hilary Jones", "Service Manager SEND", "Herefordshire Council")},
        ),
        # a known abbreviation of a post next to a name (patterns/roles.jsonl)
        (
            "Undertake the survey\tPSW - Dylan Harrison\tSept 24\n",
            {("Dylan Harrison", "PSW", "Herefordshire Council")},
        ),
        (
            "Deliver the programme\tJohn Maynard - Tina Russell - DCS\t2024/25\n",
            {("Tina Russell", "DCS", "Herefordshire Council")},
        ),
        (
            "On the 21st August 2023 Mr Paul walker CEO Herefordshire council responded to the notice.",
            {("Paul Walker", "CEO", "Herefordshire Council")},
        ),
        (
            "Signed: Amira Khan, DASS, on behalf of the council.",
            {("Amira Khan", "DASS", "Herefordshire Council")},
        ),
        ("Agenda Item 5 - Chief Executive's Report\n", set()),
        ("Referrals to the Local Authority LADO rose.", set()),
        ("Mr Walker CEO signed it.", set()),  # a surname alone is not read next to an abbreviation
        ("The ceo of the firm spoke.", set()),
        # press releases on appointments, and posts held elsewhere
        (
            "The council confirmed the appointment of Catherine Ellwood as its new Chief Executive.",
            {("Catherine Ellwood", "Chief Executive", "Herefordshire Council")},
        ),
        (
            "Oakhurst City Council has appointed Rebecca Lyle as interim Director of Children's Services while the "
            "recruitment takes place.",
            {("Rebecca Lyle", "Director of Children's Services", "Herefordshire Council")},
        ),
        (
            "Ms Ellwood, currently Deputy Chief Executive at Rivermead Borough Council, will take up the post.",
            {("Ellwood", "Deputy Chief Executive", "Rivermead Borough Council")},
        ),
        (
            "Dr Omar Shah was previously Director of Public Health at Northfield County Council.",
            {("Omar Shah", "Director of Public Health", "Northfield County Council")},
        ),
        ("Jane Doe, currently Head of Law at the time of the report, said so.", set()),
        (
            "Nadine Fraser, Director of Corporate Services, will act as interim Head of Paid Service.",
            {
                ("Nadine Fraser", "Director of Corporate Services", "Herefordshire Council"),
                ("Nadine Fraser", "Head of Paid Service", "Herefordshire Council"),
            },
        ),
        ("The officer will act as the point of contact.", set()),
        # a capacity declared with an interest: the office as worded, in the body named
        (
            "Councillor Powell declared an interest regarding item 9 in his capacity as chairman of Hereford Rugby Club.",
            {("Powell", "chairman", "Hereford Rugby Club")},
        ),
        (
            "Councillor Ann Brown declared a pecuniary interest in her capacity as a trustee of the Hereford Food Bank, "
            "and left the room.",
            {("Ann Brown", "trustee", "Hereford Food Bank")},
        ),
        (
            "Councillor Ann Brown declared an interest in her capacity as a member of the Wye Valley Trust.",
            set(),
        ),
        # a colon ends a title
        (
            "Response by Councillor Adrian Bell, Cabinet Member for Housing: Thirty-two homes are back in use.",
            {("Adrian Bell", "Cabinet Member for Housing", "Herefordshire Council")},
        ),
        # the council's leader is a seat and also the post whose turnover a researcher follows; a committee's
        # chair is a seat (memberships.py), not a post
        (
            "Response by Councillor Adrian Bell, Leader of the Council: Thirty-two homes are back in use.",
            {("Adrian Bell", "Leader of the Council", "Herefordshire Council")},
        ),
        ("Report by Rhys Owen, Chair of the Audit Committee, on the review.", set()),
        # nothing
        ("The councillor thanked the officers for the report.", set()),
        ("Councillor Fagan (Chairperson) opened the meeting.", set()),
    ],
)
def test_posts(text, expected):
    assert posts(text) == expected


def test_interim_is_flagged_and_dropped_from_the_post():
    facts = facts_of("Tina Russell, interim Director of Children's Services, said.", "holds_post")
    assert [(f.person, f.post, f.interim) for f in facts] == [
        ("Tina Russell", "Director of Children's Services", True)
    ]


def test_cabinet_portfolios():
    text = (
        "Current cabinet members are listed below.\n\n"
        "Councillor Ann Green\tCorporate Strategy and Budget (Leader of the Council)\n"
        "Councillor Bob White\tRoads and Regulatory Services\n"
    )
    assert posts(text) >= {
        ("Ann Green", "Cabinet member Corporate Strategy and Budget", "Herefordshire Council"),
        ("Bob White", "Cabinet member Roads and Regulatory Services", "Herefordshire Council"),
    }
