"""E2015: no DataSplitConfig for time-series forecasting."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, show


class DataSplitTimeSeries(Rule):
    """DataSplitConfig in a time-series forecasting request."""

    id = "E2015"
    short_description = "DataSplitConfig set for time-series forecasting"
    description = (
        "Autopilot splits time-series data into training and validation sets itself; a "
        "DataSplitConfig must not be given for that problem type."
    )
    source = (
        '"This attribute must not be set for the time-series forecasting problem type, as '
        'Autopilot automatically splits the input dataset into training and validation sets." '
        f"({SPEC_V2_API})"
    )
    tags = ("data-split", "time-series")
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    needs = ("DataSplitConfig",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report DataSplitConfig when the problem type is time-series forecasting."""
        value = ctx.get("DataSplitConfig")
        if value is None:
            return
        yield (
            "DataSplitConfig",
            f"DataSplitConfig must not be set for time-series forecasting (got {show(value)}; "
            "expected no DataSplitConfig); remove it, Autopilot splits the data itself",
        )
