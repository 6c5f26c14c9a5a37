"""PDFs: the text layer page by page. A scan without one is refused with the advice to OCR it."""

from __future__ import annotations

import io

from extract.readers.base import Reader, ReadError


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


def load(raw: bytes) -> tuple[str, str | None]:
    if not raw.startswith(b"%PDF"):
        raise ReadError("E006", "not a PDF (no %PDF header)")
    try:
        text = pdf_to_text(raw)
    except Exception as exc:  # pdfminer raises many types for broken files; each is a bad file
        raise ReadError("E007", f"PDF could not be parsed ({type(exc).__name__}: {str(exc)[:120]})") from exc
    if len(text.split()) < 5:
        raise ReadError("E008", "PDF has no text layer (scanned?); OCR it first")
    return text, None


READER = Reader(name="PDF", says=".pdf", suffixes=(".pdf",), load=load)
