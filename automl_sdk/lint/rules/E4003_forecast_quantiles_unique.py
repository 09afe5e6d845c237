"""E4003: ForecastQuantiles without repeats."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import repeats
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, get_list, join


class ForecastQuantilesUnique(Rule):
    """The same quantile listed twice."""

    id = "E4003"
    short_description = "Repeated forecast quantile"
    description = (
        "Up to five distinct quantiles p1-p99 can be given (the count and the p1-p99 form are "
        "schema checks); a repeated quantile wastes one of the five and is rejected."
    )
    source = (
        '"You can specify quantiles from 0.01 (p1) to 0.99 (p99), by increments of 0.01 or higher. '
        f'Up to five forecast quantiles can be specified." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series",)
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report every quantile already listed earlier."""
        base, quantiles = ctx.config_member("ForecastQuantiles")
        for index, value, first in repeats(get_list(quantiles) or []):
            yield (
                join(base, index),
                f"repeated forecast quantile (got {value!r}, already at index {first}; "
                "expected distinct quantiles); remove the repeat",
            )
