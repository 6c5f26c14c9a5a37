"""Actions: planned actions with their owners and timescales, from action-plan tables and from resolutions that
give an officer or a member authority to act.

A governance action plan or improvement plan is a table whose header names an action
column and an owner column ("Owner (see key at end)", "Person/Forums", "Lead"), often a
timescale and a progress column. Owners are names, initials explained by a key
("RB = Richard Ball, Assistant Director ..."), job titles or bodies.

How a table is read:
- a table starts at a header row (tab-separated cells) naming an action and an owner column;
  it ends at a line of running text, or at a blank line that is not followed by more rows
  of the same table (a page break repeats the header, or simply carries on);
- a row with action text but no owner, timescale or progress belongs to the row above
  (a cell broken over a page, "... currently covered" / "by interim arrangements.");
- a row whose action cell is empty gives its owner/timescale to the next item of the row above
  that holds several lettered items in one cell ("a) ... b) ...");
- rows that are section captions ("Ofsted Recommendation 2", "Principle 3: ...") have no owner
  and are not followed by owned rows: they are not actions.

A resolution that delegates authority ("(b) Authority be delegated to the corporate director ..., following
consultation with the cabinet member, to award the contract", "The Director ..., in consultation with ..., be given
delegated authority to procure ...", "e) Delegate authority to the Leader to make ...", "that the Deputy Chief
Executive ... be authorised to award ...") names something to be done and who is to do it: a reader writes it down
as an action owned by the office given the authority. Only a resolution's own item is read (the words open the line,
after its number and "That"), so "the Monitoring Officer had delegated authority" in a report, or "Members are asked
to ... and delegate authority to ..." is not; the wordings are `patterns/actions.jsonl`, each with an example a test
runs. The action is the words from the verb to the end of the item, less bracketed asides (an address, a company
number, an appendix); the owner is the office before its consultation clause.

The rules are `RULES` (the table row, the delegated authority); their examples are in
`patterns/actions_examples.jsonl`, and a test runs them.
"""

from __future__ import annotations

import bisect
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from extract.mentions import BodyMention, find_bodies
from extract.names import clean_name, not_name_words
from extract.records import ActionFact
from extract.rules import Rule
from extract.segment import Line, Segmented

_ACTION_COL = re.compile(
    r"^(?:(?:key |planned |improvement |agreed |management |recommended |proposed )?actions?"
    r"(?: we will take| required| to be taken| planned| agreed)?|what we will do|"
    r"what will we do|what we will do next|tasks?|activity|activities)$",
    re.I,
)
_OWNER_COL = re.compile(
    r"^(?:(?:action )?owners?(?: see key.*)?|persons?/forums?|persons?|"
    r"lead(?: officers?| persons?| members?| responsibility| by)?|leads|responsible(?: officers?| persons?)?|"
    r"responsibility|who|who is responsible|accountable(?: officer)?|by whom)"
    r"(?: responsible| lead| accountable)?$",
    re.I,
)
_TIME_COL = re.compile(
    r"^(?:timescales?|timeframe|timeline|deadline|by when|when|due(?: date)?|target(?: date)?|"
    r"completion(?: date)?|target completion date|date(?: due)?|delivery date)$",
    re.I,
)
_STATUS_COL = re.compile(
    r"^(?:progress(?: update| to date| made)?|status|rag(?: status| rating)?|update|comments?)$", re.I
)
_KEY = re.compile(
    r"^[ \t*\u2022-]*(?P<acr>[A-Z]{2,5})[ \t]*(?:=|:|\u2013|-|\t)[ \t]*(?P<name>[A-Z][^,(\t\n]+?)"
    r"[ \t]*(?:,|\(|\t|$)",
    re.M,
)
_ACRONYM_DEF = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019&]*(?: (?:and|of|for|the|&) | |$)){1,12}?)\s*"
    r"\((?P<acr>[A-Z][A-Za-z&]{1,7})\)$"
)
_ITEM_PREFIX = re.compile(r"^\s*(?:[a-z]\)|\([a-z]\)|\([ivx]+\)|\d+[.)]|[\u2022\u00b7\-*\u2013])\s*")
_LETTERED = re.compile(r"(?:(?<=\s)|^)(?:[a-z]\)|\([a-z]\))\s+")
_TAGS = re.compile(r"<[^>]{0,200}>")
_PLAN_LINE = re.compile(
    r"^[ #*]*(?P<name>[A-Z][^\n\t|]{0,120}\b(?:[Aa]ction [Pp]lan|[Ii]mprovement [Pp]lan|"
    r"[Dd]elivery [Pp]lan)\b[^\n\t|.]{0,60})$",
    re.M,
)
_TOKEN = r"(?:Mc|Mac|O')?[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?"
_NAME_RUN = re.compile(
    r"\b(?:(?P<hon>Cllr|Councillor|HHJ|Judge|Dr|Mr|Mrs|Ms|Miss)\.? (?P<sur>" + _TOKEN + r")(?! [A-Z][a-z])|"
    r"[A-Z]\.? ?" + _TOKEN + r"(?! [A-Z][a-z])|" + _TOKEN + r"(?: " + _TOKEN + r")+)"
)
_GROUP_WORDS = frozenset(
    {
        "partners",
        "partner",
        "partnership",
        "partnerships",
        "board",
        "group",
        "team",
        "teams",
        "leadership",
        "services",
        "service",
        "panel",
        "forum",
        "network",
        "providers",
        "managers",
    }
)
_INTO_BODY = re.compile(r" (?:[A-Z][a-z]+ )*(?i:partnership|board|group|panel|forum|network|committee)\b")
_RULE_ROW = re.compile(r"^[\s|:\-+=_]*$")


def _plain(cell: str) -> str:
    """A cell's text without the HTML a converter left in it."""
    text = html.unescape(_TAGS.sub(" ", cell))
    return " ".join(text.replace("\u2022", " ").split())


def _cells(line: Line) -> list[str]:
    """A row's cells: tab-separated, or a pipe table's "| a | b |"."""
    if "\t" in line.text:
        return line.cells
    text = line.text.strip()
    if text.startswith("|") and text.count("|") >= 3:
        return [c.strip() for c in text.strip("|").split("|")]
    return []


def _header(line: Line) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, cell in enumerate(_cells(line)):
        c = " ".join(re.sub(r"\(.*?\)|\*", "", _plain(cell)).split()).strip(" :")
        if "action" not in cols and _ACTION_COL.match(c):
            cols["action"] = i
        elif "owner" not in cols and _OWNER_COL.match(c):
            cols["owner"] = i
        elif "time" not in cols and _TIME_COL.match(c):
            cols["time"] = i
        elif "status" not in cols and _STATUS_COL.match(c):
            cols["status"] = i
    return cols if "action" in cols and "owner" in cols else None


def _acronyms(text: str) -> dict[str, str]:
    """ "Herefordshire Safeguarding Children Partnership (HSCP)" -> {"HSCP": "..."} for the whole document."""
    out: dict[str, str] = {}
    for p in re.finditer(r"\([A-Z][A-Za-z&]{1,7}\)", text):
        m = _ACRONYM_DEF.search(text[max(0, p.start() - 160) : p.end()])  # the words just before "(HSCP)"
        if not m:
            continue
        acr, words = m.group("acr"), m.group("name").split()
        letters = [c for c in acr if c.isupper()]
        # keep the trailing words whose initials spell the acronym ("... Children's Partnership (HSCP)")
        caps = [w for w in words if w[0].isupper()]
        if len(caps) < len(letters) or len(letters) < 2:
            continue
        tail = caps[-len(letters) :]
        if [w[0] for w in tail] != letters:
            continue
        first = words.index(tail[0], max(0, len(words) - 2 * len(letters) - 2))
        name = " ".join(words[first:])
        out.setdefault(acr, name)
    return out


@lru_cache(maxsize=4096)
def _stands_alone(name: str, text: str) -> bool:
    """Whether `name` occurs in the document not run into further capitalised words: a person's
    name does ("Rachel Gillott\tSept 24"); the first words of a body's name do not ("Domestic Abuse ...")."""
    for m in re.finditer(re.escape(name), text):
        if re.match(r"\s*(?:[\t\n,;/()]|[-\u2013] |$)", text[m.end() : m.end() + 3]):
            return True
    return False


def _expand(token: str, text: str, acronyms: dict[str, str]) -> str | None:
    """An abbreviation the document spells out: by a definition "(HSCP)", or by a capitalised
    phrase whose initials give it ("Q&E" -> "Quality and Effectiveness")."""
    return acronyms[token] if token in acronyms else _spelt_out(token, text)


@lru_cache(maxsize=4096)
def _spelt_out(token: str, text: str) -> str | None:
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return None
    rx = r"\b" + r"(?:\s+(?:and|of|for|&)\s+|\s+)".join(c + r"[a-z]+" for c in letters) + r"\b"
    m = re.search(rx, text)
    return m.group(0) if m else None


def _full_name(owner: str, acronyms: dict[str, str]) -> str:
    """A body named short ("Safeguarding Partnership") by the one full name the document defines
    that holds all its words ("Herefordshire Safeguarding Children Partnership (HSCP)")."""
    words = set(re.sub(r"'s\b", "", owner.lower()).split())
    if len(words) < 2:
        return owner
    fits = {n for n in acronyms.values() if words < set(re.sub(r"'s\b", "", n.lower()).split())}
    return fits.pop() if len(fits) == 1 else owner


def _owners(cell: str, key: dict[str, str], acronyms: dict[str, str], text: str = "") -> tuple[str, ...]:
    owners = _named_owners(cell, key, acronyms, text)
    return tuple(dict.fromkeys(_full_name(o, acronyms) for o in owners))


def _named_owners(
    cell: str, key: dict[str, str], acronyms: dict[str, str], text: str = ""
) -> tuple[str, ...]:
    cell = _plain(cell)
    if not cell:
        return ()
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|;|&|\band\b)\s*", cell) if p.strip()]
    if parts and all(p in key for p in parts):
        return tuple(dict.fromkeys(key[p] for p in parts))
    bodies = find_bodies(cell)
    names = _people_in(cell, text)
    for acr in re.findall(r"\b[A-Z]{2,4}\b", cell):
        if acr in key and key[acr] not in names:
            names.append(key[acr])
    if names:
        return tuple(dict.fromkeys(names))
    return _bodies_or_offices(cell, bodies, acronyms, text)


def _people_in(cell: str, text: str) -> list[str]:
    """The people a cell names: a surname after an honorific, or a run of capitalised words cut into names
    at the words that are never names, without the first words of a body's name."""
    names: list[str] = []
    for m in _NAME_RUN.finditer(cell):
        if m.group("hon"):
            names.append(m.group("sur"))
            continue
        tokens = m.group(0).split()
        # split the run at words that are never names ("Safeguarding Partners Tina Russell")
        segments: list[list[str]] = [[]]
        for t in tokens:
            if t.lower().strip(".") in not_name_words() or t.lower() in _GROUP_WORDS:
                segments.append([])
            else:
                segments[-1].append(t)
        for seg_tokens in segments:
            while len(seg_tokens) >= 2:
                name = clean_name(" ".join(seg_tokens[:2]))
                seg_tokens = seg_tokens[2:]
                if not name or any(c.isdigit() for c in name):
                    continue
                at = cell.find(name) + len(name)
                into_body = _INTO_BODY.match(cell[at:])
                if into_body and not _stands_alone(name, text):
                    continue
                names.append(name)
    return names


def _bodies_or_offices(
    cell: str, bodies: list[BodyMention], acronyms: dict[str, str], text: str
) -> tuple[str, ...]:
    """No person: the bodies or offices a cell names, with their abbreviations spelt out."""
    paren = re.search(r"\(([A-Z][A-Za-z&]{1,7})\)", cell)
    if paren and paren.group(1) in acronyms:
        return (acronyms[paren.group(1)],)
    if bodies and sum(b.end - b.start for b in bodies) >= 0.6 * len(cell):
        return tuple(dict.fromkeys(b.name for b in bodies))
    owners: list[str] = []
    for part in re.split(r"\s*(?:/|(?<![A-Z])&(?![A-Z])|,|;|\s[-\u2013]\s|\band\b)\s*", cell):
        part = part.strip(" .")
        if len(part) < 2:
            continue
        if part in acronyms:
            owners.append(acronyms[part])
            continue
        expanded = re.sub(
            r"\b[A-Z][A-Za-z]*&?[A-Z]\b(?= [a-z])",
            lambda m: _expand(m.group(0), text, acronyms) or m.group(0),
            part,
        )
        found = [b.name for b in find_bodies(expanded)]
        if found and sum(len(b) for b in found) >= 0.6 * len(expanded):
            owners.extend(found)
        elif len(expanded) < 80:
            owners.append(expanded)
    return tuple(dict.fromkeys(owners))


def _plans(seg: Segmented) -> list[tuple[int, str]]:
    """Every line that names a plan ("... Improvement Plan Phase 2"), with its offset."""
    out = []
    for m in _PLAN_LINE.finditer(seg.text):
        name = re.sub(r"^(?:Appendix|Annex)\s+\w+\s*[:\-\u2013]?\s*", "", m.group("name").strip(" *#"))
        name = re.sub(r"\s*[:\-\u2013]\s*[A-Z][a-z]{2,8}\.? \d{2,4}$", "", name)  # "...: July 24"
        if len(name) < 150:
            out.append((m.start(), name))
    return out


def _plan_name(seg: Segmented, plans: list[tuple[int, str]], offset: int) -> str | None:
    """The plan named last above `offset`, else the document's title."""
    i = bisect.bisect_right(plans, (offset, "")) - 1
    return plans[i][1] if i >= 0 else seg.document.title


def _split_items(cell: str) -> list[str]:
    """One action cell may hold several lettered actions: "<p>a) ...</p> <p>b) ...</p>"."""
    text = _plain(cell)
    starts = [m.start() for m in _LETTERED.finditer(text)]
    if len(starts) < 2 or starts[0] != 0:
        return [text]
    return [text[s:e].strip() for s, e in zip(starts, starts[1:] + [len(text)], strict=True)]


@dataclass
class _Row:
    line: Line
    cells: list[str]
    extra: list[tuple[str, str, str]] = field(default_factory=list)  # (owner, time, status) of later items


def _cell(cells: list[str], cols: dict[str, int], name: str) -> str:
    i = cols.get(name)
    return cells[i] if i is not None and i < len(cells) else ""


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the whole document says that every row's owners are read with: the key of initials ("RB = Richard
    Ball"), the acronyms it defines, and the plans it names."""

    key: dict[str, str]
    acronyms: dict[str, str]
    plans: list[tuple[int, str]]


class _Table:
    """The action table being read, row by row: its columns, its owned rows, and the ownerless rows after a gap
    (kept only if owned rows follow)."""

    def __init__(self, seg: Segmented, reading: _Reading) -> None:
        self.seg = seg
        self.reading = reading
        self.cols: dict[str, int] | None = None
        self.rows: list[_Row] = []
        self.pending: list[list[str]] = []
        self.gap = False
        self.out: list[ActionFact] = []

    def emit(self, row: _Row) -> None:
        cols, seg, r = self.cols, self.seg, self.reading
        assert cols is not None
        raw = row.cells[cols["action"]]
        details = [
            (
                _cell(row.cells, cols, "owner"),
                _cell(row.cells, cols, "time"),
                _cell(row.cells, cols, "status"),
            )
        ]
        details += row.extra
        for n, item in enumerate(_split_items(raw)):
            action = _ITEM_PREFIX.sub("", item).strip()
            if len(action) < 10 or not re.search(r"[a-z]{3}", action):
                continue
            owner, time, status = details[n] if n < len(details) and details[n][0].strip() else details[0]
            owners = _owners(owner, r.key, r.acronyms, seg.text)
            if not owners:
                continue
            anchor = raw.strip()[:20]
            start = row.line.start + max(0, row.line.text.find(anchor))
            self.out.append(
                ActionFact(
                    text=action,
                    owners=owners,
                    timescale=_plain(time) or None,
                    status=_plain(status)[:300] or None,
                    plan=_plan_name(seg, r.plans, row.line.start),
                    evidence=seg.evidence(start, row.line.end, "action.table-row"),
                )
            )

    def flush(self) -> None:
        for row in self.rows:
            self.emit(row)
        self.rows.clear()
        self.pending.clear()

    def merge(self, cells: list[str]) -> None:
        prev = self.rows[-1]
        width = max(len(prev.cells), len(cells))
        a = prev.cells + [""] * (width - len(prev.cells))
        b = cells + [""] * (width - len(cells))
        prev.cells = [(x + " " + y).strip() for x, y in zip(a, b, strict=True)]

    def line(self, line: Line) -> None:
        """One line of the document: it starts, continues or ends a table."""
        if not _cells(line):
            if not line.text.strip():
                self.gap = True
            elif self.cols is not None:  # running text: the table is over
                self.flush()
                self.cols = None
            return
        if _RULE_ROW.match(line.text.replace("\t", "")):
            return
        header = _header(line)
        if header:
            if self.cols is not None and header == self.cols:  # the header repeated after a page break
                self.gap = False
                return
            self.flush()
            self.cols, self.gap = header, False
            return
        if self.cols is not None:
            self.row(line, self.cols)

    def row(self, line: Line, cols: dict[str, int]) -> None:
        """A row of the table: an owned action, the rest of the row above, or a row held until owned rows follow."""
        cells = _cells(line)
        action_cell = _plain(_cell(cells, cols, "action"))
        owner_cell = _plain(_cell(cells, cols, "owner"))
        others = any(_plain(c) for i, c in enumerate(cells) if i != cols["action"])
        rows = self.rows
        if action_cell and owner_cell:
            if (
                self.gap and self.pending and rows
            ):  # ownerless rows between owned rows belong to the row above
                for p in self.pending:
                    self.merge(p)
            self.pending.clear()
            rows.append(_Row(line, cells))
        elif action_cell and not self.gap and rows:
            # the rest of the row above, broken over a page or a line
            self.merge(cells)
        elif action_cell:
            self.pending.append(cells)
        elif rows and owner_cell:
            # no action text but an owner: it belongs to the next lettered item of the row above
            rows[-1].extra.append((owner_cell, _cell(cells, cols, "time"), _cell(cells, cols, "status")))
        elif rows and others:
            self.merge(cells)
        self.gap = False if action_cell and owner_cell else self.gap


def _table_rows(seg: Segmented) -> list[ActionFact]:
    """Every owned row of every action table, as the module docstring says tables are read."""
    key = {m.group("acr"): n for m in _KEY.finditer(seg.text) if (n := clean_name(m.group("name")))}
    table = _Table(seg, _Reading(key, _acronyms(seg.text), _plans(seg)))
    for line in seg.lines:
        table.line(line)
    table.flush()
    return table.out


@dataclass(frozen=True, slots=True)
class DelegationPattern:
    """A wording of `patterns/actions.jsonl`: a resolution's item giving `owner` authority to do `action`."""

    id: str
    rx: re.Pattern[str]
    example: str
    expect: dict[str, object]


@lru_cache(maxsize=1)
def delegation_patterns() -> tuple[DelegationPattern, ...]:
    """The wordings of a resolution that delegates authority, compiled (each opens with \\A: it is tried once a
    line, on the text from where the line's item opens)."""
    text = resources.files("extract").joinpath("patterns/actions.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return tuple(
        DelegationPattern(r["id"], re.compile(r["pattern"]), r["example"], r["expect"]) for r in rows
    )


# a resolution's item number and its "That": "(b)  ", "e)    ", "2.1 That ", "- that "
_ITEM_OPENING = re.compile(
    r"^[ \t>*|]*(?:(?:\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})[.)]|\((?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})\)|"
    r"[\u2022\u00b7*-])[ \t\u00a0]+)?(?:(?:That|that|THAT)[ \t:]+)?"
)
# where the thing to do ends: the item's sentence or clause ("...; and"), else the line
_ACTION_END = re.compile(r"(?<=[a-z0-9)\]'\u2019])\.(?=\s+[A-Z(]|\s*$)|;")
# the office before its consultation clause or a bracketed aside: "the Director of Adult Social Care (in her capacity
# as ...) and after consultation with the Leader" -> "Director of Adult Social Care"
_OWNER_END = re.compile(r",|\(|\b(?:and |or )?(?:in|after|following|upon) (?:prior )?consultation\b")


def _delegated_action(seg: Segmented, line: Line, pattern: DelegationPattern) -> ActionFact | None:
    """The action and its owner in one line's resolution item, if `pattern` reads it."""
    opening = _ITEM_OPENING.match(line.text)
    at = opening.end() if opening else 0
    m = pattern.rx.match(line.text[at:])  # the wordings open with \A: tried once a line, where its item opens
    if not m:
        return None
    owner = _OWNER_END.split(m.group("owner"), maxsplit=1)[0]
    owner = re.sub(r"^(?:[Tt]he|[Oo]ur|[Ii]ts)\s+", "", owner.strip())
    stop = _ACTION_END.search(line.text, at + m.start("action"))
    end = stop.start() + (1 if stop.group(0) == "." else 0) if stop else len(line.text.rstrip())
    action = re.sub(r"\s*\([^()\n]{0,200}\)", "", line.text[at + m.start("action") : end])
    action = " ".join(action.split()).rstrip(" .,;")
    if len(owner) < 3 or len(action.split()) < 3:
        return None
    return ActionFact(
        text=action[0].upper() + action[1:],
        owners=(owner,),
        evidence=seg.evidence(line.start + at, line.start + end, "action.delegated-authority"),
    )


def _delegations(seg: Segmented) -> list[ActionFact]:
    """Every resolution item that gives an office authority to act, read by the first wording that fits."""
    out = []
    for line in seg.lines:
        low = line.text.lower()
        if "\t" in line.text or ("authori" not in low and "power" not in low):
            continue
        fact = next((f for p in delegation_patterns() if (f := _delegated_action(seg, line, p))), None)
        if fact is not None:
            out.append(fact)
    return out


Read = Callable[[Segmented], list[ActionFact]]


RULES: tuple[Rule[Read], ...] = (
    Rule("action.table-row", _table_rows),
    Rule("action.delegated-authority", _delegations),
)


def actions(seg: Segmented) -> list[ActionFact]:
    """The actions every rule reads, in the order of the table."""
    return [fact for rule in RULES for fact in rule.read(seg)]
