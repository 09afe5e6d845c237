"""Waiting: one engine for ``wait`` and ``wait_many``, driven by data/waiters-2.json. No real
sleeping: every wait gets a fake clock whose sleep advances it."""

from __future__ import annotations

import itertools
import json
import math
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError
from botocore.stub import Stubber
from hypothesis import given, settings
from hypothesis import strategies as st

from automl_sdk import (
    AutoMLClient,
    JobFailedError,
    JobStoppedError,
    MalformedResponseError,
    WaitTimeoutError,
    WaitUpdate,
)
from automl_sdk.waiters import (
    DEFAULT_TIMEOUT,
    TERMINAL_STATUSES,
    WAITER_NAME,
    waiter_model,
)
from tests.support.jobs import FakeClock, described


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def botocore_sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every ``time.sleep`` botocore's own retries ask for, none performed."""
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


def timed(clock: FakeClock, client: AutoMLClient) -> list[float]:
    """The fake-clock time of every describe the client sends from now on."""
    at: list[float] = []
    client.sagemaker_client.meta.events.register(
        "before-parameter-build.sagemaker.DescribeAutoMLJobV2", lambda **_: at.append(clock.now)
    )
    return at


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


def test_terminal_statuses_are_the_path_acceptors_of_the_config() -> None:
    acceptors = waiter_model().get_waiter(WAITER_NAME).acceptors
    assert {a.expected for a in acceptors if a.matcher == "path"} == TERMINAL_STATUSES
    assert DEFAULT_TIMEOUT == 30 * 24 * 3600


# -- when describes happen --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("timeout", "delay", "times"),
    [
        pytest.param(10, 4, [0, 4, 8, 10], id="last-describe-at-the-timeout"),
        pytest.param(45, None, [0, 45], id="timeout-shorter-than-the-default-delay"),
        pytest.param(120, 60, [0, 60, 120], id="timeout-a-multiple-of-the-delay"),
        pytest.param(0, 5, [0], id="zero-timeout-one-look"),
    ],
)
def test_a_wait_lasts_its_timeout_in_wall_clock_time(
    stubber: Stubber,
    client: AutoMLClient,
    clock: FakeClock,
    timeout: float,
    delay: float | None,
    times: list[float],
) -> None:
    add_describes(stubber, *[("InProgress", "TrainingModels")] * len(times))
    at = timed(clock, client)
    with pytest.raises(WaitTimeoutError) as caught:
        client.wait("churn", timeout=timeout, delay=delay, clock=clock, sleep=clock.sleep)
    assert at == times
    assert caught.value.waited_seconds == timeout
    assert caught.value.last_error is None


class InProgressForever:
    """A SageMaker stand-in whose job never ends; records when it was described."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.at: list[float] = []

    def describe_auto_ml_job_v2(self, *, AutoMLJobName: str) -> dict[str, Any]:
        self.at.append(self.clock.now)
        return described("InProgress", "TrainingModels", name=AutoMLJobName)


@settings(max_examples=60, deadline=None)
@given(
    delay=st.floats(min_value=0.01, max_value=10_000),
    polls=st.floats(min_value=0, max_value=60),
)
def test_every_wait_describes_each_delay_and_last_at_its_timeout(
    delay: float, polls: float
) -> None:
    timeout = delay * polls
    clock = FakeClock()
    fake = InProgressForever(clock)
    with pytest.raises(WaitTimeoutError) as caught:
        AutoMLClient(fake).wait(
            "churn", timeout=timeout, delay=delay, clock=clock, sleep=clock.sleep
        )
    # at 0, delay, 2 * delay, ... while before the timeout, and once more at the timeout itself
    assert fake.at[0] == 0
    assert fake.at[-1] == timeout
    assert caught.value.waited_seconds == timeout
    assert all(at < timeout for at in fake.at[:-1])
    gaps = [b - a for a, b in itertools.pairwise(fake.at)]
    assert all(gap == pytest.approx(delay) for gap in gaps[:-1])
    assert all(0 < gap <= delay * (1 + 1e-9) for gap in gaps)


def test_the_job_ending_at_the_last_describe_is_not_a_timeout(
    stubber: Stubber, client: AutoMLClient, clock: FakeClock
) -> None:
    add_describes(stubber, ("InProgress", "TrainingModels"), ("Completed", "Completed"))
    final = client.wait("churn", timeout=7, delay=60, clock=clock, sleep=clock.sleep)
    assert final.auto_ml_job_status == "Completed"
    assert clock.now == 7


def test_no_timeout_means_the_configs_thirty_days(
    stubber: Stubber, client: AutoMLClient, clock: FakeClock
) -> None:
    add_describes(stubber, ("InProgress", "TrainingModels"), ("Completed", "Completed"))
    client.wait("churn", clock=clock, sleep=clock.sleep)
    assert clock.slept == [60]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"delay": -1}, "delay must be a finite number > 0 (got -1)", id="delay<0"),
        pytest.param({"delay": 0}, "delay must be a finite number > 0 (got 0)", id="delay=0"),
        pytest.param(
            {"delay": math.nan}, "delay must be a finite number > 0 (got nan)", id="delay-nan"
        ),
        pytest.param(
            {"delay": math.inf}, "delay must be a finite number > 0 (got inf)", id="delay-inf"
        ),
        pytest.param(
            {"timeout": -1}, "timeout must be a finite number >= 0 (got -1)", id="timeout<0"
        ),
        pytest.param(
            {"timeout": math.nan},
            "timeout must be a finite number >= 0 (got nan)",
            id="timeout-nan",
        ),
        pytest.param(
            {"timeout": math.inf},
            "timeout must be a finite number >= 0 (got inf)",
            id="timeout-inf",
        ),
        pytest.param({"delay": "5"}, "delay must be a number (got '5')", id="delay-str"),
        pytest.param({"timeout": True}, "timeout must be a number (got True)", id="timeout-bool"),
    ],
)
def test_bad_wait_parameters_are_value_errors_naming_them(
    client: AutoMLClient, kwargs: dict[str, Any], message: str
) -> None:
    # Nothing is described: the Stubber has no response queued and would fail the call.
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        client.wait("churn", **kwargs)
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        next(client.wait_many(["churn"], **kwargs))


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        pytest.param(0, "0", id="zero"),
        pytest.param(-2, "-2", id="negative"),
        pytest.param(math.nan, "nan", id="nan"),
        pytest.param(math.inf, "inf", id="inf"),
    ],
)
def test_wait_many_refuses_a_bad_rate(client: AutoMLClient, rate: float, shown: str) -> None:
    message = f"max_calls_per_second must be a finite number > 0 (got {shown})"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        list(client.wait_many(["churn"], max_calls_per_second=rate))


# -- outcomes ---------------------------------------------------------------------------------------


def test_completed_returns_the_final_description_and_reports_every_describe(
    stubber: Stubber, client: AutoMLClient, clock: FakeClock
) -> None:
    add_describes(
        stubber,
        ("InProgress", "Starting"),
        ("InProgress", "Starting"),
        ("InProgress", "TrainingModels"),
        ("Completed", "Completed"),
    )
    updates: list[WaitUpdate] = []
    final = client.wait("churn", delay=30, on_update=updates.append, clock=clock, sleep=clock.sleep)
    assert final.auto_ml_job_status == "Completed"
    assert [(u.elapsed, u.describes, u.status, u.secondary_status, u.changed) for u in updates] == [
        (0, 1, "InProgress", "Starting", True),
        (30, 2, "InProgress", "Starting", False),
        (60, 3, "InProgress", "TrainingModels", True),
        (90, 4, "Completed", "Completed", True),
    ]
    assert all(u.error is None and u.trouble is None for u in updates)
    assert updates[-1].description == final
    assert clock.slept == [30, 30, 30]


def test_a_change_of_status_alone_is_a_change(
    stubber: Stubber, client: AutoMLClient, clock: FakeClock
) -> None:
    add_describes(
        stubber,
        ("InProgress", "MaxCandidatesReached"),
        ("InProgress", "MaxCandidatesReached"),
        ("Stopping", "MaxCandidatesReached"),
        ("Stopped", "MaxCandidatesReached"),
    )
    updates: list[WaitUpdate] = []
    with pytest.raises(JobStoppedError):
        client.wait("churn", on_update=updates.append, clock=clock, sleep=clock.sleep)
    assert [u.changed for u in updates] == [True, False, True, True]


def test_failed_raises_with_the_failure_reasons(
    stubber: Stubber, client: AutoMLClient, clock: FakeClock
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
        client.wait("churn", clock=clock, sleep=clock.sleep)
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
    assert clock.slept == [60]


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
    stubber: Stubber, client: AutoMLClient, clock: FakeClock, states: list[tuple[str, str]]
) -> None:
    add_describes(stubber, *states)
    with pytest.raises(JobStoppedError) as caught:
        client.wait("churn", clock=clock, sleep=clock.sleep)
    assert caught.value.status == "Stopped"
    assert str(caught.value) == "AutoML job 'churn' was stopped (status Stopped)"


def test_an_unknown_status_is_waited_through(
    stubber: Stubber, client: AutoMLClient, clock: FakeClock
) -> None:
    add_describes(stubber, ("Pausing", "SomethingNew"), ("Completed", "Completed"))
    updates: list[WaitUpdate] = []
    client.wait("churn", on_update=updates.append, clock=clock, sleep=clock.sleep)
    assert [u.status for u in updates] == ["Pausing", "Completed"]


def test_timeout_raises_and_never_stops_the_job(
    stubber: Stubber, client: AutoMLClient, clock: FakeClock
) -> None:
    # Three looks in 120 s at a 60 s delay; a StopAutoMLJob call would fail the Stubber.
    add_describes(
        stubber,
        ("InProgress", "AnalyzingData"),
        ("InProgress", "FeatureEngineering"),
        ("InProgress", "ModelTuning"),
    )
    with pytest.raises(WaitTimeoutError) as caught:
        client.wait("churn", timeout=120, clock=clock, sleep=clock.sleep)
    error = caught.value
    assert (error.last_status, error.last_secondary_status) == ("InProgress", "ModelTuning")
    assert clock.slept == [60, 60]
    assert str(error) == (
        "gave up waiting for AutoML job 'churn' after 120s; "
        "it is still running (last status InProgress/ModelTuning) and was not stopped"
    )


@pytest.mark.parametrize(
    ("code", "message", "status"),
    [
        pytest.param("ResourceNotFound", "Could not find job churn.", 400, id="unknown-job"),
        pytest.param("ValidationException", "Job name is invalid", 400, id="validation"),
        pytest.param("AccessDeniedException", "not authorized", 400, id="access-denied"),
        pytest.param("NotFound", "gone", 404, id="other-4xx"),
        # the waiter config names ValidationException and ResourceNotFound as the end of a
        # wait, whatever status a proxy put on them
        pytest.param("ValidationException", "bad name", 502, id="validation-behind-a-proxy"),
        pytest.param("ResourceNotFound", "no such job", 503, id="not-found-behind-a-proxy"),
    ],
)
def test_a_permanent_describe_error_ends_the_wait_at_once(
    stubber: Stubber,
    sagemaker: Any,
    client: AutoMLClient,
    clock: FakeClock,
    code: str,
    message: str,
    status: int,
) -> None:
    stubber.add_client_error("describe_auto_ml_job_v2", code, message, status)
    updates: list[WaitUpdate] = []
    with pytest.raises(ClientError) as caught:
        client.wait("churn", on_update=updates.append, clock=clock, sleep=clock.sleep)
    assert caught.value.response["Error"] == {"Code": code, "Message": message}
    assert caught.value.operation_name == "DescribeAutoMLJobV2"
    # the class boto3 raises, so `except sagemaker.exceptions.ResourceNotFound` works
    assert type(caught.value) is sagemaker.exceptions.from_code(code)
    assert clock.slept == []
    assert [(u.reason, u.retry_in, u.trouble) for u in updates] == [
        (code, None, f"describe failed: {code}")
    ]
    assert updates[0].error is caught.value


# -- transient failures -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "status", "reason"),
    [
        pytest.param("ThrottlingException", 400, "throttled", id="throttling"),
        pytest.param("TooManyRequests", 429, "throttled", id="http-429"),
        pytest.param("ServiceUnavailable", 503, "HTTP 503 ServiceUnavailable", id="http-503"),
        pytest.param("InternalFailure", 500, "HTTP 500 InternalFailure", id="http-500"),
    ],
)
def test_transient_errors_are_retried_beyond_botocore_and_reported(
    stubber: Stubber,
    client: AutoMLClient,
    clock: FakeClock,
    code: str,
    status: int,
    reason: str,
) -> None:
    # The Stubber answers after botocore's retries would have run: these are the errors a
    # wait sees once botocore gave up on them.
    for _ in range(4):
        stubber.add_client_error("describe_auto_ml_job_v2", code, "busy", status)
    add_describes(stubber, ("Completed", "Completed"))
    updates: list[WaitUpdate] = []
    final = client.wait("churn", on_update=updates.append, clock=clock, sleep=clock.sleep)
    assert final.auto_ml_job_status == "Completed"
    failed = updates[:-1]
    assert [(u.describes, u.reason, u.description) for u in failed] == [
        (n, reason, None) for n in range(1, 5)
    ]
    # exponential backoff (1, 2, 4, 8 s) with jitter between half and all of each step
    assert [u.retry_in for u in failed] == clock.slept
    for step, slept in enumerate(clock.slept):
        assert 2**step / 2 <= slept <= 2**step
    assert all(
        u.trouble == f"describe failed: {reason}, retrying in {u.retry_in:.1f} s" for u in failed
    )


def always_throttled(sagemaker: Any) -> None:
    """Answer every describe of ``sagemaker`` with a throttling error."""
    error = {
        "Error": {"Code": "ThrottlingException", "Message": "Rate exceeded"},
        "ResponseMetadata": {"HTTPStatusCode": 400},
    }
    sagemaker.meta.events.register(
        "before-call.sagemaker.DescribeAutoMLJobV2",
        lambda **_: (AWSResponse(None, 400, {}, None), error),
    )


def test_backoff_is_capped_at_the_delay_and_retries_count_against_the_timeout(
    sagemaker: Any, client: AutoMLClient, clock: FakeClock
) -> None:
    always_throttled(sagemaker)
    at = timed(clock, client)
    updates: list[WaitUpdate] = []
    with pytest.raises(WaitTimeoutError) as caught:
        client.wait(
            "churn", timeout=30, delay=4, on_update=updates.append, clock=clock, sleep=clock.sleep
        )
    assert at[-1] == 30
    assert all(b - a <= 4 for a, b in itertools.pairwise(at))
    assert len(at) >= 30 // 4
    assert caught.value.last_error == "throttled"
    assert caught.value.last_status is None
    assert str(caught.value).endswith("; the last describe failed: throttled")
    assert updates[-1].retry_in is None  # the describe at the timeout is the last one
    assert (updates[-1].reason, type(updates[-1].error)) == ("throttled", ClientError)
    assert all(u.error is not None and u.reason == "throttled" for u in updates)
    assert len(updates) == len(at)


def test_after_a_failure_the_last_description_stays_in_the_updates(
    stubber: Stubber, client: AutoMLClient, clock: FakeClock
) -> None:
    add_describes(stubber, ("InProgress", "TrainingModels"))
    stubber.add_client_error("describe_auto_ml_job_v2", "ThrottlingException", "slow", 400)
    add_describes(stubber, ("Completed", "Completed"))
    updates: list[WaitUpdate] = []
    client.wait("churn", delay=5, on_update=updates.append, clock=clock, sleep=clock.sleep)
    failed = updates[1]
    assert (failed.status, failed.secondary_status, failed.reason) == (
        "InProgress",
        "TrainingModels",
        "throttled",
    )
    assert isinstance(failed.error, ClientError)
    assert str(failed).startswith(
        "churn  InProgress/TrainingModels  waited 0:00:05  (describe failed"
    )


def _http_json(status: int, body: dict[str, Any]) -> AWSResponse:
    class Raw:
        def stream(self, **_: Any) -> Iterator[bytes]:
            yield json.dumps(body, default=lambda v: v.timestamp()).encode()

    return AWSResponse("https://sagemaker", status, {"x-amzn-requestid": "r"}, Raw())


def test_throttling_within_botocores_retries_never_reaches_the_wait(
    sagemaker: Any, clock: FakeClock, botocore_sleeps: list[float]
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
    updates: list[WaitUpdate] = []
    final = AutoMLClient(sagemaker).wait(
        "churn", delay=45, on_update=updates.append, clock=clock, sleep=clock.sleep
    )
    assert final.auto_ml_job_status == "Completed"
    assert sent == ["SageMaker.DescribeAutoMLJobV2"] * 5
    assert answers == []
    assert clock.slept == [45]  # one wait delay
    assert len(botocore_sleeps) == 3  # botocore's own retry backoff
    assert [u.reason for u in updates] == [None, None]


def test_a_non_json_body_is_retried_as_a_transient_fault(sagemaker: Any, clock: FakeClock) -> None:
    html = b"<html><body>502 from the proxy</body></html>"

    def answer(request: Any, **_: Any) -> AWSResponse:
        if not bodies:
            return _http_json(200, described("Completed", "Completed"))

        class Raw:
            def stream(self, **_: Any) -> Iterator[bytes]:
                yield bodies.pop(0)

        return AWSResponse("https://sagemaker", 200, {"content-type": "text/html"}, Raw())

    bodies = [html, b'{"AutoMLJobName": "churn", "AutoMLJob']
    sagemaker.meta.events.register("before-send.sagemaker", answer)
    updates: list[WaitUpdate] = []
    client = AutoMLClient(sagemaker)
    final = client.wait("churn", on_update=updates.append, clock=clock, sleep=clock.sleep)
    assert final.auto_ml_job_status == "Completed"
    assert [u.reason for u in updates] == ["malformed response", "malformed response", None]
    first = updates[0].error
    assert isinstance(first, MalformedResponseError)
    assert str(first) == (
        "DescribeAutoMLJobV2 answered HTTP 200 with a body that is not JSON (text/html): "
        "'<html><body>502 from the proxy</body></html>'"
    )


def test_wait_update_trouble_wording() -> None:
    update = WaitUpdate(
        job_name="churn", elapsed=3725.4, describes=9, description=None, reason="throttled"
    )
    assert update.trouble == "describe failed: throttled"
    assert str(update) == "churn  ?/?  waited 1:02:05  (describe failed: throttled)"
    later = WaitUpdate(
        job_name="churn",
        elapsed=1,
        describes=2,
        description=None,
        reason="throttled",
        retry_in=8.2,
    )
    assert later.trouble == "describe failed: throttled, retrying in 8.2 s"
    assert WaitUpdate(
        job_name="churn", elapsed=1, describes=2, description=None, reason="x", retry_in=12.4
    ).trouble == ("describe failed: x, retrying in 12 s")
    assert WaitUpdate(
        job_name="churn", elapsed=1, describes=2, description=None, reason="x", retry_in=10
    ).trouble == ("describe failed: x, retrying in 10 s")


@pytest.mark.parametrize(
    ("elapsed", "waited"),
    [
        pytest.param(0.4, "0:00:00", id="under-a-second"),
        pytest.param(59.9, "0:00:59", id="under-a-minute"),
        pytest.param(3600, "1:00:00", id="an-hour"),
        pytest.param(90061, "25:01:01", id="over-a-day"),
    ],
)
def test_wait_update_text_without_trouble(elapsed: float, waited: str) -> None:
    update = WaitUpdate(job_name="churn", elapsed=elapsed, describes=1, description=None)
    assert (update.trouble, str(update)) == (None, f"churn  ?/?  waited {waited}")


# -- threads ------------------------------------------------------------------------------------


def test_a_wait_ignores_describes_made_by_other_threads_on_the_same_job(
    sagemaker: Any,
) -> None:
    # The waiting thread describes InProgress, then Completed; meanwhile another thread
    # describes the same job through the same client. Only the wait's own describes are its.
    looks = {"n": 0}
    lock = threading.Lock()
    others_done = threading.Event()

    def answer(params: dict[str, Any], **_: Any) -> tuple[AWSResponse, dict[str, Any]]:
        with lock:
            looks["n"] += 1
        status = (
            "Completed"
            if others_done.is_set() and threading.current_thread() is waiter
            else "InProgress"
        )
        return AWSResponse(None, 200, {}, None), described(status, f"Look{looks['n']}")

    sagemaker.meta.events.register("before-call.sagemaker.DescribeAutoMLJobV2", answer)
    client = AutoMLClient(sagemaker)
    updates: list[WaitUpdate] = []
    waiter = threading.current_thread()

    def describe_from_another_thread(update: WaitUpdate) -> None:
        updates.append(update)
        if update.describes == 1:
            thread = threading.Thread(
                target=lambda: [client.describe_job("churn") for _ in range(5)]
            )
            thread.start()
            thread.join()
            others_done.set()

    clock = FakeClock()
    client.wait("churn", on_update=describe_from_another_thread, clock=clock, sleep=clock.sleep)
    assert looks["n"] == 7
    assert [(u.describes, u.status) for u in updates] == [(1, "InProgress"), (2, "Completed")]


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
        final = client.wait(name, delay=0.01, on_update=lambda u: seen[name].append(u.job_name))
        finals[name] = final.auto_ml_job_name

    threads = [threading.Thread(target=wait_for, args=(name,)) for name in seen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert finals == {"job-a": "job-a", "job-b": "job-b"}
    assert seen == {"job-a": ["job-a"] * 4, "job-b": ["job-b"] * 4}


# -- wait_many ----------------------------------------------------------------------------------


Fault = Callable[[str, int], Exception | None]


class ScriptedSageMaker:
    """A SageMaker stand-in whose jobs end at given times (seconds on the fake clock); ``faults``
    may make a job's n-th describe raise instead."""

    def __init__(
        self,
        clock: FakeClock,
        endings: dict[str, tuple[float, str]],
        faults: dict[str, Fault] | None = None,
    ) -> None:
        self.clock = clock
        self.endings = endings
        self.faults = faults or {}
        self.calls: list[tuple[float, str]] = []

    def describe_auto_ml_job_v2(self, *, AutoMLJobName: str) -> dict[str, Any]:
        self.calls.append((self.clock.now, AutoMLJobName))
        fault = self.faults.get(AutoMLJobName)
        if fault is not None:
            error = fault(AutoMLJobName, sum(1 for _, n in self.calls if n == AutoMLJobName))
            if error is not None:
                raise error
        if AutoMLJobName not in self.endings:
            raise ClientError(
                {"Error": {"Code": "ResourceNotFound", "Message": "no such job"}},
                "DescribeAutoMLJobV2",
            )
        end, status = self.endings[AutoMLJobName]
        if self.clock.now < end:
            return described("InProgress", "TrainingModels", name=AutoMLJobName)
        return described(status, status, name=AutoMLJobName, FailureReason="boom")

    def count(self, name: str) -> int:
        return sum(1 for _, called in self.calls if called == name)


def test_wait_many_yields_each_job_as_it_ends(clock: FakeClock) -> None:
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
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(fake.calls)]
    assert min(gaps) >= 0.5  # 2 calls per second at most
    per_job: dict[str, list[float]] = {}
    for at, name in fake.calls:
        per_job.setdefault(name, []).append(at)
    for times in per_job.values():  # at most once a delay, but for the last look at the timeout
        assert all(b - a >= 60 or b == 3600 for a, b in itertools.pairwise(times))
    assert per_job["endless"][-1] == 3600


def test_wait_many_timed_out_jobs_carry_their_last_status_and_the_timeout(
    clock: FakeClock,
) -> None:
    clock.now = 500.0  # waited seconds count from the start of the wait, not of the clock
    fake = ScriptedSageMaker(clock, {"endless": (10**9, "Completed"), "late": (10**9, "Failed")})
    results = dict(
        AutoMLClient(fake).wait_many(
            ["endless", "late"], timeout=100, delay=30, clock=clock, sleep=clock.sleep
        )
    )
    for name in ("endless", "late"):
        outcome = results[name]
        assert isinstance(outcome, WaitTimeoutError)
        assert (outcome.job_name, outcome.last_status) == (name, "InProgress")
        assert outcome.waited_seconds == 100
    assert [at - 500 for at, name in fake.calls if name == "endless"] == [0, 30, 60, 90, 100]


def test_wait_many_rate_bound_holds_when_it_is_the_tighter_limit(clock: FakeClock) -> None:
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


def _fail_first(times: int, error: Callable[[], Exception]) -> Fault:
    return lambda name, n: error() if n <= times else None


def test_wait_many_a_fault_on_one_job_affects_only_that_job(clock: FakeClock) -> None:
    endings = {name: (120.0, "Completed") for name in ("calm", "flaky", "garbled", "buggy")}
    fake = ScriptedSageMaker(
        clock,
        endings,
        faults={
            "flaky": _fail_first(3, lambda: EndpointConnectionError(endpoint_url="http://x")),
            "garbled": _fail_first(
                2,
                lambda: MalformedResponseError(
                    operation="DescribeAutoMLJobV2",
                    status_code=200,
                    content_type="text/html",
                    excerpt="<html>",
                ),
            ),
            "buggy": _fail_first(1, lambda: RuntimeError("a bug in a custom client")),
        },
    )
    updates: list[WaitUpdate] = []
    results = dict(
        AutoMLClient(fake).wait_many(
            list(endings), delay=60, on_update=updates.append, clock=clock, sleep=clock.sleep
        )
    )
    assert {name: type(outcome).__name__ for name, outcome in results.items()} == {
        "calm": "DescribeAutoMLJobV2Response",
        "flaky": "DescribeAutoMLJobV2Response",
        "garbled": "DescribeAutoMLJobV2Response",
        "buggy": "RuntimeError",
    }
    assert (fake.count("calm"), fake.count("buggy")) == (3, 1)
    reasons = [(u.job_name, u.reason) for u in updates if u.reason]
    assert reasons == [
        ("flaky", "connection error"),
        ("garbled", "malformed response"),
        ("buggy", "RuntimeError"),
        ("flaky", "connection error"),
        ("garbled", "malformed response"),
        ("flaky", "connection error"),
    ]


def test_wait_many_a_bare_client_error_is_classified_by_what_it_has(clock: FakeClock) -> None:
    # Clients other than botocore's may raise a ClientError without a code or without
    # ResponseMetadata: a 503 without a code is still a 5xx, a code without a status still a code.
    bare_503 = ClientError({"Error": {}, "ResponseMetadata": {"HTTPStatusCode": 503}}, "Describe")
    throttled = ClientError({"Error": {"Code": "Throttling"}}, "Describe")
    fake = ScriptedSageMaker(
        clock,
        {"a": (0.0, "Completed"), "b": (0.0, "Completed")},
        faults={"a": _fail_first(1, lambda: bare_503), "b": _fail_first(1, lambda: throttled)},
    )
    updates: list[WaitUpdate] = []
    results = dict(
        AutoMLClient(fake).wait_many(
            ["a", "b"], on_update=updates.append, clock=clock, sleep=clock.sleep
        )
    )
    assert sorted(results) == ["a", "b"]
    assert [(u.job_name, u.reason) for u in updates if u.reason] == [
        ("a", "HTTP 503"),
        ("b", "throttled"),
    ]


def test_wait_many_a_read_timeout_is_retried(clock: FakeClock) -> None:
    fake = ScriptedSageMaker(
        clock,
        {"slow-answer": (0.0, "Completed")},
        faults={"slow-answer": _fail_first(1, lambda: ReadTimeoutError(endpoint_url="http://x"))},
    )
    [(_name, outcome)] = AutoMLClient(fake).wait_many(
        ["slow-answer"], clock=clock, sleep=clock.sleep
    )
    assert getattr(outcome, "auto_ml_job_status", None) == "Completed"
    assert fake.count("slow-answer") == 2
