"""Paths -> a built output folder: extraction per document (cached by input hash and
extractor version), then resolution and the graph from the facts files alone.

Documents stream through extraction one at a time; the graph is built from what is on
disk, so a crash loses at most the document in flight and a re-run resumes.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from extract import EXTRACTOR_VERSION
from extract.load import discover, doc_id_for, file_hash, load_document, manifest_for
from extract.pipeline import extract_document
from extract.records import Fact, Problem
from graph.build import build_graph
from graph.resolve import resolve
from graph.store import (
    build_lock,
    facts_path,
    read_facts,
    read_header,
    write_facts,
    write_graph,
    write_problems,
)


@dataclass(slots=True)
class BuildReport:
    documents: int = 0
    extracted: int = 0
    reused: int = 0
    failed: int = 0
    facts: Counter = field(default_factory=Counter)
    people: int = 0
    bodies: int = 0
    triples: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.code.startswith("E")]


def _doc_ids(files: list[Path]) -> dict[Path, str]:
    """File name as the document id; a name used twice is told apart by its folder."""
    names = Counter(p.name for p in files)
    return {p: doc_id_for(p) if names[p.name] == 1 else f"{p.parent.name}/{p.name}" for p in files}


def build_corpus(paths: list[Path], out: Path, *, include_private: bool = False, use_model: bool = True,
                 progress: Callable[[str, int, int], None] | None = None, wait: bool = False,
                 store: bool = True) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    with build_lock(out, wait=wait):
        files, problems = discover(paths)
        report.problems.extend(problems)
        ids = _doc_ids(files)
        report.documents = len(files)
        manifests: dict = {}
        keep: set[Path] = set()
        for i, path in enumerate(files, 1):
            doc_id = ids[path]
            if progress:
                progress(doc_id, i, len(files))
            fpath = facts_path(out, doc_id)
            digest = file_hash(path)
            header = read_header(fpath) if fpath.exists() else None
            if digest and header and header.get("sha256") == digest and header.get("extractor") == EXTRACTOR_VERSION \
                    and header.get("path") == str(path):
                keep.add(fpath)
                report.reused += 1
                continue
            doc, probs = load_document(path, manifest_for(path, manifests))
            if doc is None:
                report.problems.extend(probs)
                report.failed += 1
                continue
            if doc.doc_id != doc_id:
                doc = replace(doc, doc_id=doc_id)
            result = extract_document(doc, use_model=use_model)
            # load warnings travel in the facts file, so a cached re-run reports them too
            result = replace(result, problems=(*probs, *result.problems))
            write_facts(out, result, EXTRACTOR_VERSION)
            keep.add(fpath)
            report.extracted += 1
        # facts files of documents no longer in the input are not part of this build
        facts_dir = out / "facts"
        if facts_dir.exists():
            for stale in facts_dir.glob("*.jsonl"):
                if stale not in keep:
                    stale.unlink()
        docs: dict[str, dict] = {}
        facts_by_doc: dict[str, list[Fact]] = {}
        for fpath in sorted(keep):
            header, facts, probs = read_facts(fpath)
            docs[header["doc_id"]] = header
            facts_by_doc[header["doc_id"]] = facts
            report.problems.extend(probs)
            for f in facts:
                report.facts[f.fact_type] += 1
        res = resolve(docs, facts_by_doc)
        report.problems.extend(res.problems)
        graph = build_graph(docs, facts_by_doc, res, include_private=include_private)
        report.triples = len(graph)
        from graph.namespaces import FOAF, ORG, RDF

        report.people = len(set(graph.subjects(RDF.type, FOAF.Person)))
        report.bodies = len(set(graph.subjects(RDF.type, ORG.Organization)))
        write_graph(out, graph)
        report.problems.sort(key=lambda p: (p.doc_id, p.code, p.message))
        write_problems(out, report.problems)
        if store:
            from graph.store import write_store

            write_store(out)
    report.seconds = time.perf_counter() - started
    return report
