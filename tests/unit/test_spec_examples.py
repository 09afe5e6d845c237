"""Every Request/Response Syntax example in ../shared/spec/ parses into shapes and back, unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from automl_sdk import from_wire, shapes, to_wire
from automl_sdk.shapes.constraints import SHAPES
from tests.support.spec_examples import cli_man_page_request, examples, newer_page_leaf_keys

EXAMPLES = examples()


@pytest.mark.parametrize(
    ("shape_name", "wire"), [e[1:] for e in EXAMPLES], ids=[e[0] for e in EXAMPLES]
)
def test_syntax_example_round_trips(shape_name: str, wire: dict[str, Any]) -> None:
    cls = getattr(shapes, shape_name)
    parsed = from_wire(cls, wire, strict=shape_name.endswith("Request"))
    assert isinstance(parsed, cls)
    assert to_wire(parsed) == wire


def test_every_union_member_of_the_describe_example_is_exercised() -> None:
    configs = {
        next(iter(wire["AutoMLProblemTypeConfig"]))
        for case_id, _, wire in EXAMPLES
        if case_id.startswith("002-response")
    }
    assert configs == set(SHAPES["AutoMLProblemTypeConfig"]["members"])


def test_cli_man_page_request_round_trips() -> None:
    wire = cli_man_page_request()
    parsed = from_wire(shapes.CreateAutoMLJobRequest, wire, strict=True)
    assert parsed.auto_ml_job_config is not None
    assert parsed.auto_ml_job_config.mode == "AUTO"
    assert to_wire(parsed) == wire


def _members_below(shape_name: str, seen: set[str] | None = None) -> set[str]:
    seen = set() if seen is None else seen
    if shape_name in seen:
        return set()
    seen.add(shape_name)
    table = SHAPES[shape_name]
    found = set(table.get("members", {}))
    for child in [*table.get("members", {}).values(), table.get("member"), table.get("value")]:
        if child:
            found |= _members_below(child, seen)
    return found


def test_newer_create_auto_ml_job_page_names_only_known_members() -> None:
    known = _members_below("CreateAutoMLJobRequest") | _members_below("CreateAutoMLJobResponse")
    assert newer_page_leaf_keys() - known == set()
    assert "SampleWeightAttributeName" in newer_page_leaf_keys()
