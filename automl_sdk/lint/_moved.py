"""Where a V1 member lives in a V2 request, and the reverse, for unknown-member messages.

A ``CreateAutoMLJob`` (V1) member used in a ``CreateAutoMLJobV2`` request (or the reverse) is the
most common unknown member; the message says so and names the replacement. The hints are read
from the one V1/V2 table (:mod:`automl_sdk._mapping`): a member of an object of one API, put in
the object of the other API that receives most of that object's members (its *counterpart*), is
sent to the place the table gives it.
"""

from __future__ import annotations

from collections import Counter

from automl_sdk._mapping import (
    ITEM,
    REQUEST_ENTRIES,
    V1_REQUEST,
    V2_REQUEST,
    Entry,
    Pattern,
    containers,
    list_counterpart,
    render,
    shape_at,
)
from automl_sdk.lint._common import V1
from automl_sdk.shapes.constraints import SHAPES

_MIGRATE = "or convert the whole request with `automl-sdk migrate`"


class _Direction:
    """The table read from one API (``source``) to the other (``target``)."""

    def __init__(self, entries: tuple[Entry, ...], source: str, target: str) -> None:
        self.entries = entries
        self.target = target
        self.source = source
        self.by_path = {entry.v1: entry for entry in entries}
        self.opened = containers(entries)

    def destination(self, member: Pattern) -> Pattern | None:
        """Where the source member ``member`` goes: its entry's path, or the list its items
        become; ``None`` for an object the table opens without an entry of its own."""
        if member in self.by_path:
            return self.by_path[member].v2
        return list_counterpart(member, self.entries)

    def members(self, obj: Pattern) -> list[str]:
        """The member names the table knows directly under source object ``obj``, in order."""
        names: list[str] = []
        for entry in self.entries:
            if len(entry.v1) > len(obj) and entry.v1[: len(obj)] == obj:
                name = entry.v1[len(obj)]
                if name != ITEM and name not in names:
                    names.append(name)
        return names

    def counterpart(self, obj: Pattern) -> Pattern | None:
        """The target object that receives most of ``obj``'s members (ties: the first)."""
        votes: Counter[Pattern] = Counter()
        for name in self.members(obj):
            where = self.destination((*obj, name))
            if where is not None:
                votes[where[:-1]] += 1
        return votes.most_common(1)[0][0] if votes else None

    def hint(self, member: Pattern) -> str:
        """What to do instead of putting source member ``member`` in its counterpart."""
        name = member[-1]
        where = self.destination(member)
        if where is not None:
            if where[-1:] == (name,) and len(where) == 1:
                return f"use the top-level {name}"
            return f"use {render(where)}"
        moves: dict[Pattern, list[str]] = {}
        for child in self.members(member):
            child_where = self.destination((*member, child))
            if child_where is not None:
                moves.setdefault(child_where[:-1], []).append(child)
        if moves:
            return " and ".join(
                f"move {_and(names)} to {render(place) or 'the top level'}"
                for place, names in moves.items()
            )
        sources = [e.v2[0] for e in self.entries if e.v1[: len(member)] == member]
        return (
            f"a {_OPERATION[self.target]} request sets {_and(list(dict.fromkeys(sources)))} instead"
        )

    def hints(self) -> dict[tuple[str, str], str]:
        """(target shape name, source member name) -> hint, for every source member that is
        unknown where a user of the source API would put it in the target API."""
        found: dict[tuple[str, str], str] = {}
        for obj in sorted({(), *self.opened}):
            if (*obj, ITEM) in self.opened:
                continue  # a list: its items are the objects
            place = self.counterpart(obj)
            shape = None if place is None else shape_at(self.target, place)
            if shape is None:
                continue
            known = SHAPES[shape].get("members", {})
            for name in self.members(obj):
                if name not in known:
                    found.setdefault((shape, name), self.hint((*obj, name)))
        # Top-level members only the source API has, and no hint above: nothing to move.
        for name in SHAPES[self.source]["members"]:
            if name not in SHAPES[self.target]["members"] and (self.target, name) not in found:
                found[(self.target, name)] = f"only {_OPERATION[self.source]} supports it"
        return found


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


_OPERATION = {V1_REQUEST: "CreateAutoMLJob", V2_REQUEST: "CreateAutoMLJobV2"}
_V1_TO_V2 = _Direction(REQUEST_ENTRIES, V1_REQUEST, V2_REQUEST)
_V2_TO_V1 = _Direction(
    tuple(Entry(entry.v2, entry.v1) for entry in REQUEST_ENTRIES), V2_REQUEST, V1_REQUEST
)

#: (V2 shape, V1 member name) -> where it goes in a V2 request.
V1_IN_V2 = _V1_TO_V2.hints()
#: (V1 shape, V2 member name) -> where it goes in a V1 request.
V2_IN_V1 = _V2_TO_V1.hints()


def moved_member_hint(shape_name: str, key: str, operation: str) -> str | None:
    """The fix for ``key`` unknown in ``shape_name`` when it is the other API version's member."""
    if operation == V1:
        hint = V2_IN_V1.get((shape_name, key))
        if hint is not None:
            return (
                f"{key} is a CreateAutoMLJobV2 member, not a CreateAutoMLJob (V1) one: {hint}, "
                "or send the request as CreateAutoMLJobV2"
            )
        return None
    hint = V1_IN_V2.get((shape_name, key))
    if hint is not None:
        return f"{key} is a CreateAutoMLJob (V1) member, not a CreateAutoMLJobV2 one: {hint}, {_MIGRATE}"
    return None
