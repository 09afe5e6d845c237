"""W3009: SampleWeightAttributeName without Mode ENSEMBLING."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import AUTO, SPEC_V1_BOTO3_NEW, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import sample_weights
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule


class SampleWeightModeUnset(Rule):
    """SampleWeightAttributeName with Mode AUTO or no Mode."""

    id = "W3009"
    short_description = "Sample weights without Mode ENSEMBLING"
    description = (
        "Sample weights work in ENSEMBLING mode only. In AUTO mode (or without a Mode) Autopilot "
        "picks HYPERPARAMETER_TUNING for datasets of 100 MB or more, and the weights would not "
        "apply; set Mode to ENSEMBLING to be sure."
    )
    source = (
        '"Support for sample weights is available in Ensembling mode only." '
        f'({SPEC_V2_DESCRIBE}, {SPEC_V1_BOTO3_NEW}); "In AUTO mode, Autopilot chooses ENSEMBLING '
        f'for datasets smaller than 100 MB, and HYPERPARAMETER_TUNING for larger ones." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("tabular", "sample-weights")
    problem_types = frozenset({TABULAR})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report every SampleWeightAttributeName when Mode is AUTO or absent."""
        mode = ctx.problem_config.get("Mode")
        if mode not in (None, AUTO):
            return
        got = "Mode 'AUTO'" if mode == AUTO else "no Mode"
        for path, value in sample_weights(ctx):
            yield (
                path,
                f"sample weights may be ignored (got {value!r} with {got}; expected Mode "
                "'ENSEMBLING'); set Mode to 'ENSEMBLING'",
            )
