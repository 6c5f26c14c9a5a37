"""Post holders where no table or label says so: news prose, announcements, and lists a PDF flattened.

Council pages name office holders in a handful of ways that the layout rules of `posts.py` do
not see (each seen on several councils' pages of the pool):

  "Cabinet Member for Communities – Councillor Richard Young"        a post, a dash, its holder
  "Chief Executive – J Dixon Deputy Chief Executive – M McAlister"   the same, run together
  "Jim Boyle, Chief Finance Officer Tony Cain, Head of Housing"      name, comma, post, run together
  "Chief Executive Steve Barron said", "council leader David Ellesmere"  the title before the name
  "Councillor Stuart Baldwin was elected unopposed as Mayor of ..., succeeding Councillor John McCarthy"
  "Derek Yule has been appointed to the role of Depute Chief Executive"
  "Neil Kissock, who was most recently the director of finance"     a relative clause
  "The Mayor (Councillor S M Murray)", "Aldermen J Baird, W J Dillon" civic titles before names
  "- Cllr Emily Owen: Housing and Regulatory"  under "appointed ... to his cabinet:" a cabinet list
  "The current Provost is Xander McDade"                              the holder as of the page's date

A portfolio holder also sits in the council's cabinet: `DERIVED` rules read the facts already read, not the
text again.

Each rule has an id, an example and the fact expected from it in `patterns/holders.jsonl`; a
test runs every example. A post is kept as worded (its first letter raised); "Leader" and
"Deputy Leader" of the council are seats (`SeatFact`), as everywhere else in the graph.
Start, end and interim come from the words of the same sentence ("from 1 August 2021",
"until", "on a temporary basis", "steps down").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from extract.dates import find_dates, parse_date
from extract.layout import title_caps
from extract.mentions import find_bodies, split_people
from extract.names import clean_name
from extract.records import Fact, OrgKind, PartialDate, PostFact, SeatFact, SeatRole
from extract.rules import Rule
from extract.segment import Line, Segmented, page_cabinet
from extract.terms import Term, months_before, relative_dates, term_dates
from extract.vocab.posts import PORTFOLIO_TITLE, head_rx, is_post, post_named_in, trim_title

# clergy too ("the Reverend Mark Brown", "Deacon Tony Martin", "Reverend and Councillor Ann Lee"): a chaplain is named so
_HON = (
    r"(?:(?:Councillor|Cllr|Alderman|Mr|Mrs|Ms|Miss|Dr|Professor|Sir|Dame|(?:the\s+)?(?:Reverend|Revd|Rev)|Canon|"
    r"Deacon|Father)\.?\s+(?:(?<=Reverend )and\s+|(?<=Revd )and\s+)?)"
)
_TOKEN = (
    r"(?:Mc|Mac|O['\u2019])?[A-Z][a-z\u00df-\u00ff'\u2019]+(?:-(?:Mc|Mac)?[A-Z][a-z\u00df-\u00ff'\u2019]+)?"
)
# a name as lists and news write it: initials and a surname, or a first name, a middle initial and a surname
_BARE = rf"(?:(?:[A-Z]\.?\s+){{1,3}}{_TOKEN}|{_TOKEN}\s+(?:[A-Z]\.?\s+)?{_TOKEN})"
_NAME = rf"{_HON}{{0,2}}{_BARE}"
# a digit in a title only as a statute's section number: "Section 151 Officer", "S151 Officer", "Section 95
# Officer" (a minute or item number before a title stays out of it)
_STATUTE_DIGIT = r"(?:(?<=Section )|(?<=\bS)|(?<=\bS\.)|(?<=\d))\d"
_LOWER_TITLE = rf"[A-Za-z](?:[A-Za-z'\u2019&/ -]|{_STATUTE_DIGIT}){{2,90}}?"
# a sentence runs to a full stop, but not one after an initial before a name ("Councillor C. Smith", "J.C. Bird")
# or after a title's abbreviation ("Cllr. Ann Lee"); each character is read by one alternative only (linear)
_SENTENCE = re.compile(
    r"(?:[^.!?\n]|(?<=\b[A-Z])\.(?=\s?[A-Z])|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bDr)\.|(?<=\bCllr)\.)*"
    r"(?:[.!?]|\n|$)"
)
_INTERIM = re.compile(r"\b(?:interim|acting|temporary|temporarily|caretaker)\b", re.I)
_SEATS = [
    (
        re.compile(
            r"^(?:the\s+)?deputy\s+(?:council\s+)?leader(?:\s+of\s+(?:the\s+)?(?:council|.+\bcouncil))?$",
            re.I,
        ),
        SeatRole.DEPUTY_LEADER,
    ),
    (
        re.compile(
            r"^(?:the\s+)?(?:(?:[A-Z][\w'\u2019-]*\s+){0,3}?council\s+)?leader(?:\s+of\s+(?:the\s+)?(?:council|.+\bcouncil))?$",
            re.I,
        ),
        SeatRole.LEADER,
    ),
]
_CHAIR = re.compile(r"^(?:vice[- ]|deputy )?chair(?:man|person|woman)?\b", re.I)
# linear: the post ends on a non-space before the spaces that lead to the link, and a named body is at most 80
# characters, so no two parts of the pattern can share a run of spaces or a long tail (bench/regex_audit.py)
_OF_COUNCIL = re.compile(
    r"\A(?P<post>.*?\S)\s+(?P<link>of|at|for)\s+(?:the\s+|this\s+)?(?P<org>(?:[Cc]ouncil|[Aa]uthority|[Bb]orough|[Cc]ity|[Cc]ounty|[Dd]istrict|[Tt]own|"
    r"(?:Royal |Metropolitan |London )?(?:City|County|Borough|Town|District) of [A-Z][\w'\u2019-]*"
    r"(?: (?:and |upon |on |in )?[A-Z][\w'\u2019-]*){0,3}|"
    r"[A-Z][\w'\u2019&, -]{0,80}?(?:Council|Borough|County|City|District|Corporation|Authority)))$"
)


@dataclass(frozen=True, slots=True)
class Holder:
    """One reading of a holder: who, the post as written, where the words are, and what the sentence says."""

    name: str
    title: str
    start: int
    end: int
    rule: str
    interim: bool = False
    began: PartialDate | None = None
    ended: PartialDate | None = None
    org: str | None = None  # the body the words name, where it is no council ("Conservative group")
    said: PartialDate | None = None  # the date its own clause states ("who said last week she would go")


# "for the period 1 to 30 June 2014", "from 3-28 February": a range of days in one month, whose first day starts
_DAY_RANGE = re.compile(
    r"\b(?P<first>\d{1,2})(?:st|nd|rd|th)?\s*(?:to|-|\u2013|until)\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+"
)


def _dates_once(seg: Segmented) -> Callable[[str, int], tuple[PartialDate | None, PartialDate | None]]:
    """`_dates` read once per sentence, however many readings the sentence gives (a run-on PDF line can give
    hundreds, and each reading of the dates is as long as the sentence)."""
    memo: dict[int, tuple[PartialDate | None, PartialDate | None]] = {}

    def dates(sentence: str, at: int) -> tuple[PartialDate | None, PartialDate | None]:
        if at not in memo:
            memo[at] = _dates(seg, sentence, at)
        return memo[at]

    return dates


def _dates(seg: Segmented, sentence: str, at: int) -> tuple[PartialDate | None, PartialDate | None]:
    """The start and end a sentence states: a date after "from", "on", "with effect" starts; after
    "until", "leaves", "retires", "stepped down" it ends; the first day of a range of days starts."""
    began = ended = None
    found = list(find_dates(sentence))
    for s, _e, date in found:
        span = _DAY_RANGE.search(sentence, max(0, s - 12), s + 25)
        if span and span.start() < s and date.precision == "day" and span.end() > s:
            began = PartialDate(iso=f"{date.iso[:8]}{int(span.group('first')):02d}")
    for s, _e, date in found:
        cue = sentence[max(0, s - 40) : s].lower()
        if re.search(r"\b(?:until|till|to|leav\w*|retir\w*|step\w* down|end\w*|left)\b[^,;]*$", cue):
            ended = ended or date
        elif re.search(r"\b(?:from|on|effect|start\w*|join\w*|since|take up)\b[^,;]*$", cue):
            began = began or date
    return began, ended


def _sentences(seg: Segmented) -> Iterator[tuple[int, str]]:
    """Each sentence and where it starts; a long line a PDF broke mid-sentence ("... as Section 151 Officer on 16"
    / "May 2012.") runs on into the next line, the break read as a space (same length, so offsets hold) so that
    a title or a name the break cut ("Strategic Director for Social" / "Services.") is read whole."""
    at, held = 0, ""
    for m in _SENTENCE.finditer(seg.text):
        piece = m.group(0)
        if held and not piece.strip():
            yield at, _joined(held)
            held = ""
            continue
        if not held:
            at = m.start()
        held += piece
        if not _WRAPPED.search(held[-80:]):  # the tail only: a long run of wrapped lines stays linear
            if held.strip():
                yield at, _joined(held)
            held = ""
    if held.strip():
        yield at, _joined(held)


def _joined(held: str) -> str:
    """A sentence of wrapped lines with each inner line break a space (its final break kept)."""
    body = held.rstrip("\n")
    return body.replace("\n", " ") + held[len(body) :]


# a line broken mid-sentence: long, ending in a word, a digit or a comma, not in a full stop or a colon; or of
# any middling length ending in a word no sentence ends on ("That Council appointed Councillor X as the")
_WRAPPED = re.compile(
    r"(?:[^\n]{50}(?<=[a-z0-9,])|[^\n]{20}\s(?:the|as|of|to|for|and|an|a|by|be|with|was|were|is))[ \t]*\n$"
)


def _in_sentences(seg: Segmented, rx: re.Pattern[str]) -> Iterator[tuple[int, str, re.Match[str]]]:
    """Each match of `rx` within one sentence, with the sentence and where it starts: the prose rules read
    a sentence at a time, so a name and a post are never paired across a full stop."""
    for at, sentence in _sentences(seg):
        for m in rx.finditer(sentence):
            yield at, sentence, m


def _title_dash_name(seg: Segmented) -> Iterator[Holder]:
    """ "Deputy Leader – Councillor Hywel Williams"; "Chief Executive – J Dixon Deputy Chief Executive – M McAlister";
    "Cabinet member for housing: Cllr Shayne Cook" (a colon only before a councillor's title)."""
    rx = re.compile(
        rf"(?P<title>[A-Z](?:[A-Za-z'\u2019&,()/ ]|{_STATUTE_DIGIT}){{2,100}}?)"
        rf"(?:\s+[\u2013\u2014-]\s+|:\s+(?={_HON}))(?P<name>{_NAME})"
        r"(?![\w'\u2019-])"
    )
    for line in seg.lines:
        if not re.search(r"\u2013|\u2014| - |: (?:Councillor|Cllr)", line.text):
            continue
        for m in rx.finditer(line.text):
            after = line.text[m.end() :]
            if (
                after.strip()
                and not re.match(r"\s*(?:[,.;:)\u2022|]|\(|$|\d{1,2}\.?\s+[A-Z]{2,}\b)", after)
                and rx.match(after.lstrip()) is None
            ):
                continue  # "West Mercia Constabulary": the name runs on into a word that starts no next item
            yield Holder(
                m.group("name"),
                m.group("title"),
                line.start + m.start(),
                line.start + m.end(),
                "holder.title-dash-name",
            )


def _name_comma_title_run(seg: Segmented) -> Iterator[Holder]:
    """ "Jim Boyle, Chief Finance Officer Tony Cain, Head of Housing": a flattened list of officers, each
    title running to the next name; a name starts a new entry only where the words after it read as a post,
    and only lines with two entries or more count."""
    rx = re.compile(rf"(?P<name>{_NAME}),\s+")
    for line in seg.lines:
        found = [m for m in rx.finditer(line.text) if clean_name(m.group("name"))]
        if len(found) < 2 or is_post(line.text[max(0, found[0].start() - 40) : found[0].start()].strip()):
            continue  # "the Chief Executive Bob Jackson, Deputy ...": the titles come first (_title_name_items)
        entries: list[list[int]] = []  # [name start, name end (title start), title end]
        for k, m in enumerate(found):
            stop = found[k + 1].start() if k + 1 < len(found) else len(line.text)
            if is_post(_title_text(line.text[m.end() : stop])) or not entries:
                entries.append([m.start(), m.end(), stop])
            else:
                entries[-1][2] = stop
        if len(entries) < 2:
            continue
        for s0, s1, s2 in entries:
            title = _title_text(line.text[s1:s2])
            name = line.text[s0:s1].rstrip(", ")
            yield Holder(
                name, title, line.start + s0, line.start + s1 + len(title), "holder.name-comma-title-run"
            )


def _title_text(text: str) -> str:
    """A title as far as the list gives it: up to a semicolon, a closing "and", or a full stop."""
    title = re.split(r";|\s+and\s*$|\.\s|\.$|<|\S+@\S+|\b(?:Tel|Telephone|[Ee]mail|e-mail)\b", text)[0].strip(
        " ,;"
    )
    return "" if re.search(r"\b(?:Councillors?|Cllrs?)\b", title) else title


def _either_case(phrase: str) -> str:
    """ "Chief Executive" -> "[Cc]hief [Ee]xecutive": news writes titles in either case, names never."""
    return " ".join(f"[{w[0].upper()}{w[0].lower()}]{w[1:]}" for w in phrase.split())


_KNOWN = (
    "(?:"
    + "|".join(
        [
            rf"(?:(?:{'|'.join(_either_case(p) for p in ('Deputy', 'Depute', 'Assistant', 'Interim', 'Acting'))}) )?"
            rf"{_either_case('Chief Executive')}"
        ]
        + [
            rf"(?:{_either_case('Deputy')} )?(?:{_either_case('Council')} )?{_either_case('Leader')}"
            rf"(?: of (?:the )?(?:[Cc]ouncil|[A-Z][\w ]+? Council))?"
        ]
        + [
            rf"(?:(?:{_either_case('Lord')}|{_either_case('Deputy')}|{_either_case('Depute')}) )?{_either_case(t)}"
            for t in ("Mayor", "Provost")
        ]
        + [
            _either_case(t)
            for t in (
                "Monitoring Officer",
                "Town Clerk",
                "Returning Officer",
                "Managing Director",
                "Convener",
                "Convenor",
                "Head of Paid Service",
            )
        ]
        # a police officer's rank before the name ("Chief Inspector Gregory Tudge attended remotely")
        + [
            r"(?:Detective\s+)?(?:Chief\s+)?(?:Superintendent|Inspector)",
            r"(?:Deputy\s+|Assistant\s+)?Chief\s+Constable",
        ]
    )
    + ")"
)


def _title_before_name(seg: Segmented) -> Iterator[Holder]:
    """ "Chief Executive Steve Barron said", "Leader of the council Andrew Johnson said", "council leader Ann
    Lee": a known title (any case) right before a name that the sentence goes on from."""
    rx = re.compile(
        rf"(?<![\w'\u2019-])(?<![Gg]roup )(?P<title>{_KNOWN})(?:\s+(?:Councillor|Cllr)\.?\s+|,?\s+)(?P<name>{_TOKEN}\s+(?:[A-Z]\.?\s+)?{_TOKEN})"
        r"(?=\s*(?:[,.;:\u2013\u2014(]|\s(?:said|says|added|explained|told|has|had|is|was|will|who|"
        r"welcomed|thanked|commented|stated|attended|by|at|with|for)\b|\s+of\s+[A-Z]{3,}\b))"
    )
    after_name = re.compile(rf"{_BARE},\s*$")
    for at, sentence, m in _in_sentences(seg, rx):
        if after_name.search(sentence[max(0, m.start() - 60) : m.start()]):
            continue  # "Bob Jack, Chief Executive Kevin Kelman, ...": the title is the name's before it, in a list
        yield Holder(
            m.group("name"), m.group("title"), at + m.start(), at + m.end(), "holder.title-before-name"
        )


_VERB = (
    r"(?:(?:has|have|had)\s+been\s+|was\s+|is\s+|be\s+and\s+is\s+hereby\s+|be\s+|been\s+|will\s+be\s+|would\s+be\s+)?"
    r"(?:formally\s+)?"
    r"(?:(?:re-?)?(?:elected|appointed|confirmed|installed|chosen|named|selected)(?:\s+unopposed)?|"
    # "has been tipped by the council to be the new chief executive", "was recommended by the Appointments
    # Sub-Committee as the new Strategic Director", "recommended for re-appointment as": always "as" or "to be" next
    r"(?:tipped|picked|recommended)(?:\s+by\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)?(?:\s+for\s+(?:re-?)?appointment)?"
    r"(?=\s+(?:as|to\s+be)\s))"
)


def _became_in(sentence: str, m: re.Match[str]) -> PartialDate | None:
    """ "Cllr X became cabinet member for housing in 2019": the date right after the title starts the post."""
    if not m.group("became") or m.group("became").endswith("to become"):
        return None
    after = sentence[m.end() : m.end() + 30]
    found = [
        d for s, _e, d in find_dates(after) if re.fullmatch(r"\s*(?:in|on|from)\s+(?:the\s+)?", after[:s])
    ]
    year = re.match(r"\s*in\s+((?:19|20)\d\d)\b", after)  # a bare year, which find_dates leaves to context
    return found[0] if found else PartialDate(iso=year.group(1)) if year else None


def _took_office_then(seg: Segmented, at: int, words: str) -> PartialDate | None:
    """The meeting's date, when its minutes record an election done there ("Councillor X was elected Mayor",
    "RESOLVED that X be elected Chairman"): the term starts at that meeting. Nothing for news, for a future
    ("will be appointed") or for an appointment a meeting only agrees ("be appointed ... from 1 June")."""
    meeting = seg.meeting_at(at)
    if meeting is None or not meeting.date or re.search(r"\b(?:will|would|shall|may|to)\s+be\b", words):
        return None
    return meeting.date if re.search(r"\b(?:re-?)?elected\b", words) else None


# "as the Strategic Director for Social Services": a remit after "for" in capitals is part of an officer's title
_FOR_REMIT = re.compile(
    r"(?<!\s)\s+for\s+(?P<remit>(?!The\b)[A-Z][\w'\u2019-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'\u2019-]*){0,5})(?=\s*[,.;:(]|\s*$)"
)
_OFFICER = re.compile(r"\b(?:Director|Head|Manager|Officer|Lead|Commissioner)\b")


def _with_remit(sentence: str, m: re.Match[str]) -> str:
    """The title of `m`, with the remit that follows it where an officer's title runs on ("Director" "for Social
    Services"); a council after "for" ("Chief Executive for Newport City Council") is not a remit."""
    title = m.group("title")
    remit = _FOR_REMIT.match(sentence, m.end("title")) if _OFFICER.search(title) else None
    if remit is None or re.search(r"\b(?:Council|Borough|County|City|District)$", remit.group("remit")):
        return title
    return f"{title} for {remit.group('remit')}"


# a second appointment the same sentence makes right after the first: "and Caron North as deputy mayoress"
_AND_AS = re.compile(
    rf"(?<!\s),?\s+and\s+(?P<name>{_NAME})\s+as\s+(?:the\s+|an?\s+)?(?P<title>{_LOWER_TITLE})"
    r"(?=\s*[,.;:(]|\s+(?:for|from|until|and|with)\b|$)"
)


def _appointed(seg: Segmented) -> Iterator[Holder]:
    """ "X was elected unopposed as Mayor of Y, succeeding Councillor Z", "X be re-elected Mayor", "X has been
    appointed to the role of Depute Chief Executive", "X will serve as Deputy Mayor", "X takes over as leader"."""
    rx = re.compile(
        rf"(?P<name>{_NAME})(?:\s+of\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){{0,2}}(?=\s+(?:has|had|was|is|will)\s))?"
        rf"(?:,(?![^,;\n]*\b(?:seconded|moved|proposed|RESOLVED|That|Councillor|Cllr)\b)[^,;\n]{{2,80}},)?"
        rf"(?:,(?=\s+be\s))?\s+(?:{_VERB}\s+(?:as\s+|to\s+be\s+|to\s+(?:the\s+)?(?:role|post|position)\s+of\s+)?|"
        r"(?:will\s+|to\s+)?(?:serve|serves|take over|takes over|took over|has taken over|continue|continues)\s+as\s+|"
        r"(?:appointed|elected|nominated)\s+to\s+continue\s+(?:as|in\s+the\s+role\s+of)\s+|"
        r"(?:has\s+been|is|was)\s+(?:acting|currently)\s+|will\s+be\s+(?=(?:the|its|their)\s)|"
        r"(?P<became>became|has\s+become|(?:[a-z]+\s+){0,5}?to\s+become)\s+)"
        rf"(?:the\s+|its\s+|their\s+)?(?:(?:council|authority)['\u2019]s\s+)?(?:(?:new|next|permanent)\s+)?(?!to\s)"
        rf"(?P<title>{_LOWER_TITLE})"
        r"(?=\s*[,.;:(\u2013\u2014]|\s+(?:(?<!ember\s)(?<!older\s)for|from|with|on|at|until|while|when|who|which|that|in|since|"
        r"after|alongside|succeeding|following|had|has|have|was|were|is|be|been|would|will|should)\b|"
        rf"\s+and\s+(?:[a-z]+ed\b|(?:was|is|has|had|will|were|be|said|says|the|a|an|that|who|which|to|then|also)\b|Councillor|Cllr|{_BARE}\s+as\b)|$)"
    )
    dates = _dates_once(seg)
    for at, sentence, m in _in_sentences(seg, rx):
        began, ended = dates(sentence, at)
        began = began or _took_office_then(seg, at, m.group(0)) or _became_in(sentence, m)
        interim = bool(_INTERIM.search(sentence))
        yield Holder(
            m.group("name"),
            _with_remit(sentence, m),
            at + m.start(),
            at + m.end(),
            "holder.appointed",
            interim,
            began,
            ended,
        )
        also = _AND_AS.match(sentence, m.end())
        if also:  # "... to continue as the deputy mayor and Caron North as deputy mayoress"
            yield Holder(
                also.group("name"),
                also.group("title"),
                at + also.start(),
                at + also.end(),
                "holder.appointed",
            )
        yield from _predecessor(seg, at, sentence, m)


_PRIOR = re.compile(
    r"\b(?:(?:succeeding|replacing|replaces|replaced|succeeds|succeeded|who succeeds|"
    r"(?:taking|taken|took|takes|take)\s+over(?:\s+the\s+top\s+job)?\s+from)\s+(?:the\s+)?"
    rf"(?:(?:departing|outgoing|retiring)\s+)?(?P<name>{_NAME})|"
    rf"after\s+(?P<gone>{_NAME})\s+(?:stood|stepped)\s+down)"
)
# the next sentence goes on about the one appointed: "He", "She", "Mr Rouane", "The Liberal Democrat councillor"
# it may say who the one appointed is first ("Ms Seary, who was the chief executive for Islington, will be taking
# over from", "The local authority's current director of environment, regeneration and resources will take over")
_SAME_ONE = re.compile(
    rf"\A\s*(?:He|She|They|(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+{_TOKEN}|The\s+(?:[\w'\u2019-]+\s+){{0,3}}?"
    r"(?:councillor|officer|director|executive|leader|deputy|manager|clerk|politician|appointee)\b"
    r"(?:\s+of\s+[a-z][\w ,-]{0,60}?(?=\s+(?:will|has|had|is)\b))?)(?:,[^.;\n]{0,160}?,)?\s+"
    r"(?:has\s+|had\s+|will\s+(?:be\s+)?|is\s+(?:to\s+)?)?(?:immediately\s+|now\s+|formally\s+)?(?=(?:succeed|replac|tak|took))"
)


# "... and was later elected leader": a second post in the sentence, which a "He replaced Z" after it may be about
_ANOTHER_POST = re.compile(r"\b(?:elected|appointed|became|named|chosen|selected)\b")


def _predecessor(seg: Segmented, at: int, sentence: str, m: re.Match[str]) -> Iterator[Holder]:
    """ "X was elected Mayor, succeeding Councillor Z", "X has been elected leader. She has taken over from Z":
    the one who held the post until this appointment, in the same sentence or the next one about the appointee."""
    prior = _PRIOR.search(sentence, m.end())
    at_prior = at
    if prior is None and not _ANOTHER_POST.search(sentence, m.end()):
        rest = seg.text[at + len(sentence) : at + len(sentence) + 300]
        same = _SAME_ONE.match(rest)
        if same:
            prior, at_prior = _PRIOR.match(rest, same.end()), at + len(sentence)
    if prior:
        yield Holder(
            prior.group("name") or prior.group("gone"),
            re.sub(r"^(?:interim|acting|temporary)\s+", "", m.group("title"), flags=re.I),
            at + m.start(),
            at_prior + prior.end(),
            "holder.succeeding",
            ended=seg.date_at(at),
            said=_clause_date(seg, at, seg.text[at_prior + prior.end() : at_prior + prior.end() + 160]),
        )


# the predecessor's own clause: "taken over from Z, who said she would resign last week", "who announced in May"
_SAID = re.compile(r"^\s*,\s*who\s+(?:had\s+)?(?:said|announced|confirmed|revealed|indicated)\b[^.;\n]*")


def _clause_date(seg: Segmented, at: int, after: str) -> PartialDate | None:
    """The day, month or year a predecessor's "who said ..." clause places: the predecessor still held the post
    when saying so, which attests the spell before the hand-over (not only on the page's day)."""
    m = _SAID.match(after)
    if m is None:
        return None
    page = seg.date_at(at)
    found = sorted([*find_dates(m.group(0)), *relative_dates(m.group(0), page)], key=lambda f: f[0])
    return found[0][2] if found and (page is None or found[0][2].iso <= page.iso) else None


# a later item of the same resolution dates the appointment: "(iii) Approve the appointment to be effective on
# 12th November 2012", "the appointment to take effect from 1 June"
_EFFECTIVE = re.compile(
    r"\bappointment\b[^.;\n]{0,40}?\b(?:(?:to\s+be|be|shall\s+be|will\s+be|is|being)\s+effective|"
    r"(?:to\s+)?takes?\s+effect)\s+(?:on|from)\s+(?:the\s+)?"
)


def _effective_later(seg: Segmented, after: int) -> PartialDate | None:
    """The date a following item of the resolution gives the appointment, within the next few lines."""
    window = seg.text[after : after + 600]
    m = _EFFECTIVE.search(window)
    if m is None:
        return None
    found = [d for s, _e, d in find_dates(window[m.end() : m.end() + 40]) if s == 0]
    return found[0] if found else None


def _appointed_active(seg: Segmented) -> Iterator[Holder]:
    """ "Council appointed Councillor Cockeram as the Presiding Member", "to designate Joyce Hamilton, Head of
    Legal and Governance, as the Monitoring Officer", "agreed to appoint Ann Lee as interim Director"."""
    rx = re.compile(
        rf"\b(?:[Aa]ppoint(?:ed|s)?|[Dd]esignate[ds]?|[Rr]e-?elect(?:ed|s)?|[Ee]lect(?:ed|s)?|(?<=has )named)\s+(?P<name>{_NAME})"
        rf"(?:\s+and\s+(?P<also>{_NAME}))?"
        r"(?:,[^,;\n]{2,80},)?\s+(?:as|to\s+the\s+(?:post|role|position)\s+of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
        r"(?:(?:new|permanent)\s+)?"
        rf"(?P<title>{_LOWER_TITLE})(?=\s*[,.;:(\u2013\u2014]|\s+(?:for|from|with|on|at|until|while|when|"
        r"who|which|in|after|following|had|has|have|was|were|is|be|been|would|will|should)\b|\s+and\s+[a-z]+ed\b|$)"
    )
    dates = _dates_once(seg)
    for at, sentence, m in _in_sentences(seg, rx):
        began, ended = dates(sentence, at)
        began = began or _effective_later(seg, at + len(sentence))
        title = _with_remit(sentence, m)
        if m.group("also"):  # "appoint A and B as Joint Acting Chief Executives": each holds the post
            title = re.sub(r"^[Jj]oint\s+", "", re.sub(r"(?<=[a-z])s$", "", title))
        for name in filter(None, (m.group("name"), m.group("also"))):
            yield Holder(
                name,
                title,
                at + m.start("name"),
                at + m.end(),
                "holder.appointed-active",
                bool(_INTERIM.search(m.group(0))),
                began,
                ended,
            )
        yield from _predecessor(seg, at, sentence, m)


def _title_name_line(seg: Segmented) -> Iterator[Holder]:
    """ "Executive Head of Resources Manjit Sandhu", "Contact: Fiona Young Interim Democratic Services Manager":
    a short line that is a post and a name, in either order, with nothing else (unlabelled, in a list of them)."""
    title_first = re.compile(
        rf"^\s*(?:[\u2022\u00b7\u25cf\u25aa\u2023*-]\s*)?(?P<title>[A-Z][A-Za-z'\u2019&,/ ]{{2,90}}?)\s+(?P<name>{_BARE})\s*$"
    )
    name_first = re.compile(
        rf"^\s*(?:Contact(?: officer)?\s*:\s*)(?P<name>{_BARE})\s+(?P<title>[A-Z][A-Za-z'\u2019&,/ ]{{2,90}}?)\s*$"
    )
    found: list[tuple[int, re.Match[str], Line, bool]] = []
    for i, line in enumerate(seg.lines):
        if len(line.text) > 120:
            continue
        m = name_first.match(line.text)
        labelled = m is not None
        m = m or title_first.match(line.text)
        if (
            m
            and not is_post(m.group("name"))
            and not find_bodies(m.group("name"))
            and is_post(m.group("title"))
        ):
            found.append((i, m, line, labelled))
    lines_found = {i for i, *_ in found}
    for i, m, line, labelled in found:
        # a heading can read as a post and a name ("Director of Children's Services Permanent Appointment"): an
        # unlabelled line counts only in a list of such lines
        if labelled or lines_found & {i - 2, i - 1, i + 1, i + 2}:
            yield Holder(
                m.group("name"),
                m.group("title"),
                line.start + m.start(),
                line.start + m.end(),
                "holder.title-name-line",
            )


def _councillor_line(seg: Segmented) -> Iterator[Holder]:
    """A cabinet list one member a line, by surname: "Councillor Thompson - Leader and Cabinet Member for
    Partnerships", "Cabinet Member – Adult Social Care Councillor Cummins"; each post of an "and" is one post."""
    hon = r"(?:Councillor|Cllr)\.?\s+"
    name_title = re.compile(
        rf"^\s*(?:[\u2022\u00b7\u25cf\u25aa\u2023*-]\s*)?(?P<name>{hon}(?:{_BARE}|{_TOKEN}))\s+[\u2013\u2014-]\s+(?P<title>[A-Z][^\n]{{2,120}}?)"
        r"\s*[.;]?\s*$"
    )
    title_name = re.compile(
        rf"^\s*(?:[\u2022\u00b7\u25cf\u25aa\u2023*-]\s*)?(?P<title>[A-Z][^\n]{{2,120}}?)\s+(?P<name>{hon}(?:{_BARE}|{_TOKEN}))\s*[.;]?\s*$"
    )
    for line in seg.lines:
        if len(line.text) > 200 or not re.search(hon, line.text):
            continue
        m = name_title.match(line.text) or title_name.match(line.text)
        if m is None or not _title_cased(m.group("title")):
            continue
        for part in re.split(
            r"\s+and\s+(?=(?:Deputy\s+)?(?:Leader|Cabinet|Portfolio|Executive|Lead)\b)", m.group("title")
        ):
            yield Holder(
                m.group("name"), part, line.start + m.start(), line.start + m.end(), "holder.councillor-line"
            )


def _titles_above(seg: Segmented, i: int) -> list[Line]:
    """The post lines just above line `i` (blank lines between them skipped, two at most): "Cabinet Member –
    Locality Services" and "Deputy Leader" above "Councillor Fairclough"; none when a line above is no post."""
    out: list[Line] = []
    j = i - 1
    while j >= 0 and len(out) < 2:
        text = seg.lines[j].text.strip()
        if not text:
            j -= 1
            continue
        if len(text) > 120 or re.match(r"(?:Councillor|Cllr)\b", text):
            break
        if not all(is_post(part) and _title_cased(part) for part in re.split(r"\s+/\s+", text)):
            break
        out.append(seg.lines[j])
        j -= 1
    return out


_CABINET_INTRO = re.compile(
    r"\b(?:cabinet|executive)\b[^\n]{0,60}:\s*$|\b[Cc]abinet\s+(?:[Aa]ppointments|[Pp]ortfolios)\b", re.I
)
_CABINET_ITEM = re.compile(
    rf"^\s*(?:[\u2022\u00b7*-]\s*)?(?:(?:Councillor|Cllr)\.?\s+(?P<name>{_BARE})\s*[:\u2013\u2014-]\s*"
    r"(?P<port>[A-Z][^\n]{2,120}?)|(?P<port2>[A-Z][^\n:\u2013\u2014]{2,120}?)\s*[:\u2013\u2014-]\s*(?:Councillor|Cllr)\.?\s+"
    rf"(?P<name2>{_BARE}))\s*[;.,]?\s*$"
)


def _cabinet_items(seg: Segmented) -> Iterator[Holder]:
    """A cabinet announced one member a line under a line that says so ("appointed the following councillors to
    his cabinet:" / "- Cllr Emily Owen: Housing and Regulatory and Deputy Leader"; "Finance – Councillor Patrick
    Coleman"): each holds the portfolio as a cabinet member's post; a leader or deputy leader so named, that seat."""
    after = -1
    for i, line in enumerate(seg.lines):
        if _CABINET_INTRO.search(line.text) and len(line.text) < 200:
            after = i
            continue
        if re.search(r":\s*$", line.text) and len(line.text) < 200:
            after = -1  # "Groups and group leaders were confirmed as follows:": another list begins
            continue
        m = _CABINET_ITEM.match(line.text) if 0 <= after and i - after <= 60 else None
        if m is None:
            continue
        name, port = m.group("name") or m.group("name2"), (m.group("port") or m.group("port2")).strip()
        for part in re.split(r"\s+and\s+(?=(?:Deputy\s+)?Leader\b)|(?<=Leader)\s+and\s+", port):
            written = re.fullmatch(
                r"(?:Deputy\s+)?Leader|(?:Cabinet\s+Member|Portfolio\s+Holder)\b.*", part, re.I
            )
            title = part if written else f"Cabinet Member for {part}"
            yield Holder(
                "Councillor " + name,
                title,
                line.start + m.start(),
                line.start + m.end(),
                "holder.cabinet-item",
            )


def _title_over_councillor(seg: Segmented) -> Iterator[Holder]:
    """A cabinet list as a page lays it out, a post on one line and its councillor alone on the next:
    "Cabinet Member – Adult Social Care" over "Councillor Okonjo"; "Leader / Cabinet Member - Finance" is two
    posts. Read only in a list (two such pairs at least), so a heading over a signature is not a post."""
    alone = re.compile(rf"^\s*(?:Councillor|Cllr)\.?\s+(?P<name>{_BARE}|{_TOKEN})\s*$")
    pairs = []
    for i, line in enumerate(seg.lines):
        m = alone.match(line.text)
        if m and (titles := _titles_above(seg, i)):
            pairs.append((m, line, titles))
    if len(pairs) < 2:
        return
    for m, line, titles in pairs:
        for title in titles:
            for part in re.split(r"\s+/\s+", title.text.strip()):
                yield Holder(
                    "Councillor " + m.group("name"),
                    part,
                    title.start,
                    line.start + m.end(),
                    "holder.title-over-councillor",
                )


def _title_cased(title: str) -> bool:
    """ "Cabinet Member – Adult Social Care", "Leader and Cabinet Member for Partnerships": every word capitalised
    but the small ones, as a list writes a post (a sentence is not)."""
    small = {"and", "of", "for", "the", "&", "-", "\u2013", "\u2014", "in", "on", "with", "to"}
    return all(w in small or w[:1].isupper() or w[:1] in "(\u2019'" for w in title.split())


def _portfolio(seg: Segmented) -> Iterator[Holder]:
    """ "Councillor Alun Roberts with Portfolio responsibility for Adults' Services": a portfolio holder."""
    rx = re.compile(
        rf"(?P<name>{_HON}{{0,2}}{_TOKEN}\s+{_TOKEN}\s+{_TOKEN}|{_NAME})(?:\s*\([^()\n]{{2,60}}\))?\s+"
        r"(?:with|has|holds|having)\s+(?:the\s+)?[Pp]ortfolio\s+"
        r"(?:responsibility\s+)?for\s+(?P<portfolio>[A-Z][^;.\n]{2,120}?)\s*(?=[;.\n]|$)"
    )
    for at, _sentence, m in _in_sentences(seg, rx):
        yield Holder(
            m.group("name"),
            f"Portfolio Holder for {m.group('portfolio')}",
            at + m.start(),
            at + m.end(),
            "holder.portfolio",
        )


_FIELD_PORTFOLIO = re.compile(
    rf"^[ \t]*Lead[ \t]+[Mm]ember[ \t]*:[ \t]*(?P<title>(?!(?:Councillor|Cllr)\b)[^\n]*?\b{PORTFOLIO_TITLE}\b"
    r"(?:[^\n]*?\S)?)[ \t]*$",
    re.M | re.I,
)
_FIELD_MEMBER = re.compile(
    rf"^[ \t]*Lead[ \t]+[Mm]ember[ \t]*:[ \t]*(?P<name>(?:Councillor|Cllr)\.?\s+{_BARE})(?![\w'\u2019-])|"
    rf"(?P<named>(?:Councillor|Cllr)\.?\s+(?:{_BARE}|{_TOKEN})),\s+{PORTFOLIO_TITLE}\b",
    re.M,
)


def _lead_member_field(seg: Segmented) -> Iterator[Holder]:
    """A decision record's fields: "Lead Member: Councillor Ann Lee" and "Lead member: Housing Portfolio Holder",
    or "Lead member: Portfolio Holder for Planning" and "Cllr Lee, Portfolio Holder,": the councillor the record
    names holds the portfolio its own field writes out (one of each in the record, else nothing)."""
    titles = {m.group("title") for m in _FIELD_PORTFOLIO.finditer(seg.text)}
    named = {m.group("name") or m.group("named"): m for m in _FIELD_MEMBER.finditer(seg.text)}
    people = {clean_name(n) for n in named}
    if len(titles) != 1 or len(people) != 1:
        return
    title, (written, m) = titles.pop(), next(iter(named.items()))
    yield Holder(written, title, m.start(), m.end(), "holder.lead-member-field")


def _capacity_as(seg: Segmented) -> Iterator[Holder]:
    """ "Councillor J Aitman who was representing the Council in her role as Mayor", "Bob Jack, in his capacity as
    Returning Officer, took the Chair": the office the sentence says someone acted in."""
    rx = re.compile(
        rf"(?P<name>{_NAME})\b[^.;\n]{{0,80}}?\bin\s+(?:his|her|their)\s+(?:role|capacity)\s+as\s+(?:the\s+)?"
        rf"(?P<title>{_LOWER_TITLE})(?=\s*[,.;:(]|\s+(?:for|of the|and|at|on|in|to)\b|$)"
    )
    for at, _sentence, m in _in_sentences(seg, rx):
        yield Holder(m.group("name"), m.group("title"), at + m.start(), at + m.end(), "holder.capacity-as")


def _title_paren_name(seg: Segmented) -> Iterator[Holder]:
    """ "Head of Marketing and Communications (Mrs C Bethel)": a post with its holder in brackets."""
    rx = re.compile(
        rf"(?P<title>[A-Z][A-Za-z'\u2019&,/ ]{{2,90}}?)\s*\(\s*(?P<name>(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr)\.?\s+"
        rf"{_BARE})\s*\)"
    )
    for line in seg.lines:
        if "(" not in line.text:
            continue
        for m in rx.finditer(line.text):
            yield Holder(
                m.group("name"),
                _last_post(m.group("title")),
                line.start + m.start(),
                line.start + m.end(),
                "holder.title-paren-name",
            )


# the words a title starts with ("Director of ...", "Head of ..."; "Finance Officer" ends one), and a word that
# qualifies the post word after it ("Executive Director", "Assistant Head"), not the end of a post
_QUALIFIER = re.compile(
    r"(?:Chief|Executive|Strategic|Assistant|Deputy|Depute|Corporate|Senior|Principal|Interim|Acting|Service|"
    r"Services|Managing|Lead|Group|Joint|Head)$"
)
_POST_WORD = re.compile(r"(?<=[a-z] )(?=(?:Chief Executive|Director|Head)\b)")


def _last_post(title: str) -> str:
    """ "Chief Executive Director of Service Transformation Head of Marketing and Communications": the titles of a
    table a PDF flattened into one line; the holder in brackets after them holds the last. A post word after a
    word that ends a title ("Transformation Head") starts the next title; after a qualifier ("Executive
    Director") or a joining word ("and Head") it does not."""
    starts = [0]
    for m in _POST_WORD.finditer(title):
        before = title[: m.start()].split()
        if before and before[-1][:1].isupper() and not _QUALIFIER.match(before[-1]):
            starts.append(m.start())
    return title[starts[-1] :]


def _posts_of(title: str) -> list[str]:
    """ "Deputy Chief Executive and Executive Head of Operations" is two posts; "Head of Governance and
    Regulation" is one: an "and" splits a title only where each side reads as a post."""
    parts = re.split(r"\s+and\s+(?=[A-Z])", title)
    return parts if len(parts) > 1 and all(is_post(p) for p in parts) else [title]


def _title_name_items(seg: Segmented) -> Iterator[Holder]:
    """ "the Chief Executive Bob Jackson, Deputy Chief Executive and Executive Head of Operations Colin Read, and
    Executive Head of Resources Manjit Sandhu": a sentence listing posts each followed by its holder (two at least)."""
    item = re.compile(
        rf"^\s*(?:(?:the|our|its)\s+)?(?P<title>[A-Z][A-Za-z'\u2019&/ ]{{2,90}}?)\s+(?P<name>{_BARE})\s*$"
    )
    for at, sentence in _sentences(seg):
        if sentence.count(",") < 1:
            continue
        parts = re.split(r"(,\s+(?:and\s+)?|\s+and\s+(?=the\s))", sentence)
        if re.search(rf"(?:^|[:)]\s*){_NAME}\s*$", parts[0]):
            continue  # "Jim Boyle, Chief Finance Officer Tony Cain, ...": names first (_name_comma_title_run)
        found = []
        pos = 0
        for part in parts:
            if re.search(rf"[:)]\s*{_NAME}\s*$", part):
                break  # "(Officials) Mr. L Hannaway, Chief Executive Mr. J McBride, ...": from here the names come first
            m = item.match(part)
            title = m.group("title") if m else ""
            title = re.sub(r"^.*\b(?:comprises|includes|are|is|were)\s+(?:the\s+)?", "", title)
            if (
                m
                and re.match(r"[A-Z][a-z]", title)
                and is_post(title)
                and _title_cased(title)
                and not is_post(m.group("name"))
            ):
                found.append((m.group("name"), title, at + pos, at + pos + len(part)))
            pos += len(part)
        if len(found) >= 2:
            for name, title, start, end in found:
                for one in _posts_of(title):
                    yield Holder(name, one, start, end, "holder.title-name-items")


def _group_leader(seg: Segmented) -> Iterator[Holder]:
    """ "Conservative group leader Cllr Aled Davies", "Councillor Rhian Price, leader of the opposition Labour
    group": the leader of a party group, a post of the group, not of the council."""
    before = re.compile(
        rf"\b(?!(?:Deputy|Depute|Political|Opposition|Main|The)\b)(?P<party>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
        rf"[Gg]roup\s+[Ll]eader,?\s+(?P<name>{_HON}?{_BARE})(?![\w'\u2019-])"
    )
    after = re.compile(
        rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?P<title>[Ll]eader\s+of\s+the\s+(?:opposition\s+)?"
        r"(?P<party>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+[Gg]roup)\b"
    )
    for at, _sentence, m in _in_sentences(seg, before):
        party = re.sub(r"^(?:The|A|An)\s+", "", m.group("party"))
        yield Holder(
            m.group("name"),
            "group leader",
            at + m.start(),
            at + m.end(),
            "holder.group-leader",
            org=f"{party} group",
        )
    for at, _sentence, m in _in_sentences(seg, after):
        yield Holder(
            m.group("name"),
            m.group("title"),
            at + m.start(),
            at + m.end(),
            "holder.group-leader",
            org=f"{m.group('party')} group",
        )


_OTHER_BODY_TAIL = re.compile(
    r"(?<!\s)\s+(?:with|at|of)\s+(?:the\s+)?(?P<org>[A-Z][\w'\u2019&-]*(?:\s+(?:and|of|for|&|[A-Z][\w'\u2019&-]*)){0,8}?"
    r"\s+(?:Partnership|Trust|Board|Agency|Commission|Association|Foundation|Service|ICB|CCG))$"
)


def _portfolio_then_name(seg: Segmented) -> Iterator[Holder]:
    """ "... welcomed by cabinet member for children, families and education, Cllr Victoria Perry, who said": news
    writes a portfolio in lower case before its holder's name."""
    rx = re.compile(
        r"\b(?P<title>(?:[Cc]abinet|[Ee]xecutive|[Ll]ead)\s+member\s+for\s+[a-z][\w'\u2019&/ -]{2,60}?"
        r"(?:,\s+[a-z][\w'\u2019&/ -]{2,40}?){0,3}),\s+"
        rf"(?P<name>(?:Councillor|Cllr)\.?\s+{_BARE})(?![\w'\u2019-])"
    )
    for at, _sentence, m in _in_sentences(seg, rx):
        yield Holder(
            m.group("name"), m.group("title"), at + m.start(), at + m.end(), "holder.portfolio-then-name"
        )


# an officer's title as news writes it, which may end a sentence ("..., along with Darren Thomas, director of transport.")
_LOWER_HEAD = r"(?:(?:deputy|assistant|executive|corporate|strategic|service)\s+)?(?:director|head\s+of|chief\s+executive)\b"


def _name_comma_post(seg: Segmented) -> Iterator[Holder]:
    """ "Iain Gorman, head of operations with the Eastvale Health and Social Care Partnership, will ...", "Ruth
    Kane, currently director of place at Brayford Council, has been ...": a name and, between commas, the post
    news writes in lower case (or after "former"/"currently"); a post "with"/"of" a partnership, trust or board is
    of that body."""
    rx = re.compile(
        rf"(?P<name>{_NAME}),\s+(?P<pre>currently\s+|former\s+|(?P<the>the\s+(?:(?:council|authority|city|county|borough)"
        r"['\u2019]s\s+)?))?(?P<title>[A-Za-z][\w'\u2019&/ -]{2,90}?"
        r"(?:,\s+(?!(?:has|have|had|is|was|were|will|would|who|which|said|says|told|spoke|asked|gave|made|took|\w+ed)\b)"
        r"[a-z][\w'\u2019 -]{2,40}?)?)"
        r"(?=,|\s+(?:will|has|had|is|was|said|says|told|added)\b|\.\s*$|(?(the)\s+of\s+the\s+(?:council|authority)\b|(?!)))"
    )
    for at, sentence, m in _in_sentences(seg, rx):
        title = m.group("title")
        if (
            sentence[m.end() :].startswith(".")
            and not m.group("the")
            and not re.match(r"(?:cabinet|executive|lead) member\b|" + _LOWER_HEAD, title, re.I)
        ):
            continue  # only a portfolio, or a post after "the", runs to the sentence's end ("..., cabinet member housing.")
        if (
            title[:1].isupper()
            and (m.group("pre") or "").strip() != "former"
            or m.group("the")
            and re.match(r"(?:proposed|new|incoming|newly|next)\b", title)  # read by _the_new
            or " at the time" in title
            or re.match(r"(?:the|a|an|who|which|and|said|says|took|gave|made|spoke|\b\w+ed)\b", title, re.I)
        ):
            continue  # a capitalised post after a bare comma is read by posts.py (post.name-comma-title)
        other = _OTHER_BODY_TAIL.search(title)
        yield Holder(
            m.group("name"),
            title[: other.start()] if other else title,
            at + m.start(),
            at + m.end(),
            "holder.name-comma-post",
            org=other.group("org") if other else None,
        )


def _left(seg: Segmented) -> Iterator[Holder]:
    """ "X has stepped down as mayor", "X is retiring as Chief Executive", "X is leaving his role as director",
    "Following the resignation of X as Acting Chief Executive and Section 151 Officer on 4 March 2015"."""
    rx = re.compile(
        rf"(?P<name>{_NAME})\s+(?:has\s+|had\s+|will\s+|is\s+|was\s+)?(?:stepped|step|steps|stepping)\s+down\s+"
        rf"as\s+(?:the\s+)?(?P<title>{_LOWER_TITLE})(?=\s*[,.;:(]|\s+(?:and|after|at|on|from|in|with)\b|$)|"
        rf"(?P<name2>{_NAME})\s+(?:is|will be|has been|has|had)?\s*(?:retiring|leaving|stepped\s+up\s+from)\s+(?:(?:his|her|their)\s+"
        rf"(?:role|post|position)\s+)?as\s+(?:the\s+)?(?P<title2>{_LOWER_TITLE})(?=\s*[,.;:(]|\s+(?:and|after|"
        r"at|on|in|with|to)\b|$)|"
        rf"\b(?:resignation|retirement|departure)\s+of\s+(?P<name3>{_NAME})\s+as\s+(?:the\s+)?(?P<title3>{_LOWER_TITLE})"
        r"(?=\s*[,.;:(]|\s+(?:after|at|on|from|in|with|was|has|had|is)\b|$)"
    )
    dates = _dates_once(seg)
    for at, sentence, m in _in_sentences(seg, rx):
        began, ended = dates(sentence, at)
        if m.group("name3"):  # "the resignation of X as Chief Executive on 4 March": the date ends the post
            began, ended = None, ended or began
        if ended is None and re.search(r"\bstepped\s+down\b", m.group(0)) and "will" not in m.group(0):
            ended = seg.stated_date_at(at)  # "has stepped down": gone by the day the page was written
        yield Holder(
            m.group("name") or m.group("name2") or m.group("name3"),
            m.group("title") or m.group("title2") or m.group("title3"),
            at + m.start(),
            at + m.end(),
            "holder.left",
            ended=ended,
        )


def _term_as(seg: Segmented) -> Iterator[Holder]:
    """ "Cllr Luxton stepped down ..., marking the end of a period as mayor spanning 19 months", "thanks to
    Councillor Howells for his year in office as Chair": a term the sentence measures, named by its holder (the
    dates are read in `_fact`). The holder has a title ("Cllr", "Mrs"); the words between name no one else, quote
    no one and thank no one."""
    rx = re.compile(
        r"(?:(?:County|Borough|Town)\s+(?=Councillor|Cllr))?"
        rf"(?P<name>(?:Councillor|Cllr)\.?\s+{_TOKEN}(?![\w'\u2019-]|\s+[A-Z])|{_HON}{_NAME})"
        r"(?![\w'\u2019-]|\s+[A-Z])(?:(?!\bthank|\bsaid\b|\bsays\b|[A-Z][a-z]+\s+[A-Z])[^.;\n\"\u201c\u201d]){0,100}?"
        r"\b(?:period|time|term|spell|tenure|years?)\s+(?:in\s+office\s+)?as\s+(?:the\s+)?"
        rf"(?P<title>{_LOWER_TITLE})(?=\s*[,.;:(]|\s+(?:spanning|lasting|of|after|and|was|had|has|in|at|on|for|"
        r"during|with)\b|$)"
    )
    for at, _sentence, m in _in_sentences(seg, rx):
        yield Holder(m.group("name"), m.group("title"), at + m.start(), at + m.end(), "holder.term-as")


_CAPS_LINE = re.compile(r"^\s*(?P<caps>[A-Z][A-Z'\u2019-]+(?:[ \t]+[A-Z][A-Z'\u2019-]+){2,12})\s*$")


def _caps_signature(seg: Segmented) -> Iterator[Holder]:
    """ "Yours sincerely Bill Norman" ... "BILL NORMAN SOLICITOR TO THE COUNCIL": a signature in capitals, name and
    title run together, read where the page writes the same name in ordinary case, ending there (which says
    where the name ends: not "Reading Borough" of "Reading Borough Council")."""
    for line in seg.lines:
        m = _CAPS_LINE.match(line.text)
        if m is None:
            continue
        words = m.group("caps").split()
        for n in (2, 3):
            title = title_caps(" ".join(words[n:]))
            if not is_post(title):
                continue
            name = r"\s+".join(re.escape(w) for w in words[:n])
            # the letter's close, a bounded look back (a page of capitals lines stays linear)
            before = seg.text[max(0, line.start - 3000) : line.start]
            written = [
                w for w in re.finditer(rf"\b(?i:{name})\b(?![ \t]+[A-Z])", before) if not w.group(0).isupper()
            ]
            if written:
                yield Holder(
                    written[0].group(0),
                    title,
                    line.start + m.start(),
                    line.start + m.end(),
                    "holder.caps-signature",
                )
                break


def _who_is(seg: Segmented) -> Iterator[Holder]:
    """ "Neil Kissock, who was most recently the director of finance", "Mark Wynn – who is the authority's
    executive director of resources –": a relative clause that names the post."""
    rx = re.compile(
        rf"(?P<name>{_NAME})\s*[,\u2013\u2014-]?\s*who\s+(?:is|was|has been|would be|will be|(?:has\s+)?serve[sd]\s+as)\s+"
        r"(?:most\s+recently\s+|currently\s+|previously\s+|also\s+|now\s+)?(?:the\s+|an?\s+)?(?:new\s+)?"
        r"(?:(?:authority|council|city|county)['\u2019]s\s+)?"
        rf"(?P<title>{_LOWER_TITLE}(?:\s+(?:for|at|of)\s+(?:the\s+)?[A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){{0,5}}?"
        r"\s+(?:Council|Borough|County|City|District|Corporation|Authority))?)"
        r"(?=\s*[,.;:(\u2013\u2014]|\s+(?:at|and|for|since|until|with|in|from|this|last|before)\b)"
    )
    for at, sentence, m in _in_sentences(seg, rx):
        ended = None
        if re.match(r"\W*who\s+(?:was|served)\b", m.group(0)[len(m.group("name")) :]):
            # "who was the chief executive for eight years before stepping down in April 2019"
            ended = _dates(seg, sentence[m.end() : m.end() + 80], at)[1]
        yield Holder(
            m.group("name"), m.group("title"), at + m.start(), at + m.end(), "holder.who-is", ended=ended
        )


# "to fill the top job vacated by Lesley Hagger last month", "the post vacated by Lesley Seary in April"
_VACATED = re.compile(
    rf"(?:(?P<name>{_NAME})(?P<gap>[^.;\n]{{0,120}}?)\bto\s+(?:fill|take|take\s+on|take\s+over)\s+)?"
    r"\b(?:the|a)\s+(?:top\s+|vacant\s+)?(?:job|post|role|position)\s+(?:recently\s+|left\s+)?vacated\s+by\s+"
    rf"(?P<gone>{_NAME})(?![\w'\u2019-])(?:\s+(?P<when>last\s+(?:month|year)|in\s+[A-Z][a-z]+(?:\s+\d{{4}})?))?"
)


def _vacated(seg: Segmented) -> Iterator[Holder]:
    """ "X has stepped up ... to fill the top job vacated by Y last month": the post is the one the page is
    about (its title or heading names it); Y held it until then, X holds it now unless X is only a candidate."""
    if "vacated" not in seg.text:  # the title's post is looked for only where a post can be vacated
        return
    post = post_named_in(seg.document.title or (seg.lines[0].text if seg.lines else ""))
    if post is None:
        return
    for at, _sentence, m in _in_sentences(seg, _VACATED):
        when = m.group("when") or ""
        yield Holder(
            m.group("gone"),
            post,
            at + m.start(),
            at + m.end(),
            "holder.vacated-by",
            ended=_month_said(seg, at, when),
        )
        if m.group("name") and not re.search(
            r"\b(?:vying|shortlist|candidates?|applicants?|race)\b", m.group("gap")
        ):
            yield Holder(m.group("name"), post, at + m.start(), at + m.end(), "holder.vacated-by")


def _month_said(seg: Segmented, at: int, when: str) -> PartialDate | None:
    """ "last month", "in April", "in April 2019": a month the page's date places (a month after the page's
    own is the year before)."""
    page = seg.date_at(at)
    if not when or page is None or page.precision == "year":
        return None
    if when.startswith("last"):  # the month (or year) before the page's
        return next((d for _s, _e, d in relative_dates(when, page)), None)
    said = parse_date(when[3:] if re.search(r"\d{4}$", when) else f"{when[3:]} {page.iso[:4]}")
    if said is None or said.precision == "year":
        return None
    if not re.search(r"\d{4}$", when) and said.iso[:7] > page.iso[:7]:
        return months_before(said, 12)
    return said


def _current_is(seg: Segmented) -> Iterator[Holder]:
    """ "The current Provost is Xander McDade", "the present Monitoring Officer is Ann Lee": the holder as of the
    document's date."""
    rx = re.compile(
        rf"\b[Tt]he\s+(?:current|present)\s+(?P<title>{_LOWER_TITLE})\s+(?:is|remains)\s+(?P<name>{_NAME})"
        r"(?![\w'\u2019-])"
    )
    for at, _sentence, m in _in_sentences(seg, rx):
        yield Holder(m.group("name"), m.group("title"), at + m.start(), at + m.end(), "holder.current-is")


# a title as a list or minute capitalises it: capitalised words, with the small words between them
_CAPS_TITLE = r"[A-Z][\w'\u2019&-]*(?:\s+(?:[A-Z][\w'\u2019&-]*|of|for|and|&)){0,8}"


def _the_title_name(seg: Segmented) -> Iterator[Holder]:
    """ "the Road Safety Manager, Paul Watson", "the current Deputy Mayor, Councillor G Court, had decided", "the
    outgoing Mayor's Chaplain, Deacon Tony Martin, thanked": "the", a capitalised post, a comma, then the holder;
    the name must end where the sentence goes on (a comma, a stop, a word in lower case), so a list of posts
    ("the Head of Planning, Economy Services") is not read as a post and a name."""
    rx = re.compile(
        r"\b[Tt]he\s+(?:(?:current|present|outgoing|incoming|new)\s+)?"
        rf"(?P<title>{_CAPS_TITLE}),\s+(?P<name>{_HON}{{0,2}}{_BARE}|(?:Councillor|Cllr)\.?\s+{_TOKEN})"
        r"(?![\w'\u2019-])(?=\s*[,.;:()]|\s+[a-z]|\s*$)"
    )
    for at, _sentence, m in _in_sentences(seg, rx):
        name = m.group("name")
        if is_post(name) or find_bodies(name):
            continue
        yield Holder(name, m.group("title"), at + m.start(), at + m.end(), "holder.the-title-name")


# a member of a parliament or an assembly, named by the letters after the name ("Angela Rayner MP", "Councillor
# Lumsden MSP", "Jonathan Reynolds, MP"), and the body each sits in
_LEGISLATURE = (("MP", "UK Parliament"), ("MSP", "Scottish Parliament"), ("MLA", "Northern Ireland Assembly"))


def _post_nominal(seg: Segmented) -> Iterator[Holder]:
    """ "Angela Rayner MP", "Councillors Jackie Dunbar MSP and Audrey Nicoll MSP", "Strangford MLA Mike Nesbitt": the
    letters name a seat in a
    parliament, a post of that parliament (a councillor who is also an MSP holds both)."""
    rx = re.compile(
        rf"(?P<name>{_NAME}),?\s+(?P<title>MP|MSP|MLA)(?![\w'\u2019-])|"
        rf"(?<![\w-])(?P<title2>MP|MSP|MLA)\s+(?P<name2>{_TOKEN}\s+(?:[A-Z]\.?\s+)?{_TOKEN})(?![\w'\u2019-])(?!\s+[A-Z])"
    )
    for at, _sentence, m in _in_sentences(seg, rx):
        title = m.group("title") or m.group("title2")
        yield Holder(
            m.group("name") or m.group("name2"),
            title,
            at + m.start(),
            at + m.end(),
            "holder.post-nominal",
            org=dict(_LEGISLATURE)[title],
        )


# a tribute names someone in full once, then by the first name alone: "Sam had been the Council's Payroll Manager
# from 1980 until 2009", "Jean had become an Honorary Alderman of the Council", "David was made an Honorary Alderman"
_FIRST_NAME_POST = re.compile(
    r"\A\s*+(?:[^,.;\n]{0,80},\s+)?(?P<first>[A-Z][a-z]{2,})\s+(?:had\s+been|had\s+become|became|was\s+made|was|"
    r"(?:currently\s+)?held\s+the\s+(?:position|post|role)\s+of)\s+(?:an?\s+|the\s+(?:[Cc]ouncil['\u2019]s\s+)?)?"
    rf"(?P<title>{_LOWER_TITLE})(?=\s*[,.;:(]|\s+(?:of\s+the\s+[Cc]ouncil|from|in|until|for|since|at|with|"
    r"having|between|and\s+(?:[a-z]+ed|had|has|was|is|the))\b|$)"
)
_NOT_FIRST = frozenset(
    {"He", "She", "They", "It", "We", "There", "Here", "This", "That", "What", "Who", "Members"}
)


def _first_name_post(seg: Segmented) -> Iterator[Holder]:
    """ "Sam had been the Council's Payroll Manager": a post said of a first name alone, read where the page names
    exactly one person of that first name in full (who is the one meant)."""
    for at, sentence in _sentences(seg):
        m = _FIRST_NAME_POST.match(sentence)
        if m is None or m.group("first") in _NOT_FIRST or not is_post(title_caps_first(m.group("title"))):
            continue
        full = {
            clean_name(f.group(0))
            for f in re.finditer(
                rf"\b{m.group('first')}\s+(?:[A-Z]\.?\s+)?{_TOKEN}(?![\w'\u2019-])", seg.text
            )
        } - {None}
        if len(full) == 1:
            began, ended = _dates(seg, sentence, at)
            yield Holder(
                full.pop() or "",
                m.group("title"),
                at + m.start("first"),
                at + m.end(),
                "holder.first-name",
                began=began,
                ended=ended,
            )


# "Mr Fawcett", "Miss O'Leary": how a news report names the one it is about, after the first full mention
_STYLED = re.compile(rf"\b(?P<hon>Mr|Mrs|Ms|Miss)\.?\s+(?P<surname>{_TOKEN})(?![\w'\u2019-])")
# "he was head of regeneration at North Tyneside Council from 2004", "She ... and is currently Strategic Director of
# Resources at Tandridge District Council", "starting her career ... as a Planning Officer with Hampshire County
# Council", "he was Mayor of Gateshead from 2003-2004", "She was made an Honorary Alderwoman in 2023": a post said
# of a pronoun, held at the body named after it (else at the page's council)
_PRONOUN_POST = re.compile(
    r"(?:\b(?P<pron>[Hh]e|[Ss]he)\s+(?:(?:has|had)\s+been|was\s+made|is|was|became)|"
    r"^\s*(?P<pron2>He|She)\s+has\s+(?:[a-z]+ly\s+)?[a-z]+ed\b[^.;:\"\u201c\u201d]{0,160}?,\s+and\s+(?:is|was)|"
    r"\b(?:starting|started|began|beginning)\s+(?P<pron3>his|her)\s+career\b[^.;:]{0,60}?\s+as|"
    r"\b(?P<pron4>his|her)\s+(?:(?:re-?)?(?:election|appointment)\b[^.;:]{0,60}?\s+as|"
    r"(?:new\s+|current\s+|former\s+|previous\s+)?role\s+(?:of|as)|"
    # "welcome to X ... as this was her first Council meeting since being appointed as Acting Director of ..."
    r"first\s+(?:[A-Z][a-z]+\s+)?meeting\s+since\s+(?:being\s+|(?:he|she)\s+was\s+)?appointed\s+as)|"
    r"(?P<more>\band\s+(?:was|is|has\s+been)\s+also))\s+"
    r"(?:also\s+)?(?:currently\s+|previously\s+|formerly\s+|now\s+)?(?:also\s+)?(?:the\s+|an?\s+)?"
    rf"(?P<title>{_LOWER_TITLE})(?:\s+(?:at|of|for|with)\s+"
    r"(?P<org>the\s+(?:local\s+authority|council|authority)|[A-Z][\w'\u2019&-]*(?:\s+(?:of|and|&|[A-Z][\w'\u2019&-]*)){0,6}))?"
    r"(?=\s*[,.;:(]|\s+(?:from|since|until|for|in|and|between)\b|$)"
)
# a sentence that starts with the one it is about: "David Lynn was a councillor ...", "Mr Hinds made a request ..."
_SUBJECT = re.compile(
    rf"^\s*(?P<name>{_NAME})\s+(?:was|had|has|is|served|became|joined|retired|died|passed|made|started|began)\b"
)
_HE = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}
# "from 2003-2004", "from 2000 – 2001", "in 2023": the years a tribute gives a post
_YEARS = re.compile(
    r"(?<!\s)\s+(?:from|since|in)\s+(?P<first>(?:19|20)\d\d)(?:\s*[-\u2013]\s*(?P<last>(?:19|20)\d\d))?\b"
)


def _protagonist(seg: Segmented) -> tuple[str, str, int] | None:
    """The one a report is about: the styled name ("Mr Cummins") it uses most, twice at least and more than any
    other of the same sex; with the pronoun that stands for them and where they are first so named."""
    counts: dict[tuple[str, str], list[int]] = {}
    for m in _STYLED.finditer(seg.text):
        counts.setdefault((m.group("hon"), m.group("surname")), []).append(m.start())
    ranked = sorted(counts.items(), key=lambda kv: -len(kv[1]))
    if not ranked or len(ranked[0][1]) < 2:
        return None
    (hon, surname), places = ranked[0]
    rivals = [k for k, v in ranked[1:] if len(v) == len(places) and _HE[k[0]] == _HE[hon] and k[1] != surname]
    return None if rivals else (f"{hon} {surname}", _HE[hon], places[0])


def _pronoun_post(seg: Segmented) -> Iterator[Holder]:
    """ "He has been a corporate director at the local authority for the last decade and prior to that he was head
    of regeneration at North Tyneside Council from 2004": a career paragraph or a tribute names its subject's posts
    with a pronoun. The pronoun stands for the one a sentence of the two before started with ("David Lynn was a
    councillor ..."), else for the one the report styles "Mr X" or "Ms X" most (`_protagonist`) where the sex
    agrees; read only outside quotations and after the subject is named."""
    if not re.search(r"\b(?:[Hh]e|[Ss]he|his|her)\b", seg.text):
        return
    subject = _protagonist(seg)
    recent: list[tuple[int, str]] = []  # (sentence index, name) of the sentences that start with a name
    for i, (at, sentence) in enumerate(_sentences(seg)):
        started = _SUBJECT.match(sentence)
        if started and clean_name(started.group("name")):
            recent.append((i, started.group("name")))
        said = ""
        for m in _PRONOUN_POST.finditer(sentence):
            if not m.group("more"):  # "... and was also Deputy Mayor": the same pronoun goes on
                said = (
                    m.group("pron") or m.group("pron2") or m.group("pron3") or m.group("pron4") or ""
                ).lower()
                said = {"his": "he", "her": "she"}.get(said, said)
            if not said:
                continue
            near = _named_before(sentence[: m.start()]) or (
                recent[-1][1] if recent and i - recent[-1][0] <= 2 else None
            )
            styled = subject[0] if subject and subject[1] == said and subject[2] < at + m.start() else None
            written = (
                near if near and (near.split()[0] not in _HE or _HE[near.split()[0]] == said) else styled
            )
            if written is None or re.search(r"[\"\u201c\u201d]", sentence[: m.start()]):
                continue  # a quotation's "he" is the speaker's to resolve
            # the post's head in its first words ("happy with ... a new chief executive" is none), and no verb
            # before it ("he was appointed as Chair": read by the rules of appointments)
            title = m.group("title")
            if (
                is_post(title_caps_first(title))
                and head_rx().search(" ".join(title.split()[:3]))
                and not re.match(r"[a-z]+ed\b", title)
            ):
                yield _pronoun_holder(seg, at, sentence, m, written)


def _named_before(words: str) -> str | None:
    """The one person the words before a pronoun name ("Nelson councillor Sean Morgan was appointed ..., following
    his election ... as"), or None where they name none or two."""
    # the name as a reader writes it -> as the page writes it ("Miss O'Leary": the title kept)
    written: dict[str, str] = {}
    for m in re.finditer(rf"{_HON}?(?:{_BARE}|{_TOKEN})(?P<third>\s+{_TOKEN})?(?![\w'\u2019-])", words):
        said = m.group(0)  # "Ann Marie Knowles": three names; "Leader Mary" + "Jones": not one name
        name = clean_name(said) or (
            clean_name(said[: m.start("third") - m.start()]) if m.group("third") else None
        )
        said = said if clean_name(said) or not m.group("third") else said[: m.start("third") - m.start()]
        if name and (" " in name or said != name) and not re.match(r"Councillors|Cllrs", said):
            written.setdefault(name, said)
    return next(iter(written.values())) if len(written) == 1 else None


# a body's name ends in what it is; a remit ("Corporate Resources", "Finance") does not
_BODY_WORD = re.compile(
    r"\b(?:Council|Authority|Trust|Board|Partnership|Association|Society|Service|Police|Constabulary|Government|"
    r"Parliament|Assembly|Senedd|Agency|University|College|School|Group|Company|Ltd|Limited|plc|Institute|"
    r"Federation|Union|ICB|CCG|NHS|Commission|Office|Department|Ministry|Corporation|Network|Foundation)\b|^[A-Z]{2,}\b"
)


def _pronoun_holder(seg: Segmented, at: int, sentence: str, m: re.Match[str], written: str) -> Holder:
    """The holder `_pronoun_post` reads: the body after the title is the post's unless it is the page's council or
    its place ("Mayor of Gateshead" on Gateshead's page); the years after it date the post."""
    org, title = m.group("org"), m.group("title")
    if org and (org.startswith("the ") or (seg.council and org in seg.council)):
        org = None
    elif org and not _BODY_WORD.search(org):  # "Director of Corporate Resources": a remit, not a body
        title, org = sentence[m.start("title") : m.end("org")], None
    began, ended = _dates(seg, sentence[m.start() :], at + m.start())
    years = _YEARS.match(sentence, m.end())
    if years and began is None:
        began = PartialDate(iso=years.group("first"))
        ended = ended or (PartialDate(iso=years.group("last")) if years.group("last") else None)
    return Holder(
        written,
        title,
        at + m.start(),
        at + m.end(),
        "holder.pronoun-post",
        began=began,
        ended=ended,
        org=org,
    )


# "The chief executive of Fife Council has announced he is to step down", "the appointment of a new chief executive":
# a report's lead names the post and not yet the person
_LEAD_POST = re.compile(
    r"\b(?:[Tt]he|an?)\s+(?:new\s+)?(?P<title>[a-z][a-z -]{2,60}?)"
    r"(?:\s+(?:of|at|for)\s+(?P<org>[A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){0,4}\s+Council)\b"
    r"|(?=\s+(?:following|after|has\s+been|was|will\s+be|can\s+now|is\s+to)\b))"
)
# the next sentence names the one: "Ronnie Hinds this week confirmed ...", "The council has chosen Andy Begley as ..."
_LEAD_NAME = re.compile(
    rf"^\s*(?:(?:The|the)\s+(?:council|authority)\s+has\s+(?:chosen|appointed|named|selected)\s+)?(?P<name>{_BARE})"
    r"(?=\s+(?:has|had|was|is|will|this|last|as)\b)"
)


def _lead_post(seg: Segmented) -> Iterator[Holder]:
    """ "The new chief executive of Stroud District Council can now be revealed." / "Kathy O'Leary has been
    appointed ...": a report that names the post in its lead and the person in the next sentence; read only where
    the lead names no one and the post is a chief officer's or an office the page's vocabulary knows."""
    sentences = list(_sentences(seg))
    for (_at, lead), (at, nxt) in zip(sentences, sentences[1:], strict=False):
        named = _LEAD_NAME.match(nxt)
        if named is None or any(clean_name(n.group(0)) for n in re.finditer(rf"{_HON}?{_BARE}", lead)):
            continue  # the lead names someone: the post may be theirs
        m = next(
            (
                m
                for m in (_LEAD_POST.match(lead, i.start()) for i in re.finditer(r"\b(?:[Tt]he|an?)\s", lead))
                if m is not None
                if is_post(title_caps_first(m.group("title")))
                and not re.search(r"\b(?:a|an|the|appointment|departure)\b|s$", m.group("title"))
            ),
            None,
        )
        if m is None:
            continue
        title = m.group("title")
        org = m.group("org")
        yield Holder(
            named.group("name"),
            f"{title} of {org}" if org else title,
            at + named.start("name"),
            at + named.end("name"),
            "holder.lead-post",
        )


def title_caps_first(title: str) -> str:
    """ "payroll manager" -> "Payroll manager": a post as `is_post` reads it, its first letter raised."""
    return title[:1].upper() + title[1:]


def _the_new(seg: Segmented) -> Iterator[Holder]:
    """ "the credentials of Mr Paul Walker, the proposed chief executive", "Ann Lee, the new Monitoring Officer":
    the holder an appointment item or an announcement names, attested on its date."""
    rx = re.compile(
        rf"(?P<name>{_NAME}),\s+(?:the|our|its)\s+(?:proposed|new|incoming|newly appointed|newly elected|next)\s+"
        rf"(?P<title>{_LOWER_TITLE})(?=\s*[,.;:(\u2013\u2014]|\s+(?:and(?!\s+[A-Z])|who|for|from|at|of the)\b)"
    )
    for at, _sentence, m in _in_sentences(seg, rx):
        yield Holder(
            m.group("name"),
            m.group("title"),
            at + m.start(),
            at + m.end(),
            "holder.the-new",
            bool(_INTERIM.search(m.group(0))),
        )


def _civic(seg: Segmented) -> Iterator[Holder]:
    """ "The Mayor (Councillor S M Murray)", "Lord Mayor (Councillor Yvonne Mosquito)", "Provost Fergus WOOD",
    "The Right Worshipful the Mayor, Councillor A Givan"."""
    title = (
        r"(?P<title>(?:Lord |Deputy |Depute |Vice |Lady |Civic )?(?:Mayoress|Mayor|Provost|Lord Provost|Convener|Convenor|Sheriff)|"
        r"(?:LORD |DEPUTY |DEPUTE )?(?:LORD MAYOR|MAYOR|PROVOST))"
    )
    # "LORD PROVOST The Right Honourable George Grubb": a sederunt in capitals, the office's style before the name
    style = r"(?:\s+(?:[Tt]he\s+)?(?:Right\s+Honourable|Rt\.?\s+Hon\.?|Right\s+Worshipful))?"
    rx = re.compile(
        rf"(?<![\w-]){title}{style}(?:\s*\(\s*(?P<name>{_NAME})\s*\)|,?\s+(?P<name2>{_HON}{{0,2}}{_BARE}|{_TOKEN}\s+(?:[A-Z]\s+)?(?:Mc|Mac)?[A-Z]{{3,}}|"
        rf"(?:Councillor|Cllr)\.?\s+{_TOKEN}(?=,)))"
        r"(?![\w'\u2019-])"
    )
    for line in seg.lines:
        for m in rx.finditer(line.text):
            name = m.group("name") or m.group("name2")
            title = m.group("title")
            yield Holder(
                name,
                title.title() if title.isupper() else title,
                line.start + m.start(),
                line.start + m.end(),
                "holder.civic-title",
            )


def _aldermen(seg: Segmented) -> Iterator[Holder]:
    """ "Aldermen – F Agnew, P Brett and D Kinahan", "Alderman W J Dillon": an alderman is an office of the council."""
    rx = re.compile(
        r"(?<![\w-])(?:Aldermen\s*[\u2013\u2014:-]?\s*(?P<list>[^\n]+?)(?=\s+(?:Councillors?|Officers|In Attendance|"
        rf"Apologies)\b|$)|(?P<hon>Honorary\s+)?Alderman\s+(?P<one>{_NAME}))"
    )
    for line in seg.lines:
        for m in rx.finditer(line.text):
            group = "list" if m.group("list") else "one"
            title = "Honorary Alderman" if m.group("hon") else "Alderman"  # an honour for past service
            for p in split_people(m.group(group), line.start + m.start(group)):
                yield Holder(p.name, title, p.start, p.end, "holder.alderman")


Read = Callable[[Segmented], Iterator[Holder]]


RULES: tuple[Rule[Read], ...] = (
    Rule("holder.title-dash-name", _title_dash_name),
    Rule("holder.name-comma-title-run", _name_comma_title_run),
    Rule("holder.title-before-name", _title_before_name),
    Rule("holder.appointed", _appointed, also=("holder.succeeding",)),
    Rule("holder.appointed-active", _appointed_active),
    Rule("holder.title-name-line", _title_name_line),
    Rule("holder.councillor-line", _councillor_line),
    Rule("holder.title-over-councillor", _title_over_councillor),
    Rule("holder.cabinet-item", _cabinet_items),
    Rule("holder.lead-member-field", _lead_member_field),
    Rule("holder.portfolio", _portfolio),
    Rule("holder.capacity-as", _capacity_as),
    Rule("holder.title-paren-name", _title_paren_name),
    Rule("holder.title-name-items", _title_name_items),
    Rule("holder.group-leader", _group_leader),
    Rule("holder.name-comma-post", _name_comma_post),
    Rule("holder.portfolio-then-name", _portfolio_then_name),
    Rule("holder.left", _left),
    Rule("holder.term-as", _term_as),
    Rule("holder.who-is", _who_is),
    Rule("holder.caps-signature", _caps_signature),
    Rule("holder.vacated-by", _vacated),
    Rule("holder.the-new", _the_new),
    Rule("holder.current-is", _current_is),
    Rule("holder.the-title-name", _the_title_name),
    Rule("holder.post-nominal", _post_nominal),
    Rule("holder.first-name", _first_name_post),
    Rule("holder.pronoun-post", _pronoun_post),
    Rule("holder.lead-post", _lead_post),
    Rule("holder.civic-title", _civic),
    Rule("holder.alderman", _aldermen),
)


def _post_and_org(seg: Segmented, title: str) -> tuple[str, str | None]:
    """("Mayor", the council) from "Mayor of Bridgend County Borough"; ("Chief Executive", "Bury Council") from
    "chief executive at Bury Council"; the document's council where the title names none or "the council"."""
    title = " ".join(title.split()).strip(" ,;:-\u2013\u2014")
    title = re.sub(r"^(?:the|our|its|their)\s+", "", title, flags=re.I)
    m = _OF_COUNCIL.match(title)
    if m and (
        m.group("link") == "at"
        or not re.match(r"^(?:Cabinet Member|Portfolio Holder|Director|Head)\b", title, re.I)
    ):  # "director of place at Bury Council": a post at Bury Council, whatever its first word
        org = m.group("org")
        named = [b for b in find_bodies(org) if b.kind in (OrgKind.COUNCIL, OrgKind.EXTERNAL)]
        if named and named[0].name != seg.council and named[0].kind == OrgKind.EXTERNAL:
            return m.group("post"), named[0].name
        if (
            named
            and named[0].kind == OrgKind.COUNCIL
            and named[0].name != seg.council
            and org.endswith("Council")
        ):
            return m.group("post"), named[0].name
        return m.group("post"), seg.council
    return _of_place(seg, title)


def _of_place(seg: Segmented, title: str) -> tuple[str, str | None]:
    """("Mayor", "Antrim and Newtownabbey Borough Council") from "mayor of Antrim and Newtownabbey" where the
    page names that council in full and the place is not the page's own council; a civic post of a place the page
    does not name as a council is of no council the page shows (None: not read)."""
    m = re.match(
        r"^(?P<post>(?i:(?:(?:deputy|depute|lord)\s+)?(?:mayor|provost)))\s+of\s+(?P<place>[A-Z][\w'\u2019-]*(?:\s+(?:(?:and|upon|on)\s+)?[A-Z][\w'\u2019-]*){0,3})$",
        title,
    )
    if m is None:
        return title, seg.council
    if (
        seg.council and m.group("place") in seg.council
    ):  # "mayor of Antrim and Newtownabbey": its own council's
        return m.group("post"), seg.council
    named = re.search(
        rf"\b{re.escape(m.group('place'))}(?:\s+(?:County\s+|City\s+)?(?:Borough|District|County|City|Town))?\s+Council\b",
        seg.text,
    )
    return (m.group("post"), named.group(0)) if named else (title, None)


def _full_name(seg: Segmented, name: str | None, written: str) -> str | None:
    """ "Mr Brown" -> "Richard Brown" where the page names one Richard Brown: news gives the full name once and
    the title and surname after it. A surname the page gives two first names for stays as it was."""
    if not name or " " in name or not re.match(r"(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr)\.?\s", written):
        return name
    firsts = {
        m.group(1)
        for m in re.finditer(rf"\b([A-Z][a-z\u00df-\u00ff]+)\s+(?:[A-Z]\.?\s+)?{re.escape(name)}\b", seg.text)
        if m.group(1) not in _TITLE_WORDS
    }
    return f"{firsts.pop()} {name}" if len(firsts) == 1 else name


_TITLE_WORDS = frozenset(
    {"Mr", "Mrs", "Ms", "Miss", "Dr", "Councillor", "Cllr", "Alderman", "Sir", "Dame", "Lord", "The"}
)


# "Member of the Senedd for North Wales", "Member of Parliament for Ashton-under-Lyne": a seat in a legislature
_MEMBER_OF = re.compile(
    r"^[Mm]ember\s+of\s+(?:the\s+)?(?P<org>Senedd|Scottish\s+Parliament|Parliament|Northern\s+Ireland\s+Assembly)\b"
)


def _fact(seg: Segmented, h: Holder) -> Fact | None:
    name = _full_name(seg, clean_name(h.name), h.name)
    # "Jo Bell, formerly strategic director at Lambeth Council": the post, not when it was held
    h = replace(
        h, title=re.sub(r"^(?:currently|formerly|previously|now)\s+", "", trim_title(h.title), flags=re.I)
    )
    member = _MEMBER_OF.match(h.title)
    post, org = (
        (h.title, h.org or (member and member.group("org")))
        if h.org or member
        else _post_and_org(seg, h.title)
    )
    interim = h.interim or bool(_INTERIM.match(post))
    post = re.sub(r"^(?:interim|acting|temporary)\s+", "", post, flags=re.I)
    post = post[:1].upper() + post[1:]
    if (
        not name
        or len(name.split()) < 2
        and not re.match(r"[A-Z]\.?\s", h.name.split(" ", 1)[-1])
        and not h.name.startswith(("Councillor", "Cllr", "Alderman"))
    ):
        return None
    if re.fullmatch(r"Lead\s+[Mm]ember:?", post) and _FIELD_PORTFOLIO.search(seg.text):
        return None  # a decision record's field label: its own field writes the portfolio out (lead-member-field)
    if re.search(r"\s(?:of|for|the|and|to|at|as)$", post):
        return None  # "appointed as leader of" where a line ends: the title is cut short
    if not org or not (is_post(post) or h.rule == "holder.post-nominal") or _CHAIR.match(post):
        return None  # a chair of a body is a seat (memberships.py, tenures.py read those)
    evidence = seg.sentence_evidence(h.start, h.end, h.rule)
    title_at = seg.text.find(h.title, h.start, h.end)
    term = Term(evidence.text, max(title_at, h.start) - evidence.start, post, h.began, h.ended)
    began, ended = term_dates(term, seg.date_at(h.start))
    for rx, role in _SEATS:
        if rx.match(post):
            return SeatFact(
                person=name,
                body=org,
                role=role,
                date=h.said or seg.date_at(h.start),
                start=began,
                end=ended,
                evidence=evidence,
            )
    date = h.said or seg.stated_date_at(h.start)
    if date is not None and ended is not None and date.iso[: len(ended.iso)] > ended.iso:
        date = None  # "the post vacated by X in April", on a page of July: the page does not attest X in July
    return PostFact(
        person=name,
        post=post,
        org=org,
        date=date,
        start=began,
        end=ended,
        interim=interim,
        evidence=evidence,
    )


_NEXT_POST = re.compile(
    r"(?<!\s)\s+and\s+(?=(?i:(?:deputy\s+|depute\s+|interim\s+|acting\s+)?(?:chief executive|head of paid service|"
    r"monitoring officer|section 151 officer|s151 officer|returning officer|electoral registration officer|"
    r"proper officer|chief finance officer|cabinet member for|portfolio holder for|executive member for))\b)"
)


def _each_post(h: Holder) -> list[Holder]:
    """ "Chief Executive and Head of Paid Service" is two offices, each held: an "and" before a statutory office
    or a portfolio ("Deputy Leader of the Council and Cabinet Member for Culture") splits a title where every part
    reads as a post; other pairs stay one post as the papers write them
    ("Borough Lawyer and Head of Legal Services")."""
    parts = [p for part in re.split(r"\s*/\s*", h.title) for p in _NEXT_POST.split(part)]
    if len(parts) < 2 or not all(is_post(p[:1].upper() + p[1:]) for p in parts):
        return [h]
    return [replace(h, title=p) for p in parts]


def _part_of_known(fact: Fact, facts: list[Fact]) -> bool:
    """ "Assistant director" after "Assistant director for early help" (the same person's post at the same body,
    read by two of these rules that stop at different words): the shorter reading adds nothing; a longer one is
    kept. Only this module's readings count: a layout rule's longer title may be two titles run together."""
    if not isinstance(fact, PostFact):
        return False
    post = fact.post.lower()
    return any(
        isinstance(f, PostFact)
        and f.person == fact.person
        and f.org == fact.org
        and f.post.lower().startswith(post + " ")
        for f in facts
    )


def _dated(fact: Fact) -> bool:
    """A reading that states when a post began or ended is kept beside an undated one of the same post: the
    tenure stage takes the stated dates from it."""
    return isinstance(fact, PostFact) and (fact.start is not None or fact.end is not None)


def _key(fact: Fact) -> tuple[str, str]:
    return getattr(fact, "person", ""), str(getattr(fact, "post", None) or getattr(fact, "role", "")).lower()


# "Cabinet Member for Housing", "Housing and Regeneration Portfolio Holder"
_PORTFOLIO = re.compile(rf"^{PORTFOLIO_TITLE}\b|\b{PORTFOLIO_TITLE}$", re.I)


def _portfolio_seats(seg: Segmented, facts: list[Fact], seen: set[tuple[str, str]]) -> Iterator[Fact]:
    """A council's portfolio holder sits in its cabinet ("Cabinet member for housing: Cllr Shayne Cook"): the
    seat the papers leave unsaid, read from the same words as the post; the cabinet as the page calls it ("the
    Executive" on a page that never writes "Cabinet")."""
    cabinet = ""
    for f in facts:
        if isinstance(f, PostFact) and f.org == seg.council and _PORTFOLIO.search(f.post):
            key = (f.person, SeatRole.CABINET_MEMBER.value)
            if key not in seen:
                seen.add(key)
                cabinet = cabinet or page_cabinet(seg.text)
                yield SeatFact(
                    person=f.person,
                    body=cabinet,
                    role=SeatRole.CABINET_MEMBER,
                    date=f.date,
                    evidence=replace(f.evidence, rule="holder.portfolio-seat"),
                )


Derive = Callable[[Segmented, list[Fact], set[tuple[str, str]]], Iterator[Fact]]

# rules that read the facts already read, not the text again
DERIVED: tuple[Rule[Derive], ...] = (Rule("holder.portfolio-seat", _portfolio_seats),)


def holders(seg: Segmented, known: list[Fact]) -> list[Fact]:
    """Every holder the rules read that the layout rules did not, once per person and post."""
    out: list[Fact] = []
    seen = {_key(f) for f in known if f.fact_type in ("holds_post", "membership")}
    for rule in RULES:
        for read in rule.read(seg):
            for h in _each_post(read):
                fact = _fact(seg, h)
                if fact is None:
                    continue
                key = _key(fact)
                if (key not in seen and not _part_of_known(fact, out)) or _dated(fact):
                    seen.add(key)
                    out.append(fact)
    for derived in DERIVED:
        out.extend(derived.read(seg, [*known, *out], seen))
    return out
