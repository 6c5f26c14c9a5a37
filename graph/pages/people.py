"""What the people list and a person's page lead with: a person's main post and years, the posts
they held as one chart, and the sentences that name them (those that name only their post, read
as theirs because they held it then, set apart). Plain values, so the pages' keys are made of them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from graph.pages.board import KeyRoles, own_label
from graph.pages.view import Node, Tenure, View, date_range


@dataclass(frozen=True, slots=True)
class Said:
    """A sentence about a person and the documents it was read from."""

    text: str
    sources: tuple[tuple[str, str], ...]  # (document identifier, its title and date)


def tenures_by_person(v: View) -> dict[int, list[Tenure]]:
    by_person: dict[int, list[Tenure]] = defaultdict(list)
    for t in v.tenures:
        by_person[t.person].append(t)
    return by_person


def _when(t: Tenure) -> str:
    return max([t.start or "", t.end or "", *t.attested])


def main_post(v: View, tenures: list[Tenure], roles: KeyRoles | None = None) -> str:
    """A person's main post: the key role (`KEY_ROLES` order) they held, else the post with the
    latest date, seats a whole body shares (member, co-opted member) last; with its organization."""
    if not tenures:
        return ""
    roles = roles or KeyRoles(v)
    shared = ("member", "co-opted member", "cabinet member")
    best = min(
        tenures,
        key=lambda t: (
            roles.rank(t),
            own_label(v, t).lower() in shared,
            _reverse(_when(t)),
            v.nodes[t.role].label,
        ),
    )
    return v.nodes[best.role].label + (" (interim)" if best.interim else "")


def _reverse(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


def years_of(n: Node) -> str:
    if not n.years:
        return ""
    lo, hi = min(n.years), max(n.years)
    return str(lo) if lo == hi else f"{lo}–{hi}"


def posts_held(v: View, tenures: list[Tenure]) -> tuple[tuple[str, str | None, str, bool], ...]:
    """The posts a person held, in start order: the post's label and page, its dates as the facts
    print them, interim. (The posts' own pages chart them; a person's page lists them, so that a
    bar turning from stated to inferred redraws the charts alone.)"""
    return tuple(
        (v.nodes[t.role].label, v.nodes[t.role].page, _dates(t), t.interim)
        for t in sorted(
            tenures, key=lambda t: (t.start or min(t.attested, default="9999"), v.nodes[t.role].label)
        )
    )


def _dates(t: Tenure) -> str:
    dates = date_range(t.start, t.end)
    seen = "seen " + ", ".join(t.attested) if t.attested else ""
    return "; ".join(x for x in (dates, seen) if x)


def source_documents(v: View, sources: list[int]) -> tuple[tuple[str, str], ...]:
    """Source documents as a sentence's `Said.sources` names them: identifier and detail."""
    return tuple((v.nodes[s].label, v.nodes[s].detail) for s in sources)


def _names(n: Node) -> re.Pattern[str] | None:
    """How a sentence may name the person: their name, another name of theirs, their surname; one
    pattern for them all, so each sentence is searched once (a pattern each cost a person's page
    more than its rendering, and compiled patterns overflow `re`'s cache at a few hundred people)."""
    names = {n.label, *n.alt}
    parts = n.label.split()
    if len(parts) > 1 and len(parts[-1]) > 2:
        names.add(parts[-1])
    alternatives = [re.escape(x) for x in sorted(names) if x.strip()]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def sentences(
    v: View, n: Node, documents: Callable[[list[int]], tuple[tuple[str, str], ...]] | None = None
) -> tuple[tuple[Said, ...], tuple[Said, ...]]:
    """The sentences of a person's facts, each once: those that name them, and those that name
    only a post of theirs (a role-only mention read as theirs). `documents` gives a fact's sources
    as (identifier, detail) pairs; the renderer passes one that makes them once per shared list."""
    documents = documents or partial(source_documents, v)
    names = _names(n)
    seen: dict[str, Said] = {}
    for f in n.facts:
        docs: tuple[tuple[str, str], ...] | None = None  # made once for all the fact's sentences
        for text in f.evidence:
            if text not in seen:
                if docs is None:
                    docs = documents(f.sources)
                seen[text] = Said(text, docs)
    named: list[Said] = []
    role_only: list[Said] = []
    for s in seen.values():
        (named if names is not None and names.search(s.text) else role_only).append(s)
    return tuple(named), tuple(role_only)
