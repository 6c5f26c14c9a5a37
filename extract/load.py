"""Path -> Document (or Problem): the only place extraction touches files.

Councils publish text, saved web pages and PDFs, in whatever encoding their system
had that year. Every way a file can fail to be read is a Problem with a code, so one
bad file never stops a corpus.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.dates import parse_date
from extract.moderngov import FEED_KIND, FeedError, feed_text
from extract.records import Document, PartialDate, Problem

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
MAX_BYTES = int(os.environ.get("COUNCILGRAPH_MAX_BYTES", 50 * 1024 * 1024))
_INLINE_TAG = re.compile(r"</?(?:p|ul|ol|li|sup|sub|u|b|i|em|strong|br|span|div|font|a)\b[^<>]{0,200}>", re.I)
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u2122]"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ManifestRow:
    council: str | None
    date: PartialDate | None
    url: str | None
    title: str | None
    kind: str | None


def discover(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """The readable files under `paths`, sorted, and a Problem for each path that is not."""
    found: set[Path] = set()
    problems: list[Problem] = []
    for root in paths:
        if root.is_dir():
            for p in root.rglob("*"):
                if p.name == "manifest.tsv" or p.name.startswith("."):
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
    problems += _manifest_problems(paths)
    files = sorted(found, key=lambda p: str(p))
    readable = []
    for p in files:
        if p.suffix.lower() in READABLE or (p.suffix.lower() == ".xml"):
            readable.append(p)
        else:
            problems.append(
                Problem(
                    doc_id=str(p),
                    stage="load",
                    code="E002",
                    message=f"unknown extension {p.suffix or '(none)'!r}; "
                    "councilgraph reads .txt .md .html .htm .pdf "
                    "and ModernGov councillor feeds (.xml)",
                )
            )
    return readable, problems


def _manifest_problems(paths: list[Path]) -> list[Problem]:
    """A W013 for each manifest.tsv the build reads (under or beside `paths`, or one folder up) that could not
    be read cleanly: its rows are used as far as they could be read, and the user is told."""
    manifests: set[Path] = set()
    for root in paths:
        folder = root if root.is_dir() else root.parent
        manifests.update(p for p in (folder / "manifest.tsv", folder.parent / "manifest.tsv") if p.is_file())
        if root.is_dir():
            manifests.update(p for p in root.rglob("manifest.tsv") if p.is_file())
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
            mf = folder / "manifest.tsv"
            cache[folder] = read_manifest(mf) if mf.is_file() else {}
        row = cache[folder].get(path.name)
        if row:
            return row
    return None


def decode(raw: bytes) -> tuple[str, str | None]:
    """Bytes -> text, and a note when the text was not clean UTF-8 (cp1252, mojibake)."""
    try:
        text = raw.decode("utf-8-sig")
        note = None
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        note = "not UTF-8; read as Windows-1252"
    if _MOJIBAKE.search(text):
        try:
            text = text.encode("cp1252").decode("utf-8")
            note = "mojibake (UTF-8 read as Windows-1252) repaired"
        except (UnicodeEncodeError, UnicodeDecodeError):
            note = "mojibake found and left as is"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", text)
    return text, note


def html_to_text(html: str) -> str:
    """A saved council page as text: scripts, styles and navigation dropped, table rows as tab lines."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for sel in ("script", "style", "nav", "noscript", "header", "footer", "form", "iframe", "svg"):
        for node in tree.css(sel):
            node.decompose()
    for table in tree.css("table"):
        lines = []
        for tr in table.css("tr"):
            cells = [" ".join(c.text(separator=" ").split()) for c in tr.css("th, td")]
            lines.append("\t".join(cells))
        table.replace_with("\n" + "\n".join(lines) + "\n")
    body = tree.body or tree.root
    if body is None:
        return ""
    for tag in ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "dt", "dd"):
        for node in body.css(tag):
            node.insert_after("\n")
    text = body.text(separator="")
    lines = [" ".join(line.split()) if "\t" not in line else line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def pdf_to_text(raw: bytes) -> str:
    """A PDF's text layer page by page; tables come out as tab-separated rows."""
    import pdfplumber

    pages = []
    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        for page in pdf.pages:
            text = page.extract_text() or ""
            tables = []
            for table in page.extract_tables():
                rows = ["\t".join(" ".join((c or "").split()) for c in row) for row in table]
                tables.append("\n".join(rows))
            pages.append(text + ("\n\n" + "\n\n".join(tables) if tables else ""))
    return "\n\n".join(pages)


def doc_id_for(path: Path) -> str:
    return path.name


def load_document(path: Path, manifest: ManifestRow | None = None) -> tuple[Document | None, list[Problem]]:
    """Read one file. Returns the Document (None when unreadable) and any problems on the way."""
    doc_id = doc_id_for(path)
    problems: list[Problem] = []

    def fail(code: str, message: str) -> tuple[None, list[Problem]]:
        return None, [*problems, Problem(doc_id=str(path), stage="load", code=code, message=message)]

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return fail(
                "E003",
                f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES / 1e6:.0f} MB limit "
                "(set COUNCILGRAPH_MAX_BYTES to raise it)",
            )
        raw = path.read_bytes()
    except OSError as exc:
        return fail("E004", f"cannot read: {exc.strerror or exc}")
    if not raw.strip():
        return fail("E005", "empty file")
    suffix = path.suffix.lower()
    feed = suffix == ".xml"
    if feed:  # a ModernGov councillor feed: only its public fields become text (extract/moderngov.py)
        try:
            text, note = feed_text(raw)
        except FeedError as exc:
            return fail(exc.code, str(exc))
    elif suffix in PDF_SUFFIXES:
        if not raw.startswith(b"%PDF"):
            return fail("E006", "not a PDF (no %PDF header)")
        try:
            text = pdf_to_text(raw)
        except Exception as exc:  # pdfminer raises many types for broken files; each is a bad file
            return fail("E007", f"PDF could not be parsed ({type(exc).__name__}: {str(exc)[:120]})")
        if len(text.split()) < 5:
            return fail("E008", "PDF has no text layer (scanned?); OCR it first")
        note = None
    else:
        if b"\x00" in raw[:8192]:
            return fail("E009", "binary file (NUL bytes), not text")
        text, note = decode(raw)
        if suffix in HTML_SUFFIXES:
            text = html_to_text(text)
        elif _INLINE_TAG.search(text):
            # text exports of council tables keep fragments of their HTML cells
            text = html.unescape(_INLINE_TAG.sub(" ", text))
    if note:
        problems.append(Problem(doc_id=str(path), stage="load", code="W010", message=note))
    if len(text.split()) < 3:
        return fail("E005", "no text to read")
    m = manifest
    doc = Document(
        doc_id=doc_id,
        path=str(path),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=m.title if m else None,
        date=m.date if m else None,
        council=m.council if m else None,
        url=m.url if m else None,
        kind=FEED_KIND if feed else m.kind if m else None,
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
