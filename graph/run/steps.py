"""The steps `graph.run.build.build` runs, each giving its outcome back as a typed value: `Plan`
(discover), `Extracted` (extract), `GraphOutcome` (the graph stages, or the record of the last
build's when their inputs have not changed).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract import extractor_key
from extract.load import discover, doc_id_for, file_hash, manifest_for
from extract.readers import reread_every_build
from extract.records import Fact, Problem
from graph.core.build import build_triples
from graph.core.councils import CouncilJoins, council_joins, joins_share, national_digest
from graph.core.resolve import resolve
from graph.core.store import (
    StateMemo,
    facts_path,
    file_state,
    read_facts,
    read_header,
    write_facts,
)
from graph.core.tenure import attach_tenures
from graph.core.triples import Triples
from graph.pages import site
from graph.run import bycouncil
from graph.run.options import BuildOptions
from graph.run.uptodate import code_key, forget_record, inputs_key, read_record, write_record
from graph.run.workers import (
    Background,
    GraphWriter,
    Outcome,
    Task,
    WorkerSupply,
    extract_one,
    map_groups,
    run_dask,
    run_guarded,
)

if TYPE_CHECKING:
    from graph.run.build import Progress

FactsFile = tuple[dict, list[Fact], list[Problem]]  # (header, facts, problems) as `read_facts` gives them


@dataclass(frozen=True, slots=True)
class Plan:
    """What `discover` found: the documents to extract, and the facts files that stand as they are."""

    documents: int
    tasks: list[Task]
    reused: list[Path]
    problems: list[Problem]
    inputs: dict[str, list] = field(default_factory=dict)  # path -> [state, digest] (`_InputDigests`)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What `extract` did: the facts files it wrote, and the documents it could not read."""

    written: list[Path]
    failed: int
    problems: list[Problem]
    digests: dict[str, str] = field(default_factory=dict)  # the extracted inputs' paths -> SHA-256


@dataclass(frozen=True, slots=True)
class GraphOutcome:
    """What the graph stages reported (or, when their inputs had not changed, the record of them)."""

    facts: Counter
    people: int
    bodies: int
    triples: int
    problems: list[Problem]


class Clock:
    """Seconds per stage, in the order the stages ran."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self._since = time.perf_counter()

    def lap(self, stage: str) -> None:
        """`stage` ran from the last lap (or `restart`) until now."""
        now = time.perf_counter()
        self.add(stage, now - self._since)
        self._since = now

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds

    def restart(self) -> None:
        """The time until now belongs to no stage (or to stages timed elsewhere and `add`ed)."""
        self._since = time.perf_counter()


# --- discover ------------------------------------------------------------------------------


def plan_extraction(paths: list[Path], out: Path, options: BuildOptions) -> Plan:
    """The readable files under PATHS, split into those to extract and those whose facts file in OUT
    was made from the same bytes by the same extractor (and so stands)."""
    files, problems = discover(paths)
    ids = _doc_ids(files)
    key = extractor_key(model=options.model)
    manifests: dict = {}
    reused: list[Path] = []
    tasks: list[Task] = []
    inputs = _InputDigests(StateMemo(out / INPUTS, 1))
    for path in files:
        fpath = facts_path(out, ids[path])
        if _facts_stand(fpath, path, key, inputs.digest):
            reused.append(fpath)
        else:
            inputs.to_extract(path)
            tasks.append(Task(path=path, doc_id=ids[path], manifest=manifest_for(path, manifests)))
    return Plan(
        documents=len(files), tasks=tasks, reused=sorted(reused), problems=problems, inputs=inputs.seen
    )


INPUTS = Path(bycouncil.CACHE) / "inputs.json"  # in OUT: each input's state and digest (`_InputDigests`)


class _InputDigests:
    """The inputs' SHA-256, each taken again only when the file's state moved (`file_state`): OUT's
    .graph-cache/inputs.json keeps the last build's, so a rebuild of 10,000 documents does not read
    them all to find the one that changed. An input to extract has its state taken here and its digest
    from what extraction read (`remember_inputs`): a file changed in between has another state by then."""

    def __init__(self, memo: StateMemo) -> None:
        self._memo = memo
        self.seen: dict[str, list] = {}  # path -> [state, digest or None until extracted]

    def digest(self, path: Path) -> str | None:
        state, hit = self._memo.kept(path)
        digest = hit[0] if hit is not None else file_hash(path)
        if state and digest:
            self.seen[str(path)] = [state, digest]
        return digest

    def to_extract(self, path: Path) -> None:
        if state := file_state(path):
            self.seen[str(path)] = [state, None]


def remember_inputs(out: Path, plan: Plan, extracted: Extracted) -> None:
    """OUT's record of the inputs' states and digests (`_InputDigests`), once extraction has read them."""
    memo = StateMemo(out / INPUTS, 1)
    memo.seen = {
        path: [state, digest or extracted.digests.get(path)]
        for path, (state, digest) in plan.inputs.items()
        if digest or extracted.digests.get(path)
    }
    memo.save()


def _facts_stand(
    fpath: Path, path: Path, key: str, digest_of: Callable[[Path], str | None] = file_hash
) -> bool:
    """The facts file was made from this file's bytes, at this path, by this extractor. (A feed's
    facts depend on --as-of/--council too; it is read again, in milliseconds.)"""
    if reread_every_build(path) or not fpath.exists():
        return False
    digest = digest_of(path)
    header = read_header(fpath)
    return bool(
        digest
        and header
        and header.get("sha256") == digest
        and header.get("extractor") == key
        and header.get("path") == str(path)
    )


def _doc_ids(files: list[Path]) -> dict[Path, str]:
    """File name as the document id; a name used twice is told apart by its folder."""
    names = Counter(p.name for p in files)
    return {p: doc_id_for(p) if names[p.name] == 1 else f"{p.parent.name}/{p.name}" for p in files}


def remove_temporaries(out: Path) -> None:
    """Temporary files a killed build left behind (a finished write is always renamed)."""
    for folder in (out, out / "facts"):
        for tmp in folder.glob(".*.tmp"):
            if tmp.is_file():
                tmp.unlink()
            elif tmp.is_dir() and tmp.name.startswith(".parts."):  # a killed build's part files
                shutil.rmtree(tmp, ignore_errors=True)


# --- extract -------------------------------------------------------------------------------


def extract(
    plan: Plan, out: Path, options: BuildOptions, supply: WorkerSupply, progress: Progress | None
) -> tuple[Extracted, dict[Path, FactsFile]]:
    """The plan's documents extracted and their facts files written; meanwhile (when workers do the
    extracting) this process reads the facts files that stand, given back for the graph stages."""
    cpus = options.workers if options.workers is not None else os.cpu_count() or 1
    count = min(len(plan.tasks), cpus)
    key = extractor_key(model=options.model)
    if count == 0:
        supply.close()  # the worker started for extraction has nothing to do
        in_process = ((task, extract_one(task, options)) for task in plan.tasks)
        return _write_outcomes(in_process, out, key, plan, progress), {}
    outcomes = (
        run_dask(plan.tasks, options, count)
        if options.executor == "dask"
        else run_guarded(plan.tasks, supply, count)
    )
    likely = _councils_of(plan, out)  # read before their facts files are replaced
    extraction = Background(lambda: _write_outcomes(outcomes, out, key, plan, progress))
    cached: dict[Path, FactsFile] = {}
    strings: dict[str, str] = {}  # equal texts read as one object (`read_facts`)
    try:
        ids = bycouncil.identify(plan.reused, out, save=False)
        for fpath in plan.reused:
            if ids[fpath].council in likely:
                cached[fpath] = read_facts(fpath, strings)
    finally:
        extracted = extraction.join()
    return extracted, cached


def _councils_of(plan: Plan, out: Path) -> set[str]:
    """The councils of the documents about to be extracted again, from their last facts files: the
    groups whose graph stages the rebuild is likely to redo. Their other facts files are read while the
    workers extract; the other groups' graph stages are kept from the last build (`GraphCache`), or
    read later (a new document's council, an index that moved)."""
    councils: set[str] = set()
    for task in plan.tasks:
        header = read_header(facts_path(out, task.doc_id))
        if header is not None:
            councils.add(str(header.get("council") or ""))
    return councils


def _write_outcomes(
    outcomes: Generator[tuple[Task, Outcome], None, None],
    out: Path,
    key: str,
    plan: Plan,
    progress: Progress | None,
) -> Extracted:
    """Each document's facts file, written as its outcome arrives; the unreadable ones counted."""
    written: list[Path] = []
    problems: list[Problem] = []
    digests: dict[str, str] = {}
    failed = 0
    done = len(plan.reused)
    with contextlib.closing(outcomes):  # a failed write stops the workers too
        for task, (result, probs) in outcomes:
            done += 1
            if progress:
                progress(task.doc_id, done, plan.documents)
            if result is None:
                problems.extend(probs)
                failed += 1
                continue
            write_facts(out, result, key)
            written.append(facts_path(out, task.doc_id))
            digests[result.document.path] = result.document.sha256
    return Extracted(written=written, failed=failed, problems=problems, digests=digests)


def remove_stale(out: Path, keep: set[Path]) -> None:
    """Facts files of documents no longer in the input are not part of this build."""
    facts_dir = out / "facts"
    if facts_dir.exists():
        for stale in facts_dir.glob("*.jsonl"):
            if stale not in keep:
                stale.unlink()


# --- graph ---------------------------------------------------------------------------------


def graph_or_record(
    out: Path, facts_files: list[Path], cached: dict[Path, FactsFile], options: BuildOptions, clock: Clock
) -> GraphOutcome:
    """The graph stages on FACTS_FILES, unless the record says the last build ran them on the same
    inputs and its outputs still stand (`graph.run.uptodate`); then what that build reported."""
    inputs = inputs_key(facts_files, {"include_private": options.include_private})
    record = read_record(out, inputs, options.store)
    if record is not None:
        clock.lap("graph unchanged")
        return GraphOutcome(
            facts=Counter(record.facts),
            people=record.people,
            bodies=record.bodies,
            triples=record.triples,
            problems=list(record.problems),
        )
    forget_record(out)
    outcome = _graph_stages(out, facts_files, cached, options, clock)
    write_record(
        out,
        inputs,
        options.store,
        facts=outcome.facts,
        people=outcome.people,
        bodies=outcome.bodies,
        triples=outcome.triples,
        problems=outcome.problems,
    )
    return outcome


# The graph stages in order: each a pure function of the records before it, returning its own records
# and the problems it found (`resolve` -> `Resolution`, `attach_tenures` -> `Tenures`,
# `build_triples` -> `Triples`).
@dataclass(frozen=True, slots=True)
class GraphResult:
    """The graph and what the stages found on the way, in the order they found it."""

    triples: Triples
    problems: tuple[Problem, ...]
    seconds: tuple[tuple[str, float], ...]  # (stage, seconds) in the order the stages ran


def graph_from_facts(
    docs: dict[str, dict], facts_by_doc: dict[str, list[Fact]], *, include_private: bool
) -> GraphResult:
    """Resolve the people and bodies the facts name, attach tenures, and write the triples: the graph
    stages over a whole corpus held in memory at once, for a caller with facts in hand. The build runs
    them a council at a time (`graph.run.bycouncil`), and its graph is byte for byte this one's (the
    tests compare the two)."""
    started = time.perf_counter()
    res = resolve(docs, facts_by_doc)
    resolved = time.perf_counter()
    tenures = attach_tenures(facts_by_doc, res, include_private=include_private)
    attached = time.perf_counter()
    triples = build_triples(docs, facts_by_doc, res, tenures, include_private=include_private)
    seconds = (
        ("resolve", resolved - started),
        ("tenure", attached - resolved),
        ("graph", time.perf_counter() - attached),
    )
    return GraphResult(triples, res.problems + tenures.problems, seconds)


def _graph_stages(
    out: Path, facts_files: list[Path], cached: dict[Path, FactsFile], options: BuildOptions, clock: Clock
) -> GraphOutcome:
    """Facts files -> graph, its files, the store and the pages, a council at a time
    (`graph.run.bycouncil`, then `graph.pages.bycouncil`): the memory of the graph stages and of the
    pages follows the largest council. The graph-file writer is started first, so that its start is
    off the path; the pages are drawn from the councils' part files, a part's view at a time, while
    the writer writes the merged graph."""
    with GraphWriter(out, options.store) as writer, _parts_folder(out) as folder:
        councils = _council_graphs(out, folder, facts_files, cached, options, clock)
        merged, facts, problems = councils.merged, councils.facts, councils.problems
        writer.hand(merged.path, merged.digest, merged.triples)
        clock.restart()
        parts = [*councils.parts, *([councils.shared] if councils.shared else [])]
        problems.extend(_pages_then_join(out, parts, writer, clock))
    return GraphOutcome(
        facts=facts, people=merged.people, bodies=merged.bodies, triples=merged.triples, problems=problems
    )


@dataclass(frozen=True, slots=True)
class CouncilGraphs:
    """What the graph stages by council made: the merged graph, the part files it was merged from
    (a council group's each, in group order, then the shared organizations' part if any; they live
    until the pages are written), the facts counted and the problems found."""

    merged: bycouncil.Merged
    parts: list[Path]
    shared: Path | None
    facts: Counter
    problems: list[Problem]


def _council_graphs(
    out: Path,
    folder: Path,
    facts_files: list[Path],
    cached: dict[Path, FactsFile],
    options: BuildOptions,
    clock: Clock,
) -> CouncilGraphs:
    """The first pass (the joins across councils), each council's part file, the shared
    organizations' part, and the parts merged. What a group's facts files gave the last build (its
    share of the joins, its part file) is taken from OUT's `bycouncil.GraphCache` when they have not
    changed; the shared part (in FOLDER) and the merge are made every time."""
    settings = {"include_private": options.include_private, "build": _qualname(build_triples)}
    cache = bycouncil.GraphCache(out, code_key(), json.dumps(settings, sort_keys=True))
    ids = bycouncil.identify(facts_files, out)
    groups = bycouncil.council_groups(facts_files, {f: i.council for f, i in ids.items()})
    digests, kept = _digests(groups, ids, cache, cached, options)
    index = council_joins(digests)
    together = [  # groups that run together ask as one, of every first name (`joins_share`)
        (
            sorted(f for i in members for f in groups[i]),
            digests[members[0]].asks if len(members) == 1 else None,
        )
        for members in index.together
    ]
    clock.lap("councils' joins")
    parts = _parts(together, ids, index, cache, {**cached, **kept}, options)
    cached.clear()
    del kept
    facts: Counter = Counter()
    problems: list[Problem] = []
    for part in parts:
        facts.update(part.facts)
        problems.extend(part.problems)
        for stage, seconds in part.seconds:
            clock.add(stage, seconds)
    clock.restart()
    kwargs: dict[str, Any] = {"include_private": options.include_private, "build": build_triples}
    shared, shared_problems = bycouncil.shared_part([p.share for p in parts], index, folder, **kwargs)
    problems.extend(shared_problems)
    paths = [p.path for p in parts]
    del parts
    clock.lap("shared posts")
    merged = bycouncil.merge_parts(paths + ([shared] if shared else []), out)
    cache.prune()
    clock.lap("merge")
    return CouncilGraphs(merged=merged, parts=paths, shared=shared, facts=facts, problems=problems)


def _qualname(fn: Any) -> str:
    """A function by module and name: a test that puts another in its place makes other parts."""
    return f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"


def _digests(
    groups: list[list[Path]],
    ids: dict[Path, bycouncil.FactsId],
    cache: bycouncil.GraphCache,
    cached: dict[Path, FactsFile],
    options: BuildOptions,
) -> tuple[list[bycouncil.CouncilDigest], dict[Path, FactsFile]]:
    """Each group's share of the joins: kept from the last build when its facts files are the same,
    else read and worked out (and kept). The largest group read here keeps its facts for its graph
    stages, which then need not read them again (in this process only: a Dask task's stay there)."""
    keys = [cache.key(g, ids) for g in groups]
    found = [cache.digest(k) for k in keys]
    missing = [i for i, d in enumerate(found) if d is None]
    largest = max(missing, key=lambda i: len(groups[i]), default=None) if options.executor != "dask" else None
    tasks = [(groups[i], i == largest) for i in missing]
    made = map_groups(bycouncil.digest_group, tasks, {"cached": cached}, options)
    kept: dict[Path, FactsFile] = {}
    for i, (digest, read) in zip(missing, made, strict=True):
        cache.keep_digest(keys[i], digest)
        found[i] = digest
        kept.update(read)
    return [d for d in found if d is not None], kept


def _parts(
    groups: list[tuple[list[Path], frozenset[str] | None]],
    ids: dict[Path, bycouncil.FactsId],
    index: CouncilJoins,
    cache: bycouncil.GraphCache,
    read: dict[Path, FactsFile],
    options: BuildOptions,
) -> list[bycouncil.CouncilPart]:
    """Each group's part: kept from the last build when its facts files and its share of the index are
    the same (`joins_share`), else made (and kept). Groups whose facts are read already go first, and
    each group's facts are let go once its part is made."""
    national = national_digest(index)
    keys = [cache.key(files, ids, joins_share(index, asks, national)) for files, asks in groups]
    parts = [cache.part(k) for k in keys]
    missing = sorted(
        (i for i, p in enumerate(parts) if p is None), key=lambda i: not all(f in read for f in groups[i][0])
    )
    kwargs: dict[str, Any] = {"include_private": options.include_private, "build": build_triples}
    tasks = [(groups[i][0], index, cache.parts) for i in missing]
    if options.executor == "dask":
        made = map_groups(bycouncil.council_part, tasks, kwargs, options)
    else:
        made = []
        for task in tasks:
            made.append(bycouncil.council_part(*task, **kwargs, cached=read))
            for f in task[0]:
                read.pop(f, None)
    for i, part in zip(missing, made, strict=True):
        parts[i] = cache.keep_part(keys[i], part)
    return [p for p in parts if p is not None]


@contextlib.contextmanager
def _parts_folder(out: Path) -> Generator[Path, None, None]:
    """A temporary folder in OUT for the councils' part files, removed when the graph is written."""
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=out, prefix=".parts.", suffix=".tmp"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _pages_then_join(out: Path, parts: list[Path], writer: GraphWriter, clock: Clock) -> list[Problem]:
    """The pages, drawn from the councils' part files (`site.render_parts`) while the writer writes
    graph.ttl, graph.nt and the store; a failure to render them is a problem, and the graph stands."""
    problems: list[Problem] = []
    try:
        site.render_parts(out, parts)
        rendered = True
    except Exception as exc:  # noqa: BLE001
        rendered = False
        message = f"HTML pages not written: {type(exc).__name__}: {exc}"
        problems.append(Problem(doc_id="html", stage="graph.html", code="W900", message=message))
    clock.lap("html")
    nt_digest = writer.join()
    if rendered:  # the pages and the graph.nt they show are both written
        site.mark_rendered(out, nt_digest)
    clock.lap("write graph and store")
    return problems
