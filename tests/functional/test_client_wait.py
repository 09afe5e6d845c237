"""Waiting: the botocore waiter for one job, the paced loop for many. No real sleeping: the
waiter's ``time.sleep`` is replaced, and ``wait_many`` gets a fake clock."""

from __future__ import annotations

import datetime
import itertools
import json
import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ClientError
from botocore.stub import Stubber

from automl_sdk import (
    AutoMLClient,
    JobFailedError,
    JobStoppedError,
    WaitTimeoutError,
)
from automl_sdk.shapes import DescribeAutoMLJobV2Response
from automl_sdk.waiters import WAITER_NAME, max_attempts_for, waiter_model

NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)


def described(status: str, secondary: str, name: str = "churn", **extra: Any) -> dict[str, Any]:
    return {
        "AutoMLJobName": name,
        "AutoMLJobArn": f"arn:aws:sagemaker:us-east-1:123456789012:automl-job/{name}",
        "AutoMLJobInputDataConfig": [
            {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}
        ],
        "OutputDataConfig": {"S3OutputPath": "s3://b/output/"},
        "RoleArn": "arn:aws:iam::123456789012:role/AutoMLRole",
        "CreationTime": NOW,
        "LastModifiedTime": NOW,
        "AutoMLJobStatus": status,
        "AutoMLJobSecondaryStatus": secondary,
        **extra,
    }


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every sleep requested (the waiter's and botocore's retry backoff), none performed."""
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    return slept


def add_describes(stubber: Stubber, *states: tuple[str, str], **extra: Any) -> None:
    for status, secondary in states:
        stubber.add_response(
            "describe_auto_ml_job_v2",
            described(status, secondary, **extra),
            {"AutoMLJobName": "churn"},
        )


# -- the waiter config ----------------------------------------------------------------------------


def test_waiter_config_describes_with_v2_and_ends_on_terminal_statuses() -> None:
    config = waiter_model().get_waiter(WAITER_NAME)
    assert config.operation == "DescribeAutoMLJobV2"
    assert (config.delay, config.max_attempts) == (60, 43200)
    outcomes = {(a.matcher, a.expected): a.state for a in config.acceptors}
    assert outcomes == {
        ("path", "Completed"): "success",
        ("path", "Stopped"): "success",
        ("path", "Failed"): "failure",
        ("error", "ValidationException"): "failure",
        ("error", "ResourceNotFound"): "failure",
    }


@pytest.mark.parametrize(
    ("timeout", "delay", "attempts"),
    [
        pytest.param(None, 60, 43201, id="no-timeout-is-30-days"),
        pytest.param(None, 30, 86401, id="no-timeout-is-30-days-at-any-delay"),
        pytest.param(None, 0, 43200, id="no-timeout-no-delay-uses-config-attempts"),
        pytest.param(0, 60, 1, id="zero-timeout-one-look"),
        pytest.param(59, 60, 1, id="shorter-than-delay"),
        pytest.param(120, 60, 3, id="two-delays"),
        pytest.param(7200, 30, 241, id="two-hours-at-30s"),
    ],
)
def test_max_attempts_for(timeout: float | None, delay: float, attempts: int) -> None:
    assert max_attempts_for(timeout, delay) == attempts


@pytest.mark.parametrize(
    ("timeout", "delay", "message"),
    [
        pytest.param(10, -1, "delay must be >= 0 seconds (got -1)", id="negative-delay"),
        pytest.param(-1, 5, "timeout must be >= 0 seconds (got -1)", id="negative-timeout"),
        pytest.param(10, 0, "delay must be > 0 seconds when a timeout is given", id="zero-delay"),
    ],
)
def test_max_attempts_for_refuses_bad_values(timeout: float, delay: float, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        max_attempts_for(timeout, delay)


# -- wait -------------------------------------------------------------------------------------------


def test_completed_returns_the_final_description_and_reports_each_new_status(
    stubber: Stubber, client: AutoMLClient, sleeps: list[float]
) -> None:
    add_describes(
        stubber,
        ("InProgress", "Starting"),
        ("InProgress", "Starting"),
        ("InProgress", "TrainingModels"),
        ("Completed", "Completed"),
    )
    seen: list[tuple[str, str]] = []

    def on_update(description: DescribeAutoMLJobV2Response) -> None:
        seen.append((description.auto_ml_job_status, description.auto_ml_job_secondary_status))

    final = client.wait("churn", delay=30, on_update=on_update)
    assert final.auto_ml_job_status == "Completed"
    assert seen == [
        ("InProgress", "Starting"),
        ("InProgress", "TrainingModels"),
        ("Completed", "Completed"),
    ]
    assert sleeps == [30, 30, 30]


def test_the_update_hook_is_removed_after_the_wait(
    stubber: Stubber, client: AutoMLClient, sleeps: list[float]
) -> None:
    add_describes(stubber, ("Completed", "Completed"), ("InProgress", "Starting"))
    seen: list[str] = []
    client.wait("churn", on_update=lambda d: seen.append(d.auto_ml_job_secondary_status))
    client.describe_job("churn")
    assert seen == ["Completed"]


def test_failed_raises_with_the_failure_reasons(
    stubber: Stubber, client: AutoMLClient, sleeps: list[float]
) -> None:
    add_describes(
        stubber,
        ("InProgress", "AnalyzingData"),
        ("Failed", "Failed"),
        FailureReason="ClientError: target column churned not found",
        PartialFailureReasons=[
            {"PartialFailureMessage": "candidate 3 ran out of memory"},
            {"PartialFailureMessage": "candidate 5 timed out"},
        ],
    )
    with pytest.raises(JobFailedError) as caught:
        client.wait("churn")
    error = caught.value
    assert error.failure_reason == "ClientError: target column churned not found"
    assert error.partial_failure_reasons == (
        "candidate 3 ran out of memory",
        "candidate 5 timed out",
    )
    assert error.description.auto_ml_job_status == "Failed"
    assert str(error) == (
        "AutoML job 'churn' failed: ClientError: target column churned not found "
        "(partial failures: candidate 3 ran out of memory; candidate 5 timed out)"
    )
    assert sleeps == [60]


@pytest.mark.parametrize(
    "states",
    [
        pytest.param([("Stopped", "Stopped")], id="stopped"),
        pytest.param(
            [("InProgress", "TrainingModels"), ("Stopping", "Stopping"), ("Stopped", "Stopped")],
            id="stopping-then-stopped",
        ),
    ],
)
def test_stopped_is_reported_distinctly(
    stubber: Stubber, client: AutoMLClient, sleeps: list[float], states: list[tuple[str, str]]
) -> None:
    add_describes(stubber, *states)
    with pytest.raises(JobStoppedError) as caught:
        client.wait("churn")
    assert caught.value.status == "Stopped"
    assert str(caught.value) == "AutoML job 'churn' was stopped (status Stopped)"


def test_timeout_raises_and_never_stops_the_job(
    stubber: Stubber, client: AutoMLClient, sleeps: list[float]
) -> None:
    # Three looks in 120 s at a 60 s delay; a StopAutoMLJob call would fail the Stubber.
    add_describes(
        stubber,
        ("InProgress", "AnalyzingData"),
        ("InProgress", "FeatureEngineering"),
        ("InProgress", "ModelTuning"),
    )
    with pytest.raises(WaitTimeoutError) as caught:
        client.wait("churn", timeout=120)
    error = caught.value
    assert (error.last_status, error.last_secondary_status) == ("InProgress", "ModelTuning")
    assert sleeps == [60, 60]
    assert str(error).startswith("gave up waiting for AutoML job 'churn' after ")
    assert str(error).endswith(
        "it is still running (last status InProgress/ModelTuning) and was not stopped"
    )


@pytest.mark.parametrize(
    ("code", "message"),
    [
        pytest.param("ResourceNotFound", "Could not find AutoML job churn.", id="unknown-job"),
        pytest.param("ValidationException", "Job name is invalid", id="validation"),
        pytest.param("AccessDeniedException", "not authorized", id="unmatched-error"),
    ],
)
def test_describe_errors_raise_clienterror_not_waitererror(
    stubber: Stubber,
    sagemaker: Any,
    client: AutoMLClient,
    sleeps: list[float],
    code: str,
    message: str,
) -> None:
    stubber.add_client_error("describe_auto_ml_job_v2", code, message, 400)
    with pytest.raises(ClientError) as caught:
        client.wait("churn")
    assert caught.value.response["Error"] == {"Code": code, "Message": message}
    assert caught.value.operation_name == "DescribeAutoMLJobV2"
    # the class boto3 raises, so `except sagemaker.exceptions.ResourceNotFound` works
    assert type(caught.value) is sagemaker.exceptions.from_code(code)


def _http_json(status: int, body: dict[str, Any]) -> AWSResponse:
    class Raw:
        def stream(self, **_: Any) -> Iterator[bytes]:
            yield json.dumps(body, default=lambda v: v.timestamp()).encode()

    return AWSResponse("https://sagemaker", status, {"x-amzn-requestid": "r"}, Raw())


def test_throttling_during_a_wait_is_absorbed_by_botocore_retries(
    sagemaker: Any, client: AutoMLClient, sleeps: list[float]
) -> None:
    # A before-send hook answers at the HTTP layer, so botocore's retry handler sees the
    # throttles (the Stubber answers before retries and would bypass them).
    throttle = {"__type": "ThrottlingException", "message": "Rate exceeded"}
    answers = [
        _http_json(400, throttle),
        _http_json(400, throttle),
        _http_json(200, described("InProgress", "TrainingModels")),
        _http_json(400, throttle),
        _http_json(200, described("Completed", "Completed")),
    ]
    sent: list[str] = []

    def answer(request: Any, **_: Any) -> AWSResponse:
        sent.append(request.headers["X-Amz-Target"].decode())
        return answers.pop(0)

    sagemaker.meta.events.register("before-send.sagemaker", answer)
    final = AutoMLClient(sagemaker).wait("churn", delay=45)
    assert final.auto_ml_job_status == "Completed"
    assert sent == ["SageMaker.DescribeAutoMLJobV2"] * 5
    assert answers == []
    assert sleeps.count(45) == 1  # one waiter delay; the other sleeps are retry backoff
    assert len(sleeps) == 4


# -- wait_many --------------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.now += seconds


class ScriptedSageMaker:
    """A SageMaker stand-in whose jobs end at given times (seconds on the fake clock)."""

    def __init__(self, clock: FakeClock, endings: dict[str, tuple[float, str]]) -> None:
        self.clock = clock
        self.endings = endings
        self.calls: list[tuple[float, str]] = []

    def describe_auto_ml_job_v2(self, *, AutoMLJobName: str) -> dict[str, Any]:
        self.calls.append((self.clock.now, AutoMLJobName))
        if AutoMLJobName not in self.endings:
            raise ClientError(
                {"Error": {"Code": "ResourceNotFound", "Message": "no such job"}},
                "DescribeAutoMLJobV2",
            )
        end, status = self.endings[AutoMLJobName]
        if self.clock.now < end:
            return described("InProgress", "TrainingModels", name=AutoMLJobName)
        return described(status, status, name=AutoMLJobName, FailureReason="boom")


def test_wait_many_yields_each_job_as_it_ends() -> None:
    clock = FakeClock()
    fake = ScriptedSageMaker(
        clock,
        {
            "slow": (3000.0, "Completed"),
            "fast": (100.0, "Completed"),
            "broken": (500.0, "Failed"),
            "halted": (200.0, "Stopped"),
            "endless": (10**9, "Completed"),
        },
    )
    results = list(
        AutoMLClient(fake).wait_many(
            ["slow", "fast", "broken", "halted", "endless", "missing"],
            timeout=3600,
            delay=60,
            max_calls_per_second=2,
            clock=clock,
            sleep=clock.sleep,
        )
    )
    kinds = [(name, type(outcome).__name__) for name, outcome in results]
    assert kinds == [
        ("missing", "ClientError"),
        ("fast", "DescribeAutoMLJobV2Response"),
        ("halted", "JobStoppedError"),
        ("broken", "JobFailedError"),
        ("slow", "DescribeAutoMLJobV2Response"),
        ("endless", "WaitTimeoutError"),
    ]
    timeout = results[-1][1]
    assert isinstance(timeout, WaitTimeoutError)
    assert timeout.last_status == "InProgress"
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(fake.calls)]
    assert min(gaps) >= 0.5  # 2 calls per second at most
    per_job: dict[str, list[float]] = {}
    for at, name in fake.calls:
        per_job.setdefault(name, []).append(at)
    for times in per_job.values():
        assert all(b - a >= 60 for a, b in itertools.pairwise(times))


def test_wait_many_rate_bound_holds_when_it_is_the_tighter_limit() -> None:
    clock = FakeClock()
    endings = {f"job-{i:02d}": (600.0 + 7 * i, "Completed") for i in range(50)}
    fake = ScriptedSageMaker(clock, endings)
    results = list(
        AutoMLClient(fake).wait_many(
            endings, delay=5, max_calls_per_second=4, clock=clock, sleep=clock.sleep
        )
    )
    assert sorted(name for name, _ in results) == sorted(endings)
    times = [at for at, _ in fake.calls]
    worst = max(sum(1 for t in times if start <= t < start + 1) for start in times)
    assert worst <= 4


def test_wait_many_refuses_a_non_positive_rate(client: AutoMLClient) -> None:
    with pytest.raises(ValueError, match=r"^max_calls_per_second must be > 0 \(got 0\)$"):
        list(client.wait_many(["churn"], max_calls_per_second=0))


def test_concurrent_waits_on_one_client_each_see_only_their_job(sagemaker: Any) -> None:
    # A before-call hook answers like the service: each job is described InProgress three
    # times, then Completed. Two threads wait on the same client at once.
    looks: dict[str, int] = {"job-a": 0, "job-b": 0}
    lock = threading.Lock()

    def answer(params: dict[str, Any], **_: Any) -> tuple[AWSResponse, dict[str, Any]]:
        name = json.loads(params["body"])["AutoMLJobName"]
        with lock:
            looks[name] += 1
            status = "Completed" if looks[name] > 3 else "InProgress"
        secondary = "Completed" if status == "Completed" else f"Look{looks[name]}"
        return AWSResponse(None, 200, {}, None), described(status, secondary, name=name)

    sagemaker.meta.events.register("before-call.sagemaker.DescribeAutoMLJobV2", answer)
    client = AutoMLClient(sagemaker)
    seen: dict[str, list[str]] = {"job-a": [], "job-b": []}
    finals: dict[str, str] = {}

    def wait_for(name: str) -> None:
        final = client.wait(
            name, delay=0.01, on_update=lambda d: seen[name].append(d.auto_ml_job_name)
        )
        finals[name] = final.auto_ml_job_name

    threads = [threading.Thread(target=wait_for, args=(name,)) for name in seen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert finals == {"job-a": "job-a", "job-b": "job-b"}
    assert seen == {"job-a": ["job-a"] * 4, "job-b": ["job-b"] * 4}
