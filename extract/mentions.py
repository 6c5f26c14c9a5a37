"""Mentions: spans of text that name a body, a person or a post.

Rules first (honorifics, capitalised phrases ending in a body's head word, post titles),
the spaCy model for the people no rule catches. Fact modules turn mentions into facts;
nothing here decides who is who across documents (that is `graph/`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extract.names import clean_name
from extract.records import OrgKind


@dataclass(frozen=True, slots=True)
class BodyMention:
    start: int
    end: int
    name: str
    kind: OrgKind


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int
    end: int
    name: str
    honorific: str


@lru_cache(maxsize=1)
def _patterns() -> dict[str, dict]:
    text = resources.files("extract").joinpath("patterns/bodies.jsonl").read_text(encoding="utf-8")
    return {p["id"]: p for p in (json.loads(line) for line in text.splitlines() if line.strip())}


_CAP = r"(?:[A-Z][A-Za-z'\u2019.-]*|&)"
_JOIN = r"(?: +(?:and|of|for|the|on|in|&|with) +| +|, +(?=[A-Z][a-z]+ (?:and|&) ))"


@lru_cache(maxsize=1)
def _body_rx() -> re.Pattern[str]:
    heads = _patterns()["head-words"]["words"] + _patterns()["external-head-words"]["words"]
    head = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(rf"(?:{_CAP}{_JOIN})*?(?:{_CAP} +)?(?:{head})(?: +(?:of|for) +{_CAP}(?: +{_CAP})*)?\b")


@lru_cache(maxsize=1)
def _known_rx() -> re.Pattern[str]:
    names = _patterns()["external-names"]["names"]
    return re.compile(r"\b(?:" + "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=1)
def _council_rx() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _patterns()["council-names"]["pattern"] + r")\b")


_LEADING_NOISE = re.compile(
    r"^(?:(?:The|the|A|An|This|That|Our|Its|Their|Full|Each|Every|All|Both|Any|New|Minutes|Agenda|Meeting|Members?|"
    r"Chair(?:man|person)?|Vice[- ]Chair(?:man|person)?|Report|Item|At|To|From|By|Of|In|On|For|And|With|"
    r"Herefordshire Council's|Council's|[A-Z][a-z]+day)\s+)+"
)
_NOT_IN_BODY = {"director", "head", "manager", "councillor", "councillors", "cllr", "member", "officer", "lead", "key",
                "none", "open", "chairperson", "chairman", "chair", "vice-chairperson", "membership", "agenda",
                "minutes", "plan", "plan.", "report", "item", "pages", "assistant", "executive's"}
_COMMITTEE_KINDS = {"Committee", "Sub-Committee", "Sub-committee", "Subcommittee", "Sub Committee", "Board", "Panel",
                    "Group", "Forum", "Team", "Working Party", "Commission", "Cabinet", "Executive", "Sub Group",
                    "Sub-group", "Task and Finish Group"}
_GENERIC = {"Committee", "Board", "Panel", "Group", "Forum", "Team", "Service", "Services", "Partnership", "Trust",
            "Office", "Centre", "Council", "Court", "School", "Party", "Authority", "Union", "Agency", "Executive",
            "Commission", "Police", "Network", "Society", "Association", "Foundation", "College", "Academy",
            "University", "Institute", "Sub-Committee", "Working Party"}


def classify_body(name: str) -> OrgKind:
    if re.search(r"\bCouncil$|^London Borough of|^Royal Borough of", name) and not re.search(
            r"Youth Council|Parish Council|Town Council|Council Plan", name):
        return OrgKind.COUNCIL
    last = name.split()[-1]
    if name in ("Cabinet", "Executive") or last in _COMMITTEE_KINDS or re.search(
            r"(Committee|Sub-Committee|Board|Panel|Task and Finish Group|Working Group)$", name):
        if re.search(r"\b(NHS|ICB|Integrated Care|Clinical Commissioning|Trust)\b", name):
            return OrgKind.EXTERNAL
        return OrgKind.COMMITTEE
    return OrgKind.EXTERNAL


def normalise_body(raw: str) -> str | None:
    """A body's name as a reader writes it, or None when the phrase is not a body's name."""
    name = " ".join(raw.replace("\u2019", "'").split()).strip(" ,.;:()")
    if name.isupper() and len(name) > 6:
        name = " ".join(w.capitalize() if w not in {"AND", "OF", "FOR", "THE"} else w.lower() for w in name.split())
    tokens = name.split()
    cut = max((i for i, t in enumerate(tokens) if t.strip(",.").lower() in _NOT_IN_BODY), default=-1)
    if cut >= 0:
        name = " ".join(tokens[cut + 1:])
    prev = None
    while prev != name:
        prev = name
        name = _LEADING_NOISE.sub("", name).strip(" ,")
    name = re.sub(r"'s$", "", name)
    if not name or name in _GENERIC or len(name) < 3:
        return None
    if not name[0].isupper():
        return None
    return name


def find_bodies(text: str) -> list[BodyMention]:
    """Every body named in `text`: councils, committees and external bodies."""
    found: list[BodyMention] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, raw: str, kind: OrgKind | None = None) -> None:
        if any(a < e and s < b for a, b in taken):
            return
        name = normalise_body(raw)
        if not name:
            return
        s2 = s + raw.find(name.split()[0]) if name.split()[0] in raw else s
        taken.append((s, e))
        found.append(BodyMention(max(s, s2), e, name, kind or classify_body(name)))

    for m in _known_rx().finditer(text):
        add(m.start(), m.end(), m.group(0), OrgKind.EXTERNAL)
    for m in _council_rx().finditer(text):
        add(m.start(), m.end(), m.group(0))
    for m in _body_rx().finditer(text):
        add(m.start(), m.end(), m.group(0))
    return sorted(found, key=lambda b: b.start)


_HONORIFIC_PERSON = re.compile(
    r"\b(?P<hon>Councillors?|Cllrs?\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Professor|Prof\.?|Sir|Dame)\s+"
    r"(?P<name>(?:[A-Z]\.?\s+){0,2}[A-Z][A-Za-z'\u2019-]+(?:\s+(?:[A-Z][A-Za-z'\u2019-]+|de|van|von|le)){0,3})"
)


def find_honorific_people(text: str) -> list[PersonMention]:
    """People introduced by an honorific: "Councillor Toni Fagan", "Mr. Paul walker"."""
    out = []
    for m in _HONORIFIC_PERSON.finditer(text):
        raw = m.group("name")
        # stop at a word that cannot be part of a name ("Councillor Fagan Chairperson")
        tokens = raw.split()
        kept: list[str] = []
        for t in tokens:
            if clean_name(" ".join([*kept, t])) is None and kept:
                break
            kept.append(t)
        cleaned = clean_name(" ".join(kept))
        if not cleaned:
            continue
        end = m.start("name") + len(" ".join(kept))
        out.append(PersonMention(m.start(), end, cleaned, m.group("hon").rstrip(".").lower()))
    return out


def find_model_people(text: str) -> list[PersonMention]:
    """People the statistical model finds, kept only where the span reads as a name."""
    from extract import nlp

    out = []
    for s, e in nlp.person_spans(text):
        cleaned = clean_name(text[s:e])
        if cleaned and len(cleaned.split()) >= 2:
            out.append(PersonMention(s, e, cleaned, ""))
    return out


@dataclass(frozen=True, slots=True)
class ListedPerson:
    """One person in a written list: "Councillor Toni Fagan (chairperson)", "Ross Cook (Corporate Director)"."""

    start: int
    end: int
    name: str
    honorific: str
    note: str | None
    note_start: int


_LIST_HONORIFIC = re.compile(r"^(?:(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame)\.?:?\s+)+")
_AND_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|;\s*(?:and\s+)?|\s+and\s+|\s+/\s+|\s*\.\s+(?=[A-Z]))")


def _notes(text: str) -> list[tuple[int, int]]:
    """Spans of top-level parentheses, nested ones included in their parent."""
    spans, depth, open_at = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((open_at, i + 1))
    return spans


def split_people(text: str, offset: int = 0, honorific: str = "") -> list[ListedPerson]:
    """The people in a list such as "Councillors A, B and C" or "A (Title) B (Title)".

    Items are separated by commas, semicolons, "and", "/" or a closing parenthesis; a
    parenthesis after a name is that person's note (a title, a body or a role)."""
    notes = _notes(text)
    # cut the list into items at separators outside parentheses, and after each note
    items: list[tuple[int, int, str | None, int]] = []
    pos = 0
    note_iter = iter(notes + [(len(text), len(text))])
    next_note = next(note_iter)
    while pos < len(text):
        seg_end = next_note[0]
        chunk = text[pos:seg_end]
        parts = []
        last = 0
        for m in _AND_SPLIT.finditer(chunk):
            parts.append((last, m.start()))
            last = m.end()
        parts.append((last, len(chunk)))
        for i, (s, e) in enumerate(parts):
            is_last = i == len(parts) - 1
            note = None
            note_start = -1
            if is_last and next_note[0] < len(text):
                note = text[next_note[0] + 1:next_note[1] - 1].strip()
                note_start = offset + next_note[0] + 1
            items.append((pos + s, pos + e, note, note_start))
        if next_note[0] >= len(text):
            break
        pos = next_note[1]
        next_note = next(note_iter)
    out: list[ListedPerson] = []
    current_hon = honorific
    for s, e, note, note_start in items:
        raw = text[s:e]
        lead = len(raw) - len(raw.lstrip(" ,;:.-\u2013\t"))
        raw_s = raw.strip(" ,;:.-\u2013\t")
        hm = _LIST_HONORIFIC.match(raw_s)
        hon = current_hon
        if hm:
            hon = hm.group(0).split()[0].rstrip(".:").lower()
            if hon in ("councillors", "cllrs"):
                current_hon = "councillor"
                hon = "councillor"
            lead += hm.end()
            raw_s = raw_s[hm.end():]
        name = clean_name(raw_s)
        if not name:
            continue
        start = offset + s + lead
        out.append(ListedPerson(start, start + len(raw_s), name, hon, note, note_start))
    return out
