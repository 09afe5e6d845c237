"""E3008: SampleWeightAttributeName only in ENSEMBLING mode."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import HYPERPARAMETER_TUNING, SPEC_V1_BOTO3_NEW, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import sample_weights, tabular_mode
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule


class SampleWeightHpo(Rule):
    """SampleWeightAttributeName with Mode HYPERPARAMETER_TUNING."""

    id = "E3008"
    short_description = "Sample weights in HYPERPARAMETER_TUNING mode"
    description = (
        "Sample weights are supported in ENSEMBLING mode only. V2 names the column in "
        "TabularJobConfig.SampleWeightAttributeName, V1 on each input channel."
    )
    source = (
        '"Support for sample weights is available in Ensembling mode only." '
        f"({SPEC_V2_DESCRIBE}, {SPEC_V1_BOTO3_NEW})"
    )
    tags = ("tabular", "sample-weights")
    problem_types = frozenset({TABULAR})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report every SampleWeightAttributeName when Mode is HYPERPARAMETER_TUNING."""
        if tabular_mode(ctx) != HYPERPARAMETER_TUNING:
            return
        for path, value in sample_weights(ctx):
            yield (
                path,
                f"sample weights are supported in ENSEMBLING mode only (got {value!r} with Mode "
                "'HYPERPARAMETER_TUNING'; expected Mode 'ENSEMBLING'); set Mode to 'ENSEMBLING' "
                "or remove SampleWeightAttributeName",
            )
