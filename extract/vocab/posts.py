"""Posts as vocabulary both halves share: what reads as a job title (`is_post`), and which written
forms are one known post (`role_of`, from `patterns/roles.jsonl`). Extraction finds posts with it;
the graph stages name Role nodes and attach role-only mentions with it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extract.names import clean_name


@lru_cache(maxsize=1)
def _patterns() -> dict[str, dict]:
    text = resources.files("extract").joinpath("patterns/posts.jsonl").read_text(encoding="utf-8")
    return {p["id"]: p for p in (json.loads(line) for line in text.splitlines() if line.strip())}


@lru_cache(maxsize=1)
def head_rx() -> re.Pattern[str]:
    heads = sorted((re.escape(w) for w in _patterns()["post-heads"]["words"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(heads) + r")s?\b", re.I)


@dataclass(frozen=True, slots=True)
class Role:
    """One post under all its written forms (`patterns/roles.jsonl`): "DCS", "Director for Children's
    Services" and "Director of Children's Services" are the statutory Director of Children's Services."""

    id: str
    label: str
    kind: str  # "statutory" (an office the law requires) | "job"
    forms: tuple[str, ...]


def _form_key(text: str) -> str:
    low = text.lower().replace("&", " and ").replace("\u2019", "'").replace("'", "").replace(".", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", low).split())


def is_abbreviation(form: str) -> bool:
    """ "DCS", "HoPS", "S151": one word, capitals inside it."""
    return " " not in form and (form.isupper() or any(c.isupper() for c in form[1:]))


@lru_cache(maxsize=1)
def roles() -> tuple[Role, ...]:
    """The posts whose written forms are known to be one post, from `patterns/roles.jsonl`."""
    text = resources.files("extract").joinpath("patterns/roles.jsonl").read_text(encoding="utf-8")
    return tuple(
        Role(id=p["id"], label=p["label"], kind=p["kind"], forms=tuple(p["forms"]))
        for p in (json.loads(line) for line in text.splitlines() if line.strip())
    )


@lru_cache(maxsize=1)
def _role_index() -> tuple[dict[str, Role], dict[str, Role]]:
    words: dict[str, Role] = {}
    abbreviations: dict[str, Role] = {}
    for role in roles():
        for form in role.forms:
            if is_abbreviation(form):
                abbreviations[form.replace(".", "")] = role
            else:
                words[_form_key(form)] = role
    return words, abbreviations


def role_of(post: str) -> Role | None:
    """The known post a written post title is, or None: "Director for Childrens Services" and "DCS" are
    `role.dcs`; an abbreviation counts only as written, in capitals ("CEO", not "ceo")."""
    words, abbreviations = _role_index()
    post = re.sub(r"^(?:the|interim|acting|temporary)\s+", "", post.strip(" ,.;:"), flags=re.I)
    return abbreviations.get(post.replace(".", "")) or words.get(_form_key(post))


def post_named_in(text: str) -> str | None:
    """The longest known post (a written form, not an abbreviation) that `text` names, as `roles.jsonl` writes
    it: what a page's title says the page is about ("new director of children's services appointed")."""
    key = f" {_form_key(text)} "
    found = [f for r in roles() for f in r.forms if not is_abbreviation(f) and f" {_form_key(f)} " in key]
    return max(found, key=len) if found else None


@lru_cache(maxsize=1)
def abbreviation_rx() -> str:
    forms = sorted((re.escape(f) for f in _role_index()[1] if len(f) >= 3), key=len, reverse=True)
    return "(?:" + "|".join(forms) + ")"


# the titles of a cabinet member by portfolio, as councils write them (the canonical role "Cabinet member")
PORTFOLIO_TITLE = r"(?:Cabinet Member|Portfolio Holder|Executive Member|Lead Member)"

_NOT_POST = re.compile(
    r"^(?:the |a |an )?(?:(?:vice[- ])?chair(?:person|man|woman)?(?: of (?:the )?council\b.*)?|in the chair|"
    r"co-opted member.*|substitute.*|member|observer|non-voting.*|"
    # a plural heading ("Officers in attendance"), a party's seats in a list by group ("Labour (26)")
    r"officers\b.*|.*\(\d{1,3}\))$",
    re.I,
)


# a person named inside a title: a list of names read as one title ("Helen Marr, Alderman Neil Pike and Deputy
# Rona Hale"; "Vice Chairperson and Carron Tobin, Development Manager"; "Regeneration Manager and P Moss, ...")
_NAMED_INSIDE = re.compile(
    r"\b(?:(?:Alderman|Deputy|Councillor|Cllr|Sir|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:Sir\s+)?(?P<styled>(?:[A-Z]\.?\s+){0,2}"
    r"[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+)?)|and\s+(?P<joined>(?:[A-Z]\.?\s+){1,2}[A-Z][a-z'\u2019-]+|"
    r"[A-Z][a-z'\u2019-]+\s+[A-Z][a-z'\u2019-]+),\s)"
)


def _names_someone(text: str) -> bool:
    for m in _NAMED_INSIDE.finditer(text):
        name = m.group("styled") or m.group("joined")
        if clean_name(name) and not head_rx().search(name) and (m.group("joined") or " " in name.strip()):
            return True
    return False


# "Head of Resources as of 1 January 2022", "Returning Officer for the Stirling Council area": when, and where
_WHEN_WHERE_TAIL = re.compile(r"(?<!\s)\s+(?:as\s+(?:of|from)\s+\d.*|for\s+the\s+[A-Z][^,]{0,60}?\s+area)$")


def trim_title(title: str) -> str:
    """A title without the date or the area a sentence adds after it: the post is the same post."""
    return _WHEN_WHERE_TAIL.sub("", title)


def is_post(text: str) -> bool:
    """Whether `text` reads as a job title or office."""
    t = text.strip()
    if not t or len(t) > 110 or len(t.split()) > 14 or _NOT_POST.match(t) or _names_someone(t):
        return False
    if not t[0].isupper() and not t.lower().startswith(("interim", "acting", "the ", "lead ")):
        return False
    return bool(head_rx().search(t))
