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
The rule ids and examples are in `patterns/tenures.jsonl`; a test runs every example.
"""

from __future__ import annotations

import re

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

_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "tenure.name-appointed-from",
        re.compile(
            rf"(?P<name>{_NAME})\s+(?:was|has been|is|will be)\s+appointed\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?{_INTERIM}"
            rf"{_POST}\s+(?:from|with effect from|on|as of)\s+(?P<start>{_DATE})"
            rf"(?:\s*(?:until|to|till)\s+(?P<end>{_DATE}))?"
        ),
    ),
    (
        "tenure.role-appointed-started",
        re.compile(
            rf"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+)?{_INTERIM}{_POST}\s+(?:was|has been)\s+appointed,?\s+(?:who\s+)?"
            rf"(?:started|starting|took up|taking up)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:post|role|office)\s+on\s+"
            rf"(?P<start>{_DATE})(?:[^.\n]{{0,90}}?\b(?:to|until)\s+(?P<end>{_DATE}))?"
        ),
    ),
    (
        "tenure.name-takes-up",
        re.compile(
            rf"(?P<name>{_NAME})(?:,[^.\n]{{2,120}}?,)?\s+(?:will\s+take\s+up|took\s+up|takes\s+up)\s+(?:the|her|his|their)\s+"
            rf"(?:post|role|position|appointment)\s+on\s+(?P<start>{_DATE})"
        ),
    ),
    (
        "tenure.role-left",
        re.compile(
            rf"\b[Tt]he\s+(?:previous\s+|former\s+)?{_INTERIM}{_POST}\s+left\s+(?:{_ORG}\s+)?(?:by agreement\s+)?"
            rf"(?:in|on)\s+(?P<end>{_DATE})"
        ),
    ),
    (
        "tenure.name-left",
        re.compile(
            rf"(?P<name>{_NAME})(?:,\s+{_INTERIM}{_POST},)?\s+(?:left|leaves|will leave|is leaving|stepped down from|"
            rf"steps down from|will step down from|retired from|retires from|will retire from)\s+"
            rf"(?:{_ORG}|(?:the|their|his|her)\s+(?:post|role))\s+(?:by agreement\s+)?(?:in|on)\s+(?P<end>{_DATE})"
        ),
    ),
    (
        "tenure.elected-chair",
        re.compile(
            # the name is matched case-sensitively (a name starts with a capital; matching any word as a
            # name made this rule cost more than all the others together), the rest in any case
            rf"(?P<name>{_NAME})\s+(?i:was|were)\s+(?i:elected|appointed)\s+(?i:as\s+)?(?i:the\s+)?"
            r"(?P<seat>(?i:(?:Vice[- ]?)?Chair(?:person|man|woman)?))\b[^.\n]{0,80}?\b(?i:at|for)\s+(?i:the\s+annual\s+meeting)"
        ),
    ),
    (
        "tenure.role-mention",
        re.compile(
            rf"\b[Tt]he\s+{_INTERIM}(?P<post>[A-Z][\w'\u2019-]*(?:,?\s+(?:of|for|and|&|[A-Z][\w'\u2019-]*)){{0,9}}?)"
            rf"\s+(?:{_SPEECH})\b"
        ),
    ),
    (
        "tenure.name-dash-post-interim",
        re.compile(
            rf"^[ \t]*(?P<name>{_NAME})\s+[\u2013\u2014-]\s+{_POST}\s*\((?P<interim>Interim|Acting)\)[ \t]*$",
            re.M,
        ),
    ),
]


# rules whose fact attests the holding on the document's date (the others state a start or an end)
_ATTESTS = {"tenure.name-dash-post-interim", "tenure.role-mention"}

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


def tenures(seg: Segmented) -> list[Fact]:
    out: list[Fact] = []
    text = seg.text
    for rule, rx in _RULES:
        for m in rx.finditer(text):
            g = m.groupdict()
            name = clean_name(g["name"]) if g.get("name") else ""
            if g.get("name") and not name:
                continue
            evidence = seg.sentence_evidence(m.start(), m.end(), rule)
            if rule == "tenure.elected-chair":
                meeting = seg.meeting_at(m.start())
                if meeting is None:
                    continue
                seat = g["seat"].lower().replace(" ", "-")
                role = SeatRole.VICE_CHAIR if seat.startswith("vice") else SeatRole.CHAIR
                out.append(
                    SeatFact(
                        person=name,
                        body=meeting.body,
                        role=role,
                        start=seg.date_at(m.start()),
                        evidence=evidence,
                    )
                )
                continue
            post = (g.get("post") or "").strip(" ,")
            if post and not is_post(post) and not (rule == "tenure.role-mention" and role_of(post)):
                continue
            date = seg.date_at(m.start()) if rule in _ATTESTS else None
            if rule == "tenure.role-mention" and (
                date is None or _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
            ):
                continue  # undated, or the name is written just before ("Paul Walker, the Chief Executive, said")
            if not name and not post:
                continue
            start, end = _date(g.get("start")), _date(g.get("end"))
            out.append(
                PostFact(
                    person=name or "",
                    post=post[:1].upper() + post[1:],
                    org=_org(seg, g.get("org")),
                    date=date,
                    start=start,
                    end=end,
                    interim=bool(g.get("interim")),
                    role_only=not name,
                    evidence=evidence,
                )
            )
    return out
