"""Every exception automl-sdk raises.

::

    AutoMLSDKError
     +-- RequestLintError      a request broke documented constraints; nothing was sent
     |    +-- RequestCheckError  the data or resources a request names are wrong; nothing was sent
     +-- ShapeError            a dict could not be converted to (or from) a shape
     +-- MigrationError        a V1 request or V2 response has no faithful translation
     +-- CLIUsageError         a mistake on the ``automl-sdk`` command line or in a file it reads
     +-- MalformedResponseError a 2xx answer whose body is not the operation's JSON
     +-- LintConfigError       the [tool.automl-sdk.lint] settings of a pyproject.toml are malformed
     +-- JobError              something about a running or finished job
          +-- JobFailedError   the job ended Failed
          +-- JobStoppedError  the job ended Stopped (or Stopping) while we waited for completion
          +-- WaitTimeoutError the wait ran out of time; the job is still running
          +-- JobConflictError a job with this name exists and its request differs
     +-- DeployError           a model, endpoint or transform job could not be made from a job
          +-- DeployConflictError  a resource of that name exists and was not made the same way
          +-- DeployFailedError    the endpoint or transform job ended Failed (or a later step failed)
          +-- DeployTimeoutError   the wait ran out of time; the resource is still being made

botocore's ``ClientError`` and its other exceptions pass through unwrapped: catch them as
you would with boto3.

All exceptions take keyword-only arguments, keep them as documented attributes, and pickle.
None of them subclasses ``ValueError``: catching ``ValueError`` never swallows them by accident.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from automl_sdk.lint import Finding

__all__ = [
    "AutoMLSDKError",
    "CLIUsageError",
    "DeployConflictError",
    "DeployError",
    "DeployFailedError",
    "DeployTimeoutError",
    "JobConflictError",
    "JobError",
    "JobFailedError",
    "JobStoppedError",
    "LintConfigError",
    "MalformedResponseError",
    "MigrationError",
    "RequestCheckError",
    "RequestLintError",
    "ShapeError",
    "WaitTimeoutError",
]


class AutoMLSDKError(Exception):
    """Base class of every exception raised by automl-sdk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructors do not survive Exception's default pickling.
        return (_rebuild, (type(self), self.__dict__))


def _rebuild(cls: type[AutoMLSDKError], state: dict[str, Any]) -> AutoMLSDKError:
    exc = cls.__new__(cls)
    Exception.__init__(exc, state.get("message", ""))
    exc.__dict__.update(state)
    return exc


class RequestLintError(AutoMLSDKError):
    """A request broke documented constraints, so nothing was sent.

    Attributes:
        findings: every finding of the lint run (errors, and any warnings beside them).
        operation: ``"CreateAutoMLJob"`` or ``"CreateAutoMLJobV2"``.
    """

    def __init__(self, *, findings: Sequence[Finding], operation: str) -> None:
        self.findings = tuple(findings)
        self.operation = operation
        errors = [f for f in self.findings if f.severity == "error"]
        lines = [f"{operation} request has {len(errors)} error(s); nothing was sent:"]
        lines += [f"  {f}" for f in errors]
        super().__init__("\n".join(lines))


class RequestCheckError(RequestLintError):
    """The data or resources a request names are wrong (``create_job(request, check=True)``).

    Raised when :func:`automl_sdk.check_request` reports an error: a missing column, an empty
    prefix, a role SageMaker cannot assume... Nothing was sent. Catching
    :class:`RequestLintError` catches this too.

    Attributes:
        findings: every finding of the check (lint's and the data and resource rules').
        operation: ``"CreateAutoMLJob"`` or ``"CreateAutoMLJobV2"``.
    """

    def __init__(self, *, findings: Sequence[Finding], operation: str) -> None:
        super().__init__(findings=findings, operation=operation)
        errors = [f for f in self.findings if f.severity == "error"]
        lines = [
            f"{operation} request failed its check with {len(errors)} error(s); nothing was sent:"
        ]
        lines += [f"  {f.path or '<request>'}: {f.message} [{f.rule}]" for f in errors]
        self.message = "\n".join(lines)
        self.args = (self.message,)


class ShapeError(AutoMLSDKError):
    """A value could not be converted between its wire form (a dict) and a shape.

    Attributes:
        shape: the AWS shape name being converted, e.g. ``"CreateAutoMLJobV2Request"``.
        problems: one ``(wire_path, message)`` pair per problem found; every problem is listed.
    """

    def __init__(self, *, shape: str, problems: Sequence[tuple[str, str]]) -> None:
        self.shape = shape
        self.problems = tuple(problems)
        lines = [f"cannot convert {shape}: {len(self.problems)} problem(s)"]
        lines += [f"  {path or '<root>'}: {message}" for path, message in self.problems]
        super().__init__("\n".join(lines))


class MigrationError(AutoMLSDKError):
    """A V1 value has no faithful V2 form (or a V2 value no V1 form).

    Attributes:
        path: the wire path of the value that cannot be translated (``""`` for the whole value).
        reason: why it cannot be translated, and what to do instead.
        findings: lint findings when the translation was refused because the input is invalid.
    """

    def __init__(self, *, path: str, reason: str, findings: Sequence[Finding] = ()) -> None:
        self.path = path
        self.reason = reason
        self.findings = tuple(findings)
        super().__init__(f"{path or '<request>'}: {reason}")


class CLIUsageError(AutoMLSDKError):
    """A mistake on the ``automl-sdk`` command line: a bad option value, or a file that cannot
    be read as a request or written safely. The CLI prints ``automl-sdk: error: MESSAGE`` and
    exits 2; nothing was sent and nothing was written.

    Attributes:
        message: the one-line explanation, naming the file (and line and column) or option.
    """


class MalformedResponseError(AutoMLSDKError):
    """The service answered with a success status but a body that is not the operation's JSON
    (a proxy's HTML page, a truncated body). Nothing was parsed from it.

    A wait retries this as a transient failure; other calls raise it.

    Attributes:
        operation: the API operation, e.g. ``DescribeAutoMLJobV2``.
        status_code: the HTTP status of the answer.
        content_type: its ``Content-Type`` header (``""`` when absent).
        excerpt: the start of the body, for the reader.
    """

    def __init__(
        self, *, operation: str, status_code: int, content_type: str, excerpt: str
    ) -> None:
        self.operation = operation
        self.status_code = status_code
        self.content_type = content_type
        self.excerpt = excerpt
        kind = f" ({content_type})" if content_type else ""
        super().__init__(
            f"{operation} answered HTTP {status_code} with a body that is not JSON{kind}: "
            f"{excerpt!r}"
        )


class LintConfigError(AutoMLSDKError):
    """The ``[tool.automl-sdk.lint]`` settings (or ``--select``/``--ignore``) are malformed.

    Attributes:
        source: where the settings came from: a ``pyproject.toml`` path, or the option name
            (``"--select"``).
        problem: what is wrong and what is allowed.
    """

    def __init__(self, *, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class JobError(AutoMLSDKError):
    """Something about a specific AutoML job.

    Attributes:
        job_name: the AutoML job name.
    """

    def __init__(self, message: str, *, job_name: str) -> None:
        self.job_name = job_name
        super().__init__(message)


class JobFailedError(JobError):
    """The job ended with status ``Failed``.

    Attributes:
        job_name: the AutoML job name.
        failure_reason: the service's ``FailureReason`` (may be ``None``).
        partial_failure_reasons: the ``PartialFailureMessage`` of each ``PartialFailureReasons`` entry.
        description: the last DescribeAutoMLJobV2 response, typed, when one was read.
    """

    def __init__(
        self,
        *,
        job_name: str,
        failure_reason: str | None,
        partial_failure_reasons: Sequence[str] = (),
        description: Any = None,
    ) -> None:
        self.failure_reason = failure_reason
        self.partial_failure_reasons = tuple(partial_failure_reasons)
        self.description = description
        message = f"AutoML job {job_name!r} failed: {failure_reason or 'no reason given'}"
        if self.partial_failure_reasons:
            message += " (partial failures: " + "; ".join(self.partial_failure_reasons) + ")"
        super().__init__(message, job_name=job_name)


class JobStoppedError(JobError):
    """The job was stopped before it completed.

    Attributes:
        job_name: the AutoML job name.
        status: ``"Stopped"`` or ``"Stopping"``.
        description: the last DescribeAutoMLJobV2 response, typed, when one was read.
    """

    def __init__(self, *, job_name: str, status: str, description: Any = None) -> None:
        self.status = status
        self.description = description
        super().__init__(
            f"AutoML job {job_name!r} was stopped (status {status})", job_name=job_name
        )


class WaitTimeoutError(JobError):
    """The wait ran out of time. The job was not stopped and is still running.

    Attributes:
        job_name: the AutoML job name.
        last_status: the last ``AutoMLJobStatus`` seen (``None`` if none was read).
        last_secondary_status: the last ``AutoMLJobSecondaryStatus`` seen.
        waited_seconds: how long the wait lasted.
        last_error: why the last describe failed, when it did (e.g. ``"throttled"``).
    """

    def __init__(
        self,
        *,
        job_name: str,
        last_status: str | None,
        last_secondary_status: str | None = None,
        waited_seconds: float,
        last_error: str | None = None,
    ) -> None:
        self.last_status = last_status
        self.last_secondary_status = last_secondary_status
        self.waited_seconds = waited_seconds
        self.last_error = last_error
        status = last_status or "unknown"
        if last_secondary_status:
            status += f"/{last_secondary_status}"
        trouble = f"; the last describe failed: {last_error}" if last_error else ""
        super().__init__(
            f"gave up waiting for AutoML job {job_name!r} after {_whole_seconds(waited_seconds)}s; "
            f"it is still running (last status {status}) and was not stopped{trouble}",
            job_name=job_name,
        )


class JobConflictError(JobError):
    """A job with this name already exists and was created from a different request.

    Attributes:
        job_name: the AutoML job name.
        differences: the wire paths whose values differ between the existing job and the request.
    """

    def __init__(self, *, job_name: str, differences: Sequence[str]) -> None:
        self.differences = tuple(differences)
        super().__init__(
            f"AutoML job {job_name!r} already exists with a different request; "
            f"differing fields: {', '.join(self.differences)}",
            job_name=job_name,
        )


#: A resource deploy or transform made or found: ``(kind, name)``, e.g. ``("Model", "churn")``;
#: kinds are ``Model``, ``EndpointConfig``, ``Endpoint`` and ``TransformJob``.
Resource = tuple[str, str]


def _whole_seconds(seconds: float) -> str:
    """``seconds`` rounded to a whole number, for a message; an ``int`` is shown as it is
    (``"{:.0f}"`` would turn it into a float, which overflows past 1e308)."""
    return f"{seconds:.0f}" if isinstance(seconds, float) else f"{seconds}"


def _resource_list(resources: Sequence[Resource]) -> str:
    return ", ".join(f"{kind} {name!r}" for kind, name in resources) or "none"


class DeployError(AutoMLSDKError):
    """A model, endpoint or batch transform could not be made from an AutoML job.

    Raised before anything is created when the job is not ``Completed``, has no candidate with a
    model, has no candidate of the given name, or when the requested inference response keys are
    not supported.

    Attributes:
        job_name: the AutoML job name (``None`` for an endpoint attached by name).
        resources: the resources that exist after the failure, as ``(kind, name)`` pairs.
    """

    def __init__(
        self, message: str, *, job_name: str | None = None, resources: Sequence[Resource] = ()
    ) -> None:
        self.job_name = job_name
        self.resources = tuple(resources)
        super().__init__(message)


class _ResourceError(DeployError):
    """A deploy error about one named resource: it keeps the resource's ``kind`` and ``name``."""

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        name: str,
        job_name: str | None,
        resources: Sequence[Resource],
    ) -> None:
        self.kind = kind
        self.name = name
        super().__init__(message, job_name=job_name, resources=resources)


class DeployConflictError(_ResourceError):
    """A resource of the requested name exists and differs from what would be made.

    Nothing was created or changed. Re-running ``deploy`` with the same names and the same model
    returns the existing endpoint; any other existing resource of that name is refused.

    Attributes:
        kind: ``"Model"``, ``"EndpointConfig"`` or ``"Endpoint"``.
        name: the resource name.
        reason: what differs (or who made it).
        job_name: the AutoML job name.
    """

    def __init__(self, *, kind: str, name: str, reason: str, job_name: str | None) -> None:
        self.reason = reason
        super().__init__(
            f"{kind} {name!r} already exists: {reason}; nothing was created",
            kind=kind,
            name=name,
            job_name=job_name,
            resources=[(kind, name)],
        )


class DeployFailedError(_ResourceError):
    """A step after the first creation failed: the endpoint or transform job ended ``Failed``
    (or ``Stopped``), or a create call was refused by AWS.

    Attributes:
        kind: the resource that failed (``"Endpoint"``, ``"TransformJob"``, ``"EndpointConfig"``...).
        name: its name.
        status: its last status (``"Failed"``...), or ``None`` when its create call failed.
        failure_reason: the service's ``FailureReason`` (or the AWS error), when given.
        resources: the resources that exist now and that you may want to delete.
        job_name: the AutoML job name.
    """

    def __init__(
        self,
        *,
        kind: str,
        name: str,
        status: str | None,
        failure_reason: str | None,
        resources: Sequence[Resource],
        job_name: str | None = None,
    ) -> None:
        self.status = status
        self.failure_reason = failure_reason
        what = f"ended {status}" if status else "could not be created"
        super().__init__(
            f"{kind} {name!r} {what}: {failure_reason or 'no reason given'}; "
            f"resources that exist: {_resource_list(resources)}",
            kind=kind,
            name=name,
            job_name=job_name,
            resources=resources,
        )


class DeployTimeoutError(_ResourceError):
    """The wait for an endpoint or transform job ran out of time; it was left as it is.

    Attributes:
        kind: ``"Endpoint"`` or ``"TransformJob"``.
        name: its name.
        last_status: the last status seen (``None`` if none was read).
        waited_seconds: how long the wait lasted.
        resources: the resources that exist.
        job_name: the AutoML job name.
    """

    def __init__(
        self,
        *,
        kind: str,
        name: str,
        last_status: str | None,
        waited_seconds: float,
        resources: Sequence[Resource],
        job_name: str | None = None,
    ) -> None:
        self.last_status = last_status
        self.waited_seconds = waited_seconds
        super().__init__(
            f"gave up waiting for {kind} {name!r} after {_whole_seconds(waited_seconds)}s "
            f"(last status {last_status or 'unknown'}); it was not stopped or deleted; "
            f"resources that exist: {_resource_list(resources)}",
            kind=kind,
            name=name,
            job_name=job_name,
            resources=resources,
        )
