"""The SVG the pages draw: tenure Gantt charts, ego diagrams and the legend's shapes.

Each chart is drawn from a small tuple of plain values (`gantt_rows`, `ego_inputs`) rather than
from the view: a page's key is made of those values, so a rebuild draws (most of a page's work)
only the pages whose charts changed. Every text drawn goes through `markupsafe.escape`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from graph.pages.board import Bar, Row, frac_year
from graph.pages.view import KINDS, YEAR_MAX, YEAR_MIN, Node, Tenure, View, date_range, short

GanttRow = tuple[str, str | None, str | None, str | None, tuple[str, ...], bool, bool]


@dataclass(frozen=True, slots=True)
class _AxisStyle:
    """How a chart draws its years: where the grid lines start, their colour, and the labels' offset, baseline
    and size."""

    line_top: int
    stroke: str
    label_dx: int
    label_y: int
    font_size: str


_GANTT_AXIS = _AxisStyle(18, "#ddd", 2, 13, "10")
_BOARD_AXIS = _AxisStyle(16, "#e2e2e2", 3, 12, "10.5")


def _year_axis(
    cls: str, width: int, height: float, years: range, x: Callable[[float], float], style: _AxisStyle
) -> list[str]:
    """An SVG's opening tag and its year grid: a line at each year, the year's label after it (none after the
    last line, which closes the span)."""
    parts = [
        f'<svg class="{cls}" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for yr in years:
        parts.append(
            f'<line x1="{x(yr):.1f}" y1="{style.line_top}" x2="{x(yr):.1f}" y2="{height}" stroke="{style.stroke}"/>'
        )
        if yr < years[-1]:
            parts.append(
                f'<text x="{x(yr) + style.label_dx:.1f}" y="{style.label_y}" font-size="{style.font_size}" '
                f'fill="#555">{yr}</text>'
            )
    return parts


def gantt_rows(v: View, rows: list[Tenure]) -> tuple[GanttRow, ...]:
    """All a post's chart shows of its tenures: per row the holder's label and page, start, end,
    attested dates, interim and stated. A page's key is made of these, not of the drawn SVG."""
    return tuple(
        (
            v.nodes[t.person].label,
            v.nodes[t.person].page,
            t.start,
            t.end,
            tuple(t.attested),
            t.interim,
            t.stated,
        )
        for t in rows
    )


def gantt_axis(charts: list[tuple[GanttRow, ...]]) -> tuple[int, int]:
    """One axis for many charts: the whole years their dates fall in."""
    known = [
        y
        for rows in charts
        for _l, _p, start, end, attested, _i, _s in rows
        for y in (frac_year(start), frac_year(end, end=True), *(frac_year(a) for a in attested))
        if y is not None
    ]
    if not known:
        return YEAR_MIN, YEAR_MAX + 1
    return math.floor(min(known)), max(math.ceil(max(known) + 0.25), math.floor(min(known)) + 3)


def draw_gantt(
    rows: tuple[GanttRow, ...], *, link_prefix: str = "../", axis: tuple[int, int] | None = None
) -> Markup:
    """Who held a post when, from its `gantt_rows` alone: a bar per Membership; solid where a
    start/end is stated, pale and dashed where it was inferred or only attested dates bound it;
    interim bars orange and labelled."""
    if not rows:
        return Markup("")
    spans = []
    for _label, _page, start, end, attested, _interim, row_stated in rows:
        s, e = frac_year(start), frac_year(end, end=True)
        att = [x for x in (frac_year(a) for a in attested) if x is not None]
        stated = (s is not None or e is not None) and row_stated
        lo = s if s is not None else (min(att) if att else e)
        hi = e if e is not None else (max(att) + 1 / 12 if att else (s + 0.25 if s is not None else None))
        spans.append((lo, hi, stated, att))
    known = [x for sp in spans for x in sp[:2] if x is not None]
    y0, y1 = axis or (math.floor(min([YEAR_MIN, *known])), math.ceil(max([YEAR_MAX + 1, *known])))
    label_w, width, row_h = 210, 900, 22
    plot_w = width - label_w - 10
    height = 30 + row_h * len(rows)

    def x(year: float) -> float:
        return label_w + (year - y0) / (y1 - y0) * plot_w

    parts = _year_axis("gantt", width, height, range(y0, y1 + 1), x, _GANTT_AXIS)
    order = sorted(
        range(len(rows)), key=lambda i: (spans[i][0] if spans[i][0] is not None else 9999, rows[i][0])
    )
    for row, i in enumerate(order):
        (person_label, person_page, start, end, attested, interim, _stated), (lo, hi, stated, att) = (
            rows[i],
            spans[i],
        )
        top = 22 + row * row_h
        name = escape(short(person_label, 32))
        label = f'<text x="4" y="{top + 14}" font-size="12">{name}</text>'
        if person_page:
            label = f'<a href="{escape(link_prefix + person_page)}">{label}</a>'
        parts.append(label)
        tip = escape(
            f"{person_label}: {date_range(start, end) or 'dates not stated'}"
            + (f"; attested {', '.join(attested)}" if attested else "")
            + ("; interim" if interim else "")
        )
        if lo is not None and hi is not None:
            colour = "#ff7f0e" if interim else "#1f77b4"
            style = (
                f'fill="{colour}"'
                if stated
                else f'fill="{colour}" fill-opacity="0.35" stroke="{colour}" stroke-dasharray="3,2"'
            )
            w = max(x(hi) - x(lo), 3)
            parts.append(
                f'<rect x="{x(lo):.1f}" y="{top + 3}" width="{w:.1f}" height="{row_h - 8}" {style}>'
                f"<title>{tip}</title></rect>"
            )
            if interim:
                parts.append(
                    f'<text x="{x(lo) + w + 4:.1f}" y="{top + 14}" font-size="11" fill="#b35900">'
                    "interim</text>"
                )
        else:
            parts.append(
                f'<text x="{label_w + 4}" y="{top + 14}" font-size="11" fill="#777">'
                f"no dates in the documents</text>"
            )
        for a in att:
            parts.append(f'<circle cx="{x(a):.1f}" cy="{top + row_h / 2 - 1:.1f}" r="2.5" fill="#222"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


EgoInputs = tuple[str, str, tuple[tuple[str, str, str | None], ...], int]


def ego_inputs(v: View, n: Node, max_neighbours: int = 30, first: tuple[int, ...] = ()) -> EgoInputs:
    """All a node's diagram shows: its kind and label, the kind, label and page of each neighbour
    drawn (`first`, a person's posts, then the first `max_neighbours` in the order of its facts),
    and how many more there are."""
    others: dict[int, None] = dict.fromkeys(first)
    for f in n.facts:
        if f.other is not None and f.other != n.index:
            others[f.other] = None
    drawn = tuple((v.nodes[o].kind, v.nodes[o].label, v.nodes[o].page) for o in list(others)[:max_neighbours])
    return n.kind, n.label, drawn, len(others) - len(drawn)


def draw_ego(inputs: EgoInputs, *, link_prefix: str = "../") -> Markup:
    """A node and its neighbours on a circle, from its `ego_inputs` alone."""
    kind, label, shown, more = inputs
    width, size, cx, cy, r = 960, 560, 480, 280, 210
    parts = [
        f'<svg class="ego" role="img" viewBox="0 0 {width} {size}" width="{width}" height="{size}" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    coords = []
    for k, other in enumerate(shown):
        angle = 2 * math.pi * k / max(len(shown), 1) - math.pi / 2
        coords.append((other, cx + r * math.cos(angle), cy + r * math.sin(angle)))
    for _o, ox, oy in coords:
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{ox:.1f}" y2="{oy:.1f}" stroke="#bbb"/>')
    for (other_kind, other_label, other_page), ox, oy in coords:
        colour = KINDS[other_kind][1]
        anchor = "start" if ox >= cx + 5 else "end" if ox <= cx - 5 else "middle"
        dx = 9 if anchor == "start" else -9 if anchor == "end" else 0
        item = (
            f'<circle cx="{ox:.1f}" cy="{oy:.1f}" r="7" fill="{colour}"><title>{escape(other_label)}</title>'
            f'</circle><text x="{ox + dx:.1f}" y="{oy + 4:.1f}" font-size="11" text-anchor="{anchor}">'
            f"{escape(short(other_label, 30))}</text>"
        )
        if other_page:
            item = f'<a href="{escape(link_prefix + other_page)}">{item}</a>'
        parts.append(item)
    parts.append(
        f'<circle cx="{cx}" cy="{cy}" r="12" fill="{KINDS[kind][1]}"/>'
        f'<text x="{cx}" y="{cy - 18}" font-size="14" font-weight="bold" text-anchor="middle">'
        f"{escape(short(label, 50))}</text>"
    )
    if more:
        parts.append(
            f'<text x="8" y="{size - 8}" font-size="11" fill="#555">and {more} more (see the table)</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def legend_svg(kind: str) -> Markup:
    colour, shape = KINDS[kind][1], KINDS[kind][2]
    shapes = {
        "dot": '<circle cx="8" cy="8" r="6"/>',
        "square": '<rect x="2" y="2" width="12" height="12"/>',
        "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
        "triangle": '<polygon points="8,1 15,14 1,14"/>',
        "star": '<polygon points="8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6"/>',
        "triangleDown": '<polygon points="1,2 15,2 8,15"/>',
        "hexagon": '<polygon points="4,1 12,1 15,8 12,15 4,15 1,8"/>',
    }
    return Markup(
        f'<svg width="16" height="16" aria-hidden="true"><g fill="{colour}">{shapes[shape]}</g></svg>'
    )


BOARD_WIDTH, BOARD_LABEL_W, BOARD_LANE_H = 1180, 300, 20


def _text_w(text: str) -> float:
    return min(len(text), 44) * 6.4


def _lanes(bars: tuple[Bar, ...], px_per_year: float) -> list[int]:
    """Each bar's lane in its row: the first lane free from its start (with room for its name)."""
    ends: list[float] = []
    lanes = []
    for b in bars:
        wide = (b[4] - b[3]) * px_per_year >= _text_w(b[0]) + 8  # its name fits inside
        room = b[4] if wide else b[4] + (_text_w(b[0]) + 60) / px_per_year
        free = next((k for k, e in enumerate(ends) if e <= b[3]), None)
        if free is None:
            ends.append(0.0)
            free = len(ends) - 1
        ends[free] = max(b[4], room)
        lanes.append(free)
    return lanes


def _board_bar(b: Bar, x: Callable[[float], float], top: float, tail_to: float, link_prefix: str) -> str:
    """A holder's bar, its name inside it (or beside) and a dotted tail while no end is known; a
    link to the holder's page, its tooltip the post, the dates and the sentence it was read from."""
    person, page, post, lo, hi, open_end, interim, stated, evidence = b
    colour = "#e8710a" if interim else "#1f5fa8"
    style = (
        f'fill="{colour}"'
        if stated
        else f'fill="{colour}" fill-opacity="0.3" stroke="{colour}" stroke-dasharray="4,2"'
    )
    w = max(x(hi) - x(lo), 4)
    when = f"{lo:.0f}" if open_end else f"{lo:.0f}–{hi:.0f}"
    tip = escape(
        f"{person}: {post}{' (interim)' if interim else ''}, {'from ' if open_end else ''}{when}"
        f"{'' if stated else ' (dates inferred or attested only)'}" + (f'\n"{evidence}"' if evidence else "")
    )
    mid = top + BOARD_LANE_H / 2 - 1
    parts = [
        f'<rect class="bar" x="{x(lo):.1f}" y="{top + 2:.1f}" width="{w:.1f}" height="{BOARD_LANE_H - 6}" {style}/>'
    ]
    name = short(person, 34) + (" · interim" if interim else "")
    text_w = _text_w(name)
    if w >= text_w + 8:  # inside the bar
        tx, anchor, fill, text_end = x(lo) + 4, "start", "#fff" if stated else "#123", x(lo) + w
    elif x(lo) + w + 8 + text_w <= BOARD_WIDTH:  # after it
        tx, anchor, fill, text_end = x(lo) + w + 4, "start", "#222", x(lo) + w + 8 + text_w
    else:  # before it, at the right edge
        tx, anchor, fill, text_end = x(lo) - 4, "end", "#222", x(lo) + w
    parts.append(
        f'<text x="{tx:.1f}" y="{top + 13:.1f}" font-size="11.5" text-anchor="{anchor}" fill="{fill}">'
        f"{escape(name)}</text>"
    )
    if open_end and x(tail_to) > text_end + 6:
        parts.append(
            f'<line x1="{text_end + 2:.1f}" y1="{mid:.1f}" x2="{x(tail_to):.1f}" y2="{mid:.1f}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="1,3"/>'
        )
    inner = f"<title>{tip}</title>" + "".join(parts)
    if page:
        return f'<a class="holder" href="{escape(link_prefix + page)}">{inner}</a>'
    return f'<g class="holder">{inner}</g>'


def draw_board_section(rows: tuple[Row, ...], axis: tuple[int, int], *, link_prefix: str = "") -> Markup:
    """A board section: a row per role on the board's axis, the holders as bars in start order
    (overlapping holders in lanes), the gaps between one holder's last date and the next one's
    start hatched."""
    y0, y1 = axis
    plot_w = BOARD_WIDTH - BOARD_LABEL_W - 10
    px = plot_w / max(y1 - y0, 1)

    def x(year: float) -> float:
        return BOARD_LABEL_W + (min(max(year, y0), y1) - y0) * px

    lanes = [_lanes(bars, px) for _h, _p, bars in rows]
    heights = [(max(ls) + 1) * BOARD_LANE_H + 6 for ls in lanes]
    height = 22 + sum(heights)
    parts = _year_axis("board", BOARD_WIDTH, height, range(y0, y1 + 1), x, _BOARD_AXIS)
    top = 20.0
    for (heading, page, bars), row_lanes, h in zip(rows, lanes, heights, strict=True):
        parts.append(
            f'<rect x="0" y="{top:.1f}" width="{BOARD_WIDTH}" height="{h}" fill="#f7f9fb" class="row-bg"/>'
        )
        label = f'<text x="6" y="{top + 15:.1f}" font-size="12.5" font-weight="600">{escape(short(heading, 44))}</text>'
        parts.append(f'<a href="{escape(link_prefix + page)}">{label}</a>' if page else label)
        parts.extend(_gaps(bars, x, top + h - 4))
        for k, b in enumerate(bars):
            later = [o[3] for o in bars[k + 1 :] if o[3] > b[4]]
            parts.append(
                _board_bar(b, x, top + 3 + row_lanes[k] * BOARD_LANE_H, min(later, default=y1), link_prefix)
            )
        top += h
        parts.append(
            f'<line x1="0" y1="{top:.1f}" x2="{BOARD_WIDTH}" y2="{top:.1f}" stroke="#fff" stroke-width="2"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _gaps(bars: tuple[Bar, ...], x: Callable[[float], float], y: float) -> list[str]:
    """A red line under each stretch of a row no holder's known dates cover (between one holder's
    end and the next one's start, both stated), titled with the years."""
    parts, covered = [], None
    for b in bars:
        if covered is not None and b[3] - covered > 1 / 12:
            parts.append(
                f'<line class="gap" x1="{x(covered):.1f}" y1="{y:.1f}" x2="{x(b[3]):.1f}" y2="{y:.1f}" '
                f'stroke="#c0392b" stroke-width="3" stroke-dasharray="2,2"><title>no holder known '
                f"{covered:.1f}–{b[3]:.1f}</title></line>"
            )
        if not b[5]:
            covered = max(covered or b[4], b[4])
        else:
            covered = None
    return parts
