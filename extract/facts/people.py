"""People: every named individual in a document, public office holders and private ones.

Names come from the other facts (attendance, seats, posts, owners), from honorifics
("Councillor Fagan", "Mr. Paul walker") and from the model's PERSON entities. Each
distinct name is one fact; `privacy` decides whether it may be published.

The rules are `RULES` (where a name is written, and whether the words there give an office);
each has an example in `patterns/people_examples.jsonl` that a test runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract.mentions import find_honorific_people, find_model_people
from extract.names import fold_surnames
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
