"""``Job``: a handle on one AutoML job, with shortcuts to the client's methods for it.

A ``Job`` holds only the job's name, its ARN and the :class:`~automl_sdk.AutoMLClient` that made
it; every method is one call to that client, so a handle is cheap, picklable apart from its
client, and easy to extend with further per-job shortcuts.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk.deploy import DeployMethods

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient
    from automl_sdk.leaderboard import Leaderboard
    from automl_sdk.shapes import AutoMLCandidate, DescribeAutoMLJobV2Response
    from automl_sdk.waiters import OnUpdate

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

        ``progress=True`` shows a live display in a running Jupyter kernel, updated on every
        describe (see ``docs/notebooks.md``), beside any ``on_update``; elsewhere it shows and
        prints nothing.
        """
        if progress:
            from automl_sdk._notebook import follow

            wait = functools.partial(self.client.wait, self.name, timeout=timeout, delay=delay)
            return follow(self, wait=wait, on_update=on_update)
        return self.client.wait(self.name, timeout=timeout, delay=delay, on_update=on_update)

    def _repr_html_(self) -> str:
        from automl_sdk._display import job_html

        return job_html(self.name, self.arn)

    def stop(self) -> None:
        """Ask the service to stop the job."""
        self.client.stop_job(self.name)

    def candidates(self, **filters: Any) -> Leaderboard:
        """The job's leaderboard (see :meth:`AutoMLClient.candidates`)."""
        return self.client.candidates(self.name, **filters)

    def best_candidate(self) -> AutoMLCandidate | None:
        """The job's best candidate (see :meth:`AutoMLClient.best_candidate`)."""
        return self.client.best_candidate(self.name)
