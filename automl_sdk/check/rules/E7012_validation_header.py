"""E7012: the validation channel's header is not the training channel's."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import DATASETS_PAGE, GUIDE, CheckRule
from automl_sdk.check.rules._helpers import header_sample, names


class ValidationHeader(CheckRule):
    """Validation data has other columns than the training data."""

    id = "E7012"
    short_description = "Validation data has another header than the training data"
    description = (
        "With a training and a validation channel, both must have the same columns (the same "
        "header row, or the same Parquet schema)."
    )
    source = (
        f"{GUIDE}, Autopilot datasets ({DATASETS_PAGE}): validation data has the training "
        "data's header; with two channels, both share format and schema."
    )
    tags = ("data", "columns", "channels")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Compare the first header of each validation channel with the training one's."""
        training = [header_sample(channel) for channel in ctx.training()]
        reference = next((sample for sample in training if sample is not None), None)
        if reference is None or reference.header is None:
            return
        for channel in ctx.validation():
            sample = header_sample(channel)
            if sample is not None and sample.header != reference.header:
                yield (
                    channel.path,
                    f"validation data has another header than the training data (got "
                    f"{names(sample.header or ())} in {sample.uri}; expected the training "
                    f"header {names(reference.header)})",
                )
