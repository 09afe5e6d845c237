"""Hypothesis strategies of arbitrary Python values, for fuzzing the public API.

Not only JSON: non-string keys, bytes, sets, tuples, NaN and infinities, integers past
Python's float range and string-conversion limit, ``Decimal``, datetimes, plain objects, lone
surrogates and nesting deeper than the recursion limit. :func:`mutated` plants such values
inside an otherwise valid request, so the deeper code behind the first type check is reached.
"""

from __future__ import annotations

import copy
import decimal
from typing import Any

from hypothesis import strategies as st


class Opaque:
    """A value no library code knows: no ``__eq__``, no ``__len__``, nothing to convert."""

    def __repr__(self) -> str:
        return "Opaque()"


class Uncopyable:
    """A value whose deep copy fails, as a socket's or a lock's does."""

    def __deepcopy__(self, memo: Any) -> Any:
        raise TypeError("cannot copy an Uncopyable")

    def __repr__(self) -> str:
        return "Uncopyable()"


#: Scalars that hash, so they may be dict keys and set members.
hashable_leaves: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**64, -(2**63) - 1, 10**400, -(10**400)]),
    st.floats(),
    st.text(max_size=8),
    st.text(st.characters(categories=["Cs"]), min_size=1, max_size=2),
    st.binary(max_size=8),
    st.decimals().filter(lambda number: not number.is_snan()),
    st.datetimes(),
    st.dates(),
    st.complex_numbers(),
    st.builds(Opaque),
    st.sampled_from([Ellipsis, NotImplemented, int, object]),
    st.frozensets(st.integers(), max_size=2),
)

#: Scalars that may not hash.
leaves: st.SearchStrategy[Any] = st.one_of(
    hashable_leaves,
    st.builds(Uncopyable),
    st.builds(bytearray),
    st.just(decimal.Decimal("sNaN")),
)


def _containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(children, max_size=3),
        st.tuples(children, children),
        st.dictionaries(hashable_leaves, children, max_size=3),
        st.dictionaries(st.text(max_size=8), children, max_size=3),
        st.sets(hashable_leaves, max_size=3),
    )


class DeepList(list[Any]):
    """The outermost level of a deep nest of lists; shown by its depth, not element by element
    (Hypothesis's printer would itself exceed the recursion limit)."""

    depth = 0

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def __repr__(self) -> str:
        return f"deeply_nested({self.depth}, 'list')"


class DeepDict(dict[str, Any]):
    """The outermost level of a deep nest of dicts, shown by its depth."""

    depth = 0

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def __repr__(self) -> str:
        return f"deeply_nested({self.depth}, 'dict')"


def deeply_nested(depth: int, kind: str) -> list[Any] | dict[str, Any]:
    """A list or dict nested ``depth`` levels deep, built without recursion: it may be deeper
    than the recursion limit. Only the outermost level is a :class:`DeepList` or
    :class:`DeepDict`; every level inside is a plain ``list`` or ``dict``."""
    value: Any = "x"
    for _ in range(depth - 1):
        value = [value] if kind == "list" else {"AutoMLJobName": value}
    outer: DeepList | DeepDict = (
        DeepList([value]) if kind == "list" else DeepDict(AutoMLJobName=value)
    )
    outer.depth = depth
    return outer


#: Values nested past the recursion limit (1000 by default) and below it.
deep_values: st.SearchStrategy[Any] = st.builds(
    deeply_nested, st.sampled_from([60, 1200, 4000]), st.sampled_from(["list", "dict"])
)

#: Any of the above: scalars, containers of them a few levels deep, deep nests.
python_values: st.SearchStrategy[Any] = (
    st.recursive(leaves, _containers, max_leaves=8) | deep_values
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path (keys and indexes) to a value inside ``value``, the root included."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _replaced(base: Any, path: tuple[Any, ...], new: Any, key: Any, add: bool) -> Any:
    result = copy.deepcopy(base)
    if not path:
        return new
    parent = result
    for step in path[:-1]:
        parent = parent[step]
    if add and isinstance(parent, dict):
        parent[key] = new
    else:
        parent[path[-1]] = new
    return result


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> Any:
    """``base`` with one member replaced by an arbitrary value, or an arbitrary key added
    beside it."""
    path = draw(st.sampled_from(_paths(base)))
    return _replaced(base, path, draw(python_values), draw(hashable_leaves), draw(st.booleans()))
