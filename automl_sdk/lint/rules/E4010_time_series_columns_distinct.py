"""E4010: target, timestamp and item identifier are three different columns."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, get_dict, join

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
        config = get_dict(ctx.problem_config, "TimeSeriesConfig") or {}
        base = join(ctx.problem_config_path, "TimeSeriesConfig")
        used: dict[str, str] = {}
        for key in _COLUMNS:
            column = config.get(key)
            if not isinstance(column, str):
                continue
            if column in used:
                yield (
                    join(base, key),
                    f"{key} is the same column as {used[column]} (got {column!r}; expected a "
                    "different column)",
                )
            else:
                used[column] = key
