"""E7010: a column the request names is not in the data's header."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext, column_members
from automl_sdk.check._facts import Channel
from automl_sdk.check._rule import API_V1_PAGE, DATASETS_PAGE, GUIDE, CheckRule
from automl_sdk.check.rules._helpers import header_sample, header_source, names
from automl_sdk.lint.rules_api import closest


class ColumnMissing(CheckRule):
    """TargetAttributeName (or another column member) names no column of the data."""

    id = "E7010"
    short_description = "Column named by the request is not in the data"
    description = (
        "The target, sample weight, time-series target, timestamp, item identifier and "
        "grouping columns, and the text classification content and label columns, must be "
        "columns of the data: of the CSV header (after gunzip) or the Parquet schema of the "
        "training data. Names are compared exactly; the message suggests a close spelling. "
        "The V1 API rejects a missing target with 'Target attribute name y does not exist in "
        "header.'; the others fail the job later."
    )
    source = (
        '"The name of the target variable in supervised learning, usually represented by '
        f"'y'.\" (TargetAttributeName, {API_V1_PAGE}); {GUIDE}, Autopilot datasets "
        f"({DATASETS_PAGE}): time-series data has item-id, target and timestamp columns at least."
    )
    tags = ("data", "columns")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Look up each column member in the header of the channel(s) it applies to."""
        for path, column, role, index in column_members(ctx):
            for channel in _channels(ctx, index):
                sample = header_sample(channel)
                if sample is None or sample.header is None or column in sample.header:
                    continue
                hint = closest(column, sample.header)
                fix = f"; did you mean {hint!r}?" if hint else ""
                yield (
                    path,
                    f"{role} is not in the data (got {column!r}; expected a column of "
                    f"{header_source(sample)}: {names(sample.header)}){fix}",
                )
                break


def _channels(ctx: CheckContext, index: int | None) -> list[Channel]:
    if index is not None:
        return [channel for channel in ctx.data if channel.index == index]
    return ctx.training()
