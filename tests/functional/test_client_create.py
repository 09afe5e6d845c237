"""AutoMLClient construction and create paths, driven through botocore's Stubber.

The Stubber fails any call that was not stubbed, so "nothing was sent" is checked by stubbing
nothing and asserting the error.
"""

from __future__ import annotations

import copy
import datetime
import subprocess
import sys
import threading
from decimal import Decimal
from typing import Any

import botocore.session
import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber
from hypothesis import given, settings
from hypothesis import strategies as st

from automl_sdk import AutoMLClient, JobConflictError, RequestLintError, from_wire
from automl_sdk.client import Job
from automl_sdk.shapes import CreateAutoMLJobRequest, CreateAutoMLJobV2Request
from tests.support.requests import tabular_v1_request, tabular_v2_request

ARN = "arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn"
NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)

V2_REQUEST: dict[str, Any] = tabular_v2_request() | {"Tags": [{"Key": "team", "Value": "ml"}]}
V1_REQUEST: dict[str, Any] = tabular_v1_request(max_candidates=5)

# What the V1 request becomes (the V2 request actually sent).
V1_AS_V2: dict[str, Any] = {
    "AutoMLJobName": "churn",
    "AutoMLJobInputDataConfig": [
        {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/train/"}}}
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://b/output/"},
    "AutoMLProblemTypeConfig": {
        "TabularJobConfig": {
            "TargetAttributeName": "churned",
            "ProblemType": "BinaryClassification",
            "CompletionCriteria": {"MaxCandidates": 5},
        }
    },
    "AutoMLJobObjective": {"MetricName": "F1"},
    "RoleArn": "arn:aws:iam::123456789012:role/AutoMLRole",
}


def existing_job(request: dict[str, Any]) -> dict[str, Any]:
    """A DescribeAutoMLJobV2 response for a job created from ``request``, with service defaults."""
    described = {key: copy.deepcopy(value) for key, value in request.items() if key != "Tags"}
    described["AutoMLJobArn"] = ARN
    tabular = described["AutoMLProblemTypeConfig"]["TabularJobConfig"]
    tabular["CompletionCriteria"]["MaxAutoMLJobRuntimeInSeconds"] = 2592000
    tabular["Mode"] = "AUTO"
    described["AutoMLJobInputDataConfig"][0].setdefault("CompressionType", "None")
    described["OutputDataConfig"]["KmsKeyId"] = "alias/aws/sagemaker"
    described |= {
        "CreationTime": NOW,
        "LastModifiedTime": NOW,
        "AutoMLJobStatus": "InProgress",
        "AutoMLJobSecondaryStatus": "AnalyzingData",
        "AutoMLProblemTypeConfigName": "Tabular",
    }
    described.setdefault("DataSplitConfig", {"ValidationFraction": 0.2})
    return described


# -- construction -----------------------------------------------------------------------------


def test_injected_client_is_used_as_is(sagemaker: Any) -> None:
    assert AutoMLClient(sagemaker).sagemaker_client is sagemaker


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param(
            {"region_name": "us-east-1"},
            "pass sagemaker_client or region_name, not both",
            id="client-and-region",
        ),
        pytest.param(
            {"endpoint_url": "http://127.0.0.1:1", "session": object()},
            "pass sagemaker_client or endpoint_url, session, not both",
            id="client-and-two-options",
        ),
    ],
)
def test_client_and_options_conflict(sagemaker: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError) as caught:
        AutoMLClient(sagemaker, **kwargs)
    assert str(caught.value) == message


def test_session_and_profile_conflict() -> None:
    with pytest.raises(TypeError, match=r"^pass session or profile_name, not both$"):
        AutoMLClient(session=object(), profile_name="dev")


def test_client_is_made_lazily_with_standard_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    client = AutoMLClient(region_name="eu-west-1", endpoint_url="http://127.0.0.1:9")
    assert client._client is None
    made = client.sagemaker_client
    assert made.meta.region_name == "eu-west-1"
    assert made.meta.endpoint_url == "http://127.0.0.1:9"
    assert made.meta.config.retries == {"mode": "standard"}
    assert (
        repr(client) == "AutoMLClient(region_name='eu-west-1', endpoint_url='http://127.0.0.1:9')"
    )


@pytest.mark.parametrize(
    ("endpoint", "shown"),
    [
        pytest.param(
            "https://alice:s3cr%2Ft@proxy.example:8443/sm",
            "https://alice:***@proxy.example:8443/sm",
            id="user-and-password",
        ),
        pytest.param(
            "http://:only-a-password@127.0.0.1:9", "http://:***@127.0.0.1:9", id="password-only"
        ),
        pytest.param("http://alice@127.0.0.1:9", "http://alice@127.0.0.1:9", id="user-only"),
        pytest.param(
            "https://alice:p@ss@host.example/",
            "https://alice:***@host.example/",
            id="at-in-password",
        ),
        pytest.param("http://127.0.0.1:9", "http://127.0.0.1:9", id="no-user-info"),
    ],
)
def test_repr_hides_the_password_of_the_endpoint(
    monkeypatch: pytest.MonkeyPatch, endpoint: str, shown: str
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    client = AutoMLClient(region_name="eu-west-1", endpoint_url=endpoint)
    expected = f"AutoMLClient(region_name='eu-west-1', endpoint_url={shown!r})"
    assert repr(client) == expected
    client.sagemaker_client  # noqa: B018 - the made client's endpoint is shown the same way
    assert repr(client) == expected


def test_lazy_client_is_made_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = AutoMLClient(region_name="us-east-1")
    made: list[Any] = []
    threads = [
        threading.Thread(target=lambda: made.append(client.sagemaker_client)) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 8
    assert all(each is made[0] for each in made)


def test_session_client_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    session = botocore.session.get_session()
    client = AutoMLClient(session=session, region_name="ap-southeast-2")
    assert client.sagemaker_client.meta.region_name == "ap-southeast-2"


def test_importing_never_imports_boto3() -> None:
    code = (
        "import sys, automl_sdk, automl_sdk.client, automl_sdk.waiters; "
        "print(sorted(m for m in ('boto3', 'botocore') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# -- create -----------------------------------------------------------------------------------


def test_create_v2_dict_sends_it_unchanged(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, V2_REQUEST)
    job = client.create_job(V2_REQUEST)
    assert (job.name, job.arn) == ("churn", ARN)
    assert repr(job) == f"Job(name='churn', arn='{ARN}')"


def test_create_v2_shape_is_sent_as_its_wire_dict(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, V2_REQUEST)
    shape = from_wire(CreateAutoMLJobV2Request, V2_REQUEST, strict=True)
    assert client.create_job(shape).arn == ARN


@pytest.mark.parametrize(
    "request_form",
    [pytest.param("dict", id="dict"), pytest.param("shape", id="shape")],
)
def test_create_v1_is_translated_and_sent_as_v2(
    stubber: Stubber, client: AutoMLClient, request_form: str
) -> None:
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, V1_AS_V2)
    request: Any = V1_REQUEST
    if request_form == "shape":
        request = from_wire(CreateAutoMLJobRequest, V1_REQUEST, strict=True)
    assert client.create_job(request).arn == ARN


def test_drop_in_create_auto_ml_job_runs_v2(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, V1_AS_V2)
    assert client.create_auto_ml_job(**V1_REQUEST) == {"AutoMLJobArn": ARN}


@pytest.mark.parametrize(
    ("change", "operation", "path"),
    [
        pytest.param({"RoleArn": "role"}, "CreateAutoMLJobV2", "RoleArn", id="v2-short-role"),
        pytest.param(
            {"AutoMLJobName": "bad_name!"}, "CreateAutoMLJobV2", "AutoMLJobName", id="v2-bad-name"
        ),
    ],
)
def test_lint_errors_send_nothing(
    stubber: Stubber, client: AutoMLClient, change: dict[str, Any], operation: str, path: str
) -> None:
    with pytest.raises(RequestLintError) as caught:
        client.create_job(V2_REQUEST | change)
    errors = [f for f in caught.value.findings if f.severity == "error"]
    assert [f.path for f in errors] == [path]
    assert caught.value.operation == operation
    assert str(caught.value).startswith(f"{operation} request has 1 error(s); nothing was sent:\n")


def test_lint_errors_of_a_v1_request_are_reported_in_v1_terms(
    stubber: Stubber, client: AutoMLClient
) -> None:
    with pytest.raises(RequestLintError) as caught:
        client.create_auto_ml_job(**(V1_REQUEST | {"RoleArn": "role"}))
    assert caught.value.operation == "CreateAutoMLJob"
    assert [f.path for f in caught.value.findings if f.severity == "error"] == ["RoleArn"]


def test_lint_false_sends_without_linting(stubber: Stubber, sagemaker: Any) -> None:
    request = V2_REQUEST | {"AutoMLJobName": "bad_name!"}
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, request)
    assert AutoMLClient(sagemaker, lint=False).create_job(request).name == "bad_name!"


def test_lint_false_sends_a_v1_request_with_lint_errors_translated(
    stubber: Stubber, sagemaker: Any
) -> None:
    from automl_sdk import migrate_request

    request = V1_REQUEST | {"AutoMLJobName": "bad_name!"}
    expected, _ = migrate_request(request, force=True)
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, expected)
    assert AutoMLClient(sagemaker, lint=False).create_auto_ml_job(**request) == {
        "AutoMLJobArn": ARN
    }
    stubber.assert_no_pending_responses()


def test_a_v1_create_reports_the_v1_requests_findings_once(
    stubber: Stubber, client: AutoMLClient
) -> None:
    from automl_sdk import lint_request

    request = V1_REQUEST | {"RoleArn": "role"}
    with pytest.raises(RequestLintError) as info:
        client.create_auto_ml_job(**request)
    assert info.value.operation == "CreateAutoMLJob"
    # Exactly one lint run's findings, with V1 paths: none repeated, none of the V2 form.
    assert info.value.findings == tuple(lint_request(request, operation="CreateAutoMLJob"))
    assert ("E1004", "RoleArn") in [(f.rule, f.path) for f in info.value.findings]


@pytest.mark.parametrize(
    ("code", "message"),
    [
        pytest.param("ResourceInUse", "Job churn already exists", id="resource-in-use"),
        pytest.param("ResourceInUseException", "in use", id="resource-in-use-exception"),
        pytest.param(
            "ValidationException",
            "Job name must be unique within an AWS account and region, and a job with this name "
            "already exists (arn)",
            id="validation-already-exists",
        ),
    ],
)
def test_recreate_with_the_same_request_returns_the_existing_job(
    stubber: Stubber, client: AutoMLClient, code: str, message: str
) -> None:
    stubber.add_client_error(
        "create_auto_ml_job_v2", code, message, 400, expected_params=V2_REQUEST
    )
    stubber.add_response(
        "describe_auto_ml_job_v2", existing_job(V2_REQUEST), {"AutoMLJobName": "churn"}
    )
    job = client.create_job(V2_REQUEST)
    assert job == Job(name="churn", arn=ARN, client=client)


def test_recreate_of_a_v1_request_compares_its_translation(
    stubber: Stubber, client: AutoMLClient
) -> None:
    stubber.add_client_error("create_auto_ml_job_v2", "ResourceInUse", "exists", 400)
    stubber.add_response("describe_auto_ml_job_v2", existing_job(V1_AS_V2))
    assert client.create_auto_ml_job(**V1_REQUEST) == {"AutoMLJobArn": ARN}


def test_recreate_with_a_different_request_names_the_differences(
    stubber: Stubber, client: AutoMLClient
) -> None:
    existing = existing_job(V2_REQUEST)
    existing["AutoMLJobObjective"] = {"MetricName": "AUC"}
    existing["AutoMLProblemTypeConfig"]["TabularJobConfig"]["CompletionCriteria"][
        "MaxCandidates"
    ] = 3
    existing["AutoMLJobInputDataConfig"].append(
        {
            "ChannelType": "validation",
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/val/"}},
        }
    )
    stubber.add_client_error("create_auto_ml_job_v2", "ResourceInUse", "exists", 400)
    stubber.add_response("describe_auto_ml_job_v2", existing)
    with pytest.raises(JobConflictError) as caught:
        client.create_job(V2_REQUEST)
    differences = (
        "AutoMLJobInputDataConfig",
        "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
        "AutoMLJobObjective.MetricName",
    )
    assert caught.value.differences == differences
    assert caught.value.job_name == "churn"
    assert str(caught.value) == (
        "AutoML job 'churn' already exists with a different request; differing fields: "
        + ", ".join(differences)
    )


def test_recreate_compares_booleans_and_numbers_exactly(
    stubber: Stubber, client: AutoMLClient
) -> None:
    request = copy.deepcopy(V2_REQUEST)
    request["DataSplitConfig"] = {"ValidationFraction": 0.25}
    request["ModelDeployConfig"] = {"AutoGenerateEndpointName": False, "EndpointName": "churn-ep"}
    existing = existing_job(request)
    existing["ModelDeployConfig"]["AutoGenerateEndpointName"] = True
    stubber.add_client_error("create_auto_ml_job_v2", "ResourceInUse", "exists", 400)
    stubber.add_response("describe_auto_ml_job_v2", existing)
    with pytest.raises(JobConflictError) as caught:
        client.create_job(request)
    assert caught.value.differences == ("ModelDeployConfig.AutoGenerateEndpointName",)


class ExistingJobSageMaker:
    """A SageMaker stand-in where every create finds the job taken and describe returns
    ``existing`` (the Stubber would refuse the odd values these tests need)."""

    def __init__(self, existing: dict[str, Any]) -> None:
        self.existing = existing

    def create_auto_ml_job_v2(self, **_: Any) -> dict[str, Any]:
        raise ClientError(
            {"Error": {"Code": "ResourceInUse", "Message": "exists"}}, "CreateAutoMLJobV2"
        )

    def describe_auto_ml_job_v2(self, **_: Any) -> dict[str, Any]:
        return self.existing


@pytest.mark.parametrize(
    "error",
    [
        pytest.param({"Code": "ValidationException"}, id="validation-without-a-message"),
        pytest.param({"Message": "already exists"}, id="no-code"),
        pytest.param({}, id="empty"),
    ],
)
def test_a_create_error_that_does_not_say_already_exists_passes_through(
    error: dict[str, str],
) -> None:
    class Refusing(ExistingJobSageMaker):
        def create_auto_ml_job_v2(self, **_: Any) -> dict[str, Any]:
            raise ClientError({"Error": error}, "CreateAutoMLJobV2")

    client = AutoMLClient(Refusing(existing_job(V2_REQUEST)), lint=False)
    with pytest.raises(ClientError) as caught:
        client.create_job(V2_REQUEST)
    assert caught.value.response["Error"] == error


@pytest.mark.parametrize(
    ("sent", "service"),
    [
        pytest.param(Decimal("0.2"), 0.2, id="decimal-vs-float"),
        pytest.param(0.2, Decimal("0.2"), id="float-vs-decimal"),
        pytest.param(1, 1.0, id="int-vs-float"),
        pytest.param(Decimal("1E+1"), 10, id="decimal-exponent-vs-int"),
        pytest.param(True, True, id="same-bool"),
        pytest.param(False, False, id="same-false"),
    ],
)
def test_recreate_compares_numbers_by_value(sent: Any, service: Any) -> None:
    request = copy.deepcopy(V2_REQUEST)
    request["DataSplitConfig"] = {"ValidationFraction": sent}
    existing = existing_job(request)
    existing["DataSplitConfig"]["ValidationFraction"] = service
    client = AutoMLClient(ExistingJobSageMaker(existing), lint=False)
    assert client.create_job(request) == Job(name="churn", arn=ARN, client=client)


@settings(max_examples=200, deadline=None)
@given(
    number=st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(min_value=-(10**30), max_value=10**30),
    )
)
def test_recreate_takes_any_number_sent_as_decimal_as_the_services_number(
    number: float | int,
) -> None:
    request = copy.deepcopy(V2_REQUEST)
    request["DataSplitConfig"] = {"ValidationFraction": Decimal(repr(number))}
    existing = existing_job(request)
    existing["DataSplitConfig"]["ValidationFraction"] = number
    client = AutoMLClient(ExistingJobSageMaker(existing), lint=False)
    assert client.create_job(request).arn == ARN


@pytest.mark.parametrize(
    ("sent", "service"),
    [
        pytest.param(True, 1, id="bool-vs-int"),
        pytest.param(1, True, id="int-vs-bool"),
        pytest.param(False, 0.0, id="bool-vs-float"),
        pytest.param(Decimal(0), False, id="decimal-vs-bool"),
        pytest.param(0.2, "0.2", id="number-vs-string"),
        pytest.param(0.2, 0.25, id="other-number"),
    ],
)
def test_recreate_sees_a_bool_or_string_where_a_number_was_sent_as_different(
    sent: Any, service: Any
) -> None:
    request = copy.deepcopy(V2_REQUEST)
    request["DataSplitConfig"] = {"ValidationFraction": sent}
    existing = existing_job(request)
    existing["DataSplitConfig"]["ValidationFraction"] = service
    client = AutoMLClient(ExistingJobSageMaker(existing), lint=False)
    with pytest.raises(JobConflictError) as caught:
        client.create_job(request)
    assert caught.value.differences == ("DataSplitConfig.ValidationFraction",)


def test_recreate_names_every_differing_list_item_by_its_full_path() -> None:
    request = copy.deepcopy(V2_REQUEST)
    channel = request["AutoMLJobInputDataConfig"][0]
    request["AutoMLJobInputDataConfig"] = [channel, copy.deepcopy(channel)]
    existing = existing_job(request)
    for index, uri in enumerate(("s3://other/a/", "s3://other/b/")):
        existing["AutoMLJobInputDataConfig"][index]["DataSource"]["S3DataSource"]["S3Uri"] = uri
    client = AutoMLClient(ExistingJobSageMaker(existing), lint=False)
    with pytest.raises(JobConflictError) as caught:
        client.create_job(request)
    assert caught.value.differences == (
        "AutoMLJobInputDataConfig[0].DataSource.S3DataSource.S3Uri",
        "AutoMLJobInputDataConfig[1].DataSource.S3DataSource.S3Uri",
    )


@pytest.mark.parametrize(
    ("code", "message"),
    [
        pytest.param(
            "ResourceLimitExceeded",
            "You have reached the maximum number of concurrent AutoML jobs",
            id="resource-limit",
        ),
        pytest.param(
            "ValidationException", "Unable to assume role", id="validation-other-than-exists"
        ),
    ],
)
def test_other_create_errors_pass_through(
    stubber: Stubber, client: AutoMLClient, code: str, message: str
) -> None:
    stubber.add_client_error("create_auto_ml_job_v2", code, message, 400)
    with pytest.raises(ClientError) as caught:
        client.create_job(V2_REQUEST)
    assert caught.value.response["Error"] == {"Code": code, "Message": message}


@pytest.mark.parametrize(
    "request_value",
    [pytest.param(["AutoMLJobName"], id="list"), pytest.param("churn", id="str")],
)
def test_create_refuses_what_is_not_a_request(client: AutoMLClient, request_value: Any) -> None:
    with pytest.raises(TypeError, match=r"^request must be a dict of CreateAutoMLJobV2"):
        client.create_job(request_value)


def test_client_lint_and_migration_agree_on_a_mixed_request(client: AutoMLClient) -> None:
    from automl_sdk import MigrationError, detect_operation, migrate_request

    mixed = V1_REQUEST | {"SecurityConfig": {"EnableInterContainerTrafficEncryption": True}}
    assert detect_operation(mixed) == "CreateAutoMLJobV2"
    with pytest.raises(RequestLintError) as caught:
        client.create_job(mixed)  # linted as V2: the V1 members are unknown there; nothing sent
    assert caught.value.operation == "CreateAutoMLJobV2"
    with pytest.raises(MigrationError) as refused:
        migrate_request(mixed)
    assert refused.value.path == "SecurityConfig"
    assert refused.value.reason.startswith(
        "the request mixes CreateAutoMLJobV2 members (SecurityConfig)"
    )
