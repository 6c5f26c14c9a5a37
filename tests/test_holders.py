"""Post holders in prose and flattened lists (`extract/facts/holders.py`): every rule's example in
`patterns/holders.jsonl` gives the fact it states, and sentences that name no holder give none."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from extract.facts.holders import RULES
from tests.conftest import facts_of

EXAMPLES = [
    json.loads(line)
    for line in resources.files("extract")
    .joinpath("patterns/holders.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def _held(text: str, title: str = "Council meeting") -> list[dict]:
    out = []
    for f in facts_of(text, title=title):
        if f.fact_type == "holds_post":
            out.append(
                {
                    "person": f.person,
                    "post": f.post,
                    "org": f.org,
                    "start": f.start and f.start.iso,
                    "end": f.end and f.end.iso,
                    "interim": f.interim,
                    "rule": f.evidence.rule,
                }
            )
        elif f.fact_type == "membership":
            out.append({"person": f.person, "role": f.role.value, "rule": f.evidence.rule})
    return out


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_every_rule_example_gives_its_fact(example):
    held = _held(example["example"], example.get("title", "Council meeting"))
    expected = example["expect"]
    assert any(all(h.get(k) == v for k, v in expected.items()) for h in held), held


def test_every_rule_has_an_example():
    ids = {e["id"] for e in EXAMPLES}
    assert {r.id for r in RULES} <= ids


@pytest.mark.parametrize(
    "text",
    [
        "Rachel Kemp – Assistant Chief Constable – Northshire Constabulary\n",  # a body after the title, not a name
        "A monthly meeting is chaired by the Service Director for Early Help, Quality Assurance and Practice.\n",
        "The role of permanent Director of Children's Services was offered to the panel's first choice.\n",
        "Councillor Anwen Price was elected Chairman of the Health and Wellbeing Board.\n",  # a seat, read elsewhere
        "I would like to welcome Councillors D Hamilton, J Englefield and Vice-Chairman Councillor R Bird.\n",
        # a heading in capitals whose first words the page writes as a council's name, not a signed name
        "Reading Borough Council\n\nREADING BOROUGH COUNCIL REPORT BY DIRECTOR OF ENVIRONMENT\n",
        # a list of posts after "the" is no post and a name; a lone legislature's letters name no one
        "The report of the Director of Place, Growth and Investment was noted.\n",
        "The MP for the area and the MSP for the region wrote to the council.\n",
        "Jo Pike, the applicant, spoke against the proposal.\n",
        "The Inspector's report was received and the Chief Inspector Report was noted.\n",
        "Her letter to the Chief Executive, Head of Paid Service, was circulated.\n",
        # a first name alone names no one where the page names two people of that first name, or none
        "Sam Ortiz and Sam Bell attended.\nSam had been the Council's Payroll Manager until 2009.\n",
        "Owain had been the Council's Payroll Manager until 2009.\n",
        "He had been the Council's Payroll Manager until 2009.\n",
        # a resignation that names no post, and a future copula that names none
        "Following the resignation of Eira Vaughan as a member of the panel, a vacancy arose.\n",
        "Mr Tobias Quill will be at the meeting next week.\n",
        "The MP Expenses Review was noted.\n",
    ],
)
def test_no_holder_from_these(text):
    assert not [h for h in _held(text) if h["rule"].startswith("holder.")]


def test_interim_and_dates_from_the_sentence():
    held = _held(
        "Councillor Tomasz Wren will serve as acting Deputy Mayor from 1 August 2021 until 31 March 2022.\n"
    )
    assert {
        "person": "Tomasz Wren",
        "post": "Deputy Mayor",
        "org": "Herefordshire Council",
        "start": "2021-08-01",
        "end": "2022-03-31",
        "interim": True,
        "rule": "holder.appointed",
    } in held


def test_a_remit_after_for_only_in_an_officers_title():
    """ "Strategic Director for Social Services" is one title; "Mayor for the ensuing year" is the Mayor."""
    held = _held("Councillor Dai Rees was elected Mayor for the ensuing municipal year.\n")
    assert [h["post"] for h in held if h.get("post")] == ["Mayor"]
    held = _held("Council appointed Sara Quinn as Head of Service for Adult Care.\n")
    assert "Head of Service for Adult Care" in [h.get("post") for h in held]


def test_a_wrapped_line_ending_in_the_runs_on():
    """A PDF broke "as the" / "Presiding Member." over two short lines: one sentence, one post."""
    held = _held("That Council appointed Councillor Elwyn Screed as the\nPresiding Member.\n")
    assert any(h.get("post") == "Presiding Member" and h["person"] == "Elwyn Screed" for h in held)


def test_the_one_who_appoints_holds_nothing():
    """ "The Leader, Councillor Thompson, appointed Councillor Cutler as ...": the comma after a name starts no
    passive "X, be elected" reading, so the appointer is given no post worded from the rest of the sentence."""
    held = _held("The Leader, Councillor Thompson, appointed Councillor Cutler as Head of Member Services.\n")
    assert not [h for h in held if h["person"] == "Thompson" and h.get("post")]
    assert any(h["person"] == "Cutler" and h.get("post") == "Head of Member Services" for h in held)


def test_a_clause_after_the_comma_that_starts_with_a_verb_is_no_part_of_a_title():
    # "the applicant's agent" is no post, and "spoke in support" is what she did, not a second part of a title
    text = "Ms Anita Cole, the applicant's agent, spoke in support."
    assert not [f for f in facts_of(text, "holds_post") if f.person == "Anita Cole"]
