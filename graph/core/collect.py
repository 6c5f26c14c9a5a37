"""Collecting cyclic garbage less often while the graph stages and the pages run.

They make millions of small objects (facts, terms, triples, the pages' view) that all live to the end
of the stage; at Python's default thresholds the collector walked them over and over (about a fifth of
the graph stages' time, docs/scaling.md). One context for the build and for `councilgraph render`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's first threshold for the block, and put it back after."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
