"""Property tests: lint is at least as strict as botocore, never raises, never crashes a rule.

* On random mutations of the valid example requests, whenever botocore's ``ParamValidator``
  reports an error, ``lint`` reports an error finding too.
* ``lint`` never raises on arbitrary JSON (top level, or planted anywhere in a valid request),
  and no rule crashes on it (a crash would surface as an "internal error" finding).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from botocore.session import get_session
from botocore.validate import ParamValidator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_sdk.lint import detect_operation, lint_request, rules_api
from automl_sdk.lint._predicates import PREDICATES
from automl_sdk.lint._schema import _Walker
from automl_sdk.lint.rules_api import LintContext
from automl_sdk.shapes.constraints import OPERATIONS

DATA = Path(__file__).resolve().parents[2] / "data" / "requests"
# The valid requests built from the documentation's examples: ours, and the V1 ones of the
# migration tests (tests/data/v1).
VALID = [
    json.loads(p.read_text())
    for p in sorted(DATA.glob("*.json")) + sorted((DATA.parent / "v1").glob("*.json"))
]
MODEL = get_session().get_service_model("sagemaker")

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
# Values near the edges of the model's constraints, which random JSON rarely hits.
EDGE_VALUES = st.sampled_from(
    [
        0,
        1,
        -1,
        750,
        751,
        0.0,
        1.0,
        0.5,
        1.5,
        "",
        "a",
        "a" * 33,
        "s3://b/k",
        "S3Prefix",
        "training",
        "validation",
        "Gzip",
        "None",
        "AUTO",
        "ENSEMBLING",
        "1D",
        "60min",
        "p50",
        "p100",
        [],
        {},
        [{}],
        True,
        False,
    ]
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path inside ``value`` (dict keys and list indexes), the root excluded."""
    found: list[tuple[Any, ...]] = []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in items:
        found.append((*prefix, key))
        found.extend(_paths(child, (*prefix, key)))
    return found


def _planted(
    base: dict[str, Any], data: st.DataObject, values: st.SearchStrategy[Any]
) -> dict[str, Any]:
    """A copy of ``base`` with a value drawn from ``values`` at a random member or item."""
    request = copy.deepcopy(base)
    path = data.draw(st.sampled_from(_paths(request)))
    parent = request
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = data.draw(values)
    return request


@st.composite
def mutated_requests(draw: st.DrawFn) -> dict[str, Any]:
    request: dict[str, Any] = copy.deepcopy(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(request)
        path = draw(st.sampled_from(paths))
        parent = request
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["delete", "replace", "edge", "add-key"]))
        if action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add-key" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = draw(JSON)
        elif action == "edge":
            parent[path[-1]] = copy.deepcopy(draw(EDGE_VALUES))  # the samples are shared objects
        else:
            parent[path[-1]] = draw(JSON)
    return request


def _botocore_errors(request: dict[str, Any]) -> str:
    operation = detect_operation(request)
    report = ParamValidator().validate(request, MODEL.operation_model(operation).input_shape)
    return report.generate_report() if report.has_errors() else ""


def _internal_errors(findings: list[Any]) -> list[Any]:
    return [f for f in findings if "internal error" in f.message]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_requests())
def test_lint_errors_whenever_botocore_does(request: dict[str, Any]) -> None:
    findings = lint_request(request)
    assert _internal_errors(findings) == []
    botocore_report = _botocore_errors(request)
    if botocore_report:
        assert any(f.severity == "error" for f in findings), botocore_report


@settings(max_examples=300, deadline=None)
@given(JSON, st.sampled_from([None, "CreateAutoMLJob", "CreateAutoMLJobV2"]))
def test_lint_never_raises_on_arbitrary_json(value: Any, operation: str | None) -> None:
    findings = lint_request(value, operation=operation)
    assert isinstance(findings, list)
    assert _internal_errors(findings) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VALID), st.data())
def test_no_rule_crashes_on_json_planted_anywhere(
    base: dict[str, Any], data: st.DataObject
) -> None:
    request = _planted(base, data, JSON)
    for operation in ("CreateAutoMLJob", "CreateAutoMLJobV2"):
        assert _internal_errors(lint_request(request, operation=operation)) == []


@pytest.mark.parametrize("index", range(len(VALID)))
def test_valid_examples_pass_botocore_and_lint(index: int) -> None:
    request = VALID[index]
    assert _botocore_errors(request) == ""
    assert [f for f in lint_request(request) if f.severity == "error"] == []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_requests())
def test_fast_schema_check_agrees_with_the_explaining_walk(request: dict[str, Any]) -> None:
    # Phase 1 trusts the compiled predicate to skip the walk; it must never hide a problem.
    for operation in ("CreateAutoMLJob", "CreateAutoMLJobV2"):
        walker = _Walker(operation)
        walker.value(request, OPERATIONS[operation][0], "")
        assert PREDICATES[OPERATIONS[operation][0]](request) == (walker.findings == [])


# Python values a caller may pass inside a request dict, beyond JSON's: tuples, sets, bytes,
# Decimals (NaN too), integers past float's range, complex numbers, datetimes, bare objects,
# and dicts whose keys are not strings.
PYTHON_SCALARS = (
    SCALARS
    | st.integers(min_value=10**300, max_value=10**400)
    | st.decimals()
    | st.complex_numbers()
    | st.binary(max_size=4)
    | st.datetimes()
    | st.builds(object)
)
PYTHON_VALUES = st.recursive(
    PYTHON_SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.tuples(children)
        | st.frozensets(st.integers(), max_size=2)
        | st.dictionaries(st.text(max_size=6) | st.integers() | st.none(), children, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VALID), st.data())
def test_no_rule_crashes_on_python_values_planted_anywhere(
    base: dict[str, Any], data: st.DataObject
) -> None:
    request = _planted(base, data, PYTHON_VALUES)
    for operation in ("CreateAutoMLJob", "CreateAutoMLJobV2"):
        findings = lint_request(request, operation=operation)
        assert [f for f in findings if f.rule.startswith("E0")] == []


def _path_into(data: st.DataObject, value: Any) -> list[str | int]:
    """Keys that mostly lead somewhere in ``value`` (an existing key or index), now and then
    off it (a missing key, an index out of range, a key into a scalar)."""
    keys: list[str | int] = []
    while data.draw(st.booleans()):
        if isinstance(value, dict) and value and data.draw(st.booleans()):
            key: str | int = data.draw(st.sampled_from(sorted(value)))
        elif isinstance(value, list) and value and data.draw(st.booleans()):
            key = data.draw(st.integers(-len(value), len(value) - 1))
        else:
            key = data.draw(st.text(max_size=2) | st.integers(-3, 3))
        keys.append(key)
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and isinstance(key, int) and -len(value) <= key < len(value):
            value = value[key]
        else:
            value = None
    return keys


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(request=st.dictionaries(st.text(max_size=3), JSON, min_size=1, max_size=4), data=st.data())
def test_context_getters_read_what_the_plain_getters_read(
    request: dict[str, Any], data: st.DataObject
) -> None:
    """LintContext's typed getters (some written inline for speed) agree with rules_api's."""
    keys = _path_into(data, request)
    ctx = LintContext(request, "CreateAutoMLJobV2")
    for name in ("get", "get_str", "get_int", "get_number", "get_bool", "get_dict", "get_list"):
        assert getattr(ctx, name)(*keys) == getattr(rules_api, name)(request, *keys), name
