"""``--output`` and ``--query`` on the existing ``describe``, ``list`` and ``candidates`` commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
import yaml
from botocore.stub import Stubber

from automl_sdk.cli import main
from tests.support.requests import tabular_v2_request
from tests.support.responses import WHEN, candidate


@pytest.fixture
def stubber(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stubber]:
    """Every AutoMLClient the CLI makes uses one stubbed SageMaker client."""
    client = botocore.session.get_session().create_client(
        "sagemaker",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    monkeypatch.setattr(
        "automl_sdk.client.AutoMLClient._make_client", lambda self: client, raising=True
    )
    with Stubber(client) as stub:
        yield stub
        stub.assert_no_pending_responses()


def described() -> dict[str, Any]:
    request = tabular_v2_request("churn")
    return {
        key: request[key]
        for key in ("AutoMLJobName", "AutoMLJobInputDataConfig", "OutputDataConfig", "RoleArn")
    } | {
        "AutoMLJobArn": "arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn",
        "AutoMLProblemTypeConfig": request["AutoMLProblemTypeConfig"],
        "CreationTime": WHEN,
        "LastModifiedTime": WHEN,
        "AutoMLJobStatus": "InProgress",
        "AutoMLJobSecondaryStatus": "TrainingModels",
    }


def test_describe_query_as_text(stubber: Stubber, capsys: pytest.CaptureFixture[str]) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(), {"AutoMLJobName": "churn"})
    argv = ["describe", "churn", "--region", "us-east-1", "--output", "text"]
    assert main([*argv, "--query", "[AutoMLJobName, AutoMLJobStatus, CreationTime]"]) == 0
    assert capsys.readouterr().out == "churn\tInProgress\t2026-01-02T03:04:05+00:00\n"


def test_describe_v1_as_yaml(stubber: Stubber, capsys: pytest.CaptureFixture[str]) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(), {"AutoMLJobName": "churn"})
    assert main(["describe", "churn", "--v1", "--region", "us-east-1", "--output", "yaml"]) == 0
    printed = yaml.safe_load(capsys.readouterr().out)
    assert printed["ProblemType"] == "BinaryClassification"
    assert printed["InputDataConfig"][0]["TargetAttributeName"] == "churned"


def test_default_output_is_unchanged(stubber: Stubber, capsys: pytest.CaptureFixture[str]) -> None:
    stubber.add_response("describe_auto_ml_job_v2", described(), {"AutoMLJobName": "churn"})
    assert main(["describe", "churn", "--region", "us-east-1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('{\n  "AutoMLJobName": "churn",\n')  # JSON indented by 2, as before
    assert json.loads(out)["CreationTime"] == "2026-01-02T03:04:05+00:00"


def test_list_as_table(stubber: Stubber, capsys: pytest.CaptureFixture[str]) -> None:
    summary = {
        "AutoMLJobName": "churn",
        "AutoMLJobArn": "arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn",
        "AutoMLJobStatus": "Completed",
        "AutoMLJobSecondaryStatus": "Completed",
        "CreationTime": WHEN,
        "LastModifiedTime": WHEN,
    }
    stubber.add_response("list_auto_ml_jobs", {"AutoMLJobSummaries": [summary]}, {})
    query = "AutoMLJobSummaries[].{Name: AutoMLJobName, Status: AutoMLJobStatus}"
    assert main(["list", "--region", "us-east-1", "--output", "table", "--query", query]) == 0
    assert capsys.readouterr().out == (
        "------------------------\n"
        "|    ListAutoMLJobs    |\n"
        "+--------+-------------+\n"
        "|  Name  |   Status    |\n"
        "+--------+-------------+\n"
        "|  churn |  Completed  |\n"
        "+--------+-------------+\n"
    )


def test_candidates_query(stubber: Stubber, capsys: pytest.CaptureFixture[str]) -> None:
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [candidate("low", 0.5), candidate("high", 0.9)]},
        {"AutoMLJobName": "churn"},
    )
    argv = ["candidates", "churn", "--region", "us-east-1", "--output", "text"]
    assert main([*argv, "--query", "Candidates[].CandidateName"]) == 0
    assert capsys.readouterr().out == "high\tlow\n"


def test_a_bad_query_is_a_usage_error_before_anything_is_sent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["describe", "churn", "--query", "[", "--region", "us-east-1"])
    assert exited.value.code == 2
    assert "argument --query: Bad value for --query [:" in capsys.readouterr().err


def test_yaml_without_pyyaml_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(SystemExit) as exited:
        main(["list", "--output", "yaml", "--region", "us-east-1"])
    assert exited.value.code == 2
    assert capsys.readouterr().err.endswith(
        "error: YAML needs PyYAML: pip install 'automl-sdk[yaml]'\n"
    )
