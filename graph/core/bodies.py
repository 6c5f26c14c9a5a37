"""Body names -> body entities for the stages after resolution, which name bodies no organization
fact gives (a meeting's committee, a post's organization, a seat's body).

Resolution's bodies come first; a name none of them answers becomes a body the stage makes (an
external body, or a committee of the document's council), one per (scope, key), counting each
written form it is asked under: its best form is its name. The resolution is read, never added
to: the bodies a stage made are handed to the next stage with its record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping

from extract.records import OrgKind
from graph.core.resolve import BodyEntity, Resolution, body_key

BodyKey = tuple[str, str]  # (scope, key): scope is the council for a committee, "" otherwise


class BodyTable:
    """The bodies one stage names: the resolution's, those earlier stages made, and its own.

    A body an earlier stage made is taken over as a copy, so the stage may go on counting the forms
    it is named under without changing the earlier stage's record; except the `settled` ones, whose
    IRI and labels the earlier stage's records already fixed: those are shared as they are, and the
    forms they are named under here are not counted (nothing would read them)."""

    def __init__(
        self, res: Resolution, made: Mapping[BodyKey, BodyEntity] | None = None, settled: Collection[int] = ()
    ) -> None:
        self._res = res
        self._made: dict[BodyKey, BodyEntity] = {}
        self._counted: set[int] = set()  # ids of the bodies whose written forms this table counts
        for key, b in (made or {}).items():
            if id(b) not in settled:
                b = BodyEntity(
                    key=b.key, scope=b.scope, kind=b.kind, names=Counter(b.names), docs=set(b.docs)
                )
                self._counted.add(id(b))
            self._made[key] = b

    def find(self, doc: str, name: str | None, kind_hint: OrgKind | None = None) -> BodyEntity | None:
        """The body `name` is in `doc`: the resolution's, else one made for the name (a committee
        of the document's council with `kind_hint` COMMITTEE, else an external body)."""
        b = self._res.body(doc, name)
        if b is None and name:
            kind = kind_hint or OrgKind.EXTERNAL
            scope = self._res.councils.get(doc, "") if kind == OrgKind.COMMITTEE else ""
            key = (scope, body_key(name))
            b = self._made.get(key)
            if b is None:
                b = self._made[key] = BodyEntity(key=key[1], scope=scope, kind=kind)
                self._counted.add(id(b))
            if id(b) in self._counted:
                b.names[name] += 1
        return b

    def parent(self, b: BodyEntity) -> BodyEntity | None:
        """The council a committee is a unit of, where a body of that name is known."""
        if not b.parent:
            return None
        key = ("", body_key(b.parent))
        return self._res.bodies.get(key) or self._made.get(key)

    def made(self) -> dict[BodyKey, BodyEntity]:
        """The bodies this table made or took over, for the next stage's table."""
        return dict(self._made)
