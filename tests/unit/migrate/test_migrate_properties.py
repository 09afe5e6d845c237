"""Hypothesis: valid V1 requests translate to clean V2 requests, keep every value, and come back.

The strategy builds CreateAutoMLJob requests that follow every documented rule (so that the V1
request itself lints without errors, which is asserted as a guard on the strategy; best-practice
warnings may remain), then checks that:

- the V2 translation lints clean as CreateAutoMLJobV2 (no error; the same advice as V1);
- each move of the report carries the value unchanged, and every V1 leaf is moved;
- the DescribeAutoMLJobV2 response the service would give for that job (the V2 request's
  members without Tags, plus ARN, status and times) translates back to the V1 request's fields.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_sdk import migrate_describe_response, migrate_request
from automl_sdk.lint import Finding, lint_request
from automl_sdk.lint._common import TABULAR
from automl_sdk.lint._docs_tables import ALGORITHMS_BY_MODE, CONTENT_TYPES

# The documented metrics that the service's enum also has (not InferenceLatency or LogLoss,
# which the schema check would reject).
METRICS = {
    "Regression": ("MAE", "MSE", "R2", "RMSE"),
    "BinaryClassification": ("Accuracy", "AUC", "BalancedAccuracy", "F1", "Precision", "Recall"),
    "MulticlassClassification": (
        "Accuracy",
        "BalancedAccuracy",
        "F1macro",
        "PrecisionMacro",
        "RecallMacro",
    ),
}
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=12)
NAMES = st.from_regex(r"[a-zA-Z0-9](-?[a-zA-Z0-9]){0,15}", fullmatch=True)
IDS = st.text(alphabet="0123456789abcdef", min_size=8, max_size=17)
ROLES = st.sampled_from(
    [
        "arn:aws:iam::111122223333:role/AutopilotRole",
        "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole",
    ]
)


def s3_uris(prefix: bool) -> st.SearchStrategy[str]:
    tail = "/" if prefix else ".manifest"
    return st.builds(lambda b, k: f"s3://{b}/{k}{tail}", WORDS.map(str.lower), WORDS)


def optional(members: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=members)


@st.composite
def channels(draw: st.DrawFn, *, mode: str | None) -> list[dict[str, Any]]:
    """One channel, or a training and a validation channel sharing their columns."""
    shared: dict[str, Any] = {"TargetAttributeName": draw(WORDS)}
    if mode == "ENSEMBLING" and draw(st.booleans()):
        target = shared["TargetAttributeName"]
        shared["SampleWeightAttributeName"] = draw(WORDS.filter(lambda w: w != target))
    if draw(st.booleans()):
        shared["ContentType"] = draw(st.sampled_from(CONTENT_TYPES[TABULAR]))
    count = draw(st.integers(1, 2))
    types: list[str | None]
    if count == 1:
        types = draw(st.sampled_from([[None], ["training"]]))
    else:
        types = draw(st.permutations(["training", "validation"]))
    result = []
    for channel_type in types:
        data_type = draw(st.sampled_from(["S3Prefix", "ManifestFile"]))
        channel = {
            "DataSource": {
                "S3DataSource": {
                    "S3DataType": data_type,
                    "S3Uri": draw(s3_uris(data_type == "S3Prefix")),
                }
            },
            **shared,
        }
        compressions = ["None", "Gzip"] if data_type == "S3Prefix" else ["None"]
        if draw(st.booleans()):
            channel["CompressionType"] = draw(st.sampled_from(compressions))
        if channel_type is not None:
            channel["ChannelType"] = channel_type
        result.append(draw(st.permutations(list(channel.items()))))
    return [dict(items) for items in result]


@st.composite
def completion_criteria(draw: st.DrawFn) -> dict[str, Any]:
    criteria = draw(
        optional(
            {
                "MaxCandidates": st.integers(1, 750),
                "MaxRuntimePerTrainingJobInSeconds": st.integers(1, 10**5),
                "MaxAutoMLJobRuntimeInSeconds": st.integers(1, 10**6),
            }
        )
    )
    per_job = criteria.get("MaxRuntimePerTrainingJobInSeconds")
    total = criteria.get("MaxAutoMLJobRuntimeInSeconds")
    if per_job is not None and total is not None and per_job > total:
        criteria["MaxAutoMLJobRuntimeInSeconds"] = per_job
    return criteria


SECURITY = optional(
    {
        "VolumeKmsKeyId": IDS,
        "EnableInterContainerTrafficEncryption": st.booleans(),
        "VpcConfig": st.fixed_dictionaries(
            {
                "SecurityGroupIds": st.lists(IDS.map("sg-{}".format), min_size=1, max_size=5),
                "Subnets": st.lists(IDS.map("subnet-{}".format), min_size=1, max_size=16),
            }
        ),
    }
)


@st.composite
def job_config(draw: st.DrawFn, *, mode: str | None, validation_channel: bool) -> dict[str, Any]:
    """A non-empty AutoMLJobConfig consistent with ``mode`` and the channels."""
    members: dict[str, st.SearchStrategy[Any]] = {
        "CompletionCriteria": completion_criteria(),
        "SecurityConfig": SECURITY,
    }
    if not validation_channel:
        fractions = st.floats(0.01, 0.49, allow_nan=False)
        members["DataSplitConfig"] = optional({"ValidationFraction": fractions})
    generation: dict[str, st.SearchStrategy[Any]] = {"FeatureSpecificationS3Uri": s3_uris(False)}
    if mode in ("ENSEMBLING", "HYPERPARAMETER_TUNING"):
        pool = ALGORITHMS_BY_MODE[mode]
        algorithms = st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True)
        generation["AlgorithmsConfig"] = st.lists(
            st.fixed_dictionaries({"AutoMLAlgorithms": algorithms}), min_size=1, max_size=1
        )
    members["CandidateGenerationConfig"] = optional(generation)
    config = draw(optional(members))
    if mode is not None:
        config["Mode"] = mode
    if not config:
        config["CompletionCriteria"] = {}
    return config


@st.composite
def v1_requests(draw: st.DrawFn) -> dict[str, Any]:
    """A CreateAutoMLJob request that follows every documented rule (members in any order)."""
    mode = draw(st.sampled_from([None, "AUTO", "ENSEMBLING", "HYPERPARAMETER_TUNING"]))
    inputs = draw(channels(mode=mode))
    request: dict[str, Any] = {
        "AutoMLJobName": draw(NAMES),
        "InputDataConfig": inputs,
        "OutputDataConfig": draw(
            st.fixed_dictionaries({"S3OutputPath": s3_uris(True)}, optional={"KmsKeyId": IDS})
        ),
        "RoleArn": draw(ROLES),
    }
    if draw(st.booleans()):
        request["ProblemType"] = draw(st.sampled_from(sorted(METRICS)))
        metric = draw(st.sampled_from(METRICS[request["ProblemType"]]))
        request["AutoMLJobObjective"] = {"MetricName": metric}
    if mode is not None or draw(st.booleans()):
        validation = any(c.get("ChannelType") == "validation" for c in inputs)
        request["AutoMLJobConfig"] = draw(job_config(mode=mode, validation_channel=validation))
    extras = optional(
        {
            "GenerateCandidateDefinitionsOnly": st.booleans(),
            "Tags": st.lists(
                st.fixed_dictionaries({"Key": WORDS, "Value": st.text("abc xyz", max_size=5)}),
                max_size=3,
                unique_by=lambda tag: tag["Key"],
            ),
            "ModelDeployConfig": st.one_of(
                st.just({"AutoGenerateEndpointName": True}),
                NAMES.map(lambda n: {"AutoGenerateEndpointName": False, "EndpointName": n}),
            ),
        }
    )
    request.update(draw(extras))
    return dict(draw(st.permutations(list(request.items()))))


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def at(value: Any, path: str) -> Any:
    """The value at a wire path such as ``InputDataConfig[1].DataSource``."""
    for name, index in _STEP.findall(path):
        value = value[int(index)] if index else value[name]
    return value


def leaves(value: Any, path: str = "") -> set[str]:
    """Paths of the leaves (and empty containers) of a wire value."""
    if isinstance(value, dict) and value:
        return set().union(*(leaves(v, f"{path}.{k}" if path else k) for k, v in value.items()))
    if isinstance(value, list) and value and path != "Tags":
        return set().union(*(leaves(v, f"{path}[{i}]") for i, v in enumerate(value)))
    return {path}


def describe_response(v2: dict[str, Any]) -> dict[str, Any]:
    """What DescribeAutoMLJobV2 returns for a job created from ``v2`` (Tags are not returned)."""
    now = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    response = {key: value for key, value in v2.items() if key != "Tags"}
    response.update(
        AutoMLJobArn=f"arn:aws:sagemaker:us-east-1:111122223333:automl-job/{v2['AutoMLJobName']}",
        AutoMLProblemTypeConfigName="Tabular",
        AutoMLJobStatus="InProgress",
        AutoMLJobSecondaryStatus="Starting",
        CreationTime=now,
        LastModifiedTime=now,
    )
    return response


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(v1_requests())
def test_valid_v1_translates_to_a_clean_v2(request: dict[str, Any]) -> None:
    v1_findings = lint_request(request, operation="CreateAutoMLJob")
    assert errors(v1_findings) == []  # guards the strategy

    v2, report = migrate_request(request)

    v2_findings = lint_request(v2, operation="CreateAutoMLJobV2")
    assert errors(v2_findings) == []
    # Advice (e.g. the security recommendations) is the same for both forms of the job.
    assert sorted(f.rule for f in v2_findings) == sorted(f.rule for f in v1_findings)
    assert report.findings == tuple(v1_findings)


@SETTINGS
@given(v1_requests())
def test_every_value_is_kept(request: dict[str, Any]) -> None:
    v2, report = migrate_request(request)

    for source, target in report.moves:
        assert at(v2, target) == at(request, source), (source, target)
    moved = [source for source, _ in report.moves]
    for leaf in leaves(request):
        assert any(leaf == m or leaf.startswith((f"{m}.", f"{m}[")) for m in moved), leaf


@SETTINGS
@given(v1_requests())
def test_the_v2_describe_response_reads_back_as_the_v1_request(request: dict[str, Any]) -> None:
    v2, _ = migrate_request(request)

    described = migrate_describe_response(describe_response(v2))

    expected = {key: value for key, value in request.items() if key != "Tags"}
    assert {key: described[key] for key in expected} == expected
    request_members = {
        "InputDataConfig",
        "ProblemType",
        "AutoMLJobObjective",
        "AutoMLJobConfig",
        "GenerateCandidateDefinitionsOnly",
        "ModelDeployConfig",
    }
    assert {key for key in described if key in request_members} == set(expected) & request_members
