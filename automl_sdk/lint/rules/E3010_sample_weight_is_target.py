"""E3010: the sample weight column is not the target column."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._context import member_path
from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3_NEW, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule


class SampleWeightIsTarget(Rule):
    """SampleWeightAttributeName names the target column."""

    id = "E3010"
    short_description = "Sample weight column is the target column"
    description = (
        "The sample weight column holds non-negative numbers that weigh rows; it is not a "
        "feature and cannot be the column the model predicts. V2 compares "
        "TabularJobConfig.SampleWeightAttributeName with TabularJobConfig.TargetAttributeName; "
        "V1 compares the two members of each channel."
    )
    source = (
        '"If specified, this column name indicates which column of the dataset should be treated '
        "as sample weights for use by the objective metric during the training, evaluation, and "
        'the selection of the best model. This column is not considered as a predictive feature." '
        '"Sample weights should be numeric, non-negative, with larger values indicating which rows '
        f'are more important than others." ({SPEC_V2_DESCRIBE}, {SPEC_V1_BOTO3_NEW})'
    )
    tags = ("tabular", "sample-weights")
    problem_types = frozenset({TABULAR})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a weight column equal to the target column."""
        config = ctx.v2_problem_config_path
        weights = ctx.at_each(member_path(config, "SampleWeightAttributeName"))
        targets = ctx.at_each(member_path(config, "TargetAttributeName"))
        # One pair in V2; one per channel in V1, where each channel names both columns.
        for (path, weight), (_, target) in zip(weights, targets, strict=True):
            if isinstance(weight, str) and weight == target:
                yield (
                    path,
                    f"sample weight column is the target column (got {weight!r}; expected a "
                    "column other than TargetAttributeName); name the column holding the weights",
                )
