"""The council board, the landing page: a council's key roles, its cabinet by portfolio and its
committees' chairs, each a row of one time axis with the holders as bars.

Which post is a key role is decided by its wording, from a table of patterns (`KEY_ROLES`, data
rather than branches): the first pattern that matches a post's own label (without its
organization) names its row, and the posts one pattern matches share that row (a council that
renamed its Director of Children's Services keeps one row for the job). Everything here is plain
values (`Board`), so the page's key is worked out without drawing it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from graph.pages.view import Node, Tenure, View, short

# (row heading, pattern over the post's own label, lower-cased): the board's rows in this order.
# Directors' patterns refuse assistant, deputy and service directors and heads of service.
_NOT_JUNIOR = r"^(?!.*\b(?:assistant|deputy|service|head|interim head|programme|project)\b)"
KEY_ROLES: tuple[tuple[str, str], ...] = (
    (
        "Chief Executive (head of paid service)",
        r"^(?:interim |acting )?(?:chief executive(?: officer)?|head of paid service|managing director"
        r"|town clerk and chief executive)$",
    ),
    ("Director of Children's Services", _NOT_JUNIOR + r".*\bdirector\b.*\bchild|^dcs$"),
    ("Director of Adult Social Services", _NOT_JUNIOR + r".*\bdirector\b.*\badult|^dass$"),
    ("Director of Public Health", _NOT_JUNIOR + r".*\bdirector\b.*\bpublic health|^dph$"),
    (
        "Chief Finance Officer (s151)",
        r"^(?:interim |acting )?(?:chief financ\w* officer|director of finance\b.*|finance director"
        r"|section 151 officer|s151 officer|(?:county |borough )?treasurer|executive director\b.*\bfinance.*)$",
    ),
    (
        "Monitoring Officer",
        r"^(?!.*\b(?:deputy|assistant)\b).*\bmonitoring officer\b|^(?:director|head) of legal\b"
        r"|^solicitor to the council$",
    ),
    ("Leader", r"^(?:the )?leader(?: of the council)?$"),
    ("Deputy Leader", r"^(?:the )?deputy leader(?: of the council)?$"),
    (
        "Chair / Mayor",
        r"^(?:the )?(?:chair(?:man|person)?|civic mayor|lord mayor|mayor)(?: of the council)?$",
    ),
)
_KEY_RES = tuple((heading, re.compile(pattern)) for heading, pattern in KEY_ROLES)
CABINET = re.compile(
    r"^(?:cabinet member|portfolio holder|executive member|lead member)\b(?: for)?[ ,:-]*(.+)$", re.IGNORECASE
)
CHAIR = re.compile(r"^(?:the )?(?:chair(?:man|person)?)$")
# the graph's canonical roles (docs/GRAPH_CONTRACT.md, "Canonical roles": a post `skos:broader` a
# cg:CanonicalRole, by the last part of its IRI) -> the board's rows. Where the graph carries these
# links they decide, and `KEY_ROLES`' patterns are not read.
CANONICAL_ROWS: dict[str, str] = {
    "head-of-paid-service": KEY_ROLES[0][0],
    "dcs": KEY_ROLES[1][0],
    "dass": KEY_ROLES[2][0],
    "dph": KEY_ROLES[3][0],
    "chief-finance-officer": KEY_ROLES[4][0],
    "monitoring-officer": KEY_ROLES[5][0],
    "leader": KEY_ROLES[6][0],
    "deputy-leader": KEY_ROLES[7][0],
    "chair-of-council": KEY_ROLES[8][0],
}
CANONICAL_CABINET, CANONICAL_CHAIR = "cabinet-member", "committee-chair"


def key_role(post: str) -> str | None:
    """The board row a post's own label belongs to (`KEY_ROLES`), or None."""
    text = " ".join(post.lower().split())
    for heading, pattern in _KEY_RES:
        if pattern.search(text):
            return heading
    return None


class KeyRoles:
    """Which board row a tenure's post is: the graph's canonical role links where it has any
    (`CANONICAL_ROWS`), else the wording (`KEY_ROLES`, `CABINET`, `CHAIR`)."""

    def __init__(self, v: View) -> None:
        self.v = v
        self.canonical = dict(v.canonical)

    def heading(self, t: Tenure) -> str | None:
        if self.canonical:
            return CANONICAL_ROWS.get(self.canonical.get(t.role, ""))
        return key_role(own_label(self.v, t))

    def rank(self, t: Tenure) -> int:
        heading = self.heading(t)
        return next((i for i, (h, _p) in enumerate(KEY_ROLES) if h == heading), len(KEY_ROLES))

    def portfolio(self, t: Tenure) -> str | None:
        """A cabinet member's portfolio ("Cabinet member Environment" -> "Environment")."""
        if self.canonical and self.canonical.get(t.role) != CANONICAL_CABINET:
            return None
        m = CABINET.match(own_label(self.v, t))
        return m.group(1).strip() if m else None

    def committee_chair(self, t: Tenure) -> bool:
        if self.canonical:
            return self.canonical.get(t.role) == CANONICAL_CHAIR
        return bool(CHAIR.match(own_label(self.v, t).lower()))


# --- the board's values ------------------------------------------------------------------

# a holder's bar: person label, person page, post label, first year, last known year, open end
# (no end known), interim, stated, the first sentence it was read from
Bar = tuple[str, str | None, str, float, float, bool, bool, bool, str]
# a row: heading, the page of its (first) post, its bars in start order
Row = tuple[str, str | None, tuple[Bar, ...]]


@dataclass(frozen=True, slots=True)
class Board:
    """One council's board: its key roles, cabinet and committee chairs on one axis."""

    council: str
    page: str | None
    anchor: str
    ref: str  # the council node's ref: the network page opens on it from here
    axis: tuple[int, int]
    sections: tuple[tuple[str, tuple[Row, ...]], ...]
    committees: tuple[tuple[str, str | None], ...]  # committees with no chair known: (label, page)

    def shown(self) -> tuple:
        return (self.council, self.page, self.anchor, self.ref, self.axis, self.sections, self.committees)


_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@lru_cache(maxsize=1 << 16)  # pure; the charts ask for the same dates on every page that draws them
def frac_year(value: str | None, end: bool = False) -> float | None:
    """A date (YYYY, YYYY-MM or YYYY-MM-DD) as a fractional year; its end when `end`."""
    m = _DATE.match(value or "")
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo is None:
        return y + (1.0 if end else 0.0)
    if d is None:
        return y + (int(mo) - (0 if end else 1)) / 12
    try:
        return y + (date(y, int(mo), int(d)).timetuple().tm_yday - 1) / 365.25
    except ValueError:
        return y + (int(mo) - 1) / 12


def own_label(v: View, t: Tenure) -> str:
    """The post's own label: its node's label without the organization the view appends."""
    label, org = v.nodes[t.role].label, v.nodes[t.org].label
    return label[: -len(org) - 2] if label.endswith(", " + org) else label


def bar(v: View, t: Tenure) -> Bar | None:
    """A tenure as a bar, or None when no date at all bounds it."""
    lo = frac_year(t.start)
    hi = frac_year(t.end, end=True)
    seen = [x for x in (frac_year(a) for a in t.attested) if x is not None]
    lo = lo if lo is not None else min(seen, default=hi)
    last = hi if hi is not None else max([*seen, lo if lo is not None else -math.inf])
    if lo is None or last is None or last == -math.inf:
        return None
    person = v.nodes[t.person]
    evidence = short(t.evidence[0], 200) if t.evidence else ""
    last = max(last, lo + 1 / 24)
    return (
        person.label,
        person.page,
        own_label(v, t),
        round(lo, 3),
        round(last, 3),
        hi is None,
        t.interim,
        t.stated,
        evidence,
    )


def _row(heading: str, posts: list[Node], tenures: list[Tenure], v: View) -> Row | None:
    bars = sorted((b for b in (bar(v, t) for t in tenures) if b is not None), key=lambda b: (b[3], b[0]))
    if not bars:
        return None
    return heading, posts[0].page if posts else None, tuple(bars)


def councils(v: View, by_org: dict[int, list[Tenure]], units: dict[int, list[int]]) -> list[Node]:
    """The councils a board is drawn for, the one with most posts held first: bodies of kind
    council with a tenure of their own; else the bodies with most tenures of their own and their units'."""
    bodies = [n for n in v.nodes if n.kind == "body"]
    held = {
        n.index: len(by_org.get(n.index, ())) + sum(len(by_org.get(u, ())) for u in units.get(n.index, ()))
        for n in bodies
    }
    found = [n for n in bodies if n.detail == "council" and by_org.get(n.index)]
    if not found:
        parents = {n.index for n in bodies if units.get(n.index)} or {
            n.index for n in bodies if by_org.get(n.index)
        }
        found = [v.nodes[i] for i in parents]
    return sorted(found, key=lambda n: (-held[n.index], n.label.lower()))


def _units(v: View) -> dict[int, list[int]]:
    units: dict[int, list[int]] = defaultdict(list)
    for a, b, label, *_ in v.edges:
        if label == "unit of":
            units[b].append(a)
    return units


def board_councils(v: View) -> list[Node]:
    """The councils a board is drawn for (`councils`), in the board's order."""
    by_org: dict[int, list[Tenure]] = defaultdict(list)
    for t in v.tenures:
        by_org[t.org].append(t)
    return councils(v, by_org, _units(v))


def boards(v: View) -> tuple[Board, ...]:
    """A board per council (`councils`), in that order."""
    by_org: dict[int, list[Tenure]] = defaultdict(list)
    for t in v.tenures:
        by_org[t.org].append(t)
    units = _units(v)
    return tuple(b for c in councils(v, by_org, units) if (b := board(v, c, by_org, units)) is not None)


def board(
    v: View, council: Node, by_org: dict[int, list[Tenure]], units: dict[int, list[int]]
) -> Board | None:
    """The council's board: key roles (table order), cabinet by portfolio, committees' chairs."""
    key: dict[str, tuple[list[Node], list[Tenure]]] = {h: ([], []) for h, _p in KEY_ROLES}
    cabinet: dict[str, tuple[list[Node], list[Tenure]]] = defaultdict(lambda: ([], []))
    roles = KeyRoles(v)
    for t in by_org.get(council.index, ()):
        heading = roles.heading(t)
        portfolio = roles.portfolio(t) if heading is None else None
        group = key.get(heading) if heading else (cabinet[portfolio] if portfolio else None)
        if group is not None:
            if v.nodes[t.role] not in group[0]:
                group[0].append(v.nodes[t.role])
            group[1].append(t)
    chairs: list[Row] = []
    unchaired: list[tuple[str, str | None]] = []
    for u in sorted(units.get(council.index, ()), key=lambda i: v.nodes[i].label.lower()):
        held = [t for t in by_org.get(u, ()) if roles.committee_chair(t)]
        row = _row(v.nodes[u].label, [v.nodes[u]], held, v)
        if row:
            chairs.append(row)
        else:
            unchaired.append((v.nodes[u].label, v.nodes[u].page))
    sections: tuple[tuple[str, tuple[Row, ...]], ...] = (
        ("Key roles", tuple(r for h, (p, ts) in key.items() if (r := _row(h, p, ts, v)))),
        (
            "Cabinet by portfolio",
            tuple(r for h, (p, ts) in sorted(cabinet.items()) if (r := _row(h, p, ts, v))),
        ),
        ("Committees and their chairs", tuple(chairs)),
    )
    sections = tuple(s for s in sections if s[1])
    if not sections:
        return None
    spans = [x for _t, rows in sections for r in rows for b in r[2] for x in b[3:5]]
    y0, y1 = math.floor(min(spans)), math.ceil(max(spans) + 0.9)  # room for the last names
    y0 = min(y0, y1 - 3)
    anchor = (
        "c-"
        + (re.sub(r"[^a-z0-9]+", "-", council.label.lower()).strip("-") or "council")
        + "-"
        + council.ref[:6]
    )
    return Board(council.label, council.page, anchor, council.ref, (y0, y1), sections, tuple(unchaired))
