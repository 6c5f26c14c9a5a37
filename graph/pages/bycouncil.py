"""The pages a council at a time (issue 24): the render's memory follows the largest council, not the corpus.

The graph stages leave one sorted N-Triples part file per council group (and one for the organizations
several councils name, `graph.run.bycouncil`). The pages are drawn from them in turn:

1. A census reads the type and identifier lines of every part (`census`): the people, bodies and posts
   more than one part holds (a national body, the holders of a shared organization's posts) are
   *crossing* nodes, whose pages need every part; the document identifiers more than one document
   holds decide how documents are referred to, as the whole graph's view decides.
2. Each part is read into a view of its own (`graph.pages.view.keyed_view`), which keys what it made
   by the whole graph's order. The pages of its own people, bodies and posts are written from it, and
   its nodes' members of the facts files are encoded into a spill file; then it is dropped but for a
   light share: its nodes without their facts (but the crossing nodes'), edges, tenures.
3. The light shares are merged in the whole graph's order (`merge_views`) into a view whose nodes
   carry no facts but the crossing nodes'; the pages that show the whole corpus (the board, turnover,
   the network, the lists, the timelines), the facts files (from the spill) and the crossing nodes'
   pages are written from it.

Every page is byte for byte the one the whole graph's view gives (`tests/test_pages_bycouncil.py`).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import IO, Protocol

from graph.core.namespaces import DCTERMS, FOAF, ORG, RDF
from graph.core.triples import read_nt
from graph.pages.data import DEFAULT_LIMIT, FactsFiles, shard_count, shard_of, shard_text
from graph.pages.render import (
    Drawn,
    Page,
    code_key,
    corpus_pages,
    node_pages,
    shard_page,
    templates,
    vis_js,
    write_stream,
)
from graph.pages.view import Edge, Fact, Key, Node, Tenure, View, ViewKeys, keyed_view

# the tail of a line typing a person, a body or a post, and the middle of a document's identifier line
_PAGE_TYPES = tuple(f" <{RDF.type}> <{c}> .\n".encode() for c in (FOAF.Person, ORG.Organization, ORG.Role))
_IDENTIFIER = f"> <{DCTERMS.identifier}> ".encode()
_MEMBER = "#member"  # the post a membership with no role is in (`view._memberships`)

Watch = Callable[[Path, View], None]  # told of each part's view as it is made (a test counts them)


@dataclass(frozen=True, slots=True)
class Census:
    """What the parts' pages need to know of the other parts before any is drawn."""

    crossing: frozenset[str]  # the IRIs of the people, bodies and posts more than one part holds
    repeated: frozenset[str]  # the identifiers more than one document holds


def census(parts: list[Path]) -> Census:
    """The crossing nodes and repeated identifiers, from the type and identifier lines of the parts
    (`_lines_with`: few of the parts' lines, found without a Python test per line)."""
    first: dict[bytes, int] = {}
    crossing: set[bytes] = set()
    identifiers: dict[bytes, set[bytes]] = {}  # an identifier's N-Triples line tail -> its documents
    for k, part in enumerate(parts):
        with part.open("rb") as fh:
            for block in _blocks(fh):
                for line in _lines_with(block, _PAGE_TYPES):
                    s = line.split(b" ", 1)[0]
                    if first.setdefault(s, k) != k:
                        crossing.add(s)
                for line in _lines_with(block, (_IDENTIFIER,)):
                    if not line.endswith(_PAGE_TYPES):
                        s, _p, o = line.split(b" ", 2)
                        identifiers.setdefault(o, set()).add(s)
    # the repeated identifiers' literals, read as the N-Triples reader reads them
    lines = [b"<x:%d> <x:i> %s" % (n, o) for n, o in enumerate(identifiers) if len(identifiers[o]) > 1]
    read = read_nt(io.BytesIO(b"".join(lines)))
    return Census(
        frozenset(s[1:-1].decode() for s in crossing),
        frozenset(str(o) for _s, _p, o in read),
    )


def _blocks(fh: IO[bytes], size: int = 1 << 24) -> Iterator[bytes]:
    """The file in blocks of whole lines of about `size` bytes."""
    rest = b""
    while chunk := fh.read(size):
        rest += chunk
        cut = rest.rfind(b"\n") + 1
        if cut:
            yield rest[:cut]
            rest = rest[cut:]
    if rest:
        yield rest


def _lines_with(block: bytes, marks: tuple[bytes, ...]) -> Iterator[bytes]:
    """The lines of `block` that hold any of `marks`, each once, found by `bytes.find`: a test per
    line in Python was most of the census's time."""
    seen: set[int] = set()
    for mark in marks:
        at = block.find(mark)
        while at >= 0:
            start = block.rfind(b"\n", 0, at) + 1
            end = block.find(b"\n", at)
            end = len(block) if end < 0 else end + 1
            if start not in seen:
                seen.add(start)
                yield block[start:end]
            at = block.find(mark, end)


def _crosses(census: Census, n: Node) -> bool:
    iri = n.iri[: -len(_MEMBER)] if n.iri.endswith(_MEMBER) else n.iri
    return iri in census.crossing


class Viewed(Protocol):
    """What `merge_views` reads of a part's view: a `View`, or the share of it a part leaves."""

    @property
    def nodes(self) -> tuple[Node, ...]: ...
    @property
    def edges(self) -> tuple[Edge, ...]: ...
    @property
    def tenures(self) -> tuple[Tenure, ...]: ...
    @property
    def canonical(self) -> tuple[tuple[int, str], ...]: ...


@dataclass(frozen=True, slots=True)
class _Share:
    """What a part's view leaves for the pages that show the whole corpus: its nodes (without their
    facts, but the crossing nodes'), edges and tenures (not a `View`: a test counts the views held)."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    tenures: tuple[Tenure, ...]
    canonical: tuple[tuple[int, str], ...]


def _share(v: View, keys: ViewKeys) -> _Share:
    nodes = tuple(n if not n.facts or n.index in keys.facts else _node(n, n.index, ()) for n in v.nodes)
    return _Share(nodes, v.edges, v.tenures, v.canonical)


class _Spill:
    """The facts files' members of each part's own nodes, encoded while its view is held and kept in
    a temporary file until every part is read (the files mix nodes of every council)."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        self.held: dict[str, tuple[int, int, tuple]] = {}  # IRI -> (offset, length, what its key holds)

    def add(self, v: View, drawn: Drawn, own: Callable[[Node], bool]) -> None:
        files = FactsFiles(v)
        for n in v.nodes:
            if (n.facts or n.alt) and own(n):
                data = files.entry(n).encode("ascii")
                self.held[n.iri] = (self._fh.tell(), len(data), drawn.shared.shard([n])[0])
                self._fh.write(data)

    def text(self, iri: str) -> str:
        self._fh.flush()  # a no-op once flushed: the members are read only after every part is written
        offset, length, _shown = self.held[iri]
        return os.pread(self._fh.fileno(), length, offset).decode("ascii")


def council_pages(
    parts: list[Path], script: str, *, limit: int = DEFAULT_LIMIT, watch: Watch | None = None
) -> Iterator[Page]:
    """Every page of the graph the parts make up, a part's view at a time (the module's docstring);
    `script` is the vis-network script the network page inlines."""
    env = templates()
    found = census(parts)
    shares: list[tuple[_Share, ViewKeys]] = []
    with tempfile.TemporaryFile() as fh:
        spill = _Spill(fh)
        for part in parts:
            with part.open("rb") as nt:
                graph = read_nt(nt)
            v, keys = keyed_view(graph, tracked=found.crossing, repeated=found.repeated)
            del graph
            if watch is not None:
                watch(part, v)
            own = partial(_own, found)
            drawn = Drawn.of(v, env)
            yield from node_pages(v, drawn, own)
            spill.add(v, drawn, own)
            shares.append((_share(v, keys), keys))
            del v, drawn, keys
        whole = merge_views(shares)
        del shares
        drawn = Drawn.of(whole, env)
        crossing = partial(_crosses, found)
        yield from corpus_pages(whole, drawn, limit, script, _facts_files(whole, drawn, spill, crossing))
        yield from node_pages(whole, drawn, crossing)


def _own(found: Census, n: Node) -> bool:
    return not _crosses(found, n)


def _facts_files(v: View, drawn: Drawn, spill: _Spill, crossing: Callable[[Node], bool]) -> Iterator[Page]:
    """The facts files: each part's own nodes' members from the spill, the crossing nodes' made here,
    in the order of the merged view's nodes (`data.shard_members`)."""
    files = FactsFiles(v)
    members: list[list[Node]] = [[] for _ in range(shard_count(len(v.nodes)))]
    for n in v.nodes:
        if n.iri in spill.held or ((n.facts or n.alt) and crossing(n)):
            members[shard_of(n.ref, len(members))].append(n)

    def shown(n: Node) -> tuple:
        held = spill.held.get(n.iri)
        return held[2] if held is not None else drawn.shared.shard([n])[0]

    def text(k: int, nodes: list[Node]) -> str:
        return shard_text(k, [spill.text(n.iri) if n.iri in spill.held else files.entry(n) for n in nodes])

    for k, nodes in enumerate(members):
        yield shard_page(k, [shown(n) for n in nodes], partial(text, k, nodes))


def write_council_pages(
    out: Path, parts: list[Path], *, limit: int = DEFAULT_LIMIT, watch: Watch | None = None
) -> Path:
    """`render.write_pages` from the part files (`council_pages`); the path of `index.html`."""
    script = vis_js()
    pages = council_pages(parts, script, limit=limit, watch=watch)
    return write_stream(Path(out), pages, code_key(limit, script))


# --- the shares merged in the whole graph's order ---------------------------------------

Shares = Sequence[tuple[Viewed, ViewKeys]]


def merge_views(shares: Shares) -> View:
    """The parts' views as one, in the whole graph's order: each node once, at the least key any part
    gives it (where the whole graph's view made it), its other names and years those of every part;
    edges, tenures and the crossing nodes' facts in key order, each record's once."""
    first: dict[str, tuple[Key, int, int]] = {}  # IRI -> (least key, part, index in that part)
    seen: Counter[str] = Counter()
    for k, (v, keys) in enumerate(shares):
        for n, key in zip(v.nodes, keys.nodes, strict=True):
            seen[n.iri] += 1
            if n.iri not in first or key < first[n.iri][0]:
                first[n.iri] = (key, k, n.index)
    order = sorted(first, key=lambda iri: first[iri][0])
    index = {iri: i for i, iri in enumerate(order)}
    remaps = [[index[n.iri] for n in v.nodes] for v, _keys in shares]
    for iri, count in seen.items():
        v, _keys = shares[first[iri][1]]
        n = v.nodes[first[iri][2]]
        if count > 1 and n.page and first[iri][2] not in _keys.facts:
            raise ValueError(
                f"{iri} is in {count} parts of the graph but not in the census of crossing nodes"
            )
    facts = _merged_facts(shares, remaps)
    nodes = tuple(_merged_node(shares, first[iri], i, facts.get(i, ())) for i, iri in enumerate(order))
    nodes = _merged_alt_and_years(shares, remaps, nodes)
    return View(
        nodes,
        tuple(_merged_edges(shares, remaps)),
        tuple(_merged_tenures(shares, remaps)),
        _merged_canonical(shares, remaps, first),
    )


def _merged_node(shares: Shares, at: tuple[Key, int, int], i: int, facts: tuple) -> Node:
    return _node(shares[at[1]][0].nodes[at[2]], i, facts)


def _node(n: Node, index: int, facts: tuple[Fact, ...]) -> Node:
    """`n` at `index` with `facts`: what `dataclasses.replace` makes, without its look-ups by field
    name (every part's nodes are copied, and the merged view's made from them)."""
    return Node(index, n.iri, n.kind, n.label, n.alt, n.years, facts, n.page, n.detail, n.ref)


def _merged_alt_and_years(
    shares: Shares, remaps: list[list[int]], nodes: tuple[Node, ...]
) -> tuple[Node, ...]:
    """A node several parts hold: the union of their other names and years, and its detail as the
    whole graph gives it (a body's kind the least of its kinds, a post's "post" over "office" over
    "seat")."""
    parts: dict[int, list[Node]] = {}
    for (v, _keys), remap in zip(shares, remaps, strict=True):
        for n in v.nodes:
            parts.setdefault(remap[n.index], []).append(n)
    merged = list(nodes)
    for i, held in parts.items():
        if len(held) < 2:
            continue
        n = merged[i]
        alt = sorted({a for h in held for a in h.alt})
        years = frozenset().union(*(h.years for h in held))
        merged[i] = replace(n, alt=alt if alt != n.alt else n.alt, years=years, detail=_detail(n, held))
    return tuple(merged)


_POST_DETAIL = {"post": 0, "office": 1, "seat": 2}


def _detail(n: Node, held: list[Node]) -> str:
    if n.kind == "body":
        return min((h.detail for h in held if h.detail), default="")
    if n.kind == "post" and n.detail in _POST_DETAIL:
        return min((h.detail for h in held if h.detail in _POST_DETAIL), key=_POST_DETAIL.__getitem__)
    return n.detail


def _sources(remap: list[int], memo: dict[int, tuple[list[int], list[int]]], sources: list[int]) -> list[int]:
    """A list of documents in the merged view's indices, made once per list (facts share them)."""
    hit = memo.get(id(sources))
    if hit is None:
        hit = memo[id(sources)] = (sources, [remap[d] for d in sources])
    return hit[1]


def _merged_facts(shares: Shares, remaps: list[list[int]]) -> dict[int, tuple[Fact, ...]]:
    """The crossing nodes' facts from every part, in key order, a record's once; a post's link to its
    body with its first tenure only (`view._membership_facts`)."""
    keyed: dict[int, list[tuple[Key, Fact]]] = {}
    for (v, keys), remap in zip(shares, remaps, strict=True):
        memo: dict[int, tuple[list[int], list[int]]] = {}
        for i, fact_keys in keys.facts.items():
            for key, f in zip(fact_keys, v.nodes[i].facts, strict=True):
                other = None if f.other is None else remap[f.other]
                sources = _sources(remap, memo, f.sources)
                moved = Fact(f.relation, other, f.other_label, f.dates, f.years, f.note, f.evidence, sources)
                keyed.setdefault(remap[i], []).append((key, moved))
    merged: dict[int, tuple[Fact, ...]] = {}
    for i, items in keyed.items():
        items.sort(key=lambda kf: kf[0])
        kept: list[Fact] = []
        last: Key | None = None
        linked = False
        for key, f in items:
            if key == last or (f.relation == "post in" and f.evidence == [] and linked):
                continue
            linked = linked or (f.relation == "post in" and f.evidence == [])
            kept.append(f)
            last = key
        merged[i] = tuple(kept)
    return merged


def _merged_edges(shares: Shares, remaps: list[list[int]]) -> list[Edge]:
    keyed: list[tuple[Key, Edge]] = []
    for (v, keys), remap in zip(shares, remaps, strict=True):
        keyed.extend(
            (key, (remap[a], remap[b], label, y0, y1))
            for key, (a, b, label, y0, y1) in zip(keys.edges, v.edges, strict=True)
        )
    keyed.sort(key=lambda ke: ke[0])
    edges: list[Edge] = []
    last: Key | None = None
    linked: set[int] = set()
    for key, e in keyed:
        if key == last or (e[2] == "in" and e[0] in linked):
            continue
        if e[2] == "in":
            linked.add(e[0])
        edges.append(e)
        last = key
    return edges


def _merged_tenures(shares: Shares, remaps: list[list[int]]) -> list[Tenure]:
    keyed: list[tuple[Key, Tenure]] = []
    for (v, keys), remap in zip(shares, remaps, strict=True):
        memo: dict[int, tuple[list[int], list[int]]] = {}
        keyed.extend(
            (
                key,
                Tenure(
                    remap[t.person],
                    remap[t.role],
                    remap[t.org],
                    t.start,
                    t.end,
                    t.attested,
                    t.interim,
                    t.evidence,
                    _sources(remap, memo, t.sources),
                    stated=t.stated,
                ),
            )
            for key, t in zip(keys.tenures, v.tenures, strict=True)
        )
    keyed.sort(key=lambda kt: kt[0])
    return [t for _key, t in keyed]


def _merged_canonical(
    shares: Shares, remaps: list[list[int]], first: dict[str, tuple[Key, int, int]]
) -> tuple[tuple[int, str], ...]:
    """Each post's canonical role, as the part that made the post first read it."""
    canonical: dict[int, str] = {}
    for k, ((v, _keys), remap) in enumerate(zip(shares, remaps, strict=True)):
        for i, role in v.canonical:
            if first[v.nodes[i].iri][1] == k:
                canonical[remap[i]] = role
    return tuple(sorted(canonical.items()))
