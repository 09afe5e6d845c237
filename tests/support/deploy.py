"""Candidates and job descriptions as Autopilot returns them, for the deploy tests.

The containers follow what Autopilot documents: HPO-mode classification candidates run three
containers (data processing, algorithm, inverse label transform), HPO regression two, ensembling
one; image and text classification candidates list CPU and GPU definitions. Each call returns
fresh dicts, so a test may change its copy.
"""

from __future__ import annotations

import datetime
from typing import Any

from tests.support.requests import ROLE_ARN

ACCOUNT = "123456789012"
REGION = "us-east-1"
ECR = f"683313688378.dkr.ecr.{REGION}.amazonaws.com"
WHEN = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
ALL_KEYS = "predicted_label,probability,labels,probabilities"


def container(image: str, model: str, **environment: str) -> dict[str, Any]:
    """One inference container definition."""
    found: dict[str, Any] = {"Image": f"{ECR}/{image}", "ModelDataUrl": f"s3://b/output/{model}"}
    if environment:
        found["Environment"] = dict(environment)
    return found


def hpo_classification_containers() -> list[dict[str, Any]]:
    """Data processing (no response keys), XGBoost (3 keys), inverse label transform (all 4)."""
    return [
        container(
            "sagemaker-sklearn-automl:2.5-1-cpu-py3",
            "dpp/model.tar.gz",
            AUTOML_TRANSFORM_MODE="feature-transform",
            SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT="application/x-recordio-protobuf",
            SAGEMAKER_PROGRAM="sagemaker_serve",
        ),
        container(
            "sagemaker-xgboost:1.7-1",
            "tuning/xgb/model.tar.gz",
            MAX_CONTENT_LENGTH="20971520",
            SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT="text/csv",
            SAGEMAKER_INFERENCE_OUTPUT="predicted_label",
            SAGEMAKER_INFERENCE_SUPPORTED="predicted_label,probability,probabilities",
        ),
        container(
            "sagemaker-sklearn-automl:2.5-1-cpu-py3",
            "dpp/model.tar.gz",
            AUTOML_TRANSFORM_MODE="inverse-label-transform",
            SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT="text/csv",
            SAGEMAKER_INFERENCE_INPUT="predicted_label",
            SAGEMAKER_INFERENCE_OUTPUT="predicted_label",
            SAGEMAKER_INFERENCE_SUPPORTED=ALL_KEYS,
        ),
    ]


def hpo_regression_containers() -> list[dict[str, Any]]:
    """Data processing and XGBoost; regression containers declare no response keys."""
    return [
        container(
            "sagemaker-sklearn-automl:2.5-1-cpu-py3",
            "dpp/model.tar.gz",
            AUTOML_TRANSFORM_MODE="feature-transform",
            SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT="application/x-recordio-protobuf",
        ),
        container(
            "sagemaker-xgboost:1.7-1",
            "tuning/xgb/model.tar.gz",
            MAX_CONTENT_LENGTH="20971520",
            SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT="text/csv",
        ),
    ]


def ensembling_containers() -> list[dict[str, Any]]:
    """The single AutoGluon container of an ensembling candidate."""
    return [
        container(
            "autogluon-inference:0.4.3-cpu-py38-ubuntu20.04",
            "ensemble/model.tar.gz",
            MODEL_NAME="WeightedEnsemble_L2",
            SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT="text/csv",
            SAGEMAKER_INFERENCE_OUTPUT="predicted_label",
            SAGEMAKER_INFERENCE_SUPPORTED=ALL_KEYS,
        )
    ]


def image_definitions() -> dict[str, list[dict[str, Any]]]:
    """CPU and GPU containers of an image classification candidate."""
    return {
        "CPU": [container("automl-vision:1.0-cpu", "vision/model.tar.gz", DEVICE="cpu")],
        "GPU": [container("automl-vision:1.0-gpu", "vision/model.tar.gz", DEVICE="gpu")],
    }


def time_series_containers() -> list[dict[str, Any]]:
    """The single container of a time-series forecasting candidate."""
    return [container("automl-forecasting:1.0", "forecast/model.tar.gz")]


def candidate(
    name: str,
    *,
    containers: list[dict[str, Any]] | None = None,
    definitions: dict[str, list[dict[str, Any]]] | None = None,
    metric: float | None = 0.9,
    status: str = "Completed",
) -> dict[str, Any]:
    """A candidate (``AutoMLCandidate``) with these containers."""
    found: dict[str, Any] = {
        "CandidateName": name,
        "ObjectiveStatus": "Succeeded",
        "CandidateSteps": [],
        "CandidateStatus": status,
        "CreationTime": WHEN,
        "LastModifiedTime": WHEN,
    }
    if metric is not None:
        found["FinalAutoMLJobObjectiveMetric"] = {
            "MetricName": "F1",
            "Value": metric,
            "Type": "Maximize",
        }
    if containers is not None:
        found["InferenceContainers"] = containers
    if definitions is not None:
        found["InferenceContainerDefinitions"] = definitions
    return found


def job_description(
    name: str,
    *,
    best: dict[str, Any] | None = None,
    status: str = "Completed",
    problem: dict[str, Any] | None = None,
    problem_name: str = "Tabular",
    security: dict[str, Any] | None = None,
    output_kms_key_id: str | None = None,
    failure_reason: str | None = None,
) -> dict[str, Any]:
    """A ``DescribeAutoMLJobV2`` response."""
    output: dict[str, Any] = {"S3OutputPath": "s3://b/output/"}
    if output_kms_key_id is not None:
        output["KmsKeyId"] = output_kms_key_id
    found: dict[str, Any] = {
        "AutoMLJobName": name,
        "AutoMLJobArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:automl-job/{name}",
        "AutoMLJobInputDataConfig": [
            {
                "ChannelType": "training",
                "DataSource": {
                    "S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/train/"}
                },
            }
        ],
        "OutputDataConfig": output,
        "RoleArn": ROLE_ARN,
        "CreationTime": WHEN,
        "LastModifiedTime": WHEN,
        "AutoMLJobStatus": status,
        "AutoMLJobSecondaryStatus": "Completed" if status == "Completed" else status,
        "AutoMLProblemTypeConfig": problem
        or {
            "TabularJobConfig": {
                "TargetAttributeName": "churned",
                "ProblemType": "BinaryClassification",
            }
        },
        "AutoMLProblemTypeConfigName": problem_name,
    }
    if best is not None:
        found["BestCandidate"] = best
    if security is not None:
        found["SecurityConfig"] = security
    if failure_reason is not None:
        found["FailureReason"] = failure_reason
    return found


def arn(kind: str, name: str) -> str:
    """The ARN SageMaker gives a resource of ``kind`` (``model``, ``endpoint``...)."""
    return f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:{kind}/{name}"
