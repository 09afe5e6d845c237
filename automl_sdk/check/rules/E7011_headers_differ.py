"""E7011: the sampled files of one channel do not share one header."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import DATASETS_PAGE, GUIDE, CheckRule
from automl_sdk.check.rules._helpers import names


class HeadersDiffer(CheckRule):
    """Files under one channel have different columns."""

    id = "E7011"
    short_description = "Files of a channel have different headers"
    description = (
        "Autopilot reads every file under a channel as one table, so each must have the same "
        "columns in the same order. The check compares the header (or Parquet schema) of each "
        "sampled file with the first one's."
    )
    source = (
        f"{GUIDE}, Autopilot datasets ({DATASETS_PAGE}): with two channels, both share format "
        "and schema; the files of one channel are one dataset, so they share it too."
    )
    tags = ("data", "columns")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report the first sampled file whose header differs from the channel's first."""
        for channel in ctx.data:
            headed = [sample for sample in channel.samples if sample.header is not None]
            if len(headed) < 2:
                continue
            first = headed[0]
            for other in headed[1:]:
                if other.header != first.header:
                    yield (
                        channel.uri_path,
                        f"files of the channel have different headers (got "
                        f"{names(other.header or ())} in {other.uri}; expected "
                        f"{names(first.header or ())} as in {first.uri})",
                    )
                    break
