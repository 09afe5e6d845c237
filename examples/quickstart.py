"""automl-sdk quickstart: lint, migrate, check, create, describe, follow, stop and list a job.

Needs no AWS account: by default it starts a local SageMaker endpoint (moto's server, from
``pip install 'automl-sdk[server]'``) on 127.0.0.1 and runs everything against it::

    python -m pip install -e '.[server]' && python examples/quickstart.py

To run the same steps for real, point it at AWS (your credentials, a role SageMaker can assume
and your training data in S3; the job is stopped at the end, after ``--follow`` seconds)::

    python examples/quickstart.py --aws --role-arn arn:aws:iam::111122223333:role/AutoML \\
        --data s3://my-bucket/churn/train/ --output s3://my-bucket/churn/output/

``--endpoint-url URL`` uses any other SageMaker endpoint (e.g. a moto server you started).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from typing import Any

from automl_sdk import (
    AutoMLClient,
    JobStoppedError,
    RequestLintError,
    WaitTimeoutError,
    WaitUpdate,
    lint_request,
    migrate_request,
)

LOCAL_ROLE = "arn:aws:iam::123456789012:role/AutoMLQuickstart"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with sagemaker_endpoint(args) as endpoint_url:
        client = AutoMLClient(region_name=args.region, endpoint_url=endpoint_url)
        if not (args.aws or args.endpoint_url):
            put_local_data(client, args)
        name = f"quickstart-{int(time.time())}"
        show_lint(bad_request(name, args))
        request = show_migration(v1_request(name, args))
        run_job(client, request, follow=args.follow)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--aws", action="store_true", help="use real AWS (your credentials)")
    where.add_argument("--endpoint-url", help="use this SageMaker endpoint")
    parser.add_argument("--region", default=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"))
    parser.add_argument("--role-arn", default=LOCAL_ROLE, help="role SageMaker assumes")
    parser.add_argument("--data", default="s3://automl-quickstart/churn/train/", help="S3 prefix")
    parser.add_argument("--output", default="s3://automl-quickstart/churn/output/", help="S3 path")
    parser.add_argument("--follow", type=float, default=3.0, help="seconds to follow the job")
    return parser.parse_args(argv)


@contextlib.contextmanager
def sagemaker_endpoint(args: argparse.Namespace) -> Iterator[str | None]:
    """The endpoint to use: AWS's (None), the given one, or a local moto server we start."""
    if args.aws or args.endpoint_url:
        yield args.endpoint_url
        return
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        sys.exit("the local endpoint needs moto: python -m pip install 'automl-sdk[server]'")
    for variable in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ[variable] = "testing"  # moto accepts any credentials; never real ones
    os.environ.pop("AWS_PROFILE", None)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the server's access log
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    heading(f"Local SageMaker endpoint (moto) on http://{host}:{port}")
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


def put_local_data(client: AutoMLClient, args: argparse.Namespace) -> None:
    """The training data on the local server: a small churn CSV under ``--data``."""
    import boto3

    bucket, _, prefix = args.data.removeprefix("s3://").partition("/")
    s3 = boto3.client(
        "s3", region_name=args.region, endpoint_url=client.sagemaker_client.meta.endpoint_url
    )
    s3.create_bucket(Bucket=bucket)
    rows = "".join(f"{i},{20 + i % 50},{i % 2}\n" for i in range(600))
    s3.put_object(Bucket=bucket, Key=f"{prefix}churn.csv", Body=f"id,age,churned\n{rows}".encode())


def bad_request(name: str, args: argparse.Namespace) -> dict[str, Any]:
    """A V2 request with three mistakes the linter catches before anything is sent."""
    return {
        "AutoMLJobName": name.replace("-", "_"),  # underscores are not allowed
        "AutoMLJobInputDataConfig": [
            {
                "ChannelType": "trainig",  # typo
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": args.data}},
            }
        ],
        "OutputDataConfig": {"S3OutputPath": args.output},
        "AutoMLProblemTypeConfig": {
            "TabularJobConfig": {
                "TargetAttributeName": "churned",
                "ProblemType": "BinaryClassification",
                "CompletionCriteria": {"MaxCandidates": 1000},  # at most 750
            }
        },
        "AutoMLJobObjective": {"MetricName": "F1"},
        "RoleArn": args.role_arn,
    }


def v1_request(name: str, args: argparse.Namespace) -> dict[str, Any]:
    """The same job as existing ``create_auto_ml_job`` (V1) code would write it."""
    return {
        "AutoMLJobName": name,
        "InputDataConfig": [
            {
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": args.data}},
                "TargetAttributeName": "churned",
                "ContentType": "text/csv;header=present",
            }
        ],
        "OutputDataConfig": {"S3OutputPath": args.output},
        "ProblemType": "BinaryClassification",
        "AutoMLJobObjective": {"MetricName": "F1"},
        "AutoMLJobConfig": {"CompletionCriteria": {"MaxCandidates": 5}},
        "RoleArn": args.role_arn,
    }


def show_lint(request: dict[str, Any]) -> None:
    heading("1. Lint a request with mistakes (nothing is sent)")
    findings = lint_request(request)
    for finding in findings:
        if finding.severity == "error":
            print(f"  {finding.rule}  {finding.path}\n         {finding.message}")
    others = len([f for f in findings if f.severity != "error"])
    print(f"  (+ {others} warning and info findings not shown)")
    try:
        AutoMLClient(region_name="us-east-1").create_job(request)
    except RequestLintError as exc:
        errors = len([f for f in exc.findings if f.severity == "error"])
        print(f"  create_job raised RequestLintError ({errors} errors); nothing was sent")


def show_migration(v1: dict[str, Any]) -> dict[str, Any]:
    heading("2. Migrate a V1 (CreateAutoMLJob) request to CreateAutoMLJobV2")
    v2, report = migrate_request(v1)
    for v1_path, v2_path in report.moves:
        if v1_path != v2_path:
            print(f"  {v1_path} -> {v2_path}")
    print("  The V2 request:")
    print(indent(json.dumps(v2, indent=2)))
    return v2


def run_job(client: AutoMLClient, request: dict[str, Any], *, follow: float) -> None:
    heading("3. Check the data it names, then create the job (re-running the create is safe)")
    wrong = json.loads(json.dumps(request))
    wrong["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] = "churn"
    for finding in client.check(wrong, select=["E7"]):  # a typo the request text cannot show
        print(f"  {finding.rule}  {finding.path}\n         {finding.message}")
    job = client.create_job(request)
    again = client.create_job(request)
    print(f"  {job!r}")
    print(f"  the same create again returns {'the same job' if again == job else 'a new job'}")

    heading("4. Describe it (typed DescribeAutoMLJobV2Response)")
    description = job.describe()
    print(
        f"  status:       {description.auto_ml_job_status}/{description.auto_ml_job_secondary_status}"
    )
    print(f"  problem type: {description.auto_ml_problem_type_config_name}")
    print(f"  created:      {description.creation_time.isoformat()}")

    heading(f"5. Follow it for {follow:g} s")
    try:
        final = job.wait(timeout=follow, delay=max(follow / 3, 0.1), on_update=show_status)
        print(f"  finished: {final.auto_ml_job_status}")
    except WaitTimeoutError as exc:
        print(f"  {exc}")

    heading("6. Stop it and wait for the stop")
    job.stop()
    try:
        job.wait(delay=1, on_update=show_status)
    except JobStoppedError as exc:
        print(f"  {exc}")

    heading("7. List jobs")
    for summary in client.iter_jobs(SortBy="CreationTime", SortOrder="Descending"):
        print(f"  {summary.auto_ml_job_name:<28} {summary.auto_ml_job_status}")
        if summary.auto_ml_job_name == job.name:
            break


def show_status(update: WaitUpdate) -> None:
    """Print the status when it changes, and any trouble the wait is riding out."""
    if update.changed or update.trouble:
        print(f"  ... {update.status}/{update.secondary_status}  {update.trouble or ''}".rstrip())


def heading(text: str) -> None:
    print(f"\n== {text}")


def indent(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())


if __name__ == "__main__":
    sys.exit(main())
