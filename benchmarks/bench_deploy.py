"""What deploy's pre-flight costs before the first request is sent. Prints figures; asserts nothing.

    python benchmarks/bench_deploy.py

Per call, best of 5 repeats: the argument rules over a typical deploy's arguments, the
CreateModel request of a three-container classification
candidate with response keys (containers chosen, the SAGEMAKER_INFERENCE_* chain worked out),
phase 1 of the linter over the CreateModel, CreateEndpointConfig and CreateEndpoint requests,
and botocore's own parameter validation of the same three, for scale.
"""

from __future__ import annotations

import platform
import sys
import timeit
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import botocore.session
from botocore.validate import ParamValidator

from automl_sdk.deploy import _aws
from automl_sdk.deploy._arguments import RULES
from automl_sdk.deploy._model import ModelChoice, model_request
from automl_sdk.deploy._source import Source
from tests.support.deploy import candidate, hpo_classification_containers
from tests.support.requests import ROLE_ARN

KEYS = ["predicted_label", "probability", "labels"]
SOURCE = Source(
    job_name="churn",
    role_arn=ROLE_ARN,
    vpc_config={
        "SecurityGroupIds": ["sg-0123456789abcdef0"],
        "Subnets": ["subnet-0123456789abcdef0"],
    },
    volume_kms_key_id=None,
    output_kms_key_id=None,
    time_series=False,
    candidate=candidate("churn-xgb", containers=hpo_classification_containers()),
)

CHOICE = ModelChoice(
    candidate=None,
    model_name="churn-live",
    inference_response_keys=KEYS,
    execution_role_arn=None,
    vpc_config=None,
    tags=[],
)


def plan() -> dict[str, Any]:
    return model_request(SOURCE, CHOICE, instance_type="ml.m5.large")


REQUESTS = {
    "CreateModel": plan(),
    "CreateEndpointConfig": {
        "EndpointConfigName": "churn-live",
        "ProductionVariants": [
            {
                "VariantName": "AllTraffic",
                "ModelName": "churn-live",
                "InstanceType": "ml.m5.large",
                "InitialInstanceCount": 1,
            }
        ],
        "Tags": [{"Key": "automl-sdk:auto-ml-job", "Value": "churn"}],
    },
    "CreateEndpoint": {"EndpointName": "churn-live", "EndpointConfigName": "churn-live"},
}


ARGUMENTS = {
    "endpoint_name": "churn-live",
    "initial_instance_count": 1,
    "inference_response_keys": KEYS,
    "vpc_config": SOURCE.vpc_config,
    "tags": {"team": "risk", "cost-center": "42"},
    "timeout": 600.0,
}


def check_arguments() -> None:
    for name, value in ARGUMENTS.items():
        RULES[name](name, value)


def lint_all() -> None:
    for operation, request in REQUESTS.items():
        _aws.lint_request(operation, request)


MODEL = botocore.session.get_session().get_service_model("sagemaker")
SHAPES = {name: MODEL.operation_model(name).input_shape for name in REQUESTS}
VALIDATOR = ParamValidator()


def botocore_validate_all() -> None:
    for operation, request in REQUESTS.items():
        VALIDATOR.validate(request, SHAPES[operation])


def per_call(func: Any, number: int = 2000) -> float:
    return min(timeit.Timer(func).repeat(repeat=5, number=number)) / number


def main() -> None:
    print(f"python {platform.python_version()} on {platform.machine()}, best of 5 repeats")
    rows = [
        ("argument rules over 6 deploy arguments", check_arguments),
        ("CreateModel request (3 containers, 3 response keys)", plan),
        ("phase-1 lint of the 3 deploy requests", lint_all),
        ("botocore validation of the same 3 (for scale)", botocore_validate_all),
    ]
    for label, func in rows:
        print(f"  {label:<55} {per_call(func) * 1e6:8.1f} us/call")


if __name__ == "__main__":
    main()
