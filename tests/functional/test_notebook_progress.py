"""Notebook niceties: the status text, and the Jupyter progress display (IPython faked)."""

from __future__ import annotations

import datetime
import sys
import time
import types
from typing import Any

import pytest
from botocore.stub import Stubber

from automl_sdk import AutoMLClient, JobStoppedError, WaitTimeoutError, from_wire
from automl_sdk._notebook import progress_display, status_text
from automl_sdk.client import Job
from automl_sdk.shapes import DescribeAutoMLJobV2Response
from tests.support.jobs import described

CREATED = datetime.datetime(2026, 1, 2, 3, 0, 0, tzinfo=datetime.timezone.utc)


def wire(status: str = "InProgress", secondary: str = "TrainingModels") -> dict[str, Any]:
    return described(status, secondary, created=CREATED)


def description(status: str = "InProgress", secondary: str = "TrainingModels") -> Any:
    return from_wire(DescribeAutoMLJobV2Response, wire(status, secondary))


@pytest.mark.parametrize(
    ("elapsed", "text"),
    [
        pytest.param(0, "churn  InProgress/TrainingModels  elapsed 0:00:00", id="zero"),
        pytest.param(3723, "churn  InProgress/TrainingModels  elapsed 1:02:03", id="hours"),
        pytest.param(-5, "churn  InProgress/TrainingModels  elapsed 0:00:00", id="clock-skew"),
    ],
)
def test_status_text(elapsed: int, text: str) -> None:
    now = CREATED + datetime.timedelta(seconds=elapsed)
    assert status_text(description(), now=now) == text


class FakeHandle:
    def __init__(self, shown: Any) -> None:
        self.shown = [shown]

    def update(self, shown: Any) -> None:
        self.shown.append(shown)


@pytest.fixture
def kernel(monkeypatch: pytest.MonkeyPatch) -> list[FakeHandle]:
    """A fake IPython with a running kernel; collects the display handles made."""
    handles: list[FakeHandle] = []
    ipython = types.ModuleType("IPython")
    ipython.get_ipython = lambda: object()  # type: ignore[attr-defined]
    display = types.ModuleType("IPython.display")

    def show(obj: Any, display_id: bool = False) -> FakeHandle:
        assert display_id
        handles.append(FakeHandle(obj))
        return handles[-1]

    display.display = show  # type: ignore[attr-defined]
    display.HTML = lambda markup: ("HTML", markup)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", ipython)
    monkeypatch.setitem(sys.modules, "IPython.display", display)
    return handles


def test_progress_display_updates_one_output_in_a_kernel(kernel: list[FakeHandle]) -> None:
    update = progress_display("churn")
    update(description("InProgress", "Starting"))
    update(description("Completed", "Completed"))
    assert len(kernel) == 1
    shown = kernel[0].shown
    assert shown[0] == ("HTML", "<code>churn  waiting...</code>")
    assert shown[1][1].startswith("<code>churn  InProgress/Starting  elapsed ")
    assert shown[2][1].startswith("<code>churn  Completed/Completed  elapsed ")


def test_progress_display_does_nothing_without_a_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "IPython", None)  # import fails
    assert progress_display("churn")(description()) is None


@pytest.fixture
def job(stubber: Stubber, client: AutoMLClient, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A factory: the job ``churn`` whose describes answer the given states, no sleeping."""
    monkeypatch.setattr(time, "sleep", lambda seconds: None)

    def make(*states: tuple[str, str]) -> Job:
        for status, secondary in states:
            stubber.add_response(
                "describe_auto_ml_job_v2", wire(status, secondary), {"AutoMLJobName": "churn"}
            )
        return Job(name="churn", arn="arn", client=client)

    return make


def test_job_wait_with_progress_shows_and_calls_on_update(
    kernel: list[FakeHandle], job: Any
) -> None:
    churn = job(("InProgress", "Starting"), ("Completed", "Completed"))
    seen: list[str | None] = []
    final = churn.wait(progress=True, delay=5, on_update=lambda u: seen.append(u.status))
    assert final.auto_ml_job_status == "Completed"
    assert seen == ["InProgress", "Completed"]
    shown = kernel[0].shown
    assert shown[0] == ("HTML", "<code>churn  waiting...</code>")
    assert shown[1][1].startswith("<code>churn  InProgress/Starting  elapsed ")
    assert shown[-1][1].startswith("<code>churn  Completed/Completed  elapsed ")


def test_job_wait_with_progress_and_no_on_update(kernel: list[FakeHandle], job: Any) -> None:
    with pytest.raises(JobStoppedError) as caught:
        job(("InProgress", "Starting"), ("Stopped", "Stopped")).wait(progress=True, delay=5)
    assert caught.value.description.auto_ml_job_status == "Stopped"
    assert [shown[1].split("  ")[1] for shown in kernel[0].shown[1:]] == [
        "InProgress/Starting",
        "Stopped/Stopped",
    ]


def test_job_wait_with_progress_outside_a_kernel_just_waits(
    job: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "IPython", None)
    final = job(("Completed", "Completed")).wait(progress=True)
    assert final.auto_ml_job_status == "Completed"


def test_job_wait_shows_nothing_unless_asked(kernel: list[FakeHandle], job: Any) -> None:
    job(("Completed", "Completed")).wait()
    assert kernel == []


def test_job_wait_passes_its_timeout_and_delay(job: Any) -> None:
    # With sleeping skipped, the wait still describes on its schedule: at 0, 4, 8 and 10 s.
    churn = job(*[("InProgress", "TrainingModels")] * 4)
    with pytest.raises(WaitTimeoutError) as caught:
        churn.wait(timeout=10, delay=4)
    assert caught.value.waited_seconds == pytest.approx(10, abs=1)
