"""E4010: target, timestamp and item identifier are three different columns."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import repeats
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, join

_COLUMNS = ("TargetAttributeName", "TimestampAttributeName", "ItemIdentifierAttributeName")


class TimeSeriesColumnsDistinct(Rule):
    """Two of TargetAttributeName, TimestampAttributeName, ItemIdentifierAttributeName are equal."""

    id = "E4010"
    short_description = "Time-series target, timestamp and item id columns not distinct"
    description = (
        "The target (numerical values to predict), the timestamp and the item identifier are "
        "three different roles and must be three different columns."
    )
    source = (
        'TargetAttributeName: "The name of the column representing the target variable that you '
        "want to predict for each item in your dataset. The data type of the target variable must "
        'be numerical." TimestampAttributeName: "The name of the column indicating a point in '
        'time at which the target value of a given item is recorded." '
        'ItemIdentifierAttributeName: "The name of the column that represents the set of item '
        f'identifiers for which you want to predict the target value." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series",)
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report each column that an earlier role already uses."""
        base, config = ctx.config_member("TimeSeriesConfig")
        if not isinstance(config, dict):
            return
        for index, column, first in repeats([config.get(key) for key in _COLUMNS]):
            yield (
                join(base, _COLUMNS[index]),
                f"{_COLUMNS[index]} is the same column as {_COLUMNS[first]} (got {column!r}; "
                "expected a different column)",
            )
