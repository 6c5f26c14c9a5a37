"""The build's graph container and its file forms: a set of triples that keeps insertion order,
written as sorted N-Triples and as Turtle holding exactly the same triples."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from graph.core.triples import Triples, nt_bytes, turtle_bytes

A, B, P, Q = (URIRef(f"https://example.org/{x}") for x in "abpq")


def test_a_triple_added_twice_is_one_triple():
    g = Triples()
    g.add((A, P, Literal("x")))
    g.add((A, P, Literal("x")))
    g.add((A, P, Literal("y")))
    assert len(g) == 2
    assert (A, P, Literal("x")) in g and (A, P, Literal("z")) not in g


def test_value_is_the_first_object_added_and_none_when_there_is_none():
    g = Triples()
    g.add((A, P, B))
    g.add((A, P, A))
    assert g.value(A, P) == B
    assert g.value(A, Q) is None
    assert list(g.objects(A, P)) == [B, A]


def test_subjects_lists_each_subject_once_in_the_order_added():
    g = Triples()
    for s in (B, A, B):
        g.add((s, P, Literal("same")))
    g.add((A, Q, Literal("same")))
    assert list(g.subjects(P, Literal("same"))) == [B, A]


def test_to_rdflib_and_the_file_forms_hold_the_same_triples():
    g = Triples()
    g.add((A, P, Literal('a "quoted"\nline', lang="en")))
    g.add((A, Q, Literal("2024", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))))
    g.add((B, P, A))
    expected = {
        (A, P, Literal('a "quoted"\nline', lang="en")),
        (A, Q, Literal("2024", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))),
        (B, P, A),
    }
    assert set(g.to_rdflib()) == expected
    assert set(Graph().parse(data=nt_bytes(g).decode(), format="nt")) == expected
    assert set(Graph().parse(data=turtle_bytes(g).decode(), format="turtle")) == expected


def test_an_empty_graph_writes_empty_files():
    assert nt_bytes(Triples()) == b""
    assert set(Graph().parse(data=turtle_bytes(Triples()).decode() or " ", format="turtle")) == set()


def test_the_change_between_two_graph_files_is_whole_lines_whatever_the_literals_hold(tmp_path):
    """The store follows graph.nt by the lines removed and added. A literal may hold characters
    Python counts as line breaks (U+2028, U+0085, form feed) that N-Triples leaves raw: the lines
    are split at newlines only, so each is one whole triple."""
    from graph.core.store import write_graph

    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    old, new = Triples(), Triples()
    for g, text in ((old, "before\u2028the break\x85and\x0cafter"), (new, "now\u2028different")):
        g.add((s, p, Literal(text)))
        g.add((s, URIRef("https://example.org/q"), Literal("the same in both")))
    write_graph(tmp_path, nt_bytes(old))
    change = write_graph(tmp_path, nt_bytes(new))
    assert change.removed == (nt_bytes(old).decode().split("\n")[0],)
    assert change.added == (nt_bytes(new).decode().split("\n")[0],)
    assert "\u2028the break" in change.removed[0] and change.lines == 2
