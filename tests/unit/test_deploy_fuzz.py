"""Hypothesis: every public deploy function and method raises only the errors it documents.

As :mod:`tests.unit.test_public_api_fuzz` does for the rest of the API: arbitrary Python values
(not only JSON: :mod:`tests.support.values`), and valid arguments with one member replaced, go to
``Job.create_model``, ``Job.deploy``, ``Job.transform``, ``AutoMLClient.endpoint``, the
``Endpoint`` and ``TransformJob`` handles (made from arbitrary fields) and their methods and
displays, and the package's container functions. SageMaker and sagemaker-runtime calls go to
botocore's ``Stubber``; each property also asserts that a ``TypeError`` or ``ValueError`` (a
refused argument type or wait number) comes before any call.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import boto3
from botocore.exceptions import ClientError
from botocore.response import StreamingBody
from botocore.stub import Stubber
from hypothesis import example, given
from hypothesis import strategies as st

import automl_sdk.deploy
from automl_sdk import (
    AutoMLClient,
    DeployError,
    Endpoint,
    Job,
    RequestLintError,
    TransformJob,
)
from tests.support import deploy as deploy_support
from tests.support.values import mutated, python_values
from tests.unit.test_public_api_fuzz import FUZZ, UNREACHABLE, names, only

_BOTO = boto3.session.Session(
    aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
)
_SAGEMAKER = _BOTO.client("sagemaker", endpoint_url=UNREACHABLE)
_RUNTIME = _BOTO.client("sagemaker-runtime", endpoint_url=UNREACHABLE)
_CLIENT = AutoMLClient(_SAGEMAKER)
#: The deploy package untyped: the properties pass what its annotations refuse, on purpose.
deploy: Any = automl_sdk.deploy

#: What deploy documents for bad input and refusals (DeployError covers its subclasses).
DOCUMENTED = (TypeError, ValueError, DeployError, RequestLintError, ClientError)
#: Refusals of an argument's type or a wait number: raised before any call.
BEFORE_ANY_CALL = (TypeError, ValueError)

BEST = "churn-best"
VPC = {"Subnets": ["subnet-0123456789abcdef0"], "SecurityGroupIds": ["sg-0123456789abcdef0"]}


def mutated_value(value: Any) -> st.SearchStrategy[Any]:
    """``value`` with one member inside it replaced by an arbitrary value (or replaced whole)."""

    def unwrap(wrapped: Any) -> Any:
        return wrapped.get("value", wrapped) if isinstance(wrapped, dict) else wrapped

    return mutated({"value": value}).map(unwrap)


optional_names = st.none() | names
keys = (
    st.none()
    | st.lists(st.sampled_from(["predicted_label", "probability", "labels", "x"]), max_size=3)
    | python_values
)
vpc_configs = st.none() | python_values | mutated(VPC)
tags = st.one_of(
    st.none(),
    python_values,
    mutated_value([{"Key": "team", "Value": "risk"}, {"Key": "cost", "Value": "42"}]),
    mutated_value({"team": "risk"}),
)
counts = st.integers(-2, 3) | st.booleans() | python_values
optional_counts = st.none() | counts
numbers = st.none() | st.integers(-1, 5) | st.floats() | python_values
#: The best candidate by name (no leaderboard call), none, or anything else.
candidates = st.sampled_from([None, BEST]) | python_values


class CallCount:
    """The API calls botocore began on the clients it watches (``before-parameter-build``)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, **_: Any) -> None:
        self.calls += 1


@contextlib.contextmanager
def stubbed(*clients: Any) -> Iterator[tuple[list[Stubber], CallCount]]:
    """Stubbers on ``clients`` and a count of the calls made through them."""
    count = CallCount()
    with contextlib.ExitStack() as stack:
        stubs = [stack.enter_context(Stubber(client)) for client in clients]
        for client in clients:
            client.meta.events.register("before-parameter-build", count)
            stack.callback(client.meta.events.unregister, "before-parameter-build", count)
        yield stubs, count


def refused_or_done(count: CallCount, call: Callable[[], Any]) -> Any:
    """Run ``call``: only a documented error may come out, and an argument-type or wait-number
    refusal only before any call."""
    outcome = only(DOCUMENTED, call)
    if isinstance(outcome, BEFORE_ANY_CALL):
        assert count.calls == 0, f"{outcome!r} after {count.calls} calls"
    return outcome


def queue_completed_job(stubber: Stubber) -> None:
    best = deploy_support.candidate(BEST, containers=deploy_support.hpo_classification_containers())
    stubber.add_response(
        "describe_auto_ml_job_v2", deploy_support.job_description("churn", best=best)
    )


def churn(client: AutoMLClient = _CLIENT) -> Job:
    return Job(name="churn", arn=deploy_support.arn("automl-job", "churn"), client=client)


# -- the job handle's methods --------------------------------------------------------------

#: Each model argument: what it takes, valid or not (valid values come up often, so that the
#: deeper checks are reached too).
MODEL_ARGUMENTS: dict[str, st.SearchStrategy[Any]] = {
    "candidate": candidates,
    "model_name": optional_names,
    "inference_response_keys": keys,
    "instance_type": optional_names,
    "execution_role_arn": optional_names,
    "vpc_config": vpc_configs,
    "tags": tags,
}
WAIT_ARGUMENTS: dict[str, st.SearchStrategy[Any]] = {
    "wait": st.booleans() | python_values,
    "timeout": numbers,
    "delay": numbers,
}
DEPLOY_ARGUMENTS = {
    **MODEL_ARGUMENTS,
    **WAIT_ARGUMENTS,
    "endpoint_name": names,
    "initial_instance_count": counts,
    "serverless_memory_mb": optional_counts,
    "serverless_max_concurrency": optional_counts,
    "kms_key_id": optional_names,
    "endpoint_config_name": optional_names,
}
TRANSFORM_ARGUMENTS = {
    **MODEL_ARGUMENTS,
    **WAIT_ARGUMENTS,
    "input_s3_uri": names,
    "output_s3_uri": names,
    "instance_count": counts,
    "content_type": names,
    "split_type": optional_names,
    "accept": optional_names,
    "job_name": optional_names,
    "max_payload_mb": optional_counts,
    "invocations_timeout_seconds": optional_counts,
    "kms_key_id": optional_names,
}
VALID_MODEL = {"tags": {"team": "risk"}, "vpc_config": VPC, "inference_response_keys": ["labels"]}


@st.composite
def arguments(
    draw: st.DrawFn, valid: dict[str, Any], choices: dict[str, st.SearchStrategy[Any]]
) -> dict[str, Any]:
    """``valid`` keyword arguments with up to three of ``choices`` drawn (maybe invalid)."""
    chosen = draw(st.lists(st.sampled_from(sorted(choices)), max_size=3, unique=True))
    return {**valid, **{name: draw(choices[name]) for name in chosen}}


@FUZZ
@example(kwargs={"tags": 1})
@example(kwargs={"tags": [{"K": "v"}]})
@example(kwargs={"vpc_config": {"Subnets": [b"s"], "SecurityGroupIds": [object()]}})
@given(kwargs=arguments(VALID_MODEL, MODEL_ARGUMENTS))
def test_create_model_raises_only_documented_errors(kwargs: dict[str, Any]) -> None:
    with stubbed(_SAGEMAKER) as ([stubber], count):
        queue_completed_job(stubber)
        stubber.add_client_error("create_model", "ValidationException", "refused by the stub")
        refused_or_done(count, lambda: churn().create_model(**kwargs))


@FUZZ
@given(kwargs=arguments({**VALID_MODEL, "endpoint_name": "churn"}, DEPLOY_ARGUMENTS))
def test_deploy_raises_only_documented_errors(kwargs: dict[str, Any]) -> None:
    with stubbed(_SAGEMAKER) as ([stubber], calls):
        queue_completed_job(stubber)
        stubber.add_client_error("describe_endpoint", "ValidationException", "Could not find it")
        stubber.add_client_error("create_model", "ValidationException", "refused by the stub")
        refused_or_done(calls, lambda: churn().deploy(**kwargs))


@FUZZ
@given(
    kwargs=arguments(
        {**VALID_MODEL, "input_s3_uri": "s3://b/in/", "output_s3_uri": "s3://b/out/"},
        TRANSFORM_ARGUMENTS,
    )
)
def test_transform_raises_only_documented_errors(kwargs: dict[str, Any]) -> None:
    with stubbed(_SAGEMAKER) as ([stubber], calls):
        queue_completed_job(stubber)
        stubber.add_client_error("create_model", "ValidationException", "refused by the stub")
        refused_or_done(calls, lambda: churn().transform(**kwargs))


@FUZZ
@given(job=python_values | st.builds(Job, name=names, arn=names, client=st.just(_CLIENT)))
def test_the_package_functions_take_any_job(job: Any) -> None:
    makes = [
        (lambda: deploy.create_model(job), []),
        (lambda: deploy.deploy(job, endpoint_name="churn"), ["describe_endpoint"]),
        (lambda: deploy.transform(job, input_s3_uri="s3://b/i/", output_s3_uri="s3://b/o/"), []),
    ]
    for make, reads in makes:
        with stubbed(_SAGEMAKER) as ([stubber], calls):
            queue_completed_job(stubber)
            for read in reads:  # each finds nothing
                stubber.add_client_error(read, "ValidationException", "Could not find it")
            stubber.add_client_error("create_model", "ValidationException", "refused by the stub")
            refused_or_done(calls, make)


# -- attaching to an endpoint, and the handles ------------------------------------------------

runtime_clients = st.none() | st.just(_RUNTIME) | python_values


@FUZZ
@given(name=names, runtime_client=runtime_clients)
def test_client_endpoint_raises_only_documented_errors(name: Any, runtime_client: Any) -> None:
    with stubbed(_SAGEMAKER) as ([stubber], calls):
        stubber.add_response("describe_endpoint", endpoint_described("churn"))
        stubber.add_response("describe_endpoint_config", config_described("churn"))
        stubber.add_response("list_tags", {"Tags": []})
        attached = refused_or_done(
            calls, lambda: _CLIENT.endpoint(name, runtime_client=runtime_client)
        )
    if isinstance(attached, Endpoint):
        assert (attached.name, attached.runtime_client) == (name, runtime_client)


def endpoint_described(name: str, status: str = "InService") -> dict[str, Any]:
    return {
        "EndpointName": name,
        "EndpointArn": deploy_support.arn("endpoint", name),
        "EndpointConfigName": name,
        "EndpointStatus": status,
        "CreationTime": deploy_support.WHEN,
        "LastModifiedTime": deploy_support.WHEN,
    }


def config_described(name: str) -> dict[str, Any]:
    variant = {"VariantName": "AllTraffic", "ModelName": name, "InitialInstanceCount": 1}
    return {
        "EndpointConfigName": name,
        "EndpointConfigArn": deploy_support.arn("endpoint-config", name),
        "ProductionVariants": [{**variant, "InstanceType": "ml.m5.large"}],
        "CreationTime": deploy_support.WHEN,
    }


handle_fields = st.fixed_dictionaries(
    {
        "name": names,
        "arn": names,
        "client": st.just(_CLIENT) | python_values,
        "job_name": optional_names,
    }
)


@FUZZ
@given(
    fields=handle_fields,
    model_name=optional_names,
    config_name=names,
    runtime_client=runtime_clients,
)
def test_endpoint_handles_take_any_fields_and_show_themselves(
    fields: dict[str, Any], model_name: Any, config_name: Any, runtime_client: Any
) -> None:
    made = only(
        (TypeError, DeployError),
        lambda: Endpoint(
            **fields,
            model_name=model_name,
            endpoint_config_name=config_name,
            runtime_client=runtime_client,
        ),
    )
    if isinstance(made, Endpoint):
        assert made._repr_html_().startswith("<")
        assert made.resources[-1] == ("Endpoint", made.name)


#: A handle on the endpoint "churn" whose runtime client is stubbed.
ENDPOINT = Endpoint(
    name="churn",
    arn=deploy_support.arn("endpoint", "churn"),
    model_name="churn",
    endpoint_config_name="churn",
    client=_CLIENT,
    runtime_client=_RUNTIME,
)
rows = st.lists(
    st.lists(python_values | st.text(max_size=4) | st.integers(), max_size=3), max_size=3
)
content_types = st.sampled_from(["text/csv", "application/json", "application/jsonlines"]) | names


@FUZZ
@given(
    data=python_values | rows | st.text() | st.binary(),
    content_type=content_types,
    accept=optional_names,
)
def test_predict_raises_only_documented_errors(data: Any, content_type: Any, accept: Any) -> None:
    with stubbed(_SAGEMAKER, _RUNTIME) as ([_, runtime], calls):
        runtime.add_response(
            "invoke_endpoint",
            {"Body": StreamingBody(io.BytesIO(b"1\n"), 2), "ContentType": "text/csv"},
        )
        answer = refused_or_done(
            calls, lambda: ENDPOINT.predict(data, content_type=content_type, accept=accept)
        )
    if not isinstance(answer, Exception):
        assert answer == [["1"]]


@FUZZ
@given(body=python_values | st.binary(), content_type=content_types, accept=optional_names)
def test_invoke_raises_only_documented_errors(body: Any, content_type: Any, accept: Any) -> None:
    with stubbed(_SAGEMAKER, _RUNTIME) as ([_, runtime], calls):
        runtime.add_response(
            "invoke_endpoint", {"Body": StreamingBody(io.BytesIO(b"1"), 1), "ContentType": "x/y"}
        )
        refused_or_done(
            calls, lambda: ENDPOINT.invoke(body, content_type=content_type, accept=accept)
        )


@FUZZ
@given(name=names, timeout=numbers, delay=numbers)
def test_endpoint_methods_raise_only_documented_errors(name: Any, timeout: Any, delay: Any) -> None:
    handle = only((TypeError, DeployError), lambda: attrs.evolve(ENDPOINT, name=name))
    if not isinstance(handle, Endpoint):
        return
    with stubbed(_SAGEMAKER) as ([stubber], calls):
        stubber.add_response("describe_endpoint", endpoint_described("churn"))
        refused_or_done(calls, handle.describe)
    with stubbed(_SAGEMAKER) as ([stubber], calls):
        stubber.add_response("describe_endpoint", endpoint_described("churn"))
        refused_or_done(calls, lambda: handle.wait(timeout=timeout, delay=delay))
    with stubbed(_SAGEMAKER) as ([stubber], calls):
        stubber.add_response("describe_endpoint", endpoint_described("churn"))
        stubber.add_client_error(
            "describe_endpoint_config", "ValidationException", "Could not find it"
        )
        stubber.add_response("delete_endpoint", {})
        refused_or_done(calls, handle.delete)


@FUZZ
@given(fields=handle_fields, model_name=names, output=names, timeout=numbers, delay=numbers)
def test_transform_job_handles_raise_only_documented_errors(
    fields: dict[str, Any], model_name: Any, output: Any, timeout: Any, delay: Any
) -> None:
    made = only(
        (TypeError, DeployError),
        lambda: TransformJob(**fields, model_name=model_name, output_s3_uri=output),
    )
    if not isinstance(made, TransformJob):
        return
    assert made._repr_html_().startswith("<")
    described = transform_described()
    with stubbed(_SAGEMAKER) as ([stubber], calls):
        stubber.add_response("describe_transform_job", described)
        refused_or_done(calls, made.describe)
    with stubbed(_SAGEMAKER) as ([stubber], calls):
        stubber.add_response("describe_transform_job", described)
        refused_or_done(calls, lambda: made.wait(timeout=timeout, delay=delay))


def transform_described() -> dict[str, Any]:
    return {
        "TransformJobName": "churn-batch",
        "TransformJobArn": deploy_support.arn("transform-job", "churn-batch"),
        "TransformJobStatus": "Completed",
        "ModelName": "churn",
        "TransformInput": {
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/i/"}}
        },
        "TransformResources": {"InstanceType": "ml.m5.large", "InstanceCount": 1},
        "CreationTime": deploy_support.WHEN,
    }


# -- the container functions ------------------------------------------------------------------

CANDIDATE = deploy_support.candidate(
    "c",
    containers=deploy_support.hpo_classification_containers(),
    definitions=deploy_support.image_definitions(),
)


@FUZZ
@given(
    candidate=python_values | mutated(CANDIDATE),
    instance_type=optional_names,
    job_name=names,
    keys=keys,
)
def test_container_functions_raise_only_documented_errors(
    candidate: Any, instance_type: Any, job_name: Any, keys: Any
) -> None:
    unit = only((TypeError, DeployError), lambda: deploy.processing_unit(instance_type))
    assert isinstance(unit, Exception) or unit in ("CPU", "GPU")
    chosen = only(
        (TypeError, DeployError),
        lambda: deploy.candidate_containers(candidate, instance_type, job_name=job_name),
    )
    containers = candidate.get("InferenceContainers") if isinstance(candidate, dict) else candidate
    only(
        (TypeError, DeployError),
        lambda: deploy.with_response_keys(containers, keys, candidate_name="c", job_name=job_name),
    )
    if isinstance(chosen, list):
        assert all(
            set(container) <= {"Image", "ModelDataUrl", "Environment"} for container in chosen
        )
