"""Page open times in Chromium, median of three loads from `file://`.

- On synthetic graphs of 500, 2,000 and 10,000 nodes (in the contract's terms, every kind present):
  the time to render every page, and the network page's open time, from navigation start to its
  first drawn, stabilised graph (`window.cgReadyAt`, set by the page).
- With `--build DIR`, on a build's own pages: the landing page (`index.html`, the council board)
  and the turnover and timelines pages, each from navigation start to the end of its load event
  (they are static: nothing is drawn after it), and the network page as above.
- With `--render DIR`, the time to write a build's pages (from its graph.nt, into a folder of its
  own, DIR untouched), three ways: every page (a first render), again with nothing changed (the
  page keys alone), and after one sentence of one person's facts is amended (the keys and the few
  pages that print it). CPU seconds of this process and wall seconds; the graph is read first
  (what `councilgraph render` does and a build does not: it holds the graph), and the view
  (`graph_view`, which every render makes) is timed apart.

Run: .venv/bin/python bench/bench_html.py [SIZES...]
     .venv/bin/python bench/bench_html.py --build OUT   (a build folder, e.g. OUT of `councilgraph build`)
     .venv/bin/python bench/bench_html.py --render OUT
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from graph.core.namespaces import CG, DCTERMS, FOAF, ORG, PROV, RDF, SCHEMA, SKOS, TIME, XSD
from graph.core.triples import Triples
from graph.pages.chromium import launch
from graph.pages.render import PAGES_MANIFEST, write_pages
from graph.pages.site import _read_graph, graph_view, render_html

ID = "https://w3id.org/councilgraph/id/"


def synthetic_graph(n: int, seed: int = 1) -> Triples:
    """About `n` nodes: 40% people, 8% bodies, 8% posts, 14% meetings, 10% decisions,
    15% actions, 5% documents, linked the way a real build links them. A `Triples`, as the
    build hands the renderer."""
    rnd = random.Random(seed)
    g = Triples()
    count = {
        k: max(1, int(n * f))
        for k, f in (
            ("person", 0.40),
            ("body", 0.08),
            ("post", 0.08),
            ("meeting", 0.14),
            ("decision", 0.10),
            ("action", 0.15),
            ("document", 0.05),
        )
    }
    docs = _documents(g, rnd, count["document"])
    people = [_iri("person", i) for i in range(count["person"])]
    for i, p in enumerate(people):
        g.add((p, RDF.type, FOAF.Person))
        g.add((p, FOAF.name, Literal(f"Person {i} Surname{i % 97}")))
    bodies = [_iri("body", i) for i in range(count["body"])]
    for i, b in enumerate(bodies):
        g.add((b, RDF.type, ORG.Organization))
        g.add((b, SKOS.prefLabel, Literal(f"Committee {i}")))
        if i:
            g.add((b, ORG.unitOf, bodies[0]))
    posts = [_iri("role", i) for i in range(count["post"])]
    for i, r in enumerate(posts):
        g.add((r, RDF.type, ORG.Role))
        g.add((r, RDF.type, ORG.Post))
        g.add((r, SKOS.prefLabel, Literal(f"Director {i}")))
        g.add((r, ORG.postIn, bodies[i % len(bodies)]))
    for i, p in enumerate(people):
        for k in range(rnd.choice((1, 1, 2))):
            _membership(g, rnd, URIRef(f"{ID}membership/{i}-{k}"), i, p, posts, bodies, docs)
    meetings = _meetings(g, rnd, count["meeting"], people, bodies, docs)
    for kind, cls, pred in (("decision", CG.Decision, CG.decidedBy), ("action", CG.Action, CG.owner)):
        for i in range(count[kind]):
            x = _iri(kind, i)
            g.add((x, RDF.type, cls))
            g.add((x, CG.text, Literal(f"That the {kind} {i} be carried out")))
            g.add((x, pred, rnd.choice(bodies if kind == "decision" else people)))
            g.add((x, DCTERMS.date, _date(rnd.randint(2014, 2026), rnd.randint(1, 12), 1)))
            g.add((x, CG.evidence, Literal(f"RESOLVED: that the {kind} {i} be carried out")))
            g.add((x, PROV.wasDerivedFrom, rnd.choice(docs)))
            if kind == "decision":
                g.add((x, CG.atMeeting, rnd.choice(meetings)))
    return g


def _iri(kind: str, i: int) -> URIRef:
    return URIRef(f"{ID}{kind}/{i}")


def _date(y: int, m: int = 1, day: int = 1) -> Literal:
    return Literal(f"{y:04d}-{m:02d}-{day:02d}", datatype=XSD.date)


def _documents(g: Triples, rnd: random.Random, count: int) -> list[URIRef]:
    docs = [_iri("document", i) for i in range(count)]
    for i, doc in enumerate(docs):
        g.add((doc, RDF.type, FOAF.Document))
        g.add((doc, DCTERMS.identifier, Literal(f"doc_{i:05d}.txt")))
        g.add((doc, DCTERMS.title, Literal(f"Agenda pack {i}")))
        g.add((doc, DCTERMS.date, _date(rnd.randint(2014, 2026), rnd.randint(1, 12), rnd.randint(1, 28))))
    return docs


def _membership(
    g: Triples,
    rnd: random.Random,
    m: URIRef,
    i: int,
    p: URIRef,
    posts: list[URIRef],
    bodies: list[URIRef],
    docs: list[URIRef],
) -> None:
    """Person `i` (`p`) holds a random post, attested in a year; three in ten with stated dates."""
    r = posts[rnd.randrange(len(posts))]
    start = rnd.randint(2014, 2025)
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, p))
    g.add((m, ORG.organization, bodies[posts.index(r) % len(bodies)]))
    g.add((m, ORG.role, r))
    g.add((m, CG.attestedOn, _date(start, rnd.randint(1, 12), 1)))
    g.add((m, CG.evidence, Literal(f"Person {i} was appointed Director {posts.index(r)} in {start}.")))
    g.add((m, PROV.wasDerivedFrom, rnd.choice(docs)))
    if rnd.random() < 0.3:
        iv, s, e = URIRef(f"{m}/during"), URIRef(f"{m}/start"), URIRef(f"{m}/end")
        g.add((m, ORG.memberDuring, iv))
        g.add((iv, TIME.hasBeginning, s))
        g.add((s, TIME.inXSDDate, _date(start)))
        g.add((iv, TIME.hasEnd, e))
        g.add((e, TIME.inXSDDate, _date(min(start + rnd.randint(1, 4), 2026))))
        if rnd.random() < 0.1:
            g.add((m, CG.interim, Literal(True)))


def _meetings(
    g: Triples,
    rnd: random.Random,
    count: int,
    people: list[URIRef],
    bodies: list[URIRef],
    docs: list[URIRef],
) -> list[URIRef]:
    meetings = [_iri("meeting", i) for i in range(count)]
    for i, e in enumerate(meetings):
        y = rnd.randint(2014, 2026)
        g.add((e, RDF.type, CG.Meeting))
        g.add((e, CG.body, rnd.choice(bodies)))
        g.add((e, DCTERMS.date, _date(y, rnd.randint(1, 12), rnd.randint(1, 28))))
        g.add((e, CG.evidence, Literal(f"Minutes of meeting {i}")))
        g.add((e, PROV.wasDerivedFrom, rnd.choice(docs)))
        for p in rnd.sample(people, min(len(people), 4)):
            g.add((e, SCHEMA.attendee, p))
        g.add((e, CG.apologies, rnd.choice(people)))
    return meetings


def open_times(index: Path, runs: int = 3) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = launch(p)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(index.as_uri())
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120000)
            times.append(page.evaluate("window.cgReadyAt") / 1000)
            page.close()
        browser.close()
    return times


def load_times(page_path: Path, runs: int = 3) -> list[float]:
    """Seconds from navigation start to the end of the load event of a static page, per load."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = launch(p)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(page_path.as_uri(), wait_until="load", timeout=120000)
            end = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            times.append(end / 1000)
            page.close()
        browser.close()
    return times


def build_pages(out: Path) -> None:
    """Open times of a build's landing, turnover, timelines and network pages."""
    html = out / "html"
    if not (html / "index.html").is_file():
        raise SystemExit(f"no {html / 'index.html'}: build first (`councilgraph build PATH --out {out}`)")
    print(f"{'page':<16} {'MB':>6} {'open s (median of 3)':>21}")
    for name in ("index.html", "turnover.html", "timelines.html", "network.html"):
        path = html / name
        times = open_times(path) if name == "network.html" else load_times(path)
        print(
            f"{name:<16} {path.stat().st_size / 1e6:>6.2f} {statistics.median(times):>21.2f}   runs: "
            + ", ".join(f"{x:.2f}" for x in times),
            flush=True,
        )


def _timed(label: str, run: Callable[[], object], pages: Callable[[], dict[str, str]] | None = None) -> None:
    """Print the CPU and wall seconds `run` takes and, given `pages` (the manifest's page keys),
    how many pages it rewrote."""
    before = pages() if pages else {}
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    rewritten = f"{sum(before.get(k) != key for k, key in pages().items()):>7}" if pages else ""
    print(f"{label:<34} {cpu:>7.2f} {wall:>7.2f} {rewritten}", flush=True)


def render_times(out: Path) -> None:
    """Seconds to write a build's pages: whole, unchanged, and after one amended sentence."""
    print(f"{'':<34} {'cpu s':>7} {'wall s':>7} {'pages':>7}")
    graphs: list[Graph | Triples] = []
    _timed("read graph.nt (`render` only)", lambda: graphs.append(_read_graph(out)))
    graph = graphs.pop()
    views = []
    _timed("view (graph_view)", lambda: views.append(graph_view(graph)))
    v = views[0]
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp)

        def keys() -> dict[str, str]:
            path = target / "html" / PAGES_MANIFEST
            return json.loads(path.read_text(encoding="utf-8"))["pages"] if path.is_file() else {}

        _timed("every page", lambda: write_pages(target, v), keys)
        _timed("again, nothing changed", lambda: write_pages(target, v), keys)
        person = next(n for n in v.nodes if n.kind == "person" and any(f.evidence for f in n.facts))
        evidence = next(f.evidence for f in person.facts if f.evidence)
        evidence[0] += " (as amended)"  # the facts read from that sentence share the list
        _timed("after one sentence amended", lambda: write_pages(target, v), keys)


def main(sizes: list[int]) -> None:
    print(
        f"{'nodes':>7} {'in page':>8} {'shown':>6} {'edges':>7} {'html MB':>8} {'facts MB':>9} {'render s':>9} {'open s (median of 3)':>21}"
    )
    for n in sizes:
        g = synthetic_graph(n)
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            index = render_html(Path(tmp), g).parent / "network.html"
            render_s = time.perf_counter() - t
            text = index.read_text(encoding="utf-8")
            import json

            block = text.split('id="cg-data">', 1)[1].split("</script>", 1)[0]
            data = json.loads(block)
            times = open_times(index)
            shown = min(len(data["nodes"]), data["limit"] or len(data["nodes"]))
            facts_mb = sum(f.stat().st_size for f in (index.parent / "data").glob("facts-*.js")) / 1e6
            print(
                f"{n:>7} {len(data['nodes']):>8} {shown:>6} {len(data['edges']):>7} {len(text) / 1e6:>8.1f} "
                f"{facts_mb:>9.1f} {render_s:>9.1f} {statistics.median(times):>21.2f}   runs: "
                + ", ".join(f"{x:.2f}" for x in times),
                flush=True,
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build"] and len(sys.argv) == 3:
        build_pages(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["--render"] and len(sys.argv) == 3:
        render_times(Path(sys.argv[2]))
    elif all(a.isdigit() for a in sys.argv[1:]):
        main([int(a) for a in sys.argv[1:]] or [500, 2000, 10000])
    else:
        sys.exit(__doc__)
