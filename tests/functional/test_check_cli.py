"""``automl-sdk check`` before any AWS call: lint errors, repeated members, usage.

Every test points all AWS endpoints at a closed port on 127.0.0.1, so a call the check should
not make would show as a "could not check" warning instead of leaving the machine.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from automl_sdk.cli import main
from tests.support.aws import FAKE_CREDENTIALS
from tests.support.requests import tabular_v2_request


@pytest.fixture(autouse=True)
def _nowhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name, value in FAKE_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    monkeypatch.chdir(tmp_path)  # no pyproject.toml selection from the tree


def test_a_repeated_member_is_a_lint_error_and_nothing_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = json.dumps(tabular_v2_request(), indent=2)
    text = text.replace(
        '"RoleArn":', '"RoleArn": "arn:aws:iam::123456789012:role/Other",\n  "RoleArn":'
    )
    path = tmp_path / "repeated.json"
    path.write_text(text)
    assert main(["check", str(path), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["path"]) for f in findings if f["severity"] == "error"] == [
        ("E1010", "RoleArn")
    ]
    assert [f for f in findings if f["rule"][1] in "79"] == []


def test_a_lint_error_stops_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(tabular_v2_request() | {"AutoMLJobName": "bad name"}))
    assert main(["check", str(path), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["path"]) for f in findings if f["severity"] == "error"] == [
        ("E1007", "AutoMLJobName")
    ]
    assert [f for f in findings if f["rule"][1] in "79"] == []


def test_unreachable_aws_is_a_warning_per_check_never_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "good.json"
    path.write_text(json.dumps(tabular_v2_request()))
    assert main(["check", str(path), "--format", "json", "--select", "E7,W7,E9,W9"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert {(f["rule"], f["path"], f["message"].split(";")[0]) for f in findings} == {
        (
            "W7001",
            "AutoMLJobInputDataConfig[0].DataSource.S3DataSource.S3Uri",
            "could not check: EndpointConnectionError on s3:GetBucketLocation",
        ),
        (
            "W7001",
            "AutoMLJobInputDataConfig[0].DataSource.S3DataSource.S3Uri",
            "could not check: EndpointConnectionError on s3:ListObjectsV2",
        ),
        ("W9001", "RoleArn", "could not check: EndpointConnectionError on iam:GetRole"),
    }
