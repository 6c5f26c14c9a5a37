"""Document -> DocumentResult: segmentation, then the fact modules in dependency order.

People and bodies come last because they gather the names every other fact uses.
A fact module that fails on a document is a Problem for that document, never a crash
of the corpus.
"""

from __future__ import annotations

import traceback
from dataclasses import replace

from extract.facts.actions import actions
from extract.facts.attendance import attendance
from extract.facts.decisions import decisions
from extract.facts.holders import holders
from extract.facts.meetings import meeting_spans, meetings
from extract.facts.memberships import seats
from extract.facts.organizations import organizations
from extract.facts.people import people
from extract.facts.posts import posts
from extract.facts.tenures import tenures
from extract.moderngov import feed_facts, is_feed
from extract.records import Document, DocumentResult, Fact, Problem
from extract.segment import bounded, segment


def extract_document(document: Document, *, use_model: bool = True) -> DocumentResult:
    if is_feed(document):  # structured: read field by field, no NLP model needed
        return feed_facts(document)
    document, cut = bounded(document)  # a line longer than any real one is cut: the rules stay linear
    seg = segment(document)
    seg.meetings = meeting_spans(seg)
    facts: list[Fact] = []
    problems: list[Problem] = [cut] if cut else []
    for name, module in (
        ("meetings", meetings),
        ("attendance", attendance),
        ("memberships", seats),
        ("posts", posts),
        ("tenures", tenures),
        ("decisions", decisions),
        ("actions", actions),
    ):
        try:
            facts.extend(module(seg))
        except Exception as exc:  # a rule bug on one document must not stop the corpus; it is reported
            problems.append(
                Problem(
                    doc_id=document.doc_id,
                    stage=f"extract.{name}",
                    code="E200",
                    message=f"{name} failed: {type(exc).__name__}: {exc} "
                    f"({traceback.extract_tb(exc.__traceback__)[-1].lineno})",
                )
            )
    try:
        facts.extend(holders(seg, facts))
    except Exception as exc:  # as above
        problems.append(
            Problem(
                doc_id=document.doc_id,
                stage="extract.holders",
                code="E200",
                message=f"holders failed: {type(exc).__name__}: {exc}",
            )
        )
    try:
        facts.extend(people(seg, facts, use_model=use_model))
    except Exception as exc:  # as above
        problems.append(
            Problem(
                doc_id=document.doc_id,
                stage="extract.people",
                code="E200",
                message=f"people failed: {type(exc).__name__}: {exc}",
            )
        )
    facts.extend(organizations(seg, facts))
    facts.sort(key=lambda f: (f.sort_key(), repr(f.to_json())))
    # what the text says of its council and date travels with the facts when no manifest said it:
    # resolution keeps the people of different councils apart by it
    document = replace(document, council=document.council or seg.council, date=document.date or seg.date)
    return DocumentResult(document=document, facts=tuple(facts), problems=tuple(problems))
