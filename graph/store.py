"""Files out: facts files, graph.ttl, graph.nt, problems.jsonl, the persistent store.

Every file is written to a temporary name in the same folder and renamed into place,
so a crash never leaves a half-written output, and a reader never sees one.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import split_uri
from rdflib.plugins.serializers.longturtle import LongTurtleSerializer

from extract.records import DocumentResult, Fact, Problem, fact_from_json

_UMASK = os.umask(0)
os.umask(_UMASK)


class BuildLocked(RuntimeError):
    pass


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes owner-only files; outputs are ordinary files
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def build_lock(out: Path, wait: bool = False) -> Iterator[None]:
    """One build at a time into `out`: a second one refuses (or waits) instead of mixing outputs."""
    out.mkdir(parents=True, exist_ok=True)
    fh = (out / ".lock").open("w")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise BuildLocked(f"E400 another councilgraph build is writing into {out}; "
                              "wait for it to finish (or use --wait)") from exc
        yield
    finally:
        fh.close()


def facts_path(out: Path, doc_id: str) -> Path:
    return out / "facts" / (doc_id.replace("/", "__") + ".jsonl")


def write_facts(out: Path, result: DocumentResult, extractor_version: str) -> None:
    header = {**result.header(), "extractor": extractor_version}
    lines = [json.dumps(header, ensure_ascii=False, sort_keys=True)]
    lines += [json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in result.facts]
    lines += [json.dumps({"type": "problem", "doc_id": p.doc_id, "stage": p.stage, "code": p.code,
                          "message": p.message}, ensure_ascii=False, sort_keys=True) for p in result.problems]
    write_atomic(facts_path(out, result.document.doc_id), ("\n".join(lines) + "\n").encode("utf-8"))


def read_facts(path: Path) -> tuple[dict, list[Fact], list[Problem]]:
    header: dict = {}
    facts: list[Fact] = []
    problems: list[Problem] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            data = json.loads(line)
            if data["type"] == "document":
                header = data
            elif data["type"] == "problem":
                problems.append(Problem(doc_id=data["doc_id"], stage=data["stage"], code=data["code"],
                                        message=data["message"]))
            else:
                facts.append(fact_from_json(data))
    return header, facts, problems


def read_header(path: Path) -> dict | None:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.loads(fh.readline())
    except (OSError, ValueError):
        return None


def write_problems(out: Path, problems: list[Problem]) -> None:
    lines = [json.dumps({"path": p.doc_id, "stage": p.stage, "code": p.code, "message": p.message,
                         "line": p.line()}, ensure_ascii=False, sort_keys=True) for p in problems]
    write_atomic(out / "problems.jsonl", ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))


class _LongTurtle(LongTurtleSerializer):
    """rdflib's `longturtle`, byte for byte, with its prefixed-name lookup memoised.

    rdflib asks its namespace manager for every IRI each time it is seen (subject, object,
    datatype); a lookup that fails (an entity IRI: nearly all of them) is never cached and
    grows a trie of namespaces on the way, so writing slowed more than linearly with the
    graph (49 s for 160,000 triples; 3 s here). An IRI that cannot have a prefixed name is
    told without asking (`_may_have_prefix`, rdflib's own rule), every other answer is kept,
    and a lookup that may bind a new prefix (a predicate's) re-reads the bindings."""

    def reset(self):
        super().reset()
        self._pnames: dict = {}
        self._bound: tuple[str, ...] | None = None

    def _may_have_prefix(self, uri: str) -> bool:
        """False when rdflib's lookup (without generating a prefix) must fail: it splits the IRI
        where its local name starts and looks for a bound namespace that is at least that split
        and a prefix of the IRI (or the whole IRI when it cannot be split)."""
        try:
            split, _local = split_uri(uri)
        except ValueError:
            split = uri
        return any(ns.startswith(split) and uri.startswith(ns) for ns in self._bound)

    def get_pname(self, uri, gen_prefix=True):
        if not isinstance(uri, URIRef):
            return None
        key = (uri, gen_prefix)
        if key in self._pnames:
            return self._pnames[key]
        if self._bound is None:
            self._bound = tuple(str(ns) for _p, ns in self.store.namespaces())
        if not gen_prefix and not self._may_have_prefix(uri):
            self._pnames[key] = None
            return None
        pname = super().get_pname(uri, gen_prefix)
        if gen_prefix:  # it may have bound a prefix: re-read the namespaces, forget the misses
            bound = tuple(str(ns) for _p, ns in self.store.namespaces())
            if bound != self._bound:
                self._bound = bound
                self._pnames = {k: v for k, v in self._pnames.items() if v is not None}
        self._pnames[key] = pname
        return pname


def turtle_bytes(graph: Graph) -> bytes:
    """The graph as rdflib `longturtle` (UTF-8), the bytes `graph.serialize(format="longturtle")` gives."""
    buf = io.BytesIO()
    _LongTurtle(graph).serialize(buf, encoding="utf-8")
    return buf.getvalue()


def nt_bytes(graph: Graph) -> bytes:
    """Sorted, de-duplicated N-Triples lines (UTF-8)."""
    nt = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({ln for ln in nt.splitlines() if ln.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` atomically unless the file already holds exactly it; True when written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


def write_graph(out: Path, graph: Graph) -> bool:
    """graph.ttl (canonical Turtle: subjects and predicates sorted) and graph.nt (sorted lines).
    A file that already holds the same bytes is left alone; True when graph.nt changed (the
    store is loaded from it)."""
    write_if_changed(out / "graph.ttl", turtle_bytes(graph))
    return write_if_changed(out / "graph.nt", nt_bytes(graph))


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_store(out: Path, *, if_changed: bool = False) -> Path:
    """A persistent Oxigraph store in DIR/store, loaded from graph.nt, so queries need no re-parse.
    `if_changed`: keep the store when it was loaded from a graph.nt with the same bytes (DIR/.store.sha256,
    written after the store is swapped in, so a build killed in between loads it again)."""
    import shutil

    import pyoxigraph

    target = out / "store"
    stamp = out / ".store.sha256"
    digest = _digest(out / "graph.nt")
    if if_changed and target.is_dir() and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest:
        return target
    with contextlib.suppress(OSError):
        stamp.unlink()
    tmp = out / ".store.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    store = pyoxigraph.Store(str(tmp))
    store.bulk_load(path=str(out / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)
    write_atomic(stamp, (digest + "\n").encode())
    return target
