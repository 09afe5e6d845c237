"""Named cases for the security and cost rules (W8001-I8005)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.lint.rules.documented_cases import DELETE, found, make, run

SEC = "SecurityConfig"
V1_SEC = "AutoMLJobConfig.SecurityConfig"
TAB = "AutoMLProblemTypeConfig.TabularJobConfig"

W8001 = [
    pytest.param("v2_tabular", {}, [], id="key"),
    pytest.param(
        "v2_tabular",
        {f"{SEC}.VolumeKmsKeyId": DELETE},
        [("W8001", f"{SEC}.VolumeKmsKeyId")],
        id="no-key",
    ),
    pytest.param(
        "v2_tabular", {SEC: DELETE}, [("W8001", f"{SEC}.VolumeKmsKeyId")], id="no-security-config"
    ),
    pytest.param(
        "v1_tabular",
        {V1_SEC: DELETE},
        [("W8001", f"{V1_SEC}.VolumeKmsKeyId")],
        id="v1-no-security-config",
    ),
    pytest.param("v2_tabular", {SEC: "none"}, [], id="wrong-type-skipped"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W8001)
def test_w8001_volume_key(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("W8001", make(base, changes)) == expected


W8002 = [
    pytest.param("v2_tabular", {}, [], id="on"),
    pytest.param(
        "v2_tabular",
        {f"{SEC}.EnableInterContainerTrafficEncryption": False},
        [("W8002", f"{SEC}.EnableInterContainerTrafficEncryption")],
        id="off",
    ),
    pytest.param(
        "v1_tabular",
        {f"{V1_SEC}.EnableInterContainerTrafficEncryption": DELETE},
        [("W8002", f"{V1_SEC}.EnableInterContainerTrafficEncryption")],
        id="v1-absent",
    ),
    pytest.param(
        "v2_tabular",
        {f"{SEC}.EnableInterContainerTrafficEncryption": "yes"},
        [],
        id="wrong-type-skipped",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W8002)
def test_w8002_traffic_encryption(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("W8002", make(base, changes)) == expected


def test_w8002_message() -> None:
    request = make("v2_tabular", {f"{SEC}.EnableInterContainerTrafficEncryption": False})
    [finding] = run("W8002", request)
    assert finding.message == (
        "traffic between training containers is not encrypted (got false; expected true); set "
        "EnableInterContainerTrafficEncryption to true"
    )


I8003 = [
    pytest.param("v2_tabular", {}, [], id="vpc"),
    pytest.param(
        "v2_tabular", {f"{SEC}.VpcConfig": DELETE}, [("I8003", f"{SEC}.VpcConfig")], id="no-vpc"
    ),
    pytest.param(
        "v1_tabular", {V1_SEC: DELETE}, [("I8003", f"{V1_SEC}.VpcConfig")], id="v1-no-vpc"
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), I8003)
def test_i8003_vpc(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("I8003", make(base, changes)) == expected


CRIT = f"{TAB}.CompletionCriteria"
W8004 = [
    pytest.param("v2_tabular_split", {}, [], id="250-with-runtime"),
    pytest.param(
        "v2_tabular_split",
        {f"{CRIT}.MaxAutoMLJobRuntimeInSeconds": DELETE},
        [("W8004", f"{CRIT}.MaxAutoMLJobRuntimeInSeconds")],
        id="250-unbounded",
    ),
    pytest.param(
        "v2_tabular",
        {f"{CRIT}.MaxCandidates": 99, f"{CRIT}.MaxAutoMLJobRuntimeInSeconds": DELETE},
        [],
        id="99-unbounded",
    ),
    pytest.param(
        "v2_tabular",
        {f"{CRIT}.MaxCandidates": 100, f"{CRIT}.MaxAutoMLJobRuntimeInSeconds": DELETE},
        [("W8004", f"{CRIT}.MaxAutoMLJobRuntimeInSeconds")],
        id="100-unbounded",
    ),
    pytest.param(
        "v1_tabular",
        {
            "AutoMLJobConfig.CompletionCriteria.MaxCandidates": 700,
            "AutoMLJobConfig.CompletionCriteria.MaxAutoMLJobRuntimeInSeconds": DELETE,
        },
        [("W8004", "AutoMLJobConfig.CompletionCriteria.MaxAutoMLJobRuntimeInSeconds")],
        id="v1-700-unbounded",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W8004)
def test_w8004_unbounded_cost(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("W8004", make(base, changes)) == expected


I8005 = [
    pytest.param("v2_tabular", {}, [], id="key"),
    pytest.param("v2_tabular_minimal", {}, [("I8005", "OutputDataConfig.KmsKeyId")], id="no-key"),
    pytest.param(
        "v1_tabular",
        {"OutputDataConfig.KmsKeyId": DELETE},
        [("I8005", "OutputDataConfig.KmsKeyId")],
        id="v1-no-key",
    ),
]


def test_w8004_message_at_exactly_100() -> None:
    request = make(
        "v2_tabular",
        {f"{CRIT}.MaxCandidates": 100, f"{CRIT}.MaxAutoMLJobRuntimeInSeconds": DELETE},
    )

    assert [(f.path, f.message) for f in run("W8004", request)] == [
        (
            f"{CRIT}.MaxAutoMLJobRuntimeInSeconds",
            "100 candidates with no job runtime limit (got MaxCandidates 100 and no "
            "MaxAutoMLJobRuntimeInSeconds; expected a runtime limit); set "
            "MaxAutoMLJobRuntimeInSeconds to bound the cost",
        )
    ]


@pytest.mark.parametrize(("base", "changes", "expected"), I8005)
def test_i8005_output_key(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("I8005", make(base, changes)) == expected


def test_security_rules_can_be_ignored_by_prefix() -> None:
    from automl_sdk.lint import lint_request

    findings = lint_request(make("v2_tabular_minimal"), ignore=["W8", "I8"])
    assert findings == []
