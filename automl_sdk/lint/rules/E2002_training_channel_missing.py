"""E2002: the input has a training channel; a single channel is the training channel."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import one_of
from automl_sdk.lint.rules_api import TRAINING, LintContext, Rule, join


class TrainingChannelMissing(Rule):
    """No channel is a training channel."""

    id = "E2002"
    short_description = "No training channel"
    description = (
        "The validation channel is optional, the training channel is not: with a single channel it "
        "must be the training channel (leave ChannelType out or set it to 'training'); with two, "
        "one of them must be."
    )
    source = (
        '"The type of channel. Defines whether the data are used for training or validation. The '
        f'default value is training." ({SPEC_V2_DESCRIBE}); "A minimum of 500 rows is required for '
        "the training dataset. There is not a minimum number of rows required for the validation "
        f'dataset." ({SPEC_V1_BOTO3})'
    )
    tags = ("channels",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a channel list, with only well-formed channels, that has no training channel."""
        items = ctx.get_list(ctx.channels_path)
        if not items or len(ctx.channels) != len(items):
            return
        kinds = ctx.channel_types
        if None in kinds or TRAINING in kinds:
            return
        if len(kinds) == 1:
            yield (
                join(ctx.channels[0][0], "ChannelType"),
                f"a single channel must be the training channel (got {kinds[0]!r}; expected "
                "'training'); remove ChannelType or set it to 'training'",
            )
            return
        got = one_of(kind for kind in kinds if kind is not None).replace(" or ", " and ")
        yield (
            ctx.channels_path,
            f"no training channel (got {got}; expected one channel with ChannelType 'training'); "
            "set ChannelType to 'training' on the training data",
        )
