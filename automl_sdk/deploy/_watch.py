"""Describing and waiting for what deploy makes: one way for endpoints and transform jobs.

Each kind of resource (:data:`ENDPOINT`, :data:`TRANSFORM_JOB`) says which describe call,
status member and botocore waiter it has; :func:`describe` and :func:`wait` do the rest, and
raise the same errors for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from automl_sdk.deploy import _aws
from automl_sdk.errors import DeployFailedError, DeployTimeoutError, Resource

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient

__all__ = ["ENDPOINT", "TRANSFORM_JOB", "Kind", "Watched", "describe", "wait"]

T = TypeVar("T")


@attrs.frozen
class Kind:
    """How one kind of resource is described and waited for.

    Attributes:
        name: the resource kind in errors (``"Endpoint"``).
        operation: its describe operation (``"DescribeEndpoint"``).
        name_member: the request member naming it (``"EndpointName"``).
        status_member: the response member of its status (``"EndpointStatus"``).
        done_status: the status a successful wait ends at (``"InService"``).
        waiter: botocore's waiter for it (``"endpoint_in_service"``).
        default_delay: that waiter's delay between describes, in seconds.
    """

    name: str
    operation: str
    name_member: str
    status_member: str
    done_status: str
    waiter: str
    default_delay: float


#: botocore's ``EndpointInService`` waiter describes every 30 seconds.
ENDPOINT = Kind(
    "Endpoint",
    "DescribeEndpoint",
    "EndpointName",
    "EndpointStatus",
    "InService",
    "endpoint_in_service",
    30.0,
)
#: botocore's ``TransformJobCompletedOrStopped`` waiter describes every 60 seconds; it also
#: ends at ``Stopped``, which :func:`wait` reports as a failure.
TRANSFORM_JOB = Kind(
    "TransformJob",
    "DescribeTransformJob",
    "TransformJobName",
    "TransformJobStatus",
    "Completed",
    "transform_job_completed_or_stopped",
    60.0,
)


class Watched(Protocol):
    """A handle :func:`wait` can wait for: its name, client, job, and what exists."""

    @property
    def name(self) -> str: ...

    @property
    def client(self) -> AutoMLClient: ...

    @property
    def job_name(self) -> str | None: ...

    @property
    def resources(self) -> list[Resource]: ...


def describe(kind: Kind, handle: Watched, shape: type[T]) -> T:
    """The typed describe response of ``handle``.

    Raises:
        RequestLintError: the handle's name breaks the service model's constraints.
        botocore.exceptions.ClientError: AWS refused the describe (e.g. no such resource).
    """
    request = {kind.name_member: handle.name}
    return _aws.typed(shape, _aws.send(handle.client.sagemaker_client, kind.operation, request))


def wait(
    kind: Kind, handle: Watched, shape: type[T], *, timeout: float | None, delay: float | None
) -> T:
    """Wait with ``kind``'s botocore waiter until ``handle`` reaches its done status; its typed
    description then.

    Raises:
        DeployFailedError: it ended in another status (with its ``FailureReason``) or
            disappeared (status ``deleted``; it is no longer among the resources).
        DeployTimeoutError: ``timeout`` passed; it is left as it is.
        RequestLintError: the handle's name breaks the service model's constraints.
        botocore.exceptions.ClientError: an AWS error the waiter does not accept.
    """
    outcome, last = _aws.wait_for(
        handle.client.sagemaker_client,
        kind.waiter,
        {kind.name_member: handle.name},
        operation=kind.operation,
        delay=kind.default_delay if delay is None else delay,
        timeout=timeout,
    )
    status = last.get(kind.status_member)
    if outcome == "timeout":
        raise DeployTimeoutError(
            kind=kind.name,
            name=handle.name,
            last_status=status,
            waited_seconds=last["WaitedSeconds"],
            resources=handle.resources,
            job_name=handle.job_name,
        )
    if outcome == "failure" or status != kind.done_status:
        raise _failed(kind, handle, status, last)
    return _aws.typed(shape, last)


def _failed(kind: Kind, handle: Watched, status: str | None, last: dict[str, Any]) -> Exception:
    error = last.get("Error") or {}
    gone = bool(error)  # the waiter accepted "not found": it was deleted while waited for
    resources = [resource for resource in handle.resources if resource != (kind.name, handle.name)]
    return DeployFailedError(
        kind=kind.name,
        name=handle.name,
        status=status or ("deleted" if gone else None),
        failure_reason=last.get("FailureReason") or error.get("Message"),
        resources=resources if gone else handle.resources,
        job_name=handle.job_name,
    )
