"""Import cost and wire-conversion speed of the foundation. Prints figures; asserts nothing.

    python benchmarks/bench_serde.py

Reports the cold-start time of interpreters importing the package beside ``python -c pass`` and
``import boto3`` (median of interleaved runs; run it without PYTHONDONTWRITEBYTECODE to measure
what an installed package costs), and to_wire / from_wire time per call for the full
CreateAutoMLJobV2 example request (``tests/data/requests/v2_tabular.json``; strict, which checks
the model's constraints as lint's phase 1 does) and a full DescribeAutoMLJobV2 response built
from the AWS docs' examples (lenient).
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from automl_sdk import from_wire, shapes, to_wire
from tests.support.spec_examples import examples

RUNS = 21
REQUEST_FILE = (
    Path(__file__).resolve().parents[1] / "tests" / "data" / "requests" / "v2_tabular.json"
)


def cold_starts(codes: list[str]) -> list[float]:
    """Median wall time of ``python -c CODE`` for each code, runs interleaved so that the
    machine's changing load falls on every command alike."""
    timings: list[list[float]] = [[] for _ in codes]
    for _ in range(RUNS):
        for index, code in enumerate(codes):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            timings[index].append(time.perf_counter() - start)
    return [statistics.median(t) for t in timings]


def per_call(func: object, number: int = 2000) -> float:
    timer = timeit.Timer(func)  # type: ignore[arg-type]
    return min(timer.repeat(repeat=5, number=number)) / number


def main() -> None:
    print(
        f"python {platform.python_version()} on {platform.machine()}, median of {RUNS} interleaved runs"
    )
    rows = [
        ("python -c pass", "pass"),
        ("import automl_sdk", "import automl_sdk"),
        (
            "from automl_sdk.shapes import <a class>",
            "from automl_sdk.shapes import TabularJobConfig",
        ),
        ("from automl_sdk import to_wire", "from automl_sdk import to_wire"),
        ("import attrs, cattrs", "import attrs, cattrs"),
        ("import boto3", "import boto3"),
    ]
    for (label, _), seconds in zip(rows, cold_starts([code for _, code in rows]), strict=True):
        print(f"  cold start  {label:42s} {seconds * 1000:7.1f} ms")

    cases = {case_id: (name, wire) for case_id, name, wire in examples()}
    request_name, request = "CreateAutoMLJobV2Request", json.loads(REQUEST_FILE.read_text())
    response_name, response = max(
        (cases[k] for k in cases if k.startswith("002-response")), key=lambda c: len(str(c[1]))
    )
    for label, name, wire, strict in (
        ("CreateAutoMLJobV2 request", request_name, request, True),
        ("DescribeAutoMLJobV2 response", response_name, response, False),
    ):
        cls = getattr(shapes, name)
        shape = from_wire(cls, wire, strict=strict)
        parse = per_call(
            lambda cls=cls, wire=wire, strict=strict: from_wire(cls, wire, strict=strict)
        )
        dump = per_call(lambda shape=shape: to_wire(shape))
        print(f"  {label:30s} from_wire {parse * 1e6:7.1f} us   to_wire {dump * 1e6:7.1f} us")


if __name__ == "__main__":
    main()
