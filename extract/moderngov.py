"""ModernGov `GetCouncillorsByWard` feeds: XML -> a redacted text -> facts, with no NLP.

Most English councils run ModernGov, whose web service (`mgWebService.asmx`) lists every
councillor with ward, party and key posts, and also their home address, phones and
personal email. Two steps keep the private part out of every output by construction:

1. `feed_text` (called by `load.py`) reads the XML and writes only allow-listed fields
   (name, ward, party, group, key posts, photo links) as one tab-separated line per
   councillor. Addresses, postcodes, phones and emails are never copied, so they cannot
   reach a facts file, the graph, an export or a page, whatever a later stage does.
2. `feed_facts` (the feed reader's facts, `extract/readers/moderngov.py`, run by the pipeline instead of the NLP rules) reads those lines
   back into facts. Evidence is the councillor's line, so `text == document.text[start:end]`.

The XML is parsed with the standard library's `xml.etree` after refusing any document that
declares a DTD or entities (`<!DOCTYPE`, `<!ENTITY`): that is the attack surface of XML
(entity expansion, external entities), and a feed never needs it. This is what
`defusedxml` does by default, without adding a dependency.

Key posts ("Deputy Leader and Cabinet Member with Responsibility for Environment") are
split into single posts and read by the patterns in `patterns/moderngov_keyposts.jsonl`;
a post no pattern reads is kept, as written, as a post held in the council.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from extract import dates
from extract.mentions import classify_body
from extract.names import clean_name, strip_honorific
from extract.records import (
    Document,
    DocumentResult,
    Evidence,
    Fact,
    OrganizationFact,
    OrgKind,
    PartialDate,
    PersonFact,
    PostFact,
    Problem,
    SeatFact,
    SeatRole,
)

FEED_KIND = "moderngov-councillorsbyward"
FEED_ROOT = "councillorsbyward"
HEADING = "ModernGov councillors by ward (GetCouncillorsByWard)"
WARD_POST = "Councillor for {ward}"
GROUP_SUFFIX = " Group"

# the only fields copied out of a councillor element; everything else (workaddress,
# homeaddress, postcode, phone, mobile, email, fax, ...) is never read
_FIELDS = (
    ("Name", "fullusername"),
    ("Ward", None),
    ("Party", "politicalpartytitle"),
    ("Group", "politicalgrouptitle"),
    ("District", "districttitle"),
    ("Representing", "representing"),
    ("Key posts", "keyposts"),
    ("Photo", "photobigurl"),
    ("Photo", "photosmallurl"),
)
# the evidence rules of a feed's facts, one per field read (how a key post is read is in
# `patterns/moderngov_keyposts.jsonl`, with an example each); tests/test_moderngov.py checks a feed gives each
EVIDENCE_RULES = (
    "moderngov.councillor",
    "moderngov.ward",
    "moderngov.party",
    "moderngov.keypost.seat",
    "moderngov.keypost.post",
    "moderngov.council",
    "moderngov.body",
)
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)
# spaces in a tag are read one way (`\s*/?\s*` read a run of them in every split: quadratic in the run)
_BR = re.compile(r"<\s*+br\s*+(?:/\s*+)?>|<\s*+(?:/\s*+)?p\s*+(?:/\s*+)?>|\n", re.I)
_TAG = re.compile(r"<[^<>]{1,200}>")
_LETTERS = (
    "OBE",
    "MBE",
    "CBE",
    "KBE",
    "DBE",
    "BEM",
    "JP",
    "DL",
    "MP",
    "MEP",
    "QC",
    "KC",
    "PhD",
    "MA",
    "BA",
    "BSc",
    "MSc",
    "MBA",
    "FRICS",
)
# the letters after a name, to its end; a run of them is tried from its first only (the lookbehinds: tried from
# each of "OBE OBE OBE ...", the run was re-read to the end each time, quadratic in a hostile feed's name)
_POSTNOMINALS = re.compile(
    "".join(rf"(?<!\s{w})" for w in _LETTERS) + r"(?:,?\s+(?:" + "|".join(_LETTERS) + r"))+$"
)
_HOST = re.compile(r"https?://([^/\s]+)")


class FeedError(ValueError):
    """An XML file that is not a feed councilgraph can read: `code` for the Problem line."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# --- XML -> redacted text (load side) --------------------------------------------------


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child(el: ET.Element, name: str) -> str:
    for c in el:
        if _local(c.tag) == name:
            return " ".join("".join(c.itertext()).split())
    return ""


def _keyposts(el: ET.Element) -> str:
    """Key posts as "; "-separated posts: feeds separate them with line breaks or <br />."""
    for c in el:
        if _local(c.tag) == "keyposts":
            raw = "\n".join(c.itertext())
            parts = [" ".join(_TAG.sub(" ", p).split()) for p in _BR.split(raw)]
            return "; ".join(p for p in parts if p)
    return ""


def feed_text(raw: bytes) -> tuple[str, str | None]:
    """A feed's public fields as text (one line per councillor), and a note for the load report.

    Raises FeedError for XML that is unsafe, broken or not a GetCouncillorsByWard feed.
    """
    if _DTD.search(raw):
        raise FeedError(
            "E021",
            "XML declares a DTD or entities (<!DOCTYPE / <!ENTITY); refused, as entity "
            "expansion is how XML files attack readers and a ModernGov feed never needs one",
        )
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise FeedError(
            "E022", f"XML could not be parsed ({exc}); save the feed again from the browser as raw XML"
        ) from exc
    if _local(root.tag) != FEED_ROOT:
        raise FeedError(
            "E020",
            f"XML root is <{_local(root.tag)}>, not <{FEED_ROOT}>: councilgraph reads only "
            "ModernGov GetCouncillorsByWard feeds as XML",
        )
    lines: list[str] = []
    nameless = 0
    wards: list[tuple[str, ET.Element]] = []
    seen: set[int] = set()
    for ward in root.iter():
        if _local(ward.tag) == "ward":
            title = _child(ward, "wardtitle")
            for c in ward.iter():
                if _local(c.tag) == "councillor":
                    wards.append((title, c))
                    seen.add(id(c))
    wards += [("", c) for c in root.iter() if _local(c.tag) == "councillor" and id(c) not in seen]
    for ward_title, c in wards:
        values = {"Ward": ward_title}
        cells: list[str] = []
        for label, tag in _FIELDS:
            value = (
                values.get(label, "")
                if tag is None
                else _keyposts(c)
                if tag == "keyposts"
                else _child(c, tag)
            )
            if label == "Photo" and any(x.startswith("Photo: ") for x in cells):
                continue
            if value:
                cells.append(f"{label}: {value}")
        if not any(x.startswith("Name: ") for x in cells):
            nameless += 1
            continue
        lines.append("\t".join(cells))
    if not lines:
        raise FeedError(
            "E023", "the feed lists no councillors (is it the whole GetCouncillorsByWard response?)"
        )
    text = f"{HEADING}: {len(lines)} councillors\n" + "\n".join(lines) + "\n"
    note = f"{nameless} councillor entries without a name were skipped" if nameless else None
    return text, note


# --- snapshot date and council ----------------------------------------------------------


def is_feed(document: Document) -> bool:
    """Whether a document is a feed (`extract.readers.reader_of(document).facts` says the same)."""
    return document.kind == FEED_KIND


def as_of_date(text: str) -> PartialDate | None:
    """`--as-of` as given; kept here for callers from before it moved to `extract.dates`."""
    return dates.as_of_date(text)


def snapshot(
    document: Document, *, as_of: PartialDate | None = None, council: str | None = None
) -> tuple[Document, list[Problem]]:
    """The feed with its snapshot date and council: the manifest's row for the file wins
    (it is about this file); the build options fill what it leaves out."""
    problems: list[Problem] = []
    for what, have, given in (("date", document.date, as_of), ("council", document.council, council)):
        if have and given and str(have) != str(given):
            problems.append(
                Problem(
                    doc_id=document.doc_id,
                    stage="extract.moderngov",
                    code="W212",
                    message=f"manifest gives {what} {have}, the build option {given}; "
                    "the manifest row for this file is used",
                )
            )
    doc = replace(document, date=document.date or as_of, council=document.council or council)
    return doc, problems


# --- key posts --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyPostRule:
    id: str
    rx: re.Pattern[str]
    kind: str  # councillor | seat | cabinet
    role: SeatRole | None
    body: str | None
    own_group: bool
    council_only: bool
    example: str
    expect: tuple[tuple[str, str, str], ...]


@lru_cache(maxsize=1)
def keypost_rules() -> tuple[KeyPostRule, ...]:
    text = (
        resources.files("extract").joinpath("patterns/moderngov_keyposts.jsonl").read_text(encoding="utf-8")
    )
    rules = []
    for line in text.splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        rules.append(
            KeyPostRule(
                id=d["id"],
                rx=re.compile(d["pattern"], re.I),
                kind=d["kind"],
                role=SeatRole(d["role"]) if d.get("role") else None,
                body=d.get("body"),
                own_group=bool(d.get("own_group")),
                council_only=bool(d.get("council_only")),
                example=d["example"],
                expect=tuple(tuple(e) for e in d["expect"]),
            )
        )
    return tuple(rules)


_HEAD = (
    r"(?:vice[- ]?chair(?:man|woman|person)?|chair(?:man|woman|person)?|deputy\s+leader|"
    r"leader(?!['\u2019]s)|cabinet\s+member|portfolio\s+holder|executive\s+member|"
    r"(?:deputy\s+)?group\s+leader|member\s+of)\b"
)
_SPLIT = re.compile(r"\s*;\s*|\s+(?:and|&)\s+(?=" + _HEAD + r")|\s*,\s*(?=" + _HEAD + ")", re.I)
_COUNCIL_WORDS = {
    "council",
    "full council",
    "the council",
    "county council",
    "city council",
    "borough council",
    "district council",
}


def split_keyposts(text: str) -> list[str]:
    """ "Deputy Leader and Cabinet Member for X" -> two posts; "Chairman, X Panel" stays one."""
    return [p for p in (" ".join(s.split()).strip(" ,.;:") for s in _SPLIT.split(text)) if p]


def group_name(party: str) -> str:
    """The party group of a council: "Conservative" -> "Conservative Group"."""
    party = " ".join(party.split())
    return party if re.search(r"\bgroups?$", party, re.I) else party + GROUP_SUFFIX


def _body(text: str, council: str) -> str | None:
    name = " ".join(text.split()).strip(" ,.;:()")
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    if (
        bare.lower() in _COUNCIL_WORDS
        or bare.lower() == council.lower()
        or re.sub(r"^the\s+", "", council, flags=re.I).lower() == bare.lower()
    ):
        return council
    return bare or None


def read_keypost(post: str, *, council: str, group: str | None) -> list[tuple[str, str, str]]:
    """One key post -> [("seat", role, body) | ("post", label, org)]; [] for "Councillor".

    A post no rule reads comes back as ("post", post as written, council): kept, never dropped.
    """
    for rule in keypost_rules():
        m = rule.rx.match(post)
        if not m:
            continue
        g = m.groupdict()
        if rule.kind == "councillor":
            return []
        if rule.kind == "cabinet":
            out = [("seat", SeatRole.CABINET_MEMBER.value, rule.body or "Cabinet")]
            portfolio = " ".join((g.get("portfolio") or "").split()).strip(" ,.;:()")
            if portfolio:
                title = " ".join(g["title"].split()).capitalize()
                out.append(("post", f"{title} {portfolio}", council))
            return out
        assert rule.role is not None, rule.id
        if rule.own_group:
            body = group
        elif g.get("group"):
            body = _body(g["group"], council)
        elif g.get("party"):
            body = group_name(g["party"])
        elif rule.council_only:
            body = _body(g["body"], council) if g.get("body") else council
            if body != council:  # "Leader of the Opposition": an office, not a seat
                body = None
        else:
            body = _body(g.get("body") or "", council)
        if body:
            return [("seat", rule.role.value, body)]
        break
    return [("post", post, council)]


# --- redacted text -> facts (extract side) ---------------------------------------------


def _person(raw: str) -> str:
    """The councillor's name as a reader writes it; the feed's own form when rules cannot clean it."""
    stripped = _POSTNOMINALS.sub("", " ".join(raw.split()))
    name = clean_name(stripped)
    return name or strip_honorific(stripped)[1] or stripped


def _cells(line: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for cell in line.split("\t"):
        label, sep, value = cell.partition(": ")
        if sep:
            out.setdefault(label, value)
    return out


def _missing(document: Document, missing: list[str]) -> DocumentResult:
    """A feed with no snapshot date or council gives no facts: a Problem that says how to give them."""
    host = _HOST.search(document.text)
    hint = f" (its links point at {host.group(1)})" if host and not document.council else ""
    return DocumentResult(
        document=document,
        problems=(
            Problem(
                doc_id=document.doc_id,
                stage="extract.moderngov",
                code="E210",
                message=f"ModernGov feed without a {' or '.join(missing)}{hint}: give `--as-of DATE` and "
                "`--council NAME` to build, or a manifest.tsv row (file, council, date) beside it",
            ),
        ),
    )


def _keypost_facts(
    cells: dict[str, str],
    person: str,
    group: str | None,
    ev: Evidence,
    snap: tuple[str, PartialDate | None],
    bodies: dict[str, tuple[OrgKind, Evidence]],
) -> list[Fact]:
    """A councillor's key posts, each seat or post once; a body they name other than the council is noted."""
    council, date = snap
    facts: list[Fact] = []
    held: set[tuple[str, str, str]] = set()
    for post in split_keyposts(cells.get("Key posts", "")):
        for what in read_keypost(post, council=council, group=group):
            if what in held:
                continue
            held.add(what)
            kind, label, org = what
            rev = replace(ev, rule=f"moderngov.keypost.{kind}")
            if kind == "seat":
                facts.append(SeatFact(person=person, body=org, role=SeatRole(label), date=date, evidence=rev))
            else:
                facts.append(PostFact(person=person, post=label, org=org, date=date, evidence=rev))
            if org != council:
                bodies.setdefault(org, (_kind(org), ev))
    return facts


def _councillor_facts(
    cells: dict[str, str],
    ev: Evidence,
    snap: tuple[str, PartialDate | None],
    bodies: dict[str, tuple[OrgKind, Evidence]],
) -> list[Fact]:
    """One councillor's line: the person, the council seat, the ward, the party group and the key posts."""
    council, date = snap
    person = _person(cells["Name"])
    party = cells.get("Group") or cells.get("Party")
    group = group_name(party) if party else None
    facts: list[Fact] = [
        PersonFact(name=person, public=True, written=cells["Name"], evidence=ev),
        SeatFact(person=person, body=council, role=SeatRole.MEMBER, date=date, evidence=ev),
    ]
    if cells.get("Ward"):
        post = WARD_POST.format(ward=cells["Ward"])
        ward_ev = replace(ev, rule="moderngov.ward")
        facts.append(PostFact(person=person, post=post, org=council, date=date, evidence=ward_ev))
    if group:
        party_ev = replace(ev, rule="moderngov.party")
        facts.append(SeatFact(person=person, body=group, role=SeatRole.MEMBER, date=date, evidence=party_ev))
        bodies.setdefault(group, (OrgKind.COMMITTEE, ev))
    return facts + _keypost_facts(cells, person, group, ev, snap, bodies)


def feed_facts(document: Document) -> DocumentResult:
    """Facts of a feed read by `feed_text`: per councillor a person, a seat on the council,
    the ward (as the post "Councillor for <ward>" in the council), membership of the
    party group, and the key posts; all attested on the snapshot date."""
    doc_id = document.doc_id
    missing = [w for w, v in (("snapshot date", document.date), ("council", document.council)) if not v]
    if missing:
        return _missing(document, missing)
    council = document.council or ""
    facts: list[Fact] = []
    bodies: dict[str, tuple[OrgKind, Evidence]] = {}
    text = document.text
    pos = 0
    heading_ev: Evidence | None = None
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.startswith(HEADING):
            heading_ev = Evidence(doc_id=doc_id, start=start, end=end, text=line, rule="moderngov.heading")
            continue
        cells = _cells(line)
        if "Name" not in cells:
            continue
        cut = line.find("\tPhoto: ")
        e = end if cut < 0 else start + cut
        ev = Evidence(doc_id=doc_id, start=start, end=e, text=text[start:e], rule="moderngov.councillor")
        facts += _councillor_facts(cells, ev, (council, document.date), bodies)
    first = heading_ev or (facts[0].evidence if facts else None)
    if first is not None:
        facts.append(
            OrganizationFact(
                name=council, kind=OrgKind.COUNCIL, evidence=replace(first, rule="moderngov.council")
            )
        )
    for name, (kind, ev) in sorted(bodies.items()):
        facts.append(
            OrganizationFact(
                name=name,
                kind=kind,
                parent=council if kind == OrgKind.COMMITTEE else None,
                evidence=replace(ev, rule="moderngov.body"),
            )
        )
    facts.sort(key=lambda f: (f.sort_key(), repr(f.to_json())))
    return DocumentResult(document=document, facts=tuple(facts))


_EXTERNAL = re.compile(
    r"\b(?:NHS|Trust|Police|Fire|Authority|Partnership|Ltd|Limited|plc|Association|"
    r"Foundation|Charity|University|College|Company|LLP)\b"
)


def _kind(name: str) -> OrgKind:
    """A body named in a councillor's key post: one of the council's own unless its name says otherwise."""
    kind = classify_body(name)
    if kind == OrgKind.EXTERNAL and not _EXTERNAL.search(name):
        return OrgKind.COMMITTEE
    return kind
