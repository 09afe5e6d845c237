"""migrate_describe_response: DescribeAutoMLJobV2 (tabular) -> DescribeAutoMLJob, named cases."""

from __future__ import annotations

import copy
import datetime
from typing import Any

import pytest

from automl_sdk import MigrationError, migrate_describe_response
from automl_sdk._mapping import V1_RESPONSE_ORDER
from automl_sdk.shapes.constraints import SHAPES

UTC = datetime.timezone.utc
CREATED = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
MODIFIED = datetime.datetime(2024, 5, 1, 12, 5, tzinfo=UTC)
ENDED = datetime.datetime(2024, 5, 1, 14, 0, tzinfo=UTC)
ARN = "arn:aws:sagemaker:us-east-1:111122223333:automl-job/job-1"
ROLE = "arn:aws:iam::111122223333:role/AutopilotRole"
S3 = {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}
S3_VALIDATION = {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/validation/"}}
OUTPUT = {"S3OutputPath": "s3://bucket/output/"}
CRITERIA = {"MaxCandidates": 5, "MaxAutoMLJobRuntimeInSeconds": 3600}
SECURITY = {"EnableInterContainerTrafficEncryption": True}
ALGORITHMS = [{"AutoMLAlgorithms": ["xgboost"]}]
CANDIDATE = {
    "CandidateName": "best",
    "ObjectiveStatus": "Succeeded",
    "CandidateSteps": [],
    "CandidateStatus": "Completed",
    "CreationTime": CREATED,
    "LastModifiedTime": MODIFIED,
}

V2_BASE: dict[str, Any] = {
    "AutoMLJobName": "job-1",
    "AutoMLJobArn": ARN,
    "AutoMLJobInputDataConfig": [{"DataSource": S3}],
    "OutputDataConfig": OUTPUT,
    "RoleArn": ROLE,
    "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "y"}},
    "AutoMLProblemTypeConfigName": "Tabular",
    "CreationTime": CREATED,
    "LastModifiedTime": MODIFIED,
    "AutoMLJobStatus": "InProgress",
    "AutoMLJobSecondaryStatus": "Starting",
}
V1_BASE: dict[str, Any] = {
    "AutoMLJobName": "job-1",
    "AutoMLJobArn": ARN,
    "InputDataConfig": [{"DataSource": S3, "TargetAttributeName": "y"}],
    "OutputDataConfig": OUTPUT,
    "RoleArn": ROLE,
    "CreationTime": CREATED,
    "LastModifiedTime": MODIFIED,
    "AutoMLJobStatus": "InProgress",
    "AutoMLJobSecondaryStatus": "Starting",
}


def v2(tabular: dict[str, Any] | None = None, **changes: Any) -> dict[str, Any]:
    result = {**copy.deepcopy(V2_BASE), **changes}
    if tabular is not None:
        result["AutoMLProblemTypeConfig"]["TabularJobConfig"].update(tabular)
    return result


def v1(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(V1_BASE), **changes}


FINISHED: dict[str, Any] = {
    "EndTime": ENDED,
    "FailureReason": "",
    "PartialFailureReasons": [{"PartialFailureMessage": "one candidate failed"}],
    "BestCandidate": CANDIDATE,
    "AutoMLJobArtifacts": {"DataExplorationNotebookLocation": "s3://bucket/notebook"},
    "ModelDeployConfig": {"AutoGenerateEndpointName": True},
    "ModelDeployResult": {"EndpointName": "job-1-endpoint"},
    "AutoMLJobObjective": {"MetricName": "F1"},
    "AutoMLJobStatus": "Completed",
    "AutoMLJobSecondaryStatus": "Completed",
}

# (id, DescribeAutoMLJobV2 response, expected DescribeAutoMLJob response)
CASES = [
    ("minimal", v2(), v1()),
    ("copied-members", v2(**FINISHED), v1(**FINISHED)),
    (
        "two-channels-get-the-target-and-weight",
        v2(
            {"SampleWeightAttributeName": "w"},
            AutoMLJobInputDataConfig=[
                {"DataSource": S3, "ChannelType": "training", "ContentType": "text/csv"},
                {
                    "DataSource": S3_VALIDATION,
                    "ChannelType": "validation",
                    "CompressionType": "Gzip",
                },
            ],
        ),
        v1(
            InputDataConfig=[
                {
                    "DataSource": S3,
                    "TargetAttributeName": "y",
                    "ContentType": "text/csv",
                    "ChannelType": "training",
                    "SampleWeightAttributeName": "w",
                },
                {
                    "DataSource": S3_VALIDATION,
                    "CompressionType": "Gzip",
                    "TargetAttributeName": "y",
                    "ChannelType": "validation",
                    "SampleWeightAttributeName": "w",
                },
            ]
        ),
    ),
    (
        "problem-type-and-candidate-definitions",
        v2({"ProblemType": "Regression", "GenerateCandidateDefinitionsOnly": False}),
        v1(ProblemType="Regression", GenerateCandidateDefinitionsOnly=False),
    ),
    (
        "job-config-gathered",
        v2(
            {"CompletionCriteria": CRITERIA, "Mode": "ENSEMBLING"},
            DataSplitConfig={"ValidationFraction": 0.1},
            SecurityConfig=SECURITY,
        ),
        v1(
            AutoMLJobConfig={
                "CompletionCriteria": CRITERIA,
                "SecurityConfig": SECURITY,
                "DataSplitConfig": {"ValidationFraction": 0.1},
                "Mode": "ENSEMBLING",
            }
        ),
    ),
    (
        "feature-specification",
        v2({"FeatureSpecificationS3Uri": "s3://b/f"}),
        v1(
            AutoMLJobConfig={"CandidateGenerationConfig": {"FeatureSpecificationS3Uri": "s3://b/f"}}
        ),
    ),
    (
        "algorithms",
        v2({"CandidateGenerationConfig": {"AlgorithmsConfig": ALGORITHMS}}),
        v1(AutoMLJobConfig={"CandidateGenerationConfig": {"AlgorithmsConfig": ALGORITHMS}}),
    ),
    (
        "candidate-generation-joined",
        v2(
            {
                "FeatureSpecificationS3Uri": "s3://b/f",
                "CandidateGenerationConfig": {"AlgorithmsConfig": ALGORITHMS},
            }
        ),
        v1(
            AutoMLJobConfig={
                "CandidateGenerationConfig": {
                    "FeatureSpecificationS3Uri": "s3://b/f",
                    "AlgorithmsConfig": ALGORITHMS,
                }
            }
        ),
    ),
    (
        "empty-candidate-generation",
        v2({"CandidateGenerationConfig": {}}),
        v1(AutoMLJobConfig={"CandidateGenerationConfig": {}}),
    ),
    (
        "resolved-attributes",
        v2(
            ResolvedAttributes={
                "AutoMLJobObjective": {"MetricName": "F1"},
                "CompletionCriteria": CRITERIA,
                "AutoMLProblemTypeResolvedAttributes": {
                    "TabularResolvedAttributes": {"ProblemType": "BinaryClassification"}
                },
            }
        ),
        v1(
            ResolvedAttributes={
                "AutoMLJobObjective": {"MetricName": "F1"},
                "ProblemType": "BinaryClassification",
                "CompletionCriteria": CRITERIA,
            }
        ),
    ),
    (
        "resolved-attributes-partial",
        v2(ResolvedAttributes={"CompletionCriteria": CRITERIA}),
        v1(ResolvedAttributes={"CompletionCriteria": CRITERIA}),
    ),
    (
        "v2-only-members-left-out",
        v2(
            AutoMLComputeConfig={
                "EmrServerlessComputeConfig": {"ExecutionRoleARN": ROLE},
            }
        ),
        v1(),
    ),
    (
        "response-metadata-kept",
        v2(ResponseMetadata={"RequestId": "r-1", "HTTPStatusCode": 200}),
        v1(ResponseMetadata={"RequestId": "r-1", "HTTPStatusCode": 200}),
    ),
    (
        "tabular-by-name-only",
        {k: v for k, v in v2().items() if k != "AutoMLProblemTypeConfig"},
        v1(InputDataConfig=[{"DataSource": S3}]),
    ),
]


@pytest.mark.parametrize(
    ("response", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_translation(response: dict[str, Any], expected: dict[str, Any]) -> None:
    assert migrate_describe_response(response) == expected


def _not_tabular(kind: str) -> str:
    return (
        f"a {kind} job has no DescribeAutoMLJob (V1) form: V1 describes tabular jobs only; "
        "read it with DescribeAutoMLJobV2"
    )


# (id, DescribeAutoMLJobV2 response, path, reason)
REFUSED = [
    (
        kind,
        v2(
            AutoMLProblemTypeConfig={f"{kind}JobConfig": {}},
            AutoMLProblemTypeConfigName=kind,
        ),
        f"AutoMLProblemTypeConfig.{kind}JobConfig",
        _not_tabular(kind),
    )
    for kind in (
        "ImageClassification",
        "TextClassification",
        "TimeSeriesForecasting",
        "TextGeneration",
    )
] + [
    (
        "unknown-problem-type",
        v2(
            AutoMLProblemTypeConfig={"SDK_UNKNOWN_MEMBER": {"name": "VideoJobConfig"}},
            AutoMLProblemTypeConfigName="Video",
        ),
        "AutoMLProblemTypeConfig.SDK_UNKNOWN_MEMBER",
        _not_tabular("VideoJobConfig"),
    ),
    (
        "name-only-not-tabular",
        {
            k: v
            for k, v in v2(AutoMLProblemTypeConfigName="TextGeneration").items()
            if k != "AutoMLProblemTypeConfig"
        },
        "AutoMLProblemTypeConfigName",
        _not_tabular("TextGeneration"),
    ),
    (
        "no-problem-type-at-all",
        {k: v for k, v in v2().items() if not k.startswith("AutoMLProblemTypeConfig")},
        "AutoMLProblemTypeConfig",
        "the response has neither AutoMLProblemTypeConfig nor AutoMLProblemTypeConfigName, "
        "so it cannot be told to be a tabular job, the only kind with a V1 form",
    ),
    (
        "not-a-response",
        "job-1",
        "",
        "expected a DescribeAutoMLJobV2 response (a dict or DescribeAutoMLJobV2Response), got str",
    ),
]


@pytest.mark.parametrize(
    ("response", "path", "reason"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_refusal(response: Any, path: str, reason: str) -> None:
    with pytest.raises(MigrationError) as caught:
        migrate_describe_response(response)

    assert (caught.value.path, caught.value.reason) == (path, reason)


def _full_v2_response() -> dict[str, Any]:
    return v2(
        {
            "CandidateGenerationConfig": {"AlgorithmsConfig": ALGORITHMS},
            "CompletionCriteria": CRITERIA,
            "FeatureSpecificationS3Uri": "s3://b/f",
            "Mode": "ENSEMBLING",
            "GenerateCandidateDefinitionsOnly": False,
            "ProblemType": "BinaryClassification",
            "SampleWeightAttributeName": "w",
        },
        AutoMLJobObjective={"MetricName": "F1"},
        DataSplitConfig={"ValidationFraction": 0.2},
        SecurityConfig=SECURITY,
        ResolvedAttributes={
            "AutoMLJobObjective": {"MetricName": "F1"},
            "CompletionCriteria": CRITERIA,
            "AutoMLProblemTypeResolvedAttributes": {
                "TabularResolvedAttributes": {"ProblemType": "BinaryClassification"}
            },
        },
        **{k: v for k, v in FINISHED.items() if k != "AutoMLJobObjective"},
    )


def test_every_v1_describe_member_is_filled_from_a_full_response() -> None:
    result = migrate_describe_response(_full_v2_response())

    assert set(result) == set(SHAPES["DescribeAutoMLJobResponse"]["members"])
    assert set(result["AutoMLJobConfig"]) == set(SHAPES["AutoMLJobConfig"]["members"])
    assert set(result["ResolvedAttributes"]) == set(SHAPES["ResolvedAttributes"]["members"])
    assert set(result["InputDataConfig"][0]) == {
        "DataSource",
        "TargetAttributeName",
        "SampleWeightAttributeName",
    }


def test_the_response_is_neither_changed_nor_shared() -> None:
    response = _full_v2_response()
    response["AutoMLJobInputDataConfig"].append({"DataSource": S3_VALIDATION})
    before = copy.deepcopy(response)

    result = migrate_describe_response(response)
    result["AutoMLJobConfig"]["CompletionCriteria"]["MaxCandidates"] = 1
    result["InputDataConfig"][0]["DataSource"]["S3DataSource"]["S3Uri"] = "s3://x/"
    result["BestCandidate"]["CandidateName"] = "changed"

    assert response == before
    assert result["InputDataConfig"][0] is not result["InputDataConfig"][1]


def test_a_shape_translates_like_its_dict() -> None:
    from automl_sdk import from_wire, to_wire
    from automl_sdk.shapes import DescribeAutoMLJobV2Response

    shape = from_wire(DescribeAutoMLJobV2Response, _full_v2_response())

    assert migrate_describe_response(shape) == migrate_describe_response(to_wire(shape))
    assert (
        migrate_describe_response(shape)["ResolvedAttributes"]["ProblemType"]
        == "BinaryClassification"
    )


def test_the_v1_view_keeps_boto3s_describe_auto_ml_job_key_order() -> None:
    response = _full_v2_response()
    response["ResponseMetadata"] = {"RequestId": "r-1"}
    # The V2 response lists its members in another order; the view must not follow it.
    reversed_response = dict(reversed(list(response.items())))

    result = migrate_describe_response(reversed_response)

    # boto3's order, which a contract test holds V1_RESPONSE_ORDER to; ResponseMetadata last.
    assert list(result) == list(V1_RESPONSE_ORDER[""])
    assert list(result["InputDataConfig"][0]) == [
        "DataSource",
        "TargetAttributeName",
        "SampleWeightAttributeName",
    ]
    assert list(result["AutoMLJobConfig"]) == [
        "CompletionCriteria",
        "SecurityConfig",
        "CandidateGenerationConfig",
        "DataSplitConfig",
        "Mode",
    ]
    assert list(result["AutoMLJobConfig"]["CandidateGenerationConfig"]) == [
        "FeatureSpecificationS3Uri",
        "AlgorithmsConfig",
    ]
    assert list(result["ResolvedAttributes"]) == [
        "AutoMLJobObjective",
        "ProblemType",
        "CompletionCriteria",
    ]


def test_channel_members_follow_the_v1_channel_order() -> None:
    channel = {"ChannelType": "training", "ContentType": "text/csv", "CompressionType": "None"}
    response = v2({"SampleWeightAttributeName": "w"})
    response["AutoMLJobInputDataConfig"] = [{**channel, "DataSource": S3}]

    result = migrate_describe_response(response)

    assert list(result["InputDataConfig"][0]) == list(V1_RESPONSE_ORDER["InputDataConfig[*]"])


def test_members_of_copied_values_keep_their_own_order() -> None:
    candidate = dict(reversed(list(CANDIDATE.items())))

    result = migrate_describe_response(v2(BestCandidate=candidate))

    assert list(result["BestCandidate"]) == list(candidate)
