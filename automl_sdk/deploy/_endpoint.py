"""Real-time endpoints: deploy a candidate, attach to an endpoint, predict, delete.

``deploy`` makes three resources, named after the endpoint unless given: the model
(``CreateModel``), its endpoint config (``CreateEndpointConfig``) and the endpoint
(``CreateEndpoint``), then waits with botocore's ``endpoint_in_service`` waiter. Each carries the
tag ``automl-sdk:auto-ml-job`` (the job it came from); the model and config also carry
``automl-sdk:endpoint`` (the endpoint they were made for), which is how :meth:`Endpoint.delete`
knows what deploy made and removes only that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk.deploy import _arguments, _aws, _watch
from automl_sdk.deploy._arguments import checked, field_rule
from automl_sdk.deploy._aws import Tags
from automl_sdk.deploy._model import ModelChoice, ensure_model, model_differences, model_request
from automl_sdk.deploy._predict import check_size, decode_body, encode_body
from automl_sdk.deploy._source import resolve_source
from automl_sdk.errors import DeployConflictError, Resource

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient
    from automl_sdk.deploy._job import JobHandle
    from automl_sdk.shapes import DescribeEndpointOutput

__all__ = ["Endpoint", "attach_endpoint", "deploy"]

VARIANT_NAME = "AllTraffic"
#: Members of the production variant compared when an endpoint config of that name exists.
_VARIANT_MEMBERS = ("VariantName", "ModelName", "InstanceType", "InitialInstanceCount")


@attrs.frozen(kw_only=True)
class Endpoint:
    """A handle on one SageMaker real-time endpoint.

    Attributes:
        name: the endpoint name.
        arn: the endpoint ARN.
        model_name: the model its (first) production variant serves.
        endpoint_config_name: its endpoint config.
        client: the :class:`~automl_sdk.AutoMLClient` whose SageMaker client manages it.
        runtime_client: the ``sagemaker-runtime`` client :meth:`predict` uses; made on first
            use beside the SageMaker client when ``None`` (see :meth:`AutoMLClient.client_for <automl_sdk.AutoMLClient.client_for>`).
        job_name: the AutoML job it was deployed from, when known.

    Raises:
        TypeError: a field is not of its type when the handle is made (``client`` not an
            ``AutoMLClient``, a name not a string).
        DeployError: a name has a lone surrogate.
    """

    name: str = attrs.field(validator=field_rule(_arguments.text))
    arn: str = attrs.field(validator=field_rule(_arguments.text))
    model_name: str | None = attrs.field(validator=field_rule(_arguments.optional_text))
    endpoint_config_name: str = attrs.field(validator=field_rule(_arguments.text))
    client: AutoMLClient = attrs.field(
        repr=False, eq=False, validator=field_rule(_arguments.automl_client)
    )
    runtime_client: Any = attrs.field(
        default=None, repr=False, eq=False, validator=field_rule(_arguments.runtime_client)
    )
    job_name: str | None = attrs.field(default=None, validator=field_rule(_arguments.optional_text))

    @property
    def resources(self) -> list[Resource]:
        """The model, endpoint config and endpoint this handle names, as ``(kind, name)``."""
        found: list[Resource] = []
        if self.model_name:
            found.append(("Model", self.model_name))
        return [*found, ("EndpointConfig", self.endpoint_config_name), ("Endpoint", self.name)]

    def _repr_html_(self) -> str:
        from automl_sdk._display import deploy_handle_html

        return deploy_handle_html(self)

    def describe(self) -> DescribeEndpointOutput:
        """The typed ``DescribeEndpoint`` response.

        Raises:
            RequestLintError: the endpoint name breaks the service model's constraints.
            botocore.exceptions.ClientError: AWS refused the call (e.g. no such endpoint).
        """
        from automl_sdk.shapes import DescribeEndpointOutput

        return _watch.describe(_watch.ENDPOINT, self, DescribeEndpointOutput)

    @checked
    def wait(
        self, *, timeout: float | None = None, delay: float | None = None
    ) -> DescribeEndpointOutput:
        """Wait until the endpoint is ``InService`` with botocore's ``endpoint_in_service``
        waiter (every ``delay`` seconds, default 30, for at most ``timeout`` seconds, default
        botocore's 120 attempts) and return its typed description.

        Raises:
            TypeError: ``timeout`` or ``delay`` is not a number (or ``None``).
            ValueError: ``timeout`` or ``delay`` is negative, NaN or infinite.
            DeployFailedError: the endpoint ended ``Failed`` (with its ``FailureReason`` and the
                resources that exist) or disappeared.
            DeployTimeoutError: ``timeout`` passed; the endpoint is left as it is.
            RequestLintError: the endpoint name breaks the service model's constraints.
            botocore.exceptions.ClientError: an AWS error the waiter does not accept.
        """
        from automl_sdk.shapes import DescribeEndpointOutput

        shape = DescribeEndpointOutput
        return _watch.wait(_watch.ENDPOINT, self, shape, timeout=timeout, delay=delay)

    @checked
    def predict(
        self, data: Any, *, content_type: str = "text/csv", accept: str | None = None
    ) -> Any:
        """Send ``data`` to the endpoint (``InvokeEndpoint``) and return the decoded response.

        ``data`` is rows (a list of lists of strings, numbers or ``None``, sent as CSV, or any
        JSON value list with a JSON ``content_type``), a string, or bytes. The response is
        decoded by its content type: CSV into rows of strings, JSON into its value, JSON Lines
        into a list, other text into a string, else bytes.

        Raises:
            TypeError: ``data`` is not rows, a string or bytes (or, with a JSON content type, not
                JSON-serializable), a CSV cell is not a string, number or ``None``, or
                ``content_type`` / ``accept`` is not a string.
            DeployError: ``data`` cannot be written (text with a lone surrogate, an integer past
                Python's digit limit, nesting deeper than Python can write) or is larger than
                InvokeEndpoint's 6 MB; nothing was sent.
            ValueError: the answer is not valid for its content type (not UTF-8, not JSON).
            botocore.exceptions.ClientError: AWS refused the call (e.g. no such endpoint).
        """
        body, answered_type = self.invoke(
            encode_body(data, content_type), content_type=content_type, accept=accept
        )
        return decode_body(body, answered_type)

    @checked
    def invoke(
        self, body: bytes, *, content_type: str = "text/csv", accept: str | None = None
    ) -> tuple[bytes, str | None]:
        """Send ``body`` as it is (``InvokeEndpoint``); return the response body and its
        content type, undecoded.

        Raises:
            TypeError: ``body`` is not bytes, or ``content_type`` / ``accept`` is not a string.
            DeployError: ``body`` is larger than InvokeEndpoint's 6 MB, or a content type has a
                lone surrogate; nothing was sent.
            botocore.exceptions.ClientError: AWS refused the call (e.g. no such endpoint).
        """
        check_size(body)
        runtime = self.runtime_client
        if runtime is None:
            runtime = self.client.client_for("sagemaker-runtime")
            object.__setattr__(self, "runtime_client", runtime)  # made once, on first use
        request: dict[str, Any] = {
            "EndpointName": self.name,
            "Body": body,
            "ContentType": content_type,
        }
        if accept is not None:
            request["Accept"] = accept
        response = runtime.invoke_endpoint(**request)
        return response["Body"].read(), response.get("ContentType")

    def delete(self) -> dict[str, Any]:
        """Delete the endpoint, and its config and model when deploy made them for it.

        A config or model that lacks the ``automl-sdk:endpoint`` tag naming this endpoint (made
        by hand, by ``create_model``, or shared) is left alone. Returns what was deleted:
        ``{"EndpointName", "EndpointConfigName" (or None), "ModelNames"}``.

        Raises:
            RequestLintError: a name breaks the service model's constraints; nothing was deleted.
            botocore.exceptions.ClientError: AWS refused a call (e.g. no such endpoint).
        """
        sagemaker = self.client.sagemaker_client
        described = _aws.send(sagemaker, "DescribeEndpoint", {"EndpointName": self.name})
        config_name = described["EndpointConfigName"]
        config = _aws.describe_or_none(
            sagemaker, "DescribeEndpointConfig", {"EndpointConfigName": config_name}
        )
        own_config = config is not None and self._made_for_me(config["EndpointConfigArn"])
        models = []
        for variant in (config or {}).get("ProductionVariants", ()):
            model = _aws.describe_or_none(
                sagemaker, "DescribeModel", {"ModelName": variant["ModelName"]}
            )
            if model is not None and self._made_for_me(model["ModelArn"]):
                models.append(model["ModelName"])
        _aws.send(sagemaker, "DeleteEndpoint", {"EndpointName": self.name})
        if own_config:
            _aws.send(sagemaker, "DeleteEndpointConfig", {"EndpointConfigName": config_name})
        for model_name in models:
            _aws.send(sagemaker, "DeleteModel", {"ModelName": model_name})
        return {
            "EndpointName": self.name,
            "EndpointConfigName": config_name if own_config else None,
            "ModelNames": models,
        }

    def _made_for_me(self, arn: str) -> bool:
        tags = _aws.tags_of(self.client.sagemaker_client, arn)
        return tags.get(_aws.CREATED_FOR_ENDPOINT) == self.name


@checked
def attach_endpoint(client: AutoMLClient, name: str, *, runtime_client: Any = None) -> Endpoint:
    """A handle on the existing endpoint ``name`` (``DescribeEndpoint`` and its config);
    ``runtime_client`` is the ``sagemaker-runtime`` client :meth:`Endpoint.predict` uses.

    Raises:
        TypeError: ``client`` is not an :class:`~automl_sdk.AutoMLClient`, ``name`` not a
            string, or ``runtime_client`` has no ``invoke_endpoint``.
        DeployError: ``name`` has a lone surrogate.
        RequestLintError: ``name`` breaks the service model's constraints; nothing was sent.
        botocore.exceptions.ClientError: there is no such endpoint, or AWS refused a call.
    """
    sagemaker = client.sagemaker_client
    described = _aws.send(sagemaker, "DescribeEndpoint", {"EndpointName": name})
    config_name = described["EndpointConfigName"]
    config = _aws.describe_or_none(
        sagemaker, "DescribeEndpointConfig", {"EndpointConfigName": config_name}
    )
    variants = (config or {}).get("ProductionVariants") or [{}]
    tags = _aws.tags_of(sagemaker, described["EndpointArn"])
    return Endpoint(
        name=name,
        arn=described["EndpointArn"],
        model_name=variants[0].get("ModelName"),
        endpoint_config_name=config_name,
        client=client,
        runtime_client=runtime_client,
        job_name=tags.get(_aws.CREATED_BY_JOB),
    )


@checked
def deploy(
    job: JobHandle,
    *,
    endpoint_name: str,
    instance_type: str = "ml.m5.large",
    initial_instance_count: int = 1,
    serverless_memory_mb: int | None = None,
    serverless_max_concurrency: int | None = None,
    candidate: str | None = None,
    inference_response_keys: Sequence[str] | None = None,
    kms_key_id: str | None = None,
    tags: Tags = None,
    wait: bool = True,
    timeout: float | None = None,
    delay: float | None = None,
    model_name: str | None = None,
    endpoint_config_name: str | None = None,
    execution_role_arn: str | None = None,
    vpc_config: Mapping[str, Any] | None = None,
) -> Endpoint:
    """Deploy a candidate of this Completed job to a real-time endpoint (``Job.deploy``).

    Makes the model, the endpoint config and the endpoint, named after the endpoint unless
    ``model_name``/``endpoint_config_name`` are given. With ``serverless_memory_mb`` and
    ``serverless_max_concurrency`` the endpoint is serverless (instance type and count are then
    not used). ``kms_key_id`` encrypts the instances' storage volume; default the job's
    ``SecurityConfig.VolumeKmsKeyId`` (not for serverless endpoints, which have no volume).
    ``candidate``, ``inference_response_keys``, ``execution_role_arn``, ``vpc_config`` and
    ``tags`` are as in :meth:`~automl_sdk.Job.create_model`. With ``wait`` (default) it waits with
    botocore's ``endpoint_in_service`` waiter, every ``delay`` seconds (default 30) for at most
    ``timeout`` seconds (default botocore's 120 attempts).

    Every request is built and linted before the first one is sent. Re-running with the same
    names returns the existing endpoint when it serves the same model.

    Raises:
        TypeError: an argument is not of its type (the message names it, the type given and
            what is allowed), as for :meth:`~automl_sdk.Job.create_model`; also a count or memory
            size that is not an ``int`` (a ``bool`` is not taken), ``wait`` not a ``bool``, or
            ``timeout`` / ``delay`` not a number.
        ValueError: ``timeout`` or ``delay`` is negative, NaN or infinite; nothing was sent.
        DeployError: an argument's value is refused before anything is sent, as for
            ``create_model``, or ``initial_instance_count`` is below 1; or the job is not
            Completed (with its FailureReason), has no candidate with a model, has no candidate
            of that name, or a response key is not supported by the candidate; nothing is
            created.
        DeployConflictError: the endpoint name is used by an endpoint this job did not make, or by
            one serving another model; nothing is created.
        DeployFailedError: the endpoint ended Failed (its FailureReason, and which resources
            exist), or a later create call was refused.
        DeployTimeoutError: ``timeout`` passed before the endpoint was InService.
        RequestLintError: a request breaks the service model's constraints; nothing was sent.
        botocore.exceptions.ClientError: AWS refused a read or the first create call.
    """
    choice = _arguments.picked(ModelChoice, locals())  # the checked arguments by name
    client, job_name = job.client, job.name
    source = resolve_source(client, job_name, choice.candidate)
    serverless = _without_none(
        MemorySizeInMB=serverless_memory_mb, MaxConcurrency=serverless_max_concurrency
    )
    own = {_aws.CREATED_BY_JOB: job_name, _aws.CREATED_FOR_ENDPOINT: endpoint_name}
    model = model_request(
        source,
        attrs.evolve(choice, model_name=model_name or endpoint_name),
        instance_type=None if serverless else instance_type,
        own_tags=own,
    )
    variant: dict[str, Any] = {"VariantName": VARIANT_NAME, "ModelName": model["ModelName"]}
    if serverless:
        variant["ServerlessConfig"] = serverless
    else:
        variant |= {"InstanceType": instance_type, "InitialInstanceCount": initial_instance_count}
    config = _config_request(
        name=endpoint_config_name or endpoint_name,
        variant=variant,
        # Serverless endpoints have no storage volume: only a key given here is passed on.
        kms_key_id=kms_key_id if serverless else kms_key_id or source.volume_kms_key_id,
        tags=_aws.tag_list(choice.tags, own),
    )
    endpoint_request = {
        "EndpointName": endpoint_name,
        "EndpointConfigName": config["EndpointConfigName"],
        "Tags": _aws.tag_list(choice.tags, {_aws.CREATED_BY_JOB: job_name}),
    }
    handle = _deploy_checked(client, _Requests(model, config, endpoint_request), job_name)
    if wait:
        handle.wait(timeout=timeout, delay=delay)
    return handle


@attrs.frozen
class _Requests:
    """The three create requests of a deploy, built and linted before any is sent."""

    model: dict[str, Any]
    config: dict[str, Any]
    endpoint: dict[str, Any]


def _deploy_checked(client: AutoMLClient, requests: _Requests, job_name: str) -> Endpoint:
    """Lint the three requests, then reuse the endpoint of that name or create all three."""
    _aws.lint_request("CreateModel", requests.model)
    _aws.lint_request("CreateEndpointConfig", requests.config)
    _aws.lint_request("CreateEndpoint", requests.endpoint)
    name = requests.endpoint["EndpointName"]
    existing = _aws.describe_or_none(
        client.sagemaker_client, "DescribeEndpoint", {"EndpointName": name}
    )
    if existing is None:
        return _create(client, requests, job_name)
    config_name = requests.config["EndpointConfigName"]
    return _existing_endpoint(client, existing, requests.model, config_name, job_name)


def _without_none(**members: Any) -> dict[str, Any]:
    return {key: value for key, value in members.items() if value is not None}


def _config_request(
    *, name: str, variant: dict[str, Any], kms_key_id: str | None, tags: list[dict[str, str]]
) -> dict[str, Any]:
    """The CreateEndpointConfig request: the one production ``variant``, the volume key."""
    config: dict[str, Any] = {"EndpointConfigName": name, "ProductionVariants": [variant]}
    if kms_key_id:
        config["KmsKeyId"] = kms_key_id
    config["Tags"] = tags
    return config


def _create(client: AutoMLClient, requests: _Requests, job_name: str) -> Endpoint:
    """Create the model, config and endpoint; a refused later step says what exists."""
    from botocore.exceptions import ClientError

    model, config, endpoint_request = requests.model, requests.config, requests.endpoint
    sagemaker = client.sagemaker_client
    made: list[Resource] = []
    step: Resource = ("Model", model["ModelName"])
    try:
        ensure_model(sagemaker, model, job_name=job_name)
        made.append(step)
        step = ("EndpointConfig", config["EndpointConfigName"])
        _ensure_config(sagemaker, config, job_name)
        made.append(step)
        step = ("Endpoint", endpoint_request["EndpointName"])
        response = _aws.send(sagemaker, "CreateEndpoint", endpoint_request)
    except ClientError as exc:
        if not made:
            raise
        raise _aws.create_refused(exc, step, resources=made, job_name=job_name) from exc
    return Endpoint(
        name=endpoint_request["EndpointName"],
        arn=response["EndpointArn"],
        model_name=model["ModelName"],
        endpoint_config_name=config["EndpointConfigName"],
        client=client,
        job_name=job_name,
    )


def _ensure_config(sagemaker: Any, config: dict[str, Any], job_name: str) -> None:
    """Create the endpoint config, or accept an existing one with the same production variant."""
    from botocore.exceptions import ClientError

    try:
        _aws.send(sagemaker, "CreateEndpointConfig", config)
    except ClientError as exc:
        if not _aws.already_exists(exc):
            raise
        name = config["EndpointConfigName"]
        existing = _aws.send(sagemaker, "DescribeEndpointConfig", {"EndpointConfigName": name})
        wanted = config["ProductionVariants"][0]
        have = (existing.get("ProductionVariants") or [{}])[0]
        members = [*_VARIANT_MEMBERS, "ServerlessConfig"]
        differing = [m for m in members if wanted.get(m) != have.get(m)]
        if differing:
            paths = ", ".join(f"ProductionVariants[0].{member}" for member in differing)
            raise DeployConflictError(
                kind="EndpointConfig", name=name, reason=f"it differs in {paths}", job_name=job_name
            ) from None


def _existing_endpoint(
    client: AutoMLClient,
    existing: dict[str, Any],
    model: dict[str, Any],
    config_name: str,
    job_name: str,
) -> Endpoint:
    """The existing endpoint when this job's deploy made it with the same names and model;
    otherwise :class:`DeployConflictError` (nothing is created)."""
    sagemaker = client.sagemaker_client
    name = existing["EndpointName"]

    def conflict(reason: str) -> DeployConflictError:
        return DeployConflictError(kind="Endpoint", name=name, reason=reason, job_name=job_name)

    made_by = _aws.tags_of(sagemaker, existing["EndpointArn"]).get(_aws.CREATED_BY_JOB)
    if made_by != job_name:
        source = f"from AutoML job {made_by!r}" if made_by else "outside automl-sdk"
        raise conflict(
            f"it was made {source}, not from AutoML job {job_name!r}; choose another endpoint "
            "name or delete that endpoint first"
        )
    if existing["EndpointConfigName"] != config_name:
        raise conflict(
            f"it uses endpoint config {existing['EndpointConfigName']!r}, not {config_name!r}"
        )
    config = _aws.send(sagemaker, "DescribeEndpointConfig", {"EndpointConfigName": config_name})
    served = (config.get("ProductionVariants") or [{}])[0].get("ModelName")
    if served != model["ModelName"]:
        raise conflict(f"it serves model {served!r}, not {model['ModelName']!r}")
    described = _aws.send(sagemaker, "DescribeModel", {"ModelName": served})
    differences = model_differences(model, described)
    if differences:
        raise conflict(
            f"its model {served!r} differs from the one requested in {', '.join(differences)}"
        )
    return Endpoint(
        name=name,
        arn=existing["EndpointArn"],
        model_name=served,
        endpoint_config_name=config_name,
        client=client,
        job_name=job_name,
    )
