"""Files out: facts files, graph.ttl, graph.nt, problems.jsonl, the persistent store.

Every file is written to a temporary name in the same folder and renamed into place,
so a crash never leaves a half-written output, and a reader never sees one.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import itertools
import json
import os
import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from extract.records import DocumentResult, Fact, Problem, fact_from_json
from graph.core.triples import TURTLE_PREFIXES, turtle_from_nt

_UMASK = os.umask(0)
os.umask(_UMASK)


class BuildLocked(RuntimeError):
    pass


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file written beside `path` and renamed over it once whole: a killed build leaves the old file or
    the new one, never half of one (and a `.*.tmp` the next build removes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes owner-only files; outputs are ordinary files
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    with atomic_file(path) as fh:
        fh.write(data)


@contextlib.contextmanager
def build_lock(out: Path, wait: bool = False) -> Iterator[None]:
    """One build at a time into `out`: a second one refuses (or waits) instead of mixing outputs."""
    out.mkdir(parents=True, exist_ok=True)
    fh = (out / ".lock").open("w")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise BuildLocked(
                f"E400 another councilgraph build is writing into {out}; "
                "wait for it to finish (or use --wait)"
            ) from exc
        yield
    finally:
        fh.close()


def facts_path(out: Path, doc_id: str) -> Path:
    return out / "facts" / (doc_id.replace("/", "__") + ".jsonl")


def write_facts(out: Path, result: DocumentResult, extractor_version: str) -> None:
    header = {**result.header(), "extractor": extractor_version}
    lines = [json.dumps(header, ensure_ascii=False, sort_keys=True)]
    lines += [json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in result.facts]
    lines += [
        json.dumps({"type": "problem", **asdict(p)}, ensure_ascii=False, sort_keys=True)
        for p in result.problems
    ]
    write_atomic(facts_path(out, result.document.doc_id), ("\n".join(lines) + "\n").encode("utf-8"))


def read_facts(path: Path, strings: dict[str, str] | None = None) -> tuple[dict, list[Fact], list[Problem]]:
    """A facts file's header, facts and problems. With `strings` (a memo the caller keeps across
    files), each text of a fact is the one object for all equal texts: the facts read from one
    sentence each carry it as their evidence, and the same names, rules and dates recur in every
    file (half the facts' memory at 10,000 documents, docs/scaling.md)."""
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
                problems.append(
                    Problem(
                        doc_id=data["doc_id"], stage=data["stage"], code=data["code"], message=data["message"]
                    )
                )
            else:
                if strings is not None:
                    _share_strings(data, strings)
                facts.append(fact_from_json(data))
    return header, facts, problems


def _share_strings(data: dict, strings: dict[str, str]) -> None:
    """Each str value of `data` (and of the dicts and lists in it) replaced by the equal one in
    `strings`, which keeps the first of each."""
    for key, value in data.items():
        kind = type(value)
        if kind is str:
            data[key] = strings.setdefault(value, value)
        elif kind is dict:
            _share_strings(value, strings)
        elif kind is list:
            data[key] = [strings.setdefault(x, x) if type(x) is str else x for x in value]


def read_header(path: Path) -> dict | None:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.loads(fh.readline())
    except (OSError, ValueError):
        return None


def file_state(path: Path) -> str:
    """The file's inode, size, modification and change times ("" for no file): a state unchanged since
    a digest was taken means the bytes it was taken of, as git trusts its index. A build replaces a file
    whole (a new inode); any write in place moves the change time, which no program can set back."""
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def read_json(path: Path) -> Any:
    """A JSON file the build wrote for itself, or None when it is missing or unreadable."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


class StateMemo:
    """Values worked out from files' bytes (a digest, a header's council), kept in a JSON file by each file's
    state (`file_state`): a file whose state has not moved is neither opened nor hashed again. The caller
    puts what this build found in `seen`; `save` writes it when it differs from what was kept."""

    def __init__(self, path: Path, width: int) -> None:
        found = read_json(path)
        self.path = path
        self._kept: dict = found if isinstance(found, dict) else {}
        self._width = width  # values per file, after its state
        self.seen: dict[str, list] = {}

    def kept(self, file: Path) -> tuple[str, list | None]:
        """FILE's state now, and the values kept for it when that state has not moved (else None)."""
        state, hit = file_state(file), self._kept.get(str(file))
        if state and isinstance(hit, list) and len(hit) == self._width + 1 and hit[0] == state:
            return state, hit[1:]
        return state, None

    def save(self) -> None:
        if self.seen != self._kept:
            write_atomic(self.path, json.dumps(self.seen, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def read_kept(path: Path) -> Any:
    """What `write_kept` wrote, or None when it is missing or cannot be read back (a file of another
    version of the code, a truncated one): the caller then makes it again."""
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None


def write_kept(path: Path, value: object) -> None:
    """A value the graph stages keep between builds (`graph.run.bycouncil.GraphCache`), pickled and
    renamed into place. Only the build reads it back, from its own output folder."""
    write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def write_problems(out: Path, problems: list[Problem]) -> None:
    lines = [
        json.dumps(
            {"path": p.doc_id, "stage": p.stage, "code": p.code, "message": p.message, "line": p.line()},
            ensure_ascii=False,
            sort_keys=True,
        )
        for p in problems
    ]
    write_atomic(out / "problems.jsonl", ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))


@dataclass(frozen=True, slots=True)
class GraphChange:
    """What `write_graph` left in graph.nt (its sha256 and line count) and, when it replaced another
    graph.nt, that file's sha256 and the lines removed and added, so the store can follow by the
    difference without reading graph.nt again."""

    digest: str
    lines: int
    old_digest: str | None = None
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


def write_graph(out: Path, nt: bytes) -> GraphChange:
    """graph.nt (the sorted N-Triples `nt`, `graph.core.triples.nt_bytes`) and graph.ttl, as
    `write_graph_from` writes them from a file."""
    fd, tmp = tempfile.mkstemp(dir=out, prefix=".graph.nt.", suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(nt)
    return write_graph_from(out, Path(tmp), hashlib.sha256(nt).hexdigest(), nt.count(b"\n"))


def write_graph_from(out: Path, tmp: Path, digest: str, lines: int) -> GraphChange:
    """graph.nt from `tmp` (sorted N-Triples, `graph.core.triples.nt_chunks`, whose SHA-256 is
    `digest`, renamed into place) and graph.ttl (Turtle of those lines: subjects and predicates
    sorted). graph.ttl is written first, so a graph.nt that already holds these lines means
    graph.ttl was written from them: neither is written again. Each file is read and written a
    block at a time: held whole, graph.nt and its lines were most of the writer's 2.4 GB at
    10,000 documents."""
    path = out / "graph.nt"
    old_digest = file_digest(path) if path.is_file() else None
    if old_digest == digest and (out / "graph.ttl").is_file():
        tmp.unlink()
        return GraphChange(digest, lines)
    try:
        _write_turtle(out / "graph.ttl", tmp)
        change = _change(path, tmp, lines) if old_digest is not None else ([], [])
        with tmp.open("rb+") as fh:
            os.fchmod(fh.fileno(), 0o666 & ~_UMASK)
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if change is None:  # too many lines changed to follow them: the store is loaded whole
        return GraphChange(digest, lines)
    removed, added = change
    return GraphChange(digest, lines, old_digest=old_digest, removed=tuple(removed), added=tuple(added))


def _write_turtle(path: Path, nt: Path) -> None:
    """graph.ttl from the sorted N-Triples file `nt` (`turtle_from_nt`'s bytes), streamed."""
    if nt.stat().st_size == 0:
        write_atomic(path, turtle_from_nt(b""))
        return
    import pyoxigraph

    with atomic_file(path) as fh:
        quads = pyoxigraph.parse(path=str(nt), format=pyoxigraph.RdfFormat.N_TRIPLES)
        pyoxigraph.serialize(quads, fh, format=pyoxigraph.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)


def _change(old: Path, new: Path, lines: int) -> tuple[list[str], list[str]] | None:
    """The lines of the sorted N-Triples file `old` not in `new` and those of `new` not in `old`,
    by one walk through both; None once they are more than the store follows line by line
    (`STORE_UPDATE_SHARE`, and at least `CHANGE_LINES`, which a small graph's change is given whole).
    Lines end at newlines only: a literal may hold characters Python counts as line breaks (U+2028,
    U+0085), which N-Triples leaves raw."""
    limit = max(STORE_UPDATE_SHARE * lines, CHANGE_LINES)
    removed: list[str] = []
    added: list[str] = []
    with old.open("rb") as a, new.open("rb") as b:
        x, y = a.readline(), b.readline()
        while x or y:
            if x == y:
                x, y = a.readline(), b.readline()
                continue
            if y == b"" or (x != b"" and x[:-1] < y[:-1]):
                removed.append(x.rstrip(b"\n").decode("utf-8"))
                x = a.readline()
            else:
                added.append(y.rstrip(b"\n").decode("utf-8"))
                y = b.readline()
            if len(removed) + len(added) > limit:
                return None
    return removed, added


def file_digest(path: Path) -> str:
    """The file's SHA-256, read a block at a time."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# a change of more lines than this share of the graph is loaded whole rather than applied line by line
STORE_UPDATE_SHARE = 0.2
# the lines removed and added that a change of graph.nt is given whole, however small the graph
CHANGE_LINES = 10_000
# graph.nt lines handed to the store's bulk loader at a time (its memory grows with them)
LOAD_LINES = 100_000
# stamps in the build folder, each written after what it vouches for: the sha256 of the graph.nt the
# store was loaded from, and the key (`graph.pages.site._source_key`) the pages were rendered from
STORE_STAMP = ".store.sha256"
HTML_STAMP = ".html.sha256"


def store_digest(out: Path) -> str | None:
    """The sha256 of the graph.nt the store in DIR/store holds (DIR/.store.sha256), or None."""
    stamp = out / STORE_STAMP
    try:
        return stamp.read_text(encoding="utf-8").strip() if (out / "store").is_dir() else None
    except OSError:
        return None


def write_store(out: Path, *, if_changed: bool = False, change: GraphChange | None = None) -> Path:
    """A persistent Oxigraph store in DIR/store, loaded from graph.nt, so queries need no re-parse.
    `if_changed`: keep the store when it was loaded from a graph.nt with the same bytes (DIR/.store.sha256,
    written after the store is swapped in or updated, so a build killed in between loads it again).
    `change`: the lines `write_graph` removed and added; when the store holds the graph.nt they were
    taken from, they are applied in one transaction (`DELETE DATA`/`INSERT DATA`) instead of loading
    the whole file, and the store is checked to hold as many triples as graph.nt has lines."""
    target = out / "store"
    stamp = out / STORE_STAMP
    digest = change.digest if change is not None else file_digest(out / "graph.nt")
    held = store_digest(out)
    if if_changed and held == digest:
        return target
    with contextlib.suppress(OSError):
        stamp.unlink()
    if (
        change is not None
        and change.old_digest is not None
        and held == change.old_digest
        and _apply_change(target, change)
    ):
        write_atomic(stamp, (digest + "\n").encode())
        return target
    _load_store(out, target)
    write_atomic(stamp, (digest + "\n").encode())
    return target


def _apply_change(target: Path, change: GraphChange) -> bool:
    """Apply `change` to the store in `target`; False (store left for a whole load) when the change
    is large, the store cannot be opened (a server holds it) or the result does not add up."""
    import pyoxigraph

    if len(change.removed) + len(change.added) > STORE_UPDATE_SHARE * max(change.lines, 1):
        return False
    try:
        store = pyoxigraph.Store(str(target))
        update = []
        if change.removed:
            update.append("DELETE DATA {\n" + "\n".join(change.removed) + "\n}")
        if change.added:
            update.append("INSERT DATA {\n" + "\n".join(change.added) + "\n}")
        if update:
            store.update(" ;\n".join(update))
        store.flush()
        ok = len(store) == change.lines
        del store
        return ok
    except (OSError, SyntaxError, ValueError, RuntimeError):
        return False


def _load_store(out: Path, target: Path) -> None:
    """The whole of graph.nt into a new store beside `target`, then swapped in. Loaded
    `LOAD_LINES` lines at a time: Oxigraph's bulk loader holds what it is given, and the whole
    graph.nt at once took 1.2 GB at 10,000 documents."""
    import shutil

    import pyoxigraph

    tmp = out / ".store.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    store = pyoxigraph.Store(str(tmp))
    with (out / "graph.nt").open("rb") as nt:
        while chunk := b"".join(itertools.islice(nt, LOAD_LINES)):
            store.bulk_load(chunk, pyoxigraph.RdfFormat.N_TRIPLES)
    store.optimize()  # one load per block leaves more, smaller files: queries joined a third slower
    store.flush()
    del store
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)
