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
    page_data,
    script_json,
    shard_data,
    shard_members,
    shard_script,
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
from graph.pages.view import KINDS, PAGE_KINDS, Node, Tenure, View, year

PAGES_MANIFEST = ".pages.json"  # in html/: the renderer's key and, per page, the key of what it shows

# a page: (path under html/, key of what it shows, how to render it)
Page = tuple[str, str, Callable[[], str]]


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("graph.pages", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
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
        self._evidence_html: dict[int, tuple[Any, Any]] = {}
        self._sources_html: dict[int, tuple[Any, Any]] = {}
        self._documents: dict[int, tuple[Any, Any]] = {}
        self._evidence: dict[int, tuple[Any, Any]] = {}
        self._sources: dict[int, tuple[Any, Any]] = {}
        self._said: dict[tuple[tuple[str, str], ...], Markup] = {}
        self._facts: dict[int, bytes] = {}
        self._escaped: dict[str, Markup] = {}

    @staticmethod
    def _once(memo: dict[int, tuple[Any, Any]], items: Any, make: Callable[[Any], Any]) -> Any:
        """What `make` makes of `items`, made once per list (a million calls in a render at 10,000
        documents: no closure is made per call)."""
        hit = memo.get(id(items))
        if hit is None:
            hit = memo[id(items)] = (items, make(items))
        return hit[1]

    def evidence_html(self, texts: list[str]) -> Markup:
        """A facts table's evidence cell: each sentence a blockquote, escaped."""
        return self._once(self._evidence_html, texts, self._make_evidence_html)

    def _make_evidence_html(self, texts: list[str]) -> Markup:
        return Markup("".join(f"<blockquote>{self.escaped(e)}</blockquote>" for e in texts))

    def sources_html(self, docs: list[int]) -> Markup:
        """A facts table's source cell: each document's label and detail, escaped."""
        return self._once(self._sources_html, docs, self._make_sources_html)

    def _make_sources_html(self, docs: list[int]) -> Markup:
        return Markup("".join(map(self._source_html, docs)))

    def _source_html(self, d: int) -> str:
        n = self._v.nodes[d]
        detail = f' <span class="muted">{self.escaped(n.detail)}</span>' if n.detail else ""
        return f"<div>{self.escaped(n.label)}{detail}</div>"

    def escaped(self, text: str) -> Markup:
        """A text escaped once, however many pages print it (a sentence quoted on every attendee's
        page; a relation, a date or a body's name on thousands of rows)."""
        hit = self._escaped.get(text)
        if hit is None:
            hit = self._escaped[text] = escape(text)
        return hit

    def documents(self, docs: list[int]) -> tuple[tuple[str, str], ...]:
        """A fact's sources as the sentences naming a person list them (`people.source_documents`)."""
        return self._once(self._documents, docs, partial(source_documents, self._v))

    def said_sources_html(self, docs: tuple[tuple[str, str], ...]) -> Markup:
        """Under a sentence that names a person, the documents it was read from, escaped."""
        hit = self._said.get(docs)
        if hit is None:
            hit = self._said[docs] = Markup(
                "".join(
                    f'<div class="muted">— {escape(label)}{f", {escape(detail)}" if detail else ""}</div>'
                    for label, detail in docs
                )
            )
        return hit

    def evidence(self, texts: list[str]) -> bytes:
        return self._once(self._evidence, texts, _digest)

    def sources(self, docs: list[int]) -> bytes:
        """Each source document as an ego page prints it (label and detail) and a facts file names
        it (ref)."""
        return self._once(self._sources, docs, self._sources_digest)

    def _sources_digest(self, docs: list[int]) -> bytes:
        nodes = self._v.nodes
        return _digest([(nodes[d].label, nodes[d].detail, nodes[d].ref) for d in docs])

    def facts(self, n: Node) -> bytes:
        """What the node's page (`_facts_rows`) and its facts file (`shard_data`) print of its facts,
        as one digest made once for both keys: the union of the two, so a change either prints
        changes it (the other node's page and ref both follow its IRI, a document's label and ref
        its identifier, so the union rewrites next to nothing the page alone would not)."""
        hit = self._facts.get(n.index)
        if hit is not None:
            return hit
        nodes = self._v.nodes
        shown = [
            (
                f.relation,
                f.other_label,
                (nodes[f.other].page, nodes[f.other].ref) if f.other is not None else None,
                f.dates,
                f.note,
                self.evidence(f.evidence),
                self.sources(f.sources),
            )
            for f in n.facts
        ]
        hit = self._facts[n.index] = hashlib.sha1(marshal.dumps(shown, 2)).digest()
        return hit

    def shard(self, nodes: list[Node]) -> list[tuple]:
        """What a facts file holds (`shard_data`), for its key."""
        return [(n.ref, n.alt, self.facts(n)) for n in nodes]


# --- the pages ---------------------------------------------------------------------------


def _facts_rows(v: View, n: Node, prefix: str, shared: _SharedLists) -> Markup:
    """A node's facts table, a row per fact, every text escaped; the evidence and sources cells
    made once per shared list. Written here rather than as a loop in `ego.html`: a person's page
    at 10,000 documents has hundreds of rows, and the template's expressions per row cost more
    than the rest of the page (docs/pages.md, "How fast the pages are written")."""
    rows = []
    esc = shared.escaped
    for f in n.facts:
        other = v.nodes[f.other] if f.other is not None else None
        with_ = esc(f.other_label)
        if other is not None and other.page:
            with_ = Markup(f'<a href="{escape(prefix + other.page)}">{with_}</a>')
        rows.append(
            f"<tr>\n  <td>{esc(f.relation)}</td>\n  <td>{with_}</td>\n  <td>{esc(f.dates)}</td>\n"
            f"  <td>{esc(f.note)}</td>\n  <td>{shared.evidence_html(f.evidence)}</td>\n"
            f"  <td>{shared.sources_html(f.sources)}</td>\n</tr>\n"
        )
    return Markup("".join(rows))


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


def _pages(v: View, limit: int, script: str | None = None) -> Iterator[Page]:
    """Every page as (path under html/, key of what it shows, how to render it). A page's key is
    worked out from the values its template prints, without rendering it, so a rebuild renders
    and writes only the pages whose key changed. `script` is the vis-network script (read when
    not given)."""
    env = _env()
    shared = _SharedLists(v)
    posts = _Posts.of(v)
    shown = boards(v)
    by_person = tenures_by_person(v)
    roles = KeyRoles(v)
    # each person's main post, on the people list and their page
    mains = {p: main_post(v, held, roles) for p, held in by_person.items()}
    yield _board_page(env, v, shown)
    yield _turnover_page(env, shown)
    yield _network_page(env, v, limit, vis_js() if script is None else script)
    yield from _shard_pages(v, shared)
    yield from _list_pages(env, v, mains)
    yield _timelines_page(env, v, posts)
    yield from _ego_pages(env, v, posts, shared, by_person, mains)


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

    def render() -> str:
        data = script_json(shown)
        # a nonce derived from the content keeps the page byte-stable; with it the CSP refuses any
        # script or inline handler the page did not write itself
        nonce = hashlib.sha256(data.encode()).hexdigest()[:32]
        return env.get_template("network.html").render(
            data=Markup(data), vis_js=Markup(script), counts=counts, nonce=nonce
        )

    return "network.html", _key(shown, counts), render


def _shard_pages(v: View, shared: _SharedLists) -> Iterator[Page]:
    """The facts files, keyed by their values: built and encoded only when written."""
    for k, nodes in enumerate(shard_members(v)):
        yield (
            f"{SHARD_DIR}/facts-{k:04d}.js",
            _key(k, shared.shard(nodes)),
            partial(_shard_file, v, k, nodes),
        )


def _shard_file(v: View, k: int, nodes: list[Node]) -> str:
    return shard_script(k, shard_data(v, nodes))


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
) -> Iterator[Page]:
    """A page per person, body and post: its diagram, its posts' timelines and its facts; a
    person's leads with their main post, the posts they held and the sentences that name them.
    Keyed by what its charts show (`ego_inputs`, `gantt_rows`), not by the drawn SVG, and by its
    facts, not by the sentences drawn from them (`_person_lead`)."""
    ego = env.get_template("ego.html")

    def render(n: Node, timelines: list[Node], ego_shown: EgoInputs, lead: dict[str, Any]) -> str:
        return ego.render(
            node=n,
            kind_label=KINDS[n.kind][0],
            ego=draw_ego(ego_shown),
            facts=_facts_rows(v, n, "../", shared),
            fact_count=len(n.facts),
            timelines=[{"node": r, "svg": draw_gantt(posts.charts[r.index])} for r in timelines],
            person=_with_sentences(v, n, lead, shared) if lead else {},
        )

    for n in v.nodes:
        if not n.page:
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


def _with_sentences(v: View, n: Node, lead: dict[str, Any], shared: _SharedLists) -> dict[str, Any]:
    """A person's lead with the sentences that name them and those naming only their post, each
    with its sources as HTML (made once for every page that cites the same documents)."""
    named, role_only = sentences(v, n, shared.documents)

    def drawn(said: tuple[Said, ...]) -> list[dict[str, Any]]:
        return [
            {"text": shared.escaped(s.text), "sources": shared.said_sources_html(s.sources)} for s in said
        ]

    return {**lead, "named": drawn(named), "role_only": drawn(role_only)}


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
    code = code_key(limit, script)
    final = out / "html"
    previous = _read_manifest(final, code)
    pages = _pages(v, limit, script)
    if previous is None:
        _write_whole(out, pages, code)
    else:
        _write_changed(final, pages, previous, code)
    return final / "index.html"


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
        (tmp / rel).write_text(render(), encoding="utf-8")
        keys[rel] = page_key
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
            write_atomic(final / rel, render().encode("utf-8"))
    for rel in previous.keys() - keys.keys():
        with contextlib.suppress(OSError):
            (final / rel).unlink()
    write_atomic(final / PAGES_MANIFEST, _manifest(code, keys).encode())
