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
