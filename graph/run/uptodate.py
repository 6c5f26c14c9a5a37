"""Facts files -> whether the graph stages can be skipped: a record of what the last finished build
made its graph from, and what that build reported.

A rebuild in which no facts file changed would resolve, build, serialise and diff the same graph
again only to find every output already holds it (about 7 s at 1,000 documents). The record
names the inputs of those stages (each facts file by name, size and modification time, which
change whenever the build rewrites one, atomically; the files of the graph and extract packages,
whose helpers the stages call; the library versions that shape the output; the build's options)
and the outputs they produced (graph.nt and graph.ttl by size and time, the store's and the
pages' stamps). Only when all of them still match are the stages skipped, and the build reports
the counts and problems the record kept. The record is removed before those stages write
anything and written after the last of them, so a build killed in between leaves none and the
next one redoes the stages.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import extract
from extract import extractor_key
from extract.records import Problem
from graph.core.store import HTML_STAMP, store_digest, write_atomic

RECORD = ".graph-inputs.json"
_LIBRARIES = ("rdflib", "pyoxigraph", "jinja2", "pyvis")  # they write the graph files and the pages
# the graph stages run this code: theirs, and extraction's helpers they call (names, dates, records)
_PACKAGES = (Path(__file__).resolve().parent.parent, Path(extract.__file__).resolve().parent)


@dataclass(slots=True)
class GraphRecord:
    """What one build's graph stages took in (`inputs`), left on disk (`outputs`) and reported."""

    inputs: str
    outputs: dict[str, str] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    people: int = 0
    bodies: int = 0
    triples: int = 0
    problems: list[Problem] = field(default_factory=list)


def code_key() -> str:
    """A digest of the code the graph stages run (the graph and extract packages) and of the library
    versions that shape their output: what a result they keep between builds was made by."""
    h = hashlib.sha256(extractor_key().encode())
    for package in _PACKAGES:
        for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(f"{package.name}/{path.relative_to(package)}".encode() + b"\0" + path.read_bytes())
    for name in _LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{name}={metadata.version(name)}\n".encode())
    return h.hexdigest()


def _stat(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}"


def inputs_key(facts_files: Iterable[Path], options: dict[str, object]) -> str:
    """A digest of everything the graph stages read: the facts files (name, size, mtime), the
    graph code and library versions, and the build's options."""
    h = hashlib.sha256(code_key().encode())
    h.update(json.dumps(options, sort_keys=True, default=str).encode())
    for path in sorted(facts_files):
        h.update(f"{path.name}\0{_stat(path)}\n".encode())
    return h.hexdigest()


def _outputs(out: Path, store: bool) -> dict[str, str]:
    """The outputs as they stand: graph files by size and time, the store's and the pages' stamps."""
    html_stamp = out / HTML_STAMP
    return {
        "graph.nt": _stat(out / "graph.nt"),
        "graph.ttl": _stat(out / "graph.ttl"),
        "html": html_stamp.read_text(encoding="utf-8").strip()
        if html_stamp.is_file() and (out / "html" / "index.html").is_file()
        else "",
        "store": (store_digest(out) or "") if store else "not built",
    }


def read_record(out: Path, inputs: str, store: bool) -> GraphRecord | None:
    """The last build's record when its inputs were `inputs` and its outputs are still as it left
    them; else None (the graph stages must run)."""
    try:
        data = json.loads((out / RECORD).read_text(encoding="utf-8"))
        record = GraphRecord(
            inputs=data["inputs"],
            outputs=data["outputs"],
            facts=data["facts"],
            people=data["people"],
            bodies=data["bodies"],
            triples=data["triples"],
            problems=[Problem(**p) for p in data["problems"]],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if record.inputs != inputs or record.outputs != _outputs(out, store) or "" in record.outputs.values():
        return None
    return record


def forget_record(out: Path) -> None:
    """Called before the graph stages write anything: from here the outputs may change."""
    with contextlib.suppress(FileNotFoundError):
        (out / RECORD).unlink()


def write_record(
    out: Path,
    inputs: str,
    store: bool,
    *,
    facts: Counter,
    people: int,
    bodies: int,
    triples: int,
    problems: list[Problem],
) -> None:
    """After the last graph stage: what it took in, what it left and what it reported."""
    data = {
        "inputs": inputs,
        "outputs": _outputs(out, store),
        "facts": dict(sorted(facts.items())),
        "people": people,
        "bodies": bodies,
        "triples": triples,
        "problems": [asdict(p) for p in problems],
    }
    write_atomic(out / RECORD, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
