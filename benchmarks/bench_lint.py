"""Lint speed: throughput beside botocore's validator, and the CLI's cold start.

Run: ``python benchmarks/bench_lint.py [--quick]``. Prints figures; asserts nothing.

1. Per-request time of ``automl_sdk.lint_request`` (every rule, and phase 1 alone) on a full
   CreateAutoMLJobV2 request, beside botocore's ``validate_parameters`` on the same request in the
   same process (botocore checks types, required members and minimums only).
   Then the same comparison on every example request in ``tests/data/requests``.
2. Whole-process time of ``automl-sdk lint FILE`` beside ``python -c pass`` and
   ``python -c "import attrs, cattrs"``. Target: under 1.5x the latter.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REQUEST_FILE = ROOT / "tests" / "data" / "requests" / "v2_tabular.json"


def per_call(func: Any, repeat: int, number: int) -> float:
    """Best-of-``repeat`` seconds per call over ``number`` calls."""
    return min(timeit.repeat(func, repeat=repeat, number=number)) / number


def throughput(quick: bool) -> None:
    from botocore.session import get_session
    from botocore.validate import validate_parameters

    from automl_sdk.lint import all_rules, lint_request

    request = json.loads(REQUEST_FILE.read_text())
    shape = (
        get_session()
        .get_service_model("sagemaker")
        .operation_model("CreateAutoMLJobV2")
        .input_shape
    )
    assert lint_request(request) == []
    validate_parameters(request, shape)  # raises on an invalid request
    number, rounds = (200, 3) if quick else (2000, 9)
    candidates = {
        f"lint_request, all {len(all_rules())} rules": lambda: lint_request(request),
        "lint_request, phase 1 only (select E1)": lambda: lint_request(request, select=["E1"]),
        "botocore validate_parameters": lambda: validate_parameters(request, shape),
    }
    # Interleaved rounds, best of each: a busy machine slows every candidate alike.
    timings = dict.fromkeys(candidates, float("inf"))
    for _ in range(rounds):
        for name, func in candidates.items():
            timings[name] = min(timings[name], per_call(func, 1, number))
    print(
        f"Full CreateAutoMLJobV2 request ({REQUEST_FILE.name}), best of {rounds} x {number} calls:"
    )
    for name, seconds in timings.items():
        print(f"  {name:50s} {seconds * 1e6:9.1f} us/request  {1 / seconds:10.0f} requests/s")
    ratio = timings[next(iter(timings))] / timings["botocore validate_parameters"]
    print(f"  lint (all rules) / botocore: {ratio:.2f}x  (target <= 1.00x)")


def every_example(quick: bool) -> None:
    """The same comparison on each example request: lint's cost is mostly per rule, so it
    varies less with the request's size than botocore's does."""
    from botocore.session import get_session
    from botocore.validate import validate_parameters

    from automl_sdk.lint import detect_operation, lint_request

    model = get_session().get_service_model("sagemaker")
    number, rounds = (100, 3) if quick else (1000, 5)
    print(f"Every example request, best of {rounds} x {number} calls (us/request):")
    print(f"  {'request':40s} {'lint':>8s} {'botocore':>9s} {'ratio':>6s}")
    for path in sorted(REQUEST_FILE.parent.glob("*.json")):
        request = json.loads(path.read_text())
        shape = model.operation_model(detect_operation(request)).input_shape
        linted = per_call(functools.partial(lint_request, request), rounds, number)
        checked = per_call(functools.partial(validate_parameters, request, shape), rounds, number)
        print(
            f"  {path.name:40s} {linted * 1e6:8.1f} {checked * 1e6:9.1f} {linted / checked:5.2f}x"
        )


def wall(command: list[str], env: dict[str, str]) -> float:
    """Wall-clock seconds of running ``command`` to completion."""
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env
    )
    return time.perf_counter() - start


def environments() -> dict[str, dict[str, str]]:
    """With a bytecode cache (as after ``pip install``), and with automl-sdk's own modules
    compiled from source on every start.

    A wheel install compiles every module to bytecode. An editable checkout with no
    ``__pycache__`` run with ``PYTHONDONTWRITEBYTECODE=1`` (a fresh clone in CI, say) compiles
    automl-sdk's modules on every start while the interpreter, attrs and cattrs keep their
    installed bytecode: the second case runs a copy of the package without ``__pycache__``,
    first on ``PYTHONPATH``.
    """
    cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "automl-sdk-bench-pycache")
    source_copy = Path(tempfile.mkdtemp(prefix="automl-sdk-bench-source-"))
    shutil.copytree(
        ROOT / "automl_sdk",
        source_copy / "automl_sdk",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    from_source = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(source_copy))
    return {
        "with bytecode cache (as installed)": cached,
        "automl-sdk compiled from source on each start (no __pycache__)": from_source,
    }


def cold_start(quick: bool) -> None:
    runs = 5 if quick else 21
    # The console script beside this interpreter (a version manager's shim on PATH would add
    # its own start-up time); ``python -m automl_sdk`` when it is not installed.
    script = Path(sys.executable).with_name("automl-sdk")
    lint_command = [str(script)] if script.is_file() else [sys.executable, "-m", "automl_sdk"]
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        'python -c "import attrs, cattrs"': [sys.executable, "-c", "import attrs, cattrs"],
        f"automl-sdk lint {REQUEST_FILE.name}": [*lint_command, "lint", str(REQUEST_FILE)],
        f"automl-sdk lint --format sarif {REQUEST_FILE.name}": [
            *lint_command,
            "lint",
            "--format",
            "sarif",
            str(REQUEST_FILE),
        ],
    }
    for label, env in environments().items():
        for command in commands.values():  # warm the OS file cache and the bytecode cache
            wall(command, env)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):  # round-robin, so load changes hit every command alike
            for name, command in commands.items():
                samples[name].append(wall(command, env))
        results = {name: statistics.median(times) for name, times in samples.items()}
        print(f"Whole-process wall time, {label}, median of {runs} runs:")
        for name, seconds in results.items():
            print(f"  {name:50s} {seconds * 1000:8.1f} ms")
        baseline = results['python -c "import attrs, cattrs"']
        cli = results[f"automl-sdk lint {REQUEST_FILE.name}"]
        print(
            f"  automl-sdk lint / (python + import attrs, cattrs): {cli / baseline:.2f}x  (target < 1.50x)"
        )
    print(f"Imported by the lint path: {imported_modules()}")


def imported_modules() -> str:
    """Whether ``automl-sdk lint`` loads boto3/botocore or the shape classes (it should not)."""
    probe = (
        "import sys\n"
        "from automl_sdk.cli import main\n"
        "main(['lint', '--format', 'json', sys.argv[1]])\n"
        "heavy = ('boto3', 'botocore', 'automl_sdk.shapes.structures')\n"
        "print('PROBE', ','.join(m for m in heavy if m in sys.modules) or 'none of them')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(REQUEST_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("PROBE ")]
    return "boto3/botocore/shape classes: " + (lines[-1][6:] if lines else "probe failed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke run)")
    args = parser.parse_args()
    throughput(args.quick)
    print()
    every_example(args.quick)
    print()
    cold_start(args.quick)


if __name__ == "__main__":
    main()
