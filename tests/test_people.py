"""People: one fact per distinct name in a document, from honorifics, lists and other facts."""

from __future__ import annotations

import pytest

from tests.conftest import facts_of


@pytest.mark.parametrize(("text", "expected"), [
    ("Councillor Toni Fagan proposed and Cllr. Paul Walker seconded.", {"Toni Fagan", "Paul Walker"}),
    # a name never runs on across a line break or into the next word
    ("Chair: Councillor Felicity Norman\nGeneral scrutiny committee\n", {"Felicity Norman"}),
    ("Declarations were made by Cllrs Hitchiner and Powell declared an interest.", {"Hitchiner", "Powell"}),
    ("Present: Councillors A Smith (Chair), B Jones and C Brown", {"A Smith", "B Jones", "C Brown"}),
    ("Contact: Ben Baugh, Democratic Services \n", {"Ben Baugh"}),
    # no one
    ("The Chief Executive presented the report of the Director of Children's Services.", set()),
    ("Herefordshire Council agreed the budget.", set()),
])
def test_people(text, expected):
    assert {f.name for f in facts_of(text, "person")} == expected


def test_one_person_fact_per_name_with_exact_evidence():
    text = "Councillor Toni Fagan opened. Councillor Toni Fagan closed. Councillor Fagan thanked all."
    facts = facts_of(text, "person")
    names = [f.name for f in facts]
    assert len(names) == len(set(names))
    for f in facts:
        assert text[f.evidence.start:f.evidence.end] == f.evidence.text


def test_a_surname_typed_in_lower_case_is_read_when_the_text_confirms_it():
    text = "On the 21st august 2023 Mr Paul walker CEO responded.\n\nMr Walker responds that the system is in place.\n"
    names = {f.name for f in facts_of(text, "person")}
    assert "Paul Walker" in names and "Paul" not in names


def test_a_lower_case_word_after_a_first_name_is_not_a_surname_by_itself():
    names = {f.name for f in facts_of("Mr Paul said the report was late.\n", "person")}
    assert "Paul Said" not in names


def test_a_bare_surname_is_the_one_fuller_name_of_the_document():
    text = "Present: Councillors R Delaney and P Szymanski\n\nCouncillor Delaney declared an interest.\n"
    assert {f.name for f in facts_of(text, "person")} == {"R Delaney", "P Szymanski"}


def test_clergy_and_civic_honorifics_are_dropped():
    text = ("Minutes of the meeting of the Combined Authority Board held at Arden House on 8 July 2016\n\n"
            "In the Chair: Mayor Jo Prentice\nCo-opted Members: Father Michael Doyle (Diocese representative)\n")
    assert {f.name for f in facts_of(text, "person")} == {"Jo Prentice", "Michael Doyle"}
