"""DescribeAutoMLJobV2 response of a tabular job -> the DescribeAutoMLJob (V1) response.

Code written against ``describe_auto_ml_job`` reads ``InputDataConfig[0].TargetAttributeName``,
``ProblemType``, ``AutoMLJobConfig`` and ``ResolvedAttributes.ProblemType``; this rebuilds each
DescribeAutoMLJobResponse member that has a V2 source. V2-only members (``AutoMLComputeConfig``,
``AutoMLProblemTypeConfigName``) have no V1 place and are left out.
"""

from __future__ import annotations

import copy
from typing import Any

from automl_sdk.errors import MigrationError
from automl_sdk.migrate._common import as_wire_dict, ordered

# Members that are the same in both responses (same name, same shape).
_COPIED = (
    "AutoMLJobName",
    "AutoMLJobArn",
    "OutputDataConfig",
    "RoleArn",
    "AutoMLJobObjective",
    "CreationTime",
    "EndTime",
    "LastModifiedTime",
    "FailureReason",
    "PartialFailureReasons",
    "BestCandidate",
    "AutoMLJobStatus",
    "AutoMLJobSecondaryStatus",
    "AutoMLJobArtifacts",
    "ModelDeployConfig",
    "ModelDeployResult",
    "ResponseMetadata",
)
_V1_ORDER = (
    "AutoMLJobName",
    "AutoMLJobArn",
    "InputDataConfig",
    "OutputDataConfig",
    "RoleArn",
    "AutoMLJobObjective",
    "ProblemType",
    "AutoMLJobConfig",
    "CreationTime",
    "EndTime",
    "LastModifiedTime",
    "FailureReason",
    "PartialFailureReasons",
    "BestCandidate",
    "AutoMLJobStatus",
    "AutoMLJobSecondaryStatus",
    "GenerateCandidateDefinitionsOnly",
    "AutoMLJobArtifacts",
    "ResolvedAttributes",
    "ModelDeployConfig",
    "ModelDeployResult",
    "ResponseMetadata",
)
_CHANNEL_ORDER = (
    "DataSource",
    "CompressionType",
    "TargetAttributeName",
    "ContentType",
    "ChannelType",
    "SampleWeightAttributeName",
)
_CONFIG_ORDER = (
    "CompletionCriteria",
    "SecurityConfig",
    "CandidateGenerationConfig",
    "DataSplitConfig",
    "Mode",
)


def migrate_describe_response(response: object) -> dict[str, Any]:
    """Turn a DescribeAutoMLJobV2 response of a tabular job into a DescribeAutoMLJob response.

    Args:
        response: the response as boto3's ``describe_auto_ml_job_v2`` returns it (a dict with
            wire names; ``ResponseMetadata`` is carried over) or an
            ``automl_sdk.shapes.DescribeAutoMLJobV2Response``.

    Returns:
        A new dict shaped like boto3's ``describe_auto_ml_job`` response: every
        DescribeAutoMLJobResponse member with a V2 source is filled, nothing is invented.

    Raises:
        MigrationError: the job is not tabular (image, text, time-series or text-generation
            jobs have no V1 form), or the response does not say which problem type it is.
    """
    v2 = as_wire_dict(
        response, shape="DescribeAutoMLJobV2Response", what="a DescribeAutoMLJobV2 response"
    )
    tabular = _tabular_config(v2)
    v1: dict[str, Any] = {key: v2[key] for key in _COPIED if key in v2}
    if "AutoMLJobInputDataConfig" in v2:
        v1["InputDataConfig"] = _channels(v2["AutoMLJobInputDataConfig"], tabular)
    for key in ("ProblemType", "GenerateCandidateDefinitionsOnly"):
        if key in tabular:
            v1[key] = tabular[key]
    config = _job_config(v2, tabular)
    if config:
        v1["AutoMLJobConfig"] = config
    if isinstance(v2.get("ResolvedAttributes"), dict):
        v1["ResolvedAttributes"] = _resolved(v2["ResolvedAttributes"])
    return ordered(v1, _V1_ORDER)


def _tabular_config(v2: dict[str, Any]) -> dict[str, Any]:
    """The ``TabularJobConfig`` of the response, or MigrationError for any other problem type."""
    config = v2.get("AutoMLProblemTypeConfig")
    name = v2.get("AutoMLProblemTypeConfigName")
    if isinstance(config, dict) and config:
        if "TabularJobConfig" in config:
            tabular = config["TabularJobConfig"]
            return tabular if isinstance(tabular, dict) else {}
        member = next(iter(config))
        kind = _kind(member, config[member])
        raise MigrationError(path=f"AutoMLProblemTypeConfig.{member}", reason=_not_tabular(kind))
    if name == "Tabular":
        return {}
    if name is not None:
        raise MigrationError(path="AutoMLProblemTypeConfigName", reason=_not_tabular(str(name)))
    raise MigrationError(
        path="AutoMLProblemTypeConfig",
        reason=(
            "the response has neither AutoMLProblemTypeConfig nor AutoMLProblemTypeConfigName, "
            "so it cannot be told to be a tabular job, the only kind with a V1 form"
        ),
    )


def _kind(member: str, value: object) -> str:
    if member == "SDK_UNKNOWN_MEMBER" and isinstance(value, dict):
        return str(value.get("name", "an unknown problem type"))
    return member.removesuffix("JobConfig")


def _not_tabular(kind: str) -> str:
    return (
        f"a {kind} job has no DescribeAutoMLJob (V1) form: V1 describes tabular jobs only; "
        "read it with DescribeAutoMLJobV2"
    )


def _channels(channels: object, tabular: dict[str, Any]) -> object:
    """V2 channels plus the target and sample-weight columns V1 repeats on each channel."""
    if not isinstance(channels, list):
        return channels
    columns: dict[str, Any] = {
        key: tabular[key]
        for key in ("TargetAttributeName", "SampleWeightAttributeName")
        if key in tabular
    }
    result: list[Any] = []
    for channel in channels:
        if isinstance(channel, dict):
            # Each channel gets its own copy, as a fresh V1 response would have.
            channel = ordered({**channel, **copy.deepcopy(columns)}, _CHANNEL_ORDER)
        result.append(channel)
    return result


def _job_config(v2: dict[str, Any], tabular: dict[str, Any]) -> dict[str, Any]:
    """Gather ``AutoMLJobConfig`` back from TabularJobConfig and the V2 top level."""
    config: dict[str, Any] = {}
    for key in ("CompletionCriteria", "Mode"):
        if key in tabular:
            config[key] = tabular[key]
    for key in ("DataSplitConfig", "SecurityConfig"):
        if key in v2:
            config[key] = v2[key]
    generation: dict[str, Any] = {}
    if "FeatureSpecificationS3Uri" in tabular:
        generation["FeatureSpecificationS3Uri"] = tabular["FeatureSpecificationS3Uri"]
    v2_generation = tabular.get("CandidateGenerationConfig")
    if isinstance(v2_generation, dict):
        generation.update(v2_generation)
    if generation or v2_generation is not None:
        config["CandidateGenerationConfig"] = generation
    return ordered(config, _CONFIG_ORDER)


def _resolved(resolved: dict[str, Any]) -> dict[str, Any]:
    """V2 ResolvedAttributes -> V1 (``ProblemType`` comes from TabularResolvedAttributes)."""
    v1 = {key: resolved[key] for key in ("AutoMLJobObjective",) if key in resolved}
    by_type = resolved.get("AutoMLProblemTypeResolvedAttributes")
    if isinstance(by_type, dict):
        tabular = by_type.get("TabularResolvedAttributes")
        if isinstance(tabular, dict) and "ProblemType" in tabular:
            v1["ProblemType"] = tabular["ProblemType"]
    if "CompletionCriteria" in resolved:
        v1["CompletionCriteria"] = resolved["CompletionCriteria"]
    return v1
