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

from collections.abc import Collection, Iterable, Iterator, Mapping

import pyoxigraph
from rdflib import Graph, Literal
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.term import Node

from graph.core.namespaces import PREFIXES

Triple = tuple[Node, Node, Node]


class Triples:
    """A graph that only grows: `add`, `value`, `subjects`, `in`, `len`, iteration in insertion order."""

    __slots__ = ("_objects", "_size")

    def __init__(self) -> None:
        self._objects: dict[tuple[Node, Node], dict[Node, None]] = {}
        self._size = 0

    def add(self, triple: Triple) -> None:
        s, p, o = triple
        objects = self._objects.get((s, p))
        if objects is None:
            objects = self._objects[(s, p)] = {}
        if o not in objects:
            objects[o] = None
            self._size += 1

    def value(self, s: Node, p: Node) -> Node | None:
        """The first object of (s, p), or None."""
        objects = self._objects.get((s, p))
        return next(iter(objects)) if objects else None

    def by_subject_predicate(self) -> Mapping[tuple[Node, Node], Collection[Node]]:
        """(subject, predicate) -> its objects in insertion order (a view: read it, do not change it)."""
        return self._objects

    def objects(self, s: Node, p: Node) -> Iterator[Node]:
        return iter(tuple(self._objects.get((s, p), ())))

    def subjects(self, p: Node, o: Node) -> Iterator[Node]:
        """Subjects with (p, o), each once (a scan: for counts at the end of a build, not in loops)."""
        return iter(dict.fromkeys(s for (s, q), objects in self._objects.items() if q == p and o in objects))

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in self._objects.get((s, p), ())

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Triple]:
        for (s, p), objects in self._objects.items():
            for o in objects:
                yield s, p, o

    def to_rdflib(self) -> Graph:
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns, override=True)
        g.addN((s, p, o, g) for s, p, o in self)
        return g


def nt_lines(triples: Iterable[Triple]) -> list[bytes]:
    """Sorted, distinct N-Triples lines (UTF-8, without newline), each term written as rdflib's
    N-Triples serializer writes it; a term met again is not formatted again.

    Lines are encoded one by one: a line of ASCII takes a byte a character, where one joined
    `str` takes four for every character once a single one lies beyond U+FFFF, and the encode of
    a whole graph copies it again (five times graph.nt's size at the peak, against about twice).
    UTF-8 bytes sort as their code points do, so the order is the order of the strings."""
    forms: dict[Node, str] = {}

    def form(term: Node) -> str:
        text = forms.get(term)
        if text is None:
            text = forms[term] = _quoteLiteral(term) if isinstance(term, Literal) else term.n3()
        return text

    if isinstance(triples, Triples):  # a subject and predicate written once for all their objects
        lines: set[bytes] = set()
        for (s, p), objects in triples.by_subject_predicate().items():
            head = f"{form(s)} {form(p)} "
            lines.update(f"{head}{form(o)} .".encode() for o in objects)
        return sorted(lines)
    return sorted({f"{form(s)} {form(p)} {form(o)} .".encode() for s, p, o in triples})


def nt_bytes(triples: Iterable[Triple]) -> bytes:
    """Sorted, de-duplicated N-Triples (UTF-8): one line per triple, so two builds diff line by line."""
    lines = nt_lines(triples)
    if not lines:
        return b""
    lines.append(b"")  # the last line ends with a newline too
    return b"\n".join(lines)


# the contract's prefixes for Turtle; entity IRIs (id:) stay whole: their local names hold slashes
_TURTLE_PREFIXES = {p: str(ns) for p, ns in sorted(PREFIXES.items()) if p != "id"} | {
    "owl": "http://www.w3.org/2002/07/owl#"
}


def turtle_from_nt(nt: bytes) -> bytes:
    """Turtle from sorted N-Triples: subjects in order, each with its predicates and objects
    grouped (`;`, `,`), the contract's prefixes declared. The same lines give the same bytes."""
    if not nt.strip():
        return b"".join(f"@prefix {p}: <{ns}> .\n".encode() for p, ns in _TURTLE_PREFIXES.items())
    quads = pyoxigraph.parse(nt, format=pyoxigraph.RdfFormat.N_TRIPLES)
    turtle = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TURTLE, prefixes=_TURTLE_PREFIXES)
    assert turtle is not None  # serialize returns the bytes when given no file to write to
    return turtle


def turtle_bytes(triples: Iterable[Triple]) -> bytes:
    return turtle_from_nt(nt_bytes(triples))
