"""Describe answers and a fake clock shared by the client's wait, notebook and fault tests."""

from __future__ import annotations

import datetime
from typing import Any

NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
ARN_PREFIX = "arn:aws:sagemaker:us-east-1:123456789012:automl-job/"


def described(
    status: str,
    secondary: str | None = None,
    *,
    name: str = "churn",
    created: datetime.datetime = NOW,
    **extra: Any,
) -> dict[str, Any]:
    """A DescribeAutoMLJobV2 answer for job ``name`` (the secondary status defaults to the
    status); ``extra`` members are added or replaced."""
    return {
        "AutoMLJobName": name,
        "AutoMLJobArn": ARN_PREFIX + name,
        "AutoMLJobInputDataConfig": [
            {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}
        ],
        "OutputDataConfig": {"S3OutputPath": "s3://b/output/"},
        "RoleArn": "arn:aws:iam::123456789012:role/AutoMLRole",
        "CreationTime": created,
        "LastModifiedTime": created,
        "AutoMLJobStatus": status,
        "AutoMLJobSecondaryStatus": secondary or status,
        **extra,
    }


class FakeClock:
    """A monotonic clock that only moves when something sleeps on it; pass it as a wait's
    ``clock`` and its :meth:`sleep` as the wait's ``sleep``."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.slept.append(seconds)
        self.now += seconds
