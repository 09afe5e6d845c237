"""Translate a CreateAutoMLJob (V1) request into CreateAutoMLJobV2, and a V2 describe back to V1.

Pure translation: nothing is sent, no AWS account is needed::

    python examples/migrate_v1_request.py                      # a built-in V1 request
    python examples/migrate_v1_request.py my-v1-request.json   # yours

Prints the V2 request (JSON) on stdout and the migration report on stderr, then shows how a
DescribeAutoMLJobV2 response of the job reads through the V1 response shape.
"""

from __future__ import annotations

import datetime
import json
import sys
from typing import Any

from automl_sdk import MigrationError, migrate_describe_response, migrate_request

V1_REQUEST: dict[str, Any] = {
    "AutoMLJobName": "churn",
    "InputDataConfig": [
        {
            "DataSource": {
                "S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://my-bucket/churn/train/"}
            },
            "TargetAttributeName": "churned",
        }
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/churn/output/"},
    "ProblemType": "BinaryClassification",
    "AutoMLJobObjective": {"MetricName": "F1"},
    "AutoMLJobConfig": {"CompletionCriteria": {"MaxCandidates": 20}, "Mode": "ENSEMBLING"},
    "RoleArn": "arn:aws:iam::111122223333:role/AutopilotRole",
}


def main(argv: list[str]) -> int:
    """Migrate the request named in ``argv`` (or the built-in one); 1 when it is refused."""
    request = V1_REQUEST
    if argv:
        with open(argv[0], encoding="utf-8") as f:
            request = json.load(f)
    try:
        v2, report = migrate_request(request)
    except MigrationError as exc:
        print(f"cannot migrate: {exc}", file=sys.stderr)
        for finding in exc.findings:
            print(f"  {finding.rule} {finding.path}: {finding.message}", file=sys.stderr)
        return 1
    print(json.dumps(v2, indent=2))
    print(report, file=sys.stderr)

    # What DescribeAutoMLJobV2 would return for this job, read through the V1 response shape.
    now = datetime.datetime.now(datetime.timezone.utc)
    described = {
        **{key: value for key, value in v2.items() if key != "Tags"},
        "AutoMLJobArn": f"arn:aws:sagemaker:us-east-1:111122223333:automl-job/{v2['AutoMLJobName']}",
        "AutoMLJobStatus": "InProgress",
        "AutoMLJobSecondaryStatus": "Starting",
        "CreationTime": now,
        "LastModifiedTime": now,
    }
    v1_view = migrate_describe_response(described)
    print(
        f"V1 view: target {v1_view['InputDataConfig'][0]['TargetAttributeName']!r}, "
        f"problem type {v1_view.get('ProblemType')!r}, "
        f"job config {json.dumps(v1_view.get('AutoMLJobConfig'))}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
