"""E7017: ForecastHorizon is more than a quarter of the time steps in the data."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext, timestamp_column
from automl_sdk.check._rule import API_V2_DESCRIBE_PAGE, DATASETS_PAGE, GUIDE, CheckRule
from automl_sdk.lint.rules_api import TIME_SERIES, get_int, join


class ForecastHorizonHistory(CheckRule):
    """The horizon is longer than a quarter of the history."""

    id = "E7017"
    short_description = "ForecastHorizon is more than a quarter of the time steps"
    description = (
        "The forecast horizon is at most a quarter of the time steps in the dataset (and at "
        "most 500, which lint checks). The time steps are the distinct values of the timestamp "
        "column, counted when the objects read hold the whole training data (or with --scan)."
    )
    source = (
        '"The maximum forecast horizon is the lesser of 500 time-steps or 1/4 of the time-steps '
        f'in the dataset." (ForecastHorizon, {API_V2_DESCRIBE_PAGE}); {GUIDE} ({DATASETS_PAGE}): '
        "ForecastHorizon at most 500 and at most a quarter of the time steps."
    )
    tags = ("data", "rows", "time-series")
    problem_types = frozenset({TIME_SERIES})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Count the distinct timestamps of the training data and compare."""
        horizon = get_int(ctx.problem_config, "ForecastHorizon")
        column = timestamp_column(ctx)
        channels = ctx.training()
        if horizon is None or column is None or not channels:
            return
        steps: set[str] = set()
        for channel in channels:
            if not channel.read_whole:
                return
            for sample in channel.samples:
                if sample.values is None or column not in sample.values:
                    return
                steps |= sample.values[column]
        if steps and horizon * 4 > len(steps):
            yield (
                join(ctx.problem_config_path, "ForecastHorizon"),
                f"ForecastHorizon is more than a quarter of the time steps in the data (got "
                f"{horizon} with {len(steps):,} time steps of {column!r}; expected at most "
                f"{len(steps) // 4}); shorten the horizon or provide more history",
            )
