"""The one waiting engine behind ``AutoMLClient.wait``, ``wait_many`` and ``create --wait``.

botocore ships no AutoML waiter, so the package carries its own botocore-format definition in
``data/waiters-2.json`` (``AutoMLJobCompletedOrStopped``, modelled on SageMaker's
``TrainingJobCompletedOrStopped``). Its acceptors, run through botocore's
:class:`~botocore.waiter.WaiterModel`, decide when a describe shows the end of a job; its
``delay`` and ``maxAttempts`` give the defaults (60 s apart, 30 days in all). The terminal
statuses are read from the same acceptors.

botocore's own ``Waiter.wait`` ends at the first unexpected error, which would end a wait of
days after a second of throttling; so one paced loop (:func:`wait_for_jobs`) runs the acceptors
for one job or many:

- each job is described at most once every ``delay`` seconds, all jobs together at most
  ``max_calls_per_second`` times a second, and the last describe happens at the timeout itself;
- a *transient* failure of a describe (throttling, 5xx, connection trouble, a read timeout, a
  body that is not the operation's JSON; :mod:`automl_sdk._faults` decides) is retried with
  capped exponential backoff and jitter until the timeout; a *permanent* one (any other 4xx
  such as ``ResourceNotFound``, ``AccessDeniedException`` or ``ValidationException``) ends that
  job's wait at once;
- after every describe ``on_update`` receives a :class:`WaitUpdate`.

Every describe goes through the client's normal call path, so botocore's per-call retries come
first; the engine retries beyond them. It never prints and never stops a job.
"""

from __future__ import annotations

import functools
import heapq
import json
import math
import random
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk import _faults, _outcome
from automl_sdk.shapes import DescribeAutoMLJobV2Response

if TYPE_CHECKING:
    from botocore.waiter import AcceptorConfig, WaiterModel

__all__ = [
    "DEFAULT_DELAY",
    "DEFAULT_MAX_CALLS_PER_SECOND",
    "DEFAULT_TIMEOUT",
    "RETRY_BASE_DELAY",
    "TERMINAL_STATUSES",
    "WAITER_NAME",
    "OnUpdate",
    "WaitUpdate",
    "check_wait_parameters",
    "wait_for_jobs",
    "waiter_model",
]

WAITER_NAME = "AutoMLJobCompletedOrStopped"
DEFAULT_MAX_CALLS_PER_SECOND = 1.0
#: The first retry after a transient failure waits about this long; each further consecutive
#: failure doubles it, up to the wait's ``delay``.
RETRY_BASE_DELAY = 1.0


@functools.cache
def _config() -> dict[str, Any]:
    text = resources.files("automl_sdk").joinpath("data/waiters-2.json").read_text("utf-8")
    config: dict[str, Any] = json.loads(text)
    return config


def waiter_model() -> WaiterModel:
    """The botocore :class:`~botocore.waiter.WaiterModel` of ``data/waiters-2.json``."""
    from botocore.waiter import WaiterModel

    # WaiterModel may mutate its input; give it a fresh copy each time.
    return WaiterModel(json.loads(json.dumps(_config())))


@functools.cache
def _acceptors() -> tuple[AcceptorConfig, ...]:
    return tuple(waiter_model().get_waiter(WAITER_NAME).acceptors)


def _terminal_statuses() -> frozenset[str]:
    acceptors = _config()["waiters"][WAITER_NAME]["acceptors"]
    return frozenset(
        acceptor["expected"]
        for acceptor in acceptors
        if acceptor["matcher"] == "path" and acceptor["argument"] == "AutoMLJobStatus"
    )


DEFAULT_DELAY: float = _config()["waiters"][WAITER_NAME]["delay"]
#: With no ``timeout``, a wait lasts the config's ``delay`` x ``maxAttempts`` (30 days).
DEFAULT_TIMEOUT: float = DEFAULT_DELAY * _config()["waiters"][WAITER_NAME]["maxAttempts"]
#: The ``AutoMLJobStatus`` values that end a wait, as the config's path acceptors name them.
TERMINAL_STATUSES = _terminal_statuses()


@attrs.frozen(kw_only=True)
class WaitUpdate:
    """What ``on_update`` receives after every describe made while waiting.

    Attributes:
        job_name: the AutoML job name.
        elapsed: seconds since the wait began, when this describe answered.
        describes: describe calls made for this job so far, this one and failed ones included.
        description: the typed description this describe read; when it failed, the last one
            read before (``None`` until one was read).
        changed: ``True`` when this describe read a status or secondary status other than the
            previous one read (the first one read counts as a change).
        error: the exception this describe raised, or ``None`` when it succeeded.
        reason: a few words on that failure (``"throttled"``, ``"HTTP 503 ServiceUnavailable"``,
            ``"connection error"``, ``"timed out"``, ``"malformed response"``, or the permanent
            error's code), ``None`` when it succeeded.
        retry_in: seconds until the describe is retried, when the failure was transient;
            ``None`` when the describe succeeded or the failure ends the wait.
    """

    job_name: str
    elapsed: float
    describes: int
    description: DescribeAutoMLJobV2Response | None
    changed: bool = False
    error: Exception | None = attrs.field(default=None, eq=False)
    reason: str | None = None
    retry_in: float | None = None

    @property
    def status(self) -> str | None:
        """The job's ``AutoMLJobStatus`` as last read (``None`` before any was read)."""
        return None if self.description is None else self.description.auto_ml_job_status

    @property
    def secondary_status(self) -> str | None:
        """The job's ``AutoMLJobSecondaryStatus`` as last read."""
        if self.description is None:
            return None
        return self.description.auto_ml_job_secondary_status

    @property
    def trouble(self) -> str | None:
        """``"describe failed: throttled, retrying in 8 s"`` when this describe failed, else
        ``None``."""
        if self.reason is None:
            return None
        if self.retry_in is None:
            return f"describe failed: {self.reason}"
        return f"describe failed: {self.reason}, retrying in {_seconds_text(self.retry_in)}"

    def __str__(self) -> str:
        """``churn  InProgress/TrainingModels  waited 0:12:00`` and the trouble, if any."""
        waited = _clock_text(self.elapsed)
        text = (
            f"{self.job_name}  {self.status or '?'}/{self.secondary_status or '?'}  waited {waited}"
        )
        return f"{text}  ({self.trouble})" if self.trouble else text


#: Called with a :class:`WaitUpdate` after every describe a wait makes.
OnUpdate = Callable[[WaitUpdate], None]


def _seconds_text(seconds: float) -> str:
    if isinstance(seconds, int):
        return f"{seconds} s"  # formatting an int with "f" converts it to float, and may overflow
    return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"


def _clock_text(seconds: float) -> str:
    """``H:MM:SS`` of a number of seconds (``?`` when it is NaN or infinite, as a fake clock
    may give)."""
    if isinstance(seconds, float) and not math.isfinite(seconds):
        return "?"
    rest = max(int(seconds), 0)
    return f"{rest // 3600}:{rest % 3600 // 60:02d}:{rest % 60:02d}"


def check_wait_parameters(
    *, delay: float, timeout: float | None, max_calls_per_second: float | None = None
) -> None:
    """Raise ``ValueError`` naming the first bad parameter: ``delay`` and
    ``max_calls_per_second`` must be finite and > 0, ``timeout`` finite and >= 0 (or ``None``)."""
    _check_number("delay", delay, allow_zero=False)
    if timeout is not None:
        _check_number("timeout", timeout, allow_zero=True)
    if max_calls_per_second is not None:
        _check_number("max_calls_per_second", max_calls_per_second, allow_zero=False)


def _check_number(name: str, value: Any, *, allow_zero: bool) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number (got {value!r})")
    bound = ">= 0" if allow_zero else "> 0"
    if isinstance(value, int) and abs(value) > sys.float_info.max:
        # math.isfinite would raise OverflowError; repr may pass the integer digit limit
        raise ValueError(f"{name} must be a finite number {bound} (got an integer beyond floats)")
    if not math.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        raise ValueError(f"{name} must be a finite number {bound} (got {value!r})")


def _job_names(names: Iterable[str]) -> list[str]:
    """``names`` as a list, refused with a ``TypeError`` unless it is an iterable of strings
    (a string alone is refused too: it would be waited for letter by letter)."""
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise TypeError(f"names must be an iterable of job names (got {type(names).__name__})")
    found = list(names)
    for name in found:
        if not isinstance(name, str):
            raise TypeError(f"a job name must be a string (got {type(name).__name__})")
    return found


def _retry_reason(exc: BaseException) -> str | None:
    """Why ``exc`` is worth retrying (see :func:`automl_sdk._faults.transient_reason`), or
    ``None``: also for the errors the waiter config names as the end of a wait."""
    response = getattr(exc, "response", None)
    named = isinstance(response, Mapping) and any(
        a.matcher == "error" and a.matcher_func(response) for a in _acceptors()
    )
    return None if named else _faults.transient_reason(exc)


def _error_code(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, Mapping):
        code = response.get("Error", {}).get("Code")
        if code:
            return str(code)
    return type(exc).__name__


def _backoff(failures: int, delay: float, rng: random.Random) -> float:
    """Seconds before retry number ``failures``: ``RETRY_BASE_DELAY`` doubled per consecutive
    failure, capped at ``delay``, with "equal jitter" (between half and all of it)."""
    ceiling = min(delay, RETRY_BASE_DELAY * 2.0 ** min(failures - 1, 64))
    return ceiling / 2 + rng.random() * ceiling / 2


@attrs.define
class _Watch:
    """What the loop knows about one job."""

    name: str
    order: int
    describes: int = 0
    failures: int = 0
    last: Mapping[str, Any] | None = None
    description: DescribeAutoMLJobV2Response | None = None
    last_error: str | None = None


@attrs.define
class _Step:
    """The result of one describe: an outcome, or when to describe again."""

    outcome: _outcome.Outcome | None = None
    next_at: float = 0.0


_JITTER = random.Random()


@attrs.define
class _Loop:
    """One run of :func:`wait_for_jobs`: what its jobs share."""

    describe: Callable[[str], Mapping[str, Any]]
    delay: float
    deadline: float
    start: float
    on_update: OnUpdate | None
    clock: Callable[[], float]

    def step(self, watch: _Watch, began: float) -> _Step:
        """Describe ``watch``'s job once and decide what follows."""
        watch.describes += 1
        try:
            raw = self.describe(watch.name)
            description = _outcome.typed_description(raw)
        except Exception as exc:  # a fault on one job is that job's outcome, never the loop's
            return self._failed(watch, exc, began)
        changed = watch.last is None or _state(watch.last) != _state(raw)
        watch.failures, watch.last, watch.description, watch.last_error = 0, raw, description, None
        now = self._now(began)
        self._tell(watch, now, changed=changed)
        state = _acceptor_state(raw)
        if state in ("success", "failure"):
            return _Step(outcome=_outcome.ended(watch.name, raw, description))
        if now >= self.deadline:
            return _Step(outcome=self.timed_out(watch, now))
        return _Step(next_at=min(began + self.delay, self.deadline))

    def _failed(self, watch: _Watch, exc: Exception, began: float) -> _Step:
        now = self._now(began)
        reason = _retry_reason(exc)
        if reason is None:
            self._tell(watch, now, error=exc, reason=_error_code(exc))
            return _Step(outcome=exc)
        watch.failures += 1
        watch.last_error = reason
        retry_at = min(now + _backoff(watch.failures, self.delay, _JITTER), self.deadline)
        if now >= self.deadline:
            self._tell(watch, now, error=exc, reason=reason)
            return _Step(outcome=self.timed_out(watch, now))
        self._tell(watch, now, error=exc, reason=reason, retry_in=retry_at - now)
        return _Step(next_at=retry_at)

    def _now(self, began: float) -> float:
        """The clock, never earlier than ``began``: a sleep that returned early (a patched or
        interrupted one) still counts as the time the loop meant to sleep."""
        return max(self.clock(), began)

    def _tell(
        self,
        watch: _Watch,
        now: float,
        *,
        changed: bool = False,
        error: Exception | None = None,
        reason: str | None = None,
        retry_in: float | None = None,
    ) -> None:
        if self.on_update is None:
            return
        self.on_update(
            WaitUpdate(
                job_name=watch.name,
                elapsed=now - self.start,
                describes=watch.describes,
                description=watch.description,
                changed=changed,
                error=error,
                reason=reason,
                retry_in=retry_in,
            )
        )

    def timed_out(self, watch: _Watch, now: float) -> Exception:
        return _outcome.timed_out(
            watch.name, watch.last, waited_seconds=now - self.start, last_error=watch.last_error
        )


def _state(raw: Mapping[str, Any]) -> tuple[Any, Any]:
    return raw.get("AutoMLJobStatus"), raw.get("AutoMLJobSecondaryStatus")


def _acceptor_state(raw: Mapping[str, Any]) -> str | None:
    """The state (``success``/``failure``) of the first path acceptor ``raw`` matches."""
    for acceptor in _acceptors():
        if acceptor.matcher != "error" and acceptor.matcher_func(raw):
            return str(acceptor.state)
    return None


def wait_for_jobs(
    describe: Callable[[str], Mapping[str, Any]],
    names: Iterable[str],
    *,
    delay: float,
    timeout: float | None,
    max_calls_per_second: float | None,
    on_update: OnUpdate | None,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
) -> Iterator[tuple[str, _outcome.Outcome]]:
    """Describe each job in ``names`` until it ends; yield ``(name, outcome)`` as each does.

    ``describe`` returns a job's raw ``DescribeAutoMLJobV2`` response. Each job is described at
    once, then every ``delay`` seconds, the last time at ``timeout`` (default
    :data:`DEFAULT_TIMEOUT`); all together at most ``max_calls_per_second`` times a second
    (``None``: no bound). A job ends when the waiter config's acceptors match its describe, when
    a describe fails permanently (the exception is its outcome) or when the timeout passes
    (``WaitTimeoutError``). Transient failures (:func:`automl_sdk._faults.transient_reason`)
    are retried with backoff.

    Raises:
        ValueError: a parameter is negative, NaN or infinite (see :func:`check_wait_parameters`).
        TypeError: ``names`` is a string or not iterable, or holds a name that is not a string.
    """
    check_wait_parameters(delay=delay, timeout=timeout, max_calls_per_second=max_calls_per_second)
    names = _job_names(names)
    start = clock()
    deadline = start + (DEFAULT_TIMEOUT if timeout is None else timeout)
    interval = 0.0 if max_calls_per_second is None else 1.0 / max_calls_per_second
    loop = _Loop(
        describe, delay=delay, deadline=deadline, start=start, on_update=on_update, clock=clock
    )
    watches = {name: _Watch(name, order) for order, name in enumerate(dict.fromkeys(names))}
    queue = [(start, watch.order, watch.name) for watch in watches.values()]
    heapq.heapify(queue)
    previous_call = -math.inf
    while queue:
        due, order, name = heapq.heappop(queue)
        call_at = max(due, previous_call + interval)
        if call_at > deadline:
            now = clock()
            for _, _, pending in sorted([(due, order, name), *queue], key=lambda item: item[1]):
                yield pending, loop.timed_out(watches[pending], now)
            return
        now = clock()
        if call_at > now:
            sleep(call_at - now)
        previous_call = max(clock(), call_at)
        step = loop.step(watches[name], previous_call)
        if step.outcome is not None:
            yield name, step.outcome
        else:
            heapq.heappush(queue, (step.next_at, order, name))
