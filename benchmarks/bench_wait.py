"""How many DescribeAutoMLJobV2 calls waiting costs, and how late the end is noticed.

Runs on a fake clock, no network and no real sleeping:

* ``wait``: a simulated 2-hour job through the real code path (AutoMLClient.wait -> the waiting
  engine and the waiter config's acceptors -> botocore client). A ``before-call`` hook answers
  each describe from the fake clock (InProgress until the job ends, then Completed) and the
  wait's ``sleep`` advances the clock. The job's end is swept across one delay so the worst
  notice delay is seen. Compared with sagemaker-core's fixed 5 s polling: 7200 / 5 = 1,440 calls.
* ``wait`` through an outage: the same job answered with throttling errors for 10 minutes in
  the middle; reports the calls spent on the outage and how late its end is noticed.
* ``wait_many``: 50 jobs ending at random times within 2 hours, one loop, with a
  calls-per-second bound; reports calls, the observed maximum rate in any 1-second window and
  the worst notice delay.

Run: ``python benchmarks/bench_wait.py``. Targets (issue 5): at most 1,440 / 6 = 240 calls for
the 2-hour job with the end noticed within the configured delay; wait_many under its bound.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from pathlib import Path
from typing import Any

import botocore.session
from botocore.awsrequest import AWSResponse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from automl_sdk import AutoMLClient
from automl_sdk.waiters import DEFAULT_DELAY
from tests.support.jobs import FakeClock, described

JOB_SECONDS = 2 * 3600
SAGEMAKER_CORE_POLL = 5
TARGET_CALLS = JOB_SECONDS // SAGEMAKER_CORE_POLL // 6


def describe_response(name: str, status: str) -> dict[str, Any]:
    secondary = "Completed" if status == "Completed" else "TrainingModels"
    return described(status, secondary, name=name)


_SESSION = botocore.session.get_session()
_THROTTLED = {
    "Error": {"Code": "ThrottlingException", "Message": "Rate exceeded"},
    "ResponseMetadata": {"HTTPStatusCode": 400},
}


def simulated_client(
    clock: FakeClock,
    ends_at: dict[str, float],
    calls: list[float],
    outage: tuple[float, float] = (0.0, 0.0),
) -> Any:
    """A real botocore SageMaker client whose describes are answered from the fake clock
    (throttled between the two times of ``outage``)."""
    sagemaker = _SESSION.create_client(
        "sagemaker", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )

    def answer(params: dict[str, Any], **_: Any) -> tuple[AWSResponse, dict[str, Any]]:
        name = json.loads(params["body"])["AutoMLJobName"]  # the serialized request
        calls.append(clock.now)
        if outage[0] <= clock.now < outage[1]:
            return AWSResponse(None, 400, {}, None), _THROTTLED
        status = "Completed" if clock.now >= ends_at[name] else "InProgress"
        return AWSResponse(None, 200, {}, None), describe_response(name, status)

    sagemaker.meta.events.register("before-call.sagemaker.DescribeAutoMLJobV2", answer)
    return sagemaker


def bench_wait(delay: float, sweep: int = 24) -> tuple[int, float]:
    """(most describe calls, worst notice delay) over ``sweep`` job ends spread across one delay."""
    most_calls, worst = 0, 0.0
    for step in range(sweep):
        end = JOB_SECONDS - delay + delay * (step + 0.5) / sweep
        clock, calls = FakeClock(), list[float]()
        client = AutoMLClient(simulated_client(clock, {"job": end}, calls))
        client.wait("job", delay=delay, clock=clock, sleep=clock.sleep)
        most_calls = max(most_calls, len(calls))
        worst = max(worst, clock.now - end)
    return most_calls, worst


def bench_outage(delay: float, outage_seconds: float = 600.0) -> tuple[int, float]:
    """(describes made during an outage of ``outage_seconds``, seconds from its end until the
    first successful describe) for a job that ends an hour after the outage."""
    begins = JOB_SECONDS / 2 - outage_seconds / 2
    outage = (begins, begins + outage_seconds)
    clock, calls = FakeClock(), list[float]()
    client = AutoMLClient(simulated_client(clock, {"job": JOB_SECONDS}, calls, outage))
    client.wait("job", delay=delay, clock=clock, sleep=clock.sleep)
    during = [at for at in calls if outage[0] <= at < outage[1]]
    recovered = min(at for at in calls if at >= outage[1])
    return len(during), recovered - outage[1]


def bench_wait_many(jobs: int, rate: float, delay: float) -> dict[str, float]:
    """One wait_many over ``jobs`` jobs ending at random times within 2 hours."""
    rng = random.Random(5)
    ends = {f"job-{i:02d}": rng.uniform(600, JOB_SECONDS) for i in range(jobs)}
    clock, calls = FakeClock(), list[float]()
    client = AutoMLClient(simulated_client(clock, ends, calls))
    noticed: dict[str, float] = {}
    for name, _ in client.wait_many(
        ends, delay=delay, max_calls_per_second=rate, clock=clock, sleep=clock.sleep
    ):
        noticed[name] = clock.now
    window_max = max_in_window(calls, 1.0)
    gaps = [b - a for a, b in itertools.pairwise(calls)]
    return {
        "calls": len(calls),
        "max_per_1s_window": window_max,
        "min_gap_s": min(gaps),
        "worst_notice_s": max(noticed[name] - ends[name] for name in ends),
        "all_ended": float(len(noticed) == jobs),
    }


def max_in_window(times: list[float], width: float) -> int:
    """The most calls in any half-open window ``[t, t + width)`` (times are sorted)."""
    most, first = 0, 0
    for last, at in enumerate(times):
        while times[first] <= at - width:
            first += 1
        most = max(most, last - first + 1)
    return most


def main() -> int:
    baseline_calls = JOB_SECONDS // SAGEMAKER_CORE_POLL
    print(f"wait: one simulated {JOB_SECONDS // 3600}-hour job (fake clock)")
    print(f"  {'poller':<38} {'describe calls':>14} {'worst notice delay':>19}")
    print(f"  {'sagemaker-core fixed 5 s polling':<38} {baseline_calls:>14} {'<= 5 s':>19}")
    ok = True
    for delay in sorted({30.0, DEFAULT_DELAY, 120.0}):
        calls, worst = bench_wait(delay)
        default = delay == DEFAULT_DELAY
        label = f"automl-sdk wait, delay {delay:g} s" + (" (default)" if default else "")
        print(f"  {label:<38} {calls:>14} {worst:>17.1f} s")
        if default:
            ok &= calls <= TARGET_CALLS and worst <= delay
    print(
        f"  target (default delay): <= {TARGET_CALLS} calls (1/6 of {baseline_calls}), "
        "end noticed within the delay; calls = 1 immediate describe + 1 per delay"
    )

    print("\nwait: a 10-minute throttling outage in the middle of the job")
    for delay in (30.0, DEFAULT_DELAY):
        during, late = bench_outage(delay)
        print(
            f"  delay {delay:g} s: {during} describes during the outage "
            f"(backoff 1, 2, 4 ... s capped at the delay), its end noticed {late:.1f} s late"
        )
        ok &= late <= delay

    print("\nwait_many: 50 jobs ending at random times within 2 hours (fake clock)")
    for rate, delay in ((1.0, DEFAULT_DELAY), (0.5, DEFAULT_DELAY), (2.0, 30.0)):
        figures = bench_wait_many(50, rate, delay)
        print(
            f"  bound {rate:g}/s, delay {delay:g} s: {figures['calls']:.0f} calls, "
            f"max {figures['max_per_1s_window']:.0f} call(s) in any 1 s window, "
            f"min gap {figures['min_gap_s']:.2f} s, worst notice {figures['worst_notice_s']:.1f} s"
        )
        ok &= figures["all_ended"] == 1.0 and figures["min_gap_s"] >= 1 / rate - 1e-9
    print("\nresult:", "targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
