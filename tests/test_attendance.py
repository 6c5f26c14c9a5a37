"""Attendance: layouts of Present / In attendance / Apologies -> (person, capacity) facts."""

from __future__ import annotations

import pytest

from tests.conftest import facts_of

HEAD = "Minutes of the meeting of Audit Committee held at Shire Hall on Monday 3 June 2024\n\n"


def attended(text: str) -> set[tuple[str, str, str]]:
    return {(f.person, f.body, f.capacity.value) for f in facts_of(HEAD + text, "attendance")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Present: Councillors A Smith (Chair), B Jones and C Brown\n",
     {("A Smith", "Audit Committee", "present"), ("B Jones", "Audit Committee", "present"),
      ("C Brown", "Audit Committee", "present")}),
    # a CMIS/ModernGov block: one label a line
    ("Present:\nCouncillor Ann Green (Chairperson)\nCouncillor Bob White\n\n"
     "Officers in attendance: Jane Doe (Head of Audit), John Roe (Democratic Services Officer)\n",
     {("Ann Green", "Audit Committee", "present"), ("Bob White", "Audit Committee", "present"),
      ("Jane Doe", "Audit Committee", "in attendance"), ("John Roe", "Audit Committee", "in attendance")}),
    ("Apologies for absence were received from Cllrs R Bailey, S Bennett-Wake and N Cook. "
     "Cllrs L Wardlaw, A Burton and M Goldsmith attended as substitutes.\n",
     {("R Bailey", "Audit Committee", "apologies"), ("S Bennett-Wake", "Audit Committee", "apologies"),
      ("N Cook", "Audit Committee", "apologies"), ("L Wardlaw", "Audit Committee", "present"),
      ("A Burton", "Audit Committee", "present"), ("M Goldsmith", "Audit Committee", "present")}),
    ("Kim Brown (Service Director for HROD) presented the report to Members.\n",
     {("Kim Brown", "Audit Committee", "in attendance")}),
    ("Councillor Jeff Morgan (Portfolio Holder for Children) introduced this item.\n",
     {("Jeff Morgan", "Audit Committee", "present")}),
    ("The chair invited Mr Darryl Freeman (Corporate Director, Children and Young People) to provide an update.\n",
     {("Darryl Freeman", "Audit Committee", "in attendance")}),
    ("The committee received an overview of the strategy from Sue Harris, Director of Strategy, and "
     "David Thomas, Associate Director.\n",
     {("Sue Harris", "Audit Committee", "in attendance"), ("David Thomas", "Audit Committee", "in attendance")}),
    # nothing: no meeting record, or no one named
    ("There were no apologies for absence.\n", set()),
])
def test_attendance(text, expected):
    assert attended(text) == expected


def test_no_meeting_no_attendance():
    assert facts_of("Present: Councillors A Smith and B Jones\n", "attendance", title="Annual report") == []


def test_chair_note_marks_the_chair():
    facts = facts_of(HEAD + "Present: Councillor Ann Green (Chairperson), Councillor Bob White\n", "attendance")
    assert {(f.person, f.chair) for f in facts} == {("Ann Green", True), ("Bob White", False)}
