"""Bodies: the council, its committees, and every external body a document names.

Each distinct name in a document is one fact; an acronym the document defines
("Herefordshire Safeguarding Children Partnership (HSCP)") becomes an alias, and a
later bare use of the acronym is the same body.
"""

from __future__ import annotations

import re

from extract.mentions import classify_body, find_bodies
from extract.records import Fact, OrganizationFact, OrgKind
from extract.segment import Segmented

_ACRONYM_AFTER = re.compile(r"\(\s*(?P<acr>[A-Z][A-Za-z&]{1,9})\s*\)")


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("&", " and ")).split())


def organizations(seg: Segmented, facts: list[Fact]) -> list[OrganizationFact]:
    """One fact per body named in the document (or named by another fact about it)."""
    text = seg.text
    first: dict[str, OrganizationFact] = {}
    aliases: dict[str, set[str]] = {}

    def add(name: str, kind: OrgKind, start: int, end: int, rule: str) -> None:
        key = _key(name)
        if not key or len(key) < 3:
            return
        if key not in first:
            first[key] = OrganizationFact(name=name, kind=kind, evidence=seg.sentence_evidence(start, end, rule))
            aliases[key] = set()

    if seg.council:
        idx = text.find(seg.council)
        s = idx if idx >= 0 else 0
        e = s + len(seg.council) if idx >= 0 else min(len(text), 1)
        add(seg.council, OrgKind.COUNCIL, s, e, "organization.council")
    for b in find_bodies(text):
        add(b.name, b.kind, b.start, b.end, "organization.mention")
        m = _ACRONYM_AFTER.match(text, b.end, min(len(text), b.end + 16))
        if m:
            aliases[_key(b.name)].add(m.group("acr"))
    for f in facts:
        body = getattr(f, "body", None) or getattr(f, "org", None)
        if body:
            add(body, classify_body(body) if body != seg.council else OrgKind.COUNCIL,
                f.evidence.start, f.evidence.end, "organization.from-fact")
    out = []
    for key, fact in first.items():
        if aliases[key]:
            fact = OrganizationFact(name=fact.name, kind=fact.kind, aliases=tuple(sorted(aliases[key])),
                                    evidence=fact.evidence)
        out.append(fact)
    return out
