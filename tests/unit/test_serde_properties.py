"""Hypothesis: every generated shape survives wire -> shape -> wire unchanged."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_sdk import from_wire, shapes, to_wire
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
    assert len(STRUCTURES) == 55  # 57 structures in the model, 2 of them unions


@pytest.mark.parametrize("shape_name", STRUCTURES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_round_trip(shape_name: str, data: st.DataObject) -> None:
    wire = data.draw(wire_values(shape_name))
    cls = getattr(shapes, shape_name)
    assert to_wire(from_wire(cls, wire, strict=True)) == wire
    assert to_wire(from_wire(cls, wire)) == wire
