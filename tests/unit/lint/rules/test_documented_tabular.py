"""Named cases for the documented tabular rules (E3001-W3009), V2 TabularJobConfig and V1."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.lint.rules.documented_cases import DELETE, found, make, run

TAB = "AutoMLProblemTypeConfig.TabularJobConfig"
ALGOS = f"{TAB}.CandidateGenerationConfig.AlgorithmsConfig"
V1_ALGOS = "AutoMLJobConfig.CandidateGenerationConfig.AlgorithmsConfig"

E3001 = [
    pytest.param("v2_tabular", {}, [], id="both"),
    pytest.param("v2_tabular_minimal", {}, [], id="neither"),
    pytest.param(
        "v2_tabular",
        {"AutoMLJobObjective": DELETE},
        [("E3001", "AutoMLJobObjective")],
        id="problem-type-only",
    ),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.ProblemType": DELETE},
        [("E3001", f"{TAB}.ProblemType")],
        id="objective-only",
    ),
    pytest.param("v2_time_series", {}, [], id="not-tabular"),
    pytest.param("v1_tabular", {"AutoMLJobObjective": DELETE}, [], id="v1-is-W3002"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E3001)
def test_e3001_problem_type_and_objective(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E3001", make(base, changes)) == expected


def test_e3001_message() -> None:
    [finding] = run("E3001", make("v2_tabular", {"AutoMLJobObjective": DELETE}))
    assert finding.message == (
        "ProblemType is set without AutoMLJobObjective (got ProblemType 'BinaryClassification' "
        "and no objective; expected both or neither); add AutoMLJobObjective.MetricName or "
        "remove ProblemType"
    )


W3002 = [
    pytest.param("v1_tabular", {}, [], id="both"),
    pytest.param(
        "v1_tabular", {"ProblemType": DELETE, "AutoMLJobObjective": DELETE}, [], id="neither"
    ),
    pytest.param(
        "v1_tabular",
        {"AutoMLJobObjective": DELETE},
        [("W3002", "AutoMLJobObjective")],
        id="problem-type-only",
    ),
    pytest.param(
        "v1_tabular", {"ProblemType": DELETE}, [("W3002", "ProblemType")], id="objective-only"
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W3002)
def test_w3002_v1_problem_type_and_objective(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("W3002", make(base, changes)) == expected


E3003 = [
    pytest.param("v2_tabular", {}, [], id="ensembling"),
    pytest.param("v2_tabular", {f"{TAB}.Mode": "AUTO"}, [("E3003", ALGOS)], id="auto"),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.Mode": "AUTO", f"{TAB}.CandidateGenerationConfig": {}},
        [],
        id="auto-without-algorithms",
    ),
    pytest.param(
        "v1_tabular", {"AutoMLJobConfig.Mode": "AUTO"}, [("E3003", V1_ALGOS)], id="v1-auto"
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E3003)
def test_e3003_no_algorithms_in_auto(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E3003", make(base, changes)) == expected


W3004 = [
    pytest.param("v2_tabular", {}, [], id="mode-set"),
    pytest.param("v2_tabular", {f"{TAB}.Mode": DELETE}, [("W3004", f"{TAB}.Mode")], id="no-mode"),
    pytest.param("v2_tabular_minimal", {}, [], id="no-algorithms"),
    pytest.param(
        "v1_tabular",
        {"AutoMLJobConfig.Mode": DELETE},
        [("W3004", "AutoMLJobConfig.Mode")],
        id="v1-no-mode",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W3004)
def test_w3004_algorithms_need_mode(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("W3004", make(base, changes)) == expected


E3005 = [
    pytest.param("v2_tabular", {}, [], id="one-entry"),
    pytest.param("v2_tabular", {ALGOS: []}, [("E3005", ALGOS)], id="empty"),
    pytest.param("v1_tabular", {V1_ALGOS: []}, [("E3005", V1_ALGOS)], id="v1-empty"),
    pytest.param(
        "v2_tabular",
        {ALGOS: [{"AutoMLAlgorithms": ["xgboost"]}, {"AutoMLAlgorithms": ["mlp"]}]},
        [],
        id="two-left-to-schema",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E3005)
def test_e3005_one_algorithms_entry(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E3005", make(base, changes)) == expected


def _algos(*names: str) -> dict[str, Any]:
    return {ALGOS: [{"AutoMLAlgorithms": list(names)}]}


E3006 = [
    pytest.param("v2_tabular", {}, [], id="ensembling-ok"),
    pytest.param(
        "v2_tabular",
        _algos("mlp"),
        [("E3006", f"{ALGOS}[0].AutoMLAlgorithms[0]")],
        id="ensembling-mlp",
    ),
    pytest.param("v2_tabular_split", {}, [], id="hpo-ok"),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.Mode": "HYPERPARAMETER_TUNING", **_algos("xgboost", "catboost", "fastai")},
        [
            ("E3006", f"{ALGOS}[0].AutoMLAlgorithms[1]"),
            ("E3006", f"{ALGOS}[0].AutoMLAlgorithms[2]"),
        ],
        id="hpo-catboost-fastai",
    ),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.Mode": DELETE, **_algos("deepar", "mlp")},
        [("E3006", f"{ALGOS}[0].AutoMLAlgorithms[0]")],
        id="no-mode-time-series-algorithm",
    ),
    pytest.param(
        "v1_tabular",
        {V1_ALGOS: [{"AutoMLAlgorithms": ["prophet"]}]},
        [("E3006", f"{V1_ALGOS}[0].AutoMLAlgorithms[0]")],
        id="v1-ensembling-prophet",
    ),
    pytest.param("v2_tabular", _algos("gbm"), [], id="not-in-enum-left-to-schema"),
    pytest.param("v2_time_series", {}, [], id="time-series-not-checked"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E3006)
def test_e3006_algorithms_of_mode(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E3006", make(base, changes)) == expected


def test_e3006_message() -> None:
    [finding] = run("E3006", make("v2_tabular", _algos("mlp")))
    assert finding.message == (
        "algorithm not available in ENSEMBLING mode (got 'mlp'; expected 'catboost', "
        "'extra-trees', 'fastai', 'lightgbm', 'linear-learner', 'nn-torch', 'randomforest' or "
        "'xgboost')"
    )


W3007 = [
    pytest.param("v2_tabular", {}, [], id="listed"),
    pytest.param("v2_tabular", _algos(), [("W3007", f"{ALGOS}[0].AutoMLAlgorithms")], id="empty"),
    pytest.param(
        "v1_tabular",
        {V1_ALGOS: [{"AutoMLAlgorithms": []}]},
        [("W3007", f"{V1_ALGOS}[0].AutoMLAlgorithms")],
        id="v1-empty",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W3007)
def test_w3007_empty_algorithm_list(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("W3007", make(base, changes)) == expected


WEIGHT = f"{TAB}.SampleWeightAttributeName"
V1_WEIGHT = "InputDataConfig[0].SampleWeightAttributeName"
E3008 = [
    pytest.param("v2_tabular", {}, [], id="ensembling"),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.Mode": "HYPERPARAMETER_TUNING", ALGOS: DELETE},
        [("E3008", WEIGHT)],
        id="hpo",
    ),
    pytest.param("v2_tabular", {f"{TAB}.Mode": "AUTO", ALGOS: DELETE}, [], id="auto-is-W3009"),
    pytest.param(
        "v1_tabular",
        {"AutoMLJobConfig.Mode": "HYPERPARAMETER_TUNING", V1_ALGOS: DELETE, V1_WEIGHT: "w"},
        [("E3008", V1_WEIGHT)],
        id="v1-hpo-channel-weight",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E3008)
def test_e3008_weights_need_ensembling(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E3008", make(base, changes)) == expected


W3009 = [
    pytest.param("v2_tabular", {}, [], id="ensembling"),
    pytest.param(
        "v2_tabular", {f"{TAB}.Mode": "AUTO", ALGOS: DELETE}, [("W3009", WEIGHT)], id="auto"
    ),
    pytest.param("v2_tabular", {f"{TAB}.Mode": DELETE}, [("W3009", WEIGHT)], id="no-mode"),
    pytest.param("v2_tabular_minimal", {}, [], id="no-weights"),
    pytest.param(
        "v1_tabular",
        {"AutoMLJobConfig.Mode": DELETE, V1_WEIGHT: "w"},
        [("W3009", V1_WEIGHT)],
        id="v1-no-mode",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W3009)
def test_w3009_weights_without_ensembling(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("W3009", make(base, changes)) == expected


E3010 = [
    pytest.param("v2_tabular", {}, [], id="distinct"),
    pytest.param("v2_tabular", {WEIGHT: "churned"}, [("E3010", WEIGHT)], id="v2-same"),
    pytest.param("v1_tabular", {V1_WEIGHT: "churned"}, [("E3010", V1_WEIGHT)], id="v1-same"),
    pytest.param("v1_tabular", {V1_WEIGHT: "weight"}, [], id="v1-distinct"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E3010)
def test_e3010_weight_not_target(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E3010", make(base, changes)) == expected


W3011 = [
    pytest.param("v2_tabular", {}, [], id="trains"),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.GenerateCandidateDefinitionsOnly": True},
        [("W3011", "ModelDeployConfig")],
        id="v2-definitions-only",
    ),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.GenerateCandidateDefinitionsOnly": True, "ModelDeployConfig": DELETE},
        [],
        id="v2-definitions-only-no-deploy",
    ),
    pytest.param(
        "v1_tabular",
        {"GenerateCandidateDefinitionsOnly": True},
        [("W3011", "ModelDeployConfig")],
        id="v1-definitions-only",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W3011)
def test_w3011_no_deploy_without_training(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("W3011", make(base, changes)) == expected
