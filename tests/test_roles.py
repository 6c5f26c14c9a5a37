"""Roles: one post under its written forms, and role-only mentions ("the Chief Executive said").

Tables: written title -> known post (`extract/patterns/roles.jsonl`); sentence -> role-only
mention (and sentences that give none); a small corpus -> one Role node per post with the
other forms as `skos:altLabel`, and a mention attached to the one holder on its date or
reported (W302 / W303), never guessed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Literal

from extract.records import PostFact
from extract.vocab.posts import is_abbreviation, role_of, roles
from graph.core import namespaces as ns
from graph.core.tenure import role_key, same_post
from graph.run.steps import graph_from_facts
from tests.conftest import facts_of

ROLES = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "extract" / "patterns" / "roles.jsonl")
    .read_text()
    .splitlines()
    if line
]
MEETING = (
    "MINUTES of the meeting of Audit and Governance Committee held at The Shire Hall, Hereford on "
    "Monday 20 May 2024 at 10.00 am\n"
)


@pytest.mark.parametrize("entry", ROLES, ids=[r["id"] for r in ROLES])
def test_every_role_has_its_label_among_its_forms_and_its_example_reads_as_it(entry):
    assert entry["kind"] in ("statutory", "job")
    assert entry["label"] in entry["forms"]
    assert not is_abbreviation(entry["label"])
    found = [f for f in facts_of(entry["example"] + "\n", "holds_post") if f.person]
    assert [role_of(f.post).id if role_of(f.post) else None for f in found] == [entry["id"]], found


def test_no_written_form_belongs_to_two_roles():
    seen: dict[str, str] = {}
    for r in roles():
        for form in r.forms:
            key = form if is_abbreviation(form) else form.lower()
            assert seen.setdefault(key, r.id) == r.id, (form, seen[key], r.id)


# written title -> the known post it is (None: not one of the file's posts)
@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Director of Children's Services", "role.dcs"),
        ("Director for Children\u2019s Services", "role.dcs"),
        ("Director of Childrens Services", "role.dcs"),
        ("DCS", "role.dcs"),
        ("Interim Director of Children's Services", "role.dcs"),
        ("dcs", None),  # an abbreviation counts only as written, in capitals
        ("Corporate Director Children and Young People", None),  # the job title, not the statutory role
        ("Director of Children and Young People Services", None),
        ("Chief Executive Officer", "role.chief-executive"),
        ("CEO", "role.chief-executive"),
        ("Deputy Chief Executive", "role.deputy-chief-executive"),
        ("S.151 Officer", "role.s151"),
        ("Section 151 Officer", "role.s151"),
        ("Monitoring officer", "role.monitoring-officer"),
        ("Head of Paid Service", "role.head-of-paid-service"),
        ("Director of Adult Social Services", "role.dass"),
        ("DASS", "role.dass"),
        ("Director of Public Health", "role.dph"),
        ("Director of Finance", None),
        ("Chief Financial Officer", "role.cfo"),  # often the s151 officer, but a different title: not merged
    ],
)
def test_role_of(title, role):
    got = role_of(title)
    assert (got.id if got else None) == role


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("DCS", "Director for Children's Services", True),
        ("Director of Children's Services", "Director of Childrens Services", True),
        ("Director of Children's Services", "Corporate Director Children and Young People", False),
        ("Chief Executive", "CEO", True),
        ("Chief Executive", "Deputy Chief Executive", False),
        ("Section 151 Officer", "Chief Financial Officer", False),
        ("Monitoring Officer", "MO", True),
    ],
)
def test_one_post_under_its_written_forms(a, b, same):
    assert same_post(a, b) is same
    assert (role_key(a) == role_key(b)) is same


# sentence in a dated meeting -> the post a role-only mention names (None: no mention)
@pytest.mark.parametrize(
    ("sentence", "post"),
    [
        ("The Chief Executive said that the budget was balanced.", "Chief Executive"),
        (
            "In reply, the Director of Children's Services confirmed that visits were on time.",
            "Director of Children's Services",
        ),
        (
            "The Corporate Director Children and Young People explained the plan.",
            "Corporate Director Children and Young People",
        ),
        ("the DCS advised that the audit was complete.", "DCS"),
        ("The interim Monitoring Officer reported no complaints.", "Monitoring Officer"),
        (
            "The Cabinet Member for Children and Families thanked officers.",
            "Cabinet Member for Children and Families",
        ),
        (
            "Paul Walker, the Chief Executive, said it was fine.",
            None,
        ),  # named: a post of Paul Walker, not a mention
        ("The Chair said the meeting was quorate.", None),  # a seat, not a post
        ("The committee noted that the Director of Finance would attend the next meeting.", None),
        ("The Chief Executive's report was noted.", None),
        ("The council said the roads were safe.", None),
    ],
)
def test_role_only_mentions(sentence, post):
    found = [f for f in facts_of(MEETING + sentence) if isinstance(f, PostFact) and f.role_only]
    if post is None:
        assert found == []
        return
    assert [(f.post, f.person, f.date.iso, f.start, f.end) for f in found] == [
        (post, "", "2024-05-20", None, None)
    ]
    f = found[0]
    assert f.evidence.text == (MEETING + sentence)[f.evidence.start : f.evidence.end]


def test_an_undated_mention_is_not_kept():
    assert [
        f
        for f in facts_of("The Chief Executive said it was fine.", date=None)
        if isinstance(f, PostFact) and f.role_only
    ] == []


# --- the graph ---------------------------------------------------------------------------------
def _build(docs: dict[str, tuple[str, str]]):
    """doc -> (date, text) -> (graph, what the graph stages found)"""
    facts = {d: facts_of(text, doc_id=d, date=date) for d, (date, text) in docs.items()}
    headers = {
        d: {"council": "Herefordshire Council", "date": date, "sha256": d} for d, (date, _t) in docs.items()
    }
    result = graph_from_facts(headers, facts, include_private=False)
    return result.triples.to_rdflib(), result


def _memberships(g, name: str) -> dict[str, set[str]]:
    """role label -> attested dates of the person's memberships"""
    person = next(g.subjects(ns.FOAF.name, Literal(name)))
    out: dict[str, set[str]] = {}
    for m in g.subjects(ns.ORG.member, person):
        label = str(g.value(g.value(m, ns.ORG.role), ns.SKOS.prefLabel))
        out.setdefault(label, set()).update(str(d) for d in g.objects(m, ns.CG.attestedOn))
    return out


def test_one_role_node_per_post_with_the_other_forms_as_alt_labels():
    g, _res = _build(
        {
            "a.txt": ("2024-01-10", "Deliver the plan\tJohn Maynard - Tina Russell - DCS\t2024/25\n"),
            "b.txt": ("2024-02-10", "Tina Russell, Director of Children's Services, presented the report.\n"),
            "c.txt": (
                "2024-03-10",
                "Jo Davidson, Director for Children's Services, said it was fine.\n"
                "Tina Russell (Corporate Director Children and Young People) attended.\n",
            ),
        }
    )
    dcs = [
        r
        for r in g.subjects(ns.RDF.type, ns.ORG.Role)
        if role_of(str(g.value(r, ns.SKOS.prefLabel)) or "")
        and role_of(str(g.value(r, ns.SKOS.prefLabel))).id == "role.dcs"
    ]
    assert len(dcs) == 1  # Tina Russell and Jo Davidson share it
    assert {str(a) for a in g.objects(dcs[0], ns.SKOS.altLabel)} == {
        "DCS",
        "Director for Children's Services",
    }
    assert str(g.value(dcs[0], ns.SKOS.prefLabel)) == "Director of Children's Services"
    # the job title is another post
    assert set(_memberships(g, "Tina Russell")) == {
        "Director of Children's Services",
        "Corporate Director Children and Young People",
    }


def test_a_role_only_mention_is_an_attestation_of_the_one_holder_then():
    g, result = _build(
        {
            "sig.txt": ("2023-03-01", "Paul Walker - Herefordshire Council Chief Executive\n"),
            "mins.txt": (
                "2023-06-01",
                MEETING.replace("Monday 20 May 2024", "Thursday 1 June 2023")
                + "The Chief Executive said that the budget was balanced.\n",
            ),
        }
    )
    assert _memberships(g, "Paul Walker") == {"Chief Executive": {"2023-03-01", "2023-06-01"}}
    assert not [p for p in result.problems if p.code in ("W302", "W303")]


@pytest.mark.parametrize(
    ("docs", "code"),
    [
        # two holders both open on the date: reported, attached to no one
        (
            {
                "a.txt": ("2023-03-01", "Paul Walker - Herefordshire Council Chief Executive\n"),
                "b.txt": ("2023-03-01", "Jane Roe - Herefordshire Council Chief Executive\n"),
            },
            "W302",
        ),
        # no holder of the post known
        ({"a.txt": ("2023-03-01", "Jane Roe - Herefordshire Council Director of Finance\n")}, "W303"),
        # the one holder was last seen too long before the mention
        ({"a.txt": ("2015-03-01", "Paul Walker - Herefordshire Council Chief Executive\n")}, "W303"),
    ],
)
def test_an_ambiguous_or_unknown_role_only_mention_is_reported_not_guessed(docs, code):
    docs = {
        **docs,
        "mins.txt": (
            "2023-06-01",
            MEETING.replace("Monday 20 May 2024", "Thursday 1 June 2023")
            + "The Chief Executive said that the budget was balanced.\n",
        ),
    }
    g, result = _build(docs)
    assert [p.code for p in result.problems if p.doc_id == "mins.txt"] == [code]
    for m in g.subjects(ns.RDF.type, ns.ORG.Membership):
        assert Literal("2023-06-01", datatype=ns.XSD.date) not in set(g.objects(m, ns.CG.attestedOn))


def test_who_finds_a_post_by_another_written_form(seeds_build):
    from graph.read.people import who

    _cols, rows = who(seeds_build, "DCS")
    # the post "DCS" is another written form of, and the same canonical role under the job titles of the day
    assert ("Director of Children's Services", "Tina Russell") in {(r[0], r[2]) for r in rows}
    assert {r[-2] for r in rows} == {"Director of Children's Services"}
    assert {r[2] for r in rows} >= {"Jo Davidson", "Darryl Freeman"}
