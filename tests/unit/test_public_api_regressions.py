"""Inputs the public-API fuzz (test_public_api_fuzz.py) found raising undocumented errors.

One named test per fix, with the exact input the fuzz reported.
"""

from __future__ import annotations

import math
from typing import Any

import boto3
import pytest
from botocore.exceptions import ParamValidationError
from botocore.stub import Stubber

from automl_sdk import (
    AutoMLClient,
    DeployTimeoutError,
    WaitTimeoutError,
    WaitUpdate,
    check_request,
)
from tests.support.jobs import FakeClock


@pytest.mark.parametrize("parameter", ["timeout", "delay", "max_calls_per_second"])
def test_wait_parameter_beyond_floats_is_a_value_error_naming_it(parameter: str) -> None:
    clock = FakeClock()
    options: dict[str, Any] = {parameter: 10**400}
    waits = AutoMLClient(region_name="us-east-1").wait_many(
        ["churn"], **options, clock=clock, sleep=clock.sleep
    )
    with pytest.raises(ValueError, match=parameter) as raised:
        next(waits)
    assert str(raised.value) == (
        f"{parameter} must be a finite number {'>= 0' if parameter == 'timeout' else '> 0'} "
        "(got an integer beyond floats)"
    )


@pytest.mark.parametrize(
    ("elapsed", "waited"),
    [(math.nan, "?"), (math.inf, "?"), (-math.inf, "?"), (10**20, "27777777777777777:46:40")],
)
def test_wait_update_text_with_any_elapsed_seconds(elapsed: float, waited: str) -> None:
    update = WaitUpdate(job_name="churn", elapsed=elapsed, describes=1, description=None)
    assert str(update) == f"churn  ?/?  waited {waited}"


def test_wait_update_trouble_with_a_retry_beyond_floats() -> None:
    update = WaitUpdate(
        job_name="churn",
        elapsed=0,
        describes=1,
        description=None,
        reason="throttled",
        retry_in=10**400,
    )
    assert update.trouble == f"describe failed: throttled, retrying in {10**400} s"


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (None, "names must be an iterable of job names (got NoneType)"),
        ("churn", "names must be an iterable of job names (got str)"),
        ([b"churn"], "a job name must be a string (got bytes)"),
        ([["churn"]], "a job name must be a string (got list)"),
    ],
)
def test_wait_many_names_that_are_not_strings_are_a_type_error(names: object, message: str) -> None:
    clock = FakeClock()
    waits = AutoMLClient(region_name="us-east-1").wait_many(
        names,  # type: ignore[arg-type]
        clock=clock,
        sleep=clock.sleep,
    )
    with pytest.raises(TypeError) as raised:
        next(waits)
    assert str(raised.value) == message


def test_wait_for_a_name_that_is_not_a_string_is_a_type_error_before_any_call() -> None:
    client = AutoMLClient(region_name="us-east-1", endpoint_url="http://127.0.0.1:9")
    with pytest.raises(TypeError) as raised:
        client.wait([], timeout=0)  # type: ignore[arg-type]
    assert str(raised.value) == "a job name must be a string (got list)"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"select": False}, "select must be an iterable of rule id prefixes (got bool)"),
        ({"select": "E7"}, "select must be an iterable of rule id prefixes (got str)"),
        ({"ignore": [b"W9"]}, "ignore must hold rule id prefixes, strings (got bytes)"),
        ({"ignore": 5}, "ignore must be an iterable of rule id prefixes (got int)"),
    ],
)
def test_check_request_select_and_ignore_that_are_not_prefixes_are_a_type_error(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError) as raised:
        check_request({}, endpoint_url="http://127.0.0.1:9", **options)  # type: ignore[arg-type]
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("waited", "shown"), [(10**400, f"{10**400}"), (12.6, "13"), (math.nan, "nan"), (7, "7")]
)
def test_wait_timeout_error_shows_any_number_of_waited_seconds(waited: float, shown: str) -> None:
    error = WaitTimeoutError(job_name="churn", last_status="InProgress", waited_seconds=waited)
    assert str(error) == (
        f"gave up waiting for AutoML job 'churn' after {shown}s; it is still running "
        "(last status InProgress) and was not stopped"
    )


@pytest.mark.parametrize(
    ("config", "report"),
    [
        (5, "Invalid type for parameter PaginationConfig, must be a dict (got int)"),
        (
            {"MaxItems": "x"},
            "Invalid value for parameter PaginationConfig.MaxItems, must be a positive integer "
            "(got str)",
        ),
        (
            {"StartingToken": 3},
            "Invalid value for parameter PaginationConfig.StartingToken, must be a string "
            "(got int)",
        ),
        (
            {"Pages": 1},
            "Unknown parameter in PaginationConfig: 'Pages', must be one of: MaxItems, "
            "PageSize, StartingToken",
        ),
    ],
)
def test_a_pagination_config_botocore_cannot_use_is_a_param_validation_error(
    config: object, report: str
) -> None:
    sagemaker = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
    ).client("sagemaker", endpoint_url="http://127.0.0.1:9")
    client = AutoMLClient(sagemaker)
    with Stubber(sagemaker):  # nothing queued: any call would fail the test
        with pytest.raises(ParamValidationError) as listed:
            list(client.iter_jobs(PaginationConfig=config))
        with pytest.raises(ParamValidationError) as ranked:
            client.candidates("churn", PaginationConfig=config)
    assert str(listed.value) == str(ranked.value) == f"Parameter validation failed:\n{report}"


@pytest.mark.parametrize("option", ["region_name", "profile_name", "endpoint_url"])
def test_client_options_that_are_not_strings_are_a_type_error_naming_them(option: str) -> None:
    options: dict[str, Any] = {option: b"http://user:secret@127.0.0.1:9"}
    with pytest.raises(TypeError) as raised:
        AutoMLClient(**options)
    assert str(raised.value) == f"{option} must be a string (got bytes)"


def test_deploy_timeout_error_shows_an_integer_waited_seconds_beyond_floats() -> None:
    error = DeployTimeoutError(
        kind="endpoint",
        name="churn-ep",
        last_status="Creating",
        waited_seconds=10**400,
        resources=(),
    )
    assert f"after {10**400}s " in str(error)


def test_client_check_of_a_request_lint_refuses_needs_no_region(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    # The check's clients are made after lint passes: lint errors come back, not NoRegionError.
    for name in ("AWS_DEFAULT_REGION", "AWS_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    findings = AutoMLClient().check({"AutoMLJobName": "x"}, select=["E1003"])
    assert [(f.rule, f.path) for f in findings] == [
        ("E1003", "AutoMLJobInputDataConfig"),
        ("E1003", "AutoMLProblemTypeConfig"),
        ("E1003", "OutputDataConfig"),
        ("E1003", "RoleArn"),
    ]
