"""Person names as a careful reader writes them down.

Papers write "Councillor Toni Fagan", "Cllr Fagan", "Mr. Paul walker", "MR JOHN SMITH",
"Fagan's". The record keeps the name without honorific, capitalised as a person writes
it; the honorific is kept separately because it says something (a councillor is public).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

HONORIFICS = (
    "County Councillor",
    "District Councillor",
    "Borough Councillor",
    "City Councillor",
    "Town Councillor",
    "Parish Councillor",
    "Ward Councillor",
    "Councillors",
    "Councillor",
    "Cllrs",
    "Cllr",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Dame",
    "Rev",
    "Reverend",
    "Revd",
    "Canon",
    "Deacon",
    "Father",
    "Fr",
    "Lord",
    "Lady",
    "Provost",  # Scottish civic titles before a name ("Provost L Cameron", "Bailie Regan")
    "Bailie",
    "Judge",
    "HHJ",
    "Deputy Mayor",
    "Mayor",
    "Alderman",
    "Baroness",
    "Baron",
)
# "the Reverend Mark Brown", "Reverend and Councillor Chris Lee": a cleric's style takes "the" before it and may
# join a second honorific with "and"
_HONORIFIC_RX = re.compile(
    r"^(?:(?:the\s+)?(?:Reverend|Revd|Rev)\.?\s+and\s+|the\s+(?=(?:Reverend|Revd|Rev)\.?\s+\S)|(?:"
    + "|".join(HONORIFICS)
    + r")\.?\s+)+",
    re.I,
)
_CAPS_SURNAME = re.compile(r"^(Mc|Mac|O')?([A-Z]{3,}(?:-[A-Z]{3,})?)$")
_PARTICLES = {"de", "van", "von", "der", "da", "di", "le", "la", "du", "del", "bin", "al"}
# lower-case letters include the accented ones of Welsh, Irish and Scottish names ("Siân", "Ó Múiri")
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]*\.?|[A-Z]['\u2019][A-Z][a-z\u00df-\u00ff]+|"
    r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+(?:[-'\u2019](?:O['\u2019])?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+)*|"
    r"Mc[A-Z][a-z\u00df-\u00ff]+|Mac[A-Z][a-z\u00df-\u00ff]+|[A-Z][a-z\u00df-\u00ff]+[A-Z][a-z\u00df-\u00ff]+)$"
)


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Capitalised words that are never part of a person's name (posts, bodies, places of work)."""
    text = resources.files("extract").joinpath("patterns/not_name_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.split() if w.strip() and not w.startswith("#"))


def strip_honorific(name: str) -> tuple[str, str]:
    """("Councillor", "Toni Fagan") from "Councillor Toni Fagan"."""
    m = _HONORIFIC_RX.match(name.strip())
    if not m:
        return "", name.strip()
    return m.group(0).strip(), name.strip()[m.end() :].strip()


def _recase(token: str) -> str:
    if token.isupper() and len(token) > 2 or token.islower() and token not in _PARTICLES:
        parts = re.split(r"([-'\u2019])", token.lower())
        out = "".join(p[:1].upper() + p[1:] for p in parts)
        if out.startswith("Mc") and len(out) > 2:
            out = "Mc" + out[2:3].upper() + out[3:]
        return out
    return token


# initials written together before a surname ("Councillor LO Barnett", "Cllr ACR Chappell", "V.J. Bailey"); the
# letters of a body or an honour never are ("NHS England", "MBE")
_RUN_INITIALS = re.compile(r"[A-Z]{2,3}|(?:[A-Z]\.){2,4}")
_ACRONYMS = frozenset({"NHS", "ICB", "CCG", "MP", "MSP", "MBE", "OBE", "CBE", "UK", "BBC", "CEO", "HR", "IT"})


def _run_initials(tokens: list[str], i: int) -> bool:
    return (
        i == 0
        and len(tokens) == 2
        and _RUN_INITIALS.fullmatch(tokens[0]) is not None
        and tokens[0] not in _ACRONYMS
        and tokens[1][:1].isupper()
        and tokens[1][1:].islower()
    )


# the words that name a body, never a surname even after a title and initials
_BODY_WORDS = frozenset(
    {"council", "committee", "board", "panel", "cabinet", "group", "team", "service", "services"}
)


# letters after a name are a seat or an honour, not the name ("Councillor Lumsden MSP", "Jane Orr OBE")
_POST_NOMINALS = frozenset(
    {"MP", "MSP", "MLA", "MS", "AM", "OBE", "MBE", "CBE", "JP", "DL", "KC", "QC", "BEM"}
)


def _without_post_nominals(text: str) -> str:
    tokens = text.split()
    while len(tokens) > 1 and tokens[-1] in _POST_NOMINALS:
        tokens.pop()
    return " ".join(tokens)


def clean_name(raw: str) -> str | None:
    """The name as a reader writes it, or None when `raw` cannot be a person's name."""
    text = " ".join(raw.replace("\u2019", "'").split())
    text = re.sub(r"'s$|'$", "", text)
    text = text.strip(" ,.;:()[]*-\u2013")
    text = _without_post_nominals(text)
    _hon, text = strip_honorific(text)
    text = text.strip(" ,.;:()")
    if not text:
        return None
    tokens = text.split()
    if len(tokens) > 4:
        return None
    if all(t.isupper() for t in tokens) and all(len(t) > 1 for t in tokens):
        tokens = [_recase(t) for t in tokens]
    elif _CAPS_SURNAME.match(tokens[-1]) and sum(len(t) > 2 and t.istitle() for t in tokens[:-1]) == 1:
        # "Neil BENNY", "Alasdair MacPHERSON", "Corrie McCHORD": Scottish and Irish lists set surnames in capitals
        caps = _CAPS_SURNAME.match(tokens[-1])
        tokens = tokens[:-1] + [(caps.group(1) or "") + _recase(caps.group(2))] if caps else tokens
    else:
        tokens = [_recase(t) if t.islower() and t not in _PARTICLES else t for t in tokens]
    bad = not_name_words()
    # "Councillor G Court", "Mr J Church": after a title and initials the last word is a surname, whatever it means
    surname_after_initials = (
        bool(_hon)
        and len(tokens) > 1
        and all(len(t.strip(".")) == 1 for t in tokens[:-1])
        and tokens[-1].lower() not in _BODY_WORDS
    )
    for i, t in enumerate(tokens):
        initial = len(t.strip(".")) == 1 and t[0].isupper() and i < len(tokens) - 1  # "A Burton", "J. Smith"
        if (
            t.lower().strip(".") in bad
            and not initial
            and not (surname_after_initials and i == len(tokens) - 1)
        ):
            return None
        if t.lower() in _PARTICLES or _run_initials(tokens, i):
            continue
        if not _NAME_TOKEN.match(t):
            return None
    if len(tokens) == 1 and (len(tokens[0]) < 3 or tokens[0].endswith(".")):
        return None
    if tokens[-1].endswith(".") or len(tokens[-1]) < 2:
        return None
    return " ".join(tokens)


def surname(name: str) -> str:
    return name.split()[-1].lower()


def initials(name: str) -> str:
    return "".join(t[0] for t in name.split() if t[:1].isupper())


@lru_cache(maxsize=1 << 18)  # pure; resolution and the build key the same written names again and again
def name_key(name: str) -> str:
    """A comparison key: lower case, honorific and punctuation gone."""
    _h, rest = strip_honorific(name)
    return " ".join(
        re.sub(r"[^a-z0-9' -]+", " ", rest.lower().replace("\u2019", "'")).replace("'", "").split()
    )


def fold_surnames(names: list[str] | set[str]) -> dict[str, str]:
    """A bare surname ("Delaney", from "Councillor Delaney declared ...") -> the one fuller name in the same
    document that ends in it ("R Delaney"); a surname two fuller names share stays as written."""
    full: dict[str, set[str]] = {}
    for n in names:
        tokens = n.split()
        if len(tokens) > 1:
            full.setdefault(tokens[-1], set()).add(n)
    out = {}
    for n in names:
        if len(n.split()) == 1 and len(full.get(n, ())) == 1:
            out[n] = next(iter(full[n]))
    return out
