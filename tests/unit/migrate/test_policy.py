"""lint_then_translate: the one policy of every create path (lint, refuse on errors, translate)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from automl_sdk import MigrationError, RequestLintError, from_wire
from automl_sdk.lint import lint_request
from automl_sdk.migrate import lint_then_translate, migrate_request
from automl_sdk.shapes import CreateAutoMLJobRequest, CreateAutoMLJobV2Request
from tests.unit.migrate.test_migrate_request import v1, v2

V1 = v1()
V2 = v2()


def test_a_v1_request_is_linted_as_v1_and_translated() -> None:
    v2, report = lint_then_translate(copy.deepcopy(V1))

    assert v2 == V2
    assert report.findings == tuple(lint_request(V1, operation="CreateAutoMLJob"))
    assert (
        "InputDataConfig[0].TargetAttributeName",
        "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
    ) in report.moves


def test_a_v2_request_is_linted_as_v2_and_copied() -> None:
    request = copy.deepcopy(V2)

    v2, report = lint_then_translate(request)
    v2["OutputDataConfig"]["S3OutputPath"] = "s3://changed/"

    assert request == V2
    assert report.findings == tuple(lint_request(V2, operation="CreateAutoMLJobV2"))
    assert (report.moves, report.notes) == ((), ())


@pytest.mark.parametrize(
    ("request_", "operation"),
    [
        pytest.param({**V1, "RoleArn": "not-an-arn"}, "CreateAutoMLJob", id="v1"),
        pytest.param({**V2, "RoleArn": "not-an-arn"}, "CreateAutoMLJobV2", id="v2"),
    ],
)
def test_an_error_finding_refuses_the_request(request_: dict[str, Any], operation: str) -> None:
    with pytest.raises(RequestLintError) as caught:
        lint_then_translate(request_)

    assert caught.value.operation == operation
    assert caught.value.findings == tuple(lint_request(request_, operation=operation))
    assert [(f.rule, f.path) for f in caught.value.findings if f.severity == "error"] == [
        ("E1004", "RoleArn")
    ]


def test_force_translates_despite_errors_and_says_so() -> None:
    v2, report = lint_then_translate({**V1, "RoleArn": "not-an-arn"}, force=True)

    assert v2 == {**V2, "RoleArn": "not-an-arn"}
    assert report.notes[0] == (
        "translated despite 1 lint error(s) of the V1 request (forced); "
        "the V2 request is likely to be rejected too"
    )


def test_the_named_operation_wins_over_the_keys() -> None:
    with pytest.raises(MigrationError) as caught:
        lint_then_translate(V2, operation="create-auto-ml-job")

    assert caught.value.path == "AutoMLJobInputDataConfig"
    assert caught.value.reason.startswith("this is already a CreateAutoMLJobV2 request")


def test_an_unknown_operation_is_a_value_error() -> None:
    with pytest.raises(
        ValueError, match="operation must be 'CreateAutoMLJob' or 'CreateAutoMLJobV2'"
    ):
        lint_then_translate(V1, operation="CreateTrainingJob")


@pytest.mark.parametrize(
    ("shape", "wire"),
    [(CreateAutoMLJobRequest, V1), (CreateAutoMLJobV2Request, V2)],
    ids=["v1-shape", "v2-shape"],
)
def test_a_shape_goes_as_its_api(shape: type[Any], wire: dict[str, Any]) -> None:
    v2, _ = lint_then_translate(from_wire(shape, wire, strict=True))

    assert v2 == V2


def test_not_a_request_at_all() -> None:
    with pytest.raises(MigrationError) as caught:
        lint_then_translate(["AutoMLJobName"])

    assert (caught.value.path, caught.value.reason) == (
        "",
        "expected a CreateAutoMLJobV2 request (a dict or CreateAutoMLJobV2Request), got list",
    )


def test_migrate_request_words_the_same_refusal_as_a_migration_error() -> None:
    request = {**V1, "RoleArn": "not-an-arn"}

    with pytest.raises(MigrationError) as caught:
        migrate_request(request)

    assert (caught.value.path, caught.value.reason) == (
        "",
        "the CreateAutoMLJob request has 1 lint error(s); fix them, or translate anyway with "
        "force=True (--force)",
    )
    assert caught.value.findings == tuple(lint_request(request, operation="CreateAutoMLJob"))
