"""What a model is made from: a Completed AutoML job and one of its candidates.

Refuses, before anything is created, a job that is not ``Completed``, a job without any candidate
that has a model, and a candidate name the job's leaderboard does not have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk.deploy import _aws
from automl_sdk.deploy._containers import has_model
from automl_sdk.errors import DeployError

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient
    from automl_sdk.shapes import AutoMLCandidate, DescribeAutoMLJobV2Response

__all__ = ["Source", "resolve_source"]

#: ``AutoMLProblemTypeConfigName`` of time-series forecasting jobs.
TIME_SERIES = "TimeSeriesForecasting"
_SHOWN_NAMES = 10


@attrs.frozen(kw_only=True)
class Source:
    """A Completed job's settings that a model inherits, and the chosen candidate (wire dict).

    Attributes:
        job_name: the AutoML job name.
        role_arn: the job's ``RoleArn``.
        vpc_config: the job's ``SecurityConfig.VpcConfig`` (wire dict) or ``None``.
        volume_kms_key_id: the job's ``SecurityConfig.VolumeKmsKeyId`` or ``None``.
        output_kms_key_id: the job's ``OutputDataConfig.KmsKeyId`` or ``None``.
        time_series: whether the job forecasts time series.
        candidate: the candidate as a wire dict (``CandidateName``, ``InferenceContainers``...).
    """

    job_name: str
    role_arn: str
    vpc_config: dict[str, Any] | None
    volume_kms_key_id: str | None
    output_kms_key_id: str | None
    time_series: bool
    candidate: dict[str, Any]

    @property
    def candidate_name(self) -> str:
        return str(self.candidate.get("CandidateName", ""))


def resolve_source(client: AutoMLClient, job_name: str, candidate: str | None) -> Source:
    """The job's settings and the candidate to deploy: ``candidate`` by name from the leaderboard,
    else the job's ``BestCandidate``, else the leaderboard's best candidate that has a model.

    Raises:
        DeployError: the job is not Completed, the named candidate does not exist or has no model,
            or no candidate has a model.
    """
    from automl_sdk._serde import to_wire

    # The client sends these two; linted here so that a bad name is refused with its path.
    _aws.lint_request("DescribeAutoMLJobV2", {"AutoMLJobName": job_name})
    _aws.lint_request("ListCandidatesForAutoMLJob", {"AutoMLJobName": job_name})
    description = client.describe_job(job_name)
    _refuse_unfinished(description, job_name)
    chosen = _choose(client, description, job_name, candidate)
    security = description.security_config
    vpc = security.vpc_config if security is not None else None
    return Source(
        job_name=job_name,
        role_arn=description.role_arn,
        vpc_config=to_wire(vpc) if vpc is not None else None,
        volume_kms_key_id=security.volume_kms_key_id if security is not None else None,
        output_kms_key_id=description.output_data_config.kms_key_id,
        time_series=_is_time_series(description),
        candidate=to_wire(chosen),
    )


def _refuse_unfinished(description: DescribeAutoMLJobV2Response, job_name: str) -> None:
    status = description.auto_ml_job_status
    if status == "Completed":
        return
    reason = description.failure_reason
    message = (
        f"AutoML job {job_name!r} is {status}, not Completed; only a completed job's candidates "
        "can be deployed"
    )
    if reason:
        message += f" (FailureReason: {reason})"
    raise DeployError(message, job_name=job_name)


def _choose(
    client: AutoMLClient,
    description: DescribeAutoMLJobV2Response,
    job_name: str,
    name: str | None,
) -> AutoMLCandidate:
    best = description.best_candidate
    if name is None and best is not None and _has_model(best):
        return best
    if name is not None and best is not None and best.candidate_name == name:
        return _with_model(best, job_name)
    board = client.candidates(job_name)
    if name is not None:
        for entry in board:
            if entry.candidate_name == name:
                return _with_model(entry, job_name)
        names = [entry.candidate_name for entry in board][:_SHOWN_NAMES]
        shown = ", ".join(names) if names else "none"
        raise DeployError(
            f"AutoML job {job_name!r} has no candidate named {name!r} (its candidates, best "
            f"first: {shown}{', ...' if len(board) > _SHOWN_NAMES else ''})",
            job_name=job_name,
        )
    for entry in board:
        if _has_model(entry):
            return entry
    raise DeployError(
        f"AutoML job {job_name!r} has no candidate with a model (no candidate lists "
        "InferenceContainers or InferenceContainerDefinitions)",
        job_name=job_name,
    )


def _has_model(candidate: AutoMLCandidate) -> bool:
    return has_model(
        {
            "InferenceContainers": candidate.inference_containers,
            "InferenceContainerDefinitions": candidate.inference_container_definitions,
        }
    )


def _with_model(candidate: AutoMLCandidate, job_name: str) -> AutoMLCandidate:
    if not _has_model(candidate):
        raise DeployError(
            f"candidate {candidate.candidate_name!r} of AutoML job {job_name!r} has no model "
            f"(status {candidate.candidate_status}; it lists no inference containers)",
            job_name=job_name,
        )
    return candidate


def _is_time_series(description: DescribeAutoMLJobV2Response) -> bool:
    if description.auto_ml_problem_type_config_name == TIME_SERIES:
        return True
    from automl_sdk.shapes import TimeSeriesForecastingJobConfig

    return isinstance(description.auto_ml_problem_type_config, TimeSeriesForecastingJobConfig)
