"""How the pages are written fast, each way checked against the plain way it replaces: the facts
files against `json.dumps` of their data, a person's page spliced from shared UTF-8 pieces, and the
graph.nt reader that gives each IRI one term."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from graph.core.namespaces import CG, FOAF, RDF
from graph.core.triples import Triples, read_nt
from graph.pages.data import FactsFiles, shard_data, shard_members, shard_script
from graph.pages.render import _FACTS, _NAMED, _spliced
from graph.pages.site import render_html
from graph.pages.view import Fact, Node, View, graph_view
from tests.html_graphs import HOSTILE, hostile_graph

# texts as documents carry them: markup, quotes, backslashes, a dash and an ellipsis, an emoji,
# the line separators JSON leaves raw
_TEXTS = st.text(alphabet=st.sampled_from(list('ab <>&"\\/\u2013\u2026\u2028\U0001f600\n')), max_size=12)


def test_facts_files_are_what_json_dumps_writes():
    """Every facts file of the hostile graph, byte for byte, and its escaping still holds."""
    v = graph_view(hostile_graph())
    files = FactsFiles(v)
    for k, nodes in enumerate(shard_members(v)):
        made = files.script(k, nodes)
        assert made == shard_script(k, shard_data(v, nodes))
        assert "<" not in made and ">" not in made and made.isascii()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXTS, _TEXTS, st.lists(_TEXTS, max_size=3), st.booleans()), max_size=6))
def test_facts_files_on_any_text(rows):
    """Facts with any text, some sharing one evidence list (as the facts read from one sentence
    do), encode as `json.dumps` would."""
    doc = Node(0, "d", "document", "doc", ref="00000000aaaaaaaa")
    shared: list[str] = ["shared <sentence> \u2026"]
    facts = tuple(
        Fact(rel, 0, label, "2019 \u2013 2020", None, label, shared if share else ev, [0])
        for rel, label, ev, share in rows
    )
    person = Node(1, "p", "person", "P", alt=[r[0] for r in rows], facts=facts, ref="00000001bbbbbbbb")
    v = View(nodes=(doc, person))
    files = FactsFiles(v)
    assert files.script(3, [person, doc]) == shard_script(3, shard_data(v, [person, doc]))


def test_a_page_is_its_frame_with_the_sections_spliced_in():
    page = _spliced(
        f"<h1>x</h1>{_NAMED}<p>\u2013</p>{_FACTS}</html>\n",
        [(_NAMED, [b"<q>a</q>"]), (_FACTS, [b"<tr>", b"</tr>"])],
    )
    assert page == "<h1>x</h1><q>a</q><p>\u2013</p><tr></tr></html>\n".encode()


@pytest.mark.parametrize("frame", ["<p>no marker</p>", f"{_FACTS}<p>twice</p>{_FACTS}"])
def test_a_frame_without_its_marker_once_is_refused(frame):
    with pytest.raises(ValueError, match="cg:facts"):
        _spliced(frame, [(_FACTS, [b"<tr></tr>"])])


def test_no_marker_is_left_on_a_page_and_no_hostile_text_is_markup(tmp_path):
    render_html(tmp_path, hostile_graph())
    pages = sorted((tmp_path / "html").rglob("*.html"))
    person_pages = [p for p in pages if p.parent.name == "person"]
    assert person_pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<!--cg:" not in text
        for bad in HOSTILE:
            if "<" in bad:
                assert bad not in text, f"{page.name} holds {bad!r} raw"
    # a person's page quotes its sentences among the spliced sections, escaped
    assert any("&lt;script&gt;" in p.read_text(encoding="utf-8") for p in person_pages)


def _nt(g: Graph) -> bytes:
    return g.serialize(format="nt", encoding="utf-8")


def test_the_reader_reads_what_rdflib_reads_one_term_per_iri():
    g = hostile_graph()
    data = _nt(g)
    read = read_nt(io.BytesIO(data))
    assert set(read) == set(Graph().parse(data=data, format="nt")) == set(g)
    terms: dict[URIRef, URIRef] = {}
    for triple in read:
        for term in triple:
            if type(term) is URIRef:
                assert terms.setdefault(term, term) is term, f"{term} read as two objects"
    assert terms[RDF.type] is RDF.type and terms[CG.evidence] is CG.evidence  # the vocabulary's own


def test_the_reader_keeps_literals_apart_from_iris(tmp_path: Path):
    """A literal whose text is an IRI stays a literal."""
    g = Triples()
    person = URIRef("https://w3id.org/councilgraph/id/person/1")
    g.add((person, RDF.type, FOAF.Person))
    g.add((person, FOAF.name, Literal(str(FOAF.Person))))
    (tmp_path / "graph.nt").write_bytes(b"\n".join(sorted(line.encode() for line in _lines(g))) + b"\n")
    with (tmp_path / "graph.nt").open("rb") as f:
        read = read_nt(f)
    assert set(read) == set(g)
    assert json.dumps(sorted(type(o).__name__ for _s, _p, o in read)) == '["Literal", "URIRef"]'


def _lines(g: Triples) -> list[str]:
    return [f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in g]
