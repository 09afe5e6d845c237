"""What deploy refuses before anything is created, and how it re-runs safely (Stubber).

Every refusal here is raised with only describe/list calls made: the Stubber fails the test on
any create call, since none is queued.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.stub import Stubber

from automl_sdk import (
    AutoMLClient,
    DeployConflictError,
    DeployError,
    DeployFailedError,
    RequestLintError,
)
from automl_sdk.client import Job
from tests.functional.test_deploy_sequences import (
    endpoint_described,
    expect_describe_job,
    expect_no_endpoint,
    own_tags,
)
from tests.support.deploy import (
    WHEN,
    arn,
    candidate,
    ensembling_containers,
    hpo_classification_containers,
    job_description,
)
from tests.support.requests import ROLE_ARN


def job(client: AutoMLClient, name: str = "churn") -> Job:
    return Job(name=name, arn=arn("automl-job", name), client=client)


def expect_ensembling_job(stubber: Stubber) -> dict[str, Any]:
    """Job ``churn`` is described Completed; its best candidate is ``churn-a`` (ensembling)."""
    best = candidate("churn-a", containers=ensembling_containers())
    expect_describe_job(stubber, job_description("churn", best=best))
    return best


def test_a_job_that_is_not_completed_is_refused_with_its_reason(
    client: AutoMLClient, stubber: Stubber
) -> None:
    reason = "ClientError: The training data has fewer than 500 rows."
    expect_describe_job(stubber, job_description("churn", status="Failed", failure_reason=reason))

    with pytest.raises(DeployError) as caught:
        job(client).deploy(endpoint_name="churn")

    assert caught.value.message == (
        "AutoML job 'churn' is Failed, not Completed; only a completed job's candidates can be "
        f"deployed (FailureReason: {reason})"
    )


def test_a_running_job_is_refused(client: AutoMLClient, stubber: Stubber) -> None:
    expect_describe_job(stubber, job_description("churn", status="InProgress"))

    with pytest.raises(DeployError, match=r"^AutoML job 'churn' is InProgress, not Completed;"):
        job(client).create_model()


def test_no_candidate_with_a_model_is_refused(client: AutoMLClient, stubber: Stubber) -> None:
    expect_describe_job(stubber, job_description("churn", best=candidate("c1")))
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [candidate("c1"), candidate("c2", metric=0.5)]},
        {"AutoMLJobName": "churn"},
    )

    with pytest.raises(DeployError) as caught:
        job(client).deploy(endpoint_name="churn")

    assert caught.value.message == (
        "AutoML job 'churn' has no candidate with a model (no candidate lists "
        "InferenceContainers or InferenceContainerDefinitions)"
    )


def test_an_unknown_candidate_is_refused_naming_the_leaderboard(
    client: AutoMLClient, stubber: Stubber
) -> None:
    best = expect_ensembling_job(stubber)
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [candidate("churn-b", metric=0.7), best]},
        {"AutoMLJobName": "churn"},
    )

    with pytest.raises(DeployError) as caught:
        job(client).deploy(endpoint_name="churn", candidate="churn-z")

    assert caught.value.message == (
        "AutoML job 'churn' has no candidate named 'churn-z' (its candidates, best first: "
        "churn-a, churn-b)"
    )


def test_an_unsupported_response_key_is_refused(client: AutoMLClient, stubber: Stubber) -> None:
    best = candidate("churn-xgb", containers=hpo_classification_containers())
    expect_describe_job(stubber, job_description("churn", best=best))

    with pytest.raises(DeployError, match=r"expected some of predicted_label, probability"):
        job(client).deploy(endpoint_name="churn", inference_response_keys=["score"])


def test_an_endpoint_this_job_did_not_make_is_refused(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)
    stubber.add_response(
        "describe_endpoint", endpoint_described("shared", "InService"), {"EndpointName": "shared"}
    )
    stubber.add_response(
        "list_tags",
        {"Tags": [{"Key": "team", "Value": "x"}]},
        {"ResourceArn": arn("endpoint", "shared")},
    )

    with pytest.raises(DeployConflictError) as caught:
        job(client).deploy(endpoint_name="shared")

    assert caught.value.message == (
        "Endpoint 'shared' already exists: it was made outside automl-sdk, not from AutoML job "
        "'churn'; choose another endpoint name or delete that endpoint first; nothing was created"
    )


def test_an_endpoint_made_from_another_job_is_refused(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)
    stubber.add_response("describe_endpoint", endpoint_described("live", "InService"))
    stubber.add_response("list_tags", {"Tags": own_tags("other-job")})

    with pytest.raises(DeployConflictError, match="it was made from AutoML job 'other-job', not"):
        job(client).deploy(endpoint_name="live")


def test_a_bad_instance_type_is_reported_by_lint_before_anything_is_sent(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)

    with pytest.raises(RequestLintError) as caught:
        job(client).deploy(endpoint_name="churn_live", instance_type="ml.m5.lrage")

    assert caught.value.operation == "CreateModel"
    assert [(f.rule, f.path) for f in caught.value.findings] == [("E1007", "ModelName")]


def test_a_misspelt_instance_type_is_reported_with_the_fix(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)

    with pytest.raises(RequestLintError) as caught:
        job(client).deploy(endpoint_name="churn-live", instance_type="ml.m5.lrage")

    assert caught.value.operation == "CreateEndpointConfig"
    [finding] = caught.value.findings
    assert (finding.rule, finding.path) == ("E1008", "ProductionVariants[0].InstanceType")
    assert "did you mean 'ml.m5.large'?" in finding.message


def model_described(name: str, containers: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "ModelName": name,
        "ModelArn": arn("model", name),
        "Containers": containers,
        "ExecutionRoleArn": ROLE_ARN,
        "CreationTime": WHEN,
    }


def config_described(name: str, model: str) -> dict[str, Any]:
    variant = {"VariantName": "AllTraffic", "ModelName": model, "InstanceType": "ml.m5.large"}
    return {
        "EndpointConfigName": name,
        "EndpointConfigArn": arn("endpoint-config", name),
        "ProductionVariants": [variant | {"InitialInstanceCount": 1}],
        "CreationTime": WHEN,
    }


def expect_existing(stubber: Stubber, name: str, containers: list[dict[str, Any]]) -> None:
    stubber.add_response("describe_endpoint", endpoint_described(name, "InService"))
    stubber.add_response("list_tags", {"Tags": own_tags("churn")})
    stubber.add_response(
        "describe_endpoint_config", config_described(name, name), {"EndpointConfigName": name}
    )
    stubber.add_response("describe_model", model_described(name, containers), {"ModelName": name})


def test_a_rerun_with_the_same_model_returns_the_existing_endpoint(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)
    expect_existing(stubber, "churn-live", ensembling_containers())
    stubber.add_response("describe_endpoint", endpoint_described("churn-live", "InService"))

    endpoint = job(client).deploy(endpoint_name="churn-live", delay=0)

    assert (endpoint.name, endpoint.model_name, endpoint.job_name) == (
        "churn-live",
        "churn-live",
        "churn",
    )


def test_a_rerun_with_other_response_keys_is_a_conflict(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)
    expect_existing(stubber, "churn-live", ensembling_containers())

    with pytest.raises(DeployConflictError) as caught:
        job(client).deploy(endpoint_name="churn-live", inference_response_keys=["labels"])

    assert caught.value.message == (
        "Endpoint 'churn-live' already exists: its model 'churn-live' differs from the one "
        "requested in Containers[0].Environment.SAGEMAKER_INFERENCE_OUTPUT; nothing was created"
    )


def test_an_existing_model_of_that_name_is_reused_when_identical(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)
    stubber.add_client_error(
        "create_model",
        service_error_code="ValidationException",
        service_message=f'Cannot create already existing model "{arn("model", "m1")}".',
    )
    stubber.add_response("describe_model", model_described("m1", ensembling_containers()))

    assert job(client).create_model(model_name="m1") == "m1"


def test_an_existing_different_model_of_that_name_is_a_conflict(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)
    stubber.add_client_error(
        "create_model",
        service_error_code="ValidationException",
        service_message=f'Cannot create already existing model "{arn("model", "m1")}".',
    )
    other = ensembling_containers()
    other[0]["ModelDataUrl"] = "s3://b/output/other/model.tar.gz"
    stubber.add_response("describe_model", model_described("m1", other))

    with pytest.raises(DeployConflictError) as caught:
        job(client).create_model(model_name="m1")

    assert caught.value.message == (
        "Model 'm1' already exists: it differs in Containers[0].ModelDataUrl; nothing was created"
    )


def test_a_partial_earlier_run_is_completed(client: AutoMLClient, stubber: Stubber) -> None:
    """The model and config of a run that failed to create its endpoint are reused."""
    expect_ensembling_job(stubber)
    expect_no_endpoint(stubber, "churn-live")
    exists = {"service_error_code": "ValidationException"}
    stubber.add_client_error(
        "create_model", service_message="Cannot create already existing model", **exists
    )
    stubber.add_response("describe_model", model_described("churn-live", ensembling_containers()))
    stubber.add_client_error(
        "create_endpoint_config",
        service_message="Cannot create already existing endpoint configuration",
        **exists,
    )
    stubber.add_response("describe_endpoint_config", config_described("churn-live", "churn-live"))
    stubber.add_response("create_endpoint", {"EndpointArn": arn("endpoint", "churn-live")})

    endpoint = job(client).deploy(endpoint_name="churn-live", wait=False)

    assert endpoint.endpoint_config_name == "churn-live"


def test_serverless_needs_both_memory_and_concurrency(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)

    with pytest.raises(RequestLintError) as caught:
        job(client).deploy(endpoint_name="churn-sl", serverless_memory_mb=2048)

    assert caught.value.operation == "CreateEndpointConfig"
    assert [(f.rule, f.path) for f in caught.value.findings] == [
        ("E1003", "ProductionVariants[0].ServerlessConfig.MaxConcurrency")
    ]


def test_an_endpoint_of_this_job_on_another_config_is_a_conflict(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)
    stubber.add_response(
        "describe_endpoint",
        endpoint_described("churn-live", "InService", EndpointConfigName="churn-live-v1"),
    )
    stubber.add_response("list_tags", {"Tags": own_tags("churn")})

    with pytest.raises(DeployConflictError) as caught:
        job(client).deploy(endpoint_name="churn-live")

    assert caught.value.reason == "it uses endpoint config 'churn-live-v1', not 'churn-live'"


def test_an_existing_config_with_another_instance_type_is_a_conflict(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_ensembling_job(stubber)
    expect_no_endpoint(stubber, "churn-live")
    stubber.add_response("create_model", {"ModelArn": arn("model", "churn-live")})
    stubber.add_client_error(
        "create_endpoint_config",
        service_error_code="ValidationException",
        service_message="Cannot create already existing endpoint configuration",
    )
    stubber.add_response("describe_endpoint_config", config_described("churn-live", "churn-live"))

    with pytest.raises(DeployConflictError) as caught:
        job(client).deploy(endpoint_name="churn-live", instance_type="ml.c5.xlarge")

    assert caught.value.message == (
        "EndpointConfig 'churn-live' already exists: it differs in "
        "ProductionVariants[0].InstanceType; nothing was created"
    )


def transform_described(**changes: Any) -> dict[str, Any]:
    described = {
        "TransformJobName": "churn-batch",
        "TransformJobArn": arn("transform-job", "churn-batch"),
        "TransformJobStatus": "InProgress",
        "ModelName": "churn-m",
        "TransformInput": {
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/in/"}}
        },
        "TransformOutput": {"S3OutputPath": "s3://b/out/"},
        "TransformResources": {"InstanceType": "ml.m5.large", "InstanceCount": 1},
        "CreationTime": WHEN,
    }
    return described | changes


def expect_transform_exists(stubber: Stubber, **changes: Any) -> None:
    expect_ensembling_job(stubber)
    stubber.add_response("create_model", {"ModelArn": arn("model", "churn-m")})
    stubber.add_client_error(
        "create_transform_job",
        service_error_code="ResourceInUse",
        service_message="Transform job churn-batch already exists",
    )
    stubber.add_response("describe_transform_job", transform_described(**changes))


def run_transform(client: AutoMLClient) -> Any:
    return job(client).transform(
        input_s3_uri="s3://b/in/",
        output_s3_uri="s3://b/out/",
        job_name="churn-batch",
        model_name="churn-m",
        wait=False,
    )


def test_a_rerun_transform_of_the_same_name_and_data_is_reused(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_transform_exists(stubber)

    assert run_transform(client).arn == arn("transform-job", "churn-batch")


def test_a_transform_name_used_for_other_data_is_a_conflict(
    client: AutoMLClient, stubber: Stubber
) -> None:
    expect_transform_exists(stubber, TransformOutput={"S3OutputPath": "s3://b/elsewhere/"})

    with pytest.raises(DeployConflictError) as caught:
        run_transform(client)

    assert caught.value.reason == "it differs in TransformOutput.S3OutputPath"


def test_a_refused_transform_says_the_model_exists(client: AutoMLClient, stubber: Stubber) -> None:
    expect_ensembling_job(stubber)
    stubber.add_response("create_model", {"ModelArn": arn("model", "churn-m")})
    stubber.add_client_error(
        "create_transform_job",
        service_error_code="ResourceLimitExceeded",
        service_message="The account-level service limit 'ml.m5.large for transform job usage' is 0.",
    )

    with pytest.raises(DeployFailedError) as caught:
        run_transform(client)

    assert caught.value.message == (
        "TransformJob 'churn-batch' could not be created: ResourceLimitExceeded: The "
        "account-level service limit 'ml.m5.large for transform job usage' is 0.; resources that "
        "exist: Model 'churn-m'"
    )


@pytest.mark.usefixtures("stubber")  # nothing queued: any call would fail the test
def test_a_bad_job_name_is_refused_by_lint_before_the_describe(client: AutoMLClient) -> None:
    with pytest.raises(RequestLintError) as caught:
        job(client, "churn_2026").deploy(endpoint_name="churn")

    assert caught.value.operation == "DescribeAutoMLJobV2"
    assert [(f.rule, f.path) for f in caught.value.findings] == [("E1007", "AutoMLJobName")]
