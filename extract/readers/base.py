"""What a reader is: the files it takes, how their bytes become text, and (for a structured source) how that
text becomes facts without the prose rules.

Kept apart from the table (`extract/readers/__init__.py`) so that a reader module can import it without
importing every other reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extract.records import Document, DocumentResult, Problem


class ReadError(ValueError):
    """A file its reader cannot turn into text: `code` is the Problem's code, the message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True, kw_only=True)
class Reader:
    """One kind of source file.

    `load` turns the file's bytes into the document's text and a note for the load report (or raises
    ReadError). A structured source also gives the document `kind` it makes, `facts` (read field by field,
    instead of the prose rules) and `snapshot` (the date and council the build options fill in). A reader
    that is not a document (`document=False`, the manifest) is skipped by discovery.
    """

    name: str
    says: str  # how the "unknown extension" message names what this reader takes
    load: Callable[[bytes], tuple[str, str | None]]
    suffixes: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    document: bool = True
    kind: str | None = None
    facts: Callable[[Document], DocumentResult] | None = None
    snapshot: Callable[..., tuple[Document, list[Problem]]] | None = None

    def takes(self, path: Path) -> bool:
        return path.name in self.names or path.suffix.lower() in self.suffixes
