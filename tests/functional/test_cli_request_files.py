"""The one request reader: every command that reads a request words a bad file the same way.

``lint``, ``check``, ``migrate`` and ``create`` read requests through ``automl_sdk._cli.common``;
each bad file kind gives the same single ``automl-sdk: error: FILE:LINE:COL: ...`` line and exit
2 from each, and repeated JSON members are the same findings (E1010 / W1011) for lint, migrate
and create.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore.stub import Stubber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_sdk.cli import main
from automl_sdk.client import AutoMLClient
from tests.support.requests import tabular_v1_request, tabular_v2_request

V2_REQUEST = tabular_v2_request()
V1_REQUEST = tabular_v1_request()
ARN = "arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn"

DEEP = b'{"Tags": ' + b"[" * 5000 + b"]" * 5000 + b"}"
LONG_INTEGER = b'{\n  "AutoMLJobName": "x",\n  "MaxCandidates": ' + b"1" * 5000 + b"\n}"

# (id, file content, what follows "FILE:" in the error line)
BAD_FILES = [
    (
        "empty",
        b"",
        "1:1: not valid JSON: the file is empty (expected a JSON object of request parameters)",
    ),
    (
        "blank",
        b"  \n\n",
        "1:1: not valid JSON: the file is empty (expected a JSON object of request parameters)",
    ),
    (
        "syntax",
        b'{"AutoMLJobName": "x",\n  oops}',
        "2:3: not valid JSON: Expecting property name enclosed in double quotes",
    ),
    (
        "top-level-array",
        b"\n  [1, 2]\n",
        "2:3: not a request: expected a JSON object of request parameters (got an array)",
    ),
    (
        "top-level-string",
        b'"AutoMLJobName"',
        "1:1: not a request: expected a JSON object of request parameters (got a string)",
    ),
    (
        "top-level-number",
        b"12",
        "1:1: not a request: expected a JSON object of request parameters (got a number)",
    ),
    (
        "not-utf8",
        '{\n  "AutoMLJobName": "équipe"\n}'.encode("latin-1"),
        "2:21: not UTF-8 text: byte 0xe9 (invalid continuation byte); save the file as UTF-8",
    ),
    (
        "utf16",
        '{"AutoMLJobName": "x"}'.encode("utf-16"),
        "1:1: not UTF-8 text: the file starts with a UTF-16 byte order mark; save it as UTF-8",
    ),
    (
        "too-deep",
        DEEP,
        # The {, then 499 more [ reach level 500; the next one is column 10 + 499.
        "1:509: not valid JSON: nested more than 500 levels deep, deeper than Python's JSON "
        "parser reads",
    ),
    (
        "integer-too-long",
        LONG_INTEGER,
        "3:20: not a usable number: an integer of 5000 digits (Python reads at most 4300)",
    ),
    (
        "lone-surrogate",
        b'{"AutoMLJobName": "a\\ud800b",\n "RoleArn": "\\\\ud800 is fine escaped"}',
        "1:19: not valid text: a lone surrogate \\ud800 in this string (a UTF-16 half with no "
        "other half); write the character itself",
    ),
    (
        "nan",
        b'{"AutoMLJobName": "x", "MaxCandidates": NaN}',
        "1:41: not valid JSON: NaN is not a JSON number (use a number or a string)",
    ),
    (
        "minus-infinity",
        b'{"MaxCandidates": -Infinity}',
        "1:19: not valid JSON: -Infinity is not a JSON number (use a number or a string)",
    ),
]
COMMANDS = ["lint", "check", "migrate", "create"]


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No pyproject.toml above tmp_path's own directory may change lint's rule selection.
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def sagemaker() -> Any:
    """One botocore client for the module (making one takes a quarter of a second)."""
    return botocore.session.get_session().create_client(
        "sagemaker", region_name="us-east-1", aws_access_key_id="t", aws_secret_access_key="t"
    )


@pytest.fixture
def stubber(sagemaker: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Stubber]:
    """Every AutoMLClient the CLI makes gets the stubbed client: an unexpected call fails."""
    monkeypatch.setattr(AutoMLClient, "_make_client", lambda self: sagemaker)
    with Stubber(sagemaker) as stub:
        yield stub
        stub.assert_no_pending_responses()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("content", "message"), [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES]
)
def test_every_bad_file_kind_is_one_line_and_exit_2_for_every_command(
    stubber: Stubber,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    content: bytes,
    message: str,
) -> None:
    path = tmp_path / "request.json"
    path.write_bytes(content)
    assert run([command, str(path)], capsys) == (2, "", f"automl-sdk: error: {path}:{message}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["request.json"]  # nothing written


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_file_is_the_same_line_for_every_command(
    stubber: Stubber, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert run([command, "nope.json"], capsys) == (
        2,
        "",
        "automl-sdk: error: nope.json: cannot read file: No such file or directory\n",
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_stdin_is_named_stdin_in_errors(
    stubber: Stubber,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("[]"))
    assert run([command, "-"], capsys) == (
        2,
        "",
        "automl-sdk: error: <stdin>:1:1: not a request: expected a JSON object of request "
        "parameters (got an array)\n",
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_file_urls_name_the_path(
    stubber: Stubber, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (tmp_path / "broken.json").write_text("{")
    assert run([command, "file://broken.json"], capsys) == (
        2,
        "",
        "automl-sdk: error: broken.json:1:2: not valid JSON: Expecting property name enclosed "
        "in double quotes\n",
    )


def test_create_reads_stdin_and_file_urls(
    stubber: Stubber,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, V2_REQUEST)
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(V2_REQUEST)))
    assert run(["create", "-"], capsys) == (
        0,
        json.dumps({"AutoMLJobArn": ARN}, indent=2) + "\n",
        "",
    )

    # The second create of the same request describes the existing job instead.
    (tmp_path / "request.json").write_text(json.dumps(V2_REQUEST))
    stubber.add_client_error("create_auto_ml_job_v2", "ResourceInUse", "Job already exists", 400)
    stubber.add_response(
        "describe_auto_ml_job_v2",
        V2_REQUEST
        | {
            "AutoMLJobArn": ARN,
            "CreationTime": "2026-01-02T03:04:05Z",
            "LastModifiedTime": "2026-01-02T03:04:05Z",
            "AutoMLJobStatus": "InProgress",
            "AutoMLJobSecondaryStatus": "Starting",
        },
    )
    code, out, _ = run(["create", f"file://{tmp_path / 'request.json'}"], capsys)
    assert (code, json.loads(out)) == (0, {"AutoMLJobArn": ARN})


def test_lint_and_migrate_read_file_urls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "v1.json").write_text(json.dumps(V1_REQUEST))
    code, out, _ = run(["lint", "--select", "E", "file://v1.json"], capsys)
    assert (code, out) == (0, "No problems found in 1 file.\n")
    code, out, err = run(["migrate", "file://v1.json"], capsys)
    assert code == 0
    assert json.loads(out)["AutoMLJobName"] == "churn"
    assert err.startswith("v1.json -> <stdout>\n")


def test_an_empty_file_url_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["lint", "file://"], capsys) == (
        2,
        "",
        "automl-sdk: error: file://: file:// needs a file name after it\n",
    )


# -- repeated members -------------------------------------------------------------------------


def with_repeated_name(request: dict[str, Any], value: str) -> str:
    """The request's JSON text with ``AutoMLJobName`` written a second time, on line 2."""
    return json.dumps(request)[:-1] + f',\n "AutoMLJobName": "{value}"}}\n'


SAME = (
    "{file}:2:2: W1011 [warning] AutoMLJobName: member AutoMLJobName appears 2 times in this "
    "object with the same value (expected once); remove the copies"
)
DIFFERENT = (
    "{file}:2:2: E1010 [error] AutoMLJobName: member AutoMLJobName appears more than once in "
    "this object (got 2 occurrences; expected one); JSON readers keep only the last one, so "
    "remove the others"
)


def test_lint_repeated_member_with_the_same_value_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "request.json"
    path.write_text(with_repeated_name(V2_REQUEST, "churn"))
    assert run(["lint", "--select", "E,W1", str(path)], capsys) == (
        0,
        SAME.format(file=path) + "\nFound 1 problem in 1 file (0 errors, 1 warning, 0 info).\n",
        "",
    )


def test_lint_repeated_member_with_different_values_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "request.json"
    path.write_text(with_repeated_name(V2_REQUEST, "other"))
    code, out, _ = run(["lint", "--format", "json", "--select", "E1010,W1011", str(path)], capsys)
    assert code == 1
    assert json.loads(out) == [
        {
            "file": str(path),
            "rule": "E1010",
            "severity": "error",
            "path": "AutoMLJobName",
            "message": DIFFERENT.split(": ", 2)[2],
            "line": 2,
            "column": 2,
        }
    ]


def test_repeats_in_nested_objects_and_lists_are_found_at_their_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        '{"Tags": [{"Key": "a", "Value": "1"},\n'
        ' {"Key": "b", "Value": "1", "Value": 1, "Value": "1"}],\n'
        ' "OutputDataConfig": {"S3OutputPath": "s3://b/o", "S3OutputPath": "s3://b/o"}}'
    )
    path = tmp_path / "request.json"
    path.write_text(text)
    code, out, _ = run(["lint", "--select", "E1010,W1011", str(path)], capsys)
    assert code == 1  # 1 and "1" are different values
    assert out.splitlines() == [
        f"{path}:2:41: E1010 [error] Tags[1].Value: member Value appears more than once in this "
        "object (got 3 occurrences; expected one); JSON readers keep only the last one, so "
        "remove the others",
        f"{path}:3:51: W1011 [warning] OutputDataConfig.S3OutputPath: member S3OutputPath "
        "appears 2 times in this object with the same value (expected once); remove the copies",
        "Found 2 problems in 1 file (1 error, 1 warning, 0 info).",
    ]


def test_create_refuses_a_repeated_member_with_different_values(
    stubber: Stubber, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "request.json"
    path.write_text(with_repeated_name(V2_REQUEST, "other"))
    code, out, err = run(["create", str(path)], capsys)  # the stubber allows no call
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert DIFFERENT.format(file=path) in lines
    assert lines[-1] == f"{path}: nothing was sent (CreateAutoMLJobV2)"


def test_create_sends_a_repeated_member_with_the_same_value(
    stubber: Stubber, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "request.json"
    path.write_text(with_repeated_name(V2_REQUEST, "churn"))
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN}, V2_REQUEST)
    code, out, _ = run(["create", str(path)], capsys)
    assert (code, json.loads(out)) == (0, {"AutoMLJobArn": ARN})


def test_create_lists_a_same_value_repeat_beside_other_errors(
    stubber: Stubber, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "request.json"
    path.write_text(with_repeated_name(V2_REQUEST | {"RoleArn": "role"}, "churn"))
    code, _, err = run(["create", str(path)], capsys)
    assert code == 1
    assert SAME.format(file=path) in err.splitlines()


def test_migrate_refuses_a_repeated_member_with_different_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "v1.json"
    path.write_text(with_repeated_name(V1_REQUEST, "other"))
    code, out, err = run(["migrate", str(path)], capsys)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == (
        f"automl-sdk: {path}: cannot migrate: <request>: the request file has 1 lint error(s), "
        "1 of them members written twice with different values; fix them, or translate anyway "
        "with --force (the last value is kept)"
    )
    assert "  " + DIFFERENT.split(": ", 1)[1] in lines


@pytest.mark.parametrize(
    ("options", "value", "line"),
    [
        pytest.param(["--force"], "other", DIFFERENT, id="different-values-forced"),
        pytest.param([], "churn", SAME, id="same-value"),
    ],
)
def test_migrate_translates_the_last_value_and_reports_the_repeat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], value: str, line: str
) -> None:
    path = tmp_path / "v1.json"
    path.write_text(with_repeated_name(V1_REQUEST, value))
    code, out, err = run(["migrate", *options, str(path)], capsys)
    assert code == 0
    assert json.loads(out)["AutoMLJobName"] == value
    assert "  " + line.split(": ", 1)[1] in err.splitlines()


# -- any bytes at all -------------------------------------------------------------------------

JSONISH = st.text(alphabet='{}[]":,. \n\t-+0123456789eEaNIfinty\\ud8c0', max_size=80)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.one_of(st.binary(max_size=120), JSONISH.map(str.encode)))
def test_any_file_is_linted_or_refused_in_one_line(
    content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "any.json"
    path.write_bytes(content)
    code, out, err = run(["lint", "--format", "json", str(path)], capsys)
    if code == 2:
        assert out == "[]\n"
        assert err.startswith(f"automl-sdk: error: {path}:")
        assert err.count("\n") == 1
    else:
        assert (code, err) in {(0, ""), (1, "")}
        assert isinstance(json.loads(out), list)


def test_the_docs_table_of_bad_files_is_what_the_reader_says() -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    section = page.split("## Request files", 1)[1].split("\n## ", 1)[0]
    documented = {
        row.split("`automl-sdk: error: req.json:", 1)[1].rstrip("` |").split(": ", 1)[1]
        for row in section.splitlines()
        if "`automl-sdk: error: req.json:" in row and "cannot read file" not in row
    }
    said = {message.split(": ", 1)[1] for _, _, message in BAD_FILES}
    assert documented
    assert documented <= said
