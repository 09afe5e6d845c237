"""W2014: ValidationFraction below 0.5, as recommended."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import LintContext, Rule, get_number, show


class ValidationFractionLarge(Rule):
    """ValidationFraction of 0.5 or more (but below 1)."""

    id = "W2014"
    short_description = "ValidationFraction of 0.5 or more"
    description = (
        "Holding out half the data or more for validation leaves little to train on; the "
        "documentation recommends a fraction below 0.5."
    )
    source = f'"We recommend setting this value to be less than 0.5." ({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})'
    tags = ("data-split",)

    needs = ("DataSplitConfig",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report 0.5 <= ValidationFraction < 1."""
        path, raw = ctx.validation_fraction
        value = get_number(raw)
        if value is None or not 0.5 <= value < 1:
            return
        yield (
            path,
            f"ValidationFraction is not below the recommended 0.5 (got {show(value)}; expected "
            "less than 0.5); the default is 0.2",
        )
