"""I7018: the row rules could not count the rows from the bytes read."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._facts import Channel
from automl_sdk.check._rule import DATASETS_PAGE, GUIDE, LLM_DATA_PAGE, CheckRule
from automl_sdk.lint.rules_api import TABULAR, TEXT_GENERATION, TIME_SERIES


class RowsNotChecked(CheckRule):
    """Rows were not counted: the data is larger than what the check reads."""

    id = "I7018"
    short_description = "Rows not counted without --scan"
    description = (
        "The row rules (E7015 at least 500 tabular rows, E7016 the text generation row cap, "
        "E7017 the forecast horizon against the time steps) need every row. Without --scan "
        "the check reads one listing page and the first 64 KiB of a few objects; when that is "
        "not the whole channel, this rule says the rows were not counted rather than guess."
    )
    source = (
        f"{GUIDE} ({DATASETS_PAGE}, {LLM_DATA_PAGE}): tabular training data has at least 500 "
        "rows; fine-tuning rows are capped per base model; ForecastHorizon is at most a quarter "
        "of the time steps. This rule says when the rows were not counted."
    )
    tags = ("data", "rows", "not-checked")
    problem_types = frozenset({TABULAR, TEXT_GENERATION, TIME_SERIES})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report each channel a row rule needs whose rows are not known."""
        channels = ctx.data if ctx.problem_type == TEXT_GENERATION else ctx.training()
        for channel in channels:
            if _unreadable(channel) or channel.read_whole:
                continue
            listed = f"{len(channel.objects):,}{'' if channel.listing_complete else '+'}"
            yield (
                channel.path,
                f"rows not counted (read {len(channel.samples)} of {listed} objects, the "
                "first 64 KiB of each; expected the whole data to count them); run with --scan "
                "(scan=True) to count every row",
            )


def _unreadable(channel: Channel) -> bool:
    """Other rules already report a channel that could not be read at all."""
    return bool(
        channel.bucket_missing
        or channel.failures
        or channel.manifest_problem
        or channel.missing_objects
        or not channel.objects
        or any(sample.pyarrow_missing for sample in channel.samples)
    )
