"""Phase 1: check a raw request against the service model's constraint tables.

The walk visits every member once and reports, with the member's own wire path:

=======  =====================================================================
E1001    unknown member (names the closest valid one; says when it is a V1 member in a
         V2 request or the reverse, and where it moved)
E1002    wrong JSON type (``true`` is not an integer, ``"10"`` is not an integer, ``1.9`` is
         not an integer, ``null`` is never a value); also a request that is not an object
E1003    missing required member
E1004    string length
E1005    numeric range
E1006    list or map size
E1007    pattern (the whole value must match)
E1008    enum membership
E1009    union: exactly one member
=======  =====================================================================

A value of the wrong type is not looked into further, so one mistake gives one finding.

This module is the one owner of the model's constraints: lint's phase 1 (:func:`check_schema`),
strict ``from_wire`` and ``to_wire`` (both through :func:`shape_problems`) report the same
problems in the same words. The generated predicates of ``_predicates.py`` are its fast yes/no
form (written by :mod:`automl_sdk.lint._predicate_writer`); a property test holds the two equal.
"""

from __future__ import annotations

import datetime
import decimal
import math
from collections.abc import Iterator
from typing import Any

from automl_sdk.lint._common import FLOAT_MAX, bounded, closest, finite, join, parse_timestamp, show
from automl_sdk.lint._finding import Finding
from automl_sdk.lint._moved import moved_member_hint
from automl_sdk.lint._patterns import full_match
from automl_sdk.lint._predicates import PREDICATES
from automl_sdk.shapes.constraints import OPERATIONS, SHAPES

UNKNOWN_MEMBER = "E1001"
WRONG_TYPE = "E1002"
MISSING_REQUIRED = "E1003"
STRING_LENGTH = "E1004"
NUMBER_RANGE = "E1005"
COLLECTION_SIZE = "E1006"
PATTERN = "E1007"
ENUM = "E1008"
UNION = "E1009"

#: The Python types the wire accepts for each kind of leaf shape (``bool`` only for booleans,
#: though it is an ``int``; ``Decimal`` for numbers, as boto3 accepts it). The walk below and
#: ``to_wire``'s writer both decide "right type" by this table.
WIRE_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "float": (int, float, decimal.Decimal),
    "double": (int, float, decimal.Decimal),
    "boolean": (bool,),
    "timestamp": (str, int, float, datetime.datetime),
}


def well_typed(value: Any, kind: str) -> bool:
    """True when ``value`` has a wire type of leaf ``kind`` (see :data:`WIRE_TYPES`)."""
    if isinstance(value, bool):
        return kind == "boolean"
    return isinstance(value, WIRE_TYPES[kind])


_JSON_TYPE = {
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "an array",
    tuple: "an array",
    dict: "an object",
    type(None): "null",
}


#: Each operation's input shape -> the operation (for the V1/V2 "moved" hints).
_OPERATION_OF_INPUT = {request: operation for operation, (request, _) in OPERATIONS.items()}
#: The operation whose hints apply to a shape that is no operation's input.
_DEFAULT_OPERATION = "CreateAutoMLJobV2"


def check_schema(request: Any, operation: str) -> Iterator[Finding]:
    """Yield a finding for every schema problem of ``request`` as an ``operation`` input."""
    shape_name = OPERATIONS[operation][0]
    if PREDICATES[shape_name](request):  # the common case: valid, nothing to explain
        return iter(())
    walker = _Walker(operation)
    walker.value(request, shape_name, "")
    return iter(walker.findings)


def shape_problems(
    value: Any, shape_name: str, *, constraints: bool = True, required: bool = True
) -> list[tuple[str, str]]:
    """``(wire path, message)`` for every problem of ``value`` as a ``shape_name`` value.

    With ``constraints`` (strict ``from_wire``) every phase-1 check applies, in phase 1's words.
    Without it (``to_wire`` of a shape object) only the JSON types are checked, ``None`` stands
    for an absent member, and ``required`` says whether missing required members count (they
    do in a request; a lenient parse of a response leaves them ``None``).
    """
    predicate = PREDICATES.get(shape_name)
    if predicate is not None and predicate(value):  # valid implies well-typed and complete
        return []
    operation = _OPERATION_OF_INPUT.get(shape_name, _DEFAULT_OPERATION)
    walker = _Walker(operation, constraints=constraints, required=required)
    walker.value(value, shape_name, "")
    return [(finding.path, finding.message) for finding in walker.findings]


def json_type(value: Any) -> str:
    """``"a string"``, ``"an integer"``, ``"an object"``... for messages."""
    return _JSON_TYPE.get(type(value), f"a {type(value).__name__}")


def expected(shape_name: str) -> str:
    """What a value of ``shape_name`` must be, in words: ``"an integer from 1 to 750"``."""
    shape = SHAPES[shape_name]
    kind = shape["type"]
    if kind == "structure":
        return f"an object ({shape_name})"
    if kind in ("list", "map"):
        noun = "an array" if kind == "list" else "an object"
        size = _sized(shape, "item" if kind == "list" else "entry")
        return f"{noun} of {size}" if size else noun
    if "enum" in shape:
        return "one of " + ", ".join(repr(v) for v in shape["enum"])
    words = {
        "string": "a string",
        "integer": "an integer",
        "long": "an integer",
        "float": "a number",
        "double": "a number",
        "boolean": "a boolean (true or false)",
        "timestamp": "a timestamp",
    }.get(kind, kind)
    if kind == "string" and _bounds(shape):
        return f"{words} of {_sized(shape, 'character')}"
    return f"{words} {_range_words(shape)}".rstrip()


def _bounds(shape: dict[str, Any]) -> str:
    """``"1 to 2"``, ``"exactly 3"``, ``"at least 1"``, ``"at most 5"``, ``""`` when unbounded."""
    low, high = shape.get("min"), shape.get("max")
    if low is not None and low == high:
        return f"exactly {low}"
    return bounded(
        low, high, both="{low} to {high}", at_least="at least {low}", at_most="at most {high}"
    )


def _sized(shape: dict[str, Any], unit: str) -> str:
    """``"1 to 2 items"``, ``"at least 1 character"``, ``""`` when unbounded."""
    bounds = _bounds(shape)
    if not bounds:
        return ""
    single = bounds.split()[-1] == "1" and " to " not in bounds
    plural = unit if single else ("entries" if unit == "entry" else f"{unit}s")
    return f"{bounds} {plural}"


def _range_words(shape: dict[str, Any]) -> str:
    """``"from 1 to 750"``, ``"of at least 0"``...: a number's range after its type's name."""
    return bounded(
        shape.get("min"),
        shape.get("max"),
        both="from {low} to {high}",
        at_least="of at least {low}",
        at_most="of at most {high}",
    )


def _outside(value: float | decimal.Decimal, shape: dict[str, Any]) -> str | None:
    """``"low"`` when ``value`` (a number, length or count) is below the shape's ``min``,
    ``"high"`` when above its ``max``, ``None`` when within both."""
    low, high = shape.get("min"), shape.get("max")
    if low is not None and value < low:
        return "low"
    if high is not None and value > high:
        return "high"
    return None


def _type_fix(value: Any, kind: str) -> str:
    """The fix for the commonest type mistakes: quoted numbers and booleans, null, 1.0 for 1."""
    if value is None:
        return "omit the member instead of setting it to null"
    if kind == "string" and isinstance(value, int | float) and not isinstance(value, bool):
        return f'write it as a string: "{value}"'
    if kind in ("integer", "long") and isinstance(value, float) and value.is_integer():
        return f"write {int(value)} without the decimal point"
    if isinstance(value, str):
        text = value.strip()
        if kind == "boolean" and text.lower() in ("true", "false"):
            return f"write {text.lower()} without quotes"
        if kind in ("integer", "long") and text.lstrip("-").isdigit():
            return f"write {int(text)} without quotes"
        if kind in ("float", "double"):
            try:
                number = float(text)
            except ValueError:
                return ""
            if math.isfinite(number):
                return f"write {text} without quotes"
    return ""


def _got(value: Any) -> str:
    """``'10', a string`` -- the value and its JSON type (just ``null`` for null)."""
    return "null" if value is None else f"{show(value)}, {json_type(value)}"


def _name(path: str) -> str:
    """The last member name of a path, for messages (``A[0].B`` -> ``B``; ``A[0]`` -> ``A[0]``)."""
    return path.rsplit(".", 1)[-1] if path else "request"


class _Walker:
    """The explaining walk: visits every member once and records a finding per problem.

    Attributes:
        operation: the operation whose request is walked (for the V1/V2 "moved" hints).
        constraints: check the model's constraints (lengths, ranges, sizes, patterns, enums,
            finiteness) and treat ``null`` as a wrong value; without it only JSON types are
            checked and a ``None`` member is an absent one.
        required: report missing required members.
        findings: what was found, in walk order.
    """

    def __init__(self, operation: str, *, constraints: bool = True, required: bool = True) -> None:
        self.operation = operation
        self.constraints = constraints
        self.required = required
        self.findings: list[Finding] = []
        self.map_entries: set[str] = set()

    def name(self, path: str) -> str:
        """How messages name the value at ``path``: its member name, ``Map.key`` for map entries."""
        if path in self.map_entries:
            parent = path[: -len(path.rsplit(".", 1)[-1]) - 1]
            return f"{_name(parent)}.{path[len(parent) + 1 :]}"
        return _name(path)

    def report(self, rule: str, path: str, message: str) -> None:
        self.findings.append(Finding(rule, "error", path, message))

    def value(self, value: Any, shape_name: str, path: str) -> None:
        shape = SHAPES[shape_name]
        kind = shape["type"]
        checker = _CHECKERS.get(kind)
        if checker is None:  # a type no request member uses (blob...): nothing to check
            return
        checker(self, value, shape_name, shape, path)

    def wrong_type(self, value: Any, shape_name: str, path: str) -> None:
        if path == "" and shape_name in _OPERATION_OF_INPUT:
            message = f"request is not a JSON object (got {show(value)}; expected an object of request members)"
        elif path == "":
            message = (
                f"value has the wrong type (got {_got(value)}; expected {expected(shape_name)})"
            )
        else:
            message = f"{self.name(path)} has the wrong type (got {_got(value)}; expected {expected(shape_name)})"
            fix = _type_fix(value, SHAPES[shape_name]["type"])
            if fix:
                message = f"{message}; {fix}"
        self.report(WRONG_TYPE, path, message)

    def structure(self, value: Any, shape_name: str, shape: dict[str, Any], path: str) -> None:
        if not isinstance(value, dict):
            self.wrong_type(value, shape_name, path)
            return
        members: dict[str, str] = shape["members"]
        if not self.constraints:  # a shape object's None members are absent ones
            value = {key: item for key, item in value.items() if item is not None}
        if self.required:
            for required in shape["required"]:
                if required not in value:
                    member_shape = members[required]
                    self.report(
                        MISSING_REQUIRED,
                        join(path, required),
                        f"required member {required} is missing (got nothing; expected {expected(member_shape)})",
                    )
        if shape.get("union"):
            self.union(value, shape_name, members, path)
        for key, item in value.items():
            item_shape = members.get(key) if isinstance(key, str) else None
            if item_shape is None:
                self.unknown(key, shape_name, members, path)
            else:
                self.value(item, item_shape, join(path, key))

    def union(
        self, value: dict[str, Any], shape_name: str, members: dict[str, str], path: str
    ) -> None:
        present = [key for key in value if isinstance(key, str) and key in members]
        if len(present) == 1:
            return
        choices = ", ".join(members)
        got = "no member" if not present else f"{len(present)}: " + ", ".join(present)
        self.report(
            UNION,
            path,
            f"{self.name(path)} must set exactly one member (got {got}; expected exactly one of {choices})",
        )

    def unknown(self, key: Any, shape_name: str, members: dict[str, str], path: str) -> None:
        if not isinstance(key, str):
            message = (
                f"member name is not a string (got {_got(key)}; expected a member of {shape_name})"
            )
            self.report(WRONG_TYPE, join(path, show(key)), message)
            return
        hint = moved_member_hint(shape_name, key, self.operation)
        if hint is None:
            close = closest(key, members)
            hint = f"did you mean {close!r}?" if close else ""
        message = f"unknown member {key!r} (got {key!r}; expected one of {shape_name}'s members: {', '.join(members)})"
        self.report(UNKNOWN_MEMBER, join(path, key), f"{message}; {hint}" if hint else message)

    def list_(self, value: Any, shape_name: str, shape: dict[str, Any], path: str) -> None:
        if not isinstance(value, list | tuple):
            self.wrong_type(value, shape_name, path)
            return
        if self.constraints:
            self.size(len(value), shape, "item", path)
        member = shape["member"]
        for index, item in enumerate(value):
            self.value(item, member, f"{path}[{index}]")

    def map_(self, value: Any, shape_name: str, shape: dict[str, Any], path: str) -> None:
        if not isinstance(value, dict):
            self.wrong_type(value, shape_name, path)
            return
        if self.constraints:
            self.size(len(value), shape, "entry", path)
        key_shape, value_shape = shape["key"], shape["value"]
        for key, item in value.items():
            item_path = join(path, key if isinstance(key, str) else show(key))
            self.map_entries.add(item_path)
            if isinstance(key, str):
                if self.constraints:
                    self.scalar_constraints(key, SHAPES[key_shape], item_path, what="key")
            else:
                self.report(
                    WRONG_TYPE,
                    item_path,
                    f"map key has the wrong type (got {_got(key)}; expected a string)",
                )
            self.value(item, value_shape, item_path)

    def size(self, count: int, shape: dict[str, Any], unit: str, path: str) -> None:
        side = _outside(count, shape)
        if side is None:
            return
        if side == "low":
            problem = (
                "is empty"
                if count == 0
                else "has too few entries"
                if unit == "entry"
                else "has too few items"
            )
        else:
            problem = "has too many entries" if unit == "entry" else "has too many items"
        self.report(
            COLLECTION_SIZE,
            path,
            f"{self.name(path)} {problem} (got {count}; expected {_sized(shape, unit)})",
        )

    def string(self, value: Any, shape_name: str, shape: dict[str, Any], path: str) -> None:
        if not well_typed(value, "string"):
            self.wrong_type(value, shape_name, path)
        elif self.constraints:
            self.scalar_constraints(value, shape, path, what=None)

    def scalar_constraints(
        self, value: str, shape: dict[str, Any], path: str, what: str | None
    ) -> None:
        """Enum, length and pattern checks of a string (a member's value, or a map ``key``)."""
        subject = f"{self.name(path)} key" if what == "key" else self.name(path)
        enum = shape.get("enum")
        if enum is not None:
            if value not in enum:
                self.report(ENUM, path, _enum_message(subject, value, enum))
            return
        length = len(value)
        side = _outside(length, shape)
        if side is not None:
            problem = (
                "is empty" if length == 0 else "is too short" if side == "low" else "is too long"
            )
            self.report(
                STRING_LENGTH,
                path,
                f"{subject} {problem} (got {show(value)} with {length} characters; "
                f"expected {_sized(shape, 'character')})",
            )
            return
        pattern = shape.get("pattern")
        if pattern is not None and not full_match(pattern, value):
            self.report(
                PATTERN,
                path,
                f"{subject} does not match the required pattern (got {show(value)}; "
                f"expected a whole match of {pattern})",
            )

    def integer(self, value: Any, shape_name: str, shape: dict[str, Any], path: str) -> None:
        if not well_typed(value, "integer"):
            self.wrong_type(value, shape_name, path)
        elif self.constraints:
            self.number_range(value, shape, path)

    def number(self, value: Any, shape_name: str, shape: dict[str, Any], path: str) -> None:
        # Decimal too: boto3 accepts it for float members (and DynamoDB users pass it).
        if not well_typed(value, "float"):
            self.wrong_type(value, shape_name, path)
            return
        if not self.constraints:
            return
        if not finite(value):
            self.report(
                WRONG_TYPE,
                path,
                f"{self.name(path)} is not a finite number (got {value}; expected {expected(shape_name)})",
            )
            return
        if isinstance(value, int) and abs(value) > FLOAT_MAX and _outside(value, shape) is None:
            # Within the model's range (or it has none), but with no float form to send.
            self.report(
                NUMBER_RANGE,
                path,
                f"{self.name(path)} is too large for a number (got {show(value)}; expected at most "
                f"{FLOAT_MAX:.4g} in size)",
            )
            return
        self.number_range(value, shape, path)

    def number_range(
        self, value: float | decimal.Decimal, shape: dict[str, Any], path: str
    ) -> None:
        if _outside(value, shape) is not None:
            self.report(
                NUMBER_RANGE,
                path,
                f"{self.name(path)} is out of range (got {show(value)}; expected {_bounds(shape)})",
            )

    def type_only(self, value: Any, shape_name: str, shape: dict[str, Any], path: str) -> None:
        """A boolean: the model constrains nothing of it but its type."""
        if not well_typed(value, shape["type"]):
            self.wrong_type(value, shape_name, path)

    def timestamp(self, value: Any, shape_name: str, shape: dict[str, Any], path: str) -> None:
        """A timestamp: of a wire type and, when constraints apply, one that reads as a time (as
        ``from_wire`` reads it)."""
        if not well_typed(value, "timestamp"):
            self.wrong_type(value, shape_name, path)
        elif self.constraints and parse_timestamp(value) is None:
            self.report(
                WRONG_TYPE,
                path,
                f"{self.name(path)} is not a time (got {show(value)}; expected a datetime, "
                "epoch seconds or an ISO 8601 string such as '2026-01-31T12:00:00Z')",
            )


def _enum_message(subject: str, value: str, enum: tuple[str, ...]) -> str:
    message = f"{subject} is not an allowed value (got {show(value)}; expected one of {', '.join(map(repr, enum))})"
    close = closest(value, enum)
    return f"{message}; did you mean {close!r}?" if close else message


_CHECKERS = {
    "structure": _Walker.structure,
    "list": _Walker.list_,
    "map": _Walker.map_,
    "string": _Walker.string,
    "integer": _Walker.integer,
    "long": _Walker.integer,
    "float": _Walker.number,
    "double": _Walker.number,
    "boolean": _Walker.type_only,
    "timestamp": _Walker.timestamp,
}
