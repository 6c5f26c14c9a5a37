"""Decisions: sentence and layout -> the decisions a careful reader writes down (and what must give none)."""

from __future__ import annotations

import pytest

from extract.facts.decisions import RULES, sentence_patterns
from tests.conftest import facts_of
from tests.rule_examples import examples, gives, read_by_rule, rule_ids_in_source


def _decisions(text: str, **meta) -> list[tuple[str, str, str | None]]:
    facts = facts_of(text, "decision", **meta)
    for f in facts:
        assert f.evidence.text.strip(), f
    return [(f.text, f.kind.value, f.date.iso if f.date else None) for f in facts]


# --- every pattern of patterns/decisions.jsonl reads its own example ---------------------------


@pytest.mark.parametrize("pattern", sentence_patterns(), ids=lambda p: p.id)
def test_pattern_example(pattern):
    assert pattern.rx.search(pattern.example), pattern.id
    texts = [t for t, _k, _d in _decisions(pattern.example + "\n")]
    assert pattern.expect in texts, (pattern.id, texts)


# --- resolution blocks, recommendation blocks, records, sentences ------------------------------

CASES = [
    # ModernGov minutes: keyword and text on one line
    (
        "Resolved: That the minutes of the meeting held on 7 May 2024 be confirmed as a correct record.\n",
        [
            (
                "That the minutes of the meeting held on 7 May 2024 be confirmed as a correct record.",
                "resolved",
                "2024-07-30",
            )
        ],
    ),
    # keyword alone, lettered items below it after blank lines, a noted item
    (
        "Resolved: That\n\n\n(a)\u00a0\u00a0 The external audit report at Appendix 1 be noted.\n\n"
        "(b)\u00a0\u00a0 The committee form a task and finish group to scope governance work.\n",
        [
            ("The external audit report at Appendix 1 be noted.", "noted", "2024-07-30"),
            (
                "The committee form a task and finish group to scope governance work.",
                "resolved",
                "2024-07-30",
            ),
        ],
    ),
    # markdown list with sub-items joined to their item, ending at the next minute heading
    (
        "Resolved that:\n\n- 1. That the council review its complaints web page.**\n\n"
        "2. **That scrutiny asks that consideration be given to**\n - i. **having an independent investigator**\n"
        " - ii. **understanding who complains**\n\n18. WORK PROGRAMME\n\nNo updates.\n",
        [
            ("That the council review its complaints web page.", "resolved", "2024-07-30"),
            (
                "That scrutiny asks that consideration be given to i. having an independent investigator "
                "ii. understanding who complains",
                "resolved",
                "2024-07-30",
            ),
        ],
    ),
    # CMIS style: "RESOLVED – (i) that ...", roman items are siblings, "; and" dropped
    (
        "RESOLVED \u2013 (i) that the revenue budget monitoring position be noted;\n"
        "(ii) that the virements set out in Appendix B be approved; and\n"
        "(iii) that a further report be brought to the next meeting.\n\n46. ANY OTHER BUSINESS\n",
        [
            ("That the revenue budget monitoring position be noted", "noted", "2024-07-30"),
            ("That the virements set out in Appendix B be approved", "resolved", "2024-07-30"),
            ("That a further report be brought to the next meeting.", "resolved", "2024-07-30"),
        ],
    ),
    (
        "ORDERED that the press and public be excluded from the meeting for the following item.\n",
        [
            (
                "That the press and public be excluded from the meeting for the following item.",
                "resolved",
                "2024-07-30",
            )
        ],
    ),
    (
        "DECIDED: That the application be refused for the reasons set out in the report.\n",
        [
            (
                "That the application be refused for the reasons set out in the report.",
                "resolved",
                "2024-07-30",
            )
        ],
    ),
    # motions, votes and a resolution written as a paragraph
    (
        "It was moved, seconded and RESOLVED that the scheme be approved.\n",
        [("That the scheme be approved.", "resolved", "2024-07-30")],
    ),
    (
        "RESOLVED (unanimously) that the appointment be confirmed.\n",
        [("That the appointment be confirmed.", "resolved", "2024-07-30")],
    ),
    (
        "RESOLVED:\n\nMembers agreed the revised terms of reference.\n\n5. NEXT MEETING\n",
        [("Members agreed the revised terms of reference.", "resolved", "2024-07-30")],
    ),
    (
        "RECOMMENDED to Council that the budget for 2025/26 be approved.\n",
        [("That the budget for 2025/26 be approved.", "recommendation", "2024-07-30")],
    ),
    # a report's recommendations, dated by the meeting the report is for
    (
        "Title of report: Annual audit letter\n\nMeeting: Audit Committee\n\nMeeting date: Monday 3 March 2025\n\n"
        "Recommendation(s)\n\nThat:\n\n(a) the annual audit letter be noted; and\n"
        "(b) the committee approves the internal audit plan for 2025/26.\n\nAlternative options\n\n1. None.\n",
        [
            ("the annual audit letter be noted", "recommendation", "2025-03-03"),
            ("the committee approves the internal audit plan for 2025/26.", "recommendation", "2025-03-03"),
        ],
    ),
    # a ModernGov decision record of an officer: delegated, dated by the record
    (
        "Decisions\n\n03/02/2023 - Award of contract for school transport ref: 1234    For Determination\n\n"
        "To award the contract for home to school transport routes to the preferred bidders.\n\n"
        "Decision Maker: Director of Children's Services\n\nDecision published: 03/02/2023\n\n"
        "Lead officer: John Brown\n",
        [
            (
                "Award of contract for school transport - To award the contract for home to school transport routes to "
                "the preferred bidders",
                "delegated decision",
                "2023-02-03",
            )
        ],
    ),
    # a forward plan row: still to be decided, dated by its due date
    (
        "Forthcoming decisions\n\n12/03/2025 - Adult social care charging policy\n\n"
        "To approve a revised charging policy for adult social care services.\n\n"
        "Decision Maker: Cabinet Member for Adult Social Care\n\nDecision due date: 15/04/2025\n\n"
        "Lead officer: Jane Smith\n\nNotice of decision: 12/03/2025\n",
        [
            (
                "To approve a revised charging policy for adult social care services",
                "recommendation",
                "2025-04-15",
            )
        ],
    ),
    # a decision page: numbered decisions without a keyword, dated by the date of decision
    (
        "Decision Maker: Cabinet\n\nDecision status: Recommendations Approved\n\nReport seeking approval to consult.\n"
        "1) Approve the commencement of public consultation, and\nengagement with partner agencies on the redesign;"
        " and\n2) Approve an in-principle decision for public consultation.\nReport author: Chris Caley\n"
        "Date of decision: 01/02/2024\n",
        [
            (
                "Approve the commencement of public consultation, and engagement with partner agencies on the redesign",
                "resolved",
                "2024-02-01",
            ),
            ("Approve an in-principle decision for public consultation.", "resolved", "2024-02-01"),
        ],
    ),
    # sentences that give their own date
    (
        "A phase two of this plan was agreed at the Improvement Board on 17th July 24.\n",
        [
            (
                "A phase two of this plan was agreed at the Improvement Board on 17th July 24.",
                "resolved",
                "2024-07-17",
            )
        ],
    ),
    (
        "Employment Panel on 14 January agreed to commence the recruitment to senior posts.\n",
        [
            (
                "Employment Panel on 14 January agreed to commence the recruitment to senior posts.",
                "resolved",
                "2015-01-14",
            )
        ],
    ),
    # a day and month without a year: before the paper, in the financial year it covers
    (
        "Protocol established and approved by the Board at its meeting on 22nd October.\n",
        [
            (
                "Protocol established and approved by the Board at its meeting on 22nd October.",
                "resolved",
                "2014-10-22",
            )
        ],
    ),
    (
        "The new constitution was approved by Full Council on 12 May 2023.\n",
        [("The new constitution was approved by Full Council on 12 May 2023.", "resolved", "2023-05-12")],
    ),
    # an individual decision, and a lead-in that only reports it
    (
        "The Cabinet Member for Housing approved the allocation of the grant to the three schemes.\n",
        [
            (
                "The Cabinet Member for Housing approved the allocation of the grant to the three schemes.",
                "delegated decision",
                "2024-07-30",
            )
        ],
    ),
    (
        "The Chair advised that following a competitive process, Paul Marshall had been appointed as Deputy "
        "Chief Executive.\n",
        [
            (
                "following a competitive process, Paul Marshall had been appointed as Deputy Chief Executive.",
                "resolved",
                "2024-07-30",
            )
        ],
    ),
    # one decision read twice (the minute's narrative and its resolution) is one decision
    (
        "A vote was taken and Councillor Phillips was elected Chairperson of the Council.\n\n"
        "RESOLVED: That Councillor Roger Phillips is elected Chairperson of the Council for the year.\n",
        [
            (
                "That Councillor Roger Phillips is elected Chairperson of the Council for the year.",
                "resolved",
                "2024-07-30",
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_decisions(text, expected):
    meta = {"date": "2015"} if "14 January" in text else {}
    if "22nd October" in text:
        meta = {"date": "2015-01-20"}
    assert _decisions(text, **meta) == expected


NOTHING = [
    "The committee discussed the report at length and members asked questions about the budget.\n",
    "Recommendations to further develop the action plan were discussed.\n",
    "If approved by Cabinet, the scheme will start in April.\n",
    "Decision Maker: Cabinet\n",
    "RESOLVED\n\n5. ANY OTHER BUSINESS\n",
    "Decided at meeting: 17/02/2022 - Cabinet\n",
    "Decision type\n\nThis is not an executive decision\n",
    "The committee noted that every family had been contacted.\n",
    "The Improvement Board is chaired by the DfE appointed Children's Commissioner.\n",
    "Agreed management action plan\tOwner\tTimescale\n",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_decision(text):
    assert _decisions(text) == []


def test_evidence_is_the_document_text():
    text = CASES[2][0]
    for f in facts_of(text, "decision"):
        assert f.evidence.text == text[f.evidence.start : f.evidence.end]


def test_day_and_month_in_a_financial_year_plan():
    text = "Protocol approved by the Safeguarding Board at its meeting on 22nd October.\n"
    facts = facts_of(text, "decision", date="2015", title="Annual Governance Statement 2014/15 action plan")
    assert [f.date.iso for f in facts if f.date] == ["2014-10-22"]


# --- tables: a forward plan or a register of decisions ------------------------------------------


def test_forward_plan_table_rows_are_recommendations_with_maker_date_and_lead():
    text = (
        "Selbourne City Council\nForward Plan of Key Decisions\n\n"
        "Decision\tDecision maker\tDate of decision\tLead officer\n"
        "Adoption of the Homelessness Strategy 2019-2024\tCabinet\t14 November 2018\tFiona Garraway, Head of "
        "Housing\n"
        "Award of the Leisure Management Contract\tCabinet Member for Culture and Leisure\tJanuary 2019\t"
        "Hannah Druce, Leisure Services Manager\n"
    )
    facts = facts_of(text, "decision", date="2018-10-01")
    assert [(f.text, f.kind.value, f.maker, f.date.iso, f.lead_officer) for f in facts] == [
        (
            "Adoption of the Homelessness Strategy 2019-2024",
            "recommendation",
            "Cabinet",
            "2018-11-14",
            "Fiona Garraway",
        ),
        (
            "Award of the Leisure Management Contract",
            "recommendation",
            "Cabinet Member for Culture and Leisure",
            "2019-01",
            "Hannah Druce",
        ),
    ]
    for f in facts:
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text


def test_register_of_decisions_taken_as_a_pipe_table():
    text = (
        "| Decision | Decision maker | Date of decision |\n|---|---|---|\n"
        "| To award the grounds maintenance contract to Greenway Ltd | Director of Place | 9 August 2021 |\n"
        "| To approve the Local Transport Plan for consultation | Cabinet | 12 August 2021 |\n"
    )
    facts = facts_of(text, "decision", date="2021-09-01")
    assert [(f.kind.value, f.maker) for f in facts] == [
        ("delegated decision", "Director of Place"),
        ("resolved", "Cabinet"),
    ]


def test_a_table_without_a_decision_maker_column_gives_no_table_decisions():
    text = "Decision\tDate\nAdoption of the Homelessness Strategy\t14 November 2018\n"
    assert facts_of(text, "decision", date="2018-10-01") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a district planning committee: a dash after RESOLVED, the outcome in capitals
        (
            "RESOLVED \u2013 That planning permission be GRANTED subject to the conditions set out in the report.\n",
            [
                (
                    "That planning permission be GRANTED subject to the conditions set out in the report.",
                    "resolved",
                )
            ],
        ),
        (
            "Resolved \u2013 That the Internal Audit progress report be noted.\n",
            [("That the Internal Audit progress report be noted.", "noted")],
        ),
        # a decision notice: "DECISION:" over its text
        (
            "DECISION:\nThat the draft Local Transport Plan 4 be approved for public consultation for eight weeks.\n\n"
            "REASONS FOR DECISION:\nThe Council is required to consult.\n",
            [
                (
                    "That the draft Local Transport Plan 4 be approved for public consultation for eight weeks.",
                    "resolved",
                )
            ],
        ),
    ],
)
def test_resolutions_of_other_councils(text, expected):
    HEAD = "Minutes of the meeting of Planning Committee held at Vale House on Thursday 22 June 2017\n\n"
    assert [(t, k) for t, k, _d in _decisions(HEAD + text)] == expected


def test_parish_resolved_to():
    text = (
        "Minutes of the Parish Council Meeting held on Monday 9 March 2015 at 7.30pm in the Village Hall\n\n"
        "15/034 Planning\nP/15/0112 - 4 Mill Row, erection of a garden room. It was RESOLVED to support the "
        "application.\nIt was RESOLVED to accept the quote for the grass cutting from Greenway Ltd.\n"
    )
    texts = [t for t, _k, _d in _decisions(text, council="Brampton Parish Council")]
    assert texts == [
        "It was RESOLVED to support the application.",
        "to accept the quote for the grass cutting from Greenway Ltd.",
    ]


# --- every layout rule of the table reads its own example (the sentence patterns: above) ----------

RULE_EXAMPLES = examples("decisions")


@pytest.mark.parametrize("example", RULE_EXAMPLES, ids=[e["id"] for e in RULE_EXAMPLES])
def test_every_rule_example_gives_its_fact(example):
    assert gives(example), (example["expect"], read_by_rule(example))


def test_every_rule_is_in_the_table_and_has_an_example():
    table = {i for r in RULES for i in (r.id, *r.also)}
    assert rule_ids_in_source("extract/facts/decisions.py", "decision") == table
    # "decision.sentence" reads with the patterns of patterns/decisions.jsonl, each with its example
    assert table - {"decision.sentence"} <= {e["id"] for e in RULE_EXAMPLES}
    assert sentence_patterns()


# --- layouts of other councils' pages (issue 21) --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that introduces the resolutions below it gives them, not itself
        (
            "Minutes of the meeting of the Licensing Committee held at the Guildhall on 4 March 2021\n\n"
            "The motion was seconded and on being put to the vote it was AGREED to:\n\n"
            "Defer the review of taxi fares until the survey of drivers has been completed.\n",
            [
                (
                    "Defer the review of taxi fares until the survey of drivers has been completed.",
                    "resolved",
                    "2021-03-04",
                )
            ],
        ),
        # a body's name before the keyword
        (
            "Minutes of the meeting of Council held at the Guildhall on 4 March 2021\n\nCOUNCIL RESOLVED:\n\n"
            "That the pay policy statement for 2021/22 be approved.\n",
            [("That the pay policy statement for 2021/22 be approved.", "resolved", "2021-03-04")],
        ),
        # the date a decision runs to is not the date it was taken
        (
            "Council resolved to extend the interim director's contract to 31 March 2022.\n",
            [
                (
                    "Council resolved to extend the interim director's contract to 31 March 2022.",
                    "resolved",
                    "2021-06-01",
                )
            ],
        ),
        # a council's election, dated by the meeting the sentence names
        (
            "The Council, at its meeting of 29 April 2021, elected Councillor Ann Price Mayor of the borough.\n",
            [
                (
                    "The Council, at its meeting of 29 April 2021, elected Councillor Ann Price Mayor of the borough.",
                    "resolved",
                    "2021-04-29",
                )
            ],
        ),
        # the minutes of an annual meeting, and of a committee, approved or noted
        (
            "The minutes of the annual meeting held on 18 May 2015 were agreed as a correct record.\n",
            [
                (
                    "The minutes of the annual meeting held on 18 May 2015 were agreed as a correct record.",
                    "resolved",
                    "2021-06-01",
                )
            ],
        ),
        # two resolutions of one block that differ only in a name are two decisions
        (
            "Minutes of the meeting of Council held at the Guildhall on 4 March 2021\n\n"
            "COUNCIL RESOLVED - That Councillor Ann Price be elected Mayor of the borough for the municipal year.\n\n"
            "COUNCIL RESOLVED - That Councillor Ben Holt be elected Deputy Mayor of the borough for the municipal year.\n",
            [
                (
                    "That Councillor Ann Price be elected Mayor of the borough for the municipal year.",
                    "resolved",
                    "2021-03-04",
                ),
                (
                    "That Councillor Ben Holt be elected Deputy Mayor of the borough for the municipal year.",
                    "resolved",
                    "2021-03-04",
                ),
            ],
        ),
    ],
)
def test_decisions_on_other_councils_pages(text, expected):
    assert _decisions(text, date="2021-06-01") == expected


def test_a_decision_record_lists_its_resolutions_without_a_keyword():
    text = (
        "20/07/2021 - Library opening hours ref: 5120    Recommendations Approved\n\n"
        "To review library opening hours.\n\nDecision Maker: Cabinet\n\nDecision published: 21/07/2021\n\n"
        "(a)  the revised opening hours in appendix a be approved; and\n\n"
        "(b)  the consultation responses be noted.\n"
    )
    texts = [t for t, _k, _d in _decisions(text)]
    assert "the revised opening hours in appendix a be approved" in texts
    assert "the consultation responses be noted." in texts


# --- more layouts and wordings of other councils' pages (issue 21, fourth round) -------------------

_MINUTES = "Minutes of the meeting of Council held at the Guildhall on 4 March 2021\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a record flattened to one line: each resolution inside it, to the next item's heading in capitals
        (
            "Minutes of the meeting of Council held on 4 March 2021 Present: Councillors Price, Holt and Wade 1 "
            "ELECTION OF MAYOR It was moved by Councillor Holt, seconded by Councillor Wade and RESOLVED That "
            "Councillor Price be elected Mayor of the Borough for the ensuing year 2 MINUTES RESOLVED That the "
            "minutes of the meeting held on 4 February 2021 be approved as a correct record. 3 ANNOUNCEMENTS None.\n",
            [
                (
                    "That Councillor Price be elected Mayor of the Borough for the ensuing year",
                    "resolved",
                    "2021-03-04",
                ),
                (
                    "That the minutes of the meeting held on 4 February 2021 be approved as a correct record.",
                    "resolved",
                    "2021-03-04",
                ),
            ],
        ),
        # a Scottish council's "Decided:" inside a paragraph
        (
            _MINUTES
            + "The results of the by-election were reported. The Council Decided: to record the results "
            "of the by-election as an appendix to these minutes.\n",
            [
                (
                    "to record the results of the by-election as an appendix to these minutes.",
                    "resolved",
                    "2021-03-04",
                )
            ],
        ),
        # "Resolved to:" / "Council Resolved to:" and imperative items below it
        (
            _MINUTES
            + "It was moved by Councillor Holt and seconded by Councillor Wade and\n\nCouncil Resolved to:\n\n"
            "a)    Appoint Dana Reeve as Interim Chief Executive until a permanent appointment is made.\n\n"
            "b)    Delegate authority to the Leader to agree the interim salary.\n",
            [
                (
                    "Appoint Dana Reeve as Interim Chief Executive until a permanent appointment is made.",
                    "resolved",
                    "2021-03-04",
                ),
                ("Delegate authority to the Leader to agree the interim salary.", "resolved", "2021-03-04"),
            ],
        ),
        # a motion carried on a vote whose outcome does not repeat it
        (
            _MINUTES
            + "Councillor Holt, seconded by Councillor Wade, moved that Councillor Price be appointed to "
            "the Harbour Board.\n\nAs an amendment, Councillor Bell moved that Councillor Ross be appointed.\n\n"
            "On a division, there voted for the motion 15 and for the amendment 11, whereupon the motion was "
            "declared carried.\n",
            [
                (
                    "That Councillor Price be appointed to the Harbour Board; the motion was declared carried",
                    "resolved",
                    "2021-03-04",
                )
            ],
        ),
        # ... but a resolution in its own words after the vote is the decision
        (
            _MINUTES
            + "It was moved by Councillor Holt that the recommendations be approved. After a vote the "
            "motion was declared CARRIED.\n\nRESOLVED - that the revised fees be approved.\n",
            [("That the revised fees be approved.", "resolved", "2021-03-04")],
        ),
        # news: councillors agreed; a councillor elected to a post named in lower case
        (
            "Councillors agreed to look for an interim chief executive until the elections.\n",
            [
                (
                    "Councillors agreed to look for an interim chief executive until the elections.",
                    "resolved",
                    "2021-06-01",
                )
            ],
        ),
        (
            "Cllr Rhian Pugh, who represents the Abercarn ward, was re-elected as deputy leader.\n",
            [
                (
                    "Cllr Rhian Pugh, who represents the Abercarn ward, was re-elected as deputy leader.",
                    "resolved",
                    "2021-06-01",
                )
            ],
        ),
        # a recommendation by a panel; an appointment by the full council
        (
            "Ms Hale was interviewed and recommended for appointment by a panel of senior councillors. Her "
            "appointment was approved unanimously by the full council.\n",
            [
                (
                    "Ms Hale was interviewed and recommended for appointment by a panel of senior councillors.",
                    "recommendation",
                    "2021-06-01",
                ),
                ("Her appointment was approved unanimously by the full council.", "resolved", "2021-06-01"),
            ],
        ),
        # the Leader's own appointments, in the records of two meetings on one page
        (
            _MINUTES
            + "The Leader, Councillor Holt, appointed Councillor Wade as Deputy Leader for the ensuing year.\n\n"
            "Minutes of the meeting of Council held at the Guildhall on 6 March 2020\n\n"
            "The Leader, Councillor Holt, appointed Councillor Wade as Deputy Leader for the ensuing year.\n",
            [
                (
                    "The Leader, Councillor Holt, appointed Councillor Wade as Deputy Leader for the ensuing year.",
                    "delegated decision",
                    "2021-03-04",
                ),
                (
                    "The Leader, Councillor Holt, appointed Councillor Wade as Deputy Leader for the ensuing year.",
                    "delegated decision",
                    "2020-03-06",
                ),
            ],
        ),
        # a resolution announcing a list: the items are its words
        (
            _MINUTES
            + "That the Cabinet be confirmed as follows\n\n\u00b7         Councillor Holt - Leader\n\n"
            "\u00b7         Councillor Wade - Cabinet Member for Housing\n\n5. QUESTIONS\n",
            [
                (
                    "That the Cabinet be confirmed as follows: Councillor Holt - Leader; Councillor Wade - Cabinet "
                    "Member for Housing",
                    "resolved",
                    "2021-03-04",
                )
            ],
        ),
        # a sentence a PDF wrapped over two lines
        (
            "3.1\nThe Council appointed Ms Amy Lord as its Monitoring Officer with effect from the 1st of\n"
            "June 2012. Deputies were appointed by the Monitoring Officer as required.\n",
            [
                (
                    "The Council appointed Ms Amy Lord as its Monitoring Officer with effect from the 1st of June 2012.",
                    "resolved",
                    "2021-06-01",
                )
            ],
        ),
        # a forward plan's issue page: the summary, due by a body on a date
        (
            "Issue details\n\nLibrary Review\n\nTo decide the future of the mobile library service after "
            "consultation.\n\nDecision type: Key\n\nDecision status: For Determination\n\nDecision due: 9 Sep 2021 "
            "by Executive\n",
            [
                (
                    "To decide the future of the mobile library service after consultation.",
                    "recommendation",
                    "2021-09-09",
                )
            ],
        ),
    ],
)
def test_decisions_on_more_councils_pages(text, expected):
    assert _decisions(text, date="2021-06-01") == expected


@pytest.mark.parametrize(
    "text",
    [
        # councillors as the object of the sentence, not a body deciding
        "To elect a Chairman from among the Councillors appointed to the board for the year.\n",
        # an item in capitals after RESOLVED is no resolution inside a line
        "Resolved\n\nAGREED ITEMS\n",
        # a motion never put to the vote
        _MINUTES
        + "Councillor Holt moved that the item be deferred. The Mayor ruled the motion out of order.\n",
        # a councillor elected to no post
        "Councillor Ann Price was elected in 2019 for the Central ward.\n",
        # the next motion's opening words under a resolution are no resolution
        _MINUTES + "(a)   It was moved by the Mayor, seconded by the Deputy Mayor and\n\nResolved\n\n"
        "(b)   It was moved by Councillor Holt, seconded by Councillor Wade and\n",
    ],
)
def test_no_decision_in_more_wordings(text):
    assert _decisions(text, date="2021-06-01") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Minutes of the meeting held on 2 May 2024 were taken as read and signed as a correct record.\n",
            [
                "The Minutes of the meeting held on 2 May 2024 were taken as read and signed as a correct record."
            ],
        ),
        (
            "The Minutes of Westshire Council of 4 April 2024 (issued) were submitted and authorised to be signed.\n",
            [
                "The Minutes of Westshire Council of 4 April 2024 (issued) were submitted and authorised to be signed."
            ],
        ),
        (
            "The minutes of the meeting held on 2 May 2024 were not available and will be approved later.\n",
            [],
        ),
    ],
)
def test_minutes_approved_in_more_words(text, expected):
    assert [t for t, _k, _d in _decisions(text)] == expected


def test_a_resolution_announcing_a_list_keeps_its_items():
    text = (
        "Minutes of the meeting of the Council held on 9 May 2023\n\n"
        "RESOLVED that Councillors Ruth Ames and Tom Vale be re-appointed for a further term to the following "
        "positions:\n\n"
        "(a)     Trustees of the Almshouse Charity - 2 places - Councillors Ames and Vale;\n\n"
        "(b)     Governors of the Grammar School Foundation - 1 place - Councillor Vale.\n\n"
        "The meeting closed at 8pm.\n"
    )
    got = _decisions(text)
    assert len(got) == 1, got
    words, kind, date = got[0]
    assert words.startswith("That Councillors Ruth Ames and Tom Vale be re-appointed")
    assert "Trustees of the Almshouse Charity" in words and "Governors of the Grammar School" in words
    assert (kind, date) == ("resolved", "2023-05-09")


def test_a_resolution_with_items_is_one_decision_an_item():
    text = (
        "Minutes of the meeting of the Council held on 9 May 2023\n\n"
        "RESOLVED that:\n\n"
        "(a)     the following report be noted;\n\n"
        "(b)     the fees for allotments be approved.\n"
    )
    assert len(_decisions(text)) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "5. RESULTS OF THE POLL A report of the Returning Officer was received listing the members elected.",
        "There was submitted and noted a report dated 4 May 2022 by the Chief Executive on the election results.",
    ],
)
def test_a_report_received_is_noted(sentence):
    text = f"Minutes of the meeting of the Council held on 12 May 2022\n\n{sentence}\n"
    got = _decisions(text)
    assert [(k, d) for _t, k, d in got] == [("noted", "2022-05-12")], got


@pytest.mark.parametrize(
    "sentence",
    [
        "The report of the Chief Executive will be received at the next meeting.",
        "Members asked whether a report from the Police was received before the deadline.",
        "There was submitted a report by the Chief Executive on the election results.",
    ],
)
def test_a_report_still_to_come_or_asked_about_is_no_decision(sentence):
    text = f"Minutes of the meeting of the Council held on 12 May 2022\n\n{sentence}\n"
    assert _decisions(text) == []


@pytest.mark.parametrize(
    "line",
    ["That the Council be recommended to:", "The following changes have been approved by the Cabinet:"],
)
def test_an_introduction_with_no_items_read_is_no_decision(line):
    text = f"Minutes of the meeting of the Cabinet held on 2 March 2022\n\n{line}\n\nThe meeting closed at 7pm.\n"
    assert _decisions(text) == []


def test_a_decision_ending_in_a_colon_that_names_what_was_decided_stays():
    text = (
        "Minutes of the meeting of the Council held on 2 March 2022\n\n"
        "Full Council appointed the chairs of its committees, confirmed as:\n\nThe meeting closed at 7pm.\n"
    )
    assert [t for t, _k, _d in _decisions(text)] == [
        "Full Council appointed the chairs of its committees, confirmed as:"
    ]
