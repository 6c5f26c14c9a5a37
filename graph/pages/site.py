"""The graph as HTML pages that work offline from `file://`: the one door the build and the
command line use (`render_html`, `mark_rendered`).

`render_html(out)` reads `out/graph.nt` (or takes the graph the build holds) and writes
`out/html/`:

- `index.html`: the council board, the landing page: each council's key roles, cabinet and
  committee chairs on one time axis, holders as bars that open their pages (`graph.pages.board`).
- `network.html`: the network, self-contained (vis-network from the pyvis package inlined, no
  CDN). The graph's nodes and edges travel as JSON in a `<script type="application/json">` block,
  escaped so no text can close it; the page's script puts document text on the page with
  `textContent` only, never as markup. It opens on one council (or the node its `#ref` names)
  with two steps of neighbours; the whole graph (the best-connected nodes that pass the filters,
  a limit the reader can raise) only when asked.
- `data/facts-NNNN.js`: every node's facts, with their evidence, which the network page loads
  when a node is clicked (`graph.pages.data`).
- `turnover.html`: turnover at a glance, charts per council and across councils counted from the
  boards, each beside a table of its numbers (`graph.pages.turnover`, `graph.pages.charts`).
- `people.html`, `bodies.html`, `timelines.html`, and `person/`, `body/`, `post/` pages, written
  from Jinja templates with autoescape on (`graph.pages.render`, `graph.pages.people`); the SVG
  (board rows, ego diagrams, Gantt bars) is drawn with every text passed through
  `markupsafe.escape` (`graph.pages.drawing`). docs/pages.md describes each page.

The build draws them from the councils' part files a council's view at a time (`render_parts`,
`graph.pages.bycouncil`), so that the render's memory follows the largest council; `render_html`
draws them from the whole graph, as `councilgraph render` does. Both write the same bytes.

The house has four rooms: `view` reads the graph into the records the pages show (`board` and
`people` pick from them what the board and a person's page lead with, `turnover` counts the
boards' holders per year), `data` turns them into the JSON the network page loads, `drawing` and
`charts` into SVG, and `render` writes the pages,
rewriting on a rebuild only those whose content changed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from rdflib import Graph

from graph.core.collect import fewer_collections
from graph.core.store import HTML_STAMP
from graph.core.triples import Triples, read_nt
from graph.pages.bycouncil import write_council_pages
from graph.pages.data import DEFAULT_LIMIT
from graph.pages.render import mark_rendered, write_pages
from graph.pages.view import View, graph_view

__all__ = [
    "DEFAULT_LIMIT",
    "graph_view",
    "mark_rendered",
    "page_view",
    "render_html",
    "render_parts",
    "write_pages",
]


def _read_graph(out: Path) -> Graph | Triples:
    """The graph of a build folder: graph.nt, or graph.ttl when it alone is there."""
    nt, ttl = out / "graph.nt", out / "graph.ttl"
    if nt.is_file():
        with nt.open("rb") as f:
            return read_nt(f)
    if ttl.is_file():
        return Graph().parse(ttl, format="turtle")
    raise FileNotFoundError(f"no graph in {out}: run `councilgraph build PATH --out {out}` first")


def render_html(out: Path, graph: Graph | Triples | None = None, *, limit: int = DEFAULT_LIMIT) -> Path:
    """Write `out/html/` from the graph (read from `out/graph.nt` when not given); return the path
    of `index.html`. The pages' stamp is removed first; the build writes it again (`mark_rendered`)
    once graph.nt, which another process writes meanwhile, is written too."""
    out = Path(out)
    with fewer_collections():
        return write_pages(out, page_view(out, _read_graph(out) if graph is None else graph), limit=limit)


def render_parts(out: Path, parts: list[Path], *, limit: int = DEFAULT_LIMIT) -> Path:
    """Write `out/html/` from the graph's part files, a council's view at a time
    (`graph.pages.bycouncil`): the same pages `render_html` writes from the merged graph. The
    pages' stamp is removed first, as `render_html` does."""
    with contextlib.suppress(FileNotFoundError):
        (Path(out) / HTML_STAMP).unlink()
    return write_council_pages(Path(out), parts, limit=limit)


def page_view(out: Path, graph: Graph | Triples) -> View:
    """The view the pages of `out/html/` are drawn from, the pages' stamp removed first (the first
    half of `render_html`: the build drops its graph between the two)."""
    with contextlib.suppress(FileNotFoundError):
        (Path(out) / HTML_STAMP).unlink()
    return graph_view(graph)
