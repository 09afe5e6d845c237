"""W3004: AlgorithmsConfig without a Mode."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule, join


class AlgorithmsWithoutMode(Rule):
    """CandidateGenerationConfig.AlgorithmsConfig with no Mode."""

    id = "W3004"
    short_description = "AlgorithmsConfig without a training Mode"
    description = (
        "Which algorithms may be listed depends on the training mode, and AlgorithmsConfig must "
        "not be used in AUTO mode; the documentation gives no default for Mode, so name it "
        "(ENSEMBLING or HYPERPARAMETER_TUNING) whenever you list algorithms."
    )
    source = (
        '"The list of available algorithms to choose from depends on the training mode set in '
        'AutoMLJobConfig.Mode." "AlgorithmsConfig should not be set in AUTO training mode." '
        f"({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})"
    )
    tags = ("tabular", "algorithms")
    problem_types = frozenset({TABULAR})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a missing Mode when AlgorithmsConfig is set."""
        if ctx.problem_config.get("Mode") is not None or ctx.algorithms_config[1] is None:
            return
        yield (
            join(ctx.problem_config_path, "Mode"),
            "AlgorithmsConfig is set without a training Mode (got no Mode; expected 'ENSEMBLING' "
            "or 'HYPERPARAMETER_TUNING'); the allowed algorithms depend on the mode",
        )
