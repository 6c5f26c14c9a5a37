"""Stable IRIs: hashed from normalised keys, so the same input gives the same IRI on
every run and graphs built at different times can be compared and merged."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

from graph.core.namespaces import ID


@lru_cache(maxsize=1 << 18)  # pure; the build asks it for the same names and labels again and again
def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def slug(text: str, limit: int = 48) -> str:
    return norm(text).replace(" ", "-")[:limit].strip("-") or "x"


@lru_cache(maxsize=1 << 18)  # pure; an entity's IRI is asked for at every fact that names it
def mint(kind: str, *parts: str | None, label: str | None = None) -> URIRef:
    """`id:<kind>/<readable-slug>-<hash of the normalised parts>`."""
    key = "\x1f".join(norm(p) if p else "" for p in parts)
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return ID[f"{kind}/{slug(label or parts[0] or kind)}-{digest}"]
