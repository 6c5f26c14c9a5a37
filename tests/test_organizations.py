"""Bodies: phrase boundaries, coordination, names glued by layouts, and one body per document."""

from __future__ import annotations

import pytest

from extract.mentions import find_bodies
from extract.vocab.bodies import acronym_fits
from tests.conftest import facts_of


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "the Children and Young People Scrutiny Committee met",
            ["Children and Young People Scrutiny Committee"],
        ),
        ("the Audit and Governance Committee", ["Audit and Governance Committee"]),
        (
            "the Health, Care, and Wellbeing Scrutiny Committee",
            ["Health, Care, and Wellbeing Scrutiny Committee"],
        ),
        ("Chief Officer Appointments Committee - Monday", ["Chief Officer Appointments Committee"]),
        # a post before a coordination is not part of the body; the last conjunct is
        ("Corporate Director, Economy and Environment and Cabinet", ["Cabinet"]),
        # two bodies joined by "and" after a head word
        ("Wye Valley NHS Trust and Herefordshire Council", ["Wye Valley NHS Trust", "Herefordshire Council"]),
        ("the Health and Wellbeing Board and Cabinet", ["Health and Wellbeing Board", "Cabinet"]),
        ("the Police and Crime Panel", ["Police and Crime Panel"]),
        ("the HWGTA Ltd and Herefordshire Council partnership", ["HWGTA Ltd", "Herefordshire Council"]),
        ("Scrutiny of Herefordshire Children's Services and Partnership", []),
        ("HSCB and Children's Improvement Board", ["Children's Improvement Board"]),
        # a company runs on to its legal suffix
        ("External Auditors, Grant Thornton UK LLP, presented", ["Grant Thornton UK LLP"]),
        (
            "Herefordshire and Worcestershire Group Training Association Ltd (HWGTA)",
            ["Herefordshire and Worcestershire Group Training Association Ltd"],
        ),
        # leading noise: months, document parts, action nouns
        ("Jan Employment Panel", ["Employment Panel"]),
        (
            "Supplement for Children and Young People Scrutiny Committee",
            ["Children and Young People Scrutiny Committee"],
        ),
        ("Engagement with Corporate Leadership Team", ["Corporate Leadership Team"]),
        ("directly with the professional registration body, Social Work England.", ["Social Work England"]),
        # nothing: posts, generic phrases, staff teams, things named after a body
        ("the Chief Executive said", []),
        ("the Secretary of State issued a direction", []),
        ("the Local Authority", []),
        ("LA, Police", []),
        ("The Complaints Team will report", []),
        ("the Investment Partnership Model", []),
        ('West Mercia Police "Most Appropriate Agency" policy', ["West Mercia Police"]),
        ("Head of Service for Housing", []),
        ("Julie Grant (NHS England); the City Council is where councillors meet", ["NHS England"]),
        ("Wye Valley NHS Foundation Trust", ["Wye Valley NHS Foundation Trust"]),
        # a name in title case with its head word in lower case
        ("Current and previous chairs of the Hereford Enterprise zone", ["Hereford Enterprise Zone"]),
        ("at the Designated Lead Partners forum", ["Designated Lead Partners Forum"]),
        ("the Children's Lead Wye Valley Trust", ["Wye Valley Trust"]),
    ],
)
def test_find_bodies(text, names):
    assert [b.name for b in find_bodies(text)] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short form within one document is the one longer name it shortens: one body, an alias
        (
            "Wye Valley NHS Trust said. The Wye Valley Trust agreed.",
            {"Wye Valley NHS Trust": ("Wye Valley Trust",)},
        ),
        ("The Diocese of Hereford and the Hereford Diocese.", {"Diocese of Hereford": ("Hereford Diocese",)}),
        (
            "The Children & Young People Strategic Partnership and the CYP Strategic Partnership.",
            {"Children & Young People Strategic Partnership": ("CYP Strategic Partnership",)},
        ),
        (
            "Herefordshire and Worcestershire Group Training Association Ltd (HWGTA) runs it. The HWGTA Ltd board.",
            {"Herefordshire and Worcestershire Group Training Association Ltd": ("HWGTA", "HWGTA Ltd")},
        ),
        (
            "Grant Thornton UK LLP presented. Grant Thornton looked at two areas.",
            {"Grant Thornton UK LLP": ("Grant Thornton",)},
        ),
        (
            "The Children's Improvement Board met. The Improvement Board agreed.",
            {"Children's Improvement Board": ("Improvement Board",)},
        ),
        # a short form the body grammar does not read is the full name it fits, where the document gives it
        (
            "The Children and Young People Scrutiny Committee met. The CYP Scrutiny agreed the plan.",
            {"Children and Young People Scrutiny Committee": ("CYP Scrutiny",)},
        ),
        (
            "The Adults and Wellbeing Scrutiny Committee met. The CYP Scrutiny agreed the plan.",
            {"Adults and Wellbeing Scrutiny Committee": ()},
        ),
    ],
)
def test_one_body_per_document(text, expected):
    got = {f.name: f.aliases for f in facts_of(text, "organization") if f.name != "Herefordshire Council"}
    assert got == expected


def test_person_glued_to_body_is_cut():
    text = "Present: Tori Lynch (Head of Service)\nTori Lynch Corporate Parenting Board\tMonthly\n"
    names = {f.name for f in facts_of(text, "organization")}
    assert "Corporate Parenting Board" in names
    assert not any(n.startswith("Tori Lynch") for n in names)


@pytest.mark.parametrize(
    "kind", ["Annual Council", "Special Council", "Extraordinary Council", "Budget Council"]
)
def test_a_kind_of_council_meeting_is_no_body(kind):
    """ "The minutes of Annual Council on 14 May were approved": the council met; no body is called that."""
    names = {f.name for f in facts_of(f"The minutes of {kind} on 14 May were approved.", "organization")}
    assert kind not in names


def test_no_duplicate_bodies_and_exact_evidence():
    text = (
        "The Audit and Governance Committee met. The audit and governance committee agreed. Cabinet noted it."
    )
    facts = facts_of(text, "organization")
    keys = [f.name.lower() for f in facts]
    assert len(keys) == len(set(keys))
    for f in facts:
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text


def test_party_of_a_member_listing_is_a_body():
    text = (
        "Cabinet\n\nCllr Ann Green (Leader)\n\n(Independents for Shireton)\n\nStrategy and Budget\n\n"
        "Cllr Bob White\n\n(The Green Party)\n\nEnvironment\n"
    )
    names = {f.name for f in facts_of(text, "organization")}
    assert {"Independents for Shireton", "The Green Party"} <= names


@pytest.mark.parametrize(
    ("short", "long", "fits"),
    [
        ("CYP Strategic Partnership", "Children & Young People Strategic Partnership", True),
        (
            "CYP Scrutiny",
            "Children and Young People Scrutiny Committee",
            True,
        ),  # the generic last word unsaid
        ("CYP Scrutiny", "Children and Young People Scrutiny Panel", True),
        ("CYP Scrutiny", "Children and Young People Strategic Partnership", False),
        ("CYP", "Children and Young People Scrutiny Committee", False),  # nothing but the acronym
        (
            "Scrutiny Committee",
            "Children and Young People Scrutiny Committee",
            False,
        ),  # no acronym: not this rule
        ("HSCP", "Herefordshire Safeguarding Children Partnership", True),
    ],
)
def test_acronym_fits(short, long, fits):
    assert acronym_fits(short, long) is fits


def _bodies(text: str) -> set[str]:
    """The bodies one sentence names, beside the document's own council."""
    return {f.name for f in facts_of(text, "organization")} - {"Herefordshire Council"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a party with its nation before it or its group after it is that longer name, not the bare party
        ("Elspeth Ross – 1 Scottish Labour Party 4410", {"Scottish Labour Party"}),
        ("a member of the Conservative group, who also led the Cabinet", {"Conservative group", "Cabinet"}),
        (
            "the Labour Group and the Liberal Democrat group both abstained",
            {"Labour Group", "Liberal Democrat group"},
        ),
        ("two seats went to Plaid Cymru and one to Welsh Labour", {"Plaid Cymru", "Welsh Labour"}),
        ("Morag Hay – 1 Bankhead Scottish National Party (SNP)", {"Scottish National Party"}),
        ("Labour (21) - Councillor Ieuan Pryce", {"Labour"}),  # a bare party heading a list stays a body
        # a seat written before the body: the body is what follows "of"
        (
            "(b)  Trustees of Millfield Almshouse Trust – 1 place - Councillor Baird;",
            {"Millfield Almshouse Trust"},
        ),
        ("Vice Convener of Finance and Resources Committee;", {"Finance and Resources Committee"}),
        ("Trustees of the Trust", set()),
        # national bodies named in passing
        ("a letter to the Scottish Government and the Senedd", {"Scottish Government", "Senedd"}),
        (
            "officers of the Northern Ireland Housing Executive attended",
            {"Northern Ireland Housing Executive"},
        ),
        # schools, colleges and clubs by name; a kind of school is none
        (
            "pupils of Glenmoor Primary School and Eastfield College sang",
            {"Glenmoor Primary School", "Eastfield College"},
        ),
        ("the Ashby Rotary Club presented a cheque", {"Ashby Rotary Club"}),
        ("the Primary School and the Sixth Form College were consulted", set()),
        # "Council" after a word that opens no council's name: a link, a state
        ("Watch Council meetings here", set()),
        ("Home > Your Council > Agenda and minutes", set()),
        ("the Outgoing Council thanked its Chairman", set()),
        # "Executive" before a post's word or a thing is no body
        ("appointed as Acting Executive Director of Place", set()),
        ("the list of Exempt Executive Reports", set()),
    ],
)
def test_bodies_named_in_passing(text, names):
    assert _bodies(text) == names


@pytest.mark.parametrize(
    ("text", "executive"),
    [
        ("the councillors she had chosen to serve on the Executive, with their portfolios", True),
        ("Members of the Executive were told of the designation", True),
        ("It was confirmed that the Executive had approved all nine recommendations", True),
        ("the responses received from the Executive in reply", True),
        # the word alone, or a generic use, is not read as the body
        ("The Executive or Cabinet of the Council consists of a Leader", False),
        ("what actions the Executive is prioritising", False),
        ("the Chief Executive had approved the plan", False),
        ("Members of the Executive Board", False),
    ],
)
def test_the_executive(text, executive):
    assert ("Executive" in _bodies(text)) is executive


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The licensing, planning and environment committee will now meet monthly.",
            {"Licensing, Planning and Environment Committee"},
        ),
        (
            "It goes to the council's finance and property committee in June.",
            {"Finance and Property Committee"},
        ),
        (
            "The Kelso and Jedburgh area committee will be chaired by her.",
            {"Kelso and Jedburgh Area Committee"},
        ),
        # no coordination, no name: a committee spoken of, not named
        ("the relevant committee will decide", set()),
        ("the planning committee will decide", set()),
    ],
)
def test_committees_in_lower_case(text, names):
    assert _bodies(text) == names


@pytest.mark.parametrize(
    ("text", "council", "expected"),
    [
        # the document's council written shorter, or with words around its name, is that council
        (
            "That Councillor Anne Bright be elected Lord Mayor of the City of Wyeford for the year.",
            "City of Wyeford Council",
            {"City of Wyeford Council": ("City of Wyeford",)},
        ),
        (
            "Kelby & Marsh City Council met. Marsh City Council then adjourned.",
            "Kelby & Marsh City Council",
            {"Kelby & Marsh City Council": ("Marsh City Council",)},
        ),
        ("Dear Wyeford Council, thank you.", "Wyeford Council", {"Wyeford Council": ()}),
        # another council, or a body named after the place, stays itself
        (
            "Shireton Council and Wyeford Council met.",
            "Wyeford Council",
            {"Wyeford Council": (), "Shireton Council": ()},
        ),
        (
            "The Wyeford Schools Forum met.",
            "Wyeford Council",
            {"Wyeford Council": (), "Wyeford Schools Forum": ()},
        ),
    ],
)
def test_the_councils_own_short_forms(text, council, expected):
    assert {f.name: f.aliases for f in facts_of(text, "organization", council=council)} == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a seat before "of": the body follows it
        ("as Chairman of Ryedale Cycle Forum", {"Ryedale Cycle Forum"}),
        ("Chairperson of Wyeford Schools Forum", {"Wyeford Schools Forum"}),
        # a sentence's end inside a run of capitalised words
        ("the training of Social Workers. The Kelby Practice Academy opened.", {"Kelby Practice Academy"}),
        ("managed by an Executive Head. Executive Heads report to him.", set()),
    ],
)
def test_body_boundaries(text, names):
    assert _bodies(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a party one goes to is no body
        ("the Mayor attended the Royal Garden Party at the Palace", set()),
        ("the Festival and the Garden Party would be held in July", set()),
        ("the Wyeford Garden Party Association met", {"Wyeford Garden Party Association"}),
        # words before "on/in Cabinet" are no part of its name
        ("Announcement of the Leader on Cabinet appointments", {"Cabinet"}),
        ("Other Members in Cabinet attended", {"Cabinet"}),
    ],
)
def test_no_events_and_no_words_before_cabinet(text, names):
    assert _bodies(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a committee named in lower case by what it does
        ("the case was referred to the pre-birth panel for review", {"Pre-birth panel"}),
        ("the council's youth justice board agreed the plan", {"Youth justice board"}),
        ("chosen by a seven-member panel of councillors", {"Seven-member panel"}),
        # a word that says which one, or what kind, names none
        ("the relevant committee will decide", set()),
        ("each political group will nominate", set()),
        ("an interview panel met the candidates", set()),
        ("a member of the committee asked", set()),
        ("an independent panel will hear appeals", set()),
        # one plain word before the head reads a kind of body as often as a name
        ("signed off by the management board", set()),
        ("the council's executive committee agreed", set()),
    ],
)
def test_committees_named_in_lower_case_by_what_they_do(text, names):
    assert _bodies(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a borough named "X and Y" or "X upon Y", even across a line break of the page
        (
            "She returns to the London Borough of Barking and\nDagenham in March.",
            ["London Borough of Barking and Dagenham"],
        ),
        ("the Royal Borough of Windsor and Maidenhead", ["Royal Borough of Windsor and Maidenhead"]),
        ("the City of Wyeford and the City of London", ["City of Wyeford", "City of London"]),
    ],
)
def test_boroughs_of_two_places(text, names):
    assert [b.name for b in find_bodies(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the second of two names joined by "and" is read where it is plainly a name of its own
        (
            "The Mayor nominated The Oak Hospice, Kelby and The Harbour Trust, Wyeford as his charities.",
            {"Harbour Trust"},
        ),
        (
            "Outside Bodies - Carers in Wyeford and Kelby Valley Healthcare NHS Foundation Trust - Governors",
            {"Kelby Valley Healthcare NHS Foundation Trust"},
        ),
        # one name with "and" in it stays whole
        ("the Children in Care and Care Leavers Panel", {"Children in Care and Care Leavers Panel"}),
        ("the Audit and Governance Committee", {"Audit and Governance Committee"}),
    ],
)
def test_two_names_joined_by_and(text, names):
    assert _bodies(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a flattened agenda's heading in capitals runs into the committee named after it
        (
            "7 RECEIPT OF MINUTES OF COMMITTEES Licensing and Regulatory Committee 4 March 2019 were received.",
            {"Licensing and Regulatory Committee"},
        ),
        # capitals with no joining word are an acronym of the name: kept
        ("The SEND Partnership Board met in June.", {"SEND Partnership Board"}),
    ],
)
def test_heading_in_capitals_before_a_name(text, names):
    got = {f.name for f in facts_of(text, "organization")} - {"Herefordshire Council"}
    assert got == names


def test_a_bare_party_beside_its_group_is_the_group():
    text = (
        "Councillor Ann Pike, leader of the Labour group, said two Labour councillors would abstain.\n"
        "The Green Party did not stand.\n"
    )
    names = {f.name for f in facts_of(text, "organization")} - {"Herefordshire Council"}
    assert "Labour group" in names
    assert "Labour" not in names


def test_a_bare_party_without_its_group_stays():
    text = "The coalition includes Labour and the Green Party.\n"
    names = {f.name for f in facts_of(text, "organization")} - {"Herefordshire Council"}
    assert "Labour" in names


def test_national_bodies_with_no_head_word():
    text = "Members of UNISON and the Royal British Legion met NHS Highland and Welsh Water.\n"
    names = {f.name for f in facts_of(text, "organization")} - {"Herefordshire Council"}
    assert names == {"UNISON", "Royal British Legion", "NHS Highland", "Welsh Water"}


def test_a_word_shaped_like_a_national_body_in_lower_case_is_none():
    text = "The members spoke in unison about highland water supplies.\n"
    assert {f.name for f in facts_of(text, "organization")} - {"Herefordshire Council"} == set()


def test_a_staff_post_named_after_a_kind_of_body_is_no_body():
    text = "In attendance: B Rowe, Senior Committee Services Officer, and the Licensing Committee Clerk.\n"
    assert {f.name for f in facts_of(text, "organization")} - {"Herefordshire Council"} == set()


def test_a_body_followed_by_other_words_stays():
    text = "The Licensing Committee met the officers on Monday.\n"
    assert {f.name for f in facts_of(text, "organization")} - {"Herefordshire Council"} == {
        "Licensing Committee"
    }
