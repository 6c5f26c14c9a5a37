"""Canonical roles: the roles a turnover researcher traces, whatever the post is called that day.

Every wording in `extract/patterns/canonical_roles.jsonl` has examples that must read as its role and
titles that must not (an Assistant Director, a deputy, the Chief Executive's Office); the graph links each
post to its canonical role without merging posts; `who` and `turnover` answer on the role.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.vocab.canonical import canonical_role, canonical_roles, example_link, role_text_key, same_body
from graph.cli import app
from graph.core import namespaces as ns
from graph.read.model import Tenure
from graph.read.people import turnover, vacancies, who

ENTRIES = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "extract/patterns/canonical_roles.jsonl")
    .read_text()
    .splitlines()
    if line.strip()
]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_every_example_reads_as_its_role_and_no_counter_example_does(entry):
    assert entry["examples"] and entry["not"]
    for example in entry["examples"]:
        link = example_link(example)
        assert link is not None and link.role.id == entry["id"], (example, link)
    for title in entry["not"]:
        link = example_link(title)
        assert link is None or link.role.id != entry["id"], (title, link)


def test_role_ids_are_unique():
    ids = [c.id for c in canonical_roles()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("wording", "seat_on", "body", "role", "of"),
    [
        ("Director Children's Wellbeing", None, "", "dcs", ""),
        ("Corporate Director Children and Young People", None, "", "dcs", ""),
        ("Director of Children and Young People Services", None, "", "dcs", ""),
        ("Director of Children’s Services (Interim)", None, "", "dcs", ""),
        ("Assistant Director Children's Services", None, "", None, ""),
        ("Head of Chief Executive's Office", None, "", None, ""),
        ("Deputy Chief Executive", None, "", None, ""),
        ("Depute Provost of Perth and Kinross", None, "", "vice-chair-of-council", ""),
        ("Provost", None, "", "chair-of-council", ""),
        ("Chair", "council", "Example Council", "chair-of-council", ""),
        ("Chair", "committee", "Audit and Risk Committee", "committee-chair", "Audit and Risk Committee"),
        (
            "Vice-chair",
            "committee",
            "Audit and Risk Committee",
            "committee-vice-chair",
            "Audit and Risk Committee",
        ),
        ("Leader", "council", "Example Council", "leader", ""),
        ("Chair of Audit and Risk Committee", None, "", "committee-chair", "audit and risk committee"),
        ("Cabinet Member – Children’s Social Care", None, "", "cabinet-member", "childrens social care"),
    ],
)
def test_canonical_role(wording, seat_on, body, role, of):
    link = canonical_role(wording, seat_on, body)
    got = (link.role.id, link.of) if link else (None, "")
    assert got == (role, of)


def test_same_body_ignores_the_article_and_punctuation():
    assert same_body("the Audit & Risk Committee", "Audit and Risk Committee")
    assert same_body("Children’s Social Care", "childrens social care")
    assert not same_body("Audit Committee", "Audit and Risk Committee")
    assert role_text_key("The Interim Chief Executive") == "chief executive"


def test_posts_link_to_their_canonical_role_without_merging(seeds_build):
    g = __import__("rdflib").Graph().parse(seeds_build / "graph.ttl")
    dcs = ns.ID["canonical-role/dcs"]
    assert (dcs, ns.RDF.type, ns.CG.CanonicalRole) in g
    labels = {str(g.value(r, ns.SKOS.prefLabel)) for r in g.subjects(ns.SKOS.broader, dcs)}
    # the statutory title and the job titles are still separate Role nodes, each linked to the role
    assert {"Director of Children's Services", "Director Children's Wellbeing"} <= labels


def _who(graph: Path, post: str, org: str, on: str) -> tuple[list[dict], str]:
    r = CliRunner().invoke(
        app, ["who", post, "--graph", str(graph), "--org", org, "--on", on, "--format", "csv"]
    )
    assert r.exit_code == 0, r.output
    return list(csv.DictReader(io.StringIO(r.stdout))), r.stderr


def test_who_answers_the_role_under_the_job_title_of_the_day(seeds_build):
    rows, _ = _who(seeds_build, "Director of Children's Services", "Herefordshire", "2015")
    assert {r["holder"] for r in rows} == {"Jo Davidson"}
    assert (
        rows[0]["post"] == "Director Children's Wellbeing"
        and rows[0]["role"] == "Director of Children's Services"
    )
    rows, _ = _who(seeds_build, "Director of Adult Social Services", "Herefordshire", "2015")
    assert {r["holder"] for r in rows} == {"Helen Coombes"}


def test_who_says_vacant_between_a_stated_end_and_the_next_stated_start(seeds_build):
    rows, err = _who(seeds_build, "Director of Children's Services", "Herefordshire", "2024-05-01")
    assert rows == [] and "vacant" in err and "Darryl Freeman" in err and "Tina Russell" in err


def test_who_answers_a_seat_and_names_the_council_of_a_committee(seeds_build):
    rows, _ = _who(seeds_build, "Leader of the Council", "Herefordshire", "2024-07-30")
    assert {r["holder"] for r in rows} == {"Jonathan Lester"}
    rows, _ = _who(
        seeds_build, "Chair of Children and Young People Scrutiny Committee", "Herefordshire", "2024-09-17"
    )
    assert {r["holder"] for r in rows} == {"Toni Fagan"}
    assert rows[0]["council"] == "Herefordshire Council"


def test_who_lists_the_role_as_a_timeline(seeds_build):
    # the holders in the order they held it, whatever the wording each was written under: Davidson (2015),
    # Freeman (known by his stated end, March 2024), Russell (interim from July 2024)
    _cols, rows = who(seeds_build, "Director of Children's Services", org="Herefordshire")
    holders = [r[2] for r in rows]
    firsts = [holders.index(n) for n in ("Jo Davidson", "Darryl Freeman", "Tina Russell")]
    assert firsts == sorted(firsts)


def test_who_still_takes_part_of_a_wording(seeds_build):
    _cols, rows = who(seeds_build, "Wellbeing", org="Herefordshire")
    assert "Jo Davidson" in {r[2] for r in rows}


def test_turnover_counts_the_vacancy_in_the_role(seeds_build):
    cols, rows = turnover(seeds_build, org="Herefordshire", start="2014", end="2026")
    dcs = [dict(zip(cols, r, strict=True)) for r in rows if r[0] == "Director of Children's Services"]
    assert len(dcs) == 1 and dcs[0]["vacancies"] == "2024-03..2024-07-01"
    assert {"Jo Davidson", "Darryl Freeman", "Tina Russell"} <= set(dcs[0]["names"].split("; "))


def test_a_vacancy_needs_both_ends_stated_and_no_one_between():
    def t(name: str, **kw: str) -> Tenure:
        return Tenure(iri=name, person=name, name=name, role="Director", is_post=True, org="C", **kw)

    left = t("A", end="2024-03", end_basis="stated")
    came = t("B", start="2024-07-01", start_basis="stated")
    assert vacancies([left, came]) == ["2024-03..2024-07-01"]
    seen = t("C", start="2024-05", start_basis="inferred")
    assert vacancies([left, came, seen]) == []  # someone is attested in the role in between
    guess = t("B", start="2024-07-01", start_basis="inferred")
    assert vacancies([left, guess]) == []  # an inferred start is no stated vacancy
