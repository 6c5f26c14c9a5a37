"""A rebuild does only what changed and ends byte-identical to a build from scratch.

Unchanged documents are not extracted again (their facts files are kept); graph.ttl and graph.nt
are rewritten only when their bytes change; the store is reloaded and the HTML pages rendered
again only when graph.nt (or the renderer) changed; when no facts file changed the graph stages
are skipped. Turtle and N-Triples hold the same triples.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from graph.core.triples import nt_bytes, turtle_bytes
from graph.run.corpus import build_corpus
from graph.run.uptodate import RECORD
from tests.conftest import change_document, dev_corpus

OUTPUTS = ("graph.ttl", "graph.nt", "problems.jsonl")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert _files(a / "facts") == _files(b / "facts")
    assert _files(a / "html") == _files(b / "html")


def test_rebuild_after_one_change_equals_a_fresh_build(tmp_path):
    corpus = dev_corpus(tmp_path, 6)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    changed = sorted(corpus.glob("*.txt"))[2]
    change_document(changed)
    report = build_corpus([corpus], out, use_model=False, workers=0)
    assert (report.extracted, report.reused) == (1, 5)
    fresh = tmp_path / "fresh"
    build_corpus([corpus], fresh, use_model=False, workers=0)
    _same_outputs(out, fresh)


def test_a_rebuild_rewrites_only_the_pages_whose_content_changed(tmp_path):
    corpus = dev_corpus(tmp_path, 6)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    pages = {p: p.stat().st_mtime_ns for p in (out / "html").rglob("*.html")}
    before = {p: p.read_bytes() for p in pages}
    changed = sorted(corpus.glob("*.txt"))[2]
    change_document(changed)
    build_corpus([corpus], out, use_model=False, workers=0)
    kept = [p for p in pages if p.is_file() and p.read_bytes() == before[p]]
    rewritten = [p for p in pages if p.is_file() and p.stat().st_mtime_ns != pages[p]]
    assert len(kept) > len(pages) // 2  # most pages show nothing new
    assert all(p.stat().st_mtime_ns == pages[p] for p in kept)  # ... and were not written again
    assert all(p.read_bytes() != before[p] for p in rewritten)
    assert (out / "html" / "index.html") in rewritten  # the main page's data did change


def _store_triples(out: Path) -> set[str]:
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(out / "store"))
    return {str(q.triple) for q in store}


def test_the_store_follows_a_change_by_its_difference_and_holds_what_a_fresh_load_holds(tmp_path):
    corpus = dev_corpus(tmp_path, 6)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    store_folder = (out / "store").stat().st_ino
    changed = sorted(corpus.glob("*.txt"))[2]
    change_document(changed)
    build_corpus([corpus], out, use_model=False, workers=0)
    fresh = tmp_path / "fresh"
    build_corpus([corpus], fresh, use_model=False, workers=0)
    assert _store_triples(out) == _store_triples(fresh)
    assert any("Ffion Ackroyd" in t for t in _store_triples(out))
    assert (out / "store").stat().st_ino == store_folder  # updated in place, not loaded again beside it


def test_a_store_that_does_not_hold_the_old_graph_is_loaded_whole(tmp_path):
    """The difference is applied only to a store stamped with the graph.nt it was taken from;
    a store stamped otherwise (a killed build, a store copied in) is loaded again from graph.nt."""
    corpus = dev_corpus(tmp_path, 6)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    (out / ".store.sha256").write_text("0" * 64 + "\n", encoding="utf-8")
    store_folder = (out / "store").stat().st_ino
    changed = sorted(corpus.glob("*.txt"))[1]
    change_document(changed)
    build_corpus([corpus], out, use_model=False, workers=0)
    assert (out / "store").stat().st_ino != store_folder
    fresh = tmp_path / "fresh"
    build_corpus([corpus], fresh, use_model=False, workers=0)
    assert _store_triples(out) == _store_triples(fresh)


def test_a_render_killed_half_way_is_redone_whole(tmp_path):
    """The page manifest goes before any page is rewritten in place: without it the next build
    rewrites every page, so a page left half-updated is never trusted."""
    corpus = dev_corpus(tmp_path, 4)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    page = next((out / "html" / "person").glob("*.html"))
    page.write_text("left by a killed build", encoding="utf-8")
    (out / "html" / ".pages.json").unlink()
    (out / ".html.sha256").unlink()
    build_corpus([corpus], out, use_model=False, workers=0)
    fresh = tmp_path / "fresh"
    build_corpus([corpus], fresh, use_model=False, workers=0)
    _same_outputs(out, fresh)


def test_nothing_changed_keeps_every_output_and_the_store(tmp_path):
    corpus = dev_corpus(tmp_path, 4)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    before = {
        name: (out / name).stat().st_mtime_ns
        for name in ("graph.ttl", "graph.nt", ".store.sha256", ".html.sha256", "html/index.html")
    }
    store_files = _files(out / "store")
    report = build_corpus([corpus], out, use_model=False, workers=0)
    assert report.extracted == 0
    after = {name: (out / name).stat().st_mtime_ns for name in before}
    assert after == before  # nothing rewritten: same bytes, same graph, same renderer
    assert _files(out / "store") == store_files


def test_a_stale_stamp_renders_and_loads_again(tmp_path):
    """A build killed between writing graph.nt and the store (or the pages) left a stamp that no
    longer matches, or none: the next build does that stage again."""
    corpus = dev_corpus(tmp_path, 3)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    (out / ".store.sha256").write_text("0" * 64 + "\n", encoding="utf-8")
    (out / ".html.sha256").unlink()
    shutil.rmtree(out / "html" / "person")
    build_corpus([corpus], out, use_model=False, workers=0)
    fresh = tmp_path / "fresh"
    build_corpus([corpus], fresh, use_model=False, workers=0)
    _same_outputs(out, fresh)
    assert (out / ".store.sha256").read_text() == (fresh / ".store.sha256").read_text()


def test_with_no_facts_file_changed_the_graph_stages_are_skipped_and_report_what_they_reported(tmp_path):
    corpus = dev_corpus(tmp_path, 4)
    out = tmp_path / "out"
    first = build_corpus([corpus], out, use_model=False, workers=0)
    problems = (out / "problems.jsonl").read_bytes()
    second = build_corpus([corpus], out, use_model=False, workers=0)
    assert "graph unchanged" in second.stages and "resolve" not in second.stages
    assert (second.facts, second.people, second.bodies, second.triples) == (
        first.facts,
        first.people,
        first.bodies,
        first.triples,
    )
    assert [p.line() for p in second.problems] == [p.line() for p in first.problems]
    assert (out / "problems.jsonl").read_bytes() == problems


def test_an_output_changed_since_the_last_build_or_another_option_runs_the_graph_stages(tmp_path):
    corpus = dev_corpus(tmp_path, 4)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    (out / "html" / "index.html").unlink()
    (out / "graph.ttl").unlink()
    report = build_corpus([corpus], out, use_model=False, workers=0)
    assert "graph unchanged" not in report.stages  # the stages ran (each council's part kept: no resolve)
    fresh = tmp_path / "fresh"
    build_corpus([corpus], fresh, use_model=False, workers=0)
    _same_outputs(out, fresh)
    assert "resolve" in build_corpus([corpus], out, use_model=False, workers=0, include_private=True).stages


def test_a_change_to_the_code_the_graph_stages_run_runs_them_again(tmp_path, monkeypatch):
    import graph.run.uptodate

    code = tmp_path / "code"
    code.mkdir()
    (code / "resolve.py").write_text("first", encoding="utf-8")
    monkeypatch.setattr(graph.run.uptodate, "_PACKAGES", (code,))
    corpus = dev_corpus(tmp_path, 3)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    (code / "resolve.py").write_text("second", encoding="utf-8")
    assert "resolve" in build_corpus([corpus], out, use_model=False, workers=0).stages
    assert "resolve" not in build_corpus([corpus], out, use_model=False, workers=0).stages


def test_a_build_that_fails_in_the_graph_stages_leaves_them_to_the_next_build(tmp_path, monkeypatch):
    import graph.run.steps

    corpus = dev_corpus(tmp_path, 4)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    changed = sorted(corpus.glob("*.txt"))[1]
    change_document(changed)

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(graph.run.steps, "build_triples", killed)
        try:
            build_corpus([corpus], out, use_model=False, workers=0)
        except KeyboardInterrupt:
            pass
    assert not (out / RECORD).exists()
    assert "resolve" in build_corpus([corpus], out, use_model=False, workers=0).stages
    fresh = tmp_path / "fresh"
    build_corpus([corpus], fresh, use_model=False, workers=0)
    _same_outputs(out, fresh)


def test_the_writer_process_writes_the_graph_the_build_holds_and_the_store_loads_it(tmp_path):
    """The build writes the N-Triples a subject at a time and a forkserver process writes graph.ttl
    and the store from them: graph.nt is the whole-sort form of the graph the stages make from the
    facts files, graph.ttl its Turtle, and the store (loaded a block of lines at a time) holds each
    line once."""
    from graph.core.store import read_facts
    from graph.run.steps import graph_from_facts

    corpus = dev_corpus(tmp_path, 4)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    docs, facts = {}, {}
    for path in sorted((out / "facts").glob("*.jsonl")):
        header, doc_facts, _problems = read_facts(path)
        docs[header["doc_id"]], facts[header["doc_id"]] = header, doc_facts
    graph = graph_from_facts(docs, facts, include_private=False).triples
    whole = nt_bytes(iter(graph))  # any iterable of triples: every line made, then sorted at once
    assert len(whole) > 10_000 and (out / "graph.nt").read_bytes() == whole == nt_bytes(graph)
    assert (out / "graph.ttl").read_bytes() == turtle_bytes(graph)
    assert len(_store_triples(out)) == whole.count(b"\n")
    assert not list(out.glob(".*.tmp"))


def test_the_store_is_loaded_a_block_of_lines_at_a_time_and_holds_every_line(tmp_path, monkeypatch):
    import graph.core.store

    corpus = dev_corpus(tmp_path, 3)
    whole, blocks = tmp_path / "whole", tmp_path / "blocks"
    build_corpus([corpus], whole, use_model=False, workers=0)
    monkeypatch.setattr(graph.core.store, "LOAD_LINES", 7)
    build_corpus([corpus], blocks, use_model=False, workers=0)
    lines = (whole / "graph.nt").read_bytes().count(b"\n")
    assert _store_triples(blocks) == _store_triples(whole) and len(_store_triples(blocks)) == lines > 100


def test_graph_files_that_cannot_be_written_fail_the_build_with_the_reason_and_no_record(tmp_path):
    """The writer process's failure reaches the build as E403 with the reason, and neither the
    record nor the pages' stamp claims the outputs stand."""
    corpus = dev_corpus(tmp_path, 3)
    out = tmp_path / "out"
    (out / "graph.nt").mkdir(parents=True)  # graph.nt cannot be replaced
    with pytest.raises(RuntimeError, match=r"E403 .*Is a directory"):
        build_corpus([corpus], out, use_model=False, workers=0)
    assert not (out / RECORD).exists() and not (out / ".html.sha256").exists()
    assert (out / "html" / "index.html").is_file()  # the pages were rendered meanwhile
    assert not list(out.glob(".*.tmp"))


EX = Namespace("https://example.org/vocab#")
IDS = Namespace("https://example.org/id/")


def _awkward_graph() -> Graph:
    """IRIs with and without a prefixed name: a bound namespace that entity IRIs sit under, local
    names rdflib will not abbreviate (a trailing dot, a leading digit), an unbound predicate
    namespace (a generated `ns1:`), typed and language literals, an IRI that is a namespace."""
    g = Graph()
    g.bind("ex", EX)
    g.bind("id", IDS)
    people = [IDS[f"person/{name}"] for name in ("ann-1a2b", "bob.", "9lives", "c%41t", "d(e)")]
    for i, p in enumerate(people):
        g.add((p, RDF.type, EX.Person))
        g.add((p, EX.name, Literal(f'Person {i} "quoted"\n', lang="en")))
        g.add((p, URIRef("https://unbound.example/terms/rank"), Literal(i)))
        g.add((p, EX.born, Literal(f"19{50 + i}", datatype=XSD.gYear)))
        g.add((p, EX.knows, people[(i + 1) % len(people)]))
        g.add((p, EX.seeAlso, URIRef(f"https://elsewhere.example/{i}/x")))
    g.add((URIRef(str(IDS)), EX.note, Literal("the id namespace itself")))
    g.add((IDS["plain"], EX.knows, URIRef("urn:x-local:7")))
    return g


def test_turtle_and_ntriples_writers_keep_every_triple_of_an_awkward_graph():
    g = _awkward_graph()
    nt = nt_bytes(g).decode().splitlines()
    assert nt == sorted(set(nt)) and len(nt) == len(g)
    assert nt_bytes(g) == nt_bytes(Graph().parse(data=nt_bytes(g).decode(), format="nt"))  # a fixed point
    ttl = turtle_bytes(g)
    assert set(Graph().parse(data=ttl.decode(), format="turtle")) == set(g)
    assert (
        turtle_bytes(Graph().parse(data=ttl.decode(), format="turtle")) == ttl
    )  # the same triples, the same bytes


def test_the_build_graph_as_turtle_and_as_ntriples_hold_the_same_triples(dev_build):
    nt = Graph().parse(dev_build / "graph.nt", format="nt")
    ttl = Graph().parse(dev_build / "graph.ttl", format="turtle")
    assert len(nt) > 1000 and set(nt) == set(ttl)
    assert turtle_bytes(nt) == (dev_build / "graph.ttl").read_bytes()


def test_a_chart_that_changes_alone_rewrites_the_pages_that_draw_it(dev_build, tmp_path):
    """A page's key is made of what its charts show, not of the drawn SVG. A tenure whose dates
    turn from stated to inferred changes only the bar's style in its post's and body's charts (the
    fact tables print the same dates): those pages are rewritten, and every page is what a render
    from scratch writes."""
    from graph.core.namespaces import CG, ORG, TIME
    from graph.pages.site import render_html

    g = Graph().parse(dev_build / "graph.nt", format="nt")
    out = tmp_path / "out"
    render_html(out, g)
    before = _files(out / "html")
    instants = {
        m: [
            i
            for iv in g.objects(m, ORG.memberDuring)
            for pred in (TIME.hasBeginning, TIME.hasEnd)
            for i in g.objects(iv, pred)
        ]
        for m in g.subjects(RDF.type, ORG.Membership)
    }
    stated = sorted(
        m
        for m, found in instants.items()
        if found and {str(b) for i in found for b in g.objects(i, CG.dateBasis)} != {"inferred"}
    )
    for i in instants[stated[0]]:
        g.remove((i, CG.dateBasis, None))
        g.add((i, CG.dateBasis, Literal("inferred")))
    render_html(out, g)
    after = _files(out / "html")
    fresh = tmp_path / "fresh"
    render_html(fresh, g)
    assert after == _files(fresh / "html")
    rewritten = {p for p, data in after.items() if before.get(p) != data and p.endswith(".html")}
    assert rewritten and all(p.startswith(("post/", "body/", "index", "timelines")) for p in rewritten)


# a part's view (the build draws the pages a council's view at a time), and the writing of the pages
@pytest.mark.parametrize("stage", ["bycouncil.keyed_view", "site.write_council_pages"])
def test_pages_that_fail_are_a_problem_line_and_the_graph_still_stands(tmp_path, monkeypatch, stage):
    import graph.pages.bycouncil
    import graph.pages.site

    def broken(*_args, **_kwargs):
        raise ValueError("a view that cannot be drawn")

    corpus = dev_corpus(tmp_path, 3)
    out = tmp_path / "out"
    module, name = stage.split(".")
    monkeypatch.setattr({"bycouncil": graph.pages.bycouncil, "site": graph.pages.site}[module], name, broken)
    report = build_corpus([corpus], out, use_model=False, workers=0)
    assert [p.code for p in report.problems if p.stage == "graph.html"] == ["W900"]
    assert "a view that cannot be drawn" in next(p.message for p in report.problems if p.code == "W900")
    fresh = tmp_path / "fresh"
    monkeypatch.undo()
    build_corpus([corpus], fresh, use_model=False, workers=0)
    assert (out / "graph.nt").read_bytes() == (fresh / "graph.nt").read_bytes()
    assert not (out / ".html.sha256").exists()


# --- what the graph stages keep between builds (`graph.run.bycouncil.GraphCache`) ----------------

_FOLDERS = {"a": ("d02.txt", "d03.txt", "d04.txt"), "b": ("d19.txt",), "c": ("d16.txt", "d17.txt", "d18.txt")}


def _councils_corpus(tmp_path: Path) -> Path:
    """Dev documents of several councils in three folders: a/ and c/ with the dev manifest (a/ all
    Herefordshire, c/ three councils), b/ with a manifest that puts every paper in Manchester's."""
    from tests.conftest import DEV

    manifest = (DEV.parent / "manifest.tsv").read_text(encoding="utf-8")
    rows = manifest.splitlines()
    moved = [rows[0]] + [
        "\t".join([r.split("\t")[0], "Manchester City Council", *r.split("\t")[2:]]) for r in rows[1:]
    ]
    corpus = tmp_path / "corpus"
    for folder, names in _FOLDERS.items():
        (corpus / folder).mkdir(parents=True)
        text = "\n".join(moved) + "\n" if folder == "b" else manifest
        (corpus / folder / "manifest.tsv").write_text(text, encoding="utf-8")
        for name in names:
            shutil.copy(DEV / name, corpus / folder / name)
    return corpus


def _kept_parts(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (out / ".graph-cache" / "parts").glob("*.nt")}


def _fresh(corpus: Path, tmp_path: Path, name: str = "fresh") -> Path:
    fresh = tmp_path / name
    build_corpus([corpus], fresh, use_model=False, workers=0)
    return fresh


def test_a_change_in_one_council_of_several_redoes_that_council_only_and_equals_a_fresh_build(tmp_path):
    corpus = _councils_corpus(tmp_path)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    before = _kept_parts(out)
    assert len(before) == 4  # Herefordshire, Manchester (d16, d19), Middlesbrough, Plymouth
    change_document(corpus / "c" / "d17.txt")  # Middlesbrough's
    report = build_corpus([corpus], out, use_model=False, workers=0)
    after = _kept_parts(out)
    assert report.extracted == 1
    assert len(set(before) & set(after)) == 3 and all(before[p] == after[p] for p in set(before) & set(after))
    assert len(after) == 4  # the council's old part is gone
    _same_outputs(out, _fresh(corpus, tmp_path))


def test_a_document_moved_between_councils_or_deleted_gives_what_a_fresh_build_gives(tmp_path):
    corpus = _councils_corpus(tmp_path)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    shutil.move(corpus / "a" / "d04.txt", corpus / "b" / "d04.txt")  # Herefordshire's -> Manchester's
    build_corpus([corpus], out, use_model=False, workers=0)
    _same_outputs(out, _fresh(corpus, tmp_path, "moved"))
    (corpus / "c" / "d18.txt").unlink()  # Plymouth's only paper
    build_corpus([corpus], out, use_model=False, workers=0)
    _same_outputs(out, _fresh(corpus, tmp_path, "deleted"))
    assert len(_kept_parts(out)) == 3


def test_a_kept_entry_that_does_not_read_back_whole_is_made_again(tmp_path):
    """A part file cut short (by a killed build, a full disk, a hand) or a record that does not unpickle
    is never trusted: the next build makes that council's part again."""
    corpus = _councils_corpus(tmp_path)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    parts = sorted((out / ".graph-cache" / "parts").glob("*.nt"), key=lambda p: p.stat().st_size)
    parts[-1].write_bytes(parts[-1].read_bytes()[:-100])
    parts[0].with_suffix(".pickle").write_bytes(b"not a pickle")
    next((out / ".graph-cache" / "joins").glob("*.pickle")).write_bytes(b"")
    (out / ".graph-cache" / "parts" / "part.left.nt").write_bytes(b"<a> <b> <c> .\n")  # a killed build's
    change_document(corpus / "c" / "d16.txt")
    report = build_corpus([corpus], out, use_model=False, workers=0)
    assert report.stages["resolve"] > 0
    _same_outputs(out, _fresh(corpus, tmp_path))
    assert not (out / ".graph-cache" / "parts" / "part.left.nt").exists()
    assert len(_kept_parts(out)) == 4


def test_a_build_killed_in_a_councils_graph_stages_keeps_only_whole_parts(tmp_path, monkeypatch):
    """Killed in the second council's stages, a build has kept the first council's part (renamed
    into place once whole) and nothing of the second: the next build takes the one and makes the other."""
    import graph.run.steps

    corpus = _councils_corpus(tmp_path)
    out = tmp_path / "out"
    real = graph.run.steps.build_triples
    calls: list[int] = []

    def killed_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    killed_second.__qualname__ = real.__qualname__  # the same stage as far as the kept parts go
    killed_second.__module__ = real.__module__
    with monkeypatch.context() as patched:
        patched.setattr(graph.run.steps, "build_triples", killed_second)
        with pytest.raises(KeyboardInterrupt):
            build_corpus([corpus], out, use_model=False, workers=0)
    assert len(_kept_parts(out)) == 1
    assert not (out / RECORD).exists()
    build_corpus([corpus], out, use_model=False, workers=0)
    _same_outputs(out, _fresh(corpus, tmp_path))


def test_a_rebuild_hashes_only_the_inputs_whose_state_moved(tmp_path, monkeypatch):
    """The inputs' digests are kept by their file state: an unchanged input is not read again, and one
    rewritten in place with its old size and modification time put back is (its change time moved)."""
    import os

    import graph.run.steps

    corpus = dev_corpus(tmp_path, 3)
    out = tmp_path / "out"
    build_corpus([corpus], out, use_model=False, workers=0)
    hashed: list[Path] = []
    real = graph.run.steps.file_hash
    monkeypatch.setattr(graph.run.steps, "file_hash", lambda p: hashed.append(p) or real(p))
    assert build_corpus([corpus], out, use_model=False, workers=0).extracted == 0
    assert hashed == []
    path = sorted(corpus.glob("*.txt"))[1]
    st, data = path.stat(), path.read_bytes()
    edited = data.replace(b"Council", b"Cuoncil", 1)
    assert edited != data and len(edited) == len(data)
    path.write_bytes(edited)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert build_corpus([corpus], out, use_model=False, workers=0).extracted == 1
    assert hashed == [path]
