"""Batch transform: a candidate's model over an S3 prefix of data (``CreateTransformJob``).

Waits with botocore's ``transform_job_completed_or_stopped`` waiter. For time-series forecasting
jobs the documented settings are the defaults: ``SplitType=None``, ``MaxPayloadInMB=0`` and
``ModelClientConfig.InvocationsTimeoutInSeconds=3600``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk.deploy import _arguments, _aws, _watch
from automl_sdk.deploy._arguments import checked, field_rule
from automl_sdk.deploy._model import ModelChoice, ensure_model, model_request
from automl_sdk.deploy._source import Source, resolve_source
from automl_sdk.errors import DeployConflictError, Resource

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient
    from automl_sdk.deploy._aws import Tags
    from automl_sdk.deploy._job import JobHandle
    from automl_sdk.shapes import DescribeTransformJobResponse

__all__ = ["TransformJob", "transform"]

#: The documented batch settings of time-series forecasting models.
TIME_SERIES_SPLIT_TYPE = "None"
TIME_SERIES_MAX_PAYLOAD_MB = 0
TIME_SERIES_INVOCATIONS_TIMEOUT_SECONDS = 3600


@attrs.frozen(kw_only=True)
class TransformJob:
    """A handle on one batch transform job.

    Attributes:
        name: the transform job name.
        arn: its ARN.
        model_name: the model it runs.
        output_s3_uri: where its results are written (one ``<input file>.out`` per input file).
        client: the :class:`~automl_sdk.AutoMLClient` whose SageMaker client runs it.
        job_name: the AutoML job its model came from, when known.

    Raises:
        TypeError, DeployError: made with a bad field, as :class:`~automl_sdk.Endpoint`.
    """

    name: str = attrs.field(validator=field_rule(_arguments.text))
    arn: str = attrs.field(validator=field_rule(_arguments.text))
    model_name: str = attrs.field(validator=field_rule(_arguments.text))
    output_s3_uri: str = attrs.field(validator=field_rule(_arguments.text))
    client: AutoMLClient = attrs.field(
        repr=False, eq=False, validator=field_rule(_arguments.automl_client)
    )
    job_name: str | None = attrs.field(default=None, validator=field_rule(_arguments.optional_text))

    @property
    def resources(self) -> list[Resource]:
        """The model and transform job this handle names, as ``(kind, name)``."""
        return [("Model", self.model_name), ("TransformJob", self.name)]

    def _repr_html_(self) -> str:
        from automl_sdk._display import deploy_handle_html

        return deploy_handle_html(self)

    def describe(self) -> DescribeTransformJobResponse:
        """The typed ``DescribeTransformJob`` response.

        Raises:
            RequestLintError: the job name breaks the service model's constraints.
            botocore.exceptions.ClientError: AWS refused the call (e.g. no such transform job).
        """
        from automl_sdk.shapes import DescribeTransformJobResponse

        return _watch.describe(_watch.TRANSFORM_JOB, self, DescribeTransformJobResponse)

    @checked
    def wait(
        self, *, timeout: float | None = None, delay: float | None = None
    ) -> DescribeTransformJobResponse:
        """Wait until the job is ``Completed`` with botocore's
        ``transform_job_completed_or_stopped`` waiter (every ``delay`` seconds, default 60, for at
        most ``timeout`` seconds, default botocore's 60 attempts); return its typed description.

        Raises:
            TypeError: ``timeout`` or ``delay`` is not a number (or ``None``).
            ValueError: ``timeout`` or ``delay`` is negative, NaN or infinite.
            DeployFailedError: the job ended ``Failed`` (with its ``FailureReason``) or
                ``Stopped``, or disappeared.
            DeployTimeoutError: ``timeout`` passed; the job keeps running.
            RequestLintError: the job name breaks the service model's constraints.
            botocore.exceptions.ClientError: an AWS error the waiter does not accept.
        """
        from automl_sdk.shapes import DescribeTransformJobResponse

        shape = DescribeTransformJobResponse
        return _watch.wait(_watch.TRANSFORM_JOB, self, shape, timeout=timeout, delay=delay)


@attrs.frozen(kw_only=True)
class BatchSettings:
    """The arguments of ``transform`` that set the transform job, as its rules checked them."""

    input_s3_uri: str
    output_s3_uri: str
    instance_type: str
    instance_count: int
    content_type: str
    split_type: str | None
    accept: str | None
    max_payload_mb: int | None
    invocations_timeout_seconds: int | None
    kms_key_id: str | None


@checked
def transform(
    job: JobHandle,
    *,
    input_s3_uri: str,
    output_s3_uri: str,
    instance_type: str = "ml.m5.large",
    instance_count: int = 1,
    content_type: str = "text/csv",
    split_type: str | None = None,
    accept: str | None = None,
    candidate: str | None = None,
    inference_response_keys: Sequence[str] | None = None,
    job_name: str | None = None,
    wait: bool = True,
    timeout: float | None = None,
    delay: float | None = None,
    model_name: str | None = None,
    max_payload_mb: int | None = None,
    invocations_timeout_seconds: int | None = None,
    kms_key_id: str | None = None,
    tags: Tags = None,
    execution_role_arn: str | None = None,
    vpc_config: Mapping[str, Any] | None = None,
) -> TransformJob:
    """Run a candidate of this Completed job over ``input_s3_uri`` as a batch transform
    (``Job.transform``); results go to ``output_s3_uri``.

    ``split_type`` defaults to ``"Line"`` (and the output is assembled by line). For time-series
    jobs the documented settings apply unless given: ``SplitType`` ``"None"``, ``max_payload_mb``
    0 and ``invocations_timeout_seconds`` 3600. ``job_name`` is the transform job's name, default
    ``<AutoML job name>-<UTC time>``; the model (named as by
    :meth:`~automl_sdk.Job.create_model`) is reused across runs. ``kms_key_id`` encrypts the
    output (default the job's ``OutputDataConfig.KmsKeyId``); the job's volume key carries over.
    With ``wait`` (default) it waits with botocore's ``transform_job_completed_or_stopped``
    waiter, every ``delay`` seconds (default 60) for at most ``timeout`` seconds.

    Raises:
        TypeError: an argument is not of its type (the message names it, the type given and
            what is allowed), as for :meth:`~automl_sdk.Job.create_model`; also a count, size
            or timeout that is not an ``int`` (a ``bool`` is not taken), ``wait`` not a
            ``bool``, or ``timeout`` / ``delay`` not a number.
        ValueError: ``timeout`` or ``delay`` is negative, NaN or infinite; nothing was sent.
        DeployError: an argument's value is refused before anything is sent, as for
            ``create_model``, or ``instance_count`` is below 1; or as ``create_model`` refuses
            the job or candidate, before anything is created.
        DeployConflictError: a transform job of that name exists with another model or location.
        DeployFailedError: the transform job ended Failed (its FailureReason) or Stopped, or its
            create call was refused.
        DeployTimeoutError: ``timeout`` passed; the transform job keeps running.
        RequestLintError: a request breaks the service model's constraints; nothing was sent.
        botocore.exceptions.ClientError: AWS refused a read or the model's create call.
    """
    given = locals()  # the checked arguments by name, before any other local
    choice, settings = (
        _arguments.picked(ModelChoice, given),
        _arguments.picked(BatchSettings, given),
    )
    client, automl_job_name = job.client, job.name
    source = resolve_source(client, automl_job_name, choice.candidate)
    model = model_request(source, choice, instance_type=instance_type)
    request = transform_request(
        source,
        settings,
        model_name=model["ModelName"],
        name=job_name or _default_name(automl_job_name),
    )
    request["Tags"] = _aws.tag_list(choice.tags, {_aws.CREATED_BY_JOB: automl_job_name})
    _aws.lint_request("CreateModel", model)
    _aws.lint_request("CreateTransformJob", request)
    ensure_model(client.sagemaker_client, model, job_name=automl_job_name)
    handle = _start(client, request, automl_job_name)
    if wait:
        handle.wait(timeout=timeout, delay=delay)
    return handle


def _default_name(job_name: str) -> str:
    return f"{job_name}-{datetime.datetime.now(datetime.timezone.utc):%Y%m%d-%H%M%S}"


def transform_request(
    source: Source, settings: BatchSettings, *, model_name: str, name: str
) -> dict[str, Any]:
    """The CreateTransformJob request (without tags), time-series defaults applied."""
    split_type, max_payload_mb = settings.split_type, settings.max_payload_mb
    timeout = settings.invocations_timeout_seconds
    if split_type is None:
        split_type = TIME_SERIES_SPLIT_TYPE if source.time_series else "Line"
    if source.time_series:
        if max_payload_mb is None:
            max_payload_mb = TIME_SERIES_MAX_PAYLOAD_MB
        if timeout is None:
            timeout = TIME_SERIES_INVOCATIONS_TIMEOUT_SECONDS
    output: dict[str, Any] = {"S3OutputPath": settings.output_s3_uri}
    if settings.accept is not None:
        output["Accept"] = settings.accept
    if split_type == "Line":
        output["AssembleWith"] = "Line"  # one output line per input line
    output_key = settings.kms_key_id or source.output_kms_key_id
    if output_key:
        output["KmsKeyId"] = output_key
    resources: dict[str, Any] = {
        "InstanceType": settings.instance_type,
        "InstanceCount": settings.instance_count,
    }
    if source.volume_kms_key_id:
        resources["VolumeKmsKeyId"] = source.volume_kms_key_id
    s3 = {"S3DataType": "S3Prefix", "S3Uri": settings.input_s3_uri}
    request: dict[str, Any] = {
        "TransformJobName": name,
        "ModelName": model_name,
        "TransformInput": {
            "DataSource": {"S3DataSource": s3},
            "ContentType": settings.content_type,
            "SplitType": split_type,
        },
        "TransformOutput": output,
        "TransformResources": resources,
    }
    if max_payload_mb is not None:
        request["MaxPayloadInMB"] = max_payload_mb
    if timeout is not None:
        request["ModelClientConfig"] = {"InvocationsTimeoutInSeconds": timeout}
    return request


def _start(client: AutoMLClient, request: dict[str, Any], job_name: str) -> TransformJob:
    """Create the transform job; a re-run with the same name, model and locations reuses it."""
    from botocore.exceptions import ClientError

    sagemaker = client.sagemaker_client
    name = request["TransformJobName"]
    try:
        arn = _aws.send(sagemaker, "CreateTransformJob", request)["TransformJobArn"]
    except ClientError as exc:
        if not _aws.already_exists(exc):
            made: list[Resource] = [("Model", request["ModelName"])]
            step = ("TransformJob", name)
            raise _aws.create_refused(exc, step, resources=made, job_name=job_name) from exc
        arn = _existing(sagemaker, request, job_name)
    return TransformJob(
        name=name,
        arn=arn,
        model_name=request["ModelName"],
        output_s3_uri=request["TransformOutput"]["S3OutputPath"],
        client=client,
        job_name=job_name,
    )


def _existing(sagemaker: Any, request: dict[str, Any], job_name: str) -> str:
    name = request["TransformJobName"]
    have = _aws.send(sagemaker, "DescribeTransformJob", {"TransformJobName": name})
    paths = {
        "ModelName": (request["ModelName"], have.get("ModelName")),
        "TransformInput.DataSource.S3DataSource.S3Uri": (
            request["TransformInput"]["DataSource"]["S3DataSource"]["S3Uri"],
            have.get("TransformInput", {})
            .get("DataSource", {})
            .get("S3DataSource", {})
            .get("S3Uri"),
        ),
        "TransformOutput.S3OutputPath": (
            request["TransformOutput"]["S3OutputPath"],
            have.get("TransformOutput", {}).get("S3OutputPath"),
        ),
    }
    differing = [path for path, (wanted, found) in paths.items() if wanted != found]
    if differing:
        raise DeployConflictError(
            kind="TransformJob",
            name=name,
            reason=f"it differs in {', '.join(differing)}",
            job_name=job_name,
        )
    return str(have["TransformJobArn"])
