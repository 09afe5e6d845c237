"""W2016: a validation channel and a ValidationFraction together."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3
from automl_sdk.lint.rules_api import VALIDATION, LintContext, Rule, show


class ValidationChannelAndFraction(Rule):
    """Both a validation channel and a ValidationFraction are given."""

    id = "W2016"
    short_description = "Validation channel and ValidationFraction both given"
    description = (
        "ValidationFraction is the portion of the training dataset held out for validation; with "
        "a separate validation channel it is at best redundant. Give one or the other."
    )
    source = (
        '"The validation fraction (optional) is a float that specifies the portion of the '
        f'training dataset to be used for validation." ({SPEC_V1_BOTO3})'
    )
    tags = ("data-split", "channels")

    needs = ("DataSplitConfig",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report ValidationFraction when a channel is a validation channel."""
        path, value = ctx.validation_fraction
        if value is None or VALIDATION not in ctx.channel_types:
            return
        yield (
            path,
            f"ValidationFraction is given with a validation channel (got {show(value)}; expected "
            "either a validation channel or a ValidationFraction); remove one of them",
        )
