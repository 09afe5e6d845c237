"""The AWS-CLI-named commands over botocore's Stubber: output formats, --query, paging, exit codes.

The exact formats follow the AWS CLI's ``--output text`` (tab-separated rows) and ``--output
table`` (boxed sections); exit codes follow "AWS CLI return codes"
(https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-troubleshooting.html#tshoot-exit-codes).
"""

from __future__ import annotations

import json
from typing import Any

import botocore.session
import pytest
import yaml
from botocore.exceptions import NoCredentialsError
from botocore.stub import Stubber

from automl_sdk._cli.aws import dispatch, find_command
from automl_sdk.cli import main
from tests.support.requests import tabular_v1_request, tabular_v2_request
from tests.support.responses import WHEN, candidate

ARN = "arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn"


def described(name: str = "churn") -> dict[str, Any]:
    request = tabular_v2_request(name)
    return {
        "AutoMLJobName": name,
        "AutoMLJobArn": ARN,
        "AutoMLJobInputDataConfig": request["AutoMLJobInputDataConfig"],
        "OutputDataConfig": request["OutputDataConfig"],
        "RoleArn": request["RoleArn"],
        "AutoMLJobObjective": {"MetricName": "F1"},
        "AutoMLProblemTypeConfig": request["AutoMLProblemTypeConfig"],
        "CreationTime": WHEN,
        "LastModifiedTime": WHEN,
        "AutoMLJobStatus": "InProgress",
        "AutoMLJobSecondaryStatus": "TrainingModels",
    }


def summary(name: str, status: str = "InProgress") -> dict[str, Any]:
    return {
        "AutoMLJobName": name,
        "AutoMLJobArn": ARN.replace("churn", name),
        "AutoMLJobStatus": status,
        "AutoMLJobSecondaryStatus": "Starting",
        "CreationTime": WHEN,
        "LastModifiedTime": WHEN,
    }


def run(sagemaker: Any, *argv: str) -> int:
    code = dispatch(list(argv), sagemaker_client=sagemaker)
    assert code is not None
    return code


# -- dispatch -----------------------------------------------------------------------------------


def test_global_options_may_come_before_the_command() -> None:
    assert find_command(["--region", "us-east-1", "--output", "text", "describe-auto-ml-job"]) == 4
    assert find_command(["--debug", "list-auto-ml-jobs", "--max-items", "2"]) == 1
    assert find_command(["describe", "create-auto-ml-job"]) is None  # the existing commands
    assert find_command(["--query", "list-auto-ml-jobs"]) is None  # a value, not the command


def test_help_lists_every_option_of_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["create-auto-ml-job-v2", "help"]) == 0
    out = capsys.readouterr().out
    for option in ("--auto-ml-job-input-data-config", "--auto-ml-problem-type-config", "--tags"):
        assert option in out
    assert "Possible values: Stopped" not in out  # enums are listed where they apply
    assert main(["list-auto-ml-jobs", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Possible values: Completed, InProgress, Failed, Stopped, Stopping." in out


# -- semantics ------------------------------------------------------------------------------------


def test_create_auto_ml_job_is_linted_and_sent_as_v2(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    v1 = tabular_v1_request("churn")
    expected_v2 = {
        "AutoMLJobName": "churn",
        "AutoMLJobInputDataConfig": [{"DataSource": v1["InputDataConfig"][0]["DataSource"]}],
        "OutputDataConfig": v1["OutputDataConfig"],
        "AutoMLProblemTypeConfig": {
            "TabularJobConfig": {
                "CompletionCriteria": {"MaxCandidates": 3},
                "ProblemType": "BinaryClassification",
                "TargetAttributeName": "churned",
            }
        },
        "AutoMLJobObjective": {"MetricName": "F1"},
        "RoleArn": v1["RoleArn"],
    }
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, expected_v2)
    assert run(sagemaker, "create-auto-ml-job", "--cli-input-json", json.dumps(v1)) == 0
    assert json.loads(capsys.readouterr().out) == {"AutoMLJobArn": ARN}


def test_lint_errors_exit_252_with_the_findings_on_stderr(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    request = tabular_v2_request() | {"RoleArn": "role"}
    assert run(sagemaker, "create-auto-ml-job-v2", "--cli-input-json", json.dumps(request)) == 252
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0] == (
        "error E1004 RoleArn: RoleArn is too short (got 'role' with 4 characters; "
        "expected 20 to 2048 characters)"
    )
    assert err.splitlines()[-1] == (
        "automl-sdk: 1 lint error in the CreateAutoMLJobV2 request: nothing was sent"
    )


def test_describe_auto_ml_job_describes_with_v2_and_prints_v1(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(), {"AutoMLJobName": "churn"})
    assert run(sagemaker, "describe-auto-ml-job", "--auto-ml-job-name", "churn") == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["InputDataConfig"][0]["TargetAttributeName"] == "churned"
    assert printed["ProblemType"] == "BinaryClassification"
    assert printed["CreationTime"] == "2026-01-02T03:04:05+00:00"
    assert "AutoMLProblemTypeConfig" not in printed


def test_describe_auto_ml_job_of_a_v2_only_job_is_a_service_error(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    forecast = described() | {
        "AutoMLProblemTypeConfig": {
            "TimeSeriesForecastingJobConfig": {
                "ForecastFrequency": "1D",
                "ForecastHorizon": 7,
                "TimeSeriesConfig": {
                    "TargetAttributeName": "y",
                    "TimestampAttributeName": "t",
                    "ItemIdentifierAttributeName": "i",
                },
            }
        }
    }
    stubber.add_response("describe_auto_ml_job_v2", forecast, {"AutoMLJobName": "churn"})
    assert run(sagemaker, "describe-auto-ml-job", "--auto-ml-job-name", "churn") == 254
    assert "use describe-auto-ml-job-v2" in capsys.readouterr().err


def test_stop_prints_nothing(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_response("stop_auto_ml_job", {}, {"AutoMLJobName": "churn"})
    assert run(sagemaker, "stop-auto-ml-job", "--auto-ml-job-name", "churn") == 0
    assert capsys.readouterr() == ("", "")


# -- output formats and --query on describe and list -------------------------------------------


def test_describe_as_text(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(), {"AutoMLJobName": "churn"})
    assert (
        run(sagemaker, "describe-auto-ml-job-v2", "--auto-ml-job-name", "churn", "--output", "text")
        == 0
    )
    assert capsys.readouterr().out == (
        f"{ARN}\tchurn\tTrainingModels\tInProgress\t2026-01-02T03:04:05+00:00\t"
        "2026-01-02T03:04:05+00:00\tarn:aws:iam::123456789012:role/AutoMLRole\n"
        "AUTOMLJOBINPUTDATACONFIG\ttraining\ttext/csv;header=present\n"
        "S3DATASOURCE\tS3Prefix\ts3://b/train/\n"
        "AUTOMLJOBOBJECTIVE\tF1\n"
        "TABULARJOBCONFIG\tBinaryClassification\tchurned\n"
        "COMPLETIONCRITERIA\t10\n"
        "OUTPUTDATACONFIG\ts3://b/output/\n"
    )  # fmt: skip


def test_describe_with_query_as_table(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(), {"AutoMLJobName": "churn"})
    query = "{Name: AutoMLJobName, Status: AutoMLJobStatus, Channels: AutoMLJobInputDataConfig[].ChannelType}"
    assert run(
        sagemaker, "describe-auto-ml-job-v2", "--auto-ml-job-name", "churn",
        "--output", "table", "--query", query, "--color", "off",
    ) == 0  # fmt: skip
    assert capsys.readouterr().out == (
        "-------------------------\n"
        "|  DescribeAutoMLJobV2  |\n"
        "+--------+--------------+\n"
        "|  Name  |   Status     |\n"
        "+--------+--------------+\n"
        "|  churn |  InProgress  |\n"
        "+--------+--------------+\n"
        "||      Channels       ||\n"
        "|+---------------------+|\n"
        "||  training           ||\n"
        "|+---------------------+|\n"
    )


def test_table_colors_cells_when_asked(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(), {"AutoMLJobName": "churn"})
    assert run(
        sagemaker, "describe-auto-ml-job-v2", "--auto-ml-job-name", "churn",
        "--output", "table", "--query", "{Name: AutoMLJobName}", "--color", "on",
    ) == 0  # fmt: skip
    assert "\x1b[1m\x1b[34mchurn\x1b[0m" in capsys.readouterr().out


def test_list_as_text_table_and_yaml(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    page = {"AutoMLJobSummaries": [summary("a"), summary("b", "Stopped")]}
    for _ in range(3):
        stubber.add_response("list_auto_ml_jobs", page, {})
    query = "AutoMLJobSummaries[].[AutoMLJobName, AutoMLJobStatus]"
    assert run(sagemaker, "list-auto-ml-jobs", "--output", "text", "--query", query) == 0
    assert capsys.readouterr().out == "a\tInProgress\nb\tStopped\n"

    query = "AutoMLJobSummaries[].{Name: AutoMLJobName, Status: AutoMLJobStatus}"
    assert run(sagemaker, "list-auto-ml-jobs", "--output", "table", "--query", query) == 0
    assert capsys.readouterr().out == (
        "------------------------\n"
        "|    ListAutoMLJobs    |\n"
        "+-------+--------------+\n"
        "| Name  |   Status     |\n"
        "+-------+--------------+\n"
        "|  a    |  InProgress  |\n"
        "|  b    |  Stopped     |\n"
        "+-------+--------------+\n"
    )

    assert run(sagemaker, "list-auto-ml-jobs", "--output", "yaml") == 0
    listed = yaml.safe_load(capsys.readouterr().out)
    assert [job["AutoMLJobName"] for job in listed["AutoMLJobSummaries"]] == ["a", "b"]
    assert listed["AutoMLJobSummaries"][0]["CreationTime"] == "2026-01-02T03:04:05+00:00"


def test_list_candidates_pages_and_truncates_with_a_next_token(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [candidate("c1"), candidate("c2")], "NextToken": "t1"},
        {"AutoMLJobName": "churn", "MaxResults": 2},
    )
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [candidate("c3")]},
        {"AutoMLJobName": "churn", "MaxResults": 2, "NextToken": "t1"},
    )
    assert run(
        sagemaker, "list-candidates-for-auto-ml-job", "--auto-ml-job-name", "churn",
        "--page-size", "2", "--max-items", "3", "--query", "Candidates[].CandidateName",
    ) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out) == ["c1", "c2", "c3"]

    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [candidate("c1"), candidate("c2")], "NextToken": "t1"},
        {"AutoMLJobName": "churn"},
    )
    assert run(
        sagemaker, "list-candidates-for-auto-ml-job", "--auto-ml-job-name", "churn",
        "--max-items", "1",
    ) == 0  # fmt: skip
    printed = json.loads(capsys.readouterr().out)
    assert [c["CandidateName"] for c in printed["Candidates"]] == ["c1"]
    assert printed["NextToken"]


# -- skeletons ---------------------------------------------------------------------------------


def test_input_skeletons_lint_clean_and_output_skeletons_follow_the_shape(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from automl_sdk.lint import lint_request
    from automl_sdk.lint._skeletons import skeleton
    from automl_sdk.migrate import migrate_request

    assert main(["create-auto-ml-job", "--generate-cli-skeleton"]) == 0
    v1 = json.loads(capsys.readouterr().out)
    assert lint_request(v1, operation="CreateAutoMLJob") == []
    assert migrate_request(v1)[0] == skeleton("tabular")[0]

    assert main(["create-auto-ml-job-v2", "--generate-cli-skeleton", "yaml-input"]) == 0
    v2 = yaml.safe_load(capsys.readouterr().out)
    assert v2 == skeleton("tabular")[0]
    assert lint_request(v2, operation="CreateAutoMLJobV2") == []

    assert main(["list-auto-ml-jobs", "--generate-cli-skeleton"]) == 0
    assert json.loads(capsys.readouterr().out)["SortBy"] == "CreationTime"

    args = ["describe-auto-ml-job-v2", "--generate-cli-skeleton", "output"]
    assert main([*args, "--auto-ml-job-name", "x", "--query", "AutoMLJobStatus"]) == 0
    assert json.loads(capsys.readouterr().out) == "Completed"  # the enum's first value


# -- exit codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["describe-auto-ml-job-v2"], "automl-sdk: the following arguments are required: --auto-ml-job-name\n"),
        (["describe-auto-ml-job-v2", "--auto-ml-job-name", "x", "--nope", "1"], "automl-sdk: Unknown options: --nope, 1\n"),
        (["describe-auto-ml-job-v2", "--auto-ml-job-name", "x", "--output", "xml"], "automl-sdk: argument --output: invalid choice: 'xml' (choose from 'json', 'text', 'table', 'yaml')\n"),
        (["describe-auto-ml-job-v2", "--auto-ml-job-name", "x", "--query", "["], None),
        (["list-auto-ml-jobs", "--no-paginate", "--max-items", "2"], "automl-sdk: Cannot specify --no-paginate along with pagination arguments: --max-items\n"),
        (["list-auto-ml-jobs", "--page-size", "0"], "automl-sdk: argument --page-size: must be at least 1, received: '0'\n"),
        (["describe-auto-ml-job-v2", "--cli-input-json", "{}"], 'automl-sdk: Parameter validation failed:\nMissing required parameter in input: "AutoMLJobName"\n'),
        (["describe-auto-ml-job-v2", "--cli-input-json", "[]"], "automl-sdk: Error parsing parameter '--cli-input-json': expected a JSON object of request members, got list\n"),
        (["describe-auto-ml-job", "--cli-input-json", '{"AutoMLJobName": "x", "Extra": 1}'], 'automl-sdk: Parameter validation failed:\nUnknown parameter in input: "Extra", must be one of: AutoMLJobName\n'),
        (["create-auto-ml-job", "--output-data-config", "S3OutputPath"], None),
    ],
)  # fmt: skip
def test_syntax_and_parameter_errors_exit_252(
    sagemaker: Any,
    stubber: Stubber,
    argv: list[str],
    message: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(sagemaker, *argv) == 252
    err = capsys.readouterr().err
    if message is not None:
        assert err == message
    assert "Traceback" not in err


def test_a_bad_query_names_itself(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(sagemaker, "describe-auto-ml-job-v2", "--auto-ml-job-name", "x", "--query", "[") == 252
    )
    assert capsys.readouterr().err.startswith("automl-sdk: Bad value for --query [: ")


def test_botocore_validation_errors_exit_252(capsys: pytest.CaptureFixture[str]) -> None:
    # The Stubber answers before botocore validates; this client would only reach loopback.
    local = botocore.session.get_session().create_client(
        "sagemaker",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    argv = ("list-auto-ml-jobs", "--no-paginate", "--cli-input-json", '{"StatusEquals": 5}')
    assert run(local, *argv) == 252
    assert capsys.readouterr().err == (
        "automl-sdk: Parameter validation failed:\nInvalid type for parameter StatusEquals, "
        "value: 5, type: <class 'int'>, valid types: <class 'str'>\n"
    )


def test_service_errors_exit_254(
    sagemaker: Any, stubber: Stubber, capsys: pytest.CaptureFixture[str]
) -> None:
    stubber.add_client_error(
        "describe_auto_ml_job_v2", "ResourceNotFound", "Could not find job churn."
    )
    assert run(sagemaker, "describe-auto-ml-job-v2", "--auto-ml-job-name", "churn") == 254
    assert capsys.readouterr().err == (
        "automl-sdk: An error occurred (ResourceNotFound) when calling the DescribeAutoMLJobV2 "
        "operation: Could not find job churn.\n"
    )


class _Failing:
    """A stand-in SageMaker client whose every call raises ``error``."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def __getattr__(self, name: str) -> Any:
        def call(**kwargs: Any) -> Any:
            raise self.error

        return call


def test_credentials_errors_exit_253(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(_Failing(NoCredentialsError()), "stop-auto-ml-job", "--auto-ml-job-name", "x")
    assert (code, capsys.readouterr().err) == (253, "automl-sdk: Unable to locate credentials\n")


def test_other_errors_exit_255(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(_Failing(RuntimeError("boom")), "stop-auto-ml-job", "--auto-ml-job-name", "x")
    assert (code, capsys.readouterr().err) == (255, "automl-sdk: RuntimeError: boom\n")


def test_ctrl_c_exits_130(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(_Failing(KeyboardInterrupt()), "stop-auto-ml-job", "--auto-ml-job-name", "x")
    assert (code, capsys.readouterr().err) == (130, "automl-sdk: interrupted\n")


def test_yaml_without_pyyaml_is_a_one_line_hint(
    sagemaker: Any,
    stubber: Stubber,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "yaml", None)
    argv = ("describe-auto-ml-job-v2", "--auto-ml-job-name", "x", "--output", "yaml")
    assert run(sagemaker, *argv) == 252  # refused before anything is sent
    assert capsys.readouterr().err == (
        "automl-sdk: YAML needs PyYAML: pip install 'automl-sdk[yaml]'\n"
    )


class _ClosedPipe:
    """stdout of a reader that has gone away (``... | head -1``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError("no file descriptor")


def test_a_closed_pipe_ends_quietly(
    sagemaker: Any,
    stubber: Stubber,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stubber.add_response("list_auto_ml_jobs", {"AutoMLJobSummaries": [summary("a")]}, {})
    monkeypatch.setattr("automl_sdk.client.AutoMLClient._make_client", lambda self: sagemaker)
    monkeypatch.setattr("automl_sdk._cli.aws._run.make_client", lambda args, session: sagemaker)
    monkeypatch.setattr("sys.stdout", _ClosedPipe())
    assert main(["list-auto-ml-jobs", "--output", "text", "--region", "us-east-1"]) == 141
    assert capsys.readouterr().err == ""


def test_an_unknown_output_format_from_the_environment_is_refused_before_sending(
    sagemaker: Any,
    stubber: Stubber,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("AWS_DEFAULT_OUTPUT", "xml")
    assert run(sagemaker, "stop-auto-ml-job", "--auto-ml-job-name", "x") == 252
    assert capsys.readouterr().err == (
        "automl-sdk: Unknown output type: xml (choose from json, text, table, yaml)\n"
    )
