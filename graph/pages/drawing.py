"""The SVG the pages draw: tenure Gantt charts, ego diagrams and the legend's shapes.

Each chart is drawn from a small tuple of plain values (`gantt_rows`, `ego_inputs`) rather than
from the view: a page's key is made of those values, so a rebuild draws (most of a page's work)
only the pages whose charts changed. Every text drawn goes through `markupsafe.escape`.
"""

from __future__ import annotations

import math
import re
from datetime import date

from markupsafe import Markup, escape

from graph.pages.view import KINDS, YEAR_MAX, YEAR_MIN, Node, Tenure, View, date_range, short


def _frac_year(value: str | None, end: bool = False) -> float | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
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


GanttRow = tuple[str, str | None, str | None, str | None, tuple[str, ...], bool, bool]


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


def draw_gantt(rows: tuple[GanttRow, ...], *, link_prefix: str = "../") -> Markup:
    """Who held a post when, from its `gantt_rows` alone: a bar per Membership; solid where a
    start/end is stated, pale and dashed where it was inferred or only attested dates bound it;
    interim bars orange and labelled."""
    if not rows:
        return Markup("")
    spans = []
    for _label, _page, start, end, attested, _interim, row_stated in rows:
        s, e = _frac_year(start), _frac_year(end, end=True)
        att = [x for x in (_frac_year(a) for a in attested) if x is not None]
        stated = (s is not None or e is not None) and row_stated
        lo = s if s is not None else (min(att) if att else e)
        hi = e if e is not None else (max(att) + 1 / 12 if att else (s + 0.25 if s is not None else None))
        spans.append((lo, hi, stated, att))
    known = [x for sp in spans for x in sp[:2] if x is not None]
    y0 = math.floor(min([YEAR_MIN, *known]))
    y1 = math.ceil(max([YEAR_MAX + 1, *known]))
    label_w, width, row_h = 210, 900, 22
    plot_w = width - label_w - 10
    height = 30 + row_h * len(rows)

    def x(year: float) -> float:
        return label_w + (year - y0) / (y1 - y0) * plot_w

    parts = [
        f'<svg class="gantt" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for yr in range(y0, y1 + 1):
        parts.append(f'<line x1="{x(yr):.1f}" y1="18" x2="{x(yr):.1f}" y2="{height}" stroke="#ddd"/>')
        if yr < y1:
            parts.append(f'<text x="{x(yr) + 2:.1f}" y="13" font-size="10" fill="#555">{yr}</text>')
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


def ego_inputs(v: View, n: Node, max_neighbours: int = 30) -> EgoInputs:
    """All a node's diagram shows: its kind and label, the kind, label and page of each neighbour
    drawn (the first `max_neighbours` in the order of its facts), and how many more there are."""
    others: dict[int, None] = {}
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
