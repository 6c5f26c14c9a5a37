"""ModernGov GetCouncillorsByWard feeds: key posts -> role + body, feeds -> facts -> graph,
privacy of the fields the feed carries, and the feed's people merged with the minutes'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.load import load_document
from extract.moderngov import (
    EVIDENCE_RULES,
    FEED_KIND,
    feed_facts,
    keypost_rules,
    read_keypost,
    snapshot,
    split_keyposts,
)
from extract.records import PartialDate
from graph.core.namespaces import FOAF, ORG, RDF, SKOS
from graph.run.corpus import build_corpus

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "moderngov"
# a copy of the structured-source example in ../shared/corpus/structured/, so the tests run in any clone
EXCERPT = DATA / "moderngov_councillorsbyward_excerpt.xml"
C = "Wickhamshire County Council"
OWN = "Conservative Group"

# every private string the hand-written feed carries (home and work addresses, postcodes,
# phones, mobiles, emails): none may appear in any output file of a build
PRIVATE = [
    "PRIVATE-HOME-LINE",
    "Orchard Close",
    "Little Wickham",
    "Mill Lane",
    "Canal Walk",
    "Old Forge",
    "Rose Cottage",
    "ZZ9 9ZZ",
    "ZZ1 1ZZ",
    "ZZ2 2ZZ",
    "ZZ5 5ZZ",
    "WR5 2NP",
    "Spetchley",
    "01905",
    "07700",
    "marion.private",
    "raj.private",
    "@example.com",
    "mashdown@",
    "County Hall",
]


def keyposts(text: str) -> list[tuple[str, str, str]]:
    return [r for post in split_keyposts(text) for r in read_keypost(post, council=C, group=OWN)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Councillor", []),
        ("", []),
        ("Vice-Chairman of the Council", [("seat", "vice-chair", C)]),
        ("Chairman of the Council", [("seat", "chair", C)]),
        ("Chairman of Wickhamshire County Council", [("seat", "chair", C)]),
        (
            "Chairman, Corporate and Communities Overview and Scrutiny Panel",
            [("seat", "chair", "Corporate and Communities Overview and Scrutiny Panel")],
        ),
        (
            "Chairman of the Corporate and Communities Overview and Scrutiny Panel",
            [("seat", "chair", "Corporate and Communities Overview and Scrutiny Panel")],
        ),
        (
            "Chairman Corporate and Communities Overview and Scrutiny Panel",
            [("seat", "chair", "Corporate and Communities Overview and Scrutiny Panel")],
        ),
        (
            "Vice Chairman Planning and Regulatory Committee",
            [("seat", "vice-chair", "Planning and Regulatory Committee")],
        ),
        ("Vice-Chair: Audit Committee", [("seat", "vice-chair", "Audit Committee")]),
        ("Chairwoman of the Licensing Committee", [("seat", "chair", "Licensing Committee")]),
        ("Chair - Health and Wellbeing Board", [("seat", "chair", "Health and Wellbeing Board")]),
        ("Leader of the Council", [("seat", "leader", C)]),
        ("Leader", [("seat", "leader", C)]),
        ("Deputy Leader", [("seat", "deputy leader", C)]),
        ("Deputy Leader of Wickhamshire County Council", [("seat", "deputy leader", C)]),
        (
            "Deputy Leader and Cabinet Member with Responsibility for Environment",
            [
                ("seat", "deputy leader", C),
                ("seat", "cabinet member", "Cabinet"),
                ("post", "Cabinet member Environment", C),
            ],
        ),
        (
            "Cabinet Member with Responsibility for Children and Families",
            [("seat", "cabinet member", "Cabinet"), ("post", "Cabinet member Children and Families", C)],
        ),
        (
            "Cabinet Member for Adults and Health",
            [("seat", "cabinet member", "Cabinet"), ("post", "Cabinet member Adults and Health", C)],
        ),
        (
            "Cabinet Member - Finance",
            [("seat", "cabinet member", "Cabinet"), ("post", "Cabinet member Finance", C)],
        ),
        (
            "Cabinet Member (Highways and Transport)",
            [("seat", "cabinet member", "Cabinet"), ("post", "Cabinet member Highways and Transport", C)],
        ),
        ("Cabinet Member", [("seat", "cabinet member", "Cabinet")]),
        (
            "Portfolio Holder for Housing",
            [("seat", "cabinet member", "Cabinet"), ("post", "Portfolio holder Housing", C)],
        ),
        (
            "Executive Member for Adult Social Care",
            [("seat", "cabinet member", "Executive"), ("post", "Executive member Adult Social Care", C)],
        ),
        ("Leader of the Liberal Democrat Group", [("seat", "leader", "Liberal Democrat Group")]),
        ("Liberal Democrat Group Leader", [("seat", "leader", "Liberal Democrat Group")]),
        ("Group Leader", [("seat", "leader", OWN)]),
        ("Deputy Group Leader", [("seat", "deputy leader", OWN)]),
        ("Deputy Leader of the Labour Group", [("seat", "deputy leader", "Labour Group")]),
        ("Deputy Labour Group Leader", [("seat", "deputy leader", "Labour Group")]),
        (
            "Leader of the Council and Chairman of Cabinet",
            [("seat", "leader", C), ("seat", "chair", "Cabinet")],
        ),
        (
            "Chairman, Planning Committee; Member of the Pensions Committee",
            [("seat", "chair", "Planning Committee"), ("seat", "member", "Pensions Committee")],
        ),
        (
            "Leader of the Council<br />Conservative Group Leader",
            [("seat", "leader", C), ("seat", "leader", OWN)],
        ),
        # kept as written, as a post in the council: never dropped, never guessed
        ("Leader of the Opposition", [("post", "Leader of the Opposition", C)]),
        ("Deputy Leader of the Opposition", [("post", "Deputy Leader of the Opposition", C)]),
        (
            "Leader of the Opposition and Armed Forces Champion",
            [("post", "Leader of the Opposition and Armed Forces Champion", C)],
        ),
        ("Armed Forces Champion", [("post", "Armed Forces Champion", C)]),
        ("Chairman", [("post", "Chairman", C)]),
        ("Mayor", [("post", "Mayor", C)]),
        ("Acting Leader", [("post", "Acting Leader", C)]),
        (
            "Opposition Spokesperson for Children's Services",
            [("post", "Opposition Spokesperson for Children's Services", C)],
        ),
    ],
)
def test_keypost_to_role_and_body(text, expected):
    text = text.replace("<br />", "; ")  # feed_text turns line breaks in <keyposts> into "; "
    assert keyposts(text) == expected


@pytest.mark.parametrize("rule", keypost_rules(), ids=lambda r: r.id)
def test_keypost_pattern_examples(rule):
    council = "Worcestershire County Council"
    got = read_keypost(rule.example, council=council, group=OWN)
    assert [tuple(x) for x in got] == [tuple(x) for x in rule.expect]
    assert rule.rx.match(rule.example), f"{rule.id}: its own example does not match"


# --- a feed -> facts ----------------------------------------------------------------------


def _feed(path: Path, *, date: str | None = "2016-05-20", council: str | None = C):
    doc, problems = load_document(path)
    assert doc is not None, problems
    assert doc.kind == FEED_KIND
    doc, _ = snapshot(doc, as_of=PartialDate(date) if date else None, council=council)
    return doc, feed_facts(doc)


def test_a_feed_gives_every_evidence_rule():
    _doc, result = _feed(DATA / "feed_keyposts.xml")
    assert {f.evidence.rule for f in result.facts} == set(EVIDENCE_RULES)


def _holdings(facts) -> dict[str, set[tuple[str, str, str]]]:
    out: dict[str, set[tuple[str, str, str]]] = {}
    for f in facts:
        if f.fact_type == "membership":
            out.setdefault(f.person, set()).add(("seat", f.role.value, f.body))
        elif f.fact_type == "holds_post":
            out.setdefault(f.person, set()).add(("post", f.post, f.org))
    return out


def test_excerpt_each_councillor_person_seat_ward_party_and_keyposts():
    w = "Worcestershire County Council"
    doc, result = _feed(EXCERPT, date="2016-05-20", council=w)
    assert not result.problems
    people = sorted(f.name for f in result.facts if f.fact_type == "person")
    assert people == [
        "Anthony Blagg",
        "John Campion",
        "Joseph Baker",
        "Kit Taylor",
        "Peter Bridle",
        "Stephen Clee",
        "Tony Miller",
    ]
    h = _holdings(result.facts)
    for name in people:
        assert ("seat", "member", w) in h[name]
    assert h["Joseph Baker"] == {
        ("seat", "member", w),
        ("post", "Councillor for Arrow Valley East (Shared)", w),
        ("seat", "member", "Labour Group"),
    }
    assert ("seat", "member", "UK Independence Party Group") in h["Peter Bridle"]
    assert {("seat", "cabinet member", "Cabinet"), ("post", "Cabinet member Children and Families", w)} <= h[
        "John Campion"
    ]
    assert ("seat", "vice-chair", w) in h["Tony Miller"]
    assert {
        ("seat", "deputy leader", w),
        ("seat", "cabinet member", "Cabinet"),
        ("post", "Cabinet member Environment", w),
    } <= h["Anthony Blagg"]
    assert ("seat", "chair", "Corporate and Communities Overview and Scrutiny Panel") in h["Kit Taylor"]
    assert h["Stephen Clee"] == {
        ("seat", "member", w),
        ("post", "Councillor for Chaddesley", w),
        ("seat", "member", "Conservative Group"),
    }
    assert all(f.date == PartialDate("2016-05-20") for f in result.facts if hasattr(f, "date"))
    for f in result.facts:
        assert f.evidence.text == doc.text[f.evidence.start : f.evidence.end]
        assert "withheld" not in f.evidence.text and "Photo:" not in f.evidence.text
    assert "withheld" not in doc.text


def test_hand_written_feed_keyposts_and_names():
    doc, result = _feed(DATA / "feed_keyposts.xml")
    assert not result.problems
    h = _holdings(result.facts)
    assert sorted(h) == [
        "Gwen Fairbrother",
        "Helen O'Connor",
        "Marion Ashdown",
        "Peter Quinlan-Smythe",
        "Rajesh Patel",
        "Sue Whitfield",
    ]
    assert {
        ("seat", "leader", C),
        ("seat", "leader", "Conservative Group"),
        ("seat", "member", "Conservative Group"),
        ("post", "Councillor for Abbey Fields", C),
    } <= h["Marion Ashdown"]
    assert {
        ("seat", "deputy leader", C),
        ("seat", "cabinet member", "Cabinet"),
        ("post", "Cabinet member Economy, Infrastructure and Skills", C),
    } <= h["Rajesh Patel"]
    assert {
        ("seat", "chair", C),
        ("seat", "vice-chair", "Planning and Regulatory Committee"),
        ("seat", "member", "Labour Group"),
    } <= h["Helen O'Connor"]
    assert {
        ("seat", "leader", "Liberal Democrat Group"),
        ("seat", "chair", "Audit and Governance Committee"),
        ("seat", "member", "Liberal Democrat Group"),
    } <= h["Peter Quinlan-Smythe"]
    assert ("post", "Leader of the Opposition and Armed Forces Champion", C) in h["Sue Whitfield"]
    assert {
        ("seat", "cabinet member", "Cabinet"),
        ("post", "Cabinet member Adult Social Care", C),
        ("seat", "member", "Green Party Group"),
    } <= h["Gwen Fairbrother"]
    orgs = {f.name: f.kind.value for f in result.facts if f.fact_type == "organization"}
    assert orgs[C] == "council" and orgs["Cabinet"] == "committee" and orgs["Labour Group"] == "committee"
    assert not any(s in doc.text for s in PRIVATE)


@pytest.mark.parametrize(
    ("date", "council", "missing"),
    [(None, None, "snapshot date or council"), ("2016-05-20", None, "council"), (None, C, "snapshot date")],
)
def test_feed_without_date_or_council_is_a_problem_not_a_guess(date, council, missing):
    _doc, result = _feed(DATA / "feed_keyposts.xml", date=date, council=council)
    assert result.facts == ()
    assert [p.code for p in result.problems] == ["E210"]
    assert f"without a {missing}" in result.problems[0].message


@pytest.mark.parametrize(
    ("xml", "code"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
            b"<councillorsbyward><wards/></councillorsbyward>",
            "E021",
        ),
        (b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><councillorsbyward/>', "E021"),
        (b"<committees><committee>Cabinet</committee></committees>", "E020"),
        (b"<councillorsbyward><wards><ward>", "E022"),
        (
            b"<councillorsbyward><wards><ward><wardtitle>X</wardtitle></ward></wards></councillorsbyward>",
            "E023",
        ),
    ],
)
def test_unsafe_broken_or_other_xml_is_a_problem(tmp_path, xml, code):
    p = tmp_path / "feed.xml"
    p.write_bytes(xml)
    doc, problems = load_document(p)
    assert doc is None
    assert [x.code for x in problems] == [code]


# --- builds -------------------------------------------------------------------------------


def _graph(out: Path):
    from rdflib import Graph

    return Graph().parse(out / "graph.nt", format="nt")


def _output_files(out):
    """Every file a build wrote, less the store engine's own diagnostic logs (store/LOG*: RocksDB
    timings and option dumps, whose numbers can collide with a phone-number fragment by chance)."""
    return [
        p
        for p in out.rglob("*")
        if p.is_file() and not (p.parent.name == "store" and p.name.startswith("LOG"))
    ]


def test_build_with_options_and_nothing_private_in_any_output(tmp_path):
    out = tmp_path / "out"
    report = build_corpus(
        [DATA / "feed_keyposts.xml"], out, use_model=False, as_of=PartialDate("2016-05-20"), council=C
    )
    assert not report.errors, report.errors
    assert report.people == 6
    files = _output_files(out)
    assert any(p.name == "graph.ttl" for p in files)
    for p in files:
        data = p.read_bytes()
        for s in PRIVATE:
            assert s.encode() not in data, f"{s!r} leaked into {p.relative_to(out)}"
    g = _graph(out)
    labels = {str(o) for r in g.subjects(RDF.type, ORG.Role) for o in g.objects(r, SKOS.prefLabel)}
    assert {
        "Leader",
        "Deputy leader",
        "Cabinet member",
        "Chair",
        "Vice-chair",
        "Member",
        "Cabinet member Adult Social Care",
        "Councillor for Brookside (Shared)",
    } <= labels


def test_feed_build_loads_no_spacy_model(tmp_path, monkeypatch):
    import extract.nlp

    def refuse(*_a, **_k):
        raise AssertionError("the spaCy model was loaded for a feed")

    monkeypatch.setattr(extract.nlp, "load", refuse)
    monkeypatch.setattr(extract.nlp, "person_spans", refuse)
    first = ["Alice", "Brian", "Carol", "David", "Emma", "Frank", "Grace", "Henry", "Isla", "James"]
    last = ["Adams", "Baker", "Clarke", "Davies", "Evans", "Fisher", "Green", "Hughes"]
    rows = []
    for i in range(80):
        rows.append(
            f"<ward><wardtitle>Ward {i}</wardtitle><councillors><councillor>"
            f"<fullusername>Councillor {first[i % 10]} {last[i // 10]}</fullusername>"
            f"<politicalpartytitle>{['Conservative', 'Labour', 'Green Party'][i % 3]}</politicalpartytitle>"
            f"<keyposts>{['Councillor', 'Cabinet Member for Portfolio ' + str(i), 'Chairman, Panel ' + str(i)][i % 3]}"
            f"</keyposts><homeaddress><postcode>ZZ{i} 1ZZ</postcode></homeaddress></councillor></councillors></ward>"
        )
    feed = tmp_path / "big.xml"
    feed.write_text(
        "<councillorsbyward><wards>" + "".join(rows) + "</wards></councillorsbyward>", encoding="utf-8"
    )
    report = build_corpus(
        [feed],
        tmp_path / "out",
        use_model=True,
        store=False,
        workers=0,
        as_of=PartialDate("2024-05-01"),
        council=C,
    )
    assert not report.errors, report.errors
    assert report.people == 80


def test_manifest_one_level_up_and_feed_person_merges_with_minutes(tmp_path):
    out = tmp_path / "out"
    report = build_corpus([DATA / "corpus" / "docs"], out, use_model=False, store=False)
    assert not report.errors, report.errors
    g = _graph(out)
    people = [
        p
        for p in g.subjects(RDF.type, FOAF.Person)
        if any("Pembridge" in str(n) for n in g.objects(p, FOAF.name))
    ]
    assert len(people) == 1, [list(g.objects(p, FOAF.name)) for p in people]
    pages = {str(o) for o in g.objects(None, FOAF.page)}
    assert "https://example.moderngov.co.uk/mgWebService.asmx/GetCouncillorsByWard" in pages
    header = json.loads((out / "facts" / "councillors_2016-05-20.xml.jsonl").read_text().splitlines()[0])
    assert header["council"] == C and header["date"] == "2016-05-20" and header["kind"] == FEED_KIND


def test_manifest_row_wins_over_build_option_with_a_warning(tmp_path):
    out = tmp_path / "out"
    report = build_corpus(
        [DATA / "corpus" / "docs" / "councillors_2016-05-20.xml"],
        out,
        use_model=False,
        store=False,
        as_of=PartialDate("2017-01-01"),
        council=C,
    )
    assert not report.errors
    assert [p.code for p in report.problems] == ["W212"]
    header = json.loads((out / "facts" / "councillors_2016-05-20.xml.jsonl").read_text().splitlines()[0])
    assert header["date"] == "2016-05-20"


def test_feed_without_date_or_council_fails_the_build_with_a_problem_line(tmp_path):
    report = build_corpus([EXCERPT], tmp_path / "out", use_model=False, store=False)
    assert [p.code for p in report.errors] == ["E210"]
    assert "worcestershire.moderngov.co.uk" in report.errors[0].message
    assert report.people == 0


def test_two_builds_of_a_feed_are_byte_identical(tmp_path):
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        build_corpus(
            [DATA / "feed_keyposts.xml"],
            out,
            use_model=False,
            store=False,
            as_of=PartialDate("2016-05-20"),
            council=C,
        )
        outs.append(
            (
                (out / "graph.nt").read_bytes(),
                (out / "graph.ttl").read_bytes(),
                (out / "facts" / "feed_keyposts.xml.jsonl").read_bytes(),
            )
        )
    assert outs[0] == outs[1]


def test_exports_and_html_of_a_feed_hold_nothing_private(tmp_path):
    export = pytest.importorskip("graph.read.export")
    html = pytest.importorskip("graph.pages.site")
    out = tmp_path / "out"
    build_corpus(
        [DATA / "feed_keyposts.xml"],
        out,
        use_model=False,
        store=False,
        as_of=PartialDate("2016-05-20"),
        council=C,
    )
    for fmt in export.FORMATS:
        export.export_graph(out, fmt)
    html.render_html(out)
    files = _output_files(out)
    assert any(p.suffix == ".html" for p in files) and any(p.suffix == ".csv" for p in files)
    assert any(
        "Marion Ashdown" in p.read_text(encoding="utf-8", errors="replace")
        for p in files
        if p.suffix == ".html"
    )
    for p in files:
        data = p.read_bytes()
        for s in PRIVATE:
            assert s.encode() not in data, f"{s!r} leaked into {p.relative_to(out)}"
