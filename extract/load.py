"""Path -> Document (or Problem): where extraction touches files, with the readers of `extract/readers/`.

Councils publish text, saved web pages, PDFs and ModernGov feeds, in whatever encoding their system
had that year. This module finds the files and reads their bytes; the reader the table gives for a
file (by its suffix) turns them into text. Every way a file can fail to be read is a Problem with a
code, so one bad file never stops a corpus.
"""

from __future__ import annotations

import hashlib
import html  # noqa: F401  (bench/fuzz_reader.py reads `load.html` until it calls the text reader's `load`)
from collections.abc import Iterator
from pathlib import Path

from extract.readers import documents_read, reader_for, text
from extract.readers.base import ReadError
from extract.readers.manifest import ManifestRow, manifest_for, manifest_problems, read_manifest
from extract.readers.pdf import pdf_to_text
from extract.readers.text import _INLINE_TAG, decode  # noqa: F401  (_INLINE_TAG: bench/fuzz_reader.py, as above)
from extract.readers.webpage import html_to_text
from extract.records import Document, Problem

MAX_BYTES = 50 * 1024 * 1024  # the default of `max_bytes` (a build sets it from COUNCILGRAPH_MAX_BYTES)
__all__ = [
    "MAX_BYTES",
    "ManifestRow",
    "decode",
    "discover",
    "doc_id_for",
    "file_hash",
    "html_to_text",
    "iter_documents",
    "load_document",
    "manifest_for",
    "pdf_to_text",
    "read_manifest",
]


def discover(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The readable files under `paths`, sorted, and a Problem for each path that is not."""
    found: set[Path] = set()
    problems: list[Problem] = []
    for root in paths:
        if root.is_dir():
            for p in root.rglob("*"):
                if p.name.startswith(".") or not _is_document(p):
                    continue
                if p.is_file():
                    found.add(p)
                elif p.is_symlink():
                    problems.append(
                        Problem(doc_id=str(p), stage="load", code="E004", message="cannot read: broken link")
                    )
        elif root.is_file():
            found.add(root)
        else:
            problems.append(
                Problem(doc_id=str(root), stage="load", code="E001", message="no such file or folder")
            )
    problems += manifest_problems(paths)
    files = sorted(found, key=lambda p: str(p))
    readable = []
    for p in files:
        reader = reader_for(p)
        if reader is not None and reader.document:
            readable.append(p)
        else:
            problems.append(
                Problem(
                    doc_id=str(p),
                    stage="load",
                    code="E002",
                    message=f"unknown extension {p.suffix or '(none)'!r}; "
                    f"councilgraph reads {documents_read()}",
                )
            )
    return readable, problems


def _is_document(path: Path) -> bool:
    """Whether a file found under a folder is one to read or report: a manifest is read for its rows, not
    as a document."""
    reader = reader_for(path)
    return reader is None or reader.document


def doc_id_for(path: Path) -> str:
    return path.name


def load_document(
    path: Path, manifest: ManifestRow | None = None, *, max_bytes: int = MAX_BYTES
) -> tuple[Document | None, list[Problem]]:
    """Read one file. Returns the Document (None when unreadable) and any problems on the way;
    a file over `max_bytes` is not read."""
    doc_id = doc_id_for(path)
    problems: list[Problem] = []

    def fail(code: str, message: str) -> tuple[None, list[Problem]]:
        return None, [*problems, Problem(doc_id=str(path), stage="load", code=code, message=message)]

    try:
        size = path.stat().st_size
        if size > max_bytes:
            return fail(
                "E003",
                f"file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                "(set COUNCILGRAPH_MAX_BYTES to raise it)",
            )
        raw = path.read_bytes()
    except OSError as exc:
        return fail("E004", f"cannot read: {exc.strerror or exc}")
    if not raw.strip():
        return fail("E005", "empty file")
    reader = reader_for(path)
    if reader is None or not reader.document:
        reader = text.READER  # a file asked for by name is read as text, whatever its suffix
    try:
        words, note = reader.load(raw)
    except ReadError as exc:
        return fail(exc.code, str(exc))
    if note:
        problems.append(Problem(doc_id=str(path), stage="load", code="W010", message=note))
    if len(words.split()) < 3:
        return fail("E005", "no text to read")
    m = manifest
    doc = Document(
        doc_id=doc_id,
        path=str(path),
        text=words,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=m.title if m else None,
        date=m.date if m else None,
        council=m.council if m else None,
        url=m.url if m else None,
        kind=reader.kind or (m.kind if m else None),
    )
    return doc, problems


def iter_documents(paths: list[Path]) -> Iterator[tuple[Path, Document | None, list[Problem]]]:
    files, problems = discover(paths)
    for p in problems:
        yield Path(p.doc_id), None, [p]
    cache: dict[Path, dict[str, ManifestRow]] = {}
    for path in files:
        doc, probs = load_document(path, manifest_for(path, cache))
        yield path, doc, probs


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
