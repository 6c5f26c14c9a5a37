"""The pages' census reads only the lines it needs (`bycouncil._lines_with`) and gives what a test of
every line gives; the copies `merge_views` makes keep every field (`bycouncil._node`)."""

from __future__ import annotations

import dataclasses
import io

from graph.pages.bycouncil import _PAGE_TYPES, _blocks, _lines_with, _node, census
from graph.pages.view import Fact, Node, Tenure

_TYPED = "<https://x/{}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{}> .\n"
_IDENT = '<https://x/{}> <http://purl.org/dc/terms/identifier> "{}" .\n'
_PERSON, _BODY = "http://xmlns.com/foaf/0.1/Person", "http://www.w3.org/ns/org#Organization"
_ROLE = "http://www.w3.org/ns/org#Role"
# a sentence that quotes an identifier line's middle: it is no identifier line, and the census treats
# it as a test of every line did (its first term, its object)
_EVIDENCE = (
    '<https://x/m1> <https://w3id.org/councilgraph/ns#evidence> "The clerk wrote '
    '> <http://purl.org/dc/terms/identifier> in the minutes." .\n'
)


def _part(*lines: str) -> str:
    return "".join(lines)


def _every_line(paths) -> tuple[set[bytes], dict[bytes, set[bytes]]]:
    """The census as a test per line makes it (the code before `_lines_with`)."""
    first: dict[bytes, int] = {}
    crossing: set[bytes] = set()
    identifiers: dict[bytes, set[bytes]] = {}
    marker = b"> <http://purl.org/dc/terms/identifier> "
    for k, path in enumerate(paths):
        for line in path.read_bytes().splitlines(keepends=True):
            if line.endswith(_PAGE_TYPES):
                s = line.split(b" ", 1)[0]
                if first.setdefault(s, k) != k:
                    crossing.add(s)
            elif marker in line:
                s, _p, o = line.split(b" ", 2)
                identifiers.setdefault(o, set()).add(s)
    return crossing, identifiers


def test_the_census_finds_what_a_test_of_every_line_finds(tmp_path):
    one = _part(
        _TYPED.format("ann", _PERSON),
        _TYPED.format("ofsted", _BODY),
        _IDENT.format("d1", "minutes-2024-03.pdf"),
        _EVIDENCE,
        _TYPED.format("leader", _ROLE),
    )
    two = _part(
        _IDENT.format("d2", "minutes-2024-03.pdf"),
        _TYPED.format("tom", _PERSON),
        _TYPED.format("ofsted", _BODY),
        _TYPED.format("leader", _ROLE),
        _IDENT.format("d3", "cabinet report 12 June.pdf"),
    )
    paths = []
    for name, text in (("one.nt", one), ("two.nt", two)):
        (tmp_path / name).write_text(text)
        paths.append(tmp_path / name)
    found = census(paths)
    crossing, identifiers = _every_line(paths)
    assert found.crossing == {s[1:-1].decode() for s in crossing} == {"https://x/ofsted", "https://x/leader"}
    assert {o for o, docs in identifiers.items() if len(docs) > 1} == {b'"minutes-2024-03.pdf" .\n'}
    assert found.repeated == {"minutes-2024-03.pdf"}


def test_blocks_are_whole_lines_and_the_lines_with_a_mark_are_each_found_once():
    text = _part(
        _TYPED.format("ann", _PERSON), _EVIDENCE, _IDENT.format("d1", "a.pdf"), _TYPED.format("b", _BODY)
    ).encode()
    for size in (1, 7, 64, len(text), 1 << 20):
        blocks = list(_blocks(io.BytesIO(text), size))
        assert b"".join(blocks) == text
        assert all(b.endswith(b"\n") for b in blocks)
    lines = [line for b in _blocks(io.BytesIO(text), 64) for line in _lines_with(b, _PAGE_TYPES)]
    assert lines == [_TYPED.format("ann", _PERSON).encode(), _TYPED.format("b", _BODY).encode()]
    # a line holding two marks is given once
    twice = b'<https://x/a> <https://x/p> "m m" .\n'
    assert list(_lines_with(twice, (b"m",))) == [twice]


def test_a_copied_node_keeps_every_field_but_its_index_and_facts():
    fact = Fact("attended", 2, "Planning Committee 2024-03-05", "2024-03-05", (2024, 2024))
    n = Node(
        3, "https://x/ann", "person", "Ann Lee", ["Cllr Lee"], frozenset({2024}), (fact,), "p.html", "d", "ab"
    )
    assert _node(n, 7, ()) == dataclasses.replace(n, index=7, facts=())
    assert _node(n, 3, (fact,)) == n
    # `_node`, `_merged_facts` and `_merged_tenures` copy these by position: a field added to one of
    # them must be added to its copy too
    assert [len(dataclasses.fields(c)) for c in (Node, Fact, Tenure)] == [10, 8, 10]
