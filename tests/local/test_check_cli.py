"""``automl-sdk check`` and ``automl-sdk create --check`` as subprocesses against moto.

The output contract is lint's: text, JSON (one object per finding with file, rule, severity,
path, message, and line and column when known) or SARIF on stdout; exit 0 without error findings,
1 with one, 2 for an unreadable file. One ``--endpoint-url`` serves every AWS service.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.local.check_world import BUCKET, World, churn_csv, tabular_v2
from tests.support.aws import FAKE_CREDENTIALS

pytestmark = pytest.mark.local


@pytest.fixture(scope="module")
def world(endpoint_url: str) -> World:
    world = World(endpoint_url)
    world.put("train/data.csv", churn_csv())
    for i in range(4):  # more than the check reads without --scan
        world.put(f"big/part-{i}.csv", churn_csv(8000))
    return world


@pytest.fixture(scope="module")
def cli(endpoint_url: str) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")} | FAKE_CREDENTIALS

    def run(*args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "automl_sdk", *args],
            capture_output=True,
            text=True,
            env=env | extra_env,
            timeout=120,
        )

    return run


def write(tmp_path: Path, name: str, request: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(request, indent=2))
    return str(path)


def good(world: World) -> dict[str, Any]:
    return tabular_v2(world, f"s3://{BUCKET}/train/")


def missing_target(world: World) -> dict[str, Any]:
    request = good(world)
    request["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] = "churn"
    return request


def test_good_file_exits_0(cli: Any, world: World, tmp_path: Path) -> None:
    path = write(tmp_path, "good.json", good(world))
    result = cli("check", path, "--endpoint-url", world.endpoint_url)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "No problems found in 1 file.\n",
        "",
    )


def test_bad_file_exits_1_with_lint_json_keys(cli: Any, world: World, tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", missing_target(world))
    result = cli("check", path, "--format", "json", "--endpoint-url", world.endpoint_url)
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {
            "file": path,
            "rule": "E7010",
            "severity": "error",
            "path": "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
            "message": "target column is not in the data (got 'churn'; expected a column of the "
            f"CSV header of s3://{BUCKET}/train/data.csv: 'id', 'age', 'weight', 'churned'); "
            "did you mean 'churned'?",
            "line": 21,
            "column": 7,
        }
    ]


def test_endpoint_from_the_environment_and_ignore(cli: Any, world: World, tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", missing_target(world))
    result = cli("check", path, "--ignore", "E7010", AWS_ENDPOINT_URL=world.endpoint_url)
    assert (result.returncode, result.stdout) == (0, "No problems found in 1 file.\n")
    text = cli("check", path, "--select", "E7", AWS_ENDPOINT_URL=world.endpoint_url)
    assert text.returncode == 1
    assert text.stdout.splitlines()[0].startswith(
        f"{path}:21:7: E7010 [error] AutoMLProblemTypeConfig.TabularJobConfig."
        "TargetAttributeName: target column is not in the data (got 'churn';"
    )
    assert text.stdout.splitlines()[1] == "Found 1 problem in 1 file (1 error, 0 warnings, 0 info)."


def test_sarif_names_the_check_rule(cli: Any, world: World, tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", missing_target(world))
    result = cli("check", path, "--format", "sarif", "--endpoint-url", world.endpoint_url)
    assert result.returncode == 1
    (rule,) = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert (rule["id"], rule["shortDescription"]["text"]) == (
        "E7010",
        "Column named by the request is not in the data",
    )


def test_unreadable_file_exits_2_and_the_others_are_checked(
    cli: Any, world: World, tmp_path: Path
) -> None:
    path = write(tmp_path, "good.json", good(world))
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    result = cli("check", path, str(broken), "--endpoint-url", world.endpoint_url)
    assert result.returncode == 2
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.stderr == (
        f"automl-sdk: error: {broken}:1:2: not valid JSON: Expecting property name enclosed in "
        "double quotes\n"
    )


def test_create_with_check_sends_nothing_on_a_check_error(
    cli: Any, world: World, tmp_path: Path
) -> None:
    path = write(tmp_path, "bad.json", missing_target(world) | {"AutoMLJobName": "cli-checked"})
    jobs = world.job_names()
    result = cli("create", path, "--check", "--endpoint-url", world.endpoint_url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}:21:7: E7010 [error] AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName: "
        "target column is not in the data (got 'churn'; expected a column of the CSV header of "
        f"s3://{BUCKET}/train/data.csv: 'id', 'age', 'weight', 'churned'); did you mean "
        "'churned'?",
        f"{path}: nothing was sent (CreateAutoMLJobV2)",
    ]
    assert world.job_names() == jobs
    fixed = write(tmp_path, "good.json", good(world) | {"AutoMLJobName": "cli-checked"})
    created = cli("create", fixed, "--check", "--endpoint-url", world.endpoint_url)
    assert created.returncode == 0
    assert json.loads(created.stdout) == {
        "AutoMLJobArn": "arn:aws:sagemaker:us-east-1:123456789012:automl-job/cli-checked"
    }


def test_per_service_endpoint_variables_serve_every_client(
    cli: Any, world: World, tmp_path: Path
) -> None:
    path = write(tmp_path, "bad.json", missing_target(world))
    services = ("S3", "IAM", "KMS", "EC2", "STS", "SAGEMAKER")
    variables = {f"AWS_ENDPOINT_URL_{name}": world.endpoint_url for name in services}
    result = cli("check", path, "--format", "json", **variables)
    assert result.returncode == 1
    assert [item["rule"] for item in json.loads(result.stdout)] == ["E7010"]


def test_info_findings_only_when_selected_and_scan_counts_rows(
    cli: Any, world: World, tmp_path: Path
) -> None:
    path = write(tmp_path, "big.json", tabular_v2(world, f"s3://{BUCKET}/big/"))
    endpoint = ("--endpoint-url", world.endpoint_url)
    quiet = cli("check", path, *endpoint)
    assert (quiet.returncode, quiet.stdout) == (0, "No problems found in 1 file.\n")
    shown = cli("check", path, "--include-info", "--format", "json", *endpoint)
    assert shown.returncode == 0
    assert [(f["rule"], f["path"]) for f in json.loads(shown.stdout)] == [
        ("I7018", "AutoMLJobInputDataConfig[0]")
    ]
    scanned = cli("check", path, "--include-info", "--scan", *endpoint)
    assert (scanned.returncode, scanned.stdout, scanned.stderr) == (
        0,
        "No problems found in 1 file.\n",
        "",  # no progress line: stderr is not a terminal
    )
