"""Cost of ``automl-sdk check``: AWS calls, bytes read and wall time, whatever the data size.

Run: ``python benchmarks/bench_check.py``. Prints figures; asserts nothing.

A two-channel tabular CreateAutoMLJobV2 request (training and validation prefixes, a role, one
KMS key for output and volumes, two subnets and a security group) is checked against a local
moto server on 127.0.0.1, once with 10 and once with 10,000 CSV objects under each prefix. The
objects of the first listing page (the only page a check without ``--scan`` reads) are 100 KiB
each, more than the check ever reads of one object; the others are 1 KiB, to keep the server's
memory small (they are listed, never read). Figures: the HTTP requests sent (every attempt),
the bytes of object data received, and the wall time of ``check_request`` with 50 ms injected
before every request (a ``before-send`` hook), cold (new session, clients made) and warm.

Targets (issue 11): at most 15 calls and 300 KiB read whatever the object count, under 0.5 s at
50 ms per call.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LATENCY = 0.05
BIG = 100 * 1024
SMALL = 1024
PAGE = 1000


def seed(world: Any, prefix: str, count: int) -> None:
    """``count`` CSV objects under ``prefix``, put straight into moto's backend (no HTTP)."""
    from moto.backends import get_backend

    from tests.local.check_world import ACCOUNT, BUCKET, churn_csv

    backend = get_backend("s3")[ACCOUNT]["aws"]
    big = churn_csv(7000)[:BIG]
    big = big[: big.rfind(b"\n") + 1]
    small = churn_csv(60)[:SMALL]
    small = small[: small.rfind(b"\n") + 1]
    for i in range(count):
        backend.put_object(BUCKET, f"{prefix}part-{i:05d}.csv", big if i < PAGE else small)


class Meter:
    """Counts requests and object bytes, and sleeps before each request."""

    def __init__(self, session: Any, latency: float) -> None:
        self.latency = latency
        self.calls: list[str] = []
        self.bytes_read = 0
        session.events.register("before-send", self._before_send, unique_id="bench-send")
        session.events.register("after-call.s3.GetObject", self._after_get, unique_id="bench-get")

    def _before_send(self, request: Any, **_: Any) -> None:
        self.calls.append(request.url)
        time.sleep(self.latency)

    def _after_get(self, parsed: Any, **_: Any) -> None:
        self.bytes_read += int(parsed.get("ContentLength") or 0)

    def reset(self) -> None:
        self.calls.clear()
        self.bytes_read = 0


def run(world: Any, count: int) -> None:
    import boto3

    from automl_sdk import check_request
    from tests.local.check_world import BUCKET, tabular_v2

    base = f"n{count}/"
    for channel in ("train/", "validation/"):
        seed(world, base + channel, count)
    request = tabular_v2(world, f"s3://{BUCKET}/{base}train/", f"s3://{BUCKET}/{base}validation/")
    session = boto3.session.Session(region_name="us-east-1", **_credentials())
    meter = Meter(session, LATENCY)

    def timed() -> tuple[float, list[Any]]:
        start = time.perf_counter()
        findings = check_request(request, session=session, endpoint_url=world.endpoint_url)
        return time.perf_counter() - start, findings

    cold, findings = timed()
    calls, read = list(meter.calls), meter.bytes_read
    warm_times = []
    for _ in range(5):
        meter.reset()
        warm_times.append(timed()[0])
    print(f"-- {count:,} objects under each of the two prefixes")
    print(f"   AWS calls: {len(calls)}")
    print(f"   bytes of object data read: {read:,} ({read / 1024:.0f} KiB)")
    print(
        f"   wall time at {LATENCY * 1000:.0f} ms per call: first check {cold:.3f} s (new "
        f"session and clients), then median {statistics.median(warm_times):.3f} s"
    )
    print(f"   findings: {[(f.rule, f.path) for f in findings] or 'none'}")
    start = time.perf_counter()
    world.s3.list_objects_v2(Bucket=BUCKET, Prefix=f"{base}train/", MaxKeys=1000)
    print(
        f"   moto serving one listing page ({min(count, 1000):,} keys) alone, no injected latency: "
        f"{time.perf_counter() - start:.3f} s"
    )
    fresh = boto3.session.Session(region_name="us-east-1", **_credentials())
    start = time.perf_counter()
    for service in ("s3", "iam", "kms", "ec2"):
        fresh.client(service, endpoint_url=world.endpoint_url)
    print(f"   making the four clients of a new session alone: {time.perf_counter() - start:.3f} s")


def _credentials() -> dict[str, str]:
    from tests.support.aws import FAKE_CREDENTIALS

    return {
        "aws_access_key_id": FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    }


def main() -> None:
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    from moto.server import ThreadedMotoServer

    from tests.local.check_world import World

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        world = World(f"http://{host}:{port}")
        for count in (10, 10_000):
            run(world, count)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
