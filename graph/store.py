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
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.records import DocumentResult, Fact, Problem, fact_from_json
from graph.triples import Triple, nt_bytes, turtle_from_nt

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


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def write_graph(out: Path, graph: Iterable[Triple]) -> bool:
    """graph.nt (sorted lines) and graph.ttl (Turtle of those lines: subjects and predicates sorted);
    True when graph.nt changed (the store is loaded from it). graph.ttl is written first, so a
    graph.nt that already holds these lines means graph.ttl was written from them: neither is
    written again."""
    nt = nt_bytes(graph)
    if _holds(out / "graph.nt", nt) and (out / "graph.ttl").is_file():
        return False
    write_atomic(out / "graph.ttl", turtle_from_nt(nt))
    write_atomic(out / "graph.nt", nt)
    return True


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
