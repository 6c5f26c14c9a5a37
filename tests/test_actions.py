"""Actions: action-plan tables -> the actions, owners and timescales a reader writes down."""

from __future__ import annotations

import pytest

from extract.facts.actions import delegation_patterns
from tests.conftest import facts_of


def _actions(text: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    facts = facts_of(text, "action")
    for f in facts:
        assert f.evidence.text == text[f.evidence.start : f.evidence.end]
    return [(f.text, f.owners, f.timescale) for f in facts]


CASES = [
    # owners as initials explained by a key below the table ("JS = Jane Smith, ...")
    (
        "Improvement Action Plan 2023\n\nAction\tOwner\tTimescale\tProgress\n"
        "1. Review the scheme of delegation\tJS\tMarch 2024\tOn track\n"
        "2. Publish the forward plan monthly\tJS / AB\tOngoing\t\n\n"
        "Key:\nJS = Jane Smith, Monitoring Officer\nAB = Alan Brown, Head of Democratic Services\n",
        [
            ("Review the scheme of delegation", ("Jane Smith",), "March 2024"),
            ("Publish the forward plan monthly", ("Jane Smith", "Alan Brown"), "Ongoing"),
        ],
    ),
    # a key laid out as a table
    (
        "Action\tLead\tDeadline\nAgree the new risk register\tKM\tJune 2022\n\nKM\tKaren Mills\tChief Finance Officer\n",
        [("Agree the new risk register", ("Karen Mills",), "June 2022")],
    ),
    # owners as job titles and bodies
    (
        "What we will do\tLead officer\tBy when\n"
        "Recruit permanent social work managers\tDirector of Children's Services\tDecember 2023\n",
        [("Recruit permanent social work managers", ("Director of Children's Services",), "December 2023")],
    ),
    # a pipe table (HTML converted to markdown)
    (
        "| Action | Owner | Timescale |\n|---|---|---|\n"
        "| Deliver refresher training for all councillors | Democratic Services Manager | May 2025 |\n",
        [("Deliver refresher training for all councillors", ("Democratic Services Manager",), "May 2025")],
    ),
    # names run into bodies' words; several names in one cell
    (
        "Rachel Gillott, Service Director, chairs the workforce board.\n\nActions we will take\tPerson/Forums\tTimescale\n"
        "Develop a workforce board and strategy\tRachel Gillott Workforce Board\tSept 24\n"
        "Review cases open to pre-proceedings\tTess Burgess Rachel Gillott\tOct 24\n"
        "Deliver the recommendations of the review\tDomestic Abuse Partnership\t\n",
        [
            ("Develop a workforce board and strategy", ("Rachel Gillott",), "Sept 24"),
            ("Review cases open to pre-proceedings", ("Tess Burgess", "Rachel Gillott"), "Oct 24"),
            ("Deliver the recommendations of the review", ("Domestic Abuse Partnership",), None),
        ],
    ),
    # an abbreviation the document defines is spelt out
    (
        "The Herefordshire Safeguarding Children Partnership (HSCP) leads this work.\n\n"
        "Actions we will take\tPerson/Forums\tTimescale\n"
        "Implement new Working Together arrangements\tSafeguarding Partnership (HSCP)\t2024/25\n",
        [
            (
                "Implement new Working Together arrangements",
                ("Herefordshire Safeguarding Children Partnership",),
                "2024/25",
            )
        ],
    ),
    # a body named short by the full name the document defines
    (
        "The Herefordshire Safeguarding Children Partnership (HSCP) leads this work.\n\n"
        "Action\tOwner\tTimescale\nMonitor use of the escalation process\tSafeguarding Partnership\tannual\n",
        [
            (
                "Monitor use of the escalation process",
                ("Herefordshire Safeguarding Children Partnership",),
                "annual",
            )
        ],
    ),
    # a cell broken over a page: the ownerless row between owned rows belongs to the row above
    (
        "Action\tOwner\tTimescale\n"
        "Complete a review of private fostering arrangements.\tJaz McAndrew\tAug 24\n\n"
        "Review practice standards in this area\t\t\n"
        "Formalise the early help offer in schools\tNicky Turvey\tDec 24\n",
        [
            (
                "Complete a review of private fostering arrangements. Review practice standards in this area",
                ("Jaz McAndrew",),
                "Aug 24",
            ),
            ("Formalise the early help offer in schools", ("Nicky Turvey",), "Dec 24"),
        ],
    ),
    # several lettered actions in one cell; the row below gives the second one its owner and timescale
    (
        "\tArea\tActions\tOwner (see key at end)\tTimescale\n"
        "11.\tLegal risk\t<p>a) High value cases regularly reviewed.</p> <p>b) Legal services restructured.</p>\tBN\tOngoing\n"
        "\t\t\tBN\t90% completed July 2014\n\nBN = Bill Norman, Assistant Director Governance\n",
        [
            ("High value cases regularly reviewed.", ("Bill Norman",), "Ongoing"),
            ("Legal services restructured.", ("Bill Norman",), "90% completed July 2014"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_actions(text, expected):
    assert _actions(text) == expected


NOTHING = [
    # a work programme and a forward plan are tables, not action plans
    "Topic and Objectives\tEvidence required\tAttendees\nBudget scrutiny of the plan\tReport\tCabinet member\n",
    "Report title and purpose\tDecision Maker and Due date\tLead cabinet member and officer contact(s)\n"
    "School transport To approve the policy\tCabinet 24 October 2024\tCabinet member children\n",
    # captions and measures between tables have no owner
    "Recommendation 2\t\t\nMeasures of success\t\t\nOur staff will be stable\t\t\n",
    # a table ends at running text: later tab rows are not its actions
    "Action\tOwner\tTimescale\n\nThe plan is reviewed monthly by the board.\n\nCouncillor Price\tTransport\t\n",
    # an action plan sentence without a table
    "The action plan has five key points, all agreed by the management board.\n",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_action(text):
    assert _actions(text) == []


def test_caption_rows_after_a_table_are_not_actions():
    text = (
        "Action\tOwner\tTimescale\nAgree terms of reference for the board\tTina Russell\tSept 24\n\n"
        "Recommendation 2\t\t\nMeasures of success\t\t\n\nNext section\n"
    )
    assert _actions(text) == [("Agree terms of reference for the board", ("Tina Russell",), "Sept 24")]


# --- resolutions that delegate authority (patterns/actions.jsonl) ---------------------------------------------


@pytest.mark.parametrize("pattern", delegation_patterns(), ids=lambda p: p.id)
def test_delegation_example_gives_its_action(pattern):
    """Each wording's own example reads as the action and owner it states."""
    got = [(text, owners) for text, owners, _time in _actions(pattern.example)]
    assert (pattern.expect["text"], tuple(pattern.expect["owners"])) in got


DELEGATIONS = [
    # the owner stops at the consultation clause; the action at the item's end, without bracketed asides
    (
        "(2)  That the Director of Adult Social Care (in her capacity as the Director with interim responsibility "
        "for Human Resources) and after consultation with the Leader of the Council, be authorised to take all "
        "steps necessary to implement the appointment.",
        [("Take all steps necessary to implement the appointment", ("Director of Adult Social Care",), None)],
    ),
    # a clause ending "; and" ends the action; a "to the" after the owner's office is no verb
    (
        "e)    Delegate authority to the Solicitor to the Council to complete the transfer of the land; and\n",
        [("Complete the transfer of the land", ("Solicitor to the Council",), None)],
    ),
    # an item without "That", the owner in lower case as the resolution writes it
    (
        "the Corporate Director Economy, in consultation with the Cabinet Member for Transport be delegated "
        "authority to make all operational decisions required to progress the scheme.",
        [
            (
                "Make all operational decisions required to progress the scheme",
                ("Corporate Director Economy",),
                None,
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DELEGATIONS)
def test_delegated_authority_is_an_action_of_the_office_given_it(text, expected):
    assert _actions(text) == expected


NO_DELEGATION = [
    # authority held, not given by the resolution
    "It was noted that the Monitoring Officer had delegated authority, upon receiving a request from a political "
    "group, to authorise in-year changes to membership.",
    # a report asking for the delegation, mid-sentence: not a resolution's item
    "Members are asked to make the appointments and delegate authority to the Chief Executive to make any "
    "adjustments needed.",
    # authority delegated with no verb after it
    "(c) Authority be delegated to the Head of Legal Services.",
]


@pytest.mark.parametrize("text", NO_DELEGATION)
def test_no_delegated_action(text):
    assert _actions(text) == []
