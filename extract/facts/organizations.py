"""Bodies: the council, its committees, and every external body a document names.

Each distinct name in a document is one fact; an acronym the document defines
("Herefordshire Safeguarding Children Partnership (HSCP)") becomes an alias, and a
later bare use of the acronym is the same body.

The rules are `RULES`, read in order (the first reading of a name gives its kind and evidence);
each has an example in `patterns/organizations_examples.jsonl` that a test runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract.mentions import classify_body, find_bodies, find_member_listing
from extract.records import Fact, OrganizationFact, OrgKind, PersonFact
from extract.rules import Rule
from extract.segment import Segmented
from extract.vocab.bodies import STOP_WORDS, acronym_fits

# a kind of meeting of the council, not a body of its own: "Annual Council", "Special Council", "Budget Council"
_MEETING_OF_COUNCIL = re.compile(
    r"^(?:(?:Annual|General|Special|Ordinary|Extraordinary|Extra-ordinary|Full|Budget|Approve|Adjourned|Reconvened|"
    r"Statutory|Emergency|Inquorate)\s+)+Council$",
    re.I,
)
_ACRONYM_AFTER = re.compile(r"\s*\(\s*(?P<acr>[A-Z][A-Za-z&]{1,9})\s*\)")


def _key(name: str) -> str:
    low = name.lower().replace("&", " and ").replace("\u2019", "'").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", low).split())


@dataclass(frozen=True, slots=True)
class Body:
    """One reading of a body: its name as written, its kind, where, and the acronym written right after it."""

    name: str
    kind: OrgKind
    start: int
    end: int
    acronym: str | None = None


def _council(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """The document's council, where the text names it (else at its start)."""
    if seg.council:
        idx = seg.text.find(seg.council)
        s = idx if idx >= 0 else 0
        e = s + len(seg.council) if idx >= 0 else min(len(seg.text), 1)
        yield Body(seg.council, OrgKind.COUNCIL, s, e)


def _mentions(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """Every body the body grammar reads ("Herefordshire Safeguarding Children Partnership (HSCP)"), without a
    person's name a layout glued in front of it."""
    text = seg.text
    people = sorted({f.name for f in facts if isinstance(f, PersonFact)}, key=len, reverse=True)
    for b in find_bodies(text):
        name = _without_person(b.name, people)
        if name is None or _MEETING_OF_COUNCIL.match(name):
            continue
        m = _ACRONYM_AFTER.match(text, b.end, min(len(text), b.end + 16))
        yield Body(name, b.kind, b.start, b.end, m.group("acr") if m else None)


def _listing_parties(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """The party a member listing gives each councillor ("(Independents for Herefordshire)")."""
    for entry in find_member_listing(seg.lines):
        if entry.party and len(entry.party.split()) <= 6 and entry.party[:1].isupper():
            start = seg.text.find(entry.party, entry.person.end)
            if start >= 0:
                yield Body(entry.party, OrgKind.EXTERNAL, start, start + len(entry.party))


def _from_facts(seg: Segmented, facts: list[Fact]) -> Iterator[Body]:
    """The body or organization another fact names (a seat's body, a post's organization)."""
    for f in facts:
        body = getattr(f, "body", None) or getattr(f, "org", None)
        if body:
            kind = classify_body(body) if body != seg.council else OrgKind.COUNCIL
            yield Body(body, kind, f.evidence.start, f.evidence.end)


Read = Callable[[Segmented, list[Fact]], Iterator[Body]]


# in this order: the first reading of a name gives its kind and evidence
RULES: tuple[Rule[Read], ...] = (
    Rule("organization.council", _council),
    Rule("organization.mention", _mentions),
    Rule("organization.listing-party", _listing_parties),
    Rule("organization.from-fact", _from_facts),
)


def organizations(seg: Segmented, facts: list[Fact]) -> list[OrganizationFact]:
    """One fact per body named in the document (or named by another fact about it)."""
    first: dict[str, OrganizationFact] = {}
    aliases: dict[str, set[str]] = {}
    for rule in RULES:
        for body in rule.read(seg, facts):
            key = _key(body.name)
            if key and len(key) >= 3 and key not in first:
                evidence = seg.sentence_evidence(body.start, body.end, rule.id)
                first[key] = OrganizationFact(name=body.name, kind=body.kind, evidence=evidence)
                aliases[key] = set()
            if body.acronym:
                aliases[key].add(body.acronym)
    _short_forms_in_text(seg.text, first, aliases)
    for _round in range(2):  # variants fold first, so a short form then has one long name left to fold into
        _fold_short_forms(first, aliases, seg.council)
    out = []
    for key, fact in first.items():
        if aliases[key]:
            fact = OrganizationFact(
                name=fact.name, kind=fact.kind, aliases=tuple(sorted(aliases[key])), evidence=fact.evidence
            )
        out.append(fact)
    return out


def _without_person(name: str, people: list[str]) -> str | None:
    """A body name with a person's name glued in front by a layout ("Tori Lynch Corporate Parenting
    Board", "Nicola Turvey and EH Partnership") loses the name; None when nothing is left."""
    for person in people:
        if len(person.split()) >= 2 and name.startswith(person + " "):
            rest = re.sub(r"^(?:and|&|,)\s+", "", name[len(person) + 1 :]).strip()
            if re.match(r"^(?:UK |\(UK\) )?(?:Ltd|Limited|LLP|plc|PLC)\b", rest):
                return name  # "Grant Thornton UK LLP": a firm named after people
            return rest if len(rest.split()) >= 2 or rest in ("Cabinet",) else None
    return name


def _bag(key: str) -> list[str]:
    return sorted(w[:-1] if w.endswith("s") and len(w) > 4 else w for w in key.split() if w not in STOP_WORDS)


_SHORT_FORM = re.compile(
    r"(?<![\w-])(?P<short>[A-Z]{2,5}(?:\s+(?:&\s+)?[A-Z][a-z]+(?:-[A-Za-z]+)?){1,3})(?![\w-])"
)


def _short_forms_in_text(text: str, first: dict[str, OrganizationFact], aliases: dict[str, set[str]]) -> None:
    """A short form the body grammar does not read as a body ("the CYP Scrutiny agreed ...") is an alias of
    the one body of the document whose full name it fits."""
    for m in _SHORT_FORM.finditer(text):
        short = m.group("short")
        if _key(short) in first:
            continue
        fits = [k for k, f in first.items() if f.kind != OrgKind.COUNCIL and acronym_fits(short, f.name)]
        if len(fits) == 1:
            aliases[fits[0]].add(short)


def _fold_short_forms(
    first: dict[str, OrganizationFact], aliases: dict[str, set[str]], council: str | None
) -> None:
    """Within one document a shortened name ("Improvement Board") stands for the one longer name that ends
    with it ("Children's Improvement Board"): one body, the short form an alias."""
    keys = list(first)
    council_key = _key(council) if council else None
    for short in keys:
        if short not in first or short == council_key or first[short].kind == OrgKind.COUNCIL:
            continue
        # the same words in another order ("Adults Safeguarding Board" / "Safeguarding Adults Board") or the
        # tail of exactly one longer name
        core = re.sub(r" (?:ltd|limited|llp|plc)$", "", short)
        longer = [
            k
            for k in keys
            if k in first
            and k != short
            and (
                first[k].kind == first[short].kind
                and (
                    k.endswith(" " + short)
                    or _subsequence(short, k)
                    or re.fullmatch(re.escape(short) + r"(?: uk)? (?:ltd|limited|llp|plc)", k)
                    or _bag(k) == _bag(short)
                    and k < short
                    or acronym_fits(first[short].name, first[k].name)
                )
                or core in {_key(a) for a in aliases[k]}
            )
        ]
        if len(longer) == 1:
            aliases[longer[0]].add(first[short].name)
            aliases[longer[0]] |= aliases.pop(short)
            del first[short]


def _subsequence(short: str, long: str) -> bool:
    """ "wye valley trust" in "wye valley nhs trust": same first and last word, the rest in order."""
    s, words = short.split(), long.split()
    if len(s) < 2 or len(s) >= len(words) or s[0] != words[0] or s[-1] != words[-1]:
        return False
    it = iter(words)
    return all(w in it for w in s)
