"""People: every named individual in a document, public office holders and private ones.

Names come from the other facts (attendance, seats, posts, owners), from honorifics
("Councillor Fagan", "Mr. Paul walker") and from the model's PERSON entities. Each
distinct name is one fact; `privacy` decides whether it may be published.

The rules are `RULES` (where a name is written, and whether the words there give an office);
each has an example in `patterns/people_examples.jsonl` that a test runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract.mentions import find_bodies, find_honorific_people, find_model_people
from extract.names import clean_name, fold_surnames
from extract.privacy import is_private_at, private_spans
from extract.records import ActionFact, AttendanceFact, DecisionFact, Fact, PersonFact, PostFact, SeatFact
from extract.segment import Segmented

_OFFICE_HONORIFICS = {"councillor", "councillors", "cllr", "cllrs"}


def _names_in(fact: Fact) -> list[str]:
    if isinstance(fact, AttendanceFact | SeatFact | PostFact):
        return [fact.person] if fact.person else []  # a role-only PostFact names no one
    if isinstance(fact, ActionFact):
        return [o for o in fact.owners if len(o.split()) <= 4]
    if isinstance(fact, DecisionFact) and fact.lead_officer:
        return [fact.lead_officer]
    return []


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a name is written, and whether the words there give its holder an office (a post, a seat, a place
    at a meeting): an office holder is public wherever else the name appears."""

    name: str
    start: int
    end: int
    office: bool


def _from(fact_type: str) -> Callable[[Segmented, list[Fact]], Iterator[Mention]]:
    """The names the facts of one type give, at those facts' evidence."""

    def read(seg: Segmented, facts: list[Fact]) -> Iterator[Mention]:
        for f in facts:
            if f.fact_type == fact_type:
                office = isinstance(f, PostFact | SeatFact | AttendanceFact)
                for name in _names_in(f):
                    yield Mention(name, f.evidence.start, f.evidence.end, office)

    return read


def _honorifics(seg: Segmented, facts: list[Fact]) -> Iterator[Mention]:
    """ "Councillor Fagan", "Mr. Paul walker": a councillor's title is an office, a courtesy title is not."""
    for m in find_honorific_people(seg.text):
        yield Mention(m.name, m.start, m.end, m.honorific in _OFFICE_HONORIFICS)


# a page's contact or lead officer line: "Contact: Sarah Lomax Tel: 01234 567890", "Contact: Dai Rees  Email: ...",
# "Lead officer: Ana Pryce, Tom Hale" (a ModernGov page's furniture and a forward plan's field: council staff)
_CONTACT_LINE = re.compile(
    r"^[ \t]*(?:Contact(?:[ \t]+[Oo]fficers?)?|Lead[ \t]+[Oo]fficers?)[ \t]*:[ \t]*(?P<rest>[^\n]{2,160})",
    re.M,
)
# where the names end: a phone number, an e-mail, a bracket, a dash or a wide gap before a title ("Jane Hale  Committee
# Manager"), "on 020 ..."
_CONTACT_END = re.compile(
    r"[ \t]{2,}|\t|[ \t][-\u2013\u2014][ \t]|[(:@\d/]|\b(?:Tel|tel|Telephone|Email|E-mail|e-mail|Phone|Ext|on)\b"
)
_CONTACT_PART = re.compile(r"[^,;]+")
_CONTACT_AND = re.compile(r"(?<![ \t])[ \t]+(?:and|&)[ \t]+")


def _contact_lines(seg: Segmented, facts: list[Fact]) -> Iterator[Mention]:
    """The officers a page's "Contact:" or "Lead officer:" line names, each before any phone, e-mail or title: an
    office (the council's staff, published as its contact). The names end at the first part that is none (a title
    after the name: "Ana Pryce, Head of Committee and Member Support")."""
    for m in _CONTACT_LINE.finditer(seg.text):
        rest = m.group("rest")
        cut = _CONTACT_END.search(rest)
        names = rest[: cut.start()] if cut else rest
        for part in _CONTACT_PART.finditer(names):
            pieces = _pieces(part.group(0), part.start())
            found = [(s, raw.strip(), clean_name(raw)) for s, raw in pieces if raw.strip()]
            if not found or not all(n and (len(n.split()) >= 2 or n != raw) for _s, raw, n in found):
                break
            for s, raw, name in found:
                start = m.start("rest") + s + (len(names[s:]) - len(names[s:].lstrip()))
                yield Mention(name or raw, start, start + len(raw), True)


def _pieces(text: str, offset: int) -> list[tuple[int, str]]:
    """ "Ana Pryce and Tom Hale" -> each name with where it starts."""
    out, pos = [], 0
    for sep in _CONTACT_AND.finditer(text):
        out.append((offset + pos, text[pos : sep.start()]))
        pos = sep.end()
    return [*out, (offset + pos, text[pos:])]


def _model(seg: Segmented, facts: list[Fact], model: str | None = None) -> Iterator[Mention]:
    """The statistical model's PERSON entities that read as names."""
    for m in find_model_people(seg.text, model):
        yield Mention(m.name, m.start, m.end, False)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    read: Callable[..., Iterator[Mention]]  # (seg, facts), and the model's name for a rule that reads with it
    model: bool = False  # read only when the build uses the model


RULES: tuple[Rule, ...] = (
    Rule("person.from-attendance", _from("attendance")),
    Rule("person.from-membership", _from("membership")),
    Rule("person.from-holds_post", _from("holds_post")),
    Rule("person.from-decision", _from("decision")),
    Rule("person.from-action", _from("action")),
    Rule("person.honorific", _honorifics),
    Rule("person.contact-line", _contact_lines),
    Rule("person.model", _model, model=True),
)


def people(
    seg: Segmented, facts: list[Fact], *, use_model: bool = True, model: str | None = None
) -> list[PersonFact]:
    private = private_spans(seg)
    mentions: dict[str, list[tuple[int, int, str, bool]]] = {}  # name -> (start, end, rule, has_office)
    for rule in RULES:
        if rule.model and not use_model:
            continue
        for m in rule.read(seg, facts, model) if rule.model else rule.read(seg, facts):
            mentions.setdefault(m.name, []).append((m.start, m.end, rule.id, m.office))
    for short, full in fold_surnames(set(mentions)).items():  # "Cllr Delaney" is the "R Delaney" of the list
        if not _only_private(mentions[full], private):
            mentions[full].extend(mentions.pop(short))
    out = []
    for name, spans in mentions.items():
        if _is_body_name(name):
            continue  # "Ayrshire Roads Alliance" read as a post's holder, "Lib Dems" as a councillor's: bodies
        # a model-only single mention of a name is too weak to publish a person on
        rules = {r for _s, _e, r, _o in spans}
        if rules == {"person.model"} and len(spans) < 2 and not _has_context(seg, spans[0][0], spans[0][1]):
            continue
        has_office = any(o for *_x, o in spans)
        in_private = [s for s in spans if is_private_at(private, s[0])]
        public = has_office or not in_private
        s, e, first_rule, _o = min(spans)
        out.append(
            PersonFact(
                name=name,
                public=public,
                written=seg.text[s:e],
                evidence=seg.sentence_evidence(s, e, first_rule),
            )
        )
    return _private_surnames_stay_private(out, mentions)


# the head words no surname is: a name that ends with one and that the body grammar reads whole is a body's
_BODY_HEADS = frozenset(
    "Alliance Partnership Agency Authority Association Federation University Constabulary Ombudsman Ltd Limited LLP "
    "plc Foundation Diocese Institute Society Charity Party Committee Sub-Committee Board Panel Council Cabinet "
    "Commission Trust".split()
)
# head words that are surnames too ("Jo Court", "Sam England"): a name ending so stays a person's
_SURNAME_HEADS = frozenset(
    "Court England Police Union Unit Aid Zone School College Academy Club Team Group".split()
)


def _is_body_name(name: str) -> bool:
    """Whether a "name" is a body's: the body grammar reads all of it, and it ends with a head word no surname is
    ("Ayrshire Roads Alliance") or is a short name the vocabulary gives a body ("Lib Dems", "Ofsted")."""
    words = name.split()
    whole = [b for b in find_bodies(name) if b.start == 0 and b.end == len(name) and b.name == name]
    if not whole or words[-1] in _SURNAME_HEADS:
        return False
    return words[-1] in _BODY_HEADS or len(words) <= 3


def _only_private(spans: list[tuple[int, int, str, bool]], private: list[tuple[int, int]]) -> bool:
    """Whether every mention of a name is in a private passage and none gives an office: "Councillor Reid" of the
    attendance list is not the cyclist "Andrew Reid" a civic reception is asked for, and folding the councillor's
    surname into that name would publish the private individual with the councillor's office."""
    return all(not office and is_private_at(private, s) for s, _e, _r, office in spans)


def _private_surnames_stay_private(people: list[PersonFact], mentions: dict[str, list]) -> list[PersonFact]:
    """ "Mr and Mrs McGeown" after a public question by "Mr. James McGeown": a bare surname (or
    initial + surname) of a private individual in the same document, with no office of its own,
    is that private family, not a new public person."""
    # every word after the first: a place may trail the name in a question list ("Mr. A Brennock Weobley")
    private_surnames = {t for p in people if not p.public for t in p.name.split()[1:]}
    out = []
    for p in people:
        tokens = p.name.split()
        partial = len(tokens) == 1 or all(len(t.rstrip(".")) <= 1 for t in tokens[:-1])
        has_office = any(o for *_x, o in mentions.get(p.name, []))
        if p.public and partial and tokens[-1] in private_surnames and not has_office:
            p = PersonFact(name=p.name, public=False, written=p.written, evidence=p.evidence)
        out.append(p)
    return out


def _has_context(seg: Segmented, start: int, end: int) -> bool:
    """A name followed by a comma and a capitalised title, or inside a parenthesised title."""
    after = seg.text[end : end + 4]
    return after.startswith((", ", " (", "\t")) or seg.text[max(0, start - 2) : start] in ("- ", "= ")
