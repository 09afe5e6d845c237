"""Named cases for the hints users need: frequency spellings, channels without data, member
names in snake_case, and where the other API version keeps a member."""

from __future__ import annotations

from typing import Any

import pytest

from automl_sdk.lint import lint_request
from tests.unit.lint.rules.documented_cases import DELETE, example, found, make, run

TS = "AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig"
FREQ = f"{TS}.ForecastFrequency"
TAB = "AutoMLProblemTypeConfig.TabularJobConfig"
UNITS = "expected an integer followed by Y, M, W, D, H or min"

E4013 = [
    pytest.param("v2_time_series_minimal", {FREQ: "1h"}, [("E4013", FREQ)], id="1h"),
    pytest.param("v2_time_series_minimal", {FREQ: "15T"}, [("E4013", FREQ)], id="15T"),
    pytest.param("v2_time_series_minimal", {FREQ: "1d"}, [("E4013", FREQ)], id="1d"),
    pytest.param("v2_time_series_minimal", {FREQ: "1D"}, [], id="1D-valid"),
    pytest.param("v2_time_series_minimal", {FREQ: "D"}, [], id="bare-unit-is-W4001s"),
    pytest.param("v2_time_series_minimal", {FREQ: "60min"}, [], id="overlap-is-E4012s"),
    pytest.param("v2_time_series_minimal", {FREQ: "1.5H"}, [], id="no-guess"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4013)
def test_e4013_frequency_spelling(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4013", make(base, changes)) == expected


@pytest.mark.parametrize(
    ("value", "meant"),
    [
        ("1h", "'1H'"),
        ("15T", "'15min'"),
        ("1d", "'1D'"),
        ("60T", "'1H'"),
        ("7d", "'1W'"),
        ("2days", "'2D'"),
        ("1 H", "'1H'"),
        ("1m", "'1min' or '1M'"),
    ],
)
def test_e4013_says_what_to_write_instead_of_the_pattern(value: str, meant: str) -> None:
    findings = lint_request(make("v2_time_series_minimal", {FREQ: value}), select=["E1", "E4"])

    assert [(f.rule, f.path, f.message) for f in findings] == [
        (
            "E4013",
            FREQ,
            f"ForecastFrequency unit is not spelled as the service expects (got {value!r}; "
            f"{UNITS}); did you mean {meant}?",
        )
    ]


def test_an_unguessable_frequency_keeps_the_pattern_finding() -> None:
    findings = lint_request(make("v2_time_series_minimal", {FREQ: "1.5H"}), select=["E1", "E4"])

    assert [(f.rule, f.path) for f in findings] == [("E1007", FREQ)]


E2023 = [
    pytest.param("v2_tabular_minimal", {}, [], id="with-data-source"),
    pytest.param(
        "v2_tabular_minimal",
        {"AutoMLJobInputDataConfig[0].DataSource": DELETE},
        [("E2023", "AutoMLJobInputDataConfig[0].DataSource")],
        id="v2-missing",
    ),
    pytest.param(
        "v2_tabular",
        {"AutoMLJobInputDataConfig[1].DataSource": DELETE},
        [("E2023", "AutoMLJobInputDataConfig[1].DataSource")],
        id="v2-second-channel",
    ),
    pytest.param(
        "v1_tabular_minimal",
        {"InputDataConfig[0].DataSource": DELETE},
        [("E2023", "InputDataConfig[0].DataSource")],
        id="v1-missing",
    ),
    pytest.param(
        "v2_tabular_minimal",
        {"AutoMLJobInputDataConfig[0].DataSource": None},
        [],
        id="null-is-a-wrong-type",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2023)
def test_e2023_channel_data_source(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2023", make(base, changes)) == expected


def test_e2023_message() -> None:
    request = make("v2_tabular_minimal", {"AutoMLJobInputDataConfig[0].DataSource": DELETE})

    assert [(f.path, f.message) for f in run("E2023", request)] == [
        (
            "AutoMLJobInputDataConfig[0].DataSource",
            "channel has no DataSource (got no DataSource; expected DataSource.S3DataSource "
            "with S3DataType and S3Uri); add the S3 location of the data",
        )
    ]


@pytest.mark.parametrize(
    ("base", "key", "meant"),
    [
        ("v2_tabular_minimal", "auto_ml_job_name", "AutoMLJobName"),
        ("v2_tabular_minimal", "role-arn", "RoleArn"),
        ("v1_tabular_minimal", "input_data_config", "InputDataConfig"),
    ],
)
def test_a_snake_case_member_gets_its_wire_name(base: str, key: str, meant: str) -> None:
    request = example(base)
    request[key] = request.pop(meant)

    operation = "CreateAutoMLJob" if base.startswith("v1") else "CreateAutoMLJobV2"
    findings = lint_request(request, operation=operation, select=["E1001"])
    messages = [f.message for f in findings if f.path == key]

    assert len(messages) == 1
    assert messages[0].endswith(f"; did you mean {meant!r}?")


MIGRATE = "or convert the whole request with `automl-sdk migrate`"
AS_V2 = "or send the request as CreateAutoMLJobV2"


@pytest.mark.parametrize(
    ("base", "changes", "path", "hint"),
    [
        (
            "v2_tabular_minimal",
            {"AutoMLJobConfig": {"Mode": "AUTO"}},
            "AutoMLJobConfig",
            "AutoMLJobConfig is a CreateAutoMLJob (V1) member, not a CreateAutoMLJobV2 one: move "
            f"CandidateGenerationConfig, CompletionCriteria and Mode to {TAB} and move "
            f"DataSplitConfig and SecurityConfig to the top level, {MIGRATE}",
        ),
        (
            "v2_tabular_minimal",
            {f"{TAB}.DataSplitConfig": {"ValidationFraction": 0.2}},
            f"{TAB}.DataSplitConfig",
            "DataSplitConfig is a CreateAutoMLJob (V1) member, not a CreateAutoMLJobV2 one: use "
            f"the top-level DataSplitConfig, {MIGRATE}",
        ),
        (
            "v1_tabular_minimal",
            {"AutoMLProblemTypeConfig": {}},
            "AutoMLProblemTypeConfig",
            "AutoMLProblemTypeConfig is a CreateAutoMLJobV2 member, not a CreateAutoMLJob (V1) "
            "one: a CreateAutoMLJob request sets AutoMLJobConfig, GenerateCandidateDefinitionsOnly, "
            f"ProblemType and InputDataConfig instead, {AS_V2}",
        ),
        (
            "v1_tabular_minimal",
            {"AutoMLJobConfig": {"ProblemType": "Regression"}},
            "AutoMLJobConfig.ProblemType",
            "ProblemType is a CreateAutoMLJobV2 member, not a CreateAutoMLJob (V1) one: use the "
            f"top-level ProblemType, {AS_V2}",
        ),
        (
            "v1_tabular_minimal",
            {"AutoMLComputeConfig": {}},
            "AutoMLComputeConfig",
            "AutoMLComputeConfig is a CreateAutoMLJobV2 member, not a CreateAutoMLJob (V1) one: "
            f"only CreateAutoMLJobV2 supports it, {AS_V2}",
        ),
    ],
)
def test_the_other_versions_member_says_where_it_lives(
    base: str, changes: dict[str, Any], path: str, hint: str
) -> None:
    operation = "CreateAutoMLJob" if base.startswith("v1") else "CreateAutoMLJobV2"
    findings = [
        f
        for f in lint_request(make(base, changes), operation=operation, select=["E1001"])
        if f.path == path
    ]

    assert len(findings) == 1
    assert findings[0].message.endswith(f"; {hint}")
