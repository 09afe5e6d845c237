"""E4009: grouping columns distinct from each other and from the other time-series columns."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import repeats
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, get_dict, get_list, join

_OTHER_COLUMNS = ("TargetAttributeName", "TimestampAttributeName", "ItemIdentifierAttributeName")


class GroupingColumnsDistinct(Rule):
    """A grouping column that repeats, or that is the target, timestamp or item id column."""

    id = "E4009"
    short_description = "Grouping column repeated or reused"
    description = (
        "GroupingAttributeNames (1 to 5 columns, a schema check) is a set of columns grouped "
        "with the item identifier column into a composite key: each column once, and none of "
        "them the target, timestamp or item identifier column."
    )
    source = (
        '"A set of columns names that can be grouped with the item identifier column to create a '
        f'composite key for which a target value is predicted." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series",)
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report repeated grouping columns and grouping columns used elsewhere."""
        path, config = ctx.config_member("TimeSeriesConfig")
        config = get_dict(config) or {}
        others = {config[key]: key for key in _OTHER_COLUMNS if isinstance(config.get(key), str)}
        base = join(path, "GroupingAttributeNames")
        columns = get_list(config, "GroupingAttributeNames") or []
        for index, column in enumerate(columns):
            if isinstance(column, str) and column in others:
                yield (
                    join(base, index),
                    f"grouping column is also the {others[column]} (got {column!r}; expected a "
                    "column other than the target, timestamp and item identifier columns)",
                )
        for index, column, _ in repeats(columns):
            if column not in others:  # reported above, at every place it stands
                yield (
                    join(base, index),
                    f"repeated grouping column (got {column!r} twice; expected distinct columns)",
                )
