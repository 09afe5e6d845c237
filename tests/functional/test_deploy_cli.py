"""``automl-sdk deploy`` and ``transform`` in-process with the SageMaker client stubbed: options
before or after the command, exit 3 on a wait timeout, one line for a refusal."""

from __future__ import annotations

import json
from collections.abc import Iterator

import botocore.session
import pytest
from botocore.stub import Stubber

from automl_sdk.cli import main
from automl_sdk.client import AutoMLClient
from tests.functional.test_deploy_sequences import (
    endpoint_described,
    expect_describe_job,
    expect_no_endpoint,
)
from tests.support.deploy import arn, candidate, ensembling_containers, job_description


@pytest.fixture
def stubber(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stubber]:
    """Every AutoMLClient the CLI makes gets this stubbed client."""
    sagemaker = botocore.session.get_session().create_client(
        "sagemaker", region_name="eu-west-1", aws_access_key_id="t", aws_secret_access_key="t"
    )
    monkeypatch.setattr(AutoMLClient, "_make_client", lambda self: sagemaker)
    with Stubber(sagemaker) as stub:
        yield stub
        stub.assert_no_pending_responses()


def expect_creates(stubber: Stubber, name: str) -> None:
    best = candidate("churn-ens", containers=ensembling_containers())
    expect_describe_job(stubber, job_description("churn", best=best))
    expect_no_endpoint(stubber, name)
    stubber.add_response("create_model", {"ModelArn": arn("model", name)})
    stubber.add_response(
        "create_endpoint_config", {"EndpointConfigArn": arn("endpoint-config", name)}
    )
    stubber.add_response("create_endpoint", {"EndpointArn": arn("endpoint", name)})


def test_deploy_no_wait_prints_the_names(
    stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    expect_creates(stubber, "churn-live")

    code = main(
        ["--region", "eu-west-1", "deploy", "churn", "--endpoint-name", "churn-live", "--no-wait"]
    )

    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "EndpointName": "churn-live",
        "EndpointArn": arn("endpoint", "churn-live"),
        "EndpointConfigName": "churn-live",
        "ModelName": "churn-live",
    }


def test_deploy_timeout_exits_3_and_leaves_the_endpoint(
    stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    expect_creates(stubber, "churn-live")
    stubber.add_response("describe_endpoint", endpoint_described("churn-live", "Creating"))

    code = main(
        [
            "deploy",
            "churn",
            "--endpoint-name",
            "churn-live",
            "--timeout",
            "0",
            "--region",
            "eu-west-1",
        ]
    )

    out, err = capsys.readouterr()
    assert (code, out) == (3, "")
    assert err == (
        "automl-sdk: gave up waiting for Endpoint 'churn-live' after 0s (last status Creating); "
        "it was not stopped or deleted; resources that exist: Model 'churn-live', "
        "EndpointConfig 'churn-live', Endpoint 'churn-live'\n"
    )


def test_transform_no_wait_prints_the_job(
    stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    best = candidate("churn-ens", containers=ensembling_containers())
    expect_describe_job(stubber, job_description("churn", best=best))
    stubber.add_response("create_model", {"ModelArn": arn("model", "churn-m")})
    stubber.add_response(
        "create_transform_job",
        {"TransformJobArn": arn("transform-job", "churn-batch")},
        {
            "TransformJobName": "churn-batch",
            "ModelName": "churn-m",
            "TransformInput": {
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/in/"}},
                "ContentType": "application/jsonlines",
                "SplitType": "Line",
            },
            "TransformOutput": {
                "S3OutputPath": "s3://b/out/",
                "AssembleWith": "Line",
                "KmsKeyId": "alias/out",
            },
            "TransformResources": {"InstanceType": "ml.c5.xlarge", "InstanceCount": 2},
            "MaxPayloadInMB": 0,
            "ModelClientConfig": {"InvocationsTimeoutInSeconds": 600},
            "Tags": [{"Key": "automl-sdk:auto-ml-job", "Value": "churn"}],
        },
    )

    code = main(
        [
            "transform",
            "churn",
            "--input",
            "s3://b/in/",
            "--output",
            "s3://b/out/",
            "--transform-job-name",
            "churn-batch",
            "--model-name",
            "churn-m",
            "--instance-type",
            "ml.c5.xlarge",
            "--instance-count",
            "2",
            "--content-type",
            "application/jsonlines",
            "--max-payload-mb",
            "0",
            "--invocations-timeout-seconds",
            "600",
            "--kms-key-id",
            "alias/out",
            "--no-wait",
        ]
    )

    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "TransformJobName": "churn-batch",
        "TransformJobArn": arn("transform-job", "churn-batch"),
        "ModelName": "churn-m",
        "S3OutputPath": "s3://b/out/",
    }


def test_an_unsupported_key_is_one_line_and_exit_1(
    stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    best = candidate("churn-ens", containers=ensembling_containers())
    expect_describe_job(stubber, job_description("churn", best=best))

    code = main(["deploy", "churn", "--endpoint-name", "e", "--inference-response-keys", "score"])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        "automl-sdk: inference response keys score are not supported by candidate 'churn-ens' of "
        "AutoML job 'churn' (got score; expected some of predicted_label, probability, labels, "
        "probabilities)\n"
    )


def test_serverless_options_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["deploy", "churn", "--endpoint-name", "e", "--serverless-memory-mb", "0"])
    assert exited.value.code == 2
    assert "argument --serverless-memory-mb: must be >= 1 (got 0)" in capsys.readouterr().err
