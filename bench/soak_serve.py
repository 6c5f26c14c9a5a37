"""A soak of the SPARQL endpoint by users and attackers at once, on loopback, bounded in count and time.

    .venv/bin/python bench/soak_serve.py [BUILD_DIR] [--queries 20000] [--clients 8] [--attackers 2]
                                         [--max-seconds 900] [--timeout 2] [--workers 4]

Starts `councilgraph serve` on a free 127.0.0.1 port (building the bundled corpus first when no
build folder is given). `clients - attackers` clients ask the saved queries with parameters
drawn from the built graph (a real person, post, body, date, fact) and a few plain ones;
`attackers` clients send hostile requests in turn: many prefixes, deep nesting, cartesian
products, huge literals, malformed and binary text, SERVICE, updates, and slow readers that
send their request a few bytes at a time. It reports p50/p99 of the users' queries during the
attack, the users' errors (anything but 200), what the attackers got back, and the peak memory
(PSS) of the server's process tree, sampled every half second. Every loop stops at the query
count or at --max-seconds, whichever comes first.
"""

from __future__ import annotations

import argparse
import collections
import socket
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from bench.bench_serve import MIX, bundled_build, serving
from graph.read.sparql import fill, run_query, saved_queries

JSON = {"Accept": "application/sparql-results+json"}


def _prefixes(n: int) -> str:
    return "".join(f"PREFIX p{i}: <https://example.org/{i}#>\n" for i in range(n))


HOSTILE: list[tuple[str, str]] = [
    ("many prefixes", _prefixes(40) + "SELECT ?n WHERE { ?p foaf:name ?n } LIMIT 5"),
    ("very many prefixes", _prefixes(3000) + "ASK { ?s ?p ?o }"),
    ("deep nesting", "SELECT * WHERE " + "{" * 300 + " ?s ?p ?o " + "}" * 300),
    ("deeper than allowed", "SELECT * WHERE " + "{" * 20000 + " ?s ?p ?o " + "}" * 20000),
    ("cartesian product", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"),
    ("huge literal", 'SELECT * WHERE { ?s ?p "' + "x" * 400_000 + '" }'),
    ("over the size limit", 'ASK { ?s ?p "' + "y" * 1_200_000 + '" }'),
    ("malformed", "SELECT ?x WHERE { ?x ?y " + '"' * 5000),
    ("binary", "\x00\x01\ufffd\udc80".encode("utf-8", "surrogatepass").decode("utf-8", "replace") * 2000),
    ("SERVICE", _prefixes(20) + "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"),
    ("update", _prefixes(20) + "DELETE WHERE { ?s ?p ?o }"),
    ("regex bomb", 'SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "(a+)+$")) } LIMIT 10'),
]


def user_queries(build: Path) -> list[str]:
    """Every saved query with parameters taken from the graph, plus the plain mix."""
    _, people = run_query(build, "SELECT ?n WHERE { ?m org:member/foaf:name ?n } LIMIT 1")
    _, bodies = run_query(build, "SELECT ?n WHERE { ?m org:organization/skos:prefLabel ?n } LIMIT 1")
    _, facts = run_query(build, "SELECT ?f WHERE { ?f cg:evidence ?e } LIMIT 1")
    _, owners = run_query(build, "SELECT ?n WHERE { ?a cg:owner/foaf:name ?n } LIMIT 1")
    params = {
        "PERSON": people[0][0] if people else "Walker",
        "BODY": bodies[0][0] if bodies else "Council",
        "ORG": bodies[0][0] if bodies else "Council",
        "POST": "Chief Executive",
        "DATE": "2024-01-01",
        "FROM": "2014-01-01",
        "TO": "2026-12-31",
        "FACT": facts[0][0] if facts else "x",
        "OWNER": owners[0][0] if owners else "Walker",
    }
    return [fill(text, params) for _, text in sorted(saved_queries().items())] + MIX


@dataclass
class Soak:
    users: list[float] = field(default_factory=list)
    user_errors: collections.Counter = field(default_factory=collections.Counter)
    attacks: collections.Counter = field(default_factory=collections.Counter)
    attack_seconds: list[float] = field(default_factory=list)
    peak_pss_mb: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _slow_reader(port: int, query: str) -> str:
    """Send a POST a few bytes at a time, then read the answer slowly: the server must not wait on it."""
    body = query.encode()
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        data = head + body
        for i in range(0, len(data), 16):
            s.sendall(data[i : i + 16])
            time.sleep(0.01)
        first = s.recv(64)
        time.sleep(0.5)
        return first.split(b" ", 2)[1].decode() if first.startswith(b"HTTP/") else "no reply"


def _loop(stop: Callable[[], bool], step: Callable[[int], None]) -> None:
    i = 0
    while not stop():
        step(i)
        i += 1


def _user(url: str, queries: list[str], soak: Soak, stop: Callable[[], bool], offset: int) -> None:
    with httpx.Client(timeout=60) as c:

        def step(i: int) -> None:
            q = queries[(offset + i) % len(queries)]
            t = time.perf_counter()
            try:
                status = str(c.post(url, data={"query": q}, headers=JSON).status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            with soak.lock:
                soak.users.append(time.perf_counter() - t)
                if status != "200":
                    soak.user_errors[status] += 1

        _loop(stop, step)


def _attacker(url: str, port: int, soak: Soak, stop: Callable[[], bool], offset: int) -> None:
    with httpx.Client(timeout=60) as c:

        def step(i: int) -> None:
            k = (offset + i) % (len(HOSTILE) + 1)
            t = time.perf_counter()
            try:
                if k == len(HOSTILE):
                    name, status = "slow reader", _slow_reader(port, MIX[0])
                else:
                    name, q = HOSTILE[k]
                    status = str(
                        c.post(
                            url,
                            content=q.encode(),
                            headers={"Content-Type": "application/sparql-query", **JSON},
                        ).status_code
                    )
            except (httpx.HTTPError, OSError) as exc:
                name, status = HOSTILE[k][0] if k < len(HOSTILE) else "slow reader", type(exc).__name__
            with soak.lock:
                soak.attacks[(name, status)] += 1
                soak.attack_seconds.append(time.perf_counter() - t)

        _loop(stop, step)


def _sample_memory(pid: int, soak: Soak, stop: Callable[[], bool]) -> None:
    while not stop():
        try:
            root = psutil.Process(pid)
            procs = [root, *root.children(recursive=True)]
            pss = sum(p.memory_full_info().pss for p in procs if p.is_running())
            soak.peak_pss_mb = max(soak.peak_pss_mb, pss / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.5)


def run_soak(
    build: Path,
    *,
    queries: int,
    clients: int,
    attackers: int,
    max_seconds: float,
    timeout: float,
    workers: int,
) -> tuple[Soak, float]:
    soak, users = Soak(), user_queries(build)
    with serving(build, "--timeout", str(timeout), "--workers", str(workers)) as (proc, port):
        url = f"http://127.0.0.1:{port}/sparql"
        started = time.monotonic()

        def stop() -> bool:
            return (
                len(soak.users) + sum(soak.attacks.values()) >= queries
                or time.monotonic() - started > max_seconds
            )

        threads = [threading.Thread(target=_sample_memory, args=(proc.pid, soak, stop))]
        threads += [
            threading.Thread(target=_attacker, args=(url, port, soak, stop, i)) for i in range(attackers)
        ]
        threads += [
            threading.Thread(target=_user, args=(url, users, soak, stop, i))
            for i in range(clients - attackers)
        ]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.monotonic() - started
    return soak, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", nargs="?", type=Path)
    ap.add_argument("--queries", type=int, default=20_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--attackers", type=int, default=2)
    ap.add_argument("--max-seconds", type=float, default=900)
    ap.add_argument("--timeout", type=float, default=2)
    ap.add_argument("--workers", type=int, default=4)
    args = ap.parse_args()
    build = args.build or bundled_build("cg-soak-")
    soak, wall = run_soak(
        build,
        queries=args.queries,
        clients=args.clients,
        attackers=args.attackers,
        max_seconds=args.max_seconds,
        timeout=args.timeout,
        workers=args.workers,
    )
    done = len(soak.users) + sum(soak.attacks.values())
    q = statistics.quantiles(soak.users, n=100)
    print(
        f"| soak | {done} requests in {wall:.0f} s, {args.clients} clients ({args.attackers} attacking), "
        f"{args.workers} workers | "
        f"users {len(soak.users)}: p50 {statistics.median(soak.users) * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, "
        f"errors {sum(soak.user_errors.values())} {dict(soak.user_errors)} | "
        f"attacks {sum(soak.attacks.values())}, slowest answer {max(soak.attack_seconds):.1f} s | "
        f"server peak PSS {soak.peak_pss_mb:.0f} MB |"
    )
    for (name, status), n in sorted(soak.attacks.items()):
        print(f"|   {name} | HTTP {status} | {n} |")


if __name__ == "__main__":
    main()
