"""Named cases for the documented text classification and text generation rules."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.lint.rules.documented_cases import found, make, run

TXT = "AutoMLProblemTypeConfig.TextClassificationJobConfig"
GEN = "AutoMLProblemTypeConfig.TextGenerationJobConfig"
HP = f"{GEN}.TextGenerationHyperParameters"

E5001 = [
    pytest.param("v2_text_classification", {}, [], id="distinct"),
    pytest.param(
        "v2_text_classification",
        {f"{TXT}.TargetLabelColumn": "ticket_text"},
        [("E5001", f"{TXT}.TargetLabelColumn")],
        id="same",
    ),
    pytest.param(
        "v2_text_classification", {f"{TXT}.TargetLabelColumn": "Ticket_Text"}, [], id="case-differs"
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E5001)
def test_e5001_text_columns(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E5001", make(base, changes)) == expected


E6001 = [
    pytest.param("v2_text_generation", {}, [], id="documented-four"),
    pytest.param(
        "v2_text_generation", {f"{HP}.epochs": "3"}, [("E6001", f"{HP}.epochs")], id="epochs"
    ),
    pytest.param(
        "v2_text_generation",
        {f"{HP}.BatchSize": "3"},
        [("E6001", f"{HP}.BatchSize")],
        id="wrong-case",
    ),
    pytest.param(
        "v2_text_generation", {f"{HP}.dropout": "0.1"}, [("E6001", f"{HP}.dropout")], id="dropout"
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E6001)
def test_e6001_known_hyperparameters(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E6001", make(base, changes)) == expected


def test_e6001_message_names_closest() -> None:
    [finding] = run("E6001", make("v2_text_generation", {f"{HP}.BatchSize": "3"}))
    assert finding.message == (
        "unknown hyperparameter (got 'BatchSize'; expected 'epochCount', 'batchSize', "
        "'learningRate' or 'learningRateWarmupSteps'); did you mean 'batchSize'?"
    )


def _hp(key: str, value: Any) -> dict[str, Any]:
    return {f"{HP}.{key}": value}


E6002 = [
    pytest.param("v2_text_generation", {}, [], id="documented-example"),
    pytest.param("v2_text_generation", _hp("epochCount", "1"), [], id="epochs-1"),
    pytest.param("v2_text_generation", _hp("epochCount", "10"), [], id="epochs-10"),
    pytest.param(
        "v2_text_generation", _hp("epochCount", "0"), [("E6002", f"{HP}.epochCount")], id="epochs-0"
    ),
    pytest.param(
        "v2_text_generation",
        _hp("epochCount", "11"),
        [("E6002", f"{HP}.epochCount")],
        id="epochs-11",
    ),
    pytest.param(
        "v2_text_generation",
        _hp("epochCount", "2.5"),
        [("E6002", f"{HP}.epochCount")],
        id="epochs-decimal",
    ),
    pytest.param("v2_text_generation", _hp("batchSize", "64"), [], id="batch-64"),
    pytest.param(
        "v2_text_generation", _hp("batchSize", "65"), [("E6002", f"{HP}.batchSize")], id="batch-65"
    ),
    pytest.param("v2_text_generation", _hp("learningRate", "0"), [], id="rate-0"),
    pytest.param("v2_text_generation", _hp("learningRate", "1"), [], id="rate-1"),
    pytest.param("v2_text_generation", _hp("learningRate", ".001"), [], id="rate-leading-dot"),
    pytest.param(
        "v2_text_generation",
        _hp("learningRate", "1.5"),
        [("E6002", f"{HP}.learningRate")],
        id="rate-1.5",
    ),
    pytest.param(
        "v2_text_generation",
        _hp("learningRate", "fast"),
        [("E6002", f"{HP}.learningRate")],
        id="rate-word",
    ),
    pytest.param("v2_text_generation", _hp("learningRateWarmupSteps", "0"), [], id="warmup-0"),
    pytest.param(
        "v2_text_generation",
        _hp("learningRateWarmupSteps", "251"),
        [("E6002", f"{HP}.learningRateWarmupSteps")],
        id="warmup-251",
    ),
    pytest.param("v2_text_generation", _hp("batchSize", 32), [], id="number-left-to-schema"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E6002)
def test_e6002_hyperparameter_values(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E6002", make(base, changes)) == expected


def test_e6002_message() -> None:
    [finding] = run("E6002", make("v2_text_generation", _hp("batchSize", "65")))
    assert finding.message == (
        'batchSize is not valid (got \'65\'; expected a string holding an integer from "1" to "64")'
    )


W6003 = [
    pytest.param("v2_text_generation", {}, [], id="no-objective"),
    pytest.param(
        "v2_text_generation",
        {"AutoMLJobObjective": {"MetricName": "Accuracy"}},
        [("W6003", "AutoMLJobObjective")],
        id="objective",
    ),
    pytest.param("v2_text_classification", {}, [], id="text-classification"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W6003)
def test_w6003_no_objective(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("W6003", make(base, changes)) == expected
