"""E3003: no AlgorithmsConfig in AUTO mode."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import AUTO, SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import tabular_mode
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule


class AlgorithmsInAutoMode(Rule):
    """CandidateGenerationConfig.AlgorithmsConfig with Mode AUTO."""

    id = "E3003"
    short_description = "AlgorithmsConfig set in AUTO mode"
    description = (
        "In AUTO mode Autopilot picks the training mode, and with it the algorithms; an "
        "AlgorithmsConfig only makes sense with Mode ENSEMBLING or HYPERPARAMETER_TUNING. Applies "
        "to V2 TabularJobConfig and V1 AutoMLJobConfig."
    )
    source = f'"AlgorithmsConfig should not be set in AUTO training mode." ({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})'
    tags = ("tabular", "algorithms")
    problem_types = frozenset({TABULAR})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report AlgorithmsConfig when Mode is AUTO."""
        path, algorithms = ctx.algorithms_config
        if algorithms is None or tabular_mode(ctx) != AUTO:
            return
        yield (
            path,
            "AlgorithmsConfig must not be set in AUTO mode (got Mode 'AUTO'; expected Mode "
            "'ENSEMBLING' or 'HYPERPARAMETER_TUNING'); set Mode or remove AlgorithmsConfig",
        )
