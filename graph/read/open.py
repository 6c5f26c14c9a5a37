"""The one way a command opens a built graph, so `query`, `serve`, `who`, `export`, `validate` and
`score` answer the same `--graph` from the same triples.

The fallback order, for a build folder DIR:

1. DIR/store, the build's Oxigraph store, opened read-only, when it is fresh: DIR/.store.sha256
   names the sha256 of DIR/graph.nt (the build writes that stamp only after the store holds
   graph.nt, so a store left behind by an older or interrupted build is never read);
2. DIR/graph.nt, loaded in memory;
3. DIR/graph.ttl, loaded in memory.

A file is read by its suffix: `.nt` as N-Triples, anything else as Turtle. Readers that need
rdflib (SHACL validation, the RDF exports) parse the file the store was loaded from, so they
see the same triples as the SPARQL readers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph

from graph.core.store import store_digest

if TYPE_CHECKING:  # rdflib is imported where it is used: a serve worker never needs it
    import rdflib


@dataclass(frozen=True, slots=True)
class OpenGraph:
    """A built graph, opened: the store to query, and the file holding the same triples."""

    asked: Path  # the path the caller gave
    source: Path  # what answers come from: the store folder, or the file loaded in memory
    text: Path  # the N-Triples or Turtle file with the same triples (for rdflib readers)
    store: pyoxigraph.Store
    parsed: rdflib.Graph | None = None  # the rdflib graph it was opened from, if it was one

    @property
    def triples(self) -> int:
        return len(self.store)

    def rdf(self) -> rdflib.Graph:
        """The same triples as an rdflib graph, parsed from `text`."""
        import rdflib

        if self.parsed is not None:
            return self.parsed
        g = rdflib.Graph()
        g.parse(self.text, format=rdf_format(self.text))
        return g


def rdf_format(path: Path) -> str:
    """rdflib's name for the syntax of a graph file, by its suffix."""
    return "nt" if path.suffix == ".nt" else "turtle"


@lru_cache(maxsize=8)
def _sha256(path: str, mtime_ns: int, size: int) -> str:
    """A file's sha256, remembered while its modification time and size stay the same."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def store_is_fresh(folder: Path) -> bool:
    """Whether DIR/store holds exactly DIR/graph.nt (the build's stamp names that file's sha256)."""
    held = store_digest(folder)
    nt = folder / "graph.nt"
    if held is None or not nt.is_file():
        return False
    st = nt.stat()
    return held == _sha256(str(nt), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=4)
def _memory_store(path: str, mtime_ns: int) -> pyoxigraph.Store:
    """A graph file loaded in memory, kept while the file is unchanged (a command may open it often)."""
    store = pyoxigraph.Store()
    fmt = pyoxigraph.RdfFormat.N_TRIPLES if path.endswith(".nt") else pyoxigraph.RdfFormat.TURTLE
    store.bulk_load(path=path, format=fmt)
    return store


def graph_file(graph: Path) -> Path:
    """The file a graph's triples are read from: the file itself, else DIR/graph.nt, else DIR/graph.ttl."""
    if graph.is_file():
        return graph
    for name in ("graph.nt", "graph.ttl"):
        if (graph / name).is_file():
            return graph / name
    raise OSError(f"no graph at {graph}: run `councilgraph build ... --out DIR` first")


def open_graph(graph: Path | str) -> OpenGraph:
    """The graph at a build folder or file, opened in the order the module states."""
    graph = Path(graph)
    text = graph_file(graph)
    if graph.is_dir() and store_is_fresh(graph):
        store = pyoxigraph.Store.read_only(str(graph / "store"))
        return OpenGraph(asked=graph, source=graph / "store", text=text, store=store)
    store = _memory_store(str(text), text.stat().st_mtime_ns)
    return OpenGraph(asked=graph, source=text, text=text, store=store)


def from_rdflib(g: rdflib.Graph, name: str = "<rdflib graph>") -> OpenGraph:
    """An rdflib graph already in memory, opened like a file (for callers that built one themselves)."""
    store = pyoxigraph.Store()
    data = g.serialize(format="nt", encoding="utf-8")
    store.bulk_load(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
    return OpenGraph(asked=Path(name), source=Path(name), text=Path(name), store=store, parsed=g)
