"""The graph stages a council at a time (`graph.run.bycouncil`, issue 24) give the graph the whole-corpus
stages give, byte for byte: each council resolved with the joins across councils (first names, national
bodies), and the posts of an organization several councils name attached over all of them at once."""

from __future__ import annotations

import io

from rdflib import XSD, Literal, URIRef

from extract.records import (
    Evidence,
    MentionSource,
    OrganizationFact,
    OrgKind,
    PartialDate,
    PersonFact,
    PostFact,
)
from graph.core.councils import council_digest, council_joins
from graph.core.resolve import resolve
from graph.core.store import read_facts
from graph.core.triples import nt_bytes, read_nt
from graph.run.bycouncil import council_graph, council_groups, merge_parts, shared_graph, write_part
from graph.run.steps import graph_from_facts
from tests.conftest import synthetic_copies


def _by_council(docs: dict[str, dict], facts: dict[str, list]) -> tuple[bytes, list, object]:
    """The per-council stages in this process: the merged N-Triples, the problems and the joins."""
    groups: dict[str, list[str]] = {}
    for d in sorted(docs):
        groups.setdefault(docs[d].get("council") or "", []).append(d)
    firsts = list(groups.values())
    index = council_joins(
        [council_digest({d: docs[d] for d in ds}, {d: facts[d] for d in ds}) for ds in firsts]
    )
    merged_groups = [sorted(d for i in members for d in firsts[i]) for members in index.together]
    parts = [({d: docs[d] for d in ds}, {d: facts[d] for d in ds}) for ds in merged_groups]
    graphs = [council_graph(h, f, index, include_private=False) for h, f in parts]
    shared, shared_problems = shared_graph([g.share for g in graphs], index, include_private=False)
    lines = b"".join(nt_bytes(g.triples) for g in graphs) + (nt_bytes(shared) if shared else b"")
    merged = b"".join(sorted(set(lines.splitlines(keepends=True))))
    problems = [p for g in graphs for p in g.problems] + list(shared_problems)
    return merged, problems, index


def _whole(docs: dict[str, dict], facts: dict[str, list]) -> tuple[bytes, list]:
    result = graph_from_facts(docs, facts, include_private=False)
    return nt_bytes(result.triples), list(result.problems)


def _key(p):
    return (p.doc_id, p.code, p.message)


def _ev(doc: str, text: str, rule: str = "test") -> Evidence:
    return Evidence(doc_id=doc, start=0, end=len(text), text=text, rule=rule)


def test_a_post_two_councils_name_is_one_post_its_holders_ending_each_others_spells():
    """The inspectorate's chief inspector, named by two councils' papers: the later holder (another
    council's person) ends the earlier's spell, as in the whole corpus; alone, each spell stays open."""
    docs = {
        "a.txt": {"council": "Ashcombe Council", "date": "2021-03-01", "sha256": "a"},
        "b.txt": {"council": "Brindle Council", "date": "2023-06-01", "sha256": "b"},
    }
    facts: dict[str, list] = {}
    for doc, name, day in (("a.txt", "Tom Barrow", "2021-03-01"), ("b.txt", "Ann Crane", "2023-06-01")):
        text = f"{name}, Chief Inspector of the Care Inspectorate, wrote on {day}."
        facts[doc] = [
            PersonFact(name=name, evidence=_ev(doc, text)),
            OrganizationFact(name="Care Inspectorate", kind=OrgKind.EXTERNAL, evidence=_ev(doc, text)),
            PostFact(
                person=name,
                post="Chief Inspector",
                org="Care Inspectorate",
                date=PartialDate(day),
                evidence=_ev(doc, text),
            ),
        ]
    merged, problems, index = _by_council(docs, facts)
    want, want_problems = _whole(docs, facts)
    assert merged == want
    assert sorted(problems, key=_key) == sorted(want_problems, key=_key)
    assert ("", "care inspectorate") in index.shared  # type: ignore[attr-defined]
    assert b"/end>" in merged  # Tom Barrow's spell ends where Ann Crane's starts
    alone = nt_bytes(
        graph_from_facts({"a.txt": docs["a.txt"]}, {"a.txt": facts["a.txt"]}, include_private=False).triples
    )
    assert b"/end>" not in alone


def test_a_first_name_another_council_knows_publishes_a_model_only_name():
    """A name only the model read, once, is a person when the corpus knows its first name, from any
    council's papers: the joins carry the first names across."""
    docs = {
        "a.txt": {"council": "Ashcombe Council", "date": "2024-01-10", "sha256": "a"},
        "b.txt": {"council": "Brindle Council", "date": "2024-02-10", "sha256": "b"},
    }
    facts = {
        "a.txt": [
            PersonFact(name="Simon Trent", evidence=_ev("a.txt", "Cllr Simon Trent", "person.honorific"))
        ],
        "b.txt": [PersonFact(name="Simon Oakes", evidence=_ev("b.txt", "Simon Oakes", "person.model"))],
    }
    assert facts["b.txt"][0].source == MentionSource.MODEL
    merged, _problems, _index = _by_council(docs, facts)
    assert merged == _whole(docs, facts)[0]
    assert b'"Simon Oakes"' in merged
    alone = resolve({"b.txt": docs["b.txt"]}, {"b.txt": facts["b.txt"]})
    assert alone.person("b.txt", "Simon Oakes") is None  # without the other council, no one


def test_copies_of_the_seeds_as_other_councils_give_the_whole_corpus_graph(seeds_build, tmp_path):
    n = len(list((seeds_build / "facts").glob("*.jsonl")))
    synthetic_copies(seeds_build / "facts", 3 * n, tmp_path / "facts")
    docs, facts = {}, {}
    for path in sorted((tmp_path / "facts").glob("*.jsonl")):
        header, doc_facts, _problems = read_facts(path)
        docs[header["doc_id"]], facts[header["doc_id"]] = header, doc_facts
    merged, problems, index = _by_council(docs, facts)
    want, want_problems = _whole(docs, facts)
    assert len({h.get("council") for h in docs.values()}) >= 3
    assert merged == want
    assert sorted(problems, key=_key) == sorted(want_problems, key=_key)
    assert index.joins.bodies  # type: ignore[attr-defined]
    assert index.shared  # the copies name the same outside bodies: their posts are attached once, over all


def test_a_council_whose_body_only_posts_name_runs_with_the_councils_naming_it():
    """Ashcombe's committees are units of Ashcombe Council, which no organization fact names: the body
    is the one the tenure stage makes for the posts held in it, here and in Brindle's papers, so the two
    councils' graph stages run together."""
    docs = {
        "a.txt": {"council": "Ashcombe Council", "date": "2022-01-10", "sha256": "a"},
        "b.txt": {"council": "Brindle Council", "date": "2022-02-10", "sha256": "b"},
    }
    text = "Ann Crane, Chief Executive of Ashcombe Council, attended the Audit Committee."
    facts: dict[str, list] = {
        "a.txt": [
            OrganizationFact(name="Audit Committee", kind=OrgKind.COMMITTEE, evidence=_ev("a.txt", text)),
            PostFact(
                person="Ann Crane",
                post="Chief Executive",
                org="",
                date=PartialDate("2022-01-10"),
                evidence=_ev("a.txt", text),
            ),
        ],
        "b.txt": [
            PostFact(
                person="Tom Barrow",
                post="Chief Executive",
                org="Ashcombe Council",
                date=PartialDate("2022-02-10"),
                evidence=_ev("b.txt", text),
            )
        ],
    }
    merged, _problems, index = _by_council(docs, facts)
    assert index.together == ((0, 1),)  # type: ignore[attr-defined]
    assert merged == _whole(docs, facts)[0]
    assert b"#unitOf>" in merged


def test_groups_are_read_from_headers_and_parts_merge_sorted_with_equal_lines_once(tmp_path):
    files = []
    for name, council in (("c.jsonl", "Brindle Council"), ("a.jsonl", ""), ("b.jsonl", "Brindle Council")):
        (tmp_path / name).write_text(f'{{"type": "document", "doc_id": "{name}", "council": "{council}"}}\n')
        files.append(tmp_path / name)
    assert council_groups(files) == [[tmp_path / "a.jsonl"], [tmp_path / "c.jsonl", tmp_path / "b.jsonl"]]
    assert council_groups([]) == [[]]
    s, p = URIRef("https://x/s"), URIRef("https://x/p")
    one = write_part(
        read_nt(io.BytesIO(b'<https://x/s> <https://x/p> "a" .\n<https://x/s> <https://x/p> "c" .\n')),
        tmp_path,
    )
    two = write_part(
        read_nt(io.BytesIO(b'<https://x/s> <https://x/p> "b" .\n<https://x/s> <https://x/p> "c" .\n')),
        tmp_path,
    )
    merged = merge_parts([one, two], tmp_path)
    assert merged.path.read_bytes() == nt_bytes([(s, p, Literal(t)) for t in "abc"])
    assert merged.triples == 3


def test_the_page_graph_read_back_holds_the_terms_the_build_wrote():
    s, p = URIRef("https://x/s"), URIRef("https://x/p")
    terms = [
        Literal('she said "yes"\\n\nthen\r left'),
        Literal("2024-05", datatype=XSD.gYearMonth),
        Literal(True),
        Literal("chat", lang="fr"),
        URIRef("https://x/o"),
    ]
    written = nt_bytes([(s, p, o) for o in terms])
    back = read_nt(io.BytesIO(written))
    assert set(back) == {(s, p, o) for o in terms}
    assert nt_bytes(back) == written


def test_a_killed_builds_part_files_are_removed_by_the_next(tmp_path):
    from graph.run.steps import remove_temporaries

    parts = tmp_path / ".parts.abc123.tmp"
    parts.mkdir()
    (parts / "part.x.nt").write_bytes(b"")
    kept = tmp_path / "html"
    kept.mkdir()
    remove_temporaries(tmp_path)
    assert not parts.exists() and kept.exists()


def test_a_councils_share_of_the_joins_moves_only_with_the_first_names_it_asks_about():
    """A rebuild keeps a council's part while its share of the index stands (`joins_share`): another
    council's papers bringing a first name it never asks about leave the share as it was, one it asks
    about (its model-only "Simon Oakes" becomes a person) moves it."""
    from graph.core.councils import joins_share, national_digest

    b_doc = {"council": "Brindle Council", "date": "2024-02-10", "sha256": "b"}
    b_facts = [PersonFact(name="Simon Oakes", evidence=_ev("b.txt", "Simon Oakes", "person.model"))]

    def share_of_b(name: str) -> str:
        a_doc = {"council": "Ashcombe Council", "date": "2024-01-10", "sha256": "a"}
        a_facts = [PersonFact(name=name, evidence=_ev("a.txt", f"Cllr {name}", "person.honorific"))]
        digests = [
            council_digest({"a.txt": a_doc}, {"a.txt": a_facts}),
            council_digest({"b.txt": b_doc}, {"b.txt": b_facts}),
        ]
        index = council_joins(digests)
        return joins_share(index, digests[1].asks, national_digest(index))

    assert council_digest({"b.txt": b_doc}, {"b.txt": b_facts}).asks == {"simon"}
    assert share_of_b("Ffion Trent") == share_of_b("Carys Trent")  # first names B does not ask about
    assert share_of_b("Simon Trent") != share_of_b("Ffion Trent")
