"""Hypothesis: every generated shape survives wire -> shape -> wire unchanged; strict parsing
says exactly what lint's phase 1 says; no Python value makes the wire functions raise anything
but ``ShapeError``."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_sdk import ShapeError, from_wire, shapes, to_wire
from automl_sdk.lint._schema import shape_problems
from automl_sdk.shapes.constraints import SHAPES

_LEAVES: dict[str, st.SearchStrategy[Any]] = {
    "string": st.text(max_size=12),
    "integer": st.integers(min_value=-(2**31), max_value=2**31 - 1),
    "long": st.integers(),
    "float": st.floats(allow_nan=False, allow_infinity=False),
    "double": st.floats(allow_nan=False, allow_infinity=False),
    "boolean": st.booleans(),
    "timestamp": st.datetimes(timezones=st.just(datetime.timezone.utc)),
}


def wire_values(shape_name: str, depth: int = 0) -> st.SearchStrategy[Any]:
    """Wire values of a shape: right types, any sizes (constraints are the linter's concern)."""
    table = SHAPES[shape_name]
    kind = table["type"]
    if "enum" in table:
        return st.sampled_from(table["enum"]) | st.text(max_size=8)
    if kind in _LEAVES:
        return _LEAVES[kind]
    if kind == "list":
        return st.lists(wire_values(table["member"], depth + 1), max_size=2 if depth < 4 else 0)
    if kind == "map":
        return st.dictionaries(
            st.text(max_size=6),
            wire_values(table["value"], depth + 1),
            max_size=2 if depth < 4 else 0,
        )
    members = table["members"]
    if table.get("union"):
        return st.one_of(
            [
                st.fixed_dictionaries({name: wire_values(target, depth + 1)})
                for name, target in sorted(members.items())
            ]
        )
    required = {name: wire_values(members[name], depth + 1) for name in table["required"]}
    optional = {
        name: wire_values(target, depth + 1)
        for name, target in members.items()
        if name not in required
    }
    return st.fixed_dictionaries(required, optional=optional)


STRUCTURES = sorted(
    name
    for name, table in SHAPES.items()
    if table["type"] == "structure" and not table.get("union")
)


def test_every_structure_is_covered() -> None:
    # 57 shapes of the AutoML operations (2 of them unions) and 84 of the deploy operations
    assert len(STRUCTURES) == 139


@pytest.mark.parametrize("shape_name", STRUCTURES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_round_trip(shape_name: str, data: st.DataObject) -> None:
    wire = data.draw(wire_values(shape_name))
    cls = getattr(shapes, shape_name)
    assert to_wire(from_wire(cls, wire)) == wire
    problems = shape_problems(wire, shape_name)  # lint's phase-1 walk of the same value
    error, parsed = _outcome(lambda: from_wire(cls, wire, strict=True))
    if error is None:
        assert problems == []
        assert to_wire(parsed) == wire
    else:
        assert list(error.problems) == problems
        assert problems


def _outcome(call: Callable[[], Any]) -> tuple[ShapeError | None, Any]:
    """``(None, result)`` of ``call()``, or ``(the ShapeError, None)`` when it raises one."""
    try:
        return None, call()
    except ShapeError as error:
        return error, None


class _Colour(enum.Enum):
    RED = 1


class _BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


# Python values a caller might hand over by mistake, beyond JSON's: tuples, sets, bytes,
# Decimals (NaN too), huge integers, complex numbers, enums, datetimes, objects whose repr
# fails, shapes where dicts belong, and dicts with keys of any hashable type.
PY_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**300, max_value=10**400)
    | st.floats()
    | st.decimals()
    | st.complex_numbers()
    | st.text(max_size=10)
    | st.binary(max_size=4)
    | st.datetimes()
    | st.builds(_BadRepr)
    | st.sampled_from([_Colour.RED, object(), shapes.TabularJobConfig(target_attribute_name="y")])
)
PY_KEYS = st.text(max_size=6) | st.integers() | st.none() | st.booleans() | st.tuples(st.integers())
PY_VALUES = st.recursive(
    PY_SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.tuples(children)
        | st.frozensets(st.integers(), max_size=2)
        | st.dictionaries(PY_KEYS, children, max_size=3)
    ),
    max_leaves=12,
)


def _planted(wire: Any, data: st.DataObject) -> Any:
    """``wire`` with a Python value planted at a random place inside it."""
    if not isinstance(wire, dict) or not wire:
        return data.draw(PY_VALUES)
    key = data.draw(st.sampled_from(sorted(wire)))
    return {**wire, key: _planted(wire[key], data)}


@pytest.mark.parametrize("shape_name", STRUCTURES)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), strict=st.booleans())
def test_from_wire_raises_only_shape_error_for_any_python_value(
    shape_name: str, data: st.DataObject, strict: bool
) -> None:
    cls = getattr(shapes, shape_name)
    value = data.draw(PY_VALUES | wire_values(shape_name).map(lambda w: _planted(w, data)))
    error, _ = _outcome(lambda: from_wire(cls, value, strict=strict))
    if error is not None:
        assert error.problems
        assert all(isinstance(message, str) for _, message in error.problems)


@pytest.mark.parametrize("shape_name", STRUCTURES)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_to_wire_raises_only_shape_error_for_a_shape_holding_any_python_value(
    shape_name: str, data: st.DataObject
) -> None:
    import attrs

    cls = getattr(shapes, shape_name)
    shape = from_wire(cls, data.draw(wire_values(shape_name)))
    fields = attrs.fields(cls)
    if not fields:
        return
    field = data.draw(st.sampled_from(fields))
    broken = attrs.evolve(shape)
    # As a caller's code can, past the list fields' converters (attrs.evolve would run them).
    object.__setattr__(broken, field.name, data.draw(PY_VALUES))
    error, wire = _outcome(lambda: to_wire(broken))
    if error is None:
        assert shape_problems(wire, shape_name, constraints=False, required=False) == []
    else:
        roots = {path.split(".")[0].split("[")[0] for path, _ in error.problems}
        assert roots == {field.metadata["wire"]}
