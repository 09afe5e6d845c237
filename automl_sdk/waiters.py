"""Waiting for AutoML jobs: one job through a botocore waiter, many jobs through one paced loop.

botocore ships no AutoML waiter, so the package carries its own botocore-format config in
``data/waiters-2.json`` (modelled on SageMaker's ``TrainingJobCompletedOrStopped``) and runs it
with :func:`botocore.waiter.create_waiter_with_client`, exactly as boto3 runs its bundled
waiters. Every describe made while waiting goes through the client's normal call path, so
throttling and 5xx errors are retried by the client's retry configuration; progress is observed
through botocore's ``after-call`` event, never by printing.

This module works on raw wire dicts; :mod:`automl_sdk.client` turns the outcome into typed
responses and exceptions.
"""

from __future__ import annotations

import functools
import heapq
import json
import math
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from botocore.waiter import WaiterModel

__all__ = [
    "DEFAULT_DELAY",
    "DEFAULT_MAX_CALLS_PER_SECOND",
    "TERMINAL_STATUSES",
    "WAITER_NAME",
    "PollResult",
    "max_attempts_for",
    "poll_many",
    "run_waiter",
    "waiter_model",
]

WAITER_NAME = "AutoMLJobCompletedOrStopped"
DESCRIBE_EVENT = "after-call.sagemaker.DescribeAutoMLJobV2"
TERMINAL_STATUSES = frozenset({"Completed", "Failed", "Stopped"})
DEFAULT_MAX_CALLS_PER_SECOND = 1.0


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


DEFAULT_DELAY: float = _config()["waiters"][WAITER_NAME]["delay"]
_DEFAULT_MAX_ATTEMPTS: int = _config()["waiters"][WAITER_NAME]["maxAttempts"]


def max_attempts_for(timeout: float | None, delay: float) -> int:
    """How many describes fit in ``timeout`` seconds with ``delay`` seconds between them.

    The first describe is immediate, so ``timeout=120, delay=60`` gives 3 (at 0, 60 and 120 s).
    ``timeout=None`` means the config's limit, 30 days (43200 attempts at the default 60 s);
    with ``delay=0`` it is the config's attempt count.
    """
    if delay < 0:
        raise ValueError(f"delay must be >= 0 seconds (got {delay!r})")
    if timeout is None:
        if delay == 0:
            return _DEFAULT_MAX_ATTEMPTS
        return max_attempts_for(_DEFAULT_MAX_ATTEMPTS * DEFAULT_DELAY, delay)
    if timeout < 0:
        raise ValueError(f"timeout must be >= 0 seconds (got {timeout!r})")
    if delay == 0:
        raise ValueError("delay must be > 0 seconds when a timeout is given")
    return 1 + math.floor(timeout / delay)


def run_waiter(
    sagemaker_client: Any,
    job_name: str,
    *,
    delay: float,
    max_attempts: int,
    on_response: Callable[[dict[str, Any]], None],
) -> dict[str, Any] | None:
    """Run the ``AutoMLJobCompletedOrStopped`` waiter and return the last describe response.

    ``on_response`` receives every successful DescribeAutoMLJobV2 response for ``job_name``
    made by this thread while the waiter runs (other threads sharing the client are ignored).
    Returns the last such response (``None`` if none succeeded). botocore's
    :class:`~botocore.exceptions.WaiterError` propagates for Failed, for errors and when the
    attempts run out; its ``last_response`` holds the final describe (or error) response.
    """
    from botocore.waiter import create_waiter_with_client

    waiter = create_waiter_with_client(WAITER_NAME, waiter_model(), sagemaker_client)
    thread = threading.get_ident()
    last: list[dict[str, Any]] = []

    def after_call(parsed: Any = None, **_: Any) -> None:
        if threading.get_ident() != thread or not isinstance(parsed, dict):
            return
        if parsed.get("AutoMLJobName") != job_name or "AutoMLJobStatus" not in parsed:
            return
        last[:] = [parsed]
        on_response(parsed)

    events = sagemaker_client.meta.events
    events.register(DESCRIBE_EVENT, after_call)
    try:
        waiter.wait(
            AutoMLJobName=job_name,
            WaiterConfig={"Delay": delay, "MaxAttempts": max_attempts},
        )
    finally:
        events.unregister(DESCRIBE_EVENT, after_call)
    return last[0] if last else None


@attrs.frozen(kw_only=True)
class PollResult:
    """How one job's wait ended in :func:`poll_many`.

    Attributes:
        job_name: the AutoML job name.
        response: the last DescribeAutoMLJobV2 response read (``None`` if none was read).
        error: the exception the last describe raised (a botocore ``ClientError``), if any.
        timed_out: ``True`` when the deadline passed before the job reached a terminal status.
        waited_seconds: time from the start of :func:`poll_many` to this result.
    """

    job_name: str
    response: dict[str, Any] | None
    error: Exception | None = None
    timed_out: bool = False
    waited_seconds: float = 0.0


def poll_many(
    describe: Callable[[str], dict[str, Any]],
    names: Iterable[str],
    *,
    delay: float,
    timeout: float | None,
    max_calls_per_second: float,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[PollResult]:
    """Describe many jobs from one loop, never faster than ``max_calls_per_second`` in total.

    Each job is described at most once every ``delay`` seconds; when the rate bound is the
    tighter limit, jobs are served in order of when they became due. A result is yielded as soon
    as a job reaches Completed, Failed or Stopped, or its describe raises a ``ClientError``;
    when ``timeout`` passes, every unfinished job is yielded with ``timed_out=True``.
    """
    if max_calls_per_second <= 0:
        raise ValueError(f"max_calls_per_second must be > 0 (got {max_calls_per_second!r})")
    from botocore.exceptions import ClientError

    start = clock()
    deadline = None if timeout is None else start + timeout
    interval = 1.0 / max_calls_per_second
    queue = [(start, index, name) for index, name in enumerate(dict.fromkeys(names))]
    heapq.heapify(queue)
    last: dict[str, dict[str, Any]] = {}
    previous_call = -math.inf
    while queue:
        due, index, name = heapq.heappop(queue)
        call_at = max(due, previous_call + interval)
        if deadline is not None and call_at > deadline:
            for _, _, pending in sorted([(due, index, name), *queue], key=lambda item: item[1]):
                yield PollResult(
                    job_name=pending,
                    response=last.get(pending),
                    timed_out=True,
                    waited_seconds=clock() - start,
                )
            return
        now = clock()
        if call_at > now:
            sleep(call_at - now)
        previous_call = clock()
        try:
            response = describe(name)
        except ClientError as exc:
            waited = clock() - start
            yield PollResult(
                job_name=name, response=last.get(name), error=exc, waited_seconds=waited
            )
            continue
        last[name] = response
        if response.get("AutoMLJobStatus") in TERMINAL_STATUSES:
            yield PollResult(job_name=name, response=response, waited_seconds=clock() - start)
        else:
            heapq.heappush(queue, (previous_call + delay, index, name))
