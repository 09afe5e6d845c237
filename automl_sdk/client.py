"""``AutoMLClient``: create, describe, wait for, stop and list AutoML jobs through boto3.

Glue only: lint the request, translate V1 to V2, convert to the wire, call boto3, convert the
response back. Everything else lives in its own module: the ``Job`` handle in ``job``, the
ranking in ``leaderboard``, the idempotent re-create in ``_idempotency``, waiting in ``waiters``
and what a wait's end means in ``_outcome``, the checks of SageMaker's answers in ``_responses``.

::

    from automl_sdk import AutoMLClient

    client = AutoMLClient(region_name="us-east-1")
    job = client.create_job(request)      # lints first; V1 requests are sent as V2
    final = job.wait(timeout=4 * 3600)    # typed DescribeAutoMLJobV2Response
    print(job.candidates().best)

Importing this module never imports boto3: the SageMaker client is made on first use.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from automl_sdk import _idempotency, _outcome, _responses, waiters
from automl_sdk._endpoints import is_aws_endpoint
from automl_sdk._outcome import Outcome
from automl_sdk.errors import JobConflictError, RequestCheckError
from automl_sdk.job import Job
from automl_sdk.leaderboard import Leaderboard
from automl_sdk.shapes import (
    AutoMLCandidate,
    AutoMLJobSummary,
    CreateAutoMLJobRequest,
    CreateAutoMLJobV2Request,
    DescribeAutoMLJobV2Response,
)
from automl_sdk.waiters import OnUpdate, WaitUpdate

if TYPE_CHECKING:
    from automl_sdk.deploy import Endpoint
    from automl_sdk.lint import Finding

__all__ = ["AutoMLClient", "Job", "Leaderboard", "OnUpdate", "Outcome", "WaitUpdate"]

V1 = "CreateAutoMLJob"
V2 = "CreateAutoMLJobV2"
_DESCRIBE = "DescribeAutoMLJobV2"


class AutoMLClient:
    """A typed facade over boto3's SageMaker client for AutoML (Autopilot) jobs.

    Args:
        sagemaker_client: a boto3 SageMaker client to use as it is (its credentials, region,
            endpoint and retry settings are respected). When omitted, one is made on first use
            with botocore's ``standard`` retry mode.
        session: a ``boto3.Session`` (or botocore session) to make the client from.
        region_name: AWS region of the client made here.
        profile_name: named profile of the session made here (not with ``session``).
        endpoint_url: SageMaker endpoint, e.g. a local moto server ``http://127.0.0.1:5000``.
        lint: lint every create request first and refuse to send one with error findings.

    Either way the client refuses a success answer whose body is not JSON
    (:class:`~automl_sdk.errors.MalformedResponseError`) instead of reading it as empty.
    The client holds no global state and may be shared between threads.

    Raises:
        TypeError: ``region_name``, ``profile_name`` or ``endpoint_url`` is not a string, or
            options that exclude each other are given together.
    """

    def __init__(
        self,
        sagemaker_client: Any = None,
        *,
        session: Any = None,
        region_name: str | None = None,
        profile_name: str | None = None,
        endpoint_url: str | None = None,
        lint: bool = True,
    ) -> None:
        options = {"session": session, "region_name": region_name}
        options |= {"profile_name": profile_name, "endpoint_url": endpoint_url}
        given = sorted(key for key, value in options.items() if value is not None)
        for key in ("region_name", "profile_name", "endpoint_url"):
            if not isinstance(options[key], str | None):
                raise TypeError(f"{key} must be a string (got {type(options[key]).__name__})")
        if sagemaker_client is not None and given:
            raise TypeError(f"pass sagemaker_client or {', '.join(given)}, not both")
        if session is not None and profile_name is not None:
            raise TypeError("pass session or profile_name, not both")
        if sagemaker_client is not None:
            _responses.install_body_check(sagemaker_client)
        self._client = sagemaker_client
        self._session = session
        self._region_name = region_name
        self._profile_name = profile_name
        self._endpoint_url = endpoint_url
        self._lint = lint
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        region, endpoint = self._region_name, self._endpoint_url
        meta = getattr(self._client, "meta", None)
        if meta is not None:
            region, endpoint = meta.region_name, meta.endpoint_url
        endpoint = _responses.redacted_url(endpoint)
        return f"AutoMLClient(region_name={region!r}, endpoint_url={endpoint!r})"

    @property
    def sagemaker_client(self) -> Any:
        """The boto3 SageMaker client in use (made on first access when none was given)."""
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._make_client()
        return self._client

    def _make_client(self) -> Any:
        from botocore.config import Config

        client = self._make_any(
            "sagemaker",
            region_name=self._region_name,
            endpoint_url=self._endpoint_url,
            config=Config(retries={"mode": "standard"}),
        )
        _responses.install_body_check(client)
        return client

    def client_for(self, service: str) -> Any:
        """A boto3 client for another AWS service (``"sagemaker-runtime"``, ``"s3"``...) made as
        the SageMaker client is: the same session or profile (so the same credentials), region
        and retry configuration, and the same endpoint URL when it is a custom one (a local
        server serves every service); for an AWS endpoint botocore resolves the service's own.

        When this client was given a ready SageMaker client, its region, configuration and
        custom endpoint carry over and the credentials come from boto3's default chain.
        """
        sagemaker = self.sagemaker_client
        endpoint_url = sagemaker.meta.endpoint_url
        return self._make_any(
            service,
            region_name=sagemaker.meta.region_name,
            endpoint_url=None if is_aws_endpoint(endpoint_url) else endpoint_url,
            config=sagemaker.meta.config,
        )

    def _client_of(self, service: str) -> Any:
        """This client's SageMaker client, or :meth:`client_for` of another service."""
        return self.sagemaker_client if service == "sagemaker" else self.client_for(service)

    def _make_any(self, service: str, **options: Any) -> Any:
        import boto3

        session = self._session
        if session is None:
            session = boto3.session.Session(profile_name=self._profile_name)
        make = getattr(session, "client", None) or session.create_client
        return make(service, **options)

    # -- create ---------------------------------------------------------------------------------

    def create_job(self, request: Mapping[str, Any] | Any, *, check: bool = False) -> Job:
        """Create an AutoML job from a V2 or V1 request (a boto3-style dict or a request shape).

        The request is linted first: with any error finding nothing is sent and
        :class:`~automl_sdk.errors.RequestLintError` carries every finding. With ``check=True``
        the data and resources it names are checked too (:meth:`check`): with any error
        finding nothing is sent and :class:`~automl_sdk.errors.RequestCheckError` carries
        every finding. A V1
        (``CreateAutoMLJob``) request is translated and sent as ``CreateAutoMLJobV2``.

        Re-running a create is safe: when a job of that name exists and was created from the
        same request (compared on the members sent, numbers by value; ``Tags`` are not returned
        by the service and are not compared), that job is returned; otherwise
        :class:`~automl_sdk.errors.JobConflictError` lists the differing wire paths.
        Other AWS errors (e.g. ``ResourceLimitExceeded``) pass through as botocore's ``ClientError``.

        Raises:
            RequestLintError: the request has lint errors; nothing was sent.
            RequestCheckError: with ``check=True``, the check found errors; nothing was sent.
            MigrationError: a V1 value has no faithful V2 form; nothing was sent.
            JobConflictError: a job of that name exists with a different request.
            ShapeError: ``request`` is a shape holding a member of the wrong type.
            TypeError: ``request`` is neither a dict nor a create request shape.
            MalformedResponseError: a 2xx answer whose body is not JSON.
            botocore.exceptions.ClientError: another AWS error, as boto3 raised it.
            botocore.exceptions.ParamValidationError: with ``lint=False``, a request botocore's
                model refuses; nothing was sent.
        """
        wire, operation = _request_dict(request)
        if check:
            findings = self.check(wire)
            if any(finding.severity == "error" for finding in findings):
                raise RequestCheckError(findings=findings, operation=operation)
        return self._create(wire, operation)

    def check(
        self,
        request: Mapping[str, Any] | Any,
        *,
        scan: bool = False,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
    ) -> list[Finding]:
        """Lint a V1 or V2 request, then check the data and resources it names.

        See :func:`automl_sdk.check_request`; its clients are this one's SageMaker client and
        those :meth:`client_for` makes (the same credentials, region, retry configuration and
        custom endpoint URL).

        Raises:
            TypeError: ``request`` is neither a dict nor a create request shape, or ``select``
                or ``ignore`` is not an iterable of strings.
        """
        from automl_sdk.check._aws import Clients
        from automl_sdk.check._run import check_with

        wire, operation = _request_dict(request)
        # Made on first use, after lint passed: a request with lint errors needs no region.
        aws = Clients(factory=self._client_of)
        return check_with(wire, aws, operation=operation, scan=scan, select=select, ignore=ignore)

    def create_auto_ml_job(self, **kwargs: Any) -> dict[str, Any]:
        """boto3's ``create_auto_ml_job`` (V1) signature, run as ``CreateAutoMLJobV2``.

        Returns boto3's response shape, ``{"AutoMLJobArn": ...}``. Linting, idempotency and the
        errors raised are as in :meth:`create_job`.
        """
        return {"AutoMLJobArn": self._create(dict(kwargs), V1).arn}

    def _create(self, wire: dict[str, Any], operation: str) -> Job:
        if self._lint or operation == V1:
            from automl_sdk.migrate import lint_then_translate

            wire, _ = lint_then_translate(wire, operation=operation, force=not self._lint)
        from botocore.exceptions import ClientError

        try:
            response = self.sagemaker_client.create_auto_ml_job_v2(**wire)
        except ClientError as exc:
            if not _idempotency.already_exists(exc):
                raise
            return self._existing_job(wire)
        return Job(name=wire["AutoMLJobName"], arn=response["AutoMLJobArn"], client=self)

    def _existing_job(self, wire: dict[str, Any]) -> Job:
        name = wire["AutoMLJobName"]
        existing = self._describe_raw(name)
        differences = _idempotency.differences(wire, existing)
        if differences:
            raise JobConflictError(job_name=name, differences=differences)
        return Job(name=name, arn=existing["AutoMLJobArn"], client=self)

    # -- describe -------------------------------------------------------------------------------

    def describe_job(self, name: str) -> DescribeAutoMLJobV2Response:
        """The typed ``DescribeAutoMLJobV2`` response of job ``name`` (a V1 or V2 job).

        Members the service leaves out (``BestCandidate`` of a job that ended early, ...) are
        ``None``; members this version does not know are ignored.

        Raises:
            botocore.exceptions.ClientError: e.g. ``ResourceNotFound`` for an unknown job.
            botocore.exceptions.ParamValidationError: ``name`` is not a string of 1 or more
                characters; nothing was sent.
            MalformedResponseError: a 2xx answer whose body is not JSON.
        """
        return _outcome.typed_description(self._describe_raw(name))

    def describe_auto_ml_job(self, *, AutoMLJobName: str) -> dict[str, Any]:
        """boto3's ``describe_auto_ml_job`` (V1) signature: describes with V2, returns the V1 shape.

        Raises:
            MigrationError: the job is not tabular, so it has no V1 description.
            botocore.exceptions.ClientError: as in :meth:`describe_job`.
            botocore.exceptions.ParamValidationError: as in :meth:`describe_job`.
            MalformedResponseError: as in :meth:`describe_job`.
        """
        from automl_sdk.migrate import migrate_describe_response

        return migrate_describe_response(self._describe_raw(AutoMLJobName))

    def _describe_raw(self, name: str) -> dict[str, Any]:
        response = self.sagemaker_client.describe_auto_ml_job_v2(AutoMLJobName=name)
        raw = {key: value for key, value in response.items() if key != "ResponseMetadata"}
        fixed: dict[str, Any] = _responses.with_real_floats(self.sagemaker_client, _DESCRIBE, raw)
        return fixed

    # -- wait -----------------------------------------------------------------------------------

    def wait(
        self,
        name: str,
        *,
        timeout: float | None = None,
        delay: float | None = None,
        on_update: OnUpdate | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> DescribeAutoMLJobV2Response:
        """Wait until job ``name`` ends and return its final typed description.

        Describes the job at once, then every ``delay`` seconds (default 60), the last time
        when ``timeout`` seconds (default: 30 days) of wall-clock time have passed. The
        ``AutoMLJobCompletedOrStopped`` acceptors of ``data/waiters-2.json`` say when it ended.
        Transient failures of a describe (throttling, 5xx, connection errors, read timeouts,
        a body that is not JSON) are retried with capped exponential backoff and jitter until
        the timeout; see docs/waiting.md. ``on_update`` gets a
        :class:`~automl_sdk.waiters.WaitUpdate` after every describe, failed ones included.
        ``clock`` and ``sleep`` (default ``time.monotonic`` and ``time.sleep``) can be replaced,
        e.g. by a fake clock in tests.

        Raises:
            JobFailedError: the job ended ``Failed`` (with ``FailureReason`` and
                ``PartialFailureReasons``).
            JobStoppedError: the job was stopped.
            WaitTimeoutError: ``timeout`` passed; the job was *not* stopped.
            botocore.exceptions.ClientError: a describe failed permanently (unknown job, access
                denied, validation, another 4xx), as boto3 raised it.
            ValueError: ``delay`` or ``timeout`` is negative, NaN or infinite (or ``delay`` 0).
            TypeError: ``name`` is not a string.
        """
        outcomes = self._wait_for([name], timeout, delay, None, on_update, clock, sleep)
        (_, outcome), *_ = list(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def wait_many(
        self,
        names: Iterable[str],
        *,
        timeout: float | None = None,
        delay: float | None = None,
        max_calls_per_second: float = waiters.DEFAULT_MAX_CALLS_PER_SECOND,
        on_update: OnUpdate | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> Iterator[tuple[str, Outcome]]:
        """Wait for many jobs from one loop; yield ``(name, outcome)`` as each job ends.

        ``outcome`` is the final typed description when the job completed, otherwise the
        exception that ended its wait, *yielded, not raised*: ``JobFailedError``,
        ``JobStoppedError``, ``WaitTimeoutError`` (every job still running when ``timeout``
        passes) or the permanent error of its describe (botocore's ``ClientError``, ...).
        A fault on one job affects only that job; transient failures are retried as in
        :meth:`wait`. All jobs together are described at most ``max_calls_per_second`` times a
        second, each at most once every ``delay`` seconds (default 60). ``on_update`` gets a
        :class:`~automl_sdk.waiters.WaitUpdate` after every describe of any of the jobs.

        Raises:
            ValueError: ``delay``, ``timeout`` or ``max_calls_per_second`` is negative, NaN or
                infinite (or ``delay``/``max_calls_per_second`` 0), on the first ``next()``.
            TypeError: ``names`` is a string or not iterable, or a name is not a string, on
                the first ``next()``.
        """
        return self._wait_for(names, timeout, delay, max_calls_per_second, on_update, clock, sleep)

    def _wait_for(
        self,
        names: Iterable[str],
        timeout: float | None,
        delay: float | None,
        max_calls_per_second: float | None,
        on_update: OnUpdate | None,
        clock: Callable[[], float] | None,
        sleep: Callable[[float], None] | None,
    ) -> Iterator[tuple[str, Outcome]]:
        return waiters.wait_for_jobs(
            self._describe_raw,
            names,
            delay=waiters.DEFAULT_DELAY if delay is None else delay,
            timeout=timeout,
            max_calls_per_second=max_calls_per_second,
            on_update=on_update,
            # looked up at call time, so a patched time.sleep is the one used
            clock=clock or time.monotonic,
            sleep=sleep or time.sleep,
        )

    # -- stop, list, candidates ----------------------------------------------------------------

    def stop_job(self, name: str) -> None:
        """Ask the service to stop job ``name`` (it passes through ``Stopping`` to ``Stopped``).

        Raises:
            botocore.exceptions.ClientError: e.g. ``ResourceNotFound`` for an unknown job.
            botocore.exceptions.ParamValidationError: ``name`` is not a string of 1 or more
                characters; nothing was sent.
            MalformedResponseError: a 2xx answer whose body is not JSON.
        """
        self.sagemaker_client.stop_auto_ml_job(AutoMLJobName=name)

    def iter_jobs(self, **filters: Any) -> Iterator[AutoMLJobSummary]:
        """Every AutoML job matching ``filters``, all pages, as typed summaries.

        ``filters`` are ``ListAutoMLJobs`` parameters with their wire names, as in boto3:
        ``StatusEquals="InProgress"``, ``NameContains="churn"``, ``SortBy="CreationTime"``, ...
        and boto3's ``PaginationConfig``.

        Raises:
            botocore.exceptions.ParamValidationError: a filter the operation does not take, or
                a value of the wrong type (a ``PaginationConfig`` other than a dict of positive
                integers ``MaxItems``/``PageSize`` and a string ``StartingToken`` included), on
                the first ``next()``; nothing was sent.
            botocore.exceptions.ClientError: an AWS error, as boto3 raised it.
            MalformedResponseError: a 2xx answer whose body is not JSON.
        """
        from automl_sdk._serde import from_wire

        paginator = self.sagemaker_client.get_paginator("list_auto_ml_jobs")
        _check_pagination(filters)
        for page in paginator.paginate(**filters):
            for summary in page.get("AutoMLJobSummaries", ()):
                yield from_wire(AutoMLJobSummary, summary)

    def candidates(self, name: str, **filters: Any) -> Leaderboard:
        """The leaderboard of job ``name``: every candidate, best objective metric first.

        ``filters`` are ``ListCandidatesForAutoMLJob`` parameters with their wire names
        (``StatusEquals``, ``CandidateNameEquals``). The order follows the objective's own
        direction (``Maximize`` or ``Minimize``), whatever the service's sort; candidates with
        no metric or a NaN one (sent as ``"NaN"``) come last.

        Raises:
            botocore.exceptions.ParamValidationError: ``name`` is not a job name string, or a
                filter is one the operation does not take or of the wrong type (see
                :meth:`iter_jobs`); nothing was sent.
            botocore.exceptions.ClientError: an AWS error, as boto3 raised it.
            MalformedResponseError: a 2xx answer whose body is not JSON.
            TypeError: ``filters`` holds ``AutoMLJobName`` (``name`` is given already).
        """
        from automl_sdk._serde import from_wire

        operation = "ListCandidatesForAutoMLJob"
        paginator = self.sagemaker_client.get_paginator("list_candidates_for_auto_ml_job")
        _check_pagination(filters)
        found = [
            from_wire(AutoMLCandidate, candidate)
            for page in paginator.paginate(AutoMLJobName=name, **filters)
            for candidate in _responses.with_real_floats(
                self.sagemaker_client, operation, page
            ).get("Candidates", ())
        ]
        return Leaderboard.rank(name, found)

    def best_candidate(self, name: str) -> AutoMLCandidate | None:
        """The job's best candidate: ``BestCandidate`` from its description, else the leaderboard's
        first entry; ``None`` when there is no candidate with a metric yet.

        Raises:
            The errors of :meth:`describe_job` and :meth:`candidates`.
        """
        best = self.describe_job(name).best_candidate
        return best if best is not None else self.candidates(name).best

    def endpoint(self, name: str, *, runtime_client: Any = None) -> Endpoint:
        """A handle on the existing SageMaker endpoint ``name`` (see :mod:`automl_sdk.deploy`).

        Raises:
            The errors of :func:`automl_sdk.deploy.attach_endpoint`.
        """
        from automl_sdk.deploy import attach_endpoint

        return attach_endpoint(self, name, runtime_client=runtime_client)


# -- helpers ------------------------------------------------------------------------------------


def _request_dict(request: Mapping[str, Any] | Any) -> tuple[dict[str, Any], str]:
    """The request as a wire dict, and whether it is a V1 or V2 create request."""
    if isinstance(request, CreateAutoMLJobRequest | CreateAutoMLJobV2Request):
        from automl_sdk._serde import to_wire

        return to_wire(request), V1 if isinstance(request, CreateAutoMLJobRequest) else V2
    if isinstance(request, Mapping):
        from automl_sdk.lint import detect_operation

        wire = dict(request)
        return wire, detect_operation(wire)
    raise TypeError(
        "request must be a dict of CreateAutoMLJobV2 (or CreateAutoMLJob) parameters or a "
        f"CreateAutoMLJobV2Request/CreateAutoMLJobRequest (got {type(request).__name__})"
    )


_PAGINATION_TYPES: dict[str, type] = {"MaxItems": int, "PageSize": int, "StartingToken": str}


def _check_pagination(filters: Mapping[str, Any]) -> None:
    """Refuse a ``PaginationConfig`` botocore's paginator would fail on with a bare
    ``ValueError`` or ``AttributeError``, as the ``ParamValidationError`` of any other filter."""
    if "PaginationConfig" not in filters:
        return
    from botocore.exceptions import ParamValidationError

    config = filters["PaginationConfig"]
    if not isinstance(config, Mapping):
        problem = f"must be a dict (got {type(config).__name__})"
        raise ParamValidationError(report=f"Invalid type for parameter PaginationConfig, {problem}")
    for key, value in config.items():
        wanted = _PAGINATION_TYPES.get(key)
        if wanted is None:
            raise ParamValidationError(
                report=f"Unknown parameter in PaginationConfig: {key!r}, must be one of: "
                + ", ".join(_PAGINATION_TYPES)
            )
        too_small = isinstance(value, int) and value < 1
        if isinstance(value, bool) or not isinstance(value, wanted) or too_small:
            expected = "a positive integer" if wanted is int else "a string"
            raise ParamValidationError(
                report=f"Invalid value for parameter PaginationConfig.{key}, must be {expected} "
                f"(got {type(value).__name__})"
            )
