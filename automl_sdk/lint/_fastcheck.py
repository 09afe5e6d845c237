"""A compiled yes/no schema check: is this value entirely valid for its shape?

Most requests linted are valid, so phase 1 first runs these predicates, which build no paths and
no messages. Only when one says "no" does the path-tracking walker of
:mod:`automl_sdk.lint._schema` run to explain every problem; a property test holds the two to
the same verdict.

Each predicate is Python source generated from the constraint tables on first use and compiled
once: one function per structure, list and map shape, with the checks of its string, number and
boolean members written inline (as ``fastjsonschema`` does for JSON Schema). That is about a
third faster than closures calling a closure per member, and phase 1 runs on every request.
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Callable
from typing import Any

from automl_sdk.lint._patterns import compiled
from automl_sdk.shapes.constraints import SHAPES

Predicate = Callable[[Any], bool]
#: Patterns that accept every string; not worth a regex call.
_ANY_STRING = (".*", "[\\S\\s]*")


def finite(value: float | decimal.Decimal) -> bool:
    """True for a finite number (a Decimal NaN would raise on comparison, so ask it directly)."""
    if isinstance(value, decimal.Decimal):
        return value.is_finite()
    return math.isfinite(value)


class _Compiler:
    """Writes and compiles the predicate functions into one shared namespace."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"Decimal": decimal.Decimal, "finite": finite}
        self.written: set[str] = set()
        self.pending: list[str] = []

    def predicate(self, shape_name: str) -> Predicate:
        """The predicate of ``shape_name``, compiling whatever it needs that is not yet compiled."""
        name = self._function(shape_name)
        if self.pending:
            source = "\n\n".join(self.pending)
            self.pending = []
            exec(compile(source, "<automl_sdk.lint._fastcheck>", "exec"), self.namespace)
        check: Predicate = self.namespace[name]
        return check

    def _function(self, shape_name: str) -> str:
        """The name of the function checking ``shape_name``; writes it on first use."""
        name = "check_" + "".join(c if c.isalnum() else "_" for c in shape_name)
        if name in self.written:
            return name
        self.written.add(name)  # before the members, so a recursive shape finds itself
        shape = SHAPES[shape_name]
        kind = shape["type"]
        if kind == "structure":
            body = self._structure(shape)
        elif kind == "list":
            body = self._list(shape)
        elif kind == "map":
            body = self._map(shape)
        else:
            body = [f"return {self._leaf(shape, 'v')}"]
        lines = [f"def {name}(v):", *(f"    {line}" for line in body)]
        self.pending.append("\n".join(lines))
        return name

    def _check(self, shape_name: str, variable: str) -> str:
        """An expression that is true when ``variable`` is valid for ``shape_name``."""
        shape = SHAPES[shape_name]
        if shape["type"] in ("structure", "list", "map"):
            return f"{self._function(shape_name)}({variable})"
        return self._leaf(shape, variable)

    def _structure(self, shape: dict[str, Any]) -> list[str]:
        members: dict[str, str] = shape["members"]
        lines = ["if not isinstance(v, dict):", "    return False"]
        if shape.get("union"):
            lines += ["if len(v) != 1:", "    return False"]
        for required in shape["required"]:
            lines += [f"if {required!r} not in v:", "    return False"]
        known = self._constant("members", frozenset(members))
        lines += [f"if not v.keys() <= {known}:", "    return False"]
        for member, member_shape in members.items():
            lines += [
                f"if {member!r} in v:",
                f"    x = v[{member!r}]",
                f"    if not ({self._check(member_shape, 'x')}):",
                "        return False",
            ]
        return [*lines, "return True"]

    def _list(self, shape: dict[str, Any]) -> list[str]:
        size = _bounds("len(v)", shape.get("min"), shape.get("max"))
        return [
            f"if not isinstance(v, (list, tuple)){f' or not ({size})' if size else ''}:",
            "    return False",
            "for x in v:",
            f"    if not ({self._check(shape['member'], 'x')}):",
            "        return False",
            "return True",
        ]

    def _map(self, shape: dict[str, Any]) -> list[str]:
        size = _bounds("len(v)", shape.get("min"), shape.get("max"))
        return [
            f"if not isinstance(v, dict){f' or not ({size})' if size else ''}:",
            "    return False",
            "for k, x in v.items():",
            f"    if not ({self._leaf(SHAPES[shape['key']], 'k')}):",
            "        return False",
            f"    if not ({self._check(shape['value'], 'x')}):",
            "        return False",
            "return True",
        ]

    def _leaf(self, shape: dict[str, Any], x: str) -> str:
        """An inline expression checking a string, number or boolean value held in ``x``."""
        kind = shape["type"]
        low, high = shape.get("min"), shape.get("max")
        if kind == "string":
            if "enum" in shape:
                return f"isinstance({x}, str) and {x} in {self._constant('enum', frozenset(shape['enum']))}"
            parts = [f"isinstance({x}, str)", _bounds(f"len({x})", low, high)]
            pattern = shape.get("pattern")
            regex = (
                compiled(pattern) if pattern is not None and pattern not in _ANY_STRING else None
            )
            if regex is not None:
                parts.append(f"{self._constant('pattern', regex.fullmatch)}({x}) is not None")
            return " and ".join(part for part in parts if part)
        if kind in ("integer", "long"):
            parts = [f"isinstance({x}, int)", f"not isinstance({x}, bool)"]
        elif kind in ("float", "double"):
            parts = [
                f"isinstance({x}, (int, float, Decimal))",
                f"not isinstance({x}, bool)",
                f"finite({x})",
            ]
        elif kind == "boolean":
            return f"isinstance({x}, bool)"
        else:
            return "True"  # timestamps etc.: the walker decides
        return " and ".join(part for part in [*parts, _bounds(x, low, high)] if part)

    def _constant(self, kind: str, value: Any) -> str:
        name = f"{kind}_{len(self.namespace)}"
        self.namespace[name] = value
        return name


def _bounds(expression: str, low: float | None, high: float | None) -> str:
    """``"1 <= len(v) <= 2"``, one-sided when a bound is missing, ``""`` when both are."""
    if low is not None and high is not None:
        return f"{low!r} <= {expression} <= {high!r}"
    if low is not None:
        return f"{low!r} <= {expression}"
    if high is not None:
        return f"{expression} <= {high!r}"
    return ""


_COMPILER = _Compiler()
_CACHE: dict[str, Predicate] = {}


def predicate(shape_name: str) -> Predicate:
    """The compiled validity check of ``shape_name`` (built once, then cached)."""
    found = _CACHE.get(shape_name)
    if found is None:
        found = _CACHE[shape_name] = _COMPILER.predicate(shape_name)
    return found
