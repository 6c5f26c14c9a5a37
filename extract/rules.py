"""The one shape of a rule in a fact module's table: its id (the `rule` its facts' evidence carries), how it
reads a document, and the ids of further facts the same reading can give. A module's table is a tuple of
these, run in order; each id has an example that a test runs (docs/architecture.md, "Rules as tables")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

ReadT = TypeVar("ReadT", bound=Callable[..., object])


@dataclass(frozen=True, slots=True)
class Rule(Generic[ReadT]):
    id: str
    read: ReadT
    also: tuple[str, ...] = ()  # other rule ids its facts can carry
