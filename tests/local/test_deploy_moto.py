"""Deploy, predict, transform and undeploy against moto's server on 127.0.0.1, from the API and
from the CLI as a subprocess.

moto implements CreateModel, CreateEndpointConfig, CreateEndpoint, CreateTransformJob and their
Describe/Delete; its endpoints are InService and its transform jobs Completed at once. Its AutoML
jobs never finish and their best candidate has placeholder containers, so each test marks its job
Completed with a realistic candidate through moto's backend (the server runs in this process).
moto's InvokeEndpoint answers whatever was queued through its ``/moto-api`` (see
:func:`queue_answer`), the same answer for the same request.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from typing import Any

import pytest
from botocore.exceptions import ClientError

from automl_sdk import AutoMLClient, DeployConflictError, DeployError
from automl_sdk.client import Job
from tests.support.aws import FAKE_CREDENTIALS
from tests.support.deploy import ACCOUNT, REGION, candidate, hpo_classification_containers
from tests.support.requests import tabular_v2_request

pytestmark = [pytest.mark.local, pytest.mark.usefixtures("fake_aws_credentials")]


def complete(name: str, best: dict[str, Any]) -> None:
    """Mark moto's job ``name`` Completed with ``best`` as its best candidate."""
    from moto.sagemaker.models import sagemaker_backends

    job = sagemaker_backends[ACCOUNT][REGION].auto_ml_jobs[name]
    job.auto_ml_job_status = "Completed"
    job.best_candidate = best


def queue_answer(endpoint_url: str, body: str, content_type: str) -> None:
    """Make moto's next new InvokeEndpoint request answer ``body``."""
    payload = {"results": [{"Body": body, "ContentType": content_type}]}
    request = urllib.request.Request(
        f"{endpoint_url}/moto-api/static/sagemaker/endpoint-results",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 201


@pytest.fixture
def client(endpoint_url: str) -> AutoMLClient:
    return AutoMLClient(region_name=REGION, endpoint_url=endpoint_url)


@pytest.fixture
def sagemaker(client: AutoMLClient) -> Any:
    return client.sagemaker_client


def completed_job(client: AutoMLClient, name: str) -> Job:
    job = client.create_job(tabular_v2_request(name))
    complete(name, candidate(f"{name}-xgb", containers=hpo_classification_containers()))
    return job


def test_deploy_predict_and_undeploy(
    client: AutoMLClient, sagemaker: Any, endpoint_url: str
) -> None:
    job = completed_job(client, "api-deploy")

    endpoint = job.deploy(
        endpoint_name="api-live",
        inference_response_keys=["predicted_label", "probability"],
        delay=0,
    )

    assert endpoint.describe().endpoint_status == "InService"
    model = sagemaker.describe_model(ModelName="api-live")
    environments = [container.get("Environment", {}) for container in model["Containers"]]
    assert [env.get("SAGEMAKER_INFERENCE_OUTPUT") for env in environments] == [
        None,
        "predicted_label,probability",
        "predicted_label,probability",
    ]
    assert environments[2]["SAGEMAKER_INFERENCE_INPUT"] == "predicted_label,probability"
    tags = sagemaker.list_tags(ResourceArn=endpoint.arn)["Tags"]
    assert {"Key": "automl-sdk:auto-ml-job", "Value": "api-deploy"} in tags

    queue_answer(endpoint_url, "yes,0.93\nno,0.08\n", "text/csv")
    assert endpoint.predict([[42, "gold", 3.5], [7, "basic", 0.5]]) == [
        ["yes", "0.93"],
        ["no", "0.08"],
    ]

    again = job.deploy(
        endpoint_name="api-live",
        inference_response_keys=["predicted_label", "probability"],
        delay=0,
    )
    assert again == endpoint
    with pytest.raises(DeployConflictError, match="differs from the one requested in"):
        job.deploy(endpoint_name="api-live", inference_response_keys=["labels"])

    assert client.endpoint("api-live").delete() == {
        "EndpointName": "api-live",
        "EndpointConfigName": "api-live",
        "ModelNames": ["api-live"],
    }
    with pytest.raises(ClientError, match="Could not find endpoint"):
        sagemaker.describe_endpoint(EndpointName="api-live")
    names = [m["ModelName"] for m in sagemaker.list_models()["Models"]]
    assert "api-live" not in names


def test_delete_keeps_a_model_deploy_did_not_make(client: AutoMLClient, sagemaker: Any) -> None:
    job = completed_job(client, "api-keep")
    model_name = job.create_model(model_name="api-keep-model")
    sagemaker.create_endpoint_config(
        EndpointConfigName="api-keep-config",
        ProductionVariants=[
            {
                "VariantName": "AllTraffic",
                "ModelName": model_name,
                "InstanceType": "ml.m5.large",
                "InitialInstanceCount": 1,
            }
        ],
    )
    sagemaker.create_endpoint(EndpointName="api-keep", EndpointConfigName="api-keep-config")

    with pytest.raises(DeployConflictError, match="it was made outside automl-sdk"):
        job.deploy(endpoint_name="api-keep")
    assert client.endpoint("api-keep").delete() == {
        "EndpointName": "api-keep",
        "EndpointConfigName": None,
        "ModelNames": [],
    }
    assert sagemaker.describe_model(ModelName="api-keep-model")["ModelName"] == "api-keep-model"
    config = sagemaker.describe_endpoint_config(EndpointConfigName="api-keep-config")
    assert config["EndpointConfigName"] == "api-keep-config"


def test_transform_runs_and_reuses_its_model(client: AutoMLClient, sagemaker: Any) -> None:
    job = completed_job(client, "api-batch")

    first = job.transform(
        input_s3_uri="s3://b/batch/",
        output_s3_uri="s3://b/scored/",
        job_name="api-batch-1",
        delay=0,
    )
    second = job.transform(
        input_s3_uri="s3://b/batch/",
        output_s3_uri="s3://b/scored/",
        job_name="api-batch-2",
        delay=0,
    )

    assert first.describe().transform_job_status == "Completed"
    assert first.model_name == second.model_name
    described = sagemaker.describe_transform_job(TransformJobName="api-batch-2")
    assert described["TransformInput"]["SplitType"] == "Line"
    assert described["TransformOutput"] == {
        "S3OutputPath": "s3://b/scored/",
        "AssembleWith": "Line",
    }


def test_a_running_job_is_refused_and_nothing_is_made(client: AutoMLClient, sagemaker: Any) -> None:
    job = client.create_job(tabular_v2_request("api-running"))
    before = sagemaker.list_models()["Models"]

    with pytest.raises(
        DeployError, match=r"^AutoML job 'api-running' is InProgress, not Completed"
    ):
        job.deploy(endpoint_name="api-running")

    assert sagemaker.list_models()["Models"] == before
    with pytest.raises(ClientError, match="Could not find endpoint"):
        sagemaker.describe_endpoint(EndpointName="api-running")


# -- the CLI as a subprocess -------------------------------------------------------------------


@pytest.fixture
def cli(endpoint_url: str) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")} | FAKE_CREDENTIALS

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "automl_sdk", *args, "--endpoint-url", endpoint_url],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    return run


def test_cli_deploy_predict_transform_undeploy(
    cli: Any, client: AutoMLClient, endpoint_url: str
) -> None:
    completed_job(client, "cli-deploy")

    deployed = cli(
        "deploy",
        "cli-deploy",
        "--endpoint-name",
        "cli-live",
        "--delay",
        "0",
        "--inference-response-keys",
        "predicted_label",
    )
    assert (deployed.returncode, deployed.stderr) == (0, "")
    assert json.loads(deployed.stdout) == {
        "EndpointName": "cli-live",
        "EndpointArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint/cli-live",
        "EndpointConfigName": "cli-live",
        "ModelName": "cli-live",
    }

    queue_answer(endpoint_url, "yes\nno\n", "text/csv")
    predicted = cli("predict", "cli-live", "-", stdin="51,silver,1.5\n9,basic,0.25\n")
    assert (predicted.returncode, predicted.stdout, predicted.stderr) == (0, "yes\nno\n", "")

    batch = cli(
        "transform",
        "cli-deploy",
        "--input",
        "s3://b/batch/",
        "--output",
        "s3://b/scored/",
        "--transform-job-name",
        "cli-batch",
        "--delay",
        "0",
    )
    assert (batch.returncode, batch.stderr) == (0, "")
    printed = json.loads(batch.stdout)
    assert (printed["TransformJobName"], printed["S3OutputPath"]) == ("cli-batch", "s3://b/scored/")

    removed = cli("undeploy", "cli-live")
    assert (removed.returncode, removed.stderr) == (0, "")
    assert json.loads(removed.stdout) == {
        "EndpointName": "cli-live",
        "EndpointConfigName": "cli-live",
        "ModelNames": ["cli-live"],
    }
    with pytest.raises(ClientError, match="Could not find endpoint"):
        client.sagemaker_client.describe_endpoint(EndpointName="cli-live")


def test_cli_refusals_and_errors_are_one_line(cli: Any, client: AutoMLClient) -> None:
    client.create_job(tabular_v2_request("cli-running"))

    refused = cli("deploy", "cli-running", "--endpoint-name", "cli-running")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        "automl-sdk: AutoML job 'cli-running' is InProgress, not Completed; only a completed "
        "job's candidates can be deployed\n"
    )

    missing = cli("undeploy", "cli-nowhere")
    assert missing.returncode == 1
    assert missing.stderr.startswith("automl-sdk: ValidationException: Could not find endpoint")
    assert "Traceback" not in missing.stderr

    unreadable = cli("predict", "cli-nowhere", "no-such-file.csv")
    assert (unreadable.returncode, unreadable.stderr) == (
        2,
        "automl-sdk: error: no-such-file.csv: cannot read file: No such file or directory\n",
    )

    usage = cli("deploy", "cli-running")
    assert usage.returncode == 2
    assert "the following arguments are required: --endpoint-name" in usage.stderr
