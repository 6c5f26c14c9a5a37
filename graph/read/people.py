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
from dataclasses import dataclass
from pathlib import Path

from extract.names import name_key
from extract.vocab.canonical import RoleLink, canonical_role, role_text_key, same_body
from extract.vocab.posts import role_of
from graph.core.tenure import post_key, role_key
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


# an open spell (no later holder in the corpus) is taken as held this long after its last evidence; past it,
# `who --on` says "not known" (a holder seen once in 2020 is no evidence for 2023)
OPEN_EVIDENCE_YEARS = 1


def _covers(t: Tenure, on: str) -> bool:
    """Whether the graph has evidence that the tenure was held on `on`: attested then, or between its start
    and its end where the end is stated, or between its start and its last attestation where the end is
    inferred. An inferred end (the next holder's first evidence) bounds a tenure but is no evidence of it:
    between a holder's last evidence and the next holder's first, who held the post is not known. A spell
    with no end at all (no successor in the corpus) holds up to OPEN_EVIDENCE_YEARS after its last
    evidence."""
    if any(a.startswith(on) or on.startswith(a) for a in t.attested):
        return True
    start = t.start or t.first
    if not start:
        return False
    if not t.end:  # an open spell: no successor in the corpus, so it holds a while after its last evidence
        last = day(t.last or t.start, last=True)
        return day(start) <= day(on, last=True) and day(on) <= last.replace(
            year=last.year + OPEN_EVIDENCE_YEARS
        )
    end = t.end if t.end_basis == "stated" else min(t.last or t.start, t.end, key=lambda d: day(d, last=True))
    return day(start) <= day(on, last=True) and day(on) <= day(end, last=True)


def _evidence_between(ts: list[Tenure], lo: dt.date, hi: dt.date) -> bool:
    """Any tenure attested, or started, strictly between two days."""
    return any(lo < day(d) and day(d, last=True) < hi for t in ts for d in (*t.attested, t.start) if d)


def on_date_status(graph: Path | ReadModel, post: str, on: str, *, org: str | None = None) -> str:
    """What `who --on` says where no holder is attested on the date: "vacant" where one holder's stated end
    comes before it and the next holder's stated start after it with no evidence of anyone in between
    (in the post as worded or in its canonical role), else "not known" with the nearest evidence on each
    side."""
    ts = [h.tenure for h in _candidates(graph, post, org)]
    when = day(on)
    ended = [t for t in ts if t.end and t.end_basis == "stated" and day(t.end, last=True) < when]
    starts = [t for t in ts if t.start and t.start_basis == "stated" and day(t.start) > day(on, last=True)]
    if ended and starts:
        a = max(ended, key=lambda t: day(t.end, last=True))
        b = min(starts, key=lambda t: day(t.start))
        if not _evidence_between(ts, day(a.end, last=True), day(b.start)):
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


WHO_COLUMNS = [*TENURE_COLUMNS, "role", "council"]


@dataclass(frozen=True, slots=True)
class Placed:
    """A tenure with where it sits: the kind of its body, the council (a committee's own council), and the
    canonical role its post or seat is (`extract/vocab/canonical.py`)."""

    tenure: Tenure
    kind: str
    council: str
    link: RoleLink | None

    def row(self) -> list[str]:
        return [*self.tenure.row(), self.link.role.label if self.link else "", self.council]


def placed(graph: Path | ReadModel) -> list[Placed]:
    """Every tenure of the graph, placed (`Placed`)."""
    model = _model(graph)
    bodies = {b.id: b for b in model.bodies()}
    out = []
    for t in model.tenures():
        body = bodies.get(t.org_id)
        kind = body.kind if body and body.kind else "council"
        parent = bodies.get(body.parent_id) if body and kind == "committee" else None
        link = canonical_role(t.role) if t.is_post else canonical_role(t.role, kind, t.org)
        out.append(Placed(t, kind, parent.name if parent else t.org, link))
    return out


def _in_org(p: Placed, org: str | None, council_named: bool, by_council: bool) -> bool:
    """The tenure is in ORG: its body's name contains ORG (an outside body only where no council's name
    does: --org Herefordshire is the council, not the NHS Herefordshire and Worcestershire ICB), or, for a
    committee's role the question names ("Chair of Audit and Risk Committee"), its council's does."""
    if not org:
        return True
    if _matches(p.tenure.org, org):
        return p.kind != "external" or not council_named
    return by_council and p.kind == "committee" and _matches(p.council, org)


def _tiers(graph: Path | ReadModel, post: str, org: str | None) -> tuple[list[Placed], ...]:
    """The tenures that answer POST in ORG, in three tiers: the post as worded (or a written form of the
    same known post: "DCS"); its canonical role under any wording ("Director Children's Wellbeing" for the
    Director of Children's Services, the Leader's seat for "Leader of the Council", a committee's chair
    seat for "Chair of Audit Committee"); any post whose wording contains POST."""
    model = _model(graph)
    want, known, link = role_text_key(post), role_of(post), canonical_role(post)
    named = bool(org) and any(b.kind == "council" and _matches(b.name, org) for b in model.bodies())
    by_council = link is not None and bool(link.of)
    exact: list[Placed] = []
    same_role: list[Placed] = []
    part: list[Placed] = []
    for p in placed(model):
        if not _in_org(p, org, named, by_council):
            continue
        t = p.tenure
        worded = (
            {role_text_key(t.role)}
            if t.is_post
            else {role_text_key(t.role), role_text_key(f"{t.role} of {t.org}")}
        )
        if want in worded or (known is not None and t.is_post and role_key(t.role) == known.id):
            exact.append(p)
        elif (
            link
            and p.link
            and p.link.role.id == link.role.id
            and (not link.of or same_body(link.of, p.link.of))
        ):
            same_role.append(p)
        elif _matches(t.role, post) and not (link and p.link and p.link.role.id != link.role.id):
            part.append(p)  # but never another canonical role: "Provost" is not the Depute Provost
    return exact, same_role, part


def _candidates(graph: Path | ReadModel, post: str, org: str | None) -> list[Placed]:
    """The post as worded and its canonical role; only where neither has a holder, any post containing POST."""
    exact, same_role, part = _tiers(graph, post, org)
    return exact + same_role or part


def who(graph: Path | ReadModel, post: str, *, org: str | None = None, on: str | None = None) -> Table:
    """The holders of a post as a timeline: the post as worded (or a known post POST is another written
    form of: "DCS"), then the canonical role whatever its wording of the day ("Director Children's
    Wellbeing" answers "Director of Children's Services"; a Leader's seat answers "Leader of the Council");
    only where neither has a holder, any post whose name contains POST. With `on`: the holders the graph
    has evidence for on that date (`_covers`), as worded first, else in the canonical role."""
    model = _model(graph)
    exact, same_role, part = _tiers(model, post, org)
    if on is None:
        chosen = exact + same_role or part
    else:
        chosen = [p for p in exact if _covers(p.tenure, on)] or [
            p for p in same_role if _covers(p.tenure, on)
        ]
        if not exact and not same_role:
            chosen = [p for p in part if _covers(p.tenure, on)]
        chosen = _after_handover(chosen, on)
    return WHO_COLUMNS, [p.row() for p in sorted(chosen, key=_timeline_key)]


def _timeline_key(p: Placed) -> tuple[dt.date, str, str]:
    """Where a holding sits on the timeline: its earliest known date (start, first evidence or end: a holder
    known only by a stated end of March 2024 comes before one who started in July 2024), then the holder."""
    t = p.tenure
    known = [day(d) for d in (t.start, t.first, t.end) if d]
    return min(known, default=dt.date.max), t.name, t.role


def _after_handover(chosen: list[Placed], on: str) -> list[Placed]:
    """On the day one holder's stated end meets the next holder's start ("has stepped down and will be
    succeeded by"), the post is the newcomer's: the leaver is answered only where no one starts that day."""
    leaving = [p for p in chosen if p.tenure.end_basis == "stated" and p.tenure.end == on]
    starting = [p for p in chosen if p.tenure.start == on and p not in leaving]
    return [p for p in chosen if p not in leaving] if leaving and starting else chosen


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
    "vacancies",
    "council",
]


def vacancies(ts: list[Tenure]) -> list[str]:
    """The stretches in which one role had no holder: a holder's stated end, then the next holder's stated
    start, with no evidence of anyone in the role between ("2024-03..2024-07-01")."""
    out = []
    for a in ts:
        if not (a.end and a.end_basis == "stated"):
            continue
        after = [
            b for b in ts if b.start and b.start_basis == "stated" and day(b.start) > day(a.end, last=True)
        ]
        if not after:
            continue
        b = min(after, key=lambda t: day(t.start))
        if b.person != a.person and not _evidence_between(ts, day(a.end, last=True), day(b.start)):
            out.append(f"{a.end}..{b.start}")
    return sorted(set(out))


def _turnover_groups(
    graph: Path | ReadModel, org: str | None, lo: dt.date, hi: dt.date
) -> dict[tuple[str, str], list[Placed]]:
    """The tenures of the period by role: a canonical role (per portfolio or committee where it is held
    for one) across all its wordings in one council, else a post (or a seat one person holds at a time)
    as worded in its organization."""
    groups: dict[tuple[str, str], list[Placed]] = defaultdict(list)
    for p in placed(graph):
        t = p.tenure
        one_at_a_time = p.link is not None and (p.link.role.id != "cabinet-member" or bool(p.link.of))
        if not (t.is_post or one_at_a_time or post_key(t.role) in _SINGLE_SEATS):
            continue
        if not _matches(t.org, org):
            continue
        s, e = t.start or t.first, t.end or t.last
        if s and (day(s) > hi or day(e or s, last=True) < lo):
            continue
        if p.link is not None:
            where = t.org if p.kind == "committee" else p.council
            groups[(where, f"{p.link.role.id}:{role_text_key(p.link.of)}")].append(p)
        else:
            groups[(t.org, post_key(t.role))].append(p)
    return groups


def _turnover_row(ps: list[Placed]) -> list[str]:
    ts = [p.tenure for p in ps]
    link = ps[0].link
    label = max((t.role for t in ts), key=lambda r: (sum(t.role == r for t in ts), r))
    if link is not None and not link.of and ps[0].kind != "committee":
        label = link.role.label  # "Director of Children's Services", whatever each post was called
    spans = [(day(t.start), day(t.end, last=True)) for t in ts if t.start and t.end]
    mean = f"{sum((b - a).days for a, b in spans) / len(spans):.0f}" if spans else ""
    ordered = sorted((t for t in ts if t.start or t.first), key=lambda t: t.start or t.first)
    gaps = []
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.end and day(a.end, last=True) < day(b.start or b.first) - dt.timedelta(days=1):
            gaps.append(f"{a.end}..{b.start or b.first}")
    return [
        label,
        ts[0].org if ps[0].kind == "committee" or link is None else ps[0].council,
        str(len({t.person for t in ts})),
        str(sum(t.interim for t in ts)),
        mean,
        str(len(spans)),
        "; ".join(gaps),
        "; ".join(sorted({t.name for t in ts})),
        "; ".join(vacancies(ts)),
        ps[0].council,
    ]


def turnover(
    graph: Path | ReadModel, *, org: str | None = None, start: str | None = None, end: str | None = None
) -> Table:
    """Per role: holders in the period, interim spells, mean tenure, gaps with no known holder, vacancies.

    A canonical role (`extract/vocab/canonical.py`) is one row across the wordings of its posts in one
    council ("Director Children's Wellbeing", "Director of Children's Services"); any other post is a row
    of its own. A tenure is measured where it has both a start and an end (stated or inferred); a gap is a
    stretch between one holder's end and the next holder's start; a vacancy a gap both ends of which are
    stated, with no evidence of anyone in the role inside it (`vacancies`)."""
    lo = day(start) if start else dt.date.min
    hi = day(end, last=True) if end else dt.date.max
    model = _model(graph)
    rows = [_turnover_row(ps) for _k, ps in sorted(_turnover_groups(model, org, lo, hi).items())]
    rows.sort(key=lambda r: (-int(r[2]), r[1], r[0]))
    return TURNOVER_COLUMNS, rows
