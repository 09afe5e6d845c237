"""E2013: ValidationFraction strictly between 0 and 1 (one wording for 0, 1 and beyond)."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import LintContext, Rule, get_number, show


class ValidationFractionBounds(Rule):
    """ValidationFraction is not greater than 0 and less than 1."""

    id = "E2013"
    short_description = "ValidationFraction not strictly between 0 and 1"
    description = (
        "The documentation requires 0 < ValidationFraction < 1; the service model allows the "
        "closed range [0, 1], so 0 and 1 pass botocore. This rule reports every number outside "
        "the open range, 0 and 1 as well as 1.5 or -0.1, in one wording, in place of the "
        "schema check's range finding (E1005)."
    )
    source = (
        '"The default value is 0.2, and values must be greater than 0 and less than 1." '
        f"({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})"
    )
    tags = ("data-split",)
    supersedes = ("E1005",)

    needs = ("DataSplitConfig",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a ValidationFraction that is not greater than 0 and less than 1."""
        path, raw = ctx.validation_fraction
        value = get_number(raw)
        if value is None or 0 < value < 1:
            return
        yield (
            path,
            f"ValidationFraction must be strictly between 0 and 1 (got {show(value)}; expected "
            "greater than 0 and less than 1); the default is 0.2",
        )
