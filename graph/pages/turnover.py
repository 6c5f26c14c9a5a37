"""Turnover at a glance: the numbers the charts page (`turnover.html`) draws, per council and
across councils, worked out from the council boards (`graph.pages.board`).

The charts count what the board shows, so a number on the charts page can be checked against
the bars of the landing page: a role is a row of a board's key roles or cabinet (committee chairs
are left out: a chair rotating each year is not turnover in the sense a researcher asks about),
a holder is a bar, a vacancy a stretch the board marks "no holder known" (`drawing._gaps`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from graph.pages.board import Bar, Board, Row

TURNOVER_SECTIONS = ("Key roles", "Cabinet by portfolio")  # the board sections the charts count


@dataclass(frozen=True, slots=True)
class YearFigures:
    """One council's year: how many holders its roles had, how many of them interim, the months a
    role was known to be without a holder, and the changes of holder."""

    year: int
    roles: int  # roles with a holder in the year
    holders: int  # holders in the year, counted once per role they held
    interim: int  # of those, interim or acting
    vacancy_months: int
    changes: int  # holders who took a role that had an earlier holder

    @property
    def interim_share(self) -> float:
        return self.interim / self.holders if self.holders else 0.0

    @property
    def turnover_rate(self) -> float:
        """Changes of holder per role held that year."""
        return self.changes / self.roles if self.roles else 0.0


@dataclass(frozen=True, slots=True)
class CouncilTurnover:
    """One council's charts: holders per role per year, and its years' figures."""

    council: str
    anchor: str
    years: tuple[int, ...]
    roles: tuple[tuple[str, tuple[int, ...]], ...]  # (role, holders in each of `years`)
    by_year: tuple[YearFigures, ...]

    def total(self) -> YearFigures:
        """The council's figures over all its years (`year` is the number of years)."""
        ys = self.by_year
        return YearFigures(
            year=len(ys),
            roles=sum(y.roles for y in ys),
            holders=sum(y.holders for y in ys),
            interim=sum(y.interim for y in ys),
            vacancy_months=sum(y.vacancy_months for y in ys),
            changes=sum(y.changes for y in ys),
        )

    def shown(self) -> tuple:
        return (self.council, self.anchor, self.years, self.roles, [_plain(y) for y in self.by_year])


def _plain(y: YearFigures) -> tuple[int, ...]:
    return (y.year, y.roles, y.holders, y.interim, y.vacancy_months, y.changes)


def _in_year(b: Bar, y: int) -> bool:
    """Whether a bar covers part of year `y` (its last known date, not an open end's tail)."""
    return b[3] < y + 1 and b[4] > y


def _vacant_months(bars: tuple[Bar, ...]) -> list[int]:
    """The months (as year * 12 + month index) a role had no holder: inside a stretch between
    one holder's known end and the next holder's start that no other bar covers, as the board
    draws it (`drawing._gaps`); a month counts when its middle falls in the stretch."""
    months: list[int] = []
    covered: float | None = None
    for b in bars:
        if covered is not None and b[3] - covered > 1 / 12:
            first, last = math.ceil(covered * 12 - 0.5), math.floor(b[3] * 12 - 0.5)
            months.extend(range(first, last + 1))
        covered = None if b[5] else max(covered or b[4], b[4])
    return months


def _row_years(row: Row, y: int, vacant: list[int]) -> tuple[int, int, int, int]:
    """(holders, interim holders, vacancy months, changes) of one role in year `y`."""
    bars = row[2]
    held = {(b[0], b[6]) for b in bars if _in_year(b, y)}
    first = min(b[3] for b in bars)
    changes = len({b[0] for b in bars if y <= b[3] < y + 1 and b[3] > first})
    months = sum(1 for m in vacant if m // 12 == y)
    return len({p for p, _i in held}), len({p for p, i in held if i}), months, changes


def council_turnover(b: Board) -> CouncilTurnover | None:
    """A council's turnover figures from its board, or None when its board has no key role or
    cabinet row."""
    rows = [r for title, rs in b.sections if title in TURNOVER_SECTIONS for r in rs]
    if not rows:
        return None
    lo = math.floor(min(x[3] for r in rows for x in r[2]))
    hi = math.ceil(max(x[4] for r in rows for x in r[2])) - 1
    years = tuple(range(lo, max(hi, lo) + 1))
    vacant = [_vacant_months(r[2]) for r in rows]
    per_row = [[_row_years(r, y, v) for y in years] for r, v in zip(rows, vacant, strict=True)]
    by_year = tuple(
        YearFigures(
            year=y,
            roles=sum(1 for pr in per_row if pr[k][0]),
            holders=sum(pr[k][0] for pr in per_row),
            interim=sum(pr[k][1] for pr in per_row),
            vacancy_months=sum(pr[k][2] for pr in per_row),
            changes=sum(pr[k][3] for pr in per_row),
        )
        for k, y in enumerate(years)
    )
    roles = tuple((r[0], tuple(c[0] for c in pr)) for r, pr in zip(rows, per_row, strict=True))
    anchor = re.sub(r"^c-", "t-", b.anchor)
    return CouncilTurnover(b.council, anchor, years, roles, by_year)


def turnover_charts(boards: tuple[Board, ...]) -> tuple[CouncilTurnover, ...]:
    """Every council's turnover figures, in the boards' order (councils with no role row left out)."""
    return tuple(t for b in boards if (t := council_turnover(b)) is not None)
