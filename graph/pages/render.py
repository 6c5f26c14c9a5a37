"""The pages written: Jinja rendering, and the page cache that lets a rebuild rewrite only what
changed.

Every page is yielded with a key worked out from the values its template prints (`_pages`),
without rendering it; `write_pages` renders and writes only the pages whose key differs from the
one recorded in `html/.pages.json`. The templates autoescape; the JSON and SVG they embed as
`Markup` are escaped where they are made (`graph.pages.data`, `graph.pages.drawing`).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import marshal
import os
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from graph.core.store import HTML_STAMP, write_atomic
from graph.pages.board import Board, KeyRoles, boards, own_label
from graph.pages.charts import across_figures, council_figures
from graph.pages.data import (
    DEFAULT_LIMIT,
    SHARD_DIR,
    FactsFiles,
    page_data,
    script_json,
    shard_members,
)
from graph.pages.drawing import (
    EgoInputs,
    GanttRow,
    draw_board_section,
    draw_ego,
    draw_gantt,
    ego_inputs,
    gantt_axis,
    gantt_rows,
    legend_svg,
)
from graph.pages.people import (
    Said,
    main_post,
    posts_held,
    sentences,
    source_documents,
    tenures_by_person,
    years_of,
)
from graph.pages.turnover import turnover_charts
from graph.pages.view import KINDS, PAGE_KINDS, Fact, Node, Tenure, View, year

PAGES_MANIFEST = ".pages.json"  # in html/: the renderer's key and, per page, the key of what it shows

# a page: (path under html/, key of what it shows, how to render it: its text, or its UTF-8 bytes,
# whole or in pieces)
Page = tuple[str, str, Callable[[], str | bytes | list[bytes]]]


def templates() -> Environment:
    """The pages' Jinja templates, autoescaped."""
    env = Environment(
        loader=PackageLoader("graph.pages", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # a render is one run of this code: no stat of each template per page
    )
    env.globals.update(KINDS=KINDS, legend_svg=legend_svg)
    return env


def vis_js() -> str:
    """The vis-network script pyvis ships, found without importing pyvis (its import costs more
    than a rebuild's whole page render)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed: its vis-network script is inlined in index.html")
    path = Path(spec.submodule_search_locations[0]) / "lib" / "vis-9.1.2" / "vis-network.min.js"
    js = path.read_text(encoding="utf-8")
    if "</script" in js.lower() or "<!--" in js:
        raise ValueError("vis-network.min.js contains </script or <!--: cannot be inlined safely")
    return js


# --- keys: what each page is a function of -----------------------------------------------


def code_key(limit: int, script: str | None = None) -> str:
    """What every page is a function of besides the graph: the limit, this package's modules, its
    templates and the vis-network script the main page inlines (`script`, read when not given)."""
    h = hashlib.sha256(f"limit={limit}\n".encode())
    here = Path(__file__).parent
    for module in sorted(here.glob("*.py")):
        h.update(module.name.encode() + b"\0" + module.read_bytes())
    h.update((vis_js() if script is None else script).encode("utf-8"))
    for tpl in sorted((here / "templates").glob("*.html")):
        h.update(tpl.name.encode() + b"\0" + tpl.read_bytes())
    return h.hexdigest()


def source_key(code: str, nt_digest: str) -> str:
    """What the pages are a function of: graph.nt (by the SHA-256 of its bytes) and the code (`code_key`)."""
    return hashlib.sha256(f"{code}\n{nt_digest}".encode()).hexdigest()


def mark_rendered(out: Path, nt_digest: str, *, limit: int = DEFAULT_LIMIT) -> None:
    """Record that `out/html/` was rendered (by `render_html`, with `limit`) from a graph.nt whose
    bytes have the SHA-256 `nt_digest`. The build calls it once both the pages and graph.nt are
    written; the next build keeps its outputs only when the stamp still says so."""
    (Path(out) / HTML_STAMP).write_text(source_key(code_key(limit), nt_digest) + "\n", encoding="utf-8")


def _key(*parts: Any) -> str:
    """A digest of plain values (str, int, None, lists, tuples, dicts): `marshal` format 2, which
    writes every value out (no references to objects met before, so equal values give equal
    bytes) and is several times faster than JSON (a page's facts carry all their evidence)."""
    return hashlib.sha256(marshal.dumps(parts, 2)).hexdigest()


def _digest(shown: Any) -> bytes:
    """A short digest of plain values, as `_key` makes (one of a page's parts)."""
    return hashlib.sha1(marshal.dumps(shown, 2)).digest()


class _SharedLists:
    """Digests and HTML of the lists that facts share, each worked out once for a render. The view
    gives all the facts read from one sentence one evidence list and one list of sources (a
    meeting's evidence is on every attendee's facts, and on the meeting's for each of them):
    digested or escaped per fact, the page keys and the pages would go over the same texts again
    and again (escaping them in the template, one Jinja expression per sentence, was most of the
    time a whole render took)."""

    def __init__(self, v: View) -> None:
        self._v = v
        # per kind of thing made: id(list) -> (the list, what was made of it); the list is kept beside
        # what was made of it, so its id cannot be reused meanwhile
        self._documents: dict[int, tuple[Any, Any]] = {}
        # id(a fact's evidence list) -> (that list, its sources list, what was made of both): the
        # facts read from one sentence share both lists (as `data.FactsFiles` reads them)
        self._cited_digests: dict[int, tuple[list[str], list[int], bytes]] = {}
        self._cited_html: dict[int, tuple[list[str], list[int], bytes]] = {}
        self._said: dict[tuple[tuple[str, str], ...], bytes] = {}
        self._facts: dict[int, bytes] = {}
        self._escaped: dict[str, Markup] = {}
        self._escaped_bytes: dict[str, bytes] = {}

    @staticmethod
    def _once(memo: dict[int, tuple[Any, Any]], items: Any, make: Callable[[Any], Any]) -> Any:
        """What `make` makes of `items`, made once per list (a million calls in a render at 10,000
        documents: no closure is made per call)."""
        hit = memo.get(id(items))
        if hit is None:
            hit = memo[id(items)] = (items, make(items))
        return hit[1]

    def cited_html(self, f: Fact) -> bytes:
        """A facts table's evidence cell (each sentence a blockquote) and source cell (each
        document's label and detail), every text escaped, in UTF-8: made once for the facts that
        share both lists."""
        hit = self._cited_html.get(id(f.evidence))
        if hit is not None and hit[1] is f.sources:
            return hit[2]
        evidence = "".join(f"<blockquote>{self.escaped(e)}</blockquote>" for e in f.evidence)
        html = f"{evidence}</td>\n  <td>{''.join(map(self._source_html, f.sources))}".encode()
        if hit is None:
            self._cited_html[id(f.evidence)] = (f.evidence, f.sources, html)
        return html

    def _source_html(self, d: int) -> str:
        n = self._v.nodes[d]
        detail = f' <span class="muted">{self.escaped(n.detail)}</span>' if n.detail else ""
        return f"<div>{self.escaped(n.label)}{detail}</div>"

    @property
    def escaped_memo(self) -> dict[str, Markup]:
        """The texts escaped so far (`escaped`), read them only."""
        return self._escaped

    def escaped(self, text: str) -> Markup:
        """A text escaped once, however many pages print it (a sentence quoted on every attendee's
        page; a relation, a date or a body's name on thousands of rows)."""
        hit = self._escaped.get(text)
        if hit is None:
            hit = self._escaped[text] = escape(text)
        return hit

    def escaped_bytes(self, text: str) -> bytes:
        """A text escaped and encoded once, however many pages print it."""
        hit = self._escaped_bytes.get(text)
        if hit is None:
            hit = self._escaped_bytes[text] = str(escape(text)).encode()
        return hit

    def documents(self, docs: list[int]) -> tuple[tuple[str, str], ...]:
        """A fact's sources as the sentences naming a person list them (`people.source_documents`)."""
        return self._once(self._documents, docs, partial(source_documents, self._v))

    def said_sources_html(self, docs: tuple[tuple[str, str], ...]) -> bytes:
        """Under a sentence that names a person, the documents it was read from, escaped, in UTF-8."""
        hit = self._said.get(docs)
        if hit is None:
            hit = self._said[docs] = "".join(
                f'<div class="muted">— {escape(label)}{f", {escape(detail)}" if detail else ""}</div>'
                for label, detail in docs
            ).encode()
        return hit

    def _cited(self, f: Fact) -> bytes:
        """A digest of a fact's sentences and of its sources as an ego page prints them (label and
        detail) and a facts file names them (ref), made once for the facts that share both lists."""
        hit = self._cited_digests.get(id(f.evidence))
        if hit is not None and hit[1] is f.sources:
            return hit[2]
        nodes = self._v.nodes
        digest = _digest((f.evidence, [(nodes[d].label, nodes[d].detail, nodes[d].ref) for d in f.sources]))
        if hit is None:
            self._cited_digests[id(f.evidence)] = (f.evidence, f.sources, digest)
        return digest

    def facts(self, n: Node) -> bytes:
        """What the node's page (`_facts_rows`) and its facts file (`data.FactsFiles`) print of its
        facts, as one digest made once for both keys: the union of the two, so a change either
        prints changes it (the other node's page and ref both follow its IRI, a document's label and
        ref its identifier, so the union rewrites next to nothing the page alone would not)."""
        hit = self._facts.get(n.index)
        if hit is not None:
            return hit
        nodes, cited, memo = self._v.nodes, self._cited, self._cited_digests
        shown = []
        for f in n.facts:
            known = memo.get(id(f.evidence))  # `_cited`'s memo read here: no call per fact
            other = None if f.other is None else (nodes[f.other].page, nodes[f.other].ref)
            digest = known[2] if known is not None and known[1] is f.sources else cited(f)
            shown.append((f.relation, f.other_label, other, f.dates, f.note, digest))
        hit = self._facts[n.index] = hashlib.sha1(marshal.dumps(shown, 2)).digest()
        return hit

    def shard(self, nodes: list[Node]) -> list[tuple]:
        """What a facts file holds (`data.FactsFiles`), for its key."""
        return [(n.ref, n.alt, self.facts(n)) for n in nodes]


# --- the pages ---------------------------------------------------------------------------


def _facts_rows(v: View, n: Node, prefix: str, shared: _SharedLists) -> list[bytes]:
    """A node's facts table in UTF-8, a row per fact, every text escaped; the evidence and sources
    cells made once per shared list. Written here rather than as a loop in `ego.html`: a person's
    page at 10,000 documents has hundreds of rows, and the template's expressions per row cost
    more than the rest of the page (docs/pages.md, "How fast the pages are written")."""
    rows: list[bytes] = []
    # the memo read here, `escaped` called only on a miss: no call per text of every row
    known, esc, cited, add = shared.escaped_memo, shared.escaped, shared.cited_html, rows.extend
    for f in n.facts:
        other = v.nodes[f.other] if f.other is not None else None
        with_: str = known.get(f.other_label) or esc(f.other_label)
        if other is not None and other.page:
            with_ = f'<a href="{esc(prefix + other.page)}">{with_}</a>'
        relation = known.get(f.relation) or esc(f.relation)
        dates = known.get(f.dates) or esc(f.dates)
        note = known.get(f.note) or esc(f.note)
        head = (
            f"<tr>\n  <td>{relation}</td>\n  <td>{with_}</td>\n  <td>{dates}</td>\n  <td>{note}</td>\n  <td>"
        )
        add((head.encode(), cited(f), b"</td>\n</tr>\n"))
    return rows


# Where an ego page's long sections go: the template is rendered with these in their place and the
# sections, made of UTF-8 pieces shared between pages, are spliced in (`_spliced`). They cannot come
# from a document: every text from one is escaped, so no `<` of its own reaches the page.
_FACTS, _NAMED, _ROLE_ONLY = "<!--cg:facts-->", "<!--cg:named-->", "<!--cg:role-only-->"
_DATA = "<!--cg:data-->"  # where the network page's data goes


def _spliced(frame: str, sections: list[tuple[str, list[bytes]]]) -> bytes:
    """`_pieces` joined."""
    return b"".join(_pieces(frame, sections))


def _pieces(frame: str, sections: list[tuple[str, list[bytes]]]) -> list[bytes]:
    """The page in UTF-8: `frame` with each marker replaced by its section's pieces, in order. A
    person's page at 10,000 documents is made mostly of sentences quoted on other pages too: joined
    into one text and passed through the template, each was copied four times more per page, in
    two bytes a character wherever a date range's dash was on it (docs/pages.md)."""
    pieces: list[bytes] = []
    for marker, section in sections:
        head, found, frame = frame.partition(marker)
        if not found or marker in frame:
            raise ValueError(f"the page frame holds {marker!r} {'more than once' if found else 'nowhere'}")
        pieces.append(head.encode())
        pieces.extend(section)
    pieces.append(frame.encode())
    return pieces


@dataclass(frozen=True, slots=True)
class _Posts:
    """Each post's tenures and chart values, and each body's posts: the timelines on the timelines
    page, on a post's page and on its body's."""

    by_role: dict[int, list[Tenure]]
    roles_of_org: dict[int, set[int]]
    charts: dict[int, tuple[GanttRow, ...]]

    @classmethod
    def of(cls, v: View) -> _Posts:
        by_role: dict[int, list[Tenure]] = defaultdict(list)
        roles_of_org: dict[int, set[int]] = defaultdict(set)
        for t in v.tenures:
            by_role[t.role].append(t)
            roles_of_org[t.org].add(t.role)
        return cls(by_role, roles_of_org, {r: gantt_rows(v, rows) for r, rows in by_role.items()})

    def timelines(self, v: View, n: Node) -> list[Node]:
        """The posts whose charts a node's page shows: a post its own, a body its posts'."""
        if n.kind == "post" and self.by_role.get(n.index):
            return [n]
        if n.kind == "body":
            return [
                v.nodes[r] for r in sorted(self.roles_of_org.get(n.index, ()), key=lambda r: v.nodes[r].label)
            ]
        return []


@dataclass(frozen=True, slots=True)
class Drawn:
    """What several kinds of page draw on, worked out once per view: the templates, the shared
    lists, the posts' charts, each person's tenures and main post."""

    env: Environment
    shared: _SharedLists
    posts: _Posts
    by_person: dict[int, list[Tenure]]
    mains: dict[int, str]

    @classmethod
    def of(cls, v: View, env: Environment | None = None) -> Drawn:
        """`env`: the templates, loaded once for the views of several parts of a graph."""
        by_person = tenures_by_person(v)
        roles = KeyRoles(v)
        # each person's main post, on the people list and their page
        mains = {p: main_post(v, held, roles) for p, held in by_person.items()}
        return cls(env or templates(), _SharedLists(v), _Posts.of(v), by_person, mains)


def _pages(v: View, limit: int, script: str | None = None) -> Iterator[Page]:
    """Every page as (path under html/, key of what it shows, how to render it). A page's key is
    worked out from the values its template prints, without rendering it, so a rebuild renders
    and writes only the pages whose key changed. `script` is the vis-network script (read when
    not given)."""
    drawn = Drawn.of(v)
    yield from corpus_pages(v, drawn, limit, script, _shard_pages(v, drawn.shared))
    yield from node_pages(v, drawn)


def corpus_pages(
    v: View, drawn: Drawn, limit: int, script: str | None, shards: Iterator[Page]
) -> Iterator[Page]:
    """The pages that show the whole corpus: the board, turnover, the network, the facts files
    (`shards`, made by the caller), the people and bodies lists and the timelines."""
    shown = boards(v)
    yield _board_page(drawn.env, v, shown)
    yield _turnover_page(drawn.env, shown)
    yield _network_page(drawn.env, v, limit, vis_js() if script is None else script)
    yield from shards
    yield from _list_pages(drawn.env, v, drawn.mains)
    yield _timelines_page(drawn.env, v, drawn.posts)


def node_pages(v: View, drawn: Drawn, only: Callable[[Node], bool] | None = None) -> Iterator[Page]:
    """The page of each person, body and post (`only` those it accepts, when given)."""
    yield from _ego_pages(drawn.env, v, drawn.posts, drawn.shared, drawn.by_person, drawn.mains, only)


def _turnover_page(env: Environment, shown: tuple[Board, ...]) -> Page:
    """Turnover at a glance: charts per council and across councils (`graph.pages.turnover`,
    `graph.pages.charts`), keyed by the numbers they draw."""
    charts = turnover_charts(shown)

    def render() -> str:
        councils = [
            {"council": t.council, "anchor": t.anchor, "years": t.years, "figures": council_figures(t)}
            for t in charts
        ]
        across = across_figures(charts) if charts else ()
        return env.get_template("turnover.html").render(councils=councils, across=across)

    return "turnover.html", _key([t.shown() for t in charts]), render


def _board_page(env: Environment, v: View, shown: tuple[Board, ...]) -> Page:
    """The landing page: a board per council (`graph.pages.board`), keyed by its values."""

    def render() -> str:
        drawn = [
            {
                "anchor": b.anchor,
                "council": b.council,
                "page": b.page,
                "ref": b.ref,
                "axis": b.axis,
                "committees": b.committees,
                "drawn": [
                    {"title": title, "count": len(rows), "svg": draw_board_section(rows, b.axis)}
                    for title, rows in b.sections
                ],
            }
            for b in shown
        ]
        return env.get_template("board.html").render(boards=drawn, counts=counts, others=others, names=names)

    counts = {k: sum(1 for n in v.nodes if n.kind == k) for k in KINDS}
    drawn_for = {b.council for b in shown}
    others = sorted(
        (
            (n.label, n.page)
            for n in v.nodes
            if n.kind == "body" and n.detail == "council" and n.label not in drawn_for
        ),
        key=lambda x: x[0].lower(),
    )
    # the search box's autocomplete: every person's and body's name (the network page finds them)
    names = sorted({n.label for n in v.nodes if n.kind in ("person", "body")}, key=lambda x: (x.lower(), x))
    return "index.html", _key([b.shown() for b in shown], counts, others, names), render


def _network_page(env: Environment, v: View, limit: int, script: str) -> Page:
    """The network, keyed by its data as plain values: encoded as JSON only when written (the
    encoding of every node and edge cost more than the rest of its key)."""
    counts = {k: sum(1 for n in v.nodes if n.kind == k) for k in KINDS}
    shown = page_data(v, limit)

    def render() -> list[bytes]:
        # the data (every node and edge) is encoded once and written as it is, not passed
        # through the template and encoded with the page: two copies fewer at the render's peak
        data = script_json(shown).encode("ascii")
        # a nonce derived from the content keeps the page byte-stable; with it the CSP refuses any
        # script or inline handler the page did not write itself
        nonce = hashlib.sha256(data).hexdigest()[:32]
        frame = env.get_template("network.html").render(
            data=Markup(_DATA), vis_js=Markup(script), counts=counts, nonce=nonce
        )
        return _pieces(frame, [(_DATA, [data])])

    return "network.html", _key(shown, counts), render


def _shard_pages(v: View, shared: _SharedLists) -> Iterator[Page]:
    """The facts files, keyed by their values: encoded only when written (`data.FactsFiles`)."""
    files = FactsFiles(v)
    for k, nodes in enumerate(shard_members(v)):
        yield shard_page(k, shared.shard(nodes), partial(files.script, k, nodes))


def shard_page(k: int, shown: list[tuple], render: Callable[[], str]) -> Page:
    """Facts file `k`, keyed by what it holds (`_SharedLists.shard`: each member's ref, other names
    and a digest of its facts)."""
    return f"{SHARD_DIR}/facts-{k:04d}.js", _key(k, shown), render


def _list_pages(env: Environment, v: View, mains: dict[int, str]) -> Iterator[Page]:
    """People (each with their main post and years) and bodies (each with its kind)."""
    for rel, title, kind in (("people.html", "People", "person"), ("bodies.html", "Bodies", "body")):
        items = [
            {
                "label": n.label,
                "page": n.page,
                "detail": mains.get(n.index, "") if kind == "person" else n.detail,
                "years": years_of(n),
                "alt": n.alt,
            }
            for n in sorted((n for n in v.nodes if n.kind == kind), key=lambda n: n.label.lower())
        ]
        yield (
            rel,
            _key([tuple(i.values()) for i in items]),
            partial(env.get_template("list.html").render, title=title, items=items),
        )


def _timelines_page(env: Environment, v: View, posts: _Posts) -> Page:
    """Every post's chart on one axis, each council's posts together (key roles first, then its
    committees'), with what the page's filter reads (council, key role, text, years). Its key is
    made of what the charts show (`gantt_rows`), not of the drawn SVG."""
    by_role = posts.by_role
    parent = _council_of(v)
    size = Counter(parent.get(ts[0].org, ts[0].org) for ts in by_role.values() for _t in ts)
    roles = KeyRoles(v)
    order = sorted(by_role, key=partial(_timeline_order, v, by_role, parent, size, roles))
    axis = gantt_axis([posts.charts[r] for r in order])
    rows = [_timeline_row(v, by_role[r], posts.charts[r], parent, axis, roles) for r in order]
    names = sorted({x for r in rows for x in r["names"]}, key=lambda x: (x.lower(), x))  # ties: no set order
    councils = list(dict.fromkeys(r["council"] for r in rows))
    key = _key([{k: val for k, val in r.items() if k != "node"} for r in rows], axis)
    nonce = key[:32]

    def render() -> str:
        drawn = [{**r, "svg": draw_gantt(r["chart"], link_prefix="", axis=axis)} for r in rows]
        return env.get_template("timelines.html").render(
            title="Post timelines", posts=drawn, axis=axis, names=names, councils=councils, nonce=nonce
        )

    return "timelines.html", key, render


def _timeline_row(
    v: View,
    tenures: list[Tenure],
    chart: tuple[GanttRow, ...],
    parent: dict[int, int],
    axis: tuple[int, int],
    roles: KeyRoles,
) -> dict[str, Any]:
    """A post as the timelines page shows and filters it: plain values (its key is made of them)."""
    t = tenures[0]
    node = v.nodes[t.role]
    holders = sorted({v.nodes[x.person].label for x in tenures})
    years = [y for x in tenures for y in (year(x.start), year(x.end), *(year(a) for a in x.attested)) if y]
    return {
        "node": node,
        "label": node.label,
        "page": node.page,
        "detail": node.detail,
        "holders": len(holders),
        "interims": sum(x.interim for x in tenures),
        "chart": chart,
        "council": v.nodes[parent.get(t.org, t.org)].label,
        "key": roles.heading(t) is not None,
        "text": " ".join([node.label, *holders]).lower(),
        "years": (min(years, default=axis[0]), max(years, default=axis[1])),
        "names": [own_label(v, t), *holders],
    }


def _council_of(v: View) -> dict[int, int]:
    """Each body that is a unit of another -> that other (a committee -> its council)."""
    return {a: b for a, b, label, *_ in v.edges if label == "unit of"}


def _timeline_order(
    v: View,
    by_role: dict[int, list[Tenure]],
    parent: dict[int, int],
    size: Counter[int],
    roles: KeyRoles,
    r: int,
) -> tuple:
    """Posts grouped by council (a committee's under its council), key roles first
    (`graph.pages.board.KEY_ROLES`), then the posts that changed hands most."""
    t = by_role[r][0]
    council = parent.get(t.org, t.org)
    committee = 0 if council == t.org else 1
    rank = roles.rank(t)
    return (
        -size[council],
        v.nodes[council].label.lower(),
        committee,
        rank,
        -len({x.person for x in by_role[r]}),
        v.nodes[r].label.lower(),
    )


def _ego_pages(
    env: Environment,
    v: View,
    posts: _Posts,
    shared: _SharedLists,
    by_person: dict[int, list[Tenure]],
    mains: dict[int, str],
    only: Callable[[Node], bool] | None = None,
) -> Iterator[Page]:
    """A page per person, body and post (those `only` accepts): its diagram, its posts' timelines and its facts; a
    person's leads with their main post, the posts they held and the sentences that name them.
    Keyed by what its charts show (`ego_inputs`, `gantt_rows`), not by the drawn SVG, and by its
    facts, not by the sentences drawn from them (`_person_lead`)."""
    ego = env.get_template("ego.html")
    # a post's chart is on its page and on its body's: drawn once for both
    charts: dict[int, Markup] = {}

    def chart(r: Node) -> Markup:
        svg = charts.get(r.index)
        if svg is None:
            svg = charts[r.index] = draw_gantt(posts.charts[r.index])
        return svg

    def render(n: Node, timelines: list[Node], ego_shown: EgoInputs, lead: dict[str, Any]) -> bytes:
        sections: list[tuple[str, list[bytes]]] = []
        frame = ego.render(
            node=n,
            kind_label=KINDS[n.kind][0],
            ego=draw_ego(ego_shown),
            facts=Markup(_FACTS),
            fact_count=len(n.facts),
            timelines=[{"node": r, "svg": chart(r)} for r in timelines],
            person=_with_sentences(v, n, lead, shared, sections) if lead else {},
        )
        return _spliced(frame, [*sections, (_FACTS, _facts_rows(v, n, "../", shared))])

    for n in v.nodes:
        if not n.page or (only is not None and not only(n)):
            continue
        timelines = posts.timelines(v, n)
        held = by_person.get(n.index, []) if n.kind == "person" else []
        ego_shown = ego_inputs(v, n, first=tuple(dict.fromkeys(t.role for t in held)))
        lead = _person_lead(v, n, held, mains.get(n.index, "")) if n.kind == "person" else {}
        shown = [
            n.label,
            n.detail,
            n.alt,
            min(n.years, default=None),
            max(n.years, default=None),
            KINDS[n.kind][0],
            ego_shown,
            [(r.page, r.label, r is n, posts.charts[r.index]) for r in timelines],
            shared.facts(n),
            sorted(lead.items()),
        ]
        yield n.page, _key(*shown), partial(render, n, timelines, ego_shown, lead)


def _person_lead(v: View, n: Node, held: list[Tenure], main: str) -> dict[str, Any]:
    """What a person's page leads with besides the sentences: main post, years, the posts held;
    plain values, for its key. The sentences that name them (`_with_sentences`) are left out of the
    key: they are the evidence of the node's facts, split by the node's names, and the key holds
    both already (`_SharedLists.facts`), so they are read only when the page is drawn."""
    return {"main": main, "years": years_of(n), "posts": posts_held(v, held)}


def _with_sentences(
    v: View, n: Node, lead: dict[str, Any], shared: _SharedLists, sections: list[tuple[str, list[bytes]]]
) -> dict[str, Any]:
    """A person's lead with how many sentences name them and how many name only their post; the
    sentences themselves, each with its sources (made once for every page that cites the same
    documents), go to `sections`, in the page's order, for `_spliced`."""
    named, role_only = sentences(v, n, shared.documents)
    if named:
        sections.append((_NAMED, _said_html(named, b'<blockquote class="named">', shared)))
    if role_only:
        sections.append((_ROLE_ONLY, _said_html(role_only, b"<blockquote>", shared)))
    return {
        **lead,
        "named": len(named),
        "named_html": Markup(_NAMED),
        "role_only": len(role_only),
        "role_only_html": Markup(_ROLE_ONLY),
    }


def _said_html(said: tuple[Said, ...], opening: bytes, shared: _SharedLists) -> list[bytes]:
    """A person's sentences in UTF-8, a blockquote each with its sources, every text escaped.
    Written here rather than as a loop in `ego.html`: a person at 10,000 documents is named in
    hundreds of sentences, and the template's expressions per sentence cost more than the rest of
    the page."""
    text, sources = shared.escaped_bytes, shared.said_sources_html
    pieces: list[bytes] = []
    for s in said:
        pieces.extend((opening, text(s.text), sources(s.sources), b"</blockquote>\n"))
    return pieces


# --- writing them: whole the first time, then only the pages whose key changed -----------


def _read_manifest(final: Path, code: str) -> dict[str, str] | None:
    """The page keys of the pages in `final`, when they were rendered by this code; else None."""
    try:
        data = json.loads((final / PAGES_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("code") != code or not isinstance(data.get("pages"), dict):
        return None
    return data["pages"]


def write_pages(out: Path, v: View, *, limit: int = DEFAULT_LIMIT) -> Path:
    """Write `out/html/` from the view; return the path of `index.html`.

    A first render (or one by changed code) writes the folder beside and swaps it in whole. Later
    renders rewrite, each atomically, only the pages whose key (`_pages`) differs from the one in
    `html/.pages.json`, and delete the pages no node has any more; the manifest is removed first
    and written last, so a render killed half-way leaves the next one to rewrite every page."""
    script = vis_js()
    return write_stream(out, _pages(v, limit, script), code_key(limit, script))


def write_stream(out: Path, pages: Iterator[Page], code: str) -> Path:
    """Write the pages to `out/html/` (`write_pages`), whole when the manifest was not written by
    `code`, else only those whose key changed; return the path of `index.html`."""
    final = out / "html"
    previous = _read_manifest(final, code)
    if previous is None:
        _write_whole(out, pages, code)
    else:
        _write_changed(final, pages, previous, code)
    return final / "index.html"


def _utf8(page: str | bytes | list[bytes]) -> bytes:
    if isinstance(page, list):
        return b"".join(page)
    return page if isinstance(page, bytes) else page.encode("utf-8")


def _write(path: Path, page: str | bytes | list[bytes]) -> None:
    """A page written as it was rendered: its pieces one after the other, never joined."""
    with path.open("wb") as fh:
        fh.writelines(page if isinstance(page, list) else [_utf8(page)])


def _manifest(code: str, keys: dict[str, str]) -> str:
    return json.dumps({"code": code, "pages": keys}, sort_keys=True)


def _write_whole(out: Path, pages: Iterator[Page], code: str) -> None:
    """Every page and the manifest, written beside and swapped in whole."""
    final, tmp, old = out / "html", out / "html.tmp", out / "html.old"
    if tmp.exists():
        shutil.rmtree(tmp)
    for sub in (*PAGE_KINDS.values(), SHARD_DIR):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
    keys: dict[str, str] = {}
    for rel, page_key, render in pages:
        _write(tmp / rel, render())
        keys[rel] = page_key
        del render  # it holds the view it draws from: let a view drawn a part at a time go with its pages
    (tmp / PAGES_MANIFEST).write_text(_manifest(code, keys), encoding="utf-8")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(tmp, final)
    if old.exists():
        shutil.rmtree(old)


def _write_changed(final: Path, pages: Iterator[Page], previous: dict[str, str], code: str) -> None:
    """Only the pages whose key changed, each atomically; the pages no node has any more deleted;
    the manifest removed first and written last."""
    (final / PAGES_MANIFEST).unlink()
    keys: dict[str, str] = {}
    for rel, page_key, render in pages:
        keys[rel] = page_key
        if previous.get(rel) != page_key or not (final / rel).is_file():
            write_atomic(final / rel, _utf8(render()))
        del render  # as in `_write_whole`
    for rel in previous.keys() - keys.keys():
        with contextlib.suppress(OSError):
            (final / rel).unlink()
    write_atomic(final / PAGES_MANIFEST, _manifest(code, keys).encode())
