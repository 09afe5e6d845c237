"""The ``CreateModel`` request for a candidate, and creating it safely (a re-run reuses it)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from automl_sdk.deploy import _aws
from automl_sdk.deploy._containers import candidate_containers, with_response_keys
from automl_sdk.errors import DeployConflictError

if TYPE_CHECKING:
    from automl_sdk.deploy._aws import Tags
    from automl_sdk.deploy._job import JobHandle
    from automl_sdk.deploy._source import Source

__all__ = ["create_model", "ensure_model", "model_request"]

_CONTAINER_KEYS = ("Image", "ModelDataUrl")


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
        vpc_config: default the job's ``SecurityConfig.VpcConfig``.
        tags: ``{key: value}`` or ``[{"Key": ..., "Value": ...}]``, beside the
            ``automl-sdk:auto-ml-job`` tag naming the job.

    Raises:
        DeployError: the job is not Completed (with its FailureReason), has no candidate with a
            model, has no candidate of that name, or a response key is unsupported.
        DeployConflictError: a different model of that name exists.
        RequestLintError: the CreateModel request breaks the service model's constraints;
            nothing was sent.
    """
    from automl_sdk.deploy._source import resolve_source

    request = model_request(
        resolve_source(job.client, job.name, candidate),
        model_name=model_name,
        instance_type=instance_type,
        inference_response_keys=inference_response_keys,
        execution_role_arn=execution_role_arn,
        vpc_config=vpc_config,
        tags=_aws.tag_list(tags) if tags else [],
    )
    ensure_model(job.client.sagemaker_client, request, job_name=job.name)
    return str(request["ModelName"])


def model_request(
    source: Source,
    *,
    model_name: str | None,
    instance_type: str | None,
    inference_response_keys: Sequence[str] | None,
    execution_role_arn: str | None = None,
    vpc_config: Mapping[str, Any] | None = None,
    tags: Sequence[Mapping[str, str]] = (),
) -> dict[str, Any]:
    """The CreateModel request: the candidate's containers for ``instance_type`` with the
    response-key chain, the job's role and VPC config unless given.

    Without ``model_name`` the model is named after the job and a digest of what it runs, so the
    same candidate with the same settings always gets the same name (and a re-run reuses it).
    """
    containers = candidate_containers(source.candidate, instance_type, job_name=source.job_name)
    containers = with_response_keys(
        containers,
        inference_response_keys,
        candidate_name=source.candidate_name,
        job_name=source.job_name,
    )
    role = execution_role_arn or source.role_arn
    vpc = dict(vpc_config) if vpc_config is not None else source.vpc_config
    request: dict[str, Any] = {
        "ModelName": model_name or _default_name(source.job_name, containers, role, vpc),
        "Containers": containers,
        "ExecutionRoleArn": role,
    }
    if vpc:
        request["VpcConfig"] = vpc
    request["Tags"] = _aws.tag_list(list(tags), {_aws.CREATED_BY_JOB: source.job_name})
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
