"""Every saved query (graph/read/queries/*.rq) answers its question: on the bundled corpora, with
rows a reader can check in the documents, and on a small hand-written graph whose dates make
the time logic (held on a date, vacancies, tenure, chair changes) checkable exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.read.sparql import at_page, fill, load_query, page_size, parameters, run_query, saved_queries

CYP = "Children and Young People Scrutiny Committee"
SEED_001 = "001_281b6b6b12f1ec48.txt"  # CYP Scrutiny agenda pack, 17 Sept 2024 (minutes of 30 July 2024)
SEED_002 = "002_c547576987f99e77.txt"  # Annual Governance Statement 2014/15 action plan
SEED_003 = "003_1b0338201f812a34.txt"  # extraordinary Council, 30 Sept 2022


def rows(graph: Path, name: str, **params: str) -> list[dict[str, str]]:
    columns, table = run_query(graph, load_query(name), params)
    return [{c: (v or "") for c, v in zip(columns, r, strict=True)} for r in table]


def test_at_least_fifteen_saved_queries_each_stating_its_question():
    queries = saved_queries()
    assert len(queries) >= 15
    for name, text in queries.items():
        assert text.startswith("# "), f"{name}.rq must open with a comment stating its question"
        assert "?" in text.splitlines()[0] or "?" in text.split("\n\n")[0], name


def test_every_saved_query_runs_on_both_bundled_builds(seeds_build, dev_build):
    params = {
        "POST": "Director",
        "ORG": "Council",
        "DATE": "2024-07-30",
        "BODY": "Committee",
        "FROM": "2014-01-01",
        "TO": "2026-12-31",
        "OWNER": "Russell",
        "PERSON": "Russell",
        "FACT": "https://example.org/none",
    }
    for build in (seeds_build, dev_build):
        for text in saved_queries().values():
            run_query(build, text, params)  # raises on a malformed query


# --- the bundled corpora: facts a reader can see in the documents ----------------------


def test_post_holder_on_date(seeds_build):
    # 30 July 2024 minutes: "In attendance: ... Tina Russell (Corporate Director Children and Young People)"
    got = rows(
        seeds_build,
        "post-holder-on-date",
        POST="Corporate Director Children",
        ORG="Herefordshire",
        DATE="2024-07-30",
    )
    assert "Tina Russell" in {r["name"] for r in got}
    assert (
        rows(
            seeds_build,
            "post-holder-on-date",
            POST="Corporate Director Children",
            ORG="Herefordshire",
            DATE="2014-01-01",
        )
        == []
    )


def test_post_holders_in_order(seeds_build):
    # AGS 2014/15 key: "AN = Alistair Neill, Chief Executive"
    got = rows(seeds_build, "post-holders-in-order", POST="Chief Executive")
    hit = [r for r in got if r["name"] == "Alistair Neill" and r["post"] == "Chief Executive"]
    assert (
        hit and hit[0]["organization"] == "Herefordshire Council" and hit[0]["firstSeen"].startswith("2015")
    )


def test_interim_holders_are_all_interim(seeds_build):
    for r in rows(seeds_build, "interim-holders"):
        assert r["name"] and r["post"]


def test_interim_director_of_childrens_services(seeds_build):
    # seed 001: "Tina Russell – Director of Childrens Services (Interim)"
    got = rows(seeds_build, "interim-holders")
    assert any(r["name"] == "Tina Russell" and "Children" in r["post"] for r in got)


def test_tenure_by_post(seeds_build):
    got = rows(seeds_build, "tenure-by-post")
    assert any(
        r["name"] == "Tina Russell"
        and r["post"] == "Corporate Director Children and Young People"
        and r["firstSeen"] == "2024-07-30"
        for r in got
    )


def test_posts_vacant_or_interim_on_date(seeds_build):
    got = {r["post"]: r for r in rows(seeds_build, "posts-vacant-or-interim-on-date", DATE="2024-07-30")}
    # Tina Russell held it that day, substantively: neither vacant nor interim-only
    assert "Corporate Director Children and Young People" not in got
    for r in got.values():
        assert r["status"] in ("vacant", "interim")


def test_people_on_several_bodies(seeds_build):
    # Toni Fagan chairs the CYP Scrutiny Committee (seed 001) and is present at Council (seed 003)
    got = {r["name"]: r for r in rows(seeds_build, "people-on-several-bodies")}
    assert int(got["Toni Fagan"]["bodies"]) >= 2
    assert CYP in got["Toni Fagan"]["bodyNames"] and "Herefordshire Council" in got["Toni Fagan"]["bodyNames"]


def test_attendance_rate(seeds_build):
    got = {(r["body"], r["name"]): r for r in rows(seeds_build, "attendance-rate")}
    # 30 July 2024: Toni Fagan chaired; "Apologies ... from Councillor Frank Cornthwaite, Councillor Rob Williams"
    assert int(got[(CYP, "Toni Fagan")]["attended"]) >= 1
    assert int(got[(CYP, "Rob Williams")]["apologies"]) >= 1
    assert got[(CYP, "Rob Williams")]["attended"] == "0"
    assert got[(CYP, "Rob Williams")]["ratePercent"] == "0"


def test_decisions_by_body(seeds_build):
    got = rows(
        seeds_build, "decisions-by-body", BODY="Children and Young People", FROM="2024-07-01", TO="2024-07-31"
    )
    assert any(
        "review and revise the information on its website" in r["text"]
        and r["date"] == "2024-07-30"
        and r["kind"] == "resolved"
        for r in got
    )
    assert (
        rows(
            seeds_build,
            "decisions-by-body",
            BODY="Children and Young People",
            FROM="2010-01-01",
            TO="2012-12-31",
        )
        == []
    )


def test_actions_by_owner(seeds_build):
    # improvement plan: "Deliver against the Leeds improvement programme | John Maynard - Tina Russell - DCS | 2024 /25"
    got = rows(seeds_build, "actions-by-owner", OWNER="Tina Russell")
    assert any(r["text"].startswith("Deliver against the Leeds improvement programme") for r in got)
    # AGS 2014/15: actions owned by "AN" (Alistair Neill) carry progress updates
    got = rows(seeds_build, "actions-by-owner", OWNER="Alistair Neill")
    assert any(r["status"] for r in got)


def test_owners_at_inspection(seeds_build):
    # the AGS 2014/15 plan (2015): Alistair Neill was Chief Executive and owns actions in it
    got = rows(seeds_build, "owners-at-inspection", DATE="2015-03-01")
    hit = [r for r in got if r["name"] == "Alistair Neill" and r["post"] == "Chief Executive"]
    assert hit and int(hit[0]["actionsOwned"]) >= 1


def test_fact_sources(seeds_build):
    got = rows(seeds_build, "fact-sources", PERSON="Tina Russell")
    assert any(
        r["factType"] == "membership" and r["document"] == SEED_001 and "Tina Russell" in r["evidence"]
        for r in got
    )
    assert any(r["factType"] == "action" and r["document"] == SEED_001 for r in got)


def test_document_of_fact(seeds_build):
    meeting = [
        r for r in rows(seeds_build, "meetings-by-body") if r["body"] == CYP and r["date"] == "2024-07-30"
    ]
    assert meeting
    _cols, table = run_query(
        seeds_build,
        f"""SELECT ?e WHERE {{ ?e a cg:Meeting ; dcterms:date "2024-07-30"^^xsd:date ;
                                              cg:body/skos:prefLabel "{CYP}" }}""",
    )
    got = rows(seeds_build, "document-of-fact", FACT=table[0][0])
    assert SEED_001 in {r["document"] for r in got}


def test_chair_changes(seeds_build):
    got = {(r["body"], r["date"]): r for r in rows(seeds_build, "chair-changes")}
    assert got[(CYP, "2024-07-30")]["chair"] == "Toni Fagan"
    # "Present: Councillor Sebastian Bowen (chairperson)"
    assert got[("Herefordshire Council", "2022-09-30")]["chair"] == "Sebastian Bowen"


def test_turnover_by_post(dev_build, seeds_build):
    got = rows(seeds_build, "turnover-by-post")
    assert any(r["post"] == "Chief Executive" and "Alistair Neill" in r["names"] for r in got)
    # dev corpus: Jonathan Lester, then David Hitchiner, led Herefordshire Council
    got = [
        r
        for r in rows(dev_build, "turnover-by-post")
        if r["post"] == "Leader" and r["organization"] == "Herefordshire Council"
    ]
    assert got and {"Jonathan Lester", "David Hitchiner"} <= set(got[0]["names"].split("; "))
    assert int(got[0]["holders"]) >= 2


def test_meeting_attendance(seeds_build):
    got = rows(
        seeds_build, "meeting-attendance", BODY="Children and Young People Scrutiny", DATE="2024-07-30"
    )
    by_role: dict[str, set[str]] = {}
    for r in got:
        by_role.setdefault(r["role"], set()).add(r["name"])
    assert by_role["chair"] == {"Toni Fagan"}
    assert {"Toni Fagan", "Tina Russell"} <= by_role["attended"]
    assert {"Frank Cornthwaite", "Rob Williams"} <= by_role["apologies"]
    assert all("Plough Lane" in r["location"] for r in got)


def test_members_of_body(seeds_build):
    got = {(r["seat"], r["name"]) for r in rows(seeds_build, "members-of-body", BODY=CYP)}
    # seed 001, membership list: "Chairperson Councillor Toni Fagan", "Vice-chairperson Councillor Liz Harvey",
    # "Co-opted Members Sylvia Cockroft ..."
    assert {
        ("Chair", "Toni Fagan"),
        ("Vice-chair", "Liz Harvey"),
        ("Co-opted member", "Sylvia Cockroft"),
    } <= got


def test_person_posts(seeds_build):
    got = rows(seeds_build, "person-posts", PERSON="Tina Russell")
    assert any(
        r["role"] == "Corporate Director Children and Young People"
        and r["organization"] == "Herefordshire Council"
        and SEED_001 in r["documents"]
        for r in got
    )


def test_facts_per_document(seeds_build):
    got = {(r["document"], r["kind"]) for r in rows(seeds_build, "facts-per-document")}
    assert {
        (SEED_001, "meeting"),
        (SEED_001, "membership"),
        (SEED_001, "action"),
        (SEED_002, "action"),
        (SEED_003, "meeting"),
    } <= got


def test_meetings_by_body(seeds_build):
    got = [r for r in rows(seeds_build, "meetings-by-body") if r["body"] == CYP and r["date"] == "2024-07-30"]
    assert got and got[0]["chair"] == "Toni Fagan" and "Plough Lane" in got[0]["location"]
    assert int(got[0]["attendees"]) >= 5 and int(got[0]["apologies"]) >= 2


# --- a hand-written graph: the time logic exactly ---------------------------------------

SMALL = """
@prefix org: <http://www.w3.org/ns/org#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix time: <http://www.w3.org/2006/time#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix cg: <https://w3id.org/councilgraph#> . @prefix : <https://example.org/> .
:council a org:Organization ; skos:prefLabel "Example Council" .
:cttee a org:Organization ; skos:prefLabel "Example Committee" ; org:unitOf :council .
:dcs a org:Role , org:Post ; skos:prefLabel "Director of Children's Services" ; org:postIn :council .
:cex a org:Role , org:Post ; skos:prefLabel "Chief Executive" ; org:postIn :council .
:ann a foaf:Person ; foaf:name "Ann Able" . :bob a foaf:Person ; foaf:name "Bob Bray" .
:cat a foaf:Person ; foaf:name "Cat Cole" .
:m1 a org:Membership ; org:member :ann ; org:role :dcs ; org:organization :council ;
    org:memberDuring [ time:hasBeginning [ time:inXSDDate "2014-01-06"^^xsd:date ] ;
                       time:hasEnd [ time:inXSDDate "2018-06-30"^^xsd:date ] ] .
:m2 a org:Membership ; org:member :bob ; org:role :dcs ; org:organization :council ; cg:interim true ;
    org:memberDuring [ time:hasBeginning [ time:inXSDgYearMonth "2018-07"^^xsd:gYearMonth ] ;
                       time:hasEnd [ time:inXSDDate "2019-01-31"^^xsd:date ] ] .
:m3 a org:Membership ; org:member :cat ; org:role :dcs ; org:organization :council ;
    org:memberDuring [ time:hasBeginning [ time:inXSDDate "2019-02-01"^^xsd:date ] ] ;
    cg:attestedOn "2019-02-01"^^xsd:date , "2024"^^xsd:gYear .
:m4 a org:Membership ; org:member :ann ; org:role :cex ; org:organization :council ; cg:attestedOn "2020-05-01"^^xsd:date .
:e1 a cg:Meeting ; cg:body :cttee ; dcterms:date "2020-01-10"^^xsd:date ; cg:chair :ann .
:e2 a cg:Meeting ; cg:body :cttee ; dcterms:date "2020-03-10"^^xsd:date ; cg:chair :ann .
:e3 a cg:Meeting ; cg:body :cttee ; dcterms:date "2020-05-10"^^xsd:date ; cg:chair :bob .
# the lookup keys the build writes from the above (graph/core/build.py, lookup_keys)
:council cg:nameKey "example council" . :cttee cg:nameKey "example committee" .
:dcs cg:nameKey "director of childrens services" . :cex cg:nameKey "chief executive" .
:ann cg:nameKey "ann able" . :bob cg:nameKey "bob bray" . :cat cg:nameKey "cat cole" .
:m1 cg:heldFrom "2014-01-06"^^xsd:date ; cg:heldUntil "2018-06-30"^^xsd:date .
:m2 cg:heldFrom "2018-07-01"^^xsd:date ; cg:heldUntil "2019-01-31"^^xsd:date .
:m3 cg:heldFrom "2019-02-01"^^xsd:date ; cg:heldUntil "2024-12-31"^^xsd:date .
:m4 cg:heldFrom "2020-05-01"^^xsd:date ; cg:heldUntil "2020-05-01"^^xsd:date .
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("small") / "graph.ttl"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("date", "holders"),
    [
        ("2013-12-31", set()),
        ("2014-01-06", {"Ann Able"}),
        ("2018-06-30", {"Ann Able"}),
        ("2018-07-15", {"Bob Bray"}),
        ("2019-01-31", {"Bob Bray"}),
        ("2019-02-01", {"Cat Cole"}),
        ("2024-11-30", {"Cat Cole"}),  # attested in 2024
        ("2025-03-01", set()),  # no end and nothing attests it after 2024: not known
    ],
)
def test_post_holder_on_date_logic(small, date, holders):
    got = rows(small, "post-holder-on-date", POST="children's services", ORG="example", DATE=date)
    assert {r["name"] for r in got} == holders


def test_post_holders_in_order_logic(small):
    got = rows(small, "post-holders-in-order", POST="Director of Children's Services")
    assert [r["name"] for r in got] == ["Ann Able", "Bob Bray", "Cat Cole"]
    assert [r["interim"] for r in got] == ["", "true", ""]


def test_interim_and_vacancy_logic(small):
    assert [(r["name"], r["start"]) for r in rows(small, "interim-holders")] == [("Bob Bray", "2018-07")]
    got = {r["post"]: r["status"] for r in rows(small, "posts-vacant-or-interim-on-date", DATE="2018-08-01")}
    assert got == {"Director of Children's Services": "interim", "Chief Executive": "vacant"}
    got = {r["post"]: r["status"] for r in rows(small, "posts-vacant-or-interim-on-date", DATE="2020-05-01")}
    assert got == {}  # Cat Cole holds the DCS post, Ann Able is attested as chief executive that day


def test_tenure_and_turnover_logic(small):
    got = {
        r["name"]: r for r in rows(small, "tenure-by-post") if r["post"] == "Director of Children's Services"
    }
    assert got["Ann Able"]["tenureDays"] == "1636"  # 2014-01-06 .. 2018-06-30
    assert got["Bob Bray"]["tenureDays"] == ""  # start known only to the month
    got = {r["post"]: r for r in rows(small, "turnover-by-post")}
    dcs = got["Director of Children's Services"]
    assert (dcs["holders"], dcs["interimHolders"], dcs["earliest"], dcs["latest"]) == (
        "3",
        "1",
        "2014-01-06",
        "2024",
    )


def test_chair_changes_logic(small):
    got = [(r["date"], r["chair"], r["previousChair"], r["changed"]) for r in rows(small, "chair-changes")]
    assert got == [
        ("2020-01-10", "Ann Able", "", "true"),
        ("2020-03-10", "Ann Able", "Ann Able", "false"),
        ("2020-05-10", "Bob Bray", "Ann Able", "true"),
    ]


def test_a_saved_query_without_its_parameter_is_an_error_naming_it(seeds_build):
    from typer.testing import CliRunner

    from graph.cli import app

    r = CliRunner().invoke(app, ["query", "--name", "actions-by-owner", "--graph", str(seeds_build)])
    assert r.exit_code == 2 and "--param OWNER=VALUE" in r.stderr


def test_plan_actions_lists_one_plans_actions_and_owners(seeds_build):
    from graph.read.sparql import load_query, run_query

    _plans_cols, plans = run_query(seeds_build, "SELECT DISTINCT ?t WHERE { ?a cg:inPlan/dcterms:title ?t }")
    assert plans, "the seeds hold an action plan"
    title = plans[0][0]
    cols, rows = run_query(seeds_build, load_query("plan-actions"), {"PLAN": title[:20]})
    assert cols[:3] == ["plan", "text", "owner"] and rows
    assert {r[0] for r in rows} <= {p[0] for p in plans} and any(r[2] for r in rows)


# --- one opener: every command answers a --graph from the same triples ----------------------


def _triples_by_entry_point(graph: Path, tmp_path: Path) -> dict[str, int]:
    """The triple count each command sees when given `graph`."""
    from graph.read.export import export_graph
    from graph.read.model import ReadModel
    from graph.read.validate import load_graph
    from graph.serve.endpoint import execute, open_graph_store

    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    served = execute(open_graph_store(graph), count, "text/csv", 10)
    (nt,) = export_graph(graph, "nt", tmp_path / "export.nt")
    return {
        "query": int(run_query(graph, count)[1][0][0] or 0),
        "serve": int(served.body.decode().split()[1]),
        "who/person/turnover/evaluate": ReadModel.open(graph).graph.triples,
        "export": len(nt.read_text(encoding="utf-8").splitlines()),
        "validate": len(load_graph(graph)),
    }


def test_every_entry_point_answers_a_build_folder_from_the_same_triples(seeds_build, tmp_path):
    lines = len((seeds_build / "graph.nt").read_bytes().splitlines())
    counts = _triples_by_entry_point(seeds_build, tmp_path)
    assert set(counts.values()) == {lines}, counts


def test_a_stale_store_is_passed_over_for_graph_nt_by_every_entry_point(seeds_build, tmp_path):
    """A store that no longer holds graph.nt (an older build's, say) is never read: every command
    falls back to graph.nt, so none answers from other triples than the rest."""
    import shutil

    from graph.read.open import open_graph

    folder = tmp_path / "build"
    shutil.copytree(seeds_build, folder)
    nt = folder / "graph.nt"
    kept = nt.read_bytes().splitlines(keepends=True)[:-1]
    nt.write_bytes(b"".join(kept))
    assert open_graph(folder).source == nt
    counts = _triples_by_entry_point(folder, tmp_path)
    assert set(counts.values()) == {len(kept)}, counts


def test_a_graph_file_is_read_by_its_suffix(seeds_build):
    from graph.read.open import open_graph

    assert open_graph(seeds_build).source == seeds_build / "store"
    for name in ("graph.nt", "graph.ttl"):
        opened = open_graph(seeds_build / name)
        assert opened.source == seeds_build / name
        assert opened.triples == open_graph(seeds_build).triples


# --- queries written for the engine: lookup keys, and parameters drawn from a real build ---

# the dev corpus holds no action plan and no body whose chair is recorded at two meetings
_ASKED_OF_THE_SEEDS = {"actions", "actions-by-owner", "chair-changes", "person-actions", "plan-actions"}


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_each_saved_query_returns_rows_with_parameters_drawn_from_the_graph(name, dev_build, seeds_build):
    from graph.read.sparql import example_parameters, open_store, parameters

    build = seeds_build if name in _ASKED_OF_THE_SEEDS else dev_build
    store = open_store(build)
    text = load_query(name)
    params = example_parameters(build, store).get(name, {})
    assert set(parameters(text)) <= set(params), f"no example for {name}'s parameters in {build.name}"
    _columns, table = run_query(build, text, params, store=store)
    assert table, f"{name} with {params} gave no rows"


def test_every_person_body_role_and_plan_has_its_name_key(dev_build, seeds_build):
    from graph.core.build import search_key

    for build in (dev_build, seeds_build):
        _c, table = run_query(
            build,
            """SELECT ?s ?label ?key WHERE {
                 { ?s a foaf:Person ; foaf:name ?label } UNION { ?s a org:Organization ; skos:prefLabel ?label }
                 UNION { ?s a org:Role ; skos:prefLabel ?label } UNION { ?s a cg:Plan ; dcterms:title ?label }
                 OPTIONAL { ?s cg:nameKey ?key } }""",
        )
        assert table
        for s, label, key in table:
            assert key == search_key(label or ""), (s, label, key)


def test_search_key_folds_case_accents_apostrophes_and_punctuation():
    from graph.core.build import search_key

    assert search_key("Director of Children\u2019s Services") == "director of childrens services"
    assert search_key("Siân O'Brien") == "sian obrien"
    assert search_key("  Audit & Governance  Committee. ") == "audit and governance committee"


def test_a_name_parameter_matches_where_a_word_of_the_name_starts(seeds_build):
    def names(person: str) -> set[str]:
        return {r["name"] for r in rows(seeds_build, "person-posts", PERSON=person)}

    assert "Tina Russell" in names("Tina Russell") and "Tina Russell" in names("russell")
    assert "Tina Russell" in names("TINA RUSS") and "Tina Russell" in names("Tína Russell")
    assert "Tina Russell" not in names("ussell")  # inside a word: not a match


def test_fill_puts_the_key_where_the_query_asks_for_it():
    from graph.read.sparql import fill

    got = fill("FILTER(STRSTARTS(?k, cg:key($PERSON))) BIND($PERSON AS ?asked)", {"PERSON": "Siân O'Brien"})
    assert got == 'FILTER(STRSTARTS(?k, "sian obrien")) BIND("Siân O\'Brien" AS ?asked)'


def test_fill_puts_an_iri_where_the_query_asks_for_one():
    from graph.read.sparql import fill

    query = "FILTER(?fact = cg:iri($FACT))"
    assert fill(query, {"FACT": "https://w3id.org/x/1"}) == "FILTER(?fact = <https://w3id.org/x/1>)"
    # not an IRI: a literal, which no subject matches (as the old text comparison matched none)
    assert fill(query, {"FACT": "no iri"}) == 'FILTER(?fact = "no iri")'
    assert fill(query, {"FACT": "https://x/a>b"}) == 'FILTER(?fact = "https://x/a>b")'
    assert fill(query, {}) == "FILTER(?fact = $FACT)"  # not given: the variable, unbound


def test_document_of_fact_finds_a_fact_by_its_iri(seeds_build):
    _c, table = run_query(
        seeds_build, "SELECT ?f ?d WHERE { ?f prov:wasDerivedFrom/dcterms:identifier ?d } LIMIT 1"
    )
    fact, document = table[0]
    assert document in {r["document"] for r in rows(seeds_build, "document-of-fact", FACT=fact or "")}
    assert rows(seeds_build, "document-of-fact", FACT=(fact or "") + "-not") == []


# --- the listings written for the store (docs/sparql.md, "Written for the store") ---------

_PLAIN_MEMBERSHIPS = """SELECT ?id ?person ?organization ?role ?start ?end
    (GROUP_CONCAT(DISTINCT STR(?att); separator="; ") AS ?attested_on)
    (GROUP_CONCAT(DISTINCT ?doc; separator="; ") AS ?documents) WHERE {
  ?id a org:Membership ; org:member/foaf:name ?person ; org:organization/skos:prefLabel ?organization ;
      org:role/skos:prefLabel ?role .
  OPTIONAL { ?id org:memberDuring/time:hasBeginning/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?start }
  OPTIONAL { ?id org:memberDuring/time:hasEnd/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?end }
  OPTIONAL { ?id cg:attestedOn ?att } OPTIONAL { ?id prov:wasDerivedFrom/dcterms:identifier ?doc }
} GROUP BY ?id ?person ?organization ?role ?start ?end"""

_PLAIN_ACTIONS = """SELECT ?id ?text ?plan (GROUP_CONCAT(DISTINCT ?owner; separator="; ") AS ?owners)
    (GROUP_CONCAT(DISTINCT ?doc; separator="; ") AS ?documents) WHERE {
  ?id a cg:Action ; cg:text ?text .
  OPTIONAL { ?id cg:owner/(foaf:name|skos:prefLabel) ?owner }
  OPTIONAL { ?id cg:inPlan/dcterms:title ?plan }
  OPTIONAL { ?id prov:wasDerivedFrom/dcterms:identifier ?doc }
} GROUP BY ?id ?text ?plan"""


def _as_sets(columns: list[str], table: list, keep: list[str]) -> set[tuple]:
    """The rows' `keep` columns, each `; `-joined cell as a set (SPARQL leaves its order open)."""
    at = [columns.index(c) for c in keep]
    return {tuple(frozenset((r[i] or "").split("; ")) for i in at) for r in table}


@pytest.mark.parametrize(
    ("name", "plain", "keep"),
    [
        (
            "memberships",
            _PLAIN_MEMBERSHIPS,
            ["id", "person", "organization", "role", "start", "end", "attested_on", "documents"],
        ),
        ("actions", _PLAIN_ACTIONS, ["id", "text", "plan", "owners", "documents"]),
    ],
)
def test_a_listing_of_hash_joined_scans_answers_what_the_plain_pattern_does(
    name, plain, keep, seeds_build, dev_build
):
    listed = 0
    for build in (seeds_build, dev_build):
        columns, table = run_query(build, load_query(name, whole=True))
        plain_columns, plain_table = run_query(build, plain)
        listed += len(table)
        assert len(table) == len(plain_table)
        assert _as_sets(columns, table, keep) == _as_sets(plain_columns, plain_table, keep), (
            name,
            build.name,
        )
    assert listed, f"{name} listed nothing on the seeds or dev"


def test_a_sort_on_copies_held_in_memory_keeps_the_names_order(dev_build):
    people = rows(dev_build, "people")
    assert len(people) > 10
    assert [(r["name"], r["id"]) for r in people] == sorted((r["name"], r["id"]) for r in people)
    held = [(r["person"], r["organization"], r["role"]) for r in rows(dev_build, "memberships")]
    assert held == sorted(held)


def test_held_between_days_follow_start_end_and_attestations(seeds_build):
    # each day is a full xsd:date; a membership with a start or an attestation has a first day
    _c, table = run_query(
        seeds_build,
        """SELECT ?m ?from ?until WHERE { ?m a org:Membership .
             OPTIONAL { ?m cg:heldFrom ?from } OPTIONAL { ?m cg:heldUntil ?until } }""",
    )
    assert table
    assert any(start for _m, start, _e in table)
    for _m, start, end in table:
        assert all(day is None or len(day) == 10 for day in (start, end))


# --- listings a page at a time (the saved query), whole by name (`load_query(name, whole=True)`) ---

_PAGED = sorted(name for name, text in saved_queries().items() if page_size(text))


def test_the_long_listings_are_paged_and_each_has_its_whole_form():
    from importlib import resources

    whole_folder = resources.files("graph.read").joinpath("queries", "whole")
    wholes = {p.name[:-3] for p in whole_folder.iterdir() if p.name.endswith(".rq")}
    assert set(_PAGED) == wholes  # every paged query has its whole listing, and only they do
    assert {"actions", "memberships", "decisions", "plan-actions", "members-of-body"} <= set(_PAGED)
    for name in _PAGED:
        whole = load_query(name, whole=True)
        assert page_size(whole) is None and whole != load_query(name), name
        assert parameters(whole) == parameters(load_query(name)), name
    assert load_query("person-posts", whole=True) == load_query("person-posts")  # not paged: the same


def test_a_page_number_moves_the_offset_of_every_page_marker():
    text = load_query("memberships")
    size = page_size(text)
    assert size and text.count(f"LIMIT {size} OFFSET 0 }}  # page") == 3
    third = fill(text, {"PAGE": "3"})
    assert third.count(f"LIMIT {size} OFFSET {2 * size} }}  # page") == 3 and "OFFSET 0 " not in third
    assert at_page(text, 2, size=7).count("LIMIT 7 OFFSET 7 }") == 3
    for bad in ("0", "-1", "two", ""):
        with pytest.raises(ValueError, match="whole number"):
            fill(text, {"PAGE": bad})
    assert fill("SELECT * WHERE { ?s ?p ?o }", {"PAGE": "2"}) == "SELECT * WHERE { ?s ?p ?o }"


def _listed(rows: list) -> list[tuple]:
    """Rows with each `; `-joined cell as a sorted list: SPARQL leaves a GROUP_CONCAT's order open."""
    return [tuple(None if v is None else tuple(sorted(v.split("; "))) for v in r) for r in rows]


@pytest.mark.parametrize("name", _PAGED)
def test_the_pages_of_a_listing_hold_its_whole_answer(name, dev_build, seeds_build):
    """Page after page (5 ids a page, or 1 for a short listing, so that there are many): each page's
    rows are rows of the whole listing, and all the pages together are the whole listing, row for row."""
    from collections import Counter

    from graph.read.sparql import example_parameters, open_store

    build = seeds_build if name in _ASKED_OF_THE_SEEDS else dev_build
    store = open_store(build)
    params = example_parameters(build, store).get(name, {})
    columns, whole = run_query(build, load_query(name, whole=True), params, store=store)
    want, got = Counter(_listed(whole)), Counter()
    text, page, size = load_query(name), 0, 5 if len(whole) > 20 else 1
    while got != want and page < 1000:
        page += 1
        page_columns, rows = run_query(build, at_page(text, page, size=size), params, store=store)
        assert page_columns == columns
        assert not Counter(_listed(rows)) - want, f"{name} page {page}: a row the listing does not have"
        got.update(_listed(rows))
    assert got == want and whole, f"{name}: the pages hold {sum(got.values())} rows, the listing {len(whole)}"
    assert page > 1 or size == 1, f"{name}: one page of {size} held the whole listing; the test shows nothing"
