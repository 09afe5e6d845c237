"""How a wait ends: a final describe response (or its absence) turned into a typed outcome.

The waiting engine in :mod:`automl_sdk.waiters` decides *when* a job has ended (through the
acceptors of ``data/waiters-2.json``); this module decides *what* that end means to a caller: the
typed description of a completed job, or the :class:`~automl_sdk.errors.JobError` that explains
why it did not complete.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

from automl_sdk.errors import JobFailedError, JobStoppedError, WaitTimeoutError
from automl_sdk.shapes import DescribeAutoMLJobV2Response

__all__ = ["Outcome", "ended", "timed_out", "typed_description"]

#: What :meth:`~automl_sdk.AutoMLClient.wait_many` yields for each job: the final typed
#: description when the job completed, otherwise the error that ended its wait (a
#: :class:`~automl_sdk.errors.JobError`, botocore's ``ClientError`` or another permanent error).
Outcome: TypeAlias = DescribeAutoMLJobV2Response | Exception


def typed_description(raw: Mapping[str, Any]) -> DescribeAutoMLJobV2Response:
    """The typed (lenient) form of a ``DescribeAutoMLJobV2`` response."""
    from automl_sdk._serde import from_wire

    return from_wire(DescribeAutoMLJobV2Response, raw)


def ended(name: str, raw: Mapping[str, Any], description: DescribeAutoMLJobV2Response) -> Outcome:
    """The outcome of a job whose describe ``raw`` shows a terminal status: ``description`` when
    it is ``Completed``, else the ``JobStoppedError`` or ``JobFailedError`` that explains it."""
    status = raw.get("AutoMLJobStatus")
    if status == "Completed":
        return description
    if status == "Stopped":
        return JobStoppedError(job_name=name, status=status, description=description)
    partial = [
        reason.get("PartialFailureMessage") or ""
        for reason in raw.get("PartialFailureReasons") or ()
        if reason.get("PartialFailureMessage")
    ]
    return JobFailedError(
        job_name=name,
        failure_reason=raw.get("FailureReason") or None,
        partial_failure_reasons=partial,
        description=description,
    )


def timed_out(
    name: str,
    last: Mapping[str, Any] | None,
    *,
    waited_seconds: float,
    last_error: str | None = None,
) -> WaitTimeoutError:
    """The error of a wait whose time ran out; ``last`` is the last describe read (if any) and
    ``last_error`` why the very last describe failed (if it did)."""
    last = last or {}
    return WaitTimeoutError(
        job_name=name,
        last_status=last.get("AutoMLJobStatus"),
        last_secondary_status=last.get("AutoMLJobSecondaryStatus"),
        waited_seconds=waited_seconds,
        last_error=last_error,
    )
