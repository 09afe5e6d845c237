"""E2003: training and validation channels share ContentType."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from automl_sdk.lint._docs_tables import (
    CONTENT_TYPES,
    DEFAULT_CONTENT_TYPE,
    SPEC_V1_BOTO3,
    SPEC_V2_DESCRIBE,
)
from automl_sdk.lint.rules._helpers import training_and_validation
from automl_sdk.lint.rules_api import LintContext, Rule, join


class ChannelContentTypeMismatch(Rule):
    """The validation channel's ContentType differs from the training channel's."""

    id = "E2003"
    short_description = "Training and validation channels have different ContentType"
    description = (
        "Both channels must hold data of the same content type. An omitted ContentType is the "
        "documented default of the problem type (text/csv;header=present, image/* for image "
        "classification), so an explicit Parquet validation channel next to a training channel "
        "without ContentType is a mismatch. A value the problem type does not allow is left to "
        "E2006."
    )
    source = (
        '"Channels for training and validation must share the same ContentType" '
        f'({SPEC_V2_DESCRIBE}); "Channels for training and validation must share the same '
        f'ContentType and TargetAttributeName." ({SPEC_V1_BOTO3})'
    )
    tags = ("channels", "content-type")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Compare the first training and the first validation channel."""
        pair = training_and_validation(ctx)
        if pair is None:
            return
        (_, training), (validation_path, validation) = pair
        default = DEFAULT_CONTENT_TYPE.get(ctx.problem_type or "")
        expected = _content_type(training, default)
        got = _content_type(validation, default)
        if expected is None or got is None or expected == got:
            return
        allowed = CONTENT_TYPES.get(ctx.problem_type or "")
        if allowed is not None and not {expected, got} <= set(allowed):
            return  # E2006 reports the value that is not allowed
        yield (
            join(validation_path, "ContentType"),
            f"validation channel ContentType differs from the training channel's (got {got!r}; "
            f"expected {expected!r}, the training channel's); use the same format for both",
        )


def _content_type(channel: dict[str, Any], default: str | None) -> str | None:
    value = channel.get("ContentType")
    if value is None:
        return default
    return value if isinstance(value, str) else None
