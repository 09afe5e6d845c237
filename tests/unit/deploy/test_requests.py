"""How automl_sdk.deploy reads SageMaker's errors, merges tags, and lints before sending."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from automl_sdk import RequestLintError
from automl_sdk.deploy import _aws


def error(code: str, message: str) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": message}}, "Describe")


@pytest.mark.parametrize(
    ("code", "message", "missing", "exists"),
    [
        ("ValidationException", 'Could not find endpoint "arn:...:endpoint/e".', True, False),
        ("ValidationException", "Could not find model 'arn:...'.", True, False),
        ("ResourceNotFound", "Transform job t not found.", True, False),
        ("ValidationException", 'Cannot create already existing model "arn:...".', False, True),
        (
            "ValidationException",
            "Cannot create already existing endpoint configuration",
            False,
            True,
        ),
        ("ResourceInUse", "Transform job t already exists", False, True),
        ("ValidationException", "1 validation error detected: Value at 'modelName'", False, False),
        (
            "AccessDeniedException",
            "not authorized to perform: sagemaker:DescribeEndpoint",
            False,
            False,
        ),
    ],
)
def test_errors_are_told_apart(code: str, message: str, missing: bool, exists: bool) -> None:
    assert (_aws.not_found(error(code, message)), _aws.already_exists(error(code, message))) == (
        missing,
        exists,
    )


def test_tags_merge_with_later_groups_winning() -> None:
    merged = _aws.tag_list(
        {"team": "risk", "automl-sdk:auto-ml-job": "spoofed"},
        [{"Key": "cost", "Value": "42"}],
        None,
        {"automl-sdk:auto-ml-job": "churn"},
    )
    assert merged == [
        {"Key": "team", "Value": "risk"},
        {"Key": "automl-sdk:auto-ml-job", "Value": "churn"},
        {"Key": "cost", "Value": "42"},
    ]


def test_send_refuses_a_request_with_findings_and_sends_nothing() -> None:
    class NeverCalled:
        def create_endpoint(self, **kwargs: Any) -> None:
            raise AssertionError("sent")

    with pytest.raises(RequestLintError) as caught:
        _aws.send(NeverCalled(), "CreateEndpoint", {"EndpointName": "a_b", "Tags": [{"Key": 1}]})

    assert caught.value.operation == "CreateEndpoint"
    assert [(f.rule, f.path) for f in caught.value.findings] == [
        ("E1003", "EndpointConfigName"),
        ("E1007", "EndpointName"),
        ("E1003", "Tags[0].Value"),
        ("E1002", "Tags[0].Key"),
    ]


def test_typed_drops_members_sent_as_empty_objects() -> None:
    from automl_sdk.shapes import DescribeEndpointOutput

    described = _aws.typed(
        DescribeEndpointOutput,
        {
            "EndpointName": "e",
            "EndpointArn": "arn:aws:sagemaker:us-east-1:123456789012:endpoint/e",
            "EndpointStatus": "InService",
            "CreationTime": "2026-01-02T03:04:05Z",
            "LastModifiedTime": "2026-01-02T03:04:05Z",
            "DataCaptureConfig": {},
        },
    )
    assert (described.endpoint_status, described.data_capture_config) == ("InService", None)
