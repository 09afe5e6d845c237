"""Small valid tabular requests shared by the client, CLI and moto tests.

Each call returns a fresh dict, so a test may change its copy. Tests that check a translation
spell the expected result out themselves rather than deriving it from these.
"""

from __future__ import annotations

from typing import Any

ROLE_ARN = "arn:aws:iam::123456789012:role/AutoMLRole"


def tabular_v2_request(name: str = "churn") -> dict[str, Any]:
    """A CreateAutoMLJobV2 binary-classification request with one training channel."""
    return {
        "AutoMLJobName": name,
        "AutoMLJobInputDataConfig": [
            {
                "ChannelType": "training",
                "ContentType": "text/csv;header=present",
                "DataSource": {
                    "S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/train/"}
                },
            }
        ],
        "OutputDataConfig": {"S3OutputPath": "s3://b/output/"},
        "AutoMLProblemTypeConfig": {
            "TabularJobConfig": {
                "TargetAttributeName": "churned",
                "ProblemType": "BinaryClassification",
                "CompletionCriteria": {"MaxCandidates": 10},
            }
        },
        "AutoMLJobObjective": {"MetricName": "F1"},
        "RoleArn": ROLE_ARN,
    }


def tabular_v1_request(
    name: str = "churn",
    *,
    problem_type: str = "BinaryClassification",
    metric: str = "F1",
    max_candidates: int = 3,
) -> dict[str, Any]:
    """A CreateAutoMLJob (V1) request with one channel and the given objective."""
    return {
        "AutoMLJobName": name,
        "InputDataConfig": [
            {
                "DataSource": {
                    "S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/train/"}
                },
                "TargetAttributeName": "churned",
            }
        ],
        "OutputDataConfig": {"S3OutputPath": "s3://b/output/"},
        "ProblemType": problem_type,
        "AutoMLJobObjective": {"MetricName": metric},
        "AutoMLJobConfig": {"CompletionCriteria": {"MaxCandidates": max_candidates}},
        "RoleArn": ROLE_ARN,
    }
