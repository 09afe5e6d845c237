"""Bad Python input to migrate_request and migrate_describe_response: only MigrationError, with
the path, and no recursion without bound however deep the input is nested."""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_sdk import MigrationError, RequestLintError, migrate_describe_response, migrate_request
from automl_sdk.migrate import lint_then_translate

S3 = {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}
V1: dict[str, Any] = {
    "AutoMLJobName": "job-1",
    "InputDataConfig": [{"DataSource": S3, "TargetAttributeName": "y"}],
    "OutputDataConfig": {"S3OutputPath": "s3://bucket/output/"},
    "RoleArn": "arn:aws:iam::111122223333:role/AutopilotRole",
}
V2_RESPONSE: dict[str, Any] = {
    "AutoMLJobName": "job-1",
    "AutoMLJobArn": "arn:aws:sagemaker:us-east-1:111122223333:automl-job/job-1",
    "AutoMLJobInputDataConfig": [{"DataSource": S3}],
    "OutputDataConfig": {"S3OutputPath": "s3://bucket/output/"},
    "RoleArn": "arn:aws:iam::111122223333:role/AutopilotRole",
    "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "y"}},
    "AutoMLProblemTypeConfigName": "Tabular",
    "AutoMLJobStatus": "InProgress",
    "AutoMLJobSecondaryStatus": "Starting",
}
V2_REQUEST: dict[str, Any] = {
    "AutoMLJobName": "job-1",
    "AutoMLJobInputDataConfig": [{"DataSource": S3}],
    "OutputDataConfig": {"S3OutputPath": "s3://bucket/output/"},
    "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "y"}},
    "RoleArn": "arn:aws:iam::111122223333:role/AutopilotRole",
}
DEPTH = 100_000


def _migrate(request: Any) -> Any:
    return migrate_request(request, force=True)[0]


FUNCTIONS: list[tuple[str, Callable[[Any], Any], dict[str, Any]]] = [
    ("request", _migrate, V1),
    ("describe", migrate_describe_response, V2_RESPONSE),
]
BY_NAME = pytest.mark.parametrize(
    ("function", "base"), [f[1:] for f in FUNCTIONS], ids=[f[0] for f in FUNCTIONS]
)


def with_member(base: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    result = copy.deepcopy(base)
    node = result
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return result


def nested_dicts(depth: int) -> dict[str, Any]:
    root: dict[str, Any] = {}
    node = root
    for _ in range(depth):
        node["a"] = {}
        node = node["a"]
    return root


def nested_lists(depth: int) -> list[Any]:
    root: list[Any] = []
    node = root
    for _ in range(depth):
        node.append([])
        node = node[0]
    return root


def depth_of(value: Any) -> int:
    """How deep ``value`` nests, counted without recursion."""
    depth = 0
    while isinstance(value, dict | list) and value:
        value = next(iter(value.values())) if isinstance(value, dict) else value[0]
        depth += 1
    return depth


@pytest.mark.parametrize(
    ("path", "key", "expected_path"),
    [
        ((), 1, "1"),
        (("OutputDataConfig",), ("a", "b"), "OutputDataConfig.('a', 'b')"),
        (("InputDataConfig", 0, "DataSource"), None, "InputDataConfig[0].DataSource.None"),
    ],
)
def test_a_request_key_that_is_not_a_string(
    path: tuple[Any, ...], key: Any, expected_path: str
) -> None:
    request = copy.deepcopy(V1)
    node: Any = request
    for step in path:
        node = node[step]
    node[key] = "x"

    with pytest.raises(MigrationError) as caught:
        migrate_request(request)

    assert caught.value.path == expected_path
    assert caught.value.reason == (
        f"member name is not a string (got {key!r}, a {type(key).__name__}; expected a string)"
    )


def test_a_response_key_that_is_not_a_string() -> None:
    response = with_member(V2_RESPONSE, ("BestCandidate",), {2: "x"})

    with pytest.raises(MigrationError) as caught:
        migrate_describe_response(response)

    assert (caught.value.path, caught.value.reason) == (
        "BestCandidate.2",
        "member name is not a string (got 2, a int; expected a string)",
    )


def _looped() -> dict[str, Any]:
    looped: dict[str, Any] = {}
    looped["again"] = [looped]
    return looped


@BY_NAME
@pytest.mark.parametrize(
    ("value", "path", "reason"),
    [
        pytest.param(
            threading.Lock(),
            "OutputDataConfig.KmsKeyId",
            "the value cannot be copied (got a lock: TypeError: cannot pickle '_thread.lock' "
            "object; expected a JSON value)",
            id="uncopyable",
        ),
        pytest.param(
            _looped(), "OutputDataConfig.KmsKeyId.again[0]", "the value contains itself", id="cycle"
        ),
    ],
)
def test_a_value_that_cannot_be_carried_over(
    function: Callable[[Any], Any], base: dict[str, Any], value: Any, path: str, reason: str
) -> None:
    request = with_member(base, ("OutputDataConfig", "KmsKeyId"), value)

    with pytest.raises(MigrationError) as caught:
        function(request)

    assert (caught.value.path, caught.value.reason) == (path, reason)


@BY_NAME
def test_a_shared_value_is_copied_not_refused(
    function: Callable[[Any], Any], base: dict[str, Any]
) -> None:
    shared = {"S3OutputPath": "s3://bucket/output/"}
    request = with_member(base, ("OutputDataConfig",), shared)
    request["ModelDeployConfig"] = {"AutoGenerateEndpointName": True}

    result = function(request)

    assert result["OutputDataConfig"] == shared
    assert result["OutputDataConfig"] is not shared


@BY_NAME
@pytest.mark.parametrize("nested", [nested_dicts, nested_lists], ids=["dicts", "lists"])
def test_a_value_nested_100000_deep_is_carried_over(
    function: Callable[[Any], Any], base: dict[str, Any], nested: Callable[[int], Any]
) -> None:
    request = with_member(base, ("ModelDeployConfig",), nested(DEPTH))

    result = function(request)

    assert depth_of(result["ModelDeployConfig"]) == DEPTH
    assert result["ModelDeployConfig"] is not request["ModelDeployConfig"]


def test_a_member_nested_100000_deep_with_no_v2_form_is_refused_at_its_path() -> None:
    with pytest.raises(MigrationError) as caught:
        migrate_request({**V1, "Foo": nested_dicts(DEPTH)}, force=True)

    assert caught.value.path == "Foo"


def outcome(call: Callable[[], Any]) -> tuple[Any, MigrationError | None]:
    """``(result, None)``, or ``(None, error)`` when ``call`` raises MigrationError."""
    try:
        return call(), None
    except MigrationError as exc:
        return None, exc


PYTHON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=5)
    | st.binary(max_size=3)
    | st.builds(object)
    | st.just(threading.Lock()),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5) | st.integers() | st.none(), inner, max_size=3)
    ),
    max_leaves=8,
)
MEMBERS = st.sampled_from(
    ["OutputDataConfig", "InputDataConfig", "AutoMLJobConfig", "Tags", "RoleArn", "Extra"]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(member=MEMBERS, value=PYTHON_VALUES, force=st.booleans())
def test_migrate_request_raises_only_migration_errors(member: str, value: Any, force: bool) -> None:
    result, error = outcome(lambda: migrate_request({**V1, member: value}, force=force)[0])

    if error is None:
        assert isinstance(result, dict)
    else:
        assert error.reason
        assert error.path == "" or error.path.startswith(member)


RESPONSE_MEMBERS = st.sampled_from(
    [
        "AutoMLJobInputDataConfig",
        "AutoMLProblemTypeConfig",
        "ResolvedAttributes",
        "BestCandidate",
        "Extra",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(member=RESPONSE_MEMBERS, value=PYTHON_VALUES)
def test_migrate_describe_response_raises_only_migration_errors(member: str, value: Any) -> None:
    result, error = outcome(lambda: migrate_describe_response({**V2_RESPONSE, member: value}))

    if error is None:
        assert isinstance(result, dict)
    else:
        assert error.reason
        assert error.path.startswith(member)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(member=MEMBERS, value=PYTHON_VALUES, v1=st.booleans())
def test_lint_then_translate_raises_only_its_documented_errors(
    member: str, value: Any, v1: bool
) -> None:
    request = {**(V1 if v1 else V2_REQUEST), member: value}
    try:
        result, report = lint_then_translate(request)
    except RequestLintError as exc:
        refused: MigrationError | RequestLintError = exc
    except MigrationError as exc:
        refused = exc
    else:
        assert isinstance(result, dict)
        assert all(f.severity != "error" for f in report.findings)
        return
    assert isinstance(refused, RequestLintError) or refused.path.startswith(member)
