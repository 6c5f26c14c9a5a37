"""Actions: planned actions with their owners and timescales, from action-plan tables.

A governance action plan or improvement plan is a table whose header names an action
column and an owner column ("Owner (see key at end)", "Person/Forums", "Lead"), often a
timescale and a progress column. Owners are names, initials explained by a key
("RB = Richard Ball, Assistant Director ..."), job titles or bodies.
"""

from __future__ import annotations

import re

from extract.mentions import find_bodies
from extract.names import clean_name, not_name_words
from extract.records import ActionFact
from extract.segment import Line, Segmented

_ACTION_COL = re.compile(r"^(?:actions?(?: we will take| required| to be taken)?|what we will do|management action)$", re.I)
_OWNER_COL = re.compile(r"^(?:owners?|person/forums?|lead(?: officer)?s?|responsible(?: officer)?|"
                        r"responsibility|who|accountable).*", re.I)
_TIME_COL = re.compile(r"^(?:timescales?|deadline|by when|due(?: date)?|target date|completion date|when|date)\b",
                       re.I)
_STATUS_COL = re.compile(r"^(?:progress(?: update)?|status|rag|update)\b", re.I)
_KEY = re.compile(r"^\s*(?P<acr>[A-Z]{2,4})\s*[=:\u2013-]\s*(?P<name>[A-Z][^,\n]+?)\s*(?:,|$)", re.M)
_ITEM_PREFIX = re.compile(r"^\s*(?:[a-z]\)|\([a-z]\)|\d+[.)]|[\u2022\u00b7\-*])\s*")
_PLAN_LINE = re.compile(r"[A-Z][^\n]{0,120}\b(?:[Aa]ction [Pp]lan|Improvement Plan|Delivery Plan)\b[^\n]{0,60}")
_NAME_RUN = re.compile(r"[A-Z][a-z'\u2019]+(?:[ -][A-Z][a-z'\u2019]+)+")


def _header(line: Line) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, cell in enumerate(line.cells):
        c = re.sub(r"\(.*?\)", "", cell).strip()
        if "action" not in cols and _ACTION_COL.match(c):
            cols["action"] = i
        elif "owner" not in cols and _OWNER_COL.match(c):
            cols["owner"] = i
        elif "time" not in cols and _TIME_COL.match(c):
            cols["time"] = i
        elif "status" not in cols and _STATUS_COL.match(c):
            cols["status"] = i
    return cols if "action" in cols and "owner" in cols else None


def _owners(cell: str, key: dict[str, str]) -> tuple[str, ...]:
    cell = " ".join(cell.split())
    if not cell:
        return ()
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|;|&|\band\b)\s*", cell) if p.strip()]
    if parts and all(p in key for p in parts):
        return tuple(key[p] for p in parts)
    names: list[str] = []
    for m in _NAME_RUN.finditer(cell):
        tokens = m.group(0).split()
        # a run may end in a body's words ("Rachel Gillott Workforce Board"): keep the name part
        kept: list[str] = []
        for t in tokens:
            if t.lower() in not_name_words():
                break
            kept.append(t)
        while len(kept) >= 2:
            name = clean_name(" ".join(kept[:2]))
            if name:
                names.append(name)
            kept = kept[2:]
    for acr in re.findall(r"\b[A-Z]{2,4}\b", cell):
        if acr in key and key[acr] not in names:
            names.append(key[acr])
    if names:
        return tuple(dict.fromkeys(names))
    bodies = [b.name for b in find_bodies(cell)]
    if bodies:
        return tuple(dict.fromkeys(bodies))
    return (cell,) if len(cell) < 80 else ()


def _plan_name(seg: Segmented, offset: int) -> str | None:
    best = None
    for m in _PLAN_LINE.finditer(seg.text, 0, offset):
        best = m.group(0).strip()
    if best and len(best) < 150:
        return best
    return seg.document.title


def actions(seg: Segmented) -> list[ActionFact]:
    key = {m.group("acr"): n for m in _KEY.finditer(seg.text) if (n := clean_name(m.group("name")))}
    out: list[ActionFact] = []
    cols: dict[str, int] | None = None
    rows: list[tuple[Line, list[str]]] = []

    def flush() -> None:
        for line, cells in rows:
            action = _ITEM_PREFIX.sub("", cells[cols["action"]]).strip() if cols else ""
            if len(action) < 10 or not cols:
                continue
            owner_cell = cells[cols["owner"]] if cols["owner"] < len(cells) else ""
            time = cells[cols["time"]].strip() if "time" in cols and cols["time"] < len(cells) else ""
            status = cells[cols["status"]].strip() if "status" in cols and cols["status"] < len(cells) else ""
            start = line.start + line.text.find(cells[cols["action"]].strip()[:20])
            out.append(ActionFact(text=" ".join(action.split()), owners=_owners(owner_cell, key),
                                  timescale=" ".join(time.split()) or None, status=" ".join(status.split())[:300] or None,
                                  plan=_plan_name(seg, line.start),
                                  evidence=seg.evidence(start, line.end, "action.table-row")))
        rows.clear()

    for line in seg.lines:
        if "\t" not in line.text:
            if cols and line.text.strip() and not rows:
                continue
            continue
        header = _header(line)
        if header:
            flush()
            cols = header
            continue
        if not cols:
            continue
        cells = line.cells
        if cols["action"] >= len(cells):
            continue
        action_cell = cells[cols["action"]].strip()
        if action_cell:
            rows.append((line, cells))
        elif rows:
            # a continuation row (page break inside a cell): append to the row above
            prev_line, prev = rows[-1]
            merged = [(a + " " + b).strip() if i != cols["action"] else a
                      for i, (a, b) in enumerate(zip(prev + [""] * (len(cells) - len(prev)),
                                                     cells + [""] * (len(prev) - len(cells)), strict=True))]
            rows[-1] = (prev_line, merged)
    flush()
    return out
