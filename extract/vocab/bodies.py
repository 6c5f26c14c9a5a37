"""Bodies as vocabulary both halves share: whether a short form ("CYP Scrutiny") names a long one.
Extraction folds short forms with it; resolution merges bodies with it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

# words a body's name may drop or add without naming another body
STOP_WORDS = {"and", "of", "the", "for", "s"}

# the kind of body a short form leaves unsaid: "CYP Scrutiny" is the "... Scrutiny Committee"
_GENERIC_TAIL = {"committee", "sub-committee", "subcommittee", "board", "panel", "group", "forum"}


def acronym_fits(short: str, long: str) -> bool:
    """ "CYP Strategic Partnership" for "Children & Young People Strategic Partnership"; "CYP Scrutiny" for
    "Children and Young People Scrutiny Committee" (the short form may leave the last, generic word unsaid).
    The short form has an acronym in it; every other word is the long name's, in order."""
    s = short.replace("&", " ").split()
    lw = [w for w in long.replace("&", " ").split() if w.lower() not in STOP_WORDS]
    i = 0
    for tok in s:
        if i < len(lw) and tok.lower() == lw[i].lower():
            i += 1
        elif (
            tok.isupper()
            and 2 <= len(tok) <= 5
            and "".join(w[0] for w in lw[i : i + len(tok)]).upper() == tok
        ):
            i += len(tok)
        else:
            return False
    rest = lw[i:]
    return (not rest or len(rest) == 1 and rest[0].lower() in _GENERIC_TAIL and i > 0) and any(
        t.isupper() and len(t) >= 2 for t in s
    )


@lru_cache(maxsize=1)
def parties() -> frozenset[str]:
    """The political parties `patterns/bodies.jsonl` names ("party-names"): a party is a body, and so is its group."""
    text = resources.files("extract").joinpath("patterns/bodies.jsonl").read_text(encoding="utf-8")
    rows = (json.loads(line) for line in text.splitlines() if line.strip())
    return frozenset(n for r in rows if r["id"] == "party-names" for n in r["names"])
