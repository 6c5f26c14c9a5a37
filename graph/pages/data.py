"""The main page's data and the facts files it loads on a click: JSON that can sit inside
`<script>`.

The main page carries nodes and edges (`page_data`); every node's facts, with their evidence,
are most of the data and travel in `data/facts-NNNN.js` files of about `SHARD_NODES` nodes
each. Inlined, they made the browser parse all of them before it drew anything, and a rebuild
after one changed document encode and write all of them again. A node's file is chosen by its `ref` (a hash of its IRI; of a document's identifier), and
facts name other nodes by `ref`, so a node added elsewhere, or a document edited, changes no
other file.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring_ascii

from graph.pages.board import board_councils
from graph.pages.view import KINDS, YEAR_MAX, YEAR_MIN, Fact, Node, View

DEFAULT_LIMIT = 500  # the main page shows this many best-connected nodes at first
SHARD_DIR = "data"  # in html/: the facts files the main page loads (`facts_shards`)


def script_json(data: object) -> str:
    """JSON for a `<script type="application/json">` block: no `<`, `>` or `&` appear raw, so
    neither `</script>` nor `<!--` in a document's text can end or bend the block. Every character
    beyond ASCII is written as an escape too (U+2028 and U+2029 among them): the text stays one
    byte a character, where one `…` in a document's text made the whole main page's data two
    (and an emoji four), and each replace below copied all of it."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


SHARD_NODES = 256  # about this many nodes' facts in each file the main page loads on a click


def shard_count(nodes: int) -> int:
    """How many facts files: a power of two, so the count (and every node's file) changes only
    when the graph doubles or halves."""
    count = 1
    while count * SHARD_NODES < nodes:
        count *= 2
    return count


def shard_of(ref: str, count: int) -> int:
    """The facts file of the node with `ref`; the main page's script works it out the same way."""
    return int(ref[:8], 16) % count


def page_data(v: View, limit: int = DEFAULT_LIMIT) -> dict:
    """The main page's own data: nodes (with their `ref` and detail line) and edges; the facts
    are in `facts_shards`."""
    degree = [0] * len(v.nodes)
    for a, b, *_ in v.edges:
        degree[a] += 1
        degree[b] += 1
    nodes = []
    for n in v.nodes:
        ys = n.years
        nodes.append(
            {
                "i": n.index,
                "k": n.kind,
                "l": n.label,
                "y": [min(ys), max(ys)] if ys else None,
                "g": n.page,
                "n": degree[n.index],
                "h": n.ref,
                "d": n.detail,
            }
        )
    all_years = [y for y in set().union(*(n.years for n in v.nodes)) if 1990 <= y <= 2100]  # each year once
    lo = min([YEAR_MIN, *all_years]) if all_years else YEAR_MIN
    hi = max([YEAR_MAX, *all_years]) if all_years else YEAR_MAX
    own = [min(all_years), max(all_years)] if all_years else [YEAR_MIN, YEAR_MAX]
    return {
        "kinds": {k: {"label": lab, "color": col, "shape": shape} for k, (lab, col, shape) in KINDS.items()},
        "nodes": nodes,
        "edges": list(v.edges),  # tuples: JSON writes them as arrays
        "shards": shard_count(len(v.nodes)),
        "limit": limit,
        "years": [max(lo, 1990), min(hi, 2100)],
        "default_years": own,  # the data's own span
        "start": start_node(v, degree),
    }


def start_node(v: View, degree: list[int]) -> int | None:
    """The node the network page opens on: the council the board shows first, else the best
    connected person or body."""
    found = board_councils(v)
    if found:
        return found[0].index
    people = [n.index for n in v.nodes if n.kind in ("person", "body") and degree[n.index]]
    return max(people, key=lambda i: (degree[i], -i), default=None)


def shard_members(v: View) -> list[list[Node]]:
    """Per facts file, the nodes it holds: those with other names or facts, by `shard_of` their ref."""
    members: list[list[Node]] = [[] for _ in range(shard_count(len(v.nodes)))]
    for n in v.nodes:
        if n.facts or n.alt:
            members[shard_of(n.ref, len(members))].append(n)
    return members


def shard_data(v: View, nodes: list[Node]) -> dict[str, dict]:
    """One facts file's data: ref -> the node's other names and facts, other nodes and source
    documents named by ref."""
    return {
        n.ref: {
            "alt": n.alt,
            "f": [
                {
                    "r": f.relation,
                    "o": v.nodes[f.other].ref if f.other is not None else None,
                    "ol": f.other_label,
                    "dt": f.dates,
                    "nt": f.note,
                    "ev": f.evidence,
                    "src": [v.nodes[s].ref for s in f.sources],
                }
                for f in n.facts
            ],
        }
        for n in nodes
    }


def facts_shards(v: View) -> list[dict[str, dict]]:
    """Every facts file's data (`shard_members`, `shard_data`)."""
    return [shard_data(v, nodes) for nodes in shard_members(v)]


def shard_script(k: int, shard: dict[str, dict]) -> str:
    """A facts file: one call of the main page's `cgFacts` with the data as escaped JSON."""
    return f"cgFacts({k},{script_json(shard)});\n"


class FactsFiles:
    """The facts files of one render, written as `shard_script(k, shard_data(v, nodes))` writes
    them, byte for byte, with each fact's sentences and sources encoded once per list. The facts
    read from one sentence share one evidence list and one list of sources (a meeting's attendance
    list is on every attendee's facts and on the meeting's for each of them): `json.dumps` encoded
    them again for every fact, most of what a facts file cost at 10,000 documents
    (docs/pages.md, "How fast the pages are written")."""

    def __init__(self, v: View) -> None:
        self._v = v
        # id(evidence list) -> (that list, its sources list, both as JSON); the lists are kept so
        # that their ids are not reused meanwhile
        self._cited: dict[int, tuple[list[str], list[int], str]] = {}

    def script(self, k: int, nodes: list[Node]) -> str:
        """Facts file `k`, holding `nodes` (`shard_members`): what `json.dumps` writes as
        `script_json` calls it (ASCII, no spaces, the keys in `shard_data`'s order), with `<`, `>`
        and `&` escaped."""
        return shard_text(k, [self.entry(n) for n in nodes])

    def entry(self, n: Node) -> str:
        """A node's member of its facts file: its ref, then its other names and facts, with `<`,
        `>` and `&` escaped (a file is its members joined, so each can be made on its own)."""
        text = f"{encode_basestring_ascii(n.ref)}:{self._node(n)}"
        return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")

    def _node(self, n: Node) -> str:
        nodes, enc, cited = self._v.nodes, encode_basestring_ascii, self._cited_json
        facts = ",".join(
            f'{{"r":{enc(f.relation)},"o":{"null" if f.other is None else enc(nodes[f.other].ref)},'
            f'"ol":{enc(f.other_label)},"dt":{enc(f.dates)},"nt":{enc(f.note)},{cited(f)}}}'
            for f in n.facts
        )
        return f'{{"alt":{_json_texts(n.alt)},"f":[{facts}]}}'

    def _cited_json(self, f: Fact) -> str:
        """A fact's `"ev"` and `"src"` members, made once for the facts that share its lists."""
        hit = self._cited.get(id(f.evidence))
        if hit is not None and hit[1] is f.sources:
            return hit[2]
        refs = ",".join([encode_basestring_ascii(self._v.nodes[d].ref) for d in f.sources])
        text = f'"ev":{_json_texts(f.evidence)},"src":[{refs}]'
        if hit is None:
            self._cited[id(f.evidence)] = (f.evidence, f.sources, text)
        return text


def shard_text(k: int, entries: list[str]) -> str:
    """Facts file `k` from its members (`FactsFiles.entry`), in the order of the view's nodes."""
    return f"cgFacts({k},{{{','.join(entries)}}});\n"


def _json_texts(texts: list[str]) -> str:
    return f"[{','.join(map(encode_basestring_ascii, texts))}]"
