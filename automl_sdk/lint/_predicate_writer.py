"""Write ``automl_sdk/lint/_predicates.py``: the fast yes/no form of phase 1's constraints.

Lint owns the model's request constraints (:mod:`automl_sdk.lint._schema` explains them); this
module owns their generated fast form. ``tools/generate_shapes.py`` calls
:func:`render_predicates` with the constraint tables it emits and formats the result with ruff.

The written module imports the standard library only: the model's Java patterns are translated
to Python here, at generation time (:func:`automl_sdk.lint._patterns.translate`, then
:func:`~automl_sdk.lint._patterns.without_captures`, as the explaining walk compiles them), and the
finiteness check of number members is written inline. So nothing generated imports
hand-written code, and a change to a hand-written helper cannot change what the predicates
accept without a re-generation (which ``generate_shapes.py --check`` notices).
"""

from __future__ import annotations

import re
from typing import Any

from automl_sdk.lint._common import FLOAT_MAX, bounded
from automl_sdk.lint._patterns import translate, without_captures

#: Model patterns that accept every string; not worth a regex call.
ANY_STRING_PATTERNS = (".*", "[\\S\\s]*")
CONTAINERS = ("structure", "list", "map")

_DOCSTRING = '''"""Yes/no validity checks of the AutoML request shapes, from the model's constraint tables.

``PREDICATES[shape_name](value)`` is true when ``value`` breaks none of the model's
constraints for that shape (``automl_sdk.lint._schema`` explains the ones it breaks, in the
words lint and strict ``from_wire`` report). Written by ``automl_sdk.lint._predicate_writer``
(run through ``tools/generate_shapes.py``): one function per structure, list and map, leaf
checks inline, patterns already translated to Python, so that the common case (a valid
request) costs as little as it can. Imports the standard library only.
"""
'''


class PredicateWriter:
    """Writes one yes/no validity function per structure, list and map shape reachable from the
    roots, with the checks of string, number and boolean members written inline (as
    fastjsonschema does for JSON Schema).

    Phase 1 runs these on every request and only walks the request to explain problems when one
    says no, so they are written for speed: no paths, no messages, no call per leaf value. A
    lint property test holds them to the explaining walk's verdict.
    """

    def __init__(self, tables: dict[str, dict[str, Any]]) -> None:
        self.tables = tables
        self.constants: dict[str, str] = {}
        self.functions: dict[str, str] = {}

    def render(self, roots: list[str], header: str) -> str:
        """The module's source (unformatted): ``header``, then constants, functions and
        ``PREDICATES``."""
        for root in roots:
            self.function(root)
        constants = [f"{name} = {value}" for name, value in sorted(self.constants.items())]
        functions = [self.functions[name] for name in sorted(self.functions)]
        table = ",\n".join(f"    {name!r}: check_{name}" for name in sorted(self.functions))
        return (
            header + _DOCSTRING + "\nimport re\n"
            "from collections.abc import Callable\n"
            "from datetime import datetime\n"
            "from decimal import Decimal\n"
            "from math import isfinite\n"
            "from typing import Any, Final\n\n"
            + "\n".join(constants)
            + "\n\n\n"
            + "\n\n\n".join(functions)
            + "\n\n\nPREDICATES: Final[dict[str, Callable[[Any], bool]]] = {\n"
            + table
            + ",\n}\n"
        )

    def function(self, shape_name: str) -> str:
        """The name of the function checking ``shape_name``; writes it on first use."""
        if shape_name not in self.functions:
            self.functions[shape_name] = ""  # a recursive shape finds itself
            shape = self.tables[shape_name]
            body = {"structure": self.structure_body, "list": self.list_body, "map": self.map_body}[
                shape["type"]
            ](shape_name, shape)
            lines = [f"def check_{shape_name}(v: Any) -> bool:", *(f"    {line}" for line in body)]
            self.functions[shape_name] = "\n".join(lines)
        return f"check_{shape_name}"

    def check(self, shape_name: str, variable: str) -> str:
        """An expression that is true when ``variable`` is valid for ``shape_name``."""
        shape = self.tables[shape_name]
        if shape["type"] in CONTAINERS:
            return f"{self.function(shape_name)}({variable})"
        return f"({self.leaf(shape_name, shape, variable)})"

    def structure_body(self, shape_name: str, shape: dict[str, Any]) -> list[str]:
        """Type, union count, required members, known members, then each member's check."""
        members: dict[str, str] = shape["members"]
        lines = ["if not isinstance(v, dict):", "    return False"]
        if shape.get("union"):
            lines += ["if len(v) != 1:", "    return False"]
        for required in shape["required"]:
            lines += [f"if {required!r} not in v:", "    return False"]
        known = self.constant(f"MEMBERS_{shape_name}", f"frozenset({sorted(members)!r})")
        lines += [f"if not v.keys() <= {known}:", "    return False"]
        for member, member_shape in members.items():
            check = [
                f"x = v[{member!r}]",
                f"if not {self.check(member_shape, 'x')}:",
                "    return False",
            ]
            if member in shape["required"]:
                lines += check
            else:
                lines += [f"if {member!r} in v:", *(f"    {line}" for line in check)]
        return [*lines, "return True"]

    def list_body(self, shape_name: str, shape: dict[str, Any]) -> list[str]:
        """Type and size, then each item's check."""
        size = bounds("len(v)", shape.get("min"), shape.get("max"))
        return [
            f"if not isinstance(v, (list, tuple)){f' or not {size}' if size else ''}:",
            "    return False",
            "for x in v:",
            f"    if not {self.check(shape['member'], 'x')}:",
            "        return False",
            "return True",
        ]

    def map_body(self, shape_name: str, shape: dict[str, Any]) -> list[str]:
        """Type and size, then each key's and value's check."""
        size = bounds("len(v)", shape.get("min"), shape.get("max"))
        key = self.leaf(shape["key"], self.tables[shape["key"]], "k")
        return [
            f"if not isinstance(v, dict){f' or not {size}' if size else ''}:",
            "    return False",
            "for k, x in v.items():",
            f"    if not ({key}) or not {self.check(shape['value'], 'x')}:",
            "        return False",
            "return True",
        ]

    def leaf(self, shape_name: str, shape: dict[str, Any], x: str) -> str:
        """An inline expression checking the string, number or boolean held in ``x``."""
        kind = shape["type"]
        size = (shape.get("min"), shape.get("max"))
        if kind == "string":
            parts = self.string_parts(shape_name, shape, x)
        elif kind in ("integer", "long"):
            parts = [f"isinstance({x}, int)", f"not isinstance({x}, bool)", bounds(x, *size)]
        elif kind in ("float", "double"):
            # An int is finite, but one past the largest float has no float form.
            most = self.constant("FLOAT_MAX", repr(FLOAT_MAX))
            finite = (
                f"(-{most} <= {x} <= {most} if isinstance({x}, int) else isfinite({x}) "
                f"if isinstance({x}, float) else {x}.is_finite())"
            )
            parts = [
                f"isinstance({x}, (int, float, Decimal))",
                f"not isinstance({x}, bool)",
                finite,
                bounds(x, *size),
            ]
        elif kind == "boolean":
            parts = [f"isinstance({x}, bool)"]
        else:
            # A timestamp: a datetime is one; the explaining walk reads the other wire forms.
            parts = [f"isinstance({x}, datetime)"]
        return " and ".join(part for part in parts if part)

    def string_parts(self, shape_name: str, shape: dict[str, Any], x: str) -> list[str]:
        """The checks of a string: its enum, or its length and (translated) pattern."""
        if "enum" in shape:
            values = self.constant(f"ENUM_{shape_name}", f"frozenset({sorted(shape['enum'])!r})")
            return [f"isinstance({x}, str) and {x} in {values}"]
        parts = [f"isinstance({x}, str)", bounds(f"len({x})", shape.get("min"), shape.get("max"))]
        pattern = shape.get("pattern")
        python = _python_pattern(pattern) if pattern not in (None, *ANY_STRING_PATTERNS) else None
        if python is not None:
            matcher = self.constant(f"PATTERN_{shape_name}", f"re.compile({python!r}).fullmatch")
            parts.append(f"{matcher}({x}) is not None")
        return parts

    def constant(self, name: str, value: str) -> str:
        """Define a module constant (once) and return its name."""
        self.constants[name] = value
        return name


def _python_pattern(pattern: str) -> str | None:
    """The Python form of a model pattern; ``None`` (accept every value) when it does not
    compile, as :func:`automl_sdk.lint._patterns.fullmatcher` decides for the walk."""
    python = without_captures(translate(pattern))
    try:
        re.compile(python)
    except re.error:
        return None
    return python


def bounds(expression: str, low: float | None, high: float | None) -> str:
    """``"1 <= len(v) <= 2"``, one-sided when a bound is missing, ``""`` when both are."""
    return bounded(
        low,
        high,
        both=f"{{low!r}} <= {expression} <= {{high!r}}",
        at_least=f"{expression} >= {{low!r}}",
        at_most=f"{expression} <= {{high!r}}",
    )


def request_roots(operations: dict[str, tuple[str, str | None]]) -> list[str]:
    """The input shape of every operation: the shapes strict parsing and lint check."""
    return sorted({request for request, _ in operations.values()})


def render_predicates(
    tables: dict[str, dict[str, Any]], operations: dict[str, tuple[str, str | None]], header: str
) -> str:
    """The source of ``_predicates.py`` for the inputs of ``operations`` (unformatted)."""
    return PredicateWriter(tables).render(request_roots(operations), header)
