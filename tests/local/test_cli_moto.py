"""``python -m automl_sdk`` job subcommands as subprocesses against moto on 127.0.0.1.

moto 5.2 keeps jobs InProgress until stopped, has no V1 operations and no candidate listing
(see DESIGN.md), so a wait here ends Stopped (exit 1) or times out (exit 3).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.aws import FAKE_CREDENTIALS
from tests.support.requests import tabular_v1_request

pytestmark = pytest.mark.local


V1_REQUEST: dict[str, Any] = tabular_v1_request("cli-v1")


@pytest.fixture(scope="module")
def cli(endpoint_url: str) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")} | FAKE_CREDENTIALS

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "automl_sdk", *args, "--endpoint-url", endpoint_url],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    return run


def test_v1_file_is_created_as_v2_then_described_stopped_and_waited(
    cli: Any, tmp_path: Path
) -> None:
    request = tmp_path / "v1.json"
    request.write_text(json.dumps(V1_REQUEST))

    created = cli("create", str(request))
    assert (created.returncode, created.stderr) == (0, "")
    arn = "arn:aws:sagemaker:us-east-1:123456789012:automl-job/cli-v1"
    assert json.loads(created.stdout) == {"AutoMLJobArn": arn}

    again = cli("create", str(request))
    assert json.loads(again.stdout) == {"AutoMLJobArn": arn}

    described = cli("describe", "cli-v1")
    assert described.returncode == 0
    v2 = json.loads(described.stdout)
    assert (
        v2["AutoMLProblemTypeConfig"]["TabularJobConfig"]["ProblemType"] == "BinaryClassification"
    )
    assert v2["CreationTime"].startswith("20")
    assert "T" in v2["CreationTime"]

    as_v1 = json.loads(cli("describe", "cli-v1", "--v1").stdout)
    assert as_v1["ProblemType"] == "BinaryClassification"

    timed_out = cli("wait", "cli-v1", "--timeout", "0.3", "--delay", "0.1")
    assert timed_out.returncode == 3
    assert timed_out.stderr.splitlines()[-1].endswith("and was not stopped")

    stopped = cli("stop", "cli-v1")
    assert (stopped.returncode, stopped.stderr) == (0, "stop requested for AutoML job cli-v1\n")

    waited = cli("wait", "cli-v1", "--delay", "0.1")
    assert waited.returncode == 1
    lines = waited.stderr.splitlines()
    assert lines[0].startswith("cli-v1  Stopped/Stopped  elapsed ")
    assert lines[-1] == "automl-sdk: AutoML job 'cli-v1' was stopped (status Stopped)"

    listed = json.loads(cli("list", "--name-contains", "cli-v1").stdout)
    assert [(s["AutoMLJobName"], s["AutoMLJobStatus"]) for s in listed["AutoMLJobSummaries"]] == [
        ("cli-v1", "Stopped")
    ]


def test_invalid_request_sends_nothing(cli: Any, tmp_path: Path) -> None:
    request = tmp_path / "bad.json"
    request.write_text(json.dumps(V1_REQUEST | {"AutoMLJobName": "cli_bad!"}))
    result = cli("create", str(request))
    assert result.returncode == 1
    assert result.stdout == ""
    column = json.dumps(V1_REQUEST | {"AutoMLJobName": "cli_bad!"}).index('"AutoMLJobName"') + 1
    assert f"{request}:1:{column}: E1007 [error] AutoMLJobName: " in result.stderr
    assert result.stderr.splitlines()[-1] == f"{request}: nothing was sent (CreateAutoMLJob)"
    listed = json.loads(cli("list", "--name-contains", "cli_bad").stdout)
    assert listed == {"AutoMLJobSummaries": []}


@pytest.mark.parametrize("command", ["describe", "wait", "stop"])
def test_unknown_job_is_one_clear_line(cli: Any, command: str) -> None:
    result = cli(command, "no-such-job")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "automl-sdk: ResourceNotFound: Could not find AutoML job with name no-such-job. "
        "(job no-such-job)\n"
    )


def cli_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("AWS_")} | FAKE_CREDENTIALS


def test_create_reads_the_request_from_stdin(endpoint_url: str) -> None:
    request = json.dumps(tabular_v1_request("cli-stdin"))
    result = subprocess.run(
        [sys.executable, "-m", "automl_sdk", "create", "-", "--endpoint-url", endpoint_url],
        input=request,
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    arn = "arn:aws:sagemaker:us-east-1:123456789012:automl-job/cli-stdin"
    assert json.loads(result.stdout) == {"AutoMLJobArn": arn}


def test_a_request_with_a_member_repeated_differently_sends_nothing(
    cli: Any, tmp_path: Path
) -> None:
    request = tmp_path / "twice.json"
    text = json.dumps(tabular_v1_request("cli-twice"))
    request.write_text(text[:-1] + ',\n "AutoMLJobName": "cli-twice-2"}')
    result = cli("create", str(request))
    assert (result.returncode, result.stdout) == (1, "")
    assert f"{request}:2:2: E1010 [error] AutoMLJobName: " in result.stderr
    listed = json.loads(cli("list", "--name-contains", "cli-twice").stdout)
    assert listed == {"AutoMLJobSummaries": []}


@pytest.mark.parametrize("command", [["describe", "cli-v1"], ["list"]])
def test_a_closed_stdout_ends_aws_commands_quietly(
    cli: Any, endpoint_url: str, tmp_path: Path, command: list[str]
) -> None:
    request = tmp_path / "v1.json"
    request.write_text(json.dumps(V1_REQUEST))
    cli("create", str(request))  # the job may exist already: the re-create is idempotent
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "automl_sdk", *command, "--endpoint-url", endpoint_url],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")


def test_ctrl_c_during_wait_says_the_job_is_still_running(
    cli: Any, endpoint_url: str, tmp_path: Path
) -> None:
    request = tmp_path / "v1.json"
    request.write_text(json.dumps(tabular_v1_request("cli-interrupted")))
    assert cli("create", str(request)).returncode == 0
    waiting = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "automl_sdk",
            "wait",
            "cli-interrupted",
            "--delay",
            "30",
            "--endpoint-url",
            endpoint_url,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )
    assert waiting.stderr is not None
    first = waiting.stderr.readline()  # the first describe has been shown: now in the sleep
    assert first.startswith("cli-interrupted  InProgress")
    waiting.send_signal(signal.SIGINT)
    out, rest = waiting.communicate(timeout=60)
    assert waiting.returncode == 130
    assert out == ""
    assert rest == (
        "automl-sdk: interrupted; AutoML job cli-interrupted is still running "
        "(automl-sdk stop cli-interrupted stops it)\n"
    )
