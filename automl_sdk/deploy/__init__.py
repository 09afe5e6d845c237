"""From an AutoML job's candidate to predictions: models, endpoints, batch transform, clean-up.

::

    job = client.create_job(request)
    job.wait()
    endpoint = job.deploy(endpoint_name="churn", inference_response_keys=["predicted_label"])
    endpoint.predict([[42, "yes", 3.5]])          # [['1']]
    endpoint.delete()                             # endpoint, and the config and model deploy made
    job.transform(input_s3_uri="s3://b/batch/", output_s3_uri="s3://b/scored/")

The candidate's containers, and the ``SAGEMAKER_INFERENCE_*`` variables that choose what a
classification model answers, follow :mod:`automl_sdk.deploy._containers`. Every request sent to
SageMaker is linted first (phase 1: the service model's constraint tables), so a bad name or
instance type is reported with its path before anything is created. Importing this package never
imports boto3.
"""

from __future__ import annotations

from automl_sdk.deploy._containers import (
    RESPONSE_KEYS,
    candidate_containers,
    processing_unit,
    with_response_keys,
)
from automl_sdk.deploy._endpoint import Endpoint, attach_endpoint, deploy
from automl_sdk.deploy._job import DeployMethods, JobHandle
from automl_sdk.deploy._model import create_model
from automl_sdk.deploy._transform import TransformJob, transform

__all__ = [
    "RESPONSE_KEYS",
    "DeployMethods",
    "Endpoint",
    "JobHandle",
    "TransformJob",
    "attach_endpoint",
    "candidate_containers",
    "create_model",
    "deploy",
    "processing_unit",
    "transform",
    "with_response_keys",
]
