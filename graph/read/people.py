"""People over time, read back from a built graph: the logic of `who`, `person` and `turnover`.

Each function reads the graph's records (graph.read.model: tenures, people, and the saved
person-* queries) and returns plain tables (`columns`, `rows`), so the CLI, the HTML and the
tests print or check the same thing. Dates are ISO prefixes at their precision; where a sum
needs days, a start is read as the first day of its month or year and an end as the last.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from pathlib import Path

from extract.names import name_key
from extract.vocab.posts import role_of
from graph.core.tenure import OPEN_SPELL_YEARS, post_key, role_key
from graph.read.model import ReadModel, Table, Tenure

# seats one person holds at a time count as posts for turnover
_SINGLE_SEATS = {"chair", "vice chair", "leader", "deputy leader"}


TENURE_COLUMNS = [
    "post",
    "organization",
    "holder",
    "start",
    "start basis",
    "end",
    "end basis",
    "interim",
    "attested",
    "sources",
]


def tenures(graph: Path | ReadModel) -> list[Tenure]:
    """Every Membership of the graph, one `Tenure` each (graph.read.model.ReadModel.tenures)."""
    return _model(graph).tenures()


def _model(graph: Path | ReadModel) -> ReadModel:
    return graph if isinstance(graph, ReadModel) else ReadModel.open(graph)


def day(iso: str, *, last: bool = False) -> dt.date:
    """An ISO prefix as a day: its first day, or with `last` its last."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        y, m = parts
        return dt.date(y, m, calendar.monthrange(y, m)[1] if last else 1)
    return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)


def _covers(t: Tenure, on: str) -> bool:
    """Whether the graph has evidence that the tenure was held on `on`: attested then, or between its start
    and its end where the end is stated, or between its start and its last attestation where the end is
    inferred. An inferred end (the next holder's first evidence) bounds a tenure but is no evidence of it:
    between a holder's last evidence and the next holder's first, who held the post is not known. A spell
    with no end at all (no successor in the corpus) holds up to OPEN_SPELL_YEARS after its last evidence."""
    if any(a.startswith(on) or on.startswith(a) for a in t.attested):
        return True
    start = t.start or t.first
    if not start:
        return False
    if not t.end:  # an open spell: no successor in the corpus, so it holds a while after its last evidence
        last = day(t.last or t.start, last=True)
        return day(start) <= day(on, last=True) and day(on) <= last.replace(year=last.year + OPEN_SPELL_YEARS)
    end = t.end if t.end_basis == "stated" else min(t.last or t.start, t.end, key=lambda d: day(d, last=True))
    return day(start) <= day(on, last=True) and day(on) <= day(end, last=True)


def on_date_status(graph: Path | ReadModel, post: str, on: str, *, org: str | None = None) -> str:
    """What `who --on` says where no holder is attested on the date: "vacant" where one holder's stated end
    comes before it and the next holder's stated start after it, else "not known" with the nearest
    evidence on each side."""
    ts = _tenures_of(graph, post, org)
    when = day(on)
    ended = [t for t in ts if t.end and t.end_basis == "stated" and day(t.end, last=True) < when]
    starts = [t for t in ts if t.start and t.start_basis == "stated" and day(t.start) > day(on, last=True)]
    if ended and starts:
        a = max(ended, key=lambda t: day(t.end, last=True))
        b = min(starts, key=lambda t: day(t.start))
        return f"vacant: {a.name} left ({a.end}); {b.name} started {b.start}"
    before = [t for t in ts if (t.last or t.start) and day(t.last or t.start) < when]
    after = [t for t in ts if (t.first or t.start) and day(t.first or t.start, last=True) > when]
    said = ["not known: no holder is attested on that date"]
    if before:
        b = max(before, key=lambda t: day(t.last or t.start))
        said.append(f"last evidence before: {b.name} ({b.last or b.start})")
    if after:
        a = min(after, key=lambda t: day(t.first or t.start))
        said.append(f"first evidence after: {a.name} ({a.first or a.start})")
    return "; ".join(said)


def _matches(text: str, wanted: str | None) -> bool:
    return not wanted or wanted.lower() in text.lower() or post_key(wanted) in post_key(text)


def who(graph: Path | ReadModel, post: str, *, org: str | None = None, on: str | None = None) -> Table:
    """The holders of a post (any post whose name contains POST, or the known post POST is another written
    form of: "DCS" finds the Director of Children's Services), as a timeline."""
    rows = [t.row() for t in _tenures_of(graph, post, org) if on is None or _covers(t, on)]
    return TENURE_COLUMNS, rows


def _tenures_of(graph: Path | ReadModel, post: str, org: str | None) -> list[Tenure]:
    """The tenures of any post whose name contains POST, or of the known post POST is a written form of,
    in organizations whose name contains ORG: what `who` lists and `on_date_status` reasons over."""
    known = role_of(post)
    return [
        t
        for t in tenures(graph)
        if (_matches(t.role, post) or (known is not None and t.is_post and role_key(t.role) == known.id))
        and _matches(t.org, org)
    ]


def find_people(graph: Path | ReadModel, name: str) -> list[tuple[str, str]]:
    """(IRI, name) of every person whose name or other written form contains NAME; an exact name wins."""
    want = name_key(name)  # "Cllr Fagan" is looked up as "fagan"
    labels = [
        (p.id, p.name, name_key(label)) for p in _model(graph).people() for label in (p.name, *p.alt_names)
    ]
    exact = sorted({(p, n) for p, n, label in labels if label == want})
    return exact or sorted({(p, n) for p, n, label in labels if f" {want} " in f" {label} "})


def person(graph: Path | ReadModel, iri: str) -> dict[str, Table]:
    """One person's posts and seats, meetings, decisions led and actions owned, with sources."""
    model = _model(graph)
    return {
        "posts and seats": (TENURE_COLUMNS, [t.row() for t in model.tenures() if t.person == iri]),
        "meetings": model.of_person("person-meetings", iri),
        "decisions": model.of_person("person-decisions", iri),
        "actions": model.of_person("person-actions", iri),
    }


TURNOVER_COLUMNS = [
    "post",
    "organization",
    "holders",
    "interim spells",
    "mean tenure (days)",
    "tenures measured",
    "gaps with no known holder",
    "names",
]


def turnover(
    graph: Path | ReadModel, *, org: str | None = None, start: str | None = None, end: str | None = None
) -> Table:
    """Per post: holders in the period, interim spells, mean tenure, gaps with no known holder.

    A tenure is measured where it has both a start and an end (stated or inferred); a gap
    is a stretch between one holder's end and the next holder's start."""
    lo = day(start) if start else dt.date.min
    hi = day(end, last=True) if end else dt.date.max
    groups: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for t in tenures(graph):
        if not (t.is_post or post_key(t.role) in _SINGLE_SEATS) or not _matches(t.org, org):
            continue
        s, e = t.start or t.first, t.end or t.last
        if s and (day(s) > hi or day(e or s, last=True) < lo):
            continue
        groups[(t.org, post_key(t.role))].append(t)
    rows = []
    for (_o, _k), ts in sorted(groups.items()):
        label = max((t.role for t in ts), key=lambda r: (sum(t.role == r for t in ts), r))
        spans = [(day(t.start), day(t.end, last=True)) for t in ts if t.start and t.end]
        mean = f"{sum((b - a).days for a, b in spans) / len(spans):.0f}" if spans else ""
        ordered = sorted((t for t in ts if t.start or t.first), key=lambda t: t.start or t.first)
        gaps = []
        for a, b in zip(ordered, ordered[1:], strict=False):
            if a.end and day(a.end, last=True) < day(b.start or b.first) - dt.timedelta(days=1):
                gaps.append(f"{a.end}..{b.start or b.first}")
        rows.append(
            [
                label,
                ts[0].org,
                str(len({t.person for t in ts})),
                str(sum(t.interim for t in ts)),
                mean,
                str(len(spans)),
                "; ".join(gaps),
                "; ".join(sorted({t.name for t in ts})),
            ]
        )
    rows.sort(key=lambda r: (-int(r[2]), r[1], r[0]))
    return TURNOVER_COLUMNS, rows
