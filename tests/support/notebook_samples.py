"""Wire dicts of descriptions and candidates for the notebook display tests.

Values carry HTML metacharacters on purpose (``<b>``, ``&``, quotes) so the golden files show
that every display escapes them.
"""

from __future__ import annotations

import datetime
from typing import Any

from tests.support.jobs import described
from tests.support.requests import tabular_v1_request, tabular_v2_request

UTC = datetime.timezone.utc
CREATED = datetime.datetime(2026, 1, 2, 3, 0, 0, tzinfo=UTC)
ENDED = CREATED + datetime.timedelta(hours=1, minutes=2, seconds=3)
ARN = "arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn"
ROLE = "arn:aws:iam::123456789012:role/AutoML"


def candidate(
    name: str,
    value: float | None,
    *,
    status: str = "Completed",
    metric: str = "F1",
    direction: str | None = "Maximize",
    metrics: dict[str, float] | None = None,
    artifacts: bool = False,
) -> dict[str, Any]:
    """One ``AutoMLCandidate`` wire dict; ``metrics`` become Validation-set candidate metrics."""
    found: dict[str, Any] = {
        "CandidateName": name,
        "ObjectiveStatus": "Succeeded" if value is not None else "Pending",
        "CandidateSteps": [],
        "CandidateStatus": status,
        "CreationTime": CREATED,
        "LastModifiedTime": ENDED,
    }
    if value is not None:
        final: dict[str, Any] = {"MetricName": metric, "Value": value}
        if direction:
            final["Type"] = direction
        found["FinalAutoMLJobObjectiveMetric"] = final
    properties: dict[str, Any] = {}
    if metrics:
        properties["CandidateMetrics"] = [
            {"MetricName": key, "Value": number, "Set": "Validation"}
            for key, number in metrics.items()
        ]
    if artifacts:
        properties["CandidateArtifactLocations"] = {
            "Explainability": "s3://bucket/out/churn/explainability/",
            "ModelInsights": "s3://bucket/out/churn/insights/report.pdf",
        }
    if properties:
        found["CandidateProperties"] = properties
    return found


def description(
    status: str = "Completed", secondary: str = "Completed", **members: Any
) -> dict[str, Any]:
    """A ``DescribeAutoMLJobV2`` response; ``members`` are added or override (``None`` drops)."""
    described_members: dict[str, Any] = {
        "AutoMLJobInputDataConfig": tabular_v2_request()["AutoMLJobInputDataConfig"],
        "OutputDataConfig": {"S3OutputPath": "s3://bucket/out/"},
        "RoleArn": ROLE,
        "LastModifiedTime": ENDED,
        "AutoMLJobObjective": {"MetricName": "F1"},
        "AutoMLProblemTypeConfigName": "Tabular",
        "AutoMLProblemTypeConfig": {
            "TabularJobConfig": {
                "TargetAttributeName": "churned",
                "CompletionCriteria": {"MaxCandidates": 10},
            }
        },
    }
    if status in ("Completed", "Failed", "Stopped"):
        described_members["EndTime"] = ENDED
    raw = described(status, secondary, created=CREATED, **(described_members | members))
    return {key: value for key, value in raw.items() if value is not None}


def completed() -> dict[str, Any]:
    """A completed job with a best candidate, artifacts and resolved attributes."""
    return description(
        BestCandidate=candidate("churn-xgb-007", 0.91234567, artifacts=True),
        AutoMLJobArtifacts={
            "DataExplorationNotebookLocation": "s3://bucket/out/churn/notebooks/eda.ipynb",
            "CandidateDefinitionNotebookLocation": "s3://bucket/out/churn/notebooks/cand.ipynb",
        },
        ResolvedAttributes={
            "AutoMLJobObjective": {"MetricName": "F1"},
            "CompletionCriteria": {"MaxCandidates": 10},
            "AutoMLProblemTypeResolvedAttributes": {
                "TabularResolvedAttributes": {"ProblemType": "BinaryClassification"}
            },
        },
    )


def failed() -> dict[str, Any]:
    """A failed job whose reasons hold markup."""
    return description(
        "Failed",
        "Failed",
        FailureReason='Target column "churned" has <1 class> & no rows',
        PartialFailureReasons=[
            {"PartialFailureMessage": "candidate <a> failed"},
            {"PartialFailureMessage": ""},
        ],
    )


def v1_completed() -> dict[str, Any]:
    """A ``DescribeAutoMLJob`` (V1) response of a completed regression job."""
    return {
        "AutoMLJobName": "prices",
        "AutoMLJobArn": "arn:aws:sagemaker:us-east-1:123456789012:automl-job/prices",
        "InputDataConfig": tabular_v1_request()["InputDataConfig"],
        "OutputDataConfig": {"S3OutputPath": "s3://b/out/"},
        "RoleArn": ROLE,
        "ProblemType": "Regression",
        "AutoMLJobObjective": {"MetricName": "MSE"},
        "CreationTime": CREATED,
        "EndTime": CREATED + datetime.timedelta(minutes=45),
        "LastModifiedTime": CREATED + datetime.timedelta(minutes=45),
        "AutoMLJobStatus": "Completed",
        "AutoMLJobSecondaryStatus": "Completed",
        "BestCandidate": candidate("prices-lgb-3", 12.5, metric="MSE", direction="Minimize"),
    }


def leaderboard_candidates() -> list[dict[str, Any]]:
    """Five candidates in service order (not rank order), one without a metric."""
    return [
        candidate("churn-lin-002", 0.71, metrics={"Accuracy": 0.8, "AUC": 0.77}),
        candidate("churn-xgb-<007>", 0.91, metrics={"Accuracy": 0.93, "AUC": 0.95}),
        candidate("churn-mlp-004", None, status="InProgress"),
        candidate("churn-xgb-001", 0.88, metrics={"Accuracy": 0.9, "AUC": 0.93}),
        candidate("churn-rf-003", 0.84, status="Stopped", metrics={"Accuracy": 0.87}),
    ]
