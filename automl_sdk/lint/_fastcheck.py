"""A compiled yes/no schema check: is this value entirely valid for its shape?

Most requests linted are valid, so phase 1 first runs these predicates, compiled once per shape
into closures, which build no paths and no messages. Only when one says "no" does the
path-tracking walker of :mod:`automl_sdk.lint._schema` run to explain every problem.
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Callable
from typing import Any

from automl_sdk.lint._patterns import compiled
from automl_sdk.shapes.constraints import SHAPES

Predicate = Callable[[Any], bool]
_CACHE: dict[str, Predicate] = {}


def predicate(shape_name: str) -> Predicate:
    """The compiled validity check of ``shape_name`` (built once, then cached)."""
    found = _CACHE.get(shape_name)
    if found is None:
        found = _compile(shape_name)
    return found


def _compile(shape_name: str) -> Predicate:
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "structure":
        return _structure(shape_name, shape)
    if kind == "list":
        return _remember(shape_name, _list(shape))
    if kind == "map":
        return _remember(shape_name, _map(shape))
    if kind == "string":
        return _remember(shape_name, _string(shape))
    if kind in ("integer", "long"):
        return _remember(shape_name, _number(shape, integer=True))
    if kind in ("float", "double"):
        return _remember(shape_name, _number(shape, integer=False))
    if kind == "boolean":
        return _remember(shape_name, lambda value: isinstance(value, bool))
    return _remember(shape_name, lambda value: True)  # timestamps etc.: the walker decides


def _remember(shape_name: str, check: Predicate) -> Predicate:
    _CACHE[shape_name] = check
    return check


def _structure(shape_name: str, shape: dict[str, Any]) -> Predicate:
    members: dict[str, Predicate] = {}
    required = tuple(shape["required"])
    union = bool(shape.get("union"))

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return False
        if union and len(value) != 1:
            return False
        for name in required:
            if name not in value:
                return False
        for key, item in value.items():
            member = members.get(key)
            if member is None or not member(item):
                return False
        return True

    _CACHE[shape_name] = check  # before the members, so a recursive shape finds itself
    for name, member_shape in shape["members"].items():
        members[name] = predicate(member_shape)
    return check


def _size(shape: dict[str, Any]) -> tuple[float, float]:
    return shape.get("min", 0), shape.get("max", math.inf)


def _list(shape: dict[str, Any]) -> Predicate:
    low, high = _size(shape)
    member = predicate(shape["member"])

    def check(value: Any) -> bool:
        if not isinstance(value, list | tuple) or not low <= len(value) <= high:
            return False
        return all(member(item) for item in value)

    return check


def _map(shape: dict[str, Any]) -> Predicate:
    low, high = _size(shape)
    key_ok = _string(SHAPES[shape["key"]])
    value_ok = predicate(shape["value"])

    def check(value: Any) -> bool:
        if not isinstance(value, dict) or not low <= len(value) <= high:
            return False
        return all(key_ok(key) and value_ok(item) for key, item in value.items())

    return check


def _string(shape: dict[str, Any]) -> Predicate:
    enum = frozenset(shape["enum"]) if "enum" in shape else None
    low, high = _size(shape)
    pattern = shape.get("pattern")
    regex = (
        compiled(pattern) if pattern is not None and pattern not in (".*", "[\\S\\s]*") else None
    )
    if enum is not None:
        return lambda value: isinstance(value, str) and value in enum
    if regex is None:
        return lambda value: isinstance(value, str) and low <= len(value) <= high
    fullmatch = regex.fullmatch
    return lambda value: (
        isinstance(value, str) and low <= len(value) <= high and fullmatch(value) is not None
    )


def finite(value: float | decimal.Decimal) -> bool:
    """True for a finite number (a Decimal NaN would raise on comparison, so ask it directly)."""
    if isinstance(value, decimal.Decimal):
        return value.is_finite()
    return math.isfinite(value)


def _number(shape: dict[str, Any], *, integer: bool) -> Predicate:
    low, high = shape.get("min", -math.inf), shape.get("max", math.inf)
    types = int if integer else (int, float, decimal.Decimal)

    def check(value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, types):
            return False
        if not integer and not finite(value):
            return False
        return bool(low <= value <= high)

    return check
