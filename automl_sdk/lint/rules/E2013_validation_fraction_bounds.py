"""E2013: ValidationFraction strictly between 0 and 1."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._context import LintContext, get_number, show
from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint._registry import Rule


class ValidationFractionBounds(Rule):
    """ValidationFraction is exactly 0 or exactly 1."""

    id = "E2013"
    short_description = "ValidationFraction is 0 or 1"
    description = (
        "The documentation requires 0 < ValidationFraction < 1; the service model allows the "
        "closed range [0, 1], so 0 and 1 pass botocore. Values outside [0, 1] are reported by "
        "the schema check."
    )
    source = (
        '"The default value is 0.2, and values must be greater than 0 and less than 1." '
        f"({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})"
    )
    tags = ("data-split",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report ValidationFraction 0 or 1."""
        path, raw = ctx.validation_fraction
        value = get_number(raw)
        if value is None or value not in (0, 1):
            return
        yield (
            path,
            f"ValidationFraction must be strictly between 0 and 1 (got {show(value)}; expected "
            "greater than 0 and less than 1); the default is 0.2",
        )
