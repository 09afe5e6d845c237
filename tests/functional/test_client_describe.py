"""Describing jobs: always DescribeAutoMLJobV2, typed; the V1 drop-in returns the V1 shape."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ClientError
from botocore.stub import Stubber

from automl_sdk import AutoMLClient
from automl_sdk.client import Job
from automl_sdk.shapes import DescribeAutoMLJobV2Response, TabularJobConfig

NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
LATER = NOW + datetime.timedelta(hours=2)

CANDIDATE: dict[str, Any] = {
    "CandidateName": "churn-trial-007",
    "FinalAutoMLJobObjectiveMetric": {"Type": "Maximize", "MetricName": "F1", "Value": 0.91},
    "ObjectiveStatus": "Succeeded",
    "CandidateSteps": [
        {
            "CandidateStepType": "AWS::SageMaker::TrainingJob",
            "CandidateStepArn": "arn:aws:sagemaker:us-east-1:123456789012:training-job/t7",
            "CandidateStepName": "t7",
        }
    ],
    "CandidateStatus": "Completed",
    "CreationTime": NOW,
    "LastModifiedTime": LATER,
}


def described(name: str = "churn", status: str = "Completed", **extra: Any) -> dict[str, Any]:
    """A DescribeAutoMLJobV2 response of a tabular job (V1 jobs are described the same way)."""
    return {
        "AutoMLJobName": name,
        "AutoMLJobArn": f"arn:aws:sagemaker:us-east-1:123456789012:automl-job/{name}",
        "AutoMLJobInputDataConfig": [
            {
                "ChannelType": "training",
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}},
            }
        ],
        "OutputDataConfig": {"S3OutputPath": "s3://b/output/"},
        "RoleArn": "arn:aws:iam::123456789012:role/AutoMLRole",
        "AutoMLJobObjective": {"MetricName": "F1"},
        "AutoMLProblemTypeConfig": {
            "TabularJobConfig": {
                "TargetAttributeName": "churned",
                "ProblemType": "BinaryClassification",
                "CompletionCriteria": {"MaxCandidates": 10},
            }
        },
        "AutoMLProblemTypeConfigName": "Tabular",
        "CreationTime": NOW,
        "LastModifiedTime": LATER,
        "AutoMLJobStatus": status,
        "AutoMLJobSecondaryStatus": status,
        **extra,
    }


def test_describe_returns_the_typed_v2_response(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response(
        "describe_auto_ml_job_v2",
        described(BestCandidate=CANDIDATE, EndTime=LATER),
        {"AutoMLJobName": "churn"},
    )
    description = client.describe_job("churn")
    assert isinstance(description, DescribeAutoMLJobV2Response)
    assert description.auto_ml_job_status == "Completed"
    assert description.end_time == LATER
    assert description.auto_ml_problem_type_config == TabularJobConfig(
        target_attribute_name="churned",
        problem_type="BinaryClassification",
        completion_criteria=description.auto_ml_problem_type_config.completion_criteria,  # type: ignore[union-attr]
    )
    assert description.best_candidate is not None
    assert description.best_candidate.candidate_name == "churn-trial-007"


def test_a_job_that_ended_early_has_no_best_candidate(
    stubber: Stubber, client: AutoMLClient
) -> None:
    failed = described(status="Failed", FailureReason="ClientError: no data at s3://b/t/")
    stubber.add_response("describe_auto_ml_job_v2", failed)
    stubber.add_response("describe_auto_ml_job_v2", failed)
    stubber.add_response("list_candidates_for_auto_ml_job", {"Candidates": []})
    assert client.describe_job("churn").best_candidate is None
    assert client.best_candidate("churn") is None


def test_best_candidate_comes_from_the_description(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(BestCandidate=CANDIDATE))
    best = client.best_candidate("churn")
    assert best is not None
    assert best.candidate_name == "churn-trial-007"


def test_best_candidate_falls_back_to_the_leaderboard(
    stubber: Stubber, client: AutoMLClient
) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(status="InProgress"))
    stubber.add_response("list_candidates_for_auto_ml_job", {"Candidates": [CANDIDATE]})
    best = Job(name="churn", arn="arn", client=client).best_candidate()
    assert best is not None
    assert best.candidate_name == "churn-trial-007"


def test_a_v1_job_is_described_with_v2_and_the_drop_in_returns_the_v1_shape(
    stubber: Stubber, client: AutoMLClient
) -> None:
    stubber.add_response(
        "describe_auto_ml_job_v2", described(BestCandidate=CANDIDATE), {"AutoMLJobName": "churn"}
    )
    v1 = client.describe_auto_ml_job(AutoMLJobName="churn")
    assert v1["ProblemType"] == "BinaryClassification"
    assert v1["InputDataConfig"][0]["TargetAttributeName"] == "churned"
    assert v1["AutoMLJobConfig"]["CompletionCriteria"] == {"MaxCandidates": 10}
    assert v1["BestCandidate"]["CandidateName"] == "churn-trial-007"
    assert "AutoMLProblemTypeConfig" not in v1
    assert "ResponseMetadata" not in v1


def respond_unvalidated(sagemaker: Any, parsed: dict[str, Any]) -> None:
    """Answer every call with ``parsed`` as-is: the Stubber would refuse members it does not
    know, which is exactly what a newer service (or newer botocore) sends."""

    def answer(**_: Any) -> tuple[AWSResponse, dict[str, Any]]:
        return AWSResponse(None, 200, {}, None), parsed

    sagemaker.meta.events.register_first("before-call.sagemaker.DescribeAutoMLJobV2", answer)


def test_unknown_members_and_enum_values_are_kept_or_ignored(
    sagemaker: Any, client: AutoMLClient
) -> None:
    response = described(status="Paused", AutoMLJobSecondaryStatus="QuantumTuning")
    response["SustainabilityReport"] = {"GramsCO2": 12}
    response["OutputDataConfig"]["NewEncryption"] = "on"
    respond_unvalidated(sagemaker, response)
    description = client.describe_job("churn")
    assert description.auto_ml_job_status == "Paused"
    assert description.auto_ml_job_secondary_status == "QuantumTuning"
    assert description.output_data_config.s3_output_path == "s3://b/output/"


def test_job_status_reads_the_description(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(status="InProgress"))
    assert Job(name="churn", arn="arn", client=client).status() == "InProgress"


def test_an_unknown_job_raises_clienterror_unwrapped(
    stubber: Stubber, client: AutoMLClient
) -> None:
    stubber.add_client_error(
        "describe_auto_ml_job_v2",
        "ResourceNotFound",
        "Could not find AutoML job with name nope.",
        400,
        expected_params={"AutoMLJobName": "nope"},
    )
    with pytest.raises(ClientError) as caught:
        client.describe_job("nope")
    assert caught.value.response["Error"]["Code"] == "ResourceNotFound"
