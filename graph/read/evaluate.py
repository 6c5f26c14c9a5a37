"""The project's own evaluation: a graph against gold facts (tests/gold, SCHEMA in docs/).

It reads the graph's facts from the read model (graph.read.model: the contract's terms only),
as the exports and `who` do, and matches by normalised names and fuzzy text, one system fact to
one gold fact (a maximum bipartite matching, so row order cannot change a score). A second
system fact on an already matched gold fact is a duplicate and lowers precision: the contract
is one node per real thing. The rules mirror the shared scorer so that `make test` floors mean
what the project is judged on.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import rdflib

from graph.read.model import ReadModel

_HONORIFICS = frozenset(
    "mr mrs ms miss dr cllr councillor sir dame prof professor rev reverend the very lord lady mx".split()
)
_ROLE_SYNONYMS = {
    "chairperson": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "vice chairperson": "vice chair",
    "vice chairman": "vice chair",
    "co optee": "co opted member",
    "councillor": "member",
    "committee member": "member",
}


def words(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text).split())


def person_key(name: str) -> str:
    return " ".join(t for t in words(name).replace("'", "").split() if t not in _HONORIFICS)


def role_key(role: str) -> str:
    w = words(role).replace("-", " ")
    return _ROLE_SYNONYMS.get(w, w)


def similar(a: str, b: str) -> float:
    a, b = words(a), words(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ta, tb = set(a.split()), set(b.split())
    return max(len(ta & tb) / len(ta | tb), SequenceMatcher(None, a, b).ratio())


def _partial(key: str) -> tuple[str, str] | None:
    toks = key.split()
    if not toks or len(toks[-1]) < 2:
        return None
    if len(toks) == 1 or all(len(t) <= 2 for t in toks[:-1]):
        return "".join(toks[:-1]), toks[-1]
    return None


def _fills_in(full: str, partial: str) -> bool:
    pn, ft = _partial(partial), full.split()
    if not pn or _partial(full) or len(ft) < 2:
        return False
    initials, surname = pn
    return ft[-1] == surname and (not initials or ft[0][0] == initials[0])


def same_person(sys_name: str, gold: dict, lenient: bool = True) -> bool:
    k = person_key(sys_name)
    names = [person_key(n) for n in [gold["name"], *gold.get("aliases", [])]]
    return (
        any(k == n or (lenient and _fills_in(k, n)) for n in names)
        or similar(k, person_key(gold["name"])) >= 0.92
    )


def same_date(sys_date: str | None, gold_date: str | None) -> bool:
    if not gold_date:
        return True
    if not sys_date:
        return False
    return str(sys_date).startswith(str(gold_date)) or str(gold_date).startswith(str(sys_date))


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    found: int = 0
    correct: int = 0
    duplicates: int = 0
    misses: list = field(default_factory=list)
    spurious: list = field(default_factory=list)

    def row(self) -> dict:
        p = (self.correct - self.duplicates) / self.system if self.system else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "gold": self.gold,
            "system": self.system,
            "found": self.found,
            "correct": self.correct,
            "duplicates": self.duplicates,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
        }


# --- gold ---------------------------------------------------------------------------------


def load_gold(paths: Iterable[Path | str]) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = defaultdict(list)
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        fact = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise ValueError(f"{path}:{n}: not JSON: {exc}") from exc
                    gold[fact["type"]].append(fact)
    return _merge_tenures(_merge_entities(gold))


def _merge_tenures(gold: dict) -> dict:
    for kind, role, body in (("holds_post", "post", "org"), ("membership", "role", "body")):
        merged: dict[tuple, dict] = {}
        for fact in gold.get(kind, []):
            key = (person_key(fact["person"]), role_key(fact[role]), words(fact[body]))
            if key in merged:
                for f in ("start", "end"):
                    merged[key][f] = merged[key].get(f) or fact.get(f)
            else:
                merged[key] = dict(fact)
        gold[kind] = list(merged.values())
    return gold


def _merge_entities(gold: dict) -> dict:
    councils: dict[str, str] = {}
    for fact in gold.get("organization", []):
        if fact.get("kind") == "council":
            councils.setdefault(fact["doc"], words(fact["name"]))

    def scope(fact: dict, kind: str) -> str | None:
        return (
            councils.get(fact["doc"]) if kind == "organization" and fact.get("kind") == "committee" else None
        )

    for kind, key in (("person", person_key), ("organization", words)):
        merged: list[dict] = []
        for fact in gold.get(kind, []):
            names = [fact["name"], *fact.get("aliases", [])]
            hit = next(
                (
                    m
                    for m in merged
                    if m["_scope"] == scope(fact, kind)
                    and any(key(n) in {key(x) for x in [m["name"], *m["aliases"]]} for n in names)
                ),
                None,
            )
            if hit:
                hit["aliases"] = sorted(set(hit["aliases"]) | set(names) - {hit["name"]})
                hit["public"] = hit.get("public", True) and fact.get("public", True)
            else:
                merged.append({**fact, "aliases": list(fact.get("aliases", [])), "_scope": scope(fact, kind)})
        for m in merged:
            del m["_scope"]
        gold[kind] = _fold_partial(merged) if kind == "person" else merged
    return gold


def _fold_partial(people: list[dict]) -> list[dict]:
    kept = []
    for p in people:
        keys = [person_key(n) for n in [p["name"], *p["aliases"]]]
        if all(_partial(k) for k in keys):
            fits = [
                q
                for q in people
                if q is not p
                and not _partial(person_key(q["name"]))
                and q.get("public", True) == p.get("public", True)
                and any(_fills_in(person_key(q["name"]), k) for k in keys)
            ]
            if len(fits) == 1:
                q = fits[0]
                q["aliases"] = sorted(set(q["aliases"]) | {p["name"], *p["aliases"]})
                q["public"] = q.get("public", True) and p.get("public", True)
                continue
        kept.append(p)
    return kept


# --- matching -----------------------------------------------------------------------------


def match(gold_facts: list[dict], sys_facts: list[dict], same: Callable[[dict, dict], bool]) -> Tally:
    """Maximum bipartite matching of system facts to gold facts (augmenting paths)."""
    t = Tally(gold=len(gold_facts), system=len(sys_facts))
    fits = [[i for i, g in enumerate(gold_facts) if same(s, g)] for s in sys_facts]
    owner: dict[int, int] = {}

    def augment(si: int, seen: set[int]) -> bool:
        for gi in fits[si]:
            if gi in seen:
                continue
            seen.add(gi)
            if gi not in owner or augment(owner[gi], seen):
                owner[gi] = si
                return True
        return False

    import sys

    sys.setrecursionlimit(max(10000, sys.getrecursionlimit()))
    for si in range(len(sys_facts)):
        if fits[si]:
            augment(si, set())
    paired = set(owner.values())
    for si, s in enumerate(sys_facts):
        if si in paired:
            t.correct += 1
        elif fits[si]:
            t.correct += 1
            t.duplicates += 1
        else:
            t.spurious.append(s)
    t.found = len(owner)
    t.misses = [g for gi, g in enumerate(gold_facts) if gi not in owner]
    return t


# --- the system's facts, from the read model ------------------------------------------------


def _distinct(facts: Iterable[dict]) -> list[dict]:
    """The facts without repeats, in the order of their IRIs, each empty value as None (as SPARQL leaves it
    unbound). Matching is order-free in its counts; the order only decides which of two gold facts that
    compete for one system fact is listed as missed."""
    seen: dict[tuple, dict] = {}
    for f in facts:
        f = {k: (v if v != "" else None) for k, v in f.items()}
        seen.setdefault(tuple(f.items()), f)
    return sorted(seen.values(), key=lambda f: f["x"])


def system_facts(model: ReadModel) -> dict[str, list[dict]]:
    """Per fact type, the graph's facts in the gold's shape: one dict per distinct fact, keyed as the
    matching rules read them (`x` is the fact's IRI)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for a in model.actions():
        owners[a.id].update(a.owners)
    actions = {
        a.id: {
            "x": a.id,
            "text": a.text,
            "owner": min(owners[a.id], default=None),
            "timescale": a.timescale or None,
            "owners": sorted(owners[a.id]),
        }
        for a in reversed(model.actions())  # the first row of an action wins, as it did
    }
    return {
        "person": _distinct({"x": p.id, "name": p.name} for p in model.people()),
        "organization": _distinct({"x": b.id, "name": b.name} for b in model.bodies()),
        "membership": _distinct(
            {
                "x": m.id,
                "person": m.person,
                "org": m.organization,
                "role": m.role,
                "start": m.start,
                "end": m.end,
            }
            for m in model.memberships()
        ),
        "meeting": _distinct({"x": m.id, "body": m.body, "date": m.date} for m in model.meetings()),
        "attendance": _distinct(
            {"x": a.meeting_id, "body": a.body, "date": a.date, "person": a.person, "cap": a.capacity}
            for a in model.attendance()
        ),
        "decision": _distinct(
            {"x": d.id, "maker": d.decided_by, "date": d.date, "text": d.text} for d in model.decisions()
        ),
        "action": sorted(actions.values(), key=lambda f: f["x"]),
    }


def _head(text: str, n: int = 30) -> str:
    return " ".join(words(text).split()[:n])


@dataclass(frozen=True, slots=True)
class _Rules:
    """The matching rules that need the gold's people: a system name against a gold person's names."""

    persons: dict[str, dict]

    def person_is(self, sys_name: str, gold_name: str) -> bool:
        return same_person(sys_name, self.persons.get(gold_name) or {"name": gold_name, "aliases": []})

    @staticmethod
    def org_is(a: str, b: str, threshold: float = 0.8) -> bool:
        return similar(a, b) >= threshold

    def membership_same(self, s: dict, g: dict) -> bool:
        if not self.person_is(s["person"], g["person"]):
            return False
        if g["type"] == "holds_post":
            return similar(s["role"], g["post"]) >= 0.7 and (
                self.org_is(s["org"], g["org"], 0.6) or similar(s["role"], g["post"]) >= 0.95
            )
        return self.org_is(s["org"], g["body"]) and role_key(s["role"]) == role_key(g["role"])

    def attendance_same(self, s: dict, g: dict) -> bool:
        cap = "apologies" if g["capacity"] == "apologies" else "attended"
        return (
            s["cap"] == cap
            and self.person_is(s["person"], g["person"])
            and self.org_is(s["body"], g["body"])
            and same_date(s["date"], g["meeting_date"])
        )

    def action_same(self, s: dict, g: dict) -> bool:
        return similar(_head(s["text"], 25), _head(g["text"], 25)) >= 0.6 and (
            not g.get("owners")
            or any(self.person_is(o, go) or similar(o, go) >= 0.8 for o in s["owners"] for go in g["owners"])
        )


def _score_people(gold: dict, facts: dict) -> tuple[Tally, list[str]]:
    """People: private individuals are kept out of the count, and any the graph names is a leak."""
    persons = list({p["name"]: p for p in gold.get("person", [])}.values())
    public = [p for p in persons if p.get("public", True)]
    private = [p for p in persons if not p.get("public", True)]
    sys_people = facts["person"]
    tally = match(
        public,
        [s for s in sys_people if not any(same_person(s["name"], p, False) for p in private)],
        lambda s, g: same_person(s["name"], g),
    )
    leaks = sorted({p["name"] for p in private for s in sys_people if same_person(s["name"], p, False)})
    return tally, leaks


def _tenure_dates(gold: dict, facts: dict, rules: _Rules) -> dict:
    """How many gold posts with dates the graph has with the same dates."""
    dated = [g for g in gold.get("holds_post", []) if g.get("start") or g.get("end")]
    right = sum(
        1
        for g in dated
        if any(
            rules.membership_same(s, g)
            and same_date(s["start"], g.get("start"))
            and same_date(s["end"], g.get("end"))
            for s in facts["membership"]
        )
    )
    return {"gold_with_dates": len(dated), "right": right}


def evaluate(
    graph_path: Path | str | rdflib.Graph | ReadModel, gold: dict[str, list[dict]]
) -> tuple[dict, dict[str, Tally]]:
    """Per fact type, the graph's facts matched to the gold's: the score rows, and the tallies with their
    misses and spurious facts."""
    model = graph_path if isinstance(graph_path, ReadModel) else ReadModel.open(graph_path)
    facts = system_facts(model)
    rules = _Rules({p["name"]: p for p in gold.get("person", [])})
    out: dict[str, Tally] = {}
    out["person"], leaks = _score_people(gold, facts)
    out["organization"] = match(
        gold.get("organization", []),
        facts["organization"],
        lambda s, g: any(rules.org_is(s["name"], n, 0.85) for n in [g["name"], *g.get("aliases", [])]),
    )
    out["membership"] = match(
        gold.get("holds_post", []) + gold.get("membership", []), facts["membership"], rules.membership_same
    )
    out["meeting"] = match(
        gold.get("meeting", []),
        facts["meeting"],
        lambda s, g: rules.org_is(s["body"], g["body"]) and same_date(s["date"], g["date"]),
    )
    out["attendance"] = match(gold.get("attendance", []), facts["attendance"], rules.attendance_same)
    out["decision"] = match(
        gold.get("decision", []),
        facts["decision"],
        lambda s, g: (
            similar(_head(s["text"]), _head(g["text"])) >= 0.6 and same_date(s["date"], g.get("date"))
        ),
    )
    out["action"] = match(gold.get("action", []), facts["action"], rules.action_same)
    rows: dict = {k: v.row() for k, v in out.items()}
    total = Tally(
        *(
            sum(getattr(v, f) for v in out.values())
            for f in ("gold", "system", "found", "correct", "duplicates")
        )
    )
    rows["all"] = total.row()
    rows["private_leaks"] = leaks
    rows["tenure_dates"] = _tenure_dates(gold, facts, rules)
    return rows, out


def format_table(rows: dict) -> str:
    lines = [f"{'type':<13}{'gold':>6}{'system':>8}{'found':>7}{'dup':>5}{'P':>7}{'R':>7}{'F1':>7}"]
    for k, r in rows.items():
        if isinstance(r, dict) and "f1" in r:
            if r["gold"] == 0:
                lines.append(f"{k:<13}{0:>6}{r['system']:>8}   (no gold facts of this type here)")
            else:
                lines.append(
                    f"{k:<13}{r['gold']:>6}{r['system']:>8}{r['found']:>7}{r['duplicates']:>5}"
                    f"{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}"
                )
    lines.append(
        f"tenure dates right: {rows['tenure_dates']['right']}/{rows['tenure_dates']['gold_with_dates']}"
    )
    lines.append(f"private individuals exposed: {len(rows['private_leaks'])} {rows['private_leaks']}")
    return "\n".join(lines)
