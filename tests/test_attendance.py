"""Attendance: layouts of Present / In attendance / Apologies -> (person, capacity) facts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.facts.attendance import LINE_RULES, RULES
from extract.pipeline import extract_document
from tests.conftest import facts_of, make_document
from tests.rule_examples import examples, gives, read_by_rule, rule_ids_in_source

HEAD = "Minutes of the meeting of Audit Committee held at Shire Hall on Monday 3 June 2024\n\n"


def attended(text: str) -> set[tuple[str, str, str]]:
    return {(f.person, f.body, f.capacity.value) for f in facts_of(HEAD + text, "attendance")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Present: Councillors A Smith (Chair), B Jones and C Brown\n",
            {
                ("A Smith", "Audit Committee", "present"),
                ("B Jones", "Audit Committee", "present"),
                ("C Brown", "Audit Committee", "present"),
            },
        ),
        # a CMIS/ModernGov block: one label a line
        (
            "Present:\nCouncillor Ann Green (Chairperson)\nCouncillor Bob White\n\n"
            "Officers in attendance: Jane Doe (Head of Audit), John Roe (Democratic Services Officer)\n",
            {
                ("Ann Green", "Audit Committee", "present"),
                ("Bob White", "Audit Committee", "present"),
                ("Jane Doe", "Audit Committee", "in attendance"),
                ("John Roe", "Audit Committee", "in attendance"),
            },
        ),
        (
            "Apologies for absence were received from Cllrs R Bailey, S Bennett-Wake and N Cook. "
            "Cllrs L Wardlaw, A Burton and M Goldsmith attended as substitutes.\n",
            {
                ("R Bailey", "Audit Committee", "apologies"),
                ("S Bennett-Wake", "Audit Committee", "apologies"),
                ("N Cook", "Audit Committee", "apologies"),
                ("L Wardlaw", "Audit Committee", "present"),
                ("A Burton", "Audit Committee", "present"),
                ("M Goldsmith", "Audit Committee", "present"),
            },
        ),
        (
            "Kim Brown (Service Director for HROD) presented the report to Members.\n",
            {("Kim Brown", "Audit Committee", "in attendance")},
        ),
        (
            "Councillor Jeff Morgan (Portfolio Holder for Children) introduced this item.\n",
            {("Jeff Morgan", "Audit Committee", "present")},
        ),
        (
            "The chair invited Mr Darryl Freeman (Corporate Director, Children and Young People) to provide an update.\n",
            {("Darryl Freeman", "Audit Committee", "in attendance")},
        ),
        (
            "The committee received an overview of the strategy from Sue Harris, Director of Strategy, and "
            "David Thomas, Associate Director.\n",
            {
                ("Sue Harris", "Audit Committee", "in attendance"),
                ("David Thomas", "Audit Committee", "in attendance"),
            },
        ),
        # nothing: no meeting record, or no one named
        ("There were no apologies for absence.\n", set()),
    ],
)
def test_attendance(text, expected):
    assert attended(text) == expected


def test_no_meeting_no_attendance():
    assert facts_of("Present: Councillors A Smith and B Jones\n", "attendance", title="Annual report") == []


def test_chair_note_marks_the_chair():
    facts = facts_of(
        HEAD + "Present: Councillor Ann Green (Chairperson), Councillor Bob White\n", "attendance"
    )
    assert {(f.person, f.chair) for f in facts} == {("Ann Green", True), ("Bob White", False)}


# layouts of other councils' committee systems (CMIS, printed ModernGov PDFs, combined authorities)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CMIS: chair first, then "Councillors B, C and D"; labels in capitals
        (
            "PRESENT: Councillor M Okafor (Chair); Councillors J Whitcombe (Vice-Chair), R Delaney and A Hartley-Boyd\n\n"
            "ALSO PRESENT: Councillor F Mbeki (Cabinet Member for Housing)\n\nAPOLOGIES: Councillors S Featherstone and L Carrow\n",
            {
                ("M Okafor", "present"),
                ("J Whitcombe", "present"),
                ("R Delaney", "present"),
                ("A Hartley-Boyd", "present"),
                ("F Mbeki", "in attendance"),
                ("S Featherstone", "apologies"),
                ("L Carrow", "apologies"),
            },
        ),
        (
            "Members Present: Cllr D Abernethy (Chairman), Cllr W Ironside (Vice Chairman)\n\n"
            "Officers in Attendance: N Radcliffe (Development Manager), H Osei (Senior Planning Officer)\n",
            {
                ("D Abernethy", "present"),
                ("W Ironside", "present"),
                ("N Radcliffe", "in attendance"),
                ("H Osei", "in attendance"),
            },
        ),
        # a printed PDF: one person a line, officers with their title after a dash
        (
            "Present:\nCouncillor Helen Brackley (Chairman)\nMr Alan Pryce (Independent Member)\n\nAlso Present:\n"
            "Councillor Rosemary Quayle\n\nOfficers:\nJane Whitlock \u2013 Chief Finance Officer\n"
            "Simon Areola \u2013 Head of Internal Audit\n\n1 Apologies for Absence\n",
            {
                ("Helen Brackley", "present"),
                ("Alan Pryce", "present"),
                ("Rosemary Quayle", "in attendance"),
                ("Jane Whitlock", "in attendance"),
                ("Simon Areola", "in attendance"),
            },
        ),
        # "In the Chair:", members by the council they represent, a substitute named in the apologies
        (
            "In the Chair: Mayor Jo Prentice\n\nConstituent council members:\nCouncillor Andrew Falconer \u2013 Westbury "
            "City Council\n\nApologies:\nCouncillor Tom Everley (Westbury City Council), substituted by Councillor Rita "
            "Hambleton\n",
            {
                ("Jo Prentice", "present"),
                ("Andrew Falconer", "present"),
                ("Tom Everley", "apologies"),
                ("Rita Hambleton", "present"),
            },
        ),
        ("Absent: Councillor Ann Green\n", {("Ann Green", "apologies")}),
        # a surname the Present block gives in full is the same person
        (
            "Present: Councillors R Delaney and P Szymanski\n\nCouncillor Delaney declared an interest in item 5.\n",
            {("R Delaney", "present"), ("P Szymanski", "present")},
        ),
        # nothing: a label-less sentence, a label over running text
        ("Officers will report back to the next meeting.\n", set()),
        ("Apologies:\n\nThe Chair welcomed everyone to the meeting.\n", set()),
    ],
)
def test_attendance_other_layouts(text, expected):
    assert {(f.person, f.capacity.value) for f in facts_of(HEAD + text, "attendance")} == expected


def test_in_the_chair_marks_the_chair():
    facts = facts_of(HEAD + "In the Chair: Councillor Ann Green\nCouncillor Bob White\n", "attendance")
    assert {(f.person, f.chair) for f in facts} == {("Ann Green", True), ("Bob White", False)}


def test_attendance_table_with_a_status_column():
    text = (
        "Attendee\tRole\tAttendance\nCouncillor Gareth Penn\tChair\tPresent\nDr Imogen Hart\tVice-Chair\tPresent\n"
        "Councillor Amy Ford\tBoard Member\tApologies\nSimon Vickers\tHealthwatch\tExpected\n"
        "Paula Renshaw\tDirector of Public Health\tNot required\n"
    )
    facts = facts_of(HEAD + text, "attendance")
    assert {(f.person, f.capacity.value, f.chair) for f in facts} == {
        ("Gareth Penn", "present", True),
        ("Imogen Hart", "present", False),
        ("Amy Ford", "apologies", False),
        ("Simon Vickers", "present", False),
    }
    for f in facts:
        assert (HEAD + text)[f.evidence.start : f.evidence.end] == f.evidence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cabinet Members present:\nCouncillor Robert Ainsley (Leader)\n\nOther members present: Councillor Neil Yardley\n",
            {("Robert Ainsley", "present"), ("Neil Yardley", "in attendance")},
        ),
        # a hearing: the panel on a "Members:" line, its officers by their function
        (
            "Members: Councillors Hazel Thorne (Chair), Imran Baig and Colette Price\nLegal adviser: Owen Fairclough, Senior "
            "Solicitor\nLicensing officer: Rhian Matthews\n",
            {
                ("Hazel Thorne", "present"),
                ("Imran Baig", "present"),
                ("Colette Price", "present"),
                ("Owen Fairclough", "in attendance"),
                ("Rhian Matthews", "in attendance"),
            },
        ),
        # a parish council: initials with full stops, a councillor of another tier in attendance
        (
            "Present: Cllrs A. Brownlow (Chairman), C. Davenport and K. Lambert\nIn attendance: Mrs G. Hollins (Clerk), "
            "County Councillor P. Radford and 3 members of the public\n",
            {
                ("A. Brownlow", "present"),
                ("C. Davenport", "present"),
                ("K. Lambert", "present"),
                ("G. Hollins", "in attendance"),
                ("P. Radford", "in attendance"),
            },
        ),
        (
            "Attendees: Sir Alan Tremlett (Independent Chair) (AT), Joanne Kirby, Director of Children's Services (JK)\n",
            {("Alan Tremlett", "present"), ("Joanne Kirby", "present")},
        ),
    ],
)
def test_attendance_more_layouts(text, expected):
    assert {(f.person, f.capacity.value) for f in facts_of(HEAD + text, "attendance")} == expected


def test_members_line_of_an_agenda_is_no_attendance():
    text = "AGENDA\n\nMinutes of the meeting of Audit Committee held at Shire Hall on 3 June 2024\n\nMembers: Councillors Ann Green and Bob White\n"
    assert facts_of(text, "attendance") == []


def test_cmis_labels_alone_on_their_line():
    # CMIS meeting pages: "In Attendance" and "Apologies" stand alone; the officers run on one long line
    text = (
        HEAD + "In Attendance\nR Okoro, Director of Finance; M Begum, Head of Policy and T Lyle, Committee "
        "Services Officer (all Finance & Resources).\nApologies\nApologies from members.\n"
        "Councillors Dowd and K Mair.\n"
    )
    got = {(f.person, f.capacity.value) for f in facts_of(text, "attendance")}
    assert {
        ("R Okoro", "in attendance"),
        ("M Begum", "in attendance"),
        ("T Lyle", "in attendance"),
        ("Dowd", "apologies"),
        ("K Mair", "apologies"),
    } <= got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who moved, seconded or made a declaration was there, in any of the ways minutes say it
        (
            "It was proposed by Councillor Ince, seconded by Councillor Mrs Oakes and\nRESOLVED: That Councillor "
            "B J Lunn be elected Mayor.\n",
            {("Ince", "present"), ("Oakes", "present"), ("B J Lunn", "present")},
        ),
        (
            "It was moved by Councillor I.T. Haddow and seconded by Councillor A.C. Hume that the report be noted.\n",
            {("I.T. Haddow", "present"), ("A.C. Hume", "present")},
        ),
        (
            "PROPOSED by Councillor J F Kemble Seconded by Councillor J Crowe, and\nRESOLVED: that the minutes be "
            "signed.\n",
            {("J F Kemble", "present"), ("J Crowe", "present")},
        ),
        (
            "Councillor Fenwick MOVED and Councillor Sayle SECONDED that the meeting be adjourned.\n",
            {("Fenwick", "present"), ("Sayle", "present")},
        ),
        (
            "Councillor Ferrie, seconded by Bailie Wrenn, moved that Bailie Regis be appointed.\n",
            {("Ferrie", "present"), ("Wrenn", "present")},
        ),
        (
            "His appointment was proposed by Council Leader Councillor Jo Harrow and seconded by Councillor Hurst.\n",
            {("Jo Harrow", "present"), ("Hurst", "present")},
        ),
        ("Cllr. Ian Hewlett made announcements on the following.\n", {("Ian Hewlett", "present")}),
        (
            "Councillor Kel Finch-Cole made and signed the Declaration of Acceptance of Office of Leader.\n",
            {("Kel Finch-Cole", "present")},
        ),
        (
            "Councillors John Chater, Rita Foote and Mo Gupta all declared interests in item 10.\n",
            {("John Chater", "present"), ("Rita Foote", "present"), ("Mo Gupta", "present")},
        ),
        # apologies in the Scottish and other wordings
        (
            "Apologies for absence were intimated from Councillors Kinross, R E Mackie and Dale. Apologies also from "
            "Alys Palmer and Will Crossley, teacher and religious representatives.\n",
            {
                ("Kinross", "apologies"),
                ("R E Mackie", "apologies"),
                ("Dale", "apologies"),
                ("Alys Palmer", "apologies"),
                ("Will Crossley", "apologies"),
            },
        ),
        (
            "Apologies for absence were received by Councillors Dee Barton and Doug Hume.\n",
            {("Dee Barton", "apologies"), ("Doug Hume", "apologies")},
        ),
        # a flattened list of officers: each a name, a comma and a title, nothing between a title and the next name
        (
            "In Attendance:\nJim Bowie, Chief Finance Officer, Governance & Resources Tony Carne, Head of Housing "
            "& Customer Service Dee Cilliers, Head of Social Services Bob Jago, Chief Executive\n",
            {
                ("Jim Bowie", "in attendance"),
                ("Tony Carne", "in attendance"),
                ("Dee Cilliers", "in attendance"),
                ("Bob Jago", "in attendance"),
            },
        ),
        # "Mrs." and "Cllr." end no item of a list
        (
            "Present: Councillor V.J. Bale (Chairman); Councillors Mrs. P. Drury, G. Johns and Ms. S. Sivan.\n",
            {
                ("V.J. Bale", "present"),
                ("P. Drury", "present"),
                ("G. Johns", "present"),
                ("S. Sivan", "present"),
            },
        ),
        # a parish council's Present block ends at its first numbered minute ("100/19")
        (
            "Present Coun Kelso\nCoun Carrow\n100/19 - APOLOGIES - none\nHighfield House, North Drove, approved.\n"
            "Butterfield, The Gauntlet, approved.\n",
            {("Kelso", "present"), ("Carrow", "present")},
        ),
        # a Scottish record flattened into its first line: present, attending (name, title; ...), apologies
        (
            "PRESENT: Councillors Rhona Kerr (Chair), Drew Filby and Jamie Souter. ATTENDING: Fay Leask, Chief "
            "Executive; Lisa Mort, Head of Asset Management, Procurement and Communication; and Jules McGarvie, "
            "Administration Manager. APOLOGIES: Councillors Will Coffin and Eric Rosser. CHAIR: Councillor Rhona Kerr.\n",
            {
                ("Rhona Kerr", "present"),
                ("Drew Filby", "present"),
                ("Jamie Souter", "present"),
                ("Fay Leask", "in attendance"),
                ("Lisa Mort", "in attendance"),
                ("Jules McGarvie", "in attendance"),
                ("Will Coffin", "apologies"),
                ("Eric Rosser", "apologies"),
            },
        ),
        # substitutes, in the words of several councils
        (
            "Dr Lorna Parr attended in person for Dr Mick Hearn. Councillor Polly Andrade was present as the named "
            "substitute for Councillor Mark Dyke.\n",
            {("Lorna Parr", "present"), ("Polly Andrade", "present")},
        ),
        # who was welcomed to the meeting
        (
            "The Mayor welcomed Cllr Steve Cole to his first Council meeting. The Provost extended a warm welcome to "
            "Cleland Sneath on behalf of the Council.\n",
            {("Steve Cole", "present"), ("Cleland Sneath", "in attendance")},
        ),
        # apologies said after the names
        (
            "Councillors Gwen Pryce and Huw Rhys apologised for their inability to attend the meeting.\n\n"
            "James Starling, also apologised for his inability to attend the meeting.\n",
            {("Gwen Pryce", "apologies"), ("Huw Rhys", "apologies"), ("James Starling", "apologies")},
        ),
        # a recorded vote: every voter was there
        (
            "For the motion \u2013 2\n\n(Councillors Dora Adey and Alun Bale.)\n\nAgainst the motion \u2013 1\n\n"
            "(Councillor Pete Rowan.)\n",
            {("Dora Adey", "present"), ("Alun Bale", "present"), ("Pete Rowan", "present")},
        ),
        (
            "The Chairman, Councillor Ifor Daniel extended his condolences to the family of a former member.\n",
            {("Ifor Daniel", "present")},
        ),
        # nothing: a motion without a name, a nominee, a sentence after "Councillors" that lists no one
        ("It was moved by the Mayor, seconded by the Deputy Mayor and agreed.\n", set()),
        ("The Leader nominated Councillor Ann Pell for the post.\n", set()),
        ("Councillors were reminded that they declared interests at the start.\n", set()),
        ("The committee apologised for the delay in publishing the report.\n", set()),
        ("The Chair welcomed everyone to the meeting.\n", set()),
        ("The Board welcomed Members' views on the draft plan.\n", set()),
        ("RESOLVED: That Councillor Ann Pell be appointed to the Fire Authority.\n", set()),
        ("Members voted for the motion after a short debate.\n", set()),
    ],
)
def test_attendance_from_what_members_did(text, expected):
    assert {(f.person, f.capacity.value) for f in facts_of(HEAD + text, "attendance")} == expected


def test_present_block_of_a_page_with_a_blank_line_after_every_line():
    lines = [
        "Present:-",
        " ",
        "Lord Provost Jon R LETHAM",
        " ",
        "BAILIES",
        " ",
        "Gus REID",
        "Helen WREN",
        " ",
        "COUNCILLORS",
        " ",
        "Kev KEEGAN",
        "Joan MORRAY",
        " ",
        "I FINANCE BOARD",
        " ",
        "It was reported that the Council had been invited to fill a vacancy.",
        " ",
        "Agreed.",
        " ",
        "Noted.",
    ]
    text = "\n\n".join(lines) + "\n"
    got = {(f.person, f.capacity.value) for f in facts_of(HEAD + "\n" + text, "attendance")}
    assert got == {
        (n, "present") for n in ("Jon R Letham", "Gus Reid", "Helen Wren", "Kev Keegan", "Joan Morray")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one column: surnames alone and first names with surnames, in alphabetical order of surname
        (
            "Present\n\nCouncillors Abbot Kay Ames Lee Ames Roy Archer (Chairman) Bell Burt MBE Cole Cray Dunn Eade "
            "Fenn\n",
            {
                "Abbot",
                "Kay Ames",
                "Lee Ames",
                "Roy Archer",
                "Bell",
                "Burt",
                "Cole",
                "Cray",
                "Dunn",
                "Eade",
                "Fenn",
            },
        ),
        # two columns read across: each column in order
        (
            "Present:- COUNCILLORS Ada Bligh Ken Lamb Eve Bligh Tom Lowe Ray C Booth Ian Lusk Sam Brett Kim Lynn "
            "In attendance: none\n",
            {
                "Ada Bligh",
                "Ken Lamb",
                "Eve Bligh",
                "Tom Lowe",
                "Ray C Booth",
                "Ian Lusk",
                "Sam Brett",
                "Kim Lynn",
            },
        ),
    ],
)
def test_names_flattened_without_separators(text, expected):
    assert {f.person for f in facts_of(HEAD + text, "attendance")} == expected


# --- every rule of the tables reads its own example --------------------------------------------

RULE_EXAMPLES = examples("attendance")


@pytest.mark.parametrize("example", RULE_EXAMPLES, ids=[e["id"] for e in RULE_EXAMPLES])
def test_every_rule_example_gives_its_fact(example):
    assert gives(example), (example["expect"], read_by_rule(example))


def test_every_rule_is_in_the_tables_and_has_an_example():
    table = {r.id for r in RULES} | {i for r in LINE_RULES for i in (r.id, *r.also)}
    assert rule_ids_in_source("extract/facts/attendance.py", "attendance") == table
    assert table <= {e["id"] for e in RULE_EXAMPLES}


# --- a story that reports a meeting (pool pages of four councils' papers and press offices) ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the councillor a sentence about the meeting is about was there; the story's full name is kept
        (
            "Councillor Wyn Padarn has stepped down as mayor.\n"
            "Cllr Padarn stepped down at a meeting of the full council on Tuesday night.\n",
            {("Wyn Padarn", "present", "2024-07-30")},
        ),
        (
            "A new leader was chosen at the council's annual meeting on 16 May.\n"
            "But at the meeting a rival emerged, as group leader Cllr Ifan Rowe also stood.\n",
            {("Ifan Rowe", "present", "2024-05-16")},
        ),
    ],
)
def test_attendance_in_a_story_about_a_meeting(text, expected):
    got = {(f.person, f.capacity.value, f.meeting_date.iso) for f in facts_of(text, "attendance")}
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        # absent, or before the meeting: no one
        "A new leader was chosen at the council's annual meeting on 16 May.\n"
        "Cllr Ifan Rowe, who was unable to attend the meeting, sent his good wishes.\n"
        "Ahead of the meeting Cllr Lois Dee had won her group's backing.\n",
        # a story that names no meeting of the council records none, so no attendance
        "Cllr Ifan Rowe said at a meeting of residents that the bridge would reopen.\n",
        # a story reports who was elected, not who was there
        "A leader was chosen at the council's annual meeting on 16 May.\nCllr Lois Dee was re-elected as deputy leader.\n",
    ],
)
def test_no_attendance_from_a_story_without_a_councillor_there(text):
    assert facts_of(text, "attendance") == []


# --- officers a PDF ran together, each opened by a courtesy title (two councils' flattened minutes) -------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # under "In attendance: (Councillors)", the officials' group after a blank line, run together
        (
            "In attendance: (Councillors)\n\nCouncillor T Abbot Councillor R Bryn\n\n"
            "(Officials)Mr L Hanley, Chief ExecutiveMrs D Carrow, Director of Corporate Services\n\n1. APOLOGIES\n",
            {"T Abbot", "R Bryn", "L Hanley", "D Carrow"},
        ),
        # a record flattened into one line: the members' group, then the officials', then the apologies
        (
            "Held in the Chamber In attendance: (Councillors) Councillor T Abbot Councillor R Bryn (Officials) "
            "Mr. L Hanley, Chief Executive Ms S Tagg, Democratic Services Officer SC/35/2018 APOLOGIES Apologies "
            "were received from Councillor Orr.\n",
            {"T Abbot", "R Bryn", "L Hanley", "S Tagg", "Orr"},
        ),
        # "Officers in" / "Attendance:" of two columns flattened: the Present list ends where the officers begin
        (
            "Held in the Chamber Members Present: Councillor Dunn, Chair Councillors Ames, Bell and Cray Officers in "
            "Mr A Tole, Chief Executive Attendance: Dr Boyce, Planning Manager Mr Moffat Head of Democratic Services "
            "The meeting commenced at 7pm C30/16 Apologies Councillor T Quill\n",
            {"Dunn", "Bell", "Cray", "A Tole", "Boyce", "Moffat"},
        ),
    ],
)
def test_officers_run_together_by_courtesy_title(text, expected):
    got = {f.person for f in facts_of(HEAD + text, "attendance")}
    assert expected <= got
    assert not any(" Mr " in f" {p} " or "Services" in p for p in got)  # no title run into a name


def test_a_list_without_courtesy_titles_is_not_a_run():
    text = "In attendance:\nRuth Gale, Chief Finance Officer\nMr Tam Hollis and Ms Ivy Lomond, clerks\n"
    people = {f.person for f in facts_of(HEAD + text, "attendance")}
    assert "Ruth Gale" in people and not any("clerks" in p for p in people)


# --- records flattened into one line without their labels' colons (Northern Irish councils' PDFs) -------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the chair before the Present label; each group's label inside the list starts a list of its own
        (
            "Held at Mill House In the Chair : The Mayor (Alderman K Dorley) Members Present : Aldermen – P Ashe, "
            "R Quill and S Teague Councillors – T Orme, U Lacey and V Penn Officers Present : Chief Executive\n",
            {"K Dorley", "P Ashe", "R Quill", "S Teague", "T Orme", "U Lacey", "V Penn"},
        ),
        (
            "Held at Mill House In the Chair: Councillor M Murrow In attendance: (Councillors) Councillor T Abbot "
            "Councillor R Bryn\n",
            {"M Murrow", "T Abbot", "R Bryn"},
        ),
        # a label without its colon, names that open with initials and nothing between them
        (
            "Other Members Present J K Aldous T Bream Mrs L M Cathcart P Denny Miss G H Ellwood\n",
            {"J K Aldous", "T Bream", "L M Cathcart", "P Denny", "G H Ellwood"},
        ),
        # two columns of a PDF run through the label ("PRESENT IN ... CHAMBER:"), labels of the other column left
        (
            "held on Tuesday 23 June 2020 PRESENT IN The Mayor CHAMBER: Councillor N Tremble Aldermen O Gale and "
            "S Marr Councillors N Ames, H Legg PRESENT IN REMOTE Aldermen J Bard, D Drew, LOCATION: A Ewer "
            "IN ATTENDANCE: Chief Executive\n",
            {"N Tremble", "O Gale", "S Marr", "N Ames", "H Legg", "J Bard", "D Drew", "A Ewer"},
        ),
    ],
)
def test_flattened_records_without_colons(text, expected):
    got = {f.person for f in facts_of(HEAD + text, "attendance")}
    assert got == expected
    chairs = {f.person for f in facts_of(HEAD + text, "attendance") if f.chair}
    assert chairs <= {"K Dorley", "M Murrow"}


@pytest.mark.parametrize(
    "text",
    [
        "ITEM 4 TO PRESENT THE ANNUAL REPORT OF THE AUDIT MANAGER\n",  # "PRESENT" as a verb in a heading
        "The Chief Executive will PRESENT IN DETAIL the Budget Report and Forecast.\n",
        "Members Present agreed to defer the item.\n",  # a sentence, not a list
    ],
)
def test_a_colonless_present_that_is_no_label(text):
    assert facts_of(HEAD + text, "attendance") == []


def test_in_attendance_names_with_no_separators():
    text = "In Attendance\n\nMaria Holt Ben Ives Cora Jones Dev Kapoor Ed Lyle Fay Moss\n\nMinutes\n"
    assert {f.person for f in facts_of(HEAD + text, "attendance")} == {
        "Maria Holt",
        "Ben Ives",
        "Cora Jones",
        "Dev Kapoor",
        "Ed Lyle",
        "Fay Moss",
    }


def test_presided_is_present_in_the_chair():
    facts = facts_of(HEAD + "Provost K Lorimer, Convener, presided.\n", "attendance")
    assert [(f.person, f.capacity.value, f.chair) for f in facts] == [("K Lorimer", "present", True)]


def test_a_post_then_its_holder_then_what_they_did():
    text = "The Director of Place, Mrs Ola Fenwick, introduced the report. The Lady Mayoress, Mrs Ivy Dunn, reported.\n"
    got = {(f.person, f.capacity.value) for f in facts_of(HEAD + text, "attendance")}
    assert got == {("Ola Fenwick", "in attendance"), ("Ivy Dunn", "in attendance")}
    # a post and a holder who did nothing at the meeting: no one
    assert facts_of(HEAD + "The Chief Executive, Mr Al Brook, is on leave.\n", "attendance") == []


def test_what_a_councillor_told_a_reporter_is_no_attendance():
    text = (
        "Cllr Rhian Tegid was chosen as leader at the council's annual meeting on 16 May.\n"
        "Cllr Amy Vane confirmed that she would stand again next year.\n"
    )
    story = replace(make_document(text), kind="news")
    people = {f.person for f in extract_document(story).facts if f.fact_type == "attendance"}
    assert "Rhian Tegid" in people and "Amy Vane" not in people


HEAD_LINE = "Minutes of the meeting of the Licensing Committee held at the Guildhall on 14 May 2024\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # officers each after their post and a dash, flattened into the record's one line
        (
            "Held in the Chamber PRESENT: Councillors Ames and Bell Officers Present : Chief Executive – R Tolley "
            "Head of Legal Services – Mrs K Imrie 1 WELCOME The Chair opened the meeting.\n",
            {("R Tolley", "in attendance"), ("K Imrie", "in attendance")},
        ),
        # one name with a note after a dash is a name and its note, not a post and a name
        ("In attendance: Maya Crane – Licensing Manager\n", {("Maya Crane", "in attendance")}),
        # late is there; an apology with no lateness is an apology
        ("An apology for lateness was received from Councillor Rui Santos.\n", {("Rui Santos", "present")}),
        ("Councillor Penrose gave an apology for the meeting.\n", {("Penrose", "apologies")}),
        # a table's cell ends the list: "| " is no part of the last name
        (
            "Apologies Minutes: An apology of absence was received from Councillor N Ruiz. |\n",
            {("N Ruiz", "apologies")},
        ),
        # the words between a councillor and "seconded" are a role, never another councillor
        (
            "Councillor Ada Lowry proposed Councillor Ben Marsh, Councillor Cal Nunn seconded the nomination.\n",
            {("Ada Lowry", "present"), ("Cal Nunn", "present")},
        ),
    ],
)
def test_officer_runs_lateness_and_seconders(text, expected):
    got = {(f.person, f.capacity.value) for f in facts_of(HEAD_LINE + text, "attendance")}
    assert expected <= got
    assert not {p for p, _c in got} & {"Chief Executive", "Licensing Manager", "Ben Marsh"}
