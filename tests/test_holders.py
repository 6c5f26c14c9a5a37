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
