"""The turnover page's charts (`turnover.html`) as static SVG, each beside a table of its numbers.

Drawn by hand, like the board (`graph.pages.drawing`), rather than with a plotting library: a
static SVG needs no script, so the page keeps the script-free Content-Security-Policy of the other
pages, works from `file://`, and is byte-stable for the page cache; plotly or altair would inline a
few megabytes of JavaScript per page (and Vega evaluates expressions, which the CSP forbids).
Every text drawn goes through `markupsafe.escape`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from graph.pages.turnover import CouncilTurnover, YearFigures
from graph.pages.view import short

HEAT_LABEL_W, HEAT_CELL_W, HEAT_CELL_H = 210, 31, 20
BAR_LABEL_W, BAR_W, BAR_H = 240, 260, 18
_HEAT = ("#ffffff", "#cfe0f3", "#8fb6e0", "#4f86c6", "#1f5fa8")  # 0, 1, 2, 3, 4+ holders


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart and the table of the numbers it draws, shown side by side."""

    title: str
    note: str
    svg: Markup
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def draw_heatmap(years: tuple[int, ...], roles: tuple[tuple[str, tuple[int, ...]], ...]) -> Markup:
    """Holders per role per year: a row per role, a cell per year shaded by its count, which is
    written in it."""
    width = HEAT_LABEL_W + HEAT_CELL_W * len(years) + 4
    height = 22 + HEAT_CELL_H * len(roles)
    parts = [
        f'<svg class="chart heat" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for k, y in enumerate(years):
        x = HEAT_LABEL_W + k * HEAT_CELL_W + HEAT_CELL_W / 2
        parts.append(f'<text x="{x:.1f}" y="14" font-size="10.5" text-anchor="middle" fill="#555">{y}</text>')
    for r, (role, counts) in enumerate(roles):
        top = 20 + r * HEAT_CELL_H
        parts.append(f'<text x="4" y="{top + 14}" font-size="12">{escape(short(role, 31))}</text>')
        for k, n in enumerate(counts):
            x = HEAT_LABEL_W + k * HEAT_CELL_W
            fill = _HEAT[min(n, len(_HEAT) - 1)]
            parts.append(
                f'<rect x="{x}" y="{top}" width="{HEAT_CELL_W - 1}" height="{HEAT_CELL_H - 1}" fill="{fill}" '
                f'stroke="#e2e2e2"><title>{escape(role)}, {years[k]}: {n} holder{"s" if n != 1 else ""}</title></rect>'
            )
            if n:
                colour = "#fff" if n >= 3 else "#123"
                parts.append(
                    f'<text x="{x + HEAT_CELL_W / 2:.1f}" y="{top + 14}" font-size="11" text-anchor="middle" '
                    f'fill="{colour}">{n}</text>'
                )
    parts.append("</svg>")
    return Markup("".join(parts))


def draw_hbars(items: tuple[tuple[str, float, str], ...], *, colour: str = "#1f5fa8") -> Markup:
    """A horizontal bar per (label, value, value as written), the longest bar the largest value."""
    top = max((v for _l, v, _t in items), default=0.0) or 1.0
    width = BAR_LABEL_W + BAR_W + 60
    height = 6 + BAR_H * len(items)
    parts = [
        f'<svg class="chart bars" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for k, (label, value, text) in enumerate(items):
        y = 3 + k * BAR_H
        w = BAR_W * value / top
        parts.append(
            f'<text x="{BAR_LABEL_W - 6}" y="{y + 13}" font-size="11.5" text-anchor="end">'
            f"{escape(short(label, 34))}</text>"
            f'<rect x="{BAR_LABEL_W}" y="{y + 2}" width="{w:.1f}" height="{BAR_H - 5}" fill="{colour}">'
            f"<title>{escape(label)}: {escape(text)}</title></rect>"
            f'<text x="{BAR_LABEL_W + w + 4:.1f}" y="{y + 13}" font-size="11" fill="#333">{escape(text)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def council_figures(t: CouncilTurnover) -> tuple[Figure, ...]:
    """One council's four charts: holders per role per year, then by year its interim share,
    vacancy months and turnover rate."""
    heat = Figure(
        "Holders per role per year",
        "each role's holders with a bar in the year (an interim and the holder after count both)",
        draw_heatmap(t.years, t.roles),
        ("role", *map(str, t.years)),
        tuple((role, *map(str, counts)) for role, counts in t.roles),
    )
    return (heat, *_year_figures([(str(y.year), y) for y in t.by_year]))


# a measure: (its value, the value as written, the table's columns, a row's cells past the label)
Measure = tuple[
    Callable[[YearFigures], float],
    Callable[[YearFigures], str],
    tuple[str, ...],
    Callable[[YearFigures], tuple],
]
INTERIM: Measure = (
    lambda y: y.interim_share,
    lambda y: _pct(y.interim_share),
    ("holders", "interim", "share"),
    lambda y: (y.holders, y.interim, _pct(y.interim_share)),
)
VACANCY: Measure = (
    lambda y: y.vacancy_months,
    lambda y: str(y.vacancy_months),
    ("roles held", "vacancy months"),
    lambda y: (y.roles, y.vacancy_months),
)
RATE: Measure = (
    lambda y: y.turnover_rate,
    lambda y: f"{y.turnover_rate:.2f}",
    ("roles held", "changes", "rate"),
    lambda y: (y.roles, y.changes, f"{y.turnover_rate:.2f}"),
)


def _figure(
    title: str, note: str, first: str, rows: list[tuple[str, YearFigures]], m: Measure, colour: str
) -> Figure:
    """A bar per labelled row for measure `m`, and the table of the numbers behind it."""
    value, text, head, cells = m
    return Figure(
        title,
        note,
        draw_hbars(tuple((label, value(y), text(y)) for label, y in rows), colour=colour),
        (first, *head),
        tuple((label, *map(str, cells(y))) for label, y in rows),
    )


def _year_figures(rows: list[tuple[str, YearFigures]]) -> tuple[Figure, ...]:
    return (
        _figure(
            "Interim share",
            "of the year's holders, those interim or acting",
            "year",
            rows,
            INTERIM,
            "#e8710a",
        ),
        _figure(
            "Vacancy months",
            "months a role had no holder known between one holder's end and the next one's start",
            "year",
            rows,
            VACANCY,
            "#c0392b",
        ),
        _figure(
            "Turnover rate", "changes of holder per role held in the year", "year", rows, RATE, "#1f5fa8"
        ),
    )


def _over_years(m: Measure) -> Measure:
    """A measure summed over a council's years: its roles held are role-years, its holders
    holder-years."""
    value, text, head, cells = m
    names = {"roles held": "role-years", "holders": "holder-years"}
    return value, text, tuple(names.get(h, h) for h in head), cells


def across_figures(charts: tuple[CouncilTurnover, ...]) -> tuple[Figure, ...]:
    """The councils side by side, over all their years: interim share, vacancy months and turnover
    rate (changes of holder per role-year: a role held in a year counts once for it)."""
    rows = [(t.council, t.total()) for t in charts]
    vacancy, rate = _over_years(VACANCY), _over_years(RATE)
    return (
        _figure(
            "Interim share, by council",
            "of the holders of all years",
            "council",
            rows,
            _over_years(INTERIM),
            "#e8710a",
        ),
        _figure("Vacancy months, by council", "all roles and years", "council", rows, vacancy, "#c0392b"),
        _figure(
            "Turnover rate, by council", "changes of holder per role-year", "council", rows, rate, "#1f5fa8"
        ),
    )
