"""Meetings: the ones a document records (or convenes), and the ones it refers to.

The meetings a document records are found by the layout stage (`extract/layout.py`, `seg.meetings`);
this module states them as facts, with every earlier or later meeting the text refers to by date ("the
minutes of the meeting held on 7 May 2024", "At Cabinet on 26 November 2020"). Each rule of `RULES` has
an example in `patterns/meetings.jsonl`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date as calendar_day
from datetime import timedelta

from extract.dates import find_dates, parse_date
from extract.layout import body_from, council_or, first_date, is_council_meeting
from extract.mentions import classify_body, find_bodies, normalise_body
from extract.records import MeetingFact, OrgKind, PartialDate
from extract.rules import Rule
from extract.segment import Segmented

_HELD_ON = re.compile(
    r"\b(?:minutes of the (?:(?:previous|last|annual|extraordinary|special|ordinary|statutory) )*meetings? "
    r"(?:of (?:the )?(?P<body>[A-Z][^\n,.;]*?) )?held(?: on)?|"
    r"(?:next|previous|last|briefing) meeting (?:will be |is )?(?:held )?on|meeting (?:held )?on|"
    r"(?:DATE OF THE )?NEXT MEETING\**\s*\n?|meetings on|meetings? of (?:the )?(?P<body2>Council|Cabinet) held on|"
    r"(?P<body3>council|cabinet)['\u2019]s (?:[a-z]+ )?meeting (?:held )?on)\s+(?=(?P<d>[^\n]{0,100}))",
    re.I,
)
_COUNCIL_IN = re.compile(
    r"\b(?:(?:extraordinary|annual|budget|full)\s+(?:full\s+)?(?:council\s+)?meeting|(?:by|at)\s+(?:full\s+)?council)"
    r"\s+in\s+(?P<d>(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})",
    re.I,
)
_DAY_MONTH = re.compile(
    r"(?:[A-Z][a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)
_MEETING_OF_ON = re.compile(
    r"\b(?:annual|full|extraordinary|special|ordinary|statutory)\s+(?:general\s+|council\s+)?meeting\s+of\s+(?:the\s+)?"
    r"(?:full\s+)?(?P<body>[Cc]ouncil|[A-Z][\w'\u2019&-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w'\u2019&-]*){0,5}\s+Council)"
    r"(?:\s+held)?\s+on\s+(?P<d>(?:[A-Z][a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)(?:,?\s+\d{4})?)"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# a body's name: at most 25 capitalised words, none of 60 characters without a space (open-ended, a rule
# re-read a long run of capitalised words, or a long hyphenated word, from each of its words: quadratic time)
_WORD = r"(?![\w'\u2019&-]{60})[A-Z][\w'\u2019&-]*"
_BODY_PHRASE = rf"(?P<body>{_WORD}(?: (?:and |of |for |& )?{_WORD}){{0,24}})"
_ACTED = r"(?:agreed|approved|considered|resolved|decided|noted|endorsed|discussed|reviewed|met)"
# "Employment Panel on 14 January agreed", "in September 2023 the X Committee had discussed",
# "will be considered by the Member Development & Training Group in early February"
_BODY_ON_ACTED = re.compile(
    rf"\b(?:the )?{_BODY_PHRASE} on (?P<d>\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS})(?: \d{{4}})?)"
    rf",? (?:had )?{_ACTED}\b"
)
# "The Minutes of the Meeting of Argyll and Bute Council of 24 September 2015", "the Statutory Meeting of the City
# Council of 24th May, 2007", "The Minutes of South Ayrshire Council of 30th June 2016 and 30th August 2016"
_MINUTES_OF = re.compile(
    rf"\b(?:[Mm]inutes|MINUTES|[Mm]eetings?) of (?:the |a |an )?(?:(?:[A-Za-z]+ ){{0,2}}?[Mm]eetings? of (?:the )?)?"
    rf"{_BODY_PHRASE},? (?:(?:held|meeting) )?(?:on|of|dated) (?:the )?"
    rf"(?P<d>\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS}),? \d{{4}}[^\n]{{0,80}})"
)
# a forward plan's key decision page: "Decision due: 14 March 2013 by Cabinet" (a meeting scheduled; "Not before
# ..." is no meeting's date). A list's "Decision due date:" under "Decision maker:" is not read: lists give the
# date a decision is planned for, by a meeting or not.
_DECISION_DUE = re.compile(
    r"^[ \t]*Decision due:[ \t]*(?P<d>\d{1,2}(?:st|nd|rd|th)?[ /][^\n]{2,20}?)[ \t]+by[ \t]+(?P<body>[^\n]{2,100}?)[ \t]*$",
    re.M | re.I,
)
# news of a council meeting dated from the day the story was written: "at a meeting of the full council on Tuesday
# night", "A full council meeting will convene on Thursday", "Lisburn and Castlereagh City Council's AGM tomorrow"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NEWS_MEETING = re.compile(
    r"\b(?:meeting of (?:the )?full council|full council meeting|(?:the )?council['\u2019]s (?:annual (?:general )?)?"
    r"meeting|(?P<name>(?:[A-Z][\w&-]*,? (?:and |of )?){1,6}Council)['\u2019]s AGM|AGM)"
    r"(?: will (?:convene|meet|be held|take place))?,? (?:on )?(?P<when>yesterday|today|tonight|tomorrow|"
    r"this (?:morning|afternoon|evening)|(?:last |next )?(?P<wd>" + "|".join(_WEEKDAYS) + r"))\b"
)
_IN_MONTH_BODY = re.compile(rf"\b[Ii]n (?P<d>(?:{_MONTHS}) \d{{4}}),? the {_BODY_PHRASE} (?:had )?{_ACTED}\b")
_ACTED_BY_IN = re.compile(
    rf"\b{_ACTED} by (?:the |its )?(?:(?:council|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,24}} Council)['\u2019]s )?"
    rf"{_BODY_PHRASE} (?:in|on|at its meeting (?:in|on)) (?:(?:early|mid|late|"
    rf"mid-) )?(?P<d>(?:{_MONTHS})(?: \d{{4}})?|\d{{1,2}} (?:{_MONTHS}) \d{{4}})"
)
_MET = re.compile(
    r"\b(?P<body>(?:Full |The )?Council|Cabinet|(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+"
    r"(?: (?:and |of |for )?(?![\w'\u2019-]{60})[A-Z][\w'\u2019-]+){0,24} "
    r"(?:Committee|Board|Panel|Sub-Committee))\s+met\s+(?P<when>today|on\s+[^\n]{0,40})"
)
_AT_BODY_ON = re.compile(
    rf"\b(?:[Aa]t|by|of|to) (?:the |its )?(?P<body>(?:{_WORD}(?: (?:and|of|for|&) | )){{0,24}}?"
    r"(?:Cabinet|Council|Committee|Board|Panel|Group))(?: meeting| session)? (?:held )?on (?P<d>[^\n]{0,40})"
)


# the minutes an agenda puts before the meeting, body by body: "To receive the minutes of the following bodies ...:
# (a) Council – 25 February 2015 (b) Executive – 17 March 2015, 7 April 2015", "ADOPTION OF MINUTES OF COMMITTEES
# Governance and Audit Committee 10 May 2016 Corporate Services Committee 10 May 2016" (an item is read from where the
# last one ended, never from inside a run of blanks)
_MINUTES_LIST = re.compile(
    r"\b(?i:minutes of (?:the following (?:bodies|committees|meetings)|committees))\b(?P<intro>[^\n:]{0,300}:)?"
)
_FULL_DATE = rf"\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS}),? \d{{4}}"
_LISTED_MINUTES = re.compile(
    rf"(?<!\s)\s{{0,40}}(?:\([a-z]{{1,3}}\)\s{{0,20}})?(?P<body>{_WORD}(?: (?:and |of |for |& )?{_WORD}){{0,12}})"
    rf"[ \t]*[\u2013\u2014-]?[ \t]*(?P<d>{_FULL_DATE}(?:,? (?:and )?{_FULL_DATE}){{0,5}})"
)


def _join_wrapped(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Mention:
    """A meeting the text refers to: the body as read (the council's meetings named as the council by the
    caller), its date, where the words are, and the rule that read it."""

    body: str | None
    date: PartialDate | None
    start: int
    end: int
    rule: str


def _held_on_body(seg: Segmented, m: re.Match[str]) -> str | None:
    """The body of a "held on": named in the phrase, else just before "meeting on", else the current meeting's."""
    current = seg.meeting_at(m.start())
    body = current.body if current else None
    if m.group(0).lower().startswith("meeting"):
        # "presented at the Children and Young People Scrutiny Committee meeting on 26 July 2022"
        pre = seg.text[max(0, m.start() - 120) : m.start()]
        named = [b for b in find_bodies(pre) if b.kind != OrgKind.EXTERNAL and not pre[b.end :].strip()]
        if named:
            body = named[-1].name
    if m.group("body"):
        body = body_from(m.group("body")) or body
    elif m.group("body2") or m.group("body3"):
        b = (m.group("body2") or m.group("body3")).capitalize()
        body = seg.council if b == "Council" else b
    return body


# between two dates of a list: "28th March 2017, 4th April 2017 and 23rd May 2017", "17 November 2016, which then
# reconvened on 21 November 2016", "30th June 2016 and 30th August 2016 (Special)". Its blanks are possessive:
# what follows a run of blanks never starts with one, and a plain `\s*` beside the next tried a long run of
# blanks in every split (cubic in the run).
_LIST_GAP = re.compile(
    r"\s*+(?:\([A-Za-z ]{1,20}\))?\s*+(?:,|&|and|,\s*+and|,?\s*+which\s+(?:then\s+)?reconvened\s+on)\s*+(?:the\s+)?"
)
# year-less days before the list's first full date: "15 February, 24 February and 10 May 2022"
_YEARLESS_HEAD = re.compile(
    rf"(?:the\s+)?(?P<days>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})(?:,\s*|\s+and\s+)){{1,4}})"
    rf"(?=\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS}),?\s+(?P<year>\d{{4}}))"
)


def _held_on_dates(seg: Segmented, tail: str) -> list[PartialDate]:
    """The dates after "held on": as written; a day and month alone take the document's year ("the council's
    annual meeting on 15 May"); a list ("7 May and 13 June 2024", "28th March 2017, 4th April 2017 and 23rd May
    2017") gives every date in it, a year-less day borrowing the year of the first full date after it."""
    dates: list[PartialDate] = []
    head = _YEARLESS_HEAD.match(tail)
    if head:
        for day in re.findall(rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})", head.group("days")):
            plain = re.sub(r"(?<=\d)(?:st|nd|rd|th)", "", day)
            d = parse_date(f"{plain} {head.group('year')}")
            if d:
                dates.append(d)
        tail = tail[head.end() :]
    prev_end = None
    for s, e, d in find_dates(tail):
        if prev_end is not None and not _LIST_GAP.fullmatch(tail[prev_end:s]):
            break
        dates.append(d)
        prev_end = e
    day_month = _DAY_MONTH.match(tail)
    if not dates and day_month:
        dates = [d for d in [_date_in_year(day_month.group(0), seg.date)] if d]
    return dates[:6]


def _held_on(seg: Segmented) -> Iterator[Mention]:
    """ "the minutes of the meeting held on 7 May 2024", "the next meeting will be held on ...", "Cabinet's
    meeting on 3 June"."""
    for m in _HELD_ON.finditer(seg.text):
        body = _held_on_body(seg, m)
        for d in _held_on_dates(seg, m.group("d")):
            yield Mention(body, d, m.start(), m.end(), "meeting.held-on")


def _minutes_of(seg: Segmented) -> Iterator[Mention]:
    """ "The Minutes of the Meeting of Argyll and Bute Council of 24 September 2015 were approved": a meeting of
    the body named, its council named as the council, on each date of the list."""
    for m in _MINUTES_OF.finditer(seg.text):
        raw = m.group("body")
        own = council_or(seg, raw)  # "the City Council": the document's council, named by its kind
        body = own if is_council_meeting(raw) or own == seg.council else council_or(seg, body_from(raw))
        if not body or classify_body(body) == OrgKind.EXTERNAL:
            continue
        for d in _held_on_dates(seg, m.group("d")):
            yield Mention(body, d, m.start(), m.end(), "meeting.minutes-of")


def _decision_due(seg: Segmented) -> Iterator[Mention]:
    """A forward plan's "Decision due: 14 March 2013 by Cabinet": the meeting of that body (a council's name
    before it dropped: "Forest Heath Cabinet"); a decision a member or officer takes is no meeting."""
    for m in _DECISION_DUE.finditer(seg.text):
        raw = m.group("body").strip()
        if re.search(r"\b(?:Member|Officer|Director|Leader|Head|Manager|Holder)\b", raw, re.I):
            continue
        body = council_or(seg, raw) if is_council_meeting(raw) else body_from(raw)
        if body and seg.council:
            place = re.sub(r"\s+(?:Cabinet|Executive)$", "", body)
            if (
                place != body and place in seg.council
            ):  # "Forest Heath Cabinet" of Forest Heath District Council
                body = body[len(place) :].strip()
        if body and classify_body(body) == OrgKind.COMMITTEE:
            yield Mention(body, first_date(m.group("d")), m.start("d"), m.end(), "meeting.decision-due")


def _news_day(seg: Segmented, m: re.Match[str]) -> PartialDate | None:
    """The day "yesterday", "tomorrow", "on Tuesday" names, counted from the day the story is dated: a weekday is
    the last one on or before it, or the next one after it where the sentence looks ahead ("will convene on
    Thursday", "next Monday")."""
    doc = seg.document.date
    if doc is None or doc.precision != "day":
        return None
    day = calendar_day.fromisoformat(doc.iso)
    when = m.group("when")
    shift = {"yesterday": -1, "tomorrow": 1}.get(when, 0)
    if m.group("wd"):
        gap = (_WEEKDAYS.index(m.group("wd")) - day.weekday()) % 7
        ahead = when.startswith("next") or re.search(r"\bwill\b", seg.text[max(0, m.start() - 60) : m.end()])
        shift = (gap or 7) if ahead else gap - 7 if gap else 0
    return PartialDate((day + timedelta(days=shift)).isoformat())


def _news_meeting(seg: Segmented) -> Iterator[Mention]:
    """News of a council meeting: "at a meeting of the full council on Tuesday night" (the document's council,
    or the council whose AGM it names), dated from the story's day."""
    for m in _NEWS_MEETING.finditer(seg.text):
        body = council_or(seg, m.group("name")) if m.group("name") else seg.council
        when = _news_day(seg, m)
        if body and when:
            yield Mention(body, when, m.start(), m.end(), "meeting.news-day")


def _met(seg: Segmented) -> Iterator[Mention]:
    """ "The Audit Committee met on 4 March", "Cabinet met today"."""
    for m in _MET.finditer(seg.text):
        when = m.group("when")
        date = seg.date if when == "today" and seg.date and seg.date.precision == "day" else first_date(when)
        yield Mention(council_or(seg, m.group("body")), date, m.start(), m.end(), "meeting.met")


def _acted(seg: Segmented, rx: re.Pattern[str], rule: str) -> Iterator[Mention]:
    for m in rx.finditer(seg.text):
        bodies = [b for b in find_bodies(m.group("body")) if b.kind != OrgKind.EXTERNAL]
        date = _date_in_year(m.group("d"), seg.date)
        if bodies and date:
            yield Mention(council_or(seg, bodies[-1].name), date, m.start(), m.end(), rule)


def _body_on_acted(seg: Segmented) -> Iterator[Mention]:
    """ "Employment Panel on 14 January agreed"."""
    return _acted(seg, _BODY_ON_ACTED, "meeting.body-on-acted")


def _in_month_body(seg: Segmented) -> Iterator[Mention]:
    """ "in September 2023 the X Committee had discussed"."""
    return _acted(seg, _IN_MONTH_BODY, "meeting.in-month-body")


def _acted_by_in(seg: Segmented) -> Iterator[Mention]:
    """ "will be considered by the Member Development & Training Group in early February"."""
    return _acted(seg, _ACTED_BY_IN, "meeting.acted-by-in")


def _at_body_on(seg: Segmented) -> Iterator[Mention]:
    """ "At Cabinet on 26 November 2020", "to Council on 21 September" (but "to Herefordshire Council on 21
    September" is the council as an organisation, not its meeting)."""
    for m in _AT_BODY_ON.finditer(seg.text):
        raw = m.group("body")
        body = normalise_body(raw)
        if body and body.lower() == "council" and seg.council:
            body = seg.council
        if body and classify_body(body) == OrgKind.COUNCIL and not is_council_meeting(raw.strip()):
            continue
        if body and classify_body(body) != OrgKind.EXTERNAL:
            yield Mention(body, first_date(m.group("d")), m.start(), m.end(), "meeting.at-body-on")


def _meeting_of_on(seg: Segmented) -> Iterator[Mention]:
    """News of an annual meeting: "at the annual meeting of Council held on Wednesday 15 May"."""
    for m in _MEETING_OF_ON.finditer(seg.text):
        date = _date_in_year(m.group("d"), seg.date)
        body = council_or(seg, body_from(m.group("body")) or m.group("body"))
        yield Mention(body, date, m.start(), m.end(), "meeting.meeting-of-on")


def _minutes_list(seg: Segmented) -> Iterator[Mention]:
    """The minutes an agenda lists to receive or adopt, each a body and the dates of its meetings ("(b) Executive –
    17 March 2015, 7 April 2015"): a meeting of that body on each date; the list ends at the first item that is
    not a body and a date."""
    for m in _MINUTES_LIST.finditer(seg.text):
        at = m.end()
        for _ in range(20):  # an agenda lists a handful of bodies
            item = _LISTED_MINUTES.match(seg.text, at)
            if item is None:
                break
            raw = item.group("body")
            body = council_or(seg, raw) if is_council_meeting(raw) else body_from(raw)
            if body and classify_body(body) != OrgKind.EXTERNAL:
                for _s, _e, d in find_dates(item.group("d")):
                    yield Mention(body, d, item.start("body"), item.end(), "meeting.minutes-list")
            at = item.end()


def _council_in_month(seg: Segmented) -> Iterator[Mention]:
    """ "approved by full council in February 2024": a meeting of the council in that month."""
    for m in _COUNCIL_IN.finditer(seg.text):
        date = first_date(m.group("d"))
        if date and date.precision != "year":
            yield Mention(seg.council, date, m.start(), m.end(), "meeting.council-in-month")


Read = Callable[[Segmented], Iterator[Mention]]


# in this order: the first reading of a (body, date) is the one kept
RULES: tuple[Rule[Read], ...] = (
    Rule("meeting.held-on", _held_on),
    Rule("meeting.minutes-of", _minutes_of),
    Rule("meeting.decision-due", _decision_due),
    Rule("meeting.met", _met),
    Rule("meeting.news-day", _news_meeting),
    Rule("meeting.body-on-acted", _body_on_acted),
    Rule("meeting.in-month-body", _in_month_body),
    Rule("meeting.acted-by-in", _acted_by_in),
    Rule("meeting.at-body-on", _at_body_on),
    Rule("meeting.meeting-of-on", _meeting_of_on),
    Rule("meeting.council-in-month", _council_in_month),
    Rule("meeting.minutes-list", _minutes_list),
)


def meetings(seg: Segmented) -> list[MeetingFact]:
    """The recorded meetings (`seg.meetings`) plus every earlier or later meeting the text dates, once per
    body and date."""
    out: list[MeetingFact] = [
        MeetingFact(body=s.body, date=s.date, venue=s.venue and _join_wrapped(s.venue), evidence=s.evidence)
        for s in seg.meetings
        if s.recorded
    ]
    seen = {(f.body, f.date) for f in out}
    for rule in RULES:
        for mention in rule.read(seg):
            body = council_or(seg, mention.body)
            if not body or mention.date is None or (body, mention.date) in seen:
                continue
            seen.add((body, mention.date))
            evidence = seg.sentence_evidence(mention.start, mention.end, mention.rule)
            out.append(MeetingFact(body=body, date=mention.date, evidence=evidence))
    return out


def _date_in_year(text: str, doc_date: PartialDate | None) -> PartialDate | None:
    """A date as written; one without a year ("14 January", "February") takes the document's year."""
    d = first_date(text)
    if d is not None:
        return d
    if doc_date is None:
        return None
    plain = re.sub(r"(?<=\d)(?:st|nd|rd|th)", "", text)
    return parse_date(f"{plain} {doc_date.iso[:4]}")
