"""The pages a council at a time (`graph.pages.bycouncil`, issue 24) are the pages the whole graph's view
gives, byte for byte, and the render holds one council's view at a time."""

from __future__ import annotations

import gc
import io
from pathlib import Path

from graph.core.councils import council_joins
from graph.core.triples import read_nt
from graph.pages.bycouncil import census, merge_views, write_council_pages
from graph.pages.render import write_pages
from graph.pages.view import View, graph_view, keyed_view
from graph.run.bycouncil import council_groups, council_part, digest_group, merge_parts, shared_part
from tests.conftest import synthetic_copies


class _Everything(frozenset):
    """A `tracked` set that holds every IRI: each part's view keeps every node's facts."""

    def __contains__(self, item: object) -> bool:
        return True


def _parts(facts: Path, folder: Path) -> tuple[list[Path], Path]:
    """The graph stages by council on a folder of facts files: the part files (the councils', then the
    shared organizations') and the merged graph, as the build leaves them before the pages."""
    folder.mkdir()
    groups = council_groups(sorted(facts.glob("*.jsonl")))
    index = council_joins([digest_group(g)[0] for g in groups])
    groups = [sorted(f for i in members for f in groups[i]) for members in index.together]
    parts = [council_part(g, index, folder, include_private=False) for g in groups]
    shared, _problems = shared_part([p.share for p in parts], index, folder, include_private=False)
    paths = [p.path for p in parts] + ([shared] if shared else [])
    return paths, merge_parts(paths, folder).path


def _files(html: Path) -> dict[str, bytes]:
    return {str(p.relative_to(html)): p.read_bytes() for p in sorted(html.rglob("*")) if p.is_file()}


def test_three_councils_pages_by_council_are_the_whole_graphs_pages(seeds_build, tmp_path):
    n = len(list((seeds_build / "facts").glob("*.jsonl")))
    synthetic_copies(seeds_build / "facts", 3 * n, tmp_path / "facts")
    parts, merged = _parts(tmp_path / "facts", tmp_path / "parts")
    found = census(parts)
    assert len(parts) == 4  # three councils and the organizations they share
    assert found.crossing  # the bodies all three name, and the holders of their shared posts

    with merged.open("rb") as fh:
        whole = graph_view(read_nt(fh))
    shares = []
    for part in parts:
        with part.open("rb") as fh:
            shares.append(keyed_view(read_nt(fh), tracked=_Everything(), repeated=found.repeated))
    assert merge_views(shares) == whole  # every node, fact, edge and tenure, in the whole graph's order

    write_pages(tmp_path / "whole", whole)
    write_council_pages(tmp_path / "bycouncil", parts)
    want, got = _files(tmp_path / "whole" / "html"), _files(tmp_path / "bycouncil" / "html")
    assert sorted(got) == sorted(want)
    assert [p for p in want if want[p] != got[p]] == []


def test_the_render_holds_one_councils_view_at_a_time(seeds_build, tmp_path):
    n = len(list((seeds_build / "facts").glob("*.jsonl")))
    synthetic_copies(seeds_build / "facts", 2 * n, tmp_path / "facts")
    parts, _merged = _parts(tmp_path / "facts", tmp_path / "parts")
    alive: list[int] = []

    def watch(part: Path, view: View) -> None:  # told of each part's view once it is made
        # no collection first: the render runs with fewer collections (`graph.core.collect`), so a
        # view must go when its last reference does, not wait for the cycle collector
        alive.append(sum(isinstance(o, View) for o in gc.get_objects()))

    write_council_pages(tmp_path / "out", parts, watch=watch)
    assert len(alive) == len(parts) >= 3
    assert alive == [1] * len(parts)  # the view just made, no other part's
    assert (tmp_path / "out" / "html" / "index.html").is_file()


def test_a_document_identifier_another_part_holds_names_the_document_by_its_iri():
    """Two councils' papers may share an identifier ("minutes.pdf"): the whole graph's view then names
    each document by its IRI, and so must each part's view, which sees one of them."""
    a = (
        b"<https://x/doc/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Document> .\n"
        b'<https://x/doc/a> <http://purl.org/dc/terms/identifier> "minutes.pdf" .\n'
    )
    b = a.replace(b"/doc/a", b"/doc/b")
    whole = graph_view(read_nt(io.BytesIO(a + b)))
    alone = graph_view(read_nt(io.BytesIO(a)))
    tmp = [io.BytesIO(a), io.BytesIO(b)]
    keyed = [keyed_view(read_nt(t), tracked=frozenset(), repeated=frozenset({"minutes.pdf"}))[0] for t in tmp]
    assert alone.nodes[0].ref != whole.nodes[0].ref  # alone, the identifier would name it
    assert [v.nodes[0].ref for v in keyed] == [n.ref for n in whole.nodes]


def test_the_census_finds_the_nodes_two_parts_hold_and_the_repeated_identifiers(tmp_path):
    typed = "<https://x/{}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{}> .\n"
    person, body = "http://xmlns.com/foaf/0.1/Person", "http://www.w3.org/ns/org#Organization"
    ident = '<https://x/{}> <http://purl.org/dc/terms/identifier> "{}" .\n'
    one = typed.format("ann", person) + typed.format("ofsted", body) + ident.format("d1", "agenda.pdf")
    two = typed.format("tom", person) + typed.format("ofsted", body) + ident.format("d2", "agenda.pdf")
    two += ident.format("d3", "report.pdf")
    paths = []
    for name, text in (("one.nt", one), ("two.nt", two)):
        (tmp_path / name).write_text(text)
        paths.append(tmp_path / name)
    found = census(paths)
    assert found.crossing == {"https://x/ofsted"}
    assert found.repeated == {"agenda.pdf"}
