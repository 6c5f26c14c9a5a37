"""The HTML pages: what the view model holds, and that no document text becomes markup."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.core.triples import Triples
from graph.pages.data import SHARD_NODES, facts_shards, page_data, script_json, shard_count, shard_of
from graph.pages.site import render_html
from graph.pages.view import KINDS, View, graph_view
from tests.html_graphs import HOSTILE, hostile_graph


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html")
    render_html(out, hostile_graph())
    return out / "html"


def _all_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_script_json_cannot_close_its_block():
    text = script_json({"a": "</script><!-- <script>alert(1)</script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- <script>alert(1)</script> & \u2028"}


def test_script_json_is_ascii_whatever_the_documents_hold():
    """The main page's data stays one byte a character: a document's accent, ellipsis or emoji is
    written as an escape, and reads back as itself."""
    data = {"label": "Siân Jones \u2026 \U0001f600", "ev": ["caf\u00e9 \u2029"]}
    text = script_json(data)
    assert text.isascii()
    assert json.loads(text) == data


def test_every_kind_is_a_node_with_its_own_look():
    v = graph_view(hostile_graph())
    assert {n.kind for n in v.nodes} == set(KINDS)
    looks = {(colour, shape) for _label, colour, shape in KINDS.values()}
    assert len(looks) == len(KINDS)


def test_memberships_become_dated_edges_and_facts():
    v = graph_view(hostile_graph())
    tina = next(n for n in v.nodes if n.label == "Tina Russell")
    fact = next(f for f in tina.facts if f.other is not None and v.nodes[f.other].label == "Shire Council")
    assert fact.dates.startswith("2015-04-01 – 2018-03-31")
    assert fact.years == (2015, 2018)
    assert fact.evidence and fact.sources
    assert any(e[2].startswith("Director") and e[3:] == (2015, 2018) for e in v.edges if e[0] == tina.index)
    interim = [t for t in v.tenures if t.interim]
    assert len(interim) == 1 and interim[0].start == "2018-04-01"


def test_page_data_carries_years_for_the_filter():
    data = page_data(graph_view(hostile_graph()))
    by_label = {n["l"]: n for n in data["nodes"]}
    assert by_label["Tina Russell"]["y"] == [2015, 2018]
    assert data["default_years"] == [2015, 2024]  # the data's own span
    meeting = next(n for n in data["nodes"] if n["k"] == "meeting")
    assert meeting["y"] == [2024, 2024]
    action = next(n for n in data["nodes"] if n["k"] == "action")
    assert action["y"] == [2016, 2016]  # from its timescale
    assert all(len(e) == 5 for e in data["edges"])


def _shard(text: str) -> tuple[int, dict]:
    m = re.fullmatch(r"cgFacts\((\d+),(.*)\);\n", text, re.S)
    assert m, text[:80]
    return int(m.group(1)), json.loads(m.group(2))


def test_the_main_page_carries_nodes_and_edges_and_the_facts_sit_in_files_by_ref(rendered):
    """Every node's facts are in the facts file its ref picks, naming other nodes and sources by ref."""
    v = graph_view(hostile_graph())
    data = page_data(v)
    assert "facts" not in data and data["shards"] == shard_count(len(v.nodes))
    refs = {n["h"]: n for n in data["nodes"]}
    assert len(refs) == len(v.nodes)  # a ref names one node
    files = sorted((rendered / "data").glob("facts-*.js"))
    assert [f.name for f in files] == [f"facts-{k:04d}.js" for k in range(data["shards"])]
    held: dict[str, dict] = {}
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert "<" not in text and text.isascii()
        k, shard = _shard(text)
        assert all(shard_of(ref, data["shards"]) == k for ref in shard)
        held.update(shard)
    tina = next(n for n in v.nodes if n.label == "Tina Russell")
    facts = held[tina.ref]["f"]
    assert len(facts) == len(tina.facts)
    council = next(f for f in facts if f["ol"] == "Shire Council")
    assert refs[council["o"]]["l"] == "Shire Council"
    assert council["src"] and all(refs[r]["k"] == "document" for r in council["src"])
    assert any(h in e for f in held.values() for x in f["f"] for e in x["ev"] for h in HOSTILE[1:3])


def test_facts_files_double_with_the_graph_so_a_node_keeps_its_file():
    assert [
        shard_count(n) for n in (0, 1, SHARD_NODES, SHARD_NODES + 1, 4 * SHARD_NODES, 4 * SHARD_NODES + 1)
    ] == [1, 1, 1, 2, 4, 8]
    assert shard_of("0000000a00000000", 4) == 2 and shard_of("ffffffff00000000", 1) == 0
    assert facts_shards(View()) == [{}]


def test_pages_are_written(rendered):
    names = {p.relative_to(rendered).as_posix().split("/")[0] for p in _all_pages(rendered)}
    assert {
        "index.html",
        "network.html",
        "people.html",
        "bodies.html",
        "timelines.html",
        "turnover.html",
        "person",
        "body",
        "post",
    } <= names
    index = (rendered / "network.html").read_text(encoding="utf-8")
    assert "https://" not in re.sub(
        r'"https://[^"]*"|https://w3id\.org[^"\s]*', "", index.split("cg-data")[0]
    )
    assert "<script src" not in index  # vis-network is inlined, nothing is fetched


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_no_hostile_text_is_markup_anywhere(rendered):
    for page in _all_pages(rendered):
        parser = _Tags()
        parser.feed(page.read_text(encoding="utf-8"))
        tags = {t for t, _ in parser.tags}
        assert not tags & {"img", "b", "iframe", "object"}, page
        handlers = [(t, a) for t, attrs in parser.tags for a, _ in attrs if a.startswith("on")]
        assert handlers == [], page
        scripts = [attrs for t, attrs in parser.tags if t == "script"]
        if page.name == "timelines.html":  # its filter, with the page's nonce
            assert len(scripts) == 1 and dict(scripts[0]).get("nonce") and not dict(scripts[0]).get("src")
        elif page.name == "network.html":  # the data block, vis-network and the page's own script
            assert len(scripts) == 3 and not any(a == "src" for attrs in scripts for a, _ in attrs), scripts
        else:
            assert scripts == [], page


def test_hostile_text_is_shown_as_text(rendered):
    person_pages = list((rendered / "person").glob("*.html"))
    texts = "".join(p.read_text(encoding="utf-8") for p in person_pages)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in texts
    assert "&#34;&gt;&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in texts
    index = (rendered / "network.html").read_text(encoding="utf-8")
    block = index.split('<script type="application/json" id="cg-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(block)
    labels = {n["l"] for n in data["nodes"]}
    assert any(h in label for label in labels for h in HOSTILE[1:3])


def test_timeline_marks_interims(rendered):
    text = (rendered / "timelines.html").read_text(encoding="utf-8")
    assert "interim</text>" in text
    assert "Tina Russell" in text
    assert text.count("<rect") >= 3


def test_render_reads_the_build_folder(tmp_path):
    """graph.nt is read into the build's own `Triples`: the pages are those the graph itself gives."""
    hostile_graph().serialize(tmp_path / "graph.nt", format="nt", encoding="utf-8")
    index = render_html(tmp_path)
    assert index == tmp_path / "html" / "index.html" and index.is_file()
    given = render_html(tmp_path / "given", hostile_graph()).parent
    assert _files(given) == _files(index.parent)
    with pytest.raises(FileNotFoundError):
        render_html(tmp_path / "nothing")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_an_rdflib_graph_and_the_builds_triples_give_one_view():
    """The build hands the renderer its `Triples`; the tests and other callers an rdflib graph,
    read through its public API: the view is the same."""
    g = hostile_graph()
    triples = Triples()
    for s in sorted(set(g.subjects())):
        for p, o in g.predicate_objects(s):
            triples.add((s, p, o))
    assert graph_view(triples) == graph_view(g)


def test_render_is_deterministic(tmp_path):
    a = render_html(tmp_path / "a", hostile_graph()).read_bytes()
    b = render_html(tmp_path / "b", hostile_graph()).read_bytes()
    assert a == b


def test_render_command(tmp_path):
    from typer.testing import CliRunner

    from graph.cli import app

    hostile_graph().serialize(tmp_path / "graph.nt", format="nt", encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(tmp_path), "--limit", "100"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "html" / "index.html").is_file()
    assert CliRunner().invoke(app, ["render", str(tmp_path / "missing")]).exit_code == 2
    assert "Example:" in CliRunner().invoke(app, ["render", "--help"]).output


def test_the_pages_that_print_an_evidence_text_change_key_with_it_and_no_other_does():
    """Page keys name an evidence list by a digest worked out once per list (the facts read from
    one sentence share it): an amended sentence still changes the key of every page and facts file
    that prints it."""
    from graph.pages.data import DEFAULT_LIMIT
    from graph.pages.render import _pages

    v = graph_view(hostile_graph())
    before = {rel: key for rel, key, _render in _pages(v, DEFAULT_LIMIT)}
    tina = next(n for n in v.nodes if n.label == "Tina Russell")
    evidence = next(f.evidence for f in tina.facts if f.evidence)
    printing = [n for n in v.nodes if any(f.evidence is evidence for f in n.facts)]
    assert len(printing) > 1  # one sentence, several nodes' facts
    evidence[0] += " (as amended)"
    after = {rel: key for rel, key, _render in _pages(v, DEFAULT_LIMIT)}
    count = shard_count(len(v.nodes))
    expected = {n.page for n in printing if n.page} | {
        f"data/facts-{shard_of(n.ref, count):04d}.js" for n in printing
    }
    assert {rel for rel in before if before[rel] != after[rel]} == expected


def test_an_edited_document_keeps_its_ref_so_the_facts_it_sourced_name_it_as_before():
    """A document's IRI is its content's hash and moves with an edit; the facts files name it by
    its identifier, so the facts it sourced are written as before."""
    from rdflib import Graph, URIRef

    from graph.core.namespaces import FOAF, RDF

    g = hostile_graph()
    doc = next(iter(g.subjects(RDF.type, FOAF.Document)))
    edited = URIRef(str(doc) + "-edited")
    moved = Graph()
    for s, p, o in g:
        moved.add((edited if s == doc else s, p, edited if o == doc else o))
    before, after = graph_view(g), graph_view(moved)
    assert {n.label: n.ref for n in before.nodes} == {n.label: n.ref for n in after.nodes}
    assert facts_shards(before) == facts_shards(after)
    assert {n.ref for n in before.nodes if n.kind == "document"}.isdisjoint(
        {n.ref for n in before.nodes if n.kind != "document"}
    )


def test_key_roles_come_from_the_posts_wording():
    from graph.pages.board import KEY_ROLES, key_role

    chief, children, adults, health, finance, monitoring, leader, deputy, chair = (h for h, _p in KEY_ROLES)
    cases = {
        "Chief Executive": chief,
        "Interim Chief Executive": chief,
        "Head of Paid Service": chief,
        "Director of Children's Services": children,
        "Corporate Director Children and Young People": children,
        "Director of Adult Social Services": adults,
        "Director of Public Health": health,
        "Chief Financial Officer": finance,
        "Director of Finance": finance,
        "Section 151 Officer": finance,
        "Monitoring Officer": monitoring,
        "Leader": leader,
        "Leader of the Council": leader,
        "Deputy leader": deputy,
        "Chairman": chair,
        "Mayor": chair,
        # not key roles: junior posts and seats that share a word with them
        "Assistant Director Children's Social Care": None,
        "Service Director Communities": None,
        "Cabinet member Children and Young People": None,
        "Head of Chief Executive's Office": None,
        "Chief Executive's PA": None,
        "Member": None,
        "Deputy Monitoring Officer": None,
    }
    assert {post: key_role(post) for post in cases} == cases


def _chief_executive_graph():
    from rdflib import Literal, URIRef

    from graph.core.namespaces import CG, SKOS

    g = hostile_graph()
    role = URIRef("https://w3id.org/councilgraph/id/role/1")
    g.set((role, SKOS.prefLabel, Literal("Chief Executive")))
    g.set((URIRef("https://w3id.org/councilgraph/id/body/council"), CG.orgKind, Literal("council")))
    return g


def test_the_board_puts_the_councils_key_roles_on_one_axis():
    """The hostile graph's council with its post called Chief Executive: one row, three holders in
    start order (the interim marked), and the committee with its chair below."""
    from graph.pages.board import boards

    (board,) = boards(graph_view(_chief_executive_graph()))
    assert board.council == "Shire Council"
    sections = dict(board.sections)
    (row,) = sections["Key roles"]
    assert row[0].startswith("Chief Executive")
    holders = [(b[0], b[6]) for b in row[2]]
    assert holders[0] == ("Tina Russell", False) and [i for _n, i in holders] == [False, True, False]
    assert row[2][2][5]  # the last holder's end is not known
    (chairs,) = sections["Committees and their chairs"]
    assert chairs[0].startswith("Audit Committee") and chairs[2][0][0].startswith("Person 3")
    assert board.axis[0] <= 2015 and board.axis[1] >= 2025


def test_the_board_is_the_landing_page_and_its_text_stays_text(tmp_path):
    index = render_html(tmp_path, _chief_executive_graph())
    text = index.read_text(encoding="utf-8")
    assert "Who held what at" in text and "Chief Executive (head of paid service)" in text
    assert 'class="holder" href="person/tina-russell-' in text
    assert "&lt;svg onload=alert(1)&gt;" in text and "<svg onload" not in text
    parser = _Tags()
    parser.feed(text)
    assert not {t for t, _ in parser.tags} & {"script", "img", "b"}


def test_a_person_leads_with_their_main_post_and_the_sentences_naming_them():
    from rdflib import Literal, URIRef

    from graph.core.namespaces import CG
    from graph.pages.people import main_post, sentences, tenures_by_person

    g = _chief_executive_graph()
    g.add(
        (
            URIRef("https://w3id.org/councilgraph/id/membership/0"),
            CG.evidence,
            Literal("Ms T. Russell, Chief Executive"),
        )
    )
    v = graph_view(g)
    tina = next(n for n in v.nodes if n.label == "Tina Russell")
    assert main_post(v, tenures_by_person(v)[tina.index]) == "Chief Executive, Shire Council"
    named, role_only = sentences(v, tina)
    assert [s.text for s in named] == ["Ms T. Russell, Chief Executive"]
    assert [s.text for s in role_only] == [f"{HOSTILE[0]} was appointed Director"]  # names the post alone
    assert named[0].sources and named[0].sources[0][0].startswith("minutes")


def test_timelines_share_one_axis_and_put_key_roles_first(tmp_path):
    index = render_html(tmp_path, _chief_executive_graph())
    text = (index.parent / "timelines.html").read_text(encoding="utf-8")
    assert text.index("Chief Executive, Shire Council") < text.index("Chair, Audit Committee")
    axes = set(re.findall(r'<svg class="gantt"[^>]*>(?:<line[^>]*/>)?<text[^>]*>(\d{4})<', text))
    assert len(axes) == 1  # every chart starts at the same year
    people = (index.parent / "people.html").read_text(encoding="utf-8")
    assert re.search(r"Tina Russell</a></td><td>Chief Executive, Shire Council</td>", people)


def test_the_graphs_canonical_role_links_decide_the_board_rows_where_it_has_them():
    """A post linked (`skos:broader`) to the canonical Director of Children's Services is that row
    whatever its wording; with links in the graph, a wording the table knows and the graph does not
    link is no key role."""
    from rdflib import Literal, URIRef

    from graph.core.namespaces import RDF, SKOS
    from graph.pages.board import KEY_ROLES, boards
    from graph.pages.view import CANONICAL_ROLE

    g = _chief_executive_graph()
    role = URIRef("https://w3id.org/councilgraph/id/role/1")
    dcs = URIRef("https://w3id.org/councilgraph/id/canonical-role/dcs")
    g.set((role, SKOS.prefLabel, Literal("Chief Executive and Director of People")))
    g.add((role, SKOS.broader, dcs))
    g.add((dcs, RDF.type, CANONICAL_ROLE))
    g.add((dcs, SKOS.prefLabel, Literal("Director of Children's Services")))
    v = graph_view(g)
    assert v.canonical and all(c == "dcs" for _i, c in v.canonical)
    (board,) = boards(v)
    assert [r[0] for r in dict(board.sections)["Key roles"]] == [KEY_ROLES[1][0]]


@pytest.mark.parametrize(
    ("label", "alt", "sentence", "names_them"),
    [
        ("Tina Russell", [], "Councillor Tina Russell moved the motion.", True),
        ("Tina Russell", [], "councillor TINA RUSSELL moved the motion.", True),  # any case
        ("Tina Russell", [], "Cllr Russell seconded it.", True),  # the surname alone
        ("Tina Russell", [], "Mr Russellson seconded it.", False),  # a longer word is another name
        ("Tina Russell", ["T. Russell-Jones"], "Ms T. Russell-Jones (Chair) opened.", True),  # another name
        ("Jo (Joanna) Day", [], "Jo (Joanna) Day was appointed.", True),  # read as text, not a pattern
        ("J.Smith", [], "JxSmith was appointed.", False),
        ("Ann Li", [], "The Director of Finance explained.", False),  # a two-letter surname is not sought
        ("Ann Li", [], "Ann Li explained.", True),
    ],
)
def test_a_sentence_names_a_person_by_any_of_their_names_as_a_whole_word(label, alt, sentence, names_them):
    """A person's sentences are split by one pattern of all their names: the name, another name,
    the surname (longer than two letters), each matched as whole words in any case."""
    from graph.pages.people import sentences
    from graph.pages.view import Fact, Node

    doc = Node(1, "doc", "document", "minutes-1.txt", detail="Council, 2024-01-01")
    person = Node(0, "p", "person", label, alt, facts=(Fact("attended", evidence=[sentence], sources=[1]),))
    named, role_only = sentences(View(nodes=(person, doc)), person)
    assert ([s.text for s in named], [s.text for s in role_only]) == (
        ([sentence], []) if names_them else ([], [sentence])
    )
    assert (named or role_only)[0].sources == (("minutes-1.txt", "Council, 2024-01-01"),)


_NAME_CHARS = "abkisAKIS .-'_0ôÔ\u0130\u0131\u017f\u212a\u2019é"


@settings(max_examples=400, deadline=None)
@given(
    names=st.lists(st.text(alphabet=_NAME_CHARS, min_size=1, max_size=6), min_size=1, max_size=3),
    text=st.text(alphabet=_NAME_CHARS, max_size=40),
)
def test_names_are_matched_as_one_case_blind_whole_word_pattern_would_match(names, text):
    """`people._Names` finds a name without compiling a pattern where it can; it must answer as the
    pattern it stands for, including the four letters beyond ASCII that match an ASCII one in any
    case (İ ı ſ K) and word characters beyond ASCII either side."""
    from graph.pages.people import _Names

    names = sorted({x for x in names if x.strip()})
    if not names:
        return
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.IGNORECASE)
    assert _Names(names).search(text) == (pattern.search(text) is not None)
    for case in (text.upper(), text.lower(), f"{names[0].upper()} {text}", f"x{names[-1]}", f"{names[0]}ô"):
        assert _Names(names).search(case) == (pattern.search(case) is not None)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Kim", "Cllr \u212aim"),
        ("Sims", "\u017fims"),
        ("Iris", "\u0130ris"),
        ("Ivan", "\u0131van"),
        ("Ann Li", "ann li_"),
    ],
)
def test_names_match_the_letters_beyond_ascii_that_a_case_blind_pattern_matches(name, text):
    from graph.pages.people import _Names

    pattern = re.compile(r"(?<!\w)(?:" + re.escape(name) + r")(?!\w)", re.IGNORECASE)
    assert _Names([name]).search(text) == (pattern.search(text) is not None)
