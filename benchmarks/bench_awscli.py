"""Start-up and parsing cost of the AWS-CLI-named commands. Prints figures; asserts nothing.

    python benchmarks/bench_awscli.py

Reports the cold start of ``create-auto-ml-job --generate-cli-skeleton`` (reads the generated
option tables, sends nothing) beside ``python -c pass`` and beside loading botocore's SageMaker
model (what the tables spare the CLI), median of interleaved runs; then the time to parse the
create command's options (shorthand and JSON values) and to render a request as text and as a
table.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from automl_sdk._cli.aws import _output
from automl_sdk._cli.aws._run import build_parser, collect_request
from tests.support.requests import tabular_v2_request

RUNS = 11
ARGV = [
    "--auto-ml-job-name", "churn",
    "--input-data-config",
    "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://b/train/}},TargetAttributeName=y",
    "--output-data-config", "S3OutputPath=s3://b/o,KmsKeyId=alias/k",
    "--auto-ml-job-config", '{"CompletionCriteria": {"MaxCandidates": 10}}',
    "--role-arn", "arn:aws:iam::123456789012:role/AutoMLRole",
    "--tags", "Key=a,Value=b", "Key=c,Value=d",
]  # fmt: skip


def cold_starts(commands: list[list[str]]) -> list[float]:
    """Median wall time of each command, runs interleaved."""
    timings: list[list[float]] = [[] for _ in commands]
    for _ in range(RUNS):
        for index, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            timings[index].append(time.perf_counter() - start)
    return [statistics.median(t) for t in timings]


def main() -> None:
    python = sys.executable
    labels = ["python -c pass", "load botocore's SageMaker model", "skeleton (tables only)"]
    starts = cold_starts(
        [
            [python, "-c", "pass"],
            [
                python,
                "-c",
                "import botocore.session as s; s.get_session().get_service_model('sagemaker')",
            ],
            [python, "-m", "automl_sdk", "create-auto-ml-job", "--generate-cli-skeleton"],
        ]
    )
    for label, seconds in zip(labels, starts, strict=True):
        print(f"{label:34} {seconds * 1000:7.1f} ms")

    parser = build_parser("create-auto-ml-job")
    table = __import__("automl_sdk._cli.aws._tables", fromlist=["COMMANDS"]).COMMANDS

    def parse() -> None:
        collect_request(table["create-auto-ml-job"], parser.parse_args(ARGV))

    number = 2000
    per_call = timeit.timeit(parse, number=number) / number
    print(f"{'parse the create options':34} {per_call * 1e6:7.1f} us")

    response = json.loads(json.dumps(tabular_v2_request()))
    for output in ("text", "table"):

        def render(output: str = output) -> None:
            _output.render(response, output=output, title="Describe")

        per_call = timeit.timeit(render, number=number) / number
        print(f"{'render a request as ' + output:34} {per_call * 1e6:7.1f} us")


if __name__ == "__main__":
    main()
