"""Decisions: what a body or a decision maker resolved, recommended, noted or decided.

Read, in this order (a later reading of the same decision is dropped):
1. resolution blocks: a keyword ("RESOLVED: That ...", "Resolved that:", "RESOLVED \u2013 (i) that",
   "It was moved, seconded and RESOLVED that", "ORDERED that", "Decision:", "Council Resolved to:") with its
   text on the same line, as a paragraph, or as items below it; a keyword inside a line a converter flattened
   ("... seconded by Councillor B and RESOLVED That ...", "The Council Decided: to ..."); a motion carried on a
   vote that does not repeat it ("... moved that X." / "The motion was put to the vote and AGREED.");
2. decision records (ModernGov "Decision Maker:" pages and lists, forthcoming-decision lists):
   numbered decisions without a keyword, else the record's title and summary; the record gives
   the maker, the date (date of decision, date decided at a meeting, due date, or the record's
   date) and the kind (delegated when the maker is an officer or a single member, a
   recommendation when the decision is still to be taken) to every decision read inside it;
3. recommendation blocks of reports ("Recommendation(s)" then "That:" and items), dated by the
   meeting the report is for ("Meeting date: ..."); a forward plan's issue page (its summary, "Decision due:
   14 March 2013 by Cabinet");
4. the purpose line of an agenda item ("To approve ...", "To recommend ...");
5. loose "That ... be ..." resolutions in minutes whose keyword a converter lost;
6. sentences matching a pattern of `patterns/decisions.jsonl` (a body agreed/approved/noted,
   something approved by a body, a person appointed ...), less a lead-in that only reports them
   ("The Chair advised that ...").

A decision in a meeting's record is dated by that meeting; one whose sentence gives its own date
("agreed at the Improvement Board on 17th July 24") by that date. A decision announcing a list ("That the
Cabinet be confirmed as follows") takes the marked items below it as its words; a sentence a PDF wrapped over
lines is read whole.

The readings are the rules of `RULES`, in that order; the layout rules have an example each in
`patterns/decisions.jsonl` beside the sentence patterns (a test runs every example).
"""

from __future__ import annotations

import bisect
import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from extract.dates import MONTHS, find_dates
from extract.mentions import find_bodies
from extract.names import clean_name
from extract.records import DecisionFact, DecisionKind, PartialDate
from extract.rules import Rule
from extract.segment import Line, Segmented, header_tables

# --- patterns ------------------------------------------------------------------------------

_BODY = (
    r"(?P<body>(?:[Tt]he |[Ff]ull |[Aa]nnual )?(?:[A-Z][\w'\u2019&-]*,? (?:(?:and|of|for|&|the) ){0,2}){0,8}?"
    r"(?:Committee|Sub-Committee|Sub-committee|Board|Panel|Cabinet|Council|Group|Partnership|Executive|"
    r"Forum|Commission|Working Party)|[Tt]he (?:committee|sub-committee|board|panel|cabinet|council|group|"
    r"commission|forum|executive|meeting|working group)|[Cc]ouncil|[Cc]abinet|[Mm]embers|[Gg]roup [Ll]eaders|"
    # "Councillors agreed to ...", not "the Councillors appointed to the board"
    r"[Cc]ouncillors(?= (?:(?:also|then|have|had|unanimously) )*(?:agreed|decided|resolved|approved)\b)|"
    r"[Mm]anagement [Bb]oard|[Ss]crutiny)"
)
_BODYX = (
    r"(?P<body>(?:the |their |its |a |members of (?:the )?)?(?:full |[Cc]ouncil'?s |[A-Z]{2,6} and (?:the )?)?"
    r"(?:(?:[A-Z][\w'\u2019&-]*|and|of|for|&) ){0,10}?"
    r"(?:Committee|Sub-Committee|Board|Boards|Panel|Cabinet|Council|Group|Partnership|Executive|Forum|"
    r"Commission|council|cabinet|budget meeting|[Mm]anagement [Bb]oard|[Gg]roup [Ll]eaders|[A-Z]{2,6}\b|"
    r"[Ll]eaders))"
)


@dataclass(frozen=True, slots=True)
class SentencePattern:
    id: str
    kind: DecisionKind
    date: str  # "sentence": a date in the sentence wins; "meeting": the meeting's date
    rx: re.Pattern[str]
    unless_after: re.Pattern[str] | None  # no decision when the text before the match ends so ("if")
    example: str
    expect: str


@lru_cache(maxsize=1)
def sentence_patterns() -> tuple[SentencePattern, ...]:
    """The sentence patterns of `patterns/decisions.jsonl`, compiled ({BODY}, {BODYX} expanded); the file's
    other lines are the examples of the layout rules."""
    text = resources.files("extract").joinpath("patterns/decisions.jsonl").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        if "pattern" not in d:
            continue  # an example of a layout rule of `RULES`
        rx = re.compile(d["pattern"].replace("{BODY}", _BODY).replace("{BODYX}", _BODYX))
        unless = re.compile(d["unless_after"]) if d.get("unless_after") else None
        out.append(
            SentencePattern(
                d["id"], DecisionKind(d["kind"]), d["date"], rx, unless, d["example"], d["expect"]
            )
        )
    return tuple(out)


_KEYWORD = re.compile(
    r"(?:^[ \t>*_|#-]*|\bMinutes:[ \t]*)(?:\*\*)?(?:(?:[Aa]nd[ \t]+)?[Ii]t[ \t]+was[ \t]+(?:[\w,]+[ \t]+){0,6}?)?"
    r"(?:(?:The[ \t]+)?(?:COUNCIL|CABINET|COMMITTEE|Council|Cabinet|Committee|Panel|Board)[ \t]+(?=[A-Z]{5}|[A-Za-z]+(?:[ \t]+to)?[ \t]*:))?"
    r"(?:unanimously[ \t]+)?"
    r"(?P<kw>RESOLVED|Resolved|resolved|ORDERED|Ordered|AGREED|Agreed|DECIDED|Decided|DECISION|Decision)"
    r"(?:\*\*)?(?=[ \t]*(?:$|[:\u2013\u2014-]|\(|that\b|That\b|THAT\b|unanimously\b|accordingly\b|\*)|"
    r"(?<=RESOLVED|Resolved|resolved)[ \t]+to(?:[ \t]+[a-z]|[ \t]*:))"
    r"(?:[ \t]+(?:unanimously|accordingly))?[ \t]*(?:\*\*)?[ \t]*[:\u2013\u2014-]?[ \t\u00a0]*(?P<rest>.*)$",
    re.M,
)
_RECOMMEND_HEAD = re.compile(
    r"^[\s>*_#|-]*(?:Recommendations?(?:\s*\(s\))?|RECOMMENDATIONS?(?:\s*\(S\))?|Recommended|RECOMMENDED|"
    r"Proposed decisions?|The (?:committee|board|panel|cabinet|council|sub-committee) (?:is|are) "
    r"(?:asked|recommended|invited) to)(?:\*\*)?(?:[ \t]+to[ \t]+(?:the[ \t]+)?(?:[A-Z][\w']*[ \t]+){1,4}?)?"
    r"[ \t]*(?::|\u2013|-)?[ \t]*(?P<rest>(?:(?:that|That|THAT)\b.*)?)$"
)
_MARKER = re.compile(
    r"^[\s>|]*(?:[-*\u2022\u00b7\u25aa\u2013]\s+)?(?:\*\*)?(?P<m>\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})[.)](?!\d)|"
    r"\((?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})\)|[-*\u2022\u00b7\u25aa])[\s\u00a0]+(?:\*\*)?(?P<text>\S.*)$"
)
_ROMAN = re.compile(r"^\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)]", re.I)
_HEADING = re.compile(r"^\s*(?:\d{1,3}\.?\s+)?[A-Z][A-Z &',()/-]{3,}(?:\s*\(Pages?.*\))?\s*$")
# a record's list line: "22/07/2021 - Title ref: 8073    Recommendations Approved", the status after the title when
# no reference number comes between ("24/07/2017 - Trade Union Facilities    Recommendations Approved")
_RECORD_HEAD = re.compile(
    r"^[ \t]*(?P<d>\d{1,2}/\d{1,2}/\d{4})\s+-\s+(?P<title>.+?)(?:(?<=\S)\s++ref:\s*\d+.*|(?<=\S)[ \t]{2,}+"
    r"(?:Recommendations Approved|Approved|For Determination|Deferred|Rejected|Noted|Withdrawn|Item Called In)"
    r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*)?$",
    re.M,
)
_FIELD = re.compile(
    r"^[ \t]*(?P<k>Decision [Mm]aker|Lead officer|Report author|Date of decision|Decision due date|"
    r"Decided at meeting|Decision published|Notice of decision|Publication date|Effective from|"
    r"Decision status)[ \t]*:[ \t]*(?P<v>.*)$",
    re.M,
)
_TO_PURPOSE = re.compile(
    r"^\s*To (?:recommend|agree|approve|decide|endorse|adopt|determine|authorise|ratify)\b"
)
_THAT_RESOLUTION = re.compile(
    r"^(?:That|THAT)\s+(?:the |Councillor |Cllr |a |an |this |[A-Z])[^\t]{5,}?"
    r"\b(?:be|is|are|notes|agrees|approves|endorses|recommends|resolves|requests|asks)\b"
)
_IMPERATIVE = re.compile(
    r"^(?:That\b|Approve|Agree|Note|Notes|Delegate|Authorise|Endorse|Recommend|Adopt|Confirm|"
    r"Request|Cabinet\b|Council\b|The (?:Cabinet|Council|Committee|Board)\b)"
)
# a resolution's verb: "(b) the guide for young people that are looked after be approved", "Authority be delegated"
_BE_DONE = re.compile(r"\bbe (?:\w+ly )?(?:[a-z]+ed|given|made|taken|sought|undertaken|withdrawn)\b")
_MEETING_DATE_LINE = re.compile(r"^[ \t]*(?:Meeting date|Date of meeting|Date)[ \t]*:[ \t]*(?P<v>.+)$", re.M)
_MEETING_LINE = re.compile(r"^[ \t]*Meeting[ \t]*:[ \t]*(?P<v>.+)$", re.M)
_OFFICE = re.compile(
    r"\b(?:Director|Officer|Executive|Head|Manager|Member|Leader|Portfolio Holder|Solicitor|"
    r"Monitoring|Treasurer|Chief|member|director|officer|executive)\b"
)
_LEAD_IN = re.compile(
    r"(?:(?P<report>\b(?:advised|reported|said|confirmed|explained|noted|stated|informed [\w ]{2,40}?|"
    r"added|highlighted|announced|clarified|indicated)\s+that)|;|\bthat\b|\bfollowing this,)\s+"
)
_TAGS = re.compile(r"<[^>]{0,200}>")
_SENTENCE = re.compile(
    r"(?<=[a-z0-9)\]'\u2019\"\u201d*%])[.!?](?:\*\*)?(?=\s+[A-Z(\"\u201c*<])|\t|\s[\u2022\u00b7]\s"
)
_DAY_MONTH = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:\s*(?:st|nd|rd|th|<sup>\s*(?:st|nd|rd|th)\s*</sup>))?\s+(?:of\s+)?"
    r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b(?!\s+(?:19|20)?\d\d\b)",
    re.I,
)


def _ends_sentence(text: str, marks: str = ".;!?") -> bool:
    return _plain(text).rstrip(" |*")[-1:] in marks


def _plain(text: str) -> str:
    text = html.unescape(_TAGS.sub(" ", text)).replace("**", "").replace("\u2019", "'")
    return " ".join(text.split())


def _clean(text: str) -> str:
    text = _plain(text).strip(" |")
    text = re.sub(r"^[-*\u2022\u00b7\u25aa]\s+", "", text)
    text = re.sub(
        r"^(?:[-*\u2022\u00b7]\s+)?(?:\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})[.)]|\((?:\d{1,2}|[a-zA-Z]|"
        r"[ivxIVX]{1,5})\))\s+",
        "",
        text,
    )
    text = re.sub(r"^\((?:unanimously|by \d+ votes?[^)]{0,40}|nem\.? con\.?)\)\s*", "", text, flags=re.I)
    text = re.sub(r"^(?:that|That|THAT)\s*[:\-]?\s*(?=[A-Za-z(])", "That ", text.lstrip("\"'\u201c\u2018 "))
    text = re.sub(r"\s*;\s*(?:and|or)?\s*$", "", text)
    return text.strip()


def _words(text: str) -> set[str]:
    return set(re.sub(r"[^a-z0-9']+", " ", text.lower()).split())


def _near(a: str, b: str) -> bool:
    """Two readings of one decision: most words of the shorter are in the longer."""
    return _near_words(_words(a), _words(b))


def _near_words(wa: set[str], wb: set[str]) -> bool:
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.8


def _probe(n: int) -> int:
    """How many words of a set of n must include one of any set `_near` it that is no larger: n - t + 1, where
    t is the fewest shared words `_near` accepts (at most n - t of its words can be missing from the other)."""
    t = max(1, int(0.8 * n) - 1)
    while t / n < 0.8:
        t += 1
    return n - t + 1


class _NearIndex:
    """The decisions kept so far, so that "is a new one `_near` a kept one?" compares it only with those that
    can be (prefix filtering: of two texts `_near` each other, the smaller's rarest `_probe` words include one
    of the larger's). Comparing it with every kept one was quadratic in a document's decisions (20 s of a
    1 MB text). Words are ordered by how often the document uses them, rarest first."""

    def __init__(self, text: str) -> None:
        self.freq: dict[str, int] = {}
        for w in re.sub(r"[^a-z0-9']+", " ", text.lower()).split():
            self.freq[w] = self.freq.get(w, 0) + 1
        self.kept: list[set[str]] = []
        self.having: dict[str, list[int]] = {}  # word -> kept sets with it
        self.rare: dict[str, list[int]] = {}  # word -> kept sets with it among their `_probe` rarest

    def _rarest(self, words: set[str]) -> list[str]:
        return sorted(words, key=lambda w: (self.freq.get(w, 0), w))[: _probe(len(words))]

    def near(self, text: str) -> list[int]:
        """The kept texts (by the order kept) `_near` `text`."""
        wa = _words(text)
        if not wa:
            return []
        ids = {i for w in self._rarest(wa) for i in self.having.get(w, ())}  # kept sets at least as large
        ids.update(i for w in wa for i in self.rare.get(w, ()))  # kept sets smaller than it
        return [i for i in sorted(ids) if _near_words(wa, self.kept[i])]

    def keep(self, text: str) -> None:
        words, i = _words(text), len(self.kept)
        self.kept.append(words)
        if words:
            for w in words:
                self.having.setdefault(w, []).append(i)
            for w in self._rarest(words):
                self.rare.setdefault(w, []).append(i)


def _kind(text: str, default: DecisionKind) -> DecisionKind:
    if default in (DecisionKind.RECOMMENDATION, DecisionKind.DELEGATED, DecisionKind.NOTED):
        return default
    if re.match(r"^(?:To |That (?:the )?\w+ )?[Rr]ecommends? (?:to|that)\b", text):
        return DecisionKind.RECOMMENDATION
    if re.search(
        r"\b(?:be|was|were|is|are|been)\s+noted\b|^(?:that )?(?:the )?[\w ]{0,40}?\b(?:received and )?"
        r"(?:notes|noted)\b",
        text,
        re.I,
    ) and not re.search(r"\b(?:approved?|agreed?|resolved)\b", text, re.I):
        return DecisionKind.NOTED
    return default


# --- items under a keyword or heading --------------------------------------------------------


def _block_items(seg: Segmented, first: int, rest: str, rest_start: int) -> list[tuple[int, int, str]]:
    """The resolutions that follow a keyword: its own line's rest, then items below it.

    Items are marked lines ("1.", "a)", "(i)", "-", "\u2022"); an item's wrapped lines and its
    sub-items ("... be given to i. ... ii. ...") are joined to it. The block ends at a heading,
    at running text after the items, or at two blank lines after them."""
    items: list[list] = []  # [start, end, text]
    intro = rest.strip(" :.-*\u2013")
    items_roman = False  # items numbered (i), (ii) ...: a roman numeral is then not a sub-item
    if len(intro) > 8 and not re.fullmatch(r"(?:that|That|THAT)\s*:?", intro):
        items.append([rest_start, rest_start + len(rest), rest])
        items_roman = bool(re.match(r"^\(?i[.)]", intro))
    blanks = 0
    numbered = False  # the line above was an item's number alone ("(1)"), its text on the next line
    for ln in seg.lines[first + 1 : first + 80]:
        raw = ln.text
        text = _plain(raw)
        if not text:
            blanks += 1
            if blanks >= 6:
                break
            continue
        gap, blanks = blanks > 0, 0
        if numbered or _LONE_MARKER.fullmatch(text):
            numbered, read = _numbered_cell(ln, items, numbered)
            if not read:
                break
            continue
        if _ends_block(raw):
            break
        if re.fullmatch(r"(?:that|That|THAT)\s*:?", text):
            continue  # "That:" introducing the items
        m = _MARKER.match(raw)
        if m and re.match(r"(?:It|it) was (?:moved|proposed)\b", _plain(m.group("text"))):
            break  # "(b) It was moved by Councillor X, seconded by Councillor Y and": the next motion
        if m and not _HEADING.match(raw):
            body = _plain(m.group("text"))
            prev = _plain(items[-1][2]) if items else ""
            roman = bool(_ROMAN.match(m.group("m").lstrip("-*\u2022 ")))
            if items and roman and not items_roman and _opens_sub_items(prev):
                items[-1][1] = ln.end  # a sub-item of the item above
                items[-1][2] += f" {m.group('m').strip()} {m.group('text')}"
            elif len(body) > 3:
                if not items:
                    items_roman = roman and m.group("m").strip("().").lower() == "i"
                items.append([ln.start + m.start("text"), ln.end, m.group("text")])
            continue
        if _HEADING.match(raw):
            break
        if not items:
            if _DATE_LINE.fullmatch(text):
                continue  # "On 21 August 2024" above the resolutions: their date (`_dated_items`), not one of them
            # the resolution as a paragraph under its keyword ("RESOLVED:" / "Members agreed the report.")
            if (text[:1].isupper() and len(text) < 800 and not rest.strip(" :.-*")) or rest.strip(
                " :"
            ).endswith(("that", "That")):
                items.append([ln.start, ln.end, raw])
                continue
            break
        after = _after_item(items[-1][2], text, gap)
        if after == "on":
            items[-1][1] = ln.end  # the item's text goes on
            items[-1][2] += " " + raw
        elif after == "next":
            items.append([ln.start, ln.end, raw])  # the next resolution, a paragraph of its own after "...;"
        else:
            break
    return [(s, e, t) for s, e, t in items]


def _opens_sub_items(prev: str) -> bool:
    """Whether a roman numeral below the item `prev` numbers a sub-item of it ("... be given to" / "i. ..."), not the
    next item after one ending "...; and"."""
    if re.search(r";\s*(?:and|or)$", prev):
        return False
    return not _ends_sentence(prev) or prev.endswith((" to", ":"))


def _ends_block(raw: str) -> bool:
    """A line no resolution goes on into: a table row, the next keyword, recommendation or record field."""
    if "\t" in raw and len([c for c in raw.split("\t") if c.strip()]) > 1:
        return True
    return bool(_KEYWORD.match(raw) or _RECOMMEND_HEAD.match(raw) or _FIELD.match(raw))


def _numbered_cell(ln: Line, items: list[list], numbered: bool) -> tuple[bool, bool]:
    """A table's number cell, then its text cell ("(1)" / "the change to the arrangements;"): (whether the next line
    is an item's text, whether this line was read). A number after a resolution that ends a sentence is the next
    agenda item's ("14.")."""
    raw = ln.text
    if not numbered:
        return True, not (items and _ends_sentence(items[-1][2], ".!?"))
    if len(_plain(raw)) > 3 and not _HEADING.match(raw) and not _KEYWORD.match(raw):
        items.append([ln.start + len(raw) - len(raw.lstrip()), ln.end, raw.strip()])
        return False, True
    return False, False


def _after_item(item: str, text: str, gap: bool) -> str:
    """What a paragraph below an item is: "on" (its text goes on), "next" (a resolution of its own after one ending
    "...;"), or "end"."""
    if text[:1].islower() and not _ends_sentence(item) or (not gap and not _ends_sentence(item, ".;!?:")):
        return "on"
    if re.search(r";(?:\s*(?:and|or))?$", _plain(item)) and re.search(r"\bbe\b", text) and len(text) < 800:
        return "next"
    return "end"


# an item's number alone on its line (a table's first cell): "(1)", "2.", "(iv)"
_LONE_MARKER = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})[.)]|\((?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})\)")
# a line that is only a date: "On 21 August 2024", "21 August 2024:"
_DATE_LINE = re.compile(
    r"(?:On |Dated? )?(?:[A-Z][a-z]+day,? )?[0-3]?\d(?:st|nd|rd|th)? (?:"
    + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
    + r"),? \d{4}[.:,]?"
)


def _dated_items(seg: Segmented, first: int, item_start: int) -> PartialDate | None:
    """The date a line between a keyword's line and its first resolution gives them alone ("Decision:" / "On 21
    August 2024" / "The Corporate Director ... be given delegated authority"): the day they were decided."""
    for ln in seg.lines[first + 1 : seg.line_index(item_start)]:
        if _DATE_LINE.fullmatch(_plain(ln.text)):
            return _first_date(ln.text)
    return None


# --- decision records ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Record:
    start: int
    end: int
    maker: str | None
    date: PartialDate | None
    kind: DecisionKind
    lead: str | None
    head: re.Match[str] | None


def _first_date(text: str) -> PartialDate | None:
    for _s, _e, d in find_dates(text):
        return d
    return None


def _record_date(fields: dict[str, str], head: re.Match[str] | None, listed: bool) -> PartialDate | None:
    """The date a ModernGov record's decision carries: its "Date of decision" (or meeting) where it gives one, else the
    day its list line gives, which is the day it was taken, not the day it was published ("12/05/2025 - ..." above
    "Decision published: 10/07/2025" and "the Portfolio Holder decided to adopt the policy in May"). In a forward plan
    a record is dated by the day its decision is due; in a list of decisions taken, a record still showing the due date
    it had in the plan is dated by its list line too."""
    listed_on = _first_date(head.group("d")) if head else None
    for k in ("date of decision", "decided at meeting"):
        if k in fields and (date := _first_date(fields[k])):
            return date
    if "decision due date" in fields and not (listed and listed_on):
        return _first_date(fields["decision due date"]) or listed_on
    return listed_on or _first_date(fields.get("decision published", ""))


def _records(seg: Segmented) -> list[_Record]:
    """ModernGov decision records: the span each covers, and what its fields say."""
    text = seg.text
    heads = list(_RECORD_HEAD.finditer(text))
    makers = [m for m in _FIELD.finditer(text) if m.group("k").lower() == "decision maker"]
    out: list[_Record] = []
    if not makers:
        return out
    # a list of decisions taken (not a forward plan): a record still showing its due date was listed when taken
    listed = not _FORTHCOMING.search((seg.document.title or "") + " " + text[:1500])
    # one record per listed decision ("22/07/2021 - Title ref: 8073"); a page with fields and no
    # such line is one record
    bounds = [h.start("d") for h in heads]
    regions: list[tuple[int, int, re.Match[str] | None]] = []
    if not heads or any(mk.start() < bounds[0] for mk in makers):
        regions.append((0, bounds[0] if heads else len(text), None))
    for n, h in enumerate(heads):
        regions.append((bounds[n], bounds[n + 1] if n + 1 < len(heads) else len(text), h))
    for start, end, head in regions:
        fields: dict[str, str] = {}
        for f in _FIELD.finditer(text, start, end):
            fields.setdefault(f.group("k").lower(), f.group("v").strip())
        maker = re.split(r"\s*,\s*", fields.get("decision maker", "").strip())[0] or None
        date = _record_date(fields, head, listed)
        forthcoming = (
            "decision due date" in fields
            and "date of decision" not in fields
            and "decision published" not in fields
        )
        if forthcoming:
            kind = DecisionKind.RECOMMENDATION
        elif (
            maker
            and _OFFICE.search(maker)
            and not re.search(r"\b(?:Cabinet|Council|Committee|Board|Panel)$", maker)
        ):
            kind = DecisionKind.DELEGATED
        else:
            kind = DecisionKind.RESOLVED
        lead_raw = fields.get("lead officer") or fields.get("report author")
        lead = clean_name(lead_raw) if lead_raw else None
        out.append(_Record(start, end, maker, date, kind, lead, head))
    return out


def _record_text(seg: Segmented, rec: _Record) -> tuple[str, int, int] | None:
    """A record's decision when it lists no resolution: its title, with the first sentence of
    its summary where the title only names the subject ("Support for Ukraine - To seek ...")."""
    if rec.head is None:
        return None
    title = rec.head.group("title").strip()
    s, e = rec.head.start("title"), rec.head.start("title") + len(title)
    if re.match(r"^To [a-z]", title):
        return title, s, e
    i = seg.line_index(rec.head.start("d"))
    for ln in seg.lines[i + 1 : i + 12]:
        para = _plain(ln.text)
        if not para:
            continue
        if _FIELD.match(ln.text):
            break
        first = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", para)[0].rstrip(".")
        stop = re.search(r"(?<=[a-z0-9)])\.(?:\s+(?=[A-Z])|$)", ln.text)
        end = ln.start + stop.start() + 1 if stop else ln.end
        if _words(title) <= _words(first):
            return first, ln.start, end
        return f"{title} - {first}", s, end
    return title, s, e


# --- decision tables (forward plans, registers of decisions) --------------------------------

_COL_DECISION = re.compile(
    r"^(?:(?:key |proposed |forthcoming )?decisions?(?: to be taken| required| title)?|title|"
    r"subject|matter for decision|item|description|report title)$",
    re.I,
)
_COL_MAKER = re.compile(
    r"^(?:decision[- ]?(?:maker|taker)|decision to be taken by|decided by|who will decide|"
    r"decision taken by)$",
    re.I,
)
_COL_DATE = re.compile(
    r"^(?:(?:expected |proposed |planned )?date(?: of decision)?|decision (?:due )?date|"
    r"(?:expected|planned) decision date|date decision (?:due|expected|taken|made)|when)$",
    re.I,
)
_COL_LEAD = re.compile(
    r"^(?:lead officer|report author|contact officer|responsible officer|officer contact)$", re.I
)
_FORTHCOMING = re.compile(
    r"\b(?:forward plan|forthcoming (?:key )?decisions|notice of (?:key )?decisions? to be taken|"
    r"key decisions to be taken|plan of key decisions)\b",
    re.I,
)


def _table_decisions(
    seg: Segmented,
) -> Iterator[tuple[str, int, int, str | None, PartialDate | None, str | None, DecisionKind]]:
    """Rows of a forward plan or a register of decisions: (text, start, end, maker, date, lead officer, kind)."""
    columns = {"decision": _COL_DECISION, "maker": _COL_MAKER, "date": _COL_DATE, "lead": _COL_LEAD}
    forthcoming = bool(_FORTHCOMING.search((seg.document.title or "") + " " + seg.text[:1500]))
    for cols, rows in header_tables(seg, columns, {"decision", "maker"}):
        for cells in rows:
            if len(cells) <= max(cols.values()):
                continue
            what = cells[cols["decision"]]
            maker = cells[cols["maker"]].text or None
            date = _first_date(cells[cols["date"]].text) if "date" in cols else None
            lead = None
            if "lead" in cols:
                lead = clean_name(re.split(r"\s*[,(\u2013\u2014]\s*|\s+-\s+", cells[cols["lead"]].text)[0])
            later = bool(date and seg.date and date.iso[: len(seg.date.iso)] > seg.date.iso[: len(date.iso)])
            if forthcoming or later:
                kind = DecisionKind.RECOMMENDATION
            elif (
                maker
                and _OFFICE.search(maker)
                and not re.search(r"\b(?:Cabinet|Council|Committee|Board|Panel)$", maker)
            ):
                kind = DecisionKind.DELEGATED
            else:
                kind = DecisionKind.RESOLVED
            yield what.text, what.start, what.end, maker, date, lead, kind


# --- dates and makers ------------------------------------------------------------------------


# a date a decision takes effect from or runs to, not the date it was taken: "to extend the contract to 30 April
# 2021", "with effect from 8 September 2017", "until 31 March 2025"
_EFFECTIVE = re.compile(
    r"\b(?:to|until|till|from|by|effective|before|after|ending|expires?)\s+(?:the\s+)?$", re.I
)


def _sentence_date(seg: Segmented, sentence: str, offset: int) -> PartialDate | None:
    for s, _e, d in find_dates(sentence):
        if not _EFFECTIVE.search(sentence, max(0, s - 30), s):
            return d
    if any(True for _ in find_dates(sentence)):
        return None
    m = _DAY_MONTH.search(sentence)
    base = seg.date_at(offset) or seg.date
    if not m or not base:
        return None
    month, day = MONTHS[m.group("month").lower()], int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    year = int(base.iso[:4])
    # what a paper reports as decided happened before it was written: "22 October" in a paper of
    # January 2015 is October 2014; in a paper of the financial year 2014/15, April-December is 2014
    if base.precision != "year":
        if month > int(base.iso[5:7]) + 1:
            year -= 1
    elif (
        base.precision == "year"
        and month >= 4
        and re.search(
            rf"\b{year - 1}\s*[/-]\s*(?:{year}|{year % 100:02d})\b",
            (seg.document.title or "") + seg.text[:3000],
        )
    ):
        year -= 1
    return PartialDate(f"{year:04d}-{month:02d}-{day:02d}")


def _report_meeting(seg: Segmented, offset: int) -> tuple[str | None, PartialDate | None]:
    """The meeting a report is written for: its "Meeting:" and "Meeting date:" lines above `offset`."""
    window_start = max(0, offset - 4000)
    date = None
    for m in _MEETING_DATE_LINE.finditer(seg.text, window_start, offset):
        date = _first_date(m.group("v")) or date
    body = None
    for m in _MEETING_LINE.finditer(seg.text, window_start, offset):
        body = _plain(m.group("v"))
    item = re.fullmatch(
        r"(?P<d>\d{1,2}/\d{1,2}/\d{4})\s+[-\u2013]\s+(?P<b>.+?)(?:\s*\(Item [^)]{0,20}\))?", body or ""
    )
    if item:  # a ModernGov issue page: "Meeting: 16/07/2025 - Council (Item 20)"
        body, date = item.group("b"), date or _first_date(item.group("d"))
    return body, date


def _maker(seg: Segmented, raw: str | None, offset: int) -> str | None:
    meeting = seg.meeting_at(offset)
    if not raw:
        return meeting.body if meeting else None
    raw = _plain(raw)
    low = raw.lower()
    if low in ("council", "full council", "the council", "the full council") or low.endswith("'s council"):
        return seg.council or raw
    if re.match(
        r"^(?:the )?(?:committee|sub-committee|board|panel|meeting|members|scrutiny|group|working group)$",
        low,
    ):
        return meeting.body if meeting else raw
    if low == "councillors":  # "Councillors agreed to ...": the meeting's body, else the council's
        return meeting.body if meeting else seg.council or raw
    if _OFFICE.search(raw) and not re.search(r"\b(?:Committee|Board|Panel|Council|Group|Cabinet)$", raw):
        return re.sub(r"^[Tt]he\s+", "", raw)  # an office: "Cabinet Member for Housing"
    bodies = find_bodies(raw)
    if bodies:
        return bodies[-1].name
    return re.sub(r"^(?:[Tt]he|[Mm]embers of(?: the)?|[Tt]heir|[Ii]ts)\s+", "", raw)


# --- the module ----------------------------------------------------------------------------


# a line a PDF broke mid-sentence: long, ending in a word, a digit or a comma ("The Council appointed Ms X as Section
# 151 Officer on 16" / "May 2012.")
_WRAPPED = re.compile(r"[^\n]{50}(?<=[a-z0-9,])[ \t]*$")


def _runs(seg: Segmented) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, or of lines a PDF wrapped: a wrapped line runs on into the next unless
    that one is an item or a resolution."""
    lines, i = seg.lines, 0
    while i < len(lines):
        if not lines[i].text.strip():
            i += 1
            continue
        j = i
        while (
            j + 1 < len(lines)
            and lines[j + 1].text.strip()
            and _WRAPPED.search(lines[j].text[-80:])
            and "\t" not in lines[j].text
            and not _MARKER.match(lines[j + 1].text)
            and not _KEYWORD.match(lines[j + 1].text)
        ):
            j += 1
        yield lines[i].start, lines[j].end
        i = j + 1


def _sentences(seg: Segmented) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, within lines (or lines a PDF wrapped) and table cells."""
    text = seg.text
    for start, stop in _runs(seg):
        s, skipped_to = start, -1  # spaces from the last skip's start to `skipped_to` were read already
        for m in _SENTENCE.finditer(text, start, stop):
            end = m.start() + (1 if m.group(0)[:1] in ".!?" else 0)
            yield s, end
            s = m.end()
            if s <= skipped_to:  # a tab in the run of spaces the last skip crossed: the same run, read once
                s = skipped_to
                continue
            while s < stop and text[s].isspace():
                s += 1
            skipped_to = s
        yield s, stop


@dataclass(frozen=True, slots=True)
class Decision:
    """One reading of a decision: its text as written, its kind, where it is, the rule that read it, and what
    its layout says of its maker, date and lead officer (else the record's or the meeting's). `key`: the words
    compared with decisions already kept, when they are not the text."""

    text: str
    kind: DecisionKind
    start: int
    end: int
    rule: str
    maker: str | None = None
    date: PartialDate | None = None
    lead: str | None = None
    key: str | None = None


# a decision that announces a list ("That the Cabinet be confirmed as follows", "... appointed the following councillors
# to his cabinet:")
_ANNOUNCES_LIST = re.compile(
    r"(?:\bas follows|\bthe following\b[^.;:]{0,60}?)[ \t]*(?::-?|\u2013|-)?[ \t*]*$"
)


def _with_list(seg: Segmented, d: Decision) -> Decision:
    """A decision announcing a list, with the marked items below it ("\u2022 Councillor X - Leader"), joined by "; "."""
    if not _ANNOUNCES_LIST.search(_plain(d.text)) or d.end >= len(seg.text):
        return d
    items: list[str] = []
    end = d.end
    for ln in seg.lines[seg.line_index(d.end) + 1 : seg.line_index(d.end) + 40]:
        if not ln.text.strip():
            continue
        m = _MARKER.match(ln.text)
        if not m or _HEADING.match(ln.text) or len(ln.text) > 300 or len(items) >= 15:
            break
        items.append(_plain(m.group("text")).rstrip(" ;,."))
        end = ln.end
    if not items:
        return d
    head = _plain(d.text).rstrip(" :-\u2013*")
    return replace(d, text=f"{head}: {'; '.join(items)}", end=end)


# the words that introduce a resolution's items, with none read after them: "That the Council be recommended to:",
# "That Council resolves to:", "The following changes have been approved by Full Council:" (a list `_with_list`
# could not join, its items not being marked lines). Alone they say nothing was decided; "Full Council appointed the
# committee chairs, confirmed as:" names what it decided and stays
_INTRODUCTION = re.compile(
    r"(?:\bto|(?i:\bthe following\b|\bas follows\b)[^:]{0,80})[ \t]*(?::-?|\u2013|\u2014)[ \t]*$"
)


class _Kept:
    """The decisions kept so far, in the order read: a later reading of the same decision is dropped, and a
    sentence inside a passage already read is not read again."""

    def __init__(self, seg: Segmented) -> None:
        self.seg = seg
        self.out: list[DecisionFact] = []
        self.near = _NearIndex(seg.text)  # the texts of `out`
        self.spans: list[tuple[int, int]] = []
        self.records = _records(seg)
        self.last: Decision | None = None  # the last reading kept

    def record_at(self, offset: int) -> _Record | None:
        for r in self.records:
            if r.start <= offset < r.end:
                return r
        return None

    def add(self, d: Decision) -> None:
        fact = self._fact(d)
        if fact is not None:
            self.out.append(fact)
            self.near.keep(fact.text)
            self.spans.append((d.start, d.end))
            self.last = d

    def _same(self, d: Decision, text: str, i: int) -> bool:
        """Whether the reading `d` is the kept decision `i` read again: by another rule, or at the same place, or
        word for word at the same meeting. Two items of one resolution block that differ only in a name ("That
        Councillor E Ash be elected Mayor", "That Councillor K Bell be elected Deputy Mayor") are two decisions, and so
        are the same words in the records of two meetings."""
        kept, (start, end) = self.out[i], self.spans[i]
        return (
            kept.evidence.rule != d.rule
            or start <= d.start < end
            or d.start <= start < d.end
            or _words(kept.text) == _words(text)
            and self.seg.meeting_at(start) is self.seg.meeting_at(d.start)
        )

    def _fact(self, d: Decision) -> DecisionFact | None:
        seg = self.seg
        d = _with_list(seg, d)
        text = _clean(d.text)
        caps = d.rule == "decision.resolved-block" and re.search(
            r"[A-Z]{3}", text
        )  # "THAT COUNCILLOR X BE ELECTED"
        if len(text) < 12 or len(text.split()) < 4 or not (re.search(r"[a-z]{3}", text) or caps):
            return None
        # a short introduction only: a long one names what it decided ("X be re-appointed ... to the following
        # positions:")
        if len(text.split()) <= 12 and _INTRODUCTION.search(text):
            return None
        if any(self._same(d, text, i) for i in self.near.near(d.key or text)):
            return None
        if d.rule.startswith("decision.sentence") and any(s <= d.start < e for s, e in self.spans):
            return None
        meeting = seg.meeting_at(d.start)
        rec = self.record_at(d.start)
        maker, date, lead = d.maker, d.date, d.lead
        if rec is not None:
            maker = maker or rec.maker
            date = date or rec.date
            lead = lead or rec.lead
        ev = seg.evidence(d.start, d.end, d.rule)
        if not ev.text.strip():
            return None
        at_meeting = meeting is not None and rec is None and (date is None or date == meeting.date)
        return DecisionFact(
            text=text,
            kind=_kind(text, d.kind),
            maker=maker or (meeting.body if meeting else None),
            date=date or (meeting.date if meeting else seg.date),
            meeting_date=meeting.date if at_meeting and meeting else None,
            lead_officer=lead,
            evidence=ev,
        )


# a ModernGov decision page's title, its first line: "Decision - Appointment of Chief Executive"
_PAGE_TITLE = re.compile(r"(?<![ \t])[ \t]*+Decision[ \t]++-[ \t]++[A-Z]")  # spaces read once, from the first


def _resolved_blocks(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """ "RESOLVED: That ...", "It was moved, seconded and RESOLVED that", "Decision:" and the items under it
    (in a decision record they carry the record's maker, date and kind)."""
    for m in _KEYWORD.finditer(seg.text):
        if not seg.text[: m.start()].strip() and _PAGE_TITLE.match(seg.text, m.start()):
            continue  # "Decision - Appointment of Chief Executive": a decision page's title, its record below
        i = seg.line_index(m.start())
        rec = kept.record_at(m.start())
        kind = DecisionKind.RESOLVED
        if rec is not None and rec.kind == DecisionKind.DELEGATED:
            kind = DecisionKind.DELEGATED
        rest = _plain(m.group("rest"))
        if len(rest.split()) >= 6 and _ANNOUNCES_LIST.search(rest):
            # "RESOLVED that Councillor X be re-appointed to the following positions:" then "(a) Trustees of Y"
            # ...: one resolution whose list is its items (`_with_list` joins them), not one decision an item
            end = m.start("rest") + len(m.group("rest"))
            yield Decision(m.group("rest"), kind, m.start("rest"), end, "decision.resolved-block")
            continue
        items = _block_items(seg, i, m.group("rest"), m.start("rest"))
        date = _dated_items(seg, i, items[0][0]) if items and not m.group("rest").strip() else None
        for s, e, text in items:
            yield Decision(text, kind, s, e, "decision.resolved-block", date=date)


def _record_decisions(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """A decision record with no resolution read in it: its numbered decisions without a keyword ("1. Approve
    the ..."), else the record's own title (and summary)."""
    for rec in kept.records:
        if any(rec.start <= s < rec.end for s, _e in kept.spans):
            continue
        found = below_fields = False
        for i in range(seg.line_index(rec.start), seg.line_index(max(rec.start, rec.end - 1)) + 1):
            ln = seg.lines[i]
            below_fields |= bool(_FIELD.match(ln.text))
            mk = _MARKER.match(ln.text)
            item = _plain(mk.group("text")) if mk else ""
            # under the record's fields, its lettered items are what was decided, whatever their verb ("(a) Herefordshire
            # Council take part in the scheme; and")
            if mk and (_IMPERATIVE.match(item) or _BE_DONE.search(item) or below_fields) and not found:
                for s, e, text in _block_items(seg, i - 1, "", ln.start):
                    d = Decision(text, rec.kind, s, e, "decision.record-item")
                    yield d
                    found |= kept.last is d
        if not found:
            rt = _record_text(seg, rec)
            if rt:
                yield Decision(rt[0], rec.kind, rt[1], rt[2], "decision.record")


def _table_rows(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """Rows of a forward plan or a register of decisions laid out as a table."""
    for text, start, end, maker, date, lead, kind in _table_decisions(seg):
        yield Decision(text, kind, start, end, "decision.table-row", _maker(seg, maker, start), date, lead)


_RECOMMENDATION_ITEM = re.compile(
    r"^(?:That|To|The|For|Approve|Recommend|Agree|Note|Notes|Endorse|Delegate|Authorise|Cabinet|"
    r"Council|Members)\b",
    re.I,
)


def _recommendation_blocks(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """ "Recommendation(s)" then "That:" and items, in a report: dated by the meeting the report is for."""
    for i, ln in enumerate(seg.lines):
        m = _RECOMMEND_HEAD.match(ln.text)
        if not m or len(ln.text) > 300 or "\t" in ln.text:
            continue
        body, date = _report_meeting(seg, ln.start)
        rec = kept.record_at(ln.start)
        kind = (
            DecisionKind.RECOMMENDATION
            if rec is None or rec.kind == DecisionKind.RECOMMENDATION
            else rec.kind
        )
        for s, e, text in _block_items(seg, i, m.group("rest"), ln.start + m.start("rest")):
            if _RECOMMENDATION_ITEM.match(_clean(text)):
                maker = _maker(seg, body, s) if body else None
                yield Decision(text, kind, s, e, "decision.recommendation-block", maker, date)


def _item_purposes(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """The purpose line of an agenda item in the minutes of a meeting ("To approve the ..."), under the item's
    title or above its "Minutes:"."""
    for i, ln in enumerate(seg.lines):
        if "\t" in ln.text or not _TO_PURPOSE.match(ln.text) or re.search(r"\bminutes\b", ln.text, re.I):
            continue
        if seg.meeting_at(ln.start) is None or kept.record_at(ln.start) is not None:
            continue
        above = next((x.text.strip() for x in reversed(seg.lines[max(0, i - 4) : i]) if x.text.strip()), "")
        item_title = bool(above) and len(above) < 150 and not _ends_sentence(above, ".;:!?")
        if not item_title and not any(re.match(r"^\s*Minutes:", x.text) for x in seg.lines[i + 1 : i + 6]):
            continue
        first = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", ln.text.strip())[0]
        end = ln.start + len(ln.text) - len(ln.text.lstrip()) + len(first)
        yield Decision(first, DecisionKind.RECOMMENDATION, ln.start, end, "decision.item-purpose")


def _that_clauses(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """Loose "That ... be ..." resolutions in a meeting's record (a converter dropped the RESOLVED above them)."""
    for ln in seg.lines:
        mk = _MARKER.match(ln.text)
        text = _plain(mk.group("text") if mk else ln.text)
        if "\t" in ln.text or not _THAT_RESOLUTION.match(text) or len(text) > 600:
            continue
        if seg.meeting_at(ln.start) is None and kept.record_at(ln.start) is None:
            continue
        start = ln.start + (mk.start("text") if mk else 0)
        yield Decision(
            mk.group("text") if mk else ln.text, DecisionKind.RESOLVED, start, ln.end, "decision.that-clause"
        )


# a resolution inside a line, after other words: a record flattened to one line by its converter ("... seconded by
# Councillor Fairfoull and RESOLVED That Councillor Janet Cooper be ... 2 ELECTION OF DEPUTY MAYOR ...", "The Council
# Decided: to agree to record the results ..."). A keyword at a line's start is a resolution block's.
_INLINE_KEYWORD = re.compile(
    r"(?<=[\w.,;:)] )(?:(?:The )?(?:COUNCIL|CABINET|COMMITTEE|Council|Cabinet|Committee|Board|Panel) )?"
    r"(?:(?:RESOLVED|AGREED|DECIDED)[ \t]*[:\u2013\u2014-]?|(?:Resolved|Decided|Agreed)[ \t]*[:\u2013\u2014])"
    r"[ \t]*(?=(?:That|that|THAT|to)[ \t]+\S)"
)
_IT_WAS = re.compile(r"\b[Ii]t was (?:\w+ )?$")
# where an inline resolution ends: its sentence's end, the next item's heading in capitals ("2 ELECTION OF DEPUTY
# MAYOR", "31. COMMUNICATIONS"), the next motion or resolution
_INLINE_END = re.compile(
    r"(?<=[a-z0-9)\]'\u2019])\.(?=\s+[A-Z0-9])|\s\d{1,3}\.?\s+(?:[A-Z]{4,}|[A-Z]{2,}(?:\s+[A-Z&'\u2019]{2,})+)\b|"
    r"\s(?:It was (?:moved|proposed)|RESOLVED|AGREED|DECIDED)\b"
)


def _inline_resolutions(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """A resolution keyword inside a line ("... and RESOLVED That ...", "The Council Decided: to ..."): the text
    from the keyword to the end of its sentence or the next item's heading."""
    text = seg.text
    for ln in seg.lines:
        for m in _INLINE_KEYWORD.finditer(text, ln.start, ln.end):
            if m.start() == ln.start or not text[ln.start : m.start()].strip(" \t>*_|#-"):
                continue  # a keyword opening its line: a resolution block
            if _IT_WAS.search(text, max(ln.start, m.start() - 40), m.start()):
                continue  # "It was RESOLVED to support the application.": a sentence pattern's
            start = m.end()
            stop = _INLINE_END.search(text, start + 1, min(ln.end, start + 600))
            end = (stop.start() + (1 if stop.group(0) == "." else 0)) if stop else min(ln.end, start + 600)
            yield Decision(text[start:end], DecisionKind.RESOLVED, start, end, "decision.resolved-inline")


# a motion ("It was moved by Councillor A and seconded by Councillor B that ...", "Councillor C, seconded by Bailie D,
# moved that ...") and, on a line not far below, that it was carried without its words being repeated ("The motion was
# put to the vote and AGREED.", "Upon being put to the vote it was agreed to elect ...", "whereupon the motion was
# declared carried and Bailie Regan was appointed"); an outcome that states the resolution ("it was resolved that
# ...") is read by the sentence patterns
_MOTION = re.compile(
    r"\b(?:moved|proposed)\b[^\n]{0,200}?\bthat[ \t]+(?P<motion>[^\n]{8,400}?)(?:\.(?=\s|$)|$)", re.M
)
_CARRIED = re.compile(
    r"(?P<out>\b(?:[Tt]he motion was (?:put to the vote and (?:AGREED|agreed|CARRIED|carried)|(?:declared |duly )?"
    r"(?:carried|CARRIED))|(?:put|being put) to the vote,? it was (?:agreed|AGREED|carried|CARRIED)(?! that| to:))"
    r"[^\n.;:]{0,300})(?:[.;](?=\s|$)|$)",
    re.M,
)


def _carried_motions(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """A motion carried on a vote whose outcome does not repeat it: the motion's words and the outcome."""
    text = seg.text
    motions = [  # "As an amendment, Councillor E moved that ...": not the motion
        m
        for m in _MOTION.finditer(text)
        if not re.search(r"amendment", text[max(0, m.start() - 200) : m.start()].rsplit("\n", 1)[-1], re.I)
    ]
    starts = [m.start() for m in motions]
    used: set[int] = set()
    for c in _CARRIED.finditer(text):
        n = bisect.bisect_left(starts, c.start()) - 1
        if n < 0 or n in used or motions[n].end() > c.start():
            continue
        motion = motions[n]
        line = seg.line_index(c.start())
        if line - seg.line_index(motion.start()) > 10:
            continue
        below = min(seg.lines[min(line + 8, len(seg.lines) - 1)].end, c.end() + 2000)
        if _KEYWORD.search(seg.text, c.end(), below):
            continue  # the resolution follows in its own words
        used.add(n)
        words = f"That {motion.group('motion').rstrip(' .')}; {c.group('out').strip()}"
        yield Decision(
            words, DecisionKind.RESOLVED, motion.start("motion"), c.end("out"), "decision.motion-carried"
        )


# a forward plan's issue page (ModernGov "Issue details"): the issue's summary above its fields, then "Decision due: 14
# March 2013 by Cabinet"
_ISSUE_DUE = re.compile(
    r"^[ \t]*Decision due:[ \t]*(?P<d>[^\n]{4,30}?)[ \t]+by[ \t]+(?P<body>[^\n]{2,100}?)[ \t]*$", re.M
)
_ISSUE_FIELD = re.compile(r"^[ \t]*(?:Decision type|Reason Key|Decision status)[ \t]*:", re.M)


def _issue_summaries(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """A key decision's issue page: the paragraph above its first field ("Decision type: Key"), a decision still
    to be taken, by the body and on the date of its "Decision due:" line."""
    due = _ISSUE_DUE.search(seg.text)
    field = _ISSUE_FIELD.search(seg.text)
    if not due or not field or not (date := _first_date(due.group("d"))):
        return
    i = seg.line_index(field.start()) - 1
    while i >= 0 and not seg.lines[i].text.strip():
        i -= 1
    last = i
    while i > 0 and seg.lines[i - 1].text.strip() and last - i < 8:
        i -= 1
    if last < 0:
        return
    start, end = seg.lines[i].start, seg.lines[last].end
    words = seg.text[start:end]
    if len(words) < 30 or _FIELD.search(words) or _ISSUE_FIELD.search(words):
        return  # a title alone, or fields
    maker = _maker(seg, due.group("body"), start)
    yield Decision(words, DecisionKind.RECOMMENDATION, start, end, "decision.issue-summary", maker, date)


# a sentence that ends introducing the resolutions below it
_INTRODUCES = re.compile(
    r"\b(?:agreed|resolved|decided|AGREED|RESOLVED|DECIDED)(?: (?:to|that|as follows))?\s*[:\u2013-]{1,2}\s*$"
)


def _sentence_decisions(seg: Segmented, kept: _Kept) -> Iterator[Decision]:
    """Sentences that match a pattern of `patterns/decisions.jsonl` (the first that matches): a body agreed,
    something was approved by a body, a person was appointed ..."""
    for s, e in _sentences(seg):
        sentence = seg.text[s:e].replace("\n", " ")  # as long as the text: offsets hold
        if len(sentence) < 15 or len(sentence) > 2000:  # a run-on "sentence" is a converter's artefact
            continue
        for p in sentence_patterns():
            m = p.rx.search(sentence)
            if not m or p.unless_after and p.unless_after.search(sentence, 0, m.start()):
                continue
            # the decision is the clause the pattern found, not a lead-in reporting it
            cut = 0
            for c in _LEAD_IN.finditer(sentence, 0, m.start()):
                if c.group("report") or len(sentence[: c.start()].split()) >= 8:
                    cut = c.end()
            # a date the clause gives near what was decided ("agreed at the Board on 17th July 24")
            near = sentence[max(cut, m.start() - 40) : m.end() + 120]
            date = _sentence_date(seg, near, s) if p.date == "sentence" else None
            maker = _maker(seg, m.groupdict().get("body"), s)
            rule = f"decision.sentence.{p.id}"
            if _INTRODUCES.search(sentence) and seg.text[e : e + 1] in ("", "\n"):
                # "on being put to the vote it was AGREED to:" then the resolutions on the lines below
                for i_s, i_e, text in _block_items(seg, seg.line_index(s), "", e):
                    yield Decision(text, p.kind, i_s, i_e, rule, maker, date)
                break
            yield Decision(sentence[cut:], p.kind, s + cut, e, rule, maker, date, key=sentence[m.start() :])
            break


Read = Callable[[Segmented, _Kept], Iterator[Decision]]


# in this order: a later reading of a decision already kept is dropped
RULES: tuple[Rule[Read], ...] = (
    Rule("decision.resolved-block", _resolved_blocks),
    Rule("decision.resolved-inline", _inline_resolutions),
    Rule("decision.motion-carried", _carried_motions),
    Rule("decision.record-item", _record_decisions, ("decision.record",)),
    Rule("decision.table-row", _table_rows),
    Rule("decision.recommendation-block", _recommendation_blocks),
    Rule("decision.issue-summary", _issue_summaries),
    Rule("decision.item-purpose", _item_purposes),
    Rule("decision.that-clause", _that_clauses),
    Rule("decision.sentence", _sentence_decisions),  # one id a pattern: "decision.sentence.<pattern id>"
)


def decisions(seg: Segmented) -> list[DecisionFact]:
    kept = _Kept(seg)
    for rule in RULES:
        for d in rule.read(seg, kept):
            kept.add(d)
    return sorted(kept.out, key=lambda f: f.evidence.start)
