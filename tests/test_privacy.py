"""Privacy: private individuals (question askers, requesters, complainants, families) are public=False."""

from __future__ import annotations

import pytest

from tests.conftest import facts_of


def people(text: str) -> set[tuple[str, bool]]:
    return {(f.name, f.public) for f in facts_of(text, "person")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Question from Mr John Smith\nWhat is the council doing about potholes?\n"
            "Answer from Councillor Ann Green, Cabinet member\n",
            {("John Smith", False), ("Ann Green", True)},
        ),
        ("PQ 1 Mrs Jane Brown asked about the library.", {("Jane Brown", False)}),
        # a public questions section runs to the next heading; a councillor answering in it keeps his office
        (
            "Public questions\n\nMr Peter Jones asked whether the council would review its policy.\n"
            "Councillor Ann Green replied.\n\n5. Member questions\n\nMr Tim Hall, Chief Executive, said.",
            {("Peter Jones", False), ("Ann Green", True), ("Tim Hall", True)},
        ),
        ("Mr Peter Jones of Ross-on-Wye asked whether the council would act.", {("Peter Jones", False)}),
        ("The complainant, Mrs Sarah Lee, said the council had failed her family.", {("Sarah Lee", False)}),
        ("Ms Amy Clark, the mother of the child, addressed the committee.", {("Amy Clark", False)}),
        (
            "Freedom of Information request\nRequester: Mr Tom Black\nCase reference: FOI/123\n"
            "The Chief Executive, Paul Walker, replied.",
            {("Tom Black", False), ("Paul Walker", True)},
        ),
        # office holders stay public
        ("Mr Paul Walker, Chief Executive, presented the report.", {("Paul Walker", True)}),
        ("Councillor Ann Green, Cabinet member, answered.", {("Ann Green", True)}),
    ],
)
def test_privacy(text, expected):
    assert people(text) == expected


def test_a_private_familys_bare_surname_stays_private():
    text = (
        "QUESTIONS FROM MEMBERS OF THE PUBLIC\n\nPQ 2\tMr. James Brennock Weobley\tThank you.\n\n"
        "7. ITEM\n\nA written response was sent directly to Mr and Mrs Brennock.\n"
    )
    people = {f.name: f.public for f in facts_of(text, "person") if "Brennock" in f.name}
    assert "Brennock" in people and len(people) == 2
    assert not any(people.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # planning committees: objectors, supporters and agents who spoke are private; a ward councillor is not
        ("Mr Peter Garside spoke in objection to the application.", {("Peter Garside", False)}),
        ("Ms Anita Cole, the applicant's agent, addressed the committee.", {("Anita Cole", False)}),
        (
            "Councillor Ann Green, the ward member, spoke in objection to the application.",
            {("Ann Green", True)},
        ),
        ("A petition was presented by Mrs Jane Ruddock calling for a crossing.", {("Jane Ruddock", False)}),
        ("Mr Dev Patel, a local resident, asked about the bins.", {("Dev Patel", False)}),
        # a parent governor is a co-opted member, not a parent
        ("Mrs Yvonne Tait (Parent Governor representative) asked about exclusions.", {("Yvonne Tait", True)}),
    ],
)
def test_privacy_at_hearings_and_petitions(text, expected):
    assert people(text) == expected


# civic business about private lives, seen on many councils' minutes: consorts, congratulations and
# condolences, honours, civic receptions, questions sent in, and the addressee of an information reply
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Mayor introduced her husband Mr Dafydd Rowe as her consort for the year.",
            {("Dafydd Rowe", False)},
        ),
        (
            "Councillor Ann Green congratulated Dr Ellis Morgan on publishing a history of the county.",
            {("Ann Green", True), ("Ellis Morgan", False)},
        ),
        ("Members sent their condolences to the family of Mr Harold Brice.", {("Harold Brice", False)}),
        ("Mrs Joan Pike on being awarded an MBE in the New Year Honours.", {("Joan Pike", False)}),
        (
            "Councillor Ann Green asked that Mr Rhys Vaughan be considered for a civic reception.",
            {("Ann Green", True), ("Rhys Vaughan", False)},
        ),
        ("Question received from Mr. Karim Said via email:", {("Karim Said", False)}),
        ("Dear Ms Hollis\nThank you for your request.", {("Hollis", False)}),
    ],
)
def test_private_lives_in_civic_business(text, expected):
    assert people(text) >= expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a councillor's spouse or consort beside them, by the same surname, holds no office
        (
            "The Council thanked Councillor Mair Hughes, Mr Gethin Hughes and the staff for their year in office.",
            {("Mair Hughes", True), ("Gethin Hughes", False)},
        ),
        (
            "The Mayor, Cllr Ida Penn, and her husband Mr Lew Penn welcomed the guests.",
            {("Ida Penn", True), ("Lew Penn", False)},
        ),
        # another surname beside a councillor is no spouse
        (
            "Councillor Mair Hughes and Mr Tom Black, Chief Executive, signed the accounts.",
            {("Mair Hughes", True), ("Tom Black", True)},
        ),
    ],
)
def test_a_councillors_spouse_is_private(text, expected):
    assert people(text) == expected


def test_a_councillors_surname_is_not_a_private_namesake():
    """ "Councillor Reid" of the attendance list is not the cyclist "Andrew Reid" a civic reception is asked for:
    folding the councillor's surname into that name would publish the private individual."""
    text = (
        "Present: Councillors Amos Bell and Reid\n\n"
        "Councillor Bell requested that the cyclists Mr Andrew Reid and Ms Jo Amis be considered for a civic reception.\n"
    )
    got = {f.name: f.public for f in facts_of(text, "person")}
    assert got.get("Andrew Reid") is False
    assert got.get("Reid") is True
