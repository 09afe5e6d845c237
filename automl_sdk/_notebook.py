"""Notebook glue: put the live wait display on screen in a running Jupyter kernel.

IPython is imported only when it is importable *and* a kernel is running (a shell with a
``kernel``, as ipykernel's); everywhere else, a plain ``python`` or a terminal IPython included,
nothing is shown and nothing is printed. The markup itself comes from :mod:`automl_sdk._display`.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from automl_sdk._display.progress import LiveProgress

if TYPE_CHECKING:
    from automl_sdk.job import Job
    from automl_sdk.shapes import DescribeAutoMLJobV2Response
    from automl_sdk.waiters import OnUpdate, WaitUpdate

__all__ = ["ProgressDisplay", "follow", "kernel_display", "status_text"]


def status_text(
    description: DescribeAutoMLJobV2Response, *, now: datetime.datetime | None = None
) -> str:
    """``name  Status/SecondaryStatus  elapsed H:MM:SS`` for one description (the CLI's line)."""
    created = description.creation_time
    now = now or datetime.datetime.now(created.tzinfo)
    elapsed = max(0, int((now - created).total_seconds()))
    hours, rest = divmod(elapsed, 3600)
    return (
        f"{description.auto_ml_job_name}  {description.auto_ml_job_status}/"
        f"{description.auto_ml_job_secondary_status}  elapsed {hours}:{rest // 60:02d}:{rest % 60:02d}"
    )


class Shown:
    """What is handed to IPython: HTML for notebooks, the one-line text for plain front ends."""

    def __init__(self, html: str, text: str) -> None:
        self.html = html
        self.text = text

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def kernel_display() -> Callable[..., Any] | None:
    """IPython's ``display`` when a kernel is running, else ``None``."""
    try:
        ipython = importlib.import_module("IPython")
    except ImportError:
        return None
    shell = ipython.get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return None
    display: Callable[..., Any] = importlib.import_module("IPython.display").display
    return display


class ProgressDisplay:
    """One cell output that a :class:`~automl_sdk._display.progress.LiveProgress` keeps current.

    Made by :meth:`start`, which gives ``None`` outside a running kernel. Call it with each
    wait event; :meth:`timed_out` and :meth:`failed_to_wait` record how a wait ended.
    """

    def __init__(self, progress: LiveProgress, handle: Any) -> None:
        self.progress = progress
        self._handle = handle

    @classmethod
    def start(
        cls, job_name: str, *, list_candidates: Callable[[], Any] | None = None
    ) -> ProgressDisplay | None:
        """Show the display (waiting for the first describe), or ``None`` outside a kernel."""
        display = kernel_display()
        if display is None:
            return None
        progress = LiveProgress(job_name, list_candidates=list_candidates)
        return cls(progress, display(cls._shown(progress), display_id=True))

    def __call__(self, event: WaitUpdate) -> None:
        self.progress.observe(event)
        self._refresh()

    def timed_out(self, waited_seconds: float | None = None) -> None:
        self.progress.timed_out(waited_seconds)
        self._refresh()

    def failed_to_wait(self, error: BaseException) -> None:
        self.progress.failed_to_wait(error)
        self._refresh()

    def _refresh(self) -> None:
        self._handle.update(self._shown(self.progress))

    @staticmethod
    def _shown(progress: LiveProgress) -> Shown:
        return Shown(progress.html(), progress.text())


def follow(
    job: Job, *, wait: Callable[..., DescribeAutoMLJobV2Response], on_update: OnUpdate | None
) -> DescribeAutoMLJobV2Response:
    """Run ``wait(on_update=...)`` for ``job`` with the live display fed every
    :class:`~automl_sdk.waiters.WaitUpdate` before ``on_update`` is (nothing extra outside a
    kernel). The final state stays on screen; the wait's result or error is passed on."""
    from automl_sdk.errors import JobFailedError, JobStoppedError, WaitTimeoutError

    shown = ProgressDisplay.start(job.name, list_candidates=job.candidates)
    if shown is None:
        return wait(on_update=on_update)

    def update(event: WaitUpdate) -> None:
        shown(event)
        if on_update is not None:
            on_update(event)

    try:
        return wait(on_update=update)
    except WaitTimeoutError as exc:
        shown.timed_out(exc.waited_seconds)
        raise
    except (JobFailedError, JobStoppedError):
        raise  # the last describe already shows how the job ended
    except BaseException as exc:
        shown.failed_to_wait(exc)
        raise
