"""``AutoMLClient``: create, describe, wait for, stop and list AutoML jobs through boto3.

Glue only: lint the request, translate V1 to V2, convert to the wire, call boto3, convert the
response back, and turn a wait's outcome into a typed result or a typed error. Everything else
lives in its own module (``lint``, ``migrate``, ``_serde``, ``waiters``).

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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk import waiters
from automl_sdk.errors import (
    JobConflictError,
    JobFailedError,
    JobStoppedError,
    RequestCheckError,
    WaitTimeoutError,
)
from automl_sdk.shapes import (
    AutoMLCandidate,
    AutoMLJobSummary,
    CreateAutoMLJobRequest,
    CreateAutoMLJobV2Request,
    DescribeAutoMLJobV2Response,
)

if TYPE_CHECKING:
    from automl_sdk.lint import Finding

__all__ = ["AutoMLClient", "Job", "Leaderboard", "Outcome"]

V1 = "CreateAutoMLJob"
V2 = "CreateAutoMLJobV2"

#: What :meth:`AutoMLClient.wait_many` yields for each job: the final typed description when the
#: job completed, otherwise the error that ended its wait (a :class:`~automl_sdk.errors.JobError`
#: or botocore's ``ClientError``).
Outcome = DescribeAutoMLJobV2Response | Exception

#: Called by ``wait`` with the typed description each time the job's status or secondary status
#: changes.
OnUpdate = Callable[[DescribeAutoMLJobV2Response], None]

# Members of CreateAutoMLJobV2 that DescribeAutoMLJobV2 does not return, so a re-create
# cannot compare them.
_NOT_DESCRIBED = frozenset({"Tags"})

# Objective metrics where lower is better, for candidates whose metric carries no ``Type``.
_MINIMIZED_METRICS = frozenset(
    {"MSE", "RMSE", "MAE", "LogLoss", "MAPE", "MASE", "WAPE", "AverageWeightedQuantileLoss"}
    | {"InferenceLatency", "Perplexity", "ValidationLoss", "TrainingLoss"}
)


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

    The client holds no global state and may be shared between threads.
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
        if sagemaker_client is not None and given:
            raise TypeError(f"pass sagemaker_client or {', '.join(given)}, not both")
        if session is not None and profile_name is not None:
            raise TypeError("pass session or profile_name, not both")
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
        import boto3
        from botocore.config import Config

        session = self._session
        if session is None:
            session = boto3.session.Session(profile_name=self._profile_name)
        make = getattr(session, "client", None) or session.create_client
        return make(
            "sagemaker",
            region_name=self._region_name,
            endpoint_url=self._endpoint_url,
            config=Config(retries={"mode": "standard"}),
        )

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
        same request (compared on the members sent; ``Tags`` are not returned by the service and
        are not compared), that job is returned; otherwise
        :class:`~automl_sdk.errors.JobConflictError` lists the differing wire paths.
        Other AWS errors (e.g. ``ResourceLimitExceeded``) pass through as botocore's ``ClientError``.
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

        See :func:`automl_sdk.check_request`; the clients it makes share this client's session,
        region and endpoint URL (an injected SageMaker client is used as it is, and its region
        and, when it is not an AWS endpoint, its endpoint URL serve the other services too).
        """
        from automl_sdk.check import check_request
        from automl_sdk.check._run import client_options

        wire, operation = _request_dict(request)
        options = client_options(
            self._client,
            session=self._session,
            region_name=self._region_name,
            endpoint_url=self._endpoint_url,
            profile_name=self._profile_name,
        )
        return check_request(
            wire, operation=operation, scan=scan, select=select, ignore=ignore, **options
        )

    def create_auto_ml_job(self, **kwargs: Any) -> dict[str, Any]:
        """boto3's ``create_auto_ml_job`` (V1) signature, run as ``CreateAutoMLJobV2``.

        Returns boto3's response shape, ``{"AutoMLJobArn": ...}``. Linting and idempotency are
        as in :meth:`create_job`.
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
            if not _already_exists(exc):
                raise
            return self._existing_job(wire)
        return Job(name=wire["AutoMLJobName"], arn=response["AutoMLJobArn"], client=self)

    def _existing_job(self, wire: dict[str, Any]) -> Job:
        name = wire["AutoMLJobName"]
        existing = self._describe_raw(name)
        sent = {key: value for key, value in wire.items() if key not in _NOT_DESCRIBED}
        differences = _differences(sent, existing, "")
        if differences:
            raise JobConflictError(job_name=name, differences=differences)
        return Job(name=name, arn=existing["AutoMLJobArn"], client=self)

    # -- describe -------------------------------------------------------------------------------

    def describe_job(self, name: str) -> DescribeAutoMLJobV2Response:
        """The typed ``DescribeAutoMLJobV2`` response of job ``name`` (a V1 or V2 job).

        Members the service leaves out (``BestCandidate`` of a job that ended early, ...) are
        ``None``; members this version does not know are ignored.
        """
        return _typed(self._describe_raw(name))

    def describe_auto_ml_job(self, *, AutoMLJobName: str) -> dict[str, Any]:
        """boto3's ``describe_auto_ml_job`` (V1) signature: describes with V2, returns the V1 shape."""
        from automl_sdk.migrate import migrate_describe_response

        return migrate_describe_response(self._describe_raw(AutoMLJobName))

    def _describe_raw(self, name: str) -> dict[str, Any]:
        response = self.sagemaker_client.describe_auto_ml_job_v2(AutoMLJobName=name)
        return {key: value for key, value in response.items() if key != "ResponseMetadata"}

    # -- wait -----------------------------------------------------------------------------------

    def wait(
        self,
        name: str,
        *,
        timeout: float | None = None,
        delay: float | None = None,
        on_update: OnUpdate | None = None,
    ) -> DescribeAutoMLJobV2Response:
        """Wait until job ``name`` ends and return its final typed description.

        Runs the ``AutoMLJobCompletedOrStopped`` botocore waiter, describing every ``delay``
        seconds (default 60) for at most ``timeout`` seconds (default: 30 days). ``on_update``
        gets the typed description each time the status or secondary status changes.

        Raises:
            JobFailedError: the job ended ``Failed`` (with ``FailureReason`` and
                ``PartialFailureReasons``).
            JobStoppedError: the job was stopped.
            WaitTimeoutError: ``timeout`` passed; the job was *not* stopped.
            botocore.exceptions.ClientError: describing failed (unknown job, access denied, ...).
                Throttling is retried by the client's retry configuration first.
        """
        from botocore.exceptions import WaiterError

        delay = waiters.DEFAULT_DELAY if delay is None else delay
        max_attempts = waiters.max_attempts_for(timeout, delay)
        tracker = _StatusTracker(on_update)
        started = time.monotonic()
        try:
            last = waiters.run_waiter(
                self.sagemaker_client,
                name,
                delay=delay,
                max_attempts=max_attempts,
                on_response=tracker,
            )
        except WaiterError as exc:
            last = exc.last_response
            if "Error" in last:
                raise self._client_error(last, "DescribeAutoMLJobV2") from None
        if last is None:
            last = self._describe_raw(name)
        outcome = _outcome(name, last, waited_seconds=time.monotonic() - started)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def _client_error(self, response: dict[str, Any], operation: str) -> Exception:
        """The error boto3 itself would have raised for ``response`` (its modeled class, such as
        ``client.exceptions.ResourceNotFound``, when there is one)."""
        from botocore.exceptions import ClientError

        code = response["Error"].get("Code", "")
        factory = getattr(self.sagemaker_client, "exceptions", None)
        error_class = factory.from_code(code) if factory is not None else ClientError
        error: Exception = error_class(response, operation)
        return error

    def wait_many(
        self,
        names: Iterable[str],
        *,
        timeout: float | None = None,
        delay: float | None = None,
        max_calls_per_second: float = waiters.DEFAULT_MAX_CALLS_PER_SECOND,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Iterator[tuple[str, Outcome]]:
        """Wait for many jobs from one loop; yield ``(name, outcome)`` as each job ends.

        ``outcome`` is the final typed description when the job completed, otherwise the
        exception that ended its wait, *yielded, not raised*: ``JobFailedError``,
        ``JobStoppedError``, ``WaitTimeoutError`` (every job still running when ``timeout``
        passes) or botocore's ``ClientError``. All jobs together are described at most
        ``max_calls_per_second`` times a second, each at most once every ``delay`` seconds
        (default 60). ``clock`` and ``sleep`` can be replaced, e.g. by a fake clock in tests.
        """
        results = waiters.poll_many(
            self._describe_raw,
            names,
            delay=waiters.DEFAULT_DELAY if delay is None else delay,
            timeout=timeout,
            max_calls_per_second=max_calls_per_second,
            clock=clock,
            sleep=sleep,
        )
        for result in results:
            yield result.job_name, _poll_outcome(result)

    # -- stop, list, candidates ----------------------------------------------------------------

    def stop_job(self, name: str) -> None:
        """Ask the service to stop job ``name`` (it passes through ``Stopping`` to ``Stopped``)."""
        self.sagemaker_client.stop_auto_ml_job(AutoMLJobName=name)

    def iter_jobs(self, **filters: Any) -> Iterator[AutoMLJobSummary]:
        """Every AutoML job matching ``filters``, all pages, as typed summaries.

        ``filters`` are ``ListAutoMLJobs`` parameters with their wire names, as in boto3:
        ``StatusEquals="InProgress"``, ``NameContains="churn"``, ``SortBy="CreationTime"``, ...
        """
        from automl_sdk._serde import from_wire

        paginator = self.sagemaker_client.get_paginator("list_auto_ml_jobs")
        for page in paginator.paginate(**filters):
            for summary in page.get("AutoMLJobSummaries", ()):
                yield from_wire(AutoMLJobSummary, summary)

    def candidates(self, name: str, **filters: Any) -> Leaderboard:
        """The leaderboard of job ``name``: every candidate, best objective metric first.

        ``filters`` are ``ListCandidatesForAutoMLJob`` parameters with their wire names
        (``StatusEquals``, ``CandidateNameEquals``). The order follows the objective's own
        direction (``Maximize`` or ``Minimize``), whatever the service's sort.
        """
        from automl_sdk._serde import from_wire

        paginator = self.sagemaker_client.get_paginator("list_candidates_for_auto_ml_job")
        found = [
            from_wire(AutoMLCandidate, candidate)
            for page in paginator.paginate(AutoMLJobName=name, **filters)
            for candidate in page.get("Candidates", ())
        ]
        return Leaderboard.rank(name, found)

    def best_candidate(self, name: str) -> AutoMLCandidate | None:
        """The job's best candidate: ``BestCandidate`` from its description, else the leaderboard's
        first entry; ``None`` when there is no candidate with a metric yet."""
        best = self.describe_job(name).best_candidate
        return best if best is not None else self.candidates(name).best


@attrs.frozen(kw_only=True)
class Job:
    """A handle on one AutoML job: its name and ARN, and shortcuts to the client's methods."""

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
        (and does nothing elsewhere).
        """
        if progress:
            from automl_sdk._notebook import progress_display

            on_update = _chain(progress_display(self.name), on_update)
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


@attrs.frozen(kw_only=True)
class Leaderboard(Sequence[AutoMLCandidate]):
    """A job's candidates, best first by the objective metric in its own direction.

    Attributes:
        job_name: the AutoML job name.
        candidates: the candidates in rank order; those without a final metric come last.
        metric_name: the objective metric (``None`` when no candidate has one yet).
        direction: ``"Maximize"`` or ``"Minimize"`` (``None`` with no metric).
    """

    job_name: str
    candidates: tuple[AutoMLCandidate, ...]
    metric_name: str | None
    direction: str | None

    @classmethod
    def rank(cls, job_name: str, candidates: Iterable[AutoMLCandidate]) -> Leaderboard:
        """Order ``candidates`` by their ``FinalAutoMLJobObjectiveMetric``."""
        candidates = tuple(candidates)
        metrics = [c.final_auto_ml_job_objective_metric for c in candidates]
        metric = next((m for m in metrics if m is not None), None)
        if metric is None:
            return cls(job_name=job_name, candidates=candidates, metric_name=None, direction=None)
        direction = next((m.type for m in metrics if m is not None and m.type), None)
        if direction is None:
            direction = "Minimize" if metric.metric_name in _MINIMIZED_METRICS else "Maximize"
        sign = -1.0 if direction == "Maximize" else 1.0

        def key(candidate: AutoMLCandidate) -> tuple[int, float, str]:
            value = candidate.final_auto_ml_job_objective_metric
            if value is None:
                return (1, 0.0, candidate.candidate_name)
            return (0, sign * value.value, candidate.candidate_name)

        ordered = tuple(sorted(candidates, key=key))
        return cls(
            job_name=job_name,
            candidates=ordered,
            metric_name=metric.metric_name,
            direction=direction,
        )

    @property
    def best(self) -> AutoMLCandidate | None:
        """The first-ranked candidate with a metric, or ``None``."""
        if self.candidates and self.candidates[0].final_auto_ml_job_objective_metric is not None:
            return self.candidates[0]
        return None

    def rows(self) -> list[tuple[int, str, str, float | None]]:
        """``(rank, candidate name, candidate status, metric value)`` per candidate."""
        return [
            (rank, c.candidate_name, c.candidate_status, _metric_value(c))
            for rank, c in enumerate(self.candidates, start=1)
        ]

    def __len__(self) -> int:
        return len(self.candidates)

    def __getitem__(self, index: Any) -> Any:
        return self.candidates[index]

    def __iter__(self) -> Iterator[AutoMLCandidate]:
        return iter(self.candidates)

    def __repr__(self) -> str:
        header = (
            f"Leaderboard(job_name={self.job_name!r}, metric_name={self.metric_name!r}, "
            f"direction={self.direction!r}, {len(self)} candidate(s))"
        )
        shown = self.rows()[:10]
        lines = [header] + [
            f"  {rank:>3}. {name}  {status}  {'-' if value is None else f'{value:g}'}"
            for rank, name, status, value in shown
        ]
        if len(self) > len(shown):
            lines.append(f"  ... {len(self) - len(shown)} more")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from automl_sdk._notebook import leaderboard_html

        return leaderboard_html(self)


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


def _already_exists(exc: Any) -> bool:
    """Whether a create failed because a job of that name exists.

    The model documents ``ResourceInUse`` (moto raises it too); SageMaker has also been seen
    answering duplicate job names with ``ValidationException`` "... already exists".
    """
    error = exc.response.get("Error", {})
    code = error.get("Code", "")
    if code in ("ResourceInUse", "ResourceInUseException"):
        return True
    return code == "ValidationException" and "already exists" in error.get("Message", "").lower()


def _differences(sent: Any, existing: Any, path: str) -> list[str]:
    """Wire paths where ``existing`` differs from what was ``sent``; members not sent are ignored
    (the service fills in defaults)."""
    if isinstance(sent, Mapping):
        if not isinstance(existing, Mapping):
            return [path or "<request>"]
        found: list[str] = []
        for key, value in sent.items():
            if value is not None:
                found += _differences(value, existing.get(key), f"{path}.{key}" if path else key)
        return found
    if isinstance(sent, list | tuple):
        if not isinstance(existing, list | tuple) or len(existing) != len(sent):
            return [path]
        found = []
        for index, (mine, theirs) in enumerate(zip(sent, existing, strict=True)):
            found += _differences(mine, theirs, f"{path}[{index}]")
        return found
    return [] if _same_scalar(sent, existing) else [path]


def _same_scalar(sent: Any, existing: Any) -> bool:
    if isinstance(sent, bool) or isinstance(existing, bool):
        return sent is existing
    if isinstance(sent, int | float) and isinstance(existing, int | float):
        return float(sent) == float(existing)
    return bool(sent == existing)


def _typed(raw: Mapping[str, Any]) -> DescribeAutoMLJobV2Response:
    from automl_sdk._serde import from_wire

    return from_wire(DescribeAutoMLJobV2Response, raw)


def _outcome(name: str, raw: Mapping[str, Any], *, waited_seconds: float) -> Outcome:
    """The typed description when ``raw`` is Completed, else the JobError that describes it."""
    status = raw.get("AutoMLJobStatus")
    if status not in waiters.TERMINAL_STATUSES:
        return WaitTimeoutError(
            job_name=name,
            last_status=status,
            last_secondary_status=raw.get("AutoMLJobSecondaryStatus"),
            waited_seconds=waited_seconds,
        )
    description = _typed(raw)
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


def _poll_outcome(result: waiters.PollResult) -> Outcome:
    if result.error is not None:
        return result.error
    if result.timed_out or result.response is None:
        raw = result.response or {}
        return WaitTimeoutError(
            job_name=result.job_name,
            last_status=raw.get("AutoMLJobStatus"),
            last_secondary_status=raw.get("AutoMLJobSecondaryStatus"),
            waited_seconds=result.waited_seconds,
        )
    return _outcome(result.job_name, result.response, waited_seconds=result.waited_seconds)


def _metric_value(candidate: AutoMLCandidate) -> float | None:
    metric = candidate.final_auto_ml_job_objective_metric
    return None if metric is None else metric.value


class _StatusTracker:
    """Calls ``on_update`` with the typed description when (status, secondary status) changes."""

    def __init__(self, on_update: OnUpdate | None) -> None:
        self._on_update = on_update
        self._seen: tuple[Any, Any] | None = None

    def __call__(self, raw: dict[str, Any]) -> None:
        state = (raw.get("AutoMLJobStatus"), raw.get("AutoMLJobSecondaryStatus"))
        if self._on_update is None or state == self._seen:
            return
        self._seen = state
        self._on_update(_typed(raw))


def _chain(first: OnUpdate, second: OnUpdate | None) -> OnUpdate:
    if second is None:
        return first

    def both(description: DescribeAutoMLJobV2Response) -> None:
        first(description)
        second(description)

    return both
