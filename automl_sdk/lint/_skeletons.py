"""Starting requests for ``automl-sdk skeleton``: valid CreateAutoMLJobV2 requests that lint clean.

JSON has no comments, so each skeleton is a plain request plus notes: the CLI prints the JSON on
stdout (redirect it to a file) and the notes, one ``# member: advice`` line each, on stderr.
Placeholders use the AWS documentation's example bucket and account (``amzn-s3-demo-bucket``,
``111122223333``): replace them before running the job.
"""

from __future__ import annotations

import copy
from typing import Any

_BUCKET = "s3://amzn-s3-demo-bucket"
_ACCOUNT = "111122223333"
_ROLE = f"arn:aws:iam::{_ACCOUNT}:role/service-role/AmazonSageMaker-ExecutionRole"
_KMS = f"arn:aws:kms:us-east-1:{_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
_CSV = "text/csv;header=present"

PROBLEM_TYPES = ("tabular", "time-series", "image", "text", "text-generation")

_COMMON_NOTES = (
    "AutoMLJobName: 1-32 letters, digits and hyphens, unique in your account",
    "AutoMLJobInputDataConfig: 1 or 2 channels; add a 'validation' channel or set DataSplitConfig",
    "OutputDataConfig.S3OutputPath: where Autopilot writes artifacts",
    "RoleArn: an IAM role SageMaker can assume, with access to the S3 locations",
    "SecurityConfig: replace the KMS key, security group and subnet ids with yours "
    "(removing it triggers the W8 security warnings)",
)


def _channel(prefix: str, content_type: str) -> dict[str, Any]:
    return {
        "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"{_BUCKET}/{prefix}/"}},
        "ContentType": content_type,
        "ChannelType": "training",
    }


def _request(name: str, prefix: str, content_type: str, problem: dict[str, Any]) -> dict[str, Any]:
    return {
        "AutoMLJobName": name,
        "AutoMLJobInputDataConfig": [_channel(f"{prefix}/train", content_type)],
        "OutputDataConfig": {"S3OutputPath": f"{_BUCKET}/{prefix}/output/", "KmsKeyId": _KMS},
        "AutoMLProblemTypeConfig": problem,
        "RoleArn": _ROLE,
        "SecurityConfig": {
            "VolumeKmsKeyId": _KMS,
            "EnableInterContainerTrafficEncryption": True,
            "VpcConfig": {
                "SecurityGroupIds": ["sg-0123456789abcdef0"],
                "Subnets": ["subnet-0123456789abcdef0"],
            },
        },
    }


_COMPLETION = {"MaxCandidates": 1, "MaxAutoMLJobRuntimeInSeconds": 86400}

_SKELETONS: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {
    "tabular": (
        _request(
            "my-tabular-job",
            "tabular",
            _CSV,
            {
                "TabularJobConfig": {
                    "TargetAttributeName": "label",
                    "ProblemType": "BinaryClassification",
                    "Mode": "ENSEMBLING",
                    "CompletionCriteria": {
                        "MaxCandidates": 100,
                        "MaxAutoMLJobRuntimeInSeconds": 14400,
                    },
                }
            },
        )
        | {"AutoMLJobObjective": {"MetricName": "F1"}},
        (
            "TabularJobConfig.TargetAttributeName: the column to predict",
            "TabularJobConfig.ProblemType and AutoMLJobObjective: set both or neither "
            "(Regression: MSE, RMSE, MAE, R2; BinaryClassification: F1, AUC, Accuracy, ...)",
            "TabularJobConfig.Mode: AUTO, ENSEMBLING or HYPERPARAMETER_TUNING",
            "ContentType: 'text/csv;header=present' or 'x-application/vnd.amazon+parquet'",
        ),
    ),
    "time-series": (
        _request(
            "my-forecast-job",
            "forecast",
            _CSV,
            {
                "TimeSeriesForecastingJobConfig": {
                    "ForecastFrequency": "1D",
                    "ForecastHorizon": 14,
                    "ForecastQuantiles": ["p10", "p50", "p90"],
                    "TimeSeriesConfig": {
                        "TargetAttributeName": "demand",
                        "TimestampAttributeName": "timestamp",
                        "ItemIdentifierAttributeName": "item_id",
                    },
                    "CompletionCriteria": dict(_COMPLETION),
                }
            },
        ),
        (
            "ForecastFrequency: 1-59min, 1-23H, 1-6D, 1-4W, 1-11M or 1Y",
            "ForecastHorizon: 1-500 time steps (at most 1/4 of the series length)",
            "ForecastQuantiles: up to 5 of p1..p99",
            "TimeSeriesConfig: the target, timestamp and item id columns of your data",
        ),
    ),
    "image": (
        _request(
            "my-image-job",
            "images",
            "image/*",
            {"ImageClassificationJobConfig": {"CompletionCriteria": dict(_COMPLETION)}},
        ),
        (
            "ContentType: image/png, image/jpeg or image/*",
            "S3DataType: S3Prefix, ManifestFile or AugmentedManifestFile",
            "CompletionCriteria.MaxCandidates: the supported value is 1",
        ),
    ),
    "text": (
        _request(
            "my-text-job",
            "text",
            _CSV,
            {
                "TextClassificationJobConfig": {
                    "ContentColumn": "text",
                    "TargetLabelColumn": "label",
                    "CompletionCriteria": dict(_COMPLETION),
                }
            },
        ),
        (
            "TextClassificationJobConfig.ContentColumn: the column with the sentences",
            "TextClassificationJobConfig.TargetLabelColumn: the label column (not the content column)",
        ),
    ),
    "text-generation": (
        _request(
            "my-llm-tuning-job",
            "llm",
            _CSV,
            {
                "TextGenerationJobConfig": {
                    "BaseModelName": "Falcon7BInstruct",
                    "TextGenerationHyperParameters": {"epochCount": "3", "batchSize": "8"},
                    "CompletionCriteria": {
                        "MaxCandidates": 1,
                        "MaxRuntimePerTrainingJobInSeconds": 259200,
                        "MaxAutoMLJobRuntimeInSeconds": 259200,
                    },
                }
            },
        ),
        (
            "TextGenerationJobConfig.BaseModelName: the model to fine-tune (default Falcon7BInstruct)",
            "TextGenerationHyperParameters: epochCount '1'-'10', batchSize '1'-'64', "
            "learningRate '0'-'1', learningRateWarmupSteps '0'-'250' (all strings)",
            "ModelAccessConfig.AcceptEula: set to true for models that need a EULA",
        ),
    ),
}


def skeleton(problem_type: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    """A fresh copy of the starting request for ``problem_type`` and its notes.

    Raises:
        KeyError: ``problem_type`` is not one of :data:`PROBLEM_TYPES`.
    """
    request, notes = _SKELETONS[problem_type]
    return copy.deepcopy(request), _COMMON_NOTES + notes
