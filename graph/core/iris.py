"""Stable IRIs: hashed from normalised keys, so the same input gives the same IRI on
every run and graphs built at different times can be compared and merged."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Protocol

from rdflib import URIRef

from graph.core.namespaces import ID


class Minted(Protocol):
    """A person or body entity: what mints its own IRI."""

    @property
    def iri(self) -> URIRef: ...


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


class EntityIris:
    """Each person's and body's IRI, worked out once in a stage. An entity mints its IRI from its
    best written name (`PersonEntity.iri`), sorting its names each time it is asked, and the build
    asked some 40,000 times at 1,000 documents. Once resolution is done no entity's names change:
    a body a graph stage makes (a meeting's committee no fact named) gets its one name as it is
    made, before anything asks its IRI."""

    def __init__(self) -> None:
        self._iris: dict[int, tuple[Minted, URIRef]] = {}

    def __call__(self, entity: Minted) -> URIRef:
        hit = self._iris.get(id(entity))
        if hit is None:  # the entity is kept beside its IRI, so its id cannot be reused meanwhile
            hit = self._iris[id(entity)] = (entity, entity.iri)
        return hit[1]
