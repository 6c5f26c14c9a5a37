"""Document -> DocumentResult: segmentation and layout (the meetings each passage records, `extract/layout.py`),
then the fact modules in dependency order. What one module reads and another needs (attendance, for the seats
it implies) is read once here and passed on: no fact module imports another.

People and bodies come last because they gather the names every other fact uses.
A fact module that fails on a document is a Problem for that document, never a crash
of the corpus.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from extract.facts.actions import actions
from extract.facts.attendance import attendance_listed
from extract.facts.decisions import decisions
from extract.facts.holders import holders
from extract.facts.meetings import meetings
from extract.facts.memberships import seats
from extract.facts.organizations import organizations
from extract.facts.people import people
from extract.facts.posts import posts
from extract.facts.tenures import tenures
from extract.layout import meeting_spans
from extract.readers import reader_of
from extract.records import (
    AttendanceFact,
    DecisionFact,
    Document,
    DocumentResult,
    Fact,
    MeetingFact,
    OrganizationFact,
    PostFact,
    Problem,
    SeatFact,
)
from extract.segment import bounded, page_cabinet, page_title, segment

# the council of a page that never names it, while the rules read the page: "the meeting of the Council" is still
# a meeting whose Present list names people, and "Alderman F Agnew" still holds a post there. No fact leaves
# naming it (`_unnamed_dropped`). Every kind word is in it, so "the District Council" reads as the page's own.
UNNAMED_COUNCIL = "Unnamed City County Borough District Town Parish Council"

T = TypeVar("T")


def _run(problems: list[Problem], document: Document, name: str, step: Callable[[], Sequence[T]]) -> list[T]:
    """What one fact module reads; a module that fails is a Problem of the document and reads nothing."""
    try:
        return list(step())
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
        return []


def extract_document(
    document: Document, *, use_model: bool = True, model: str | None = None
) -> DocumentResult:
    """One document -> its facts and problems. `model` names the spaCy pipeline (None: the default)."""
    reader = reader_of(document)
    if reader.facts is not None:  # a structured source: read field by field, no NLP model needed
        return reader.facts(document)
    document, cut = bounded(document)  # a line longer than any real one is cut: the rules stay linear
    # a page no manifest titles is read with the title its own text gives (the published document keeps none)
    title = document.title or page_title(document.text)
    seg = segment(replace(document, title=title) if title != document.title else document)
    named = seg.council
    seg.council = named or UNNAMED_COUNCIL
    seg.meetings = meeting_spans(seg)
    problems: list[Problem] = [cut] if cut else []
    facts: list[Fact] = _run(problems, document, "meetings", lambda: meetings(seg))
    # attendance is read once: its facts, and the list items they came from for the seats they imply
    listed = _run(problems, document, "attendance", lambda: attendance_listed(seg))
    facts += [f for f, _p in listed]
    steps: tuple[tuple[str, Callable[[], Sequence[Fact]]], ...] = (
        ("memberships", lambda: seats(seg, listed)),
        ("posts", lambda: posts(seg)),
        ("tenures", lambda: tenures(seg)),
        ("decisions", lambda: decisions(seg)),
        ("actions", lambda: actions(seg)),
    )
    for name, step in steps:
        facts.extend(_run(problems, document, name, step))
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
    facts = _in_page_cabinet(facts, page_cabinet(seg.text))
    try:
        facts.extend(people(seg, facts, use_model=use_model, model=model))
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
    if named is None:
        facts = _unnamed_dropped(facts)
    facts.sort(key=lambda f: (f.sort_key(), repr(f.to_json())))
    # what the text says of its council and date travels with the facts when no manifest said it:
    # resolution keeps the people of different councils apart by it
    document = replace(document, council=document.council or named, date=document.date or seg.date)
    return DocumentResult(document=document, facts=tuple(facts), problems=tuple(problems))


def _in_page_cabinet(facts: list[Fact], cabinet: str) -> list[Fact]:
    """A seat in "Cabinet" is in the body the page calls its cabinet ("Executive" on Anglesey's and Woking's
    pages): the portfolio holders' seats the holders read are in the same body as the seats memberships read."""
    if cabinet == "Cabinet":
        return facts
    return [replace(f, body=cabinet) if isinstance(f, SeatFact) and f.body == "Cabinet" else f for f in facts]


def _unnamed_dropped(facts: list[Fact]) -> list[Fact]:
    """The facts of a page that never names its council, without that council: its meetings, the attendance and
    seats at them, and the council itself go (a body with no name matches nothing and joins unrelated pages); a
    post keeps its holder and title with no organization, a decision and a committee lose the council as maker
    and parent. The people these facts name were gathered before, so they stay."""
    out: list[Fact] = []
    for f in facts:
        if isinstance(f, MeetingFact | AttendanceFact | SeatFact) and f.body == UNNAMED_COUNCIL:
            continue
        if isinstance(f, OrganizationFact):
            if f.name == UNNAMED_COUNCIL:
                continue
            aliases = tuple(a for a in f.aliases if a != UNNAMED_COUNCIL)
            f = replace(f, aliases=aliases, parent=None if f.parent == UNNAMED_COUNCIL else f.parent)
        elif isinstance(f, PostFact) and f.org == UNNAMED_COUNCIL:
            f = replace(f, org="")
        elif isinstance(f, DecisionFact) and f.maker == UNNAMED_COUNCIL:
            f = replace(f, maker=None)
        out.append(f)
    return out
