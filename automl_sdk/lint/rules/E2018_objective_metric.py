"""E2018: the objective metric is one the problem type supports."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import (
    ALL_TABULAR_METRICS,
    METRICS_BY_PROBLEM_TYPE,
    SPEC_V1_BOTO3,
    SPEC_V1_CLI,
    SPEC_V2_DESCRIBE,
    TABULAR_METRICS,
)
from automl_sdk.lint.rules._helpers import (
    one_of,
    problem_type_name,
)
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule

_PATH = "AutoMLJobObjective.MetricName"


class ObjectiveMetricNotAllowed(Rule):
    """AutoMLJobObjective.MetricName is not available for the problem type."""

    id = "E2018"
    short_description = "Objective metric not available for the problem type"
    description = (
        "Tabular metrics depend on ProblemType (regression: MAE, MSE, R2, RMSE; binary: Accuracy, "
        "AUC, BalancedAccuracy, F1, Precision, Recall; multiclass: Accuracy, BalancedAccuracy, "
        "F1macro, PrecisionMacro, RecallMacro); image and text classification take Accuracy; "
        "time-series forecasting takes RMSE, AverageWeightedQuantileLoss, MASE, MAPE or WAPE. The "
        "docs also list InferenceLatency and LogLoss, which are not in the service's metric enum "
        "(the schema check reports them). The old V1 page's 'For CreateAutoMLJobV2, only Accuracy "
        "is supported' contradicts the per-problem-type lists; the lists are used."
    )
    source = (
        '"Regression: InferenceLatency, MAE, MSE, R2, RMSE" "Binary classification: Accuracy, AUC, '
        'BalancedAccuracy, F1, InferenceLatency, LogLoss, Precision, Recall" "Multiclass '
        "classification: Accuracy, BalancedAccuracy, F1macro, InferenceLatency, LogLoss, "
        f'PrecisionMacro, RecallMacro" ({SPEC_V2_DESCRIBE}); "For image or text classification '
        'problem types:" "List of available metrics: Accuracy" "For time-series forecasting problem '
        'types:" "List of available metrics: RMSE , wQL , Average wQL , MASE , MAPE , WAPE" '
        f'({SPEC_V1_CLI}); "For CreateAutoMLJobV2, only Accuracy is supported." ({SPEC_V1_BOTO3})'
    )
    tags = ("objective",)

    needs = ("AutoMLJobObjective",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Check the metric against the list of the problem type (and tabular ProblemType)."""
        metric = ctx.get_str("AutoMLJobObjective", "MetricName")
        if metric is None:
            return
        allowed, what = _allowed(ctx)
        if allowed is None or metric in allowed or ctx.reported_by_schema(_PATH):
            return
        yield (
            _PATH,
            f"objective metric not available for {what} (got {metric!r}; expected {one_of(allowed)})",
        )


def _allowed(ctx: LintContext) -> tuple[tuple[str, ...] | None, str]:
    if ctx.problem_type == TABULAR:
        _, problem_type = ctx.tabular_problem_type
        if isinstance(problem_type, str) and problem_type in TABULAR_METRICS:
            return TABULAR_METRICS[problem_type], f"ProblemType {problem_type!r}"
        return ALL_TABULAR_METRICS, "a tabular job"
    if ctx.problem_type in METRICS_BY_PROBLEM_TYPE:
        return METRICS_BY_PROBLEM_TYPE[ctx.problem_type], f"a {problem_type_name(ctx)} job"
    return None, ""
