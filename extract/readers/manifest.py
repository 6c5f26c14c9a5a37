"""`manifest.tsv`: what a corpus says of its files (council, date, url, title, kind), one row per file name.

Not a document: discovery skips it, and its rows fill in the documents beside it (or one folder down).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from extract.dates import parse_date
from extract.readers.base import Reader
from extract.readers.text import decode
from extract.records import PartialDate, Problem

NAME = "manifest.tsv"


@dataclass(frozen=True, slots=True, kw_only=True)
class ManifestRow:
    council: str | None
    date: PartialDate | None
    url: str | None
    title: str | None
    kind: str | None


def manifest_problems(paths: list[Path]) -> list[Problem]:
    """A W013 for each manifest.tsv the build reads (under or beside `paths`, or one folder up) that could not
    be read cleanly: its rows are used as far as they could be read, and the user is told."""
    manifests: set[Path] = set()
    for root in paths:
        folder = root if root.is_dir() else root.parent
        manifests.update(p for p in (folder / NAME, folder.parent / NAME) if p.is_file())
        if root.is_dir():
            manifests.update(p for p in root.rglob(NAME) if p.is_file())
    return [
        Problem(doc_id=str(m), stage="load", code="W013", message=f"manifest: {fault}")
        for m in sorted(manifests)
        if (fault := _manifest(m)[1])
    ]


def read_manifest(path: Path) -> dict[str, ManifestRow]:
    """`manifest.tsv` rows by file name (columns file, council, date, url, title; others ignored). Never raises:
    a manifest is untrusted input like the documents beside it, and one that stopped the build would cost every
    document its facts. What could not be read is reported by `discover` (W013)."""
    return _manifest(path)[0]


def _manifest(path: Path) -> tuple[dict[str, ManifestRow], str | None]:
    """The rows, and what went wrong reading them: bytes that are not UTF-8 are read as documents are
    (`decode`), and a fault csv cannot read past (a cell over its 128 kB limit) ends the rows there."""
    rows: dict[str, ManifestRow] = {}
    try:
        text, note = decode(path.read_bytes())
    except OSError as exc:
        return rows, f"cannot read: {exc.strerror or exc}"
    try:
        for row in csv.DictReader(io.StringIO(text, newline=""), delimiter="\t"):
            name = (row.get("file") or "").strip()
            if not name:
                continue
            rows[name] = ManifestRow(
                council=(row.get("council") or "").strip() or None,
                date=parse_date((row.get("date") or "").strip()),
                url=(row.get("url") or "").strip() or None,
                title=(row.get("title") or "").strip() or None,
                kind=(row.get("kind") or "").strip() or None,
            )
    except csv.Error as exc:
        return rows, f"read up to a fault csv cannot pass ({exc}); the rows after it are ignored"
    return rows, note


def manifest_for(path: Path, cache: dict[Path, dict[str, ManifestRow]]) -> ManifestRow | None:
    """The manifest row for `path`: a manifest.tsv beside it or one folder up."""
    for folder in (path.parent, path.parent.parent):
        if folder not in cache:
            mf = folder / NAME
            cache[folder] = read_manifest(mf) if mf.is_file() else {}
        row = cache[folder].get(path.name)
        if row:
            return row
    return None


READER = Reader(name="manifest", says=NAME, names=(NAME,), document=False, load=decode)
