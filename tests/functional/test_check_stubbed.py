"""``check_request`` with botocore's Stubber: exact call sequences, AccessDenied, huge sizes.

Nothing here sends a request: every client is stubbed, and the rule selection keeps the check
to the stubbed services.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber

from automl_sdk import AutoMLClient, Finding, check_request, from_wire
from automl_sdk.shapes import CreateAutoMLJobV2Request
from tests.local.check_world import churn_csv, churn_parquet
from tests.support.requests import tabular_v1_request, tabular_v2_request

GIB = 2**30
URI0 = "AutoMLJobInputDataConfig[0].DataSource.S3DataSource.S3Uri"
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def make(service: str) -> Any:
    return botocore.session.get_session().create_client(
        service,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture
def stubs() -> Iterator[dict[str, Stubber]]:
    """A stubbed client per service; every queued answer must be used."""
    made = {name: Stubber(make(name)) for name in ("s3", "iam", "kms", "sagemaker")}
    for stub in made.values():
        stub.activate()
    yield made
    for stub in made.values():
        stub.assert_no_pending_responses()
        stub.deactivate()


def check(request: Any, stubs: dict[str, Stubber], **options: Any) -> list[Finding]:
    clients = {name: stub.client for name, stub in stubs.items()}
    return check_request(request, clients=clients, region_name="us-east-1", **options)


def body(data: bytes, total: int | None = None) -> dict[str, Any]:
    answer: dict[str, Any] = {"Body": StreamingBody(io.BytesIO(data), len(data))}
    answer["ContentRange"] = f"bytes 0-{len(data) - 1}/{total or len(data)}"
    return answer


def denied(stub: Stubber, method: str, params: dict[str, Any] | None = None) -> None:
    stub.add_client_error(method, "AccessDenied", "Access Denied", 403, expected_params=params)


def listing(*objects: tuple[str, int]) -> dict[str, Any]:
    contents = [{"Key": key, "Size": size} for key, size in objects]
    return {"Contents": contents, "IsTruncated": False, "KeyCount": len(contents)}


def test_access_denied_on_get_object_is_a_warning_not_an_error(stubs: dict[str, Stubber]) -> None:
    s3 = stubs["s3"]
    s3.add_response("get_bucket_location", {}, {"Bucket": "b"})
    s3.add_response(
        "list_objects_v2",
        listing(("train/a.csv", 900)),
        {"Bucket": "b", "Prefix": "train/", "MaxKeys": 1000},
    )
    denied(s3, "get_object", {"Bucket": "b", "Key": "train/a.csv", "Range": "bytes=0-899"})
    request = tabular_v2_request()
    assert check(request, stubs, select=["E7", "W7", "I7"]) == [
        Finding(
            "W7001",
            "warning",
            URI0,
            "could not check: AccessDenied on s3:GetObject; the data of this channel was not "
            "checked",
        )
    ]


def test_access_denied_on_listing_and_location_v1(stubs: dict[str, Stubber]) -> None:
    s3 = stubs["s3"]
    denied(s3, "get_bucket_location")
    denied(s3, "list_objects_v2")
    uri = "InputDataConfig[0].DataSource.S3DataSource.S3Uri"
    assert check(tabular_v1_request(), stubs, select=["E7", "W7"]) == [
        Finding(
            "W7001",
            "warning",
            uri,
            "could not check: AccessDenied on s3:GetBucketLocation; the bucket's region was not "
            "checked",
        ),
        Finding(
            "W7001",
            "warning",
            uri,
            "could not check: AccessDenied on s3:ListObjectsV2; the data of this channel was "
            "not checked",
        ),
    ]


def test_access_denied_on_every_resource_call(stubs: dict[str, Stubber]) -> None:
    request = tabular_v2_request()
    request["OutputDataConfig"]["KmsKeyId"] = KEY
    request["SecurityConfig"] = {"VolumeKmsKeyId": KEY}
    request["ModelDeployConfig"] = {"AutoGenerateEndpointName": False, "EndpointName": "churn"}
    denied(stubs["s3"], "get_bucket_location", {"Bucket": "b"})
    denied(stubs["iam"], "get_role", {"RoleName": "AutoMLRole"})
    denied(stubs["kms"], "describe_key", {"KeyId": KEY})
    denied(stubs["sagemaker"], "describe_endpoint", {"EndpointName": "churn"})
    text = "could not check: AccessDenied on {call}; the {what} was not checked"
    assert check(request, stubs, select=["E9", "W9"]) == [
        Finding(
            "W9001",
            "warning",
            "ModelDeployConfig.EndpointName",
            text.format(call="sagemaker:DescribeEndpoint", what="endpoint name"),
        ),
        Finding(
            "W9001",
            "warning",
            "OutputDataConfig.KmsKeyId",
            text.format(call="kms:DescribeKey", what="KMS key"),
        ),
        Finding(
            "W9001",
            "warning",
            "OutputDataConfig.S3OutputPath",
            text.format(call="s3:GetBucketLocation", what="output bucket"),
        ),
        Finding("W9001", "warning", "RoleArn", text.format(call="iam:GetRole", what="role")),
        Finding(
            "W9001",
            "warning",
            "SecurityConfig.VolumeKmsKeyId",
            text.format(call="kms:DescribeKey", what="KMS key"),
        ),
    ]


def test_training_data_over_100_gb(stubs: dict[str, Stubber]) -> None:
    s3 = stubs["s3"]
    s3.add_response("get_bucket_location", {}, {"Bucket": "b"})
    s3.add_response("list_objects_v2", listing(("train/a.csv", 120 * GIB)))
    s3.add_response(
        "get_object",
        body(churn_csv(50), total=120 * GIB),
        {"Bucket": "b", "Key": "train/a.csv", "Range": "bytes=0-65535"},
    )
    assert check(tabular_v2_request(), stubs, select=["E7"]) == [
        Finding(
            "E7007",
            "error",
            URI0,
            "training data is too large (got 120.0 GB in 1 objects; expected under 100 GB); "
            "sample the data down or split the job",
        )
    ]


def test_parquet_file_over_2_gb_read_by_its_footer(stubs: dict[str, Stubber]) -> None:
    parquet = churn_parquet(700)
    s3 = stubs["s3"]
    s3.add_response("get_bucket_location", {}, {"Bucket": "b"})
    s3.add_response("list_objects_v2", listing(("train/a.parquet", 3 * GIB)))
    key = {"Bucket": "b", "Key": "train/a.parquet"}
    s3.add_response(
        "get_object", body(parquet[:1024], total=3 * GIB), key | {"Range": "bytes=0-1023"}
    )
    s3.add_response("get_object", body(parquet, total=3 * GIB), key | {"Range": "bytes=-65536"})
    request = tabular_v2_request()
    request["AutoMLJobInputDataConfig"][0]["ContentType"] = "x-application/vnd.amazon+parquet"
    request["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] = "label"
    assert check(request, stubs, select=["E7", "I7"]) == [
        Finding(
            "E7007",
            "error",
            URI0,
            "Parquet file is too large (got s3://b/train/a.parquet of 3.0 GB; expected at most "
            "2 GB per file); split it into smaller files",
        ),
        Finding(
            "E7010",
            "error",
            "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
            "target column is not in the data (got 'label'; expected a column of the Parquet "
            "schema of s3://b/train/a.parquet: 'id', 'age', 'weight', 'churned')",
        ),
    ]


@pytest.mark.parametrize("as_shape", [False, True], ids=["dict", "shape"])
def test_a_selection_reads_only_what_its_rules_judge(
    stubs: dict[str, Stubber], as_shape: bool
) -> None:
    # E9010 alone: one DescribeEndpoint on the client's own SageMaker client, nothing else.
    from datetime import datetime, timezone

    stubs["sagemaker"].add_response(
        "describe_endpoint",
        {
            "EndpointName": "churn",
            "EndpointArn": "arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn",
            "EndpointStatus": "Creating",
            "CreationTime": datetime(2026, 1, 1, tzinfo=timezone.utc),
            "LastModifiedTime": datetime(2026, 1, 1, tzinfo=timezone.utc),
        },
        {"EndpointName": "churn"},
    )
    request = tabular_v2_request()
    request["ModelDeployConfig"] = {"AutoGenerateEndpointName": False, "EndpointName": "churn"}
    if as_shape:  # check_request itself takes a shape
        shape = from_wire(CreateAutoMLJobV2Request, request)
        findings = check(shape, {"sagemaker": stubs["sagemaker"]}, select=["E9010"])
    else:  # the client's check uses the client's own SageMaker client
        findings = AutoMLClient(stubs["sagemaker"].client).check(request, select=["E9010"])
    assert findings == [
        Finding(
            "E9010",
            "error",
            "ModelDeployConfig.EndpointName",
            "endpoint name is already taken (got 'churn', an endpoint with status 'Creating'; "
            "expected a name no endpoint in us-east-1 has); choose another EndpointName or "
            "delete the endpoint",
        )
    ]
