"""``Job``: a handle on one AutoML job, with shortcuts to the client's methods for it.

A ``Job`` holds only the job's name, its ARN and the :class:`~automl_sdk.AutoMLClient` that made
it; every method is one call to that client, so a handle is cheap, picklable apart from its
client, and easy to extend with further per-job shortcuts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk.deploy import DeployMethods

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient
    from automl_sdk.leaderboard import Leaderboard
    from automl_sdk.shapes import AutoMLCandidate, DescribeAutoMLJobV2Response
    from automl_sdk.waiters import OnUpdate, WaitUpdate

__all__ = ["Job"]


@attrs.frozen(kw_only=True)
class Job(DeployMethods):
    """A handle on one AutoML job: its name and ARN, and shortcuts to the client's methods.

    ``create_model``, ``deploy`` and ``transform`` come from :mod:`automl_sdk.deploy`.
    """

    name: str
    arn: str
    client: AutoMLClient = attrs.field(repr=False, eq=False)

    def describe(self) -> DescribeAutoMLJobV2Response:
        """The job's typed description (see :meth:`AutoMLClient.describe_job`)."""
        return self.client.describe_job(self.name)

    def status(self) -> str:
        """The job's current ``AutoMLJobStatus`` (one describe call)."""
        return self.describe().auto_ml_job_status

    def wait(
        self,
        *,
        timeout: float | None = None,
        delay: float | None = None,
        on_update: OnUpdate | None = None,
        progress: bool = False,
    ) -> DescribeAutoMLJobV2Response:
        """Wait until the job ends (see :meth:`AutoMLClient.wait`).

        ``progress=True`` shows a live status line in Jupyter when IPython is available
        (and does nothing elsewhere), beside any ``on_update``.
        """
        if progress:
            on_update = _with_progress(self.name, on_update)
        return self.client.wait(self.name, timeout=timeout, delay=delay, on_update=on_update)

    def stop(self) -> None:
        """Ask the service to stop the job."""
        self.client.stop_job(self.name)

    def candidates(self, **filters: Any) -> Leaderboard:
        """The job's leaderboard (see :meth:`AutoMLClient.candidates`)."""
        return self.client.candidates(self.name, **filters)

    def best_candidate(self) -> AutoMLCandidate | None:
        """The job's best candidate (see :meth:`AutoMLClient.best_candidate`)."""
        return self.client.best_candidate(self.name)


def _with_progress(name: str, on_update: OnUpdate | None) -> OnUpdate:
    """``on_update`` (if any) preceded by the notebook's status display of the job."""
    from automl_sdk._notebook import progress_display

    show = progress_display(name)

    def update(event: WaitUpdate) -> None:
        if event.description is not None:
            show(event.description)
        if on_update is not None:
            on_update(event)

    return update
