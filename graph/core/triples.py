"""The graph as the build holds it: a set of rdflib triples in insertion order, and its two
file forms (sorted N-Triples, Turtle).

rdflib's in-memory `Graph` keeps three indexes and a context map per triple: adding the
160,000 triples of a 1,000-document corpus cost some 8 s, and serialising them as Turtle
7 s more, most of a rebuild after one changed document. The build only ever adds triples,
asks `value(s, p)` and iterates, so it keeps one dict of (subject, predicate) -> objects;
N-Triples lines are written with rdflib's own term forms (memoised per term), and Turtle by
Oxigraph's serializer from those lines (Rust: 0.4 s). `to_rdflib()` gives a `Graph` for
callers that query it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import BinaryIO

import pyoxigraph
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.term import Node

from graph.core.namespaces import PREFIXES, VOCABULARY

Triple = tuple[Node, Node, Node]


class Triples:
    """A graph that only grows: `add`, `value`, `objects`, `subjects`, `in`, `len`, iteration in the
    order subjects were first added.

    Held as subject -> predicate -> object, where a pair with one object (1.16 of the 1.2 million
    pairs at 10,000 documents) keeps the term itself and only a pair with several keeps a dict of
    them (insertion order). A dict per (subject, predicate) pair, keyed by a tuple, cost about 300
    bytes a pair, a third of the graph stages' memory (docs/scaling.md)."""

    __slots__ = ("_subjects", "_size")

    def __init__(self) -> None:
        self._subjects: dict[Node, dict[Node, Node | dict[Node, None]]] = {}
        self._size = 0

    def add(self, triple: Triple) -> None:
        s, p, o = triple
        predicates = self._subjects.get(s)
        if predicates is None:
            predicates = self._subjects[s] = {}
        held = predicates.get(p)
        if held is None:
            predicates[p] = o
        elif isinstance(held, dict):
            if o in held:
                return
            held[o] = None
        elif held is o or held == o:
            return
        else:
            predicates[p] = {held: None, o: None}
        self._size += 1

    def value(self, s: Node, p: Node) -> Node | None:
        """The first object of (s, p), or None."""
        held = self._subjects.get(s, _NONE).get(p)
        return next(iter(held)) if isinstance(held, dict) else held

    def by_subject(self) -> Mapping[Node, Mapping[Node, Node | dict[Node, None]]]:
        """subject -> predicate -> its object, or a dict of its objects in insertion order when it has
        several (`objects_of` reads either); a view: read it, do not change it."""
        return self._subjects

    def objects(self, s: Node, p: Node) -> Iterator[Node]:
        return iter(objects_of(self._subjects.get(s, _NONE).get(p)))

    def subjects(self, p: Node, o: Node) -> Iterator[Node]:
        """Subjects with (p, o), each once (a scan: for counts at the end of a build, not in loops)."""
        return iter([s for s, predicates in self._subjects.items() if o in objects_of(predicates.get(p))])

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in objects_of(self._subjects.get(s, _NONE).get(p))

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Triple]:
        for s, predicates in self._subjects.items():
            for p, held in predicates.items():
                for o in objects_of(held):
                    yield s, p, o

    def to_rdflib(self) -> Graph:
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns, override=True)
        g.addN((s, p, o, g) for s, p, o in self)
        return g


_NONE: Mapping[Node, Node | dict[Node, None]] = MappingProxyType({})


def objects_of(held: Node | dict[Node, None] | None) -> Collection[Node]:
    """The objects of a pair as `Triples.by_subject` holds them: none, one term, or a dict of terms."""
    if held is None:
        return ()
    return held if type(held) is dict else (held,)  # type: ignore[return-value]


class _Forms:
    """Each term as rdflib's N-Triples serializer writes it, formatted once however often it is met."""

    def __init__(self) -> None:
        self._forms: dict[Node, str] = {}

    def __call__(self, term: Node) -> str:
        text = self._forms.get(term)
        if text is None:
            text = self._forms[term] = _quoteLiteral(term) if isinstance(term, Literal) else term.n3()
        return text


def nt_lines(triples: Iterable[Triple]) -> list[bytes]:
    """Sorted, distinct N-Triples lines (UTF-8, without newline), each term written as rdflib's
    N-Triples serializer writes it. UTF-8 bytes sort as their code points do, so the order is the
    order of the strings."""
    if isinstance(triples, Triples):
        return [line for chunk in nt_chunks(triples) for line in chunk.split(b"\n")[:-1]]
    form = _Forms()
    return sorted({f"{form(s)} {form(p)} {form(o)} .".encode() for s, p, o in triples})


def nt_chunks(triples: Triples, size: int = 1 << 20) -> Iterator[bytes]:
    """The sorted, distinct N-Triples lines of `triples`, each ending in a newline, in chunks of
    about `size` bytes: the lines of `nt_lines`, made a subject at a time so that no list of every
    line is held (at 10,000 documents the lines, their set and their join were 1.2 GB).

    A subject's lines are sorted as (predicate, object) forms. That is the order of the whole lines:
    no subject, predicate or object form is a proper prefix of another of its place but where the
    longer goes on with a character above the space that follows a whole form (an IRI ends at `>`,
    a literal's text at its closing quote, before `@` or `^^`)."""
    form = _Forms()
    by_form: dict[str, list[Node]] = {}
    for s in triples.by_subject():
        by_form.setdefault(form(s), []).append(s)
    subjects = triples.by_subject()
    chunk: list[bytes] = []
    length = 0
    for head in sorted(by_form):
        pairs = {
            (form(p), form(o))
            for s in by_form[head]
            for p, held in subjects[s].items()
            for o in objects_of(held)
        }
        lines = "".join([f"{head} {p} {o} .\n" for p, o in sorted(pairs)]).encode()
        chunk.append(lines)
        length += len(lines)
        if length >= size:
            yield b"".join(chunk)
            chunk, length = [], 0
    if chunk:
        yield b"".join(chunk)


def nt_bytes(triples: Iterable[Triple]) -> bytes:
    """Sorted, de-duplicated N-Triples (UTF-8): one line per triple, so two builds diff line by line."""
    if isinstance(triples, Triples):
        return b"".join(nt_chunks(triples))
    lines = nt_lines(triples)
    if not lines:
        return b""
    lines.append(b"")  # the last line ends with a newline too
    return b"\n".join(lines)


# the contract's prefixes for Turtle; entity IRIs (id:) stay whole: their local names hold slashes
TURTLE_PREFIXES = {p: str(ns) for p, ns in sorted(PREFIXES.items()) if p != "id"} | {
    "owl": "http://www.w3.org/2002/07/owl#"
}


def turtle_from_nt(nt: bytes) -> bytes:
    """Turtle from sorted N-Triples: subjects in order, each with its predicates and objects
    grouped (`;`, `,`), the contract's prefixes declared. The same lines give the same bytes."""
    if not nt.strip():
        return b"".join(f"@prefix {p}: <{ns}> .\n".encode() for p, ns in TURTLE_PREFIXES.items())
    quads = pyoxigraph.parse(nt, format=pyoxigraph.RdfFormat.N_TRIPLES)
    turtle = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    assert turtle is not None  # serialize returns the bytes when given no file to write to
    return turtle


def turtle_bytes(triples: Iterable[Triple]) -> bytes:
    return turtle_from_nt(nt_bytes(triples))


def read_nt(fh: BinaryIO) -> Triples:
    """The graph of an N-Triples file the build wrote (graph.nt, or the merged parts of the graph stages
    by council), as the build held it: one term per form, and the vocabulary's own term for each IRI of
    `graph.core.namespaces`. The pages' view looks terms up by the vocabulary's objects: an equal term
    that is not the same object is found only through rdflib's `__eq__`, a Python call per look-up, and
    rdflib's parser makes a new term per mention (docs/pages.md has the cost)."""
    graph = Triples()
    terms: dict[bytes, Node] = {f"<{t}>".encode(): t for t in VOCABULARY}
    for line in fh:  # "<s> <p> o .\n": an IRI holds no "> "
        p_at = line.index(b"> ") + 2
        o_at = line.index(b"> ", p_at) + 2
        s, p, o = line[: p_at - 1], line[p_at : o_at - 1], line[o_at:-3]
        graph.add(
            (
                terms.get(s) or _term(s, terms),
                terms.get(p) or _term(p, terms),
                terms.get(o) or _term(o, terms),
            )
        )
    return graph


def _term(form: bytes, terms: dict[bytes, Node]) -> Node:
    """The term an N-Triples form (an IRI or a literal, as `graph.core.triples` writes them) stands for."""
    term = terms[form] = _parse_term(form.decode("utf-8"))
    return term


_UNESCAPE = {"\\\\": "\\", "\\n": "\n", '\\"': '"', "\\r": "\r"}  # rdflib's `_quote_encode`, undone
_ESCAPED = re.compile(r'\\[\\nr"]')


def _parse_term(form: str) -> Node:
    if form.startswith("<"):
        return URIRef(form[1:-1])
    end = form.rindex('"')
    text = _ESCAPED.sub(lambda m: _UNESCAPE[m.group()], form[1:end])
    tail = form[end + 1 :]
    if tail.startswith("^^<"):
        return Literal(text, datatype=URIRef(tail[3:-1]))
    return Literal(text, lang=tail[1:] or None)
