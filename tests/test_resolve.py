"""Resolution tables: written forms that must become one person, and ones that must stay apart.

Each case is a small corpus of facts (document -> council, date, mentions); the test asks
`graph.core.resolve.resolve` who each mention is.
"""

from __future__ import annotations

import pytest

from extract.records import (
    ActionFact,
    Evidence,
    Fact,
    MentionSource,
    OrganizationFact,
    OrgKind,
    PersonFact,
    PostFact,
    SeatFact,
    SeatRole,
)
from graph.core.resolve import familiar_fits, resolve

HEREFORD = "Herefordshire Council"
LEEDS = "Leeds City Council"


def _ev(doc: str, text: str, rule: str = "test") -> Evidence:
    return Evidence(doc_id=doc, start=0, end=len(text), text=text, rule=rule)


def person(
    doc: str, name: str, written: str | None = None, source: MentionSource = MentionSource.HONORIFIC
) -> PersonFact:
    return PersonFact(name=name, written=written or name, evidence=_ev(doc, written or name), source=source)


def seat(doc: str, name: str) -> SeatFact:
    return SeatFact(person=name, body="Cabinet", role=SeatRole.MEMBER, evidence=_ev(doc, name, "seat"))


def post(doc: str, name: str, title: str) -> PostFact:
    return PostFact(person=name, post=title, org=HEREFORD, evidence=_ev(doc, f"{name}, {title}", "post"))


def owner(doc: str, *owners: str) -> ActionFact:
    return ActionFact(text="Review the plan", owners=owners, evidence=_ev(doc, "Review the plan", "action"))


def corpus(*docs: tuple[str, str, str, list[Fact]]):
    """(doc, council, date, facts) -> resolution"""
    headers = {d: {"council": c, "date": date} for d, c, date, _f in docs}
    return resolve(headers, {d: facts for d, _c, _date, facts in docs})


def who(res, doc: str, name: str):
    p = res.person(doc, name)
    return p.name if p else None


# (case, corpus, [(doc, written form)] that must all be one person, the name it gets)
MERGE = [
    (
        "honorific and surname-only forms of one councillor",
        [
            (
                "a",
                HEREFORD,
                "2024-07-30",
                [person("a", "Toni Fagan", "Councillor Toni Fagan"), person("a", "Fagan", "Cllr Fagan")],
            )
        ],
        [("a", "Toni Fagan"), ("a", "Fagan"), ("a", "Cllr Fagan")],
        "Toni Fagan",
    ),
    (
        "initials in a plan, with a key line naming her in the same document",
        [("a", HEREFORD, "2024-07-30", [person("a", "Toni Fagan", "TF - Toni Fagan"), owner("a", "TF")])],
        [("a", "Toni Fagan"), ("a", "TF")],
        "Toni Fagan",
    ),
    (
        "initial + surname",
        [("a", HEREFORD, "2024-07-30", [person("a", "Jane Rathmell"), person("a", "J Rathmell")])],
        [("a", "Jane Rathmell"), ("a", "J Rathmell")],
        "Jane Rathmell",
    ),
    (
        "shortened first name",
        [
            ("a", HEREFORD, "2024-07-30", [person("a", "Jessica Karia")]),
            ("b", HEREFORD, "2024-09-17", [person("b", "Jess Karia")]),
        ],
        [("a", "Jessica Karia"), ("b", "Jess Karia")],
        "Jessica Karia",
    ),
    (
        "a familiar first name in the same document",
        [
            (
                "a",
                HEREFORD,
                "2024-07-30",
                [
                    person("a", "Nicola Turvey"),
                    owner("a", "Nicky Turvey"),
                    person("a", "Nicky Turvey", source=MentionSource.CELL),
                ],
            )
        ],
        [("a", "Nicola Turvey"), ("a", "Nicky Turvey")],
        "Nicola Turvey",
    ),
    (
        "a councillor's title picks the one councillor among two of that surname",
        [
            (
                "a",
                HEREFORD,
                "2024-07-30",
                [
                    seat("a", "Ivan Powell"),
                    post("a", "Holly Powell", "Service Manager"),
                    person("a", "Powell", "Cllr Powell"),
                ],
            )
        ],
        [("a", "Ivan Powell"), ("a", "Powell")],
        "Ivan Powell",
    ),
    (
        "the same name in two documents of one council, a year apart",
        [
            ("a", HEREFORD, "2023-01-10", [person("a", "Paul Walker")]),
            ("b", HEREFORD, "2024-07-30", [person("b", "Paul Walker", "Mr Paul walker")]),
        ],
        [("a", "Paul Walker"), ("b", "Paul Walker")],
        "Paul Walker",
    ),
]


@pytest.mark.parametrize(("case", "docs", "forms", "name"), MERGE, ids=[m[0] for m in MERGE])
def test_must_merge(case, docs, forms, name):
    res = corpus(*docs)
    found = {id(res.person(d, f)) for d, f in forms}
    assert None not in [res.person(d, f) for d, f in forms], case
    assert len(found) == 1, case
    assert who(res, *forms[0]) == name


# (case, corpus, pairs of (doc, form) that must NOT be one person; None = must resolve to no one)
APART = [
    (
        "the same name in two councils' papers",
        [
            ("a", HEREFORD, "2024-07-30", [person("a", "John Smith", "Councillor John Smith")]),
            ("b", LEEDS, "2024-07-30", [person("b", "John Smith", "Councillor John Smith")]),
        ],
        [("a", "John Smith"), ("b", "John Smith")],
    ),
    (
        "the same name in one council's papers two decades apart",
        [
            ("a", HEREFORD, "2003-05-01", [person("a", "John Smith", "Councillor John Smith")]),
            ("b", HEREFORD, "2024-05-01", [person("b", "John Smith", "Councillor John Smith")]),
        ],
        [("a", "John Smith"), ("b", "John Smith")],
    ),
    (
        "a familiar first name in another document: no evidence joins them",
        [
            ("a", HEREFORD, "2022-03-28", [person("a", "Susan Harris")]),
            ("b", HEREFORD, "2026-01-10", [person("b", "Sue Harris")]),
        ],
        [("a", "Susan Harris"), ("b", "Sue Harris")],
    ),
    (
        "two first names that merely share an initial",
        [("a", HEREFORD, "2024-07-30", [person("a", "Jane Rathmell"), person("a", "John Rathmell")])],
        [("a", "Jane Rathmell"), ("a", "John Rathmell")],
    ),
]


@pytest.mark.parametrize(("case", "docs", "pair"), APART, ids=[a[0] for a in APART])
def test_must_stay_apart(case, docs, pair):
    res = corpus(*docs)
    a, b = res.person(*pair[0]), res.person(*pair[1])
    assert a is not None and b is not None, case
    assert a is not b, case
    assert a.iri != b.iri, case


NO_ONE = [
    (
        "a surname two people of one document share: reported, not guessed",
        [
            (
                "a",
                HEREFORD,
                "2024-07-30",
                [person("a", "Liz Harvey"), person("a", "Catherine Harvey"), person("a", "Harvey", "Harvey")],
            )
        ],
        ("a", "Harvey"),
        "W300",
    ),
    (
        "initials two people of the document share",
        [
            (
                "a",
                HEREFORD,
                "2024-07-30",
                [person("a", "Toni Fagan"), person("a", "Tom Field"), owner("a", "TF")],
            )
        ],
        ("a", "TF"),
        None,
    ),
    (
        "two names run together in a table cell",
        [
            (
                "a",
                HEREFORD,
                "2024-07-30",
                [
                    person("a", "Dylan Harrison"),
                    person("a", "Rachel Gillott"),
                    person("a", "Dylan Harrison Rachel Gillott", source=MentionSource.CELL),
                ],
            )
        ],
        ("a", "Dylan Harrison Rachel Gillott"),
        None,
    ),
    (
        "a body read as a person by the model",
        [("a", HEREFORD, "2024-07-30", [person("a", "Leeds City Council", source=MentionSource.MODEL)])],
        ("a", "Leeds City Council"),
        None,
    ),
]


@pytest.mark.parametrize(("case", "docs", "form", "code"), NO_ONE, ids=[n[0] for n in NO_ONE])
def test_resolves_to_no_one(case, docs, form, code):
    res = corpus(*docs)
    assert res.person(*form) is None, case
    if code:
        assert any(p.code == code and form[1] in p.message for p in res.problems), res.problems


def test_the_other_full_names_still_resolve_when_a_surname_is_ambiguous():
    res = corpus(
        (
            "a",
            HEREFORD,
            "2024-07-30",
            [person("a", "Liz Harvey"), person("a", "Catherine Harvey"), person("a", "Harvey")],
        )
    )
    assert who(res, "a", "Liz Harvey") == "Liz Harvey"
    assert who(res, "a", "Catherine Harvey") == "Catherine Harvey"


@pytest.mark.parametrize(
    ("formal", "familiar", "fits"),
    [
        ("nicola turvey", "nicky turvey", True),
        ("elizabeth harvey", "liz harvey", True),
        ("nicola turvey", "nicky turner", False),
        ("susan harris", "sam harris", False),
    ],
)
def test_familiar_first_names(formal, familiar, fits):
    assert familiar_fits(formal, familiar) is fits


def test_iris_are_stable_across_runs():
    docs = [("a", HEREFORD, "2024-07-30", [person("a", "Toni Fagan"), person("a", "Fagan", "Cllr Fagan")])]
    assert corpus(*docs).person("a", "Fagan").iri == corpus(*docs).person("a", "Toni Fagan").iri


def body(doc: str, name: str, kind=None) -> OrganizationFact:
    return OrganizationFact(
        name=name, kind=kind or OrgKind.COMMITTEE, evidence=_ev(doc, name, "organization")
    )


# (case, corpus, (doc, written form), (doc, written form), one body?)
BODIES = [
    (
        "a short form in a document that never spells it out is the council's one committee it fits",
        [
            ("a", HEREFORD, "2024-06-03", [body("a", "Children and Young People Scrutiny Committee")]),
            ("b", HEREFORD, "2024-07-01", [body("b", "CYP Scrutiny")]),
        ],
        ("a", "Children and Young People Scrutiny Committee"),
        ("b", "CYP Scrutiny"),
        True,
    ),
    (
        "two committees fit: both stay apart from the short form",
        [
            (
                "a",
                HEREFORD,
                "2024-06-03",
                [
                    body("a", "Children and Young People Scrutiny Committee"),
                    body("a", "Children and Young People Scrutiny Panel"),
                ],
            ),
            ("b", HEREFORD, "2024-07-01", [body("b", "CYP Scrutiny")]),
        ],
        ("a", "Children and Young People Scrutiny Committee"),
        ("b", "CYP Scrutiny"),
        False,
    ),
    (
        "another council's committee is another body",
        [
            ("a", HEREFORD, "2024-06-03", [body("a", "Children and Young People Scrutiny Committee")]),
            ("b", LEEDS, "2024-07-01", [body("b", "CYP Scrutiny")]),
        ],
        ("a", "Children and Young People Scrutiny Committee"),
        ("b", "CYP Scrutiny"),
        False,
    ),
]


@pytest.mark.parametrize(("case", "docs", "one", "other", "same"), BODIES, ids=[b[0] for b in BODIES])
def test_bodies(case, docs, one, other, same):
    res = corpus(*docs)
    a, b = res.body(*one), res.body(*other)
    assert a is not None and b is not None
    assert (a is b) is same, case
    if same:
        assert a.name == "Children and Young People Scrutiny Committee"


def test_word_order_variants_of_a_body_are_one_body():
    from extract.records import OrgKind
    from graph.core.resolve import BodyEntity, _merge_near_bodies

    bodies = {
        ("", k): BodyEntity(key=k, scope="", kind=OrgKind.EXTERNAL)
        for k in (
            "shireton safeguarding children partnership",
            "shireton children safeguarding partnership",
            "planning committee a",
            "planning committee b",
        )
    }
    _merge_near_bodies(bodies)
    first, second = (
        bodies[("", "shireton safeguarding children partnership")],
        bodies[("", "shireton children safeguarding partnership")],
    )
    assert first is second
    assert bodies[("", "planning committee a")] is not bodies[("", "planning committee b")]


def test_a_shortened_body_name_folds_into_the_one_body_it_fits_in_the_same_document():
    from extract.records import OrgKind
    from graph.core.resolve import BodyEntity, _merge_subset_names

    def body(key, docs):
        return BodyEntity(key=key, scope="", kind=OrgKind.EXTERNAL, docs=set(docs))

    bodies = {
        ("", k): body(k, d)
        for k, d in (
            ("shireton safeguarding children partnership", {"a"}),
            ("safeguarding partnership", {"a"}),
            ("scrutiny committee", {"a"}),
            ("adults scrutiny committee", {"a"}),
            ("children scrutiny committee", {"a"}),
            ("housing board", {"b"}),
            ("shireton housing board", {"c"}),
        )
    }
    _merge_subset_names(bodies, {})
    assert (
        bodies[("", "safeguarding partnership")] is bodies[("", "shireton safeguarding children partnership")]
    )
    assert bodies[("", "scrutiny committee")].key == "scrutiny committee"  # two fit: kept apart
    assert bodies[("", "housing board")].key == "housing board"  # never named in the same document
