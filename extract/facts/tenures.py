"""Tenure statements: when a spell in a post or seat began or ended, as the text states it.

  "Jane Doe was appointed interim Director of Children's Services from 1 July 2024 until 31 March 2025"
  "An interim Director of Children's Services was appointed who started post on 1 July 2024 ... to 31 March 2025"
  "The Director of Children's Services left Herefordshire Council by agreement in March 24"
  "Mark Smith, Head of Legal Services, left the council in March 2024"
  "Ms Ellwood, currently Deputy Chief Executive at Rivermead, will take up the post on 1 August 2021"
  "Councillor Ann Brown was elected Chairperson at the annual meeting"
  "Tina Russell – Director of Childrens Services (Interim)"
  "The Chief Executive said ...", "the Director of Children's Services confirmed ..."

A statement about a post with no name ("the Director ... left") is a `PostFact` with
`role_only=True` and an empty `person`: only `graph/` knows who held the post then.
A statement carries no `date` (it attests a start or an end, not the holding on the
document's date), except a key line, which attests the holding like any post list.
A role-only *mention* ("the Chief Executive said") states no start or end: it attests that
someone held the post on the document's (or meeting's) date, and `graph/` attaches it to the
one holder then.
The rules are `RULES`; their examples are in `patterns/tenures.jsonl`, and a test runs every example.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract.dates import parse_date
from extract.names import clean_name
from extract.records import Fact, PartialDate, PostFact, SeatFact, SeatRole
from extract.segment import Segmented
from extract.vocab.posts import is_post, role_of

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DATE = rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+(?:(?:19|20)\d\d|'?\d\d)\b|\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d\d))"
# a name of up to four parts. Each part after the first is read whole ("-Bell-Cole" is one part, a hyphen
# splits only before an initial, "-A."), without giving characters back, and a part that runs 60 characters
# without a space is no name's: written as alternatives that overlap ("Bell" or "Bell-Cole"), a 120 kB
# hyphenated word made this rule try every way of cutting it (a 1 kB one took 40 s). Same names as before.
_NAME = (
    r"(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z]+"
    r"(?:[ -](?![A-Za-z'\u2019.-]{60})[A-Z](?:\.|(?:[a-z'\u2019A-Z]|-(?![A-Z]\.))*+)){0,3}"
)
_INTERIM = r"(?P<interim>[Ii]nterim\s+|[Aa]cting\s+)?"
_POST = r"(?P<post>[A-Z][\w'\u2019&, -]{2,90}?)"
_ORG = (
    r"(?P<org>the council|the Council|[A-Z][\w'\u2019 &-]{2,60}?(?:Council|Trust|Board|Partnership|England))"
)

# what an officer does in a minute: "the Chief Executive said / confirmed / explained ..."
_SPEECH = (
    "said|says|confirmed|explained|stated|reported|advised|noted|informed|responded|replied|added|presented|"
    "introduced|outlined|highlighted|emphasised|emphasized|suggested|agreed|acknowledged|commented|clarified|"
    "undertook|thanked|welcomed|assured|indicated|updated|summarised|summarized|gave|asked|answered|proposed"
)
_NAME_BEFORE = re.compile(r"[A-Z][a-z'\u2019-]+ [A-Z][a-z'\u2019-]+,\s*$")

_NAME_APPOINTED_FROM = re.compile(
    rf"(?P<name>{_NAME})\s+(?:was|has been|is|will be)\s+appointed\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?{_INTERIM}"
    rf"{_POST}\s+(?:from|with effect from|on|as of)\s+(?P<start>{_DATE})"
    rf"(?:\s*(?:until|to|till)\s+(?P<end>{_DATE}))?"
)

_ROLE_APPOINTED_STARTED = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+)?{_INTERIM}{_POST}\s+(?:was|has been)\s+appointed,?\s+(?:who\s+)?"
    rf"(?:started|starting|took up|taking up)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:post|role|office)\s+on\s+"
    rf"(?P<start>{_DATE})(?:[^.\n]{{0,90}}?\b(?:to|until)\s+(?P<end>{_DATE}))?"
)

_NAME_TAKES_UP = re.compile(
    rf"(?P<name>{_NAME})(?:,[^.\n]{{2,120}}?,)?\s+(?:will\s+take\s+up|took\s+up|takes\s+up)\s+(?:the|her|his|their)\s+"
    rf"(?:post|role|position|appointment)\s+on\s+(?P<start>{_DATE})"
)

_ROLE_LEFT = re.compile(
    rf"\b[Tt]he\s+(?:previous\s+|former\s+)?{_INTERIM}{_POST}\s+left\s+(?:{_ORG}\s+)?(?:by agreement\s+)?"
    rf"(?:in|on)\s+(?P<end>{_DATE})"
)

_NAME_LEFT = re.compile(
    rf"(?P<name>{_NAME})(?:,\s+{_INTERIM}{_POST},)?\s+(?:left|leaves|will leave|is leaving|stepped down from|"
    rf"steps down from|will step down from|retired from|retires from|will retire from)\s+"
    rf"(?:{_ORG}|(?:the|their|his|her)\s+(?:post|role))\s+(?:by agreement\s+)?(?:in|on)\s+(?P<end>{_DATE})"
)

_ELECTED_CHAIR = re.compile(
    # the name is matched case-sensitively (a name starts with a capital; matching any word as a
    # name made this rule cost more than all the others together), the rest in any case
    rf"(?P<name>{_NAME})\s+(?i:was|were)\s+(?i:elected|appointed)\s+(?i:as\s+)?(?i:the\s+)?"
    r"(?P<seat>(?i:(?:Vice[- ]?)?Chair(?:person|man|woman)?))\b[^.\n]{0,80}?\b(?i:at|for)\s+(?i:the\s+annual\s+meeting)"
)

_ROLE_MENTION = re.compile(
    rf"\b[Tt]he\s+{_INTERIM}(?P<post>[A-Z][\w'\u2019-]*(?:,?\s+(?:of|for|and|&|[A-Z][\w'\u2019-]*)){{0,9}}?)"
    rf"\s+(?:{_SPEECH})\b"
)

_NAME_DASH_POST_INTERIM = re.compile(
    rf"^[ \t]*(?P<name>{_NAME})\s+[\u2013\u2014-]\s+{_POST}\s*\((?P<interim>Interim|Acting)\)[ \t]*$",
    re.M,
)


_MONTH_YY = re.compile(rf"^(?P<month>{_MONTH})\s+'?(?P<yy>\d\d)$")


def _date(text: str | None) -> PartialDate | None:
    """The date of a statement; "March 24" is March 2024 here (a day would be written first)."""
    if not text:
        return None
    m = _MONTH_YY.match(text.strip())
    if m:
        return parse_date(f"{m.group('month')} 20{m.group('yy')}")
    return parse_date(text)


def _org(seg: Segmented, text: str | None) -> str:
    if not text or text.lower() == "the council":
        return seg.council or ""
    return text


def _name(m: re.Match[str]) -> str | None:
    """The person a statement names: "" when it names none, None when its words are no name."""
    written = m.groupdict().get("name")
    return (clean_name(written) or None) if written else ""


def _post_fact(seg: Segmented, m: re.Match[str], rule: str, date: PartialDate | None) -> PostFact | None:
    """A statement's post, with the start and end it states; role-only when it names no one."""
    g = m.groupdict()
    name = _name(m)
    post = (g.get("post") or "").strip(" ,")
    if name is None or not name and not post:
        return None
    return PostFact(
        person=name,
        post=post[:1].upper() + post[1:],
        org=_org(seg, g.get("org")),
        date=date,
        start=_date(g.get("start")),
        end=_date(g.get("end")),
        interim=bool(g.get("interim")),
        role_only=not name,
        evidence=seg.sentence_evidence(m.start(), m.end(), rule),
    )


def _statements(
    rx: re.Pattern[str], rule: str, *, attests: bool = False
) -> Callable[[Segmented], Iterator[Fact]]:
    """A rule that states a start or an end of a post (`attests`: the holding on the document's date)."""

    def read(seg: Segmented) -> Iterator[Fact]:
        for m in rx.finditer(seg.text):
            post = (m.groupdict().get("post") or "").strip(" ,")
            if post and not is_post(post):
                continue
            fact = _post_fact(seg, m, rule, seg.date_at(m.start()) if attests else None)
            if fact is not None:
                yield fact

    return read


def _role_mention(seg: Segmented) -> Iterator[Fact]:
    """ "The Chief Executive said ...": the holding of a post on a dated meeting or document, by no name."""
    text = seg.text
    for m in _ROLE_MENTION.finditer(text):
        post = m.group("post").strip(" ,")
        if post and not is_post(post) and not role_of(post):
            continue
        date = seg.date_at(m.start())
        if date is None or _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # undated, or the name is written just before ("Paul Walker, the Chief Executive, said")
        fact = _post_fact(seg, m, "tenure.role-mention", date)
        if fact is not None:
            yield fact


def _elected_chair(seg: Segmented) -> Iterator[Fact]:
    """ "Councillor Ann Brown was elected Chairperson at the annual meeting": the chair of the meeting's body,
    from the meeting's date."""
    for m in _ELECTED_CHAIR.finditer(seg.text):
        name = _name(m)
        meeting = seg.meeting_at(m.start())
        if name is None or meeting is None:
            continue
        seat = m.group("seat").lower().replace(" ", "-")
        yield SeatFact(
            person=name,
            body=meeting.body,
            role=SeatRole.VICE_CHAIR if seat.startswith("vice") else SeatRole.CHAIR,
            start=seg.date_at(m.start()),
            evidence=seg.sentence_evidence(m.start(), m.end(), "tenure.elected-chair"),
        )


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    read: Callable[[Segmented], Iterator[Fact]]


def _stating(rule: str, rx: re.Pattern[str], *, attests: bool = False) -> Rule:
    return Rule(rule, _statements(rx, rule, attests=attests))


RULES: tuple[Rule, ...] = (
    _stating("tenure.name-appointed-from", _NAME_APPOINTED_FROM),
    _stating("tenure.role-appointed-started", _ROLE_APPOINTED_STARTED),
    _stating("tenure.name-takes-up", _NAME_TAKES_UP),
    _stating("tenure.role-left", _ROLE_LEFT),
    _stating("tenure.name-left", _NAME_LEFT),
    Rule("tenure.elected-chair", _elected_chair),
    Rule("tenure.role-mention", _role_mention),
    _stating("tenure.name-dash-post-interim", _NAME_DASH_POST_INTERIM, attests=True),
)


def tenures(seg: Segmented) -> list[Fact]:
    """Every statement of a start or an end, and every role-only mention, in the order of the rules."""
    return [fact for rule in RULES for fact in rule.read(seg)]
