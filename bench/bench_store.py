"""Oxigraph vs rdflib: load and query times for the bundled graph and a synthetic graph of
1M triples in the contract's shape, printed as one table (`make bench`).

    .venv/bin/python bench/bench_store.py [--graph output] [--triples 1000000] [--repeat 3]

The bundled graph is DIR/graph.nt of a build (built from corpus/herefordshire into a temp
folder when there is none). Both engines load the same N-Triples file into memory; each
query runs `--repeat` times and the median is shown (rdflib on the 1M graph runs each query
once: it takes seconds to minutes; and skips the attendance-rate query there, see QUERIES).
Times are wall-clock seconds on this machine.

    .venv/bin/python bench/bench_store.py --saved BUILD [BUILD ...] [--base REV] [--repeat 5]

instead times every saved query on each build's own store, with parameters drawn from that graph
(`graph.read.sparql.example_parameters`: a real person, post, body, date, ...), and prints the
median and max wall-clock seconds of `--repeat` runs per query, and their median CPU seconds (the
query's own cost, steady on shared cores where the wall clock varies twofold), as a Markdown table.
A BUILD that is a graph file (BUILD/graph.nt) is loaded into an in-memory store. With `--base REV`, also the
queries as they were at commit REV (read with `git show`), on the same store and parameters, and
whether the two answers agree (row for row; or the same rows in another order; or the same but for
the order of the items inside a `; `-joined cell, which SPARQL leaves open). A paged saved query
(a listing: its first page is what is timed) is compared by its whole listing (`load_query(name,
whole=True)`, run once more, untimed), and its page is checked to be rows of that listing.

    .venv/bin/python bench/bench_store.py --saved BUILD --pages

times every page of each paged saved query instead (page 1, 2, ... until an empty one).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.read.sparql import (  # noqa: E402
    PREFIX_BLOCK,
    example_parameters,
    fill,
    load_query,
    open_store,
    run_query,
    saved_queries,
)

QUERIES = {  # name -> (saved query name or SPARQL text, parameters, run by rdflib on the big graph too?)
    "count by type": ("SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t", {}, True),
    "one person's posts": ("person-posts", {"PERSON": "Person 123"}, True),
    "members of a body": ("members-of-body", {"BODY": "Committee 77"}, True),
    "people on several bodies": ("people-on-several-bodies", {}, True),
    "post holder on a date": (
        "post-holder-on-date",
        {"POST": "Director", "ORG": "Council", "DATE": "2024-07-30"},
        True,
    ),
    # rdflib evaluates its two sub-selects' join row by row: ~20s on the 4.5k-triple bundled graph,
    # hours on 1M, so it is left out there
    "attendance rate": ("attendance-rate", {}, False),
}


def print_summary(summary: dict[str, list[tuple[float, float]]]) -> None:
    """Per code (before/after): the median and max of the per-query medians, and the slowest single run."""
    for tag, runs in summary.items():
        if runs:
            meds = [m for m, _w in runs]
            print(
                f"{tag}: median of the medians {statistics.median(meds):.3f} s, max of the medians "
                f"{max(meds):.3f} s, slowest run {max(w for _m, w in runs):.3f} s",
                file=sys.stderr,
            )


def synthetic(path: Path, target: int, seed: int = 7) -> int:
    """Write ~`target` triples of people, bodies, posts, memberships with dated intervals,
    meetings with attendance and documents, in the contract's terms. Returns the count."""
    rnd = random.Random(seed)
    cg, org, foaf, skos, time_, dct, schema, prov, xsd = (
        "https://w3id.org/councilgraph#",
        "http://www.w3.org/ns/org#",
        "http://xmlns.com/foaf/0.1/",
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/2006/time#",
        "http://purl.org/dc/terms/",
        "https://schema.org/",
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/2001/XMLSchema#",
    )
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    ids = "https://w3id.org/councilgraph/id/"
    n = 0
    with path.open("w", encoding="utf-8") as out:

        def t(s: str, p: str, o: str) -> None:
            nonlocal n
            out.write(f"<{ids}{s}> <{p}> {o} .\n")
            n += 1

        def lit(v: str, dtype: str | None = None) -> str:
            return f'"{v}"' + (f"^^<{xsd}{dtype}>" if dtype else "")

        councils = 50
        bodies = [f"body/{i}" for i in range(councils * 10)]
        for i, b in enumerate(bodies):
            t(b, rdf_type[1:-1], f"<{org}Organization>")
            t(
                b,
                f"{skos}prefLabel",
                lit(f"Council {i}" if i < councils else f"Committee {i} of Council {i % councils}"),
            )
            t(
                b,
                f"{cg}nameKey",
                lit(f"council {i}" if i < councils else f"committee {i} of council {i % councils}"),
            )
            if i >= councils:
                t(b, f"{org}unitOf", f"<{ids}body/{i % councils}>")
        posts = [
            "Chief Executive",
            "Director of Children's Services",
            "Director of Finance",
            "Monitoring Officer",
        ]
        for c in range(councils):
            for j, label in enumerate(posts):
                r = f"role/{c}/{j}"
                t(r, rdf_type[1:-1], f"<{org}Post>")
                t(r, rdf_type[1:-1], f"<{org}Role>")
                t(r, f"{skos}prefLabel", lit(label))
                t(r, f"{cg}nameKey", lit(label.lower().replace("'", "")))
                t(r, f"{org}postIn", f"<{ids}body/{c}>")
        docs = 2000
        for d in range(docs):
            t(f"document/{d}", rdf_type[1:-1], f"<{foaf}Document>")
            t(f"document/{d}", f"{dct}identifier", lit(f"doc{d}.txt"))
        p = 0
        while n < target:
            person = f"person/{p}"
            t(person, rdf_type[1:-1], f"<{foaf}Person>")
            t(person, f"{foaf}name", lit(f"Person {p}"))
            t(person, f"{cg}nameKey", lit(f"person {p}"))
            for k in range(rnd.randint(1, 3)):  # memberships
                m = f"membership/{p}/{k}"
                c = rnd.randrange(councils)
                body_i = c if k == 0 else councils + rnd.randrange(len(bodies) - councils)
                role = f"role/{c}/{rnd.randrange(len(posts))}" if k == 0 else f"seat/{body_i}/member"
                y = rnd.randint(2014, 2025)
                t(m, rdf_type[1:-1], f"<{org}Membership>")
                t(m, f"{org}member", f"<{ids}{person}>")
                t(m, f"{org}organization", f"<{ids}body/{body_i}>")
                t(m, f"{org}role", f"<{ids}{role}>")
                seen = f"{y}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
                t(m, f"{cg}attestedOn", lit(seen, "date"))
                t(m, f"{cg}heldUntil", lit(seen, "date"))
                t(m, f"{prov}wasDerivedFrom", f"<{ids}document/{rnd.randrange(docs)}>")
                first = seen
                if rnd.random() < 0.5:
                    first = f"{y}-01-01"
                    t(m, f"{org}memberDuring", f"<{ids}{m}/during>")
                    t(f"{m}/during", f"{time_}hasBeginning", f"<{ids}{m}/start>")
                    t(f"{m}/start", f"{time_}inXSDDate", lit(f"{y}-01-01", "date"))
                t(m, f"{cg}heldFrom", lit(first, "date"))
                if rnd.random() < 0.1:
                    t(m, f"{cg}interim", lit("true", "boolean"))
            if p % 10 == 0:  # a meeting with ~10 attendees
                e = f"meeting/{p}"
                t(e, rdf_type[1:-1], f"<{cg}Meeting>")
                t(e, f"{cg}body", f"<{ids}body/{councils + rnd.randrange(len(bodies) - councils)}>")
                t(e, f"{dct}date", lit(f"{rnd.randint(2014, 2025)}-06-15", "date"))
                for a in rnd.sample(range(max(p, 10)), 10):
                    t(e, f"{schema}attendee", f"<{ids}person/{a}>")
            p += 1
        for b in range(councils, len(bodies)):
            r = f"seat/{b}/member"
            t(r, rdf_type[1:-1], f"<{org}Role>")
            t(r, f"{skos}prefLabel", lit("Member"))
            t(r, f"{cg}nameKey", lit("member"))
    return n


def _time(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def bench(nt: Path, repeat: int, rdflib_repeat: int, big: bool = False) -> list[tuple]:
    import pyoxigraph
    import rdflib

    rows = []

    def ox_load():
        s = pyoxigraph.Store()
        s.bulk_load(path=str(nt), format=pyoxigraph.RdfFormat.N_TRIPLES)
        return s

    def rl_load():
        g = rdflib.Graph()
        g.parse(nt, format="nt")
        return g

    t_ox, store = _time(ox_load, 1)
    t_rl, graph = _time(rl_load, 1)
    rows.append(("load", t_ox, t_rl, len(store), len(graph)))
    for label, (name, params, on_big) in QUERIES.items():
        q = PREFIX_BLOCK + fill(name if " " in name else load_query(name), params)
        t_ox, r_ox = _time(lambda q=q: len(list(store.query(q))), repeat)
        if on_big or not big:
            t_rl, r_rl = _time(lambda q=q: len(list(graph.query(q))), rdflib_repeat)
        else:
            t_rl, r_rl = float("nan"), "-"
        rows.append((label, t_ox, t_rl, r_ox, r_rl))
    return rows


def _query_at(rev: str, name: str) -> str | None:
    """A saved query's text at commit `rev` (None where it did not exist)."""
    got = subprocess.run(
        ["git", "show", f"{rev}:graph/read/queries/{name}.rq"], cwd=ROOT, capture_output=True, text=True
    )
    return got.stdout if got.returncode == 0 else None


def _timed(
    build: Path, store, text: str, params: dict[str, str], repeat: int
) -> tuple[float, float, float, tuple]:
    """Median and max wall-clock seconds of `repeat` runs, their median CPU seconds (the query runs in
    this thread, so this is its own cost, whatever else the machine's cores are doing), and the last
    run's answer (columns, rows)."""
    times, cpu, answer = [], [], ()
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        answer = run_query(build, text, params, store=store)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(times), max(times), statistics.median(cpu), answer


def same_answer(before: tuple, after: tuple) -> str:
    """How two answers to one question compare: row for row, as the same rows in another order, as the
    same rows but for the order of the items inside a `; `-joined cell (which SPARQL leaves open), or not."""
    if before == after:
        return "same"
    (cols_b, rows_b), (cols_a, rows_a) = before, after
    if cols_b != cols_a:
        return "DIFFERENT"
    if sorted(map(repr, rows_b)) == sorted(map(repr, rows_a)):
        return "same rows, other order"

    def as_sets(rows: list) -> list[str]:
        return sorted(repr([None if v is None else sorted(v.split("; ")) for v in r]) for r in rows)

    return "same but the order inside a list" if as_sets(rows_b) == as_sets(rows_a) else "DIFFERENT"


def _agreement(build: Path, store, name: str, params: dict[str, str], answers: dict) -> str:
    """The base's answer against this tree's: for a paged query, against its whole listing (run once,
    untimed), and whether the page timed is rows of that listing."""
    if "before" not in answers:
        return "-"
    whole = load_query(name, whole=True)
    if whole == load_query(name):
        return same_answer(answers["before"], answers["after"])
    listing = run_query(build, whole, params, store=store)
    listed = Counter(_listed(listing[1]))
    in_whole = answers["after"][0] == listing[0] and not Counter(_listed(answers["after"][1])) - listed
    return (
        f"whole: {same_answer(answers['before'], listing)}; "
        f"page: {'rows of the whole' if in_whole else 'NOT rows of the whole'}"
    )


def _listed(rows: list) -> list[tuple]:
    """Rows with each `; `-joined cell as a sorted list (SPARQL leaves a GROUP_CONCAT's order open)."""
    return [tuple(None if v is None else tuple(sorted(v.split("; "))) for v in r) for r in rows]


def saved_table(builds: list[Path], repeat: int, base: str | None) -> None:
    """Every saved query on each build's store, with parameters drawn from that graph: a Markdown table
    (with `base`, also that commit's queries, run just before, and whether the two answers agree)."""
    print(
        "| build | query | parameters | "
        + ("before: median / max s, median CPU s (rows) | " if base else "")
        + "after: median / max s, median CPU s (rows) |"
        + (" answers |" if base else "")
    )
    print("|---|---|---|" + ("---|" if base else "") + "---|" + ("---|" if base else ""))
    summary: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    cpu_summary: dict[str, list[float]] = {"before": [], "after": []}
    for build in builds:
        store = open_store(build)
        examples = example_parameters(build, store)
        for name, text in sorted(saved_queries().items()):
            params = examples.get(name, {})
            cells, answers = [], {}
            for tag, q in (("before", _query_at(base, name) if base else None), ("after", text)):
                if tag == "before" and not base:
                    continue
                if q is None:
                    cells.append("-")
                    continue
                med, worst, cpu, answers[tag] = _timed(build, store, q, params, repeat)
                summary[tag].append((med, worst))
                cpu_summary[tag].append(cpu)
                cells.append(f"{med:.3f} / {worst:.3f}, cpu {cpu:.3f} ({len(answers[tag][1])})")
            if base:
                cells.append(_agreement(build, store, name, params, answers))
            shown = ", ".join(f"{k}={v[:40]}" for k, v in params.items())
            print(f"| {build.name} | `{name}` | {shown} | " + " | ".join(cells) + " |")
    print_summary(summary)
    for tag, cpus in cpu_summary.items():
        if cpus:
            print(
                f"{tag}: CPU seconds, median of the medians {statistics.median(cpus):.3f}, max {max(cpus):.3f}",
                file=sys.stderr,
            )


def every_page(builds: list[Path]) -> None:
    """Every page of every paged saved query, one after the other until an empty page, with the
    parameters drawn from the graph: a Markdown row per query (pages, rows in all, the median and the
    slowest page's CPU seconds, all pages' CPU seconds), so that a page's cost is known beyond the first."""
    from graph.read.sparql import at_page, page_size

    print(
        "| build | query | pages | rows in all | median page CPU s | slowest page CPU s | all pages CPU s |"
    )
    print("|---|---|---|---|---|---|---|")
    for build in builds:
        store = open_store(build)
        examples = example_parameters(build, store)
        for name, text in sorted(saved_queries().items()):
            if page_size(text) is None:
                continue
            cpus, total, page, rows = [], 0, 0, [None]
            while rows:
                page += 1
                c0 = time.process_time()
                _columns, rows = run_query(build, at_page(text, page), examples.get(name, {}), store=store)
                cpus.append((time.process_time() - c0, page))
                total += len(rows)
            worst = max(cpus)
            print(
                f"| {build.name} | `{name}` | {page - 1} | {total} | {statistics.median(c for c, _ in cpus):.3f} "
                f"| {worst[0]:.3f} (page {worst[1]}) | {sum(c for c, _ in cpus):.1f} |"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, default=ROOT / "output", help="a build folder with graph.nt")
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--saved", type=Path, nargs="+", help="build folders: time every saved query on each")
    ap.add_argument("--base", help="with --saved: also time the saved queries of this commit")
    ap.add_argument("--pages", action="store_true", help="with --saved: time every page of each paged query")
    args = ap.parse_args()
    if args.saved and args.pages:
        every_page(args.saved)
        return
    if args.saved:
        saved_table(args.saved, args.repeat, args.base)
        return
    with tempfile.TemporaryDirectory() as tmp:
        nt = args.graph / "graph.nt"
        if not nt.is_file():
            from graph.run.corpus import build_corpus

            print(f"no {nt}: building corpus/herefordshire into a temp folder", file=sys.stderr)
            build_corpus([ROOT / "corpus" / "herefordshire"], Path(tmp) / "seeds")
            nt = Path(tmp) / "seeds" / "graph.nt"
        syn = Path(tmp) / "synthetic.nt"
        t0 = time.perf_counter()
        n = synthetic(syn, args.triples)
        print(f"synthetic graph: {n} triples written in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        table = [("bundled", *r) for r in bench(nt, args.repeat, 1)]
        table += [(f"synthetic {n // 1000}k", *r) for r in bench(syn, args.repeat, 1, big=True)]
    head = f"{'graph':<16} {'step':<24} {'oxigraph s':>11} {'rdflib s':>10} {'speed-up':>9} {'rows ox/rdflib':>16}"
    print(head)
    print("-" * len(head))
    for g, step, t_ox, t_rl, r_ox, r_rl in table:
        ratio = f"{t_rl / t_ox:>8.1f}x" if t_ox > 0 and t_rl == t_rl else f"{'-':>9}"
        rl = f"{t_rl:>10.4f}" if t_rl == t_rl else f"{'skipped':>10}"
        print(f"{g:<16} {step:<24} {t_ox:>11.4f} {rl} {ratio} {f'{r_ox}/{r_rl}':>16}")


if __name__ == "__main__":
    main()
