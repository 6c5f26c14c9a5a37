"""The build benchmark: one table, measured in one run, on a corpus scaled from the real documents.

    .venv/bin/python bench/bench_build.py                    # sizes 10,100,1000 (what `make bench` runs)
    .venv/bin/python bench/bench_build.py --sizes 10,100,1000,10000 --ratio-docs 100

Rows: the end-to-end build (`councilgraph build`, a fresh process, model load and graph write
included) at each size with its documents/s, words/s and peak memory (the whole process tree's
PSS, sampled: a page two processes share counts half in each, so a forked process is not counted
twice); bare spaCy `nlp.pipe` over the ratio set's text with the same model, as it ships
(all components) and as the build configures it (NER only), on 1 and on `--workers` processes,
timed without model load; the build's throughput as a share of each; a rebuild of the largest
size with nothing changed, then after changing 1 document; saved-query and HTML render times on that build.
Numbers are wall clock on a shared machine: compare rows of one run, not runs.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CG = [sys.executable, "-m", "graph.cli"]


def _memory(p: psutil.Process) -> int:
    """The process's proportional set size (its own pages, and its share of pages it shares), or
    its RSS where the system gives no PSS."""
    try:
        return p.memory_full_info().pss
    except (psutil.AccessDenied, AttributeError):
        return p.memory_info().rss


def _peak_memory(proc: subprocess.Popen, peak: list[int]) -> None:
    """Sample the memory of `proc` and its children until it exits."""
    try:
        p = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                total = _memory(p) + sum(_memory(c) for c in p.children(recursive=True))
            except psutil.Error:
                total = 0
            peak[0] = max(peak[0], total)
            time.sleep(0.1)
    except psutil.Error:
        pass


def timed_build(corpus: Path, out: Path, workers: int, extra: tuple[str, ...] = ()) -> tuple[float, int]:
    """Seconds and peak bytes of one `councilgraph build` in a fresh process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*CG, "build", str(corpus), "--out", str(out), "--workers", str(workers), *extra],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = [0]
    sampler = threading.Thread(target=_peak_memory, args=(proc, peak), daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"build failed ({proc.returncode}):\n{err[-2000:]}")
    stages = re.search(r"^time: (.*)$", err, re.M)
    if stages:  # where the time went, per stage, as the build's summary says
        print(
            f"[bench] {out.name} ({workers} workers): {seconds:.1f}s wall; {stages.group(1)}", file=sys.stderr
        )
    extracted = re.search(r"\((\d+) extracted", err)
    if extracted:  # a rebuild that extracted more than it should (the extractor version moved) says so
        print(f"[bench] {out.name}: {extracted.group(1)} documents extracted", file=sys.stderr)
    return seconds, peak[0]


def bare_pipe(texts: list[str], n_process: int, ner_only: bool) -> float:
    """Seconds for bare nlp.pipe over `texts` (model load not counted)."""
    import spacy

    from extract import nlp as cg_nlp

    if ner_only:
        cg_nlp._load.cache_clear()  # a fresh model, as a worker loads it
        model = cg_nlp.load()
    else:
        model = spacy.load(cg_nlp.DEFAULT_MODEL)
        model.max_length = 5_000_000
    started = time.perf_counter()
    for _doc in model.pipe(texts, batch_size=32, n_process=n_process):
        pass
    return time.perf_counter() - started


def _rebuilds(
    corpus: Path, out: Path, workers: int, full: float, show: bool = True
) -> tuple[list[tuple[str, str, str, str, str]], str]:
    """A rebuild with nothing changed (the fixed cost of a rebuild), then three after one more change
    to the same document each (the median is reported): their rows, and the median as a share of
    `full`, the full build's seconds. `show` prints them."""
    size = len(list(corpus.glob("*.txt")))
    same, peak = timed_build(corpus, out, workers)
    rows = [(f"rebuild {size} docs, nothing changed", f"{same:.1f}", "", "", f"{peak / 2**20:,.0f}")]
    changed = sorted(corpus.glob("*.txt"))[size // 2]
    original = changed.read_text(encoding="utf-8")
    incs, peak = [], 0
    try:
        for name in ("Ffion Ackroyd", "Idris Blakemore", "Carys Vaughan-Pryce"):
            changed.write_text(original + f"\nCouncillor {name} gave apologies.\n", encoding="utf-8")
            seconds, p = timed_build(corpus, out, workers)
            incs.append(seconds)
            peak = max(peak, p)
    finally:
        changed.write_text(original, encoding="utf-8")
    inc = statistics.median(incs)
    what = f"rebuild {size} docs after changing 1 (median of {', '.join(f'{x:.1f}' for x in incs)})"
    rows.append((what, f"{inc:.1f}", "", "", f"{peak / 2**20:,.0f}"))
    ratio = f"incremental/full at {size} docs: {inc / full:.1%}"
    if show:
        for r in rows:
            print(f"| {r[0]} | {r[1]} | | | {r[4]} |")
        print(ratio)
    return rows, ratio


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="corpus sizes for the curve (comma-separated)")
    ap.add_argument(
        "--ratio-docs", type=int, default=100, help="size of the set the build and bare spaCy share"
    )
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "councilgraph-bench")
    ap.add_argument(
        "--rebuild-only",
        type=float,
        metavar="FULL_SECONDS",
        help="only the rebuilds of the largest size, on the corpus and output a run left in --work; "
        "the ratio is taken of FULL_SECONDS (that run's full build)",
    )
    args = ap.parse_args()
    if args.rebuild_only:
        big = max(int(s) for s in args.sizes.split(","))
        _rebuilds(args.work / f"corpus-{big}", args.work / f"out-{big}", args.workers, args.rebuild_only)
        return
    sizes = sorted({int(s) for s in args.sizes.split(",")} | {args.ratio_docs})
    rows: list[tuple[str, str, str, str, str]] = []

    def row(
        what: str, seconds: float, docs: int | None = None, words: int | None = None, peak: int | None = None
    ):
        rows.append(
            (
                what,
                f"{seconds:.1f}",
                f"{docs / seconds:.1f}" if docs else "",
                f"{words / seconds:,.0f}" if words else "",
                f"{peak / 2**20:,.0f}" if peak else "",
            )
        )

    # bytecode for the project's modules, as pip writes it for an installed package: where
    # PYTHONDONTWRITEBYTECODE is set, every process of every build would compile them again
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "extract", "graph"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    builds: dict[int, tuple[float, int, int]] = {}
    for n in sizes:
        corpus = args.work / f"corpus-{n}"
        files = make_corpus(n, corpus)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
        out = args.work / f"out-{n}"
        subprocess.run(["rm", "-rf", str(out)], check=True)
        seconds, peak = timed_build(corpus, out, args.workers)
        builds[n] = (seconds, words, peak)
        row(f"build {n} docs ({words:,} words), {args.workers} workers", seconds, n, words, peak)
        print(f"[bench] built {n} docs in {seconds:.1f}s", file=sys.stderr)

    n = args.ratio_docs
    texts = [p.read_text(encoding="utf-8") for p in sorted((args.work / f"corpus-{n}").glob("*.txt"))]
    words = builds[n][1]
    out1 = args.work / f"out-{n}-1"
    subprocess.run(["rm", "-rf", str(out1)], check=True)
    s1, p1 = timed_build(args.work / f"corpus-{n}", out1, 1)
    row(f"build {n} docs, 1 worker", s1, n, words, p1)
    ratios = []
    for label, ner_only in (("as shipped", False), ("NER only, as the build runs it", True)):
        for procs in sorted({1, args.workers}):
            bare = bare_pipe(texts, procs, ner_only)
            row(f"bare nlp.pipe {label}, {procs} process(es), {n} docs", bare, n, words)
            build_s = s1 if procs == 1 else builds[n][0]
            ratios.append(f"build/bare ({label}, {procs} proc): {bare / build_s:.0%}")
            print(f"[bench] bare {label} {procs}: {bare:.1f}s", file=sys.stderr)

    big = max(sizes)
    corpus, out = args.work / f"corpus-{big}", args.work / f"out-{big}"
    rebuild_rows, ratio = _rebuilds(corpus, out, args.workers, builds[big][0], show=False)
    rows.extend(rebuild_rows)
    ratios.append(ratio)

    from graph.read.sparql import open_store, run_query, saved_queries

    store = open_store(out)
    times = []
    for _name, text in sorted(saved_queries().items()):
        started = time.perf_counter()
        try:
            run_query(out, text, {}, store=store)
        except Exception as exc:  # a saved query needing parameters is skipped, not a failed benchmark
            print(f"[bench] query {_name}: {type(exc).__name__}", file=sys.stderr)
            continue
        times.append(time.perf_counter() - started)
    if times:
        rows.append(
            (
                f"saved queries on {big} docs ({len(times)}): median / max",
                f"{statistics.median(times):.3f} / {max(times):.3f}",
                "",
                "",
                "",
            )
        )
    try:
        from graph.pages.site import render_html

        started = time.perf_counter()
        render_html(out)
        row(f"render HTML of {big} docs", time.perf_counter() - started)
    except ImportError:
        pass

    head = ("what", "seconds", "docs/s", "words/s", "peak MB (PSS)")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    print(f"councilgraph bench, {os.cpu_count()} cores (shared: wall clock is noisy)")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
    for r in ratios:
        print(r)


if __name__ == "__main__":
    main()
