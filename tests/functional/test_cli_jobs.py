"""The job subcommands of ``automl-sdk`` in-process, with the SageMaker client stubbed."""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore.stub import Stubber

from automl_sdk.cli import main
from automl_sdk.client import AutoMLClient
from tests.support.requests import tabular_v2_request

ARN = "arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn"
NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)

REQUEST: dict[str, Any] = tabular_v2_request()


def described(status: str, secondary: str, **extra: Any) -> dict[str, Any]:
    return {
        "AutoMLJobName": "churn",
        "AutoMLJobArn": ARN,
        "AutoMLJobInputDataConfig": REQUEST["AutoMLJobInputDataConfig"],
        "OutputDataConfig": REQUEST["OutputDataConfig"],
        "AutoMLProblemTypeConfig": REQUEST["AutoMLProblemTypeConfig"],
        "RoleArn": REQUEST["RoleArn"],
        "CreationTime": NOW,
        "LastModifiedTime": NOW,
        "AutoMLJobStatus": status,
        "AutoMLJobSecondaryStatus": secondary,
        **extra,
    }


@pytest.fixture
def stubber(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stubber]:
    """Every AutoMLClient the CLI makes gets this stubbed client; sleeps are skipped."""
    sagemaker = botocore.session.get_session().create_client(
        "sagemaker", region_name="us-east-1", aws_access_key_id="t", aws_secret_access_key="t"
    )
    monkeypatch.setattr(AutoMLClient, "_make_client", lambda self: sagemaker)
    monkeypatch.setattr(time, "sleep", lambda seconds: None)
    with Stubber(sagemaker) as stub:
        yield stub
        stub.assert_no_pending_responses()


@pytest.fixture
def request_file(tmp_path: Path) -> Path:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(REQUEST))
    return path


def test_create_prints_the_arn(
    stubber: Stubber, request_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, REQUEST)
    assert main(["create", str(request_file), "--region", "us-east-1"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"AutoMLJobArn": ARN}
    assert err == ""


def test_create_with_lint_errors_prints_findings_and_sends_nothing(
    stubber: Stubber, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(REQUEST | {"RoleArn": "role"}))
    assert main(["create", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    errors = [line for line in lines if " [error] " in line]
    assert len(errors) == 1
    column = json.dumps(REQUEST | {"RoleArn": "role"}).index('"RoleArn"') + 1
    assert errors[0] == (
        f"{path}:1:{column}: E1004 [error] RoleArn: RoleArn is too short "
        "(got 'role' with 4 characters; expected 20 to 2048 characters)"
    )
    assert not any(" [info] " in line for line in lines)
    assert lines[-1] == f"{path}: nothing was sent (CreateAutoMLJobV2)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            '{"AutoMLJobName": "x",\n  oops}',
            "{path}:2:3: not valid JSON: Expecting property name enclosed in double quotes",
            id="bad-json",
        ),
        pytest.param(
            "[1, 2]",
            "{path}:1:1: not a request: expected a JSON object of request parameters "
            "(got an array)",
            id="not-object",
        ),
        pytest.param(None, "{path}: cannot read file: No such file or directory", id="missing"),
    ],
)
def test_create_with_an_unusable_file_is_a_usage_error(
    stubber: Stubber,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    message: str,
) -> None:
    path = tmp_path / "request.json"
    if content is not None:
        path.write_text(content)
    assert main(["create", str(path)]) == 2
    assert capsys.readouterr().err == f"automl-sdk: error: {message.format(path=path)}\n"


def test_create_and_wait(
    stubber: Stubber, request_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN})
    stubber.add_response("describe_auto_ml_job_v2", described("Completed", "Completed"))
    assert main(["create", str(request_file), "--wait", "--delay", "1"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"AutoMLJobArn": ARN}  # stdout stays JSON
    assert err.splitlines()[-1] == "churn: Completed"


@pytest.mark.parametrize("v1", [pytest.param(False, id="v2"), pytest.param(True, id="v1")])
def test_describe_prints_wire_json_with_iso_timestamps(
    stubber: Stubber, capsys: pytest.CaptureFixture[str], v1: bool
) -> None:
    stubber.add_response(
        "describe_auto_ml_job_v2",
        described("InProgress", "TrainingModels"),
        {"AutoMLJobName": "churn"},
    )
    assert main(["describe", "churn", *(["--v1"] if v1 else [])]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["CreationTime"] == "2026-01-02T03:04:05+00:00"
    assert printed["AutoMLJobStatus"] == "InProgress"
    assert "ResponseMetadata" not in printed
    if v1:
        assert printed["ProblemType"] == "BinaryClassification"
        assert "AutoMLProblemTypeConfig" not in printed
    else:
        assert printed["AutoMLProblemTypeConfig"] == REQUEST["AutoMLProblemTypeConfig"]


@pytest.mark.parametrize(
    ("final", "code", "out", "err_end"),
    [
        pytest.param(("Completed", "Completed"), 0, "churn: Completed\n", "", id="completed"),
        pytest.param(
            ("Failed", "Failed"),
            1,
            "",
            "automl-sdk: AutoML job 'churn' failed: no data\n",
            id="failed",
        ),
        pytest.param(
            ("Stopped", "Stopped"),
            1,
            "",
            "automl-sdk: AutoML job 'churn' was stopped (status Stopped)\n",
            id="stopped",
        ),
    ],
)
def test_wait_exit_codes(
    stubber: Stubber,
    capsys: pytest.CaptureFixture[str],
    final: tuple[str, str],
    code: int,
    out: str,
    err_end: str,
) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described("InProgress", "AnalyzingData"))
    stubber.add_response("describe_auto_ml_job_v2", described(*final, FailureReason="no data"))
    assert main(["wait", "churn"]) == code
    captured = capsys.readouterr()
    assert captured.out == out
    lines = captured.err.splitlines()
    assert lines[0].startswith("churn  InProgress/AnalyzingData  elapsed ")
    assert lines[1].startswith(f"churn  {final[0]}/{final[1]}  elapsed ")
    assert "\r" not in captured.err
    assert captured.err.endswith(err_end)


def test_wait_timeout_exits_3(stubber: Stubber, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(3):
        stubber.add_response("describe_auto_ml_job_v2", described("InProgress", "ModelTuning"))
    assert main(["wait", "churn", "--timeout", "20", "--delay", "10"]) == 3
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith(
        "automl-sdk: gave up waiting for AutoML job 'churn' after"
    )
    assert err.endswith("(last status InProgress/ModelTuning) and was not stopped\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_wait_on_a_terminal_rewrites_one_line(
    stubber: Stubber, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    stubber.add_response("describe_auto_ml_job_v2", described("InProgress", "AnalyzingData"))
    stubber.add_response("describe_auto_ml_job_v2", described("Completed", "Completed"))
    assert main(["wait", "churn"]) == 0
    shown = terminal.getvalue()
    assert shown.startswith("\r\x1b[2Kchurn  InProgress/AnalyzingData  elapsed ")
    assert "\r\x1b[2Kchurn  Completed/Completed  elapsed " in shown
    assert shown.endswith("\n")
    assert shown.count("\n") == 1


def test_stop(stubber: Stubber, capsys: pytest.CaptureFixture[str]) -> None:
    stubber.add_response("stop_auto_ml_job", {}, {"AutoMLJobName": "churn"})
    assert main(["stop", "churn"]) == 0
    assert capsys.readouterr().err == "stop requested for AutoML job churn\n"


def test_list_passes_filters_and_prints_every_page(
    stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    row = {k: v for k, v in described("InProgress", "Starting").items() if k in (
        "AutoMLJobName", "AutoMLJobArn", "AutoMLJobStatus", "AutoMLJobSecondaryStatus",
        "CreationTime", "LastModifiedTime")}  # fmt: skip
    stubber.add_response(
        "list_auto_ml_jobs",
        {"AutoMLJobSummaries": [row], "NextToken": "t"},
        {"StatusEquals": "InProgress", "SortBy": "Name"},
    )
    stubber.add_response(
        "list_auto_ml_jobs",
        {"AutoMLJobSummaries": [row | {"AutoMLJobName": "other"}]},
        {"StatusEquals": "InProgress", "SortBy": "Name", "NextToken": "t"},
    )
    assert main(["list", "--status-equals", "InProgress", "--sort-by", "Name"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [s["AutoMLJobName"] for s in printed["AutoMLJobSummaries"]] == ["churn", "other"]
    assert printed["AutoMLJobSummaries"][0]["CreationTime"] == "2026-01-02T03:04:05+00:00"


def test_candidates_prints_the_leaderboard_best_first(
    stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    def candidate(name: str, value: float) -> dict[str, Any]:
        return {
            "CandidateName": name,
            "FinalAutoMLJobObjectiveMetric": {
                "MetricName": "RMSE",
                "Value": value,
                "Type": "Minimize",
            },
            "ObjectiveStatus": "Succeeded",
            "CandidateSteps": [],
            "CandidateStatus": "Completed",
            "CreationTime": NOW,
            "LastModifiedTime": NOW,
        }

    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [candidate("a", 3.0), candidate("b", 1.0), candidate("c", 2.0)]},
        {"AutoMLJobName": "churn"},
    )
    assert main(["candidates", "churn", "--top", "2"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["ObjectiveMetric"] == {"MetricName": "RMSE", "Type": "Minimize"}
    assert [c["CandidateName"] for c in printed["Candidates"]] == ["b", "c"]


def test_aws_errors_are_one_line_with_the_job_name(
    stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_client_error(
        "describe_auto_ml_job_v2",
        "ResourceNotFound",
        "Could not find AutoML job with name nope.",
        400,
    )
    assert main(["describe", "nope"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "automl-sdk: ResourceNotFound: Could not find AutoML job with name nope. (job nope)\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(
            ["wait", "churn", "--timeout", "inf"],
            "argument --timeout: not a finite number of seconds: 'inf'",
            id="infinite-timeout",
        ),
        pytest.param(
            ["wait", "churn", "--delay", "nan"],
            "argument --delay: not a finite number of seconds: 'nan'",
            id="nan-delay",
        ),
        pytest.param(["list", "--max-items", "0"], "must be >= 1 (got 0)", id="zero-items"),
        pytest.param(
            ["wait", "churn", "--delay", "soon"], "not a number of seconds: 'soon'", id="bad-delay"
        ),
    ],
)
def test_bad_option_values_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(message)


@pytest.mark.parametrize(
    ("options", "parameters"),
    [
        pytest.param(["--timeout", "-5"], {"timeout": -5.0}, id="negative-timeout"),
        pytest.param(["--delay", "-1"], {"delay": -1.0}, id="negative-delay"),
        pytest.param(
            ["--delay", "0", "--timeout", "5"],
            {"delay": 0.0, "timeout": 5.0},
            id="zero-delay-with-timeout",
        ),
    ],
)
@pytest.mark.parametrize("command", ["wait churn", "create {file} --wait"])
def test_wait_parameters_the_client_refuses_are_usage_errors_and_nothing_is_sent(
    stubber: Stubber,
    request_file: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    options: list[str],
    parameters: dict[str, float],
) -> None:
    # The line carries the client's own ValueError, whatever its wording.
    with pytest.raises(ValueError, match=r"delay|timeout") as refused:
        AutoMLClient(region_name="us-east-1").wait("churn", **parameters)  # type: ignore[arg-type]
    argv = command.format(file=request_file).split() + options
    assert main(argv) == 2  # the stubber holds no response: nothing was sent
    assert capsys.readouterr() == (
        "",
        f"automl-sdk: error: bad --timeout/--delay: {refused.value}\n",
    )


def test_ctrl_c_during_wait_says_the_job_is_still_running(
    stubber: Stubber, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    stubber.add_response("describe_auto_ml_job_v2", described("InProgress", "TrainingModels"))
    monkeypatch.setattr(time, "sleep", interrupt)
    assert main(["wait", "churn", "--delay", "5"]) == 130
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == (
        "automl-sdk: interrupted; AutoML job churn is still running "
        "(automl-sdk stop churn stops it)"
    )


def test_building_the_parser_never_imports_boto3() -> None:
    code = (
        "import sys; from automl_sdk.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('boto3', 'botocore') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
