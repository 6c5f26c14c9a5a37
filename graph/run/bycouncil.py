"""The graph stages a council at a time (issue 24): memory that follows the largest council, not the corpus.

1. The facts files are grouped by their header's council (`council_groups`; the papers with no council
   are a group of their own).
2. A first pass reads each group and keeps only its share of the joins across councils
   (`graph.core.councils.council_digest`); `council_joins` makes them into one small index, and says
   which groups must run together (rarely any: a council whose committees' body only posts name).
3. Each group is then read again, resolved with the index, its tenures attached and its triples built
   and written as a sorted N-Triples part file in a temporary folder inside OUT (`council_part`), and
   everything of it is dropped but its posts and seats in organizations several councils name, whose
   tenures are attached and written once all groups are done (`shared_part`).
4. The part files are merged in order, equal lines once (`merge_parts`), into the N-Triples file the
   graph writer takes: byte for byte the graph the whole-corpus stages wrote.

Each group's work is a function of its files and the index, so it runs in this process or as a Dask task.
It is also kept between builds (`GraphCache`, in OUT/.graph-cache): each group's share of the joins, keyed
by its facts files' digests, and each group's part file, keyed by those and by the part of the index it
reads (`graph.core.councils.joins_share`). A rebuild reads and redoes only the groups whose key changed.
The pages still draw on a view of the whole graph: it is read back from the merged file (`graph.core.triples.read_nt`).
"""

from __future__ import annotations

import hashlib
import heapq
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.records import Fact, Problem
from graph.core.build import build_triples
from graph.core.councils import (
    CouncilDigest,
    CouncilJoins,
    SharedShare,
    council_digest,
    shared_resolution,
    split_shared,
)
from graph.core.namespaces import FOAF, ORG, RDF
from graph.core.resolve import resolve
from graph.core.store import (
    StateMemo,
    file_digest,
    file_state,
    read_facts,
    read_header,
    read_kept,
    write_kept,
)
from graph.core.tenure import attach_tenures
from graph.core.triples import Triples, nt_chunks

BuildStage = Callable[..., Triples]  # `graph.core.build.build_triples`
FactsFile = tuple[dict, list[Fact], list[Problem]]  # (header, facts, problems) as `read_facts` gives them

# the tail of a line typing a person or a body, as graph.nt writes it: the merge counts them
_PERSON_TYPE = f" <{RDF.type}> <{FOAF.Person}> .\n".encode()
_BODY_TYPE = f" <{RDF.type}> <{ORG.Organization}> .\n".encode()


def council_groups(facts_files: list[Path], councils: dict[Path, str] | None = None) -> list[list[Path]]:
    """The facts files by their header's council (or as `councils` gives it, `identify`), councils in
    name order (no council: first), each group's files in the order given. Only each file's first line
    is read."""
    groups: dict[str, list[Path]] = {}
    for fpath in facts_files:
        council = councils[fpath] if councils is not None else (read_header(fpath) or {}).get("council")
        groups.setdefault(str(council or ""), []).append(fpath)
    return [groups[c] for c in sorted(groups)] or [[]]  # no files: one empty group (the graph's own triples)


def read_files(files: list[Path], cached: dict[Path, FactsFile] | None = None) -> dict[Path, FactsFile]:
    """Each facts file read (or taken from `cached`, read already), equal texts read as one object."""
    strings: dict[str, str] = {}  # (`read_facts`)
    return {f: cached[f] if cached and f in cached else read_facts(f, strings) for f in files}


def read_group(
    files: list[Path], cached: dict[Path, FactsFile] | None = None
) -> tuple[dict[str, dict], dict[str, list[Fact]], list[Problem]]:
    """The documents' headers and facts by document id, and the problems the facts files carry; a file
    read already (`cached`) is taken from there."""
    return _as_group(read_files(files, cached))


def _as_group(read: dict[Path, FactsFile]) -> tuple[dict[str, dict], dict[str, list[Fact]], list[Problem]]:
    docs: dict[str, dict] = {}
    facts_by_doc: dict[str, list[Fact]] = {}
    problems: list[Problem] = []
    for header, facts, probs in read.values():
        docs[header["doc_id"]] = header
        facts_by_doc[header["doc_id"]] = facts
        problems.extend(probs)
    return docs, facts_by_doc, problems


def digest_group(
    files: list[Path], keep: bool = False, cached: dict[Path, FactsFile] | None = None
) -> tuple[CouncilDigest, dict[Path, FactsFile]]:
    """A group's share of the joins across councils (the first pass), and with `keep` the facts files
    it read, for its graph stages to take instead of reading them again."""
    read = read_files(files, cached)
    docs, facts_by_doc, _problems = _as_group(read)
    return council_digest(docs, facts_by_doc), (read if keep else {})


@dataclass(frozen=True, slots=True)
class CouncilGraph:
    """One group's graph stages: its graph, the problems found on the way (resolve's, then tenure's),
    its posts and seats in shared organizations (for `shared_graph`), and the seconds of each stage."""

    triples: Triples
    problems: tuple[Problem, ...]
    share: SharedShare
    seconds: tuple[tuple[str, float], ...]


def council_graph(
    docs: dict[str, dict],
    facts_by_doc: dict[str, list[Fact]],
    index: CouncilJoins,
    *,
    include_private: bool,
    build: BuildStage = build_triples,
) -> CouncilGraph:
    """One council's documents and facts (or those with no council) -> its share of the corpus's graph:
    resolved with the joins across councils, tenures attached but for the shared organizations'.
    (`build` is the last stage, given by the caller: `graph.run.steps` names the one a test may replace.)"""
    started = time.perf_counter()
    res = resolve(docs, facts_by_doc, index.joins)
    local, share = split_shared(docs, facts_by_doc, res, index.shared)
    resolved = time.perf_counter()
    tenures = attach_tenures(local, res, include_private=include_private)
    del local
    attached = time.perf_counter()
    graph = build(docs, facts_by_doc, res, tenures, include_private=include_private)
    seconds = (
        ("resolve", resolved - started),
        ("tenure", attached - resolved),
        ("graph", time.perf_counter() - attached),
    )
    return CouncilGraph(graph, res.problems + tenures.problems, share, seconds)


def shared_graph(
    shares: list[SharedShare],
    index: CouncilJoins,
    *,
    include_private: bool,
    build: BuildStage = build_triples,
) -> tuple[Triples | None, tuple[Problem, ...]]:
    """The tenures of the posts and seats in organizations several councils name, attached over every
    council's at once (one post's holders end each other's spells), and their memberships' triples."""
    docs, facts_by_doc, res = shared_resolution(shares, index.joins)
    if not facts_by_doc:
        return None, ()
    tenures = attach_tenures(facts_by_doc, res, include_private=include_private)
    return build(docs, {}, res, tenures, include_private=include_private), tenures.problems


@dataclass(frozen=True, slots=True)
class CouncilPart:
    """What one group's graph stages left: its part file, what it counted and found, and its posts and
    seats in shared organizations (for `shared_part`)."""

    path: Path
    facts: Counter
    problems: tuple[Problem, ...]
    share: SharedShare
    seconds: tuple[tuple[str, float], ...]


def council_part(
    files: list[Path],
    index: CouncilJoins,
    folder: Path,
    *,
    include_private: bool,
    cached: dict[Path, FactsFile] | None = None,
    build: BuildStage = build_triples,
) -> CouncilPart:
    """One group's facts files -> its graph as a sorted N-Triples part file in FOLDER (`council_graph`);
    a Dask task when the build runs on Dask."""
    started = time.perf_counter()
    docs, facts_by_doc, problems = read_group(files, cached)
    facts = Counter(f.fact_type for doc_facts in facts_by_doc.values() for f in doc_facts)
    read = time.perf_counter()
    result = council_graph(docs, facts_by_doc, index, include_private=include_private, build=build)
    del docs, facts_by_doc
    written = time.perf_counter()
    path = write_part(result.triples, folder)
    seconds = (
        ("read facts", read - started),
        *result.seconds,
        ("n-triples", time.perf_counter() - written),
    )
    return CouncilPart(path, facts, (*problems, *result.problems), result.share, seconds)


def shared_part(
    shares: list[SharedShare],
    index: CouncilJoins,
    folder: Path,
    *,
    include_private: bool,
    build: BuildStage = build_triples,
) -> tuple[Path | None, tuple[Problem, ...]]:
    """`shared_graph` as a part file in FOLDER (None when no organization is shared)."""
    graph, problems = shared_graph(shares, index, include_private=include_private, build=build)
    return (write_part(graph, folder) if graph is not None else None), problems


def write_part(graph: Triples, folder: Path) -> Path:
    """The graph's sorted N-Triples lines as a file in FOLDER."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="part.", suffix=".nt")
    with os.fdopen(fd, "wb") as fh:
        for chunk in nt_chunks(graph):
            fh.write(chunk)
    return Path(tmp)


@dataclass(frozen=True, slots=True)
class Merged:
    """The merged graph file: its digest and size, and the counts the build reports."""

    path: Path
    digest: str
    triples: int
    people: int
    bodies: int


def merge_parts(parts: list[Path], out: Path) -> Merged:
    """The part files merged into one sorted N-Triples temporary file in OUT, equal lines once (each
    part is sorted, so this streams: one line of each part is held)."""
    h = hashlib.sha256()
    lines = people = bodies = 0
    fd, tmp = tempfile.mkstemp(dir=out, prefix=".graph.nt.", suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        for line in _distinct(heapq.merge(*(_lines(p) for p in parts))):
            fh.write(line)
            h.update(line)
            lines += 1
            if line.endswith(_PERSON_TYPE):
                people += 1
            elif line.endswith(_BODY_TYPE):
                bodies += 1
    return Merged(Path(tmp), h.hexdigest(), lines, people, bodies)


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        yield from fh


def _distinct(lines: Iterator[bytes]) -> Iterator[bytes]:
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line


# --- kept between builds ---------------------------------------------------------------------

CACHE = ".graph-cache"  # in OUT: what the graph stages keep between builds


@dataclass(frozen=True, slots=True)
class FactsId:
    """A facts file's SHA-256 and its header's council."""

    digest: str
    council: str


def identify(facts_files: list[Path], out: Path, *, save: bool = True) -> dict[Path, FactsId]:
    """Each facts file's digest and council. OUT/.graph-cache/facts.json keeps both by the file's state
    (inode, size, modification time: `file_state`), so an unchanged file is neither opened nor hashed
    again; a file whose state moved is hashed and its header read."""
    memo = StateMemo(out / CACHE / "facts.json", 2)
    ids: dict[Path, FactsId] = {}
    for fpath in facts_files:
        state, hit = memo.kept(fpath)
        if hit is not None:
            ids[fpath] = FactsId(hit[0], hit[1])
        else:
            council = str((read_header(fpath) or {}).get("council") or "")
            ids[fpath] = FactsId(file_digest(fpath), council)
        memo.seen[str(fpath)] = [state, ids[fpath].digest, ids[fpath].council]
    if save:
        memo.save()
    return ids


class GraphCache:
    """OUT/.graph-cache: each group's share of the joins (`joins/KEY.pickle`, a `CouncilDigest`) and
    each group's part file with what its graph stages reported (`parts/KEY.nt`, `parts/KEY.pickle`).
    A key is a SHA-256 of the code the stages run, their options and the group's facts files by name
    and digest (and, for a part, the share of the index its stages read), so an entry found under its
    key is what the stages would make again. Every file is renamed into place once whole, a part's
    record after its file and naming its size; an entry that cannot be read back, or whose part file
    has another size, is made again. Entries this build did not use are removed at its end (`prune`)."""

    def __init__(self, out: Path, code: str, options: str) -> None:
        self.joins = out / CACHE / "joins"
        self.parts = out / CACHE / "parts"
        self._salt = f"{code}\0{options}\0"
        self._used: set[str] = set()
        self.parts.mkdir(parents=True, exist_ok=True)  # where the parts being made are written

    def key(self, files: list[Path], ids: dict[Path, FactsId], share: str = "") -> str:
        h = hashlib.sha256(f"{self._salt}{share}\0".encode())
        for f in files:
            h.update(f"{f.name}\0{ids[f].digest}\n".encode())
        return h.hexdigest()

    def digest(self, key: str) -> CouncilDigest | None:
        self._used.add(key)
        found = read_kept(self.joins / f"{key}.pickle")
        return found if isinstance(found, CouncilDigest) else None

    def keep_digest(self, key: str, digest: CouncilDigest) -> None:
        write_kept(self.joins / f"{key}.pickle", digest)

    def part(self, key: str) -> CouncilPart | None:
        self._used.add(key)
        path = self.parts / f"{key}.nt"
        found = read_kept(self.parts / f"{key}.pickle")
        if not isinstance(found, dict) or file_state(path) == "" or path.stat().st_size != found.get("size"):
            return None
        return CouncilPart(path, found["facts"], found["problems"], found["share"], ())

    def keep_part(self, key: str, part: CouncilPart) -> CouncilPart:
        """PART's file renamed to its key, and its record beside it; the part as kept."""
        path = self.parts / f"{key}.nt"
        os.replace(part.path, path)
        record = {
            "size": path.stat().st_size,
            "facts": part.facts,
            "problems": part.problems,
            "share": part.share,
        }
        write_kept(self.parts / f"{key}.pickle", record)
        return CouncilPart(path, part.facts, part.problems, part.share, part.seconds)

    def prune(self) -> None:
        """Every entry and leftover this build did not use (a killed build's temporary part files too)."""
        for folder in (self.joins, self.parts):
            for path in folder.glob("*") if folder.is_dir() else ():
                if path.name.split(".")[0] not in self._used and path.is_file():
                    path.unlink()
