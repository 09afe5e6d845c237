"""The CLI frame: AWS errors as one line, usage errors with exit 2, no traceback."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from automl_sdk.cli import describe_aws_error, main


def test_client_error_is_code_message_and_job() -> None:
    error = ClientError(
        {"Error": {"Code": "ResourceNotFound", "Message": "Job not found"}}, "DescribeAutoMLJobV2"
    )
    assert describe_aws_error(error, "churn-1") == "ResourceNotFound: Job not found (job churn-1)"


def test_an_html_error_body_prints_as_one_short_line() -> None:
    page = (
        "<html>\n<head><title>500 Internal Server Error</title></head>\n" + "<p>trace</p>\n" * 200
    )
    error = ClientError({"Error": {"Code": "500", "Message": page}}, "ListCandidatesForAutoMLJob")
    line = describe_aws_error(error)
    assert "\n" not in line
    assert line.startswith(
        "500: <html> <head><title>500 Internal Server Error</title></head> <p>trace</p>"
    )
    assert len(line) == 300
    assert line.endswith("...")


def test_errors_without_a_response_name_their_type() -> None:
    error = EndpointConnectionError(endpoint_url="http://127.0.0.1:9")
    assert (
        describe_aws_error(error)
        == 'EndpointConnectionError: Could not connect to the endpoint URL: "http://127.0.0.1:9"'
    )


def test_no_subcommand_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: automl-sdk" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("automl-sdk 0.1.0")
