"""The ``CreateModel`` request for a candidate, and creating it safely (a re-run reuses it)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk.deploy import _aws
from automl_sdk.deploy._arguments import checked, picked
from automl_sdk.deploy._containers import candidate_containers, with_response_keys
from automl_sdk.errors import DeployConflictError

if TYPE_CHECKING:
    from automl_sdk.deploy._aws import Tags
    from automl_sdk.deploy._job import JobHandle
    from automl_sdk.deploy._source import Source

__all__ = ["ModelChoice", "create_model", "ensure_model", "model_request"]

_CONTAINER_KEYS = ("Image", "ModelDataUrl")


@attrs.frozen(kw_only=True)
class ModelChoice:
    """The arguments of ``create_model``, ``deploy`` and ``transform`` that choose the model,
    as their argument rules checked them (see :mod:`automl_sdk.deploy._arguments`)."""

    candidate: str | None
    model_name: str | None
    inference_response_keys: list[str] | None
    execution_role_arn: str | None
    vpc_config: dict[str, list[str]] | None
    tags: list[dict[str, str]]


@checked
def create_model(
    job: JobHandle,
    *,
    candidate: str | None = None,
    model_name: str | None = None,
    inference_response_keys: Sequence[str] | None = None,
    instance_type: str | None = None,
    execution_role_arn: str | None = None,
    vpc_config: Mapping[str, Any] | None = None,
    tags: Tags = None,
) -> str:
    """Create a SageMaker model from a candidate of this Completed job (``Job.create_model``);
    return the model name.

    Args:
        candidate: a candidate name from the job's leaderboard; default the job's best candidate.
        model_name: default ``<job name>-<digest of the containers, role and VPC config>``, so a
            re-run with the same settings reuses the model.
        inference_response_keys: classification only; some of ``predicted_label``,
            ``probability``, ``probabilities``, ``labels``, checked against the last container's
            ``SAGEMAKER_INFERENCE_SUPPORTED`` and chained through the containers'
            ``SAGEMAKER_INFERENCE_OUTPUT``/``SAGEMAKER_INFERENCE_INPUT``.
        instance_type: picks the CPU or GPU containers of image and text classification
            candidates (``ml.g*`` and ``ml.p*`` are GPU); default CPU.
        execution_role_arn: default the job's ``RoleArn``.
        vpc_config: ``{"Subnets": [...], "SecurityGroupIds": [...]}``; default the job's
            ``SecurityConfig.VpcConfig``.
        tags: ``{key: value}`` or ``[{"Key": ..., "Value": ...}]`` (strings), beside the
            ``automl-sdk:auto-ml-job`` tag naming the job.

    Raises:
        TypeError: an argument is not of its type (the message names it, with the path inside
            ``tags`` or ``vpc_config``, the type given and what is allowed): ``job`` is not a
            job handle, a name is not a string, ``inference_response_keys`` is a string or not a
            list of strings, ``vpc_config`` or ``tags`` is not a mapping or list of strings.
        DeployError: an argument's value is refused before anything is sent (a tag without
            ``Key`` or ``Value`` or with another member, a ``vpc_config`` without ``Subnets`` or
            ``SecurityGroupIds`` or with another member, a response key given twice, text with a
            lone surrogate); or the job is not Completed (with its FailureReason), has no
            candidate with a model, has no candidate of that name, or a response key is not
            supported by the candidate.
        DeployConflictError: a different model of that name exists.
        RequestLintError: a request breaks the service model's constraints; nothing was sent.
        botocore.exceptions.ClientError: AWS refused a call (a permission, a quota).
    """
    from automl_sdk.deploy._source import resolve_source

    choice = picked(ModelChoice, locals())  # the checked arguments by name
    source = resolve_source(job.client, job.name, choice.candidate)
    request = model_request(source, choice, instance_type=instance_type)
    ensure_model(job.client.sagemaker_client, request, job_name=job.name)
    return str(request["ModelName"])


def model_request(
    source: Source,
    choice: ModelChoice,
    *,
    instance_type: str | None,
    own_tags: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The CreateModel request: the candidate's containers for ``instance_type`` with the
    response-key chain, the job's role and VPC config unless chosen, the chosen tags with
    ``own_tags`` and the ``automl-sdk:auto-ml-job`` tag.

    Without a chosen model name the model is named after the job and a digest of what it runs,
    so the same candidate with the same settings always gets the same name (and a re-run reuses
    it).
    """
    containers = candidate_containers(source.candidate, instance_type, job_name=source.job_name)
    containers = with_response_keys(
        containers,
        choice.inference_response_keys,
        candidate_name=source.candidate_name,
        job_name=source.job_name,
    )
    role = choice.execution_role_arn or source.role_arn
    vpc = choice.vpc_config if choice.vpc_config is not None else source.vpc_config
    request: dict[str, Any] = {
        "ModelName": choice.model_name or _default_name(source.job_name, containers, role, vpc),
        "Containers": containers,
        "ExecutionRoleArn": role,
    }
    if vpc:
        request["VpcConfig"] = vpc
    own = {**(own_tags or {}), _aws.CREATED_BY_JOB: source.job_name}
    request["Tags"] = _aws.tag_list(choice.tags, own)
    return request


def _default_name(job_name: str, containers: Any, role: str, vpc: Any) -> str:
    content = json.dumps([containers, role, vpc], sort_keys=True).encode("utf-8")
    return f"{job_name}-{hashlib.sha256(content).hexdigest()[:8]}"


def ensure_model(sagemaker: Any, request: Mapping[str, Any], *, job_name: str) -> bool:
    """Create the model; ``True`` when it was created, ``False`` when an identical one existed.

    Raises:
        DeployConflictError: a model of that name exists with other containers or role.
    """
    from botocore.exceptions import ClientError

    try:
        _aws.send(sagemaker, "CreateModel", request)
    except ClientError as exc:
        if not _aws.already_exists(exc):
            raise
        existing = _aws.send(sagemaker, "DescribeModel", {"ModelName": request["ModelName"]})
        differences = model_differences(request, existing)
        if differences:
            raise DeployConflictError(
                kind="Model",
                name=request["ModelName"],
                reason=f"it differs in {', '.join(differences)}",
                job_name=job_name,
            ) from None
        return False
    return True


def model_differences(request: Mapping[str, Any], existing: Mapping[str, Any]) -> list[str]:
    """Where the model ``existing`` (a DescribeModel response) differs from ``request``: wire
    paths of the containers' images, artifacts and environment variables, and the role."""
    mine = list(request.get("Containers") or [])
    theirs = list(existing.get("Containers") or [])
    if not theirs and existing.get("PrimaryContainer"):
        theirs = [existing["PrimaryContainer"]]
    found = []
    if request.get("ExecutionRoleArn") != existing.get("ExecutionRoleArn"):
        found.append("ExecutionRoleArn")
    if len(mine) != len(theirs):
        return [*found, f"Containers (got {len(theirs)}, expected {len(mine)})"]
    for index, (wanted, have) in enumerate(zip(mine, theirs, strict=True)):
        found += [
            f"Containers[{index}].{key}"
            for key in _CONTAINER_KEYS
            if wanted.get(key) != have.get(key)
        ]
        wanted_env, have_env = wanted.get("Environment") or {}, have.get("Environment") or {}
        found += [
            f"Containers[{index}].Environment.{variable}"
            for variable in sorted(set(wanted_env) | set(have_env))
            if wanted_env.get(variable) != have_env.get(variable)
        ]
    return found
