"""E2023: every channel has a DataSource."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3
from automl_sdk.lint.rules_api import LintContext, Rule, join


class ChannelDataSourceMissing(Rule):
    """A channel has no DataSource, so it names no data to read."""

    id = "E2023"
    short_description = "Channel without a DataSource"
    description = (
        "A channel is a named input source; without a DataSource it names no data. The boto3 "
        "create_auto_ml_job page marks a channel's DataSource required, while the service model "
        "makes it optional (for V1 and V2 channels alike), so botocore's own validation lets such "
        "a channel through. A DataSource given as null is a wrong type (E1002)."
    )
    source = (
        '"A channel is a named input source that training algorithms can consume." '
        f'"DataSource (dict) \u2013 [REQUIRED]" "The data source for an AutoML channel." ({SPEC_V1_BOTO3})'
    )
    tags = ("channels", "s3")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report each channel object that leaves DataSource out."""
        for path, channel in ctx.channels:
            if "DataSource" not in channel:
                yield (
                    join(path, "DataSource"),
                    "channel has no DataSource (got no DataSource; expected DataSource."
                    "S3DataSource with S3DataType and S3Uri); add the S3 location of the data",
                )
