"""The tenure stage on its own: hand-made facts -> resolution -> the spells it dates and the problems
it reports, with no RDF in between (`graph.core.tenure.attach_tenures`)."""

from __future__ import annotations

import copy

from extract.records import (
    Evidence,
    Fact,
    OrganizationFact,
    OrgKind,
    PartialDate,
    PersonFact,
    PostFact,
    SeatFact,
    SeatRole,
)
from graph.core.resolve import resolve
from graph.core.tenure import Bound, Tenures, attach_tenures

COUNCIL = "Herefordshire Council"


def _ev(doc: str, text: str) -> Evidence:
    return Evidence(doc_id=doc, start=0, end=len(text), text=text, rule="test")


def _d(iso: str | None) -> PartialDate | None:
    return PartialDate(iso) if iso else None


def person(doc: str, name: str, *, public: bool = True) -> PersonFact:
    return PersonFact(name=name, public=public, evidence=_ev(doc, name))


def post(
    doc: str,
    name: str,
    title: str,
    *,
    on: str | None = None,
    start: str | None = None,
    end: str | None = None,
    interim: bool = False,
) -> PostFact:
    return PostFact(
        person=name,
        post=title,
        org=COUNCIL,
        date=_d(on),
        start=_d(start),
        end=_d(end),
        interim=interim,
        role_only=not name,
        evidence=_ev(doc, f"{name or 'The'} {title}"),
    )


def seat(doc: str, name: str, body: str, role: SeatRole, *, on: str) -> SeatFact:
    return SeatFact(person=name, body=body, role=role, date=_d(on), evidence=_ev(doc, f"{name}, {role}"))


def stage(docs: dict[str, tuple[str, list[Fact]]], *, include_private: bool = False) -> Tenures:
    """doc -> (date, facts) -> the tenure stage's record"""
    headers = {d: {"council": COUNCIL, "date": date} for d, (date, _f) in docs.items()}
    facts = {d: f for d, (_date, f) in docs.items()}
    return attach_tenures(facts, resolve(headers, facts), include_private=include_private)


def spells(t: Tenures) -> list[tuple]:
    """(person, role, organization, start, its basis, end, its basis, attested) of each spell"""
    return [
        (
            s.person.name,
            s.role_label,
            s.org.name,
            s.start.date.iso if s.start else None,
            s.start.basis if s.start else None,
            s.end.date.iso if s.end else None,
            s.end.basis if s.end else None,
            sorted(d.iso for d in s.attested),
        )
        for s in t.spells
    ]


def test_a_successor_s_stated_start_ends_the_spell_before_it():
    t = stage(
        {
            "a": (
                "2021-01-10",
                [person("a", "Paul Walker"), post("a", "Paul Walker", "Chief Executive", on="2021-01-10")],
            ),
            "b": (
                "2023-05-01",
                [person("b", "Jane Roe"), post("b", "Jane Roe", "Chief Executive", start="2023-01-03")],
            ),
        }
    )
    assert sorted(spells(t)) == [
        ("Jane Roe", "Chief Executive", COUNCIL, "2023-01-03", "stated", None, None, []),
        (
            "Paul Walker",
            "Chief Executive",
            COUNCIL,
            "2021-01-10",
            "inferred",
            "2023-01-03",
            "inferred",
            ["2021-01-10"],
        ),
    ]
    assert t.problems == ()


def test_a_role_only_statement_ends_its_one_holder_and_a_mention_attests_her():
    t = stage(
        {
            "a": (
                "2023-06-01",
                [
                    person("a", "Tina Russell"),
                    post("a", "Tina Russell", "Director of Children's Services", on="2023-06-01"),
                ],
            ),
            "b": ("2023-09-12", [post("b", "", "DCS", on="2023-09-12")]),  # "the DCS said"
            "c": ("2024-05-01", [post("c", "", "Director of Children's Services", end="2024-03")]),
        }
    )
    assert spells(t) == [
        (
            "Tina Russell",
            "Director of Children's Services",
            COUNCIL,
            "2023-06-01",
            "inferred",
            "2024-03",
            "stated",
            ["2023-06-01", "2023-09-12"],
        )
    ]
    (s,) = t.spells
    assert s.docs == {"a", "b", "c"}
    assert s.role_forms == {"Director of Children's Services", "DCS"}
    assert t.problems == ()


def test_a_mention_two_holders_fit_is_reported_and_attached_to_no_one():
    t = stage(
        {
            "a": (
                "2023-03-01",
                [
                    person("a", "Paul Walker"),
                    person("a", "Jane Roe"),
                    post("a", "Paul Walker", "Chief Executive", on="2023-03-01"),
                    post("a", "Jane Roe", "Chief Executive", on="2023-03-01"),
                ],
            ),
            "m": ("2023-06-01", [post("m", "", "Chief Executive", on="2023-06-01")]),
        }
    )
    assert [s.attested for s in t.spells] == [{PartialDate("2023-03-01")}] * 2
    assert [(p.doc_id, p.stage, p.code) for p in t.problems] == [("m", "graph.tenure", "W302")]
    assert "Jane Roe, Paul Walker" in t.problems[0].message


def test_a_start_with_no_post_starts_the_one_post_the_document_names():
    t = stage(
        {
            "a": (
                "2021-05-19",
                [
                    person("a", "Catherine Ellwood"),
                    post("a", "Catherine Ellwood", "Chief Executive", on="2021-05-19"),
                    post("a", "Catherine Ellwood", "", start="2021-08-01"),
                ],
            ),
        }
    )
    assert [(s.role_label, s.start) for s in t.spells] == [
        ("Chief Executive", Bound(PartialDate("2021-08-01"), "stated"))
    ]
    assert t.spells[0].docs == {"a"} and t.problems == ()


def test_a_chair_is_succeeded_in_a_committee_no_organization_fact_names():
    t = stage(
        {
            "a": (
                "2021-05-10",
                [
                    person("a", "Ann Brown"),
                    seat("a", "Ann Brown", "Audit Committee", SeatRole.CHAIR, on="2021-05-10"),
                ],
            ),
            "b": (
                "2022-05-20",
                [
                    person("b", "Bob Green"),
                    seat("b", "Bob Green", "Audit Committee", SeatRole.CHAIR, on="2022-05-20"),
                ],
            ),
        }
    )
    assert spells(t) == [
        (
            "Ann Brown",
            "Chair",
            "Audit Committee",
            "2021-05-10",
            "inferred",
            "2022-05-20",
            "inferred",
            ["2021-05-10"],
        ),
        ("Bob Green", "Chair", "Audit Committee", "2022-05-20", "inferred", None, None, ["2022-05-20"]),
    ]
    # the committee is a body the stage made, handed on in its record
    assert [(b.name, b.kind) for b in t.made.values()] == [("Audit Committee", OrgKind.COMMITTEE)]
    assert t.spells[0].org is t.spells[1].org is next(iter(t.made.values()))


def test_a_private_individual_holds_no_published_spell():
    docs = {
        "a": (
            "2024-01-10",
            [person("a", "Sam Taylor", public=False), post("a", "Sam Taylor", "Clerk", on="2024-01-10")],
        )
    }
    assert stage(docs).spells == ()
    assert [s.person.name for s in stage(docs, include_private=True).spells] == ["Sam Taylor"]


def test_the_stage_changes_neither_the_facts_nor_the_resolution():
    facts: dict[str, list[Fact]] = {
        "a": [
            OrganizationFact(name=COUNCIL, kind=OrgKind.COUNCIL, evidence=_ev("a", COUNCIL)),
            person("a", "Paul Walker"),
            post("a", "Paul Walker", "Chief Executive", on="2021-01-10"),
            seat("a", "Paul Walker", "Cabinet", SeatRole.MEMBER, on="2021-01-10"),
            post("a", "", "Director of Public Health", end="2021-03"),
        ]
    }
    headers = {"a": {"council": COUNCIL, "date": "2021-01-10"}}
    res = resolve(headers, facts)
    before = (
        copy.deepcopy(facts),
        dict(res.bodies),
        {k: (b.names.copy(), set(b.docs)) for k, b in res.bodies.items()},
    )
    t = attach_tenures(facts, res)
    assert [p.code for p in t.problems] == ["W301"]  # no holder of that post is known
    assert res.problems == ()
    assert (facts, dict(res.bodies), {k: (b.names, b.docs) for k, b in res.bodies.items()}) == before


def test_an_interim_holding_before_the_substantive_start_is_a_spell_of_its_own():
    """ "the current Interim Chief Executive, Paul Satoor" in March, then "appointed Chief Executive from 1 June":
    two spells, the interim one ended by the substantive start; attested in March, he was interim then."""
    t = stage(
        {
            "a": (
                "2019-03-10",
                [
                    person("a", "Paul Satoor"),
                    post("a", "Paul Satoor", "Chief Executive", on="2019-03-10", interim=True),
                ],
            ),
            "b": (
                "2019-05-20",
                [person("b", "Paul Satoor"), post("b", "Paul Satoor", "Chief Executive", start="2019-06-01")],
            ),
        }
    )
    got = sorted((s.interim, s.start and s.start.date.iso, s.end and s.end.date.iso) for s in t.spells)
    assert got == [(False, "2019-06-01", None), (True, "2019-03-10", "2019-06-01")]
