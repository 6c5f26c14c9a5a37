"""Who is a private individual: decided once, from the context of each mention.

Members of the public who ask questions, FOI requesters, complainants, families and
children are not office holders: the graph leaves them out unless the user asks. A
person is private when a mention of them sits in a private context and no mention
gives them an office (a councillor's title, a post, a seat).
"""

from __future__ import annotations

import re

from extract.segment import Segmented

_PRIVATE_LINE = re.compile(
    r"^\s*(?:PQ|Public question|Question)\s*\d+\b|\bquestion(?:s)? (?:from|submitted by|asked by) (?:a )?"
    r"(?:member of the public|(?:Mr|Mrs|Ms|Miss|Dr)\b)|\b(?:requester|complainant|applicant|petitioner|resident)\b|"
    r"\b(?:mother|father|parent|grandparent|son|daughter|child|family) of\b", re.I)
_PUBLIC_QUESTION_HEAD = re.compile(r"questions? from (?:members of )?the public", re.I)
_FOI = re.compile(r"\b(?:freedom of information|FOI|environmental information regulations)\b", re.I)


def private_spans(seg: Segmented) -> list[tuple[int, int]]:
    """Spans of text whose people are private individuals."""
    spans = []
    for line in seg.lines:
        if _PRIVATE_LINE.search(line.text):
            spans.append((line.start, line.end))
    if _FOI.search(seg.text[:5000]) or _FOI.search(seg.text[-2000:]):
        # an FOI release names its requester in the heading, before the case reference
        head_end = next((ln.start for ln in seg.lines if re.match(r"\s*(Case reference|Request\b|Received)", ln.text)),
                        0)
        if head_end:
            spans.append((0, head_end))
    return spans


def is_private_at(spans: list[tuple[int, int]], start: int) -> bool:
    return any(s <= start < e for s, e in spans)
