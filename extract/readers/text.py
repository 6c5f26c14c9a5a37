"""Plain text (.txt, .md): the bytes decoded in whatever encoding the council's system had that year."""

from __future__ import annotations

import html
import re

from extract.readers.base import Reader, ReadError

_INLINE_TAG = re.compile(r"</?(?:p|ul|ol|li|sup|sub|u|b|i|em|strong|br|span|div|font|a)\b[^<>]{0,200}>", re.I)
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u2122]"
)


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


def decode_text(raw: bytes) -> tuple[str, str | None]:
    """Text bytes, refused when they are binary: a NUL byte near the start is no council's writing."""
    if b"\x00" in raw[:8192]:
        raise ReadError("E009", "binary file (NUL bytes), not text")
    return decode(raw)


def load(raw: bytes) -> tuple[str, str | None]:
    text, note = decode_text(raw)
    if _INLINE_TAG.search(text):
        # text exports of council tables keep fragments of their HTML cells
        text = html.unescape(_INLINE_TAG.sub(" ", text))
    return text, note


READER = Reader(name="text", says=".txt .md", suffixes=(".txt", ".md"), load=load)
