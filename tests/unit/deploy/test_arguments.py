"""Each refusal of a bad Python argument to the deploy API: its exact message, and no call sent.

Every case runs with Stubbers that have nothing queued and counts the calls that reached
botocore: a refusal must come before the first one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import automl_sdk.deploy
from automl_sdk import AutoMLClient, DeployError, Endpoint, Job, TransformJob
from tests.support.deploy import arn, ensembling_containers
from tests.support.values import deeply_nested
from tests.unit.deploy.conftest import CallCount

Call = Callable[[Any, Any, Any], Any]
#: The deploy package untyped: these calls pass what its annotations refuse, on purpose.
deploy: Any = automl_sdk.deploy
TAG_FORM = '{"Key": ..., "Value": ...}'
VPC_EXPECTED = "expected Subnets and SecurityGroupIds, each a list of IDs"
SIX_MB = 6 * 1024 * 1024


def endpoint(client: AutoMLClient, runtime: Any) -> Any:
    return Endpoint(
        name="churn",
        arn=arn("endpoint", "churn"),
        model_name="churn",
        endpoint_config_name="churn",
        client=client,
        runtime_client=runtime,
    )


def untyped_job(client: AutoMLClient) -> Any:
    """A job handle whose name is not a string."""
    name: Any = 5
    return Job(name=name, arn=arn("automl-job", "five"), client=client)


def transform_job(client: AutoMLClient) -> TransformJob:
    return TransformJob(
        name="churn-batch",
        arn=arn("transform-job", "churn-batch"),
        model_name="churn",
        output_s3_uri="s3://b/out/",
        client=client,
    )


def case(call: Call, error: type[Exception], message: str, id: str) -> Any:
    return pytest.param(call, error, message, id=id)


TAGS = [
    case(
        lambda job, client, runtime: job.create_model(tags=1),
        TypeError,
        f"tags must be a mapping of keys to values or a list of {TAG_FORM} or None (got int)",
        "tags-int",
    ),
    case(
        lambda job, client, runtime: job.create_model(tags="team=risk"),
        TypeError,
        f"tags must be a mapping of keys to values or a list of {TAG_FORM} or None (got str)",
        "tags-str",
    ),
    case(
        lambda job, client, runtime: job.create_model(tags=[{"K": "v"}]),
        DeployError,
        f"tags[0] has an unknown member 'K' (expected {TAG_FORM})",
        "tag-unknown-member",
    ),
    case(
        lambda job, client, runtime: job.deploy(endpoint_name="e", tags=[{"Key": "team"}]),
        DeployError,
        f"tags[0] has no Value (got {{'Key': 'team'}}; expected {TAG_FORM})",
        "tag-without-value",
    ),
    case(
        lambda job, client, runtime: job.transform(
            input_s3_uri="s3://b/in/", output_s3_uri="s3://b/out/", tags=[{"Value": "x"}]
        ),
        DeployError,
        f"tags[0] has no Key (got {{'Value': 'x'}}; expected {TAG_FORM})",
        "tag-without-key",
    ),
    case(
        lambda job, client, runtime: job.create_model(tags=[{"Key": 1, "Value": "v"}]),
        TypeError,
        "tags[0].Key must be a string (got int)",
        "tag-key-int",
    ),
    case(
        lambda job, client, runtime: job.create_model(tags=["team"]),
        TypeError,
        f"tags[0] must be a mapping {TAG_FORM} (got str)",
        "tag-not-a-mapping",
    ),
    case(
        lambda job, client, runtime: job.create_model(tags={1: "v"}),
        TypeError,
        "tags keys must be strings (got int 1)",
        "tags-mapping-int-key",
    ),
    case(
        lambda job, client, runtime: job.create_model(tags={"cost": 42}),
        TypeError,
        "tags['cost'] must be a string (got int)",
        "tags-mapping-int-value",
    ),
]

VPC = [
    case(
        lambda job, client, runtime: job.create_model(vpc_config=["subnet-1"]),
        TypeError,
        "vpc_config must be a mapping with Subnets and SecurityGroupIds or None (got list)",
        "vpc-list",
    ),
    case(
        lambda job, client, runtime: job.deploy(
            endpoint_name="e", vpc_config={"Subnets": ["subnet-1"]}
        ),
        DeployError,
        f"vpc_config has no SecurityGroupIds (got {{'Subnets': ['subnet-1']}}; {VPC_EXPECTED})",
        "vpc-without-security-groups",
    ),
    case(
        lambda job, client, runtime: job.create_model(
            vpc_config={"Subnets": ["s"], "SecurityGroupIds": ["g"], b"x": 1}
        ),
        DeployError,
        f"vpc_config has an unknown member b'x' ({VPC_EXPECTED})",
        "vpc-unknown-member",
    ),
    case(
        lambda job, client, runtime: job.create_model(
            vpc_config={"Subnets": [b"subnet-1"], "SecurityGroupIds": ["sg-1"]}
        ),
        TypeError,
        "vpc_config.Subnets[0] must be a string (got bytes)",
        "vpc-subnet-bytes",
    ),
    case(
        lambda job, client, runtime: job.create_model(
            vpc_config={"Subnets": "subnet-1", "SecurityGroupIds": ["sg-1"]}
        ),
        TypeError,
        "vpc_config.Subnets must be a list of strings (got str)",
        "vpc-subnets-str",
    ),
]

KEYS = [
    case(
        lambda job, client, runtime: job.create_model(inference_response_keys=5),
        TypeError,
        "inference_response_keys must be a list of strings (got int)",
        "keys-int",
    ),
    case(
        lambda job, client, runtime: job.deploy(
            endpoint_name="e", inference_response_keys=["labels", b"probability"]
        ),
        TypeError,
        "inference_response_keys[1] must be a string (got bytes)",
        "key-bytes",
    ),
    case(
        lambda job, client, runtime: job.transform(
            input_s3_uri="s3://b/in/",
            output_s3_uri="s3://b/out/",
            inference_response_keys=["labels", "labels"],
        ),
        DeployError,
        "inference response keys repeat labels (got labels, labels; expected each key once)",
        "keys-repeated",
    ),
]

SCALARS = [
    case(
        lambda job, client, runtime: job.create_model(model_name=5),
        TypeError,
        "model_name must be a string or None (got int)",
        "model-name-int",
    ),
    case(
        lambda job, client, runtime: job.create_model(candidate="churn-\ud800"),
        DeployError,
        "candidate must be text that can be sent as UTF-8 (got 'churn-\\ud800', which has a "
        "lone surrogate at index 6)",
        "candidate-surrogate",
    ),
    case(
        lambda job, client, runtime: job.deploy(endpoint_name=None),
        TypeError,
        "endpoint_name must be a string (got NoneType)",
        "endpoint-name-none",
    ),
    case(
        lambda job, client, runtime: job.deploy(endpoint_name="e", initial_instance_count=0),
        DeployError,
        "initial_instance_count must be at least 1 (got 0)",
        "instance-count-0",
    ),
    case(
        lambda job, client, runtime: job.deploy(endpoint_name="e", initial_instance_count=True),
        TypeError,
        "initial_instance_count must be an int (got bool)",
        "instance-count-bool",
    ),
    case(
        lambda job, client, runtime: job.deploy(endpoint_name="e", serverless_memory_mb=2048.0),
        TypeError,
        "serverless_memory_mb must be an int or None (got float)",
        "serverless-memory-float",
    ),
    case(
        lambda job, client, runtime: job.deploy(endpoint_name="e", wait="no"),
        TypeError,
        "wait must be True or False (got str)",
        "wait-str",
    ),
    case(
        lambda job, client, runtime: job.deploy(endpoint_name="e", timeout=-1),
        ValueError,
        "timeout must be a finite number >= 0 (got -1)",
        "timeout-negative",
    ),
    case(
        lambda job, client, runtime: job.deploy(endpoint_name="e", delay=float("nan")),
        ValueError,
        "delay must be a finite number >= 0 (got nan)",
        "delay-nan",
    ),
    case(
        lambda job, client, runtime: job.deploy(endpoint_name="e", timeout=10**400),
        ValueError,
        "timeout must be a finite number >= 0 (got 100000000000000000...0000000000000000000)",
        "timeout-past-floats",
    ),
    case(
        lambda job, client, runtime: job.transform(
            input_s3_uri="s3://b/in/", output_s3_uri="s3://b/out/", timeout="5"
        ),
        TypeError,
        "timeout must be a number of seconds or None (got str)",
        "timeout-str",
    ),
    case(
        lambda job, client, runtime: job.transform(
            input_s3_uri="s3://b/in/", output_s3_uri="s3://b/out/", instance_count=0
        ),
        DeployError,
        "instance_count must be at least 1 (got 0)",
        "transform-instance-count-0",
    ),
    case(
        lambda job, client, runtime: job.transform(input_s3_uri=1, output_s3_uri="s3://b/out/"),
        TypeError,
        "input_s3_uri must be a string (got int)",
        "input-int",
    ),
    case(
        lambda job, client, runtime: job.transform(
            input_s3_uri="s3://b/in/", output_s3_uri="s3://b/out/", max_payload_mb="0"
        ),
        TypeError,
        "max_payload_mb must be an int or None (got str)",
        "max-payload-str",
    ),
]

HANDLES = [
    case(
        lambda job, client, runtime: deploy.create_model(42),
        TypeError,
        "job must be a job handle such as automl_sdk.Job (got int)",
        "job-int",
    ),
    case(
        lambda job, client, runtime: untyped_job(client).deploy(endpoint_name="e"),
        TypeError,
        "job.name must be a string (got int)",
        "job-name-int",
    ),
    case(
        lambda job, client, runtime: client.endpoint(5),
        TypeError,
        "name must be a string (got int)",
        "endpoint-name-int",
    ),
    case(
        lambda job, client, runtime: client.endpoint("e", runtime_client=object()),
        TypeError,
        "runtime_client must be a sagemaker-runtime client (with invoke_endpoint) or None "
        "(got object)",
        "runtime-client-object",
    ),
    case(
        lambda job, client, runtime: deploy.attach_endpoint(object(), "e"),
        TypeError,
        "client must be an automl_sdk.AutoMLClient (got object)",
        "attach-client-object",
    ),
    case(
        lambda job, client, runtime: deploy.Endpoint(
            name=5,
            arn="a",
            model_name=None,
            endpoint_config_name="c",
            client=client,
        ),
        TypeError,
        "Endpoint.name must be a string (got int)",
        "endpoint-handle-name",
    ),
    case(
        lambda job, client, runtime: deploy.TransformJob(
            name="t",
            arn="a",
            model_name="m",
            output_s3_uri="s3://b/out/",
            client=object(),
        ),
        TypeError,
        "TransformJob.client must be an automl_sdk.AutoMLClient (got object)",
        "transform-handle-client",
    ),
    case(
        lambda job, client, runtime: endpoint(client, runtime).wait(timeout=float("inf")),
        ValueError,
        "timeout must be a finite number >= 0 (got inf)",
        "endpoint-wait-inf",
    ),
    case(
        lambda job, client, runtime: transform_job(client).wait(delay=-0.5),
        ValueError,
        "delay must be a finite number >= 0 (got -0.5)",
        "transform-wait-negative",
    ),
]

PREDICT = [
    case(
        lambda job, client, runtime: endpoint(client, runtime).predict([[1, object()]]),
        TypeError,
        "data[0][1] must be a string, a number or None (got object)",
        "cell-object",
    ),
    case(
        lambda job, client, runtime: endpoint(client, runtime).predict([[10**5000]]),
        DeployError,
        "data[0][0] is an integer with too many digits to write as text",
        "cell-huge-int",
    ),
    case(
        lambda job, client, runtime: endpoint(client, runtime).predict("a,\ud800\n"),
        DeployError,
        "predict data cannot be sent as UTF-8 text (a lone surrogate at index 2)",
        "data-surrogate",
    ),
    case(
        lambda job, client, runtime: endpoint(client, runtime).predict(
            [{1, 2}], content_type="application/json"
        ),
        TypeError,
        "predict data must be JSON values for a JSON content type (Object of type set is not "
        "JSON serializable)",
        "json-set",
    ),
    case(
        lambda job, client, runtime: endpoint(client, runtime).predict(
            deeply_nested(4000, "list"), content_type="application/json"
        ),
        DeployError,
        "predict data is nested too deeply to write as JSON",
        "json-deep",
    ),
    case(
        lambda job, client, runtime: endpoint(client, runtime).predict([[1]], content_type=5),
        TypeError,
        "content_type must be a string (got int)",
        "content-type-int",
    ),
    case(
        lambda job, client, runtime: endpoint(client, runtime).invoke("1,2\n"),
        TypeError,
        "body must be bytes (got str)",
        "invoke-str",
    ),
    case(
        lambda job, client, runtime: endpoint(client, runtime).invoke(b"x" * (SIX_MB + 1)),
        DeployError,
        f"predict payload is too large (got {SIX_MB + 1} bytes; expected at most {SIX_MB}, "
        "InvokeEndpoint's limit); use a batch transform instead",
        "invoke-too-large",
    ),
]

CONTAINERS = [
    case(
        lambda job, client, runtime: deploy.processing_unit(5),
        TypeError,
        "instance_type must be a string or None (got int)",
        "processing-unit-int",
    ),
    case(
        lambda job, client, runtime: deploy.candidate_containers(
            {"InferenceContainers": [{"Image": "i", "Environment": {"A": 1}}]}, None, job_name="j"
        ),
        TypeError,
        "candidate.InferenceContainers[0].Environment['A'] must be a string (got int)",
        "environment-int",
    ),
    case(
        lambda job, client, runtime: deploy.candidate_containers(
            {"InferenceContainerDefinitions": [ensembling_containers()]}, None, job_name="j"
        ),
        TypeError,
        "candidate.InferenceContainerDefinitions must be a mapping of processing units to "
        "containers (got list)",
        "definitions-list",
    ),
    case(
        lambda job, client, runtime: deploy.with_response_keys(
            "containers", ["labels"], candidate_name="c", job_name="j"
        ),
        TypeError,
        "containers must be a list of container definitions (got str)",
        "containers-str",
    ),
    case(
        lambda job, client, runtime: deploy.with_response_keys(
            ensembling_containers(), ["labels"], candidate_name="c", job_name=None
        ),
        TypeError,
        "job_name must be a string (got NoneType)",
        "job-name-none",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), [*TAGS, *VPC, *KEYS, *SCALARS, *HANDLES, *PREDICT, *CONTAINERS]
)
def test_bad_arguments_are_refused_before_any_call(
    job: Job,
    client: AutoMLClient,
    runtime: Any,
    sent: CallCount,
    call: Call,
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error) as caught:
        call(job, client, runtime)

    assert type(caught.value) is error
    assert str(caught.value) == message
    assert sent.calls == []


@pytest.mark.parametrize("command", ["deploy", "transform"])
@pytest.mark.parametrize(("option", "value"), [("--delay", "-1"), ("--timeout", "-0.5")])
def test_a_negative_wait_option_is_a_usage_error_before_any_call(
    command: str, option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from automl_sdk.cli import main

    own = (
        ["--endpoint-name", "e"]
        if command == "deploy"
        else ["--input", "s3://b/i/", "--output", "s3://b/o/"]
    )
    # A call, had one been tried, would go to a port on 127.0.0.1 where nothing listens.
    local = ["--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9"]
    code = main([command, "churn", *own, option, value, *local])

    name = option.removeprefix("--")
    assert (code, capsys.readouterr()) == (
        2,
        (
            "",
            f"automl-sdk: error: bad --timeout/--delay: {name} must be a finite number >= 0 "
            f"(got {float(value)})\n",
        ),
    )
