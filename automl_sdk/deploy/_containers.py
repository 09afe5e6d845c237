"""Which containers a candidate's model runs, and the ``SAGEMAKER_INFERENCE_*`` variables they get.

Pure functions over wire dicts (``{"Image", "ModelDataUrl", "Environment"}``); no I/O.

- Tabular and time-series candidates list their containers in ``InferenceContainers``: HPO-mode
  candidates have 2 (regression) or 3 (classification), ensembling candidates 1.
- Image and text classification candidates list them in ``InferenceContainerDefinitions`` keyed by
  processing unit (``CPU``, ``GPU``), chosen by the instance family: ``ml.g*`` and ``ml.p*`` are GPU.
- Classification containers say which response keys they can produce in
  ``SAGEMAKER_INFERENCE_SUPPORTED``. Requested keys are checked against the *last* container's list;
  then each container that declares the variable gets ``SAGEMAKER_INFERENCE_OUTPUT`` (the requested
  keys it supports, in the order requested) and ``SAGEMAKER_INFERENCE_INPUT`` (the previous such
  container's output); a container without the variable resets that chain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from automl_sdk.deploy._arguments import CONTAINER_RULES, checked, checked_with
from automl_sdk.errors import DeployError

__all__ = [
    "GPU_FAMILIES",
    "RESPONSE_KEYS",
    "SUPPORTED",
    "candidate_containers",
    "has_model",
    "processing_unit",
    "with_response_keys",
]

SUPPORTED = "SAGEMAKER_INFERENCE_SUPPORTED"
OUTPUT = "SAGEMAKER_INFERENCE_OUTPUT"
INPUT = "SAGEMAKER_INFERENCE_INPUT"
#: The inference response keys of Autopilot classification containers.
RESPONSE_KEYS = ("predicted_label", "probability", "probabilities", "labels")
#: Instance-type prefixes of the GPU families (``ml.g4dn.xlarge``, ``ml.p3.2xlarge``...).
GPU_FAMILIES = ("ml.g", "ml.p")


@checked
def processing_unit(instance_type: str | None) -> str:
    """``"GPU"`` for the ``ml.g*`` and ``ml.p*`` families, else ``"CPU"`` (also for serverless,
    which has no instance type).

    Raises:
        TypeError: ``instance_type`` is not a string or ``None``.
    """
    if instance_type is not None and instance_type.startswith(GPU_FAMILIES):
        return "GPU"
    return "CPU"


def has_model(candidate: Mapping[str, Any]) -> bool:
    """Whether a candidate (wire dict) carries inference containers to make a model from."""
    return bool(
        candidate.get("InferenceContainers") or candidate.get("InferenceContainerDefinitions")
    )


@checked_with(**CONTAINER_RULES)
def candidate_containers(
    candidate: Mapping[str, Any], instance_type: str | None, *, job_name: str
) -> list[dict[str, Any]]:
    """Copies of the containers ``candidate`` (a wire dict) runs on ``instance_type``, with only
    their ``Image``, ``ModelDataUrl`` and ``Environment``.

    ``InferenceContainerDefinitions`` (image and text classification) win over
    ``InferenceContainers`` when a candidate has both.

    Raises:
        TypeError: ``candidate`` is not a mapping, or a container list, container, image,
            artifact or environment in it is not of its wire type (the message gives its path);
            ``instance_type`` or ``job_name`` is not a string.
        DeployError: the candidate has no container for the processing unit of
            ``instance_type`` (naming the units it has), or no containers at all.
    """
    name = candidate["CandidateName"]
    definitions = candidate.get("InferenceContainerDefinitions") or {}
    if definitions:
        unit = processing_unit(instance_type)
        chosen = definitions.get(unit)
        if not chosen:
            where = f"instance type {instance_type}" if instance_type else "a serverless endpoint"
            raise DeployError(
                f"candidate {name!r} of AutoML job {job_name!r} has no {unit} inference containers "
                f"for {where} (got definitions for {', '.join(sorted(definitions))}; expected "
                f"{unit}); choose an instance type of a family it has containers for",
                job_name=job_name,
            )
        return [dict(container) for container in chosen]
    containers = candidate.get("InferenceContainers") or []
    if not containers:
        raise DeployError(
            f"candidate {name!r} of AutoML job {job_name!r} has no inference containers",
            job_name=job_name,
        )
    return [dict(container) for container in containers]


def supported_keys(container: Mapping[str, Any]) -> list[str] | None:
    """The container's ``SAGEMAKER_INFERENCE_SUPPORTED`` keys, ``None`` when it declares none."""
    value = (container.get("Environment") or {}).get(SUPPORTED)
    if value is None:
        return None
    return [key.strip() for key in value.split(",") if key.strip()]


@checked_with(job_name=CONTAINER_RULES["job_name"])
def with_response_keys(
    containers: Sequence[Mapping[str, Any]],
    keys: Sequence[str] | None,
    *,
    candidate_name: str,
    job_name: str,
) -> list[dict[str, Any]]:
    """Copies of ``containers`` (as :func:`candidate_containers` copies them) with the
    ``SAGEMAKER_INFERENCE_OUTPUT``/``INPUT`` chain for ``keys``.

    ``keys=None`` (or empty) leaves the containers as they are: each answers with its default.

    Raises:
        TypeError: ``keys`` is a string or not a list of strings; ``containers`` is not a list of
            container definitions of their wire types; ``candidate_name`` or ``job_name`` is not
            a string.
        DeployError: a key is repeated, the last container declares no supported keys (regression
            and time-series models), or a key is not among the last container's supported keys.
    """
    result = [dict(container) for container in containers]  # the rule's copies: free to change
    if not keys:
        return result
    last = supported_keys(result[-1]) if result else None
    if last is None:
        raise DeployError(
            f"candidate {candidate_name!r} of AutoML job {job_name!r} does not support choosing "
            f"inference response keys (got {', '.join(keys)}; its last container sets no "
            f"{SUPPORTED}); deploy it without inference response keys",
            job_name=job_name,
        )
    unsupported = [key for key in keys if key not in last]
    if unsupported:
        raise DeployError(
            f"inference response keys {', '.join(unsupported)} are not supported by candidate "
            f"{candidate_name!r} of AutoML job {job_name!r} (got {', '.join(keys)}; expected "
            f"some of {', '.join(last)})",
            job_name=job_name,
        )
    previous: list[str] | None = None
    for container in result:
        supported = supported_keys(container)
        if supported is None:
            previous = None  # a container that selects nothing breaks the chain
            continue
        output = [key for key in keys if key in supported]
        environment = container.setdefault("Environment", {})
        environment[OUTPUT] = ",".join(output)
        if previous is not None:
            environment[INPUT] = ",".join(previous)
        previous = output
    return result
