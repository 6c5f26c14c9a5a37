"""Posts: a person holds a job title or office ("Tina Russell (Corporate Director Children
and Young People)", "Hayley Crane, Head of Service for Housing", "RB = Richard Ball,
Assistant Director Place Based Commissioning").

The post is kept as worded; the organization is the one the text attaches to it ("with
the South West Audit Partnership", "(NHS England)"), else the document's council.

The rules are `RULES`, read in order (the first reading of a person's post wins); each has an
example and the fact expected from it in `patterns/posts_examples.jsonl`, and a test runs every
example (tests/test_rule_examples.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract.mentions import (
    BodyMention,
    classify_body,
    find_bodies,
    find_member_listing,
    find_portfolio_rows,
    split_people,
)
from extract.names import clean_name
from extract.records import OrgKind, PostFact
from extract.segment import Segmented, line_matches
from extract.vocab.posts import abbreviation_rx, head_rx, is_post, role_of, trim_title

_INTERIM = re.compile(r"\b(?:interim|acting|temporary)\b", re.I)

# a post of another body, named by the kind of body it is: an NHS body, a trust, a board, the police
_OF_OTHER_BODY = re.compile(
    r"\A(?P<post>.*?\S)\s+of\s+(?:the\s+)?(?P<org>(?:NHS|[A-Z][\w&'\u2019-]*)(?:\s+(?:and|of|for|&|[A-Z][\w&'\u2019-]*)){0,8}?"
    r"\s+(?:ICB|CCG|Integrated Care Board|NHS Trust|NHS Foundation Trust|Foundation Trust|Trust|Police|Constabulary|"
    r"Fire and Rescue Service|Fire Authority|Combined Authority|Clinical Commissioning Group))$"
)


# "Auditor with the South West Audit Partnership"; the post ends on a non-space, so it and the spaces after it
# never share a run of spaces (linear, bench/regex_audit.py)
_WITH_AT_FROM = re.compile(r"\A(?P<post>.*?\S),?\s+(?:with|at|from) (?:the )?(?P<org>[A-Z].+)$")


# "Church of Scotland Representative on the Community Services Committee": a seat kept for an outside body's
# nominee on a committee, a post of that committee
_ON_BODY = re.compile(
    r"\A(?P<post>[A-Z][\w'\u2019 -]{0,60}?\b(?:Representative|Rep|Member))\s+on\s+the\s+"
    r"(?P<org>[A-Z][\w'\u2019&, -]{0,80}?\b(?:Committee|Board|Panel|Forum|Partnership|Sub-Committee))$"
)


def _split_post_org(seg: Segmented, post: str) -> tuple[str, str | None]:
    """("Auditor", "South West Audit Partnership") from "Auditor with the South West Audit Partnership"."""
    m = _WITH_AT_FROM.match(post) or _ON_BODY.match(post)
    if m:
        return m.group("post").strip(), m.group("org").strip()
    m = _OF_OTHER_BODY.match(post)
    if m and head_rx().search(
        m.group("post")
    ):  # "Chief Executive of NHS Herefordshire and Worcestershire ICB"
        return m.group("post").strip(), m.group("org").strip()
    bodies = [b for b in find_bodies(post) if b.kind == OrgKind.EXTERNAL and b.end == len(post)]
    if bodies and bodies[0].start > 0:
        rest = post[: bodies[0].start].rstrip(" ,-")
        if rest and head_rx().search(rest):
            return rest, bodies[0].name
    return post, None


def _clean_post(post: str) -> str:
    post = re.split(r":\s|;", post)[
        0
    ]  # "Leader of the Council: Thirty-two homes ...": a colon (or a semicolon) ends it
    post = " ".join(post.split()).strip(" ,.;:")
    post = re.sub(r"^(?:the|our|its|their)\s+", "", post, flags=re.I)
    post = trim_title(post)
    if post.count("(") == 1 and post.endswith(")") and not _REMIT.search(post):
        post = re.sub(r"\s*\((?:[^()]*)\)$", "", post)
    return post


# a bracket after a title that names its remit is part of the title, as the papers and the gold write it
# ("Director (Families and Communities)", "Service Manager (Democratic Services)"); a party, a council, an
# abbreviation or "(Interim)" is not
_REMIT = re.compile(
    r"\s\((?!(?:Interim|Acting|Temporary|Chair|Vice|Labour|Conservative|Liberal|Green|Independent|Plaid|Reform)\b)"
    r"(?![^()]*\b(?:Council|Borough|County|District|City|Authority|Party|Group|Trust|Ltd)\b)[A-Z][a-z'\u2019]+(?:(?:,\s*|\s+)(?:and|&|of|for|the|[A-Z][a-z'\u2019]+))*\)$"
)


# a name of two or three parts. The hyphen is both a part of a part ("Smith-Jones") and a separator of parts, so
# `(?:[ -]X+){1,2}` tried every way of cutting a long hyphenated word; the longest name a rule accepts is the same
# when the second part is read whole before a third, and a part of 60 characters without a space is no name's
_PART = r"(?![A-Za-z'\u2019-]{60})(?!(?:Mr|Mrs|Ms|Miss|Dr)\.?\s)[A-Z][A-Za-z'\u2019-]"
_NAME = (
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Councillor|Cllr)\.?\s+)?[A-Z][a-z'\u2019]+"
    rf"(?:[ -]{_PART}++ {_PART}+|[ -]{_PART}+)"
)
_NAME_COMMA_TITLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<title>(?:the\s+)?(?:[Ii]nterim\s+|[Aa]cting\s+)?"
    rf"[A-Z][^,.;\n()]{{2,90}}?(?:,\s+[A-Z][^,.;\n()]{{2,60}}?)?)(?=[,.;\n(]|\s+(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]|\s+(?:introduced|presented|said|explained|confirmed|reported|gave|outlined|advised|noted|attended|"
    r"seconded|moved|proposed|welcomed|thanked|opened|asked|responded|replied|added|stated|commented|declared|"
    r"informed|updated|highlighted|referred|suggested|spoke|left|joined|made|took|summarised|reminded|answered|"
    r"submitted|circulated|tabled|delivered|led|"
    rf"and\s+{_NAME}(?:,|\s+(?:introduced|presented|said|explained|gave|outlined))))"
)
_KEY_LINE = re.compile(
    r"^[ \t]*(?P<acr>[A-Z]{2,4})[ \t]*[=:\u2013-][ \t]*(?P<name>[A-Z][^,\n]+?),[ \t]*(?P<title>[^\n]*?\S)[ \t]*$",
    re.M,
)
_TITLE_COMMA_NAME = re.compile(
    rf"\b(?:the\s+)?(?P<title>(?:[Ii]nterim\s+|[Aa]cting\s+)?(?:Corporate |Service |Assistant |Deputy |Executive |Strategic )?"
    rf"(?:Director|Chief Executive|Head of [A-Z][\w ]+?|Commissioner)(?:,?[^,.;\n()]{{0,60}}?)),\s+(?P<name>{_NAME})(?=[,.;\n)]|\s+(?:said|has|had|was|is|and)\b)"
)


# what a contact line gives after the job: a telephone number, an email address ("..., 0191 433 4635, Email: ...")
_CONTACT_TAIL = r"(?:,?[ \t]*(?:(?:Tel|Telephone)\.?:?[ \t]*)?\+?[\d(][\d ()]{5,}[^\n]*|,?[ \t]*(?:Email|E-mail|Tel|Telephone)\b[^\n]*)?"
# the title first ("Contact: Democratic Services Officer - Ann Lee") or the name first ("Contact: Ann Lee, ...")
_CONTACTS = (
    re.compile(
        rf"^[ \t]*Contact(?: officer)?\s*:\s*(?P<title>[A-Z][A-Za-z ,&']{{2,70}}?)\s+[\u2013-]\s+(?P<name>{_NAME})"
        rf"[ \t]*{_CONTACT_TAIL}$",
        re.M,
    ),
    re.compile(
        rf"^[ \t]*Contact(?: officer)?\s*:\s*(?P<name>{_NAME})\s*[,:\u2013-]\s*(?P<title>[A-Za-z][A-Za-z ,&']{{2,70}}?)"
        rf"[ \t]*{_CONTACT_TAIL}$",
        re.M,
    ),
)
_APPOINTED = re.compile(
    rf"(?P<name>{_NAME})\s+(?:had been|has been|was|is|will be|would be)\s+(?:formally\s+)?appointed\s+(?:as\s+)?"
    rf"(?:the\s+)?(?:(?:new|permanent)\s+)?(?P<title>(?:[Ii]nterim\s+|[Aa]cting\s+)?[A-Z][^,.;\n()]{{2,80}}?)"
    rf"(?=\s+(?:of|at|for|with)\s+[A-Z][a-z]+ (?:City |County |Borough )?Council|[,.;\n(]|\s+(?:with effect|from|on|and)\b)"
)
_OFFERED = re.compile(
    rf"\b(?:the\s+)?(?:role|post|position)\s+of\s+(?:(?:new|permanent)\s+)?(?P<title>[A-Z][^,.;\n()]{{2,80}}?)\s+"
    rf"(?:was|has been|had been)\s+offered\s+to\s+(?P<name>{_NAME})"
)


# the last word of a body's name (where the body grammar does not know the body)
_BODY_TAILS = {
    "Council",
    "Trust",
    "Board",
    "Authority",
    "Partnership",
    "Service",
    "Agency",
    "Club",
    "Group",
    "Association",
    "Foundation",
    "Company",
    "Ltd",
    "Limited",
    "LLP",
    "plc",
    "University",
    "College",
    "School",
    "Constabulary",
    "Police",
    "Commission",
    "Department",
    "Office",
    "England",
}
_DASH = r"\s*[\u2013\u2014-]\s*"
# "Paul Walker - Herefordshire Council Chief Executive", "Rachel Jones – Assistant Chief Constable – West Mercia
# Constabulary": a signature or contact cell, the name, a dash, the title (and the body)
_NAME_DASH_TITLE = re.compile(
    rf"^[ \t]*(?P<name>{_NAME}){_DASH}(?P<title>(?:(?!\s[\u2013\u2014-]\s)[^\t\n])+?)"
    rf"(?:\s+[\u2013\u2014-]\s+(?P<org>[A-Z][^\t\n\u2013\u2014]+?))?[ \t]*$"
)
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s")
_PERSON2 = (
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z'\u2019]+\s+[A-Za-z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?"
)


def _known_abbreviation_rules() -> list[tuple[re.Pattern[str], str]]:
    """ "PSW - Dylan Harrison" (owner cells), "Tina Russell - DCS", "Mr Paul Walker CEO Herefordshire Council":
    a known abbreviation of a post (`patterns/roles.jsonl`) next to a name."""
    abbr = abbreviation_rx()
    return [
        (
            re.compile(rf"^[ \t]*(?P<abbr>{abbr}){_DASH}(?P<name>{_NAME})[ \t]*$"),
            "post.abbreviation-dash-name",
        ),
        (
            re.compile(rf"(?<![\w-])(?P<name>{_PERSON2})(?:{_DASH}|,\s*|\s+)(?P<abbr>{abbr})(?![\w-])"),
            "post.name-abbreviation",
        ),
    ]


def _initials(name: str) -> str:
    return "".join(
        w[0]
        for w in re.findall(r"[A-Za-z][\w'\u2019-]*", name)
        if w.lower() not in ("and", "of", "for", "the")
    )


def _title_and_body(title: str, document_bodies: Callable[[], list[BodyMention]]) -> tuple[str, str | None]:
    """("Chief Executive", "Herefordshire Council") from "Herefordshire Council Chief Executive"; ("Chief
    Executive", "Integrated Care Board") from "Chief Executive ICB" where the document names a body with
    those initials (else the acronym stays part of the title: "Service Manager SEND")."""
    bodies = [b for b in find_bodies(title) if b.start == 0 and b.kind != OrgKind.COMMITTEE]
    if bodies:
        rest = title[bodies[0].end :].strip(" ,")
        if rest and (is_post(rest) or role_of(rest)):
            return rest, bodies[0].name
    m = re.fullmatch(r"(?P<rest>.+?)\s+(?P<acr>[A-Z]{2,5})", title)
    if (
        m
        and is_post(m.group("rest"))
        and any(h.end() == len(m.group("rest")) for h in head_rx().finditer(m.group("rest")))
    ):
        named = {
            b.name
            for b in document_bodies()
            if b.kind == OrgKind.EXTERNAL and _initials(b.name).upper() == m.group("acr")
        }
        if len(named) == 1:
            return m.group("rest"), named.pop()
    return title, None


# press releases on appointments: "confirmed the appointment of Catherine Ellwood as its new Chief Executive",
# "Oakhurst City Council has appointed Rebecca Lyle as interim Director of Children's Services"
_APPOINTMENT_OF = re.compile(
    rf"\b(?:appointment\s+of|(?:has|have|had)\s+(?:now\s+)?appointed)\s+(?P<name>{_NAME})\s+as\s+(?:its\s+|the\s+|their\s+|our\s+)?(?:new\s+|permanent\s+)?"
    rf"(?P<title>(?:[Ii]nterim\s+|[Aa]cting\s+)?[A-Z][^,.;\n()]{{2,80}}?)(?=[,.;\n(]|\s+(?:with effect|from|on|and|at|while|until|to|who|after)\b)"
)
# "Ms Ellwood, currently Deputy Chief Executive at Rivermead Borough Council": a post held elsewhere
_CURRENTLY = re.compile(
    rf"(?P<name>{_NAME})(?:,\s+|\s+(?:is|was|had been|has been)\s+)(?:currently|presently|formerly|previously)\s+(?:the\s+)?"
    rf"(?P<title>[A-Z][^,.;\n()]{{2,80}}?)\s+(?:at|with|of)\s+(?:the\s+)?(?P<org>[A-Z][\w'\u2019&-]*"
    rf"(?:\s+(?:of|and|for|the|&|[A-Z][\w'\u2019&-]*)){{0,8}}?)(?=\s*[,.;\n()]|\s+(?:will|is|was|has|had)\b)"
)
# "Nadine Fraser, Director of Corporate Services, will act as interim Head of Paid Service": acting in a post
_ACT_AS = re.compile(
    rf"(?P<name>{_NAME})(?:,\s+[^,.;\n]{{2,80}},)?\s+(?:will act|is acting|acts|has acted|will be acting)\s+as\s+"
    rf"(?:the\s+)?(?P<title>(?:[Ii]nterim\s+|[Aa]cting\s+)?[A-Z][^,.;\n()]{{2,80}}?)(?=[,.;\n(]|\s+(?:until|from|on|and|while|during)\b)"
)
# a declaration of interest: "Councillor Powell declared an interest ... in his capacity as chairman of Hereford
# Rugby Club": an office held in another body
_CAPACITY = re.compile(
    rf"(?P<name>{_NAME})\s+declared\s+(?:an?\s+)?(?:\w+\s+)?interest\b[^.\n]{{0,160}}?\bin\s+(?:his|her|their)\s+"
    rf"capacity\s+as\s+(?:a\s+|an\s+|the\s+)?(?P<title>[A-Za-z][\w -]{{2,60}}?)\s+of\s+(?:the\s+)?"
    rf"(?P<org>[A-Z][\w'\u2019&-]*(?:\s+(?:of|and|for|the|&|[A-Z][\w'\u2019&-]*)){{0,8}}?)(?=\s*[,.;\n()]|\s+(?:and|who|which)\b)"
)


_CELL_END = re.compile(r"<|(?<!\S)\S+@\S+|\b(?:Tel|Telephone|email|e-mail)\b|(?<!\s)\s+on\s+\d")


def _chain_name(part: str) -> tuple[str, int] | None:
    """The person's name a comma-separated part is, or ends with ("Cabinet member children Victoria Gibbs");
    after an honorific a surname alone is a name ("Ms Canavan")."""
    name = None if is_post(part) else clean_name(part)
    if name and (len(name.split()) >= 2 or _HONORIFIC.match(part)):
        return name, 0
    tail = re.search(r"(?<=\s)((?:[A-Z][a-z'\u2019-]+\s+){1,2}[A-Z][\w'\u2019-]+)$", part)
    if tail and re.search(r"\b(?:of|and|for|in|at)\s+$", part[: tail.start(1)]):
        return None  # "Mayor of Ards and North Down": the words after "of" or "and" are a place
    if tail and not is_post(tail.group(1)):
        name = clean_name(tail.group(1))
        if name:
            return name, tail.start(1)
    return None


# a part of a chain runs to a comma, or to an honorific that starts the next name: a PDF flattens "Dr Boomer,
# Planning Manager" / "Ms Canavan, Director of ..." into one line with no comma between a title and the next name
_CHAIN_PART = re.compile(r"(?:[^,\s]|\s(?!(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]))+")


# "Member Support Officer The meeting commenced", "Representative on the Audit Committee had recently retired": the
# title ends where a sentence or its verb begins
_NEXT_SENTENCE = re.compile(
    r"(?<!\s)\s+(?:(?:The|A|An|This)\s+[a-z]|(?:had|has|have|was|were|is|will|would)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b)"
)
_HONORIFIC_NAME_TITLE = re.compile(
    r"(?P<name>(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z]\.?\s+){0,2}[A-Z][\w'\u2019-]+)\s+(?P<title>[A-Z].*)"
)


def _name_title_chain(cell: str) -> list[tuple[str, str, int, int]]:
    end = _CELL_END.search(cell)
    cell = cell[: end.start()] if end else cell
    parts = [(m.start(), m.group(0)) for m in _CHAIN_PART.finditer(cell)]
    out: list[tuple[str, str, int, int]] = []
    current: tuple[str, int] | None = None
    title: list[str] = []
    stop = 0

    def flush() -> None:
        if current and title:
            out.append((current[0], ", ".join(title), current[1], stop))

    for start, raw in parts:
        part = raw.strip()
        if not part:
            continue
        hit = _chain_name(part) if (current is None or title) else None
        joined = _HONORIFIC_NAME_TITLE.match(part) if hit is None and (current is None or title) else None
        if hit:
            flush()
            current = (hit[0], start + (len(raw) - len(raw.lstrip())) + hit[1])
            title = []
        elif joined and clean_name(joined.group("name")) and is_post(joined.group("title")):
            flush()  # "Mr Moffett Head of Democratic Services": the name and its title with no comma between
            current = (clean_name(joined.group("name")) or "", start + (len(raw) - len(raw.lstrip())))
            title = [joined.group("title")]
            stop = start + len(raw.rstrip())
        elif current and (part[0].isupper() or re.match(r"(?:interim|acting)\s", part, re.I)):
            cut = _NEXT_SENTENCE.search(
                part
            )  # "Member Support Officer The meeting commenced at 7pm": a PDF's run-on
            title.append(part[: cut.start()] if cut else part)
            stop = (
                start + (len(raw) - len(raw.lstrip())) + len(title[-1]) if cut else start + len(raw.rstrip())
            )
            if cut:
                flush()
                current, title = None, []
        else:  # a sentence goes on ("..., said"): the chain ends
            flush()
            current, title = None, []
    flush()
    return [(n, t, s, e) for n, t, s, e in out if is_post(t)]


# "and" joins two offices only before a statutory or chief officer's title; "/" joins any two posts
_AND_OFFICE = re.compile(
    r"(?<!\s)\s+and\s+(?=(?:Deputy\s+|Depute\s+|Interim\s+|Acting\s+)?(?:Chief\s+Executive|Head\s+of\s+Paid\s+Service|"
    r"Monitoring\s+Officer|Section\s+151\s+Officer|S151\s+Officer|Returning\s+Officer|Chief\s+Finance\s+Officer)\b)"
)


def _offices(title: str) -> list[str]:
    """The offices a title names: itself, or each part where every part reads as a post."""
    parts = [p.strip() for part in re.split(r"\s*/\s*", title) for p in _AND_OFFICE.split(part)]
    return parts if len(parts) > 1 and all(is_post(p) for p in parts) else [title]


@dataclass(frozen=True, slots=True)
class Found:
    """One reading of a post: who (None when the words are no name), the title as written, where, the body the
    words name (None: the title or the council says), and the rule when a reading gives several rules'."""

    name: str | None
    title: str
    start: int
    end: int
    org: str | None = None
    rule: str = ""
    unnamed_only: bool = False  # kept only for a person no earlier rule gave a post


# the chair of a committee is a seat, which memberships.py reads from the same words ("John Chatt, Chair of the
# Overview and Scrutiny Committee"); the chair of the council (a post in some golds, a seat in others) and of an
# outside body (a club) are left as written, and so is the council's leader: a seat, and also the post whose
# turnover a researcher follows (`turnover-by-post`, `who Leader`)
_SEAT_TITLE = re.compile(
    r"(?i:(?:vice[- ]|deputy\s+)?chair(?:man|person|woman)?\s+of\s+.{1,90}?(?:Committee|Board|Panel|Commission|Forum))$"
)


class _Posts:
    """The posts of one document as the rules give them: the first reading of a (person, post) wins."""

    def __init__(self, seg: Segmented) -> None:
        self.seg = seg
        self.out: list[PostFact] = []
        self.seen: set[tuple[str, str]] = set()

    def post(self, f: Found, rule: str) -> None:
        """A post the vocabulary knows (a head word, or a role with a named body), its body split off; a title that
        joins two offices ("Depute Chief Executive/Executive Director of Corporate Support", "Director of Central
        Services and Deputy Chief Executive") is each of them."""
        if not f.name:
            return
        title = _clean_post(f.title)
        for part in _offices(title):
            self._post(f, part, rule)

    def _post(self, f: Found, title: str, rule: str) -> None:
        seg, name = self.seg, f.name
        if not name or not is_post(title) and not (f.org and role_of(title)) or _SEAT_TITLE.match(title):
            return
        post, org = (title, f.org) if f.org else _split_post_org(seg, title)
        interim = bool(_INTERIM.search(post))
        post = _INTERIM.sub("", post).strip(" ,") if interim else post
        post = post[:1].upper() + post[1:]
        if org and classify_body(org) == OrgKind.COMMITTEE:
            org = None
        key = (name, post.lower())
        if key in self.seen or any(
            n == name and (p.startswith(post.lower()) or post.lower().startswith(p)) for n, p in self.seen
        ):
            return
        self.seen.add(key)
        self.out.append(
            PostFact(
                person=name,
                post=post,
                org=org or seg.council or "",
                date=seg.stated_date_at(f.start),
                interim=interim,
                evidence=seg.sentence_evidence(f.start, f.end, rule),
            )
        )

    def listed(self, f: Found, rule: str) -> None:
        """A job as a listing or a contact line gives it, head word or not."""
        title = _clean_post(f.title)
        if (
            not f.name
            or not title
            or len(title.split()) > 12
            or not title[0].isupper()
            and not title[0].islower()
        ):
            return
        self._add(f, title[:1].upper() + title[1:], self.seg.council or "", rule)

    def _add(self, f: Found, post: str, org: str, rule: str) -> None:
        """Keep one post of a person as read by `rule`, once per person and wording (any case)."""
        if not f.name:
            return
        key = (f.name, post.lower())
        if key in self.seen:
            return
        self.seen.add(key)
        self.out.append(
            PostFact(
                person=f.name,
                post=post,
                org=org,
                date=self.seg.date_at(f.start),
                evidence=self.seg.sentence_evidence(f.start, f.end, rule),
            )
        )

    def declared(self, f: Found, rule: str) -> None:
        """An office in another body as a declaration words it ("chairman", "trustee"), in that body."""
        if not f.name:
            return
        self._add(f, f.title, f.org or "", rule)


def _name_paren(seg: Segmented) -> Iterator[Found]:
    """ "Tina Russell (Corporate Director Children and Young People)": "Name (Title)" in lists."""
    for line in seg.lines:
        if "(" not in line.text:
            continue
        for p in split_people(line.text, line.start):
            if p.note:
                yield Found(p.name, p.note, p.start, max(p.end, p.note_start + len(p.note)))


def _cabinet_portfolio(seg: Segmented) -> Iterator[Found]:
    """A members listing on a Cabinet page ("Cllr Ange Tyler" / "(party)" / "Housing and community safety"),
    and a table of portfolio holders: each member holds "Cabinet member <portfolio>"."""
    for entry in find_member_listing(seg.lines):
        meeting = seg.meeting_at(entry.person.start)
        body = meeting.body if meeting else ""
        if (
            entry.portfolio
            and (body in ("Cabinet", "Executive") or body.endswith((" Cabinet", " Executive")))
            and not find_bodies(entry.portfolio)
        ):
            yield Found(entry.person.name, f"Cabinet member {entry.portfolio}", entry.person.start, entry.end)
    for entry in find_portfolio_rows(seg.lines):
        yield Found(entry.person.name, f"Cabinet member {entry.portfolio}", entry.person.start, entry.end)


def _contact_line(seg: Segmented) -> Iterator[Found]:
    """ "Contact: Ben Baugh, Democratic Services": a contact line gives the person's job, head word or not."""
    for line in seg.lines:
        if "Contact" not in line.text:
            continue
        # the order is read from the words: "Ann Lee - Democratic Services" has its name first
        for rx in _CONTACTS:
            m = rx.match(line.text)
            name = clean_name(m.group("name")) if m else None
            if m and name:
                yield Found(name, m.group("title"), line.start + m.start(), line.start + m.end())
                break


_ASKED_BY = re.compile(
    r"\b(?:query|question|questions|comment|comments|point|points|request|concerns?)\s+(?:raised\s+)?(?:by|from)\s+$"
)


def _matches(rx: re.Pattern[str]) -> Callable[[Segmented], Iterator[Found]]:
    """A rule that is one pattern with a name and a title."""

    def read(seg: Segmented) -> Iterator[Found]:
        for m in rx.finditer(seg.text):
            if re.search(r"\b(?:Cllr|Councillor)\b", m.group("title")):
                continue  # the next person's title, not a post
            asked = _ASKED_BY.search(seg.text, max(0, m.start() - 40), m.start())
            if asked and m.group("title").startswith("the "):
                continue  # "to a query by Councillor X, the Lead Legal Officer advised": the officer answers X
            yield Found(clean_name(m.group("name")), m.group("title"), m.start(), m.end())

    return read


def _currently_at(seg: Segmented) -> Iterator[Found]:
    """ "Ms Ellwood, currently Deputy Chief Executive at Rivermead Borough Council": a post held elsewhere."""
    for m in _CURRENTLY.finditer(seg.text):
        org = m.group("org")
        if find_bodies(org) or classify_body(org) != OrgKind.COMMITTEE and org.split()[-1] in _BODY_TAILS:
            yield Found(clean_name(m.group("name")), m.group("title"), m.start(), m.end(), org)


def _act_as(seg: Segmented) -> Iterator[Found]:
    """ "Nadine Fraser, Director of Corporate Services, will act as interim Head of Paid Service"."""
    for m in _ACT_AS.finditer(seg.text):
        title = m.group("title")
        title = title if _INTERIM.match(title) else f"Acting {title}"
        yield Found(clean_name(m.group("name")), title, m.start(), m.end())


def _declared_capacity(seg: Segmented) -> Iterator[Found]:
    """ "Councillor Powell declared an interest ... in his capacity as chairman of Hereford Rugby Club": the
    office as worded, head word or not; a seat ("member of") is memberships.py's."""
    for m in _CAPACITY.finditer(seg.text):
        name, title = clean_name(m.group("name")), m.group("title").strip()
        if (
            name
            and len(title.split()) <= 5
            and not find_bodies(title)
            and not re.fullmatch(r"(?:\b\w+\s+)?(?:member|councillor)s?", title, re.I)
        ):
            yield Found(name, title, m.start(), m.end(), m.group("org"))


def _name_title_chains(seg: Segmented) -> Iterator[Found]:
    """ "Victoria Gibbs, Service Director Early Help, Rachel Gillott, Service Director, Safeguarding": a chain
    of names each followed by its title, read cell by cell."""
    for line in seg.lines:
        if ", " not in line.text:
            continue
        pos = 0
        for cell in line.text.split("\t"):
            for name, title, s0, e0 in _name_title_chain(cell):
                yield Found(name, title, line.start + pos + s0, line.start + pos + e0)
            pos += len(cell) + 1


def _key_line(seg: Segmented) -> Iterator[Found]:
    """ "RB = Richard Ball, Assistant Director Place Based Commissioning": a key to the initials of a table."""
    for m in line_matches(_KEY_LINE, seg.text):  # finditer, without re-reading runs of blank lines
        yield Found(clean_name(m.group("name")), m.group("title"), m.start(), m.end())


def _title_comma_name(seg: Segmented) -> Iterator[Found]:
    """ "the Corporate Director, Children and Young People, Darryl Freeman, said": a title before the name,
    for a person no other rule gave a post."""
    text = seg.text
    for m in _TITLE_COMMA_NAME.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]  # "Jennifer Orr, Regional " before "Director, X"
        if re.search(r"[A-Z][a-z]+ [A-Z][\w'-]+,\s*(?:the\s+)?(?:[A-Z][a-z]+\s)?(?:[A-Z][a-z]+\s)?$", before):
            continue  # the title belongs to the name before it, in a chain of names and titles
        yield Found(clean_name(m.group("name")), m.group("title"), m.start(), m.end(), unnamed_only=True)


def _name_dash_title(cell: str, at: int, document_bodies: Callable[[], list[BodyMention]]) -> Iterator[Found]:
    """ "Paul Walker - Herefordshire Council Chief Executive": a signature or contact cell."""
    dash = _NAME_DASH_TITLE.match(cell)
    if not dash or re.search(r"\((?:interim|acting)\)\s*$", dash.group("title"), re.I):
        return  # "... (Interim)": tenures.py's
    name = clean_name(dash.group("name"))
    if name and not is_post(dash.group("name")) and not find_bodies(dash.group("name")):
        title, org = _title_and_body(dash.group("title"), document_bodies)
        if is_post(title):
            org = org or (dash.group("org") or "").strip() or None
            yield Found(name, title, at + dash.start(), at + dash.end(), org, "post.name-dash-title")


def _abbreviations(seg: Segmented, cell: str, at: int) -> Iterator[Found]:
    """ "PSW - Dylan Harrison", "Mr Paul Walker CEO Herefordshire Council": a known abbreviation of a post
    next to a name, with the body written right after it."""
    for rx, rule in _known_abbreviation_rules():
        for m in rx.finditer(cell):
            name = clean_name(m.group("name"))
            if not name or len(name.split()) < 2 or find_bodies(m.group("name")) or is_post(m.group("name")):
                continue
            if (
                rule == "post.name-abbreviation"
                and not cell[m.end("name") : m.start("abbr")].strip()
                and not _HONORIFIC.match(m.group("name"))
            ):
                continue  # only a space between: a name needs its honorific ("Local Authority LADO")
            end = at + m.end()
            after = find_bodies(cell[m.end() : m.end() + 80])
            org = after[0].name if after and cell[m.end() : m.end() + after[0].start].strip() == "" else None
            if org:
                end = at + m.end() + after[0].end
            yield Found(name, m.group("abbr"), at + m.start(), end, org or seg.council or "", rule)


def _signature_cells(seg: Segmented) -> Iterator[Found]:
    """Each cell of a line with a dash or an abbreviation, read by the name-dash-title rule and then the two
    abbreviation rules: the three read the same cells, cell by cell, so the first reading of a post is the
    same whichever of them gives it."""
    bodies_of_document: list[list[BodyMention]] = []

    def document_bodies() -> list[BodyMention]:
        if not bodies_of_document:
            bodies_of_document.append(find_bodies(seg.text))
        return bodies_of_document[0]

    for line in seg.lines:
        if not re.search(r"[\u2013\u2014-]|[A-Z]{3}", line.text):
            continue
        pos = 0
        for cell in line.text.split("\t"):
            at = line.start + pos
            pos += len(cell) + 1
            yield from _name_dash_title(cell, at, document_bodies)
            yield from _abbreviations(seg, cell, at)


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: its id (the evidence's rule unless the reading names another, in `also`), how it reads a
    document, and how a reading is kept (`_Posts.post`, `.listed` or `.declared`)."""

    id: str
    read: Callable[[Segmented], Iterator[Found]]
    keep: Callable[[_Posts, Found, str], None] = _Posts.post
    also: tuple[str, ...] = ()


# in this order: the first reading of a person's post wins
RULES: tuple[Rule, ...] = (
    Rule("post.name-paren", _name_paren),
    Rule("post.cabinet-portfolio", _cabinet_portfolio, _Posts.listed),
    Rule("post.contact-line", _contact_line, _Posts.listed),
    Rule("post.appointed", _matches(_APPOINTED)),
    Rule("post.offered", _matches(_OFFERED)),
    Rule("post.appointment-of", _matches(_APPOINTMENT_OF)),
    Rule("post.currently-at", _currently_at),
    Rule("post.act-as", _act_as),
    Rule("post.declared-capacity", _declared_capacity, _Posts.declared),
    Rule("post.name-title-chain", _name_title_chains),
    Rule("post.key-line", _key_line),
    Rule("post.name-comma-title", _matches(_NAME_COMMA_TITLE)),
    Rule(
        "post.name-dash-title",
        _signature_cells,
        also=("post.abbreviation-dash-name", "post.name-abbreviation"),
    ),
    Rule("post.title-comma-name", _title_comma_name),
)


def posts(seg: Segmented) -> list[PostFact]:
    """Every post the rules read, once per person and post, the first rule's reading kept."""
    found = _Posts(seg)
    for rule in RULES:
        named = {n for n, _p in found.seen}
        for f in rule.read(seg):
            if f.unnamed_only and f.name in named:
                continue
            rule.keep(found, f, f.rule or rule.id)
    return found.out
