"""ModernGov `GetCouncillorsByWard` feeds (.xml): a structured source. Its loader keeps only the public fields
(`extract/moderngov.py`, `feed_text`), its facts are read field by field (`feed_facts`), and its snapshot date
and council come from the manifest or the build options (`snapshot`)."""

from __future__ import annotations

from extract.moderngov import FEED_KIND, FeedError, feed_facts, feed_text, snapshot
from extract.readers.base import Reader, ReadError


def load(raw: bytes) -> tuple[str, str | None]:
    try:
        return feed_text(raw)
    except FeedError as exc:
        raise ReadError(exc.code, str(exc)) from exc


READER = Reader(
    name="ModernGov feed",
    says="ModernGov councillor feeds (.xml)",
    suffixes=(".xml",),
    load=load,
    kind=FEED_KIND,
    facts=feed_facts,
    snapshot=snapshot,
)
