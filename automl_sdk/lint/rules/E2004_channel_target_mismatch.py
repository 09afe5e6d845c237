"""E2004: V1 training and validation channels share TargetAttributeName."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V1_CLI
from automl_sdk.lint.rules._helpers import training_and_validation
from automl_sdk.lint.rules_api import V1, LintContext, Rule, join


class ChannelTargetMismatch(Rule):
    """The V1 validation channel names another target column than the training channel."""

    id = "E2004"
    short_description = "Training and validation channels have different TargetAttributeName"
    description = (
        "In a CreateAutoMLJob (V1) request each channel names the target column; the training and "
        "validation channels must name the same one. (V2 names it once, in the problem-type config.)"
    )
    source = (
        '"Channels for training and validation must share the same ContentType and '
        f'TargetAttributeName." ({SPEC_V1_BOTO3}, {SPEC_V1_CLI})'
    )
    tags = ("channels", "v1")
    operations = frozenset({V1})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Compare the first training and the first validation channel's target column."""
        pair = training_and_validation(ctx)
        if pair is None:
            return
        (_, training), (validation_path, validation) = pair
        expected = training.get("TargetAttributeName")
        got = validation.get("TargetAttributeName")
        if not isinstance(expected, str) or not isinstance(got, str) or expected == got:
            return
        yield (
            join(validation_path, "TargetAttributeName"),
            "validation channel TargetAttributeName differs from the training channel's "
            f"(got {got!r}; expected {expected!r}, the training channel's)",
        )
