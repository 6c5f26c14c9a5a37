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

from extract.mentions import classify_body, find_bodies, split_people
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
    return re.compile(r"\b(?:" + "|".join(heads) + r")s?\b")


_INTERIM = re.compile(r"\b(?:interim|acting|temporary)\b", re.I)
_NOT_POST = re.compile(r"^(?:the |a |an )?(?:chair(?:person|man)?|vice[- ]chair(?:person|man)?|in the chair|"
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
                               rf"[A-Z][^,.;\n()]{{2,90}}?(?:,\s+[A-Z][^,.;\n()]{{2,60}}?)?)(?=[,.;\n(]|\s+(?:introduced|presented|said|explained|confirmed|reported|gave|outlined|advised|noted|attended|and\s+[A-Z]))")
_KEY_LINE = re.compile(r"^\s*(?P<acr>[A-Z]{2,4})\s*[=:\u2013-]\s*(?P<name>[A-Z][^,\n]+?),\s*(?P<title>[^\n]+?)\s*$", re.M)
_TITLE_COMMA_NAME = re.compile(
    rf"\b(?:the\s+)?(?P<title>(?:[Ii]nterim\s+|[Aa]cting\s+)?(?:Corporate |Service |Assistant |Deputy |Executive |Strategic )?"
    rf"(?:Director|Chief Executive|Head of [A-Z][\w ]+?|Commissioner)[^,.;\n()]{{0,60}}?),\s+(?P<name>{_NAME})(?=[,.;\n)]|\s+(?:said|has|had|was|is|and)\b)")


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
        if key in seen:
            return
        seen.add(key)
        out.append(PostFact(person=name, post=post, org=org or seg.council or "", date=seg.date_at(start),
                            interim=interim, evidence=seg.sentence_evidence(start, end, rule)))

    # "Name (Title)" in lists
    for line in seg.lines:
        if "(" not in line.text:
            continue
        for p in split_people(line.text, line.start):
            if p.note:
                add(p.name, p.note, p.start, max(p.end, p.note_start + len(p.note)), "post.name-paren")
    for m in _KEY_LINE.finditer(text):
        add(clean_name(m.group("name")), m.group("title"), m.start(), m.end(), "post.key-line")
    for m in _NAME_COMMA_TITLE.finditer(text):
        add(clean_name(m.group("name")), m.group("title"), m.start(), m.end(), "post.name-comma-title")
    for m in _TITLE_COMMA_NAME.finditer(text):
        add(clean_name(m.group("name")), m.group("title"), m.start(), m.end(), "post.title-comma-name")
    return out
