"""Canonical roles: the roles a turnover researcher traces, whatever a council calls the post that carries
them (`patterns/canonical_roles.jsonl`).

A post keeps its own wording ("Director Children's Wellbeing", its Role node and its spells); this is a
layer over posts, never a merge of them: `canonical_role` says which canonical role a wording (or a seat
on a body) is, and the graph links the post's Role to it (`skos:broader`, docs/GRAPH_CONTRACT.md). Two
posts with one canonical role stay two posts with their own spells; `who` and `turnover` read across
them.

Each role lists its wordings as patterns that must match the whole wording, once it is folded to a key
(lower case, `&` as "and", apostrophes and punctuation gone) and stripped of a qualifier (the, interim,
acting, designate). A wording that names a deputy, an assistant or an office ("Deputy Chief Executive",
"Head of the Chief Executive's Office") does not match, because the pattern must start at the first
word. Roles held per portfolio or per committee (a cabinet member, a committee chair) carry what the
wording names after "for"/"of" (`RoleLink.of`); a seat carries its committee's name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Canonical:
    """One canonical role: its id (the last part of its IRI), label, wordings and seats."""

    id: str
    label: str
    wordings: tuple[re.Pattern[str], ...]
    seats: tuple[str, ...]  # "leader@*", "chair@council", "chair@committee": seat label @ body kind
    examples: tuple[str, ...]  # wordings that are this role ("seat:Chair@council" for a seat)
    not_examples: tuple[str, ...]  # wordings that must not be


@dataclass(frozen=True, slots=True)
class RoleLink:
    """A wording's canonical role, and the portfolio or committee it is held for ("" where none)."""

    role: Canonical
    of: str = ""


_QUALIFIER = re.compile(r"^(?:the|interim|acting|temporary|joint|designate|statutory interim)\s+")
_TRAILER = re.compile(r"(?<!\s)\s+(?:interim|acting|designate|temporary)$")


def role_text_key(text: str) -> str:
    """A wording as the patterns read it: "Director of Children’s Services (Interim)" ->
    "director of childrens services"."""
    low = text.lower().replace("&", " and ").replace("\u2019", "'").replace("'", "").replace(".", "")
    key = " ".join(re.sub(r"[^a-z0-9]+", " ", low).split())
    for _ in range(3):  # "the interim", "joint acting"
        key = _QUALIFIER.sub("", key)
    return _TRAILER.sub("", key)


@lru_cache(maxsize=1)
def canonical_roles() -> tuple[Canonical, ...]:
    """The canonical roles, in file order (the first whose wording matches wins)."""
    text = resources.files("extract").joinpath("patterns/canonical_roles.jsonl").read_text(encoding="utf-8")
    return tuple(
        Canonical(
            id=p["id"],
            label=p["label"],
            wordings=tuple(re.compile(w) for w in p["wordings"]),
            seats=tuple(p["seats"]),
            examples=tuple(p["examples"]),
            not_examples=tuple(p["not"]),
        )
        for p in (json.loads(line) for line in text.splitlines() if line.strip())
    )


def by_id(role_id: str) -> Canonical | None:
    return next((c for c in canonical_roles() if c.id == role_id), None)


@lru_cache(maxsize=1 << 14)
def canonical_role(wording: str, seat_on: str | None = None, body: str = "") -> RoleLink | None:
    """The canonical role a post's wording is, or None. With `seat_on` (the kind of body the seat is on:
    "council", "committee", "external"), `wording` is a seat's label ("Chair", "Leader") and `body` the
    body's name: the chair of a council is its civic head, the chair of a committee that committee's
    chair."""
    key = role_text_key(wording)
    if not key:
        return None
    if seat_on is not None:
        for c in canonical_roles():
            if f"{key}@{seat_on}" in c.seats or f"{key}@*" in c.seats:
                return RoleLink(c, body if seat_on == "committee" else "")
        # a seat label that is not a seat of any role ("Cabinet Member for Finance") reads as a wording
    for c in canonical_roles():
        for rx in c.wordings:
            m = rx.fullmatch(key)
            if m:
                return RoleLink(c, (m.groupdict().get("of") or "").strip())
    return None


def example_link(example: str) -> RoleLink | None:
    """An example as the file writes it: a wording, or "seat:LABEL@KIND" for a seat on a body of KIND."""
    if example.startswith("seat:"):
        label, kind = example[5:].split("@")
        return canonical_role(label, kind, "Audit Committee" if kind == "committee" else "")
    return canonical_role(example)


def same_body(a: str, b: str) -> bool:
    """Two names of the portfolio or committee a role is held for: "the Audit and Risk Committee" /
    "Audit & Risk Committee"; "Children’s Social Care" / "Children's Social Care"."""
    ka, kb = (re.sub(r"^the ", "", role_text_key(x)) for x in (a, b))
    return bool(ka) and ka == kb
