"""Mentions: spans of text that name a body, a person or a post.

Rules first (honorifics, capitalised phrases ending in a body's head word, post titles),
the spaCy model for the people no rule catches. Fact modules turn mentions into facts;
nothing here decides who is who across documents (that is `graph/`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache, wraps
from importlib import resources

from extract.names import clean_name
from extract.records import OrgKind


def _memo(fn):
    """Answers of a pure function of a text, kept: several fact modules ask about the same lines,
    and two about the whole text. Each caller gets its own list; short texts (lines, sentences)
    keep their last 4,096 answers, long ones (a document's text) the last two, so memory stays flat."""

    def run(*args, **kwargs):
        return tuple(fn(*args, **kwargs))

    short, long_ = lru_cache(maxsize=4096)(run), lru_cache(maxsize=2)(run)

    @wraps(fn)
    def memoised(text: str, *args, **kwargs):
        return list((short if len(text) <= 2000 else long_)(text, *args, **kwargs))

    return memoised


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


# a capitalised word of a name (one of 60 characters without a space is no word of a name: the guard keeps
# every rule that reads words inside a long run, such as a 120 kB hyphenated "word", from reading it again from
# each of its capitals)
_CAP = r"(?:(?![A-Za-z'\u2019.-]{60})[A-Z][A-Za-z'\u2019.-]*|&)"
# at most this many words before a body's head word ("Audit and Governance Committee" is 3): an open-ended
# run made the body grammar re-read a long run of capitalised words from each of its words
_RUN = 24
_JOIN = r"(?: +(?:and|of|for|the|on|in|&|with) +| +|, +(?=[A-Z][a-z]+,? (?:and|&) )|, (?:and|&) +(?=[A-Z][a-z]+ [A-Z]))"


@lru_cache(maxsize=1)
def _body_rx() -> re.Pattern[str]:
    heads = _patterns()["head-words"]["words"] + _patterns()["external-head-words"]["words"]
    head = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(
        rf"(?:{_CAP}{_JOIN}){{0,{_RUN}}}?(?:{_CAP} +)?(?:{head})(?: +(?:of|for) +{_CAP}(?: +{_CAP})*)?\b"
    )


@lru_cache(maxsize=1)
def _body_rx_joined() -> re.Pattern[str]:
    heads = _patterns()["head-words"]["words"] + _patterns()["external-head-words"]["words"]
    head = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(rf"(?:{_CAP}{_JOIN}){{1,{_RUN}}}?(?:{_CAP} +)?(?:{head})\b")


def _body_matches(text: str):
    """The body phrases of `text`; a lone head word that starts a longer coordinated name ("Police and Crime
    Panel") gives the longer name."""
    pos, rx = 0, _body_rx()
    while True:
        m = rx.search(text, pos)
        if m is None:
            return
        if m.group(0) in _single_heads():
            m2 = _body_rx_joined().match(text, m.start())
            if m2 and len(re.split(r" (?:and|&) ", m2.group(0))[-1].split()) >= 2:
                m = m2
        yield m
        pos = max(m.end(), pos + 1)


@lru_cache(maxsize=1)
def _lower_head_rx() -> re.Pattern[str]:
    """A name in title case whose head word is written in lower case: "Hereford Enterprise zone"."""
    heads = {
        h.lower()
        for h in _patterns()["head-words"]["words"] + _patterns()["external-head-words"]["words"]
        if h[:1].isupper() and not h.isupper()
    }
    head = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{_CAP}(?: +(?:and|of|for|&) +| +)){{1,{_RUN}}}?{_CAP} +(?:{head})\b")


@lru_cache(maxsize=1)
def _known_rx() -> re.Pattern[str]:
    names = _patterns()["external-names"]["names"] + _patterns()["party-names"]["names"]
    return re.compile(
        r"\b(?:" + "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True)) + r")\b"
    )


@lru_cache(maxsize=1)
def _council_rx() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _patterns()["council-names"]["pattern"] + r")\b")


_LEADING_NOISE = re.compile(
    r"^(?:(?:The|the|A|An|This|That|Our|Its|Their|Full|Each|Every|All|Both|Any|New|Minutes|Agenda|Meeting|Members?|"
    r"Chair(?:man|person)?|Vice[- ]Chair(?:man|person)?|Report|Item|At|To|From|By|Of|In|On|For|And|With|"
    r"Herefordshire Council's|Council's|[A-Z][a-z]+day|Supplement for|Report of|Minutes of|Supplement|Addendum|Appendix|Annex|Update|Updates|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|"
    r"September|October|November|December|Most|Multi|Inspecting|"
    r"(?!Department|Government|Association|Federation|Foundation|Institution|Corporation|Statement)[A-Z][a-z]+(?:ment|tion|ing|ance)"
    r" (?:with|of)|[A-Z]{2,6} (?:and|&))\s+)+"
)
_NOT_IN_BODY = {
    "councillor",
    "councillors",
    "cllr",
    "member",
    "key",
    "none",
    "open",
    "chairperson",
    "chairman",
    "chair",
    "vice-chairperson",
    "membership",
    "agenda",
    "minutes",
    "plan",
    "plan.",
    "report",
    "item",
    "pages",
    "executive's",
}
# a post word ends the phrase before it only where the post is complete: "Corporate Director, Economy and ..."
# or "Head of Service and ..." (a comma or a conjunction follows), not "Chief Officer Appointments Committee"
_POST_IN_BODY = {"officer", "officers", "director", "head", "manager", "assistant", "lead"}
_GENERIC_PHRASES = {
    "partnerships",
    "multi agency",
    "working group",
    "steering group",
    "sub group",
    "local authority",
    "local authorities",
    "trade union",
    "trade unions",
    "the council",
    "unit",
    "service",
}
_DESCRIPTORS = {
    "City",
    "County",
    "Borough",
    "District",
    "Town",
    "Parish",
    "Foundation",
    "Local",
    "National",
    "Regional",
    "Metropolitan",
    "Unitary",
    "Combined",
    "Principal",
    "Neighbouring",
    "Partner",
    "Community",
    "Parliamentary",
}
_COMMITTEE_KINDS = {
    "Committee",
    "Sub-Committee",
    "Sub-committee",
    "Subcommittee",
    "Sub Committee",
    "Board",
    "Panel",
    "Group",
    "Forum",
    "Team",
    "Working Party",
    "Commission",
    "Cabinet",
    "Executive",
    "Sub Group",
    "Sub-group",
    "Task and Finish Group",
}
_GENERIC = {
    "Committee",
    "Board",
    "Panel",
    "Group",
    "Forum",
    "Team",
    "Service",
    "Services",
    "Partnership",
    "Trust",
    "Office",
    "Centre",
    "Council",
    "Court",
    "School",
    "Party",
    "Authority",
    "Union",
    "Agency",
    "Executive",
    "Commission",
    "Police",
    "Network",
    "Society",
    "Association",
    "Foundation",
    "College",
    "Academy",
    "University",
    "Institute",
    "Sub-Committee",
    "Working Party",
}


# a phrase that opens with a post and its "of" ("Chief Executive of NHS Wyeshire") or with a person's title ("Mr Penn's
# Union", "Councillor Hale's Group") names a post or a person's thing, not a body
_POST_OR_PERSON_FIRST = re.compile(
    r"^(?:(?:(?:Deputy|Acting|Interim)[ \t]+)?Chief[ \t]+Executive[ \t]+of\b|(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr)\.?[ \t])"
)
# a unit named for the work its staff do ("Chief Executive's Delivery Unit", "Business Support Unit") is part of the
# council's staff, not a body; one that serves the public keeps its name ("Pupil Referral Unit")
_STAFF_UNIT = re.compile(
    r"\b(?:Delivery|Support|Business|Policy|Performance|Programme|Project|Improvement|Intelligence) Unit$"
)
_AFTER_HONORIFIC = re.compile(r"\b(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+$")
_GROUP_OF_PEOPLE = re.compile(
    r"(?:Board|Panel|Court|Committee|Council) of (?:Members|Directors|Trustees|Governors|Councillors)"
)


def classify_body(name: str) -> OrgKind:
    name = re.sub(r" \([^()]{0,60}\)$", "", name) or name  # "Scrutiny Board (Children's Services)" is a board
    if re.search(r"\bCouncil$|^London Borough of|^Royal Borough of", name) and not re.search(
        r"Youth Council|Parish Council|Town Council|Council Plan", name
    ):
        return OrgKind.COUNCIL
    last = name.split()[-1]
    if (
        name in ("Cabinet", "Executive")
        or last in _COMMITTEE_KINDS
        or re.search(r"(Committee|Sub-Committee|Board|Panel|Task and Finish Group|Working Group)$", name)
    ):
        if re.search(r"\b(NHS|ICB|Integrated Care|Clinical Commissioning|Trust)\b", name):
            return OrgKind.EXTERNAL
        return OrgKind.COMMITTEE
    return OrgKind.EXTERNAL


def normalise_body(raw: str) -> str | None:
    """A body's name as a reader writes it, or None when the phrase is not a body's name."""
    name = " ".join(raw.replace("\u2019", "'").split()).strip(" ,.;:(")
    if name.count(")") > name.count("("):  # a bracket closed after the name, not one that qualifies it
        name = name.strip(" ,.;:()")
    if name.isupper() and len(name) > 6:
        name = " ".join(
            w.capitalize() if w not in {"AND", "OF", "FOR", "THE"} else w.lower() for w in name.split()
        )
    tokens = name.split()
    cut = max(
        (
            i
            for i, t in enumerate(tokens)
            if (t.strip(",.").lower() in _NOT_IN_BODY and not (i == 0 and t == "Member" and len(tokens) > 2))
            or (
                t.strip(",.").lower() in _POST_IN_BODY
                and (
                    t.endswith(",")
                    or i + 1 < len(tokens)
                    and tokens[i + 1] in ("of", "for", "and", "&")
                    or i > 0
                    and tokens[i - 1].endswith("'s")
                )
            )
        ),
        default=-1,
    )
    if cut >= 0:
        name = " ".join(tokens[cut + 1 :])
        # "Chairman of Ryedale Cycle Forum": after a seat (not a post) the body follows its "of"
        if tokens[cut].strip(",.").lower() in _NOT_IN_BODY:
            name = re.sub(r"^(?:of|for|on|to)\s+(?:the\s+)?", "", name)
    # a person's name glued to the body by a layout ("Tori Lynch Corporate Parenting Board") is cut where a
    # known name shows it; a coordination whose last conjunct is a bare head ("Economy and Environment and
    # Cabinet") names only that head
    m = re.search(r"(?:^|\s)(?:and|&)\s+(\S+)$", name)
    if m and len(name.split()) > 2 and (m.group(1) in _single_heads() or m.group(1) == "Cabinet"):
        name = m.group(1)
    prev = None
    while prev != name:
        prev = name
        name = _LEADING_NOISE.sub("", name).strip(" ,")
    name = re.sub(r"'s$", "", name)
    name = re.sub(r"\b(Panel|Board|Forum|Group) Committee$", r"\1", name)  # "Employment panel committee"
    name = re.sub(r"^(?:[A-Z]{2,6}|[A-Z][a-z]+),\s+", "", name) if re.match(r"^[A-Z]{2,6},", name) else name
    if not name or name in _GENERIC or len(name) < 3 or name in _single_heads() and name != "Cabinet":
        return None
    words = name.split()
    if len(words) > 1 and all(w in _DESCRIPTORS for w in words[:-1]) and words[-1] in _single_heads():
        return None  # "the City Council", "a Foundation Trust": a kind of body, not a name
    if _GROUP_OF_PEOPLE.fullmatch(name):
        return None  # "the Board of Trustees", "a Panel of Members": the people of some body, not its name
    low = name.lower()
    if low in _GENERIC_PHRASES or re.search(r"\bchief executive$|^secretary of state\b|^local authorit", low):
        return None
    if _POST_OR_PERSON_FIRST.match(name) or _STAFF_UNIT.search(name):
        return (
            None  # a post ("Chief Executive of NHS Wyeshire"), a person's ("Mr Penn's Union"), a staff unit
        )
    if (
        re.match(r"^(?:[A-Z]{2,5}|[A-Z][a-z]+)\s+(?:and|&)\s+[A-Z][a-z]+$", name)
        and name.split()[-1] in _GENERIC
    ):
        return None
    if not name[0].isupper():
        return None
    # a team is a unit of staff, not a body, unless it is the one that governs ("Corporate Leadership Team")
    if re.search(r"\bTeam$", name) and not re.search(
        r"\b(?:Leadership|Management|Executive|Senior|Board) Team$", name
    ):
        return None
    return name


_CHUNK = 2000


def _chunks(text: str) -> list[tuple[int, str]]:
    """Pieces of at most about _CHUNK characters, cut at line ends (or, in a longer line, at a
    space): the body grammar never crosses a line, and bounded pieces keep its backtracking
    bounded on hostile input (a 200 kB line of capitalised words)."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start + _CHUNK // 2, end)
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


@_memo
def find_bodies(text: str) -> list[BodyMention]:
    """Every body named in `text`: councils, committees and external bodies."""
    if len(text) <= _CHUNK:
        return _bodies_in(text)
    out: list[BodyMention] = []
    for offset, piece in _chunks(text):
        out.extend(BodyMention(b.start + offset, b.end + offset, b.name, b.kind) for b in _bodies_in(piece))
    return out


def _bodies_in(text: str) -> list[BodyMention]:
    found: list[BodyMention] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, raw: str, kind: OrgKind | None = None) -> None:
        if any(a < e and s < b for a, b in taken):
            return
        name = normalise_body(raw)
        if not name:
            return
        s2 = s + raw.find(name.split()[0]) if name.split()[0] in raw else s
        if _AFTER_HONORIFIC.search(text, max(0, s2 - 16), max(s, s2)):
            return  # "Councillor G Court", "Mr J Church": a person whose surname is a head word
        taken.append((s, e))
        found.append(BodyMention(max(s, s2), e, name, kind or classify_body(name)))

    for m in _known_rx().finditer(text):
        suffix = _COMPANY_SUFFIX.match(text, m.end())
        end = suffix.end() if suffix and "\n" not in suffix.group(0) else m.end()
        add(m.start(), end, text[m.start() : end], OrgKind.EXTERNAL)
    for m in _council_rx().finditer(text):
        for s, e in _conjuncts(m.group(0)):
            add(m.start() + s, m.start() + e, m.group(0)[s:e])
    for m in _body_matches(text):
        phrase = m.group(0)
        more = _head_run_rx().match(text, m.end())
        if more:  # "Wye Valley NHS Foundation Trust": the name runs over every head word that follows
            phrase += more.group(0)
        if _NAMES_A_THING.match(text, m.start() + len(phrase)):
            continue  # "the Investment Partnership Model", "Most Appropriate Agency" policy: a thing, not a body
        suffix = _COMPANY_SUFFIX.match(text, m.start() + len(phrase))
        if suffix:
            phrase += suffix.group(0)
        elif qualifier := _QUALIFIER.match(text, m.start() + len(phrase)):
            phrase += qualifier.group(0)
        for s, e in _conjuncts(phrase):
            add(m.start() + s, m.start() + e, phrase[s:e])
    for m in _lower_head_rx().finditer(text):
        phrase = m.group(0)
        head = phrase.split()[-1]
        add(m.start(), m.end(), phrase[: len(phrase) - len(head)] + head.capitalize())
    return sorted(found, key=lambda b: b.start)


# what a committee's name says in brackets of which one it is: "Scrutiny Board (Children's Services)"; not an
# acronym ("(ICB)"), an item ("(Item 13)"), pages or a date, which have capitals only, digits or lower-case words
_QUALIFIER = re.compile(
    r"(?:(?<=Committee)|(?<=Board)|(?<=Panel))[ \t]\((?:[A-Z][a-z'\u2019]+)(?:[ \t](?:[A-Z][a-z'\u2019]+|and|&|of|the)){0,4}\)"
)
_NAMES_A_THING = re.compile(
    r"['\"\u2019\u201d]?\s+(?:policy|protocol|model|Model|Policy|Protocol)\b"
)  # one way to read spaces
# a company's name runs on to its legal suffix: "... Group Training Association Ltd", "Grant Thornton UK LLP"
_COMPANY_SUFFIX = re.compile(r"(?: +[A-Z][A-Za-z&'-]*){0,3} +(?:Ltd|Limited|LLP|plc|PLC|CIC)\b\.?")


@lru_cache(maxsize=1)
def _head_run_rx() -> re.Pattern[str]:
    heads = _patterns()["head-words"]["words"] + _patterns()["external-head-words"]["words"]
    head = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(rf"(?: +(?:{head})\b)+")


@lru_cache(maxsize=1)
def _single_heads() -> frozenset[str]:
    words = _patterns()["head-words"]["words"] + _patterns()["external-head-words"]["words"]
    return frozenset(w for w in words if " " not in w) | {"Council"}


_CLOSED_HEADS = {"Ltd", "Limited", "LLP", "plc", "Council", "Committee", "Board", "Trust"}


def _conjuncts(phrase: str) -> list[tuple[int, int]]:
    """Two bodies joined by "and": "Wye Valley NHS Trust and Herefordshire Council" is two names, split
    after a head word; "Audit and Governance Committee" (no head before "and") stays one."""
    heads = _single_heads()
    out, start = [], 0
    for m in re.finditer(r"(\S+) +(?:and|&) +(?=[A-Z])", phrase):
        left = phrase[start : m.start(1) + len(m.group(1))].split()
        # "Police and Crime Panel": a lone head word before "and" is a modifier, not a body
        if m.group(1).strip(",") in heads and (len(left) >= 2 or left[0] in _CLOSED_HEADS):
            out.append((start, m.start(1) + len(m.group(1))))
            start = m.end()
    out.append((start, len(phrase)))
    return out


# a list a PDF ran together glues the next honorific to a surname ("Councillor B QuinnCouncillor H Reilly"): a word
# of the name stops before "Councillor", and "Councillor" after a lower-case letter starts the next name
_NAME_WORD = r"(?!Councillor)[A-Z](?:(?!Councillor)[A-Za-z'\u2019-])+"
_HONORIFIC_PERSON = re.compile(
    r"(?:\b|(?<=[a-z])(?=Councillor))"
    r"(?P<hon>Councillors?|Cllrs?\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Professor|Prof\.?|Sir|Dame)[ \t]+"
    r"(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)?"  # "Councillor Mrs S M Murray"
    # a middle initial between a first name and the surname: "Councillor Alun W Pryce", "Cllr Catrin M S Hughes"
    rf"(?P<name>(?:[A-Z]\.? +){{0,3}}{_NAME_WORD}(?: +(?:{_NAME_WORD}|[A-HJ-Z]\.?(?= +[A-Z])|(?:de|van|von|le)\b)){{0,3}})"
)


# what minutes write after a mover's or seconder's name, capitalised or in capitals: never a word of the name
_MOTION_VERBS = frozenset({"moved", "seconded", "proposed"})
_LOWER_SURNAME = re.compile(r" ([a-z][a-z'-]{2,})\b")


@_memo
def find_honorific_people(text: str) -> list[PersonMention]:
    """People introduced by an honorific: "Councillor Toni Fagan", "Mr. Paul walker"."""
    out = []
    for m in _HONORIFIC_PERSON.finditer(text):
        raw = m.group("name")
        # stop at a word that cannot be part of a name ("Councillor Fagan Chairperson")
        tokens = raw.split()
        kept: list[str] = []
        for i, t in enumerate(tokens):
            if kept and i + 1 < len(tokens) and re.fullmatch(r"[A-HJ-Z]\.?", t):
                # a middle initial ("Alun W Pryce", "Catrin M S Hughes"): kept where the name goes on to a surname
                j = next((k for k in range(i, len(tokens)) if not re.fullmatch(r"[A-Z]\.?", tokens[k])), i)
                if j == i or clean_name(" ".join([*kept, *tokens[i : j + 1]])) is None:
                    break
                kept.append(t)
                continue
            if kept and t.lower() in _MOTION_VERBS:
                break  # "Councillor Devenney Moved, Councillor Hussey Seconded", "Councillor Fielding MOVED"
            if clean_name(" ".join([*kept, t])) is None and kept and not re.fullmatch(r"[A-Z]\.?", kept[-1]):
                break  # initials go on to their surname ("Councillor Mrs S M Murray")
            kept.append(t)
        end = m.start("name") + len(" ".join(kept))
        # "Mr Paul walker": a surname typed in lower case, which the text also writes as "Mr Walker"
        low = _LOWER_SURNAME.match(text, end)
        if (
            len(kept) == 1
            and low
            and re.search(
                r"\b(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr)\.? " + re.escape(low.group(1).capitalize()) + r"\b",
                text,
            )
        ):
            kept.append(low.group(1).capitalize())
            end = low.end()
        cleaned = clean_name(" ".join(kept))
        if not cleaned:
            continue
        out.append(PersonMention(m.start(), end, cleaned, m.group("hon").rstrip(".").lower()))
        if m.group("hon").rstrip(".").lower() in ("councillors", "cllrs"):
            # "Councillors High and Rostron", "Cllrs R Bailey, S Bennett-Wake and N Cook": the rest of the list
            lm = _PLURAL_LIST.match(text, end)
            if lm:
                for p in split_people(lm.group(0), end, "councillor"):
                    out.append(PersonMention(p.start, p.end, p.name, "councillor"))
    return out


_LIST_NAME = r"(?:[A-Z]\.?[ \t]+){0,2}[A-Z][A-Za-z'\u2019-]+(?:[ \t]+(?:[A-HJ-Z]\.?[ \t]+)?[A-Z][A-Za-z'\u2019-]+){0,2}"
_PLURAL_LIST = re.compile(
    rf"(?:[ \t]*\([^()\n]{{1,40}}\))?(?:(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)"
    rf"(?:(?:Councillor|Cllr)\.?[ \t]+)?{_LIST_NAME}(?:[ \t]*\([^()\n]{{1,40}}\))?)+"
)


def find_model_people(text: str, model: str | None = None) -> list[PersonMention]:
    """People the statistical model `model` (None: the default) finds, kept only where the span reads as
    a name."""
    from extract import nlp

    out = []
    for s, e in nlp.person_spans(text, model):
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


_LIST_HONORIFIC = re.compile(
    r"^(?:(?:Councillors?|Cllrs?|Coun|Aldermen|Alderman|Bailies|Bailie|BAILIES|(?:Lord\s+|Depute\s+)?Provost|"
    r"Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Sir|Dame)"
    r"\.?:?\s+)+"
)
# a list flattened from a PDF or a table has no separators, only honorifics: "Councillor Neil BENNY Councillor
# Alasdair MacPHERSON", "Councillor R BurgessCouncillor P Byrne", "Councillor N Trimble Deputy Mayor Councillor
# Jenny Palmer Aldermen O Gawith, A Grehan": an honorific (or a civic title before one) after a name starts an item.
# A full stop ends an item, but not one that closes an initial or a title ("Cllr. Iain Hewson", "Mrs. P. Drake").
# Spaces are read one way only (a run of them whole, and no match starts inside one): with `\s*` before
# alternatives that began with `\s+`, a line of 1,000 spaces took 1.4 s and the time grew as the cube of the run
_AND_SPLIT = re.compile(
    r"(?:(?<!\s)|(?!\s))(?:\s++(?:and\s+|/\s+)|\s*+(?:,\s*and\s+|,\s*|;\s*(?:and\s+)?|"
    r"(?<!(?<![A-Za-z])[A-Z])(?<!\bMrs)(?<!\bCllr|\bProf)(?<!\bMr|\bMs|\bDr)(?<!\bCllrs)\.\s+(?=[A-Z]))|"
    r"(?<=[A-Za-z'\u2019)])\s*+(?:(?:(?:The\s+)?(?:Deputy\s+|Lord\s+|Vice\s+)?(?:Mayor|Provost|Chair(?:man)?)\s+)?"
    r"(?=(?:Councillor|Cllr|Alderman|Aldermen)\s+[A-Z])|(?<=[a-z])(?=(?:Mrs?|Ms|Miss|Dr)\s+[A-Z])))"
)


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


_HONOURS = re.compile(r"(?:[ \t]+(?:MBE|OBE|CBE|BEM|KBE|DBE|JP|DL|KC|QC))+$")


@_memo
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
                note = text[next_note[0] + 1 : next_note[1] - 1].strip()
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
            if hon in ("councillors", "cllrs", "aldermen", "bailies"):
                current_hon = {"aldermen": "alderman", "bailies": "bailie"}.get(hon, "councillor")
            if hon in ("councillors", "cllrs", "cllr"):
                hon = "councillor"
            hon = {"aldermen": "alderman", "bailies": "bailie"}.get(hon, hon)
            lead += hm.end()
            raw_s = raw_s[hm.end() :]
        honours = _HONOURS.search(
            raw_s
        )  # "W J Dillon MBE", "J Laverty BEM": the letters are no part of the name
        raw_s = raw_s[: honours.start()] if honours and honours.start() else raw_s
        name = clean_name(raw_s)
        if not name and note is not None and not hm:
            # "... were received from Ross Cook (Corporate Director)": the name is the capitalised tail
            tail = re.search(r"(?:(?<=\s)|^)((?:[A-Z][\w'\u2019.-]*\s+){1,3}[A-Z][\w'\u2019-]+)$", raw_s)
            if tail:
                name = clean_name(tail.group(1))
                if name:
                    lead += tail.start(1)
                    raw_s = tail.group(1)
        if not name:
            continue
        start = offset + s + lead
        out.append(ListedPerson(start, start + len(raw_s), name, hon, note, note_start))
    return out


@dataclass(frozen=True, slots=True)
class ListingEntry:
    """One member in a listing laid out one item a line (a ModernGov committee page):
    "Cllr Liz Harvey (Deputy Leader)" / "(Independents for Herefordshire)" / "Finance and Planning"."""

    person: ListedPerson
    party: str | None
    portfolio: str | None
    portfolio_start: int
    end: int


_LISTING_HEAD = re.compile(
    r"^[\s\u2022\u00b7*-]*(?:Councillors?|Cllrs?)\.?\s+[A-Z][^()\n]{1,60}(?:\([^()\n]{1,80}\))?\s*$"
)


def find_member_listing(lines: list) -> list[ListingEntry]:
    """Members laid out one line each, each followed by its party in parentheses and/or a portfolio
    line; at least two such entries make a listing (a lone "Cllr X" line is not one)."""
    out: list[ListingEntry] = []
    for i, line in enumerate(lines):
        if not _LISTING_HEAD.match(line.text):
            continue
        people = split_people(line.text, line.start)
        if len(people) != 1:
            continue
        party = portfolio = None
        p_start = end = line.end
        for ln in lines[i + 1 : i + 8]:
            t = ln.text.strip().strip("\u00a0").strip()
            if not t:
                continue
            if _LISTING_HEAD.match(ln.text):
                break
            if t.startswith("(") and t.endswith(")") and party is None and portfolio is None:
                party = t[1:-1].strip()
                end = ln.end
                continue
            if (
                portfolio is None
                and len(t.split()) <= 12
                and t[0].isupper()
                and not t.endswith((".", ":"))
                and not re.search(r"\d", t)
            ):
                portfolio = t
                p_start = ln.start + ln.text.find(t)
                end = p_start + len(t)
            break
        if party or portfolio:
            out.append(ListingEntry(people[0], party, portfolio, p_start, end))
    return out if len(out) >= 2 else []


_PORTFOLIO_ROW = re.compile(
    r"^[ \t]*(?P<who>(?:Councillor|Cllr)\.?[ \t]+[^\t]{3,60}?)[ \t]*\t[ \t]*(?P<port>[^\t]{3,120}?)[ \t]*$"
)


def find_portfolio_rows(lines: list) -> list[ListingEntry]:
    """Cabinet members as a table, one row each: "Councillor Jonathan Lester<TAB>Corporate Strategy and Budget
    (Leader of the Council)", in a run of at least two rows under text that speaks of the cabinet or portfolios."""
    out: list[ListingEntry] = []
    run: list[ListingEntry] = []
    context = ""

    def close() -> None:
        if len(run) >= 2 and re.search(r"\bcabinet\b|\bportfolio", context, re.I):
            out.extend(run)
        run.clear()

    for i, line in enumerate(lines):
        m = _PORTFOLIO_ROW.match(line.text)
        people = split_people(m.group("who"), line.start + m.start("who")) if m else []
        if m and len(people) == 1:
            if not run:
                context = " ".join(ln.text for ln in lines[max(0, i - 4) : i])
            port = m.group("port")
            note = re.search(r"\s*\(([^()]+)\)\s*$", port)
            person = people[0]
            if note:
                person = ListedPerson(
                    person.start,
                    person.end,
                    person.name,
                    person.honorific,
                    note.group(1),
                    line.start + m.start("port") + note.start(1),
                )
                port = port[: note.start()]
            start = line.start + m.start("port")
            run.append(ListingEntry(person, None, port.strip(), start, start + len(port.rstrip())))
        elif line.text.strip():
            close()
    close()
    return out
