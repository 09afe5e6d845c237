"""E2001: at most one training and one validation channel."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint.rules._helpers import repeats
from automl_sdk.lint.rules_api import TRAINING, VALIDATION, LintContext, Rule, join


class ChannelTypeRepeated(Rule):
    """Two channels of the same ``ChannelType`` (an omitted ChannelType counts as training)."""

    id = "E2001"
    short_description = "More than one training or validation channel"
    description = (
        "A request has at most two channels: one training channel and, optionally, one validation "
        "channel. A channel without ChannelType is a training channel (the documented default), so "
        "two channels that both omit it are two training channels."
    )
    source = (
        '"Array Members: Minimum number of 1 item. Maximum number of 2 items." '
        f'"The default value is training." ({SPEC_V2_API}); '
        '"Channels for training and validation must share the same ContentType and '
        f'TargetAttributeName." ({SPEC_V1_BOTO3})'
    )
    tags = ("channels",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report every channel whose type was already used by an earlier channel."""
        for index, kind, first in repeats(ctx.channel_types):
            path, channel = ctx.channels[index]
            got = repr(kind) if "ChannelType" in channel else "no ChannelType, so 'training'"
            other = VALIDATION if kind == TRAINING else TRAINING
            yield (
                join(path, "ChannelType"),
                f"second {kind} channel (got {got}; expected at most one training and one "
                f"validation channel, and {ctx.channels[first][0]} is already {kind}); set "
                f"ChannelType to {other!r} on one of them",
            )
