"""Job.deploy / create_model / transform: the exact SageMaker call sequences, with the Stubber.

Each scenario asserts the CreateModel containers and environment to the letter, then the endpoint
config and endpoint (or transform job) requests and the wait with botocore's own waiter.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from botocore.stub import Stubber

from automl_sdk import AutoMLClient, DeployFailedError, Endpoint, TransformJob
from automl_sdk.client import Job
from tests.support.deploy import (
    WHEN,
    arn,
    candidate,
    ensembling_containers,
    hpo_classification_containers,
    hpo_regression_containers,
    image_definitions,
    job_description,
    time_series_containers,
)
from tests.support.requests import ROLE_ARN

JOB_TAG = "automl-sdk:auto-ml-job"
ENDPOINT_TAG = "automl-sdk:endpoint"


def job(client: AutoMLClient, name: str = "churn") -> Job:
    return Job(name=name, arn=arn("automl-job", name), client=client)


def own_tags(job_name: str, endpoint: str | None = None) -> list[dict[str, str]]:
    tags = [{"Key": JOB_TAG, "Value": job_name}]
    if endpoint is not None:
        tags.append({"Key": ENDPOINT_TAG, "Value": endpoint})
    return tags


def endpoint_described(name: str, status: str, **extra: Any) -> dict[str, Any]:
    return {
        "EndpointName": name,
        "EndpointArn": arn("endpoint", name),
        "EndpointConfigName": name,
        "EndpointStatus": status,
        "CreationTime": WHEN,
        "LastModifiedTime": WHEN,
        **extra,
    }


def expect_describe_job(stubber: Stubber, description: dict[str, Any]) -> None:
    name = description["AutoMLJobName"]
    stubber.add_response("describe_auto_ml_job_v2", description, {"AutoMLJobName": name})


def expect_no_endpoint(stubber: Stubber, name: str) -> None:
    stubber.add_client_error(
        "describe_endpoint",
        service_error_code="ValidationException",
        service_message=f'Could not find endpoint "{arn("endpoint", name)}".',
        expected_params={"EndpointName": name},
    )


def expect_deploy(
    stubber: Stubber,
    *,
    job_name: str,
    endpoint: str,
    containers: list[dict[str, Any]],
    variant: dict[str, Any],
    config_extra: dict[str, Any] | None = None,
    model_extra: dict[str, Any] | None = None,
) -> None:
    """CreateModel, CreateEndpointConfig, CreateEndpoint, then the waiter's describes."""
    stubber.add_response(
        "create_model",
        {"ModelArn": arn("model", endpoint)},
        {
            "ModelName": endpoint,
            "Containers": containers,
            "ExecutionRoleArn": ROLE_ARN,
            **(model_extra or {}),
            "Tags": own_tags(job_name, endpoint),
        },
    )
    stubber.add_response(
        "create_endpoint_config",
        {"EndpointConfigArn": arn("endpoint-config", endpoint)},
        {
            "EndpointConfigName": endpoint,
            "ProductionVariants": [{"VariantName": "AllTraffic", "ModelName": endpoint, **variant}],
            **(config_extra or {}),
            "Tags": own_tags(job_name, endpoint),
        },
    )
    stubber.add_response(
        "create_endpoint",
        {"EndpointArn": arn("endpoint", endpoint)},
        {"EndpointName": endpoint, "EndpointConfigName": endpoint, "Tags": own_tags(job_name)},
    )
    for status in ("Creating", "InService"):
        stubber.add_response(
            "describe_endpoint", endpoint_described(endpoint, status), {"EndpointName": endpoint}
        )


INSTANCE = {"InstanceType": "ml.m5.large", "InitialInstanceCount": 1}


def test_hpo_classification_three_containers_with_response_keys(
    client: AutoMLClient, stubber: Stubber
) -> None:
    best = candidate("churn-xgb-3", containers=hpo_classification_containers())
    expect_describe_job(stubber, job_description("churn", best=best))
    expect_no_endpoint(stubber, "churn-live")
    data_processing, xgboost, inverse_label = hpo_classification_containers()
    xgboost["Environment"]["SAGEMAKER_INFERENCE_OUTPUT"] = "predicted_label,probability"
    inverse_label["Environment"] |= {
        "SAGEMAKER_INFERENCE_OUTPUT": "predicted_label,probability,labels",
        "SAGEMAKER_INFERENCE_INPUT": "predicted_label,probability",
    }
    expect_deploy(
        stubber,
        job_name="churn",
        endpoint="churn-live",
        containers=[data_processing, xgboost, inverse_label],
        variant=INSTANCE,
    )

    endpoint = job(client).deploy(
        endpoint_name="churn-live",
        inference_response_keys=["predicted_label", "probability", "labels"],
        delay=0,
    )

    assert endpoint == Endpoint(
        name="churn-live",
        arn=arn("endpoint", "churn-live"),
        model_name="churn-live",
        endpoint_config_name="churn-live",
        client=client,
        job_name="churn",
    )


def test_hpo_regression_two_containers_unchanged(client: AutoMLClient, stubber: Stubber) -> None:
    best = candidate("price-xgb-1", containers=hpo_regression_containers())
    expect_describe_job(stubber, job_description("price", best=best))
    expect_no_endpoint(stubber, "price")
    expect_deploy(
        stubber,
        job_name="price",
        endpoint="price",
        containers=hpo_regression_containers(),
        variant={"InstanceType": "ml.c5.xlarge", "InitialInstanceCount": 2},
    )

    endpoint = job(client, "price").deploy(
        endpoint_name="price", instance_type="ml.c5.xlarge", initial_instance_count=2, delay=0
    )

    assert (endpoint.name, endpoint.model_name) == ("price", "price")


def test_ensembling_one_container_with_keys_and_kms_vpc_carried_over(
    client: AutoMLClient, stubber: Stubber
) -> None:
    vpc = {"SecurityGroupIds": ["sg-0123456789abcdef0"], "Subnets": ["subnet-0123456789abcdef0"]}
    key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    best = candidate("churn-ens", containers=ensembling_containers())
    security = {"VolumeKmsKeyId": key, "VpcConfig": vpc}
    expect_describe_job(stubber, job_description("churn", best=best, security=security))
    expect_no_endpoint(stubber, "churn-ens")
    [ensemble] = ensembling_containers()
    ensemble["Environment"]["SAGEMAKER_INFERENCE_OUTPUT"] = "probabilities,labels"
    expect_deploy(
        stubber,
        job_name="churn",
        endpoint="churn-ens",
        containers=[ensemble],
        variant=INSTANCE,
        model_extra={"VpcConfig": vpc},
        config_extra={"KmsKeyId": key},
    )

    job(client).deploy(
        endpoint_name="churn-ens", inference_response_keys=["probabilities", "labels"], delay=0
    )


def test_image_classification_on_a_gpu_instance(client: AutoMLClient, stubber: Stubber) -> None:
    best = candidate("pets-vit", definitions=image_definitions())
    problem: dict[str, Any] = {"ImageClassificationJobConfig": {}}
    described = job_description(
        "pets", best=best, problem=problem, problem_name="ImageClassification"
    )
    expect_describe_job(stubber, described)
    expect_no_endpoint(stubber, "pets")
    expect_deploy(
        stubber,
        job_name="pets",
        endpoint="pets",
        containers=image_definitions()["GPU"],
        variant={"InstanceType": "ml.g4dn.xlarge", "InitialInstanceCount": 1},
    )

    job(client, "pets").deploy(endpoint_name="pets", instance_type="ml.g4dn.xlarge", delay=0)


def test_serverless_endpoint_with_user_tags(client: AutoMLClient, stubber: Stubber) -> None:
    key = "arn:aws:kms:us-east-1:123456789012:key/volume"
    best = candidate("churn-ens", containers=ensembling_containers())
    security = {"VolumeKmsKeyId": key}  # serverless has no volume: not carried over
    expect_describe_job(stubber, job_description("churn", best=best, security=security))
    expect_no_endpoint(stubber, "churn-sl")
    team = {"Key": "team", "Value": "risk"}
    stubber.add_response(
        "create_model",
        {"ModelArn": arn("model", "churn-sl")},
        {
            "ModelName": "churn-sl",
            "Containers": ensembling_containers(),
            "ExecutionRoleArn": ROLE_ARN,
            "Tags": [team, *own_tags("churn", "churn-sl")],
        },
    )
    stubber.add_response(
        "create_endpoint_config",
        {"EndpointConfigArn": arn("endpoint-config", "churn-sl")},
        {
            "EndpointConfigName": "churn-sl",
            "ProductionVariants": [
                {
                    "VariantName": "AllTraffic",
                    "ModelName": "churn-sl",
                    "ServerlessConfig": {"MemorySizeInMB": 2048, "MaxConcurrency": 5},
                }
            ],
            "Tags": [team, *own_tags("churn", "churn-sl")],
        },
    )
    stubber.add_response(
        "create_endpoint",
        {"EndpointArn": arn("endpoint", "churn-sl")},
        {
            "EndpointName": "churn-sl",
            "EndpointConfigName": "churn-sl",
            "Tags": [team, *own_tags("churn")],
        },
    )

    endpoint = job(client).deploy(
        endpoint_name="churn-sl",
        serverless_memory_mb=2048,
        serverless_max_concurrency=5,
        tags={"team": "risk"},
        wait=False,
    )

    assert endpoint.arn == arn("endpoint", "churn-sl")


def test_time_series_transform_uses_the_documented_settings(
    client: AutoMLClient, stubber: Stubber
) -> None:
    best = candidate("demand-1", containers=time_series_containers())
    problem = {
        "TimeSeriesForecastingJobConfig": {
            "ForecastFrequency": "D",
            "ForecastHorizon": 14,
            "TimeSeriesConfig": {
                "TargetAttributeName": "demand",
                "TimestampAttributeName": "day",
                "ItemIdentifierAttributeName": "sku",
            },
        }
    }
    described = job_description(
        "demand",
        best=best,
        problem=problem,
        problem_name="TimeSeriesForecasting",
        output_kms_key_id="alias/output",
    )
    expect_describe_job(stubber, described)
    stubber.add_response(
        "create_model",
        {"ModelArn": arn("model", "demand-model")},
        {
            "ModelName": "demand-model",
            "Containers": time_series_containers(),
            "ExecutionRoleArn": ROLE_ARN,
            "Tags": own_tags("demand"),
        },
    )
    transform_request = {
        "TransformJobName": "demand-batch",
        "ModelName": "demand-model",
        "TransformInput": {
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/history/"}},
            "ContentType": "text/csv",
            "SplitType": "None",
        },
        "TransformOutput": {"S3OutputPath": "s3://b/forecast/", "KmsKeyId": "alias/output"},
        "TransformResources": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1},
        "MaxPayloadInMB": 0,
        "ModelClientConfig": {"InvocationsTimeoutInSeconds": 3600},
        "Tags": own_tags("demand"),
    }
    stubber.add_response(
        "create_transform_job",
        {"TransformJobArn": arn("transform-job", "demand-batch")},
        transform_request,
    )
    described_job = {
        key: copy.deepcopy(value) for key, value in transform_request.items() if key != "Tags"
    }
    for status in ("InProgress", "Completed"):
        stubber.add_response(
            "describe_transform_job",
            {
                **described_job,
                "TransformJobArn": arn("transform-job", "demand-batch"),
                "TransformJobStatus": status,
                "CreationTime": WHEN,
            },
            {"TransformJobName": "demand-batch"},
        )

    batch = job(client, "demand").transform(
        input_s3_uri="s3://b/history/",
        output_s3_uri="s3://b/forecast/",
        instance_type="ml.m5.xlarge",
        job_name="demand-batch",
        model_name="demand-model",
        delay=0,
    )

    assert batch == TransformJob(
        name="demand-batch",
        arn=arn("transform-job", "demand-batch"),
        model_name="demand-model",
        output_s3_uri="s3://b/forecast/",
        client=client,
        job_name="demand",
    )


def test_tabular_transform_splits_by_line_and_names_its_model_by_content(
    client: AutoMLClient, stubber: Stubber
) -> None:
    best = candidate("price-xgb-1", containers=hpo_regression_containers())
    expect_describe_job(stubber, job_description("price", best=best))
    model_name = job_model_name(hpo_regression_containers())
    stubber.add_response(
        "create_model",
        {"ModelArn": arn("model", model_name)},
        {
            "ModelName": model_name,
            "Containers": hpo_regression_containers(),
            "ExecutionRoleArn": ROLE_ARN,
            "Tags": own_tags("price"),
        },
    )
    stubber.add_response(
        "create_transform_job",
        {"TransformJobArn": arn("transform-job", "price-batch")},
        {
            "TransformJobName": "price-batch",
            "ModelName": model_name,
            "TransformInput": {
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/in/"}},
                "ContentType": "text/csv",
                "SplitType": "Line",
            },
            "TransformOutput": {
                "S3OutputPath": "s3://b/out/",
                "Accept": "text/csv",
                "AssembleWith": "Line",
            },
            "TransformResources": {"InstanceType": "ml.m5.large", "InstanceCount": 1},
            "Tags": own_tags("price"),
        },
    )

    batch = job(client, "price").transform(
        input_s3_uri="s3://b/in/",
        output_s3_uri="s3://b/out/",
        accept="text/csv",
        job_name="price-batch",
        wait=False,
    )

    assert batch.model_name == model_name


def job_model_name(containers: list[dict[str, Any]]) -> str:
    """The content-addressed default model name, worked out independently of the library."""
    import hashlib
    import json

    content = json.dumps([containers, ROLE_ARN, None], sort_keys=True).encode()
    return f"price-{hashlib.sha256(content).hexdigest()[:8]}"


def test_failed_endpoint_carries_failure_reason_and_lists_what_exists(
    client: AutoMLClient, stubber: Stubber
) -> None:
    best = candidate("price-xgb-1", containers=hpo_regression_containers())
    expect_describe_job(stubber, job_description("price", best=best))
    expect_no_endpoint(stubber, "price")
    stubber.add_response("create_model", {"ModelArn": arn("model", "price")})
    stubber.add_response(
        "create_endpoint_config", {"EndpointConfigArn": arn("endpoint-config", "price")}
    )
    stubber.add_response("create_endpoint", {"EndpointArn": arn("endpoint", "price")})
    reason = "The primary container for production variant AllTraffic did not pass the ping health check."
    stubber.add_response(
        "describe_endpoint", endpoint_described("price", "Failed", FailureReason=reason)
    )

    with pytest.raises(DeployFailedError) as caught:
        job(client, "price").deploy(endpoint_name="price", delay=0)

    assert caught.value.message == (
        f"Endpoint 'price' ended Failed: {reason}; resources that exist: Model 'price', "
        "EndpointConfig 'price', Endpoint 'price'"
    )
    assert caught.value.failure_reason == reason
    assert caught.value.resources == (
        ("Model", "price"),
        ("EndpointConfig", "price"),
        ("Endpoint", "price"),
    )


def test_refused_endpoint_config_says_the_model_exists(
    client: AutoMLClient, stubber: Stubber
) -> None:
    best = candidate("price-xgb-1", containers=hpo_regression_containers())
    expect_describe_job(stubber, job_description("price", best=best))
    expect_no_endpoint(stubber, "price")
    stubber.add_response("create_model", {"ModelArn": arn("model", "price")})
    stubber.add_client_error(
        "create_endpoint_config",
        service_error_code="ResourceLimitExceeded",
        service_message="The account-level service limit 'ml.m5.large for endpoint usage' is 0.",
    )

    with pytest.raises(DeployFailedError) as caught:
        job(client, "price").deploy(endpoint_name="price", delay=0)

    assert caught.value.message == (
        "EndpointConfig 'price' could not be created: ResourceLimitExceeded: The account-level "
        "service limit 'ml.m5.large for endpoint usage' is 0.; resources that exist: Model 'price'"
    )


def expect_transform_ending(stubber: Stubber, status: str, **extra: Any) -> None:
    best = candidate("price-xgb-1", containers=hpo_regression_containers())
    expect_describe_job(stubber, job_description("price", best=best))
    stubber.add_response("create_model", {"ModelArn": arn("model", "price-model")})
    stubber.add_response(
        "create_transform_job", {"TransformJobArn": arn("transform-job", "price-batch")}
    )
    stubber.add_response(
        "describe_transform_job",
        {
            "TransformJobName": "price-batch",
            "TransformJobArn": arn("transform-job", "price-batch"),
            "TransformJobStatus": status,
            "ModelName": "price-model",
            "TransformInput": {
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/in/"}}
            },
            "TransformResources": {"InstanceType": "ml.m5.large", "InstanceCount": 1},
            "CreationTime": WHEN,
            **extra,
        },
    )


@pytest.mark.parametrize(
    ("status", "extra", "message"),
    [
        (
            "Failed",
            {"FailureReason": "AlgorithmError: unable to parse row 3"},
            "TransformJob 'price-batch' ended Failed: AlgorithmError: unable to parse row 3; "
            "resources that exist: Model 'price-model', TransformJob 'price-batch'",
        ),
        (
            "Stopped",
            {},
            "TransformJob 'price-batch' ended Stopped: no reason given; "
            "resources that exist: Model 'price-model', TransformJob 'price-batch'",
        ),
    ],
)
def test_a_transform_that_does_not_complete_raises_with_its_reason(
    client: AutoMLClient, stubber: Stubber, status: str, extra: dict[str, Any], message: str
) -> None:
    expect_transform_ending(stubber, status, **extra)

    with pytest.raises(DeployFailedError) as caught:
        job(client, "price").transform(
            input_s3_uri="s3://b/in/",
            output_s3_uri="s3://b/out/",
            job_name="price-batch",
            model_name="price-model",
            delay=0,
        )

    assert caught.value.message == message
    assert caught.value.status == status


def test_a_named_candidate_comes_from_the_leaderboard(
    client: AutoMLClient, stubber: Stubber
) -> None:
    best = candidate("churn-ens", containers=ensembling_containers(), metric=0.95)
    runner_up = candidate("churn-xgb-7", containers=hpo_classification_containers(), metric=0.9)
    expect_describe_job(stubber, job_description("churn", best=best))
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [best, runner_up]},
        {"AutoMLJobName": "churn"},
    )
    stubber.add_response(
        "create_model",
        {"ModelArn": arn("model", "churn-xgb")},
        {
            "ModelName": "churn-xgb",
            "Containers": hpo_classification_containers(),
            "ExecutionRoleArn": "arn:aws:iam::123456789012:role/Serving",
            "Tags": [{"Key": "automl-sdk:auto-ml-job", "Value": "churn"}],
        },
    )

    name = job(client).create_model(
        candidate="churn-xgb-7",
        model_name="churn-xgb",
        execution_role_arn="arn:aws:iam::123456789012:role/Serving",
    )

    assert name == "churn-xgb"
