"""Files out: facts files, graph.ttl, graph.nt, problems.jsonl, the persistent store.

Every file is written to a temporary name in the same folder and renamed into place,
so a crash never leaves a half-written output, and a reader never sees one.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from extract.records import DocumentResult, Fact, Problem, fact_from_json
from graph.core.triples import turtle_from_nt

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
                problems.append(
                    Problem(
                        doc_id=data["doc_id"], stage=data["stage"], code=data["code"], message=data["message"]
                    )
                )
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
    """graph.nt (the sorted N-Triples `nt`, `graph.core.triples.nt_bytes`) and graph.ttl (Turtle of those
    lines: subjects and predicates sorted). graph.ttl is written first, so a graph.nt that already
    holds these lines means graph.ttl was written from them: neither is written again."""
    path = out / "graph.nt"
    digest, lines = hashlib.sha256(nt).hexdigest(), nt.count(b"\n")
    try:
        old = path.read_bytes()
    except OSError:
        old = None
    if old == nt and (out / "graph.ttl").is_file():
        return GraphChange(digest, lines)
    write_atomic(out / "graph.ttl", turtle_from_nt(nt))
    write_atomic(path, nt)
    if old is None:
        return GraphChange(digest, lines)
    # lines compared as bytes (a third faster than decoding both files first); only the few that differ are decoded
    before, after = set(old.split(b"\n")), set(nt.split(b"\n"))
    before.discard(b"")
    after.discard(b"")
    return GraphChange(
        digest,
        lines,
        old_digest=hashlib.sha256(old).hexdigest(),
        removed=tuple(sorted(x.decode("utf-8") for x in before - after)),
        added=tuple(sorted(x.decode("utf-8") for x in after - before)),
    )


def write_graph_files(out: Path, nt: bytes, store: bool) -> str:
    """graph.ttl and graph.nt from the N-Triples `nt`, then (`store`) the store, each only when it
    does not already hold them; the SHA-256 of `nt`."""
    change = write_graph(out, nt)
    if store:
        write_store(out, if_changed=True, change=change)
    return change.digest


def graph_files_hold(out: Path, nt: bytes, store: bool) -> bool:
    """graph.nt holds `nt` (so graph.ttl was written from it) and (`store`) the store was loaded from it."""
    try:
        if not (out / "graph.ttl").is_file() or (out / "graph.nt").read_bytes() != nt:
            return False
    except OSError:
        return False
    return not store or store_digest(out) == hashlib.sha256(nt).hexdigest()


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# a change of more lines than this share of the graph is loaded whole rather than applied line by line
STORE_UPDATE_SHARE = 0.2
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
    digest = change.digest if change is not None else _digest(out / "graph.nt")
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
    """The whole of graph.nt into a new store beside `target`, then swapped in."""
    import shutil

    import pyoxigraph

    tmp = out / ".store.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    store = pyoxigraph.Store(str(tmp))
    store.bulk_load(path=str(out / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)
