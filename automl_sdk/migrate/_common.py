"""Helpers shared by the request and response translations: input copying, paths, key order."""

from __future__ import annotations

import copy
import datetime
import decimal
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from automl_sdk._mapping import ITEM, Pattern
from automl_sdk.errors import MigrationError

#: Values copied as they are: immutable, so a translation can share them with its input.
_ATOMS = (str, int, float, bool, type(None), bytes, decimal.Decimal, datetime.date)


#: The ids of the containers from one container up to the root, as a linked list.
_Chain = tuple[int, "_Chain | None"]


def as_wire_dict(value: object, *, shape: str, what: str) -> dict[str, Any]:
    """Return a private copy of ``value`` as a wire dict; shapes go through ``to_wire``.

    ``shape`` is the AWS shape name accepted as an attrs object; ``what`` names the expected
    value in the error raised for anything else. See :func:`copy_tree` for what is refused.
    """
    if isinstance(value, Mapping):
        return copy_tree(value)
    if attrs.has(type(value)):
        if type(value).__name__ != shape:
            raise MigrationError(
                path="",
                reason=f"expected {what} (a dict or {shape}), got a {type(value).__name__} shape",
            )
        from automl_sdk._serde import to_wire

        return copy_tree(to_wire(value))
    raise MigrationError(
        path="", reason=f"expected {what} (a dict or {shape}), got {type(value).__name__}"
    )


def copy_tree(root: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of the JSON-like ``root``: mappings become dicts, tuples lists.

    Works without recursion, so any nesting depth is copied. Raises MigrationError at the path
    of a member name that is not a string, of a value that contains itself, and of a value
    that cannot be copied (a lock, a generator...).
    """
    result: dict[str, Any] = {}
    # Each frame: (source container, its copy, its path, the chain of container ids above it).
    stack: list[tuple[Any, Any, str, _Chain]] = [(root, result, "", (id(root), None))]
    visited = {id(root)}
    while stack:
        source, target, path, chain = stack.pop()
        for key, item, item_path in _children(source, path):
            if isinstance(item, Mapping | list | tuple):
                if id(item) in visited and _within(id(item), chain):
                    raise MigrationError(path=item_path, reason="the value contains itself")
                visited.add(id(item))
                child: dict[str, Any] | list[Any] = {} if isinstance(item, Mapping) else []
                stack.append((item, child, item_path, (id(item), chain)))
            else:
                child = _copy_leaf(item, item_path)
            if isinstance(target, dict):
                target[key] = child
            else:
                target.append(child)
    return result


def _within(identity: int, chain: _Chain | None) -> bool:
    """True when ``identity`` is on ``chain`` (walked only for a container met twice)."""
    while chain is not None:
        if chain[0] == identity:
            return True
        chain = chain[1]
    return False


def _children(container: Any, path: str) -> Iterator[tuple[Any, Any, str]]:
    """``(key, value, path)`` of each member or item of ``container``."""
    if isinstance(container, Mapping):
        for key, value in container.items():
            if not isinstance(key, str):
                raise MigrationError(
                    path=join(path, str(key)),
                    reason=(
                        f"member name is not a string (got {key!r}, a {type(key).__name__}; "
                        "expected a string)"
                    ),
                )
            yield key, value, join(path, key)
    else:
        for index, value in enumerate(container):
            yield index, value, f"{path}[{index}]"


def _copy_leaf(value: Any, path: str) -> Any:
    if isinstance(value, _ATOMS):
        return value
    try:
        return copy.deepcopy(value)
    except Exception as exc:  # deepcopy raises whatever the object's __reduce__ raises
        raise MigrationError(
            path=path,
            reason=(
                f"the value cannot be copied (got a {type(value).__name__}: "
                f"{type(exc).__name__}: {exc}; expected a JSON value)"
            ),
        ) from None


def join(path: str, key: str) -> str:
    """``join("A", "B")`` is ``"A.B"``; ``join("", "A")`` is ``"A"``."""
    return f"{path}.{key}" if path else key


def expect_dict(value: object, path: str) -> dict[str, Any]:
    """``value`` if it is a dict; otherwise a MigrationError at ``path`` (only met when forced)."""
    if not isinstance(value, dict):
        raise MigrationError(
            path=path, reason=f"expected an object to restructure, got {type(value).__name__}"
        )
    return value


def expect_list(value: object, path: str) -> list[Any]:
    """``value`` if it is a list; otherwise a MigrationError at ``path`` (only met when forced)."""
    if not isinstance(value, list):
        raise MigrationError(
            path=path, reason=f"expected a list to restructure, got {type(value).__name__}"
        )
    return value


def put(root: dict[str, Any], pattern: Pattern, value: Any, index: int | None = None) -> None:
    """Set ``value`` at ``pattern`` below ``root`` (``ITEM`` steps at ``index``), making the
    dicts on the way. The lists on the way must already hold an item at ``index``."""
    target: Any = root
    for step in pattern[:-1]:
        target = target[index] if step == ITEM else target.setdefault(step, {})
    target[pattern[-1]] = value


def fetch(root: Any, pattern: Pattern, index: int | None = None) -> tuple[bool, Any]:
    """``(True, value)`` at ``pattern`` below ``root``; ``(False, None)`` when a step is missing."""
    value = root
    for step in pattern:
        if step == ITEM:
            if not isinstance(value, list) or index is None or index >= len(value):
                return False, None
            value = value[index]
        elif isinstance(value, dict) and step in value:
            value = value[step]
        else:
            return False, None
    return True, value


def ordered(values: Mapping[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """``values`` with the keys of ``order`` first, in that order, then any others."""
    result = {key: values[key] for key in order if key in values}
    result.update((key, value) for key, value in values.items() if key not in result)
    return result


def in_order(value: Any, pattern: Pattern, orders: Mapping[Pattern, tuple[str, ...]]) -> Any:
    """``value`` (found at ``pattern``) with the members of each object whose path ``orders``
    names in that order, through the lists ``orders`` reaches into; other values as they are."""
    if isinstance(value, list) and (*pattern, ITEM) in orders:
        return [in_order(item, (*pattern, ITEM), orders) for item in value]
    order = orders.get(pattern)
    if order is None or not isinstance(value, dict):
        return value
    return {
        key: in_order(item, (*pattern, key), orders) for key, item in ordered(value, order).items()
    }
