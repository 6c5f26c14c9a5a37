"""Attendance: who was present, who was in attendance, who sent apologies.

Minutes record this in blocks ("Present:", "Councillors:", "In attendance:",
"Apologies for absence were received from ...") and in passing ("Councillor X proposed",
"the report was presented by Dr Y", "Z attended as a substitute for W"). Councils word and lay these out in many
ways (a motion "moved by Councillor A, seconded by Councillor B", a recorded vote, "Councillors C and D apologised",
a PDF's columns flattened into names with no separator between them): each rule reads one such way, and a rule
earns its place by reading papers of more than one council.

The labelled blocks are read line by line (`LINE_RULES`: the first rule whose label a line is takes the
line and its block), then the sentences and tables over the whole text (`RULES`). Each rule has an example,
with the fact expected from it, in `patterns/attendance.jsonl` (a test runs every example); the first
mention of a person at a meeting in a capacity is the one kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from extract.mentions import ListedPerson, split_people
from extract.names import clean_name, fold_surnames, not_name_words
from extract.records import AttendanceFact, Capacity
from extract.rules import Rule
from extract.segment import Line, Segmented, header_tables

# an attendance fact with the list item it was read from (its honorific and note)
Listed = list[tuple[AttendanceFact, ListedPerson]]

_PRESENT = re.compile(
    r"^\s*(?:(?:Present|PRESENT|Members present|Attendees)\b|(?i:(?:members|councillors|board members|"
    r"committee members|voting members|cabinet members|panel members) present|in the chair|(?:non-)?constituent (?:council )?members)"
    r"(?=\s*:|\s*$))\s*:?\s*(?P<rest>.*)$"
)
_IN_CHAIR = re.compile(r"^\s*in the chair\b", re.I)
_MEMBERS_LINE = re.compile(
    r"^\s*(?:Members|Panel(?: members)?|Sub-Committee members|Committee members)\s*:\s*"
    r"(?P<rest>(?:Councillors?|Cllrs?)\b.+)$"
)
_AGENDA = re.compile(r"\b(?:agenda|summons|notice of (?:the )?meeting|membership)\b", re.I)
_CONTINUATION = re.compile(
    r"^\s*(?P<label>Councillors?|Cllrs?|Co-opted Members?|Co-optees?|(?:(?:Non-)?Voting )?Members?|"
    r"Independent Members?|Parent Governors?|Substitutes?)\s*:\s*(?P<rest>.+)$",
    re.I,
)
_IN_ATTENDANCE = re.compile(
    r"^\s*(?:Also |Others |Officers |Officers also )?(?:in attendance|In Attendance|IN ATTENDANCE|"
    r"Officers(?: present)?|(?:Also|Others) (?:present|attending)|(?:Council )?Officers attending|"
    r"Other attendees|Other (?:members|councillors) present|(?:Legal advis[eo]r|Licensing officer|"
    r"Clerk(?: to the [A-Za-z -]{3,40})?|Democratic services officer|Committee (?:clerk|officer|"
    r"administrator)|Minute taker)(?=\s*:\s*[A-Z]))"
    r"(?:\s*:\s*|\s*$|(?<=officers present)[ \t]+(?-i:(?=(?:[A-Z]\.?[ \t]+){1,3}[A-Z][a-z]|(?:Mrs|Mr|Ms|Dr)\.?[ \t]+[A-Z])))"
    r"(?P<rest>.*)$",
    re.I,
)  # CMIS: the label alone on its line, no colon; "Officers Present J A Mole, (Chief Executive)": a name after it
# "Apologies for absence were received from", "An apology of absence was received from", "APOLOGIES - were received
# and accepted from", "the apologies of Councillors A and B were noted", "proffered the apologies of Mr C"
_APOLOGIES = re.compile(
    r"\b(?:(?:Apologies|An apology)(?: (?:for|of) absence|(?P<late> for lateness))?(?:[ \t]+[\u2013-])?(?:(?: were| was| had been| have been|"
    r" has been)?(?: also)? (?:received(?: and accepted)?|submitted|given|tendered|intimated)(?: on behalf of| from| by)?|"
    r" also from)|(?P<of>(?:the )?apologies of)(?= (?:Councillors?|Cllrs?|Mrs|Mr|Ms|Miss|Dr)\.? ))"
    r"\s*:?\s*(?P<rest>[^\n]+)",
    re.I,
)
# where "the apologies of ..." ends: "were noted", "from Grant Thornton"
# (a match starts at the first blank of a run only: from each blank of it, `\s+` re-read the run, quadratic)
_APOLOGIES_OF_END = re.compile(r"(?<!\s)\s++(?:(?:were|was|are|is)\s++(?:noted|received|accepted)\b|from\b)")
_APOLOGIES_LINE = re.compile(
    r"^\s*(?:Apologies(?: for absence)?(?: received(?: from)?)?|Absent(?: with apologies)?)"
    r"(?:\s*:\s*|\s*$)(?P<rest>.*)$",
    re.I,
)
# "Councillor Tom Everley (Westbury City Council), substituted by Councillor Rita Hambleton"
# (a match never starts inside a run of spaces: from there `\s*` re-read the run from each of its characters)
_SUBSTITUTED_BY = re.compile(
    r"(?:(?<!\s)|(?!\s)),?\s*\b(?:substituted by|represented by|(?:with )?substitute:)\s+(?P<who>(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})",
    re.I,
)
# one person a line, with a note after a dash: "Jane Whitlock – Chief Finance Officer"
# (the name ends at the start of the spaces before the dash, not at each of them: a line of spaces was quadratic)
_DASH_NOTE = re.compile(
    r"^(?P<who>[^\t\u2013\u2014]+?)(?:(?<!\s)|(?<=^\s))\s++[\u2013\u2014-]\s++(?P<note>\S.*)$"
)
_NUMBERED = re.compile(
    r"^\s*(?:\d{1,3}\.?|\d{1,4}/\d{2,4}\.?|[A-Z]{1,4}\s*/?\s*\d+(?:/\d+)?\.?|MIN\s+\d+(?:/\d+)?)\s+\S"
)
# a word of a name is under 60 characters without a space (_W): inside a longer run, a rule read the rest of the
# run again from each capital in it, quadratic in a 120 kB hyphenated "word"
_W = r"(?![\w'\u2019-]{60})"
_SUBSTITUTE = re.compile(
    rf"(?P<who>(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+)?{_W}[A-Z][\w'\u2019-]+(?:\s+{_W}[A-Z][\w'\u2019-]+){{0,2}})"
    r"\s+(?:attended(?: the meeting)?(?: in person| remotely| virtually)?(?: as (?:a |the )?(?:named )?substitute"
    r"(?: member)?)? for|was present as (?:a |the )?(?:named )?substitute(?: member)? for|substituted for|"
    r"(?:had been|was) appointed to the (?:Committee|Sub-Committee|Panel|Board) in place of)",
    re.M,
)  # "attended remotely for", "was present as the named substitute for", "had been appointed to the Committee in place of"
_SUBS_LIST = re.compile(r"\b(?P<list>(?:Cllrs?|Councillors)\s+[^\n.]+?)\s+attended as substitutes")
_NAMED_SUBS = re.compile(r"named substitutes were present:\s*(?P<rest>[^\n]+)", re.I)
# a councillor by title and name: "Councillor Mrs S M Murray", "Cllr. I.T. Harvey", "Bailie Wright", "County Councillor
# M. Feakins"; a verb or a word in capitals after the name is no part of it ("Councillor Fielding MOVED")
_HON_NAME = (
    r"(?:(?:County[ \t]+)?Councillor|Cllr\.?|Bailie|Alderman|Provost)[ \t]+(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)?"
    rf"(?:[A-Z](?:\.[ \t]?|[ \t]|(?=[A-Z]))){{0,3}}{_W}[A-Z][\w'\u2019-]+"
    rf"(?:[ \t]+(?!(?i:moved|seconded|proposed|nominated|that|the|and|resolved|carried|agreed)\b){_W}[A-Z][\w'\u2019-]+){{0,2}}"
)
# "Councillor A proposed", "Cllr B, the Deputy Leader, seconded" (but in "Councillor A proposed Councillor B,
# Councillor C seconded" C seconded, not B: the words between commas are a role, never a councillor), "Councillor C MOVED", "Councillor D made and signed
# the Declaration of Acceptance of Office", "The Lord Mayor, Councillor E, reported on his year", "Provost F, Convener,
# presided": what a councillor did at the meeting says they were there
_PROPOSED = re.compile(
    rf"\b(?P<who>{_HON_NAME})\)?(?:,[ \t]+(?!(?:County[ \t]+)?Councillor|Cllr)[^,.\n]{{3,80}},?|,)?[ \t]+"
    r"(?:(?i:proposed|seconded|moved|nominated)\b|declared|had a dispensation|assumed the Chair|signified|"
    r"made (?:and (?:signed|subscribed) )?the (?:statutory )?(?i:declaration)|(?:signed|subscribed) the (?:statutory )?"
    r"(?i:declaration)|thanked|spoke|remarked|reiterated|(?:introduced|presented) (?:the|his|her)\b|made announcements|"
    r"asked|questioned|commented|responded|congratulated|welcomed|informed|extended|paid tribute|in the [Cc]hair\b|"
    r"reported|explained|stated|confirmed|presided|opened the meeting|"
    r"was (?:duly )?(?:declared )?(?:re-?)?elected\b)"
)
# "RESOLVED: That Councillor B J Lunn be elected Mayor", "That Councillor Ade Ola be appointed Vice-Chair": the civic
# offices a meeting fills from its own members, who take them there and then
_ELECTED = re.compile(
    rf"\b(?:[Tt]hat|THAT)[ \t]+(?P<who>{_HON_NAME})[ \t]+be[ \t]+(?:re-?)?(?:elected|appointed)(?:[ \t]+as)?[ \t]+"
    r"(?:the[ \t]+)?(?:(?:Deputy|Vice)[- ]?)?(?:Lord[ \t]+)?(?:Mayor|Chair(?:man|person)?|Leader|Provost|Presiding Member|"
    r"Civic Head|Speaker)\b"
)
# "It was moved by Councillor A and seconded by Councillor B", "PROPOSED by Councillor J F Kerr", "proposed by Council
# Leader Councillor Joe Harris", "This was seconded by" at a line's end over "Councillor C" (a narrow column wrapped):
# the mover and the seconder were there
_MOVED_BY = re.compile(
    r"\b(?i:moved|proposed|seconded|nominated)[ \t]+by(?:[ \t]+|[ \t]*\n[ \t]*)(?:the[ \t]+)?(?:(?:Council[ \t]+)?(?:Leader|Deputy[ \t]+Leader|"
    r"Mayor|Deputy[ \t]+Mayor|Chair(?:man)?|Vice[- ]Chair(?:man)?)(?:[ \t]+of[ \t]+the[ \t]+Council)?,?[ \t]+)?"
    rf"(?P<who>{_HON_NAME})"
)
# "Councillors A, B and C apologised for their inability to attend", "James Starbuck also apologised", "Councillor D
# sent apologies": a list that opens a sentence, then the apology
_APOLOGISED = re.compile(
    r"(?:^|(?<=[.:]\s))[ \t]*(?P<list>(?:(?:Councillors?|Cllrs?)\.?[ \t]+)?(?=[A-Z])[^\n.;:]{1,300}?),?[ \t]+"
    r"(?:also[ \t]+)?(?:apologised|(?:sent|gave|tendered)[ \t]+(?:(?:their|his|her|an)[ \t]+)?apolog(?:ies|y))\b",
    re.M,
)
# what the apology was for, later in its sentence: "gave an apology as she would be arriving late"
_LATE = re.compile(r"\blate(?:ness)?\b")
# a recorded vote: "For the motion – 26 (Councillors A, B, ...)", "Abstentions – 3 (Councillor C, D and E.)", "there
# voted for the motion - Lord Provost L, Bailies R and W and Councillors K, A and B (15)": each voter was there
_VOTE_LIST = re.compile(
    r"\b(?:(?:[Ff]or|[Aa]gainst) the (?:motion|amendment)|[Aa]bstentions?|[Aa]bstained)[ \t]*[:\u2013-]?\s{0,20}\d{0,3}"
    r"\s{0,20}\(?(?P<list>(?:Councillors?|Cllrs?|Bailies?|Lord Provost)\b[^()\n]{3,1500}?)(?:\(\d{1,3}\)|\)|\.(?:\s|$)|\n)"
)
# "Councillors A, B and C each declared an interest", "Councillors D and E also spoke"
_PLURAL_SPOKE = re.compile(
    r"\b(?P<list>(?:Councillors|Cllrs)\.?[ \t]+(?=[A-Z])[^\n.;:]{1,300}?)[ \t]+(?:(?:each|all|also)[ \t]+)?"
    r"(?:declared|spoke|reiterated)\b"
)
_PRESENTED_BY = re.compile(
    r"\b(?:presented|introduced|[Aa] presentation) by (?P<list>(?:(?:Dr|Mr|Mrs|Ms|Professor)\.?\s+)?[A-Z][\w'\u2019-]+"
    r"(?:\s+[A-Z][\w'\u2019-]+){1,2})"
)
_INTRODUCED = re.compile(
    rf"(?:^|\.\s+)(?P<who>(?:(?:Dr|Mr|Mrs|Ms|Professor)\.?\s+)?[A-Z][a-z]+(?:[- ]{_W}[A-Z][\w'\u2019-]+){{1,2}}),"
    r"[^.\n]{3,120}?,\s+(?:introduced|presented) the",
    re.M,
)
_NAME_NOTE_PRESENTED = re.compile(
    rf"(?:^|(?<=[.:]\s))(?P<who>(?:(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Professor)\.?[ \t]+)?[A-Z][a-z]+(?:[- ]{_W}[A-Z][\w'\u2019-]+)"
    r"{1,2})[ \t]*\([^()\n]{2,120}\)[ \t]+(?:introduced|presented|gave|outlined)\b",
    re.M,
)
_INVITED = re.compile(
    rf"\binvited (?P<who>(?:Councillor|Cllr|Dr|Mr|Mrs|Ms|Professor)\.?[ \t]+[A-Z][a-z]+(?:[- ]{_W}[A-Z][\w'\u2019-]+){{1,2}})"
    r"(?:[ \t]*\([^()\n]{2,120}\))?[ \t]+to\b"
)
# "The Mayor welcomed Cllr Steve Cook to his first meeting", "The Provost extended a warm welcome to Cleland Sneddon
# on behalf of the Council", "The Chair welcomed to the meeting A, B and C who were in attendance"
_WELCOMED = re.compile(
    r"\b(?:welcomed|extended a (?:very )?(?:warm )?welcome to)(?:[ \t]+to[ \t]+the[ \t]+meeting)?[ \t]+"
    r"(?P<list>(?=[A-Z])[^\n.;:]{1,200}?)(?=[ \t]+(?:to|on|who|as|for|back)\b|[.;:\n])"
)
# a post, then its holder between commas, then what they did at the meeting: "The Chief Executive, Gordon Mitchell,
# withdrew", "The Director of Change, Mrs Nikki Boardman, introduced a report", "The Lady Mayoress, Mrs Nikki Coles,
# reported"
_TITLE_NAME_ACTED = re.compile(
    r"\b[Tt]he (?:[A-Z][\w'\u2019&-]*[ \t]+(?:(?:of|and|for|to|the|&)[ \t]+)?){0,8}?[A-Z][\w'\u2019&-]*,[ \t]+"
    rf"(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Councillor|Cllr)\.?[ \t]+)?{_W}[A-Z][\w'\u2019-]+"
    rf"(?:[ \t]+{_W}[A-Z][\w'\u2019-]+){{1,2}}),[ \t]+"
    r"(?:introduced|presented|reported|explained|outlined|withdrew|left the meeting|gave|responded|answered)\b"
)
_FROM_NAMES = re.compile(
    r"\b(?:received|heard|welcomed)\b[^.\n]{0,200}?\bfrom (?P<rest>(?:Dr |Mr |Mrs |Ms )?[A-Z][a-z]+ [A-Z][\w'\u2019-]+,[^\n]+)"
)
_BLOCK_END = re.compile(
    r"^\s*(?:\d+\.|(?-i:[A-Z][A-Z ]{8,}$)|Apologies|Minutes|Item|Agenda|In attendance|Officers|Absent\b)",
    re.I,
)


# a Present label inside a line (a PDF flattened the record): the list runs to the next label or numbered item.
# Without its colon the label is "PRESENT" in capitals or "Members Present", and a name or title follows it
# ("Other Members Present P J Bateson J Campbell", "PRESENT IN The Right Worshipful the Mayor CHAMBER: Councillor")
_INLINE_PRESENT = re.compile(
    r"(?<![A-Za-z])(?<!Also )(?<!ALSO )(?<!Officers )(?<!OFFICERS )(?:(?:PRESENT|Present|Members Present)"
    r"(?: IN CHAMBER| in Chamber)?\s*:-?|In attendance:\s*\((?:Councillors|Members)\)"
    r"|(?:PRESENT(?: IN)?|Members Present)[ \t]+(?=[A-Z](?:[a-z]|[ \t]))(?!(?:IN|TO|AT|ON|OF|THE)\b))\s*"
    r"(?:IN CHAMBER\s*:\s*)?(?=\S)"
)
# "In the Chair : The Mayor (Alderman J Smyth) Members Present : ...": the chair, named before the Present list
_INLINE_CHAIR = re.compile(
    r"(?<![A-Za-z])(?:In the Chair|IN THE CHAIR|Presiding)\s*:?\s*(?=[A-Z])(?P<who>[^:\n]{3,80})$"
)
# a group's label inside a flattened list ("Aldermen – F Agnew, P Brett and D Kinahan Councillors – J Archibald"),
# or another label left there by a PDF's two columns ("CHAMBER:", "PRESENT IN REMOTE", "LOCATION:")
_GROUP_CUT = re.compile(
    r"(?<![A-Za-z])(?P<group>Aldermen|Councillors|Bailies|COUNCILLORS|ALDERMEN)\b[ \t]*[\u2013\u2014:-]?[ \t]*"
    r"|(?<![A-Za-z])(?:PRESENT IN [A-Z]+|[A-Z]{4,})[ \t]*:[ \t]*|(?<![A-Za-z])PRESENT IN [A-Z]+\b[ \t]*"
)
_INLINE_END = re.compile(
    r"(?<![A-Za-z])(?:In [Aa]ttendance|IN ATTENDANCE|Also [Pp]resent|ALSO PRESENT|"
    r"Officers [Pp]resent|OFFICERS PRESENT|Officers [Ii]n(?: [Aa]ttendance)?|Attending|ATTENDING|Also in attendance|"
    r"Apologies|APOLOGIES)\b|\((?:Officials|Officers)\)|\s\d{1,3}\.?\s+[A-Z]{3,}"
)


def _inline_present(seg: Segmented, line: Line) -> Listed | None:
    """ "... held on 27 January 2020 PRESENT: The Mayor (Alderman J Smyth) ...": a record flattened into one line;
    the Present list runs to the next label, then the officers or apologies after it. None: no such label."""
    m = _INLINE_PRESENT.search(line.text)
    if m is None:
        return None
    rest = line.text[m.end() :]
    end = _INLINE_END.search(rest)
    rest = rest[: end.start()] if end else rest
    people = _grouped_names(rest, line.start + m.end())
    facts = _inline_chair(seg, line, m.start())
    facts += _facts(seg, people, Capacity.PRESENT, "attendance.inline-present", chair_notes=True)
    return facts + (_inline_attendance(seg, line, m.end() + end.start()) if end else [])


def _inline_chair(seg: Segmented, line: Line, at: int) -> Listed:
    """The chair a flattened record names just before its Present label ("In the Chair: Councillor M Murnin",
    "In the Chair : The Mayor (Alderman J Smyth)", "Presiding P McLean"): present, in the chair."""
    m = _INLINE_CHAIR.search(line.text, max(0, at - 100), at)
    if m is None:
        return []
    who, start = m.group("who"), line.start + m.start("who")
    inner = re.search(r"\((?P<in>[^()]{3,60})\)\s*$", who)  # "The Mayor (Alderman J Smyth)"
    if inner:
        who, start = inner.group("in"), start + inner.start("in")
    people = split_people(who, start) or split_people(who, start, "councillor")
    chaired = [
        ListedPerson(p.start, p.end, p.name, p.honorific, "in the chair", p.note_start) for p in people[:1]
    ]
    return _facts(seg, chaired, Capacity.PRESENT, "attendance.inline-present", chair_notes=True)


def _grouped_names(text: str, offset: int) -> list[ListedPerson]:
    """The people of a flattened Present list, cut at its groups' labels ("Aldermen – A, B and C Councillors – D"):
    each group is a list of its own, its members titled by the group's label. The list read whole keeps those no
    group reads (a name run on after a label in capitals, "LORD PROVOST The Right Honourable George Grubb")."""
    whole = _listed_names(text, offset, one_line=False)
    cuts = list(_GROUP_CUT.finditer(text))
    if not cuts:
        return whole
    out: list[ListedPerson] = []
    bounds = (
        [(0, 0, "")] + [(m.start(), m.end(), m.group("group") or "") for m in cuts] + [(len(text), 0, "")]
    )
    for (_s, body_at, group), (nxt, _e, _g) in zip(bounds, bounds[1:], strict=False):
        hon = "alderman" if group.lower() == "aldermen" else ("councillor" if group else "")
        out += _listed_names(text[body_at:nxt], offset + body_at, hon, one_line=False)
    out += [p for p in whole if not any(p.start < q.end and q.start < p.end for q in out)]
    return sorted(out, key=lambda p: p.start)


def _inline_attendance(seg: Segmented, line: Line, at: int) -> Listed:
    """The officers and apologies after an inline Present list, label by label ("ATTENDING: ... APOLOGIES: ..."),
    each to the next label or numbered item."""
    out: Listed = []
    for _ in range(8):  # a record has a handful of labels; a hostile line of labels is read no further
        text = line.text[at:]
        # "Officers Present:", "APOLOGIES:", a group note "(Officials)", or "Officers in" over a flattened column
        label = re.match(
            r"(?P<label>[^:\n]{0,40}?)\s*:-?\s*|\((?:Officials|Officers)\)\s*|Officers in\s+(?=(?:Mrs?|Ms|Dr)\b)",
            text,
        )
        if label is None:
            break
        cap = (
            Capacity.APOLOGIES
            if (label.group("label") or "").lower().startswith("apolog")
            else Capacity.IN_ATTENDANCE
        )
        rest = text[label.end() :]
        end = _INLINE_END.search(rest)
        rest = rest[: end.start()] if end else rest
        rest = re.sub(r"\s[A-Z]{4,}\s*:.*$", "", rest)  # "... CHAIR: Chief Executive": another label
        rest = "" if re.fullmatch(r"\s*(?i:none|nil)\.?\s*", rest) else rest
        out += _facts(
            seg, _line_people(rest, line.start + at + label.end()), cap, "attendance.inline-present"
        )
        if end is None or not end.group(0)[:1].isalpha():
            break
        at += label.end() + end.start()
    return out


def _line_people(text: str, offset: int, honorific: str = "") -> list[ListedPerson]:
    """The people of one line of a block: a list ("A, B and C"), officers each after their post and a dash, or one
    person with a note after a dash."""
    run = _title_dash_run(text, offset)
    if run:
        return run
    m = _DASH_NOTE.match(text)
    if m and "," not in m.group("who"):
        who = split_people(m.group("who"), offset + m.start("who"), honorific)
        if len(who) == 1:
            p = who[0]
            return [
                ListedPerson(
                    p.start, p.end, p.name, p.honorific, m.group("note").strip(), offset + m.start("note")
                )
            ]
    titled = _semicolon_titled(text, offset, honorific)
    if titled is None:
        titled = _courtesy_run(text, offset)
    return titled if titled is not None else split_people(text, offset, honorific)


# one officer of a flattened run, post first: "Chief Executive – J Dixon ", "Borough Lawyer and Head of Legal Services –
# Mrs P Casey, ". The name is initials and a surname, so that where it ends the next post begins. The post is at most
# 80 characters without a dash: a match read from each capital looks that far ahead only (linear in the text).
_TITLE_DASH_ITEM = re.compile(
    r"(?P<title>[A-Z][A-Za-z'\u2019&/,() ]{1,80}?)[ \t]+[\u2013\u2014-][ \t]+"
    rf"(?:(?P<hon>Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)?(?P<name>(?:[A-Z]\.?[ \t]+){{1,3}}{_W}[A-Z][\w'\u2019-]+)"
    r"(?![\w'\u2019-])[ \t]*[,;]?[ \t]*"
)


def _title_dash_run(text: str, offset: int) -> list[ListedPerson]:
    """Officers a PDF ran together each after their post and a dash ("Chief Executive – J Dixon Deputy Chief Executive
    – M McAlister ..."): each name with its post as the note. Empty: the text is not wholly such a run of two or more
    (a single "Maya Crane – Licensing Manager" is a name and its note, read by `_DASH_NOTE`)."""
    out, at = [], len(text) - len(text.lstrip())
    while at < len(text.rstrip()):
        m = _TITLE_DASH_ITEM.match(text, at)
        if m is None:
            return []
        name = clean_name(m.group("name"))
        if name:
            out.append(
                ListedPerson(
                    offset + m.start("name"),
                    offset + m.end("name"),
                    name,
                    (m.group("hon") or "").lower(),
                    m.group("title").strip(),
                    offset + m.start("title"),
                )
            )
        at = m.end()
    return out if len(out) >= 2 else []


# an officer in a run a PDF flattened without separators: "Mr L Hannaway, Chief ExecutiveMrs D Carville, Director of
# Corporate Services", "Dr Boomer, Planning Manager Ms Canavan, Director of ..."; a second word of the name only
# before a comma ("Mr Shane Devlin, Chief Executive", not "Mr Moffett Head of Democratic Services")
_COURTESY = re.compile(
    r"(?<![A-Z])(?P<hon>Mrs|Miss|Mr|Ms|Dr)\.?[ \t]+(?P<name>(?:[A-Z]{1,2}\.?[ \t]+){0,3}"
    rf"{_W}[A-Z][\w'\u2019-]+(?:[ \t]+{_W}[A-Z][\w'\u2019-]+(?=,))?)"
)


def _courtesy_run(text: str, offset: int) -> list[ListedPerson] | None:
    """Officers in a run, each opened by a courtesy title and followed by their post up to the next title (the
    run opens with one, a group note such as "(Officials)" aside). None: not such a run (fewer than two)."""
    found = list(_COURTESY.finditer(text))
    lead = re.match(r"\s*(?:\([A-Za-z ]{1,20}\)\s*)?", text)
    if len(found) < 2 or lead is None or found[0].start() != lead.end():
        return None
    out = []
    for n, m in enumerate(found):
        stop = found[n + 1].start() if n + 1 < len(found) else len(text)
        # the post, up to the next title; "... Attendance:" after it is a label
        note = re.sub(r"\s*\b[A-Za-z]+:.*$", "", text[m.end() : stop]).strip(" ,\t")
        name = clean_name(m.group("name"))
        if name:
            out.append(
                ListedPerson(
                    offset + m.start(),
                    offset + m.end(),
                    name,
                    m.group("hon").lower(),
                    note or None,
                    offset + m.end(),
                )
            )
    return out


def _semicolon_titled(text: str, offset: int, honorific: str) -> list[ListedPerson] | None:
    """ "E. Howat, Chief Executive; V. Andrews, Executive Director – Resources, Governance and Organisation; ...": items
    cut by semicolons, each a name and, after its first comma, a title (whose own commas cut no one out). None:
    not such a list."""
    parts = [(mp.start(), mp.group(0)) for mp in re.finditer(r"[^;]+", text)]
    if len(parts) < 3 or sum("," in part for _s, part in parts) < 0.6 * len(parts):
        return None
    out: list[ListedPerson] = []
    for start, part in parts:
        titled = [
            t
            for n, t in enumerate(_titled_people(part, offset + start))
            if n == 0 or text[: t.start - offset].endswith("and ")
        ]
        if len(titled) >= 2:  # "L McIntyre, Head of Policy and B Lambert, Procurement Manager"
            out += titled
            continue
        head, _comma, note = part.partition(",")
        label = head.rfind(":") + 1  # "Attending: E. Howat"
        who = split_people(head[label:], offset + start + label, honorific)
        if len(who) == 1:
            p = who[0]
            note_start = offset + start + len(head) + 1
            out.append(ListedPerson(p.start, p.end, p.name, p.honorific, note.strip() or None, note_start))
    return out


# "In attendance: (Councillors)": the label's group, the people on the lines below
_GROUP_NOTE = re.compile(r"^\s*\((?i:councillors|members|officers|officials)\)\s*$")
_GROUP_HEAD = re.compile(r"^\s*\((?i:councillors|members|officers|officials)\)\s*\S")


def _block(seg: Segmented, i: int, rest_start: int, cap: Capacity, rule: str) -> tuple[Listed, int]:
    """An In attendance / Apologies label's people: the rest of its line, then (when the line has no one) the lines
    below it, one entry or list a line, until a blank line, a label, a numbered item or a line naming no one."""
    lines = seg.lines
    line = lines[i]
    out: Listed = []
    rest = seg.text[rest_start : line.end]
    if rest.strip() and not _GROUP_NOTE.match(rest):
        return _facts_with_subs(seg, rest, rest_start, cap, rule), i + 1
    j = i + 1
    while j < len(lines) and not lines[j].text.strip() and j - i < 2:
        j += 1
    skipped = False
    while j < len(lines):
        ln = lines[j]
        t = ln.text
        if not t.strip() and out and j + 1 < len(lines) and _GROUP_HEAD.match(lines[j + 1].text):
            j += 1  # "(Councillors)" ... a blank line ... "(Officials)Mr L Hannaway, Chief Executive": one block
            continue
        seps = len(re.findall(r"[,;]|\b(?:Councillor|Cllr|Mrs?|Ms|Dr)\b", t))
        listing = len(t) <= 200 or (len(t) <= 3000 and seps * 60 >= len(t))
        if not t.strip() or _label_of(t) or _NUMBERED.match(t) or not listing or t.rstrip().endswith(":"):
            break  # "Additional documents:": a label of its own
        found = _facts_with_subs(seg, t, ln.start, cap, rule)
        if not found and not out and not skipped and len(t) < 60:
            skipped = True  # "Apologies" / "Apologies from members." / "Councillors Dowling and K MacLaren."
            j += 1
            continue
        if not found:
            break
        out += found
        j += 1
    return out, j


def _facts_with_subs(seg: Segmented, text: str, offset: int, cap: Capacity, rule: str) -> Listed:
    """The people of a list; "X, substituted by Y" in an apologies list makes Y present."""
    out = []
    sub = _SUBSTITUTED_BY.search(text) if cap == Capacity.APOLOGIES else None
    if sub:
        out += _facts(
            seg,
            split_people(sub.group("who"), offset + sub.start("who")),
            Capacity.PRESENT,
            "attendance.substituted-by",
        )
        text = text[: sub.start()]
    people = _listed_names(
        text, offset
    )  # names with no separators too ("Simon Copley Peter Johnson Phil Long")
    if len(text) > 150:
        titled = _titled_people(text, offset)
        people = titled if len(titled) >= 3 and len(titled) > len(people) else people
    return _facts(seg, people, cap, rule) + out


# "Jim Boyle, Chief Finance Officer, Governance & Resources Tony Cain, Head of Housing", "Mr L Hannaway, Chief
# ExecutiveMrs D Carville, Director": a list of officers flattened from a table, each a name, a comma and a title,
# with nothing between one title and the next name (the name is the two words before the comma, or a title and a
# surname)
_TITLED = re.compile(
    rf"(?:(?<=[a-z])|(?<![\w'\u2019]))(?P<who>(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+(?:[A-Z]\.?[ \t]+){{0,2}}{_W}[A-Z][\w'\u2019-]+"
    rf"|(?<![\w'\u2019])(?:(?:[A-Z]\.?[ \t]+){{1,2}}|{_W}[A-Z][\w'\u2019-]+[ \t]+){_W}[A-Z][\w'\u2019-]+),[ \t]+(?=[A-Z])"
)


def _titled_people(text: str, offset: int) -> list[ListedPerson]:
    """The people of a flattened "Name, Title Name, Title" list, each with its title as the note."""
    found = []
    for m in _TITLED.finditer(text):
        who = split_people(m.group("who"), offset + m.start("who"))
        if len(who) == 1:
            found.append((who[0], m.end()))
    out = []
    for n, (p, note_at) in enumerate(found):
        note_end = found[n + 1][0].start - offset if n + 1 < len(found) else len(text)
        note = text[note_at:note_end].strip(" ,;")
        out.append(ListedPerson(p.start, p.end, p.name, p.honorific, note or None, offset + note_at))
    return out


def _label_of(text: str) -> bool:
    return bool(_PRESENT.match(text) or _IN_ATTENDANCE.match(text) or _APOLOGIES_LINE.match(text))


_FIRST_LETTER = re.compile(r"[^\W\d_]")
_PARTICLE = re.compile(r"(?:de|van|von|le|la|du|da|di)\s")
_CHAIR_NOTE = re.compile(r"^(?:(?:independent|acting|interim) )?(?:chair(?:person|man|woman)?|in the chair)$")


def _facts(
    seg: Segmented, people: list[ListedPerson], cap: Capacity, rule: str, chair_notes: bool = False
) -> Listed:
    out = []
    for p in people:
        meeting = seg.meeting_at(p.start)
        first = _FIRST_LETTER.search(seg.text, p.start, max(p.end, p.start + 1))
        if meeting is None or not (first and first.group(0).isupper() or _PARTICLE.match(seg.text, p.start)):
            continue  # "... Will Crossley, teacher and religious representatives": words in lower case name no one
        note = (p.note or "").lower()
        out.append(
            (
                AttendanceFact(
                    person=p.name,
                    body=meeting.body,
                    meeting_date=meeting.date,
                    capacity=cap,
                    chair=chair_notes and bool(_CHAIR_NOTE.match(note)),
                    evidence=seg.sentence_evidence(p.start, p.end, rule),
                ),
                p,
            )
        )
    return out


# an attendance table (ModernGov "Attendance details", CMIS): a name column and a column saying Present / Apologies
_COL_WHO = re.compile(r"^(?:attendee|name|member|board member|councillor|committee member)s?$", re.I)
_COL_ROLE = re.compile(r"^(?:role|position|capacity|title)$", re.I)
_COL_ATTENDED = re.compile(r"^(?:attendance|attended|status|present(?:/apologies)?)$", re.I)
_ATTENDED = [
    (re.compile(r"^(?:present|attended|in attendance|yes|expected)\b", re.I), Capacity.PRESENT),
    (re.compile(r"^(?:apologies|apologies received|sent apologies|absent)\b", re.I), Capacity.APOLOGIES),
]


def _table_attendance(seg: Segmented) -> Listed:
    out: list[tuple[AttendanceFact, ListedPerson]] = []
    cols_rx = {"who": _COL_WHO, "role": _COL_ROLE, "attended": _COL_ATTENDED}
    for cols, rows in header_tables(seg, cols_rx, {"who", "attended"}):
        for cells in rows:
            if len(cells) <= max(cols.values()):
                continue
            said = cells[cols["attended"]].text
            cap = next((c for rx, c in _ATTENDED if rx.match(said)), None)
            who = cells[cols["who"]]
            people = split_people(who.text, who.start)
            if cap is None or len(people) != 1:
                continue
            p = people[0]
            if "role" in cols and not p.note:
                role = cells[cols["role"]]
                p = ListedPerson(p.start, p.end, p.name, p.honorific, role.text or None, role.start)
            out += _facts(seg, [p], cap, "attendance.table-row", chair_notes=True)
    return out


# --- labelled blocks, read line by line ------------------------------------------------------


# a list flattened from a PDF's columns, names with nothing between them: "Councillors Acomb Joy Andrews Paul Andrews
# Steve Arnold (Chairman) Bailey Burr", "COUNCILLORS Elaine Aitken Louise Lang Ewan Aitken Jim Lowrie Robert C Aldridge"
_NAME_WORD = re.compile(
    r"(?:Mc|Mac|O['\u2019])?[A-Z][a-z\u00df-\u00ff]+(?:['\u2019-][A-Z]?[a-z\u00df-\u00ff]+)*|(?:Mc|Mac)[A-Z][a-z]+|[A-Z]\.?"
)
_NOT_IN_RUN = frozenset(
    "The Right Honourable Worshipful Lord Provost Mayor Deputy Depute Councillor Councillors Cllr Cllrs Alderman "
    "Aldermen Bailie Bailies Chair Chairman Vice Present Members Mr Mrs Ms Miss Dr".split()
)
# what reading a name of 1, 2 or 3 words costs (two names of one word cost more than one of two, so a run reads as
# full names unless the alphabetical order says otherwise), and a surname out of order in its column
_LEN_COST = (0.0, 0.6, 1.1, 2.0)
_OUT_OF_ORDER = 4.0
_COLUMN_COST = 1.0  # each column after the first: more columns, fewer surnames whose order is tested


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """The runs of name words of `text` (a single capital joined to the word after it: "C Aldridge"), as spans;
    a word in capitals, a title, a note in parentheses or any other word ends a run."""
    runs: list[list[tuple[int, int]]] = [[]]
    initial = None
    for m in re.finditer(r"\([^()\n]*\)|\S+", text):
        word = m.group(0)
        if (
            _NAME_WORD.fullmatch(word)
            and word not in _NOT_IN_RUN
            and (len(word) < 3 or word.lower() not in not_name_words())
        ):
            if len(word.rstrip(".")) == 1:
                initial = m.start() if initial is None else initial
                continue
            runs[-1].append((m.start() if initial is None else initial, m.end()))
        elif runs[-1]:
            runs.append([])
        initial = None
    return [r for r in runs if r]


def _surname_key(text: str, unit: tuple[int, int]) -> str:
    return re.sub(r"[^a-z]", "", text[unit[0] : unit[1]].split()[-1].lower())


def _segment_run(text: str, units: list[tuple[int, int]], k: int) -> tuple[float, list[tuple[int, int]]]:
    """The cheapest cut of a run of words into names of 1 to 3 words, read as `k` columns each in alphabetical
    order of surname: (its cost, the names as spans of units). A dynamic programme over the position and the
    lengths of the last k names: at most 39 states a word, so time grows with the run's length."""
    n = len(units)
    keys = [_surname_key(text, u) for u in units]
    Back = tuple[int, tuple[int, ...]] | None
    layers: list[dict[tuple[int, ...], tuple[float, Back]]] = [{} for _ in range(n + 1)]
    layers[0][()] = (0.0, None)
    for pos in range(n):
        for lens, (cost, _back) in layers[pos].items():
            for size in (1, 2, 3):
                if pos + size > n:
                    break
                more = _LEN_COST[size]
                if len(lens) == k and keys[pos + size - 1] < keys[pos - sum(lens[1:]) - 1]:
                    more += _OUT_OF_ORDER
                nxt = (*lens, size)[-k:]
                seen = layers[pos + size].get(nxt)
                if seen is None or cost + more < seen[0]:
                    layers[pos + size][nxt] = (cost + more, (pos, lens))
    last = min(layers[n], key=lambda lens: layers[n][lens][0])
    total, names = layers[n][last][0], []
    at: Back = (n, last)
    while at is not None and at[0] > 0:
        back = layers[at[0]][at[1]][1]
        assert back is not None
        names.append((back[0], at[0]))
        at = back
    return total, names[::-1]


def _run_names(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A run's names as spans of units: one word each where the run is in alphabetical order as it stands ("Bailey
    Burr Clark Cleary": surnames alone, for first names would break the order), else `_segment_run`'s cheapest cut."""
    keys = [_surname_key(text, u) for u in units]
    if keys == sorted(keys):
        return [(n, n + 1) for n in range(len(units))]
    cuts = [_segment_run(text, units, k) for k in (1, 2, 3)]
    return min(cuts, key=lambda cut: cut[0] + _COLUMN_COST * cuts.index(cut))[1]


def _unseparated(text: str, offset: int, honorific: str) -> list[ListedPerson]:
    """The people of a flattened list of names without separators, cut where the surnames of one to three
    columns fall in alphabetical order. A run of two words between notes ("Arnold (Chairman) Bailey Burr MBE Clark")
    is one name or two as most names of the longer runs are."""
    runs = _runs(text)
    if not runs or max(len(units) for units in runs) < 6:
        return []
    cut = {n: _run_names(text, units) for n, units in enumerate(runs) if len(units) >= 3}
    names_read = [b - a for names in cut.values() for a, b in names]
    singles = sum(size == 1 for size in names_read) > len(names_read) / 2
    out = []
    for n, units in enumerate(runs):
        if len(units) == 2:  # a word alone between notes is as likely a department as a name: no run of one
            cut[n] = [(0, 1), (1, 2)] if singles else [(0, 2)]
        for a, b in cut.get(n, []):
            start, end = units[a][0], units[b - 1][1]
            name = clean_name(text[start:end])
            if name:
                out.append(ListedPerson(offset + start, offset + end, name, honorific, None, -1))
    return sorted(out, key=lambda p: p.start)


# a name that opens with its initials ("P J Bateson", "Mrs K A McEldowney"), and a note in parentheses after it
_INITIALLED = re.compile(
    rf"(?:(?P<hon>Mrs|Mr|Miss|Ms|Dr)\.?[ \t]+)?(?P<name>(?:[A-Z]\.?[ \t]+){{1,3}}{_W}[A-Z][\w'\u2019-]+)"
    r"(?:[ \t]*,?[ \t]*\([^()\n]{1,80}\))?[ \t]*,?[ \t]*"
)


def _initialled(text: str, offset: int, honorific: str) -> list[ListedPerson]:
    """A flattened list of names that each open with initials, with nothing between them ("P J Bateson J Campbell
    Mrs E A Forde"), or officers each with their post in parentheses ("J A McLaughlin, (Chief Executive) J J Tohill
    (Director of Finance)"): every such name is one person. Empty: the text is not such a list (under four names,
    or anything else between them)."""
    out, at = [], len(text) - len(text.lstrip())
    while at < len(text.rstrip()):
        m = _INITIALLED.match(text, at)
        if m is None:
            return []
        name = clean_name(m.group("name"))
        if name:
            note = re.search(r"\(([^()]+)\)", m.group(0))
            out.append(
                ListedPerson(
                    offset + m.start("name"),
                    offset + m.end("name"),
                    name,
                    (m.group("hon") or honorific).lower(),
                    note.group(1).strip() if note else None,
                    offset + m.start() + note.start(1) if note else -1,
                )
            )
        at = m.end()
    return out if len(out) >= 4 else []


def _listed_names(
    text: str, offset: int, honorific: str = "", *, one_line: bool = True
) -> list[ListedPerson]:
    """A line's people (`_line_people`; a record flattened into one line, `split_people`), and those of the runs
    of six or more name words without separators (`_unseparated`): where two or more of those fall inside one item
    of the list, they replace it."""
    listed = _line_people(text, offset, honorific) if one_line else split_people(text, offset, honorific)
    if len(listed) < 2:
        listed = _initialled(text, offset, honorific) or listed
    if len(re.findall(r"\b[A-Z][a-z]", text)) < 12:
        return listed
    # a record flattened into one line runs on past its list: the list ends at the first number (a page's or an item's)
    number = None if one_line else re.search(r"\s\d+[\s.]", text)
    flat = _unseparated(text[: number.start()] if number else text, offset, honorific)
    out = []
    for p in listed:
        inside = [f for f in flat if p.start < f.end and f.start < p.end]
        if len(inside) < 2:
            out.append(p)
    taken = [(p.start, p.end) for p in out]
    out += [f for f in flat if not any(s < f.end and f.start < e for s, e in taken)]
    return sorted(out, key=lambda p: p.start)


def _present_line(seg: Segmented, i: int, j: int) -> Listed:
    """The people of line j of a Present block that opens at line i: after the label on the first line, after
    a "Councillors:" / "Co-opted Members:" label or none below it."""
    ln = seg.lines[j]
    text = ln.text
    if j == i and _INLINE_END.search(text) and _INLINE_PRESENT.search(text):
        # "PRESENT: Councillors A and B. ATTENDING: C, Chief Executive; ... APOLOGIES: Councillor D": a record
        # flattened into its first line, read label by label
        return _inline_present(seg, ln) or []
    cm = _PRESENT.match(text) if j == i else _CONTINUATION.match(text)
    rest_start = ln.start + (cm.start("rest") if cm else 0)
    rest = text[rest_start - ln.start :]
    hon = "councillor" if cm and "councillor" in (cm.groupdict().get("label") or "").lower() else ""
    listed = _listed_names(rest, rest_start, hon)
    if j == i and _IN_CHAIR.match(text):  # "In the Chair: Mayor Jo Prentice"
        listed = [
            ListedPerson(p.start, p.end, p.name, p.honorific, p.note or "in the chair", p.note_start)
            for p in listed
        ]
    return _facts(seg, listed, Capacity.PRESENT, "attendance.present-block", chair_notes=True)


def _present_block(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    """ "Present:" and the lines below it, until an attendance label, a heading, a second Present label, a
    numbered item or two blank lines (in a page that puts a blank line after every line, a run of blank lines
    ends the block only where no line of names follows it)."""
    lines = seg.lines
    m = _PRESENT.match(lines[i].text)
    if not m or not (m.group("rest").strip() or i + 1 < len(lines)):
        return None
    facts: Listed = []
    j, blanks = i, 0
    while j < len(lines):
        text = lines[j].text
        if j > i and _GROUP_LABEL.match(text):
            j, blanks = j + 1, 0  # "COUNCILLORS" alone on its line: the names below it go on
            continue
        if j > i and (_IN_ATTENDANCE.match(text) or _BLOCK_END.match(text)):
            break
        blanks = blanks + 1 if not text.strip() else 0
        if blanks >= 2:
            nxt = _after_blanks(seg, j)
            if nxt is None:
                break
            j, blanks = nxt, 0
            continue
        if j > i and _PRESENT.match(text):
            break  # a second Present label: a block of its own
        if j > i and _NUMBERED.match(text) and not _CONTINUATION.match(text):
            break
        facts += _present_line(seg, i, j)
        j += 1
    return facts, j


# a group's label alone on its line inside a Present block ("BAILIES", "Councillors")
_GROUP_LABEL = re.compile(r"^\s*(?i:bailies|councillors|aldermen|members|provost)\s*:?-?\s*$")
_NAME_LINE_NOTE = re.compile(r"\([^()\n]{0,80}\)|\s[-\u2013\u2014]\s.*$")


def _after_blanks(seg: Segmented, j: int) -> int | None:
    """In a page laid out with a blank line after every line (a web page saved as text), the line of names after a
    run of blank lines, which goes on the Present block; None where the block ends there."""
    lines = seg.lines
    k = j
    while k < len(lines) and k - j < 12 and not lines[k].text.strip():
        k += 1
    if k >= len(lines) or not _double_spaced(seg) or len(lines[k].text) > 120:
        return None
    text = lines[k].text
    if _GROUP_LABEL.match(text):
        return k
    words = _NAME_LINE_NOTE.sub(" ", text).replace(":", " ").split()
    if not words or not all(w[0].isupper() or w in ("and", "of", "&") for w in words):
        return None
    label = _CONTINUATION.match(text)
    return k if _line_people(text[label.start("rest") :] if label else text, 0) else None


def _double_spaced(seg: Segmented) -> bool:
    """Whether most lines of the page's opening are followed by a blank line."""
    head = seg.lines[:200]
    texts = [n for n, ln in enumerate(head[:-1]) if ln.text.strip()]
    return len(texts) >= 10 and sum(not head[n + 1].text.strip() for n in texts) >= 0.8 * len(texts)


def _members_line(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    """ "Members: Councillors A, B and C" in minutes (in an agenda or a summons it is the membership)."""
    line = seg.lines[i]
    m = _MEMBERS_LINE.match(line.text)
    if not m or _AGENDA.search(seg.text[:1500]):
        return None
    rest_start = line.start + m.start("rest")
    people = split_people(m.group("rest"), rest_start)
    return _facts(seg, people, Capacity.PRESENT, "attendance.members-line", chair_notes=True), i + 1


def _labelled(
    seg: Segmented, i: int, rx: re.Pattern[str], cap: Capacity, rule: str
) -> tuple[Listed, int] | None:
    """A label's people (`_block`); a label with people on its own line is one line."""
    line = seg.lines[i]
    m = rx.match(line.text)
    if not m:
        return None
    found, nxt = _block(seg, i, line.start + m.start("rest"), cap, rule)
    rest = m.group("rest")
    return found, max(i + 1, nxt if not rest.strip() or _GROUP_NOTE.match(rest) else i + 1)


def _in_attendance_block(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    """ "In attendance:", "Officers present:", "Clerk: ..." and the people after it or below it."""
    return _labelled(seg, i, _IN_ATTENDANCE, Capacity.IN_ATTENDANCE, "attendance.in-attendance-block")


def _apologies_line(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    """ "Apologies for absence:" and the people after it or below it ("X, substituted by Y": Y present)."""
    return _labelled(seg, i, _APOLOGIES_LINE, Capacity.APOLOGIES, "attendance.apologies-line")


def _inline_present_line(seg: Segmented, i: int) -> tuple[Listed, int] | None:
    inline = _inline_present(seg, seg.lines[i])
    return None if inline is None else (inline, i + 1)


# a rule that reads a labelled block from the line it starts on: the facts and the line after the block,
# or None when the line is not its label. The first rule that reads a line takes it (and its block).
LineRead = Callable[[Segmented, int], tuple[Listed, int] | None]

LINE_RULES: tuple[Rule[LineRead], ...] = (
    Rule("attendance.present-block", _present_block),
    Rule("attendance.members-line", _members_line),
    Rule("attendance.in-attendance-block", _in_attendance_block),
    Rule("attendance.apologies-line", _apologies_line, ("attendance.substituted-by",)),
    Rule("attendance.inline-present", _inline_present_line),
)


def _labelled_blocks(seg: Segmented) -> Listed:
    facts: Listed = []
    i = 0
    while i < len(seg.lines):
        for rule in LINE_RULES:
            read = rule.read(seg, i)
            if read is not None:
                found, i = read
                facts += found
                break
        else:
            i += 1
    return facts


# --- sentences and tables, read over the whole text --------------------------------------------


def _apologies_sentence(seg: Segmented) -> Listed:
    """ "Apologies for absence were received from Councillors A and B." (to the sentence's end)."""
    facts: Listed = []
    pos = 0
    while (m := _APOLOGIES.search(seg.text, pos)) is not None:
        rest = m.group("rest")
        cut = re.search(
            r"(?<!\b[A-Z])\.\s+(?=[A-Z][a-z]+ [a-z]|[^.]*\b(?:attended|were|was|had|has|is|are|sent)\b)|\.$"
            r"|\.?[ \t]*\|",  # "... N Gregory. |": a table's cell ends the list
            rest,
        )
        if cut:
            rest = rest[: cut.start()]
        end = _APOLOGIES_OF_END.search(rest) if m.group("of") else None
        rest = rest[: end.start()] if end else rest
        people = split_people(rest, m.start("rest"))
        cap = Capacity.PRESENT if m.group("late") else Capacity.APOLOGIES  # late, but there
        facts += _facts(seg, people, cap, "attendance.apologies-sentence")
        pos = (
            m.start("rest") + len(rest) + 1
        )  # "... and Dale. Apologies also from ...": the next sentence's own
    return facts


def _substitute(seg: Segmented) -> Listed:
    """ "Councillor A attended the meeting as a substitute for Councillor B": A was present."""
    facts: Listed = []
    for m in _SUBSTITUTE.finditer(seg.text):
        people = split_people(m.group("who"), m.start("who"))
        facts += _facts(seg, people, Capacity.PRESENT, "attendance.substitute")
    return facts


def _substitutes(seg: Segmented) -> Listed:
    """ "Councillors A and B attended as substitutes"."""
    facts: Listed = []
    for m in _SUBS_LIST.finditer(seg.text):
        people = split_people(m.group("list"), m.start("list"))
        facts += _facts(seg, people, Capacity.PRESENT, "attendance.substitutes")
    return facts


def _named_substitutes(seg: Segmented) -> Listed:
    """ "The following named substitutes were present: Cllr A for Cllr B; Cllr C for Cllr D"."""
    facts: Listed = []
    for m in _NAMED_SUBS.finditer(seg.text):
        for part_m in re.finditer(r"[^;]+", m.group("rest")):
            who = re.split(r",|\s+for\s+", part_m.group(0))[0]
            people = split_people(who, m.start("rest") + part_m.start())
            facts += _facts(seg, people, Capacity.PRESENT, "attendance.named-substitutes")
    return facts


def _spoke(seg: Segmented) -> Listed:
    """ "Councillor A proposed", "Cllr B seconded", "Councillor C declared ...", "moved by Councillor D", "Councillors E
    and F each declared": a councillor who spoke was there."""
    facts: Listed = []
    for rx in (_PROPOSED, _MOVED_BY, _ELECTED):
        for m in rx.finditer(seg.text):
            story = _is_story(seg, m.start()) or seg.document.kind == "news"
            if story and (_SAID_TO_PRESS.search(m.group(0)) or _ELECTED_IN_STORY.search(m.group(0))):
                continue  # "Cllr W confirmed that ..." to a reporter, "was elected" in a story
            people = split_people(m.group("who"), m.start("who"))[-1:]
            chaired = m.group(0).endswith("presided")  # "Provost L Cameron, Convener, presided": in the chair
            people = [replace(p, note="in the chair") for p in people] if chaired else people
            facts += _facts(seg, people, Capacity.PRESENT, "attendance.spoke", chair_notes=chaired)
    for people in _named_in(seg, _PLURAL_SPOKE):
        facts += _facts(seg, people, Capacity.PRESENT, "attendance.spoke")
    return facts


def _named_in(seg: Segmented, rx: re.Pattern[str]) -> Iterator[list[ListedPerson]]:
    """The people of each "list" group `rx` finds, a name starting with a capital only."""
    for m in rx.finditer(seg.text):
        yield [p for p in split_people(m.group("list"), m.start("list")) if seg.text[p.start].isupper()]


def _apologised(seg: Segmented) -> Listed:
    """ "Councillors A and B apologised for their inability to attend the meeting", "Cllr C sent apologies"; "Cllr D
    gave an apology as she would be arriving late" was there, late."""
    facts: Listed = []
    for m in _APOLOGISED.finditer(seg.text):
        people = [p for p in split_people(m.group("list"), m.start("list")) if seg.text[p.start].isupper()]
        late = _LATE.search(re.split(r"[.\n]", seg.text[m.end() : m.end() + 80], maxsplit=1)[0])
        facts += _facts(
            seg, people, Capacity.PRESENT if late else Capacity.APOLOGIES, "attendance.apologised"
        )
    return facts


def _recorded_vote(seg: Segmented) -> Listed:
    """The names of a recorded vote, for, against or abstaining: each was there."""
    return [
        f
        for people in _named_in(seg, _VOTE_LIST)
        for f in _facts(seg, people, Capacity.PRESENT, "attendance.recorded-vote")
    ]


def _presented(seg: Segmented) -> Listed:
    """Who presented or introduced an item, or was invited to speak: a councillor present, anyone else in
    attendance ("Dr Y (Director of Public Health) introduced the report", "presented by Ms Z", "an overview
    from Sue Harris, Director of Strategy, and David Thomas, Associate Director")."""
    facts: Listed = []
    for rx in (_NAME_NOTE_PRESENTED, _INVITED, _TITLE_NAME_ACTED):
        for m in rx.finditer(seg.text):
            councillor = re.match(r"(?:Councillor|Cllr)\b", m.group("who"))
            cap = Capacity.PRESENT if councillor else Capacity.IN_ATTENDANCE
            facts += _facts(seg, split_people(m.group("who"), m.start("who")), cap, "attendance.presented")
    for m in _WELCOMED.finditer(seg.text):
        for p in split_people(m.group("list"), m.start("list")):
            words = seg.text[p.start : p.end].split()
            if all(w[0].isupper() for w in words):  # "welcomed Members' views": no one
                cap = Capacity.PRESENT if p.honorific == "councillor" else Capacity.IN_ATTENDANCE
                facts += _facts(seg, [p], cap, "attendance.presented")
    for m in _FROM_NAMES.finditer(seg.text):
        rest = m.group("rest")
        end = re.search(r"\.(?:\s|$)", rest)
        rest = rest[: end.start()] if end else rest
        for nm in re.finditer(
            r"(?:^|,? and )(?P<who>(?:(?:Dr|Mr|Mrs|Ms) )?[A-Z][a-z]+(?: [A-Z][\w'\u2019-]+){1,2}),", rest
        ):
            people = split_people(nm.group("who"), m.start("rest") + nm.start("who"))
            facts += _facts(seg, people, Capacity.IN_ATTENDANCE, "attendance.presented")
    for rx in (_PRESENTED_BY, _INTRODUCED):
        for m in rx.finditer(seg.text):
            g = "list" if "list" in m.groupdict() else "who"
            people = split_people(m.group(g), m.start(g))
            facts += _facts(seg, people, Capacity.IN_ATTENDANCE, "attendance.presented")
    return facts


# a story's words for the meeting it reports: "at the meeting", "during the annual meeting", "at a meeting of the
# full council on Tuesday night", "At Tuesday's council AGM"
_AT_THE_MEETING = re.compile(
    r"\b(?:[Aa]t|[Dd]uring) (?:the|a|its|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['\u2019]?s) (?:(?:annual|general|full|council|special|hybrid|remote|virtual|budget)"
    r"['\u2019]?s? ){0,3}(?:meeting|AGM)\b"
)
_HON_IN_SENTENCE = re.compile(rf"\b{_HON_NAME}")
_NOT_THERE = re.compile(r"\b(?:not|unable|absent|apolog\w*|ahead of|before|after)\b", re.I)
# "Cllr A was re-elected deputy leader": a story reports who was elected, not always who was there
# what a councillor says to a reporter as much as at a meeting: in a story, no sign they were there
_SAID_TO_PRESS = re.compile(r"\b(?:reported|explained|stated|confirmed)$")
_ELECTED_IN_STORY = re.compile(r"\bwas (?:duly )?(?:declared )?(?:re-?)?elected\b")


def _is_story(seg: Segmented, offset: int) -> bool:
    meeting = seg.meeting_at(offset)
    return bool(meeting and meeting.evidence.rule == "meeting.news-report")


def _news_at_meeting(seg: Segmented) -> Listed:
    """A story that reports a meeting (a span of rule "meeting.news-report"): the councillor a sentence about "the
    meeting" is first about was there ("At the meeting, Cllr Morgan said", "Cllr Selby announced his decision at the
    annual meeting"); a sentence that says someone was absent, or is about before or after the meeting, gives
    no one."""
    facts: Listed = []
    seen: set[int] = set()
    for m in _AT_THE_MEETING.finditer(seg.text):
        if not _is_story(seg, m.start()):
            continue
        sentence = seg.sentence_evidence(m.start(), m.end(), "attendance.news-at-meeting")
        if sentence.start in seen or _NOT_THERE.search(sentence.text):
            continue
        seen.add(sentence.start)
        who = _HON_IN_SENTENCE.search(seg.text, sentence.start, sentence.end)
        if who:
            people = split_people(who.group(0), who.start())
            facts += _facts(seg, people[:1], Capacity.PRESENT, "attendance.news-at-meeting")
    if not facts:
        return facts
    # "Cllr Luxton" of the sentence is the "Councillor Sayonara Luxton" the story opens with
    named = {p.name for m in _HON_IN_SENTENCE.finditer(seg.text) for p in split_people(m.group(0), m.start())}
    fold = fold_surnames(named)
    return [(replace(f, person=fold.get(f.person, f.person)), p) for f, p in facts]


Read = Callable[[Segmented], Listed]


# read after the labelled blocks (LINE_RULES), in this order: the first mention of a person is the evidence
RULES: tuple[Rule[Read], ...] = (
    Rule("attendance.table-row", _table_attendance),
    Rule("attendance.apologies-sentence", _apologies_sentence),
    Rule("attendance.apologised", _apologised),
    Rule("attendance.substitute", _substitute),
    Rule("attendance.substitutes", _substitutes),
    Rule("attendance.named-substitutes", _named_substitutes),
    Rule("attendance.spoke", _spoke),
    Rule("attendance.recorded-vote", _recorded_vote),
    Rule("attendance.presented", _presented),
    Rule("attendance.news-at-meeting", _news_at_meeting),
)


def attendance_listed(seg: Segmented) -> Listed:
    """Each attendance fact with the list item it was read from (its honorific and note), one per person,
    meeting and capacity (apologies or there)."""
    facts = _labelled_blocks(seg)
    for rule in RULES:
        facts += rule.read(seg)
    # "Councillor Delaney declared ..." after "Councillors ... R Delaney" in the Present block: one person
    fold = fold_surnames({f.person for f, _p in facts})
    facts = [(replace(f, person=fold.get(f.person, f.person)), p) for f, p in facts]
    # one fact per person, meeting and capacity: the first mention is the evidence
    seen: set[tuple] = set()
    out = []
    for f, p in facts:
        key = (f.person, f.body, f.meeting_date, f.capacity == Capacity.APOLOGIES)
        if key not in seen:
            seen.add(key)
            out.append((f, p))
    return out
