"""What the people list and a person's page lead with: a person's main post and years, the posts
they held as one chart, and the sentences that name them (those that name only their post, read
as theirs because they held it then, set apart). Plain values, so the pages' keys are made of them.
"""

from __future__ import annotations

import re
import string
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType

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


# the only characters beyond ASCII that `re.IGNORECASE` matches with an ASCII letter (İ ı ſ K)
_FOLDS = frozenset("\u0130\u0131\u017f\u212a")
_ASCII_LOWER = MappingProxyType(str.maketrans(string.ascii_uppercase, string.ascii_lowercase))


class _Names:
    """How a sentence may name the person: their name, another name of theirs, their surname, each
    a whole word in any case. Matched as one pattern `(?<!\\w)(?:NAME|...)(?!\\w)` with
    `re.IGNORECASE` would match, but without compiling one per person where it need not: compiling
    took more of a 10,000-document render than searching. When the names are ASCII and the
    sentence holds none of `_FOLDS`, a letter matches its other case alone, and a word character
    is what `re` takes for one (`str.isalnum`, or `_`): each name is found in the sentence with its
    ASCII letters lowered. Otherwise the pattern is compiled, once."""

    def __init__(self, names: list[str]) -> None:
        self._names = names
        self._lowered = (
            [x.translate(_ASCII_LOWER) for x in names] if all(x.isascii() for x in names) else None
        )
        self._pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> bool:
        if self._lowered is None or not _FOLDS.isdisjoint(text):
            if self._pattern is None:
                alternatives = "|".join(map(re.escape, self._names))
                self._pattern = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE)
            return self._pattern.search(text) is not None
        low = text.lower() if text.isascii() else text.translate(_ASCII_LOWER)  # the same length
        return any(_whole_word(text, low, x) for x in self._lowered)


def _whole_word(text: str, low: str, name: str) -> bool:
    """`name` (lowered) is somewhere in `low` (`text` lowered) with no word character either side."""
    at = low.find(name)
    while at != -1:
        end = at + len(name)
        if not (at and _word(text[at - 1])) and not (end < len(text) and _word(text[end])):
            return True
        at = low.find(name, at + 1)
    return False


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _names(n: Node) -> _Names | None:
    """How a sentence may name the person (`_Names`); one matcher for all their names, so each
    sentence is searched once."""
    names = {n.label, *n.alt}
    parts = n.label.split()
    if len(parts) > 1 and len(parts[-1]) > 2:
        names.add(parts[-1])
    alternatives = [x for x in sorted(names) if x.strip()]
    return _Names(alternatives) if alternatives else None


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
