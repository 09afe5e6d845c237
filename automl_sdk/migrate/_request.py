"""CreateAutoMLJob (V1) request -> CreateAutoMLJobV2 request.

Driven by :data:`automl_sdk._mapping.TABLE` (AWS's "Migrate a CreateAutoMLJob to
CreateAutoMLJobV2" guide as data). Nothing is invented (a member absent in V1 stays absent in V2)
and nothing is altered (values are copies of the input). What has no faithful V2 form raises
:class:`~automl_sdk.errors.MigrationError` at its V1 path. Linting is not done here: that policy
is :func:`automl_sdk.migrate.lint_then_translate`'s.
"""

from __future__ import annotations

from typing import Any

from automl_sdk._mapping import (
    ITEM,
    REQUEST_ENTRIES,
    TABULAR_CONFIG,
    V1_ONLY_MEMBERS,
    V1_REQUEST,
    V2_ONLY_MEMBERS,
    Entry,
    Pattern,
    containers,
    list_counterpart,
    parse,
    render,
    shape_at,
)
from automl_sdk.errors import MigrationError
from automl_sdk.migrate._common import as_wire_dict, expect_dict, expect_list, in_order, put
from automl_sdk.migrate._report import MigrationReport

_BY_V1 = {entry.v1: entry for entry in REQUEST_ENTRIES}
_CONTAINERS = containers(REQUEST_ENTRIES)


def v1_wire(request: object) -> dict[str, Any]:
    """A private copy of the V1 request ``request`` as a wire dict, refused when it is V2.

    Raises:
        MigrationError: ``request`` is no V1 request, has V2 members, a member name that is
            not a string or a value that cannot be copied.
    """
    wire = as_wire_dict(request, shape=V1_REQUEST, what="a CreateAutoMLJob request")
    _refuse_v2_request(wire)
    return wire


def translate_request(v1: dict[str, Any]) -> tuple[dict[str, Any], MigrationReport]:
    """The CreateAutoMLJobV2 form of the V1 wire request ``v1`` (from :func:`v1_wire`), by
    :data:`~automl_sdk._mapping.TABLE`: a pure function; it neither lints nor changes ``v1``.

    Returns:
        The V2 request, which holds ``v1``'s values (not copies), and a report of the moves and
        notes (no findings).

    Raises:
        MigrationError: a value of ``v1`` has no faithful V2 form (``path`` is its V1 path).
    """
    translation = _Translation()
    v2 = translation.request(v1)
    return v2, MigrationReport(moves=translation.moves, notes=translation.notes)


def _refuse_v2_request(request: dict[str, Any]) -> None:
    present = [key for key in request if key in V2_ONLY_MEMBERS]
    if not present:
        return
    v1_members = [key for key in request if key in V1_ONLY_MEMBERS]
    if v1_members:
        reason = (
            f"the request mixes CreateAutoMLJobV2 members ({', '.join(present)}) with "
            f"CreateAutoMLJob ones ({', '.join(v1_members)}); keep the members of one API"
        )
    else:
        reason = (
            f"this is already a CreateAutoMLJobV2 request (it has {', '.join(present)}); "
            "there is nothing to migrate"
        )
    raise MigrationError(path=present[0], reason=reason)


def _no_v2_form(path: str, container: Pattern) -> MigrationError:
    member = path.rsplit(".", 1)[-1]
    shape = shape_at(V1_REQUEST, container)
    return MigrationError(
        path=path,
        reason=f"{member!r} is not a member of {shape}, so it has no CreateAutoMLJobV2 form",
    )


class _Translation:
    """One translation's state: the V2 request being assembled and the report lines."""

    def __init__(self) -> None:
        # A V1 job is always tabular, so its V2 form always names the tabular problem type.
        self.v2: dict[str, Any] = {}
        put(self.v2, parse(TABULAR_CONFIG), {})
        self.moves: list[tuple[str, str]] = []
        self.notes: list[str] = []

    def request(self, v1: dict[str, Any]) -> dict[str, Any]:
        """Build the V2 request from ``v1``, member by member in ``v1``'s order."""
        self.container(v1, (), "", None)
        v2: dict[str, Any] = in_order(self.v2, (), _V2_ORDER)
        return v2

    def container(
        self, value: dict[str, Any], pattern: Pattern, path: str, index: int | None
    ) -> None:
        """Map each member of the V1 object ``value`` found at ``pattern`` (``path``)."""
        for key, member in value.items():
            child, child_path = (*pattern, key), f"{path}.{key}" if path else key
            if (*child, ITEM) in _CONTAINERS:
                self.items(expect_list(member, child_path), child, child_path)
            elif child in _CONTAINERS:
                opened = expect_dict(member, child_path)
                if opened:
                    self.container(opened, child, child_path, index)
                else:
                    self.empty(child, child_path, index)
            elif child in _BY_V1:
                self.place(_BY_V1[child], member, child_path, index)
            else:
                raise _no_v2_form(child_path, pattern)

    def items(self, items: list[Any], pattern: Pattern, path: str) -> None:
        """Map each item of the V1 list ``items``; the members merged across items must agree."""
        counterpart = list_counterpart(pattern, REQUEST_ENTRIES)
        assert counterpart is not None, f"{render(pattern)} is opened, so its items are mapped"
        put(self.v2, counterpart, [{} for _ in items])
        merged = [
            entry
            for entry in REQUEST_ENTRIES
            if entry.merged and entry.v1[: len(pattern) + 1] == (*pattern, ITEM)
        ]
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            self.container(expect_dict(item, item_path), (*pattern, ITEM), item_path, index)
            if index:
                for entry in merged:
                    self.agree(items, index, entry, path)

    def agree(self, items: list[Any], index: int, entry: Entry, path: str) -> None:
        """Refuse item ``index``'s merged member when it differs from item 0's."""
        member = entry.v1[-1]
        first, item = items[0], items[index]
        here = f"{path}[{index}].{member}"
        if item.get(member, _ABSENT) != first.get(member, _ABSENT):
            raise MigrationError(path=here, reason=_differs(first, item, entry, path))
        if member in item:
            self.notes.append(f"{here} equals {path}[0].{member}; both became {render(entry.v2)}")

    def empty(self, pattern: Pattern, path: str, index: int | None) -> None:
        """An empty V1 container: its own entry's V2 place when it has one, else dropped."""
        entry = _BY_V1.get(pattern)
        if entry is not None:
            self.place(entry, {}, path, index)
            return
        self.notes.append(
            f"{path} is empty; CreateAutoMLJobV2 has no such container, "
            "so it was dropped (no value is lost)"
        )

    def place(self, entry: Entry, value: Any, path: str, index: int | None) -> None:
        """Put ``value`` (from V1 ``path``) at ``entry``'s V2 path and record the move."""
        put(self.v2, entry.v2, value, index)
        self.moves.append((path, render(entry.v2, index)))


def _v2_order() -> dict[Pattern, tuple[str, ...]]:
    """V2 container path -> its member names in the order of their first table entry."""
    order: dict[Pattern, list[str]] = {}
    for entry in REQUEST_ENTRIES:
        for size in range(len(entry.v2)):
            step = entry.v2[size]
            keys = order.setdefault(entry.v2[:size], [])
            if step != ITEM and step not in keys:
                keys.append(step)
    return {pattern: tuple(keys) for pattern, keys in order.items()}


_V2_ORDER = _v2_order()


class _Absent:
    def __repr__(self) -> str:
        return "absent"


_ABSENT: Any = _Absent()


def _differs(first: dict[str, Any], other: dict[str, Any], entry: Entry, path: str) -> str:
    column = entry.v1[-1]
    here = repr(other[column]) if column in other else "absent here"
    there = repr(first[column]) if column in first else "absent"
    return (
        f"{here} but {path}[0].{column} is {there}: CreateAutoMLJobV2 has one "
        f"{column} for all channels ({render(entry.v2)}); use the same column in every channel"
    )
