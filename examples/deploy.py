"""automl-sdk deploy example: from a completed AutoML job to predictions, then clean up.

Deploys the job's best candidate to a real-time endpoint (choosing the classification response
keys), predicts a few rows, runs a batch transform and deletes what it deployed.

Needs no AWS account: by default it starts a local SageMaker endpoint (moto's server, from
``pip install 'automl-sdk[server]'``) on 127.0.0.1. moto's AutoML jobs never finish, so the script
marks its job Completed through moto's backend, with a candidate shaped like Autopilot's, and
says so; moto's endpoints answer what the script queues for them::

    python -m pip install -e '.[server]' && python examples/deploy.py

On AWS, against a job of yours that has completed (the endpoint is billed while it exists; it is
deleted at the end unless ``--keep``)::

    python examples/deploy.py --aws --job-name churn --endpoint-name churn-demo \\
        --rows rows.csv --input s3://my-bucket/batch/ --output s3://my-bucket/scored/
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import logging
import os
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

from automl_sdk import AutoMLClient, DeployError, Endpoint, Job

LOCAL_ROLE = "arn:aws:iam::123456789012:role/AutoMLDeployExample"
LOCAL_ACCOUNT = "123456789012"
KEYS = ["predicted_label", "probability"]
SAMPLE_ROWS = [[42, "gold", 3.5], [7, "basic", 0.5]]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with sagemaker_endpoint(args) as endpoint_url:
        client = AutoMLClient(region_name=args.region, endpoint_url=endpoint_url)
        try:
            job = completed_job(client, args)
            endpoint = deploy(job, args)
        except DeployError as exc:  # e.g. the job has not completed: nothing was made
            print(f"error: {exc}", file=sys.stderr)
            return 1
        try:
            predict(endpoint, args, endpoint_url)
            transform(job, args)
        finally:
            if args.keep:
                heading(f"5. Keeping endpoint {endpoint.name} (delete it with automl-sdk undeploy)")
            else:
                heading("5. Undeploy: the endpoint, and the config and model deploy made")
                print(f"  deleted: {json.dumps(endpoint.delete())}")
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aws", action="store_true", help="use real AWS (your credentials)")
    parser.add_argument("--region", default=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"))
    parser.add_argument("--job-name", help="with --aws: a Completed AutoML job")
    parser.add_argument("--endpoint-name", help="default: <job name>-live")
    parser.add_argument("--instance-type", default="ml.m5.large")
    parser.add_argument("--rows", help="with --aws: a CSV file of rows to predict (no header)")
    parser.add_argument("--input", help="with --aws: S3 prefix of rows for a batch transform")
    parser.add_argument("--output", help="with --aws: S3 prefix for the transform's results")
    parser.add_argument("--keep", action="store_true", help="do not delete the endpoint")
    args = parser.parse_args(argv)
    if args.aws and not args.job_name:
        parser.error("--aws needs --job-name (a Completed AutoML job)")
    return args


@contextlib.contextmanager
def sagemaker_endpoint(args: argparse.Namespace) -> Iterator[str | None]:
    """AWS's endpoint (``None``) with ``--aws``; otherwise a moto server started here."""
    if args.aws:
        yield None
        return
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        sys.exit("the local endpoint needs moto: python -m pip install 'automl-sdk[server]'")
    os.environ |= {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    os.environ.pop("AWS_PROFILE", None)  # never real credentials for the local server
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    heading(f"Local SageMaker endpoint (moto) on http://{host}:{port}")
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def completed_job(client: AutoMLClient, args: argparse.Namespace) -> Job:
    heading("1. A completed AutoML job")
    if args.aws:
        description = client.describe_job(args.job_name)
        print(f"  using {args.job_name}: {description.auto_ml_job_status}")
        return Job(name=args.job_name, arn=description.auto_ml_job_arn, client=client)
    name = f"deploy-example-{int(time.time())}"
    job = client.create_job(local_request(name))
    print(f"  created {name} on the local endpoint")
    print("  moto's AutoML jobs never finish: marking it Completed through moto's backend,")
    print("  with a 3-container HPO classification candidate like Autopilot's")
    mark_completed(name, args.region)
    return job


def deploy(job: Job, args: argparse.Namespace) -> Endpoint:
    keys = KEYS if chooses_response_keys(job) else None
    shown = f"response keys {', '.join(KEYS)}" if keys else "its default response"
    heading(f"2. Deploy the best candidate with {shown}")
    args.endpoint_name = args.endpoint_name or f"{job.name}-live"
    try:
        job.deploy(endpoint_name=args.endpoint_name, inference_response_keys=["score"])
    except DeployError as exc:
        print(f"  refused before anything was made: {exc}")
    endpoint = job.deploy(
        endpoint_name=args.endpoint_name,
        instance_type=args.instance_type,
        inference_response_keys=keys,
        delay=1 if not args.aws else None,
    )
    print(f"  {endpoint!r}")
    print(f"  status: {endpoint.describe().endpoint_status}")
    model = job.client.sagemaker_client.describe_model(ModelName=endpoint.model_name)
    for index, container in enumerate(model.get("Containers", ())):
        env = container.get("Environment", {})
        chain = {
            k: env[k]
            for k in ("SAGEMAKER_INFERENCE_INPUT", "SAGEMAKER_INFERENCE_OUTPUT")
            if k in env
        }
        print(f"  container {index}: {chain or 'no response keys'}")
    again = job.deploy(
        endpoint_name=args.endpoint_name,
        instance_type=args.instance_type,
        inference_response_keys=KEYS,
    )
    print(
        f"  the same deploy again returns {'the same endpoint' if again == endpoint else 'another'}"
    )
    return endpoint


def chooses_response_keys(job: Job) -> bool:
    """Whether the best candidate's last container lists response keys (classification does)."""
    best = job.best_candidate()
    containers = best.inference_containers if best is not None else None
    last = containers[-1].environment or {} if containers else {}
    return "SAGEMAKER_INFERENCE_SUPPORTED" in last


def predict(endpoint: Endpoint, args: argparse.Namespace, endpoint_url: str | None) -> None:
    heading("3. Predict")
    rows: list[list[Any]] = SAMPLE_ROWS
    if args.rows:
        with open(args.rows, newline="", encoding="utf-8") as handle:
            rows = [row for row in csv.reader(handle) if row]
    elif args.aws:
        print("  (no --rows given: skipped)")
        return
    if endpoint_url is not None:
        print("  moto's endpoints answer what is queued through its /moto-api: queueing one")
        queue_local_answer(endpoint_url, "yes,0.93\nno,0.08\n", args.region)
    for row, answer in zip(rows, endpoint.predict(rows), strict=False):
        print(f"  {row} -> {answer}")


def transform(job: Job, args: argparse.Namespace) -> None:
    heading("4. Batch transform")
    if args.aws and not (args.input and args.output):
        print("  (no --input/--output given: skipped)")
        return
    batch = job.transform(
        input_s3_uri=args.input or "s3://deploy-example/batch/",
        output_s3_uri=args.output or "s3://deploy-example/scored/",
        instance_type=args.instance_type,
        delay=1 if not args.aws else None,
    )
    description = batch.describe()
    print(
        f"  {batch.name}: {description.transform_job_status}; results under {batch.output_s3_uri}"
    )


# -- the local endpoint ------------------------------------------------------------------------


def local_request(name: str) -> dict[str, Any]:
    return {
        "AutoMLJobName": name,
        "AutoMLJobInputDataConfig": [
            {
                "ChannelType": "training",
                "ContentType": "text/csv;header=present",
                "DataSource": {
                    "S3DataSource": {
                        "S3DataType": "S3Prefix",
                        "S3Uri": "s3://deploy-example/train/",
                    }
                },
            }
        ],
        "OutputDataConfig": {"S3OutputPath": "s3://deploy-example/output/"},
        "AutoMLProblemTypeConfig": {
            "TabularJobConfig": {
                "TargetAttributeName": "churned",
                "ProblemType": "BinaryClassification",
                "CompletionCriteria": {"MaxCandidates": 5},
            }
        },
        "AutoMLJobObjective": {"MetricName": "F1"},
        "RoleArn": LOCAL_ROLE,
    }


def mark_completed(name: str, region: str) -> None:
    """Set moto's job Completed with a candidate shaped like an Autopilot HPO classifier."""
    from moto.sagemaker.models import sagemaker_backends

    ecr = f"683313688378.dkr.ecr.{region}.amazonaws.com"
    model_data = f"s3://deploy-example/output/{name}"
    containers = [
        {
            "Image": f"{ecr}/sagemaker-sklearn-automl:2.5-1-cpu-py3",
            "ModelDataUrl": f"{model_data}/data-processor-models/model.tar.gz",
            "Environment": {"AUTOML_TRANSFORM_MODE": "feature-transform"},
        },
        {
            "Image": f"{ecr}/sagemaker-xgboost:1.7-1",
            "ModelDataUrl": f"{model_data}/tuning/xgboost/model.tar.gz",
            "Environment": {
                "SAGEMAKER_INFERENCE_OUTPUT": "predicted_label",
                "SAGEMAKER_INFERENCE_SUPPORTED": "predicted_label,probability,probabilities",
            },
        },
        {
            "Image": f"{ecr}/sagemaker-sklearn-automl:2.5-1-cpu-py3",
            "ModelDataUrl": f"{model_data}/data-processor-models/model.tar.gz",
            "Environment": {
                "AUTOML_TRANSFORM_MODE": "inverse-label-transform",
                "SAGEMAKER_INFERENCE_INPUT": "predicted_label",
                "SAGEMAKER_INFERENCE_OUTPUT": "predicted_label",
                "SAGEMAKER_INFERENCE_SUPPORTED": "predicted_label,probability,labels,probabilities",
            },
        },
    ]
    job = sagemaker_backends[LOCAL_ACCOUNT][region].auto_ml_jobs[name]
    job.auto_ml_job_status = "Completed"
    job.best_candidate = {
        "CandidateName": f"{name}-xgboost-001",
        "ObjectiveStatus": "Succeeded",
        "CandidateSteps": [],
        "CandidateStatus": "Completed",
        "CreationTime": job.creation_time,
        "LastModifiedTime": job.creation_time,
        "FinalAutoMLJobObjectiveMetric": {"MetricName": "F1", "Value": 0.91, "Type": "Maximize"},
        "InferenceContainers": containers,
    }


def queue_local_answer(endpoint_url: str, body: str, region: str) -> None:
    """Queue the answer moto's InvokeEndpoint gives to the next new request."""
    payload = {"region": region, "results": [{"Body": body, "ContentType": "text/csv"}]}
    request = urllib.request.Request(
        f"{endpoint_url}/moto-api/static/sagemaker/endpoint-results",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10):
        pass


def heading(text: str) -> None:
    print(f"\n== {text}")


if __name__ == "__main__":
    sys.exit(main())
