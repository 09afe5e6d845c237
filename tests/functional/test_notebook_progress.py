"""The live wait display on screen: one output updated per describe, nothing outside a kernel.

IPython is faked here (a module with a shell that has or lacks a ``kernel``); the notebook
test (``test_notebook_example.py``) runs the same display in a real ipykernel.
"""

from __future__ import annotations

import datetime
import sys
import time
import types
from typing import Any

import pytest
from botocore.stub import Stubber

from automl_sdk import AutoMLClient, JobStoppedError, WaitTimeoutError, from_wire
from automl_sdk._notebook import ProgressDisplay, follow, kernel_display, status_text
from automl_sdk.client import Job
from automl_sdk.shapes import DescribeAutoMLJobV2Response
from automl_sdk.waiters import WaitUpdate
from tests.support import notebook_samples as samples


def description(status: str = "InProgress", secondary: str = "TrainingModels") -> Any:
    return from_wire(DescribeAutoMLJobV2Response, samples.description(status, secondary))


def event(description: Any, describes: int) -> WaitUpdate:
    return WaitUpdate(
        job_name="churn", elapsed=float(describes), describes=describes, description=description
    )


@pytest.mark.parametrize(
    ("elapsed", "text"),
    [
        pytest.param(0, "churn  InProgress/TrainingModels  elapsed 0:00:00", id="zero"),
        pytest.param(3723, "churn  InProgress/TrainingModels  elapsed 1:02:03", id="hours"),
        pytest.param(-5, "churn  InProgress/TrainingModels  elapsed 0:00:00", id="clock-skew"),
    ],
)
def test_status_text(elapsed: int, text: str) -> None:
    now = samples.CREATED + datetime.timedelta(seconds=elapsed)
    assert status_text(description(), now=now) == text


class FakeHandle:
    def __init__(self, shown: Any) -> None:
        self.shown = [shown]

    def update(self, shown: Any) -> None:
        self.shown.append(shown)


def fake_ipython(monkeypatch: pytest.MonkeyPatch, shell: Any) -> list[FakeHandle]:
    handles: list[FakeHandle] = []
    ipython = types.ModuleType("IPython")
    ipython.get_ipython = lambda: shell  # type: ignore[attr-defined]
    display = types.ModuleType("IPython.display")

    def show(obj: Any, display_id: bool = False) -> FakeHandle:
        assert display_id
        handles.append(FakeHandle(obj))
        return handles[-1]

    display.display = show  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", ipython)
    monkeypatch.setitem(sys.modules, "IPython.display", display)
    return handles


@pytest.fixture
def kernel(monkeypatch: pytest.MonkeyPatch) -> list[FakeHandle]:
    """A fake IPython whose shell runs in a kernel; collects the display handles made."""
    return fake_ipython(monkeypatch, types.SimpleNamespace(kernel=object()))


def test_one_output_is_updated_on_every_describe(kernel: list[FakeHandle]) -> None:
    shown = ProgressDisplay.start("churn")
    assert shown is not None
    for count in range(1, 4):
        shown(event(description("InProgress", "AnalyzingData"), count))
    assert len(kernel) == 1
    outputs = kernel[0].shown
    assert len(outputs) == 4
    assert "waiting for the first describe" in outputs[0]._repr_html_()
    assert [repr(o).split("  ")[-1] for o in outputs[1:]] == [
        "1 describe",
        "2 describes",
        "3 describes",
    ]
    assert "<b>AnalyzingData</b>" in outputs[-1]._repr_html_()


@pytest.mark.parametrize(
    "shell",
    [
        pytest.param(None, id="no-shell"),
        pytest.param(types.SimpleNamespace(), id="terminal-ipython"),
    ],
)
def test_nothing_is_shown_outside_a_running_kernel(
    monkeypatch: pytest.MonkeyPatch, shell: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    handles = fake_ipython(monkeypatch, shell)
    assert kernel_display() is None
    assert ProgressDisplay.start("churn") is None
    assert handles == []
    assert capsys.readouterr() == ("", "")


def test_nothing_is_shown_without_ipython(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "IPython", None)  # import fails
    assert ProgressDisplay.start("churn") is None


def make_job() -> Job:
    return Job(name="churn", arn=samples.ARN, client=AutoMLClient(object()))


def test_follow_keeps_the_timed_out_state_and_reraises(kernel: list[FakeHandle]) -> None:
    seen: list[int] = []

    def wait(*, on_update: Any) -> Any:
        on_update(event(description(), 1))
        on_update(event(description(), 2))
        raise WaitTimeoutError(
            job_name="churn", last_status="InProgress", last_secondary_status="x", waited_seconds=4
        )

    with pytest.raises(WaitTimeoutError):
        follow(make_job(), wait=wait, on_update=lambda update: seen.append(update.describes))
    assert seen == [1, 2]
    final = kernel[0].shown[-1]._repr_html_()
    assert (
        "Timed out after 0:00:04 of waiting: the job keeps running (it was not stopped)." in final
    )


def test_follow_shows_why_a_wait_ended(kernel: list[FakeHandle]) -> None:
    def wait(*, on_update: Any) -> Any:
        on_update(event(description(), 1))
        raise RuntimeError("connection <lost>")

    with pytest.raises(RuntimeError):
        follow(make_job(), wait=wait, on_update=None)
    assert "Wait ended: RuntimeError: connection &lt;lost&gt;" in kernel[0].shown[-1]._repr_html_()


def test_follow_outside_a_kernel_only_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "IPython", None)
    final = description("Completed", "Completed")
    seen: list[Any] = []

    def wait(*, on_update: Any) -> Any:
        on_update(event(final, 1))
        return final

    assert follow(make_job(), wait=wait, on_update=seen.append) is final
    assert [update.describes for update in seen] == [1]


# -- Job.wait(progress=True) through the client's wait engine (Stubber answers, no sleeping) ----


@pytest.fixture
def job(stubber: Stubber, client: AutoMLClient, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A factory: the job ``churn`` whose describes answer the given states, no sleeping."""
    monkeypatch.setattr(time, "sleep", lambda seconds: None)

    def make(*states: tuple[str, str]) -> Job:
        for status, secondary in states:
            stubber.add_response(
                "describe_auto_ml_job_v2",
                samples.description(status, secondary),
                {"AutoMLJobName": "churn"},
            )
        return Job(name="churn", arn=samples.ARN, client=client)

    return make


def test_job_wait_with_progress_updates_on_every_describe_and_calls_on_update(
    kernel: list[FakeHandle], job: Any
) -> None:
    states = [("InProgress", "AnalyzingData")] * 3 + [("Completed", "Completed")]
    seen: list[int] = []
    final = job(*states).wait(progress=True, delay=5, on_update=lambda u: seen.append(u.describes))
    assert final.auto_ml_job_status == "Completed"
    assert seen == [1, 2, 3, 4]
    texts = [repr(shown) for shown in kernel[0].shown]
    assert texts[0] == "churn  waiting...  0 describes"
    assert [text.split("  ")[1] for text in texts[1:]] == [
        "InProgress/AnalyzingData",
        "InProgress/AnalyzingData",
        "InProgress/AnalyzingData",
        "Completed/Completed",
    ]
    assert "Completed." in texts[-1]  # the sample's completed job has no best candidate


def test_job_wait_with_progress_keeps_the_stopped_state(kernel: list[FakeHandle], job: Any) -> None:
    with pytest.raises(JobStoppedError) as caught:
        job(("InProgress", "Starting"), ("Stopped", "Stopped")).wait(progress=True, delay=5)
    assert caught.value.description.auto_ml_job_status == "Stopped"
    assert "Stopped." in kernel[0].shown[-1]._repr_html_()


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
