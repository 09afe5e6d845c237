"""Named cases for the documented request-wide rules (deploy, data split, objective, tags, VPC)."""

from __future__ import annotations

from typing import Any

import pytest

from automl_sdk.lint import lint_request
from tests.unit.lint.rules.documented_cases import DELETE, found, make, run

TAB = "AutoMLProblemTypeConfig.TabularJobConfig"
TS = "AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig"
IMG = "AutoMLProblemTypeConfig.ImageClassificationJobConfig"
TXT = "AutoMLProblemTypeConfig.TextClassificationJobConfig"
GEN = "AutoMLProblemTypeConfig.TextGenerationJobConfig"
V1_SPLIT = "AutoMLJobConfig.DataSplitConfig.ValidationFraction"
V2_SPLIT = "DataSplitConfig.ValidationFraction"
CH = "AutoMLJobInputDataConfig"


def _deploy(**members: Any) -> dict[str, Any]:
    return {"ModelDeployConfig": members}


E2011 = [
    pytest.param("v2_tabular", {}, [], id="name-with-false"),
    pytest.param("v2_tabular", _deploy(AutoGenerateEndpointName=True), [], id="auto-only"),
    pytest.param(
        "v2_tabular",
        _deploy(AutoGenerateEndpointName=True, EndpointName="churn"),
        [("E2011", "ModelDeployConfig.EndpointName")],
        id="auto-and-name",
    ),
    pytest.param(
        "v1_tabular",
        _deploy(AutoGenerateEndpointName=True, EndpointName="churn"),
        [("E2011", "ModelDeployConfig.EndpointName")],
        id="v1-auto-and-name",
    ),
    pytest.param(
        "v2_tabular",
        _deploy(AutoGenerateEndpointName="true", EndpointName="churn"),
        [],
        id="wrong-type-skipped",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2011)
def test_e2011_name_with_autogenerate(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E2011", make(base, changes)) == expected


E2012 = [
    pytest.param("v2_tabular", {}, [], id="name-with-false"),
    pytest.param("v2_tabular", _deploy(EndpointName="churn"), [], id="name-default-false"),
    pytest.param("v2_tabular", _deploy(AutoGenerateEndpointName=True), [], id="auto"),
    pytest.param("v2_tabular", {"ModelDeployConfig": DELETE}, [], id="no-deploy-config"),
    pytest.param(
        "v2_tabular",
        _deploy(AutoGenerateEndpointName=False),
        [("E2012", "ModelDeployConfig.EndpointName")],
        id="false-without-name",
    ),
    pytest.param(
        "v1_tabular", _deploy(), [("E2012", "ModelDeployConfig.EndpointName")], id="v1-empty-config"
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2012)
def test_e2012_name_required(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2012", make(base, changes)) == expected


def test_e2012_message() -> None:
    [finding] = run("E2012", make("v2_tabular", _deploy()))
    assert finding.message == (
        "EndpointName is required when AutoGenerateEndpointName is false (got no EndpointName and "
        "no AutoGenerateEndpointName, which defaults to false; expected an EndpointName); add "
        "EndpointName or set AutoGenerateEndpointName to true"
    )


def _v2_split(value: Any) -> dict[str, Any]:
    return {"DataSplitConfig": {"ValidationFraction": value}}


E2013 = [
    pytest.param("v2_text_classification", {}, [], id="point-one"),
    pytest.param("v2_tabular_minimal", _v2_split(0.0001), [], id="tiny"),
    pytest.param(
        "v2_tabular_minimal",
        _v2_split(0),
        [("E2013", "DataSplitConfig.ValidationFraction")],
        id="zero",
    ),
    pytest.param(
        "v2_tabular_minimal",
        _v2_split(1),
        [("E2013", "DataSplitConfig.ValidationFraction")],
        id="one",
    ),
    pytest.param(
        "v2_tabular_minimal",
        _v2_split(1.0),
        [("E2013", "DataSplitConfig.ValidationFraction")],
        id="one-float",
    ),
    *(
        pytest.param(
            "v2_tabular_minimal", _v2_split(value), [("E2013", V2_SPLIT)], id=f"beyond-{name}"
        )
        for value, name in ((1.5, "one"), (-0.1, "zero"), (10**400, "one-huge-int"))
    ),
    pytest.param("v2_tabular_minimal", _v2_split(False), [], id="bool-skipped"),
    pytest.param("v1_tabular", {V1_SPLIT: 0}, [("E2013", V1_SPLIT)], id="v1-zero"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2013)
def test_e2013_fraction_open_interval(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E2013", make(base, changes)) == expected


@pytest.mark.parametrize(
    ("value", "shown"), [(1.0, "1.0"), (1.5, "1.5"), (0, "0"), (-0.1, "-0.1"), (2, "2")]
)
def test_e2013_one_wording_at_and_beyond_the_bounds(value: float, shown: str) -> None:
    findings = lint_request(make("v2_tabular_minimal", _v2_split(value)), select=["E1005", "E2013"])

    assert [(f.rule, f.path, f.message) for f in findings] == [
        (
            "E2013",
            "DataSplitConfig.ValidationFraction",
            f"ValidationFraction must be strictly between 0 and 1 (got {shown}; expected "
            "greater than 0 and less than 1); the default is 0.2",
        )
    ]


W2014 = [
    pytest.param("v2_tabular_minimal", _v2_split(0.49), [], id="below-half"),
    pytest.param(
        "v2_tabular_minimal",
        _v2_split(0.5),
        [("W2014", "DataSplitConfig.ValidationFraction")],
        id="half",
    ),
    pytest.param(
        "v2_tabular_minimal",
        _v2_split(0.9),
        [("W2014", "DataSplitConfig.ValidationFraction")],
        id="point-nine",
    ),
    pytest.param("v2_tabular_minimal", _v2_split(1), [], id="one-is-E2013"),
    pytest.param("v1_tabular", {V1_SPLIT: 0.6}, [("W2014", V1_SPLIT)], id="v1-point-six"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W2014)
def test_w2014_fraction_recommended(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("W2014", make(base, changes)) == expected


E2015 = [
    pytest.param("v2_time_series", {}, [], id="time-series-no-split"),
    pytest.param(
        "v2_time_series", _v2_split(0.2), [("E2015", "DataSplitConfig")], id="time-series-split"
    ),
    pytest.param("v2_text_classification", {}, [], id="text-classification-split"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2015)
def test_e2015_no_split_for_time_series(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E2015", make(base, changes)) == expected


W2016 = [
    pytest.param("v2_tabular", {}, [], id="validation-channel-only"),
    pytest.param("v2_text_classification", {}, [], id="fraction-only"),
    pytest.param(
        "v2_tabular", _v2_split(0.2), [("W2016", "DataSplitConfig.ValidationFraction")], id="both"
    ),
    pytest.param(
        "v1_tabular",
        {
            "InputDataConfig[1]": {
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/v/"}},
                "TargetAttributeName": "churned",
                "ChannelType": "validation",
            }
        },
        [("W2016", V1_SPLIT)],
        id="v1-both",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W2016)
def test_w2016_validation_twice(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("W2016", make(base, changes)) == expected


E2017 = [
    pytest.param(
        "v2_tabular", {f"{TAB}.CompletionCriteria.MaxCandidates": 750}, [], id="tabular-750"
    ),
    pytest.param("v2_time_series", {}, [], id="time-series-1"),
    pytest.param(
        "v2_time_series",
        {f"{TS}.CompletionCriteria.MaxCandidates": 5},
        [("E2017", f"{TS}.CompletionCriteria.MaxCandidates")],
        id="time-series-5",
    ),
    pytest.param(
        "v2_image_classification",
        {f"{IMG}.CompletionCriteria.MaxCandidates": 2},
        [("E2017", f"{IMG}.CompletionCriteria.MaxCandidates")],
        id="image-2",
    ),
    pytest.param(
        "v2_text_classification",
        {f"{TXT}.CompletionCriteria.MaxCandidates": 750},
        [("E2017", f"{TXT}.CompletionCriteria.MaxCandidates")],
        id="text-750",
    ),
    pytest.param(
        "v2_text_generation",
        {f"{GEN}.CompletionCriteria.MaxCandidates": 3},
        [("E2017", f"{GEN}.CompletionCriteria.MaxCandidates")],
        id="text-generation-3",
    ),
    pytest.param(
        "v2_text_generation",
        {f"{GEN}.CompletionCriteria.MaxCandidates": 0},
        [],
        id="zero-left-to-schema",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2017)
def test_e2017_single_candidate(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2017", make(base, changes)) == expected


def test_e2017_message() -> None:
    request = make("v2_time_series", {f"{TS}.CompletionCriteria.MaxCandidates": 5})
    [finding] = run("E2017", request)
    assert finding.message == (
        "MaxCandidates must be 1 for time-series forecasting (got 5; expected 1); remove "
        "MaxCandidates or set it to 1"
    )


def _metric(name: str) -> dict[str, Any]:
    return {"AutoMLJobObjective": {"MetricName": name}}


METRIC = "AutoMLJobObjective.MetricName"
E2018 = [
    pytest.param("v2_tabular", {}, [], id="binary-f1"),
    pytest.param("v2_tabular", _metric("AUC"), [], id="binary-auc"),
    pytest.param("v2_tabular", _metric("RMSE"), [("E2018", METRIC)], id="binary-rmse"),
    pytest.param("v2_tabular", _metric("F1macro"), [("E2018", METRIC)], id="binary-f1macro"),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.ProblemType": "MulticlassClassification", **_metric("F1")},
        [("E2018", METRIC)],
        id="multiclass-f1",
    ),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.ProblemType": "MulticlassClassification", **_metric("RecallMacro")},
        [],
        id="multiclass-recallmacro",
    ),
    pytest.param("v2_tabular_split", _metric("R2"), [], id="regression-r2"),
    pytest.param(
        "v2_tabular_split", _metric("Accuracy"), [("E2018", METRIC)], id="regression-accuracy"
    ),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.ProblemType": DELETE, **_metric("MAPE")},
        [("E2018", METRIC)],
        id="tabular-no-problem-type-mape",
    ),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.ProblemType": DELETE, **_metric("MSE")},
        [],
        id="tabular-no-problem-type-mse",
    ),
    pytest.param("v1_tabular", _metric("MSE"), [("E2018", METRIC)], id="v1-binary-mse"),
    pytest.param(
        "v1_tabular", {"ProblemType": "Regression", **_metric("MAE")}, [], id="v1-regression-mae"
    ),
    pytest.param("v2_image_classification", {}, [], id="image-accuracy"),
    pytest.param("v2_image_classification", _metric("F1"), [("E2018", METRIC)], id="image-f1"),
    pytest.param("v2_text_classification", _metric("AUC"), [("E2018", METRIC)], id="text-auc"),
    pytest.param("v2_time_series", _metric("MASE"), [], id="time-series-mase"),
    pytest.param(
        "v2_time_series", _metric("Accuracy"), [("E2018", METRIC)], id="time-series-accuracy"
    ),
    pytest.param("v2_tabular", _metric("LogLoss"), [], id="not-in-enum-left-to-schema"),
    pytest.param("v2_text_generation", _metric("Accuracy"), [], id="text-generation-is-W6003"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2018)
def test_e2018_metric_per_problem_type(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E2018", make(base, changes)) == expected


def test_e2018_message() -> None:
    [finding] = run("E2018", make("v2_time_series", _metric("Accuracy")))
    assert finding.message == (
        "objective metric not available for a time-series forecasting job (got 'Accuracy'; "
        "expected 'AverageWeightedQuantileLoss', 'MAPE', 'MASE', 'RMSE' or 'WAPE')"
    )


def _tags(*keys: Any) -> dict[str, Any]:
    return {"Tags": [{"Key": key, "Value": "v"} for key in keys]}


E2019 = [
    pytest.param("v2_tabular", {}, [], id="unique"),
    pytest.param("v2_tabular", _tags("team", "Team"), [], id="case-differs"),
    pytest.param(
        "v2_tabular", _tags("team", "env", "team"), [("E2019", "Tags[2].Key")], id="repeat"
    ),
    pytest.param(
        "v1_tabular",
        _tags("a", "a", "a"),
        [("E2019", "Tags[1].Key"), ("E2019", "Tags[2].Key")],
        id="v1-three-times",
    ),
    pytest.param("v2_tabular", {"Tags": [{"Key": 1}, {"Key": 1}]}, [], id="wrong-type-skipped"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2019)
def test_e2019_tag_keys(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2019", make(base, changes)) == expected


SG = "SecurityConfig.VpcConfig.SecurityGroupIds"
V1_SG = "AutoMLJobConfig.SecurityConfig.VpcConfig.SecurityGroupIds"
E2020 = [
    pytest.param("v2_tabular", {}, [], id="sg-id"),
    pytest.param("v2_tabular", {SG: ["sg-1", "default"]}, [("E2020", f"{SG}[1]")], id="group-name"),
    pytest.param(
        "v1_tabular", {V1_SG: ["my-group"]}, [("E2020", f"{V1_SG}[0]")], id="v1-group-name"
    ),
    pytest.param("v2_tabular", {SG: ["sg 1"]}, [], id="pattern-left-to-schema"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2020)
def test_e2020_security_group_form(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2020", make(base, changes)) == expected


def _runtimes(path: str, per_job: int, total: int) -> dict[str, Any]:
    return {
        f"{path}.CompletionCriteria.MaxRuntimePerTrainingJobInSeconds": per_job,
        f"{path}.CompletionCriteria.MaxAutoMLJobRuntimeInSeconds": total,
    }


W2021 = [
    pytest.param("v2_tabular", {}, [], id="below"),
    pytest.param("v2_tabular", _runtimes(TAB, 3600, 3600), [], id="equal"),
    pytest.param(
        "v2_tabular",
        _runtimes(TAB, 7200, 3600),
        [("W2021", f"{TAB}.CompletionCriteria.MaxRuntimePerTrainingJobInSeconds")],
        id="above",
    ),
    pytest.param(
        "v1_tabular",
        _runtimes("AutoMLJobConfig", 9000, 600),
        [("W2021", "AutoMLJobConfig.CompletionCriteria.MaxRuntimePerTrainingJobInSeconds")],
        id="v1-above",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W2021)
def test_w2021_runtime_limits(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("W2021", make(base, changes)) == expected
