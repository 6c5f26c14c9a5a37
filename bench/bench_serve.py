"""The SPARQL endpoint under a bounded loopback load: N queries from C client threads.

    .venv/bin/python bench/bench_serve.py [BUILD_DIR] [--queries 2000] [--clients 8]

Starts `councilgraph serve` on a free 127.0.0.1 port (building the bundled corpus first when no
build folder is given), sends the saved-query mix, reports errors and p50/p99 latency, then sends
a pathological query that the timeout must stop, and checks the server still answers. The load
is bounded in count and time and goes to loopback only.

    .venv/bin/python bench/bench_serve.py BUILD --saved [--base REV] [--repeat 5]

instead sends every saved query, with parameters drawn from the graph (as `bench_store.py
--saved` does), one at a time `--repeat` times, and prints the median and max latency per query
as a Markdown table; with `--base REV`, also the queries as they were at commit REV. A BUILD that is a
graph file (BUILD/graph.nt) is served from memory: each worker loads it into an in-memory store.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLI = Path(sys.executable).parent / "councilgraph"
MIX = [
    "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name",
    "SELECT ?b (COUNT(?m) AS ?n) WHERE { ?m a org:Membership ; org:organization ?b } GROUP BY ?b",
    "SELECT ?e ?d WHERE { ?e a cg:Meeting ; dcterms:date ?d } ORDER BY ?d",
    "SELECT ?t WHERE { ?d a cg:Decision ; cg:text ?t } LIMIT 20",
    "ASK { ?p a foaf:Person }",
]
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    timeout_status: int = 0
    alive_after: bool = False

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p99(self) -> float:
        return statistics.quantiles(self.latencies, n=100)[98]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bundled_build(prefix: str) -> Path:
    """A build of the bundled corpus in a new temporary folder, for a bench given no build folder."""
    build = Path(tempfile.mkdtemp(prefix=prefix))
    subprocess.run(
        [str(CLI), "build", str(ROOT / "corpus" / "herefordshire"), "--out", str(build)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return build


@contextlib.contextmanager
def serving(build: Path, *options: str) -> Iterator[tuple[subprocess.Popen, int]]:
    """`councilgraph serve BUILD OPTIONS` on a free loopback port, once it answers a query; stopped on exit
    (SIGTERM to its process group, SIGKILL after 10 s)."""
    port = _free_port()
    proc = subprocess.Popen(
        [str(CLI), "serve", str(build), "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300  # a graph file is loaded in memory by each worker first
        while time.monotonic() < deadline:
            try:
                ask = {"query": "ASK { ?s ?p ?o }"}
                if httpx.get(f"http://127.0.0.1:{port}/sparql", params=ask, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            raise RuntimeError("serve did not start within 300 s")
        yield proc, port
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def run_load(build: Path, queries: int = 2000, clients: int = 8, timeout_s: float = 3.0) -> LoadResult:
    result = LoadResult()
    lock = threading.Lock()
    with serving(build, "--timeout", str(timeout_s), "--workers", "2") as (_proc, port):
        url = f"http://127.0.0.1:{port}/sparql"

        def client(n: int, offset: int) -> None:
            with httpx.Client(timeout=30) as c:
                for i in range(n):
                    q = MIX[(offset + i) % len(MIX)]
                    t = time.perf_counter()
                    try:
                        r = c.get(
                            url, params={"query": q}, headers={"Accept": "application/sparql-results+json"}
                        )
                        ok = r.status_code == 200
                        err = None if ok else f"HTTP {r.status_code}"
                    except httpx.HTTPError as exc:
                        err = type(exc).__name__
                    with lock:
                        result.latencies.append(time.perf_counter() - t)
                        if err:
                            result.errors.append(err)

        per = [queries // clients + (1 if i < queries % clients else 0) for i in range(clients)]
        threads = [threading.Thread(target=client, args=(n, i)) for i, n in enumerate(per)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        r = httpx.get(url, params={"query": PATHOLOGICAL}, timeout=timeout_s + 30)
        result.timeout_status = r.status_code
        result.alive_after = httpx.get(url, params={"query": MIX[-1]}, timeout=10).status_code == 200
    return result


def _query_at(rev: str, name: str) -> str | None:
    got = subprocess.run(
        ["git", "show", f"{rev}:graph/read/queries/{name}.rq"], cwd=ROOT, capture_output=True, text=True
    )
    return got.stdout if got.returncode == 0 else None


def _latency(client: httpx.Client, url: str, query: str, repeat: int) -> tuple[float, float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        r = client.post(url, data={"query": query}, headers={"Accept": "text/csv"})
        times.append(time.perf_counter() - t)
        if r.status_code != 200:
            raise RuntimeError(f"HTTP {r.status_code}: {r.text[:200]}")
        rows = len(r.text.splitlines()) - 1
    return statistics.median(times), max(times), rows


def saved_through_serve(build: Path, repeat: int, base: str | None) -> None:
    """Every saved query through `councilgraph serve`, with parameters drawn from the graph."""
    from bench.bench_store import print_summary
    from graph.read.sparql import example_parameters, fill, open_store, saved_queries

    store = open_store(build)
    examples = example_parameters(build, store)
    del store  # the server opens the store itself
    head = (
        "| build | query | "
        + ("before: median / max s (rows) | " if base else "")
        + "after: median / max s (rows) |"
    )
    print(head + "\n|---|---|" + ("---|" if base else "") + "---|")
    with (
        serving(build, "--timeout", "600", "--workers", "1") as (_proc, port),
        httpx.Client(timeout=700) as c,
    ):
        url = f"http://127.0.0.1:{port}/sparql"
        summary: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
        for name, text in sorted(saved_queries().items()):
            params = examples.get(name, {})
            versions = ([("before", _query_at(base, name))] if base else []) + [("after", text)]
            cells = []
            for tag, q in versions:
                if q is None:
                    cells.append("-")
                    continue
                med, worst, rows = _latency(c, url, fill(q, params), repeat)
                summary[tag].append((med, worst))
                cells.append(f"{med:.3f} / {worst:.3f} ({rows})")
            print(f"| {build.name} | `{name}` | " + " | ".join(cells) + " |")
    print_summary(summary)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", nargs="?", type=Path)
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--saved", action="store_true", help="time each saved query instead of the load mix")
    ap.add_argument("--base", help="with --saved: also time the saved queries of this commit")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    build = args.build or bundled_build("cg-serve-bench-")
    if args.saved:
        saved_through_serve(build, args.repeat, args.base)
        return
    t = time.perf_counter()
    res = run_load(build, args.queries, args.clients)
    wall = time.perf_counter() - t
    print(
        f"| endpoint load | {args.queries} queries, {args.clients} clients | errors {len(res.errors)} | "
        f"p50 {res.p50 * 1000:.1f} ms | p99 {res.p99 * 1000:.1f} ms | {args.queries / wall:.0f} q/s |"
    )
    print(
        f"| pathological query | HTTP {res.timeout_status} (timeout) | server answering after: {res.alive_after} |"
    )


if __name__ == "__main__":
    main()
