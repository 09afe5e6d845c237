"""Linting a large request file: time and peak memory against file size. Asserts nothing.

Run: ``python benchmarks/bench_lint_large.py [--sizes 1,4,16,41]`` (megabytes).

Each file is the full V2 tabular example with a ``Tags`` list grown to the size asked for, each
tag's key broken (an ``E1007`` finding per tag) so that the finding count grows with the file,
as in a generated request gone wrong. Each size runs ``automl-sdk lint --format F FILE`` in a
fresh interpreter (stdout to /dev/null) and reports its wall time, its peak resident memory,
and the time of the line/column locator (``automl_sdk.lint._locate.locate``) alone. Linear cost
means the time per megabyte stays flat as the size grows.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUEST_FILE = ROOT / "tests" / "data" / "requests" / "v2_tabular.json"

PROBE = """
import resource, sys, time
from automl_sdk.cli import main
start = time.perf_counter()
code = main(["lint", "--no-config", "--format", sys.argv[2], sys.argv[1]])
wall = time.perf_counter() - start
text = open(sys.argv[1], encoding="utf-8").read()
from automl_sdk.lint._locate import locate
start = time.perf_counter()
locate(text)
located = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("PROBE", code, wall, located, peak, file=sys.stderr)
"""


def write_request(path: Path, megabytes: float) -> int:
    """Write the grown request to ``path``; return its number of tags."""
    request = json.loads(REQUEST_FILE.read_text())
    tag = {"Key": "team name!", "Value": "forecasting and planning"}  # '!' breaks the pattern
    per_tag = len(json.dumps(tag, indent=2)) + 8
    count = max(1, int(megabytes * 1_000_000 / per_tag))
    request["Tags"] = [dict(tag, Key=f"team name! {index}") for index in range(count)]
    path.write_text(json.dumps(request, indent=2), encoding="utf-8")
    return count


def measure(path: Path, fmt: str) -> tuple[int, float, float, float]:
    """``(exit code, wall seconds, locator seconds, peak MB)`` of linting ``path``."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), fmt],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("PROBE "))
    code, wall, located, peak = line.split()[1:]
    return int(code), float(wall), float(located), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16", help="file sizes in MB, comma-separated")
    parser.add_argument("--formats", default="text,json", help="output formats, comma-separated")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    print(
        f"{'size':>8s} {'tags':>8s} {'format':>6s} {'lint s':>8s} {'s/MB':>6s} "
        f"{'locate s':>9s} {'peak MB':>8s}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in sizes:
            path = Path(tmp) / "request.json"
            count = write_request(path, megabytes)
            actual = path.stat().st_size / 1_000_000
            for fmt in args.formats.split(","):
                code, wall, located, peak = measure(path, fmt)
                print(
                    f"{actual:7.1f}M {count:8d} {fmt:>6s} {wall:8.2f} {wall / actual:6.2f} "
                    f"{located:9.2f} {peak:8.0f}   (exit {code})"
                )


if __name__ == "__main__":
    main()
