"""Readers: one table of the kinds of file councilgraph reads, each a module of this package.

A reader declares the file suffixes (or names) it takes, its loader (bytes -> text), and, for a structured
source such as the ModernGov feed, the document kind it makes, its facts and its snapshot. Discovery, loading
and the pipeline ask this table rather than testing suffixes themselves, so the next structured source is one
new module here and one line in `READERS`.
"""

from __future__ import annotations

from pathlib import Path

from extract.readers import manifest, moderngov, pdf, text, webpage
from extract.readers.base import Reader, ReadError
from extract.records import Document

READERS: tuple[Reader, ...] = (text.READER, webpage.READER, pdf.READER, moderngov.READER, manifest.READER)

__all__ = [
    "READERS",
    "ReadError",
    "Reader",
    "documents_read",
    "reader_for",
    "reader_of",
    "reread_every_build",
]


def reader_for(path: Path) -> Reader | None:
    """The reader of a file by its name, None for a file no reader takes."""
    return next((r for r in READERS if r.takes(path)), None)


def reader_of(document: Document) -> Reader:
    """The reader a loaded document came from: its kind names a structured source, else its path's suffix;
    the text reader for anything else (a document made in memory)."""
    for r in READERS:
        if r.kind is not None and document.kind == r.kind:
            return r
    found = reader_for(Path(document.path)) if document.path else None
    return found if found is not None and found.kind is None and found.document else text.READER


def documents_read() -> str:
    """What the document readers take, for the message about a file none of them does."""
    says = [r.says for r in READERS if r.document]
    return " ".join(says[:-1]) + " and " + says[-1] if len(says) > 1 else "".join(says)


def reread_every_build(path: Path) -> bool:
    """Whether a file's facts depend on the build's options (a feed's snapshot date and council), so that a
    facts file from an earlier build cannot stand for it."""
    reader = reader_for(path)
    return reader is not None and reader.snapshot is not None
