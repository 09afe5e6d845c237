"""Every Request/Response Syntax example in ../shared/spec/ parses into shapes and back, unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from automl_sdk import ShapeError, from_wire, shapes, to_wire
from automl_sdk.lint._schema import shape_problems
from automl_sdk.shapes.constraints import SHAPES
from tests.support.spec_examples import cli_man_page_request, examples, newer_page_leaf_keys

EXAMPLES = examples()


@pytest.mark.parametrize(
    ("shape_name", "wire"), [e[1:] for e in EXAMPLES], ids=[e[0] for e in EXAMPLES]
)
def test_syntax_example_round_trips(shape_name: str, wire: dict[str, Any]) -> None:
    cls = getattr(shapes, shape_name)
    parsed = from_wire(cls, wire)
    assert isinstance(parsed, cls)
    assert to_wire(parsed) == wire
    if shape_name.endswith("Request"):
        _assert_only_placeholder_values_are_refused(cls, wire)


#: Phase-1 words for a broken value constraint. The syntax examples hold placeholders
#: ("string", 123) of the right JSON type, which break lengths, patterns and enums only.
VALUE_PROBLEMS = ("is too short", "is too long", "is not an allowed value", "does not match")


def _assert_only_placeholder_values_are_refused(cls: type, wire: dict[str, Any]) -> None:
    """Strict parsing refuses the example exactly as phase 1 does, for values only."""
    try:
        from_wire(cls, wire, strict=True)
    except ShapeError as error:
        problems = list(error.problems)
    else:
        problems = []
    assert problems == shape_problems(wire, cls.__name__)
    assert all(any(words in message for words in VALUE_PROBLEMS) for _, message in problems)


def test_every_union_member_of_the_describe_example_is_exercised() -> None:
    configs = {
        next(iter(wire["AutoMLProblemTypeConfig"]))
        for case_id, _, wire in EXAMPLES
        if case_id.startswith("002-response")
    }
    assert configs == set(SHAPES["AutoMLProblemTypeConfig"]["members"])


def test_cli_man_page_request_round_trips() -> None:
    wire = cli_man_page_request()
    parsed = from_wire(shapes.CreateAutoMLJobRequest, wire)
    _assert_only_placeholder_values_are_refused(shapes.CreateAutoMLJobRequest, wire)
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
