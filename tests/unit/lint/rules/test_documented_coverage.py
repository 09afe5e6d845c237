"""Issue 3's phase-2 items that the service model states exactly are caught by phase 1.

The documented rules do not repeat a schema finding at the same path; this table shows, for each
such item of the issue, the schema rule that reports it, so the list is covered end to end.
"""

from __future__ import annotations

from typing import Any

import pytest

from automl_sdk.lint import lint_request
from tests.unit.lint.rules.documented_cases import make

TAB = "AutoMLProblemTypeConfig.TabularJobConfig"
TS = "AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig"
GEN = "AutoMLProblemTypeConfig.TextGenerationJobConfig"
CH = "AutoMLJobInputDataConfig"
SEC = "SecurityConfig.VpcConfig"

COVERED_BY_SCHEMA = [
    pytest.param(
        "v2_tabular", {"AutoMLJobName": "x" * 33}, "AutoMLJobName", "E1004", id="job-name-33"
    ),
    pytest.param(
        "v2_tabular", {"AutoMLJobName": "-churn"}, "AutoMLJobName", "E1007", id="job-name-pattern"
    ),
    pytest.param(
        "v1_tabular",
        {"AutoMLJobName": "churn_1"},
        "AutoMLJobName",
        "E1007",
        id="v1-job-name-pattern",
    ),
    pytest.param(
        "v2_tabular",
        {"ModelDeployConfig.EndpointName": "churn.endpoint"},
        "ModelDeployConfig.EndpointName",
        "E1007",
        id="endpoint-name-pattern",
    ),
    pytest.param("v2_tabular", {CH: []}, CH, "E1006", id="zero-channels"),
    pytest.param(
        "v2_tabular",
        {
            f"{CH}[2]": {
                "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/c"}}
            }
        },
        CH,
        "E1006",
        id="three-channels",
    ),
    pytest.param(
        "v2_tabular", {"RoleArn": "arn:aws:iam::123:role/x"}, "RoleArn", "E1007", id="role-arn"
    ),
    pytest.param(
        "v2_tabular",
        {"AutoMLProblemTypeConfig.ImageClassificationJobConfig": {}},
        "AutoMLProblemTypeConfig",
        "E1009",
        id="two-problem-types",
    ),
    pytest.param(
        "v2_tabular",
        {"AutoMLProblemTypeConfig": {}},
        "AutoMLProblemTypeConfig",
        "E1009",
        id="no-problem-type",
    ),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.CompletionCriteria.MaxCandidates": 751},
        f"{TAB}.CompletionCriteria.MaxCandidates",
        "E1005",
        id="max-candidates-751",
    ),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.CompletionCriteria.MaxAutoMLJobRuntimeInSeconds": 0},
        f"{TAB}.CompletionCriteria.MaxAutoMLJobRuntimeInSeconds",
        "E1005",
        id="runtime-0",
    ),
    pytest.param(
        "v2_tabular",
        {f"{TAB}.CandidateGenerationConfig.AlgorithmsConfig[1]": {"AutoMLAlgorithms": ["mlp"]}},
        f"{TAB}.CandidateGenerationConfig.AlgorithmsConfig",
        "E1006",
        id="two-algorithm-entries",
    ),
    pytest.param(
        "v2_time_series",
        {f"{TS}.ForecastHorizon": 0},
        f"{TS}.ForecastHorizon",
        "E1005",
        id="horizon-0",
    ),
    pytest.param(
        "v2_time_series",
        {f"{TS}.ForecastQuantiles[0]": "p100"},
        f"{TS}.ForecastQuantiles[0]",
        "E1007",
        id="quantile-p100",
    ),
    pytest.param(
        "v2_time_series",
        {f"{TS}.ForecastQuantiles[0]": "p0"},
        f"{TS}.ForecastQuantiles[0]",
        "E1007",
        id="quantile-p0",
    ),
    pytest.param(
        "v2_time_series",
        {f"{TS}.ForecastQuantiles": ["p1", "p2", "p3", "p4", "p5", "p6"]},
        f"{TS}.ForecastQuantiles",
        "E1006",
        id="six-quantiles",
    ),
    pytest.param(
        "v2_time_series",
        {f"{TS}.Transformations.Aggregation.sales": "median"},
        f"{TS}.Transformations.Aggregation.sales",
        "E1008",
        id="aggregation-median",
    ),
    pytest.param(
        "v2_time_series",
        {f"{TS}.Transformations.Filling.sales.sidefill": "zero"},
        f"{TS}.Transformations.Filling.sales.sidefill",
        "E1008",
        id="filling-method",
    ),
    pytest.param(
        "v2_time_series",
        {f"{TS}.TimeSeriesConfig.GroupingAttributeNames": ["a", "b", "c", "d", "e", "f"]},
        f"{TS}.TimeSeriesConfig.GroupingAttributeNames",
        "E1006",
        id="six-grouping-columns",
    ),
    pytest.param(
        "v2_text_generation",
        {f"{GEN}.BaseModelName": "Falcon 7B"},
        f"{GEN}.BaseModelName",
        "E1007",
        id="base-model-pattern",
    ),
    pytest.param(
        "v2_text_generation",
        {f"{GEN}.TextGenerationHyperParameters.epochCount": 5},
        f"{GEN}.TextGenerationHyperParameters.epochCount",
        "E1002",
        id="hyperparameter-not-string",
    ),
    pytest.param(
        "v2_tabular",
        {"Tags": [{"Key": f"k{i}", "Value": "v"} for i in range(51)]},
        "Tags",
        "E1006",
        id="51-tags",
    ),
    pytest.param(
        "v2_tabular",
        {f"{SEC}.SecurityGroupIds": [f"sg-{i}" for i in range(6)]},
        f"{SEC}.SecurityGroupIds",
        "E1006",
        id="six-security-groups",
    ),
    pytest.param(
        "v2_tabular",
        {f"{SEC}.Subnets": [f"subnet-{i}" for i in range(17)]},
        f"{SEC}.Subnets",
        "E1006",
        id="17-subnets",
    ),
]


@pytest.mark.parametrize(("base", "changes", "path", "rule"), COVERED_BY_SCHEMA)
def test_issue_item_reported_by_schema_check(
    base: str, changes: dict[str, Any], path: str, rule: str
) -> None:
    findings = [
        (f.rule, f.path) for f in lint_request(make(base, changes)) if f.severity == "error"
    ]
    assert (rule, path) in findings
