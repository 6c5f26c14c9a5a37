"""The graph stages in a row (resolve -> tenure -> build): each reads the records before it and
changes none of them, so a stage can be run again, or alone, on the same records."""

from __future__ import annotations

from extract.records import Evidence, MeetingFact, PartialDate, PersonFact, SeatFact, SeatRole
from graph.core.build import build_triples
from graph.core.resolve import resolve
from graph.core.tenure import attach_tenures
from graph.core.triples import nt_bytes
from graph.run.steps import graph_from_facts

COUNCIL = "Herefordshire Council"


def _ev(text: str) -> Evidence:
    return Evidence(doc_id="a", start=0, end=len(text), text=text, rule="test")


def _facts() -> dict[str, list]:
    on = PartialDate("2024-05-20")
    return {
        "a": [
            PersonFact(name="Ann Brown", evidence=_ev("Ann Brown")),
            PersonFact(name="Sam Taylor", public=False, evidence=_ev("Sam Taylor")),
            SeatFact(
                person="Ann Brown", body="Audit Committee", role=SeatRole.CHAIR, date=on, evidence=_ev("x")
            ),
            # a private member: the stage makes the body, but no spell holds it
            SeatFact(
                person="Sam Taylor",
                body="Planning Committee",
                role=SeatRole.MEMBER,
                date=on,
                evidence=_ev("y"),
            ),
            MeetingFact(body="The Planning Committee", date=on, evidence=_ev("z")),
            MeetingFact(body="Audit Committee", date=on, evidence=_ev("w")),
        ]
    }


def test_build_changes_neither_the_resolution_nor_the_tenure_record():
    headers = {"a": {"council": COUNCIL, "date": "2024-05-20", "sha256": "a"}}
    facts = _facts()
    res = resolve(headers, facts)
    tenures = attach_tenures(facts, res)
    made = {k: (b.names.copy(), set(b.docs)) for k, b in tenures.made.items()}
    assert {b.name for b in tenures.made.values()} == {"Audit Committee", "Planning Committee"}
    once = nt_bytes(build_triples(headers, facts, res, tenures))
    assert {k: (b.names, b.docs) for k, b in tenures.made.items()} == made
    assert nt_bytes(build_triples(headers, facts, res, tenures)) == once  # again, from the same records
    assert nt_bytes(graph_from_facts(headers, facts, include_private=False).triples) == once
    # the meeting's form of the body the tenure stage made counts (in the build's copy of it)
    assert b'"The Planning Committee"' in once


def test_problems_come_resolve_first_then_tenure_in_the_order_found():
    headers = {"a": {"council": COUNCIL, "date": "2024-05-20"}}
    facts = _facts()
    result = graph_from_facts(headers, facts, include_private=False)
    res = resolve(headers, facts)
    assert result.problems == res.problems + attach_tenures(facts, res).problems
    assert [stage for stage, _s in result.seconds] == ["resolve", "tenure", "graph"]


def test_facts_read_with_shared_strings_equal_those_read_alone_and_share_each_text(tmp_path):
    """`read_facts` with a memo gives the same facts as without, each equal text one object across
    facts and files (the facts read from one sentence all carry it)."""
    from extract.records import Document, DocumentResult
    from graph.core.store import read_facts, write_facts

    text = "Ann Brown chaired the Audit Committee on 20 May 2024."
    for doc_id in ("a.txt", "b.txt"):
        ev = Evidence(doc_id=doc_id, start=0, end=len(text), text=text, rule="test")
        facts = (
            PersonFact(name="Ann Brown", evidence=ev),
            SeatFact(person="Ann Brown", body="Audit Committee", role=SeatRole.CHAIR, evidence=ev),
        )
        doc = Document(doc_id=doc_id, path=doc_id, sha256=doc_id, text=text)
        write_facts(tmp_path, DocumentResult(document=doc, facts=facts), "test")
    paths = sorted((tmp_path / "facts").glob("*.jsonl"))
    strings: dict[str, str] = {}
    shared = [read_facts(p, strings)[1] for p in paths]
    assert shared == [read_facts(p)[1] for p in paths] and len(shared[0]) == 2
    texts = [f.evidence.text for facts in shared for f in facts]
    assert len(texts) == 4 and all(t is texts[0] for t in texts)
    assert shared[0][0].name is shared[1][1].person  # a name, across facts and files
