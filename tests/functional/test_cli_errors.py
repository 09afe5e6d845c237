"""The CLI frame: AWS errors as one line, usage errors with exit 2, no traceback."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from automl_sdk.cli import build_parser, describe_aws_error, main

DATA = Path(__file__).resolve().parents[1] / "data" / "requests"


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


# -- a closed stdout -----------------------------------------------------------------------


def run_into_a_closed_pipe(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI with stdout a real pipe whose reading end is already closed (as when
    ``| head`` has exited): every write to it fails with EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "automl_sdk", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["skeleton", "--problem-type", "tabular"], id="skeleton"),
        pytest.param(
            ["lint", "--select", "E,W,I", str(DATA / "v2_tabular_minimal.json")], id="lint"
        ),
        pytest.param(["lint", "--format", "sarif", str(DATA / "v2_tabular.json")], id="lint-sarif"),
        pytest.param(["migrate", str(DATA / "v1_tabular.json")], id="migrate"),
    ],
)
def test_a_closed_stdout_ends_quietly_with_the_sigpipe_code(
    argv: list[str], tmp_path: Path
) -> None:
    result = run_into_a_closed_pipe(*argv, cwd=tmp_path)
    notes = result.stderr.splitlines()  # skeleton's notes go to stderr before the JSON
    assert all(line.startswith("# ") for line in notes) if argv[0] == "skeleton" else notes == []
    assert result.returncode == 141


@pytest.mark.parametrize("argv", [["--help"], ["lint", "--help"]], ids=["help", "lint-help"])
def test_help_into_a_closed_stdout_ends_quietly(argv: list[str]) -> None:
    result = run_into_a_closed_pipe(*argv)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_pipe_into_head_ends_quietly(tmp_path: Path) -> None:
    # Enough output to fill the pipe after head has read its line and gone.
    files = [str(DATA / "v2_tabular_minimal.json")] * 400
    script = (
        f"{shlex.quote(sys.executable)} -m automl_sdk lint --include-info "
        f"{' '.join(shlex.quote(f) for f in files)} | head -n 1"
    )
    result = subprocess.run(
        ["sh", "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False
    )
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1


# -- help and options -------------------------------------------------------------------------

AWS_COMMANDS = {"check", "create", "describe", "wait", "stop", "list", "candidates"}
AWS_COMMANDS |= {"deploy", "transform", "predict", "undeploy"}
LOCAL_COMMANDS = {"lint", "skeleton", "migrate"}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_subcommand_and_option_has_help_text() -> None:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in action._choices_actions}
    for name, sub in subcommands().items():
        assert helps.get(name), f"{name} has no one-line help"
        assert sub.description, f"{name} has no description"
        for option in sub._actions:
            assert option.help, (name, option.dest)
            assert option.help != argparse.SUPPRESS, (name, option.dest)
    assert all(option.help for option in parser._actions)


def test_aws_options_appear_only_on_commands_that_call_aws() -> None:
    commands = subcommands()
    assert set(commands) >= AWS_COMMANDS | LOCAL_COMMANDS
    for name, sub in commands.items():
        options = {flag for action in sub._actions for flag in action.option_strings}
        has_aws = {"--region", "--profile", "--endpoint-url"} <= options
        assert has_aws == (name in AWS_COMMANDS), name


def test_an_aws_option_on_a_local_command_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["skeleton", "--problem-type", "tabular", "--region", "eu-west-1"])
    assert caught.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "automl-sdk: error: unrecognized arguments: --region eu-west-1"
    )


def test_the_list_command_has_a_description() -> None:
    assert subcommands()["list"].description == (
        'Print {"AutoMLJobSummaries": [...]} with every page of ListAutoMLJobs (the service '
        "applies the filters and the sort); --max-items stops after N jobs."
    )


def test_no_region_says_how_to_give_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    assert main(["describe", "churn"]) == 2
    assert capsys.readouterr() == (
        "",
        "automl-sdk: error: no AWS region is configured: pass --region REGION "
        "(e.g. --region us-east-1) or set AWS_DEFAULT_REGION\n",
    )


def test_command_modules_never_import_the_cli_module() -> None:
    code = (
        "import sys, importlib; from automl_sdk.cli import COMMAND_MODULES; "
        "sys.modules.pop('automl_sdk.cli'); "
        "[importlib.import_module(m) for m in COMMAND_MODULES]; "
        "print('automl_sdk.cli' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
