"""The typed records that cross a stage boundary.

Extraction writes these, one JSON line each, and `graph/` reads them back: the facts
files are the only contract between the two halves, so every record knows how to
serialise itself and is checked on construction rather than at the far end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any, ClassVar

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """An ISO date prefix whose length is its precision: "2024", "2024-07", "2024-07-30"."""

    iso: str

    def __post_init__(self) -> None:
        if not _ISO.match(self.iso):
            raise ValueError(f"PartialDate.iso: {self.iso!r} is not YYYY, YYYY-MM or YYYY-MM-DD")

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.iso)]

    def __str__(self) -> str:
        return self.iso


class OrgKind(StrEnum):
    COUNCIL = "council"
    COMMITTEE = "committee"
    EXTERNAL = "external"


class SeatRole(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"
    CO_OPTED = "co-opted member"
    SUBSTITUTE = "substitute"
    LEADER = "leader"
    DEPUTY_LEADER = "deputy leader"
    CABINET_MEMBER = "cabinet member"


class Capacity(StrEnum):
    PRESENT = "present"
    IN_ATTENDANCE = "in attendance"
    APOLOGIES = "apologies"


class MentionSource(StrEnum):
    """How a person mention was read, which decides what resolution may found a person on: a name
    only the model saw, or one read from an action's owner cell or a decision's lead officer, needs
    a name's shape ("Grant Thornton", "Leadership" are no one)."""

    HONORIFIC = "honorific"  # "Councillor Fagan", "Mr. Paul Walker"
    FACT = "fact"  # the person of an attendance, seat or post
    CELL = "cell"  # an action's owner or a decision's lead officer: a table cell, often not a person
    MODEL = "model"  # the model's PERSON entity, and nothing else
    OTHER = "other"  # any other reader (a ModernGov table, a test)

    @classmethod
    def of_rule(cls, rule: str) -> MentionSource:
        """The source a PersonFact's evidence rule names (`extract/facts/people.py` writes
        "person.honorific", "person.model", "person.from-<fact type>"): facts files keep the rule, not
        the source, so a fact read back gets its source here."""
        if rule == "person.honorific":
            return cls.HONORIFIC
        if rule == "person.model":
            return cls.MODEL
        if rule in ("person.from-action", "person.from-decision"):
            return cls.CELL
        if rule.startswith("person.from-"):
            return cls.FACT
        return cls.OTHER


class DecisionKind(StrEnum):
    RESOLVED = "resolved"
    RECOMMENDATION = "recommendation"
    NOTED = "noted"
    DELEGATED = "delegated decision"


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """Where a fact was read: `text == document.text[start:end]`, and the rule that read it."""

    doc_id: str
    start: int
    end: int
    text: str
    rule: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Evidence.start/end: {self.start}..{self.end} is not a span")
        if len(self.text) != self.end - self.start:
            raise ValueError("Evidence.text: length differs from end - start")


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input file as text, with what the manifest (or the file) says about it."""

    doc_id: str
    path: str
    text: str
    sha256: str
    title: str | None = None
    date: PartialDate | None = None
    council: str | None = None
    url: str | None = None
    kind: str | None = None
    tables: tuple[tuple[tuple[str, ...], ...], ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """A document the build could not read (or read only in part), reported, never hidden."""

    doc_id: str
    stage: str
    code: str
    message: str

    def line(self) -> str:
        return f"{self.doc_id}: {self.message} [{self.code}]"


# --- facts -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """Base of every fact: it knows its type name and carries its evidence."""

    fact_type: ClassVar[str] = "fact"
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.fact_type}
        for f in fields(self):
            if not f.metadata.get("json", True):
                continue
            value = getattr(self, f.name)
            if isinstance(value, PartialDate):
                value = value.iso
            elif isinstance(value, Evidence):
                value = asdict(value)
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    def sort_key(self) -> tuple[str, int, str]:
        return (self.evidence.doc_id, self.evidence.start, self.fact_type)


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonFact(Fact):
    """A named individual in a document. `public` is False for private individuals."""

    fact_type: ClassVar[str] = "person"
    name: str
    public: bool = True
    written: str = ""
    # not written to facts files (their bytes stay as they were): None takes it from the evidence's rule
    source: MentionSource | None = field(default=None, metadata={"json": False})

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("PersonFact.name: empty")
        if self.source is None:
            object.__setattr__(self, "source", MentionSource.of_rule(self.evidence.rule))


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganizationFact(Fact):
    fact_type: ClassVar[str] = "organization"
    name: str
    kind: OrgKind
    aliases: tuple[str, ...] = ()
    parent: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("OrganizationFact.name: empty")


@dataclass(frozen=True, slots=True, kw_only=True)
class PostFact(Fact):
    """A person holds a job title or office (`post`) in an organization."""

    fact_type: ClassVar[str] = "holds_post"
    person: str
    post: str
    org: str
    date: PartialDate | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    interim: bool = False
    role_only: bool = (
        False  # "the Director ... left in March 2024": `person` is empty, graph/ finds the holder
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SeatFact(Fact):
    """A person sits on a body in a capacity (chair, member, ...)."""

    fact_type: ClassVar[str] = "membership"
    person: str
    body: str
    role: SeatRole
    date: PartialDate | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingFact(Fact):
    fact_type: ClassVar[str] = "meeting"
    body: str
    date: PartialDate | None = None
    venue: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AttendanceFact(Fact):
    fact_type: ClassVar[str] = "attendance"
    person: str
    body: str
    meeting_date: PartialDate | None = None
    capacity: Capacity
    chair: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionFact(Fact):
    fact_type: ClassVar[str] = "decision"
    text: str
    kind: DecisionKind
    maker: str | None = None
    date: PartialDate | None = None
    meeting_date: PartialDate | None = None
    lead_officer: str | None = None

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("DecisionFact.text: empty")


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionFact(Fact):
    fact_type: ClassVar[str] = "action"
    text: str
    owners: tuple[str, ...] = ()
    timescale: str | None = None
    plan: str | None = None
    status: str | None = None

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("ActionFact.text: empty")


FACT_TYPES: dict[str, type[Fact]] = {
    cls.fact_type: cls
    for cls in (
        PersonFact,
        OrganizationFact,
        PostFact,
        SeatFact,
        MeetingFact,
        AttendanceFact,
        DecisionFact,
        ActionFact,
    )
}

_ENUMS: dict[str, type[StrEnum]] = {"kind": OrgKind, "role": SeatRole, "capacity": Capacity}
_DATES = {"date", "start", "end", "meeting_date"}


def _converter(cls: type[Fact], name: str) -> Callable[[Any], Any] | None:
    """How a JSON value of field `name` becomes the field's value (None: as it is)."""
    if name == "evidence":
        return lambda v: Evidence(**v)
    if name in _DATES:
        return lambda v: None if v is None else PartialDate(v)
    if name == "kind" and cls is DecisionFact:
        return DecisionKind
    if name in _ENUMS:
        enum = _ENUMS[name]
        return lambda v: None if v is None else enum(v)
    return None


# per fact type, its fields and their converters, worked out once: a build reads every fact of the corpus
_READERS: dict[str, tuple[type[Fact], tuple[tuple[str, Callable[[Any], Any] | None], ...]]] = {
    t: (cls, tuple((f.name, _converter(cls, f.name)) for f in fields(cls) if f.metadata.get("json", True)))
    for t, cls in FACT_TYPES.items()
}


def fact_from_json(data: dict[str, Any]) -> Fact:
    """The inverse of `Fact.to_json`, so `graph/` reads back exactly what `extract/` wrote."""
    cls, readers = _READERS[data["type"]]
    kwargs: dict[str, Any] = {}
    for name, convert in readers:
        if name not in data:
            continue
        value = data[name]
        if isinstance(value, list):
            value = tuple(value)
        elif convert is not None:
            value = convert(value)
        kwargs[name] = value
    return cls(**kwargs)


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentResult:
    """What extraction made of one document: its facts (sorted) and its problems."""

    document: Document
    facts: tuple[Fact, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    def header(self) -> dict[str, Any]:
        d = self.document
        return {
            "type": "document",
            "doc_id": d.doc_id,
            "path": d.path,
            "sha256": d.sha256,
            "title": d.title,
            "date": d.date.iso if d.date else None,
            "council": d.council,
            "url": d.url,
            "kind": d.kind,
        }
