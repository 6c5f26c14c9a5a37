"""Saved web pages (.html, .htm): the page's words, without its scripts, styles and navigation."""

from __future__ import annotations

import re

from extract.readers.base import Reader
from extract.readers.text import decode_text


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


def load(raw: bytes) -> tuple[str, str | None]:
    text, note = decode_text(raw)
    return html_to_text(text), note


READER = Reader(name="web page", says=".html .htm", suffixes=(".html", ".htm"), load=load)
