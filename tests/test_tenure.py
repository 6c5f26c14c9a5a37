"""Tenures: statements in sentences -> facts, and statements + attestations -> intervals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal

from extract.records import PartialDate as D
from extract.records import PostFact, SeatFact
from graph.core import namespaces as ns
from graph.core.tenure import (
    Spell,
    attach_mention,
    attach_role_only,
    before,
    infer_bounds,
    same_post,
    split_spells,
)
from graph.run.steps import graph_from_facts
from tests.conftest import facts_of

PATTERNS = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "extract" / "patterns" / "tenures.jsonl")
    .read_text()
    .splitlines()
    if line
]
MEETING = (
    "MINUTES of the meeting of Audit and Governance Committee held at The Shire Hall, Hereford on "
    "Monday 20 May 2024 at 10.00 am\n"
)


def tenure_facts(text: str) -> list:
    return [f for f in facts_of(text) if f.evidence.rule.startswith("tenure.")]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p["id"] for p in PATTERNS])
def test_every_rule_reads_its_example(pattern):
    text = pattern["example"] if pattern["id"] != "tenure.elected-chair" else MEETING + pattern["example"]
    facts = [f for f in tenure_facts(text) if f.evidence.rule == pattern["id"]]
    assert len(facts) == 1, facts
    f = facts[0]
    for key, want in pattern["expect"].items():
        got = getattr(f, key)
        got = got.iso if isinstance(got, D) else got.value if key == "role" else got
        assert got == want, (key, got, want)


# sentence -> (person, post, start, end, interim, role_only); None = no tenure fact
SENTENCES = [
    (
        "Jane Doe was appointed interim Director of Children's Services from 1 July 2024 until 31 March 2025.",
        ("Jane Doe", "Director of Children's Services", "2024-07-01", "2025-03-31", True, False),
    ),
    (
        "Mr John Brown has been appointed as Chief Executive with effect from 3 January 2023.",
        ("John Brown", "Chief Executive", "2023-01-03", None, False, False),
    ),
    (
        "The interim Monitoring Officer was appointed and took up post on 4 March 2024.",
        None,
    ),  # "and took up" is not the shape the rule reads: no guess
    (
        "An acting Head of Legal Services was appointed who started post on 12 June 2023.",
        ("", "Head of Legal Services", "2023-06-12", None, True, True),
    ),
    (
        "The Director of Children's Services left Herefordshire Council by agreement in March 24.",
        ("", "Director of Children's Services", None, "2024-03", False, True),
    ),
    (
        "The Chief Executive left the council on 31 August 2022.",
        ("", "Chief Executive", None, "2022-08-31", False, True),
    ),
    (
        "Mark Smith, Head of Legal Services, left the council in March 2024.",
        ("Mark Smith", "Head of Legal Services", None, "2024-03", False, False),
    ),
    (
        "Mr Crowe leaves the council on 31 October 2025 to become Chief Executive of Eastbridge Borough Council.",
        ("Crowe", "", None, "2025-10-31", False, False),
    ),
    ("Ann Jones left the council in 2019.", None),  # a bare year is not read as a month or a day
    ("The committee noted that the Director of Finance would attend the next meeting.", None),
    ("Paul Walker - Herefordshire Council Chief Executive", None),  # a key line without (Interim)
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s[:40] for s, _e in SENTENCES])
def test_statement_sentences(sentence, expected):
    facts = [f for f in tenure_facts(sentence) if isinstance(f, PostFact)]
    if expected is None:
        assert facts == []
        return
    assert len(facts) == 1, facts
    f = facts[0]
    got = (
        f.person,
        f.post,
        f.start.iso if f.start else None,
        f.end.iso if f.end else None,
        f.interim,
        f.role_only,
    )
    assert got == expected


def test_elected_chair_at_the_annual_meeting_starts_at_the_meeting():
    facts = tenure_facts(MEETING + "Councillor Ann Brown was elected Chairperson at the annual meeting.")
    assert [(f.person, f.role.value, f.body, f.start.iso) for f in facts if isinstance(f, SeatFact)] == [
        ("Ann Brown", "chair", "Audit and Governance Committee", "2024-05-20")
    ]


# --- intervals -------------------------------------------------------------------------------
A, B, C = object(), object(), object()
COUNCIL = object()


def spell(
    person, post="Chief Executive", *, att=(), start=None, end=None, interim=False, is_post=True
) -> Spell:
    s = Spell(
        person,
        post,
        COUNCIL,
        is_post,
        stated_start=D(start) if start else None,
        stated_end=D(end) if end else None,
        interim=interim,
    )
    s.attested = {D(a) for a in att}
    s.docs = {"plan.txt"}
    return s


def bounds(s: Spell):
    return (
        s.start.date.iso if s.start else None,
        s.start.basis if s.start else None,
        s.end.date.iso if s.end else None,
        s.end.basis if s.end else None,
    )


# case -> spells in, the bounds of each out: (start, basis, end, basis)
INTERVALS = [
    (
        "stated start and end",
        [spell(A, start="2024-07-01", end="2025-03-31", att=["2024-09-17"], interim=True)],
        [("2024-07-01", "stated", "2025-03-31", "stated")],
    ),
    (
        "attestations only: the first is an inferred start, no end",
        [spell(A, att=["2023-05-01", "2024-02"])],
        [("2023-05-01", "inferred", None, None)],
    ),
    (
        "a successor's start ends the spell before it",
        [spell(A, att=["2021-01-10", "2022-06-01"]), spell(B, start="2023-01-03", att=["2023-05-01"])],
        [("2021-01-10", "inferred", "2023-01-03", "inferred"), ("2023-01-03", "stated", None, None)],
    ),
    (
        "an inferred end never passes the successor's first evidence (named as incoming before the start)",
        [spell(A, att=["2021-01-10"]), spell(B, start="2023-06-01", att=["2023-02"])],
        [("2021-01-10", "inferred", "2023-02", "inferred"), ("2023-06-01", "stated", None, None)],
    ),
    (
        "a stated end wins over the successor's start",
        [spell(A, att=["2021-01-10"], end="2022-12"), spell(B, att=["2023-05-01"])],
        [("2021-01-10", "inferred", "2022-12", "stated"), ("2023-05-01", "inferred", None, None)],
    ),
    (
        "overlapping mentions: no successor end is inferred",
        [spell(A, att=["2021-01-10", "2023-06-01"]), spell(B, att=["2023-05-01"])],
        [("2021-01-10", "inferred", None, None), ("2023-05-01", "inferred", None, None)],
    ),
    (
        "members of a committee do not succeed each other",
        [
            spell(A, "Member", att=["2021-01-10"], is_post=False),
            spell(B, "Member", att=["2023-05-01"], is_post=False),
        ],
        [("2021-01-10", "inferred", None, None), ("2023-05-01", "inferred", None, None)],
    ),
    (
        "a chair is succeeded",
        [
            spell(A, "Chair", att=["2021-05"], is_post=False),
            spell(B, "Chair", start="2022-05-20", is_post=False),
        ],
        [("2021-05", "inferred", "2022-05-20", "inferred"), ("2022-05-20", "stated", None, None)],
    ),
    ("dates keep their precision", [spell(A, att=["2015"])], [("2015", "inferred", None, None)]),
    (
        "a first mention after the stated end is no start",
        [spell(A, att=["2024-07-30"], end="2024-03")],
        [(None, None, "2024-03", "stated")],
    ),
]


@pytest.mark.parametrize(("case", "spells", "expected"), INTERVALS, ids=[i[0] for i in INTERVALS])
def test_intervals(case, spells, expected):
    infer_bounds(spells)
    assert [bounds(s) for s in spells] == expected, case


def test_two_stated_starts_are_two_spells():
    bag = [
        spell(A, start="2015-04-01", att=["2015-06-01"]),
        spell(A, att=["2016-01-10", "2021-03-01"]),
        spell(A, start="2020-09-01", end="2021-08-31"),
    ]
    out = split_spells(bag)
    assert [
        (s.stated_start.iso, s.stated_end.iso if s.stated_end else None, sorted(d.iso for d in s.attested))
        for s in out
    ] == [("2015-04-01", None, ["2015-06-01", "2016-01-10"]), ("2020-09-01", "2021-08-31", ["2021-03-01"])]


def test_partial_dates_compare_at_their_common_precision():
    assert before(D("2024-02-10"), D("2024-03"))
    assert not before(D("2024-03"), D("2024-03-14")) and not before(D("2024-03-14"), D("2024-03"))
    assert before(D("2023"), D("2024-01-01"))


# role-only statement -> the one holder it fits
ROLE_ONLY = [
    (
        "left in March 2024: the holder last seen before then",
        [
            spell(A, "Director of Children's Services", att=["2023-06-01", "2024-02"]),
            spell(B, "Director of Childrens Services", att=["2024-07-30"], interim=True),
        ],
        ("Director of Children's Services", None, "2024-03"),
        A,
    ),
    (
        "appointed from July 2024: the holder seen within the spell",
        [
            spell(A, "Director of Children's Services", att=["2024-02"]),
            spell(B, "Director of Childrens Services", att=["2024-07-30"]),
        ],
        ("Director of Children's Services", "2024-07-01", "2025-03-31"),
        B,
    ),
    (
        "the post as worded wins over a longer wording of it",
        [
            spell(A, "Director of Children and Young People Services", att=["2024-07-30"]),
            spell(B, "Director of Childrens Services", att=["2024-07-30"], interim=True),
        ],
        ("Director of Children's Services", "2024-07-01", "2025-03-31"),
        B,
    ),
    (
        "left before the document that names the holder: the one it names whose start does not come later",
        [
            spell(A, "Director of Children and Young People Services", att=["2024-07-30"]),
            spell(B, "Director of Childrens Services", att=["2024-07-30"], start="2024-07-01"),
        ],
        ("Director of Children's Services", None, "2024-03"),
        A,
    ),
    (
        "two holders fit: no one",
        [spell(A, att=["2024-01-10"]), spell(B, att=["2024-02-10"])],
        ("Chief Executive", None, "2024-03"),
        None,
    ),
    (
        "no holder of that post",
        [spell(A, att=["2024-01-10"])],
        ("Director of Public Health", None, "2024-03"),
        None,
    ),
]


@pytest.mark.parametrize(("case", "spells", "statement", "holder"), ROLE_ONLY, ids=[r[0] for r in ROLE_ONLY])
def test_role_only_statements(case, spells, statement, holder):
    post, start, end = statement
    hit, why = attach_role_only(
        spells, COUNCIL, post, D(start) if start else None, D(end) if end else None, "plan.txt"
    )
    assert (hit.person if hit else None) is holder, (case, why)


# role-only mention ("the Chief Executive said", on a date) -> the one holder whose dated spell covers it
MENTIONS = [
    (
        "the successor after her start",
        [spell(A, att=["2021-01-10", "2022-06-01"]), spell(B, start="2023-01-03")],
        ("Chief Executive", "2023-06-01"),
        B,
    ),
    (
        "the predecessor before the successor's start",
        [spell(A, att=["2021-01-10"]), spell(B, start="2023-01-03")],
        ("Chief Executive", "2022-09-01"),
        A,
    ),
    ("an abbreviation is the post", [spell(A, att=["2023-01-10"])], ("CEO", "2023-06-01"), A),
    (
        "within a stated interim spell",
        [spell(A, "Director of Children's Services", start="2024-07-01", end="2025-03-31", interim=True)],
        ("DCS", "2024-09-17"),
        A,
    ),
    (
        "after a stated end: no one",
        [spell(A, att=["2023-01-10"], end="2023-03")],
        ("Chief Executive", "2023-06-01"),
        None,
    ),
    (
        "two open holders: no one",
        [spell(A, att=["2023-01-10", "2023-09-01"]), spell(B, att=["2023-05-01"])],
        ("Chief Executive", "2023-06-01"),
        None,
    ),
    (
        "an open spell last seen long before: no one",
        [spell(A, att=["2015"])],
        ("Chief Executive", "2023-06-01"),
        None,
    ),
    (
        "a statutory title is not the job title",
        [spell(A, "Corporate Director Children and Young People", att=["2024-07-30"])],
        ("Director of Children's Services", "2024-07-30"),
        None,
    ),
    (
        "a seat is not a post",
        [spell(A, "Leader", att=["2023-01-10"], is_post=False)],
        ("Leader", "2023-06-01"),
        None,
    ),
]


@pytest.mark.parametrize(("case", "spells", "mention", "holder"), MENTIONS, ids=[m[0] for m in MENTIONS])
def test_role_only_mentions(case, spells, mention, holder):
    infer_bounds(spells)
    post, on = mention
    hit, why = attach_mention(spells, COUNCIL, post, D(on))
    assert (hit.person if hit else None) is holder, (case, why)
    assert (why == "") is (holder is not None)


def test_a_role_only_statement_dates_the_holders_membership_in_the_graph():
    text = (
        "Tina Russell – Director of Childrens Services (Interim)\n"
        "An interim Director of Children's Services was appointed who started post on 1 July 2024 and is "
        "subject to a 9 month fixed term contract to 31 March 2025.\n"
    )
    facts = facts_of(text, date="2024-09-17")
    docs = {"test.txt": {"council": "Herefordshire Council", "date": "2024-09-17", "sha256": "x"}}
    result = graph_from_facts(docs, {"test.txt": facts}, include_private=False)
    g = result.triples.to_rdflib()
    CG, ORG, TIME, XSD = ns.CG, ns.ORG, ns.TIME, ns.XSD  # noqa: N806
    (m,) = list(
        g.subjects(
            ORG.role, next(g.subjects(predicate=None, object=Literal("Director of Childrens Services")))
        )
    )
    assert (m, CG.interim, Literal(True)) in g
    iv = g.value(m, ORG.memberDuring)
    start, end = g.value(iv, TIME.hasBeginning), g.value(iv, TIME.hasEnd)
    assert g.value(start, TIME.inXSDDate) == Literal("2024-07-01", datatype=XSD.date)
    assert g.value(end, TIME.inXSDDate) == Literal("2025-03-31", datatype=XSD.date)
    assert g.value(start, CG.dateBasis) == Literal("stated") == g.value(end, CG.dateBasis)
    assert (m, CG.attestedOn, Literal("2024-09-17", datatype=XSD.date)) in g


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Director of Children's Services", "Director of Childrens Services", True),
        ("Director of Children's Services", "Director of Children and Young People Services", True),
        ("Director of Children's Services", "Corporate Director Children and Young People", False),
        ("Chief Executive", "Chief Executive Officer", True),  # one known post (patterns/roles.jsonl)
        ("Head of Service", "Head of Service Delivery", False),  # two words: too few to say
        ("Director of Public Health", "Director of Children's Services", False),
    ],
)
def test_same_post(a, b, same):
    assert same_post(a, b) is same


def test_a_named_start_without_a_post_starts_the_one_post_the_document_names_her_in():
    text = (
        "The council confirmed the appointment of Catherine Ellwood as its new Chief Executive. Ms Ellwood, "
        "currently Deputy Chief Executive at Rivermead Borough Council, will take up the post on 1 August 2021.\n"
    )
    facts = facts_of(text, date="2021-05-19")
    docs = {"test.txt": {"council": "Herefordshire Council", "date": "2021-05-19", "sha256": "x"}}
    result = graph_from_facts(docs, {"test.txt": facts}, include_private=False)
    g = result.triples.to_rdflib()
    ORG, SKOS, TIME = ns.ORG, ns.SKOS, ns.TIME  # noqa: N806
    starts = {}
    for m in g.subjects(ns.RDF.type, ORG.Membership):
        label = str(g.value(g.value(m, ORG.role), SKOS.prefLabel))
        iv = g.value(m, ORG.memberDuring)
        start = g.value(g.value(iv, TIME.hasBeginning), TIME.inXSDDate) if iv else None
        basis = g.value(g.value(iv, TIME.hasBeginning), ns.CG.dateBasis) if iv else None
        starts[label] = (str(start) if start else None, str(basis) if basis else None)
    assert starts["Chief Executive"] == ("2021-08-01", "stated")
    assert starts["Deputy Chief Executive"] != ("2021-08-01", "stated")
    assert not result.problems
