"""`who`, `person` and `turnover` on the bundled corpus (the seeds build of the session)."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from graph.cli import app

runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result


def test_who_gives_the_interim_director_with_stated_dates(seeds_build):
    r = run("who", "Director of Children's Services", "--graph", str(seeds_build), "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    tina = [row for row in rows if row["holder"] == "Tina Russell"]
    assert tina, rows
    assert tina[0]["organization"] == "Herefordshire Council"
    assert (
        tina[0]["start"],
        tina[0]["start basis"],
        tina[0]["end"],
        tina[0]["end basis"],
        tina[0]["interim"],
    ) == ("2024-07-01", "stated", "2025-03-31", "stated", "yes")
    assert "001_281b6b6b12f1ec48.txt" in tina[0]["sources"]


def test_who_on_a_date_and_org_filters(seeds_build):
    r = run(
        "who",
        "Director",
        "--graph",
        str(seeds_build),
        "--org",
        "Herefordshire",
        "--on",
        "2015",
        "--format",
        "csv",
    )
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and all(row["start"].startswith("2015") or "2015" in row["attested"] for row in rows)
    assert "Tina Russell" not in {row["holder"] for row in rows}
    assert {"Helen Coombes", "Jo Davidson"} <= {row["holder"] for row in rows}


def test_who_prints_a_timeline_table(seeds_build):
    r = run("who", "Chair", "--graph", str(seeds_build))
    assert r.exit_code == 0, r.output
    for column in ("post", "holder", "start", "start basis", "end", "interim", "sources"):
        assert column in r.stdout


def test_person_lists_posts_meetings_decisions_and_actions(seeds_build):
    r = run("person", "Tina Russell", "--graph", str(seeds_build), "--format", "json")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Tina Russell\n")
    for section in ("posts and seats", "meetings", "decisions", "actions"):
        assert f"\n{section} (" in r.stdout
    assert "Director of Children's Services" in r.stdout
    assert "Children and Young People Scrutiny Committee" in r.stdout  # a meeting she attended
    assert "Deliver against the Leeds improvement programme" in r.stdout  # an action she owns


def test_person_by_another_written_form(seeds_build):
    r = run("person", "Cllr Fagan", "--graph", str(seeds_build))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Toni Fagan\n")


def test_person_unknown_or_ambiguous_says_so(seeds_build):
    r = run("person", "Nobody Atall", "--graph", str(seeds_build))
    assert r.exit_code == 1 and "no person" in r.output
    r = run("person", "Jones", "--graph", str(seeds_build))
    assert r.exit_code == 1 and "people match" in r.output and "Hilary Jones" in r.output
    r = run("person", "Harvey", "--graph", str(seeds_build))  # a written form of exactly one person
    assert r.exit_code == 0 and r.stdout.startswith("Liz Harvey\n")


def test_turnover_csv(seeds_build):
    r = run(
        "turnover",
        "--graph",
        str(seeds_build),
        "--org",
        "Herefordshire",
        "--from",
        "2014",
        "--to",
        "2026",
        "--format",
        "csv",
    )
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows[0].keys() >= {
        "post",
        "organization",
        "holders",
        "interim spells",
        "mean tenure (days)",
        "gaps with no known holder",
    }
    dcs = [row for row in rows if row["post"] == "Director of Children's Services"]
    assert dcs and dcs[0]["interim spells"] == "1" and dcs[0]["mean tenure (days)"] == "273"
    assert all("Herefordshire" in row["organization"] for row in rows)


def test_turnover_period_excludes_posts_outside_it(seeds_build):
    r = run("turnover", "--graph", str(seeds_build), "--from", "2014", "--to", "2016", "--format", "json")
    assert r.exit_code == 0, r.output
    names = {row["names"] for row in json.loads(r.stdout)}
    assert "Tina Russell" not in "; ".join(names)


def test_who_on_a_date_takes_the_date_the_sentence_states(seeds_build):
    # "On the 21st august 2023 Mr Paul walker CEO Herefordshire council responded": Walker, not the 2015 holder
    r = run(
        "who",
        "Chief Executive",
        "--graph",
        str(seeds_build),
        "--org",
        "Herefordshire",
        "--on",
        "2023-08-21",
        "--format",
        "csv",
    )
    assert r.exit_code == 0, r.output
    holders = {
        row["holder"] for row in csv.DictReader(io.StringIO(r.stdout)) if row["post"] == "Chief Executive"
    }
    assert holders == {"Paul Walker"}


def test_who_on_a_date_with_no_evidence_says_not_known(seeds_build):
    # between the 2015 holder's last evidence and the next holder's first, no one is named
    r = run(
        "who",
        "Chief Executive",
        "--graph",
        str(seeds_build),
        "--org",
        "Herefordshire",
        "--on",
        "2020-01-01",
        "--format",
        "csv",
    )
    assert r.exit_code == 0, r.output
    assert not [row for row in csv.DictReader(io.StringIO(r.stdout)) if row["post"] == "Chief Executive"]
    assert "not known" in r.stderr


def test_who_on_a_date_inside_a_vacancy_says_vacant(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Westbury Borough Council\n\nAnna Price, Director of Housing, left the council in March 2024.\n",
        encoding="utf-8",
    )
    (docs / "b.txt").write_text(
        "Westbury Borough Council\n\nBen Cole was appointed Director of Housing from 1 July 2024.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run("build", str(docs), "--out", str(out)).exit_code == 0
    r = run("who", "Director of Housing", "--graph", str(out), "--on", "2024-05-01", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "vacant" in r.stderr and "Anna Price" in r.stderr and "Ben Cole" in r.stderr
    r = run("who", "Director of Housing", "--graph", str(out), "--on", "2024-08-01", "--format", "csv")
    assert [row["holder"] for row in csv.DictReader(io.StringIO(r.stdout))] == ["Ben Cole"]


def test_person_reads_the_saved_person_queries_bound_to_one_person(seeds_build):
    """`person` asks the saved person-* queries with ?person bound to one IRI: the same rows as the
    query run for everyone, then kept to that person."""
    from graph.read.people import find_people, person
    from graph.read.sparql import load_query, run_query

    ((iri, _name),) = find_people(seeds_build, "Tina Russell")
    tables = person(seeds_build, iri)
    for section, query in (
        ("meetings", "person-meetings"),
        ("decisions", "person-decisions"),
        ("actions", "person-actions"),
    ):
        columns, rows = run_query(seeds_build, load_query(query, whole=True))
        mine = [["" if v is None else v for v in r[1:]] for r in rows if r[0] == iri]
        assert tables[section][0] == columns[1:], section
        assert sorted(tables[section][1]) == sorted(mine), section
    assert any(rows for _c, rows in tables.values())
