"""Posts: a person holds a job title or office ("Tina Russell (Corporate Director Children
and Young People)", "Hayley Crane, Head of Service for Housing", "RB = Richard Ball,
Assistant Director Place Based Commissioning").

The post is kept as worded; the organization is the one the text attaches to it ("with
the South West Audit Partnership", "(NHS England)"), else the document's council.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from extract.mentions import (
    classify_body,
    find_bodies,
    find_member_listing,
    find_portfolio_rows,
    split_people,
)
from extract.names import clean_name
from extract.records import OrgKind, PostFact
from extract.segment import Segmented


@lru_cache(maxsize=1)
def _patterns() -> dict[str, dict]:
    text = resources.files("extract").joinpath("patterns/posts.jsonl").read_text(encoding="utf-8")
    return {p["id"]: p for p in (json.loads(line) for line in text.splitlines() if line.strip())}


@lru_cache(maxsize=1)
def _head_rx() -> re.Pattern[str]:
    heads = sorted((re.escape(w) for w in _patterns()["post-heads"]["words"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(heads) + r")s?\b", re.I)


_INTERIM = re.compile(r"\b(?:interim|acting|temporary)\b", re.I)
_NOT_POST = re.compile(r"^(?:the |a |an )?(?:(?:vice[- ])?chair(?:person|man|woman)?(?: of (?:the )?council\b.*)?|in the chair|"
                       r"co-opted member.*|substitute.*|member|observer|non-voting.*)$", re.I)


def is_post(text: str) -> bool:
    """Whether `text` reads as a job title or office."""
    t = text.strip()
    if not t or len(t) > 110 or len(t.split()) > 14 or _NOT_POST.match(t):
        return False
    if not t[0].isupper() and not t.lower().startswith(("interim", "acting", "the ", "lead ")):
        return False
    return bool(_head_rx().search(t))


def _split_post_org(seg: Segmented, post: str) -> tuple[str, str | None]:
    """("Auditor", "South West Audit Partnership") from "Auditor with the South West Audit Partnership"."""
    m = re.match(r"(?P<post>.+?),?\s+(?:with|at|from) (?:the )?(?P<org>[A-Z].+)$", post)
    if m:
        return m.group("post").strip(), m.group("org").strip()
    bodies = [b for b in find_bodies(post) if b.kind == OrgKind.EXTERNAL and b.end == len(post)]
    if bodies and bodies[0].start > 0:
        rest = post[:bodies[0].start].rstrip(" ,-")
        if rest and _head_rx().search(rest):
            return rest, bodies[0].name
    return post, None


def _clean_post(post: str) -> str:
    post = " ".join(post.split()).strip(" ,.;:")
    post = re.sub(r"^(?:the|our|its|their)\s+", "", post, flags=re.I)
    post = re.sub(r"\s*\((?:[^()]*)\)$", "", post) if post.count("(") == 1 and post.endswith(")") else post
    return post


_NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Councillor|Cllr)\.?\s+)?[A-Z][a-z'\u2019]+(?:[ -][A-Z][A-Za-z'\u2019-]+){1,2}"
_NAME_COMMA_TITLE = re.compile(rf"(?P<name>{_NAME}),\s+(?P<title>(?:the\s+)?(?:[Ii]nterim\s+|[Aa]cting\s+)?"
                               rf"[A-Z][^,.;\n()]{{2,90}}?(?:,\s+[A-Z][^,.;\n()]{{2,60}}?)?)(?=[,.;\n(]|\s+(?:introduced|presented|said|explained|confirmed|reported|gave|outlined|advised|noted|attended|"
                               rf"and\s+{_NAME}(?:,|\s+(?:introduced|presented|said|explained|gave|outlined))))")
_KEY_LINE = re.compile(r"^\s*(?P<acr>[A-Z]{2,4})\s*[=:\u2013-]\s*(?P<name>[A-Z][^,\n]+?),\s*(?P<title>[^\n]+?)\s*$", re.M)
_TITLE_COMMA_NAME = re.compile(
    rf"\b(?:the\s+)?(?P<title>(?:[Ii]nterim\s+|[Aa]cting\s+)?(?:Corporate |Service |Assistant |Deputy |Executive |Strategic )?"
    rf"(?:Director|Chief Executive|Head of [A-Z][\w ]+?|Commissioner)(?:,?[^,.;\n()]{{0,60}}?)),\s+(?P<name>{_NAME})(?=[,.;\n)]|\s+(?:said|has|had|was|is|and)\b)")


_CONTACT = re.compile(
    rf"^[ \t]*Contact(?: officer)?\s*:\s*(?:(?P<title2>[A-Z][A-Za-z ,&']{{2,70}}?)\s+[\u2013-]\s+(?P<name2>{_NAME})|"
    rf"(?P<name>{_NAME})\s*[,\u2013-]\s*(?P<title>[A-Za-z][A-Za-z ,&']{{2,70}}?))[ \t]*(?:Email:.*)?$", re.M)
_APPOINTED = re.compile(
    rf"(?P<name>{_NAME})\s+(?:had been|has been|was|is|will be|would be)\s+(?:formally\s+)?appointed\s+(?:as\s+)?"
    rf"(?:the\s+)?(?:(?:new|permanent)\s+)?(?P<title>(?:[Ii]nterim\s+|[Aa]cting\s+)?[A-Z][^,.;\n()]{{2,80}}?)"
    rf"(?=\s+(?:of|at|for|with)\s+[A-Z][a-z]+ (?:City |County |Borough )?Council|[,.;\n(]|\s+(?:with effect|from|on|and)\b)")
_OFFERED = re.compile(
    rf"\b(?:the\s+)?(?:role|post|position)\s+of\s+(?:(?:new|permanent)\s+)?(?P<title>[A-Z][^,.;\n()]{{2,80}}?)\s+"
    rf"(?:was|has been|had been)\s+offered\s+to\s+(?P<name>{_NAME})")


_CELL_END = re.compile(r"<|\S+@\S+|\b(?:Tel|Telephone|email|e-mail)\b|\s+on\s+\d")


def _chain_name(part: str) -> tuple[str, int] | None:
    """The person's name a comma-separated part is, or ends with ("Cabinet member children Victoria Gibbs")."""
    name = None if is_post(part) else clean_name(part)
    if name and len(name.split()) >= 2:
        return name, 0
    tail = re.search(r"(?<=\s)((?:[A-Z][a-z'\u2019-]+\s+){1,2}[A-Z][\w'\u2019-]+)$", part)
    if tail and not is_post(tail.group(1)):
        name = clean_name(tail.group(1))
        if name:
            return name, tail.start(1)
    return None


def _name_title_chain(cell: str) -> list[tuple[str, str, int, int]]:
    end = _CELL_END.search(cell)
    cell = cell[:end.start()] if end else cell
    parts = [(m.start(), m.group(0)) for m in re.finditer(r"[^,]+", cell)]
    out: list[tuple[str, str, int, int]] = []
    current: tuple[str, int] | None = None
    title: list[str] = []
    stop = 0

    def flush() -> None:
        if current and title:
            out.append((current[0], ", ".join(title), current[1], stop))

    for start, raw in parts:
        part = raw.strip()
        if not part:
            continue
        hit = _chain_name(part) if (current is None or title) else None
        if hit:
            flush()
            current = (hit[0], start + (len(raw) - len(raw.lstrip())) + hit[1])
            title = []
        elif current and (part[0].isupper() or re.match(r"(?:interim|acting)\s", part, re.I)):
            title.append(part)
            stop = start + len(raw.rstrip())
        else:  # a sentence goes on ("..., said"): the chain ends
            flush()
            current, title = None, []
    flush()
    return [(n, t, s, e) for n, t, s, e in out if is_post(t)]


def posts(seg: Segmented) -> list[PostFact]:
    out: list[PostFact] = []
    seen: set[tuple[str, str]] = set()
    text = seg.text

    def add(name: str | None, title: str, start: int, end: int, rule: str) -> None:
        if not name:
            return
        title = _clean_post(title)
        if not is_post(title):
            return
        post, org = _split_post_org(seg, title)
        interim = bool(_INTERIM.search(post))
        post = _INTERIM.sub("", post).strip(" ,") if interim else post
        post = post[:1].upper() + post[1:]
        if org and classify_body(org) == OrgKind.COMMITTEE:
            org = None
        key = (name, post.lower())
        if key in seen or any(n == name and (p.startswith(post.lower()) or post.lower().startswith(p))
                              for n, p in seen):
            return
        seen.add(key)
        out.append(PostFact(person=name, post=post, org=org or seg.council or "", date=seg.date_at(start),
                            interim=interim, evidence=seg.sentence_evidence(start, end, rule)))

    def add_raw(name: str | None, title: str, start: int, end: int, rule: str) -> None:
        title = _clean_post(title)
        if not name or not title or len(title.split()) > 12 or not title[0].isupper() and not title[0].islower():
            return
        key = (name, title.lower())
        if key in seen:
            return
        seen.add(key)
        out.append(PostFact(person=name, post=title[:1].upper() + title[1:], org=seg.council or "",
                            date=seg.date_at(start), evidence=seg.sentence_evidence(start, end, rule)))

    # "Name (Title)" in lists
    for line in seg.lines:
        if "(" not in line.text:
            continue
        for p in split_people(line.text, line.start):
            if p.note:
                add(p.name, p.note, p.start, max(p.end, p.note_start + len(p.note)), "post.name-paren")
    # a members listing on a Cabinet page: "Cllr Ange Tyler" / "(party)" / "Housing and community safety"
    for entry in find_member_listing(seg.lines):
        meeting = seg.meeting_at(entry.person.start)
        body = meeting.body if meeting else ""
        if entry.portfolio and (body in ("Cabinet", "Executive") or body.endswith((" Cabinet", " Executive"))) \
                and not find_bodies(entry.portfolio):
            add_raw(entry.person.name, f"Cabinet member {entry.portfolio}", entry.person.start, entry.end,
                    "post.cabinet-portfolio")
    for entry in find_portfolio_rows(seg.lines):
        add_raw(entry.person.name, f"Cabinet member {entry.portfolio}", entry.person.start, entry.end,
                "post.cabinet-portfolio")
    # "Contact: Ben Baugh, Democratic Services": a contact line gives the person's job, head word or not
    for m in _CONTACT.finditer(text):
        add_raw(clean_name(m.group("name") or m.group("name2")), m.group("title") or m.group("title2"), m.start(),
                m.end(), "post.contact-line")
    for rx, rule in ((_APPOINTED, "post.appointed"), (_OFFERED, "post.offered")):
        for m in rx.finditer(text):
            add(clean_name(m.group("name")), m.group("title"), m.start(), m.end(), rule)
    # "Victoria Gibbs, Service Director Early Help, Rachel Gillott, Service Director, Safeguarding": a chain of
    # names each followed by its title, read cell by cell
    for line in seg.lines:
        if ", " not in line.text:
            continue
        pos = 0
        for cell in line.text.split("\t"):
            for name, title, s0, e0 in _name_title_chain(cell):
                add(name, title, line.start + pos + s0, line.start + pos + e0, "post.name-title-chain")
            pos += len(cell) + 1
    for m in _KEY_LINE.finditer(text):
        add(clean_name(m.group("name")), m.group("title"), m.start(), m.end(), "post.key-line")
    for m in _NAME_COMMA_TITLE.finditer(text):
        add(clean_name(m.group("name")), m.group("title"), m.start(), m.end(), "post.name-comma-title")
    named = {n for n, _p in seen}
    for m in _TITLE_COMMA_NAME.finditer(text):
        if clean_name(m.group("name")) in named or re.search(r"[A-Z][a-z]+ [A-Z][\w'-]+,\s*(?:the\s+)?$",
                                                             text[max(0, m.start() - 40):m.start()]):
            continue  # the title belongs to the name before it, in a chain of names and titles
        add(clean_name(m.group("name")), m.group("title"), m.start(), m.end(), "post.title-comma-name")
    return out
