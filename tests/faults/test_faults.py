"""The client against a misbehaving server: what each fault does to each call, and how many
calls it costs.

A single call (describe, create, stop, list, candidates) passes a fault through as an error
that says what happened; a wait (wait, wait_many, ``create --wait``) rides out transient faults
until its timeout and ends at once on a permanent one.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError, ConnectionClosedError, ReadTimeoutError

from automl_sdk import AutoMLClient, MalformedResponseError, WaitTimeoutError, WaitUpdate
from automl_sdk.cli import main
from tests.faults.conftest import READ_TIMEOUT, sagemaker_for
from tests.faults.scripted import (
    RESET,
    Action,
    ScriptedServer,
    answer,
    candidate,
    error,
    hang,
    html,
    raw,
    short,
    summary,
)
from tests.support.aws import FAKE_CREDENTIALS
from tests.support.jobs import ARN_PREFIX, FakeClock, described
from tests.support.requests import tabular_v2_request

DESCRIBE = "DescribeAutoMLJobV2"
CREATE = "CreateAutoMLJobV2"
STOP = "StopAutoMLJob"
LIST = "ListAutoMLJobs"
CANDIDATES = "ListCandidatesForAutoMLJob"

HTML_MESSAGE = (
    "answered HTTP 200 with a body that is not JSON (text/html): "
    "'<html><head><title>Gateway</title></head><body>Please log in</body></html>'"
)

# Each transient fault, and what a single call raises for it.
TRANSIENT: list[Any] = [
    pytest.param(
        error(503, "ServiceUnavailable"), ClientError, "HTTP 503 ServiceUnavailable", id="503"
    ),
    pytest.param(error(500, "InternalFailure"), ClientError, "HTTP 500 InternalFailure", id="500"),
    pytest.param(error(400, "ThrottlingException"), ClientError, "throttled", id="throttling"),
    pytest.param(error(429, "TooManyRequestsException"), ClientError, "throttled", id="429"),
    pytest.param(html(502), ClientError, "HTTP 502", id="502-html-page"),
    pytest.param(RESET, ConnectionClosedError, "connection error", id="connection-reset"),
    pytest.param(hang(READ_TIMEOUT * 2), ReadTimeoutError, "timed out", id="read-timeout"),
    pytest.param(html(), MalformedResponseError, "malformed response", id="200-html-page"),
    pytest.param(
        short(described("InProgress")),
        MalformedResponseError,
        "malformed response",
        id="truncated-body",
    ),
    pytest.param(raw(b""), MalformedResponseError, "malformed response", id="empty-body"),
    pytest.param(
        raw(b"[1, 2]"), MalformedResponseError, "malformed response", id="json-not-object"
    ),
]

PERMANENT: list[Any] = [
    pytest.param("ResourceNotFound", 400, id="resource-not-found"),
    pytest.param("AccessDeniedException", 400, id="access-denied"),
    pytest.param("ValidationException", 400, id="validation"),
    pytest.param("UnrecognizedClientException", 403, id="other-4xx"),
]


def cli_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake credentials for the clients the CLI makes; no profile from the machine."""
    for name, value in FAKE_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)


# -- single calls: describe, create, stop, list, candidates -----------------------------------

# One call of each operation; a call that fails once is not retried by the client.
SINGLE_CALLS: dict[str, Callable[[AutoMLClient], object]] = {
    DESCRIBE: lambda client: client.describe_job("churn"),
    CREATE: lambda client: client.create_job(tabular_v2_request()),
    STOP: lambda client: client.stop_job("churn"),
    LIST: lambda client: list(client.iter_jobs()),
    CANDIDATES: lambda client: client.candidates("churn"),
}


def _single_call_faults() -> Iterator[Any]:
    for operation in SINGLE_CALLS:
        for param in TRANSIENT:
            fault, raised, _ = param.values
            if operation == STOP and param.id == "empty-body":
                continue  # StopAutoMLJob has no output: an empty body is its success
            yield pytest.param(operation, fault, raised, id=f"{operation}-{param.id}")
        for param in PERMANENT:
            code, status = param.values
            yield pytest.param(
                operation, error(status, code), ClientError, id=f"{operation}-{param.id}"
            )


@pytest.mark.parametrize(("operation", "fault", "raised"), list(_single_call_faults()))
def test_a_single_call_passes_each_fault_through_once(
    server: ScriptedServer, client: AutoMLClient, operation: str, fault: Action, raised: type
) -> None:
    server.script(operation, fault)
    with pytest.raises(raised):
        SINGLE_CALLS[operation](client)
    assert server.count(operation) == 1
    assert len(server.calls) == 1  # no describe after a failed create, no second page


# -- describe ---------------------------------------------------------------------------------


def test_describe_of_an_html_page_says_so(server: ScriptedServer, client: AutoMLClient) -> None:
    server.script(DESCRIBE, html())
    with pytest.raises(MalformedResponseError) as caught:
        client.describe_job("churn")
    assert str(caught.value) == f"{DESCRIBE} {HTML_MESSAGE}"
    assert (caught.value.operation, caught.value.status_code) == (DESCRIBE, 200)


def test_cli_describe_of_an_html_page_is_an_error_not_empty_json(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_credentials(monkeypatch)
    server.script(DESCRIBE, html())
    code = main(["describe", "churn", "--endpoint-url", server.url, "--region", "us-east-1"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == f"automl-sdk: {DESCRIBE} {HTML_MESSAGE}\n"
    assert server.count(DESCRIBE) == 1


def test_botocore_retries_come_first_and_count_as_calls(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "sleep", lambda seconds: None)  # botocore's retry backoff
    server.script(
        DESCRIBE,
        error(503, "ServiceUnavailable"),
        RESET,
        answer(described("Completed")),
    )
    client = AutoMLClient(sagemaker_for(server, mode="standard", total_max_attempts=3))
    assert client.describe_job("churn").auto_ml_job_status == "Completed"
    assert server.count(DESCRIBE) == 3


def test_an_unknown_status_is_kept(server: ScriptedServer, client: AutoMLClient) -> None:
    server.script(DESCRIBE, answer(described("Hibernating", "Dreaming")))
    description = client.describe_job("churn")
    assert (description.auto_ml_job_status, description.auto_ml_job_secondary_status) == (
        "Hibernating",
        "Dreaming",
    )


def test_a_best_candidate_metric_sent_as_nan_is_nan(
    server: ScriptedServer, client: AutoMLClient
) -> None:
    best = candidate("c1", "NaN", kind="Maximize")
    server.script(DESCRIBE, answer(described("Completed", BestCandidate=best)))
    found = client.describe_job("churn").best_candidate
    assert found is not None
    metric = found.final_auto_ml_job_objective_metric
    assert metric is not None
    assert math.isnan(metric.value)


# A lenient parse of a response that lacks a member the model calls required leaves it None.


def _without_creation_time(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "CreationTime"}


def test_describe_without_creation_time(server: ScriptedServer, client: AutoMLClient) -> None:
    server.script(DESCRIBE, answer(_without_creation_time(described("InProgress"))))
    assert client.describe_job("churn").creation_time is None


def test_wait_without_creation_time(
    server: ScriptedServer, client: AutoMLClient, clock: FakeClock
) -> None:
    server.script(DESCRIBE, answer(_without_creation_time(described("Completed"))))
    final = client.wait("churn", timeout=5, clock=clock, sleep=clock.sleep)
    assert final.auto_ml_job_status == "Completed"
    assert server.count(DESCRIBE) == 1


def test_iter_jobs_without_creation_time(server: ScriptedServer, client: AutoMLClient) -> None:
    server.script(LIST, answer({"AutoMLJobSummaries": [_without_creation_time(summary("a"))]}))
    assert [s.auto_ml_job_name for s in client.iter_jobs()] == ["a"]


def test_candidates_without_creation_time(server: ScriptedServer, client: AutoMLClient) -> None:
    found = _without_creation_time(candidate("c1", 0.5))
    server.script(CANDIDATES, answer({"Candidates": [found]}))
    assert [c.candidate_name for c in client.candidates("churn")] == ["c1"]


# -- wait -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("fault", "raised", "reason"), TRANSIENT)
def test_wait_rides_out_each_transient_fault(
    server: ScriptedServer,
    client: AutoMLClient,
    clock: FakeClock,
    fault: Action,
    raised: type,
    reason: str,
) -> None:
    server.script(
        DESCRIBE,
        answer(described("InProgress", "TrainingModels")),
        fault,
        fault,
        answer(described("Completed")),
    )
    updates: list[WaitUpdate] = []
    final = client.wait(
        "churn", timeout=3600, delay=30, on_update=updates.append, clock=clock, sleep=clock.sleep
    )
    assert final.auto_ml_job_status == "Completed"
    assert server.count(DESCRIBE) == 4
    assert [(u.describes, u.reason) for u in updates] == [
        (1, None),
        (2, reason),
        (3, reason),
        (4, None),
    ]
    assert all(isinstance(u.error, raised) for u in updates[1:3])
    assert all(u.status == "InProgress" for u in updates[1:3])  # the last status read stays
    assert (
        updates[1].trouble == f"describe failed: {reason}, retrying in {updates[1].retry_in:.1f} s"
    )


def test_wait_rides_out_every_fault_in_a_row(
    server: ScriptedServer, client: AutoMLClient, clock: FakeClock
) -> None:
    faults = [param.values[0] for param in TRANSIENT]
    server.script(DESCRIBE, *faults, answer(described("Completed")))
    updates: list[WaitUpdate] = []
    final = client.wait(
        "churn", timeout=3600, on_update=updates.append, clock=clock, sleep=clock.sleep
    )
    assert final.auto_ml_job_status == "Completed"
    assert server.count(DESCRIBE) == len(faults) + 1
    assert [u.reason for u in updates] == [param.values[2] for param in TRANSIENT] + [None]
    # capped exponential backoff: 1, 2, 4, ... s, never above the 60 s delay
    assert all(0.5 <= slept <= 60 for slept in clock.slept)
    assert clock.slept[-1] >= 30


@pytest.mark.parametrize(("code", "status"), PERMANENT)
def test_wait_ends_at_once_on_a_permanent_error(
    server: ScriptedServer, client: AutoMLClient, clock: FakeClock, code: str, status: int
) -> None:
    server.script(DESCRIBE, answer(described("InProgress")), error(status, code, "permanent"))
    with pytest.raises(ClientError) as caught:
        client.wait("churn", timeout=3600, clock=clock, sleep=clock.sleep)
    assert caught.value.response["Error"]["Code"] == code
    assert server.count(DESCRIBE) == 2
    assert clock.slept == [60]


def test_wait_on_an_outage_lasts_its_timeout(
    server: ScriptedServer, client: AutoMLClient, clock: FakeClock
) -> None:
    server.script(DESCRIBE, answer(described("InProgress")), error(503, "ServiceUnavailable"))
    with pytest.raises(WaitTimeoutError) as caught:
        client.wait("churn", timeout=45, delay=10, clock=clock, sleep=clock.sleep)
    assert clock.now == 45
    assert caught.value.last_status == "InProgress"
    assert caught.value.last_error == "HTTP 503 ServiceUnavailable"
    # 0 s, then retries 1, 2, 4, 8, 10, 10, ... s apart (with jitter) until the one at 45 s
    assert 6 <= server.count(DESCRIBE) <= 45


def test_wait_through_unknown_statuses(
    server: ScriptedServer, client: AutoMLClient, clock: FakeClock
) -> None:
    server.script(
        DESCRIBE,
        answer(described("Queued", "Waiting")),
        answer(described("Hibernating", "Dreaming")),
        answer(described("Stopped")),
    )
    updates: list[WaitUpdate] = []
    with pytest.raises(Exception, match="was stopped"):
        client.wait("churn", delay=5, on_update=updates.append, clock=clock, sleep=clock.sleep)
    assert [u.status for u in updates] == ["Queued", "Hibernating", "Stopped"]


# -- wait_many --------------------------------------------------------------------------------


def test_wait_many_confines_each_fault_to_its_job(
    server: ScriptedServer, client: AutoMLClient, clock: FakeClock
) -> None:
    done = {
        name: answer(described("Completed", name=name))
        for name in ("calm", "reset", "html", "gone")
    }
    server.script(DESCRIBE, done["calm"], job="calm")
    server.script(DESCRIBE, RESET, RESET, done["reset"], job="reset")
    server.script(
        DESCRIBE, html(), short(described("InProgress", name="html")), done["html"], job="html"
    )
    server.script(DESCRIBE, error(400, "ResourceNotFound", "no such job"), job="gone")
    server.script(
        DESCRIBE, hang(READ_TIMEOUT * 2), answer(described("Failed", name="slow")), job="slow"
    )
    results = dict(
        client.wait_many(
            ["calm", "reset", "html", "gone", "slow"],
            timeout=600,
            delay=5,
            max_calls_per_second=10,
            clock=clock,
            sleep=clock.sleep,
        )
    )
    assert {name: type(outcome).__name__ for name, outcome in results.items()} == {
        "calm": "DescribeAutoMLJobV2Response",
        "reset": "DescribeAutoMLJobV2Response",
        "html": "DescribeAutoMLJobV2Response",
        "gone": "ResourceNotFound",
        "slow": "JobFailedError",
    }
    calls = {name: server.count(DESCRIBE, name) for name in results}
    assert calls == {"calm": 1, "reset": 3, "html": 3, "gone": 1, "slow": 2}


def test_wait_many_times_out_only_the_jobs_still_in_trouble(
    server: ScriptedServer, client: AutoMLClient, clock: FakeClock
) -> None:
    server.script(DESCRIBE, answer(described("Completed", name="ok")), job="ok")
    server.script(DESCRIBE, error(400, "ThrottlingException"), job="throttled")
    results = dict(
        client.wait_many(["ok", "throttled"], timeout=20, delay=5, clock=clock, sleep=clock.sleep)
    )
    assert getattr(results["ok"], "auto_ml_job_status", None) == "Completed"
    timed_out = results["throttled"]
    assert isinstance(timed_out, WaitTimeoutError)
    assert (timed_out.last_status, timed_out.last_error) == (None, "throttled")
    assert server.count(DESCRIBE, "ok") == 1


# -- create, create --wait --------------------------------------------------------------------


def test_create_of_an_html_page_is_not_a_job(server: ScriptedServer, client: AutoMLClient) -> None:
    server.script(CREATE, html())
    with pytest.raises(MalformedResponseError, match=f"^{CREATE} answered HTTP 200 with a body"):
        client.create_job(tabular_v2_request())


def test_cli_create_wait_rides_out_an_outage(
    server: ScriptedServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cli_credentials(monkeypatch)
    monkeypatch.setattr(time, "sleep", lambda seconds: None)  # the wait's and botocore's
    request = tmp_path / "request.json"
    request.write_text(json.dumps(tabular_v2_request()), encoding="utf-8")
    server.script(CREATE, answer({"AutoMLJobArn": ARN_PREFIX + "churn"}))
    # botocore's standard mode makes 3 attempts a call: 3 x 503 and 3 resets reach the wait.
    server.script(
        DESCRIBE,
        *[error(503, "ServiceUnavailable")] * 3,
        *[RESET] * 3,
        answer(described("Completed")),
    )
    argv = ["create", str(request), "--wait", "--delay", "5", "--timeout", "600"]
    code = main([*argv, "--endpoint-url", server.url, "--region", "us-east-1"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out) == {"AutoMLJobArn": ARN_PREFIX + "churn"}
    assert err.strip().endswith("churn: Completed")
    assert (server.count(CREATE), server.count(DESCRIBE)) == (1, 7)
    # The progress lines tell a person about each failed describe and the wait going on.
    trouble, reset, final, summary = err.splitlines()
    retrying = r", retrying in \d+(\.\d)? s\)"
    assert re.fullmatch(
        r"churn  \(describe failed: HTTP 503 ServiceUnavailable" + retrying, trouble
    )
    assert re.fullmatch(r"churn  \(describe failed: connection error" + retrying, reset)
    assert final.startswith("churn  Completed/Completed  elapsed ")
    assert summary == "churn: Completed"


# -- stop -------------------------------------------------------------------------------------


def test_stop_accepts_an_empty_body(server: ScriptedServer, client: AutoMLClient) -> None:
    server.script(STOP, raw(b""))
    client.stop_job("churn")
    server.script(STOP, answer({}))
    client.stop_job("churn")
    assert server.count(STOP) == 2


# -- list, candidates -------------------------------------------------------------------------


@pytest.mark.parametrize(("fault", "raised", "reason"), TRANSIENT)
def test_a_fault_on_a_later_page_of_list_ends_the_listing(
    server: ScriptedServer, client: AutoMLClient, fault: Action, raised: type, reason: str
) -> None:
    server.script(
        LIST, answer({"AutoMLJobSummaries": [summary("a"), summary("b")], "NextToken": "t"}), fault
    )
    seen: list[str] = []
    with pytest.raises(raised):
        seen.extend(s.auto_ml_job_name for s in client.iter_jobs())
    assert seen == ["a", "b"]
    assert server.count(LIST) == 2


def test_list_of_an_html_page_is_not_an_empty_list(
    server: ScriptedServer, client: AutoMLClient
) -> None:
    server.script(LIST, html())
    with pytest.raises(MalformedResponseError) as caught:
        list(client.iter_jobs())
    assert str(caught.value) == f"{LIST} {HTML_MESSAGE}"


@pytest.mark.parametrize(
    ("kind", "metric", "expected"),
    [
        pytest.param("Maximize", "F1", ["high", "low", "neg-inf", "a-nan", "z-nan"], id="maximize"),
        pytest.param(
            "Minimize", "MSE", ["neg-inf", "low", "high", "a-nan", "z-nan"], id="minimize"
        ),
        pytest.param(None, "MASE", ["neg-inf", "low", "high", "a-nan", "z-nan"], id="mase-untyped"),
    ],
)
def test_candidates_with_nan_metrics_sent_as_strings(
    server: ScriptedServer, client: AutoMLClient, kind: str | None, metric: str, expected: list[str]
) -> None:
    server.script(
        CANDIDATES,
        answer(
            {
                "Candidates": [
                    candidate("z-nan", "NaN", metric, kind),
                    candidate("high", 0.9, metric, kind),
                    candidate("neg-inf", "-Infinity", metric, kind),
                    candidate("a-nan", "NaN", metric, kind),
                    candidate("low", 0.1, metric, kind),
                ]
            }
        ),
    )
    board = client.candidates("churn")
    assert [c.candidate_name for c in board] == expected
    assert board.best is not None
    assert board.best.candidate_name == expected[0]
    values = [math.nan if row[metric] is None else row[metric] for row in board.rows()]
    assert values[expected.index("neg-inf")] == -math.inf
    assert all(math.isnan(v) for v in values[-2:])
