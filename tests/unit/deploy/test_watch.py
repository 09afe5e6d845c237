"""Endpoints and transform jobs are waited for one way: the same errors for both (Stubber)."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.stub import Stubber

from automl_sdk import AutoMLClient, DeployFailedError, TransformJob
from tests.support.deploy import WHEN, arn


def transform_job(client: AutoMLClient) -> TransformJob:
    return TransformJob(
        name="churn-batch",
        arn=arn("transform-job", "churn-batch"),
        model_name="churn",
        output_s3_uri="s3://b/out/",
        client=client,
        job_name="churn",
    )


def described(status: str, **extra: Any) -> dict[str, Any]:
    return {
        "TransformJobName": "churn-batch",
        "TransformJobArn": arn("transform-job", "churn-batch"),
        "TransformJobStatus": status,
        "ModelName": "churn",
        "TransformInput": {
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/in/"}}
        },
        "TransformResources": {"InstanceType": "ml.m5.large", "InstanceCount": 1},
        "CreationTime": WHEN,
        **extra,
    }


def test_a_transform_job_deleted_while_waited_for_is_a_failure_without_itself(
    client: AutoMLClient, sagemaker: Any
) -> None:
    with Stubber(sagemaker) as stubber:
        stubber.add_response("describe_transform_job", described("InProgress"))
        stubber.add_client_error(
            "describe_transform_job",
            service_error_code="ValidationException",
            service_message="Could not find requested job with name churn-batch",
        )
        with pytest.raises(DeployFailedError) as caught:
            transform_job(client).wait(delay=0)
        stubber.assert_no_pending_responses()

    assert (caught.value.status, caught.value.resources) == ("deleted", (("Model", "churn"),))
    assert caught.value.message == (
        "TransformJob 'churn-batch' ended deleted: Could not find requested job with name "
        "churn-batch; resources that exist: Model 'churn'"
    )


def test_a_stopped_transform_job_is_a_failure_with_its_reason(
    client: AutoMLClient, sagemaker: Any
) -> None:
    with Stubber(sagemaker) as stubber:
        stubber.add_response(
            "describe_transform_job", described("Stopped", FailureReason="stopped by a person")
        )
        with pytest.raises(DeployFailedError) as caught:
            transform_job(client).wait(delay=0)

    assert (caught.value.status, caught.value.failure_reason) == ("Stopped", "stopped by a person")
    assert caught.value.resources == (("Model", "churn"), ("TransformJob", "churn-batch"))
